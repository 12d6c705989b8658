//! Fuzz target `programmes`: see `sote_records_fuzz::checks::run`.
#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sote_records_fuzz::checks::run("programmes", data));

#[cfg(not(fuzzing))]
fn main() {
    sote_records_fuzz::replay_main("programmes");
}
