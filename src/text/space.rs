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

/// Whether byte `b` is an ASCII space of [`is_space`], told without
/// decoding a character.
fn is_ascii_space(b: &u8) -> bool {
    b.is_ascii() && is_space(char::from(*b))
}

/// `s` without its leading space ([`is_space`]), as
/// `s.trim_start_matches(is_space)`. ASCII spaces (nearly all a line or a
/// sentence starts with) are passed over by their bytes; only a non-ASCII
/// character after them (NBSP, BOM, a letter) is read as a character.
#[inline]
pub(crate) fn trim_start_space(s: &str) -> &str {
    let n = s.bytes().take_while(is_ascii_space).count();
    let rest = s.get(n..).unwrap_or_default();
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        rest.trim_start_matches(is_space)
    } else {
        rest
    }
}

/// `s` without its trailing space ([`is_space`]), as
/// `s.trim_end_matches(is_space)`, read as [`trim_start_space`] reads; a
/// Latin-1 letter at the end (lead byte `C3`, U+00C0–U+00FF: no space) is
/// told by its bytes too.
#[inline]
pub(crate) fn trim_end_space(s: &str) -> &str {
    let rest = match s.as_bytes() {
        // Most pieces end in a letter: nothing to trim.
        [.., b] if b.is_ascii() && !is_ascii_space(b) => return s,
        [.., 0xC3, b] if !b.is_ascii() => return s,
        _ => {
            let n = s.bytes().rev().take_while(is_ascii_space).count();
            s.get(..s.len() - n).unwrap_or_default()
        }
    };
    match rest.as_bytes() {
        [.., 0xC3, b] if !b.is_ascii() => rest,
        [.., b] if !b.is_ascii() => rest.trim_end_matches(is_space),
        _ => rest,
    }
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

    proptest::proptest! {
        #[test]
        fn trims_agree_with_trimming_characters(
            s in "[ \t\r\n\u{a0}\u{feff}\u{200b}\u{2028}a\u{e4}.]{0,12}"
        ) {
            proptest::prop_assert_eq!(trim_start_space(&s), s.trim_start_matches(is_space));
            proptest::prop_assert_eq!(trim_end_space(&s), s.trim_end_matches(is_space));
        }
    }
}
