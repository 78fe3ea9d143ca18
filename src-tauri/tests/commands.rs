//! The commands as the window calls them: through Tauri's IPC (mock runtime),
//! on a real workspace file, with errors arriving as `{kind, message}`.

mod support;

use serde_json::{Value, json};
use support::{Harness, fixture_page_path, invoke};

#[test]
fn without_a_workspace_commands_say_to_open_one() {
    let h = Harness::new();
    let err = h
        .call(
            "claim_list",
            json!({ "filter": { "text": null, "verdict": null, "tag": null, "sort": "updated" } }),
        )
        .expect_err("nothing is open");
    assert_eq!(err["kind"], "no_workspace");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("File menu")
    );
}

#[test]
fn a_claim_gets_a_verdict_and_its_history_records_it() {
    let h = Harness::new();
    h.create_workspace();
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "The ferry deadline was Friday", "tags": ["ferry"] } }),
        )
        .expect("claim added");
    let id = claim["id"].as_str().expect("id").to_string();
    h.call(
        "claim_set_verdict",
        json!({ "id": id, "verdict": "false", "rationale": "the operator dropped it", "note": null }),
    )
    .expect("verdict set");
    let detail = h.call("claim_detail", json!({ "id": id })).expect("detail");
    assert_eq!(detail["claim"]["verdict"], "false");
    assert_eq!(detail["claim"]["rationale"], "the operator dropped it");
    let history = h
        .call("claim_history", json!({ "id": id }))
        .expect("history");
    let fields: Vec<&str> = history
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|e| e["field"].as_str())
        .collect();
    assert!(
        fields.contains(&"verdict"),
        "history has no verdict change: {fields:?}"
    );
}

#[test]
fn a_verdict_off_the_scale_is_refused_and_nothing_changes() {
    let h = Harness::new();
    h.create_workspace();
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "Talks resumed", "tags": [] } }),
        )
        .expect("added");
    let id = claim["id"].as_str().expect("id").to_string();
    let err = h
        .call(
            "claim_set_verdict",
            json!({ "id": id, "verdict": "pants_on_fire", "rationale": null, "note": null }),
        )
        .expect_err("not on the scale");
    assert_eq!(err["kind"], "invalid");
    let detail = h.call("claim_detail", json!({ "id": id })).expect("detail");
    assert_eq!(detail["claim"]["verdict"], "unverified");
}

/// A claim and a pasted source with `text`; returns (claim id, source id).
fn claim_and_source(h: &Harness, text: &str) -> (Value, String) {
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "The deadline stood", "tags": [] } }),
        )
        .expect("added");
    let source = add_text(h, "Talks collapse", "Northern Ledger", text);
    (claim["id"].clone(), source)
}

/// Links the code points `start..end` of version 1 the way the reader does.
fn link_at(h: &Harness, claim: &Value, source: &str, start: u32, end: u32) -> Result<Value, Value> {
    h.call(
        "evidence_add",
        json!({ "evidence": {
            "claim": claim,
            "passage": { "source": source, "version": 1, "start": start, "end": end, "stance": "disputes" },
            "note": null
        } }),
    )
}

fn code_points(s: &str) -> u32 {
    u32::try_from(s.chars().count()).expect("short text")
}

#[test]
fn a_selected_passage_is_linked_by_its_position() {
    let h = Harness::new();
    h.create_workspace();
    let text = "The operator backed down from that deadline on Thursday.";
    let (claim, source) = claim_and_source(&h, text);
    let view = link_at(&h, &claim, &source, 13, 43).expect("evidence added");
    assert_eq!(view["evidence"]["exact"], "backed down from that deadline");
    assert_eq!(view["evidence"]["start"], 13);
    assert_eq!(view["evidence"]["stance"], "disputes");
}

