//! A source as the reader opens it: its fields and one version's text, read
//! together, so switching sources costs one source's rows and not the whole
//! source list.

use serde::Serialize;

use super::sources;
use crate::error::Result;
use crate::model::{Source, SourceVersion};
use crate::store::Sources;

/// A source with the version the reader shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceReading {
    /// The source's fields, with how many versions it has.
    pub source: Source,
    /// The version asked for, or the latest.
    pub version: SourceVersion,
}

impl Sources<'_> {
    /// The source and one version of it (by number, or the latest when
    /// `number` is `None`), as [`Sources::get`] and [`Sources::version`] give
    /// them.
    pub fn reading(&self, id_or_prefix: &str, number: Option<u32>) -> Result<SourceReading> {
        let id = self.resolve(id_or_prefix)?;
        let conn = self.conn();
        Ok(SourceReading {
            version: sources::version_by_number(conn, &id, number)?,
            source: sources::get(conn, &id)?,
        })
    }
}
