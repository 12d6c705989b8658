//! Organisations: companies (`Monetra Oy:n` → `Monetra Oy`), associations,
//! ministries (`sosiaali- ja terveysministeriössä`), joint municipal
//! authorities and hospital districts named by their area
//! (`Raahen seudun hyvinvointikuntayhtymässä`), and national agencies
//! known by their abbreviations (`STM:n`).

use crate::lexicon::heads::{HeadGroup, head_at_end};
use crate::model::Span;
use crate::text::{Word, words};

use super::phrase::{is_name_word, joined_to_previous, phrase_start, tidy};

/// An organisation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct OrganizationMatch<'a> {
    /// Where the mention lies in the text.
    pub span: Span,
    /// The mention as written.
    pub text: &'a str,
    /// The name in its basic form.
    pub name: String,
}

/// Legal-form words that end company and association names, in the form
/// they keep in the name (`Oy:n` is `Oy`).
const LEGAL_FORMS: &[&str] = &[
    "Oy", "Oyj", "Ab", "Abp", "Ltd", "ry", "r.y", "Ky", "Tmi", "Osk",
];

/// National organisations of the reform, known by abbreviations or one-word
/// names, in the inflected forms they take (Finnish knowledge: ministries,
/// agencies and associations that took part in the reform). Abbreviations
/// inflect after a colon (`STM:n`) and are matched on their part before it.
const KNOWN: &[(&str, &[&str])] = &[
    ("STM", &["STM"]),
    ("VM", &["VM"]),
    ("TEM", &["TEM"]),
    ("THL", &["THL"]),
    (
        "Kela",
        &[
            "Kela", "Kelan", "Kelassa", "Kelasta", "Kelaan", "Kelalla", "Kelalle", "Kelalta",
            "Kelaa",
        ],
    ),
    (
        "Valvira",
        &[
            "Valvira",
            "Valviran",
            "Valvirassa",
            "Valvirasta",
            "Valviraan",
            "Valviralle",
            "Valviralta",
        ],
    ),
    (
        "Sitra",
        &[
            "Sitra", "Sitran", "Sitrassa", "Sitrasta", "Sitraan", "Sitralle", "Sitralta",
        ],
    ),
    ("AVI", &["AVI"]),
    ("DVV", &["DVV"]),
];

/// Heads that are an organisation only with a first part (`sosiaali- ja
/// terveysministeriö`), as a lone `ministeriö` says which one only by context.
const NEEDS_FIRST_PART: &[&str] = &["ministeriö"];

/// Heads too common to be a name by their owner alone (`Satakunnan
/// sote-keskus` is a health centre): an organisation only with an
/// abbreviation before them (`ELY-keskus`, `TE-keskus`).
const NEEDS_ABBREVIATION: &[&str] = &["keskus"];

/// Words before a legal form that can belong to the name.
const MAX_NAME_WORDS: usize = 4;

fn legal_form(word: &str) -> Option<&'static str> {
    let base = word.split(':').next().unwrap_or(word);
    LEGAL_FORMS.iter().copied().find(|f| *f == base)
}

/// A known organisation: an abbreviation with or without a colon ending
/// (`STM`, `STM:n`), or one of a name's listed forms (`Kelan`).
fn known(word: &str) -> Option<&'static str> {
    let base = word.split(':').next().unwrap_or(word);
    KNOWN
        .iter()
        .find(|(name, forms)| {
            let abbreviation = forms.len() == 1 && base == *name;
            abbreviation || forms.contains(&word)
        })
        .map(|(name, _)| *name)
}

/// Whether `w` is a genitive that names whose organisation it is: a
/// capitalised word ending in `-n` (`Raahen`, `Pirkanmaan`, `Keski-Suomen`)
/// or a lower-case area word after one (`seudun`, `alueen`).
fn is_genitive(w: &Word<'_>) -> bool {
    w.text.ends_with('n') && w.text.chars().count() > 2
}

