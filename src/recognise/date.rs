//! Finnish temporal expressions, found in running text and written as EDTF.
//!
//! Announcements of the sote- and maakunta-reform date things in many ways:
//! numeric days (`10.12.2019`, `17.4.`), day ranges (`3.–4.6.2019`,
//! `29.11.–1.12.2019`), ISO days (`2019-03-05`), ordinal days with a month
//! name (`15. maaliskuuta 2019`), months by name in any case
//! (`lokakuussa 2019`, `syys–lokakuussa`), numeric months (`11/2018`),
//! seasons (`syksyllä`, `kevään aikana`, `ensi keväänä`, `alkusyksystä`),
//! and years in phrases (`vuonna 2019`, `vuosina 2019–2020`,
//! `2021 loppuun saakka`). [`find_dates`] finds them all in one
//! left-to-right scan: a cheap test picks candidate starts (a number or a
//! word at a word boundary), small nom parsers of bounded reach are tried
//! there, and the scan resumes after each match, so the cost is linear in
//! the text. Clock times (`klo 9.30–11`) are recognised only to be skipped.
//!
//! A date is kept as precise as the text makes it, and a year the text does
//! not give stays unspecified (`XXXX-04-17`); [`resolve_year`] fills it from
//! an anchor date that the document-level parser chooses. A word next to the
//! date that says how it bounds something (`alkaen`, `mennessä`, `saakka`)
//! is reported as a [`DateCue`] with its own span; it is not part of the
//! date's span.
//!
//! Readings chosen where Finnish usage is ambiguous: `N/YYYY` is a month
//! unless a numbering word stands before it (`Esityslista 6/2018` and
//! `Muistio 4/2019` number a meeting's papers, `vko 12/2019` a week); a
//! season in the nominative needs a year (`Kevät 2021`, but `Syksy` alone
//! is a given name); `kevättalvi` (late winter) is spring, and `syystalvi`
//! winter, because EDTF's winter of a year starts in its December.

use chrono::{Datelike, Months, NaiveDate};
use nom::branch::alt;
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, peek};
use nom::error::{Error as NomError, ErrorKind};
use nom::{IResult, Parser};

use std::sync::LazyLock;

use crate::lexicon::fx::{FxHashMap, FxHashSet};
use crate::model::{EdtfDate, Precision, Season, Span};
use crate::text::{
    BLOCK, ascii_alnum, block_masks, char_at, equal, in_range, is_alphabetic,
    is_latin1_capital_second, is_lowercase_fixed_point, is_space, latin1_letter, padded_block,
};
use crate::text::{HIGH, ONES, ascii_bytes_within};
#[cfg(test)]
use crate::text::{alnum_bytes, bytes_equal_to, lead_bytes};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// How a word next to a date bounds something: `1.8. alkaen` (from),
/// `31.5. mennessä` (by), `2021 loppuun saakka` (until).
///
/// Relating a date to a deadline or a start is the document parser's job;
/// the cue is the evidence it needs, found where the date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateCue {
    /// Something starts then: `alkaen`, `lähtien`, `alkavat`, `alusta`.
    From,
    /// Something must be done by then: `mennessä`, `loppuun mennessä`,
    /// `viimeistään` (before the date).
    By,
    /// Something lasts until then: `saakka`, `asti`, `loppuun`.
    Until,
}

/// A temporal expression found in a text.
///
/// `text` is exactly `&source[span.start..span.end]`. A weekday before a
/// date (`ti 10.12.2019`) is left out of the span; a determiner before a
/// season or month (`ensi keväänä`) and a word placing the date inside its
/// period (`lokakuun alussa`) are kept in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateMatch<'a> {
    /// Where the expression lies in the source, in bytes.
    pub span: Span,
    /// The expression as written.
    pub text: &'a str,
    /// The date as written; its year is unspecified (`XXXX`) when the text gives none.
    pub value: EdtfDate,
    /// A word after (or before) the date that says how it bounds something, with its span.
    pub cue: Option<(DateCue, Span)>,
}

/// Every temporal expression in `text`, left to right, non-overlapping.
///
/// Never panics and runs in time linear in the length of `text`. Clock
/// times, phone numbers, sums, list and section numbers and document numbers
/// (`Esityslista 6/2018`) are not dates; a bare year is a date only next to
/// a word that makes it one (`vuonna 2019`, `2021 loppuun saakka`) or as a
/// span of years (`2019–2021`).
///
/// ```
/// use sote_records::recognise::date::{find_dates, DateCue};
///
/// let text = "Hakemukset jätetään 14.5. mennessä, ja seminaari pidetään \
///             3.–4.6.2019 Kuopiossa klo 9–15. Työ jatkuu syksyllä 2019.";
/// let found = find_dates(text);
/// assert_eq!(found.len(), 3);
///
/// assert_eq!(found[0].text, "14.5.");
/// assert_eq!(found[0].value.to_string(), "XXXX-05-14");
/// let (cue, cue_span) = found[0].cue.expect("a cue");
/// assert_eq!(cue, DateCue::By);
/// assert_eq!(&text[cue_span.start..cue_span.end], "mennessä");
///
/// assert_eq!(found[1].text, "3.–4.6.2019");
/// assert_eq!(found[1].value.to_string(), "2019-06-03/2019-06-04");
///
/// assert_eq!(found[2].text, "syksyllä 2019");
/// assert_eq!(found[2].value.to_string(), "2019-23");
/// for m in &found {
///     assert_eq!(&text[m.span.start..m.span.end], m.text);
/// }
/// ```
pub fn find_dates(text: &str) -> Vec<DateMatch<'_>> {
    let bytes = text.as_bytes();
    // Room for a date every 64 bytes holds the dates of nearly every text;
    // growing the list from nothing cost several copies a text.
    let mut scan = Scan {
        text,
        found: Vec::with_capacity(bytes.len() / 64),
        next_free: 0,
    };
    if folds_unusually(bytes) {
        for (at, _) in text.char_indices() {
            scan.try_at(at);
        }
        return scan.found;
    }
    let table = &*STARTING_PREFIXES;
    // The year words' starts are few: gathered first, each start of the
    // scan asks only whether it has reached the next of them.
    let years = year_word_starts(text);
    let mut k = 0;
    let mut next_year = years.first().copied().unwrap_or(usize::MAX);
    // A loop over the starts, not a closure the scan calls: the closure
    // was a call of its own with its frame at every word start.
    for at in Starts::of(bytes) {
        let mut year_here = false;
        while next_year <= at {
            if next_year < at {
                scan.try_at(next_year);
            } else {
                year_here = true;
            }
            k += 1;
            next_year = years.get(k).copied().unwrap_or(usize::MAX);
        }
        // A start inside a date found already is no candidate: turned away
        // before its bytes are read.
        if at >= scan.next_free && (year_here || may_start_here(table, text, at)) {
            scan.try_at(at);
        }
    }
    for &y in years.get(k..).unwrap_or_default() {
        scan.try_at(y);
    }
    scan.found
}

/// The dates found so far in a text, and where the next may start.
///
/// The candidate starts are tried as the scan meets them, in one pass:
/// gathering them into a list and merging in the year words' starts first
/// cost two lists a text, and the reading of every start inside a date
/// already found (the month and year of `3.–4.6.2019`), which a start
/// before [`Scan::next_free`] now skips.
struct Scan<'a> {
    /// The text scanned.
    text: &'a str,
    /// The dates found, in order.
    found: Vec<DateMatch<'a>>,
    /// No date starts before this offset: the end of the last date found
    /// or skipped, or just past the last start tried.
    next_free: usize,
}

impl<'a> Scan<'a> {
    /// Tries a candidate start `at` (ascending over the calls): what the
    /// loop over a list of candidates did with each.
    fn try_at(&mut self, at: usize) {
        let text = self.text;
        if at < self.next_free {
            return;
        }
        let Some(c) = char_at(text, at) else {
            return;
        };
        let (prev, prev2) = last_two_chars(text, at);
        if !may_start(c, prev, prev2) {
            return;
        }
        self.next_free = at + c.len_utf8();
        match attempt(text, at, c) {
            Step::Found(m) => {
                self.next_free = self.next_free.max(m.span.end);
                self.found.push(m);
            }
            Step::Skip(end) => self.next_free = self.next_free.max(end),
            Step::Nothing => {}
        }
    }
}

/// [`find_dates`] over the list of [`candidates`]: its oracle.
#[cfg(test)]
fn find_dates_by_candidates(text: &str) -> Vec<DateMatch<'_>> {
    let candidates = candidates(text);
    let mut found = Vec::with_capacity(candidates.len() / 4);
    let mut next_free = 0;
    for at in candidates {
        if at < next_free {
            continue;
        }
        let Some(c) = char_at(text, at) else {
            continue;
        };
        let (prev, prev2) = last_two_chars(text, at);
        if !may_start(c, prev, prev2) {
            continue;
        }
        next_free = at + c.len_utf8();
        match attempt(text, at, c) {
            Step::Found(m) => {
                next_free = next_free.max(m.span.end);
                found.push(m);
            }
            Step::Skip(end) => next_free = next_free.max(end),
            Step::Nothing => {}
        }
    }
    found
}

/// Every position of `text` where a date or a clock time may start, in
/// order: a superset of the positions where [`attempt`] finds something.
///
/// Trying every word of a text costs more than everything else the
/// recogniser does, and few words can start a date: a number shaped like
/// one, a word of [`STARTING_WORDS`], or a word ending in a year word. So
/// the candidates are the starts of such numbers; the word starts whose
/// first letters begin a starting word (read in lower case; a word starting
/// with a letter the table does not know is a candidate too); and the
/// starts of the words holding a year word's `vuo`. A text holding a
/// character that folds to a letter of the table some other way (a
/// combining ring or diaeresis, the Kelvin or Ångström sign) is scanned
/// position by position instead.
#[cfg(test)]
fn candidates(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    if folds_unusually(bytes) {
        return text.char_indices().map(|(i, _)| i).collect();
    }
    let table = &*STARTING_PREFIXES;
    // Room for a candidate every sixteen bytes: growing from nothing cost
    // several copies a text.
    let mut out = Vec::with_capacity(bytes.len() / 16);
    for_each_start(bytes, |at| {
        if may_start_here(table, text, at) {
            out.push(at);
        }
    });
    merge_ascending(&out, year_word_starts(text).into_iter())
}

/// Whether the number or word at `at` (an offset [`Starts`]
/// gives) may start a date: a number shaped like one, or a word whose
/// first letters begin a starting word ([`STARTING_PREFIXES`], `table`).
///
/// A word is first asked by its first two bytes ([`Prefixes::pair_may_start`]),
/// which turn away most words for a bit test; only those passing are read
/// letter by letter.
///
/// The gate reads the bytes from `at`; the text is sliced there (with
/// its check that `at` starts a character) only for a word that passes
/// it, or for a number: slicing at every start cost more than the gate.
///
/// Always inlined into the scan, which calls it at every word start.
#[inline(always)]
fn may_start_here(table: &Prefixes, text: &str, at: usize) -> bool {
    let Some(rest) = text.as_bytes().get(at..) else {
        return false;
    };
    let read = || text.get(at..);
    match rest.first() {
        Some(b) if b.is_ascii_digit() => read().is_some_and(may_be_numeric_date),
        Some(_) if !table.pair_may_start(rest) => false,
        Some(_) => match three_letters(rest) {
            Some(letters) => {
                table.third_holds(letters)
                    && read().is_some_and(|r| table.may_start_after_three(r, letters))
            }
            None => read().is_some_and(|r| table.may_start_fast(r)),
        },
        None => false,
    }
}

/// [`may_start_here`] slicing the text at `at` before the gate: its
/// oracle (`gate_read_from_bytes_answers_as_from_the_slice`).
#[cfg(test)]
fn may_start_here_sliced(table: &Prefixes, text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => may_be_numeric_date(rest),
        Some(_) => table.pair_may_start(rest.as_bytes()) && table.may_start_fast(rest),
        None => false,
    }
}

/// [`may_start_here`] without the two-byte gate: every word read letter
/// by letter. The oracle of `pair_gate_answers_as_reading_the_letters`.
#[cfg(test)]
fn may_start_here_ungated(table: &Prefixes, text: &str, at: usize) -> bool {
    let Some(rest) = text.get(at..) else {
        return false;
    };
    match rest.as_bytes().first() {
        Some(b) if b.is_ascii_digit() => may_be_numeric_date(rest),
        Some(_) => table.may_start_fast(rest),
        None => false,
    }
}

/// Calls `visit` with every offset of `bytes`, in order, that holds an
/// ASCII letter or digit or the first byte of a character of two or more
/// bytes, and that does not follow an ASCII letter or digit or a Latin-1
/// letter (`ä`, `ö`, `é`, but not `×` or `÷`): where a number or a word
/// may start (a non-Latin-1 letter after a letter too, which [`may_start`]
/// turns away).
///
/// Eight bytes at a time: the high bit of each byte that may start one,
/// less those after a byte that ends a word character. Passing over each
/// word and the byte after it cost twice as much: a word is a chunk or
/// two, and each `ä` in it broke the run.
///
/// Whole chunks are read as arrays, one load each; only the last, short
/// one is copied into a padded buffer. Copying every chunk so cost a
/// `memcpy` call of a length unknown to the compiler per eight bytes.
///
/// The scan now walks [`Starts`]; this stays as its oracle.
#[cfg(test)]
fn for_each_start(bytes: &[u8], mut visit: impl FnMut(usize)) {
    let (chunks, tail) = bytes.as_chunks::<8>();
    // The marks of the chunk before; its top byte is the byte before.
    let mut before = Marks::default();
    for (k, &eight) in chunks.iter().enumerate() {
        before = visit_chunk(k * 8, u64::from_le_bytes(eight), before, &mut visit);
    }
    if !tail.is_empty() {
        // The last chunk is padded with zero bytes, which start nothing.
        let mut eight = [0u8; 8];
        if let Some(head) = eight.get_mut(..tail.len()) {
            head.copy_from_slice(tail);
        }
        let at = chunks.len() * 8;
        visit_chunk(at, u64::from_le_bytes(eight), before, &mut visit);
    }
}

/// The offsets `for_each_start` (its test-only oracle) gives, as an
/// iterator, for a `for` loop whose body is inlined (a closure the scan
/// called at every word start cost a frame of its own per start).
///
/// Sixty-four bytes at a time ([`BlockMarks`]): the marks of eight bytes
/// in a `u64` (`Marks`, the oracle's) cost some 40 instructions a chunk, a fixed cost
/// over every byte of every text; the vector tests of a block cost about
/// as much for eight times the bytes.
struct Starts<'a> {
    /// The whole blocks not yet read.
    blocks: core::slice::Iter<'a, [u8; BLOCK]>,
    /// The last, short block, empty once read.
    tail: &'a [u8],
    /// The offset of the next block to read.
    next_at: usize,
    /// The offset of the block of [`Starts::starts`].
    at: usize,
    /// The starts of the block read last not yet given, one bit a byte.
    starts: u64,
    /// The marks of the block read last.
    before: BlockMarks,
}

impl<'a> Starts<'a> {
    /// The starts of `bytes`.
    fn of(bytes: &'a [u8]) -> Self {
        let (blocks, tail) = bytes.as_chunks::<BLOCK>();
        Starts {
            blocks: blocks.iter(),
            tail,
            next_at: 0,
            at: 0,
            starts: 0,
            before: BlockMarks::default(),
        }
    }
}

impl Iterator for Starts<'_> {
    type Item = usize;

    /// The next start: from the block at hand, or from the next block
    /// holding one.
    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.starts == 0 {
            let marks = if let Some(block) = self.blocks.next() {
                BlockMarks::of(block, self.before)
            } else if self.tail.is_empty() {
                return None;
            } else {
                // The last block is padded with zero bytes, which start
                // nothing.
                let block = padded_block(self.tail);
                self.tail = &[];
                BlockMarks::of(&block, self.before)
            };
            self.starts = marks.start & !((marks.word << 1) | (self.before.word >> 63));
            self.before = marks;
            self.at = self.next_at;
            self.next_at += BLOCK;
        }
        let at = self.at + self.starts.trailing_zeros() as usize;
        self.starts &= self.starts - 1;
        Some(at)
    }
}

/// The marks of a block of 64 bytes of text, bit `i` for byte `i`: what
/// `Marks` (the oracle's) tells of eight bytes.
#[derive(Debug, Clone, Copy, Default)]
struct BlockMarks {
    /// ASCII letters and digits and lead bytes (`C0` and up): where a
    /// number or a word may start.
    start: u64,
    /// ASCII letters and digits and the second bytes of Latin-1 letters:
    /// the bytes no date starts right after.
    word: u64,
    /// `C3`, the first byte of U+00C0–U+00FF.
    c3: u64,
}

impl BlockMarks {
    /// The marks of `block`, whose first byte follows the block `before`.
    #[inline(always)]
    fn of(block: &[u8; BLOCK], before: BlockMarks) -> BlockMarks {
        let [alnum, lead, c3, sign] = block_masks(block, |v| {
            [
                ascii_alnum(v),
                in_range(v, 0xC0, 0xFF),
                equal(v, 0xC3),
                // `×` (`C3 97`) and `÷` (`C3 B7`): the Latin-1 seconds
                // that are no letter.
                equal(v, 0x97) | equal(v, 0xB7),
            ]
        });
        let after_c3 = (c3 << 1) | (before.c3 >> 63);
        BlockMarks {
            start: alnum | lead,
            word: alnum | (after_c3 & !sign),
            c3,
        }
    }
}

/// Calls `visit` with the starts ([`for_each_start`]) among the eight
/// bytes `word` at offset `at`, after the chunk `before`; returns the
/// chunk's marks, the next chunk's `before`.
///
/// Always inlined: called once per eight bytes of every text, and as a
/// call of its own (from two sites) it cost more than the copy it saves.
#[cfg(test)]
#[inline(always)]
fn visit_chunk(at: usize, word: u64, before: Marks, visit: &mut impl FnMut(usize)) -> Marks {
    let marks = Marks::of(word, before);
    let mut starts = marks.start & !((marks.word << 8) | (before.word >> 56));
    while starts != 0 {
        visit(at + (starts.trailing_zeros() / 8) as usize);
        starts &= starts - 1;
    }
    marks
}

/// Marks (the high bit of a byte) of eight bytes of text, little-endian:
/// what the scan read before [`BlockMarks`], the oracle's.
#[cfg(test)]
#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    /// ASCII letters and digits and lead bytes (`C0` and up): where a
    /// number or a word may start.
    start: u64,
    /// ASCII letters and digits and the second bytes of Latin-1 letters:
    /// the bytes no date starts right after.
    word: u64,
    /// `C3`, the first byte of U+00C0–U+00FF.
    c3: u64,
}

#[cfg(test)]
impl Marks {
    /// The marks of `word`, whose first byte follows the chunk `before`.
    fn of(word: u64, before: Marks) -> Marks {
        let alnum = alnum_bytes(word);
        let start = alnum | lead_bytes(word);
        if word & HIGH == 0 {
            // ASCII only: no `C3`, and no byte after one.
            return Marks {
                start,
                word: alnum,
                c3: 0,
            };
        }
        let c3 = bytes_equal_to(word, 0xC3);
        // After `C3` comes the second byte of U+00C0–U+00FF, a letter but
        // for `×` (`C3 97`) and `÷` (`C3 B7`), which differ in bit 5 alone.
        let after_c3 = (c3 << 8) | (before.c3 >> 56);
        let sign = bytes_equal_to(word | (ONES * 0x20), 0xB7);
        Marks {
            start,
            word: alnum | (after_c3 & !sign),
            c3,
        }
    }
}

/// The union of two ascending runs of offsets, ascending and without
/// repeats. The word starts and the year words' starts each come in
/// order, so merging them costs a step each where sorting their
/// concatenation cost a sort.
#[cfg(test)]
fn merge_ascending(a: &[usize], b: impl Iterator<Item = usize>) -> Vec<usize> {
    // The year words' starts are few next to the word starts.
    let mut out: Vec<usize> = Vec::with_capacity(a.len() + a.len() / 4 + 8);
    let push = |out: &mut Vec<usize>, x: usize| {
        if out.last() != Some(&x) {
            out.push(x);
        }
    };
    let mut a = a.iter().copied().peekable();
    for x in b {
        while let Some(y) = a.next_if(|&y| y <= x) {
            push(&mut out, y);
        }
        push(&mut out, x);
    }
    for y in a {
        push(&mut out, y);
    }
    out
}

/// The starts of the words holding a year word's `vuo` (in any case): a
/// year word's word starts at most MAX_WORD characters before it.
///
/// The `vuo`s are found by one packed (Teddy) search for every mix of
/// cases of [`YEAR_STEM`] ([`YEAR_STEM_FINDER`]): a search for `v` and `V`
/// stopped at each of them, one in every 45 bytes of Finnish text, at
/// some 65 instructions a stop, and few of them begin a `vuo`. Without
/// the searcher (no SIMD to pack the search in) the `v`s are searched as
/// before ([`year_word_starts_by_v`]).
fn year_word_starts(text: &str) -> Vec<usize> {
    let Some(finder) = YEAR_STEM_FINDER.as_ref() else {
        return year_word_starts_by_v(text).collect();
    };
    finder
        .find_iter(text.as_bytes())
        .filter_map(|m| word_start_before(text, m.start()))
        .collect()
}

/// The beginning every year word shares ([`YEAR_WORDS`]).
const YEAR_STEM: &str = "vuo";

/// A packed searcher for [`YEAR_STEM`] written in any mix of cases
/// ([`ascii_case_variants`]); `None` where no packed searcher can be
/// built.
static YEAR_STEM_FINDER: LazyLock<Option<aho_corasick::packed::Searcher>> = LazyLock::new(|| {
    let mut builder = aho_corasick::packed::Config::new().builder();
    for variant in ascii_case_variants(YEAR_STEM) {
        builder.add(variant);
    }
    builder.build()
});

/// Every way of writing the ASCII word `word` with each letter in either
/// case (`vuo`, `Vuo`, `vUo`, …, `VUO`): 2^n words for n letters.
fn ascii_case_variants(word: &str) -> Vec<String> {
    let mut variants = vec![String::with_capacity(word.len())];
    for c in word.chars() {
        let (lower, upper) = (c.to_ascii_lowercase(), c.to_ascii_uppercase());
        variants = variants
            .into_iter()
            .flat_map(|v| {
                let with = |x: char| {
                    let mut w = v.clone();
                    w.push(x);
                    w
                };
                if lower == upper {
                    vec![with(c)]
                } else {
                    vec![with(lower), with(upper)]
                }
            })
            .collect();
    }
    variants
}

/// [`year_word_starts`] by a search for each `v` and `V`, checked for the
/// `uo` after it: the fallback without a packed searcher, and the oracle
/// of `year_word_starts_agree_with_the_search_for_v`.
fn year_word_starts_by_v(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'v', b'V', bytes).filter_map(move |v| {
        let uo = bytes.get(v + 1..v + 3)?;
        if uo.eq_ignore_ascii_case(b"uo") {
            word_start_before(text, v)
        } else {
            None
        }
    })
}

/// The beginnings (one to six letters, in lower case) of the starting
/// words, over the letters `a`–`z`, `ä`, `ö`, `å`.
///
/// Three letters let through every word beginning like a month or season
/// word (`maakunta` as `maaliskuu`, `talous` as `talvi`, `keskustelu` as
/// `keskikesä`), and each such candidate cost a word read, folded and
/// looked up: so the beginnings of four to six letters are kept too, in a
/// set asked only of the words whose first three letters pass.
struct Prefixes {
    /// Bit `key` set for each beginning of up to [`Prefixes::LETTERS`]
    /// letters.
    bits: Vec<u64>,
    /// The keys of the beginnings of more letters, up to
    /// [`Prefixes::LONG_LETTERS`].
    longer: FxHashSet<u64>,
    /// For each ASCII first letter (`a` = 0), bit `n` set when that letter
    /// and the `n`th ASCII letter begin a starting word: the two-letter
    /// beginnings of `bits`, asked with one load.
    pairs: [u32; 26],
    /// For each two bytes `b0 b1` (bit `b0 * 256 + b1`), whether they pass
    /// the look at the first two letters ([`Prefixes::pair_passes`]): the
    /// answer of `pairs` for every pair of bytes, asked with one load and
    /// no test of the bytes.
    passing: Box<[u64; 1024]>,
    /// For each two ASCII letters (`26 * l0 + l1`, `a` = 0), bit `n` set
    /// when they and the `n`th ASCII letter begin a starting word: the
    /// three-letter beginnings of `bits` over ASCII letters, asked with
    /// one load ([`Prefixes::third_holds`]).
    thirds: Box<[u32; 26 * 26]>,
}

impl Prefixes {
    /// How many letters of a word the bit table knows.
    const LETTERS: usize = 3;

