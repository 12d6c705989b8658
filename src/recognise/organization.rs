//! Organisations: companies (`Vimana Oy:n` → `Vimana Oy`), associations,
//! ministries (`sosiaali- ja terveysministeriössä`), joint municipal
//! authorities, hospital districts and regional councils named by their
//! area (`Raahen seudun hyvinvointikuntayhtymässä`, `Kymenlaakson sosiaali-
//! ja terveyspalvelujen kuntayhtymä`, `Pirkanmaan liitto`) or by their own
//! name after the head (`Peruspalvelukuntayhtymä Selänne`), agencies
//! (`TE-toimisto`, `Kansaneläkelaitos`), and national organisations known
//! by their abbreviations (`STM:n`, `HUS`).
//!
//! A name stays on one line. Coordinated owners before a plural head name
//! one organisation each (`Lapin ja Länsi-Pohjan sairaanhoitopiireistä`);
//! before a singular head they are one name (`Helsingin ja Uudenmaan
//! sairaanhoitopiiri`). A brand in brackets after a full name (`(Siun
//! sote)`) is an alias and is left out of the name.

use std::ops::Range;
use std::sync::LazyLock;

use crate::lexicon::first_byte_set;
use crate::lexicon::fx::FxHashMap;
use crate::lexicon::heads::{HeadForm, HeadGroup, HeadedWords};
use crate::model::Span;
use crate::text::{ByteSet, ToLower, Word};

use super::phrase::{
    is_compound_coordination, is_name_word, joined_to_previous, phrase_start, tidy,
};
use super::places::lookup;

/// An organisation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OrganizationMatch<'a> {
    /// Where the mention lies in the text.
    pub span: Span,
    /// The mention as written.
    pub text: &'a str,
    /// The name in its basic form.
    pub name: String,
}

/// Legal-form words that end company and association names, in the form
/// they keep in the name (`Oy:n` is `Oy`).
const LEGAL_FORMS: &[&str] = &[
    "Oy", "Oyj", "Ab", "Abp", "Ltd", "ry", "r.y", "Ky", "Tmi", "Osk",
];

/// National organisations of the reform, known by abbreviations or one-word
/// names, in the inflected forms they take (Finnish knowledge: ministries,
/// agencies and associations that took part in the reform). Abbreviations
/// inflect after a colon (`STM:n`) and are matched on their part before it.
const KNOWN: &[(&str, &[&str])] = &[
    ("STM", &["STM"]),
    ("VM", &["VM"]),
    ("TEM", &["TEM"]),
    ("THL", &["THL"]),
    (
        "Kela",
        &[
            "Kela", "Kelan", "Kelassa", "Kelasta", "Kelaan", "Kelalla", "Kelalle", "Kelalta",
            "Kelaa",
        ],
    ),
    (
        "Valvira",
        &[
            "Valvira",
            "Valviran",
            "Valvirassa",
            "Valvirasta",
            "Valviraan",
            "Valviralle",
            "Valviralta",
        ],
    ),
    (
        "Sitra",
        &[
            "Sitra", "Sitran", "Sitrassa", "Sitrasta", "Sitraan", "Sitralle", "Sitralta",
        ],
    ),
    ("AVI", &["AVI"]),
    ("DVV", &["DVV"]),
    // Helsingin ja Uudenmaan sairaanhoitopiiri, known by its abbreviation.
    ("HUS", &["HUS"]),
    (
        "Kuntaliitto",
        &[
            "Kuntaliitto",
            "Kuntaliiton",
            "Kuntaliitossa",
            "Kuntaliitosta",
            "Kuntaliittoon",
            "Kuntaliitolla",
            "Kuntaliitolle",
            "Kuntaliitolta",
            "Kuntaliittoa",
        ],
    ),
    (
        "Kansaneläkelaitos",
        &[
            "Kansaneläkelaitos",
            "Kansaneläkelaitoksen",
            "Kansaneläkelaitoksessa",
            "Kansaneläkelaitoksesta",
            "Kansaneläkelaitokseen",
            "Kansaneläkelaitokselle",
            "Kansaneläkelaitokselta",
            "Kansaneläkelaitosta",
        ],
    ),
];

/// Heads that are an organisation only with a first part (`sosiaali- ja
/// terveysministeriö`), as a lone `ministeriö` says which one only by context.
const NEEDS_FIRST_PART: &[&str] = &["ministeriö"];

/// Heads too common to be a name by their owner alone (`Satakunnan
/// sote-keskus` is a health centre, `matkatoimisto` a travel agency): an
/// organisation only with an abbreviation before them (`ELY-keskus`,
/// `TE-toimisto`).
const NEEDS_ABBREVIATION: &[&str] = &["keskus", "toimisto"];

/// Heads of joint municipal authorities, whose own name may follow them
/// (`Peruspalvelukuntayhtymä Selänne`, `kuntayhtymä Kaksineuvoinen`). A
/// capital on the head alone says nothing (`Peruspalvelukuntayhtymä` may
/// just begin a heading): without an owner before it or a name after it,
/// such a head is a common noun.
const NAMED_AFTER: &[&str] = &["kuntayhtymä", "yhtymä"];

/// Heads that name an organisation only in a compound (`Kansaneläkelaitos`,
/// `Uudenmaan liikelaitos`): `X:n laitos` is mostly a department
/// (`psykiatrian laitos`).
const NEEDS_COMPOUND: &[&str] = &["laitos"];

/// Compounds of an organisation head that are no organisation (`Oulun
/// vaalipiiri` is an electoral district).
const NOT_ORGANIZATIONS: &[&str] = &["vaalipiiri"];

/// Words before a legal form that can belong to the name.
const MAX_NAME_WORDS: usize = 4;

