//! A hand-written compact JSON writer for [`Document`], byte for byte what
//! `serde_json::to_writer` writes for its serde form.
//!
//! serde_json drives a serializer state machine per field, escapes every key
//! byte by byte and scans every value string a byte at a time. A record's
//! shape is fixed, so here each key (with its comma, quotes and colon) is
//! one constant slice, and a value string is checked sixteen bytes at a
//! time (eight in a word when shorter) for the few bytes JSON escapes and,
//! when clean (nearly always), copied in one piece. Everything is appended to a `Vec<u8>`, which cannot fail.
//!
//! The serde derives stay the JSON contract: the tests hold this writer to
//! `serde_json::to_vec` on every kind of record.

use crate::text::block::equal;
use wide::u8x16;

use crate::model::{
    Amount, Body, BodyKind, Currency, DateMention, Document, DocumentKind, EdtfDate, Entry, Event,
    EventKind, Meeting, MeetingStatus, Organization, Person, Place, Programme, Role, RoleKind,
    Span, digit_pair,
};

/// A value that appends its compact JSON form to a byte buffer.
pub(crate) trait WriteJson {
    /// Appends `self` as compact JSON to `out`.
    fn write_json(&self, out: &mut Vec<u8>);
}

/// Appends `document` as one line of compact JSON (without the newline) to
/// `out`, exactly as `serde_json::to_writer` writes it.
///
/// ```
/// let doc = sote_records::Document::new("a.txt");
/// let mut out = Vec::new();
/// sote_records::append_json(&mut out, &doc);
/// assert_eq!(out, serde_json::to_vec(&doc).unwrap());
/// ```
pub fn append_json(out: &mut Vec<u8>, document: &Document) {
    document.write_json(out);
}

/// The eight-byte word with every byte set to `b`.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of every byte of `word` that JSON escapes: a control byte
/// (below 0x20), `"` or `\`. Borrows may flag bytes above a true hit, never
/// the lowest one, so the lowest bit set marks the first byte to escape and
/// a word without hits gives 0.
///
/// `"` is 0x22: with bit 1 flipped, it becomes 0x20 and the control bytes
/// stay below 0x20, so one subtraction of 0x21 flags both (no other byte
/// lands below 0x21), where a test of its own for `"` cost three steps.
const fn escape_mask(word: u64) -> u64 {
    let control_or_quote = (word ^ splat(0x02)).wrapping_sub(splat(0x21));
    let backslash = (word ^ splat(b'\\')).wrapping_sub(splat(1));
    // `"`, `\` and control bytes have no high bit, so `!word` clears the
    // lanes of non-ASCII bytes (and DEL is above 0x20, so not flagged).
    (control_or_quote | backslash) & !word & splat(0x80)
}

/// [`escape_mask`] as first written, a test of its own for each of the
/// three kinds: the oracle of the one-subtraction form.
#[cfg(test)]
const fn escape_mask_by_kinds(word: u64) -> u64 {
    let control = word.wrapping_sub(splat(0x20));
    let quote = (word ^ splat(b'"')).wrapping_sub(splat(1));
    let backslash = (word ^ splat(b'\\')).wrapping_sub(splat(1));
    (control | quote | backslash) & !word & splat(0x80)
}

/// The eight bytes of `chunk` as a little-endian word (lane `i` is byte `i`).
fn word_of(chunk: &[u8; 8]) -> u64 {
    u64::from_le_bytes(*chunk)
}

/// Whether JSON escapes `byte`, read alone (the oracle's reading).
#[cfg(test)]
fn escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The index of the first byte of `bytes` that JSON escapes, if any: whole
/// words of eight, then the last few bytes as one more word (the string's
/// last eight bytes, overlapping words already found clean, or the bytes
/// padded with spaces), where a byte-by-byte loop over them cost about as
/// much as all the words of a short string.
fn first_escape(bytes: &[u8]) -> Option<usize> {
    let (chunks, rest) = bytes.as_chunks::<8>();
    for (i, chunk) in chunks.iter().enumerate() {
        let mask = escape_mask(word_of(chunk));
        if mask != 0 {
            return Some(i * 8 + (mask.trailing_zeros() / 8) as usize);
        }
    }
    if rest.is_empty() {
        return None;
    }
    // The bytes before `rest` hold no escape, so the lowest hit of the
    // tail word is in `rest`.
    let (tail, tail_start) = match bytes.last_chunk::<8>() {
        Some(last) => (*last, bytes.len() - 8),
        None => (padded(rest), 0),
    };
    let mask = escape_mask(word_of(&tail));
    (mask != 0).then(|| tail_start + (mask.trailing_zeros() / 8) as usize)
}

/// `short` (fewer than eight bytes) followed by spaces, which JSON does not
/// escape, to eight bytes.
fn padded(short: &[u8]) -> [u8; 8] {
    let mut word = [b' '; 8];
    for (slot, &b) in word.iter_mut().zip(short) {
        *slot = b;
    }
    word
}

/// [`first_escape`] read a byte at a time: the oracle of its tests.
#[cfg(test)]
fn first_escape_by_bytes(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| escaped(b))
}

/// `\u00XX` for every control byte, in lower-case hex as serde_json writes it.
static CONTROL_ESCAPES: [[u8; 6]; 32] = {
    let hex = b"0123456789abcdef";
    let mut table = [[0u8; 6]; 32];
    let mut b = 0;
    while b < 32 {
        table[b] = [b'\\', b'u', b'0', b'0', hex[b >> 4], hex[b & 15]];
        b += 1;
    }
    table
};

/// Appends serde_json's escape of `byte`, a byte [`first_escape`] found
/// (any other byte is copied as it is).
fn push_escape(out: &mut Vec<u8>, byte: u8) {
    match byte {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        0x08 => out.extend_from_slice(b"\\b"),
        b'\t' => out.extend_from_slice(b"\\t"),
        b'\n' => out.extend_from_slice(b"\\n"),
        0x0c => out.extend_from_slice(b"\\f"),
        b'\r' => out.extend_from_slice(b"\\r"),
        _ => match CONTROL_ESCAPES.get(usize::from(byte)) {
            Some(escape) => out.extend_from_slice(escape),
            None => out.push(byte),
        },
    }
}

