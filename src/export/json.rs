//! JSON: one record, JSON Lines, and a streamed JSON array.

use std::io::{BufRead, Write};

use crate::Document;
use crate::error::{Error, ErrorKind, Position, Result};

use super::DocumentWriter;
use super::json_writer::append_json;

/// A serde_json error as this crate's error, located in `input` when given.
fn json_error(e: serde_json::Error, input: Option<&[u8]>) -> Error {
    if e.is_io() {
        return Error::from(std::io::Error::from(e));
    }
    let (line, column) = (e.line(), e.column());
    let err = Error::new(ErrorKind::Json(e));
    match input {
        Some(bytes) if line > 0 => err.at(Position::from_line_byte_column(bytes, line, column)),
        _ => err,
    }
}

/// The record as compact JSON on one line (the JSON Lines form).
///
/// ```
/// let doc = sote_records::Document::new("a.txt");
/// let json = sote_records::to_json_string(&doc)?;
/// assert!(json.starts_with(r#"{"source":"a.txt","kind":"other","title":null"#));
/// assert_eq!(sote_records::from_json(&json)?, doc);
/// # Ok::<(), sote_records::Error>(())
/// ```
pub fn to_json_string(document: &Document) -> Result<String> {
    serde_json::to_string(document).map_err(|e| json_error(e, None))
}

/// The record as indented JSON, for reading by people.
pub fn to_json_string_pretty(document: &Document) -> Result<String> {
    serde_json::to_string_pretty(document).map_err(|e| json_error(e, None))
}

/// Writes the record as compact JSON (no trailing newline).
///
/// The record is written whole into a buffer by [`append_json`] (the same
/// bytes serde_json writes, in fewer steps) and handed to `writer` at once.
pub fn write_json<W: Write>(mut writer: W, document: &Document) -> Result<()> {
    let mut out = Vec::new();
    append_json(&mut out, document);
    writer.write_all(&out)?;
    Ok(())
}

/// Reads one record from JSON. Every key of the contract must be present;
/// an error says where the JSON went wrong (line, column, byte).
pub fn from_json(json: &str) -> Result<Document> {
    serde_json::from_str(json).map_err(|e| json_error(e, Some(json.as_bytes())))
}

/// Writes records as JSON Lines: one compact record per line.
///
/// ```
/// use sote_records::{DocumentWriter, Document, JsonLinesWriter};
///
/// let mut out = JsonLinesWriter::new(Vec::new());
/// out.write_document(&Document::new("a.txt"))?;
/// out.write_document(&Document::new("b.txt"))?;
/// let bytes = out.into_inner()?;
/// assert_eq!(bytes.iter().filter(|&&b| b == b'\n').count(), 2);
/// # Ok::<(), sote_records::Error>(())
/// ```
#[derive(Debug)]
pub struct JsonLinesWriter<W: Write> {
    writer: W,
    /// The line being written, kept from record to record so it is not
    /// allocated and regrown for each.
    line: Vec<u8>,
}

impl<W: Write> JsonLinesWriter<W> {
    /// A writer into `writer` (wrap files in a `BufWriter`).
    pub fn new(writer: W) -> Self {
        JsonLinesWriter {
            writer,
            line: Vec::new(),
        }
    }

    /// Flushes and returns the inner writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.finish()?;
        Ok(self.writer)
    }
}

impl<W: Write> DocumentWriter for JsonLinesWriter<W> {
    fn write_document(&mut self, document: &Document) -> Result<()> {
        self.line.clear();
        append_json(&mut self.line, document);
        self.line.push(b'\n');
        self.writer.write_all(&self.line)?;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

/// Writes records as one JSON array, streamed: `[` first, records as they
/// come, `]` on [`finish`](DocumentWriter::finish).
#[derive(Debug)]
pub struct JsonArrayWriter<W: Write> {
    writer: W,
    count: usize,
    finished: bool,
    /// The record being written with its separator, kept from record to
    /// record so it is not allocated and regrown for each.
    record: Vec<u8>,
}

impl<W: Write> JsonArrayWriter<W> {
    /// A writer into `writer` (wrap files in a `BufWriter`).
    pub fn new(writer: W) -> Self {
        JsonArrayWriter {
            writer,
            count: 0,
            finished: false,
            record: Vec::new(),
        }
    }

    /// Finishes the array and returns the inner writer.
    pub fn into_inner(mut self) -> Result<W> {
        self.finish()?;
        Ok(self.writer)
    }
}

impl<W: Write> DocumentWriter for JsonArrayWriter<W> {
    fn write_document(&mut self, document: &Document) -> Result<()> {
        self.record.clear();
        self.record
            .extend_from_slice(if self.count == 0 { b"[\n" } else { b",\n" });
        append_json(&mut self.record, document);
        self.writer.write_all(&self.record)?;
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self) -> Result<()> {
        if !self.finished {
            self.writer
                .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
            self.finished = true;
        }
        self.writer.flush()?;
        Ok(())
    }
}

/// Reads JSON Lines back, one record per non-blank line, as an iterator.
///
/// An error names the line it is on; reading goes on with the next line, so
/// one bad line does not hide the records after it.
#[derive(Debug)]
pub struct JsonLinesReader<R: BufRead> {
    reader: R,
    line: String,
    line_number: usize,
    byte: usize,
}

impl<R: BufRead> JsonLinesReader<R> {
    /// A reader over `reader`.
    pub fn new(reader: R) -> Self {
        JsonLinesReader {
            reader,
            line: String::new(),
            line_number: 0,
            byte: 0,
        }
    }
}

impl<R: BufRead> Iterator for JsonLinesReader<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Result<Document>> {
        loop {
            self.line.clear();
            let start = self.byte;
            match self.reader.read_line(&mut self.line) {
                Ok(0) => return None,
                Ok(n) => {
                    self.byte += n;
                    self.line_number += 1;
                }
                Err(e) => return Some(Err(Error::from(e))),
            }
            if self.line.trim().is_empty() {
                continue;
            }
            return Some(from_json(&self.line).map_err(|e| {
                let column = e.position().map_or(1, |p| p.column);
                let byte = start + e.position().map_or(0, |p| p.byte);
                e.at(Position {
                    byte,
                    line: self.line_number,
                    column,
                })
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_writer_writes_valid_json_for_zero_one_and_two_records() {
        for n in 0..3 {
            let mut w = JsonArrayWriter::new(Vec::new());
            for i in 0..n {
                w.write_document(&Document::new(format!("{i}.txt")))
                    .unwrap();
            }
            let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
            let back: Vec<Document> = serde_json::from_str(&out).unwrap();
            assert_eq!(back.len(), n);
        }
    }

    #[test]
    fn missing_key_is_an_error_with_a_position() {
        let err = from_json("{\"source\":\"a\"}").unwrap_err();
        assert!(err.to_string().contains("missing field"), "{err}");
        assert_eq!(err.position().unwrap().line, 1);
    }

    #[test]
    fn lines_reader_reports_the_bad_line_and_keeps_going() {
        let good = to_json_string(&Document::new("a.txt")).unwrap();
        let input = format!("{good}\n\n{{\"source\": 1}}\n{good}\n");
        let results: Vec<_> = JsonLinesReader::new(input.as_bytes()).collect();
        assert_eq!(results.len(), 3);
        assert!(results[0].is_ok() && results[2].is_ok());
        let err = results[1].as_ref().unwrap_err();
        let pos = err.position().unwrap();
        assert_eq!(pos.line, 3);
        assert!(pos.byte > good.len() + 2, "{pos:?}");
    }
}
