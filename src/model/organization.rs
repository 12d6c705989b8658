//! Organisations named in the text.

use serde::{Deserialize, Serialize};

use super::Span;

/// An organisation: a company (`Oy`), an association (`ry`), a ministry, a
/// joint municipal authority (`kuntayhtymä`), a hospital district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organization {
    /// Basic form of the name: `Vimana Oy:n` → `Vimana Oy`.
    pub name: String,
    /// The exact source text.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
