//! One record per body: mentions merged by name, shorter names (`johtoryhmä`,
//! `poliittinen ohjausryhmä`) folded into the body whose name ends with them,
//! and bodies named only by listing headings (`Ympäristöterveydenhuollon
//! kokous`).

use std::borrow::Borrow;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;
use std::sync::LazyLock;

use crate::layout::Layout;
use crate::lexicon::BODY_HEADS;
use crate::lexicon::cache::{ThreadCache, remembered};
use crate::lexicon::fx::{FxHashMap, FxHashSet, FxHasher};
use crate::model::{Body, BodyKind, Span};
use crate::recognise::body::{BodyMatch, body_kind, genitive_to_nominative};
use crate::text::{
    HIGH, ascii_bytes_within, bytes_equal_to, is_space, lead_bytes, lower_cow, words,
};

/// The bodies of one text, with a lookup from any of their names.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub(crate) bodies: Vec<Body>,
    /// The body the page is about (named in its title), if any.
    main: Option<usize>,
    /// For each listing entry, the body its heading names (an index into
    /// `bodies`; before folding, the body its name was indexed to).
    headings: Vec<Option<usize>>,
    /// For each body match the registry was built from, its body (as
    /// `headings`; `None` for a plural match): what `Registry::resolve`
    /// finds for its name, told without spelling the name again.
    of_match: Vec<Option<usize>>,
    /// For each listing entry, the name its heading gives, as headings
    /// were kept before their bodies were: the tests resolve it by name.
    #[cfg(test)]
    heading_names: Vec<Option<String>>,
    /// Every name and alias, by [`spelling`], to its body. A key is shared
    /// with the name's entry in [`SPELLINGS`] ([`Spelt::spelling`]), where
    /// each new body's spelling was copied into a string of its own.
    index: HashMap<Spelling, usize, BuildHasherDefault<PrintHasher>>,
    /// The buffer names are spelt into to be looked up in `index`.
    spelt: RefCell<String>,
    /// Each body's [`key`], as [`Registry::add_by_spelling`] (the oracle
    /// of [`Registry::add`]) makes it with its spelling.
    #[cfg(test)]
    keys: Vec<String>,
    /// Each body's entry in [`SPELLINGS`], kept when it is added: its
    /// [`key`] is read off it by [`Registry::fold_short_names`], where it
    /// was copied into a list of keys, and so is its [`topic`], worked out
    /// once a thread, where it was looked up in [`TOPICS`] once a page.
    spelts: Vec<Rc<Spelt>>,
    /// Bodies of earlier records, whose strings new bodies are written
    /// into ([`Registry::build_reusing`]); the bodies folded away are left
    /// here too, for the next page.
    pub(crate) spare: Vec<Body>,
}

/// A lower-case name with its words separated by single spaces.
///
/// Most names are already single-spaced and of ASCII and the characters
/// `0xC3` leads ([`spacing_by_bytes`] tells both in one pass): their key is
/// lowered by [`lower_c3_only`], which needs one look for capitals, where
/// [`lower_cow`] scanned the name for a capital, then for Latin-1, then for
/// `0xC3` bytes (the old reading is kept as `key_by_lower_cow`, the oracle
/// of its test).
fn key(name: &str) -> Cow<'_, str> {
    keyed(name).0
}

/// [`key`] of `name`, and whether it is plain: a single-spaced name of
/// ASCII and `0xC3`-led characters with no capital `À`–`Þ`, whose key is
/// its ASCII lowered and whose [`spelling`] is that key without its spaces
/// and hyphens.
fn keyed(name: &str) -> (Cow<'_, str>, bool) {
    match spacing_by_bytes(name.as_bytes()) {
        Some(true) => return lower_c3_only(name),
        Some(false) => {}
        None if is_single_spaced_by_chars(name) => return (lower_cow(name), false),
        None => {}
    }
    (joined_key(name), false)
}

/// Appends [`spelling`] of `name` to `out` and returns its [`key`]: a
/// plain name's spelling ([`keyed`]) is read off its key by
/// [`spell_plain_key`], where [`spell_into`] lowered the name a second
/// time, a byte at a time.
fn spell_keyed<'n>(name: &'n str, out: &mut String) -> Cow<'n, str> {
    let (key, plain) = keyed(name);
    if plain {
        spell_plain_key(&key, out);
    } else {
        spell_into(name, out);
    }
    key
}

/// A name's [`spelling`] and [`key`], as [`spell_keyed`] makes them,
/// kept in [`SPELLINGS`], and its [`topic`], made when first asked for.
#[derive(Debug)]
struct Spelt {
    /// The name's [`spelling`], shared with the [`Registry::index`] keys.
    spelling: Spelling,
    /// The name's [`key`].
    key: Box<str>,
    /// The [`fingerprint`] of `key`, made with it: a page's keys are
    /// fingerprinted once a thread, not once a page.
    key_print: u64,
    /// The name's [`topic`] with its [`fingerprint`], once asked for
    /// ([`Spelt::topic`]).
    topic: OnceCell<Option<(Rc<str>, u64)>>,
}

impl Spelt {
    /// The [`topic`] of `name`, the name this entry was made for, with its
    /// [`fingerprint`]: worked out the first time, then read off the entry.
    fn topic(&self, name: &str) -> Option<(&str, u64)> {
        self.topic
            .get_or_init(|| topic(name).map(|t| (Rc::clone(&t), fingerprint(&t))))
            .as_ref()
            .map(|(t, print)| (&**t, *print))
    }
}

/// A name's [`spelling`] with its [`fingerprint`], made with it once a
/// thread ([`SPELLINGS`]): the key of [`Registry::index`], hashed as its
/// fingerprint ([`PrintHasher`]), where the index hashed each spelling
/// again on every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spelling {
    /// The spelling.
    text: Rc<str>,
    /// Its [`fingerprint`].
    print: u64,
}

impl Spelling {
    /// The spelling `text`, fingerprinted.
    fn of(text: &str) -> Spelling {
        Spelling {
            text: text.into(),
            print: fingerprint(text),
        }
    }
}

impl Hash for Spelling {
    /// Gives [`PrintHasher`] the fingerprint made with the spelling, as it
    /// makes it of the spelling hashed as a `str`.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.print);
    }
}

impl Borrow<str> for Spelling {
    /// The spelling, as the index is looked up by.
    fn borrow(&self) -> &str {
        &self.text
    }
}

/// The hasher of [`Registry::index`]: a [`Spelling`] hashes to its
/// fingerprint as made, a `str` (its bytes, then an end mark, which is
/// left out) to its [`fingerprint`] made there, so both hash alike.
#[derive(Debug, Default)]
struct PrintHasher(u64);

impl Hasher for PrintHasher {
    /// The [`fingerprint`] of a `str`'s bytes.
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fingerprint_bytes(bytes);
    }

    /// A `str`'s end mark, left out.
    fn write_u8(&mut self, _: u8) {}

    /// A [`Spelling`]'s fingerprint, taken as it is.
    fn write_u64(&mut self, print: u64) {
        self.0 = print;
    }

    /// The fingerprint last given or made.
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A new body of `name` and `kind`, first mentioned as `text` at `span`:
/// the last of `spare` written over, in the room its strings have, if
/// there is one, else one made anew.
fn new_body(spare: &mut Vec<Body>, name: &str, kind: BodyKind, text: &str, span: Span) -> Body {
    let Some(mut body) = spare.pop() else {
        return Body {
            name: name.to_owned(),
            kind,
            abbreviation: None,
            aliases: Vec::new(),
            text: text.to_owned(),
            span,
        };
    };
    body.name.clear();
    body.name.push_str(name);
    body.kind = kind;
    body.abbreviation = None;
    body.aliases.clear();
    body.text.clear();
    body.text.push_str(text);
    body.span = span;
    body
}

/// How many names [`SPELLINGS`] keeps before it starts again.
const SPELLING_CACHE_SIZE: usize = 4096;

thread_local! {
    /// The spellings and keys of the names already added to a registry on
    /// this thread, by name: an archive names the same bodies page after
    /// page, and a spelling and key cost a look at each byte of the name
    /// and a copy, a lookup one hash. Bounded, so memory stays flat.
    static SPELLINGS: ThreadCache<Rc<Spelt>> = RefCell::new(FxHashMap::default());
}

/// The entry of `name` in [`SPELLINGS`] (its [`spelling`] and [`key`]),
/// made by [`spell_keyed`] and kept there if it is not there yet.
fn spelt(name: &str) -> Rc<Spelt> {
    SPELLINGS.with(|cache| {
        remembered(cache, SPELLING_CACHE_SIZE, name, || {
            let mut spelling = String::with_capacity(name.len());
            let key = spell_keyed(name, &mut spelling);
            Rc::new(Spelt {
                spelling: Spelling::of(&spelling),
                key_print: fingerprint(&key),
                key: key.into(),
                topic: OnceCell::new(),
            })
        })
    })
}

/// Appends the spelling of a plain name's key (see [`keyed`]) to `out`:
/// the key without its spaces and hyphens, copied in runs between them.
fn spell_plain_key(key: &str, out: &mut String) {
    let mut start = 0;
    for end in memchr::memchr2_iter(b' ', b'-', key.as_bytes()) {
        out.push_str(key.get(start..end).unwrap_or_default());
        start = end + 1;
    }
    out.push_str(key.get(start..).unwrap_or_default());
}

/// The key of a name with stray spaces: its words joined by single spaces,
/// in lower case.
fn joined_key(name: &str) -> Cow<'_, str> {
    let words = name
        .split(is_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    match lower_cow(&words) {
        Cow::Borrowed(_) => Cow::Owned(words),
        lower => Cow::Owned(lower.into_owned()),
    }
}

/// Whether `name`'s words are already joined by single ASCII spaces, with
/// none before or after (most names): then its key is its lower case.
/// [`key`] asks [`spacing_by_bytes`] itself, which also tells it the name
/// is of ASCII and `0xC3`-led characters; kept for the tests.
#[cfg(test)]
fn is_single_spaced(name: &str) -> bool {
    spacing_by_bytes(name.as_bytes()).unwrap_or_else(|| is_single_spaced_by_chars(name))
}