    /// How many letters of a word the table knows in all.
    const LONG_LETTERS: usize = 6;

    /// The number of a lower-case letter of the table (1 and up).
    fn letter(c: char) -> Option<usize> {
        match c {
            'a'..='z' => Some(usize::from(c as u8 - b'a') + 1),
            'ä' => Some(27),
            'ö' => Some(28),
            'å' => Some(29),
            _ => None,
        }
    }

    /// The key of up to [`Prefixes::LONG_LETTERS`] letter numbers: the
    /// count, then the letters, in base 30.
    fn key(letters: &[usize]) -> u64 {
        letters
            .iter()
            .fold(letters.len() as u64, |k, &l| k * 30 + l as u64)
    }

    /// Whether the word at the start of `rest` may fold to a starting word:
    /// its first six letters in lower case, or all of it if shorter, begin
    /// one. A word with another character among its first three letters
    /// (another letter, a mark), or none, passes: the table cannot tell;
    /// one with another character later is told by the letters before it.
    fn may_start(&self, rest: &str) -> bool {
        let mut letters = [0usize; Self::LONG_LETTERS];
        let mut n = 0;
        for c in rest.chars() {
            if !is_word_char(c) {
                break;
            }
            if n == Self::LONG_LETTERS {
                break;
            }
            // `fold` lowers each character; these lower to a table letter.
            let lower = match c {
                'A'..='Z' => c.to_ascii_lowercase(),
                'Ä' => 'ä',
                'Ö' => 'ö',
                'Å' => 'å',
                _ => c,
            };
            let Some(l) = Self::letter(lower) else {
                if n < Self::LETTERS {
                    return true;
                }
                break;
            };
            if let Some(slot) = letters.get_mut(n) {
                *slot = l;
            }
            n += 1;
        }
        if n == 0 {
            return true;
        }
        self.holds(letters.get(..n).unwrap_or_default())
    }

    /// Whether the table holds the beginning `letters` (letter numbers):
    /// its first three in the bits, and all of them in the set when more.
    fn holds(&self, letters: &[usize]) -> bool {
        let short = letters.get(..Self::LETTERS).unwrap_or(letters);
        self.holds_key(Self::key(short))
            && (letters.len() <= Self::LETTERS || self.longer.contains(&Self::key(letters)))
    }

    /// Whether the bits hold the beginning of `key` ([`Prefixes::key`]).
    fn holds_key(&self, key: u64) -> bool {
        table_holds_key(&self.bits, key)
    }

    /// Whether the word at the start of `bytes` may still begin a starting
    /// word by its first two bytes: `false` only for two ASCII letters
    /// (either case) that begin none ([`Prefixes::pairs`]) followed by an
    /// ASCII byte or the end, where [`Prefixes::may_start_fast`] says
    /// `false` too (a third letter's beginning holds the first two; a
    /// non-letter ends the word at two). Anything else passes, for the
    /// letter-by-letter reading to tell: a non-ASCII third character may
    /// be a letter the table does not know, which lets the word through.
    ///
    /// Always inlined: asked at every word start of a text.
    ///
    /// The first two bytes are asked of [`Prefixes::passing`]: telling
    /// letters from other bytes and looking up `pairs` cost some twenty
    /// instructions a word start, the table a few.
    #[inline(always)]
    fn pair_may_start(&self, bytes: &[u8]) -> bool {
        let (Some(&b0), Some(&b1)) = (bytes.first(), bytes.get(1)) else {
            return true;
        };
        let i = usize::from(b0) << 8 | usize::from(b1);
        self.passing
            .get(i >> 6)
            .is_none_or(|w| w >> (i & 63) & 1 != 0)
            || bytes.get(2).is_some_and(|b| !b.is_ascii())
    }

    /// Whether the bytes `b0 b1` may begin a starting word by
    /// [`Prefixes::pairs`]: `false` only for two ASCII letters (either
    /// case) that begin none.
    fn pair_passes(&self, b0: u8, b1: u8) -> bool {
        let l0 = (b0 | 0x20).wrapping_sub(b'a');
        let l1 = (b1 | 0x20).wrapping_sub(b'a');
        l0 >= 26
            || l1 >= 26
            || self
                .pairs
                .get(usize::from(l0))
                .is_none_or(|p| p & (1 << l1) != 0)
    }

    /// Whether three ASCII letters (`a` = 0) begin a starting word, by
    /// [`Prefixes::thirds`]: where [`Prefixes::may_start_fast`], having
    /// read them at the start of a word, goes on or says `false`.
    ///
    /// Asked after the pair gate, of the words it lets through (about one
    /// in four word starts), which nearly half fail: reading the letters
    /// one by one into a key and asking the bits cost some forty
    /// instructions a word, this look-up a few.
    #[inline(always)]
    fn third_holds(&self, [l0, l1, l2]: [u8; 3]) -> bool {
        self.thirds
            .get(usize::from(l0) * 26 + usize::from(l1))
            .is_some_and(|row| row.checked_shr(u32::from(l2)).is_some_and(|r| r & 1 != 0))
    }

    /// [`Prefixes::may_start_fast`] of a word whose first three bytes are
    /// the ASCII letters `letters` (`a` = 0, either case), which
    /// [`Prefixes::third_holds`] holds: read on from the fourth byte, the
    /// key started from the three.
    #[inline(always)]
    fn may_start_after_three(&self, rest: &str, [l0, l1, l2]: [u8; 3]) -> bool {
        let key = (u64::from(l0) * 30 + u64::from(l1) + 31) * 30 + u64::from(l2) + 1;
        self.may_start_from(rest, Self::LETTERS, key)
    }

    /// [`Prefixes::pair_may_start`] telling the letters and looking them
    /// up in [`Prefixes::pairs`]: its oracle.
    #[cfg(test)]
    fn pair_may_start_by_letters(&self, bytes: &[u8]) -> bool {
        let (Some(&b0), Some(&b1)) = (bytes.first(), bytes.get(1)) else {
            return true;
        };
        let l0 = (b0 | 0x20).wrapping_sub(b'a');
        let l1 = (b1 | 0x20).wrapping_sub(b'a');
        if l0 >= 26 || l1 >= 26 || bytes.get(2).is_some_and(|b| !b.is_ascii()) {
            return true;
        }
        self.pairs
            .get(usize::from(l0))
            .is_none_or(|p| p & (1 << l1) != 0)
    }

    /// [`Prefixes::may_start`] read from the bytes of `rest`: ASCII
    /// letters and `ä`, `ö`, `å` in either case (nearly every beginning)
    /// without decoding; a word holding any other character among its
    /// first six is left to `may_start`.
    ///
    /// The key is built as the letters come, its leading count added at
    /// the end ([`LETTER_PLACES`]): gathering the letters first and
    /// folding them into a key cost twice the reading. The bits are asked
    /// as soon as three letters are read, so most words end there.
    ///
    /// Always inlined: asked at every word start of a text, and as a call
    /// of its own it cost more than the letters it saves reading.
    #[inline(always)]
    fn may_start_fast(&self, rest: &str) -> bool {
        self.may_start_from(rest, 0, 0)
    }

    /// [`Prefixes::may_start_fast`] read on from byte `n` of `rest`, its
    /// first `n` bytes being ASCII letters whose key (its leading count
    /// left out) is `key`.
    #[inline(always)]
    fn may_start_from(&self, rest: &str, n: usize, key: u64) -> bool {
        let bytes = rest.as_bytes();
        let mut key = key;
        let mut n = n;
        let mut i = n;
        while n < Self::LONG_LETTERS {
            let Some(&b) = bytes.get(i) else {
                break;
            };
            // An ASCII letter in lower case is within `a`..=`z`; no other
            // byte is, or-ed with 0x20.
            let lower = b | 0x20;
            let l = if lower.wrapping_sub(b'a') < 26 {
                i += 1;
                u64::from(lower - b'a') + 1
            } else if b.is_ascii() {
                // Any other ASCII byte ends the word.
                break;
            } else if b == 0xC3 {
                i += 2;
                match bytes.get(i - 1) {
                    Some(0xA4 | 0x84) => 27,
                    Some(0xB6 | 0x96) => 28,
                    Some(0xA5 | 0x85) => 29,
                    _ => return self.may_start(rest),
                }
            } else {
                return self.may_start(rest);
            };
            key = key * 30 + l;
            n += 1;
            if n == Self::LETTERS && !self.holds_key(key + 3 * 30 * 30 * 30) {
                return false;
            }
        }
        match LETTER_PLACES.get(n) {
            Some(_) if n == 0 => true,
            Some(&place) if n <= Self::LETTERS => self.holds_key(key + n as u64 * place),
            Some(&place) => self.longer.contains(&(key + n as u64 * place)),
            None => true,
        }
    }
}

/// `30^n` for `n` letters: where [`Prefixes::key`] puts the count of
/// `n` letters.
const LETTER_PLACES: [u64; Prefixes::LONG_LETTERS + 1] = [
    1,
    30,
    30 * 30,
    30 * 30 * 30,
    30 * 30 * 30 * 30,
    30 * 30 * 30 * 30 * 30,
    30 * 30 * 30 * 30 * 30 * 30,
];

/// See [`Prefixes`].
static STARTING_PREFIXES: LazyLock<Prefixes> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((Prefixes::LETTERS + 1) * 30 * 30 * 30) / 64 + 1];
    let mut longer = FxHashSet::default();
    // One list of letters for every word, emptied before each.
    let mut letters = Vec::with_capacity(Prefixes::LONG_LETTERS);
    for w in STARTING_WORDS.keys() {
        letters.clear();
        for c in w.chars().take(Prefixes::LONG_LETTERS) {
            let Some(l) = Prefixes::letter(c) else { break };
            letters.push(l);
            let key = Prefixes::key(&letters);
            if letters.len() > Prefixes::LETTERS {
                longer.insert(key);
            } else if let Some(word) = usize::try_from(key / 64).ok().and_then(|i| bits.get_mut(i))
            {
                *word |= 1 << (key % 64);
            }
        }
    }
    let mut table = Prefixes {
        bits,
        longer,
        pairs: [0; 26],
        passing: Box::new([0; 1024]),
        thirds: Box::new([0; 26 * 26]),
    };
    // The rows from the starting words' three-letter beginnings: asking
    // the bits of every three letters cost some 300 k instructions a run.
    for w in STARTING_WORDS.keys() {
        if let [a, b, c, ..] = w.as_bytes()
            && let Some(row) = third_row(&mut table.thirds, *a, *b)
            && c.is_ascii_lowercase()
        {
            *row |= 1 << (c - b'a');
        }
    }
    for (first, row) in (1u64..).zip(table.pairs.iter_mut()) {
        for second in 1..=26u64 {
            if table_holds_key(&table.bits, 2 * 30 * 30 + first * 30 + second) {
                *row |= 1 << (second - 1);
            }
        }
    }
    let mut passing = [0u64; 1024];
    for (i, word) in passing.iter_mut().enumerate() {
        for bit in 0..64 {
            let pair = i * 64 + bit;
            let (b0, b1) = ((pair >> 8) as u8, pair as u8);
            if table.pair_passes(b0, b1) {
                *word |= 1 << bit;
            }
        }
    }
    *table.passing = passing;
    table
});

/// The first three bytes of `bytes` as letter numbers (`a` = 0), when all
/// three are ASCII letters (either case).
#[inline(always)]
fn three_letters(bytes: &[u8]) -> Option<[u8; 3]> {
    let (Some(&b0), Some(&b1), Some(&b2)) = (bytes.first(), bytes.get(1), bytes.get(2)) else {
        return None;
    };
    let l0 = (b0 | 0x20).wrapping_sub(b'a');
    let l1 = (b1 | 0x20).wrapping_sub(b'a');
    let l2 = (b2 | 0x20).wrapping_sub(b'a');
    (l0 < 26 && l1 < 26 && l2 < 26).then_some([l0, l1, l2])
}

/// The row of [`Prefixes::thirds`] for the lower-case ASCII letters `a`
/// and `b`; `None` for other bytes.
fn third_row(thirds: &mut [u32; 26 * 26], a: u8, b: u8) -> Option<&mut u32> {
    if !(a.is_ascii_lowercase() && b.is_ascii_lowercase()) {
        return None;
    }
    thirds.get_mut(usize::from(a - b'a') * 26 + usize::from(b - b'a'))
}

/// Whether `bits` hold the beginning of `key`: [`Prefixes::holds_key`]
/// while the table is being built.
fn table_holds_key(bits: &[u64], key: u64) -> bool {
    usize::try_from(key / 64)
        .ok()
        .and_then(|i| bits.get(i))
        .is_some_and(|w| w & (1 << (key % 64)) != 0)
}

/// Whether `bytes` hold a character that folds to a letter of the starting
/// words without being that letter in either case: U+0308 or U+030A
/// (`CC 88`, `CC 8A`), the Kelvin sign U+212A or the Ångström sign U+212B
/// (`E2 84 AA`, `E2 84 AB`).
///
/// One pass for the lead bytes `CC` and `E2`, each checked by the bytes
/// after it: two `memmem` searches per text cost a searcher built each
/// time, more than the pass (`E2` leads the dashes and quotes of a text,
/// which are few).
fn folds_unusually(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(0xCC, 0xE2, bytes).any(|i| match bytes.get(i) {
        Some(0xCC) => matches!(bytes.get(i + 1), Some(0x88 | 0x8A)),
        _ => bytes.get(i + 1) == Some(&0x84) && matches!(bytes.get(i + 2), Some(0xAA | 0xAB)),
    })
}

/// [`folds_unusually`] by a search for each character: its oracle.
#[cfg(test)]
fn folds_unusually_by_search(bytes: &[u8]) -> bool {
    let combining =
        memchr::memchr_iter(0xCC, bytes).any(|i| matches!(bytes.get(i + 1), Some(0x88 | 0x8A)));
    combining
        || memchr::memmem::find(bytes, "\u{212A}".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "\u{212B}".as_bytes()).is_some()
}

/// Where the run of word characters holding byte `at` starts, if it starts
/// at most [`MAX_WORD`] characters back (a longer word is no date word).
fn word_start_before(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let mut start = at;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if !is_word_char(c) {
            return Some(start);
        }
        if n >= MAX_WORD {
            return None;
        }
        start = i;
    }
    Some(start)
}

/// The numeric date at the very start of `text` (a line), even when glued to the next word (`4.10.2019Perhepalvelujen`).
///
/// Recognises `D.M.YYYY`, `D.M.` (no year), day ranges (`3.–4.6.2019`)
/// and ISO days (`2019-03-05`), which date lines of listings and news
/// items; the date must not run on into further digits (`1.2.20189`).
pub fn leading_date(text: &str) -> Option<DateMatch<'_>> {
    let (rest, value) = written_day(text).ok()?;
    make_match(text, 0, text.len() - rest.len(), value)
}

/// Fills an unspecified year from an anchor date, choosing the reading nearest to the anchor
/// (anchor 2019-03-14: `XXXX-03-12` → 2019-03-12; `XXXX-12-28` → 2018-12-28; anchor 2020-08-20: `XXXX-10` → 2020-10;
/// anchor 2019-10-02: autumn → 2019-23). Values that have a year are returned unchanged.
///
/// The readings tried are the anchor's year and the years before and after
/// it. A reading whose period contains the anchor is at distance zero;
/// otherwise the distance is from the anchor to the period's first day, so a
/// period that ended shortly before the anchor does not beat one that starts
/// soon after it (a news item of April saying `syksyllä` means the coming
/// autumn). Ties go to the anchor's year, then to the year before. An
/// interval keeps its ends in order (`XXXX-12-30/XXXX-01-02` spans the turn
/// of the year). A value no reading can hold (`XXXX-02-29` far from a leap
/// year) is returned unchanged.
pub fn resolve_year(value: EdtfDate, anchor: NaiveDate) -> EdtfDate {
    if value.has_year() {
        return value;
    }
    if value.bounds().is_some() {
        return resolve_by_readings(value, anchor);
    }
    let Some(start) = YearStart::of(anchor) else {
        return value;
    };
    let anchor = anchor.num_days_from_ce();
    let mut best: Option<(i32, i64)> = None;
    for start in [start, start.previous(), start.next()] {
        let Some(d) = point_distance(value, start, anchor) else {
            continue;
        };
        if best.is_none_or(|(_, b)| d < b) {
            best = Some((start.year, d));
        }
        if d == 0 {
            // Nothing comes nearer, and ties go to the earlier reading.
            break;
        }
    }
    best.and_then(|(y, _)| value.with_year(y).ok())
        .unwrap_or(value)
}

/// [`resolve_year`] by filling in each reading and measuring it: what an
/// interval takes, where the ends' readings depend on each other.
fn resolve_by_readings(value: EdtfDate, anchor: NaiveDate) -> EdtfDate {
    let year = anchor.year();
    [year, year - 1, year + 1]
        .into_iter()
        .filter_map(|y| fill_year(value, y))
        .min_by_key(|reading| distance(*reading, anchor))
        .unwrap_or(value)
}

/// [`distance`] of the single date `value` (no year) read in the year
/// `start` begins, from the day number of `anchor`
/// ([`Datelike::num_days_from_ce`]), worked out from day numbers alone;
/// `None` where it has no such reading (`XXXX-02-29` in a common year, a
/// year outside 0000–9999).
///
/// Every date whose year the text leaves out is resolved: filling in each
/// reading as a date to measure it (checking its day twice, asking its
/// precision and bounds, finding its last day) cost three times as much.
fn point_distance(value: EdtfDate, start: YearStart, anchor: i32) -> Option<i64> {
    if !(0..=9999).contains(&start.year) {
        return None;
    }
    // The first day, and how many months the period lasts (none: a day).
    let (month, day, months) = match value.precision() {
        Precision::Day => (value.month_number()?, value.day_of_month()?, 0),
        Precision::Month => (value.month_number()?, 1, 1),
        Precision::Season => (u32::from(value.season_of_year()?.code() - 21) * 3 + 3, 1, 3),
        Precision::Year => (1, 1, 12),
        Precision::Interval => return None,
    };
    let first = start.day(month, day)?;
    let after = if months == 0 {
        first + 1
    } else {
        // The first day after the period: the first of the month `months`
        // on, in this year or the next (`month` is 1–12, as `first` is a day).
        let later = month - 1 + months;
        let year = if later < 12 { start } else { start.next() };
        match year.day(later % 12 + 1, 1) {
            Some(next) => next,
            // No such day: never the nearest, as `coverage` has it.
            None => return Some(i64::MAX),
        }
    };
    Some(if first <= anchor && anchor < after {
        0
    } else {
        i64::from(first.abs_diff(anchor))
    })
}

/// The days before the first of each month in a common year, and (last)
/// the days of the year: month `m` (1–12) begins after `[m - 1]` days and
/// ends after `[m]`.
const DAYS_BEFORE_MONTH: [u32; 13] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/// A year of the proleptic Gregorian calendar and the day number
/// ([`Datelike::num_days_from_ce`]) of its 1 January: the readings of a
/// date without a year are the anchor's year and its neighbours, whose
/// starts follow from the anchor's by the years' lengths, and each day in
/// them from its start by [`DAYS_BEFORE_MONTH`].
///
/// [`resolve_year`] asks two days of each of up to three readings of
/// every date without a year; working each out from its year alone (in
/// 400-year eras, `day_number`, now a test oracle) cost about twice as much.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct YearStart {
    /// The year.
    year: i32,
    /// The day number of its 1 January.
    jan1: i32,
}

impl YearStart {
    /// The year of `date`; `None` never in practice (a day of the year
    /// past `i32`).
    fn of(date: NaiveDate) -> Option<Self> {
        let before = i32::try_from(date.ordinal0()).ok()?;
        Some(Self {
            year: date.year(),
            jan1: date.num_days_from_ce() - before,
        })
    }

    /// The year before.
    fn previous(self) -> Self {
        let year = self.year - 1;
        Self {
            year,
            jan1: self.jan1 - 365 - i32::from(is_leap(year)),
        }
    }

    /// The year after.
    fn next(self) -> Self {
        Self {
            year: self.year + 1,
            jan1: self.jan1 + 365 + i32::from(is_leap(self.year)),
        }
    }

    /// The day number of day `day` of month `month` of this year; `None`
    /// when there is no such day (a month outside 1–12, a day outside the
    /// month).
    fn day(self, month: u32, day: u32) -> Option<i32> {
        if !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let m = usize::try_from(month).ok()?;
        let (before, end) = (*DAYS_BEFORE_MONTH.get(m - 1)?, *DAYS_BEFORE_MONTH.get(m)?);
        // A leap day ends February and puts off every later month.
        let leap = is_leap(self.year);
        if day > end - before + u32::from(leap && month == 2) {
            return None;
        }
        let within = before + u32::from(leap && month > 2) + day - 1;
        Some(self.jan1 + i32::try_from(within).ok()?)
    }
}

/// Whether `year` is a Gregorian leap year: every fourth year, but of the
/// centuries (multiples of 25 among them) only every fourth (multiples of 16).
fn is_leap(year: i32) -> bool {
    year & 3 == 0 && (year % 25 != 0 || year & 15 == 0)
}

/// The day number of day `day` of month `month` of `year` in the
/// proleptic Gregorian calendar, 1 for 0001-01-01
/// ([`Datelike::num_days_from_ce`]); `None` when there is no such day (a
/// month outside 1–12, a day outside the month). Years far beyond any
/// reading (past ±5 000 000) are `None` too.
///
/// Worked out by arithmetic: the days before the year in whole 400-year
/// eras, and within the era and the year counted from March, so that a
/// leap day ends its year. [`point_distance`] asks two days of each of
/// up to three readings of every date without a year, and building each
/// as a chrono date to ask its number cost some 55 instructions a day.
/// [`YearStart::day`] now does this from the anchor's year; this stays as
/// its oracle.
#[cfg(test)]
fn day_number(year: i32, month: u32, day: u32) -> Option<i32> {
    if !(-5_000_000..=5_000_000).contains(&year) || day == 0 || day > days_in_month(year, month)? {
        return None;
    }
    // The year counted from March: January and February end the year before.
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let day_of_year = (153 * ((i64::from(month) + 9) % 12) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // Day 0 of this count is 0000-03-01, whose day number is -305 (0000
    // is a leap year of 366 days, and 0000-12-31 is day 0).
    i32::try_from(era * 146_097 + day_of_era - 305).ok()
}

/// The days of month `month` (1–12) of `year`; `None` for no month.
#[cfg(test)]
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => Some(29),
        2 => Some(28),
        4 | 6 | 9 | 11 => Some(30),
        1..=12 => Some(31),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Lexicons (general Finnish, not taken from any particular announcement)
// ---------------------------------------------------------------------------

/// Finnish month-name stems; the month name is the stem plus `kuu` ("moon,
/// month") in some case: `marras` + `kuussa` = "in November".
const MONTH_STEMS: &[(&str, u32)] = &[
    ("tammi", 1),
    ("helmi", 2),
    ("maalis", 3),
    ("huhti", 4),
    ("touko", 5),
    ("kesä", 6),
    ("heinä", 7),
    ("elo", 8),
    ("syys", 9),
    ("loka", 10),
    ("marras", 11),
    ("joulu", 12),
];

/// `kuu` in the singular cases a month name takes: nominative, genitive,
/// partitive, inessive, elative, illative, adessive, allative, ablative,
/// translative, essive.
const MONTH_ENDINGS: &[&str] = &[
    "kuu", "kuun", "kuuta", "kuussa", "kuusta", "kuuhun", "kuulla", "kuulle", "kuulta", "kuuksi",
    "kuuna",
];

/// The partitive ending, the only case of an ordinal date (`15. maaliskuuta`).
const MONTH_PARTITIVE: &str = "kuuta";

/// The four seasons in the singular cases announcements use, plus the
/// school-year terms (`kevätkausi` spring term, `syyskausi` autumn term).
const SEASON_FORMS: &[(&str, Season)] = &[
    ("kevät", Season::Spring),
    ("kevään", Season::Spring),
    ("keväällä", Season::Spring),
    ("keväänä", Season::Spring),
    ("kevääksi", Season::Spring),
    ("kevättä", Season::Spring),
    ("keväästä", Season::Spring),
    ("kevääseen", Season::Spring),
    ("keväälle", Season::Spring),
    ("keväältä", Season::Spring),
    ("kevätkausi", Season::Spring),
    ("kevätkauden", Season::Spring),
    ("kevätkaudella", Season::Spring),
    ("kevätkaudeksi", Season::Spring),
    ("kevätkaudesta", Season::Spring),
    ("kevätkauteen", Season::Spring),
    ("kesä", Season::Summer),
    ("kesän", Season::Summer),
    ("kesällä", Season::Summer),
    ("kesänä", Season::Summer),
    ("kesää", Season::Summer),
    ("kesästä", Season::Summer),
    ("kesään", Season::Summer),
    ("kesälle", Season::Summer),
    ("kesältä", Season::Summer),
    ("kesäksi", Season::Summer),
    ("syksy", Season::Autumn),
    ("syksyn", Season::Autumn),
    ("syksyllä", Season::Autumn),
    ("syksynä", Season::Autumn),
    ("syksyä", Season::Autumn),
    ("syksystä", Season::Autumn),
    ("syksyyn", Season::Autumn),
    ("syksylle", Season::Autumn),
    ("syksyltä", Season::Autumn),
    ("syksyksi", Season::Autumn),
    ("syyskausi", Season::Autumn),
    ("syyskauden", Season::Autumn),
    ("syyskaudella", Season::Autumn),
    ("syyskaudeksi", Season::Autumn),
    ("syyskaudesta", Season::Autumn),
    ("syyskauteen", Season::Autumn),
    ("talvi", Season::Winter),
    ("talven", Season::Winter),
    ("talvella", Season::Winter),
    ("talvena", Season::Winter),
    ("talvea", Season::Winter),
    ("talvesta", Season::Winter),
    ("talveen", Season::Winter),
    ("talvelle", Season::Winter),
    ("talvelta", Season::Winter),
    ("talveksi", Season::Winter),
];

/// The nominatives among [`SEASON_FORMS`] (compounds end in them).
const SEASON_NOMINATIVES: &[&str] = &["kevät", "kesä", "syksy", "talvi", "kausi"];

/// Compound prefixes that narrow a season without leaving it (`alkusyksystä`
/// early autumn, `loppukesällä` late summer, `syystalvella` early winter),
/// with the one that moves it: `kevättalvi` (late winter, February–March)
/// is read as spring, because EDTF's winter of a year starts in its December.
const SEASON_PREFIXES: &[(&str, Option<(Season, Season)>)] = &[
    ("alku", None),
    ("loppu", None),
    ("keski", None),
    ("sydän", None),
    ("myöhäis", None),
    ("varhais", None),
    ("syys", None),
    ("kevät", Some((Season::Winter, Season::Spring))),
];

/// Endings of words that introduce a year number: `vuonna 2019`,
/// `vuoden 2021`, `vuosina 2019–2020`, and compounds ending in them
/// (`alkuvuodesta`, `toimintavuonna`, `lukuvuonna`).
const YEAR_WORDS: &[&str] = &[
    "vuosi", "vuoden", "vuonna", "vuodelle", "vuodesta", "vuoteen", "vuodeksi", "vuodelta",
    "vuotena", "vuosina", "vuosille", "vuosien", "vuosilta", "vuosiksi", "vuodet", "vuosista",
    "vuosiin", "vuosia",
];

/// Words after a date that place something inside its period; they belong
/// to the temporal expression (`lokakuun alussa` is early October).
const ASPECTS: &[&str] = &[
    "alussa",
    "lopussa",
    "puolivälissä",
    "alkupuolella",
    "loppupuolella",
    "lopulla",
    "alkupuoliskolla",
    "loppupuoliskolla",
    "jälkipuoliskolla",
    "keskivaiheilla",
];

/// An aspect word ([`ASPECTS`]) after one to three spaces: ` alussa`.
///
/// Asked after every month, season and year phrase and bare year, which
/// are seldom followed by one; most of the words that follow start with a
/// letter no aspect word starts with, told before the word is read and
/// folded.
fn aspect(input: &str) -> Res<'_, ()> {
    let (rest, _) = hsp(input)?;
    keyword(ASPECTS)(rest)
}