#[test]
fn the_second_occurrence_selected_after_non_ascii_text_is_the_one_linked() {
    let h = Harness::new();
    h.create_workspace();
    // Before the selection: "«Kyiv» — " is 9 code points but 13 bytes and,
    // with the emoji, more UTF-16 units than code points. The first "said no"
    // breaks across a line, so an exact-match count finds only the second.
    let before = "«Kyiv» — 🇺🇦 officials said\nno. Later the envoy ";
    let text = format!("{before}said no. Then silence.");
    let (claim, source) = claim_and_source(&h, &text);
    let start = code_points(before);
    let view = link_at(&h, &claim, &source, start, start + 7).expect("evidence added");
    let e = &view["evidence"];
    assert_eq!(e["exact"], "said no");
    assert_eq!(e["start"], start, "the selected occurrence, in code points");
    assert_eq!(e["end"], start + 7);
    assert!(
        e["prefix"]
            .as_str()
            .unwrap_or_default()
            .ends_with("Later the envoy "),
        "the context is the second occurrence's: {e}"
    );
    assert_eq!(e["suffix"], ". Then silence.");
}

#[test]
fn white_space_at_the_edges_of_a_selection_is_left_out() {
    let h = Harness::new();
    h.create_workspace();
    let (claim, source) = claim_and_source(&h, "Talks ended.  The ferry sailed.");
    let view = link_at(&h, &claim, &source, 12, 31).expect("evidence added");
    assert_eq!(view["evidence"]["exact"], "The ferry sailed.");
    assert_eq!(view["evidence"]["start"], 14);
}

#[test]
fn a_selection_off_the_text_is_refused_and_nothing_is_linked() {
    let h = Harness::new();
    h.create_workspace();
    let (claim, source) = claim_and_source(&h, "Talks ended.  The ferry sailed.");
    let past_end = link_at(&h, &claim, &source, 20, 40).expect_err("past the end");
    assert_eq!(past_end["kind"], "invalid");
    assert_eq!(
        past_end["message"],
        "the passage 20..40 is not inside version 1 of the source, which has 31 characters"
    );
    let backwards = link_at(&h, &claim, &source, 9, 3).expect_err("end before start");
    assert_eq!(backwards["kind"], "invalid");
    let blank = link_at(&h, &claim, &source, 12, 14).expect_err("only spaces");
    assert_eq!(
        blank["message"],
        "the passage is blank; select the words to link"
    );
    let missing = h
        .call(
            "evidence_add",
            json!({ "evidence": {
                "claim": claim,
                "passage": { "source": source, "version": 2, "start": 0, "end": 5, "stance": "supports" },
                "note": null
            } }),
        )
        .expect_err("no version 2");
    assert_eq!(missing["kind"], "not_found");
    let detail = h
        .call("claim_detail", json!({ "id": claim }))
        .expect("detail");
    assert_eq!(detail["evidence"], json!([]), "nothing was linked");
    let history = h
        .call("claim_history", json!({ "id": claim }))
        .expect("history");
    assert_eq!(
        history.as_array().map(Vec::len),
        Some(1),
        "only its creation: {history}"
    );
}

#[test]
fn opening_a_file_that_is_not_a_workspace_is_a_clear_error() {
    let h = Harness::new();
    let path = h.dir.path().join("notes.txt");
    std::fs::write(&path, "just some notes").expect("written");
    let err = h
        .call(
            "workspace_open",
            json!({ "path": path.display().to_string() }),
        )
        .expect_err("not a workspace");
    assert_eq!(err["kind"], "not_a_workspace");
    let status = h.call("workspace_status", json!({})).expect("status");
    assert_eq!(status["path"], Value::Null);
}

#[test]
fn a_source_file_that_is_not_utf8_is_refused() {
    let h = Harness::new();
    h.create_workspace();
    let path = h.dir.path().join("latin1.txt");
    std::fs::write(&path, [0x63, 0x61, 0x66, 0xe9]).expect("written");
    let err = h
        .call(
            "add_source_from_file",
            json!({ "path": path.display().to_string() }),
        )
        .expect_err("not UTF-8");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("not UTF-8"),
        "{err}"
    );
    assert!(
        h.call("source_list", json!({}))
            .expect("list")
            .as_array()
            .expect("list")
            .is_empty()
    );
}

