//! Sixty-four bytes at a time: one bit per byte.
//!
//! The scanners that look for word starts read every byte of every text.
//! Read one at a time, or eight at a time in a `u64` ([`super::ascii`]),
//! a byte costs a few instructions; tested sixteen at a time in a vector
//! register it costs a fraction of one. [`block_masks`] tests a block of
//! 64 bytes in four such steps and gives, for each test, a `u64` whose bit
//! `i` says whether byte `i` passed. A scanner then finds what it wants
//! with bit operations (`trailing_zeros`, shifts for "the byte before").
//!
//! The vectors come from the `wide` crate: plain safe code over SSE2 (part
//! of every x86-64 processor) and over the vector units of other targets,
//! with a scalar fallback elsewhere; this crate keeps
//! `#![forbid(unsafe_code)]`.

use wide::u8x16;

/// The bytes of a block.
pub(crate) const BLOCK: usize = 64;

/// Sixteen bytes: the width of one vector test.
const LANE: usize = 16;

/// For each test of `classify`, the bits of the bytes of `block` it marked:
/// bit `i` of mask `k` is set when byte `i` is all ones in test `k` of the
/// sixteen bytes holding it (the tests give all ones or all zeros a byte,
/// as [`in_range`] and [`equal`] do).
#[inline(always)]
pub(crate) fn block_masks<const N: usize>(
    block: &[u8; BLOCK],
    classify: impl Fn(u8x16) -> [u8x16; N],
) -> [u64; N] {
    let mut masks = [0u64; N];
    for (k, lane) in block.as_chunks::<LANE>().0.iter().enumerate() {
        let tests = classify(u8x16::new(*lane));
        for (mask, test) in masks.iter_mut().zip(tests) {
            *mask |= u64::from(test.to_bitmask()) << (LANE * k);
        }
    }
    masks
}

/// The last, short block of a text (`tail`, fewer than [`BLOCK`] bytes)
/// padded with zero bytes, which every test of the scanners leaves
/// unmarked.
pub(crate) fn padded_block(tail: &[u8]) -> [u8; BLOCK] {
    let mut block = [0u8; BLOCK];
    if let Some(head) = block.get_mut(..tail.len()) {
        head.copy_from_slice(tail);
    }
    block
}

/// Calls `found` with the offset of every byte of `bytes` that `test`
/// marks (all ones), in order: a block of 64 bytes a step, the short last
/// block padded with zero bytes, which `test` must leave unmarked. Where a
/// `memchr3` search stops at every hit and sets itself up again (some
/// eighty instructions a call), this pays about two instructions a byte
/// and one bit operation a hit: it pays on short texts or dense hits
/// (a line's sentence marks), not on a long text with a hit every hundred
/// bytes (the `0`s of a page's phone numbers and dates, measured: even).
#[inline(always)]
pub(crate) fn for_each_marked(
    bytes: &[u8],
    test: impl Fn(u8x16) -> u8x16,
    mut found: impl FnMut(usize),
) {
    let (blocks, tail) = bytes.as_chunks::<BLOCK>();
    let mut visit = |block: &[u8; BLOCK], at: usize| {
        let [mut marks] = block_masks(block, |v| [test(v)]);
        while marks != 0 {
            found(at + marks.trailing_zeros() as usize);
            marks &= marks - 1;
        }
    };
    for (k, block) in blocks.iter().enumerate() {
        visit(block, k * BLOCK);
    }
    if !tail.is_empty() {
        visit(&padded_block(tail), blocks.len() * BLOCK);
    }
}

/// All ones in each byte of `v` within `lo..=hi`, zeros elsewhere.
#[inline(always)]
pub(crate) fn in_range(v: u8x16, lo: u8, hi: u8) -> u8x16 {
    // `v - lo` wraps every byte below `lo` past `hi - lo`.
    let offset = v - u8x16::splat(lo);
    offset
        .min(u8x16::splat(hi.wrapping_sub(lo)))
        .simd_eq(offset)
}

/// All ones in each byte of `v` equal to `b`, zeros elsewhere.
#[inline(always)]
pub(crate) fn equal(v: u8x16, b: u8) -> u8x16 {
    v.simd_eq(u8x16::splat(b))
}

/// All ones in each ASCII letter or digit of `v`, zeros elsewhere.
#[inline(always)]
pub(crate) fn ascii_alnum(v: u8x16) -> u8x16 {
    // Setting bit 5 puts `A`–`Z` on `a`–`z` and no other byte there.
    in_range(v, b'0', b'9') | in_range(v | u8x16::splat(0x20), b'a', b'z')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The masks of the tests below, byte by byte.
    fn by_bytes(block: &[u8; BLOCK], test: impl Fn(u8) -> bool) -> u64 {
        (0..BLOCK).fold(0, |m, i| m | u64::from(test(block[i])) << i)
    }

    fn masks(block: &[u8; BLOCK]) -> [u64; 4] {
        block_masks(block, |v| {
            [
                ascii_alnum(v),
                in_range(v, 0xC0, 0xFF),
                equal(v, 0xC3),
                in_range(v, b'A', b'Z'),
            ]
        })
    }

    #[test]
    fn a_short_tail_is_padded_with_zeros() {
        let block = padded_block(b"ab");
        assert_eq!(&block[..3], b"ab\0");
        assert!(block[2..].iter().all(|&b| b == 0));
        let [alnum, ..] = masks(&block);
        assert_eq!(alnum, 0b11);
    }

    #[test]
    fn each_bit_is_its_byte() {
        let mut block = [b' '; BLOCK];
        block[0] = b'a';
        block[15] = b'Z';
        block[16] = b'7';
        block[40] = 0xC3;
        block[41] = 0x84;
        block[63] = 0xFF;
        let [alnum, lead, c3, upper] = masks(&block);
        assert_eq!(alnum, 1 | 1 << 15 | 1 << 16);
        assert_eq!(lead, 1 << 40 | 1 << 63);
        assert_eq!(c3, 1 << 40);
        assert_eq!(upper, 1 << 15);
    }

    proptest! {
        /// Every test marks exactly the bytes it holds for, at every byte
        /// value and position.
        #[test]
        fn masks_agree_with_the_bytes(bytes in proptest::collection::vec(any::<u8>(), BLOCK)) {
            let mut block = [0u8; BLOCK];
            block.copy_from_slice(&bytes);
            let [alnum, lead, c3, upper] = masks(&block);
            prop_assert_eq!(alnum, by_bytes(&block, |b| b.is_ascii_alphanumeric()));
            prop_assert_eq!(lead, by_bytes(&block, |b| b >= 0xC0));
            prop_assert_eq!(c3, by_bytes(&block, |b| b == 0xC3));
            prop_assert_eq!(upper, by_bytes(&block, |b| b.is_ascii_uppercase()));
        }

        /// Every marked byte is found once, in order, as `memchr3` finds
        /// it, in texts of every length around a block or two.
        #[test]
        fn marked_bytes_are_found_as_memchr3_finds_them(
            bytes in proptest::collection::vec(
                prop_oneof![
                    4 => proptest::sample::select(b"+0(a 9".to_vec()),
                    1 => any::<u8>(),
                ],
                0..200,
            )
        ) {
            let mut found = Vec::new();
            for_each_marked(
                &bytes,
                |v| equal(v, b'+') | equal(v, b'0') | equal(v, b'('),
                |i| found.push(i),
            );
            let by_memchr: Vec<usize> = memchr::memchr3_iter(b'+', b'0', b'(', &bytes).collect();
            prop_assert_eq!(found, by_memchr);
        }
    }
}
