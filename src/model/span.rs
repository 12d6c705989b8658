//! Byte spans into the source text.

use std::fmt;
use std::ops::Range;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A half-open range of UTF-8 byte offsets `[start, end)` into the source text.
///
/// Every extracted item keeps the span it came from, so that
/// `&source[span.start..span.end]` is exactly the item's `text`. In JSON a
/// span is the two-element array `[start, end]`; in XML the attribute value
/// `"start end"`.
///
/// ```
/// use sote_records::Span;
///
/// let source = "Kokous pidetään Oulussa.";
/// let span = Span::new(18, 25); // "pidetään" has two 2-byte letters
/// assert_eq!(span.slice(source), Some("Oulussa"));
/// assert_eq!(span.len(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. If `end < start` the span is empty at `start`,
    /// so a span is never inverted.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The span as a `Range` for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers in `source`, or `None` when the span lies
    /// outside `source` or cuts a UTF-8 character.
    pub fn slice<'a>(&self, source: &'a str) -> Option<&'a str> {
        source.get(self.range())
    }

    /// This span moved `offset` bytes to the right (for spans computed in a slice).
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl fmt::Display for Span {
    /// Formats as `start..end`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut tup = serializer.serialize_tuple(2)?;
        tup.serialize_element(&self.start)?;
        tup.serialize_element(&self.end)?;
        tup.end()
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        struct SpanVisitor;
        impl<'de> Visitor<'de> for SpanVisitor {
            type Value = Span;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a span [start, end] with start <= end")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Span, A::Error> {
                let start: usize = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let end: usize = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::invalid_length(3, &self));
                }
                if end < start {
                    return Err(de::Error::custom(format!(
                        "span end {end} lies before its start {start}"
                    )));
                }
                Ok(Span { start, end })
            }
        }
        deserializer.deserialize_tuple(2, SpanVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape_is_a_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), s);
    }

    #[test]
    fn inverted_span_is_rejected_on_read() {
        let err = serde_json::from_str::<Span>("[9,3]").unwrap_err();
        assert!(err.to_string().contains("before its start"), "{err}");
        assert!(serde_json::from_str::<Span>("[1]").is_err());
        assert!(serde_json::from_str::<Span>("[1,2,3]").is_err());
    }

    #[test]
    fn new_never_inverts() {
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
    }

    #[test]
    fn slice_refuses_char_boundaries() {
        let s = "Hämeenlinna";
        assert_eq!(Span::new(0, 2).slice(s), None); // cuts 'ä'
        assert_eq!(Span::new(0, 3).slice(s), Some("Hä"));
        assert_eq!(Span::new(0, 99).slice(s), None);
    }
}