#[test]
fn the_sample_fills_an_empty_workspace() {
    let h = Harness::new();
    h.create_workspace();
    let summary = h.call("workspace_fill_sample", json!({})).expect("sample");
    assert!(summary["claims"].as_u64().unwrap_or(0) > 0);
    let claims = h
        .call(
            "claim_list",
            json!({ "filter": { "text": null, "verdict": null, "tag": null, "sort": "updated" } }),
        )
        .expect("list");
    assert_eq!(
        claims.as_array().map(Vec::len),
        summary["claims"].as_u64().map(|n| n as usize)
    );
}

/// Sample workspace open, with the first claim's statement and verdict label.
fn sample_claim(h: &Harness) -> (String, String, String) {
    h.create_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let claims = h
        .call(
            "claim_list",
            json!({ "filter": { "text": null, "verdict": null, "tag": null, "sort": "updated" } }),
        )
        .expect("list");
    let claim = claims
        .as_array()
        .and_then(|c| c.iter().find(|c| c["verdict"].is_string()))
        .cloned()
        .expect("the sample has a claim with a verdict");
    let id = claim["id"].as_str().expect("id").to_owned();
    let statement = claim["statement"].as_str().expect("statement").to_owned();
    (
        id,
        statement,
        claims.as_array().map(Vec::len).unwrap_or(0).to_string(),
    )
}

#[test]
fn the_format_menu_lists_every_format_with_its_extension() {
    let h = Harness::new();
    let formats = h.call("report_formats", json!({})).expect("formats");
    let pairs: Vec<(String, String)> = formats
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| {
            (
                f["format"].as_str().unwrap_or_default().to_owned(),
                f["extension"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("markdown", "md"),
            ("html", "html"),
            ("csv", "csv"),
            ("json", "json"),
            ("claimreview", "jsonld")
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert_eq!(formats[4]["label"], "ClaimReview JSON-LD");
}

#[test]
fn a_markdown_preview_of_the_sample_shows_its_claims() {
    let h = Harness::new();
    let (_, statement, count) = sample_claim(&h);
    let report = h
        .call(
            "preview_report",
            json!({ "request": { "format": "markdown", "selection": { "tag": null, "verdict": null, "claims": [] } } }),
        )
        .expect("preview");
    assert!(
        report["content"]
            .as_str()
            .unwrap_or_default()
            .contains(&statement)
    );
    assert_eq!(report["claim_count"].to_string(), count);
    assert_eq!(report["file_name"], "claimdesk-report.md");
}

#[test]
fn a_selection_matching_nothing_is_a_readable_error() {
    let h = Harness::new();
    sample_claim(&h);
    let err = h
        .call(
            "preview_report",
            json!({ "request": { "format": "csv", "selection": { "tag": "no-such-tag", "verdict": null, "claims": [] } } }),
        )
        .expect_err("nothing matches");
    assert_eq!(err["kind"], "not_found");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("no-such-tag")
    );
}

#[test]
fn claimreview_without_a_base_url_says_which_setting_to_add() {
    let h = Harness::new();
    sample_claim(&h);
    let err = h
        .call(
            "preview_report",
            json!({ "request": { "format": "claimreview", "selection": { "tag": null, "verdict": null, "claims": [] } } }),
        )
        .expect_err("no base URL set");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("report_base_url")
    );
}

#[test]
fn save_writes_the_report_of_the_selected_claim() {
    let h = Harness::new();
    let (id, statement, _) = sample_claim(&h);
    let path = h.dir.path().join("one.html");
    h.call(
        "save_report",
        json!({
            "request": { "format": "html", "selection": { "tag": null, "verdict": null, "claims": [id] } },
            "path": path.display().to_string(),
        }),
    )
    .expect("saved");
    let html = std::fs::read_to_string(&path).expect("the file exists");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    // HTML escapes apostrophes and quotes; compare on the statement's first word run.
    let words: String = statement
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == ' ')
        .collect();
    assert!(
        html.contains(words.trim()),
        "the saved file holds {words:?}"
    );
}

