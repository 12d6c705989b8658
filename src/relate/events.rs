//! Events: dated happenings other than meetings — workshops, seminars,
//! simulations, public events (by the noun nearest the date), deadlines and
//! starts (by the date's cue or the sentence's verb).

use std::borrow::Cow;
use std::sync::LazyLock;

#[cfg(test)]
use crate::lexicon::fx::FxHashSet;
use crate::lexicon::{
    DEADLINE_STEMS, ORGANISED_STEMS, START_STEMS, event_noun, event_stem_matches, holds_event_stem,
};
use crate::model::{EdtfDate, Event, EventKind, Meeting, Span};
use crate::recognise::date::DateCue;
use crate::text::{ByteSet, Sentence, Word};

use super::found::{Found, SentenceWords, span_of};

/// The spans whose dates are already accounted for: meetings' texts,
/// entries' posted dates, the publication date. A date is taken when one
/// of them holds it, i.e. starts at or before it and ends at or after it.
/// Sorted by start, with the furthest end any span up to each reaches, one
/// binary search answers: the spans that can hold a date are those
/// starting at or before it, and one of them does when the furthest of
/// their ends is past the date's end. (Looking back at the last few spans
/// only, as before, missed a long span followed by several short ones
/// inside it.)
struct Taken {
    /// The spans' starts, ascending.
    starts: Vec<usize>,
    /// For each of `starts`, the furthest end of the spans up to it.
    reach: Vec<usize>,
}

impl Taken {
    /// The index of `spans`, in any order.
    fn new(spans: &[Span]) -> Self {
        let mut spans = spans.to_vec();
        spans.sort_unstable_by_key(|t| t.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|t| {
                furthest = furthest.max(t.end);
                furthest
            })
            .collect();
        Taken {
            starts: spans.iter().map(|t| t.start).collect(),
            reach,
        }
    }

    /// Whether one of the spans holds `span`.
    fn holds(&self, span: Span) -> bool {
        let before = self.starts.partition_point(|&start| start <= span.start);
        before
            .checked_sub(1)
            .and_then(|last| self.reach.get(last))
            .is_some_and(|&furthest| span.end <= furthest)
    }
}

/// Whether one of `spans` holds `span`, asking each: the oracle of
/// [`Taken::holds`] and of the plain events.
#[cfg(test)]
fn taken_by_each(span: Span, spans: &[Span]) -> bool {
    spans
        .iter()
        .any(|t| t.start <= span.start && span.end <= t.end)
}

/// The words of one sentence with what the event rules ask of them.
struct Worded<'w, 's> {
    /// The words, each lowered when a rule asks for it.
    sentence: &'w SentenceWords<'s>,
    words: &'w [Word<'s>],
    /// The kind of event each word names, if it holds an event noun; empty
    /// when no word does.
    nouns: &'w [Option<EventKind>],
}

impl<'w, 's> Worded<'w, 's> {
    /// The words of sentence `n` of `found` and the event nouns among them.
    fn new(found: &'w Found<'s>, n: usize) -> Self {
        let sentence = found.sentence_words(n);
        Self {
            sentence,
            words: sentence.words(),
            nouns: found.event_nouns(n),
        }
    }
}

/// The kind of event each of a sentence's words names, or none at all (an
/// empty list) when no word names one. Most dated sentences name no event:
/// one pass over the sentence's lower case finds where its stems stand,
/// and only the words they stand in are looked up
/// ([`event_nouns_at_matches`]). A sentence that lowers out of place, or
/// whose matches do not each lie in a word, is looked up word by word when
/// its lower case holds a stem.
#[cfg(test)]
pub(super) fn event_nouns(sentence: &SentenceWords<'_>) -> Vec<Option<EventKind>> {
    event_nouns_among(sentence, None)
}

/// `event_nouns`, from `stems` when they are known: the matches a
/// leftmost-first search of the sentence's lower case finds, at the text's
/// offsets, for the event stems or for them and other stems (found by one
/// search of the whole text, [`Found::event_nouns`]).
// Inlined however the crate is split into code units (its calls were
// left out of line by one split, at 0.2-0.6 M instructions more).
#[inline]
pub(super) fn event_nouns_among(
    sentence: &SentenceWords<'_>,
    stems: Option<&[std::ops::Range<usize>]>,
) -> Vec<Option<EventKind>> {
    let at_matches = match stems {
        Some(stems) => event_nouns_at_matches(sentence, 0, stems.iter().cloned()),
        None => sentence.lower_in_place().and_then(|(whole, start)| {
            let matches = event_stem_matches(whole)?;
            event_nouns_at_matches(sentence, start, matches)
        }),
    };
    match at_matches {
        Some(nouns) => nouns,
        None if !holds_event_stem(&sentence.sentence_lower()) => Vec::new(),
        None => {
            let nouns = event_nouns_word_by_word(sentence.lower());
            if nouns.iter().all(Option::is_none) {
                Vec::new()
            } else {
                nouns
            }
        }
    }
}

