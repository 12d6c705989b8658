//! People, their titles, contact details and roles in bodies.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

use super::Span;

named_enum! {
    /// A role a person holds in a body.
    pub enum RoleKind {
        /// *puheenjohtaja*.
        Chair = "chair",
        /// *varapuheenjohtaja*.
        ViceChair = "vice_chair",
        /// *sihteeri*.
        Secretary = "secretary",
        /// *pääsihteeri*.
        SecretaryGeneral = "secretary_general",
        /// *jäsen*.
        Member = "member",
        /// *varajäsen*.
        DeputyMember = "deputy_member",
        /// *esittelijä*.
        Presenter = "presenter",
        /// Any other role.
        Other = "other",
    }
}

/// A role held in a named body. A role always names its body.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role {
    /// What the role is.
    pub role: RoleKind,
    /// Basic form of the body's name, as in [`Body::name`](super::Body::name).
    pub body: String,
}

/// A person named in the text, once per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Given name(s) and family name in basic form: `Aino Kärkkäinen`.
    pub name: String,
    /// Title as written, e.g. `maakuntajohtaja`.
    pub title: Option<String>,
    /// Phone number in E.164 (`+358400389152`).
    pub phone: Option<String>,
    /// Email address, resolved from templates and lower case.
    pub email: Option<String>,
    /// Roles held in bodies.
    pub roles: Vec<Role>,
    /// The exact source text of the first mention.
    pub text: String,
    /// Where `text` lies in the source.
    pub span: Span,
}
