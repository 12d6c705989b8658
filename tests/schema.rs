//! The schemas the crate ships, checked against what the exporters write.
//!
//! - Every JSON export (`to_json_string`) validates against
//!   `schema/document.schema.json` (JSON Schema draft 2020-12).
//! - Every XML export (`to_xml_string`, `XmlDocumentsWriter`) is well-formed
//!   XML 1.0 for roxmltree and validates against `schema/sote-records.xsd`
//!   with `xmllint`.
//! - The schemas bite: records that break the contract are rejected.
//! - The schemas' enumerations are exactly the model's `named_enum!` tables.
//!
//! The records are every bundled sample text parsed with the public API, a
//! hand-built record with every list populated and every optional field set
//! (and every enum variant used), and records whose text holds characters
//! XML 1.0 cannot carry.
//!
//! `xmllint` comes from the Debian package `libxml2-utils`. Without it the
//! XML-schema tests fail, unless `SOTE_SKIP_XMLLINT=1` is set.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::{Value, json};
use sote_records::{
    Amount, Body, BodyKind, Currency, DateMention, Document, DocumentKind, DocumentWriter,
    EdtfDate, Entry, Event, EventKind, Meeting, MeetingStatus, Organization, Person, Place,
    Programme, Role, RoleKind, Season, Span, XmlDocumentsWriter,
};

// ---------------------------------------------------------------------------
// Paths and schemas
// ---------------------------------------------------------------------------

fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn xsd_path() -> PathBuf {
    crate_dir().join("schema/sote-records.xsd")
}

fn json_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = crate_dir().join("schema/document.schema.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
    })
}

fn json_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        jsonschema::validator_for(json_schema())
            .unwrap_or_else(|e| panic!("schema/document.schema.json does not compile: {e}"))
    })
}

/// The schema's errors for `instance`, one line each, empty when valid.
fn json_errors(instance: &Value) -> Vec<String> {
    json_validator()
        .iter_errors(instance)
        .map(|e| format!("at {:?}: {e}", e.instance_path().as_str()))
        .collect()
}

// ---------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------

/// Every `*.txt` under `examples/data`, sorted, with its path relative to it.
fn sample_files() -> Vec<(String, PathBuf)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
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
    let root = crate_dir().join("examples/data");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    assert!(
        paths.len() >= 10,
        "expected the sample archive in {}, found {} texts",
        root.display(),
        paths.len()
    );
    paths
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, p)
        })
        .collect()
}

fn sample_documents() -> Vec<Document> {
    sample_files()
        .into_iter()
        .map(|(source, path)| {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            sote_records::parse(&source, &text)
                .unwrap_or_else(|e| panic!("cannot parse {source}: {e}"))
        })
        .collect()
}

fn day(y: i32, m: u32, d: u32) -> EdtfDate {
    EdtfDate::day(y, m, d).unwrap()
}

/// One date of every form the crate writes.
fn every_date_form() -> Vec<EdtfDate> {
    vec![
        day(2018, 2, 22),
        day(2000, 2, 29),
        day(2019, 12, 31),
        EdtfDate::month(2017, 11).unwrap(),
        EdtfDate::from_year(2020).unwrap(),
        EdtfDate::season(2021, Season::Spring).unwrap(),
        EdtfDate::season(2021, Season::Summer).unwrap(),
        EdtfDate::season(2018, Season::Autumn).unwrap(),
        EdtfDate::season(2021, Season::Winter).unwrap(),
        EdtfDate::day_without_year(2, 17).unwrap(),
        EdtfDate::day_without_year(2, 29).unwrap(),
        EdtfDate::month_without_year(11).unwrap(),
        EdtfDate::season_without_year(Season::Autumn),
        EdtfDate::interval(day(2018, 11, 14), day(2018, 11, 15)).unwrap(),
        EdtfDate::interval(day(2018, 11, 30), day(2019, 1, 2)).unwrap(),
        EdtfDate::interval(
            EdtfDate::day_without_year(11, 14).unwrap(),
            EdtfDate::day_without_year(11, 15).unwrap(),
        )
        .unwrap(),
        EdtfDate::interval(
            EdtfDate::month(2019, 1).unwrap(),
            EdtfDate::from_year(2020).unwrap(),
        )
        .unwrap(),
        EdtfDate::interval(
            EdtfDate::season(2019, Season::Spring).unwrap(),
            EdtfDate::season(2019, Season::Autumn).unwrap(),
        )
        .unwrap(),
    ]
}

