//! Batch import and "Edit details…" as the window runs them: on a real
//! workspace file, with real files in a temporary folder and a real HTTP
//! server on loopback, asserting the summary and the progress the window is sent.

mod support;

use std::path::Path;
use std::sync::{Arc, Mutex};

use claimdesk_app::commands::import::{ImportFrom, import_sources};
use claimdesk_app::{AppState, CommandErrorKind};
use claimdesk_core::ingest::batch::{BatchSummary, Failure, Progress};
use serde_json::{Value, json};
use support::{Harness, fixture_page};
use tauri::Manager;
use tauri::ipc::Channel;
use tauri::test::MockRuntime;

const FARES_TITLE: &str = "Ferry fares to rise by 12% from January, council confirms";

/// What these tests do with the app beyond calling commands.
trait ImportHarness {
    fn import(
        &self,
        from: ImportFrom,
        on_event: impl Fn(&tauri::AppHandle<MockRuntime>, &Progress) + Send + Sync + 'static,
    ) -> (
        Result<BatchSummary, claimdesk_app::CommandError>,
        Vec<Progress>,
    );
    fn titles(&self) -> Vec<String>;
}

impl ImportHarness for Harness {
    /// Runs the import command with a channel that records every progress
    /// event; `on_event` runs on each, as the window's handler would.
    fn import(
        &self,
        from: ImportFrom,
        on_event: impl Fn(&tauri::AppHandle<MockRuntime>, &Progress) + Send + Sync + 'static,
    ) -> (
        Result<BatchSummary, claimdesk_app::CommandError>,
        Vec<Progress>,
    ) {
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&events);
        let handle = self.app.handle().clone();
        let channel = Channel::<Progress>::new(move |body| {
            let event: Progress = body.deserialize().expect("progress is JSON");
            on_event(&handle, &event);
            sink.lock().expect("events").push(event);
            Ok(())
        });
        let result = tauri::async_runtime::block_on(import_sources(
            self.app.state::<AppState>(),
            from,
            channel,
        ));
        let events = events.lock().expect("events").clone();
        (result, events)
    }

    fn titles(&self) -> Vec<String> {
        let list = self.call("source_list", json!({})).expect("list");
        list.as_array()
            .expect("a list")
            .iter()
            .map(|s| s["title"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

/// One event as (kind, index, file name, whether the item worked).
type EventShape = (String, Option<usize>, Option<String>, Option<bool>);

/// Each event as an [`EventShape`], for comparing sequences.
fn shape(events: &[Progress]) -> Vec<EventShape> {
    let name = |label: &str| {
        Path::new(label)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    events
        .iter()
        .map(|e| match e {
            Progress::Started { total } => (format!("started {total}"), None, None, None),
            Progress::ItemStarted { index, label } => {
                ("item_started".into(), Some(*index), Some(name(label)), None)
            }
            Progress::ItemFinished {
                index,
                label,
                imported,
                error,
            } => (
                "item_finished".into(),
                Some(*index),
                Some(name(label)),
                Some(imported.is_some() && error.is_none()),
            ),
            Progress::Finished { .. } => ("finished".into(), None, None, None),
        })
        .collect()
}

fn ev(kind: &str, index: usize, name: &str, ok: Option<bool>) -> EventShape {
    (kind.into(), Some(index), Some(name.into()), ok)
}

#[test]
fn a_folder_imports_past_a_binary_and_a_malformed_file_and_says_why_they_failed() {
    let h = Harness::with_workspace();
    let folder = h.dir.path().join("clippings");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(
        folder.join("fares.html"),
        fixture_page("news-with-clutter.html"),
    )
    .expect("write");
    std::fs::write(
        folder.join("photo.html"),
        [0x89, b'P', b'N', b'G', 0, 0, 0x0d, 0xff, 0xfe, 0, 1],
    )
    .expect("write");
    std::fs::write(
        folder.join("broken.html"),
        "<html><body><div><p><span></div></b></i></article>",
    )
    .expect("write");
    std::fs::write(folder.join("minutes.docx"), "not read").expect("write");

    let (result, events) = h.import(ImportFrom::Folder(folder.display().to_string()), |_, _| {});
    let summary = result.expect("the batch runs to the end");

    assert_eq!(summary.added.len(), 1);
    assert!(summary.added[0].ends_with("fares.html"));
    let failed: Vec<(&str, &str)> = summary
        .failed
        .iter()
        .map(|Failure { input, reason }| {
            (
                Path::new(input)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default(),
                reason.as_str(),
            )
        })
        .collect();
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert_eq!(failed[0].0, "broken.html");
    assert!(failed[0].1.contains("no text found"), "{}", failed[0].1);
    assert_eq!(failed[1].0, "photo.html");
    assert!(!failed[1].1.is_empty());
    assert_eq!(summary.skipped.len(), 1);
    assert!(summary.skipped[0].ends_with("minutes.docx"));
    assert!(summary.not_tried.is_empty());

    assert_eq!(
        shape(&events),
        [
            ("started 3".into(), None, None, None),
            ev("item_started", 0, "broken.html", None),
            ev("item_finished", 0, "broken.html", Some(false)),
            ev("item_started", 1, "fares.html", None),
            ev("item_finished", 1, "fares.html", Some(true)),
            ev("item_started", 2, "photo.html", None),
            ev("item_finished", 2, "photo.html", Some(false)),
            ("finished".into(), None, None, None),
        ]
    );
    assert_eq!(
        events.last(),
        Some(&Progress::Finished { summary }),
        "the last event carries the same summary the command returns"
    );
    assert_eq!(h.titles(), [FARES_TITLE], "only the good file was stored");
}

/// Serves two pages and a 404 on loopback; returns the base URL.
fn serve_site() -> String {
    use std::io::{Read, Write};
    let fares = fixture_page("news-with-clutter.html");
    let statement = fixture_page("jsonld-metadata.html");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback port");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let (status, body) = match path {
                "/news/ferry-fares" => ("200 OK", fares.as_str()),
                "/news/statement" => ("200 OK", statement.as_str()),
                _ => (
                    "404 Not Found",
                    "<html><body><p>No such page.</p></body></html>",
                ),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://{addr}")
}

#[test]
fn a_url_list_imports_past_a_404_and_a_second_run_finds_nothing_new() {
    let h = Harness::with_workspace();
    let base = serve_site();
    let list = h.dir.path().join("morning.txt");
    std::fs::write(
        &list,
        format!("# morning reading\n{base}/news/ferry-fares\n\n{base}/news/gone\n{base}/news/statement\n"),
    )
    .expect("write");

    let (result, events) = h.import(
        ImportFrom::UrlListFile(list.display().to_string()),
        |_, _| {},
    );
    let summary = result.expect("the batch runs");
    assert_eq!(
        summary.added,
        [
            format!("{base}/news/ferry-fares"),
            format!("{base}/news/statement")
        ]
    );
    assert_eq!(summary.failed.len(), 1);
    assert_eq!(summary.failed[0].input, format!("{base}/news/gone"));
    assert!(
        summary.failed[0].reason.contains("404"),
        "{}",
        summary.failed[0].reason
    );
    let finished: Vec<bool> = events
        .iter()
        .filter_map(|e| match e {
            Progress::ItemFinished { error, .. } => Some(error.is_none()),
            _ => None,
        })
        .collect();
    assert_eq!(
        finished,
        [true, false, true],
        "each URL reports, in list order"
    );
    assert_eq!(h.titles().len(), 2);

    // The same URLs pasted into the window: both pages are already stored.
    let pasted = format!("{base}/news/ferry-fares\n{base}/news/statement\n");
    let (again, _) = h.import(ImportFrom::PastedUrls(pasted), |_, _| {});
    let again = again.expect("the batch runs");
    assert_eq!(again.unchanged.len(), 2);
    assert!(again.added.is_empty() && again.failed.is_empty());
    assert_eq!(h.titles().len(), 2, "nothing was stored twice");
}

#[test]
fn stopping_keeps_what_was_imported_and_lists_the_rest() {
    let h = Harness::with_workspace();
    let folder = h.dir.path().join("notes");
    std::fs::create_dir(&folder).expect("folder");
    for (name, text) in [
        (
            "a.md",
            "Harbour board minutes\n\nThe board met at nine and adjourned at ten.",
        ),
        (
            "b.md",
            "Union statement\n\nThe union said the ferry timetable was unsafe.",
        ),
        (
            "c.md",
            "Council reply\n\nThe council said the timetable met every rule.",
        ),
    ] {
        std::fs::write(folder.join(name), text).expect("write");
    }
    // The user presses Stop while the first file is being imported.
    let (result, events) = h.import(
        ImportFrom::Folder(folder.display().to_string()),
        |app, e| {
            if matches!(e, Progress::ItemStarted { index: 0, .. }) {
                assert!(
                    app.state::<AppState>().stop_import(),
                    "an import is running"
                );
            }
        },
    );
    let summary = result.expect("a stopped batch still returns its summary");
    assert_eq!(summary.added.len(), 1);
    assert_eq!(summary.not_tried.len(), 2);
    assert!(summary.not_tried[0].ends_with("b.md"));
    assert!(matches!(events.last(), Some(Progress::Finished { .. })));
    assert_eq!(h.titles(), ["Harbour board minutes"]);

    // The slot is free again: the next import runs to the end.
    let (next, _) = h.import(ImportFrom::Folder(folder.display().to_string()), |_, _| {});
    let next = next.expect("runs");
    assert_eq!((next.unchanged.len(), next.added.len()), (1, 2));
    assert!(!h.app.state::<AppState>().stop_import(), "nothing runs now");
}

#[test]
fn an_empty_url_paste_is_refused_before_anything_runs() {
    let h = Harness::with_workspace();
    let (result, events) = h.import(
        ImportFrom::PastedUrls("\n  \n# only a comment\n".into()),
        |_, _| {},
    );
    let err = result.expect_err("nothing to import");
    assert_eq!(err.kind, CommandErrorKind::Invalid);
    assert!(err.message.contains("paste at least one URL"));
    assert!(events.is_empty());
}

#[test]
fn edited_details_show_in_the_list_and_bad_input_changes_nothing() {
    let h = Harness::with_workspace();
    let added = h
        .call(
            "source_add",
            json!({ "source": {
                "title": "Ferry talks stal", "outlet": null, "authors": [], "url": null,
                "canonical_url": null, "published_on": null, "modified_on": null,
                "language": null, "text": "The harbour board met the union and agreed on nothing.",
                "html": null, "final_url": null } }),
        )
        .expect("added");
    let id = added["source"]["id"].as_str().expect("id").to_string();
    let details = |published: &str, url: &str| {
        json!({ "id": id, "details": {
            "title": "Ferry talks stall", "outlet": "Harbour Gazette", "authors": ["Mira Holm"],
            "published_on": published, "modified_on": null, "canonical_url": url, "language": "en" } })
    };

    let err = h
        .call("source_edit_details", details("2026-13-02", ""))
        .expect_err("month 13");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("YYYY-MM-DD"),
        "{err}"
    );
    let err = h
        .call(
            "source_edit_details",
            details("2026-03-02", "gazette.example/ferry"),
        )
        .expect_err("not a web address");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("canonical URL"),
        "{err}"
    );
    assert_eq!(
        h.titles(),
        ["Ferry talks stal"],
        "a refused edit changes nothing"
    );

    let saved = h
        .call(
            "source_edit_details",
            details("2026-03-02", "https://gazette.example/ferry"),
        )
        .expect("saved");
    assert_eq!(saved["source"]["title"], "Ferry talks stall");
    let list = h.call("source_list", json!({})).expect("list");
    assert_eq!(list[0]["title"], "Ferry talks stall");
    assert_eq!(list[0]["outlet"], "Harbour Gazette");
    assert_eq!(list[0]["published_on"], "2026-03-02");
    assert_eq!(list[0]["authors"], json!(["Mira Holm"]));
}

#[test]
fn undoing_saved_details_puts_back_every_field_even_the_empty_ones() {
    let h = Harness::with_workspace();
    // Pasted text: no authors, published date or URL were found.
    let added = h
        .call(
            "source_add",
            json!({ "source": {
                "title": "Ferry talks stal", "outlet": "Harbour Gazette", "authors": [], "url": null,
                "canonical_url": null, "published_on": null, "modified_on": "2026-03-01",
                "language": "en", "text": "The harbour board met the union and agreed on nothing.",
                "html": null, "final_url": null } }),
        )
        .expect("added");
    let id = added["source"]["id"].as_str().expect("id").to_string();
    let before = h.call("source_list", json!({})).expect("list")[0].clone();

    let saved = h
        .call(
            "source_edit_details",
            json!({ "id": id, "details": {
                "title": "Ferry talks stall", "outlet": "The Harbour Gazette",
                "authors": ["Mira Holm", "Ole Brandt"], "published_on": "2026-03-02",
                "modified_on": "2026-03-04", "canonical_url": "https://gazette.example/ferry",
                "language": "en-GB" } }),
        )
        .expect("saved");
    let previous = saved["previous"].clone();
    assert_eq!(previous["published_on"], Value::Null);
    assert_eq!(previous["authors"], json!([]));
    assert_eq!(
        h.call("source_list", json!({})).expect("list")[0]["authors"],
        json!(["Mira Holm", "Ole Brandt"]),
        "the edit was saved before it is undone"
    );

    let restored = h
        .call(
            "source_restore_details",
            json!({ "id": id, "previous": previous, "saved": saved["saved"] }),
        )
        .expect("undone");
    assert_eq!(restored, before, "the answer is the source as it was");
    let after = h.call("source_list", json!({})).expect("list")[0].clone();
    assert_eq!(after, before, "every field is back as it was");
    assert_eq!(
        after["published_on"],
        Value::Null,
        "the date is empty again"
    );
    assert_eq!(after["authors"], json!([]), "no authors again");
    assert_eq!(
        after["canonical_url"],
        Value::Null,
        "no canonical URL again"
    );

    // The undo is in the workspace file, not only in the open workspace.
    let path = h.dir.path().join("desk.sqlite").display().to_string();
    h.call("workspace_open", json!({ "path": path }))
        .expect("reopened");
    let reopened = h.call("source_list", json!({})).expect("list")[0].clone();
    assert_eq!(reopened, before);
}
