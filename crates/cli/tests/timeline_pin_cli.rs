//! `claimdesk timeline pin | unpin | pins`: a reading of an ambiguous date
//! pinned and shown by the timeline, its history, and bad pins refused.

mod common;

use common::Desk;
use serde_json::json;

/// Published Wednesday 3 December 2025: "on Saturday" without a tense may be
/// 29 November or 6 December.
const TALKS: &str = "The harbour board sat late. The talks are on Saturday, the clerk said.";

/// A workspace with the story; returns it, the source id and where "on Saturday" starts.
fn desk_with_talks() -> (Desk, String, String) {
    let desk = Desk::new();
    let f = desk.file("talks.txt", TALKS);
    desk.ok(&[
        "source",
        "add",
        &f,
        "--outlet",
        "Ledger",
        "--published",
        "2025-12-03",
    ]);
    let source = desk.json(&["source", "list"])[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let v = desk.json(&["timeline", &source]);
    let e = &v["events"][0];
    assert_eq!(
        (&e["reading"], &e["date"], &e["alternatives"]),
        (
            &json!("ambiguous"),
            &json!("2025-12-06"),
            &json!(["2025-11-29"])
        )
    );
    let start = e["expression_start"]
        .as_u64()
        .unwrap_or_default()
        .to_string();
    (desk, source, start)
}

#[test]
fn a_pinned_reading_is_what_the_timeline_shows_with_history() {
    let (desk, source, start) = desk_with_talks();
    let text = desk.ok(&["timeline"]);
    assert!(
        text.contains(&format!("[also 2025-11-29; starts at {start}]")),
        "{text}"
    );

    let pinned = desk.json(&[
        "--user",
        "Ada",
        "timeline",
        "pin",
        &source[..8],
        &start,
        "2025-11-29",
        "--note",
        "the clerk meant last week",
    ]);
    assert_eq!(
        (&pinned["date"], &pinned["reading"], &pinned["alternatives"]),
        (
            &json!("2025-11-29"),
            &json!("pinned"),
            &json!(["2025-12-06"])
        )
    );
    let v = desk.json(&["timeline", "--from", "2025-11-29", "--to", "2025-11-29"]);
    assert_eq!(v["events"][0]["expression"], "on Saturday");
    assert_eq!(v["events"][0]["reading"], "pinned");

    let history = desk.json(&["timeline", "pins", &source]);
    assert_eq!(history[0]["pinned"], "2025-11-29");
    assert_eq!(history[0]["actor"], "Ada");
    assert_eq!(history[0]["note"], "the clerk meant last week");
    let text = desk.ok(&["timeline", "pins", &source]);
    assert!(
        text.contains("Ada: \"on Saturday\" pinned 2025-11-29 (the clerk meant last week)"),
        "{text}"
    );

    let unpinned = desk.ok(&["timeline", "unpin", &source, &start, "--note", "unsure"]);
    assert_eq!(
        unpinned,
        "\"on Saturday\" is 2025-12-06 (ambiguous) (also read as 2025-11-29)"
    );
    let history = desk.json(&["timeline", "pins", &source]);
    assert_eq!(
        (&history[1]["pinned"], &history[1]["previous"]),
        (&json!(null), &json!("2025-11-29"))
    );
    assert_eq!(history[1]["note"], "unsure");
}

#[test]
fn bad_pins_are_refused_with_what_to_fix_and_nothing_written() {
    let (desk, source, start) = desk_with_talks();
    desk.fails(
        &["timeline", "pin", &source, &start, "2025-12-10"],
        "2025-12-10 is not a reading of \"on Saturday\": pin one of 2025-12-06, 2025-11-29",
    );
    desk.fails(
        &["timeline", "pin", &source, "3", "2025-11-29"],
        &format!("no dated expression starts at 3 in the latest version of source {}; its ambiguous ones start at {start} (\"on Saturday\")", &source[..8]),
    );
    desk.fails(
        &["timeline", "unpin", &source, &start],
        "is not pinned: nothing to unpin",
    );
    desk.fails(
        &["timeline", "pin", "ffffffff", &start, "2025-11-29"],
        "ffffffff",
    );
    assert_eq!(desk.json(&["timeline", "pins", &source]), json!([]));
    assert_eq!(
        desk.json(&["timeline", &source])["events"][0]["reading"],
        "ambiguous"
    );
}
