//! JSON and XML exports read back into equal records: for every bundled
//! sample, for a record with every field set, and for hostile text.

use std::path::{Path, PathBuf};

use sote_records::{
    Amount, Body, BodyKind, Currency, DateMention, Document, DocumentKind, DocumentWriter,
    EdtfDate, Entry, Event, EventKind, JsonArrayWriter, JsonLinesReader, JsonLinesWriter, Meeting,
    MeetingStatus, Organization, Person, Place, Programme, Role, RoleKind, Season, Span,
    XmlDocumentsReader, XmlDocumentsWriter,
};

fn samples() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data"),
        &mut out,
    );
    assert!(
        out.len() >= 10,
        "the sample archive holds {} texts",
        out.len()
    );
    out
}

/// A record with every list populated and every optional field set, with
/// text that needs escaping in both formats.
fn full_record(text: &str) -> Document {
    let day = EdtfDate::day(2019, 3, 14).unwrap();
    let span = Span::new(3, 9);
    let mut d = Document::new(format!("alue/{text}.txt"));
    d.kind = DocumentKind::BodyPage;
    d.title = Some(format!("Otsikko {text}"));
    d.published = Some(day);
    d.region = Some("Pirkanmaa".into());
    d.comments = Some(4);
    d.entries.push(Entry {
        posted: Some(day),
        title: format!("Ryhmän kokous {text}"),
        documents: vec!["Muistio".into(), format!("Liite {text}")],
        summary: Some(format!("Yhteenveto\n\n{text}")),
        comments: Some(0),
        span,
    });
    d.bodies.push(Body {
        name: format!("Alueellinen johtoryhmä {text}"),
        kind: BodyKind::SteeringGroup,
        abbreviation: Some("AJR".into()),
        aliases: vec!["johtoryhmä".into(), text.into()],
        text: text.into(),
        span,
    });
    d.people.push(Person {
        name: "Aino-Maija Kärkkäinen".into(),
        title: Some(format!("muutosjohtaja {text}")),
        phone: Some("+358401234567".into()),
        email: Some("aino-maija.karkkainen@pirkanmaa.fi".into()),
        roles: vec![
            Role {
                role: RoleKind::Chair,
                body: "Alueellinen johtoryhmä".into(),
            },
            Role {
                role: RoleKind::DeputyMember,
                body: text.into(),
            },
        ],
        text: text.into(),
        span,
    });
    d.meetings.push(Meeting {
        bodies: vec!["Alueellinen johtoryhmä".into(), text.into()],
        date: Some(EdtfDate::interval(day, EdtfDate::day(2019, 3, 15).unwrap()).unwrap()),
        location: Some("Tampere".into()),
        status: MeetingStatus::Planned,
        documents: vec!["Asialista".into()],
        text: text.into(),
        span,
    });
    d.events.push(Event {
        kind: EventKind::Deadline,
        date: Some(EdtfDate::season(2019, Season::Autumn).unwrap()),
        text: text.into(),
        span,
    });
    d.events.push(Event {
        kind: EventKind::Other,
        date: None,
        text: text.into(),
        span,
    });
    d.dates.push(DateMention {
        value: EdtfDate::day_without_year(2, 29).unwrap(),
        text: text.into(),
        span,
    });
    d.amounts.push(Amount {
        value: 5_000_000_000,
        currency: Currency::Eur,
        approximate: true,
        text: text.into(),
        span,
    });
    d.places.push(Place {
        name: "Tampere".into(),
        text: text.into(),
        span,
    });
    d.organizations.push(Organization {
        name: "Kuntien Tiera Oy".into(),
        text: text.into(),
        span,
    });
    d.programmes.push(Programme {
        name: "Tulevaisuuden sote-keskus -hanke".into(),
        text: text.into(),
        span,
    });
    d
}

/// Text that XML 1.0 cannot carry as it is, and text that breaks naive writers.
const HOSTILE: &[&str] = &[
    "NUL \u{0} ESC \u{1B} BEL \u{7} FFFE \u{FFFE} FFFF \u{FFFF}",
    "]]> & < > \" ' &amp; &#0; <![CDATA[x]]>",
    "CR\rCRLF\r\nLF\n\ttab  two spaces ",
    " leading and trailing space ",
    "",
    "\u{A0}NBSP\u{FEFF}BOM\u{200B}ZWSP \u{202E}RTL\u{202C} a\u{301}",
    "emoji 🦀 and astral 𝔘",
];

