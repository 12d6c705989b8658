//! People, their titles and the roles they hold, in Finnish announcements.
//!
//! Finnish reform announcements name a person with a title in front
//! (`kertoo koordinaatiojohtaja Aino Kärkkäinen`, `Pirkanmaan liiton
//! kehittämisjohtaja Aino Kärkkäinen`), with a title after the name in
//! contact blocks (`Aino Kärkkäinen, muutosjohtaja, p. 040 …`, or the title on
//! the next line), surname first in member lists (`Kärkkäinen Aino, pj`), and
//! in role phrases (`puheenjohtajana toimii …`, `… valittiin
//! puheenjohtajaksi`). This module finds those mentions:
//!
//! * [`find_people`]: every person mention with its title;
//! * [`find_roles`]: who holds which role ([`RoleKind`]), with the span of
//!   the role word so the caller can find the body named right before it
//!   (`Johtoryhmän puheenjohtajana`);
//! * [`parse_name_line`], [`title_head`], [`is_given_name`], [`role_kind`]:
//!   the pieces, for callers that read contact blocks and member lists line
//!   by line.
//!
//! How a name is told from other capitalised words: a given name must be in
//! the lexicon `src/lexicon/given_names.txt` (Finnish, Finland-Swedish and
//! other given names, checked with Voikko by `tools/check_names.py`), unless
//! a title or a role phrase stands right before it; the family name is any
//! capitalised word (hyphen parts allowed) that is not a company form
//! (`Oy`), a title or a role word. So `Uusimaa 2019`, `Vimana Oy` and
//! `Sote-tiimi` are not people. Titles are words ending in a head of
//! `src/lexicon/titles.txt` (`johtaja`, `päällikkö`, `sihteeri` …), extended
//! to the left over the genitives that complete them (`Helsingin sosiaali- ja
//! terveystoimialan johtaja`).
//!
//! The scanner is hand-written: the text is split once into word and
//! punctuation tokens (borrowed, with byte offsets), and every rule looks at a
//! bounded number of neighbouring tokens, so the work is linear in the text.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use memchr::memmem;

use crate::lexicon::fx::FxHashMap;
use crate::lexicon::suffix::{EndTails, Keep, SuffixTrie, SuffixTrieBuilder};
use crate::model::{RoleKind, Span};
use crate::text::{
    self, LowerText, ascii_alnum_run, char_at, is_alphanumeric, is_space, latin1_letter,
    tail_is_own_lower_case,
};

// ---------------------------------------------------------------------------
// Lexicons
// ---------------------------------------------------------------------------

/// Given names, one per line, optionally followed by a tab and `common` when
/// the name is also an ordinary Finnish word (see the file's header).
const GIVEN_NAMES_TABLE: &str = include_str!("../lexicon/given_names.txt");

/// Title head words, one per line, lower case (see the file's header).
const TITLES_TABLE: &str = include_str!("../lexicon/titles.txt");

/// How a role word stands in the text; decides which phrases it heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleForm {
    /// `puheenjohtaja`: a title-like word before or after a name.
    Nominative,
    /// `puheenjohtajana`: `… toimii X`, `X toimii …`.
    Essive,
    /// `puheenjohtajaksi`: `… valittiin X`, `X valittiin …`.
    Translative,
    /// `jäsenet`: `Jäsenet: X, Y ja Z`.
    NominativePlural,
    /// `jäseninä`: `jäseninä toimivat X, Y ja Z`.
    EssivePlural,
    /// `jäseniksi`: `jäseniksi valittiin X, Y ja Z`.
    TranslativePlural,
    /// `pj`, `vpj`: abbreviations of member lists.
    Abbreviation,
}

impl RoleForm {
    /// Whether the form names several holders (a list may follow).
    fn is_plural(self) -> bool {
        matches!(
            self,
            Self::NominativePlural | Self::EssivePlural | Self::TranslativePlural
        )
    }

    /// Whether the form is the nominative singular or an abbreviation.
    fn is_nominative(self) -> bool {
        matches!(self, Self::Nominative | Self::Abbreviation)
    }
}

/// Role words in the cases that role phrases use, lower case.
const ROLE_WORDS: &[(&str, RoleKind, RoleForm)] = {
    use RoleForm::*;
    use RoleKind::*;
    &[
        ("puheenjohtaja", Chair, Nominative),
        ("puheenjohtajana", Chair, Essive),
        ("puheenjohtajaksi", Chair, Translative),
        ("puheenjohtajat", Chair, NominativePlural),
        ("puheenjohtajina", Chair, EssivePlural),
        ("puheenjohtajiksi", Chair, TranslativePlural),
        ("pj", Chair, Abbreviation),
        ("pj:nä", Chair, Essive),
        ("pj:ksi", Chair, Translative),
        ("varapuheenjohtaja", ViceChair, Nominative),
        ("varapuheenjohtajana", ViceChair, Essive),
        ("varapuheenjohtajaksi", ViceChair, Translative),
        ("varapuheenjohtajat", ViceChair, NominativePlural),
        ("varapuheenjohtajina", ViceChair, EssivePlural),
        ("varapuheenjohtajiksi", ViceChair, TranslativePlural),
        ("vpj", ViceChair, Abbreviation),
        ("vpj:nä", ViceChair, Essive),
        ("vpj:ksi", ViceChair, Translative),
        ("sihteeri", Secretary, Nominative),
        ("sihteerinä", Secretary, Essive),
        ("sihteeriksi", Secretary, Translative),
        ("sihteerit", Secretary, NominativePlural),
        // The minute-taker of a meeting is its secretary.
        ("pöytäkirjanpitäjä", Secretary, Nominative),
        ("pöytäkirjanpitäjänä", Secretary, Essive),
        ("pöytäkirjanpitäjäksi", Secretary, Translative),
        ("sihteereinä", Secretary, EssivePlural),
        ("sihteereiksi", Secretary, TranslativePlural),
        ("pääsihteeri", SecretaryGeneral, Nominative),
        ("pääsihteerinä", SecretaryGeneral, Essive),
        ("pääsihteeriksi", SecretaryGeneral, Translative),
        ("jäsen", Member, Nominative),
        ("jäsenenä", Member, Essive),
        ("jäseneksi", Member, Translative),
        ("jäsenet", Member, NominativePlural),
        ("jäseninä", Member, EssivePlural),
        ("jäseniksi", Member, TranslativePlural),
        ("varajäsen", DeputyMember, Nominative),
        ("varajäsenenä", DeputyMember, Essive),
        ("varajäseneksi", DeputyMember, Translative),
        ("varajäsenet", DeputyMember, NominativePlural),
        ("varajäseninä", DeputyMember, EssivePlural),
        ("varajäseniksi", DeputyMember, TranslativePlural),
        ("esittelijä", Presenter, Nominative),
        ("esittelijänä", Presenter, Essive),
        ("esittelijäksi", Presenter, Translative),
        ("esittelijät", Presenter, NominativePlural),
        ("esittelijöinä", Presenter, EssivePlural),
        ("esittelijöiksi", Presenter, TranslativePlural),
    ]
};

/// Verbs (and the auxiliary `on`) that join an essive role word and its
/// holder: `puheenjohtajana toimii X`, `X jatkaa puheenjohtajana`.
const ESSIVE_VERBS: &[&str] = &[
    "toimii",
    "toimi",
    "toimivat",
    "toiminut",
    "toimineet",
    "jatkaa",
    "jatkoi",
    "jatkavat",
    "jatkanut",
    "aloittaa",
    "aloitti",
    "aloittavat",
    "on",
    "oli",
    "ovat",
    "olivat",
    "ollut",
];

/// Verbs (and auxiliaries) that join a translative role word and its holder:
/// `puheenjohtajaksi valittiin X`, `X on esitetty puheenjohtajaksi`.
const TRANSLATIVE_VERBS: &[&str] = &[
    "valittiin",
    "valitaan",
    "valittu",
    "valitsi",
    "valitsivat",
    "valitsee",
    "nimettiin",
    "nimetään",
    "nimetty",
    "nimesi",
    "nimitettiin",
    "nimitetty",
    "nimitti",
    "esitetään",
    "esitettiin",
    "esitetty",
    "esittää",
    "esitti",
    "ehdotetaan",
    "ehdotettiin",
    "ehdotettu",
    "ehdottaa",
    "ehdotti",
    "kutsuttiin",
    "kutsuttu",
    "asetettiin",
    "asetettu",
    "määrättiin",
    "määrätty",
    "nousee",
    "nousi",
    "tulee",
    "tuli",
    "on",
    "oli",
    "ovat",
    "olivat",
];

/// Adverbs that may stand inside a role phrase (`toimii edelleen`,
/// `valittiin yksimielisesti`).
const ROLE_ADVERBS: &[&str] = &[
    "edelleen",
    "jatkossa",
    "myös",
    "nyt",
    "puolestaan",
    "taas",
    "jälleen",
    "uudelleen",
    "yksimielisesti",
    "yhä",
    "vuorostaan",
];

/// Words that modify a title head right before it (`neuvotteleva
/// virkamies`, `vastaava ylilääkäri`); abbreviations take a full stop.
const TITLE_MODIFIERS: &[&str] = &[
    "neuvotteleva",
    "johtava",
    "vastaava",
    "väliaikainen",
    "virkaatekevä",
    "määräaikainen",
    "erikoistuva",
    "vanhempi",
    "ylimääräinen",
    "uusi",
    "entinen",
    "nykyinen",
    "tuleva",
    "vs",
    "va",
    "vt",
    "ma",
];

/// Words ending in `-n` that are not genitives completing a title (verbs,
/// pronouns, postpositions, adverbs): a title's complement stops at them.
const NOT_COMPLEMENT: &[&str] = &[
    "on",
    "ja",
    "kun",
    "kuin",
    "niin",
    "hyvin",
    "ennen",
    "jälkeen",
    "mukaan",
    "alkaen",
    "lähtien",
    "koskien",
    "liittyen",
    "kesken",
    "vastaan",
    "sijaan",
    "sen",
    "hänen",
    "heidän",
    "minun",
    "sinun",
    "meidän",
    "teidän",
    "tämän",
    "tuon",
    "niiden",
    "näiden",
    "noiden",
    "joiden",
    "jonka",
    "kenen",
    "eilen",
    "tänään",
    "olen",
    "ovat",
    "myöten",
    "ohella",
    "välillä",
    "aikana",
    "varten",
    "puolen",
    "kertaan",
];

/// Endings of the Finnish passive (`valitaan`, `esitetään`, `valittiin`,
/// `todettiin`): a verb, never a title's complement, though it ends in `-n`.
const PASSIVE_ENDINGS: &[&str] = &[
    "taan", "tään", "daan", "dään", "llaan", "llään", "nnaan", "nnään", "rraan", "rrään", "tiin",
    "diin", "ltiin", "nniin", "rriin",
];

/// Company forms (lower case, before any `:` case ending): a capitalised
/// pair followed by one is a firm (`Aino Virtanen Oy`), not a person.
const COMPANY_FORMS: &[&str] = &[
    "oy", "oyj", "ab", "abp", "ky", "ry", "rf", "tmi", "ltd", "inc", "gmbh", "llc", "plc",
];

/// Lower-case particles of family names (`af`, `von`), at most two in a row.
const FAMILY_PARTICLES: &[&str] = &[
    "af", "von", "van", "de", "der", "den", "la", "le", "di", "da", "du", "del", "zu",
];

/// Bit `b` set for each first byte `b` of the [`FAMILY_PARTICLES`] (all
/// ASCII lower case): a word starting with another ASCII letter lowers to
/// no particle ([`may_be_particle`]).
const PARTICLE_FIRST_BYTES: u128 = {
    let mut bits = 0u128;
    let mut k = 0;
    while k < FAMILY_PARTICLES.len() {
        let first = FAMILY_PARTICLES[k].as_bytes()[0];
        // A particle starting otherwise would need another test: fail the build.
        assert!(first.is_ascii_lowercase());
        bits |= 1 << first;
        k += 1;
    }
    bits
};

/// The longest of the [`FAMILY_PARTICLES`], in bytes.
const PARTICLE_MAX_LEN: usize = crate::text::longest_len(FAMILY_PARTICLES);

/// Capitalised words of the genre that are not names even where a title
/// stands before them (`hankejohtaja Sote Tiimi`).
const NOT_NAMES: &[&str] = &[
    "Sote",
    "Soten",
    "Hanke",
    "Hankkeen",
    "Tiimi",
    "Ryhmä",
    "Kokous",
    "Maakunta",
    "Muistio",
    "Asialista",
    "Esityslista",
    "Pöytäkirja",
    "Lisätietoja",
    "Lisätiedot",
    "Kuva",
];

/// Endings of Finnish local cases and the translative after a stem vowel
/// (`Kalliolle`, `Mäkelässä`): a family name ending so is inflected.
const LOCAL_CASE_ENDINGS: &[&str] = &[
    "lle", "lla", "llä", "lta", "ltä", "ssa", "ssä", "sta", "stä", "ksi",
];

/// Endings of family names in the nominative that end in a vowel and `-n`.
const NOMINATIVE_N_ENDINGS: &[&str] = &["nen", "son", "man", "mann"];

/// Inflected endings of family names in `-nen` (`Virtasen`, `Virtaselle`),
/// longest first, which are undone to `-nen` after a stem vowel.
const NEN_ENDINGS: &[&str] = &[
    "selle", "sella", "sellä", "selta", "seltä", "sessa", "sessä", "sesta", "sestä", "seksi",
    "seen", "sena", "senä", "sen",
];

/// Nature words that end many Finnish family names (`Kalliokoski`,
/// `Rantamäki`, `Alajärvi`, `Rinne`) with the stem their other cases are
/// built on (`Kalliokosken`, `Rantamäelle`, `Alajärvellä`, `Rinteen`):
/// `(nominative ending, oblique stem)`. The stem differs from the
/// nominative (an `-i` turned `-e`, consonant gradation), so an inflected
/// form tells its basic form without doubt.
const FAMILY_NAME_STEMS: &[(&str, &str)] = &[
    ("koski", "koske"),
    ("mäki", "mäe"),
    ("järvi", "järve"),
    ("lahti", "lahde"),
    ("niemi", "nieme"),
    ("saari", "saare"),
    ("vuori", "vuore"),
    ("joki", "joe"),
    ("salmi", "salme"),
    ("lampi", "lamme"),
    ("kivi", "kive"),
    ("korpi", "korve"),
    ("nummi", "numme"),
    ("lehti", "lehde"),
    ("rinne", "rintee"),
    ("ranta", "ranna"),
    ("pelto", "pello"),
    ("lehto", "lehdo"),
    ("kangas", "kankaa"),
];

/// Case endings after an oblique stem of [`FAMILY_NAME_STEMS`]: genitive,
/// illative, essive and the local cases (`Kalliokosken`, `Mäkeen` aside,
/// `Alajärvelle`).
const FAMILY_STEM_ENDINGS: &[&str] = &[
    "n", "en", "na", "nä", "lle", "lla", "llä", "lta", "ltä", "ssa", "ssä", "sta", "stä", "ksi",
];

/// Words after a genitive name that show it is a genitive (`Aino Kallion
/// mukaan`): the family name is then not in its basic form.
const GENITIVE_CONTEXT: &[&str] = &[
    "mukaan",
    "kanssa",
    "johdolla",
    "johdossa",
    "luona",
    "puolesta",
    "mielestä",
    "toimesta",
    "sijaan",
    "tilalle",
    "jälkeen",
    "kautta",
    "avulla",
    "vetämä",
    "vetämänä",
    "johtama",
    "johtamana",
    "laatima",
    "esittelemä",
    "esityksestä",
    "puheenvuoro",
    "sijaisena",
    "seuraajaksi",
    "seuraajana",
];

/// Capitalised words that may stand right before a name without a colon
/// (`Lisätietoja Aino Kärkkäinen`, `Kuva Aino Kärkkäinen`), lower case.
const INTRODUCERS: &[&str] = &[
    "lisätietoja",
    "lisätiedot",
    "lisätietoa",
    "kuva",
    "kuvat",
    "kuvaaja",
    "teksti",
    "kirjoittaja",
    "kiitos",
    "terveisin",
    "tervetuloa",
];

/// Words that introduce a phone number or address after a name or title in
/// contact lines (`muutosjohtaja p. 040 …`).
const CONTACT_MARKERS: &[&str] = &["p", "puh", "tel", "gsm", "puhelin", "email", "sähköposti"];

/// Ordinals before a vice chair (`1. varapuheenjohtaja`, `II
/// varapuheenjohtaja`, `ensimmäinen varapuheenjohtaja`).
const ORDINAL_WORDS: &[&str] = &["i", "ii", "iii", "ensimmäinen", "toinen", "kolmas"];

/// The lexicons, parsed once.
struct Lexicon {
    /// Given name → whether it is also an ordinary word.
    given: FxHashMap<&'static str, bool>,
    /// Title head words, searched from the end of a word (every head has
    /// at least two letters; see the tests).
    heads: SuffixTrie<()>,
    /// Which [`given_key`]s the given names have: few capitalised words
    /// are given names, and most are turned away here before they are
    /// hashed and looked up.
    given_keys: Box<[u64; GIVEN_KEY_WORDS]>,
}

impl Lexicon {
    /// Parses the two tables; malformed lines are skipped.
    fn build() -> Self {
        // Room for a name a line, made once: the map grew from empty
        // through each power of two, rehashing every name as it went.
        // The line ends counted by `memchr`, not a byte at a time.
        let lines = memchr::memchr_iter(b'\n', GIVEN_NAMES_TABLE.as_bytes()).count() + 1;
        let mut given: FxHashMap<&str, bool> =
            FxHashMap::with_capacity_and_hasher(lines, Default::default());
        // Each name's key is marked as it is read, where the map's keys
        // were walked again once it was full.
        let mut given_keys = Box::new([0u64; GIVEN_KEY_WORDS]);
        for (name, common) in given_entries(GIVEN_NAMES_TABLE) {
            given.insert(name, common);
            let key = given_key(name);
            if let Some(word) = given_keys.get_mut(key / 64) {
                *word |= 1 << (key % 64);
            }
        }
        // The table's length bounds its titles' bytes.
        let mut heads = SuffixTrieBuilder::with_capacity(Keep::First, TITLES_TABLE.len());
        for head in data_lines(TITLES_TABLE).map(str::trim) {
            heads.insert(head, ());
        }
        Self {
            given,
            heads: heads.build(),
            given_keys,
        }
    }

    /// Whether `word` may be a given name: false only if no given name
    /// has its [`given_key`].
    #[inline]
    fn may_be_given(&self, word: &str) -> bool {
        let key = given_key(word);
        self.given_keys
            .get(key / 64)
            .is_some_and(|bits| bits >> (key % 64) & 1 == 1)
    }
}

/// How many 64-bit words [`Lexicon::given_keys`] has: 2^16 bits for the
/// 1 880 given names, so under 3 % of the bits are set (other words with
/// a name's length and end bytes, such as its inflected forms, pass too).
const GIVEN_KEY_WORDS: usize = 1 << 10;

/// A word's key in [`Lexicon::given_keys`], below `64 * GIVEN_KEY_WORDS`:
/// its byte length and first, last and second-last bytes, mixed.
#[inline]
fn given_key(word: &str) -> usize {
    let bytes = word.as_bytes();
    let byte = |k: usize| u32::from(bytes.get(k).copied().unwrap_or(0));
    let len = bytes.len();
    let packed = byte(0)
        | byte(len.wrapping_sub(1)) << 8
        | byte(len.wrapping_sub(2)) << 16
        | (len as u32 & 0xFF) << 24;
    // The high 16 bits of a Fibonacci hash.
    (packed.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// The entries of the given-name table `table`: each line's name (its
/// first tab-separated column, trimmed) and whether its second column is
/// `common`, for the lines with a name that are no comment. The lines and
/// their first tabs are found in one pass ([`TableLines`]), where the table
/// was split at its line ends (a search a line) and each line searched for
/// a tab again; a name with ASCII ends is taken untrimmed ([`trimmed`]).
/// `given_entries_by_columns` (each line trimmed to be told blank, then
/// split and each column trimmed) is the oracle of its tests.
fn given_entries(table: &str) -> impl Iterator<Item = (&str, bool)> {
    TableLines::new(table).filter_map(|(line, tab)| given_entry(line, tab))
}

/// The lines of a table as `str::split` at `\n` gives them, each with the
/// offset of its first tab: the tabs and line ends found by one `memchr2`
/// search over the table.
struct TableLines<'t> {
    /// The table.
    table: &'t str,
    /// The tabs and line ends not read yet.
    marks: memchr::Memchr2<'t>,
    /// Where the next line starts: past the table's end once its last line
    /// has been given.
    start: usize,
}

impl<'t> TableLines<'t> {
    /// The lines of `table`.
    fn new(table: &'t str) -> Self {
        Self {
            table,
            marks: memchr::memchr2_iter(b'\t', b'\n', table.as_bytes()),
            start: 0,
        }
    }
}

impl<'t> Iterator for TableLines<'t> {
    type Item = (&'t str, Option<usize>);

    /// The next line, without its `\n`, and its first tab's offset in it.
    fn next(&mut self) -> Option<Self::Item> {
        if self.start > self.table.len() {
            return None;
        }
        let mut tab = None;
        let end = loop {
            match self.marks.next() {
                Some(k) if self.table.as_bytes().get(k) == Some(&b'\n') => break k,
                Some(k) => {
                    tab = tab.or(k.checked_sub(self.start));
                }
                None => break self.table.len(),
            }
        };
        let line = self.table.get(self.start..end)?;
        self.start = end + 1;
        Some((line, tab))
    }
}

/// `s` without the white space around it: as it is when its first and last
/// bytes are ASCII and no white space (most names), else [`str::trim`]med.
fn trimmed(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// The entry of one line of the given-name table ([`given_entries`]), a
/// line end's `\r` left on it or not; `tab` is the offset of its first tab.
fn given_entry(line: &str, tab: Option<usize>) -> Option<(&str, bool)> {
    if line.starts_with('#') {
        return None;
    }
    let (name, rest) = match tab {
        Some(tab) => (line.get(..tab)?, line.get(tab + 1..)),
        None => (line, None),
    };
    let name = trimmed(name);
    let common = rest.is_some_and(|rest| {
        let column = rest.split('\t').next().unwrap_or(rest);
        column.trim() == "common"
    });
    (!name.is_empty()).then_some((name, common))
}

/// [`given_entries`] as they were read: non-empty, non-comment lines split
/// into columns, each trimmed. The oracle of its test.
#[cfg(test)]
fn given_entries_by_columns(table: &str) -> Vec<(&str, bool)> {
    data_lines(table)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next()?.trim();
            let common = cols.next().is_some_and(|c| c.trim() == "common");
            (!name.is_empty()).then_some((name, common))
        })
        .collect()
}

/// Non-empty, non-comment lines of a data file.
fn data_lines(table: &str) -> impl Iterator<Item = &str> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Built on first use and shared.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// A person named in a text, with the title written next to the name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PersonMatch<'a> {
    /// The whole mention: title and name (`maakuntajohtaja Aino Kärkkäinen`),
    /// or the name alone. A title after the name is included (`Aino
    /// Kärkkäinen, muutosjohtaja`), also when it stands on the next line.
    pub span: Span,
    /// The text of `span`.
    pub text: &'a str,
    /// Given name(s) and family name in basic form, given names first:
    /// `Aino Kärkkäinen`, `Kaj-Erik Lindqvist`, `Jussi Pekka Pitkänen`.
    pub name: String,
    /// Where the name itself lies (for `Kärkkäinen Aino` in a member list,
    /// the span covers the name as written, surname first).
    pub name_span: Span,
    /// The title as written (`maakuntajohtaja`; `Pirkanmaan liiton
    /// kehittämisjohtaja` — head word with the genitive phrase that completes
    /// it), with its span.
    pub title: Option<(&'a str, Span)>,
    /// Whether `name` is the basic form. `false` when the family name stands
    /// in a case this recogniser cannot undo (`Aino Kalliolle`, `Aino Kallion
    /// mukaan`): `name` then holds it as written. Family names in `-nen` are
    /// always undone (`Aino Virtaselle` → `Aino Virtanen`).
    pub basic_form: bool,
}

/// A role phrase: who holds which role, e.g. `puheenjohtajana toimii
/// kehitysjohtaja Aino Kärkkäinen`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RoleMatch<'a> {
    /// From the role word to the end of the person's mention (or from the
    /// person to the role word when the role comes after).
    pub span: Span,
    /// The text of `span`.
    pub text: &'a str,
    /// Which role.
    pub role: RoleKind,
    /// The span of the role word itself (`puheenjohtajana`), so the caller
    /// can find the body named right before it (`Johtoryhmän
    /// puheenjohtajana`).
    pub role_span: Span,
    /// Who holds the role, as [`find_people`] reports the mention.
    pub person: PersonMatch<'a>,
}

/// A line of a contact block or member list that starts with a name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NameLine {
    /// The name, given names first: `Leena Virtanen` also for `Virtanen Leena`.
    pub name: String,
    /// Where the name lies in the line, as written.
    pub span: Span,
    /// Whether the line wrote the family name first (`Virtanen Leena`, as in
    /// member lists).
    pub surname_first: bool,
}

/// People introduced by a title before the name, by a title after it (same
/// line after a comma, or alone on the next line), by a role phrase, or
/// standing alone with a known given name (`Aino Kärkkäinen`, also surname
/// first at the start of a list line: `Kärkkäinen Aino, pj`).
///
/// One match per mention, in text order; the same person mentioned twice is
/// reported twice.
///
/// ```
/// use sote_records::recognise::person::find_people;
///
/// let text = "Puheenjohtajana toimii Kainuun liiton kehittämisjohtaja Aino Kärkkäinen.";
/// let people = find_people(text);
/// assert_eq!(people.len(), 1);
/// assert_eq!(people[0].name, "Aino Kärkkäinen");
/// assert_eq!(people[0].title.map(|(t, _)| t), Some("Kainuun liiton kehittämisjohtaja"));
/// assert_eq!(people[0].text, "Kainuun liiton kehittämisjohtaja Aino Kärkkäinen");
/// assert_eq!(&text[people[0].span.start..people[0].span.end], people[0].text);
/// ```
pub fn find_people(text: &str) -> Vec<PersonMatch<'_>> {
    let lowered = LowerText::new(text);
    let doc = Doc::new(text, &lowered);
    let found = doc.people();
    found.iter().map(|p| doc.person_match(p)).collect()
}

