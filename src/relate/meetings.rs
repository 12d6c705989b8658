//! Meetings: from listing entries (`Talousryhmän kokous 4.10.2017` with its
//! memo) and from sentences (`Johtoryhmä kokoontui 22.2. Oulussa`,
//! `seuraava kokous pidetään 11.4.2019`), joint when several bodies met
//! (`X ja Y pitivät yhteisen kokouksen`).

use std::borrow::Cow;
use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lexicon::fx::FxHashMap;
use crate::lexicon::word_set::WordSet;
use crate::lexicon::{
    AFTER_MEETING_DOCUMENTS, JOINT_WORDS, MEETING_HELD_WORDS, MEETING_PLANNED_WORDS, MEETING_WORDS,
    OWN_MEETING_WORDS, PresenceFinder, holds_any, presence_finder,
};
use crate::model::{DocumentKind, EdtfDate, EventKind, Meeting, MeetingStatus, Precision, Span};
use crate::recognise::body::{BodyMatch, Case};
use crate::recognise::date::DateCue;
use crate::recognise::places::PlaceKind;
use crate::text::{Sentence, ToLower, lower_cow};

use super::bodies::Registry;
use super::found::{Found, SentenceWords, matches_within, span_of};

/// Letters every meeting word holds (`kokous`, `yhteiskokouksen`,
/// `kokoontui`): the many sentences without them, in any case, are passed
/// over without splitting them into words.
const MEETING_CORE: &[u8] = b"koko";

/// Whether `text`, whose lower case is `lower`, may hold a meeting word:
/// false only when no meeting word occurs anywhere in it, even inside
/// another word. The core letters are ASCII, so they are found in the
/// lower case by one substring search rather than at every `k` and `K`.
/// The Kelvin sign is the one non-ASCII letter that lower-cases to an
/// ASCII one (`k`); a text with it is searched word by word. It lowers out
/// of line (`LowerText`), so only a text whose lower case had to be made
/// apart (owned) can hold one.
fn may_name_meeting(text: &str, lower: Cow<'_, str>) -> bool {
    (matches!(lower, Cow::Owned(_)) && text.contains('\u{212A}'))
        || MEETING_CORE_FINDER.find(lower.as_bytes()).is_some()
}

/// [`MEETING_CORE`], searched for in the sentences' lower case.
static MEETING_CORE_FINDER: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(MEETING_CORE));

/// Whether sentence `n` of `found` may hold a meeting word, by a search
/// of its own lower case: [`Cores`] when the text does not lower in place,
/// and the oracle of its test.
fn sentence_may_name_meeting(found: &Found<'_>, n: usize) -> bool {
    found
        .sentences
        .get(n)
        .is_some_and(|s| may_name_meeting(s.text, found.sentence_lower(n)))
}

/// Which sentences of a text hold [`MEETING_CORE`] in their lower case,
/// found by one search of the whole text instead of one search a
/// sentence: of the many sentences asked about, few hold it, and a search
/// costs as much to start as to run over a short sentence.
///
/// The sentence loop of [`meetings`] visits these sentences alone, where
/// it asked every sentence of the text whether it held one.
struct Cores {
    /// The indexes of the sentences that may hold a meeting word
    /// ([`sentence_may_name_meeting`]), ascending: those a core lies
    /// wholly inside, or, when the text does not lower in place, those
    /// whose own lower case a search finds one in.
    holding: Vec<usize>,
}

impl Cores {
    /// The sentences of `found` that hold a core. In a text that lowers in
    /// place no sentence's lower case is made apart, so none holds the
    /// Kelvin sign.
    fn new(found: &Found<'_>) -> Self {
        let holding = match found.lower_aligned() {
            Some(lower) => {
                let mut holding: Vec<usize> = Vec::new();
                for at in core_places(lower.as_bytes()) {
                    if let Some(n) = sentence_holding(found, at, at + MEETING_CORE.len())
                        && holding.last() != Some(&n)
                    {
                        holding.push(n);
                    }
                }
                holding
            }
            None => (0..found.sentences.len())
                .filter(|&n| sentence_may_name_meeting(found, n))
                .collect(),
        };
        Self { holding }
    }

    /// Whether sentence `n` of `found` may hold a meeting word, as
    /// [`sentence_may_name_meeting`] answers.
    fn sentence_may_name_meeting(&self, n: usize) -> bool {
        self.holding.binary_search(&n).is_ok()
    }
}

/// The sentence of `found` (sorted, not overlapping) that holds the bytes
/// `from..to` wholly, if any: the last one starting at or before `from`.
fn sentence_holding(found: &Found<'_>, from: usize, to: usize) -> Option<usize> {
    let n = found
        .sentences
        .partition_point(|s| s.start <= from)
        .checked_sub(1)?;
    found.sentences.get(n).filter(|s| to <= s.end()).map(|_| n)
}

/// Every place [`MEETING_CORE`] starts at in `lower`, overlapping ones too
/// (`kokoko` holds it at 0 and 2), so that a piece cut out of `lower`
/// holds it exactly when one of these lies wholly inside it.
fn core_places(lower: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = lower
        .get(from..)
        .and_then(|rest| MEETING_CORE_FINDER.find(rest))
    {
        out.push(from + i);
        from += i + 1;
    }
    out
}

/// Whether `word` (any case) is a meeting word: the oracle's question.
#[cfg(test)]
fn is_meeting_word(word: &str) -> bool {
    MEETING_WORD_SET.contains(&lower_cow(word))
}

/// Whether `word` is a meeting word with a possessive suffix
/// (`kokouksessaan`, `kokouksensa`): the meeting is the subject's, not a
/// genitive's before it (`Aluevaltuusto valitsi lautakunnan jäsenet
/// kokouksessaan`: the council met). The oracle's question.
#[cfg(test)]
fn is_own_meeting_word(word: &str) -> bool {
    OWN_MEETING_WORDS.contains(&lower_cow(word).as_ref())
}

/// Whether `lower`, a word in lower case, is a meeting word a genitive
/// before it may own: a meeting word without a possessive suffix
/// (`kokouksessaan`, `kokouksensa` are the subject's own meeting:
/// `Aluevaltuusto valitsi lautakunnan jäsenet kokouksessaan`).
fn is_others_meeting_word(lower: &str) -> bool {
    MEETING_WORD_SET.contains(lower) && !OWN_MEETING_WORDS.contains(&lower)
}

/// Whether a date names a meeting day (or days), not a month or a season.
fn is_meeting_date(value: &EdtfDate) -> bool {
    matches!(value.precision(), Precision::Day | Precision::Interval)
}

/// Whether any of `words` (lower case) is in `list`.
fn has_any(words: &[Cow<'_, str>], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_ref()))
}

/// [`MEETING_WORDS`], asked about every word of many sentences.
static MEETING_WORD_SET: WordSet = WordSet::new(MEETING_WORDS);

/// Whether any of `words` (lower case) is a meeting word.
fn has_meeting_word(words: &[Cow<'_, str>]) -> bool {
    words.iter().any(|w| MEETING_WORD_SET.contains(w))
}

/// The distinct record names of the bodies mentioned in `span`.
fn bodies_in(found: &Found<'_>, registry: &Registry, span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in found.bodies_in(span) {
        let b = &found.bodies[i];
        if b.plural {
            continue;
        }
        if let Some(name) = registry.resolve_match(i)
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_owned());
        }
    }
    out
}

/// The dates [`each_meeting_clause_date`] hands over, in a list: what the
/// tests compare with the plain oracle.
#[cfg(test)]
fn meeting_clause_dates(
    found: &Found<'_>,
    sentence: &Sentence<'_>,
    ws: &SentenceWords<'_>,
) -> Vec<usize> {
    let mut out = Vec::new();
    each_meeting_clause_date(found, sentence, ws, |i| out.push(i));
    out
}

/// Hands `each` the indexes, in order, of the dates in a sentence that
/// stand in a clause with a meeting word: in `Ryhmä kokoontui Oulussa sen
/// jälkeen, kun hallitus ilmoitti 8.3. …` the 8.3. dates the Government's
/// notice, not the meeting. The clauses follow one another and the dates
/// are sorted by start, so each clause takes the dates starting in it as
/// soon as it closes, with no list of clauses; the words after the last
/// date are not read. No list of the dates is made either: a caller
/// filters them on the way or only asks whether there is one.
fn each_meeting_clause_date(
    found: &Found<'_>,
    sentence: &Sentence<'_>,
    ws: &SentenceWords<'_>,
    mut each: impl FnMut(usize),
) {
    let mut pending = found.dates_in(span_of(sentence));
    let mut clause: Option<Clause> = None;
    for (w, lower) in ws.words().iter().zip(ws.lower()) {
        // Most sentences hold no date: their clauses need not be found.
        if pending.is_empty() {
            return;
        }
        if clause.is_none() || opens_clause(w) {
            if let Some(done) = clause {
                done.take_dates(found, &mut pending, &mut each);
            }
            clause = Some(Clause {
                start: w.start,
                end: w.end(),
                meeting: false,
            });
        }
        if let Some(c) = clause.as_mut() {
            c.end = w.end();
            // One meeting word marks the clause: the rest are not looked up.
            c.meeting = c.meeting || MEETING_WORD_SET.contains(lower);
        }
    }
    if let Some(done) = clause {
        done.take_dates(found, &mut pending, &mut each);
    }
}

/// One clause of a sentence: from its first word's start to its last
/// word's end, and whether a meeting word stands in it.
#[derive(Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
    meeting: bool,
}

