//! A closed word list looked up as a hash set.
//!
//! The lists themselves stay constant tables (`&[&str]`) that read as data;
//! a rule that asks about every word of a text looks them up through a
//! [`WordSet`] instead of comparing the word with each entry in turn.

use std::sync::OnceLock;

use super::fx::FxHashSet;

/// A word list with a hash set over it, built on first use.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    /// A set over `words` (built when first asked).
    pub(crate) const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the list, exactly.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
