//! Captures stored into a real workspace file: versions by canonical URL,
//! snapshots, corrections, warnings and batch imports.

mod support;

use std::fs;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::ingest::batch::{self, Progress};
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::html::capture_html;
use claimdesk_core::ingest::into_workspace::{
    Corrections, add_captured, add_file, add_url, import,
};
use claimdesk_core::ingest::{WarningKind, capture_file};
use claimdesk_core::model::AddOutcome;
use support::{Reply, TestServer, fixture, fixture_path};

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
    (dir, ws)
}

fn quick() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    }
}

/// An article page whose canonical URL is fixed, with a body we can change.
fn article(body: &str) -> Vec<u8> {
    format!(
        "<html lang=\"en\"><head><title>Pier closed | Bay News</title>\
         <link rel=\"canonical\" href=\"https://bay-news.example/pier-closed\">\
         <meta property=\"og:site_name\" content=\"Bay News\"></head><body><article>\
         <p>The north pier was closed on Sunday after engineers found cracks in two of its supporting piles during a routine inspection.</p>\
         <p>{body}</p></article></body></html>"
    )
    .into_bytes()
}

#[test]
fn refetching_adds_a_version_only_when_the_text_changed() {
    let page = Arc::new(Mutex::new(article(
        "The harbour office said the pier would stay closed for at least a week while repairs are planned.",
    )));
    let served = Arc::clone(&page);
    let server = TestServer::start(move |path| match path {
        "/pier" | "/amp/pier" => Reply::ok("text/html", served.lock().expect("lock").clone()),
        _ => Reply::status(404),
    });
    let (_dir, ws) = workspace();

    let first =
        add_url(&ws, &server.url("/pier"), &quick(), &Corrections::default()).expect("first");
    assert_eq!(first.added.outcome, AddOutcome::NewSource);
    let source = &first.added.source;
    assert_eq!(
        source.canonical_url.as_deref(),
        Some("https://bay-news.example/pier-closed")
    );
    assert_eq!(source.outlet.as_deref(), Some("Bay News"));
    let v1 = &first.added.version;
    assert_eq!(v1.final_url.as_deref(), Some(server.url("/pier").as_str()));
    let snapshot = v1.html.as_deref().expect("snapshot kept");
    assert!(
        snapshot.contains("<link rel=\"canonical\""),
        "the snapshot is the page as served"
    );

    let again =
        add_url(&ws, &server.url("/pier"), &quick(), &Corrections::default()).expect("again");
    assert_eq!(again.added.outcome, AddOutcome::Unchanged);
    assert_eq!(
        ws.sources().versions(&source.id).expect("versions").len(),
        1
    );

    *page.lock().expect("lock") = article(
        "The harbour office now says the pier will stay closed until the end of the month.",
    );
    // A different address of the same article (its canonical URL says so).
    let edited = add_url(
        &ws,
        &server.url("/amp/pier"),
        &quick(),
        &Corrections::default(),
    )
    .expect("edited");
    assert_eq!(edited.added.outcome, AddOutcome::NewVersion);
    assert_eq!(edited.added.source.id, source.id);
    let versions = ws.sources().versions(&source.id).expect("versions");
    assert_eq!(versions.len(), 2);
    assert!(
        versions[0].text.contains("at least a week"),
        "the first capture is kept as it was"
    );
    assert!(versions[1].text.contains("until the end of the month"));
    assert_eq!(ws.sources().list().expect("list").len(), 1);
}

#[test]
fn a_saved_page_and_its_url_are_one_source() {
    let (dir, ws) = workspace();
    let saved = dir.path().join("pier.html");
    fs::write(
        &saved,
        article("Repairs are expected to cost about forty thousand euros, the council said."),
    )
    .expect("write");
    let from_file = add_file(&ws, &saved, &Corrections::default()).expect("file");
    assert_eq!(from_file.added.outcome, AddOutcome::NewSource);
    assert_eq!(
        from_file.added.source.url.as_deref(),
        Some("https://bay-news.example/pier-closed")
    );

    let page =
        article("Repairs are now expected to cost about sixty thousand euros, the council said.");
    let server = TestServer::start(move |_| Reply::ok("text/html", page.clone()));
    let fetched = add_url(
        &ws,
        &server.url("/news/pier"),
        &quick(),
        &Corrections::default(),
    )
    .expect("url");
    assert_eq!(fetched.added.outcome, AddOutcome::NewVersion);
    assert_eq!(fetched.added.source.id, from_file.added.source.id);
}

#[test]
fn corrections_override_what_the_page_says() {
    let (_dir, ws) = workspace();
    let corrections = Corrections {
        title: Some("Ferry fares: council confirms 12% rise".into()),
        authors: vec!["I. Marlowe".into(), "Desk staff".into()],
        published_on: NaiveDate::from_ymd_opt(2026, 11, 17),
        ..Corrections::default()
    };
    let stored =
        add_file(&ws, &fixture_path("news-with-clutter.html"), &corrections).expect("stored");
    let s = &stored.added.source;
    assert_eq!(s.title, "Ferry fares: council confirms 12% rise");
    assert_eq!(s.authors, ["I. Marlowe", "Desk staff"]);
    assert_eq!(s.published_on, NaiveDate::from_ymd_opt(2026, 11, 17));
    assert_eq!(
        s.outlet.as_deref(),
        Some("The Harbour Gazette"),
        "uncorrected fields come from the page"
    );
    assert_eq!(s.modified_on, NaiveDate::from_ymd_opt(2026, 11, 19));
    assert_eq!(s.language.as_deref(), Some("en-GB"));
}