/// The start of the genitive chain before `words[i]`, if it begins with a
/// capitalised word (`Raahen seudun`); otherwise `i`.
fn owner_chain(ws: &[Word<'_>], i: usize) -> usize {
    let first = phrase_start(ws, i, 3, is_genitive);
    if first < i && ws[first].is_capitalised() {
        first
    } else {
        i
    }
}

/// An organisation ending at `ws[i]`: (index of its first word, name).
fn organization_at(ws: &[Word<'_>], i: usize, text: &str) -> Option<(usize, String)> {
    let w = &ws[i];
    if let Some(form) = legal_form(w.text) {
        let mut first = phrase_start(ws, i, MAX_NAME_WORDS, |x| is_name_word(x.text));
        // A capital that only starts the sentence says nothing: in
        // `Sopimus Vimana Oy:n kanssa` the name is `Vimana Oy`.
        if first + 1 < i && ws[first].starts_sentence() {
            first += 1;
        }
        if first == i {
            return None;
        }
        let owner = text.get(ws[first].start..ws[i - 1].end())?;
        return Some((first, format!("{} {form}", tidy(owner))));
    }
    if let Some(name) = known(w.text) {
        return Some((i, name.to_owned()));
    }
    let head = head_at_end(w.text)?;
    if head.group != HeadGroup::Organization || !w.text.is_char_boundary(head.at) {
        return None;
    }
    let prefix = &w.text[..head.at];
    let capitalised_compound = !prefix.is_empty() && w.is_capitalised();
    // `sosiaali- ja terveysministeriö`: the coordinated first parts belong.
    let coordinated = i >= 2
        && ws[i - 1].text == "ja"
        && ws[i - 1].gap.starts_with('-')
        && joined_to_previous(&ws[i - 1])
        && joined_to_previous(w);
    let first = if coordinated { i - 2 } else { i };
    let chain = owner_chain(ws, first);
    let named = chain < first || capitalised_compound;
    if NEEDS_ABBREVIATION.contains(&head.basic) {
        let abbreviated = prefix.strip_suffix('-').is_some_and(|p| {
            p.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
                && !p.is_empty()
        });
        return abbreviated.then(|| (i, format!("{prefix}{}", head.basic)));
    }
    let needs_part = NEEDS_FIRST_PART.contains(&head.basic);
    if needs_part && prefix.is_empty() {
        return None;
    }
    if !named && !needs_part {
        return None;
    }
    let before = tidy(text.get(ws[chain].start..w.start)?);
    let word = format!("{prefix}{}", head.basic);
    let name = if before.is_empty() {
        word
    } else {
        format!("{before} {word}")
    };
    Some((chain, name))
}

/// Every organisation in `text`, left to right.
///
/// ```
/// use sote_records::recognise::organization::find_organizations;
///
/// let found = find_organizations("Sopimus tehtiin Kuntien Tiera Oy:n ja STM:n kanssa.");
/// let names: Vec<_> = found.iter().map(|o| o.name.as_str()).collect();
/// assert_eq!(names, ["Kuntien Tiera Oy", "STM"]);
/// ```
pub fn find_organizations(text: &str) -> Vec<OrganizationMatch<'_>> {
    let ws = words(text);
    let mut out: Vec<OrganizationMatch<'_>> = Vec::new();
    for i in 0..ws.len() {
        let Some((first, name)) = organization_at(&ws, i, text) else {
            continue;
        };
        let start = ws[first].start;
        // A longer name swallows a shorter one found inside it.
        while out.last().is_some_and(|o| o.span.start >= start) {
            out.pop();
        }
        out.push(OrganizationMatch {
            span: Span::new(start, ws[i].end()),
            text: &text[start..ws[i].end()],
            name,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_rows() {
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "käyty keskusteluja Lapin Kuntapalvelut Oy:n kanssa",
                &[("Lapin Kuntapalvelut Oy:n", "Lapin Kuntapalvelut Oy")],
            ),
            (
                "Sopimus Vimana Oy:n kanssa",
                &[("Vimana Oy:n", "Vimana Oy")],
            ),
            (
                "Omaishoitajat ry järjesti",
                &[("Omaishoitajat ry", "Omaishoitajat ry")],
            ),
            (
                "avustusta STM:ltä ja THL:n tuella",
                &[("STM:ltä", "STM"), ("THL:n", "THL")],
            ),
            (
                "sosiaali- ja terveysministeriössä valmistellaan",
                &[(
                    "sosiaali- ja terveysministeriössä",
                    "sosiaali- ja terveysministeriö",
                )],
            ),
            (
                "valtiovarainministeriön ohje",
                &[("valtiovarainministeriön", "valtiovarainministeriö")],
            ),
            ("lähetettiin ministeriöön", &[]),
            (
                "Kokkolan seudun sosiaalikuntayhtymässä",
                &[(
                    "Kokkolan seudun sosiaalikuntayhtymässä",
                    "Kokkolan seudun sosiaalikuntayhtymä",
                )],
            ),
            (
                "Etelä-Savon sairaanhoitopiirin hallitus",
                &[(
                    "Etelä-Savon sairaanhoitopiirin",
                    "Etelä-Savon sairaanhoitopiiri",
                )],
            ),
            ("kunnat ja kuntayhtymät", &[]),
            ("Kelan etuudet", &[("Kelan", "Kela")]),
            ("Kuntaliiton mukaan", &[("Kuntaliiton", "Kuntaliitto")]),
            (
                "Keski-Suomen pelastuslaitos",
                &[("Keski-Suomen pelastuslaitos", "Keski-Suomen pelastuslaitos")],
            ),
            ("pelastuslaitokselta", &[]),
            ("Oy:n", &[]),
            ("Satakunnan Tulevaisuuden sote-keskus", &[]),
            (
                "Pirkanmaan ELY-keskuksen kanssa",
                &[("ELY-keskuksen", "ELY-keskus")],
            ),
            (
                "Tampereen yliopiston tutkijat",
                &[("Tampereen yliopiston", "Tampereen yliopisto")],
            ),
        ];
        for (text, want) in rows {
            let got: Vec<(&str, String)> = find_organizations(text)
                .into_iter()
                .map(|o| (o.text, o.name))
                .collect();
            let want: Vec<(&str, String)> =
                want.iter().map(|(t, n)| (*t, (*n).to_owned())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
