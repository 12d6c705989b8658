//! The golden-fixture suite: every announcement in `tests/fixtures/` (written
//! for this project, with its facts written by hand in the gold format of
//! `../shared/corpus/gold`) is parsed, its record flattened into facts the
//! way the project's scorer (`eval/score.py`) flattens it, and compared with
//! the gold facts: each required fact must be found, each optional fact may
//! be, and anything else is an extra.
//!
//! The suite asserts floors, not perfection, because the facts were written
//! independently of the parser: the overall F1 and every category must stay
//! at or above the levels the parser has reached (raise them as it improves).
//! A failure prints every missed and extra fact.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// Micro-F1 over all facts of all fixtures that the parser must keep.
const MIN_MICRO_F1: f64 = 0.99;
/// F1 that no category may fall below.
const MIN_CATEGORY_F1: f64 = 0.90;

const CATEGORIES: &[&str] = &[
    "document",
    "entries",
    "bodies",
    "body_kinds",
    "people",
    "titles",
    "roles",
    "contacts",
    "meetings",
    "meeting_locations",
    "events",
    "dates",
    "amounts",
    "places",
    "organizations",
    "programmes",
];

/// A value normalised as the scorer does: dashes unified, space collapsed,
/// case folded, spaces around hyphens and edge punctuation dropped.
fn norm(v: &Value) -> String {
    let s = match v {
        Value::Null => return String::new(),
        Value::Bool(b) => return b.to_string(),
        Value::Number(n) => return n.to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect();
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let s = s.replace(" - ", "-").replace(" -", "-").replace("- ", "-");
    s.trim_matches(|c| matches!(c, ' ' | '.' | ',' | ';' | ':'))
        .to_owned()
}

type Fact = Vec<String>;

fn items<'a>(rec: &'a Value, key: &str) -> &'a [Value] {
    rec[key].as_array().map_or(&[], Vec::as_slice)
}

/// The facts of a record by category, as the scorer flattens them.
fn flatten(rec: &Value) -> BTreeMap<&'static str, Vec<Fact>> {
    let mut f: BTreeMap<&'static str, Vec<Fact>> =
        CATEGORIES.iter().map(|c| (*c, Vec::new())).collect();
    let mut add = |c: &'static str, fact: Vec<String>| f.get_mut(c).expect("category").push(fact);
    for key in ["kind", "title", "published", "region", "comments"] {
        if !rec[key].is_null() {
            add("document", vec![key.to_owned(), norm(&rec[key])]);
        }
    }
    for e in items(rec, "entries") {
        add("entries", vec![norm(&e["posted"]), norm(&e["title"])]);
    }
    for b in items(rec, "bodies") {
        add("bodies", vec![norm(&b["name"])]);
        add("body_kinds", vec![norm(&b["name"]), norm(&b["kind"])]);
    }
    for p in items(rec, "people") {
        let name = norm(&p["name"]);
        add("people", vec![name.clone()]);
        if p["title"].as_str().is_some_and(|t| !t.is_empty()) {
            add("titles", vec![name.clone(), norm(&p["title"])]);
        }
        for r in items(p, "roles") {
            add(
                "roles",
                vec![name.clone(), norm(&r["role"]), norm(&r["body"])],
            );
        }
        for key in ["phone", "email"] {
            if p[key].as_str().is_some_and(|v| !v.is_empty()) {
                add(
                    "contacts",
                    vec![key.to_owned(), name.clone(), norm(&p[key])],
                );
            }
        }
    }
    for m in items(rec, "meetings") {
        for b in items(m, "bodies") {
            add("meetings", vec![norm(b), norm(&m["date"])]);
        }
        if m["location"].as_str().is_some_and(|l| !l.is_empty()) {
            add(
                "meeting_locations",
                vec![norm(&m["date"]), norm(&m["location"])],
            );
        }
    }
    for e in items(rec, "events") {
        add("events", vec![norm(&e["kind"]), norm(&e["date"])]);
    }
    for d in items(rec, "dates") {
        add("dates", vec![norm(&d["value"])]);
    }
    for a in items(rec, "amounts") {
        let approximate = a["approximate"].as_bool().unwrap_or(false).to_string();
        add(
            "amounts",
            vec![norm(&a["value"]), norm(&a["currency"]), approximate],
        );
    }
    for key in ["places", "organizations", "programmes"] {
        let c = CATEGORIES.iter().find(|c| **c == key).expect("category");
        for x in items(rec, key) {
            add(c, vec![norm(&x["name"])]);
        }
    }
    for facts in f.values_mut() {
        facts.sort();
        facts.dedup();
    }
    f
}

