//! Lexicons: closed word lists of Finnish and of the genre, as data.
//!
//! Small lists live here as constant tables; large generated tables (place
//! names and their inflected forms) live beside this file as TSV and are
//! included at compile time. Each table says where its words come from.

pub(crate) mod cache;
pub(crate) mod fx;
pub(crate) mod heads;
pub(crate) mod suffix;
pub(crate) mod trigram;
pub(crate) mod word_set;

/// The first bytes of `words`, as a table: a word whose first byte is not
/// in it is none of them, told without a look-up. An empty word would match
/// anywhere, so it lets every byte through.
pub(crate) fn first_byte_set<'a>(words: impl IntoIterator<Item = &'a str>) -> [bool; 256] {
    let mut set = [false; 256];
    for word in words {
        match word.as_bytes().first() {
            Some(&b) => set[usize::from(b)] = true,
            None => return [true; 256],
        }
    }
    set
}

/// Page furniture of Finnish regional project sites: section names that head
/// a page before its date and title (from the sites' navigation menus).
pub(crate) const SECTION_HEADERS: &[&str] = &[
    "ajankohtaista",
    "uutiset",
    "uutinen",
    "tiedotteet",
    "tiedote",
    "blogi",
    "blogit",
    "artikkelit",
    "etusivu",
    "kokousaineistot",
    "uusimmat kokousaineistot",
    "valmisteluaineistot",
    "ajankohtaiset",
    "tapahtumat",
];

/// Words that introduce a page's publication date (`Julkaistu 2.11.2020`),
/// lower case.
pub(crate) const PUBLICATION_WORDS: &[&str] = &[
    "julkaistu",
    "julkaisupäivä",
    "julkaisu",
    "päivitetty",
    "published",
    "publicerad",
    "uutinen",
    "tiedote",
];

/// Words that head a list of links to meeting documents on listing pages
/// (`Muistiot` followed by `> Muistio`), in lower case.
pub(crate) const DOCUMENT_HEADERS: &[&str] = &[
    "muistiot",
    "muistio",
    "asialista",
    "asialistat",
    "esityslista",
    "esityslistat",
    "pöytäkirja",
    "pöytäkirjat",
    "liitteet",
    "liite",
    "kokousasiakirjat",
    "kokousaineistot",
    "aineistot",
    "materiaalit",
    "esitykset",
];

/// Lines that are navigation residue of scraped pages, in lower case: the
/// whole line is one of these, or starts with one followed by `|`.
pub(crate) const NAVIGATION_LINES: &[&str] = &[
    "palaa otsikoihin",
    "ei kommentteja",
    "kommentoi",
    "lue lisää",
    "jaa",
    "tulosta",
    "takaisin",
    "sivun alkuun",
];

/// Words for the comment counter in page footers (`0 Kommenttia`,
/// `1 Kommentti`), lower case.
pub(crate) const COMMENT_WORDS: &[&str] = &["kommenttia", "kommentti", "kommentit"];

/// Words that say a line is a photo credit (`kuva Liisa Aaltonen`,
/// `Kuva: Pexels`), lower case, as the first word or after the caption.
pub(crate) const PHOTO_CREDIT_WORDS: &[&str] = &[
    "kuva", "kuva:", "kuvat", "kuvat:", "kuvaaja", "kuvaaja:", "kuva/",
];

/// Head words of governance body names in the nominative singular, with the
/// kind of body they make (the contract's table). Longest first, so that a
/// compound is matched by its most specific head (`koordinaatioryhmä` before
/// `ryhmä`).
pub(crate) const BODY_HEADS: &[(&str, crate::model::BodyKind)] = {
    use crate::model::BodyKind::*;
    &[
        ("valmistelutoimielin", InterimBody),
        ("koordinaatioryhmä", CoordinationGroup),
        ("valmisteluryhmä", WorkingGroup),
        ("seurantaryhmä", MonitoringGroup),
        ("ohjausryhmä", SteeringGroup),
        ("johtoryhmä", SteeringGroup),
        ("lautakunta", Committee),
        ("toimikunta", Committee),
        ("työryhmä", WorkingGroup),
        ("valtuusto", Council),
        ("toimielin", Other),
        ("hallitus", Board),
        ("verkosto", Network),
        ("jaosto", Committee),
        ("kokous", Forum),
        ("ryhmä", WorkingGroup),
        ("tiimi", Team),
    ]
};

