//! Email addresses, plain (`leena.virtanen@tampere.fi`), obfuscated
//! (`leena.virtanen[at]tampere.fi`, `(at)`, `[ät]`, `[a]`, ` at `) or as a
//! template for everybody (`etunimi.sukunimi@pohjois-pohjanmaa.fi`).
//!
//! The scanner looks for an at-sign or one of its written-out forms, then
//! reads the local part to its left and the domain to its right, so a
//! `mailto:` before an address and sentence punctuation after it
//! (`… pirkanmaa.fi.`) stay outside the match. A domain needs a dot and an
//! alphabetic top-level label; a label that starts with a capital after a
//! complete domain is the next sentence glued on (`tampere.fi.Seuraava`).
//! The bare ` at ` form counts only between an address-like local part and a
//! lower-case domain under a common top-level domain.
//!
//! Addresses are returned in lower case. Templates (`etunimi.sukunimi`,
//! `sukunimi.etunimi`, `firstname.lastname`, `etu.sukunimi`,
//! `fornamn.efternamn`, with `.`, `_` or `-` between) become an
//! [`EmailTemplate`] that [`EmailTemplate::resolve`]s per person.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{char, satisfy};
use nom::combinator::opt;
use nom::{IResult, Parser};

use crate::model::Span;
use crate::text::{ToLower, is_inline_space, is_space};

/// An email address, or a template of addresses (`etunimi.sukunimi@popmaakunta.fi`), found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EmailMatch<'a> {
    /// Where the address lies in the text searched (without `mailto:` or final punctuation).
    pub span: Span,
    /// The address as written, e.g. `Leena.Virtanen(at)Tampere.fi`.
    pub text: &'a str,
    /// What the address is.
    pub address: EmailAddress,
}

/// What an [`EmailMatch`] holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmailAddress {
    /// A real address, lower case, with `@` (`leena.virtanen@tampere.fi`).
    Plain(String),
    /// A pattern to fill in per person.
    Template(EmailTemplate),
}

/// `etunimi.sukunimi@domain` and its variants: the addresses of everybody at
/// an organisation, built from their names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailTemplate {
    /// Whether the given name comes first (`etunimi.sukunimi`).
    given_first: bool,
    /// What stands between the names: `.`, `_` or `-`.
    separator: char,
    /// The domain, lower case.
    domain: String,
}

impl EmailTemplate {
    /// The address of one person: lower case, `ä`→`a`, `ö`→`o`, `å`→`a`,
    /// `é`→`e` and the other Latin diacritics folded, hyphens kept
    /// (`Lehto-Mäkelä` → `lehto-makela`), other punctuation dropped.
    ///
    /// A space inside a name becomes the template's separator, the way
    /// directories build addresses from registered names: (`Anna Maria`,
    /// `Öhman`) → `anna.maria.ohman@…`. Pass only the given name the person
    /// uses when they have several. An empty name leaves its part and the
    /// separator out.
    pub fn resolve(&self, given_names: &str, family_name: &str) -> String {
        let given = fold_name(given_names, self.separator);
        let family = fold_name(family_name, self.separator);
        let (first, second) = if self.given_first {
            (given, family)
        } else {
            (family, given)
        };
        let mut local = first;
        if !local.is_empty() && !second.is_empty() {
            local.push(self.separator);
        }
        local.push_str(&second);
        format!("{local}@{}", self.domain)
    }

    /// The domain every address of the template shares, lower case.
    pub fn domain(&self) -> &str {
        &self.domain
    }
}

type Res<'a, T> = IResult<&'a str, T>;

/// Placeholder words for the given name in a template's local part.
const GIVEN_PLACEHOLDERS: &[&str] = &["etunimi", "etu", "firstname", "first", "fornamn", "förnamn"];

/// Placeholder words for the family name in a template's local part.
const FAMILY_PLACEHOLDERS: &[&str] = &[
    "sukunimi",
    "suku",
    "lastname",
    "last",
    "surname",
    "efternamn",
];

/// Separators between the two placeholders of a template.
const TEMPLATE_SEPARATORS: &[char] = &['.', '_', '-'];

/// Written-out at-signs inside brackets (`[at]`, `(ät)`, `[a]`), any case.
const BRACKETED_AT: &[&str] = &["at", "ät", "a", "ä", "at-merkki", "miukumauku"];

