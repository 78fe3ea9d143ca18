//! The generated year desk kept in a file, for the benches and tests that
//! all measure on it: generating it takes seconds in a release build and
//! minutes in a debug one, so it is made once and reused.

use std::path::Path;

use crate::error::{Error, Result};
use crate::workspace::Workspace;

use super::desk_year::{self, DeskSize, DeskSummary};

/// Makes the year desk at `path` unless a finished one is there already;
/// returns what it generated, or `None` when the file was kept. It is
/// written under another name and renamed when whole, so an interrupted run
/// never leaves a file that looks finished.
pub fn year_desk_at(path: &Path) -> Result<Option<DeskSummary>> {
    if path.exists() {
        return Ok(None);
    }
    let making = path.with_extension("making");
    let _ = std::fs::remove_file(&making);
    let ws = Workspace::create(&making)?;
    let summary = desk_year::fill(&ws, DeskSize::YEAR)?;
    drop(ws);
    std::fs::rename(&making, path).map_err(|e| {
        Error::io(
            format!("could not keep the generated desk at {}", path.display()),
            e,
        )
    })?;
    Ok(Some(summary))
}