/// Whether any byte of `bytes` is one JSON escapes. Nearly no string has
/// one, so the tests of all its pieces are OR-ed together without a test
/// per piece: sixteen bytes a vector step ([`escapes_in`]), the last
/// sixteen bytes one more step (overlapping pieces found clean already);
/// a string shorter than sixteen bytes goes through [`has_escape_by_words`].
fn has_escape(bytes: &[u8]) -> bool {
    let Some(last) = bytes.last_chunk::<16>() else {
        return has_escape_by_words(bytes);
    };
    let mut hits = escapes_in(u8x16::new(*last));
    for chunk in bytes.as_chunks::<16>().0 {
        hits |= escapes_in(u8x16::new(*chunk));
    }
    hits.to_bitmask() != 0
}

/// All ones in each byte of `v` that JSON escapes, as [`escape_mask`]
/// tells them: with bit 1 flipped, `"` becomes 0x20 and control bytes stay
/// below it, so one unsigned comparison finds both, and `\` one more.
#[inline(always)]
fn escapes_in(v: u8x16) -> u8x16 {
    let flipped = v ^ u8x16::splat(0x02);
    flipped.min(u8x16::splat(0x20)).simd_eq(flipped) | equal(v, b'\\')
}

/// [`has_escape`] eight bytes at a time in a word: the words' masks are
/// OR-ed together (a word without a hit adds nothing, see
/// [`escape_mask`]); the last few bytes are one more word, as in
/// [`first_escape`]. The way for strings shorter than a vector, and the
/// oracle of [`has_escape`]'s test beyond.
fn has_escape_by_words(bytes: &[u8]) -> bool {
    let (chunks, rest) = bytes.as_chunks::<8>();
    let mut hits = 0;
    for chunk in chunks {
        hits |= escape_mask(word_of(chunk));
    }
    let tail = match (bytes.last_chunk::<8>(), rest.len()) {
        (_, 0) => splat(b' '),
        (Some(last), _) => word_of(last),
        (None, _) => short_word(rest),
    };
    (hits | escape_mask(tail)) != 0
}

/// The bytes of `short` (fewer than eight) in a word, each at least once,
/// and spaces (which JSON does not escape) in the lanes left over: two
/// overlapping four-byte reads from four bytes up, else the first, middle
/// and last bytes, where [`padded`]'s byte-by-byte copy was a long chain.
fn short_word(short: &[u8]) -> u64 {
    if let (Some(first), Some(last)) = (short.first_chunk::<4>(), short.last_chunk::<4>()) {
        return u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32;
    }
    let (Some(&first), Some(&last)) = (short.first(), short.last()) else {
        return splat(b' ');
    };
    let middle = short.get(short.len() / 2).copied().unwrap_or(first);
    u64::from_le_bytes([first, middle, last, b' ', b' ', b' ', b' ', b' '])
}

/// Appends `s` as a JSON string, quotes included: a string without a byte
/// to escape (nearly every one) is copied whole, any other goes through
/// [`push_escaped`].
fn push_str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    push_str_inside(out, s);
    out.push(b'"');
}

/// Room for a short string ([`SHORT`] bytes) and keys of up to sixteen
/// bytes on either side.
const SHORT_ROOM: usize = 64;

/// Appends `before`, `s` escaped, then `after` (the keys around a
/// string). A short string without a byte to escape (nearly every name of
/// a place, organisation or programme) goes into one fixed-size buffer
/// with them through [`put_clean_short`] and is copied out in one piece,
/// where it was an escape pass and a call to `memcpy` of its own; any
/// other string goes through [`push_between_by_pieces`]. Strings of other
/// kinds (body names, titles, listed words) are longer or fewer: for
/// them, the buffer cost more than it saved.
fn push_between<const B: usize, const A: usize>(
    out: &mut Vec<u8>,
    before: &[u8; B],
    s: &str,
    after: &[u8; A],
) {
    let mut buf = [0u8; SHORT_ROOM];
    let end = put(&mut buf, 0, before)
        .and_then(|at| put_clean_short(&mut buf, at, s.as_bytes()))
        .and_then(|at| put(&mut buf, at, after));
    match end {
        Some(end) => push_head(out, &buf, end),
        None => push_between_by_pieces(out, before, s, after),
    }
}

/// [`push_between`] piece by piece: `before`, `s` through
/// [`push_str_inside`], `after`. The way for long strings and strings to
/// escape, and the oracle of the short way's tests.
fn push_between_by_pieces(out: &mut Vec<u8>, before: &[u8], s: &str, after: &[u8]) {
    out.reserve(before.len() + s.len() + after.len());
    out.extend_from_slice(before);
    push_str_inside(out, s);
    out.extend_from_slice(after);
}

/// Appends `s` escaped as the inside of a JSON string, without its
/// quotes, which the caller folds into the keys around it. Inlined into
/// its few callers: called some 300 times a record, it spent a fifth of
/// its instructions saving and restoring registers.
#[inline(always)]
fn push_str_inside(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if has_escape(bytes) {
        push_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
}

/// Appends `bytes` escaped, without quotes: clean runs are copied in one
/// piece, the bytes between them escaped.
fn push_escaped(out: &mut Vec<u8>, mut bytes: &[u8]) {
    while let Some(at) = first_escape(bytes) {
        let (run, rest) = bytes.split_at_checked(at).unwrap_or((bytes, &[]));
        out.extend_from_slice(run);
        let Some((&byte, after)) = rest.split_first() else {
            break;
        };
        push_escape(out, byte);
        bytes = after;
    }
    out.extend_from_slice(bytes);
}

/// Appends an unsigned integer in decimal, as serde_json (through `itoa`) does.
fn push_integer<I: itoa::Integer>(out: &mut Vec<u8>, i: I) {
    out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
}

/// Appends `items` as a JSON array.
fn push_list<T: WriteJson>(out: &mut Vec<u8>, items: &[T]) {
    out.push(b'[');
    let mut items = items.iter();
    if let Some(first) = items.next() {
        first.write_json(out);
        for item in items {
            out.push(b',');
            item.write_json(out);
        }
    }
    out.push(b']');
}

impl WriteJson for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_str(out, self);
    }
}

