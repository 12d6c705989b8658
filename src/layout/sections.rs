//! Labelled parts of a page: contact blocks (`Lisätiedot:`), member lists
//! (`Jäsenet:`, `Kokoonpano`), attendance in minutes (`Läsnä:`, `Poissa:`),
//! and numbered or bulleted lists.

use crate::lexicon::SECTION_LABELS;
use crate::text::{ByteSet, Line, ToLower, is_space};

use super::LineKind;

/// What a labelled part of a page holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// People to contact (`Lisätiedot:`).
    Contacts,
    /// Members of the page's body (`Jäsenet:`, `Kokoonpano`).
    Members,
    /// Deputy members (`Varajäsenet:`).
    Deputies,
    /// Present at a meeting (`Läsnä:`).
    Present,
    /// Absent from a meeting (`Poissa:`).
    Absent,
    /// Others present at a meeting (`Muut läsnäolijat:`).
    OthersPresent,
    /// A numbered or bulleted list without a label.
    List,
}

/// One item of a section: a line, or the text after a label on its line
/// (`Lisätietoja: Aino Virtanen, p. 040 123 4567`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// The item's text, without a list marker.
    pub(crate) text: &'a str,
    /// Byte offset of `text` in the source.
    pub(crate) start: usize,
    /// Index of the item's line.
    pub(crate) line: usize,
}

/// A labelled or listed part of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section<'a> {
    pub(crate) kind: SectionKind,
    /// Index of the label's line, for labelled sections.
    pub(crate) label_line: Option<usize>,
    pub(crate) items: Vec<Item<'a>>,
}

/// Whether `lower` is `label`, or ends with it as a last word
/// (`johtoryhmän jäsenet` ends with `jäsenet`).
fn is_label(lower: &str, label: &str) -> bool {
    lower == label || lower.strip_suffix(label).is_some_and(|p| p.ends_with(' '))
}

/// The label line `index` starts with, and the rest of the line after it.
///
/// Most lines are turned away by the last two bytes of their head (the
/// text before the first `:` or `(`, found by `memchr`) before the line is
/// split, counted and lowered: see [`may_end_in_label`].
fn label_of<'a>(line: &Line<'a>, index: usize) -> Option<(SectionKind, Option<Item<'a>>)> {
    let bytes = line.text.as_bytes();
    let head_end = memchr::memchr2(b':', b'(', bytes).unwrap_or(bytes.len());
    let head = line.text.get(..head_end).unwrap_or_default();
    if !may_end_in_label(head.trim_end_matches(is_space).as_bytes()) {
        return None;
    }
    label_of_by_lowering(line, index)
}

/// The last two bytes of every [`SECTION_LABELS`] label that ends in two
/// ASCII bytes (all are lower case).
const LABEL_ENDS: [Option<[u8; 2]>; SECTION_LABELS.len()] = {
    let mut ends = [None; SECTION_LABELS.len()];
    let mut k = 0;
    while k < SECTION_LABELS.len() {
        let label = SECTION_LABELS[k].0.as_bytes();
        if let [.., a, b] = label
            && a.is_ascii()
            && b.is_ascii()
        {
            ends[k] = Some([*a, *b]);
        }
        k += 1;
    }
    ends
};

/// The last byte of every [`SECTION_LABELS`] label.
const LABEL_LAST_BYTES: [u8; SECTION_LABELS.len()] = {
    let mut last = [0u8; SECTION_LABELS.len()];
    let mut k = 0;
    while k < SECTION_LABELS.len() {
        if let [.., z] = SECTION_LABELS[k].0.as_bytes() {
            last[k] = *z;
        }
        k += 1;
    }
    last
};

/// [`LABEL_LAST_BYTES`] as a set: asked of nearly every text line, where
/// `contains` on the list set up a `memchr` search each time (about a
/// hundred instructions).
const LABEL_LAST_BYTE_SET: ByteSet = ByteSet::of(&LABEL_LAST_BYTES);

