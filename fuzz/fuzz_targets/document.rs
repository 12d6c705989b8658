//! The whole-document parser on arbitrary bytes: never panics, and whatever
//! it returns survives JSON and XML round trips, with well-formed XML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = sote_records::parse_bytes("fuzz.txt", data) else {
        return;
    };
    let text = std::str::from_utf8(data).expect("parse_bytes accepted it");
    for d in &doc.dates {
        assert_eq!(d.span.slice(text), Some(d.text.as_str()));
    }
    let json = sote_records::to_json_string(&doc).expect("JSON export");
    assert_eq!(sote_records::from_json(&json).expect("JSON read-back"), doc);
    let xml = sote_records::to_xml_string(&doc).expect("XML export");
    roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(sote_records::from_xml(&xml).expect("XML read-back"), doc);
});