impl WriteJson for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_str(out, self);
    }
}

impl<T: WriteJson> WriteJson for Option<T> {
    /// `null` for `None`, as serde_json writes it.
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
}

impl<T: WriteJson> WriteJson for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_list(out, self);
    }
}

impl WriteJson for u32 {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_integer(out, *self);
    }
}

impl WriteJson for u64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_integer(out, *self);
    }
}

impl WriteJson for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

/// Room for a span written whole: `[`, two offsets of at most twenty
/// digits, `,` and `]`, rounded up.
const SPAN_ROOM: usize = 48;

/// Writes `n` in decimal into `buf` from `at` and returns where it ends
/// (`at` itself if `buf` has no room, which [`SPAN_ROOM`] rules out). A
/// number below 10 000, nearly every offset in a text, is written as four
/// bytes at once, shifted so that its digits lead; the bytes after them
/// are overwritten or cut off by the caller.
fn decimal_at(buf: &mut [u8; SPAN_ROOM], at: usize, n: usize) -> usize {
    if n < 10_000 {
        let ([a, b], [c, d]) = (digit_pair(n / 100), digit_pair(n));
        // Leading zeros dropped: 1 to 4 digits.
        let len = 1 + usize::from(n >= 10) + usize::from(n >= 100) + usize::from(n >= 1000);
        let four = u32::from_be_bytes([a, b, c, d]) << (8 * (4 - len));
        if let Some(slot) = buf.get_mut(at..at + 4) {
            slot.copy_from_slice(&four.to_be_bytes());
        }
        return at + len;
    }
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(n).as_bytes();
    match buf.get_mut(at..at + digits.len()) {
        Some(slot) => {
            slot.copy_from_slice(digits);
            at + digits.len()
        }
        None => at,
    }
}

impl WriteJson for Span {
    /// The pair `[start,end]`, as `Span`'s `Serialize` writes it, through
    /// [`push_span_after`] with nothing around it.
    fn write_json(&self, out: &mut Vec<u8>) {
        push_span_after(out, b"", *self, b"");
    }
}

/// Numbers below this are written from [`SMALL_DECIMALS`].
const SMALL: usize = 10_000;

/// The decimal text of every number below [`SMALL`] followed by a comma,
/// as the low bytes of a little-endian word (first digit lowest, zeros
/// after the comma), and the digits' count in the top byte. Built at
/// compile time; a lookup replaces [`decimal_at`]'s divisions, pair
/// lookups and length tests, and the comma saves
/// [`put_small_span_after`] placing one by the count.
static SMALL_DECIMALS: [u64; SMALL] = small_decimals();

