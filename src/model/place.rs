//! Places named in the text.

use serde::{Deserialize, Serialize};

use super::Span;

/// A place: a municipality, region (maakunta) or wellbeing services county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// Basic form: `Oulussa` → `Oulu`, `Uudellamaalla` → `Uusimaa`.
    pub name: String,
    /// The exact source text.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
