//! Enums whose variants have one fixed name, shared by JSON and XML.

/// Defines a fieldless enum whose variants are written as fixed names
/// (`steering_group`, `EUR`), with `as_str`, `from_name`, `Display`,
/// `FromStr`, `Serialize` and `Deserialize` all reading the one table, so the
/// JSON and XML forms can never disagree.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $name:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $ty {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $ty {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name written in JSON and XML.
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $ty::$variant => $name, )+
                }
            }

            /// The variant written as `name`, if any.
            pub fn from_name(name: &str) -> Option<$ty> {
                match name {
                    $( $name => Some($ty::$variant), )+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::model::UnknownName;
            fn from_str(s: &str) -> Result<$ty, Self::Err> {
                $ty::from_name(s).ok_or_else(|| crate::model::UnknownName::new(stringify!($ty), s))
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use named_enum;

/// A name that is not one of an enum's variants, e.g. `"kind": "comittee"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?}")]
pub struct UnknownName {
    what: &'static str,
    name: String,
}

impl UnknownName {
    pub(crate) fn new(what: &'static str, name: &str) -> UnknownName {
        UnknownName {
            what,
            name: name.to_owned(),
        }
    }

    /// The rejected name.
    pub fn name(&self) -> &str {
        &self.name
    }
}