/// Top-level domains trusted after a bare ` at ` (where `at` is an English word).
const AT_WORD_TLDS: &[&str] = &["fi", "ax", "se", "eu", "com", "net", "org", "info"];

/// Letters folded to ASCII in addresses built from names.
const FOLDS: &[(char, &str)] = &[
    ('ä', "a"),
    ('å', "a"),
    ('á', "a"),
    ('à', "a"),
    ('â', "a"),
    ('ã', "a"),
    ('ā', "a"),
    ('ą', "a"),
    ('æ', "ae"),
    ('ö', "o"),
    ('ø', "o"),
    ('ó', "o"),
    ('ò', "o"),
    ('ô', "o"),
    ('õ', "o"),
    ('ő', "o"),
    ('œ', "oe"),
    ('é', "e"),
    ('è', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ě', "e"),
    ('ę', "e"),
    ('í', "i"),
    ('ì', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ü', "u"),
    ('ú', "u"),
    ('ù', "u"),
    ('û', "u"),
    ('ű', "u"),
    ('ů', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('š', "s"),
    ('ś', "s"),
    ('ş', "s"),
    ('ž', "z"),
    ('ź', "z"),
    ('ż', "z"),
    ('č', "c"),
    ('ć', "c"),
    ('ç', "c"),
    ('ñ', "n"),
    ('ń', "n"),
    ('ň', "n"),
    ('ł', "l"),
    ('ř', "r"),
    ('ď', "d"),
    ('ð', "d"),
    ('ť', "t"),
    ('þ', "th"),
    ('ß', "ss"),
];

/// Longest local part read to the left of an at-sign (RFC 5321).
const MAX_LOCAL: usize = 64;

/// Longest domain read to the right of an at-sign (RFC 1035).
const MAX_DOMAIN: usize = 253;

/// The kinds of at-sign, which differ in what they demand of their neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `@`, `[at]`, `(at)`, `[ät]`, `[a]` …
    Sign,
    /// A bare ` at ` between spaces.
    Word,
}

/// A character of a local part: letters, digits, `.`, `_`, `-`, `+`.
fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')
}

/// A character of a domain: letters, digits, `-`, `.`.
fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.')
}

/// One written-out at-sign in brackets, e.g. `[at]` or `(ät)`.
fn bracketed_at(input: &str) -> Res<'_, ()> {
    let (rest, open) = alt((char('['), char('('))).parse(input)?;
    let close = if open == '[' { ']' } else { ')' };
    for word in BRACKETED_AT {
        if let Ok((after, _)) = (
            tag_no_case::<_, _, nom::error::Error<&str>>(*word),
            char(close),
        )
            .parse(rest)
        {
            return Ok((after, ()));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// `@` itself.
fn at_sign(input: &str) -> Res<'_, Marker> {
    let (rest, _) = tag("@").parse(input)?;
    Ok((rest, Marker::Sign))
}

/// A bracketed at-sign with a space allowed on either side (`nimi [at] x.fi`).
fn bracket_marker(input: &str) -> Res<'_, Marker> {
    let space = || opt(satisfy(is_inline_space));
    let (rest, _) = (space(), bracketed_at, space()).parse(input)?;
    Ok((rest, Marker::Sign))
}

/// ` at ` or ` @ ` between single spaces.
fn word_marker(input: &str) -> Res<'_, Marker> {
    let space = || satisfy(is_inline_space);
    let (rest, _) = (space(), alt((tag("at"), tag("@"))), space()).parse(input)?;
    Ok((rest, Marker::Word))
}

/// An at-sign at the start of `input`, in any of its forms.
fn marker(input: &str) -> Res<'_, Marker> {
    alt((at_sign, bracket_marker, word_marker)).parse(input)
}

/// Byte offset where the local part ending at `end` starts, or None if there
/// is no usable local part (empty, too long, `..`, ending in `.`).
fn local_start(text: &str, end: usize) -> Option<usize> {
    let before = text.get(..end)?;
    let mut start = end;
    for (count, (i, c)) in before.char_indices().rev().enumerate() {
        if !is_local_char(c) {
            break;
        }
        if count >= MAX_LOCAL {
            return None;
        }
        start = i;
    }
    let raw = text.get(start..end)?;
    let trimmed = raw.trim_start_matches(['.', '-', '_', '+']);
    let start = end - trimmed.len();
    let valid = !trimmed.is_empty() && !trimmed.ends_with('.') && !trimmed.contains("..");
    valid.then_some(start)
}