/// Role phrases: `puheenjohtajana toimii X`, `X toimii puheenjohtajana`,
/// `puheenjohtajana X`, `varapuheenjohtaja X`, `sihteeri X`, `Sihteeri: X`,
/// `puheenjohtajaksi on esitetty X`, `puheenjohtajaksi valittiin X`, `X
/// valittiin puheenjohtajaksi`, `Johtoryhmän puheenjohtaja, kehitysjohtaja
/// X`, `X, ohjausryhmän puheenjohtaja`, member-list lines (`Kärkkäinen Aino,
/// pj`), and lists after plural role words (`Jäseninä ovat X, Y ja Z`).
///
/// A role held by several people gives one match per person.
///
/// ```
/// use sote_records::model::RoleKind;
/// use sote_records::recognise::person::find_roles;
///
/// let text = "Ryhmän sihteerinä toimii suunnittelija Ville Kettunen.";
/// let roles = find_roles(text);
/// assert_eq!(roles[0].role, RoleKind::Secretary);
/// assert_eq!(&text[roles[0].role_span.start..roles[0].role_span.end], "sihteerinä");
/// assert_eq!(roles[0].person.name, "Ville Kettunen");
/// ```
pub fn find_roles(text: &str) -> Vec<RoleMatch<'_>> {
    let lowered = LowerText::new(text);
    let doc = Doc::new(text, &lowered);
    let people = doc.people();
    doc.roles(&people)
}

/// [`find_people`] and [`find_roles`] together, for the document parser:
/// the text is tokenized and its people found once for both; `lowered` is
/// the text's lower case, `capitals` the offsets of its capitals
/// ([`text::capital_starts`]).
pub(crate) fn find_people_and_roles<'t>(
    text: &'t str,
    lowered: &LowerText,
    capitals: &[usize],
) -> (Vec<PersonMatch<'t>>, Vec<RoleMatch<'t>>) {
    let sparse = Doc::sparse(text, lowered, capitals);
    find_people_and_roles_sparse(text, lowered, sparse)
}

/// [`find_people_and_roles`] read off `sparse` ([`Doc::sparse`]) unless it
/// is `None` or a rule read one of its gaps; else over the whole text.
fn find_people_and_roles_sparse<'t>(
    text: &'t str,
    lowered: &LowerText,
    sparse: Option<Doc<'t, '_>>,
) -> (Vec<PersonMatch<'t>>, Vec<RoleMatch<'t>>) {
    if let Some(doc) = sparse {
        let found = doc.people();
        let roles = doc.roles(&found);
        let people = found.iter().map(|p| doc.person_match(p)).collect();
        let gap_read = doc.gap_read.get();
        doc.recycle();
        if !gap_read {
            return (people, roles);
        }
    }
    find_people_and_roles_in_full(text, lowered)
}

/// [`find_people_and_roles`] over the whole text's tokens: the path a
/// sparse reading falls back on, and the oracle its test compares with.
fn find_people_and_roles_in_full<'t>(
    text: &'t str,
    lowered: &LowerText,
) -> (Vec<PersonMatch<'t>>, Vec<RoleMatch<'t>>) {
    let doc = Doc::new(text, lowered);
    let found = doc.people();
    let roles = doc.roles(&found);
    let people = found.iter().map(|p| doc.person_match(p)).collect();
    (people, roles)
}

/// Reads the name at the start of a contact-block or member-list line:
/// `Leena Virtanen`, `Virtanen Leena` (surname first), `Aino-Maija
/// Kärkkäinen-Heino`, `Pitkänen Jussi Pekka`. The name may be followed by
/// nothing or by a separator (`,`, `;`, `(`, `/`, `|`, a dash) or contact
/// details (`p. 040 …`, an address); the span tells where it ends.
///
/// Given names must be in the lexicon, so `Uusimaa Oy`, `Sote Tiimi` and
/// `Muutosjohtaja Aino Virtanen` (a title first) give `None`. When both
/// words are given names the first is taken as the given name.
pub fn parse_name_line(line: &str) -> Option<NameLine> {
    let lowered = LowerText::new(line);
    let doc = Doc::new(line, &lowered);
    let first = doc.next_word_index(0)?;
    let name = doc
        .surname_first_at(first, false)
        .or_else(|| doc.given_first_at(first, false))?;
    if !doc.ends_name_line(name.last + 1) {
        return None;
    }
    let (text, _) = doc.name_string(&name);
    Some(NameLine {
        name: text,
        span: doc.span_of(name.first, name.last),
        surname_first: name.surname_first,
    })
}

/// Whether `phrase` is a title, as on the title line of a contact block:
/// returns the span of the title proper, the head word with the words that
/// complete it, before any comma (`Hankejohtaja, palvelustrategia ja
/// osallisuus` → `Hankejohtaja`; `sosiaali- ja terveysjohtaja, Rauman
/// kaupunki` → `sosiaali- ja terveysjohtaja`). `None` for lines that are not
/// titles (`Rauman kaupunki`, `Puheenjohtaja avaa kokouksen.`).
pub fn title_head(phrase: &str) -> Option<Span> {
    let lowered = LowerText::new(phrase);
    let doc = Doc::new(phrase, &lowered);
    let first = doc.next_word_index(0)?;
    let (start, head) = doc.title_segment(first)?;
    Some(doc.span_of(start, head))
}

/// Whether `word` is a known given name (`Aino`, `Kaj-Erik`: every hyphen
/// part must be one). Letter case is ignored (`AINO` and `aino` are
/// accepted); the recognisers themselves require a capital initial.
pub fn is_given_name(word: &str) -> bool {
    let word = word.trim_matches(is_space);
    !word.is_empty() && word.split(is_dash).all(is_given_part)
}

/// Whether one hyphen part of a word is a known given name, in any letter
/// case. A part already written as the lexicon keys are (`Aino`: a
/// capital initial, the rest lower case) is looked up as it stands,
/// without making its capitalised copy; others are capitalised first.
fn is_given_part(part: &str) -> bool {
    if is_capitalised(part) {
        LEXICON.given.contains_key(part)
    } else {
        LEXICON.given.contains_key(capitalised(part).as_str())
    }
}

/// Whether [`capitalised`] would give `word` back unchanged: its initial is
/// its own upper case and every later letter its own lower case.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_none_or(|first| first.to_uppercase().eq(std::iter::once(first)))
        && chars.all(|c| c.to_lowercase().eq(std::iter::once(c)))
}

/// [`is_given_name`] as it was, every part capitalised into a new string
/// before the look-up: the oracle of its test.
#[cfg(test)]
fn is_given_name_by_capitalising(word: &str) -> bool {
    let word = word.trim_matches(is_space);
    !word.is_empty()
        && word
            .split(is_dash)
            .all(|part| LEXICON.given.contains_key(capitalised(part).as_str()))
}

/// The role a role word names, in any of the forms role phrases use
/// (`puheenjohtaja`, `Puheenjohtajana`, `sihteeriksi`, `jäseninä`, `pj`,
/// `vpj`), ignoring letter case; `None` for other words.
pub fn role_kind(word: &str) -> Option<RoleKind> {
    role_word(&word.trim_matches(is_space).to_lowercase()).map(|(kind, _)| kind)
}

// ---------------------------------------------------------------------------
// Word predicates
// ---------------------------------------------------------------------------

/// Whether `c` is a dash: hyphen-minus, the Unicode hyphens and dashes, minus.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// Whether `c` is a combining diacritical mark (decomposed `ä`).
fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether `c` continues a word.
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_combining(c)
}

/// Whether `c` may join two word characters inside one word (`Aino-Maija`,
/// `STM:n`, `13.12.2018`, `O'Neill`, `nimi@kunta.fi`).
fn is_joiner(c: char) -> bool {
    is_dash(c) || matches!(c, '\'' | '\u{2019}' | ':' | '.' | '@' | '_')
}

/// [`is_joiner`] of an ASCII byte: the byte tests alone, without the
/// ranges of the Unicode dashes, for the byte that ends every plain word.
#[inline]
fn is_ascii_joiner(b: u8) -> bool {
    matches!(b, b'-' | b'\'' | b':' | b'.' | b'@' | b'_')
}

/// `word` with a capital initial and the rest in lower case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// Whether the word starts with a capital letter.
fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the word starts with a digit.
fn starts_digit(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether `word` has the shape of a personal name: one to three dash
/// parts, each a capital letter followed by at least one lower-case letter,
/// letters only (an apostrophe may come before a capital: `O'Neill`).
/// `Some(parts)`, the number of dash parts, for a name-shaped word; read in
/// one pass over the characters, as every capitalised word is asked.
fn name_parts(word: &str) -> Option<usize> {
    // Most words start with a lower-case ASCII letter: no name.
    if word
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return None;
    }
    let bytes = word.as_bytes();
    let mut parts = 1;
    let mut part = PartShape::default();
    let mut i = 0;
    while i < bytes.len() {
        // The commonest characters first, without decoding: lower-case
        // letters after a part's initial, taken as a run, and an ASCII
        // capital as its initial.
        if part.started {
            let run = lower_latin1_run(bytes, i);
            if run > 0 {
                part.has_lower = true;
                part.after_apostrophe = false;
                i += run;
                continue;
            }
        } else if bytes.get(i).is_some_and(u8::is_ascii_uppercase) {
            part.started = true;
            i += 1;
            continue;
        }
        let Some(c) = char_at(word, i) else {
            break;
        };
        i += c.len_utf8();
        if is_dash(c) {
            if !part.is_name() || parts == 3 {
                return None;
            }
            parts += 1;
            part = PartShape::default();
        } else if !part.take(c) {
            return None;
        }
    }
    part.is_name().then_some(parts)
}

/// How many bytes from byte `i` on are lower-case letters below U+0100:
/// ASCII `a`–`z` and the Latin-1 `ß`–`ÿ` but `÷` (`C3 9F`–`C3 BF` but
/// `C3 B7`), told by their bytes.
#[inline]
fn lower_latin1_run(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        // ASCII small letters, the most of them, by one position loop.
        let rest = bytes.get(j..).unwrap_or_default();
        j += rest
            .iter()
            .position(|b| !b.is_ascii_lowercase())
            .unwrap_or(rest.len());
        match bytes.get(j) {
            Some(0xC3) if bytes.get(j + 1).is_some_and(|&s| latin1_lower(s)) => j += 2,
            _ => return j - i,
        }
    }
}

/// Whether `C3` then `second` is a lower-case Latin-1 letter (`ß`–`ÿ`
/// but `÷`): a letter that is no capital.
#[inline]
fn latin1_lower(second: u8) -> bool {
    latin1_letter(second) && !text::is_latin1_capital_second(second)
}

/// One dash part of [`name_parts`], read so far.
#[derive(Debug, Clone, Copy, Default)]
struct PartShape {
    /// Its capital initial has been read.
    started: bool,
    /// A lower-case letter has been read.
    has_lower: bool,
    /// The last character read was an apostrophe (a capital may follow).
    after_apostrophe: bool,
}

impl PartShape {
    /// Reads the part's next character: `false` if no name part has it there.
    fn take(&mut self, c: char) -> bool {
        if !self.started {
            self.started = true;
            return c.is_uppercase();
        }
        let ok = if c.is_lowercase() {
            self.has_lower = true;
            true
        } else if c.is_uppercase() {
            self.after_apostrophe
        } else {
            matches!(c, '\'' | '\u{2019}') || is_combining(c)
        };
        self.after_apostrophe = matches!(c, '\'' | '\u{2019}');
        ok
    }

    /// Whether the part read is a whole name part: a capital and, after it,
    /// at least one lower-case letter.
    fn is_name(self) -> bool {
        self.has_lower
    }
}

/// The split-then-check [`name_parts`] it replaced, kept as the oracle its
/// test compares with.
#[cfg(test)]
fn name_shaped_by_parts(word: &str) -> bool {
    if word
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return false;
    }
    let mut parts = 0;
    for part in word.split(is_dash) {
        parts += 1;
        if parts > 3 || !name_part_shaped(part) {
            return false;
        }
    }
    parts > 0
}

/// One dash part of [`name_shaped_by_parts`].
#[cfg(test)]
fn name_part_shaped(part: &str) -> bool {
    let mut chars = part.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut has_lower = false;
    let mut after_apostrophe = false;
    for c in chars {
        let ok = if c.is_lowercase() {
            has_lower = true;
            true
        } else if c.is_uppercase() {
            after_apostrophe
        } else {
            matches!(c, '\'' | '\u{2019}') || is_combining(c)
        };
        if !ok {
            return false;
        }
        after_apostrophe = matches!(c, '\'' | '\u{2019}');
    }
    has_lower
}

/// The given-name entry for a name-shaped word of `parts` dash parts
/// ([`name_parts`]): `Some(common)` when every dash part is a known given
/// name; `common` only for a one-part name that is also an ordinary word.
/// A one-part name, the usual kind, is looked up whole without splitting.
fn given_lookup(word: &str, parts: usize) -> Option<bool> {
    if parts == 1 {
        let lexicon = &*LEXICON;
        if !lexicon.may_be_given(word) {
            return None;
        }
        return lexicon.given.get(word).copied();
    }
    word.split(is_dash)
        .all(|part| LEXICON.given.contains_key(part))
        .then_some(false)
}

/// The [`given_lookup`] that counted the parts itself, kept as the oracle
/// its test compares with.
#[cfg(test)]
fn given_lookup_by_parts(word: &str) -> Option<bool> {
    let mut parts = 0;
    let mut common = false;
    for part in word.split(is_dash) {
        common = *LEXICON.given.get(part)?;
        parts += 1;
    }
    Some(parts == 1 && common)
}

/// The given-name entry the tokenizer once looked up for every word, before
/// [`Facts::given`] looked it up on demand: kept as the oracle its test
/// compares with.
#[cfg(test)]
fn given_eagerly(word: &str) -> Option<bool> {
    if name_shaped_by_parts(word) {
        given_lookup_by_parts(word)
    } else {
        None
    }
}

/// The last bytes of the title heads, and how many of a word's last bytes
/// they read: most words end in no head, and are told so by their own
/// bytes before their lower case is sliced.
struct TitleTails {
    /// The heads' last bytes.
    tails: EndTails,
    /// How many bytes [`TitleTails::tails`] reads: the shortest head's
    /// length, at most 8 (as [`EndTails`] reads).
    len: usize,
}

/// Built with [`LEXICON`] on first use.
static TITLE_TAILS: LazyLock<TitleTails> = LazyLock::new(|| {
    let heads = || {
        data_lines(TITLES_TABLE)
            .map(str::trim)
            .filter(|h| !h.is_empty())
    };
    TitleTails {
        tails: EndTails::of(heads()),
        len: heads().map(str::len).min().unwrap_or(1).min(8),
    }
});

/// Whether the word `text` (as written) may be a title word
/// ([`is_title_word`] of its lower case): false only if its lower case
/// ends in no head. When the word's last [`TitleTails::len`] bytes are
/// their own lower case ([`tail_is_own_lower_case`]), its lower case ends
/// in the same bytes and the tails are asked of the word itself; other
/// words pass.
#[inline]
fn may_be_title(text: &str) -> bool {
    let tails = &*TITLE_TAILS;
    let word = text.as_bytes();
    if word.len() < tails.len {
        // Characters below U+0100 (bytes below `C4`) lower to as many
        // bytes, so such a word (`Aino`) stays shorter than every head.
        return !word.iter().all(|&b| b < 0xC4);
    }
    !tail_is_own_lower_case(word, tails.len) || tails.tails.may_end(word)
}

/// Whether a lower-case word is a title: a head word or a compound ending
/// in one (`maakuntajohtaja`, `hr-johtaja`).
fn is_title_word(lower: &str) -> bool {
    LEXICON.heads.longest_suffix(lower.as_bytes()).is_some()
        && lower.chars().all(|c| c.is_alphabetic() || is_dash(c))
}

/// The role and form of a lower-case role word. Asked of every word, so
/// most words are told apart by their first byte and length alone
/// ([`ROLE_LENGTHS`]) before the table is looked up.
#[inline]
fn role_word(lower: &str) -> Option<(RoleKind, RoleForm)> {
    if !may_be_role_word(lower) {
        return None;
    }
    role_lookup(lower)
}

/// [`ROLE_INDEX`] look-up of a word that passed [`may_be_role_word`].
fn role_lookup(lower: &str) -> Option<(RoleKind, RoleForm)> {
    ROLE_INDEX.get(lower).copied()
}

/// Whether the word `text` (as written) may be a role word, by its first
/// byte: a word starting with an ASCII letter that starts no role word
/// lowers to one that does not either. Other first bytes are left to
/// [`role_word`] on the lower case.
#[inline]
fn may_start_role_word(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|&b| {
        // A byte cannot index past the 256 entries.
        !b.is_ascii() || ROLE_LENGTHS[usize::from(b.to_ascii_lowercase())] != 0
    })
}

/// Whether the word `text` (as written) may be a role word, told before
/// its lower case is sliced: by its first byte ([`may_start_role_word`])
/// and, for a `plain` word ([`plain_word_end`]: ASCII letters, digits and
/// joiners and Latin-1 letters, each lowering to as many bytes), by its
/// length too.
/// Most words starting with `p`, `s`, `j` or `v` stop here.
#[inline]
fn may_be_role_word_as_written(text: &str, plain: bool) -> bool {
    match text.as_bytes().first() {
        Some(&b) if plain && b.is_ascii() => {
            // A byte cannot index past the 256 entries.
            let lengths = ROLE_LENGTHS[usize::from(b.to_ascii_lowercase())];
            role_length_bit(lengths, text.len())
        }
        _ => may_start_role_word(text),
    }
}

/// Whether bit `len` of a [`ROLE_LENGTHS`] entry is set.
#[inline]
fn role_length_bit(lengths: u64, len: usize) -> bool {
    u32::try_from(len)
        .ok()
        .and_then(|len| lengths.checked_shr(len))
        .is_some_and(|bits| bits & 1 == 1)
}

/// Whether some role word has the first byte and the length of `lower`.
#[inline]
fn may_be_role_word(lower: &str) -> bool {
    let Some(&first) = lower.as_bytes().first() else {
        return false;
    };
    // A byte cannot index past the 256 entries.
    role_length_bit(ROLE_LENGTHS[usize::from(first)], lower.len())
}

/// The byte lengths of the [`ROLE_WORDS`] by first byte: bit `n` of entry
/// `b` is set when a role word of `n` bytes starts with byte `b`.
static ROLE_LENGTHS: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut k = 0;
    while k < ROLE_WORDS.len() {
        let word = ROLE_WORDS[k].0.as_bytes();
        // A longer role word would need a wider table: fail the build.
        assert!(!word.is_empty() && word.len() < 64);
        table[word[0] as usize] |= 1 << word.len();
        k += 1;
    }
    table
};

/// [`ROLE_WORDS`] by word.
static ROLE_INDEX: LazyLock<FxHashMap<&'static str, (RoleKind, RoleForm)>> =
    LazyLock::new(|| ROLE_WORDS.iter().map(|&(w, k, f)| (w, (k, f))).collect());

/// Whether the word `text` (as written) may lower to one of the
/// [`FAMILY_PARTICLES`], told by its first byte and length before its lower
/// case is sliced: an ASCII first byte lowers to its own lower case, an
/// ASCII word to as many bytes, and any other character to at least a
/// third of its bytes (the Kelvin sign to `k`).
#[inline]
fn may_be_particle(text: &str) -> bool {
    text.as_bytes().first().is_some_and(|&b| {
        (!b.is_ascii() || PARTICLE_FIRST_BYTES >> b.to_ascii_lowercase() & 1 == 1)
            && (text.len() <= PARTICLE_MAX_LEN
                || (text.len() <= 3 * PARTICLE_MAX_LEN && !text.is_ascii()))
    })
}

/// Whether a word could be a genitive completing a title (`Pirkanmaan`,
/// `liiton`, `STM:n`): ends in `-n`, and is not a verb, pronoun or
/// postposition that also does.
fn is_complement_genitive(word: &str, lower: &str) -> bool {
    lower.ends_with('n')
        && lower.chars().count() >= 3
        && lower
            .chars()
            .all(|c| c.is_alphabetic() || is_dash(c) || c == ':')
        && !NOT_COMPLEMENT.contains(&lower)
        && role_word(lower).is_none()
        && (starts_upper(word) || !PASSIVE_ENDINGS.iter().any(|e| lower.ends_with(e)))
}

/// Whether the word ends like an inflected case form that a name cannot be
/// undone from (local cases, translative, genitive `-n`).
fn looks_inflected(word: &str) -> bool {
    let lower = word.to_lowercase();
    looks_genitive(&lower) || ends_in_local_case(&lower)
}

/// Whether a lower-case name ends like a genitive: a vowel and `-n`, but
/// not the nominative endings `-nen` (`Virtanen`) or the Swedish `-son`,
/// `-man` (`Eriksson`, `Björkman`).
fn looks_genitive(lower: &str) -> bool {
    ends_after_vowel(lower, "n") && !NOMINATIVE_N_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// Whether `word` ends with `ending` right after a vowel, with a stem of at
/// least three letters (`Kalliolle` yes, `Valle` no).
fn ends_after_vowel(word: &str, ending: &str) -> bool {
    word.strip_suffix(ending)
        .filter(|stem| stem.chars().count() >= 3)
        .and_then(|stem| stem.chars().last())
        .is_some_and(is_vowel)
}

/// Finnish vowels (with the Swedish `å`).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'å')
}

/// The basic form of a family name and whether it is one: `-nen` names are
/// undone from their inflected forms (`Virtasen` → `Virtanen`); other
/// names ending in a local case are kept as written with `false`. Each
/// list of endings is compared only with a name whose last bytes may end
/// in one of them ([`EndTails`]), and the name is lowered once.
#[cfg(test)]
fn family_basic_form(word: &str) -> (Cow<'_, str>, bool) {
    family_basic_form_of(word, &word.to_lowercase())
}

/// `family_basic_form` of `word` with its lower case `lower` told by the
/// caller, who slices it from the text's ([`Word::family_basic_form`]);
/// a name in its basic form is borrowed, not copied.
fn family_basic_form_of<'w>(word: &'w str, lower: &str) -> (Cow<'w, str>, bool) {
    if let Some(basic) = nen_basic_form(word) {
        return (Cow::Owned(basic), true);
    }
    if let Some(basic) = family_from_stem(word, lower) {
        return (Cow::Owned(basic), true);
    }
    (Cow::Borrowed(word), !ends_in_local_case(lower))
}

/// Appends `word` to the name `out`, after a space unless it is the first.
fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// A `-nen` name undone from an inflected form of [`NEN_ENDINGS`]
/// (`Virtasen` → `Virtanen`), compared as written.
fn nen_basic_form(word: &str) -> Option<String> {
    if !NEN_TAILS.may_end(word.as_bytes()) {
        return None;
    }
    NEN_ENDINGS.iter().find_map(|ending| {
        let stem = word
            .strip_suffix(ending)
            .filter(|_| ends_after_vowel(word, ending))?;
        Some(format!("{stem}nen"))
    })
}

/// Whether a lower-case word ends in a local case or the translative
/// after a vowel ([`LOCAL_CASE_ENDINGS`]).
fn ends_in_local_case(lower: &str) -> bool {
    LOCAL_CASE_TAILS.may_end(lower.as_bytes())
        && LOCAL_CASE_ENDINGS
            .iter()
            .any(|e| ends_after_vowel(lower, e))
}

/// The nominative of a family name inflected on an oblique stem of
/// [`FAMILY_NAME_STEMS`] (`Kalliokosken` → `Kalliokoski`, `Mäen` →
/// `Mäki`), keeping the name's own capitals; `lower` is its lower case.
fn family_from_stem(word: &str, lower: &str) -> Option<String> {
    // Lower-casing keeps the length of Finnish letters; a name where it
    // would not is left alone rather than cut at a wrong place.
    if lower.len() != word.len() || !FAMILY_STEM_TAILS.may_end(lower.as_bytes()) {
        return None;
    }
    nominative_from_stem(word, lower)
}

/// The nominative of `word` if its lower case `lower` (of the same length)
/// ends in an oblique stem of [`FAMILY_NAME_STEMS`] and one of the
/// [`FAMILY_STEM_ENDINGS`].
fn nominative_from_stem(word: &str, lower: &str) -> Option<String> {
    FAMILY_STEM_ENDINGS.iter().find_map(|ending| {
        let rest = lower.strip_suffix(ending)?;
        FAMILY_NAME_STEMS.iter().find_map(|(nominative, stem)| {
            let prefix_len = rest.strip_suffix(stem)?.len();
            let prefix = word.get(..prefix_len)?;
            if prefix.is_empty() {
                // The whole name is the word: `Mäen` → `Mäki`.
                let mut chars = nominative.chars();
                let first = chars.next()?;
                Some(first.to_uppercase().chain(chars).collect())
            } else if prefix.ends_with(|c: char| c.is_alphabetic()) {
                Some(format!("{prefix}{nominative}"))
            } else {
                None
            }
        })
    })
}

/// The last bytes of the [`NEN_ENDINGS`]: most names end in none.
static NEN_TAILS: LazyLock<EndTails> = LazyLock::new(|| EndTails::of(NEN_ENDINGS.iter().copied()));

/// The last bytes of the [`LOCAL_CASE_ENDINGS`].
static LOCAL_CASE_TAILS: LazyLock<EndTails> =
    LazyLock::new(|| EndTails::of(LOCAL_CASE_ENDINGS.iter().copied()));

