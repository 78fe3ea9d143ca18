//! `claim similar`, `claim duplicates` and the similar claims `claim add`
//! reports, through the real binary: the JSON contract, the tiers, and bad
//! input answered clearly.

mod common;

use common::Desk;
use serde_json::{Value, json};

const REVIEW: &str = r#"[{"@type": "ClaimReview", "url": "https://checks.example/northern/7",
  "claimReviewed": "Wind turbines kill more birds than cars do",
  "headline": "Turbines and birds: what the counts show",
  "description": "Counts from three coasts do not bear the claim out.",
  "author": {"@type": "Organization", "name": "Northern Fact Desk"},
  "reviewRating": {"alternateName": "False"}}]"#;

fn desk() -> Desk {
    let desk = Desk::sample();
    let file = desk.file("reviews.json", REVIEW);
    desk.ok(&["import", "claimreview", &file]);
    desk
}

#[test]
fn similar_lists_the_match_with_its_verdict_origin_and_why_in_the_contract_shape() {
    let desk = desk();
    let found = desk.json(&["claim", "similar", "The talks lasted for 5 hours"]);
    let first = &found[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "id",
            "origin",
            "score",
            "statement",
            "tier",
            "verdict",
            "why"
        ]
    );
    assert_eq!(first["statement"], "The talks lasted five hours");
    assert_eq!(first["verdict"], "unproven");
    assert_eq!(first["tier"], "match");
    assert_eq!(first["origin"], json!({"kind": "workspace"}));
    assert_eq!(
        first["why"],
        json!(["number 5", "words: talks, lasted, hours"])
    );
    assert!(first["score"].as_f64().is_some_and(|s| s > 0.9 && s <= 1.0));

    let review = desk.json(&["claim", "similar", "Wind farms kill more birds than cars"]);
    assert_eq!(review[0]["tier"], "match");
    assert_eq!(review[0]["verdict"], "false");
    assert_eq!(
        review[0]["origin"],
        json!({"kind": "claimreview", "publisher": "Northern Fact Desk", "url": "https://checks.example/northern/7"})
    );
}

#[test]
fn another_number_is_at_most_a_suggestion_and_limit_cuts_the_list() {
    let desk = desk();
    let found = desk.json(&["claim", "similar", "The talks lasted four hours"]);
    assert_eq!(found[0]["statement"], "The talks lasted five hours");
    assert_eq!(found[0]["tier"], "suggestion");
    assert!(
        found[0]["why"]
            .as_array()
            .expect("why")
            .contains(&json!("other number 5, not 4"))
    );
    let all = desk.json(&[
        "claim",
        "similar",
        "Harbour Line union talks deadline hours",
    ]);
    assert!(all.as_array().expect("list").len() >= 2, "{all}");
    let one = desk.json(&[
        "claim",
        "similar",
        "Harbour Line union talks deadline hours",
        "--limit",
        "1",
    ]);
    assert_eq!(one.as_array().expect("list").len(), 1);
    assert_eq!(one[0], all[0]);
    desk.fails(
        &["claim", "similar", "talks lasted", "--limit", "0"],
        "between 1 and 50",
    );
    desk.fails(
        &["claim", "similar", "talks lasted", "--limit", "51"],
        "between 1 and 50",
    );
}

#[test]
fn the_human_listing_says_who_checked_it_and_why() {
    let desk = desk();
    let text = desk.ok(&["claim", "similar", "Wind farms kill more birds than cars"]);
    assert!(text.starts_with("match "), "{text}");
    assert!(text.contains("False"), "{text}");
    assert!(
        text.contains("checked by Northern Fact Desk, https://checks.example/northern/7"),
        "{text}"
    );
}

#[test]
fn add_reports_similar_claims_on_stderr_and_in_its_json() {
    let desk = desk();
    let (id, stderr) = desk.run(&["claim", "add", "The talks lasted 5 hours"]);
    assert_eq!(id.len(), 36, "{id}");
    assert!(
        stderr.contains(
            "checked before? 1 similar claim(s) already in the workspace, 1 the same claim"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("The talks lasted five hours"), "{stderr}");

    let added = desk.json(&[
        "claim",
        "add",
        "Wind farms kill more birds than cars",
        "--tag",
        "energy",
    ]);
    for field in [
        "id",
        "statement",
        "claimant",
        "verdict",
        "tags",
        "rationale",
        "created_at",
        "updated_at",
    ] {
        assert!(
            added.get(field).is_some(),
            "claim add --json keeps {field}: {added}"
        );
    }
    assert_eq!(added["tags"], json!(["energy"]));
    let similar = added["similar"].as_array().expect("similar");
    assert_eq!(
        similar[0]["statement"],
        "Wind turbines kill more birds than cars do"
    );
    assert!(
        similar.iter().all(|c| c["id"] != added["id"]),
        "the new claim is not its own match"
    );

    let (_, quiet) = desk.run(&[
        "claim",
        "add",
        "The lighthouse keeper painted the door green",
    ]);
    assert!(!quiet.contains("checked before?"), "{quiet}");
}

#[test]
fn duplicates_pairs_claims_that_say_the_same() {
    let desk = desk();
    assert_eq!(desk.json(&["claim", "duplicates"]), json!([]));
    let copy = desk.ok(&["claim", "add", "Wind turbines kill more birds than cars"]);
    let pairs = desk.json(&["claim", "duplicates"]);
    assert_eq!(pairs.as_array().expect("pairs").len(), 1, "{pairs}");
    assert_eq!(
        pairs[0]["first"]["statement"],
        "Wind turbines kill more birds than cars do"
    );
    assert_eq!(pairs[0]["first"]["origin"]["kind"], "claimreview");
    assert_eq!(pairs[0]["second"]["id"], Value::String(copy));
    assert_eq!(pairs[0]["second"]["origin"], json!({"kind": "workspace"}));
}

#[test]
fn bad_input_gets_a_clear_answer_and_nothing_is_written() {
    let desk = desk();
    let before = desk.snapshot();
    for (text, says) in [
        ("", "no words"),
        ("inflation", "one word"),
        ("the of and was", "function words"),
        ("?!… ---", "no words"),
        ("🙂🙂 🎉", "no words"),
    ] {
        let out = desk
            .cmd(&["--json", "claim", "similar", text])
            .output()
            .expect("run");
        assert!(out.status.success(), "{text:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "[]",
            "{text:?}"
        );
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{text:?}"
        );
    }
    let other_script = desk.json(&["claim", "similar", "Переговоры длились пять часов"]);
    assert_eq!(other_script, json!([]));
    let long = "the talks lasted five hours ".repeat(720);
    desk.fails(&["claim", "similar", &long], "shorten it");
    desk.fails(&["claim", "add", &long], "shorten it");
    assert_eq!(desk.snapshot(), before, "nothing was written");
}

#[test]
fn thresholds_are_settings_the_cli_sets() {
    let desk = desk();
    desk.ok(&["settings", "set", "match_threshold", "0.99"]);
    let found = desk.json(&["claim", "similar", "Wind farms kill more birds than cars"]);
    assert_eq!(found[0]["tier"], "suggestion");
    desk.ok(&["settings", "set", "match_min_words", "3"]);
    desk.ok(&["settings", "set", "match_suggestion_threshold", "0.95"]);
    assert_eq!(
        desk.json(&["claim", "similar", "Wind farms kill more birds than cars"]),
        json!([])
    );
    desk.fails(
        &["settings", "set", "match_threshold", "2"],
        "score from 0 to 1",
    );
    desk.fails(
        &["settings", "set", "match_min_words", "many"],
        "whole number of words",
    );
}