#[test]
fn save_into_a_missing_folder_fails_and_writes_nothing() {
    let h = Harness::new();
    sample_claim(&h);
    let path = h.dir.path().join("no-such-folder/report.md");
    let err = h
        .call(
            "save_report",
            json!({
                "request": { "format": "markdown", "selection": { "tag": null, "verdict": null, "claims": [] } },
                "path": path.display().to_string(),
            }),
        )
        .expect_err("the folder is missing");
    assert_eq!(err["kind"], "io");
    assert!(!path.exists());
}

#[test]
fn save_refuses_the_open_workspace_and_other_sqlite_files_and_leaves_them_whole() {
    let h = Harness::new();
    sample_claim(&h);
    let open = h.dir.path().join("desk.sqlite");
    let other = h.dir.path().join("other.sqlite");
    drop(claimdesk_core::Workspace::create(&other).expect("another workspace"));
    for (path, says) in [
        (&open, "is the workspace in use"),
        (&other, "holds an SQLite database"),
    ] {
        let before = std::fs::read(path).expect("read");
        let err = h
            .call(
                "save_report",
                json!({
                    "request": { "format": "markdown", "selection": { "tag": null, "verdict": null, "claims": [] } },
                    "path": path.display().to_string(),
                }),
            )
            .expect_err("refused");
        assert_eq!(err["kind"], "conflict");
        let message = err["message"].as_str().unwrap_or_default();
        assert!(message.contains(says), "{message}");
        assert!(
            !message.contains("--force"),
            "the window has no such flag: {message}"
        );
        assert_eq!(std::fs::read(path).expect("read"), before, "left as it was");
    }
    let claims = h
        .call(
            "claim_list",
            json!({ "filter": { "text": null, "verdict": null, "tag": null, "sort": "updated" } }),
        )
        .expect("the workspace still works");
    assert!(!claims.as_array().expect("list").is_empty());
}

#[test]
fn an_html_file_becomes_a_source_with_its_title_and_outlet() {
    let h = Harness::new();
    h.create_workspace();
    let added = h
        .call(
            "add_source_from_file",
            json!({ "path": fixture_page_path("news-with-clutter.html") }),
        )
        .expect("the page is captured");
    let source = &added["added"]["source"];
    assert_eq!(
        source["title"],
        "Ferry fares to rise by 12% from January, council confirms"
    );
    assert_eq!(source["outlet"], "The Harbour Gazette");
    let id = source["id"].as_str().expect("id");
    let version = h
        .call("source_version", json!({ "id": id, "number": null }))
        .expect("the text is stored");
    let text = version["text"].as_str().unwrap_or_default();
    assert!(text.contains("12%"), "the article text is kept: {text}");
}

#[test]
fn a_binary_file_is_a_readable_error_and_adds_nothing() {
    let h = Harness::new();
    h.create_workspace();
    let path = h.dir.path().join("photo.html");
    std::fs::write(
        &path,
        [0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1],
    )
    .expect("write");
    let err = h
        .call(
            "add_source_from_file",
            json!({ "path": path.display().to_string() }),
        )
        .expect_err("binary data is not an article");
    assert_eq!(err["kind"], "invalid");
    assert!(!err["message"].as_str().unwrap_or_default().is_empty());
    let list = h.call("source_list", json!({})).expect("list");
    assert_eq!(list.as_array().map(Vec::len), Some(0));
}

/// Serves `body` as HTML to every request on a loopback port; returns its URL.
fn serve_html(body: String) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback port");
    let addr = listener.local_addr().expect("address");
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://{addr}/news/ferry-fares")
}

