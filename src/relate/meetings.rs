//! Meetings: from listing entries (`Talousryhmän kokous 4.10.2017` with its
//! memo) and from sentences (`Johtoryhmä kokoontui 22.2. Oulussa`,
//! `seuraava kokous pidetään 11.4.2019`), joint when several bodies met
//! (`X ja Y pitivät yhteisen kokouksen`).

use crate::layout::Layout;
use crate::lexicon::{
    AFTER_MEETING_DOCUMENTS, EVENT_STEMS, JOINT_WORDS, MEETING_HELD_WORDS, MEETING_PLANNED_WORDS,
    MEETING_WORDS,
};
use crate::model::{EdtfDate, Meeting, MeetingStatus, Precision, Span};
use crate::text::Sentence;

use super::bodies::Registry;
use super::found::{Found, lower_words, span_of};

/// Whether a date names a meeting day (or days), not a month or a season.
fn is_meeting_date(value: &EdtfDate) -> bool {
    matches!(value.precision(), Precision::Day | Precision::Interval)
}

fn has_any(words: &[String], list: &[&str]) -> bool {
    words.iter().any(|w| list.contains(&w.as_str()))
}

/// The distinct record names of the bodies mentioned in `span`.
fn bodies_in(found: &Found<'_>, registry: &Registry, span: Span) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in found.bodies_in(span) {
        let b = &found.bodies[i];
        if b.plural {
            continue;
        }
        if let Some(name) = registry.resolve(&b.name)
            && !out.iter().any(|n| n == name)
        {
            out.push(name.to_owned());
        }
    }
    out
}

/// Held or planned, from the words of the sentence, else from the date
/// against the anchor (the entry's posting or the publication).
fn status(
    words: &[String],
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

/// The place a sentence says the meeting was held in: the first place
/// written in a locative case (`Oulussa`, `Rovaniemellä`).
fn location(found: &Found<'_>, span: Span) -> Option<String> {
    found
        .places_in(span)
        .map(|i| &found.places[i])
        .find_map(|p| {
            let t = p.text.trim_end_matches(['k', 'i', 'n']);
            let locative = ["ssa", "ssä", "lla", "llä"]
                .iter()
                .any(|e| p.text.ends_with(e) || t.ends_with(e));
            locative.then(|| p.name.to_owned())
        })
}

/// Adds `m` unless a meeting of the same bodies on the same date exists, in
/// which case the two are merged.
fn push(meetings: &mut Vec<Meeting>, m: Meeting) {
    let same = meetings
        .iter_mut()
        .find(|x| x.date == m.date && x.bodies.iter().any(|b| m.bodies.contains(b)));
    match same {
        Some(x) => {
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
        None => meetings.push(m),
    }
}

/// The meetings of one text.
pub(crate) fn meetings(
    text: &str,
    layout: &Layout<'_>,
    found: &Found<'_>,
    registry: &Registry,
    anchor_at: impl Fn(usize) -> Option<chrono::NaiveDate>,
) -> Vec<Meeting> {
    let mut out = Vec::new();
    let mut headings = Vec::new();
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
        let after = e.documents.iter().any(|d| {
            let d = d.to_lowercase();
            AFTER_MEETING_DOCUMENTS.iter().any(|w| d.contains(w))
        });
        let status = if after {
            MeetingStatus::Held
        } else {
            status(&[], date, posted)
        };
        // A joint meeting is told in the entry's summary.
        if let Some((s, t)) = e.summary {
            for sentence in found
                .sentences
                .iter()
                .filter(|x| s <= x.start && x.end() <= t)
            {
                let words = lower_words(sentence.text);
                if has_any(&words, JOINT_WORDS) && has_any(&words, MEETING_WORDS) {
                    for b in bodies_in(found, registry, span_of(sentence)) {
                        if !bodies.contains(&b) {
                            bodies.push(b);
                        }
                    }
                }
            }
        }
        push(
            &mut out,
            Meeting {
                bodies,
                date,
                location: None,
                status,
                documents: e.documents.iter().map(|d| (*d).to_owned()).collect(),
                text: e.heading.to_owned(),
                span: heading,
            },
        );
    }
    for sentence in &found.sentences {
        let span = span_of(sentence);
        if headings
            .iter()
            .any(|h| h.start < span.end && span.start < h.end)
        {
            continue;
        }
        if let Some(m) = sentence_meeting(text, sentence, found, registry, layout, &anchor_at) {
            push(&mut out, m);
        }
    }
    out
}

/// What the word nearest a date in a sentence names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Meeting,
    Event,
}

/// The kind of the meeting word or event noun nearest to `date`.
fn nearest_cue(sentence: &Sentence<'_>, date: Span) -> Option<Cue> {
    crate::text::words(sentence.text)
        .into_iter()
        .filter_map(|w| {
            let lower = w.text.to_lowercase();
            let cue = if MEETING_WORDS.contains(&lower.as_str()) {
                Cue::Meeting
            } else if EVENT_STEMS.iter().any(|(stem, _)| lower.contains(stem)) {
                Cue::Event
            } else {
                return None;
            };
            let (s, e) = (sentence.start + w.start, sentence.start + w.end());
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

/// A meeting told in one sentence: a meeting word, a day, and the bodies
/// that met (or, in an entry or on a body's page, that body).
fn sentence_meeting(
    text: &str,
    sentence: &Sentence<'_>,
    found: &Found<'_>,
    registry: &Registry,
    layout: &Layout<'_>,
    anchor_at: &impl Fn(usize) -> Option<chrono::NaiveDate>,
) -> Option<Meeting> {
    let words = lower_words(sentence.text);
    if !has_any(&words, MEETING_WORDS) {
        return None;
    }
    let span = span_of(sentence);
    let (date_span, date) = found
        .dates_in(span)
        .map(|i| (found.dates[i].span, found.values[i]))
        .find(|(_, v)| is_meeting_date(v))?;
    // `Kokouksen ydinviesti on, että … keskustelutilaisuus järjestetään
    // 12.10.` dates an event: the word nearest the date decides.
    if nearest_cue(sentence, date_span) != Some(Cue::Meeting) {
        return None;
    }
    let mut bodies = bodies_in(found, registry, span);
    if bodies.is_empty() {
        let entry = layout
            .entries
            .iter()
            .position(|e| e.span.0 <= span.start && span.end <= e.span.1);
        let fallback = entry
            .and_then(|n| registry.heading_body(n))
            .or_else(|| registry.main());
        bodies.extend(fallback.map(str::to_owned));
    }
    if bodies.is_empty() {
        return None;
    }
    Some(Meeting {
        bodies,
        date: Some(date),
        location: location(found, span),
        status: status(&words, Some(date), anchor_at(span.start)),
        documents: Vec::new(),
        text: text.get(span.range()).unwrap_or_default().to_owned(),
        span,
    })
}