fn xml_round_trip(doc: &Document) -> Document {
    let xml = sote_records::to_xml_string(doc).unwrap();
    roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"));
    sote_records::from_xml(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"))
}

fn json_round_trip(doc: &Document) -> Document {
    let json = sote_records::to_json_string(doc).unwrap();
    serde_json::from_str::<serde_json::Value>(&json).expect("valid JSON");
    sote_records::from_json(&json).unwrap()
}

#[test]
fn full_record_round_trips_in_both_formats() {
    let doc = full_record("tavallinen teksti");
    assert_eq!(json_round_trip(&doc), doc);
    assert_eq!(xml_round_trip(&doc), doc);
}

#[test]
fn empty_record_round_trips_in_both_formats() {
    let doc = Document::new("");
    assert_eq!(json_round_trip(&doc), doc);
    assert_eq!(xml_round_trip(&doc), doc);
}

#[test]
fn hostile_text_round_trips_in_both_formats() {
    for text in HOSTILE {
        let doc = full_record(text);
        assert_eq!(json_round_trip(&doc), doc, "JSON: {text:?}");
        assert_eq!(xml_round_trip(&doc), doc, "XML: {text:?}");
    }
}

#[test]
fn parsed_hostile_source_round_trips() {
    let text = "Otsikko \u{0}\u{1B} ]]> \u{FFFE}\n\n13.12.2018\n\nTyöryhmän kokous\r\nMuistiot\n> Muistio \u{FFFF}\nLue lisää | 0 Kommenttia\n";
    let doc = sote_records::parse("vihamielinen.txt", text).unwrap();
    assert_eq!(
        doc.title.as_deref(),
        Some("Otsikko \u{0}\u{1B} ]]> \u{FFFE}")
    );
    assert_eq!(doc.entries.len(), 1);
    assert_eq!(doc.entries[0].documents, ["Muistio \u{FFFF}"]);
    assert_eq!(json_round_trip(&doc), doc);
    assert_eq!(xml_round_trip(&doc), doc);
}

#[test]
fn every_sample_round_trips_and_spans_slice_to_text() {
    for path in samples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let doc = sote_records::parse(&path.display().to_string(), &text).unwrap();
        assert_eq!(json_round_trip(&doc), doc, "{}", path.display());
        assert_eq!(xml_round_trip(&doc), doc, "{}", path.display());
        let spans = doc
            .dates
            .iter()
            .map(|d| (d.span, d.text.as_str()))
            .chain(doc.places.iter().map(|p| (p.span, p.text.as_str())));
        for (span, t) in spans {
            assert_eq!(span.slice(&text), Some(t), "{}", path.display());
        }
    }
}

#[test]
fn streams_round_trip_in_order() {
    let docs: Vec<Document> = HOSTILE.iter().map(|t| full_record(t)).collect();

    let mut xml = XmlDocumentsWriter::new(Vec::new());
    let mut jsonl = JsonLinesWriter::new(Vec::new());
    let mut array = JsonArrayWriter::new(Vec::new());
    for d in &docs {
        xml.write_document(d).unwrap();
        jsonl.write_document(d).unwrap();
        array.write_document(d).unwrap();
    }
    let xml = xml.into_inner().unwrap();
    roxmltree::Document::parse(std::str::from_utf8(&xml).unwrap()).expect("well-formed");
    let back: Vec<Document> = XmlDocumentsReader::new(&xml[..])
        .map(Result::unwrap)
        .collect();
    assert_eq!(back, docs);

    let jsonl = jsonl.into_inner().unwrap();
    let back: Vec<Document> = JsonLinesReader::new(&jsonl[..])
        .map(Result::unwrap)
        .collect();
    assert_eq!(back, docs);

    let array = array.into_inner().unwrap();
    let back: Vec<Document> = serde_json::from_slice(&array).unwrap();
    assert_eq!(back, docs);
}

#[test]
fn empty_streams_are_well_formed() {
    let xml = XmlDocumentsWriter::new(Vec::new()).into_inner().unwrap();
    let xml = String::from_utf8(xml).unwrap();
    assert!(roxmltree::Document::parse(&xml).is_ok(), "{xml}");
    assert_eq!(XmlDocumentsReader::new(xml.as_bytes()).count(), 0);
}

