//! Everything the recognisers found in one text, in text order, with
//! lookups by region of the text.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use crate::layout::{Layout, LineKind};
use crate::lexicon::event_stem_matches;
use crate::model::{EdtfDate, EventKind, Span};
use crate::recognise::body::BodyMatch;
use crate::recognise::date::DateMatch;
use crate::recognise::places::PlaceMatch;
use crate::text::{LowerText, Sentence, Word, sentences_into, words_within};

/// Mentions of one text, each list sorted by position.
pub(crate) struct Found<'t> {
    pub(crate) dates: Vec<DateMatch<'t>>,
    /// The resolved value of each of `dates`.
    pub(crate) values: Vec<EdtfDate>,
    pub(crate) bodies: Vec<BodyMatch<'t>>,
    pub(crate) places: Vec<PlaceMatch<'t>>,
    /// The sentences of the running text (not page furniture).
    pub(crate) sentences: Vec<Sentence<'t>>,
    /// The words of each of `sentences`, split when a rule first reads them
    /// and then shared by the meeting and event rules.
    words: Vec<OnceCell<SentenceWords<'t>>>,
    /// The text's lower case and words, for the sentences' words.
    lexed: Lexed<'t>,
    /// No words: those of a sentence past the last (never asked for).
    no_words: SentenceWords<'t>,
    /// Where the event stems stand in the text's lower case, found by one
    /// pass over the whole text when first asked for, with where each
    /// sentence's lie among them.
    stems: OnceCell<Option<Stems>>,
}

/// The event stems of a text's one pass, and for each of its sentences
/// where among them those lying in it are.
struct Stems {
    /// The matches, in text order and not overlapping.
    all: Vec<Range<usize>>,
    /// For each sentence, [`matches_within`] of it: where in `all` the
    /// matches lying in it are, `None` when one runs across its ends.
    within: Vec<Option<Range<usize>>>,
}

/// A text with what is made of it once and read by several stages: its
/// lower case and its words.
#[derive(Clone, Copy)]
pub(crate) struct Lexed<'t> {
    pub(crate) text: &'t str,
    pub(crate) lowered: &'t LowerText,
    pub(crate) words: &'t [Word<'t>],
}

/// The items of `items` (sorted by start) that lie inside `within`.
pub(crate) fn inside<T>(
    items: &[T],
    within: Span,
    span: impl Fn(&T) -> Span,
) -> std::ops::Range<usize> {
    let lo = items.partition_point(|x| span(x).start < within.start);
    let count = items[lo..]
        .iter()
        .take_while(|x| span(x).start < within.end && span(x).end <= within.end)
        .count();
    lo..lo + count
}

/// Fewer bytes than a page holds per sentence (about 80 on average,
/// seldom under 60, headings and list lines counted), so that
/// [`Found::new`] seldom grows its list of sentences.
const BYTES_PER_SENTENCE: usize = 48;

