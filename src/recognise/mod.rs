//! Recognisers: small parsers and lexicon matchers that each find one kind
//! of Finnish expression in a text — a date, a place name — and return it
//! with its byte span. They know Finnish, not documents: the document parser
//! calls them and relates what they find.
//!
//! Each is a pure function over `&str`; every match borrows the text it was
//! found in, and `&text[m.span.start..m.span.end] == m.text`.
//!
//! ```
//! use sote_records::recognise::places::find_places;
//!
//! let found = find_places("Johtoryhmä kokoontui Oulussa ja Kuusamossa.");
//! let names: Vec<_> = found.iter().map(|p| p.name).collect();
//! assert_eq!(names, ["Oulu", "Kuusamo"]);
//! assert_eq!(found[0].text, "Oulussa");
//! ```

pub mod body;
pub mod date;
pub mod email;
pub mod money;
pub mod organization;
pub mod person;
pub mod phone;
mod phrase;
pub mod places;
pub mod programme;
