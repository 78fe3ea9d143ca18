//! The flags no other CLI test passes, each with what a user would see.
//! `cargo test -p claimdesk --bin claimdesk flag_coverage` checks that every
//! flag of every subcommand is passed by some CLI test.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

use common::Desk;
use serde_json::{Value, json};

const ARTICLE: &str = "Ferry fares rise\n\nThe operator raised fares on Monday. Critics said the rise was steep. \
The council said the rise was lawful.\n";

/// Serves `body` as plain text at every path on loopback until the test ends.
fn serve_text(body: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let Ok(clone) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(clone);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line.trim() != "" {
                line.clear();
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream
                .write_all(head.as_bytes())
                .and_then(|_| stream.write_all(body.as_bytes()));
        }
    });
    base
}

#[test]
fn user_names_who_made_the_change_in_history() {
    let desk = Desk::new();
    let id = desk.ok(&[
        "--user",
        "Ana Reyes",
        "claim",
        "add",
        "The fare rose by a fifth",
    ]);
    let history = desk.json(&["claim", "history", &id]);
    assert_eq!(history[0]["actor"], "Ana Reyes");
}

#[test]
fn claim_add_takes_notes_and_a_starting_verdict() {
    let desk = Desk::new();
    let c = desk.json(&[
        "claim",
        "add",
        "The fare rose by a fifth",
        "--notes",
        "Seen on the operator's site",
        "--verdict",
        "in review",
    ]);
    assert_eq!(c["notes"], "Seen on the operator's site");
    assert_eq!(c["verdict"], "in_review");
}

#[test]
fn claim_tag_removes_tags_with_a_note() {
    let desk = Desk::new();
    let id = desk.ok(&["claim", "add", "The fare rose", "--tag", "fares,ferry"]);
    let c = desk.json(&[
        "claim", "tag", &id, "harbour", "--remove", "ferry", "--note", "retagged",
    ]);
    assert_eq!(c["tags"], json!(["fares", "harbour"]));
    let history = desk.ok(&["claim", "history", &id]);
    assert!(history.contains("(retagged)"), "{history}");
}

#[test]
fn source_fetch_takes_every_detail_and_a_timeout() {
    let base = serve_text(ARTICLE);
    let desk = Desk::new();
    let page = format!("{base}/fares");
    let added = desk.json(&[
        "source",
        "fetch",
        &page,
        "--timeout",
        "5",
        "--title",
        "Fares rise",
        "--outlet",
        "Quay Gazette",
        "--author",
        "Ana Reyes",
        "--url",
        "https://gazette.example/fares",
        "--published",
        "2025-11-03",
        "--language",
        "en",
    ]);
    let s = &added["added"]["source"];
    assert_eq!(s["title"], "Fares rise");
    assert_eq!(s["outlet"], "Quay Gazette");
    assert_eq!(s["authors"], json!(["Ana Reyes"]));
    assert_eq!(s["url"], "https://gazette.example/fares");
    assert_eq!(s["published_on"], "2025-11-03");
    assert_eq!(s["language"], "en");
}

#[test]
fn source_import_takes_a_timeout() {
    let base = serve_text(ARTICLE);
    let desk = Desk::new();
    let list = desk.file("urls.txt", &format!("# today's pages\n{base}/fares\n"));
    let summary = desk.json(&["source", "import", &list, "--timeout", "5"]);
    assert_eq!(summary["failed"], json!([]));
    assert_eq!(
        desk.json(&["source", "list"]).as_array().map(Vec::len),
        Some(1)
    );
}

