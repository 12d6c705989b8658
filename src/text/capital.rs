//! Where the capital letters of a text start: one scan of the text per
//! document, read by every recogniser that starts at a capitalised word
//! (the people's name sites, the place gazetteer), instead of a scan of
//! the whole text in each of them.

use super::ascii::{HIGH, ONES, ascii_bytes_within, bytes_equal_to};
use super::words::char_at;

/// Byte offsets, ascending, of every character of `text` that is a capital
/// ([`char::is_uppercase`]). The capitals are found eight bytes at a time
/// ([`next_capital_mark`]): most of a Finnish text is small ASCII letters,
/// spaces and the bytes of `ä` and `ö`, none of which is marked.
pub(crate) fn capital_starts(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() / BYTES_PER_CAPITAL + 1);
    capital_starts_into(text, 0, &mut out);
    out
}

/// [`capital_starts`] of `text`, each offset plus `offset`, appended to
/// `out`: the token walk lists the capitals of a chunk of its text into
/// the text's list, with no list of the chunk's own.
pub(crate) fn capital_starts_into(text: &str, offset: usize, out: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(mark) = next_capital_mark(bytes, i) {
        let start = char_start(bytes, mark);
        i = match char_at(text, start) {
            Some(c) => {
                if c.is_uppercase() {
                    out.push(start + offset);
                }
                // Past the whole character: its other bytes may be marked.
                (start + c.len_utf8()).max(mark + 1)
            }
            None => mark + 1,
        };
    }
}

/// Fewer bytes than a Finnish text holds per capital (about 37 on
/// average, seldom under 28: a capital starts each sentence and name), so
/// that [`capital_starts`] (and the token walk that lists them too)
/// seldom grows its list.
pub(crate) const BYTES_PER_CAPITAL: usize = 24;

/// The first byte of the character holding byte `mark`: back over at most
/// three continuation bytes.
fn char_start(bytes: &[u8], mark: usize) -> usize {
    let mut start = mark;
    while start > 0 && bytes.get(start).is_some_and(|&b| b & 0xC0 == 0x80) && mark - start < 3 {
        start -= 1;
    }
    start
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that
/// [`is_capital_mark`] marks.
fn capital_marks(word: u64) -> u64 {
    let upper = ascii_bytes_within(word, b'A', b'Z');
    let small_latin1 = bytes_equal_to(word, 0xC3) | bytes_equal_to(word & (ONES * 0xE0), 0xA0);
    upper | (word & HIGH & !small_latin1)
}

/// Whether byte `b` may belong to a capital: an ASCII capital, or a
/// non-ASCII byte but the lead `C3` and the second bytes `A0`–`BF` of the
/// Latin-1 small letters (`ä`, `ö`, `å`: most non-ASCII bytes of Finnish).
fn is_capital_mark(b: u8) -> bool {
    b.is_ascii_uppercase() || (b >= 0x80 && b != 0xC3 && !(0xA0..=0xBF).contains(&b))
}

/// The first byte at or after `from` that [`is_capital_mark`] marks.
pub(crate) fn next_capital_mark(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let marks = capital_marks(u64::from_le_bytes(*eight));
        if marks != 0 {
            // The lowest set bit marks the first marked byte.
            return Some(i + (marks.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let rest = bytes.get(i..)?;
    rest.iter().position(|&b| is_capital_mark(b)).map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The oracle: every character's offset, asked one by one.
    fn capital_starts_by_chars(text: &str) -> Vec<usize> {
        text.char_indices()
            .filter(|(_, c)| c.is_uppercase())
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn capital_marks_mark_each_byte_as_the_byte_test() {
        for b in 0..=255u8 {
            for k in 0..8 {
                let word =
                    (u64::from(b) << (8 * k)) | ((ONES * u64::from(b'a')) & !(0xFF << (8 * k)));
                let want = if is_capital_mark(b) {
                    0x80 << (8 * k)
                } else {
                    0
                };
                assert_eq!(capital_marks(word), want, "{b:#x} at {k}");
            }
        }
    }

    #[test]
    fn capitals_of_every_script_are_found() {
        let text = "Äiti ja Öljy, Åbo; ääk Élan ΔΣ Жук İz ǅ Ｆ ⅠⅡ aÄb 𝐀x ß";
        assert_eq!(capital_starts(text), capital_starts_by_chars(text));
        assert!(capital_starts(text).contains(&0));
        assert!(!capital_starts(text).is_empty());
        assert!(capital_starts("äiti ja öljy, ß").is_empty());
    }

    proptest! {
        #[test]
        fn capital_starts_agree_with_asking_every_char(
            text in "([a-zA-ZäöåÄÖÅéÉ \n.,-]|[\\u{80}-\\u{2FF}]|[\\u{370}-\\u{52F}]|[\\u{1E00}-\\u{24FF}]|[\\u{FF00}-\\u{FFEF}]|[\\u{1D400}-\\u{1D4FF}]){0,80}",
        ) {
            prop_assert_eq!(capital_starts(&text), capital_starts_by_chars(&text));
        }
    }
}
