//! Lay out a page: decide what each line is, where the title, the
//! publication date and the listing entries are, and what kind of page it is.

mod line_kind;
mod sections;

use crate::lexicon::{
    AGENDA_WORDS, ATTENDANCE_FIELDS, BODY_HEADS, MEETING_HEADER_FIELDS, MINUTES_WORDS,
};
use crate::model::DocumentKind;
use crate::text::{Line, ToLower, is_space, lines, to_lower};
use line_kind::classify;
pub(crate) use line_kind::{DateAt, LineKind};
pub(crate) use sections::{Section, SectionKind};

/// One item of a listing page, as positions in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntryLayout<'a> {
    pub(crate) posted: DateAt,
    /// The heading, borrowed from the source.
    pub(crate) heading: &'a str,
    /// Where the heading starts in the source.
    pub(crate) heading_start: usize,
    /// Names of linked documents.
    pub(crate) documents: Vec<&'a str>,
    /// The summary's byte range, when there is one.
    pub(crate) summary: Option<(usize, usize)>,
    pub(crate) comments: Option<u32>,
    /// The whole entry's byte range.
    pub(crate) span: (usize, usize),
}

/// The page's parts.
#[derive(Debug, Clone)]
pub(crate) struct Layout<'a> {
    pub(crate) lines: Vec<Line<'a>>,
    pub(crate) kinds: Vec<LineKind>,
    pub(crate) sections: Vec<Section<'a>>,
    pub(crate) title: Option<Line<'a>>,
    pub(crate) published: Option<DateAt>,
    pub(crate) entries: Vec<EntryLayout<'a>>,
    pub(crate) comments: Option<u32>,
    pub(crate) kind: DocumentKind,
}

/// The index of the next line at or after `from` that carries content.
fn next_content(kinds: &[LineKind], from: usize) -> Option<usize> {
    (from..kinds.len()).find(|&i| kinds[i].is_content())
}

/// Whether a line ends an entry: another dated line, the page footer or
/// navigation residue.
fn ends_entry(kind: &LineKind) -> bool {
    matches!(kind, LineKind::Date { .. } | LineKind::Footer { .. })
}

/// Reads the entry that starts at line `at`, if the lines after its heading
/// carry the marks of a listing item (document links or `Lue lisää`).
fn entry_at<'a>(
    ls: &[Line<'a>],
    kinds: &[LineKind],
    at: usize,
    source: &'a str,
) -> Option<(EntryLayout<'a>, usize)> {
    let LineKind::Date { date, rest } = kinds[at] else {
        return None;
    };
    let (heading_start, heading_line, body_from) = match rest {
        Some(offset) => (offset, at, at + 1),
        None => {
            let h = next_content(kinds, at + 1)?;
            if !matches!(kinds[h], LineKind::Text) {
                return None;
            }
            (ls[h].start, h, h + 1)
        }
    };
    let heading = source.get(heading_start..ls[heading_line].end())?;
    let mut end = body_from;
    let mut documents = Vec::new();
    let mut marked = false;
    let mut comments = None;
    let mut summary: Option<(usize, usize)> = None;
    while end < ls.len() && !ends_entry(&kinds[end]) {
        match kinds[end] {
            LineKind::DocumentHeader => {
                marked = true;
            }
            LineKind::DocumentLink { name } => {
                marked = true;
                documents.push(&source[name..ls[end].end()]);
            }
            LineKind::ReadMore { comments: c } => {
                marked = true;
                comments = c;
                end += 1;
                break;
            }
            LineKind::Text => {
                summary = Some(match summary {
                    Some((s, _)) => (s, ls[end].end()),
                    None => (ls[end].start, ls[end].end()),
                });
            }
            LineKind::Blank => {}
            _ => {}
        }
        end += 1;
    }
    if !marked {
        return None;
    }
    if documents.is_empty() {
        // A header with no links below it names the document itself.
        documents.extend(
            (body_from..end)
                .filter(|&i| matches!(kinds[i], LineKind::DocumentHeader))
                .map(|i| ls[i].text.trim_end_matches(':')),
        );
    }
    let last = (at..end).rev().find(|&i| !ls[i].is_blank()).unwrap_or(at);
    Some((
        EntryLayout {
            posted: date,
            heading,
            heading_start,
            documents,
            summary,
            comments,
            span: (ls[at].start, ls[last].end()),
        },
        end,
    ))
}

fn find_entries<'a>(ls: &[Line<'a>], kinds: &[LineKind], source: &'a str) -> Vec<EntryLayout<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        match entry_at(ls, kinds, i, source) {
            Some((entry, next)) => {
                out.push(entry);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a name's last word is a governance body head in the nominative
/// (`Strateginen johtoryhmä`, `Sote-tiimi`, `Kuntajohtajakokous`).
pub(crate) fn names_a_body(text: &str) -> bool {
    let last = text
        .split(is_space)
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lower();
    let last = last.trim_end_matches(['.', ':']);
    BODY_HEADS.iter().any(|(head, _)| last.ends_with(head))
}

fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| is_space(c) || c.is_ascii_punctuation())
        .filter(|w| !w.is_empty())
        .map(to_lower)
        .collect()
}

