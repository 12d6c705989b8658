//! Words with their offsets, and the gaps (space, punctuation) between them.

use super::space::is_space;

/// One word of a text: letters, digits, combining marks, and the joiners
/// that Finnish names keep inside a word (`sote-uudistus`, `I&O-kärkihanke`,
/// `STM:n`, `Oy:n`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// The word as written.
    pub(crate) text: &'a str,
    /// Byte offset of the word in the text.
    pub(crate) start: usize,
    /// What stands between the previous word (or the start) and this one.
    pub(crate) gap: &'a str,
}

impl Word<'_> {
    /// Byte offset one past the word.
    pub(crate) fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether the word begins with an upper-case letter.
    pub(crate) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether only space separates this word from the one before it, so the
    /// two can belong to one phrase (no comma, full stop, bracket or dash).
    pub(crate) fn follows_closely(&self) -> bool {
        !self.gap.is_empty() && self.gap.chars().all(is_space)
    }

    /// Whether the gap before this word ends a sentence or a line (or the
    /// word starts the text), so a capital letter says nothing.
    pub(crate) fn starts_sentence(&self) -> bool {
        self.start == self.gap.len()
            || self.gap.chars().any(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '\n' | '\r' | ':' | '–' | '—' | '•' | '|'
                )
            })
    }
}

/// [`char::is_alphanumeric`], with ASCII, Latin-1 and the general
/// punctuation and currency signs (the dashes, quotes, `…` and `€` of the
/// text) told without the Unicode tables: the scanners ask it of nearly
/// every character, and the tables cost two searches (letters, then
/// numbers) of each character outside ASCII.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphanumeric(),
        // The Latin-1 letters and numbers (`²`, `½`).
        '\u{80}'..='\u{FF}' => matches!(
            c,
            'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'
        ),
        // General punctuation and currency signs: no letters or numbers.
        '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// [`char::is_alphabetic`], with ASCII, Latin-1 and the general
/// punctuation and currency signs told without the Unicode tables.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        '\0'..='\u{7F}' => c.is_ascii_alphabetic(),
        // The Latin-1 letters.
        '\u{80}'..='\u{FF}' => matches!(c, 'ª' | 'µ' | 'º' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'),
        // General punctuation and currency signs: no letters or numbers.
        '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}' => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is part of a word: a letter, a digit or a combining mark.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    is_alphanumeric(c) || is_combining(c)
}

/// Combining marks (`a` + U+0308) stay with their letter.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// A joiner (`-`, `&`, `:`) belongs to a word when a word character follows
/// it directly and one precedes it (`sote-uudistus`, `STM:n`), or, for a
/// hyphen, when it opens a word after a space (`Uusimaa 2019 -hanke`).
/// The rule of [`words_by_chars`]; [`word_start`] and [`word_end`] apply it
/// knowing which side of a word they are on.
#[cfg(test)]
fn joins(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let next_is_word = next.is_some_and(is_word_char);
    match c {
        '-' | '\u{2011}' => next_is_word,
        '&' | ':' | '\'' | '’' => next_is_word && prev.is_some_and(is_word_char),
        _ => false,
    }
}

/// The character at byte `i` of `text`, if one starts there; ASCII
/// without decoding.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        text.get(i..)?.chars().next()
    }
}

/// Every word of `text`, left to right, in one pass.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let (mut rest, mut offset) = (text, 0);
    while let Some((word, after)) = next_word(rest, offset) {
        offset = word.end();
        rest = after;
        out.push(word);
    }
    out
}

/// [`words`] as it was, each word and gap sliced out of the whole text
/// ([`word_after`]): the oracle its test compares with.
#[cfg(test)]
fn words_by_offsets(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut gap_start = 0;
    while let Some(word) = word_after(text, gap_start) {
        gap_start = word.end();
        out.push(word);
    }
    out
}

/// The words of a text one by one (see [`words`]): a rule that reads the
/// first few words of a long stretch stops there.
pub(crate) struct Words<'t> {
    /// The text after the last word (all of it before the first).
    rest: &'t str,
    /// Where `rest` starts in the text: one past the last word.
    offset: usize,
}

impl<'t> Words<'t> {
    /// The words of `text`.
    pub(crate) fn new(text: &'t str) -> Self {
        Words {
            rest: text,
            offset: 0,
        }
    }
}