/// Words that mark an agenda (*esityslista*) in a title, lower case.
pub(crate) const AGENDA_WORDS: &[&str] = &["esityslista", "asialista"];

/// Words that mark minutes (*pöytäkirja*, *muistio*) in a title, lower case.
pub(crate) const MINUTES_WORDS: &[&str] = &["pöytäkirja", "muistio", "kokousmuistio"];

/// Header fields of agendas and minutes (`Aika:`, `Paikka:`), lower case
/// without the colon.
pub(crate) const MEETING_HEADER_FIELDS: &[&str] =
    &["aika", "paikka", "läsnä", "poissa", "osallistujat"];

/// Attendance fields that only minutes carry, lower case without the colon.
pub(crate) const ATTENDANCE_FIELDS: &[&str] =
    &["läsnä", "poissa", "muut läsnäolijat", "läsnä olleet"];

/// Labels of page sections (lower case, without the colon), with what the
/// lines after them hold. A label matches a whole label line
/// (`Lisätietoja:`) or its last word (`Johtoryhmän jäsenet:`).
pub(crate) const SECTION_LABELS: &[(&str, crate::layout::SectionKind)] = {
    use crate::layout::SectionKind::*;
    &[
        ("lisätiedot", Contacts),
        ("lisätietoja", Contacts),
        ("lisätietoa", Contacts),
        ("lisätietoja antavat", Contacts),
        ("lisätietoja antaa", Contacts),
        ("yhteystiedot", Contacts),
        ("tiedustelut", Contacts),
        ("jäsenet", Members),
        ("varsinaiset jäsenet", Members),
        ("jäsenet ja varajäsenet", Members),
        ("kokoonpano", Members),
        ("varajäsenet", Deputies),
        ("läsnä", Present),
        ("läsnä olleet", Present),
        ("poissa", Absent),
        ("muut läsnäolijat", OthersPresent),
        ("muut läsnä olleet", OthersPresent),
        ("muut saapuvilla olleet", OthersPresent),
    ]
};

/// Finnish abbreviations that end in a full stop inside a sentence (lower
/// case, without the stop): from the Kielitoimiston ohjepankki list of
/// common abbreviations, plus the phone prefixes of contact lines.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mm", "ns", "esim", "p", "puh", "tel", "klo", "n", "noin", "milj", "mrd", "ym", "yms", "jne",
    "ks", "vrt", "os", "tms", "ts", "yht", "kpl", "ko", "em", "nk", "vs", "va", "v", "s", "ma",
    "ti", "ke", "to", "pe", "la", "su", "tammik", "helmik", "maalisk", "huhtik", "toukok", "kesäk",
    "heinäk", "elok", "syysk", "lokak", "marrask", "jouluk", "siht", "pj", "vpj", "t", "prof",
    "dos", "tri", "ft", "tkt", "ps", "huom", "ao", "ed", "alk", "mrk", "nro", "no", "sis", "ml",
    "yl", "apul", "toim", "kok", "vp", "r.y", "ry",
];

/// Words that say a meeting has been held (past tense of *kokoontua*,
/// *pitää*), lower case.
pub(crate) const MEETING_HELD_WORDS: &[&str] = &[
    "kokoontui",
    "kokoontuivat",
    "kokoontunut",
    "kokoontuneet",
    "pidettiin",
    "pitivät",
    "piti",
    "kokoonnuttiin",
    "kokousti",
    "kokoustivat",
    "järjestettiin",
];

/// Words that say a meeting is still to come, lower case.
pub(crate) const MEETING_PLANNED_WORDS: &[&str] = &[
    "kokoontuu",
    "kokoontuvat",
    "pidetään",
    "seuraava",
    "seuraavassa",
    "seuraavaan",
    "seuraavan",
    "tuleva",
    "tulevassa",
    "kokoustaa",
    "kokoontumaan",
    "järjestetään",
];

