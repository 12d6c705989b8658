//! Governance body names: finds them in running Finnish and brings them back
//! to their basic form (`Strategisen johtoryhmän` → `Strateginen johtoryhmä`,
//! `väliaikaiselle valmistelutoimielimelle` → `väliaikainen
//! valmistelutoimielin`, `Vammaisten palvelut -ryhmän` → `Vammaisten
//! palvelut -ryhmä`).
//!
//! A name ends in a *head word* (`…ryhmä`, `…tiimi`, `…toimielin`,
//! `…valtuusto`, `…lautakunta`, …) in any case and number, alone or as the
//! last part of a compound (`sote-virkamieskoordinaatioryhmän`). The head's
//! form is looked up in a table of every inflected form, generated once from
//! the inflection classes in `src/lexicon/body_words.txt` (checked against
//! Voikko by `tools/check_body_words.py`); the head gives the body's kind.
//!
//! The hard part is the left edge of the name. From the head the scanner
//! walks left, word by word, and keeps:
//! - adjectives of the name-forming kind that agree with the head
//!   (`poliittisen ohjausryhmän`), turned into the nominative;
//! - a chain of genitive attributes naming the body's topic, kept as written
//!   (`Hyvinvoinnin ja terveyden edistämisen työryhmä`, `Maakunta- ja
//!   sote-uudistuksen johtoryhmä`, `Tietojohtamisen valmisteluryhmä`: a
//!   verbal noun in -minen is a noun, never an adjective), skipping a short
//!   parenthesis (`edistämisen (hyte) työryhmän`);
//! - for the space-hyphen construction (`ICT ja digi -työryhmä`), the phrase
//!   before the hyphen, back to its capital or its clause boundary; the same
//!   for a space-hyphen genitive inside the name, the programme or project
//!   the body belongs to (`Tulevaisuuden sote-keskus -hankkeen ohjausryhmä`,
//!   `Uusimaa 2019 -hankkeen johtoryhmä`, `Kainuun sote -kuntayhtymän
//!   yhtymähallitus`).
//!
//! It stops at a clause boundary (sentence end, comma, colon, line break), at
//! descriptive words, determiners, quantifiers and numerals (`aiemman`,
//! `kaikkien`, `seuraavassa`), at adjectives that govern a complement of
//! their own (`aluehallituksen alainen jaosto`, `lain mukainen`), at places
//! (`Päijät-Hämeen`) and at genitives that belong to something else in the
//! clause (`Asian`, `esityksen`). Owners (`maakunnan`, `hankkeen`,
//! `kuntien`) stop it too (`maakunnan johtoryhmä` → `johtoryhmä`), except
//! where they are part of a formal name: directly before a topic genitive of
//! the name (`hyvinvointialueen valmistelun ohjausryhmä`; the name ends
//! with the owner), coordinated with one (`kuntien ja henkilöstön
//! seurantaryhmä`), after a joint adjective (`kuntien ja hyvinvointialueen
//! yhteinen`), or written as a proper name (`LAPE-hankkeen ohjausryhmä`).
//! A capitalised word inside a sentence starts a formal name
//! (`asetti Asukasosallisuuden työryhmän`, `Soiten yhtymähallitus`) unless
//! it is a place or ends another proper name (`Tuija Kalliokosken`). Generic
//! heads (`ryhmille`, `tiimi`, `raati`, the Government's `hallitus`) are
//! bodies only with a compound part or an attribute; a `kokous` is a meeting
//! unless its members name a standing forum (`Kuntajohtajakokous`,
//! `puheenjohtajien kokous`).
//!
//! Everything is a hand-written scanner over a token list (nom parses the
//! abbreviation in parentheses): one pass, a bounded walk left from each
//! head, so the time is linear in the text.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::sync::LazyLock;
use std::thread::LocalKey;

use nom::bytes::complete::{take_while, take_while1};
use nom::character::complete::char as one_char;
use nom::combinator::verify;
use nom::sequence::delimited;
use nom::{IResult, Parser};

use crate::lexicon::cache::{ThreadCache, remembered};
use crate::lexicon::fx::{FxHashMap, FxHashSet};
use crate::lexicon::heads::{head_forms, head_tails};
use crate::lexicon::suffix::{
    EndTails, Keep, SPLIT_TAIL, SplitEndTails, SuffixTrie, SuffixTrieBuilder, fold_high_bytes,
    last_eight,
};
use crate::model::{BodyKind, Span};
use crate::text::{
    BLOCK, BYTES_PER_CAPITAL, HIGH, LowerText, ToLower, Word, Words, ascii_bytes_within,
    block_masks, capital_starts_into, char_at, equal, in_range, is_alphanumeric, is_latin1,
    is_space, padded_block, run_by_words, trim_end_space, trim_start_space,
};
use wide::u8x16;

/// The lexicon: inflection classes, head words, and the word lists around
/// them (see the file's header for sources and syntax).
const DATA: &str = include_str!("../lexicon/body_words.txt");

/// How many words left of a head a name may reach: the longest real names
/// (`Pohjois-Karjalan maakunta- ja sote-uudistuksen valmistelun johtoryhmä`)
/// use about eight; the bound keeps each walk, and so the scan, linear.
const MAX_LEFT_WORDS: usize = 10;

/// How many words a parenthesis inside a name may hold (`edistämisen (hyte)
/// työryhmän`).
const MAX_PAREN_WORDS: usize = 4;

/// The longest abbreviation accepted in parentheses after a name, in chars.
const MAX_ABBREVIATION_CHARS: usize = 12;

/// Enclitic particles that may follow a head inside its word
/// (`johtoryhmäkin`, `työryhmässäkään`): told by their bytes in
/// [`clitic_len`], which the tests compare with this list.
#[cfg(test)]
const CLITICS: &[&str] = &["kin", "kaan", "kään", "han", "hän"];

/// A grammatical case of Finnish, as a head word shows it.
///
/// The accusative has no forms of its own (it looks like the nominative or
/// the genitive) and is reported as one of those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Case {
    /// *johtoryhmä*, *johtoryhmät*.
    Nominative,
    /// *johtoryhmän*, *johtoryhmien*.
    Genitive,
    /// *johtoryhmää*, *johtoryhmiä*.
    Partitive,
    /// *johtoryhmässä* ("in").
    Inessive,
    /// *johtoryhmästä* ("from, about").
    Elative,
    /// *johtoryhmään* ("into").
    Illative,
    /// *johtoryhmällä* ("at, has").
    Adessive,
    /// *johtoryhmältä* ("from").
    Ablative,
    /// *johtoryhmälle* ("to, for").
    Allative,
    /// *johtoryhmänä* ("as").
    Essive,
    /// *johtoryhmäksi* ("into being").
    Translative,
    /// *johtoryhmättä* ("without").
    Abessive,
    /// *johtoryhmineen* ("with its …").
    Comitative,
    /// *johtoryhmin* ("by means of").
    Instructive,
}

impl Case {
    /// The English grammatical name in lower case (`"genitive"`), as the
    /// lexicon file writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Case::Nominative => "nominative",
            Case::Genitive => "genitive",
            Case::Partitive => "partitive",
            Case::Inessive => "inessive",
            Case::Elative => "elative",
            Case::Illative => "illative",
            Case::Adessive => "adessive",
            Case::Ablative => "ablative",
            Case::Allative => "allative",
            Case::Essive => "essive",
            Case::Translative => "translative",
            Case::Abessive => "abessive",
            Case::Comitative => "comitative",
            Case::Instructive => "instructive",
        }
    }

    /// The case named `name` (as [`Case::as_str`] writes it).
    fn from_name(name: &str) -> Option<Case> {
        CASES.iter().copied().find(|c| c.as_str() == name)
    }
}

/// Every case, for [`Case::from_name`].
const CASES: &[Case] = &[
    Case::Nominative,
    Case::Genitive,
    Case::Partitive,
    Case::Inessive,
    Case::Elative,
    Case::Illative,
    Case::Adessive,
    Case::Ablative,
    Case::Allative,
    Case::Essive,
    Case::Translative,
    Case::Abessive,
    Case::Comitative,
    Case::Instructive,
];

/// A governance body named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BodyMatch<'a> {
    /// Where the mention lies in the text (on char boundaries): from the first
    /// word of the name to the end of the head word.
    pub span: Span,
    /// The mention as written, `&text[span.start..span.end]`.
    pub text: &'a str,
    /// The name in the nominative basic form (`Strategisen johtoryhmän` →
    /// `Strateginen johtoryhmä`); singular even when the text is plural
    /// (`työryhmien` → `työryhmä`), with `plural` set. Words are separated by
    /// one space and dashes are written `-`; capitalisation follows the text.
    pub name: String,
    /// The kind of body, from the head word (the contract's table).
    pub kind: BodyKind,
    /// Whether the text speaks of several bodies (`työryhmien`, `seitsemän
    /// työryhmää`).
    pub plural: bool,
    /// The grammatical case the text used (so callers can tell `Johtoryhmän
    /// puheenjohtajana` (genitive) from `johtoryhmässä`).
    pub case: Case,
    /// An abbreviation in parentheses right after the name: `Strateginen
    /// johtoryhmä (SJR)`, with its span (without the parentheses).
    pub abbreviation: Option<(&'a str, Span)>,
}

/// Every governance body named in `text`, left to right, non-overlapping.
///
/// Generic mentions with a head word that names a kind of body on its own
/// (`Johtoryhmä kokoontui`, `työryhmissä`) are returned too, with the bare
/// head as the name, for the caller to merge as aliases of the body the
/// document is about. Heads that name no particular body without an
/// attribute (`ryhmille`, `tiimi`, `hallituksen esitys`, `seuraavassa
/// kokouksessa`) are not.
///
/// ```
/// use sote_records::recognise::body::{find_bodies, Case};
/// use sote_records::model::BodyKind;
///
/// let text = "Kaakkois-Suomen valmistelussa alueellisen ohjausryhmän (AOR) \
///             puheenjohtajana toimii Liisa Aaltonen.";
/// let bodies = find_bodies(text);
/// assert_eq!(bodies.len(), 1);
/// let body = &bodies[0];
/// assert_eq!(body.name, "alueellinen ohjausryhmä");
/// assert_eq!(body.text, "alueellisen ohjausryhmän");
/// assert_eq!(&text[body.span.start..body.span.end], body.text);
/// assert_eq!(body.kind, BodyKind::SteeringGroup);
/// assert_eq!(body.case, Case::Genitive);
/// assert_eq!(body.abbreviation.map(|(a, _)| a), Some("AOR"));
/// ```
pub fn find_bodies(text: &str) -> Vec<BodyMatch<'_>> {
    find_bodies_in(text, &LowerText::new(text))
}

/// [`find_bodies`] with the text's lower case made already.
pub(crate) fn find_bodies_in<'t>(text: &'t str, lowered: &LowerText) -> Vec<BodyMatch<'t>> {
    Scanner::new(text, lowered, false).scan()
}

/// [`find_bodies_in`] over the tokens [`tokens_and_words`] split already,
/// with the words the pipeline needs as well. The names are written in
/// the strings earlier matches gave back ([`recycle_names`]) while the
/// thread has any.
pub(crate) fn find_bodies_tokenized<'t>(
    text: &'t str,
    lowered: &LowerText,
    tokens: BodyTokens,
) -> Vec<BodyMatch<'t>> {
    let scanner = Scanner::with_tokens(text, lowered, tokens.tokens, Some(&tokens.maybe), false);
    scanner.spare_names.set(SPARE_NAMES.take());
    let found = scanner.scan();
    SPARE_NAMES.set(scanner.spare_names.take());
    found
}

/// The most name strings a thread keeps ([`SPARE_NAMES`]): more than a
/// long page's bodies, and little memory.
const MAX_SPARE_NAMES: usize = 256;

thread_local! {
    /// Strings of the names of the thread's earlier matches, given back
    /// by [`recycle_names`] for [`find_bodies_tokenized`] to write names in.
    static SPARE_NAMES: Cell<Vec<String>> = const { Cell::new(Vec::new()) };
}

/// Gives the name strings of `matches`, which the caller has done with,
/// to the thread's later [`find_bodies_tokenized`] (up to
/// [`MAX_SPARE_NAMES`]): an archive's pages name bodies page after page,
/// and a name written in a string kept makes no allocation.
pub(crate) fn recycle_names(matches: Vec<BodyMatch<'_>>) {
    let mut spare = SPARE_NAMES.take();
    let room = MAX_SPARE_NAMES.saturating_sub(spare.len());
    spare.extend(matches.into_iter().take(room).map(|m| m.name));
    SPARE_NAMES.set(spare);
}

/// The basic form and kind of one body-name phrase:
/// `basic_form("väliaikaiselle valmistelutoimielimelle") ==
/// Some(("väliaikainen valmistelutoimielin".into(), BodyKind::InterimBody))`.
///
/// The phrase should end with the head word; words before it that are not
/// part of the name are left out (`aiemman virkamiesjohtoryhmän` →
/// `virkamiesjohtoryhmä`). Since the caller says the phrase names a body, a
/// lone generic head is accepted too (`ryhmille` → `ryhmä`). `None` when the
/// phrase does not end in a body's head word.
pub fn basic_form(phrase: &str) -> Option<(String, BodyKind)> {
    let last_end = last_token_end(phrase)?;
    Scanner::new(phrase, &LowerText::new(phrase), true)
        .scan()
        .into_iter()
        .rev()
        .find(|m| m.span.end == last_end)
        .map(|m| (m.name, m.kind))
}

/// The kind of body a name in basic form denotes, by its head word (the
/// contract's table): `body_kind("sote-virkamieskoordinaatioryhmä") ==
/// BodyKind::CoordinationGroup`. A name whose last word is no head (or a
/// compound that names no body, such as `kohderyhmä`) is `Other`.
pub fn body_kind(name: &str) -> BodyKind {
    let lex = &*LEXICON;
    let lower = name.to_lower();
    if let Some(kind) = lex.kind_override(&lower) {
        return kind;
    }
    let Some(last) = lower.split(is_space).rfind(|w| !w.is_empty()) else {
        return BodyKind::Other;
    };
    let word = last.trim_start_matches(is_dash);
    lex.longest_head_form(word)
        .and_then(|(_, form)| lex.heads.get(form.head))
        .and_then(|head| head.kind)
        .unwrap_or(BodyKind::Other)
}

/// A noun phrase in the genitive back to the nominative, for listing
/// headings `<X> kokous 13.9.2017` where X names the body without a head
/// word: `Ympäristöterveydenhuollon` → `Ympäristöterveydenhuolto`,
/// `Vammaisten palvelujen` → `Vammaisten palvelut`, `Sote-tiimin` →
/// `Sote-tiimi`.
///
/// Only the last word is the head of the phrase; the words before it are
/// its genitive attributes and stay as written, except singular agreeing
/// adjectives (`Sosiaalisen kuntoutuksen` → `Sosiaalinen kuntoutus`). A
/// plural `-isten` before a plural head stays as written, since it usually
/// names people (`Vammaisten palvelut`). The last word is read as a body
/// head, a place (`Oulun` → `Oulu`), or by the genitive ending rules of the
/// lexicon (consonant gradation undone: `huollon` → `huolto`, `tuotannon` →
/// `tuotanto`). `None` when the last word is not a genitive or its
/// nominative cannot be told from its ending (`kuntien`).
pub fn genitive_to_nominative(phrase: &str) -> Option<String> {
    let lex = &*LEXICON;
    let words = words_of(phrase);
    let (&last, before) = words.split_last()?;
    let (nominative, plural) = lex.genitive_word_to_nominative(last)?;
    let mut out: Vec<String> = before
        .iter()
        .map(|w| normalise_dashes(w).into_owned())
        .collect();
    if !plural {
        for (i, word) in before.iter().enumerate().rev() {
            let Some(lemma) = lex.agreeing_adjective_lemma(word, Case::Genitive, false) else {
                break;
            };
            if let Some(slot) = out.get_mut(i) {
                *slot = with_case_of_owned(word, lemma);
            }
        }
    }
    out.push(nominative);
    Some(out.join(" "))
}

/// The nominative plural of a body name in basic form, as texts refer to
/// several bodies at once: `työryhmä` → `työryhmät`, `poliittinen
/// ohjausryhmä` → `poliittiset ohjausryhmät`, `sote-uudistuksen
/// valmistelutyöryhmä` → `sote-uudistuksen valmistelutyöryhmät`.
///
/// The head and the name-forming adjectives right before it are made
/// plural; genitive attributes stay as they are. `None` when the name does
/// not end in a head word in the nominative singular.
pub fn nominative_plural(name: &str) -> Option<String> {
    let lex = &*LEXICON;
    let words = words_of(name);
    let (&last, before) = words.split_last()?;
    let head_plural = lex.plural_of_head(last)?;
    let mut out: Vec<String> = before.iter().map(|w| (*w).to_string()).collect();
    for (i, word) in before.iter().enumerate().rev() {
        let Some(plural) = lex.plural_of_adjective(word) else {
            break;
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = plural;
        }
    }
    out.push(head_plural);
    Some(out.join(" "))
}

// ---------------------------------------------------------------------------
// Lexicon

/// When a head word may stand without a compound part or an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bare {
    /// Always a body (`Johtoryhmä`).
    Yes,
    /// Only with a compound part or an attribute (`Sote-tiimi`).
    No,
    /// A meeting unless its members name a forum (`Kuntajohtajakokous`).
    Members,
}

/// One head word (or a blocked compound of one).
#[derive(Debug, Clone)]
struct Head {
    /// Nominative singular.
    nominative: String,
    /// Nominative plural.
    plural: String,
    /// The kind of body; `None` for compounds that name no body.
    kind: Option<BodyKind>,
    /// When the head may stand alone.
    bare: Bare,
    /// Its inflection class (a name in the data file) and vowel harmony.
    class: String,
    back: bool,
}

/// One inflected form of a head.
#[derive(Debug, Clone, Copy)]
struct HeadForm {
    /// Index into [`Lexicon::heads`].
    head: usize,
    case: Case,
    plural: bool,
}

/// One reading of an inflected name adjective.
#[derive(Debug, Clone)]
struct AdjForm {
    lemma: String,
    case: Case,
    plural: bool,
    participle: bool,
}

/// An inflection class: what to strip from the nominative, then the endings.
#[derive(Debug, Clone, Default)]
struct Class {
    strip: String,
    endings: Vec<(String, Case, bool)>,
}

/// A word pattern: a whole word, or (`*ending`) any word with that ending.
#[derive(Debug, Clone)]
enum Pattern {
    Exact(String),
    Ending(String),
}

impl Pattern {
    fn parse(s: &str) -> Pattern {
        match s.strip_prefix('*') {
            Some(ending) => Pattern::Ending(ending.to_string()),
            None => Pattern::Exact(s.to_string()),
        }
    }

    /// Whether the -inen lemma `{stem}nen` is the pattern's word (or ends
    /// with its ending, and is longer), without building the lemma.
    fn matches_lemma(&self, stem: &str) -> bool {
        const NEN: &str = "nen";
        let len = stem.len() + NEN.len();
        match self {
            Pattern::Exact(w) => w.len() == len && w.starts_with(stem) && w.ends_with(NEN),
            Pattern::Ending(e) => {
                len > e.len()
                    && match e.strip_suffix(NEN) {
                        Some(before) => stem.ends_with(before),
                        None => NEN.ends_with(e.as_str()),
                    }
            }
        }
    }
}

/// A genitive-to-nominative ending rule.
#[derive(Debug, Clone)]
struct GenitiveRule {
    ending: String,
    whole_word: bool,
    /// `None`: the nominative cannot be told.
    replacement: Option<String>,
}

/// Which plain word lists a lower-case word is on, as bits: one look-up
/// answers what the scanner asks of a word (descriptive? a conjunction? a
/// generic genitive?) instead of one a list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Listed(u8);

impl Listed {
    /// A listed descriptive form or a numeral.
    const DESCRIPTIVE: u8 = 1;
    const CONJUNCTION: u8 = 1 << 1;
    const GENERIC: u8 = 1 << 2;
    /// A form of a listed name adjective (a key of `adjectives`).
    const ADJECTIVE: u8 = 1 << 3;

    fn is(self, list: u8) -> bool {
        self.0 & list != 0
    }
}

/// The compiled lexicon (see [`DATA`]).
#[derive(Debug, Default)]
struct Lexicon {
    heads: Vec<Head>,
    /// Every inflected form of every head, while the lexicon is built.
    head_forms: FxHashMap<String, HeadForm>,
    /// The same forms, searched from the end of a word.
    head_endings: SuffixTrie<HeadForm>,
    /// The last bytes of the head forms (see [`SplitEndTails`]): most words are
    /// told to end in no head form without walking `head_endings`.
    head_tails: SplitEndTails,
    adjectives: FxHashMap<String, Vec<AdjForm>>,
    adjective_plurals: FxHashMap<String, String>,
    /// The productive -inen endings (after the stem's `i`): ending, case, plural.
    inen_endings: Vec<(String, Case, bool)>,
    /// The byte length of the longest of `inen_endings`.
    max_inen_ending: usize,
    /// `inen_endings` searched from the end of a word: each ending's
    /// readings, in the order of `inen_endings`.
    inen_trie: SuffixTrie<Vec<(Case, bool)>>,
    joint: FxHashSet<String>,
    /// Descriptive -inen lemmas by ending (`*mainen`).
    descriptive_patterns: Vec<Pattern>,
    /// Descriptive -inen lemmas listed whole, by stem: `edelli` for
    /// `edellinen` (see [`Lexicon::first_inen_reading`]).
    descriptive_stems: FxHashSet<String>,
    numerals: FxHashSet<String>,
    /// -inen words that are nouns, never agreeing adjectives: people
    /// (`vammainen`) and verbal nouns (`johtaminen`).
    inen_nouns: Vec<Pattern>,
    owners: Vec<String>,
    /// `owners`, searched from the end of a word.
    owner_endings: SuffixTrie<()>,
    /// The last bytes of `owners` (see [`EndTails`]): most genitives end
    /// in no owner, told without walking `owner_endings`.
    owner_tails: EndTails,
    objects: Vec<String>,
    /// `objects`, searched from the end of a word.
    object_endings: SuffixTrie<()>,
    /// The last bytes of `objects`, as `owner_tails` of `owners`.
    object_tails: EndTails,
    forum_members: Vec<String>,
    forum_member_genitives: Vec<String>,
    kind_overrides: Vec<(String, BodyKind)>,
    /// The last word of each of `kind_overrides`, once each.
    kind_override_ends: Vec<String>,
    /// The byte length of the longest of `kind_override_ends`: how much of
    /// a name's end [`Lexicon::kind_override_of`] needs in Latin-1 to rule
    /// the name out without lowering it.
    kind_override_end_len: usize,
    /// The descriptive forms, numerals, conjunctions and generic genitives,
    /// in one map (see [`Listed`]).
    listed: FxHashMap<String, Listed>,
    genitive_rules: Vec<GenitiveRule>,
    /// For each ending of `genitive_rules`, its rules' indexes in order.
    genitive_endings: SuffixTrie<Vec<usize>>,
}

/// Most -inen endings one word can end in at once (`-sen`, `-isen`…): no
/// more than the longest ending has bytes.
const MAX_NESTED_ENDINGS: usize = 16;

/// The lexicon, compiled once from [`DATA`].
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(DATA));

/// The last bytes of the body head forms and of the head forms of
/// [`crate::lexicon::heads`] together: most plain words end in neither,
/// told by one look at this set ([`plain_may_end_in_head`]) where each
/// set on its own took one.
static ANY_HEAD_TAILS: LazyLock<SplitEndTails> = LazyLock::new(|| {
    SplitEndTails::of(
        LEXICON
            .head_forms
            .keys()
            .map(String::as_str)
            .chain(head_forms()),
    )
});

/// One section of the data file: its name, its header arguments, its rows.
type Section<'d> = (&'d str, Vec<&'d str>, Vec<Vec<&'d str>>);

/// Splits the data file into sections; comments and blank lines dropped.
fn sections(data: &str) -> Vec<Section<'_>> {
    let mut out: Vec<Section<'_>> = Vec::new();
    for raw in data.lines() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let mut fields = header.split_whitespace();
            let name = fields.next().unwrap_or("");
            out.push((name, fields.collect(), Vec::new()));
        } else if let Some((_, _, rows)) = out.last_mut() {
            rows.push(line.split_whitespace().collect());
        }
    }
    out
}

/// `ending` with the harmony placeholders A, O, U written as back or front
/// vowels.
fn harmonise(ending: &str, back: bool) -> String {
    let mut out = String::with_capacity(harmonised_len(ending));
    push_harmonised(&mut out, ending, back);
    out
}

/// The most bytes [`harmonise`] makes of `ending`: a front vowel takes two
/// bytes where its placeholder takes one.
fn harmonised_len(ending: &str) -> usize {
    2 * ending.len()
}

/// Appends [`harmonise`] of `ending` to `out`.
fn push_harmonised(out: &mut String, ending: &str, back: bool) {
    out.extend(ending.chars().map(|c| match (c, back) {
        ('A', true) => 'a',
        ('A', false) => 'ä',
        ('O', true) => 'o',
        ('O', false) => 'ö',
        ('U', true) => 'u',
        ('U', false) => 'y',
        (c, _) => c,
    }));
}

/// Every form of `word` in `class`: (form, case, plural). Each form is
/// written once into a string of its final size (the lexicon makes some
/// thousands of them at start-up).
fn inflect(word: &str, class: &Class, back: bool) -> Vec<(String, Case, bool)> {
    let strip = harmonise(&class.strip, back);
    let Some(stem) = word.strip_suffix(strip.as_str()) else {
        return Vec::new();
    };
    class
        .endings
        .iter()
        .map(|(ending, case, plural)| {
            let mut form = String::with_capacity(stem.len() + harmonised_len(ending));
            form.push_str(stem);
            push_harmonised(&mut form, ending, back);
            (form, *case, *plural)
        })
        .collect()
}

/// The [`inflect`] that wrote each form through `format!`, kept as the
/// oracle its tests compare with.
#[cfg(test)]
fn inflect_by_format(word: &str, class: &Class, back: bool) -> Vec<(String, Case, bool)> {
    let harmonise = |ending: &str| -> String {
        ending
            .chars()
            .map(|c| match (c, back) {
                ('A', true) => 'a',
                ('A', false) => 'ä',
                ('O', true) => 'o',
                ('O', false) => 'ö',
                ('U', true) => 'u',
                ('U', false) => 'y',
                (c, _) => c,
            })
            .collect()
    };
    let strip = harmonise(&class.strip);
    let Some(stem) = word.strip_suffix(strip.as_str()) else {
        return Vec::new();
    };
    class
        .endings
        .iter()
        .map(|(ending, case, plural)| (format!("{stem}{}", harmonise(ending)), *case, *plural))
        .collect()
}

impl Lexicon {
    /// Builds the lexicon; malformed rows are skipped (the data is checked by
    /// the tests and by `tools/check_body_words.py`).
    fn parse(data: &str) -> Lexicon {
        let sections = sections(data);
        let classes = Self::classes(&sections);
        let mut lex = Lexicon::default();
        if let Some(inen) = classes.get("inen") {
            lex.inen_endings = Self::productive_endings(inen);
            lex.max_inen_ending = lex
                .inen_endings
                .iter()
                .map(|e| e.0.len())
                .max()
                .unwrap_or(0);
        }
        for (name, _, rows) in &sections {
            lex.add_section(name, rows, &classes);
        }
        let key_bytes = lex.head_forms.keys().map(String::len).sum();
        let mut endings = SuffixTrieBuilder::with_capacity(Keep::First, key_bytes);
        for (form, head) in &lex.head_forms {
            endings.insert(form, *head);
        }
        lex.head_endings = endings.build();
        lex.head_tails = SplitEndTails::of(lex.head_forms.keys().map(String::as_str));
        lex.inen_trie = Self::grouped_endings(
            lex.inen_endings
                .iter()
                .map(|(ending, case, plural)| (ending.as_str(), (*case, *plural))),
        );
        lex.kind_override_ends = lex.kind_override_ends();
        lex.kind_override_end_len = lex
            .kind_override_ends
            .iter()
            .map(String::len)
            .max()
            .unwrap_or(0);
        lex.owner_endings = Self::ending_set(&lex.owners);
        lex.object_endings = Self::ending_set(&lex.objects);
        lex.owner_tails = EndTails::of(lex.owners.iter().map(String::as_str));
        lex.object_tails = EndTails::of(lex.objects.iter().map(String::as_str));
        lex.genitive_rules
            .sort_by_key(|r| std::cmp::Reverse(r.ending.len()));
        lex.genitive_endings = Self::grouped_endings(
            lex.genitive_rules
                .iter()
                .enumerate()
                .map(|(i, r)| (r.ending.as_str(), i)),
        );
        lex
    }

