pub mod model;
mod config;
mod error;
mod export;
mod layout;
mod lexicon;
mod pipeline;
mod recognise;
mod relate;
mod text;
pub use config::{Config, InvalidUtf8};
pub use model::*;
pub use error::{Error, ErrorKind, Position, Result};
pub use export::*;

/// Parses one announcement with the default [`Config`].
pub fn parse(source: &str, text: &str) -> Result<Document> {
    Config::default().parse(source, text)
}

/// Parses one announcement given as bytes with the default [`Config`]
/// (invalid UTF-8 is an error).
pub fn parse_bytes(source: &str, bytes: &[u8]) -> Result<Document> {
    Config::default().parse_bytes(source, bytes)
}