/// The [`MEETING_WORDS`] with a possessive suffix (`kokouksessaan`: in its
/// meeting), lower case.
pub(crate) const OWN_MEETING_WORDS: &[&str] = &[
    "kokouksessaan",
    "kokouksensa",
    "kokoukseensa",
    "kokouksestaan",
    "kokouksissaan",
];

/// Forms of *kokous* (a meeting) and of the verb *kokoontua*, lower case:
/// a sentence with one of them and a date speaks of a meeting.
pub(crate) const MEETING_WORDS: &[&str] = &[
    "kokous",
    "kokouksen",
    "kokouksessa",
    "kokouksessaan",
    "kokoukseen",
    "kokouksesta",
    "kokousta",
    "kokouksena",
    "kokouksensa",
    "kokoukseensa",
    "kokouksestaan",
    "kokoukset",
    "kokouksiin",
    "kokouksissa",
    "kokouksissaan",
    "yhteiskokous",
    "yhteiskokouksen",
    "yhteiskokouksessa",
    "yhteiskokoukseen",
    "kokoontui",
    "kokoontuivat",
    "kokoontuu",
    "kokoontuvat",
    "kokoontuneet",
    "kokoontunut",
    "kokoontumaan",
    "kokoonnuttiin",
    "kokousti",
    "kokoustivat",
    "kokoustaa",
];

/// Words that make a meeting joint (`pitivät yhteisen kokouksen`,
/// `kokoontuivat yhdessä`), lower case.
pub(crate) const JOINT_WORDS: &[&str] = &[
    "yhteisen",
    "yhteinen",
    "yhteisessä",
    "yhteiseen",
    "yhteiskokous",
    "yhteiskokouksen",
    "yhteiskokouksessa",
    "yhdessä",
];

/// Names of documents that exist only after a meeting, lower case.
pub(crate) const AFTER_MEETING_DOCUMENTS: &[&str] = &["muistio", "pöytäkirja", "ydinviesti"];

/// Stems of nouns naming a dated happening, with its kind, lower case; a
/// word containing the stem names it (`sidosryhmäseminaari`,
/// `simulointipäiviin`).
pub(crate) const EVENT_STEMS: &[(&str, crate::model::EventKind)] = {
    use crate::model::EventKind::*;
    &[
        ("työpaj", Workshop),
        ("seminaar", Seminar),
        ("webinaar", Seminar),
        ("simuloin", Simulation),
        ("simulaatio", Simulation),
        ("tilaisuu", PublicEvent),
        ("kuulemis", PublicEvent),
        ("kuuleminen", PublicEvent),
        ("asukasil", PublicEvent),
        ("foorumi", PublicEvent),
        // `henkilöstöinfot`, `verkkoinfoissa`: briefings (not `informaatio`).
        ("infot", PublicEvent),
        ("infoj", PublicEvent),
        ("infoss", PublicEvent),
        ("infoih", PublicEvent),
        ("infoon", PublicEvent),
        ("vuoropuhelu", PublicEvent),
        ("vaalit", Other),
        ("vaaleissa", Other),
        ("vaaleihin", Other),
    ]
};

/// The stems of [`EVENT_STEMS`] as one automaton: what [`event_noun`]
/// searched a word with before, kept for its oracle.
#[cfg(test)]
static EVENT_STEM_FINDER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(EVENT_STEMS.iter().map(|(stem, _)| stem)).ok()
    });

/// The first three bytes of [`EVENT_STEMS`]: most words hold none, and are
/// told so without the automaton.
static EVENT_STEM_STARTS: std::sync::LazyLock<trigram::TrigramFilter> =
    std::sync::LazyLock::new(|| trigram::TrigramFilter::new(EVENT_STEMS.iter().map(|(s, _)| *s)));

