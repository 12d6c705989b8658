//! Governance bodies: steering groups, working groups, teams, councils….

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::Span;

named_enum! {
    /// What kind of body a [`Body`] is, decided by the head word of its name
    /// (`…johtoryhmä` → steering group, `…tiimi` → team).
    pub enum BodyKind {
        /// *johtoryhmä*, *ohjausryhmä*.
        SteeringGroup = "steering_group",
        /// *työryhmä*, *valmisteluryhmä*, other *ryhmä*.
        WorkingGroup = "working_group",
        /// *tiimi*.
        Team = "team",
        /// *koordinaatioryhmä*.
        CoordinationGroup = "coordination_group",
        /// *seurantaryhmä*.
        MonitoringGroup = "monitoring_group",
        /// *väliaikainen valmistelutoimielin* (VATE).
        InterimBody = "interim_body",
        /// *valtuusto*.
        Council = "council",
        /// *hallitus*.
        Board = "board",
        /// *lautakunta*, *toimikunta*, *jaosto*.
        Committee = "committee",
        /// A standing *kokous*, such as *Kuntajohtajakokous*.
        Forum = "forum",
        /// *verkosto*.
        Network = "network",
        /// Anything else.
        Other = "other",
    }
}

/// A governance body named in the text, once per body.
///
/// `name` is the nominative basic form (`Strategisen johtoryhmän` →
/// `Strateginen johtoryhmä`); `text` and `span` are the first mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// Basic form of the name.
    pub name: String,
    /// Kind, from the head word.
    pub kind: BodyKind,
    /// Abbreviation given in the text, such as `SJR` or `VATE`.
    pub abbreviation: Option<String>,
    /// Other surface names used for the same body (`johtoryhmä` for
    /// `Maakunta- ja sote-uudistuksen johtoryhmä`).
    pub aliases: Vec<String>,
    /// The exact source text of the first mention.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
