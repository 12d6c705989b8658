//! Typed records from the announcements of Finland's social- and health-care
//! and regional government reform.
//!
//! From 2015 to 2023 the *sote- ja maakuntauudistus* was prepared in hundreds
//! of steering groups, working groups, teams and interim bodies, whose
//! meetings, chairs, memos, workshops and deadlines were announced on
//! regional project sites as semi-structured Finnish text. This crate reads
//! such a text — a listing page, a body page, a news item, an agenda or
//! minutes — into one [`Document`]: the bodies, people and roles, meetings,
//! events, dates (with their real precision, as [EDTF](EdtfDate)), sums of
//! money, places, organisations and programmes it names, each with the exact
//! text and byte [`Span`] it came from. Records export to JSON and XML and
//! read back from both.
//!
//! # Parsing one text
//!
//! ```
//! use sote_records::{DocumentKind, EdtfDate};
//!
//! let text = "Ajankohtaista\n\n14.03.2019\n\nOhjausryhmä kokoontui Tampereella\n\n\
//!             Ohjausryhmä käsitteli palvelustrategian luonnosta.\n";
//! let doc = sote_records::parse("uutiset/2019-03-14.txt", text)?;
//!
//! assert_eq!(doc.kind, DocumentKind::NewsArticle);
//! assert_eq!(doc.title.as_deref(), Some("Ohjausryhmä kokoontui Tampereella"));
//! assert_eq!(doc.published, Some(EdtfDate::day(2019, 3, 14)?));
//! // Every item points back into the text.
//! let date = &doc.dates[0];
//! assert_eq!(&text[date.span.range()], date.text);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`parse`] never panics; it fails only for input that is not a document at
//! all (over the [size limit](Config::max_document_bytes), or, through
//! [`parse_bytes`], not UTF-8), with an [`Error`] that says what went wrong
//! and where (byte offset, line and column). Options live in [`Config`].
//!
//! # Exporting and reading back
//!
//! ```
//! let doc = sote_records::parse("a.txt", "Sote-tiimi\n\nTiimi kokoontuu kuukausittain.")?;
//!
//! let json = sote_records::to_json_string(&doc)?;
//! assert_eq!(sote_records::from_json(&json)?, doc);
//!
//! let xml = sote_records::to_xml_string(&doc)?;
//! assert_eq!(sote_records::from_xml(&xml)?, doc);
//! # Ok::<(), sote_records::Error>(())
//! ```
//!
//! For whole archives, a [`DocumentWriter`] streams records as they are
//! made — [`JsonLinesWriter`], [`JsonArrayWriter`] or [`XmlDocumentsWriter`]
//! (root `<documents>`) — so memory does not grow with the archive;
//! [`JsonLinesReader`] and [`XmlDocumentsReader`] read streams back one
//! record at a time. The `convert` example does all of this for a folder
//! tree of `.txt` files.
//!
//! # The record
//!
//! The JSON form of [`Document`] is the crate's contract: every key is
//! always present (`null` or `[]` when empty), names are in the nominative
//! basic form (`Strategisen johtoryhmän` → `Strateginen johtoryhmä`,
//! `Oulussa` → `Oulu`), dates are EDTF strings, phones E.164, and
//! `source[span.start..span.end] == text` for every item. The XML form
//! carries the same fields; `schema/sote-records.xsd` and
//! `schema/document.schema.json` describe both.
//!
//! # How it works
//!
//! The source text is never copied or rewritten: scanners treat NBSP, BOM,
//! CR and glued words as they come and borrow slices of the source, so
//! spans are exact by construction. A page is laid out into lines (title,
//! date lines, listing entries, navigation residue), expressions are
//! recognised by small parsers and lexicons (numeric dates, the gazetteer
//! of Finnish places with their inflected forms), and the mentions are
//! related into the record.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod config;
mod error;
mod export;
mod layout;
mod lexicon;
pub mod model;
mod pipeline;
pub mod recognise;
mod relate;
mod text;

pub use config::{Config, InvalidUtf8};
pub use error::{Error, ErrorKind, Position, Result};
pub use export::{
    DocumentWriter, JsonArrayWriter, JsonLinesReader, JsonLinesWriter, XmlDocumentsReader,
    XmlDocumentsWriter, append_json, from_json, from_xml, to_json_string, to_json_string_pretty,
    to_xml_string, write_json, write_xml,
};
pub use model::{
    Amount, Body, BodyKind, Currency, DateMention, Document, DocumentKind, EdtfDate, EdtfError,
    Entry, Event, EventKind, Meeting, MeetingStatus, Organization, Person, Place, Precision,
    Programme, Role, RoleKind, Season, Span, UnknownName,
};

/// Parses one announcement with the default [`Config`].
///
/// `source` names the text in the record (usually its path relative to the
/// archive); `text` is the whole text.
pub fn parse(source: &str, text: &str) -> Result<Document> {
    Config::default().parse(source, text)
}

/// Parses one announcement given as bytes with the default [`Config`]:
/// invalid UTF-8 is an [`ErrorKind::InvalidUtf8`] error naming its position.
pub fn parse_bytes(source: &str, bytes: &[u8]) -> Result<Document> {
    Config::default().parse_bytes(source, bytes)
}