impl<'t> Found<'t> {
    /// The mentions of a laid-out text. `values` are the resolved values of
    /// `dates` (`Anchors::resolve`), taken from the record's date mentions
    /// rather than resolved a second time.
    pub(crate) fn new(
        layout: &Layout<'t>,
        dates: Vec<DateMatch<'t>>,
        values: Vec<EdtfDate>,
        bodies: Vec<BodyMatch<'t>>,
        places: Vec<PlaceMatch<'t>>,
        lexed: Lexed<'t>,
    ) -> Found<'t> {
        // One list for the sentences of every line, not one per line, made
        // room for once.
        let mut sentences = Vec::with_capacity(lexed.text.len() / BYTES_PER_SENTENCE + 1);
        for (l, _) in layout
            .lines
            .iter()
            .zip(&layout.kinds)
            .filter(|(_, k)| matches!(k, LineKind::Text | LineKind::Date { .. }))
        {
            sentences_into(&mut sentences, l.text, l.start);
        }
        let words = sentences.iter().map(|_| OnceCell::new()).collect();
        let no_words = SentenceWords::none(lexed.lowered);
        Found {
            dates,
            values,
            bodies,
            places,
            sentences,
            words,
            lexed,
            no_words,
            stems: OnceCell::new(),
        }
    }

    /// The kind of event each word of sentence `n` names (empty when none
    /// does), as `SentenceWords::event_nouns` (a search of the sentence,
    /// now the oracle of its test) finds it, but from the
    /// stems found once in the whole text rather than by a search of the
    /// sentence's own: most dated sentences are asked about, and a search
    /// costs as much to start as to run over a short sentence.
    pub(crate) fn event_nouns(&self, n: usize) -> &[Option<EventKind>] {
        let ws = self.sentence_words(n);
        ws.event_nouns_among(self.stems_within(n))
    }

    /// The event stems of the text's one pass that lie in sentence `n`, at
    /// the text's offsets: those a search of the sentence's own lower case
    /// finds, when the text lowers in place and no stem found runs across
    /// the sentence's ends (see [`matches_within`]). `None` otherwise. Where
    /// each sentence's stems lie is found once, by one walk through the
    /// sentences and the stems together ([`matches_within_each`]), where
    /// the stems were halved twice for each question.
    fn stems_within(&self, n: usize) -> Option<&[Range<usize>]> {
        let stems = self.stems()?;
        stems.all.get(stems.within.get(n)?.clone()?)
    }

    /// The event stems of the text's one pass, found when first asked for;
    /// `None` when the text does not lower in place or no search could
    /// be built.
    fn stems(&self) -> Option<&Stems> {
        self.stems
            .get_or_init(|| {
                let lower = self.lexed.lowered.aligned()?;
                let all: Vec<Range<usize>> = event_stem_matches(lower)?.collect();
                let within = matches_within_each(&all, &self.sentences);
                Some(Stems { all, within })
            })
            .as_ref()
    }

    /// [`Found::stems_within`] by halving the stems for sentence `n`: the
    /// oracle its test compares with.
    #[cfg(test)]
    fn stems_within_by_halving(&self, n: usize) -> Option<&[Range<usize>]> {
        let sentence = self.sentences.get(n)?;
        stems_within(&self.stems()?.all, sentence.start, sentence.end())
    }

    /// Whether sentence `n` is known to hold no event stem anywhere in its
    /// lower case, even inside a word: no stem of the text's one pass lies
    /// in it or runs across its ends (a search of its own lower case then
    /// finds none, [`matches_within`]). Then none of its words names an event
    /// ([`Found::event_nouns`] is empty), told without splitting it into
    /// words. False when that is not known (the text does not lower in
    /// place).
    pub(crate) fn holds_no_event_stem(&self, n: usize) -> bool {
        self.stems_within(n).is_some_and(<[_]>::is_empty)
    }

    /// The words of sentence `n` (of [`Found::sentences`]), split once.
    /// No words for an `n` past the sentences (never asked for).
    pub(crate) fn sentence_words(&self, n: usize) -> &SentenceWords<'t> {
        match (self.words.get(n), self.sentences.get(n)) {
            (Some(cell), Some(s)) => cell.get_or_init(|| SentenceWords::new(s, self.lexed)),
            _ => &self.no_words,
        }
    }

    /// The lower case of sentence `n` (exactly `str::to_lowercase`),
    /// borrowed from the text's where it can be; empty past the sentences.
    pub(crate) fn sentence_lower(&self, n: usize) -> std::borrow::Cow<'t, str> {
        self.sentences
            .get(n)
            .map_or(std::borrow::Cow::Borrowed(""), |s| {
                self.lexed.lowered.at(s.text, s.start)
            })
    }

    /// The whole text's lower case when every character lowers in place
    /// (nearly always): the lower case of each sentence is then the slice
    /// of it at the sentence's offsets.
    pub(crate) fn lower_aligned(&self) -> Option<&'t str> {
        self.lexed.lowered.aligned()
    }

    /// Indexes of the dates inside `span`.
    pub(crate) fn dates_in(&self, span: Span) -> std::ops::Range<usize> {
        inside(&self.dates, span, |d| d.span)
    }

    /// [`Found::dates_in`] for spans asked for in text order: `from` is
    /// where an earlier span's dates started (0 for the first span), and
    /// becomes where this one's do. The first date at or after the span's
    /// start is found by walking on from there, where halving the whole
    /// list for each of many sentences cost more than the walk over all
    /// dates once.
    pub(crate) fn dates_in_order(&self, from: &mut usize, span: Span) -> std::ops::Range<usize> {
        let mut lo = *from;
        while self
            .dates
            .get(lo)
            .is_some_and(|d| d.span.start < span.start)
        {
            lo += 1;
        }
        *from = lo;
        let count = self
            .dates
            .get(lo..)
            .unwrap_or_default()
            .iter()
            .take_while(|d| d.span.start < span.end && d.span.end <= span.end)
            .count();
        lo..lo + count
    }

    /// Indexes of the body mentions inside `span`.
    pub(crate) fn bodies_in(&self, span: Span) -> std::ops::Range<usize> {
        inside(&self.bodies, span, |b| b.span)
    }

    /// Indexes of the place mentions inside `span`.
    pub(crate) fn places_in(&self, span: Span) -> std::ops::Range<usize> {
        inside(&self.places, span, |p| p.span)
    }
}