impl<'t> Iterator for Words<'t> {
    type Item = Word<'t>;

    #[inline]
    fn next(&mut self) -> Option<Word<'t>> {
        let (word, after) = next_word(self.rest, self.offset)?;
        self.offset = word.end();
        self.rest = after;
        Some(word)
    }
}

/// The first word of `rest`, a text's tail from byte `offset`, with the
/// gap before it, and the text after it. The scans of [`word_start`] and
/// [`word_end`] read only forward, so they read `rest` as they read the
/// whole text; `rest` is cut at the word's two ends, one boundary check
/// each, where slicing the word and its gap out of the whole text
/// (`word_after`) checked both ends of each.
#[inline(always)]
fn next_word(rest: &str, offset: usize) -> Option<(Word<'_>, &str)> {
    let (start, first_end) = word_start(rest, 0)?;
    let end = word_end(rest, first_end);
    let (gap, tail) = rest.split_at_checked(start)?;
    let (text, after) = tail.split_at_checked(end.checked_sub(start)?)?;
    let word = Word {
        text,
        start: offset + start,
        gap,
    };
    Some((word, after))
}

/// The first word of `text` at or after byte `gap_start`, with the gap
/// from `gap_start` to it.
#[cfg(test)]
fn word_after(text: &str, gap_start: usize) -> Option<Word<'_>> {
    let (start, first_end) = word_start(text, gap_start)?;
    let end = word_end(text, first_end);
    Some(Word {
        text: text.get(start..end)?,
        start,
        gap: text.get(gap_start..start)?,
    })
}

/// How the scan of [`words`] takes a byte without decoding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum ByteKind {
    /// Inside a word, stays in it: an ASCII letter or digit, the lead byte
    /// `0xC3` of U+00C0–U+00FF, or a continuation byte but `0x97` and
    /// `0xB7`. A word is walked from a character boundary and leaves at
    /// any other lead byte, so the only continuation bytes it meets are
    /// the second bytes of `C3` characters: the Latin-1 letters of Finnish
    /// (`ä`, `ö`, `å`, `Ä`…) and of names (`é`, `ü`), all of U+00C0–U+00FF
    /// but `×` (`C3 97`) and `÷` (`C3 B7`). Zero, so that [`stay_run`]
    /// tells four bytes at once by OR-ing their kinds.
    Stay = 0,
    /// Any other ASCII byte (space, punctuation, control characters):
    /// never in a word.
    Gap,
    /// The rest (`-`, `&`, `:`, `'`, other lead bytes, `0x97`, `0xB7`):
    /// decoded and asked.
    Ask,
}

/// [`ByteKind`] of every byte: most of a text is told by one look-up a
/// byte.
static BYTE_KINDS: [ByteKind; 256] = byte_kinds();

/// Builds [`BYTE_KINDS`].
const fn byte_kinds() -> [ByteKind; 256] {
    let mut kinds = [ByteKind::Ask; 256];
    let mut b: u8 = 0;
    while b < 0x80 {
        if b.is_ascii_alphanumeric() {
            kinds[b as usize] = ByteKind::Stay;
        } else if !matches!(b, b'-' | b'&' | b':' | b'\'') {
            kinds[b as usize] = ByteKind::Gap;
        }
        b += 1;
    }
    while b < 0xC0 {
        if latin1_letter(b) {
            kinds[b as usize] = ByteKind::Stay;
        }
        b += 1;
    }
    kinds[0xC3] = ByteKind::Stay;
    kinds
}

/// The kind of byte `b`.
#[inline(always)]
fn kind(b: u8) -> ByteKind {
    BYTE_KINDS[usize::from(b)]
}

/// Whether the character `0xC3, second` encodes is a letter: all of
/// U+00C0–U+00FF are but `×` and `÷`. Lets a byte scanner take `ä`, `ö`
/// and `å` as word characters without decoding them.
#[inline]
pub(crate) const fn latin1_letter(second: u8) -> bool {
    matches!(second, 0x80..=0xBF) && !matches!(second, 0x97 | 0xB7)
}