/// The kind of event each word of `sentence` names, looking up only the
/// words that `matches` (ranges of stems in the sentence's lower case,
/// from byte `start` of the text, in order and not overlapping) stand in;
/// empty when none of those names one. A word holding a stem holds one of the
/// matches: before the word, the last match ends where the search for the
/// next went on, and the next match starts no later than the word's stem,
/// so it starts in the word or in a word before (and would end before
/// the word, not be the last). `None` when a match lies outside every word
/// (across a gap), as that argument then fails.
fn event_nouns_at_matches(
    sentence: &SentenceWords<'_>,
    start: usize,
    matches: impl Iterator<Item = std::ops::Range<usize>>,
) -> Option<Vec<Option<EventKind>>> {
    let words = sentence.words();
    let mut nouns = Vec::new();
    // The word the last match stood in (words and matches are in order).
    let mut k = 0;
    let mut looked_up = None;
    for m in matches {
        let (from, to) = (start + m.start, start + m.end);
        while words.get(k).is_some_and(|w| w.end() <= from) {
            k += 1;
        }
        let w = words.get(k)?;
        if from < w.start || w.end() < to {
            return None;
        }
        if looked_up == Some(k) {
            continue;
        }
        looked_up = Some(k);
        // A word matched by a verb's stem mostly names no event: the list
        // is made only for a word that does.
        let Some(noun) = sentence.lower_of(k).and_then(|l| event_noun(&l)) else {
            continue;
        };
        if nouns.is_empty() {
            // Made at its length at once, not grown from empty.
            nouns = vec![None; words.len()];
        }
        if let Some(slot) = nouns.get_mut(k) {
            *slot = Some(noun);
        }
    }
    Some(nouns)
}

