//! Sentences inside a line, with Finnish abbreviations and ordinal dates
//! kept whole (`mm.`, `p.`, `klo`, `22.2. Oulussa`).

use std::sync::LazyLock;

use crate::lexicon::ABBREVIATIONS;
use crate::lexicon::fx::FxHashSet;
use crate::recognise::places::lookup;

use super::case::lower_cow;
use super::space::is_space;

/// [`ABBREVIATIONS`] as a set: a full stop is checked against all of them.
static ABBREVIATION_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| ABBREVIATIONS.iter().copied().collect());

/// One sentence, borrowed from the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sentence<'a> {
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the source.
    pub(crate) start: usize,
}

impl Sentence<'_> {
    /// Byte offset one past the sentence.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// How far to look for the word before or after a full stop: one word at
/// most, so a line of ten thousand dots stays linear.
const MAX_WORD: usize = 64;

/// Whether the full stop at byte `dot` of `text` ends a sentence: it is not
/// part of an abbreviation (`mm.`), an ordinal or a day-month date (`22.2.`,
/// `1.`), and the next word starts with a capital letter, a digit or a dash.
fn ends_sentence(text: &str, dot: usize) -> bool {
    // The cheap tests first (every test must pass): most dots inside a
    // sentence (`14.3.2019`, `mm. talous`) fail one of them.
    let rest = &text[dot + 1..];
    let spaced = rest.starts_with(is_space);
    let after = rest.trim_start_matches(is_space);
    if !spaced && !after.is_empty() {
        return false; // no space after: `5.3.2019`, `paijat-sote.fi`
    }
    let starts_anew = after.chars().next().is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '–' | '-' | '"' | '”')
    });
    if !starts_anew {
        return false;
    }
    let mut from = dot.saturating_sub(MAX_WORD);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
    let word_start = before
        .rfind(|c: char| is_space(c) || c == '(')
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    let last = word.rsplit('.').next().unwrap_or(word);
    if ABBREVIATION_SET.contains(lower_cow(last).as_ref()) {
        return false;
    }
    if !last.is_empty() && last.len() <= 2 && last.bytes().all(|b| b.is_ascii_digit()) {
        // `22.2. Oulussa` goes on; `15.3. Tavoitteena on` starts anew: a
        // day-month date ends a sentence before a capital that is no place.
        let day_month = word.len() > last.len() + 1;
        let next = first_word(after);
        let capital = next.chars().next().is_some_and(char::is_uppercase);
        if !(day_month && capital && lookup(next).is_none()) {
            return false;
        }
    }
    true
}

/// The word `text` starts with (at most [`MAX_WORD`] bytes of it), without
/// trailing punctuation.
fn first_word(text: &str) -> &str {
    let mut end = text.len().min(MAX_WORD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let word = head.split(is_space).next().unwrap_or("");
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// The sentences of one line of text that starts at byte `start` of the source.
pub(crate) fn sentences(text: &str, start: usize) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    // The three marks are ASCII, so each byte found starts a character.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        let end = text.as_bytes().get(i) != Some(&b'.') || ends_sentence(text, i);
        if end && i + 1 > from {
            push(&mut out, text, start, from, i + 1);
            from = i + 1;
        }
    }
    push(&mut out, text, start, from, text.len());
    out
}

fn push<'a>(out: &mut Vec<Sentence<'a>>, text: &'a str, base: usize, from: usize, to: usize) {
    let raw = &text[from..to];
    let trimmed = raw.trim_matches(is_space);
    if !trimmed.is_empty() {
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        out.push(Sentence {
            text: trimmed,
            start: base + from + lead,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0).into_iter().map(|x| x.text).collect()
    }

    #[test]
    fn finnish_sentence_ends() {
        assert_eq!(
            split(
                "Ryhmä kokoontui 14.3. Tampereella. Seuraava kokous on 11.4.2019. Aiheina mm. talous."
            ),
            [
                "Ryhmä kokoontui 14.3. Tampereella.",
                "Seuraava kokous on 11.4.2019.",
                "Aiheina mm. talous."
            ]
        );
        assert_eq!(
            split("Lisätietoja p. 040 123 4567. Kiitos!"),
            ["Lisätietoja p. 040 123 4567.", "Kiitos!"]
        );
        assert_eq!(
            split("Sivut osoitteessa paijat-sote.fi/uudistus. Tervetuloa"),
            ["Sivut osoitteessa paijat-sote.fi/uudistus.", "Tervetuloa"]
        );
        assert_eq!(
            split("Kello on n. 9. ja klo 13 alkaen"),
            ["Kello on n. 9. ja klo 13 alkaen"]
        );
    }

    #[test]
    fn offsets_point_into_the_source() {
        let src = "  Ääni. Öljy kallistui. ";
        for s in sentences(src, 10) {
            assert_eq!(&src[s.start - 10..s.end() - 10], s.text);
        }
        assert!(sentences("", 0).is_empty());
        assert_eq!(split("..."), ["..."]);
    }
}
