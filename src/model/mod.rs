//! The typed records: what the crate reads out of an announcement.
//!
//! Plain data, no parsing: nothing here knows how a record was made, so the
//! same types serve the parsers, the exporters and the readers. The serde
//! form of [`Document`] is the JSON contract.

mod amount;
mod body;
mod date;
mod date_mention;
mod document;
mod entry;
mod event;
mod meeting;
mod named;
mod organization;
mod person;
mod place;
mod programme;
mod span;

pub use amount::{Amount, Currency};
pub use body::{Body, BodyKind};
pub(crate) use date::digit_pair;
pub use date::{EdtfDate, EdtfError, Precision, Season};
pub use date_mention::DateMention;
pub use document::{Document, DocumentKind};
pub use entry::Entry;
pub use event::{Event, EventKind};
pub use meeting::{Meeting, MeetingStatus};
pub use named::UnknownName;
pub use organization::Organization;
pub use person::{Person, Role, RoleKind};
pub use place::Place;
pub use programme::Programme;
pub use span::Span;
