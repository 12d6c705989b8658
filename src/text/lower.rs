//! A whole text in lower case, made once and read by every recogniser.
//!
//! Each recogniser needs the lower case of the words it looks at. Lowering
//! word by word allocates a string for every capitalised word, once per
//! recogniser; lowering the text once costs about one instruction a byte and
//! lets every word's lower case be a borrowed slice at the word's own
//! offsets.

use std::borrow::Cow;

use super::ascii::{HIGH, ascii_bytes_within, bytes_equal_to};
use super::block::{BLOCK, block_masks, in_range, padded_block};
#[cfg(test)]
use super::case::is_latin1_capital_second;

/// The lower case of a text, byte for byte at the text's offsets.
///
/// Almost every character lowers to one character of its own UTF-8 length
/// (`Ä` → `ä`, `K` → `k`). The few that do not (`İ`, the Kelvin sign `K`,
/// `ẞ`), and `Σ`, whose lower case depends on its neighbours, stay as
/// written and are remembered: a slice holding one of them is lowered on its
/// own by [`str::to_lowercase`]. So [`LowerText::at`] always gives exactly
/// what `str::to_lowercase` gives for the slice.
#[derive(Debug, Clone)]
pub(crate) struct LowerText {
    /// The text with every aligned character lowered.
    lower: String,
    /// Byte offsets of the characters left as written, ascending.
    unaligned: Vec<usize>,
}

/// The lower case of `c` when it is one character of `c`'s own length and
/// does not depend on context.
#[inline]
fn aligned_lower(c: char) -> Option<char> {
    if u32::from(c) < 0x100 {
        // Latin-1 without a table: the capitals are A–Z and À–Þ but ×.
        let capital = c.is_ascii_uppercase() || (('\u{C0}'..='\u{DE}').contains(&c) && c != '×');
        return Some(if capital {
            char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
        } else {
            c
        });
    }
    if c == 'Σ' {
        return None;
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => Some(l),
        _ => None,
    }
}

/// Whether a byte may belong to a character that a bulk copy and ASCII
/// lowering would not lower right: any byte from `C4` on (the lead of a
/// character from U+0100 on) or from `80` to `9E` (the second byte of every
/// Latin-1 capital À–Þ, `C3 80`–`C3 9E`). The small letters `ä`, `ö`, `å`
/// (`C3 A4`, `C3 B6`, `C3 A5`) are neither, so most blocks of Finnish text
/// hold none.
fn other_case_byte(b: u8) -> bool {
    b >= 0xC4 || (0x80..=0x9E).contains(&b)
}

/// For a block of [`BLOCK`] bytes: the bytes that may belong to a
/// character to lower alone ([`other_case_byte`]), and the bytes from
/// `C3` on, the lead bytes of the characters from U+00C0 on.
#[inline(always)]
fn other_case_and_leads(block: &[u8; BLOCK]) -> [u64; 2] {
    block_masks(block, |v| {
        let lead = in_range(v, 0xC3, 0xFF);
        [in_range(v, 0xC4, 0xFF) | in_range(v, 0x80, 0x9E), lead]
    })
}

/// What lowering does to one character from U+00C0 on, alone.
enum Alone {
    /// It is its own lower case.
    Same,
    /// It lowers in place to this character.
    Lowered(char),
    /// It is left as written (see [`aligned_lower`]).
    Unaligned,
}

/// What [`LowerText`] does with `c`, a character from U+00C0 on.
#[inline]
fn lower_alone(c: char) -> Alone {
    match aligned_lower(c) {
        Some(l) if l == c => Alone::Same,
        Some(l) => Alone::Lowered(l),
        None => Alone::Unaligned,
    }
}

