//! Throughput of each recogniser and of the whole-document parser, in MB/s,
//! over the bundled sample archive (all texts joined, repeated to ~1 MB so a
//! run measures steady-state scanning rather than set-up), and of the parser
//! with JSON export on the sample, fixture and generated texts one by one,
//! as an archive is converted (MB/s and documents/s).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Every `.txt` file under `dir` (relative to the crate), in sorted order.
fn texts_under(dir: &str) -> Vec<String> {
    fn walk(dir: &Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("bench data folder")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "txt") {
                out.push(std::fs::read_to_string(&p).expect("UTF-8 sample"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut out);
    out
}

/// The sample archive joined and repeated to about 1 MB.
fn sample_text() -> String {
    let one: String = texts_under("examples/data")
        .iter()
        .map(|t| format!("{t}\n\n"))
        .collect();
    one.repeat((1 << 20) / one.len().max(1) + 1)
}

fn recognisers(c: &mut Criterion) {
    let text = sample_text();
    let mut group = c.benchmark_group("recognise");
    group.throughput(Throughput::Bytes(text.len() as u64));
    use sote_records::recognise as r;
    group.bench_function("dates", |b| {
        b.iter(|| r::date::find_dates(black_box(&text)))
    });
    group.bench_function("money", |b| {
        b.iter(|| r::money::find_amounts(black_box(&text)))
    });
    group.bench_function("phones", |b| {
        b.iter(|| r::phone::find_phones(black_box(&text)))
    });
    group.bench_function("emails", |b| {
        b.iter(|| r::email::find_emails(black_box(&text)))
    });
    group.bench_function("people", |b| {
        b.iter(|| r::person::find_people(black_box(&text)))
    });
    group.bench_function("roles", |b| {
        b.iter(|| r::person::find_roles(black_box(&text)))
    });
    group.bench_function("places", |b| {
        b.iter(|| r::places::find_places(black_box(&text)))
    });
    group.bench_function("bodies", |b| {
        b.iter(|| r::body::find_bodies(black_box(&text)))
    });
    group.bench_function("organizations", |b| {
        b.iter(|| r::organization::find_organizations(black_box(&text)))
    });
    group.bench_function("programmes", |b| {
        b.iter(|| r::programme::find_programmes(black_box(&text)))
    });
    group.finish();
}

fn documents(c: &mut Criterion) {
    let text = sample_text();
    let mut group = c.benchmark_group("document");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| sote_records::parse("bench.txt", black_box(&text)))
    });
    group.bench_function("parse+json", |b| {
        b.iter(|| {
            let doc = sote_records::parse("bench.txt", black_box(&text)).expect("parse");
            sote_records::to_json_string(&doc).expect("json")
        })
    });
    group.finish();
}

/// The synthetic archive generator of `examples/gen_archive.rs`, so the
/// benches measure the very text the converter is timed on.
#[path = "../examples/gen_archive.rs"]
#[allow(dead_code)]
mod gen_archive;

/// How many generated announcements the bench parses (about 1 MB).
const GENERATED_DOCS: usize = 220;

/// Generated announcements, as `gen_archive --docs N --seed 7` writes them.
fn generated_texts(docs: usize) -> Vec<String> {
    let mut texts = Vec::with_capacity(docs);
    gen_archive::generate(7, docs, |_, text| {
        texts.push(text);
        Ok(())
    })
    .expect("generating in memory cannot fail");
    texts
}

/// Parses every text on its own and exports it to JSON, as the converter
/// does for each file.
fn parse_and_export(texts: &[String]) -> usize {
    texts
        .iter()
        .map(|text| {
            let doc = sote_records::parse("bench.txt", black_box(text)).expect("parse");
            sote_records::to_json_string(&doc).expect("json").len()
        })
        .sum()
}

/// Many small documents, as the converter sees them: each text parsed and
/// exported to JSON on its own, reported in MB/s and in documents/s, over
/// the bundled sample with the fixtures and over generated announcements.
fn archive(c: &mut Criterion) {
    let mut sample = texts_under("examples/data");
    sample.extend(texts_under("tests/fixtures"));
    let generated = generated_texts(GENERATED_DOCS);
    let mut group = c.benchmark_group("documents");
    for (name, texts) in [("sample_archive", &sample), ("generated", &generated)] {
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{name}/bytes"), |b| {
            b.iter(|| parse_and_export(texts))
        });
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.bench_function(format!("{name}/documents"), |b| {
            b.iter(|| parse_and_export(texts))
        });
    }
    group.finish();
}

criterion_group!(benches, recognisers, documents, archive);
criterion_main!(benches);
