//! `claimdesk quotes` and `claimdesk checkworthy`: the JSON contract over
//! files and over the workspace's sources, the filters, and refused input.

mod common;

use common::Desk;

const LEDGER: &str =
    "Kremlin aide Yury Ushakov spoke on Tuesday. “Definitely not further,” he replied.";
const WIRE: &str = "“Certainly not further away,” Kremlin spokesman Dmitry Peskov said on Tuesday.";

#[test]
fn quotes_of_files_give_the_contract_json() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    let b = desk.file("wire.txt", WIRE);
    let got = desk.json(&["quotes", &a, &b]);
    let first = &got["quotes"][0];
    assert_eq!(first["file"], 0);
    assert_eq!(first["text"], "Definitely not further");
    assert_eq!(first["speaker"], "Yury Ushakov");
    assert_eq!(first["cue"], "replied");
    let start = first["start"].as_u64().expect("as the contract says") as usize;
    let end = first["end"].as_u64().expect("as the contract says") as usize;
    let quoted: String = LEDGER.chars().skip(start).take(end - start).collect();
    assert_eq!(quoted, "Definitely not further", "offsets are code points");
    assert_eq!(
        first["sentence"],
        serde_json::json!([44, LEDGER.chars().count()])
    );
    assert!(first.get("source").is_none());
    assert_eq!(got["quotes"][1]["file"], 1);
    assert_eq!(got["quotes"][1]["speaker"], "Dmitry Peskov");
    let group = &got["groups"][0];
    assert_eq!(group["quotes"], serde_json::json!([0, 1]));
    assert_eq!(
        group["speakers"],
        serde_json::json!(["Yury Ushakov", "Dmitry Peskov"])
    );
    assert_eq!(group["drift"], true);
    assert_eq!(group["conflict"], true);
    assert_eq!(
        group["kinds"],
        serde_json::json!(["reworded", "other_speaker"])
    );
    // Each wording's word diff against the first wording.
    assert_eq!(
        group["diffs"],
        serde_json::json!([
            [{"op": "equal", "text": "Definitely not further"}],
            [
                {"op": "delete", "text": "Definitely"},
                {"op": "insert", "text": "Certainly"},
                {"op": "equal", "text": " not further"},
                {"op": "insert", "text": " away"}
            ]
        ])
    );
}

#[test]
fn quotes_print_each_statement_with_its_wordings() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    let b = desk.file("wire.txt", WIRE);
    let text = desk.ok(&["quotes", &a, &b]);
    assert!(
        text.starts_with("Yury Ushakov / Dmitry Peskov  [reworded, other_speaker]"),
        "{text}"
    );
    assert!(
        text.contains("“Certainly not further away” — Dmitry Peskov"),
        "{text}"
    );
}

#[test]
fn quotes_of_sources_name_source_and_version_and_filter_by_day_and_speaker() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    let b = desk.file("wire.txt", WIRE);
    let ledger = desk.ok(&[
        "source",
        "add",
        &a,
        "--outlet",
        "Ledger",
        "--published",
        "2025-11-25",
    ]);
    let wire = desk.ok(&[
        "source",
        "add",
        &b,
        "--outlet",
        "Wire",
        "--published",
        "2025-11-26",
    ]);
    let all = desk.json(&["quotes"]);
    assert_eq!(
        all["quotes"]
            .as_array()
            .expect("as the contract says")
            .len(),
        2
    );
    assert_eq!(all["quotes"][0]["source"], ledger.as_str());
    assert_eq!(all["quotes"][0]["version"], 1);
    assert!(all["quotes"][0].get("file").is_none());
    assert_eq!(all["groups"][0]["conflict"], true);

    let one_day = desk.json(&["quotes", "--published", "2025-11-26"]);
    assert_eq!(
        one_day["quotes"]
            .as_array()
            .expect("as the contract says")
            .len(),
        1
    );
    assert_eq!(one_day["quotes"][0]["source"], wire.as_str());

    let named = desk.json(&["quotes", &ledger, &wire, "--speaker", "peskov"]);
    // The statement Peskov spoke keeps Ushakov's wording beside his.
    assert_eq!(
        named["groups"][0]["speakers"],
        serde_json::json!(["Yury Ushakov", "Dmitry Peskov"])
    );
    let nobody = desk.json(&["quotes", "--speaker", "Ortiz"]);
    assert_eq!(nobody["quotes"], serde_json::json!([]));
    assert_eq!(nobody["groups"], serde_json::json!([]));
}

#[test]
fn quotes_refuse_what_they_cannot_read() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    desk.fails(
        &["quotes", &a, "--published", "2025-11-25"],
        "files have none",
    );
    desk.fails(
        &["quotes", &a, "0192"],
        "pass only files or only source ids",
    );
    desk.cmd(&["quotes", "--published", "last week"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("YYYY-MM-DD"));
}

#[test]
fn a_source_with_odd_marks_or_no_quotes_gives_empty_results() {
    let desk = Desk::new();
    let a = desk.file(
        "plain.txt",
        "Putin's aide liked rock 'n' roll.\n\nA stray ” mark and a lone \".",
    );
    let got = desk.json(&["quotes", &a]);
    assert_eq!(got["quotes"], serde_json::json!([]));
    assert_eq!(desk.ok(&["quotes", &a]), "no quotations");
}

#[test]
fn checkworthy_ranks_a_sources_sentences_with_reasons() {
    let desk = Desk::new();
    let f = desk.file(
        "port.txt",
        "Is it over? The port handled 4,000 ships in 2024, more than in 2023, Ortiz said. I think it is lovely.",
    );
    let id = desk.ok(&["source", "add", &f]);
    let got = desk.json(&["checkworthy", &id]);
    let sentences = got["sentences"].as_array().expect("as the contract says");
    assert_eq!(sentences.len(), 1);
    assert!(
        sentences[0]["text"]
            .as_str()
            .expect("as the contract says")
            .starts_with("The port handled 4,000 ships")
    );
    let kinds: Vec<&str> = sentences[0]["reasons"]
        .as_array()
        .expect("as the contract says")
        .iter()
        .map(|r| r["kind"].as_str().expect("as the contract says"))
        .collect();
    assert_eq!(kinds[..2], ["number", "comparison"]);
    assert!(kinds.contains(&"attributed"));
    let text = desk.ok(&["checkworthy", &id, "--limit", "1"]);
    assert!(text.contains("number +3 (4,000"), "{text}");
    desk.fails(
        &["checkworthy", &id, "--limit", "0"],
        "--limit must be at least 1",
    );
    desk.fails(&["checkworthy", "ffffffff"], "");
}

#[test]
fn checkworthy_counts_what_the_desk_checked_before() {
    let desk = Desk::new();
    let f = desk.file("bridge.txt", "The harbour bridge closed for repairs.");
    let id = desk.ok(&["source", "add", &f]);
    assert_eq!(
        desk.json(&["checkworthy", &id])["sentences"],
        serde_json::json!([])
    );
    desk.ok(&[
        "claim",
        "add",
        "The harbour bridge closed for repairs in May",
    ]);
    let got = desk.json(&["checkworthy", &id]);
    assert_eq!(got["sentences"][0]["reasons"][0]["kind"], "checked_before");
}

#[test]
fn a_mistyped_file_name_reads_as_a_missing_file_not_a_bad_id() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    let missing = desk.path("wrie.txt").display().to_string();
    desk.fails(&["quotes", &missing], "is neither a file nor a source id");
    desk.fails(
        &["quotes", &a, &missing],
        "is neither a file nor a source id",
    );
    desk.fails(&["timeline", &missing], "is neither a file nor a source id");
}