/// Whether `label` is a valid domain label: letters, digits and inner hyphens.
fn is_label(label: &str) -> bool {
    !label.is_empty() && !label.starts_with('-') && !label.ends_with('-')
}

/// Whether `label` can be a top-level domain: two or more ASCII letters.
fn is_tld(label: &str) -> bool {
    label.len() >= 2 && label.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Length of the domain at the start of `input`: whole labels up to an empty
/// or malformed one, or one with a capital after a complete domain, trimmed
/// back to the last alphabetic top-level label (and before a hyphenated
/// case ending). None without a dot.
fn domain_len(input: &str) -> Option<usize> {
    let mut scanned = 0;
    for (count, (i, c)) in input.char_indices().enumerate() {
        if !is_domain_char(c) || count >= MAX_DOMAIN {
            break;
        }
        scanned = i + c.len_utf8();
    }
    let candidate = input.get(..scanned)?;
    let mut ends: Vec<usize> = Vec::new();
    let mut offset = 0;
    for label in candidate.split('.') {
        let capital_after_domain = ends.len() >= 2 && label.starts_with(|c: char| c.is_uppercase());
        if !is_label(label) || capital_after_domain {
            break;
        }
        offset += label.len();
        ends.push(offset);
        offset += 1;
    }
    while ends.len() >= 2 {
        let len = *ends.last()?;
        let tld_start = ends.get(ends.len() - 2).copied()? + 1;
        let label = input.get(tld_start..len)?;
        if is_tld(label) {
            return Some(len);
        }
        // A Finnish case ending hyphenated onto the address (`x.fi-osoitteeseen`).
        if let Some((tld, _)) = label.split_once('-').filter(|(tld, _)| is_tld(tld)) {
            return Some(tld_start + tld.len());
        }
        ends.pop();
    }
    None
}

/// Whether a bare ` at ` is trusted: the local part looks like an address
/// (lower case, with `.`, `_` or `-`) and the domain is lower case under a
/// common top-level domain.
fn word_marker_trusted(local: &str, domain: &str) -> bool {
    let local_ok = local.chars().all(|c| !c.is_uppercase()) && local.contains(['.', '_', '-']);
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| AT_WORD_TLDS.contains(&tld));
    local_ok && tld_ok && domain.chars().all(|c| !c.is_uppercase())
}

/// The template a lower-case local part spells, if it is one.
fn template_of(local: &str, domain: &str) -> Option<EmailTemplate> {
    let separator = local.chars().find(|c| TEMPLATE_SEPARATORS.contains(c))?;
    let (first, second) = local.split_once(separator)?;
    let given_first =
        if GIVEN_PLACEHOLDERS.contains(&first) && FAMILY_PLACEHOLDERS.contains(&second) {
            true
        } else if FAMILY_PLACEHOLDERS.contains(&first) && GIVEN_PLACEHOLDERS.contains(&second) {
            false
        } else {
            return None;
        };
    Some(EmailTemplate {
        given_first,
        separator,
        domain: domain.to_owned(),
    })
}

/// One lower-case character of a name as it goes into an address: ASCII
/// letters and digits as they are, any dash as `-`, Latin letters with
/// diacritics folded by [`FOLDS`], anything else dropped.
fn fold_char(c: char, buf: &mut [u8; 4]) -> Option<&str> {
    if c.is_ascii_alphanumeric() {
        return Some(c.encode_utf8(buf));
    }
    if matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2014}') {
        return Some("-");
    }
    FOLDS.iter().find(|(from, _)| *from == c).map(|&(_, to)| to)
}

/// A name as it goes into an address: lower case, folded, runs of spaces to
/// one `separator`, hyphens kept, everything else dropped.
fn fold_name(name: &str, separator: char) -> String {
    let mut out = String::new();
    let mut space_pending = false;
    let mut buf = [0u8; 4];
    for c in name.chars().flat_map(char::to_lowercase) {
        if is_space(c) {
            space_pending = !out.is_empty();
            continue;
        }
        if let Some(piece) = fold_char(c, &mut buf) {
            if space_pending {
                out.push(separator);
                space_pending = false;
            }
            out.push_str(piece);
        }
    }
    out
}

