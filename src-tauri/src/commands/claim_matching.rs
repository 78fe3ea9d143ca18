//! Commands of "has this been checked before?": the similar claims under the
//! statement field of *New claim* and in a claim's detail. They run on a
//! blocking thread, so typing a statement never waits for the lookup.

use claimdesk_core::search::{self, SimilarClaims};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The claims already in the workspace like `statement` (typed, not yet
/// saved), best first, each with its tier, verdict, origin and why. Asked
/// at each pause in the typing, so it runs on a blocking thread: the window
/// keeps taking key presses while a large workspace is searched.
#[tauri::command]
#[specta::specta]
pub async fn claim_similar(
    state: State<'_, AppState>,
    statement: String,
    limit: Option<u32>,
) -> CommandResult<SimilarClaims> {
    state
        .with_blocking(move |ws| search::similar(ws, &statement, limit))
        .await
}

/// The claims like claim `id` (itself left out), for its detail view.
#[tauri::command]
#[specta::specta]
pub async fn claim_similar_to(
    state: State<'_, AppState>,
    id: String,
    limit: Option<u32>,
) -> CommandResult<SimilarClaims> {
    state
        .with_blocking(move |ws| search::similar_to_claim(ws, &id, limit))
        .await
}
