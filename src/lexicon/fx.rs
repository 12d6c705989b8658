//! A fast hasher for the lexicons' small keys (words, offsets).
//!
//! The standard `HashMap` hashes with SipHash, which resists collision
//! attacks but costs more than the rest of a word look-up. The lexicons'
//! keys are fixed at build time, and the maps built per text are keyed by
//! token offsets or names bounded by the text; neither is worth defending,
//! and every scanner stays linear with its own bounds. This is the
//! multiply-rotate hash of the Rust compiler (`FxHasher`), written out so
//! the crate needs no dependency for it.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hasher: eight bytes per step.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

/// The multiplier of rustc's FxHasher (from the golden ratio).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes as a little-endian word padded with zeros, put
            // together byte by byte: a copy of a variable length would be a
            // `memcpy` call for every short key.
            let word = rest
                .iter()
                .rev()
                .fold(0u64, |word, &b| (word << 8) | u64::from(b));
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_tails_hash_as_zero_padded_words() {
        let bytes: Vec<u8> = (1..=23u8).map(|b| b.wrapping_mul(37)).collect();
        for len in 0..=bytes.len() {
            let key = &bytes[..len];
            let mut reference = FxHasher::default();
            let mut chunks = key.chunks(8);
            for chunk in &mut chunks {
                let mut word = [0u8; 8];
                word[..chunk.len()].copy_from_slice(chunk);
                reference.add(u64::from_le_bytes(word));
            }
            let mut hasher = FxHasher::default();
            hasher.write(key);
            assert_eq!(hasher.finish(), reference.finish(), "{len}");
        }
    }

    #[test]
    fn maps_work_with_it() {
        let mut m: FxHashMap<&str, usize> = FxHashMap::default();
        for (i, w) in ["ja", "työryhmä", "", "sote-uudistuksen valmistelu"]
            .iter()
            .enumerate()
        {
            m.insert(w, i);
        }
        assert_eq!(m.get("työryhmä"), Some(&1));
        assert_eq!(m.get(""), Some(&2));
        assert_eq!(m.get("työryhmän"), None);
    }
}
