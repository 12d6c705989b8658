//! Lower case without needless allocation.
//!
//! Most words of a Finnish text are in lower case already; the scanners
//! look their lower-case form up in lexicons for every word, so lowering
//! must cost nothing for them. The results are exactly those of
//! [`str::to_lowercase`].

use std::borrow::Cow;

/// `s` in lower case, exactly as [`str::to_lowercase`] gives it, borrowed
/// when nothing changes (most words).
pub(crate) fn lower_cow(s: &str) -> Cow<'_, str> {
    if is_lowercase_fixed_point(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(to_lower(s))
    }
}

/// `s` in lower case, exactly as [`str::to_lowercase`] gives it.
///
/// `str::to_lowercase` looks every non-ASCII character up in Unicode's
/// tables, and a Finnish word has an `ä` or `ö` early on; text of ASCII and
/// Latin-1 only (nearly all of it) is lowered here byte by byte instead.
pub(crate) fn to_lower(s: &str) -> String {
    if !is_latin1(s) {
        return s.to_lowercase();
    }
    // The capitals À–Þ are rare (initials, text in capitals): the text
    // between them is copied whole, then its ASCII lowered in bulk.
    let mut lower = String::with_capacity(s.len());
    let mut from = 0;
    let bytes = s.as_bytes();
    for at in memchr::memchr_iter(0xC3, bytes) {
        if let Some(small) = bytes.get(at + 1).and_then(|&b| latin1_small(b)) {
            lower.push_str(s.get(from..at).unwrap_or_default());
            lower.push(small);
            from = at + 2;
        }
    }
    lower.push_str(s.get(from..).unwrap_or_default());
    lower.make_ascii_lowercase();
    lower
}

/// Whether `second`, after a `0xC3` lead byte, ends a Latin-1 capital
/// (`À`–`Þ` but `×`, U+00C0–U+00DE but U+00D7): the only characters of
/// Latin-1 beyond ASCII whose lower case differs, each by 0x20 in this
/// byte.
pub(crate) fn is_latin1_capital_second(second: u8) -> bool {
    (0x80..=0x9E).contains(&second) && second != 0x97
}

/// The small letter of the Latin-1 capital whose UTF-8 is `C3 second`
/// (À–Þ but ×), or `None` for any other second byte.
fn latin1_small(second: u8) -> Option<char> {
    is_latin1_capital_second(second)
        .then(|| char::from_u32(0xC0 + u32::from(second - 0x80) + 0x20))
        .flatten()
}

/// [`to_lower`] as a method, so that call sites read as those of
/// [`str::to_lowercase`] do.
pub(crate) trait ToLower {
    /// The lower case, exactly as [`str::to_lowercase`] gives it.
    fn to_lower(&self) -> String;
}

impl ToLower for str {
    fn to_lower(&self) -> String {
        to_lower(self)
    }
}

/// Whether `s` is ASCII and Latin-1 only (U+0000–U+00FF, whose UTF-8 bytes
/// are all below 0xC4): each of its characters lowers to one character of
/// its own byte length, and none is Σ, so the lower case of any slice of
/// `s` is the same slice of its lower case.
pub(crate) fn is_latin1(s: &str) -> bool {
    s.bytes().all(|b| b < 0xC4)
}

/// Whether lowering `s` leaves it unchanged: ASCII with no capital, or
/// every character its own lower case (Σ, whose lower case depends on its
/// neighbours, always counts as a change).
pub(crate) fn is_lowercase_fixed_point(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_uppercase());
    }
    s.chars().all(|c| {
        if u32::from(c) < 0x100 {
            // Latin-1 without a table: the capitals are A–Z and À–Þ but ×.
            return !(c.is_ascii_uppercase() || (('\u{C0}'..='\u{DE}').contains(&c) && c != '×'));
        }
        let mut lower = c.to_lowercase();
        c != 'Σ' && lower.next() == Some(c) && lower.next().is_none()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_is_the_first_256_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_latin1(&c.to_string()), u32::from(c) < 0x100, "{c:?}");
        }
    }

    #[test]
    fn every_character_is_its_own_lower_case_exactly_when_to_lowercase_agrees() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(
                is_lowercase_fixed_point(&text),
                text.to_lowercase() == text && c != 'Σ',
                "{c:?}"
            );
        }
    }

    #[test]
    fn same_as_to_lowercase() {
        for s in [
            "",
            "ja",
            "Ja",
            "ÄÖÅ",
            "äöå",
            "Kärkkäinen",
            "ΣΑΣ",
            "ὈΔΥΣΣΕΎΣ",
            "İstanbul",
            "ǅ",
            "ß",
            "STM:n",
            "a\u{308}",
            "Ⓐ",
            "ﬁ",
        ] {
            assert_eq!(lower_cow(s), s.to_lowercase(), "{s:?}");
        }
        assert!(matches!(lower_cow("työryhmä"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_character_lowers_as_to_lowercase_lowers_it() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("{c}{c}A");
            assert_eq!(to_lower(&text), text.to_lowercase(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn to_lower_agrees_with_to_lowercase(
            s in "[A-Za-zÀ-ÿÄÖÅäöå×÷ßµ \u{80}-\u{BF}ΣσİK0-9.,:–-]{0,40}"
        ) {
            proptest::prop_assert_eq!(to_lower(&s), s.to_lowercase());
        }
    }
}
