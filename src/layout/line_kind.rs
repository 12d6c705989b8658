//! What one line of a scraped page is: a date line, a link to a meeting
//! document, navigation residue, a photo credit, or running text.

use crate::lexicon::{
    COMMENT_WORDS, DOCUMENT_HEADERS, NAVIGATION_LINES, PHOTO_CREDIT_WORDS, PUBLICATION_WORDS,
    SECTION_HEADERS,
};
use crate::model::EdtfDate;
use crate::recognise::date::leading_date;
use crate::text::{HIGH, Line, ToLower, ascii_bytes_within, bytes_equal_to, is_space, lead_bytes};

/// A numeric date at the start of a line, as source offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateAt {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The date as written (year unspecified when the text gives none).
    pub(crate) value: EdtfDate,
}

/// The role of one line in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but space.
    Blank,
    /// Starts with a numeric date; `rest` is the offset (in the source) of
    /// what follows it on the line, `None` when the date is the whole line.
    Date { date: DateAt, rest: Option<usize> },
    /// `Julkaistu 2.11.2020 klo 10.15 | Uutiset`: the page's publication date.
    Published { date: DateAt },
    /// `Muistiot`, `Asialista`…: the heading of a list of document links.
    DocumentHeader,
    /// `> Muistio`: a link to a meeting document; the offset of its name.
    DocumentLink { name: usize },
    /// `Lue lisää | 0 Kommenttia`: the end of a listing entry.
    ReadMore { comments: Option<u32> },
    /// `Palaa otsikoihin | 0 Kommenttia | Kommentoi`: the page footer.
    Footer { comments: Option<u32> },
    /// Other navigation residue (`Ei kommentteja`, `Kommentoi`).
    Navigation,
    /// A photo credit or caption (`kuva Liisa Aaltonen`).
    PhotoCredit,
    /// A section name of the site (`Ajankohtaista`, `Uutiset`).
    Section,
    /// Running text.
    Text,
}

impl LineKind {
    /// Whether the line carries content (not blank, not page furniture).
    pub(crate) fn is_content(&self) -> bool {
        matches!(self, LineKind::Text | LineKind::Date { .. })
    }
}

fn is_one_of(words: &[&str], lower: &str) -> bool {
    words.contains(&lower)
}

/// Whether `text` lowers to one of `words` (lower case, plain letters and
/// spaces: no `σ`/`ς`, whose lowering depends on the neighbours), compared
/// character by character without building the lower case.
fn lowers_to_one_of(words: &[&str], text: &str) -> bool {
    words
        .iter()
        .any(|w| strip_prefix_lowering_to(text, w).is_some_and(str::is_empty))
}

/// Whether `text` lowers to one of the words of `openings`, as
/// [`lowers_to_one_of`] tells, asking only the words its first byte may
/// open ([`Openings::for_text`]).
fn lowers_to_one_of_opened(openings: &Openings, text: &str) -> bool {
    openings
        .for_text(text)
        .any(|w| strip_prefix_lowering_to(text, w).is_some_and(str::is_empty))
}

/// A list of lower-case words, with the words each ASCII first byte opens:
/// [`strip_prefix_lowering_to`] matches a text's ASCII first byte only to
/// its own lower case, so a text led by one can start with no other word,
/// and the rest of the list is not compared with it at all.
struct Openings {
    /// The words, in the list's order.
    words: &'static [&'static str],
    /// Bit `k` of entry `b`: word `k` starts with the ASCII byte `b`.
    by_first: [u64; 128],
}

impl Openings {
    /// The openings of `words` (at most 64 of them).
    const fn of(words: &'static [&'static str]) -> Openings {
        assert!(words.len() <= 64, "more words than a mask has bits");
        let mut by_first = [0u64; 128];
        let mut k = 0;
        while k < words.len() {
            if let [b, ..] = words[k].as_bytes()
                && b.is_ascii()
            {
                by_first[*b as usize] |= 1 << k;
            }
            k += 1;
        }
        Openings { words, by_first }
    }

    /// The words `text` may start with, lowered character by character,
    /// in the list's order: those its first byte, lowered, opens when
    /// that is ASCII; every word when it leads a longer character (which
    /// may lower to anything, the Kelvin sign to `k`); none when `text`
    /// is empty (no word is).
    fn for_text(&self, text: &str) -> impl Iterator<Item = &'static str> + use<> {
        let mut mask = match text.as_bytes().first() {
            Some(b) if b.is_ascii() => self
                .by_first
                .get(usize::from(b.to_ascii_lowercase()))
                .copied()
                .unwrap_or(0),
            Some(_) => u64::MAX,
            None => 0,
        };
        let words = self.words;
        std::iter::from_fn(move || {
            while mask != 0 {
                let k = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if let Some(w) = words.get(k) {
                    return Some(*w);
                }
            }
            None
        })
    }
}

/// [`PUBLICATION_WORDS`] by their first bytes.
const PUBLICATION_OPENINGS: Openings = Openings::of(PUBLICATION_WORDS);

/// [`NAVIGATION_LINES`] by their first bytes.
const NAVIGATION_OPENINGS: Openings = Openings::of(NAVIGATION_LINES);

