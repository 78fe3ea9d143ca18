//! Mistakes can be undone in the window: a passage removed from a claim and a
//! deleted claim both come back with the Undo on the message that says so.

mod support;

use support::{App, Desk};

#[tokio::test]
async fn a_removed_passage_and_a_deleted_claim_come_back_with_undo() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::with_sample(&desk).await;
    app.click("claim-row").await;
    app.find("evidence-item").await;
    let passages = app.find_all("evidence-item").await.len();
    let statement = app.value("claim-statement").await;

    // Remove a passage, then undo.
    app.click("evidence-remove").await;
    app.find_n("evidence-item", passages - 1).await;
    app.wait_for_text("notice-info", "Passage removed").await;
    app.screenshot("undo-passage-removed").await;
    app.click("notice-action").await;
    app.find_n("evidence-item", passages).await;

    // Delete the claim, then undo: it is listed and open again.
    app.click("claim-delete").await;
    app.wait_for_text("claim-count", "3 claims").await;
    assert!(
        !app.content("claim-list").await.contains(&statement),
        "the deleted claim left the list"
    );
    app.click("notice-action").await;
    app.wait_for_text("claim-count", "4 claims").await;
    let back = app.value("claim-statement").await;
    assert_eq!(back, statement, "the restored claim is open again");
    app.find_n("evidence-item", passages).await;
    app.close().await;
}
