//! Commands that open, create and fill workspace files.

use claimdesk_core::Workspace;
use claimdesk_core::sample::SampleSummary;
use serde::Serialize;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Which workspace is open, what was opened lately, and what went wrong on start.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct WorkspaceStatus {
    /// The open workspace file, or null when none is open.
    pub path: Option<String>,
    /// Recently opened workspace files, newest first.
    pub recent: Vec<String>,
    /// Why the workspace chosen on start did not open.
    pub problem: Option<CommandError>,
}

/// Builds the status the window shows in its title bar and File menu.
pub fn status(state: &AppState) -> WorkspaceStatus {
    WorkspaceStatus {
        path: state.path(),
        recent: state
            .recent
            .as_ref()
            .map(|r| r.load().iter().map(|p| p.display().to_string()).collect())
            .unwrap_or_default(),
        problem: state.problem(),
    }
}

/// The open workspace and the recent list.
#[tauri::command]
#[specta::specta]
pub fn workspace_status(state: State<'_, AppState>) -> WorkspaceStatus {
    status(&state)
}

/// Creates a new workspace file and opens it.
#[tauri::command]
#[specta::specta]
pub fn workspace_create(state: State<'_, AppState>, path: String) -> CommandResult<WorkspaceStatus> {
    state.set(Workspace::create(&path)?);
    Ok(status(&state))
}

/// Opens an existing workspace file.
#[tauri::command]
#[specta::specta]
pub fn workspace_open(state: State<'_, AppState>, path: String) -> CommandResult<WorkspaceStatus> {
    state.set(Workspace::open(&path)?);
    Ok(status(&state))
}

/// Fills the open, empty workspace with the sample claims, sources and evidence.
#[tauri::command]
#[specta::specta]
pub fn workspace_fill_sample(state: State<'_, AppState>) -> CommandResult<SampleSummary> {
    state.with(claimdesk_core::sample::fill)
}
