//! Commands over sources and their captured versions.

use std::path::Path;

use claimdesk_core::ingest::add::{self, CaptureAdded, Corrections};
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::model::{NewSource, Source, SourceAdded, SourceVersion};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

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

/// Adds a source from a .txt or .md file; the title defaults to the file name.
#[tauri::command]
#[specta::specta]
pub fn source_add_file(
    state: State<'_, AppState>,
    path: String,
    meta: NewSource,
) -> CommandResult<SourceAdded> {
    let path = Path::new(&path);
    let text = read_utf8(path)?;
    let title = if meta.title.trim().is_empty() {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        meta.title.clone()
    };
    state.with(|ws| {
        ws.sources().add(NewSource {
            title,
            text,
            ..meta
        })
    })
}

/// Reads a text file, refusing bytes that are not UTF-8 with a message.
fn read_utf8(path: &Path) -> CommandResult<String> {
    let bytes = std::fs::read(path).map_err(|e| CommandError {
        kind: "io".into(),
        message: format!("cannot read {}: {e}", path.display()),
    })?;
    String::from_utf8(bytes).map_err(|_| CommandError {
        kind: "invalid".into(),
        message: format!(
            "{} is not UTF-8 text; save it as UTF-8 and try again",
            path.display()
        ),
    })
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
/// of the source with the same canonical URL when its text changed.
#[tauri::command]
#[specta::specta]
pub async fn add_source_from_url(
    state: State<'_, AppState>,
    url: String,
) -> CommandResult<CaptureAdded> {
    state
        .with_blocking(move |ws| {
            add::add_url(ws, &url, &FetchOptions::default(), &Corrections::default())
        })
        .await
}

/// Adds a source from an HTML, Markdown, text or PDF file.
#[tauri::command]
#[specta::specta]
pub async fn add_source_from_file(
    state: State<'_, AppState>,
    path: String,
) -> CommandResult<CaptureAdded> {
    state
        .with_blocking(move |ws| add::add_file(ws, Path::new(&path), &Corrections::default()))
        .await
}
