//! Temporal expressions found in the text.

use serde::{Deserialize, Serialize};

use super::{EdtfDate, Span};

/// A temporal expression, resolved to EDTF: `14.–15.11.2018` →
/// `2018-11-14/2018-11-15`, `marraskuussa` → `2017-11`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The resolved date.
    pub value: EdtfDate,
    /// The exact source text.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
