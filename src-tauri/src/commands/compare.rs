//! Commands of the Compare view: outlets against a pivot, versions of one
//! source, and a claim made from a difference.

use claimdesk_core::compare::view::{ComparisonView, OutletsComparison};
use claimdesk_core::compare::{self, ClaimDraft, ClaimFromDifference, DraftRequest, SourceRef};
use claimdesk_core::model::ClaimDetail;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Compares each of `others` with `pivot`, sentence by sentence.
#[tauri::command]
#[specta::specta]
pub async fn compare_outlets(
    state: State<'_, AppState>,
    pivot: SourceRef,
    others: Vec<SourceRef>,
) -> CommandResult<OutletsComparison> {
    state
        .with_blocking(move |ws| compare::compare_outlets(ws, &pivot, &others))
        .await
}

/// Compares two versions of one source (first and latest when null).
#[tauri::command]
#[specta::specta]
pub async fn compare_source_versions(
    state: State<'_, AppState>,
    source: String,
    older: Option<u32>,
    newer: Option<u32>,
) -> CommandResult<ComparisonView> {
    state
        .with_blocking(move |ws| compare::compare_source_versions(ws, &source, older, newer))
        .await
}

/// A claim prefilled from two sentences and their difference (or from the one
/// sentence only one side has), to edit before saving.
#[tauri::command]
#[specta::specta]
pub fn compare_claim_draft(request: DraftRequest) -> CommandResult<ClaimDraft> {
    Ok(compare::draft_claim(&request)?)
}

/// Creates a claim with one evidence link to each side's sentence (or to the
/// one side's sentence).
#[tauri::command]
#[specta::specta]
pub fn claim_from_difference(
    state: State<'_, AppState>,
    request: ClaimFromDifference,
) -> CommandResult<ClaimDetail> {
    state.with(|ws| compare::create_claim_from_difference(ws, &request))
}
