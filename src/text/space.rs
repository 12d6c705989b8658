//! What counts as space in scraped text.

/// Whether `c` separates words: Unicode white space (which covers NBSP and
/// the other fixed-width spaces), plus the BOM and zero-width space that
/// scraped pages leave behind.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    // ASCII (most characters) answered here, as `char::is_whitespace` has it.
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r');
    }
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

/// Space inside a line: any space of [`is_space`] except line and
/// paragraph breaks.
#[inline]
pub(crate) fn is_inline_space(c: char) -> bool {
    // ASCII (most characters) answered here: space and tab.
    if c.is_ascii() {
        return matches!(c, ' ' | '\t');
    }
    is_space(c)
        && !matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scraped_spaces_are_spaces() {
        for c in [
            ' ', '\t', '\u{A0}', '\u{202F}', '\u{FEFF}', '\u{200B}', '\r', '\n',
        ] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['a', '-', '.', '\u{0}'] {
            assert!(!is_space(c), "{c:?}");
        }
        for c in (0..=0x7F).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    /// The definition [`is_inline_space`] answers ASCII without, as the
    /// oracle of its fast path.
    #[test]
    fn inline_space_is_space_but_line_breaks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let breaks = matches!(
                c,
                '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
            );
            assert_eq!(is_inline_space(c), is_space(c) && !breaks, "{c:?}");
        }
    }
}
