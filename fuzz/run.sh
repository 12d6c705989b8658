#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS seconds each (default 60),
# seeded with the crate's own texts, and saves any finding's minimised input
# under fuzz/regressions/<target>/ for tests/fuzz_regressions.rs to replay.
#   fuzz/run.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(dates money phones emails people places bodies organizations programmes document roundtrip)
fi
seeds=(../tests/fixtures ../examples/data/*/)
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    echo "=== $t (${seconds}s)"
    cargo +nightly fuzz run -O "$t" "corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="artifacts/$t/" -print_final_stats=1 2>&1 \
        | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|SUMMARY|==[0-9]+== ERROR)|cov:" | tail -6 || true
    for crash in artifacts/"$t"/*; do
        [ -e "$crash" ] || continue
        mkdir -p "regressions/$t"
        cp "$crash" "regressions/$t/"
        echo "finding saved: regressions/$t/$(basename "$crash")"
    done
done