    /// The inflection classes of the data file, by name.
    fn classes(sections: &[Section<'_>]) -> HashMap<String, Class> {
        let mut classes = HashMap::new();
        for (name, args, rows) in sections {
            if *name != "inflection" {
                continue;
            }
            let (Some(class_name), Some(strip)) = (args.first(), args.get(1)) else {
                continue;
            };
            let endings = rows
                .iter()
                .filter_map(|row| match row.as_slice() {
                    [ending, case, number, ..] => {
                        Some((ending.to_string(), Case::from_name(case)?, *number == "pl"))
                    }
                    _ => None,
                })
                .collect();
            classes.insert(
                class_name.to_string(),
                Class {
                    strip: strip.to_string(),
                    endings,
                },
            );
        }
        classes
    }

    /// Puts `word` on the word list `list` (see [`Listed`]).
    fn list(&mut self, word: String, list: u8) {
        self.listed.entry(word).or_default().0 |= list;
    }

    /// The last words of the kind overrides, without repeats.
    fn kind_override_ends(&self) -> Vec<String> {
        let mut ends: Vec<String> = Vec::new();
        for (words, _) in &self.kind_overrides {
            let last = words.rsplit(' ').next().unwrap_or(words);
            if !ends.iter().any(|e| e == last) {
                ends.push(last.to_string());
            }
        }
        ends
    }

    /// Endings with values, searchable by word end: each ending with all
    /// its values, in list order.
    fn grouped_endings<'e, T>(
        entries: impl IntoIterator<Item = (&'e str, T)>,
    ) -> SuffixTrie<Vec<T>> {
        let mut grouped: HashMap<&str, Vec<T>> = HashMap::new();
        for (ending, value) in entries {
            grouped.entry(ending).or_default().push(value);
        }
        let key_bytes = grouped.keys().map(|e| e.len()).sum();
        let mut trie = SuffixTrieBuilder::with_capacity(Keep::First, key_bytes);
        for (ending, values) in grouped {
            trie.insert(ending, values);
        }
        trie.build()
    }

    /// A word list searchable by word end.
    fn ending_set(words: &[String]) -> SuffixTrie<()> {
        let key_bytes = words.iter().map(String::len).sum();
        let mut trie = SuffixTrieBuilder::with_capacity(Keep::First, key_bytes);
        for w in words {
            trie.insert(w, ());
        }
        trie.build()
    }

    /// The -inen endings after the stem's `i` (`sen`, `sessa`, `sessä`, …),
    /// in both harmonies, longest first.
    fn productive_endings(class: &Class) -> Vec<(String, Case, bool)> {
        let mut endings: Vec<(String, Case, bool)> = class
            .endings
            .iter()
            .flat_map(|(ending, case, plural)| {
                [true, false].map(|back| (harmonise(ending, back), *case, *plural))
            })
            .collect();
        endings.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        endings.dedup();
        endings
    }

    fn add_section(&mut self, name: &str, rows: &[Vec<&str>], classes: &HashMap<String, Class>) {
        for row in rows {
            match name {
                "heads" => self.add_head(row, classes),
                "not_bodies" => self.add_not_body(row, classes),
                "name_adjectives" => self.add_adjective(row, classes),
                "descriptive" => self.add_descriptive(row, classes),
                _ => self.add_list_entry(name, row),
            }
        }
    }

    /// Rows of the plain word-list sections.
    fn add_list_entry(&mut self, section: &str, row: &[&str]) {
        let Some(&word) = row.first() else { return };
        let word = word.to_string();
        match section {
            "joint_adjectives" => {
                self.joint.insert(word);
            }
            "numerals" => {
                self.list(word.clone(), Listed::DESCRIPTIVE);
                self.numerals.insert(word);
            }
            "person_nouns" | "inen_nouns" => self.inen_nouns.push(Pattern::parse(&word)),
            "owner_genitives" => self.owners.push(word),
            "object_genitives" => self.objects.push(word),
            "generic_genitives" => self.list(word, Listed::GENERIC),
            "conjunctions" => self.list(word, Listed::CONJUNCTION),
            "forum_members" => self.forum_members.push(word),
            "forum_member_genitives" => self.forum_member_genitives.push(word),
            "kind_overrides" => self.add_kind_override(row),
            "genitive_endings" => self.add_genitive_rule(row),
            _ => {}
        }
    }

    fn add_kind_override(&mut self, row: &[&str]) {
        if let Some((kind, words)) = row.split_last()
            && let Some(kind) = BodyKind::from_name(kind)
        {
            self.kind_overrides.push((words.join(" "), kind));
        }
    }

    fn add_genitive_rule(&mut self, row: &[&str]) {
        let [ending, replacement, ..] = row else {
            return;
        };
        let (ending, whole_word) = match ending.strip_prefix('=') {
            Some(word) => (word, true),
            None => (*ending, false),
        };
        let replacement = match *replacement {
            "?" => None,
            "-" => Some(String::new()),
            r => Some(r.to_string()),
        };
        self.genitive_rules.push(GenitiveRule {
            ending: ending.to_string(),
            whole_word,
            replacement,
        });
    }

    fn add_head(&mut self, row: &[&str], classes: &HashMap<String, Class>) {
        let [word, class_name, harmony, kind, bare, ..] = row else {
            return;
        };
        let (Some(class), Some(kind)) = (classes.get(*class_name), BodyKind::from_name(kind))
        else {
            return;
        };
        let bare = match *bare {
            "yes" => Bare::Yes,
            "members" => Bare::Members,
            _ => Bare::No,
        };
        self.insert_head(
            word,
            (class_name, class),
            *harmony == "back",
            Some(kind),
            bare,
        );
    }

    /// A compound that names no body inflects like the longest head it ends in.
    fn add_not_body(&mut self, row: &[&str], classes: &HashMap<String, Class>) {
        let Some(&word) = row.first() else { return };
        let Some(head) = self
            .heads
            .iter()
            .filter(|h| h.kind.is_some() && word.ends_with(h.nominative.as_str()))
            .max_by_key(|h| h.nominative.len())
        else {
            return;
        };
        let (class_name, back) = (head.class.clone(), head.back);
        let Some(class) = classes.get(&class_name) else {
            return;
        };
        self.insert_head(word, (&class_name, class), back, None, Bare::Yes);
    }

    fn insert_head(
        &mut self,
        word: &str,
        (class_name, class): (&str, &Class),
        back: bool,
        kind: Option<BodyKind>,
        bare: Bare,
    ) {
        let forms = inflect(word, class, back);
        let plural = forms
            .iter()
            .find(|(_, c, p)| *c == Case::Nominative && *p)
            .map(|(f, _, _)| f.clone())
            .unwrap_or_else(|| word.to_string());
        let index = self.heads.len();
        self.heads.push(Head {
            nominative: word.to_string(),
            plural,
            kind,
            bare,
            class: class_name.to_string(),
            back,
        });
        for (form, case, plural) in forms {
            self.head_forms.entry(form).or_insert(HeadForm {
                head: index,
                case,
                plural,
            });
        }
    }

    fn add_adjective(&mut self, row: &[&str], classes: &HashMap<String, Class>) {
        let [word, class, harmony, rest @ ..] = row else {
            return;
        };
        let Some(class) = classes.get(*class) else {
            return;
        };
        let participle = rest.contains(&"participle");
        for (form, case, plural) in inflect(word, class, *harmony == "back") {
            if case == Case::Nominative && plural {
                self.adjective_plurals
                    .insert(word.to_string(), form.clone());
            }
            self.list(form.clone(), Listed::ADJECTIVE);
            self.adjectives.entry(form).or_default().push(AdjForm {
                lemma: word.to_string(),
                case,
                plural,
                participle,
            });
        }
    }

    fn add_descriptive(&mut self, row: &[&str], classes: &HashMap<String, Class>) {
        let Some(&word) = row.first() else { return };
        if word.starts_with('*') {
            self.descriptive_patterns.push(Pattern::parse(word));
            return;
        }
        match (row.get(1), row.get(2)) {
            (Some(class), Some(harmony)) if *class != "-" => {
                let Some(class) = classes.get(*class) else {
                    return;
                };
                if let Some(stem) = word.strip_suffix("nen") {
                    self.descriptive_stems.insert(stem.to_string());
                }
                for (form, _, _) in inflect(word, class, *harmony == "back") {
                    self.list(form, Listed::DESCRIPTIVE);
                }
            }
            _ => self.list(word.to_string(), Listed::DESCRIPTIVE),
        }
    }

    // --- queries -----------------------------------------------------------

    /// The longest head form that `lower` (a lower-case word) ends in, with
    /// the byte offset where it starts.
    fn longest_head_form(&self, lower: &str) -> Option<(usize, HeadForm)> {
        self.head_endings
            .longest_suffix(lower.as_bytes())
            .map(|(pos, form)| (pos, *form))
    }

    /// The kind an override gives a lower-case name ending in its words.
    fn kind_override(&self, lower_name: &str) -> Option<BodyKind> {
        // An override's last word ends the name's last word: most names
        // are told apart without collapsing their spaces.
        let trimmed = lower_name.trim_end_matches(is_space);
        if !self
            .kind_override_ends
            .iter()
            .any(|last| trimmed.ends_with(last.as_str()))
        {
            return None;
        }
        let collapsed = lower_name
            .split(is_space)
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        self.kind_overrides
            .iter()
            .find(|(words, _)| collapsed.ends_with(words.as_str()))
            .map(|(_, kind)| *kind)
    }

    /// Whether `trimmed` (a name, spaces trimmed at its end) may end in one
    /// of the overrides' last words, its end lowered: the gate before the
    /// whole name is lowered, for a name whose end is ASCII or Latin-1.
    fn may_end_in_an_override(&self, trimmed: &str) -> bool {
        self.kind_override_ends.iter().any(|last| {
            last_byte_may_lower_to(trimmed, last)
                && trimmed
                    .len()
                    .checked_sub(last.len())
                    .and_then(|cut| trimmed.get(cut..))
                    .is_some_and(|end| end.chars().flat_map(char::to_lowercase).eq(last.chars()))
        })
    }

    /// [`Lexicon::kind_override`] of a name as written. The gate before the
    /// lowering reads only the name's end: lowering is done a character at
    /// a time (only a `Σ` looks at its neighbours, and only for its own
    /// lower case), so the lower case of a name ends in the lower case of
    /// its last characters, and Latin-1 characters lower to as many bytes
    /// as they hold. When the last [`Lexicon::kind_override_end_len`] bytes
    /// of the name (spaces trimmed) are ASCII or Latin-1, they tell every
    /// override end as the whole lower case would, whatever stands before
    /// them; the whole name was read for that before.
    fn kind_override_of(&self, name: &str) -> Option<BodyKind> {
        let trimmed = trim_end_space(name);
        // The end read, from a character boundary at or before the longest
        // override end's length from the end (a boundary is found within
        // three steps back; 0 is one).
        let cut = trimmed.len().saturating_sub(self.kind_override_end_len);
        let cut = (0..=cut)
            .rev()
            .find(|&c| trimmed.is_char_boundary(c))
            .unwrap_or(0);
        if trimmed.get(cut..).is_some_and(is_latin1) && !self.may_end_in_an_override(trimmed) {
            return None;
        }
        self.kind_override(&name.to_lower())
    }

    /// [`Lexicon::kind_override_of`] as it was, asking the whole name to be
    /// Latin-1 before its gate: the oracle its test compares with.
    #[cfg(test)]
    fn kind_override_of_whole_latin1(&self, name: &str) -> Option<BodyKind> {
        if is_latin1(name) {
            let trimmed = name.trim_end_matches(is_space);
            if !self.may_end_in_an_override(trimmed) {
                return None;
            }
        }
        self.kind_override(&name.to_lower())
    }

    /// The first of `found`'s answers for the -inen lemmas a lower-case
    /// word can be a form of, with case and number (`strategisen` →
    /// `strateginen`, genitive singular), longest ending first (the order
    /// of `inen_readings_by_iter`, the oracle of its test); each lemma is given by its stem
    /// (`strategi`), the lemma being `{stem}nen`. The endings found stay
    /// in this call's frame, where an iterator returned them in an array
    /// that was copied as it went.
    fn first_inen_reading<'w, T>(
        &self,
        lower: &'w str,
        mut found: impl FnMut(&'w str, Case, bool) -> Option<T>,
    ) -> Option<T> {
        // Every reading has an `i` before its ending: a word without one
        // near its end has none, and most words are told so at once.
        let tail = lower.len().saturating_sub(self.max_inen_ending + 1);
        if !lower
            .as_bytes()
            .get(tail..)
            .is_some_and(|t| t.contains(&b'i'))
        {
            return None;
        }
        // The endings a word ends in, longest first, as `inen_endings`
        // lists them: nested endings, so no more than the longest is long.
        let mut hits: [(usize, &[(Case, bool)]); MAX_NESTED_ENDINGS] =
            [(0, &[]); MAX_NESTED_ENDINGS];
        let mut n = 0;
        for (at, readings) in self.inen_trie.suffixes(lower.as_bytes()) {
            if let Some(slot) = hits.get_mut(n) {
                *slot = (at, readings.as_slice());
                n += 1;
            }
        }
        for &(at, readings) in hits.get(..n).unwrap_or_default().iter().rev() {
            let Some(stem) = lower.get(..at) else {
                continue;
            };
            if !(stem.ends_with('i') && stem.chars().count() >= 4) {
                continue;
            }
            for &(case, plural) in readings {
                if let Some(answer) = found(stem, case, plural) {
                    return Some(answer);
                }
            }
        }
        None
    }

    /// The -inen readings of a lower-case word as an iterator, as
    /// [`Lexicon::first_inen_reading`] asked them before: the oracle its
    /// test compares with.
    #[cfg(test)]
    fn inen_readings_by_iter<'s>(
        &'s self,
        lower: &'s str,
    ) -> impl Iterator<Item = (&'s str, Case, bool)> + 's {
        let tail = lower.len().saturating_sub(self.max_inen_ending + 1);
        let mut hits: [(usize, &[(Case, bool)]); MAX_NESTED_ENDINGS] =
            [(0, &[]); MAX_NESTED_ENDINGS];
        let mut n = 0;
        if lower
            .as_bytes()
            .get(tail..)
            .is_some_and(|t| t.contains(&b'i'))
        {
            for (at, readings) in self.inen_trie.suffixes(lower.as_bytes()) {
                if let Some(slot) = hits.get_mut(n) {
                    *slot = (at, readings.as_slice());
                    n += 1;
                }
            }
        }
        hits.into_iter()
            .take(n)
            .rev()
            .flat_map(|(at, readings)| readings.iter().map(move |&(c, p)| (at, c, p)))
            .filter_map(move |(at, case, plural)| {
                let stem = lower.get(..at)?;
                (stem.ends_with('i') && stem.chars().count() >= 4).then_some((stem, case, plural))
            })
    }

    /// Whether a lower-case word never belongs to a name: a determiner,
    /// pronoun, quantifier, numeral or descriptive adjective in any form.
    fn is_descriptive(&self, lower: &str) -> bool {
        self.is_descriptive_given(lower, self.listed(lower))
    }

    /// The word lists `lower` is on.
    fn listed(&self, lower: &str) -> Listed {
        self.listed.get(lower).copied().unwrap_or_default()
    }

    /// [`Lexicon::is_descriptive`] of a word on the lists `listed`.
    fn is_descriptive_given(&self, lower: &str, listed: Listed) -> bool {
        listed.is(Listed::DESCRIPTIVE)
            || self
                .first_inen_reading(lower, |stem, _, _| {
                    (self.descriptive_stems.contains(stem)
                        || self
                            .descriptive_patterns
                            .iter()
                            .any(|p| p.matches_lemma(stem)))
                    .then_some(())
                })
                .is_some()
    }

    /// The nominative of an agreeing name-forming adjective: `word` in
    /// `case` and number `plural`, from the explicit list or by the
    /// productive -inen rule. Returns the lemma in lower case.
    fn agreeing_adjective_lemma(&self, word: &str, case: Case, plural: bool) -> Option<String> {
        self.agreeing_adjective(&word.to_lower(), case, plural)
            .map(|(lemma, _)| lemma)
    }

    /// Like [`Lexicon::agreeing_adjective_lemma`] on a lower-case word, also
    /// telling whether the adjective is a participle.
    fn agreeing_adjective(&self, lower: &str, case: Case, plural: bool) -> Option<(String, bool)> {
        let listed = self.listed(lower);
        self.agreeing_adjective_if(lower, case, plural, listed, || {
            !self.is_descriptive_given(lower, listed)
        })
    }

    /// [`Lexicon::agreeing_adjective`] of a word on the lists `listed`, with
    /// the descriptive test given by the caller (`not_descriptive`, asked
    /// only for a word off the list), so a scanner that knows both already
    /// does not look them up again.
    fn agreeing_adjective_if(
        &self,
        lower: &str,
        case: Case,
        plural: bool,
        listed: Listed,
        not_descriptive: impl FnOnce() -> bool,
    ) -> Option<(String, bool)> {
        if listed.is(Listed::ADJECTIVE)
            && let Some(forms) = self.adjectives.get(lower)
        {
            return forms
                .iter()
                .find(|a| a.case == case && a.plural == plural)
                .map(|a| (a.lemma.clone(), a.participle));
        }
        if !not_descriptive() {
            return None;
        }
        self.first_inen_reading(lower, |stem, c, p| {
            (c == case && p == plural && !self.inen_nouns.iter().any(|pat| pat.matches_lemma(stem)))
                .then(|| (format!("{stem}nen"), false))
        })
    }

    /// The nominative plural of a head word in the nominative singular
    /// (compounds and space-hyphen names included), case kept.
    fn plural_of_head(&self, word: &str) -> Option<String> {
        let lower = word.to_lower();
        let (pos, form) = self.longest_head_form(&lower)?;
        if form.case != Case::Nominative || form.plural {
            return None;
        }
        let head = self.heads.get(form.head)?;
        head.kind?;
        let prefix = word.get(..pos)?;
        let original_head = word.get(pos..)?;
        Some(format!(
            "{prefix}{}",
            with_case_of(original_head, &head.plural)
        ))
    }

    /// The nominative plural of a name adjective in the nominative singular.
    fn plural_of_adjective(&self, word: &str) -> Option<String> {
        let lower = word.to_lower();
        let plural = match self.adjective_plurals.get(&lower) {
            Some(p) => p.clone(),
            None => {
                let stem = lower.strip_suffix("inen")?;
                self.agreeing_adjective(&lower, Case::Nominative, false)?;
                format!("{stem}iset")
            }
        };
        Some(with_case_of_owned(word, plural))
    }

    /// The nominative of one word in the genitive, and whether it is plural.
    fn genitive_word_to_nominative(&self, word: &str) -> Option<(String, bool)> {
        let lower = word.to_lower();
        if let Some((pos, form)) = self.longest_head_form(&lower)
            && form.case == Case::Genitive
            && let Some(head) = self.heads.get(form.head)
        {
            let nominative = if form.plural {
                &head.plural
            } else {
                &head.nominative
            };
            let prefix = normalise_dashes(word.get(..pos)?);
            return Some((
                format!("{prefix}{}", with_case_of(word.get(pos..)?, nominative)),
                form.plural,
            ));
        }
        if !lower.ends_with('n') {
            return None;
        }
        if let Some(name) = super::places::lookup(word) {
            return Some((name.to_string(), false));
        }
        let (nominative, plural) = self.by_genitive_rules(&lower)?;
        Some((
            with_case_of(word, &normalise_dashes(&nominative)).into_owned(),
            plural,
        ))
    }

    /// The ending rules on a lower-case genitive.
    fn by_genitive_rules(&self, lower: &str) -> Option<(String, bool)> {
        // The rules are longest ending first: the last ending found is
        // the longest, and a whole-word rule needs the whole word.
        let rule =
            self.genitive_endings
                .suffixes(lower.as_bytes())
                .fold(None, |best, (at, rules)| {
                    rules
                        .iter()
                        .filter_map(|&i| self.genitive_rules.get(i))
                        .find(|r| !r.whole_word || at == 0)
                        .or(best)
                })?;
        let stem = lower.strip_suffix(rule.ending.as_str())?;
        let replacement = rule.replacement.as_ref()?;
        let plural = replacement.ends_with('t');
        if stem.is_empty() && replacement.is_empty() {
            return None;
        }
        Some(([stem, replacement.as_str()].concat(), plural))
    }

    /// Whether `lower` ends in an owner's genitive: most words are told
    /// by their last bytes ([`Lexicon::owner_tails`]) before the trie walk.
    fn is_owner(&self, lower: &str) -> bool {
        self.owner_tails.may_end(lower.as_bytes()) && self.is_owner_by_trie(lower)
    }

    /// [`Lexicon::is_owner`] by the trie walk alone (also its oracle).
    fn is_owner_by_trie(&self, lower: &str) -> bool {
        self.owner_endings
            .longest_suffix(lower.as_bytes())
            .is_some()
    }

    /// Whether `lower` ends in an object's genitive, told as
    /// [`Lexicon::is_owner`].
    fn is_object(&self, lower: &str) -> bool {
        self.object_tails.may_end(lower.as_bytes()) && self.is_object_by_trie(lower)
    }

    /// [`Lexicon::is_object`] by the trie walk alone (also its oracle).
    fn is_object_by_trie(&self, lower: &str) -> bool {
        self.object_endings
            .longest_suffix(lower.as_bytes())
            .is_some()
    }

    fn is_forum_member_compound(&self, lower_prefix: &str) -> bool {
        let prefix = lower_prefix.trim_end_matches(is_dash);
        self.forum_members
            .iter()
            .any(|m| prefix.ends_with(m.as_str()))
    }

    fn is_forum_member_genitive(&self, lower: &str) -> bool {
        self.forum_member_genitives
            .iter()
            .any(|m| lower.len() > m.len() && lower.ends_with(m.as_str()))
    }
}

// ---------------------------------------------------------------------------
// Text: tokens and the gaps between them

/// Whether the Latin-1 `text` may end in a character that lowers to the
/// last character of `last`, told by the last bytes: an ASCII character is
/// the lower case only of itself and of its capital, and no other Latin-1
/// character ends in an ASCII byte. Names that do not end like an override
/// are ruled out without decoding them.
fn last_byte_may_lower_to(text: &str, last: &str) -> bool {
    match (text.as_bytes().last(), last.as_bytes().last()) {
        (Some(t), Some(l)) if l.is_ascii() => t.to_ascii_lowercase() == *l,
        _ => true,
    }
}

/// Whether `c` is a dash: hyphen-minus, the Unicode hyphens and dashes, minus.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'
            | '\u{2011}'
            | '\u{2012}'
            | '\u{2013}'
            | '\u{2014}'
            | '\u{2015}'
            | '\u{2212}'
    )
}

/// Whether `c` can be part of a word: a letter, digit or combining mark.
fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || matches!(c, '\u{0300}'..='\u{036F}')
}

/// Whether `c` may join two word parts inside one token (`sote-uudistus`,
/// `STM:n`, `I&O`, `ICT/digi`).
fn is_joiner(c: char) -> bool {
    is_dash(c) || matches!(c, ':' | '&' | '/')
}

/// Whether `c` ends a line (a hard boundary for names).
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Quote marks, which a name may stand inside without them being part of it.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}'
    )
}

/// A word (or number) in the text, by byte offsets.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
}

/// What [`tokenize`] makes of a byte without decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ByteKind {
    /// An ASCII lower-case letter.
    Lower,
    /// An ASCII capital.
    Upper,
    /// An ASCII digit.
    Digit,
    /// `0xC3`, the lead byte of U+00C0–U+00FF: the Latin-1 letters of
    /// Finnish (`ä`, `ö`, `å`, `Ä`…) and of names (`é`, `ü`), and `×`, `÷`.
    Latin1Lead,
    /// `:`, `&`, `/`: joiners inside a token, which start none.
    Joiner,
    /// Any other ASCII byte but `-`: no word character, no joiner, so it
    /// ends a token and starts none (space, punctuation, control
    /// characters).
    Gap,
    /// Anything else (`-`, other non-ASCII bytes): decoded and asked.
    Other,
}

/// [`ByteKind`] of every byte: most of a text is told by one look-up a byte.
static BYTE_KINDS: [ByteKind; 256] = byte_kinds();

/// Builds [`BYTE_KINDS`].
const fn byte_kinds() -> [ByteKind; 256] {
    let mut kinds = [ByteKind::Other; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        kinds[b as usize] = match b {
            b'a'..=b'z' => ByteKind::Lower,
            b'A'..=b'Z' => ByteKind::Upper,
            b'0'..=b'9' => ByteKind::Digit,
            b'-' => ByteKind::Other,
            b':' | b'&' | b'/' => ByteKind::Joiner,
            _ => ByteKind::Gap,
        };
        b += 1;
    }
    kinds[0xC3] = ByteKind::Latin1Lead;
    kinds
}

/// The character `0xC3, second` encodes, if it is a letter: whether it is
/// a capital (U+00C0–U+00DE). `×` and `÷` are no letters; a byte that is
/// no continuation byte makes no character.
fn latin1_letter(second: u8) -> Option<bool> {
    match second {
        0x97 | 0xB7 => None,
        0x80..=0x9E => Some(true),
        0x9F..=0xBF => Some(false),
        _ => None,
    }
}

/// Where the run of ASCII and Latin-1 letters and digits from byte `i`
/// ends, and whether its last character is a digit (`digit`: whether the
/// character before `i` is). A capital right after a digit ends the run,
/// as it ends a token.
fn letter_run(bytes: &[u8], mut i: usize, mut digit: bool) -> (usize, bool) {
    while let Some(&b) = bytes.get(i) {
        match BYTE_KINDS[usize::from(b)] {
            ByteKind::Lower | ByteKind::Upper if !(digit && b.is_ascii_uppercase()) => {
                i += 1 + ascii_letters(bytes.get(i + 1..).unwrap_or_default());
                digit = false;
            }
            ByteKind::Digit => {
                i += 1;
                digit = true;
            }
            ByteKind::Latin1Lead => match bytes.get(i + 1).copied().and_then(latin1_letter) {
                Some(capital) if !(capital && digit) => {
                    i += 2;
                    digit = false;
                }
                _ => break,
            },
            _ => break,
        }
    }
    (i, digit)
}

/// How many ASCII letters `bytes` starts with: the bulk of a word, eight
/// bytes at a time ([`non_letter_bytes`]) while the run lasts, then byte
/// by byte for the last few bytes of the text.
fn ascii_letters(bytes: &[u8]) -> usize {
    run_by_words(bytes, non_letter_bytes, |b| b.is_ascii_alphabetic())
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that
/// is no ASCII letter: setting bit 5 folds `A`–`Z` onto `a`–`z` and moves
/// no other byte into that range.
fn non_letter_bytes(word: u64) -> u64 {
    !ascii_bytes_within(word | CASE_BITS, b'a', b'z') & HIGH
}

/// Bit 5 of every byte: the bit that tells an ASCII letter's case.
const CASE_BITS: u64 = 0x2020_2020_2020_2020;

/// [`ascii_letters`] a byte at a time: the oracle its tests compare with.
#[cfg(test)]
fn ascii_letters_by_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len())
}

/// Splits `text` into tokens: runs of word characters, joined by inner
/// dashes, colons, `&` and `/`; a dash right before a word starts a token
/// (`-työryhmä`), a dash right after one ends it (`Maakunta-`). A digit
/// followed by a capital letter splits (`2017Vammaisten`), as listing pages
/// glue a date to a title.
fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 8);
    tokenize_into(text, 0, &mut tokens);
    tokens
}

/// Adds the tokens of `text` ([`tokenize`]) to `tokens`, their offsets
/// moved on by `base`: a chunk of a longer text is split into the text's
/// own list, with no list of the chunk's made and dropped.
fn tokenize_into(text: &str, base: usize, tokens: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        // Whether the last character taken is an ASCII digit, and whether
        // it is a word character (not a dash opening the token).
        let (mut last_digit, mut last_word) = match BYTE_KINDS[usize::from(b)] {
            ByteKind::Gap | ByteKind::Joiner => {
                i += 1;
                continue;
            }
            // Taken by the letter run below.
            ByteKind::Lower | ByteKind::Upper | ByteKind::Digit => (false, true),
            ByteKind::Latin1Lead | ByteKind::Other => {
                let Some(c) = char_at(text, i) else { break };
                i += c.len_utf8();
                let word = is_word_char(c);
                let starts = word || (is_dash(c) && char_at(text, i).is_some_and(is_word_char));
                if !starts {
                    continue;
                }
                // Not ASCII, or `-`: no digit.
                (false, word)
            }
        };
        loop {
            let (end, digit) = letter_run(bytes, i, last_digit);
            if end > i {
                last_word = true;
            }
            (i, last_digit) = (end, digit);
            // A space or punctuation ends the token, told without decoding.
            if bytes
                .get(i)
                .is_none_or(|&b| BYTE_KINDS[usize::from(b)] == ByteKind::Gap)
            {
                break;
            }
            let Some(d) = char_at(text, i) else { break };
            let after = || char_at(text, i + d.len_utf8());
            let take = if is_word_char(d) {
                !(last_digit && d.is_uppercase())
            } else if is_joiner(d) && last_word {
                // An inner joiner, or a dash that ends the token (`Maakunta-`).
                after().is_some_and(is_word_char) || is_dash(d)
            } else {
                false
            };
            if !take {
                break;
            }
            let joiner_ends = is_joiner(d) && !after().is_some_and(is_word_char);
            i += d.len_utf8();
            last_digit = d.is_ascii_digit();
            last_word = is_word_char(d);
            if joiner_ends {
                break;
            }
        }
        tokens.push(Token {
            start: base + start,
            end: base + i,
        });
    }
}

/// The char-by-char [`tokenize`] that the byte table replaced, kept as the
/// oracle its tests compare with.
#[cfg(test)]
fn tokenize_by_chars(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        let start = i;
        i += c.len_utf8();
        let starts = is_word_char(c) || (is_dash(c) && char_at(text, i).is_some_and(is_word_char));
        if !starts {
            continue;
        }
        let mut last = c;
        while let Some(d) = char_at(text, i) {
            let after = || char_at(text, i + d.len_utf8());
            let take = if is_word_char(d) {
                !(last.is_ascii_digit() && d.is_uppercase())
            } else if is_joiner(d) && is_word_char(last) {
                after().is_some_and(is_word_char) || is_dash(d)
            } else {
                false
            };
            if !take {
                break;
            }
            let joiner_ends = is_joiner(d) && !after().is_some_and(is_word_char);
            i += d.len_utf8();
            last = d;
            if joiner_ends {
                break;
            }
        }
        tokens.push(Token { start, end: i });
    }
    tokens
}

/// The tokens of a text as [`tokenize`] splits them, made together with
/// the text's words ([`crate::text::words`]) in one walk by
/// [`tokens_and_words`]; handed to [`find_bodies_tokenized`].
pub(crate) struct BodyTokens {
    /// The tokens.
    tokens: Vec<Token>,
    /// The indices of the tokens that may end in a head word, ascending:
    /// the rest were told by their last bytes during the walk, so the
    /// scanner does not look at them again ([`hits_of`]). An index with
    /// [`TAILS_PASSED`] set is a token whose lower case the walk found to
    /// end like a head form already.
    maybe: Vec<u32>,
}

/// The bit of a [`BodyTokens::maybe`] index that says the walk asked the
/// token's lower case of the head tails ([`may_end_in_head`]'s first
/// question), and they let it through: [`hits_of`] does not ask again.
/// Above every index of a text shorter than 2 GiB.
const TAILS_PASSED: u32 = 1 << 31;

/// What [`tokens_and_words`] makes of a byte: whether both splitters
/// take a stretch of the text the same way without asking more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum ChunkByte {
    /// A small ASCII letter, `0xC3` or a continuation byte `0xA0`–`0xBF`
    /// but `0xB7`: in a chunk that has no other lead byte, a Latin-1
    /// letter's, and its own lower case ([`tail_is_own_lower_case`](crate::text::tail_is_own_lower_case)).
    Plain = 0,
    /// An ASCII capital or a continuation byte `0x80`–`0x9F` but `0x97`
    /// (the second byte of a Latin-1 capital `À`–`Þ`): a [`ChunkByte::Plain`]
    /// byte that is not its own lower case, whose place the walk notes so
    /// that no second look at the word's end is needed.
    Upper = 3,
    /// An ASCII digit: [`tokenize`] splits a capital after it.
    Digit = 1,
    /// An ASCII byte that is no letter, digit or joiner of either splitter
    /// (space, `.`, `,`…): it ends every word and token, and starts none.
    Gap = 2,
    /// Anything else (the joiners `-&:'/`, other lead bytes, `0x97`,
    /// `0xB7`): the splitters may part ways, and each is run on the chunk.
    Other = 4,
}

/// [`ChunkByte`] of every byte.
static CHUNK_BYTES: [ChunkByte; 256] = chunk_bytes();

/// Builds [`CHUNK_BYTES`].
const fn chunk_bytes() -> [ChunkByte; 256] {
    let mut kinds = [ChunkByte::Other; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        kinds[b as usize] = match b {
            b'a'..=b'z' => ChunkByte::Plain,
            b'A'..=b'Z' => ChunkByte::Upper,
            b'0'..=b'9' => ChunkByte::Digit,
            b'-' | b'&' | b':' | b'\'' | b'/' => ChunkByte::Other,
            _ => ChunkByte::Gap,
        };
        b += 1;
    }
    while b < 0xC0 {
        if !matches!(b, 0x97 | 0xB7) {
            kinds[b as usize] = if b < 0xA0 {
                ChunkByte::Upper
            } else {
                ChunkByte::Plain
            };
        }
        b += 1;
    }
    kinds[0xC3] = ChunkByte::Plain;
    kinds
}

