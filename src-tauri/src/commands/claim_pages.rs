//! The claims list a page at a time, its count apart, so the window shows
//! the first rows of a long list without waiting for all of them.

use claimdesk_core::model::ClaimFilter;
use claimdesk_core::store::ClaimPage;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Up to `limit` claims matching the filter, in its order, after the cursor
/// `after` (the `next` of the page before) or from the top.
#[tauri::command]
#[specta::specta]
pub fn claim_page(
    state: State<'_, AppState>,
    filter: ClaimFilter,
    limit: u32,
    after: Option<String>,
) -> CommandResult<ClaimPage> {
    state.with(|ws| ws.claims().page(&filter, limit, after.as_deref()))
}

/// How many claims match the filter.
#[tauri::command]
#[specta::specta]
pub fn claim_count(state: State<'_, AppState>, filter: ClaimFilter) -> CommandResult<u32> {
    state.with(|ws| {
        let n = ws.claims().count(&filter)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    })
}