impl LowerText {
    /// Lowers `text`: blocks of [`BLOCK`] bytes that hold only ASCII and
    /// Latin-1 small letters (a Finnish text is nearly all of them) are
    /// passed over ([`other_case_and_leads`], the block tested sixteen
    /// bytes at a time); in the other blocks each character from U+00C0 on
    /// is lowered alone. The text between the characters that change is
    /// copied in bulk, then the ASCII capitals are lowered in place.
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut lower = String::with_capacity(text.len());
        let mut unaligned = Vec::new();
        // `text[copied..]` is still to be copied as it is.
        let mut copied = 0;
        let (blocks, tail) = bytes.as_chunks::<BLOCK>();
        // The last block is padded with zero bytes, which lower as they are.
        let last = padded_block(tail);
        let padded = (!tail.is_empty()).then_some(&last);
        for (k, block) in blocks.iter().chain(padded).enumerate() {
            let from = k * BLOCK;
            let [other, mut leads] = other_case_and_leads(block);
            // A block's last byte may be a `C3` whose capital's second
            // byte opens the next block.
            let next_other = bytes.get(from + BLOCK).is_some_and(|&b| other_case_byte(b));
            if other == 0 && !next_other {
                continue;
            }
            while leads != 0 {
                let at = from + leads.trailing_zeros() as usize;
                leads &= leads - 1;
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    continue;
                };
                match lower_alone(c) {
                    Alone::Same => {}
                    Alone::Lowered(l) => {
                        lower.push_str(text.get(copied..at).unwrap_or_default());
                        lower.push(l);
                        copied = at + c.len_utf8();
                    }
                    Alone::Unaligned => unaligned.push(at),
                }
            }
        }
        lower.push_str(text.get(copied..).unwrap_or_default());
        lower.make_ascii_lowercase();
        LowerText { lower, unaligned }
    }

    /// [`LowerText::new`] as it was before its blocks: every character
    /// from `C3` on found a byte at a time, the text between them copied.
    /// The oracle of `new_agrees_with_lowering_by_runs`.
    #[cfg(test)]
    fn new_by_runs(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut lower = String::with_capacity(text.len());
        let mut unaligned = Vec::new();
        let mut copied = 0;
        let mut i = 0;
        while let Some(at) = next_to_lower_alone(bytes, i) {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            lower.push_str(text.get(copied..at).unwrap_or_default());
            match aligned_lower(c) {
                Some(l) => lower.push(l),
                None => {
                    unaligned.push(at);
                    lower.push(c);
                }
            }
            i = at + c.len_utf8();
            copied = i;
        }
        lower.push_str(text.get(copied..).unwrap_or_default());
        lower.make_ascii_lowercase();
        LowerText { lower, unaligned }
    }

    /// The lower case of `text[start..end]`, exactly as
    /// [`str::to_lowercase`] gives it; borrowed unless the slice holds a
    /// character that lowers out of line. `text` must be the text this was
    /// made from; an out-of-range or split slice gives the empty string.
    /// (Tests slice by offsets; the recognisers hold their words' slices
    /// and ask [`LowerText::at`].)
    #[cfg(test)]
    pub(crate) fn of<'s>(&'s self, text: &str, start: usize, end: usize) -> Cow<'s, str> {
        self.at(text.get(start..end).unwrap_or(""), start)
    }

    /// The bytes of the lower case, at the text's offsets: every ASCII
    /// capital lowered, so an ASCII word in any case is found here in
    /// small letters where it stands in the text.
    pub(crate) fn bytes(&self) -> &[u8] {
        self.lower.as_bytes()
    }

    /// The whole text's lower case when every character lowered in place:
    /// then the lower case of any slice is the same slice of this.
    pub(crate) fn aligned(&self) -> Option<&str> {
        self.unaligned.is_empty().then_some(self.lower.as_str())
    }

    /// The lower case of `piece`, a slice of the text that starts at byte
    /// `at`, borrowed from the text's when `piece` holds no character that
    /// lowers out of line (then it is what [`LowerText::at`] gives, and a
    /// slice of it at a piece's own offsets is the piece's); else `None`.
    #[inline]
    pub(crate) fn aligned_at(&self, piece: &str, at: usize) -> Option<&str> {
        let end = at + piece.len();
        let k = self.unaligned.partition_point(|&u| u < at);
        if self.unaligned.get(k).is_some_and(|&u| u < end) {
            return None;
        }
        self.lower.get(at..end)
    }

    /// The lower case of `piece`, a slice of the text that starts at byte
    /// `at`, exactly as [`str::to_lowercase`] gives it.
    #[inline]
    pub(crate) fn at<'s>(&'s self, piece: &str, at: usize) -> Cow<'s, str> {
        match self.aligned_at(piece, at) {
            Some(lower) => Cow::Borrowed(lower),
            None => Cow::Owned(piece.to_lowercase()),
        }
    }
}

