//! Numeric Finnish dates: `13.12.2018`, `07.09.2017`, `22.2.`.

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::{map_res, opt};

use crate::model::EdtfDate;

/// A date found in a text, with its year left unknown when the text gives none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// Byte offset of the first character.
    pub(crate) start: usize,
    /// Byte offset one past the last character.
    pub(crate) end: usize,
    /// The date; its year is `XXXX` when the text gives none.
    pub(crate) value: EdtfDate,
}

fn number(min: usize, max: usize) -> impl Fn(&str) -> IResult<&str, u32> {
    move |input| {
        map_res(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            str::parse,
        )
        .parse(input)
    }
}

/// `D.M.YYYY`, `DD.MM.YYYY` or `D.M.` (day and month with dots, year optional).
fn day_month_year(input: &str) -> IResult<&str, (u32, u32, Option<u32>)> {
    let (rest, (day, _, month, _, year)) = (
        number(1, 2),
        tag("."),
        number(1, 2),
        tag("."),
        opt(number(4, 4)),
    )
        .parse(input)?;
    Ok((rest, (day, month, year)))
}

/// The numeric date at the very start of `text`, if any.
///
/// The date may be glued to the word after it (`19.9.2017Vammaisten`, a
/// trace of lost markup) but not to further digits (`1.2.20189`), and a
/// date without a year must not run on into digits (`1.2.3`).
pub(crate) fn leading_date(text: &str) -> Option<DateMatch> {
    let (rest, (day, month, year)) = day_month_year(text).ok()?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value = match year {
        Some(y) => EdtfDate::day(i32::try_from(y).ok()?, month, day).ok()?,
        None => EdtfDate::day_without_year(month, day).ok()?,
    };
    Some(DateMatch {
        start: 0,
        end: text.len() - rest.len(),
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_dates() {
        let rows: &[(&str, Option<(&str, &str)>)] = &[
            ("13.12.2018", Some(("13.12.2018", "2018-12-13"))),
            ("07.09.2017", Some(("07.09.2017", "2017-09-07"))),
            (
                "19.9.2017Vammaisten palvelut",
                Some(("19.9.2017", "2017-09-19")),
            ),
            ("5.3.2019 Pirkanmaan", Some(("5.3.2019", "2019-03-05"))),
            ("22.2. Oulussa", Some(("22.2.", "XXXX-02-22"))),
            ("31.2.2019", None),
            ("1.2.20189", None),
            ("1.2.3", None),
            ("1. Uudistuksen", None),
            ("2018-02-23", None),
            ("Uusimaa 2019", None),
            ("", None),
        ];
        for (input, want) in rows {
            let got = leading_date(input).map(|m| (&input[m.start..m.end], m.value.to_string()));
            let want = want.map(|(t, v)| (t, v.to_string()));
            assert_eq!(got, want, "{input:?}");
        }
    }
}
