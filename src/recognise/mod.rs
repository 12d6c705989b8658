//! Recognisers: small parsers and lexicon matchers that find one kind of
//! expression (a date, a place) and return it with its byte span. They know
//! Finnish, not documents.

pub(crate) mod date;
pub(crate) mod places;