/// The lower case of `name`, a name of ASCII and the characters `0xC3`
/// leads (U+00C0–U+00FF) only: borrowed when it has no capital, else
/// copied and its ASCII lowered in place ([`str::make_ascii_lowercase`]),
/// where [`lower_cow`] scanned it for a capital, then for Latin-1, then for
/// `0xC3` bytes before lowering it. A name with a capital `À`–`Þ` (rare)
/// goes to [`lower_cow`]. With whether the name is plain ([`keyed`]): it
/// has no such capital.
fn lower_c3_only(name: &str) -> (Cow<'_, str>, bool) {
    match c3_capitals(name.as_bytes()) {
        Capitals::None => (Cow::Borrowed(name), true),
        Capitals::Ascii => {
            let mut lower = name.to_owned();
            lower.make_ascii_lowercase();
            (Cow::Owned(lower), true)
        }
        Capitals::Latin1 => (lower_cow(name), false),
    }
}

/// What capitals a name of ASCII and `0xC3`-led characters has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capitals {
    /// None: the name is its own lower case.
    None,
    /// `A`–`Z` only.
    Ascii,
    /// Some of `À`–`Þ` (but `×`).
    Latin1,
}

/// The [`Capitals`] of `name` (ASCII and `0xC3`-led characters only),
/// eight bytes at a time.
fn c3_capitals(name: &[u8]) -> Capitals {
    let (chunks, rest) = name.as_chunks::<8>();
    let mut padded = [0u8; 8];
    for (slot, &b) in padded.iter_mut().zip(rest) {
        *slot = b;
    }
    let (mut ascii, mut latin1) = (0u64, 0u64);
    // The last few bytes after zeros: no capital.
    for &eight in chunks.iter().chain(std::iter::once(&padded)) {
        let word = u64::from_le_bytes(eight);
        ascii |= ascii_bytes_within(word, b'A', b'Z');
        latin1 |= latin1_capital_seconds(word);
    }
    if latin1 != 0 {
        Capitals::Latin1
    } else if ascii != 0 {
        Capitals::Ascii
    } else {
        Capitals::None
    }
}

/// The high bit of every byte of `word` (eight bytes of a name of ASCII
/// and `0xC3`-led characters, little-endian) that ends a capital `À`–`Þ`
/// but `×`: a continuation byte 0x80–0x9E but 0x97 (after `0xC3`, the only
/// lead byte there is; `ß`, 0x9F, is its own lower case).
#[inline]
fn latin1_capital_seconds(word: u64) -> u64 {
    // The high bit set, the next two clear: 0x80–0x9F.
    let low_continuation = word & !(word << 1) & !(word << 2) & HIGH;
    low_continuation & !bytes_equal_to(word, 0x97) & !bytes_equal_to(word, 0x9F)
}

/// `is_single_spaced` told by the bytes of a name of ASCII and the
/// characters `0xC3` leads (`ä`, `ö`, `Å`, `é`: none of them a space),
/// eight bytes at a time, where [`is_single_spaced_by_chars`] decoded each
/// character and asked [`is_space`] of it; `None` for a name with another
/// lead byte (that of a no-break space, a dash).
fn spacing_by_bytes(name: &[u8]) -> Option<bool> {
    let (Some(&first), Some(&last)) = (name.first(), name.last()) else {
        return Some(true);
    };
    let mut single = first != b' ' && last != b' ';
    // Whether the byte before the current eight is a space (shifted into
    // the lowest lane's high bit).
    let mut carry = 0u64;
    let mut chunks = name.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let eight = <[u8; 8]>::try_from(chunk).unwrap_or_default();
        single &= spaced_singly(u64::from_le_bytes(eight), &mut carry)?;
    }
    // The last few bytes, after zeros (no space, no lead byte).
    let rest = chunks.remainder();
    let mut eight = [0u8; 8];
    for (slot, &b) in eight.iter_mut().zip(rest) {
        *slot = b;
    }
    single &= spaced_singly(u64::from_le_bytes(eight), &mut carry)?;
    Some(single)
}

/// Whether eight bytes of a name (little-endian) hold no space after a
/// space (`carry`: the high bit of the lowest lane if the byte before
/// them is one; set for the next eight) and no ASCII white space but the
/// space; `None` if a lead byte other than `0xC3` is among them.
#[inline]
fn spaced_singly(word: u64, carry: &mut u64) -> Option<bool> {
    if lead_bytes(word) & !bytes_equal_to(word, 0xC3) != 0 {
        return None;
    }
    let spaces = bytes_equal_to(word, b' ');
    let doubled = spaces & (spaces << 8 | *carry);
    *carry = spaces >> 56;
    Some(doubled == 0 && ascii_bytes_within(word, b'\t', b'\r') == 0)
}

/// `is_single_spaced` of any name, a character at a time (the names
/// [`spacing_by_bytes`] leaves, and the oracle its test compares with).
fn is_single_spaced_by_chars(name: &str) -> bool {
    let mut after_space = true;
    for c in name.chars() {
        let space = is_space(c);
        if space && (after_space || c != ' ') {
            return false;
        }
        after_space = space;
    }
    !after_space || name.is_empty()
}

/// The name with case, spaces and hyphens ignored: `ICT ja digi -työryhmä`
/// and `ICT- ja digityöryhmä` are one body written two ways.
fn spelling(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    spell_into(name, &mut out);
    out
}

/// Appends [`spelling`] of `name` to `out`: lookups spell into one buffer
/// instead of a new string each.
///
/// A name is read a byte at a time: an ASCII byte by [`ASCII_SPELLING`]
/// and a small Latin-1 letter (`ä`, `ö`, `å`, `é`…) by its second byte,
/// neither decoded; only other characters (capital `Ä`, dashes, no-break
/// spaces) go through [`spell_char`].
fn spell_into(name: &str, out: &mut String) {
    out.reserve(name.len());
    let bytes = name.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(&spelt) = ASCII_SPELLING.get(usize::from(b)) {
            if spelt != SPELT_AS_NOTHING {
                // Every other spelling in the table is ASCII: the mask
                // tells the compiler so, and `push` writes one byte.
                out.push(char::from(spelt & 0x7F));
            }
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            // U+00E0–U+00FF (`à`–`ÿ`, `÷`): each its own lower case, and
            // neither a space nor a dash.
            Some(&second @ 0xA0..=0xBF) if b == 0xC3 => {
                out.push(char::from(0xC0 | (second & 0x3F)));
                i += 2;
            }
            _ => {
                let Some(c) = name.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                spell_char(c, out);
                i += c.len_utf8();
            }
        }
    }
}

/// What [`spelling`] makes of each ASCII byte: [`SPELT_AS_NOTHING`] for
/// the spaces of `char::is_whitespace` and the hyphen, else its lower case
/// (NUL too stays as it is).
static ASCII_SPELLING: [u8; 128] = ascii_spelling();

/// An [`ASCII_SPELLING`] that writes nothing: no ASCII byte.
const SPELT_AS_NOTHING: u8 = 0xFF;

/// Builds [`ASCII_SPELLING`].
const fn ascii_spelling() -> [u8; 128] {
    let mut table = [0u8; 128];
    let mut b: u8 = 0;
    while b < 0x80 {
        table[b as usize] = match b {
            b' ' | b'\t'..=b'\r' | b'-' => SPELT_AS_NOTHING,
            _ => b.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
}

/// Appends [`spelling`] of one character to `out`.
fn spell_char(c: char, out: &mut String) {
    match c {
        // ASCII space (as `char::is_whitespace` has it) and the hyphen.
        ' ' | '\t'..='\r' | '-' => {}
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        // The Finnish letters without the Unicode tables.
        'ä' | 'ö' | 'å' => out.push(c),
        'Ä' => out.push('ä'),
        'Ö' => out.push('ö'),
        'Å' => out.push('å'),
        c if is_space(c) || matches!(c, '–' | '\u{2010}' | '\u{2011}') => {}
        c => out.extend(c.to_lowercase()),
    }
}

/// What a body is about, when its name says it twice over: `Vammaisten
/// palvelut -ryhmä` is about `vammaisten palvelut`, and so is
/// `vammaisten palvelujen valmisteluryhmä` (its genitive attribute in the
/// nominative).
///
/// Both rules of [`topic_of`] cut the name at an ASCII space: a name
/// without one (`Aluehallitus`, `ohjausryhmä`: about half of all) has no
/// topic, told by one `memchr` where it cost a lookup in [`TOPICS`] and a
/// clone of its answer. A topic found is shared ([`Rc`]), not copied, with
/// the cache.
fn topic(name: &str) -> Option<Rc<str>> {
    memchr::memchr(b' ', name.as_bytes())?;
    cached_topic(name)
}

/// [`topic_of`] `name`, from [`TOPICS`] if it is there, else worked out
/// and kept there.
fn cached_topic(name: &str) -> Option<Rc<str>> {
    TOPICS.with(|cache| {
        remembered(cache, TOPIC_CACHE_SIZE, name, || {
            topic_of(name).map(Rc::from)
        })
    })
}

/// How many topics [`TOPICS`] keeps before it starts again.
const TOPIC_CACHE_SIZE: usize = 4096;

thread_local! {
    /// Topics already worked out on this thread, by name: an archive names
    /// the same bodies page after page, and a topic costs a genitive phrase
    /// turned back to the nominative. Bounded, so memory stays flat.
    static TOPICS: ThreadCache<Option<Rc<str>>> = RefCell::new(FxHashMap::default());
}

/// [`topic`], worked out.
fn topic_of(name: &str) -> Option<String> {
    if let Some((before, _)) = name.split_once(" -") {
        return Some(spelling(before));
    }
    let (attribute, _) = name.rsplit_once(' ')?;
    genitive_to_nominative(attribute).map(|t| spelling(&t))
}

/// Whether `short` is the last words of `long` (`johtoryhmä` of `Strateginen
/// johtoryhmä` and of `Digi ja ICT -työryhmä`; not of `virkamiesjohtoryhmä`).
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        // Most pairs differ in their last byte: told without a comparison call.
        && short
            .as_bytes()
            .last()
            .is_none_or(|b| long.as_bytes().last() == Some(b))
        && long.ends_with(short)
        && long[..long.len() - short.len()].ends_with([' ', '-'])
        && !long[..long.len() - short.len()]
            .trim_end_matches('-')
            .ends_with(|c: char| c.is_alphanumeric())
}

/// The head word of a lower-case name: its last word, without the dash of
/// `-ryhmä`.
fn head_word(key: &str) -> &str {
    // Both are ASCII: the bytes after the last space, without the hyphens
    // that open them, begin at a character boundary.
    let bytes = key.as_bytes();
    let word = bytes.iter().rposition(|&b| b == b' ').map_or(0, |s| s + 1);
    let start = bytes
        .get(word..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b != b'-')
        .map_or(key.len(), |k| word + k);
    key.get(start..).unwrap_or_default()
}

/// [`head_word`] by the `str` methods, kept as the oracle its test
/// compares with.
#[cfg(test)]
fn head_word_by_str(key: &str) -> &str {
    key.rsplit(' ')
        .next()
        .unwrap_or(key)
        .trim_start_matches('-')
}

/// Whether two lower-case names have heads of one family, so that one topic
/// can make them one body: `ryhmä` and `valmisteluryhmä` can, `jaosto` and
/// `lautakunta` cannot (a division and its board are two bodies), and
/// neither can `työryhmä` and `seurantaryhmä`.
fn heads_agree(a: &str, b: &str) -> bool {
    a.ends_with(b) || b.ends_with(a)
}

/// Whether `name` is a head word alone (`Lautakunta`, `Seurantaryhmä`): a
/// text calls its body that once the full name is known.
fn is_bare_head(name: &str) -> bool {
    BARE_HEADS.contains(name.to_lowercase().as_str())
}

/// The head words of [`BODY_HEADS`], as a set.
static BARE_HEADS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| BODY_HEADS.iter().map(|(head, _)| *head).collect());