/// Builds [`SMALL_DECIMALS`].
const fn small_decimals() -> [u64; SMALL] {
    let mut table = [0u64; SMALL];
    let mut n = 0;
    while n < SMALL {
        let len = 1 + (n >= 10) as usize + (n >= 100) as usize + (n >= 1000) as usize;
        let mut digits = [0u8; 4];
        let (mut i, mut rest) = (len, n);
        while i > 0 {
            i -= 1;
            digits[i] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        table[n] =
            u32::from_le_bytes(digits) as u64 | (b',' as u64) << (8 * len) | (len as u64) << 56;
        n += 1;
    }
    table
}

/// Room for `before`, a small span and `after`, with the eight-byte words
/// [`push_span_after`] stores: enough for the keys around a record's span.
const TAIL_ROOM: usize = 32;

/// Appends `before`, `span` as `[start,end]`, then `after` (the keys and
/// closing brace around a record's span). A small span is two words from
/// [`SMALL_DECIMALS`] (see [`put_small_span_after`]), stored into a
/// fixed-size buffer with the keys and copied out as one piece, its unused
/// tail cut off: a few moves where each piece was a copy of its own.
fn push_span_after<const B: usize, const A: usize>(
    out: &mut Vec<u8>,
    before: &[u8; B],
    span: Span,
    after: &[u8; A],
) {
    let mut buf = [0u8; TAIL_ROOM];
    let end =
        put(&mut buf, 0, before).and_then(|at| put_small_span_after(&mut buf, at, span, after));
    match end {
        Some(end) => push_head(out, &buf, end),
        // Offsets from SMALL up, or keys too long for the buffer (none are).
        None => push_wide_span_between(out, before, span, after),
    }
}

/// Appends the first `len` bytes of `buf`: the whole buffer is copied (a
/// copy of fixed size is a few moves) and the rest cut off.
fn push_head<const N: usize>(out: &mut Vec<u8>, buf: &[u8; N], len: usize) {
    let keep = out.len() + len.min(N);
    out.extend_from_slice(buf);
    out.truncate(keep);
}

/// Copies `piece` into `buf` from `at` and returns where it ends; `None`
/// when it does not fit.
fn put<const N: usize, const K: usize>(
    buf: &mut [u8; N],
    at: usize,
    piece: &[u8; K],
) -> Option<usize> {
    let end = at.checked_add(K)?;
    buf.get_mut(at..end)?.copy_from_slice(piece);
    Some(end)
}

/// Writes `span` as `[start,end]`, then `after`, into `buf` from `at` and
/// returns where they end; `None` for an offset from [`SMALL`] up or when
/// `buf` has no room. The span is two words from [`SMALL_DECIMALS`],
/// `[start,` (the entry shifted up a byte, its count shifted out) and
/// `end]` (the entry's comma turned into `]`), each stored whole: the bytes
/// a word holds past its end (the count in the top byte of the second)
/// are overwritten by the next one, or past the end returned.
fn put_small_span_after<const N: usize, const A: usize>(
    buf: &mut [u8; N],
    at: usize,
    span: Span,
    after: &[u8; A],
) -> Option<usize> {
    let (&start, &end) = (
        SMALL_DECIMALS.get(span.start)?,
        SMALL_DECIMALS.get(span.end)?,
    );
    // Every entry holds one to four digits; the bound lets the compiler
    // drop the range checks below.
    let (start_len, end_len) = (digit_count(start), digit_count(end));
    let opening = u64::from(b'[') | start << 8;
    let closing = end + (u64::from(b']' - b',') << (8 * end_len));
    put(buf, at, &opening.to_le_bytes())?;
    let closing_at = at + start_len + 2;
    put(buf, closing_at, &closing.to_le_bytes())?;
    put(buf, closing_at + end_len + 1, after)
}

/// The digit count of a [`SMALL_DECIMALS`] entry, at most four.
fn digit_count(entry: u64) -> usize {
    ((entry >> 56) as usize).min(4)
}

/// `before`, `span` through [`push_wide_span`] and `after`, each copied on
/// its own: the path of offsets from [`SMALL`] up.
fn push_wide_span_between(out: &mut Vec<u8>, before: &[u8], span: Span, after: &[u8]) {
    out.extend_from_slice(before);
    push_wide_span(out, span);
    out.extend_from_slice(after);
}

/// Appends `span` as `[start,end]` through [`decimal_at`], for offsets of
/// any size. It is written into a buffer of fixed size, which is appended
/// whole and the unused tail cut off: a copy of fixed length is a few
/// moves, where each number appended on its own was a call to `memcpy`.
fn push_wide_span(out: &mut Vec<u8>, span: Span) {
    let mut buf = [0u8; SPAN_ROOM];
    buf[0] = b'[';
    let comma = decimal_at(&mut buf, 1, span.start);
    if let Some(slot) = buf.get_mut(comma) {
        *slot = b',';
    }
    let close = decimal_at(&mut buf, comma + 1, span.end);
    if let Some(slot) = buf.get_mut(close) {
        *slot = b']';
    }
    let keep = out.len() + close + 1;
    out.extend_from_slice(&buf);
    out.truncate(keep);
}

impl WriteJson for EdtfDate {
    /// The EDTF string, as `EdtfDate`'s `Serialize` writes it.
    fn write_json(&self, out: &mut Vec<u8>) {
        push_date_between(out, b"", self, b"");
    }
}

/// Room for a date written by [`push_date_between`]: the keys around it
/// and the quoted date, whose buffer holds 24 bytes.
const DATE_ROOM: usize = 64;

/// Appends `before`, `date` as a JSON string, then `after` (the keys
/// around it, at most sixteen bytes each). The EDTF alphabet holds no byte
/// JSON escapes, so the date's buffer is copied as it is: the three pieces
/// go through one fixed-size buffer, its unused tail cut off, where each
/// was a copy of its own.
fn push_date_between<const B: usize, const A: usize>(
    out: &mut Vec<u8>,
    before: &[u8; B],
    date: &EdtfDate,
    after: &[u8; A],
) {
    let Some(text) = date.edtf_text() else {
        out.extend_from_slice(before);
        push_str(out, &date.to_string());
        out.extend_from_slice(after);
        return;
    };
    let (bytes, len) = text.padded();
    let mut buf = [0u8; DATE_ROOM];
    // The padded buffer goes in whole; the closing quote is written over
    // its padding, right after the date.
    let end = put(&mut buf, 0, before)
        .and_then(|at| put(&mut buf, at, b"\""))
        .and_then(|at| put(&mut buf, at, bytes))
        .and_then(|_| put(&mut buf, B + 1 + len, b"\""))
        .and_then(|at| put(&mut buf, at, after));
    match end {
        Some(end) => push_head(out, &buf, end),
        // Keys too long for the buffer (none are): written piece by piece.
        None => {
            out.extend_from_slice(before);
            out.push(b'"');
            out.extend_from_slice(text.as_bytes());
            out.push(b'"');
            out.extend_from_slice(after);
        }
    }
}

/// [`push_date_between`] for a date that may be missing, `null` then.
fn push_option_date_between<const B: usize, const A: usize>(
    out: &mut Vec<u8>,
    before: &[u8; B],
    date: Option<&EdtfDate>,
    after: &[u8; A],
) {
    match date {
        Some(date) => push_date_between(out, before, date, after),
        None => {
            out.extend_from_slice(before);
            out.extend_from_slice(b"null");
            out.extend_from_slice(after);
        }
    }
}

/// `WriteJson` for enums of `named_enum!`: their fixed name as a string.
macro_rules! write_json_by_name {
    ($($ty:ty),+ $(,)?) => {
        $(
            impl WriteJson for $ty {
                /// The variant's fixed name, as its `Serialize` writes it;
                /// the names are plain ASCII words, which JSON never escapes.
                fn write_json(&self, out: &mut Vec<u8>) {
                    out.push(b'"');
                    out.extend_from_slice(self.as_str().as_bytes());
                    out.push(b'"');
                }
            }
        )+
    };
}

write_json_by_name!(
    BodyKind,
    Currency,
    DocumentKind,
    EventKind,
    MeetingStatus,
    RoleKind,
);

/// Appends the fields of a struct: each constant key chunk (`{"name":`,
/// `,"kind":`) as one slice, then the field's value. The chunks are
/// written out by hand, in the order and with the names of the serde
/// derive; the tests compare every struct with serde_json.
macro_rules! fields {
    ($out:expr, $($key:literal => $value:expr,)* text => $text:expr, span => $span:expr $(,)?) => {
        $(
            $out.extend_from_slice($key);
            $value.write_json($out);
        )*
        push_text_and_span_end($out, &$text, $span);
    };
    ($out:expr, $($key:literal => $value:expr,)* span => $span:expr $(,)?) => {
        $(
            $out.extend_from_slice($key);
            $value.write_json($out);
        )*
        push_span_after($out, b",\"span\":", $span, b"}");
    };
    ($out:expr, $($key:literal => $value:expr),+ $(,)?) => {
        $(
            $out.extend_from_slice($key);
            $value.write_json($out);
        )+
        $out.push(b'}');
    };
}

impl WriteJson for Document {
    fn write_json(&self, out: &mut Vec<u8>) {
        fields!(out,
            b"{\"source\":" => self.source,
            b",\"kind\":" => self.kind,
            b",\"title\":" => self.title,
            b",\"published\":" => self.published,
            b",\"region\":" => self.region,
            b",\"entries\":" => self.entries,
            b",\"bodies\":" => self.bodies,
            b",\"people\":" => self.people,
            b",\"meetings\":" => self.meetings,
            b",\"events\":" => self.events,
            b",\"dates\":" => self.dates,
            b",\"amounts\":" => self.amounts,
            b",\"places\":" => self.places,
            b",\"organizations\":" => self.organizations,
            b",\"programmes\":" => self.programmes,
            b",\"comments\":" => self.comments,
        );
    }
}

impl WriteJson for Entry {
    /// As the other records, the date with the keys around it and the
    /// title's quotes folded into single copies.
    fn write_json(&self, out: &mut Vec<u8>) {
        push_option_date_between(out, b"{\"posted\":", self.posted.as_ref(), b",\"title\":\"");
        push_str_inside(out, &self.title);
        out.push(b'"');
        fields!(out,
            b",\"documents\":" => self.documents,
            b",\"summary\":" => self.summary,
            b",\"comments\":" => self.comments,
            span => self.span,
        );
    }
}

impl WriteJson for Body {
    /// As the other records, the quotes of the name and kind folded into
    /// the keys around them.
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"name\":\"");
        push_str_inside(out, &self.name);
        out.extend_from_slice(b"\",\"kind\":\"");
        out.extend_from_slice(self.kind.as_str().as_bytes());
        out.push(b'"');
        fields!(out,
            b",\"abbreviation\":" => self.abbreviation,
            b",\"aliases\":" => self.aliases,
            text => self.text,
            span => self.span,
        );
    }
}

