//! Meetings of one or more bodies.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::{EdtfDate, Span};

named_enum! {
    /// Whether a meeting has taken place, as the text's tense and wording say.
    pub enum MeetingStatus {
        /// The meeting has been held (*kokoontui*, a memo is published).
        Held = "held",
        /// The meeting is to come (*pidetään*, *seuraava kokous*).
        Planned = "planned",
        /// The text does not say.
        Unknown = "unknown",
    }
}

/// A meeting of one body, or a joint meeting of several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    /// Basic forms of the bodies that met; several for a joint meeting.
    pub bodies: Vec<String>,
    /// When.
    pub date: Option<EdtfDate>,
    /// Where, as a place name in basic form (`Oulu`).
    pub location: Option<String>,
    /// Held, planned or unknown.
    pub status: MeetingStatus,
    /// Documents of the meeting: `Muistio`, `Asialista`, `Pöytäkirja`….
    pub documents: Vec<String>,
    /// The exact source text the meeting was read from.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
