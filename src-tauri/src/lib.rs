//! Claimdesk's desktop shell: Tauri commands that call `claimdesk-core` and nothing else.

mod bindings;
mod error;
mod location;
mod recent;

use tauri_specta::{Builder, collect_commands};

/// The app's version, shown in the window.
#[tauri::command]
#[specta::specta]
fn app_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The one list of commands, shared by the app and the bindings export test.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![app_version])
}

/// Starts the desktop app.
pub fn run() {
    let builder = specta_builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("error: the app could not start: {err}");
        std::process::exit(1);
    }
}
