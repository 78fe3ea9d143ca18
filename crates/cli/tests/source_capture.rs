//! `claimdesk source add FILE`, `source fetch URL` and `source import`, run
//! as a user would, against fixture pages and a real HTTP server on loopback.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/pages")
        .join(name)
}

struct Desk {
    dir: tempfile::TempDir,
}

impl Desk {
    fn new() -> Self {
        let desk = Desk {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        desk.cmd(&["init"]).assert().success();
        desk
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("claimdesk").expect("binary");
        c.env_remove("CLAIMDESK_DB")
            .arg("--db")
            .arg(self.dir.path().join("desk.sqlite"))
            .args(args);
        c
    }

    fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd(args).arg("--json").output().expect("run");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("one JSON document")
    }
}

/// Serves `routes` (path → status, content type, body) on loopback until the test ends.
fn serve(routes: Vec<(&'static str, u16, &'static str, Vec<u8>)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map_or(true, |n| n == 0) || h.trim().is_empty() {
                    break;
                }
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, ct, body) = routes
                .iter()
                .find(|r| r.0 == path)
                .map(|r| (r.1, r.2, r.3.clone()))
                .unwrap_or((404, "text/html", b"<h1>Not found</h1>".to_vec()));
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {ct}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(&body));
        }
    });
    base
}

#[test]
fn add_an_html_page_fills_in_its_metadata() {
    let desk = Desk::new();
    let page = fixture("news-with-clutter.html");
    let added = desk.json(&[
        "source",
        "add",
        page.to_str().expect("path"),
        "--author",
        "I. Marlowe",
    ]);
    let source = &added["added"]["source"];
    assert_eq!(
        source["title"],
        "Ferry fares to rise by 12% from January, council confirms"
    );
    assert_eq!(source["outlet"], "The Harbour Gazette");
    assert_eq!(
        source["authors"],
        serde_json::json!(["I. Marlowe"]),
        "the user's correction wins"
    );
    assert_eq!(source["published_on"], "2026-11-18");
    let version = &added["added"]["version"];
    assert!(
        version["text"]
            .as_str()
            .expect("text")
            .starts_with("Single tickets on the island ferry")
    );
    assert!(
        !version["text"]
            .as_str()
            .expect("text")
            .contains("COMMENT-TEXT")
    );
    assert!(
        version["html"]
            .as_str()
            .expect("snapshot")
            .contains("comments-thread")
    );
}

#[test]
fn a_near_empty_page_is_added_with_a_warning() {
    let desk = Desk::new();
    let page = fixture("near-empty.html");
    desk.cmd(&["source", "add", page.to_str().expect("path")])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: extraction found only"));
}

#[test]
fn fetch_adds_a_page_then_reports_it_unchanged() {
    let page = std::fs::read(fixture("jsonld-metadata.html")).expect("fixture");
    let base = serve(vec![("/reservoir", 200, "text/html; charset=utf-8", page)]);
    let desk = Desk::new();
    let url = format!("{base}/reservoir");
    let first = desk.json(&["source", "fetch", &url]);
    assert_eq!(first["added"]["outcome"], "new_source");
    assert_eq!(
        first["added"]["source"]["authors"],
        serde_json::json!(["Rosa Quintela", "Dmitri Albescu"])
    );
    assert_eq!(first["added"]["version"]["final_url"], url.as_str());
    desk.cmd(&["source", "fetch", &url])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "unchanged: this text is already version 1",
        ));
}

#[test]
fn fetch_refuses_bad_urls_and_missing_pages_and_writes_nothing() {
    let base = serve(vec![]);
    let desk = Desk::new();
    desk.cmd(&["source", "fetch", "file:///etc/hosts"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::starts_with("error: ")
                .and(predicate::str::contains("only fetches http")),
        );
    desk.cmd(&["source", "fetch", &format!("{base}/gone")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("answered 404"));
    assert_eq!(desk.json(&["source", "list"]), serde_json::json!([]));
}

#[test]
fn import_goes_on_past_failures_and_ends_with_a_summary() {
    let desk = Desk::new();
    let folder = desk.dir.path().join("inbox");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::copy(fixture("news-with-clutter.html"), folder.join("ferry.html")).expect("copy");
    std::fs::copy(fixture("windows-1252.html"), folder.join("cafe.html")).expect("copy");
    std::fs::write(folder.join("broken.txt"), b"caf\xe9").expect("write");
    std::fs::write(folder.join("photo.png"), b"\x89PNG").expect("write");
    let path = folder.to_str().expect("path");

    desk.cmd(&["source", "import", path])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("failed: ")
                .and(predicate::str::contains("broken.txt"))
                .and(predicate::str::contains(
                    "2 added, 0 new versions, 0 unchanged, 1 failed, 1 skipped",
                ))
                .and(predicate::str::contains("error: 1 of 3 inputs failed")),
        );
    assert_eq!(
        desk.json(&["source", "list"])
            .as_array()
            .expect("array")
            .len(),
        2
    );

    std::fs::remove_file(folder.join("broken.txt")).expect("rm");
    desk.cmd(&["source", "import", path])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 added, 0 new versions, 2 unchanged, 0 failed",
        ));
}

#[test]
fn import_a_url_list() {
    let page = std::fs::read(fixture("news-with-clutter.html")).expect("fixture");
    let base = serve(vec![
        ("/ferry", 200, "text/html", page),
        ("/notes", 200, "text/plain", b"Call notes.".to_vec()),
    ]);
    let desk = Desk::new();
    let list = desk.dir.path().join("urls.txt");
    std::fs::write(&list, format!("# today\n{base}/ferry\n\n{base}/notes\n")).expect("write");
    let summary = desk.json(&["source", "import", list.to_str().expect("path")]);
    assert_eq!(
        summary["added"],
        serde_json::json!([format!("{base}/ferry"), format!("{base}/notes")])
    );
    assert_eq!(summary["failed"], serde_json::json!([]));
}
