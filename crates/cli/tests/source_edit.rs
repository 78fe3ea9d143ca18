//! Source URLs are web addresses; `source edit` corrects details; re-adding
//! a stored text says which given details were not applied.

mod common;

use common::Desk;
use serde_json::{Value, json};

const TEXT: &str = "Harbour reopens\n\nThe harbour reopened on Monday after three weeks of repairs to the north pier.\n";

fn source(desk: &Desk) -> String {
    let file = desk.file("harbour.txt", TEXT);
    desk.ok(&[
        "source",
        "add",
        &file,
        "--title",
        "Harbour reopens",
        "--outlet",
        "Quay Gazette",
        "--author",
        "Ana Reyes",
        "--url",
        "https://gazette.example/harbour",
        "--published",
        "2025-11-03",
        "--language",
        "en",
    ])
}

#[test]
fn source_add_refuses_urls_that_are_not_web_addresses_and_stores_nothing() {
    let desk = Desk::new();
    let file = desk.file("harbour.txt", TEXT);
    for bad in ["not a url", "file:///etc/passwd", "javascript:alert(1)"] {
        desk.fails(
            &["source", "add", &file, "--url", bad],
            "is not a web address",
        );
        desk.fails(&["source", "add", &file, "--url", bad], "https://");
    }
    assert_eq!(desk.json(&["source", "list"]), json!([]));
}

#[test]
fn re_adding_the_same_text_with_other_details_says_they_were_not_applied() {
    let desk = Desk::new();
    let id = source(&desk);
    let file = desk.file("harbour-again.txt", TEXT);
    let (again, stderr) = desk.run(&[
        "source",
        "add",
        &file,
        "--outlet",
        "Northern Ledger",
        "--title",
        "The harbour is open again",
    ]);
    assert_eq!(again, id);
    assert!(stderr.contains("not applied"), "{stderr}");
    assert!(
        stderr.contains("outlet") && stderr.contains("title"),
        "{stderr}"
    );
    assert!(stderr.contains("claimdesk source edit"), "{stderr}");

    let report = desk.json(&["source", "add", &file, "--outlet", "Northern Ledger"]);
    assert_eq!(report["added"]["outcome"], "unchanged");
    assert_eq!(
        report["not_applied"],
        json!([{ "field": "outlet", "given": "Northern Ledger", "stored": "Quay Gazette" }])
    );
    let shown = desk.json(&["source", "show", &id]);
    assert_eq!(shown["source"]["outlet"], "Quay Gazette");

    let same = desk.json(&["source", "add", &file, "--outlet", "Quay Gazette"]);
    assert_eq!(same["not_applied"], json!([]), "the same outlet is no news");
    let (_, quiet) = desk.run(&["source", "add", &file]);
    assert!(!quiet.contains("not applied"), "{quiet}");
}

#[test]
fn source_edit_corrects_every_detail_and_blank_clears() {
    let desk = Desk::new();
    let id = source(&desk);
    let saved = desk.json(&[
        "source",
        "edit",
        &id[..8],
        "--title",
        "Harbour reopens after repairs",
        "--outlet",
        "Northern Ledger",
        "--authors",
        "Ana Reyes, Ben Ode",
        "--published",
        "2025-11-04",
        "--modified",
        "2025-11-05",
        "--canonical-url",
        "https://ledger.example/harbour",
        "--language",
        "pt-BR",
    ]);
    let s = &saved["source"];
    assert_eq!(s["title"], "Harbour reopens after repairs");
    assert_eq!(s["outlet"], "Northern Ledger");
    assert_eq!(s["authors"], json!(["Ana Reyes", "Ben Ode"]));
    assert_eq!(s["published_on"], "2025-11-04");
    assert_eq!(s["modified_on"], "2025-11-05");
    assert_eq!(s["canonical_url"], "https://ledger.example/harbour");
    assert_eq!(s["language"], "pt-BR");
    assert_eq!(saved["previous"]["outlet"], "Quay Gazette");
    assert_eq!(
        desk.json(&["source", "show", &id])["version"]["text"]
            .as_str()
            .map(|t| t.contains("north pier")),
        Some(true),
        "the text stays as captured"
    );
    // `source show` as text lists every detail the edit can set.
    let (shown, _) = desk.run(&["source", "show", &id]);
    for line in [
        "modified   2025-11-05",
        "canonical  https://ledger.example/harbour",
        "language   pt-BR",
    ] {
        assert!(shown.contains(line), "{line:?} in {shown}");
    }

    let (text, _) = desk.run(&["source", "edit", &id, "--outlet", "", "--authors", ""]);
    assert!(text.contains("Harbour reopens after repairs"), "{text}");
    let s = &desk.json(&["source", "show", &id])["source"];
    assert_eq!(s["outlet"], Value::Null);
    assert_eq!(s["authors"], json!([]));
}

#[test]
fn source_edit_refuses_bad_details_and_changes_nothing() {
    let desk = Desk::new();
    let id = source(&desk);
    let before = desk.snapshot();
    desk.fails(
        &[
            "source",
            "edit",
            &id,
            "--canonical-url",
            "javascript:alert(1)",
        ],
        "not a web address",
    );
    desk.fails(
        &["source", "edit", &id, "--published", "03/11/2025"],
        "YYYY-MM-DD",
    );
    desk.fails(
        &["source", "edit", &id, "--language", "English"],
        "language tag",
    );
    desk.fails(&["source", "edit", &id, "--title", " "], "needs a title");
    desk.fails(&["source", "edit", &id], "name a detail to change");
    desk.fails(
        &["source", "edit", "ffffffff", "--outlet", "X"],
        "no source",
    );
    assert_eq!(desk.snapshot(), before);
}

#[test]
fn the_report_base_url_must_be_a_web_address() {
    let desk = Desk::new();
    desk.fails(
        &["settings", "set", "report_base_url", "httpfoo"],
        "not a web address",
    );
    desk.ok(&[
        "settings",
        "set",
        "report_base_url",
        "https://checks.example/r",
    ]);
    assert_eq!(
        desk.json(&["settings", "show"])["report_base_url"],
        "https://checks.example/r"
    );
}
