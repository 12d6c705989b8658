//! Linear time on pathological shapes: each shape at 1×, 10× and 100× its
//! base size (about 10 KB, 100 KB, 1 MB) through the whole-document parser.
//! Time per byte should stay flat as the size grows; a quadratic step shows
//! as a 10× rise in time per byte from one size to the next. One shape is
//! generated rather than repeated: a page naming a new body on every line.

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

/// A page naming a new body on every line (`Kalomipalvelujen työryhmä
/// kokoontui 3.4.2019.`), about `size` bytes: the body registry compares
/// names with one another, which must not take time quadratic in their
/// number.
fn distinct_bodies(size: usize) -> String {
    const SYLLABLES: [&str; 12] = [
        "ka", "lo", "mi", "ta", "ve", "su", "ra", "ni", "po", "le", "hu", "ja",
    ];
    let mut text = String::with_capacity(size + 80);
    let mut n = 0usize;
    while text.len() < size {
        let mut topic = String::new();
        let mut k = n;
        for _ in 0..4 {
            topic.push_str(SYLLABLES[k % SYLLABLES.len()]);
            k /= SYLLABLES.len();
        }
        let mut chars = topic.chars();
        let capital: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .collect();
        text.push_str(&format!(
            "{capital}{}palvelujen työryhmä kokoontui {}.{}.2019.\n",
            chars.as_str(),
            1 + n % 28,
            1 + n % 12
        ));
        n += 1;
    }
    text
}

fn shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    let repeated = SHAPES.iter().map(|&(name, unit)| {
        (
            name,
            Box::new(move |size: usize| unit.repeat(size.div_ceil(unit.len())))
                as Box<dyn Fn(usize) -> String>,
        )
    });
    let generated = [(
        "distinct_bodies",
        Box::new(distinct_bodies) as Box<dyn Fn(usize) -> String>,
    )];
    for (name, make) in repeated.chain(generated) {
        for factor in [1usize, 10, 100] {
            let text = make(BASE * factor);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, factor), &text, |b, text| {
                b.iter(|| sote_records::parse("bench.txt", black_box(text)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, shapes);
criterion_main!(benches);
