//! Commands of the Quotes view and the reader's Check-worthy list: every
//! quotation by statement, a claim drafted and made from a statement, and a
//! source's sentences worth checking.

use claimdesk_core::model::ClaimDetail;
use claimdesk_core::quotes::checkworthy::CheckworthySentence;
use claimdesk_core::quotes::{
    self, ClaimFromStatement, StatementDraft, WorkspaceQuotes, WorkspaceQuotesRequest,
};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The quotations of the sources asked for (all when none), grouped by statement.
#[tauri::command]
#[specta::specta]
pub async fn quotes_list(
    state: State<'_, AppState>,
    request: WorkspaceQuotesRequest,
) -> CommandResult<WorkspaceQuotes> {
    state
        .with_blocking(move |ws| quotes::workspace_quotes(ws, &request))
        .await
}

/// A claim drafted from statement `group` of the quotations `request` lists.
#[tauri::command]
#[specta::specta]
pub async fn quotes_claim_draft(
    state: State<'_, AppState>,
    request: WorkspaceQuotesRequest,
    group: u32,
) -> CommandResult<StatementDraft> {
    state
        .with_blocking(move |ws| {
            let found = quotes::workspace_quotes(ws, &request)?;
            quotes::draft_from_statement(&found, group as usize)
        })
        .await
}

/// Creates a claim with a passage for each outlet's wording.
#[tauri::command]
#[specta::specta]
pub fn claim_from_statement(
    state: State<'_, AppState>,
    request: ClaimFromStatement,
) -> CommandResult<ClaimDetail> {
    state.with(|ws| quotes::create_claim_from_statement(ws, &request))
}

/// The sentences of a source most worth checking, best first.
#[tauri::command]
#[specta::specta]
pub async fn source_checkworthy(
    state: State<'_, AppState>,
    source: String,
    limit: Option<u32>,
) -> CommandResult<Vec<CheckworthySentence>> {
    state
        .with_blocking(move |ws| quotes::source_checkworthy(ws, &source, limit.map(|n| n as usize)))
        .await
}
