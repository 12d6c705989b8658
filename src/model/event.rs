//! Dated happenings other than body meetings.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::{EdtfDate, Span};

named_enum! {
    /// What kind of happening an [`Event`] is.
    pub enum EventKind {
        /// *työpaja*.
        Workshop = "workshop",
        /// *seminaari*.
        Seminar = "seminar",
        /// *simulointi*, *simulointipäivät*.
        Simulation = "simulation",
        /// *keskustelutilaisuus*, *tilaisuus*, *kuuleminen*.
        PublicEvent = "public_event",
        /// A date by which something must be done or submitted.
        Deadline = "deadline",
        /// A date on which something starts or takes effect.
        Start = "start",
        /// Anything else.
        Other = "other",
    }
}

/// A dated happening: a workshop, a seminar, a deadline, a start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What kind of happening.
    pub kind: EventKind,
    /// When.
    pub date: Option<EdtfDate>,
    /// The exact source text the event was read from.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