/// The last four bytes of every [`SECTION_LABELS`] label that ends in four
/// ASCII bytes (all are lower case). Every label has four bytes at least
/// (checked below), so a head that ends in a label and in four ASCII bytes
/// ends in the last four bytes of that label.
const LABEL_TAILS: [Option<[u8; 4]>; SECTION_LABELS.len()] = {
    let mut tails = [None; SECTION_LABELS.len()];
    let mut k = 0;
    while k < SECTION_LABELS.len() {
        let label = SECTION_LABELS[k].0.as_bytes();
        assert!(label.len() >= 4, "a label shorter than the tails");
        if let [.., a, b, c, d] = label
            && a.is_ascii()
            && b.is_ascii()
            && c.is_ascii()
            && d.is_ascii()
        {
            tails[k] = Some([*a, *b, *c, *d]);
        }
        k += 1;
    }
    tails
};

/// Whether a label's head (trimmed at its end) may lower to something that
/// ends with a label. When its last two bytes are ASCII, its lower case
/// ends with them lowered (lowering is character by character, and only
/// `Σ`, no ASCII, looks at its neighbours), so some label must end with
/// that pair; when its last four are, with those four ([`LABEL_TAILS`]:
/// most Finnish words end in a pair some label ends in, `-aa`, `-ja`,
/// `-et`, far fewer in its last four bytes); when only its last byte is
/// (`Kannuksessa.`: a sentence ends in `ä` and a stop), with that byte
/// ([`LABEL_LAST_BYTES`]); a head ending in anything else is let through.
fn may_end_in_label(head: &[u8]) -> bool {
    // A last byte that is ASCII is the last of the lower case lowered.
    if let [.., z] = head
        && z.is_ascii()
        && !LABEL_LAST_BYTE_SET.contains(z.to_ascii_lowercase())
    {
        return false;
    }
    match head {
        [.., a, b, c, d] if [a, b, c, d].iter().all(|x| x.is_ascii()) => {
            let tail = [a, b, c, d].map(u8::to_ascii_lowercase);
            LABEL_TAILS.contains(&Some(tail))
        }
        [.., a, b] if a.is_ascii() && b.is_ascii() => {
            let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
            LABEL_ENDS.contains(&Some(pair))
        }
        _ => true,
    }
}

/// [`label_of`] without its byte filter: the head split off, counted and
/// lowered, and compared with every label.
fn label_of_by_lowering<'a>(
    line: &Line<'a>,
    index: usize,
) -> Option<(SectionKind, Option<Item<'a>>)> {
    let text = line.text;
    let (head, rest) = match text.split_once(':') {
        Some((h, r)) => (h, Some(r)),
        None => (text, None),
    };
    // `Jäsenet (henkilökohtainen varajäsen suluissa)`: a note in brackets
    // after the label is not part of it.
    let head = head.split('(').next().unwrap_or(head);
    // A label line without a colon must be the label alone (`Kokoonpano`).
    if rest.is_none() && head.split(is_space).nth(3).is_some() {
        return None;
    }
    let lower = head.trim_matches(is_space).to_lower();
    let kind = SECTION_LABELS
        .iter()
        .find(|(label, _)| is_label(&lower, label))
        .map(|(_, kind)| *kind)?;
    let item = rest.and_then(|r| {
        let trimmed = r.trim_matches(is_space);
        (!trimmed.is_empty()).then(|| Item {
            text: trimmed,
            start: line.end() - r.trim_start_matches(is_space).len(),
            line: index,
        })
    });
    Some((kind, item))
}

/// Whether a line can belong to a contact block: short running text, as
/// names, titles, phone numbers and addresses are (`Tiina Virtanen`,
/// `Kehitysjohtaja, sote-palvelut`, `040 123 4567`).
fn is_contact_line(line: &Line<'_>, kind: LineKind) -> bool {
    const MAX_WORDS: usize = 10;
    matches!(kind, LineKind::Text)
        && line
            .text
            .split(is_space)
            .filter(|w| !w.is_empty())
            .nth(MAX_WORDS)
            .is_none()
        && !line.text.ends_with(['.', '?', '!'])
        && list_marker(line.text).is_none()
}