/// The kind of event each word names, looked up word by word: the oracle
/// `event_nouns` is compared with, and what it does when the matches
/// cannot be placed in words.
fn event_nouns_word_by_word(lower: &[Cow<'_, str>]) -> Vec<Option<EventKind>> {
    lower.iter().map(|l| event_noun(l)).collect()
}

/// The kind of the event noun nearest to `at` in the sentence, if any.
fn nearest_noun(sentence: &Worded<'_, '_>, at: Span) -> Option<EventKind> {
    sentence
        .words
        .iter()
        .zip(sentence.nouns)
        .filter_map(|(w, kind)| {
            let kind = (*kind)?;
            let (s, e) = (w.start, w.end());
            let distance = if e <= at.start {
                at.start - e
            } else {
                // A noun after the date counts, but one before it wins a tie.
                s.saturating_sub(at.end) + 1
            };
            Some((distance, kind))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, k)| k)
}

/// How many words from a date a deadline or start verb may stand
/// (`tulee jättää ministeriöön 15.3.`, `tulevat voimaan kesällä`).
const VERB_REACH: usize = 5;

/// The kind of event the verb nearest the date at `at` makes of it: a word
/// starting with a stem of [`VERB_KINDS`] within [`VERB_REACH`] words of
/// the date, in the same clause (commas,
/// semicolons and dashes end a clause: in `vaalit pidetään 23.1., ja
/// valtuusto aloittaa maaliskuussa` the start is the council's, not the
/// election's).
fn verb_near(sentence: &Worded<'_, '_>, at: Span) -> Option<EventKind> {
    let ws = &sentence.words;
    // The words are in text order and do not overlap: their ends rise
    // with their starts, so the first and last words at the date are
    // found by halving rather than by walking from either end.
    let first = ws.partition_point(|w| w.end() <= at.start);
    if first >= ws.len() {
        return None;
    }
    let last = ws
        .partition_point(|w| w.start < at.end)
        .checked_sub(1)
        .unwrap_or(first);
    let mut lo = first;
    while lo > 0 && first - lo < VERB_REACH && !breaks_clause(ws[lo].gap) {
        lo -= 1;
    }
    let mut hi = last + 1;
    while hi < ws.len() && hi - last <= VERB_REACH && !breaks_clause(ws[hi].gap) {
        hi += 1;
    }
    // A word's lower case is read off the sentence's when it lowers in
    // place (as `SentenceWords::lower_of` does, without a `Cow` for each
    // word), and the table of first bytes is fetched once, not once a word.
    let in_place = sentence.sentence.lower_in_place();
    let pairs = &*VERB_PAIRS;
    let kind_of = |k: usize| {
        let w = ws.get(k)?;
        let borrowed = in_place.and_then(|(whole, start)| {
            let from = w.start.checked_sub(start)?;
            whole.get(from..from + w.text.len())
        });
        match borrowed {
            Some(lower) => verb_kind_by_pairs(pairs, lower),
            None => verb_kind(&sentence.sentence.lower_of(k)?),
        }
    };
    // The verb nearest the date decides (`toimikausi alkoi 1.3.2022 ja
    // päättyy 31.5.2025`: the first date starts, the second ends); at equal
    // distance the table's order.
    (lo..hi)
        .filter_map(|k| {
            let kind = kind_of(k)?;
            let distance = first.saturating_sub(k).max(k.saturating_sub(last));
            Some((distance, kind))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, kind)| kind)
}

/// Whether the gap before a word ends a clause ([`verb_near`]): it holds a
/// comma, a semicolon, a dash or a bracket. Most gaps are ASCII with none
/// of those marks (a space) and are told by their bytes, where a search
/// for the six characters decoded each character of each gap.
fn breaks_clause(gap: &str) -> bool {
    if gap
        .bytes()
        .all(|b| b.is_ascii() && !matches!(b, b',' | b';' | b'(' | b')'))
    {
        return false;
    }
    breaks_clause_by_chars(gap)
}

/// [`breaks_clause`] by a search for the six characters: what it does for
/// a gap with a byte its fast path does not pass, and its oracle.
fn breaks_clause_by_chars(gap: &str) -> bool {
    gap.contains([',', ';', '–', '—', '(', ')'])
}

/// [`verb_near`] as it was: the date's words found by walking from either
/// end, and each word's lower case asked for by
/// [`SentenceWords::lower_of`]; the oracle its test compares with.
#[cfg(test)]
fn verb_near_by_lower_of(sentence: &Worded<'_, '_>, at: Span) -> Option<EventKind> {
    let ws = &sentence.words;
    let breaks_clause = |gap: &str| gap.contains([',', ';', '–', '—', '(', ')']);
    let first = ws.iter().position(|w| w.end() > at.start)?;
    let last = ws.iter().rposition(|w| w.start < at.end).unwrap_or(first);
    let mut lo = first;
    while lo > 0 && first - lo < VERB_REACH && !breaks_clause(ws[lo].gap) {
        lo -= 1;
    }
    let mut hi = last + 1;
    while hi < ws.len() && hi - last <= VERB_REACH && !breaks_clause(ws[hi].gap) {
        hi += 1;
    }
    (lo..hi)
        .filter_map(|k| {
            let kind = verb_kind(&sentence.sentence.lower_of(k)?)?;
            let distance = first.saturating_sub(k).max(k.saturating_sub(last));
            Some((distance, kind))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, kind)| kind)
}

/// The kind of event a word (`lower`, in lower case) starting with a stem
/// of [`VERB_KINDS`] makes of a date; the first kind listed wins. Most words
/// start with no stem's first two bytes ([`VERB_PAIRS`]) and are passed over
/// without a comparison with each of the stems.
fn verb_kind(lower: &str) -> Option<EventKind> {
    verb_kind_by_pairs(&VERB_PAIRS, lower)
}

/// [`verb_kind`] with [`VERB_PAIRS`] (`pairs`) already at hand: a caller
/// asking of many words fetches the table once.
#[inline]
fn verb_kind_by_pairs(pairs: &[ByteSet; 256], lower: &str) -> Option<EventKind> {
    let [first, second, ..] = *lower.as_bytes() else {
        return None;
    };
    let bits = pairs.get(usize::from(first))?;
    if !bits.contains(second) {
        return None;
    }
    verb_kind_by_first_byte(lower, first)
}

/// [`verb_kind`] of `lower`, whose first byte is `first`, by a comparison
/// with the stems starting with that byte alone ([`VERB_STEMS_BY_FIRST`]),
/// in the table's order: what it does once the first two bytes let a word
/// through, where it compared the word with every stem
/// (`verb_kind_by_stems`, now the oracle of its test: 218 instructions a word).
fn verb_kind_by_first_byte(lower: &str, first: u8) -> Option<EventKind> {
    VERB_STEMS_BY_FIRST
        .get(usize::from(first))?
        .iter()
        .find(|(stem, _)| lower.starts_with(stem))
        .map(|&(_, kind)| kind)
}

/// The stems of [`VERB_KINDS`] with their kinds, by their first byte
/// (entry `f` for the stems starting with byte `f`), each entry in the
/// table's order: the first stem of an entry a word starts with is the
/// first of the whole table it starts with, so its kind is the first kind
/// listed that the word has.
static VERB_STEMS_BY_FIRST: LazyLock<Vec<Vec<(&'static str, EventKind)>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for (stems, kind) in VERB_KINDS {
        for stem in *stems {
            if let Some(entry) = stem
                .as_bytes()
                .first()
                .and_then(|&first| by_first.get_mut(usize::from(first)))
            {
                entry.push((*stem, *kind));
            }
        }
    }
    by_first
});

/// [`verb_kind`] by a comparison with every stem, as it was: the oracle
/// its test compares it with.
#[cfg(test)]
fn verb_kind_by_stems(lower: &str) -> Option<EventKind> {
    VERB_KINDS
        .iter()
        .find_map(|(stems, kind)| stems.iter().any(|s| lower.starts_with(s)).then_some(*kind))
}

