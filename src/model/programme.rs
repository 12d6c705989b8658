//! Projects, pilots and programmes named in the text.

use serde::{Deserialize, Serialize};

use super::Span;

/// A project, pilot or programme (`-hanke`, `-pilotti`, `-ohjelma`, `-kärkihanke`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    /// Basic form of the name: `Uusimaa 2019 -hankkeen` → `Uusimaa 2019 -hanke`.
    pub name: String,
    /// The exact source text.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
