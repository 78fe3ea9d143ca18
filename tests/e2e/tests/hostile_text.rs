//! A hostile claim and source, written into the workspace before the app
//! opens (as a bundle or ClaimReview import would bring them): every field
//! shows as text in the claim list, the claim's detail, its evidence, the
//! reader and the report preview, and nothing in them runs or becomes an
//! element or a link.

mod support;

use std::time::{Duration, Instant};

use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};
use support::{App, Desk};

const SCRIPT: &str = "<script>window.__pwned = 'script'</script>";
const IMG: &str = "<img src=x onerror=\"window.__pwned = 'img'\">";
const LINK: &str = "<a href=\"javascript:window.__pwned='link'\">read</a>";

/// A claim and a source whose every field carries markup, a script address,
/// template syntax, a formula and invisible characters.
fn hostile_workspace(desk: &Desk) -> String {
    let ws = Workspace::create(desk.db()).expect("the workspace is created");
    let hostile =
        format!("{SCRIPT} {IMG} {LINK} {{{{ 7*7 }}}} =HYPERLINK(\"x\") zero\u{200B}width");
    let source = ws
        .sources()
        .add(NewSource {
            title: format!("Page {IMG}"),
            outlet: Some(format!("Outlet {SCRIPT}")),
            url: Some("javascript:window.__pwned='url'".into()),
            text: format!("The council met on Monday.\n\nIt said {SCRIPT} and left.\n\n{hostile}"),
            ..Default::default()
        })
        .expect("the source is added")
        .source
        .id;
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: format!("Hostile claim {hostile}"),
            claimant: Some(format!("Claimant {IMG}")),
            notes: Some(hostile.clone()),
            tags: vec!["<b>bold</b>".into()],
            ..Default::default()
        })
        .expect("the claim is added")
        .id;
    ws.claims()
        .set_verdict(&claim, "false", Some(&hostile), None)
        .expect("the verdict is set");
    ws.evidence()
        .add(NewEvidence {
            claim: claim.clone(),
            source,
            version: None,
            quote: SCRIPT.into(),
            occurrence: Some(1),
            stance: Stance::Disputes,
            note: Some(hostile),
        })
        .expect("the evidence is linked");
    claim
}

/// What ran or was created: `window.__pwned` and any element the hostile text
/// would have made inside the app.
async fn injected(app: &App) -> serde_json::Value {
    app.client
        .execute(
            r#"const root = document.querySelector('[data-testid="app-root"]');
               return {
                 pwned: window.__pwned === undefined ? null : String(window.__pwned),
                 elements: root.querySelectorAll('script, img, iframe, object').length
                   + [...root.querySelectorAll('b')].filter(b => b.textContent === 'bold').length,
                 script_links: root.querySelectorAll('a[href^="javascript"], a[href^="data"]').length
               };"#,
            vec![],
        )
        .await
        .expect("the check script runs")
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

fn assert_inert(what: &str, found: &serde_json::Value) {
    assert_eq!(
        found["pwned"],
        serde_json::Value::Null,
        "{what}: no code ran"
    );
    assert_eq!(
        found["elements"], 0,
        "{what}: no element was made from text"
    );
    assert_eq!(found["script_links"], 0, "{what}: no script link");
}

#[tokio::test]
async fn a_hostile_claim_and_source_render_as_text_and_run_nothing() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    hostile_workspace(&desk);
    let app = App::open(&desk).await;

    // The row ellipsises a long statement, so its whole text is read as content.
    app.wait_for_text("claim-row", "Claimant").await;
    let row = app.content("claim-row").await;
    assert!(
        row.contains(SCRIPT),
        "the list shows the statement as text: {row}"
    );
    app.click("claim-row").await;
    app.wait_for_text("claim-detail", "Evidence").await;
    let statement = app.value("claim-statement").await;
    assert!(
        statement.contains(IMG) && statement.contains("{{ 7*7 }}"),
        "{statement}"
    );
    assert_eq!(app.value("claim-claimant").await, format!("Claimant {IMG}"));
    let evidence = app.text("evidence-item").await;
    assert!(
        evidence.contains(SCRIPT),
        "the passage shows as text: {evidence}"
    );
    let tag = app.text("claim-tag").await;
    assert!(tag.contains("<b>bold</b>"), "the tag shows as text: {tag}");
    assert_inert("claim detail", &injected(&app).await);
    app.screenshot("hostile-claim").await;

    app.click("nav-sources").await;
    let source_row = app.content("source-row").await;
    assert!(
        source_row.contains(IMG),
        "the list shows the title as text: {source_row}"
    );
    app.click("source-row").await;
    let body = app.wait_for_text("reader-body", "council met").await;
    assert!(
        body.contains(SCRIPT) && body.contains(LINK),
        "the reader shows text: {body}"
    );
    assert_inert("reader", &injected(&app).await);

    app.click("nav-claims").await;
    app.click("export-button").await;
    app.find("export-format")
        .await
        .select_by_value("html")
        .await
        .expect("HTML is chosen");
    let preview = wait_for_content(&app, "export-preview", "&lt;script&gt;").await;
    assert!(
        !preview.contains(SCRIPT),
        "the report escapes the statement"
    );
    assert_inert("report preview", &injected(&app).await);
    app.screenshot("hostile-export").await;
    app.close().await;
}