impl WriteJson for Role {
    fn write_json(&self, out: &mut Vec<u8>) {
        fields!(out,
            b"{\"role\":" => self.role,
            b",\"body\":" => self.body,
        );
    }
}

impl WriteJson for Person {
    fn write_json(&self, out: &mut Vec<u8>) {
        fields!(out,
            b"{\"name\":" => self.name,
            b",\"title\":" => self.title,
            b",\"phone\":" => self.phone,
            b",\"email\":" => self.email,
            b",\"roles\":" => self.roles,
            text => self.text,
            span => self.span,
        );
    }
}

impl WriteJson for Meeting {
    /// As the other records, the date with the keys around it and the
    /// status's quotes folded into single copies.
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"bodies\":");
        self.bodies.write_json(out);
        push_option_date_between(out, b",\"date\":", self.date.as_ref(), b",\"location\":");
        self.location.write_json(out);
        out.extend_from_slice(b",\"status\":\"");
        out.extend_from_slice(self.status.as_str().as_bytes());
        out.push(b'"');
        fields!(out,
            b",\"documents\":" => self.documents,
            text => self.text,
            span => self.span,
        );
    }
}

impl WriteJson for Event {
    /// As the other records, the kind's quotes and the date with both keys
    /// around it (`","date":"…","text":"`) folded into single copies.
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"kind\":\"");
        out.extend_from_slice(self.kind.as_str().as_bytes());
        push_option_date_between(out, b"\",\"date\":", self.date.as_ref(), b",\"text\":\"");
        push_inside_and_span_end(out, &self.text, self.span);
    }
}

impl WriteJson for DateMention {
    /// As the other records, with the date and both keys around it
    /// (`{"value":"…","text":"`) written in one copy.
    fn write_json(&self, out: &mut Vec<u8>) {
        push_date_between(out, b"{\"value\":", &self.value, b",\"text\":\"");
        push_inside_and_span_end(out, &self.text, self.span);
    }
}

impl WriteJson for Amount {
    fn write_json(&self, out: &mut Vec<u8>) {
        fields!(out,
            b"{\"value\":" => self.value,
            b",\"currency\":" => self.currency,
            b",\"approximate\":" => self.approximate,
            text => self.text,
            span => self.span,
        );
    }
}

/// Appends a record's last two fields and its closing brace,
/// `,"text":"…","span":[start,end]}`, the quotes of the text folded into
/// the keys around it.
fn push_text_and_span_end(out: &mut Vec<u8>, text: &str, span: Span) {
    out.reserve(text.len() + TAIL_ROOM + 16);
    out.extend_from_slice(b",\"text\":\"");
    push_inside_and_span_end(out, text, span);
}

/// Room for a short text ([`SHORT`] bytes), `","span":`, a small span
/// and `}`, with the words [`put_small_span_after`] stores.
const SHORT_TAIL_ROOM: usize = 64;

/// Appends the inside of a record's last string (its opening quote already
/// written), then `","span":[start,end]}`. A short text without a byte to
/// escape (most: dates, places, sums) goes into one fixed-size buffer with
/// the span through [`put_clean_short`], copied out in one piece, where the
/// text was a check and a call to `memcpy` of its own; any other through
/// [`push_str_inside`] and [`push_span_after`].
fn push_inside_and_span_end(out: &mut Vec<u8>, text: &str, span: Span) {
    let mut buf = [0u8; SHORT_TAIL_ROOM];
    let end = put_clean_short(&mut buf, 0, text.as_bytes())
        .and_then(|at| put(&mut buf, at, b"\",\"span\":"))
        .and_then(|at| put_small_span_after(&mut buf, at, span, b"}"));
    match end {
        Some(end) => push_head(out, &buf, end),
        None => push_inside_and_span_end_by_pieces(out, text, span),
    }
}