#[test]
fn a_url_is_fetched_off_the_async_runtime_and_becomes_a_source() {
    let h = Harness::new();
    h.create_workspace();
    let page = support::fixture_page("news-with-clutter.html");
    let url = serve_html(page);
    let added = h
        .call("add_source_from_url", json!({ "url": url }))
        .expect("the page is fetched");
    assert_eq!(
        added["added"]["source"]["title"],
        "Ferry fares to rise by 12% from January, council confirms"
    );
}

#[test]
fn the_workspace_answers_while_a_slow_page_is_fetched() {
    use std::io::{Read, Write};
    use std::sync::mpsc;
    use std::time::Duration;
    let h = Harness::new();
    h.create_workspace();
    let page = support::fixture_page("news-with-clutter.html");
    // A server that answers only once the test lets it.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("loopback port");
    let url = format!(
        "http://{}/news/slow",
        listener.local_addr().expect("address")
    );
    let (arrived_tx, arrived) = mpsc::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        if let Some(mut stream) = listener.incoming().flatten().next() {
            let mut buf = [0u8; 4096];
            let _ = stream.read(&mut buf);
            let _ = arrived_tx.send(());
            let _ = release_rx.recv();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                page.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(page.as_bytes());
        }
    });
    std::thread::scope(|scope| {
        let window = &h.window;
        let fetch = scope.spawn(|| invoke(window, "add_source_from_url", json!({ "url": url })));
        arrived
            .recv_timeout(Duration::from_secs(30))
            .expect("the fetch reaches the server");
        // While the page is still on its way, listing sources must not wait
        // for it. The bound only turns a hang into a failure.
        let (listed_tx, listed) = mpsc::channel();
        scope.spawn(move || {
            let _ = listed_tx.send(invoke(window, "source_list", json!({})));
        });
        let answer = listed.recv_timeout(Duration::from_secs(30));
        release.send(()).expect("the server is waiting");
        let list = answer
            .expect("the source list answered during the fetch")
            .expect("list");
        assert_eq!(list.as_array().map(Vec::len), Some(0));
        let added = fetch
            .join()
            .expect("the fetch thread")
            .expect("the page is stored once it arrives");
        assert_eq!(added["added"]["outcome"], "new_source");
    });
}

#[test]
fn a_url_that_is_not_http_is_a_readable_error() {
    let h = Harness::new();
    h.create_workspace();
    let err = h
        .call(
            "add_source_from_url",
            json!({ "url": "file:///etc/passwd" }),
        )
        .expect_err("only web pages are fetched");
    assert_eq!(err["kind"], "invalid");
    assert!(!err["message"].as_str().unwrap_or_default().is_empty());
}

fn add_text(h: &Harness, title: &str, outlet: &str, text: &str) -> String {
    let added = h
        .call(
            "source_add",
            json!({ "source": { "title": title, "outlet": outlet, "authors": [], "text": text } }),
        )
        .expect("source added");
    added["source"]["id"].as_str().expect("id").to_string()
}

