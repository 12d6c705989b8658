//! The hand-written JSON writer against serde_json on generated announcements.

/// The synthetic archive generator of `examples/gen_archive.rs`, so the test
/// covers the very text the converter is timed on.
#[path = "../examples/gen_archive.rs"]
#[allow(dead_code)]
mod gen_archive;

/// Every generated record, parsed, is written by `append_json` exactly as
/// `serde_json::to_vec` writes it.
#[test]
fn generated_records_are_written_as_serde_json_writes_them() {
    let mut checked = 0;
    gen_archive::generate(11, 300, |i, text| {
        let doc = sote_records::parse(&format!("{i:07}.txt"), &text).unwrap();
        let mut out = Vec::new();
        sote_records::append_json(&mut out, &doc);
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&serde_json::to_vec(&doc).unwrap()),
            "document {i}"
        );
        checked += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(checked, 300);
}