/// A record of `kind` with every list populated (every enum variant used)
/// and every optional field set; the strings come from `s`.
fn full_document(kind: DocumentKind, s: &dyn Fn(&str) -> String) -> Document {
    let span = |a: usize, b: usize| Span::new(a, b);
    let dates = every_date_form();
    let mut d = Document::new(s("pohjois-pohjanmaa/uutiset/2018-02-23.txt"));
    d.kind = kind;
    d.title = Some(s("Maakunta- ja sote-uudistuksen johtoryhmässä keskustelua"));
    d.published = Some(day(2018, 2, 23));
    d.region = Some(s("Pohjois-Pohjanmaa"));
    d.comments = Some(u32::MAX);
    for (i, posted) in [Some(dates[3]), None, Some(dates[9])]
        .into_iter()
        .enumerate()
    {
        d.entries.push(Entry {
            posted,
            title: s("Vammaisten palvelut -ryhmän kokous 7.9.2017"),
            documents: if i == 1 {
                Vec::new()
            } else {
                vec![s("Muistio"), s("Asialista")]
            },
            summary: (i != 1).then(|| s("Kokouksen ydinviesti on, että …")),
            comments: (i != 1).then_some(i as u32),
            span: span(i * 100, i * 100 + 80),
        });
    }
    for (i, &kind) in BodyKind::ALL.iter().enumerate() {
        d.bodies.push(Body {
            name: s("Maakunta- ja sote-uudistuksen johtoryhmä"),
            kind,
            abbreviation: (i % 2 == 0).then(|| s("SJR")),
            aliases: if i % 3 == 0 {
                Vec::new()
            } else {
                vec![s("johtoryhmä"), s("ryhmä")]
            },
            text: s("Maakunta- ja sote-uudistuksen johtoryhmässä"),
            span: span(i, i + 43),
        });
    }
    d.people.push(Person {
        name: s("Pauli Harju"),
        title: Some(s("maakuntajohtaja")),
        phone: Some("+358400389152".into()),
        email: Some(s("pauli.harju@pohjois-pohjanmaa.fi")),
        roles: RoleKind::ALL
            .iter()
            .map(|&role| Role {
                role,
                body: s("Maakunta- ja sote-uudistuksen johtoryhmä"),
            })
            .collect(),
        text: s("maakuntajohtaja Pauli Harju, p. 0400 389 152"),
        span: span(500, 545),
    });
    d.people.push(Person {
        name: s("Maija Meikäläinen"),
        title: None,
        phone: None,
        email: None,
        roles: Vec::new(),
        text: s("Maija Meikäläinen"),
        span: span(0, 0),
    });
    for (i, &status) in MeetingStatus::ALL.iter().enumerate() {
        d.meetings.push(Meeting {
            bodies: if i == 2 {
                Vec::new()
            } else {
                vec![
                    s("Maakunta- ja sote-uudistuksen johtoryhmä"),
                    s("Maakuntahallitus"),
                ]
            },
            date: (i != 2).then(|| dates[(i * 7) % dates.len()]),
            location: (i != 2).then(|| s("Oulu")),
            status,
            documents: if i == 2 {
                Vec::new()
            } else {
                vec![s("Muistio")]
            },
            text: s("Johtoryhmä kokoontui Oulussa 22.2.2018"),
            span: span(600, 640),
        });
    }
    for (i, &kind) in EventKind::ALL.iter().enumerate() {
        d.events.push(Event {
            kind,
            date: (i % 3 != 2).then(|| dates[(i * 5) % dates.len()]),
            text: s("työpaja 6.9.2018"),
            span: span(700 + i, 720 + i),
        });
    }
    for (i, &value) in dates.iter().enumerate() {
        d.dates.push(DateMention {
            value,
            text: s("14.–15.11.2018"),
            span: span(800 + i * 10, 809 + i * 10),
        });
    }
    for (value, approximate) in [(5_000_000_000u64, true), (0, false), (u64::MAX, false)] {
        d.amounts.push(Amount {
            value,
            currency: Currency::Eur,
            approximate,
            text: s("noin 5 miljardin euron"),
            span: span(900, 922),
        });
    }
    for currency in Currency::ALL {
        d.amounts.push(Amount {
            value: 100_000_000,
            currency: *currency,
            approximate: true,
            text: s("100 milj. euroa"),
            span: span(950, 965),
        });
    }
    d.places.push(Place {
        name: s("Oulu"),
        text: s("Oulussa"),
        span: span(1000, 1007),
    });
    d.places.push(Place {
        name: s("Uusimaa"),
        text: s("Uudellamaalla"),
        span: span(usize::MAX - 1, usize::MAX),
    });
    d.organizations.push(Organization {
        name: s("Monetra Oy"),
        text: s("Monetra Oy:n"),
        span: span(1100, 1112),
    });
    d.programmes.push(Programme {
        name: s("I&O-kärkihanke"),
        text: s("I&O-kärkihankkeen"),
        span: span(1200, 1217),
    });
    d
}

