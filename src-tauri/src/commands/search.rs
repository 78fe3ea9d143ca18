//! Commands of the search box and of *Find evidence*. Both run on a blocking
//! thread, not the main one, so the window keeps taking keys while the core
//! searches; the UI drops an answer to a query it no longer shows.

use claimdesk_core::search::{self, SearchRequest, SearchResults, Suggestions};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Searches every source's passages and every claim, best first. Any typed
/// text is searched; what could not be used comes back in `notices`.
#[tauri::command]
#[specta::specta]
pub async fn search_run(
    state: State<'_, AppState>,
    request: SearchRequest,
) -> CommandResult<SearchResults> {
    state
        .with_blocking(move |ws| search::run(ws, &request))
        .await
}

/// The passages most likely to support or dispute a claim, with fact checks.
#[tauri::command]
#[specta::specta]
pub async fn evidence_suggest(
    state: State<'_, AppState>,
    claim: String,
    limit: Option<u32>,
) -> CommandResult<Suggestions> {
    state
        .with_blocking(move |ws| search::suggest(ws, &claim, limit))
        .await
}