/// The first two bytes of the stems of [`VERB_KINDS`]: entry `f` holds
/// `s` when a stem starts with the bytes `f` and `s`. Every stem has
/// two bytes or more.
static VERB_PAIRS: LazyLock<[ByteSet; 256]> = LazyLock::new(|| {
    let mut pairs = [ByteSet::default(); 256];
    for stem in VERB_KINDS.iter().flat_map(|(stems, _)| stems.iter()) {
        if let [first, second, ..] = *stem.as_bytes() {
            pairs[usize::from(first)].insert(second);
        }
    }
    pairs
});

/// The verbs that date an event, by the kind they make it.
const VERB_KINDS: &[(&[&str], EventKind)] = &[
    (DEADLINE_STEMS, EventKind::Deadline),
    (START_STEMS, EventKind::Start),
    (ORGANISED_STEMS, EventKind::Other),
];

/// The kind of event a date with cue `cue` at `at` makes of its sentence
/// (`worded`), by the words near it.
fn kind_by_words(cue: Option<DateCue>, worded: &Worded<'_, '_>, at: Span) -> Option<EventKind> {
    // A date's own cue (`… mennessä`, `… alkaen`) says most. A date things
    // must be done by is a deadline, unless it dates an event without a
    // deadline verb (`keskustelutilaisuus järjestetään vuoden loppuun
    // mennessä`); in `seminaariin on ilmoittauduttava 5.3. mennessä` the
    // verb makes it a deadline.
    match cue {
        Some(DateCue::By) => match verb_near(worded, at) {
            Some(EventKind::Deadline) => Some(EventKind::Deadline),
            _ => nearest_noun(worded, at).or(Some(EventKind::Deadline)),
        },
        Some(DateCue::From) => Some(EventKind::Start),
        // What lasts until a date (`jatkuu vuoden 2022 loppuun saakka`)
        // ends then: no start, but a deadline if a verb says so (`hakuaika
        // on auki 15.3. saakka`).
        Some(DateCue::Until) => verb_near(worded, at).filter(|k| *k == EventKind::Deadline),
        None => nearest_noun(worded, at).or_else(|| verb_near(worded, at)),
    }
}

/// The [`events`] that split every dated sentence into words and looked
/// up each word's event noun, kept as the oracle its test compares with.
#[cfg(test)]
fn events_by_words(found: &Found<'_>, meetings: &[Meeting], taken_spans: &[Span]) -> Vec<Event> {
    let mut out = Vec::new();
    let meeting_spans: FxHashSet<Span> = meetings.iter().map(|m| m.span).collect();
    for (n, sentence) in found.sentences.iter().enumerate() {
        let span = span_of(sentence);
        if meeting_spans.contains(&span) {
            continue;
        }
        for i in found.dates_in(span) {
            let d = &found.dates[i];
            if taken_by_each(d.span, taken_spans) {
                continue;
            }
            let sentence_words = found.sentence_words(n);
            let nouns = event_nouns_word_by_word(sentence_words.lower());
            let worded = Worded {
                sentence: sentence_words,
                words: sentence_words.words(),
                nouns: &nouns,
            };
            let cue = d.cue.map(|(c, _)| c);
            if let Some(kind) = kind_by_words(cue, &worded, d.span) {
                out.push(Event {
                    kind,
                    date: Some(found.values[i]),
                    text: sentence.text.to_owned(),
                    span,
                });
            }
        }
    }
    out
}

/// An event as [`events_found`] finds it, its text borrowed from the
/// page: the record's [`Event`] is made of it, or one kept from an earlier
/// page is written over with it (its text keeping its room,
/// `pipeline::refill`), where each event made a new string.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FoundEvent<'t> {
    /// What kind of happening.
    pub(crate) kind: EventKind,
    /// When.
    pub(crate) date: Option<EdtfDate>,
    /// The sentence the event was read from.
    pub(crate) text: &'t str,
    /// Where `text` lies in the source.
    pub(crate) span: Span,
}

impl FoundEvent<'_> {
    /// The record's event.
    pub(crate) fn record(&self) -> Event {
        Event {
            kind: self.kind,
            date: self.date,
            text: self.text.to_owned(),
            span: self.span,
        }
    }
}

/// The events of one text as records: the oracle's form, which its test
/// compares with.
#[cfg(test)]
fn events(found: &Found<'_>, meetings: &[Meeting], taken_spans: &[Span]) -> Vec<Event> {
    events_found(found, meetings, taken_spans)
        .iter()
        .map(FoundEvent::record)
        .collect()
}

