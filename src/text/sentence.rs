//! Sentences inside a line, with Finnish abbreviations and ordinal dates
//! kept whole (`mm.`, `p.`, `klo`, `22.2. Oulussa`).

use std::sync::LazyLock;

use crate::lexicon::ABBREVIATIONS;
use crate::lexicon::fx::FxHashSet;
use crate::recognise::places::lookup;

use super::ascii::{HIGH, alnum_bytes, bytes_equal_to};
use super::block::{equal, for_each_marked};
use super::case::{is_latin1, lower_cow};
use super::space::{is_space, trim_end_space, trim_start_space};

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
    if rest
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !is_space(char::from(b)))
    {
        return false; // no space after: `5.3.2019`, `paijat-sote.fi`
    }
    // Trimmed by bytes while the spaces are ASCII: whether anything was
    // trimmed is whether the rest starts with a space.
    let after = trim_start_space(rest);
    let spaced = after.len() < rest.len();
    if !spaced && !after.is_empty() {
        return false;
    }
    let starts_anew = after.chars().next().is_none_or(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '–' | '-' | '"' | '”')
    });
    if !starts_anew {
        return false;
    }
    if ends_long_word(text.as_bytes(), dot) {
        return true; // no abbreviation, no day or month: `kokoontui Tampereella.`
    }
    let mut from = dot.saturating_sub(MAX_WORD);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..dot];
    let word = &before[after_last_break(before)..];
    let last = word
        .bytes()
        .rposition(|b| b == b'.')
        .map_or(word, |d| &word[d + 1..]);
    if is_abbreviation(last) {
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

/// Where the last word of `before` starts: one past its last space or `(`
/// (0 if it has none). Bytes are tested without decoding but for the
/// non-ASCII characters, which may be spaces (NBSP).
fn after_last_break(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut end = bytes.len();
    let breaks = |&b: &u8| !b.is_ascii() || b == b'(' || is_space(char::from(b));
    while let Some(i) = bytes
        .get(..end)
        .and_then(|head| head.iter().rposition(breaks))
    {
        if bytes.get(i).is_some_and(|b| b.is_ascii()) {
            return i + 1;
        }
        // Byte `i` ends a non-ASCII character (its last byte is no ASCII).
        let Some((start, c)) = before
            .get(..=i)
            .and_then(|head| head.char_indices().next_back())
        else {
            return i + 1;
        };
        if is_space(c) {
            return i + 1;
        }
        end = start;
    }
    0
}

/// Whether the [`LONG_WORD`] bytes before `dot` are letters or digits of
/// ASCII or Latin-1 (a `C3` and its second byte; no space, `(` or `.`):
/// then the word before the full stop ends with them, and its lower case
/// ends with as many bytes, too many for an abbreviation (lowering is
/// character by character, and only `Σ` looks at its neighbours), and too
/// many for a day or a month. Most full stops that end a sentence follow
/// such a word, which is then not searched back for its start.
///
/// The window is read as one `u64` (little-endian, filled up with letters
/// when shorter than eight bytes): a byte passes if it is an ASCII letter
/// or digit ([`alnum_bytes`]) or a `C3`, or a continuation byte (`80`–`BF`)
/// whose byte before, in the window, is a `C3`.
fn ends_long_word(bytes: &[u8], dot: usize) -> bool {
    let Some(window) = dot
        .checked_sub(LONG_WORD)
        .and_then(|from| bytes.get(from..dot))
    else {
        return false;
    };
    let mut eight = [b'a'; 8];
    let Some(head) = eight.get_mut(..window.len()) else {
        return false;
    };
    head.copy_from_slice(window);
    let word = u64::from_le_bytes(eight);
    let c3 = bytes_equal_to(word, 0xC3);
    let continuation = word & !(word << 1) & HIGH;
    let letters = alnum_bytes(word) | c3 | (continuation & (c3 << 8));
    letters == HIGH
}

/// [`ends_long_word`] a byte at a time, as it was before it read the
/// window as one word: the oracle of `long_words_agree_with_the_byte_walk`.
#[cfg(test)]
fn ends_long_word_by_bytes(bytes: &[u8], dot: usize) -> bool {
    let Some(window) = dot
        .checked_sub(LONG_WORD)
        .and_then(|from| bytes.get(from..dot))
    else {
        return false;
    };
    let mut after_c3 = false;
    window.iter().all(|&b| {
        let letter =
            b.is_ascii_alphanumeric() || b == 0xC3 || (after_c3 && (0x80..=0xBF).contains(&b));
        after_c3 = b == 0xC3;
        letter
    })
}

/// More bytes than the longest of [`ABBREVIATIONS`] has.
const LONG_WORD: usize = LONGEST_ABBREVIATION + 1;

// [`ends_long_word`] reads its window as one `u64`.
const _: () = assert!(LONG_WORD <= 8, "an abbreviation too long for one u64");

/// Whether `word` lowers to one of [`ABBREVIATIONS`]. A word of ASCII and
/// Latin-1 lowers to as many bytes as it has, so one longer than the
/// longest abbreviation is told without lowering it (most words before a
/// full stop).
fn is_abbreviation(word: &str) -> bool {
    if word.len() > LONGEST_ABBREVIATION && is_latin1(word) {
        return false;
    }
    ABBREVIATION_SET.contains(lower_cow(word).as_ref())
}

/// The byte length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = super::longest_len(ABBREVIATIONS);

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

/// The sentences of one line of text that starts at byte `start` of the
/// source, added to `out` (one list for all the lines of a text).
pub(crate) fn sentences_into<'a>(out: &mut Vec<Sentence<'a>>, text: &'a str, start: usize) {
    let mut from = 0;
    // The three marks are ASCII, so each byte found starts a character.
    for_each_mark(text.as_bytes(), |i| {
        let end = text.as_bytes().get(i) != Some(&b'.') || ends_sentence(text, i);
        if end && i + 1 > from {
            push(out, text, start, from, i + 1);
            from = i + 1;
        }
    });
    push(out, text, start, from, text.len());
}

