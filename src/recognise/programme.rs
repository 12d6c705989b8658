//! Projects, pilots and programmes: `Uusimaa 2019 -hankkeen` →
//! `Uusimaa 2019 -hanke`, `I&O-kärkihankkeesta` → `I&O-kärkihanke`.

use crate::lexicon::heads::{HeadGroup, HeadedWords};
use crate::model::Span;
use crate::recognise::organization::headed_indices;
use crate::text::Word;

use super::phrase::{is_compound_coordination, is_name_word, joined_to_previous, tidy};

/// A named project, pilot or programme found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProgrammeMatch<'a> {
    /// Where the mention lies in the text.
    pub span: Span,
    /// The mention as written.
    pub text: &'a str,
    /// The name in its basic form: the head word (`hanke`, `pilotti`,
    /// `ohjelma`, `projekti`, `kokeilu`) in the nominative.
    pub name: String,
}

/// Words before a `-hanke` head that can belong to its name.
const MAX_NAME_WORDS: usize = 6;

/// Whether a compound's first part makes it a name rather than a common
/// noun: a capital letter past the first character, a capital at the start
/// of a word that does not start a sentence, a digit, `&` or a hyphen
/// (`I&O-kärkihanke`, `sote-hanke`, `Apotti-hanke` mid-sentence).
fn names_something(word: &Word<'_>, prefix: &str) -> bool {
    prefix
        .chars()
        .skip(1)
        .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '-')
        || (word.is_capitalised() && !word.starts_sentence())
}

/// The first word of the name before an open compound head `ws[i]`
/// (`-ohjelma`), or `None` when no word before it names anything. The word
/// just before the hyphen is the compound's first part and may be a common
/// noun (`terveyskeskus -ohjelma`), and so may the first parts of a
/// coordination (`sosiaali- ja terveyskeskus`); the name must still begin
/// with a word that names (`Tulevaisuuden sosiaali- ja terveyskeskus
/// -ohjelma`), and not with an abbreviation in the genitive (`STM:n`),
/// which says whose it is. The name stays on the head's line.
fn open_name_start(ws: &[Word<'_>], i: usize) -> Option<usize> {
    let mut first = i;
    // Whether a word that names nothing by itself was taken.
    let mut common = false;
    while first > 0 && i - first < MAX_NAME_WORDS && joined_to_previous(&ws[first]) {
        let candidate = &ws[first - 1];
        if is_compound_coordination(candidate) && first >= 2 {
            first -= 2;
            common = true;
        } else if is_name_word(candidate.text) {
            first -= 1;
        } else if first == i {
            first -= 1;
            common = true;
        } else {
            break;
        }
    }
    while first < i
        && (ws[first].text == "ja" || ws[first].text.contains(':') || !is_name_word(ws[first].text))
    {
        first += 1;
    }
    // Before a common noun, a capital that only starts the sentence names
    // something only as a genitive attribute (`Tulevaisuuden
    // sosiaali- ja terveyskeskus -ohjelma`, not `Lisäksi sosiaali- ja
    // terveyskeskus -ohjelma`).
    let lead = ws.get(first)?;
    if common && lead.starts_sentence() && !lead.text.ends_with('n') {
        return None;
    }
    (first < i).then_some(first)
}

/// Every named programme in `text`, left to right.
///
/// Two shapes are names: an open compound after a space
/// (`Tulevaisuuden sote-keskus -ohjelma`, `Uusimaa 2019 -hankkeessa`),
/// whose name runs back over the words that can be part of a name; and a
/// compound whose first part is itself a name (`I&O-kärkihanke`). Common
/// nouns (`hanke`, `pilottihanke`, `käyttöönottoprojekti`) are not names.
///
/// ```
/// use sote_records::recognise::programme::find_programmes;
///
/// let found = find_programmes("Kainuu 2020 -hankkeen ja Apotti-projektin väki");
/// let names: Vec<_> = found.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["Kainuu 2020 -hanke", "Apotti-projekti"]);
/// ```
pub fn find_programmes(text: &str) -> Vec<ProgrammeMatch<'_>> {
    let headed = HeadedWords::new(text);
    find_programmes_in(text, &headed, &headed_indices(&headed))
}

