//! The app as the window drives it, for the command tests: a mock runtime
//! with the real command list and capabilities, over a real workspace file.
// Each test binary uses only some of these helpers.
#![allow(dead_code)]

use claimdesk_app::{AppState, specta_builder};
use claimdesk_core::Workspace;
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

pub struct Harness {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
    /// A temporary folder for the workspace and any files a test writes.
    pub dir: tempfile::TempDir,
}

impl Harness {
    /// The app with nothing open yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = mock_builder()
            .manage(AppState::new(None))
            .invoke_handler(specta_builder::<MockRuntime>().invoke_handler())
            // The real context, so the real capabilities (ACL) apply.
            .build(tauri::generate_context!())
            .expect("the mock app builds");
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("the mock window opens");
        Harness { app, window, dir }
    }

    /// The app with a new workspace already open.
    pub fn with_workspace() -> Self {
        let h = Harness::new();
        let ws = Workspace::create(h.dir.path().join("desk.sqlite")).expect("workspace");
        h.app.state::<AppState>().set(ws);
        h
    }

    /// Invokes a command; Ok is its JSON answer, Err the JSON error.
    pub fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        invoke(&self.window, cmd, args)
    }

    /// Creates a workspace through the window's own command; returns its path.
    pub fn create_workspace(&self) -> String {
        let path = self.dir.path().join("desk.sqlite").display().to_string();
        self.call("workspace_create", json!({ "path": path }))
            .expect("workspace created");
        path
    }
}

/// Invokes a command from the window, from any thread.
pub fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("url"),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request)
        .map(|body| body.deserialize::<Value>().expect("the answer is JSON"))
}

/// Where a page written for the project's tests lives.
pub fn fixture_page_path(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/pages")
        .join(name)
        .display()
        .to_string()
}

/// A page written for the project's tests.
pub fn fixture_page(name: &str) -> String {
    std::fs::read_to_string(fixture_page_path(name)).expect("fixture page")
}