/// Where the chunk from byte `i` of `bytes` ends (at the next
/// [`ChunkByte::Gap`] byte, or the end), whether it is plain (only ASCII
/// letters and digits and Latin-1 letters, no digit right before a capital
/// or `0xC3`: one word and one token, the same for both splitters), and
/// where its last [`ChunkByte::Upper`] byte ends (`i` if it has none), so
/// that whether a plain chunk's end is its own lower case is told without
/// reading its end again ([`tokens_and_words`]). The capitals it passes
/// are pushed on `capitals` ([`capital_of_upper_byte`]): of a plain chunk
/// they are all its capitals (of another, the caller drops them and asks
/// [`capital_starts`](crate::text::capital_starts)). A run of [`ChunkByte::Plain`] bytes (small ASCII
/// and Latin-1 letters) is passed in one step by the bits of `plain`,
/// the text's [`plain_masks`] ([`past_plain`]), at a plain byte and right
/// after a capital (most capitals start a word of small letters), and a
/// space right after such a run ends the chunk then and there (most words
/// end so); a run of digits is passed in a loop of its own, and only the
/// byte after its last digit asked whether it is a capital glued to the
/// number; the chunk's first byte, and the bytes after those runs, are
/// told by [`CHUNK_BYTES`].
#[inline(always)]
fn chunk_end(
    bytes: &[u8],
    plain: &[u64],
    mut i: usize,
    first: u8,
    capitals: &mut Vec<usize>,
) -> (usize, bool, usize) {
    let mut plain_chunk = true;
    let mut upper_end = i;
    let mut b = first;
    loop {
        match CHUNK_BYTES[usize::from(b)] {
            ChunkByte::Plain => {
                i = past_plain(plain, i + 1);
                // Most runs of small letters end a word at a space, a
                // gap: the chunk ends there without asking the table.
                if bytes.get(i) == Some(&b' ') {
                    break;
                }
            }
            ChunkByte::Upper => {
                if let Some(at) = capital_of_upper_byte(b, i) {
                    capitals.push(at);
                }
                i += 1;
                upper_end = i;
                // A capital mostly starts a word of small letters: they
                // are passed here, without asking the table (a byte that
                // is not plain is not passed).
                i = past_plain(plain, i);
                if bytes.get(i) == Some(&b' ') {
                    break;
                }
            }
            ChunkByte::Digit => {
                // A run of digits (`2019`, `13.9`): only the byte after
                // its last digit may be a capital glued to a number.
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
                if bytes
                    .get(i)
                    .is_some_and(|&n| n == 0xC3 || n.is_ascii_uppercase())
                {
                    plain_chunk = false;
                }
            }
            ChunkByte::Gap => break,
            ChunkByte::Other => {
                plain_chunk = false;
                i += 1;
            }
        }
        let Some(&next) = bytes.get(i) else { break };
        b = next;
    }
    (i, plain_chunk, upper_end)
}

/// The [`ChunkByte::Plain`] bytes of `bytes`, one bit a byte: bit `k % 64`
/// of mask `k / 64` is set when byte `k` is one, found sixty-four bytes at
/// a time ([`plain_mask`]). The last block is padded with zero bytes, which
/// are not plain, so no bit is set past the text's end.
fn plain_masks(bytes: &[u8]) -> Vec<u64> {
    let (blocks, tail) = bytes.as_chunks::<BLOCK>();
    let mut masks = Vec::with_capacity(blocks.len() + 1);
    masks.extend(blocks.iter().map(plain_mask));
    if !tail.is_empty() {
        masks.push(plain_mask(&padded_block(tail)));
    }
    masks
}

/// The [`ChunkByte::Plain`] bytes of one block ([`plain_masks`]).
#[inline(always)]
fn plain_mask(block: &[u8; BLOCK]) -> u64 {
    let [plain] = block_masks(block, |v| [plain_bytes(v)]);
    plain
}

/// All ones in each [`ChunkByte::Plain`] byte of `v`: `a`–`z`, `C3`, and
/// `A0`–`BF` but `B7`.
#[inline(always)]
fn plain_bytes(v: u8x16) -> u8x16 {
    let small = in_range(v, b'a', b'z');
    let second = in_range(v, 0xA0, 0xBF) & !equal(v, 0xB7);
    small | second | equal(v, 0xC3)
}

/// The first byte at or after `i` that is no [`ChunkByte::Plain`] byte,
/// or the end of the text: read off `plain`, the text's [`plain_masks`],
/// a block's bits at a time. Past the last mask every byte counts as not
/// plain.
#[inline(always)]
fn past_plain(plain: &[u64], i: usize) -> usize {
    let mut block = i / BLOCK;
    let mut from = i;
    // The bytes from `from` on that are not plain, lowest bit first.
    let mut others = !plain.get(block).copied().unwrap_or(0) >> (i % BLOCK);
    while others == 0 {
        block += 1;
        from = block * BLOCK;
        others = !plain.get(block).copied().unwrap_or(0);
    }
    from + others.trailing_zeros() as usize
}

/// The chunk scan [`chunk_end`] replaced, which passed only small ASCII
/// letters in bulk, eight bytes at a time ([`past_small_ascii`]): kept as
/// the oracle of its tests.
#[cfg(test)]
fn chunk_end_by_words(
    bytes: &[u8],
    mut i: usize,
    capitals: &mut Vec<usize>,
) -> (usize, bool, usize) {
    let mut plain = true;
    let mut upper_end = i;
    while let Some(&b) = bytes.get(i) {
        let kind = CHUNK_BYTES[usize::from(b)];
        if kind == ChunkByte::Plain {
            if !b.is_ascii_lowercase() {
                i += 1;
                continue;
            }
            i = past_small_ascii(bytes, i + 1);
            if bytes.get(i) == Some(&b' ') {
                break;
            }
            continue;
        }
        match kind {
            ChunkByte::Plain => i += 1,
            ChunkByte::Upper => {
                if let Some(at) = capital_of_upper_byte(b, i) {
                    capitals.push(at);
                }
                i += 1;
                upper_end = i;
            }
            ChunkByte::Digit => {
                i += 1;
                if bytes
                    .get(i)
                    .is_some_and(|&n| n == 0xC3 || n.is_ascii_uppercase())
                {
                    plain = false;
                }
            }
            ChunkByte::Gap => break,
            ChunkByte::Other => {
                plain = false;
                i += 1;
            }
        }
    }
    (i, plain, upper_end)
}

/// The first byte at or after `i` that is no small ASCII letter (`a`–`z`),
/// or the end of `bytes`: eight bytes at a time ([`ascii_bytes_within`])
/// while eight are left, then one at a time. Most of a chunk's bytes are
/// small ASCII letters, passed so by [`chunk_end`]. (The shared
/// [`run_by_words`] does the same, but inlined into the walk it cost
/// 0.46 M instructions more on 200 documents.) Now the oracle of
/// [`chunk_end_by_words`].
#[cfg(test)]
fn past_small_ascii(bytes: &[u8], mut i: usize) -> usize {
    while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let others = !ascii_bytes_within(u64::from_le_bytes(*eight), b'a', b'z') & HIGH;
        if others != 0 {
            // The lowest set bit marks the first other byte.
            return i + (others.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    i
}

/// Where the capital stands that the [`ChunkByte::Upper`] byte `b` at
/// offset `i` of a plain chunk belongs to: an ASCII capital is one, and
/// the second byte `80`–`9E` of a Latin-1 capital (`Ä` is `C3 84`) is
/// the capital one byte before it, since a plain chunk holds no lead byte
/// but `C3`. `C3 9F`, `ß`, is no capital.
#[inline(always)]
fn capital_of_upper_byte(b: u8, i: usize) -> Option<usize> {
    match b {
        0x9F => None,
        0x80.. => i.checked_sub(1),
        _ => Some(i),
    }
}

/// The chunk scan [`chunk_end`] replaced, which told capitals from small
/// letters only when [`tail_is_own_lower_case`](crate::text::tail_is_own_lower_case) read the word's end again:
/// kept as the oracle of its tests.
#[cfg(test)]
fn chunk_end_by_kinds(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut plain = true;
    while let Some(&b) = bytes.get(i) {
        match CHUNK_BYTES[usize::from(b)] {
            ChunkByte::Plain | ChunkByte::Upper => i += 1,
            ChunkByte::Digit => {
                i += 1;
                if bytes
                    .get(i)
                    .is_some_and(|&n| n == 0xC3 || n.is_ascii_uppercase())
                {
                    plain = false;
                }
            }
            ChunkByte::Gap => break,
            ChunkByte::Other => {
                plain = false;
                i += 1;
            }
        }
    }
    (i, plain)
}

/// The tokens [`tokenize`] gives and the words [`crate::text::words`]
/// gives of `text`, in one walk: the text is cut at the bytes that end
/// every word and token of both and start none ([`ChunkByte::Gap`]), which
/// neither splitter carries anything across; a plain chunk ([`chunk_end`])
/// is one word and one token, and only the rest (joiners, dashes, other
/// scripts, a date glued to a title) is split by each splitter on its own.
/// Last, the offsets of the text's capitals, as [`capital_starts`](crate::text::capital_starts) lists
/// them: those of a plain chunk noted by [`chunk_end`] in passing, those
/// of another asked of [`capital_starts`](crate::text::capital_starts) (gap bytes are ASCII and hold
/// none), so that the people and places need no second walk.
pub(crate) fn tokens_and_words(text: &str) -> (BodyTokens, Vec<Word<'_>>, Vec<u32>, Vec<usize>) {
    let bytes = text.as_bytes();
    let mut capitals = Vec::with_capacity(text.len() / BYTES_PER_CAPITAL + 1);
    let mut tokens = Vec::with_capacity(text.len() / 8);
    let mut words: Vec<Word<'_>> = Vec::with_capacity(text.len() / 7);
    // The tokens that may end in a body's head and the words that may end
    // in a head of `heads` (organisations, programmes).
    // Sized for a text's share of them (about one word in six and in
    // ten), so that they seldom grow.
    let mut token_maybe: Vec<u32> = Vec::with_capacity(text.len() / 48);
    let mut word_maybe: Vec<u32> = Vec::with_capacity(text.len() / 64);
    let body_tails = &LEXICON.head_tails;
    let word_tails = head_tails();
    let any_tails = &*ANY_HEAD_TAILS;
    // Where the last word ends: the next word's gap starts there.
    let mut word_end = 0;
    // The text from `word_end` on: a plain chunk's gap and the chunk are
    // cut off its front ([`split_plain`]).
    let mut rest = text;
    let plain_bits = plain_masks(bytes);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if CHUNK_BYTES[usize::from(b)] == ChunkByte::Gap {
            i += 1;
            continue;
        }
        let start = i;
        let (end, plain, upper_end) = chunk_end(bytes, &plain_bits, i, b, &mut capitals);
        // The byte at `end` is a gap byte (or the text's end): stepped
        // over here, not asked of the table again.
        i = end + 1;
        if plain {
            let Some((gap, chunk, after)) = split_plain(rest, word_end, start, end) else {
                break;
            };
            rest = after;
            // The chunk is the token and the word: its end read once, and
            // asked of both sets of head tails ([`plain_may_end_in_head`]).
            // Its last [`SPLIT_TAIL`] bytes are their own lower case when
            // no capital byte ends after their start.
            let own_lower = upper_end <= end.saturating_sub(SPLIT_TAIL).max(start);
            let (token_may, tails_passed, word_may) = plain_may_end_in_head(
                chunk.as_bytes(),
                own_lower,
                any_tails,
                body_tails,
                word_tails,
            );
            if token_may {
                let told = if tails_passed { TAILS_PASSED } else { 0 };
                token_maybe.push(tokens.len() as u32 | told);
            }
            if word_may {
                word_maybe.push(words.len() as u32);
            }
            tokens.push(Token { start, end });
            words.push(Word {
                text: chunk,
                start,
                gap,
            });
            word_end = end;
            continue;
        }
        // The tokens and words of a chunk that is not plain are asked in
        // full by their users.
        let Some(chunk) = text.get(start..end) else {
            break;
        };
        // The capitals noted in the chunk are its last ones: the chunk's
        // first byte follows a gap byte (ASCII), so none lies before it.
        while capitals.last().is_some_and(|&at| at >= start) {
            capitals.pop();
        }
        capital_starts_into(chunk, start, &mut capitals);
        let first_token = tokens.len();
        tokenize_into(chunk, start, &mut tokens);
        token_maybe.extend((first_token..tokens.len()).map(|i| i as u32));
        for (k, w) in Words::new(chunk).enumerate() {
            word_maybe.push(words.len() as u32);
            let at = w.start + start;
            let gap = if k == 0 {
                text.get(word_end..at).unwrap_or_default()
            } else {
                w.gap
            };
            words.push(Word {
                text: w.text,
                start: at,
                gap,
            });
            word_end = at + w.text.len();
        }
        let Some(after) = text.get(word_end..) else {
            break;
        };
        rest = after;
    }
    (
        BodyTokens {
            tokens,
            maybe: token_maybe,
        },
        words,
        word_maybe,
        capitals,
    )
}

/// The gap and the plain chunk `start..end` at the front of `rest`, the
/// text from `word_end` (the end of the last word) on, and the text after
/// the chunk: two cuts, each asking one character boundary, where slicing
/// the gap and the chunk out of the whole text asked four
/// ([`tokens_and_words`] cuts every plain chunk so).
#[inline(always)]
fn split_plain(
    rest: &str,
    word_end: usize,
    start: usize,
    end: usize,
) -> Option<(&str, &str, &str)> {
    let (gap, from_chunk) = rest.split_at_checked(start.checked_sub(word_end)?)?;
    let (chunk, after) = from_chunk.split_at_checked(end.checked_sub(start)?)?;
    Some((gap, chunk, after))
}

/// Whether the plain chunk `word` (one token, one word: ASCII and Latin-1
/// letters and digits) may end in a body's head ([`may_end_in_head`] of
/// its lower case) and whether it may end in a head of `word_tails`
/// ([`crate::lexicon::heads`]): its last eight bytes read once for both.
/// In between, whether the body head tails let its lower case through
/// themselves ([`TAILS_PASSED`]), which the scanner need not ask again.
/// A word whose last eight bytes are not their own lower case (`own_lower`
/// false, as [`chunk_end`] tells it during the walk: a capital there) is
/// asked by those bytes lowered in place ([`lower_plain_eight`]), which
/// are its lower case's, so that a short capitalised word (`Jäsenet`,
/// `Hanke`) is told here too and not asked again by the users. A word that
/// ends in a clitic (whose core's end lies further back) may end in a
/// body's head, and is asked in full by the scanner.
#[inline]
fn plain_may_end_in_head(
    word: &[u8],
    own_lower: bool,
    any_tails: &SplitEndTails,
    body_tails: &SplitEndTails,
    word_tails: &SplitEndTails,
) -> (bool, bool, bool) {
    let n = word.len();
    let (eight, clitic) = if own_lower {
        (last_eight(word), clitic_len(word) != 0)
    } else {
        let eight = lower_plain_eight(last_eight(word));
        let bytes = eight.to_be_bytes();
        // The lower case's last bytes, up to eight: every clitic is shorter.
        let tail = bytes
            .get(bytes.len().saturating_sub(n)..)
            .unwrap_or_default();
        (eight, clitic_len(tail) != 0)
    };
    // Folded once for the three sets.
    let folded = fold_high_bytes(eight);
    if !clitic && !any_tails.may_end_folded(n, folded) {
        return (false, false, false);
    }
    let body = body_tails.may_end_folded(n, folded);
    (clitic || body, body, word_tails.may_end_folded(n, folded))
}

/// [`plain_may_end_in_head`] as it was, passing every word whose last
/// eight bytes hold a capital on to the users: the oracle its test
/// compares with, asked of the word's lower case.
#[cfg(test)]
fn plain_may_end_in_head_own_case(
    word: &[u8],
    own_lower: bool,
    any_tails: &SplitEndTails,
    body_tails: &SplitEndTails,
    word_tails: &SplitEndTails,
) -> (bool, bool) {
    if !own_lower {
        return (true, true);
    }
    let eight = last_eight(word);
    let n = word.len();
    let clitic = clitic_len(word) != 0;
    if !clitic && !any_tails.may_end_eight(n, eight) {
        return (false, false);
    }
    (
        clitic || body_tails.may_end_eight(n, eight),
        word_tails.may_end_eight(n, eight),
    )
}

/// The lower case of `eight`, the last eight bytes ([`last_eight`]) of a
/// plain chunk ([`chunk_end`]): its capitals are ASCII `A`–`Z` and the
/// second bytes `80`–`9E` of the Latin-1 capitals `À`–`Þ` (`C3 97`, `×`,
/// is no plain byte; `C3 9F`, `ß`, is its own lower case), each lowered
/// by setting bit 5 (`Ä` `C3 84` → `ä` `C3 A4`); a plain chunk's other
/// bytes (small letters, digits, `C3`, `A0`–`BF`) are their own lower
/// case. Told for all eight bytes at once: the high bit of each capital
/// byte, shifted down to bit 5.
#[inline]
fn lower_plain_eight(eight: u64) -> u64 {
    // Flipping the high bit moves `80`–`9E` onto the ASCII `00`–`1E`,
    // and every ASCII byte out of ASCII.
    let capitals =
        ascii_bytes_within(eight, b'A', b'Z') | ascii_bytes_within(eight ^ HIGH, 0x00, 0x1E);
    eight | capitals >> 2
}

/// What separates two tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Only spaces (or quote marks, or nothing).
    Space,
    /// A comma and spaces.
    Comma,
    /// An opening parenthesis and spaces.
    OpenParen,
    /// A closing parenthesis and spaces.
    CloseParen,
    /// Anything else: a sentence or clause boundary, a line break, a lone dash.
    Boundary,
}

/// Classifies the text between two tokens.
fn classify_gap(gap: &str) -> Gap {
    // Most gaps are one space.
    if gap == " " {
        return Gap::Space;
    }
    let mut kind = Gap::Space;
    for c in gap.chars() {
        let this = match c {
            ',' => Gap::Comma,
            '(' => Gap::OpenParen,
            ')' => Gap::CloseParen,
            c if is_line_break(c) => return Gap::Boundary,
            c if is_space(c) || is_quote(c) => continue,
            _ => return Gap::Boundary,
        };
        if kind != Gap::Space {
            return Gap::Boundary;
        }
        kind = this;
    }
    kind
}

/// The gap after each token but the last ([`classify_gap`]), all at once,
/// as the scanner made them before it asked [`gap_between`] of the few
/// gaps it needs (kept for the tests).
#[cfg(test)]
fn gaps_of(text: &str, tokens: &[Token]) -> Vec<Gap> {
    tokens
        .iter()
        .zip(tokens.iter().skip(1))
        .map(|(a, b)| gap_between(text, a, b))
        .collect()
}

/// [`classify_gap`] of the text between token `a` and the next token `b`.
/// Most gaps are one space, told by that byte without slicing the text
/// (inlined, so they cost no call either). Of the rest, the walks ask
/// about as many gaps that are empty (tokens glued together, `2017Talous`)
/// or that start with an ASCII byte no gap of a name holds (`.`, `;`, a
/// line break: a boundary whatever follows, as [`classify_gap`] returns
/// at its first such character) as gaps that need the slice read.
#[inline]
fn gap_between(text: &str, a: &Token, b: &Token) -> Gap {
    let first = text.as_bytes().get(a.end);
    if b.start == a.end + 1 && first == Some(&b' ') {
        return Gap::Space;
    }
    if b.start == a.end && text.is_char_boundary(a.end) {
        // An empty gap: `classify_gap("")`.
        return Gap::Space;
    }
    if b.start > a.end
        && first.is_some_and(|&c| {
            c.is_ascii() && !matches!(c, b' ' | b'\t' | b'"' | b',' | b'(' | b')')
        })
    {
        return Gap::Boundary;
    }
    classify_gap(text.get(a.end..b.start).unwrap_or("."))
}

/// [`gap_between`] as it was, telling only a one-space gap without the
/// slice: the oracle its test compares with.
#[cfg(test)]
fn gap_between_sliced(text: &str, a: &Token, b: &Token) -> Gap {
    if b.start == a.end + 1 && text.as_bytes().get(a.end) == Some(&b' ') {
        return Gap::Space;
    }
    classify_gap(text.get(a.end..b.start).unwrap_or("."))
}

/// The tokens of `text` that end in a head word, ascending, with the head
/// (as `head_hit_of` finds it); `lower` is their lower case.
fn hits_of(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    maybe: impl Iterator<Item = (usize, bool)>,
    lower: &TokenLower<'_>,
) -> Vec<(usize, HeadHit)> {
    // Room for a head word in every eighth token (about one in thirteen
    // names a head), so that the list seldom grows.
    let mut hits = Vec::with_capacity(tokens.len() / 8 + 1);
    let mut memo = HeadMemo::new();
    for (i, tails_passed) in maybe {
        let Some(t) = tokens.get(i) else {
            break;
        };
        // Most tokens end in no head form, told by the bytes of their lower
        // case before the token and its lower case are sliced as text; a
        // token the walk let through ([`TAILS_PASSED`]) is not asked again.
        if !tails_passed && !may_end_in_head(lex, lower.bytes(i, t)) {
            continue;
        }
        let token = text.get(t.start..t.end).unwrap_or("");
        let token_lower = lower.get(i, t);
        // A Latin-1 token is looked up by its lower case as it stands (see
        // [`head_hit_past_tails`]): the same word again is answered by the
        // memo.
        let hit = if is_latin1(token) {
            memo.get_or(token_lower, || {
                across_texts(&HEAD_CACHE, token_lower, || head_form_hit(lex, token_lower))
            })
        } else {
            head_hit_past_tails(lex, token, token_lower)
        };
        if let Some(hit) = hit {
            hits.push((i, hit));
        }
    }
    hits
}

/// How many words a [`WordMemo`] keeps (a power of two).
const MEMO_SLOTS: usize = 64;

/// The heads of the words of one text looked up so far, by lower case: a
/// text names the same few bodies again and again (`työryhmä`,
/// `työryhmän`), and [`head_form_hit`] depends only on the lower case, so a
/// word met again skips the walk through the head forms.
type HeadMemo<'l> = WordMemo<'l, Option<HeadHit>>;

/// What [`Scanner::chain_role`] asks of a word that depends on nothing
/// but the word: told once per word by [`WordShape::of`] and kept by
/// [`ShapeMemo`], since a text repeats its topic genitives as it repeats
/// its heads (`valmistelun`, `hyvinvointialueen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WordShape(u8);

impl WordShape {
    /// [`genitive_shape`]; when unset, no other bit is told.
    const GENITIVE: u8 = 1;
    /// [`Lexicon::is_object`] of the lower case.
    const OBJECT: u8 = 1 << 1;
    /// [`Lexicon::is_owner`] of the lower case.
    const OWNER: u8 = 1 << 2;
    /// [`acronym_compound`].
    const ACRONYM: u8 = 1 << 3;
    /// [`is_titlecase`] and not [`acronym_compound`]: a proper name's
    /// word, which may be a place.
    const PROPER: u8 = 1 << 4;
    /// A proper word that [`super::places::lookup`] knows.
    const PLACE: u8 = 1 << 5;

    /// The shape of `word`, whose lower case is `lower`; the lexicon is
    /// asked only of a genitive, the places only of a proper word.
    fn of(lex: &Lexicon, word: &str, lower: &str) -> WordShape {
        if !genitive_shape(word, lower) {
            return WordShape(0);
        }
        let acronym = acronym_compound(word);
        let proper = is_titlecase(word) && !acronym;
        let place = proper && super::places::lookup(word).is_some();
        WordShape(
            Self::GENITIVE
                | Self::bit(lex.is_object(lower), Self::OBJECT)
                | Self::bit(lex.is_owner(lower), Self::OWNER)
                | Self::bit(acronym, Self::ACRONYM)
                | Self::bit(proper, Self::PROPER)
                | Self::bit(place, Self::PLACE),
        )
    }

    /// `flag` when `on`, else no bit.
    fn bit(on: bool, flag: u8) -> u8 {
        if on { flag } else { 0 }
    }

    /// Whether every bit of `flag` is set.
    fn has(self, flag: u8) -> bool {
        self.0 & flag == flag
    }
}

/// What one text's words were told so far (heads by lower case,
/// [`WordShape`]s and [`Facts`] by the word as written, whose lower case is
/// `str::to_lowercase` of it, so the word decides the answer): one word a
/// slot, chosen by the word's length and last bytes; a word that meets
/// another in its slot takes the slot over.
struct WordMemo<'t, V> {
    slots: [Option<(&'t str, V)>; MEMO_SLOTS],
}

/// The [`WordShape`]s of a text's words.
type ShapeMemo<'t> = WordMemo<'t, WordShape>;

impl<'t, V: Copy> WordMemo<'t, V> {
    /// An empty memo.
    fn new() -> Self {
        WordMemo {
            slots: [None; MEMO_SLOTS],
        }
    }

    /// The slot of `word`: its length and last four bytes, mixed.
    fn slot(word: &[u8]) -> usize {
        (Self::key(word).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58) as usize % MEMO_SLOTS
    }

    /// The key [`WordMemo::slot`] mixes ([`WordMemo::key_by_bytes`]): a
    /// word of four bytes or more (nearly every one) has its last four read
    /// as one number, where they were shifted in one by one.
    fn key(word: &[u8]) -> u64 {
        match word.last_chunk::<4>() {
            Some(last) => (word.len() as u64) << 32 | u64::from(u32::from_be_bytes(*last)),
            None => Self::key_by_bytes(word),
        }
    }

    /// The length, then the last four bytes (fewer in a shorter word)
    /// shifted in one by one: the key of a word shorter than four bytes,
    /// and the oracle of [`WordMemo::key`]'s four-byte read.
    fn key_by_bytes(word: &[u8]) -> u64 {
        let n = word.len();
        word.get(n.saturating_sub(4)..)
            .unwrap_or_default()
            .iter()
            .fold(n as u64, |key, &b| key << 8 | u64::from(b))
    }

    /// `tell(word)`, answered from the memo when `word` is in it.
    fn get_or(&mut self, word: &'t str, tell: impl FnOnce() -> V) -> V {
        let Some(slot) = self.slots.get_mut(Self::slot(word.as_bytes())) else {
            return tell();
        };
        if let Some((known, shape)) = slot
            && *known == word
        {
            return *shape;
        }
        let shape = tell();
        *slot = Some((word, shape));
        shape
    }
}

/// How many words each [`WordCache`] keeps before it starts again.
const WORD_CACHE_SIZE: usize = 4096;

/// What a thread was told of the Latin-1 words of all the texts it has
/// scanned, by word: texts of one kind share their words (`työryhmän`,
/// `valmistelun`, `Hyvinvointialueen`), so a word a [`WordMemo`] meets for
/// the first time in a text has mostly been told in an earlier one, and a
/// hash look-up costs less than telling it again. Bounded by
/// [`WORD_CACHE_SIZE`], so memory stays flat.
type WordCache<V> = ThreadCache<V>;

thread_local! {
    /// [`head_form_hit`] by lower case.
    static HEAD_CACHE: WordCache<Option<HeadHit>> = RefCell::new(FxHashMap::default());
    /// [`WordShape`]s by the word as written.
    static SHAPE_CACHE: WordCache<WordShape> = RefCell::new(FxHashMap::default());
    /// [`Facts`] by the word as written.
    static FACTS_CACHE: WordCache<Facts> = RefCell::new(FxHashMap::default());
}

/// `tell()`, the answer for `word`, from the thread's `cache` when it
/// holds it, else told and kept there. Only a Latin-1 word is kept: its
/// lower case is that of each character on its own, so the word decides
/// the answer in any text (a Σ lowers by its neighbours).
fn across_texts<V: Clone>(
    cache: &'static LocalKey<WordCache<V>>,
    word: &str,
    tell: impl FnOnce() -> V,
) -> V {
    if !is_latin1(word) {
        return tell();
    }
    cache.with(|cache| remembered(cache, WORD_CACHE_SIZE, word, tell))
}

/// The lower case, head and following gap of every token, each made up
/// front for every token, as [`Scanner::new`] made them before it kept
/// the whole text's lower case, only the tokens with a head and no gaps,
/// the heads by the oracle [`head_hit_by_chain`]: what its test compares
/// with.
#[cfg(test)]
type DenseViews<'l> = (Vec<Cow<'l, str>>, Vec<Option<HeadHit>>, Vec<Gap>);

/// Builds the [`DenseViews`] of `text`.
#[cfg(test)]
fn dense_views<'l>(text: &str, lowered: &'l LowerText) -> DenseViews<'l> {
    let lex = &*LEXICON;
    let tokens = tokenize(text);
    let mut lower = Vec::with_capacity(tokens.len());
    let mut hits = Vec::with_capacity(tokens.len());
    for t in &tokens {
        let token = text.get(t.start..t.end).unwrap_or("");
        let token_lower = lowered.at(token, t.start);
        hits.push(head_hit_by_chain(lex, token, &token_lower));
        lower.push(token_lower);
    }
    (lower, hits, gaps_of(text, &tokens))
}

/// [`gaps_of`] by slicing every gap, as it was done before the one-space
/// test: the oracle its test compares with.
#[cfg(test)]
fn gaps_by_slices(text: &str, tokens: &[Token]) -> Vec<Gap> {
    tokens
        .iter()
        .zip(tokens.iter().skip(1))
        .map(|(a, b)| classify_gap(text.get(a.end..b.start).unwrap_or(".")))
        .collect()
}

/// Words of a short phrase (for the name-level helpers), as written.
fn words_of(phrase: &str) -> Vec<&str> {
    tokenize(phrase)
        .into_iter()
        .filter_map(|t| phrase.get(t.start..t.end))
        .collect()
}

/// Where the last token of `phrase` ends.
fn last_token_end(phrase: &str) -> Option<usize> {
    tokenize(phrase).last().map(|t| t.end)
}

/// `s` with every dash written as `-`; borrowed when it has no other dash
/// (nearly every name), so the words of a name are not copied.
fn normalise_dashes(s: &str) -> Cow<'_, str> {
    // Every dash but `-` starts with byte 0xE2: most words have none,
    // told without decoding them.
    if !s.as_bytes().contains(&0xE2) || !s.contains(|c: char| c != '-' && is_dash(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_dash(c) { '-' } else { c })
            .collect(),
    )
}

/// The capitalisation [`with_case_of`] copies from a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capitals {
    /// All capitals (`TYÖRYHMÄN`, two letters or more).
    All,
    /// An initial capital (`Työryhmän`).
    Initial,
    /// Neither (`työryhmän`).
    None,
}

/// How `original` is capitalised.
fn capitals_of(original: &str) -> Capitals {
    // A word starting with an ASCII small letter has no initial capital,
    // and that letter is not a capital: most words are told by one byte.
    if original
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
    {
        return Capitals::None;
    }
    let letters = || original.chars().filter(|c| c.is_alphabetic());
    // `all` first: it stops at the first small letter.
    if letters().all(char::is_uppercase) && letters().count() > 1 {
        return Capitals::All;
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        return Capitals::Initial;
    }
    Capitals::None
}

/// `lemma` (lower case) with the capitalisation of `original`: all capitals
/// if `original` is (`TYÖRYHMÄN` → `TYÖRYHMÄ`), an initial capital if it has
/// one, else as is (borrowed).
fn with_case_of<'l>(original: &str, lemma: &'l str) -> Cow<'l, str> {
    with_capitals(capitals_of(original), lemma)
}

/// [`with_case_of`] of an owned lemma, which is kept when its case stays.
fn with_case_of_owned(original: &str, lemma: String) -> String {
    match capitals_of(original) {
        Capitals::None => lemma,
        capitals => with_capitals(capitals, &lemma).into_owned(),
    }
}

