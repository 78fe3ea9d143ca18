//! A passage whose source changes, in the real window: a claim's supporting
//! passage was read in a page served on loopback; the outlet edits the page
//! ("five hours" becomes "four hours") and the checker fetches it again. The
//! claims list flags the verdict, the claim shows the change word by word,
//! the review queue lists it, *Accept* moves the passage to version 2, and
//! the report then names version 2.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use claimdesk_core::Workspace;
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::into_workspace::{Corrections, add_url};
use claimdesk_core::model::{NewClaim, NewEvidence, Stance};
use support::{App, Desk};

const HEADLINE: &str = "Envoys end talks on the harbour treaty";
const QUOTE: &str = "met the port minister for five hours on Tuesday";

/// An invented news page whose lead sentence says how long the envoys met.
fn page(hours: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title>
<meta property="og:site_name" content="The Cove Courier"></head>
<body><article><h1>{HEADLINE}</h1>
<p>The two envoys met the port minister for {hours} hours on Tuesday, officials at the harbour office said.</p>
<p>Both sides said the draft treaty would fix the ferry fares for three years and keep the night crossing open in winter.</p>
<p>A second round of talks is planned for the spring, when the fishing season has ended and the quay repairs are done.</p>
</article></body></html>"#
    )
}

/// The workspace before the window opens: the page's first text, a verified
/// claim, and its supporting passage read in version 1.
fn desk_with_a_passage(db: std::path::PathBuf, url: String) {
    let ws = Workspace::create(db).expect("the workspace is created");
    let source = add_url(&ws, &url, &FetchOptions::default(), &Corrections::default())
        .expect("the page is fetched")
        .added
        .source
        .id;
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "The envoys met the minister for five hours".into(),
            ..Default::default()
        })
        .expect("the claim is added")
        .id;
    ws.claims()
        .set_verdict(&claim, "verified", None, None)
        .expect("the verdict is set");
    ws.evidence()
        .add(NewEvidence {
            claim,
            source,
            version: None,
            quote: QUOTE.into(),
            occurrence: Some(1),
            stance: Stance::Supports,
            note: None,
        })
        .expect("the passage is linked");
}

/// Waits until the element's whole text content holds `needle`, and returns it.
async fn wait_for_content(app: &App, testid: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = app.content(testid).await;
        if text.contains(needle) {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "{testid} never showed {needle:?}; it shows {text:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_edited_passage_is_flagged_reviewed_and_accepted_into_the_new_version() {
    if !support::can_run() {
        return;
    }
    let body = Arc::new(Mutex::new(page("five")));
    let url = support::serve_page(Arc::clone(&body), "/news/harbour-treaty");
    let desk = Desk::new();
    // The fetch blocks; it runs on a thread of its own, outside the test's runtime.
    let (db, page_url) = (desk.db(), url.clone());
    std::thread::spawn(move || desk_with_a_passage(db, page_url))
        .join()
        .expect("the workspace is prepared");
    let app = App::open(&desk).await;
    wait_for_content(&app, "claim-row", "five hours").await;
    assert!(
        app.find_all("claim-passage-changed").await.is_empty(),
        "nothing is flagged before the source changes"
    );

    // The outlet edits the page; the checker fetches it again.
    *body.lock().expect("the page can be edited") = page("four");
    app.click("nav-sources").await;
    app.click("add-source-button").await;
    app.type_into("source-url", &url).await;
    app.click("source-fetch").await;
    app.wait_for_text("reader-edited", "edited since first capture")
        .await;
    app.wait_for_text("review-count", "1").await;

    // The list flags the verified claim; its detail shows the words that changed.
    app.click("nav-claims").await;
    app.wait_for_text("claim-passage-changed", "passage changed")
        .await;
    app.click("claim-row").await;
    let flag = app.wait_for_text("claim-review-flag", "version 2").await;
    assert!(
        flag.contains("five") && flag.contains("four"),
        "the flag says what changed: {flag}"
    );
    app.screenshot("passage-review-claim-flag").await;

    // The queue lists it; Accept moves the passage to version 2.
    app.click("nav-review").await;
    let queued = app
        .wait_for_text("review-flag", "changed this passage")
        .await;
    assert!(queued.contains("four"), "{queued}");
    app.screenshot("passage-review-queue").await;
    app.click("review-accept").await;
    app.wait_for_text("review-empty", "").await;
    app.wait_for_text("review-count", "0").await;

    // The report names the version the passage now stands in.
    app.click("nav-claims").await;
    app.click("export-button").await;
    let report = wait_for_content(&app, "export-preview", "Captured as version 2").await;
    assert!(
        report.contains("four hours"),
        "the report quotes the new words: {report}"
    );
    assert!(
        app.find_all("claim-passage-changed").await.is_empty(),
        "an accepted passage no longer shakes the verdict"
    );
    app.close().await;
}