/// Whether `long` is a compound ending in the head `short`
/// (`kansalliskielilautakunta` for `lautakunta`).
fn compound_of(long: &str, short: &str) -> bool {
    let last = long.rsplit(' ').next().unwrap_or(long);
    last.len() > short.len() && last.ends_with(short)
}

/// The body that body `i`, first mentioned at `at`, folds into, of the
/// bodies it may be short for (`longer`, in order): the page's own body,
/// else the nearest named before it, else the first.
fn fold_target(main: Option<usize>, longer: &[usize], bodies: &[Body], at: usize) -> Option<usize> {
    main.filter(|m| longer.contains(m))
        .or_else(|| {
            longer
                .iter()
                .copied()
                .filter(|&j| bodies[j].span.start <= at)
                .max_by_key(|&j| bodies[j].span.start)
        })
        .or_else(|| longer.first().copied())
}

/// Where body `i` (as first indexed) stands after folding: the body it
/// was folded into (or that one in turn), at its place among those kept.
fn settled(i: usize, folded_into: &[Option<usize>], places: &[usize]) -> usize {
    let mut j = i;
    // Each fold goes into a body not folded yet, so a chain is shorter than
    // the bodies are many.
    for _ in 0..folded_into.len() {
        match folded_into.get(j) {
            Some(&Some(into)) => j = into,
            _ => break,
        }
    }
    places.get(j).copied().unwrap_or(j)
}

/// Adds to `into` the names it does not have as aliases yet, and returns
/// those it had (by their [`key`]), which no body names any more.
fn add_aliases(into: &mut Body, names: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut had = Vec::new();
    for alias in names {
        let alias_key = key(&alias);
        if into.aliases.iter().any(|a| key(a) == alias_key) {
            had.push(alias);
        } else {
            into.aliases.push(alias);
        }
    }
    had
}

/// Where [`Registry::fold_short_names`] looks for the bodies a name may be
/// short for, instead of trying every other body: a superset of those its
/// rules accept, which it then checks one by one. Sorted lists rather than
/// hash maps: most pages name a few dozen bodies.
struct ShortNameIndex<'k> {
    /// The bodies' keys ([`key`]).
    keys: &'k [&'k str],
    /// The [`fingerprint`] of each of `keys`.
    prints: &'k [u64],
    /// The [`fingerprint`] of every word-final part of every key (what
    /// follows a space or a hyphen) that may be a key, with its body,
    /// sorted: a short name that ends another's words is found by its
    /// key's fingerprint ([`key_endings`]).
    endings: Vec<(u64, usize)>,
    /// Lower-case abbreviations to the bodies that have them.
    abbreviations: FxHashMap<String, Vec<usize>>,
    /// The bodies of each kind.
    kinds: Vec<Kin>,
}

/// The bodies of one kind.
struct Kin {
    kind: BodyKind,
    /// The bodies, in order.
    bodies: Vec<usize>,
    /// Where the first mention of any of them starts.
    first_at: usize,
    /// The [`fingerprint`]s of the topics of those that have one, with
    /// the bodies, sorted; made when first asked for (only ever for a
    /// topic: a body without one is no body's candidate by topic). Sorted
    /// and halved by integers, where the topics themselves were compared
    /// (a `memcmp` call each); a body whose topic only shares a
    /// fingerprint with the one asked for is a candidate its rule then
    /// refuses (folding by every pair, `fold_short_names_by_pairs`, is
    /// the oracle of its test).
    topics: Option<Vec<(u64, usize)>>,
}

impl<'k> ShortNameIndex<'k> {
    fn new(
        (keys, prints): (&'k [&'k str], &'k [u64]),
        abbreviations: &[Option<String>],
        bodies: &[Body],
    ) -> Self {
        let mut index = ShortNameIndex {
            keys,
            prints,
            endings: key_endings(keys, prints),
            abbreviations: FxHashMap::default(),
            kinds: Vec::with_capacity(bodies.len().min(BodyKind::ALL.len())),
        };
        for (j, a) in abbreviations.iter().enumerate() {
            if let Some(a) = a {
                index.add_abbreviation(a, j);
            }
        }
        for (j, b) in bodies.iter().enumerate() {
            index.add_kin(b.kind, j, b.span.start, bodies.len() - j);
        }
        index
    }

    /// Records that body `j` now has the abbreviation `a` (lower case).
    fn add_abbreviation(&mut self, a: &str, j: usize) {
        self.abbreviations.entry(a.to_owned()).or_default().push(j);
    }

    /// Records body `j` of `kind`, first mentioned at `at`. A kind's first
    /// body makes its list room for `room` bodies (those still to come),
    /// so that it never grows.
    fn add_kin(&mut self, kind: BodyKind, j: usize, at: usize, room: usize) {
        match self.kinds.iter_mut().find(|k| k.kind == kind) {
            Some(kin) => {
                kin.bodies.push(j);
                kin.first_at = kin.first_at.min(at);
            }
            None => self.kinds.push(Kin {
                kind,
                bodies: {
                    let mut bodies = Vec::with_capacity(room);
                    bodies.push(j);
                    bodies
                },
                first_at: at,
                topics: None,
            }),
        }
    }

    /// Whether a body of `kind` other than body `i` is mentioned before
    /// `at`: only then can the topic rule fold body `i`.
    fn has_earlier_kin(&self, kind: BodyKind, at: usize) -> bool {
        self.kinds
            .iter()
            .any(|k| k.kind == kind && k.bodies.len() > 1 && k.first_at < at)
    }

