//! Commands over sources and their captured versions.

use std::path::Path;

use claimdesk_core::ingest::capture_file;
use claimdesk_core::ingest::fetch::{FetchOptions, fetch_and_capture};
use claimdesk_core::ingest::into_workspace::{self, CaptureAdded, Corrections};
use claimdesk_core::model::{NewSource, Source, SourceAdded, SourceVersion};
use claimdesk_core::store::{DetailsSaved, SourceDetails};
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, on_blocking_thread};

/// Every source, newest first.
#[tauri::command]
#[specta::specta]
pub fn source_list(state: State<'_, AppState>) -> CommandResult<Vec<Source>> {
    state.with(|ws| ws.sources().list())
}

/// Adds a source from pasted text (or a new version of a known one).
#[tauri::command]
#[specta::specta]
pub fn source_add(state: State<'_, AppState>, source: NewSource) -> CommandResult<SourceAdded> {
    state.with(|ws| ws.sources().add(source))
}

/// One version of a source (the latest when `number` is null).
#[tauri::command]
#[specta::specta]
pub fn source_version(
    state: State<'_, AppState>,
    id: String,
    number: Option<u32>,
) -> CommandResult<SourceVersion> {
    state.with(|ws| ws.sources().version(&id, number))
}

/// Fetches a web page and adds its article as a source, or as a new version
/// of the source with the same canonical URL when its text changed. The
/// fetch runs without the workspace, so the window keeps working meanwhile.
#[tauri::command]
#[specta::specta]
pub async fn add_source_from_url(
    state: State<'_, AppState>,
    url: String,
) -> CommandResult<CaptureAdded> {
    let shared = state.shared()?;
    on_blocking_thread(move || {
        let captured = fetch_and_capture(&url, &FetchOptions::default())?;
        let stored = shared.with(|ws| {
            into_workspace::add_captured(ws, captured, Some(url.trim()), &Corrections::default())
        })?;
        Ok(stored)
    })
    .await
}

/// Adds a source from an HTML, Markdown, text or PDF file, read without the
/// workspace (a long PDF takes a while).
#[tauri::command]
#[specta::specta]
pub async fn add_source_from_file(
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<CaptureAdded> {
    let shared = state.shared()?;
    on_blocking_thread(move || {
        let captured = capture_file(Path::new(&path))?;
        let stored = shared
            .with(|ws| into_workspace::add_captured(ws, captured, None, &Corrections::default()))?;
        Ok(stored)
    })
    .await
}

/// Corrects a source's details (title, outlet, authors, dates, canonical URL,
/// language). Bad input is refused with what to fix, and nothing changes.
/// The answer carries the details as they were, for Undo.
#[tauri::command]
#[specta::specta]
pub fn source_edit_details(
    state: State<'_, AppState>,
    id: String,
    details: SourceDetails,
) -> CommandResult<DetailsSaved> {
    state.with(|ws| ws.sources().edit_details(&id, details))
}

/// Undoes "Edit details…": puts back exactly the details the edit returned
/// as `previous`, blank fields blank again, if the source still holds `saved`.
#[tauri::command]
#[specta::specta]
pub fn source_restore_details(
    state: State<'_, AppState>,
    id: String,
    previous: SourceDetails,
    saved: SourceDetails,
) -> CommandResult<Source> {
    state.with(|ws| ws.sources().restore_details(&id, previous, &saved))
}

/// A source and one version of it (the latest when `number` is null), as
/// the reader opens it: one call, not the whole source list.
#[tauri::command]
#[specta::specta]
pub fn source_reading(
    state: State<'_, AppState>,
    id: String,
    number: Option<u32>,
) -> CommandResult<claimdesk_core::store::SourceReading> {
    state.with(|ws| ws.sources().reading(&id, number))
}