/// [`aspect`] without the look at the first letter: its oracle.
#[cfg(test)]
fn aspect_by_keyword(input: &str) -> Res<'_, ()> {
    let (rest, (_, ())) = (hsp, listed(ASPECTS)).parse(input)?;
    Ok((rest, ()))
}

/// Postpositions of duration (`kevään aikana`, `syksyn ajan`): they do not
/// change the date and stay out of its span, but they make a bare year a
/// date (`2019 aikana`).
const DURATIONS: &[&str] = &["aikana", "ajan", "kuluessa"];

/// Words before a season or month that say which one is meant
/// (`ensi keväänä`, `tänä syksynä`); kept in the span.
const DETERMINERS: &[&str] = &[
    "ensi",
    "tänä",
    "viime",
    "tulevana",
    "tulevan",
    "tulevalla",
    "kuluvana",
    "kuluvan",
    "tämän",
];

/// Words that introduce a clock time (`klo 13.00`), which is never a date.
const CLOCK_WORDS: &[&str] = &["klo", "kello", "kl"];

/// Weekdays, abbreviated and in full (nominative and essive), which may
/// stand between a cue word and a date (`viimeistään pe 15.3.`).
const WEEKDAYS: &[&str] = &[
    "ma",
    "ti",
    "ke",
    "to",
    "pe",
    "la",
    "su",
    "maanantai",
    "tiistai",
    "keskiviikko",
    "torstai",
    "perjantai",
    "lauantai",
    "sunnuntai",
    "maanantaina",
    "tiistaina",
    "keskiviikkona",
    "torstaina",
    "perjantaina",
    "lauantaina",
    "sunnuntaina",
];

/// Cue phrases after a date, longest first. `loppuun` alone ("to the end
/// of") bounds like `saakka`.
const CUES_AFTER: &[(&[&str], DateCue)] = &[
    (&["loppuun", "mennessä"], DateCue::By),
    (&["loppuun", "saakka"], DateCue::Until),
    (&["loppuun", "asti"], DateCue::Until),
    (&["alkuun", "mennessä"], DateCue::By),
    (&["alkuun", "saakka"], DateCue::Until),
    (&["alkuun", "asti"], DateCue::Until),
    (&["alusta", "alkaen"], DateCue::From),
    (&["alusta", "lähtien"], DateCue::From),
    (&["mennessä"], DateCue::By),
    (&["saakka"], DateCue::Until),
    (&["asti"], DateCue::Until),
    (&["loppuun"], DateCue::Until),
    (&["alkaen"], DateCue::From),
    (&["lähtien"], DateCue::From),
    (&["alusta"], DateCue::From),
    (&["alkavat"], DateCue::From),
    (&["alkava"], DateCue::From),
    (&["alkavan"], DateCue::From),
    (&["alkavaa"], DateCue::From),
];

/// Cue words before a date (`alkaen 1.1.2020`, `viimeistään 15.3.`).
const CUES_BEFORE: &[(&str, DateCue)] = &[
    ("alkaen", DateCue::From),
    ("lähtien", DateCue::From),
    ("viimeistään", DateCue::By),
];

/// Conjunctions that join two days of one month (`14. ja 15.11.`) or two
/// month stems (`kesä- ja heinäkuussa`).
const CONJUNCTIONS: &[&str] = &["ja", "sekä", "tai"];

/// Words that number a document, meeting, week or bill: after them `N/YYYY`
/// is a serial number (`Esityslista 6/2018`, `Muistio 4/2019`,
/// `vko 12/2019`), not a month. Matched as word beginnings, so inflected
/// forms count (`esityslistan`, `pöytäkirjassa`, `kokouksen`).
const NUMBERING_STEMS: &[&str] = &[
    "muistio",
    "esityslist",
    "asialist",
    "pöytäkirj",
    "kokou",
    "liite",
    "liitte",
    "numero",
    "viikko",
    "viikol",
    "pykälä",
    "asia",
    "diaari",
    "versio",
    "tiedote",
    "päätös",
    "lausun",
    "kirje",
];

/// Short numbering words, matched whole: `nro`, `no`, the `o` of `n:o`,
/// `vko` (week), `HE` (a government bill), `dnro`, `ptk`.
const NUMBERING_WORDS: &[&str] = &["nro", "no", "o", "vko", "he", "dnro", "dno", "ptk", "vp"];

/// What counts as a dash between two dates: hyphen-minus, the Unicode
/// hyphens, figure dash, en dash, em dash, horizontal bar and minus.
const DASHES: &[char] = &[
    '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
];

/// Years a bare or phrase year may have; a four-digit number outside is a
/// count or a code.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2099;

/// The widest span of years read from a bare `YYYY–YYYY`.
const MAX_YEAR_SPAN: i32 = 30;

/// The most space characters between two parts of one expression.
const MAX_GAP: usize = 3;

/// The longest word looked up in a lexicon, in characters.
const MAX_WORD: usize = 40;

// ---------------------------------------------------------------------------
// The scan
// ---------------------------------------------------------------------------

/// What trying a candidate start gave.
enum Step<'a> {
    /// A date.
    Found(DateMatch<'a>),
    /// Something to jump over (a clock time), ending at this offset.
    Skip(usize),
    /// Nothing here.
    Nothing,
}

/// The two characters before byte offset `at`, nearest first.
fn last_two_chars(text: &str, at: usize) -> (Option<char>, Option<char>) {
    let mut back = text.get(..at).unwrap_or_default().chars().rev();
    (back.next(), back.next())
}

/// Whether a date may start at `c`, given the two characters before it: not
/// inside a word or number (`Pirkanmaa2019`, the `2019` of `1.2.2019`,
/// `040-718`) and not inside a hyphenated compound (`sote-syksy`).
fn may_start(c: char, prev: Option<char>, prev2: Option<char>) -> bool {
    let Some(p) = prev else {
        return c.is_ascii_digit() || c.is_alphabetic();
    };
    if p.is_alphanumeric() || is_combining(p) {
        return false;
    }
    if c.is_ascii_digit() {
        !(is_number_joint(p) && prev2.is_some_and(|q| q.is_ascii_digit()))
    } else if c.is_alphabetic() {
        !(is_dash(p) && prev2.is_some_and(char::is_alphanumeric))
    } else {
        false
    }
}

/// Tries every recogniser that may start with `c` at byte offset `at`.
fn attempt(text: &str, at: usize, c: char) -> Step<'_> {
    let Some(input) = text.get(at..) else {
        return Step::Nothing;
    };
    let found = if c.is_ascii_digit() {
        numeric(text, at, input)
    } else {
        let Some((first, after)) = FirstWord::of(input) else {
            return Step::Nothing;
        };
        if first.clock
            && let Ok((rest, ())) = clock_rest(after)
        {
            return Step::Skip(at + input.len() - rest.len());
        }
        worded(input, after, &first)
    };
    found
        .and_then(|(len, value)| make_match(text, at, len, value))
        .map_or(Step::Nothing, Step::Found)
}

/// Which recognisers the first word of a worded candidate can start, and
/// what their lexicons say of it, told by one look-up of the word: each of
/// them starts by reading that word and failing unless its own lexicon
/// knows it, so only these need to run, and each goes on after the word
/// with what the look-up found. Running them all read and folded the same
/// word six times over; letting each read it again, twice.
#[derive(Debug, Clone, Copy, Default)]
struct FirstWord {
    /// A clock word (`klo`): a clock time ([`clock_rest`]).
    clock: bool,
    /// A determiner (`ensi`): a determined date ([`determined_rest`]).
    determiner: bool,
    /// The month of a month name (`lokakuussa`): [`single_month_rest`].
    month: Option<u32>,
    /// The month of a range start (`syys`, `marraskuu`): [`month_range_rest`].
    range_start: Option<u32>,
    /// The season of a season word (`syksyllä`) and whether the word is a
    /// nominative: [`season_rest`].
    season: Option<(Season, bool)>,
    /// A year word (`vuonna`): [`year_phrase_rest`].
    year: bool,
}

impl FirstWord {
    /// What the word at the start of `input` can begin, and the rest of
    /// `input` after the word; `None` when it can begin no worded date or
    /// clock time.
    ///
    /// A word of [`STARTING_WORDS`] has its answer there, worked out once;
    /// any other word can begin only a year phrase, as every clock word,
    /// determiner, month and season word is in the set.
    fn of(input: &str) -> Option<(Self, &str)> {
        let (after, folded) = folded_word(input).ok()?;
        let w: &str = &folded;
        let year = year_word(w).is_some();
        let first = match STARTING_WORDS.get(w) {
            Some(&known) => FirstWord { year, ..known },
            None if year => FirstWord {
                year,
                ..FirstWord::default()
            },
            None => return None,
        };
        Some((first, after))
    }

    /// What the lexicons say of `w`, but for the open class of year words.
    fn looked_up(w: &str) -> Self {
        FirstWord {
            clock: CLOCK_WORDS.contains(&w),
            determiner: DETERMINERS.contains(&w),
            month: month_word(w).map(|(month, _)| month),
            range_start: month_range_start(w),
            season: season_word(w).map(|season| (season, is_nominative_season(w))),
            year: false,
        }
    }
}

/// Every word that can begin a worded date or a clock time, except the
/// open class of year words (compounds ending in them): clock words,
/// determiners, month names and range starts, season words. All are
/// finite lists, so one map answers for them, with the recognisers each
/// word can begin ([`FirstWord::looked_up`], made once per word here
/// rather than once per occurrence in a text).
static STARTING_WORDS: LazyLock<FxHashMap<String, FirstWord>> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    words.extend(CLOCK_WORDS.iter().map(|w| w.to_string()));
    words.extend(DETERMINERS.iter().map(|w| w.to_string()));
    for (stem, _) in MONTH_STEMS {
        words.push(stem.to_string());
        for ending in MONTH_ENDINGS {
            words.push([*stem, *ending].concat());
        }
    }
    for (form, _) in SEASON_FORMS {
        words.push(form.to_string());
        for (prefix, _) in SEASON_PREFIXES {
            words.push([*prefix, *form].concat());
        }
    }
    words
        .into_iter()
        .map(|w| {
            let known = FirstWord::looked_up(&w);
            (w, known)
        })
        .collect()
});

/// A match of `len` bytes at `at`, with the cue next to it.
fn make_match(text: &str, at: usize, len: usize, value: EdtfDate) -> Option<DateMatch<'_>> {
    let span = Span::new(at, at + len);
    let matched = text.get(span.range())?;
    if matched.is_empty() {
        return None;
    }
    let cue = cue_after(text, span.end).or_else(|| cue_before(text, at));
    Some(DateMatch {
        span,
        text: matched,
        value,
        cue,
    })
}

/// Dates that start with a digit, longest reading first; returns the
/// length in bytes and the value.
fn numeric(text: &str, at: usize, input: &str) -> Option<(usize, EdtfDate)> {
    if !may_be_numeric_date(input) {
        return None;
    }
    let len = |rest: &str| input.len() - rest.len();
    if let Ok((rest, value)) = alt((written_day, ordinal_month_date)).parse(input) {
        return Some((len(rest), value));
    }
    if let Some(found) = day_before_conjunction(input) {
        return Some(found);
    }
    // The month parser first: it fails at once on most numbers, and the
    // look back for a numbering word costs more.
    if let Ok((rest, value)) = month_slash_year(input)
        && !numbering_before(text, at)
    {
        return Some((len(rest), value));
    }
    alt((bare_year_range, bare_year_with_cue))
        .parse(input)
        .ok()
        .map(|(rest, value)| (len(rest), value))
}

/// Whether the digits at the start of `input` can begin a numeric date:
/// every form starts with a year (four digits) or with a day or month (one
/// or two digits) and a `.`, a `/` or a space (`15 päivänä`). Most numbers
/// (phone numbers, sums, counts) fail here before any parser runs.
///
/// Read from the bytes: digits up to five (more are as many as five), and
/// the byte after one or two, decoded only when it is no ASCII byte.
/// Counting every digit of a long number and slicing the text after the
/// digits (with its check of a character boundary) cost more.
fn may_be_numeric_date(input: &str) -> bool {
    let bytes = input.as_bytes();
    let digits = leading_digits(bytes);
    match digits {
        1 | 2 => match bytes.get(digits) {
            Some(&b) if b.is_ascii() => b == b'.' || b == b'/' || is_hspace(char::from(b)),
            Some(_) => input
                .get(digits..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_hspace),
            None => false,
        },
        4 => true,
        _ => false,
    }
}

/// How many ASCII digits `bytes` start with, counted up to five: no date
/// starts with more than four, so five stands for any more.
fn leading_digits(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take(5)
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// [`may_be_numeric_date`] counting every digit and reading the character
/// after them: its oracle.
#[cfg(test)]
fn may_be_numeric_date_by_chars(input: &str) -> bool {
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        1 | 2 => input[digits..]
            .chars()
            .next()
            .is_some_and(|c| c == '.' || c == '/' || is_hspace(c)),
        4 => true,
        _ => false,
    }
}

/// Dates that start with a word, `first`, followed in `input` by
/// `after`; returns the length in bytes and the value. The choice of a
/// determined date, a month phrase, a season phrase and a year phrase, in
/// that order, of those `first` says can start here, each read on from
/// after the word with what its look-up found.
fn worded(input: &str, after: &str, first: &FirstWord) -> Option<(usize, EdtfDate)> {
    let determined = || first.determiner.then(|| determined_rest(after).ok());
    let season = || {
        let (season, nominative) = first.season?;
        season_rest(after, season, nominative, false).ok()
    };
    let year = || first.year.then(|| year_phrase_rest(after).ok());
    determined()
        .flatten()
        .or_else(|| month_phrase_after(after, first).ok())
        .or_else(season)
        .or_else(|| year().flatten())
        .map(|(rest, value)| (input.len() - rest.len(), value))
}

// ---------------------------------------------------------------------------
// Small parsers
// ---------------------------------------------------------------------------

type Res<'a, T> = IResult<&'a str, T>;

/// A recoverable parse failure at `input`.
fn fail<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(NomError::new(input, ErrorKind::Verify)))
}

#[cfg(test)]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Space within one line: NBSP and the other Unicode spaces, not line ends.
fn is_hspace(c: char) -> bool {
    is_space(c)
        && !matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

fn is_dash(c: char) -> bool {
    DASHES.contains(&c)
}

/// Combining diacritics, which belong to the letter before them.
fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36F}').contains(&c)
}

/// A letter or a combining mark: a character of a word.
fn is_word_char(c: char) -> bool {
    is_alphabetic(c) || is_combining(c)
}

/// Characters that join the parts of one number (`1.2`, `1,5`, `12:30`,
/// `6/2018`, `040-718`).
fn is_number_joint(c: char) -> bool {
    matches!(c, '.' | ',' | ':' | '/') || is_dash(c)
}

/// One to three spaces.
fn hsp(input: &str) -> Res<'_, &str> {
    spaces(input, 1)
}

/// Up to three spaces.
fn ohsp(input: &str) -> Res<'_, &str> {
    spaces(input, 0)
}

/// `min` to [`MAX_GAP`] spaces of [`is_hspace`], as many as there are.
///
/// Always inlined, for the two commonest gaps: none (an ASCII byte but
/// space and tab first: a letter, a digit, a mark) and one space or tab
/// before such a byte. Every number and word a parser reads is followed by
/// a look for spaces, and as a call each look cost several times what it
/// reads; other gaps go to [`spaces_by_bytes`].
#[inline(always)]
fn spaces(input: &str, min: usize) -> Res<'_, &str> {
    let gap = match input.as_bytes() {
        [] => 0,
        [b' ' | b'\t', next, ..] if next.is_ascii() && !matches!(next, b' ' | b'\t') => 1,
        [first, ..] if first.is_ascii() && !matches!(first, b' ' | b'\t') => 0,
        _ => return spaces_by_bytes(input, min),
    };
    match (gap >= min).then(|| input.split_at_checked(gap)).flatten() {
        Some((taken, rest)) => Ok((rest, taken)),
        None => fail(input),
    }
}

/// [`spaces`] read byte by byte, for any gap.
///
/// By hand rather than nom's `take_while_m_n`. Read by bytes: the only
/// ASCII spaces of [`is_hspace`] are space and tab, so an ASCII byte
/// answers without decoding a character and calling the test (most of the
/// cost).
fn spaces_by_bytes(input: &str, min: usize) -> Res<'_, &str> {
    let bytes = input.as_bytes();
    let mut end = 0;
    let mut n = 0;
    while n < MAX_GAP {
        let step = match bytes.get(end) {
            Some(b' ' | b'\t') => 1,
            Some(b) if b.is_ascii() => break,
            Some(_) => match input.get(end..).and_then(|r| r.chars().next()) {
                Some(c) if is_hspace(c) => c.len_utf8(),
                _ => break,
            },
            None => break,
        };
        end += step;
        n += 1;
    }
    match (n >= min).then(|| input.split_at_checked(end)).flatten() {
        Some((taken, rest)) => Ok((rest, taken)),
        None => fail(input),
    }
}

/// [`spaces`] a character at a time: its oracle.
#[cfg(test)]
fn spaces_by_chars(input: &str, min: usize) -> Res<'_, &str> {
    let mut end = 0;
    let mut n = 0;
    for c in input.chars().take(MAX_GAP) {
        if !is_hspace(c) {
            break;
        }
        end += c.len_utf8();
        n += 1;
    }
    match (n >= min).then(|| input.split_at_checked(end)).flatten() {
        Some((taken, rest)) => Ok((rest, taken)),
        None => fail(input),
    }
}

/// A dash between the two ends of a range, with optional space around it.
///
/// Every numeric day and every year is asked whether a range goes on
/// after it, and nearly all are followed by a full stop, a letter or a
/// space and a word: [`may_begin_range_dash`] turns those away before the
/// parsers run.
fn range_dash(input: &str) -> Res<'_, ()> {
    if !may_begin_range_dash(input) {
        return fail(input);
    }
    range_dash_by_parsers(input)
}

/// Whether [`range_dash_by_parsers`] may read a dash at the start of
/// `input`: after up to [`MAX_GAP`] spaces or tabs (the only ASCII
/// characters of [`is_hspace`]) comes `-` (the only ASCII dash) or a
/// non-ASCII byte, which may begin a Unicode space or dash.
fn may_begin_range_dash(input: &str) -> bool {
    let bytes = input.as_bytes();
    let gap = bytes
        .iter()
        .take(MAX_GAP)
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    bytes.get(gap).is_some_and(|&b| b == b'-' || !b.is_ascii())
}

/// [`range_dash`] read by the parsers alone: optional space, a dash of
/// [`DASHES`], optional space.
fn range_dash_by_parsers(input: &str) -> Res<'_, ()> {
    let (rest, _) = (ohsp, satisfy(is_dash), ohsp).parse(input)?;
    Ok((rest, ()))
}

/// `min..=max` digits, not followed by another digit.
///
/// By hand, on bytes: every number of a text shaped like a date comes
/// here several times (once per form tried), and nom's `take_while_m_n`,
/// the look-ahead and `str::parse` cost ten times what the digits do.
fn number(input: &str, min: usize, max: usize) -> Res<'_, u32> {
    let bytes = input.as_bytes();
    let digits = bytes
        .iter()
        .take(max)
        .take_while(|b| b.is_ascii_digit())
        .count();
    // No digits is no number, whatever `min` says (as `str::parse` has it).
    if digits == 0 || digits < min || bytes.get(digits).is_some_and(u8::is_ascii_digit) {
        return fail(input);
    }
    let value = bytes.get(..digits).and_then(|d| {
        d.iter().try_fold(0u32, |n, &b| {
            n.checked_mul(10)?.checked_add(u32::from(b - b'0'))
        })
    });
    match (value, input.get(digits..)) {
        (Some(n), Some(rest)) => Ok((rest, n)),
        _ => fail(input),
    }
}

/// A day or month number: one or two digits.
fn day_or_month(input: &str) -> Res<'_, u32> {
    number(input, 1, 2)
}

fn two_digits(input: &str) -> Res<'_, u32> {
    number(input, 2, 2)
}

/// Any four-digit year (as in `10.12.2019`).
fn any_year(input: &str) -> Res<'_, i32> {
    let (rest, n) = number(input, 4, 4)?;
    match i32::try_from(n) {
        Ok(y) => Ok((rest, y)),
        Err(_) => fail(input),
    }
}

/// A four-digit year in [`PLAUSIBLE_YEARS`].
fn year(input: &str) -> Res<'_, i32> {
    let (rest, y) = any_year(input)?;
    if PLAUSIBLE_YEARS.contains(&y) {
        Ok((rest, y))
    } else {
        fail(input)
    }
}

/// A whole word of at most [`MAX_WORD`] letters.
fn word(input: &str) -> Res<'_, &str> {
    // By hand rather than `take_while_m_n` and `not`: every word start of a
    // text comes here. ASCII letters first, without decoding.
    let bytes = input.as_bytes();
    let ascii = bytes
        .iter()
        .take(MAX_WORD + 1)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if ascii > MAX_WORD {
        return fail(input);
    }
    if bytes.get(ascii).is_none_or(|b| b.is_ascii()) {
        return if ascii == 0 {
            fail(input)
        } else {
            Ok((&input[ascii..], &input[..ascii]))
        };
    }
    // Then character by character from the first non-ASCII one.
    let mut chars = ascii;
    let mut end = ascii;
    for c in input[ascii..].chars() {
        if !is_word_char(c) {
            break;
        }
        if chars == MAX_WORD {
            // A longer word is no word of the lexicons.
            return fail(input);
        }
        chars += 1;
        end += c.len_utf8();
    }
    if chars == 0 {
        return fail(input);
    }
    Ok((&input[end..], &input[..end]))
}

