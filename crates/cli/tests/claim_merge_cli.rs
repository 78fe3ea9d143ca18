//! `claimdesk claim merge` and `claim unmerge`: the JSON they print, what
//! `claim list --merged` and `claim show` say, and refusals that change nothing.

mod common;

use common::Desk;
use serde_json::Value;

/// Two claims with a passage each and a tag on the duplicate.
fn two_claims(desk: &Desk) -> (String, String) {
    let keep = desk.ok(&[
        "claim",
        "add",
        "The ferry fare rises 12% in April",
        "--tag",
        "ferry",
    ]);
    let dup = desk.ok(&[
        "claim",
        "add",
        "Ferry tickets cost 12% more from April",
        "--tag",
        "fares",
        "--notes",
        "Seen on the harbour notice board",
    ]);
    let text = desk.file(
        "notice.txt",
        "Harbour notice\n\nFares rise by 12% on 1 April.\nThe council has not approved the rise.",
    );
    let source = desk.ok(&["source", "add", &text]);
    for (claim, quote, stance) in [
        (&keep, "Fares rise by 12% on 1 April.", "supports"),
        (&dup, "The council has not approved the rise.", "disputes"),
    ] {
        desk.ok(&[
            "evidence", "add", "--claim", claim, "--source", &source, "--quote", quote, "--stance",
            stance,
        ]);
    }
    (keep, dup)
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .map(|c| c["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn merge_prints_what_moved_and_unmerge_puts_it_back() {
    let desk = Desk::new();
    let (keep, dup) = two_claims(&desk);

    let m = desk.json(&[
        "claim",
        "merge",
        &dup,
        "--into",
        &keep,
        "--note",
        "same claim",
    ]);
    assert_eq!(m["duplicate_id"], dup.as_str());
    assert_eq!(m["keeper_id"], keep.as_str());
    assert_eq!(m["note"], "same claim");
    assert_eq!(m["tags_added"], serde_json::json!(["fares"]));
    assert_eq!(m["notes_moved"], "Seen on the harbour notice board");
    assert_eq!(m["evidence_ids"].as_array().map(Vec::len), Some(1));
    assert_eq!(m["unmerged_at"], Value::Null);

    assert_eq!(ids(&desk.json(&["claim", "list"])), vec![keep.clone()]);
    assert_eq!(
        ids(&desk.json(&["claim", "list", "--merged"])),
        vec![dup.clone()]
    );
    let shown = desk.json(&["claim", "show", &keep]);
    assert_eq!(shown["evidence"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        shown["claim"]["tags"],
        serde_json::json!(["fares", "ferry"])
    );
    assert_eq!(shown["merged_from"][0]["duplicate_id"], dup.as_str());
    let text = desk.ok(&["claim", "show", &dup]);
    assert!(text.contains(&format!("merged into {keep}")), "{text}");
    let text = desk.ok(&["claim", "show", &keep]);
    assert!(text.contains(&format!("merged here {dup}")), "{text}");
    let (out, err) = desk.run(&["claim", "list", "--merged"]);
    assert!(out.contains("Ferry tickets cost 12% more"), "{out}");
    assert!(err.contains("claim unmerge"), "{err}");
    let history = desk.json(&["claim", "history", &keep]);
    assert!(
        history
            .as_array()
            .into_iter()
            .flatten()
            .any(|h| h["field"] == "merged_from" && h["new"] == dup.as_str()),
        "{history}"
    );

    let u = desk.json(&["claim", "unmerge", &dup, "--note", "different claims"]);
    assert_eq!(u["duplicate_id"], dup.as_str());
    assert!(u["unmerged_at"].is_string(), "{u}");
    let mut listed = ids(&desk.json(&["claim", "list"]));
    listed.sort();
    let mut both = vec![keep.clone(), dup.clone()];
    both.sort();
    assert_eq!(listed, both);
    let dup_shown = desk.json(&["claim", "show", &dup]);
    assert_eq!(dup_shown["evidence"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        dup_shown["claim"]["notes"],
        "Seen on the harbour notice board"
    );
    assert_eq!(dup_shown["merged_into"], Value::Null);
    assert_eq!(
        desk.json(&["claim", "show", &keep])["claim"]["tags"],
        serde_json::json!(["ferry"])
    );
    let (_, err) = desk.run(&["claim", "list", "--merged"]);
    assert!(err.contains("no merged claims match"), "{err}");
}

#[test]
fn text_output_names_the_kept_claim_and_how_to_undo() {
    let desk = Desk::new();
    let (keep, dup) = two_claims(&desk);
    let (out, err) = desk.run(&["claim", "merge", &dup[..20], "--into", &keep[..20]]);
    assert_eq!(out, keep);
    assert!(err.contains("1 passage, tags fares, notes"), "{err}");
    assert!(
        err.contains(&format!("claimdesk claim unmerge {dup}")),
        "{err}"
    );
    let (out, _) = desk.run(&["claim", "unmerge", &dup]);
    assert_eq!(out, dup);
}

#[test]
fn refused_merges_say_what_to_fix_and_change_nothing() {
    let desk = Desk::new();
    let (keep, dup) = two_claims(&desk);
    let third = desk.ok(&["claim", "add", "The ferry runs on Sundays"]);
    let before = desk.snapshot();
    desk.fails(
        &["claim", "merge", &dup, "--into", &dup],
        "cannot be merged into itself",
    );
    desk.fails(&["claim", "merge", "ffffffff", "--into", &keep], "no claim");
    desk.fails(&["claim", "unmerge", &dup], "is not merged");
    assert_eq!(desk.snapshot(), before);

    desk.ok(&["claim", "delete", &third]);
    desk.fails(&["claim", "merge", &dup, "--into", &third], "is deleted");
    desk.ok(&["claim", "restore", &third]);

    desk.ok(&["claim", "merge", &dup, "--into", &keep]);
    let merged = desk.snapshot();
    desk.fails(
        &["claim", "merge", &keep, "--into", &dup],
        "would make a loop",
    );
    desk.fails(&["claim", "merge", &third, "--into", &dup], "merge into");
    desk.fails(
        &["claim", "merge", &dup, "--into", &third],
        "already merged",
    );
    assert_eq!(desk.snapshot(), merged);
    desk.cmd(&["claim", "list", "--merged", "--deleted"])
        .assert()
        .failure();
}

#[test]
fn a_bundle_carries_the_merge_to_another_desk() {
    let desk = Desk::new();
    let (keep, dup) = two_claims(&desk);
    desk.ok(&["claim", "merge", &dup, "--into", &keep]);
    let file = desk.path("merged.json");
    let file = file.to_str().expect("utf-8");
    desk.ok(&["bundle", "export", "-o", file]);

    let other = Desk::new();
    let (_, err) = other.run(&["bundle", "import", file]);
    assert!(err.contains("merges: 1 changed"), "{err}");
    assert_eq!(ids(&other.json(&["claim", "list"])), vec![keep.clone()]);
    assert_eq!(
        ids(&other.json(&["claim", "list", "--merged"])),
        vec![dup.clone()]
    );
    other.ok(&["claim", "unmerge", &dup]);
    assert_eq!(
        other.json(&["claim", "show", &dup])["evidence"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "the other desk can undo it too"
    );
}
