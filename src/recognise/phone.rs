//! Finnish telephone numbers, normalised to E.164: `0400 389 152`,
//! `+358 (0)40 675 1230`, `(09) 310 1691`, `p.040 123 4567`.
//!
//! A number is a national one (trunk prefix `0`, then a digit 1–9: mobile
//! `04x`/`050`, area codes `02`–`09` and `013`–`019`, service numbers
//! `010`, `020x`, `029x`, `030`, `0700` …) or an international one
//! (`+358` or `00358`, optionally `(0)`). Its digit groups may be separated by
//! one space of any width or one dash, and a national area code may stand in
//! parentheses. The national significant number (the digits after `+358`)
//! has 5–10 digits (up to 12 after `+358`); an unlabelled national number
//! needs at least 7, a labelled one (`p.`, `puh.`, `tel.`, `gsm`,
//! `matkapuhelin`, `vaihde` …) or an international one at least 5.
//!
//! What is *not* a number: dates and clock times (`01.02.2019`, `09.30`),
//! sums (`3 050 000 euroa`), years and ranges (`2018–2019`), postal codes
//! (`02100 Espoo` has too few digits), business IDs (`0123456-7`), ISBNs,
//! document numbers (`012/00.01.00/2018`). Numbers labelled as fax
//! (`faksi`, `fax`, `telefax`) are skipped: they are nobody's phone.
//!
//! Two numbers side by side stay two: a group that starts with `0` after a
//! complete number (seven digits or more) starts a new one, and joining
//! stops at the length limit.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, digit1, satisfy};
use nom::combinator::{opt, verify};
use nom::{IResult, Parser};

use crate::model::Span;
use crate::text::{ToLower, is_inline_space, is_space};

/// A telephone number found in a text, in E.164.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PhoneMatch<'a> {
    /// Where the number lies in the text searched; a label (`p.`, `puh.`) is not part of it.
    pub span: Span,
    /// The number as written, e.g. `0400 389 152`.
    pub text: &'a str,
    /// The number in E.164, e.g. `+358400389152`.
    pub e164: String,
}

type Res<'a, T> = IResult<&'a str, T>;

/// What a label before a number says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// A telephone (`puh.`, `gsm`, `vaihde`).
    Phone,
    /// A fax machine (`faksi`): not reported.
    Fax,
}

/// Label words before a number, lower case, without their full stop or
/// colon (`p.`, `Puh:`, `GSM`, `tfn` in Swedish-language pages).
const LABELS: &[(&str, Label)] = &[
    ("p", Label::Phone),
    ("puh", Label::Phone),
    ("puhelin", Label::Phone),
    ("puhelinnumero", Label::Phone),
    ("puhelinnro", Label::Phone),
    ("matkapuhelin", Label::Phone),
    ("matkap", Label::Phone),
    ("gsm", Label::Phone),
    ("mob", Label::Phone),
    ("mobile", Label::Phone),
    ("tel", Label::Phone),
    ("tfn", Label::Phone),
    ("telefon", Label::Phone),
    ("phone", Label::Phone),
    ("vaihde", Label::Phone),
    ("fax", Label::Fax),
    ("faksi", Label::Fax),
    ("telefax", Label::Fax),
    ("telekopio", Label::Fax),
];

/// Words after a digit run that make it a sum or a count, not a number.
const NOT_PHONE_AFTER: &[&str] = &["€", "euro", "EUR", "milj", "mrd", "%", "prosent", "kpl"];

/// Longest label word looked for behind a number, in characters.
const MAX_LABEL_CHARS: usize = 16;

/// Length limits on the national significant number (digits after +358).
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Most digits of a national number (written with the trunk `0`).
    national_max: usize,
    /// Most digits of an international number (written with `+358`).
    international_max: usize,
}

/// Limits in running text: real Finnish numbers have at most 10 digits
/// after the trunk prefix; more would join neighbours.
const IN_TEXT: Limits = Limits {
    national_max: 10,
    international_max: 12,
};