/// [`word`] and [`fold`] of it, read in one pass over a word of Latin-1
/// letters (ASCII letters and `C3 xx` letters: every Finnish word).
///
/// Every word a lexicon is asked of (a candidate's first word, the word
/// after a date, a phrase's words) was read by `word`, decoding each
/// character from its first non-ASCII one, and then read twice more by
/// `fold` (for a capital, then to lower it). Here one pass over the bytes
/// finds the word's end and whether it holds a capital; only a word with
/// one is lowered. A word with any other character (a combining mark, a
/// letter beyond Latin-1) is left to `word` and `fold`.
///
/// The leading ASCII letters (most of nearly every word) are counted eight
/// bytes at a time first ([`ascii_letters_ahead`]); the bytes after them
/// are read one by one ([`folded_word_from`]): byte by byte, a word cost
/// some fourteen instructions a letter.
fn folded_word(input: &str) -> Res<'_, Folded<'_>> {
    let (end, capital) = ascii_letters_ahead(input.as_bytes());
    folded_word_from(input, end, capital)
}

/// [`folded_word`] reading every byte one by one: its oracle.
#[cfg(test)]
fn folded_word_by_bytes(input: &str) -> Res<'_, Folded<'_>> {
    folded_word_from(input, 0, false)
}

/// How many bytes at the start of `bytes` are ASCII letters, counted eight
/// at a time and at most [`MAX_WORD`] (the bytes of a short last chunk are
/// left uncounted), and whether one of them is a capital.
fn ascii_letters_ahead(bytes: &[u8]) -> (usize, bool) {
    let mut run = 0;
    let mut capital = false;
    while run + 8 <= MAX_WORD {
        let Some(eight) = bytes
            .get(run..run + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
        else {
            break;
        };
        let word = u64::from_le_bytes(eight);
        let letters = ascii_bytes_within(word | (ONES * 0x20), b'a', b'z');
        let others = !letters & HIGH;
        // Every bit below the first byte that is no letter.
        let before = (others & others.wrapping_neg()).wrapping_sub(1);
        // A capital lacks the 0x20 bit, which `<< 2` moves to the high bit.
        capital |= letters & before & !(word << 2) != 0;
        if others != 0 {
            return (run + (others.trailing_zeros() / 8) as usize, capital);
        }
        run += 8;
    }
    (run, capital)
}

/// [`folded_word`] read on byte by byte from byte `end` of `input`, the
/// bytes before it being ASCII letters (`end` of them, at most
/// [`MAX_WORD`]), a capital among them when `capital`.
fn folded_word_from(input: &str, end: usize, capital: bool) -> Res<'_, Folded<'_>> {
    let bytes = input.as_bytes();
    let mut end = end;
    let mut chars = end;
    let mut capital = capital;
    loop {
        let len = match bytes.get(end) {
            Some(&b) if b.is_ascii_alphabetic() => {
                capital |= b.is_ascii_uppercase();
                1
            }
            // `×` and `÷` end the word, as `word` has it.
            Some(&0xC3) => match bytes.get(end + 1) {
                Some(&second) if latin1_letter(second) => {
                    capital |= is_latin1_capital_second(second);
                    2
                }
                _ => break,
            },
            Some(b) if b.is_ascii() => break,
            None => break,
            Some(_) => return word(input).map(|(rest, w)| (rest, fold(w))),
        };
        if chars == MAX_WORD {
            // A longer word is no word of the lexicons.
            return fail(input);
        }
        chars += 1;
        end += len;
    }
    let Some((w, rest)) = input.split_at_checked(end).filter(|_| end > 0) else {
        return fail(input);
    };
    Ok((
        rest,
        if capital {
            fold(w)
        } else {
            Folded::Borrowed(w)
        },
    ))
}

/// Lower case, with decomposed `ä`, `ö`, `å` (a letter plus a combining
/// mark, as some pages store them) composed, for lexicon look-up; borrowed
/// when the word is so already (most words).
///
/// Every date word is folded, and the words next to dates (cue words, the
/// word before a date) are often capitalised or hold `ä`: lowering them
/// through `char::to_lowercase` into a new string cost more than the rest
/// of the look-up. A word of Latin-1 letters (every Finnish word) lowers
/// byte by byte into a buffer on the stack instead; see [`fold_latin1`].
fn fold(word: &str) -> Folded<'_> {
    if let Some(folded) = fold_latin1(word) {
        return folded;
    }
    if is_folded(word) {
        Folded::Borrowed(word)
    } else {
        Folded::Owned(fold_owned(word))
    }
}

/// The most bytes [`Folded::Inline`] holds: a word of [`MAX_WORD`]
/// two-byte letters.
const FOLD_BUFFER: usize = 2 * MAX_WORD;

/// A word as [`fold`] gives it.
enum Folded<'a> {
    /// The word as written: it is folded already.
    Borrowed(&'a str),
    /// The word lowered into a buffer: `len` bytes of `bytes`.
    Inline {
        bytes: [u8; FOLD_BUFFER],
        len: usize,
    },
    /// A word of other characters, lowered and composed by [`fold_owned`].
    Owned(String),
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Folded::Borrowed(w) => w,
            // Lowering Latin-1 keeps the text valid UTF-8; an empty word
            // would be the answer to a bug, never a panic.
            Folded::Inline { bytes, len } => bytes
                .get(..*len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Folded::Owned(w) => w,
        }
    }
}

/// [`fold`] of a word of Latin-1 characters (U+0000–U+00FF, whose UTF-8
/// bytes are all below 0xC4), none of which composes or lowers to another
/// length: each capital (`A`–`Z`, `À`–`Þ` but `×`) lowers by adding 0x20 to
/// its last byte. `None` for a word of other characters or too long for
/// the buffer.
fn fold_latin1(word: &str) -> Option<Folded<'_>> {
    let bytes = word.as_bytes();
    let mut capital = false;
    let mut after_c3 = false;
    for &b in bytes {
        if b >= 0xC4 {
            return None;
        }
        capital |= b.is_ascii_uppercase() || (after_c3 && is_latin1_capital_second(b));
        after_c3 = b == 0xC3;
    }
    if !capital {
        return Some(Folded::Borrowed(word));
    }
    if bytes.len() > FOLD_BUFFER {
        return None;
    }
    let mut out = [0u8; FOLD_BUFFER];
    let mut after_c3 = false;
    for (o, &b) in out.iter_mut().zip(bytes) {
        *o = if b.is_ascii_uppercase() || (after_c3 && is_latin1_capital_second(b)) {
            b + 0x20
        } else {
            b
        };
        after_c3 = b == 0xC3;
    }
    Some(Folded::Inline {
        bytes: out,
        len: bytes.len(),
    })
}

/// Whether [`fold`] leaves `word` as it is: no capital, and no combining
/// ring or diaeresis to compose (U+0308 and U+030A are `CC 88`, `CC 8A`).
fn is_folded(word: &str) -> bool {
    let bytes = word.as_bytes();
    if !bytes.iter().any(|&b| b.is_ascii_uppercase() || b >= 0x80) {
        return true;
    }
    let composes = bytes
        .windows(2)
        .any(|w| w[0] == 0xCC && matches!(w[1], 0x88 | 0x8A));
    !composes && is_lowercase_fixed_point(word)
}

/// [`fold`], always building the folded word.
fn fold_owned(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let composed = match (out.chars().next_back(), c) {
            (Some('a'), '\u{308}') => Some('ä'),
            (Some('o'), '\u{308}') => Some('ö'),
            (Some('a'), '\u{30A}') => Some('å'),
            _ => None,
        };
        match composed {
            Some(letter) => {
                out.pop();
                out.push(letter);
            }
            None => out.push(c),
        }
    }
    out
}

/// A word that `look_up` knows, with what it says about it.
fn lexeme<'a, T>(look_up: impl Fn(&str) -> Option<T>) -> impl FnMut(&'a str) -> Res<'a, T> {
    move |input| {
        let (rest, w) = folded_word(input)?;
        match look_up(&w) {
            Some(found) => Ok((rest, found)),
            None => fail(input),
        }
    }
}

/// One of `words`.
///
/// A word whose first letter begins none of them is turned away before it
/// is read and folded ([`FirstLetters`]): after a number, a date or a
/// phrase, most words are no keyword (`1. Kokous`, `14. ja 15.11.`,
/// `2019 kunnat`), and reading and folding each cost more than the rest
/// of the look-up.
fn keyword<'a>(words: &'static [&'static str]) -> impl FnMut(&'a str) -> Res<'a, ()> {
    let firsts = FirstLetters::of(words);
    let mut read = listed(words);
    move |input| {
        if !firsts.may_fold_to_one(input) {
            return fail(input);
        }
        read(input)
    }
}

/// One of `words`, read and folded whatever it starts with: [`keyword`]
/// without its look at the first letter, and its oracle.
fn listed<'a>(words: &'static [&'static str]) -> impl FnMut(&'a str) -> Res<'a, ()> {
    lexeme(move |w| words.contains(&w).then_some(()))
}

/// Not glued to a following hyphenated part (`kesä-` of `kesä- ja
/// heinäkuussa`, `Kesä-Suomi`).
fn not_compound(input: &str) -> Res<'_, ()> {
    not(satisfy(is_dash)).parse(input)
}

// ---------------------------------------------------------------------------
// Lexicon look-ups
// ---------------------------------------------------------------------------

/// The month and case ending of a month name (`marraskuussa` → 11, `kuussa`).
fn month_word(w: &str) -> Option<(u32, &'static str)> {
    MONTH_WORDS.get(w).copied()
}

/// Every month name [`month_word`] knows (a stem of [`MONTH_STEMS`] and an
/// ending of [`MONTH_ENDINGS`]) with its month and ending, the first
/// reading of the lists kept (`month_word_by_lists`, the oracle of its
/// tests). Trying the 12 stems and 11 endings in turn cost some 450
/// instructions a call.
static MONTH_WORDS: LazyLock<FxHashMap<String, (u32, &'static str)>> = LazyLock::new(|| {
    let mut words: FxHashMap<String, (u32, &'static str)> = FxHashMap::default();
    for &(stem, month) in MONTH_STEMS {
        for &ending in MONTH_ENDINGS {
            words
                .entry([stem, ending].concat())
                .or_insert((month, ending));
        }
    }
    words
});

/// [`month_word`] by trying each stem and ending in turn: the oracle of
/// [`MONTH_WORDS`].
#[cfg(test)]
fn month_word_by_lists(w: &str) -> Option<(u32, &'static str)> {
    MONTH_STEMS.iter().find_map(|&(stem, month)| {
        let ending = w.strip_prefix(stem)?;
        MONTH_ENDINGS
            .iter()
            .find(|&&e| e == ending)
            .map(|&e| (month, e))
    })
}

/// The month of a bare stem or nominative that starts a month range
/// (`syys` of `syys–lokakuussa`, `marraskuu` of `marraskuu–joulukuu`).
fn month_range_start(w: &str) -> Option<u32> {
    MONTH_STEMS.iter().find_map(|&(stem, month)| {
        let ending = w.strip_prefix(stem)?;
        (ending.is_empty() || ending == "kuu").then_some(month)
    })
}

/// The season of a season word, with or without a narrowing prefix: one
/// look-up in [`SEASON_WORDS`]. Trying each form and each prefix with each
/// form in turn cost some 220 instructions a season phrase.
fn season_word(w: &str) -> Option<Season> {
    SEASON_WORDS.get(w).copied()
}

/// Every word [`season_word`] knows (a form of [`SEASON_FORMS`], alone or
/// after a prefix of [`SEASON_PREFIXES`]) with its season, as the lists
/// read it (`season_word_by_lists`, the oracle of its tests): a bare form
/// wins over a prefixed reading, and an earlier prefix over a later one.
static SEASON_WORDS: LazyLock<FxHashMap<String, Season>> = LazyLock::new(|| {
    let mut words: FxHashMap<String, Season> = FxHashMap::default();
    for &(form, season) in SEASON_FORMS {
        words.entry(form.to_string()).or_insert(season);
    }
    for &(prefix, shift) in SEASON_PREFIXES {
        for &(form, season) in SEASON_FORMS {
            let shifted = match shift {
                Some((from, to)) if from == season => to,
                _ => season,
            };
            words.entry([prefix, form].concat()).or_insert(shifted);
        }
    }
    words
});

/// [`season_word`] by trying the lists in turn: the oracle of
/// [`SEASON_WORDS`].
#[cfg(test)]
fn season_word_by_lists(w: &str) -> Option<Season> {
    let form = |w: &str| {
        SEASON_FORMS
            .iter()
            .find(|(f, _)| *f == w)
            .map(|&(_, season)| season)
    };
    form(w).or_else(|| {
        SEASON_PREFIXES.iter().find_map(|&(prefix, shift)| {
            let season = form(w.strip_prefix(prefix)?)?;
            Some(match shift {
                Some((from, to)) if from == season => to,
                _ => season,
            })
        })
    })
}

/// Whether a season word is in the nominative (`kevät`, `alkusyksy`).
fn is_nominative_season(w: &str) -> bool {
    SEASON_NOMINATIVES.iter().any(|n| w.ends_with(n))
}

fn year_word(w: &str) -> Option<()> {
    // Every year word starts with `vuo`: only a word holding it can end in one.
    if !w.contains("vuo") {
        return None;
    }
    YEAR_WORDS.iter().any(|y| w.ends_with(y)).then_some(())
}

// ---------------------------------------------------------------------------
// Numeric dates
// ---------------------------------------------------------------------------

/// A day as written: `10.12.2019`, `17.4.`, `10.12. 2019`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    day: u32,
    month: u32,
    year: Option<i32>,
}

/// `D.M.` with an optional year, glued or after a space; never followed by
/// a further digit (`1.2.3`, `1.2.20189`).
///
/// By hand, the dots and the digit after as bytes: every numeric date
/// is read here once or twice, and nom's tuple, `char`, `opt(alt(..))` and
/// `not(satisfy(..))` cost as much again as the numbers.
///
/// The day, the month, their dots and a glued year are read as bytes at
/// known offsets ([`small_number_at`], [`glued_year_at`]), where reading
/// each number by [`number`] and each dot by `strip_prefix` cost a call
/// and a new slice apiece.
fn dmy(input: &str) -> Res<'_, Written> {
    let bytes = input.as_bytes();
    let dot = |at: usize| bytes.get(at) == Some(&b'.');
    let Some((day, at)) = small_number_at(bytes, 0).filter(|&(_, at)| dot(at)) else {
        return fail(input);
    };
    let Some((month, at)) = small_number_at(bytes, at + 1).filter(|&(_, at)| dot(at)) else {
        return fail(input);
    };
    let at = at + 1;
    let (rest, year) = match glued_year_at(bytes, at) {
        Some(y) => (input.get(at + 4..), Some(y)),
        // Digits that are no year of their own: no day either.
        None if bytes.get(at).is_some_and(u8::is_ascii_digit) => return fail(input),
        None => {
            let rest = input.get(at..).unwrap_or_default();
            match spaced_year(rest) {
                Ok((after, y)) => (Some(after), Some(y)),
                Err(_) => (Some(rest), None),
            }
        }
    };
    match rest {
        Some(rest) if !rest.as_bytes().first().is_some_and(u8::is_ascii_digit) => {
            Ok((rest, Written { day, month, year }))
        }
        _ => fail(input),
    }
}

/// The day or month number of one or two digits at byte `at` of `bytes`,
/// not followed by a third digit ([`day_or_month`]), and where it ends.
#[inline(always)]
fn small_number_at(bytes: &[u8], at: usize) -> Option<(u32, usize)> {
    let digit = |i: usize| {
        bytes
            .get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|&b| u32::from(b - b'0'))
    };
    let first = digit(at)?;
    match digit(at + 1) {
        None => Some((first, at + 1)),
        Some(second) => digit(at + 2)
            .is_none()
            .then_some((first * 10 + second, at + 2)),
    }
}

/// The year of four digits at byte `at` of `bytes`, not followed by a
/// fifth ([`any_year`]).
#[inline(always)]
fn glued_year_at(bytes: &[u8], at: usize) -> Option<i32> {
    let four = bytes.get(at..at + 4)?;
    if !four.iter().all(u8::is_ascii_digit) || bytes.get(at + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    Some(four.iter().fold(0i32, |y, &b| y * 10 + i32::from(b - b'0')))
}

/// [`dmy`] as nom's combinators read it: its oracle.
#[cfg(test)]
fn dmy_by_nom(input: &str) -> Res<'_, Written> {
    let (rest, (day, _, month, _)) =
        (day_or_month, char('.'), day_or_month, char('.')).parse(input)?;
    let (rest, year) = opt(alt((any_year, spaced_year))).parse(rest)?;
    let (rest, ()) = not(satisfy(is_digit)).parse(rest)?;
    Ok((rest, Written { day, month, year }))
}

/// A plausible year after one to three spaces.
fn spaced_year(input: &str) -> Res<'_, i32> {
    let (rest, (_, y)) = (hsp, year).parse(input)?;
    Ok((rest, y))
}

/// A numeric day, day range or ISO day: the forms that date a line.
fn written_day(input: &str) -> Res<'_, EdtfDate> {
    // A written range (`29.11.–1.12.2019`, `3.9.2019–7.9.2019`) or a single
    // day (`10.12.2019`, `17.4.`) after the ISO day and the day range; both
    // start with a written day, read once for the two.
    let shape = DayShape::of(input);
    if shape.may_be_iso
        && let Ok(found) = iso_day(input)
    {
        return Ok(found);
    }
    if shape.may_be_day_range
        && let Ok(found) = day_range(input)
    {
        return Ok(found);
    }
    let (after_first, start) = dmy(input)?;
    if let Ok((rest, value)) = range_after(start, after_first) {
        return Ok((rest, value));
    }
    match day_value(start.year, start.month, start.day) {
        Some(value) => Ok((after_first, value)),
        None => fail(input),
    }
}

/// Which of the rarer forms a numeric day may be, told by a few bytes
/// before any parser runs: most days are `D.M.YYYY` or `D.M.`, and trying
/// [`iso_day`] and [`day_range`] on each of them first cost more than
/// reading the day itself.
#[derive(Debug, Clone, Copy)]
struct DayShape {
    /// Four digits and a `-`: the start of [`iso_day`].
    may_be_iso: bool,
    /// One or two digits and a `.` followed by no digit: [`day_range`]
    /// needs a dash (after optional space) there.
    may_be_day_range: bool,
}

impl DayShape {
    /// The shape of the number at the start of `input`.
    fn of(input: &str) -> Self {
        let bytes = input.as_bytes();
        let digits = leading_digits(bytes);
        let at = |i: usize| bytes.get(i).copied();
        DayShape {
            may_be_iso: digits == 4 && at(4) == Some(b'-'),
            may_be_day_range: (digits == 1 || digits == 2)
                && at(digits) == Some(b'.')
                && !at(digits + 1).is_some_and(|b| b.is_ascii_digit()),
        }
    }
}

/// The rest of `29.11.–1.12.2019` after its first day, `start`: a dash
/// and the second written day.
fn range_after(start: Written, input: &str) -> Res<'_, EdtfDate> {
    let (rest, ((), end)) = (range_dash, dmy).parse(input)?;
    match day_interval((start.day, start.month, start.year), end) {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// `2019-03-05`.
fn iso_day(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (y, _, m, _, d)) =
        (any_year, char('-'), two_digits, char('-'), two_digits).parse(input)?;
    match EdtfDate::day(y, m, d) {
        Ok(value) => Ok((rest, value)),
        Err(_) => fail(input),
    }
}

/// `3.–4.6.2019`, `21.-22.3.`: two days of one month.
fn day_range(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (first, _, (), end)) = (day_or_month, char('.'), range_dash, dmy).parse(input)?;
    if first >= end.day {
        return fail(input);
    }
    match day_interval((first, end.month, None), end) {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// `15. maaliskuuta 2019`, `1. päivänä tammikuuta`, `15 päivänä
/// maaliskuuta`: an ordinal day and a month name in the partitive.
fn ordinal_month_date(input: &str) -> Res<'_, EdtfDate> {
    let (rest, day) = day_or_month(input)?;
    let (rest, ()) = alt((ordinal_dot, day_word)).parse(rest)?;
    let (rest, month) = lexeme(|w| {
        month_word(w)
            .filter(|&(_, ending)| ending == MONTH_PARTITIVE)
            .map(|(m, _)| m)
    })(rest)?;
    let (rest, ()) = not_compound(rest)?;
    let (rest, year) = opt(spaced_year).parse(rest)?;
    match day_value(year, month, day) {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// `. ` or `. päivänä ` after an ordinal day.
fn ordinal_dot(input: &str) -> Res<'_, ()> {
    let (rest, _) = (char('.'), ohsp, opt((keyword(&["päivänä"]), hsp))).parse(input)?;
    Ok((rest, ()))
}

/// ` päivänä ` after a day written without its ordinal dot.
fn day_word(input: &str) -> Res<'_, ()> {
    let (rest, _) = (hsp, keyword(&["päivänä"]), hsp).parse(input)?;
    Ok((rest, ()))
}

/// `14.` of `14. ja 15.11.2018`: a day that borrows the month and year of
/// the day after it. Only the first day is matched here; the second is
/// found on its own.
fn day_before_conjunction(input: &str) -> Option<(usize, EdtfDate)> {
    let (rest, (day, _)) = (day_or_month, char('.')).parse(input).ok()?;
    let len = input.len() - rest.len();
    let (rest, ()) = alt((comma_gap, conjunction_gap)).parse(rest).ok()?;
    let (_, next) = dmy(rest).ok()?;
    if day >= next.day {
        return None;
    }
    Some((len, day_value(next.year, next.month, day)?))
}

fn comma_gap(input: &str) -> Res<'_, ()> {
    let (rest, _) = (ohsp, char(','), ohsp).parse(input)?;
    Ok((rest, ()))
}

fn conjunction_gap(input: &str) -> Res<'_, ()> {
    let (rest, _) = (hsp, keyword(CONJUNCTIONS), hsp).parse(input)?;
    Ok((rest, ()))
}

/// `11/2018`, `3/2019`: a month and a year (not after a numbering word,
/// which [`numbering_before`] checks).
fn month_slash_year(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (month, _, y)) = (day_or_month, char('/'), year).parse(input)?;
    match EdtfDate::month(y, month) {
        Ok(value) => Ok((rest, value)),
        Err(_) => fail(input),
    }
}

/// `2019–2021`: a span of years written bare.
fn bare_year_range(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (first, (), last)) = (year, range_dash, year).parse(input)?;
    if last <= first || last - first > MAX_YEAR_SPAN {
        return fail(input);
    }
    match year_interval(first, last) {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// `2021` of `2021 loppuun saakka`, `2019 aikana`, `2019 lopussa`: a bare
/// year that a following word makes a date (an aspect word is kept in the
/// span). `Pirkanmaa 2019` and `2018 asukasta` are not dates.
fn bare_year_with_cue(input: &str) -> Res<'_, EdtfDate> {
    let (rest, y) = year(input)?;
    let (rest, aspect_word) = opt(aspect).parse(rest)?;
    if aspect_word.is_none() {
        peek((hsp, lexeme(starts_cue))).parse(rest)?;
    }
    match EdtfDate::from_year(y) {
        Ok(value) => Ok((rest, value)),
        Err(_) => fail(input),
    }
}

/// Whether a word can begin a cue phrase or is a duration postposition.
fn starts_cue(w: &str) -> Option<()> {
    let cue = CUES_AFTER
        .iter()
        .any(|(words, _)| words.first() == Some(&w));
    (cue || DURATIONS.contains(&w)).then_some(())
}

// ---------------------------------------------------------------------------
// Worded dates
// ---------------------------------------------------------------------------

/// A clock time to skip: `klo 13.00`, `klo 9–12`, `kello 9.30–11`,
/// `klo 13.00–15.30`. The scan reads the clock word once
/// ([`FirstWord::of`]) and goes on with [`clock_rest`].
#[cfg(test)]
fn clock_time(input: &str) -> Res<'_, ()> {
    let (rest, ()) = keyword(CLOCK_WORDS)(input)?;
    clock_rest(rest)
}

/// A clock time after its clock word: `. 13.00`, ` 9–12`.
fn clock_rest(input: &str) -> Res<'_, ()> {
    let (rest, _) = (
        opt(char('.')),
        ohsp,
        time_of_day,
        opt((range_dash, time_of_day)),
    )
        .parse(input)?;
    Ok((rest, ()))
}

/// `9`, `9.30`, `13:00`.
fn time_of_day(input: &str) -> Res<'_, ()> {
    let (rest, _) = (day_or_month, opt((one_of(".:"), two_digits))).parse(input)?;
    Ok((rest, ()))
}

