//! Capture from a URL in the real window: a news page served on loopback is
//! fetched with "From URL…", the reader shows the article and none of the
//! page's clutter, and fetching it again after the outlet edited it shows
//! that the article changed since its first capture. A page with almost no
//! article shows "Fetching…" while it loads and then a warning to check it.

mod support;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use support::{App, Desk};

const HEADLINE: &str = "Lighthouse keepers' cottages to become a maritime museum";
const FIRST_LINE: &str = "The three empty keepers' cottages on Gull Point will reopen next spring as a small maritime museum, the harbour trust announced on Monday.";
const EDITED_LINE: &str = "The three empty keepers' cottages on Gull Point will reopen next summer, not next spring, as a small maritime museum, the harbour trust said on Monday.";

/// An invented news page with navigation, an advert and a comment thread
/// around the article; `lead` is the article's first paragraph.
fn page(lead: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{HEADLINE} | The Cove Courier</title>
  <meta property="og:title" content="{HEADLINE}">
  <meta property="og:site_name" content="The Cove Courier">
  <link rel="canonical" href="https://cove-courier.example/news/gull-point-museum">
</head>
<body>
  <nav class="site-nav"><ul><li><a href="/">NAV-TEXT Home</a></li><li><a href="/sport">NAV-TEXT Sport</a></li><li><a href="/weather">NAV-TEXT Weather</a></li></ul></nav>
  <aside class="advert"><p>ADVERT-TEXT: Weekend sailing lessons for all ages, book now and get a free life jacket.</p></aside>
  <main>
    <article>
      <h1>{HEADLINE}</h1>
      <p class="byline">By Tomas Reyna</p>
      <p>{lead}</p>
      <p>The trust bought the cottages from the county in 2019 and has spent two years repairing their roofs and chimneys, which had let in rain since the lamp was automated.</p>
      <p>Visitors will see the keepers' logbooks, a restored fog bell and the brass lens that guided fishing boats into the cove for more than a century.</p>
      <p>Entry will be free for residents of the district, and the trust expects around twelve thousand visitors in the first year, most of them in July and August.</p>
    </article>
  </main>
  <section class="comments"><h2>Comments</h2><p>COMMENT-TEXT: About time somebody looked after those cottages, my grandfather kept the light.</p></section>
  <footer><p>FOOTER-TEXT Copyright The Cove Courier. All rights reserved.</p></footer>
</body>
</html>"#
    )
}

async fn fetch(app: &App, url: &str) {
    app.click("nav-sources").await;
    app.click("add-source-button").await;
    app.type_into("source-url", url).await;
    app.click("source-fetch").await;
}

#[tokio::test]
async fn a_page_fetched_from_a_url_shows_its_article_and_its_later_edit() {
    if !support::can_run() {
        return;
    }
    let body = Arc::new(Mutex::new(page(FIRST_LINE)));
    let url = support::serve_page(Arc::clone(&body), "/news/gull-point-museum");
    let desk = Desk::new();
    let app = App::open(&desk).await;

    fetch(&app, &url).await;
    app.wait_for_text("reader-title", HEADLINE).await;
    let header = app.text("reader").await;
    assert!(
        header.contains("The Cove Courier"),
        "the outlet comes from the page: {header}"
    );
    let text = app.wait_for_text("reader-body", FIRST_LINE).await;
    assert!(
        text.contains("brass lens"),
        "the whole article is kept: {text}"
    );
    for clutter in ["NAV-TEXT", "ADVERT-TEXT", "COMMENT-TEXT", "FOOTER-TEXT"] {
        assert!(
            !text.contains(clutter),
            "{clutter} is not part of the article: {text}"
        );
    }
    assert!(
        app.find_all("reader-edited").await.is_empty(),
        "a first capture is not marked as edited"
    );
    app.screenshot("capture-first-fetch").await;

    // The outlet edits the article; the same URL is fetched again.
    *body.lock().expect("the page can be edited") = page(EDITED_LINE);
    fetch(&app, &url).await;
    let note = app
        .wait_for_text("reader-edited", "edited since first capture")
        .await;
    assert!(
        note.contains("2 versions"),
        "the note counts the versions: {note}"
    );
    app.wait_for_text("reader-body", "next summer, not next spring")
        .await;
    assert_eq!(
        app.find_all("source-row").await.len(),
        1,
        "the edit is a new version of the same source, not a second source"
    );
    app.screenshot("capture-edited").await;
    app.close().await;
}

#[tokio::test]
async fn a_url_that_cannot_be_fetched_shows_a_readable_error() {
    if !support::can_run() {
        return;
    }
    // A port that was free a moment ago: nothing answers there.
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let desk = Desk::new();
    let app = App::open(&desk).await;

    // An address without its scheme is explained before anything is fetched.
    fetch(&app, "cove-courier.example/news").await;
    app.wait_for_text("capture-error", "http://").await;

    app.find("source-url")
        .await
        .clear()
        .await
        .expect("the address can be cleared");
    app.type_into("source-url", &format!("http://127.0.0.1:{port}/gone"))
        .await;
    app.click("source-fetch").await;
    let error = app.wait_for_text("capture-error", "127.0.0.1").await;
    assert!(
        !error.contains("[object"),
        "the error is a sentence: {error}"
    );
    assert!(app.find_all("reader").await.is_empty(), "nothing was added");
    app.screenshot("capture-fetch-error").await;
    app.close().await;
}

/// Serves `html` once, but only after `release` receives; returns the URL.
/// Holding the answer back lets the test see the window while it waits.
fn serve_when_released(html: String, release: mpsc::Receiver<()>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("its address");
    std::thread::spawn(move || {
        if let Some(Ok(mut stream)) = listener.incoming().next() {
            let mut request = [0u8; 8192];
            let _ = stream.read(&mut request);
            let _ = release.recv();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                html.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(html.as_bytes());
        }
    });
    format!("http://{addr}/live")
}

#[tokio::test]
async fn a_page_with_almost_no_article_shows_fetching_then_a_warning() {
    if !support::can_run() {
        return;
    }
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/pages/near-empty.html");
    let html = std::fs::read_to_string(fixture).expect("the fixture page");
    let (release, held) = mpsc::channel();
    let url = serve_when_released(html, held);
    let desk = Desk::new();
    let app = App::open(&desk).await;

    fetch(&app, &url).await;
    app.wait_for_text("capture-busy", "Fetching…").await;
    let fetch_button = app.find("source-fetch").await;
    assert!(
        fetch_button.attr("disabled").await.ok().flatten().is_some(),
        "Fetch cannot be pressed twice while the page loads"
    );
    app.screenshot("capture-fetching").await;
    release.send(()).expect("the server waits for the release");

    let warning = app.wait_for_text("capture-warnings", "word").await;
    assert!(
        warning.contains("snapshot was kept"),
        "the warning says what to check: {warning}"
    );
    app.find("reader").await;
    app.screenshot("capture-thin-warning").await;
    app.close().await;
}
