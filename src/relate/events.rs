//! Events: dated happenings other than meetings — workshops, seminars,
//! simulations, public events (by the noun nearest the date), deadlines and
//! starts (by the date's cue or the sentence's verb).

use crate::lexicon::{DEADLINE_STEMS, EVENT_STEMS, START_STEMS};
use crate::model::{Event, EventKind, Meeting, Span};
use crate::recognise::date::DateCue;
use crate::text::{Word, words};

use super::found::{Found, span_of};

/// Whether a date is already accounted for: it lies in a meeting's text,
/// or it is an entry's posted date or the publication date. `taken` is
/// sorted by start.
fn taken(span: Span, taken: &[Span]) -> bool {
    // Sorted by start (longest first), the spans that can hold `span` are
    // the ones starting at or before it; nested spans start after the span
    // holding them, so the last few are enough to look at.
    const LOOK_BACK: usize = 4;
    let i = taken.partition_point(|t| t.start <= span.start);
    taken[i.saturating_sub(LOOK_BACK)..i]
        .iter()
        .any(|t| span.end <= t.end)
}

/// The words of one sentence with what the event rules ask of them, made
/// once per sentence however many dates it holds.
struct Worded<'s> {
    words: Vec<Word<'s>>,
    /// Each word in lower case.
    lower: Vec<String>,
    /// The kind of event each word names, if it holds an event noun.
    nouns: Vec<Option<EventKind>>,
}

impl<'s> Worded<'s> {
    /// Splits `sentence` into words and looks each up.
    fn new(sentence: &'s str) -> Self {
        let words = words(sentence);
        let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
        let nouns = lower
            .iter()
            .map(|l| {
                EVENT_STEMS
                    .iter()
                    .find(|(stem, _)| l.contains(stem))
                    .map(|(_, k)| *k)
            })
            .collect();
        Self {
            words,
            lower,
            nouns,
        }
    }
}

/// The kind of the event noun nearest to `at` in the sentence, if any.
fn nearest_noun(sentence: &Worded<'_>, base: usize, at: Span) -> Option<EventKind> {
    sentence
        .words
        .iter()
        .zip(&sentence.nouns)
        .filter_map(|(w, kind)| {
            let kind = (*kind)?;
            let (s, e) = (base + w.start, base + w.end());
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

/// Whether a word starting with one of `stems` stands within
/// [`VERB_REACH`] words of the date at `at`, in the same clause (commas,
/// semicolons and dashes end a clause: in `vaalit pidetään 23.1., ja
/// valtuusto aloittaa maaliskuussa` the start is the council's, not the
/// election's).
fn verb_near(sentence: &Worded<'_>, base: usize, at: Span, stems: &[&str]) -> bool {
    let ws = &sentence.words;
    let breaks_clause = |gap: &str| gap.contains([',', ';', '–', '—', '(', ')']);
    let Some(first) = ws.iter().position(|w| base + w.end() > at.start) else {
        return false;
    };
    let last = ws
        .iter()
        .rposition(|w| base + w.start < at.end)
        .unwrap_or(first);
    let mut lo = first;
    while lo > 0 && first - lo < VERB_REACH && !breaks_clause(ws[lo].gap) {
        lo -= 1;
    }
    let mut hi = last + 1;
    while hi < ws.len() && hi - last <= VERB_REACH && !breaks_clause(ws[hi].gap) {
        hi += 1;
    }
    sentence.lower[lo..hi]
        .iter()
        .any(|lower| stems.iter().any(|s| lower.starts_with(s)))
}

/// The events of one text. `meetings` and `taken_spans` hold the dates
/// that are not events.
pub(crate) fn events(found: &Found<'_>, meetings: &[Meeting], taken_spans: &[Span]) -> Vec<Event> {
    let mut out = Vec::new();
    let mut taken_spans = taken_spans.to_vec();
    taken_spans.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let meeting_spans: std::collections::HashSet<Span> = meetings.iter().map(|m| m.span).collect();
    for sentence in &found.sentences {
        let span = span_of(sentence);
        if meeting_spans.contains(&span) {
            continue;
        }
        let mut worded: Option<Worded<'_>> = None;
        for i in found.dates_in(span) {
            let d = &found.dates[i];
            if taken(d.span, &taken_spans) {
                continue;
            }
            let cue = d.cue.map(|(c, _)| c);
            let worded = &*worded.get_or_insert_with(|| Worded::new(sentence.text));
            let near = |stems| verb_near(worded, sentence.start, d.span, stems);
            let kind = nearest_noun(worded, sentence.start, d.span).or(match cue {
                Some(DateCue::By) => Some(EventKind::Deadline),
                Some(DateCue::From) => Some(EventKind::Start),
                _ if near(DEADLINE_STEMS) => Some(EventKind::Deadline),
                _ if near(START_STEMS) => Some(EventKind::Start),
                _ => None,
            });
            if let Some(kind) = kind {
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