/// Text that needs care in both formats: characters XML 1.0 cannot carry
/// (NUL, ESC, other C0 controls, U+FFFE, U+FFFF), markup (`]]>`, `&`, `<`,
/// `>`, quotes), CR, tabs and CRLF, and characters that are legal but odd.
const HOSTILE: &str = "a\u{0}b\u{1B}c\u{FFFE}d\u{FFFF}e ]]> & < > \" ' \r x\t\ty\r\nz\n\
                       \u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{7F}\u{85}\u{A0}\u{2028}\u{FFFD}\u{10FFFF} ä";

fn hostile(s: &str) -> String {
    format!("{s} {HOSTILE}")
}

/// Hand-built records: one per document kind with every field set, one with
/// hostile text everywhere, and some edge cases of text elements.
fn hand_built_documents() -> Vec<Document> {
    let mut docs: Vec<Document> = DocumentKind::ALL
        .iter()
        .map(|&k| full_document(k, &|s| s.to_owned()))
        .collect();
    docs.push(full_document(DocumentKind::NewsArticle, &hostile));
    // Text elements that hold nothing but markers, or nothing at all.
    docs.push(full_document(DocumentKind::Minutes, &|s| {
        if s.len() % 2 == 0 {
            "\u{0}".into()
        } else {
            String::new()
        }
    }));
    // Hostile text in the scalar fields of an otherwise empty record.
    let mut bare = Document::new(HOSTILE);
    bare.title = Some("\r\n\t]]>\u{1B}".into());
    bare.region = Some(String::new());
    docs.push(bare);
    docs.push(Document::new("tyhjä.txt"));
    docs
}

fn all_documents() -> Vec<Document> {
    let mut docs = sample_documents();
    docs.extend(hand_built_documents());
    docs
}

fn json_value(doc: &Document) -> Value {
    let text = sote_records::to_json_string(doc)
        .unwrap_or_else(|e| panic!("{}: JSON export failed: {e}", doc.source));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{}: export is not JSON: {e}", doc.source))
}

// ---------------------------------------------------------------------------
// xmllint
// ---------------------------------------------------------------------------

/// Whether to run xmllint: yes when it is installed; a clear failure when it
/// is not, unless `SOTE_SKIP_XMLLINT=1`.
fn xmllint_wanted() -> bool {
    if std::env::var("SOTE_SKIP_XMLLINT").is_ok_and(|v| v == "1") {
        eprintln!("SOTE_SKIP_XMLLINT=1: not validating XML against the XSD");
        return false;
    }
    match Command::new("xmllint").arg("--version").output() {
        Ok(_) => true,
        Err(e) => panic!(
            "xmllint cannot be run ({e}); it validates the XML export against \
             schema/sote-records.xsd. Install it (Debian/Ubuntu: \
             `apt-get install -y libxml2-utils`) or set SOTE_SKIP_XMLLINT=1 to skip \
             the XSD checks"
        ),
    }
}

/// The result of validating some files with xmllint.
struct Lint {
    status: Option<i32>,
    stderr: String,
}

impl Lint {
    /// Whether xmllint reported `path` as valid (`… validates`).
    fn validates(&self, path: &Path) -> bool {
        let line = format!("{} validates", path.display());
        self.stderr.lines().any(|l| l == line)
    }

    /// Whether xmllint reported `path` as invalid against the schema
    /// (`… fails to validate`), as opposed to not parsing it at all.
    fn fails_to_validate(&self, path: &Path) -> bool {
        let line = format!("{} fails to validate", path.display());
        self.stderr.lines().any(|l| l == line)
    }
}

fn xmllint(files: &[PathBuf]) -> Lint {
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd_path())
        .args(files)
        .output()
        .expect("xmllint runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        !stderr.contains("failed to compile"),
        "schema/sote-records.xsd does not compile:\n{stderr}"
    );
    Lint {
        status: out.status.code(),
        stderr,
    }
}

/// Parses `xml` as strictly as roxmltree does (no DTD), or panics with `what`.
fn strict_parse<'a>(xml: &'a str, what: &str) -> roxmltree::Document<'a> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml, options)
        .unwrap_or_else(|e| panic!("{what} is not well-formed XML: {e}\n{xml}"))
}

/// The text of a text element, `<char hex="…"/>` markers turned back into
/// their characters: an independent reading of the writer's convention.
fn element_text(node: roxmltree::Node<'_, '_>) -> String {
    let mut out = String::new();
    for child in node.children() {
        if child.is_text() {
            out.push_str(child.text().unwrap_or_default());
        } else if child.is_element() {
            assert_eq!(
                child.tag_name().name(),
                "char",
                "<{}> holds <{}>",
                node.tag_name().name(),
                child.tag_name().name()
            );
            let hex = child.attribute("hex").expect("<char> has hex");
            let c = u32::from_str_radix(hex, 16)
                .ok()
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("<char hex={hex:?}> names no character"));
            out.push(c);
        }
    }
    out
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .unwrap_or_else(|| panic!("<{}> lacks <{name}>", node.tag_name().name()))
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