/// `lemma` (lower case) with `capitals`.
fn with_capitals(capitals: Capitals, lemma: &str) -> Cow<'_, str> {
    match capitals {
        Capitals::All => Cow::Owned(lemma.to_uppercase()),
        Capitals::Initial => {
            let mut chars = lemma.chars();
            Cow::Owned(match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            })
        }
        Capitals::None => Cow::Borrowed(lemma),
    }
}

/// The [`normalise_dashes`] and [`with_case_of`] that the byte tests and
/// the borrowed results replaced, kept as the oracles their tests compare
/// with.
#[cfg(test)]
mod by_chars {
    use super::is_dash;

    pub(super) fn normalise_dashes(s: &str) -> String {
        if !s.contains(|c: char| c != '-' && is_dash(c)) {
            return s.to_owned();
        }
        s.chars()
            .map(|c| if is_dash(c) { '-' } else { c })
            .collect()
    }

    pub(super) fn with_case_of(original: &str, lemma: &str) -> String {
        let letters = || original.chars().filter(|c| c.is_alphabetic());
        let all_caps = letters().count() > 1 && letters().all(char::is_uppercase);
        if all_caps {
            return lemma.to_uppercase();
        }
        if original.chars().next().is_some_and(char::is_uppercase) {
            let mut chars = lemma.chars();
            return match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
        }
        lemma.to_string()
    }
}

/// Whether a token is capitalised like a proper noun or a sentence start
/// (`Päijät-Hämeen`), as opposed to lower case or an acronym (`ICT`).
fn is_titlecase(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_uppercase) && token.chars().any(char::is_lowercase)
}

/// Whether a word is a compound whose first part is an acronym
/// (`LAPE-hankkeen`, `I&O-kärkihankkeen`, `HUS-yhtymän`): the name of one
/// project or organisation, not a common noun.
fn acronym_compound(word: &str) -> bool {
    // Every dash is `-` or starts with byte 0xE2: most words have neither,
    // told without decoding them.
    word.bytes().any(|b| b == b'-' || b == 0xE2) && acronym_compound_by_chars(word)
}

/// [`acronym_compound`] without the byte test: the dash sought char by
/// char (also the oracle of the byte test).
fn acronym_compound_by_chars(word: &str) -> bool {
    word.rsplit_once(is_dash).is_some_and(|(prefix, rest)| {
        !rest.is_empty() && prefix.chars().filter(|c| c.is_uppercase()).count() >= 2
    })
}

/// Whether a token is all digits.
fn is_number(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_digit())
}

/// Lower case of `s` when every character keeps its byte length, so byte
/// offsets into the lower-case string are offsets into `s`.
fn aligned_lowercase(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mut lower = c.to_lowercase();
        let l = lower.next()?;
        if lower.next().is_some() || l.len_utf8() != c.len_utf8() {
            return None;
        }
        out.push(l);
    }
    Some(out)
}

/// The head word `token` ends in, if any: its longest head form, after an
/// optional clitic (`johtoryhmäkin`). `lower` is the token's lower case
/// (as [`str::to_lowercase`] gives it); a token whose lower case changes
/// byte lengths has no head, as offsets into it must be offsets into the
/// token. The scanner asks the tails in [`hits_of`] and the rest in
/// [`head_hit_past_tails`]; this whole look-up is what the tests ask.
#[cfg(test)]
fn head_hit_of(lex: &Lexicon, token: &str, lower: &str) -> Option<HeadHit> {
    // Most words end in no head form, and neither does what is left of
    // them without a clitic: told by their last few bytes (see
    // [`SplitEndTails`]) before anything else. The lower case looked up below
    // differs from `lower` only where a Σ lowers to σ in one and ς in the
    // other, which the tails do not tell apart; no clitic holds either.
    if !may_end_in_head(lex, lower.as_bytes()) {
        return None;
    }
    head_hit_past_tails(lex, token, lower)
}

/// `head_hit_of` of a token whose lower case [`may_end_in_head`] let
/// through already: [`hits_of`] asks the tails of every token first, so
/// they are not asked twice.
fn head_hit_past_tails(lex: &Lexicon, token: &str, lower: &str) -> Option<HeadHit> {
    // `str::to_lowercase` and a char-by-char lower case differ only for Σ
    // (final sigma); such tokens take the slow path.
    let aligned_owned;
    // ASCII and Latin-1 (most Finnish words) lower in place.
    let lower = if is_latin1(token) {
        lower
    } else if token.contains('Σ') {
        aligned_owned = aligned_lowercase(token)?;
        aligned_owned.as_str()
    } else if is_aligned(token) {
        lower
    } else {
        return None;
    };
    head_form_hit(lex, lower)
}

/// The head form a lower-case word ends in, if any, after an optional
/// clitic: the look-up of [`head_hit_past_tails`] once the word's lower
/// case is settled, which depends on nothing but that lower case (so
/// [`HeadMemo`] may keep it).
fn head_form_hit(lex: &Lexicon, lower: &str) -> Option<HeadHit> {
    let hit = |core: &str| {
        let (pos, form) = lex.longest_head_form(core)?;
        Some(HeadHit {
            head: form.head,
            case: form.case,
            plural: form.plural,
            form_start: pos,
            form_end: core.len(),
        })
    };
    if let Some(found) = hit(lower) {
        return Some(found);
    }
    lower
        .get(..lower.len() - clitic_len(lower.as_bytes()))
        .filter(|core| core.len() < lower.len())
        .and_then(hit)
}

/// Whether the lower-case word `lower` may end in a head form, or may once
/// its clitic is cut off: false only if neither ends in one. Most words
/// are told by their last bytes ([`SplitEndTails`]), before anything is sliced
/// or decoded.
#[inline]
fn may_end_in_head(lex: &Lexicon, lower: &[u8]) -> bool {
    let tails = &lex.head_tails;
    tails.may_end(lower)
        || match clitic_len(lower) {
            0 => false,
            n => tails.may_end(lower.get(..lower.len() - n).unwrap_or_default()),
        }
}

/// The byte length of the enclitic particle that `lower` ends in (`-kin`,
/// `-kaan`, `-kään`, `-han`, `-hän`: `johtoryhmäkin`), or 0. No word ends
/// in two of them (no clitic ends another), so the one found is the one
/// trying them in turn finds; told by the last bytes, where that compared
/// five endings.
#[inline]
fn clitic_len(lower: &[u8]) -> usize {
    match lower {
        [.., b'k', b'i', b'n'] | [.., b'h', b'a', b'n'] => 3,
        [.., b'k', b'a', b'a', b'n'] => 4,
        [.., b'h', 0xC3, 0xA4, b'n'] => 4,
        [.., b'k', 0xC3, 0xA4, 0xC3, 0xA4, b'n'] => 6,
        _ => 0,
    }
}

/// The head look-up [`head_hit_of`] replaced, kept as the oracle its tests
/// compare with.
#[cfg(test)]
fn head_hit_by_chain(lex: &Lexicon, token: &str, lower: &str) -> Option<HeadHit> {
    let aligned_owned;
    let lower = if is_latin1(token) {
        lower
    } else if token.contains('Σ') {
        aligned_owned = aligned_lowercase(token)?;
        aligned_owned.as_str()
    } else if is_aligned(token) {
        lower
    } else {
        return None;
    };
    let clitics = match lower.as_bytes() {
        [.., b'i' | b'a' | 0xA4, b'n'] => CLITICS,
        _ => &[],
    };
    std::iter::once(lower)
        .chain(clitics.iter().filter_map(|c| lower.strip_suffix(c)))
        .find_map(|core| {
            let (pos, form) = lex.longest_head_form(core)?;
            Some(HeadHit {
                head: form.head,
                case: form.case,
                plural: form.plural,
                form_start: pos,
                form_end: core.len(),
            })
        })
}

/// Whether every character of `s` lowers to one character of its own byte
/// length (see [`aligned_lowercase`]).
fn is_aligned(s: &str) -> bool {
    s.chars().all(|c| {
        // Latin-1 (ASCII, ä, ö, å, é…) lowers within its two-byte range.
        if u32::from(c) < 0x100 {
            return true;
        }
        let mut lower = c.to_lowercase();
        lower.next().is_some_and(|l| l.len_utf8() == c.len_utf8()) && lower.next().is_none()
    })
}

/// `(ABBR)` right after a name: optional spaces, a parenthesis, an
/// abbreviation, a parenthesis. Returns the abbreviation and its offset in
/// `rest`.
fn abbreviation(rest: &str) -> Option<(&str, usize)> {
    // Most names have no parenthesis after them: told before the parser
    // is built and run.
    if !trim_start_space(rest).starts_with('(') {
        return None;
    }
    parse_abbreviation(rest)
}

/// [`abbreviation`] by the parser alone (also the oracle of its
/// parenthesis test).
fn parse_abbreviation(rest: &str) -> Option<(&str, usize)> {
    let parsed: IResult<&str, (&str, &str)> = (
        take_while(is_space),
        delimited(
            one_char('('),
            verify(
                take_while1(|c: char| c.is_alphanumeric() || is_dash(c) || c == '&'),
                |a: &str| looks_like_abbreviation(a),
            ),
            one_char(')'),
        ),
    )
        .parse(rest);
    let (_, (spaces, abbr)) = parsed.ok()?;
    Some((abbr, spaces.len() + '('.len_utf8()))
}

/// An abbreviation: short, starting with a capital, with at least two
/// capitals (`SJR`, `VATE`, `SoTe`), not a number.
fn looks_like_abbreviation(a: &str) -> bool {
    let capitals = a.chars().filter(|c| c.is_uppercase()).count();
    a.chars().count() <= MAX_ABBREVIATION_CHARS
        && a.chars().next().is_some_and(char::is_uppercase)
        && capitals >= 2
}

// ---------------------------------------------------------------------------
// The scanner

/// A head word found in a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct HeadHit {
    head: usize,
    case: Case,
    plural: bool,
    /// Byte offset in the token where the head form starts.
    form_start: usize,
    /// Byte offset in the token where the head form ends (before a clitic).
    form_end: usize,
}

/// What an accepted word before the head is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Head,
    Adjective,
    /// A genitive attribute naming the body's topic (`valmistelun`).
    Chain,
    /// An owner's genitive taken into the name (`hyvinvointialueen` before
    /// `valmistelun ohjausryhmä`, `kuntien` in `kuntien ja henkilöstön`).
    Owner,
    Conjunction,
    Topic,
}

/// One word of a name.
#[derive(Debug, Clone)]
struct Part<'t> {
    token: usize,
    role: Role,
    /// The word as it stands in the name: borrowed from the text when
    /// written so.
    name: Cow<'t, str>,
}

/// The walk left from one head.
#[derive(Debug, Default)]
struct Walk<'t> {
    /// Accepted words, right to left.
    parts: Vec<Part<'t>>,
    /// Whether a joint adjective was taken, and how many parts came before it.
    joint: bool,
    joint_at: Option<usize>,
    conj_in_chain: bool,
    /// Whether an owner was taken by the formal-chain rule (one at most).
    owner: bool,
    /// Whether the walk reads a space-hyphen phrase (`ICT ja digi
    /// -työryhmä`, `Uusimaa 2019 -hankkeen johtoryhmä`): capitals start it.
    space_hyphen: bool,
    stop: bool,
}

impl<'t> Walk<'t> {
    fn leftmost(&self, head: usize) -> usize {
        self.parts.last().map_or(head, |p| p.token)
    }

    fn last_role(&self) -> Role {
        self.parts.last().map_or(Role::Head, |p| p.role)
    }

    fn push(&mut self, token: usize, role: Role, name: Cow<'t, str>) {
        if role == Role::Owner {
            self.owner = true;
        }
        self.parts.push(Part { token, role, name });
    }

    /// Whether a topic genitive (not an owner) is in the name so far.
    fn has_topic(&self) -> bool {
        self.parts.iter().any(|p| p.role == Role::Chain)
    }
}

/// What the lexicon says of one token, in one byte: the [`Listed`] bits,
/// [`Facts::DESCRIPTIVE`] and [`Facts::KNOWN`] (all zero before the token
/// is looked up, so a text's facts start as one zeroed block).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Facts(u8);

impl Facts {
    /// Not looked up yet.
    const UNKNOWN: Facts = Facts(0);
    /// [`Lexicon::is_descriptive`].
    const DESCRIPTIVE: u8 = 1 << 6;
    /// Looked up.
    const KNOWN: u8 = 1 << 7;

    fn of(listed: Listed, descriptive: bool) -> Facts {
        let descriptive = if descriptive { Self::DESCRIPTIVE } else { 0 };
        Facts(listed.0 | descriptive | Self::KNOWN)
    }

    fn is_known(self) -> bool {
        self.0 & Self::KNOWN != 0
    }

    fn is_descriptive(self) -> bool {
        self.0 & Self::DESCRIPTIVE != 0
    }

    fn listed(self) -> Listed {
        Listed(self.0 & !(Self::DESCRIPTIVE | Self::KNOWN))
    }
}

/// The lower case of every token of a text.
#[derive(Debug)]
enum TokenLower<'l> {
    /// The whole text's lower case, at the text's own offsets: a token's
    /// lower case is its slice, so nothing is kept per token. This is every
    /// text with no character that lowers out of line (nearly all).
    Whole(&'l str),
    /// Each token's lower case on its own, for the few texts with a
    /// character that lowers out of line (`İ`, `Σ`, the Kelvin sign).
    Each(Vec<Cow<'l, str>>),
}

impl<'l> TokenLower<'l> {
    /// The lower case of `tokens` of `text`, whose lower case is `lowered`.
    fn of(text: &str, tokens: &[Token], lowered: &'l LowerText) -> TokenLower<'l> {
        match lowered.aligned() {
            Some(whole) => TokenLower::Whole(whole),
            None => TokenLower::Each(
                tokens
                    .iter()
                    .map(|t| lowered.at(text.get(t.start..t.end).unwrap_or(""), t.start))
                    .collect(),
            ),
        }
    }

    /// The lower case of token `i`, which is `token`.
    fn get(&self, i: usize, token: &Token) -> &str {
        match self {
            TokenLower::Whole(whole) => whole.get(token.start..token.end).unwrap_or(""),
            TokenLower::Each(each) => each.get(i).map_or("", |l| l.as_ref()),
        }
    }

    /// The bytes of [`TokenLower::get`], sliced without asking whether the
    /// token's ends are character boundaries (a token's always are, in the
    /// text and so in its lower case, which keeps every character in place).
    #[inline]
    fn bytes(&self, i: usize, token: &Token) -> &[u8] {
        match self {
            TokenLower::Whole(whole) => whole
                .as_bytes()
                .get(token.start..token.end)
                .unwrap_or_default(),
            TokenLower::Each(each) => each.get(i).map_or(&[], |l| l.as_bytes()),
        }
    }
}

/// Finds bodies in one text.
struct Scanner<'t, 'l> {
    text: &'t str,
    tokens: Vec<Token>,
    /// Lower case of every token, borrowed from the text's lower case.
    lower: TokenLower<'l>,
    /// The tokens that end in a head word, ascending, with the head each
    /// ends in: looked up once, and kept only for the few tokens that
    /// have one, which are all the scan visits.
    hits: Vec<(usize, HeadHit)>,
    /// What the lexicon says of each token's lower case, asked when first
    /// needed: a walk asks it of one word up to four times, and walks from
    /// nearby heads cross the same words.
    facts: Vec<Cell<Facts>>,
    /// The parts vector of the last walk, emptied and kept for the next
    /// one: a walk takes it instead of allocating its own.
    spare_parts: Cell<Vec<Part<'t>>>,
    /// Strings to write the names in before making new ones (see
    /// [`recycle_names`]); their text is left over and overwritten.
    spare_names: Cell<Vec<String>>,
    /// The shapes of the words [`Scanner::chain_role`] has met: walks from
    /// the heads meet the same genitives again and again.
    shapes: RefCell<ShapeMemo<'t>>,
    /// The [`Facts`] of the words met so far: a token's own cell is empty
    /// the first time it is asked, but its word has often been asked.
    word_facts: RefCell<WordMemo<'t, Facts>>,
    lex: &'static Lexicon,
    /// `basic_form`: a lone generic head standing as the whole phrase counts.
    lenient: bool,
}

impl<'t, 'l> Scanner<'t, 'l> {
    fn new(text: &'t str, lowered: &'l LowerText, lenient: bool) -> Scanner<'t, 'l> {
        Self::with_tokens(text, lowered, tokenize(text), None, lenient)
    }

    /// [`Scanner::new`] given the text's tokens ([`tokenize`]).
    fn with_tokens(
        text: &'t str,
        lowered: &'l LowerText,
        tokens: Vec<Token>,
        maybe: Option<&[u32]>,
        lenient: bool,
    ) -> Scanner<'t, 'l> {
        let lex = &*LEXICON;
        let lower = TokenLower::of(text, &tokens, lowered);
        let hits = match maybe {
            Some(maybe) => hits_of(
                lex,
                text,
                &tokens,
                maybe
                    .iter()
                    .map(|&i| ((i & !TAILS_PASSED) as usize, i & TAILS_PASSED != 0)),
                &lower,
            ),
            None => hits_of(
                lex,
                text,
                &tokens,
                (0..tokens.len()).map(|i| (i, false)),
                &lower,
            ),
        };
        Scanner {
            text,
            facts: vec![Cell::new(Facts::UNKNOWN); tokens.len()],
            spare_parts: Cell::default(),
            spare_names: Cell::default(),
            shapes: RefCell::new(ShapeMemo::new()),
            word_facts: RefCell::new(WordMemo::new()),
            tokens,
            lower,
            hits,
            lex,
            lenient,
        }
    }

    /// The bodies of the text, left to right: only a token that ends in a
    /// head word can name one, so only those are visited.
    fn scan(&self) -> Vec<BodyMatch<'t>> {
        // A body per hit at most.
        let mut found = Vec::with_capacity(self.hits.len());
        let mut floor = 0;
        for &(idx, hit) in &self.hits {
            let Some(token) = self.tokens.get(idx) else {
                break;
            };
            if token.start < floor {
                continue;
            }
            if let Some(m) = self.body_at(idx, hit, floor) {
                floor = m
                    .abbreviation
                    .map_or(m.span.end, |(_, s)| s.end + ')'.len_utf8());
                found.push(m);
            }
        }
        found
    }

    /// [`Scanner::scan`] as it was: every token visited, whether it ends
    /// in a head or not (the oracle its test compares with).
    #[cfg(test)]
    fn scan_every_token(&self) -> Vec<BodyMatch<'t>> {
        let mut found = Vec::new();
        let mut floor = 0;
        for idx in 0..self.tokens.len() {
            let Some(token) = self.tokens.get(idx) else {
                break;
            };
            if token.start < floor {
                continue;
            }
            if let Some(m) = self
                .head_hit(idx)
                .and_then(|hit| self.body_at(idx, hit, floor))
            {
                floor = m
                    .abbreviation
                    .map_or(m.span.end, |(_, s)| s.end + ')'.len_utf8());
                found.push(m);
            }
        }
        found
    }

    /// [`Scanner::scan`] with a new parts vector for every walk, as before
    /// the walks shared one ([`Scanner::spare_parts`]): the oracle its test
    /// compares with.
    #[cfg(test)]
    fn scan_with_fresh_walks(&self) -> Vec<BodyMatch<'t>> {
        let mut found = Vec::new();
        let mut floor = 0;
        for &(idx, hit) in &self.hits {
            let Some(token) = self.tokens.get(idx) else {
                break;
            };
            if token.start < floor {
                continue;
            }
            drop(self.spare_parts.take());
            if let Some(m) = self.body_at(idx, hit, floor) {
                floor = m
                    .abbreviation
                    .map_or(m.span.end, |(_, s)| s.end + ')'.len_utf8());
                found.push(m);
            }
        }
        found
    }

    fn token_text(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn lower(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |token| self.lower.get(i, token))
    }

    /// What the lexicon says of token `i`, looked up once: a token asked
    /// again (most asks) is answered by its cell inline, without a call.
    #[inline]
    fn facts(&self, i: usize) -> Facts {
        match self.facts.get(i).map(Cell::get) {
            Some(known) if known.is_known() => known,
            _ => self.facts_first(i),
        }
    }

    /// [`Scanner::facts`] of a token asked for the first time: from the
    /// word memo, the thread's [`FACTS_CACHE`], or told now, and kept in
    /// the token's cell. Out of line,
    /// as most asks are answered before it.
    #[inline(never)]
    fn facts_first(&self, i: usize) -> Facts {
        let cell = self.facts.get(i);
        let word = self.token_text(i);
        let tell = || across_texts(&FACTS_CACHE, word, || self.facts_told(i));
        let facts = match self.word_facts.try_borrow_mut() {
            Ok(mut memo) => memo.get_or(word, tell),
            Err(_) => tell(),
        };
        if let Some(cell) = cell {
            cell.set(facts);
        }
        facts
    }

    /// What the lexicon says of token `i`'s lower case, asked now.
    fn facts_told(&self, i: usize) -> Facts {
        let lower = self.lower(i);
        let listed = self.lex.listed(lower);
        Facts::of(listed, self.lex.is_descriptive_given(lower, listed))
    }

    /// Whether token `i` is a descriptive word ([`Lexicon::is_descriptive`]).
    fn is_descriptive(&self, i: usize) -> bool {
        self.facts(i).is_descriptive()
    }

    /// Whether token `i` is on the lexicon's word list `list` ([`Listed`]).
    fn is_listed(&self, i: usize, list: u8) -> bool {
        self.facts(i).listed().is(list)
    }

    /// The gap between token `left` and the token after it, classified
    /// when asked: only the words around a head are asked about.
    fn gap_after(&self, left: usize) -> Gap {
        match (self.tokens.get(left), self.tokens.get(left + 1)) {
            (Some(a), Some(b)) => gap_between(self.text, a, b),
            _ => Gap::Boundary,
        }
    }

    /// Whether token `i` starts a phrase: first in the text, after a
    /// boundary, or after a number (a date or list number before a title).
    fn phrase_start(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return true;
        };
        self.gap_after(prev) != Gap::Space || is_number(self.token_text(prev))
    }

    /// The head word token `i` ends in, if any.
    fn head_hit(&self, i: usize) -> Option<HeadHit> {
        let k = self.hits.binary_search_by_key(&i, |&(j, _)| j).ok()?;
        self.hits.get(k).map(|&(_, hit)| hit)
    }

    /// The body whose head is token `idx`, ending in `hit`, if it names one.
    fn body_at(&self, idx: usize, hit: HeadHit, floor: usize) -> Option<BodyMatch<'t>> {
        let head = self.lex.heads.get(hit.head)?;
        let kind = head.kind?;
        let token = self.token_text(idx);
        let prefix = token.get(..hit.form_start)?;
        let space_hyphen = !prefix.is_empty() && prefix.chars().all(is_dash);
        let compound = !prefix.is_empty() && !space_hyphen;
        if head.bare == Bare::Members
            && (space_hyphen
                || (compound && !self.lex.is_forum_member_compound(&prefix.to_lower())))
        {
            return None;
        }
        let walk = self.walk_left(idx, &hit, space_hyphen, floor)?;
        let found = if self.head_stands(head, compound, idx, &walk) {
            self.build(idx, &hit, head, kind, &walk)
        } else {
            None
        };
        self.recycle(walk);
        found
    }

    /// Keeps `walk`'s parts vector, emptied, for the next walk
    /// ([`Scanner::spare_parts`]).
    fn recycle(&self, walk: Walk<'t>) {
        let mut parts = walk.parts;
        parts.clear();
        self.spare_parts.set(parts);
    }

    /// Whether a head with these attributes names a body (see [`Bare`]).
    fn head_stands(&self, head: &Head, compound: bool, idx: usize, walk: &Walk) -> bool {
        let lone = walk.parts.is_empty() && !compound;
        match head.bare {
            Bare::Yes => true,
            _ if lone && self.lenient && idx == 0 => true,
            Bare::No => !lone,
            Bare::Members => {
                compound
                    || walk.parts.first().is_some_and(|p| {
                        p.role == Role::Chain
                            && self.lex.is_forum_member_genitive(self.lower(p.token))
                    })
            }
        }
    }

    /// Walks left from the head at `idx`, collecting the words of the name.
    /// `None` when a space-hyphen head has no phrase before it.
    fn walk_left(
        &self,
        idx: usize,
        hit: &HeadHit,
        space_hyphen: bool,
        floor: usize,
    ) -> Option<Walk<'t>> {
        let mut walk = Walk {
            parts: self.spare_parts.take(),
            space_hyphen,
            ..Walk::default()
        };
        if space_hyphen && self.space_hyphen_topic(idx, floor, &mut walk).is_none() {
            self.recycle(walk);
            return None;
        }
        while !walk.stop && walk.parts.len() < MAX_LEFT_WORDS {
            let cur = walk.leftmost(idx);
            let Some(p) = cur.checked_sub(1) else { break };
            if self.tokens.get(p).is_none_or(|t| t.start < floor) {
                break;
            }
            let accepted = match self.gap_after(p) {
                Gap::Space => self.step(p, hit, floor, &mut walk),
                Gap::Comma => self.comma_step(p, cur, &mut walk),
                Gap::CloseParen => self.paren_step(p, floor, &mut walk),
                Gap::OpenParen | Gap::Boundary => false,
            };
            if !accepted {
                break;
            }
        }
        self.drop_partial_owners(idx, &mut walk);
        Some(walk)
    }

    /// A joint adjective (`yhteinen`) keeps its owners only when all of them
    /// are taken, back to the start of the phrase; otherwise the adjective
    /// and the owners are left out (`Forssan seudun kuntayhtymän yhteinen
    /// henkilöstötyöryhmä` mid-sentence → `henkilöstötyöryhmä`).
    fn drop_partial_owners(&self, idx: usize, walk: &mut Walk<'t>) {
        let Some(joint_at) = walk.joint_at else {
            return;
        };
        if !self.phrase_start(walk.leftmost(idx)) {
            walk.parts.truncate(joint_at);
        }
    }

    /// One word left of the name so far, across a plain space.
    fn step(&self, p: usize, hit: &HeadHit, floor: usize, walk: &mut Walk<'t>) -> bool {
        let lower = self.lower(p);
        if self.is_descriptive(p) {
            return false;
        }
        if self.is_listed(p, Listed::CONJUNCTION) {
            return self.conjunction_step(p, walk);
        }
        if self.token_text(p).starts_with(is_dash) {
            return self.hyphen_genitive_step(p, floor, walk);
        }
        // With a genitive head, a genitive adjective left of a topic genitive
        // belongs to the topic (`Sosiaalisen kuntoutuksen työryhmän`).
        let chain_genitive_head =
            hit.case == Case::Genitive && walk.parts.iter().any(|x| x.role == Role::Chain);
        if !walk.space_hyphen
            && !chain_genitive_head
            && let Some((lemma, participle)) =
                // Not descriptive: told above.
                self.lex.agreeing_adjective_if(
                    lower,
                    hit.case,
                    hit.plural,
                    self.facts(p).listed(),
                    || true,
                )
        {
            if participle && self.has_object(p) {
                walk.stop = true;
                return false;
            }
            if self.lex.joint.contains(&lemma) {
                walk.joint = true;
                walk.joint_at.get_or_insert(walk.parts.len());
            }
            let name = with_case_of_owned(self.token_text(p), lemma);
            walk.push(p, Role::Adjective, Cow::Owned(name));
            return true;
        }
        self.chain_step(p, walk, true)
    }

    /// A genitive attribute of the name's topic, kept as written. An
    /// owner's genitive joins when it stands directly before a topic
    /// genitive of the name (`hyvinvointialueen valmistelun ohjausryhmä`;
    /// not across a parenthesis, which names the owner: `kuntayhtymän (Siun
    /// sote) valmistelun ryhmät`); the name ends with it, since what stands
    /// before an owner describes the owner (`Pohjois-Savon`).
    fn chain_step(&self, p: usize, walk: &mut Walk<'t>, owners: bool) -> bool {
        let owner_ok = owners && walk.last_role() == Role::Chain && !walk.owner;
        let Some(role) = self.chain_role(p, walk, owner_ok) else {
            return false;
        };
        let word = self.token_text(p);
        if self.capital_stops(p) || role == Role::Owner {
            walk.stop = true;
        }
        walk.push(p, role, normalise_dashes(word));
        true
    }

    /// Whether the walk ends at the capitalised word `p`: a capital starts a
    /// name (`asetti Asukasosallisuuden työryhmän`, `Keski-Suomen
    /// Tulevaisuuden sote-keskus -hankkeen`), unless a conjunction joins the
    /// word to one before it.
    fn capital_stops(&self, p: usize) -> bool {
        if !is_titlecase(self.token_text(p)) {
            return false;
        }
        let Some(q) = p.checked_sub(1) else {
            return true;
        };
        !(self.gap_after(q) == Gap::Space && self.lex.listed(self.lower(q)).is(Listed::CONJUNCTION))
    }

    /// `ja`, `sekä`, `tai` inside a name: accepted together with the word
    /// before it when both sides are of one kind (`Hyvinvoinnin ja terveyden
    /// edistämisen`, `Maakunta- ja sote-uudistuksen`, `ICT- ja digityöryhmä`).
    /// An owner coordinated with a topic genitive is part of the topic
    /// (`kuntien ja henkilöstön seurantaryhmä`).
    fn conjunction_step(&self, p: usize, walk: &mut Walk<'t>) -> bool {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        if self.gap_after(q) != Gap::Space {
            return false;
        }
        let left = self.token_text(q);
        let right_role = walk.last_role();
        let hyphen_prefix = left.ends_with(is_dash) && left.chars().any(is_word_char);
        let role = if hyphen_prefix {
            (matches!(right_role, Role::Chain | Role::Owner)
                || (right_role == Role::Head && self.head_is_compound(p)))
            .then_some(Role::Chain)
        } else if matches!(right_role, Role::Chain | Role::Owner) {
            self.chain_role(q, walk, right_role == Role::Chain)
        } else {
            None
        };
        let Some(role) = role else {
            return false;
        };
        walk.push(p, Role::Conjunction, Cow::Borrowed(self.token_text(p)));
        walk.push(q, role, normalise_dashes(left));
        walk.conj_in_chain = true;
        if self.capital_stops(q) {
            walk.stop = true;
        }
        true
    }

    /// Whether the word right of the conjunction at `p` is a compound head
    /// (`digityöryhmä` in `ICT- ja digityöryhmä`).
    fn head_is_compound(&self, p: usize) -> bool {
        self.head_hit(p + 1)
            .is_some_and(|h| h.form_start > 0 && !self.token_text(p + 1).starts_with(is_dash))
    }

    /// A word before a comma: the first items of a list inside a name
    /// (`Sosiaali-, terveys- ja pelastustoimen`, `Talouden, hallinnon ja
    /// henkilöstön työryhmä`); owners may be items of a list that holds a
    /// topic (`kuntien, järjestöjen ja henkilöstön`).
    fn comma_step(&self, p: usize, cur: usize, walk: &mut Walk<'t>) -> bool {
        let left = self.token_text(p);
        let right = self.token_text(cur);
        let prefix_list = left.ends_with(is_dash) && right.ends_with(is_dash);
        let role = if prefix_list {
            Some(Role::Chain)
        } else if walk.conj_in_chain && matches!(walk.last_role(), Role::Chain | Role::Owner) {
            self.chain_role(p, walk, walk.has_topic())
        } else {
            None
        };
        let Some(role) = role else {
            return false;
        };
        walk.push(p, role, Cow::Owned(format!("{},", normalise_dashes(left))));
        if self.capital_stops(p) {
            walk.stop = true;
        }
        true
    }

    /// A short parenthesis before the name so far (`edistämisen (hyte)
    /// työryhmän`): skipped, and the genitive before it taken.
    fn paren_step(&self, p: usize, floor: usize, walk: &mut Walk<'t>) -> bool {
        let mut k = p;
        for _ in 0..MAX_PAREN_WORDS {
            let Some(before) = k.checked_sub(1) else {
                return false;
            };
            match self.gap_after(before) {
                Gap::OpenParen => {
                    if self.tokens.get(before).is_none_or(|t| t.start < floor) {
                        return false;
                    }
                    return self.chain_step(before, walk, false);
                }
                Gap::Space | Gap::Comma => k = before,
                _ => return false,
            }
        }
        false
    }

    /// A space-hyphen genitive inside a name: the programme or project the
    /// body belongs to, named by the phrase before the hyphen
    /// (`Tulevaisuuden sote-keskus -hankkeen ohjausryhmä`, `Uusimaa 2019
    /// -hankkeen johtoryhmä`). The phrase is read as before a space-hyphen
    /// head; a place before it stays out (`Keski-Suomen`).
    fn hyphen_genitive_step(&self, p: usize, floor: usize, walk: &mut Walk<'t>) -> bool {
        let word = self.token_text(p);
        let bare = word.trim_start_matches(is_dash);
        let lower = self.lower(p).trim_start_matches(is_dash);
        let lex = self.lex;
        if !self.genitive_shape(bare, lower)
            || self.head_hit(p).is_some()
            || lex.is_descriptive(lower)
            || lex.listed(lower).is(Listed::GENERIC)
            || lex.is_object(lower)
        {
            return false;
        }
        let saved = (walk.parts.len(), walk.stop, walk.conj_in_chain);
        walk.push(p, Role::Chain, normalise_dashes(word));
        if self.space_hyphen_topic(p, floor, walk).is_none() {
            walk.parts.truncate(saved.0);
            walk.stop = saved.1;
            walk.conj_in_chain = saved.2;
            return false;
        }
        walk.space_hyphen = true;
        self.place_before_phrase(floor, walk);
        true
    }

    /// A place's genitive before a lower-case space-hyphen phrase inside a
    /// name starts that phrase: the phrase names an organisation or a
    /// project, and the place is part of its name (`Kainuun sote
    /// -kuntayhtymän yhtymähallitus`). A capitalised phrase has begun
    /// already (`Keski-Suomen Tulevaisuuden sote-keskus -hankkeen`).
    fn place_before_phrase(&self, floor: usize, walk: &mut Walk<'t>) {
        let Some(first) = walk.parts.last().map(|part| part.token) else {
            return;
        };
        if walk.stop || is_titlecase(self.token_text(first)) {
            return;
        }
        let Some(q) = first.checked_sub(1) else {
            return;
        };
        let word = self.token_text(q);
        if self.gap_after(q) == Gap::Space
            && self.tokens.get(q).is_some_and(|t| t.start >= floor)
            && is_titlecase(word)
            && self.lower(q).ends_with('n')
            && super::places::lookup(word).is_some()
        {
            walk.push(q, Role::Topic, normalise_dashes(word));
            walk.stop = true;
        }
    }

    /// The phrase before a space-hyphen head (`ICT ja digi -työryhmä`,
    /// `Vammaisten palvelut -ryhmä`): the word right before the hyphen in any
    /// form, and a coordination or list ending in it; a capitalised word
    /// starts the phrase. `None` when there is no such word.
    fn space_hyphen_topic(&self, idx: usize, floor: usize, walk: &mut Walk<'t>) -> Option<()> {
        let p = idx.checked_sub(1)?;
        if self.gap_after(p) != Gap::Space || self.tokens.get(p).is_none_or(|t| t.start < floor) {
            return None;
        }
        let word = self.token_text(p);
        if self.is_listed(p, Listed::CONJUNCTION)
            || self.is_descriptive(p)
            || word.ends_with(is_dash)
        {
            return None;
        }
        walk.push(p, Role::Topic, normalise_dashes(word));
        walk.stop = is_titlecase(word);
        if is_number(word) {
            self.topic_before_number(p, floor, walk);
        }
        while !walk.stop
            && walk.parts.len() < MAX_LEFT_WORDS
            && self.topic_conjunct(walk.leftmost(idx), floor, walk)
        {}
        self.capitalised_name_words(floor, walk);
        Some(())
    }

    /// The words of a proper name before a space-hyphen phrase that starts
    /// with a capital: capitalised words inside a sentence (`kokoontui Oma
    /// Häme -hankkeen ohjausryhmä`), not places, given names or the words of
    /// a person's name (`Liisa Aaltonen Sote 2030 -työryhmästä`).
    fn capitalised_name_words(&self, floor: usize, walk: &mut Walk<'t>) {
        for _ in 0..MAX_PAREN_WORDS {
            let Some(first) = walk.parts.last().map(|part| part.token) else {
                return;
            };
            if !is_titlecase(self.token_text(first)) {
                return;
            }
            let Some(q) = first.checked_sub(1) else {
                return;
            };
            let word = self.token_text(q);
            let person = |i: usize| super::person::is_given_name(self.token_text(i));
            if self.gap_after(q) != Gap::Space
                || self.tokens.get(q).is_none_or(|t| t.start < floor)
                || !is_titlecase(word)
                || self.phrase_start(q)
                || super::places::lookup(word).is_some()
                || person(q)
                || q.checked_sub(1).is_some_and(person)
                || self.head_hit(q).is_some()
            {
                return;
            }
            walk.push(q, Role::Topic, normalise_dashes(word));
        }
    }

    /// A capitalised word or acronym before a number in a space-hyphen
    /// phrase (`Sote 2030 -työryhmä`).
    fn topic_before_number(&self, p: usize, floor: usize, walk: &mut Walk<'t>) {
        let Some(q) = p.checked_sub(1) else { return };
        let word = self.token_text(q);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if self.gap_after(q) == Gap::Space
            && capital
            && self.tokens.get(q).is_some_and(|t| t.start >= floor)
        {
            walk.push(q, Role::Topic, normalise_dashes(word));
            walk.stop = true;
        }
    }

    /// One more conjunct of a space-hyphen phrase: `ja X`, or `X,` in a list.
    fn topic_conjunct(&self, cur: usize, floor: usize, walk: &mut Walk<'t>) -> bool {
        let Some(p) = cur.checked_sub(1) else {
            return false;
        };
        if self.tokens.get(p).is_none_or(|t| t.start < floor) {
            return false;
        }
        let (conj, q) = match self.gap_after(p) {
            Gap::Space if self.lex.listed(self.lower(p)).is(Listed::CONJUNCTION) => {
                (Some(p), p.checked_sub(1))
            }
            Gap::Comma if walk.conj_in_chain => (None, Some(p)),
            _ => return false,
        };
        let Some(q) = q else { return false };
        if conj.is_some() && self.gap_after(q) != Gap::Space {
            return false;
        }
        let word = self.token_text(q);
        if self.tokens.get(q).is_none_or(|t| t.start < floor)
            || self.is_descriptive(q)
            || self.is_listed(q, Listed::CONJUNCTION)
            || self.head_hit(q).is_some()
        {
            return false;
        }
        let written = match conj {
            Some(c) => {
                walk.push(c, Role::Conjunction, Cow::Borrowed(self.token_text(c)));
                normalise_dashes(word)
            }
            None => Cow::Owned(format!("{},", normalise_dashes(word))),
        };
        walk.push(q, Role::Topic, written);
        walk.conj_in_chain = true;
        walk.stop = is_titlecase(word);
        true
    }

    /// Whether a participle at `p` has an object of its own before it
    /// (`sote-uudistusta valmistelevat`): then it describes, not names.
    fn has_object(&self, p: usize) -> bool {
        let Some(q) = p.checked_sub(1) else {
            return false;
        };
        let lower = self.lower(q);
        self.gap_after(q) == Gap::Space
            && lower.ends_with(['a', 'ä'])
            && !self.is_descriptive(q)
            && !self.is_listed(q, Listed::CONJUNCTION)
    }

    /// Whether token `p` can be a genitive attribute of the name, and as
    /// what: a topic genitive (`Role::Chain`), or an owner (`Role::Owner`).
    /// An owner's genitive (`maakunnan`, `hankkeen`) names whose body it is
    /// and stays out (`maakunnan johtoryhmä` → `johtoryhmä`), except where
    /// it is part of a formal name: after a joint adjective (`kuntien ja
    /// hyvinvointialueen yhteinen`), or where the caller allows it
    /// (`owner_ok`: directly before a topic genitive, `hyvinvointialueen
    /// valmistelun ohjausryhmä`; coordinated with one, `kuntien ja
    /// henkilöstön seurantaryhmä`), and where the owner is a proper name
    /// (`LAPE-hankkeen ohjausryhmä`, see [`acronym_compound`]).
    fn chain_role(&self, p: usize, walk: &Walk, owner_ok: bool) -> Option<Role> {
        let shape = self.word_shape(p);
        if !shape.has(WordShape::GENITIVE) || self.head_hit(p).is_some() {
            return None;
        }
        if self.is_descriptive(p)
            || self.is_listed(p, Listed::GENERIC)
            || shape.has(WordShape::OBJECT)
        {
            return None;
        }
        let role = if !shape.has(WordShape::OWNER) || walk.joint {
            Role::Chain
        } else if owner_ok || shape.has(WordShape::ACRONYM) {
            Role::Owner
        } else {
            return None;
        };
        if shape.has(WordShape::PROPER) {
            if shape.has(WordShape::PLACE) {
                return None;
            }
            let starts = walk.space_hyphen || self.phrase_start(p) || self.starts_formal_name(p);
            return starts.then_some(role);
        }
        Some(role)
    }

    /// The [`WordShape`] of token `p`, told once per word of the text (and
    /// kept across texts by [`SHAPE_CACHE`]).
    fn word_shape(&self, p: usize) -> WordShape {
        let word = self.token_text(p);
        let tell = || {
            across_texts(&SHAPE_CACHE, word, || {
                WordShape::of(self.lex, word, self.lower(p))
            })
        };
        match self.shapes.try_borrow_mut() {
            Ok(mut memo) => memo.get_or(word, tell),
            Err(_) => tell(),
        }
    }

    /// [`Scanner::chain_role`] asking every word check of the word itself,
    /// as it did before [`ShapeMemo`]: the oracle its tests compare with.
    #[cfg(test)]
    fn chain_role_by_word_checks(&self, p: usize, walk: &Walk, owner_ok: bool) -> Option<Role> {
        let word = self.token_text(p);
        let lower = self.lower(p);
        if !self.genitive_shape(word, lower) || self.head_hit(p).is_some() {
            return None;
        }
        let lex = self.lex;
        if self.is_descriptive(p) || self.is_listed(p, Listed::GENERIC) || lex.is_object(lower) {
            return None;
        }
        let role = if !lex.is_owner(lower) || walk.joint {
            Role::Chain
        } else if owner_ok || acronym_compound(word) {
            Role::Owner
        } else {
            return None;
        };
        if is_titlecase(word) && !acronym_compound(word) {
            if super::places::lookup(word).is_some() {
                return None;
            }
            let starts = walk.space_hyphen || self.phrase_start(p) || self.starts_formal_name(p);
            return starts.then_some(role);
        }
        Some(role)
    }

    /// Whether a capitalised genitive inside a sentence starts a body's
    /// formal name (`asetti Asukasosallisuuden työryhmän`, `seuraa Kuntien
    /// ja henkilöstön seurantaryhmä`, `Kymsoten yhtymähallitus`) rather
    /// than ending another proper name: it is not an acronym's genitive
    /// (`HUSin`), and the word before it does not start with a capital
    /// (`Tuija Kalliokosken`), unless that word is a place (`Keski-Suomen
    /// Tulevaisuuden …`) or a sentence's first word that is not a given
    /// name (`Lisäksi Asukasosallisuuden työryhmä`).
    fn starts_formal_name(&self, p: usize) -> bool {
        let word = self.token_text(p);
        if word.chars().filter(|c| c.is_uppercase()).count() > 1 {
            return false;
        }
        let Some(q) = p.checked_sub(1) else {
            return true;
        };
        let prev = self.token_text(q);
        !prev.chars().next().is_some_and(char::is_uppercase)
            || super::places::lookup(prev).is_some()
            || (self.phrase_start(q) && is_titlecase(prev) && !super::person::is_given_name(prev))
    }

    /// Whether a word looks like a genitive noun: ends in -n, is not a
    /// number, acronym genitive (`STM:n`) or dash-led word, and does not end
    /// like an illative, a passive verb or an adverb (`-aan`, `-iin`,
    /// `-seen`, `-mmin`, `-ttain`), nor like the nominative of a -nen word
    /// (`alainen`, `Virtanen`; the genitive is `-sen`; `-nnen` stays, as in
    /// `kolmannen`).
    fn genitive_shape(&self, word: &str, lower: &str) -> bool {
        genitive_shape(word, lower)
    }

    /// Makes the match from a head and its walk.
    fn build(
        &self,
        idx: usize,
        hit: &HeadHit,
        head: &Head,
        kind: BodyKind,
        walk: &Walk,
    ) -> Option<BodyMatch<'t>> {
        let head_token = self.tokens.get(idx)?;
        let first = self.tokens.get(walk.leftmost(idx))?;
        let span = Span::new(first.start, head_token.end);
        let text = self.text.get(span.start..span.end)?;
        let token = self.token_text(idx);
        let prefix = normalise_dashes(token.get(..hit.form_start)?);
        let head_written = token.get(hit.form_start..hit.form_end)?;
        let head_case = if prefix.chars().any(char::is_alphanumeric) {
            compound_head_case(head_written, &head.nominative)
        } else {
            with_case_of(head_written, &head.nominative)
        };
        let mut name = self.name_string(span.end - span.start + head_case.len());
        for part in walk.parts.iter().rev() {
            name.push_str(&part.name);
            name.push(' ');
        }
        name.push_str(&prefix);
        name.push_str(&head_case);
        let kind = self.lex.kind_override_of(&name).unwrap_or(kind);
        let plural = hit.plural || self.numeral_before(walk.leftmost(idx), hit.case);
        let abbreviation = abbreviation(self.text.get(head_token.end..)?).map(|(abbr, offset)| {
            let start = head_token.end + offset;
            (abbr, Span::new(start, start + abbr.len()))
        });
        Some(BodyMatch {
            span,
            text,
            name,
            kind,
            plural,
            case: hit.case,
            abbreviation,
        })
    }

    /// An empty string with room for `capacity` bytes: a spare one
    /// ([`Scanner::spare_names`]) emptied, or else a new one.
    fn name_string(&self, capacity: usize) -> String {
        let mut spare = self.spare_names.take();
        let name = spare.pop();
        self.spare_names.set(spare);
        match name {
            Some(mut name) => {
                name.clear();
                name.reserve(capacity);
                name
            }
            None => String::with_capacity(capacity),
        }
    }

    /// Whether a numeral of two or more stands right before token `i`
    /// (`seitsemän työryhmää`, `kahden työryhmän`); digits only before the
    /// partitive that numerals take (`3 työryhmää`, not `§ 42 Lautakunnan`).
    fn numeral_before(&self, i: usize, case: Case) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        if self.gap_after(p) != Gap::Space {
            return false;
        }
        let word = self.token_text(p);
        if is_number(word) {
            return case == Case::Partitive && word.parse::<u16>().is_ok_and(|n| n >= 2);
        }
        self.lex.numerals.contains(self.lower(p))
    }
}