/// The events of one text. `meetings` and `taken_spans` hold the dates
/// that are not events.
pub(crate) fn events_found<'t>(
    found: &Found<'t>,
    meetings: &[Meeting],
    taken_spans: &[Span],
) -> Vec<FoundEvent<'t>> {
    // An event per date at most.
    let mut out = Vec::with_capacity(found.dates.len());
    let taken = Taken::new(taken_spans);
    let mut meeting_spans = MeetingSpans::new(meetings);
    // The sentences are in text order: their dates are found by walking
    // on from the last sentence's, not by halving all the dates each time.
    let mut dates_from = 0;
    for (n, sentence) in found.sentences.iter().enumerate() {
        let span = span_of(sentence);
        // Most sentences hold no date: a meeting's is looked up only for
        // those that do.
        let dates = found.dates_in_order(&mut dates_from, span);
        if dates.is_empty() || meeting_spans.holds(span) {
            continue;
        }
        for i in dates {
            let d = &found.dates[i];
            if taken.holds(d.span) {
                continue;
            }
            let cue = d.cue.map(|(c, _)| c);
            if cue == Some(DateCue::From) {
                out.push(event(found, i, sentence, EventKind::Start));
                continue;
            }
            // A date things must be done by, in a sentence holding no event
            // stem, is a deadline whatever verb is near (no noun can be
            // nearest): told without splitting the sentence into words.
            if cue == Some(DateCue::By) && found.holds_no_event_stem(n) {
                out.push(event(found, i, sentence, EventKind::Deadline));
                continue;
            }
            // The words and their event nouns, found once a sentence
            // (however many dates it holds) and shared with the meeting rules.
            let worded = Worded::new(found, n);
            // A date things must be done by, in a sentence naming no event,
            // is a deadline whatever verb is near: no noun can be nearest.
            if cue == Some(DateCue::By) && worded.nouns.is_empty() {
                out.push(event(found, i, sentence, EventKind::Deadline));
                continue;
            }
            let kind = kind_by_words(cue, &worded, d.span);
            if let Some(kind) = kind {
                out.push(event(found, i, sentence, kind));
            }
        }
    }
    out
}

/// The meetings' spans, asked in text order whether a sentence's span is
/// one of them: sorted, and walked on through from the span last asked
/// about, where a hash set of them hashed each meeting's span and each
/// dated sentence's (`FxHashSet::contains`, the oracle of its test).
struct MeetingSpans {
    /// The spans, ascending.
    spans: Vec<Span>,
    /// The first of `spans` not before the span last asked about.
    next: usize,
    /// The span last asked about.
    last: Option<Span>,
}

impl MeetingSpans {
    /// The spans of `meetings`.
    fn new(meetings: &[Meeting]) -> Self {
        let mut spans: Vec<Span> = meetings.iter().map(|m| m.span).collect();
        spans.sort_unstable();
        Self {
            spans,
            next: 0,
            last: None,
        }
    }

    /// Whether `span` is a meeting's. Spans asked in ascending order (a
    /// text's sentences) are walked on to; one before the last asked is
    /// looked up by halving.
    fn holds(&mut self, span: Span) -> bool {
        if self.last.is_some_and(|last| span < last) {
            return self.spans.binary_search(&span).is_ok();
        }
        self.last = Some(span);
        while self.spans.get(self.next).is_some_and(|s| *s < span) {
            self.next += 1;
        }
        self.spans.get(self.next) == Some(&span)
    }
}

