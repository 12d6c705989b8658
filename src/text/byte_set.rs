//! Sets of byte values, for the first-byte and second-byte filters that
//! turn most words away before a table is searched.

/// A set of byte values, one bit each (32 bytes): asking it costs a shift
/// and a mask, where a list of bytes is compared one by one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// Every byte.
    pub(crate) const ALL: ByteSet = ByteSet([u64::MAX; 4]);

    /// The set of `bytes`, built at compile time.
    pub(crate) const fn of(bytes: &[u8]) -> ByteSet {
        let mut words = [0u64; 4];
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            words[(b / 64) as usize] |= 1 << (b % 64);
            i += 1;
        }
        ByteSet(words)
    }

    /// Adds `b`.
    #[inline]
    pub(crate) fn insert(&mut self, b: u8) {
        // `b / 64` is below 4: the index is always in bounds.
        self.0[usize::from(b / 64)] |= 1 << (b % 64);
    }

    /// Whether `b` is in the set.
    #[inline]
    pub(crate) fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b / 64)] & (1 << (b % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A set holds exactly the bytes put in, at both ends of each of its
    /// four words, added one by one or built at once ([`ByteSet::of`]);
    /// [`ByteSet::ALL`] holds every byte.
    #[test]
    fn holds_exactly_what_was_inserted() {
        let put = [0u8, 1, 63, 64, 127, 128, 191, 192, 254, 255, b'a', 0xC3];
        let mut set = ByteSet::default();
        for b in put {
            set.insert(b);
        }
        let built = ByteSet::of(&put);
        for b in 0..=u8::MAX {
            assert_eq!(set.contains(b), put.contains(&b), "{b:#x}");
            assert_eq!(built.contains(b), put.contains(&b), "{b:#x}");
            assert!(ByteSet::ALL.contains(b), "{b:#x}");
        }
    }
}