/// Limits for [`normalize`]: whatever E.164 allows for Finland.
const SINGLE: Limits = Limits {
    national_max: 12,
    international_max: 12,
};

/// Fewest digits after +358 of any number.
const MIN_DIGITS: usize = 5;

/// Fewest digits after the trunk `0` of a national number with no label.
const MIN_DIGITS_UNLABELLED: usize = 7;

/// Fewest digits after the trunk `0` of an unlabelled national number
/// written as one run (`0401234567`); shorter runs are more often reference
/// or document numbers than phones.
const MIN_DIGITS_UNLABELLED_RUN: usize = 8;

/// A group that starts with `0` after this many digits starts a new number.
const COMPLETE_DIGITS: usize = 7;

/// A number read from the start of some input.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Number {
    /// The national significant number: the digits after +358.
    digits: String,
    /// Whether it was written with +358 or 00358.
    international: bool,
    /// How many digit groups it was written in (a parenthesised area code is one).
    groups: usize,
}

impl Number {
    /// A number read so far.
    fn new(digits: String, international: bool, groups: usize) -> Number {
        Number {
            digits,
            international,
            groups,
        }
    }

    /// Fewest digits it needs to count, given the label before it.
    fn min_digits(&self, label: Option<Label>) -> usize {
        match (self.international, label, self.groups) {
            (true, _, _) | (false, Some(Label::Phone), _) => MIN_DIGITS,
            (false, _, 1) => MIN_DIGITS_UNLABELLED_RUN,
            (false, _, _) => MIN_DIGITS_UNLABELLED,
        }
    }
}

/// Hyphen-minus, the Unicode hyphens, figure dash, en dash, em dash, minus.
fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
    )
}

/// One separator between digit groups: a space or a dash.
fn separator(input: &str) -> Res<'_, char> {
    satisfy(|c| is_inline_space(c) || is_dash(c)).parse(input)
}

/// `+358` or `00358`, an optional separator, an optional `(0)`, and the first
/// group of the national significant number (starting 1–9).
fn international_start(input: &str) -> Res<'_, &str> {
    let (rest, (_, _, _, group)) = (
        alt((tag("+358"), tag("00358"))),
        opt(separator),
        opt((tag("(0)"), opt(separator))),
        verify(digit1, |d: &str| !d.starts_with('0')),
    )
        .parse(input)?;
    Ok((rest, group))
}

/// An area code in parentheses, `(09)` or `(017)`, and the first subscriber
/// group: returns the area digits without the trunk `0` and the group.
fn parenthesised_start(input: &str) -> Res<'_, (&str, &str)> {
    let (rest, (_, _, area, _, _, group)) = (
        char('('),
        char('0'),
        verify(digit1, |d: &str| d.len() <= 3 && !d.starts_with('0')),
        char(')'),
        opt(satisfy(is_inline_space)),
        digit1,
    )
        .parse(input)?;
    Ok((rest, (area, group)))
}

/// A first group with the trunk prefix, `040` or `0400389152`: returns it
/// without the `0`.
fn national_start(input: &str) -> Res<'_, &str> {
    let (rest, (_, group)) =
        (char('0'), verify(digit1, |d: &str| !d.starts_with('0'))).parse(input)?;
    Ok((rest, group))
}

/// The start of a number: `+358` and the first group, a parenthesised area
/// code and the first group, or a first group with the trunk `0`.
fn number_start(input: &str) -> Option<(&str, Number)> {
    if let Ok((rest, group)) = international_start(input) {
        return Some((rest, Number::new(group.to_owned(), true, 1)));
    }
    if let Ok((rest, (area, group))) = parenthesised_start(input) {
        let number = Number::new(format!("{area}{group}"), false, 2);
        return (group.len() >= 2).then_some((rest, number));
    }
    let (rest, group) = national_start(input).ok()?;
    Some((rest, Number::new(group.to_owned(), false, 1)))
}

