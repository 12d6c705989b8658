//! A closed word list looked up as a hash set.
//!
//! The lists themselves stay constant tables (`&[&str]`) that read as data;
//! a rule that asks about every word of a text looks them up through a
//! [`WordSet`] instead of comparing the word with each entry in turn.

use std::sync::OnceLock;

use super::fx::FxHashSet;
use crate::text::ByteSet;

/// A word list with a hash set over it, built on first use.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<Built>,
}

/// What a [`WordSet`] builds on first use: the hash set, and the byte
/// lengths and first bytes of its words, which turn most words away
/// before they are hashed (`ja`, `hallitus` against the forms of
/// `kokous`).
struct Built {
    set: FxHashSet<&'static str>,
    /// Bit `n` is set when a word of the list has `n` bytes (bit 63 for
    /// 63 bytes or more).
    lengths: u64,
    /// The bytes a word of the list starts with.
    leads: ByteSet,
}

/// The bit of [`Built::lengths`] for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

impl Built {
    /// The set, lengths and first bytes of `words`.
    fn of(words: &[&'static str]) -> Built {
        let mut lengths = 0;
        let mut leads = ByteSet::default();
        for w in words {
            lengths |= length_bit(w.len());
            if let Some(&b) = w.as_bytes().first() {
                leads.insert(b);
            }
        }
        Built {
            set: words.iter().copied().collect(),
            lengths,
            leads,
        }
    }

    /// Whether `word` may be in the set: no word of the list has its length
    /// or its first byte otherwise.
    fn may_hold(&self, word: &str) -> bool {
        self.lengths & length_bit(word.len()) != 0
            && word
                .as_bytes()
                .first()
                .is_none_or(|&b| self.leads.contains(b))
    }
}

impl WordSet {
    /// A set over `words` (built when first asked).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// The set and its filter, built on first use.
    fn built(&self) -> &Built {
        self.set.get_or_init(|| Built::of(self.words))
    }

    /// Whether `word` is one of the list, exactly. Most words are told by
    /// their length and first byte, without hashing them. Inlined, so that
    /// the filter stays in its callers whatever code unit they fall in.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let built = self.built();
        built.may_hold(word) && built.set.contains(word)
    }

    /// [`WordSet::contains`] by the hash set alone, as it was before the
    /// length and first-byte filter: the oracle its test compares with.
    #[cfg(test)]
    fn contains_by_hash(&self, word: &str) -> bool {
        self.built().set.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn members_exactly() {
        static SET: WordSet = WordSet::new(&["kokous", "kokoukset", "istunto"]);
        for w in ["kokous", "kokoukset", "istunto"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["Kokous", "kokou", "kokouksessa", ""] {
            assert!(!SET.contains(w), "{w}");
        }
    }

    /// A list with an empty word, a word of 63 bytes and one of 70 (both
    /// in the last length bit), and words led by bytes in each quarter of
    /// the byte table (ASCII, `ä`, `Ω`, a byte of 0xF0 and up).
    static ODD: WordSet = WordSet::new(&[
        "",
        "ääää",
        "Ωmega",
        "😀x",
        "?",
        "a",
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
    ]);

    /// The meeting words, as [`crate::relate`] asks about them.
    static MEETINGS: WordSet = WordSet::new(crate::lexicon::MEETING_WORDS);

    /// Pieces of words: members whole and cut, neighbours by length and
    /// first byte, Finnish letters, capitals, long runs.
    fn piece() -> impl Strategy<Value = String> {
        let mut fixed: Vec<String> = ODD.words.iter().map(|w| (*w).to_owned()).collect();
        fixed.extend(
            crate::lexicon::MEETING_WORDS
                .iter()
                .map(|w| (*w).to_owned()),
        );
        fixed.extend(
            [
                "koko", "kokou", "yhteis", "k", "y", "ä", "Ä", "Ω", "😀", "z", "zz", "ja", "kunta",
                "KOKOUS", "ksen", "ssa", "an", " ", "-",
            ]
            .map(str::to_owned),
        );
        prop_oneof![
            prop::sample::select(fixed),
            "[a-zäöåΩ😀?]{0,3}",
            "z{60,66}",
            "y{68,72}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn filtered_look_up_agrees_with_the_hash_set(
            parts in prop::collection::vec(piece(), 0..3),
            noise in any::<String>(),
        ) {
            for word in [parts.concat(), noise] {
                for set in [&ODD, &MEETINGS] {
                    prop_assert_eq!(set.contains(&word), set.contains_by_hash(&word), "{:?}", word);
                }
            }
        }
    }

    #[test]
    fn every_member_passes_the_filter() {
        for set in [&ODD, &MEETINGS] {
            for w in set.words {
                assert!(set.contains(w), "{w:?}");
            }
        }
    }
}
