//! The pipeline from text to record: lay out, recognise, relate.

use crate::layout::{Layout, lay_out};
use crate::lexicon::heads::HeadedWords;
use crate::model::{Amount, Document, EdtfDate, Entry, Organization, Place, Programme, Span};
use crate::recognise::body::{find_bodies_tokenized, tokens_and_words};
use crate::recognise::date::find_dates;
use crate::recognise::email::find_emails;
use crate::recognise::money::find_amounts_lowered;
use crate::recognise::organization::find_organizations_in;
use crate::recognise::person::{PersonMatch, find_people_and_roles};
use crate::recognise::phone::find_phones;
use crate::recognise::places::{PlaceMatch, find_places_at};
use crate::recognise::programme::find_programmes_in;
use crate::relate::bodies::Registry;
use crate::relate::dates::Anchors;
use crate::relate::events::events;
use crate::relate::found::{Found, Lexed};
use crate::relate::meetings::meetings;
use crate::relate::people::{Contacts, people};
use crate::relate::region::region_of;
use crate::text::LowerText;

fn slice(source: &str, start: usize, end: usize) -> String {
    source.get(start..end).unwrap_or_default().to_owned()
}

fn entries(text: &str, layout: &Layout<'_>) -> Vec<Entry> {
    layout
        .entries
        .iter()
        .map(|e| Entry {
            posted: Some(e.posted.value),
            title: e.heading.to_owned(),
            documents: e.documents.iter().map(|d| (*d).to_owned()).collect(),
            summary: e.summary.map(|(s, t)| slice(text, s, t)),
            comments: e.comments,
            span: Span::new(e.span.0, e.span.1),
        })
        .collect()
}

/// Spans of dates that are page structure, not events: the publication
/// date and the entries' posted dates.
/// Sorted, for binary search.
fn structural_dates(layout: &Layout<'_>) -> Vec<Span> {
    let mut spans: Vec<Span> = layout
        .published
        .iter()
        .chain(layout.entries.iter().map(|e| &e.posted))
        .map(|d| Span::new(d.start, d.end))
        .collect();
    spans.sort();
    spans.dedup();
    spans
}

/// The places not inside a person's name: `Tervo` in `Tervo Anne` and
/// `Salo` in `Riikka Salo` are family names there, not municipalities.
/// Both lists are in text order.
fn outside_names<'t>(
    places: Vec<PlaceMatch<'t>>,
    people: &[PersonMatch<'_>],
) -> Vec<PlaceMatch<'t>> {
    let mut names: Vec<Span> = people.iter().map(|p| p.name_span).collect();
    names.sort();
    places
        .into_iter()
        .filter(|place| {
            let k = names.partition_point(|n| n.start <= place.span.start);
            // Names do not overlap: only the last one starting at or before
            // the place can hold it.
            k.checked_sub(1)
                .and_then(|j| names.get(j))
                .is_none_or(|n| place.span.end > n.end)
        })
        .collect()
}

/// Parses one text into its record. Never fails: what the text does not
/// show is left empty.
pub(crate) fn parse_document(source_name: &str, text: &str) -> Document {
    let layout = lay_out(text);
    let mut doc = Document::new(source_name);
    doc.kind = layout.kind;
    doc.title = layout.title.map(|l| l.text.to_owned());
    doc.comments = layout.comments;
    doc.published = layout.published.map(|p| p.value).filter(EdtfDate::has_year);
    doc.entries = entries(text, &layout);

    let dates = find_dates(text);
    let anchors = Anchors::new(&layout, &dates);
    doc.dates = anchors.mentions(&dates);

    let lowered = LowerText::new(text);
    // The body scanner's tokens, the text's words and where the capitals
    // stand (for the people and the places), found in one walk.
    let (tokens, words, word_maybe, capitals) = tokens_and_words(text);
    let (people_found, roles) = find_people_and_roles(text, &lowered, &capitals);
    let places = outside_names(find_places_at(text, &capitals), &people_found);
    doc.region = region_of(&places, layout.title.map(|t| (t.start, t.end())));
    doc.places = places
        .iter()
        .map(|p| Place {
            name: p.name.to_owned(),
            text: p.text.to_owned(),
            span: p.span,
        })
        .collect();

    let body_matches = find_bodies_tokenized(text, &lowered, tokens);
    let registry = Registry::build(text, &layout, &body_matches);
    let headed = HeadedWords::of_gated_words(words, &word_maybe, &lowered);
    let lexed = Lexed {
        text,
        lowered: &lowered,
        words: &headed.words,
    };
    // The dates' values, resolved once for the record's mentions above.
    let values = doc.dates.iter().map(|m| m.value).collect();
    let found = Found::new(&layout, dates, values, body_matches, places, lexed);
    let structural = structural_dates(&layout);
    doc.meetings = meetings(text, &layout, &found, &registry, &structural, |at| {
        anchors.anchor_at(at)
    });
    let mut taken = structural;
    taken.extend(doc.meetings.iter().map(|m| m.span));
    doc.events = events(&found, &doc.meetings, &taken);
    let contacts = Contacts {
        people: people_found,
        roles,
        phones: find_phones(text),
        emails: find_emails(text),
    };
    doc.people = people(text, &layout, &found, &registry, &contacts);
    doc.bodies = registry.bodies;

    doc.amounts = find_amounts_lowered(text, &lowered)
        .into_iter()
        .map(|a| Amount {
            value: a.value,
            currency: a.currency,
            approximate: a.approximate,
            text: a.text.to_owned(),
            span: a.span,
        })
        .collect();
    doc.organizations = find_organizations_in(text, &headed, &word_maybe)
        .into_iter()
        .map(|o| Organization {
            text: o.text.to_owned(),
            span: o.span,
            name: o.name,
        })
        .collect();
    doc.programmes = find_programmes_in(text, &headed, &word_maybe)
        .into_iter()
        .map(|p| Programme {
            text: p.text.to_owned(),
            span: p.span,
            name: p.name,
        })
        .collect();
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn places_inside_names_are_names() {
        // `Salo`, `Inari` and `Kaarina` are municipalities and names.
        let text = "Jäsenet:\nSalo Riikka, Lohja\nVirtanen Kaarina, Raasepori\n\n\
                    Sihteerinä toimii suunnittelija Inari Koskela. Ryhmä kokoontuu Salossa.\n";
        let doc = crate::parse("t.txt", text).expect("parses");
        let places: Vec<(&str, &str)> = doc
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("Lohja", "Lohja"),
                ("Raasepori", "Raasepori"),
                ("Salo", "Salossa")
            ]
        );
    }
}
