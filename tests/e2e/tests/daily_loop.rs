//! A fact-checker's daily loop in the real window: claims and verdicts,
//! sources by paste, passages linked as evidence, and all of it still there
//! after the app is reopened.

mod support;

use support::{App, Desk};

const ARTICLE: &str = "Port Alder ferry talks ended without a deal on Tuesday.\n\n\
The operator backed down from the Friday deadline it had set for the crews.\n\n\
Union officials said the crews would keep sailing while talks continue.";

const PASSAGE: &str = "backed down from the Friday deadline";

async fn add_claim(app: &App, statement: &str) {
    app.click("new-claim-button").await;
    app.type_into("new-claim-statement", statement).await;
    app.type_into("new-claim-claimant", "Harbour Board").await;
    app.click("new-claim-save").await;
    app.wait_for_text("claim-detail", statement).await;
}

async fn add_source(app: &App, title: &str, text: &str) {
    app.click("nav-sources").await;
    app.click("add-source-button").await;
    app.type_into("source-title", title).await;
    app.type_into("source-outlet", "Northern Ledger").await;
    app.type_into("source-text", text).await;
    app.click("source-save").await;
    app.wait_for_text("reader-title", title).await;
}

/// Selects `passage` in the reader the way a mouse drag would.
async fn select_in_reader(app: &App, passage: &str) {
    let found = app
        .client
        .execute(
            r#"const want = arguments[0];
               for (const p of document.querySelectorAll('[data-testid="reader-body"] p')) {
                 const node = p.firstChild;
                 const at = node && node.data ? node.data.indexOf(want) : -1;
                 if (at < 0) continue;
                 const r = document.createRange();
                 r.setStart(node, at);
                 r.setEnd(node, at + want.length);
                 const s = window.getSelection();
                 s.removeAllRanges();
                 s.addRange(r);
                 return true;
               }
               return false;"#,
            vec![serde_json::json!(passage)],
        )
        .await
        .expect("the selection script runs");
    assert_eq!(
        found,
        serde_json::json!(true),
        "the reader does not show {passage:?}"
    );
}

#[tokio::test]
async fn create_a_claim_and_set_its_verdict() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    app.find("claims-empty").await;
    add_claim(&app, "The operator set a Friday deadline for the crews").await;
    app.find("verdict-select")
        .await
        .select_by_value("false")
        .await
        .expect("the verdict list offers False");
    app.type_into(
        "verdict-rationale",
        "The operator dropped the deadline, per two outlets.",
    )
    .await;
    app.click("verdict-apply").await;
    let badge = app.wait_for_text("claim-verdict", "False").await;
    let history = app.wait_for_text("history", "verdict").await;
    let row = app.text("claim-list").await;
    app.screenshot("claim-verdict").await;
    app.close().await;
    assert_eq!(badge, "False");
    assert!(
        history.contains("unverified"),
        "history shows the old verdict: {history}"
    );
    assert!(
        row.contains("False"),
        "the list row shows the new verdict: {row}"
    );
}

#[tokio::test]
async fn add_a_source_by_paste() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    add_source(&app, "Ferry talks collapse", ARTICLE).await;
    let body = app.text("reader-body").await;
    let paragraphs = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=\"reader-body\"] p"))
        .await
        .expect("paragraphs");
    let list = app.text("nav-sources").await;
    app.screenshot("source-paste").await;
    app.close().await;
    assert!(body.contains("The operator backed down from the Friday deadline"));
    assert_eq!(
        paragraphs.len(),
        3,
        "the reader shows the text as three paragraphs"
    );
    assert_eq!(list, "Sources");
}

#[tokio::test]
async fn link_a_passage_as_evidence_and_find_it_after_reopening() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    add_claim(&app, "The Friday deadline still stands").await;
    add_source(&app, "Ferry talks collapse", ARTICLE).await;

    select_in_reader(&app, PASSAGE).await;
    app.click("link-evidence-button").await;
    app.type_into("link-claim-search", "deadline").await;
    app.click("link-claim-option").await;
    app.click("link-stance-disputes").await;
    app.click("link-save").await;

    app.click("nav-claims").await;
    app.click("claim-row").await;
    let evidence = app.wait_for_text("evidence-item", PASSAGE).await;
    let stance = app
        .find("evidence-item")
        .await
        .attr("data-stance")
        .await
        .expect("stance attribute");
    // Clicking the passage opens the source with the passage marked.
    app.click("evidence-item").await;
    let highlighted = app.text("reader-highlight").await;
    app.screenshot("evidence-linked").await;
    app.close().await;
    assert!(
        evidence.to_lowercase().contains("disputes"),
        "the stance is shown in words: {evidence}"
    );
    assert_eq!(stance.as_deref(), Some("disputes"));
    assert_eq!(highlighted, PASSAGE);

    // Reopen the same workspace: everything is still there.
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", "1 claim").await;
    let row = app.content("claim-list").await;
    app.click("claim-row").await;
    let evidence_again = app.wait_for_text("evidence-item", PASSAGE).await;
    app.click("nav-sources").await;
    app.click("source-row").await;
    let title = app.text("reader-title").await;
    app.click("nav-claims").await;
    app.click("claim-row").await;
    app.find("evidence-item").await;
    app.screenshot("reopened").await;
    app.close().await;
    assert!(
        row.contains("The Friday deadline still stands"),
        "the claim is listed: {row}"
    );
    assert!(row.contains("Harbour Board"));
    assert!(evidence_again.to_lowercase().contains("disputes"));
    assert_eq!(title, "Ferry talks collapse");
}

#[tokio::test]
async fn hostile_html_in_a_source_renders_as_inert_text() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::open(&desk).await;
    let hostile = "Statement <script>window.__pwned = 'script'</script> ends.\n\n\
                   Photo <img src=x onerror=\"window.__pwned = 'img'\"> caption.";
    add_source(&app, "Hostile page", hostile).await;
    let body = app.text("reader-body").await;
    let injected = app
        .client
        .execute(
            r#"return {
                 pwned: window.__pwned === undefined ? null : String(window.__pwned),
                 elements: document.querySelectorAll('[data-testid="reader-body"] script, [data-testid="reader-body"] img').length
               };"#,
            vec![],
        )
        .await
        .expect("the check script runs");
    app.screenshot("hostile-html").await;
    app.close().await;
    assert!(
        body.contains("<script>window.__pwned = 'script'</script>"),
        "the tags show as text: {body}"
    );
    assert!(
        body.contains("<img src=x onerror="),
        "the tags show as text: {body}"
    );
    assert_eq!(
        injected["pwned"],
        serde_json::Value::Null,
        "no injected code ran"
    );
    assert_eq!(
        injected["elements"], 0,
        "no script or img element was created"
    );
}
