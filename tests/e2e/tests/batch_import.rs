//! Batch import and "Edit details…" in the real window: three URLs pasted
//! into "From URL list…" are imported from a loopback server while the
//! progress bar says which one is in hand, one of them is a 404 and the
//! summary says so; then a source's title is corrected (after a refused
//! date) and the list shows it, Undo on the notice puts the captured title
//! back, and the correction made again stays after the app is opened again.

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;

use support::{App, Desk};

const PILOTS: &str = "Harbour pilots agree to a new night roster";
const DREDGING: &str = "Dredging of the east channel to start in May";
const CORRECTED: &str = "Dredging of the east channel delayed to June";

/// An invented article page.
fn page(headline: &str, outlet: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{headline}</title>
<meta property="og:site_name" content="{outlet}"></head>
<body><nav><a href="/">Home</a> <a href="/port">Port</a></nav>
<main><article><h1>{headline}</h1>
{body}</article></main></body></html>"#
    )
}

fn pilots_page() -> String {
    page(
        PILOTS,
        "The Quay Post",
        &[
            "The harbour pilots and the port authority agreed on Thursday to a new night roster that puts two pilots on call between midnight and six in the morning.",
            "Until now one pilot covered the whole night, which the pilots said left no one to board a second ship when two arrived on the same tide.",
            "The authority said the roster would cost less than the delays it prevents and would start with the winter timetable in October.",
        ],
    )
}

fn dredging_page() -> String {
    page(
        DREDGING,
        "The Quay Post",
        &[
            "Dredgers will begin deepening the east channel in May, the port authority said, so that the larger grain ships can reach the inner berths at low water.",
            "The work is expected to last eleven weeks, during which the channel will close to leisure craft on weekday mornings while the dredgers turn.",
            "Fishing crews asked the authority to keep the slipway open, and it agreed to move the spoil barges to the outer anchorage on Saturdays.",
        ],
    )
}