/// The last bytes of every oblique stem of [`FAMILY_NAME_STEMS`] with
/// every one of the [`FAMILY_STEM_ENDINGS`] after it (`kosken`,
/// `mäelle`): a word ending in none has no nominative to undo.
static FAMILY_STEM_TAILS: LazyLock<EndTails> = LazyLock::new(|| {
    let keys: Vec<String> = FAMILY_NAME_STEMS
        .iter()
        .flat_map(|(_, stem)| {
            FAMILY_STEM_ENDINGS
                .iter()
                .map(move |e| [*stem, *e].concat())
        })
        .collect();
    EndTails::of(keys.iter().map(String::as_str))
});

/// The [`family_basic_form`] that compared every ending and lowered the
/// name twice, kept as the oracle its test compares with.
#[cfg(test)]
fn family_basic_form_by_endings(word: &str) -> (String, bool) {
    for ending in NEN_ENDINGS {
        if let Some(stem) = word
            .strip_suffix(ending)
            .filter(|_| ends_after_vowel(word, ending))
        {
            return (format!("{stem}nen"), true);
        }
    }
    if let Some(basic) = family_from_stem_by_endings(word) {
        return (basic, true);
    }
    let lower = word.to_lowercase();
    let inflected = LOCAL_CASE_ENDINGS
        .iter()
        .any(|e| ends_after_vowel(&lower, e));
    (word.to_string(), !inflected)
}

/// The [`family_from_stem`] of [`family_basic_form_by_endings`].
#[cfg(test)]
fn family_from_stem_by_endings(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if lower.len() != word.len() {
        return None;
    }
    nominative_from_stem(word, &lower)
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Letters and digits, with joiners inside (`Aino-Maija`, `STM:n`), a
    /// leading dash (`-hankkeen`) or a trailing hyphen (`sosiaali-`).
    Word,
    /// Any other single non-space character.
    Punct(char),
    /// A line end (`\n`, `\r\n`, `\r`, U+2028, U+2029).
    Newline,
    /// A stretch of text [`Doc::sparse`] did not tokenize, standing for all
    /// its tokens, with how many line ends ([`Kind::Newline`]) they hold,
    /// up to four.
    /// Never read by a rule: [`Doc::tok`] records a read and gives `None`.
    Gap(u32),
}

/// A token: what it is, where it stands in the text and what the
/// lexicons say about it. Its text and lower case are sliced when a rule
/// asks for the word ([`Doc::word`]): most tokens are never asked, and
/// three words a token keep the list small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    /// What it is.
    kind: Kind,
    /// Byte offset of its first byte.
    start: usize,
    /// Byte offset one past its last byte.
    end: usize,
    /// What the lexicons say about it (words only; all false otherwise).
    facts: Facts,
}

/// A word token as the rules read it ([`Doc::word`]): borrowed from the
/// text, with the text's lower case to slice its own from.
#[derive(Debug, Clone, Copy)]
struct Word<'a, 'l> {
    /// Its text.
    text: &'a str,
    /// Byte offset of its first byte.
    start: usize,
    /// The lower case of the whole text, where [`Word::lower`] reads the
    /// word's own: most words are never asked, so none is sliced ahead.
    lowered: &'l LowerText,
    /// What the lexicons say about it.
    facts: Facts,
}

impl<'a, 'l> Word<'a, 'l> {
    /// Its text in lower case, borrowed from the text's lower case unless
    /// a character lowers out of line.
    #[inline]
    fn lower(&self) -> Cow<'l, str> {
        self.lowered.at(self.text, self.start)
    }

    /// Whether the word is a title word ([`is_title_word`]). Asked of the
    /// few words around a name, so looked up when asked, not per token;
    /// most are turned away by their last bytes ([`may_be_title`]) before
    /// their lower case is sliced.
    fn is_title(&self) -> bool {
        may_be_title(self.text) && is_title_word(&self.lower())
    }

    /// [`Word::is_title`] without the quick look at the last bytes, kept as
    /// the oracle its test compares with.
    #[cfg(test)]
    fn is_title_by_lower(&self) -> bool {
        is_title_word(&self.lower())
    }

    /// `family_basic_form` of the word, lowered by [`Word::lower`].
    fn family_basic_form(&self) -> (Cow<'a, str>, bool) {
        family_basic_form_of(self.text, &self.lower())
    }

    /// Whether the word is a title or a role word (never a name).
    fn is_title_or_role(&self) -> bool {
        self.facts.role.is_some() || self.is_title()
    }
}

/// What the lexicons say about a word, looked up once per token (its title
/// reading is asked of [`Word::is_title`] and its given-name reading of
/// [`Facts::given`] when needed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Facts {
    /// It has the shape of a name ([`name_parts`]).
    shaped: bool,
    /// Its dash parts if it is name-shaped ([`name_parts`]), 0 otherwise:
    /// kept for [`Facts::given`], which few name-shaped words are asked.
    parts: u8,
    /// It is a role word.
    role: Option<(RoleKind, RoleForm)>,
}

impl Facts {
    /// Looks up the word `text`, which starts at byte `start` of the text
    /// `lowered` was made from. Its lower case is sliced only for a word
    /// that may be a role word ([`may_start_role_word`]).
    fn of(text: &str, lowered: &LowerText, start: usize, plain: bool) -> Self {
        Self::of_shape(text, lowered, start, plain, name_parts(text))
    }

    /// [`Facts::of`] with the word's [`name_parts`] told by the caller,
    /// which may have read them on its way over the word
    /// ([`name_shaped_plain_end`]).
    fn of_shape(
        text: &str,
        lowered: &LowerText,
        start: usize,
        plain: bool,
        parts: Option<usize>,
    ) -> Self {
        Self {
            shaped: parts.is_some(),
            parts: parts.map_or(0, parts_byte),
            role: if may_be_role_word_as_written(text, plain) {
                role_word(&lowered.at(text, start))
            } else {
                None
            },
        }
    }

    /// The given-name entry of the word `text` these are the facts of
    /// ([`given_lookup`]): `None` for a word of no name's shape. Looked up
    /// when a name rule asks, as few of the name-shaped words are asked.
    fn given(self, text: &str) -> Option<bool> {
        match self.parts {
            0 => None,
            n => given_lookup(text, usize::from(n)),
        }
    }

    /// [`Facts::of`] by the oracles of the functions it asks, and the
    /// role table without its first-byte and length filter.
    #[cfg(test)]
    fn of_by_parts(text: &str, lower: &str) -> Self {
        let shaped = name_shaped_by_parts(text);
        Self {
            shaped,
            parts: if shaped {
                parts_byte(text.split(is_dash).count())
            } else {
                0
            },
            role: ROLE_INDEX.get(lower).copied(),
        }
    }
}

/// A name's dash-part count ([`name_parts`], at most 3) as a byte.
fn parts_byte(parts: usize) -> u8 {
    u8::try_from(parts).unwrap_or(u8::MAX)
}

/// A text's tokens, with its role words listed as they are made: the role
/// scan ([`Doc::roles`]) reads the list, not every token.
#[derive(Debug, Default)]
struct Tokens {
    /// The tokens.
    toks: Vec<Tok>,
    /// Indices of the role words, in order.
    roles: Vec<usize>,
}

impl Tokens {
    /// Room for about one token for every five bytes of running text.
    fn for_text(text: &str) -> Self {
        Self {
            toks: Vec::with_capacity(text.len() / 5 + 1),
            roles: Vec::new(),
        }
    }

    /// Appends `tok`, listing it if it is a role word.
    #[inline]
    fn push(&mut self, tok: Tok) {
        if tok.facts.role.is_some() {
            self.roles.push(self.toks.len());
        }
        self.toks.push(tok);
    }
}

/// Splits `text` into tokens: one pass, spaces skipped. Each token's first
/// byte says what it is ([`LEADS`]): spaces, ASCII letters and digits, line
/// feeds and ASCII marks without decoding; carriage returns, dashes and
/// other characters are decoded and asked ([`other_token`]).
fn tokenize(text: &str, lowered: &LowerText) -> Tokens {
    let mut toks = Tokens::for_text(text);
    tokenize_range(text, lowered, 0, text.len(), usize::MAX, &mut toks);
    toks
}

/// [`tokenize`] of the bytes `from..to` of `text` into `toks`, stopping
/// once `toks` holds `most` tokens. `from` must be a token boundary of the
/// whole text's tokens (a chunk start: [`chunk_start_before`]) and `to`
/// one too (a chunk end, or the text's end), so that the tokens made are
/// the whole text's tokens of that range.
fn tokenize_range(
    text: &str,
    lowered: &LowerText,
    from: usize,
    to: usize,
    most: usize,
    toks: &mut Tokens,
) {
    let bytes = text.as_bytes();
    let mut pos = from;
    while let Some(&b) = bytes.get(pos).filter(|_| pos < to) {
        if toks.toks.len() >= most {
            break;
        }
        // A byte cannot index past the 256 entries.
        let token = match LEADS[usize::from(b)] {
            Lead::Space => {
                pos += 1;
                continue;
            }
            Lead::Word => match name_shaped_plain_end(bytes, pos) {
                Some(end) => Some((Kind::Word, end, name_facts(text, lowered, pos, end))),
                None => match plain_word_end(bytes, pos) {
                    Some(end) => Some((Kind::Word, end, plain_facts(text, lowered, pos, end))),
                    None => word_token(text, lowered, pos, word_end(text, pos)),
                },
            },
            Lead::Newline => Some((Kind::Newline, pos + 1, Facts::default())),
            Lead::Mark => Some((Kind::Punct(char::from(b)), pos + 1, Facts::default())),
            Lead::Other => {
                let Some((kind, end)) = other_token(text, pos) else {
                    break;
                };
                match kind {
                    Some(Kind::Word) => word_token(text, lowered, pos, end),
                    Some(kind) => text.get(pos..end).map(|_| (kind, end, Facts::default())),
                    None => {
                        pos = end.max(pos + 1);
                        continue;
                    }
                }
            }
        };
        let end = match token {
            Some((kind, end, facts)) => {
                toks.push(Tok {
                    kind,
                    start: pos,
                    end,
                    facts,
                });
                end
            }
            None => pos,
        };
        pos = end.max(pos + 1);
    }
}

/// The word token of `start..end` that [`plain_word_end`] did not read,
/// with its [`Facts`]; `None` if the range is not a slice of `text`.
fn word_token(
    text: &str,
    lowered: &LowerText,
    start: usize,
    end: usize,
) -> Option<(Kind, usize, Facts)> {
    let word = text.get(start..end)?;
    Some((Kind::Word, end, Facts::of(word, lowered, start, false)))
}

/// [`Facts::of`] the plain word `start..end` ([`plain_word_end`]), told
/// without slicing it when it starts with an ASCII byte but a capital (no
/// name) whose first byte and length no role word has ([`ROLE_LENGTHS`]):
/// most words.
#[inline]
fn plain_facts(text: &str, lowered: &LowerText, start: usize, end: usize) -> Facts {
    let first = text.as_bytes().get(start).copied().unwrap_or(0);
    let lengths = ROLE_LENGTHS[usize::from(first.to_ascii_lowercase())];
    if first.is_ascii()
        && !first.is_ascii_uppercase()
        && !role_length_bit(lengths, end.saturating_sub(start))
    {
        return Facts::default();
    }
    text.get(start..end)
        .map_or_else(Facts::default, |word| Facts::of(word, lowered, start, true))
}

/// Where the word at byte `start` ends when it is the usual name-shaped
/// plain word: an ASCII capital, then lower-case ASCII or Latin-1 letters
/// ([`lower_latin1_run`]) up to the end of the text or an ASCII byte that
/// is no letter, digit or joiner (`Kärkkäinen,`). Such a word is one
/// [`plain_word_end`] reads to the same end and [`name_parts`] calls a
/// name of one part, so its letters are read once for both. `None` for
/// any other word, which the general readers take.
#[inline]
fn name_shaped_plain_end(bytes: &[u8], start: usize) -> Option<usize> {
    if !bytes.get(start)?.is_ascii_uppercase() {
        return None;
    }
    let run = lower_latin1_run(bytes, start + 1);
    let end = start + 1 + run;
    let ends = match bytes.get(end) {
        None => true,
        // A byte cannot index past the 256 entries.
        Some(&b) => b.is_ascii() && LEADS[usize::from(b)] != Lead::Word && !is_ascii_joiner(b),
    };
    (run > 0 && ends).then_some(end)
}

/// [`Facts`] of the word `start..end` that [`name_shaped_plain_end`] read:
/// a name of one part.
#[inline]
fn name_facts(text: &str, lowered: &LowerText, start: usize, end: usize) -> Facts {
    text.get(start..end).map_or_else(Facts::default, |word| {
        Facts::of_shape(word, lowered, start, true, Some(1))
    })
}

/// What a token's first byte tells [`tokenize`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// An ASCII space other than a line feed (space, tab, vertical tab,
    /// form feed): no token.
    Space,
    /// An ASCII letter or digit: a word starts.
    Word,
    /// A line feed: a line end of one byte.
    Newline,
    /// Any other ASCII character but `-` and `\r`: a mark of one byte.
    Mark,
    /// `\r` (which may pair with `\n`), `-` (which may start a word) and
    /// every non-ASCII byte: decoded by [`other_token`].
    Other,
}

/// [`Lead`] of every byte.
static LEADS: [Lead; 256] = {
    let mut leads = [Lead::Other; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        leads[b as usize] = if b.is_ascii_alphanumeric() {
            Lead::Word
        } else if b == b'\n' {
            Lead::Newline
        } else if matches!(b, b'\r' | b'-') {
            Lead::Other
        } else if matches!(b, b' ' | b'\t' | 0x0B | 0x0C) {
            Lead::Space
        } else {
            Lead::Mark
        };
        b += 1;
    }
    leads
};

/// The token at byte `pos` for a first byte of [`Lead::Other`], read by
/// its character: its kind (`None` for a space) and where it ends. `None`
/// if no character starts at `pos`.
fn other_token(text: &str, pos: usize) -> Option<(Option<Kind>, usize)> {
    let c = char_at(text, pos)?;
    let next = || char_at(text, pos + c.len_utf8());
    // The character before: asked only of a dash.
    let prev = || text.get(..pos).and_then(|s| s.chars().next_back());
    let token = if matches!(c, '\n' | '\u{2028}' | '\u{2029}') {
        (Some(Kind::Newline), pos + c.len_utf8())
    } else if c == '\r' {
        let len = if next() == Some('\n') { 2 } else { 1 };
        (Some(Kind::Newline), pos + len)
    } else if is_space(c) {
        (None, pos + c.len_utf8())
    } else if starts_word(c, next, prev) {
        (Some(Kind::Word), word_end(text, pos))
    } else {
        (Some(Kind::Punct(c)), pos + c.len_utf8())
    };
    Some((token.0, token.1.max(pos + c.len_utf8())))
}

/// The tokenizer [`tokenize`] replaced: the previous character carried
/// along, words ended by [`word_end_by_chars`], the lexicons asked of
/// every word by the split-by-parts oracles.
/// Kept as the oracle its test compares with.
#[cfg(test)]
fn tokenize_by_chars(text: &str, lowered: &LowerText) -> Vec<Tok> {
    // About one token (word or mark) for every five bytes of running text.
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut pos = 0;
    let mut prev: Option<char> = None;
    while let Some(c) = char_at(text, pos) {
        if c == ' ' {
            // The commonest character, and no token.
            prev = Some(c);
            pos += 1;
            continue;
        }
        let next = || char_at(text, pos + c.len_utf8());
        let (kind, end) = if matches!(c, '\n' | '\u{2028}' | '\u{2029}') {
            (Some(Kind::Newline), pos + c.len_utf8())
        } else if c == '\r' {
            let len = if next() == Some('\n') { 2 } else { 1 };
            (Some(Kind::Newline), pos + len)
        } else if is_space(c) {
            (None, pos + c.len_utf8())
        } else if starts_word(c, next, || prev) {
            (Some(Kind::Word), word_end_by_chars(text, pos))
        } else {
            (Some(Kind::Punct(c)), pos + c.len_utf8())
        };
        if let (Some(kind), Some(slice)) = (kind, text.get(pos..end)) {
            let facts = if kind == Kind::Word {
                Facts::of_by_parts(slice, &lowered.of(text, pos, end))
            } else {
                Facts::default()
            };
            toks.push(Tok {
                kind,
                start: pos,
                end,
                facts,
            });
        }
        prev = text.get(..end).and_then(|s| s.chars().next_back());
        pos = end.max(pos + c.len_utf8());
    }
    toks
}

/// Whether a word starts at `c`: a word character, or a dash glued to a
/// following letter after a space (`Uusimaa 2019 -hankkeen`).
fn starts_word(
    c: char,
    next: impl FnOnce() -> Option<char>,
    prev: impl FnOnce() -> Option<char>,
) -> bool {
    is_word_char(c)
        || (is_dash(c)
            && next().is_some_and(char::is_alphabetic)
            && prev().is_none_or(|p| is_space(p) || matches!(p, '(' | '"' | '\u{201D}')))
}

/// Where the word starting at byte `start` ends when it is the usual kind:
/// ASCII letters and digits and Latin-1 letters (`ä`, `ö`, `å`, `é`…, told
/// by their two bytes), joined by ASCII joiners (`STM:n`, `13.12.2018`,
/// `sote-alue`), up to the end of the text or an ASCII byte that is no
/// joiner (a space, a comma). Read a byte at a time with no decoding; a
/// joiner before a space, a mark or the end ends the word itself
/// ([`ascii_joiner_end`]), so a sentence's last word (`loppuun.`) is read
/// here too. `None` for any other word (another non-ASCII character after
/// the letters or a joiner), which [`word_end`] reads.
#[inline]
fn plain_word_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    loop {
        i += lead_word_run(bytes.get(i..).unwrap_or_default());
        match bytes.get(i) {
            // The commonest end first: a space or a mark but a joiner.
            Some(&b) if b.is_ascii() && !is_ascii_joiner(b) => return (i > start).then_some(i),
            Some(0xC3) if bytes.get(i + 1).is_some_and(|&s| latin1_letter(s)) => i += 2,
            Some(&b) if is_ascii_joiner(b) && i > start => match ascii_joiner_end(bytes, i)? {
                JoinerEnd::Joins => i += 1,
                JoinerEnd::Ends(end) => return Some(end),
            },
            Some(&b) if !b.is_ascii() || is_joiner(char::from(b)) => return None,
            _ => return (i > start).then_some(i),
        }
    }
}

/// How many bytes at the start of `bytes` are ASCII letters or digits
/// ([`Lead::Word`]), a byte at a time: the words of running text are short,
/// so the loop is kept to a load, a table look-up and a compare a byte.
#[inline]
fn lead_word_run(bytes: &[u8]) -> usize {
    // A byte cannot index past the 256 entries.
    bytes
        .iter()
        .position(|&b| LEADS[usize::from(b)] != Lead::Word)
        .unwrap_or(bytes.len())
}

/// What an ASCII joiner does to the plain word it follows ([`plain_word_end`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JoinerEnd {
    /// An ASCII letter or digit follows: the word goes on.
    Joins,
    /// The word ends at this offset: before the joiner, or after a
    /// trailing hyphen.
    Ends(usize),
}

/// What the ASCII joiner at byte `i` of a plain word does, told by the
/// byte after it and, for a hyphen, the byte before it (an ASCII letter
/// or digit or the second byte of a Latin-1 letter, `i > 0`): `None` when
/// a non-ASCII character follows, which [`word_end`] decodes. A hyphen
/// after a letter before a space, a mark or the end is a coordinated
/// compound's trailing hyphen (`sosiaali- ja`) and ends the word after
/// it; any other joiner not before a letter or digit ends it before.
#[inline]
fn ascii_joiner_end(bytes: &[u8], i: usize) -> Option<JoinerEnd> {
    let next = bytes.get(i + 1).copied();
    if next.is_some_and(|n| !n.is_ascii()) {
        return None;
    }
    if next.is_some_and(|n| n.is_ascii_alphanumeric()) {
        return Some(JoinerEnd::Joins);
    }
    // Of ASCII, only the hyphen-minus is a dash; a digit is no letter.
    let after_letter = i
        .checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(|p| !p.is_ascii_digit());
    let trailing = bytes.get(i) == Some(&b'-') && after_letter && next != Some(b'-');
    Some(JoinerEnd::Ends(if trailing { i + 1 } else { i }))
}

/// Byte offset where the word starting at `start` ends.
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let Some(first_len) = char_at(text, start).map(char::len_utf8) else {
        return start;
    };
    let mut end = start;
    let mut prev_alpha = false;
    let mut i = start;
    loop {
        // Plain ASCII letters and digits first, without decoding.
        let run = ascii_alnum_run(bytes.get(i..).unwrap_or_default());
        if run > 0 {
            i += run;
            end = i;
            prev_alpha = bytes.get(i - 1).is_some_and(u8::is_ascii_alphabetic);
        }
        // Any other ASCII but a joiner (a space, most punctuation) ends
        // the word: none of the tests below could take it.
        match bytes.get(i) {
            // A Latin-1 letter (`ä`, `ö`, `å`, `é`…) is a word character,
            // told by its two bytes without decoding.
            Some(0xC3) if bytes.get(i + 1).is_some_and(|&s| latin1_letter(s)) => {
                i += 2;
                end = i;
                prev_alpha = true;
                continue;
            }
            // An ASCII joiner before an ASCII letter or digit (`STM:n`,
            // `13.12.2018`, `sote-alue`) joins, without decoding; it is no
            // letter, so whether a letter came last stays as it was (at the
            // start, where a dash is taken as a word character, none had).
            Some(&b)
                if is_ascii_joiner(b)
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) =>
            {
                i += 1;
                end = i;
                continue;
            }
            Some(&b) if !b.is_ascii() || is_joiner(char::from(b)) => {}
            _ => break,
        }
        let Some(c) = char_at(text, i) else { break };
        let here = i + c.len_utf8();
        let next = || char_at(text, here);
        if is_word_char(c) || (i == start && is_dash(c)) {
            end = here;
            prev_alpha = text::is_alphabetic(c) || is_combining(c);
        } else if is_joiner(c) && next().is_some_and(is_word_char) {
            end = here;
        } else if is_dash(c) && prev_alpha && next().is_none_or(|n| !is_word_char(n) && !is_dash(n))
        {
            // A trailing hyphen of a coordinated compound: `sosiaali- ja`.
            end = here;
            break;
        } else {
            break;
        }
        i = here;
    }
    end.max(start + first_len)
}

/// The character-by-character [`word_end`] it replaced, kept as the
/// oracle its tests compare with.
#[cfg(test)]
fn word_end_by_chars(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return start;
    };
    let mut end = start;
    let mut chars = rest.char_indices().peekable();
    let mut prev_alpha = false;
    while let Some((off, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let here = start + off + c.len_utf8();
        if is_word_char(c) || (off == 0 && is_dash(c)) {
            end = here;
            prev_alpha = text::is_alphabetic(c) || is_combining(c);
        } else if is_joiner(c) && next.is_some_and(is_word_char) {
            end = here;
        } else if is_dash(c) && prev_alpha && next.is_none_or(|n| !is_word_char(n) && !is_dash(n)) {
            // A trailing hyphen of a coordinated compound: `sosiaali- ja`.
            end = here;
            break;
        } else {
            break;
        }
    }
    end.max(start + rest.chars().next().map_or(0, char::len_utf8))
}

// ---------------------------------------------------------------------------
// Sites: where a person or a role can be
// ---------------------------------------------------------------------------

/// How many chunks ([`is_chunk_space`]) before a site [`Doc::sparse`]
/// tokenizes: the rules read a few tokens back from a name or a role word
/// (a title's complements, `puheenjohtajana toimii`), and a chunk holds at
/// least one token but for a lone non-ASCII space.
const SPARSE_BEFORE: usize = 12;

/// How many chunks after a site [`Doc::sparse`] tokenizes: the name itself,
/// a title after it or on the next line, the segments of a list line.
const SPARSE_AFTER: usize = 24;

/// Text that every lower-case role word ([`ROLE_WORDS`]) holds: a role word
/// lies around one of them in the text's lower case.
const ROLE_NEEDLES: &[&str] = &[
    "puheenjohtaj",
    "pj",
    "sihteer",
    "pöytäkirjanpitäj",
    "jäsen",
    "esittelij",
];

/// The [`ROLE_NEEDLES`], each built once for its search: the oracle of
/// [`role_sites`], which searched for each of them over the whole text.
#[cfg(test)]
static ROLE_FINDERS: LazyLock<Vec<memmem::Finder<'static>>> =
    LazyLock::new(|| ROLE_NEEDLES.iter().map(memmem::Finder::new).collect());

/// The byte most [`ROLE_NEEDLES`] hold (`j`, a rare letter of Finnish
/// text): [`role_sites`] finds those needles around its places alone.
const ROLE_PIVOT: u8 = b'j';

