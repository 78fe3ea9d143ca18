//! Export…: a checker previews a report of the sample workspace in the real
//! window, narrows it to one claim, sees a readable error for a format the
//! workspace is not set up for, and closes the dialog with Escape.

mod support;

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use support::App;

/// Presses Ctrl with `key` on the real keyboard input, as a person would.
async fn press_ctrl(app: &App, key: char) {
    let ctrl: char = Key::Control.into();
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: ctrl })
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key })
        .then(KeyAction::Up { value: ctrl });
    app.client
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("Ctrl+{key} is pressed: {e}"));
}

/// Waits until the element's whole text content satisfies `ok`, and returns it.
async fn wait_for_content(
    app: &App,
    testid: &str,
    what: &str,
    ok: impl Fn(&str) -> bool,
) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = app.content(testid).await;
        if ok(&text) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{testid} never showed {what}; it shows {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn choose(app: &App, testid: &str, value: &str) {
    app.find(testid)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("choose {value} in {testid}: {e}"));
}

#[tokio::test]
async fn a_markdown_report_of_the_sample_is_previewed_and_narrowed_to_one_claim() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::with_sample(&desk).await;

    // The toolbar button opens the dialog; HTML first, so choosing Markdown
    // really re-renders the preview.
    app.click("export-button").await;
    choose(&app, "export-format", "html").await;
    let html = wait_for_content(&app, "export-preview", "an HTML document", |t| {
        t.to_lowercase().starts_with("<!doctype html")
    })
    .await;
    // The HTML report is shown as its source: the preview holds no elements.
    let preview_children = app
        .client
        .execute(
            "return document.querySelector('[data-testid=\"export-preview\"]').children.length;",
            vec![],
        )
        .await
        .expect("the script runs");
    choose(&app, "export-format", "markdown").await;
    let markdown = wait_for_content(&app, "export-preview", "the Markdown report", |t| {
        t.contains("The talks lasted five hours") && !t.starts_with('<')
    })
    .await;
    let count = app.wait_for_text("export-count", "4 claims").await;
    app.screenshot("export-markdown-preview").await;

    // ClaimReview needs the report's base URL: the dialog says which setting.
    choose(&app, "export-format", "claimreview").await;
    let problem = app.text("export-error").await;
    app.screenshot("export-claimreview-error").await;

    // Escape closes the dialog.
    app.find("export-format")
        .await
        .send_keys("\u{E00C}")
        .await
        .expect("Escape is pressed");
    app.wait_gone("export-dialog", "Escape did not close the dialog")
        .await;

    // Select one claim, open Export… with Ctrl+E, export only that claim.
    app.type_into("claim-search", "passengers").await;
    app.wait_for_text("claim-count", "1 claim").await;
    app.click("claim-row").await;
    press_ctrl(&app, 'e').await;
    app.find("export-dialog").await;
    // The open dialog owns the keyboard: Ctrl+N opens no new claim behind it.
    press_ctrl(&app, 'n').await;
    assert!(
        app.find_all("new-claim-form").await.is_empty(),
        "Ctrl+N acted behind the Export dialog"
    );
    choose(&app, "export-selection", "claim").await;
    let one = app.wait_for_text("export-count", "1 claim ").await;
    let one_preview = wait_for_content(&app, "export-preview", "the one claim", |t| {
        t.contains("12,000 passengers")
    })
    .await;
    app.screenshot("export-one-claim").await;
    app.close().await;

    assert!(
        html.contains("The talks lasted five hours"),
        "the HTML report holds the claims"
    );
    assert_eq!(
        preview_children,
        serde_json::json!(0),
        "HTML is shown as text, not rendered"
    );
    assert!(
        markdown.contains("**Verdict:** Unproven"),
        "the preview shows the claim's verdict label: {markdown}"
    );
    assert!(
        markdown.contains("Harbour Line set Friday as the deadline"),
        "every sample claim is in the report"
    );
    assert!(
        count.contains("claimdesk-report.md"),
        "the suggested file name is shown: {count}"
    );
    assert!(
        problem.contains("report_base_url"),
        "the error names the setting: {problem}"
    );
    assert!(
        one.starts_with("1 claim "),
        "only the selected claim: {one}"
    );
    assert!(
        !one_preview.contains("The talks lasted five hours"),
        "other claims are left out of a one-claim report"
    );
}

#[tokio::test]
async fn settings_give_claimreview_its_base_url_and_a_bad_one_is_explained() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::with_sample(&desk).await;

    // The export says where to go; Settings… takes the URL.
    app.click("export-button").await;
    choose(&app, "export-format", "claimreview").await;
    let problem = app.wait_for_text("export-error", "Settings").await;
    assert!(problem.contains("report base URL"), "{problem}");
    app.click("export-cancel").await;

    app.click("settings-button").await;
    app.find("settings-dialog").await;
    app.type_into("settings-publisher", "Harbour Desk").await;
    app.type_into("settings-base-url", "factcheck.example/reviews\n")
        .await;
    let refused = app.wait_for_text("settings-error", "http").await;
    assert!(refused.contains("factcheck.example"), "{refused}");
    app.screenshot("settings-bad-url").await;
    app.find("settings-base-url")
        .await
        .clear()
        .await
        .expect("the field clears");
    app.type_into("settings-base-url", "https://factcheck.example/reviews\n")
        .await;
    app.wait_gone("settings-dialog", "the settings were not saved")
        .await;

    press_ctrl(&app, 'e').await;
    choose(&app, "export-format", "claimreview").await;
    let review = wait_for_content(&app, "export-preview", "ClaimReview JSON-LD", |t| {
        t.contains("ClaimReview")
    })
    .await;
    assert!(
        review.contains("https://factcheck.example/reviews") && review.contains("Harbour Desk"),
        "the settings reach the export: {review}"
    );
    app.close().await;
}
