//! The *Merge into…* commands: a duplicate folds into the claim that stays,
//! leaves the list, and Undo puts it back. Every text here is invented.

mod support;

use serde_json::{Value, json};
use support::Harness;

fn claim(h: &Harness, statement: &str) -> Value {
    h.call(
        "claim_add",
        json!({ "claim": { "statement": statement, "tags": ["ferry"] } }),
    )
    .expect("claim")["id"]
        .clone()
}

fn listed(h: &Harness, command: &str) -> Value {
    let list = h
        .call(command, json!({ "filter": { "sort": "created" } }))
        .expect("list");
    Value::Array(
        list.as_array()
            .into_iter()
            .flatten()
            .map(|c| c["id"].clone())
            .collect(),
    )
}

#[test]
fn merge_hides_the_duplicate_and_unmerge_brings_it_back() {
    let h = Harness::new();
    h.create_workspace();
    let keep = claim(&h, "The ferry fare rises in April");
    let dup = claim(&h, "Ferry tickets cost more from April");

    let m = h
        .call(
            "claim_merge",
            json!({ "duplicate": dup, "keeper": keep, "note": "same claim" }),
        )
        .expect("merged");
    assert_eq!(m["keeper_id"], keep);
    assert_eq!(listed(&h, "claim_list"), json!([keep]));
    assert_eq!(listed(&h, "claim_list_merged"), json!([dup]));
    let detail = h
        .call("claim_detail", json!({ "id": dup }))
        .expect("detail");
    assert_eq!(
        detail["merged_into"]["keeper_statement"],
        "The ferry fare rises in April"
    );
    let keeper = h
        .call("claim_detail", json!({ "id": keep }))
        .expect("detail");
    assert_eq!(keeper["merged_from"][0]["duplicate_id"], dup);

    let u = h
        .call("claim_unmerge", json!({ "duplicate": dup }))
        .expect("unmerged");
    assert!(u["unmerged_at"].is_string());
    assert_eq!(listed(&h, "claim_list"), json!([dup, keep]));
    let detail = h
        .call("claim_detail", json!({ "id": dup }))
        .expect("detail");
    assert_eq!(detail["merged_into"], Value::Null);
}

#[test]
fn a_merge_into_itself_is_refused_with_its_kind() {
    let h = Harness::new();
    h.create_workspace();
    let one = claim(&h, "The ferry fare rises in April");
    let err = h
        .call(
            "claim_merge",
            json!({ "duplicate": one, "keeper": one, "note": null }),
        )
        .expect_err("refused");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("into itself"),
        "{err}"
    );
    let err = h
        .call("claim_unmerge", json!({ "duplicate": one }))
        .expect_err("not merged");
    assert_eq!(err["kind"], "conflict");
}