/// The matches of `all` (a leftmost-first pass over a text, in order and
/// not overlapping) that lie in `start..end`, or `None` when one runs
/// across either end ([`matches_within`], read off `all`): what
/// [`Found::stems_within`] read before each sentence's were found by one
/// walk, the oracle its test compares with.
#[cfg(test)]
fn stems_within(all: &[Range<usize>], start: usize, end: usize) -> Option<&[Range<usize>]> {
    all.get(matches_within(all, start, end)?)
}

/// [`matches_within`] for each of `sentences`, found by walking on
/// through `all` (in order, not overlapping, so their ends rise with
/// their starts) from the last sentence's matches: the sentences of a
/// text follow one another, so the first match ending after a sentence's
/// start and the first starting at or after its end only move on. A
/// sentence starting or ending before the last one did (never, in a
/// text's sentences) is answered by halving.
fn matches_within_each(
    all: &[Range<usize>],
    sentences: &[Sentence<'_>],
) -> Vec<Option<Range<usize>>> {
    // The first match ending after the last start, and the first starting
    // at or after the last end.
    let (mut lo, mut hi) = (0, 0);
    let (mut last_start, mut last_end) = (0, 0);
    sentences
        .iter()
        .map(|s| {
            let (start, end) = (s.start, s.end());
            if start < last_start || end < last_end {
                return matches_within(all, start, end);
            }
            (last_start, last_end) = (start, end);
            while all.get(lo).is_some_and(|m| m.end <= start) {
                lo += 1;
            }
            while all.get(hi).is_some_and(|m| m.start < end) {
                hi += 1;
            }
            within_or_across(all, lo..hi.max(lo), start, end)
        })
        .collect()
}

/// Where in `all` (the matches of a leftmost-first pass over a text, in
/// order and not overlapping) those lying in `start..end` are, or `None`
/// when one runs across either end. A pass over `start..end` alone then
/// finds just these: the whole text's pass reaches `start` with no match
/// pending, and from there finds, at each step, the leftmost match at or
/// after where it stands, which lies inside or wholly after the piece, as
/// the piece's own pass does; a preferred match running past `end` would
/// have been found instead (one running across).
pub(crate) fn matches_within(
    all: &[Range<usize>],
    start: usize,
    end: usize,
) -> Option<Range<usize>> {
    let lo = all.partition_point(|m| m.end <= start);
    let hi = all.partition_point(|m| m.start < end).max(lo);
    within_or_across(all, lo..hi, start, end)
}

/// `range`, the matches of `all` that reach into `start..end`, unless the
/// first of them runs across its start or the last across its end.
fn within_or_across(
    all: &[Range<usize>],
    range: Range<usize>,
    start: usize,
    end: usize,
) -> Option<Range<usize>> {
    let within = all.get(range.clone())?;
    let across_start = within.first().is_some_and(|m| m.start < start);
    let across_end = within.last().is_some_and(|m| m.end > end);
    (!across_start && !across_end).then_some(range)
}

/// A sentence's span.
pub(crate) fn span_of(s: &Sentence<'_>) -> Span {
    Span::new(s.start, s.end())
}

/// The words of a sentence with their lower-case forms, split once for
/// the several rules that read them. The lower case of all the words is
/// made when a rule first asks for all of them; a rule that reads a few
/// words near a date asks for theirs alone ([`SentenceWords::lower_of`]).
pub(crate) struct SentenceWords<'s> {
    /// The sentence's words: borrowed from the whole text's when the
    /// sentence stands apart (nearly always), else split anew. One field
    /// where a borrowed slice and a list (empty but when split) took two:
    /// the struct is then small enough (120 bytes, not 136) to be moved
    /// into its cell by a few inline stores rather than a call to `memcpy`.
    words: Cow<'s, [Word<'s>]>,
    /// Where the words' lower case is found.
    lowering: WordLower<'s>,
    /// Each word in lower case (borrowed from the text's lower case), made
    /// when first asked for.
    lower: OnceCell<Vec<Cow<'s, str>>>,
    /// The kind of event each word names (empty when none does), found
    /// when first asked for, by the meeting or the event rules.
    nouns: OnceCell<Vec<Option<EventKind>>>,
}