impl Clause {
    /// Moves the dates of `pending` (indexes of `found.dates`, sorted by
    /// start) that start before the clause's end off it, adding those that
    /// start in the clause to `each` when it holds a meeting word. A date
    /// starting before the clause starts lies in no clause from here on.
    fn take_dates(
        self,
        found: &Found<'_>,
        pending: &mut std::ops::Range<usize>,
        each: &mut impl FnMut(usize),
    ) {
        while let Some(at) = found
            .dates
            .get(pending.start)
            .map(|d| d.span.start)
            .filter(|&at| pending.start < pending.end && at < self.end)
        {
            if self.meeting && self.start <= at {
                each(pending.start);
            }
            pending.start += 1;
        }
    }
}

/// Whether word `w` opens a new clause: a comma, semicolon, dash or `(`
/// stands before it, but a comma before a number continues a list of dates
/// (`28.9., 12.10.`). Most gaps are ASCII with none of those marks (a
/// space) and are told by their bytes.
fn opens_clause(w: &crate::text::Word<'_>) -> bool {
    if w.gap
        .bytes()
        .all(|b| b.is_ascii() && !matches!(b, b',' | b';' | b'('))
    {
        return false;
    }
    let listed = w.text.starts_with(|c: char| c.is_ascii_digit()) && !w.gap.contains(';');
    !listed && w.gap.contains([',', ';', '–', '—', '('])
}