#[test]
fn json_keeps_every_contract_key_even_when_empty() {
    let json = sote_records::to_json_string(&Document::new("a.txt")).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let obj = value.as_object().unwrap();
    for key in [
        "source",
        "kind",
        "title",
        "published",
        "region",
        "entries",
        "bodies",
        "people",
        "meetings",
        "events",
        "dates",
        "amounts",
        "places",
        "organizations",
        "programmes",
        "comments",
    ] {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert!(obj["title"].is_null());
    assert_eq!(obj["entries"], serde_json::json!([]));
}

#[test]
fn contract_value_shapes_in_json() {
    let doc = full_record("x");
    let v: serde_json::Value =
        serde_json::from_str(&sote_records::to_json_string(&doc).unwrap()).unwrap();
    assert_eq!(v["published"], "2019-03-14");
    assert_eq!(v["kind"], "body_page");
    assert_eq!(v["bodies"][0]["kind"], "steering_group");
    assert_eq!(v["bodies"][0]["span"], serde_json::json!([3, 9]));
    assert_eq!(v["people"][0]["roles"][1]["role"], "deputy_member");
    assert_eq!(v["meetings"][0]["date"], "2019-03-14/2019-03-15");
    assert_eq!(v["meetings"][0]["status"], "planned");
    assert_eq!(v["events"][0]["date"], "2019-23");
    assert_eq!(v["events"][1]["date"], serde_json::Value::Null);
    assert_eq!(v["dates"][0]["value"], "XXXX-02-29");
    assert_eq!(v["amounts"][0]["value"], 5_000_000_000u64);
    assert_eq!(v["amounts"][0]["currency"], "EUR");
}

#[test]
fn xml_errors_say_where() {
    let err = sote_records::from_xml("<document kind=\"other\">\n  <source>a</sourc>\n</document>")
        .unwrap_err();
    let p = err.position().expect("position");
    assert_eq!(p.line, 2, "{err}");
    let err = sote_records::from_xml("<document kind=\"nonsense\"><source>a</source></document>")
        .unwrap_err();
    assert!(err.to_string().contains("nonsense"), "{err}");
    let xml = sote_records::to_xml_string(&Document::new("a")).unwrap();
    let broken = xml.replace("<bodies/>", "<bodys/>");
    let err = sote_records::from_xml(&broken).unwrap_err();
    assert!(err.to_string().contains("<bodys>"), "{err}");
}

#[test]
fn xml_reader_refuses_what_it_would_lose() {
    let xml = sote_records::to_xml_string(&Document::new("a.txt")).unwrap();
    let cases = [
        (
            "<source>a.txt</source>",
            "<source><b>x</b>a.txt</source>",
            "unexpected element <b>",
        ),
        (
            "<source>a.txt</source>",
            "<source>a.txt</source><source>b</source>",
            "appears twice",
        ),
        (
            "<entries/>",
            "<entries>loose</entries>",
            "text directly inside <entries>",
        ),
        (
            "<entries/>",
            "<entries><entry/></entries><x/>",
            "unexpected element",
        ),
        (
            "<source>a.txt</source>",
            "<source>a<char hex=\"41\"/></source>",
            "cannot carry",
        ),
        (
            "<source>a.txt</source>",
            "<source>a<char/></source>",
            "needs hex",
        ),
        (
            "kind=\"other\"",
            "kind=\"other\" colour=\"red\"",
            "unexpected attribute colour",
        ),
        (
            "kind=\"other\"",
            "kind=\"other\" comments=\"+5\"",
            "stray sign",
        ),
    ];
    for (from, to, why) in cases {
        assert!(xml.contains(from), "{from}");
        let err = sote_records::from_xml(&xml.replacen(from, to, 1)).unwrap_err();
        assert!(err.to_string().contains(why), "{to}: {err}");
        assert!(err.position().is_some(), "{to}: {err}");
    }
}

#[test]
fn char_marker_in_start_end_form_is_the_same_character() {
    let xml = sote_records::to_xml_string(&Document::new("a.txt")).unwrap();
    let doc = sote_records::from_xml(&xml.replace(
        "<source>a.txt</source>",
        "<source>a<char hex=\"1b\"></char>b</source>",
    ))
    .unwrap();
    assert_eq!(doc.source, "a\u{1B}b");
}