impl<'s> SentenceWords<'s> {
    /// The words of `sentence`: those of the whole text when the sentence
    /// stands apart from its neighbours (borrowed, not copied), else split
    /// anew and moved to the whole text's offsets.
    pub(crate) fn new(sentence: &Sentence<'s>, lexed: Lexed<'s>) -> Self {
        let words = match words_within(lexed.text, lexed.words, sentence.start, sentence.end()) {
            Some(within) => Cow::Borrowed(within),
            None => Cow::Owned(split_at_text_offsets(sentence)),
        };
        Self {
            words,
            lowering: WordLower::new(sentence, lexed.lowered),
            lower: OnceCell::new(),
            nouns: OnceCell::new(),
        }
    }

    /// No words, as a sentence past the last has.
    fn none(lowered: &'s LowerText) -> Self {
        Self {
            words: Cow::Borrowed(&[]),
            lowering: WordLower {
                lowered,
                text: "",
                start: 0,
                whole: None,
            },
            lower: OnceCell::new(),
            nouns: OnceCell::new(),
        }
    }

    /// Each word in lower case, exactly as [`LowerText::at`] gives it.
    pub(crate) fn lower(&self) -> &[Cow<'s, str>] {
        self.lower.get_or_init(|| self.lowering.all(self.words()))
    }

    /// The sentence's lower case with the byte it starts at in the text,
    /// when the sentence lowers in place: each word's lower case is then
    /// the slice of it at the word's own offsets.
    pub(crate) fn lower_in_place(&self) -> Option<(&'s str, usize)> {
        self.lowering
            .whole
            .map(|whole| (whole, self.lowering.start))
    }

    /// The sentence's lower case (exactly `str::to_lowercase`), borrowed
    /// from the text's where it can be.
    pub(crate) fn sentence_lower(&self) -> Cow<'s, str> {
        match self.lowering.whole {
            Some(whole) => Cow::Borrowed(whole),
            None => self
                .lowering
                .lowered
                .at(self.lowering.text, self.lowering.start),
        }
    }

    /// The kind of event each word names ([`super::events::event_nouns_among`]
    /// searching the sentence), empty when none does: what the rules asked
    /// before [`Found::event_nouns`] took the nouns from the text's one pass,
    /// the oracle its test compares with.
    #[cfg(test)]
    pub(crate) fn event_nouns(&self) -> &[Option<EventKind>] {
        self.event_nouns_among(None)
    }

    /// The kind of event each word names, empty when none does
    /// ([`super::events::event_nouns_among`]), found once for the meeting
    /// and event rules: from `stems` (the event stems a search of the
    /// sentence's lower case finds, at the text's offsets) when they are
    /// known, else by searching.
    fn event_nouns_among(&self, stems: Option<&[Range<usize>]>) -> &[Option<EventKind>] {
        self.nouns
            .get_or_init(|| super::events::event_nouns_among(self, stems))
    }

    /// Word `k` in lower case, as [`SentenceWords::lower`] gives it, without
    /// lowering the others; `None` past the last word.
    pub(crate) fn lower_of(&self, k: usize) -> Option<Cow<'s, str>> {
        match self.lower.get() {
            Some(all) => all.get(k).cloned(),
            None => self.words().get(k).map(|w| self.lowering.of(w)),
        }
    }

    /// The sentence's words at their offsets in the whole text. The first
    /// word's gap may reach back before the sentence (it is the whole
    /// text's): the rules read only the gaps between the sentence's own
    /// words.
    pub(crate) fn words(&self) -> &[Word<'s>] {
        &self.words
    }
}

/// The words of `sentence` split on their own, their offsets moved from
/// the sentence's start to the whole text's.
fn split_at_text_offsets<'s>(sentence: &Sentence<'s>) -> Vec<Word<'s>> {
    let mut words = crate::text::words(sentence.text);
    for w in &mut words {
        w.start += sentence.start;
    }
    words
}

