//! The pipeline from text to record: lay out, recognise, relate.

use crate::layout::{EntryLayout, Layout, lay_out};
use crate::lexicon::heads::HeadedWords;
use crate::model::{
    Amount, Body, DateMention, Document, EdtfDate, Entry, Event, Organization, Place, Programme,
    Span,
};
use crate::recognise::body::{find_bodies_tokenized, recycle_names, tokens_and_words};
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
use crate::relate::events::{FoundEvent, events_found};
use crate::relate::found::{Found, Lexed};
use crate::relate::meetings::meetings;
use crate::relate::people::{Contacts, people};
use crate::relate::region::region_of;
use crate::text::LowerText;
use std::cell::Cell;

/// The summary of listing item `e`, as written in `source`.
fn summary_of<'t>(source: &'t str, e: &EntryLayout<'_>) -> Option<&'t str> {
    e.summary.map(|(s, t)| source.get(s..t).unwrap_or_default())
}

/// The record item of listing item `e` of `text`.
fn entry(text: &str, e: &EntryLayout<'_>) -> Entry {
    Entry {
        posted: Some(e.posted.value),
        title: e.heading.to_owned(),
        documents: e.documents.iter().map(|d| (*d).to_owned()).collect(),
        summary: summary_of(text, e).map(str::to_owned),
        comments: e.comments,
        span: Span::new(e.span.0, e.span.1),
    }
}

/// `slot` made the record item of listing item `e` of `text`, as
/// [`entry`] makes it, in the room its strings have.
fn overwrite_entry(slot: &mut Entry, text: &str, e: &EntryLayout<'_>) {
    slot.posted = Some(e.posted.value);
    set_string(&mut slot.title, e.heading);
    let documents = std::mem::take(&mut slot.documents);
    slot.documents = refill(
        documents,
        &mut Vec::new(),
        e.documents.iter(),
        |d| (*d).to_owned(),
        |to, d| set_string(to, d),
    );
    set_option_string(&mut slot.summary, summary_of(text, e));
    slot.comments = e.comments;
    slot.span = Span::new(e.span.0, e.span.1);
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
/// Both lists are in text order; the list kept is `places`, in its own
/// room (retained, not collected anew).
fn outside_names<'t>(
    mut places: Vec<PlaceMatch<'t>>,
    people: &[PersonMatch<'_>],
) -> Vec<PlaceMatch<'t>> {
    let mut names: Vec<Span> = people.iter().map(|p| p.name_span).collect();
    names.sort();
    places.retain(|place| {
        let k = names.partition_point(|n| n.start <= place.span.start);
        // Names do not overlap: only the last one starting at or before
        // the place can hold it.
        k.checked_sub(1)
            .and_then(|j| names.get(j))
            .is_none_or(|n| place.span.end > n.end)
    });
    places
}

/// Parses one text into its record. Never fails: what the text does not
/// show is left empty.
pub(crate) fn parse_document(source_name: &str, text: &str) -> Document {
    parse_document_reusing(source_name, text, Room::default(), &mut Spare::default())
}

/// [`parse_document`] into `doc`, whose source, title, listing items,
/// date mentions, places, bodies, sums and events (with their strings) are
/// overwritten in place where the new text has as many (bodies: as many as
/// the earlier page had, in any order), and past them by the items the
/// thread's earlier pages had to spare ([`SPARE`]): a converter that parses
/// page after page into one record then makes no new strings for them,
/// and the room it reuses is still in the cache from the last page. The
/// record is the one [`parse_document`] returns.
pub(crate) fn parse_document_into(source_name: &str, text: &str, doc: &mut Document) {
    let room = Room {
        source: std::mem::take(&mut doc.source),
        title: doc.title.take(),
        items: Items {
            entries: std::mem::take(&mut doc.entries),
            dates: std::mem::take(&mut doc.dates),
            places: std::mem::take(&mut doc.places),
            bodies: std::mem::take(&mut doc.bodies),
            amounts: std::mem::take(&mut doc.amounts),
            events: std::mem::take(&mut doc.events),
        },
    };
    let mut spare = SPARE.take();
    *doc = parse_document_reusing(source_name, text, room, &mut spare);
    SPARE.set(spare);
}

/// The strings and lists of a record parsed before, to be filled anew.
#[derive(Default)]
struct Room {
    /// The source's name.
    source: String,
    /// The title.
    title: Option<String>,
    /// The lists of items.
    items: Items,
}

