//! Relating mentions into facts: what region a text is about.

pub(crate) mod dates;
pub(crate) mod region;