/// The lower case of the words of one sentence (at the whole text's
/// offsets), exactly as [`LowerText::at`] gives it word by word. When the
/// sentence lowers in place (nearly always), its lower case is borrowed
/// once and each word's is the slice at the word's own offsets: the text's
/// list of characters that lower out of line is searched once a sentence,
/// not once a word.
#[derive(Clone, Copy)]
struct WordLower<'s> {
    lowered: &'s LowerText,
    /// The sentence.
    text: &'s str,
    /// Where the sentence starts in the text.
    start: usize,
    /// The sentence's lower case, when it lowers in place.
    whole: Option<&'s str>,
}

impl<'s> WordLower<'s> {
    /// The lowering of the words of `sentence`.
    fn new(sentence: &Sentence<'s>, lowered: &'s LowerText) -> Self {
        Self {
            lowered,
            text: sentence.text,
            start: sentence.start,
            whole: lowered.aligned_at(sentence.text, sentence.start),
        }
    }

    /// The lower case of `w`, one of the sentence's words.
    #[inline]
    fn of(&self, w: &Word<'s>) -> Cow<'s, str> {
        self.whole
            .zip(w.start.checked_sub(self.start))
            .and_then(|(whole, from)| whole.get(from..from + w.text.len()))
            .map_or_else(|| self.lowered.at(w.text, w.start), Cow::Borrowed)
    }

    /// The lower case of each of `words`, the sentence's.
    fn all(&self, words: &[Word<'s>]) -> Vec<Cow<'s, str>> {
        words.iter().map(|w| self.of(w)).collect()
    }
}

/// The lower case of each of `words` (of `sentence`) as
/// [`SentenceWords::lower`] makes it.
#[cfg(test)]
fn words_lower<'s>(
    sentence: &Sentence<'s>,
    words: &[Word<'s>],
    lowered: &'s LowerText,
) -> Vec<Cow<'s, str>> {
    WordLower::new(sentence, lowered).all(words)
}

/// [`words_lower`] as it was, each word's lower case asked of the text's
/// on its own: the oracle its test compares with.
#[cfg(test)]
fn words_lower_word_by_word<'s>(words: &[Word<'s>], lowered: &'s LowerText) -> Vec<Cow<'s, str>> {
    words.iter().map(|w| lowered.at(w.text, w.start)).collect()
}

/// What the pipeline finds in a text, for the relating rules' tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Found, Lexed};
    use crate::layout::{Layout, lay_out};
    use crate::lexicon::heads::HeadedWords;
    use crate::recognise::body::find_bodies_in;
    use crate::recognise::date::find_dates;
    use crate::recognise::places::find_places;
    use crate::relate::bodies::Registry;
    use crate::relate::dates::Anchors;
    use crate::text::LowerText;