/// The links that end an entry or a page, [`READ_MORE`] first, by their
/// first bytes.
const ENTRY_END_OPENINGS: Openings = Openings::of(&[READ_MORE, BACK_TO_HEADINGS]);

/// [`DOCUMENT_HEADERS`] by their first bytes.
const DOCUMENT_HEADER_OPENINGS: Openings = Openings::of(DOCUMENT_HEADERS);

/// [`SECTION_HEADERS`] by their first bytes.
const SECTION_HEADER_OPENINGS: Openings = Openings::of(SECTION_HEADERS);

/// The comment count in a footer such as `Lue lisää | 3 Kommenttia`: the
/// number before the first comment word that follows one. The words are
/// walked in place, two at a time, and compared without being lowered.
pub(crate) fn comment_count(text: &str) -> Option<u32> {
    let mut words = text
        .split(|c: char| is_space(c) || c == '|')
        .filter(|w| !w.is_empty());
    let mut before = words.next()?;
    for word in words {
        if lowers_to_one_of(COMMENT_WORDS, word)
            && let Ok(n) = before.parse()
        {
            return Some(n);
        }
        before = word;
    }
    None
}

/// Whether a short line is a photo credit: a credit word followed by at most
/// a few words (a name or an agency), e.g. `Idealamppu, kuva pexels`.
fn is_photo_credit(lower: &str) -> bool {
    const MAX_WORDS: usize = SHORT_LINE_WORDS;
    if lower.ends_with('.') {
        return false;
    }
    let words: Vec<&str> = lower
        .split(is_space)
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS + 1)
        .collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_start_matches(['(', ',']);
        is_one_of(PHOTO_CREDIT_WORDS, w) && words.len() - i - 1 <= 4 && words.len() - i > 1
    })
}

/// Whether `text` starts with the navigation link `word` (lower case), in
/// any case, alone or before a `|` (`Lue lisää | 0 Kommenttia`).
fn starts_with_navigation(text: &str, word: &str) -> bool {
    strip_prefix_lowering_to(text, word).is_some_and(|rest| {
        rest.trim_start_matches(is_space).is_empty()
            || rest.trim_start_matches(is_space).starts_with('|')
    })
}

/// `text` after a prefix that lowers to `word`, character for character,
/// without lowering the rest of a long line. Exact for words of plain
/// letters and spaces (no Σ, whose lower case depends on its neighbours).
///
/// Compared byte by byte while the text's bytes lower to the word's in
/// ASCII: an ASCII byte of the text is a whole character whose lower case
/// is one ASCII byte, and any other byte equal to the word's is the same
/// character as the word's, its own lower case (the words are lower case).
/// Only at a non-ASCII byte that differs (`Ä`, the Kelvin sign) are the
/// characters decoded and lowered.
#[inline(always)]
fn strip_prefix_lowering_to<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let bytes = text.as_bytes();
    for (j, &w) in word.as_bytes().iter().enumerate() {
        match bytes.get(j) {
            Some(&t) if t.to_ascii_lowercase() == w => {}
            Some(t) if !t.is_ascii() => return strip_prefix_lowering_to_by_chars(text, word),
            _ => return None,
        }
    }
    text.get(word.len()..)
}

/// [`strip_prefix_lowering_to`] for the lines its bytes do not
/// rule out: character by character.
fn strip_prefix_lowering_to_by_chars<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = text.chars();
    for want in word.chars() {
        let mut lower = chars.next()?.to_lowercase();
        if lower.next() != Some(want) || lower.next().is_some() {
            return None;
        }
    }
    Some(chars.as_str())
}

/// Most words of a line that may be a header or a photo credit; longer
/// lines are running text, and are not lowered to be compared.
const SHORT_LINE_WORDS: usize = 10;

/// Whether `text` has more than `n` words (runs of characters that are not
/// [`is_space`]).
///
/// Eight bytes at a time while they hold only ASCII and `ä`, `ö`, `å`
/// (lead byte `C3`: U+00C0–U+00FF holds no space, nor does any continuation
/// byte), where the spaces are the ASCII ones ([`ascii_space_bytes`]) and
/// the words starting are counted from them; eight bytes with any other
/// character are read a character at a time.
fn more_words_than(text: &str, n: usize) -> bool {
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether the byte before `at` ends a space (or `at` is the start).
    let mut after_space = true;
    let mut at = 0;
    while let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let word = u64::from_le_bytes(*eight);
        if other_lead_bytes(word) != 0 {
            // Up to the end of these eight bytes, a character at a time:
            // `at` stays on a char boundary.
            let end = at + 8;
            while at < end {
                let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                    return false;
                };
                let space = is_space(c);
                if !space && after_space {
                    words += 1;
                }
                after_space = space;
                at += c.len_utf8();
            }
        } else {
            let space = ascii_space_bytes(word);
            // A byte starts a word if it is no space and the byte before it is one.
            let before = (space << 8) | if after_space { 0x80 } else { 0 };
            let starts = !space & before & HIGH;
            words += starts.count_ones() as usize;
            after_space = space >> 56 != 0;
            at += 8;
            // The eight bytes may end inside an `ä`: its continuation byte
            // is no space, nor the start of a word.
            while bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80) {
                at += 1;
            }
        }
        if words > n {
            return true;
        }
    }
    for c in text.get(at..).unwrap_or_default().chars() {
        let space = is_space(c);
        if !space && after_space {
            words += 1;
        }
        after_space = space;
    }
    words > n
}

