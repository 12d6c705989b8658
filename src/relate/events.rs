//! Events: dated happenings other than meetings — workshops, seminars,
//! simulations, public events (by the noun nearest the date), deadlines and
//! starts (by the date's cue or the sentence's verb).

use std::borrow::Cow;

use crate::lexicon::fx::FxHashSet;
use crate::lexicon::{DEADLINE_STEMS, ORGANISED_STEMS, START_STEMS, event_noun, holds_event_stem};
use crate::model::{Event, EventKind, Meeting, Span};
use crate::recognise::date::DateCue;
use crate::text::Word;

use super::found::{Found, SentenceWords, span_of};

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
struct Worded<'w, 's> {
    words: &'w [Word<'s>],
    /// Each word in lower case (borrowed where it already is).
    lower: &'w [Cow<'s, str>],
    /// The kind of event each word names, if it holds an event noun; empty
    /// when no word does.
    nouns: Vec<Option<EventKind>>,
}

impl<'w, 's> Worded<'w, 's> {
    /// Looks up each of the words of a sentence whose lower case is
    /// `sentence_lower`.
    fn new(sentence: &'w SentenceWords<'s>, sentence_lower: &str) -> Self {
        Self {
            words: &sentence.words,
            lower: &sentence.lower,
            nouns: event_nouns(sentence_lower, &sentence.lower),
        }
    }
}

/// The kind of event each of a sentence's words (`lower`, each in lower
/// case) names, or none at all (an empty list) when the sentence's lower
/// case `sentence_lower` holds no event stem: most dated sentences name no
/// event, and one pass over the sentence tells so instead of a look-up per
/// word.
fn event_nouns(sentence_lower: &str, lower: &[Cow<'_, str>]) -> Vec<Option<EventKind>> {
    if !holds_event_stem(sentence_lower) {
        return Vec::new();
    }
    event_nouns_word_by_word(lower)
}

/// The kind of event each word names, looked up word by word: what
/// [`event_nouns`] does once the sentence holds a stem, and the oracle its
/// test compares it with.
fn event_nouns_word_by_word(lower: &[Cow<'_, str>]) -> Vec<Option<EventKind>> {
    lower.iter().map(|l| event_noun(l)).collect()
}

/// The kind of the event noun nearest to `at` in the sentence, if any.
fn nearest_noun(sentence: &Worded<'_, '_>, base: usize, at: Span) -> Option<EventKind> {
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

/// The kind of event the verb nearest the date at `at` makes of it: a word
/// starting with a stem of [`VERB_KINDS`] within [`VERB_REACH`] words of
/// the date, in the same clause (commas,
/// semicolons and dashes end a clause: in `vaalit pidetään 23.1., ja
/// valtuusto aloittaa maaliskuussa` the start is the council's, not the
/// election's).
fn verb_near(sentence: &Worded<'_, '_>, base: usize, at: Span) -> Option<EventKind> {
    let ws = &sentence.words;
    let breaks_clause = |gap: &str| gap.contains([',', ';', '–', '—', '(', ')']);
    let first = ws.iter().position(|w| base + w.end() > at.start)?;
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
    // The verb nearest the date decides (`toimikausi alkoi 1.3.2022 ja
    // päättyy 31.5.2025`: the first date starts, the second ends); at equal
    // distance the table's order.
    (lo..hi)
        .filter_map(|k| {
            let lower = sentence.lower.get(k)?;
            let kind = VERB_KINDS.iter().find_map(|(stems, kind)| {
                stems.iter().any(|s| lower.starts_with(s)).then_some(*kind)
            })?;
            let distance = first.saturating_sub(k).max(k.saturating_sub(last));
            Some((distance, kind))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, kind)| kind)
}

/// The verbs that date an event, by the kind they make it.
const VERB_KINDS: &[(&[&str], EventKind)] = &[
    (DEADLINE_STEMS, EventKind::Deadline),
    (START_STEMS, EventKind::Start),
    (ORGANISED_STEMS, EventKind::Other),
];

/// The events of one text. `meetings` and `taken_spans` hold the dates
/// that are not events.
pub(crate) fn events(found: &Found<'_>, meetings: &[Meeting], taken_spans: &[Span]) -> Vec<Event> {
    let mut out = Vec::new();
    let mut taken_spans = taken_spans.to_vec();
    taken_spans.sort_by_key(|t| (t.start, std::cmp::Reverse(t.end)));
    let meeting_spans: FxHashSet<Span> = meetings.iter().map(|m| m.span).collect();
    for (n, sentence) in found.sentences.iter().enumerate() {
        let span = span_of(sentence);
        if meeting_spans.contains(&span) {
            continue;
        }
        let mut worded: Option<Worded<'_, '_>> = None;
        for i in found.dates_in(span) {
            let d = &found.dates[i];
            if taken(d.span, &taken_spans) {
                continue;
            }
            let cue = d.cue.map(|(c, _)| c);
            let worded = &*worded.get_or_insert_with(|| {
                Worded::new(found.sentence_words(n), &found.sentence_lower(n))
            });
            // A date's own cue (`… mennessä`, `… alkaen`) says most. A
            // date things must be done by is a deadline, unless it dates an
            // event without a deadline verb (`keskustelutilaisuus
            // järjestetään vuoden loppuun mennessä`); in `seminaariin on
            // ilmoittauduttava 5.3. mennessä` the verb makes it a deadline.
            let kind = match cue {
                Some(DateCue::By) => match verb_near(worded, sentence.start, d.span) {
                    Some(EventKind::Deadline) => Some(EventKind::Deadline),
                    _ => nearest_noun(worded, sentence.start, d.span).or(Some(EventKind::Deadline)),
                },
                Some(DateCue::From) => Some(EventKind::Start),
                // What lasts until a date (`jatkuu vuoden 2022 loppuun
                // saakka`) ends then: no start, but a deadline if a verb
                // says so (`hakuaika on auki 15.3. saakka`).
                Some(DateCue::Until) => {
                    verb_near(worded, sentence.start, d.span).filter(|k| *k == EventKind::Deadline)
                }
                None => nearest_noun(worded, sentence.start, d.span)
                    .or_else(|| verb_near(worded, sentence.start, d.span)),
            };
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;

    use super::{event_nouns, event_nouns_word_by_word};

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

    proptest! {
        #[test]
        fn event_nouns_agree_with_the_word_by_word_look_up(
            pieces in proptest::collection::vec(piece(), 0..24),
            noise in "\\PC{0,30}",
        ) {
            for text in [pieces.concat(), noise] {
                let lower: Vec<Cow<'_, str>> = crate::text::words(&text)
                    .iter()
                    .map(|w| Cow::Owned(w.text.to_lowercase()))
                    .collect();
                let fast = event_nouns(&text.to_lowercase(), &lower);
                let slow = event_nouns_word_by_word(&lower);
                for (k, want) in slow.iter().enumerate() {
                    prop_assert_eq!(fast.get(k).copied().flatten(), *want, "{:?}", text);
                }
                prop_assert!(fast.is_empty() || fast.len() == slow.len());
            }
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