/// Whether a word looks like a genitive noun (see
/// [`Scanner::genitive_shape`]), told on bytes: the endings as slice
/// patterns, a digit or colon as one byte range, three characters by
/// [`has_three_chars`], a leading dash by [`starts_with_dash`].
fn genitive_shape(word: &str, lower: &str) -> bool {
    let bytes = lower.as_bytes();
    bytes.last() == Some(&b'n')
        && has_three_chars(bytes)
        && !matches!(bytes, [.., b'n', b'e', b'n'] if !bytes.ends_with(b"nnen"))
        && !starts_with_dash(word.as_bytes())
        // `0`–`9` and `:` are the bytes 0x30–0x3A.
        && !word.bytes().any(|b| b.wrapping_sub(b'0') <= b':' - b'0')
        && !ends_unlike_a_genitive(bytes)
}

/// Whether the UTF-8 `bytes` hold three characters or more: nine bytes
/// always do (a character takes four at most), fewer are counted by the
/// bytes that start a character (all but `10xxxxxx`).
fn has_three_chars(bytes: &[u8]) -> bool {
    bytes.len() >= 9 || bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() >= 3
}

/// Whether the UTF-8 `bytes` start with a dash ([`is_dash`]): `-`, or one
/// of the others, which all start with byte 0xE2 and are told only then.
fn starts_with_dash(bytes: &[u8]) -> bool {
    match bytes.first() {
        Some(b'-') => true,
        Some(0xE2) => std::str::from_utf8(bytes.get(..3).unwrap_or_default())
            .ok()
            .and_then(|s| s.chars().next())
            .is_some_and(is_dash),
        _ => false,
    }
}

/// The [`genitive_shape`] before [`has_three_chars`] and
/// [`starts_with_dash`] told their parts on bytes: the oracle its test
/// compares with.
#[cfg(test)]
fn genitive_shape_by_str(word: &str, lower: &str) -> bool {
    lower.ends_with('n')
        && lower.chars().nth_back(2).is_some()
        && !matches!(lower.as_bytes(), [.., b'n', b'e', b'n'] if !lower.ends_with("nnen"))
        && !word.starts_with(is_dash)
        && !word.bytes().any(|b| b == b':' || b.is_ascii_digit())
        && !ends_unlike_a_genitive(lower.as_bytes())
}

/// Whether a word ending in -n ends like an illative, a passive verb or
/// an adverb: `-aan`, `-ään`, `-oon`, `-öön`, `-uun`, `-yyn`, `-iin`,
/// `-seen`, `-ihin`, `-mmin`, `-ttain`, `-ttäin` (`ä` is `C3 A4`, `ö` is
/// `C3 B6`).
fn ends_unlike_a_genitive(lower: &[u8]) -> bool {
    matches!(
        lower,
        [.., b'a', b'a', b'n']
            | [.., 0xC3, 0xA4, 0xC3, 0xA4, b'n']
            | [.., b'o', b'o', b'n']
            | [.., 0xC3, 0xB6, 0xC3, 0xB6, b'n']
            | [.., b'u', b'u', b'n']
            | [.., b'y', b'y', b'n']
            | [.., b'i', b'i', b'n']
            | [.., b's', b'e', b'e', b'n']
            | [.., b'i', b'h', b'i', b'n']
            | [.., b'm', b'm', b'i', b'n']
            | [.., b't', b't', b'a', b'i', b'n']
            | [.., b't', b't', 0xC3, 0xA4, b'i', b'n']
    )
}

/// The char-by-char [`genitive_shape`] that the byte tests replaced, kept
/// as the oracle its tests compare with.
#[cfg(test)]
fn genitive_shape_by_chars(word: &str, lower: &str) -> bool {
    const NOT_GENITIVE: &[&str] = &[
        "aan", "ään", "oon", "öön", "uun", "yyn", "iin", "seen", "ihin", "mmin", "ttain", "ttäin",
    ];
    lower.ends_with('n')
        && lower.chars().count() >= 3
        && (!lower.ends_with("nen") || lower.ends_with("nnen"))
        && !word.starts_with(is_dash)
        && !word.contains(':')
        && !word.chars().any(|c| c.is_ascii_digit())
        && !NOT_GENITIVE.iter().any(|e| lower.ends_with(e))
}

