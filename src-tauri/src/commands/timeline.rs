//! Commands of the Timeline view and the claim form's date offer: the
//! workspace's timeline with its filters, pinning a reading of an ambiguous
//! date, and the days a claim's words name.

use chrono::NaiveDate;
use claimdesk_core::store::DatePin;
use claimdesk_core::timeline::{
    self, DateOffer, Event, Timeline, TimelineFilter, claim_date_offers,
};
use serde::Deserialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// What the Timeline view asks for: its filters.
#[derive(Debug, Clone, Default, Deserialize, specta::Type)]
pub struct TimelineRequest {
    /// Source ids or prefixes; none: every source.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Only events on or after this day.
    pub from: Option<NaiveDate>,
    /// Only events on or before this day.
    pub to: Option<NaiveDate>,
    /// Only events of this outlet.
    pub outlet: Option<String>,
    /// Only sources linked to claims with this tag, and those claims' deadlines.
    pub tag: Option<String>,
    /// Only events two sources date apart.
    #[serde(default)]
    pub only_conflicts: bool,
}

/// The timeline of the workspace as `request` filters it.
#[tauri::command]
#[specta::specta]
pub async fn timeline_view(
    state: State<'_, AppState>,
    request: TimelineRequest,
) -> CommandResult<Timeline> {
    state
        .with_blocking(move |ws| {
            let filter = TimelineFilter {
                from: request.from,
                to: request.to,
                outlet: request.outlet.filter(|o| !o.trim().is_empty()),
                only_conflicts: request.only_conflicts,
            };
            timeline::workspace_timeline(ws, &request.sources, &filter, request.tag.as_deref())
        })
        .await
}

/// Pins `date`, one of the readings of the ambiguous expression at
/// `expression_start` of the source's latest version.
#[tauri::command]
#[specta::specta]
pub fn timeline_pin(
    state: State<'_, AppState>,
    source: String,
    expression_start: u32,
    date: String,
    note: Option<String>,
) -> CommandResult<Event> {
    state.with(|ws| {
        timeline::pin_reading(
            ws,
            &source,
            expression_start as usize,
            &date,
            note.as_deref(),
        )
    })
}

/// Takes the pin off the expression at `expression_start`.
#[tauri::command]
#[specta::specta]
pub fn timeline_unpin(
    state: State<'_, AppState>,
    source: String,
    expression_start: u32,
    note: Option<String>,
) -> CommandResult<Event> {
    state
        .with(|ws| timeline::unpin_reading(ws, &source, expression_start as usize, note.as_deref()))
}

/// Every pin and unpin of a source's expressions, oldest first.
#[tauri::command]
#[specta::specta]
pub fn timeline_pins(state: State<'_, AppState>, source: String) -> CommandResult<Vec<DatePin>> {
    state.with(|ws| timeline::pin_history(ws, &source))
}

/// The days a claim's statement names, placed against the day it was claimed.
#[tauri::command]
#[specta::specta]
pub fn claim_date_offer(statement: String, claimed_on: Option<NaiveDate>) -> Vec<DateOffer> {
    claim_date_offers(&statement, claimed_on)
}
