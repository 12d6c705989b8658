//! What counts as space in scraped text.

/// Whether `c` separates words: Unicode white space (which covers NBSP and
/// the other fixed-width spaces), plus the BOM and zero-width space that
/// scraped pages leave behind.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{2060}')
}

/// The byte range of `s[start..end]` without leading and trailing space.
pub(crate) fn trim_span(s: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(slice) = s.get(start..end) else {
        return (start, start);
    };
    let lead = slice.len() - slice.trim_start_matches(is_space).len();
    let trimmed = slice.trim_matches(is_space);
    (start + lead, start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scraped_spaces_are_spaces() {
        for c in [' ', '\t', '\u{A0}', '\u{202F}', '\u{FEFF}', '\u{200B}', '\r', '\n'] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['a', '-', '.', '\u{0}'] {
            assert!(!is_space(c), "{c:?}");
        }
    }

    #[test]
    fn trim_span_trims_nbsp_and_keeps_offsets() {
        let s = "x\u{A0} Oulu \u{FEFF}y";
        let (a, b) = trim_span(s, 1, s.len() - 1);
        assert_eq!(&s[a..b], "Oulu");
    }
}