#[test]
fn json_schema_is_a_valid_draft_2020_12_schema() {
    let schema = json_schema();
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema declares draft 2020-12"
    );
    if let Err(e) = jsonschema::meta::validate(schema) {
        panic!("schema/document.schema.json is not a valid JSON Schema: {e}");
    }
    json_validator();
}

/// Every property at every level has a description, every object lists all
/// its properties as required and forbids others.
#[test]
fn json_schema_describes_and_closes_every_object() {
    fn walk(node: &Value, at: &str, problems: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    if map.get("additionalProperties") != Some(&Value::Bool(false)) {
                        problems.push(format!("{at}: additionalProperties is not false"));
                    }
                    let required: BTreeSet<&str> = map
                        .get("required")
                        .and_then(Value::as_array)
                        .map(|r| r.iter().filter_map(Value::as_str).collect())
                        .unwrap_or_default();
                    let keys: BTreeSet<&str> = props.keys().map(String::as_str).collect();
                    if required != keys {
                        problems.push(format!(
                            "{at}: required {required:?} != properties {keys:?}"
                        ));
                    }
                    for (k, v) in props {
                        if !v.get("description").is_some_and(Value::is_string) {
                            problems.push(format!("{at}/properties/{k}: no description"));
                        }
                    }
                }
                for (k, v) in map {
                    walk(v, &format!("{at}/{k}"), problems);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{at}/{i}"), problems);
                }
            }
            _ => {}
        }
    }
    let mut problems = Vec::new();
    walk(json_schema(), "#", &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_json_export_validates_against_the_schema() {
    let docs = all_documents();
    let mut failures = Vec::new();
    for doc in &docs {
        let errors = json_errors(&json_value(doc));
        if !errors.is_empty() {
            failures.push(format!("{:?}:\n  {}", doc.source, errors.join("\n  ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} JSON exports break schema/document.schema.json:\n{}",
        failures.len(),
        docs.len(),
        failures.join("\n")
    );
}

/// Applies `change` to the JSON of the full record and expects the schema to
/// reject the result.
fn assert_json_rejected(case: &str, change: impl FnOnce(&mut Value)) {
    let mut value = json_value(&full_document(DocumentKind::BodyPage, &|s| s.to_owned()));
    assert!(
        json_errors(&value).is_empty(),
        "the unchanged record is valid"
    );
    let before = value.clone();
    change(&mut value);
    assert_ne!(value, before, "{case}: the change changed nothing");
    assert!(
        !json_validator().is_valid(&value),
        "schema/document.schema.json accepts a record with {case}"
    );
}

fn remove(value: &mut Value, pointer: &str, key: &str) {
    let object = value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"));
    assert!(object.remove(key).is_some(), "no key {key} at {pointer}");
}

fn insert(value: &mut Value, pointer: &str, key: &str, new: Value) {
    value
        .pointer_mut(pointer)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("no object at {pointer}"))
        .insert(key.to_owned(), new);
}

fn set(value: &mut Value, pointer: &str, new: Value) {
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("nothing at {pointer}")) = new;
}

#[test]
fn json_schema_rejects_contract_breaches() {
    // Missing keys, at the top and nested: a missing value is null or [], never absent.
    for key in ["region", "comments", "entries", "title", "published"] {
        assert_json_rejected(&format!("no key {key:?}"), |v| remove(v, "", key));
    }
    assert_json_rejected("a person without \"email\"", |v| {
        remove(v, "/people/0", "email")
    });
    assert_json_rejected("an entry without \"posted\"", |v| {
        remove(v, "/entries/0", "posted")
    });
    assert_json_rejected("a body without \"aliases\"", |v| {
        remove(v, "/bodies/0", "aliases")
    });
    assert_json_rejected("a role without \"body\"", |v| {
        remove(v, "/people/0/roles/0", "body")
    });
    assert_json_rejected("a date without \"span\"", |v| remove(v, "/dates/0", "span"));
    // Unknown keys.
    assert_json_rejected("an unknown top-level key", |v| {
        insert(v, "", "extra", json!(1))
    });
    assert_json_rejected("an unknown key in a body", |v| {
        insert(v, "/bodies/0", "extra", json!("x"))
    });
    // Enums.
    assert_json_rejected("kind \"nonsense\"", |v| set(v, "/kind", json!("nonsense")));
    assert_json_rejected("kind \"Body_Page\"", |v| {
        set(v, "/kind", json!("Body_Page"))
    });
    assert_json_rejected("body kind \"comittee\"", |v| {
        set(v, "/bodies/0/kind", json!("comittee"))
    });
    assert_json_rejected("role \"chairman\"", |v| {
        set(v, "/people/0/roles/0/role", json!("chairman"))
    });
    assert_json_rejected("meeting status \"done\"", |v| {
        set(v, "/meetings/0/status", json!("done"))
    });
    assert_json_rejected("event kind \"party\"", |v| {
        set(v, "/events/0/kind", json!("party"))
    });
    assert_json_rejected("currency \"eur\"", |v| {
        set(v, "/amounts/0/currency", json!("eur"))
    });
    // Phones are E.164.
    for phone in [
        "0400 123",
        "0400389152",
        "+358 400 389152",
        "+0400389152",
        "+35840",
    ] {
        assert_json_rejected(&format!("phone {phone:?}"), |v| {
            set(v, "/people/0/phone", json!(phone))
        });
    }
    // Dates are EDTF.
    for date in [
        "2018-2-1",
        "22.2.2018",
        "2018-02-30",
        "XXXX",
        "2018-25",
        "2018-02-22T10:00",
    ] {
        assert_json_rejected(&format!("published {date:?}"), |v| {
            set(v, "/published", json!(date))
        });
    }
    assert_json_rejected("a date mention with value null", |v| {
        set(v, "/dates/0/value", Value::Null)
    });
    // Spans are two non-negative integers.
    for span in [
        json!([1]),
        json!([1, 2, 3]),
        json!([-1, 2]),
        json!("1 2"),
        json!([1.5, 2]),
    ] {
        assert_json_rejected(&format!("span {span}"), |v| set(v, "/places/0/span", span));
    }
    // Lists are [] rather than null, scalars have their types.
    assert_json_rejected("entries null", |v| set(v, "/entries", Value::Null));
    assert_json_rejected("aliases null", |v| set(v, "/bodies/1/aliases", Value::Null));
    assert_json_rejected("comments -1", |v| set(v, "/comments", json!(-1)));
    assert_json_rejected("comments \"3\"", |v| set(v, "/comments", json!("3")));
    assert_json_rejected("approximate \"yes\"", |v| {
        set(v, "/amounts/0/approximate", json!("yes"))
    });
    assert_json_rejected("a negative amount", |v| {
        set(v, "/amounts/0/value", json!(-5))
    });
    assert_json_rejected("source null", |v| set(v, "/source", Value::Null));
}

/// The schema's EDTF pattern accepts what `EdtfDate` parses and rejects what
/// it refuses, except two things a pattern cannot check: 29 February in a
/// common year and an interval whose end lies before its start.
#[test]
fn json_edtf_pattern_agrees_with_the_date_parser() {
    let pattern = json_schema()["$defs"]["edtf"]["pattern"]
        .as_str()
        .expect("$defs/edtf has a pattern");
    let validator = jsonschema::validator_for(&json!({ "type": "string", "pattern": pattern }))
        .expect("the EDTF pattern compiles");
    let known_gaps = ["2019-02-29", "2018-11-15/2018-11-14", "2019/2018"];
    let candidates = [
        "2018",
        "0000",
        "9999",
        "2017-11",
        "2018-01",
        "2018-12",
        "2021-21",
        "2021-22",
        "2021-23",
        "2021-24",
        "2018-02-22",
        "2000-02-29",
        "2018-01-31",
        "2018-04-30",
        "2018-12-31",
        "XXXX-02-17",
        "XXXX-02-29",
        "XXXX-11",
        "XXXX-23",
        "2018-11-14/2018-11-15",
        "XXXX-11-14/XXXX-11-15",
        "2018-11/2019",
        "2019-21/2019-23",
        "XXXX-02-17/2018-03-01",
        // refused
        "2019-02-29",
        "2018-11-15/2018-11-14",
        "2019/2018",
        "XXXX",
        "XXXX/2018",
        "2018-00",
        "2018-13",
        "2018-20",
        "2018-25",
        "2018-02-30",
        "2018-04-31",
        "2018-02-00",
        "2018-2-1",
        "18-02-01",
        "2018-02-22/",
        "/2018",
        "2018-11-14/2018-11-15/2018-11-16",
        "2018-21-01",
        "2018-02-22 ",
        " 2018",
        "2018-02-22T10:00",
        "xxxx-02-17",
        "2018-1",
        "20180",
        "",
        "２０１８",
        "2018–2019",
        "2018-11-14 / 2018-11-15",
    ];
    let mut disagreements = Vec::new();
    for s in candidates {
        let parser = s.parse::<EdtfDate>().is_ok();
        let schema = validator.is_valid(&json!(s));
        let expected = parser || known_gaps.contains(&s);
        if schema != expected {
            disagreements.push(format!("{s:?}: parser {parser}, schema {schema}"));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

// ---------------------------------------------------------------------------
// Enumerations in both schemas
// ---------------------------------------------------------------------------

fn names<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> BTreeSet<String> {
    all.iter().map(|&v| as_str(v).to_owned()).collect()
}

fn model_enums() -> Vec<(&'static str, &'static str, BTreeSet<String>)> {
    // (JSON $defs name, XSD simpleType name, names of the model)
    vec![
        (
            "document_kind",
            "DocumentKind",
            names(DocumentKind::ALL, DocumentKind::as_str),
        ),
        (
            "body_kind",
            "BodyKind",
            names(BodyKind::ALL, BodyKind::as_str),
        ),
        (
            "role_kind",
            "RoleKind",
            names(RoleKind::ALL, RoleKind::as_str),
        ),
        (
            "meeting_status",
            "MeetingStatus",
            names(MeetingStatus::ALL, MeetingStatus::as_str),
        ),
        (
            "event_kind",
            "EventKind",
            names(EventKind::ALL, EventKind::as_str),
        ),
        (
            "currency",
            "Currency",
            names(Currency::ALL, Currency::as_str),
        ),
    ]
}

#[test]
fn schema_enumerations_are_the_model_enumerations() {
    let xsd_text = std::fs::read_to_string(xsd_path()).expect("the XSD is readable");
    let xsd = strict_parse(&xsd_text, "schema/sote-records.xsd");
    for (json_name, xsd_name, model) in model_enums() {
        let json: BTreeSet<String> = json_schema()["$defs"][json_name]["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("JSON schema has no $defs/{json_name}/enum"))
            .iter()
            .map(|v| v.as_str().expect("enum values are strings").to_owned())
            .collect();
        assert_eq!(json, model, "JSON schema $defs/{json_name} vs the model");
        let simple_type = xsd
            .descendants()
            .find(|n| n.has_tag_name("simpleType") && n.attribute("name") == Some(xsd_name))
            .unwrap_or_else(|| panic!("XSD has no simpleType {xsd_name}"));
        let xsd_values: BTreeSet<String> = simple_type
            .descendants()
            .filter(|n| n.has_tag_name("enumeration"))
            .filter_map(|n| n.attribute("value").map(str::to_owned))
            .collect();
        assert_eq!(xsd_values, model, "XSD simpleType {xsd_name} vs the model");
    }
}

// ---------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------

/// The XML exports of `docs`: every record on its own (root `<document>`),
/// all of them as one stream, and an empty stream (root `<documents>`).
fn xml_exports(docs: &[Document]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let xml = sote_records::to_xml_string(doc)
                .unwrap_or_else(|e| panic!("{:?}: XML export failed: {e}", doc.source));
            (format!("document-{i:02}.xml"), xml)
        })
        .collect();
    let mut stream = XmlDocumentsWriter::new(Vec::new());
    for doc in docs {
        stream.write_document(doc).expect("stream write");
    }
    let bytes = stream.into_inner().expect("stream finish");
    out.push((
        "documents.xml".into(),
        String::from_utf8(bytes).expect("UTF-8"),
    ));
    let empty = XmlDocumentsWriter::new(Vec::new())
        .into_inner()
        .expect("empty stream");
    out.push((
        "documents-empty.xml".into(),
        String::from_utf8(empty).expect("UTF-8"),
    ));
    out
}

#[test]
fn every_xml_export_is_strictly_well_formed() {
    let docs = all_documents();
    for (name, xml) in xml_exports(&docs) {
        let tree = strict_parse(&xml, &name);
        let root = tree.root_element().tag_name().name();
        assert!(
            root == "document" || root == "documents",
            "{name}: root element <{root}>"
        );
    }
}

/// The hostile record's strings come back from the XML tree exactly, read
/// independently of the crate's reader.
#[test]
fn xml_text_with_markers_reads_back_exactly() {
    let doc = full_document(DocumentKind::NewsArticle, &hostile);
    let xml = sote_records::to_xml_string(&doc).unwrap();
    assert!(xml.contains("<char hex=\"0\"/>"), "NUL is a marker");
    assert!(xml.contains("<char hex=\"1B\"/>"), "ESC is a marker");
    assert!(xml.contains("<char hex=\"FFFE\"/>"), "U+FFFE is a marker");
    assert!(xml.contains("<char hex=\"FFFF\"/>"), "U+FFFF is a marker");
    assert!(!xml.contains("]]>"), "]]> never appears literally");
    let tree = strict_parse(&xml, "the hostile record");
    let root = tree.root_element();
    assert_eq!(element_text(child(root, "source")), doc.source);
    assert_eq!(Some(element_text(child(root, "title"))), doc.title);
    assert_eq!(Some(element_text(child(root, "region"))), doc.region);
    let body = child(child(root, "bodies"), "body");
    assert_eq!(element_text(child(body, "name")), doc.bodies[0].name);
    assert_eq!(element_text(child(body, "text")), doc.bodies[0].text);
    let role = child(
        child(child(child(root, "people"), "person"), "roles"),
        "role",
    );
    assert_eq!(element_text(role), doc.people[0].roles[0].body);
    let entry = child(child(root, "entries"), "entry");
    assert_eq!(
        element_text(child(child(entry, "documents"), "document")),
        doc.entries[0].documents[0]
    );
    // Markers appear only inside text elements, never between elements.
    for marker in tree.descendants().filter(|n| n.has_tag_name("char")) {
        let parent = marker.parent_element().unwrap().tag_name().name();
        assert!(
            [
                "source",
                "title",
                "region",
                "name",
                "abbreviation",
                "alias",
                "text",
                "summary",
                "location",
                "email",
                "role",
                "document",
                "body"
            ]
            .contains(&parent),
            "<char> inside <{parent}>"
        );
    }
    assert_eq!(sote_records::from_xml(&xml).unwrap(), doc);
}

#[test]
fn every_xml_export_validates_against_the_xsd() {
    if !xmllint_wanted() {
        return;
    }
    let docs = all_documents();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = Vec::new();
    for (name, xml) in xml_exports(&docs) {
        let path = dir.path().join(name);
        std::fs::write(&path, xml).expect("write temp file");
        files.push(path);
    }
    let lint = xmllint(&files);
    let invalid: Vec<String> = files
        .iter()
        .filter(|f| !lint.validates(f))
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        invalid.is_empty() && lint.status == Some(0),
        "xmllint rejects {invalid:?} (exit status {:?}) against schema/sote-records.xsd:\n{}",
        lint.status,
        lint.stderr
    );
}

/// `xml` with the first `from` replaced by `to` (which must occur).
fn mutate(xml: &str, from: &str, to: &str) -> String {
    assert!(xml.contains(from), "{from:?} does not occur in the export");
    xml.replacen(from, to, 1)
}

#[test]
fn xsd_rejects_contract_breaches() {
    if !xmllint_wanted() {
        return;
    }
    let full =
        sote_records::to_xml_string(&full_document(DocumentKind::BodyPage, &|s| s.to_owned()))
            .unwrap();
    let empty = sote_records::to_xml_string(&Document::new("tyhjä.txt")).unwrap();
    let mut stream = XmlDocumentsWriter::new(Vec::new());
    stream.write_document(&Document::new("a.txt")).unwrap();
    let stream = String::from_utf8(stream.into_inner().unwrap()).unwrap();

    let cases: Vec<(&str, String)> = vec![
        (
            "kind=\"nonsense\"",
            mutate(&full, "kind=\"body_page\"", "kind=\"nonsense\""),
        ),
        (
            "no <entries/> wrapper",
            mutate(&empty, "\n  <entries/>", ""),
        ),
        ("no populated <entries> wrapper", {
            let (a, rest) = full.split_once("\n  <entries>").unwrap();
            let (_, b) = rest.split_once("\n  </entries>").unwrap();
            format!("{a}{b}")
        }),
        (
            "no <entries/> in a stream",
            mutate(&stream, "<entries/>", ""),
        ),
        (
            "no kind on <document>",
            mutate(&empty, " kind=\"other\"", ""),
        ),
        (
            "no <source>",
            mutate(&empty, "<source>tyhjä.txt</source>", ""),
        ),
        ("<region> before <title>", {
            let title = "<title>Maakunta- ja sote-uudistuksen johtoryhmässä keskustelua</title>";
            let region = "<region>Pohjois-Pohjanmaa</region>";
            mutate(&mutate(&full, title, "@@"), region, title).replacen("@@", region, 1)
        }),
        (
            "an unknown element",
            mutate(&empty, "<entries/>", "<entries/><extra/>"),
        ),
        (
            "an unknown attribute",
            mutate(&empty, "kind=\"other\"", "kind=\"other\" lang=\"fi\""),
        ),
        (
            "a root <entries>",
            "<?xml version=\"1.0\"?>\n<entries/>\n".into(),
        ),
        (
            "body kind=\"comittee\"",
            mutate(&full, "kind=\"steering_group\"", "kind=\"comittee\""),
        ),
        (
            "status=\"done\"",
            mutate(&full, "status=\"held\"", "status=\"done\""),
        ),
        (
            "role=\"chairman\"",
            mutate(&full, "role=\"chair\"", "role=\"chairman\""),
        ),
        (
            "event kind=\"party\"",
            mutate(&full, "kind=\"workshop\"", "kind=\"party\""),
        ),
        (
            "currency=\"eur\"",
            mutate(&full, "currency=\"EUR\"", "currency=\"eur\""),
        ),
        (
            "approximate=\"yes\"",
            mutate(&full, "approximate=\"true\"", "approximate=\"yes\""),
        ),
        (
            "approximate=\"1\"",
            mutate(&full, "approximate=\"true\"", "approximate=\"1\""),
        ),
        (
            "a negative amount",
            mutate(&full, "value=\"5000000000\"", "value=\"-5\""),
        ),
        (
            "an amount over u64",
            mutate(
                &full,
                "value=\"5000000000\"",
                "value=\"18446744073709551616\"",
            ),
        ),
        (
            "comments=\"-1\"",
            mutate(&full, "comments=\"4294967295\"", "comments=\"-1\""),
        ),
        (
            "comments over u32",
            mutate(&full, "comments=\"4294967295\"", "comments=\"4294967296\""),
        ),
        (
            "span=\"3-9\"",
            mutate(&full, "span=\"1000 1007\"", "span=\"1000-1007\""),
        ),
        (
            "span=\"3\"",
            mutate(&full, "span=\"1000 1007\"", "span=\"1000\""),
        ),
        (
            "no span on <place>",
            mutate(&full, " span=\"1000 1007\"", ""),
        ),
        ("phone 0400 123", mutate(&full, "+358400389152", "0400 123")),
        (
            "published=\"2018-2-23\"",
            mutate(&full, "published=\"2018-02-23\"", "published=\"2018-2-23\""),
        ),
        (
            "published=\"2018-02-30\"",
            mutate(
                &full,
                "published=\"2018-02-23\"",
                "published=\"2018-02-30\"",
            ),
        ),
        (
            "published=\"XXXX\"",
            mutate(&full, "published=\"2018-02-23\"", "published=\"XXXX\""),
        ),
        (
            "published=\"2018-25\"",
            mutate(&full, "published=\"2018-02-23\"", "published=\"2018-25\""),
        ),
        (
            "published=\"23.2.2018\"",
            mutate(&full, "published=\"2018-02-23\"", "published=\"23.2.2018\""),
        ),
        (
            "<char hex=\"41\"/> (a character XML can carry)",
            mutate(
                &empty,
                "tyhjä.txt</source>",
                "tyhjä.txt<char hex=\"41\"/></source>",
            ),
        ),
        (
            "<char> without hex",
            mutate(&empty, "tyhjä.txt</source>", "tyhjä.txt<char/></source>"),
        ),
        (
            "an element inside <title>",
            mutate(&full, "<title>Maakunta", "<title><b>x</b>Maakunta"),
        ),
        (
            "text inside <entries>",
            mutate(&full, "<entries>", "<entries>teksti"),
        ),
        (
            "a record <document> inside <entry>/<documents>",
            mutate(
                &full,
                "<document>Muistio</document>",
                "<document kind=\"other\"><source>x</source></document>",
            ),
        ),
    ];

    let dir = tempfile::tempdir().expect("temp dir");
    // The unchanged exports must validate, so that each case is rejected for
    // its one change.
    let mut bases = Vec::new();
    for (name, xml) in [("full", &full), ("empty", &empty), ("stream", &stream)] {
        let path = dir.path().join(format!("base-{name}.xml"));
        std::fs::write(&path, xml).expect("write temp file");
        bases.push(path);
    }
    let mut files = Vec::new();
    for (i, (case, xml)) in cases.iter().enumerate() {
        strict_parse(xml, case); // rejected by the schema, not for being broken XML
        let path = dir.path().join(format!("bad-{i:02}.xml"));
        std::fs::write(&path, xml).expect("write temp file");
        files.push(path);
    }
    let lint = xmllint(&[bases.clone(), files.clone()].concat());
    for base in &bases {
        assert!(
            lint.validates(base),
            "the unchanged export {} does not validate:\n{}",
            base.display(),
            lint.stderr
        );
    }
    let accepted: Vec<&str> = cases
        .iter()
        .zip(&files)
        .filter(|(_, f)| !lint.fails_to_validate(f))
        .map(|((case, _), _)| *case)
        .collect();
    assert!(
        accepted.is_empty(),
        "schema/sote-records.xsd does not reject: {accepted:?}\nxmllint said:\n{}",
        lint.stderr
    );
    assert_eq!(
        lint.status,
        Some(3),
        "xmllint's status for validation errors"
    );
}
