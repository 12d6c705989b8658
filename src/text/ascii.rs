//! Runs of ASCII letters and digits, the bulk of every word, measured
//! eight bytes at a time.

/// How many bytes at the start of `bytes` are ASCII letters or digits:
/// eight bytes at a time ([`non_alnum_bytes`]) while the run lasts, then
/// one table load a byte (a byte cannot index past the 256 entries).
pub(crate) fn ascii_alnum_run(bytes: &[u8]) -> usize {
    run_by_words(bytes, non_alnum_bytes, |b| ASCII_ALNUM[usize::from(b)])
}

/// How many bytes at the start of `bytes` belong to a run: eight bytes at
/// a time while `outside` (the high bit of every byte of a little-endian
/// word that is not in the run) marks none of them, then the first marked
/// byte, or for the last few bytes of the text, `inside` a byte at a time.
#[inline]
pub(crate) fn run_by_words(
    bytes: &[u8],
    outside: impl Fn(u64) -> u64,
    inside: impl Fn(u8) -> bool,
) -> usize {
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = outside(u64::from_le_bytes(eight));
        if others != 0 {
            // The lowest set bit marks the first byte that is not one.
            return run + (others.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    let rest = bytes.get(run..).unwrap_or_default();
    run + rest.iter().position(|&b| !inside(b)).unwrap_or(rest.len())
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that
/// is not an ASCII letter or digit.
fn non_alnum_bytes(word: u64) -> u64 {
    !alnum_bytes(word) & HIGH
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that
/// is an ASCII letter or digit.
#[inline]
pub(crate) fn alnum_bytes(word: u64) -> u64 {
    let digit = ascii_bytes_within(word, b'0', b'9');
    let letter = ascii_bytes_within(word | (ONES * 0x20), b'a', b'z');
    digit | letter
}

// Eight bytes at a time: a `u64` read little-endian from eight bytes of
// text, each test giving the high bit of every byte it holds for. The
// scanners pass over long runs of plain letters with these, looking at a
// byte alone only where one is marked.

/// A one in every byte: `ONES * b` holds `b` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of every byte.
pub(crate) const HIGH: u64 = ONES * 0x80;

/// The high bit of every byte of `word` that is an ASCII byte within
/// `lo..=hi` (both ASCII). Each byte is compared on its low seven bits,
/// where adding or subtracting within 0x00..=0xFF never carries into the
/// next byte; bytes with the high bit set are not ASCII.
pub(crate) fn ascii_bytes_within(word: u64, lo: u8, hi: u8) -> u64 {
    let low = word & !HIGH;
    (low + ONES * (0x80 - u64::from(lo))) & (ONES * (0x80 + u64::from(hi)) - low) & !word & HIGH
}

/// The high bit of every byte of `word` that is zero, exactly (no borrow
/// runs between bytes: each is tested on its low seven bits, then its
/// high bit).
pub(crate) fn zero_bytes(word: u64) -> u64 {
    !(((word & !HIGH) + !HIGH) | word) & HIGH
}

/// The high bit of every byte of `word` that equals `b`.
pub(crate) fn bytes_equal_to(word: u64, b: u8) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(b)))
}

/// The high bit of every byte of `word` that leads a character of two or
/// more bytes (`0xC0` and up: its two high bits set).
pub(crate) fn lead_bytes(word: u64) -> u64 {
    word & (word << 1) & HIGH
}

/// The byte-by-byte [`ascii_alnum_run`], kept as the oracle its test
/// compares with.
#[cfg(test)]
fn ascii_alnum_run_by_bytes(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len())
}

/// Which bytes are ASCII letters or digits, by byte.
pub(crate) static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Each eight-byte test marks exactly the bytes the one-byte test
    /// holds for: every byte value in every lane, among fillers that are
    /// zero, all ones, a letter and a lead byte (so that a carry or borrow
    /// into a neighbour would show).
    #[test]
    fn eight_byte_tests_mark_each_byte_exactly() {
        let ranges = [
            (b'0', b'9'),
            (b'A', b'Z'),
            (b'a', b'z'),
            (0x09, 0x0D),
            (0, 0),
            (0x7F, 0x7F),
            (0, 0x7F),
        ];
        for filler in [0x00, 0xFF, b'a', 0xC3, b' ', 0x80] {
            for lane in 0..8 {
                for b in 0..=u8::MAX {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let word = u64::from_le_bytes(eight);
                    let marks = |test: &dyn Fn(u8) -> bool| {
                        eight
                            .iter()
                            .enumerate()
                            .filter(|&(_, &x)| test(x))
                            .fold(0u64, |m, (i, _)| m | 0x80 << (8 * i))
                    };
                    assert_eq!(lead_bytes(word), marks(&|x| x >= 0xC0), "{eight:?}");
                    assert_eq!(zero_bytes(word), marks(&|x| x == 0), "{eight:?}");
                    for c in [b' ', 0xC3, 0x00, 0xFF] {
                        assert_eq!(bytes_equal_to(word, c), marks(&|x| x == c), "{eight:?} {c}");
                    }
                    for (lo, hi) in ranges {
                        assert_eq!(
                            ascii_bytes_within(word, lo, hi),
                            marks(&|x| (lo..=hi).contains(&x)),
                            "{eight:?} {lo}..={hi}"
                        );
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn ascii_alnum_run_agrees_with_the_byte_by_byte_scan(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            ascii in "[0-9A-Za-z@`/:\\[{ \u{80}-\u{ff}]{0,40}",
        ) {
            for bytes in [bytes, ascii.into_bytes()] {
                for start in 0..=bytes.len() {
                    let rest = bytes.get(start..).unwrap_or_default();
                    proptest::prop_assert_eq!(ascii_alnum_run(rest), ascii_alnum_run_by_bytes(rest), "{:?}", rest);
                }
            }
        }
    }
}
