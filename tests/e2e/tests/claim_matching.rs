//! "Has this been checked before?" in the real window: typing a paraphrase of
//! a sample claim into *New claim* lists that claim under the statement as the
//! same claim, with its verdict; the saved claim's detail lists it under
//! *Similar claims*, and clicking it opens it.

mod support;

use support::App;

#[tokio::test]
async fn a_paraphrase_typed_into_new_claim_shows_the_checked_claim_with_its_verdict() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::with_sample(&desk).await;

    app.click("new-claim-button").await;
    app.type_into("new-claim-statement", "The talks lasted for 5 hours")
        .await;
    let listed = app
        .wait_for_text("similar-claims", "The talks lasted five hours")
        .await;
    // The tier label is styled in capitals.
    assert!(listed.to_lowercase().contains("same claim"), "{listed}");
    assert!(
        listed.contains("Unproven"),
        "the verdict is shown: {listed}"
    );
    assert!(listed.contains("Checked by this desk"), "{listed}");
    assert!(listed.contains("number 5"), "why it matched: {listed}");
    let first = app.find_n("similar-claim", 1).await;
    assert_eq!(
        first[0].attr("data-tier").await.expect("tier").as_deref(),
        Some("match")
    );
    app.screenshot("claim-matching-new-claim").await;

    // Saved anyway, the new claim's detail lists the checked one under Similar claims.
    app.click("new-claim-save").await;
    app.wait_for_text("claim-detail", "Similar claims").await;
    app.wait_for_text("similar-claims", "The talks lasted five hours")
        .await;
    app.screenshot("claim-matching-detail").await;

    // Clicking it opens it.
    app.click("similar-claim-open").await;
    app.wait_for_text("similar-claims", "The talks lasted for 5 hours")
        .await;
    assert_eq!(
        app.value("claim-statement").await,
        "The talks lasted five hours"
    );
    app.close().await;
}