/// `ensi keväänä`, `tänä syksynä`, `viime joulukuussa`. The scan reads
/// the determiner once ([`FirstWord::of`]) and goes on with
/// [`determined_rest`].
#[cfg(test)]
fn determined(input: &str) -> Res<'_, EdtfDate> {
    let (rest, ()) = keyword(DETERMINERS)(input)?;
    determined_rest(rest)
}

/// A determined date after its determiner: ` keväänä`, ` joulukuussa`.
fn determined_rest(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (_, value)) = (hsp, alt((month_phrase, determined_season))).parse(input)?;
    Ok((rest, value))
}

/// A single month name, not part of a hyphenated compound.
fn single_month(input: &str) -> Res<'_, (u32, Option<u32>)> {
    let (rest, (month, _)) = lexeme(month_word)(input)?;
    single_month_rest(rest, month)
}

/// [`single_month`] after the name of `month`: not glued to a dash.
fn single_month_rest(input: &str, month: u32) -> Res<'_, (u32, Option<u32>)> {
    let (rest, ()) = not_compound(input)?;
    Ok((rest, (month, None)))
}

/// `syys–lokakuussa`, `kesä- ja heinäkuussa`, `marraskuu–joulukuu`.
fn month_range(input: &str) -> Res<'_, (u32, Option<u32>)> {
    let (rest, first) = lexeme(month_range_start)(input)?;
    month_range_rest(rest, first)
}

/// [`month_range`] after the stem or name of its first month, `first`:
/// `–lokakuussa`, `- ja heinäkuussa`.
fn month_range_rest(input: &str, first: u32) -> Res<'_, (u32, Option<u32>)> {
    let (rest, _) = satisfy(is_dash)(input)?;
    let (rest, ()) = alt((conjunction_gap, ohsp.map(|_| ()))).parse(rest)?;
    let (rest, (last, _)) = lexeme(month_word)(rest)?;
    let (rest, ()) = not_compound(rest)?;
    Ok((rest, (first, Some(last))))
}

/// A month or month range, an optional year and an optional aspect word:
/// `marraskuussa`, `lokakuussa 2019`, `lokakuun alussa`,
/// `syys–lokakuussa 2019`.
fn month_phrase(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (first, last)) = alt((month_range, single_month)).parse(input)?;
    month_phrase_end(rest, first, last)
}

/// [`month_phrase`] after its first word, which `known` tells as a range
/// start or a month name (or both, as `marraskuu`): a range is tried
/// first, as `month_phrase` tries it.
fn month_phrase_after<'a>(after: &'a str, known: &FirstWord) -> Res<'a, EdtfDate> {
    let range = || month_range_rest(after, known.range_start?).ok();
    let single = || single_month_rest(after, known.month?).ok();
    match range().or_else(single) {
        Some((rest, (first, last))) => month_phrase_end(rest, first, last),
        None => fail(after),
    }
}

/// The rest of a month phrase after its months, `first` to `last`: an
/// optional year and aspect word, and the value.
fn month_phrase_end(input: &str, first: u32, last: Option<u32>) -> Res<'_, EdtfDate> {
    let (rest, y) = opt(spaced_year).parse(input)?;
    let (rest, _) = opt(aspect).parse(rest)?;
    match month_value(y, first, last) {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// A season, an optional year and an optional aspect word: `syksyllä`,
/// `keväällä 2019`, `alkusyksystä`, `kesän lopussa`. A season in the
/// nominative needs a year (`Kevät 2021`): alone it is more often a name
/// (`Syksy` is a given name, `Talvi` a surname) than a date. The scan
/// reads the season word once ([`FirstWord::of`]) and goes on with
/// [`season_rest`].
#[cfg(test)]
fn season_phrase(input: &str) -> Res<'_, EdtfDate> {
    season_with(input, false)
}

/// A season phrase after a determiner, where the nominative needs no year
/// (`ensi kesä`).
fn determined_season(input: &str) -> Res<'_, EdtfDate> {
    season_with(input, true)
}

/// A season phrase; a nominative alone only when `bare_nominative`.
fn season_with(input: &str, bare_nominative: bool) -> Res<'_, EdtfDate> {
    let (rest, (season, nominative)) =
        lexeme(|w| season_word(w).map(|s| (s, is_nominative_season(w))))(input)?;
    season_rest(rest, season, nominative, bare_nominative)
}

/// [`season_with`] after a word of `season`, a `nominative` or not.
fn season_rest(
    input: &str,
    season: Season,
    nominative: bool,
    bare_nominative: bool,
) -> Res<'_, EdtfDate> {
    let (rest, ()) = not_compound(input)?;
    let (rest, y) = opt(spaced_year).parse(rest)?;
    if nominative && y.is_none() && !bare_nominative {
        return fail(input);
    }
    let (rest, _) = opt(aspect).parse(rest)?;
    let value = match y {
        Some(y) => EdtfDate::season(y, season).ok(),
        None => Some(EdtfDate::season_without_year(season)),
    };
    match value {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// A year word and a year or span of years, narrowed by a season or month
/// after it: `vuonna 2019`, `vuoden 2021`, `vuosina 2019–2020`,
/// `lukuvuonna 2019–20`, `vuoden 2019 keväällä`, `vuoden 2020 lopussa`.
///
/// The scan reads the year word once ([`FirstWord::of`]) and goes on with
/// [`year_phrase_rest`].
#[cfg(test)]
fn year_phrase(input: &str) -> Res<'_, EdtfDate> {
    let (rest, ()) = lexeme(year_word)(input)?;
    year_phrase_rest(rest)
}

/// A year phrase after its year word: ` 2019`, ` 2019–2020`.
fn year_phrase_rest(input: &str) -> Res<'_, EdtfDate> {
    let (rest, (_, first)) = (hsp, year).parse(input)?;
    let (rest, last) = opt(|i| year_range_end(i, first)).parse(rest)?;
    let (rest, value) = match last {
        Some(last) => (rest, year_interval(first, last)),
        None => match opt((hsp, alt((lexeme(season_part), lexeme(month_part))))).parse(rest)? {
            (after, Some((_, part))) => (after, part.value(first)),
            (_, None) => (rest, EdtfDate::from_year(first).ok()),
        },
    };
    let (rest, _) = opt(aspect).parse(rest)?;
    match value {
        Some(value) => Ok((rest, value)),
        None => fail(input),
    }
}

/// The end of a span of years that starts in `first`: `–2020` or `–20`;
/// anything else (`2019 – 12 kuntaa`) leaves the year alone.
fn year_range_end(input: &str, first: i32) -> Res<'_, i32> {
    let (rest, ((), last)) = (range_dash, alt((year, short_year))).parse(input)?;
    let last = if last < 100 {
        first / 100 * 100 + last
    } else {
        last
    };
    if last <= first || last - first > MAX_YEAR_SPAN {
        return fail(input);
    }
    Ok((rest, last))
}

/// The two-digit end of a span of years (`2019–20`), returned as written.
fn short_year(input: &str) -> Res<'_, i32> {
    let (rest, n) = two_digits(input)?;
    match i32::try_from(n) {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(input),
    }
}

/// A season or month narrowing a year (`vuoden 2019 keväällä`).
#[derive(Debug, Clone, Copy)]
enum Part {
    Season(Season),
    Month(u32),
}

impl Part {
    fn value(self, year: i32) -> Option<EdtfDate> {
        match self {
            Part::Season(s) => EdtfDate::season(year, s).ok(),
            Part::Month(m) => EdtfDate::month(year, m).ok(),
        }
    }
}

/// A season word as a [`Part`].
fn season_part(w: &str) -> Option<Part> {
    season_word(w).map(Part::Season)
}

/// A month word as a [`Part`].
fn month_part(w: &str) -> Option<Part> {
    month_word(w).map(|(m, _)| Part::Month(m))
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

fn day_value(year: Option<i32>, month: u32, day: u32) -> Option<EdtfDate> {
    match year {
        Some(y) => EdtfDate::day(y, month, day).ok(),
        None => EdtfDate::day_without_year(month, day).ok(),
    }
}

/// The interval from a first day (day, month, year if written) to a
/// written last day. A year written only once applies to both ends; a
/// range over the turn of the year (`30.12.–2.1.2019`) starts in the year
/// before.
fn day_interval(first: (u32, u32, Option<i32>), last: Written) -> Option<EdtfDate> {
    let (d1, m1, y1) = first;
    let crosses = (m1, d1) > (last.month, last.day);
    let (y1, y2) = match (y1, last.year) {
        (None, Some(b)) => (Some(if crosses { b - 1 } else { b }), Some(b)),
        (Some(a), None) => (Some(a), Some(if crosses { a + 1 } else { a })),
        both => both,
    };
    let start = day_value(y1, m1, d1)?;
    let end = day_value(y2, last.month, last.day)?;
    EdtfDate::interval(start, end).ok()
}

fn year_interval(first: i32, last: i32) -> Option<EdtfDate> {
    EdtfDate::interval(
        EdtfDate::from_year(first).ok()?,
        EdtfDate::from_year(last).ok()?,
    )
    .ok()
}

/// A month, or a range of months, with the year if written (a range over
/// the turn of the year takes the year for its end).
fn month_value(year: Option<i32>, first: u32, last: Option<u32>) -> Option<EdtfDate> {
    let month = |y: Option<i32>, m: u32| match y {
        Some(y) => EdtfDate::month(y, m).ok(),
        None => EdtfDate::month_without_year(m).ok(),
    };
    match last {
        None => month(year, first),
        Some(last) => {
            let start_year = year.map(|y| if first > last { y - 1 } else { y });
            EdtfDate::interval(month(start_year, first)?, month(year, last)?).ok()
        }
    }
}

// ---------------------------------------------------------------------------
// Context: cues and numbering words
// ---------------------------------------------------------------------------

/// A cue phrase after the date that ends at `end`.
fn cue_after(text: &str, end: usize) -> Option<(DateCue, Span)> {
    let rest = text.get(end..)?;
    let (after_gap, _) = hsp(rest).ok()?;
    let start = end + rest.len() - after_gap.len();
    // Every phrase starts with a word, whose first letter is the first
    // byte after the gap: most words after a date start with no cue
    // word's letter, told before the word is read.
    if !CUE_AFTER_FIRSTS.may_fold_to_one(after_gap) {
        return None;
    }
    // Read and fold the word once for all phrases, and look up the
    // phrases it begins.
    let (after_first, folded) = folded_word(after_gap).ok()?;
    let phrases = CUES_AFTER_BY_FIRST.get(&*folded)?;
    phrases.iter().find_map(|&(more, cue)| {
        let tail = phrase(after_first, more, true)?;
        Some((cue, Span::new(start, end + rest.len() - tail.len())))
    })
}

/// [`CUES_AFTER`] by their first words: for each, the words after it and
/// the cue of each phrase it begins, in the list's order (longest first).
/// Comparing the first word after a date with the first word of every
/// phrase in turn cost some 200 instructions a date followed by a word
/// beginning like a cue word.
static CUES_AFTER_BY_FIRST: LazyLock<CuesByFirst> = LazyLock::new(|| {
    let mut map = CuesByFirst::default();
    for &(words, cue) in CUES_AFTER {
        if let Some((first, more)) = words.split_first() {
            map.entry(*first).or_default().push((more, cue));
        }
    }
    map
});

/// Phrases by their first word: the words after it, and the cue.
type CuesByFirst = FxHashMap<&'static str, Vec<(&'static [&'static str], DateCue)>>;

/// The rest of `input` after `words`, separated by spaces (and after a
/// space first, when `spaced`).
fn phrase<'a>(input: &'a str, words: &[&str], spaced: bool) -> Option<&'a str> {
    let mut rest = input;
    for (n, expected) in words.iter().enumerate() {
        if n > 0 || spaced {
            rest = hsp(rest).ok()?.0;
        }
        let (after, got) = folded_word(rest).ok()?;
        if &*got != *expected {
            return None;
        }
        rest = after;
    }
    Some(rest)
}

/// A cue word before the date that starts at `start`, looking past one
/// weekday (`viimeistään pe 15.3.`).
///
/// Most words before a date are neither a weekday nor a cue word, and most
/// of them tell so by their first letter, before they are folded.
///
/// Most dates follow no weekday or cue word, and the last two bytes of the
/// word before tell so ([`may_end_weekday_or_cue`]) before the word is
/// found by characters: finding it cost a third of a match's work.
fn cue_before(text: &str, start: usize) -> Option<(DateCue, Span)> {
    if !may_end_weekday_or_cue(text.as_bytes(), start) {
        return None;
    }
    cue_before_ungated(text, start)
}

/// [`cue_before`] without the look at the last two bytes: what it does
/// once they pass, and its oracle.
fn cue_before_ungated(text: &str, start: usize) -> Option<(DateCue, Span)> {
    let mut span = word_span_before(text, start)?;
    let mut w = text.get(span.range())?;
    if WEEKDAY_PAIRS.may_fold_to_one(w) && folded_position(w, WEEKDAYS.iter().copied()).is_some() {
        span = word_span_before(text, span.start)?;
        w = text.get(span.range())?;
    }
    if !CUE_BEFORE_FIRSTS.may_fold_to_one(w) {
        return None;
    }
    let k = folded_position(w, CUES_BEFORE.iter().map(|&(c, _)| c))?;
    CUES_BEFORE.get(k).map(|&(_, cue)| (cue, span))
}

/// Whether the word before byte `start` (past up to [`MAX_GAP`] + 1
/// spaces, tabs, dots and colons, as [`word_span_before`] looks) may fold
/// to a weekday or a cue word before a date: `false` only when its last
/// two bytes are ASCII and, in lower case, end none of them
/// ([`WEEKDAY_OR_CUE_ENDS`]).
///
/// [`fold`] maps each ASCII letter to its lower case and keeps other ASCII
/// bytes, so a word ending in two ASCII bytes folds to a word ending in
/// their lower case; a non-ASCII byte among them (`ä`, a combining mark, a
/// Unicode space, the Kelvin sign) passes, left to [`cue_before_ungated`].
fn may_end_weekday_or_cue(bytes: &[u8], start: usize) -> bool {
    let Some(head) = bytes.get(..start) else {
        return true;
    };
    let mut end = head.len();
    for _ in 0..=MAX_GAP {
        match end.checked_sub(1).and_then(|i| head.get(i)) {
            Some(b' ' | b'\t' | b'.' | b':') => end -= 1,
            Some(b) if !b.is_ascii() => return true,
            _ => break,
        }
    }
    let last = end.checked_sub(1).and_then(|i| head.get(i));
    let before = end.checked_sub(2).and_then(|i| head.get(i));
    match (before, last) {
        (Some(&a), Some(&b)) if !a.is_ascii() || !b.is_ascii() => true,
        (Some(&a), Some(&b)) => WEEKDAY_OR_CUE_ENDS.holds(a, b),
        // A word of one byte folds to none of them.
        _ => false,
    }
}

/// The last two bytes of a list of words, as a set of pairs of ASCII
/// letters in lower case (bit `26 * first + second`); a word ending
/// otherwise in ASCII makes every pair pass, and one ending in a non-ASCII
/// byte needs no pair, as such bytes pass [`may_end_weekday_or_cue`]
/// anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LastPairs {
    /// Bit `26 * a + b` for the pair of letters `a`, `b` (0 for `a`).
    bits: [u64; LastPairs::WORDS],
    /// Whether a word ends in an ASCII byte that is no lower-case letter,
    /// or is shorter than two bytes: every pair may then end one.
    all: bool,
}

impl LastPairs {
    /// Words of 64 bits holding the 26 × 26 pairs.
    const WORDS: usize = (26 * 26usize).div_ceil(64);

    /// An empty set.
    const EMPTY: LastPairs = LastPairs {
        bits: [0; LastPairs::WORDS],
        all: false,
    };

    /// The set with the last two bytes of each of `words` added.
    const fn with(mut self, words: &[&str]) -> LastPairs {
        let mut k = 0;
        while k < words.len() {
            let w = words[k].as_bytes();
            if w.len() < 2 {
                self.all = true;
            } else {
                let (a, b) = (w[w.len() - 2], w[w.len() - 1]);
                if a.is_ascii_lowercase() && b.is_ascii_lowercase() {
                    let bit = 26 * (a - b'a') as usize + (b - b'a') as usize;
                    self.bits[bit / 64] |= 1 << (bit % 64);
                } else if a.is_ascii() && b.is_ascii() {
                    self.all = true;
                }
            }
            k += 1;
        }
        self
    }

    /// Whether the ASCII bytes `a`, `b`, in lower case, end a word of the
    /// set.
    fn holds(&self, a: u8, b: u8) -> bool {
        if self.all {
            return true;
        }
        if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
            return false;
        }
        let bit = 26 * usize::from(a.to_ascii_lowercase() - b'a')
            + usize::from(b.to_ascii_lowercase() - b'a');
        self.bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }
}

/// The last two bytes of the weekdays and the cue words before a date.
const WEEKDAY_OR_CUE_ENDS: LastPairs = {
    let mut cues = [""; CUES_BEFORE.len()];
    let mut k = 0;
    while k < CUES_BEFORE.len() {
        cues[k] = CUES_BEFORE[k].0;
        k += 1;
    }
    LastPairs::EMPTY.with(WEEKDAYS).with(&cues)
};

/// Whether [`fold`] turns `w` into `lower`: [`folded_position`] of one
/// word, as its proptest asks it.
#[cfg(test)]
fn folds_to(w: &str, lower: &str) -> bool {
    folded_position(w, [lower]).is_some()
}

/// Which of `words` [`fold`] turns `w` into, told without folding a word
/// of Latin-1 characters (every Finnish word): such a word folds byte by
/// byte to the same length, so most words next to a date differ from a
/// weekday or cue word in length alone, where folding each into a buffer
/// first cost more than the comparisons.
fn folded_position<'w>(w: &str, words: impl IntoIterator<Item = &'w str>) -> Option<usize> {
    let bytes = w.as_bytes();
    if bytes.iter().any(|&b| b >= 0xC4) {
        let folded = fold(w);
        return words.into_iter().position(|x| x == &*folded);
    }
    words
        .into_iter()
        .position(|x| x.len() == bytes.len() && latin1_lowers_to(bytes, x.as_bytes()))
}

/// Whether the Latin-1 `word` lowers, byte by byte as [`fold_latin1`]
/// lowers it, to `lower` of the same length.
fn latin1_lowers_to(word: &[u8], lower: &[u8]) -> bool {
    let mut after_c3 = false;
    word.iter().zip(lower).all(|(&b, &x)| {
        let lowered = if b.is_ascii_uppercase() || (after_c3 && is_latin1_capital_second(b)) {
            b + 0x20
        } else {
            b
        };
        after_c3 = b == 0xC3;
        lowered == x
    })
}

/// The first letters of a list of words, as a set of ASCII letters in lower
/// case (bit `n` for the letter `b'a' + n`), or every letter when a word
/// starts with anything else (or is empty).
///
/// Every word next to a date is asked whether it may fold to a cue word or
/// a weekday; most tell by their first letter, and one bit says so where
/// comparing it with each word's first letter cost a step per word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FirstLetters(u32);

impl FirstLetters {
    /// Every letter: a list with a word that starts with no ASCII letter.
    const ALL: FirstLetters = FirstLetters(u32::MAX);

    /// The set with the first letter of `word` added.
    const fn with(self, word: &str) -> FirstLetters {
        match word.as_bytes().first() {
            Some(&b) if b.is_ascii_lowercase() => FirstLetters(self.0 | 1 << (b - b'a')),
            _ => FirstLetters::ALL,
        }
    }

    /// The first letters of `words`: [`keyword`]'s set, built where the
    /// list is known (and so folded into a constant when inlined).
    const fn of(words: &[&str]) -> FirstLetters {
        let mut set = FirstLetters(0);
        let mut k = 0;
        while k < words.len() {
            set = set.with(words[k]);
            k += 1;
        }
        set
    }

    /// Whether [`fold`] may turn `w` into a word of the set's list: `false`
    /// only when `w` starts with an ASCII letter whose lower case starts
    /// none of them. Folding keeps that letter first, or composes it with a
    /// combining mark into `ä`, `ö` or `å`.
    fn may_fold_to_one(self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii_alphabetic() => {
                self.0 & 1 << (b.to_ascii_lowercase() - b'a') != 0
            }
            _ => true,
        }
    }
}

/// The first letters of the cue phrases after a date ([`CUES_AFTER`]).
const CUE_AFTER_FIRSTS: FirstLetters = {
    let mut set = FirstLetters(0);
    let mut k = 0;
    while k < CUES_AFTER.len() {
        set = match CUES_AFTER[k].0.first() {
            Some(word) => set.with(word),
            None => FirstLetters::ALL,
        };
        k += 1;
    }
    set
};

/// The first two letters of a list of words, each pair of ASCII letters
/// in lower case, or `None` (any pair) when a word starts otherwise.
///
/// Weekdays start with the commonest first letters of Finnish (`k`, `t`,
/// `s`, `p`, `l`, `m`), so most words before a date passed
/// [`FirstLetters`] and were compared with each of the 21 weekdays; their
/// first two letters tell nearly all of them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FirstPairs {
    /// The pairs (first byte, second byte), `len` of them.
    pairs: [[u8; 2]; FirstPairs::MOST],
    len: usize,
    /// Whether a word starts with something but two ASCII letters in lower
    /// case, so that any word may fold to one.
    all: bool,
}

impl FirstPairs {
    /// The most pairs a set holds.
    const MOST: usize = 8;

    /// The first pairs of `words`; any pair when they have more than
    /// [`FirstPairs::MOST`].
    const fn of(words: &[&str]) -> FirstPairs {
        let mut set = FirstPairs {
            pairs: [[0; 2]; Self::MOST],
            len: 0,
            all: false,
        };
        let mut k = 0;
        while k < words.len() {
            match words[k].as_bytes() {
                &[a, b, ..] if a.is_ascii_lowercase() && b.is_ascii_lowercase() => {
                    let mut seen = false;
                    let mut i = 0;
                    while i < set.len {
                        seen |= set.pairs[i][0] == a && set.pairs[i][1] == b;
                        i += 1;
                    }
                    if !seen {
                        if set.len == Self::MOST {
                            set.all = true;
                        } else {
                            set.pairs[set.len] = [a, b];
                            set.len += 1;
                        }
                    }
                }
                _ => set.all = true,
            }
            k += 1;
        }
        set
    }

    /// Whether [`fold`] may turn `w` into a word of the set's list: `false`
    /// only when `w` starts with two ASCII letters whose lower case starts
    /// none of them. Folding keeps the first letter and lowers the second,
    /// or composes it with a combining mark into `ä`, `ö` or `å`, which no
    /// pair of two ASCII letters starts.
    fn may_fold_to_one(&self, w: &str) -> bool {
        match w.as_bytes() {
            &[a, b, ..] if !self.all && a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
                let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
                self.pairs
                    .get(..self.len)
                    .unwrap_or_default()
                    .contains(&pair)
            }
            _ => true,
        }
    }
}

/// The first two letters of the weekdays ([`WEEKDAYS`]).
const WEEKDAY_PAIRS: FirstPairs = FirstPairs::of(WEEKDAYS);

/// The first letters of the cue words before a date ([`CUES_BEFORE`]).
const CUE_BEFORE_FIRSTS: FirstLetters = {
    let mut set = FirstLetters(0);
    let mut k = 0;
    while k < CUES_BEFORE.len() {
        set = set.with(CUES_BEFORE[k].0);
        k += 1;
    }
    set
};

/// The whole word that ends before `end`, past up to three spaces and
/// dots or colons, folded to lower case; bounded look-back.
fn word_before(text: &str, end: usize) -> Option<(Span, Folded<'_>)> {
    let span = word_span_before(text, end)?;
    Some((span, fold(text.get(span.range())?)))
}

/// Where the whole word that ends before `end` lies, past up to three
/// spaces and dots or colons; bounded look-back.
fn word_span_before(text: &str, end: usize) -> Option<Span> {
    let head = text.get(..end)?;
    let mut word_end = end;
    for (i, c) in head.char_indices().rev().take(MAX_GAP + 1) {
        if is_hspace(c) || c == '.' || c == ':' {
            word_end = i;
        } else {
            break;
        }
    }
    let head = text.get(..word_end)?;
    let mut word_start = word_end;
    for (i, c) in head.char_indices().rev().take(MAX_WORD) {
        if is_word_char(c) {
            word_start = i;
        } else {
            break;
        }
    }
    let whole = !text
        .get(..word_start)?
        .chars()
        .next_back()
        .is_some_and(is_word_char);
    if word_start == word_end || !whole {
        return None;
    }
    Some(Span::new(word_start, word_end))
}