/// The kind of event a lower-case word names, if it holds one of
/// [`EVENT_STEMS`]; when it holds several, the one listed first decides.
///
/// A word is short: at each of its bytes the three-byte filter tells
/// whether a stem may start there, and only there are the stems compared,
/// in list order. An overlapping automaton search of the word cost about
/// 900 instructions a word the filter let through.
pub(crate) fn event_noun(lower: &str) -> Option<crate::model::EventKind> {
    let bytes = lower.as_bytes();
    let starts = &*EVENT_STEM_STARTS;
    // The place in the list of the first-listed stem found so far.
    let mut first = EVENT_STEMS.len();
    for i in 0..bytes.len() {
        let Some(rest) = bytes.get(i..) else {
            break;
        };
        if !starts.may_start(rest) {
            continue;
        }
        if let Some(j) = EVENT_STEMS
            .get(..first)
            .unwrap_or_default()
            .iter()
            .position(|(stem, _)| rest.starts_with(stem.as_bytes()))
        {
            first = j;
        }
    }
    EVENT_STEMS.get(first).map(|&(_, kind)| kind)
}

/// [`event_noun`] by an overlapping automaton search: its oracle.
#[cfg(test)]
fn event_noun_by_automaton(lower: &str) -> Option<crate::model::EventKind> {
    if !EVENT_STEM_STARTS.may_hold(lower) {
        return None;
    }
    let first = match EVENT_STEM_FINDER.as_ref() {
        // Pattern ids are the stems' places in the list.
        Some(finder) => finder
            .find_overlapping_iter(lower)
            .map(|m| m.pattern().as_usize())
            .min(),
        None => EVENT_STEMS
            .iter()
            .position(|(stem, _)| lower.contains(stem)),
    };
    first
        .and_then(|i| EVENT_STEMS.get(i))
        .map(|&(_, kind)| kind)
}

/// The stems of [`EVENT_STEMS`] as a leftmost-first automaton: it only
/// tells whether a text holds one, and a leftmost automaton may search
/// many bytes at a time (SIMD) where the overlapping one goes byte by byte.
static EVENT_STEM_PRESENCE: std::sync::LazyLock<Option<PresenceFinder>> =
    std::sync::LazyLock::new(|| presence_finder(EVENT_STEMS.iter().map(|(stem, _)| *stem)));

/// A leftmost-first search for a list of words: the packed (SIMD) searcher
/// alone, which the automaton of `presence_finder_automaton` (its oracle)
/// only wraps as its prefilter. Asked directly it finds the same matches
/// without the automaton's layers around each search and each match (its
/// start state, its input checks) and without building the automata once
/// a run: 2.4 M instructions less over 200 pages (callgrind), in the one
/// pass over each page for its event stems and the searches of the
/// entries' summaries for the meeting rules.
pub(crate) type PresenceFinder = aho_corasick::packed::Searcher;

/// A search that tells whether a text holds one of `words` anywhere, and
/// where, leftmost first (the patterns' ids are the words' places in the
/// list). `None` where no packed searcher can be built (no SIMD): the
/// callers then search word by word, as they do without a searcher.
pub(crate) fn presence_finder<'a>(
    words: impl IntoIterator<Item = &'a str>,
) -> Option<PresenceFinder> {
    let mut builder = aho_corasick::packed::Config::new()
        .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
        .builder();
    builder.extend(words);
    builder.build()
}

/// The automaton [`presence_finder`] was: the oracle its searcher's
/// matches are compared with.
#[cfg(test)]
pub(crate) fn presence_finder_automaton<'a>(
    words: impl IntoIterator<Item = &'a str>,
) -> Option<aho_corasick::AhoCorasick> {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(words)
        .ok()
}

/// Whether a lower-case text holds one of [`EVENT_STEMS`] anywhere: one
/// pass over a whole sentence instead of a look-up per word. A word's lower
/// case is a piece of its sentence's (but for the choice of `σ`/`ς`, which
/// no stem holds), so a sentence holding no stem has no word that does.
pub(crate) fn holds_event_stem(lower: &str) -> bool {
    let stems = EVENT_STEMS.iter().map(|(stem, _)| stem);
    holds_any(lower, &EVENT_STEM_PRESENCE, stems)
}

