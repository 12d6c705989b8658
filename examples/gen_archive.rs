//! Writes a synthetic archive of announcements for measuring throughput.
//!
//! ```text
//! cargo run --release --example gen_archive -- --out DIR [--docs 100000] [--seed 7]
//! ```
//!
//! Deterministic for a seed: listing pages, body pages and news items with
//! contact blocks, 1–8 KB each, in folders of a thousand. The words come from
//! the crate's own lexicons (every municipality with its inflected forms,
//! the given-name list) and from small tables of body names, titles and
//! sentence frames below, so that every recogniser has work to do.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

const PLACES: &str = include_str!("../src/lexicon/places.tsv");
const GIVEN_NAMES: &str = include_str!("../src/lexicon/given_names.txt");

/// Common Finnish family names (general knowledge, not from any text).
const FAMILY_NAMES: &[&str] = &[
    "Virtanen",
    "Korhonen",
    "Nieminen",
    "Mäkinen",
    "Hämäläinen",
    "Laine",
    "Heikkinen",
    "Koskinen",
    "Järvinen",
    "Lehtonen",
    "Lehtinen",
    "Saarinen",
    "Salminen",
    "Heinonen",
    "Niemi",
    "Heikkilä",
    "Kinnunen",
    "Salonen",
    "Turunen",
    "Salo",
    "Laitinen",
    "Tuominen",
    "Rantanen",
    "Karjalainen",
    "Jokinen",
    "Mattila",
    "Savolainen",
    "Lahtinen",
    "Ahonen",
    "Leinonen",
    "Kallio",
    "Hiltunen",
    "Miettinen",
    "Leppänen",
    "Aaltonen",
    "Pitkänen",
    "Lappalainen",
    "Väisänen",
    "Kettunen",
    "Huttunen",
    "Ojala",
    "Räsänen",
    "Rautio",
    "Peltonen",
    "Kärkkäinen",
    "Honkanen",
    "Anttila",
    "Seppälä",
    "Ylitalo",
    "Kivelä",
    "Lindqvist",
    "Nyberg",
    "Backman",
    "Lehto-Kallio",
    "Rinne-Saari",
];

/// Body heads with their forms: nominative, genitive, inessive, allative, essive.
const HEADS: &[[&str; 5]] = &[
    [
        "työryhmä",
        "työryhmän",
        "työryhmässä",
        "työryhmälle",
        "työryhmänä",
    ],
    [
        "johtoryhmä",
        "johtoryhmän",
        "johtoryhmässä",
        "johtoryhmälle",
        "johtoryhmänä",
    ],
    [
        "ohjausryhmä",
        "ohjausryhmän",
        "ohjausryhmässä",
        "ohjausryhmälle",
        "ohjausryhmänä",
    ],
    [
        "valmisteluryhmä",
        "valmisteluryhmän",
        "valmisteluryhmässä",
        "valmisteluryhmälle",
        "valmisteluryhmänä",
    ],
    [
        "seurantaryhmä",
        "seurantaryhmän",
        "seurantaryhmässä",
        "seurantaryhmälle",
        "seurantaryhmänä",
    ],
    [
        "koordinaatioryhmä",
        "koordinaatioryhmän",
        "koordinaatioryhmässä",
        "koordinaatioryhmälle",
        "koordinaatioryhmänä",
    ],
    ["tiimi", "tiimin", "tiimissä", "tiimille", "tiiminä"],
    [
        "lautakunta",
        "lautakunnan",
        "lautakunnassa",
        "lautakunnalle",
        "lautakuntana",
    ],
    ["jaosto", "jaoston", "jaostossa", "jaostolle", "jaostona"],
    [
        "verkosto",
        "verkoston",
        "verkostossa",
        "verkostolle",
        "verkostona",
    ],
];

/// Topics that name bodies, in the genitive (kept as written in the name).
const TOPICS: &[&str] = &[
    "Talousasioiden",
    "Palvelutuotannon",
    "Henkilöstöasioiden",
    "Viestinnän",
    "Digitalisaation",
    "Ikäihmisten palvelujen",
    "Lasten ja perheiden palvelujen",
    "Ympäristöterveydenhuollon",
    "Pelastustoimen",
    "Tietohallinnon",
    "Hyvinvoinnin ja terveyden edistämisen",
    "Kuntayhteistyön",
    "Asukasosallisuuden",
    "Sosiaalipäivystyksen",
    "Vammaispalvelujen",
    "Mielenterveyspalvelujen",
];

