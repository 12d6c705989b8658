//! What counts as space in scraped text.

/// Whether `c` separates words: Unicode white space (which covers NBSP and
/// the other fixed-width spaces), plus the BOM and zero-width space that
/// scraped pages leave behind.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
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
    }
}