/// Where the first word at or after byte `i` of `text` starts, if one
/// does, and where its first character ends. Between words no character
/// before matters: the one before is no word character, so only a word
/// character or a hyphen before one opens a word (`&`, `:` and apostrophes
/// need a word character on both sides).
#[inline(always)]
fn word_start(text: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    loop {
        let b = *bytes.get(i)?;
        match kind(b) {
            ByteKind::Gap => i += 1,
            ByteKind::Stay if b.is_ascii() => return Some((i, i + 1)),
            _ => match opens_word(text, i)? {
                Ok(at) => return Some(at),
                Err(after) => i = after,
            },
        }
    }
}

/// Whether the character at byte `i` of `text` (one the byte table does
/// not tell) opens a word: `Ok` with where the word starts and its first
/// character ends, or `Err` with where the character ends. Out of line,
/// so the scan's loop over plain bytes keeps its registers.
#[inline(never)]
fn opens_word(text: &str, i: usize) -> Option<Result<(usize, usize), usize>> {
    let c = char_at(text, i)?;
    let after = i + c.len_utf8();
    let hyphen = matches!(c, '-' | '\u{2011}');
    if is_word_char(c) || (hyphen && char_at(text, after).is_some_and(is_word_char)) {
        return Some(Ok((i, after)));
    }
    Some(Err(after))
}

/// Where the word whose first character ends at byte `i` of `text` ends.
/// Inside a word the character before a joiner is always a word character
/// (a joiner needs one after it), so a joiner stays when a word character
/// follows.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits, and Latin-1 letters, by the byte table.
        i = stay_run(bytes, i);
        match bytes.get(i) {
            Some(&b) if kind(b) == ByteKind::Ask => match continues_word(text, i) {
                Ok(after) => i = after,
                Err(end) => return end,
            },
            _ => return i,
        }
    }
}

/// Where the run of [`ByteKind::Stay`] bytes from byte `i` of `bytes`
/// ends: four at a time while all four are (their kinds OR-ed to zero),
/// then a byte at a time. A word is some eight bytes long: most of it is
/// taken in one or two steps of four, where a step a byte cost a bound
/// check, a look-up and a comparison each.
#[inline(always)]
fn stay_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&[a, b, c, d]) = bytes
        .get(i..i.wrapping_add(4))
        .and_then(<[u8]>::first_chunk::<4>)
        && (kind(a) as u8 | kind(b) as u8 | kind(c) as u8 | kind(d) as u8) == ByteKind::Stay as u8
    {
        i += 4;
    }
    while let Some(&b) = bytes.get(i)
        && kind(b) == ByteKind::Stay
    {
        i += 1;
    }
    i
}

/// [`stay_run`] a byte at a time, as [`word_end`] read the run before:
/// the oracle its test compares with.
#[cfg(test)]
fn stay_run_by_bytes(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i)
        && kind(b) == ByteKind::Stay
    {
        i += 1;
    }
    i
}

/// Whether the word goes on at byte `i` of `text`, where the byte table
/// stopped on a byte it does not tell: `Ok` with where the character
/// there ends, or `Err` with where the word ends. Out of line, as few
/// words meet such a byte.
#[inline(never)]
fn continues_word(text: &str, i: usize) -> Result<usize, usize> {
    if text.as_bytes().get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
        // The second byte of `×` or `÷`, whose `C3` the run took: no
        // word character and no joiner, the word ends before it.
        return Err(i.saturating_sub(1));
    }
    let Some(c) = char_at(text, i) else {
        return Err(i);
    };
    let after = i + c.len_utf8();
    let joined = is_joiner(c) && char_at(text, after).is_some_and(is_word_char);
    if is_word_char(c) || joined {
        Ok(after)
    } else {
        Err(i)
    }
}

