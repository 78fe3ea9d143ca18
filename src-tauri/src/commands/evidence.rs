//! Commands that link passages to claims.

use claimdesk_core::model::{EvidenceView, NewEvidenceAt};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Links a passage selected in the reader to a claim with a stance. The
/// passage is given by its code point offsets in the source version, so the
/// occurrence the user selected is the one linked.
#[tauri::command]
#[specta::specta]
pub fn evidence_add(
    state: State<'_, AppState>,
    evidence: NewEvidenceAt,
) -> CommandResult<EvidenceView> {
    state.with(|ws| ws.evidence().add_at(evidence))
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
