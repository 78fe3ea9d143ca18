//! Claimdesk's desktop shell: Tauri commands that call `claimdesk-core` and
//! nothing else, the app state holding the open workspace, and the generated
//! TypeScript bindings the UI calls them through.

#[cfg_attr(not(test), allow(dead_code))] // Used by the drift test.
mod bindings;
pub mod commands;
mod error;
mod location;
mod recent;
mod shared_desk_link;
mod state;
pub mod sync_worker;

use std::path::PathBuf;

use claimdesk_core::Workspace;
use tauri::{Manager, Runtime};
use tauri_specta::{Builder, collect_commands, collect_events};

pub use error::{CommandError, CommandErrorKind, CommandResult};
pub use state::AppState;
use sync_worker::SyncWorker;

/// The app's version, shown in the window.
#[tauri::command]
#[specta::specta]
fn app_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The one list of commands, shared by the app, the command tests and the
/// bindings export test.
pub fn specta_builder<R: Runtime>() -> Builder<R> {
    use commands::{
        claim_matching, claim_merge, claim_pages, claims, compare, evidence, import,
        passage_review, quotes, reports, safety, search, settings, shared_desk, sources, timeline,
        workspace,
    };
    Builder::<R>::new()
        .commands(collect_commands![
            app_version,
            workspace::workspace_status,
            workspace::workspace_create,
            workspace::workspace_open,
            workspace::workspace_fill_sample,
            claims::scale_list,
            claims::claim_list,
            claims::claim_tags,
            claims::claim_add,
            claims::claim_detail,
            claims::claim_edit,
            claims::claim_set_verdict,
            claims::claim_tag,
            claims::claim_history,
            claims::claim_delete,
            claims::claim_restore,
            sources::source_list,
            sources::source_add,
            sources::source_version,
            sources::add_source_from_url,
            sources::add_source_from_file,
            sources::source_edit_details,
            sources::source_restore_details,
            import::import_sources,
            import::import_stop,
            evidence::evidence_add,
            evidence::evidence_remove,
            evidence::evidence_restore,
            reports::report_formats,
            reports::preview_report,
            reports::save_report,
            settings::settings_get,
            settings::settings_save,
            compare::compare_outlets,
            compare::compare_source_versions,
            compare::compare_claim_draft,
            compare::claim_from_difference,
            safety::workspace_backup,
            safety::workspace_check,
            search::search_run,
            search::evidence_suggest,
            quotes::quotes_list,
            quotes::quotes_claim_draft,
            quotes::claim_from_statement,
            quotes::source_checkworthy,
            passage_review::passage_review_list,
            passage_review::passage_review_accept,
            passage_review::passage_review_keep,
            timeline::timeline_view,
            timeline::timeline_pin,
            timeline::timeline_unpin,
            timeline::timeline_pins,
            timeline::claim_date_offer,
            claim_matching::claim_similar,
            claim_matching::claim_similar_to,
            claim_merge::claim_merge,
            claim_merge::claim_unmerge,
            claim_merge::claim_list_merged,
            claim_pages::claim_page,
            claim_pages::claim_count,
            sources::source_reading,
            shared_desk::sync_settings_get,
            shared_desk::sync_settings_save,
            shared_desk::sync_stop,
            shared_desk::sync_now,
            shared_desk::sync_watch,
            shared_desk::claim_resolve_conflict,
        ])
        // No events (progress goes through per-call channels); registering the
        // empty list after the commands is what makes tauri-specta drop its
        // placeholder `TAURI_CHANNEL = null` type, which would shadow the real
        // Channel class in the bindings.
        .events(collect_events![])
}

/// Opens the workspace chosen on start (see [`location::startup_workspace`]);
/// a failure is kept in the state so the window can say what went wrong.
fn open_startup_workspace(state: &AppState) {
    let env_db = std::env::var_os("CLAIMDESK_DB").map(PathBuf::from);
    let recent = state.recent.as_ref().map(|r| r.load()).unwrap_or_default();
    let Some(path) = location::startup_workspace(env_db, &recent) else {
        return;
    };
    match Workspace::open_or_create(&path) {
        Ok(ws) => state.set(ws),
        Err(err) => state.set_problem(Some(err.into())),
    }
}

/// Starts the desktop app.
pub fn run() {
    let builder = specta_builder::<tauri::Wry>();
    let state = AppState::new(location::config_dir().map(|d| recent::RecentList::in_dir(&d)));
    open_startup_workspace(&state);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            // The shared desk syncs on a thread of its own from the start.
            app.state::<AppState>().attach_sync(SyncWorker::start(
                shared_desk_link::PostgresDesk,
                sync_worker::PERIOD,
                sync_worker::NUDGE_DELAY,
            ));
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("error: the app could not start: {err}");
        std::process::exit(1);
    }
}