/// The bodies that met, of those a meeting sentence names: the subjects
/// (`Aluevaltuusto ja aluehallitus kokoontuivat`), else a genitive right
/// before a meeting word (`ohjausryhmän kokouksessa`), else all of them.
/// In `Aluevaltuusto valitsi lautakunnan jäsenet kokouksessaan` the
/// council met, not the committee.
///
/// The sentence's body mentions are read where they lie in
/// [`Found::bodies`], once to choose the rule and once to take the bodies
/// it chooses, where three lists were collected for each meeting sentence
/// (`meeting_bodies_by_lists`, the oracle of its test). `ws` are the
/// words of the sentence at `span`.
fn meeting_bodies(
    text: &str,
    found: &Found<'_>,
    registry: &Registry,
    (span, ws): (Span, &SentenceWords<'_>),
    context: Option<&str>,
) -> Vec<String> {
    // With their indexes: the registry knows each mention's body by it.
    let named = || {
        found
            .bodies_in(span)
            .filter_map(|i| found.bodies.get(i).map(|b| (i, b)))
            .filter(|(_, b)| !b.plural)
    };
    let before_meeting = |&(_, b): &(usize, &BodyMatch<'_>)| is_before_meeting(text, ws, b, span);
    let subject = |&(_, b): &(usize, &BodyMatch<'_>)| b.case == Case::Nominative;
    // The rule: 0 takes the genitives before a meeting word, 1 the
    // subjects, 2 every body named.
    let rule = if named().any(|x| before_meeting(&x)) {
        0
    } else if named().any(|x| subject(&x)) {
        1
    } else {
        2
    };
    let mut out: Vec<String> = Vec::new();
    for (k, b) in named().filter(|x| match rule {
        0 => before_meeting(x),
        1 => subject(x),
        _ => true,
    }) {
        // Inside an entry, `Työryhmä kokoontuu …` is the entry's own group.
        let local = context.filter(|c| is_context_body(&b.name, c));
        if let Some(name) = local.or_else(|| registry.resolve_match(k))
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_owned());
        }
    }
    out
}

/// Words that may stand between a genitive and its meeting:
/// `aluevaltuuston ensimmäinen kokous`, `johtoryhmän seuraava kokous`.
const MAX_WORDS_BETWEEN: usize = 2;

/// Whether body mention `b`, in a sentence at `span` whose words are `ws`,
/// is a genitive right before a meeting word that is not the subject's
/// own (`ohjausryhmän kokouksessa`, `aluevaltuuston ensimmäinen kokous`).
///
/// When one of the sentence's words ends where the mention does (nearly
/// always), the words after the mention are the sentence's next ones
/// (words are split reading forward only), and their lower case is the
/// sentence's, already made: the rest of the sentence is not split and
/// each word lowered again, as [`is_before_meeting_by_splitting`] (what
/// is done otherwise) does.
fn is_before_meeting(text: &str, ws: &SentenceWords<'_>, b: &BodyMatch<'_>, span: Span) -> bool {
    if b.case != Case::Genitive {
        return false;
    }
    match words_after(ws.words(), b.span.end) {
        Some(k) => ws
            .lower()
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take(MAX_WORDS_BETWEEN + 1)
            .any(|l| is_others_meeting_word(l)),
        None => is_before_meeting_by_splitting(text, b, span),
    }
}

/// The index of the first of `words` (in text order) after the one ending
/// at byte `end`, or `None` when none ends there.
fn words_after(words: &[crate::text::Word<'_>], end: usize) -> Option<usize> {
    let k = words.partition_point(|w| w.end() < end);
    words.get(k).filter(|w| w.end() == end).map(|_| k + 1)
}

/// [`is_before_meeting`] for genitive `b`, the rest of its sentence (ending
/// at `span.end`) split into words and each lowered anew.
fn is_before_meeting_by_splitting(text: &str, b: &BodyMatch<'_>, span: Span) -> bool {
    text.get(b.span.end..span.end).is_some_and(|rest| {
        crate::text::Words::new(rest)
            .take(MAX_WORDS_BETWEEN + 1)
            .any(|w| is_others_meeting_word(&lower_cow(w.text)))
    })
}

/// Whether a document of an entry (`Muistio`, `Pöytäkirja 3/2019`) is made
/// after its meeting: its lower case holds one of
/// [`AFTER_MEETING_DOCUMENTS`]. An ASCII name (most) is searched in any
/// ASCII case without being lowered into a new string, as
/// `is_after_meeting_document_by_lowering` (the oracle of its test) did
/// for each.
fn is_after_meeting_document(d: &str) -> bool {
    if !d.is_ascii() {
        let d = d.to_lowercase();
        return AFTER_MEETING_DOCUMENTS.iter().any(|w| d.contains(w));
    }
    // An ASCII name's lower case is its ASCII lowered, byte for byte: it
    // holds no word with other letters, and an ASCII word (lower case)
    // where a piece of it equals the word but for ASCII case.
    let bytes = d.as_bytes();
    AFTER_MEETING_DOCUMENTS.iter().any(|w| {
        w.is_ascii()
            && bytes
                .windows(w.len())
                .any(|piece| piece.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// Whether body `name`, one word, is the entry's own (`context`): the
/// entry's body ends with it in lower case (`Työryhmä kokoontuu …` in the
/// entry of `Digitalisaation työryhmä`). Lowering adds no space and
/// removes none, so a name with a space is told without lowering either,
/// as `is_context_body_by_lowering` (the oracle of its test) did.
fn is_context_body(name: &str, context: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    context.to_lower().ends_with(&name.to_lower())
}

/// Held or planned, from the words of the sentence, else from the date
/// against the anchor (the entry's posting or the publication).
fn status(
    words: &[Cow<'_, str>],
    date: Option<EdtfDate>,
    anchor: Option<chrono::NaiveDate>,
) -> MeetingStatus {
    if has_any(words, MEETING_HELD_WORDS) {
        return MeetingStatus::Held;
    }
    if has_any(words, MEETING_PLANNED_WORDS) {
        return MeetingStatus::Planned;
    }
    match (date.and_then(|d| d.first_day()), anchor) {
        (Some(d), Some(a)) if d <= a => MeetingStatus::Held,
        (Some(_), Some(_)) => MeetingStatus::Planned,
        _ => MeetingStatus::Unknown,
    }
}

/// The place on a `Paikka:` line: a meeting is held in a town, so the first
/// municipality (`Lapin aluehallintoviraston auditorio, Rovaniemi` is in
/// Rovaniemi, not Lappi), else the first place named.
fn meeting_town(found: &Found<'_>, line: Span) -> Option<String> {
    let mut places = found.places_in(line).map(|i| &found.places[i]);
    let first = places.clone().next()?;
    let town = places.find(|p| {
        matches!(
            p.kind,
            PlaceKind::Municipality | PlaceKind::FormerMunicipality
        )
    });
    Some(town.unwrap_or(first).name.to_owned())
}

/// The place a sentence says the meeting was held in: the first place
/// written in a locative case (`Oulussa`, `Rovaniemellä`), or in the
/// genitive before a word in one (`Vantaan kaupungintalolla`).
fn location(text: &str, found: &Found<'_>, span: Span) -> Option<String> {
    const LOCATIVE: [&str; 4] = ["ssa", "ssä", "lla", "llä"];
    let locative = |word: &str| {
        let bare = word.trim_end_matches(['k', 'i', 'n']);
        LOCATIVE
            .iter()
            .any(|e| word.ends_with(e) || bare.ends_with(e))
    };
    found
        .places_in(span)
        .map(|i| &found.places[i])
        .find_map(|p| {
            let before_locative = p.text.ends_with('n')
                && text
                    .get(p.span.end..span.end)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .and_then(|rest| crate::text::Words::new(rest).next())
                    .is_some_and(|w| w.start == 0 && locative(w.text));
            (locative(p.text) || before_locative).then(|| p.name.to_owned())
        })
}

/// Meetings as they are gathered, indexed by date and body so that merging
/// a new meeting into an existing one costs the same however long the page,
/// and however many meetings share a date.
///
/// A page tells a dozen meetings or so: until it has told
/// [`SCAN_LIMIT`], the list is scanned for a meeting to merge into (the
/// tests' `push_by_scan`, which merges as the index does), and the index
/// is built only for a page that tells more, where each meeting's bodies
/// were copied into the index and hashed on every page.
struct Gathered {
    list: Vec<Meeting>,
    /// For each date and body, the body's first meeting on it (an index of
    /// `list`): one map, looked up by borrowed names ([`DateBodyKey`]),
    /// where a map of bodies for each date was made and grown (`Nested`,
    /// the tests' oracle). Empty until `list` is indexed.
    first: FxHashMap<DateBody, usize>,
    /// Whether `first` indexes `list`: once it has held `scan_limit`
    /// meetings.
    indexed: bool,
    /// How many meetings are scanned before they are indexed
    /// ([`SCAN_LIMIT`]; smaller in the tests, to index small lists too).
    scan_limit: usize,
}

/// Fewer dates than a page holds per meeting (about four on average,
/// seldom under two: most dates of a page date no meeting), so that the
/// list [`meetings`] gathers seldom grows.
const DATES_PER_MEETING: usize = 2;

/// How many meetings [`Gathered`] scans before it indexes them: a scan
/// compares a date or two a meeting, cheaper than hashing and copying
/// the bodies' names while the list is short.
const SCAN_LIMIT: usize = 32;

impl Default for Gathered {
    fn default() -> Self {
        Self::with_room(0)
    }
}

/// A date and a body's record name: a key of [`Gathered::first`].
#[derive(Debug)]
struct DateBody {
    date: Option<EdtfDate>,
    body: String,
}

/// A date and a body's name, owned ([`DateBody`]) or borrowed: the map of
/// owned keys is looked up by borrowed ones, without copying the name.
trait DateBodyKey {
    /// The date and the name.
    fn parts(&self) -> (Option<EdtfDate>, &str);
}

impl DateBodyKey for DateBody {
    fn parts(&self) -> (Option<EdtfDate>, &str) {
        (self.date, &self.body)
    }
}

impl DateBodyKey for (Option<EdtfDate>, &str) {
    fn parts(&self) -> (Option<EdtfDate>, &str) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn DateBodyKey + 'a> for DateBody {
    fn borrow(&self) -> &(dyn DateBodyKey + 'a) {
        self
    }
}

/// Hashed by its parts, as the owned key is ([`Borrow`](std::borrow::Borrow)
/// asks both to hash alike).
impl std::hash::Hash for dyn DateBodyKey + '_ {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

/// Equal when the parts are.
impl PartialEq for dyn DateBodyKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for dyn DateBodyKey + '_ {}

/// Hashed by its parts, as the borrowed key is.
impl std::hash::Hash for DateBody {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

/// Equal when the parts are.
impl PartialEq for DateBody {
    fn eq(&self, other: &Self) -> bool {
        self.parts() == other.parts()
    }
}

impl Eq for DateBody {}

impl Gathered {
    /// An empty gathering with room for `room` meetings.
    fn with_room(room: usize) -> Self {
        Self {
            list: Vec::with_capacity(room),
            first: FxHashMap::default(),
            indexed: false,
            scan_limit: SCAN_LIMIT,
        }
    }

    /// Adds `m` unless a meeting of the same bodies on the same date exists,
    /// in which case the two are merged (into the first such meeting).
    fn push(&mut self, m: Meeting) {
        if !self.indexed {
            if self.list.len() < self.scan_limit {
                let same = self.list.iter().position(|x| {
                    x.date == m.date && x.bodies.iter().any(|b| m.bodies.contains(b))
                });
                match same.and_then(|i| self.list.get_mut(i)) {
                    Some(x) => merge(x, m),
                    None => self.list.push(m),
                }
                return;
            }
            self.index();
        }
        let first = &mut self.first;
        let same = m
            .bodies
            .iter()
            .filter_map(|b| first.get(&(m.date, b.as_str()) as &dyn DateBodyKey))
            .min()
            .copied();
        let Some(i) = same else {
            // None of the bodies has a meeting on the date yet (a body
            // listed twice gets the same index twice).
            for b in &m.bodies {
                first.insert(
                    DateBody {
                        date: m.date,
                        body: b.clone(),
                    },
                    self.list.len(),
                );
            }
            self.list.push(m);
            return;
        };
        let x = &mut self.list[i];
        for b in &m.bodies {
            if !x.bodies.contains(b) {
                // No meeting before `i` on this date has `b`, or `i` would
                // not be the first to share a body with `m`.
                match first.get_mut(&(m.date, b.as_str()) as &dyn DateBodyKey) {
                    Some(at) => *at = (*at).min(i),
                    None => {
                        first.insert(
                            DateBody {
                                date: m.date,
                                body: b.clone(),
                            },
                            i,
                        );
                    }
                }
            }
        }
        merge(x, m);
    }
}

impl Gathered {
    /// Indexes the meetings gathered so far: each body's first meeting on
    /// each date, as pushing them one by one into the index records it
    /// (a body's entry is only ever lowered to a meeting that has it).
    fn index(&mut self) {
        self.first.reserve(2 * self.list.len());
        for (i, x) in self.list.iter().enumerate() {
            for b in &x.bodies {
                self.first
                    .entry(DateBody {
                        date: x.date,
                        body: b.clone(),
                    })
                    .or_insert(i);
            }
        }
        self.indexed = true;
    }
}

/// Merges meeting `m` into `x`, a meeting of the same date with a body in
/// common: bodies and documents `x` lacks, and the status and place when
/// `x` does not tell them.
fn merge(x: &mut Meeting, m: Meeting) {
    for b in m.bodies {
        if !x.bodies.contains(&b) {
            x.bodies.push(b);
        }
    }
    for d in m.documents {
        if !x.documents.contains(&d) {
            x.documents.push(d);
        }
    }
    if x.status == MeetingStatus::Unknown {
        x.status = m.status;
    }
    if x.location.is_none() {
        x.location = m.location;
    }
}

/// What a sentence of an entry's summary tells of the entry's meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SummarySays {
    /// Where the meeting was held: a held word, no place known yet.
    place: bool,
    /// That other bodies met too: a joint word beside a meeting word.
    joint: bool,
}

/// What summary sentence `n` tells, `place_known` if an earlier sentence
/// told the place. A sentence that dates its own meeting is another
/// meeting and tells nothing; its clauses are worked out only when it
/// would otherwise tell something.
fn summary_says(found: &Found<'_>, tellers: &Tellers, n: usize, place_known: bool) -> SummarySays {
    const NOTHING: SummarySays = SummarySays {
        place: false,
        joint: false,
    };
    let Some(sentence) = found.sentences.get(n) else {
        return NOTHING;
    };
    if !tellers.may_tell(found, n, place_known) {
        return NOTHING;
    }
    let ws = found.sentence_words(n);
    let words = ws.lower();
    let says = SummarySays {
        place: !place_known && has_any(words, MEETING_HELD_WORDS),
        joint: has_any(words, JOINT_WORDS) && has_meeting_word(words),
    };
    if says == NOTHING {
        return NOTHING;
    }
    let mut dated = false;
    each_meeting_clause_date(found, sentence, ws, |_| dated = true);
    if dated {
        return NOTHING;
    }
    says
}

/// [`MEETING_HELD_WORDS`] and [`JOINT_WORDS`], searched for at once in a
/// summary sentence's lower case while the place is not known.
static HELD_OR_JOINT_FINDER: LazyLock<Option<PresenceFinder>> =
    LazyLock::new(|| presence_finder(MEETING_HELD_WORDS.iter().chain(JOINT_WORDS).copied()));

/// [`JOINT_WORDS`], searched for in a summary sentence's lower case.
static JOINT_WORD_FINDER: LazyLock<Option<PresenceFinder>> =
    LazyLock::new(|| presence_finder(JOINT_WORDS.iter().copied()));

/// Where [`MEETING_HELD_WORDS`] and [`JOINT_WORDS`] stand in a text's
/// lower case, found by one leftmost-first pass of [`HELD_OR_JOINT_FINDER`]
/// over an entry's summary for its sentences, where each sentence was
/// searched on its own ([`may_tell_of_meeting`], which
/// still answers when this cannot): a search costs as much to start as to
/// run over a short sentence.
///
/// [`meetings`] keeps one for all the entries of a text, refilled for each
/// ([`Tellers::refill`]): its lists keep their room from entry to entry,
/// where two were made (and grown) for each entry.
#[derive(Default)]
struct Tellers {
    /// The matches, in order and not overlapping; valid only when
    /// `searched`.
    matches: Vec<std::ops::Range<usize>>,
    /// Whether `matches` are the search's: false when the text does not
    /// lower in place or the automaton could not be built.
    searched: bool,
    /// For each of `matches`, whether it is a joint word's.
    joint: Vec<bool>,
}

impl Tellers {
    /// The held and joint words of bytes `from..to` of the text of
    /// `found`, at the text's offsets, in new lists ([`Tellers::refill`]
    /// of an empty one): for the tests.
    #[cfg(test)]
    fn new(found: &Found<'_>, from: usize, to: usize) -> Self {
        let mut tellers = Self::default();
        tellers.refill(found, from, to);
        tellers
    }

    /// Makes these the held and joint words of bytes `from..to` of the
    /// text of `found`, at the text's offsets, in the lists already made:
    /// nothing of the last range's is left (a fresh `Tellers` is the
    /// oracle of its test).
    fn refill(&mut self, found: &Found<'_>, from: usize, to: usize) {
        self.matches.clear();
        self.joint.clear();
        let lower = found.lower_aligned().and_then(|lower| lower.get(from..to));
        let (Some(lower), Some(finder)) = (lower, HELD_OR_JOINT_FINDER.as_ref()) else {
            self.searched = false;
            return;
        };
        self.searched = true;
        for m in finder.find_iter(lower) {
            // The finder's patterns: the held words, then the joint.
            self.joint
                .push(m.pattern().as_usize() >= MEETING_HELD_WORDS.len());
            self.matches.push(from + m.start()..from + m.end());
        }
    }

    /// [`may_tell_of_meeting`] of sentence `n`'s lower case. The matches
    /// lying in the sentence are those a search of its own lower case finds
    /// when none runs across its ends ([`matches_within`]): none, and it
    /// holds neither kind of word; some, and it holds one (a joint word if
    /// one of them is). Else, or when only held words lie in it and the
    /// place is known (a joint word may overlap one), its own lower case
    /// is searched.
    fn may_tell(&self, found: &Found<'_>, n: usize, place_known: bool) -> bool {
        let inside = self
            .searched
            .then_some(self.matches.as_slice())
            .zip(found.sentences.get(n))
            .and_then(|(all, s)| matches_within(all, s.start, s.end()));
        match inside {
            Some(r) if r.is_empty() => false,
            Some(_) if !place_known => true,
            Some(r) if self.joint.get(r.clone()).is_some_and(|j| j.contains(&true)) => true,
            _ => may_tell_of_meeting(&found.sentence_lower(n), place_known),
        }
    }
}

/// Whether a summary sentence whose lower case is `lower` may tell
/// something ([`summary_says`]): it holds a held word (unless the place is
/// `place_known`) or a joint word, at least inside another word. A word's
/// lower case is a piece of its sentence's (but for `σ`/`ς`, which none of
/// these words holds), so most summary sentences are passed over without
/// splitting them into words.
fn may_tell_of_meeting(lower: &str, place_known: bool) -> bool {
    if place_known {
        holds_any(lower, &JOINT_WORD_FINDER, JOINT_WORDS.iter())
    } else {
        let words = MEETING_HELD_WORDS.iter().chain(JOINT_WORDS);
        holds_any(lower, &HELD_OR_JOINT_FINDER, words)
    }
}

/// The indexes of the sentences of `found` that lie inside `from..to`.
fn sentences_within(found: &Found<'_>, from: usize, to: usize) -> std::ops::Range<usize> {
    let lo = found.sentences.partition_point(|x| x.start < from);
    let n = found.sentences[lo..]
        .iter()
        .take_while(|x| x.end() <= to)
        .count();
    lo..lo + n
}

/// The index of the listing entry that holds `span`, if any.
fn entry_holding(layout: &Layout<'_>, span: Span) -> Option<usize> {
    let i = layout.entries.partition_point(|e| e.span.0 <= span.start);
    let n = i.checked_sub(1)?;
    (span.end <= layout.entries[n].span.1).then_some(n)
}

/// The meetings of one text.
pub(crate) fn meetings(
    text: &str,
    layout: &Layout<'_>,
    found: &Found<'_>,
    registry: &Registry,
    structural: &[Span],
    anchor_at: impl Fn(usize) -> Option<chrono::NaiveDate>,
) -> Vec<Meeting> {
    let mut out = Gathered::with_room(found.dates.len() / DATES_PER_MEETING + 1);
    if let Some(m) = header_meeting(text, layout, found, registry) {
        out.push(m);
    }
    let mut headings = Vec::with_capacity(layout.entries.len());
    let mut tellers = Tellers::default();
    for (n, e) in layout.entries.iter().enumerate() {
        let heading = Span::new(e.heading_start, e.heading_start + e.heading.len());
        headings.push(heading);
        let mut bodies = bodies_in(found, registry, heading);
        if bodies.is_empty() {
            bodies.extend(registry.heading_body(n).map(str::to_owned));
        }
        if bodies.is_empty() {
            continue;
        }
        let date = found
            .dates_in(heading)
            .map(|i| found.values[i])
            .find(is_meeting_date);
        let posted = e.posted.value.to_naive_date();
        let after = e.documents.iter().any(|d| is_after_meeting_document(d));
        let status = if after {
            MeetingStatus::Held
        } else {
            status(&[], date, posted)
        };
        // A joint meeting, and where the meeting was, are told in the
        // entry's summary (`Ryhmä kokoontui Raisiossa.`).
        let mut place = None;
        if let Some((s, t)) = e.summary {
            tellers.refill(found, s, t);
            for n in sentences_within(found, s, t) {
                let span = span_of(&found.sentences[n]);
                let says = summary_says(found, &tellers, n, place.is_some());
                if says.place {
                    place = location(text, found, span);
                }
                if says.joint {
                    for b in bodies_in(found, registry, span) {
                        if !bodies.contains(&b) {
                            bodies.push(b);
                        }
                    }
                }
            }
        }
        out.push(Meeting {
            bodies,
            date,
            location: place.or_else(|| location(text, found, heading)),
            status,
            documents: e.documents.iter().map(|d| (*d).to_owned()).collect(),
            text: e.heading.to_owned(),
            span: heading,
        });
    }
    let cores = Cores::new(found);
    // Most sentences hold no meeting word, nor its core letters: only
    // those that do are visited.
    let told = Told {
        text,
        found,
        registry,
        layout,
        structural,
    };
    let holding = cores.holding.iter().map(|&n| (n, true));
    told.sentences_meetings(&mut out, &headings, &cores, holding, &anchor_at);
    out.list
}

/// What the sentence rules of [`meetings`] read, besides the sentences.
struct Told<'a, 't, 'l> {
    text: &'a str,
    found: &'a Found<'t>,
    registry: &'a Registry,
    layout: &'a Layout<'l>,
    structural: &'a [Span],
}

impl Told<'_, '_, '_> {
    /// Pushes into `out` the meetings that sentences `ns` (indexes of
    /// `found.sentences`, ascending, each with whether it holds a meeting
    /// word's core, [`Cores`]) tell, but for those overlapping one of
    /// `headings`, and gives them the place a next sentence tells
    /// ([`place_told_after`]). A sentence without a core tells none and
    /// no place, so passing it over changes nothing: the meetings before
    /// it are then not the ones a sentence right before another tells.
    /// [`meetings`] passes only the sentences holding a core; its test
    /// passes every sentence.
    fn sentences_meetings(
        &self,
        out: &mut Gathered,
        headings: &[Span],
        cores: &Cores,
        ns: impl Iterator<Item = (usize, bool)>,
        anchor_at: &impl Fn(usize) -> Option<chrono::NaiveDate>,
    ) {
        let Self {
            text,
            found,
            registry,
            layout,
            structural,
        } = *self;
        let mut walk = HeadingWalk { headings, next: 0 };
        // The meeting days of a sentence, in one list for all of them.
        let mut days = Vec::new();
        // The meetings the previous sentence told, by their place in the list.
        let mut told_before: Option<(usize, std::ops::Range<usize>)> = None;
        for (n, holds_core) in ns {
            let Some(sentence) = found.sentences.get(n) else {
                continue;
            };
            if walk.overlaps(span_of(sentence)) {
                continue;
            }
            let before = out.list.len();
            if holds_core {
                sentence_meetings(
                    out, &mut days, text, n, found, registry, layout, structural, anchor_at,
                );
            }
            if out.list.len() > before {
                told_before = Some((n, before..out.list.len()));
            } else if let Some((_, told)) = told_before.take().filter(|(p, _)| p + 1 == n)
                && let Some(told) = out.list.get_mut(told)
            {
                place_told_after(text, found, cores, n, told);
            }
        }
    }
}

/// The entries' headings (in text order, as the entries are), asked in
/// text order whether they overlap a sentence: the headings starting
/// before the sentence's end are walked on to from the last sentence's,
/// where halving the headings for each of the many sentences
/// (`overlaps_heading_by_halving`, the oracle of its test) cost more.
struct HeadingWalk<'h> {
    headings: &'h [Span],
    /// How many headings start before the end of the last sentence asked
    /// about.
    next: usize,
}

impl HeadingWalk<'_> {
    /// Whether a heading overlaps `span`, a sentence ending at or after
    /// the last one asked about: only the last heading starting before
    /// its end can.
    fn overlaps(&mut self, span: Span) -> bool {
        while self
            .headings
            .get(self.next)
            .is_some_and(|h| h.start < span.end)
        {
            self.next += 1;
        }
        self.next
            .checked_sub(1)
            .and_then(|j| self.headings.get(j))
            .is_some_and(|h| span.start < h.end)
    }
}

/// Whether one of `headings` (in text order) overlaps `span`, the last
/// one starting before its end found by halving: the oracle of
/// [`HeadingWalk::overlaps`].
#[cfg(test)]
fn overlaps_heading_by_halving(headings: &[Span], span: Span) -> bool {
    let k = headings.partition_point(|h: &Span| h.start < span.end);
    k.checked_sub(1)
        .and_then(|j| headings.get(j))
        .is_some_and(|h| span.start < h.end)
}

/// Gives the meetings of one sentence the place the next sentence tells
/// for them (`… kokoontuu seuraavasti: 28.9., 12.10. ja 9.11. Kokoukset
/// pidetään Tampereella.`): a sentence with a meeting word, no date of its
/// own and a place in a locative case. Places already known are kept.
fn place_told_after(
    text: &str,
    found: &Found<'_>,
    cores: &Cores,
    n: usize,
    meetings: &mut [Meeting],
) {
    let sentence = &found.sentences[n];
    let span = span_of(sentence);
    if !cores.sentence_may_name_meeting(n)
        || !has_meeting_word(found.sentence_words(n).lower())
        || found.dates_in(span).next().is_some()
    {
        return;
    }
    let Some(place) = location(text, found, span) else {
        return;
    };
    for m in meetings.iter_mut().filter(|m| m.location.is_none()) {
        m.location = Some(place.clone());
    }
}

/// What the word nearest a date in a sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Meeting,
    Event,
}

/// The kind of the meeting word or event noun nearest to `date`. The event
/// nouns (`nouns`, [`Found::event_nouns`]) are the sentence's, found once
/// for this and the event rules from the text's one pass for their stems.
fn nearest_cue(ws: &SentenceWords<'_>, nouns: &[Option<EventKind>], date: Span) -> Option<Cue> {
    ws.words()
        .iter()
        .zip(ws.lower())
        .enumerate()
        .filter_map(|(k, (w, lower))| {
            let cue = if MEETING_WORD_SET.contains(lower) {
                Cue::Meeting
            } else if nouns.get(k).is_some_and(Option::is_some) {
                Cue::Event
            } else {
                return None;
            };
            let (s, e) = (w.start, w.end());
            let distance = if e <= date.start {
                date.start - e
            } else {
                s.saturating_sub(date.end)
            };
            Some((distance, cue))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Meetings told in one sentence: a meeting word, the days it names (not
/// the page's own dates, not a deadline's `mennessä`), and the bodies that
/// met (or, in an entry or on a body's page, that body). The caller first
/// passes over the sentences without a meeting word's core ([`Cores`]).
///
/// The meetings are pushed into `out` as they are made, the days kept in
/// `days` (emptied first: the caller's one list for all its sentences;
/// those of a month or season dropped from it in place) and
/// the bodies chosen without lists ([`meeting_bodies`]), where a list of
/// days, one of the meeting days and one of the meetings were collected
/// for each meeting sentence (`sentence_meetings_by_lists`, the oracle of
/// its test).
#[allow(clippy::too_many_arguments)]
fn sentence_meetings(
    out: &mut Gathered,
    days: &mut Vec<(Span, EdtfDate)>,
    text: &str,
    n: usize,
    found: &Found<'_>,
    registry: &Registry,
    layout: &Layout<'_>,
    structural: &[Span],
    anchor_at: &impl Fn(usize) -> Option<chrono::NaiveDate>,
) {
    let sentence = &found.sentences[n];
    let ws = found.sentence_words(n);
    let words = ws.lower();
    if !has_meeting_word(words) {
        return;
    }
    let span = span_of(sentence);
    // A meeting to come may be dated by a month or a season (`seuraava
    // yhteiskokous pidetään syksyllä`); one that was held names its day.
    let planned = has_any(words, MEETING_PLANNED_WORDS);
    // Filtered as they are found: the clause dates are not listed first.
    days.clear();
    each_meeting_clause_date(found, sentence, ws, |i| {
        if let (Some(d), Some(&v)) = (found.dates.get(i), found.values.get(i))
            && structural.binary_search(&d.span).is_err()
            && d.cue.is_none_or(|(c, _)| c == DateCue::Until)
            && (is_meeting_date(&v) || (planned && v.precision() != Precision::Year))
        {
            days.push((d.span, v));
        }
    });
    // Days name the meetings; a month or season beside them only frames them
    // (`kokoontuu syksyllä 2021 seuraavasti: 28.9., 12.10. …`).
    if days.iter().any(|(_, v)| is_meeting_date(v)) {
        days.retain(|(_, v)| is_meeting_date(v));
    }
    // `Kokouksen ydinviesti on, että … keskustelutilaisuus järjestetään
    // 12.10.` dates an event: the word nearest the first date decides.
    let Some(&(first, _)) = days.first() else {
        return;
    };
    if nearest_cue(ws, found.event_nouns(n), first) != Some(Cue::Meeting) {
        return;
    }
    let entry = entry_holding(layout, span);
    let entry_body = entry.and_then(|n| registry.heading_body(n));
    let mut bodies = meeting_bodies(text, found, registry, (span, ws), entry_body);
    if bodies.is_empty() {
        let fallback = entry_body.or_else(|| registry.main());
        bodies.extend(fallback.map(str::to_owned));
    }
    if bodies.is_empty() {
        return;
    }
    let mut place = location(text, found, span);
    let mut days = days.drain(..).peekable();
    while let Some((_, date)) = days.next() {
        // The last day (most sentences name one) takes the bodies and the
        // place; only the days before it copy them.
        let (bodies, location) = if days.peek().is_some() {
            (bodies.clone(), place.clone())
        } else {
            (std::mem::take(&mut bodies), place.take())
        };
        out.push(Meeting {
            bodies,
            date: Some(date),
            location,
            status: status(words, Some(date), anchor_at(span.start)),
            documents: Vec::new(),
            text: text.get(span.range()).unwrap_or_default().to_owned(),
            span,
        });
    }
}

/// The meeting an agenda or minutes is about: its body (named in the
/// title), the day on its `Aika:` line and the place on its `Paikka:` line.
fn header_meeting(
    text: &str,
    layout: &Layout<'_>,
    found: &Found<'_>,
    registry: &Registry,
) -> Option<Meeting> {
    let status = match layout.kind {
        DocumentKind::Agenda => MeetingStatus::Planned,
        DocumentKind::Minutes => MeetingStatus::Held,
        _ => return None,
    };
    let field = |name: &str| {
        layout.lines.iter().find(|l| {
            l.text
                .split_once(':')
                .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case(name))
        })
    };
    let time = field("aika").or_else(|| field("kokousaika"))?;
    let time_span = Span::new(time.start, time.end());
    let date = found
        .dates_in(time_span)
        .map(|i| found.values[i])
        .find(is_meeting_date)?;
    let body = registry
        .main()
        .or_else(|| registry.bodies.first().map(|b| b.name.as_str()))?;
    let location = field("paikka")
        .or_else(|| field("kokouspaikka"))
        .and_then(|l| meeting_town(found, Span::new(l.start, l.end())));
    Some(Meeting {
        bodies: vec![body.to_owned()],
        date: Some(date),
        location,
        status,
        documents: Vec::new(),
        text: text.get(time_span.range()).unwrap_or_default().to_owned(),
        span: time_span,
    })
}

/// The bodies that met, of those a meeting sentence names: the subjects
/// (`Aluevaltuusto ja aluehallitus kokoontuivat`), else a genitive right
/// before a meeting word (`ohjausryhmän kokouksessa`), else all of them.
/// In `Aluevaltuusto valitsi lautakunnan jäsenet kokouksessaan` the
/// council met, not the committee. [`meeting_bodies`] as it was, three
/// lists collected: the oracle of its test.
#[cfg(test)]
fn meeting_bodies_by_lists(
    text: &str,
    found: &Found<'_>,
    registry: &Registry,
    span: Span,
    context: Option<&str>,
) -> Vec<String> {
    // With their indexes: the registry knows each mention's body by it.
    let named: Vec<(usize, &BodyMatch<'_>)> = found
        .bodies_in(span)
        .map(|i| (i, &found.bodies[i]))
        .filter(|(_, b)| !b.plural)
        .collect();
    let subjects: Vec<(usize, &BodyMatch<'_>)> = named
        .iter()
        .copied()
        .filter(|(_, b)| b.case == Case::Nominative)
        .collect();
    // Words that may stand between a genitive and its meeting:
    // `aluevaltuuston ensimmäinen kokous`, `johtoryhmän seuraava kokous`.
    const MAX_WORDS_BETWEEN: usize = 2;
    let before_meeting = |&(_, b): &(usize, &BodyMatch<'_>)| {
        b.case == Case::Genitive
            && text.get(b.span.end..span.end).is_some_and(|rest| {
                crate::text::Words::new(rest)
                    .take(MAX_WORDS_BETWEEN + 1)
                    .any(|w| is_meeting_word(w.text) && !is_own_meeting_word(w.text))
            })
    };
    let chosen: Vec<(usize, &BodyMatch<'_>)> = if named.iter().any(before_meeting) {
        named.iter().copied().filter(before_meeting).collect()
    } else if !subjects.is_empty() {
        subjects
    } else {
        named
    };
    let mut out: Vec<String> = Vec::new();
    for (k, b) in chosen {
        // Inside an entry, `Työryhmä kokoontuu …` is the entry's own group.
        let local = context.filter(|c| is_context_body(&b.name, c));
        if let Some(name) = local.or_else(|| registry.resolve_match(k))
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_owned());
        }
    }
    out
}

/// Meetings told in one sentence: a meeting word, the days it names (not
/// the page's own dates, not a deadline's `mennessä`), and the bodies that
/// met (or, in an entry or on a body's page, that body). The caller first
/// passes over the sentences without a meeting word's core ([`Cores`]).
/// [`sentence_meetings`] as it was, its meetings returned in a list: the
/// oracle of its test.
#[cfg(test)]
fn sentence_meetings_by_lists(
    text: &str,
    n: usize,
    found: &Found<'_>,
    registry: &Registry,
    layout: &Layout<'_>,
    structural: &[Span],
    anchor_at: &impl Fn(usize) -> Option<chrono::NaiveDate>,
) -> Vec<Meeting> {
    let sentence = &found.sentences[n];
    let ws = found.sentence_words(n);
    let words = ws.lower();
    if !has_meeting_word(words) {
        return Vec::new();
    }
    let span = span_of(sentence);
    // A meeting to come may be dated by a month or a season (`seuraava
    // yhteiskokous pidetään syksyllä`); one that was held names its day.
    let planned = has_any(words, MEETING_PLANNED_WORDS);
    let days: Vec<(Span, EdtfDate)> = meeting_clause_dates(found, sentence, ws)
        .into_iter()
        .filter(|&i| structural.binary_search(&found.dates[i].span).is_err())
        .filter(|&i| found.dates[i].cue.is_none_or(|(c, _)| c == DateCue::Until))
        .map(|i| (found.dates[i].span, found.values[i]))
        .filter(|(_, v)| is_meeting_date(v) || (planned && v.precision() != Precision::Year))
        .collect();
    // Days name the meetings; a month or season beside them only frames them
    // (`kokoontuu syksyllä 2021 seuraavasti: 28.9., 12.10. …`).
    let days: Vec<(Span, EdtfDate)> = if days.iter().any(|(_, v)| is_meeting_date(v)) {
        days.into_iter()
            .filter(|(_, v)| is_meeting_date(v))
            .collect()
    } else {
        days
    };
    // `Kokouksen ydinviesti on, että … keskustelutilaisuus järjestetään
    // 12.10.` dates an event: the word nearest the first date decides.
    let Some(&(first, _)) = days.first() else {
        return Vec::new();
    };
    if nearest_cue(ws, found.event_nouns(n), first) != Some(Cue::Meeting) {
        return Vec::new();
    }
    let entry = entry_holding(layout, span);
    let entry_body = entry.and_then(|n| registry.heading_body(n));
    let mut bodies = meeting_bodies_by_lists(text, found, registry, span, entry_body);
    if bodies.is_empty() {
        let fallback = entry_body.or_else(|| registry.main());
        bodies.extend(fallback.map(str::to_owned));
    }
    if bodies.is_empty() {
        return Vec::new();
    }
    let place = location(text, found, span);
    days.into_iter()
        .map(|(_, date)| Meeting {
            bodies: bodies.clone(),
            date: Some(date),
            location: place.clone(),
            status: status(words, Some(date), anchor_at(span.start)),
            documents: Vec::new(),
            text: text.get(span.range()).unwrap_or_default().to_owned(),
            span,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`is_after_meeting_document`] as it was, each name lowered: its
    /// oracle.
    fn is_after_meeting_document_by_lowering(d: &str) -> bool {
        let d = d.to_lowercase();
        AFTER_MEETING_DOCUMENTS.iter().any(|w| d.contains(w))
    }

    /// [`is_context_body`] as it was, both names lowered first: its oracle.
    fn is_context_body_by_lowering(name: &str, context: &str) -> bool {
        let head = name.to_lower();
        !head.contains(' ') && context.to_lower().ends_with(&head)
    }

    /// Pieces of entries' document and body names: the documents made
    /// after a meeting whole and cut, in every case, with ä/Ä and letters
    /// that lower to other lengths (`İ`, the Kelvin sign), spaces of every
    /// kind, digits.
    fn document_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Muistio",
            "MUISTIO",
            "muistio",
            "muist",
            "io",
            "Pöytäkirja",
            "PÖYTÄKIRJA",
            "pöytäkirja",
            "P\u{d6}yt",
            "Ydinviesti",
            "ydinVIESTI",
            "Esityslista",
            "Työryhmä",
            "työryhmä",
            "ryhmä",
            "RYHMÄ",
            "Digitalisaation",
            "İ",
            "\u{212A}",
            " ",
            "\u{a0}",
            "-",
            "3/2019",
        ])
    }

    proptest! {
        /// [`is_after_meeting_document`] and [`is_context_body`] answer as
        /// lowering the names did, on names of the pieces and any string.
        #[test]
        fn document_and_context_names_agree_with_lowering_them(
            a in prop::collection::vec(document_piece(), 0..6),
            b in prop::collection::vec(document_piece(), 0..6),
            noise in any::<String>(),
        ) {
            let (a, b) = (a.concat(), b.concat());
            for d in [&a, &b, &noise] {
                prop_assert_eq!(
                    is_after_meeting_document(d),
                    is_after_meeting_document_by_lowering(d),
                    "{:?}", d
                );
                for c in [&a, &b, &noise] {
                    prop_assert_eq!(
                        is_context_body(d, c),
                        is_context_body_by_lowering(d, c),
                        "{:?} {:?}", d, c
                    );
                }
            }
        }
    }

    /// [`Gathered`] as it was, a map of bodies for each date: the oracle
    /// of the one map.
    #[derive(Default)]
    struct Nested {
        list: Vec<Meeting>,
        /// For each date, each body's first meeting on it.
        first: FxHashMap<Option<EdtfDate>, FxHashMap<String, usize>>,
    }

    impl Nested {
        /// [`Gathered::push`] as it was.
        fn push(&mut self, m: Meeting) {
            let firsts = self.first.entry(m.date).or_default();
            let same = m.bodies.iter().filter_map(|b| firsts.get(b)).min().copied();
            let Some(i) = same else {
                for b in &m.bodies {
                    firsts.entry(b.clone()).or_insert(self.list.len());
                }
                self.list.push(m);
                return;
            };
            let x = &mut self.list[i];
            for b in &m.bodies {
                if !x.bodies.contains(b) {
                    firsts
                        .entry(b.clone())
                        .and_modify(|first| *first = (*first).min(i))
                        .or_insert(i);
                }
            }
            merge(x, m);
        }
    }

    /// [`Gathered::push`] as it was, scanning the meetings of the date for
    /// a shared body: the oracle of the indexed one.
    fn push_by_scan(list: &mut Vec<Meeting>, m: Meeting) {
        let same = (0..list.len()).find(|&i| {
            list[i].date == m.date && list[i].bodies.iter().any(|b| m.bodies.contains(b))
        });
        match same {
            Some(i) => merge(&mut list[i], m),
            None => list.push(m),
        }
    }

    /// [`may_name_meeting`] as it was, comparing four bytes at every `k`
    /// and `K` of the text itself: its oracle.
    fn may_name_meeting_at_each_k(text: &str) -> bool {
        let bytes = text.as_bytes();
        text.contains('\u{212A}')
            || memchr::memchr2_iter(b'k', b'K', bytes).any(|i| {
                bytes
                    .get(i..i + MEETING_CORE.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(MEETING_CORE))
            })
    }

    /// Pieces of text around the core letters: cut and whole cores in
    /// every case, the Kelvin sign, letters that lower out of line (`İ`,
    /// `Σ`, `ẞ`), ä, ö, å, spaces, dashes, digits.
    fn core_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "koko",
            "KOKO",
            "KoKo",
            "kOkO",
            "kok",
            "ko",
            "k",
            "K",
            "o",
            "O",
            "oko",
            "OKO",
            "\u{212A}",
            "\u{212A}oko",
            "İ",
            "Σ",
            "ẞ",
            "ä",
            "Ö",
            "å",
            "Å",
            " ",
            "\u{A0}",
            "-",
            "–",
            "5.3.",
            "ryhmä",
            "Kokous",
            "ontui",
            "ukset",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn core_search_in_the_lower_case_agrees_with_the_search_at_each_k(
            prefix in prop::collection::vec(core_piece(), 0..4),
            pieces in prop::collection::vec(core_piece(), 0..12),
            noise in any::<String>(),
        ) {
            for sentence in [pieces.concat(), noise] {
                // The sentence's lower case as a longer text lowers it.
                let prefix = prefix.concat();
                let text = format!("{prefix}{sentence}");
                let lowered = crate::text::LowerText::new(&text);
                let lower = lowered.at(&sentence, prefix.len());
                prop_assert_eq!(
                    may_name_meeting(&sentence, lower),
                    may_name_meeting_at_each_k(&sentence),
                    "{:?}", sentence
                );
            }
        }
    }

    /// [`meeting_clause_dates`] as it was, splitting every sentence into a
    /// list of clauses whether or not it holds a date, reading every gap
    /// by characters and asking every clause about every date: its oracle.
    fn meeting_clause_dates_plain(
        found: &Found<'_>,
        sentence: &Sentence<'_>,
        ws: &SentenceWords<'_>,
    ) -> Vec<usize> {
        let mut clauses: Vec<(usize, usize, bool)> = Vec::new();
        for (w, lower) in ws.words().iter().zip(ws.lower()) {
            let listed = w.text.starts_with(|c: char| c.is_ascii_digit()) && !w.gap.contains(';');
            let new_clause =
                clauses.is_empty() || (!listed && w.gap.contains([',', ';', '–', '—', '(']));
            if new_clause {
                clauses.push((w.start, w.end(), false));
            }
            if let Some(c) = clauses.last_mut() {
                c.1 = w.end();
                c.2 = c.2 || MEETING_WORD_SET.contains(lower);
            }
        }
        found
            .dates_in(span_of(sentence))
            .filter(|&i| {
                let at = found.dates[i].span.start;
                clauses
                    .iter()
                    .any(|&(s, e, meeting)| meeting && s <= at && at < e)
            })
            .collect()
    }

    /// [`nearest_cue`] as it was, looking up every word's event noun: its
    /// oracle.
    fn nearest_cue_word_by_word(ws: &SentenceWords<'_>, date: Span) -> Option<Cue> {
        ws.words()
            .iter()
            .zip(ws.lower())
            .filter_map(|(w, lower)| {
                let cue = if MEETING_WORD_SET.contains(lower) {
                    Cue::Meeting
                } else if crate::lexicon::event_noun(lower).is_some() {
                    Cue::Event
                } else {
                    return None;
                };
                let (s, e) = (w.start, w.end());
                let distance = if e <= date.start {
                    date.start - e
                } else {
                    s.saturating_sub(date.end)
                };
                Some((distance, cue))
            })
            .min_by_key(|&(d, _)| d)
            .map(|(_, c)| c)
    }

    /// [`summary_says`] as the entry loop asked it, working out the
    /// sentence's meeting dates first: its oracle.
    fn summary_says_plain(found: &Found<'_>, n: usize, place_known: bool) -> SummarySays {
        let sentence = &found.sentences[n];
        let ws = found.sentence_words(n);
        let words = ws.lower();
        let undated = meeting_clause_dates_plain(found, sentence, ws).is_empty();
        SummarySays {
            place: !place_known && undated && has_any(words, MEETING_HELD_WORDS),
            joint: undated && has_any(words, JOINT_WORDS) && has_meeting_word(words),
        }
    }

    /// A page published on a known day whose body is `sentences`, each
    /// sentence's pieces joined and ended by a full stop.
    fn published_sentences(sentences: &[Vec<&str>]) -> String {
        let mut text = String::from("Julkaistu 3.2.2020\n\n");
        for pieces in sentences {
            text.push_str(&pieces.concat());
            text.push_str(". ");
        }
        text.push('\n');
        text
    }

    /// Pieces of Finnish-like meeting sentences: bodies, meeting, held,
    /// planned and joint words in any case, dates with and without years,
    /// places, and the separators that end clauses (or do not).
    fn sentence_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Johtoryhmä ",
            "aluehallituksen ",
            "Aluevaltuusto ",
            "kokoontui ",
            "KOKOONTUI ",
            "kokous ",
            "Kokouksessa ",
            "kokouksessaan ",
            "yhteiskokous ",
            "pidettiin ",
            "pitivät ",
            "järjestettiin ",
            "kokoontuu ",
            "pidetään ",
            "yhteisen ",
            "yhdessä ",
            "YHDESSÄ ",
            "Pidettiin ",
            "\u{212A}okoontui ",
            "yhteiskokouksessa ",
            "työpajassa ",
            "Seminaari ",
            "kuulemistilaisuus ",
            "tilaisuu",
            "seminaarikokous ",
            "epäyhteisen ",
            "kokoontuivatkin ",
            "ΣΑ ",
            "İ",
            "Oulussa ",
            "Kajaanissa ",
            "ja ",
            "ilmoitti ",
            "ääni ",
            "Öljy ",
            "5.3. ",
            "5.3.",
            "12.10.2019 ",
            "28.9.",
            "syksyllä 2021 ",
            "2020 ",
            ", ",
            "; ",
            " – ",
            " — ",
            " (",
            ") ",
            ": ",
            "-",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn clause_dates_and_summary_answers_agree_with_the_plain_ones(
            sentences in prop::collection::vec(prop::collection::vec(sentence_piece(), 0..14), 1..5),
        ) {
            let text = published_sentences(&sentences);
            crate::relate::found::testing::with_found(&text, |_, found, _| {
                for (n, sentence) in found.sentences.iter().enumerate() {
                    let ws = found.sentence_words(n);
                    prop_assert_eq!(
                        meeting_clause_dates(found, sentence, ws),
                        meeting_clause_dates_plain(found, sentence, ws),
                        "{:?}", sentence.text
                    );
                    for i in found.dates_in(span_of(sentence)) {
                        let at = found.dates[i].span;
                        prop_assert_eq!(
                            nearest_cue(ws, found.event_nouns(n), at),
                            nearest_cue_word_by_word(ws, at),
                            "{:?}", sentence.text
                        );
                    }
                    // Over the whole text, over the sentence alone, and
                    // over the sentence after the whole text.
                    let (whole, own) = (
                        Tellers::new(found, 0, text.len()),
                        Tellers::new(found, sentence.start, sentence.end()),
                    );
                    let mut refilled = Tellers::new(found, 0, text.len());
                    refilled.refill(found, sentence.start, sentence.end());
                    for known in [false, true] {
                        let want = may_tell_of_meeting(&found.sentence_lower(n), known);
                        for tellers in [&whole, &own, &refilled] {
                            prop_assert_eq!(
                                tellers.may_tell(found, n, known),
                                want,
                                "{:?}", sentence.text
                            );
                        }
                        prop_assert_eq!(
                            summary_says(found, &whole, n, known),
                            summary_says_plain(found, n, known),
                            "{:?}", sentence.text
                        );
                    }
                }
                Ok(())
            })?;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// [`Cores::sentence_may_name_meeting`] (the core's places in the
        /// whole text) answers as a search of each sentence's own lower
        /// case does, in texts that lower in place and in those that do not.
        #[test]
        fn core_places_answer_as_each_sentence_searched(
            sentences in prop::collection::vec(prop::collection::vec(core_piece(), 0..10), 1..6),
            ends in prop::collection::vec(prop::sample::select(vec![". ", "! ", "? ", "\n", ".\n\n", "?"]), 6),
        ) {
            let mut text = String::from("Julkaistu 3.2.2020\n\n");
            for (pieces, end) in sentences.iter().zip(&ends) {
                text.push_str(&pieces.concat());
                text.push_str(end);
            }
            crate::relate::found::testing::with_found(&text, |_, found, _| {
                let cores = Cores::new(found);
                for n in 0..=found.sentences.len() {
                    prop_assert_eq!(
                        cores.sentence_may_name_meeting(n),
                        sentence_may_name_meeting(found, n),
                        "{:?} {}", text, n
                    );
                }
                Ok(())
            })?;
        }
    }

    /// Spans in text order, not overlapping: each a gap and a length
    /// after the last one's end.
    fn spans_in_order() -> impl Strategy<Value = Vec<Span>> {
        prop::collection::vec((0usize..6, 0usize..8), 0..12).prop_map(|steps| {
            let mut at = 0;
            steps
                .into_iter()
                .map(|(gap, len)| {
                    let span = Span::new(at + gap, at + gap + len);
                    at = span.end;
                    span
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// Walking on through the headings tells the sentences a heading
        /// overlaps as halving the headings for each sentence does.
        #[test]
        fn headings_walked_overlap_as_headings_halved(
            headings in spans_in_order(),
            sentences in spans_in_order(),
        ) {
            let mut walk = HeadingWalk { headings: &headings, next: 0 };
            for &span in &sentences {
                prop_assert_eq!(
                    walk.overlaps(span),
                    overlaps_heading_by_halving(&headings, span),
                    "{:?} {:?}", headings, span
                );
            }
        }
    }

    /// The words after a mention are found only when a word ends where it
    /// does (after the last word, none of them): inside a word, at one's
    /// start or past them all, no index.
    #[test]
    fn words_after_a_word_end_only() {
        let words = crate::text::words("Johtoryhmän seuraava kokous");
        // `ä` is two bytes: the words end at 12, 21 and 28.
        assert_eq!(words_after(&words, 13), None, "at a word's start");
        assert_eq!(words_after(&words, 12), Some(1));
        assert_eq!(words_after(&words, 21), Some(2));
        assert_eq!(words_after(&words, 28), Some(3), "after the last");
        assert_eq!(words_after(&words, 5), None, "inside a word");
        assert_eq!(words_after(&words, 40), None, "past the words");
    }

    /// Every place of the core, overlapping ones too, and none else.
    #[test]
    fn core_places_are_every_place() {
        assert_eq!(core_places(b"kokoko koko kok okoko"), [0, 2, 7, 17]);
        assert_eq!(core_places(b"koko"), [0]);
        assert!(core_places(b"kok").is_empty());
        assert!(core_places(b"").is_empty());
    }

    /// Meetings over a few dates (or none), bodies, documents and places,
    /// so that many share a date and some a body.
    fn meetings() -> impl Strategy<Value = Vec<Meeting>> {
        let date = prop_oneof![
            Just(None),
            Just("2019-03-05".parse::<EdtfDate>().ok()),
            Just("2019-03-06".parse::<EdtfDate>().ok()),
            Just("XXXX-04-17".parse::<EdtfDate>().ok()),
        ];
        let body = prop_oneof![
            Just("Johtoryhmä"),
            Just("Aluehallitus"),
            Just("Talousjaosto"),
            Just("Tiimi")
        ];
        let status = prop_oneof![
            Just(MeetingStatus::Held),
            Just(MeetingStatus::Planned),
            Just(MeetingStatus::Unknown)
        ];
        let meeting = (
            date,
            proptest::collection::vec(body, 0..3),
            proptest::option::of(prop_oneof![Just("Oulu"), Just("Kajaani")]),
            status,
            proptest::collection::vec(prop_oneof![Just("Muistio"), Just("Esityslista")], 0..2),
        )
            .prop_map(|(date, bodies, location, status, documents)| Meeting {
                bodies: bodies.into_iter().map(str::to_owned).collect(),
                date,
                location: location.map(str::to_owned),
                status,
                documents: documents.into_iter().map(str::to_owned).collect(),
                text: String::new(),
                span: Span::new(0, 0),
            });
        proptest::collection::vec(meeting, 0..24)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn indexed_gathering_merges_as_a_scan_does(ms in meetings()) {
            let mut nested = Nested::default();
            let mut scanned = Vec::new();
            for m in ms.iter().cloned() {
                nested.push(m.clone());
                push_by_scan(&mut scanned, m);
            }
            prop_assert_eq!(&scanned, &nested.list);
            // Indexed from the first meeting, after a few, and never.
            for scan_limit in [0, 1, 2, 3, 5, 8, SCAN_LIMIT] {
                let mut gathered = Gathered { scan_limit, ..Gathered::default() };
                for m in ms.iter().cloned() {
                    gathered.push(m);
                }
                prop_assert_eq!(&gathered.list, &scanned, "scan limit {}", scan_limit);
            }
        }
    }

    /// Pieces of meeting sentences for the bodies and days rules: those of
    /// [`sentence_piece`] and genitives before meeting words, entries
    /// (whose own body a sentence may name), cues, months, seasons and
    /// plans a meeting's date may stand with.
    fn meeting_piece() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            3 => sentence_piece(),
            1 => prop::sample::select(vec![
                "ohjausryhmän ",
                "Johtoryhmän ",
                "aluevaltuuston ensimmäinen ",
                "lautakunnan jäsenet ",
                "Työryhmä ",
                "Digitalisaation työryhmä ",
                "Aluehallitus ",
                "mennessä ",
                "saakka ",
                "kesällä ",
                "1.–3.2.2022 ",
                "seuraava ",
                "\n\n12.3.2019Digitalisaation työryhmän kokous 10.3.2019\n\n",
            ]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// [`sentence_meetings`] (days kept in one list, bodies chosen
        /// without lists, meetings pushed as made) gathers for every
        /// sentence what [`sentence_meetings_by_lists`] returned, and
        /// [`meeting_bodies`] chooses the bodies
        /// [`meeting_bodies_by_lists`] chose, within an entry or not.
        #[test]
        fn meetings_made_without_lists_are_those_made_with_them(
            sentences in prop::collection::vec(prop::collection::vec(meeting_piece(), 0..14), 1..5),
        ) {
            let text = published_sentences(&sentences);
            crate::relate::found::testing::with_found(&text, |layout, found, registry| {
                let mut structural: Vec<Span> = layout
                    .published
                    .iter()
                    .chain(layout.entries.iter().map(|e| &e.posted))
                    .map(|d| Span::new(d.start, d.end))
                    .collect();
                structural.sort();
                structural.dedup();
                let anchors = crate::relate::dates::Anchors::new(layout, &found.dates);
                let anchor_at = |at| anchors.anchor_at(at);
                // One list of days for all the sentences, first holding a
                // day no sentence names.
                let junk = EdtfDate::day(1900, 1, 1).expect("a day");
                let mut days = vec![(Span::new(0, 0), junk)];
                for (n, sentence) in found.sentences.iter().enumerate() {
                    let t = text.as_str();
                    let mut made = Gathered::default();
                    sentence_meetings(&mut made, &mut days, t, n, found, registry, layout, &structural, &anchor_at);
                    let mut listed = Gathered::default();
                    for m in sentence_meetings_by_lists(t, n, found, registry, layout, &structural, &anchor_at) {
                        listed.push(m);
                    }
                    prop_assert_eq!(made.list, listed.list, "{:?}", sentence.text);
                    let span = span_of(sentence);
                    for context in [None, Some("Digitalisaation työryhmä"), registry.main()] {
                        prop_assert_eq!(
                            meeting_bodies(t, found, registry, (span, found.sentence_words(n)), context),
                            meeting_bodies_by_lists(t, found, registry, span, context),
                            "{:?} {:?}", sentence.text, context
                        );
                    }
                }
                Ok(())
            })?;
        }
    }

    /// Sentences without a meeting word's core between meeting sentences:
    /// a place told after, a plain sentence, an entry.
    fn between_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Kokoukset pidetään Oulussa",
            "Tilaisuus pidetään Kajaanissa",
            "Ryhmä valmistelee asiaa",
            "Oulussa",
            "\n\n12.3.2019Digitalisaation työryhmän kokous 10.3.2019\n\n",
            "\n\n",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// The sentence loop of [`meetings`], visiting only the sentences
        /// that hold a meeting word's core ([`Cores`]), gathers what it
        /// gathers visiting every sentence of the text (each asked whether
        /// it holds one): the same meetings, with the places told after
        /// them.
        #[test]
        fn sentences_with_cores_alone_tell_the_meetings_of_every_sentence(
            sentences in prop::collection::vec(
                prop_oneof![
                    3 => prop::collection::vec(meeting_piece(), 0..10),
                    1 => between_piece().prop_map(|p| vec![p]),
                ],
                1..7,
            ),
        ) {
            let text = published_sentences(&sentences);
            crate::relate::found::testing::with_found(&text, |layout, found, registry| {
                let anchors = crate::relate::dates::Anchors::new(layout, &found.dates);
                let anchor_at = |at| anchors.anchor_at(at);
                let headings: Vec<Span> = layout
                    .entries
                    .iter()
                    .map(|e| Span::new(e.heading_start, e.heading_start + e.heading.len()))
                    .collect();
                let told = Told { text: &text, found, registry, layout, structural: &[] };
                let cores = Cores::new(found);
                let mut visited = Gathered::default();
                let holding = cores.holding.iter().map(|&n| (n, true));
                told.sentences_meetings(&mut visited, &headings, &cores, holding, &anchor_at);
                let mut every = Gathered::default();
                let all = (0..found.sentences.len()).map(|n| (n, cores.sentence_may_name_meeting(n)));
                told.sentences_meetings(&mut every, &headings, &cores, all, &anchor_at);
                prop_assert_eq!(visited.list, every.list, "{:?}", text);
                Ok(())
            })?;
        }
    }

    /// The meetings of `text` as `(date, location)`.
    fn meetings_of(text: &str) -> Vec<(String, Option<String>)> {
        crate::parse("t.txt", text)
            .expect("parses")
            .meetings
            .iter()
            .map(|m| {
                (
                    m.date.map(|d| d.to_string()).unwrap_or_default(),
                    m.location.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn meeting_words_are_found_in_any_case() {
        // `may_name_meeting` relies on the words being ASCII and holding
        // its core letters.
        for w in crate::lexicon::MEETING_WORDS {
            assert!(w.is_ascii(), "{w}");
            assert!(
                w.as_bytes()
                    .windows(super::MEETING_CORE.len())
                    .any(|x| x == super::MEETING_CORE),
                "{w}"
            );
        }
        let may = |text: &str| super::may_name_meeting(text, Cow::Owned(text.to_lowercase()));
        assert!(may("Ryhmä KOKOONTUU 5.3."));
        assert!(may("\u{212A}okous pidetään 5.3."));
        assert!(!may("Ryhmä valmistelee palveluverkkoa."));
    }

    #[test]
    fn a_place_told_in_the_next_sentence() {
        let text = "Julkaistu 3.2.2020\n\nKoordinaatioryhmä kokoontuu keväällä 2020 \
                    seuraavasti: 11.3., 8.4. ja 13.5. Kokoukset pidetään Kouvolassa.\n";
        assert_eq!(
            meetings_of(text),
            [
                ("2020-03-11".to_owned(), Some("Kouvola".to_owned())),
                ("2020-04-08".to_owned(), Some("Kouvola".to_owned())),
                ("2020-05-13".to_owned(), Some("Kouvola".to_owned())),
            ]
        );
    }

    #[test]
    fn a_minutes_place_line_gives_the_town() {
        let text = "Pohjois-Savon maakuntahallitus – pöytäkirja 3/2019\n\n\
                    Aika: 14.3.2019 klo 13.00\n\
                    Paikka: Pohjois-Savon liiton kokoushuone, Kuopio\n\n\
                    Läsnä:\nKorhonen Matti\nLaine Sirpa\n";
        assert_eq!(
            meetings_of(text),
            [("2019-03-14".to_owned(), Some("Kuopio".to_owned()))]
        );
    }

    #[test]
    fn a_town_in_the_genitive_before_a_locative_is_the_place() {
        let text = "Julkaistu 3.2.2020\n\nValtuusto kokoontuu seuraavan kerran 9.3.2020 \
                    Porvoon kaupungintalolla.\n";
        assert_eq!(
            meetings_of(text),
            [("2020-03-09".to_owned(), Some("Porvoo".to_owned()))]
        );
    }

    #[test]
    fn a_meeting_with_a_possessive_is_the_subjects() {
        let text =
            "Julkaistu 3.2.2020\n\nAluehallitus nimesi jaoston jäsenet kokouksessaan 27.1.2020.\n";
        let doc = crate::parse("t.txt", text).expect("parses");
        let bodies: Vec<&[String]> = doc.meetings.iter().map(|m| m.bodies.as_slice()).collect();
        assert_eq!(bodies, [["Aluehallitus".to_owned()]]);
    }

    #[test]
    fn a_place_two_sentences_later_is_not_the_meetings() {
        let text = "Julkaistu 3.2.2020\n\nKoordinaatioryhmä kokoontuu 11.3. \
                    Ryhmä valmistelee palveluverkkoa. Kokoukset pidetään Kouvolassa.\n";
        assert_eq!(meetings_of(text), [("2020-03-11".to_owned(), None)]);
    }
}