/// The character-by-character scan of [`Words::next`] that the byte table
/// replaced, kept word for word (collecting instead of yielding) as the
/// oracle its tests compare with.
#[cfg(test)]
fn words_by_chars(text: &str) -> Vec<Word<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut prev, mut gap_start, mut word_start, mut i) = (None, 0, None, 0);
    while let Some(c) = char_at(text, i) {
        let at = i;
        if word_start.is_some() && c.is_ascii_alphanumeric() {
            let run = bytes[at..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - at);
            i += run;
            prev = Some(char::from(bytes[i - 1]));
            continue;
        }
        let in_word = if c.is_ascii() && !c.is_ascii_alphanumeric() && !is_joiner(c) {
            false
        } else {
            is_word_char(c) || joins(prev, c, char_at(text, at + c.len_utf8()))
        };
        prev = Some(c);
        i += c.len_utf8();
        match (in_word, word_start) {
            (true, None) => word_start = Some(at),
            (false, Some(s)) => {
                out.push(Word {
                    text: &text[s..at],
                    start: s,
                    gap: &text[gap_start..s],
                });
                word_start = None;
                gap_start = at;
            }
            _ => {}
        }
    }
    if let Some(s) = word_start {
        out.push(Word {
            text: &text[s..],
            start: s,
            gap: &text[gap_start..s],
        });
    }
    out
}

/// Whether `c` can join the characters around it into one word.
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2011}' | '&' | ':' | '\'' | '’')
}

/// The words of `text[start..end]` as [`words`] of that slice gives them,
/// but borrowed from `all`, the words of the whole `text`, without
/// splitting or copying: their offsets are the whole text's, and the first
/// one's gap is the whole text's (it may reach back before `start`; the
/// slice's own would be `text[start..first.start]`). `None` when a word
/// character or a joiner touches the slice from outside, as the slice's
/// words may then differ from the whole text's; also when the bounds are
/// not a slice of `text`.
// Inlined however the crate is split into code units (its calls were
// left out of line by one split, at 0.2-0.6 M instructions more).
#[inline]
pub(crate) fn words_within<'w, 'a>(
    text: &'a str,
    all: &'w [Word<'a>],
    start: usize,
    end: usize,
) -> Option<&'w [Word<'a>]> {
    words_within_told_by(text, all, start, end, apart)
}

/// [`words_within`] with the characters touching the slice from outside
/// told by `apart` (which says whether a character, or none, keeps the
/// slice's words apart from the rest): one body for the table test and
/// the character tests it replaced, the oracle of its tests.
// Inlined however the crate is split into code units (its calls were
// left out of line by one split, at 0.2-0.6 M instructions more).
#[inline]
fn words_within_told_by<'w, 'a>(
    text: &'a str,
    all: &'w [Word<'a>],
    start: usize,
    end: usize,
    apart: impl Fn(Option<char>) -> bool,
) -> Option<&'w [Word<'a>]> {
    text.get(start..end)?;
    if !apart(text.get(..start)?.chars().next_back()) || !apart(text.get(end..)?.chars().next()) {
        return None;
    }
    let lo = all.partition_point(|w| w.start < start);
    // A sentence's words follow one another: counted from `lo`, not
    // searched for among all the text's.
    let hi = lo + all.get(lo..)?.iter().take_while(|w| w.start < end).count();
    let inside = all.get(lo..hi)?;
    if inside.last().is_some_and(|w| w.end() > end) {
        return None;
    }
    Some(inside)
}

/// The ASCII characters that join a word to what touches it: letters,
/// digits and the joiners of [`is_joiner`], one bit each (bit `b` for the
/// byte `b`).
const ASCII_JOINING: u128 = ascii_joining();

/// Builds [`ASCII_JOINING`].
const fn ascii_joining() -> u128 {
    let mut bits = 0u128;
    let mut b = 0u8;
    while b < 0x80 {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'&' | b':' | b'\'') {
            bits |= 1 << b;
        }
        b += 1;
    }
    bits
}

/// Whether `c`, the character touching a slice from outside (`None` at
/// the text's ends), leaves the slice's words the whole text's: neither a
/// word character nor a joiner ([`words_within`]). An ASCII character
/// (nearly all of them: a space, a stop) is told by one bit of
/// [`ASCII_JOINING`], inline, where a call asked the letter, digit,
/// combining-mark and joiner tests in turn.
#[inline]
fn apart(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) if c.is_ascii() => ASCII_JOINING >> u32::from(c) & 1 == 0,
        Some(c) => !is_word_char(c) && !is_joiner(c),
    }
}

