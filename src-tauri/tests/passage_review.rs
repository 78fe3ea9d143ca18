//! The *Passages to review* commands: a source's new version flags its
//! passages, and accept or keep settles each. Every text here is invented.

mod support;

use serde_json::{Value, json};
use support::Harness;

const V1: &str =
    "The crossing took five hours in the storm, the captain said. Passengers were given tea.";

fn add_version(h: &Harness, text: &str) -> String {
    h.call(
        "source_add",
        json!({ "source": {
            "title": "Storm delays the ferry", "authors": [], "canonical_url": "https://harbour.example/storm",
            "text": text
        } }),
    )
    .expect("added")["source"]["id"]
        .as_str()
        .expect("id")
        .to_string()
}

/// A claim with one supporting passage of version 1, then an edited version 2.
fn flagged(h: &Harness) -> (Value, String) {
    h.create_workspace();
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "The crossing took five hours", "tags": [] } }),
        )
        .expect("claim")["id"]
        .clone();
    let source = add_version(h, V1);
    let view = h
        .call(
            "evidence_add",
            json!({ "evidence": {
                "claim": claim,
                "passage": { "source": source, "version": 1, "start": 0, "end": 41, "stance": "supports" },
                "note": null
            } }),
        )
        .expect("linked");
    add_version(h, &V1.replace("five hours", "four hours"));
    (
        claim,
        view["evidence"]["id"].as_str().expect("id").to_string(),
    )
}

#[test]
fn the_queue_shows_the_edited_passage_and_accept_moves_it() {
    let h = Harness::new();
    let (claim, evidence) = flagged(&h);
    let queue = h.call("passage_review_list", json!({})).expect("queue");
    assert_eq!(queue[0]["evidence_id"], evidence.as_str());
    assert_eq!(queue[0]["status"], "edited");
    assert_eq!(
        queue[0]["found"]["exact"],
        "The crossing took four hours in the storm"
    );
    h.call("passage_review_accept", json!({ "evidenceId": evidence }))
        .expect("accepted");
    assert_eq!(
        h.call("passage_review_list", json!({})).expect("queue"),
        json!([])
    );
    let detail = h
        .call("claim_detail", json!({ "id": claim }))
        .expect("detail");
    assert_eq!(detail["evidence"][0]["version_number"], 2);
}

#[test]
fn keep_leaves_the_passage_and_a_second_decision_is_a_conflict() {
    let h = Harness::new();
    let (_, evidence) = flagged(&h);
    h.call("passage_review_keep", json!({ "evidenceId": evidence }))
        .expect("kept");
    let err = h
        .call("passage_review_accept", json!({ "evidenceId": evidence }))
        .expect_err("decided");
    assert_eq!(err["kind"], "conflict");
    assert!(
        err["message"]
            .as_str()
            .is_some_and(|m| m.contains("nothing to review"))
    );
}
