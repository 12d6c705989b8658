//! The properties every fuzz target checks, shared with the stable replay
//! test (`tests/fuzz_regressions.rs` includes this file): no panic, spans
//! that slice to their text, JSON and XML round trips, well-formed XML.

use sote_records::Span;
use sote_records::recognise::{
    body, date, email, money, organization, person, phone, places, programme,
};

/// Pieces of Finnish announcements: fuzz bytes are mapped onto them so the
/// fuzzer reaches the parsers' deep paths instead of rejecting noise early.
pub const PIECES: &[&str] = &[
    "1",
    "2",
    "7",
    "12",
    "31",
    "2018",
    "2021",
    ".",
    ". ",
    "-",
    "–",
    "—",
    ",",
    " ",
    "\u{a0}",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{0}",
    "\u{1b}",
    "\u{fffe}",
    "]]>",
    "<",
    "&",
    "klo ",
    "klo 9–12",
    "marraskuussa",
    "marraskuun",
    "kesäkuun loppuun mennessä",
    "syksyllä",
    "kevään aikana",
    "talvella",
    "vuonna",
    "vuoden",
    "alkaen",
    "mennessä",
    "saakka",
    "ti ",
    "tiistaina",
    "Oulussa",
    "Uudellamaalla",
    "Keski-Uudenmaan",
    "Lahdessa",
    "Päijät-Hämeessä",
    "ohjausryhmän",
    "-ryhmän",
    "-ryhmän kokous",
    " -työryhmä",
    "johtoryhmässä",
    "Strategisen",
    "väliaikaiselle",
    "valmistelutoimielimelle",
    "kokous",
    "kokoontui",
    "pidetään",
    "seuraava",
    "puheenjohtajana",
    "toimii",
    "Aino",
    "Virtanen",
    "Virtasen",
    "maakuntajohtaja",
    "p. ",
    "puh. ",
    "040",
    "0400 123 456",
    "+358",
    "(09)",
    "euroa",
    "milj. ",
    "€",
    "noin ",
    "miljardin",
    "@",
    "[at]",
    "etunimi.sukunimi@",
    "alue.fi",
    "Oy",
    ":n",
    "STM",
    "-hanke",
    "-hankkeen",
    "Kuntien",
    "sairaanhoitopiirin",
    "(",
    ")",
    "§ ",
    "1. ",
    "- ",
    "• ",
    "Lisätiedot:",
    "Jäsenet:",
    "Läsnä:",
    "Aika:",
    "Paikka:",
    "Muistiot\n> Muistio\n",
    "Lue lisää | 0 Kommenttia",
    "Palaa otsikoihin | 2 Kommenttia",
    "19.9.2017Vammaisten",
    "a\u{308}",
    "\u{feff}",
    "\u{202e}",
    "ä",
    "ö",
    "å",
    "Ä",
    "x",
];

/// The text a fuzz input stands for: bytes with the high bit set pick
/// announcement pieces, the others are taken as UTF-8 (lossily).
pub fn text_of(data: &[u8]) -> String {
    let mut out = String::new();
    let mut raw = Vec::new();
    for &b in data {
        if b & 0x80 != 0 {
            out.push_str(&String::from_utf8_lossy(&raw));
            raw.clear();
            out.push_str(PIECES[usize::from(b & 0x7f) % PIECES.len()]);
        } else {
            raw.push(b);
        }
    }
    out.push_str(&String::from_utf8_lossy(&raw));
    out
}

/// Every span lies in `text` on char boundaries, slices to its reported
/// text, and comes in text order.
pub fn spans(text: &str, found: impl IntoIterator<Item = (Span, String)>, what: &str) {
    let mut last = 0;
    for (span, reported) in found {
        assert_eq!(
            span.slice(text),
            Some(reported.as_str()),
            "{what}: span {span} of {text:?}"
        );
        assert!(
            span.start >= last,
            "{what}: span {span} out of order in {text:?}"
        );
        last = span.start;
    }
}

