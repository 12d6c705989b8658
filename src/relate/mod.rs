//! Relating mentions into facts: one record per body, meetings, events,
//! years of partial dates, the region a text is about.

pub(crate) mod bodies;
pub(crate) mod dates;
pub(crate) mod events;
pub(crate) mod found;
pub(crate) mod meetings;
pub(crate) mod people;
pub(crate) mod region;