/// Whether a line is a header field of agendas and minutes (`Läsnä:`).
fn header_field(text: &str, fields: &[&str]) -> bool {
    text.split_once(':')
        .is_some_and(|(k, _)| fields.contains(&k.trim_matches(is_space).to_lower().as_str()))
}

/// Whether a line is a numbered agenda item: `1 §`, `§ 5`, `5 § Kokouksen avaus`.
fn is_section_item(text: &str) -> bool {
    let mut words = text.split(is_space).filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (Some("§"), Some(n)) => n.trim_end_matches('.').parse::<u32>().is_ok(),
        (Some(n), Some("§")) => n.parse::<u32>().is_ok(),
        (Some(w), _) => w
            .strip_prefix('§')
            .is_some_and(|n| n.parse::<u32>().is_ok()),
        _ => false,
    }
}

/// Whether [`is_section_item`] may say yes of `text`: its first word is
/// led by an ASCII digit or a `+` (a number `parse` takes, before `§`) or
/// by the first byte of `§` (0xC2). Most lines are turned away by that
/// one byte before their words are split off and parsed.
fn may_be_section_item(text: &str) -> bool {
    text.trim_start_matches(is_space)
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b == b'+' || b == 0xC2)
}

/// The kind of an agenda or minutes page, from its title's words or else
/// from its numbered items (`5 §`) and header fields (`Läsnä:`).
///
/// The lines are asked whether any is an item (gated by
/// [`may_be_section_item`]) before any is asked for a header field: most
/// pages hold no item, and their lines are not split at a `:` at all.
fn meeting_document_kind(title: Option<&str>, ls: &[Line<'_>]) -> Option<DocumentKind> {
    if let Some(kind) = title.and_then(title_document_kind) {
        return Some(kind);
    }
    let items = ls
        .iter()
        .any(|l| may_be_section_item(l.text) && is_section_item(l.text));
    if !items {
        return None;
    }
    header_document_kind(ls)
}

/// The kind a page's title names, by its words' beginnings: an agenda's
/// words asked first, then the minutes'.
fn title_document_kind(title: &str) -> Option<DocumentKind> {
    let title_words = words_lower(title);
    let has = |words: &[&str]| {
        title_words
            .iter()
            .any(|w| words.iter().any(|k| w.starts_with(k)))
    };
    if has(AGENDA_WORDS) {
        Some(DocumentKind::Agenda)
    } else if has(MINUTES_WORDS) {
        Some(DocumentKind::Minutes)
    } else {
        None
    }
}

/// The kind of a page of numbered items told by its header fields: none
/// without a meeting's header field, minutes with an attendance field,
/// an agenda without one.
fn header_document_kind(ls: &[Line<'_>]) -> Option<DocumentKind> {
    let header = ls
        .iter()
        .any(|l| header_field(l.text, MEETING_HEADER_FIELDS));
    if !header {
        return None;
    }
    if ls.iter().any(|l| header_field(l.text, ATTENDANCE_FIELDS)) {
        Some(DocumentKind::Minutes)
    } else {
        Some(DocumentKind::Agenda)
    }
}

/// Lays out `source`.
pub(crate) fn lay_out(source: &str) -> Layout<'_> {
    let ls = lines(source);
    let kinds: Vec<LineKind> = ls.iter().map(classify).collect();
    let entries = find_entries(&ls, &kinds, source);
    let entry_starts: Vec<usize> = entries.iter().map(|e| e.span.0).collect();
    let is_entry_line = |i: usize| entry_starts.contains(&ls[i].start);

    // The title: the first content line, unless a date line comes first
    // (`23.02.2018` then the title) or a short section name heads the page
    // before a date line.
    let mut published = None;
    let mut title = None;
    if let Some(first) = next_content(&kinds, 0) {
        let second = next_content(&kinds, first + 1);
        match (kinds[first], second) {
            (LineKind::Date { date, rest: None }, Some(t))
                if !is_entry_line(first) && matches!(kinds[t], LineKind::Text) =>
            {
                published = Some(date);
                title = Some(ls[t]);
            }
            (LineKind::Text, Some(d)) => {
                let third = next_content(&kinds, d + 1);
                match (kinds[d], third) {
                    (LineKind::Date { date, rest: None }, Some(t))
                        if !is_entry_line(d)
                            && matches!(kinds[t], LineKind::Text)
                            && ls[first].text.split(is_space).nth(3).is_none()
                            && !names_a_body(ls[first].text) =>
                    {
                        published = Some(date);
                        title = Some(ls[t]);
                    }
                    (LineKind::Date { date, .. }, _) if !is_entry_line(d) => {
                        published = Some(date);
                        title = Some(ls[first]);
                    }
                    _ => title = Some(ls[first]),
                }
            }
            (LineKind::Text, None) => title = Some(ls[first]),
            _ => {}
        }
    }

    // The page's comment count is in its footer, outside every entry; an
    // entry's own `Lue lisää | N Kommenttia` is the entry's.
    let mut entry_spans = entries.iter().map(|e| e.span).peekable();
    let mut footer = None;
    for (line, kind) in ls.iter().zip(&kinds) {
        while entry_spans
            .peek()
            .is_some_and(|&(_, end)| end <= line.start)
        {
            entry_spans.next();
        }
        let inside = entry_spans
            .peek()
            .is_some_and(|&(start, _)| start <= line.start);
        if let LineKind::Footer { comments } = kind {
            if !inside || footer.is_none() {
                footer = Some((*comments, inside));
            }
            if !inside {
                break;
            }
        }
    }
    let comments = footer.and_then(|(c, _)| c);

    // `Julkaistu 2.11.2020 klo 10.15 | Uutiset` near the top dates the page.
    const PUBLICATION_LINE_REACH: usize = 8;
    if published.is_none() {
        published = kinds
            .iter()
            .filter(|k| !matches!(k, LineKind::Blank))
            .take(PUBLICATION_LINE_REACH)
            .find_map(|k| match k {
                LineKind::Published { date } => Some(*date),
                _ => None,
            });
    }
    let title_text = title.map(|t| t.text);
    let kind = if !entries.is_empty() {
        let about_a_body = title_text.is_some_and(names_a_body);
        if about_a_body {
            DocumentKind::BodyPage
        } else {
            DocumentKind::MaterialsListing
        }
    } else if let Some(k) = meeting_document_kind(title_text, &ls) {
        k
    } else if published.is_some() {
        DocumentKind::NewsArticle
    } else if title_text.is_some_and(names_a_body) {
        DocumentKind::BodyPage
    } else {
        DocumentKind::Other
    };

    let sections = sections::find_sections(&ls, &kinds);
    Layout {
        sections,
        lines: ls,
        kinds,
        title,
        published,
        entries,
        comments,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`meeting_document_kind`] as it was before the item gate: every line
    /// split and parsed for an item, and every line asked for a header
    /// field, before either answer was looked at. The oracle of
    /// `meeting_kind_agrees_with_counting_every_item`.
    fn meeting_document_kind_by_count(
        title: Option<&str>,
        ls: &[Line<'_>],
    ) -> Option<DocumentKind> {
        if let Some(kind) = title.and_then(title_document_kind) {
            return Some(kind);
        }
        let items = ls.iter().filter(|l| is_section_item(l.text)).count();
        let header = ls
            .iter()
            .any(|l| header_field(l.text, MEETING_HEADER_FIELDS));
        if items == 0 || !header {
            return None;
        }
        if ls.iter().any(|l| header_field(l.text, ATTENDANCE_FIELDS)) {
            Some(DocumentKind::Minutes)
        } else {
            Some(DocumentKind::Agenda)
        }
    }

    /// Pieces of agenda and minutes pages: item numbers in their shapes,
    /// header fields, Finnish words, spaces and punctuation.
    const PIECES: &[&str] = &[
        "§",
        "§ ",
        " §",
        "5",
        "12",
        "+3",
        "-4",
        "0",
        "5.",
        "§5",
        "§ 12.",
        "x§",
        "Aika",
        "aika",
        "Paikka",
        "Läsnä",
        "läsnä",
        "Poissa",
        "Osallistujat",
        "Muut läsnäolijat",
        "Läsnä olleet",
        ":",
        ": ",
        "Kokouksen avaus",
        "Esityslista",
        "Pöytäkirja",
        "muistio",
        "Sote-valmistelu",
        "ja",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "\n",
        "\r\n",
        ".",
        ",",
        "ä",
        "Ö",
        "²",
        "€",
        "¶",
    ];

    proptest! {
        /// The gated item search and the header fields asked only after an
        /// item give the kind the full count gave, on pages of item,
        /// header and text lines, with and without a title.
        #[test]
        fn meeting_kind_agrees_with_counting_every_item(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..60),
            title in prop::collection::vec(prop::sample::select(PIECES), 0..6),
        ) {
            let source = pieces.concat();
            let ls = lines(&source);
            let title = title.concat();
            for title in [None, Some(title.as_str())] {
                prop_assert_eq!(
                    meeting_document_kind(title, &ls),
                    meeting_document_kind_by_count(title, &ls)
                );
            }
        }

        /// The item gate lets through every text an item is read from,
        /// trimmed or not.
        #[test]
        fn every_item_passes_the_gate(
            pieces in prop::collection::vec(prop::sample::select(PIECES), 0..8),
        ) {
            let text = pieces.concat();
            prop_assert!(!is_section_item(&text) || may_be_section_item(&text), "{:?}", text);
        }
    }

    /// Items in each shape pass the gate and are read; text lines are not.
    #[test]
    fn section_items_in_every_shape() {
        for item in [
            "1 §",
            "§ 5",
            "§ 5.",
            "5 § Kokouksen avaus",
            "§5",
            "+5 §",
            " 7 §",
        ] {
            assert!(may_be_section_item(item), "{item}");
            assert!(is_section_item(item), "{item}");
        }
        for text in ["Kokouksen avaus", "Aika: 5.3.2020", "5. kokous", "x § 5"] {
            assert!(!is_section_item(text), "{text}");
        }
    }
}
