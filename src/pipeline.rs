//! The pipeline from text to record: lay out, recognise, relate.

use crate::layout::lay_out;
use crate::model::{Document, EdtfDate, Entry, Organization, Place, Programme, Span};
use crate::recognise::date::find_dates;
use crate::recognise::organization::find_organizations;
use crate::recognise::places::find_places;
use crate::recognise::programme::find_programmes;
use crate::relate::dates::Anchors;
use crate::relate::region::region_of;

fn slice(source: &str, start: usize, end: usize) -> String {
    source.get(start..end).unwrap_or_default().to_owned()
}

/// Parses one text into its record. Never fails: what the text does not
/// show is left empty.
pub(crate) fn parse_document(source_name: &str, text: &str) -> Document {
    let layout = lay_out(text);
    let mut doc = Document::new(source_name);
    doc.kind = layout.kind;
    doc.title = layout.title.map(|l| l.text.to_owned());
    doc.comments = layout.comments;

    doc.published = layout.published.map(|p| p.value).filter(EdtfDate::has_year);
    let found_dates = find_dates(text);
    let anchors = Anchors::new(&layout, &found_dates);
    for e in &layout.entries {
        doc.entries.push(Entry {
            posted: Some(e.posted.value),
            title: e.heading.to_owned(),
            documents: e.documents.iter().map(|d| (*d).to_owned()).collect(),
            summary: e.summary.map(|(s, t)| slice(text, s, t)),
            comments: e.comments,
            span: Span::new(e.span.0, e.span.1),
        });
    }
    doc.dates = anchors.mentions(&found_dates);

    let places = find_places(text);
    doc.region = region_of(&places, layout.title.map(|t| (t.start, t.end())));
    doc.places = places
        .iter()
        .map(|p| Place {
            name: p.name.to_owned(),
            text: p.text.to_owned(),
            span: p.span,
        })
        .collect();
    doc.organizations = find_organizations(text)
        .into_iter()
        .map(|o| Organization {
            text: o.text.to_owned(),
            span: o.span,
            name: o.name,
        })
        .collect();
    doc.programmes = find_programmes(text)
        .into_iter()
        .map(|p| Programme {
            text: p.text.to_owned(),
            span: p.span,
            name: p.name,
        })
        .collect();
    doc
}