/// Words of the owner phrase before a head (`Kymenlaakson sosiaali- ja
/// terveyspalvelujen` is four).
const MAX_OWNER_WORDS: usize = 6;

/// Case endings that a name in apposition does not carry when it stands in
/// the nominative (`Selänne`, not `Selänteessä`).
const CASE_ENDINGS: &[&str] = &[
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "tta", "ttä",
];

/// Owners in one coordination (`Lapin, Kainuun ja Länsi-Pohjan`).
const MAX_CONJUNCTS: usize = 12;

/// The byte length of the longest of [`LEGAL_FORMS`].
const LONGEST_LEGAL_FORM: usize = crate::text::longest_len(LEGAL_FORMS);

/// The legal form `word` is (`Oy`, `Oy:n`). Asked of every word of a text:
/// a word whose part before a colon is longer than every form (most words)
/// is told so by its first bytes, without looking for a colon in the rest
/// of it or comparing it with each form.
fn legal_form(word: &str) -> Option<&'static str> {
    if word.len() > LONGEST_LEGAL_FORM
        && !word
            .as_bytes()
            .get(..=LONGEST_LEGAL_FORM)
            .is_some_and(|head| head.contains(&b':'))
    {
        return None;
    }
    legal_form_by_scan(word)
}

/// The legal form `word` is, by comparing its part before a colon with
/// each form: what [`legal_form`] does with a short word, and the oracle
/// its test compares it with.
fn legal_form_by_scan(word: &str) -> Option<&'static str> {
    let base = before_colon(word);
    LEGAL_FORMS.iter().copied().find(|f| *f == base)
}

/// `word` up to a colon ending (`STM` of `STM:n`); words are short, so a
/// plain byte loop beats a searcher.
fn before_colon(word: &str) -> &str {
    match word.bytes().position(|b| b == b':') {
        Some(i) => word.get(..i).unwrap_or(word),
        None => word,
    }
}

/// [`KNOWN`] by form and by abbreviation: the index of the first entry with
/// each, so that a look-up finds what a search in list order would.
struct KnownIndex {
    by_form: FxHashMap<&'static str, usize>,
    by_abbreviation: FxHashMap<&'static str, usize>,
    /// The first bytes of the keys of both maps: a word starting with any
    /// other byte is in neither (most words of a text: they are in lower
    /// case, the known names capitalised).
    first_bytes: [bool; 256],
    /// The second bytes of the keys by their first byte (every byte for a
    /// key of one byte): most capitalised words (`Kallio`, `Kruunupyyn`)
    /// pass the first-byte test but are told by their first two bytes to
    /// be no key, without being hashed twice.
    pairs: [ByteSet; 256],
    /// `first_bytes` and the first bytes of the [`LEGAL_FORMS`]: a word
    /// starting with any other byte is neither a known name nor a legal
    /// form, and [`find_organizations_in`] passes it over unless it may
    /// end in a head.
    named_first_bytes: [bool; 256],
}

static KNOWN_INDEX: LazyLock<KnownIndex> = LazyLock::new(|| {
    let mut by_form = FxHashMap::default();
    let mut by_abbreviation = FxHashMap::default();
    for (i, (name, forms)) in KNOWN.iter().enumerate() {
        if forms.len() == 1 {
            by_abbreviation.entry(*name).or_insert(i);
        }
        for form in *forms {
            by_form.entry(*form).or_insert(i);
        }
    }
    let first_bytes = first_byte_set(by_form.keys().chain(by_abbreviation.keys()).copied());
    let mut pairs = [ByteSet::default(); 256];
    for key in by_form.keys().chain(by_abbreviation.keys()) {
        if let [first, rest @ ..] = key.as_bytes() {
            let bits = &mut pairs[usize::from(*first)];
            match rest.first() {
                Some(&second) => bits.insert(second),
                None => *bits = ByteSet::ALL,
            }
        }
    }
    let mut named_first_bytes = first_byte_set(LEGAL_FORMS.iter().copied());
    for (named, &known) in named_first_bytes.iter_mut().zip(&first_bytes) {
        *named |= known;
    }
    KnownIndex {
        by_form,
        by_abbreviation,
        first_bytes,
        pairs,
        named_first_bytes,
    }
});

/// A known organisation: an abbreviation with or without a colon ending
/// (`STM`, `STM:n`), or one of a name's listed forms (`Kelan`). Inline, so
/// that the many words told by their first byte cost no call.
#[inline]
fn known(word: &str) -> Option<&'static str> {
    let index = &*KNOWN_INDEX;
    // A word and the part of it before a colon start with one byte (or the
    // part is empty, which a key can be only if all bytes are let through).
    if let Some(&b) = word.as_bytes().first()
        && !index.first_bytes[usize::from(b)]
    {
        return None;
    }
    // Nor is a word whose first two bytes no key has: a form is the whole
    // word, and the part before a colon starts with both bytes unless the
    // second is the colon, when the part is one byte long (which only a
    // key of one byte, [`ByteSet::ALL`], lets through).
    if let [first, second, ..] = *word.as_bytes()
        && second != b':'
        && !index.pairs[usize::from(first)].contains(second)
    {
        return None;
    }
    known_in(index, word)
}

/// [`known`] for a word its first byte let through: looked up by form and
/// by abbreviation. Out of line, as few words get here.
#[inline(never)]
fn known_in(index: &KnownIndex, word: &str) -> Option<&'static str> {
    let as_form = index.by_form.get(word).copied();
    let as_abbreviation = index.by_abbreviation.get(before_colon(word)).copied();
    let first = match (as_form, as_abbreviation) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    KNOWN.get(first).map(|(name, _)| *name)
}