/// Where the stems of [`EVENT_STEMS`] stand in a lower-case text, as one
/// leftmost-first pass finds them, each from where the last ended: a word
/// holding a stem holds one of these matches when none runs across words
/// (the rules then look up only the words a match stands in). `None` when
/// the automaton could not be built.
pub(crate) fn event_stem_matches(
    lower: &str,
) -> Option<impl Iterator<Item = std::ops::Range<usize>> + '_> {
    let finder = EVENT_STEM_PRESENCE.as_ref()?;
    Some(finder.find_iter(lower).map(|m| m.range()))
}

/// Whether the lower case `lower` holds one of `words` anywhere, by
/// `finder` (a [`presence_finder`] of `words`) when it was built.
pub(crate) fn holds_any<'w>(
    lower: &str,
    finder: &Option<PresenceFinder>,
    mut words: impl Iterator<Item = &'w &'w str>,
) -> bool {
    match finder {
        Some(f) => f.find(lower).is_some(),
        None => words.any(|w| lower.contains(w)),
    }
}

/// Words that make a date a deadline (`hakemus tulee jättää … 15.3.`), lower
/// case; a word starting with one counts.
pub(crate) const DEADLINE_STEMS: &[&str] = &[
    "jättää",
    "jätettävä",
    "jätetään",
    "määräai",
    "viimeistään",
    "toimitettava",
    "palautettava",
    "tehtävä",
    "lähetettävä",
    "ilmoittautu",
    "ilmoittaudu",
    "haettava",
    "päättyy",
    "umpeutuu",
    "vastausaika",
    "hakuaika",
];

/// Words that make a date a start (`starttaamaan 1.7. alkaen`), lower case; a
/// word starting with one counts.
pub(crate) const START_STEMS: &[&str] = &[
    "startt",
    "käynnisty",
    "käynnistetään",
    "alkaa",
    "alkavat",
    "aloitetaan",
    "aloitettava",
    "aloittaa",
    "aloittavat",
    "aloitti",
    "aloittivat",
    "aloitettiin",
    "alkoi",
    "alkoivat",
    "voimaan",
];

