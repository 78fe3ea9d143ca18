//! Mistakes can be undone in the window: a passage removed from a claim and a
//! deleted claim both come back with the Undo on the message that says so.

mod support;

use std::time::{Duration, Instant};

use support::{App, Desk};

/// Waits until `count` of this testid's elements is `n`.
async fn wait_count(app: &App, testid: &str, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let found = app.find_all(testid).await.len();
        if found == n {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "expected {n} × {testid}, found {found}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_removed_passage_and_a_deleted_claim_come_back_with_undo() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    app.click("load-sample").await;
    app.wait_for_text("claim-count", "4 claims").await;
    app.click("claim-row").await;
    app.find("evidence-item").await;
    let passages = app.find_all("evidence-item").await.len();
    let statement = app
        .find("claim-statement")
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();

    // Remove a passage, then undo.
    app.click("evidence-remove").await;
    wait_count(&app, "evidence-item", passages - 1).await;
    app.wait_for_text("notice-info", "Passage removed").await;
    app.screenshot("undo-passage-removed").await;
    app.click("notice-action").await;
    wait_count(&app, "evidence-item", passages).await;

    // Delete the claim, then undo: it is listed and open again.
    app.click("claim-delete").await;
    app.wait_for_text("claim-count", "3 claims").await;
    assert!(
        !app.content("claim-list").await.contains(&statement),
        "the deleted claim left the list"
    );
    app.click("notice-action").await;
    app.wait_for_text("claim-count", "4 claims").await;
    let back = app
        .find("claim-statement")
        .await
        .prop("value")
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    assert_eq!(back, statement, "the restored claim is open again");
    wait_count(&app, "evidence-item", passages).await;
    app.close().await;
}
