//! Runs of ASCII letters and digits, the bulk of every word, measured
//! eight bytes at a time.

/// How many bytes at the start of `bytes` are ASCII letters or digits:
/// eight bytes at a time ([`non_alnum_bytes`]) while the run lasts, then
/// one table load a byte (a byte cannot index past the 256 entries).
pub(crate) fn ascii_alnum_run(bytes: &[u8]) -> usize {
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let others = non_alnum_bytes(u64::from_le_bytes(eight));
        if others != 0 {
            // The lowest set bit marks the first byte that is not one.
            return run + (others.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    let rest = bytes.get(run..).unwrap_or_default();
    run + rest
        .iter()
        .position(|&b| !ASCII_ALNUM[usize::from(b)])
        .unwrap_or(rest.len())
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that
/// is not an ASCII letter or digit. Each byte is compared on its low seven
/// bits, where adding or subtracting within 0x00..=0xFF never carries into
/// the next byte; bytes with the high bit set are not ASCII.
fn non_alnum_bytes(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // High bit of each byte of `low` (seven-bit bytes) within lo..=hi.
    let within =
        |low: u64, lo: u64, hi: u64| (low + ONES * (0x80 - lo)) & (ONES * (0x80 + hi) - low) & HIGH;
    let low = word & !HIGH;
    let digit = within(low, u64::from(b'0'), u64::from(b'9'));
    let letter = within(low | (ONES * 0x20), u64::from(b'a'), u64::from(b'z'));
    let alnum = (digit | letter) & !word & HIGH;
    !alnum & HIGH
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
static ASCII_ALNUM: [bool; 256] = {
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