/// [`find_programmes`] over the words of `text` already split and looked
/// up; the pipeline does that once for several recognisers. `maybe` holds,
/// ascending, the indices of every word that may end in a head (every word
/// whose [`HeadedWords::head`] is some, and maybe others): only those are
/// read, as a programme ends in a head, where every word was.
pub(crate) fn find_programmes_in<'t>(
    text: &'t str,
    headed: &HeadedWords<'t>,
    maybe: &[u32],
) -> Vec<ProgrammeMatch<'t>> {
    let ws = &headed.words;
    let mut out = Vec::new();
    let mut after = 0;
    for &k in maybe {
        let i = k as usize;
        // Each word once, in order, whatever the list repeats.
        if i < after {
            continue;
        }
        after = i + 1;
        let Some(w) = ws.get(i) else {
            continue;
        };
        programme_at(text, headed, i, w, &mut out);
    }
    out
}

/// [`find_programmes_in`] reading every word: the loop before it read
/// only the words that may end in a head, the oracle of its test.
#[cfg(test)]
fn find_programmes_at_every_word<'t>(
    text: &'t str,
    headed: &HeadedWords<'t>,
) -> Vec<ProgrammeMatch<'t>> {
    let mut out = Vec::new();
    for (i, w) in headed.words.iter().enumerate() {
        programme_at(text, headed, i, w, &mut out);
    }
    out
}