/// The address around the marker at byte `at` (marker `len` bytes long):
/// its span and value.
fn address_at(text: &str, at: usize, len: usize, kind: Marker) -> Option<(Span, EmailAddress)> {
    let start = local_start(text, at)?;
    let local = text.get(start..at)?;
    let domain_start = at + len;
    let domain_len = domain_len(text.get(domain_start..)?)?;
    let end = domain_start + domain_len;
    let domain = text.get(domain_start..end)?;
    if kind == Marker::Word && !word_marker_trusted(local, domain) {
        return None;
    }
    let local = local.to_lower();
    let domain = domain.to_lower();
    let address = match template_of(&local, &domain) {
        Some(template) => EmailAddress::Template(template),
        None => EmailAddress::Plain([&*local, "@", &*domain].concat()),
    };
    Some((Span::new(start, end), address))
}

/// Where the space inside a line that ends at byte `at` starts, if one does.
fn space_before(text: &str, at: usize) -> Option<usize> {
    let c = text.get(..at)?.chars().next_back()?;
    is_inline_space(c).then(|| at - c.len_utf8())
}

/// The union of two ascending runs of offsets, ascending.
fn merge_ascending(
    a: impl Iterator<Item = usize>,
    b: impl Iterator<Item = usize>,
) -> impl Iterator<Item = usize> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// Every offset where a marker may start, ascending: each `@`, `[` and
/// `(`, and a space inside a line just before one of them or before `at`
/// (see [`marker`]). Every marker holds one of those bytes or `at`, so
/// memchr and memmem find them all without the text being walked a byte
/// at a time; most texts hold few of them.
fn marker_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let signs = memchr::memchr3_iter(b'@', b'[', b'(', bytes)
        .flat_map(move |at| space_before(text, at).into_iter().chain(Some(at)));
    let words =
        memchr::memmem::find_iter(bytes, b"at").filter_map(move |at| space_before(text, at));
    merge_ascending(signs, words)
}

/// Every email address and address template in `text`, in order, none
/// overlapping. Runs in time linear in the length of `text`.
///
/// ```
/// use sote_records::recognise::email::{EmailAddress, find_emails};
///
/// let text = "Sähköpostit muotoa etunimi.sukunimi@omahame.fi; kirjaamo(at)omahame.fi.";
/// let found = find_emails(text);
/// assert_eq!(found.len(), 2);
/// match &found[0].address {
///     EmailAddress::Template(t) => {
///         assert_eq!(t.resolve("Aino", "Kärkkäinen"), "aino.karkkainen@omahame.fi")
///     }
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(found[1].text, "kirjaamo(at)omahame.fi");
/// assert_eq!(found[1].address, EmailAddress::Plain("kirjaamo@omahame.fi".into()));
/// ```
pub fn find_emails(text: &str) -> Vec<EmailMatch<'_>> {
    let mut found = Vec::new();
    let mut resume = 0;
    for i in marker_starts(text) {
        if i < resume {
            continue;
        }
        if let Some(m) = email_at(text, i) {
            resume = m.span.end;
            found.push(m);
        }
    }
    found
}