const TITLES: &[&str] = &[
    "muutosjohtaja",
    "hankejohtaja",
    "kehitysjohtaja",
    "sosiaalijohtaja",
    "kaupunginjohtaja",
    "kunnanjohtaja",
    "hallintojohtaja",
    "talousjohtaja",
    "viestintäpäällikkö",
    "projektipäällikkö",
    "erityisasiantuntija",
    "suunnittelija",
    "koordinaattori",
    "valmistelija",
    "perusturvajohtaja",
];

const MONTHS: &[&str] = &[
    "tammikuussa",
    "helmikuussa",
    "maaliskuussa",
    "huhtikuussa",
    "toukokuussa",
    "kesäkuussa",
    "heinäkuussa",
    "elokuussa",
    "syyskuussa",
    "lokakuussa",
    "marraskuussa",
    "joulukuussa",
];

const SEASONS: &[&str] = &[
    "keväällä",
    "kesällä",
    "syksyllä",
    "talvella",
    "kevään aikana",
    "syksyn aikana",
];

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A municipality with the forms a text needs.
struct Town {
    /// Basic form, for member lists' home towns.
    name: String,
    genitive: String,
    locative: String,
    region: String,
}

fn towns() -> Vec<Town> {
    use std::collections::BTreeMap;
    let mut by_name: BTreeMap<String, (Option<String>, Option<String>, String)> = BTreeMap::new();
    for line in PLACES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("form\t"))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 7 || cols[2] != "municipality" || cols[6] == "1" {
            continue;
        }
        let entry = by_name
            .entry(cols[1].to_owned())
            .or_insert((None, None, cols[3].to_owned()));
        match cols[4] {
            "genitive" => entry.0 = entry.0.take().or(Some(cols[0].to_owned())),
            "inessive" | "adessive" => entry.1 = entry.1.take().or(Some(cols[0].to_owned())),
            _ => {}
        }
    }
    by_name
        .into_iter()
        .filter_map(|(name, (g, l, region))| {
            Some(Town {
                genitive: g?,
                locative: l?,
                name,
                region,
            })
        })
        .collect()
}

fn given_names() -> Vec<&'static str> {
    GIVEN_NAMES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').next().unwrap_or(l).trim())
        .filter(|n| n.chars().all(|c| c.is_alphabetic() || c == '-'))
        .collect()
}

/// Folds a name into an email local part (`Kärkkäinen` → `karkkainen`).
fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' | 'å' => 'a',
            'ö' => 'o',
            c => c,
        })
        .collect()
}

struct World {
    towns: Vec<Town>,
    given: Vec<&'static str>,
}

struct Gen<'w> {
    w: &'w World,
    rng: Rng,
    year: i32,
}

