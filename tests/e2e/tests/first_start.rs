//! What a first-time user sees: the sample workspace offered on the empty
//! state, search as you type over it, and a readable message when the
//! workspace file is not one.

mod support;

use support::{App, Desk};

#[tokio::test]
async fn the_empty_state_offers_the_sample_and_search_narrows_it_as_you_type() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    app.click("load-sample").await;
    let before = app.wait_for_text("claim-count", "claims").await;
    app.type_into("claim-search", "deadline").await;
    // The count changes without pressing Enter.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut after = app.text("claim-count").await;
    while after == before && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        after = app.text("claim-count").await;
    }
    let rows = app.content("claim-list").await;
    app.click("claim-row").await;
    app.find("evidence-item").await;
    app.screenshot("sample-search").await;
    app.close().await;
    let count = |s: &str| {
        s.split_whitespace()
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .unwrap_or(0)
    };
    assert!(
        count(&before) > 1,
        "the sample has several claims: {before}"
    );
    assert!(
        count(&after) >= 1 && count(&after) < count(&before),
        "search narrowed {before} to {after}"
    );
    assert!(
        rows.to_lowercase().contains("deadline"),
        "the matching claims are listed: {rows}"
    );
}

#[tokio::test]
async fn a_file_that_is_not_a_workspace_gives_a_readable_message() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    std::fs::write(desk.db(), "these are my shopping notes, not a workspace").expect("written");
    let app = App::open(&desk).await;
    let message = app.text("workspace-problem").await;
    let screen = app.text("no-workspace").await;
    app.screenshot("not-a-workspace").await;
    app.close().await;
    assert!(
        message.contains("desk.sqlite"),
        "the message names the file: {message}"
    );
    assert!(
        screen.contains("File › Open workspace"),
        "it says what to do next: {screen}"
    );
    let kept = std::fs::read_to_string(desk.db()).expect("still readable");
    assert_eq!(
        kept, "these are my shopping notes, not a workspace",
        "the file was not overwritten"
    );
}
