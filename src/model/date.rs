//! Dates as the text gives them, with their real precision, in EDTF.
//!
//! Announcements say `13.12.2018`, but also `22.2.` (no year), `marraskuussa`
//! (a month), `syksyllä 2018` (a season), `vuonna 2019` (a year) and
//! `14.–15.11.2018` (two days). [`EdtfDate`] keeps exactly that precision and
//! writes it as an [Extended Date/Time Format] (ISO 8601-2, level 1) string:
//!
//! | text              | EDTF                    |
//! |-------------------|-------------------------|
//! | `13.12.2018`      | `2018-12-13`            |
//! | `marraskuussa`    | `2017-11` (year from context) |
//! | `2020 loppuun`    | `2020`                  |
//! | `syksyllä 2018`   | `2018-23`               |
//! | `14.–15.11.2018`  | `2018-11-14/2018-11-15` |
//! | `17.2.` (no anchor) | `XXXX-02-17`          |
//!
//! [Extended Date/Time Format]: https://www.loc.gov/standards/datetime/

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A season, numbered as EDTF level 1 numbers them (`21`–`24`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Season {
    /// Spring, *kevät*: EDTF `21`.
    Spring,
    /// Summer, *kesä*: EDTF `22`.
    Summer,
    /// Autumn, *syksy*: EDTF `23`.
    Autumn,
    /// Winter, *talvi*: EDTF `24`.
    Winter,
}

impl Season {
    /// The EDTF code: 21 spring, 22 summer, 23 autumn, 24 winter.
    pub fn code(self) -> u8 {
        match self {
            Season::Spring => 21,
            Season::Summer => 22,
            Season::Autumn => 23,
            Season::Winter => 24,
        }
    }

    /// The season for an EDTF code, `None` outside 21–24.
    pub fn from_code(code: u8) -> Option<Season> {
        match code {
            21 => Some(Season::Spring),
            22 => Some(Season::Summer),
            23 => Some(Season::Autumn),
            24 => Some(Season::Winter),
            _ => None,
        }
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Precision {
    /// A calendar day.
    Day,
    /// A month.
    Month,
    /// A season.
    Season,
    /// A year.
    Year,
    /// A closed interval between two dates.
    Interval,
}

/// Why a string is not an EDTF date this crate understands, or why a date
/// cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid EDTF date {input:?}: {reason}")]
pub struct EdtfError {
    input: String,
    reason: &'static str,
}

impl EdtfError {
    fn new(input: impl Into<String>, reason: &'static str) -> EdtfError {
        EdtfError {
            input: input.into(),
            reason,
        }
    }

    /// The string (or the date parts, formatted) that was rejected.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Why it was rejected, in words.
    pub fn reason(&self) -> &str {
        self.reason
    }
}

/// One end of a date: a year that may be unknown, and the unit below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Point {
    /// `None` is EDTF's unspecified year `XXXX`.
    year: Option<u16>,
    unit: Unit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Year,
    Month(u8),
    Day(u8, u8),
    Season(Season),
}

/// Largest year EDTF writes with four digits.
const MAX_YEAR: i32 = 9999;
/// A leap year, to check days whose year is unknown (`XXXX-02-29` is allowed).
const LEAP_YEAR: i32 = 2000;

/// A date with the precision the text gave it, written as EDTF.
///
/// Build one with the constructors, or parse an EDTF string:
///
/// ```
/// use sote_records::{EdtfDate, Precision, Season};
///
/// let day: EdtfDate = "2018-02-22".parse()?;
/// assert_eq!(day.precision(), Precision::Day);
/// assert_eq!(day.year(), Some(2018));
///
/// let autumn = EdtfDate::season(2018, Season::Autumn)?;
/// assert_eq!(autumn.to_string(), "2018-23");
///
/// let range = EdtfDate::interval(EdtfDate::day(2018, 11, 14)?, EdtfDate::day(2018, 11, 15)?)?;
/// assert_eq!(range.to_string(), "2018-11-14/2018-11-15");
///
/// let no_year = EdtfDate::day_without_year(2, 17)?;
/// assert_eq!(no_year.to_string(), "XXXX-02-17");
/// assert_eq!(no_year.with_year(2019)?.to_string(), "2019-02-17");
///
/// assert!("2018-02-30".parse::<EdtfDate>().is_err());
/// # Ok::<(), sote_records::EdtfError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdtfDate {
    start: Point,
    /// `Some` for an interval.
    end: Option<Point>,
}

fn check_year(year: i32) -> Result<u16, EdtfError> {
    if (0..=MAX_YEAR).contains(&year) {
        Ok(year as u16)
    } else {
        Err(EdtfError::new(year.to_string(), "year outside 0000–9999"))
    }
}

fn check_month(month: u32) -> Result<u8, EdtfError> {
    if (1..=12).contains(&month) {
        Ok(month as u8)
    } else {
        Err(EdtfError::new(month.to_string(), "month outside 1–12"))
    }
}

/// The month and day of a calendar day in `year` (a leap year when
/// unknown), or why there is none.
///
/// Told by the month's length ([`days_in_month`]) rather than by building
/// a chrono date: every numeric date of a text is checked here, and chrono's
/// constructor cost several times the table look-up.
fn check_day(year: Option<u16>, month: u32, day: u32) -> Result<(u8, u8), EdtfError> {
    let m = check_month(month)?;
    let y = year.map_or(LEAP_YEAR, i32::from);
    if (1..=days_in_month(y, m)).contains(&day) {
        Ok((m, day as u8))
    } else {
        Err(EdtfError::new(
            format!("{y:04}-{month:02}-{day:02}"),
            "no such day in the calendar",
        ))
    }
}

/// [`check_day`] as chrono tells it: its oracle.
#[cfg(test)]
fn check_day_by_chrono(year: Option<u16>, month: u32, day: u32) -> Result<(u8, u8), EdtfError> {
    let m = check_month(month)?;
    let y = year.map_or(LEAP_YEAR, i32::from);
    match NaiveDate::from_ymd_opt(y, month, day) {
        Some(_) => Ok((m, day as u8)),
        None => Err(EdtfError::new(
            format!("{y:04}-{month:02}-{day:02}"),
            "no such day in the calendar",
        )),
    }
}

/// How many days month `month` (1–12) of the proleptic Gregorian year
/// `year` has: February has 29 in a leap year (divisible by 4, but not by
/// 100 unless by 400).
fn days_in_month(year: i32, month: u8) -> u32 {
    /// The days of each month of a common year, January first.
    const COMMON: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = usize::from(month)
        .checked_sub(1)
        .and_then(|i| COMMON.get(i))
        .copied()
        .unwrap_or(0);
    if month == 2 && leap { days + 1 } else { days }
}

impl EdtfDate {
    fn point(point: Point) -> EdtfDate {
        EdtfDate {
            start: point,
            end: None,
        }
    }

    /// A calendar day, e.g. `2018-12-13`.
    pub fn day(year: i32, month: u32, day: u32) -> Result<EdtfDate, EdtfError> {
        let year = Some(check_year(year)?);
        let (month, day) = check_day(year, month, day)?;
        Ok(EdtfDate::point(Point {
            year,
            unit: Unit::Day(month, day),
        }))
    }

    /// A day whose year the text does not give: `XXXX-02-17`.
    pub fn day_without_year(month: u32, day: u32) -> Result<EdtfDate, EdtfError> {
        let (month, day) = check_day(None, month, day)?;
        Ok(EdtfDate::point(Point {
            year: None,
            unit: Unit::Day(month, day),
        }))
    }

    /// A chrono date as a day.
    pub fn from_naive_date(date: NaiveDate) -> Result<EdtfDate, EdtfError> {
        EdtfDate::day(date.year(), date.month(), date.day())
    }

    /// A month, e.g. `2017-11`.
    pub fn month(year: i32, month: u32) -> Result<EdtfDate, EdtfError> {
        Ok(EdtfDate::point(Point {
            year: Some(check_year(year)?),
            unit: Unit::Month(check_month(month)?),
        }))
    }

    /// A month whose year the text does not give: `XXXX-11`.
    pub fn month_without_year(month: u32) -> Result<EdtfDate, EdtfError> {
        Ok(EdtfDate::point(Point {
            year: None,
            unit: Unit::Month(check_month(month)?),
        }))
    }

    /// A year, e.g. `2020`.
    pub fn from_year(year: i32) -> Result<EdtfDate, EdtfError> {
        Ok(EdtfDate::point(Point {
            year: Some(check_year(year)?),
            unit: Unit::Year,
        }))
    }

    /// A season of a year, e.g. `2018-23` (autumn 2018).
    pub fn season(year: i32, season: Season) -> Result<EdtfDate, EdtfError> {
        Ok(EdtfDate::point(Point {
            year: Some(check_year(year)?),
            unit: Unit::Season(season),
        }))
    }

    /// A season whose year the text does not give: `XXXX-21`.
    pub fn season_without_year(season: Season) -> EdtfDate {
        EdtfDate::point(Point {
            year: None,
            unit: Unit::Season(season),
        })
    }

    /// A closed interval from `start` to `end`, e.g. `2018-11-14/2018-11-15`.
    ///
    /// Fails when either end is itself an interval, or when both ends have
    /// known years and `end` begins before `start`.
    pub fn interval(start: EdtfDate, end: EdtfDate) -> Result<EdtfDate, EdtfError> {
        if start.end.is_some() || end.end.is_some() {
            return Err(EdtfError::new(
                format!("{start}/{end}"),
                "an interval's ends must not be intervals",
            ));
        }
        if let (Some(a), Some(b)) = (start.first_day(), end.first_day())
            && b < a
        {
            return Err(EdtfError::new(
                format!("{start}/{end}"),
                "the interval ends before it starts",
            ));
        }
        Ok(EdtfDate {
            start: start.start,
            end: Some(end.start),
        })
    }

    /// How precise the date is.
    pub fn precision(&self) -> Precision {
        if self.end.is_some() {
            return Precision::Interval;
        }
        match self.start.unit {
            Unit::Year => Precision::Year,
            Unit::Month(_) => Precision::Month,
            Unit::Day(..) => Precision::Day,
            Unit::Season(_) => Precision::Season,
        }
    }

    /// The year (of the start, for an interval); `None` when unspecified.
    pub fn year(&self) -> Option<i32> {
        self.start.year.map(i32::from)
    }

    /// The month (of the start, for an interval), when the date has one.
    pub fn month_number(&self) -> Option<u32> {
        match self.start.unit {
            Unit::Month(m) | Unit::Day(m, _) => Some(u32::from(m)),
            _ => None,
        }
    }

    /// The day of the month (of the start, for an interval), when the date has one.
    pub fn day_of_month(&self) -> Option<u32> {
        match self.start.unit {
            Unit::Day(_, d) => Some(u32::from(d)),
            _ => None,
        }
    }

    /// The season, when the date is one.
    pub fn season_of_year(&self) -> Option<Season> {
        match self.start.unit {
            Unit::Season(s) => Some(s),
            _ => None,
        }
    }

    /// Whether every part of the date (both ends of an interval) has a year.
    pub fn has_year(&self) -> bool {
        self.start.year.is_some() && self.end.is_none_or(|e| e.year.is_some())
    }

    /// The two ends of an interval; `None` for a single date.
    pub fn bounds(&self) -> Option<(EdtfDate, EdtfDate)> {
        self.end
            .map(|end| (EdtfDate::point(self.start), EdtfDate::point(end)))
    }

    /// The day as a chrono date, when this is a single day with a known year.
    pub fn to_naive_date(&self) -> Option<NaiveDate> {
        match (self.end, self.start.year, self.start.unit) {
            (None, Some(y), Unit::Day(m, d)) => {
                NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
            }
            _ => None,
        }
    }

    /// The first day the date covers, when its year is known (seasons begin
    /// with their astronomical months: March, June, September, December).
    pub fn first_day(&self) -> Option<NaiveDate> {
        let y = i32::from(self.start.year?);
        let (m, d) = match self.start.unit {
            Unit::Year => (1, 1),
            Unit::Month(m) => (u32::from(m), 1),
            Unit::Day(m, d) => (u32::from(m), u32::from(d)),
            Unit::Season(s) => (u32::from(s.code() - 21) * 3 + 3, 1),
        };
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The same date with `year` filled in wherever the year was unspecified
    /// (both ends of an interval). Fails for `XXXX-02-29` in a common year.
    pub fn with_year(&self, year: i32) -> Result<EdtfDate, EdtfError> {
        let y = check_year(year)?;
        let fill = |p: Point| -> Result<Point, EdtfError> {
            if p.year.is_some() {
                return Ok(p);
            }
            if let Unit::Day(m, d) = p.unit {
                check_day(Some(y), u32::from(m), u32::from(d))?;
            }
            Ok(Point {
                year: Some(y),
                unit: p.unit,
            })
        };
        let start = fill(self.start)?;
        let end = self.end.map(fill).transpose()?;
        Ok(EdtfDate { start, end })
    }
}

/// An EDTF string written into a fixed buffer: every record carries many
/// dates, and exporting them through the formatting machinery cost more
/// than the rest of their serialisation.
pub(crate) struct EdtfText {
    /// Room for the longest value, `XXXX-MM-DD/XXXX-MM-DD`.
    bytes: [u8; 24],
    len: usize,
}

impl EdtfText {
    fn new() -> Self {
        EdtfText {
            bytes: [0; 24],
            len: 0,
        }
    }

    fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    /// Writes one point (`2019-03-14`, `XXXX-05`, `2020-23`).
    ///
    /// Each part is written whole, the year's four digits from
    /// [`YEAR_DIGITS`] and the others two at a time from [`DIGIT_PAIRS`]:
    /// a digit at a time by powers of ten cost most of a date's
    /// serialisation. Every pair looked up is below 100 (a month, a day, a
    /// season's code), so [`pair_below_100`] takes it as it is, without
    /// the remainder by 100 that `pair` (now its test oracle) took first.
    fn point(&mut self, p: &Point) {
        match p.year {
            Some(y) => self.bytes_of(&year_digits(y)),
            None => self.bytes_of(b"XXXX"),
        }
        match p.unit {
            Unit::Year => {}
            Unit::Month(m) => {
                let [m1, m2] = pair_below_100(m.into());
                self.bytes_of(&[b'-', m1, m2]);
            }
            Unit::Day(m, d) => {
                let ([m1, m2], [d1, d2]) = (pair_below_100(m.into()), pair_below_100(d.into()));
                self.bytes_of(&[b'-', m1, m2, b'-', d1, d2]);
            }
            Unit::Season(s) => {
                let [s1, s2] = pair_below_100(s.code().into());
                self.bytes_of(&[b'-', s1, s2]);
            }
        }
    }

    /// Appends `bytes`; they always fit (the buffer holds the longest value).
    fn bytes_of(&mut self, bytes: &[u8]) {
        let end = self.len + bytes.len();
        if let Some(slot) = self.bytes.get_mut(self.len..end) {
            slot.copy_from_slice(bytes);
            self.len = end;
        }
    }

    /// The written bytes: ASCII digits, `X`, `-` and `/`, which JSON
    /// never escapes, so the JSON writer copies them without a check.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    /// The whole buffer, zeros after the written bytes, and how many were
    /// written: the JSON writer copies the buffer as one fixed-size piece
    /// and cuts the tail off.
    pub(crate) fn padded(&self) -> (&[u8; 24], usize) {
        (&self.bytes, self.len)
    }

    /// The written string (the Display path reads it).
    pub(crate) fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// The two digits of every number below 100, as ASCII bytes.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0u8; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

/// The last two decimal digits of `n`, as ASCII bytes: the oracle of
/// [`pair_below_100`].
#[cfg(test)]
fn pair(n: u16) -> [u8; 2] {
    digit_pair(n.into())
}

/// The four digits of every year up to [`MAX_YEAR`], as ASCII bytes:
/// built at compile time, one look-up where a year's two pairs took two
/// divisions by 100 (made as multiplications) first.
static YEAR_DIGITS: [[u8; 4]; MAX_YEAR as usize + 1] = {
    let mut years = [[0u8; 4]; MAX_YEAR as usize + 1];
    let mut y = 0;
    while y <= MAX_YEAR as usize {
        let ([a, b], [c, d]) = (DIGIT_PAIRS[y / 100], DIGIT_PAIRS[y % 100]);
        years[y] = [a, b, c, d];
        y += 1;
    }
    years
};

/// The four digits of `year` from [`YEAR_DIGITS`]; `XXXX`, the unknown
/// year, past [`MAX_YEAR`], which no caller passes ([`EdtfDate::edtf_text`]
/// takes such dates another way).
fn year_digits(year: u16) -> [u8; 4] {
    YEAR_DIGITS
        .get(usize::from(year))
        .copied()
        .unwrap_or(*b"XXXX")
}

/// The two decimal digits of `n`, a number below 100, as ASCII bytes,
/// looked up as it is (`00` for a number from 100 up, which no caller
/// passes): where `pair` took the remainder by 100 first, a
/// multiplication and a subtraction for each of a date's pairs.
fn pair_below_100(n: u16) -> [u8; 2] {
    DIGIT_PAIRS.get(usize::from(n)).copied().unwrap_or_default()
}

/// The last two decimal digits of `n`, as ASCII bytes; the JSON writer
/// writes span offsets with it too.
pub(crate) fn digit_pair(n: usize) -> [u8; 2] {
    DIGIT_PAIRS.get(n % 100).copied().unwrap_or_default()
}

impl EdtfDate {
    /// The EDTF string in a buffer; `None` for a year past [`MAX_YEAR`]
    /// (never made by this crate's constructors), which takes the slow path.
    pub(crate) fn edtf_text(&self) -> Option<EdtfText> {
        let fits = |p: &Point| p.year.is_none_or(|y| i32::from(y) <= MAX_YEAR);
        if !fits(&self.start) || !self.end.as_ref().is_none_or(fits) {
            return None;
        }
        let mut text = EdtfText::new();
        text.point(&self.start);
        if let Some(end) = &self.end {
            text.push(b'/');
            text.point(end);
        }
        Some(text)
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(y) => write!(f, "{y:04}")?,
            None => f.write_str("XXXX")?,
        }
        match self.unit {
            Unit::Year => Ok(()),
            Unit::Month(m) => write!(f, "-{m:02}"),
            Unit::Day(m, d) => write!(f, "-{m:02}-{d:02}"),
            Unit::Season(s) => write!(f, "-{}", s.code()),
        }
    }
}

impl fmt::Display for EdtfDate {
    /// Writes the EDTF string.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = self.edtf_text() {
            return f.write_str(text.as_str());
        }
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

/// Parses `NNNN`, or `XXXX` as an unknown year.
fn parse_year(s: &str) -> Option<Option<u16>> {
    if s == "XXXX" {
        return Some(None);
    }
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().map(Some);
    }
    None
}

fn two_digits(s: &str) -> Option<u32> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn parse_point(input: &str, s: &str) -> Result<Point, EdtfError> {
    let mut parts = s.split('-');
    let year = parts
        .next()
        .and_then(parse_year)
        .ok_or_else(|| EdtfError::new(input, "expected a four-digit year or XXXX"))?;
    let second = parts.next();
    let third = parts.next();
    if parts.next().is_some() {
        return Err(EdtfError::new(input, "too many parts"));
    }
    let unit = match (second, third) {
        (None, None) => {
            if year.is_none() {
                return Err(EdtfError::new(input, "a date needs more than XXXX"));
            }
            Unit::Year
        }
        (Some(m), None) => {
            let n = two_digits(m)
                .ok_or_else(|| EdtfError::new(input, "expected a two-digit month or season"))?;
            match Season::from_code(n as u8) {
                Some(season) => Unit::Season(season),
                _ => Unit::Month(check_month(n).map_err(|e| EdtfError::new(input, e.reason))?),
            }
        }
        (Some(m), Some(d)) => {
            let month =
                two_digits(m).ok_or_else(|| EdtfError::new(input, "expected a two-digit month"))?;
            let day =
                two_digits(d).ok_or_else(|| EdtfError::new(input, "expected a two-digit day"))?;
            let (m, d) =
                check_day(year, month, day).map_err(|e| EdtfError::new(input, e.reason))?;
            Unit::Day(m, d)
        }
        (None, Some(_)) => return Err(EdtfError::new(input, "malformed date")),
    };
    Ok(Point { year, unit })
}

impl FromStr for EdtfDate {
    type Err = EdtfError;

    /// Parses the EDTF subset this crate writes: `YYYY`, `YYYY-MM`,
    /// `YYYY-MM-DD`, seasons `YYYY-21`…`YYYY-24`, `XXXX` for an unknown year,
    /// and closed intervals `A/B` of those.
    fn from_str(s: &str) -> Result<EdtfDate, EdtfError> {
        match s.split_once('/') {
            None => Ok(EdtfDate::point(parse_point(s, s)?)),
            Some((a, b)) => {
                let start = EdtfDate::point(parse_point(s, a)?);
                let end = EdtfDate::point(parse_point(s, b)?);
                EdtfDate::interval(start, end).map_err(|e| EdtfError::new(s, e.reason))
            }
        }
    }
}

impl Serialize for EdtfDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.edtf_text() {
            Some(text) => serializer.serialize_str(text.as_str()),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for EdtfDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EdtfDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (year, month, day) over every year a date may have (and the
    /// unknown one), months 0–13, days 0–33 and a few that overflow a
    /// byte: the month lengths and the leap-year rule answer as chrono
    /// does, errors and all.
    #[test]
    fn check_day_answers_as_chrono_for_every_day() {
        let years = std::iter::once(None).chain((0..=MAX_YEAR as u16).map(Some));
        for year in years {
            for month in 0..=13 {
                for day in (0..=33).chain([255, 256, 257, u32::MAX]) {
                    assert_eq!(
                        check_day(year, month, day),
                        check_day_by_chrono(year, month, day),
                        "{year:?}-{month}-{day}"
                    );
                }
            }
        }
    }

    fn rt(s: &str) {
        let d: EdtfDate = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(d.to_string(), s);
    }

    /// The EDTF string the formatting machinery writes (the slow path).
    fn formatted(d: &EdtfDate) -> String {
        match d.end {
            Some(end) => format!("{}/{end}", d.start),
            None => d.start.to_string(),
        }
    }

    #[test]
    fn pairs_below_100_and_every_years_digits_are_the_remainders_pairs() {
        for n in 0..100 {
            assert_eq!(pair_below_100(n), pair(n), "{n}");
        }
        for year in 0..=MAX_YEAR as u16 {
            let [[a, b], [c, d]] = [pair(year / 100), pair(year)];
            assert_eq!(year_digits(year), [a, b, c, d], "{year}");
            assert_eq!(
                &year_digits(year),
                format!("{year:04}").as_bytes(),
                "{year}"
            );
        }
    }

    #[test]
    fn buffered_text_matches_the_formatted_one() {
        let mut dates = vec![EdtfDate::season_without_year(Season::Winter)];
        for year in (0..=9999)
            .step_by(7)
            .chain([1, 9, 10, 99, 100, 999, 1000, 9999])
        {
            dates.push(EdtfDate::from_year(year).unwrap());
            for month in 1..=12 {
                dates.push(EdtfDate::month(year, month).unwrap());
                dates.push(EdtfDate::day(year, month, 1 + (year as u32 + month) % 28).unwrap());
            }
            for season in [
                Season::Spring,
                Season::Summer,
                Season::Autumn,
                Season::Winter,
            ] {
                dates.push(EdtfDate::season(year, season).unwrap());
            }
        }
        for month in 1..=12 {
            dates.push(EdtfDate::month_without_year(month).unwrap());
            dates.push(EdtfDate::day_without_year(month, 28).unwrap());
            // Every day of a leap year, with and without the year.
            for day in 1..=31 {
                dates.extend(EdtfDate::day(2020, month, day).ok());
                dates.extend(EdtfDate::day_without_year(month, day).ok());
            }
        }
        let start = EdtfDate::day(2019, 11, 30).unwrap();
        let end = EdtfDate::day(2019, 12, 2).unwrap();
        dates.push(EdtfDate::interval(start, end).unwrap());
        let (start, end) = (
            EdtfDate::day_without_year(3, 4).unwrap(),
            EdtfDate::day_without_year(3, 5).unwrap(),
        );
        dates.push(EdtfDate::interval(start, end).unwrap());
        for d in dates {
            let want = formatted(&d);
            assert_eq!(d.to_string(), want);
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{want}\""));
        }
    }

    #[test]
    fn every_precision_round_trips_as_a_string() {
        for s in [
            "2018-02-22",
            "2017-11",
            "2020",
            "2021-21",
            "2021-22",
            "2018-23",
            "2021-24",
            "XXXX-02-17",
            "XXXX-11",
            "XXXX-23",
            "2018-11-14/2018-11-15",
            "2018-11-30/2018-12-02",
            "XXXX-11-14/XXXX-11-15",
            "2000-02-29",
            "XXXX-02-29",
        ] {
            rt(s);
        }
    }

    #[test]
    fn impossible_dates_are_refused_with_reasons() {
        for (s, why) in [
            ("2018-02-29", "no such day"),
            ("2018-13", "month outside"),
            ("2018-00", "month outside"),
            ("2018-25", "month outside"),
            ("18-02-01", "four-digit year"),
            ("2018-2-1", "two-digit month"),
            ("XXXX", "more than XXXX"),
            ("2018-11-15/2018-11-14", "ends before"),
            ("2018-01-01-01", "too many"),
            ("", "four-digit year"),
            ("２０１８", "four-digit year"),
        ] {
            let err = s.parse::<EdtfDate>().unwrap_err();
            assert!(err.to_string().contains(why), "{s}: {err}");
        }
    }

    #[test]
    fn accessors_report_the_parts() {
        let d: EdtfDate = "2018-11-14/2018-11-15".parse().unwrap();
        assert_eq!(d.precision(), Precision::Interval);
        assert_eq!(d.year(), Some(2018));
        assert_eq!(d.month_number(), Some(11));
        assert_eq!(d.day_of_month(), Some(14));
        let (a, b) = d.bounds().unwrap();
        assert_eq!(b.day_of_month(), Some(15));
        assert_eq!(a.precision(), Precision::Day);
        let s: EdtfDate = "2018-23".parse().unwrap();
        assert_eq!(s.season_of_year(), Some(Season::Autumn));
        assert_eq!(s.first_day(), NaiveDate::from_ymd_opt(2018, 9, 1));
        assert_eq!(s.month_number(), None);
    }

    #[test]
    fn with_year_fills_only_unknown_years() {
        let d: EdtfDate = "XXXX-11-30/XXXX-12-02".parse().unwrap();
        assert_eq!(
            d.with_year(2019).unwrap().to_string(),
            "2019-11-30/2019-12-02"
        );
        let known = EdtfDate::day(2017, 9, 7).unwrap();
        assert_eq!(known.with_year(2020).unwrap(), known);
        let leap = EdtfDate::day_without_year(2, 29).unwrap();
        assert!(leap.with_year(2019).is_err());
        assert_eq!(leap.with_year(2020).unwrap().to_string(), "2020-02-29");
    }

    #[test]
    fn serde_uses_the_edtf_string() {
        let d = EdtfDate::month(2021, 6).unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2021-06\"");
        let back: EdtfDate = serde_json::from_str("\"2021-06\"").unwrap();
        assert_eq!(back, d);
        let err = serde_json::from_str::<EdtfDate>("\"2021-6\"").unwrap_err();
        assert!(err.to_string().contains("invalid EDTF date"), "{err}");
    }
}
