//! The pipeline from text to record: lay out, recognise, relate.

use crate::layout::{Layout, lay_out};
use crate::lexicon::heads::HeadedWords;
use crate::model::{
    Amount, DateMention, Document, EdtfDate, Entry, Organization, Place, Programme, Span,
};
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
    parse_document_reusing(source_name, text, Room::default())
}

/// [`parse_document`] into `doc`, whose date mentions and places (with
/// their strings) are overwritten in place where the new text has as many:
/// a converter that parses page after page into one record then makes
/// no new strings for them, and the room it reuses is still in the cache
/// from the last page. The record is the one [`parse_document`] returns.
pub(crate) fn parse_document_into(source_name: &str, text: &str, doc: &mut Document) {
    let room = Room {
        dates: std::mem::take(&mut doc.dates),
        places: std::mem::take(&mut doc.places),
    };
    *doc = parse_document_reusing(source_name, text, room);
}

/// The lists of a record parsed before, to be filled anew.
#[derive(Default)]
struct Room {
    /// The date mentions.
    dates: Vec<DateMention>,
    /// The places.
    places: Vec<Place>,
}

/// `room` filled with one record item per item of `items`: an item left
/// in `room` is overwritten in place by `overwrite` (its strings keep
/// their room), a new one is made by `make` only past them.
fn refill<T, I>(
    mut room: Vec<T>,
    items: impl ExactSizeIterator<Item = I>,
    make: impl Fn(I) -> T,
    overwrite: impl Fn(&mut T, I),
) -> Vec<T> {
    room.truncate(items.len());
    for (i, item) in items.enumerate() {
        // Past the items left in `room`, each item is pushed at `i`.
        match room.get_mut(i) {
            Some(slot) => overwrite(slot, item),
            None => room.push(make(item)),
        }
    }
    room
}

/// `to` made to hold `from`, in the room it has.
fn set_string(to: &mut String, from: &str) {
    to.clear();
    to.push_str(from);
}

/// [`parse_document`], the date mentions and places written into `room`.
fn parse_document_reusing(source_name: &str, text: &str, room: Room) -> Document {
    let layout = lay_out(text);
    let mut doc = Document::new(source_name);
    doc.kind = layout.kind;
    doc.title = layout.title.map(|l| l.text.to_owned());
    doc.comments = layout.comments;
    doc.published = layout.published.map(|p| p.value).filter(EdtfDate::has_year);
    doc.entries = entries(text, &layout);

    let dates = find_dates(text);
    let anchors = Anchors::new(&layout, &dates);
    doc.dates = refill(
        room.dates,
        dates.iter(),
        |d| anchors.mention(d),
        |m, d| {
            m.value = anchors.resolve(d.value, d.span.start);
            set_string(&mut m.text, d.text);
            m.span = d.span;
        },
    );

    let lowered = LowerText::new(text);
    // The body scanner's tokens, the text's words and where the capitals
    // stand (for the people and the places), found in one walk.
    let (tokens, words, word_maybe, capitals) = tokens_and_words(text);
    let (people_found, roles) = find_people_and_roles(text, &lowered, &capitals);
    let places = outside_names(find_places_at(text, &capitals), &people_found);
    doc.region = region_of(&places, layout.title.map(|t| (t.start, t.end())));
    doc.places = refill(
        room.places,
        places.iter(),
        |p| Place {
            name: p.name.to_owned(),
            text: p.text.to_owned(),
            span: p.span,
        },
        |place, p| {
            set_string(&mut place.name, p.name);
            set_string(&mut place.text, p.text);
            place.span = p.span;
        },
    );

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
    use super::{parse_document, parse_document_into};
    use proptest::strategy::Strategy;

    /// Announcements of the genre with fewer, as many and more dates and
    /// places than each other, so that a record parsed into another's room
    /// shortens, overwrites and lengthens its lists.
    const ROOM_TEXTS: [&str; 4] = [
        "Lapin sote-valmistelun ohjausryhmä kokoontui 3.10.2019 Rovaniemellä. \
         Seuraava kokous on 14.11.2019 Kemissä ja 5.12. Torniossa.",
        "Hyvinvointialueen valmistelutyöryhmä\n\nTyöpaja pidetään syksyllä 2021 \
         Porvoossa. Ilmoittautumiset 20.8.2021 mennessä.",
        "Tiedote 7.2.2018\n\nKainuun maakuntauudistuksen johtoryhmän puheenjohtajana \
         toimii kehittämisjohtaja. Lisätiedot: p. 044 123 4567.",
        "",
    ];

    #[test]
    fn a_record_parsed_into_another_is_the_record_parsed_afresh() {
        for before in ROOM_TEXTS {
            for text in ROOM_TEXTS {
                let mut doc = parse_document("old.txt", before);
                parse_document_into("new.txt", text, &mut doc);
                assert_eq!(
                    doc,
                    parse_document("new.txt", text),
                    "{before:?} then {text:?}"
                );
            }
        }
        let fresh = parse_document("a.txt", ROOM_TEXTS[0]);
        assert!(
            fresh.dates.len() >= 3 && fresh.places.len() >= 3,
            "{fresh:?}"
        );
    }

    proptest::proptest! {
        /// Parsing into the record of any earlier text gives the record
        /// parsed afresh, on texts of dates and place names in any order.
        #[test]
        fn records_parsed_into_earlier_ones_are_the_fresh_records(
            texts in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "Oulussa", "Kajaanin", "Uudellamaalla", "12.3.2018", "5.6.", "syksyllä 2020",
                        "kokous", " ", ". ", "\n", "ja", "Keminmaan",
                    ]),
                    0..24,
                ).prop_map(|words| words.concat()),
                1..5,
            ),
        ) {
            let mut doc = crate::model::Document::new("");
            for text in &texts {
                parse_document_into("x.txt", text, &mut doc);
                proptest::prop_assert_eq!(&doc, &parse_document("x.txt", text));
            }
        }
    }

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