    /// Runs `f` on the layout, mentions and bodies of `text`, found as
    /// `pipeline::parse_document` finds them (places not sifted from
    /// people's names).
    pub(crate) fn with_found<R>(
        text: &str,
        f: impl FnOnce(&Layout<'_>, &Found<'_>, &Registry) -> R,
    ) -> R {
        let layout = lay_out(text);
        let dates = find_dates(text);
        let anchors = Anchors::new(&layout, &dates);
        let values = dates
            .iter()
            .map(|d| anchors.resolve(d.value, d.span.start))
            .collect();
        let lowered = LowerText::new(text);
        let bodies = find_bodies_in(text, &lowered);
        let registry = Registry::build(text, &layout, &bodies);
        let headed = HeadedWords::new_in(text, &lowered);
        let lexed = Lexed {
            text,
            lowered: &lowered,
            words: &headed.words,
        };
        let found = Found::new(&layout, dates, values, bodies, find_places(text), lexed);
        f(&layout, &found, &registry)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::with_found;
    use super::{
        Lexed, SentenceWords, matches_within, matches_within_each, split_at_text_offsets,
        stems_within, words_lower, words_lower_word_by_word,
    };
    use crate::relate::dates::Anchors;
    use crate::text::{LowerText, Sentence, words, words_within};
    use proptest::prelude::*;

    /// Pieces of text: Finnish words in every case, characters that lower
    /// out of line or to other lengths (`İ`, the Kelvin sign, `ẞ`, `Σ`,
    /// `ﬁ`), joiners, spaces, full stops.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Kokous",
            "KOKOONTUI",
            "työpaja",
            "ÄÖÅ",
            "äöå",
            "Ärjä",
            "İ",
            "\u{212A}",
            "\u{212A}okous",
            "ẞ",
            "Σ",
            "ΣΑΣ",
            "ﬁ",
            "Émile",
            "×",
            "sote-",
            "STM:n",
            "a\u{308}",
            " ",
            "\u{A0}",
            "–",
            ". ",
            ", ",
            "5.3.",
            "\n",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        #[test]
        fn sentence_words_lower_as_word_by_word(
            pieces in prop::collection::vec(piece(), 0..16),
            noise in any::<String>(),
            a in 0usize..200,
            b in 0usize..200,
        ) {
            for text in [pieces.concat(), noise] {
                let lowered = LowerText::new(&text);
                let all = words(&text);
                let (mut a, mut b) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
                while !text.is_char_boundary(a) {
                    a -= 1;
                }
                while !text.is_char_boundary(b) {
                    b += 1;
                }
                let sentence = Sentence { text: &text[a..b], start: a };
                let split = split_at_text_offsets(&sentence);
                let within = words_within(&text, &all, a, b).map(<[_]>::to_vec);
                for ws in [Some(split), within].into_iter().flatten() {
                    prop_assert_eq!(
                        words_lower(&sentence, &ws, &lowered),
                        words_lower_word_by_word(&ws, &lowered),
                        "{:?} {}..{}", text, a, b
                    );
                }
                // The sentence's words as splitting it alone gives them, at
                // the whole text's offsets (the first gap aside), each
                // with its own lower case.
                let lexed = Lexed { text: &text, lowered: &lowered, words: &all };
                let got = SentenceWords::new(&sentence, lexed);
                let alone = words(sentence.text);
                prop_assert_eq!(got.words().len(), alone.len(), "{:?} {}..{}", text, a, b);
                for (k, (w, own)) in got.words().iter().zip(&alone).enumerate() {
                    prop_assert_eq!((w.text, w.start), (own.text, own.start + a));
                    prop_assert!(k == 0 || w.gap == own.gap);
                    prop_assert_eq!(got.lower_of(k), Some(std::borrow::Cow::Owned(own.text.to_lowercase())));
                    prop_assert_eq!(&got.lower()[k], &own.text.to_lowercase());
                    prop_assert_eq!(got.lower_of(k), Some(std::borrow::Cow::Owned(own.text.to_lowercase())));
                }
            }
        }
    }