/// The event of kind `kind` that date `i` of `found` makes of `sentence`.
fn event<'t>(
    found: &Found<'t>,
    i: usize,
    sentence: &Sentence<'t>,
    kind: EventKind,
) -> FoundEvent<'t> {
    FoundEvent {
        kind,
        date: found.values.get(i).copied(),
        text: sentence.text,
        span: span_of(sentence),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{
        MeetingSpans, Taken, Worded, breaks_clause, breaks_clause_by_chars, event_nouns,
        event_nouns_word_by_word, events, events_by_words, taken_by_each, verb_kind,
        verb_kind_by_stems, verb_near, verb_near_by_lower_of,
    };
    use crate::lexicon::holds_event_stem;
    use crate::model::Span;
    use crate::relate::found::span_of;
    use crate::relate::found::testing::with_found;

    /// A meeting's text holding several structural dates, then one more
    /// date: the long span holds it though the short ones that start
    /// after it do not, however many of them there are.
    #[test]
    fn a_long_span_holds_a_date_after_the_short_ones_inside_it() {
        let meeting = Span::new(0, 200);
        let short: Vec<Span> = (0..6)
            .map(|k| Span::new(10 + 20 * k, 18 + 20 * k))
            .collect();
        let date = Span::new(150, 158);
        for n in 0..=short.len() {
            let mut spans = vec![meeting];
            spans.extend(&short[..n]);
            assert!(Taken::new(&spans).holds(date), "{n} short spans inside");
        }
        let spans = [Span::new(0, 152), Span::new(10, 18)];
        assert!(!Taken::new(&spans).holds(date), "ends inside the date");
        assert!(
            !Taken::new(&[Span::new(151, 160)]).holds(date),
            "starts after it"
        );
        assert!(!Taken::new(&[]).holds(date));
        assert!(Taken::new(&[date]).holds(date), "the date's own span");
    }

    proptest! {
        /// [`breaks_clause`] answers as the search for its six characters
        /// does, for gaps of spaces, the marks, other punctuation and
        /// characters of two and three bytes (a no-break space, dashes and
        /// other lines).
        #[test]
        fn clause_breaks_told_by_bytes_agree_with_the_search(
            chars in prop::collection::vec(
                prop::sample::select(vec![
                    ' ', '\n', '\t', ',', ';', '(', ')', '.', ':', '-', '"', '\u{a0}',
                    '–', '—', '‒', '―', '…', '”', 'a',
                ]),
                0..5,
            ),
        ) {
            let gap: String = chars.into_iter().collect();
            prop_assert_eq!(breaks_clause(&gap), breaks_clause_by_chars(&gap), "{:?}", gap);
        }
    }

    /// A meeting with span `span`, the rest empty.
    fn meeting_at(span: Span) -> crate::model::Meeting {
        crate::model::Meeting {
            bodies: Vec::new(),
            date: None,
            location: None,
            status: crate::model::MeetingStatus::Unknown,
            documents: Vec::new(),
            text: String::new(),
            span,
        }
    }

    proptest! {
        /// [`MeetingSpans::holds`] answers as a hash set of the spans does,
        /// for spans asked in ascending order (a text's sentences, some of
        /// them meetings') and out of order, repeated, nested and touching.
        #[test]
        fn meeting_spans_walked_to_are_those_a_hash_set_holds(
            meetings in prop::collection::vec((0usize..40, 0usize..6), 0..10),
            asked in prop::collection::vec((0usize..40, 0usize..6), 0..16),
            sort_asked in any::<bool>(),
        ) {
            let span = |&(start, len): &(usize, usize)| Span::new(start, start + len);
            let meetings: Vec<_> = meetings.iter().map(|m| meeting_at(span(m))).collect();
            let set: crate::lexicon::fx::FxHashSet<Span> = meetings.iter().map(|m| m.span).collect();
            let mut asked: Vec<Span> = asked.iter().map(span).collect();
            // Also the meetings' own spans, in ascending order when sorted.
            asked.extend(meetings.iter().map(|m| m.span));
            if sort_asked {
                asked.sort_unstable();
            }
            let mut spans = MeetingSpans::new(&meetings);
            for a in asked {
                prop_assert_eq!(spans.holds(a), set.contains(&a), "{:?}", a);
            }
        }
    }

    #[test]
    fn a_closing_bracket_breaks_a_clause_and_a_space_does_not() {
        assert!(breaks_clause(") "));
        assert!(breaks_clause(" – "));
        assert!(!breaks_clause(" "));
        assert!(!breaks_clause(". "));
    }

    /// Spans of texts up to 60 bytes: nested, overlapping, equal, empty.
    fn span() -> impl Strategy<Value = Span> {
        (0usize..60, 0usize..30).prop_map(|(start, len)| Span::new(start, start + len))
    }

    proptest! {
        /// [`Taken::holds`] answers as asking every span does.
        #[test]
        fn taken_holds_what_some_span_holds(
            spans in prop::collection::vec(span(), 0..12),
            date in span(),
        ) {
            prop_assert_eq!(Taken::new(&spans).holds(date), taken_by_each(date, &spans));
        }
    }

    /// Pieces of dated sentences: event stems whole, cut and in any case,
    /// words around them, characters that lower out of line (the Kelvin
    /// sign, `İ`, `Σ`, `ẞ`), spaces, dashes, digits and punctuation.
    fn piece() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "työpaj",
            "TYÖPAJ",
            "Työpaja",
            "seminaar",
            "SEMINAARI",
            "webinaari",
            "simuloin",
            "simulaatio",
            "tilaisuu",
            "Tilaisuudessa",
            "kuulemis",
            "kuuleminen",
            "asukasil",
            "foorumi",
            "infot",
            "INFOJA",
            "infoss",
            "infoih",
            "infoon",
            "vuoropuhelu",
            "vaalit",
            "vaaleissa",
            "vaaleihin",
            "semi",
            "naari",
            "tilai",
            "suu",
            "info",
            "t",
            "työ",
            "paj",
            "sidosryhmä",
            "henkilöstö",
            "verkko",
            "järjestetään",
            "kokous",
            "15.3.",
            "2021",
            "mennessä",
            "\u{212A}uulemis",
            "\u{212A}",
            "İ",
            "Σ",
            "ΑΣ",
            "ẞ",
            "Ä",
            "ö",
            "å",
            " ",
            "  ",
            "\u{A0}",
            "-",
            "–",
            "—",
            ",",
            ".",
            "(",
            ")",
            ":",
            "\"",
            "/",
        ])
    }

    /// Words of dated sentences: event and verb stems (of each kind, whole,
    /// cut and capitalised), date cues and plain words.
    fn sentence_word() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "Seminaari",
            "työpaja",
            "kuulemistilaisuus",
            "infot",
            "vaalit",
            "jätettävä",
            "Jättää",
            "tehtävä",
            "viimeistään",
            "hakuaika",
            "alkaa",
            "käynnistyy",
            "voimaan",
            "järjestetään",
            "Järjesti",
            "järjest",
            "alka",
            "semi",
            "mennessä",
            "alkaen",
            "saakka",
            "asti",
            "hanke",
            "on",
            "ja",
            "kokous",
            "vuoden",
            "loppuun",
            "keväällä",
            "2021",
            "15.3.",
            "1.6.2021",
            "huhtikuussa",
            ",",
            "–",
        ])
    }

    /// Pieces of words that may start with a verb stem: every stem, cut
    /// ones, single letters and other words.
    fn verb_piece() -> impl Strategy<Value = &'static str> {
        let stems = super::VERB_KINDS
            .iter()
            .flat_map(|(stems, _)| stems.iter().copied());
        let mut pieces: Vec<&'static str> = stems.collect();
        pieces.extend([
            "j", "jä", "t", "te", "teh", "al", "alk", "ä", "a", "ilmoit", "n", "", "€",
        ]);
        proptest::sample::select(pieces)
    }

    /// A sentence of words, a date among them, ending in a full stop.
    fn dated_sentence() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(sentence_word(), 0..6),
            proptest::sample::select(vec!["15.3.", "1.6.2021", "keväällä 2021", "12.10.2020"]),
            proptest::collection::vec(sentence_word(), 0..6),
        )
            .prop_map(|(before, date, after)| {
                let mut words = before;
                words.push(date);
                words.extend(after);
                format!("Hanke {}. ", words.join(" "))
            })
    }

    /// Words of sentences for the verb search: the dated sentences' words,
    /// verb stems whole, cut and glued, and words that lower out of line
    /// (the Kelvin sign, `İ`), which send a sentence to the word-by-word
    /// lower case.
    fn verb_sentence_word() -> impl Strategy<Value = String> {
        prop_oneof![
            sentence_word().prop_map(str::to_owned),
            proptest::collection::vec(verb_piece(), 1..3).prop_map(|p| p.concat()),
            proptest::sample::select(vec![
                "\u{212A}okous",
                "İlmoittautuminen",
                "JÄTTÄÄ",
                "-alkaa"
            ])
            .prop_map(str::to_owned),
        ]
    }

    proptest! {
        /// [`verb_near`] (halving for the date's words, each word's lower
        /// case read off the sentence's) finds the verb the walk and
        /// [`SentenceWords::lower_of`] found, for every date of every
        /// sentence and for spans around and between words.
        #[test]
        fn verb_near_agrees_with_the_walk_and_lower_of(
            sentences in proptest::collection::vec(
                (
                    proptest::collection::vec(verb_sentence_word(), 0..8),
                    proptest::sample::select(vec!["15.3.", "1.6.2021", "keväällä 2021"]),
                    proptest::collection::vec(verb_sentence_word(), 0..8),
                    proptest::sample::select(vec![" ", ", ", " – ", "\n"]),
                ),
                1..4,
            ),
            shifts in proptest::collection::vec((0usize..40, 0usize..12), 4),
        ) {
            let body: String = sentences
                .iter()
                .map(|(before, date, after, gap)| {
                    format!("Hanke {}{gap}{date} {}. ", before.join(" "), after.join(" "))
                })
                .collect();
            let text = format!("Julkaistu 2.2.2020\n\n{body}\n");
            with_found(&text, |_, found, _| {
                for (n, sentence) in found.sentences.iter().enumerate() {
                    let worded = Worded::new(found, n);
                    let span = span_of(sentence);
                    let mut ats: Vec<Span> =
                        found.dates_in(span).map(|i| found.dates[i].span).collect();
                    ats.extend(shifts.iter().map(|&(from, len)| {
                        Span::new(span.start + from, span.start + from + len)
                    }));
                    for at in ats {
                        prop_assert_eq!(
                            verb_near(&worded, at),
                            verb_near_by_lower_of(&worded, at),
                            "{:?} at {:?}", text, at
                        );
                    }
                }
                Ok(())
            })?;
        }

        #[test]
        fn event_nouns_agree_with_the_word_by_word_look_up(
            pieces in proptest::collection::vec(piece(), 0..24),
            noise in "\\PC{0,30}",
        ) {
            for text in [pieces.concat(), noise] {
                let page = format!("Julkaistu 2.2.2020\n\n{text}\n");
                with_found(&page, |_, found, _| {
                    for n in 0..found.sentences.len() {
                        // The sentence's nouns first, from the text's
                        // stems and by its own search, before its words
                        // are lowered all at once.
                        let from_text = found.event_nouns(n).to_vec();
                        let ws = found.sentence_words(n);
                        let fast = event_nouns(ws);
                        let slow = event_nouns_word_by_word(ws.lower());
                        for (k, want) in slow.iter().enumerate() {
                            prop_assert_eq!(fast.get(k).copied().flatten(), *want, "{:?}", text);
                        }
                        prop_assert!(fast.is_empty() || fast.len() == slow.len());
                        prop_assert_eq!(&from_text, &fast, "{:?}", text);
                        prop_assert_eq!(ws.event_nouns(), &fast[..]);
                        // A sentence told to hold no stem holds none, even
                        // inside a word.
                        if found.holds_no_event_stem(n) {
                            prop_assert!(!holds_event_stem(&ws.sentence_lower()), "{:?}", text);
                            prop_assert!(fast.is_empty());
                        }
                    }
                    Ok(())
                })?;
            }
        }

        /// [`verb_kind`] (two-byte filter, then the stems starting with the
        /// word's first byte) agrees with the
        /// comparison with every stem, on stems whole, cut, glued to words
        /// and on random text.
        #[test]
        fn verb_kind_agrees_with_every_stem(
            pieces in proptest::collection::vec(verb_piece(), 0..4),
            noise in "\\PC{0,12}",
        ) {
            for word in [pieces.concat(), noise] {
                prop_assert_eq!(verb_kind(&word), verb_kind_by_stems(&word), "{:?}", word);
            }
        }

        /// The events found with the stem passes are those found by
        /// splitting every dated sentence into words, on texts of dated
        /// sentences with and without event and verb stems and date cues.
        #[test]
        fn events_agree_with_splitting_every_dated_sentence(
            sentences in proptest::collection::vec(dated_sentence(), 1..8),
        ) {
            let text = format!("Julkaistu 2.2.2020\n\n{}\n", sentences.concat());
            with_found(&text, |_, found, _| {
                let fast = events(found, &[], &[]);
                let slow = events_by_words(found, &[], &[]);
                prop_assert_eq!(fast, slow, "{:?}", text);
                Ok(())
            })?;
        }
    }

    /// The events of `text` as `(kind, date)`.
    fn events_of(text: &str) -> Vec<(String, String)> {
        crate::parse("t.txt", text)
            .expect("parses")
            .events
            .iter()
            .map(|e| {
                let kind = serde_json::to_value(e.kind).expect("kind serialises");
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                (kind.as_str().unwrap_or_default().to_owned(), date)
            })
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected
            .iter()
            .map(|(k, d)| ((*k).to_owned(), (*d).to_owned()))
            .collect()
    }

    #[test]
    fn the_nearest_verb_decides() {
        let text = "Julkaistu 2.6.2021\n\nAluehallituksen toimikausi alkoi 1.6.2021 ja päättyy 31.5.2025.\n";
        assert_eq!(
            events_of(text),
            pairs(&[("start", "2021-06-01"), ("deadline", "2025-05-31")])
        );
    }

    #[test]
    fn what_lasts_until_a_date_does_not_start_then() {
        let text = "Julkaistu 2.2.2020\n\nHanke käynnistyy keväällä 2020 ja jatkuu vuoden 2021 loppuun saakka. \
                    Hakuaika on auki 15.3. saakka.\n";
        assert_eq!(
            events_of(text),
            pairs(&[("start", "2020-21"), ("deadline", "2020-03-15")])
        );
    }

    #[test]
    fn an_event_held_by_a_date_is_the_event() {
        let text = "Julkaistu 2.2.2020\n\nAsukkaille järjestetään kuulemistilaisuus \
                    huhtikuun loppuun mennessä. Lausunnot on jätettävä 30.4. mennessä.\n";
        assert_eq!(
            events_of(text),
            pairs(&[("public_event", "2020-04"), ("deadline", "2020-04-30")])
        );
    }

    #[test]
    fn a_date_cue_comes_before_the_event_noun() {
        let text = "Julkaistu 2.2.2020\n\nSeminaariin on ilmoittauduttava 5.3. mennessä.\n";
        assert_eq!(events_of(text), pairs(&[("deadline", "2020-03-05")]));
    }

    #[test]
    fn briefings_and_organised_things_are_events() {
        let text = "Julkaistu 2.7.2020\n\nHenkilöstölle järjestetään verkkoinfot 14.8. ja 16.8. \
                    Luottamushenkilöille järjestetään valmistelun katsaus syksyllä.\n";
        assert_eq!(
            events_of(text),
            pairs(&[
                ("public_event", "2020-08-14"),
                ("public_event", "2020-08-16"),
                ("other", "2020-23"),
            ])
        );
    }
}