/// A gold fact: each field a set of accepted strings; and whether optional.
fn gold_facts(raw: &Value) -> Vec<(Vec<Vec<String>>, bool)> {
    raw.as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .map(|fact| {
            let (fields, optional) = match fact.get("optional") {
                Some(inner) => (inner, true),
                None => (fact, false),
            };
            let fields = fields
                .as_array()
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|field| match field {
                    Value::Array(alts) => alts.iter().map(norm).collect(),
                    other => vec![norm(other)],
                })
                .collect();
            (fields, optional)
        })
        .collect()
}

fn matches(fields: &[Vec<String>], pred: &Fact) -> bool {
    fields.len() == pred.len() && fields.iter().zip(pred).all(|(ok, p)| ok.contains(p))
}

/// (true positives, extras, misses) of one category, with the facts for the report.
fn score(gold: &[(Vec<Vec<String>>, bool)], pred: &[Fact]) -> (usize, Vec<Fact>, Vec<String>) {
    let mut left: Vec<Fact> = pred.to_vec();
    let mut tp = 0;
    let mut missed = Vec::new();
    for (fields, _) in gold.iter().filter(|(_, optional)| !optional) {
        match left.iter().position(|p| matches(fields, p)) {
            Some(i) => {
                tp += 1;
                left.remove(i);
            }
            None => missed.push(format!("{fields:?}")),
        }
    }
    for (fields, _) in gold.iter().filter(|(_, optional)| *optional) {
        left.retain(|p| !matches(fields, p));
    }
    (tp, left, missed)
}

fn f1(tp: usize, fp: usize, fn_: usize) -> f64 {
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn fixtures_meet_their_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut golds: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no fixtures found in {}", dir.display());

    let mut totals: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let mut report = Vec::new();
    for gold_path in &golds {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).expect("gold"))
            .expect("gold JSON");
        let source = gold["source"].as_str().expect("source");
        let text = std::fs::read_to_string(dir.join(source)).expect("fixture text");
        let doc = sote_records::parse(source, &text).expect("parse");
        let record: Value =
            serde_json::from_str(&sote_records::to_json_string(&doc).expect("json"))
                .expect("record");
        let pred = flatten(&record);
        for c in CATEGORIES {
            let (tp, extra, missed) = score(&gold_facts(&gold["facts"][c]), &pred[c]);
            let t = totals.entry(c).or_default();
            *t = (t.0 + tp, t.1 + extra.len(), t.2 + missed.len());
            report.extend(missed.iter().map(|m| format!("{source} {c} MISSED {m}")));
            report.extend(extra.iter().map(|x| format!("{source} {c} EXTRA  {x:?}")));
        }
    }
    let (tp, fp, fn_) = totals
        .values()
        .fold((0, 0, 0), |a, t| (a.0 + t.0, a.1 + t.1, a.2 + t.2));
    let micro = f1(tp, fp, fn_);
    let mut low = Vec::new();
    for (c, &(tp, fp, fn_)) in &totals {
        let f = f1(tp, fp, fn_);
        if f < MIN_CATEGORY_F1 {
            low.push(format!("{c}: F1 {f:.3} (tp {tp}, fp {fp}, fn {fn_})"));
        }
    }
    assert!(
        micro >= MIN_MICRO_F1 && low.is_empty(),
        "{} fixtures: micro-F1 {micro:.3} (floor {MIN_MICRO_F1}); categories below {MIN_CATEGORY_F1}: {low:?}\n{}",
        golds.len(),
        report.join("\n")
    );
}