/// Whether `w` can be a genitive that names whose organisation it is: a
/// word ending in `-n` (`Raahen`, `Pirkanmaan`, `Keski-Suomen`, `seudun`,
/// `terveyspalvelujen`). Verbs also end so (`valmistellaan`); an owner
/// phrase is therefore trimmed to begin with a capital.
fn is_genitive(w: &Word<'_>) -> bool {
    w.text.ends_with('n') && w.text.chars().count() > 2 && !w.text.contains(':')
}

/// A capitalised genitive: an owner in a coordination (`Lapin`,
/// `Länsi-Pohjan`).
fn is_proper_genitive(w: &Word<'_>) -> bool {
    w.is_capitalised() && is_genitive(w)
}

/// The owner phrase before a head phrase that begins at `ws[h]`.
struct Owner {
    /// Index of its first word; `h` when there is none.
    start: usize,
    /// The single-word owners coordinated by a full `ja` (`Lapin ja
    /// Länsi-Pohjan`, `Helsingin ja Uudenmaan`), left to right.
    conjuncts: Vec<usize>,
}

/// The genitives before `ws[h]` that name whose organisation it is
/// (`Raahen seudun`, `Kymenlaakson sosiaali- ja terveyspalvelujen`,
/// `Helsingin ja Uudenmaan`), trimmed to begin with a capital. Owners
/// coordinated by a full `ja` are taken for a plural head when they are
/// capitalised, also in a comma list (`Lapin, Kainuun ja Länsi-Pohjan
/// sairaanhoitopiirit` names three); for a singular head only when both are
/// places (`Helsingin ja Uudenmaan sairaanhoitopiiri` is one), as in
/// `Kymsoten ja Kymenlaakson liiton` the first is an organisation of its
/// own. A coordination never begins inside the previous organisation,
/// `claimed` (`Kuntayhtymä Kaksineuvoisen ja Kuusiokuntien …kuntayhtymän`
/// names two).
fn owner_chain(ws: &[Word<'_>], h: usize, plural: bool, claimed: &Range<usize>) -> Owner {
    let mut first = h;
    let mut conjuncts = Vec::new();
    while first > 0 && h - first < MAX_OWNER_WORDS && joined_to_previous(&ws[first]) {
        let candidate = &ws[first - 1];
        if is_compound_coordination(candidate) {
            // `sosiaali- ja terveyspalvelujen`: the first part belongs.
            if first < 2 {
                break;
            }
            first -= 2;
            continue;
        }
        if candidate.text == "ja" {
            // `Helsingin ja Uudenmaan`: only owners of one word each.
            let owners_ok = first >= 2
                && !claimed.contains(&(first - 2))
                && is_proper_genitive(&ws[first])
                && is_proper_genitive(&ws[first - 2])
                && (plural || (is_place(&ws[first]) && is_place(&ws[first - 2])));
            let full = first < h && owners_ok && candidate.follows_closely();
            if !full {
                break;
            }
            conjuncts.push(first);
            first -= 2;
            conjuncts.push(first);
            // `Lapin, Kainuun ja Länsi-Pohjan sairaanhoitopiirit`.
            while plural
                && first > 0
                && conjuncts.len() < MAX_CONJUNCTS
                && is_list_comma(ws[first].gap)
            {
                if !is_proper_genitive(&ws[first - 1]) {
                    break;
                }
                first -= 1;
                conjuncts.push(first);
            }
            break;
        }
        if !is_genitive(candidate) {
            break;
        }
        first -= 1;
    }
    conjuncts.reverse();
    // Trim to the first capital; a coordination left out is dropped.
    while first < h && !ws[first].is_capitalised() {
        first += 1;
    }
    if conjuncts.first().is_some_and(|&c| c < first) {
        conjuncts.clear();
    }
    Owner {
        start: first,
        conjuncts,
    }
}

/// Whether a word is a form of a known place (`Uudenmaan`).
fn is_place(w: &Word<'_>) -> bool {
    lookup(w.text).is_some()
}

/// Whether a gap is the comma of a list (`Lapin, Kainuun`): a comma and
/// space, on one line.
fn is_list_comma(gap: &str) -> bool {
    gap.strip_prefix(',')
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c == ' ' || c == '\u{A0}'))
}

/// The head word in its basic form as written: the compound's first part
/// kept (`sosiaali` + `kuntayhtymä`), and a capital kept on a head that is
/// the whole word (`Kuntayhtymä`).
fn head_word(w: &Word<'_>, prefix: &str, basic: &str) -> String {
    if prefix.is_empty() && w.is_capitalised() {
        let mut chars = basic.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    } else {
        format!("{prefix}{basic}")
    }
}

/// Whether a first part names something by itself: a capital past its
/// first letter or a digit (`HUS-`, `Eksote`), or a capital that does not
/// just start the sentence (`Keusote-`).
fn is_proper(w: &Word<'_>, part: &str) -> bool {
    part.chars().any(|c| c.is_ascii_digit())
        || part.chars().skip(1).any(char::is_uppercase)
        || (part.chars().next().is_some_and(char::is_uppercase) && !w.starts_sentence())
}

