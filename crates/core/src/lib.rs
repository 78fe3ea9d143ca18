//! Claimdesk's domain: claims, sources, evidence, comparison and reports,
//! kept in one SQLite workspace file.

pub mod error;
pub mod ingest;

pub use error::{Error, Result};