/// The lists of record items whose strings are written over from page to
/// page: a record's own ([`Room::items`]), and those that a thread's
/// earlier pages had and its later ones had fewer of ([`Spare`]).
#[derive(Default)]
struct Items {
    /// Listing items.
    entries: Vec<Entry>,
    /// Date mentions.
    dates: Vec<DateMention>,
    /// Places.
    places: Vec<Place>,
    /// Bodies.
    bodies: Vec<Body>,
    /// Sums of money.
    amounts: Vec<Amount>,
    /// Events.
    events: Vec<Event>,
}

/// Record items kept with their strings for a page that has more again
/// (pages of one archive differ in length, so a list shortened on one
/// page grows again on the next). At most [`SPARE_ITEMS`] a list.
type Spare = Items;

/// The most items a [`Spare`] list keeps, so that one long page does not
/// keep its room for the rest of the run.
const SPARE_ITEMS: usize = 256;

thread_local! {
    /// The thread's [`Spare`] items, between the pages it parses.
    static SPARE: Cell<Spare> = Cell::new(Spare::default());
}

/// `room` filled with one record item per item of `items`: an item left
/// in `room`, or else one taken from `spare`, is overwritten in place by
/// `overwrite` (its strings keep their room); a new one is made by `make`
/// only past them. Items of `room` past the new ones go to `spare` (up to
/// [`SPARE_ITEMS`]).
fn refill<T, I>(
    mut room: Vec<T>,
    spare: &mut Vec<T>,
    items: impl ExactSizeIterator<Item = I>,
    make: impl Fn(I) -> T,
    overwrite: impl Fn(&mut T, I),
) -> Vec<T> {
    let wanted = items.len();
    if room.len() > wanted {
        let kept = SPARE_ITEMS.saturating_sub(spare.len());
        spare.extend(room.drain(wanted..).take(kept));
    }
    room.reserve(wanted - room.len());
    for (i, item) in items.enumerate() {
        // Past the items left in `room`, each item is pushed at `i`.
        match room.get_mut(i) {
            Some(slot) => overwrite(slot, item),
            None => room.push(match spare.pop() {
                Some(mut slot) => {
                    overwrite(&mut slot, item);
                    slot
                }
                None => make(item),
            }),
        }
    }
    room
}

/// `to` made to hold `from`, in the room it has.
fn set_string(to: &mut String, from: &str) {
    to.clear();
    to.push_str(from);
}

/// `to` made to hold `from`, in the room of the string it holds, if any.
fn set_option_string(to: &mut Option<String>, from: Option<&str>) {
    match (to.as_mut(), from) {
        (Some(string), Some(from)) => set_string(string, from),
        (_, from) => *to = from.map(str::to_owned),
    }
}

