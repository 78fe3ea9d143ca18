//! `claimdesk timeline`: the JSON contract for files and for sources, every
//! filter, and bad input refused with what to fix.

mod common;

use common::Desk;

const LEDGER: &str = "The envoys met the president for five hours on Tuesday. \
    The summit ended on Monday with a joint statement.";
const COURIER: &str = "The envoys met the president for five hours on Wednesday. \
    The summit ended on Dec. 1 with a joint statement.";

#[test]
fn a_file_timeline_has_the_contract_fields() {
    let desk = Desk::new();
    let f = desk.file("ledger.txt", LEDGER);
    let v = desk.json(&["timeline", &f, "--published", "2025-12-03"]);
    let e = &v["events"][0];
    assert_eq!(e["date"], "2025-12-01");
    assert_eq!(e["precision"], "day");
    assert_eq!(e["expression"], "on Monday");
    assert_eq!(e["reading"], "past");
    assert_eq!(
        e["sentence"],
        "The summit ended on Monday with a joint statement."
    );
    assert_eq!(
        (e["start"].as_u64(), e["end"].as_u64()),
        (Some(56), Some(106))
    );
    assert_eq!(e["file"], 0);
    assert_eq!(e["alternatives"], serde_json::json!([]));
    assert_eq!(v["events"][1]["date"], "2025-12-02");
    assert_eq!(v["conflicts"], serde_json::json!([]));
}

#[test]
fn sources_that_date_one_event_apart_are_a_conflict() {
    let desk = Desk::new();
    let a = desk.file("ledger.txt", LEDGER);
    let b = desk.file("courier.txt", COURIER);
    desk.ok(&[
        "source",
        "add",
        &a,
        "--outlet",
        "Ledger",
        "--published",
        "2025-12-03",
    ]);
    desk.ok(&[
        "source",
        "add",
        &b,
        "--outlet",
        "Courier",
        "--published",
        "2025-12-04",
    ]);
    let v = desk.json(&["timeline", "--conflicts"]);
    assert_eq!(
        v["conflicts"][0]["why"],
        "same event, dated 2025-12-02 and 2025-12-03"
    );
    assert_eq!(v["events"].as_array().map(Vec::len), Some(2));
    assert!(v["events"][0]["source"].is_string() && v["events"][0]["version"].is_string());
    let ranged = desk.json(&["timeline", "--from", "2025-12-02", "--to", "2025-12-02"]);
    assert_eq!(ranged["events"].as_array().map(Vec::len), Some(1));
    let ledger = desk.json(&["timeline", "--outlet", "ledger"]);
    assert!(
        ledger["events"]
            .as_array()
            .is_some_and(|e| e.iter().all(|e| e["outlet"] == "Ledger"))
    );
    let tagged = desk.json(&["timeline", "--tag", "nothing-tagged"]);
    assert_eq!(tagged["events"], serde_json::json!([]));
    let text = desk.ok(&["timeline"]);
    assert!(
        text.contains("conflict: same event, dated 2025-12-02 and 2025-12-03"),
        "{text}"
    );
}

#[test]
fn the_samples_deadline_is_on_its_timeline() {
    let desk = Desk::sample();
    let v = desk.json(&["timeline"]);
    assert!(
        v["deadlines"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d["date"] == "2025-03-07"))
    );
}

#[test]
fn bad_input_is_refused_with_what_to_fix() {
    let desk = Desk::new();
    let f = desk.file("ledger.txt", LEDGER);
    desk.fails(
        &["timeline", &f],
        "give its publication day with --published",
    );
    desk.fails(
        &["timeline", "--published", "2025-12-03"],
        "name the text FILEs",
    );
    desk.fails(
        &["timeline", "--from", "2025-12-05", "--to", "2025-12-01"],
        "give the earlier day first",
    );
    desk.fails(
        &["timeline", &f, "--published", "2025-12-03", "--tag", "x"],
        "does not apply to FILEs",
    );
}