/// The basic form of a joint authority's own name standing in apposition
/// to its head (`kuntayhtymä Kaksineuvoisen` → `Kaksineuvoinen`,
/// `Peruspalvelukuntayhtymä Selänne`). The name agrees with a genitive
/// head, or stands in the nominative or genitive after a nominative one;
/// other cases, places and heads are not taken, nor a person's name (a
/// second capital follows), nor a
/// genitive whose nominative is not certain (`Selänteen`).
fn apposition(headed: &HeadedWords<'_>, i: usize, form: HeadForm) -> Option<String> {
    let ws = &headed.words;
    let w = ws.get(i + 1)?;
    if !w.is_capitalised() || !joined_to_previous(w) || !w.follows_closely() {
        return None;
    }
    let text = w.text;
    let plain = text
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || is_combining_mark(c));
    if !plain || lookup(text).is_some() || known(text).is_some() || headed.head(i + 1).is_some() {
        return None;
    }
    // `Kuntayhtymän Anna Virtanen`: a second capital makes it a person.
    if ws
        .get(i + 2)
        .is_some_and(|n| n.is_capitalised() && n.follows_closely() && joined_to_previous(n))
    {
        return None;
    }
    let genitive = genitive_to_nominative(text);
    match form {
        HeadForm::Genitive => genitive,
        HeadForm::Nominative => genitive.or_else(|| {
            let ends_in_case =
                text.ends_with('n') || CASE_ENDINGS.iter().any(|e| text.ends_with(e));
            (!ends_in_case || text.ends_with("nen")).then(|| text.to_owned())
        }),
        HeadForm::Singular | HeadForm::Plural => None,
    }
}

/// The nominative of a genitive name where it is certain: `-isen` →
/// `-inen` (`Kaksineuvoisen`), a short vowel + `n` → the vowel (`Kallion`,
/// `Soiten`). `None` for other words (`Selänteen`, `Karviainen`).
fn genitive_to_nominative(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("isen") {
        return (stem.chars().count() >= 2).then(|| format!("{stem}inen"));
    }
    if word.ends_with("nen") {
        return None;
    }
    let stem = word.strip_suffix('n')?;
    let mut back = stem.chars().rev();
    let (last, before) = (back.next()?, back.next()?);
    let vowel = |c: char| "aeiouyäö".contains(c);
    (vowel(last) && last != before && stem.chars().count() >= 3).then(|| stem.to_owned())
}

/// Combining marks (`a` + U+0308) inside a word.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// One organisation mention: the words it covers and the names it gives
/// (two or more for a plural head after coordinated owners).
struct Mention {
    first: usize,
    last: usize,
    names: Vec<String>,
}

impl Mention {
    fn one(first: usize, last: usize, name: String) -> Self {
        Self {
            first,
            last,
            names: vec![name],
        }
    }
}

/// An organisation ending at `ws[i]` or at the name in apposition after it.
/// `claimed` are the words of the previous organisation after its first.
fn organization_at(
    headed: &HeadedWords<'_>,
    i: usize,
    text: &str,
    claimed: &Range<usize>,
) -> Option<Mention> {
    let ws = &headed.words;
    let w = &ws[i];
    if let Some(form) = legal_form(w.text) {
        let mut first = phrase_start(ws, i, MAX_NAME_WORDS, |x| is_name_word(x.text));
        // A capital that only starts the sentence says nothing: in
        // `Sopimus Vimana Oy:n kanssa` the name is `Vimana Oy`.
        if first + 1 < i && ws[first].starts_sentence() {
            first += 1;
        }
        if first == i {
            return None;
        }
        let owner = text.get(ws[first].start..ws[i - 1].end())?;
        return Some(Mention::one(first, i, format!("{} {form}", tidy(owner))));
    }
    if let Some(name) = known(w.text) {
        return Some(Mention::one(i, i, name.to_owned()));
    }
    let head = headed.head(i)?;
    if head.group != HeadGroup::Organization || !w.text.is_char_boundary(head.at) {
        return None;
    }
    let prefix = &w.text[..head.at];
    let word = head_word(w, prefix, head.basic);
    if NOT_ORGANIZATIONS.contains(&word.to_lower().as_str())
        || (prefix.is_empty() && NEEDS_COMPOUND.contains(&head.basic))
    {
        return None;
    }
    if NEEDS_ABBREVIATION.contains(&head.basic) {
        let abbreviated = prefix.strip_suffix('-').is_some_and(|p| {
            p.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && !p.is_empty()
        });
        return abbreviated.then(|| Mention::one(i, i, word));
    }
    let plural = head.form == HeadForm::Plural;
    if prefix == "-" {
        return open_compound(ws, i, text, head.basic, plural, claimed);
    }
    // `sosiaali- ja terveysministeriö`: the coordinated first parts belong.
    let coordinated = i >= 2 && is_compound_coordination(&ws[i - 1]) && joined_to_previous(w);
    let h = if coordinated { i - 2 } else { i };
    let head_phrase = {
        let before = tidy(text.get(ws[h].start..w.start)?);
        if before.is_empty() {
            word
        } else {
            format!("{before} {word}")
        }
    };
    let owner = owner_chain(ws, h, plural, claimed);
    if owner.start < h {
        if plural {
            // `Lapin ja Länsi-Pohjan sairaanhoitopiireistä`: one each.
            if owner.conjuncts.len() < 2 {
                return None;
            }
            let tail = owner.conjuncts.last().map_or(h, |&c| c + 1);
            let rest = tidy(text.get(ws[tail.min(h)].start..ws[h].start)?);
            let names = owner
                .conjuncts
                .iter()
                .map(|&c| {
                    let mut name = ws[c].text.to_owned();
                    for part in [rest.as_str(), head_phrase.as_str()] {
                        if !part.is_empty() {
                            name.push(' ');
                            name.push_str(part);
                        }
                    }
                    name
                })
                .collect();
            return Some(Mention {
                first: owner.start,
                last: i,
                names,
            });
        }
        let before = tidy(text.get(ws[owner.start].start..ws[h].start)?);
        return Some(Mention::one(
            owner.start,
            i,
            format!("{before} {head_phrase}"),
        ));
    }
    if plural {
        return None;
    }
    let named_after = NAMED_AFTER.contains(&head.basic);
    if named_after && let Some(name) = apposition(headed, i, head.form) {
        return Some(Mention::one(h, i + 1, format!("{head_phrase} {name}")));
    }
    let first = &ws[h];
    let named = if NEEDS_FIRST_PART.contains(&head.basic) {
        !prefix.is_empty()
    } else if prefix.ends_with('-') {
        // `Keusote-kuntayhtymä`, `HUS-…`.
        is_proper(first, prefix)
    } else if named_after {
        false
    } else if first.is_capitalised() && (h < i || !prefix.is_empty()) {
        // `Kansaneläkelaitos`, `Digi- ja väestötietovirasto`; at the start
        // of a sentence only a place in the first part makes a name
        // (`Satakuntaliitto`).
        !first.starts_sentence() || (h == i && lookup(prefix).is_some())
    } else {
        false
    };
    named.then(|| Mention::one(h, i, head_phrase))
}