/// Where, from byte `from` on, the next character starts that a bulk copy
/// and ASCII lowering would not lower right: a Latin-1 capital À–Þ (UTF-8
/// `C3 80`–`C3 9E`, but `×`, `C3 97`) or any character from U+0100 on (lead
/// byte `C4` or above). The other non-ASCII characters of Latin-1
/// (U+0080–U+00BF, `ß`, the small letters `à`–`ÿ`) are their own lower case.
#[cfg(test)]
fn next_to_lower_alone(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(off) = bytes.get(i..)?.iter().position(|&b| b >= 0xC3) {
        let at = i + off;
        match (bytes[at], bytes.get(at + 1)) {
            (0xC3, Some(&second)) if !is_latin1_capital_second(second) => {
                i = at + 2;
            }
            _ => return Some(at),
        }
    }
    None
}

/// Whether the last `len` bytes of `word` (all of it, if shorter) are
/// their own lower case, so that the word's lower case ends in the same
/// bytes: every byte an ASCII byte but a capital, `C3`, or `A0`–`BF` (the
/// second byte of a small Latin-1 letter: `ä`, `ö`, `å`), and a first
/// byte of `80`–`BF` one whose `C3` stands before it (not the end of `İ`,
/// `Σ` or the Kelvin sign, which lower to other bytes).
#[inline]
pub(crate) fn tail_is_own_lower_case(word: &[u8], len: usize) -> bool {
    let from = word.len().saturating_sub(len);
    let tail = word.get(from..).unwrap_or_default();
    let continued = tail.first().is_some_and(|&b| b & 0xC0 == 0x80);
    if continued && from.checked_sub(1).and_then(|i| word.get(i)) != Some(&0xC3) {
        return false;
    }
    // A word of eight bytes or more: its last eight read at once, and the
    // lanes of its last `len` (the high ones, little-endian) looked at.
    let last_eight = word.len().checked_sub(8).and_then(|at| word.get(at..));
    match last_eight.and_then(<[u8]>::first_chunk::<8>) {
        Some(&eight) => {
            let lanes = u64::MAX
                .checked_shl(8 * (8 - len.min(8)) as u32)
                .unwrap_or(0);
            other_case_bytes(u64::from_le_bytes(eight)) & lanes == 0
        }
        None => tail.iter().all(|&b| own_lower_byte(b)),
    }
}

/// Whether [`tail_is_own_lower_case`] takes the byte `b`: ASCII but a
/// capital, `C3`, or `A0`–`BF`.
#[inline]
fn own_lower_byte(b: u8) -> bool {
    (b.is_ascii() && !b.is_ascii_uppercase()) || b == 0xC3 || matches!(b, 0xA0..=0xBF)
}

