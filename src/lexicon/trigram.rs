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
    slot_of(u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c))
}

/// The table slot of three bytes held in the low 24 bits of `window`
/// (the first the highest), as [`slot`] gives it.
#[inline]
fn slot_of(window: u32) -> usize {
    let h = window.wrapping_mul(0x9E37_79B1);
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
    ///
    /// The word's bytes are read once, into a window of the last three
    /// (shifted along in a register), rather than as a slice of three at
    /// each position.
    /// (Its one caller outside the tests, `event_noun`, now asks
    /// [`TrigramFilter::may_start`] at each byte instead, which cost fewer
    /// instructions there than this window did with a search after it.)
    #[cfg(test)]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        if self.open {
            return true;
        }
        let [a, b, rest @ ..] = word.as_bytes() else {
            return false;
        };
        let mut window = u32::from(*a) << 8 | u32::from(*b);
        for &c in rest {
            window = (window << 8 | u32::from(c)) & 0x00FF_FFFF;
            if self.has_slot(slot_of(window)) {
                return true;
            }
        }
        false
    }

    /// [`TrigramFilter::may_hold`] as it was, asking each slice of three
    /// bytes: the oracle its test compares with.
    #[cfg(test)]
    fn may_hold_by_windows(&self, word: &str) -> bool {
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
        self.has_slot(slot(a, b, c))
    }

    /// Whether slot `s` (below [`BITS`]) is marked.
    #[inline]
    fn has_slot(&self, s: usize) -> bool {
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

    /// Pieces of words: the stems whole and cut, their first three bytes,
    /// Finnish letters (`ö` splits across a window), other bytes.
    fn piece() -> impl Strategy<Value = &'static str> {
        let mut pieces: Vec<&'static str> = STEMS.to_vec();
        pieces.extend([
            "työ", "ty", "ö", "sem", "se", "inf", "in", "vaa", "a", "x", "Ä", "😀", "-", " ",
        ]);
        prop::sample::select(pieces)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        /// The window over the bytes answers as the slices of three did,
        /// for the stems above, for random stems (a set with a short one
        /// too) and words built of stem pieces or random.
        #[test]
        fn window_agrees_with_the_slices(
            pieces in prop::collection::vec(piece(), 0..6),
            noise in any::<String>(),
            stems in prop::collection::vec("[a-zäö]{1,6}", 0..6),
        ) {
            let filters = [
                TrigramFilter::new(STEMS.iter().copied()),
                TrigramFilter::new(stems.iter().map(String::as_str)),
            ];
            for word in [pieces.concat(), noise] {
                for f in &filters {
                    prop_assert_eq!(f.may_hold(&word), f.may_hold_by_windows(&word), "{:?}", word);
                }
            }
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