impl Gen<'_> {
    fn person(&mut self) -> (String, String) {
        let given = self.rng.pick(&self.w.given).to_string();
        let family = self.rng.pick(FAMILY_NAMES).to_string();
        (given, family)
    }

    fn body(&mut self) -> (String, &'static [&'static str; 5], String) {
        let head = self.rng.pick(HEADS);
        let topic = *self.rng.pick(TOPICS);
        (format!("{topic} {}", head[0]), head, topic.to_owned())
    }

    fn day(&mut self) -> (u32, u32) {
        (1 + self.rng.below(28) as u32, 1 + self.rng.below(12) as u32)
    }

    fn date_phrase(&mut self) -> String {
        let (d, m) = self.day();
        match self.rng.below(7) {
            0 => format!("{d}.{m}.{}", self.year),
            1 => format!("{d}.{m}."),
            2 => format!("{d}.–{}.{m}.{}", d + 1, self.year),
            3 => self.rng.pick(MONTHS).to_string(),
            4 => self.rng.pick(SEASONS).to_string(),
            5 => format!("{} {}", self.rng.pick(SEASONS), self.year),
            _ => format!("vuoden {} loppuun mennessä", self.year + 1),
        }
    }

    fn money(&mut self) -> String {
        let whole = 1 + self.rng.below(40);
        let tenth = self.rng.below(10);
        match self.rng.below(4) {
            0 => format!("noin {whole},{tenth} miljoonaa euroa"),
            1 => format!("{whole},{tenth} milj. €"),
            2 => format!("{} 000 euroa", 10 * (1 + self.rng.below(90))),
            _ => format!("arviolta {whole} miljoonaa euroa"),
        }
    }

    fn phone(&mut self) -> String {
        let prefix = *self.rng.pick(&["040", "050", "044", "045"]);
        format!(
            "{prefix} {} {}",
            100 + self.rng.below(900),
            1000 + self.rng.below(9000)
        )
    }

    fn sentence(&mut self, town: &Town) -> String {
        let head = self.rng.pick(HEADS);
        let topic = self.rng.pick(TOPICS).to_string();
        match self.rng.below(8) {
            0 => format!(
                "{topic} {} kokoontui {} {}.",
                head[0],
                self.date_phrase(),
                town.locative
            ),
            1 => format!(
                "{topic} {} seuraava kokous pidetään {}.",
                head[1],
                self.date_phrase()
            ),
            2 => format!(
                "Valmisteluun on käytettävissä {} vuodelle {}.",
                self.money(),
                self.year + 1
            ),
            3 => format!(
                "Henkilöstölle järjestetään keskustelutilaisuus {} {}.",
                self.date_phrase(),
                town.locative
            ),
            4 => {
                let (d, m) = self.day();
                format!("Lausunnot pyydetään {d}.{m}. mennessä.")
            }
            5 => format!(
                "{} kaupunki ja {} kunta osallistuvat työpajaan {}.",
                town.genitive,
                self.rng.pick(&self.w.towns).genitive,
                self.date_phrase()
            ),
            6 => format!(
                "{topic} {} käsiteltiin palvelustrategian luonnosta ja sen vaikutuksia {} palveluihin.",
                head[2], town.genitive
            ),
            _ => format!(
                "Uudistus etenee {} {}, ja hyvinvointialue aloittaa toimintansa 1.1.{} alkaen.",
                town.locative,
                self.rng.pick(SEASONS),
                self.year + 1
            ),
        }
    }

    fn paragraph(&mut self, town: &Town, sentences: usize) -> String {
        let mut p = String::new();
        for i in 0..sentences {
            if i > 0 {
                p.push(' ');
            }
            // A date that ends in a full stop ends the sentence too.
            p.push_str(&self.sentence(town).replace("..", "."));
        }
        p
    }

    fn contacts(&mut self, out: &mut String, region: &str) {
        out.push_str("Lisätiedot:\n\n");
        let domain = fold(region).replace(' ', "-");
        for _ in 0..1 + self.rng.below(2) {
            let (g, f) = self.person();
            let title = self.rng.pick(TITLES);
            if self.rng.chance(50) {
                let _ = writeln!(
                    out,
                    "{g} {f}, {title}, p. {}, {}.{}@{domain}.fi\n",
                    self.phone(),
                    fold(&g),
                    fold(&f)
                );
            } else {
                let _ = writeln!(
                    out,
                    "{g} {f}\n{title}\n{}\n{}.{}@{domain}.fi\n",
                    self.phone(),
                    fold(&g),
                    fold(&f)
                );
            }
        }
    }

    fn entries(&mut self, out: &mut String, town: &Town, count: usize) {
        for _ in 0..count {
            let (d, m) = self.day();
            let (_, head, topic) = self.body();
            let _ = write!(
                out,
                "{}.{}.{}{topic} {} kokous {}.{}.{}\n\n",
                (d + 2).min(28),
                m,
                self.year,
                head[1],
                d,
                m,
                self.year
            );
            out.push_str("Muistiot\n> Muistio\n\n");
            let n = 2 + self.rng.below(4);
            out.push_str(&self.paragraph(town, n));
            let _ = write!(out, "\n\nLue lisää | {} Kommenttia\n\n", self.rng.below(3));
        }
    }

    fn document(&mut self, target_len: usize) -> String {
        self.year = 2016 + self.rng.below(7) as i32;
        let town = self.rng.pick(&self.w.towns);
        let town = Town {
            name: town.name.clone(),
            genitive: town.genitive.clone(),
            locative: town.locative.clone(),
            region: town.region.clone(),
        };
        let mut out = String::with_capacity(target_len + 1024);
        match self.rng.below(3) {
            0 => {
                let _ = write!(
                    out,
                    "{} sote-uudistuksen valmisteluaineistot\n\n",
                    town.genitive
                );
                while out.len() < target_len {
                    self.entries(&mut out, &town, 1);
                }
            }
            1 => {
                let (body, head, _) = self.body();
                let _ = write!(out, "{body}\n\n");
                out.push_str(&self.paragraph(&town, 3));
                let (g, f) = self.person();
                let (g2, f2) = self.person();
                let _ = write!(
                    out,
                    "\n\n{} puheenjohtajana toimii {} {} {g} {f} ja sihteerinä {} {g2} {f2}.\n\nJäsenet:\n",
                    capitalise(head[1]),
                    town.genitive,
                    self.rng.pick(TITLES),
                    self.rng.pick(TITLES)
                );
                for _ in 0..4 + self.rng.below(6) {
                    let (g, f) = self.person();
                    let _ = writeln!(
                        out,
                        "{f} {g}, {} kaupunki",
                        self.rng.pick(&self.w.towns).genitive
                    );
                }
                out.push('\n');
                while out.len() < target_len {
                    self.entries(&mut out, &town, 1);
                }
                out.push_str("Palaa otsikoihin | 0 Kommenttia | Kommentoi\n");
            }
            _ => {
                let (d, m) = self.day();
                let _ = write!(out, "Ajankohtaista\n\n{d:02}.{m:02}.{}\n\n", self.year);
                let (body, _, _) = self.body();
                let _ = write!(out, "{body} linjasi {} palveluverkosta\n\n", town.genitive);
                while out.len() + 300 < target_len {
                    let n = 2 + self.rng.below(4);
                    out.push_str(&self.paragraph(&town, n));
                    out.push_str("\n\n");
                }
                self.contacts(&mut out, &town.region);
            }
        }
        out
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

struct Args {
    out: PathBuf,
    docs: usize,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut out = None;
    let mut docs = 1000;
    let mut seed = 7;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--docs" => {
                docs = value("--docs")?
                    .parse()
                    .map_err(|e| format!("--docs: {e}"))?
            }
            "--seed" => {
                seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(Args {
        out: out.ok_or("--out DIR is required")?,
        docs,
        seed,
    })
}

/// Generates `docs` announcements from `seed`, handing each with its number
/// to `sink`; returns the bytes generated. The benches call this too, so
/// they measure the same text as the converter runs over.
pub fn generate(
    seed: u64,
    docs: usize,
    mut sink: impl FnMut(usize, String) -> io::Result<()>,
) -> io::Result<u64> {
    let world = World {
        towns: towns(),
        given: given_names(),
    };
    let mut generator = Gen {
        w: &world,
        rng: Rng(seed),
        year: 2018,
    };
    let mut bytes = 0u64;
    for i in 0..docs {
        let target = 1024 + generator.rng.below(7 * 1024);
        let text = generator.document(target);
        bytes += text.len() as u64;
        sink(i, text)?;
    }
    Ok(bytes)
}

fn write_archive(args: &Args) -> io::Result<u64> {
    generate(args.seed, args.docs, |i, text| {
        let dir: PathBuf = args.out.join(format!("{:04}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir_all(&dir)?;
        }
        fs::write(Path::new(&dir).join(format!("{i:07}.txt")), text)
    })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen_archive: {e}\nusage: gen_archive --out DIR [--docs N] [--seed S]");
            std::process::exit(2);
        }
    };
    match write_archive(&args) {
        Ok(bytes) => {
            let _ = writeln!(
                io::stderr(),
                "wrote {} announcements ({:.1} MB) to {}",
                args.docs,
                bytes as f64 / 1e6,
                args.out.display()
            );
        }
        Err(e) => {
            eprintln!("gen_archive: {}: {e}", args.out.display());
            std::process::exit(1);
        }
    }
}
