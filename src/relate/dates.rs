//! Years for dates the text writes without one: from the entry a date
//! stands in, the publication date, or the nearest fully dated place before.

use std::cell::OnceCell;

use chrono::NaiveDate;

use crate::layout::{Layout, LineKind};
use crate::model::{DateMention, EdtfDate, Precision};
use crate::recognise::date::{DateMatch, resolve_year};
use crate::text::is_space;

/// The anchors a text offers for resolving years.
pub(crate) struct Anchors<'a> {
    published: Option<NaiveDate>,
    /// Entry spans with their posted dates.
    entries: Vec<(usize, usize, NaiveDate)>,
    /// The layout the days on heading-like lines are told by.
    layout: &'a Layout<'a>,
    /// The text's dates of a day's precision, by position: what
    /// [`heading_days`] reads, kept until the days are first needed.
    written: Vec<(usize, EdtfDate)>,
    /// Full calendar days written in the text, by position ([`heading_days`]),
    /// worked out when a date first needs them: most dates stand in an
    /// entry or under a publication date, and telling every day's line
    /// cost more than resolving the dates themselves.
    days: OnceCell<Vec<(usize, NaiveDate)>>,
}

impl<'a> Anchors<'a> {
    /// Collects the anchors of a laid-out text and the dates found in it.
    ///
    /// Without a publication date, the days that date the page serve: those
    /// on heading-like lines (a date line, `Aika: 16.5.2018`, a short line
    /// that is not a sentence); a day in running text (`lait tulevat voimaan
    /// 1.1.2020`) says nothing about when the text was written. Only if the
    /// page has no such day do running-text days serve.
    pub(crate) fn new(layout: &'a Layout<'a>, dates: &[DateMatch<'_>]) -> Anchors<'a> {
        let published = layout.published.and_then(|p| p.value.to_naive_date());
        // Under a publication date the days are never asked.
        let written = if published.is_some() {
            Vec::new()
        } else {
            dates
                .iter()
                .filter(|d| d.value.precision() == Precision::Day)
                .map(|d| (d.span.start, d.value))
                .collect()
        };
        Anchors {
            published,
            entries: layout
                .entries
                .iter()
                .filter_map(|e| Some((e.span.0, e.span.1, e.posted.value.to_naive_date()?)))
                .collect(),
            layout,
            written,
            days: OnceCell::new(),
        }
    }

    /// The anchor for a date at byte `at`: the posted date of the entry it
    /// stands in; else the publication date; else the nearest full date
    /// written before it; else the first one after it.
    pub(crate) fn anchor_at(&self, at: usize) -> Option<NaiveDate> {
        // Entries are in text order and do not overlap.
        let i = self.entries.partition_point(|&(s, _, _)| s <= at);
        if let Some(&(_, e, posted)) = i.checked_sub(1).and_then(|j| self.entries.get(j))
            && at < e
        {
            return Some(posted);
        }
        if self.published.is_some() {
            return self.published;
        }
        // `days` is in text order: the last one before `at`, or the first after.
        let days = self
            .days
            .get_or_init(|| heading_days(self.layout, &self.written));
        let i = days.partition_point(|&(pos, _)| pos < at);
        i.checked_sub(1)
            .and_then(|j| days.get(j))
            .or_else(|| days.get(i))
            .map(|&(_, d)| d)
    }

    /// The date's value with its year filled in where the text gives an anchor.
    ///
    /// A value with its year is as [`resolve_year`] returns it, without
    /// looking for an anchor (which may work out the days).
    pub(crate) fn resolve(&self, value: EdtfDate, at: usize) -> EdtfDate {
        if value.has_year() {
            return value;
        }
        match self.anchor_at(at) {
            Some(anchor) => resolve_year(value, anchor),
            None => value,
        }
    }

    /// The date `d` of the text, resolved, as a record item.
    pub(crate) fn mention(&self, d: &DateMatch<'_>) -> DateMention {
        DateMention {
            value: self.resolve(d.value, d.span.start),
            text: d.text.to_owned(),
            span: d.span,
        }
    }
}

/// Days written on heading-like lines, or failing those, all days, of
/// the text's dates of a day's precision `written` (start, value).
fn heading_days(layout: &Layout<'_>, written: &[(usize, EdtfDate)]) -> Vec<(usize, NaiveDate)> {
    const MAX_HEADING_WORDS: usize = 12;
    let days = written
        .iter()
        .filter_map(|&(at, value)| Some((at, value.to_naive_date()?)));
    let on_heading = |at: usize| {
        let i = layout.lines.partition_point(|l| l.end() <= at);
        layout
            .lines
            .get(i)
            .zip(layout.kinds.get(i))
            .is_some_and(|(l, k)| {
                // Words are counted only up to one past the most a heading
                // has: a paragraph holding many dates is not recounted whole.
                let short = || {
                    l.text
                        .split(is_space)
                        .filter(|w| !w.is_empty())
                        .take(MAX_HEADING_WORDS + 1)
                        .count()
                        <= MAX_HEADING_WORDS
                };
                !matches!(k, LineKind::Text)
                    || l.text
                        .split_once(':')
                        .is_some_and(|(label, _)| label.trim().eq_ignore_ascii_case("aika"))
                    || (!l.text.ends_with('.') && short())
            })
    };
    let headings: Vec<(usize, NaiveDate)> =
        days.clone().filter(|&(at, _)| on_heading(at)).collect();
    if headings.is_empty() {
        days.collect()
    } else {
        headings
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use super::{Anchors, heading_days};
    use crate::layout::{Layout, lay_out};
    use crate::model::{EdtfDate, Precision};
    use crate::recognise::date::{DateMatch, find_dates, resolve_year};

    /// [`Anchors::anchor_at`] with every anchor worked out first, as
    /// [`Anchors::new`] did before the days were put off: its oracle.
    fn anchor_at_eagerly(
        layout: &Layout<'_>,
        dates: &[DateMatch<'_>],
        at: usize,
    ) -> Option<NaiveDate> {
        let published = layout.published.and_then(|p| p.value.to_naive_date());
        let entries: Vec<(usize, usize, NaiveDate)> = layout
            .entries
            .iter()
            .filter_map(|e| Some((e.span.0, e.span.1, e.posted.value.to_naive_date()?)))
            .collect();
        let written: Vec<(usize, EdtfDate)> = dates
            .iter()
            .filter(|d| d.value.precision() == Precision::Day)
            .map(|d| (d.span.start, d.value))
            .collect();
        let days = heading_days(layout, &written);
        let i = entries.partition_point(|&(s, _, _)| s <= at);
        if let Some(&(_, e, posted)) = i.checked_sub(1).and_then(|j| entries.get(j))
            && at < e
        {
            return Some(posted);
        }
        if published.is_some() {
            return published;
        }
        let i = days.partition_point(|&(pos, _)| pos < at);
        i.checked_sub(1)
            .and_then(|j| days.get(j))
            .or_else(|| days.get(i))
            .map(|&(_, d)| d)
    }

    /// Pages of publication lines, posted entries, heading and running-text
    /// days, dates without a year, months and seasons.
    fn page() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Julkaistu 3.2.2020\n\n",
            "Julkaistu 14.11.2019 klo 9.00\n\n",
            "Aika: 16.5.2018 klo 13\n",
            "Paikka: Kuopio\n\n",
            "3.4.2019\nMuistio 5.4.\n\n",
            "28.10.2019Vammaispalvelujen jaoston kokous 27.10.2019\n\nMuistiot\n> Muistio\n\n",
            "Lue lisää | 2 Kommenttia\n\n",
            "Ryhmä kokoontui 5.3. ja 12.10. Seuraava kokous on 1.2.2021.\n",
            "Lausunnot pyydetään 7.5. mennessä ja sitä ennen 28.12.\n",
            "Työ jatkuu syksyllä ja kokous on lokakuussa.\n",
            "Lait tulevat voimaan 1.1.2020.\n",
            "Kokous 12.12.\n",
            "Hallitus\n",
            "\n",
        ]);
        prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn anchors_answer_as_when_worked_out_first(text in page()) {
            let layout = lay_out(&text);
            let dates = find_dates(&text);
            let anchors = Anchors::new(&layout, &dates);
            for at in (0..=text.len()).step_by(7).chain(dates.iter().map(|d| d.span.start)) {
                prop_assert_eq!(anchors.anchor_at(at), anchor_at_eagerly(&layout, &dates, at), "at {}", at);
            }
            for d in &dates {
                let want = match anchor_at_eagerly(&layout, &dates, d.span.start) {
                    Some(anchor) => resolve_year(d.value, anchor),
                    None => d.value,
                };
                prop_assert_eq!(anchors.resolve(d.value, d.span.start), want);
            }
        }
    }
}