/// Whether the number at `at` follows a numbering word or sign
/// (`Esityslista 6/2018`, `nro 3/2019`, `§ 5`).
fn numbering_before(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or_default();
    let sign = head
        .chars()
        .rev()
        .take(MAX_GAP + 1)
        .find(|&c| !is_hspace(c))
        .is_some_and(|c| matches!(c, '§' | '#'));
    sign || word_before(text, at).is_some_and(|(_, folded)| {
        let w: &str = &folded;
        NUMBERING_WORDS.contains(&w) || NUMBERING_STEMS.iter().any(|s| w.starts_with(s))
    })
}

// ---------------------------------------------------------------------------
// Year resolution
// ---------------------------------------------------------------------------

/// `value` read in `year`; an interval's other end follows so that it does
/// not end before it starts.
fn fill_year(value: EdtfDate, year: i32) -> Option<EdtfDate> {
    let Some((a, b)) = value.bounds() else {
        return value.with_year(year).ok();
    };
    let (a, b) = match (a.has_year(), b.has_year()) {
        (false, false) => {
            let a = a.with_year(year).ok()?;
            let b = after(b, year, a)?;
            (a, b)
        }
        (false, true) => {
            let y = b.year()?;
            let a = a
                .with_year(y)
                .ok()
                .filter(|a| a.first_day() <= b.first_day())
                .or_else(|| a.with_year(y - 1).ok())?;
            (a, b)
        }
        (true, false) => {
            let b = after(b, a.year()?, a)?;
            (a, b)
        }
        (true, true) => (a, b),
    };
    EdtfDate::interval(a, b).ok()
}

/// `end` read in `year`, or in the year after when it would begin before `start`.
fn after(end: EdtfDate, year: i32, start: EdtfDate) -> Option<EdtfDate> {
    end.with_year(year)
        .ok()
        .filter(|e| e.first_day() >= start.first_day())
        .or_else(|| end.with_year(year + 1).ok())
}

/// Days from `anchor` to the period of `value`: zero inside it, else to its first day.
fn distance(value: EdtfDate, anchor: NaiveDate) -> i64 {
    match coverage(value) {
        Some((first, last)) if first <= anchor && anchor <= last => 0,
        Some((first, _)) => (first - anchor).num_days().abs(),
        None => i64::MAX,
    }
}

