//! What one line of a scraped page is: a date line, a link to a meeting
//! document, navigation residue, a photo credit, or running text.

use crate::lexicon::{
    COMMENT_WORDS, DOCUMENT_HEADERS, NAVIGATION_LINES, PHOTO_CREDIT_WORDS, PUBLICATION_WORDS,
    SECTION_HEADERS,
};
use crate::model::EdtfDate;
use crate::recognise::date::leading_date;
use crate::text::{Line, ToLower, is_space};

/// A numeric date at the start of a line, as source offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateAt {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The date as written (year unspecified when the text gives none).
    pub(crate) value: EdtfDate,
}

/// The role of one line in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but space.
    Blank,
    /// Starts with a numeric date; `rest` is the offset (in the source) of
    /// what follows it on the line, `None` when the date is the whole line.
    Date { date: DateAt, rest: Option<usize> },
    /// `Julkaistu 2.11.2020 klo 10.15 | Uutiset`: the page's publication date.
    Published { date: DateAt },
    /// `Muistiot`, `Asialista`…: the heading of a list of document links.
    DocumentHeader,
    /// `> Muistio`: a link to a meeting document; the offset of its name.
    DocumentLink { name: usize },
    /// `Lue lisää | 0 Kommenttia`: the end of a listing entry.
    ReadMore { comments: Option<u32> },
    /// `Palaa otsikoihin | 0 Kommenttia | Kommentoi`: the page footer.
    Footer { comments: Option<u32> },
    /// Other navigation residue (`Ei kommentteja`, `Kommentoi`).
    Navigation,
    /// A photo credit or caption (`kuva Liisa Aaltonen`).
    PhotoCredit,
    /// A section name of the site (`Ajankohtaista`, `Uutiset`).
    Section,
    /// Running text.
    Text,
}

impl LineKind {
    /// Whether the line carries content (not blank, not page furniture).
    pub(crate) fn is_content(&self) -> bool {
        matches!(self, LineKind::Text | LineKind::Date { .. })
    }
}

fn is_one_of(words: &[&str], lower: &str) -> bool {
    words.contains(&lower)
}

/// The comment count in a footer such as `Lue lisää | 3 Kommenttia`.
pub(crate) fn comment_count(text: &str) -> Option<u32> {
    let words: Vec<&str> = text
        .split(|c: char| is_space(c) || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|w| {
        if is_one_of(COMMENT_WORDS, &w[1].to_lower()) {
            w[0].parse().ok()
        } else {
            None
        }
    })
}

/// Whether a short line is a photo credit: a credit word followed by at most
/// a few words (a name or an agency), e.g. `Idealamppu, kuva pexels`.
fn is_photo_credit(lower: &str) -> bool {
    const MAX_WORDS: usize = SHORT_LINE_WORDS;
    if lower.ends_with('.') {
        return false;
    }
    let words: Vec<&str> = lower
        .split(is_space)
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS + 1)
        .collect();
    if words.len() > MAX_WORDS {
        return false;
    }
    words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_start_matches(['(', ',']);
        is_one_of(PHOTO_CREDIT_WORDS, w) && words.len() - i - 1 <= 4 && words.len() - i > 1
    })
}

/// Whether `text` starts with the navigation link `word` (lower case), in
/// any case, alone or before a `|` (`Lue lisää | 0 Kommenttia`).
fn starts_with_navigation(text: &str, word: &str) -> bool {
    strip_prefix_lowering_to(text, word).is_some_and(|rest| {
        rest.trim_start_matches(is_space).is_empty()
            || rest.trim_start_matches(is_space).starts_with('|')
    })
}

/// `text` after a prefix that lowers to `word`, character for character,
/// without lowering the rest of a long line. Exact for words of plain
/// letters and spaces (no Σ, whose lower case depends on its neighbours).
fn strip_prefix_lowering_to<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let mut chars = text.chars();
    for want in word.chars() {
        let mut lower = chars.next()?.to_lowercase();
        if lower.next() != Some(want) || lower.next().is_some() {
            return None;
        }
    }
    Some(chars.as_str())
}

/// Most words of a line that may be a header or a photo credit; longer
/// lines are running text, and are not lowered to be compared.
const SHORT_LINE_WORDS: usize = 10;

/// A `Julkaistu 2.11.2020` line: a publication word, then a date.
fn publication_line(line: &Line<'_>) -> Option<DateAt> {
    let text = line.text;
    let word_end = text.find(|c: char| is_space(c) || c == ':')?;
    if !PUBLICATION_WORDS.contains(&text[..word_end].to_lower().as_str()) {
        return None;
    }
    let rest = text[word_end..].trim_start_matches(|c: char| is_space(c) || c == ':');
    let offset = text.len() - rest.len();
    let date = leading_date(rest)?;
    Some(DateAt {
        start: line.start + offset + date.span.start,
        end: line.start + offset + date.span.end,
        value: date.value,
    })
}

