//! Building names out of the words before a head: `Uusimaa 2019 -hanke`,
//! `sosiaali- ja terveysministeriö`, `Raahen seudun hyvinvointikuntayhtymä`.

use crate::text::{Word, is_space};

/// Whether `c` ends a line: a name never runs over one, as the line before
/// is another paragraph, a heading or a section word (`Uutiset`).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `word` is joined to the word before it inside one phrase: only
/// space between them, or the `X- ja Y` coordination of compound parts
/// (`Maakunta- ja sote-uudistus`: the gap before `ja` is `- `); never over
/// a line break.
pub(crate) fn joined_to_previous(word: &Word<'_>) -> bool {
    let joined = word.follows_closely()
        || word
            .gap
            .strip_prefix(['-', '\u{2010}', '\u{2011}'])
            .is_some_and(|rest| !rest.is_empty() && rest.chars().all(is_space));
    joined && !word.gap.chars().any(is_line_break)
}

/// Whether `word` is the `ja` of a coordination of compound parts, written
/// after a hyphen (`sosiaali- ja terveyspalvelujen`).
pub(crate) fn is_compound_coordination(word: &Word<'_>) -> bool {
    word.text == "ja"
        && word.gap.starts_with(['-', '\u{2010}', '\u{2011}'])
        && joined_to_previous(word)
}

/// Whether a word can stand in a proper name before its head: it carries a
/// capital letter, a digit, `&` or a hyphen (`Uusimaa`, `2019`, `I&O`,
/// `sote-keskus`), or it is the `ja` of a coordination.
pub(crate) fn is_name_word(word: &str) -> bool {
    word == "ja"
        || word
            .chars()
            .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '-')
}

/// The index of the first word of the phrase that ends just before
/// `words[head]`, taking at most `max` words that satisfy `accept`, all
/// joined to each other. Never starts on a `ja`. Returns `head` when no word
/// qualifies.
pub(crate) fn phrase_start(
    words: &[Word<'_>],
    head: usize,
    max: usize,
    accept: impl Fn(&Word<'_>) -> bool,
) -> usize {
    let mut first = head;
    while first > 0 && head - first < max {
        let candidate = &words[first - 1];
        if !joined_to_previous(&words[first]) || !accept(candidate) {
            break;
        }
        first -= 1;
    }
    while first < head && words[first].text == "ja" {
        first += 1;
    }
    first
}

/// A name's text with every run of space (NBSP, line ends) as one space.
pub(crate) fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::words;

    #[test]
    fn coordination_gap_joins() {
        let w = words("Maakunta- ja sote-uudistuksen");
        assert!(joined_to_previous(&w[1]) && joined_to_previous(&w[2]));
        let w = words("Oulu, Kemi");
        assert!(!joined_to_previous(&w[1]));
        let w = words("Uutiset\n\nKainuun liitto");
        assert!(!joined_to_previous(&w[1]) && joined_to_previous(&w[2]));
        let w = words("sosiaali- ja terveys, Oulu ja Kemi");
        assert!(is_compound_coordination(&w[1]) && !is_compound_coordination(&w[4]));
    }

    #[test]
    fn phrase_start_stops_at_lower_case_and_never_starts_with_ja() {
        let w = words("tässä Uusimaa 2019 -hankkeessa");
        assert_eq!(phrase_start(&w, 3, 6, |x| is_name_word(x.text)), 1);
        let w = words("ja Uusimaa -hanke");
        assert_eq!(phrase_start(&w, 2, 6, |_| true), 1);
    }

    #[test]
    fn tidy_collapses_space() {
        assert_eq!(tidy("Uusimaa\u{A0}2019  -"), "Uusimaa 2019 -");
    }
}
