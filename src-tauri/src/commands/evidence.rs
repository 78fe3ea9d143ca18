//! Commands that link passages to claims.

use claimdesk_core::model::{EvidenceView, NewEvidence};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Links a passage of a source to a claim with a stance.
#[tauri::command]
#[specta::specta]
pub fn evidence_add(
    state: State<'_, AppState>,
    evidence: NewEvidence,
) -> CommandResult<EvidenceView> {
    state.with(|ws| ws.evidence().add(evidence))
}

/// Unlinks a passage from its claim (recorded in the claim's history).
#[tauri::command]
#[specta::specta]
pub fn evidence_remove(state: State<'_, AppState>, id: String) -> CommandResult<EvidenceView> {
    state.with(|ws| ws.evidence().remove(&id, None))
}

/// Links a removed passage again (the Undo of a removal).
#[tauri::command]
#[specta::specta]
pub fn evidence_restore(state: State<'_, AppState>, id: String) -> CommandResult<EvidenceView> {
    state.with(|ws| ws.evidence().restore(&id, None))
}
