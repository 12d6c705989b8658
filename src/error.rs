//! The crate's error type: what went wrong, where, and why.

use std::fmt;
use std::io;

use crate::model::EdtfError;

/// A place in an input: byte offset, and the line and column a reader sees.
///
/// Lines and columns count from 1; the column counts characters (not
/// bytes) from the start of the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// Byte offset from the start of the input.
    pub byte: usize,
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Position {
    /// The position of byte offset `byte` in `input` (clamped to its end).
    ///
    /// Works on any bytes, valid UTF-8 or not: a column counts the bytes that
    /// start a UTF-8 sequence, so an invalid byte counts as one column.
    ///
    /// ```
    /// use sote_records::Position;
    ///
    /// let p = Position::locate("Ylä\nkerta".as_bytes(), 7);
    /// assert_eq!((p.line, p.column), (2, 3));
    /// ```
    pub fn locate(input: &[u8], byte: usize) -> Position {
        let byte = byte.min(input.len());
        let before = &input[..byte];
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let column = 1 + before[line_start..]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count();
        Position { byte, line, column }
    }

    /// The position of 1-based `line` and byte-based `column` (as serde_json
    /// reports them) in `input`.
    pub(crate) fn from_line_byte_column(input: &[u8], line: usize, column: usize) -> Position {
        let mut start = 0;
        for _ in 1..line {
            match memchr::memchr(b'\n', &input[start..]) {
                Some(i) => start += i + 1,
                None => break,
            }
        }
        Position::locate(input, start + column.saturating_sub(1))
    }
}

impl fmt::Display for Position {
    /// `line:column (byte N)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} (byte {})", self.line, self.column, self.byte)
    }
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The document is larger than [`Config::max_document_bytes`](crate::Config::max_document_bytes) allows.
    #[error("document is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the document in bytes.
        size: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8: {detail}")]
    InvalidUtf8 {
        /// What the bytes at the position are.
        detail: String,
    },
    /// JSON that is not valid, or not a document record.
    #[error("JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// XML that is not well-formed.
    #[error("XML: {0}")]
    Xml(String),
    /// Well-formed XML that is not a document record (a missing attribute,
    /// an unknown element, a bad value).
    #[error("XML record: {0}")]
    XmlRecord(String),
    /// A date value that is not EDTF.
    #[error(transparent)]
    Edtf(#[from] EdtfError),
    /// Reading or writing failed.
    #[error("I/O: {0}")]
    Io(#[source] io::Error),
}

/// The error of every fallible call in this crate.
///
/// It says *what* went wrong ([`Error::kind`]), *where* (the input's name and
/// a [`Position`], when known) and *why* (the message).
///
/// ```
/// let err = sote_records::from_json("{\"source\": 5}").unwrap_err();
/// let pos = err.position().expect("JSON errors have a position");
/// assert_eq!(pos.line, 1);
/// assert!(err.to_string().contains("1:"), "{err}");
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    position: Option<Position>,
    input: Option<String>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            position: None,
            input: None,
        }
    }

    pub(crate) fn at(mut self, position: Position) -> Error {
        self.position = Some(position);
        self
    }

    /// This error, naming the input it arose in (a file name or source name).
    pub fn in_input(mut self, name: impl Into<String>) -> Error {
        self.input = Some(name.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Where in the input, when known.
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The name of the input (file or source), when known.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }

    /// Whether the error came from reading or writing (disk full, broken pipe)
    /// rather than from the data.
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.input, &self.position) {
            (Some(name), Some(p)) => write!(f, "{name}:{p}: ")?,
            (Some(name), None) => write!(f, "{name}: ")?,
            (None, Some(p)) => write!(f, "at {p}: ")?,
            (None, None) => {}
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.kind)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::new(ErrorKind::Io(e))
    }
}

impl From<EdtfError> for Error {
    fn from(e: EdtfError) -> Error {
        Error::new(ErrorKind::Edtf(e))
    }
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_lines_and_characters() {
        let text = "Ylä\nÄänekoski\nx";
        // "Ylä" is 4 bytes: byte 4 is the line feed, line 2 starts at byte 5
        assert_eq!(
            Position::locate(text.as_bytes(), 4),
            Position {
                byte: 4,
                line: 1,
                column: 4
            }
        );
        assert_eq!(
            Position::locate(text.as_bytes(), 5),
            Position {
                byte: 5,
                line: 2,
                column: 1
            }
        );
        // after "Ää" (4 bytes) → column 3
        assert_eq!(Position::locate(text.as_bytes(), 9).column, 3);
        assert_eq!(Position::locate(text.as_bytes(), 999).byte, text.len());
        assert_eq!(
            Position::locate(b"", 0),
            Position {
                byte: 0,
                line: 1,
                column: 1
            }
        );
    }

    #[test]
    fn locate_survives_invalid_utf8() {
        let p = Position::locate(b"ab\xFF\xFEcd", 4);
        assert_eq!((p.line, p.column), (1, 5));
    }

    #[test]
    fn from_line_byte_column_finds_the_byte() {
        let text = "{\n  \"ä\": x\n}";
        let p = Position::from_line_byte_column(text.as_bytes(), 2, 9);
        assert_eq!(p.byte, 10);
        assert_eq!(&text[p.byte..p.byte + 1], "x");
        assert_eq!(p.column, 8); // 'ä' is one character, two bytes
    }

    #[test]
    fn display_says_where_and_what() {
        let e = Error::new(ErrorKind::TooLarge { size: 10, limit: 5 })
            .at(Position {
                byte: 5,
                line: 1,
                column: 6,
            })
            .in_input("a/b.txt");
        assert_eq!(
            e.to_string(),
            "a/b.txt:1:6 (byte 5): document is 10 bytes, more than the limit of 5 bytes"
        );
    }
}
