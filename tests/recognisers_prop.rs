//! Property tests over every public recogniser: any string — arbitrary
//! Unicode, or text built from the alphabet of Finnish announcements
//! (digits, dots, dashes, NBSP, month names, case endings, `-ryhmän`,
//! `euroa`, `@`) — gives no panic, and every span returned slices to the
//! text the match reports, on char boundaries, in order.

use proptest::prelude::*;
use sote_records::Span;
use sote_records::recognise::{
    body, date, email, money, organization, person, phone, places, programme,
};

/// Pieces announcements are made of, so generated strings reach deep paths.
const PIECES: &[&str] = &[
    "1",
    "12",
    "2018",
    "2019",
    ".",
    ". ",
    "-",
    "–",
    "—",
    ",",
    " ",
    "\u{a0}",
    "\n",
    "\r\n",
    "\u{0}",
    "klo",
    "klo 9–12",
    "marraskuussa",
    "kesäkuun loppuun mennessä",
    "syksyllä",
    "kevään",
    "vuonna",
    "alkaen",
    "mennessä",
    "saakka",
    "ti",
    "tiistaina",
    "Oulussa",
    "Uudellamaalla",
    "Keski-Uudenmaan",
    "Lahdessa",
    "ohjausryhmän",
    "-ryhmän",
    " -työryhmä",
    "johtoryhmässä",
    "Strategisen",
    "väliaikaiselle",
    "valmistelutoimielimelle",
    "kokous",
    "kokoontui",
    "puheenjohtajana",
    "toimii",
    "Aino",
    "Virtanen",
    "maakuntajohtaja",
    "p.",
    "puh.",
    "040",
    "0400 123 456",
    "+358",
    "(09)",
    "euroa",
    "milj.",
    "€",
    "noin",
    "miljardin",
    "@",
    "[at]",
    "etunimi.sukunimi@",
    "alue.fi",
    "Oy",
    ":n",
    "STM",
    "-hanke",
    "-hankkeen",
    "Kuntien",
    "sairaanhoitopiirin",
    "(",
    ")",
    "§",
    "a\u{308}",
    "\u{feff}",
    "ä",
    "ö",
    "å",
];

fn announcement_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

/// Every span lies on char boundaries, slices to the reported text, and
/// spans come in text order.
fn check(text: &str, found: impl IntoIterator<Item = (Span, String)>) -> Result<(), TestCaseError> {
    let mut last = 0;
    for (span, reported) in found {
        prop_assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} in {text:?}"
        );
        let slice = span.slice(text);
        prop_assert_eq!(
            slice,
            Some(reported.as_str()),
            "span {:?} of {:?}",
            span,
            text
        );
        prop_assert!(span.start >= last, "out of order at {span:?} in {text:?}");
        last = span.start;
    }
    Ok(())
}

fn all(text: &str) -> Result<(), TestCaseError> {
    check(
        text,
        date::find_dates(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        money::find_amounts(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        phone::find_phones(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        email::find_emails(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        person::find_people(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        person::find_roles(text)
            .into_iter()
            .map(|m| (m.person.span, m.person.text.to_owned())),
    )?;
    check(
        text,
        places::find_places(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        body::find_bodies(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        organization::find_organizations(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    check(
        text,
        programme::find_programmes(text)
            .into_iter()
            .map(|m| (m.span, m.text.to_owned())),
    )?;
    let doc =
        sote_records::parse("prop.txt", text).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let spans = doc
        .dates
        .iter()
        .map(|d| (d.span, d.text.clone()))
        .chain(doc.places.iter().map(|p| (p.span, p.text.clone())))
        .chain(doc.amounts.iter().map(|a| (a.span, a.text.clone())))
        .chain(doc.organizations.iter().map(|o| (o.span, o.text.clone())))
        .chain(doc.programmes.iter().map(|p| (p.span, p.text.clone())));
    for (span, t) in spans {
        prop_assert_eq!(span.slice(text), Some(t.as_str()));
    }
    for x in doc
        .bodies
        .iter()
        .map(|b| (b.span, &b.text))
        .chain(doc.people.iter().map(|p| (p.span, &p.text)))
        .chain(doc.meetings.iter().map(|m| (m.span, &m.text)))
        .chain(doc.events.iter().map(|e| (e.span, &e.text)))
    {
        prop_assert_eq!(x.0.slice(text), Some(x.1.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        all(&text)?;
    }

    #[test]
    fn announcement_alphabet(text in announcement_like()) {
        all(&text)?;
    }

    #[test]
    fn long_digit_and_dot_runs(n in 0usize..400, pattern in prop::sample::select(&["1.", "12.", "1.1.", "2018", " ", "-", "0"][..])) {
        all(&pattern.repeat(n))?;
    }
}