/// An open compound head (`Kainuun sote -kuntayhtymä`): the word before
/// the hyphen is the compound's first part, and a name when it or the
/// owner before it says so.
fn open_compound(
    ws: &[Word<'_>],
    i: usize,
    text: &str,
    basic: &str,
    plural: bool,
    claimed: &Range<usize>,
) -> Option<Mention> {
    if plural || i == 0 || !ws[i].follows_closely() || !joined_to_previous(&ws[i]) {
        return None;
    }
    let part = i - 1;
    let owner = owner_chain(ws, part, false, claimed);
    if owner.start == part && !is_proper(&ws[part], ws[part].text) {
        return None;
    }
    let name = tidy(text.get(ws[owner.start].start..ws[i].start + 1)?);
    Some(Mention::one(owner.start, i, format!("{name}{basic}")))
}

/// Every organisation in `text`, left to right.
///
/// ```
/// use sote_records::recognise::organization::find_organizations;
///
/// let found = find_organizations("Sopimus tehtiin Kuntien Tiera Oy:n ja STM:n kanssa.");
/// let names: Vec<_> = found.iter().map(|o| o.name.as_str()).collect();
/// assert_eq!(names, ["Kuntien Tiera Oy", "STM"]);
/// ```
pub fn find_organizations(text: &str) -> Vec<OrganizationMatch<'_>> {
    let headed = HeadedWords::new(text);
    find_organizations_in(text, &headed, &headed_indices(&headed))
}

/// The indices, ascending, of the words of `headed` that end in a head:
/// the `maybe` list [`find_organizations_in`] and
/// [`super::programme::find_programmes_in`] take, for words not split by
/// the pipeline's walk.
pub(crate) fn headed_indices(headed: &HeadedWords<'_>) -> Vec<u32> {
    (0..headed.words.len())
        .filter(|&i| headed.head(i).is_some())
        .filter_map(|i| u32::try_from(i).ok())
        .collect()
}

/// Whether word `w` may be a legal form or a known name ([`legal_form`],
/// [`known`]): each starts with one of a few bytes
/// ([`KnownIndex::named_first_bytes`]), and most words of a text start
/// with none of them (a lower-case letter).
fn may_be_named(index: &KnownIndex, w: &Word<'_>) -> bool {
    w.text
        .as_bytes()
        .first()
        .is_none_or(|&b| index.named_first_bytes[usize::from(b)])
}

/// [`find_organizations`] over the words of `text` already split and looked
/// up; the pipeline does that once for several recognisers. `maybe` holds,
/// ascending, the indices of every word that may end in a head (every word
/// whose [`HeadedWords::head`] is some, and maybe others): a word neither
/// there nor [`may_be_named`] starts no organisation
/// ([`organization_at`] asks for a legal form, a known name or a head), and
/// is passed over without being asked.
pub(crate) fn find_organizations_in<'t>(
    text: &'t str,
    headed: &HeadedWords<'t>,
    maybe: &[u32],
) -> Vec<OrganizationMatch<'t>> {
    let ws = &headed.words;
    let index = &*KNOWN_INDEX;
    let mut out: Vec<OrganizationMatch<'_>> = Vec::new();
    let mut heads = maybe.iter().map(|&k| k as usize).peekable();
    let mut i = 0;
    let mut claimed = 0..0;
    while i < ws.len() {
        // The next word that may end in a head, at or after `i`.
        while heads.next_if(|&k| k < i).is_some() {}
        let next_head = heads.peek().map_or(ws.len(), |&k| k.min(ws.len()));
        i = ws
            .get(i..next_head)
            .and_then(|between| between.iter().position(|w| may_be_named(index, w)))
            .map_or(next_head, |k| i + k);
        if i >= ws.len() {
            break;
        }
        let Some(mention) = organization_at(headed, i, text, &claimed) else {
            i += 1;
            continue;
        };
        let start = ws[mention.first].start;
        let end = ws[mention.last].end();
        // A longer name swallows a shorter one found inside it.
        while out.last().is_some_and(|o| o.span.start >= start) {
            out.pop();
        }
        for name in mention.names {
            out.push(OrganizationMatch {
                span: Span::new(start, end),
                text: &text[start..end],
                name,
            });
        }
        i = mention.last.max(i) + 1;
        claimed = mention.first + 1..i;
    }
    out
}

