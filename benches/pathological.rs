//! Linear time on pathological shapes: each shape at 1×, 10× and 100× its
//! base size (about 10 KB, 100 KB, 1 MB) through the whole-document parser.
//! Time per byte should stay flat as the size grows; a quadratic step shows
//! as a 10× rise in time per byte from one size to the next.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// The shapes, each as a unit repeated to the wanted size.
const SHAPES: &[(&str, &str)] = &[
    (
        "long_line",
        "Ohjausryhmä kokoontui 14.3. Tampereella ja käsitteli noin 2,5 milj. euroa. ",
    ),
    ("dots", "1.1.1.1."),
    ("group_meetings", "-ryhmän kokous "),
    (
        "list_markers",
        "- - - - - - - - - - - - - - - - - - - - x\n",
    ),
    (
        "entries",
        "4.10.2017Talousryhmän kokous 2.10.2017\n\nMuistiot\n> Muistio\n\nRyhmä kokoontui Oulussa.\n\nLue lisää | 0 Kommenttia\n\n",
    ),
    (
        "roles",
        "puheenjohtajana toimii maakuntajohtaja Aino Virtanen ja sihteerinä Matti Mäkinen. ",
    ),
    (
        "nbsp_crlf",
        "\u{a0}\u{a0}Lisätiedot:\r\nAino Virtanen, p. 040 123 4567\r\n\r\n",
    ),
];

const BASE: usize = 10_000;

fn shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for (name, unit) in SHAPES {
        for factor in [1usize, 10, 100] {
            let text = unit.repeat((BASE * factor).div_ceil(unit.len()));
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, factor), &text, |b, text| {
                b.iter(|| sote_records::parse("bench.txt", black_box(text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, shapes);
criterion_main!(benches);