    /// The bodies body `i` may be short for, in order, without repeats:
    /// those whose keys end in its key after a space or hyphen; every body
    /// when it is a bare head word (a compound may end in it); those with
    /// its key as abbreviation; and those of its kind with its topic
    /// (`subject`, with its [`fingerprint`]). Written into `found` (emptied first), a list the caller
    /// keeps from body to body rather than a new one each.
    fn candidates(
        &mut self,
        found: &mut Vec<usize>,
        i: usize,
        bare: bool,
        kind: BodyKind,
        subject: Option<(&'k str, u64)>,
        topic_at: &impl Fn(usize) -> Option<(&'k str, u64)>,
    ) {
        found.clear();
        if bare {
            found.extend(0..self.keys.len());
            return;
        }
        let short = self.keys.get(i).copied().unwrap_or_default();
        let print = self.prints.get(i).copied().unwrap_or_default();
        found.extend(equal_range(&self.endings, &print).iter().map(|&(_, j)| j));
        found.extend(self.abbreviations.get(short).into_iter().flatten());
        if let Some((_, subject)) = subject {
            found.extend(
                self.of_topic(kind, subject, topic_at)
                    .iter()
                    .map(|&(_, j)| j),
            );
        }
        found.sort_unstable();
        found.dedup();
    }

    /// The bodies of `kind` whose topic has the [`fingerprint`] `subject`
    /// (those with the topic it is made of, and maybe a few more), with
    /// it: a slice of the kind's table, where a new list was collected.
    fn of_topic(
        &mut self,
        kind: BodyKind,
        subject: u64,
        topic_at: &impl Fn(usize) -> Option<(&'k str, u64)>,
    ) -> &[(u64, usize)] {
        let Some(kin) = self.kinds.iter_mut().find(|k| k.kind == kind) else {
            return &[];
        };
        let bodies = &kin.bodies;
        let topics = kin.topics.get_or_insert_with(|| {
            let mut topics: Vec<(u64, usize)> = bodies
                .iter()
                .filter_map(|&j| Some((topic_at(j)?.1, j)))
                .collect();
            topics.sort_unstable();
            topics
        });
        equal_range(topics, &subject)
    }
}

/// A fingerprint of `s` (its bytes and length hashed by [`FxHasher`]),
/// equal for equal strings: what [`ShortNameIndex`] sorts and halves its
/// lists by, integers compared where each comparison of two strings was
/// a `memcmp` call. Two strings that differ seldom share one; when they
/// do, the lists give a body or two more as candidates, which the folding
/// rules then refuse.
fn fingerprint(s: &str) -> u64 {
    fingerprint_bytes(s.as_bytes())
}

/// The [`fingerprint`] of a string's `bytes`.
fn fingerprint_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.write_usize(bytes.len());
    hasher.finish()
}

/// The [`fingerprint`]s of the word-final parts of `keys` (what follows a
/// space or a hyphen) that may be keys themselves (their fingerprint is a
/// key's), with the body of the key they end, sorted: only a key is ever
/// looked up among them ([`ShortNameIndex::candidates`]), so the rest are
/// left out and few are left to sort, where every ending was sorted
/// (`all_key_endings`, now the oracle of its test).
///
/// The spaces and hyphens of each key are found eight bytes at a time
/// ([`separators`]), where each byte was compared on its own
/// (`key_endings_byte_by_byte`, the oracle of its test), and an ending is
/// told a key by [`KnownKeys`]. Fingerprints rather than the endings
/// themselves are sorted and halved (the endings of
/// `key_endings_byte_by_byte` fingerprinted are the oracle of its test):
/// integers compared, not strings.
/// `prints` are the keys' fingerprints, made with them ([`Spelt`]).
fn key_endings<K: AsRef<str>>(keys: &[K], prints: &[u64]) -> Vec<(u64, usize)> {
    let known = KnownKeys::new(keys, prints);
    let mut endings = Vec::new();
    for (j, long) in keys.iter().enumerate() {
        let long = long.as_ref();
        separators(long.as_bytes(), |p| {
            if let Some(ending) = long.get(p + 1..)
                && let Some(print) = known.fingerprint_if_known(ending)
            {
                endings.push((print, j));
            }
        });
    }
    endings.sort_unstable();
    endings
}

/// The keys of a page, to tell whether a string may be one of them: their
/// [`fingerprint`]s, sorted, with a mask of their lengths. Most endings of
/// a key are told no key by the mask, the rest by halving the
/// fingerprints: integers compared, where the keys sorted by length, then
/// text, compared the texts of keys of one length (`key_endings_byte_by_byte`
/// hashes the keys into a set, the oracle of its test).
struct KnownKeys {
    /// Each key's fingerprint, sorted.
    sorted: Vec<u64>,
    /// Bit `len % 64` set for each key's length `len`.
    lengths: u64,
}

impl KnownKeys {
    /// The set of `keys`, whose fingerprints are `prints`.
    fn new<K: AsRef<str>>(keys: &[K], prints: &[u64]) -> Self {
        let mut sorted = prints.to_vec();
        sorted.sort_unstable();
        let lengths = keys.iter().fold(0, |m, k| m | length_bit(k.as_ref().len()));
        Self { sorted, lengths }
    }

    /// The fingerprint of `s` when one of the keys has it (every key
    /// does, and seldom another string); `None` otherwise.
    fn fingerprint_if_known(&self, s: &str) -> Option<u64> {
        if self.lengths & length_bit(s.len()) == 0 {
            return None;
        }
        let print = fingerprint(s);
        self.sorted.binary_search(&print).is_ok().then_some(print)
    }
}

/// The bit of length `len` in [`KnownKeys::lengths`].
fn length_bit(len: usize) -> u64 {
    1 << (len % 64)
}

/// Calls `f` with the offset of each space and hyphen of `key`, in order:
/// eight bytes at a time, each group's marks told by two comparisons of
/// all its bytes at once, then the last few bytes one by one.
fn separators(key: &[u8], mut f: impl FnMut(usize)) {
    let (chunks, rest) = key.as_chunks::<8>();
    for (c, eight) in chunks.iter().enumerate() {
        let word = u64::from_le_bytes(*eight);
        let mut marks = bytes_equal_to(word, b' ') | bytes_equal_to(word, b'-');
        while marks != 0 {
            f(c * 8 + (marks.trailing_zeros() / 8) as usize);
            marks &= marks - 1;
        }
    }
    let done = chunks.len() * 8;
    for (k, &b) in rest.iter().enumerate() {
        if matches!(b, b' ' | b'-') {
            f(done + k);
        }
    }
}

/// [`key_endings`] as it was, comparing each byte of each key: the oracle
/// its test compares with.
#[cfg(test)]
fn key_endings_byte_by_byte(keys: &[String]) -> Vec<(&str, usize)> {
    let known: FxHashSet<&str> = keys.iter().map(String::as_str).collect();
    let mut endings = Vec::new();
    for (j, long) in keys.iter().enumerate() {
        for (p, b) in long.bytes().enumerate() {
            if matches!(b, b' ' | b'-')
                && let Some(ending) = long.get(p + 1..)
                && known.contains(ending)
            {
                endings.push((ending, j));
            }
        }
    }
    endings.sort_unstable();
    endings
}

/// Every word-final part of `keys` with its body, sorted: what
/// [`key_endings`] gave before it left out the parts that are no key, kept
/// as the oracle its test compares with.
#[cfg(test)]
fn all_key_endings(keys: &[String]) -> Vec<(&str, usize)> {
    let mut endings = Vec::new();
    for (j, long) in keys.iter().enumerate() {
        for (p, b) in long.bytes().enumerate() {
            if matches!(b, b' ' | b'-')
                && let Some(ending) = long.get(p + 1..)
            {
                endings.push((ending, j));
            }
        }
    }
    endings.sort_unstable();
    endings
}

/// The entries of `sorted` whose first field is `key`. Always inlined
/// into its two callers: how the compiler splits the crate into units
/// (which any change elsewhere moves) once left it a call of its own, at
/// 0.1 M instructions more over 200 pages.
#[inline(always)]
fn equal_range<'s, K: Ord, V>(sorted: &'s [(K, V)], key: &K) -> &'s [(K, V)] {
    let start = sorted.partition_point(|(k, _)| k < key);
    let len = sorted[start..].partition_point(|(k, _)| k == key);
    &sorted[start..start + len]
}

impl Registry {
    /// The body `name` is indexed to, after adding `body` for it if it is
    /// a new spelling; a new body's key is kept for folding.
    ///
    /// The name's spelling and key come from [`SPELLINGS`]: an archive
    /// names the same bodies page after page, and a name is spelt and keyed
    /// once a thread rather than once a mention (`Registry::add_by_spelling`,
    /// as it was, is the oracle of its test).
    fn add(&mut self, name: &str, body: impl FnOnce() -> Body) -> usize {
        let next = self.bodies.len();
        let spelt = spelt(name);
        match self.index.entry(spelt.spelling.clone()) {
            Entry::Occupied(known) => return *known.get(),
            Entry::Vacant(new) => new.insert(next),
        };
        self.spelts.push(spelt);
        self.bodies.push(body());
        next
    }

    /// [`Registry::add`] as it was, spelling and keying the name each time
    /// ([`spell_keyed`]): the oracle its test compares with.
    #[cfg(test)]
    fn add_by_spelling(&mut self, name: &str, body: impl FnOnce() -> Body) -> usize {
        let next = self.bodies.len();
        let spelt = self.spelt.get_mut();
        spelt.clear();
        let key = spell_keyed(name, spelt);
        if let Some(&known) = self.index.get(spelt.as_str()) {
            return known;
        }
        self.index.insert(Spelling::of(spelt), next);
        self.keys.push(key.into_owned());
        self.bodies.push(body());
        next
    }

    /// The body `name` is indexed to, after indexing it to `i` if it is not.
    #[cfg(test)]
    fn index_name(&mut self, name: &str, i: usize) -> usize {
        let spelt = self.spelt.get_mut();
        spelt.clear();
        spell_into(name, spelt);
        if let Some(&known) = self.index.get(spelt.as_str()) {
            return known;
        }
        self.index.insert(Spelling::of(spelt), i);
        i
    }