/// The high bit of every byte of `word` (eight bytes, little-endian) that is
/// an ASCII space of [`is_space`]: ` ` or `\t`..=`\r`.
fn ascii_space_bytes(word: u64) -> u64 {
    ascii_bytes_within(word, 0x09, 0x0D) | bytes_equal_to(word, b' ')
}

/// The high bit of every byte of `word` that leads a character other than
/// U+00C0–U+00FF (lead byte `C3`): the characters that may be spaces.
fn other_lead_bytes(word: u64) -> u64 {
    lead_bytes(word) & !bytes_equal_to(word, 0xC3)
}

/// A `Julkaistu 2.11.2020` line: a publication word, then a date.
///
/// The line's first word (up to a space or `:`) must lower to a
/// publication word: each word is stripped off the line in place and must
/// be followed by a space or `:`, rather than the first word being found
/// a character at a time and then compared (the words hold no space or
/// `:`, and no space or `:` lowers to a letter).
fn publication_line(line: &Line<'_>) -> Option<DateAt> {
    let text = line.text;
    let ends_word = |c: char| is_space(c) || c == ':';
    let after = PUBLICATION_OPENINGS.for_text(text).find_map(|w| {
        strip_prefix_lowering_to(text, w).filter(|rest| rest.starts_with(ends_word))
    })?;
    let rest = after.trim_start_matches(ends_word);
    let offset = text.len() - rest.len();
    let date = leading_date(rest)?;
    Some(DateAt {
        start: line.start + offset + date.span.start,
        end: line.start + offset + date.span.end,
        value: date.value,
    })
}

/// The marks before the name of a linked document (`> Muistio`).
const LINK_MARKS: [char; 3] = ['>', '›', '»'];

/// Whether `b` is the first byte of one of [`LINK_MARKS`] (`>`, and the
/// lead bytes of `›`, `E2`, and `»`, `C2`): most lines are turned away by
/// it before their first character is decoded and compared with each mark.
fn may_lead_link_mark(b: u8) -> bool {
    matches!(b, b'>' | 0xC2 | 0xE2)
}

/// The navigation link that ends a listing entry.
const READ_MORE: &str = "lue lisää";

/// The navigation link of a page footer.
const BACK_TO_HEADINGS: &str = "palaa otsikoihin";

/// The first two bytes of every word a furniture line starts with
/// ([`PUBLICATION_WORDS`], [`NAVIGATION_LINES`], [`READ_MORE`],
/// [`BACK_TO_HEADINGS`]), as one bit for each pair of ASCII bytes
/// ([`pair_bits`]).
const FURNITURE_PAIR_BITS: [u64; 256] = pair_bits(&[
    PUBLICATION_WORDS,
    NAVIGATION_LINES,
    &[READ_MORE, BACK_TO_HEADINGS],
]);

/// The first two bytes of every word of `lists` as one bit for each pair
/// of ASCII bytes (128 × 128 bits, [`pair_index`]): asking costs a shift
/// and a mask, where a list is compared entry by entry. A word whose first
/// two bytes are not both ASCII sets none.
const fn pair_bits(lists: &[&[&str]]) -> [u64; 256] {
    let mut bits = [0u64; 256];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            if let [a, b, ..] = lists[l][i].as_bytes()
                && a.is_ascii()
                && b.is_ascii()
            {
                let k = pair_index(*a, *b);
                bits[k / 64] |= 1 << (k % 64);
            }
            i += 1;
        }
        l += 1;
    }
    bits
}

/// The bit of the pair `a`, `b` (both ASCII) in a table of [`pair_bits`].
const fn pair_index(a: u8, b: u8) -> usize {
    (((a & 0x7F) as usize) << 7) | (b & 0x7F) as usize
}

/// Whether `text` may start with a publication word or a navigation link.
/// Those are lower case, and [`strip_prefix_lowering_to`] matches an ASCII
/// byte of the text only to its own lower case: a text whose first two
/// bytes are ASCII must start with a pair of [`FURNITURE_PAIR_BITS`]. Other texts
/// are let through.
fn may_be_furniture(text: &str) -> bool {
    may_start_with_a_pair_of(&FURNITURE_PAIR_BITS, text)
}

/// Whether the first two bytes of `text`, lowered, are a pair set in
/// `bits` ([`pair_index`]); a text whose first two bytes are not both
/// ASCII is let through.
fn may_start_with_a_pair_of(bits: &[u64; 256], text: &str) -> bool {
    match text.as_bytes() {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            let i = pair_index(a.to_ascii_lowercase(), b.to_ascii_lowercase());
            bits.get(i / 64)
                .is_some_and(|word| (word >> (i % 64)) & 1 != 0)
        }
        _ => true,
    }
}

/// The first two bytes of every [`DOCUMENT_HEADERS`] and
/// [`SECTION_HEADERS`] word ([`pair_bits`]).
const HEADER_PAIR_BITS: [u64; 256] = pair_bits(&[DOCUMENT_HEADERS, SECTION_HEADERS]);

