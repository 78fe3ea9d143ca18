//! Commands over claims, their verdicts, tags and history.

use claimdesk_core::model::{
    Claim, ClaimDetail, ClaimEdit, ClaimFilter, HistoryEntry, NewClaim, Verdict,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The workspace's rating scale, in order.
#[tauri::command]
#[specta::specta]
pub fn scale_list(state: State<'_, AppState>) -> CommandResult<Vec<Verdict>> {
    state.with(|ws| ws.scale().list())
}

/// Claims matching the filter, in its order.
#[tauri::command]
#[specta::specta]
pub fn claim_list(state: State<'_, AppState>, filter: ClaimFilter) -> CommandResult<Vec<Claim>> {
    state.with(|ws| ws.claims().list(&filter))
}

/// Every tag in use with how many claims carry it.
#[tauri::command]
#[specta::specta]
pub fn claim_tags(state: State<'_, AppState>) -> CommandResult<Vec<(String, u32)>> {
    state.with(|ws| ws.claims().tags())
}

/// Adds a claim.
#[tauri::command]
#[specta::specta]
pub fn claim_add(state: State<'_, AppState>, claim: NewClaim) -> CommandResult<Claim> {
    state.with(|ws| ws.claims().add(claim))
}

/// A claim with its verdict and evidence.
#[tauri::command]
#[specta::specta]
pub fn claim_detail(state: State<'_, AppState>, id: String) -> CommandResult<ClaimDetail> {
    state.with(|ws| ws.claims().detail(&id))
}

/// Changes a claim's fields.
#[tauri::command]
#[specta::specta]
pub fn claim_edit(
    state: State<'_, AppState>,
    id: String,
    edit: ClaimEdit,
    note: Option<String>,
) -> CommandResult<Claim> {
    state.with(|ws| ws.claims().edit(&id, edit, note.as_deref()))
}

/// Gives a claim a verdict from the scale, with its rationale.
#[tauri::command]
#[specta::specta]
pub fn claim_set_verdict(
    state: State<'_, AppState>,
    id: String,
    verdict: String,
    rationale: Option<String>,
    note: Option<String>,
) -> CommandResult<Claim> {
    state.with(|ws| {
        ws.claims()
            .set_verdict(&id, &verdict, rationale.as_deref(), note.as_deref())
    })
}

/// Adds and removes tags.
#[tauri::command]
#[specta::specta]
pub fn claim_tag(
    state: State<'_, AppState>,
    id: String,
    add: Vec<String>,
    remove: Vec<String>,
) -> CommandResult<Claim> {
    state.with(|ws| ws.claims().tag(&id, &add, &remove, None))
}

/// The claim's changes, oldest first.
#[tauri::command]
#[specta::specta]
pub fn claim_history(state: State<'_, AppState>, id: String) -> CommandResult<Vec<HistoryEntry>> {
    state.with(|ws| ws.claims().history(&id))
}

/// Moves a claim out of the lists (it can be restored; nothing is erased).
#[tauri::command]
#[specta::specta]
pub fn claim_delete(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    state.with(|ws| ws.claims().delete(&id, None))
}

/// Brings a deleted claim back into the lists (the Undo of a delete).
#[tauri::command]
#[specta::specta]
pub fn claim_restore(state: State<'_, AppState>, id: String) -> CommandResult<Claim> {
    state.with(|ws| ws.claims().restore(&id, None))
}
