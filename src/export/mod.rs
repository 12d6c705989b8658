//! Writers and readers for document records: JSON, JSON Lines and XML.
//!
//! Single records go through [`to_json_string`], [`write_json`],
//! [`to_xml_string`] and [`write_xml`], and come back through [`from_json`]
//! and [`from_xml`]. Many records stream through a [`DocumentWriter`]:
//! [`JsonLinesWriter`], [`JsonArrayWriter`] or [`XmlDocumentsWriter`], each
//! writing a record as it arrives, so an archive of a million documents never
//! sits in memory. [`JsonLinesReader`] and [`XmlDocumentsReader`] read such
//! streams back one record at a time.

mod json;
mod json_writer;
mod xml;

pub use json::{
    JsonArrayWriter, JsonLinesReader, JsonLinesWriter, from_json, to_json_string,
    to_json_string_pretty, write_json,
};
pub use json_writer::append_json;
pub use xml::{XmlDocumentsReader, XmlDocumentsWriter, from_xml, to_xml_string, write_xml};

use crate::Document;
use crate::error::Result;

/// A sink that takes document records one at a time.
///
/// Call [`write_document`](DocumentWriter::write_document) for each record and
/// [`finish`](DocumentWriter::finish) once at the end: it closes the stream's
/// outer structure (`]`, `</documents>`) and flushes. A stream that is not
/// finished is not complete JSON or XML.
pub trait DocumentWriter {
    /// Writes one record.
    fn write_document(&mut self, document: &Document) -> Result<()>;
    /// Closes the stream and flushes it. Calling it again does nothing.
    fn finish(&mut self) -> Result<()>;
}