#[test]
fn evidence_flags_pick_an_occurrence_filter_by_claim_and_keep_notes() {
    let desk = Desk::new();
    let file = desk.file("fares.txt", ARTICLE);
    let source = desk.ok(&["source", "add", &file]);
    let claim = desk.ok(&["claim", "add", "The rise was lawful"]);
    let other = desk.ok(&["claim", "add", "The rise was steep"]);
    let first = desk.json(&[
        "evidence",
        "add",
        "--claim",
        &claim,
        "--source",
        &source,
        "--quote",
        "the rise was",
        "--stance",
        "context",
        "--occurrence",
        "1",
    ]);
    let second = desk.json(&[
        "evidence",
        "add",
        "--claim",
        &claim,
        "--source",
        &source,
        "--quote",
        "the rise was",
        "--stance",
        "supports",
        "--occurrence",
        "2",
        "--note",
        "the council's word",
    ]);
    let (a, b) = (&first["evidence"], &second["evidence"]);
    assert!(b["start"].as_u64() > a["start"].as_u64(), "{a} {b}");
    assert_eq!(b["note"], "the council's word");
    desk.ok(&[
        "evidence", "add", "--claim", &other, "--source", &source, "--quote", "steep", "--stance",
        "supports",
    ]);

    let listed = desk.json(&["evidence", "list", "--claim", &claim]);
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert!(
        listed
            .as_array()
            .into_iter()
            .flatten()
            .all(|e| e["evidence"]["claim_id"] == claim.as_str())
    );

    let id = b["id"].as_str().expect("evidence id");
    desk.ok(&["evidence", "remove", id, "--note", "wrong passage"]);
    assert_eq!(
        desk.json(&["evidence", "list", "--claim", &claim])
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    desk.ok(&[
        "evidence",
        "restore",
        id,
        "--note",
        "right passage after all",
    ]);
    assert_eq!(
        desk.json(&["evidence", "list", "--claim", &claim])
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    let history = desk.ok(&["claim", "history", &claim]);
    assert!(
        history.contains("(wrong passage)") && history.contains("(right passage after all)"),
        "{history}"
    );
}

#[test]
fn scale_add_and_update_take_a_rating() {
    let desk = Desk::new();
    let v = desk.json(&[
        "scale",
        "add",
        "pants_on_fire",
        "Pants on fire",
        "--rating",
        "1",
    ]);
    assert_eq!(v["rating"], 1);
    let v = desk.json(&[
        "scale",
        "update",
        "pants_on_fire",
        "Wildly false",
        "--rating",
        "2",
    ]);
    assert_eq!(
        (v["label"].clone(), v["rating"].clone()),
        (json!("Wildly false"), json!(2))
    );
}

#[test]
fn report_and_bundle_export_narrow_to_chosen_claims() {
    let desk = Desk::new();
    let fares = desk.ok(&["claim", "add", "The fare rose", "--tag", "fares"]);
    let harbour = desk.ok(&["claim", "add", "The harbour closed", "--tag", "harbour"]);
    desk.ok(&["claim", "status", &harbour, "false"]);

    let report: Value =
        serde_json::from_str(&desk.ok(&["report", "--format", "json", "--claim", &fares]))
            .expect("json report");
    let text = report.to_string();
    assert!(
        text.contains("The fare rose") && !text.contains("The harbour closed"),
        "{text}"
    );

    let by_tag: Value =
        serde_json::from_str(&desk.ok(&["bundle", "export", "--tag", "fares"])).expect("bundle");
    assert_eq!(by_tag["claims"].as_array().map(Vec::len), Some(1));
    assert_eq!(by_tag["claims"][0]["id"], fares.as_str());
    let by_verdict: Value =
        serde_json::from_str(&desk.ok(&["bundle", "export", "--verdict", "false"]))
            .expect("bundle");
    assert_eq!(by_verdict["claims"].as_array().map(Vec::len), Some(1));
    let by_claim: Value =
        serde_json::from_str(&desk.ok(&["bundle", "export", "--claim", &harbour])).expect("bundle");
    assert!(
        by_claim["claims"]
            .to_string()
            .contains("The harbour closed")
    );
    assert!(!by_claim["claims"].to_string().contains("The fare rose"));
}