/// The high bit of every byte of `eight` (little-endian) that
/// [`own_lower_byte`] does not take: an ASCII capital, or a byte from `80`
/// on but `C3` and `A0`–`BF` (`101xxxxx`).
#[inline]
fn other_case_bytes(eight: u64) -> u64 {
    let capital = ascii_bytes_within(eight, b'A', b'Z');
    let small_second = eight & !(eight << 1) & (eight << 2);
    let non_ascii = eight & !small_second & !bytes_equal_to(eight, 0xC3);
    (capital | non_ascii) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`other_case_bytes`] marks exactly the bytes [`own_lower_byte`]
    /// refuses: every byte value in every lane, among fillers.
    #[test]
    fn other_case_bytes_marks_each_byte_exactly() {
        for filler in [b'a', b'A', 0xC3, 0xA4, 0x84, 0x00, 0xFF] {
            for lane in 0..8 {
                for b in 0..=u8::MAX {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let want = eight
                        .iter()
                        .enumerate()
                        .filter(|&(_, &x)| !own_lower_byte(x))
                        .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i));
                    assert_eq!(
                        other_case_bytes(u64::from_le_bytes(eight)),
                        want,
                        "{eight:?}"
                    );
                }
            }
        }
    }

    /// Every slice on character boundaries of `text`.
    fn check_every_slice(text: &str) {
        let lower = LowerText::new(text);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a..] {
                assert_eq!(
                    lower.of(text, s, e),
                    text[s..e].to_lowercase(),
                    "{text:?} {s}..{e}"
                );
            }
        }
    }

    #[test]
    fn slices_lower_as_to_lowercase_does() {
        for text in [
            "",
            "Kärkkäinen ÄÖÅ äöå",
            "ΣΑΣ ΟΔΥΣΣΕΥΣ",
            "İstanbul ja Iisalmi",
            "\u{212A}elvin ẞ ß ǅ",
            "STM:n a\u{308} Ⓐ ﬁ ×÷",
        ] {
            check_every_slice(text);
        }
    }

    /// The characters from U+0080 to U+2FFF and some beyond, each after
    /// every count of ASCII bytes that puts it at or across a block's end.
    #[test]
    fn new_agrees_with_lowering_by_runs_at_block_ends() {
        let every_small = (0x80..0x3000).filter_map(char::from_u32);
        let some_large = (0x3000..=0x10FFFF).filter_map(char::from_u32).step_by(97);
        for c in every_small.chain(some_large).chain(['\u{212A}', 'ẞ']) {
            for pad in BLOCK - 4..=BLOCK + 1 {
                let text = format!("{}{c}x{c}", "A".repeat(pad));
                let (new, old) = (LowerText::new(&text), LowerText::new_by_runs(&text));
                assert_eq!(
                    (&new.lower, &new.unaligned),
                    (&old.lower, &old.unaligned),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn every_character_alone() {
        let text: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        let lower = LowerText::new(&text);
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            assert_eq!(
                lower.of(&text, i, end),
                c.to_string().to_lowercase(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn aligned_slices_are_borrowed() {
        let text = "Strategisen JOHTORYHMÄN İ kokous";
        let lower = LowerText::new(text);
        assert!(matches!(
            lower.of(text, 0, 11),
            Cow::Borrowed("strategisen")
        ));
        let j = text.find('J').unwrap_or(0);
        let i = text.find('İ').unwrap_or(0);
        assert_eq!((j, i), (12, 25));
        assert!(matches!(
            lower.of(text, j, j + "JOHTORYHMÄN".len()),
            Cow::Borrowed("johtoryhmän")
        ));
        assert!(matches!(
            lower.of(text, i, i + 'İ'.len_utf8()),
            Cow::Owned(_)
        ));
        assert_eq!(lower.of(text, 99, 100), "");
    }

    /// The whole lower case is given exactly for a text whose every
    /// character lowers in place, and is what `to_lowercase` gives.
    #[test]
    fn whole_lower_case_only_when_every_character_is_aligned() {
        for text in ["Ohjausryhmä KOKOONTUI Äänekoskella", "", "5 × 5 ÷ 5"] {
            assert_eq!(
                LowerText::new(text).aligned(),
                Some(text.to_lowercase().as_str())
            );
        }
        for text in ["Iso ΑΣ", "İlkka", "5 \u{212A}", "STRAẞE"] {
            assert_eq!(LowerText::new(text).aligned(), None, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn finnish_text_lowers_as_to_lowercase(
            text in "[A-Za-zÀ-ÿÄÖÅäöå×÷ßµ \u{80}-\u{BF}\u{A0}–ΣİK0-9.,:-]{0,60}"
        ) {
            let lower = LowerText::new(&text);
            let whole = lower.of(&text, 0, text.len());
            prop_assert_eq!(&whole, &text.to_lowercase());
            // Latin-1 lowers in line: the lower case is a borrowed slice.
            if crate::text::is_latin1(&text) {
                prop_assert!(matches!(whole, Cow::Borrowed(_)), "{:?}", text);
            }
        }

        #[test]
        fn new_agrees_with_lowering_by_runs(
            text in "[a-zA-ZäöåÄÖÅÀ-ÿ×÷ßµ \u{80}-\u{BF}\u{A0}–—”€ΣİKẞ0-9.,:-]{0,120}",
            pad in 0usize..40,
        ) {
            // Padding moves every character across the blocks' ends.
            let text = format!("{}{}", "a".repeat(pad), text);
            let (new, old) = (LowerText::new(&text), LowerText::new_by_runs(&text));
            prop_assert_eq!(&new.lower, &old.lower, "{:?}", text);
            prop_assert_eq!(&new.unaligned, &old.unaligned, "{:?}", text);
        }

        #[test]
        fn any_text_any_slice(text in "\\PC{0,24}", a in 0usize..80, b in 0usize..80) {
            let lower = LowerText::new(&text);
            let (s, e) = (a.min(b), a.max(b));
            if text.is_char_boundary(s.min(text.len())) && text.is_char_boundary(e.min(text.len())) {
                let (s, e) = (s.min(text.len()), e.min(text.len()));
                prop_assert_eq!(lower.of(&text, s, e), text[s..e].to_lowercase());
            }
        }
    }
}
