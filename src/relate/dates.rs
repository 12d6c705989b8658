//! Years for dates the text writes without one: from the entry a date
//! stands in, the publication date, or the nearest fully dated place before.

use chrono::NaiveDate;

use crate::layout::Layout;
use crate::model::{DateMention, EdtfDate, Precision};
use crate::recognise::date::{DateMatch, resolve_year};

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
    pub(crate) fn new(layout: &Layout<'_>, dates: &[DateMatch<'_>]) -> Anchors {
        Anchors {
            published: layout.published.and_then(|p| p.value.to_naive_date()),
            entries: layout
                .entries
                .iter()
                .filter_map(|e| Some((e.span.0, e.span.1, e.posted.value.to_naive_date()?)))
                .collect(),
            days: dates
                .iter()
                .filter(|d| d.value.precision() == Precision::Day)
                .filter_map(|d| Some((d.span.start, d.value.to_naive_date()?)))
                .collect(),
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
