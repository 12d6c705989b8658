//! The region a text is about, from its place mentions.

use crate::recognise::places::{PlaceKind, PlaceMatch};

/// Whether two names from the gazetteer are the same: by address first,
/// as the gazetteer gives every mention of a region the same slice for its
/// name, then by content (a call of `memcmp` for two names of one length).
#[inline]
fn same_name(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// How much one mention counts towards its region: a region or county named
/// outright says more than a municipality in it, and a mention in the title
/// says more than one in the body.
fn weight(p: &PlaceMatch<'_>, title: Option<(usize, usize)>) -> u32 {
    let base = match p.kind {
        PlaceKind::Region | PlaceKind::WellbeingServicesCounty => 3,
        PlaceKind::Municipality | PlaceKind::FormerMunicipality => 2,
    };
    let base = if p.ambiguous { 1 } else { base };
    let in_title = title.is_some_and(|(s, e)| s <= p.span.start && p.span.end <= e);
    if in_title { base * 3 } else { base }
}

/// The maakunta (or wellbeing services county) the text is about: the
/// region with the most weight of mentions; within it, a wellbeing services
/// county named more often than the region itself (`Keski-Uusimaa` in a
/// text about Keski-Uusimaa) is the answer rather than the region.
pub(crate) fn region_of(
    places: &[PlaceMatch<'_>],
    title: Option<(usize, usize)>,
) -> Option<String> {
    let mut totals: Vec<(&'static str, u32, usize)> = Vec::new();
    for p in places {
        let w = weight(p, title);
        match totals.iter_mut().find(|(r, _, _)| same_name(r, p.region)) {
            Some(t) => t.1 += w,
            None => totals.push((p.region, w, p.span.start)),
        }
    }
    // Highest weight; ties go to the region mentioned first.
    let (region, _, _) = totals
        .iter()
        .copied()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?;
    let in_region = |kind: PlaceKind| {
        places
            .iter()
            .filter(move |p| same_name(p.region, region) && p.kind == kind)
    };
    let region_mentions = in_region(PlaceKind::Region).count();
    let mut counties: Vec<(&'static str, usize)> = Vec::new();
    for p in in_region(PlaceKind::WellbeingServicesCounty).filter(|p| p.name != region) {
        match counties.iter_mut().find(|(n, _)| *n == p.name) {
            Some(c) => c.1 += 1,
            None => counties.push((p.name, 1)),
        }
    }
    let county = counties.iter().copied().max_by_key(|&(_, n)| n);
    match county {
        Some((name, n)) if n > region_mentions => Some(name.to_owned()),
        _ => Some(region.to_owned()),
    }
}
