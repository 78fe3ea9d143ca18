//! `claimdesk claim edit`: every field can be set and cleared, with a history row.

mod common;

use common::Desk;
use serde_json::{Value, json};

fn claim(desk: &Desk) -> String {
    desk.ok(&[
        "claim",
        "add",
        "The envoys met for five hours",
        "--claimant",
        "A spokesperson",
        "--claimed-on",
        "2025-11-20",
        "--event-on",
        "2025-11-27",
    ])
}

#[test]
fn claimant_can_be_set_and_cleared_with_or_without_a_value() {
    let desk = Desk::new();
    let id = claim(&desk);

    let c = desk.json(&["claim", "edit", &id, "--claimant", "Maria Lopes"]);
    assert_eq!(c["claimant"], "Maria Lopes");
    assert_eq!(
        desk.last_change(&id),
        (
            "claimant".into(),
            json!("A spokesperson"),
            json!("Maria Lopes")
        )
    );

    let c = desk.json(&["claim", "edit", &id, "--claimant", ""]);
    assert_eq!(c["claimant"], Value::Null);
    assert_eq!(
        desk.last_change(&id),
        ("claimant".into(), json!("Maria Lopes"), Value::Null)
    );

    desk.ok(&["claim", "edit", &id, "--claimant", "Maria Lopes"]);
    let c = desk.json(&["claim", "edit", &id, "--claimant"]);
    assert_eq!(c["claimant"], Value::Null, "no value clears too");
    assert_eq!(desk.last_change(&id).0, "claimant");
}

#[test]
fn claimed_on_can_be_set_and_cleared_with_or_without_a_value() {
    let desk = Desk::new();
    let id = claim(&desk);

    let c = desk.json(&["claim", "edit", &id, "--claimed-on", "2025-11-21"]);
    assert_eq!(c["claimed_on"], "2025-11-21");
    assert_eq!(
        desk.last_change(&id),
        (
            "claimed_on".into(),
            json!("2025-11-20"),
            json!("2025-11-21")
        )
    );

    let c = desk.json(&["claim", "edit", &id, "--claimed-on", ""]);
    assert_eq!(c["claimed_on"], Value::Null);
    assert_eq!(
        desk.last_change(&id),
        ("claimed_on".into(), json!("2025-11-21"), Value::Null)
    );

    desk.ok(&["claim", "edit", &id, "--claimed-on", "2025-11-21"]);
    let c = desk.json(&["claim", "edit", &id, "--claimed-on"]);
    assert_eq!(c["claimed_on"], Value::Null, "no value clears too");
}

#[test]
fn event_on_can_be_set_and_cleared_with_or_without_a_value() {
    let desk = Desk::new();
    let id = claim(&desk);

    let c = desk.json(&["claim", "edit", &id, "--event-on", "2025-12-01"]);
    assert_eq!(c["event_on"], "2025-12-01");
    assert_eq!(
        desk.last_change(&id),
        ("event_on".into(), json!("2025-11-27"), json!("2025-12-01"))
    );

    let c = desk.json(&["claim", "edit", &id, "--event-on"]);
    assert_eq!(c["event_on"], Value::Null);
    assert_eq!(
        desk.last_change(&id),
        ("event_on".into(), json!("2025-12-01"), Value::Null)
    );

    desk.ok(&["claim", "edit", &id, "--event-on", "2025-12-01"]);
    let c = desk.json(&["claim", "edit", &id, "--event-on", ""]);
    assert_eq!(c["event_on"], Value::Null, "an empty value clears too");
}

#[test]
fn statement_notes_and_note_are_edited_together() {
    let desk = Desk::new();
    let id = claim(&desk);
    let c = desk.json(&[
        "claim",
        "edit",
        &id,
        "--statement",
        "The envoys met for six hours",
        "--notes",
        "Two outlets disagree on the length",
        "--note",
        "corrected from the transcript",
    ]);
    assert_eq!(c["statement"], "The envoys met for six hours");
    assert_eq!(c["notes"], "Two outlets disagree on the length");
    let history = desk.ok(&["claim", "history", &id]);
    assert!(
        history.contains("(corrected from the transcript)"),
        "{history}"
    );
}

#[test]
fn a_bad_date_is_a_usage_error_and_changes_nothing() {
    let desk = Desk::new();
    let id = claim(&desk);
    desk.cmd(&["claim", "edit", &id, "--claimed-on", "21/11/2025"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("YYYY-MM-DD"));
    assert_eq!(
        desk.json(&["claim", "show", &id])["claim"]["claimed_on"],
        "2025-11-20"
    );
}
