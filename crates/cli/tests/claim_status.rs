//! `claimdesk claim status` and the rationale, and `claim list --deleted`.

mod common;

use common::Desk;
use predicates::prelude::*;
use serde_json::{Value, json};

fn disputed_claim(desk: &Desk) -> String {
    let id = desk.ok(&["claim", "add", "The harbour closed for a week"]);
    desk.ok(&[
        "claim",
        "status",
        &id,
        "disputed",
        "--rationale",
        "The port authority says three days",
    ]);
    id
}

#[test]
fn a_new_verdict_without_a_rationale_clears_the_old_one_and_says_so() {
    let desk = Desk::new();
    let id = disputed_claim(&desk);
    let (_, stderr) = desk.run(&["claim", "status", &id, "false"]);
    assert!(stderr.contains("rationale cleared"), "{stderr}");
    assert!(stderr.contains("--keep-rationale"), "{stderr}");
    let claim = &desk.json(&["claim", "show", &id])["claim"];
    assert_eq!(claim["verdict"], "false");
    assert_eq!(claim["rationale"], "");
    assert_eq!(
        desk.last_change(&id),
        (
            "rationale".into(),
            json!("The port authority says three days"),
            Value::Null
        )
    );
    let history = desk.ok(&["claim", "history", &id]);
    assert!(
        history.contains("rationale: removed The port authority says three days"),
        "{history}"
    );
}

#[test]
fn keep_rationale_keeps_it_under_the_new_verdict() {
    let desk = Desk::new();
    let id = disputed_claim(&desk);
    let (_, stderr) = desk.run(&["claim", "status", &id, "misleading", "--keep-rationale"]);
    assert!(stderr.contains("rationale kept"), "{stderr}");
    let claim = &desk.json(&["claim", "show", &id])["claim"];
    assert_eq!(claim["verdict"], "misleading");
    assert_eq!(claim["rationale"], "The port authority says three days");
    assert_eq!(desk.last_change(&id).0, "verdict");
}

#[test]
fn a_new_rationale_replaces_the_old_one() {
    let desk = Desk::new();
    let id = disputed_claim(&desk);
    let (_, stderr) = desk.run(&[
        "claim",
        "status",
        &id,
        "false",
        "-r",
        "The harbour stayed open",
        "--note",
        "log book checked",
    ]);
    assert!(stderr.contains("rationale set"), "{stderr}");
    let claim = &desk.json(&["claim", "show", &id])["claim"];
    assert_eq!(claim["rationale"], "The harbour stayed open");
    let history = desk.ok(&["claim", "history", &id]);
    assert!(history.contains("(log book checked)"), "{history}");
}

#[test]
fn a_rationale_and_keep_rationale_together_are_refused() {
    let desk = Desk::new();
    let id = disputed_claim(&desk);
    let before = desk.snapshot();
    desk.cmd(&[
        "claim",
        "status",
        &id,
        "false",
        "--rationale",
        "x",
        "--keep-rationale",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains("--keep-rationale"));
    assert_eq!(desk.snapshot(), before);
}

#[test]
fn deleted_claims_can_be_listed_and_restored() {
    let desk = Desk::new();
    let kept = desk.ok(&["claim", "add", "The ferry fare doubled", "--tag", "fares"]);
    let gone = desk.ok(&["claim", "add", "The harbour closed", "--tag", "harbour"]);
    desk.ok(&["claim", "delete", &gone, "--note", "duplicate"]);

    let deleted = desk.json(&["claim", "list", "--deleted"]);
    assert_eq!(deleted.as_array().map(Vec::len), Some(1));
    assert_eq!(deleted[0]["id"], gone.as_str());
    let (text, stderr) = desk.run(&["claim", "list", "--deleted", "--tag", "harbour"]);
    assert!(text.contains("The harbour closed"), "{text}");
    assert!(stderr.contains("claim restore"), "{stderr}");
    assert!(
        desk.ok(&["claim", "list", "--deleted", "--tag", "fares"])
            .is_empty()
    );
    let live = desk.json(&["claim", "list"]);
    assert_eq!(live[0]["id"], kept.as_str());

    let short = text.split_whitespace().next().expect("a short id");
    desk.ok(&[
        "claim",
        "restore",
        short,
        "--note",
        "not a duplicate after all",
    ]);
    assert!(desk.ok(&["claim", "list", "--deleted"]).is_empty());
    assert_eq!(
        desk.json(&["claim", "list"]).as_array().map(Vec::len),
        Some(2)
    );
}