/// Capitalisation of a head inside a compound: the compound's first part
/// carries any capital, so the head is lower case unless written in capitals
/// (`SOTE-TIIMIN` → `SOTE-TIIMI`).
fn compound_head_case<'n>(written: &str, nominative: &'n str) -> Cow<'n, str> {
    let mut letters = written.chars().filter(|c| c.is_alphabetic()).peekable();
    let caps = letters.peek().is_some() && letters.all(char::is_uppercase);
    if caps && written.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        Cow::Owned(nominative.to_uppercase())
    } else {
        Cow::Borrowed(nominative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::capital_starts;

    #[test]
    fn every_clitic_ends_in_a_letter_the_head_look_up_tries() {
        for clitic in CLITICS {
            let b = clitic.as_bytes();
            assert!(matches!(b, [.., b'i' | b'a' | 0xA4, b'n']), "{clitic}");
        }
    }

    /// [`lower_plain_eight`] lowers exactly the capital bytes of a plain
    /// chunk, each as `str::to_lowercase` lowers its character: every byte
    /// value in every lane, among fillers.
    #[test]
    fn lower_plain_eight_lowers_each_capital_byte_exactly() {
        let lower = |b: u8| match b {
            b'A'..=b'Z' => b | 0x20,
            0x80..=0x9E => b + 0x20,
            _ => b,
        };
        for filler in [b'a', b'A', b'7', 0xC3, 0xA4, 0x84, 0x9F, 0x00, 0xFF] {
            for lane in 0..8 {
                for b in 0..=u8::MAX {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let want = eight.map(lower);
                    assert_eq!(
                        lower_plain_eight(u64::from_be_bytes(eight)).to_be_bytes(),
                        want,
                        "{eight:?}"
                    );
                }
            }
        }
        // The byte rule is the characters' rule: the Latin-1 capitals
        // lower by their second byte, `×` and `ß` are no capitals.
        for c in '\u{C0}'..='\u{DF}' {
            let mut buf = [0; 2];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let lowered: String = c.to_lowercase().collect();
            if c != '×' {
                assert_eq!(
                    bytes.iter().map(|&b| lower(b)).collect::<Vec<u8>>(),
                    lowered.as_bytes(),
                    "{c}"
                );
            }
        }
    }

    /// [`clitic_len`] cuts what the first clitic of [`CLITICS`] that a word
    /// ends in would: on every word of up to three pieces of clitics, their
    /// ends, capitals and letters next to them.
    #[test]
    fn clitic_len_finds_the_clitic_the_list_finds() {
        let mut pieces: Vec<String> = ["", "a", "ä", "n", "k", "h", "i", "Ä", "ryhmä", "σ", "ş"]
            .map(str::to_owned)
            .to_vec();
        for clitic in CLITICS {
            for (at, _) in clitic.char_indices() {
                pieces.push(clitic[at..].to_owned());
                pieces.push(clitic[..at].to_owned());
            }
            pieces.push(clitic.to_uppercase());
        }
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let word = format!("{a}{b}{c}");
                    let want = CLITICS
                        .iter()
                        .find_map(|k| word.strip_suffix(k))
                        .map_or(0, |core| word.len() - core.len());
                    assert_eq!(clitic_len(word.as_bytes()), want, "{word}");
                }
            }
        }
    }

    /// The eight-byte letter test marks exactly the bytes that are no ASCII
    /// letter: every byte value in every lane, among fillers that are
    /// letters of either case, a lead byte, `@`, `[`, `` ` ``, `{` (the
    /// bytes next to the letters) and zero, so a carry into a neighbour or
    /// a range one off would show.
    #[test]
    fn non_letter_bytes_mark_each_byte_exactly() {
        for filler in [b'a', b'Z', 0xC3, b'@', b'[', b'`', b'{', 0x00, 0xFF] {
            for lane in 0..8 {
                for b in 0..=u8::MAX {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let want = eight.iter().enumerate().fold(0u64, |acc, (k, x)| {
                        acc | (u64::from(!x.is_ascii_alphabetic()) << (8 * k + 7))
                    });
                    assert_eq!(
                        non_letter_bytes(u64::from_le_bytes(eight)),
                        want,
                        "{eight:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn latin1_letters_by_byte_are_the_word_characters_and_capitals() {
        for second in 0..=u8::MAX {
            let c = std::str::from_utf8(&[0xC3, second])
                .ok()
                .and_then(|s| s.chars().next());
            let want = c.filter(|&c| is_word_char(c)).map(char::is_uppercase);
            assert_eq!(latin1_letter(second), want, "{second:#x}");
        }
        for b in 0..=u8::MAX {
            let c = char::from(b);
            let kind = BYTE_KINDS[usize::from(b)];
            if b.is_ascii() && c != '-' {
                let gap = !is_word_char(c) && !is_joiner(c);
                assert_eq!(kind == ByteKind::Gap, gap, "{c:?}");
                assert_eq!(kind == ByteKind::Joiner, is_joiner(c), "{c:?}");
            }
            assert_eq!(kind == ByteKind::Upper, c.is_ascii_uppercase(), "{c:?}");
            assert_eq!(kind == ByteKind::Digit, c.is_ascii_digit(), "{c:?}");
        }
    }

    #[test]
    fn end_tails_let_every_head_form_through() {
        let lex = &*LEXICON;
        assert!(!lex.head_forms.is_empty());
        for form in lex.head_forms.keys() {
            assert!(lex.head_tails.may_end(form.as_bytes()), "{form}");
            let compound = format!("sote-{form}");
            assert!(lex.head_tails.may_end(compound.as_bytes()), "{form}");
            for clitic in CLITICS.iter().chain(&[""]) {
                let word = format!("sote-{form}{clitic}");
                assert!(may_end_in_head(lex, word.as_bytes()), "{word}");
            }
        }
    }

    #[test]
    fn kind_overrides_of_names_as_written() {
        let lex = &*LEXICON;
        let names = [
            "Väliaikainen toimielin",
            "VÄLIAIKAINEN TOIMIELIN\u{A0} ",
            "Pirkanmaan väliaikainen  Toimielin",
            "Väliaikainen toimielin\u{212A}",
            "Väliaikainen toimielİn",
            "Väliaikainen ΣTOIMIELIN",
            "Toimielin",
            "Strateginen johtoryhmä",
            "",
        ];
        for name in names {
            assert_eq!(
                lex.kind_override_of(name),
                lex.kind_override(&name.to_lowercase()),
                "{name:?}"
            );
        }
        assert_eq!(
            lex.kind_override_of("VÄLIAIKAINEN TOIMIELIN\u{A0} "),
            Some(BodyKind::InterimBody)
        );
        assert_eq!(lex.kind_override_of("Toimielin"), None);
    }

    #[test]
    fn dashes_become_hyphens() {
        assert_eq!(normalise_dashes("ICT\u{2013}ryhmä"), "ICT-ryhmä");
        assert_eq!(
            normalise_dashes("sote\u{2011}uudistus — x"),
            "sote-uudistus - x"
        );
        assert_eq!(normalise_dashes("Itä-Uusimaa"), "Itä-Uusimaa");
        assert_eq!(normalise_dashes(""), "");
    }

    #[test]
    fn aligned_exactly_when_each_character_lowers_to_one_of_its_length() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: Vec<char> = c.to_lowercase().collect();
            let want = lower.len() == 1 && lower[0].len_utf8() == c.len_utf8();
            assert_eq!(is_aligned(&c.to_string()), want, "{c:?}");
        }
    }
    use proptest::prelude::*;

    use BodyKind::*;
    use Case::*;

    /// One expected mention: span text, name, kind, case, plural.
    type Expect = (&'static str, &'static str, BodyKind, Case, bool);

    /// Hand-checked rows: a text and every body mention in it, in order.
    const ROWS: &[(&str, &[Expect])] = &[
        // --- enclitic particles after the case ending ---
        (
            "Seurantaryhmäkin kokoontui syksyllä.",
            &[(
                "Seurantaryhmäkin",
                "Seurantaryhmä",
                MonitoringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Asiaa ei käsitelty lautakunnassakaan.",
            &[(
                "lautakunnassakaan",
                "lautakunta",
                Committee,
                Inessive,
                false,
            )],
        ),
        (
            "Johtoryhmähän päätti asiasta.",
            &[(
                "Johtoryhmähän",
                "Johtoryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Ohjausryhmänkin jäsenet saapuivat.",
            &[(
                "Ohjausryhmänkin",
                "Ohjausryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        // --- one head word in every case, singular and plural ---
        (
            "Lausunnon valmisteli työryhmä.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Työryhmän puheenjohtajana toimii Mikko Rantanen.",
            &[("Työryhmän", "Työryhmä", WorkingGroup, Genitive, false)],
        ),
        (
            "Kunnat tukevat työryhmää.",
            &[("työryhmää", "työryhmä", WorkingGroup, Partitive, false)],
        ),
        (
            "Asiasta keskusteltiin työryhmässä.",
            &[("työryhmässä", "työryhmä", WorkingGroup, Inessive, false)],
        ),
        (
            "Viesti tuli työryhmästä.",
            &[("työryhmästä", "työryhmä", WorkingGroup, Elative, false)],
        ),
        (
            "Hän kuuluu työryhmään.",
            &[("työryhmään", "työryhmä", WorkingGroup, Illative, false)],
        ),
        (
            "Työryhmällä on kiire.",
            &[("Työryhmällä", "Työryhmä", WorkingGroup, Adessive, false)],
        ),
        (
            "Lausunto pyydetään työryhmältä.",
            &[("työryhmältä", "työryhmä", WorkingGroup, Ablative, false)],
        ),
        (
            "Selvitys lähetettiin työryhmälle.",
            &[("työryhmälle", "työryhmä", WorkingGroup, Allative, false)],
        ),
        (
            "Ryhmä toimii työryhmänä.",
            &[("työryhmänä", "työryhmä", WorkingGroup, Essive, false)],
        ),
        (
            "Verkosto muutettiin työryhmäksi.",
            &[("työryhmäksi", "työryhmä", WorkingGroup, Translative, false)],
        ),
        (
            "Päätös tehtiin työryhmättä.",
            &[("työryhmättä", "työryhmä", WorkingGroup, Abessive, false)],
        ),
        (
            "Ohjausryhmä työryhmineen kokoontui.",
            &[
                (
                    "Ohjausryhmä",
                    "Ohjausryhmä",
                    SteeringGroup,
                    Nominative,
                    false,
                ),
                ("työryhmineen", "työryhmä", WorkingGroup, Comitative, true),
            ],
        ),
        (
            "Asia valmistellaan työryhmin.",
            &[("työryhmin", "työryhmä", WorkingGroup, Instructive, true)],
        ),
        (
            "Työryhmät aloittavat syksyllä.",
            &[("Työryhmät", "Työryhmä", WorkingGroup, Nominative, true)],
        ),
        (
            "Työryhmien kokoonpanot vahvistettiin.",
            &[("Työryhmien", "Työryhmä", WorkingGroup, Genitive, true)],
        ),
        (
            "Hankkeessa on useita työryhmiä.",
            &[("työryhmiä", "työryhmä", WorkingGroup, Partitive, true)],
        ),
        (
            "Työryhmissä on mukana asiantuntijoita.",
            &[("Työryhmissä", "Työryhmä", WorkingGroup, Inessive, true)],
        ),
        (
            "Raportit saapuivat työryhmistä.",
            &[("työryhmistä", "työryhmä", WorkingGroup, Elative, true)],
        ),
        (
            "Kunta nimeää jäsenet työryhmiin.",
            &[("työryhmiin", "työryhmä", WorkingGroup, Illative, true)],
        ),
        (
            "Työryhmillä on yhteinen aikataulu.",
            &[("Työryhmillä", "Työryhmä", WorkingGroup, Adessive, true)],
        ),
        (
            "Tiedot kerätään työryhmiltä.",
            &[("työryhmiltä", "työryhmä", WorkingGroup, Ablative, true)],
        ),
        (
            "Ohjeet annettiin työryhmille.",
            &[("työryhmille", "työryhmä", WorkingGroup, Allative, true)],
        ),
        (
            "Valmistelu jatkuu työryhminä.",
            &[("työryhminä", "työryhmä", WorkingGroup, Essive, true)],
        ),
        (
            "Henkilöstö jaettiin työryhmiksi.",
            &[("työryhmiksi", "työryhmä", WorkingGroup, Translative, true)],
        ),
        // --- the head words and their kinds, with consonant gradation ---
        (
            "Ohjausryhmä kokoontui Lahdessa.",
            &[(
                "Ohjausryhmä",
                "Ohjausryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Johtoryhmältä odotetaan linjausta.",
            &[(
                "Johtoryhmältä",
                "Johtoryhmä",
                SteeringGroup,
                Ablative,
                false,
            )],
        ),
        (
            "Valmisteluryhmään nimettiin kuusi jäsentä.",
            &[(
                "Valmisteluryhmään",
                "Valmisteluryhmä",
                WorkingGroup,
                Illative,
                false,
            )],
        ),
        (
            "Lapsiperheiden ryhmän kokous pidettiin etänä.",
            &[(
                "Lapsiperheiden ryhmän",
                "Lapsiperheiden ryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Hanketiimille esiteltiin mittarit.",
            &[("Hanketiimille", "Hanketiimi", Team, Allative, false)],
        ),
        (
            "Tiedot toimitetaan valmistelutiimille.",
            &[(
                "valmistelutiimille",
                "valmistelutiimi",
                Team,
                Allative,
                false,
            )],
        ),
        (
            "Asia vietiin hyte-johtajakoordinaatioryhmän käsittelyyn.",
            &[(
                "hyte-johtajakoordinaatioryhmän",
                "hyte-johtajakoordinaatioryhmä",
                CoordinationGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Seurantaryhmässä on edustus kaikista puolueista.",
            &[(
                "Seurantaryhmässä",
                "Seurantaryhmä",
                MonitoringGroup,
                Inessive,
                false,
            )],
        ),
        (
            "Lausunto annetaan valmistelutoimielimelle.",
            &[(
                "valmistelutoimielimelle",
                "valmistelutoimielin",
                InterimBody,
                Allative,
                false,
            )],
        ),
        (
            "Vaikuttamistoimielimen jäsenet nimettiin.",
            &[(
                "Vaikuttamistoimielimen",
                "Vaikuttamistoimielin",
                Other,
                Genitive,
                false,
            )],
        ),
        ("Toimielimen jäsenet nimettiin.", &[]),
        (
            "Esitys menee yhtymähallituksen käsiteltäväksi.",
            &[(
                "yhtymähallituksen",
                "yhtymähallitus",
                Board,
                Genitive,
                false,
            )],
        ),
        (
            "Kaupunginhallitus hyväksyi sopimuksen.",
            &[(
                "Kaupunginhallitus",
                "Kaupunginhallitus",
                Board,
                Nominative,
                false,
            )],
        ),
        (
            "Aluehallitukselle esitellään talousarvio.",
            &[("Aluehallitukselle", "Aluehallitus", Board, Allative, false)],
        ),
        (
            "Asia on perusturvalautakunnan päätettävänä.",
            &[(
                "perusturvalautakunnan",
                "perusturvalautakunta",
                Committee,
                Genitive,
                false,
            )],
        ),
        (
            "Lautakunnan kokous peruttiin.",
            &[("Lautakunnan", "Lautakunta", Committee, Genitive, false)],
        ),
        (
            "Vaalitoimikunta kokoontuu.",
            &[(
                "Vaalitoimikunta",
                "Vaalitoimikunta",
                Committee,
                Nominative,
                false,
            )],
        ),
        (
            "Neuvottelukunnassa on yhdeksän jäsentä.",
            &[(
                "Neuvottelukunnassa",
                "Neuvottelukunta",
                Committee,
                Inessive,
                false,
            )],
        ),
        (
            "Yksilöasioiden jaostolle tuodaan kaksi päätöstä.",
            &[(
                "Yksilöasioiden jaostolle",
                "Yksilöasioiden jaosto",
                Committee,
                Allative,
                false,
            )],
        ),
        (
            "Aluevaltuuston kokous alkaa kello 18.",
            &[("Aluevaltuuston", "Aluevaltuusto", Council, Genitive, false)],
        ),
        (
            "Valtuuston puheenjohtajaksi valittiin Eeva Salo.",
            &[("Valtuuston", "Valtuusto", Council, Genitive, false)],
        ),
        (
            "Kunnanjohtajakokouksen muistio julkaistaan.",
            &[(
                "Kunnanjohtajakokouksen",
                "Kunnanjohtajakokous",
                Forum,
                Genitive,
                false,
            )],
        ),
        (
            "Asiaa käsiteltiin kunnanjohtajien kokouksessa.",
            &[(
                "kunnanjohtajien kokouksessa",
                "kunnanjohtajien kokous",
                Forum,
                Inessive,
                false,
            )],
        ),
        (
            "Kehittäjäverkoston tapaaminen on torstaina.",
            &[(
                "Kehittäjäverkoston",
                "Kehittäjäverkosto",
                Network,
                Genitive,
                false,
            )],
        ),
        (
            "Järjestöfoorumi kokoontui.",
            &[(
                "Järjestöfoorumi",
                "Järjestöfoorumi",
                Forum,
                Nominative,
                false,
            )],
        ),
        (
            "Vanhusneuvostolle esiteltiin suunnitelma.",
            &[(
                "Vanhusneuvostolle",
                "Vanhusneuvosto",
                Other,
                Allative,
                false,
            )],
        ),
        (
            "Ydinryhmä ja projektiryhmä kokoontuvat.",
            &[
                ("Ydinryhmä", "Ydinryhmä", WorkingGroup, Nominative, false),
                (
                    "projektiryhmä",
                    "projektiryhmä",
                    WorkingGroup,
                    Nominative,
                    false,
                ),
            ],
        ),
        (
            "Kehittämisryhmän ja asiantuntijaryhmän jäsenet",
            &[
                (
                    "Kehittämisryhmän",
                    "Kehittämisryhmä",
                    WorkingGroup,
                    Genitive,
                    false,
                ),
                (
                    "asiantuntijaryhmän",
                    "asiantuntijaryhmä",
                    WorkingGroup,
                    Genitive,
                    false,
                ),
            ],
        ),
        // --- compounds ---
        (
            "Tiedotustyöryhmässä sovittiin aikataulusta.",
            &[(
                "Tiedotustyöryhmässä",
                "Tiedotustyöryhmä",
                WorkingGroup,
                Inessive,
                false,
            )],
        ),
        (
            "Talous- ja hallintotyöryhmä kokoontuu.",
            &[(
                "Talous- ja hallintotyöryhmä",
                "Talous- ja hallintotyöryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Sosiaali-, terveys- ja pelastuslautakunta kokoontui.",
            &[(
                "Sosiaali-, terveys- ja pelastuslautakunta",
                "Sosiaali-, terveys- ja pelastuslautakunta",
                Committee,
                Nominative,
                false,
            )],
        ),
        // --- agreeing adjectives back to the nominative ---
        (
            "Strategisen ohjausryhmän kokous",
            &[(
                "Strategisen ohjausryhmän",
                "Strateginen ohjausryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Asia siirtyy väliaikaiselle valmistelutoimielimelle.",
            &[(
                "väliaikaiselle valmistelutoimielimelle",
                "väliaikainen valmistelutoimielin",
                InterimBody,
                Allative,
                false,
            )],
        ),
        (
            "Kokous on poliittisen ohjausryhmän vastuulla.",
            &[(
                "poliittisen ohjausryhmän",
                "poliittinen ohjausryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Alueellisen seurantaryhmän jäsenet",
            &[(
                "Alueellisen seurantaryhmän",
                "Alueellinen seurantaryhmä",
                MonitoringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Ehdotus tuli valmistelevan työryhmän kautta.",
            &[(
                "valmistelevan työryhmän",
                "valmisteleva työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Kansallisen koordinaatioryhmän kokous",
            &[(
                "Kansallisen koordinaatioryhmän",
                "Kansallinen koordinaatioryhmä",
                CoordinationGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Hän kuuluu vapaaehtoiseen seurantaryhmään.",
            &[(
                "vapaaehtoiseen seurantaryhmään",
                "vapaaehtoinen seurantaryhmä",
                MonitoringGroup,
                Illative,
                false,
            )],
        ),
        (
            "Kuntien ja hyvinvointialueen yhteinen työryhmä aloitti.",
            &[(
                "Kuntien ja hyvinvointialueen yhteinen työryhmä",
                "Kuntien ja hyvinvointialueen yhteinen työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Kokoontui Lahden kaupungin ja kuntayhtymän yhteinen työryhmä.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Laajan johtoryhmän kokous",
            &[(
                "Laajan johtoryhmän",
                "Laaja johtoryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Laajennetulle ohjausryhmälle",
            &[(
                "Laajennetulle ohjausryhmälle",
                "Laajennettu ohjausryhmä",
                SteeringGroup,
                Allative,
                false,
            )],
        ),
        (
            "Uuden työryhmän tehtävä",
            &[("työryhmän", "työryhmä", WorkingGroup, Genitive, false)],
        ),
        (
            "Väliaikainen toimielin aloitti.",
            &[(
                "Väliaikainen toimielin",
                "Väliaikainen toimielin",
                InterimBody,
                Nominative,
                false,
            )],
        ),
        // --- descriptive words, determiners and quantifiers stay out ---
        (
            "Ohjausryhmä korvasi aiemman viranhaltijatyöryhmän.",
            &[
                (
                    "Ohjausryhmä",
                    "Ohjausryhmä",
                    SteeringGroup,
                    Nominative,
                    false,
                ),
                (
                    "viranhaltijatyöryhmän",
                    "viranhaltijatyöryhmä",
                    WorkingGroup,
                    Genitive,
                    false,
                ),
            ],
        ),
        (
            "Valiokuntien puheenjohtajien kokous pidetään huomenna.",
            &[
                ("Valiokuntien", "Valiokunta", Committee, Genitive, true),
                (
                    "puheenjohtajien kokous",
                    "puheenjohtajien kokous",
                    Forum,
                    Nominative,
                    false,
                ),
            ],
        ),
        (
            "Johtoryhmä hyväksyi talousarvion.",
            &[("Johtoryhmä", "Johtoryhmä", SteeringGroup, Nominative, false)],
        ),
        (
            "Palvelu järjestetään koskien työryhmän esitystä.",
            &[("työryhmän", "työryhmä", WorkingGroup, Genitive, false)],
        ),
        (
            "Lautakunta korvasi edellisen viranhaltijajohtoryhmän.",
            &[
                ("Lautakunta", "Lautakunta", Committee, Nominative, false),
                (
                    "viranhaltijajohtoryhmän",
                    "viranhaltijajohtoryhmä",
                    SteeringGroup,
                    Genitive,
                    false,
                ),
            ],
        ),
        (
            "Entisen ohjausryhmän jäsenet",
            &[(
                "ohjausryhmän",
                "ohjausryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Nykyinen johtoryhmä jatkaa.",
            &[("johtoryhmä", "johtoryhmä", SteeringGroup, Nominative, false)],
        ),
        (
            "Tuleva aluevaltuusto päättää.",
            &[("aluevaltuusto", "aluevaltuusto", Council, Nominative, false)],
        ),
        (
            "Seuraavalle työryhmälle",
            &[("työryhmälle", "työryhmä", WorkingGroup, Allative, false)],
        ),
        (
            "Ensimmäisen valmisteluryhmän kokous",
            &[(
                "valmisteluryhmän",
                "valmisteluryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Kaikki työryhmät raportoivat.",
            &[("työryhmät", "työryhmä", WorkingGroup, Nominative, true)],
        ),
        (
            "Tietoa vaihdetaan eri työryhmien välillä.",
            &[("työryhmien", "työryhmä", WorkingGroup, Genitive, true)],
        ),
        (
            "Tehtävä annettiin omalle työryhmälle.",
            &[("työryhmälle", "työryhmä", WorkingGroup, Allative, false)],
        ),
        (
            "Kyseisen lautakunnan päätös",
            &[("lautakunnan", "lautakunta", Committee, Genitive, false)],
        ),
        (
            "Äskettäin nimetty työryhmä aloitti.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Keväällä perustettu seurantaryhmä",
            &[(
                "seurantaryhmä",
                "seurantaryhmä",
                MonitoringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Paikalla olivat kaikkien työryhmien puheenjohtajat.",
            &[("työryhmien", "työryhmä", WorkingGroup, Genitive, true)],
        ),
        (
            "Näiden työryhmien tehtävät",
            &[("työryhmien", "työryhmä", WorkingGroup, Genitive, true)],
        ),
        (
            "Kunkin työryhmän vetäjä",
            &[("työryhmän", "työryhmä", WorkingGroup, Genitive, false)],
        ),
        (
            "Kutsu lähti molempien ohjausryhmien jäsenille.",
            &[(
                "ohjausryhmien",
                "ohjausryhmä",
                SteeringGroup,
                Genitive,
                true,
            )],
        ),
        (
            "Tämänkertaisessa kunnanjohtajien kokouksessa",
            &[(
                "kunnanjohtajien kokouksessa",
                "kunnanjohtajien kokous",
                Forum,
                Inessive,
                false,
            )],
        ),
        // --- attributes that are part of the name, kept as written ---
        (
            "Järjestämisen työryhmässä käsiteltiin mallia.",
            &[(
                "Järjestämisen työryhmässä",
                "Järjestämisen työryhmä",
                WorkingGroup,
                Inessive,
                false,
            )],
        ),
        (
            "Mielenterveys ja päihteet -ryhmän kokous",
            &[(
                "Mielenterveys ja päihteet -ryhmän",
                "Mielenterveys ja päihteet -ryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Henkilöstö ja talous -työryhmä kokoontui.",
            &[(
                "Henkilöstö ja talous -työryhmä",
                "Henkilöstö ja talous -työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Tieto ja tutkimus -työryhmällä on kiire.",
            &[(
                "Tieto ja tutkimus -työryhmällä",
                "Tieto ja tutkimus -työryhmä",
                WorkingGroup,
                Adessive,
                false,
            )],
        ),
        (
            "Talous ja hallinto –työryhmä",
            &[(
                "Talous ja hallinto –työryhmä",
                "Talous ja hallinto -työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Sote 2030 -työryhmä kokoontui.",
            &[(
                "Sote 2030 -työryhmä",
                "Sote 2030 -työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Tänään kokoontui Lapset ja perheet -ryhmä.",
            &[(
                "Lapset ja perheet -ryhmä",
                "Lapset ja perheet -ryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Osallisuuden ja järjestöyhteistyön työryhmän esitys hyväksyttiin.",
            &[(
                "Osallisuuden ja järjestöyhteistyön työryhmän",
                "Osallisuuden ja järjestöyhteistyön työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Sosiaali- ja terveyspalvelujen johtoryhmässä sovittiin jatkosta.",
            &[(
                "Sosiaali- ja terveyspalvelujen johtoryhmässä",
                "Sosiaali- ja terveyspalvelujen johtoryhmä",
                SteeringGroup,
                Inessive,
                false,
            )],
        ),
        (
            "Edustajat osallistuvat rakenneuudistuksen poliittisen ohjausryhmän kokouksiin.",
            &[(
                "rakenneuudistuksen poliittisen ohjausryhmän",
                "rakenneuudistuksen poliittinen ohjausryhmä",
                SteeringGroup,
                Genitive,
                false,
            )],
        ),
        (
            "2. Valmistelun kansallinen poliittinen seurantaryhmä",
            &[(
                "Valmistelun kansallinen poliittinen seurantaryhmä",
                "Valmistelun kansallinen poliittinen seurantaryhmä",
                MonitoringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Asiakkuuden ja osallisuuden (aso) työryhmän kokous",
            &[(
                "Asiakkuuden ja osallisuuden (aso) työryhmän",
                "Asiakkuuden ja osallisuuden työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Sosiaalisen kuntoutuksen työryhmän jäsenet",
            &[(
                "Sosiaalisen kuntoutuksen työryhmän",
                "Sosiaalisen kuntoutuksen työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Valtakunnallinen sosiaalihuollon eettinen neuvottelukunta",
            &[(
                "Valtakunnallinen sosiaalihuollon eettinen neuvottelukunta",
                "Valtakunnallinen sosiaalihuollon eettinen neuvottelukunta",
                Committee,
                Nominative,
                false,
            )],
        ),
        // --- the left boundary: what stays out ---
        (
            "Asian jaoston on ratkaistava.",
            &[("jaoston", "jaosto", Committee, Genitive, false)],
        ),
        (
            "Keski-Suomen rakenneuudistuksen valmisteluryhmien tehtävänä on",
            &[(
                "rakenneuudistuksen valmisteluryhmien",
                "rakenneuudistuksen valmisteluryhmä",
                WorkingGroup,
                Genitive,
                true,
            )],
        ),
        (
            "1.2.2020 Etelä-Karjalan rakenneuudistuksen johtoryhmä kokoontui.",
            &[(
                "rakenneuudistuksen johtoryhmä",
                "rakenneuudistuksen johtoryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Tänään kokoontui Oulun johtoryhmä.",
            &[("johtoryhmä", "johtoryhmä", SteeringGroup, Nominative, false)],
        ),
        (
            "Kunnat, johtoryhmä ja lautakunta",
            &[
                ("johtoryhmä", "johtoryhmä", SteeringGroup, Nominative, false),
                ("lautakunta", "lautakunta", Committee, Nominative, false),
            ],
        ),
        (
            "Raportti valmistui. Hallinnon työryhmä jatkaa.",
            &[(
                "Hallinnon työryhmä",
                "Hallinnon työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Asia käsitellään ennen työryhmän kokousta.",
            &[("työryhmän", "työryhmä", WorkingGroup, Genitive, false)],
        ),
        (
            "Lautakunta hyväksyi esityksen työryhmän kokoonpanoksi.",
            &[
                ("Lautakunta", "Lautakunta", Committee, Nominative, false),
                ("työryhmän", "työryhmä", WorkingGroup, Genitive, false),
            ],
        ),
        (
            "Ensi viikolla maakunnan johtoryhmä kokoontuu.",
            &[("johtoryhmä", "johtoryhmä", SteeringGroup, Nominative, false)],
        ),
        (
            "Hankkeen ohjausryhmä kokoontui.",
            &[(
                "ohjausryhmä",
                "ohjausryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Valtioneuvoston asettama työryhmä",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Palveluverkkoa ei muuteta ennen kuin aluevaltuusto päättää.",
            &[("aluevaltuusto", "aluevaltuusto", Council, Nominative, false)],
        ),
        (
            "Rakenneuudistusta valmistelevat työryhmät kokoontuvat.",
            &[("työryhmät", "työryhmä", WorkingGroup, Nominative, true)],
        ),
        (
            "Valmistelevan työryhmän kokous",
            &[(
                "Valmistelevan työryhmän",
                "Valmisteleva työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        // --- a lone `kokous` is a meeting; generic heads need an attribute ---
        ("Kokouksen pääviesti oli selvä.", &[]),
        ("Asiasta päätetään seuraavassa kokouksessa.", &[]),
        ("Yhteinen kokous pidettiin.", &[]),
        ("Johtoryhmäkokous pidettiin.", &[]),
        ("Ryhmille kerrottiin uudesta mallista.", &[]),
        ("Tiimi kokoontuu viikoittain.", &[]),
        ("Työryhmätyöskentely jatkuu.", &[]),
        ("Ryhmäkoko on enintään kymmenen.", &[]),
        ("Hallitusohjelma linjaa uudistuksen.", &[]),
        ("Lautakuntamalli hyväksyttiin.", &[]),
        ("Hallituksen esitys annettiin eduskunnalle.", &[]),
        ("Hallitus esittää uutta lakia.", &[]),
        ("Kohderyhmänä ovat ikääntyneet.", &[]),
        ("Palvelu on suunnattu sidosryhmille.", &[]),
        ("Sote-keskusverkoston luonnos valmistui.", &[]),
        (
            "Ohjausryhmän ja yhtymähallituksen yhteiskokous",
            &[
                (
                    "Ohjausryhmän",
                    "Ohjausryhmä",
                    SteeringGroup,
                    Genitive,
                    false,
                ),
                (
                    "yhtymähallituksen",
                    "yhtymähallitus",
                    Board,
                    Genitive,
                    false,
                ),
            ],
        ),
        (
            "Johtoryhmän seuraava kokous pidetään 4.5.",
            &[("Johtoryhmän", "Johtoryhmä", SteeringGroup, Genitive, false)],
        ),
        // --- number, clitics, capitals, spaces, glued dates ---
        (
            "Kolme työryhmää aloitti.",
            &[("työryhmää", "työryhmä", WorkingGroup, Partitive, true)],
        ),
        (
            "Perustettiin 5 työryhmää.",
            &[("työryhmää", "työryhmä", WorkingGroup, Partitive, true)],
        ),
        (
            "Kahden työryhmän yhteinen kokous",
            &[("työryhmän", "työryhmä", WorkingGroup, Genitive, true)],
        ),
        (
            "§ 12 Lautakunnan kokous",
            &[("Lautakunnan", "Lautakunta", Committee, Genitive, false)],
        ),
        (
            "Johtoryhmäkin hyväksyi esityksen.",
            &[(
                "Johtoryhmäkin",
                "Johtoryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "TYÖRYHMÄN KOKOUS",
            &[("TYÖRYHMÄN", "TYÖRYHMÄ", WorkingGroup, Genitive, false)],
        ),
        (
            "Hallinnon\u{a0}työryhmässä",
            &[(
                "Hallinnon\u{a0}työryhmässä",
                "Hallinnon työryhmä",
                WorkingGroup,
                Inessive,
                false,
            )],
        ),
        (
            "3.10.2019Tiedotustyöryhmän kokous 1.10.2019",
            &[(
                "Tiedotustyöryhmän",
                "Tiedotustyöryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "1. Talous- ja hallintotyöryhmä",
            &[(
                "Talous- ja hallintotyöryhmä",
                "Talous- ja hallintotyöryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        // --- owners inside a formal name ---
        (
            "Keski-Pohjanmaan hyvinvointialueen valmistelun johtoryhmä kokoontui.",
            &[(
                "hyvinvointialueen valmistelun johtoryhmä",
                "hyvinvointialueen valmistelun johtoryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Kuntayhtymän valmistelun työryhmässä sovittiin aikataulusta.",
            &[(
                "Kuntayhtymän valmistelun työryhmässä",
                "Kuntayhtymän valmistelun työryhmä",
                WorkingGroup,
                Inessive,
                false,
            )],
        ),
        (
            "Puheenjohtajana toimii Anna Aho hyvinvointialueen valmistelun poliittisesta ohjausryhmästä.",
            &[(
                "hyvinvointialueen valmistelun poliittisesta ohjausryhmästä",
                "hyvinvointialueen valmistelun poliittinen ohjausryhmä",
                SteeringGroup,
                Elative,
                false,
            )],
        ),
        (
            "Kuntayhtymän johtoryhmä kokoontui.",
            &[("johtoryhmä", "johtoryhmä", SteeringGroup, Nominative, false)],
        ),
        (
            "Maakunnan ja kuntien työryhmä kokoontui.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Etelä-Savon sosiaali- ja terveyspalvelujen kuntayhtymän (Essote) valmistelun työryhmä kokoontui.",
            &[(
                "valmistelun työryhmä",
                "valmistelun työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Asiaa seuraa kuntien ja asiakkaiden neuvottelukunta.",
            &[(
                "kuntien ja asiakkaiden neuvottelukunta",
                "kuntien ja asiakkaiden neuvottelukunta",
                Committee,
                Nominative,
                false,
            )],
        ),
        (
            "Järjestöjen, yritysten ja asukkaiden seurantaryhmä kokoontui.",
            &[(
                "Järjestöjen, yritysten ja asukkaiden seurantaryhmä",
                "Järjestöjen, yritysten ja asukkaiden seurantaryhmä",
                MonitoringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Raportti lähti Sote 2025 -projektin johtoryhmälle.",
            &[(
                "Sote 2025 -projektin johtoryhmälle",
                "Sote 2025 -projektin johtoryhmä",
                SteeringGroup,
                Allative,
                false,
            )],
        ),
        (
            "Asia vietiin Lapin Kaste -hankkeen ohjausryhmälle.",
            &[(
                "Kaste -hankkeen ohjausryhmälle",
                "Kaste -hankkeen ohjausryhmä",
                SteeringGroup,
                Allative,
                false,
            )],
        ),
        (
            "Eilen kokoontui Oma Häme -hankkeen ohjausryhmä.",
            &[(
                "Oma Häme -hankkeen ohjausryhmä",
                "Oma Häme -hankkeen ohjausryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Sihteerinä toimii lapsiperheiden palvelut -projektin työryhmän jäsen.",
            &[(
                "lapsiperheiden palvelut -projektin työryhmän",
                "lapsiperheiden palvelut -projektin työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Päätöksen teki Lapin sote -kuntayhtymän yhtymähallitus.",
            &[(
                "Lapin sote -kuntayhtymän yhtymähallitus",
                "Lapin sote -kuntayhtymän yhtymähallitus",
                Board,
                Nominative,
                false,
            )],
        ),
        (
            "Asia esiteltiin Etelä-Savon I&O-kärkihankkeen ohjausryhmälle.",
            &[(
                "I&O-kärkihankkeen ohjausryhmälle",
                "I&O-kärkihankkeen ohjausryhmä",
                SteeringGroup,
                Allative,
                false,
            )],
        ),
        // --- capitalised names inside a sentence ---
        (
            "Hallitus asetti Kotouttamisen työryhmän.",
            &[(
                "Kotouttamisen työryhmän",
                "Kotouttamisen työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Lisäksi Maahanmuuttajien palvelujen työryhmä kokoontuu.",
            &[(
                "Maahanmuuttajien palvelujen työryhmä",
                "Maahanmuuttajien palvelujen työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Mukana on Essoten johtoryhmä.",
            &[(
                "Essoten johtoryhmä",
                "Essoten johtoryhmä",
                SteeringGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Kaupunginhallitus nimesi Matti Virtasen työryhmän jäseneksi.",
            &[
                (
                    "Kaupunginhallitus",
                    "Kaupunginhallitus",
                    Board,
                    Nominative,
                    false,
                ),
                ("työryhmän", "työryhmä", WorkingGroup, Genitive, false),
            ],
        ),
        (
            "Asiantuntijana toimi HUSin työryhmä.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Asiaa valmisteli Oulun Perhekeskuksen työryhmä.",
            &[(
                "Perhekeskuksen työryhmä",
                "Perhekeskuksen työryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        // --- words that describe a body, and nouns in -minen ---
        (
            "Perustettiin lautakunnan alainen jaosto.",
            &[
                ("lautakunnan", "lautakunta", Committee, Genitive, false),
                ("jaosto", "jaosto", Committee, Nominative, false),
            ],
        ),
        (
            "Yhtymähallituksen alaisen jaoston kokous peruttiin.",
            &[
                (
                    "Yhtymähallituksen",
                    "Yhtymähallitus",
                    Board,
                    Genitive,
                    false,
                ),
                ("jaoston", "jaosto", Committee, Genitive, false),
            ],
        ),
        (
            "Valmistelusta vastuullinen projektiryhmä kokoontui.",
            &[(
                "projektiryhmä",
                "projektiryhmä",
                WorkingGroup,
                Nominative,
                false,
            )],
        ),
        (
            "Kunta asettaa lain mukaisen vammaisneuvoston.",
            &[(
                "vammaisneuvoston",
                "vammaisneuvosto",
                Other,
                Genitive,
                false,
            )],
        ),
        (
            "Tehtävä on yhteinen työryhmälle.",
            &[("työryhmälle", "työryhmä", WorkingGroup, Allative, false)],
        ),
        (
            "Kuntien välinen neuvottelukunta aloitti.",
            &[(
                "Kuntien välinen neuvottelukunta",
                "Kuntien välinen neuvottelukunta",
                Committee,
                Nominative,
                false,
            )],
        ),
        (
            "Perustettiin hallinnonalojen välinen työryhmä.",
            &[("työryhmä", "työryhmä", WorkingGroup, Nominative, false)],
        ),
        (
            "Osallistamisen työryhmälle esitettiin malli.",
            &[(
                "Osallistamisen työryhmälle",
                "Osallistamisen työryhmä",
                WorkingGroup,
                Allative,
                false,
            )],
        ),
        (
            "17.5.2019Palvelujen kehittämisen työryhmän kokous",
            &[(
                "Palvelujen kehittämisen työryhmän",
                "Palvelujen kehittämisen työryhmä",
                WorkingGroup,
                Genitive,
                false,
            )],
        ),
        (
            "Ennaltaehkäisemisen valmisteluryhmässä sovittiin.",
            &[(
                "Ennaltaehkäisemisen valmisteluryhmässä",
                "Ennaltaehkäisemisen valmisteluryhmä",
                WorkingGroup,
                Inessive,
                false,
            )],
        ),
        // --- advisory and participation bodies ---
        (
            "Projektin kokemusraadille esiteltiin luonnos.",
            &[("kokemusraadille", "kokemusraati", Other, Allative, false)],
        ),
        (
            "Nuorten raati ja nuorisovaltuusto kokoontuivat.",
            &[
                ("Nuorten raati", "Nuorten raati", Other, Nominative, false),
                (
                    "nuorisovaltuusto",
                    "nuorisovaltuusto",
                    Council,
                    Nominative,
                    false,
                ),
            ],
        ),
        ("Raati kokoontui.", &[]),
        (
            "Demokraatit, demokraatin ja byrokraateille kerrottiin.",
            &[],
        ),
        ("SOKO:n kokous 10.9.2018", &[]),
    ];

    fn observed(text: &str) -> Vec<Expect> {
        find_bodies(text)
            .into_iter()
            .map(|m| {
                let name: &'static str = Box::leak(m.name.into_boxed_str());
                let text: &'static str = Box::leak(m.text.to_string().into_boxed_str());
                (text, name, m.kind, m.case, m.plural)
            })
            .collect()
    }

    #[test]
    fn rows() {
        let mut failures = Vec::new();
        for (text, expected) in ROWS {
            let got = observed(text);
            if got.as_slice() != *expected {
                failures.push(format!(
                    "{text:?}\n  expected {expected:?}\n  got      {got:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} rows failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn spans_slice_to_text() {
        for (text, _) in ROWS {
            for m in find_bodies(text) {
                assert_eq!(text.get(m.span.start..m.span.end), Some(m.text), "{text:?}");
                if let Some((abbr, span)) = m.abbreviation {
                    assert_eq!(text.get(span.start..span.end), Some(abbr), "{text:?}");
                }
            }
        }
    }

    /// Words of one byte length and one ending share a slot of the head
    /// memo, so its test meets words that take one another's slot.
    #[test]
    fn head_memo_slots_are_shared_by_one_length_and_ending() {
        let lex = &*LEXICON;
        let (a, b) = ("ydinryhmä", "ikäryhmä");
        assert_eq!(HeadMemo::slot(a.as_bytes()), HeadMemo::slot(b.as_bytes()));
        assert_ne!(head_form_hit(lex, a), head_form_hit(lex, b));
        let mut memo = HeadMemo::new();
        for word in [a, b, a, b] {
            assert_eq!(
                memo.get_or(word, || head_form_hit(lex, word)),
                head_form_hit(lex, word)
            );
        }
    }

    /// An abbreviation that is itself a head form (`TIIMI`) lies under the
    /// floor of the name before it; the scan passes over it and on to the
    /// next head, as the scan of every token did.
    #[test]
    fn a_full_word_cache_starts_again_and_keeps_no_greek_word() {
        let cache = WordCache::default();
        for (n, word) in ["kunnan", "alueen", "ryhmän"].into_iter().enumerate() {
            assert_eq!(remembered(&cache, 2, word, || n), n);
        }
        // The third word found the cache full: only it is left.
        assert_eq!(cache.borrow().len(), 1);
        assert_eq!(remembered(&cache, 2, "ryhmän", || 9), 2);
        assert_eq!(remembered(&cache, 2, "kunnan", || 9), 9);
        let told = Cell::new(0);
        for _ in 0..2 {
            across_texts(&FACTS_CACHE, "ΣΊΣΥΦΟΣ", || {
                told.set(told.get() + 1);
                Facts::UNKNOWN
            });
        }
        assert_eq!(told.get(), 2);
    }

    #[test]
    fn scan_passes_over_a_head_inside_an_abbreviation() {
        let text = "Digitaalinen johtoryhmä (TIIMI) ja alueellinen työryhmä kokoontuivat.";
        let lowered = LowerText::new(text);
        let scanner = Scanner::new(text, &lowered, false);
        let found = scanner.scan();
        assert_eq!(found, scanner.scan_every_token());
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Digitaalinen johtoryhmä", "alueellinen työryhmä"]);
        assert_eq!(
            found.first().and_then(|m| m.abbreviation).map(|(a, _)| a),
            Some("TIIMI")
        );
    }

    #[test]
    fn abbreviations() {
        let rows: &[(&str, Option<&str>)] = &[
            ("Alueellinen ohjausryhmä (AOR) aloitti.", Some("AOR")),
            ("Asia siirtyi valmistelutoimielimelle (VaTe).", Some("VaTe")),
            ("Työryhmä (2019–2020) päätti työnsä.", None),
            ("Työryhmä (ks. liite) päätti työnsä.", None),
            ("Työryhmä (hyte) päätti työnsä.", None),
            ("Työryhmä(TR) päätti työnsä.", Some("TR")),
            (
                "Sote-uudistuksen koordinaatioryhmä (SOKO)\nSOKO:n kokous 10.9.2018",
                Some("SOKO"),
            ),
            (
                "Hyvinvointialueen valmistelun koordinaatioryhmän (HVK) kokous pidettiin.",
                Some("HVK"),
            ),
            (
                "Asia tuotiin maakuntauudistuksen koordinaatioryhmän (KOORA) kokoukseen.",
                Some("KOORA"),
            ),
            ("Hankkeen asiakasraati (ASRA) kokoontui.", Some("ASRA")),
        ];
        for (text, expected) in rows {
            let bodies = find_bodies(text);
            let got = bodies.first().and_then(|m| m.abbreviation).map(|(a, _)| a);
            assert_eq!(got, *expected, "{text:?}");
        }
        let text = "Alueellinen ohjausryhmä (AOR) aloitti.";
        let span = find_bodies(text)
            .first()
            .and_then(|m| m.abbreviation)
            .map(|(_, s)| s);
        // "Alueellinen " is 12 bytes, "ohjausryhmä" 12 (ä takes two), " (" 2.
        assert_eq!(span, Some(Span::new(26, 29)));
    }

    #[test]
    fn two_names_with_an_abbreviation_between() {
        let text = "Strateginen ohjausryhmä (SOR) ja hanketiimi kokoontuivat.";
        let names: Vec<String> = find_bodies(text).into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["Strateginen ohjausryhmä", "hanketiimi"]);
    }

    #[test]
    fn basic_forms() {
        let rows: &[(&str, Option<(&str, BodyKind)>)] = &[
            (
                "väliaikaiselle valmistelutoimielimelle",
                Some(("väliaikainen valmistelutoimielin", InterimBody)),
            ),
            (
                "poliittisen ohjausryhmän",
                Some(("poliittinen ohjausryhmä", SteeringGroup)),
            ),
            (
                "aiemman virkamiesjohtoryhmän",
                Some(("virkamiesjohtoryhmä", SteeringGroup)),
            ),
            ("Ryhmille", Some(("Ryhmä", WorkingGroup))),
            ("hallituksen", Some(("hallitus", Board))),
            ("toimielimen", Some(("toimielin", Other))),
            ("lautakunnan", Some(("lautakunta", Committee))),
            ("valtuuston", Some(("valtuusto", Council))),
            ("tiimille", Some(("tiimi", Team))),
            ("kokouksen", Some(("kokous", Forum))),
            ("Kuntajohtajakokouksen", Some(("Kuntajohtajakokous", Forum))),
            (
                "Vammaispalvelut ja kuntoutus -ryhmälle",
                Some(("Vammaispalvelut ja kuntoutus -ryhmä", WorkingGroup)),
            ),
            (
                "Hallinnon työryhmän ",
                Some(("Hallinnon työryhmä", WorkingGroup)),
            ),
            (
                "aluehallituksen alaiselle jaostolle",
                Some(("jaosto", Committee)),
            ),
            (
                "Kehittämisen työryhmän",
                Some(("Kehittämisen työryhmä", WorkingGroup)),
            ),
            ("hankkeen asiakasraadille", Some(("asiakasraati", Other))),
            ("Strategisen ohjausryhmän kokous", None),
            ("kokousasiakirjat", None),
            ("Kohderyhmän", None),
            ("", None),
        ];
        for (phrase, expected) in rows {
            let got = basic_form(phrase);
            let got = got.as_ref().map(|(n, k)| (n.as_str(), *k));
            assert_eq!(got, *expected, "{phrase:?}");
        }
    }

    #[test]
    fn kinds_by_head() {
        let rows: &[(&str, BodyKind)] = &[
            ("johtoryhmä", SteeringGroup),
            ("Maakunnan ohjausryhmä", SteeringGroup),
            ("työryhmä", WorkingGroup),
            ("valmisteluryhmä", WorkingGroup),
            ("Ikäihmisten ryhmä", WorkingGroup),
            ("Sote-tiimi", Team),
            ("sote-virkamieskoordinaatioryhmä", CoordinationGroup),
            ("koordinointiryhmä", CoordinationGroup),
            ("seurantaryhmä", MonitoringGroup),
            ("väliaikainen valmistelutoimielin", InterimBody),
            ("väliaikainen toimielin", InterimBody),
            ("vaikuttamistoimielin", Other),
            ("aluevaltuusto", Council),
            ("yhtymähallitus", Board),
            ("perusturvalautakunta", Committee),
            ("toimikunta", Committee),
            ("jaosto", Committee),
            ("Kuntajohtajakokous", Forum),
            ("kehittäjäverkosto", Network),
            ("asiakasraati", Other),
            ("vammaisneuvosto", Other),
            ("nuorisovaltuusto", Council),
            ("Uusimaa 2019 -hankkeen johtoryhmä", SteeringGroup),
            ("Vammaiset ja kuntoutus -työryhmä", WorkingGroup),
            ("kohderyhmä", Other),
            ("eduskunta", Other),
            ("", Other),
        ];
        for (name, kind) in rows {
            assert_eq!(body_kind(name), *kind, "{name:?}");
        }
    }

    #[test]
    fn genitives_to_nominatives() {
        let rows: &[(&str, Option<&str>)] = &[
            ("Sosiaalihuollon", Some("Sosiaalihuolto")),
            ("Suun terveydenhuollon", Some("Suun terveydenhuolto")),
            ("Lastensuojelun", Some("Lastensuojelu")),
            ("Kotihoidon", Some("Kotihoito")),
            ("Perheiden palvelujen", Some("Perheiden palvelut")),
            ("Vammaisten palveluiden", Some("Vammaisten palvelut")),
            ("Hallinnon", Some("Hallinto")),
            ("Hyvinvoinnin", Some("Hyvinvointi")),
            ("Talouden", Some("Talous")),
            ("Asiakkuuden", Some("Asiakkuus")),
            ("Rakenteen", Some("Rakenne")),
            ("Kuntoutuksen", Some("Kuntoutus")),
            ("Sosiaalisen kuntoutuksen", Some("Sosiaalinen kuntoutus")),
            ("Hanketiimin", Some("Hanketiimi")),
            ("Työryhmien", Some("Työryhmät")),
            ("Strategisen ohjausryhmän", Some("Strateginen ohjausryhmä")),
            ("Oulun", Some("Oulu")),
            ("Ikääntyneiden", Some("Ikääntyneet")),
            ("Pelastustoimen", Some("Pelastustoimi")),
            ("Viestinnän", Some("Viestintä")),
            (
                "Maakunta- ja sote-uudistuksen",
                Some("Maakunta- ja sote-uudistus"),
            ),
            ("kuntien", None),
            ("Johtoryhmässä", None),
            ("", None),
            ("n", None),
        ];
        for (phrase, expected) in rows {
            assert_eq!(
                genitive_to_nominative(phrase).as_deref(),
                *expected,
                "{phrase:?}"
            );
        }
    }

    #[test]
    fn plurals() {
        let rows: &[(&str, Option<&str>)] = &[
            ("työryhmä", Some("työryhmät")),
            ("poliittinen ohjausryhmä", Some("poliittiset ohjausryhmät")),
            (
                "rakenneuudistuksen valmistelutyöryhmä",
                Some("rakenneuudistuksen valmistelutyöryhmät"),
            ),
            ("Sote-tiimi", Some("Sote-tiimit")),
            ("aluehallitus", Some("aluehallitukset")),
            ("lautakunta", Some("lautakunnat")),
            ("valmistelutoimielin", Some("valmistelutoimielimet")),
            ("Kuntajohtajakokous", Some("Kuntajohtajakokoukset")),
            ("Laaja johtoryhmä", Some("Laajat johtoryhmät")),
            ("Talousasioiden työryhmä", Some("Talousasioiden työryhmät")),
            (
                "Talous ja hallinto -työryhmä",
                Some("Talous ja hallinto -työryhmät"),
            ),
            ("kohderyhmä", None),
            ("johtoryhmät", None),
            ("", None),
        ];
        for (name, expected) in rows {
            assert_eq!(nominative_plural(name).as_deref(), *expected, "{name:?}");
        }
    }

    /// The word lists of the data file, each word with the lists it is on,
    /// read again from the sections: the oracle of [`Lexicon::listed`].
    fn listed_by_sections() -> FxHashMap<String, u8> {
        let sections = sections(DATA);
        let classes = Lexicon::classes(&sections);
        let mut listed: FxHashMap<String, u8> = FxHashMap::default();
        let mut put = |word: String, list: u8| *listed.entry(word).or_default() |= list;
        for (name, _, rows) in &sections {
            for row in rows {
                let Some(&word) = row.first() else { continue };
                let inflected = || match (row.get(1).and_then(|c| classes.get(*c)), row.get(2)) {
                    (Some(class), Some(harmony)) => inflect(word, class, *harmony == "back"),
                    _ => Vec::new(),
                };
                match *name {
                    "numerals" => put(word.to_string(), Listed::DESCRIPTIVE),
                    "conjunctions" => put(word.to_string(), Listed::CONJUNCTION),
                    "generic_genitives" => put(word.to_string(), Listed::GENERIC),
                    "name_adjectives" => {
                        for (form, _, _) in inflected() {
                            put(form, Listed::ADJECTIVE);
                        }
                    }
                    "descriptive" if !word.starts_with('*') => match (row.get(1), row.get(2)) {
                        (Some(class), Some(_)) if *class != "-" => {
                            for (form, _, _) in inflected() {
                                put(form, Listed::DESCRIPTIVE);
                            }
                        }
                        _ => put(word.to_string(), Listed::DESCRIPTIVE),
                    },
                    _ => {}
                }
            }
        }
        listed
    }

    #[test]
    fn word_lists_in_one_map_agree_with_the_sections() {
        let lex = &*LEXICON;
        let want = listed_by_sections();
        assert!(want.len() > 100);
        assert_eq!(lex.listed.len(), want.len());
        for (word, lists) in &want {
            assert_eq!(lex.listed(word), Listed(*lists), "{word}");
        }
        for word in lex.adjectives.keys() {
            assert!(lex.listed(word).is(Listed::ADJECTIVE), "{word}");
        }
        assert!(lex.listed("ja").is(Listed::CONJUNCTION));
    }

    #[test]
    fn lexicon_is_complete() {
        let lex = &*LEXICON;
        assert!(lex.heads.iter().filter(|h| h.kind.is_some()).count() >= 25);
        for head in lex.heads.iter() {
            let form = lex.head_forms.get(&head.nominative);
            assert!(
                form.is_some_and(|f| f.case == Nominative && !f.plural),
                "{}",
                head.nominative
            );
            assert_ne!(head.plural, head.nominative, "{}", head.nominative);
        }
        assert!(lex.inen_endings.len() >= 30);
        assert!(lex.max_inen_ending <= MAX_NESTED_ENDINGS);
        assert!(lex.listed("aiemman").is(Listed::DESCRIPTIVE));
        assert!(lex.listed("uuden").is(Listed::DESCRIPTIVE));
        assert!(!lex.genitive_rules.is_empty());
        assert_eq!(lex.kind_overrides.len(), 1);
    }

    #[test]
    fn tokens_split_glued_dates_and_keep_compounds() {
        let text = "19.9.2017Talous- ja ICT/digi -työryhmän STM:n";
        let words: Vec<&str> = tokenize(text)
            .iter()
            .filter_map(|t| text.get(t.start..t.end))
            .collect();
        assert_eq!(
            words,
            [
                "19",
                "9",
                "2017",
                "Talous-",
                "ja",
                "ICT/digi",
                "-työryhmän",
                "STM:n"
            ]
        );
    }

    #[test]
    fn hostile_inputs_do_not_panic() {
        let long_digits = "1".repeat(10_000);
        let long_dots = ".".repeat(10_000);
        let long_word = format!("{}työryhmä", "a".repeat(10_000));
        let inputs = [
            "",
            "\0",
            "\u{308}työryhmä",
            "työryhmä\u{308}",
            "-",
            "- -työryhmä",
            "-työryhmä",
            "(",
            ")työryhmä",
            "työryhmä (",
            "työryhmä (VATE",
            "ja työryhmä",
            ", työryhmä",
            "\u{a0}\u{a0}työryhmä\u{a0}",
            long_digits.as_str(),
            long_dots.as_str(),
            long_word.as_str(),
        ];
        for text in inputs {
            for m in find_bodies(text) {
                assert_eq!(text.get(m.span.start..m.span.end), Some(m.text));
            }
            let _ = basic_form(text);
            let _ = genitive_to_nominative(text);
            let _ = nominative_plural(text);
            let _ = body_kind(text);
        }
    }

    /// Pieces of Finnish announcements for the property tests.
    fn announcement_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "1",
            "12",
            "2019",
            ".",
            "-",
            "–",
            "—",
            ",",
            " ",
            "\u{a0}",
            "\n",
            "(",
            ")",
            ":",
            "§",
            "@",
            "ä",
            "ö",
            "å",
            "Ä",
            "klo",
            "maaliskuuta",
            "syyskuussa",
            "euroa",
            "milj.",
            "p.",
            "ssa",
            "lle",
            "n",
            "ja",
            "sekä",
            "työryhmä",
            "työryhmän",
            "-työryhmä",
            "ryhmä",
            "tiimi",
            "Sote-",
            "kokous",
            "kokouksen",
            "Kuntajohtaja",
            "johtoryhmässä",
            "strategisen",
            "poliittinen",
            "väliaikaiselle",
            "valmistelutoimielimelle",
            "(VATE)",
            "hallituksen",
            "lautakunnan",
            "kaikkien",
            "uuden",
            "Palvelutuotannon",
            "Uudenmaan",
            "kohderyhmän",
            "yhteinen",
            "kahden",
            "kin",
            "ICT",
        ])
    }

    /// Pieces of body names and what stands around them, for the
    /// tokenizer's tests: words of every case, digits glued to capitals,
    /// dashes, joiners, spaces and line ends, combining marks, characters
    /// whose case changes their length.
    fn token_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Strategisen",
            "johtoryhmän",
            "ICT",
            "ja",
            "digi",
            "-työryhmä",
            "Vammais-",
            "ikäneuvosto",
            "STRATEGISEN",
            "ÄÄNESTYS",
            "Öljy",
            "Åland",
            "Émile",
            "Müller",
            "Straße",
            "Þór",
            "2019A",
            "2019",
            "2019Ä",
            "1é",
            "7ß",
            "A",
            "a",
            "Ä",
            "ä",
            "ö",
            "9",
            "×",
            "÷",
            "-",
            "‐",
            "‑",
            "–",
            "—",
            "−",
            "\u{a0}",
            " ",
            "  ",
            "\r\n",
            "\n",
            "\r",
            "\t",
            "\u{308}",
            "a\u{308}",
            "\u{1DC0}",
            "'",
            "’",
            ":",
            "STM:n",
            "&",
            "I&O",
            "/",
            "ICT/digi",
            ",",
            ".",
            "(",
            ")",
            "\"",
            "”",
            "Σ",
            "İ",
            "\u{212A}",
            "ǅ",
            "٣",
            "Ⅳ",
            "Ω",
            "€",
        ])
    }

    /// Texts of announcement pieces, other tokens and head words mixed: what
    /// the scanner's views and look-ups are compared on.
    fn mixed_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![announcement_piece(), token_piece(), head_piece()],
            0..30,
        )
        .prop_map(|pieces| pieces.concat())
    }

    /// Head words and their ends, for the head look-up's tests: forms with
    /// clitics, in capitals, glued to Σ (whose lower case depends on its
    /// neighbours) and to characters whose lower case changes length.
    fn head_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "työryhmä",
            "johtoryhmäkin",
            "ryhmähän",
            "neuvostoon",
            "TYÖRYHMÄN",
            "ohjausryhmissäkään",
            "valtuustokaan",
            "hallitus",
            "jaostoa",
            "toimikunnan",
            "lautakunnille",
            "Σ",
            "ΣΣ",
            "ryhmäΣ",
            "ΣRYHMÄ",
            "ryhmÄΣkin",
            "TOIMIKUNNANKIN",
            "neuvostokään",
            "Σn",
            "σ",
            "ς",
            "ç",
            "ă",
            "\u{212A}",
            "İn",
            "n",
            "in",
            "än",
            "kin",
            "hän",
            "han",
            "kaan",
            "kään",
            "ryhmäkään",
            "hallituskaan",
            "neuvostohan",
            "KIN",
        ])
    }

    /// Pieces of genitives and of the words that only look like them: the
    /// endings the genitive test rules out, acronyms, dashes, colons and
    /// digits, for words glued from a few of them.
    fn genitive_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "aan",
            "ään",
            "oon",
            "öön",
            "uun",
            "yyn",
            "iin",
            "seen",
            "ihin",
            "mmin",
            "ttain",
            "ttäin",
            "tain",
            "täin",
            "ain",
            "äin",
            "hin",
            "min",
            "een",
            "ÄÄN",
            "AAN",
            "nen",
            "nnen",
            "NEN",
            "n",
            "en",
            "in",
            "an",
            "än",
            "e",
            "a",
            "i",
            "t",
            "s",
            "h",
            "m",
            "valmistelu",
            "kunta",
            "Sote",
            "STM:",
            "HUS",
            "I&O",
            "LAPE",
            "-",
            "‐",
            "–",
            "—",
            "−",
            "€",
            "2019",
            "7",
            ":",
            "Σ",
            "ä",
            "ö",
            "Ä",
            "Ö",
            "é",
        ])
    }

    fn check_spans(text: &str) {
        for m in find_bodies(text) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert_eq!(text.get(m.span.start..m.span.end), Some(m.text));
            assert!(!m.name.is_empty());
            if let Some((abbr, span)) = m.abbreviation {
                assert_eq!(text.get(span.start..span.end), Some(abbr));
            }
        }
    }

    /// Pieces of -inen words: the lexicon's endings, stems before them
    /// (with and without their `i`, short and long), Finnish letters, Σ
    /// and characters of other lengths.
    fn inen_piece() -> impl Strategy<Value = String> {
        let endings: Vec<String> = LEXICON
            .inen_endings
            .iter()
            .map(|(e, _, _)| e.clone())
            .collect();
        prop_oneof![
            prop::sample::select(endings),
            prop::sample::select(vec![
                "strategi", "edelli", "kansalli", "i", "ai", "äi", "öi", "vi", "ii", "s", "sen",
                "isen", "nen", "n", "ä", "Σ", "ς", "\u{212A}", "İ", "😀", "-", " ",
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest! {
        /// [`Lexicon::first_inen_reading`] offers the readings
        /// [`Lexicon::inen_readings_by_iter`] gives, in its order, and
        /// stops at the first answer.
        #[test]
        fn first_inen_reading_offers_the_iterators_readings(
            pieces in prop::collection::vec(inen_piece(), 0..5),
            stop in 0usize..6,
        ) {
            let lex = &*LEXICON;
            let word = pieces.concat();
            for lower in [word.clone(), word.to_lowercase()] {
                let want: Vec<(&str, Case, bool)> = lex.inen_readings_by_iter(&lower).collect();
                let mut got = Vec::new();
                let none = lex.first_inen_reading(&lower, |stem, case, plural| {
                    got.push((stem, case, plural));
                    None::<()>
                });
                prop_assert_eq!(none, None);
                prop_assert_eq!(&got, &want, "{:?}", lower);
                let mut seen = 0;
                let first = lex.first_inen_reading(&lower, |stem, case, plural| {
                    seen += 1;
                    (seen > stop).then_some((stem, case, plural))
                });
                prop_assert_eq!(first, want.get(stop).copied(), "{:?}", lower);
            }
        }
    }

    /// [`Lexicon::kind_override_of`] of `name` answers as the look-up of its
    /// whole lower case and as the gate that read the whole name.
    fn override_gates_agree(lex: &Lexicon, name: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(
            lex.kind_override_of(name),
            lex.kind_override(&name.to_lowercase()),
            "{:?}",
            name
        );
        prop_assert_eq!(
            lex.kind_override_of(name),
            lex.kind_override_of_whole_latin1(name),
            "{:?}",
            name
        );
        Ok(())
    }

    /// A chunk that is not plain drops the capitals the walk noted in it,
    /// and only those: the plain words' capitals before it stay, and its
    /// own (its first byte one too) are listed once, as
    /// [`capital_starts`] lists them.
    #[test]
    fn a_chunk_that_is_not_plain_drops_only_its_own_noted_capitals() {
        let text = "Hanke Öljy I&O-työ";
        let (_, _, _, capitals) = tokens_and_words(text);
        assert_eq!(capitals, vec![0, 6, 12, 14]);
        assert_eq!(capitals, capital_starts(text));
    }

    /// The bodies of `text` scanned as [`find_bodies_tokenized`] scans
    /// them, but with no spare name strings: the oracle of the recycled
    /// names' test.
    fn bodies_with_new_names(text: &str) -> Vec<BodyMatch<'_>> {
        let lowered = LowerText::new(text);
        let (tokens, _, _, _) = tokens_and_words(text);
        Scanner::with_tokens(text, &lowered, tokens.tokens, Some(&tokens.maybe), false).scan()
    }

    /// Spare strings holding text of their own, longer and shorter than
    /// the names that will be written in them.
    fn junk_names() -> Vec<String> {
        [
            "x",
            "Vanha nimi, pitkä ja roskainen",
            "",
            "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ",
        ]
        .iter()
        .map(|s| s.repeat(3))
        .collect()
    }

    #[test]
    fn names_written_in_recycled_strings_are_the_names() {
        let texts = [
            "Strategisen johtoryhmän (SJR) kokous. Sote-tiimi ja ICT-työryhmä kokoontuivat.",
            "Alueellinen ohjausryhmä ja maakuntavaltuusto",
            "",
            "Vammaisneuvoston, ikäneuvoston ja nuorisovaltuuston jäsenet",
        ];
        SPARE_NAMES.set(junk_names());
        for text in texts {
            let lowered = LowerText::new(text);
            let (tokens, _, _, _) = tokens_and_words(text);
            let found = find_bodies_tokenized(text, &lowered, tokens);
            assert_eq!(found, bodies_with_new_names(text), "{text:?}");
            recycle_names(found);
        }
        let kept = SPARE_NAMES.take();
        assert!(
            !kept.is_empty() && kept.len() <= MAX_SPARE_NAMES,
            "{kept:?}"
        );
    }

    proptest! {
        /// Bodies found with name strings recycled from earlier texts (and
        /// from junk) are the bodies found with new strings, over texts of
        /// announcement pieces in any order.
        #[test]
        fn recycled_name_strings_give_the_names_new_ones_give(
            texts in prop::collection::vec(
                prop::collection::vec(token_piece(), 0..30).prop_map(|p| p.join(" ")),
                1..5,
            ),
        ) {
            SPARE_NAMES.set(junk_names());
            for text in &texts {
                let lowered = LowerText::new(text);
                let (tokens, _, _, _) = tokens_and_words(text);
                let found = find_bodies_tokenized(text, &lowered, tokens);
                prop_assert_eq!(&found, &bodies_with_new_names(text), "{:?}", text);
                recycle_names(found);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in any::<String>()) {
            check_spans(&text);
            let _ = basic_form(&text);
            let _ = genitive_to_nominative(&text);
            let _ = nominative_plural(&text);
            let _ = body_kind(&text);
        }

        #[test]
        fn tokenize_agrees_with_the_char_by_char_scan(
            pieces in prop::collection::vec(token_piece(), 0..40),
            noise in any::<String>(),
        ) {
            let spans = |tokens: Vec<Token>| -> Vec<(usize, usize)> {
                tokens.iter().map(|t| (t.start, t.end)).collect()
            };
            for text in [pieces.concat(), noise] {
                prop_assert_eq!(spans(tokenize(&text)), spans(tokenize_by_chars(&text)), "{:?}", text);
            }
        }

        /// The one walk of [`tokens_and_words`] gives the tokens
        /// [`tokenize`] gives and the words [`crate::text::words`] gives,
        /// offsets and gaps included, on announcement pieces, on pieces
        /// where the two splitters part ways (`'`, `/`, dashes, a date
        /// glued to a title, `×`, combining marks, other scripts) and on
        /// any text.
        #[test]
        fn one_walk_gives_both_splitters_tokens_and_words(
            pieces in prop::collection::vec(token_piece(), 0..40),
            odd in prop::collection::vec(prop::sample::select(vec![
                "2017", "7", "Vammaisten", "Ärsyttävä", "ärsyttävä", "O'Brien", "'", "’",
                "ICT/digi", "/", "–", "—", "‐", "\u{2011}", "−", "-", "--", "&", ":", "STM:n",
                "I&O-", "×", "÷", "a\u{308}", "\u{308}", "\u{20D0}", "é", "É", "ß", "Þ",
                "Σ", "日本", "😀", "½", "²", " ", "  ", "\u{A0}", "\n", ".", ",", "(", ")",
                "\"", "ª", "\u{0}", "\t",
            ]), 0..40),
            noise in any::<String>(),
        ) {
            let spans = |tokens: &[Token]| -> Vec<(usize, usize)> {
                tokens.iter().map(|t| (t.start, t.end)).collect()
            };
            let mixed: String = pieces
                .iter()
                .zip(odd.iter())
                .flat_map(|(a, b)| [*a, *b])
                .collect();
            for text in [pieces.concat(), odd.concat(), mixed, noise] {
                let (tokens, words, _, _) = tokens_and_words(&text);
                prop_assert_eq!(spans(&tokens.tokens), spans(&tokenize(&text)), "{:?}", text);
                prop_assert_eq!(words, crate::text::words(&text), "{:?}", text);
            }
        }

        /// The capitals the walk of [`tokens_and_words`] notes are those
        /// [`capital_starts`] lists: on Finnish-like words (capitalised, in
        /// capitals, Latin-1 capitals and `ß`), on chunks that are not
        /// plain (dashes, joiners, digits glued to capitals, `×`, other
        /// scripts with their own capitals and bytes `80`–`9E`), glued
        /// with and without gaps, and on any text.
        #[test]
        fn the_walk_notes_the_capitals_capital_starts_lists(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "Hanke", "hanke", "HANKE", "Ärsyttävä", "ÄÄNESTYS", "Öljy", "Åland", "Þór",
                "Straße", "ß", "À", "Ý", "ÿ", "×", "÷", "2019", "2019Ä", "7A", "3ß", "STM:n",
                "I&O-", "ICT/digi", "O'Brien", "–", "-", "Σ", "Жук", "рр", "İz", "ǅ", "Ｆ", "Ⅰ",
                "𝐀", "a\u{308}", "日本", " ", " ", ", ", ".", "\n", "(", ")",
            ]), 0..40),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), pieces.join(" "), noise] {
                let (_, _, _, capitals) = tokens_and_words(&text);
                prop_assert_eq!(capitals, capital_starts(&text), "{:?}", text);
            }
        }

        /// A plain word's capitals, ASCII and Latin-1 (`Ä`, `Þ`, and `ß`,
        /// which is none), are noted at the first byte of their character.
        #[test]
        fn the_walk_notes_latin1_capitals_at_their_lead_byte(
            word in "[a-zA-ZäöåÄÖÅßÞ]{1,12}",
        ) {
            let (_, _, _, capitals) = tokens_and_words(&word);
            let by_chars: Vec<usize> = word
                .char_indices()
                .filter(|(_, c)| c.is_uppercase())
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(capitals, by_chars, "{:?}", word);
        }

        /// [`chunk_end`] ends every chunk where [`chunk_end_by_kinds`]
        /// ends it, with the same plainness, and the end of its last
        /// capital byte tells of a plain chunk what
        /// [`tail_is_own_lower_case`](crate::text::tail_is_own_lower_case)
        /// tells reading the chunk's last eight bytes: on words of small and
        /// capital ASCII and Latin-1 letters (`ä`, `Ä`, `×`, `÷`, `ß`, `Þ`),
        /// digits, joiners and other scripts, glued at every length around
        /// eight bytes, and on any text.
        #[test]
        fn chunk_end_tells_own_lower_case_as_the_tail_read(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "k", "z", "A", "K", "Z", "ä", "Ä", "ö", "Ö", "å", "Å", "é", "É", "ß", "Þ",
                "×", "÷", "ÿ", "À", "7", "20", "-", "'", ":", "Σ", "İ", "\u{212A}", "ş", "😀",
                " ", ".", ",", "\n", "ryhmä", "RYHMÄ", "työryhmässä", "Hanke", "kunnan",
            ]), 0..24),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise] {
                let bytes = text.as_bytes();
                for start in 0..bytes.len() {
                    if !text.is_char_boundary(start) {
                        continue;
                    }
                    let (end, plain, upper_end) =
                        chunk_end(bytes, &plain_masks(bytes), start, bytes[start], &mut Vec::new());
                    prop_assert_eq!((end, plain), chunk_end_by_kinds(bytes, start), "{:?} {}", text, start);
                    let Some(chunk) = text.get(start..end) else {
                        continue;
                    };
                    if plain {
                        let own_lower = upper_end <= end.saturating_sub(SPLIT_TAIL).max(start);
                        prop_assert_eq!(
                            own_lower,
                            crate::text::tail_is_own_lower_case(chunk.as_bytes(), SPLIT_TAIL),
                            "{:?} {}", text, start
                        );
                    }
                }
            }
        }

        /// [`chunk_end`], passing runs of plain bytes by the text's
        /// [`plain_masks`], ends every chunk where its oracle
        /// [`chunk_end_by_words`] ends it, with the same plainness, the
        /// same end of the last capital byte and the same capitals noted:
        /// on Finnish-like words (small and capital ASCII and Latin-1
        /// letters, `ß`, `×`, `÷`, digits, joiners, other scripts) glued
        /// with and without gaps, shifted by `shift` bytes so that runs
        /// cross the sixty-four-byte blocks at every place, from every
        /// char boundary, and on any text.
        #[test]
        fn plain_runs_by_the_masks_end_chunks_as_the_byte_walk(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "z", "A", "Z", "ä", "Ä", "ö", "Ö", "å", "Å", "é", "É", "ß", "Þ", "×", "÷",
                "ÿ", "À", "·", "7", "20", "-", "'", ":", "Σ", "😀", " ", " ", ".", ",", "\n",
                "ryhmä", "RYHMÄ", "työryhmässä", "Hanke", "kunnan", "sosiaalihuoltolaki",
                "yhteistoimintaalueenjohtoryhmässäkään",
            ]), 0..24),
            shift in 0usize..70,
            noise in any::<String>(),
        ) {
            let shifted = format!("{}{}", "x".repeat(shift), pieces.concat());
            for text in [shifted, pieces.join(" "), noise] {
                let bytes = text.as_bytes();
                let plain = plain_masks(bytes);
                for start in 0..bytes.len() {
                    if !text.is_char_boundary(start) {
                        continue;
                    }
                    let (mut by_masks, mut by_words) = (Vec::new(), Vec::new());
                    prop_assert_eq!(
                        chunk_end(bytes, &plain, start, bytes[start], &mut by_masks),
                        chunk_end_by_words(bytes, start, &mut by_words),
                        "{:?} {}", text, start
                    );
                    prop_assert_eq!(by_masks, by_words, "{:?} {}", text, start);
                }
            }
        }

        /// [`past_plain`] stops where a byte-by-byte walk over the
        /// [`ChunkByte::Plain`] bytes stops, from every offset and one past
        /// the end: on runs of every length around the sixty-four-byte
        /// blocks, on texts of a whole number of blocks, and on any bytes.
        #[test]
        fn plain_runs_end_where_the_byte_walk_ends(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "z", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
                "ä", "å", "ö", "Ä", "ß", "·", "A", "7", " ", "-", "Σ", "😀", "\u{7F}", "\u{0}",
            ]), 0..24),
            noise in prop::collection::vec(any::<u8>(), 0..200),
        ) {
            let text = pieces.concat().into_bytes();
            let whole = text.get(..text.len() / BLOCK * BLOCK).unwrap_or_default().to_vec();
            for bytes in [text, whole, noise] {
                let plain = plain_masks(&bytes);
                for start in 0..=bytes.len() {
                    let by_bytes = bytes[start..]
                        .iter()
                        .position(|&b| CHUNK_BYTES[usize::from(b)] != ChunkByte::Plain)
                        .map_or(bytes.len(), |k| start + k);
                    prop_assert_eq!(past_plain(&plain, start), by_bytes, "{:?} {}", bytes, start);
                }
            }
        }

        /// [`past_small_ascii`] stops where a byte-by-byte walk over the
        /// small ASCII letters stops: on runs of every length around eight
        /// and sixteen bytes ended by capitals, digits, `ä`, gaps,
        /// joiners and other scripts, from every offset, and on any text.
        #[test]
        fn small_ascii_runs_end_where_the_byte_walk_ends(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "k", "z", "abcdefg", "kunnan", "A", "Z", "ä", "Ä", "7", "{", "`", "@",
                " ", "-", ":", "Σ", "😀", "\u{7F}", "\u{0}",
            ]), 0..24),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise] {
                let bytes = text.as_bytes();
                for start in 0..=bytes.len() {
                    let by_bytes = bytes[start..]
                        .iter()
                        .position(|b| !b.is_ascii_lowercase())
                        .map_or(bytes.len(), |k| start + k);
                    prop_assert_eq!(past_small_ascii(bytes, start), by_bytes, "{:?} {}", text, start);
                }
            }
        }

        /// [`plain_may_end_in_head`] of a plain chunk whose last eight
        /// bytes hold a capital answers as its oracle
        /// [`plain_may_end_in_head_own_case`] asked of the chunk's lower
        /// case, and as the oracle asked of the chunk itself otherwise: on
        /// head words and case endings in small letters and in capitals,
        /// with clitics in either, ASCII and Latin-1 capitals (`Ä`, `Þ`),
        /// `ß`, `×` and digits, glued at every length around eight bytes.
        #[test]
        fn capitals_lowered_in_the_tail_gate_as_the_lower_case(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "a", "k", "n", "A", "K", "N", "ä", "Ä", "ö", "Ö", "å", "Å", "é", "É", "ß", "Þ",
                "þ", "ÿ", "À", "×", "7", "ryhmä", "RYHMÄ", "työryhmän", "TYÖRYHMÄN", "Hanke",
                "HANKE", "hankkeen", "HANKKEEN", "kin", "KIN", "hän", "HÄN", "kään", "KÄÄN",
                "kaan", "KAAN", "lautakunnan", "LAUTAKUNTA", "Ministeriö", "MINISTERIÖÖN",
                "kuntayhtymÄ", "ssa", "SSA", "ssä", "SSÄ", "piiri", "PIIRIN", "Virasto",
                "OHJELMA", "ohjelmaan",
            ]), 1..6),
        ) {
            let word = pieces.concat();
            let bytes = word.as_bytes();
            let (end, plain, upper_end) = chunk_end(bytes, &plain_masks(bytes), 0, bytes[0], &mut Vec::new());
            prop_assume!(plain && end == bytes.len());
            let own_lower = upper_end <= end.saturating_sub(SPLIT_TAIL);
            let lower = word.to_lowercase();
            let sets = (&*ANY_HEAD_TAILS, &LEXICON.head_tails, head_tails());
            let (token_may, tails_passed, word_may) =
                plain_may_end_in_head(bytes, own_lower, sets.0, sets.1, sets.2);
            let asked = if own_lower { bytes } else { lower.as_bytes() };
            prop_assert_eq!(
                (token_may, word_may),
                plain_may_end_in_head_own_case(asked, true, sets.0, sets.1, sets.2),
                "{:?}", word
            );
            // The flag the scanner trusts is the tails' answer for the
            // lower case itself, the first question of `may_end_in_head`.
            prop_assert_eq!(tails_passed, LEXICON.head_tails.may_end(lower.as_bytes()), "{:?}", word);
        }

        /// The heads found through the walk's gates ([`plain_may_end_in_head`])
        /// are the heads found asking every token ([`hits_of`] over all of
        /// them) and every word ([`HeadedWords::of_words`]): on head words
        /// of both tables, capitalised, in capitals, with clitics and case
        /// endings, and with the odd pieces of the tokenizer's tests.
        #[test]
        fn gated_heads_are_the_heads_of_every_word(
            pieces in prop::collection::vec(prop_oneof![
                token_piece().prop_map(str::to_owned),
                (
                    prop::sample::select(vec![
                        "työryhmä", "johtoryhmä", "Johtoryhmä", "JOHTORYHMÄ", "lautakunta",
                        "lautakunnan", "valtuusto", "hanke", "Hanke", "hankkeessa", "hankkeen",
                        "HANKKEEN", "ministeriö", "Ministeriö", "ministeriöön", "kuntayhtymÄ",
                        "kunnan", "virasto", "Virastossa", "yhtymä", "ohjelma", "ohjelmaan",
                        "neuvosto", "neuvostoΣ", "ryhmä", "\u{212A}unta", "piiri",
                        "sairaanhoitopiiri", "Sairaanhoitopiirin", "toimielin", "toimielimelle",
                        "työryhmässä", "työryhmäkin", "hankekaan", "hankkeessahan", "ryhmähän",
                        "RYHMÄ", "Ryhmän", "PIIRI", "HANKE",
                    ]),
                    prop::sample::select(vec![
                        "", "", "kin", "han", "hän", "kaan", "n", "ssa", "ä", "Ä", "2019", "KIN",
                        "HÄN", "N", "SSA", "SSÄ", "Ssa",
                    ]),
                    prop::sample::select(vec![" ", " ", ", ", "-", ". ", "\n", "(", ") ", "/"]),
                ).prop_map(|(w, e, g)| format!("{w}{e}{g}")),
            ], 0..30),
        ) {
            let text = pieces.concat();
            let lowered = LowerText::new(&text);
            let (tokens, words, word_maybe, _) = tokens_and_words(&text);
            // A token the walk marks as let through by the tails is one
            // whose lower case they let through.
            for &i in &tokens.maybe {
                let k = (i & !TAILS_PASSED) as usize;
                if i & TAILS_PASSED != 0 {
                    let t = tokens.tokens[k];
                    let lower = text[t.start..t.end].to_lowercase();
                    prop_assert!(LEXICON.head_tails.may_end(lower.as_bytes()), "{:?} {}", text, k);
                }
            }
            let gated = Scanner::with_tokens(&text, &lowered, tokens.tokens.clone(), Some(&tokens.maybe), false);
            let every = Scanner::with_tokens(&text, &lowered, tokens.tokens, None, false);
            prop_assert_eq!(&gated.hits, &every.hits, "{:?}", text);
            let gated = crate::lexicon::heads::HeadedWords::of_gated_words(words.clone(), &word_maybe, &lowered);
            let every = crate::lexicon::heads::HeadedWords::of_words(words, &lowered);
            for i in 0..every.words.len() {
                prop_assert_eq!(gated.head(i), every.head(i), "{:?} {}", text, i);
            }
        }

        #[test]
        fn ascii_letters_agree_with_the_byte_by_byte_run(
            bytes in prop::collection::vec(any::<u8>(), 0..40),
            text in "[a-zA-Z@\\[`{0-9äöåÄÖÅ –-]{0,40}",
            run in "[a-zA-Z]{0,20}",
            stop in any::<char>(),
        ) {
            // A long run of letters, ended by any character (or not at all).
            let long = [format!("{run}{stop}").into_bytes(), run.into_bytes()];
            for bytes in [bytes, text.into_bytes()].into_iter().chain(long) {
                // Every start, so runs end at every distance from the
                // slice's end and from an eight-byte boundary.
                for start in 0..=bytes.len() {
                    let rest = bytes.get(start..).unwrap_or_default();
                    prop_assert_eq!(ascii_letters(rest), ascii_letters_by_bytes(rest), "{:?}", rest);
                }
            }
        }

        #[test]
        fn gaps_agree_with_the_sliced_gaps(
            pieces in prop::collection::vec(announcement_piece(), 0..30),
            gaps in prop::collection::vec(
                prop::sample::select(vec![" ", "  ", ", ", " (", ") ", "\u{a0}", "\n", ". ", "", " \" ", "\t", " – "]),
                0..30,
            ),
            noise in any::<String>(),
        ) {
            // Pieces glued with gaps of every kind, and random text.
            let glued: String = pieces.iter().zip(gaps.iter().chain(std::iter::repeat(&" "))).flat_map(|(p, g)| [*p, *g]).collect();
            for text in [glued, noise] {
                let tokens = tokenize(&text);
                prop_assert_eq!(gaps_of(&text, &tokens), gaps_by_slices(&text, &tokens), "{:?}", text);
            }
        }

        /// [`gap_between`] answers as [`gap_between_sliced`] between any
        /// two offsets of announcement pieces glued by gaps of every kind
        /// (empty, ASCII punctuation, line breaks, quotes, NBSP, dashes),
        /// also where they are no character boundary, lie past the end or
        /// come in the wrong order.
        #[test]
        fn gaps_between_any_offsets_agree_with_the_sliced_gaps(
            pieces in prop::collection::vec(announcement_piece(), 0..8),
            gaps in prop::collection::vec(
                prop::sample::select(vec![" ", "  ", ", ", " (", ") ", "\u{a0}", "\n", ". ", "", " \" ", "\t", " – ", ";", "\r\n", ",", "(", ")", "\"", "”", "\u{2028}"]),
                0..8,
            ),
        ) {
            let text: String = pieces.iter().zip(gaps.iter().chain(std::iter::repeat(&" "))).flat_map(|(p, g)| [*p, *g]).collect();
            for end in 0..=text.len() + 1 {
                for start in end.saturating_sub(1)..=(end + 4).min(text.len() + 1) {
                    let a = Token { start: 0, end };
                    let b = Token { start, end: start };
                    prop_assert_eq!(gap_between(&text, &a, &b), gap_between_sliced(&text, &a, &b), "{:?} {}..{}", text, end, start);
                }
            }
        }

        /// The memo answers every word as the look-up does, across a run of
        /// words that meet in its slots (one length and ending: `ydinryhmä`
        /// and `ikäryhmä`, `tiimin` and `kunnan` cut alike) and come back.
        /// Walks that share one parts vector find what walks with a vector
        /// each found, over texts of names, their words and their stops.
        #[test]
        fn walks_sharing_parts_agree_with_fresh_walks(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "Talousasioiden", "Viestinnän", "Hyvinvoinnin", "ja", "terveyden",
                    "edistämisen", "työryhmä", "ohjausryhmän", "lautakunta", "kunnan",
                    "Kainuun", "maakunnan", "valmistelun", "Strategisen", "yhteinen",
                    "seuraava", "kokous", "Sote", "-hankkeen", "LAPE-hankkeen", "tiimi",
                    "(hyte)", "(SJR)", ",", ".", "\n", "2019", "kaksi", "kokoontui",
                ]),
                0..40,
            ),
        ) {
            let text = words.join(" ");
            for lenient in [false, true] {
                let lowered = LowerText::new(&text);
                let scanner = Scanner::new(&text, &lowered, lenient);
                let shared = scanner.scan();
                prop_assert_eq!(&shared, &scanner.scan_with_fresh_walks(), "{:?}", text);
                prop_assert_eq!(&shared, &scanner.scan_every_token(), "{:?}", text);
            }
        }

        #[test]
        fn chain_roles_from_the_shape_memo_agree_with_the_word_checks(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "valmistelun", "Valmistelun", "kunnan", "Kunnan", "maakunnan", "Maakunnan",
                    "hyvinvointialueen", "Hyvinvointialueen", "LAPE-hankkeen", "Lape-hankkeen",
                    "HUS-yhtymän", "I&O-kärkihankkeen", "Kainuun", "Keski-Suomen", "Helsingin",
                    "helsingin", "Päijät-Hämeen", "esityksen", "Esityksen", "sopimuksen",
                    "terveyden", "Terveyden", "edistämisen", "Strategisen", "STM:n", "2019n",
                    "–alueen", "kokoukseen", "ja", "yhteinen", "työryhmä", "ohjausryhmän",
                    "Tuija", "Kalliokosken", "Åbolandsin", "Öljyn", ",", ".", "\n", "(SJR)",
                ]),
                0..40,
            ),
        ) {
            let text = words.join(" ");
            let lowered = LowerText::new(&text);
            let scanner = Scanner::new(&text, &lowered, false);
            for p in 0..scanner.tokens.len() + 1 {
                for (joint, space_hyphen, owner_ok) in (0..8).map(|b| (b & 1 != 0, b & 2 != 0, b & 4 != 0)) {
                    let walk = Walk { joint, space_hyphen, ..Walk::default() };
                    prop_assert_eq!(
                        scanner.chain_role(p, &walk, owner_ok),
                        scanner.chain_role_by_word_checks(p, &walk, owner_ok),
                        "token {} in {:?}", p, text
                    );
                }
            }
        }

        #[test]
        fn facts_from_the_word_memo_agree_with_the_lexicon(
            words in prop::collection::vec(
                prop::sample::select(vec![
                    "kaksi", "taksi", "Kaksi", "neljä", "keljä", "ja", "Ja", "sekä", "tai",
                    "yhteinen", "Yhteinen", "yhteisen", "uusi", "uuden", "kansallinen",
                    "valmistelun", "kunnan", "työryhmä", "Σίσυφος", "ΣΊΣΥΦΟΣ", "–", "ä-ö",
                    "2019", ",", ".", "\n", "(SJR)",
                ]),
                0..40,
            ),
            order in prop::collection::vec(0usize..48, 0..80),
        ) {
            let text = words.join(" ");
            let lowered = LowerText::new(&text);
            let scanner = Scanner::new(&text, &lowered, false);
            let lex = scanner.lex;
            for i in order.into_iter().chain(0..scanner.tokens.len() + 1) {
                let lower = scanner.lower(i);
                let listed = lex.listed(lower);
                let told = Facts::of(listed, lex.is_descriptive_given(lower, listed));
                prop_assert_eq!(scanner.facts(i), told, "token {} in {:?}", i, text);
            }
        }

        #[test]
        fn shape_memo_answers_as_the_word_checks(
            words in prop::collection::vec(
                (
                    prop::sample::select(vec!["", "Maa", "maa", "SOTE-", "Sote-", "ä", "Ö", "x", "Σ"]),
                    prop::sample::select(vec!["kunnan", "Kunnan", "alueen", "esityksen", "raportin", "hankkeen", "ryhmän", "n", "aan"]),
                ),
                0..40,
            ),
        ) {
            let lex = &*LEXICON;
            let words: Vec<String> = words.iter().map(|(a, b)| format!("{a}{b}")).collect();
            let mut memo = ShapeMemo::new();
            for word in &words {
                let lower = word.to_lowercase();
                let told = WordShape::of(lex, word, &lower);
                prop_assert_eq!(memo.get_or(word, || WordShape::of(lex, word, &lower)), told, "{:?} in {:?}", word, words);
            }
        }

        #[test]
        fn head_memo_answers_as_the_look_up(
            words in prop::collection::vec(
                (
                    prop::sample::select(vec!["", "ydin", "ikä", "työ", "ohjaus", "kohde", "x", "ä", "Σ", "sote-"]),
                    prop::sample::select(vec!["ryhmä", "ryhmän", "ryhmää", "kunta", "kunnan", "tiimi", "tiimin", "raati", "n", "ä"]),
                    prop::sample::select(vec!["", "kin", "hän", "kaan"]),
                ),
                0..40,
            ),
        ) {
            let lex = &*LEXICON;
            let words: Vec<String> = words.iter().map(|(a, b, c)| format!("{a}{b}{c}")).collect();
            let mut memo = HeadMemo::new();
            for word in &words {
                prop_assert_eq!(
                    memo.get_or(word, || head_form_hit(lex, word)),
                    head_form_hit(lex, word),
                    "{:?} in {:?}", word, words
                );
            }
        }

        #[test]
        fn memo_keys_read_at_once_are_the_keys_shifted_in(
            word in prop::collection::vec(any::<u8>(), 0..12),
        ) {
            prop_assert_eq!(ShapeMemo::key(&word), ShapeMemo::key_by_bytes(&word), "{:?}", word);
        }

        #[test]
        fn word_caches_answer_as_the_look_ups(
            words in prop::collection::vec(
                (
                    prop::sample::select(vec!["", "Maa", "maa", "SOTE-", "Sote-", "ydin", "Ä", "x", "Σ"]),
                    prop::sample::select(vec!["kunnan", "Kunnan", "ryhmän", "ryhmä", "tiimin", "esityksen", "ja", "yhteinen", "n"]),
                    prop::sample::select(vec!["", "kin", "hän"]),
                ),
                0..40,
            ),
            size in 1usize..6,
        ) {
            let lex = &*LEXICON;
            let words: Vec<String> = words.iter().map(|(a, b, c)| format!("{a}{b}{c}")).collect();
            let (heads, shapes, facts) = (WordCache::default(), WordCache::default(), WordCache::default());
            for word in &words {
                let lower = word.to_lowercase();
                let listed = lex.listed(&lower);
                let told = Facts::of(listed, lex.is_descriptive_given(&lower, listed));
                prop_assert_eq!(
                    remembered(&heads, size, &lower, || head_form_hit(lex, &lower)),
                    head_form_hit(lex, &lower),
                    "{:?} in {:?}", word, words
                );
                prop_assert_eq!(
                    remembered(&shapes, size, word, || WordShape::of(lex, word, &lower)),
                    WordShape::of(lex, word, &lower),
                    "{:?} in {:?}", word, words
                );
                prop_assert_eq!(remembered(&facts, size, word, || told), told, "{:?} in {:?}", word, words);
                prop_assert!(heads.borrow().len() <= size && shapes.borrow().len() <= size);
            }
        }

        #[test]
        fn scans_after_other_texts_agree_with_a_fresh_thread(
            texts in prop::collection::vec(mixed_text(), 1..4),
        ) {
            // The thread's word caches hold the words of the earlier texts
            // (and of earlier cases); a new thread starts with them empty.
            let found = |text: &str| format!("{:?}", find_bodies(text));
            for text in &texts {
                let _ = find_bodies(text);
            }
            for text in &texts {
                let fresh = std::thread::scope(|s| s.spawn(|| found(text)).join());
                prop_assert_eq!(Ok(found(text)), fresh.map_err(|_| ()), "{:?}", text);
            }
        }

        #[test]
        fn head_hit_agrees_with_the_chain_look_up(
            text in mixed_text(),
        ) {
            let lowered = LowerText::new(&text);
            let lex = &*LEXICON;
            for t in tokenize(&text) {
                let token = text.get(t.start..t.end).unwrap_or("");
                let lower = lowered.at(token, t.start);
                prop_assert_eq!(
                    format!("{:?}", head_hit_of(lex, token, &lower)),
                    format!("{:?}", head_hit_by_chain(lex, token, &lower)),
                    "{:?} in {:?}", token, text
                );
            }
        }

        #[test]
        fn scanner_views_agree_with_the_dense_views(
            text in mixed_text(),
        ) {
            let lowered = LowerText::new(&text);
            let scanner = Scanner::new(&text, &lowered, false);
            let (lower, hits, gaps) = dense_views(&text, &lowered);
            prop_assert_eq!(scanner.tokens.len(), lower.len());
            // One past the end too: no token, no hit, a boundary.
            for i in 0..=lower.len() {
                prop_assert_eq!(scanner.lower(i), lower.get(i).map_or("", |l| l.as_ref()), "{} in {:?}", i, text);
                prop_assert_eq!(scanner.head_hit(i), hits.get(i).copied().flatten(), "{} in {:?}", i, text);
                prop_assert_eq!(scanner.gap_after(i), gaps.get(i).copied().unwrap_or(Gap::Boundary), "{} in {:?}", i, text);
            }
            prop_assert_eq!(scanner.scan(), scanner.scan_every_token(), "{:?}", text);
            let lenient = Scanner::new(&text, &lowered, true);
            prop_assert_eq!(lenient.scan(), lenient.scan_every_token(), "{:?}", text);
        }

        #[test]
        fn descriptive_flags_agree_with_the_lexicon(
            text in mixed_text(),
        ) {
            let lowered = LowerText::new(&text);
            let scanner = Scanner::new(&text, &lowered, false);
            // Twice: looked up, then remembered.
            for _ in 0..2 {
                for i in 0..scanner.tokens.len() {
                    let lower = scanner.lower(i);
                    prop_assert_eq!(
                        scanner.is_descriptive(i),
                        LEXICON.is_descriptive(lower),
                        "{:?} in {:?}", lower, text
                    );
                    for list in [Listed::DESCRIPTIVE, Listed::CONJUNCTION, Listed::GENERIC, Listed::ADJECTIVE] {
                        prop_assert_eq!(scanner.is_listed(i, list), LEXICON.listed(lower).is(list));
                    }
                }
            }
        }

        #[test]
        fn genitive_shape_agrees_with_the_char_by_char_test(
            pieces in prop::collection::vec(genitive_piece(), 0..7),
        ) {
            let word = pieces.concat();
            let lower = word.to_lowercase();
            prop_assert_eq!(
                genitive_shape(&word, &lower),
                genitive_shape_by_chars(&word, &lower),
                "{:?}", word
            );
            prop_assert_eq!(
                genitive_shape(&word, &lower),
                genitive_shape_by_str(&word, &lower),
                "{:?}", word
            );
        }

        #[test]
        fn space_gates_agree_with_trimming_by_chars(
            pieces in prop::collection::vec(
                prop_oneof![
                    token_piece().prop_map(String::from),
                    "[ \t\n\r\u{b}\u{c}\u{a0}\u{2009}\u{feff}(äÄ×a1-]{0,3}",
                    "\\PC{0,2}",
                ],
                0..6,
            ),
        ) {
            let text = pieces.concat();
            prop_assert_eq!(
                trim_start_space(&text).starts_with('('),
                text.trim_start_matches(is_space).starts_with('('),
                "{:?}", text
            );
            prop_assert_eq!(trim_end_space(&text), text.trim_end_matches(is_space), "{:?}", text);
        }

        #[test]
        fn acronym_compounds_agree_with_the_char_by_char_test(
            pieces in prop::collection::vec(genitive_piece(), 0..7),
        ) {
            let word = pieces.concat();
            prop_assert_eq!(acronym_compound(&word), acronym_compound_by_chars(&word), "{:?}", word);
        }

        #[test]
        fn dashes_and_case_agree_with_the_char_by_char_oracles(
            original in prop::collection::vec(prop_oneof![token_piece(), genitive_piece()], 0..6),
            lemma in prop::collection::vec(prop_oneof![head_piece(), genitive_piece()], 0..4),
        ) {
            let (original, lemma) = (original.concat(), lemma.concat());
            let dashes = normalise_dashes(&original);
            prop_assert_eq!(dashes.as_ref(), by_chars::normalise_dashes(&original));
            let cased = by_chars::with_case_of(&original, &lemma);
            let borrowed = with_case_of(&original, &lemma);
            prop_assert_eq!(borrowed.as_ref(), cased.as_str());
            prop_assert_eq!(with_case_of_owned(&original, lemma.clone()), cased);
        }

        #[test]
        fn inflect_agrees_with_the_format_oracle(
            pieces in prop::collection::vec(prop_oneof![head_piece(), genitive_piece()], 0..4),
            back in any::<bool>(),
        ) {
            let start = pieces.concat();
            let classes = Lexicon::classes(&sections(DATA));
            prop_assert!(!classes.is_empty());
            for class in classes.values() {
                // With the class's own ending, as the lexicon inflects, and
                // with whatever the pieces end in.
                for word in [format!("{start}{}", harmonise(&class.strip, back)), start.clone()] {
                    prop_assert_eq!(
                        inflect(&word, class, back),
                        inflect_by_format(&word, class, back),
                        "{:?}", word
                    );
                }
            }
        }

        /// [`Lexicon::is_owner`] and [`Lexicon::is_object`], gated by
        /// the genitives' last bytes, answer as the trie walks alone: on
        /// the listed genitives whole, after compound parts, cut short at
        /// the front or the back, with a letter or ending glued on, and on
        /// random lower-case words.
        #[test]
        fn owner_and_object_tails_answer_as_the_tries(
            listed in prop::sample::select(
                LEXICON.owners.iter().chain(&LEXICON.objects).cloned().collect::<Vec<String>>(),
            ),
            front in prop::sample::select(vec!["", "", "sote", "maa", "hyvinvointi", "-", "ä"]),
            back in prop::sample::select(vec!["", "", "", "n", "ssa", "kin", "ä", "en", "σ"]),
            cut in 0usize..4,
            from_front in any::<bool>(),
            random in "[a-zäöå]{0,14}",
        ) {
            let mut chars: Vec<char> = listed.chars().collect();
            for _ in 0..cut.min(chars.len()) {
                if from_front { chars.remove(0); } else { chars.pop(); }
            }
            let cut_word: String = chars.into_iter().collect();
            let lex = &*LEXICON;
            for word in [
                format!("{front}{listed}{back}"),
                format!("{front}{cut_word}{back}"),
                listed.clone(),
                random.clone(),
                format!("{random}{listed}"),
            ] {
                prop_assert_eq!(lex.is_owner(&word), lex.is_owner_by_trie(&word), "{:?}", word);
                prop_assert_eq!(lex.is_object(&word), lex.is_object_by_trie(&word), "{:?}", word);
            }
        }

        /// The gate of [`Lexicon::kind_override_of`] reads enough of a
        /// name's end: with override words holding letters that have
        /// capitals outside Latin-1 (`k` of the Kelvin sign, `å` of the
        /// Ångström sign, both longer in UTF-8 than their lower case),
        /// names ending in them, glued to other scripts, Σ, İ and spaces,
        /// are told as the whole lower case and as the whole-name gate
        /// tell them.
        #[test]
        fn kind_override_gate_reads_enough_of_the_end(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "kokous", "KOKOUS", "\u{212A}OKOUS", "\u{212A}", "\u{212B}SA", "ÅSA", "åsa",
                "sa", "ous", "o", "Σ", "İ", "ä", "x", " ", "\u{2003}", "\u{a0}", "",
            ]), 0..6),
        ) {
            let mut lex = Lexicon::default();
            lex.kind_overrides = vec![
                ("ikä kokous".to_string(), BodyKind::Team),
                ("åsa".to_string(), BodyKind::WorkingGroup),
                ("kokous".to_string(), BodyKind::SteeringGroup),
            ];
            lex.kind_override_ends = lex.kind_override_ends();
            lex.kind_override_end_len =
                lex.kind_override_ends.iter().map(String::len).max().unwrap_or(0);
            let name = pieces.concat();
            for name in [name.clone(), format!("ikä {name}")] {
                override_gates_agree(&lex, &name)?;
            }
        }

        #[test]
        fn kind_overrides_agree_with_the_lower_case_look_up(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "väliaikainen", "Väliaikainen", "VÄLIAIKAINEN", "toimielin", "Toimielin",
                "TOIMIELIN", "toimieliN", "toimielim", "ryhmä", "n", "N", "ä", "Ä", "İ", "Σ",
                "\u{212A}", "ş", "€", "\u{2003}", "Kainuun", "–", "in", "IN", "elin",
                " ", "  ", "\u{a0}", "\n", "-", "",
            ]), 0..6),
        ) {
            override_gates_agree(&LEXICON, &pieces.concat())?;
        }

        #[test]
        fn abbreviations_agree_with_the_parser(
            spaces in prop::collection::vec(
                prop::sample::select(vec![" ", "\u{a0}", "\u{2003}", "\n", "x", ""]),
                0..3,
            ),
            open in prop::sample::select(vec!["(", "", "x", ")"]),
            inner in prop::collection::vec(
                prop::sample::select(vec![
                    "SJR", "VATE", "SoTe", "sjr", "S", "2019", "-", "–", "&", "ÄÄ", "x", ".",
                    "ABCDEFGHIJKLM", "(", " ",
                ]),
                0..3,
            ),
            close in prop::sample::select(vec![")", "", "x", "("]),
        ) {
            let rest = format!("{}{open}{}{close}", spaces.concat(), inner.concat());
            prop_assert_eq!(abbreviation(&rest), parse_abbreviation(&rest), "{:?}", rest);
        }

        #[test]
        fn announcement_text_never_panics(pieces in prop::collection::vec(announcement_piece(), 0..40)) {
            let text = pieces.concat();
            check_spans(&text);
            let _ = basic_form(&text);
            let _ = genitive_to_nominative(&text);
            let _ = nominative_plural(&text);
        }
    }
}
