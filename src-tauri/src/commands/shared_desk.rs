//! Commands of the shared desk: where this workspace syncs, the background
//! sync's state, and asking it to sync now. The sync itself runs on its own
//! thread (see `sync_worker`); these commands never wait for a server.

use claimdesk_core::model::Claim;
use claimdesk_core::sync::settings::{self as sync_settings, SyncSettings};
use claimdesk_sync::ServerAddress;
use tauri::State;
use tauri::ipc::Channel;

use crate::error::{CommandError, CommandErrorKind, CommandResult};
use crate::state::AppState;
use crate::sync_worker::SyncStatus;

/// Where this workspace syncs (both unset when it does not).
#[tauri::command]
#[specta::specta]
pub fn sync_settings_get(state: State<'_, AppState>) -> CommandResult<SyncSettings> {
    state.with(sync_settings::get)
}

/// Saves the server and desk (a password in the address, an address the
/// server side cannot use, or a desk without a server changes nothing) and
/// syncs at once.
#[tauri::command]
#[specta::specta]
pub fn sync_settings_save(
    state: State<'_, AppState>,
    settings: SyncSettings,
) -> CommandResult<SyncSettings> {
    if let Some(server) = settings.server.as_deref().filter(|s| !s.trim().is_empty()) {
        // The core's rule first (it never repeats the address, which may hold
        // a password), then the server side's (a role to log in as, one host).
        sync_settings::check_server(server)?;
        ServerAddress::parse(server).map_err(|e| CommandError {
            kind: CommandErrorKind::Invalid,
            message: e.to_string(),
        })?;
    }
    let saved = state.with(|ws| sync_settings::save(ws, &settings))?;
    sync_now(state);
    Ok(saved)
}

/// Stops syncing: forgets the server and desk; changes stay queued.
#[tauri::command]
#[specta::specta]
pub fn sync_stop(state: State<'_, AppState>) -> CommandResult<SyncSettings> {
    state.with(sync_settings::clear)?;
    sync_now(state.clone());
    state.with(sync_settings::get)
}

/// Asks the background sync to sync now; returns at once.
#[tauri::command]
#[specta::specta]
pub fn sync_now(state: State<'_, AppState>) {
    if let Some(worker) = state.sync_worker() {
        worker.sync_now();
    }
}

/// The background sync's state now, and every change of it sent to
/// `on_status` from then on (a reloaded window calls this again).
#[tauri::command]
#[specta::specta]
pub fn sync_watch(state: State<'_, AppState>, on_status: Channel<SyncStatus>) -> SyncStatus {
    let Some(worker) = state.sync_worker() else {
        return SyncStatus::default();
    };
    worker.watch(Box::new(move |status| {
        on_status.send(status.clone()).is_ok()
    }));
    worker.status()
}

/// Clears a claim's *changed on two desks* flag once someone has looked at
/// its history; the "conflict resolved" row travels to the other desks.
#[tauri::command]
#[specta::specta]
pub fn claim_resolve_conflict(
    state: State<'_, AppState>,
    id: String,
    note: Option<String>,
) -> CommandResult<Claim> {
    state.with(|ws| ws.claims().resolve_conflict(&id, note.as_deref()))
}
