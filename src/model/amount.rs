//! Sums of money.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::Span;

named_enum! {
    /// A currency of an [`Amount`].
    pub enum Currency {
        /// The euro, written `EUR`.
        Eur = "EUR",
    }
}

/// A sum of money: `100 milj. euroa` → 100 000 000 EUR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// Whole units of the currency.
    pub value: u64,
    /// The currency.
    pub currency: Currency,
    /// Whether the text marks the sum as an estimate (`noin`, `n.`, `arviolta`, `yli`, `lähes`).
    pub approximate: bool,
    /// The exact source text.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
