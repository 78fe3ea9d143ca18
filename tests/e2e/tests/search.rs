//! Search everything and find evidence in the real window: "/" opens the
//! search box, a hit shows its matched words marked, Enter opens the source at
//! the passage, *Link to claim…* links a hit, and *Find evidence* on a claim
//! shows a passage whose number differs, linked with one key.

mod support;

use support::App;

/// The texts of every element with this `data-testid`.
async fn texts(app: &App, testid: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in app.find_all(testid).await {
        out.push(e.text().await.unwrap_or_default());
    }
    out
}

#[tokio::test]
async fn search_open_a_hit_link_it_and_find_evidence_with_a_number_that_differs() {
    if !support::can_run() {
        return;
    }
    let desk = support::Desk::new();
    let app = App::with_sample(&desk).await;

    // A claim of our own, so its evidence starts empty.
    app.click("new-claim-button").await;
    app.type_into(
        "new-claim-statement",
        "The ferry talks went on for five hours",
    )
    .await;
    // The sample's claim shows as checked before; once it has pushed the form
    // down, Add claim stays where a click finds it.
    app.wait_for_text("similar-claims", "The talks lasted five hours")
        .await;
    app.click("new-claim-save").await;
    app.wait_for_text("claim-detail", "went on for five hours")
        .await;

    // "/" with no field focused goes to the search box; results come as you type.
    app.click("nav-sources").await;
    app.press('/').await;
    let focused = app
        .client
        .active_element()
        .await
        .expect("an element has focus")
        .attr("data-testid")
        .await
        .expect("its test id");
    assert_eq!(focused.as_deref(), Some("global-search"));
    app.type_into("global-search", "marathon").await;
    app.wait_for_text("search-results", "Coastal Courier").await;
    assert_eq!(texts(&app, "search-mark").await, ["marathon"]);
    app.screenshot("search-results").await;

    // Enter opens the source at the passage, highlighted.
    app.press('\u{E007}').await;
    app.wait_for_text("reader-highlight", "marathon session")
        .await;

    // Link to claim… right from a hit.
    app.click("global-search").await;
    app.wait_for_text("search-results", "marathon").await;
    app.click("search-hit-link").await;
    app.find("link-dialog").await;
    app.type_into("link-claim-search", "went on for five").await;
    app.find_n("link-claim-option", 1).await[0]
        .click()
        .await
        .expect("the claim can be picked");
    app.click("link-stance-context").await;
    app.click("link-save").await;
    app.wait_for_text("notice-info", "Passage linked").await;

    // Find evidence on the claim: the other outlet's four hours, marked as differing.
    app.click("nav-claims").await;
    app.wait_for_text("claim-detail", "marathon session").await;
    app.click("find-evidence").await;
    app.wait_for_text("suggestions", "number differs: four hours")
        .await;
    app.screenshot("find-evidence").await;
    // One key links it: d for disputes.
    let suggestions = app.find_all("suggestion").await;
    let mut four = None;
    for s in suggestions {
        if s.text()
            .await
            .unwrap_or_default()
            .contains("number differs: four hours")
        {
            four = Some(s);
            break;
        }
    }
    four.expect("the four-hours suggestion")
        .send_keys("d")
        .await
        .expect("d is pressed on the suggestion");
    app.wait_for_text("notice-info", "linked as disputing")
        .await;
    app.wait_for_text("claim-detail", "four hours of talks")
        .await;
    app.close().await;
}