/// One recogniser on `text`, by target name.
pub fn recogniser(name: &str, text: &str) {
    match name {
        "dates" => spans(
            text,
            date::find_dates(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "money" => spans(
            text,
            money::find_amounts(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "phones" => spans(
            text,
            phone::find_phones(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "emails" => spans(
            text,
            email::find_emails(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "people" => {
            spans(
                text,
                person::find_people(text)
                    .into_iter()
                    .map(|m| (m.span, m.text.into())),
                name,
            );
            for r in person::find_roles(text) {
                assert_eq!(r.span.slice(text), Some(r.text), "roles: {text:?}");
                assert!(r.role_span.slice(text).is_some(), "role word: {text:?}");
            }
        }
        "places" => spans(
            text,
            places::find_places(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "bodies" => spans(
            text,
            body::find_bodies(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "organizations" => spans(
            text,
            organization::find_organizations(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        "programmes" => spans(
            text,
            programme::find_programmes(text)
                .into_iter()
                .map(|m| (m.span, m.text.into())),
            name,
        ),
        other => panic!("no recogniser {other}"),
    }
}

/// The whole-document parser on raw bytes: a record or a clear error, and
/// a record survives JSON and XML round trips as well-formed output.
pub fn document(data: &[u8]) {
    let doc = match sote_records::parse_bytes("fuzz.txt", data) {
        Ok(doc) => doc,
        Err(e) => {
            assert!(e.position().is_some(), "error without a position: {e}");
            return;
        }
    };
    let text = std::str::from_utf8(data).expect("parse_bytes accepted it");
    let items = doc
        .dates
        .iter()
        .map(|d| (d.span, d.text.clone()))
        .chain(doc.places.iter().map(|p| (p.span, p.text.clone())))
        .chain(doc.amounts.iter().map(|a| (a.span, a.text.clone())))
        .chain(doc.bodies.iter().map(|b| (b.span, b.text.clone())))
        .chain(doc.people.iter().map(|p| (p.span, p.text.clone())))
        .chain(doc.meetings.iter().map(|m| (m.span, m.text.clone())))
        .chain(doc.events.iter().map(|e| (e.span, e.text.clone())))
        .chain(doc.organizations.iter().map(|o| (o.span, o.text.clone())))
        .chain(doc.programmes.iter().map(|p| (p.span, p.text.clone())));
    for (span, t) in items {
        assert_eq!(span.slice(text), Some(t.as_str()), "document span {span}");
    }
    round_trips(&doc);
}

/// JSON and XML exports read back into an equal record; the XML passes a
/// strict parser.
pub fn round_trips(doc: &sote_records::Document) {
    let json = sote_records::to_json_string(doc).expect("JSON export");
    // The hand-written writer the converter uses must write serde_json's bytes.
    let mut written = Vec::new();
    sote_records::append_json(&mut written, doc);
    assert_eq!(String::from_utf8_lossy(&written), json, "append_json");
    assert_eq!(
        &sote_records::from_json(&json).expect("JSON read-back"),
        doc
    );
    let xml = sote_records::to_xml_string(doc).expect("XML export");
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("XML not well-formed: {e}\n{xml}");
    }
    assert_eq!(&sote_records::from_xml(&xml).expect("XML read-back"), doc);
}

/// Runs target `name` on one input.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "document" => {
            document(data);
            document(text_of(data).as_bytes());
        }
        "roundtrip" => {
            if let Ok(doc) = sote_records::parse("fuzz.txt", &text_of(data)) {
                round_trips(&doc);
            }
        }
        _ => {
            recogniser(name, &String::from_utf8_lossy(data));
            recogniser(name, &text_of(data));
        }
    }
}

/// Every fuzz target, as named in `fuzz/Cargo.toml`.
pub const TARGETS: &[&str] = &[
    "dates",
    "money",
    "phones",
    "emails",
    "people",
    "places",
    "bodies",
    "organizations",
    "programmes",
    "document",
    "roundtrip",
];