/// Serves the pilots page at /pilots, the dredging page at /dredging only
/// once `release` receives (so the test can watch the window meanwhile),
/// and a 404 for anything else. Returns the base URL.
fn serve(release: mpsc::Receiver<()>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 8192];
            let n = stream.read(&mut request).unwrap_or(0);
            let request = String::from_utf8_lossy(&request[..n]).to_string();
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, html) = match path.as_str() {
                "/pilots" => ("200 OK", pilots_page()),
                "/dredging" => {
                    let _ = release.recv();
                    ("200 OK", dredging_page())
                }
                _ => (
                    "404 Not Found",
                    "<html><body><p>Not here.</p></body></html>".to_string(),
                ),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                html.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(html.as_bytes());
        }
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn pasted_urls_import_with_progress_and_a_summary_then_a_title_is_corrected() {
    if !support::can_run() {
        return;
    }
    let (release, held) = mpsc::channel();
    let base = serve(held);
    let desk = Desk::new();
    let app = App::open(&desk).await;

    app.click("nav-sources").await;
    app.click("add-source-button").await;
    app.type_into(
        "import-urls",
        &format!("{base}/pilots\n{base}/dredging\n{base}/withdrawn-story"),
    )
    .await;
    app.click("import-urls-button").await;

    // The second page is held back: the bar says which item is in hand, and
    // the first page is already in the list.
    let line = app.wait_for_text("import-progress", "2 of 3").await;
    assert!(
        line.contains("/dredging"),
        "the current item is named: {line}"
    );
    app.wait_for_text("source-row", PILOTS).await;
    assert!(
        !app.find_all("import-stop").await.is_empty(),
        "a running import can be stopped"
    );
    app.screenshot("batch-import-progress").await;
    release.send(()).expect("the server waits for the release");

    let headline = app.wait_for_text("import-summary-headline", "failed").await;
    assert_eq!(headline, "2 added, 0 new versions, 0 unchanged, 1 failed");
    let failure = app.text("import-item-failed").await;
    assert!(
        failure.contains("withdrawn-story") && failure.contains("404"),
        "the failure says which URL and why: {failure}"
    );
    // Both pages are listed (the list refreshes as items land).
    app.find_n("source-row", 2).await;
    app.screenshot("batch-import-summary").await;

    // Correct the dredging article's title: a wrong date is explained first.
    app.click("import-dismiss").await;
    for row in app.find_all("source-row").await {
        if row.text().await.unwrap_or_default().contains(DREDGING) {
            row.click().await.expect("the row opens the reader");
        }
    }
    app.wait_for_text("reader-title", DREDGING).await;
    app.click("edit-details-button").await;
    let title = app.find("details-title").await;
    title.clear().await.expect("the title can be cleared");
    app.type_into("details-title", CORRECTED).await;
    app.type_into("details-published", "12/05/2026\n").await;
    let error = app.wait_for_text("details-error", "YYYY-MM-DD").await;
    assert!(
        error.contains("12/05/2026"),
        "the error quotes the input: {error}"
    );
    app.screenshot("edit-details-bad-date").await;
    app.find("details-published")
        .await
        .clear()
        .await
        .expect("the date can be cleared");
    app.type_into("details-published", "2026-05-12\n").await;
    app.wait_for_text("reader-title", CORRECTED).await;
    assert!(
        app.find_all("details-dialog").await.is_empty(),
        "Enter saved and closed the dialog"
    );
    let rows: Vec<String> = {
        let mut texts = Vec::new();
        for row in app.find_all("source-row").await {
            texts.push(row.text().await.unwrap_or_default());
        }
        texts
    };
    assert!(
        rows.iter()
            .any(|r| r.contains(CORRECTED) && r.contains("2026-05-12")),
        "the list shows the corrected title and date: {rows:?}"
    );
    app.wait_for_text("notice-info", "Details saved").await;
    app.screenshot("edit-details-saved").await;

    // Undo on the notice puts back the captured title and the empty date.
    app.click("notice-action").await;
    app.wait_for_text("reader-title", DREDGING).await;
    let undone = |rows: &[String]| {
        rows.iter().any(|r| r.contains(DREDGING))
            && !rows
                .iter()
                .any(|r| r.contains(CORRECTED) || r.contains("2026-05-12"))
    };
    let mut rows = Vec::new();
    for _ in 0..100 {
        rows.clear();
        for row in app.find_all("source-row").await {
            rows.push(row.text().await.unwrap_or_default());
        }
        if undone(&rows) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        undone(&rows),
        "the list shows the captured title and no date again: {rows:?}"
    );
    app.screenshot("edit-details-undone").await;

    // Correct it again, for good this time.
    app.click("edit-details-button").await;
    app.find("details-title")
        .await
        .clear()
        .await
        .expect("the title can be cleared");
    app.type_into("details-title", &format!("{CORRECTED}\n"))
        .await;
    app.wait_for_text("reader-title", CORRECTED).await;

    // Escape cancels: what was typed is dropped.
    app.click("edit-details-button").await;
    app.type_into("details-title", " (draft)").await;
    app.type_into("details-title", "\u{E00C}").await;
    for _ in 0..100 {
        if app.find_all("details-dialog").await.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        app.find_all("details-dialog").await.is_empty(),
        "Escape closed the dialog"
    );
    assert_eq!(app.text("reader-title").await, CORRECTED);
    app.close().await;

    // The correction is in the workspace file, not only in the window.
    let app = App::open(&desk).await;
    app.click("nav-sources").await;
    app.wait_for_text("source-row", "").await;
    let mut texts = Vec::new();
    for row in app.find_all("source-row").await {
        texts.push(row.text().await.unwrap_or_default());
    }
    assert!(
        texts.iter().any(|t| t.contains(CORRECTED)),
        "the corrected title survives reopening: {texts:?}"
    );
    app.close().await;
}
