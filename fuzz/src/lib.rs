//! Fuzz targets for `sote-records`: the checks live in [`checks`], shared
//! with the crate's stable regression test.

pub mod checks;

/// The `main` of a target built without `cargo fuzz` (on stable): runs the
/// target on every file named on the command line, so crashes found by the
/// fuzzer replay anywhere.
pub fn replay_main(target: &str) {
    let mut n = 0;
    for path in std::env::args_os().skip(1) {
        let data =
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.to_string_lossy()));
        checks::run(target, &data);
        n += 1;
    }
    eprintln!("{target}: {n} inputs replayed");
}