    /// A sentence's words fit in the largest move the compiler makes by
    /// inline stores rather than a call to `memcpy` (eight 16-byte
    /// stores on x86-64), as each is moved into its cell once made.
    #[test]
    fn sentence_words_are_moved_without_memcpy() {
        assert!(std::mem::size_of::<SentenceWords<'_>>() <= 128);
    }

    /// Pieces of dated Finnish text: dates whole and cut, in sentences
    /// and lines of their own, full stops inside and after dates.
    fn dated_piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Ryhmä kokoontui ",
            "Seuraava kokous pidetään ",
            "Lausunnot pyydetään ",
            " mennessä",
            "5.3.",
            "12.10.2021",
            "1.–3.2.2022",
            "28.12. ja 3.1.",
            "kesällä 2021",
            ". ",
            ", ",
            " ",
            "\n",
            "\n\n3.4.2019\n",
            "Muistio ",
        ])
    }

    proptest! {
        /// The dates of each sentence, found by walking on in text order
        /// ([`Found::dates_in_order`]), are those halving finds
        /// ([`Found::dates_in`]), whichever sentences are passed over.
        #[test]
        fn dates_walked_to_in_order_are_the_dates_halved_to(
            pieces in prop::collection::vec(dated_piece(), 0..24),
            skips in prop::collection::vec(any::<bool>(), 0..16),
        ) {
            let text = pieces.concat();
            with_found(&text, |_, found, _| {
                let mut from = 0;
                for (n, s) in found.sentences.iter().enumerate() {
                    if skips.get(n).copied().unwrap_or(false) {
                        continue;
                    }
                    let span = super::span_of(s);
                    let walked = found.dates_in_order(&mut from, span);
                    prop_assert_eq!(walked, found.dates_in(span), "{:?} {:?}", text, span);
                }
                Ok(())
            })?;
        }
    }

    /// Sorted matches that do not overlap, from gaps and lengths.
    fn sorted_matches() -> impl Strategy<Value = Vec<std::ops::Range<usize>>> {
        prop::collection::vec((0usize..6, 1usize..6), 0..12).prop_map(|steps| {
            let mut at = 0;
            steps
                .into_iter()
                .map(|(gap, len)| {
                    at += gap;
                    let m = at..at + len;
                    at += len;
                    m
                })
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// Each sentence's matches found by walking on through them
        /// ([`matches_within_each`]) are those halving finds
        /// ([`matches_within`]): for sentences following one another
        /// (from cut points), touching, empty, and out of order.
        #[test]
        fn matches_walked_to_are_the_matches_halved_to(
            all in sorted_matches(),
            cuts in prop::collection::vec(0usize..70, 0..14),
            shuffled in prop::collection::vec((0usize..70, 0usize..12), 0..4),
        ) {
            let text = "x".repeat(80);
            let mut cuts = cuts;
            cuts.sort_unstable();
            let mut pieces: Vec<(usize, usize)> = cuts.windows(2).map(|w| (w[0], w[1])).collect();
            pieces.extend(shuffled.iter().map(|&(a, len)| (a, a + len)));
            pieces.extend(cuts.windows(2).map(|w| (w[0], w[1])));
            let sentences: Vec<Sentence<'_>> = pieces
                .iter()
                .map(|&(a, b)| Sentence { text: &text[a..b], start: a })
                .collect();
            let walked = matches_within_each(&all, &sentences);
            prop_assert_eq!(walked.len(), sentences.len());
            for (s, got) in sentences.iter().zip(walked) {
                prop_assert_eq!(got, matches_within(&all, s.start, s.end()), "{:?} {:?}", all, s.start..s.end());
            }
        }

        /// The event stems of each sentence of a text, read off the table
        /// made with the text's stems, are those halving the stems finds.
        #[test]
        fn sentence_stems_are_the_stems_halved_to(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "Työpaja ", "seminaarissa ", "Webinaari", "ja ", "sote", "vaalit",
                "kokous ", "5.3. ", ". ", "\n", "\n\n", "Tilaisuus", "infot ", "İ",
            ]), 0..24),
        ) {
            let text = pieces.concat();
            with_found(&text, |_, found, _| {
                for n in 0..=found.sentences.len() {
                    prop_assert_eq!(found.stems_within(n), found.stems_within_by_halving(n), "{:?} {}", text, n);
                }
                Ok(())
            })?;
        }
    }

    /// [`stems_within`] hands a piece the matches inside it, and none at
    /// all when one runs across either of its ends.
    #[test]
    fn stems_within_takes_the_matches_inside_and_refuses_those_across() {
        let all = [2..5, 7..10, 10..12, 15..20];
        assert_eq!(stems_within(&all, 0, 30), Some(&all[..]));
        assert_eq!(stems_within(&all, 5, 12), Some(&all[1..3]));
        assert_eq!(stems_within(&all, 7, 10), Some(&all[1..2]));
        assert_eq!(stems_within(&all, 10, 15), Some(&all[2..3]));
        assert_eq!(stems_within(&all, 12, 15), Some(&all[..0]));
        assert_eq!(stems_within(&all, 20, 20), Some(&all[..0]));
        assert_eq!(stems_within(&all, 0, 2), Some(&all[..0]));
        assert_eq!(stems_within(&all, 3, 12), None, "across the start");
        assert_eq!(stems_within(&all, 5, 11), None, "across the end");
        assert_eq!(stems_within(&all, 8, 9), None, "across both");
        assert_eq!(stems_within(&[], 0, 9), Some(&[][..]));
    }

    #[test]
    fn values_are_the_dates_resolved_in_order() {
        // Years come from the posting, the publication, or a full date.
        let text = "Julkaistu 3.2.2020\n\nRyhmä kokoontui 5.3. ja 12.10. Seuraava \
                    kokous on 1.2.2021 ja sitä ennen 28.12.\n\n3.4.2019\nMuistio 5.4.\n";
        with_found(text, |layout, found, _| {
            let anchors = Anchors::new(layout, &found.dates);
            let resolved: Vec<_> = found
                .dates
                .iter()
                .map(|d| anchors.resolve(d.value, d.span.start))
                .collect();
            assert!(found.dates.len() >= 6, "{:?}", found.dates);
            assert_eq!(found.values, resolved);
        });
    }
}
