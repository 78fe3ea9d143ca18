//! A workspace of 10,000 claims opens and scrolls: the list renders only the
//! rows in view, and loads them a page at a time as it scrolls. The timings
//! are printed for the record, never asserted.

mod support;

use std::time::Instant;

use claimdesk_core::Workspace;
use claimdesk_core::model::NewClaim;
use support::{App, Desk};

const COUNT: usize = 10_000;

#[tokio::test]
async fn ten_thousand_claims_open_and_scroll_with_few_rows_rendered() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    {
        let ws = Workspace::create(desk.db()).expect("workspace created");
        for i in 0..COUNT {
            ws.claims()
                .add(NewClaim {
                    statement: format!("Claim number {i:05} about the ferry"),
                    ..Default::default()
                })
                .expect("claim added");
        }
    }
    let started = Instant::now();
    let app = App::open(&desk).await;
    app.wait_for_text("claim-count", &format!("{COUNT} claims"))
        .await;
    let opened = started.elapsed();

    // Scroll to the bottom in the page and time until the next two frames;
    // again while the list loads more pages, until it holds every claim.
    let mut probe = serde_json::Value::Null;
    for _ in 0..400 {
        probe = app
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
               const list = document.querySelector('[data-testid="claim-list"]');
               const t0 = performance.now();
               list.scrollTop = list.scrollHeight;
               list.dispatchEvent(new Event('scroll'));
               requestAnimationFrame(() => requestAnimationFrame(() => done({
                 ms: performance.now() - t0,
                 loaded: Number(list.dataset.count),
                 rows: document.querySelectorAll('[data-testid="claim-row"]').length,
                 last: [...document.querySelectorAll('[data-testid="claim-row"]')].map(r => r.textContent).join('|'),
               })));"#,
                vec![],
            )
            .await
            .expect("the scroll probe runs");
        if probe["loaded"].as_u64() == Some(COUNT as u64) {
            // One more scroll, now that the last page is in.
            if probe["last"]
                .as_str()
                .unwrap_or_default()
                .contains("Claim number 00000")
            {
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    app.screenshot("ten-thousand-claims").await;
    app.close().await;
    println!(
        "10,000 claims: window to full list {:.2}s; scroll to bottom and render {:.1} ms; {} rows in the DOM",
        opened.as_secs_f64(),
        probe["ms"].as_f64().unwrap_or(f64::NAN),
        probe["rows"]
    );
    let rows = probe["rows"].as_u64().unwrap_or(u64::MAX);
    assert!(
        rows > 0 && rows < 100,
        "the list renders only rows in view, not {rows}"
    );
    // Newest first: the bottom of the list is the first claim added.
    assert!(
        probe["last"]
            .as_str()
            .unwrap_or_default()
            .contains("Claim number 00000"),
        "scrolling to the bottom shows the oldest claim"
    );
}