/// The [`ROLE_NEEDLES`] as [`role_sites`] seeks them.
struct RoleSearch {
    /// Those holding [`ROLE_PIVOT`], as bytes, each with the offset of its
    /// last pivot byte (at most [`u32::BITS`] of them).
    pivoted: Vec<(&'static [u8], usize)>,
    /// For each byte, the pivoted needles (bit `k` for `pivoted[k]`) that
    /// have it just before their last pivot byte: where a pivot stands
    /// after it, only they are compared.
    before: [u32; 256],
    /// The pivoted needles that start with their last pivot byte: compared
    /// wherever a pivot stands.
    leading: u32,
    /// The others, each built once for its search.
    finders: Vec<memmem::Finder<'static>>,
}

impl RoleSearch {
    /// Splits [`ROLE_NEEDLES`] by whether they hold [`ROLE_PIVOT`].
    fn build() -> Self {
        let mut search = Self {
            pivoted: Vec::new(),
            before: [0; 256],
            leading: 0,
            finders: Vec::new(),
        };
        for needle in ROLE_NEEDLES {
            let bytes = needle.as_bytes();
            let Some(at) = bytes.iter().rposition(|&b| b == ROLE_PIVOT) else {
                search.finders.push(memmem::Finder::new(bytes));
                continue;
            };
            let Some(bit) = 1u32.checked_shl(search.pivoted.len() as u32) else {
                search.finders.push(memmem::Finder::new(bytes));
                continue;
            };
            match at.checked_sub(1).and_then(|k| bytes.get(k)) {
                Some(&b) => search.before[usize::from(b)] |= bit,
                None => search.leading |= bit,
            }
            search.pivoted.push((bytes, at));
        }
        search
    }
}

/// The [`ROLE_NEEDLES`], split once ([`RoleSearch::build`]).
static ROLE_SEARCH: LazyLock<RoleSearch> = LazyLock::new(RoleSearch::build);

/// Pushes where a needle of [`ROLE_NEEDLES`] starts in `lower`, needle by
/// needle (not in order). A needle holding [`ROLE_PIVOT`] is looked for
/// only where one stands, its first and last bytes compared before the
/// rest: one pass over the text for all of them, where each needle was
/// sought over the whole text (`role_sites_by_needles`, the oracle of its
/// test). No such needle overlaps itself, so each place is one match of
/// the search as it was.
fn role_sites(lower: &[u8], out: &mut Vec<usize>) {
    let search = &*ROLE_SEARCH;
    for pivot in memchr::memchr_iter(ROLE_PIVOT, lower) {
        let prior = pivot.checked_sub(1).and_then(|k| lower.get(k));
        let mut maybe = search.leading | prior.map_or(0, |&b| search.before[usize::from(b)]);
        while maybe != 0 {
            let k = maybe.trailing_zeros() as usize;
            maybe &= maybe - 1;
            if let Some(&(needle, at)) = search.pivoted.get(k)
                && let Some(start) = pivot.checked_sub(at)
                && is_needle_at(lower, start, needle)
            {
                out.push(start);
            }
        }
    }
    for finder in &search.finders {
        out.extend(finder.find_iter(lower));
    }
}

/// Whether `needle` (not empty) stands in `hay` at `start`: its first and
/// last bytes compared first, as most places hold neither.
#[inline]
fn is_needle_at(hay: &[u8], start: usize, needle: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else {
        return false;
    };
    hay.get(start) == Some(&first)
        && hay.get(start + needle.len() - 1) == Some(&last)
        && hay.get(start..start + needle.len()) == Some(needle)
}

/// [`role_sites`] as it was, each needle sought over the whole text: the
/// oracle of its test.
#[cfg(test)]
fn role_sites_by_needles(lower: &[u8], out: &mut Vec<usize>) {
    for finder in ROLE_FINDERS.iter() {
        out.extend(finder.find_iter(lower));
    }
}

/// Byte offsets, ascending, of the places where a name can start or a role
/// word stand: every token of the whole text's tokens that
/// [`Doc::may_start_name`] takes or that is a role word lies in the chunk of
/// one of them. `lower` is the text's lower case, at its offsets;
/// `capitals` the offsets of its capitals ([`text::capital_starts`]).
fn sites(text: &str, lower: &str, capitals: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    name_sites(text, capitals, &mut out);
    role_sites(lower.as_bytes(), &mut out);
    out.sort_unstable();
    out
}

/// Pushes where a name may start: a capital ([`char::is_uppercase`], one
/// of `capitals`, the offsets of every capital of `text` in order:
/// [`text::capital_starts`]) whose run of word characters, dashes and
/// apostrophes ([`name_run_end`]) is followed over space by a capital or a
/// short word that may be a family particle ([`pair_follows`]). A
/// name-shaped word is such a run, and the word the name goes on with
/// follows it over space alone; the capitals inside the run are passed over.
fn name_sites(text: &str, capitals: &[usize], out: &mut Vec<usize>) {
    // Every capital before `i` lies inside a run read already.
    let mut i = 0;
    for &start in capitals {
        if start < i {
            continue;
        }
        let end = name_run_end(text, start);
        if pair_follows(text, end) {
            out.push(start);
        }
        i = end.max(start + 1);
    }
}

/// [`name_sites`] as it was before the capitals were listed once per
/// document: the text scanned for capitals here, eight bytes at a time
/// ([`text::next_capital_mark`]). The oracle of its test.
#[cfg(test)]
fn name_sites_by_marks(text: &str, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(mark) = text::next_capital_mark(bytes, i) {
        // Back over continuation bytes to the character's first byte.
        let mut start = mark;
        while start > 0 && bytes.get(start).is_some_and(|&b| b & 0xC0 == 0x80) && mark - start < 3 {
            start -= 1;
        }
        i = match char_at(text, start) {
            Some(c) if c.is_uppercase() => {
                let end = name_run_end(text, start);
                if pair_follows(text, end) {
                    out.push(start);
                }
                end.max(mark + 1)
            }
            _ => mark + 1,
        };
    }
}

/// Where the run of word characters, dashes and apostrophes from byte
/// `start` ends: a name-shaped word in it ends at its end, or is followed
/// by a mark.
fn name_run_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters and digits, the most of a run, eight bytes at a time.
        i += ascii_alnum_run(bytes.get(i..).unwrap_or_default());
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b.is_ascii() {
            if !(b == b'-' || b == b'\'') {
                break;
            }
            i += 1;
        } else if b == 0xC3 && bytes.get(i + 1).is_some_and(|&s| latin1_letter(s)) {
            i += 2;
        } else {
            match char_at(text, i) {
                Some(c) if is_word_char(c) || is_dash(c) || c == '\u{2019}' => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Whether after byte `end`, over space but no line end, stands a capital
/// or a word of at most three bytes starting as a family particle does.
fn pair_follows(text: &str, end: usize) -> bool {
    let bytes = text.as_bytes();
    let mut i = end;
    let c = loop {
        match bytes.get(i) {
            Some(b' ' | b'\t' | 0x0B | 0x0C) => i += 1,
            Some(&b) if b.is_ascii() => break char::from(b),
            Some(_) => match char_at(text, i) {
                Some(c) if is_space(c) && !matches!(c, '\u{2028}' | '\u{2029}') => {
                    i += c.len_utf8();
                }
                Some(c) => break c,
                None => return false,
            },
            None => return false,
        }
    };
    if c.is_uppercase() {
        return true;
    }
    if !matches!(c, 'a' | 'v' | 'd' | 'l' | 'z') {
        return false;
    }
    // Bytes that surely go on the word: four make it no particle.
    let mut n = 1;
    while n <= PARTICLE_MAX_LEN {
        match bytes.get(i + n) {
            Some(b) if b.is_ascii_alphanumeric() => n += 1,
            Some(0xC3) if bytes.get(i + n + 1).is_some_and(|&s| latin1_letter(s)) => n += 2,
            _ => break,
        }
    }
    n <= PARTICLE_MAX_LEN
}

/// Whether byte `b` separates chunks: ASCII space or a line end. Before a
/// chunk and after one, a token starts and ends (no token holds ASCII
/// space, and `\r\n` lies inside the space between two chunks).
fn is_chunk_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The stretches [`Doc::sparse`] tokenizes, in order and apart: around each
/// of `sites` (in order), `before` chunks before its own and `after` after,
/// overlapping or touching stretches merged into one.
///
/// The end of a site's stretch is the end of the `after`-th chunk after
/// the site's: for a site inside the current window it lies as many
/// chunks past the window's end as chunks start between the site that
/// set that end and this one ([`chunk_starts_between`]), so the window
/// grows from its end instead of walking `after` chunks again from every
/// site (most sites of a name-rich text lie inside a window).
fn sparse_windows(
    bytes: &[u8],
    sites: &[usize],
    before: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    let mut windows = Vec::new();
    // The window being grown, and the site whose stretch ends where it
    // does: the window's end is `chunk_end_after(bytes, last, after)`.
    let mut window: Option<((usize, usize), usize)> = None;
    for &site in sites {
        // A site inside the window has its start (never after it) inside
        // too: the window grows without looking back from the site.
        if let Some(((s, e), last)) = window
            && site <= e
            && last <= site
        {
            let end = chunk_ends_on(bytes, e, chunk_starts_between(bytes, last, site));
            window = Some(((s, end), site));
            continue;
        }
        let end = chunk_end_after(bytes, site, after);
        let start = chunk_start_before(bytes, site, before);
        window = match window {
            Some(((s, e), _)) if start <= e => Some(((s, e.max(end)), site)),
            Some((w, _)) => {
                windows.push(w);
                Some(((start, end), site))
            }
            None => Some(((start, end), site)),
        };
    }
    windows.extend(window.map(|(w, _)| w));
    windows
}

/// How many chunks start after byte `from` and at or before byte `to`
/// (a chunk starts at a byte that is no [`is_chunk_space`] after one that
/// is): how many chunks further the `n`-th chunk after `to`'s lies than
/// the `n`-th after `from`'s.
fn chunk_starts_between(bytes: &[u8], from: usize, to: usize) -> usize {
    let Some(span) = bytes.get(from..=to) else {
        return 0;
    };
    span.windows(2)
        .filter(|pair| matches!(pair, [a, b] if is_chunk_space(*a) && !is_chunk_space(*b)))
        .count()
}

/// The end of the `chunks`-th chunk after byte `at`, which ends a chunk or
/// the text (or the text's end): [`chunk_end_after`] walking on from an
/// end it gave.
fn chunk_ends_on(bytes: &[u8], at: usize, chunks: usize) -> usize {
    let on = |mut i: usize, space: bool| {
        while bytes.get(i).is_some_and(|&b| is_chunk_space(b) == space) {
            i += 1;
        }
        i
    };
    let mut i = at;
    for _ in 0..chunks {
        i = on(on(i, true), false);
    }
    i
}

/// [`sparse_windows`] as it was before it grew a window from its end: the
/// `after` chunks walked again from every site. An oracle of its test.
#[cfg(test)]
fn sparse_windows_walking_from_every_site(
    bytes: &[u8],
    sites: &[usize],
    before: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    let mut windows = Vec::new();
    let mut window: Option<(usize, usize)> = None;
    for &site in sites {
        let end = chunk_end_after(bytes, site, after);
        if let Some((s, e)) = window
            && site <= e
        {
            window = Some((s, e.max(end)));
            continue;
        }
        let start = chunk_start_before(bytes, site, before);
        window = match window {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some(w) => {
                windows.push(w);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    windows.extend(window);
    windows
}

/// [`sparse_windows`] looking back from every site: the oracle of its test.
#[cfg(test)]
fn sparse_windows_from_every_site(
    bytes: &[u8],
    sites: &[usize],
    before: usize,
    after: usize,
) -> Vec<(usize, usize)> {
    let mut windows = Vec::new();
    let mut window: Option<(usize, usize)> = None;
    for &site in sites {
        let start = chunk_start_before(bytes, site, before);
        let end = chunk_end_after(bytes, site, after);
        window = match window {
            Some((s, e)) if start <= e => Some((s, e.max(end))),
            Some(w) => {
                windows.push(w);
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    windows.extend(window);
    windows
}

/// The start of the chunk `chunks` chunks before the one holding byte
/// `at` (or the text's start).
fn chunk_start_before(bytes: &[u8], at: usize, chunks: usize) -> usize {
    let back = |mut i: usize, space: bool| {
        while i > 0
            && bytes
                .get(i - 1)
                .is_some_and(|&b| is_chunk_space(b) == space)
        {
            i -= 1;
        }
        i
    };
    let mut i = back(at, false);
    for _ in 0..chunks {
        i = back(back(i, true), false);
        if i == 0 {
            break;
        }
    }
    i
}

/// The end of the chunk `chunks` chunks after the one holding byte `at`
/// (or the text's end).
fn chunk_end_after(bytes: &[u8], at: usize, chunks: usize) -> usize {
    let on = |mut i: usize, space: bool| {
        while bytes.get(i).is_some_and(|&b| is_chunk_space(b) == space) {
            i += 1;
        }
        i
    };
    let mut i = on(at, false);
    for _ in 0..chunks {
        i = on(on(i, true), false);
    }
    i
}

/// Appends the text `from..to` that [`Doc::sparse`] leaves untokenized: as
/// its line-end tokens when it is all ASCII space, else as one
/// [`Kind::Gap`] with the number of its line ends.
fn push_gap(text: &str, lowered: &LowerText, from: usize, to: usize, toks: &mut Tokens) {
    let Some(gap) = text.as_bytes().get(from..to).filter(|g| !g.is_empty()) else {
        return;
    };
    if gap.iter().all(|&b| is_chunk_space(b)) {
        tokenize_range(text, lowered, from, to, usize::MAX, toks);
        return;
    }
    // Counted up to four: the names' list order ([`Doc::names`]) asks
    // whether at most three line ends came between.
    let mut lines = 0u32;
    for k in memchr::memchr3_iter(b'\n', b'\r', 0xE2, gap) {
        if lines >= 4 {
            break;
        }
        let ends_line = match gap.get(k) {
            Some(b'\n') => true,
            Some(b'\r') => gap.get(k + 1) != Some(&b'\n'),
            _ => gap.get(k + 1) == Some(&0x80) && matches!(gap.get(k + 2), Some(0xA8 | 0xA9)),
        };
        lines = lines.saturating_add(u32::from(ends_line));
    }
    toks.push(Tok {
        kind: Kind::Gap(lines),
        start: from,
        end: to,
        facts: Facts::default(),
    });
}

// ---------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------

/// Most tokens of a [`Run`]: three given names, or two particles and a
/// family name.
const RUN_TOKENS: usize = 3;

/// The tokens of a name's given names or of its family name, in order:
/// at most [`RUN_TOKENS`], kept in place (a name is tried at every
/// capital, and a vector each would be an allocation each). Read as a
/// slice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Run {
    /// The tokens, the first `len` of them in use.
    tokens: [usize; RUN_TOKENS],
    /// How many are in use.
    len: usize,
}

impl Run {
    /// The run of one token.
    fn of(token: usize) -> Run {
        let mut run = Run::default();
        run.push(token);
        run
    }

    /// Whether the run holds [`RUN_TOKENS`] tokens.
    fn is_full(&self) -> bool {
        self.len >= RUN_TOKENS
    }

    /// `token` added at the end; a full run is left as it is (the callers
    /// stop at [`Run::is_full`]).
    fn push(&mut self, token: usize) {
        if let Some(slot) = self.tokens.get_mut(self.len) {
            *slot = token;
            self.len += 1;
        }
    }

    /// The last token, taken off.
    fn pop(&mut self) -> Option<usize> {
        let last = self.last().copied()?;
        self.len -= 1;
        Some(last)
    }
}

impl std::ops::Deref for Run {
    type Target = [usize];

    /// The tokens in use.
    fn deref(&self) -> &[usize] {
        self.tokens.get(..self.len).unwrap_or_default()
    }
}

/// A name found at some tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Name {
    /// First token of the name as written.
    first: usize,
    /// Last token of the name as written.
    last: usize,
    /// Given-name tokens, in order.
    given: Run,
    /// Family-name tokens (particles and the name), in order.
    family: Run,
    /// Whether the family name came first.
    surname_first: bool,
}

/// Where a title stands relative to its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Title {
    /// First token of the title.
    start: usize,
    /// The head word's token (the title's last token).
    head: usize,
}

/// A person found: the name, and the title if any.
#[derive(Debug, Clone)]
struct Found {
    /// The name.
    name: Name,
    /// The title written next to it.
    title: Option<Title>,
}

impl Found {
    /// First token of the whole mention.
    fn start(&self) -> usize {
        self.title
            .map_or(self.name.first, |t| t.start.min(self.name.first))
    }

    /// Last token of the whole mention.
    fn end(&self) -> usize {
        self.title
            .map_or(self.name.last, |t| t.head.max(self.name.last))
    }
}

/// The text and its tokens.
struct Doc<'a, 'l> {
    /// The text searched.
    text: &'a str,
    /// Its lower case, where a word's own is sliced ([`Word::lower`]).
    lowered: &'l LowerText,
    /// Its tokens.
    toks: Vec<Tok>,
    /// Its role words ([`Tokens::roles`]).
    role_words: Vec<usize>,
    /// Set when a rule read a [`Kind::Gap`]: the reading of a sparse doc
    /// ([`Doc::sparse`]) is then not the whole text's, and is made again.
    gap_read: Cell<bool>,
}

/// The most tokens whose room a thread keeps between texts
/// ([`SPARE_TOKENS`]): several times a long page's sparse reading.
const MAX_SPARE_TOKENS: usize = 1 << 14;

thread_local! {
    /// The token vectors of the thread's last sparse reading ([`Doc::sparse`]),
    /// their tokens left over, for the next one to empty and fill: growing
    /// them anew took several allocations and copies a text.
    static SPARE_TOKENS: Cell<Tokens> = Cell::new(Tokens::default());
}

/// Most tokens a title's complement may take (`Itä-Uudenmaan
/// hyvinvointialueen väliaikaisen valmistelutoimielimen`).
const MAX_COMPLEMENT: usize = 10;

/// Most tokens a title segment after a name may take.
const MAX_SEGMENT: usize = 12;

/// Most people in one list after a plural role word.
const MAX_LIST: usize = 40;

impl<'a, 'l> Doc<'a, 'l> {
    /// Tokenizes `text`.
    fn new(text: &'a str, lowered: &'l LowerText) -> Self {
        let Tokens { toks, roles } = tokenize(text, lowered);
        Self {
            text,
            lowered,
            toks,
            role_words: roles,
            gap_read: Cell::new(false),
        }
    }

    /// The text tokenized only around the places where a person or a role
    /// can be ([`sites`]): [`SPARSE_BEFORE`] chunks before each and
    /// [`SPARSE_AFTER`] after, the rest left as [`Kind::Gap`] tokens. Most
    /// of a text names no one, and is never tokenized. The rules read it as
    /// the whole text's tokens as long as none reads a gap
    /// ([`Doc::gap_read`]). `None` when a character of the text lowers out
    /// of line, as the role sites are found in the text's lower case.
    /// `capitals` are the offsets of the text's capitals
    /// ([`text::capital_starts`]).
    fn sparse(text: &'a str, lowered: &'l LowerText, capitals: &[usize]) -> Option<Self> {
        Self::sparse_within(text, lowered, capitals, (SPARSE_BEFORE, SPARSE_AFTER))
    }

    /// [`Doc::sparse`] with `around.0` chunks tokenized before each site and
    /// `around.1` after it; the tests ask for few, to read many gaps.
    fn sparse_within(
        text: &'a str,
        lowered: &'l LowerText,
        capitals: &[usize],
        (before, after): (usize, usize),
    ) -> Option<Self> {
        let lower = lowered.aligned()?;
        let sites = sites(text, lower, capitals);
        let bytes = text.as_bytes();
        let mut toks = SPARE_TOKENS.take();
        toks.toks.clear();
        toks.roles.clear();
        // `text[..done]` is tokenized or left as a gap.
        let mut done = 0;
        let mut emit = |toks: &mut Tokens, (start, end): (usize, usize)| {
            push_gap(text, lowered, done, start, toks);
            tokenize_range(text, lowered, start.max(done), end, usize::MAX, toks);
            done = end.max(done);
        };
        for w in sparse_windows(bytes, &sites, before, after) {
            emit(&mut toks, w);
        }
        emit(&mut toks, (text.len(), text.len()));
        let Tokens { toks, roles } = toks;
        Some(Self {
            text,
            lowered,
            toks,
            role_words: roles,
            gap_read: Cell::new(false),
        })
    }

    /// Gives the tokens' room to the thread's next sparse reading
    /// ([`SPARE_TOKENS`]), unless it is past [`MAX_SPARE_TOKENS`].
    fn recycle(self) {
        if self.toks.capacity() <= MAX_SPARE_TOKENS {
            SPARE_TOKENS.set(Tokens {
                toks: self.toks,
                roles: self.role_words,
            });
        }
    }

    /// The token at `i`; `None` past the end and for a [`Kind::Gap`],
    /// whose read is recorded ([`Doc::gap_read`]).
    fn tok(&self, i: usize) -> Option<&Tok> {
        let t = self.toks.get(i)?;
        if matches!(t.kind, Kind::Gap(_)) {
            self.gap_read.set(true);
            return None;
        }
        Some(t)
    }

    /// The token at `i`, if it is a word.
    fn word_tok(&self, i: usize) -> Option<&Tok> {
        self.tok(i).filter(|t| matches!(t.kind, Kind::Word))
    }

    /// The word at `i`, if the token there is one.
    fn word(&self, i: usize) -> Option<Word<'a, 'l>> {
        let t = self.word_tok(i)?;
        Some(Word {
            text: self.text.get(t.start..t.end)?,
            start: t.start,
            lowered: self.lowered,
            facts: t.facts,
        })
    }

    /// What the lexicons say about the word at `i`, without slicing it.
    fn facts(&self, i: usize) -> Option<Facts> {
        self.word_tok(i).map(|t| t.facts)
    }

    /// The given-name entry of the word at `i` ([`Facts::given`]): `None`
    /// unless it is a word whose dash parts are known given names.
    fn given(&self, i: usize) -> Option<bool> {
        let t = self.word_tok(i)?;
        t.facts.given(self.text.get(t.start..t.end)?)
    }

    /// The lower-case text of the word at `i`.
    fn lower(&self, i: usize) -> Option<Cow<'l, str>> {
        self.word(i).map(|w| w.lower())
    }

    /// Whether the token at `i` is the punctuation `c`.
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(p) if p == c))
    }

    /// Whether the token at `i` is a line end.
    fn is_newline(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| matches!(t.kind, Kind::Newline))
    }

    /// Whether the word at `i` is a title word.
    fn is_title(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w.is_title())
    }

    /// The role word at `i`.
    fn role_at(&self, i: usize) -> Option<(RoleKind, RoleForm)> {
        self.facts(i).and_then(|f| f.role)
    }