/// Whether `text` may lower to one of the [`DOCUMENT_HEADERS`] or
/// [`SECTION_HEADERS`] (all lower case): a text whose first two bytes are
/// ASCII lowers to a word starting with them lowered, so the pair must be
/// a header's ([`HEADER_PAIR_BITS`]). Other texts are let through. Most
/// short lines (names, headings, dates with text) are turned away before
/// being compared with each header word.
fn may_be_header(text: &str) -> bool {
    may_start_with_a_pair_of(&HEADER_PAIR_BITS, text)
}

/// Whether the lower case of `text` may hold a photo credit word: each of
/// [`PHOTO_CREDIT_WORDS`] holds `uva`, and only `u`, `v` and `a` lower to
/// them, so the text must hold them in some case. Setting `0x20` takes
/// exactly the capital and the small ASCII letter to the small one. A fold
/// over three shifted views, without an early exit, is compiled to vector
/// instructions.
fn may_hold_credit_word(text: &str) -> bool {
    let [u, v, a] = CREDIT_MARK;
    let bytes = text.as_bytes();
    let (firsts, seconds, thirds) = (bytes, bytes.get(1..), bytes.get(2..));
    let (Some(seconds), Some(thirds)) = (seconds, thirds) else {
        return false;
    };
    firsts
        .iter()
        .zip(seconds)
        .zip(thirds)
        .fold(false, |any, ((&x, &y), &z)| {
            any | (((x | 0x20) == u) & ((y | 0x20) == v) & ((z | 0x20) == a))
        })
}

/// What every photo credit word holds, in lower case.
const CREDIT_MARK: [u8; 3] = *b"uva";

/// Classifies one trimmed line.
///
/// The furniture words are looked for only when the first two bytes allow
/// them ([`may_be_furniture`]); a line ending in a full stop is no header
/// and no photo credit; headers are compared without lowering the line.
pub(crate) fn classify(line: &Line<'_>) -> LineKind {
    let text = line.text;
    if text.is_empty() {
        return LineKind::Blank;
    }
    // Every date `leading_date` reads starts with an ASCII digit.
    if text.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && let Some(date) = leading_date(text)
    {
        let after = &text[date.span.end..];
        let rest = after.trim_start_matches(is_space);
        let date = DateAt {
            start: line.start + date.span.start,
            end: line.start + date.span.end,
            value: date.value,
        };
        let rest = (!rest.is_empty()).then(|| line.end() - rest.len());
        return LineKind::Date { date, rest };
    }
    let furniture = may_be_furniture(text);
    if furniture && let Some(date) = publication_line(line) {
        return LineKind::Published { date };
    }
    if text
        .as_bytes()
        .first()
        .is_some_and(|&b| may_lead_link_mark(b))
        && let Some(name) = text.strip_prefix(LINK_MARKS)
    {
        let name = name.trim_start_matches(is_space);
        if !name.is_empty() {
            return LineKind::DocumentLink {
                name: line.end() - name.len(),
            };
        }
    }
    if furniture && let Some(kind) = navigation(text) {
        return kind;
    }
    // Headers and photo credits are short and end in no full stop: a
    // paragraph is text.
    if text.ends_with('.') || more_words_than(text, SHORT_LINE_WORDS) {
        return LineKind::Text;
    }
    let bare = text.trim_end_matches(':');
    if may_be_header(bare) {
        if lowers_to_one_of_opened(&DOCUMENT_HEADER_OPENINGS, bare) {
            return LineKind::DocumentHeader;
        }
        if lowers_to_one_of_opened(&SECTION_HEADER_OPENINGS, bare) {
            return LineKind::Section;
        }
    }
    if may_hold_credit_word(text) && is_photo_credit(&text.to_lower()) {
        return LineKind::PhotoCredit;
    }
    LineKind::Text
}

