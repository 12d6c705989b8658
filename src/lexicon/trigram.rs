//! A quick "no" for substring look-ups.
//!
//! Asking an automaton whether a word holds one of a few stems costs a call
//! and a set-up per word, and most words hold none. A word holding a stem
//! holds the stem's first three bytes; a bit table of those (hashed) rules
//! out most words in a few instructions a byte. A "maybe" is then asked of
//! the automaton, so the filter changes no answer.

/// Bits in the table (a power of two).
const BITS: usize = 1 << 14;

/// The hashed first three bytes of a set of stems.
#[derive(Debug, Clone)]
pub(crate) struct TrigramFilter {
    bits: Box<[u64; BITS / 64]>,
    /// A stem shorter than three bytes: every word may hold one.
    open: bool,
}

/// The table slot of three bytes.
fn slot(a: u8, b: u8, c: u8) -> usize {
    let h = (u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c)).wrapping_mul(0x9E37_79B1);
    (h >> (32 - BITS.trailing_zeros())) as usize
}

impl TrigramFilter {
    /// The filter of `stems`.
    pub(crate) fn new<'s>(stems: impl IntoIterator<Item = &'s str>) -> Self {
        let mut bits = Box::new([0u64; BITS / 64]);
        let mut open = false;
        for stem in stems {
            match stem.as_bytes() {
                [a, b, c, ..] => {
                    let s = slot(*a, *b, *c);
                    bits[s / 64] |= 1 << (s % 64);
                }
                _ => open = true,
            }
        }
        Self { bits, open }
    }

    /// Whether `word` may hold one of the stems; `false` means it holds
    /// none.
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        self.open || word.as_bytes().windows(3).any(|w| self.marks(w))
    }

    /// Whether `bytes` may start with one of the stems; `false` means none
    /// starts there. A scanner that tries its stems only at some positions
    /// (word starts) asks this at each before its automaton.
    pub(crate) fn may_start(&self, bytes: &[u8]) -> bool {
        self.open || bytes.get(..3).is_some_and(|w| self.marks(w))
    }

    /// Whether the first three bytes of `w` are marked.
    fn marks(&self, w: &[u8]) -> bool {
        let &[a, b, c, ..] = w else { return false };
        let s = slot(a, b, c);
        self.bits[s / 64] & (1 << (s % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STEMS: &[&str] = &["työpaj", "seminaar", "infot", "vaalit"];

    #[test]
    fn words_holding_a_stem_may_hold_one() {
        let f = TrigramFilter::new(STEMS.iter().copied());
        for w in [
            "työpajassa",
            "etätyöpaja",
            "webseminaari",
            "henkilöstöinfot",
            "vaalit",
        ] {
            assert!(f.may_hold(w), "{w}");
        }
        // The first three bytes are enough for a "maybe" (`ty` and the
        // first byte of `ö`; `inf`).
        for w in ["työ", "infoa"] {
            assert!(f.may_hold(w), "{w}");
        }
        // Words with none of the stems' first three bytes are ruled out.
        for w in ["kokous", "ja", "", "ty", "paja", "seinä", "vanha"] {
            assert!(!f.may_hold(w), "{w}");
        }
    }

    #[test]
    fn a_short_stem_opens_the_filter() {
        let f = TrigramFilter::new(["ab", "työpaj"]);
        assert!(f.may_hold("xyz"));
        assert!(f.may_hold(""));
        assert!(f.may_start(b"xyz") && f.may_start(b""));
    }

    #[test]
    fn only_a_stem_start_may_start_a_stem() {
        let f = TrigramFilter::new(STEMS.iter().copied());
        for w in ["työpajassa", "seminaari", "infot", "vaalit", "inf"] {
            assert!(f.may_start(w.as_bytes()), "{w}");
        }
        // Holding a stem is not starting with one; fewer than three bytes
        // start with no stem.
        for w in ["etätyöpaja", "webseminaari", "in", "", "kokous"] {
            assert!(!f.may_start(w.as_bytes()), "{w}");
        }
    }

    proptest! {
        /// Never a false "no": a word made around a stem may hold it.
        #[test]
        fn no_false_no(before in "[a-zäö]{0,6}", k in 0usize..4, after in "[a-zäö]{0,6}") {
            let f = TrigramFilter::new(STEMS.iter().copied());
            let word = format!("{before}{}{after}", STEMS[k]);
            prop_assert!(f.may_hold(&word));
        }
    }
}
