//! Keyboard shortcuts: "?" shows the list in the real window, Escape closes
//! it, and the Shortcuts button opens the same list.

mod support;

use support::App;

#[tokio::test]
async fn question_mark_lists_the_shortcuts_and_escape_closes_them() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::open(&desk).await;
    app.wait_for_text("app-version", ".").await;

    app.press('?').await;
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
    app.press('\u{E00C}').await;
    app.wait_gone("shortcuts-dialog", "Escape did not close the shortcuts")
        .await;
    app.click("shortcuts-button").await;
    app.find("shortcuts-dialog").await;
    app.click("shortcuts-close").await;
    app.wait_gone("shortcuts-dialog", "Close did not close the shortcuts")
        .await;
    // The keyboard is back where it was before the dialog opened.
    let focused = app
        .client
        .active_element()
        .await
        .expect("an element has focus")
        .attr("data-testid")
        .await
        .expect("its test id");
    assert_eq!(focused.as_deref(), Some("shortcuts-button"));
    app.close().await;
}