/// Verbs that say a dated thing is organised (`järjestetään … 12.10.`):
/// an event even when its noun is none of [`EVENT_STEMS`]. Lower case; a
/// word starting with one counts.
pub(crate) const ORGANISED_STEMS: &[&str] = &[
    "järjestetään",
    "järjestettiin",
    "järjestää",
    "järjestävät",
    "järjesti",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of words around event stems: stems whole and cut, glued
    /// into compounds, with endings and letters that begin stems.
    fn stem_piece() -> impl Strategy<Value = String> {
        let stems: Vec<&'static str> = EVENT_STEMS.iter().map(|(s, _)| *s).collect();
        prop_oneof![
            prop::sample::select(stems.clone()).prop_map(str::to_owned),
            (prop::sample::select(stems), 1usize..6).prop_map(|(s, cut)| s
                .get(..s.len().saturating_sub(cut))
                .unwrap_or("")
                .to_owned()),
            prop::sample::select(vec![
                "sidosryhmä",
                "henkilöstö",
                "ssa",
                "ihin",
                "n",
                "t",
                "info",
                "vaal",
                "kuul",
                "ä",
                "ö",
                "informaatio",
                "simu",
                "semi",
            ])
            .prop_map(str::to_owned),
        ]
    }

    /// The word lists searched by a [`presence_finder`]: the event stems,
    /// the held and joint words of a meeting, the joint words alone.
    fn presence_lists() -> [Vec<&'static str>; 3] {
        [
            EVENT_STEMS.iter().map(|(s, _)| *s).collect(),
            MEETING_HELD_WORDS
                .iter()
                .chain(JOINT_WORDS)
                .copied()
                .collect(),
            JOINT_WORDS.to_vec(),
        ]
    }

    /// Pieces of texts around the words of [`presence_lists`]: whole
    /// words, words cut short or cut at the front (overlapping the next
    /// piece), gaps and other letters.
    fn presence_piece() -> impl Strategy<Value = String> {
        let words: Vec<&'static str> = presence_lists().concat();
        prop_oneof![
            prop::sample::select(words.clone()).prop_map(str::to_owned),
            (prop::sample::select(words.clone()), 1usize..6).prop_map(|(w, cut)| w
                .get(..w.len().saturating_sub(cut))
                .unwrap_or("")
                .to_owned()),
            (prop::sample::select(words), 1usize..4)
                .prop_map(|(w, cut)| w.get(cut..).unwrap_or("").to_owned()),
            prop::sample::select(vec![" ", ". ", "ssa", "n", "ä", "koko", "pi", "yhte", "x"])
                .prop_map(str::to_owned),
        ]
    }

    /// Each match of `text` as `(pattern, start, end)`.
    type Found = Vec<(usize, usize, usize)>;

    /// The matches of the packed searcher and of the automaton for `words`
    /// in `text`; `None` when either could not be built.
    fn both_matches(words: &[&str], text: &str) -> Option<(Found, Found)> {
        let packed = presence_finder(words.iter().copied())?;
        let automaton = presence_finder_automaton(words.iter().copied())?;
        let of = |m: aho_corasick::Match| (m.pattern().as_usize(), m.start(), m.end());
        Some((
            packed.find_iter(text).map(of).collect(),
            automaton.find_iter(text).map(of).collect(),
        ))
    }

    proptest! {
        #[test]
        fn packed_search_finds_what_the_automaton_finds(
            pieces in prop::collection::vec(presence_piece(), 0..40),
        ) {
            let text = pieces.concat();
            for words in presence_lists() {
                let Some((packed, automaton)) = both_matches(&words, &text) else {
                    continue;
                };
                prop_assert_eq!(&packed, &automaton, "{}", text);
                let finder = presence_finder(words.iter().copied());
                prop_assert_eq!(
                    holds_any(&text, &finder, words.iter()),
                    !automaton.is_empty(),
                    "{}", text
                );
            }
        }

        #[test]
        fn event_noun_agrees_with_the_automaton(
            pieces in prop::collection::vec(stem_piece(), 0..6),
            noise in "[a-zäö]{0,12}",
        ) {
            for word in [pieces.concat(), noise] {
                prop_assert_eq!(event_noun(&word), event_noun_by_automaton(&word), "{}", word);
            }
        }
    }

    #[test]
    fn the_packed_search_takes_the_first_listed_word_at_a_place() {
        // `yhteiskokous` (a joint word) comes after the held words, but
        // starts first; `kokoontui` is listed before `kokoontuivat`.
        let words = presence_lists()[1].clone();
        let Some((packed, automaton)) = both_matches(&words, "yhteiskokous kokoontuivat") else {
            return;
        };
        let joint = MEETING_HELD_WORDS.len() + 4;
        assert_eq!(packed, [(joint, 0, 12), (0, 13, 22)]);
        assert_eq!(packed, automaton);
    }

    #[test]
    fn the_first_listed_stem_decides_the_kind() {
        use crate::model::EventKind;
        // `työpaj` (a workshop) is listed before `seminaar`, wherever they stand.
        assert_eq!(event_noun("seminaarityöpaja"), Some(EventKind::Workshop));
        assert_eq!(event_noun("verkkoseminaarissa"), Some(EventKind::Seminar));
        assert_eq!(event_noun("informaatio"), None);
        assert_eq!(event_noun(""), None);
    }

    #[test]
    fn first_byte_sets() {
        let set = first_byte_set(["Kela", "STM", "ääni"]);
        let held: Vec<usize> = (0..256).filter(|&b| set[b]).collect();
        assert_eq!(held, [usize::from(b'K'), usize::from(b'S'), 0xC3]);
        // An empty word matches anywhere.
        assert!(first_byte_set(["Kela", ""]).iter().all(|&b| b));
        assert!(!first_byte_set([]).iter().any(|&b| b));
    }
}
