//! Years for dates the text writes without one: from the entry a date
//! stands in, the publication date, or the nearest fully dated place before.

use chrono::NaiveDate;

use crate::layout::{Layout, LineKind};
use crate::model::{DateMention, EdtfDate, Precision};
use crate::recognise::date::{DateMatch, resolve_year};
use crate::text::is_space;

/// The anchors a text offers for resolving years.
pub(crate) struct Anchors {
    published: Option<NaiveDate>,
    /// Entry spans with their posted dates.
    entries: Vec<(usize, usize, NaiveDate)>,
    /// Full calendar days written in the text, by position.
    days: Vec<(usize, NaiveDate)>,
}

impl Anchors {
    /// Collects the anchors of a laid-out text and the dates found in it.
    ///
    /// Without a publication date, the days that date the page serve: those
    /// on heading-like lines (a date line, `Aika: 16.5.2018`, a short line
    /// that is not a sentence); a day in running text (`lait tulevat voimaan
    /// 1.1.2020`) says nothing about when the text was written. Only if the
    /// page has no such day do running-text days serve.
    pub(crate) fn new(layout: &Layout<'_>, dates: &[DateMatch<'_>]) -> Anchors {
        Anchors {
            published: layout.published.and_then(|p| p.value.to_naive_date()),
            entries: layout
                .entries
                .iter()
                .filter_map(|e| Some((e.span.0, e.span.1, e.posted.value.to_naive_date()?)))
                .collect(),
            days: heading_days(layout, dates),
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
        let i = self.days.partition_point(|&(pos, _)| pos < at);
        i.checked_sub(1)
            .and_then(|j| self.days.get(j))
            .or_else(|| self.days.get(i))
            .map(|&(_, d)| d)
    }

    /// The date's value with its year filled in where the text gives an anchor.
    pub(crate) fn resolve(&self, value: EdtfDate, at: usize) -> EdtfDate {
        match self.anchor_at(at) {
            Some(anchor) => resolve_year(value, anchor),
            None => value,
        }
    }

    /// Every date of the text, resolved, as record items.
    pub(crate) fn mentions(&self, dates: &[DateMatch<'_>]) -> Vec<DateMention> {
        dates
            .iter()
            .map(|d| DateMention {
                value: self.resolve(d.value, d.span.start),
                text: d.text.to_owned(),
                span: d.span,
            })
            .collect()
    }
}

/// Days written on heading-like lines, or failing those, all days.
fn heading_days(layout: &Layout<'_>, dates: &[DateMatch<'_>]) -> Vec<(usize, NaiveDate)> {
    const MAX_HEADING_WORDS: usize = 12;
    let days = dates
        .iter()
        .filter(|d| d.value.precision() == Precision::Day)
        .filter_map(|d| Some((d.span.start, d.value.to_naive_date()?)));
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