/// Whether `rest` (what follows a number) glues it to something else: a
/// letter or digit, or punctuation before a digit (`09.30`, `0123456-7`).
fn runs_on(rest: &str) -> bool {
    let mut chars = rest.chars();
    let Some(next) = chars.next() else {
        return false;
    };
    if next.is_alphanumeric() {
        return true;
    }
    let joins = matches!(next, '.' | ',' | ':') || is_dash(next);
    joins && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// A whole number at the start of `input`, within `limits`.
///
/// After the first group, further groups join while each has two digits or
/// more, the total stays within the limit, and a group starting with `0`
/// does not follow a complete number. A number cut at a dash (`0123456-7`)
/// or glued to what follows is no number at all.
fn number(input: &str, limits: Limits) -> Option<(&str, Number)> {
    let (mut rest, mut number) = number_start(input)?;
    let max = if number.international {
        limits.international_max
    } else {
        limits.national_max
    };
    while let Ok((after, (sep, group))) = (separator, digit1).parse(rest) {
        let digits = number.digits.len();
        let new_number = group.starts_with('0') && digits >= COMPLETE_DIGITS;
        if group.len() < 2 || digits + group.len() > max || new_number {
            if is_dash(sep) {
                return None;
            }
            break;
        }
        number.digits.push_str(group);
        number.groups += 1;
        rest = after;
    }
    if runs_on(rest) || !(MIN_DIGITS..=max).contains(&number.digits.len()) {
        return None;
    }
    Some((rest, number))
}

/// Whether a sum or count word follows (`050 000 euroa`).
fn money_after(rest: &str) -> bool {
    let word = rest.trim_start_matches(is_inline_space);
    NOT_PHONE_AFTER.iter().any(|w| word.starts_with(w))
}

/// The label just before byte `start`, if any (`p. `, `puh: `, `p.` glued).
fn label_before(text: &str, start: usize) -> Option<Label> {
    let before = text.get(..start)?;
    let before = before.trim_end_matches(is_inline_space);
    let before = before.strip_suffix(':').unwrap_or(before);
    let before = before.strip_suffix('.').unwrap_or(before);
    let letters = before
        .chars()
        .rev()
        .take(MAX_LABEL_CHARS + 1)
        .take_while(|c| c.is_alphabetic())
        .count();
    if letters == 0 || letters > MAX_LABEL_CHARS {
        return None;
    }
    let word_start = before
        .char_indices()
        .rev()
        .nth(letters - 1)
        .map(|(i, _)| i)?;
    let word = before.get(word_start..)?.to_lower();
    LABELS
        .iter()
        .find(|(form, _)| *form == word)
        .map(|&(_, label)| label)
}

/// Whether a number may start at byte `i`: at a word start, not inside a
/// date, decimal, range or business ID, and not as a group of a sum
/// (`3 050 000`).
fn may_start(text: &str, i: usize) -> bool {
    let before = text.get(..i).unwrap_or_default();
    let mut back = before.chars().rev();
    let Some(prev) = back.next() else {
        return true;
    };
    if prev.is_alphanumeric() || prev == '+' {
        return false;
    }
    let prev2 = back.next();
    let prev2_digit = prev2.is_some_and(|c| c.is_ascii_digit());
    if (matches!(prev, '.' | ',' | ':') || is_dash(prev)) && prev2_digit {
        return false;
    }
    if is_inline_space(prev) && prev2_digit {
        let run = back.take(3).take_while(char::is_ascii_digit).count() + 1;
        return run > 3;
    }
    true
}

/// Whether the byte before `i` is an ASCII letter or digit or `+`: then
/// neither [`may_start`] nor [`next_to_number`] lets a number start at `i`,
/// told from one byte (most `0` bytes of a text stand inside a number such
/// as `2018` or `100`) without decoding the characters before.
fn glued_to_ascii_word(bytes: &[u8], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'+')
}

/// Whether byte `i` follows the number that ended at `last_end` after just
/// one space: then its digits before are that number's, not a sum's group
/// (`0400 123 456 0500 654 321` are two numbers).
fn next_to_number(text: &str, last_end: Option<usize>, i: usize) -> bool {
    let Some(end) = last_end else {
        return false;
    };
    let between = text.get(end..i).unwrap_or_default();
    let mut chars = between.chars();
    chars.next().is_some_and(is_inline_space) && chars.next().is_none()
}

