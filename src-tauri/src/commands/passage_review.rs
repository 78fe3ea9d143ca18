//! Commands of the *Passages to review* queue: evidence whose source got a
//! newer version since it was read, and the checker's accept or keep.

use claimdesk_core::store::PassageReview;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Every passage waiting for a decision across the workspace, gone first.
#[tauri::command]
#[specta::specta]
pub fn passage_review_list(state: State<'_, AppState>) -> CommandResult<Vec<PassageReview>> {
    state.with(|ws| ws.passage_reviews().list())
}

/// Moves the passage to the newer version it was found in (recorded in history).
#[tauri::command]
#[specta::specta]
pub fn passage_review_accept(
    state: State<'_, AppState>,
    evidence_id: String,
) -> CommandResult<PassageReview> {
    state.with(|ws| ws.passage_reviews().accept(&evidence_id, None))
}

/// Leaves the passage on the version it was read in (recorded in history).
#[tauri::command]
#[specta::specta]
pub fn passage_review_keep(
    state: State<'_, AppState>,
    evidence_id: String,
) -> CommandResult<PassageReview> {
    state.with(|ws| ws.passage_reviews().keep(&evidence_id, None))
}
