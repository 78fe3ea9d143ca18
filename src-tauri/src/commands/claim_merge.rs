//! Commands that fold a duplicate claim into the claim that stays, undo it,
//! and list the merged duplicates.

use claimdesk_core::model::{Claim, ClaimFilter, ClaimMerge};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Merges `duplicate` into `keeper`: its evidence, tags and notes move over.
#[tauri::command]
#[specta::specta]
pub fn claim_merge(
    state: State<'_, AppState>,
    duplicate: String,
    keeper: String,
    note: Option<String>,
) -> CommandResult<ClaimMerge> {
    state.with(|ws| ws.claims().merge(&duplicate, &keeper, note.as_deref()))
}

/// Undoes the merge of `duplicate` (the Undo of a merge).
#[tauri::command]
#[specta::specta]
pub fn claim_unmerge(state: State<'_, AppState>, duplicate: String) -> CommandResult<ClaimMerge> {
    state.with(|ws| ws.claims().unmerge(&duplicate, None))
}

/// The duplicates merged into other claims that match the filter.
#[tauri::command]
#[specta::specta]
pub fn claim_list_merged(
    state: State<'_, AppState>,
    filter: ClaimFilter,
) -> CommandResult<Vec<Claim>> {
    state.with(|ws| ws.claims().list_merged(&filter))
}