/// Calls `found` with the offset of every `.`, `!` and `?` of `bytes`, in
/// order, found 64 bytes a step ([`for_each_marked`]): a line is a block or
/// two, where a `memchr3` call per mark and line cost some eighty
/// instructions of set-up each.
fn for_each_mark(bytes: &[u8], found: impl FnMut(usize)) {
    for_each_marked(
        bytes,
        |v| equal(v, b'.') | equal(v, b'!') | equal(v, b'?'),
        found,
    );
}

/// The sentences of one line of text that starts at byte `start` of the source.
#[cfg(test)]
pub(crate) fn sentences(text: &str, start: usize) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    sentences_into(&mut out, text, start);
    out
}

/// Adds `text[from..to]` without its leading and trailing space, unless
/// nothing is left.
#[inline(always)]
fn push<'a>(out: &mut Vec<Sentence<'a>>, text: &'a str, base: usize, from: usize, to: usize) {
    let raw = &text[from..to];
    let led = trim_start_space(raw);
    let trimmed = trim_end_space(led);
    if !trimmed.is_empty() {
        out.push(Sentence {
            text: trimmed,
            start: base + from + (raw.len() - led.len()),
        });
    }
}

/// The [`sentences`] and full-stop test that [`sentences_into`] and
/// [`ends_sentence`] replaced, kept as the oracle their tests compare with.
#[cfg(test)]
mod oracle {
    use super::*;