/// The address or template whose marker starts at byte `i` of `text`, if
/// a marker starts there and a usable address surrounds it.
fn email_at(text: &str, i: usize) -> Option<EmailMatch<'_>> {
    let rest = text.get(i..)?;
    let (after, kind) = marker(rest).ok()?;
    let len = rest.len() - after.len();
    let (span, address) = address_at(text, i, len, kind)?;
    Some(EmailMatch {
        span,
        text: text.get(span.range())?,
        address,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // The scan as it was, walking every byte to the next that may start a
    // marker: the oracle of `find_emails`.

    /// The bytes a marker can start at: `@`, `[`, `(`, and the first bytes of
    /// the spaces inside a line (space, tab, and the UTF-8 leads of the other
    /// Unicode spaces: `C2` for NBSP, `E1`, `E2`, `E3`, `EF` for the rest). Other
    /// bytes, `ä` and `ö` among them, start none.
    static MARKER_LEADS: [bool; 256] = {
        let mut leads = [false; 256];
        let bytes = [b'@', b'[', b'(', b' ', b'\t', 0xC2, 0xE1, 0xE2, 0xE3, 0xEF];
        let mut k = 0;
        while k < bytes.len() {
            leads[bytes[k] as usize] = true;
            k += 1;
        }
        leads
    };

    /// The first byte at or after `from` that may start a marker: a byte of
    /// [`MARKER_LEADS`], an ASCII space only before a byte that a marker after a
    /// space can start with (see [`find_emails`]). Most spaces of a text are
    /// passed over here, without decoding them.
    fn next_lead(bytes: &[u8], from: usize) -> Option<usize> {
        let rest = bytes.get(from..)?;
        let off = rest.iter().enumerate().position(|(k, &b)| {
            MARKER_LEADS[usize::from(b)]
                && (b != b' ' || matches!(rest.get(k + 1), Some(b'a' | b'@' | b'[' | b'(')))
        })?;
        Some(from + off)
    }

    /// [`find_emails`] by walking the text byte by byte.
    fn find_emails_by_leads(text: &str) -> Vec<EmailMatch<'_>> {
        let mut found = Vec::new();
        let mut resume = 0;
        let bytes = text.as_bytes();
        let mut next = 0;
        // Most bytes can start no marker: they are passed over in one search,
        // without decoding, to the next byte of [`MARKER_LEADS`].
        while let Some(i) = next_lead(bytes, next) {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                next = i + 1;
                continue;
            };
            next = i + c.len_utf8();
            if i < resume || !(c == '@' || c == '[' || c == '(' || is_inline_space(c)) {
                continue;
            }
            // After a space only `at`, `@` or a bracket can make a marker: most
            // spaces are passed over without trying the parsers.
            if is_inline_space(c)
                && !matches!(
                    text.as_bytes().get(i + c.len_utf8()),
                    Some(b'a' | b'@' | b'[' | b'(')
                )
            {
                continue;
            }
            if let Some(m) = email_at(text, i) {
                resume = m.span.end;
                found.push(m);
            }
        }
        found
    }

    #[test]
    fn every_marker_start_has_a_lead_byte() {
        // Every character the scan must stop at (a marker's first
        // character or a space inside a line) starts with a lead byte.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if matches!(c, '@' | '[' | '(') || is_inline_space(c) {
                let mut buf = [0; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(MARKER_LEADS[usize::from(first)], "{c:?}");
            }
        }
        // `ä`, `ö` and letters are passed over.
        for b in [b'a', b'.', 0xC3, 0x80] {
            assert!(!MARKER_LEADS[usize::from(b)], "{b:#x}");
        }
    }
    #[test]
    fn markers_after_a_space_are_found() {
        // The scan passes over most spaces; not those before `[`, `(`, `@`
        // or `a`, where a spaced marker may start.
        for (text, want) in [
            (
                "Yhteys: ville.koski [at] lohja.fi.",
                "ville.koski [at] lohja.fi",
            ),
            (
                "Yhteys: ville.koski (ät) lohja.fi.",
                "ville.koski (ät) lohja.fi",
            ),
            ("Yhteys: ville.koski @ lohja.fi.", "ville.koski @ lohja.fi"),
            (
                "Yhteys: ville.koski at lohja.fi.",
                "ville.koski at lohja.fi",
            ),
        ] {
            let found: Vec<&str> = find_emails(text).iter().map(|m| m.text).collect();
            assert_eq!(found, [want], "{text}");
        }
        assert_eq!(next_lead(b"ab cd ax", 0), Some(5));
        assert_eq!(next_lead(b"ab cd ax", 6), None);
        assert_eq!(next_lead(b"x\t y", 0), Some(1));
    }

    use proptest::prelude::*;

    /// Expected value of one match: a plain address, or a template shown
    /// by its address for the test person Aino Kärkkäinen.
    #[derive(Debug, PartialEq)]
    enum Want {
        Plain(&'static str),
        Template(&'static str),
    }

    /// Whether `address` is what `want` describes.
    fn is_wanted(address: &EmailAddress, want: &Want) -> bool {
        match (address, want) {
            (EmailAddress::Plain(got), Want::Plain(w)) => got == w,
            (EmailAddress::Template(t), Want::Template(w)) => t.resolve("Aino", "Kärkkäinen") == *w,
            _ => false,
        }
    }

    /// `(input, expected [(text, value)])`, checked by hand.
    const ROWS: &[(&str, &[(&str, Want)])] = &[
        (
            "Lisätietoja: leena.virtanen@tampere.fi",
            &[(
                "leena.virtanen@tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "Leena.Virtanen@Tampere.fi",
            &[(
                "Leena.Virtanen@Tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen[at]tampere.fi",
            &[(
                "leena.virtanen[at]tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen(at)tampere.fi",
            &[(
                "leena.virtanen(at)tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen at tampere.fi",
            &[(
                "leena.virtanen at tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen[ät]tampere.fi",
            &[(
                "leena.virtanen[ät]tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen[a]tampere.fi",
            &[(
                "leena.virtanen[a]tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "sähköposti leena.virtanen (AT) tampere.fi",
            &[(
                "leena.virtanen (AT) tampere.fi",
                Want::Plain("leena.virtanen@tampere.fi"),
            )],
        ),
        (
            "<a href=\"mailto:kari.nieminen@lapinliitto.fi\">",
            &[(
                "kari.nieminen@lapinliitto.fi",
                Want::Plain("kari.nieminen@lapinliitto.fi"),
            )],
        ),
        (
            "Kysy lisää: outi.rinne@pirkanmaa.fi.",
            &[(
                "outi.rinne@pirkanmaa.fi",
                Want::Plain("outi.rinne@pirkanmaa.fi"),
            )],
        ),
        (
            "(outi.rinne@pirkanmaa.fi), tai",
            &[(
                "outi.rinne@pirkanmaa.fi",
                Want::Plain("outi.rinne@pirkanmaa.fi"),
            )],
        ),
        (
            "kirjaamo@hameenlinna.fi.Seuraava kokous",
            &[(
                "kirjaamo@hameenlinna.fi",
                Want::Plain("kirjaamo@hameenlinna.fi"),
            )],
        ),
        (
            "Lähetä kirjaamo@tampere.fi-osoitteeseen.",
            &[("kirjaamo@tampere.fi", Want::Plain("kirjaamo@tampere.fi"))],
        ),
        (
            "juha-pekka.aho@keski-suomi.fi",
            &[(
                "juha-pekka.aho@keski-suomi.fi",
                Want::Plain("juha-pekka.aho@keski-suomi.fi"),
            )],
        ),
        (
            "a.b@sote.kainuu.fi",
            &[("a.b@sote.kainuu.fi", Want::Plain("a.b@sote.kainuu.fi"))],
        ),
        (
            "kari.nieminen@lapinliitto.fi, outi.rinne@pirkanmaa.fi",
            &[
                (
                    "kari.nieminen@lapinliitto.fi",
                    Want::Plain("kari.nieminen@lapinliitto.fi"),
                ),
                (
                    "outi.rinne@pirkanmaa.fi",
                    Want::Plain("outi.rinne@pirkanmaa.fi"),
                ),
            ],
        ),
        // Templates.
        (
            "etunimi.sukunimi@pohjois-pohjanmaa.fi",
            &[(
                "etunimi.sukunimi@pohjois-pohjanmaa.fi",
                Want::Template("aino.karkkainen@pohjois-pohjanmaa.fi"),
            )],
        ),
        (
            "Sähköpostit etunimi.sukunimi(at)eksote.fi",
            &[(
                "etunimi.sukunimi(at)eksote.fi",
                Want::Template("aino.karkkainen@eksote.fi"),
            )],
        ),
        (
            "Email: firstname.lastname@vshp.fi",
            &[(
                "firstname.lastname@vshp.fi",
                Want::Template("aino.karkkainen@vshp.fi"),
            )],
        ),
        (
            "etu.sukunimi@kymsote.fi",
            &[(
                "etu.sukunimi@kymsote.fi",
                Want::Template("aino.karkkainen@kymsote.fi"),
            )],
        ),
        (
            "sähköpostit muotoa etunimi.sukunimi@omahame.fi",
            &[(
                "etunimi.sukunimi@omahame.fi",
                Want::Template("aino.karkkainen@omahame.fi"),
            )],
        ),
        (
            "sukunimi.etunimi@siunsote.fi",
            &[(
                "sukunimi.etunimi@siunsote.fi",
                Want::Template("karkkainen.aino@siunsote.fi"),
            )],
        ),
        (
            "Etunimi.Sukunimi@Essote.fi",
            &[(
                "Etunimi.Sukunimi@Essote.fi",
                Want::Template("aino.karkkainen@essote.fi"),
            )],
        ),
        (
            "e-post: fornamn.efternamn@ovph.fi",
            &[(
                "fornamn.efternamn@ovph.fi",
                Want::Template("aino.karkkainen@ovph.fi"),
            )],
        ),
        (
            "etunimi_sukunimi@phhyky.fi",
            &[(
                "etunimi_sukunimi@phhyky.fi",
                Want::Template("aino_karkkainen@phhyky.fi"),
            )],
        ),
        // Not addresses.
        ("Seuraa meitä: @kuntaliitto", &[]),
        ("a@b", &[]),
        ("katso https://paijat-sote.fi/soteuudistus", &[]),
        ("Lisää Popmaakunta.fi sivuilla", &[]),
        ("etunimi.sukunimi@", &[]),
        ("Tapaaminen at hotel", &[]),
        ("Meet Leena at Tampere.fi", &[]),
        ("info at tampere.fi", &[]),
        ("https://medium.com/@sote/uutinen", &[]),
        ("kirjaamo@tampere.f", &[]),
        ("kirjaamo@tampere.123", &[]),
        ("leena..virtanen@tampere.fi", &[]),
        ("leena.@tampere.fi", &[]),
        ("kirjaamo@-tampere.fi", &[]),
        ("[at] (at) @ at", &[]),
        ("", &[]),
    ];

    #[test]
    fn the_only_ascii_spaces_inside_a_line_are_space_and_tab() {
        // `find_emails` passes over every other ASCII byte but `@ [ (`.
        for b in 0u8..0x80 {
            let c = char::from(b);
            assert_eq!(is_inline_space(c), matches!(c, ' ' | '\t'), "{c:?}");
        }
    }

    #[test]
    fn table_rows() {
        for (input, want) in ROWS {
            let found = find_emails(input);
            assert_eq!(found.len(), want.len(), "{input:?}: {found:?}");
            for (m, (text, value)) in found.iter().zip(want.iter()) {
                assert_eq!(m.text, *text, "{input:?}");
                assert!(is_wanted(&m.address, value), "{input:?}: {m:?}");
                assert_eq!(input.get(m.span.range()), Some(m.text), "{input:?}");
            }
        }
    }

    fn template(text: &str) -> EmailTemplate {
        match find_emails(text).first().map(|m| &m.address) {
            Some(EmailAddress::Template(t)) => t.clone(),
            other => panic!("{text:?} is no template: {other:?}"),
        }
    }

    #[test]
    fn resolution_rows() {
        let pp = template("etunimi.sukunimi@pohjois-pohjanmaa.fi");
        let rows: &[(&EmailTemplate, &str, &str, &str)] = &[
            (
                &pp,
                "Aino",
                "Kärkkäinen",
                "aino.karkkainen@pohjois-pohjanmaa.fi",
            ),
            (
                &pp,
                "Riikka",
                "Lehto-Mäkelä",
                "riikka.lehto-makela@pohjois-pohjanmaa.fi",
            ),
            (
                &pp,
                "Anna Maria",
                "Öhman",
                "anna.maria.ohman@pohjois-pohjanmaa.fi",
            ),
            (&pp, "Åsa", "Sjöström", "asa.sjostrom@pohjois-pohjanmaa.fi"),
            (
                &pp,
                "Jean-Pierre",
                "Lefèvre",
                "jean-pierre.lefevre@pohjois-pohjanmaa.fi",
            ),
            (&pp, " Eero ", "Ylönen", "eero.ylonen@pohjois-pohjanmaa.fi"),
            (&pp, "Zoë", "Müller", "zoe.muller@pohjois-pohjanmaa.fi"),
            (&pp, "Mikko", "O'Brien", "mikko.obrien@pohjois-pohjanmaa.fi"),
            (&pp, "", "Ylönen", "ylonen@pohjois-pohjanmaa.fi"),
        ];
        for (t, given, family, want) in rows {
            assert_eq!(t.resolve(given, family), *want, "{given} {family}");
        }
        let reversed = template("sukunimi.etunimi@siunsote.fi");
        assert_eq!(
            reversed.resolve("Aino", "Kärkkäinen"),
            "karkkainen.aino@siunsote.fi"
        );
        assert_eq!(reversed.domain(), "siunsote.fi");
        let underscore = template("etunimi_sukunimi@phhyky.fi");
        assert_eq!(
            underscore.resolve("Anna Maria", "Öhman"),
            "anna_maria_ohman@phhyky.fi"
        );
    }

    #[test]
    fn pathological_inputs_finish() {
        let long = [
            "@".repeat(100_000),
            "a@".repeat(50_000),
            "a.".repeat(50_000) + "@x.fi",
            format!("x@{}", "a.".repeat(50_000)),
            "[at]".repeat(30_000),
            " at ".repeat(30_000),
            "a(a)".repeat(30_000),
        ];
        for text in &long {
            for m in find_emails(text) {
                assert_eq!(text.get(m.span.range()), Some(m.text));
            }
        }
    }

    /// Pieces of Finnish announcements that addresses are made of.
    const PIECES: &[&str] = &[
        "@",
        "[at]",
        "(at)",
        "[a]",
        " at ",
        "etunimi",
        "sukunimi",
        ".",
        "-",
        "_",
        "fi",
        "com",
        "tampere",
        "pohjois-pohjanmaa",
        "Leena",
        "mailto:",
        "https://",
        "/",
        " ",
        "\u{a0}",
        "\n",
        "ä",
        "ö",
        "å",
        "É",
        "\u{301}",
        "\u{0}",
        "0",
        "9",
        "p.",
        "euroa",
        ",",
        "(",
        ")",
        "[",
        "]",
    ];

    /// Pieces around markers for comparing the scan with its oracle: every
    /// kind of space inside a line before and after `at`, `@` and brackets,
    /// line breaks, capitals, Finnish letters and words with `at` inside.
    const SCAN_PIECES: &[&str] = &[
        "@",
        "[",
        "]",
        "(",
        ")",
        "at",
        "AT",
        "ät",
        "a",
        "ä",
        "t",
        " ",
        "\t",
        "\u{a0}",
        "\u{2009}",
        "\u{3000}",
        "\u{feff}",
        "\u{202f}",
        "\n",
        "\r",
        "leena.virtanen",
        "etunimi.sukunimi",
        "Kärkkäinen",
        "tampere",
        ".",
        "fi",
        "com",
        "-",
        "_",
        "ovat",
        "Tapaaminen",
        "2019",
        "–",
        "miukumauku",
        "at-merkki",
        "§",
        " [at] ",
        " (AT) ",
        "\u{a0}(ät)\u{a0}",
        " @ ",
        " at ",
        "\tat\u{2009}",
        " [a]",
        "tampere.fi",
        "x.fi ",
        "leena.virtanen ",
        "kirjaamo\u{a0}",
    ];

    /// Few pieces, whole addresses of each marker and their parts, so that
    /// texts of them often hold several addresses close together.
    const ADDRESS_PIECES: &[&str] = &[
        "leena.virtanen at tampere.fi",
        "x@tampere.fi",
        "a.b [at] x.fi",
        "a.b\u{a0}@\u{2009}x.fi",
        "leena.virtanen",
        " at ",
        "@",
        " [at] ",
        "(at)",
        "tampere.fi",
        " ",
        ". ",
    ];

    fn assert_spans(text: &str) {
        for m in find_emails(text) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert_eq!(text.get(m.span.range()), Some(m.text));
        }
    }

    proptest! {
        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>()) {
            assert_spans(&text);
        }

        #[test]
        fn announcement_alphabet_never_panics(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            assert_spans(&pieces.concat());
        }

        #[test]
        fn marker_starts_find_what_walking_every_byte_finds(
            pieces in prop_oneof![
                prop::collection::vec(prop::sample::select(SCAN_PIECES), 0..40),
                prop::collection::vec(prop::sample::select(ADDRESS_PIECES), 0..12),
            ]
        ) {
            let text = pieces.concat();
            prop_assert_eq!(find_emails(&text), find_emails_by_leads(&text));
        }

        #[test]
        fn resolve_never_panics(given in any::<String>(), family in any::<String>()) {
            let t = template("etunimi.sukunimi@x.fi");
            let address = t.resolve(&given, &family);
            prop_assert!(address.ends_with("@x.fi"));
            prop_assert!(address.is_ascii());
        }
    }
}