/// [`push_inside_and_span_end`] piece by piece: the text escaped, then the
/// span with the keys around it. The way for long texts and texts to
/// escape, and the oracle of the short way's tests.
fn push_inside_and_span_end_by_pieces(out: &mut Vec<u8>, text: &str, span: Span) {
    push_str_inside(out, text);
    push_span_after(out, b"\",\"span\":", span, b"}");
}

/// The longest text [`put_clean_short`] writes: two sixteen-byte pieces.
const SHORT: usize = 32;

/// Writes `bytes` into `buf` from `at` when it is at most [`SHORT`] bytes
/// and holds no byte JSON escapes, and returns where it ends; `None`
/// otherwise (`buf` then partly written). The bytes go in as two
/// overlapping pieces of fixed size, the first and the last sixteen, eight
/// or four bytes (the first, middle and last byte below four), checked for
/// escapes as they are read ([`escapes_in`], [`escape_mask`]). The bytes
/// a piece puts past the end are for the caller to overwrite or cut off.
/// Inlined into its callers: called on its own, its calls cost more than
/// the copies they replaced.
#[inline(always)]
fn put_clean_short<const N: usize>(buf: &mut [u8; N], at: usize, bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len > SHORT {
        return None;
    }
    let end = at.checked_add(len)?;
    if let (Some(first), Some(last)) = (bytes.first_chunk::<16>(), bytes.last_chunk::<16>()) {
        let hits = escapes_in(u8x16::new(*first)) | escapes_in(u8x16::new(*last));
        if hits.to_bitmask() != 0 {
            return None;
        }
        put(buf, at, first)?;
        return put(buf, end - 16, last);
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        if escape_mask(word_of(first)) | escape_mask(word_of(last)) != 0 {
            return None;
        }
        put(buf, at, first)?;
        return put(buf, end - 8, last);
    }
    if escape_mask(short_word(bytes)) != 0 {
        return None;
    }
    put_under_eight(buf, at, bytes)
}

/// Writes `bytes` (fewer than eight, checked clean) into `buf` from `at`
/// and returns where they end: the first and last four bytes from four
/// up, else the first, middle and last byte.
fn put_under_eight<const N: usize>(buf: &mut [u8; N], at: usize, bytes: &[u8]) -> Option<usize> {
    let end = at.checked_add(bytes.len())?;
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        put(buf, at, first)?;
        return put(buf, end - 4, last);
    }
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return Some(end);
    };
    let middle = bytes.get(bytes.len() / 2).copied().unwrap_or(first);
    put(buf, at, &[first])?;
    put(buf, at + bytes.len() / 2, &[middle])?;
    put(buf, end - 1, &[last])
}

/// The fields of the name–text–span records (places, organisations,
/// programmes), the quotes of both strings folded into the keys.
fn push_named(out: &mut Vec<u8>, name: &str, text: &str, span: Span) {
    out.reserve(name.len() + text.len() + 2 * TAIL_ROOM);
    push_between(out, b"{\"name\":\"", name, b"\",\"text\":\"");
    push_inside_and_span_end(out, text, span);
}

impl WriteJson for Place {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_named(out, &self.name, &self.text, self.span);
    }
}

impl WriteJson for Organization {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_named(out, &self.name, &self.text, self.span);
    }
}