    /// Whether the word at `i` is one of `list` (lower case).
    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.lower(i).is_some_and(|w| list.contains(&w.as_ref()))
    }

    /// Index of the first word token at or after `i`.
    fn next_word_index(&self, i: usize) -> Option<usize> {
        (i..self.toks.len()).find(|&j| self.word_tok(j).is_some())
    }

    /// The span from the start of token `a` to the end of token `b`.
    fn span_of(&self, a: usize, b: usize) -> Span {
        let start = self.tok(a).map_or(0, |t| t.start);
        let end = self.tok(b).map_or(start, |t| t.end);
        Span::new(start, end)
    }

    /// The text of a span (empty if the span were ever off the text).
    fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Whether token `i` starts a line (nothing but space before it on its line).
    fn at_line_start(&self, i: usize) -> bool {
        i == 0 || self.is_newline(i - 1)
    }

    /// Whether token `i` starts a list item: a line start, after a bullet
    /// at a line start, or after a colon (`Henkilöstön edustaja: …`).
    fn at_list_start(&self, i: usize) -> bool {
        if self.at_line_start(i) || self.is_punct(i.wrapping_sub(1), ':') {
            return true;
        }
        let bullet = self.tok(i.wrapping_sub(1)).is_some_and(|t| {
            matches!(t.kind, Kind::Punct(c) if matches!(c, '•' | '*' | '·' | '▪' | '>') || is_dash(c))
        });
        i >= 1 && bullet && self.at_line_start(i - 1)
    }

    /// Whether token `i` starts a sentence (after a line end, a full stop,
    /// `!`, `?`, `:` or a quotation dash).
    fn at_sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.tok(i - 1).is_some_and(|t| match t.kind {
                Kind::Newline => true,
                Kind::Punct(c) => {
                    matches!(c, '.' | '!' | '?' | ':' | '"' | '\u{201D}') || is_dash(c)
                }
                Kind::Word | Kind::Gap(_) => false,
            })
    }

    // -- names --------------------------------------------------------------

    /// A family name (with up to two particles) starting at `i`: the token
    /// range, or `None`.
    fn family_at(&self, i: usize) -> Option<Run> {
        let mut toks = Run::default();
        let mut j = i;
        while toks.len() < RUN_TOKENS - 1 && self.word_in(j, FAMILY_PARTICLES) {
            toks.push(j);
            j += 1;
        }
        let word = self.word(j)?;
        let acceptable = word.facts.shaped
            && !NOT_NAMES.contains(&word.text)
            && !word.is_title_or_role()
            && !self.is_company_after(j + 1)
            && !self
                .word(j + 1)
                .is_some_and(|t| t.text.starts_with(is_dash));
        acceptable.then(|| {
            toks.push(j);
            toks
        })
    }

    /// Whether a company form follows at `i` (`Oy`, `Oy:n`, `ry`).
    fn is_company_after(&self, i: usize) -> bool {
        self.lower(i)
            .is_some_and(|w| COMPANY_FORMS.contains(&w.split(':').next().unwrap_or(&w)))
    }

    /// A name written given names first, starting at `i`. With `context`
    /// (a title or role phrase right before), an unknown given name is
    /// accepted if it looks like one and the family name is not inflected.
    fn given_first_at(&self, i: usize, context: bool) -> Option<Name> {
        let mut given = Run::default();
        let mut j = i;
        while !given.is_full() && self.given(j).is_some() {
            given.push(j);
            j += 1;
        }
        let fallback = given.is_empty();
        if fallback {
            if !context || !self.fallback_given(i) {
                return None;
            }
            given.push(i);
            j = i + 1;
        }
        let family = match self.family_at(j) {
            Some(f) => f,
            None if given.len() >= 2 => {
                let g = given.pop()?;
                self.family_at(g)?
            }
            None => return None,
        };
        let last = *family.last()?;
        if fallback && !self.uninflected_family(last) {
            return None;
        }
        Some(Name {
            first: i,
            last,
            given,
            family,
            surname_first: false,
        })
    }

    /// Whether the word at `i` may be an unknown given name after a title.
    fn fallback_given(&self, i: usize) -> bool {
        self.word(i).is_some_and(|t| {
            t.facts.shaped
                && !NOT_NAMES.contains(&t.text)
                && !looks_inflected(t.text)
                && !t.is_title_or_role()
        })
    }

    /// Whether the family name at `i` is in its basic form or a `-nen` form
    /// that can be undone (`johtaja Kokouksessa Tampereella` fails).
    fn uninflected_family(&self, i: usize) -> bool {
        self.word(i).is_some_and(|t| {
            let (form, basic) = t.family_basic_form();
            basic && (form != t.text || !looks_inflected(t.text))
        })
    }

    /// A name written family name first at the start of a list line
    /// (`Kärkkäinen Aino`, `Pitkänen Jussi Pekka`), followed by the end of
    /// the line or a separator. The family name may also be a given name
    /// (`Heino Jukka`) only `in_surname_first_list`.
    fn surname_first_at(&self, i: usize, in_surname_first_list: bool) -> Option<Name> {
        let family = self.word(i)?;
        let plausible = family.facts.shaped
            && (in_surname_first_list || family.facts.given(family.text).is_none())
            && !NOT_NAMES.contains(&family.text)
            && !family.is_title_or_role();
        if !plausible {
            return None;
        }
        let mut given = Run::default();
        let mut j = i + 1;
        while !given.is_full() && self.given(j).is_some() {
            given.push(j);
            j += 1;
        }
        let last = *given.last()?;
        self.ends_name_line(j).then_some(Name {
            first: i,
            last,
            given,
            family: Run::of(i),
            surname_first: true,
        })
    }

    /// Whether a name line may end before token `i`: end of text or line,
    /// a separator, or contact details.
    fn ends_name_line(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) => match t.kind {
                Kind::Newline | Kind::Gap(_) => true,
                Kind::Punct(c) => matches!(c, ',' | ';' | '(' | '/' | '|' | '\t') || is_dash(c),
                Kind::Word => self.word(i).is_some_and(|w| {
                    starts_digit(w.text)
                        || w.text.contains('@')
                        || CONTACT_MARKERS.contains(&w.lower().as_ref())
                }),
            },
        }
    }

    /// Whether a title or role phrase stands right before token `i`, which
    /// lets an unknown given name through.
    fn has_context(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if self.is_title(p) || self.role_at(p).is_some() {
            return true;
        }
        if self.is_punct(p, ':') || self.is_punct(p, ',') {
            return p >= 1 && (self.is_title(p - 1) || self.role_at(p - 1).is_some());
        }
        if self.is_punct(p, '.') {
            return p >= 1
                && self
                    .role_at(p - 1)
                    .is_some_and(|(_, f)| f == RoleForm::Abbreviation);
        }
        // A role word shortly before is rare and told by its facts alone,
        // so it is asked first: the verb lists are searched only after one.
        let role_before = (1..=3).any(|k| p >= k && self.role_at(p - k).is_some());
        role_before && (self.word_in(p, ESSIVE_VERBS) || self.word_in(p, TRANSLATIVE_VERBS))
    }

    /// Whether a known-given-name pair at `i` should be rejected because
    /// the word before it is a capitalised word on the same line that is
    /// not a title, role, genitive (`Kuopion Aino Kärkkäinen`, `THL:n Aino
    /// Kärkkäinen`) or introducing word: `Pitkänen Jussi Pekka Varkauden …`
    /// read from the middle.
    fn preceded_by_capital(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        self.word(p).is_some_and(|t| {
            starts_upper(t.text)
                && !t.is_title_or_role()
                && !INTRODUCERS.contains(&t.lower().as_ref())
                && !t.lower().ends_with(":n")
                && !looks_genitive(&t.lower())
        })
    }

    /// Whether a sentence-initial given name that is also an ordinary word
    /// (`Toivo`, `Lahja`) is followed by an inflected-looking word: then it
    /// is more likely the word (`Toivo Suomen …`, `Lahja Suomelle`).
    fn common_word_start(&self, name: &Name) -> bool {
        let first_common = name
            .given
            .first()
            .and_then(|&g| self.given(g))
            .unwrap_or(false);
        let family_inflected = name
            .family
            .last()
            .is_some_and(|&f| !self.uninflected_family(f));
        first_common && family_inflected && self.at_sentence_start(name.first)
    }

    /// The name starting at token `i`, if one does; `in_surname_first_list`
    /// when the list lines just before wrote family names first. Most
    /// capitalised words are turned away by [`Doc::may_start_name`] before
    /// the title, role and list look-ups of [`Doc::name_read_at`].
    fn name_at(&self, i: usize, in_surname_first_list: bool) -> Option<Name> {
        if !self.may_start_name(i) {
            return None;
        }
        self.name_read_at(i, in_surname_first_list)
    }

    /// Whether a name may start at token `i`, told by the tokens' facts:
    /// every name is a name-shaped word followed by a name-shaped word (a
    /// given or a family name: [`Doc::surname_first_at`],
    /// [`Doc::given_first_at`]) or by a family particle ([`Doc::family_at`]).
    /// A sentence's capitalised first word is mostly followed by neither.
    fn may_start_name(&self, i: usize) -> bool {
        if !self.facts(i).is_some_and(|f| f.shaped) {
            return false;
        }
        if let Some(&Tok {
            kind: Kind::Gap(_),
            start,
            end,
            ..
        }) = self.toks.get(i + 1)
        {
            // The whole text's next token is the gap's first: when it could
            // follow a name's first word, the rules would read on.
            if self.gap_may_go_on_name(start, end) {
                self.gap_read.set(true);
            }
            return false;
        }
        self.word(i + 1).is_some_and(|w| {
            w.facts.shaped || (may_be_particle(w.text) && self.word_in(i + 1, FAMILY_PARTICLES))
        })
    }

    /// Whether the first token of the gap `start..end` is a word that
    /// [`Doc::may_start_name`] takes after a name-shaped word (or the gap
    /// holds no token, so the next one is not the gap's).
    fn gap_may_go_on_name(&self, start: usize, end: usize) -> bool {
        let mut first = Tokens::default();
        tokenize_range(self.text, self.lowered, start, end, 1, &mut first);
        let Some(t) = first.toks.first() else {
            return true;
        };
        let Some(word) = self.text.get(t.start..t.end) else {
            return true;
        };
        t.kind == Kind::Word
            && (t.facts.shaped
                || (may_be_particle(word)
                    && FAMILY_PARTICLES.contains(&self.lowered.at(word, t.start).as_ref())))
    }

    /// [`Doc::name_at`] read in full, without the quick look of
    /// [`Doc::may_start_name`]; its test holds the two to the same names.
    fn name_read_at(&self, i: usize, in_surname_first_list: bool) -> Option<Name> {
        // Every name starts with a name-shaped word (a family name, a given
        // name, or an unknown given name after a title): most words are no
        // name's start.
        if !self.facts(i)?.shaped {
            return None;
        }
        if self.at_list_start(i)
            && let Some(n) = self.surname_first_at(i, false)
        {
            return Some(n);
        }
        // A list keeps one order: after `Aro Pirjo` lines, `Heino Jukka`
        // is Jukka Heino, though Heino is a given name too.
        if in_surname_first_list
            && self.at_list_start(i)
            && let Some(n) = self.surname_first_at(i, true)
        {
            return Some(n);
        }
        let context = self.has_context(i);
        let name = self.given_first_at(i, context)?;
        if !context && (self.preceded_by_capital(i) || self.common_word_start(&name)) {
            return None;
        }
        Some(name)
    }

    /// Every name in the text, left to right, not overlapping.
    fn names(&self) -> Vec<Name> {
        // How many line breaks a list's order carries over: the end of the
        // last row, a blank line, the next label (`Poissa:`).
        const LIST_GAP_LINES: usize = 3;
        let mut out = Vec::new();
        let mut i = 0;
        // Line breaks since the last name written family name first.
        let mut lines_since_surname_first = usize::MAX;
        while let Some(t) = self.toks.get(i) {
            if let Kind::Gap(lines) = t.kind {
                // Its tokens hold no name ([`sites`]): only its line ends count.
                lines_since_surname_first =
                    lines_since_surname_first.saturating_add(lines as usize);
                i += 1;
                continue;
            }
            if self.is_newline(i) {
                lines_since_surname_first = lines_since_surname_first.saturating_add(1);
            }
            match self.name_at(i, lines_since_surname_first <= LIST_GAP_LINES) {
                Some(n) => {
                    i = n.last + 1;
                    if n.surname_first {
                        lines_since_surname_first = 0;
                    }
                    out.push(n);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The name as a string, given names first, and whether it is the basic
    /// form: written into one string, the last family word in its basic
    /// form, which the genitive check reuses.
    fn name_string(&self, name: &Name) -> (String, bool) {
        let mut out = String::with_capacity(self.span_of(name.first, name.last).len() + 4);
        for t in name.given.iter().filter_map(|&g| self.word(g)) {
            push_word(&mut out, t.text);
        }
        let mut basic = true;
        let mut family = name.family.iter().filter_map(|&f| self.word(f)).peekable();
        while let Some(t) = family.next() {
            if family.peek().is_some() {
                push_word(&mut out, t.text);
                continue;
            }
            let (form, ok) = t.family_basic_form();
            basic = ok && !self.genitive_follows(name, &form);
            push_word(&mut out, &form);
        }
        (out, basic)
    }

    /// The [`Doc::name_string`] that collected two lists and joined them,
    /// kept as the oracle its test compares with.
    #[cfg(test)]
    fn name_string_by_lists(&self, name: &Name) -> (String, bool) {
        let given: Vec<&str> = name
            .given
            .iter()
            .filter_map(|&g| self.word(g).map(|t| t.text))
            .collect();
        let mut family: Vec<String> = name
            .family
            .iter()
            .filter_map(|&f| self.word(f).map(|t| t.text.to_string()))
            .collect();
        let mut basic = true;
        if let Some(last) = family.last_mut() {
            let (form, ok) = family_basic_form(last);
            *last = form.into_owned();
            basic = ok && !self.genitive_follows_by_form(name);
        }
        let mut words: Vec<String> = given.iter().map(|s| s.to_string()).collect();
        words.extend(family);
        (words.join(" "), basic)
    }

    /// Whether the name's family name is a genitive shown by the next word
    /// (`Aino Kallion mukaan`); `-nen` names are undone and not counted:
    /// `form` is the family name's basic form, as [`Doc::name_string`]
    /// made it.
    fn genitive_follows(&self, name: &Name, form: &str) -> bool {
        let family = name.family.last().and_then(|&f| self.word(f));
        let is_gen = family.is_some_and(|t| looks_genitive(&t.lower()) && form == t.text);
        is_gen && self.word_in(name.last + 1, GENITIVE_CONTEXT)
    }

    /// The [`Doc::genitive_follows`] that made the basic form again, kept
    /// for [`Doc::name_string_by_lists`].
    #[cfg(test)]
    fn genitive_follows_by_form(&self, name: &Name) -> bool {
        let family = name.family.last().and_then(|&f| self.word(f));
        let is_gen = family
            .is_some_and(|t| looks_genitive(&t.lower()) && family_basic_form(t.text).0 == t.text);
        is_gen && self.word_in(name.last + 1, GENITIVE_CONTEXT)
    }

    // -- titles -------------------------------------------------------------

    /// The first token of the title whose head is at `head`, extended left
    /// over modifiers and complements but not before `floor` nor into a
    /// name (`in_name`).
    fn title_start(&self, head: usize, floor: usize, in_name: &[bool]) -> usize {
        let free = |i: usize| i >= floor && !in_name.get(i).copied().unwrap_or(false);
        let mut s = self.modifiers_start(head, &free);
        let mut steps = 0;
        while steps < MAX_COMPLEMENT {
            steps += 1;
            let Some(next) = self.complement_step(s, head, &free) else {
                break;
            };
            s = next;
        }
        s
    }

    /// Extends a title left over modifiers right before its head.
    fn modifiers_start(&self, head: usize, free: &dyn Fn(usize) -> bool) -> usize {
        let mut s = head;
        for _ in 0..3 {
            let Some(p) = s.checked_sub(1).filter(|&p| free(p)) else {
                break;
            };
            let before_dot = p
                .checked_sub(1)
                .filter(|&q| free(q) && self.is_punct(p, '.'));
            if self.word_in(p, TITLE_MODIFIERS) {
                s = p;
            } else if let Some(q) = before_dot.filter(|&q| self.word_in(q, TITLE_MODIFIERS)) {
                s = q;
            } else if let Some(q) =
                before_dot.filter(|&q| self.is_ordinal_number(q) && self.role_at(head).is_some())
            {
                s = q;
                break;
            } else {
                break;
            }
        }
        s
    }

    /// One step left over a title's complement from token `s`: a genitive,
    /// a coordination (`sosiaali- ja`, `Oulun ja Kuusamon`), or the name
    /// before a dash compound (`Uusimaa 2019 -hankkeen`).
    fn complement_step(
        &self,
        s: usize,
        head: usize,
        free: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let p = s.checked_sub(1).filter(|&p| free(p))?;
        let pw = self.word(p)?;
        if self.word(s).is_some_and(|t| t.text.starts_with(is_dash)) {
            return self.dash_compound_start(s, free);
        }
        if is_complement_genitive(pw.text, &pw.lower()) {
            return Some(p);
        }
        let coordinator = matches!(pw.lower().as_ref(), "ja" | "sekä" | "tai");
        let q = p.checked_sub(1).filter(|&q| free(q))?;
        let qw = self.word(q)?;
        let hyphen = qw.text.ends_with(is_dash);
        let genitives = s != head && is_complement_genitive(qw.text, &qw.lower());
        (coordinator && (hyphen || genitives)).then_some(q)
    }

    /// The start of the name a dash compound attaches to: the word right
    /// before it, then numbers, up to and including a capitalised word
    /// (`Uusimaa 2019 -hankkeen`, `Tulevaisuuden sote-keskus -hankkeen`).
    fn dash_compound_start(&self, s: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut start = s;
        for k in 1..=4 {
            let Some(p) = s.checked_sub(k).filter(|&p| free(p)) else {
                break;
            };
            let Some(t) = self.word(p) else {
                break;
            };
            if k > 1 && !starts_digit(t.text) && !starts_upper(t.text) {
                break;
            }
            start = p;
            if starts_upper(t.text) {
                break;
            }
        }
        (start < s).then_some(start)
    }

    /// The title right before a name starting at `first`.
    fn title_before(&self, first: usize, in_name: &[bool]) -> Option<Title> {
        let head = first.checked_sub(1)?;
        if !self.is_title(head) || in_name.get(head).copied().unwrap_or(false) {
            return None;
        }
        Some(Title {
            start: self.title_start(head, 0, in_name),
            head,
        })
    }

    /// A title segment starting at `start` that ends at a segment end: the
    /// head is the segment's last word (`ohjausryhmän puheenjohtaja`), an
    /// ordinal may stand first (`1. varapuheenjohtaja`). Returns the title's
    /// first token and its head.
    fn title_segment(&self, start: usize) -> Option<(usize, usize)> {
        let from = self.skip_ordinal(start);
        let mut head = None;
        let mut j = from;
        while j < from + MAX_SEGMENT && self.word(j).is_some() && !self.word_in(j, CONTACT_MARKERS)
        {
            head = Some(j);
            j += 1;
            if self.is_punct(j, '.') && self.word_in(j - 1, TITLE_MODIFIERS) {
                j += 1;
            }
        }
        let head = head?;
        if !self.is_title(head) || !self.ends_segment(head + 1) {
            return None;
        }
        let s = self.title_start(head, from, &[]);
        (s == from).then_some((start, head))
    }

    /// Whether the word at `i` is a one- or two-digit number (`1` of `1.
    /// varapuheenjohtaja`).
    fn is_ordinal_number(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|t| t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit()))
    }

    /// Skips an ordinal at `i` (`1.`, `II`, `ensimmäinen`).
    fn skip_ordinal(&self, i: usize) -> usize {
        match self.word(i) {
            Some(_) if self.is_ordinal_number(i) && self.is_punct(i + 1, '.') => i + 2,
            Some(t)
                if ORDINAL_WORDS.contains(&t.lower().as_ref()) && self.word(i + 1).is_some() =>
            {
                i + 1
            }
            _ => i,
        }
    }

    /// Whether a title segment may end before token `i`.
    fn ends_segment(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) => match t.kind {
                Kind::Newline | Kind::Gap(_) => true,
                Kind::Punct(c) => {
                    matches!(c, ',' | ';' | '(' | ')' | '/' | '|' | '.' | ':' | '!' | '?')
                        || is_dash(c)
                }
                Kind::Word => self.word(i).is_some_and(|w| {
                    starts_digit(w.text)
                        || w.text.starts_with('+')
                        || CONTACT_MARKERS.contains(&w.lower().as_ref())
                }),
            },
        }
    }

    /// A title after the name: `Aino Kärkkäinen, muutosjohtaja`.
    /// A short parenthesis may come between (`Aino Kärkkäinen (kesk.),
    /// puheenjohtaja`).
    fn title_after(&self, name: &Name) -> Option<Title> {
        let comma = self.after_parenthesis(name.last + 1);
        if !self.is_punct(comma, ',') {
            return None;
        }
        let (start, head) = self.title_segment(comma + 1)?;
        Some(Title { start, head })
    }

    /// The token after a short parenthesis opening at `i` (`(kesk.)`,
    /// `(varajäsen Aino Kärkkäinen)`), or `i` when none opens there.
    fn after_parenthesis(&self, i: usize) -> usize {
        if !self.is_punct(i, '(') {
            return i;
        }
        (i + 1..i + 8)
            .find(|&k| self.is_punct(k, ')') || self.is_newline(k))
            .filter(|&k| self.is_punct(k, ')'))
            .map_or(i, |k| k + 1)
    }

    /// A title before a colon that introduces the name at the start of its
    /// line: `Yhteyshenkilö: Aino Kärkkäinen`.
    fn title_label(&self, name: &Name) -> Option<Title> {
        let colon = name.first.checked_sub(1)?;
        if !self.is_punct(colon, ':') {
            return None;
        }
        let mut start = colon;
        while start > 0 && !self.is_newline(start - 1) && colon - start < MAX_SEGMENT {
            start -= 1;
        }
        let (s, head) = self.title_segment(start)?;
        (head + 1 == colon).then_some(Title { start: s, head })
    }

    /// A title on the line after a name that stands alone on its line
    /// (contact blocks: `Aino Kärkkäinen` / `Hankejohtaja, palvelustrategia`);
    /// one blank line may come between.
    fn title_next_line(&self, name: &Name) -> Option<Title> {
        if !self.at_line_start(name.first) || !self.is_newline(name.last + 1) {
            return None;
        }
        let mut j = name.last + 2;
        if self.is_newline(j) {
            j += 1;
        }
        self.word(j)?;
        let (start, head) = self.title_segment(j)?;
        Some(Title { start, head })
    }

    /// The title of a name: before it, after it, as a label, or on the next line.
    fn title_of(&self, name: &Name, in_name: &[bool]) -> Option<Title> {
        self.title_before(name.first, in_name)
            .or_else(|| self.title_after(name))
            .or_else(|| self.title_label(name))
            .or_else(|| self.title_next_line(name))
    }

    /// Every person in the text.
    fn people(&self) -> Vec<Found> {
        let names = self.names();
        let mut in_name = vec![false; self.toks.len()];
        for n in &names {
            for flag in in_name.iter_mut().take(n.last + 1).skip(n.first) {
                *flag = true;
            }
        }
        names
            .into_iter()
            .map(|name| {
                let title = self.title_of(&name, &in_name);
                Found { name, title }
            })
            .collect()
    }

    /// The public form of a person found.
    fn person_match(&self, p: &Found) -> PersonMatch<'a> {
        let span = self.span_of(p.start(), p.end());
        let name_span = self.span_of(p.name.first, p.name.last);
        let (name, basic_form) = self.name_string(&p.name);
        let title = p.title.map(|t| {
            let s = self.span_of(t.start, t.head);
            (self.slice(s), s)
        });
        PersonMatch {
            span,
            text: self.slice(span),
            name,
            name_span,
            title,
            basic_form,
        }
    }

    // -- roles --------------------------------------------------------------

    /// Every role phrase, given the people found.
    fn roles(&self, people: &[Found]) -> Vec<RoleMatch<'a>> {
        let index = PeopleIndex::new(people);
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        // Read off the role words listed as the text was tokenized.
        for &r in self.role_words.iter() {
            let Some((_, form)) = self.role_at(r) else {
                continue;
            };
            let holders = if form.is_nominative() {
                self.nominative_holders(r, people, &index)
            } else {
                self.phrase_holders(r, form, people, &index)
            };
            pairs.extend(holders.into_iter().map(|p| (r, p)));
        }
        for (p, person) in people.iter().enumerate() {
            pairs.extend(self.list_line_roles(person).into_iter().map(|r| (r, p)));
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
            .into_iter()
            .filter_map(|(r, p)| self.role_match(r, people.get(p)?))
            .collect()
    }

    /// The role words as the old scan of [`Doc::roles`] found them, asking
    /// every token; the oracle of [`Doc::role_words`] in its test.
    #[cfg(test)]
    fn role_words_by_every_token(&self) -> Vec<usize> {
        (0..self.toks.len())
            .filter(|&r| {
                self.toks
                    .get(r)
                    .is_some_and(|t| t.facts.role.is_some() && t.kind == Kind::Word)
            })
            .collect()
    }

    /// The public form of a role held by a person.
    fn role_match(&self, r: usize, person: &Found) -> Option<RoleMatch<'a>> {
        let (role, _) = self.role_at(r)?;
        let person = self.person_match(person);
        let role_span = self.span_of(r, r);
        let span = role_span.cover(person.span);
        Some(RoleMatch {
            span,
            text: self.slice(span),
            role,
            role_span,
            person,
        })
    }

    /// Holders of a nominative role word at `r`: the person it is the title
    /// of (`ohjausryhmän puheenjohtaja X`, `X, sihteeri`), or the person
    /// after a comma or colon (`Johtoryhmän puheenjohtaja, maakuntajohtaja X`,
    /// `Esittelijä: muutosjohtaja X`), or right after it.
    fn nominative_holders(&self, r: usize, people: &[Found], index: &PeopleIndex) -> Vec<usize> {
        if let Some(&p) = index.by_head.get(&r) {
            return vec![p];
        }
        let abbreviation = self
            .role_at(r)
            .is_some_and(|(_, f)| f == RoleForm::Abbreviation);
        let after = if self.is_punct(r + 1, ',')
            || self.is_punct(r + 1, ':')
            || (abbreviation && self.is_punct(r + 1, '.'))
        {
            r + 2
        } else {
            r + 1
        };
        if let Some(&p) = index.by_start.get(&after) {
            let plural = self.role_at(r).is_some_and(|(_, f)| f.is_plural());
            return if plural {
                self.list_from(p, people, index)
            } else {
                vec![p]
            };
        }
        Vec::new()
    }

    /// Holders of an essive or translative role word at `r` (and plural
    /// nominatives): `X toimii puheenjohtajana`, then `puheenjohtajana
    /// (toimii) X`, then `X puheenjohtajana`.
    fn phrase_holders(
        &self,
        r: usize,
        form: RoleForm,
        people: &[Found],
        index: &PeopleIndex,
    ) -> Vec<usize> {
        let verbs = match form {
            RoleForm::Translative | RoleForm::TranslativePlural => TRANSLATIVE_VERBS,
            _ => ESSIVE_VERBS,
        };
        if let Some(p) = self.holder_left(r, verbs, true, index) {
            return vec![p];
        }
        if let Some(p) = self.holder_right(r, verbs, index) {
            return if form.is_plural() {
                self.list_from(p, people, index)
            } else {
                vec![p]
            };
        }
        self.holder_left(r, verbs, false, index)
            .into_iter()
            .collect()
    }

    /// The person before a role word: `X (on) valittiin (ryhmän)
    /// puheenjohtajaksi`. With `need_verb`, a verb must stand between.
    fn holder_left(
        &self,
        r: usize,
        verbs: &[&str],
        need_verb: bool,
        index: &PeopleIndex,
    ) -> Option<usize> {
        let mut q = r.checked_sub(1)?;
        let mut steps = 0;
        while steps < MAX_COMPLEMENT
            && self.word(q).is_some_and(|t| {
                is_complement_genitive(t.text, &t.lower()) && !index.by_end.contains_key(&q)
            })
        {
            q = q.checked_sub(1)?;
            steps += 1;
        }
        let mut saw_verb = false;
        for _ in 0..4 {
            if self.word_in(q, verbs) {
                saw_verb = true;
            } else if !self.word_in(q, ROLE_ADVERBS) {
                break;
            }
            q = q.checked_sub(1)?;
        }
        if need_verb != saw_verb {
            return None;
        }
        index
            .by_end
            .get(&q)
            .or_else(|| index.by_end.get(&self.before_parenthesis(q)?))
            .copied()
    }

    /// The token before a short parenthesis ending at `q` (`Aino Kärkkäinen
    /// (kesk.)`).
    fn before_parenthesis(&self, q: usize) -> Option<usize> {
        if !self.is_punct(q, ')') {
            return None;
        }
        (1..=5)
            .filter_map(|k| q.checked_sub(k))
            .find(|&o| self.is_punct(o, '('))
            .and_then(|o| o.checked_sub(1))
    }

    /// The person after a role word: `puheenjohtajana (toimii) (edelleen)
    /// (loviisalainen) X`, with or without a title before the name.
    fn holder_right(&self, r: usize, verbs: &[&str], index: &PeopleIndex) -> Option<usize> {
        let mut j = r + 1;
        if self.is_punct(j, ':') {
            j += 1;
        }
        for _ in 0..6 {
            if let Some(&p) = index.by_start.get(&j) {
                return Some(p);
            }
            let skippable = self.word(j).is_some_and(|t| {
                verbs.contains(&t.lower().as_ref())
                    || ROLE_ADVERBS.contains(&t.lower().as_ref())
                    || is_demonym(&t.lower())
                    || (!starts_upper(t.text) && is_complement_genitive(t.text, &t.lower()))
            });
            if !skippable {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A list of people starting with person `first`: `X, Y ja Z`.
    fn list_from(&self, first: usize, people: &[Found], index: &PeopleIndex) -> Vec<usize> {
        let mut out = vec![first];
        let mut cur = first;
        while out.len() < MAX_LIST {
            let Some(end) = people.get(cur).map(Found::end) else {
                break;
            };
            let sep = self.is_punct(end + 1, ',') || self.word_in(end + 1, &["ja", "sekä"]);
            let Some(&next) = index.by_start.get(&(end + 2)).filter(|_| sep) else {
                break;
            };
            out.push(next);
            cur = next;
        }
        out
    }

    /// Role words in the comma segments after a person at the start of a
    /// list line: `Saarinen Aino, Turun kaupunki, puheenjohtaja`,
    /// `Kärkkäinen Aino, vpj, …`, `Aino Kärkkäinen, pj (varajäsen …)`.
    fn list_line_roles(&self, person: &Found) -> Vec<usize> {
        let mut out = Vec::new();
        if !self.at_list_start(person.start()) {
            return out;
        }
        let mut i = self.after_parenthesis(person.end() + 1);
        for _ in 0..4 {
            i = self.after_parenthesis(i);
            if !self.is_punct(i, ',') {
                break;
            }
            let start = i + 1;
            let mut end = start;
            while end < start + MAX_SEGMENT && self.word(end).is_some() {
                end += 1;
                if self.is_punct(end, '.')
                    && self.word(end - 1).is_some_and(|t| starts_digit(t.text))
                {
                    end += 1;
                }
            }
            if let Some(r) = self.segment_role(start, end) {
                out.push(r);
            }
            i = end;
        }
        out
    }

    /// The role word of a segment `[start, end)` that is just a role:
    /// `(ordinal) (genitives) role-word`.
    fn segment_role(&self, start: usize, end: usize) -> Option<usize> {
        let last = end.checked_sub(1)?;
        let nominative = self.role_at(last).is_some_and(|(_, f)| f.is_nominative());
        if !nominative || !self.ends_segment(end) {
            return None;
        }
        let from = self.skip_ordinal(start);
        let complements_ok = (from..last).all(|k| {
            self.word(k)
                .is_some_and(|t| is_complement_genitive(t.text, &t.lower()))
        });
        complements_ok.then_some(last)
    }
}

/// Whether a lower-case word is a demonym adjective (`loviisalainen`), which
/// may stand between a role phrase and the name.
fn is_demonym(lower: &str) -> bool {
    lower.ends_with("lainen") || lower.ends_with("läinen")
}

/// People looked up by token.
struct PeopleIndex {
    /// First token of the whole mention → person.
    by_start: FxHashMap<usize, usize>,
    /// Last token of the name → person.
    by_end: FxHashMap<usize, usize>,
    /// Title head token → person.
    by_head: FxHashMap<usize, usize>,
}

impl PeopleIndex {
    /// Indexes `people`.
    fn new(people: &[Found]) -> Self {
        let mut index = Self {
            by_start: FxHashMap::default(),
            by_end: FxHashMap::default(),
            by_head: FxHashMap::default(),
        };
        for (p, f) in people.iter().enumerate() {
            index.by_start.insert(f.start(), p);
            index.by_start.entry(f.name.first).or_insert(p);
            index.by_end.insert(f.name.last, p);
            if let Some(t) = f.title {
                index.by_head.insert(t.head, p);
            }
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_holds_its_tokens_in_order_up_to_its_room() {
        let mut run = Run::of(7);
        assert_eq!(&*run, &[7]);
        run.push(8);
        run.push(9);
        assert!(run.is_full());
        run.push(10);
        assert_eq!(&*run, &[7, 8, 9]);
        assert_eq!(run.pop(), Some(9));
        assert_eq!(run.last(), Some(&8));
        assert!(!run.is_full());
        assert_eq!((run.pop(), run.pop(), run.pop()), (Some(8), Some(7), None));
        assert!(run.is_empty());
    }
    use RoleKind::*;
    use proptest::prelude::*;

    /// Input and every person expected in it, in order: (mention text,
    /// name, title).
    type PeopleRow = (
        &'static str,
        &'static [(&'static str, &'static str, Option<&'static str>)],
    );

    #[rustfmt::skip]
    const PEOPLE_ROWS: &[PeopleRow] = &[
        // Title heads, each as a word or the end of a compound.
        ("Asiaa esitteli maakuntajohtaja Aino Heikura.", &[("maakuntajohtaja Aino Heikura", "Aino Heikura", Some("maakuntajohtaja"))]),
        ("Tilannekatsauksen antoi muutosjohtaja Ilkka Rautiainen.", &[("muutosjohtaja Ilkka Rautiainen", "Ilkka Rautiainen", Some("muutosjohtaja"))]),
        ("– Työ jatkuu, sanoo hankejohtaja Sari Laukkanen.", &[("hankejohtaja Sari Laukkanen", "Sari Laukkanen", Some("hankejohtaja"))]),
        ("Kommentoi koordinaatiojohtaja Mervi Kangas.", &[("koordinaatiojohtaja Mervi Kangas", "Mervi Kangas", Some("koordinaatiojohtaja"))]),
        ("Tilaisuuden avasi kaupunginjohtaja Jyrki Halonen.", &[("kaupunginjohtaja Jyrki Halonen", "Jyrki Halonen", Some("kaupunginjohtaja"))]),
        ("Paikalla oli kunnanjohtaja Heikki Rinne.", &[("kunnanjohtaja Heikki Rinne", "Heikki Rinne", Some("kunnanjohtaja"))]),
        ("Mukana oli sosiaalijohtaja Pirjo Kauppinen.", &[("sosiaalijohtaja Pirjo Kauppinen", "Pirjo Kauppinen", Some("sosiaalijohtaja"))]),
        ("Asian esitteli perusturvajohtaja Olli Hyvönen.", &[("perusturvajohtaja Olli Hyvönen", "Olli Hyvönen", Some("perusturvajohtaja"))]),
        ("Kertoo toimialajohtaja Tarja Lindberg.", &[("toimialajohtaja Tarja Lindberg", "Tarja Lindberg", Some("toimialajohtaja"))]),
        ("Ehdotuksen teki hallintojohtaja Kimmo Salmi.", &[("hallintojohtaja Kimmo Salmi", "Kimmo Salmi", Some("hallintojohtaja"))]),
        ("Talousarvion esitteli talousjohtaja Riikka Pelkonen.", &[("talousjohtaja Riikka Pelkonen", "Riikka Pelkonen", Some("talousjohtaja"))]),
        ("Kertoo kehitysjohtaja Marko Pesonen.", &[("kehitysjohtaja Marko Pesonen", "Marko Pesonen", Some("kehitysjohtaja"))]),
        ("Muistion laati hallintopäällikkö Anne Ruotsalainen.", &[("hallintopäällikkö Anne Ruotsalainen", "Anne Ruotsalainen", Some("hallintopäällikkö"))]),
        ("Lisätietoja antaa viestintäpäällikkö Jenni Kinnunen.", &[("viestintäpäällikkö Jenni Kinnunen", "Jenni Kinnunen", Some("viestintäpäällikkö"))]),
        ("Hanketta vetää projektipäällikkö Antti Huttunen.", &[("projektipäällikkö Antti Huttunen", "Antti Huttunen", Some("projektipäällikkö"))]),
        ("Kokouksen avasi puheenjohtaja Raimo Koivisto.", &[("puheenjohtaja Raimo Koivisto", "Raimo Koivisto", Some("puheenjohtaja"))]),
        ("Paikalla oli myös varapuheenjohtaja Katja Mustonen.", &[("varapuheenjohtaja Katja Mustonen", "Katja Mustonen", Some("varapuheenjohtaja"))]),
        ("Muistion kirjoitti sihteeri Harri Tolvanen.", &[("sihteeri Harri Tolvanen", "Harri Tolvanen", Some("sihteeri"))]),
        ("Valmistelua koordinoi pääsihteeri Outi Lindfors.", &[("pääsihteeri Outi Lindfors", "Outi Lindfors", Some("pääsihteeri"))]),
        ("Kyselyn tulokset esitteli asiantuntija Sami Nurmela.", &[("asiantuntija Sami Nurmela", "Sami Nurmela", Some("asiantuntija"))]),
        ("Selvityksen teki erityisasiantuntija Heidi Kokkonen.", &[("erityisasiantuntija Heidi Kokkonen", "Heidi Kokkonen", Some("erityisasiantuntija"))]),
        ("Aineiston kokosi suunnittelija Petri Kauhanen.", &[("suunnittelija Petri Kauhanen", "Petri Kauhanen", Some("suunnittelija"))]),
        ("Työpajaa veti koordinaattori Tiia Partanen.", &[("koordinaattori Tiia Partanen", "Tiia Partanen", Some("koordinaattori"))]),
        ("Mallin esitteli valmistelija Janne Karvonen.", &[("valmistelija Janne Karvonen", "Janne Karvonen", Some("valmistelija"))]),
        ("Kertoo kehittämispäällikkö Elina Savolainen.", &[("kehittämispäällikkö Elina Savolainen", "Elina Savolainen", Some("kehittämispäällikkö"))]),
        ("Asiaa kommentoi ylilääkäri Mikko Tuominen.", &[("ylilääkäri Mikko Tuominen", "Mikko Tuominen", Some("ylilääkäri"))]),
        ("Kertoo johtajaylilääkäri Hanna Vartiainen.", &[("johtajaylilääkäri Hanna Vartiainen", "Hanna Vartiainen", Some("johtajaylilääkäri"))]),
        ("Vastaanotolla on lääkäri Jussi Leppänen.", &[("lääkäri Jussi Leppänen", "Jussi Leppänen", Some("lääkäri"))]),
        ("Hoitotyön mallin esitteli ylihoitaja Marita Heikkilä.", &[("ylihoitaja Marita Heikkilä", "Marita Heikkilä", Some("ylihoitaja"))]),
        ("Kertoo hoitotyön johtaja Eija Kivelä.", &[("hoitotyön johtaja Eija Kivelä", "Eija Kivelä", Some("hoitotyön johtaja"))]),
        ("Ministeriön kannan kertoi hallintoneuvos Reijo Lahti.", &[("hallintoneuvos Reijo Lahti", "Reijo Lahti", Some("hallintoneuvos"))]),
        ("Paikalla oli neuvotteleva virkamies Ritva Nieminen.", &[("neuvotteleva virkamies Ritva Nieminen", "Ritva Nieminen", Some("neuvotteleva virkamies"))]),
        ("Seminaarin avasi ministeri Aila Korpela.", &[("ministeri Aila Korpela", "Aila Korpela", Some("ministeri"))]),
        ("Puheen piti kansanedustaja Eero Mattila.", &[("kansanedustaja Eero Mattila", "Eero Mattila", Some("kansanedustaja"))]),
        ("Aloitteen teki valtuutettu Sanna Kärki.", &[("valtuutettu Sanna Kärki", "Sanna Kärki", Some("valtuutettu"))]),
        ("Kysymyksen esitti jäsen Teemu Ollila.", &[("jäsen Teemu Ollila", "Teemu Ollila", Some("jäsen"))]),
        ("Asian esitteli esittelijä Päivi Hakkarainen.", &[("esittelijä Päivi Hakkarainen", "Päivi Hakkarainen", Some("esittelijä"))]),
        ("Järjestöjä edusti asiamies Jari Vainio.", &[("asiamies Jari Vainio", "Jari Vainio", Some("asiamies"))]),
        ("Sopimuksen tarkisti lakimies Laura Hirvonen.", &[("lakimies Laura Hirvonen", "Laura Hirvonen", Some("lakimies"))]),
        ("Luvut koosti controller Ville Hakala.", &[("controller Ville Hakala", "Ville Hakala", Some("controller"))]),
        ("Henkilöstön siirrosta kertoi HR-johtaja Minna Aaltonen.", &[("HR-johtaja Minna Aaltonen", "Minna Aaltonen", Some("HR-johtaja"))]),
        ("Järjestelmistä vastaa tietohallintojohtaja Kari Seppälä.", &[("tietohallintojohtaja Kari Seppälä", "Kari Seppälä", Some("tietohallintojohtaja"))]),
        ("Kertoo pelastusjohtaja Markku Laitila.", &[("pelastusjohtaja Markku Laitila", "Markku Laitila", Some("pelastusjohtaja"))]),
        ("Kertoo palvelualuejohtaja Sirpa Hannula.", &[("palvelualuejohtaja Sirpa Hannula", "Sirpa Hannula", Some("palvelualuejohtaja"))]),
        ("Kertoo hyvinvointialuejohtaja Tuomas Lehtola.", &[("hyvinvointialuejohtaja Tuomas Lehtola", "Tuomas Lehtola", Some("hyvinvointialuejohtaja"))]),
        ("Viestintää hoitaa muutosagentti Noora Saarinen.", &[("muutosagentti Noora Saarinen", "Noora Saarinen", Some("muutosagentti"))]),
        ("Tiedotteen laati tiedottaja Emilia Kallio.", &[("tiedottaja Emilia Kallio", "Emilia Kallio", Some("tiedottaja"))]),
        ("Yhtiötä johtaa toimitusjohtaja Jouni Anttila.", &[("toimitusjohtaja Jouni Anttila", "Jouni Anttila", Some("toimitusjohtaja"))]),
        ("Tervehdyksen toi rehtori Maija Strömberg.", &[("rehtori Maija Strömberg", "Maija Strömberg", Some("rehtori"))]),
        ("Tutkimuksesta kertoi professori Lauri Kivinen.", &[("professori Lauri Kivinen", "Lauri Kivinen", Some("professori"))]),
        ("Aineiston analysoi tutkija Oona Heikkinen.", &[("tutkija Oona Heikkinen", "Oona Heikkinen", Some("tutkija"))]),
        // Genitive complements that complete the title; where they stop.
        ("Kertoo Keski-Suomen sairaanhoitopiirin johtaja Matti Korhonen.", &[("Keski-Suomen sairaanhoitopiirin johtaja Matti Korhonen", "Matti Korhonen", Some("Keski-Suomen sairaanhoitopiirin johtaja"))]),
        ("Puheenvuoron käytti Espoon sosiaali- ja terveyspalvelujen toimialan johtaja Arja Leinonen.", &[("Espoon sosiaali- ja terveyspalvelujen toimialan johtaja Arja Leinonen", "Arja Leinonen", Some("Espoon sosiaali- ja terveyspalvelujen toimialan johtaja"))]),
        ("Muistion laati Pirkanmaa 2021 -hankkeen hallintopäällikkö Taina Koski-Rantala.", &[("Pirkanmaa 2021 -hankkeen hallintopäällikkö Taina Koski-Rantala", "Taina Koski-Rantala", Some("Pirkanmaa 2021 -hankkeen hallintopäällikkö"))]),
        ("Kertoo Tulevaisuuden sote-keskus -hankkeen projektipäällikkö Ella Mäki-Kuusela.", &[("Tulevaisuuden sote-keskus -hankkeen projektipäällikkö Ella Mäki-Kuusela", "Ella Mäki-Kuusela", Some("Tulevaisuuden sote-keskus -hankkeen projektipäällikkö"))]),
        ("Kertoo STM:n neuvotteleva virkamies Hilkka Ojanen.", &[("STM:n neuvotteleva virkamies Hilkka Ojanen", "Hilkka Ojanen", Some("STM:n neuvotteleva virkamies"))]),
        ("Kertoo Kainuun liiton vs. maakuntajohtaja Esko Ruokolainen.", &[("Kainuun liiton vs. maakuntajohtaja Esko Ruokolainen", "Esko Ruokolainen", Some("Kainuun liiton vs. maakuntajohtaja"))]),
        ("Kokouksen jälkeen hallintojohtaja Ilari Sundström kertoi.", &[("hallintojohtaja Ilari Sundström", "Ilari Sundström", Some("hallintojohtaja"))]),
        ("Puheenjohtajaksi valittiin Rauman kaupungin perusturvajohtaja Taisto Rinne.", &[("Rauman kaupungin perusturvajohtaja Taisto Rinne", "Taisto Rinne", Some("Rauman kaupungin perusturvajohtaja"))]),
        ("Puheenvuoron piti perhe- ja peruspalveluministeri Kaisa Ylönen.", &[("perhe- ja peruspalveluministeri Kaisa Ylönen", "Kaisa Ylönen", Some("perhe- ja peruspalveluministeri"))]),
        ("Kertoo kehitysjohtaja\u{a0}Marko Pesonen.", &[("kehitysjohtaja\u{a0}Marko Pesonen", "Marko Pesonen", Some("kehitysjohtaja"))]),
        // Name forms.
        ("Kertoo projektipäällikkö Aino-Maija Lehto-Mäkelä.", &[("projektipäällikkö Aino-Maija Lehto-Mäkelä", "Aino-Maija Lehto-Mäkelä", Some("projektipäällikkö"))]),
        ("Kertoo hallintojohtaja Kaj-Erik Sundqvist.", &[("hallintojohtaja Kaj-Erik Sundqvist", "Kaj-Erik Sundqvist", Some("hallintojohtaja"))]),
        ("Kertoo kunnanjohtaja Juha Matti Kettunen.", &[("kunnanjohtaja Juha Matti Kettunen", "Juha Matti Kettunen", Some("kunnanjohtaja"))]),
        ("Puheen piti valtuutettu Carl af Hällström.", &[("valtuutettu Carl af Hällström", "Carl af Hällström", Some("valtuutettu"))]),
        ("Kertoo professori Georg von Essen.", &[("professori Georg von Essen", "Georg von Essen", Some("professori"))]),
        ("Kertoo projektipäällikkö Ghazal Ahmadi.", &[("projektipäällikkö Ghazal Ahmadi", "Ghazal Ahmadi", Some("projektipäällikkö"))]),
        ("Asiasta sovittiin kehitysjohtaja Tapio Virtasen kanssa.", &[("kehitysjohtaja Tapio Virtasen", "Tapio Virtanen", Some("kehitysjohtaja"))]),
        ("Kysymykset lähetetään Sanna Koskiselle.", &[("Sanna Koskiselle", "Sanna Koskinen", None)]),
        ("Pöytäkirjan tarkastajiksi valittiin Aila Lindroos ja Mats Sjöberg.", &[("Aila Lindroos", "Aila Lindroos", None), ("Mats Sjöberg", "Mats Sjöberg", None)]),
        ("Joensuun tori, kuva Jouko Rintala", &[("Jouko Rintala", "Jouko Rintala", None)]),
        ("Satu Mäkelä kertoi asiasta.", &[("Satu Mäkelä", "Satu Mäkelä", None)]),
        ("Selvityksen esittelivät Kuntaliiton Reijo Kallio ja THL:n Aino Salmela.", &[("Reijo Kallio", "Reijo Kallio", None), ("Aino Salmela", "Aino Salmela", None)]),
        // Title after the name, label titles, titles on the next line.
        ("Aila Korpela, muutosjohtaja, p. 040 123 4567", &[("Aila Korpela, muutosjohtaja", "Aila Korpela", Some("muutosjohtaja"))]),
        ("Ilkka Rautiainen, valmisteluryhmän puheenjohtaja, ilkka.rautiainen@esimerkki.fi", &[("Ilkka Rautiainen, valmisteluryhmän puheenjohtaja", "Ilkka Rautiainen", Some("valmisteluryhmän puheenjohtaja"))]),
        ("Yhteyshenkilö: Anu Hämäläinen, p. 044 123 4567", &[("Yhteyshenkilö: Anu Hämäläinen", "Anu Hämäläinen", Some("Yhteyshenkilö"))]),
        ("Lisätietoja:\nHelena Saari\nProjektipäällikkö, digitaaliset palvelut\n040 765 4321", &[("Helena Saari\nProjektipäällikkö", "Helena Saari", Some("Projektipäällikkö"))]),
        ("Jari Oksanen\n\nsosiaali- ja terveysjohtaja, Porin kaupunki", &[("Jari Oksanen\n\nsosiaali- ja terveysjohtaja", "Jari Oksanen", Some("sosiaali- ja terveysjohtaja"))]),
        // Member lists, surname first.
        ("Jäsenet:\nLaukkanen Sari, pj, Mikkelin kaupunki\nPitkänen Juha Matti, Varkauden kaupunki", &[("Laukkanen Sari", "Sari Laukkanen", None), ("Pitkänen Juha Matti", "Juha Matti Pitkänen", None)]),
        ("Läsnä:\nKangas Mervi, 1. varapuheenjohtaja\nHyvönen Olli, hallintojohtaja, sihteeri", &[("Kangas Mervi, 1. varapuheenjohtaja", "Mervi Kangas", Some("1. varapuheenjohtaja")), ("Hyvönen Olli, hallintojohtaja", "Olli Hyvönen", Some("hallintojohtaja"))]),
    ];

    /// Texts in which no person and no role may be found.
    #[rustfmt::skip]
    const NOT_PEOPLE: &[&str] = &[
        "Uusimaa 2019 -hanke eteni suunnitellusti.",
        "Sote-tiimi kokoontui maanantaina.",
        "Talous- ja henkilöstöhallinnon palvelut tuottaa Vimana Oy.",
        "Neuvotteluja käydään Kuntien Tiera Oy:n kanssa.",
        "Strateginen johtoryhmä kokoontui Porissa.",
        "Puheenvuoron piti johtaja Kokouksessa todettiin, että asia etenee.",
        "Tilaisuuden juonsi viestintäjohtaja Kokouksessa Tampereella päätettiin.",
        "Tilaisuudessa maakuntajohtaja totesi, että valmistelu jatkuu.",
        "Toivo Suomen hallitukselle on suuri.",
        "Sirpa K.\n15.5.2018 klo 9.42",
        "Asiakirjat toimitti Aino Heikura Oy.",
        "Kunnanvaltuutettu, Virolahti",
        "Sote Tiimi ja Uusimaa Oy",
        "Aino-talo avattiin syksyllä.",
        "Palaa otsikoihin | 0 Kommenttia | Kommentoi",
        "Puheenjohtaja avasi kokouksen ja totesi sen päätösvaltaiseksi.",
        "Työryhmien puheenjohtajat kokoontuvat kuukausittain.",
        "Ohjausryhmän puheenjohtajaksi valittiin kunnan edustaja.",
        "Valmistelutoimielimen sihteerinä toimii hallintojohtaja.",
        "",
    ];

    /// Input and every role expected in it, in order: (role, role word,
    /// person's name, person's title, role match text).
    type RoleRow = (
        &'static str,
        &'static [(
            RoleKind,
            &'static str,
            &'static str,
            Option<&'static str>,
            &'static str,
        )],
    );

    #[rustfmt::skip]
    const ROLE_ROWS: &[RoleRow] = &[
        // puheenjohtajana toimii X, with a title between role word and name
        ("Ohjausryhmän puheenjohtajana toimii Kainuun liiton maakuntajohtaja Aino Heikura.", &[(Chair, "puheenjohtajana", "Aino Heikura", Some("Kainuun liiton maakuntajohtaja"), "puheenjohtajana toimii Kainuun liiton maakuntajohtaja Aino Heikura")]),
        // X toimii puheenjohtajana
        ("Kehitysjohtaja Marko Pesonen toimii ohjausryhmän puheenjohtajana.", &[(Chair, "puheenjohtajana", "Marko Pesonen", Some("Kehitysjohtaja"), "Kehitysjohtaja Marko Pesonen toimii ohjausryhmän puheenjohtajana")]),
        // puheenjohtajana X
        ("Ryhmän puheenjohtajana perusturvajohtaja Olli Hyvönen.", &[(Chair, "puheenjohtajana", "Olli Hyvönen", Some("perusturvajohtaja"), "puheenjohtajana perusturvajohtaja Olli Hyvönen")]),
        // ... ja pääsihteerinä X
        ("Johtoryhmän puheenjohtajana toimii kaupunginjohtaja Jyrki Halonen ja pääsihteerinä Pirkanmaa 2021 -hankkeen hallintopäällikkö Anne Ruotsalainen.", &[
            (Chair, "puheenjohtajana", "Jyrki Halonen", Some("kaupunginjohtaja"), "puheenjohtajana toimii kaupunginjohtaja Jyrki Halonen"),
            (SecretaryGeneral, "pääsihteerinä", "Anne Ruotsalainen", Some("Pirkanmaa 2021 -hankkeen hallintopäällikkö"), "pääsihteerinä Pirkanmaa 2021 -hankkeen hallintopäällikkö Anne Ruotsalainen"),
        ]),
        // varapuheenjohtaja X
        ("Paikalla oli varapuheenjohtaja Katja Mustonen.", &[(ViceChair, "varapuheenjohtaja", "Katja Mustonen", Some("varapuheenjohtaja"), "varapuheenjohtaja Katja Mustonen")]),
        // varapuheenjohtajana toimii X
        ("Varapuheenjohtajana toimii kunnanjohtaja Heikki Rinne.", &[(ViceChair, "Varapuheenjohtajana", "Heikki Rinne", Some("kunnanjohtaja"), "Varapuheenjohtajana toimii kunnanjohtaja Heikki Rinne")]),
        // sihteerinä toimii X
        ("Sihteerinä toimii suunnittelija Petri Kauhanen.", &[(Secretary, "Sihteerinä", "Petri Kauhanen", Some("suunnittelija"), "Sihteerinä toimii suunnittelija Petri Kauhanen")]),
        // sihteeri X
        ("Muistion kirjoitti sihteeri Harri Tolvanen.", &[(Secretary, "sihteeri", "Harri Tolvanen", Some("sihteeri"), "sihteeri Harri Tolvanen")]),
        // esittelijänä toimii X
        ("Esittelijänä toimii hyvinvointialuejohtaja Tuomas Lehtola.", &[(Presenter, "Esittelijänä", "Tuomas Lehtola", Some("hyvinvointialuejohtaja"), "Esittelijänä toimii hyvinvointialuejohtaja Tuomas Lehtola")]),
        // puheenjohtajaksi on esitetty X
        ("Puheenjohtajaksi on esitetty sosiaalijohtaja Pirjo Kauppinen.", &[(Chair, "Puheenjohtajaksi", "Pirjo Kauppinen", Some("sosiaalijohtaja"), "Puheenjohtajaksi on esitetty sosiaalijohtaja Pirjo Kauppinen")]),
        // puheenjohtajaksi valittiin X (a demonym between)
        ("Aluevaltuuston puheenjohtajaksi valittiin porilainen Eero Mattila.", &[(Chair, "puheenjohtajaksi", "Eero Mattila", None, "puheenjohtajaksi valittiin porilainen Eero Mattila")]),
        // X valittiin puheenjohtajaksi
        ("Teemu Ollila valittiin yksimielisesti puheenjohtajaksi.", &[(Chair, "puheenjohtajaksi", "Teemu Ollila", None, "Teemu Ollila valittiin yksimielisesti puheenjohtajaksi")]),
        ("Jari Kataja (kesk.) valittiin valtuuston puheenjohtajaksi.", &[(Chair, "puheenjohtajaksi", "Jari Kataja", None, "Jari Kataja (kesk.) valittiin valtuuston puheenjohtajaksi")]),
        // Johtoryhmän puheenjohtaja, kehitysjohtaja X
        ("Seurantaryhmän puheenjohtaja, kehitysjohtaja Riikka Pelkonen, avasi kokouksen.", &[(Chair, "puheenjohtaja", "Riikka Pelkonen", Some("kehitysjohtaja"), "puheenjohtaja, kehitysjohtaja Riikka Pelkonen")]),
        // a passive verb is not part of the title
        ("Puheenjohtajaksi valitaan kehitysjohtaja Marko Pesonen.", &[(Chair, "Puheenjohtajaksi", "Marko Pesonen", Some("kehitysjohtaja"), "Puheenjohtajaksi valitaan kehitysjohtaja Marko Pesonen")]),
        // ... ja varapuheenjohtajaksi X
        ("Puheenjohtajaksi valittiin Jari Vainio ja varapuheenjohtajaksi Laura Hirvonen.", &[
            (Chair, "Puheenjohtajaksi", "Jari Vainio", None, "Puheenjohtajaksi valittiin Jari Vainio"),
            (ViceChair, "varapuheenjohtajaksi", "Laura Hirvonen", None, "varapuheenjohtajaksi Laura Hirvonen"),
        ]),
        // X toimii puheenjohtajana ja Y sihteerinä
        ("Sami Nurmela toimii puheenjohtajana ja Heidi Kokkonen sihteerinä.", &[
            (Chair, "puheenjohtajana", "Sami Nurmela", None, "Sami Nurmela toimii puheenjohtajana"),
            (Secretary, "sihteerinä", "Heidi Kokkonen", None, "Heidi Kokkonen sihteerinä"),
        ]),
        // member: jäsen X; jäseninä X, Y ja Z; Jäsenet: X ja Y
        ("Hallituksen jäsen Kari Seppälä kertoi.", &[(Member, "jäsen", "Kari Seppälä", Some("Hallituksen jäsen"), "Hallituksen jäsen Kari Seppälä")]),
        ("Jäseninä toimivat Heli Lampinen, Juha Kytölä ja Kari Toivonen.", &[
            (Member, "Jäseninä", "Heli Lampinen", None, "Jäseninä toimivat Heli Lampinen"),
            (Member, "Jäseninä", "Juha Kytölä", None, "Jäseninä toimivat Heli Lampinen, Juha Kytölä"),
            (Member, "Jäseninä", "Kari Toivonen", None, "Jäseninä toimivat Heli Lampinen, Juha Kytölä ja Kari Toivonen"),
        ]),
        ("Jäsenet: Anne Kivelä ja Seppo Heinonen", &[
            (Member, "Jäsenet", "Anne Kivelä", None, "Jäsenet: Anne Kivelä"),
            (Member, "Jäsenet", "Seppo Heinonen", None, "Jäsenet: Anne Kivelä ja Seppo Heinonen"),
        ]),
        // deputy member
        ("Kivelä Eija (varajäsen Noora Saarinen), Kajaanin kaupunki", &[(DeputyMember, "varajäsen", "Noora Saarinen", Some("varajäsen"), "varajäsen Noora Saarinen")]),
        ("Noora Saarinen toimii varajäsenenä.", &[(DeputyMember, "varajäsenenä", "Noora Saarinen", None, "Noora Saarinen toimii varajäsenenä")]),
        // labels
        ("Esittelijä: talousjohtaja Riikka Pelkonen", &[(Presenter, "Esittelijä", "Riikka Pelkonen", Some("talousjohtaja"), "Esittelijä: talousjohtaja Riikka Pelkonen")]),
        ("Sihteeri: erityisasiantuntija Heidi Kokkonen, p. 044 555 1234", &[(Secretary, "Sihteeri", "Heidi Kokkonen", Some("erityisasiantuntija"), "Sihteeri: erityisasiantuntija Heidi Kokkonen")]),
        ("Pj. Mika Lahtinen", &[(Chair, "Pj", "Mika Lahtinen", None, "Pj. Mika Lahtinen")]),
        // member-list lines
        ("Laukkanen Sari, pj, Mikkelin kaupunki", &[(Chair, "pj", "Sari Laukkanen", None, "Laukkanen Sari, pj")]),
        ("Kangas Mervi, vpj (varajäsen Olli Rinne)", &[
            (ViceChair, "vpj", "Mervi Kangas", None, "Kangas Mervi, vpj"),
            (DeputyMember, "varajäsen", "Olli Rinne", Some("varajäsen"), "varajäsen Olli Rinne"),
        ]),
        ("Hyvönen Olli, hallintojohtaja, sihteeri", &[(Secretary, "sihteeri", "Olli Hyvönen", Some("hallintojohtaja"), "Hyvönen Olli, hallintojohtaja, sihteeri")]),
        ("Antti Huttunen, Mikkelin kaupunki, puheenjohtaja", &[(Chair, "puheenjohtaja", "Antti Huttunen", None, "Antti Huttunen, Mikkelin kaupunki, puheenjohtaja")]),
        ("Ikonen Saara (kok.), puheenjohtaja", &[(Chair, "puheenjohtaja", "Saara Ikonen", Some("puheenjohtaja"), "Ikonen Saara (kok.), puheenjohtaja")]),
        ("Lindberg Tarja, 1. varapuheenjohtaja", &[(ViceChair, "varapuheenjohtaja", "Tarja Lindberg", Some("1. varapuheenjohtaja"), "Lindberg Tarja, 1. varapuheenjohtaja")]),
        ("2. varapuheenjohtaja Leena Harkimo", &[(ViceChair, "varapuheenjohtaja", "Leena Harkimo", Some("2. varapuheenjohtaja"), "2. varapuheenjohtaja Leena Harkimo")]),
        // contact lines and signatures
        ("Ilkka Rautiainen, valmisteluryhmän puheenjohtaja, p. 040 123 4567", &[(Chair, "puheenjohtaja", "Ilkka Rautiainen", Some("valmisteluryhmän puheenjohtaja"), "Ilkka Rautiainen, valmisteluryhmän puheenjohtaja")]),
        ("Sari Laukkanen\nPuheenjohtaja", &[(Chair, "Puheenjohtaja", "Sari Laukkanen", Some("Puheenjohtaja"), "Sari Laukkanen\nPuheenjohtaja")]),
        // a headline without a verb; an unknown given name after a role phrase
        ("Eero Mattila aluevaltuuston puheenjohtajaksi", &[(Chair, "puheenjohtajaksi", "Eero Mattila", None, "Eero Mattila aluevaltuuston puheenjohtajaksi")]),
        ("Työryhmän puheenjohtajana toimii Ghazal Ahmadi.", &[(Chair, "puheenjohtajana", "Ghazal Ahmadi", None, "puheenjohtajana toimii Ghazal Ahmadi")]),
        // not roles: a role word without a name
        ("Puheenjohtaja avasi kokouksen.", &[]),
        ("Kokouksen esittelijänä toimi muutosjohtaja.", &[]),
    ];

    /// A `parse_name_line` row: line → (name, span text, surname first).
    type NameRow = (&'static str, Option<(&'static str, &'static str, bool)>);

    #[rustfmt::skip]
    const NAME_LINES: &[NameRow] = &[
        ("Leena Virtanen", Some(("Leena Virtanen", "Leena Virtanen", false))),
        ("Virtanen Leena", Some(("Leena Virtanen", "Virtanen Leena", true))),
        ("Aino-Maija Kärkkäinen-Heino", Some(("Aino-Maija Kärkkäinen-Heino", "Aino-Maija Kärkkäinen-Heino", false))),
        ("Pitkänen Juha Matti, Varkauden kaupunki", Some(("Juha Matti Pitkänen", "Pitkänen Juha Matti", true))),
        ("Heikura Aino, pj (varajäsen Olli Rinne)", Some(("Aino Heikura", "Heikura Aino", true))),
        ("  Sanna Lehto  ", Some(("Sanna Lehto", "Sanna Lehto", false))),
        ("Sanna Lehto p. 040 111 2222", Some(("Sanna Lehto", "Sanna Lehto", false))),
        ("Sanna\u{a0}Lehto, sanna.lehto@esimerkki.fi", Some(("Sanna Lehto", "Sanna\u{a0}Lehto", false))),
        ("Uusimaa Oy", None),
        ("Sote Tiimi", None),
        ("Muutosjohtaja Sanna Lehto", None),
        ("Rauman kaupunki", None),
        ("Sanna Lehto kertoi asiasta", None),
        ("Lue lisää | 0 Kommenttia", None),
        ("", None),
    ];

    /// `title_head` rows: phrase → title text.
    #[rustfmt::skip]
    const TITLE_LINES: &[(&str, Option<&str>)] = &[
        ("Hankejohtaja, palvelustrategia ja osallisuus", Some("Hankejohtaja")),
        ("sosiaali- ja terveysjohtaja, Porin kaupunki", Some("sosiaali- ja terveysjohtaja")),
        ("Kehittämispäällikkö", Some("Kehittämispäällikkö")),
        ("Pohjois-Karjalan sairaanhoitopiirin johtajaylilääkäri", Some("Pohjois-Karjalan sairaanhoitopiirin johtajaylilääkäri")),
        ("vs. kunnanjohtaja", Some("vs. kunnanjohtaja")),
        ("Projektipäällikkö (sote-keskus)", Some("Projektipäällikkö")),
        ("muutosjohtaja p. 040 222 3333", Some("muutosjohtaja")),
        ("Porin kaupunki", None),
        ("Puheenjohtaja avaa kokouksen.", None),
        ("Muistiot", None),
        ("", None),
    ];

    /// Checks that a span lies on char boundaries and slices to `text`.
    fn assert_span(source: &str, span: Span, text: &str) {
        assert_eq!(
            source.get(span.start..span.end),
            Some(text),
            "span {span} in {source:?}"
        );
    }

    #[test]
    fn people_rows() {
        for (input, expected) in PEOPLE_ROWS {
            let found = find_people(input);
            let got: Vec<_> = found
                .iter()
                .map(|p| (p.text, p.name.as_str(), p.title.map(|t| t.0)))
                .collect();
            assert_eq!(&got, expected, "input {input:?}");
            for p in &found {
                assert_span(input, p.span, p.text);
                if let Some((t, s)) = p.title {
                    assert_span(input, s, t);
                }
            }
        }
    }

    #[test]
    fn not_people_rows() {
        for input in NOT_PEOPLE {
            let found = find_people(input);
            assert!(found.is_empty(), "input {input:?} gave {found:?}");
            assert!(find_roles(input).is_empty(), "input {input:?}");
        }
    }

    #[test]
    fn role_rows() {
        for (input, expected) in ROLE_ROWS {
            let found = find_roles(input);
            let got: Vec<_> = found
                .iter()
                .map(|r| {
                    let word = input.get(r.role_span.start..r.role_span.end).unwrap_or("");
                    let title = r.person.title.map(|t| t.0);
                    (r.role, word, r.person.name.as_str(), title, r.text)
                })
                .collect();
            assert_eq!(&got, expected, "input {input:?}");
            for r in &found {
                assert_span(input, r.span, r.text);
                assert_span(input, r.person.span, r.person.text);
            }
        }
    }

    #[test]
    fn name_lines() {
        for (line, expected) in NAME_LINES {
            let got = parse_name_line(line);
            let got = got.as_ref().map(|n| {
                let text = line.get(n.span.start..n.span.end).unwrap_or("?");
                (n.name.as_str(), text, n.surname_first)
            });
            assert_eq!(got, *expected, "line {line:?}");
        }
    }

    #[test]
    fn title_lines() {
        for (phrase, expected) in TITLE_LINES {
            let got = title_head(phrase).and_then(|s| phrase.get(s.start..s.end));
            assert_eq!(got, *expected, "phrase {phrase:?}");
        }
    }

    #[test]
    fn given_names() {
        for (word, expected) in [
            ("Aino", true),
            ("Kaj-Erik", true),
            ("AINO", true),
            ("aino", true),
            ("Mats", true),
            ("Uusimaa", false),
            ("Sote", false),
            ("Oy", false),
            ("Aino-", false),
            ("", false),
        ] {
            assert_eq!(is_given_name(word), expected, "{word:?}");
        }
    }

    #[test]
    fn role_lengths_admit_every_role_word() {
        for &(word, kind, form) in ROLE_WORDS {
            assert!(may_be_role_word(word), "{word:?}");
            assert_eq!(role_word(word), Some((kind, form)), "{word:?}");
        }
        for word in ["", "a", "kokous", "Puheenjohtaja", "\u{e4}"] {
            assert!(!may_be_role_word(word), "{word:?}");
        }
    }

    #[test]
    fn role_words() {
        for (word, expected) in [
            ("puheenjohtaja", Some(Chair)),
            ("Puheenjohtajana", Some(Chair)),
            ("varapuheenjohtajaksi", Some(ViceChair)),
            ("sihteerinä", Some(Secretary)),
            ("pöytäkirjanpitäjänä", Some(Secretary)),
            ("pääsihteeri", Some(SecretaryGeneral)),
            ("jäseninä", Some(Member)),
            ("varajäsen", Some(DeputyMember)),
            ("esittelijänä", Some(Presenter)),
            ("pj", Some(Chair)),
            ("vpj", Some(ViceChair)),
            ("johtaja", None),
            ("", None),
        ] {
            assert_eq!(role_kind(word), expected, "{word:?}");
        }
    }

    #[test]
    fn attendance_lists_keep_their_order() {
        // `Toivo` is a given name and a family name: after surname-first
        // rows it is read as the family name.
        let text = "Läsnä:\nKorhonen Matti, Lahti\nLaine Sirpa, Orimattila\n\nPoissa:\nToivo Jari, Hollola\n";
        let names: Vec<String> = find_people(text).into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Matti Korhonen", "Sirpa Laine", "Jari Toivo"]);
        // Without such rows the first of two given names is the given name.
        let alone: Vec<String> = find_people("Poissa:\nToivo Jari, Hollola\n")
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(alone, ["Toivo Jari"]);
        // Far below the list, a contact line is read given name first again.
        let later = format!("{text}\nMuistio.\n\nTeksti jatkuu.\n\nLisätiedot:\nToivo Jari\n");
        let names: Vec<String> = find_people(&later).into_iter().map(|p| p.name).collect();
        assert_eq!(names.last().map(String::as_str), Some("Toivo Jari"));
    }

    #[test]
    fn inflected_family_names() {
        for (input, name, basic) in [
            ("Sopimus tehtiin Eila Kalliolle.", "Eila Kalliolle", false),
            (
                "Asiasta sovittiin Heikki Laurilan kanssa.",
                "Heikki Laurilan",
                false,
            ),
            ("Kiitos Marja Virtaselle.", "Marja Virtanen", true),
            ("Kertoo hankejohtaja Niko Valle.", "Niko Valle", true),
            ("Kertoo hankejohtaja Lars Eriksson.", "Lars Eriksson", true),
            // Nature-word names back from their oblique stems.
            (
                "Hallitus nimesi puheenjohtajaksi perusturvajohtaja Anneli Rantamäen.",
                "Anneli Rantamäki",
                true,
            ),
            ("Kiitos Raimo Alajärvelle.", "Raimo Alajärvi", true),
            (
                "Asiasta sovittiin Pekka Rinteen kanssa.",
                "Pekka Rinne",
                true,
            ),
            ("Kiitos Sari Mäelle.", "Sari Mäki", true),
            ("Kiitos Olli Kankaalle.", "Olli Kangas", true),
            // Already nominative: left as written.
            (
                "Kertoo hankejohtaja Ville Koivuniemi.",
                "Ville Koivuniemi",
                true,
            ),
        ] {
            let p = find_people(input);
            assert_eq!(p.len(), 1, "{input:?}");
            assert_eq!(
                (p[0].name.as_str(), p[0].basic_form),
                (name, basic),
                "{input:?}"
            );
        }
    }

    /// Words whose lower case ends in a head though their last bytes are
    /// not their own lower case: a capital at the sixth byte from the end
    /// (the lowest lane the eight-byte look reads), a Kelvin sign cut by
    /// the tail, a capital or `Σ` near the end.
    #[test]
    fn is_title_sees_heads_behind_other_case_bytes() {
        for word in [
            "hallitusJäsen",
            "maakuntajOhtaja",
            "psy\u{212A}ologi",
            "päälli\u{212A}kö",
            "JOHTAJA",
            "johtajA",
            "Jäsen",
            "ΣΣjohtaja",
        ] {
            let lowered = LowerText::new(word);
            let doc = Doc::new(word, &lowered);
            let (1, Some(tok)) = (doc.toks.len(), doc.word(0)) else {
                panic!("{word:?}: {:?}", doc.toks);
            };
            assert!(tok.is_title_by_lower(), "{word:?}");
            assert!(tok.is_title(), "{word:?}");
        }
    }

    /// Pieces of given-name tables: names (with non-ASCII ends too),
    /// tabs, line ends, comments, the `common` column and white space.
    fn table_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Aino",
            "Toivo",
            "Åsa",
            "Väinö",
            "Leo\u{a0}",
            "x",
            "\t",
            "\t",
            "\n",
            "\n",
            "\r",
            "\r\n",
            "#",
            " ",
            "  ",
            "common",
            " common ",
            "harvinainen",
            "\u{2003}",
            "\u{85}",
        ])
    }

    /// Words for the given-name test: names of the lexicon in several
    /// letter cases, other words, and letters whose case changes their
    /// length or has no single-letter form (`ß`, `ǅ`, `İ`, `ŉ`).
    fn given_name_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Aino", "aino", "AINO", "aINO", "Kaj", "Erik", "erik", "Mats", "Eino", "Leo",
            "Uusimaa", "Sote", "Oy", "-", "\u{2010}", " ", "\u{a0}", "ß", "ǅ", "ǆ", "İ", "ŉ", "Σ",
            "ς", "\u{212A}", "Ä", "ä", "1", "",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// [`is_given_name`] (a part already capitalised looked up as it
        /// stands) answers as capitalising every part first did.
        #[test]
        fn given_name_agrees_with_capitalising_every_part(
            pieces in prop::collection::vec(given_name_piece(), 0..5),
        ) {
            let word = pieces.concat();
            prop_assert_eq!(
                is_given_name(&word),
                is_given_name_by_capitalising(&word),
                "{:?}", word
            );
        }
    }

    #[test]
    fn capitalised_words_are_those_capitalising_keeps() {
        for word in [
            "Aino", "", "A", "Äiti", "1a", "-", "Kaj-Erik", "aino", "AINO", "ǅa", "ǆ", "ß", "Σς",
            "İ",
        ] {
            assert_eq!(is_capitalised(word), capitalised(word) == word, "{word:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// [`given_entries`] (one pass for lines and tabs, a name with
        /// ASCII ends untrimmed) reads any table as splitting it into
        /// lines and columns, each trimmed, did.
        #[test]
        fn given_entries_agree_with_the_columns_of_any_table(
            pieces in prop::collection::vec(table_piece(), 0..40),
        ) {
            let table = pieces.concat();
            prop_assert_eq!(
                given_entries(&table).collect::<Vec<_>>(),
                given_entries_by_columns(&table),
                "{:?}", table
            );
        }
    }

    #[test]
    fn given_entries_agree_with_reading_them_by_columns() {
        let table = GIVEN_NAMES_TABLE;
        assert_eq!(
            given_entries(table).collect::<Vec<_>>(),
            given_entries_by_columns(table)
        );
        let odd = "# note\n\n  \t\nAino\r\nToivo\t common \r\n Eino \tcommon\tx\n\tcommon\n #Kai\nUrho\tharvinainen\nLeo\u{a0}\tcommon";
        assert_eq!(
            given_entries(odd).collect::<Vec<_>>(),
            given_entries_by_columns(odd)
        );
    }

    #[test]
    fn lexicons_load() {
        assert!(LEXICON.given.len() > 1500, "{}", LEXICON.given.len());
        assert!(LEXICON.heads.get(b"johtaja").is_some());
        // Every title head has two letters or more: `is_title_word` relies
        // on it (a title ends in a head's last two letters).
        assert!(
            data_lines(TITLES_TABLE)
                .map(str::trim)
                .all(|h| h.chars().count() >= 2)
        );
        assert!(!LEXICON.given.contains_key("Uusimaa"));
        assert_eq!(LEXICON.given.get("Toivo"), Some(&true));
        assert_eq!(LEXICON.given.get("Aino"), Some(&false));
    }

    #[test]
    fn long_inputs_finish() {
        let inputs = [
            "Aino ".repeat(20_000),
            "Pohjois-Savon ".repeat(20_000) + "johtaja Aino Virtanen",
            "puheenjohtajana toimii ".repeat(10_000),
            "Jäseninä ovat Aino Virtanen, ".repeat(5_000),
            ".".repeat(100_000),
            "9".repeat(100_000),
            "a-".repeat(50_000),
            "Virtanen Aino\n".repeat(10_000),
        ];
        for text in &inputs {
            for p in find_people(text) {
                assert_span(text, p.span, p.text);
            }
            for r in find_roles(text) {
                assert_span(text, r.span, r.text);
            }
        }
    }

    /// [`plain_word_end`] reads the usual words itself, up to a space, a
    /// mark or the end, and leaves the others to [`word_end`].
    #[test]
    fn plain_word_end_reads_the_usual_words() {
        for (text, want) in [
            ("Kärkkäinen, muutosjohtaja", Some(12)),
            ("sosiaali ja", Some(8)),
            ("2019", Some(4)),
            ("Åsa", Some(4)),
            ("hyvinvointialueen\n", Some(17)),
            ("kyllä", Some(6)),
            ("STM:n", Some(5)),
            ("sosiaali- ja", Some(9)),
            ("sosiaali-", Some(9)),
            ("yhteistyö- ja", Some(11)),
            ("2019- 2020", Some(4)),
            ("ja--", Some(2)),
            ("13.12.2018", Some(10)),
            ("loppuun.", Some(7)),
            ("Jäsenet: Aino", Some(8)),
            ("pj.\n", Some(2)),
            ("sote-\u{e4}", None),
            ("sote.\u{2011}", None),
            ("sote-\u{2011}", None),
            ("A\u{308}kkinen", None),
            ("a×b", None),
            ("Aino–Maija", None),
        ] {
            assert_eq!(plain_word_end(text.as_bytes(), 0), want, "{text:?}");
            if let Some(end) = want {
                assert_eq!(word_end_by_chars(text, 0), end, "{text:?}");
            }
        }
    }

    /// Every given name has its own key in the filter
    /// ([`Lexicon::may_be_given`]), and the filter turns away most other
    /// capitalised words.
    #[test]
    fn given_keys_pass_every_given_name() {
        let lexicon = &*LEXICON;
        for name in lexicon.given.keys() {
            assert!(lexicon.may_be_given(name), "{name:?}");
        }
        let others = [
            "Kuopion",
            "Hallitus",
            "Sote",
            "Uusimaa",
            "Pohjois",
            "Tampereella",
        ];
        assert!(others.iter().filter(|w| lexicon.may_be_given(w)).count() <= 1);
    }

    /// [`lower_latin1_run`] takes exactly the characters below U+0100 that
    /// are lower case.
    #[test]
    fn lower_latin1_run_takes_the_lower_case_below_u0100() {
        for c in (0..0x100u32).filter_map(char::from_u32) {
            let text = format!("{c}A");
            // Below U+0100, only `ª`, `µ` and `º` (`C2 …`) are lower case
            // outside ASCII and `C3 …`.
            let taken = c.is_ascii() || text.as_bytes().first() == Some(&0xC3);
            let want = if c.is_lowercase() && taken {
                c.len_utf8()
            } else {
                0
            };
            assert_eq!(lower_latin1_run(text.as_bytes(), 0), want, "{c:?}");
        }
    }

    /// Every character lowers to at least a third of its bytes, which
    /// [`may_be_particle`] counts on; every particle passes it as written,
    /// capitalised and in capitals.
    #[test]
    fn characters_lower_to_a_third_of_their_bytes_at_least() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(3 * lower >= c.len_utf8(), "{c:?}");
        }
        for p in FAMILY_PARTICLES {
            for word in [p.to_string(), capitalised(p), p.to_uppercase()] {
                assert!(may_be_particle(&word), "{word:?}");
            }
        }
    }

    /// [`is_ascii_joiner`] is [`is_joiner`] on every ASCII byte.
    #[test]
    fn ascii_joiners_are_the_joiners_of_ascii() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_joiner(b), is_joiner(char::from(b)), "{b:#x}");
        }
    }

    /// Pieces of Finnish announcement text for the property tests.
    fn finnish_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "0",
            "1",
            "2019",
            "12.",
            ".",
            ",",
            "-",
            "–",
            "—",
            " ",
            "\u{a0}",
            "\n",
            ":",
            "(",
            ")",
            "ä",
            "ö",
            "å",
            "Ä",
            "klo",
            "tammikuuta",
            "maaliskuussa",
            "ssa",
            "lla",
            "n",
            "sen",
            "euroa",
            "milj.",
            "p.",
            "@",
            "Aino",
            "Virtanen",
            "Kaj-Erik",
            "johtaja",
            "puheenjohtajana",
            "toimii",
            "valittiin",
            "puheenjohtajaksi",
            "sihteeri",
            "pj",
            "ja",
            "Pohjois-Savon",
            "liiton",
            "sosiaali-",
            "-hankkeen",
            "vs",
            "Oy",
            "Jäsenet",
            "jäseninä",
            "\u{308}",
            "\u{0}",
            "\r",
            "\r\n",
            "\u{2028}",
            "\t",
            "'",
            "\u{2019}",
            "\"",
            "\u{201D}",
            "_",
            "\u{2011}",
            "O'Neill",
            "Mäkinen",
            "Kärkkäinen-Heino",
            "Anna-Liisa-Maija-Kaisa",
            "A\u{308}kkinen",
            "STM:n",
            "nimi@kunta.fi",
            "VIRTANEN",
            "pj:nä",
            "Varapuheenjohtajaksi",
            "pöytäkirjanpitäjänä",
            "\u{130}",
            "\u{3a3}",
            "\u{b}",
            "\u{c}",
            "\u{7f}",
            "é",
            "×",
            "÷",
            "ÿ",
            "Åsa",
        ])
    }

    /// Title-like words: a prefix (a compound's first part, a capital or a
    /// character lowering to other bytes: `İ`, `Σ`, the Kelvin sign), a
    /// title head whole or without its first or last character, an ending
    /// (a case ending, `Σ`, the Kelvin sign, a dash), and
    /// the whole in lower case, capitalised, in capitals or with its last
    /// letter a capital.
    fn title_like_word() -> impl Strategy<Value = String> {
        let prefix = prop::sample::select(vec![
            "", "maakunta", "hr-", "Muutos", "Ä", "ö", "K", "\u{212A}", "\u{130}", "Σ", "ẞ", "1",
        ]);
        let heads: Vec<&'static str> = data_lines(TITLES_TABLE).map(str::trim).collect();
        let suffix =
            prop::sample::select(vec!["", "n", "a", "ksi", "nä", "Σ", "\u{212A}", "ä", "-"]);
        (
            prefix,
            prop::sample::select(heads),
            0..3usize,
            suffix,
            0..4u8,
        )
            .prop_map(|(p, h, cut, x, case)| {
                let head = match cut {
                    0 => h,
                    1 => h
                        .get(h.char_indices().nth(1).map_or(0, |(i, _)| i)..)
                        .unwrap_or(h),
                    _ => h
                        .get(..h.char_indices().last().map_or(0, |(i, _)| i))
                        .unwrap_or(h),
                };
                let word = format!("{p}{head}{x}");
                match case {
                    0 => word,
                    1 => capitalised(&word),
                    2 => word.to_uppercase(),
                    _ => {
                        let mut chars: Vec<char> = word.chars().collect();
                        if let Some(last) = chars.last_mut() {
                            *last = last.to_uppercase().next().unwrap_or(*last);
                        }
                        chars.into_iter().collect()
                    }
                }
            })
    }

    /// A word built like a family name, inflected or not: a prefix, one
    /// of the nature words of [`FAMILY_NAME_STEMS`] (either form) or
    /// another name end, and any ending of the lists the basic form reads,
    /// written in lower case, capitalised or all in capitals.
    fn family_like_word() -> impl Strategy<Value = String> {
        let prefix = prop::sample::select(vec![
            "", "Kallio", "Ala", "Ylä-", "Mä", "K", "Ö", "1", "-", "\u{130}", "Σ", "ẞ",
        ]);
        let ends: Vec<&'static str> = FAMILY_NAME_STEMS
            .iter()
            .flat_map(|&(n, s)| [n, s])
            .chain([
                "Virta", "virtane", "Mäkelä", "heino", "o", "ä", "", "Σ", "son", "man",
            ])
            .collect();
        let endings: Vec<&'static str> = NEN_ENDINGS
            .iter()
            .chain(FAMILY_STEM_ENDINGS)
            .chain(LOCAL_CASE_ENDINGS)
            .chain(NOMINATIVE_N_ENDINGS)
            .copied()
            .chain(["", "nen", "x", "ς"])
            .collect();
        (
            prefix,
            prop::sample::select(ends),
            prop::sample::select(endings),
            0..3u8,
        )
            .prop_map(|(p, e, n, case)| {
                let word = format!("{p}{e}{n}");
                match case {
                    0 => word,
                    1 => capitalised(&word),
                    _ => word.to_uppercase(),
                }
            })
    }

    /// A word built like a name or nearly: given names (most of the
    /// fragments), other capitalised and lower-case fragments, apostrophes,
    /// combining marks and other letters, joined by the dashes of
    /// [`is_dash`], an apostrophe or nothing.
    fn name_like_word() -> impl Strategy<Value = String> {
        let fragment = prop::sample::select(vec![
            "Aino",
            "Kaj",
            "Erik",
            "Anna",
            "Liisa",
            "Maija",
            "Mari",
            "Åsa",
            "Aino",
            "Kaj",
            "Erik",
            "Anna",
            "Liisa",
            "Virtanen",
            "O'Neill",
            "Mäki",
            "A\u{308}",
            "a\u{308}",
            "ä",
            "x",
            "",
            "'",
            "\u{2019}",
            "N",
            "VIRTA",
            "\u{130}",
            "\u{3a3}",
            "1",
            "ss",
            "Ω",
            "ω",
            "\u{308}",
            ".",
            "O'",
            "d'",
            "ssN",
            "aN",
            "'a",
            "a'B",
            "A'bC",
            "\u{2019}x",
            "Ö",
            "ß",
            "÷",
            "×",
            "ÿ",
            "Ø",
        ]);
        let joint = prop::sample::select(vec![
            "", "", "", "", "-", "-", "-", "\u{2010}", "\u{2013}", "\u{2015}", "\u{2212}",
            "\u{FE63}", "\u{FF0D}", "'",
        ]);
        (
            prop::collection::vec(fragment, 1..6),
            prop::collection::vec(joint, 5),
        )
            .prop_map(|(fragments, joints)| {
                let mut word = String::new();
                for (k, fragment) in fragments.iter().enumerate() {
                    if k > 0 {
                        word.push_str(joints.get(k - 1).copied().unwrap_or(""));
                    }
                    word.push_str(fragment);
                }
                word
            })
    }

    /// Words around names: given names (one also an ordinary word), family
    /// names plain and inflected, particles in any case, titles, role words
    /// and verbs, company forms, capitalised ordinary words, genitives.
    fn name_context_word() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "Aino",
            "Jussi",
            "Pekka",
            "Toivo",
            "Lahja",
            "Kaj-Erik",
            "Virtanen",
            "Kärkkäinen",
            "Virtasen",
            "Kalliolle",
            "Heino",
            "Aro",
            "Pirjo",
            "von",
            "Von",
            "VON",
            "af",
            "De",
            "DE",
            "da",
            "la",
            "zu",
            "johtaja",
            "maakuntajohtaja",
            "Muutosjohtaja",
            "puheenjohtaja",
            "puheenjohtajana",
            "puheenjohtajaksi",
            "pj",
            "vpj",
            "toimii",
            "valittiin",
            "Oy",
            "ry",
            "Sote",
            "Kuopion",
            "THL:n",
            "Hallitus",
            "Lisätietoja",
            "p",
            "040",
            "ja",
            "sekä",
            "mukaan",
            "ensimmäinen",
            "\u{212A}",
            "\u{212A}a",
        ]);
        prop_oneof![
            4 => words.prop_map(str::to_string),
            1 => name_like_word(),
            1 => family_like_word(),
            1 => title_like_word(),
        ]
    }

    /// Texts of [`name_context_word`]s between the separators names stand
    /// among: spaces, commas, colons, full stops, line ends, bullets and
    /// parentheses.
    fn name_rich_text() -> impl Strategy<Value = String> {
        let sep = prop::sample::select(vec![
            " ", " ", " ", " ", ", ", ": ", ". ", "\n", "\n- ", "\n• ", " (", ") ", " – ", "\r\n",
        ]);
        prop::collection::vec((name_context_word(), sep), 0..24)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect::<String>())
    }

    /// Checks every span the public functions return for `text`.
    fn check_all(text: &str) {
        for p in find_people(text) {
            assert_span(text, p.span, p.text);
            assert!(text.get(p.name_span.start..p.name_span.end).is_some());
            if let Some((t, s)) = p.title {
                assert_span(text, s, t);
            }
        }
        for r in find_roles(text) {
            assert_span(text, r.span, r.text);
            assert!(text.get(r.role_span.start..r.role_span.end).is_some());
            assert_span(text, r.person.span, r.person.text);
        }
        if let Some(n) = parse_name_line(text) {
            assert!(text.get(n.span.start..n.span.end).is_some());
        }
        if let Some(s) = title_head(text) {
            assert!(text.get(s.start..s.end).is_some());
        }
        let _ = is_given_name(text);
        let _ = role_kind(text);
    }

    /// Words of the running text between the names, and its marks and line
    /// ends: what [`Doc::sparse`] leaves as gaps.
    fn filler_word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "kokous",
            "pidetään",
            "ja",
            "hyvinvointialue",
            "aloittaa",
            "toimintansa",
            "alkaen",
            "Lestijärven",
            "kaupunki",
            "Uudistus",
            "etenee",
            "keväällä",
            "1.1.2018",
            "(",
            ")",
            ",",
            ".",
            ":",
            "-",
            "–",
            "\n",
            "\n\n",
            "\r\n",
            "\u{2028}",
            "\u{a0}",
            "Lue",
            "lisää",
            "|",
            "0",
            "Kommenttia",
            "de",
            "Aino",
            "johtaja",
        ])
    }

    /// Whether every token of the whole text's tokens where a name may
    /// start ([`Doc::may_start_name`]) or that is a role word lies in the
    /// chunk of one of the [`sites`]; a message for the first that does not.
    fn sites_cover(text: &str) -> Result<(), String> {
        let lowered = LowerText::new(text);
        let Some(lower) = lowered.aligned() else {
            return Ok(());
        };
        let sites = sites(text, lower, &text::capital_starts(text));
        let bytes = text.as_bytes();
        let chunks: Vec<_> = sites
            .iter()
            .map(|&s| {
                (
                    chunk_start_before(bytes, s, 0),
                    chunk_end_after(bytes, s, 0),
                )
            })
            .collect();
        let doc = Doc::new(text, &lowered);
        for (i, t) in doc.toks.iter().enumerate() {
            let anchor = doc.may_start_name(i) || doc.role_at(i).is_some();
            if anchor && !chunks.iter().any(|&(s, e)| s <= t.start && t.end <= e) {
                return Err(format!(
                    "{text:?}: token {i} {:?} in no site's chunk",
                    text.get(t.start..t.end)
                ));
            }
        }
        Ok(())
    }

    /// The sparse reading with `before` and `after` chunks around each site
    /// against the whole text's.
    fn sparse_agrees(text: &str, before: usize, after: usize) -> Result<(), String> {
        let lowered = LowerText::new(text);
        let capitals = text::capital_starts(text);
        let sparse = Doc::sparse_within(text, &lowered, &capitals, (before, after));
        let got = find_people_and_roles_sparse(text, &lowered, sparse);
        let want = find_people_and_roles_in_full(text, &lowered);
        if got == want {
            Ok(())
        } else {
            Err(format!("{text:?} ({before}, {after}): {got:?} != {want:?}"))
        }
    }

    #[test]
    fn a_sparse_reading_in_recycled_token_room_is_the_whole_texts() {
        let junk = "Kehittämisjohtaja Aino Virtanen, p. 040 123 4567. Jäsenet: Salo Riikka";
        let texts = [
            "Ohjausryhmän puheenjohtajana toimii maakuntajohtaja Leena Mäkinen.",
            "",
            "Sihteerinä toimii suunnittelija Inari Koskela ja jäsenenä Jussi Pekka Pitkänen.",
        ];
        for text in texts {
            let lowered = LowerText::new(junk);
            let capitals = text::capital_starts(junk);
            if let Some(doc) = Doc::sparse(junk, &lowered, &capitals) {
                doc.recycle();
            }
            let spare = SPARE_TOKENS.take();
            assert!(!spare.toks.is_empty(), "the junk left tokens behind");
            SPARE_TOKENS.set(spare);
            assert_eq!(sparse_agrees(text, SPARSE_BEFORE, SPARSE_AFTER), Ok(()));
        }
    }

    #[test]
    fn role_needles_are_in_every_role_word() {
        for (word, _, _) in ROLE_WORDS {
            assert!(ROLE_NEEDLES.iter().any(|n| word.contains(n)), "{word}");
        }
    }

    /// [`role_sites`] of `text`'s lower case against the oracle's, both
    /// sorted (each pushes needle by needle).
    fn role_sites_agree(text: &str) -> Result<(), String> {
        let lower = text.to_lowercase();
        let (mut got, mut want) = (Vec::new(), Vec::new());
        role_sites(lower.as_bytes(), &mut got);
        role_sites_by_needles(lower.as_bytes(), &mut want);
        got.sort_unstable();
        want.sort_unstable();
        if got == want {
            Ok(())
        } else {
            Err(format!("{lower:?}: {got:?} != {want:?}"))
        }
    }

    #[test]
    fn pivoted_role_needles_overlap_no_copy_of_themselves() {
        // A needle that did would be found twice in `jj`-like runs where
        // the search it replaced found it once.
        for &(needle, _) in &ROLE_SEARCH.pivoted {
            let borders = (1..needle.len()).filter(|&k| needle.ends_with(&needle[..k]));
            assert_eq!(borders.count(), 0, "{:?}", String::from_utf8_lossy(needle));
        }
        assert!(!ROLE_SEARCH.pivoted.is_empty());
    }

    #[test]
    fn role_sites_agree_with_each_needle_sought() {
        for text in [
            "Puheenjohtaja pj, PJ, sihteerinä jäsen-esittelijä pöytäkirjanpitäjä",
            "jjäsenjäsen pjpj esittelijesittelij puheenjohtajpuheenjohtaj j",
            "",
            "j",
        ] {
            role_sites_agree(text).unwrap();
        }
    }

    #[test]
    fn sparse_rows_agree_with_the_whole_text() {
        let texts = [
            "Työryhmän puheenjohtajana toimii Lestijärven perusturvajohtaja Aino Kärkkäinen ja sihteerinä projektipäällikkö Ville Niemi.\n\nJäsenet:\nAnttila Valborg, Ylöjärven kaupunki\nVäisänen Asma, pj\n\nLue lisää | 0 Kommenttia\n",
            "Yhteyshenkilö: Aino Kärkkäinen\nmuutosjohtaja, p. 040 123\n\nTeksti jatkuu pitkään ilman nimiä ja rooleja, kunnes lopussa Kaj-Erik von Lindqvist, sihteeri.",
            "Kokous pidettiin.\r\nPuheenjohtaja Aino\u{a0}Kärkkäinen avasi kokouksen; varajäsen Heino Jukka (kesk.) oli poissa.",
        ];
        for text in texts {
            sites_cover(text).unwrap();
            for before in 0..4 {
                for after in 0..4 {
                    sparse_agrees(text, before, after).unwrap();
                }
            }
            sparse_agrees(text, SPARSE_BEFORE, SPARSE_AFTER).unwrap();
        }
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            check_all(&text);
        }

        #[test]
        fn name_sites_from_the_listed_capitals_agree_with_the_scan(
            named in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..60),
            noise in any::<String>(),
        ) {
            for text in [named, pieces.concat(), noise] {
                let mut listed = Vec::new();
                name_sites(&text, &text::capital_starts(&text), &mut listed);
                let mut scanned = Vec::new();
                name_sites_by_marks(&text, &mut scanned);
                prop_assert_eq!(listed, scanned, "{:?}", text);
            }
        }

        #[test]
        fn role_sites_agree_with_each_needle_sought_in_any_text(
            named in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..60),
            needles in prop::collection::vec(prop::sample::select(ROLE_NEEDLES), 0..12),
            noise in any::<String>(),
        ) {
            for text in [named, pieces.concat(), needles.concat(), noise] {
                let checked = role_sites_agree(&text);
                prop_assert!(checked.is_ok(), "{:?}", checked);
            }
        }

        #[test]
        fn sites_cover_every_name_start_and_role_word(
            named in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..60),
            noise in any::<String>(),
        ) {
            // Aligned text (no Kelvin sign), so that the sites are sought.
            let aligned = named.replace('\u{212A}', "K");
            for text in [named, aligned, pieces.concat(), noise] {
                prop_assert!(sites_cover(&text).is_ok(), "{:?}", sites_cover(&text));
            }
        }

        #[test]
        fn sparse_reading_agrees_with_the_whole_text(
            named in prop::collection::vec(name_rich_text(), 1..5),
            fillers in prop::collection::vec(prop::collection::vec(filler_word(), 0..30), 1..5),
            pieces in prop::collection::vec(finnish_piece(), 0..60),
            before in 0usize..4,
            after in 0usize..6,
        ) {
            // Aligned text (no Kelvin sign), so that the sparse reading is tried.
            let named: Vec<String> = named.iter().map(|n| n.replace('\u{212A}', "K")).collect();
            let fillers: Vec<String> = fillers.iter().map(|f| f.join(" ")).collect();
            let mut text = String::new();
            for (k, n) in named.iter().enumerate() {
                text.push_str(n);
                text.push_str(fillers.get(k % fillers.len()).map_or("", String::as_str));
            }
            for t in [&text, &pieces.concat()] {
                let checked = sparse_agrees(t, before, after);
                prop_assert!(checked.is_ok(), "{:?}", checked);
            }
        }

        #[test]
        fn sparse_windows_agree_with_looking_back_from_every_site(
            named in prop::collection::vec(name_rich_text(), 1..5),
            fillers in prop::collection::vec(prop::collection::vec(filler_word(), 0..30), 1..5),
            before in 0usize..4,
            after in 0usize..6,
        ) {
            let mut text = String::new();
            for (k, n) in named.iter().enumerate() {
                text.push_str(&n.replace('\u{212A}', "K"));
                text.push_str(&fillers.get(k % fillers.len()).map_or(String::new(), |f| f.join(" ")));
            }
            let lowered = LowerText::new(&text);
            if let Some(lower) = lowered.aligned() {
                let sites = sites(&text, lower, &text::capital_starts(&text));
                let bytes = text.as_bytes();
                let windows = sparse_windows(bytes, &sites, before, after);
                prop_assert_eq!(
                    &windows,
                    &sparse_windows_from_every_site(bytes, &sites, before, after)
                );
                prop_assert_eq!(
                    &windows,
                    &sparse_windows_walking_from_every_site(bytes, &sites, before, after)
                );
            }
        }

        #[test]
        fn announcement_text_never_panics(pieces in prop::collection::vec(finnish_piece(), 0..60)) {
            check_all(&pieces.concat());
        }

        #[test]
        fn name_parts_and_given_lookup_agree_with_the_split_by_parts(
            word in name_like_word(),
            pieces in prop::collection::vec(finnish_piece(), 1..4),
            noise in any::<String>(),
        ) {
            for word in [word, pieces.concat(), noise] {
                let parts = name_parts(&word);
                prop_assert_eq!(parts.is_some(), name_shaped_by_parts(&word), "{:?}", word);
                if let Some(n) = parts {
                    prop_assert_eq!(n, word.split(is_dash).count(), "{:?}", word);
                    prop_assert_eq!(given_lookup(&word, n), given_lookup_by_parts(&word), "{:?}", word);
                }
            }
        }

        #[test]
        fn tokenize_agrees_with_the_char_by_char_tokenizer(
            pieces in prop::collection::vec(finnish_piece(), 0..40),
            names in prop::collection::vec(name_like_word(), 0..4),
            noise in any::<String>(),
        ) {
            let named = names.iter().map(String::as_str).chain(pieces.iter().copied()).collect::<Vec<_>>().join(" ");
            for text in [pieces.concat(), named, noise] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                let view = |t: &Tok| {
                    let slice = text.get(t.start..t.end);
                    let lower = match slice {
                        Some(w) if t.kind == Kind::Word => lowered.at(w, t.start).into_owned(),
                        _ => String::new(),
                    };
                    (t.kind, t.start, t.end, slice.map(str::to_string), lower, t.facts)
                };
                let got: Vec<_> = doc.toks.iter().map(view).collect();
                for (i, t) in doc.toks.iter().enumerate() {
                    let word = doc.word(i).map(|w| (w.text.to_string(), w.lower().into_owned(), w.facts));
                    let want = (t.kind == Kind::Word).then(|| view(t)).map(|(_, _, _, w, l, f)| (w.unwrap_or_default(), l, f));
                    prop_assert_eq!(word, want, "{:?}", text);
                }
                for (kind, _, _, word, lower, _) in &got {
                    let want = match word {
                        Some(word) if *kind == Kind::Word => word.to_lowercase(),
                        _ => String::new(),
                    };
                    prop_assert_eq!(lower, &want, "{:?}", text);
                }
                let want: Vec<_> = tokenize_by_chars(&text, &lowered).iter().map(view).collect();
                prop_assert_eq!(got, want, "{:?}", text);
            }
        }

        #[test]
        fn given_on_demand_agrees_with_the_eager_look_up(
            named in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..40),
            names in prop::collection::vec(name_like_word(), 0..4),
            noise in any::<String>(),
        ) {
            let listed = names.iter().map(String::as_str).chain(pieces.iter().copied()).collect::<Vec<_>>().join(" ");
            for text in [named, listed, names.concat(), noise] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                for (i, t) in doc.toks.iter().enumerate() {
                    let word = text.get(t.start..t.end).filter(|_| t.kind == Kind::Word);
                    let eager = word.and_then(given_eagerly);
                    prop_assert_eq!(doc.given(i), eager, "{:?} at token {}", text, i);
                }
            }
        }

        #[test]
        fn name_shaped_plain_end_agrees_with_the_word_end_and_name_parts(
            pieces in prop::collection::vec(finnish_piece(), 0..30),
            names in prop::collection::vec(name_like_word(), 0..4),
            noise in any::<String>(),
        ) {
            let named = names.iter().map(String::as_str).chain(pieces.iter().copied()).collect::<Vec<_>>().join(" ");
            for text in [pieces.concat(), named, names.concat(), noise] {
                for (i, _) in text.char_indices() {
                    let Some(end) = name_shaped_plain_end(text.as_bytes(), i) else {
                        continue;
                    };
                    prop_assert_eq!(Some(end), plain_word_end(text.as_bytes(), i), "{:?} at {}", text, i);
                    prop_assert_eq!(end, word_end_by_chars(&text, i), "{:?} at {}", text, i);
                    let word = text.get(i..end).unwrap_or_default();
                    prop_assert_eq!(name_parts(word), Some(1), "{:?} at {}", text, i);
                }
            }
        }

        #[test]
        fn plain_word_end_agrees_with_the_char_by_char_scan(
            pieces in prop::collection::vec(finnish_piece(), 0..30),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise] {
                for (i, _) in text.char_indices() {
                    if let Some(end) = plain_word_end(text.as_bytes(), i) {
                        prop_assert_eq!(end, word_end_by_chars(&text, i), "{:?} at {}", text, i);
                    }
                }
            }
        }

        #[test]
        fn is_title_agrees_with_looking_up_every_lower_case(
            words in prop::collection::vec(title_like_word(), 1..6),
            pieces in prop::collection::vec(finnish_piece(), 0..20),
            name in name_like_word(),
            noise in any::<String>(),
        ) {
            let text = words.iter().map(String::as_str).chain([name.as_str()]).chain(pieces.iter().copied()).collect::<Vec<_>>().join(" ");
            for text in [text, words.concat(), noise.clone()] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                for t in (0..doc.toks.len()).filter_map(|i| doc.word(i)) {
                    prop_assert_eq!(t.is_title(), t.is_title_by_lower(), "{:?} in {:?}", t.text, text);
                }
            }
            for w in words.iter().chain([&name, &noise]) {
                prop_assert!(may_be_title(w) || !is_title_word(&w.to_lowercase()), "{:?}", w);
            }
        }

        #[test]
        fn family_basic_form_agrees_with_comparing_every_ending(
            family in family_like_word(),
            name in name_like_word(),
            noise in any::<String>(),
        ) {
            for word in [family, name, noise] {
                let (form, basic) = family_basic_form(&word);
                prop_assert_eq!((form.into_owned(), basic), family_basic_form_by_endings(&word), "{:?}", word);
                let lower = word.to_lowercase();
                let local = LOCAL_CASE_ENDINGS.iter().any(|e| ends_after_vowel(&lower, e));
                prop_assert_eq!(ends_in_local_case(&lower), local, "{:?}", word);
            }
        }

        #[test]
        fn name_at_agrees_with_reading_every_name_in_full(
            text in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..30),
        ) {
            for text in [text, pieces.concat()] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                for i in 0..doc.toks.len() + 2 {
                    for list in [false, true] {
                        prop_assert_eq!(doc.name_at(i, list), doc.name_read_at(i, list), "{:?} at {}", text, i);
                    }
                }
            }
        }

        #[test]
        fn name_string_agrees_with_joining_two_lists(
            text in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..30),
            family in family_like_word(),
        ) {
            let genitive = format!("Aino {family} mukaan, Kaj-Erik von {family}\n{family} Aino Pekka\nAino Kallion mukaan");
            for text in [text, pieces.concat(), genitive] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                let read = (0..doc.toks.len() + 2).flat_map(|i| {
                    [
                        doc.given_first_at(i, false),
                        doc.given_first_at(i, true),
                        doc.surname_first_at(i, false),
                        doc.surname_first_at(i, true),
                    ]
                });
                for name in read.flatten().chain(doc.names()) {
                    prop_assert_eq!(doc.name_string(&name), doc.name_string_by_lists(&name), "{:?}: {:?}", text, name);
                }
            }
        }

        #[test]
        fn listed_role_words_are_the_role_words_of_every_token(
            text in name_rich_text(),
            pieces in prop::collection::vec(finnish_piece(), 0..30),
            noise in any::<String>(),
        ) {
            for text in [text, pieces.concat(), noise] {
                let lowered = LowerText::new(&text);
                let doc = Doc::new(&text, &lowered);
                prop_assert_eq!(&doc.role_words, &doc.role_words_by_every_token(), "{:?}", text);
            }
        }

        #[test]
        fn word_end_agrees_with_the_char_by_char_scan(
            pieces in prop::collection::vec(finnish_piece(), 0..30),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise, format!("{}-\u{308}a- ja:n", pieces.concat())] {
                for (i, _) in text.char_indices() {
                    prop_assert_eq!(word_end(&text, i), word_end_by_chars(&text, i), "{:?} at {}", text, i);
                }
            }
        }
    }
}
