//! Claimdesk's domain: claims, sources, evidence, comparison and reports,
//! kept in one SQLite workspace file.

pub mod compare;
pub mod error;
pub mod text;

pub use error::{Error, Result};