/// The navigation line `text` is, if it is one: the end of an entry, the
/// page footer, or other navigation residue. Only the links its first
/// byte may open are compared with it ([`Openings`]).
fn navigation(text: &str) -> Option<LineKind> {
    if let Some(end) = ENTRY_END_OPENINGS
        .for_text(text)
        .find(|w| starts_with_navigation(text, w))
    {
        let comments = comment_count(text);
        return Some(if end == READ_MORE {
            LineKind::ReadMore { comments }
        } else {
            LineKind::Footer { comments }
        });
    }
    NAVIGATION_OPENINGS
        .for_text(text)
        .any(|w| starts_with_navigation(text, w))
        .then_some(LineKind::Navigation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::zero_bytes;
    use proptest::prelude::*;

    /// [`classify`] and its helpers as they were before the byte-level
    /// shortcuts: every line tried for a date, every first word lowered,
    /// every navigation word compared character by character, and words
    /// counted by splitting. The oracle of [`classify_agrees_with_the_plain_one`].
    mod plain {
        use super::super::*;

        fn strip_prefix_lowering_to<'a>(text: &'a str, word: &str) -> Option<&'a str> {
            let mut chars = text.chars();
            for want in word.chars() {
                let mut lower = chars.next()?.to_lowercase();
                if lower.next() != Some(want) || lower.next().is_some() {
                    return None;
                }
            }
            Some(chars.as_str())
        }

        fn starts_with_navigation(text: &str, word: &str) -> bool {
            strip_prefix_lowering_to(text, word).is_some_and(|rest| {
                rest.trim_start_matches(is_space).is_empty()
                    || rest.trim_start_matches(is_space).starts_with('|')
            })
        }

        pub(super) fn comment_count(text: &str) -> Option<u32> {
            let words: Vec<&str> = text
                .split(|c: char| is_space(c) || c == '|')
                .filter(|w| !w.is_empty())
                .collect();
            words.windows(2).find_map(|w| {
                if is_one_of(COMMENT_WORDS, &w[1].to_lower()) {
                    w[0].parse().ok()
                } else {
                    None
                }
            })
        }

        pub(super) fn more_words_than(text: &str, n: usize) -> bool {
            text.split(is_space)
                .filter(|w| !w.is_empty())
                .nth(n)
                .is_some()
        }

        fn publication_line(line: &Line<'_>) -> Option<DateAt> {
            let text = line.text;
            let word_end = text.find(|c: char| is_space(c) || c == ':')?;
            if !PUBLICATION_WORDS.contains(&text[..word_end].to_lower().as_str()) {
                return None;
            }
            let rest = text[word_end..].trim_start_matches(|c: char| is_space(c) || c == ':');
            let offset = text.len() - rest.len();
            let date = leading_date(rest)?;
            Some(DateAt {
                start: line.start + offset + date.span.start,
                end: line.start + offset + date.span.end,
                value: date.value,
            })
        }

        pub(super) fn classify(line: &Line<'_>) -> LineKind {
            let text = line.text;
            if text.is_empty() {
                return LineKind::Blank;
            }
            if let Some(date) = leading_date(text) {
                let after = &text[date.span.end..];
                let rest = after.trim_start_matches(is_space);
                let date = DateAt {
                    start: line.start + date.span.start,
                    end: line.start + date.span.end,
                    value: date.value,
                };
                let rest = (!rest.is_empty()).then(|| line.end() - rest.len());
                return LineKind::Date { date, rest };
            }
            if let Some(date) = publication_line(line) {
                return LineKind::Published { date };
            }
            if let Some(name) = text.strip_prefix(['>', '›', '»']) {
                let name = name.trim_start_matches(is_space);
                if !name.is_empty() {
                    return LineKind::DocumentLink {
                        name: line.end() - name.len(),
                    };
                }
            }
            if starts_with_navigation(text, "lue lisää") {
                return LineKind::ReadMore {
                    comments: comment_count(text),
                };
            }
            if starts_with_navigation(text, "palaa otsikoihin") {
                return LineKind::Footer {
                    comments: comment_count(text),
                };
            }
            if NAVIGATION_LINES
                .iter()
                .any(|w| starts_with_navigation(text, w))
            {
                return LineKind::Navigation;
            }
            if more_words_than(text, SHORT_LINE_WORDS) {
                return LineKind::Text;
            }
            let lower = text.to_lower();
            let bare = lower.trim_end_matches(':');
            if is_one_of(DOCUMENT_HEADERS, bare) {
                return LineKind::DocumentHeader;
            }
            if is_one_of(SECTION_HEADERS, bare) {
                return LineKind::Section;
            }
            if is_photo_credit(&lower) {
                return LineKind::PhotoCredit;
            }
            LineKind::Text
        }
    }

    /// Pieces of page lines: furniture words in several cases (and with a
    /// Kelvin sign for `k`, an `İ` whose lower case is two characters, a
    /// `Σ`), dates, numbers, bars, every kind of space, Finnish letters,
    /// dashes and characters of two, three and four bytes.
    const PIECES: &[&str] = &[
        "Lue lisää",
        "LUE LISÄÄ",
        "lue",
        "lisää",
        "Palaa otsikoihin",
        "palaa",
        "otsikoihin",
        "Ei kommentteja",
        "Kommentoi",
        "KOMMENTOI",
        "\u{212a}ommentoi",
        "Jaa",
        "Tulosta",
        "Takaisin",
        "Sivun alkuun",
        "|",
        " | ",
        "0",
        "1",
        "12",
        "3x",
        "Kommenttia",
        "kommentti",
        "KOMMENTIT",
        "\u{212a}ommenttia",
        "Kommenttiaa",
        "Julkaistu",
        "julkaisupäivä:",
        "Päivitetty",
        "JULKAISTU:",
        "Uutinen",
        "4.10.2017",
        "2.11.2020",
        "3.–4.6.2019",
        "2019-03-05",
        "17.4.",
        "klo",
        "10.15",
        "Muistiot",
        "Muistiot:",
        "PÖYTÄKIRJAT",
        "Ajankohtaista",
        "Uusimmat kokousaineistot",
        "kuva",
        "Kuva:",
        "(kuva",
        ",kuva",
        "kuvaaja",
        "Liisa",
        "Aaltonen",
        "pexels",
        "> ",
        "›",
        "»",
        ".",
        ":",
        "-",
        "–",
        " ",
        " ",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "\u{feff}",
        "\u{200b}",
        "\u{85}",
        "\u{1680}",
        "\u{202f}",
        "ä",
        "ö",
        "å",
        "Ä",
        "Ö",
        "Å",
        "é",
        "€",
        "”",
        "\u{1F600}",
        "İ",
        "Σ",
        "a\u{308}",
        "sosiaali- ja terveyspalvelut",
        "hyvinvointialue",
        "äänestys",
        "Kunta",
        "x",
        "kuvat:",
        "KUVAAJA",
        "kuva/",
        "Muistio",
        "Etusivu",
        "uva",
        "UvA",
        "Liite.",
        "Tiedote.",
    ];

    /// A line of pieces, by index.
    fn line_of(picks: &[usize]) -> String {
        picks.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
    }

    /// How generated lines start: nothing, or page furniture in some case.
    const OPENINGS: &[&str] = &[
        "",
        "",
        "Muistio",
        "LIITE:",
        "Blogi",
        "etusivu",
        "UUTINEN",
        "Muistiinpanot",
        "Asiat",
        "Bl",
        "u",
        "Lue lisää",
        "LUE LISÄÄ",
        "lue lisää",
        "Lue\u{a0}lisää",
        "Lue lisäät",
        "Palaa otsikoihin",
        "PALAA OTSIKOIHIN",
        "Ei kommentteja",
        "\u{212a}ommentoi",
        "Kommentoi",
        "Jaa",
        "JAA",
        "Tulosta",
        "Takaisin",
        "Sivun alkuun",
        "Sivun",
        "Julkaistu",
        "julkaistu:",
        "Julkaisupäivä",
        "Tiedote",
        "4.10.2017",
        "17.4.",
        "2019-03-05",
        "> ",
        "Muistiot",
        "Kuva:",
        "kuva",
        "Lue",
        "Lue lisÄä",
        "Lue lis",
        "Palaa Otsikoihin",
        "Muistiot",
        "PÖYTÄKIRJAT:",
        "Pöytäkirja:",
        "Uusimmat kokousaineistot",
        "UUSIMMAT KOKOUSAINEISTOT:",
        "Tiedotteet",
        "Ajankohtaista",
        "\u{212a}okousaineistot",
        "Kuvaaja",
        "\u{212a}uva",
        "KUVA:",
        "Idealamppu, kuva",
        "Päivitetty",
        "PUBLISHED",
        "İlmoitus",
        "Σ",
    ];

    /// [`strip_prefix_lowering_to`] takes a byte equal to the word's as
    /// its own lower case: every word it is asked of is lower case.
    #[test]
    fn navigation_words_are_their_own_lower_case() {
        let lists = [
            NAVIGATION_LINES,
            COMMENT_WORDS,
            PUBLICATION_WORDS,
            &["lue lisää", "palaa otsikoihin"],
        ];
        for word in lists.iter().flat_map(|l| l.iter()) {
            assert_eq!(word.to_lowercase(), *word);
        }
    }

    /// Words and separators of footers (`Lue lisää | 3 Kommenttia`).
    const FOOTER_WORDS: &[&str] = &[
        "0",
        "1",
        "12",
        "x",
        "Kommenttia",
        "kommentti",
        "KOMMENTIT",
        "\u{212a}ommenttia",
        "Kommentteja",
        "Kommentoi",
        "Lue",
        "lisää",
        "İ",
        "Σ",
    ];
    const FOOTER_GAPS: &[&str] = &[" ", " | ", "|", "\u{a0}", "\t", " |", "", "  "];

    /// A line of footer words and gaps, by index.
    fn footer_of(picks: &[(usize, usize)]) -> String {
        let mut line = String::new();
        for &(word, gap) in picks {
            line.push_str(FOOTER_WORDS[word % FOOTER_WORDS.len()]);
            line.push_str(FOOTER_GAPS[gap % FOOTER_GAPS.len()]);
        }
        line
    }

    proptest! {
        #[test]
        fn classify_agrees_with_the_plain_one(
            opening in 0usize..1000,
            footer in proptest::collection::vec((0usize..100, 0usize..100), 0..5),
            picks in proptest::collection::vec(0usize..1000, 0..24),
            start in 0usize..1000,
        ) {
            // An opening, a gap, maybe a date, then a footer's bar and
            // counts, or running pieces, or both.
            const GAPS: &[&str] = &[" ", " | ", ": ", ":", "", "\u{a0}", "  "];
            const DATES: &[&str] = &["", "", "2.11.2020 klo 10.15", "3.–4.6.2019", "17.4.", "1.2.20189"];
            let mut raw = OPENINGS[opening % OPENINGS.len()].to_string();
            raw.push_str(GAPS[opening / 30 % GAPS.len()]);
            raw.push_str(DATES[start / 7 % DATES.len()]);
            raw.push_str(&footer_of(&footer));
            if start % 3 != 0 {
                raw.push_str(&line_of(&picks));
            }
            for text in [raw.as_str(), raw.trim_matches(is_space)] {
                let line = Line { text, start };
                prop_assert_eq!(classify(&line), plain::classify(&line), "{:?}", text);
            }
        }

        #[test]
        fn comment_count_agrees_with_the_plain_one(
            footer in proptest::collection::vec((0usize..100, 0usize..100), 0..8),
        ) {
            let text = footer_of(&footer);
            prop_assert_eq!(comment_count(&text), plain::comment_count(&text), "{:?}", text);
        }

        #[test]
        fn more_words_than_agrees_with_splitting(
            picks in proptest::collection::vec(0usize..1000, 0..40),
            n in 0usize..16,
        ) {
            let text = line_of(&picks);
            prop_assert_eq!(
                more_words_than(&text, n),
                plain::more_words_than(&text, n),
                "{:?} {}", text, n
            );
        }

        #[test]
        fn more_words_than_agrees_on_any_characters(
            text in "[a-zäöÅ0-9 \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200b}\u{2028}\u{2029}\u{202f}\u{205f}\u{2060}\u{3000}\u{feff}\u{c0}-\u{ff}\u{100}-\u{17f}–€\u{1F600}]{0,60}",
            n in 0usize..16,
        ) {
            prop_assert_eq!(
                more_words_than(&text, n),
                plain::more_words_than(&text, n),
                "{:?} {}", text, n
            );
        }
    }

    /// Each list with its openings.
    const OPENED_LISTS: [(&Openings, &[&str]); 5] = [
        (&PUBLICATION_OPENINGS, PUBLICATION_WORDS),
        (&NAVIGATION_OPENINGS, NAVIGATION_LINES),
        (&ENTRY_END_OPENINGS, &[READ_MORE, BACK_TO_HEADINGS]),
        (&DOCUMENT_HEADER_OPENINGS, DOCUMENT_HEADERS),
        (&SECTION_HEADER_OPENINGS, SECTION_HEADERS),
    ];

    proptest! {
        /// Every word of a list that a line starts with, lowered character
        /// by character, is among the words its first byte opens, and those
        /// come in the list's order: asking only them finds what asking
        /// every word found, first the same one.
        #[test]
        fn openings_hold_every_word_a_line_starts_with(
            opening in 0usize..1000,
            picks in proptest::collection::vec(0usize..1000, 0..6),
        ) {
            let mut text = OPENINGS[opening % OPENINGS.len()].to_string();
            text.push_str(&line_of(&picks));
            for (openings, words) in OPENED_LISTS {
                let opened: Vec<&str> = openings.for_text(&text).collect();
                for w in words {
                    if strip_prefix_lowering_to(&text, w).is_some() {
                        prop_assert!(opened.contains(w), "{:?} {:?}", text, w);
                    }
                }
                let in_order: Vec<&str> =
                    words.iter().copied().filter(|w| opened.contains(w)).collect();
                prop_assert_eq!(opened, in_order, "{:?}", text);
            }
        }
    }

    /// A line led by an ASCII byte is offered just the words opening with
    /// that byte lowered (each word its own, in capitals too); one led by
    /// a longer character every word; an empty one none.
    #[test]
    fn openings_offer_the_words_of_the_first_byte() {
        for (openings, words) in OPENED_LISTS {
            for w in words {
                for text in [w.to_string(), w.to_uppercase()] {
                    let opened: Vec<&str> = openings.for_text(&text).collect();
                    assert!(opened.contains(w), "{text}");
                    let first = w.as_bytes()[0];
                    assert!(
                        !first.is_ascii() || opened.iter().all(|o| o.as_bytes()[0] == first),
                        "{text}"
                    );
                }
            }
            assert_eq!(openings.for_text("\u{212a}").count(), words.len());
            assert_eq!(openings.for_text("").count(), 0);
            assert_eq!(openings.for_text("#").count(), 0);
        }
    }

    #[test]
    fn byte_masks_mark_each_byte_exactly() {
        for b in 0..=u8::MAX {
            for filler in [
                0x00, 0x09, 0x0D, 0x20, 0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xFF,
            ] {
                for lane in 0..8 {
                    let mut eight = [filler; 8];
                    eight[lane] = b;
                    let word = u64::from_le_bytes(eight);
                    let (space, other) = (ascii_space_bytes(word), other_lead_bytes(word));
                    let zero = zero_bytes(word);
                    for (i, &byte) in eight.iter().enumerate() {
                        let bit = |mask: u64| mask >> (8 * i) & 0xFF;
                        let want = |holds: bool| if holds { 0x80 } else { 0 };
                        let ascii_space = byte.is_ascii() && is_space(char::from(byte));
                        assert_eq!(
                            bit(space),
                            want(ascii_space),
                            "space {byte:#x} in {eight:x?}"
                        );
                        assert_eq!(
                            bit(other),
                            want(byte >= 0xC0 && byte != 0xC3),
                            "lead {byte:#x} in {eight:x?}"
                        );
                        assert_eq!(bit(zero), want(byte == 0), "zero {byte:#x} in {eight:x?}");
                    }
                }
            }
        }
    }

    #[test]
    fn latin1_supplement_holds_no_space() {
        // `more_words_than` passes over `C3` characters as word characters.
        assert!(('\u{c0}'..='\u{ff}').all(|c| !is_space(c)));
    }

    #[test]
    fn furniture_words_are_plain_lower_case() {
        // `lowers_to_one_of` compares character by character, which is the
        // lowering of the whole word only for words without `σ`/`ς`.
        for w in PUBLICATION_WORDS.iter().chain(COMMENT_WORDS) {
            assert!(
                !w.is_empty() && w.chars().all(|c| c.is_lowercase() && c != 'σ' && c != 'ς'),
                "{w}"
            );
        }
    }

    #[test]
    fn headers_are_short_lines_and_navigation_plain_letters() {
        for h in DOCUMENT_HEADERS.iter().chain(SECTION_HEADERS) {
            assert!(h.split(' ').count() <= SHORT_LINE_WORDS, "{h}");
        }
        for w in NAVIGATION_LINES
            .iter()
            .chain(&[READ_MORE, BACK_TO_HEADINGS])
            .chain(DOCUMENT_HEADERS)
            .chain(SECTION_HEADERS)
        {
            assert!(
                w.chars().all(|c| c == ' ' || c.is_lowercase()) && !w.contains('σ'),
                "{w}"
            );
        }
    }

    /// `classify` calls a line that ends in a full stop text before it
    /// compares headers, and asks for a photo credit only in a line that
    /// holds [`CREDIT_MARK`].
    #[test]
    fn headers_end_in_no_full_stop_and_credit_words_hold_the_mark() {
        for h in DOCUMENT_HEADERS.iter().chain(SECTION_HEADERS) {
            assert!(!h.ends_with(['.', ':']), "{h}");
        }
        for w in PHOTO_CREDIT_WORDS {
            assert!(w.as_bytes().windows(3).any(|x| x == CREDIT_MARK), "{w}");
        }
        assert!(may_hold_credit_word("Kajaanin kaupungintalo, KUVA Heikki"));
        assert!(may_hold_credit_word("UvA"));
        assert!(!may_hold_credit_word("Kuv a, kuV"));
        assert!(!may_hold_credit_word("uv"));
    }

    /// Every furniture word of two ASCII first bytes gives its pair.
    #[test]
    fn furniture_pairs_hold_every_ascii_opening() {
        for w in PUBLICATION_WORDS.iter().chain(NAVIGATION_LINES) {
            assert!(may_be_furniture(w), "{w}");
            assert!(may_be_furniture(&w.to_uppercase()), "{w}");
        }
        assert!(!may_be_furniture("Hyvinvointialue"));
        assert!(may_be_furniture("Ä"));
    }

    /// Every link mark's first byte passes [`may_lead_link_mark`], and
    /// each mark makes a link.
    #[test]
    fn every_link_mark_makes_a_link() {
        for mark in LINK_MARKS {
            let mut lead = [0; 4];
            assert!(may_lead_link_mark(
                mark.encode_utf8(&mut lead).as_bytes()[0]
            ));
            let line = format!("{mark} Muistio");
            assert_eq!(
                kind(&line),
                LineKind::DocumentLink {
                    name: mark.len_utf8() + 1
                },
                "{line}"
            );
        }
    }

    #[test]
    fn navigation_prefixes_in_any_case() {
        assert!(starts_with_navigation(
            "LUE LISÄÄ | 2 kommenttia",
            "lue lisää"
        ));
        assert!(starts_with_navigation(
            "Palaa otsikoihin",
            "palaa otsikoihin"
        ));
        assert!(!starts_with_navigation("Lue lisää hankkeesta", "lue lisää"));
        assert!(!starts_with_navigation("Lue\u{a0}lisää", "lue lisää"));
        assert!(!starts_with_navigation("Lue", "lue lisää"));
    }

    fn kind(text: &str) -> LineKind {
        classify(&Line { text, start: 0 })
    }

    #[test]
    fn furniture_lines() {
        assert_eq!(
            kind("Lue lisää | 2 Kommenttia"),
            LineKind::ReadMore { comments: Some(2) }
        );
        assert_eq!(kind("Lue lisää"), LineKind::ReadMore { comments: None });
        assert_eq!(
            kind("Palaa otsikoihin | 1 Kommentti | Kommentoi"),
            LineKind::Footer { comments: Some(1) }
        );
        assert_eq!(kind("Ei kommentteja"), LineKind::Navigation);
        assert_eq!(kind("Pöytäkirjat"), LineKind::DocumentHeader);
        assert_eq!(kind("Muistiot:"), LineKind::DocumentHeader);
        assert_eq!(kind("Tiedotteet"), LineKind::Section);
        assert_eq!(kind("> Muistio 4/2019"), LineKind::DocumentLink { name: 2 });
        assert_eq!(
            kind("Kajaanin kaupungintalo, kuva Heikki Rautio"),
            LineKind::PhotoCredit
        );
        assert_eq!(kind("Kuva: Pirkanmaan liitto"), LineKind::PhotoCredit);
    }

    #[test]
    fn text_that_looks_like_furniture_is_text() {
        assert_eq!(kind("Lue lisää hankkeen sivuilta."), LineKind::Text);
        assert_eq!(
            kind("Muistiot julkaistaan viikon kuluessa."),
            LineKind::Text
        );
        assert_eq!(
            kind(
                "Kuva tilanteesta tarkentuu, kun kunnat ovat antaneet lausuntonsa ja työryhmät ovat kokoontuneet."
            ),
            LineKind::Text
        );
    }

    #[test]
    fn date_lines_keep_source_offsets() {
        let line = Line {
            text: "4.10.2017Talousryhmän kokous",
            start: 100,
        };
        match classify(&line) {
            LineKind::Date { date, rest } => {
                assert_eq!((date.start, date.end), (100, 109));
                assert_eq!(rest, Some(109));
            }
            other => panic!("{other:?}"),
        }
    }
}