/// Classifies one trimmed line.
pub(crate) fn classify(line: &Line<'_>) -> LineKind {
    let text = line.text;
    if text.is_empty() {
        return LineKind::Blank;
    }
    if let Some(date) = leading_date(text) {
        let after = &text[date.span.end..];
        let rest = after.trim_start_matches(is_space);
        let date = DateAt {
            start: line.start + date.span.start,
            end: line.start + date.span.end,
            value: date.value,
        };
        let rest = (!rest.is_empty()).then(|| line.end() - rest.len());
        return LineKind::Date { date, rest };
    }
    if let Some(date) = publication_line(line) {
        return LineKind::Published { date };
    }
    if let Some(name) = text.strip_prefix(['>', '›', '»']) {
        let name = name.trim_start_matches(is_space);
        if !name.is_empty() {
            return LineKind::DocumentLink {
                name: line.end() - name.len(),
            };
        }
    }
    if starts_with_navigation(text, "lue lisää") {
        return LineKind::ReadMore {
            comments: comment_count(text),
        };
    }
    if starts_with_navigation(text, "palaa otsikoihin") {
        return LineKind::Footer {
            comments: comment_count(text),
        };
    }
    if NAVIGATION_LINES
        .iter()
        .any(|w| starts_with_navigation(text, w))
    {
        return LineKind::Navigation;
    }
    // Headers and photo credits are short: a paragraph is text.
    if text
        .split(is_space)
        .filter(|w| !w.is_empty())
        .nth(SHORT_LINE_WORDS)
        .is_some()
    {
        return LineKind::Text;
    }
    let lower = text.to_lower();
    let bare = lower.trim_end_matches(':');
    if is_one_of(DOCUMENT_HEADERS, bare) {
        return LineKind::DocumentHeader;
    }
    if is_one_of(SECTION_HEADERS, bare) {
        return LineKind::Section;
    }
    if is_photo_credit(&lower) {
        return LineKind::PhotoCredit;
    }
    LineKind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_short_lines_and_navigation_plain_letters() {
        for h in DOCUMENT_HEADERS.iter().chain(SECTION_HEADERS) {
            assert!(h.split(' ').count() <= SHORT_LINE_WORDS, "{h}");
        }
        for w in NAVIGATION_LINES
            .iter()
            .chain(&["lue lisää", "palaa otsikoihin"])
        {
            assert!(
                w.chars().all(|c| c == ' ' || c.is_lowercase()) && !w.contains('σ'),
                "{w}"
            );
        }
    }

    #[test]
    fn navigation_prefixes_in_any_case() {
        assert!(starts_with_navigation(
            "LUE LISÄÄ | 2 kommenttia",
            "lue lisää"
        ));
        assert!(starts_with_navigation(
            "Palaa otsikoihin",
            "palaa otsikoihin"
        ));
        assert!(!starts_with_navigation("Lue lisää hankkeesta", "lue lisää"));
        assert!(!starts_with_navigation("Lue\u{a0}lisää", "lue lisää"));
        assert!(!starts_with_navigation("Lue", "lue lisää"));
    }

    fn kind(text: &str) -> LineKind {
        classify(&Line { text, start: 0 })
    }

    #[test]
    fn furniture_lines() {
        assert_eq!(
            kind("Lue lisää | 2 Kommenttia"),
            LineKind::ReadMore { comments: Some(2) }
        );
        assert_eq!(kind("Lue lisää"), LineKind::ReadMore { comments: None });
        assert_eq!(
            kind("Palaa otsikoihin | 1 Kommentti | Kommentoi"),
            LineKind::Footer { comments: Some(1) }
        );
        assert_eq!(kind("Ei kommentteja"), LineKind::Navigation);
        assert_eq!(kind("Pöytäkirjat"), LineKind::DocumentHeader);
        assert_eq!(kind("Muistiot:"), LineKind::DocumentHeader);
        assert_eq!(kind("Tiedotteet"), LineKind::Section);
        assert_eq!(kind("> Muistio 4/2019"), LineKind::DocumentLink { name: 2 });
        assert_eq!(
            kind("Kajaanin kaupungintalo, kuva Heikki Rautio"),
            LineKind::PhotoCredit
        );
        assert_eq!(kind("Kuva: Pirkanmaan liitto"), LineKind::PhotoCredit);
    }

    #[test]
    fn text_that_looks_like_furniture_is_text() {
        assert_eq!(kind("Lue lisää hankkeen sivuilta."), LineKind::Text);
        assert_eq!(
            kind("Muistiot julkaistaan viikon kuluessa."),
            LineKind::Text
        );
        assert_eq!(
            kind(
                "Kuva tilanteesta tarkentuu, kun kunnat ovat antaneet lausuntonsa ja työryhmät ovat kokoontuneet."
            ),
            LineKind::Text
        );
    }

    #[test]
    fn date_lines_keep_source_offsets() {
        let line = Line {
            text: "4.10.2017Talousryhmän kokous",
            start: 100,
        };
        match classify(&line) {
            LineKind::Date { date, rest } => {
                assert_eq!((date.start, date.end), (100, 109));
                assert_eq!(rest, Some(109));
            }
            other => panic!("{other:?}"),
        }
    }
}
