//! Options for parsing.

use crate::Document;
use crate::error::{Error, ErrorKind, Position, Result};

/// What to do with bytes that are not valid UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InvalidUtf8 {
    /// Refuse the document with an error naming the byte offset, line and
    /// column of the first invalid byte. The default: spans stay exact.
    #[default]
    Reject,
    /// Decode lossily, each invalid sequence becoming U+FFFD. Spans then
    /// point into the decoded text, not into the original bytes.
    Replace,
}

/// Options for parsing, with sensible defaults.
///
/// ```
/// use sote_records::{Config, ErrorKind};
///
/// let config = Config::new().max_document_bytes(64);
/// let err = config.parse("big.txt", &"a".repeat(65)).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::TooLarge { size: 65, limit: 64 }));
/// assert_eq!(err.input(), Some("big.txt"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    max_document_bytes: usize,
    invalid_utf8: InvalidUtf8,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_document_bytes: Config::DEFAULT_MAX_DOCUMENT_BYTES,
            invalid_utf8: InvalidUtf8::Reject,
        }
    }
}

impl Config {
    /// The default size limit: 32 MiB, far above any real announcement
    /// (a few KB), low enough that a stray binary file fails fast.
    pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 32 << 20;

    /// The default options.
    pub fn new() -> Config {
        Config::default()
    }

    /// Refuse documents larger than `bytes` with [`ErrorKind::TooLarge`].
    pub fn max_document_bytes(mut self, bytes: usize) -> Config {
        self.max_document_bytes = bytes;
        self
    }

    /// The size limit in bytes.
    pub fn get_max_document_bytes(&self) -> usize {
        self.max_document_bytes
    }

    /// What [`Config::parse_bytes`] does with invalid UTF-8.
    pub fn invalid_utf8(mut self, policy: InvalidUtf8) -> Config {
        self.invalid_utf8 = policy;
        self
    }

    /// The invalid UTF-8 policy.
    pub fn get_invalid_utf8(&self) -> InvalidUtf8 {
        self.invalid_utf8
    }

    fn check_size(&self, source: &str, input: &[u8]) -> Result<()> {
        if input.len() > self.max_document_bytes {
            let at = Position::locate(input, self.max_document_bytes);
            return Err(Error::new(ErrorKind::TooLarge {
                size: input.len(),
                limit: self.max_document_bytes,
            })
            .at(at)
            .in_input(source));
        }
        Ok(())
    }

    /// Parses one announcement. `source` names it in the record (usually its
    /// path relative to the archive); `text` is its full text.
    ///
    /// Never panics. Fails only when the text is over the size limit.
    pub fn parse(&self, source: &str, text: &str) -> Result<Document> {
        self.check_size(source, text.as_bytes())?;
        Ok(crate::pipeline::parse_document(source, text))
    }

    /// [`Config::parse`] into `doc`, which is replaced by the new record:
    /// the record is the one `parse` returns, but the room of the old
    /// record's source, title, listing items, date mentions, places, sums,
    /// bodies and events (their strings included) is used again, and so is
    /// the room of such items that the thread's earlier records had more
    /// of. A converter that parses page after page into one `Document` and
    /// writes each before the next makes fewer allocations this way.
    ///
    /// On an error `doc` is left as it was.
    ///
    /// ```
    /// use sote_records::{Config, Document};
    ///
    /// let config = Config::new();
    /// let mut doc = Document::new("");
    /// for (name, text) in [
    ///     ("a.txt", "Ohjausryhmä kokoontuu 12.3.2018 Kajaanissa."),
    ///     ("b.txt", "Työryhmän kokous pidetään 4.5.2018 Oulussa."),
    /// ] {
    ///     config.parse_into(name, text, &mut doc)?;
    ///     assert_eq!(doc, config.parse(name, text)?);
    /// }
    /// # Ok::<(), sote_records::Error>(())
    /// ```
    pub fn parse_into(&self, source: &str, text: &str, doc: &mut Document) -> Result<()> {
        self.check_size(source, text.as_bytes())?;
        crate::pipeline::parse_document_into(source, text, doc);
        Ok(())
    }

