//! Replays every input in `fuzz/regressions/<target>/` through the checks
//! its fuzz target runs (`fuzz/src/checks.rs`, included here), so each crash
//! or hang the fuzzer ever found stays fixed, on stable, in CI. Also runs the
//! checks over the crate's own texts (the fuzz corpus seeds).

#[allow(dead_code)]
#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file());
    out.sort();
    out
}

#[test]
fn every_saved_fuzz_finding_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for target in checks::TARGETS {
        for input in files(&root.join(target)) {
            let data = std::fs::read(&input).expect("regression input");
            checks::run(target, &data);
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} saved fuzz inputs");
}

#[test]
fn every_target_passes_on_the_crates_own_texts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = files(&root.join("tests/fixtures"));
    texts.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    assert!(!texts.is_empty());
    for path in texts {
        let data = std::fs::read(&path).expect("fixture");
        for target in checks::TARGETS {
            checks::run(target, &data);
        }
    }
}