    /// Builds the registry from the body mentions of `text`, with no
    /// earlier bodies to reuse.
    #[cfg(test)]
    pub(crate) fn build(text: &str, layout: &Layout<'_>, matches: &[BodyMatch<'_>]) -> Registry {
        Registry::build_reusing(text, layout, matches, Vec::new(), Vec::new())
    }

    /// Builds the registry from the body mentions of `text` (as
    /// `Registry::build` of the tests, which reuses no bodies), its list of
    /// bodies kept in the room of `room` (an earlier record's bodies) and
    /// each new body written over one of `spare` or `room` in the room its
    /// strings have ([`new_body`]), where each body's name and text were
    /// copied into new strings: pages of an archive name about as many
    /// bodies each. The bodies left over and those folded away are left in
    /// [`Registry::spare`].
    pub(crate) fn build_reusing(
        text: &str,
        layout: &Layout<'_>,
        matches: &[BodyMatch<'_>],
        mut room: Vec<Body>,
        mut spare: Vec<Body>,
    ) -> Registry {
        spare.append(&mut room);
        let mut reg = Registry {
            bodies: room,
            ..Registry::default()
        };
        // A name for each mention at most (and a few headings): room made
        // once, where the index grew from empty through each power of two.
        reg.index.reserve(matches.len());
        reg.of_match.reserve(matches.len());
        // Most pages name a few dozen bodies: their room made at once too.
        let bodies = matches.len().min(64);
        reg.bodies.reserve(bodies);
        reg.spelts.reserve(bodies);
        let title = layout.title.map(|t| (t.start, t.end()));
        for m in matches {
            if m.plural {
                reg.of_match.push(None);
                continue;
            }
            let i = reg.add(&m.name, || {
                new_body(&mut spare, &m.name, m.kind, m.text, m.span)
            });
            if let Some((abbr, _)) = m.abbreviation {
                reg.bodies[i]
                    .abbreviation
                    .get_or_insert_with(|| abbr.to_owned());
            }
            let in_title = title.is_some_and(|(s, e)| s <= m.span.start && m.span.end <= e);
            if in_title && reg.main.is_none() {
                reg.main = Some(i);
            }
            reg.of_match.push(Some(i));
        }
        reg.add_heading_bodies(text, layout, matches, &mut spare);
        reg.spare = spare;
        reg.fold_short_names();
        reg
    }

    /// Listing headings name a body by its topic alone: in
    /// `Ympäristöterveydenhuollon kokous 13.9.2017` the body is
    /// `Ympäristöterveydenhuolto`.
    ///
    /// A new body is written over one of `spare` ([`new_body`]).
    fn add_heading_bodies(
        &mut self,
        text: &str,
        layout: &Layout<'_>,
        matches: &[BodyMatch<'_>],
        spare: &mut Vec<Body>,
    ) {
        for e in &layout.entries {
            let end = e.heading_start + e.heading.len();
            // Matches and entries are both in text order.
            let first = matches.partition_point(|m| m.span.start < e.heading_start);
            let named = matches[first..]
                .iter()
                .take_while(|m| m.span.start < end)
                .position(|m| !m.plural && m.span.end <= end);
            #[cfg(test)]
            self.heading_names
                .push(named.map(|k| matches[first + k].name.clone()));
            if let Some(k) = named {
                // Matches added before headings: its body is known.
                self.headings
                    .push(self.of_match.get(first + k).copied().flatten());
                continue;
            }
            self.headings.push(None);
            let ws = words(e.heading);
            let Some(k) = ws
                .iter()
                .position(|w| w.text.eq_ignore_ascii_case("kokous"))
            else {
                continue;
            };
            if k == 0 {
                continue;
            }
            let phrase = &e.heading[ws[0].start..ws[k - 1].end()];
            // An abbreviation inflects after a colon: `KORA:n kokous`.
            let abbreviation = (k == 1)
                .then(|| phrase.split_once(':'))
                .flatten()
                .map(|(a, _)| a)
                .filter(|a| a.chars().all(|c| c.is_uppercase() || c == '-') && a.len() >= 2);
            let Some(name) = abbreviation
                .map(str::to_owned)
                .or_else(|| genitive_to_nominative(phrase))
            else {
                continue;
            };
            let start = e.heading_start + ws[0].start;
            let span = Span::new(start, e.heading_start + ws[k - 1].end());
            let i = self.add(&name, || {
                let mention = text.get(span.range()).unwrap_or_default();
                new_body(spare, &name, body_kind(&name), mention, span)
            });
            if let Some(last) = self.headings.last_mut() {
                *last = Some(i);
            }
            #[cfg(test)]
            if let Some(last) = self.heading_names.last_mut() {
                *last = Some(name.clone());
            }
        }
    }

    /// Folds each body whose name is the last words of another's into that
    /// one, as an alias: the page's own body first, else the nearest body
    /// named before the short name's first mention, else the first.
    ///
    /// Each body's candidates come from indexes ([`ShortNameIndex`]), not
    /// from every other body: a page naming thousands of bodies is folded
    /// in time about linear in their number.
    fn fold_short_names(&mut self) {
        // Names change only by folding, so their keys are made once: as
        // each body was added (the bodies' first names), kept with their
        // spellings. Topics are dear (a genitive phrase back to the
        // nominative) and only compared between bodies of one kind: each
        // is made when first asked for, and kept there too.
        let mut spelts = std::mem::take(&mut self.spelts);
        if spelts.len() != self.bodies.len() {
            spelts = self.bodies.iter().map(|b| spelt(&b.name)).collect();
        }
        let keys: Vec<&str> = spelts.iter().map(|s| &*s.key).collect();
        let prints: Vec<u64> = spelts.iter().map(|s| s.key_print).collect();
        // Where each key's head word starts ([`head_word`]).
        let heads: Vec<usize> = keys.iter().map(|k| k.len() - head_word(k).len()).collect();
        let mut abbreviations: Vec<Option<String>> = self
            .bodies
            .iter()
            .map(|b| b.abbreviation.as_deref().map(str::to_lowercase))
            .collect();
        let mut index = ShortNameIndex::new((&keys, &prints), &abbreviations, &self.bodies);
        // Folded bodies stay in place until the end, so indexes hold: each
        // folded one knows the body it went into.
        let mut folded_into: Vec<Option<usize>> = vec![None; self.bodies.len()];
        // Names no body keeps, having one of the same key.
        let mut unnamed = Vec::new();
        // The bodies each body may be short for, then those it is: one
        // list for all of them.
        let mut longer = Vec::new();
        for i in 0..self.bodies.len() {
            let bodies = &self.bodies;
            let topic_at = |j: usize| spelts[j].topic(&bodies[j].name);
            let short = keys[i];
            let at = self.bodies[i].span.start;
            let kind = self.bodies[i].kind;
            // A key is the name's lower case unless the name has stray
            // spaces: a head word's key is the head word itself, its own
            // head (`heads[i] == 0`), told before the set is hashed into.
            let bare =
                heads[i] == 0 && BARE_HEADS.contains(short) && is_bare_head(&self.bodies[i].name);
            let short_head = &short[heads[i]..];
            // The topic rule folds a body into one of its kind mentioned
            // before it: without one, no topic is needed.
            let subject = index
                .has_earlier_kin(kind, at)
                .then(|| topic_at(i))
                .flatten();
            index.candidates(&mut longer, i, bare, kind, subject, &topic_at);
            longer.retain(|&j| {
                j != i && folded_into.get(j) == Some(&None) && {
                    let other = &self.bodies[j];
                    let long = keys[j];
                    ends_with_words(long, short)
                        || (bare && compound_of(long, short))
                        || abbreviations[j].as_deref() == Some(short)
                        || (other.span.start < at
                            && other.kind == kind
                            && heads_agree(&long[heads[j]..], short_head)
                            && subject.is_some_and(|(topic, print)| {
                                topic_at(j).is_some_and(|(t, p)| p == print && t == topic)
                            }))
                }
            });
            let Some(target) = fold_target(self.main, &longer, &self.bodies, at) else {
                continue;
            };
            folded_into[i] = Some(target);
            if self.main == Some(i) {
                self.main = Some(target);
            }
            let folded = &mut self.bodies[i];
            let name = std::mem::take(&mut folded.name);
            let aliases = std::mem::take(&mut folded.aliases);
            let folded_abbreviation = folded.abbreviation.take();
            let folded_key = abbreviations[i].take();
            let into = &mut self.bodies[target];
            unnamed.extend(add_aliases(into, std::iter::once(name).chain(aliases)));
            if into.abbreviation.is_none() {
                into.abbreviation = folded_abbreviation;
                if let Some(a) = &folded_key {
                    index.add_abbreviation(a, target);
                }
                abbreviations[target] = folded_key;
            }
        }
        let places = self.drop_folded(&folded_into);
        self.repoint_index(&folded_into, &places, &unnamed);
    }

    /// Removes the bodies folded away (`folded_into[i]` set), keeping the
    /// page's own body pointing at the same body; returns where each body
    /// kept now stands (a folded one, where the next kept one does).
    fn drop_folded(&mut self, folded_into: &[Option<usize>]) -> Vec<usize> {
        let mut places = Vec::with_capacity(folded_into.len());
        let mut kept = 0;
        for into in folded_into {
            places.push(kept);
            kept += usize::from(into.is_none());
        }
        self.main = self.main.map(|m| places.get(m).copied().unwrap_or(m));
        // The folded bodies are kept for the strings they hold.
        let mut at = 0;
        let folded = self.bodies.extract_if(.., |_| {
            at += 1;
            folded_into.get(at - 1).is_some_and(Option::is_some)
        });
        self.spare.extend(folded);
        places
    }

    /// Points the name index at the bodies left by folding, instead of
    /// spelling every name again: each spelling belongs to one first-folded
    /// body's name, which is now a name of the body that body went into (or
    /// that one went into in turn), at its new place. The `unnamed` names,
    /// left out as aliases, are no body's any more.
    ///
    /// The headings' and matches' bodies are pointed the same way: each was
    /// the body its name was indexed to, and before folding each body has
    /// one spelling in the index (a name spelt as one already there is no
    /// new body), so a name whose spelling is dropped is told by its body.
    fn repoint_index(
        &mut self,
        folded_into: &[Option<usize>],
        places: &[usize],
        unnamed: &[String],
    ) {
        // The bodies (as first indexed) whose only spelling goes.
        let mut dropped = Vec::new();
        let spelt = self.spelt.get_mut();
        for name in unnamed {
            spelt.clear();
            spell_into(name, spelt);
            dropped.extend(self.index.remove(spelt.as_str()));
        }
        let now = |i: usize| settled(i, folded_into, places);
        for i in self.index.values_mut() {
            *i = now(*i);
        }
        let repoint = |b: &mut Option<usize>| *b = b.filter(|i| !dropped.contains(i)).map(now);
        self.headings.iter_mut().for_each(repoint);
        self.of_match.iter_mut().for_each(repoint);
    }

    /// The record name of the body called `name` (its own name or an alias):
    /// how bodies were looked up by name before each match's body was kept
    /// ([`Registry::resolve_match`]); the oracle of its tests.
    #[cfg(test)]
    pub(crate) fn resolve(&self, name: &str) -> Option<&str> {
        let mut spelt = self.spelt.borrow_mut();
        spelt.clear();
        spell_into(name, &mut spelt);
        self.index
            .get(spelt.as_str())
            .and_then(|&i| self.bodies.get(i))
            .map(|b| b.name.as_str())
    }

    /// The record name of the body of match `k` of those the registry was
    /// built from (`Found::bodies` holds the same, in the same order): what
    /// `Registry::resolve` gives for its name, without spelling it again.
    pub(crate) fn resolve_match(&self, k: usize) -> Option<&str> {
        self.name_of(self.of_match.get(k).copied().flatten())
    }

    /// The body the heading of listing entry `n` names.
    pub(crate) fn heading_body(&self, n: usize) -> Option<&str> {
        self.name_of(self.headings.get(n).copied().flatten())
    }

    /// The record name of body `i`, if there is one.
    fn name_of(&self, i: Option<usize>) -> Option<&str> {
        i.and_then(|i| self.bodies.get(i)).map(|b| b.name.as_str())
    }

    /// The body the page is about.
    pub(crate) fn main(&self) -> Option<&str> {
        self.main.map(|i| self.bodies[i].name.as_str())
    }
}

/// The synthetic archive generator of `examples/gen_archive.rs`: the text
/// the converter is timed on, for the tests.
#[cfg(test)]
#[path = "../../examples/gen_archive.rs"]
#[allow(dead_code)]
mod gen_archive;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The [`spell_into`] that the byte table replaced: runs of bytes that
    /// spell as themselves copied at once, every other character by
    /// [`spell_char`]. Kept as the oracle its tests compare with.
    fn spell_into_by_runs(name: &str, out: &mut String) {
        out.reserve(name.len());
        let mut rest = name;
        while !rest.is_empty() {
            let run = rest
                .bytes()
                .position(|b| !spells_as_itself(b))
                .unwrap_or(rest.len());
            let (same, tail) = rest.split_at(run);
            out.push_str(same);
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                spell_char(c, out);
            }
            rest = chars.as_str();
        }
    }

    /// Whether byte `b` stands for an ASCII character that [`spelling`]
    /// keeps as it is (not a space, hyphen or capital).
    fn spells_as_itself(b: u8) -> bool {
        b.is_ascii() && !matches!(b, b' ' | b'\t'..=b'\r' | b'-') && !b.is_ascii_uppercase()
    }

    /// [`key`] as it was before [`lower_c3_only`]: a single-spaced name
    /// lowered by [`lower_cow`]. Kept as the oracle its test compares with.
    fn key_by_lower_cow(name: &str) -> Cow<'_, str> {
        if is_single_spaced(name) {
            return lower_cow(name);
        }
        joined_key(name)
    }

    /// Pieces of Finnish-like names: words, capitals, ä, ö, å, every kind
    /// of space and dash, digits, control characters, and characters
    /// beyond Latin-1.
    fn name_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\0",
            "Pirkanmaan",
            "sairaanhoitopiirin",
            "hallitus",
            "ICT",
            "ja",
            "digi",
            "-työryhmä",
            "ICT-",
            "ä",
            "ö",
            "å",
            "Ä",
            "Ö",
            "Å",
            "é",
            "É",
            "ß",
            "÷",
            "×",
            "ÿ",
            "Þ",
            "þ",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{B}",
            "\u{C}",
            "\r",
            "\u{1C}",
            "\u{7F}",
            "\u{85}",
            "\u{A0}",
            "\u{2028}",
            "-",
            "–",
            "—",
            "\u{2010}",
            "\u{2011}",
            "2019",
            "§",
            "Ω",
            "Σ",
            "İ",
            "\u{212A}",
            "ł",
            "Ł",
            "ẞ",
            "中",
        ])
    }

    /// [`Registry::fold_short_names`] as it was, trying every pair of
    /// bodies: the oracle of the indexed one.
    fn fold_short_names_by_pairs(reg: &mut Registry) {
        // Names change only by folding, so their keys are made once.
        let mut keys: Vec<String> = reg
            .bodies
            .iter()
            .map(|b| key(&b.name).into_owned())
            .collect();
        // Where each key's head word starts ([`head_word`]).
        let mut heads: Vec<usize> = keys.iter().map(|k| k.len() - head_word(k).len()).collect();
        // Topics are dear (a genitive phrase back to the nominative) and
        // only compared between bodies of one kind: each is made when first
        // asked for.
        let mut topics: Vec<OnceCell<Option<Rc<str>>>> =
            reg.bodies.iter().map(|_| OnceCell::new()).collect();
        let mut abbreviations: Vec<Option<String>> = reg
            .bodies
            .iter()
            .map(|b| b.abbreviation.as_deref().map(str::to_lowercase))
            .collect();
        let mut i = 0;
        while i < reg.bodies.len() {
            let short = &keys[i];
            let subject = || topics[i].get_or_init(|| topic(&reg.bodies[i].name));
            let at = reg.bodies[i].span.start;
            let kind = reg.bodies[i].kind;
            // A key is the name's lower case unless the name has stray
            // spaces: a head word's key is the head word itself.
            let bare = BARE_HEADS.contains(short.as_str()) && is_bare_head(&reg.bodies[i].name);
            let short_head = &short[heads[i]..];
            let longer: Vec<usize> = (0..reg.bodies.len())
                .filter(|&j| j != i)
                .filter(|&j| {
                    let other = &reg.bodies[j];
                    let long = &keys[j];
                    ends_with_words(long, short)
                        || (bare && compound_of(long, short))
                        || abbreviations[j].as_ref() == Some(short)
                        || (other.span.start < at
                            && other.kind == kind
                            && heads_agree(&long[heads[j]..], short_head)
                            && subject().is_some()
                            && topics[j].get_or_init(|| topic(&other.name)) == subject())
                })
                .collect();
            let Some(target) = fold_target(reg.main, &longer, &reg.bodies, at) else {
                i += 1;
                continue;
            };
            let folded = reg.bodies.remove(i);
            keys.remove(i);
            heads.remove(i);
            topics.remove(i);
            let folded_abbreviation = abbreviations.remove(i);
            let target = if target > i { target - 1 } else { target };
            reg.main = match reg.main {
                Some(m) if m == i => Some(target),
                Some(m) if m > i => Some(m - 1),
                other => other,
            };
            let into = &mut reg.bodies[target];
            let _ = add_aliases(into, std::iter::once(folded.name).chain(folded.aliases));
            if into.abbreviation.is_none() {
                into.abbreviation = folded.abbreviation;
                abbreviations[target] = folded_abbreviation;
            }
            // `i` now holds the next body.
        }
    }

    /// The name index rebuilt by spelling every name and alias again, as
    /// the registry did after folding: the oracle of
    /// [`Registry::repoint_index`].
    fn reindex(reg: &mut Registry) {
        reg.index.clear();
        let bodies = std::mem::take(&mut reg.bodies);
        for (i, b) in bodies.iter().enumerate() {
            for name in std::iter::once(&b.name).chain(&b.aliases) {
                reg.index_name(name, i);
            }
        }
        reg.bodies = bodies;
    }

    /// Names that fold into one another, in chains (`Johtoryhmä` into
    /// `Strateginen johtoryhmä` into a longer one), by abbreviation, and
    /// pairs one key but two spellings (`ΑΣ` and `ας`: the key reads the
    /// final sigma, the spelling does not) that leave a name out as alias.
    const FOLDING_NAMES: &[&str] = &[
        "Johtoryhmä",
        "johto-ryhmä",
        "Strateginen johtoryhmä",
        "Alueen strateginen johtoryhmä",
        "ÄÄNI -työryhmä",
        "Ääni-työryhmä",
        "työryhmä",
        "Lautakunta",
        "Ympäristölautakunta",
        "Kotoutumisen ohjausryhmä",
        "KOTO",
        "ΑΣ",
        "ας",
        "Iso ΑΣ",
        "Iso  ας",
        "Vanhusten palvelut -ryhmä",
        "Vanhusten palvelujen valmisteluryhmä",
        "",
    ];

    /// A registry of bodies from [`FOLDING_NAMES`] at increasing places,
    /// some with abbreviations, maybe one the page's own.
    fn folding_registries() -> impl Strategy<Value = Registry> {
        registries_of(FOLDING_NAMES, "ΑΣ", 0..40, 16)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn repointed_index_is_the_index_spelt_again(reg in folding_registries()) {
            let mut repointed = reg;
            repointed.fold_short_names();
            let mut spelt_again = Registry {
                bodies: repointed.bodies.clone(),
                ..Registry::default()
            };
            reindex(&mut spelt_again);
            prop_assert_eq!(&repointed.index, &spelt_again.index);
        }
    }

    /// Checks that each match and heading of `reg` (folded) is given the
    /// body its name resolves to (`names`: the matches' names, `None` for a
    /// plural one).
    fn assert_bodies_resolve_as_names(reg: &Registry, names: &[Option<&str>]) {
        assert_eq!(reg.of_match.len(), names.len());
        for (k, name) in names.iter().enumerate() {
            let by_name = name.and_then(|n| reg.resolve(n));
            assert_eq!(reg.resolve_match(k), by_name, "match {k}: {name:?}");
        }
        assert_eq!(reg.headings.len(), reg.heading_names.len());
        for (n, name) in reg.heading_names.iter().enumerate() {
            let by_name = name.as_deref().and_then(|n| reg.resolve(n));
            assert_eq!(reg.heading_body(n), by_name, "heading {n}: {name:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn matches_and_headings_keep_the_bodies_their_names_resolve_to(
            mut reg in folding_registries()
        ) {
            reg.fold_short_names();
            let names: Vec<Option<String>> = reg.heading_names.clone();
            let names: Vec<Option<&str>> = names.iter().map(Option::as_deref).collect();
            assert_bodies_resolve_as_names(&reg, &names);
        }
    }

    /// The `.txt` fixtures and examples, a directory deep.
    fn fixture_and_example_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("tests/fixtures")];
        let regions = std::fs::read_dir(root.join("examples/data"))
            .into_iter()
            .flatten();
        dirs.extend(regions.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
        let files = dirs
            .iter()
            .flat_map(|d| std::fs::read_dir(d).into_iter().flatten());
        files
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect()
    }

    #[test]
    fn matches_and_headings_of_real_and_generated_texts_resolve_as_their_names() {
        let mut texts = fixture_and_example_texts();
        assert!(texts.len() > 30, "{} texts", texts.len());
        super::gen_archive::generate(5, 150, |_, text| {
            texts.push(text);
            Ok(())
        })
        .unwrap();
        let mut headings = 0;
        for text in &texts {
            let layout = crate::layout::lay_out(text);
            let lowered = crate::text::LowerText::new(text);
            let matches = crate::recognise::body::find_bodies_in(text, &lowered);
            let reg = Registry::build(text, &layout, &matches);
            let names: Vec<Option<&str>> = matches
                .iter()
                .map(|m| (!m.plural).then_some(m.name.as_str()))
                .collect();
            assert_bodies_resolve_as_names(&reg, &names);
            headings += reg.heading_names.iter().flatten().count();
        }
        assert!(headings > 100, "{headings} headings named");
    }

    /// The registry of each text, built over the bodies of the text
    /// before (its list and its spare ones), is the registry built afresh.
    #[test]
    fn registries_built_over_earlier_bodies_are_those_built_afresh() {
        let texts = fixture_and_example_texts();
        let (mut room, mut spare) = (Vec::new(), Vec::new());
        let (mut reused, mut folded) = (0, 0);
        for text in texts.iter().chain(texts.iter().rev()) {
            let layout = crate::layout::lay_out(text);
            let lowered = crate::text::LowerText::new(text);
            let matches = crate::recognise::body::find_bodies_in(text, &lowered);
            let fresh = Registry::build(text, &layout, &matches);
            reused += fresh.bodies.len().min(room.len() + spare.len());
            let reg = Registry::build_reusing(text, &layout, &matches, room, spare);
            assert_eq!(reg.bodies, fresh.bodies);
            assert_eq!(reg.main(), fresh.main());
            for k in 0..matches.len() {
                assert_eq!(reg.resolve_match(k), fresh.resolve_match(k), "match {k}");
            }
            for n in 0..layout.entries.len() {
                assert_eq!(reg.heading_body(n), fresh.heading_body(n), "heading {n}");
            }
            folded += fresh.spare.len();
            (room, spare) = (reg.bodies, reg.spare);
        }
        assert!(
            reused > 100 && folded > 10,
            "{reused} reused, {folded} folded"
        );
    }

    proptest! {
        /// A spelling hashes as the index keeps it and as it is looked up
        /// by (a `str`) alike, and the one is found by the other.
        #[test]
        fn spellings_hash_alike_as_keys_and_as_strs(text in "[a-zåäö ΑΣας-]{0,40}") {
            use std::hash::BuildHasher;
            let hasher = BuildHasherDefault::<PrintHasher>::default();
            let key = Spelling::of(&text);
            prop_assert_eq!(hasher.hash_one(&key), hasher.hash_one(text.as_str()));
            prop_assert_eq!(hasher.hash_one(&key), fingerprint(&text));
            let mut index = HashMap::with_hasher(hasher);
            index.insert(key, 7);
            prop_assert_eq!(index.get(text.as_str()), Some(&7));
            let other = format!("{text}x");
            prop_assert_eq!(index.get(other.as_str()), None);
        }
    }

    #[test]
    fn a_name_left_out_as_alias_is_not_indexed() {
        let mut reg = Registry::default();
        for (at, name) in ["Iso ΑΣ", "ΑΣ", "ας"].into_iter().enumerate() {
            reg.add(name, || body(name, None, at * 10));
        }
        reg.fold_short_names();
        assert_eq!(reg.bodies.len(), 1);
        assert_eq!(reg.bodies[0].aliases, ["ΑΣ"]);
        assert_eq!(reg.resolve("ΑΣ"), Some("Iso ΑΣ"));
        assert_eq!(reg.resolve("ας"), None);
    }

    /// A body named `name` first mentioned at `at`.
    fn body(name: &str, abbreviation: Option<&str>, at: usize) -> Body {
        Body {
            name: name.to_owned(),
            kind: body_kind(name),
            abbreviation: abbreviation.map(str::to_owned),
            aliases: Vec::new(),
            text: name.to_owned(),
            span: Span::new(at, at + name.len()),
        }
    }

    /// Names that fold into one another by each rule: last words, bare
    /// heads of compounds, abbreviations, and topics said twice over.
    const NAMES: &[&str] = &[
        "Ohjausryhmä",
        "ohjausryhmä",
        "Poliittinen ohjausryhmä",
        "Alueellinen poliittinen ohjausryhmä",
        "Kotoutumisen ohjausryhmä",
        "KOTO",
        "Lautakunta",
        "Kansalliskielilautakunta",
        "Ympäristölautakunta",
        "Työryhmä",
        "Tieto ja viestintä -työryhmä",
        "tieto- ja viestintätyöryhmä",
        "Vanhusten palvelut -ryhmä",
        "Vanhusten palvelujen valmisteluryhmä",
        "Vanhusten palvelujen ryhmä",
        "Johtoryhmä",
        "Strateginen johtoryhmä",
        "Virkamiesjohtoryhmä",
        "Sote -johtoryhmä",
        "Verkosto",
        "Kehittäjien verkosto",
        "Sote -kehittäjien verkosto",
    ];

    /// A registry of distinct bodies from [`NAMES`] at increasing places,
    /// some with abbreviations, maybe one the page's own.
    fn registries() -> impl Strategy<Value = Registry> {
        registries_of(NAMES, "PORA", 1..40, 12)
    }

    /// A registry of up to `most` bodies named from `names`, each `steps`
    /// after the one before, some abbreviated `KOTO` or `other`, maybe one
    /// of them the page's own.
    fn registries_of(
        names: &'static [&'static str],
        other: &'static str,
        steps: std::ops::Range<usize>,
        most: usize,
    ) -> impl Strategy<Value = Registry> {
        let one = (
            0..names.len(),
            prop_oneof![3 => Just(None), 1 => Just(Some("KOTO")), 1 => Just(Some(other))],
            steps,
        );
        (
            proptest::collection::vec(one, 0..most),
            proptest::option::of(0..most),
        )
            .prop_map(move |(picks, main)| {
                let mut reg = Registry::default();
                let mut at = 0;
                for (n, abbreviation, step) in picks {
                    at += step;
                    let i = reg.add(names[n], || body(names[n], abbreviation, at));
                    // Each name a match's and a heading's too.
                    reg.of_match.push(Some(i));
                    reg.headings.push(Some(i));
                    reg.heading_names.push(Some(names[n].to_owned()));
                }
                reg.main = main.filter(|&m| m < reg.bodies.len());
                reg
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn indexed_folding_folds_as_every_pair_does(reg in registries()) {
            let mut by_pairs = Registry {
                bodies: reg.bodies.clone(),
                main: reg.main,
                ..Registry::default()
            };
            let mut indexed = reg;
            fold_short_names_by_pairs(&mut by_pairs);
            indexed.fold_short_names();
            prop_assert_eq!(&indexed.bodies, &by_pairs.bodies);
            prop_assert_eq!(indexed.main, by_pairs.main);
        }
    }

    #[test]
    fn short_names_fold_by_each_rule() {
        // Hand-checked: the bare head into the nearest earlier compound
        // (`Lautakunta` after `Ympäristölautakunta`), last words into the
        // longer name, an abbreviation into the body that has it, and a
        // topic said twice into the earlier body.
        let mut reg = Registry::default();
        for (at, (name, abbreviation)) in [
            ("Kansalliskielilautakunta", None),
            ("Ympäristölautakunta", None),
            ("Lautakunta", None),
            ("Alueellinen poliittinen ohjausryhmä", None),
            ("poliittinen ohjausryhmä", None),
            ("Kotoutumisen ohjausryhmä", Some("KOTO")),
            ("KOTO", None),
            ("Vanhusten palvelut -ryhmä", None),
            ("Vanhusten palvelujen valmisteluryhmä", None),
        ]
        .into_iter()
        .enumerate()
        {
            reg.add(name, || body(name, abbreviation, at * 100));
        }
        reg.fold_short_names();
        let got: Vec<(&str, Vec<&str>)> = reg
            .bodies
            .iter()
            .map(|b| {
                (
                    b.name.as_str(),
                    b.aliases.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Kansalliskielilautakunta", vec![]),
                ("Ympäristölautakunta", vec!["Lautakunta"]),
                (
                    "Alueellinen poliittinen ohjausryhmä",
                    vec!["poliittinen ohjausryhmä"]
                ),
                ("Kotoutumisen ohjausryhmä", vec!["KOTO"]),
                (
                    "Vanhusten palvelut -ryhmä",
                    vec!["Vanhusten palvelujen valmisteluryhmä"]
                ),
            ]
        );
    }

    /// A long page of distinct bodies of one kind and head word: none is
    /// short for another (their topics differ), so all stay.
    #[test]
    fn a_page_of_many_bodies_keeps_them_all() {
        let syllables = ["ka", "lo", "mi", "ta", "ve", "su", "ra", "ni"];
        let mut reg = Registry::default();
        let mut names = Vec::new();
        for a in syllables {
            for b in syllables {
                for c in syllables {
                    let name = format!("{}{b}{c}palvelujen työryhmä", a.to_uppercase());
                    names.push(name);
                }
            }
        }
        for (at, name) in names.iter().enumerate() {
            reg.add(name, || body(name, None, at * 40));
        }
        reg.fold_short_names();
        assert_eq!(reg.bodies.len(), names.len());
    }

    #[test]
    fn word_suffixes() {
        assert!(ends_with_words("strateginen johtoryhmä", "johtoryhmä"));
        assert!(!ends_with_words("virkamiesjohtoryhmä", "johtoryhmä"));
        assert!(!ends_with_words("johtoryhmä", "johtoryhmä"));
        assert!(ends_with_words(
            "valmistelun poliittinen ohjausryhmä",
            "poliittinen ohjausryhmä"
        ));
        assert!(ends_with_words("digi ja ict -työryhmä", "työryhmä"));
        assert!(!ends_with_words("sote-työryhmä", "työryhmä"));
        assert!(compound_of(
            "itä-uudenmaan kansalliskielilautakunta",
            "lautakunta"
        ));
        assert!(!compound_of("lautakunta", "lautakunta"));
    }

    #[test]
    fn spelling_ignores_case_space_and_hyphens() {
        let reference = |name: &str| -> String {
            name.chars()
                .filter(|&c| !(is_space(c) || matches!(c, '-' | '–' | '\u{2010}' | '\u{2011}')))
                .flat_map(char::to_lowercase)
                .collect()
        };
        let every_latin1: String = (0u32..0x250).filter_map(char::from_u32).collect();
        for name in [
            "ICT ja digi -työryhmä",
            "ICT- ja digityöryhmä",
            "ÄÖÅ äöå\u{A0}Ω\u{2011}x\u{2010}y–z\u{0B}\u{2028}",
            every_latin1.as_str(),
        ] {
            assert_eq!(spelling(name), reference(name), "{name:?}");
        }
        assert_eq!(
            spelling("ICT ja digi -työryhmä"),
            spelling("ICT- ja digityöryhmä")
        );
    }

    #[test]
    fn key_is_the_lower_case_of_the_words_joined_by_single_spaces() {
        let reference = |name: &str| {
            name.split(is_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        for name in [
            "  Strateginen\u{A0}\u{A0}JOHTORYHMÄ ",
            "ΟΔΟΣ ΣΑΣ -ryhmä",
            "İstanbul\tKELVIN\u{212A}",
            "",
            "   ",
            " ",
            "Eteläinen alue ",
            " Eteläinen alue",
            "Eteläinen\u{A0}alue",
            "Eteläinen  alue",
            "Eteläinen\nalue",
            "Eteläinen alue -ryhmä",
        ] {
            assert_eq!(key(name), reference(name), "{name:?}");
        }
        assert_eq!(key(" Vammais-\u{A0}ja  Ikä RYHMÄ"), "vammais- ja ikä ryhmä");
        assert_eq!(key("ΟΔΟΣ"), "οδος");
    }

    #[test]
    fn head_words_are_their_own_keys() {
        // `fold_short_names` looks a bare head up by its key.
        for (head, _) in BODY_HEADS {
            assert_eq!(key(head), *head);
            // `fold_short_names` tells a key no bare head when it has a
            // head of its own after a space or hyphens.
            assert_eq!(head_word(head), *head);
        }
        assert!(is_bare_head("Lautakunta"));
        assert!(!is_bare_head("Kansalliskielilautakunta"));
    }

    #[test]
    fn topics_are_the_same_from_the_cache() {
        let names = [
            "Ikäihmisten palvelut -ryhmä",
            "Ikäihmisten palvelujen valmisteluryhmä",
            "Sosiaalisen kuntoutuksen työryhmä",
            "Johtoryhmä",
        ];
        let want = [
            Some("ikäihmistenpalvelut"),
            Some("ikäihmistenpalvelut"),
            Some("sosiaalinenkuntoutus"),
            None,
        ];
        for _ in 0..2 {
            for (name, want) in names.iter().zip(want) {
                assert_eq!(topic(name).as_deref(), want, "{name}");
                assert_eq!(topic(name).as_deref(), topic_of(name).as_deref(), "{name}");
            }
        }
        // Past its bound the cache starts again, and still answers right.
        for n in 0..TOPIC_CACHE_SIZE + 10 {
            let name = format!("Ryhmä{n} -ryhmä");
            assert_eq!(topic(&name).as_deref(), Some(format!("ryhmä{n}").as_str()));
        }
        assert!(TOPICS.with(|c| c.borrow().len()) <= TOPIC_CACHE_SIZE);
        assert_eq!(topic(names[1]).as_deref(), want[1]);
    }

    #[test]
    fn head_families() {
        let agree = |a: &str, b: &str| heads_agree(head_word(a), head_word(b));
        assert_eq!(head_word("kotihoidon -ryhmä"), "ryhmä");
        assert!(agree("kotihoidon -ryhmä", "kotihoidon valmisteluryhmä"));
        assert!(agree("a tiimi", "b tiimi"));
        assert!(!agree(
            "nuorisopalvelujen jaosto",
            "nuorisopalvelujen lautakunta"
        ));
        assert!(!agree("x työryhmä", "x seurantaryhmä"));
    }

    fn body_names(text: &str) -> Vec<(String, Vec<String>)> {
        crate::pipeline::parse_document("t.txt", text)
            .bodies
            .into_iter()
            .map(|b| (b.name, b.aliases))
            .collect()
    }

    #[test]
    fn one_topic_two_heads_of_one_family_is_one_body() {
        let names = body_names(
            "Ikäihmisten palvelut -ryhmä kokoontui Lohjalla. \
             Ikäihmisten palvelujen valmisteluryhmä jatkaa työtään syksyllä.",
        );
        assert_eq!(names.len(), 1, "{names:?}");
        assert_eq!(names[0].1, ["Ikäihmisten palvelujen valmisteluryhmä"]);
    }

    #[test]
    fn a_division_is_not_its_board() {
        let names = body_names(
            "Nuorisopalvelujen jaoston kokous pidettiin Raahessa. \
             Nuorisopalvelujen lautakunnassa käsiteltiin talousarviota.",
        );
        let plain: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            plain,
            ["Nuorisopalvelujen jaosto", "Nuorisopalvelujen lautakunta"],
            "{names:?}"
        );
    }

    /// The spacing told eight bytes at a time is the spacing told by
    /// characters with a space, a second space, a tab, a carriage return,
    /// a no-break space or a dash at every offset of names of up to 20
    /// bytes (across and at each end of every group of eight).
    #[test]
    fn spacing_by_bytes_at_every_offset() {
        for len in 0..20 {
            for at in 0..=len {
                for piece in [" ", "  ", "\t", "\r", "\u{A0}", "–", "ä", "Ä"] {
                    let mut name = "a".repeat(len);
                    name.insert_str(at, piece);
                    for name in [name.clone(), format!("{name} b"), format!("b {name}")] {
                        assert_eq!(
                            is_single_spaced(&name),
                            is_single_spaced_by_chars(&name),
                            "{name:?}"
                        );
                    }
                }
            }
        }
    }

    /// The key lowered by [`lower_c3_only`] is the key by [`lower_cow`]
    /// with every Latin-1 character (capitals, `ß`, `×`, spaces) at every
    /// offset of names of up to 18 bytes, after a capital and a small word.
    #[test]
    fn key_of_every_latin1_character_at_every_offset() {
        for c in (0..=0xFF_u32).filter_map(char::from_u32) {
            for len in 0..18 {
                for at in 0..=len {
                    let mut name = "a".repeat(len);
                    name.insert(at, c);
                    for name in [name.clone(), format!("Ä{name}"), format!("Kunta {name}")] {
                        let (new, old) = (key(&name), key_by_lower_cow(&name));
                        assert_eq!(new, old, "{name:?}");
                        assert_eq!(
                            matches!(new, Cow::Borrowed(_)),
                            matches!(old, Cow::Borrowed(_)),
                            "{name:?}"
                        );
                    }
                }
            }
        }
    }

    /// Pieces of names whose keys end one another: head words whole and
    /// in compounds, attributes, spaces and hyphens, ä.
    fn key_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "työryhmä",
            "ryhmä",
            "johtoryhmä",
            "johto",
            "strateginen",
            "ict",
            "digi",
            "ja",
            "sote",
            "ä",
            " ",
            "  ",
            "-",
            " -",
            "- ",
        ])
    }

    /// Pieces of names with topics: genitive attributes, nominatives, heads
    /// after ` -`, and any [`name_piece`] (every space and dash).
    fn topic_piece() -> impl Strategy<Value = &'static str> {
        prop_oneof![
            name_piece(),
            prop::sample::select(vec![
                "Vammaisten",
                "vammaisten",
                "palvelujen",
                "palvelut",
                "Ikäihmisten",
                "sosiaalisen",
                "kuntoutuksen",
                "valmisteluryhmä",
                "työryhmä",
                " -ryhmä",
                " -",
                " ",
            ]),
        ]
    }

    proptest! {
        /// [`topic`] (a name without a space told without the cache, a
        /// topic shared with it) is [`topic_of`], the topic worked out, on
        /// names of Finnish-like pieces, asked twice (the second time from
        /// the cache), and on any string.
        #[test]
        fn topics_agree_with_working_them_out(
            pieces in prop::collection::vec(topic_piece(), 0..8),
            noise in any::<String>(),
        ) {
            for name in [pieces.concat(), noise] {
                let want = topic_of(&name);
                for _ in 0..2 {
                    let got = topic(&name);
                    prop_assert_eq!(got.as_deref(), want.as_deref(), "{:?}", name);
                }
            }
        }
    }

    proptest! {
        /// The endings of [`key_endings`] are the fingerprints of those
        /// a key set tells keys, and every key finds among them (by its
        /// fingerprint) the bodies it found among all endings
        /// ([`all_key_endings`], by its text), in the same order.
        #[test]
        fn keys_find_the_bodies_they_end_as_among_all_endings(
            names in prop::collection::vec(prop::collection::vec(key_piece(), 0..6), 0..8),
        ) {
            let keys: Vec<String> = names.iter().map(|n| key(&n.concat()).into_owned()).collect();
            let prints: Vec<u64> = keys.iter().map(|k| fingerprint(k)).collect();
            let (some, all) = (key_endings(&keys, &prints), all_key_endings(&keys));
            let mut by_text: Vec<(u64, usize)> = key_endings_byte_by_byte(&keys)
                .into_iter()
                .map(|(ending, j)| (fingerprint(ending), j))
                .collect();
            by_text.sort_unstable();
            prop_assert_eq!(&some, &by_text, "{:?}", keys);
            for short in &keys {
                let by_print = equal_range(&some, &fingerprint(short));
                let by_text = equal_range(&all, &short.as_str());
                prop_assert_eq!(
                    by_print.iter().map(|&(_, j)| j).collect::<Vec<_>>(),
                    by_text.iter().map(|&(_, j)| j).collect::<Vec<_>>(),
                    "{:?} in {:?}", short, keys
                );
            }
        }
    }

    proptest! {
        /// The spacing told by bytes and the head word found by bytes are
        /// those told by characters and found by the `str` methods, on
        /// names of Finnish-like pieces (every kind of space and dash
        /// among them) and on any string.
        #[test]
        fn spacing_and_head_words_agree_with_the_char_by_char_look(
            pieces in prop::collection::vec(name_piece(), 0..16),
            noise in any::<String>(),
        ) {
            for name in [pieces.concat(), noise] {
                prop_assert_eq!(
                    is_single_spaced(&name),
                    is_single_spaced_by_chars(&name),
                    "{:?}", name
                );
                let key = key(&name);
                prop_assert_eq!(head_word(&key), head_word_by_str(&key), "{:?}", name);
                prop_assert_eq!(head_word(&name), head_word_by_str(&name), "{:?}", name);
            }
        }

        /// The key lowered by [`lower_c3_only`] is the key lowered by
        /// [`lower_cow`], borrowed exactly when that one is, on names of
        /// Finnish-like pieces (capitals Ä Ö Å, ß, ×, every space and dash)
        /// ending at every offset of a group of eight, and on any string.
        #[test]
        fn key_agrees_with_lowering_by_lower_cow(
            pieces in prop::collection::vec(name_piece(), 0..16),
            cut in 0usize..8,
            noise in any::<String>(),
        ) {
            let whole = pieces.concat();
            let end = (0..=whole.len().saturating_sub(cut))
                .rev()
                .find(|&e| whole.is_char_boundary(e))
                .unwrap_or(0);
            for name in [whole.as_str(), &whole[..end], noise.as_str()] {
                let (new, old) = (key(name), key_by_lower_cow(name));
                prop_assert_eq!(&new, &old, "{:?}", name);
                prop_assert_eq!(
                    matches!(new, Cow::Borrowed(_)),
                    matches!(old, Cow::Borrowed(_)),
                    "{:?}", name
                );
            }
        }

        #[test]
        fn spelling_read_off_the_key_agrees_with_spelling_the_name(
            pieces in prop::collection::vec(name_piece(), 0..16),
            noise in any::<String>(),
        ) {
            for name in [pieces.concat(), noise] {
                let (mut new, mut old) = (String::from("x"), String::from("x"));
                let key = spell_keyed(&name, &mut new);
                spell_into_by_runs(&name, &mut old);
                prop_assert_eq!(new, old, "{:?}", name);
                prop_assert_eq!(key, key_by_lower_cow(&name), "{:?}", name);
            }
        }

        /// A registry adding names with their spellings and keys from
        /// [`SPELLINGS`] indexes and keys them as one spelling and keying
        /// each name ([`Registry::add_by_spelling`]): names of Finnish-like
        /// pieces (written several ways: case, spaces, hyphens), each added
        /// several times, the cache emptied or not at the start, and any
        /// string.
        #[test]
        fn adding_with_cached_spellings_agrees_with_spelling_each_name(
            names in prop::collection::vec(prop::collection::vec(name_piece(), 0..8), 0..12),
            picks in prop::collection::vec(0usize..12, 0..24),
            empty_first in any::<bool>(),
            noise in any::<String>(),
        ) {
            if empty_first {
                SPELLINGS.with(|c| c.borrow_mut().clear());
            }
            let mut names: Vec<String> = names.iter().map(|n| n.concat()).collect();
            names.push(noise);
            let (mut new, mut old) = (Registry::default(), Registry::default());
            let order = names.iter().chain(picks.iter().filter_map(|&k| names.get(k)));
            for (at, name) in order.enumerate() {
                let i = new.add(name, || body(name, None, at));
                let j = old.add_by_spelling(name, || body(name, None, at));
                prop_assert_eq!(i, j, "{:?}", name);
            }
            let new_keys: Vec<&str> = new.spelts.iter().map(|s| &*s.key).collect();
            prop_assert_eq!(&new_keys, &old.keys);
            prop_assert_eq!(&new.index, &old.index);
            prop_assert_eq!(new.bodies.len(), old.bodies.len());
        }

        #[test]
        fn spelling_agrees_with_the_run_by_run_spelling(
            pieces in prop::collection::vec(name_piece(), 0..16),
            noise in any::<String>(),
        ) {
            for name in [pieces.concat(), noise] {
                let (mut new, mut old) = (String::from("x"), String::from("x"));
                spell_into(&name, &mut new);
                spell_into_by_runs(&name, &mut old);
                prop_assert_eq!(new, old, "{:?}", name);
            }
        }
    }
}
