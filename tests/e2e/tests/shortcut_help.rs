//! Keyboard shortcuts: "?" shows the list in the real window, Escape closes
//! it, and the Shortcuts button opens the same list.

mod support;

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use support::App;

/// Presses one key on the real keyboard input, as a person would.
async fn press(app: &App, key: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    app.client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("{key:?} is pressed: {e}"));
}

/// Waits until no element with this `data-testid` is left.
async fn wait_gone(app: &App, testid: &str, why: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !app.find_all(testid).await.is_empty() {
        assert!(Instant::now() < deadline, "{why}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn question_mark_lists_the_shortcuts_and_escape_closes_them() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::open(&desk).await;
    app.wait_for_text("app-version", ".").await;

    press(&app, '?').await;
    app.find("shortcuts-dialog").await;
    let rows: Vec<String> = {
        let mut out = Vec::new();
        for row in app.find_all("shortcut-row").await {
            out.push(row.text().await.expect("a shortcut row has text"));
        }
        out
    };
    app.screenshot("shortcut-help").await;
    for (keys, does) in [
        ("Ctrl+N", "New claim"),
        ("Ctrl+E", "Export a report"),
        ("Alt+C", "Compare sources"),
        ("?", "Show these shortcuts"),
    ] {
        assert!(
            rows.iter().any(|r| r.contains(keys) && r.contains(does)),
            "no row says {keys}: {does} in {rows:?}"
        );
    }

    // Escape closes it; the Shortcuts button opens it again, Close shuts it.
    press(&app, '\u{E00C}').await;
    wait_gone(&app, "shortcuts-dialog", "Escape did not close the shortcuts").await;
    app.click("shortcuts-button").await;
    app.find("shortcuts-dialog").await;
    app.click("shortcuts-close").await;
    wait_gone(&app, "shortcuts-dialog", "Close did not close the shortcuts").await;
    app.close().await;
}
