//! The document record: everything read from one announcement.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::{
    Amount, Body, DateMention, EdtfDate, Entry, Event, Meeting, Organization, Person, Place,
    Programme,
};

named_enum! {
    /// What kind of page a text is.
    pub enum DocumentKind {
        /// A page about one governance body, its people and its meeting materials.
        BodyPage = "body_page",
        /// A list of meeting materials of several bodies.
        MaterialsListing = "materials_listing",
        /// A dated news item.
        NewsArticle = "news_article",
        /// An agenda (*esityslista*).
        Agenda = "agenda",
        /// Minutes or a memo of one meeting (*pöytäkirja*, *muistio*).
        Minutes = "minutes",
        /// Anything else.
        Other = "other",
    }
}

impl Default for DocumentKind {
    /// [`DocumentKind::Other`]: what a text is until its structure says more.
    fn default() -> DocumentKind {
        DocumentKind::Other
    }
}

/// Everything read from one announcement, listing page or news item.
///
/// This is the record of the crate's JSON contract: its serde form is the
/// JSON export, and the XML export carries the same fields. Every list is
/// present (maybe empty); every scalar may be `None` (`null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Document {
    /// Where the text came from: a path relative to the folder the user gave.
    pub source: String,
    /// What kind of page it is.
    pub kind: DocumentKind,
    /// The page's title.
    pub title: Option<String>,
    /// Publication date, when the page shows one.
    pub published: Option<EdtfDate>,
    /// The region (maakunta) or wellbeing services county the text is about, basic form.
    pub region: Option<String>,
    /// Listing items.
    pub entries: Vec<Entry>,
    /// Governance bodies, one per body.
    pub bodies: Vec<Body>,
    /// People, one per person.
    pub people: Vec<Person>,
    /// Meetings.
    pub meetings: Vec<Meeting>,
    /// Dated happenings other than meetings.
    pub events: Vec<Event>,
    /// Every temporal expression in the text.
    pub dates: Vec<DateMention>,
    /// Sums of money.
    pub amounts: Vec<Amount>,
    /// Place mentions.
    pub places: Vec<Place>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    /// Projects and programmes.
    pub programmes: Vec<Programme>,
    /// The page's comment count, when shown.
    pub comments: Option<u32>,
}

impl Document {
    /// An empty record for `source`, of kind [`DocumentKind::Other`].
    pub fn new(source: impl Into<String>) -> Document {
        Document {
            source: source.into(),
            ..Document::default()
        }
    }
}
