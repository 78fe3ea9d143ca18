//! Commands that keep a workspace safe: a backup copy and a check.

use claimdesk_core::store::check::CheckReport;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Writes a consistent, checked copy of the open workspace to `path` (a file
/// that does not exist yet) and returns where it went. Safe while writes run.
#[tauri::command]
#[specta::specta]
pub fn workspace_backup(state: State<'_, AppState>, path: String) -> CommandResult<String> {
    state.with(|ws| {
        ws.backup(Some(std::path::Path::new(&path)))
            .map(|p| p.display().to_string())
    })
}

/// Checks the open workspace (integrity, foreign keys, Claimdesk's rules), reading only.
#[tauri::command]
#[specta::specta]
pub fn workspace_check(state: State<'_, AppState>) -> CommandResult<CheckReport> {
    state.with(|ws| ws.check())
}