    /// Parses one announcement given as bytes, decoding UTF-8 as the
    /// [`InvalidUtf8`] policy says.
    pub fn parse_bytes(&self, source: &str, bytes: &[u8]) -> Result<Document> {
        self.decoded(source, bytes, |text| self.parse(source, text))
    }

    /// [`Config::parse_bytes`] into `doc`, as [`Config::parse_into`] does:
    /// the record is the one `parse_bytes` returns, in the old record's
    /// room. On an error `doc` is left as it was.
    pub fn parse_bytes_into(&self, source: &str, bytes: &[u8], doc: &mut Document) -> Result<()> {
        self.decoded(source, bytes, |text| self.parse_into(source, text, doc))
    }

    /// `bytes` decoded as the [`InvalidUtf8`] policy says and given to
    /// `parse`, after the size check.
    fn decoded<T>(
        &self,
        source: &str,
        bytes: &[u8],
        parse: impl FnOnce(&str) -> Result<T>,
    ) -> Result<T> {
        self.check_size(source, bytes)?;
        // simdutf8 checks valid text many bytes at a time, where std's
        // check slows to a byte at a time at every `ä` and `ö`; only a text
        // it turns away is checked again by std, for where and why.
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            return parse(text);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => parse(text),
            Err(e) => match self.invalid_utf8 {
                InvalidUtf8::Replace => parse(&String::from_utf8_lossy(bytes)),
                InvalidUtf8::Reject => {
                    let at = e.valid_up_to();
                    let len = e.error_len().unwrap_or(bytes.len() - at);
                    let shown: Vec<String> = bytes[at..at + len.min(4)]
                        .iter()
                        .map(|b| format!("{b:#04x}"))
                        .collect();
                    let detail = match e.error_len() {
                        Some(_) => format!("byte sequence {} is not UTF-8", shown.join(" ")),
                        None => format!("input ends inside a character ({})", shown.join(" ")),
                    };
                    Err(Error::new(ErrorKind::InvalidUtf8 { detail })
                        .at(Position::locate(bytes, at))
                        .in_input(source))
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn invalid_utf8_is_located() {
        let bytes = b"Otsikko\nHyv\xE4 alku";
        let err = Config::new().parse_bytes("x.txt", bytes).unwrap_err();
        let p = err.position().unwrap();
        assert_eq!((p.byte, p.line, p.column), (11, 2, 4));
        assert!(
            err.to_string()
                .starts_with("x.txt:2:4 (byte 11): invalid UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn truncated_character_is_reported_as_such() {
        let err = Config::new().parse_bytes("x.txt", b"Hyv\xC3").unwrap_err();
        assert!(err.to_string().contains("ends inside a character"), "{err}");
    }

    #[test]
    fn replace_policy_decodes_lossily() {
        let doc = Config::new()
            .invalid_utf8(InvalidUtf8::Replace)
            .parse_bytes("x.txt", b"Hyv\xE4 ohjausryhm\xE4")
            .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Hyv\u{FFFD} ohjausryhm\u{FFFD}"));
    }

    proptest! {
        /// The fast check lets through exactly the texts std's check does,
        /// so every text is parsed as its `str` or refused as before.
        #[test]
        fn bytes_are_accepted_as_by_std_from_utf8(
            pieces in prop::collection::vec(
                prop_oneof![
                    prop::sample::select(vec![
                        "Ohjausryhmän kokous 3.4.2019 ", "päätöksiä ", "Åland ", "– ", "€ ",
                    ])
                    .prop_map(|s| s.as_bytes().to_vec()),
                    prop::collection::vec(any::<u8>(), 0..4),
                ],
                0..24,
            ),
        ) {
            let bytes = pieces.concat();
            let got = Config::new().parse_bytes("x.txt", &bytes);
            match std::str::from_utf8(&bytes) {
                Ok(text) => prop_assert_eq!(got.ok(), Some(crate::pipeline::parse_document("x.txt", text))),
                Err(_) => prop_assert!(got.is_err()),
            }
        }
    }

    #[test]
    fn size_limit_is_inclusive() {
        let c = Config::new().max_document_bytes(3);
        assert!(c.parse("a", "abc").is_ok());
        let err = c.parse("a", "abcd").unwrap_err();
        assert_eq!(err.position().unwrap().byte, 3);
    }
}
