//! The one chokepoint that makes every string legal in XML 1.0.
//!
//! quick-xml writes what it is given; it does not stop a control character,
//! U+FFFE or an unbalanced `]]>` from reaching the output. Every text and
//! attribute value the exporter writes passes through here:
//!
//! - markup characters are escaped (`&`, `<`, `>`, and `"` in attributes), so
//!   `]]>` can never appear literally;
//! - `\r` (and `\t`, `\n` in attributes) are written as character references,
//!   so XML's end-of-line and attribute-value normalisation cannot change them;
//! - characters XML 1.0 cannot carry at all (C0 controls other than tab, line
//!   feed and carriage return; U+FFFE; U+FFFF) are split out of element text,
//!   to be written as `<char hex="1B"/>` marker elements, which the reader turns
//!   back into the character. Attribute values only carry typed values (names
//!   of enums, numbers, dates, spans) that never hold such characters; should
//!   one appear anyway it becomes U+FFFD rather than break the document.

use std::borrow::Cow;

/// Whether XML 1.0 allows `c` anywhere in a document (the `Char` production).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

/// A run of element text: escaped characters XML can carry, or one it cannot.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum TextPiece<'a> {
    /// Text ready to write as it is.
    Escaped(Cow<'a, str>),
    /// A character XML 1.0 cannot carry, to be written as a marker element.
    Unrepresentable(char),
}

/// The escape for a character in element text, if it needs one.
fn text_escape(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '\r' => Some("&#13;"),
        _ => None,
    }
}

/// The escape for a character in an attribute value, if it needs one.
fn attribute_escape(c: char) -> Option<&'static str> {
    match c {
        '"' => Some("&quot;"),
        '\t' => Some("&#9;"),
        '\n' => Some("&#10;"),
        _ => text_escape(c),
    }
}

/// Escapes `s` with `escape`, borrowing when nothing needs escaping.
fn escape_with(s: &str, escape: fn(char) -> Option<&'static str>) -> Cow<'_, str> {
    let Some(first) = s.char_indices().find(|&(_, c)| escape(c).is_some()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first.0]);
    for c in s[first.0..].chars() {
        match escape(c) {
            Some(e) => out.push_str(e),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Splits element text into pieces that are safe to write.
pub(crate) fn text_pieces(s: &str) -> Vec<TextPiece<'_>> {
    let mut pieces = Vec::new();
    let mut run_start = 0;
    for (i, c) in s.char_indices() {
        if !is_xml_char(c) {
            if run_start < i {
                pieces.push(TextPiece::Escaped(escape_with(
                    &s[run_start..i],
                    text_escape,
                )));
            }
            pieces.push(TextPiece::Unrepresentable(c));
            run_start = i + c.len_utf8();
        }
    }
    if run_start < s.len() {
        pieces.push(TextPiece::Escaped(escape_with(
            &s[run_start..],
            text_escape,
        )));
    }
    pieces
}

/// An attribute value that is legal XML and survives attribute normalisation.
pub(crate) fn attribute_value(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        return escape_with(s, attribute_escape);
    }
    let cleaned: String = s
        .chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect();
    Cow::Owned(escape_with(&cleaned, attribute_escape).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> TextPiece<'_> {
        TextPiece::Escaped(Cow::Borrowed(s))
    }

    #[test]
    fn legal_text_is_borrowed_unchanged() {
        let pieces = text_pieces("Päijät-Häme – 13.4.2021");
        assert_eq!(pieces, vec![escaped("Päijät-Häme – 13.4.2021")]);
        assert!(matches!(&pieces[0], TextPiece::Escaped(Cow::Borrowed(_))));
    }

    #[test]
    fn markup_and_cdata_end_are_escaped() {
        assert_eq!(
            text_pieces("a]]>b<c&d\r\n"),
            vec![TextPiece::Escaped(Cow::Owned(
                "a]]&gt;b&lt;c&amp;d&#13;\n".into()
            ))]
        );
    }

    #[test]
    fn unrepresentable_characters_are_split_out() {
        assert_eq!(
            text_pieces("\u{0}x\u{1B}\u{FFFE}y\u{FFFF}"),
            vec![
                TextPiece::Unrepresentable('\u{0}'),
                escaped("x"),
                TextPiece::Unrepresentable('\u{1B}'),
                TextPiece::Unrepresentable('\u{FFFE}'),
                escaped("y"),
                TextPiece::Unrepresentable('\u{FFFF}'),
            ]
        );
    }

    #[test]
    fn xml_char_production() {
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            'ä',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{10FFFF}',
        ] {
            assert!(is_xml_char(c), "{c:?}");
        }
        for c in [
            '\u{0}', '\u{8}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(!is_xml_char(c), "{c:?}");
        }
    }

    #[test]
    fn attribute_values_keep_whitespace_and_quotes_as_references() {
        assert_eq!(attribute_value("a\tb\nc\"d"), "a&#9;b&#10;c&quot;d");
        assert_eq!(attribute_value("x\u{1}y"), "x\u{FFFD}y");
        assert_eq!(
            attribute_value("2018-11-14/2018-11-15"),
            "2018-11-14/2018-11-15"
        );
    }
}