/// The first and last day a dated value covers.
fn coverage(value: EdtfDate) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = value.bounds() {
        return Some((coverage(a)?.0, coverage(b)?.1));
    }
    let first = value.first_day()?;
    let months = match value.precision() {
        Precision::Day | Precision::Interval => return Some((first, first)),
        Precision::Month => 1,
        Precision::Season => 3,
        Precision::Year => 12,
    };
    let last = first.checked_add_months(Months::new(months))?.pred_opt()?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether [`fold`] may turn `w` into one of `words`: `false` only when `w`
    /// starts with an ASCII letter whose lower case starts none of them.
    /// Folding keeps that letter first, or composes it with a combining mark
    /// into `ä`, `ö` or `å`; a word of `words` starting with anything but an
    /// ASCII letter makes the answer `true`.
    fn may_fold_to_one_of<'w>(w: &str, mut words: impl Iterator<Item = &'w &'w str>) -> bool {
        let Some(&b) = w.as_bytes().first() else {
            return true;
        };
        if !b.is_ascii_alphabetic() {
            return true;
        }
        let lower = b.to_ascii_lowercase();
        words.any(|x| {
            x.as_bytes()
                .first()
                .is_none_or(|&f| f == lower || !f.is_ascii_alphabetic())
        })
    }

    #[test]
    fn first_letters_answer_as_comparing_each_first_letter() {
        // Every first byte (and the empty word), for each list asked.
        let after: Vec<&&str> = CUES_AFTER.iter().filter_map(|(w, _)| w.first()).collect();
        let before: Vec<&&str> = CUES_BEFORE.iter().map(|(c, _)| c).collect();
        let lists: [(FirstLetters, Vec<&&str>); 4] = [
            (CUE_AFTER_FIRSTS, after),
            (FirstLetters::of(WEEKDAYS), WEEKDAYS.iter().collect()),
            (CUE_BEFORE_FIRSTS, before),
            (FirstLetters::of(&["ääni", "kesä"]), vec![&"ääni", &"kesä"]),
        ];
        let words = (0u8..=255)
            .filter_map(|b| String::from_utf8(vec![b, b'a']).ok())
            .chain(["", "ä", "Ä", "\u{212A}", "Zx", "@"].map(String::from));
        for w in words {
            for (set, list) in &lists {
                let want = may_fold_to_one_of(&w, list.iter().copied());
                assert_eq!(set.may_fold_to_one(&w), want, "{w:?} {list:?}");
            }
        }
    }
    /// Whether [`fold`] may turn `w` into one of `words` by their first two
    /// bytes, compared plainly: `false` only when `w` starts with two ASCII
    /// letters whose lower case is the first two bytes of none of them, and
    /// every word of `words` starts with two ASCII letters in lower case.
    fn may_fold_to_one_by_pairs(w: &str, words: &[&str]) -> bool {
        let first_two = |w: &str| w.as_bytes().get(..2).map(<[u8]>::to_vec);
        let Some(pair) = first_two(w).filter(|p| p.iter().all(u8::is_ascii_alphabetic)) else {
            return true;
        };
        let lower = pair.to_ascii_lowercase();
        words.iter().any(|x| {
            first_two(x).is_none_or(|p| p == lower || !p.iter().all(u8::is_ascii_lowercase))
        })
    }

    #[test]
    fn first_pairs_answer_as_comparing_each_first_pair() {
        let lists: [&[&str]; 3] = [WEEKDAYS, &["ab", "cd", "ab"], &["ab", "ä"]];
        // More pairs than a set holds: any word may fold to one.
        let crowded = FirstPairs::of(&["aa", "ab", "ac", "ad", "ae", "af", "ag", "ah", "ai"]);
        // Every pair of bytes that is a string, then some longer words.
        let words = (0u8..=127)
            .flat_map(|a| (0u8..=127).map(move |b| String::from_utf8(vec![a, b, b'x'])))
            .filter_map(Result::ok)
            .chain(
                [
                    "",
                    "m",
                    "ä",
                    "Ä",
                    "\u{212A}e",
                    "ka\u{308}",
                    "Ma",
                    "MAANANTAI",
                    "pé",
                ]
                .map(String::from),
            );
        for w in words {
            for list in lists {
                let want = may_fold_to_one_by_pairs(&w, list);
                assert_eq!(
                    FirstPairs::of(list).may_fold_to_one(&w),
                    want,
                    "{w:?} {list:?}"
                );
            }
            assert!(crowded.may_fold_to_one(&w), "{w:?}");
        }
    }

    use proptest::prelude::*;

    /// [`written_day`] as the plain choice of its four forms, each read
    /// from the start.
    fn written_day_by_alt(input: &str) -> Res<'_, EdtfDate> {
        let single_day = |input| -> Res<'_, EdtfDate> {
            let (rest, w) = dmy(input)?;
            match day_value(w.year, w.month, w.day) {
                Some(value) => Ok((rest, value)),
                None => fail(input),
            }
        };
        let written_range = |input| -> Res<'_, EdtfDate> {
            let (rest, (start, (), end)) = (dmy, range_dash, dmy).parse(input)?;
            match day_interval((start.day, start.month, start.year), end) {
                Some(value) => Ok((rest, value)),
                None => fail(input),
            }
        };
        alt((iso_day, day_range, written_range, single_day)).parse(input)
    }

    /// [`cue_before`] as it was written first: both words folded whatever
    /// they start with.
    fn cue_before_by_fold(text: &str, start: usize) -> Option<(DateCue, Span)> {
        let (mut span, mut folded) = word_before(text, start)?;
        if WEEKDAYS.contains(&&*folded) {
            (span, folded) = word_before(text, span.start)?;
        }
        let w: &str = &folded;
        CUES_BEFORE
            .iter()
            .find(|(c, _)| *c == w)
            .map(|&(_, cue)| (cue, span))
    }

    /// [`cue_after`] as it was written first: the first word folded
    /// whatever it starts with.
    fn cue_after_by_fold(text: &str, end: usize) -> Option<(DateCue, Span)> {
        let rest = text.get(end..)?;
        let (after_gap, _) = hsp(rest).ok()?;
        let start = end + rest.len() - after_gap.len();
        let (after_first, first) = word(after_gap).ok()?;
        let folded = fold(first);
        let first: &str = &folded;
        CUES_AFTER.iter().find_map(|&(words, cue)| {
            let (expected, more) = words.split_first()?;
            if first != *expected {
                return None;
            }
            let tail = phrase(after_first, more, true)?;
            Some((cue, Span::new(start, end + rest.len() - tail.len())))
        })
    }

    /// Cue words, weekdays and other words in any case, with combining
    /// marks, dates and the spaces and marks between them.
    fn cue_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "alkaen|Alkaen|LÄHTIEN|lähtien|viimeistään|Viimeistään|mennessä|Mennessä",
            "loppuun|Loppuun|saakka|asti|alusta|alkuun|alkava|Alkavat",
            "loppuun mennessä|Alkuun asti|alusta LÄHTIEN|alusta  alkaen|loppuun\u{a0}saakka",
            "pe|Pe|ti|MA|maanantaina|Torstai|su|la|ke|\u{212A}e|\u{212A}ESKIVIIKKONA",
            "[a-zA-Z]{1,5}|[äöÄÖ]|a\u{308}|A\u{308}|o\u{308}|\u{212A}",
            "pidetään|kokous|vuonna|Kokouksen|torstaiNA|perjantaI|viimeista\u{308}n|alkaeN|keskiviik\u{212A}o",
            "[0-9]{1,2}\\.[0-9]{1,2}\\.",
            " |\u{a0}|  |\\.|:|,|\n|\u{2013}",
        ];
        proptest::collection::vec(piece, 0..10).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn cues_agree_with_folding_every_word(text in cue_soup()) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                prop_assert_eq!(cue_before(&text, at), cue_before_by_fold(&text, at), "{:?} {}", text, at);
                prop_assert_eq!(cue_before(&text, at), cue_before_ungated(&text, at), "{:?} {}", text, at);
                prop_assert_eq!(cue_after(&text, at), cue_after_by_fold(&text, at), "{:?} {}", text, at);
            }
        }
    }

    /// Dates and clock times among Finnish words, year words, cue words,
    /// numbers and marks, and the characters that send the scan through
    /// every position.
    fn found_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "[0-9]{1,2}\\.[0-9]{1,2}\\.(20[0-9]{2})?",
            1 => "[0-9]{1,2}\\.(\u{2013}|-| \u{2013} )[0-9]{1,2}\\.[0-9]{1,2}\\.(20[0-9]{2})?",
            1 => "(19|20)[0-9]{2}|[0-9]{1,5}|[0-9]{1,2}/20[0-9]{2}",
            2 => "(vuonna|vuoden|toimintavuonna|Vuosina|syksyllä|maaliskuussa|klo) (19|20)[0-9]{2}",
            2 => "vuonna|vuoden|toimintavuonna|Vuosina|syksyllä|keväällä|kesä|maaliskuussa|syys|tammikuuta|ensi|tänä|klo|kello",
            2 => "mennessä|alkaen|lähtien|saakka|loppuun|viimeistään|pe|Torstaina|ja|tai|päivänä",
            2 => "Kommenttia|kokous|Muistio|maakunta|keskustelu|hyvinvointialue|[a-zA-ZäöÄÖ]{1,6}",
            4 => " |\\.|,|:|\n|\u{a0}|\u{2013}|-",
            1 => "a\u{308}|\u{212A}|é|×",
        ];
        proptest::collection::vec(piece, 0..16).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn one_pass_finds_the_dates_of_the_candidate_list(text in found_soup()) {
            prop_assert_eq!(find_dates(&text), find_dates_by_candidates(&text), "{:?}", text);
        }
    }

    /// Text with `vuo` in every mix of cases, inside words and at their
    /// starts, its near misses (`vu`, `uo`, `vuö`), long words (past
    /// [`MAX_WORD`]), Finnish words and marks, long enough for the packed
    /// search and short enough for its slow path.
    fn vuo_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "[vV][uU][oO]",
            2 => "vuonna|Vuoden|toimintavuonna|VUOSINA|alkuvuodesta|lukuvUOnna",
            2 => "v|V|vu|Vu|uo|UO|vö|vuö|v\\.uo|v uo",
            2 => "[a-zA-ZäöÄÖ]{1,8}|[a-z]{38,45}",
            3 => " |\\.|,|\n|\u{a0}|\u{2013}|-|2019|é",
        ];
        proptest::collection::vec(piece, 0..48).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn year_word_starts_agree_with_the_search_for_v(text in vuo_soup()) {
            let by_v: Vec<usize> = year_word_starts_by_v(&text).collect();
            prop_assert_eq!(year_word_starts(&text), by_v, "{:?}", text);
        }
    }

    #[test]
    fn the_year_stem_is_searched_in_every_mix_of_cases() {
        let variants = ascii_case_variants(YEAR_STEM);
        assert_eq!(variants.len(), 8);
        for v in &variants {
            assert!(v.eq_ignore_ascii_case(YEAR_STEM), "{v}");
            let text = format!("toiminta{v}nna 2019 ja {v}den");
            assert_eq!(year_word_starts(&text), vec![0, 23], "{text}");
        }
        let mut sorted = variants.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 8);
        assert_eq!(ascii_case_variants("a1"), vec!["a1", "A1"]);
    }

    /// Finnish text with the characters [`folds_unusually`] looks for, their
    /// near misses (other `CC` and `E2 84` characters, dashes, quotes) and
    /// their lead bytes at the end.
    fn unusual_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "[a-zA-ZäöåÄÖÅ]{1,6}|[ .,]",
            1 => "a\u{308}|o\u{30A}|e\u{301}|\u{300}|\u{309}|\u{30B}",
            1 => "\u{212A}|\u{212B}|\u{2122}|\u{2116}|\u{212C}|\u{2109}",
            1 => "\u{2013}|\u{2014}|\u{201D}|\u{2019}|\u{2026}|\u{20AC}",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn one_pass_finds_the_unusual_folds_as_the_searches(text in unusual_soup()) {
            let bytes = text.as_bytes();
            prop_assert_eq!(folds_unusually(bytes), folds_unusually_by_search(bytes), "{:?}", text);
            // Cut anywhere, as a lead byte at the very end.
            for cut in 0..bytes.len() {
                let head = bytes.get(..cut).unwrap_or_default();
                prop_assert_eq!(folds_unusually(head), folds_unusually_by_search(head), "{:?} {}", text, cut);
            }
        }
    }

    /// [`number`] as it was written first, with nom's combinators.
    fn number_by_nom(input: &str, min: usize, max: usize) -> Res<'_, u32> {
        let (rest, digits) =
            nom::bytes::complete::take_while_m_n(min, max, is_digit).parse(input)?;
        let (rest, ()) = not(satisfy(is_digit)).parse(rest)?;
        match digits.parse() {
            Ok(n) => Ok((rest, n)),
            Err(_) => fail(input),
        }
    }

    /// [`spaces`] as it was written first, with nom's `take_while_m_n`.
    fn spaces_by_nom(input: &str, min: usize) -> Res<'_, &str> {
        nom::bytes::complete::take_while_m_n(min, MAX_GAP, is_hspace).parse(input)
    }

    /// Digits, spaces of every kind (NBSP, line ends, the Unicode spaces),
    /// dashes, dots and Finnish letters.
    fn digits_and_spaces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[0-9]{1,5}",
            2 => "[ \\u{a0}\\u{2009}\\u{202f}\\u{3000}]{1,5}",
            1 => "[\\n\\r\\t\\u{b}\\u{c}\\u{85}\\u{2028}\\u{feff}]",
            1 => "[.\\u{2013}/:äÖ]|klo|kuuta",
            1 => "[\\u{660}-\\u{669}\\u{ff10}-\\u{ff19}]",
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn numbers_and_spaces_read_as_nom_read_them(
            text in digits_and_spaces(),
            min in 0usize..5,
            extra in 0usize..3,
        ) {
            let max = min.max(1) + extra;
            prop_assert_eq!(number(&text, min, max).ok(), number_by_nom(&text, min, max).ok());
            let min = min.min(2);
            prop_assert_eq!(spaces(&text, min).ok(), spaces_by_nom(&text, min).ok());
        }
    }

    /// Spaces of every kind and count, dashes of every kind, and the
    /// digits, letters and marks that follow dates and years.
    fn dash_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[ \\t]{1,4}",
            2 => "[-\u{2010}-\u{2015}\u{2212}]",
            2 => "[\u{a0}\u{2009}\u{202f}\u{3000}\n\r]",
            2 => "[0-9]{1,4}|[.,:/]|[a-zäöA-ZÄÖ]{1,3}",
            1 => "[\u{2016}\u{2011}\u{2039}\u{7f}\u{80}]",
        ];
        proptest::collection::vec(piece, 0..6).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn range_dash_answers_as_its_parsers(text in dash_soup()) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[at..];
                prop_assert_eq!(range_dash(rest).ok(), range_dash_by_parsers(rest).ok(), "{:?}", rest);
            }
        }
    }

    /// Aspect words and look-alikes in every case, with combining marks,
    /// after spaces of every kind and count.
    fn aspect_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "alussa|Lopussa|LOPULLA|puolivälissä|alkupuolella|Loppupuolella",
            2 => "alkupuoliskolla|loppupuoliskolla|Jälkipuoliskolla|keskivaiheilla|KESKIVAIHEILLA",
            2 => "ja|J|a\u{308}lussa|\u{212A}eskivaiheilla|aikana|ennen|[a-zA-Z]{1,4}|[äöÄÖ]",
            3 => "[ \t\u{a0}\u{2009}]{1,4}",
            1 => "[0-9]{1,4}|[.,\n-]",
        ];
        proptest::collection::vec(piece, 0..6).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn aspect_answers_as_the_keyword(text in aspect_soup()) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[at..];
                prop_assert_eq!(aspect(rest).ok(), aspect_by_keyword(rest).ok(), "{:?}", rest);
            }
        }
    }

    /// The short keyword lists [`keyword`] is asked of after numbers.
    const KEYWORD_LISTS: &[&[&str]] = &[
        CONJUNCTIONS,
        CLOCK_WORDS,
        &["päivänä"],
        ASPECTS,
        DETERMINERS,
    ];

    /// Keywords of every list and look-alikes in every case, with
    /// combining marks, spaces and numbers.
    fn keyword_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => "ja|Ja|JA|sekä|Sekä|tai|Tai|päivänä|Päivänä|PÄIVÄNÄ|klo|Klo|kello|kl",
            2 => "ensi|Tänä|viime|tulevana|kuluvan|Tämän|alussa|Lopulla|keskivaiheilla",
            2 => "s\u{308}|ta\u{308}|\u{212A}lo|[a-zA-Z]{1,4}|[äöåÄÖÅ]|\u{308}",
            2 => "[ \t\u{a0}]{1,2}|[0-9]{1,2}|[.,\n-]",
        ];
        proptest::collection::vec(piece, 0..6).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn keyword_answers_as_reading_every_word(text in keyword_soup()) {
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[at..];
                for &list in KEYWORD_LISTS {
                    prop_assert_eq!(keyword(list)(rest).ok(), listed(list)(rest).ok(), "{:?} {:?}", rest, list);
                }
            }
        }
    }

    /// [`attempt`] as it was written first: after one look-up of the first
    /// word, the clock time and every worded recogniser tried in turn.
    fn attempt_by_alt(text: &str, at: usize, c: char) -> Step<'_> {
        let Some(input) = text.get(at..) else {
            return Step::Nothing;
        };
        let found = if c.is_ascii_digit() {
            numeric(text, at, input)
        } else {
            let starts = word(input).is_ok_and(|(_, w)| {
                let w = fold_by_chars(w);
                STARTING_WORDS.contains_key(&w) || year_word(&w).is_some()
            });
            if !starts {
                return Step::Nothing;
            }
            if let Ok((rest, ())) = clock_time(input) {
                return Step::Skip(at + input.len() - rest.len());
            }
            alt((determined, month_phrase, season_phrase, year_phrase))
                .parse(input)
                .ok()
                .map(|(rest, value)| (input.len() - rest.len(), value))
        };
        found
            .and_then(|(len, value)| make_match(text, at, len, value))
            .map_or(Step::Nothing, Step::Found)
    }

    /// A [`Step`] as compared.
    fn step_summary(step: Step<'_>) -> String {
        match step {
            Step::Found(m) => format!("found {:?} {} {:?}", m.span, m.value, m.cue),
            Step::Skip(end) => format!("skip to {end}"),
            Step::Nothing => "nothing".to_owned(),
        }
    }

    /// Finnish-like text around worded dates: words that start them (and
    /// words that start one recogniser's lexicon but not another's), in
    /// either case, with numbers, dashes and spaces.
    fn worded_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "klo|Klo|kello|kl|ensi|Tänä|viime|tulevana",
            "syys|Syys|loka|kesä|Kesä|marras|joulu|tammi",
            "syys\u{2013}|Kesä- ja |marraskuu\u{2013}|loka-|joulu -",
            "kuussa|kuun|kuuta|kuu|kuu\u{2013}",
            "lokakuussa|Heinäkuussa|syyskuun|maaliskuuta|JOULUKUU",
            "keväällä|Syksyllä|kesän|talvi|alkusyksystä|kevättalvella|syyskaudella|Kevät|syksy",
            "vuonna|Vuoden|vuosina|lukuvuonna|alkuvuodesta|vuodelle|vuo",
            "alussa|lopussa|aikana|mennessä|saakka|loppuun|alkaen|ja",
            "(19|20)[0-9]{2}|[0-9]{1,2}",
            "[a-zäöA-ZÄÖ]{1,4}",
            " |\u{a0}|\u{2013}|-|\\.|,|\n",
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn attempt_agrees_with_trying_every_recogniser(text in worded_soup()) {
            for (at, c) in text.char_indices() {
                prop_assert_eq!(
                    step_summary(attempt(&text, at, c)),
                    step_summary(attempt_by_alt(&text, at, c)),
                    "{:?} at {}", text, at
                );
            }
        }
    }

    /// [`fold`] as it was written first: the word itself when it is folded
    /// already, else lowered and composed character by character.
    fn fold_by_chars(word: &str) -> String {
        if is_folded(word) {
            word.to_owned()
        } else {
            fold_owned(word)
        }
    }

    /// Words of Finnish letters in either case, with the Latin-1 characters
    /// around the capitals' edges (`×`, `ß`, `Þ`, `ÿ`), combining marks,
    /// and characters that lower to another length or by context.
    /// Runs of every kind of space and line break, letters, digits and
    /// other non-ASCII characters.
    fn space_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => " |\t|\u{a0}|\u{2009}|\u{202f}|\u{3000}|\u{feff}|\u{200b}",
            1 => "\n|\r|\u{0b}|\u{0c}|\u{85}|\u{2028}|\u{2029}|\u{1c}|\u{1f}",
            1 => "[a-zA-Z0-9.]|ä|Ö|\u{2013}|\u{308}|€",
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|p| p.concat())
    }

    /// Season words, prefixes, their pieces and other letters, glued.
    fn season_word_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "alku|loppu|keski|sydän|myöhäis|varhais|syys|kevät|kevä|syy",
            "kevät|kevään|keväällä|kesä|kesää|syksy|syksyllä|talvi|talvella|kausi|kauden",
            "kevätkausi|syyskaudella|talvea|kesäksi|Kesä|SYKSY",
            "[a-zäö]{0,3}",
        ];
        proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
    }

    /// Month stems, endings and stray letters glued in any order: month
    /// names, their near misses and other words.
    fn month_word_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu",
            "kuu|kuun|kuuta|kuussa|kuusta|kuuhun|kuulla|kuulle|kuulta|kuuksi|kuuna",
            "kuut|kuus|ku|Kuu|TAMMI|ssa",
            "[a-zäö]{0,3}",
        ];
        proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
    }

    /// Every stem glued to every ending, and to none, read as the lists
    /// read them.
    #[test]
    fn month_words_agree_with_the_lists_on_every_stem_and_ending() {
        for &(stem, month) in MONTH_STEMS {
            assert_eq!(month_word(stem), None, "{stem}");
            for &ending in MONTH_ENDINGS {
                let w = format!("{stem}{ending}");
                assert_eq!(month_word(&w), Some((month, ending)), "{w}");
                assert_eq!(month_word(&w), month_word_by_lists(&w), "{w}");
                let longer = format!("{w}a");
                assert_eq!(
                    month_word(&longer),
                    month_word_by_lists(&longer),
                    "{longer}"
                );
            }
        }
    }

    /// Every season word, and every prefix or form glued to another,
    /// read as the lists read them.
    #[test]
    fn season_words_agree_with_the_lists_on_every_compound() {
        let prefixes = SEASON_PREFIXES.iter().map(|&(p, _)| p);
        let forms: Vec<&str> = SEASON_FORMS.iter().map(|&(f, _)| f).collect();
        let pieces: Vec<&str> = prefixes.chain(forms.iter().copied()).chain([""]).collect();
        for a in &pieces {
            for b in &pieces {
                let w = format!("{a}{b}");
                assert_eq!(season_word(&w), season_word_by_lists(&w), "{w}");
            }
        }
    }

    fn fold_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[a-zA-Z]{1,6}",
            2 => "[äöåÄÖÅ]{1,3}",
            1 => "kuu|KUU|Syksyllä|MENNESSÄ|Päivänä",
            1 => "[\\u{C0}-\\u{FF}]",
            1 => "[\\u{80}-\\u{BF}]",
            1 => "\\u{308}|\\u{30A}|\\u{130}|\\u{212A}|\\u{212B}|\\u{3A3}|\\u{1E9E}|\\u{A0}",
            1 => "[0-9.\\u{2013}]",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat())
    }

    /// [`folded_word`] as it was read: [`word`], then [`fold`] of the word.
    fn word_then_fold(input: &str) -> Option<(&str, String)> {
        let (rest, w) = word(input).ok()?;
        Some((rest, fold(w).to_string()))
    }

    /// [`folded_word`] as [`word_then_fold`], with the rest of the input.
    fn folded_word_owned(input: &str) -> Option<(&str, String)> {
        let (rest, w) = folded_word(input).ok()?;
        Some((rest, w.to_string()))
    }

    /// Words at and around [`MAX_WORD`] letters, ending in ASCII, in `ä`
    /// and in `Ä`, and followed by a space, `×` or a combining mark, or by
    /// more words (so that eight bytes past the word can be read).
    #[test]
    fn folded_word_reads_the_longest_words_as_word_then_fold() {
        for n in MAX_WORD - 2..=MAX_WORD + 2 {
            for last in ["a", "ä", "Ä", "K"] {
                for after in ["", " ja", "×", "\u{308}", "2", " ja kello kymmenen"] {
                    let text = format!(
                        "{}{last}{after}",
                        "Ab".repeat(n).get(..n - 1).unwrap_or_default()
                    );
                    assert_eq!(folded_word_owned(&text), word_then_fold(&text), "{text:?}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn spaces_agree_with_reading_characters(text in space_soup(), min in 0usize..2) {
            prop_assert_eq!(spaces(&text, min), spaces_by_chars(&text, min));
        }

        #[test]
        fn month_word_agrees_with_the_lists(word in month_word_like()) {
            prop_assert_eq!(month_word(&word), month_word_by_lists(&word));
        }

        #[test]
        fn season_word_agrees_with_the_lists(word in season_word_like()) {
            prop_assert_eq!(season_word(&word), season_word_by_lists(&word));
        }

        #[test]
        fn fold_agrees_with_the_char_by_char_fold(word in fold_soup()) {
            let (got, want) = (fold(&word), fold_by_chars(&word));
            prop_assert_eq!(&*got, want.as_str(), "{:?}", word);
        }

        #[test]
        fn folded_word_reads_as_word_then_fold(text in fold_soup()) {
            prop_assert_eq!(folded_word_owned(&text), word_then_fold(&text), "{:?}", text);
        }

        #[test]
        fn folded_word_reads_as_byte_by_byte(text in fold_soup()) {
            let owned = |r: Res<'_, Folded<'_>>| r.ok().map(|(rest, w)| (rest.len(), w.to_string()));
            prop_assert_eq!(owned(folded_word(&text)), owned(folded_word_by_bytes(&text)), "{:?}", text);
        }

        #[test]
        fn long_words_read_as_byte_by_byte(text in "[a-zA-Z]{30,50}(ä|Ä)?( [a-z]{1,9}){0,2}") {
            let owned = |r: Res<'_, Folded<'_>>| r.ok().map(|(rest, w)| (rest.len(), w.to_string()));
            prop_assert_eq!(owned(folded_word(&text)), owned(folded_word_by_bytes(&text)), "{:?}", text);
        }

        #[test]
        fn folded_word_reads_as_word_then_fold_on_any_string(text in any::<String>()) {
            prop_assert_eq!(folded_word_owned(&text), word_then_fold(&text), "{:?}", text);
        }

        #[test]
        fn fold_agrees_with_the_char_by_char_fold_on_any_string(word in any::<String>()) {
            let (got, want) = (fold(&word), fold_by_chars(&word));
            prop_assert_eq!(&*got, want.as_str(), "{:?}", word);
        }
    }

    /// Text made of the pieces written days are made of: numbers shaped
    /// like days, months and years (and some not), each with a mark after.
    fn day_like() -> impl Strategy<Value = String> {
        let number = prop_oneof![
            "[1-9]",
            "[12][0-9]",
            "3[0-2]",
            "(19|20)[0-9]{2}",
            "[0-9]{3}",
        ];
        let mark = prop_oneof![
            4 => Just("."),
            1 => Just(". "),
            1 => Just(".\u{2013}"),
            1 => Just(". \u{2013}"),
            1 => Just(".\u{a0}-"),
            1 => Just(".-"),
            1 => Just("-"),
            1 => Just("\u{2013}"),
            1 => Just(" "),
            1 => Just("x"),
            1 => Just(""),
        ];
        let soup = proptest::collection::vec((number, mark), 1..7).prop_map(|pieces| {
            pieces
                .into_iter()
                .map(|(n, m)| format!("{n}{m}"))
                .collect::<String>()
        });
        // `D.M.` with or without a year, then maybe a dash and another.
        let day = || {
            (
                "[0-9]{1,2}",
                "[0-9]{1,2}",
                proptest::option::of("(19|20)[0-9]{2}"),
            )
                .prop_map(|(d, m, y)| format!("{d}.{m}.{}", y.unwrap_or_default()))
        };
        let dash = prop_oneof![Just("-"), Just("\u{2013}"), Just(" \u{2013} "), Just("x")];
        let days = (day(), proptest::option::of((dash, day())), "(| x|[0-9]|-)").prop_map(
            |(first, second, tail)| {
                let second = second.map(|(d, s)| format!("{d}{s}")).unwrap_or_default();
                format!("{first}{second}{tail}")
            },
        );
        // `D.–D.M.`: a day range, its first day bare.
        let range_dash = prop_oneof![
            Just("-"),
            Just("\u{2013}"),
            Just(" \u{2013} "),
            Just("\u{a0}-"),
            Just("x"),
            Just(""),
        ];
        let day_ranges = ("[0-9]{1,2}", range_dash, day())
            .prop_map(|(first, dash, second)| format!("{first}.{dash}{second}"));
        // `YYYY-MM-DD`, well or badly formed.
        let iso = "(19|20)[0-9]{2}-[0-9]{1,3}-[0-9]{1,3}(|x| |-)";
        prop_oneof![soup, days, day_ranges, iso.prop_map(String::from)]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn dmy_agrees_with_the_combinators(input in day_like()) {
            prop_assert_eq!(dmy(&input).ok(), dmy_by_nom(&input).ok());
        }

        #[test]
        fn written_day_reads_as_the_choice_of_its_forms(input in day_like()) {
            let got = written_day(&input).ok();
            let want = written_day_by_alt(&input).ok();
            prop_assert_eq!(got, want);
        }
    }

    /// The candidate positions byte by byte: every byte not after an ASCII
    /// letter or digit or a Latin-1 letter that may start a date. The
    /// oracle of [`candidates`], which passes over runs of them instead.
    fn candidates_by_bytes(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let after_alnum = |i: usize| {
            text.get(..i)
                .and_then(|head| head.chars().next_back())
                .is_some_and(|c| {
                    c.is_ascii_alphanumeric()
                        || (('\u{C0}'..='\u{FF}').contains(&c) && c.is_alphabetic())
                })
        };
        let mut out: Vec<usize> = (0..bytes.len())
            .filter(|&i| !after_alnum(i))
            .filter(|&i| {
                let b = bytes[i];
                if b.is_ascii_digit() {
                    may_be_numeric_date(&text[i..])
                } else {
                    (b.is_ascii_alphabetic() || b >= 0xC0)
                        && STARTING_PREFIXES.may_start(&text[i..])
                }
            })
            .collect();
        out.extend(year_word_starts(text));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The scan [`candidates`] made before [`for_each_start`]: from each
    /// start, past the run of ASCII letters and digits and Latin-1 letters
    /// and the byte after it. Kept as an oracle.
    fn candidates_by_runs(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        if folds_unusually(bytes) {
            return text.char_indices().map(|(i, _)| i).collect();
        }
        let table = &*STARTING_PREFIXES;
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let candidate = if b.is_ascii_digit() {
                may_be_numeric_date(&text[i..])
            } else {
                (b.is_ascii_alphabetic() || b >= 0xC0) && table.may_start(&text[i..])
            };
            if candidate {
                out.push(i);
            }
            let run = latin1_alnum_run(bytes.get(i..).unwrap_or_default());
            i += run + 1;
        }
        merge_ascending(&out, year_word_starts(text).into_iter())
    }

    /// How many bytes at the start of `bytes` are ASCII letters and digits
    /// and Latin-1 letters (`C3 80`–`C3 BF` but `×` and `÷`).
    fn latin1_alnum_run(bytes: &[u8]) -> usize {
        let mut n = 0;
        loop {
            n += crate::text::ascii_alnum_run(bytes.get(n..).unwrap_or_default());
            match bytes.get(n..n + 2) {
                Some(&[0xC3, second]) if crate::text::latin1_letter(second) => n += 2,
                _ => return n,
            }
        }
    }

    /// The offsets [`for_each_start`] gives, byte by byte: an ASCII letter
    /// or digit or a lead byte, not after an ASCII letter or digit or a
    /// Latin-1 letter.
    fn starts_by_bytes(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let after_word = |i: usize| {
            text.get(..i)
                .and_then(|head| head.chars().next_back())
                .is_some_and(|c| {
                    c.is_ascii_alphanumeric()
                        || (('\u{C0}'..='\u{FF}').contains(&c) && c.is_alphabetic())
                })
        };
        (0..bytes.len())
            .filter(|&i| bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0xC0)
            .filter(|&i| !after_word(i))
            .collect()
    }

    /// [`Starts`]'s offsets as a list, checked against those of
    /// [`for_each_start`], the closure it replaced.
    fn starts(text: &str) -> Vec<usize> {
        let mut out = Vec::new();
        for_each_start(text.as_bytes(), |at| out.push(at));
        let walked: Vec<usize> = Starts::of(text.as_bytes()).collect();
        assert_eq!(walked, out, "{text:?}");
        walked
    }

    #[test]
    fn starts_of_a_hand_checked_line() {
        // Chunks of eight: `ä` split across the first two, `÷` (not a
        // letter) across the next, `×` and NBSP before words, a capital
        // after a digit, a dash.
        let text = "abcdefgä1 ok 12345÷z ×Äö\u{a0}Ü9A-b é";
        let at: Vec<&str> = starts(text).iter().map(|&i| &text[i..]).collect();
        assert_eq!(
            at,
            [
                "abcdefgä1 ok 12345÷z ×Äö\u{a0}Ü9A-b é",
                "ok 12345÷z ×Äö\u{a0}Ü9A-b é",
                "12345÷z ×Äö\u{a0}Ü9A-b é",
                "z ×Äö\u{a0}Ü9A-b é",
                "×Äö\u{a0}Ü9A-b é",
                "Äö\u{a0}Ü9A-b é",
                "Ü9A-b é",
                "b é",
                "é",
            ]
        );
        assert_eq!(starts(text), starts_by_bytes(text));
    }

    /// Weekdays and cue words before a date in any case, cut, lengthened,
    /// with a decomposed `ä`, and Latin-1 capitals and other letters.
    fn cue_word_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "(ma|MA|Ma|ti|TI|ke|to|pe|PE|la|su)",
            "(maanantai|Tiistaina|KESKIVIIKKO|perjantaina|sunnuntai)",
            "(alkaen|Alkaen|ALKAEN|lähtien|LÄHTIEN|Lähtien|viimeistään|VIIMEISTÄÄN)",
            "(a\u{308}|o\u{308}|Ä|Ö|Å|ä|ö|å|ß|ÿ|Þ|þ|×|÷|\u{212A}|İ|Σ)",
            "[a-zA-Z]{0,3}",
        ];
        proptest::collection::vec(piece, 0..4).prop_map(|p| p.concat())
    }

    /// Words of two letters and more in any case, beginning like starting
    /// words or not, cut short, with a third character that is an ASCII
    /// letter, `ä`, `ö`, `å`, another letter, a digit or a mark.
    fn pair_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zA-Z]{1,4}",
            "(ma|MA|ta|Ta|ke|KE|sy|Sy|ja|jo|lo|he|hu|to|tä|TÄ|kl|vu|en|vi|al|lo|ke|ky|ty)",
            "(maalis|tammi|kevät|kesä|talvi|syksy|klo|ensi|viime|loka|joulu|kello|alku)",
            "(ä|ö|å|Ä|Ö|Å|é|ÿ|ß|Σ|İ|\u{212A}|a\u{308})",
            "[0-9]{1,2}",
            "( |\\.|-|\u{2013}|\n|:)",
        ];
        proptest::collection::vec(piece, 0..10).prop_map(|p| p.concat())
    }

    /// Text of date words, numbers, non-ASCII letters and the marks that
    /// end or join words.
    fn date_soup() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "maaliskuu",
            "syys",
            "vuonna",
            "vuoden",
            "viikolla",
            "klo",
            "ä",
            "Ö",
            "é",
            "Å",
            "×",
            "÷",
            "ÿ",
            "Kesä",
            "TÄNÄ",
            "x",
            "Q",
            "[0-9]{1,4}",
            "\\.",
            " ",
            "\u{a0}",
            "\u{2013}",
            "-",
            "\n",
            ":",
        ];
        proptest::collection::vec(piece, 0..14).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn candidates_are_the_bytewise_candidates(text in date_soup()) {
            prop_assert_eq!(candidates(&text), candidates_by_bytes(&text));
        }

        #[test]
        fn candidates_are_the_candidates_by_runs(text in date_soup()) {
            prop_assert_eq!(candidates(&text), candidates_by_runs(&text));
        }

        #[test]
        fn starts_are_the_bytewise_starts_at_every_alignment(
            shift in "[a ]{0,7}",
            text in date_soup(),
        ) {
            let text = format!("{shift}{text}");
            prop_assert_eq!(starts(&text), starts_by_bytes(&text));
        }

        /// Texts of several blocks ([`BLOCK`]), shifted by up to a block,
        /// so that words, `ä` and `×` stand across every block boundary.
        #[test]
        fn starts_are_the_bytewise_starts_across_blocks(
            shift in "[a ]{0,64}",
            pieces in proptest::collection::vec(date_soup(), 1..12),
        ) {
            let text = format!("{shift}{}", pieces.join("ä×"));
            prop_assert_eq!(starts(&text), starts_by_bytes(&text));
        }

        #[test]
        fn starts_are_the_bytewise_starts_on_any_string(text in any::<String>()) {
            prop_assert_eq!(starts(&text), starts_by_bytes(&text));
        }

        #[test]
        fn no_word_the_weekday_pairs_turn_away_folds_to_a_weekday(w in cue_word_like()) {
            if !WEEKDAY_PAIRS.may_fold_to_one(&w) {
                prop_assert!(!WEEKDAYS.contains(&&*fold(&w)), "{:?}", w);
            }
        }

        #[test]
        fn folds_to_answers_as_folding(w in cue_word_like(), lower in cue_word_like()) {
            for lower in [lower.as_str()].into_iter().chain(WEEKDAYS.iter().copied()).chain(CUES_BEFORE.iter().map(|(c, _)| *c)) {
                prop_assert_eq!(folds_to(&w, lower), &*fold(&w) == lower, "{:?} {:?}", w, lower);
            }
        }

        #[test]
        fn folds_to_answers_as_folding_on_any_string(w in any::<String>(), lower in any::<String>()) {
            prop_assert_eq!(folds_to(&w, &lower), *fold(&w) == lower);
        }

        #[test]
        fn numbers_are_told_as_by_their_characters(
            text in "[0-9]{0,7}([./,:\t\n a-z\u{a0}\u{2009}\u{2028}\u{e4}\u{2013}][0-9 ]?)?"
        ) {
            prop_assert_eq!(may_be_numeric_date(&text), may_be_numeric_date_by_chars(&text), "{:?}", text);
        }

        #[test]
        fn pair_table_answers_as_telling_the_letters(
            bytes in proptest::collection::vec(prop_oneof![any::<u8>(), b'a'..=b'z', b'A'..=b'Z'], 0..4)
        ) {
            let table = &*STARTING_PREFIXES;
            prop_assert_eq!(table.pair_may_start(&bytes), table.pair_may_start_by_letters(&bytes), "{:?}", bytes);
        }

        #[test]
        fn pair_gate_answers_as_reading_the_letters(text in pair_soup()) {
            let table = &*STARTING_PREFIXES;
            for (i, _) in text.char_indices() {
                prop_assert_eq!(
                    may_start_here(table, &text, i),
                    may_start_here_ungated(table, &text, i),
                    "{:?} at {}", text, i
                );
            }
        }

        #[test]
        fn gate_read_from_bytes_answers_as_from_the_slice(
            text in prop_oneof![pair_soup(), date_soup()]
        ) {
            let table = &*STARTING_PREFIXES;
            // Every byte offset, those inside a character too.
            for i in 0..=text.len() + 1 {
                prop_assert_eq!(
                    may_start_here(table, &text, i),
                    may_start_here_sliced(table, &text, i),
                    "{:?} at {}", text, i
                );
            }
        }

        #[test]
        fn prefixes_read_from_bytes_answer_as_from_chars(text in date_soup()) {
            for (i, _) in text.char_indices() {
                prop_assert_eq!(
                    STARTING_PREFIXES.may_start_fast(&text[i..]),
                    STARTING_PREFIXES.may_start(&text[i..])
                );
            }
        }

        #[test]
        fn third_letter_gate_turns_away_only_what_the_letters_do(
            text in prop_oneof![pair_soup(), date_soup(), starting_word_like(), any::<String>()]
        ) {
            let table = &*STARTING_PREFIXES;
            for (i, _) in text.char_indices() {
                let rest = &text[i..];
                let Some(letters) = three_letters(rest.as_bytes()) else {
                    continue;
                };
                if table.third_holds(letters) {
                    prop_assert_eq!(
                        table.may_start_after_three(rest, letters),
                        table.may_start_fast(rest),
                        "{:?} at {}", text, i
                    );
                } else {
                    prop_assert!(!table.may_start_fast(rest), "{:?} at {}", text, i);
                    prop_assert!(!table.may_start(rest), "{:?} at {}", text, i);
                }
            }
        }

        #[test]
        fn prefixes_read_from_bytes_answer_as_from_chars_on_any_string(text in any::<String>()) {
            prop_assert_eq!(
                STARTING_PREFIXES.may_start_fast(&text),
                STARTING_PREFIXES.may_start(&text)
            );
        }
    }

    /// Every starting word, in any of its usual cases and before any usual
    /// separator, passes the prefix table, read from bytes or from chars:
    /// the table only ever turns away words no recogniser can start with.
    #[test]
    fn every_starting_word_passes_the_prefixes() {
        for w in STARTING_WORDS.keys() {
            let mut capital = w.chars();
            let capitalised: String = capital
                .next()
                .map(|c| c.to_uppercase().chain(capital).collect())
                .unwrap_or_default();
            for form in [w.clone(), capitalised, w.to_uppercase()] {
                for after in ["", " ", ".", "-", "2019", "\u{a0}", ","] {
                    let text = format!("{form}{after}");
                    assert!(STARTING_PREFIXES.may_start_fast(&text), "{text:?}");
                    assert!(STARTING_PREFIXES.may_start(&text), "{text:?}");
                }
            }
        }
    }

    /// The third-letter rows hold exactly the three-letter beginnings of
    /// the bits over ASCII letters: each row asked of every third letter
    /// in either case, against the key of the three letters.
    #[test]
    fn third_letter_rows_hold_the_three_letter_beginnings() {
        let table = &*STARTING_PREFIXES;
        let mut held = 0;
        for (a, b, c) in lower_triples() {
            let key = Prefixes::key(&[
                usize::from(a - b'a') + 1,
                usize::from(b - b'a') + 1,
                usize::from(c - b'a') + 1,
            ]);
            let holds = table.holds_key(key);
            held += usize::from(holds);
            for word in [
                [a, b, c],
                [a.to_ascii_uppercase(), b, c],
                [a, b, c.to_ascii_uppercase()],
            ] {
                let letters = three_letters(&word).map(|l| table.third_holds(l));
                assert_eq!(letters, Some(holds), "{:?}", String::from_utf8_lossy(&word));
            }
        }
        // `maa`, `tal`, `kes`, `syy`, `klo` among them, and far from all.
        assert!((5..26 * 26 * 26 / 10).contains(&held), "{held}");
        for word in ["maa", "Tal", "KES", "syy", "klo"] {
            let letters = three_letters(word.as_bytes());
            assert!(letters.is_some_and(|l| table.third_holds(l)), "{word}");
        }
        for other in ["ma", "mää", "m-a", "1aa"] {
            assert_eq!(three_letters(other.as_bytes()), None, "{other}");
        }
    }

    /// Every three ASCII lower-case letters, in order.
    fn lower_triples() -> impl Iterator<Item = (u8, u8, u8)> {
        (b'a'..=b'z')
            .flat_map(|a| (b'a'..=b'z').flat_map(move |b| (b'a'..=b'z').map(move |c| (a, b, c))))
    }

    /// Finnish-like words: beginnings of starting words and of common
    /// words sharing their first letters, glued to letters (`ä`, `ö`, `å`,
    /// capitals) and ended by a dash, digit, mark or space.
    fn starting_word_like() -> impl Strategy<Value = String> {
        let head = prop_oneof![
            "(maali|maak|maa|talv|talo|tal|kesk|kes|ensi|ens|lopp|alku|alka)",
            "(syys|syks|syy|hein|heik|tamm|tamp|marr|mark|joul|vuo|klo|kel)",
            "[a-zäöåA-ZÄÖÅ]{0,3}",
        ];
        let tail = "[a-zäöåÄÖ]{0,7}";
        let end = "(|[-.,: 0-9]|\u{a0})";
        (head, tail, end).prop_map(|(h, t, e)| format!("{h}{t}{e}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn a_word_the_prefixes_turn_away_is_no_starting_word(w in starting_word_like()) {
            if !STARTING_PREFIXES.may_start_fast(&w) {
                let read = word(&w).ok().map(|(_, got)| fold(got).to_string());
                prop_assert!(read.is_none_or(|got| !STARTING_WORDS.contains_key(&got)), "{:?}", w);
            }
            prop_assert_eq!(
                STARTING_PREFIXES.may_start_fast(&w),
                STARTING_PREFIXES.may_start(&w),
                "{:?}", w
            );
        }
    }

    #[test]
    fn candidates_of_a_hand_checked_line() {
        // Word starts that may start a date are candidates: the number,
        // `klo`, and `vuonna` (a year word). No byte inside a run of ASCII
        // letters and digits is, nor the byte right after one.
        let text = "12.3. ja klo x9 vuonna";
        let at: Vec<&str> = candidates(text).iter().map(|&i| &text[i..]).collect();
        for start in ["12.3. ja klo x9 vuonna", "klo x9 vuonna", "vuonna"] {
            assert!(at.contains(&start), "{start:?} in {at:?}");
        }
        for inside in [
            "2.3. ja klo x9 vuonna",
            "lo x9 vuonna",
            "o x9 vuonna",
            "9 vuonna",
            "uonna",
            "onna",
        ] {
            assert!(!at.contains(&inside), "{inside:?} in {at:?}");
        }
    }

    /// One expected match: span text, EDTF value, and the cue with its text.
    type Want = (&'static str, &'static str, Option<(DateCue, &'static str)>);

    /// A match as compared: span text, EDTF value, cue and cue text.
    type Got = (String, String, Option<(DateCue, String)>);

    fn check(rows: &[(&str, &[Want])]) {
        for &(input, want) in rows {
            let got: Vec<Got> = find_dates(input)
                .iter()
                .map(|m| {
                    assert_eq!(&input[m.span.range()], m.text, "{input:?}");
                    (
                        m.text.to_string(),
                        m.value.to_string(),
                        m.cue.map(|(c, s)| (c, input[s.range()].to_string())),
                    )
                })
                .collect();
            let want: Vec<Got> = want
                .iter()
                .map(|&(t, v, c)| {
                    (
                        t.to_string(),
                        v.to_string(),
                        c.map(|(c, s)| (c, s.to_string())),
                    )
                })
                .collect();
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn numeric_days() {
        check(&[
            (
                "Kokous pidettiin 10.12.2019.",
                &[("10.12.2019", "2019-12-10", None)],
            ),
            (
                "Muistio 03.09.2019 on julkaistu",
                &[("03.09.2019", "2019-09-03", None)],
            ),
            (
                "Työryhmä kokoontui 19.3. Kajaanissa.",
                &[("19.3.", "XXXX-03-19", None)],
            ),
            (
                "Hakemus toimitetaan 12.4. aluehallintovirastoon",
                &[("12.4.", "XXXX-04-12", None)],
            ),
            (
                "Palvelut siirtyvät 1.8. alkaen kuntayhtymälle",
                &[("1.8.", "XXXX-08-01", Some((DateCue::From, "alkaen")))],
            ),
            (
                "Lausunnot pyydetään 8.6. mennessä.",
                &[("8.6.", "XXXX-06-08", Some((DateCue::By, "mennessä")))],
            ),
            (
                "Sopimus on voimassa 31.12.2020 saakka",
                &[("31.12.2020", "2020-12-31", Some((DateCue::Until, "saakka")))],
            ),
            (
                "Toimielin toimii 28.2.2022 asti.",
                &[("28.2.2022", "2022-02-28", Some((DateCue::Until, "asti")))],
            ),
            (
                "Vastaukset viimeistään 4.10. sähköpostilla",
                &[("4.10.", "XXXX-10-04", Some((DateCue::By, "viimeistään")))],
            ),
            (
                "Ilmoittaudu viimeistään pe 5.4.2019 osoitteeseen",
                &[("5.4.2019", "2019-04-05", Some((DateCue::By, "viimeistään")))],
            ),
            (
                "Tiedote 2019-03-05 julkaistiin",
                &[("2019-03-05", "2019-03-05", None)],
            ),
            (
                "Vuosi vaihtuu 29.2.2020",
                &[("29.2.2020", "2020-02-29", None)],
            ),
            (
                "Päivitetty 5.3. 2019 klo 10",
                &[("5.3. 2019", "2019-03-05", None)],
            ),
        ]);
    }

    #[test]
    fn day_ranges() {
        check(&[
            (
                "Seminaari Vaasassa 4.–5.10.2019.",
                &[("4.–5.10.2019", "2019-10-04/2019-10-05", None)],
            ),
            (
                "Koulutus 21.-22.3. Lahdessa",
                &[("21.-22.3.", "XXXX-03-21/XXXX-03-22", None)],
            ),
            (
                "Kuulemiset 28.11.–3.12.2019 etänä",
                &[("28.11.–3.12.2019", "2019-11-28/2019-12-03", None)],
            ),
            (
                "Lomakausi 30.12.–2.1.2020",
                &[("30.12.–2.1.2020", "2019-12-30/2020-01-02", None)],
            ),
            (
                "Kierros 3.9.2018 – 7.9.2018 kunnissa",
                &[("3.9.2018 – 7.9.2018", "2018-09-03/2018-09-07", None)],
            ),
            // An inverted range is no range; its well-formed last day stands alone.
            ("Jakso 6.–4.5.2019", &[("4.5.2019", "2019-05-04", None)]),
        ]);
    }

    #[test]
    fn several_days() {
        check(&[
            (
                "Työpajat pidetään 5.9. ja 19.9. Seinäjoella.",
                &[("5.9.", "XXXX-09-05", None), ("19.9.", "XXXX-09-19", None)],
            ),
            (
                "Kokoukset: 20.8., 24.9. ja 22.10.",
                &[
                    ("20.8.", "XXXX-08-20", None),
                    ("24.9.", "XXXX-09-24", None),
                    ("22.10.", "XXXX-10-22", None),
                ],
            ),
            (
                "Infot 7. ja 8.5.2019 Porissa",
                &[("7.", "2019-05-07", None), ("8.5.2019", "2019-05-08", None)],
            ),
        ]);
    }

    #[test]
    fn weekdays_stay_outside() {
        check(&[
            (
                "Aika: ke 16.1.2019 klo 12.30",
                &[("16.1.2019", "2019-01-16", None)],
            ),
            ("torstaina 7.2. Joensuussa", &[("7.2.", "XXXX-02-07", None)]),
        ]);
    }

    #[test]
    fn glued_words() {
        check(&[
            (
                "3.10.2017Perhekeskustyöryhmän kokous 28.9.2017",
                &[
                    ("3.10.2017", "2017-10-03", None),
                    ("28.9.2017", "2017-09-28", None),
                ],
            ),
            ("Sivu 5.6.Kuopio", &[("5.6.", "XXXX-06-05", None)]),
        ]);
    }

    #[test]
    fn clock_times_are_skipped() {
        check(&[
            ("klo 9–12", &[]),
            ("alkaa klo 13.00 Lappeenrannassa", &[]),
            ("kello 9.30–11 etäyhteydellä", &[]),
            ("Aika klo 13.00–15.30", &[]),
            ("Klo 8.15–9.12. kahvit", &[]),
            ("kl. 10:30", &[]),
            (
                "Ti 12.3.2019 klo 9.00–11.30.",
                &[("12.3.2019", "2019-03-12", None)],
            ),
        ]);
    }

    #[test]
    fn ordinal_days_with_month_names() {
        check(&[
            (
                "Laki tulee voimaan 15. maaliskuuta 2019",
                &[("15. maaliskuuta 2019", "2019-03-15", None)],
            ),
            (
                "annettu 1. päivänä tammikuuta",
                &[("1. päivänä tammikuuta", "XXXX-01-01", None)],
            ),
            (
                "Helsingissä 9 päivänä toukokuuta 2019",
                &[("9 päivänä toukokuuta 2019", "2019-05-09", None)],
            ),
            ("1. Marraskuun kokous", &[("Marraskuun", "XXXX-11", None)]),
        ]);
    }

    #[test]
    fn month_names_in_their_cases() {
        check(&[
            ("Joulukuu 2019", &[("Joulukuu 2019", "2019-12", None)]),
            (
                "Raportti valmistuu helmikuussa.",
                &[("helmikuussa", "XXXX-02", None)],
            ),
            (
                "huhtikuun kokous peruttiin",
                &[("huhtikuun", "XXXX-04", None)],
            ),
            ("jo elokuuta odotetaan", &[("elokuuta", "XXXX-08", None)]),
            ("siirtyy tammikuuhun", &[("tammikuuhun", "XXXX-01", None)]),
            (
                "toukokuusta alkaen",
                &[("toukokuusta", "XXXX-05", Some((DateCue::From, "alkaen")))],
            ),
            (
                "Syyskuussa 2019 aloitetaan",
                &[("Syyskuussa 2019", "2019-09", None)],
            ),
            (
                "elokuun loppuun mennessä",
                &[(
                    "elokuun",
                    "XXXX-08",
                    Some((DateCue::By, "loppuun mennessä")),
                )],
            ),
            (
                "Suunnitelma laaditaan kesäkuun loppuun mennessä.",
                &[(
                    "kesäkuun",
                    "XXXX-06",
                    Some((DateCue::By, "loppuun mennessä")),
                )],
            ),
            (
                "Kierros päättyy marraskuun alussa.",
                &[("marraskuun alussa", "XXXX-11", None)],
            ),
            (
                "tammikuun puolivälissä",
                &[("tammikuun puolivälissä", "XXXX-01", None)],
            ),
            ("MAALISKUU 2020", &[("MAALISKUU 2020", "2020-03", None)]),
            ("ensi heinäkuussa", &[("ensi heinäkuussa", "XXXX-07", None)]),
            (
                "syys–lokakuussa 2019",
                &[("syys–lokakuussa 2019", "2019-09/2019-10", None)],
            ),
            (
                "kesä- ja heinäkuussa",
                &[("kesä- ja heinäkuussa", "XXXX-06/XXXX-07", None)],
            ),
            (
                "joulu-tammikuussa 2020",
                &[("joulu-tammikuussa 2020", "2019-12/2020-01", None)],
            ),
        ]);
    }

    #[test]
    fn seasons() {
        check(&[
            ("Kysely tehdään keväällä.", &[("keväällä", "XXXX-21", None)]),
            (
                "Ryhmä kokoontuu kevään aikana",
                &[("kevään", "XXXX-21", None)],
            ),
            (
                "Keväällä 2020 päätetään",
                &[("Keväällä 2020", "2020-21", None)],
            ),
            (
                "rakennetaan kesällä 2019",
                &[("kesällä 2019", "2019-22", None)],
            ),
            ("Syksyllä jatketaan", &[("Syksyllä", "XXXX-23", None)]),
            (
                "Tiimi kokoontuu syksyn ajan joka toinen viikko",
                &[("syksyn", "XXXX-23", None)],
            ),
            (
                "syksyllä 2020 valitaan",
                &[("syksyllä 2020", "2020-23", None)],
            ),
            ("talvella tiedotetaan", &[("talvella", "XXXX-24", None)]),
            (
                "Kysely toistetaan ensi keväänä",
                &[("ensi keväänä", "XXXX-21", None)],
            ),
            ("tänä syksynä", &[("tänä syksynä", "XXXX-23", None)]),
            ("alkusyksystä", &[("alkusyksystä", "XXXX-23", None)]),
            (
                "loppusyksystä 2019",
                &[("loppusyksystä 2019", "2019-23", None)],
            ),
            ("kevättalvella", &[("kevättalvella", "XXXX-21", None)]),
            (
                "syystalvella 2019",
                &[("syystalvella 2019", "2019-24", None)],
            ),
            ("kesän lopussa", &[("kesän lopussa", "XXXX-22", None)]),
            (
                "syksyyn mennessä",
                &[("syksyyn", "XXXX-23", Some((DateCue::By, "mennessä")))],
            ),
            ("Kevät 2021", &[("Kevät 2021", "2021-21", None)]),
            ("ensi kesä", &[("ensi kesä", "XXXX-22", None)]),
            ("Syksy Laine", &[]),
            ("valtuutettu Jaana Talvi", &[]),
            ("syyskaudella", &[("syyskaudella", "XXXX-23", None)]),
            ("viime syksynä", &[("viime syksynä", "XXXX-23", None)]),
            // Decomposed ä (a + U+0308), as some pages store it.
            (
                "keva\u{308}a\u{308}lla\u{308} 2020",
                &[("keva\u{308}a\u{308}lla\u{308} 2020", "2020-21", None)],
            ),
        ]);
    }

    #[test]
    fn years_in_phrases() {
        check(&[
            (
                "vuoden 2019 talousarviossa",
                &[("vuoden 2019", "2019", None)],
            ),
            ("Vuonna 2020 toteutetaan", &[("Vuonna 2020", "2020", None)]),
            (
                "vuosina 2020–2022",
                &[("vuosina 2020–2022", "2020/2022", None)],
            ),
            (
                "lukuvuonna 2019–20",
                &[("lukuvuonna 2019–20", "2019/2020", None)],
            ),
            (
                "sopimus on voimassa 2021 loppuun saakka",
                &[("2021", "2021", Some((DateCue::Until, "loppuun saakka")))],
            ),
            (
                "vuoden 2020 alusta",
                &[("vuoden 2020", "2020", Some((DateCue::From, "alusta")))],
            ),
            (
                "vuoden 2020 alusta alkaen",
                &[(
                    "vuoden 2020",
                    "2020",
                    Some((DateCue::From, "alusta alkaen")),
                )],
            ),
            ("vuoden 2022 aikana", &[("vuoden 2022", "2022", None)]),
            ("rahaa vuodelle 2021", &[("vuodelle 2021", "2021", None)]),
            ("jo vuodesta 2005", &[("vuodesta 2005", "2005", None)]),
            (
                "vuoteen 2025 mennessä",
                &[("vuoteen 2025", "2025", Some((DateCue::By, "mennessä")))],
            ),
            (
                "vuoden 2019 keväällä",
                &[("vuoden 2019 keväällä", "2019-21", None)],
            ),
            (
                "vuoden 2021 lopussa",
                &[("vuoden 2021 lopussa", "2021", None)],
            ),
            ("alkuvuodesta 2020", &[("alkuvuodesta 2020", "2020", None)]),
            (
                "taloussuunnitelma 2023–2025",
                &[("2023–2025", "2023/2025", None)],
            ),
            ("2019 aikana", &[("2019", "2019", None)]),
            ("vuonna 2019 – 12 kuntaa", &[("vuonna 2019", "2019", None)]),
        ]);
    }

    #[test]
    fn numeric_months() {
        check(&[
            ("Kuulumiset 11/2018", &[("11/2018", "2018-11", None)]),
            ("julkaistu 3/2019", &[("3/2019", "2019-03", None)]),
            ("Esityslista 6/2018", &[]),
            ("Muistio 4/2019", &[]),
            ("pöytäkirjassa 2/2020", &[]),
            ("Kokous 5/2019", &[]),
            ("nro 7/2018", &[]),
            ("n:o 7/2018", &[]),
            ("§ 3/2019", &[]),
            ("vko 12/2019", &[]),
            ("Tiedote 13/2019", &[]),
        ]);
    }

    #[test]
    fn not_dates() {
        check(&[
            ("Pirkanmaa 2019", &[]),
            ("Pirkanmaa 2019 -hanke", &[]),
            ("Pirkanmaa2019.fi", &[]),
            ("0400 512 774", &[]),
            ("p. 050 418 2263", &[]),
            ("040-718 3305", &[]),
            ("+358 44 701 2385", &[]),
            ("12 kuntaa", &[]),
            ("2018 asukasta", &[]),
            ("1.", &[]),
            ("2. Tiedotusasiat", &[]),
            ("1. varapuheenjohtaja", &[]),
            ("250 milj. euroa", &[]),
            ("1,2 milj. €", &[]),
            ("450 000 euroa", &[]),
            ("§ 5", &[]),
            ("5 §", &[]),
            ("31.2.2019", &[]),
            ("1.2.20189", &[]),
            ("1.2.3", &[]),
            ("2,5", &[]),
            ("13.00", &[]),
            ("Kesälahti", &[]),
            ("kuun vaihteessa", &[]),
            ("kokoontuu kuukausittain", &[]),
            ("tähän mennessä", &[]),
            ("sote-syksy", &[]),
            ("Kesä-Suomi", &[]),
            ("ensi vuonna", &[]),
            ("2018-02-30", &[]),
            ("1234", &[]),
            ("13.13.2019", &[]),
        ]);
    }

    #[test]
    fn leading_dates() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            ("11.12.2019", Some(("11.12.2019", "2019-12-11"))),
            ("06.08.2020", Some(("06.08.2020", "2020-08-06"))),
            (
                "4.10.2019Perhepalvelujen ryhmän kokous",
                Some(("4.10.2019", "2019-10-04")),
            ),
            ("5.3.2019 Pirkanmaan", Some(("5.3.2019", "2019-03-05"))),
            ("17.4. Kuopiossa", Some(("17.4.", "XXXX-04-17"))),
            ("2019-05-14 Uutiset", Some(("2019-05-14", "2019-05-14"))),
            (
                "18.–19.3.2019 Seminaari",
                Some(("18.–19.3.2019", "2019-03-18/2019-03-19")),
            ),
            ("31.2.2019", None),
            ("1.2.20189", None),
            ("1.2.3", None),
            ("1. Hallinnon", None),
            ("Pirkanmaa 2019", None),
            (" 11.12.2019", None),
            ("", None),
        ];
        for &(input, want) in rows {
            let got = leading_date(input).map(|m| {
                assert_eq!(&input[m.span.range()], m.text);
                (m.text, m.value.to_string())
            });
            assert_eq!(got, want.map(|(t, v)| (t, v.to_string())), "{input:?}");
        }
    }

    #[test]
    fn years_are_resolved_near_the_anchor() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let rows: &[(&str, NaiveDate, &str)] = &[
            ("XXXX-03-12", day(2019, 3, 14), "2019-03-12"),
            ("XXXX-12-28", day(2019, 3, 14), "2018-12-28"),
            ("XXXX-10", day(2020, 8, 20), "2020-10"),
            ("XXXX-23", day(2019, 10, 2), "2019-23"),
            // An article of spring means the coming autumn, not the last.
            // (the autumn before ended nearer, on 30.11.2019).
            ("XXXX-23", day(2020, 4, 10), "2020-23"),
            ("XXXX-22", day(2020, 4, 10), "2020-22"),
            ("XXXX-21", day(2020, 4, 10), "2020-21"),
            ("XXXX-24", day(2019, 1, 10), "2018-24"),
            ("XXXX-01-03", day(2018, 12, 20), "2019-01-03"),
            (
                "XXXX-10-07/XXXX-10-08",
                day(2019, 8, 30),
                "2019-10-07/2019-10-08",
            ),
            (
                "XXXX-12-30/XXXX-01-02",
                day(2019, 12, 1),
                "2019-12-30/2020-01-02",
            ),
            ("XXXX-12/XXXX-01", day(2020, 1, 20), "2019-12/2020-01"),
            ("XXXX-02-29", day(2019, 6, 1), "2020-02-29"),
            ("XXXX-02-29", day(2022, 6, 1), "XXXX-02-29"),
            ("2016-05-04", day(2018, 1, 1), "2016-05-04"),
        ];
        for &(value, anchor, want) in rows {
            let value: EdtfDate = value.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                resolve_year(value, anchor).to_string(),
                want,
                "{value} @ {anchor}"
            );
        }
    }

    /// Every single date without a year: the days of a leap year, the
    /// months and the seasons (a year alone has one).
    fn dates_without_year() -> Vec<EdtfDate> {
        let mut out: Vec<EdtfDate> = (1..=12)
            .flat_map(|m| (1..=31).filter_map(move |d| EdtfDate::day_without_year(m, d).ok()))
            .collect();
        out.extend((1..=12).filter_map(|m| EdtfDate::month_without_year(m).ok()));
        out.extend(
            [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ]
            .map(EdtfDate::season_without_year),
        );
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn day_numbers_are_chronos(year in -3000i32..12000, month in 0u32..14, day in 0u32..33) {
            prop_assert_eq!(
                day_number(year, month, day),
                NaiveDate::from_ymd_opt(year, month, day).map(|d| d.num_days_from_ce()),
                "{}-{}-{}", year, month, day
            );
        }
    }

    /// The [`YearStart`] of `year`, by its oracle [`day_number`].
    fn start_of(year: i32) -> YearStart {
        let jan1 = day_number(year, 1, 1);
        assert!(jan1.is_some(), "{year}");
        YearStart {
            year,
            jan1: jan1.unwrap_or_default(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]
        #[test]
        fn days_from_year_starts_are_day_numbers(
            year in -3000i32..12000,
            month in 0u32..14,
            day in 0u32..33,
        ) {
            let start = start_of(year);
            prop_assert_eq!(start.day(month, day), day_number(year, month, day));
            prop_assert_eq!(start.next(), start_of(year + 1));
            prop_assert_eq!(start.previous(), start_of(year - 1));
            let date = NaiveDate::from_ymd_opt(year, month, day);
            prop_assert_eq!(date.and_then(YearStart::of), date.map(|_| start));
        }
    }

    #[test]
    fn days_from_every_year_start_near_the_readings_are_day_numbers() {
        for year in (-401..=2500).chain(9_990..=10_001) {
            let start = start_of(year);
            assert_eq!(start.next(), start_of(year + 1), "{year}");
            assert_eq!(start.previous(), start_of(year - 1), "{year}");
            for month in 0..=13 {
                for day in 0..=32 {
                    assert_eq!(
                        start.day(month, day),
                        day_number(year, month, day),
                        "{year}-{month}-{day}"
                    );
                }
            }
        }
    }

    #[test]
    fn day_numbers_of_every_day_near_the_readings_are_chronos() {
        // Every day and the day past each month's last, over the years a
        // reading may have and their neighbours, and past leap rules.
        for year in (-401..=2500).chain(9_990..=10_001) {
            for month in 0..=13 {
                for day in 0..=32 {
                    assert_eq!(
                        day_number(year, month, day),
                        NaiveDate::from_ymd_opt(year, month, day).map(|d| d.num_days_from_ce()),
                        "{year}-{month}-{day}"
                    );
                }
            }
        }
        assert_eq!(day_number(5_000_001, 1, 1), None);
    }

    #[test]
    fn single_dates_resolve_as_by_their_readings() {
        // Every day of a common and a leap year, and of the first and last
        // years a reading may have (0000 and 9999, whose neighbours have
        // none), as anchors.
        let anchors = [0, 1, 2019, 2020, 2021, 9999]
            .into_iter()
            .flat_map(|y| (1..=366).filter_map(move |ordinal| NaiveDate::from_yo_opt(y, ordinal)));
        let values = dates_without_year();
        assert_eq!(values.len(), 366 + 12 + 4);
        for anchor in anchors {
            for &value in &values {
                assert_eq!(
                    resolve_year(value, anchor),
                    resolve_by_readings(value, anchor),
                    "{value} @ {anchor}"
                );
                // Each reading's distance too: many a wrong one still picks
                // the right reading.
                let year = anchor.year();
                for y in [year, year - 1, year + 1] {
                    assert_eq!(
                        point_distance(value, start_of(y), anchor.num_days_from_ce()),
                        fill_year(value, y).map(|reading| distance(reading, anchor)),
                        "{value} in {y} @ {anchor}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_whole_announcement() {
        let text = "Ajankohtaista\n\n4.6.2019\n\nHyvinvointialueen ohjausryhmä kokoontui 3.6. \
                    Kotkassa.\u{a0}Ryhmä päätti, että henkilöstökysely tehdään syys–lokakuussa \
                    ja tulokset esitellään ti 19.11. klo 9–11. Valmistelurahaa on vuodelle 2020 \
                    varattu 1,4 milj. euroa. Lisätietoja p. 040 712 3399.";
        let got: Vec<(&str, String)> = find_dates(text)
            .iter()
            .map(|m| (m.text, m.value.to_string()))
            .collect();
        assert_eq!(
            got,
            [
                ("4.6.2019", "2019-06-04".to_string()),
                ("3.6.", "XXXX-06-03".to_string()),
                ("syys–lokakuussa", "XXXX-09/XXXX-10".to_string()),
                ("19.11.", "XXXX-11-19".to_string()),
                ("vuodelle 2020", "2020".to_string()),
            ]
        );
    }

    #[test]
    fn adversarial_inputs_finish() {
        let long = [
            "1".repeat(100_000),
            ".".repeat(100_000),
            "1.".repeat(50_000),
            "1.1.".repeat(30_000),
            "a".repeat(100_000),
            "vuonna ".repeat(20_000),
            "ensi ".repeat(20_000),
            " ".repeat(100_000) + "1.1.2019",
            "\u{a0}".repeat(50_000),
            "2019–".repeat(20_000),
            "klo 1".repeat(20_000),
            "syys-".repeat(20_000),
        ];
        for text in &long {
            for m in find_dates(text) {
                assert_eq!(&text[m.span.range()], m.text);
            }
        }
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        /// Pieces of Finnish announcements, glued at random.
        const TOKENS: &[&str] = &[
            "0",
            "1",
            "2",
            "3",
            "9",
            "12",
            "31",
            "2018",
            "2019",
            "20189",
            ".",
            "-",
            "–",
            "—",
            ",",
            "/",
            ":",
            " ",
            "\u{a0}",
            "\n",
            "ä",
            "ö",
            "å",
            "a",
            "klo",
            "kello",
            "marras",
            "kuu",
            "kuussa",
            "kuun",
            "kuuta",
            "kesä",
            "kesäkuun",
            "syksyllä",
            "kevään",
            "talvi",
            "vuonna",
            "vuoden",
            "vuosina",
            "ensi",
            "alkaen",
            "mennessä",
            "loppuun",
            "saakka",
            "alusta",
            "päivänä",
            "ja",
            "euroa",
            "milj.",
            "p.",
            "@",
            "§",
            "ti",
            "viimeistään",
            "Esityslista",
            "\u{308}",
            "\u{0}",
            "\u{301}",
            "e\u{301}",
        ];

        fn announcement() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.concat())
        }

        fn assert_sound(text: &str) {
            let found = find_dates(text);
            let mut end = 0;
            for m in &found {
                assert!(m.span.start >= end, "overlap in {text:?}");
                assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                assert_eq!(text.get(m.span.range()), Some(m.text));
                assert!(!m.text.is_empty());
                if let Some((_, cue)) = m.cue {
                    assert!(text.get(cue.range()).is_some_and(|c| !c.is_empty()));
                }
                let anchor = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap_or_default();
                let _ = resolve_year(m.value, anchor);
                end = m.span.end;
            }
            if let Some(m) = leading_date(text) {
                assert_eq!(m.span.start, 0);
                assert_eq!(text.get(m.span.range()), Some(m.text));
            }
        }

        proptest! {
            #[test]
            fn arbitrary_strings_are_safe(text in any::<String>()) {
                assert_sound(&text);
            }

            #[test]
            fn announcement_like_strings_are_safe(text in announcement()) {
                assert_sound(&text);
            }
        }
    }
}
