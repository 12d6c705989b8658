//! Items of listing pages.

use serde::{Deserialize, Serialize};

use super::{EdtfDate, Span};

/// One item of a listing page: a posted date, a heading, links to meeting
/// documents, a summary and a comment count.
///
/// ```text
/// 19.9.2017Vammaisten palvelut -ryhmän kokous 7.9.2017
/// Muistiot
/// > Muistio
/// Kokouksen ydinviesti on, että …
/// Lue lisää | 0 Kommenttia
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The date the item was posted.
    pub posted: Option<EdtfDate>,
    /// The heading as written.
    pub title: String,
    /// Names of the linked documents (`Muistio`, `Asialista`, …).
    pub documents: Vec<String>,
    /// The summary under the heading.
    pub summary: Option<String>,
    /// The item's comment count, when shown.
    pub comments: Option<u32>,
    /// Where the whole item lies in the source.
    pub span: Span,
}
