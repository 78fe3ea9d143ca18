//! `claimdesk anchor` (a selector found in a text file) and the passages to
//! review after a source changed: `evidence review`, `accept`, `keep`.
//! Every text here is invented.

mod common;

use common::Desk;
use serde_json::json;

const ARTICLE: &str = "The expedition set out in March to discover ice on the northern ridge. Guides said the climb would discover ice caves too.";

#[test]
fn anchor_prints_the_selector_as_json_and_uses_every_flag() {
    let desk = Desk::new();
    let file = desk.file("article.txt", ARTICLE);
    let exact = desk.json(&["anchor", &file, "--exact", "northern ridge"]);
    assert_eq!(exact["start"], 55);
    assert_eq!(exact["end"], 69);
    assert_eq!(exact["exact"], "northern ridge");
    assert_eq!(exact["score"], 1.0);
    assert_eq!(exact["method"], "exact");
    assert_eq!(exact["status"], "anchored");

    let by_context = desk.json(&[
        "anchor",
        &file,
        "--exact",
        "discover ice",
        "--prefix",
        "the climb would ",
        "--suffix",
        " caves",
    ]);
    assert_eq!(by_context["start"], 99);
    assert_eq!(by_context["method"], "context");

    let by_position = desk.json(&[
        "anchor",
        &file,
        "--exact",
        "discover ice",
        "--start",
        "99",
        "--end",
        "111",
    ]);
    assert_eq!(
        (by_position["start"].clone(), by_position["method"].clone()),
        (json!(99), json!("position"))
    );

    let by_hint = desk.json(&["anchor", &file, "--exact", "discover ice", "--hint", "97"]);
    assert_eq!(by_hint["start"], 99);

    let fuzzy = desk.json(&[
        "anchor",
        &file,
        "--exact",
        "the expedition set off in March",
    ]);
    assert_eq!(fuzzy["exact"], "The expedition set out in March");
    assert_eq!(fuzzy["method"], "fuzzy");
    assert_eq!(fuzzy["status"], "needs_review");
}

#[test]
fn anchor_exits_1_when_nothing_is_close_enough() {
    let desk = Desk::new();
    let file = desk.file("article.txt", ARTICLE);
    desk.fails(
        &[
            "anchor",
            &file,
            "--exact",
            "the minister resigned on Friday",
        ],
        "is not in the text with enough confidence",
    );
    desk.fails(
        &["anchor", &file, "--exact", " "],
        "the quote (--exact) is empty",
    );
}

/// A claim with one passage of version 1 of a page, then version 2 of the page.
fn changed_desk() -> (Desk, String, String) {
    let desk = Desk::new();
    let v1 = "Storm delays the island ferry\n\nThe crossing took five hours in the storm, the captain said. Passengers were given blankets and tea.";
    let file = desk.file("v1.txt", v1);
    let source = desk.ok(&[
        "source",
        "add",
        &file,
        "--url",
        "https://harbour.example/storm",
    ]);
    let claim = desk.ok(&["claim", "add", "The storm crossing took five hours"]);
    let evidence = desk.ok(&[
        "evidence",
        "add",
        "--claim",
        &claim,
        "--source",
        &source,
        "--quote",
        "The crossing took five hours in the storm",
        "--stance",
        "supports",
    ]);
    let file2 = desk.file("v2.txt", &v1.replace("five hours", "four hours"));
    desk.ok(&[
        "source",
        "add",
        &file2,
        "--url",
        "https://harbour.example/storm",
    ]);
    (desk, claim, evidence)
}

#[test]
fn evidence_review_lists_the_edited_passage_with_its_diff() {
    let (desk, claim, evidence) = changed_desk();
    let queue = desk.json(&["evidence", "review"]);
    let r = &queue[0];
    assert_eq!(r["evidence_id"], evidence.as_str());
    assert_eq!(r["claim_id"], claim.as_str());
    assert_eq!(r["status"], "edited");
    assert_eq!(r["read_in_version"], 1);
    assert_eq!(r["version"], 2);
    assert_eq!(r["exact"], "The crossing took five hours in the storm");
    assert_eq!(
        r["found"]["exact"],
        "The crossing took four hours in the storm"
    );
    assert!(
        r["diff"]
            .as_array()
            .is_some_and(|d| d.contains(&json!({"op": "delete", "text": "five"})))
    );
    let text = desk.ok(&["evidence", "review"]);
    assert!(
        text.contains("version 2 changed this passage: 'five' → 'four'"),
        "{text}"
    );
}

#[test]
fn evidence_accept_moves_the_passage_and_keep_leaves_it() {
    let (desk, claim, evidence) = changed_desk();
    desk.ok(&[
        "evidence",
        "accept",
        &evidence[..8],
        "--note",
        "the outlet corrected it",
    ]);
    let list = desk.json(&["evidence", "list", "--claim", &claim]);
    assert_eq!(list[0]["version_number"], 2);
    assert_eq!(
        list[0]["evidence"]["exact"],
        "The crossing took four hours in the storm"
    );
    assert_eq!(desk.json(&["evidence", "review"]), json!([]));
    desk.fails(
        &["evidence", "keep", &evidence, "--note", "again"],
        "nothing to review",
    );

    let (desk, claim, evidence) = changed_desk();
    let kept = desk.json(&[
        "evidence",
        "keep",
        &evidence,
        "--note",
        "version 1 is what was said",
    ]);
    assert_eq!(kept["status"], "edited");
    let (field, _, new) = desk.last_change(&claim);
    assert_eq!(field, "evidence");
    assert!(
        new.as_str()
            .is_some_and(|n| n.contains("kept (version 2: edited)"))
    );
    assert_eq!(desk.json(&["evidence", "list"])[0]["version_number"], 1);
}