/// Every Finnish phone number in `text`, in order, none overlapping. The
/// span covers the number itself (not the `p.` / `puh.` prefix).
///
/// Runs in time linear in the length of `text`.
///
/// ```
/// use sote_records::recognise::phone::find_phones;
///
/// let found = find_phones("Sihteeri Eeva Koski, p. 044 123 4567, kokous 13.12.2018");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].text, "044 123 4567");
/// assert_eq!(found[0].e164, "+358441234567");
/// ```
pub fn find_phones(text: &str) -> Vec<PhoneMatch<'_>> {
    let mut found = Vec::new();
    let mut resume = 0;
    let mut last_number_end = None;
    // A number starts with `+`, `0` or `(`: ASCII, so each byte found
    // starts a character.
    for i in memchr::memchr3_iter(b'+', b'0', b'(', text.as_bytes()) {
        if i < resume || glued_to_ascii_word(text.as_bytes(), i) {
            continue;
        }
        if !may_start(text, i) && !next_to_number(text, last_number_end, i) {
            continue;
        }
        let Some((after, number)) = text.get(i..).and_then(|rest| number(rest, IN_TEXT)) else {
            continue;
        };
        let end = text.len() - after.len();
        resume = end;
        let label = label_before(text, i);
        if label == Some(Label::Fax) {
            last_number_end = Some(end);
        }
        let too_short = number.digits.len() < number.min_digits(label);
        if label == Some(Label::Fax) || too_short || money_after(after) {
            continue;
        }
        let Some(matched) = text.get(i..end) else {
            continue;
        };
        last_number_end = Some(end);
        found.push(PhoneMatch {
            span: Span::new(i, end),
            text: matched,
            e164: ["+358", number.digits.as_str()].concat(),
        });
    }
    found
}