impl WriteJson for Programme {
    fn write_json(&self, out: &mut Vec<u8>) {
        push_named(out, &self.name, &self.text, self.span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// What this writer appends for `value`, as text.
    fn written<T: WriteJson + ?Sized>(value: &T) -> String {
        let mut out = Vec::new();
        value.write_json(&mut out);
        String::from_utf8(out).expect("the writer writes UTF-8")
    }

    /// Checks the writer against serde_json on `value`, the oracle.
    fn assert_as_serde<T: WriteJson + serde::Serialize + std::fmt::Debug>(value: &T) {
        let want = serde_json::to_string(value).expect("serde_json writes every record");
        assert_eq!(written(value), want, "{value:?}");
    }

    /// The `.txt` files under `dir`, recursively.
    fn texts_under(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                texts_under(&path, found);
            } else if path.extension().is_some_and(|e| e == "txt") {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_fixture_and_example_record_is_written_as_serde_json_writes_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        texts_under(&root.join("tests/fixtures"), &mut paths);
        texts_under(&root.join("examples/data"), &mut paths);
        assert!(paths.len() > 30, "{} texts", paths.len());
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let doc = crate::parse_bytes(&path.to_string_lossy(), &bytes).unwrap();
            let mut out = Vec::new();
            append_json(&mut out, &doc);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&serde_json::to_vec(&doc).unwrap()),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn spans_are_written_as_serde_json_writes_them_at_every_digit_count() {
        let mut edges = vec![0, usize::MAX, usize::MAX - 1];
        let mut power = 1usize;
        while let Some(next) = power.checked_mul(10) {
            edges.extend([power - 1, power, power + 1]);
            power = next;
        }
        edges.extend([power - 1, power, power + 1]);
        for &start in &edges {
            for &end in &edges {
                let span = Span { start, end };
                let mut out = b"x".to_vec();
                span.write_json(&mut out);
                let want = [b"x".as_slice(), &serde_json::to_vec(&span).unwrap()].concat();
                assert_eq!(out, want, "{start} {end}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_span_is_written_as_serde_json_writes_it(start: usize, end: usize) {
            assert_as_serde(&Span { start, end });
        }

        #[test]
        fn spans_between_keys_are_written_as_serde_json_writes_them(
            start in 0..2 * SMALL,
            end in 0..2 * SMALL,
            text in "[a-z\"\\\n]{0,12}",
        ) {
            let span = Span { start, end };
            let mut out = b"x".to_vec();
            push_text_and_span_end(&mut out, &text, span);
            let want = format!(
                "x,\"text\":{},\"span\":{}}}",
                serde_json::to_string(&text).unwrap(),
                serde_json::to_string(&span).unwrap()
            );
            proptest::prop_assert_eq!(String::from_utf8_lossy(&out), want);
        }
    }

    /// `clean` with the character of `escape`, if any, inserted before its
    /// `at`-th character (at the end when it has fewer).
    fn with_escape(mut clean: String, escape: Option<(usize, char)>) -> String {
        if let Some((at, c)) = escape {
            let at = clean
                .char_indices()
                .map(|(i, _)| i)
                .nth(at)
                .unwrap_or(clean.len());
            clean.insert(at, c);
        }
        clean
    }

    proptest::proptest! {
        #[test]
        fn texts_and_spans_are_written_as_piece_by_piece(
            clean in "[a-zäö0-9 .,–-]{0,40}",
            escape in proptest::option::weighted(
                0.25,
                (0..48usize, proptest::sample::select(vec!['"', '\\', '\n', '\u{1}'])),
            ),
            start in 0..2 * SMALL,
            end in 0..2 * SMALL,
        ) {
            let text = with_escape(clean, escape);
            let span = Span { start, end };
            let (mut new, mut old) = (b"x".to_vec(), b"x".to_vec());
            push_inside_and_span_end(&mut new, &text, span);
            push_inside_and_span_end_by_pieces(&mut old, &text, span);
            proptest::prop_assert_eq!(String::from_utf8_lossy(&new), String::from_utf8_lossy(&old));
        }
    }

    proptest::proptest! {
        #[test]
        fn names_between_keys_are_written_as_piece_by_piece(
            clean in "[a-zäö0-9 .,–-]{0,40}",
            escape in proptest::option::weighted(
                0.25,
                (0..48usize, proptest::sample::select(vec!['"', '\\', '\u{1f}', '\t'])),
            ),
        ) {
            let name = with_escape(clean, escape);
            let (before, after) = (b"{\"name\":\"", b"\",\"text\":\"");
            let (mut new, mut old) = (b"x".to_vec(), b"x".to_vec());
            push_between(&mut new, before, &name, after);
            push_between_by_pieces(&mut old, before, &name, after);
            proptest::prop_assert_eq!(String::from_utf8_lossy(&new), String::from_utf8_lossy(&old));
        }
    }

    #[test]
    fn clean_texts_of_every_length_around_the_short_limit_are_written_whole() {
        for len in 0..=SHORT + 2 {
            let text: String = ('a'..='z').cycle().take(len).collect();
            let mut buf = [0u8; SHORT_TAIL_ROOM];
            let end = put_clean_short(&mut buf, 1, text.as_bytes());
            if len > SHORT {
                assert_eq!(end, None, "{len}");
            } else {
                assert_eq!(end, Some(1 + len), "{len}");
                assert_eq!(&buf[1..1 + len], text.as_bytes(), "{len}");
            }
        }
    }

    #[test]
    fn the_small_decimals_are_the_numbers_digits() {
        for (n, &entry) in SMALL_DECIMALS.iter().enumerate() {
            let digits = n.to_string();
            let len = digit_count(entry);
            let bytes = entry.to_le_bytes();
            assert_eq!(len, digits.len(), "{n}");
            assert_eq!(&bytes[..len], digits.as_bytes(), "{n}");
            assert_eq!(bytes[len], b',', "{n}");
            assert!(bytes[len + 1..7].iter().all(|&b| b == 0), "{n}");
            assert_eq!(usize::from(bytes[7]), len, "{n}");
        }
    }

    #[test]
    fn dates_between_keys_are_written_as_serde_json_writes_them() {
        for date in dates() {
            let mut out = b"x".to_vec();
            push_date_between(&mut out, b"{\"value\":", &date, b",\"text\":\"");
            let want = format!(
                "x{{\"value\":{},\"text\":\"",
                serde_json::to_string(&date).unwrap()
            );
            assert_eq!(String::from_utf8_lossy(&out), want);
        }
    }

    /// A span that differs from record to record, with multi-digit ends.
    fn span(i: usize) -> Span {
        Span::new(i * 97, i * 97 + 1000 + i)
    }

    /// A text with the bytes JSON escapes and some that it does not.
    fn text(i: usize) -> String {
        format!("Kärkkäinen \"{i}\"\\ rivi\n\tå\u{7f}\u{1}–")
    }

    /// Dates of every shape: a year, a month, a day, a season, an unknown
    /// year, ranges.
    fn dates() -> Vec<EdtfDate> {
        [
            "2018",
            "2019-03",
            "2019-03-14",
            "2020-23",
            "XXXX-05",
            "2018-11-14/2018-11-15",
            "2017-11/2018-02",
            "0001",
        ]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect()
    }

    /// A document with every `Option` `Some`, every list non-empty and
    /// every variant of every enum used.
    fn full_document(kind: DocumentKind) -> Document {
        let dates = dates();
        let date = |i: usize| dates.get(i % dates.len()).copied();
        Document {
            source: "alue/sivu \"1\".txt".into(),
            kind,
            title: Some(text(1)),
            published: date(2),
            region: Some("Etelä-Pohjanmaa".into()),
            entries: (0..3)
                .map(|i| Entry {
                    posted: date(i),
                    title: text(i),
                    documents: vec!["Muistio".into(), "Asialista".into()],
                    summary: Some(text(i + 1)),
                    comments: Some(u32::MAX - i as u32),
                    span: span(i),
                })
                .collect(),
            bodies: BodyKind::ALL
                .iter()
                .enumerate()
                .map(|(i, &kind)| Body {
                    name: format!("Ryhmä {i}"),
                    kind,
                    abbreviation: Some("SJR".into()),
                    aliases: vec!["johtoryhmä".into(), text(i)],
                    text: text(i),
                    span: span(i),
                })
                .collect(),
            people: vec![Person {
                name: "Aino Kärkkäinen".into(),
                title: Some("maakuntajohtaja".into()),
                phone: Some("+358400389152".into()),
                email: Some("aino.karkkainen@example.fi".into()),
                roles: RoleKind::ALL
                    .iter()
                    .map(|&role| Role {
                        role,
                        body: "Strateginen johtoryhmä".into(),
                    })
                    .collect(),
                text: text(0),
                span: span(0),
            }],
            meetings: MeetingStatus::ALL
                .iter()
                .enumerate()
                .map(|(i, &status)| Meeting {
                    bodies: vec!["A".into(), "B".into()],
                    date: date(i),
                    location: Some("Oulu".into()),
                    status,
                    documents: vec!["Pöytäkirja".into()],
                    text: text(i),
                    span: span(i),
                })
                .collect(),
            events: EventKind::ALL
                .iter()
                .enumerate()
                .map(|(i, &kind)| Event {
                    kind,
                    date: date(i),
                    text: text(i),
                    span: span(i),
                })
                .collect(),
            dates: dates
                .iter()
                .enumerate()
                .map(|(i, &value)| DateMention {
                    value,
                    text: text(i),
                    span: span(i),
                })
                .collect(),
            amounts: Currency::ALL
                .iter()
                .flat_map(|&currency| [(currency, true), (currency, false)])
                .enumerate()
                .map(|(i, (currency, approximate))| Amount {
                    value: u64::MAX / (i as u64 + 1),
                    currency,
                    approximate,
                    text: text(i),
                    span: span(i),
                })
                .collect(),
            places: vec![Place {
                name: "Oulu".into(),
                text: "Oulussa".into(),
                span: span(4),
            }],
            organizations: vec![Organization {
                name: "Vimana Oy".into(),
                text: "Vimana Oy:n".into(),
                span: span(5),
            }],
            programmes: vec![Programme {
                name: "Uusimaa 2019 -hanke".into(),
                text: "Uusimaa 2019 -hankkeen".into(),
                span: span(6),
            }],
            comments: Some(7),
        }
    }

    #[test]
    fn a_document_with_every_field_and_variant_is_written_as_serde_json_writes_it() {
        for &kind in DocumentKind::ALL {
            assert_as_serde(&full_document(kind));
        }
    }

    #[test]
    fn an_empty_document_is_written_as_serde_json_writes_it() {
        assert_as_serde(&Document::default());
        let mut doc = full_document(DocumentKind::Other);
        doc.entries.iter_mut().for_each(|e| {
            (e.posted, e.summary, e.comments) = (None, None, None);
            e.documents.clear();
        });
        doc.bodies.iter_mut().for_each(|b| {
            b.abbreviation = None;
            b.aliases.clear();
        });
        doc.people.iter_mut().for_each(|p| {
            (p.title, p.phone, p.email) = (None, None, None);
            p.roles.clear();
        });
        doc.meetings.iter_mut().for_each(|m| {
            (m.date, m.location) = (None, None);
            m.bodies.clear();
            m.documents.clear();
        });
        doc.events.iter_mut().for_each(|e| e.date = None);
        assert_as_serde(&doc);
    }

    #[test]
    fn every_byte_alone_and_in_every_lane_is_escaped_as_serde_json_does() {
        for byte in 0..=0x7fu8 {
            let c = char::from(byte);
            for len in 0..20 {
                for at in 0..=len {
                    let mut s = "a".repeat(len);
                    s.insert(at, c);
                    assert_eq!(written(s.as_str()), serde_json::to_string(&s).unwrap());
                    assert_eq!(has_escape(s.as_bytes()), escaped(byte), "{s:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn first_escape_agrees_with_reading_bytes(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => proptest::sample::select(b"aZ9 .-".to_vec()),
                    1 => proptest::sample::select(vec![0x00, 0x08, 0x1f, b'"', b'\\']),
                    1 => proptest::sample::select(vec![0x20, 0x7f, 0x80, 0xa0, 0xc3, 0xff]),
                ],
                0..40,
            )
        ) {
            proptest::prop_assert_eq!(first_escape(&bytes), first_escape_by_bytes(&bytes));
        }

        #[test]
        fn has_escape_agrees_with_reading_bytes(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    40 => proptest::sample::select(b"aZ9 .-!#".to_vec()),
                    1 => proptest::sample::select(vec![0x00, 0x08, 0x0a, 0x1f, b'"', b'\\']),
                    4 => proptest::sample::select(vec![0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xa0, 0xa2, 0xc3, 0xdc, 0xff]),
                ],
                0..70,
            )
        ) {
            proptest::prop_assert_eq!(has_escape(&bytes), first_escape_by_bytes(&bytes).is_some());
            proptest::prop_assert_eq!(has_escape_by_words(&bytes), first_escape_by_bytes(&bytes).is_some());
        }

        #[test]
        fn escape_mask_finds_the_first_hit_as_the_three_tests_do(word: u64, lane in 0..8u32, byte in 0..=0xffu8) {
            let word = word & !(0xff << (8 * lane)) | u64::from(byte) << (8 * lane);
            let (new, old) = (escape_mask(word), escape_mask_by_kinds(word));
            proptest::prop_assert_eq!(new == 0, old == 0);
            proptest::prop_assert_eq!(new.trailing_zeros(), old.trailing_zeros());
        }

        #[test]
        fn strings_are_escaped_as_serde_json_does(
            s in "([\"\\\\\\x00-\\x1f\\x7f\u{2028}\u{2029}äöåÄÖÅ–]|[a-zA-Z0-9 .,:-]{0,9}|\\PC){0,24}"
        ) {
            proptest::prop_assert_eq!(written(s.as_str()), serde_json::to_string(&s).unwrap());
        }
    }
}
