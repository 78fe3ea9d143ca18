//! A duplicate claim merged into the claim that stays, in the real window:
//! the keeper gains the duplicate's passages and records the merge, the
//! duplicate says where it went, and Undo brings both back as they were.

mod support;

use support::{App, Desk};

const DUPLICATE: &str = "The talks lasted five hours";
const KEEPER: &str = "Wednesday meeting with the union was cancelled";

/// Opens the claim in the list whose row shows `needle`.
async fn open_row(app: &App, needle: &str) {
    for row in app.find_all("claim-row").await {
        // The whole text: WebDriver counts an ellipsised statement as clipped.
        let text = row.prop("textContent").await.ok().flatten();
        if text.unwrap_or_default().contains(needle) {
            row.click().await.expect("the row opens");
            return;
        }
    }
    panic!("no claim row shows {needle:?}");
}

#[tokio::test]
async fn a_duplicate_merges_into_the_claim_that_stays_and_undo_brings_both_back() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::with_sample(&desk).await;

    open_row(&app, DUPLICATE).await;
    app.find_n("evidence-item", 2).await;
    app.click("claim-merge").await;
    app.find("merge-dialog").await;
    // Typing narrows the picker; Enter merges into the highlighted claim.
    app.type_into("merge-search", "Wednesday meeting").await;
    let options = app.find_n("merge-option", 1).await;
    assert!(
        options[0].text().await.unwrap_or_default().contains(KEEPER),
        "the picker offers the claim typed for"
    );
    app.type_into("merge-note", "same talks").await;
    app.screenshot("claim-merge-picker").await;
    app.type_into("merge-search", "\n").await;
    app.wait_gone("merge-dialog", "the picker closes once merged")
        .await;

    // The duplicate stays open and says where it went; the list drops it.
    app.wait_for_text("merged-banner", "Merged into").await;
    assert!(app.text("merged-banner").await.contains(KEEPER));
    app.wait_for_text("claim-count", "3 claims").await;
    assert!(
        !app.content("claim-list").await.contains(DUPLICATE),
        "the merged duplicate left the list"
    );
    app.find_n("evidence-item", 0).await;
    app.screenshot("claim-merge-duplicate").await;

    // The keeper holds both claims' passages and its history records the merge.
    app.click("merged-open-keeper").await;
    app.find_n("evidence-item", 4).await;
    app.wait_for_text("merged-here", DUPLICATE).await;
    let history = app.text("history").await;
    assert!(history.contains("merged here"), "{history}");
    assert!(history.contains("same talks"), "{history}");
    app.screenshot("claim-merge-keeper").await;

    // Undo on the duplicate puts everything back.
    app.click("merged-open-duplicate").await;
    app.click("merged-undo").await;
    app.wait_for_text("claim-count", "4 claims").await;
    app.wait_gone("merged-banner", "the duplicate is no longer merged")
        .await;
    app.find_n("evidence-item", 2).await;
    assert!(app.content("claim-list").await.contains(DUPLICATE));
    app.screenshot("claim-merge-undone").await;
    open_row(&app, KEEPER).await;
    app.find_n("evidence-item", 2).await;
    assert!(app.find_all("merged-here").await.is_empty());
    app.close().await;
}