/// One phone number in E.164, or None: `normalize("040-675 1230") == Some("+358406751230")`.
///
/// The whole input (spaces around it aside) must be one Finnish number, in
/// any form [`find_phones`] reads, with 5–12 digits after +358.
///
/// ```
/// use sote_records::recognise::phone::normalize;
///
/// assert_eq!(normalize("040-675 1230").as_deref(), Some("+358406751230"));
/// assert_eq!(normalize("(09) 310 1691").as_deref(), Some("+35893101691"));
/// assert_eq!(normalize("13.12.2018"), None);
/// ```
pub fn normalize(number: &str) -> Option<String> {
    let trimmed = number.trim_matches(is_space);
    let (rest, parsed) = self::number(trimmed, SINGLE)?;
    rest.is_empty().then(|| format!("+358{}", parsed.digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `(input, expected [(text, e164)])`, checked by hand.
    const ROWS: &[(&str, &[(&str, &str)])] = &[
        // Listed forms.
        (
            "Muutosjohtaja, 0400 389 152",
            &[("0400 389 152", "+358400389152")],
        ),
        ("050 325 6917\n", &[("050 325 6917", "+358503256917")]),
        (
            "Hallintojohtaja 040-675 1230",
            &[("040-675 1230", "+358406751230")],
        ),
        (
            "tel. +358 40 675 1230",
            &[("+358 40 675 1230", "+358406751230")],
        ),
        (
            "+358 (0)40 675 1230",
            &[("+358 (0)40 675 1230", "+358406751230")],
        ),
        ("Vaihde (09) 310 1691", &[("(09) 310 1691", "+35893101691")]),
        ("Kirjaamo 09 3101 691", &[("09 3101 691", "+35893101691")]),
        (
            "Sihteeri 044 123 4567",
            &[("044 123 4567", "+358441234567")],
        ),
        (
            "Suunnittelija 045 1234567",
            &[("045 1234567", "+358451234567")],
        ),
        (
            "Asiakaspalvelu 0294 16 2000",
            &[("0294 16 2000", "+358294162000")],
        ),
        (
            "Palvelunumero 020 634 5000",
            &[("020 634 5000", "+358206345000")],
        ),
        (
            "Vaasan toimisto (06) 416 3000",
            &[("(06) 416 3000", "+35864163000")],
        ),
        (
            "Maakuntajohtaja Esko Rautio, p. 0400 389 152",
            &[("0400 389 152", "+358400389152")],
        ),
        ("puh. 050 123 4567", &[("050 123 4567", "+358501234567")]),
        ("puh 050 123 4567", &[("050 123 4567", "+358501234567")]),
        ("Puh: 050 123 4567", &[("050 123 4567", "+358501234567")]),
        (
            "tel. +358 44 123 4567",
            &[("+358 44 123 4567", "+358441234567")],
        ),
        ("gsm 040 765 4321", &[("040 765 4321", "+358407654321")]),
        ("p.040 123 4567", &[("040 123 4567", "+358401234567")]),
        // Other shapes.
        ("+358 9 310 1691", &[("+358 9 310 1691", "+35893101691")]),
        ("+358-40-1234567", &[("+358-40-1234567", "+358401234567")]),
        ("+358401234567", &[("+358401234567", "+358401234567")]),
        (
            "00358 40 123 4567",
            &[("00358 40 123 4567", "+358401234567")],
        ),
        ("p. 0401234567.", &[("0401234567", "+358401234567")]),
        ("(040 123 4567)", &[("040 123 4567", "+358401234567")]),
        (
            "p. 050\u{a0}390\u{a0}0066",
            &[("050\u{a0}390\u{a0}0066", "+358503900066")],
        ),
        ("p. 040–675 1230", &[("040–675 1230", "+358406751230")]),
        ("(017)123 4567", &[("(017)123 4567", "+358171234567")]),
        ("vaihde 010 123 45", &[("010 123 45", "+3581012345")]),
        ("p. 09 123 45", &[("09 123 45", "+358912345")]),
        // Two numbers stay two, one number stays one.
        (
            "050 123 4567, 040 765 4321",
            &[
                ("050 123 4567", "+358501234567"),
                ("040 765 4321", "+358407654321"),
            ],
        ),
        (
            "puh. 09 310 1234 / 040 765 4321",
            &[
                ("09 310 1234", "+35893101234"),
                ("040 765 4321", "+358407654321"),
            ],
        ),
        (
            "050 123 4567 040 765 4321",
            &[
                ("050 123 4567", "+358501234567"),
                ("040 765 4321", "+358407654321"),
            ],
        ),
        (
            "0400 123 456 0500 654 321",
            &[
                ("0400 123 456", "+358400123456"),
                ("0500 654 321", "+358500654321"),
            ],
        ),
        ("p. 050 390 0066", &[("050 390 0066", "+358503900066")]),
        ("p. 040 100 0123", &[("040 100 0123", "+358401000123")]),
        // Not phones.
        ("Kokous pidetään 13.12.2018.", &[]),
        ("Kokous 01.02.2019 klo 09.30", &[]),
        ("klo 09.00–10.30", &[]),
        ("Kasvupalveluun 300 000 euroa.", &[]),
        ("yhteensä 3 050 000 euroa", &[]),
        ("vuonna 2018", &[]),
        ("Kansakoulukatu 3, 00100 Helsinki", &[]),
        ("PL 40, 02070 Espoon kaupunki", &[]),
        ("Valmistelu 2018–2019", &[]),
        ("Y-tunnus 1234567-8", &[]),
        ("Y-tunnus 0123456-7", &[]),
        ("ISBN 978-952-302-123-4", &[]),
        ("ISBN 0-306-40615-2", &[]),
        ("Dnro 012/00.01.00/2018", &[]),
        ("Kyselyyn vastasi 14 kuntaa.", &[]),
        ("Kuntia on 05 kpl", &[]),
        ("Hankenumero 01234567", &[]),
        ("Soita 040 1234567", &[("040 1234567", "+358401234567")]),
        ("Soita 0401234567", &[("0401234567", "+358401234567")]),
        ("0401234", &[]),
        ("puh. 0401", &[]),
        ("faksi 09 123 4567", &[]),
        ("fax (09) 123 4567", &[]),
        ("040123456789012", &[]),
        ("abc040 123 4567", &[]),
        ("040 123 4567abc", &[]),
        ("+46 8 123 456 78", &[]),
        ("2019-01-15", &[]),
        ("", &[]),
    ];

    #[test]
    fn table_rows() {
        for (input, want) in ROWS {
            let found = find_phones(input);
            let got: Vec<_> = found.iter().map(|m| (m.text, m.e164.as_str())).collect();
            assert_eq!(&got, want, "{input:?}");
            for m in &found {
                assert_eq!(input.get(m.span.range()), Some(m.text), "{input:?}");
            }
        }
    }

    #[test]
    fn normalize_rows() {
        let rows: &[(&str, Option<&str>)] = &[
            ("040-675 1230", Some("+358406751230")),
            ("0400 389 152", Some("+358400389152")),
            (" +358 (0)40 675 1230 ", Some("+358406751230")),
            ("(09) 310 1691", Some("+35893101691")),
            ("+358 9 310 1691", Some("+35893101691")),
            ("00358401234567", Some("+358401234567")),
            ("0294 16 2000", Some("+358294162000")),
            ("+358 1234", None),
            ("040 123 4567, 050 765 4321", None),
            ("p. 040 123 4567", None),
            ("13.12.2018", None),
            ("1234567-8", None),
            ("+46 8 123 456", None),
            ("", None),
        ];
        for (input, want) in rows {
            assert_eq!(normalize(input).as_deref(), *want, "{input:?}");
        }
    }

    #[test]
    fn pathological_inputs_finish() {
        let long = [
            "0".repeat(100_000),
            format!("0{}", "1".repeat(100_000)),
            "040 ".repeat(30_000),
            "04-".repeat(30_000),
            "(0".repeat(30_000),
            "+358 ".repeat(20_000),
            "p. ".repeat(30_000),
            "0.".repeat(50_000),
        ];
        for text in &long {
            for m in find_phones(text) {
                assert_eq!(text.get(m.span.range()), Some(m.text));
            }
        }
    }

    /// Pieces of Finnish announcements that phones, dates and sums are made of.
    const PIECES: &[&str] = &[
        "0",
        "1",
        "4",
        "9",
        "04",
        "040",
        "050",
        "09",
        "358",
        "+358",
        "(0)",
        "(",
        ")",
        "123",
        "4567",
        "2018",
        ".",
        ",",
        "-",
        "–",
        "—",
        ":",
        "/",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\n",
        "ä",
        "ö",
        "å",
        "klo",
        "tammikuuta",
        "ssa",
        "euroa",
        "milj.",
        "p.",
        "puh.",
        "puh",
        "gsm",
        "faksi",
        "@",
        "%",
        "\u{301}",
        "\u{0}",
        "Helsinki",
    ];

    fn assert_spans(text: &str) {
        for m in find_phones(text) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            assert_eq!(text.get(m.span.range()), Some(m.text));
            assert_eq!(
                normalize(m.text).as_deref(),
                Some(m.e164.as_str()),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn a_start_glued_to_an_ascii_word_is_no_start(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise] {
                for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    if glued_to_ascii_word(text.as_bytes(), i) {
                        prop_assert!(!may_start(&text, i), "{:?} at {}", text, i);
                        for end in (0..i).filter(|&e| text.is_char_boundary(e)) {
                            prop_assert!(!next_to_number(&text, Some(end), i), "{:?} at {}", text, i);
                        }
                    }
                }
            }
        }

        #[test]
        fn arbitrary_strings_never_panic(text in any::<String>()) {
            assert_spans(&text);
            let _ = normalize(&text);
        }

        #[test]
        fn announcement_alphabet_never_panics(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..40)
        ) {
            let text = pieces.concat();
            assert_spans(&text);
            let _ = normalize(&text);
        }
    }
}