/// [`parse_document`], the lists of [`Room`] written into `room`, with
/// items taken from and left to `spare`.
fn parse_document_reusing(
    source_name: &str,
    text: &str,
    room: Room,
    spare: &mut Spare,
) -> Document {
    let layout = lay_out(text);
    let mut source = room.source;
    set_string(&mut source, source_name);
    let mut doc = Document {
        source,
        ..Document::default()
    };
    doc.kind = layout.kind;
    doc.title = room.title;
    set_option_string(&mut doc.title, layout.title.map(|l| l.text));
    doc.comments = layout.comments;
    doc.published = layout.published.map(|p| p.value).filter(EdtfDate::has_year);
    doc.entries = refill(
        room.items.entries,
        &mut spare.entries,
        layout.entries.iter(),
        |e| entry(text, e),
        |slot, e| overwrite_entry(slot, text, e),
    );

    let dates = find_dates(text);
    let anchors = Anchors::new(&layout, &dates);
    doc.dates = refill(
        room.items.dates,
        &mut spare.dates,
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
        room.items.places,
        &mut spare.places,
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
    let registry = Registry::build_reusing(
        text,
        &layout,
        &body_matches,
        room.items.bodies,
        std::mem::take(&mut spare.bodies),
    );
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
    doc.events = refill(
        room.items.events,
        &mut spare.events,
        events_found(&found, &doc.meetings, &taken).iter(),
        FoundEvent::record,
        |event, e| {
            event.kind = e.kind;
            event.date = e.date;
            set_string(&mut event.text, e.text);
            event.span = e.span;
        },
    );
    let contacts = Contacts {
        people: people_found,
        roles,
        phones: find_phones(text),
        emails: find_emails(text),
    };
    doc.people = people(text, &layout, &found, &registry, &contacts);
    doc.bodies = registry.bodies;
    spare.bodies = registry.spare;
    spare.bodies.truncate(SPARE_ITEMS);
    recycle_names(found.bodies);

    doc.amounts = refill(
        room.items.amounts,
        &mut spare.amounts,
        find_amounts_lowered(text, &lowered).iter(),
        |a| Amount {
            value: a.value,
            currency: a.currency,
            approximate: a.approximate,
            text: a.text.to_owned(),
            span: a.span,
        },
        |amount, a| {
            amount.value = a.value;
            amount.currency = a.currency;
            amount.approximate = a.approximate;
            set_string(&mut amount.text, a.text);
            amount.span = a.span;
        },
    );
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

    /// Announcements of the genre with fewer, as many and more listing
    /// items, dates, places, sums and events than each other, so that a record
    /// parsed into another's room shortens, overwrites and lengthens its
    /// lists (and its items' lists of documents), and takes items from
    /// the thread's spare ones.
    const ROOM_TEXTS: [&str; 5] = [
        "Lapin sote-valmistelun ohjausryhmä kokoontui 3.10.2019 Rovaniemellä. \
         Seuraava kokous on 14.11.2019 Kemissä ja 5.12. Torniossa. \
         Hankkeeseen on varattu 2,5 milj. euroa ja noin 300 000 euroa. \
         Seminaari järjestetään 20.1.2020 ja työpaja 3.2.2020.",
        "Hyvinvointialueen valmistelutyöryhmä\n\nTyöpaja pidetään syksyllä 2021 \
         Porvoossa. Ilmoittautumiset 20.8.2021 mennessä. Kulut 40 000 €.",
        "Tiedote 7.2.2018\n\nKainuun maakuntauudistuksen johtoryhmän puheenjohtajana \
         toimii kehittämisjohtaja. Lisätiedot: p. 044 123 4567.",
        "Valmistelun työryhmä\n\n\
         4.3.2019Työryhmän kokous 1.3.2019\n\nMuistiot\n> Muistio\n> Liite\n\n\
         Käsiteltiin talousarviota Oulussa.\n\nLue lisää | 2 Kommenttia\n\n\
         9.4.2019Työryhmän kokous 5.4.2019\n\nMuistiot\n> Muistio\n\n\
         Lue lisää | 0 Kommenttia\n\n\
         2.5.2019Ohjausryhmän kokous 30.4.2019\n\nAsialistat\n> Asialista\n\n\
         Kokous pidettiin Kajaanissa.\n\nLue lisää | 1 Kommenttia\n",
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
            fresh.dates.len() >= 3 && fresh.places.len() >= 3 && fresh.amounts.len() >= 2,
            "{fresh:?}"
        );
        // Events of other sentences on another page: each event's text is
        // overwritten.
        let other = parse_document("c.txt", ROOM_TEXTS[1]);
        assert!(
            fresh.events.len() >= 2
                && !other.events.is_empty()
                && other.events[0].text != fresh.events[0].text,
            "{:?} {:?}",
            fresh.events,
            other.events
        );
        let listing = parse_document("b.txt", ROOM_TEXTS[3]);
        assert!(
            listing.entries.len() == 3
                && listing.entries[0].documents.len() == 2
                && listing.entries[1].summary.is_none(),
            "{listing:?}"
        );
    }

    #[test]
    fn items_left_spare_by_a_short_page_fill_a_longer_one() {
        let mut doc = parse_document("old.txt", ROOM_TEXTS[3]);
        for text in [ROOM_TEXTS[4], ROOM_TEXTS[1], ROOM_TEXTS[0], ROOM_TEXTS[3]] {
            parse_document_into("new.txt", text, &mut doc);
            assert_eq!(doc, parse_document("new.txt", text), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Parsing into the record of any earlier text gives the record
        /// parsed afresh, on texts of titles, listing items, dates, place
        /// names, sums, bodies and events' nouns and cues in any order.
        #[test]
        fn records_parsed_into_earlier_ones_are_the_fresh_records(
            texts in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        "Oulussa", "Kajaanin", "Uudellamaalla", "12.3.2018", "5.6.", "syksyllä 2020",
                        "kokous", " ", ". ", "\n", "ja", "Keminmaan", "3 000 euroa", "noin 1,2 milj. €",
                        "\n\n4.3.2019Työryhmän kokous\n\nMuistiot\n> Muistio\n",
                        "\n> Liite\n", "\nLue lisää | 3 Kommenttia\n", "\nMuistiot\n",
                        "Strateginen johtoryhmä (SJR)", "johtoryhmän", "Ohjausryhmä",
                        "maakunnan ohjausryhmässä", "työryhmien",
                        "Seminaari järjestetään", "työpaja", "mennessä",
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