/// The programme whose head ends word `i` (`w`), if there is one, pushed
/// onto `out` after the names found before it that it swallows.
fn programme_at<'t>(
    text: &'t str,
    headed: &HeadedWords<'t>,
    i: usize,
    w: &Word<'t>,
    out: &mut Vec<ProgrammeMatch<'t>>,
) {
    let ws = &headed.words;
    let Some(head) = headed.head(i) else {
        return;
    };
    if head.group != HeadGroup::Programme || !w.text.is_char_boundary(head.at) {
        return;
    }
    let prefix = &w.text[..head.at];
    let first = if prefix == "-" {
        let Some(first) = open_name_start(ws, i) else {
            return;
        };
        first
    } else if !prefix.is_empty() && names_something(w, prefix) {
        i
    } else {
        return;
    };
    let start = ws[first].start;
    let Some(name_part) = text.get(start..w.start + head.at) else {
        return;
    };
    // A longer name swallows a shorter one found inside it
    // (`Tulevaisuuden sote-keskuskokeilu -ohjelma` holds a `-kokeilu`).
    while out
        .last()
        .is_some_and(|p: &ProgrammeMatch<'_>| p.span.start >= start)
    {
        out.pop();
    }
    out.push(ProgrammeMatch {
        span: Span::new(start, w.end()),
        text: &text[start..w.end()],
        name: format!("{}{}", tidy(name_part), head.basic),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Announcement-like text around programme names: head forms alone,
    /// capitalised, after a hyphen and compounded with names, years,
    /// capitalised genitives, coordinations and lower-case fillers, between
    /// spaces, commas, full stops and line ends.
    fn programme_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let headed = crate::lexicon::heads::headed_words("Apotti");
        let other = prop::sample::select(vec![
            "Tulevaisuuden",
            "sote-keskus",
            "sosiaali-",
            "ja",
            "terveyskeskus",
            "Kainuu",
            "Kainuun",
            "2020",
            "2019",
            "Keski-Suomi",
            "Päijät-Häme",
            "STM:n",
            "osana",
            "tämä",
            "Lisäksi",
            "hankinta",
            "LAPE-",
            "rahoitetaan",
            "Hanke",
            "ODA",
        ])
        .prop_map(str::to_owned);
        let word = prop_oneof![2 => headed, 3 => other];
        let gap = proptest::sample::select(vec![" ", " ", " ", ", ", ". ", "\n", "\u{A0}"]);
        proptest::collection::vec((word, gap), 0..40)
            .prop_map(|pieces| pieces.into_iter().map(|(w, g)| w + g).collect())
    }

    proptest::proptest! {
        /// Reading only the words of the head list finds what reading every
        /// word finds: with the pipeline's gated head list and with every
        /// word looked up.
        #[test]
        fn reading_the_head_list_finds_what_every_word_finds(text in programme_text()) {
            let lowered = crate::text::LowerText::new(&text);
            let (_, words, maybe, _) = crate::recognise::body::tokens_and_words(&text);
            let gated = HeadedWords::of_gated_words(words, &maybe, &lowered);
            proptest::prop_assert_eq!(
                find_programmes_in(&text, &gated, &maybe),
                find_programmes_at_every_word(&text, &gated),
                "{:?}", text
            );
            let every = HeadedWords::new(&text);
            proptest::prop_assert_eq!(
                find_programmes_in(&text, &every, &headed_indices(&every)),
                find_programmes_at_every_word(&text, &every),
                "{:?}", text
            );
        }
    }

    #[test]
    fn programme_rows() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "Keski-Suomi 2021 -hankkeessa valmistellaan",
                &[("Keski-Suomi 2021 -hankkeessa", "Keski-Suomi 2021 -hanke")],
            ),
            (
                "tilannekatsaus I&O-kärkihankkeesta",
                &[("I&O-kärkihankkeesta", "I&O-kärkihanke")],
            ),
            (
                "Tulevaisuuden sote-keskus -ohjelman avustus",
                &[(
                    "Tulevaisuuden sote-keskus -ohjelman",
                    "Tulevaisuuden sote-keskus -ohjelma",
                )],
            ),
            (
                "ja ODA-pilotissa mukana",
                &[("ODA-pilotissa", "ODA-pilotti")],
            ),
            ("Hanke jatkuu. Pilottihankkeen tulokset", &[]),
            ("käyttöönottoprojektista sovittiin", &[]),
            ("tässä hankkeessa", &[]),
            (
                "Kymenlaakso\u{A0}2019 -hanke",
                &[("Kymenlaakso\u{A0}2019 -hanke", "Kymenlaakso 2019 -hanke")],
            ),
            ("hankinta -ohjelma", &[]),
            (
                "Kainuun sote-keskuskokeilut -ohjelma",
                &[(
                    "Kainuun sote-keskuskokeilut -ohjelma",
                    "Kainuun sote-keskuskokeilut -ohjelma",
                )],
            ),
            (
                "osana Tulevaisuuden sosiaali- ja terveyskeskus -ohjelmaa",
                &[(
                    "Tulevaisuuden sosiaali- ja terveyskeskus -ohjelmaa",
                    "Tulevaisuuden sosiaali- ja terveyskeskus -ohjelma",
                )],
            ),
            (
                "Kanta-Hämeen Tulevaisuuden sosiaali- ja terveyskeskus -hankkeessa",
                &[(
                    "Kanta-Hämeen Tulevaisuuden sosiaali- ja terveyskeskus -hankkeessa",
                    "Kanta-Hämeen Tulevaisuuden sosiaali- ja terveyskeskus -hanke",
                )],
            ),
            ("tämä sosiaali- ja terveyskeskus -ohjelma", &[]),
            ("Lisäksi sosiaali- ja terveyskeskus -ohjelma alkaa", &[]),
            (
                "Hanke alkoi. Tulevaisuuden sosiaali- ja terveyskeskus -ohjelma jatkuu",
                &[(
                    "Tulevaisuuden sosiaali- ja terveyskeskus -ohjelma",
                    "Tulevaisuuden sosiaali- ja terveyskeskus -ohjelma",
                )],
            ),
            (
                "haettiin STM:n Tulevaisuuden sote-keskus -ohjelmasta",
                &[(
                    "Tulevaisuuden sote-keskus -ohjelmasta",
                    "Tulevaisuuden sote-keskus -ohjelma",
                )],
            ),
            (
                "Ajankohtaista\n\nKainuun Tulevaisuuden sote-keskus -hankkeen väki",
                &[(
                    "Kainuun Tulevaisuuden sote-keskus -hankkeen",
                    "Kainuun Tulevaisuuden sote-keskus -hanke",
                )],
            ),
            (
                "Tiedotteet\nPäijät-Häme 2019 -hanke",
                &[("Päijät-Häme 2019 -hanke", "Päijät-Häme 2019 -hanke")],
            ),
            (
                "rahoitetaan LAPE- ja I&O-kärkihankkeita",
                &[("I&O-kärkihankkeita", "I&O-kärkihanke")],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<(&str, String)> = find_programmes(text)
                .into_iter()
                .map(|p| (p.text, p.name))
                .collect();
            let want: Vec<(&str, String)> =
                want.iter().map(|(t, n)| (*t, (*n).to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