#[test]
fn two_outlets_compare_and_a_difference_becomes_a_claim_with_two_passages() {
    let h = Harness::new();
    h.create_workspace();
    let ledger = add_text(
        &h,
        "Talks",
        "Ledger",
        "Café talks in Harwick lasted five hours on Sunday. Mercer left early.",
    );
    let wire = add_text(
        &h,
        "Talks end",
        "Wire",
        "Mercer left early. The café talks in Harwick lasted four hours on Sunday.",
    );
    let pivot = json!({ "source": ledger, "version": null });
    let others = json!([{ "source": wire, "version": null }]);
    let m = h
        .call(
            "compare_outlets",
            json!({ "pivot": pivot, "others": others }),
        )
        .expect("compared");
    let view = &m["outlets"][0];
    assert_eq!(view["right"]["outlet"], "Wire");
    let pairs = view["pairs"].as_array().expect("pairs");
    let hours = pairs
        .iter()
        .find(|p| p["left"]["index"] == 0)
        .expect("the hours pair");
    assert_eq!(
        hours["differences"][0],
        json!({ "kind": "number", "left": "five hours", "right": "four hours" })
    );
    assert_eq!(hours["right"]["start"], 19, "bytes");
    assert_eq!(hours["right"]["cp_start"], 19, "code points: é comes later");
    assert_eq!(hours["left"]["end"], 51);
    assert_eq!(
        hours["left"]["cp_end"], 50,
        "é is two bytes, one code point"
    );

    let draft = h
        .call(
            "compare_claim_draft",
            json!({ "request": {
                "left": view["left"], "left_sentence": hours["left"]["text"],
                "right": view["right"], "right_sentence": hours["right"]["text"],
                "difference": hours["differences"][0]
            } }),
        )
        .expect("drafted");
    assert_eq!(draft["statement"], hours["left"]["text"]);
    assert_eq!(draft["right_stance"], "disputes");

    let pick = |side: &Value, source: &str, stance: &str| json!({ "source": source, "version": 1, "start": side["cp_start"], "end": side["cp_end"], "stance": stance });
    let detail = h
        .call(
            "claim_from_difference",
            json!({ "request": {
                "claim": { "statement": draft["statement"], "notes": draft["notes"], "tags": [] },
                "left": pick(&hours["left"], &ledger, "supports"),
                "right": pick(&hours["right"], &wire, "disputes")
            } }),
        )
        .expect("claim created");
    let evidence = detail["evidence"].as_array().expect("evidence");
    assert_eq!(evidence.len(), 2);
    assert_eq!(evidence[0]["evidence"]["exact"], hours["left"]["text"]);
    assert_eq!(evidence[1]["evidence"]["exact"], hours["right"]["text"]);

    let err = h
        .call(
            "claim_from_difference",
            json!({ "request": {
                "claim": { "statement": "Out of range", "tags": [] },
                "left": { "source": ledger, "version": 1, "start": 60, "end": 500, "stance": "supports" },
                "right": pick(&hours["right"], &wire, "disputes")
            } }),
        )
        .expect_err("offsets past the end");
    assert_eq!(err["kind"], "invalid");
    let claims = h
        .call(
            "claim_list",
            json!({ "filter": { "text": "Out of range", "verdict": null, "tag": null, "sort": "updated" } }),
        )
        .expect("list");
    assert_eq!(claims.as_array().map(Vec::len), Some(0), "nothing written");
}

#[test]
fn versions_of_a_source_compare_first_against_latest() {
    let h = Harness::new();
    h.create_workspace();
    let source = |text: &str| {
        h.call(
            "source_add",
            json!({ "source": {
                "title": "Budget", "authors": [], "canonical_url": "https://ledger.example/budget",
                "text": text
            } }),
        )
        .expect("added")["source"]["id"]
            .as_str()
            .expect("id")
            .to_string()
    };
    let id = source("The works cost $18 million. Rain fell.");
    assert_eq!(
        source("The works cost $24 million. Rain fell. Roads closed."),
        id
    );
    let v = h
        .call(
            "compare_source_versions",
            json!({ "source": id, "older": null, "newer": null }),
        )
        .expect("compared");
    assert_eq!(
        (v["left"]["version"].clone(), v["right"]["version"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(
        v["versions"],
        json!({ "unchanged": 1, "reworded": 1, "removed": 0, "added": 1 })
    );
    let err = h
        .call(
            "compare_source_versions",
            json!({ "source": id, "older": 1, "newer": 7 }),
        )
        .expect_err("no version 7");
    assert_eq!(err["kind"], "not_found");
}

#[test]
fn settings_save_together_and_a_bad_url_changes_nothing() {
    let h = Harness::new();
    h.create_workspace();
    let err = h
        .call(
            "settings_save",
            json!({ "settings": { "user": "Ana", "publisher": "Quay Checks", "report_base_url": "checks.example" } }),
        )
        .expect_err("a base URL without http(s) is refused");
    assert_eq!(err["kind"], "invalid");
    let kept = h.call("settings_get", json!({})).expect("get");
    assert_eq!(kept["publisher"], Value::Null, "nothing was written");

    let saved = h
        .call(
            "settings_save",
            json!({ "settings": { "user": "Ana Reyes", "publisher": "Quay Checks", "report_base_url": "https://checks.example/r" } }),
        )
        .expect("saved");
    assert_eq!(saved["report_base_url"], "https://checks.example/r");
    // The new name is who the next change is recorded as.
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "Fares rise in January", "claimant": null, "claimed_on": null, "event_on": null, "notes": null, "tags": [], "verdict": null } }),
        )
        .expect("claim added");
    let history = h
        .call("claim_history", json!({ "id": claim["id"] }))
        .expect("history");
    assert_eq!(history[0]["actor"], "Ana Reyes");
    // ClaimReview export now has what it needs.
    let preview = h
        .call(
            "preview_report",
            json!({ "request": { "format": "claimreview", "selection": { "tag": null, "verdict": null, "claims": [] } } }),
        )
        .expect("ClaimReview renders");
    assert!(
        preview.to_string().contains("https://checks.example/r"),
        "{preview}"
    );
}