/// A list marker at the start of a line: `1.`, `2)`, `-`, `–`, `•`, `*`.
/// Returns the offset of the item's text within the line.
pub(crate) fn list_marker(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = if (1..=3).contains(&digits) {
        match text.as_bytes().get(digits) {
            Some(b'.') | Some(b')') => digits + 1,
            _ => return None,
        }
    } else {
        let c = text.chars().next()?;
        if !matches!(c, '-' | '–' | '•' | '*' | '·' | '▪') {
            return None;
        }
        c.len_utf8()
    };
    let rest = text.get(after..)?;
    let body = rest.trim_start_matches(is_space);
    // A marker is followed by space, then text (`1.7.` is a date, `-hanke` a word).
    (body.len() < rest.len() && !body.is_empty()).then(|| text.len() - body.len())
}

/// Finds the sections of a page.
pub(crate) fn find_sections<'a>(ls: &[Line<'a>], kinds: &[LineKind]) -> Vec<Section<'a>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        if matches!(kinds[i], LineKind::Text) {
            if let Some((kind, inline)) = label_of(&ls[i], i) {
                let mut items: Vec<Item<'a>> = inline.into_iter().collect();
                let mut j = i + 1;
                // Items follow on the next lines, maybe after one blank line,
                // up to the next blank line or label.
                if inline.is_none() && j < ls.len() && ls[j].is_blank() {
                    j += 1;
                }
                loop {
                    // A contact block runs on over blank lines while short
                    // lines follow (a name, a title, a phone, an address).
                    if kind == SectionKind::Contacts && j < ls.len() && ls[j].is_blank() {
                        let next = (j..ls.len()).find(|&k| !ls[k].is_blank());
                        match next {
                            Some(k)
                                if is_contact_line(&ls[k], kinds[k])
                                    && label_of(&ls[k], k).is_none() =>
                            {
                                j = k
                            }
                            _ => break,
                        }
                    }
                    if j >= ls.len() || ls[j].is_blank() || label_of(&ls[j], j).is_some() {
                        break;
                    }
                    if matches!(kinds[j], LineKind::Text | LineKind::Date { .. }) {
                        let text = ls[j].text;
                        let skip = list_marker(text).unwrap_or(0);
                        items.push(Item {
                            text: &text[skip..],
                            start: ls[j].start + skip,
                            line: j,
                        });
                    }
                    j += 1;
                }
                out.push(Section {
                    kind,
                    label_line: Some(i),
                    items,
                });
                i = j.max(i + 1);
                continue;
            }
            if list_marker(ls[i].text).is_some() {
                let mut items = Vec::new();
                let mut j = i;
                while j < ls.len() && !ls[j].is_blank() {
                    let Some(skip) = list_marker(ls[j].text) else {
                        break;
                    };
                    let text = ls[j].text;
                    items.push(Item {
                        text: &text[skip..],
                        start: ls[j].start + skip,
                        line: j,
                    });
                    j += 1;
                }
                out.push(Section {
                    kind: SectionKind::List,
                    label_line: None,
                    items,
                });
                i = j.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::line_kind::classify;
    use crate::text::lines;

    fn sections(src: &str) -> Vec<(SectionKind, Vec<&str>)> {
        let ls = lines(src);
        let kinds: Vec<_> = ls.iter().map(classify).collect();
        find_sections(&ls, &kinds)
            .into_iter()
            .map(|s| (s.kind, s.items.iter().map(|i| i.text).collect()))
            .collect()
    }

    #[test]
    fn labelled_sections() {
        let src = "Lisätietoja:\n\nAino Virtanen\nKehitysjohtaja\n040 123 4567\n\nJäsenet:\nKoski Matti, pj\nLehto Sari\n\nLäsnä: Koski Matti, Lehto Sari\nPoissa:\nNieminen Olli\n";
        assert_eq!(
            sections(src),
            vec![
                (
                    SectionKind::Contacts,
                    vec!["Aino Virtanen", "Kehitysjohtaja", "040 123 4567"]
                ),
                (SectionKind::Members, vec!["Koski Matti, pj", "Lehto Sari"]),
                (SectionKind::Present, vec!["Koski Matti, Lehto Sari"]),
                (SectionKind::Absent, vec!["Nieminen Olli"]),
            ]
        );
    }

    #[test]
    fn inline_contact_and_lists() {
        let src = "Lisätiedot: Aino Virtanen, p. 040 123 4567\n\n  1. Talousryhmä\n  2. Viestintätyöryhmä\n- Digi ja ICT -ryhmä\n";
        assert_eq!(
            sections(src),
            vec![
                (
                    SectionKind::Contacts,
                    vec!["Aino Virtanen, p. 040 123 4567"]
                ),
                (
                    SectionKind::List,
                    vec!["Talousryhmä", "Viestintätyöryhmä", "Digi ja ICT -ryhmä"]
                ),
            ]
        );
    }

    #[test]
    fn contact_block_runs_over_blank_lines_between_people() {
        let src = "Lisätietoja:\n\nAino Virtanen\nKehitysjohtaja\n\nOlli Nieminen\n\nHankepäällikkö\n040 765 4321\n\nPalaa otsikoihin | 0 Kommenttia\n";
        assert_eq!(
            sections(src),
            vec![(
                SectionKind::Contacts,
                vec![
                    "Aino Virtanen",
                    "Kehitysjohtaja",
                    "Olli Nieminen",
                    "Hankepäällikkö",
                    "040 765 4321"
                ]
            )]
        );
    }

    /// Pieces of label lines: labels and other words in several cases
    /// (with a Kelvin sign, an `İ` whose lower case is longer, a `Σ`),
    /// colons, brackets, every kind of space, Finnish letters and dashes.
    const LABEL_PIECES: &[&str] = &[
        "Lisätietoja",
        "LISÄTIETOJA",
        "lisätiedot",
        "antaa",
        "ANTAVAT",
        "Jäsenet",
        "JÄSENET",
        "jäsenet",
        "Varajäsenet",
        "Kokoonpano",
        "KOKOONPANO",
        "Läsnä",
        "LÄSNÄ",
        "läsnä",
        "olleet",
        "Poissa",
        "POISSA",
        "Muut",
        "läsnäolijat",
        "saapuvilla",
        "tiedustelut",
        "Yhteystiedot",
        "ja",
        "johtoryhmän",
        "Aino Virtanen",
        "\u{212a}okoonpano",
        "\u{212a}",
        "İ",
        "Σ",
        "σ",
        "ä",
        "Ä",
        "a",
        "A",
        "T",
        "t",
        ":",
        ": ",
        "(",
        ")",
        " (suluissa)",
        " ",
        "  ",
        "\u{a0}",
        "\u{2009}",
        "\t",
        "-",
        "–",
        ".",
        "040 123 4567",
        "\u{1F600}",
        "Kannuksessa.",
        "YHTEYSTIEDOT",
        "yhteystiedoT",
        "TIEDUSTELUT",
        "tiedot",
        "edot",
        "ot",
        "kesällä",
        "ryhmä",
    ];

    proptest::proptest! {
        #[test]
        fn label_of_agrees_with_lowering_every_line(
            picks in proptest::collection::vec(0usize..1000, 0..10),
            index in 0usize..100,
        ) {
            let raw: String = picks.iter().map(|&i| LABEL_PIECES[i % LABEL_PIECES.len()]).collect();
            for text in [raw.as_str(), raw.trim_matches(is_space)] {
                let line = Line { text, start: 7 };
                proptest::prop_assert_eq!(
                    label_of(&line, index),
                    label_of_by_lowering(&line, index),
                    "{:?}", text
                );
            }
        }
    }

    #[test]
    fn label_ends_hold_the_ascii_labels() {
        assert_eq!(LABEL_ENDS[0], Some(*b"ot"));
        assert!(
            SECTION_LABELS
                .iter()
                .zip(LABEL_ENDS)
                .all(|((label, _), end)| {
                    let b = label.as_bytes();
                    end.is_some() == b[b.len() - 2..].is_ascii()
                })
        );
    }

    /// The set of last bytes holds a byte exactly when some label ends
    /// in it.
    #[test]
    fn last_byte_set_holds_the_labels_last_bytes() {
        for b in 0..=u8::MAX {
            assert_eq!(
                LABEL_LAST_BYTE_SET.contains(b),
                LABEL_LAST_BYTES.contains(&b),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker("1. Talousryhmä"), Some(3));
        assert_eq!(list_marker("12) kohta"), Some(4));
        assert_eq!(list_marker("• kohta"), Some(4));
        assert_eq!(list_marker("1.7. alkaen"), None);
        assert_eq!(list_marker("-hanke"), None);
        assert_eq!(list_marker("2018. vuonna"), None);
        assert_eq!(list_marker("1."), None);
    }
}
