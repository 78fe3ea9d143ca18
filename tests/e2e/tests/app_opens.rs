//! The built app opens a window on a fresh workspace and talks to its Rust side.

mod support;

use support::{App, Desk};

#[tokio::test]
async fn app_window_opens_and_answers_over_ipc() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    let title = app.client.title().await.expect("the window has a title");
    // The version comes from the Rust side, so seeing it proves IPC works.
    let version = app.wait_for_text("app-version", ".").await;
    app.screenshot("app-opens").await;
    app.close().await;
    assert_eq!(title, "Claimdesk");
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
}
