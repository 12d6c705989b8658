//! Fuzz target `people`: see `sote_records_fuzz::checks::run`.
#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| sote_records_fuzz::checks::run("people", data));

#[cfg(not(fuzzing))]
fn main() {
    sote_records_fuzz::replay_main("people");
}