/// [`apart`] by the character tests alone, as [`words_within`] asked
/// before: the oracle of its test.
#[cfg(test)]
fn apart_by_char_tests(c: Option<char>) -> bool {
    c.is_none_or(|c| !is_word_char(c) && !is_joiner(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apart_answers_as_the_char_tests_on_every_char() {
        assert_eq!(apart(None), apart_by_char_tests(None));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(apart(Some(c)), apart_by_char_tests(Some(c)), "{c:?}");
        }
    }

    #[test]
    fn letter_tests_agree_with_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn finnish_joiners_stay_inside_words() {
        assert_eq!(
            texts("Kainuu 2020 -hankkeen I&O-kärkihanke, STM:n ja Vimana Oy:n."),
            [
                "Kainuu",
                "2020",
                "-hankkeen",
                "I&O-kärkihanke",
                "STM:n",
                "ja",
                "Vimana",
                "Oy:n"
            ]
        );
        assert_eq!(
            texts("Maakunta- ja sote-uudistuksen"),
            ["Maakunta", "ja", "sote-uudistuksen"]
        );
        assert_eq!(texts("Lisätiedot: Aino"), ["Lisätiedot", "Aino"]);
    }

    #[test]
    fn gaps_and_offsets() {
        let s = "Oulu, Kemi.\nTornio";
        let w = words(s);
        assert_eq!(w[1].gap, ", ");
        assert!(!w[1].follows_closely());
        assert!(w[2].starts_sentence() && w[0].starts_sentence());
        for x in &w {
            assert_eq!(&s[x.start..x.end()], x.text);
        }
    }

    /// Words of `text` borrowed by [`words_within`] for the slice from
    /// `start`, as the slice's own: offsets from `start`, the first gap the
    /// slice's.
    fn relative<'a>(text: &'a str, within: &[Word<'a>], start: usize) -> Vec<Word<'a>> {
        within
            .iter()
            .enumerate()
            .map(|(k, w)| Word {
                text: w.text,
                start: w.start - start,
                gap: if k == 0 { &text[start..w.start] } else { w.gap },
            })
            .collect()
    }

    /// [`words_within`] with the outside characters asked by
    /// [`apart_by_char_tests`], as it was before [`apart`].
    fn words_within_by_char_tests<'w, 'a>(
        text: &'a str,
        all: &'w [Word<'a>],
        start: usize,
        end: usize,
    ) -> Option<&'w [Word<'a>]> {
        words_within_told_by(text, all, start, end, apart_by_char_tests)
    }

    proptest::proptest! {
        /// Sentences of scraped Finnish pieces (words, joiners, spaces,
        /// stops, other scripts) cut at every pair of offsets: the words
        /// within each slice are those the character tests let through.
        #[test]
        fn words_within_answer_as_by_the_char_tests(
            pieces in proptest::collection::vec(word_piece(), 0..12),
        ) {
            let text = pieces.concat();
            let all = words(&text);
            for a in 0..=text.len() + 1 {
                for b in a..=text.len() + 1 {
                    let got = words_within(&text, &all, a, b).map(<[Word]>::to_vec);
                    let want = words_within_by_char_tests(&text, &all, a, b).map(<[Word]>::to_vec);
                    proptest::prop_assert_eq!(got, want, "{:?} {}..{}", text, a, b);
                }
            }
        }

        #[test]
        fn words_within_a_slice_are_the_slices_words(
            text in "[a-zA-Z0-9äÄ\u{308} .,:;&'’\u{2011}\n-]{0,40}",
            a in 0usize..45,
            b in 0usize..45,
        ) {
            let (a, b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let all = words(&text);
            if let Some(got) = words_within(&text, &all, a, b) {
                proptest::prop_assert_eq!(relative(&text, got, a), words(&text[a..b]));
            }
        }
    }

    /// Pieces of scraped Finnish text: words, joiners in and out of words,
    /// non-ASCII spaces and dashes, combining marks, emoji.
    fn word_piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "sote",
            "Kärkkäinen",
            "ÄÖÅ",
            "äöå",
            "STM",
            "2019",
            "Émile",
            "×",
            "÷",
            "ß",
            "Þ",
            "a\u{308}",
            "\u{308}",
            "\u{20D0}",
            "ª",
            "²",
            "µ",
            "½",
            "İ",
            "Σ",
            "日本",
            "😀",
            "👩\u{200D}💻",
            " ",
            "  ",
            "\u{A0}",
            "\u{2009}",
            "\u{202F}",
            "\u{FEFF}",
            "\u{200B}",
            "\n",
            "\r\n",
            "\t",
            "-",
            "--",
            "\u{2011}",
            "–",
            "—",
            "&",
            ":",
            "'",
            "’",
            "‘",
            ".",
            ",",
            ";",
            "(",
            ")",
            "/",
            "\"",
            "\u{0}",
            "\u{7F}",
            "\u{80}",
            "\u{85}",
            "\u{C0}",
            "\u{FF}",
            "\u{100}",
            "ÿ",
            "Ã",
            "a×",
            "ä÷ö",
            "\u{212A}",
            "Ė",
            "Ж",
            "…",
        ])
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_the_char_by_char_scan(
            pieces in proptest::collection::vec(word_piece(), 0..40),
            noise in "\\PC{0,30}",
            any in proptest::prelude::any::<String>(),
        ) {
            for text in [pieces.concat(), noise, any] {
                proptest::prop_assert_eq!(words(&text), words_by_chars(&text), "{:?}", text);
                let first: Vec<_> = Words::new(&text).take(3).collect();
                let n = first.len();
                proptest::prop_assert_eq!(first, &words_by_chars(&text)[..n]);
            }
        }
    }

    proptest::proptest! {
        /// Words cut from the text's tail one after another are the words
        /// sliced out of the whole text, offsets and gaps included, and so
        /// are the first few the iterator gives.
        #[test]
        fn words_cut_from_the_tail_agree_with_words_sliced_by_offsets(
            pieces in proptest::collection::vec(word_piece(), 0..40),
            noise in "\\PC{0,30}",
        ) {
            for text in [pieces.concat(), noise] {
                let by_offsets = words_by_offsets(&text);
                proptest::prop_assert_eq!(&words(&text), &by_offsets, "{:?}", text);
                let first: Vec<_> = Words::new(&text).take(5).collect();
                proptest::prop_assert_eq!(&first[..], &by_offsets[..first.len()]);
            }
        }
    }

    /// [`stay_run`] ends where the byte-at-a-time run ends, from every
    /// offset of runs of every length up to 13 (across steps of four)
    /// ended by each kind of byte, at the end of the text or not.
    #[test]
    fn stay_runs_end_where_the_byte_scan_ends() {
        let stays: [&[u8]; 4] = [b"a", b"7", b"\xC3", b"\xA4"];
        let enders: [&[u8]; 8] = [b"", b" ", b"-", b":", b"\xE2", b"\x97", b"\xB7", b"."];
        for len in 0..=13 {
            for (k, stay) in stays.iter().enumerate() {
                for ender in enders {
                    let mut bytes = b"x ".to_vec();
                    for n in 0..len {
                        bytes.extend_from_slice(stays[(k + n) % stays.len()]);
                    }
                    bytes.extend_from_slice(stay);
                    bytes.extend_from_slice(ender);
                    bytes.extend_from_slice(b"abcd");
                    for cut in [bytes.len(), bytes.len() - 4] {
                        let bytes = &bytes[..cut];
                        for i in 0..=bytes.len() + 1 {
                            assert_eq!(
                                stay_run(bytes, i),
                                stay_run_by_bytes(bytes, i),
                                "{bytes:?} from {i}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn words_within_sentences() {
        let text = "Ryhmä kokoontui 14.3. Sote-uudistus etenee: STM:n linjaus.";
        let all = words(text);
        let s = text.find("Sote").unwrap_or(0);
        let got = relative(
            text,
            words_within(text, &all, s, text.len()).unwrap_or_default(),
            s,
        );
        assert_eq!(got, words(&text[s..]));
        assert_eq!(got.len(), 4);
        assert_eq!(got[0].gap, "");
        // A slice that cuts a word, or ends before a joiner, is split anew.
        assert!(words_within(text, &all, s + 1, text.len()).is_none());
        let colon = text.find(':').unwrap_or(0);
        assert!(words_within(text, &all, 0, colon).is_none());
        assert!(words_within(text, &all, 0, 99).is_none());
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "", "-", "&&", ":", "a\u{308}", "\u{308}", "a-", "-a", "x:\u{0}",
        ] {
            for w in words(s) {
                assert_eq!(&s[w.start..w.end()], w.text);
            }
        }
    }
}
