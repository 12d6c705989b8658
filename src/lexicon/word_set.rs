//! A closed word list looked up by its words' lengths and bytes.
//!
//! The lists themselves stay constant tables (`&[&str]`) that read as data;
//! a rule that asks about every word of a text looks them up through a
//! [`WordSet`] instead of comparing the word with each entry in turn.

use std::sync::OnceLock;

#[cfg(test)]
use super::fx::FxHashSet;
use crate::text::ByteSet;

/// A word list with an index over it, built on first use.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<Built>,
}

/// What a [`WordSet`] builds on first use: the byte lengths and first
/// bytes of its words, which turn most words away at once (`ja`,
/// `hallitus` against the forms of `kokous`), and its words by length
/// with their [`Key`]s, which tell the rest.
struct Built {
    /// The words as a hash set: how a word that passed the filter was
    /// looked up, now the oracle's.
    #[cfg(test)]
    set: FxHashSet<&'static str>,
    /// Bit `n` is set when a word of the list has `n` bytes (bit 63 for
    /// 63 bytes or more).
    lengths: u64,
    /// The bytes a word of the list starts with.
    leads: ByteSet,
    /// The words with their keys, sorted by [`bucket`].
    keyed: Vec<(Key, &'static str)>,
    /// Where each bucket's words start in `keyed`: bucket `b` is
    /// `keyed[from[b]..from[b + 1]]`.
    from: [usize; BUCKETS + 1],
}

/// How many buckets of lengths there are: one for each length below 63,
/// and one for 63 bytes or more, as the bits of [`Built::lengths`].
const BUCKETS: usize = 64;

/// The bucket of a word of `len` bytes.
fn bucket(len: usize) -> usize {
    len.min(BUCKETS - 1)
}

/// The bit of [`Built::lengths`] for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << bucket(len)
}

/// A word's length with its first and its last eight bytes (fewer, padded
/// with zeros, in a shorter word). Two words of 16 bytes or fewer are the
/// same exactly when their keys are: the two ends cover every byte. A
/// longer word with a member's key is compared whole.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

/// The longest words whose [`Key`] holds every byte.
const KEYED_WHOLE: usize = 16;

impl Key {
    /// The key of `bytes`.
    fn of(bytes: &[u8]) -> Key {
        let tail_from = bytes.len().saturating_sub(8);
        Key {
            len: bytes.len(),
            head: padded(bytes.get(..8).unwrap_or(bytes)),
            tail: padded(bytes.get(tail_from..).unwrap_or_default()),
        }
    }
}

/// Up to eight bytes as one number, padded with zeros.
fn padded(bytes: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(bytes) {
        Ok(eight) => u64::from_le_bytes(eight),
        Err(_) => {
            let mut eight = [0u8; 8];
            for (to, &b) in eight.iter_mut().zip(bytes) {
                *to = b;
            }
            u64::from_le_bytes(eight)
        }
    }
}

impl Built {
    /// The filter and the keyed words of `words`.
    fn of(words: &[&'static str]) -> Built {
        let mut lengths = 0;
        let mut leads = ByteSet::default();
        for w in words {
            lengths |= length_bit(w.len());
            if let Some(&b) = w.as_bytes().first() {
                leads.insert(b);
            }
        }
        let mut keyed: Vec<(Key, &'static str)> =
            words.iter().map(|w| (Key::of(w.as_bytes()), *w)).collect();
        keyed.sort_by_key(|(k, _)| bucket(k.len));
        let mut from = [0; BUCKETS + 1];
        for (b, at) in from.iter_mut().enumerate() {
            *at = keyed.partition_point(|(k, _)| bucket(k.len) < b);
        }
        Built {
            #[cfg(test)]
            set: words.iter().copied().collect(),
            lengths,
            leads,
            keyed,
            from,
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

    /// Whether `word` is one of the words: compared by [`Key`] with those
    /// of its length bucket (a few), and whole when it is longer than
    /// [`KEYED_WHOLE`] bytes. Where a hash set hashed it and compared the
    /// bytes by a call, this costs a few comparisons of numbers.
    fn holds(&self, word: &str) -> bool {
        let b = bucket(word.len());
        let words = self
            .from
            .get(b)
            .zip(self.from.get(b + 1))
            .and_then(|(&lo, &hi)| self.keyed.get(lo..hi))
            .unwrap_or_default();
        let key = Key::of(word.as_bytes());
        words
            .iter()
            .any(|(k, w)| *k == key && (word.len() <= KEYED_WHOLE || *w == word))
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
    /// their length and first byte; the rest by [`Built::holds`]. Inlined,
    /// so that the filter stays in its callers whatever code unit they
    /// fall in.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let built = self.built();
        built.may_hold(word) && built.holds(word)
    }

    /// [`WordSet::contains`] by the hash set alone, as it was before the
    /// length and first-byte filter and the keys: the oracle its test
    /// compares with.
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

    /// `yhteiskokouksessa` has 17 bytes: a word differing from it in the
    /// ninth byte alone, which neither end of its key holds, has its key
    /// but is not a member.
    #[test]
    fn a_long_word_differing_between_its_ends_is_not_a_member() {
        let member = "yhteiskokouksessa";
        let other = "yhteiskoxouksessa";
        assert_eq!(Key::of(member.as_bytes()), Key::of(other.as_bytes()));
        assert!(MEETINGS.contains(member));
        assert!(!MEETINGS.contains(other));
        assert!(!MEETINGS.contains_by_hash(other));
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
