//! Commands over the workspace's settings (who records changes, who
//! publishes, where reports are published).

use claimdesk_core::store::WorkspaceSettings;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The workspace's settings.
#[tauri::command]
#[specta::specta]
pub fn settings_get(state: State<'_, AppState>) -> CommandResult<WorkspaceSettings> {
    state.with(|ws| ws.settings().get())
}

/// Saves every setting at once; a bad value changes nothing. A new user name
/// is recorded in history from the next change on.
#[tauri::command]
#[specta::specta]
pub fn settings_save(
    state: State<'_, AppState>,
    settings: WorkspaceSettings,
) -> CommandResult<WorkspaceSettings> {
    state.with_mut(|ws| {
        ws.settings().save(&settings)?;
        ws.reload_actor()?;
        ws.settings().get()
    })
}