#[test]
fn the_quotes_view_groups_outlets_and_a_statement_becomes_a_claim_per_outlet() {
    let h = Harness::new();
    h.create_workspace();
    let ledger = add_text(
        &h,
        "Talks",
        "Ledger",
        "Kremlin aide Yury Ushakov spoke on Tuesday. “Definitely not further,” he replied.",
    );
    let wire = add_text(
        &h,
        "Talks end",
        "Wire",
        "“Certainly not further away,” Kremlin spokesman Dmitry Peskov said.",
    );
    let request = json!({ "sources": [ledger, wire], "published": null, "speaker": null });
    let found = h
        .call("quotes_list", json!({ "request": request }))
        .expect("quotes");
    assert_eq!(found["quotes"][0]["speaker"], "Yury Ushakov");
    assert_eq!(found["quotes"][1]["outlet"], "Wire");
    assert_eq!(
        found["groups"][0]["kinds"],
        json!(["reworded", "other_speaker"])
    );
    // The second outlet's wording as a word diff against the first.
    assert_eq!(
        found["groups"][0]["diffs"][1][0],
        json!({ "op": "delete", "text": "Definitely" })
    );
    assert_eq!(
        found["groups"][0]["diffs"][1][1],
        json!({ "op": "insert", "text": "Certainly" })
    );
    let draft = h
        .call(
            "quotes_claim_draft",
            json!({ "request": request, "group": 0 }),
        )
        .expect("draft");
    assert_eq!(
        draft["statement"],
        "Yury Ushakov said “Definitely not further”"
    );
    assert_eq!(draft["passages"][1]["stance"], "disputes");
    let detail = h
        .call(
            "claim_from_statement",
            json!({ "request": {
                "claim": { "statement": draft["statement"], "claimant": draft["claimant"], "tags": [] },
                "passages": draft["passages"]
            } }),
        )
        .expect("claim created");
    let exact: Vec<&str> = detail["evidence"]
        .as_array()
        .expect("evidence")
        .iter()
        .filter_map(|e| e["evidence"]["exact"].as_str())
        .collect();
    assert_eq!(
        exact,
        ["Definitely not further", "Certainly not further away"]
    );
    let err = h
        .call(
            "quotes_claim_draft",
            json!({ "request": request, "group": 9 }),
        )
        .expect_err("no such statement");
    assert_eq!(err["kind"], "invalid");
    let ranked = h
        .call(
            "source_checkworthy",
            json!({ "source": ledger, "limit": 5 }),
        )
        .expect("checkworthy");
    assert!(ranked.as_array().is_some());
}