#[test]
fn a_thin_page_is_stored_with_a_warning_and_an_empty_one_is_refused() {
    let (_dir, ws) = workspace();
    let thin = add_file(
        &ws,
        &fixture_path("near-empty.html"),
        &Corrections::default(),
    )
    .expect("kept for review");
    assert!(
        thin.warnings
            .iter()
            .any(|w| w.kind == WarningKind::ThinArticle)
    );
    let v = ws
        .sources()
        .version(&thin.added.source.id, None)
        .expect("version");
    assert!(
        v.html
            .as_deref()
            .is_some_and(|h| h.contains("<div id=\"app\">")),
        "snapshot kept"
    );

    let empty = capture_html(
        "<html><head><title>Nothing here</title></head><body><div id=app></div></body></html>",
        None,
    )
    .expect("captured");
    assert!(empty.text.is_empty());
    let err = add_captured(
        &ws,
        empty,
        Some("https://empty.example/"),
        &Corrections::default(),
    )
    .expect_err("refused");
    assert!(
        err.to_string()
            .contains("no text found in https://empty.example/"),
        "{err}"
    );
    assert_eq!(
        ws.sources().list().expect("list").len(),
        1,
        "nothing was written for the empty page"
    );
}

#[test]
fn text_from_a_file_matches_the_same_text_added_by_hand() {
    let (dir, ws) = workspace();
    let path = dir.path().join("statement.txt");
    fs::write(
        &path,
        "Statement  from the port.\r\n\r\n\r\nWe regret the closure.\r\n",
    )
    .expect("write");
    let by_hand = ws
        .sources()
        .add(claimdesk_core::model::NewSource {
            title: "Statement".into(),
            text: "Statement  from the port.\n\nWe regret the closure.".into(),
            ..Default::default()
        })
        .expect("by hand");
    let from_file = add_file(&ws, &path, &Corrections::default()).expect("file");
    assert_eq!(
        from_file.added.outcome,
        AddOutcome::Unchanged,
        "same text, same hash"
    );
    assert_eq!(from_file.added.source.id, by_hand.source.id);
}

#[test]
fn folder_import_continues_past_failures_and_reimport_is_unchanged() {
    let (dir, ws) = workspace();
    let folder = dir.path().join("inbox");
    fs::create_dir_all(&folder).expect("mkdir");
    fs::write(
        folder.join("a-ferry.html"),
        fixture("news-with-clutter.html"),
    )
    .expect("write");
    fs::write(folder.join("b-cafe.html"), fixture("windows-1252.html")).expect("write");
    fs::write(folder.join("c-latin1.txt"), b"caf\xe9").expect("write");
    fs::write(
        folder.join("d-notes.md"),
        "# Call with the harbour office\n\nThey confirmed the dates.",
    )
    .expect("write");
    fs::write(folder.join("e-loading.html"), fixture("near-empty.html")).expect("write");
    fs::write(folder.join("f-photo.png"), b"\x89PNG").expect("write");

    let expanded = batch::expand(&folder).expect("expand");
    let mut finished = 0;
    let summary = import(&ws, &expanded, &quick(), |p| {
        if matches!(p, Progress::ItemFinished { .. }) {
            finished += 1;
        }
    });
    assert_eq!(finished, 5);
    assert_eq!(summary.added.len(), 4, "{summary:?}");
    assert_eq!(summary.failed.len(), 1);
    assert!(summary.failed[0].input.ends_with("c-latin1.txt"));
    assert!(
        summary.failed[0].reason.contains("UTF-8"),
        "{:?}",
        summary.failed[0]
    );
    assert_eq!(summary.skipped.len(), 1);
    assert_eq!(summary.warnings.len(), 1, "{:?}", summary.warnings);
    assert!(summary.warnings[0].input.ends_with("e-loading.html"));
    assert_eq!(ws.sources().list().expect("list").len(), 4);

    let again = import(&ws, &expanded, &quick(), |_| {});
    assert_eq!(again.unchanged.len(), 4, "{again:?}");
    assert!(again.added.is_empty());
    assert_eq!(ws.sources().list().expect("list").len(), 4);
}

#[test]
fn url_list_import_reports_each_failure() {
    let page = fixture("jsonld-metadata.html");
    let server = TestServer::start(move |path| match path {
        "/reservoir" => Reply::ok("text/html", page.clone()),
        _ => Reply::status(404),
    });
    let (dir, ws) = workspace();
    let list = dir.path().join("urls.txt");
    fs::write(
        &list,
        format!(
            "{}\n# later\n{}\n",
            server.url("/reservoir"),
            server.url("/gone")
        ),
    )
    .expect("write");
    let summary = import(
        &ws,
        &batch::expand(&list).expect("expand"),
        &quick(),
        |_| {},
    );
    assert_eq!(summary.added, [server.url("/reservoir")]);
    assert_eq!(summary.failed.len(), 1);
    assert!(
        summary.failed[0].reason.contains("404"),
        "{:?}",
        summary.failed
    );
    let sources = ws.sources().list().expect("list");
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].authors, ["Rosa Quintela", "Dmitri Albescu"]);
    assert_eq!(sources[0].outlet.as_deref(), Some("The Valley Courier"));
    let captured = capture_file(&fixture_path("jsonld-metadata.html")).expect("capture");
    assert_eq!(
        ws.sources().version(&sources[0].id, None).expect("v").text,
        captured.text
    );
}
