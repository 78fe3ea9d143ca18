//! Batch import: a folder of files, a text file of URLs, or URLs pasted in
//! the window, imported one by one with progress sent to the window and a
//! stop button that takes effect between items.

use std::sync::atomic::Ordering;

use claimdesk_core::ingest::batch::{self, BatchSummary, Progress};
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::into_workspace;
use tauri::State;
use tauri::ipc::Channel;

pub use claimdesk_core::ingest::batch::ImportFrom;

use crate::error::CommandResult;
use crate::state::{AppState, on_blocking_thread};

/// Imports every item of a batch, sending [`Progress`] to `on_progress` as
/// it goes, and returns the summary (also sent as the last progress event).
/// A failing item is recorded and the batch goes on; each item is stored in
/// one transaction, so a failure leaves nothing half-written.
#[tauri::command]
#[specta::specta]
pub async fn import_sources(
    state: State<'_, AppState>,
    from: ImportFrom,
    on_progress: Channel<Progress>,
) -> CommandResult<BatchSummary> {
    let import = state.start_import()?;
    let shared = state.shared()?;
    let stop = import.stop.clone();
    let summary = on_blocking_thread(move || {
        let expanded = from.expand()?;
        let options = FetchOptions::default();
        Ok(batch::run_batch_until(
            &expanded.inputs,
            &expanded.skipped,
            |input| {
                // Read or fetch without the workspace; take it only to store.
                let captured = input.capture(&options)?;
                shared.with(|ws| into_workspace::store_input(ws, input, captured))
            },
            // A closed window drops the channel; the import still finishes.
            |p| {
                let _ = on_progress.send(p.clone());
            },
            || stop.load(Ordering::SeqCst) || shared.was_replaced(),
        ))
    })
    .await;
    drop(import);
    summary
}

/// Asks the running import to stop after the item it is on. Items already
/// imported stay. Returns false when no import is running.
#[tauri::command]
#[specta::specta]
pub fn import_stop(state: State<'_, AppState>) -> bool {
    state.stop_import()
}