    /// Whether the full stop at byte `dot` of `text` ends a sentence: it is not
    /// part of an abbreviation (`mm.`), an ordinal or a day-month date (`22.2.`,
    /// `1.`), and the next word starts with a capital letter, a digit or a dash.
    pub(super) fn ends_sentence(text: &str, dot: usize) -> bool {
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

    /// The sentences of one line of text that starts at byte `start` of the source.
    pub(super) fn sentences(text: &str, start: usize) -> Vec<Sentence<'_>> {
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

    /// Pieces of announcement text around full stops: abbreviations, dates,
    /// places, capitals, spaces and dashes of every kind, and characters
    /// that lower out of line (`İ`, the Kelvin sign).
    fn sentence_piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "Ryhmä",
            "kokoontui",
            "Oulussa",
            "Tampereella",
            "Tavoitteena",
            "on",
            "mm",
            "MM",
            "Mm",
            "p",
            "klo",
            "Klo",
            "kesäk",
            "KESÄK",
            "heinäk",
            "maalisk",
            "Maaliskuussa",
            "MAALISK",
            "xmaalisk",
            "\u{212A}esäk",
            "\u{212A}maalisk",
            "Hyvinvointialueella",
            "päätöksessään",
            "ÄÄNESTYKSESSÄ",
            "tiedote.fi",
            "sote-uudistus",
            "12345678",
            "r.y",
            "esim",
            "14",
            "3",
            "2019",
            "22.2",
            "14.3.mm",
            "1.2.3",
            "ko.esim.p",
            "x.Kesäk",
            "1",
            "Ä",
            "ö",
            "İ",
            "\u{212A}lo",
            "ẞ",
            "Σ",
            "a\u{308}",
            "😀",
            ".",
            ". ",
            "..",
            "!",
            "?",
            " ",
            "  ",
            "\u{A0}",
            "\u{2009}",
            "\u{3000}",
            "\u{FEFF}",
            "\t",
            "(",
            ")",
            "–",
            "—",
            "-",
            "\"",
            "”",
            ",",
            ":",
            "/",
        ])
    }

    proptest::proptest! {
        /// The block scan finds the marks `memchr3` finds, in texts of
        /// every length around the block size, marks at every position.
        #[test]
        fn marks_are_found_as_memchr3_finds_them(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    6 => proptest::sample::select(b"a .!?0".to_vec()),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..200,
            )
        ) {
            let mut found = Vec::new();
            for_each_mark(&bytes, |i| found.push(i));
            let by_memchr: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', &bytes).collect();
            proptest::prop_assert_eq!(found, by_memchr);
        }

        #[test]
        fn sentences_agree_with_the_old_split(
            pieces in proptest::collection::vec(sentence_piece(), 0..40),
            noise in "\\PC{0,30}",
            base in 0usize..1000,
        ) {
            for text in [pieces.concat(), noise] {
                proptest::prop_assert_eq!(sentences(&text, base), oracle::sentences(&text, base), "{:?}", text);
                for dot in text.match_indices('.').map(|(i, _)| i) {
                    proptest::prop_assert_eq!(
                        ends_sentence(&text, dot), oracle::ends_sentence(&text, dot), "{:?} {}", text, dot
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The window read as one word passes the full stops the byte walk
        /// passes: bytes of letters, digits, `C3` and continuation bytes
        /// in every order, before a full stop at every offset.
        #[test]
        fn long_words_agree_with_the_byte_walk(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    6 => proptest::sample::select(b"aZ09\xC3\xA4\x84\xB6 (.".to_vec()),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..20,
            )
        ) {
            for dot in 0..=bytes.len() {
                proptest::prop_assert_eq!(
                    ends_long_word(&bytes, dot),
                    ends_long_word_by_bytes(&bytes, dot),
                    "{:x?} {}", bytes, dot
                );
            }
        }
    }

    /// Every abbreviation, in two cases, after every opening and with
    /// letters before it, before a capital: the words as long as the
    /// longest abbreviation and one byte longer, where `ends_long_word`
    /// starts to answer.
    #[test]
    fn full_stops_after_abbreviations_agree_with_the_old_test() {
        for abbreviation in ABBREVIATIONS {
            for word in [abbreviation.to_string(), abbreviation.to_uppercase()] {
                for before in ["", " ", "x", "xx", "ä", "(", "Ryhmä ", "1.", "\u{212A}"] {
                    let text = format!("{before}{word}. Kokous");
                    let dot = before.len() + word.len();
                    assert_eq!(
                        ends_sentence(&text, dot),
                        oracle::ends_sentence(&text, dot),
                        "{text:?}"
                    );
                }
            }
        }
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
