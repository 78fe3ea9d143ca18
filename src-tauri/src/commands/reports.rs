//! Commands for Export…: the format menu, a preview, and saving a report.

use claimdesk_core::report::{self, Report, ReportFormat, ReportRequest};
use claimdesk_core::save::SaveRules;
use serde::Serialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// One entry of the format menu.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReportFormatOption {
    pub format: ReportFormat,
    /// The name shown in the menu, e.g. "ClaimReview JSON-LD".
    pub label: String,
    /// The usual file extension, without the dot.
    pub extension: String,
}

/// The report formats, in menu order.
#[tauri::command]
#[specta::specta]
pub fn report_formats() -> Vec<ReportFormatOption> {
    ReportFormat::ALL
        .into_iter()
        .map(|format| ReportFormatOption {
            format,
            label: format.label().into(),
            extension: format.extension().into(),
        })
        .collect()
}

/// Renders the report for a preview; nothing is written.
#[tauri::command]
#[specta::specta]
pub fn preview_report(state: State<'_, AppState>, request: ReportRequest) -> CommandResult<Report> {
    state.with(|ws| report::export(ws, &request))
}

/// Renders the report afresh and saves it to `path`, whole or not at all.
/// Refuses the open workspace, any other SQLite file (the window has no way
/// to force it) and anything that is not a regular file.
#[tauri::command]
#[specta::specta]
pub fn save_report(
    state: State<'_, AppState>,
    request: ReportRequest,
    path: String,
) -> CommandResult<()> {
    state.with(|ws| {
        let rules = SaveRules {
            workspace: Some(ws.path()),
            force: false,
            force_hint: None,
        };
        report::export(ws, &request)?.save(std::path::Path::new(&path), rules)
    })
}