/// [`find_organizations_in`] asking [`organization_at`] of every word: the
/// loop before the words were passed over by their first byte and the
/// head list, the oracle of its test.
#[cfg(test)]
fn find_organizations_at_every_word<'t>(
    text: &'t str,
    headed: &HeadedWords<'t>,
) -> Vec<OrganizationMatch<'t>> {
    let ws = &headed.words;
    let mut out: Vec<OrganizationMatch<'_>> = Vec::new();
    let mut i = 0;
    let mut claimed = 0..0;
    while i < ws.len() {
        let Some(mention) = organization_at(headed, i, text, &claimed) else {
            i += 1;
            continue;
        };
        let start = ws[mention.first].start;
        let end = ws[mention.last].end();
        while out.last().is_some_and(|o| o.span.start >= start) {
            out.pop();
        }
        for name in mention.names {
            out.push(OrganizationMatch {
                span: Span::new(start, end),
                text: &text[start..end],
                name,
            });
        }
        i = mention.last.max(i) + 1;
        claimed = mention.first + 1..i;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_organisations_by_form_and_abbreviation() {
        assert_eq!(known("Kelan"), Some("Kela"));
        assert_eq!(known("Sitrassa"), Some("Sitra"));
        assert_eq!(known("STM:n"), Some("STM"));
        assert_eq!(known("HUS"), Some("HUS"));
        assert_eq!(known("HUS:ssa"), Some("HUS"));
        // A name with several forms is not an abbreviation: `Kela:n` is no form.
        assert_eq!(known("Kela:n"), None);
        assert_eq!(known("kela"), None);
        assert_eq!(known(""), None);
        assert_eq!(legal_form("Oy:n"), Some("Oy"));
        assert_eq!(legal_form("Oyj"), Some("Oyj"));
        assert_eq!(legal_form("Oy-"), None);
    }

    /// Words around the known names: every form and abbreviation whole,
    /// cut, lengthened and in other cases, with colon endings, and
    /// capitalised Finnish words that share their first letter.
    fn known_word() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let keys: Vec<&'static str> = KNOWN
            .iter()
            .flat_map(|(name, forms)| std::iter::once(*name).chain(forms.iter().copied()))
            .chain([
                "Kallio",
                "Kruunupyyn",
                "Saarinen",
                "Tuusniemen",
                "V",
                "S",
                "H",
                "Äänekoski",
            ])
            .collect();
        let key = prop::sample::select(keys);
        let ending = prop::sample::select(vec!["", ":n", ":ssa", ":", "n", "a", "-", "ä"]);
        (key, 0usize..20, ending, any::<bool>()).prop_map(|(key, cut, ending, lower)| {
            let end = (1..=key.len())
                .filter(|&e| key.is_char_boundary(e))
                .find(|&e| e >= key.len().saturating_sub(cut))
                .unwrap_or(key.len());
            let word = format!("{}{ending}", key.get(..end).unwrap_or(key));
            if lower { word.to_lowercase() } else { word }
        })
    }

    /// Announcement-like text around organisation and programme names:
    /// head forms alone, capitalised, compounded and after a hyphen,
    /// known names and abbreviations with colon endings, legal forms,
    /// capitalised genitives, coordinations and lower-case fillers,
    /// between spaces, commas, full stops and line ends.
    fn named_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let headed = crate::lexicon::heads::headed_words("sote");
        let other = prop::sample::select(vec![
            "Oy",
            "Oy:n",
            "Oyj",
            "ry",
            "ry:n",
            "Ab",
            "Tmi",
            "Osk",
            "Ky:n",
            "r.y",
            "Kuntien",
            "Tiera",
            "Vimana",
            "Kainuun",
            "Lapin",
            "Länsi-Pohjan",
            "Raahen",
            "Helsingin",
            "Uudenmaan",
            "Tulevaisuuden",
            "Kainuu",
            "2020",
            "ja",
            "sekä",
            "kanssa",
            "on",
            "rakenne",
            "sopimus",
            "Sopimus",
            "sosiaali-",
            "terveys",
            "ODA",
            "LAPE-",
            "Hanke",
            "osana",
            "Jäsen",
            "Lisäksi",
            "Äänekosken",
            ":n",
            "",
        ])
        .prop_map(str::to_owned);
        let word = prop_oneof![3 => headed, 2 => known_word(), 5 => other];
        let gap = prop::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", " -", "\u{A0}"]);
        proptest::collection::vec((word, gap), 0..40)
            .prop_map(|pieces| pieces.into_iter().map(|(w, g)| w + g).collect())
    }

    proptest::proptest! {
        /// Passing over the words that are neither in the head list nor
        /// start as a known name or legal form finds what asking every
        /// word finds: with the pipeline's gated head list and with every
        /// word looked up.
        #[test]
        fn passing_words_over_finds_what_asking_every_word_finds(text in named_text()) {
            let lowered = crate::text::LowerText::new(&text);
            let (_, words, maybe, _) = crate::recognise::body::tokens_and_words(&text);
            let gated = HeadedWords::of_gated_words(words, &maybe, &lowered);
            proptest::prop_assert_eq!(
                find_organizations_in(&text, &gated, &maybe),
                find_organizations_at_every_word(&text, &gated),
                "{:?}", text
            );
            let every = HeadedWords::new(&text);
            proptest::prop_assert_eq!(
                find_organizations_in(&text, &every, &headed_indices(&every)),
                find_organizations_at_every_word(&text, &every),
                "{:?}", text
            );
        }
    }

    /// Every form and abbreviation, with each colon ending and cut by a
    /// byte, is told by [`known`] as by the look-up alone.
    #[test]
    fn known_agrees_with_the_lookup_on_every_form() {
        for (name, forms) in KNOWN {
            for key in std::iter::once(name).chain(forms.iter()) {
                for ending in ["", ":n", ":", "x"] {
                    let word = format!("{key}{ending}");
                    let cut = key.get(..key.len() - 1).unwrap_or_default();
                    for w in [word.as_str(), cut] {
                        assert_eq!(known(w), known_in(&KNOWN_INDEX, w), "{w:?}");
                    }
                }
            }
        }
    }

    proptest::proptest! {
        /// [`known`] (first-byte and pair gates) finds what the look-up
        /// by form and abbreviation alone ([`known_in`]) finds.
        #[test]
        fn known_agrees_with_the_lookup(word in known_word(), other in proptest::prelude::any::<String>()) {
            for w in [word.as_str(), other.as_str()] {
                proptest::prop_assert_eq!(known(w), known_in(&KNOWN_INDEX, w), "{:?}", w);
            }
        }
    }

    /// Pieces of words around legal forms: the forms whole, cut and
    /// lengthened, colons at every place, Finnish letters, hyphens.
    fn legal_piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        let mut pieces: Vec<&'static str> = LEGAL_FORMS.to_vec();
        pieces.extend([
            ":", ":n", "n", "O", "y", "j", "r.", "ä", "Ö", "-", ".", " ", "Oy ", "abc", "kunta",
        ]);
        proptest::sample::select(pieces)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        #[test]
        fn legal_form_agrees_with_the_scan(
            pieces in proptest::collection::vec(legal_piece(), 0..5),
            noise in "[a-zA-Z:.äÖ]{0,8}",
        ) {
            for word in [pieces.concat(), noise] {
                proptest::prop_assert_eq!(legal_form(&word), legal_form_by_scan(&word), "{:?}", word);
            }
        }
    }

    #[test]
    fn legal_forms_with_endings() {
        for (word, form) in [
            ("Oyj:n", Some("Oyj")),
            ("Oyj:lle", Some("Oyj")),
            ("Abp:n", Some("Abp")),
            ("Oyja", None),
            ("Oyj-", None),
            ("Tmi", Some("Tmi")),
            ("Tmi:", Some("Tmi")),
            ("ry:n", Some("ry")),
        ] {
            assert_eq!(legal_form(word), form, "{word}");
        }
    }

    #[test]
    fn every_listed_form_and_abbreviation_is_known() {
        for (name, forms) in KNOWN {
            for form in *forms {
                assert!(known(form).is_some(), "{form}");
            }
            if forms.len() == 1 {
                assert!(known(&format!("{name}:n")).is_some(), "{name}:n");
            }
        }
        for word in ["kelan", "stm:n", ":n", "ÄÄ", "0"] {
            assert_eq!(known(word), None, "{word}");
        }
    }

    #[test]
    fn organization_rows() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "käyty keskusteluja Lapin Kuntapalvelut Oy:n kanssa",
                &[("Lapin Kuntapalvelut Oy:n", "Lapin Kuntapalvelut Oy")],
            ),
            (
                "Sopimus Vimana Oy:n kanssa",
                &[("Vimana Oy:n", "Vimana Oy")],
            ),
            (
                "Omaishoitajat ry järjesti",
                &[("Omaishoitajat ry", "Omaishoitajat ry")],
            ),
            (
                "avustusta STM:ltä ja THL:n tuella",
                &[("STM:ltä", "STM"), ("THL:n", "THL")],
            ),
            (
                "sosiaali- ja terveysministeriössä valmistellaan",
                &[(
                    "sosiaali- ja terveysministeriössä",
                    "sosiaali- ja terveysministeriö",
                )],
            ),
            (
                "valtiovarainministeriön ohje",
                &[("valtiovarainministeriön", "valtiovarainministeriö")],
            ),
            ("lähetettiin ministeriöön", &[]),
            (
                "Kokkolan seudun sosiaalikuntayhtymässä",
                &[(
                    "Kokkolan seudun sosiaalikuntayhtymässä",
                    "Kokkolan seudun sosiaalikuntayhtymä",
                )],
            ),
            (
                "Etelä-Savon sairaanhoitopiirin hallitus",
                &[(
                    "Etelä-Savon sairaanhoitopiirin",
                    "Etelä-Savon sairaanhoitopiiri",
                )],
            ),
            ("kunnat ja kuntayhtymät", &[]),
            ("Kelan etuudet", &[("Kelan", "Kela")]),
            ("Kuntaliiton mukaan", &[("Kuntaliiton", "Kuntaliitto")]),
            (
                "Keski-Suomen pelastuslaitos",
                &[("Keski-Suomen pelastuslaitos", "Keski-Suomen pelastuslaitos")],
            ),
            ("pelastuslaitokselta", &[]),
            ("Oy:n", &[]),
            ("Satakunnan Tulevaisuuden sote-keskus", &[]),
            (
                "Pirkanmaan ELY-keskuksen kanssa",
                &[("ELY-keskuksen", "ELY-keskus")],
            ),
            (
                "Tampereen yliopiston tutkijat",
                &[("Tampereen yliopiston", "Tampereen yliopisto")],
            ),
            // New heads: yhtymä, piiri, toimisto (with an abbreviation),
            // virasto, laitos.
            (
                "Kainuun sosiaali- ja terveysyhtymän hallitus",
                &[(
                    "Kainuun sosiaali- ja terveysyhtymän",
                    "Kainuun sosiaali- ja terveysyhtymä",
                )],
            ),
            (
                "yhteistyössä Itä-Savon sosiaali- ja terveyspiirin kanssa",
                &[(
                    "Itä-Savon sosiaali- ja terveyspiirin",
                    "Itä-Savon sosiaali- ja terveyspiiri",
                )],
            ),
            (
                "hakemus toimitetaan Kainuun TE-toimistoon",
                &[("TE-toimistoon", "TE-toimisto")],
            ),
            ("varattiin matkatoimistosta", &[]),
            ("Oulun vaalipiirin kansanedustajat", &[]),
            (
                "tietoja saadaan Kansaneläkelaitokselta",
                &[("Kansaneläkelaitokselta", "Kansaneläkelaitos")],
            ),
            (
                "tiedot haetaan Digi- ja väestötietovirastosta",
                &[(
                    "Digi- ja väestötietovirastosta",
                    "Digi- ja väestötietovirasto",
                )],
            ),
            (
                "Satakunnan sosiaali- ja terveyspalvelujen kuntayhtymässä",
                &[(
                    "Satakunnan sosiaali- ja terveyspalvelujen kuntayhtymässä",
                    "Satakunnan sosiaali- ja terveyspalvelujen kuntayhtymä",
                )],
            ),
            // The owner begins at its first capital, after a verb in -n.
            (
                "asiaa valmistellaan Keski-Suomen liiton kanssa",
                &[("Keski-Suomen liiton", "Keski-Suomen liitto")],
            ),
            // A name after the head.
            (
                "Perusturvakuntayhtymä Karviaisen edustajat",
                &[(
                    "Perusturvakuntayhtymä Karviaisen",
                    "Perusturvakuntayhtymä Karviainen",
                )],
            ),
            (
                "mukana on myös kuntayhtymä Kallio.",
                &[("kuntayhtymä Kallio", "kuntayhtymä Kallio")],
            ),
            (
                "sosiaali- ja terveyskuntayhtymän Jytan hallitus",
                &[(
                    "sosiaali- ja terveyskuntayhtymän Jytan",
                    "sosiaali- ja terveyskuntayhtymä Jyta",
                )],
            ),
            ("kuntayhtymä Kuopiossa", &[]),
            ("kuntayhtymän Anna Virtanen", &[]),
            ("Peruspalvelukuntayhtymä Selänteessä", &[]),
            ("peruspalvelukuntayhtymä aloittaa", &[]),
            ("Raportti.\nPeruspalvelukuntayhtymä aloittaa", &[]),
            (
                "Satakuntaliitto järjesti",
                &[("Satakuntaliitto", "Satakuntaliitto")],
            ),
            // An open compound.
            (
                "Keski-Uudenmaan sote -kuntayhtymän hallitus",
                &[(
                    "Keski-Uudenmaan sote -kuntayhtymän",
                    "Keski-Uudenmaan sote -kuntayhtymä",
                )],
            ),
            ("alueen sote -kuntayhtymä", &[]),
            // Coordinated owners: a plural head names each, a singular one.
            (
                "Kainuun ja Kymenlaakson liittojen edustajat",
                &[
                    ("Kainuun ja Kymenlaakson liittojen", "Kainuun liitto"),
                    ("Kainuun ja Kymenlaakson liittojen", "Kymenlaakson liitto"),
                ],
            ),
            (
                "Satakunnan, Vaasan ja Länsi-Pohjan sairaanhoitopiirit",
                &[
                    (
                        "Satakunnan, Vaasan ja Länsi-Pohjan sairaanhoitopiirit",
                        "Satakunnan sairaanhoitopiiri",
                    ),
                    (
                        "Satakunnan, Vaasan ja Länsi-Pohjan sairaanhoitopiirit",
                        "Vaasan sairaanhoitopiiri",
                    ),
                    (
                        "Satakunnan, Vaasan ja Länsi-Pohjan sairaanhoitopiirit",
                        "Länsi-Pohjan sairaanhoitopiiri",
                    ),
                ],
            ),
            (
                "Etelä-Savon ja Itä-Savon sairaanhoitopiirin kuntayhtymät",
                &[
                    (
                        "Etelä-Savon ja Itä-Savon sairaanhoitopiirin kuntayhtymät",
                        "Etelä-Savon sairaanhoitopiirin kuntayhtymä",
                    ),
                    (
                        "Etelä-Savon ja Itä-Savon sairaanhoitopiirin kuntayhtymät",
                        "Itä-Savon sairaanhoitopiirin kuntayhtymä",
                    ),
                ],
            ),
            ("Pohjois-Pohjanmaan kuntayhtymät", &[]),
            ("kunnat ja kuntayhtymät", &[]),
            (
                "Helsingin ja Uudenmaan sairaanhoitopiirin johtaja",
                &[(
                    "Helsingin ja Uudenmaan sairaanhoitopiirin",
                    "Helsingin ja Uudenmaan sairaanhoitopiiri",
                )],
            ),
            (
                "Soiten ja Pohjanmaan liiton kokous",
                &[("Pohjanmaan liiton", "Pohjanmaan liitto")],
            ),
            (
                "kuntayhtymä Oiva ja Vaasan sairaanhoitopiiri",
                &[
                    ("kuntayhtymä Oiva", "kuntayhtymä Oiva"),
                    ("Vaasan sairaanhoitopiiri", "Vaasan sairaanhoitopiiri"),
                ],
            ),
            ("HUS:n johtaja", &[("HUS:n", "HUS")]),
            ("Vaasan keskussairaalan psykiatrian laitos", &[]),
            (
                "Pyykönen Eila, Kuntayhtymä Kiuru\nLaine Pekka, Hämeen liitto",
                &[
                    ("Kuntayhtymä Kiuru", "Kuntayhtymä Kiuru"),
                    ("Hämeen liitto", "Hämeen liitto"),
                ],
            ),
            // A name never runs over a line.
            (
                "Ajankohtaista\nPirkanmaan liiton hallitus",
                &[("Pirkanmaan liiton", "Pirkanmaan liitto")],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<(&str, String)> = find_organizations(text)
                .into_iter()
                .map(|o| (o.text, o.name))
                .collect();
            let want: Vec<(&str, String)> =
                want.iter().map(|(t, n)| (*t, (*n).to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
