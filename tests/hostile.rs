//! Hostile input: whatever the bytes, the parser returns a record or a clear
//! error — never a panic — and a record always exports to valid JSON and
//! well-formed XML that read back into the same record.
//!
//! Invalid UTF-8 is refused by default (`InvalidUtf8::Reject`) with an error
//! naming the input and the byte offset, line and column of the first bad
//! byte; `InvalidUtf8::Replace` decodes it lossily instead.

use sote_records::{Config, Document, ErrorKind, InvalidUtf8};

/// Parses `bytes` and checks the record's exports; returns the record.
fn survive(name: &str, bytes: &[u8]) -> Option<Document> {
    let doc = match sote_records::parse_bytes(name, bytes) {
        Ok(d) => d,
        Err(e) => {
            assert!(
                e.position().is_some(),
                "{name}: error without a position: {e}"
            );
            assert_eq!(e.input(), Some(name));
            return None;
        }
    };
    let json = sote_records::to_json_string(&doc).expect("JSON export");
    serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    assert_eq!(
        sote_records::from_json(&json).expect("JSON read-back"),
        doc,
        "{name}"
    );
    let xml = sote_records::to_xml_string(&doc).expect("XML export");
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("{name}: XML not well-formed: {e}");
    }
    assert_eq!(
        sote_records::from_xml(&xml).expect("XML read-back"),
        doc,
        "{name}"
    );
    let text = std::str::from_utf8(bytes).expect("accepted input is UTF-8");
    for d in &doc.dates {
        assert_eq!(d.span.slice(text), Some(d.text.as_str()), "{name}");
    }
    Some(doc)
}

#[test]
fn invalid_utf8_is_a_clear_error_with_its_position() {
    let bytes = b"Ohjausryhm\xE4 kokoontui\n14.3. Tampereella\xFF\n";
    let err = sote_records::parse_bytes("arkisto/rikki.txt", bytes).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidUtf8 { .. }));
    let p = err.position().unwrap();
    assert_eq!((p.byte, p.line, p.column), (10, 1, 11));
    let message = err.to_string();
    assert!(
        message.starts_with("arkisto/rikki.txt:1:11 (byte 10): invalid UTF-8"),
        "{message}"
    );
    // The lossy policy keeps the document instead.
    let doc = Config::new()
        .invalid_utf8(InvalidUtf8::Replace)
        .parse_bytes("rikki.txt", bytes)
        .unwrap();
    assert!(doc.title.unwrap().contains('\u{FFFD}'));
}

#[test]
fn control_characters_and_nul() {
    let mut text = String::from("Otsikko\u{0}\u{1}\u{1b}[31m\u{7f}\n\n13.12.2018\n\n");
    text.push_str("Työryhmä\u{0} kokoontui 14.3. Oulussa \u{fffe}\u{ffff} ]]> & <x>.\n");
    let doc = survive("control.txt", text.as_bytes()).expect("a record");
    assert!(doc.title.unwrap().contains('\u{0}'));
}

#[test]
fn empty_whitespace_bom_and_line_ends() {
    for (name, input) in [
        ("empty", ""),
        ("spaces", "   \t \u{a0}\u{3000} "),
        ("newlines", "\n\n\r\n\r\r\n"),
        (
            "bom",
            "\u{feff}Ajankohtaista\n\n23.02.2018\n\nJohtoryhmä kokoontui Oulussa\n",
        ),
        (
            "crlf",
            "Ajankohtaista\r\n\r\n23.02.2018\r\n\r\nJohtoryhmä kokoontui 22.2. Oulussa\r\n",
        ),
        (
            "lone cr",
            "Ajankohtaista\r\r23.02.2018\r\rJohtoryhmä kokoontui 22.2. Oulussa\r",
        ),
    ] {
        survive(name, input.as_bytes()).expect("a record");
    }
    let crlf = survive(
        "crlf",
        "Uutiset\r\n\r\n05.03.2019\r\n\r\nOtsikko tässä\r\n".as_bytes(),
    )
    .unwrap();
    assert_eq!(crlf.title.as_deref(), Some("Otsikko tässä"));
    assert_eq!(
        crlf.published.map(|d| d.to_string()).as_deref(),
        Some("2019-03-05")
    );
    let cr = survive("cr", "Uutiset\r\r05.03.2019\r\rOtsikko tässä\r".as_bytes()).unwrap();
    assert_eq!(cr.title, crlf.title);
}

#[test]
fn right_to_left_and_combining_characters() {
    let text = "\u{202e}Ohjausryhmä\u{202c} kokoontui 14.3.2019 Tampereella.\nOulu\u{308}ssa ja \u{5d0}\u{5d1} ja a\u{301}\u{302}\u{303} \u{200d}\u{fe0f}\n";
    survive("rtl.txt", text.as_bytes()).expect("a record");
}

#[test]
fn ten_megabyte_single_line() {
    let line = "Ohjausryhmä kokoontui 14.3. Tampereella ja käsitteli noin 2,5 milj. euroa. ";
    let text = line.repeat(10_000_000 / line.len() + 1);
    assert!(text.len() > 10_000_000 && !text.contains('\n'));
    let doc = survive("long.txt", text.as_bytes()).expect("a record");
    assert!(doc.dates.len() > 100_000);
}

#[test]
fn a_megabyte_of_dots_and_ones() {
    survive("dots.txt", "1.1.1.1.".repeat(1 << 17).as_bytes()).expect("a record");
}

#[test]
fn a_hundred_thousand_group_meetings() {
    let doc =
        survive("kokous.txt", "-ryhmän kokous ".repeat(100_000).as_bytes()).expect("a record");
    assert!(doc.meetings.is_empty(), "no dates, no meetings");
}

#[test]
fn deeply_repeated_list_markers() {
    let line = format!("{}x\n", "- ".repeat(2000));
    survive("markers.txt", line.repeat(200).as_bytes()).expect("a record");
    let numbered = "1. 1. 1. 1. 1. 1. 1. 1. 1. 1. ".repeat(5000);
    survive("numbered.txt", numbered.as_bytes()).expect("a record");
}

#[test]
fn size_limit_gives_a_clear_error() {
    let config = Config::new().max_document_bytes(1 << 20);
    let text = "a".repeat((1 << 20) + 1);
    let err = config.parse("iso.txt", &text).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::TooLarge { size, limit } if *size == (1 << 20) + 1 && *limit == 1 << 20)
    );
    assert!(err.to_string().contains("iso.txt"), "{err}");
    assert_eq!(
        Config::default().get_max_document_bytes(),
        Config::DEFAULT_MAX_DOCUMENT_BYTES
    );
}
