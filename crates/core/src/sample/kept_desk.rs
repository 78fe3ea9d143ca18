//! Generated workspaces kept in a file, for the benches and tests that
//! measure on them: generating one takes seconds in a release build and
//! minutes in a debug one, so it is made once and reused.

use std::path::Path;

use crate::error::{Error, Result};
use crate::workspace::Workspace;

use super::desk_year::{self, DeskSize, DeskSummary};

/// Makes a workspace at `path` with `fill` unless a finished one is there
/// already; returns what `fill` returned, or `None` when the file was kept.
/// It is written under another name and renamed when whole, so an
/// interrupted run never leaves a file that looks finished.
pub fn kept_workspace<T>(
    path: &Path,
    fill: impl FnOnce(&Workspace) -> Result<T>,
) -> Result<Option<T>> {
    if path.exists() {
        return Ok(None);
    }
    let making = path.with_extension("making");
    let _ = std::fs::remove_file(&making);
    let ws = Workspace::create(&making)?;
    let made = fill(&ws)?;
    drop(ws);
    std::fs::rename(&making, path).map_err(|e| {
        Error::io(
            format!(
                "could not keep the generated workspace at {}",
                path.display()
            ),
            e,
        )
    })?;
    Ok(Some(made))
}

/// The year desk (`desk_year`, full size) kept at `path`.
pub fn year_desk_at(path: &Path) -> Result<Option<DeskSummary>> {
    kept_workspace(path, |ws| desk_year::fill(ws, DeskSize::YEAR))
}
