//! `claimdesk search` and `claimdesk evidence suggest`: the JSON contract,
//! every flag, and bad input refused with what to fix.

mod common;

use common::Desk;
use serde_json::Value;

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().expect("hits")
}

#[test]
fn search_prints_passage_and_claim_hits_in_the_contracts_fields() {
    let desk = Desk::sample();
    let found = desk.json(&["search", "cancel"]);
    assert!(found["total"].as_u64().unwrap_or(0) >= 2, "{found}");
    let passage = hits(&found)
        .iter()
        .find(|h| h["kind"] == "passage")
        .expect("a passage hit");
    for field in [
        "score",
        "source",
        "version",
        "outlet",
        "title",
        "published",
        "text",
        "start",
        "end",
        "highlights",
        "snippet",
    ] {
        assert!(
            passage.get(field).is_some(),
            "passage lacks {field}: {passage}"
        );
    }
    assert_eq!(passage["published"], "2025-03-04");
    let text = passage["text"].as_str().unwrap_or_default();
    let [s, e] = [&passage["highlights"][0][0], &passage["highlights"][0][1]]
        .map(|v| v.as_u64().unwrap_or(0) as usize);
    let marked: String = text.chars().skip(s).take(e - s).collect();
    assert!(marked.to_lowercase().starts_with("cancel"), "{marked}");
    let claim = hits(&found)
        .iter()
        .find(|h| h["kind"] == "claim")
        .expect("a claim hit");
    for field in ["score", "claim", "statement", "verdict"] {
        assert!(claim.get(field).is_some(), "claim lacks {field}: {claim}");
    }
    // Plain text too, one hit per two lines.
    let text = desk.ok(&["search", "cancel"]);
    assert!(text.contains("Northern Ledger"), "{text}");
}

#[test]
fn every_search_flag_narrows_as_it_says() {
    let desk = Desk::sample();
    let courier = desk.json(&["search", "hours", "--outlet", "Coastal Courier"]);
    assert!(
        hits(&courier)
            .iter()
            .all(|h| h["outlet"] == "Coastal Courier"),
        "{courier}"
    );
    assert!(!hits(&courier).is_empty());
    assert_eq!(
        desk.json(&["search", "hours", "--since", "2025-03-05"])["total"],
        0
    );
    assert!(
        desk.json(&["search", "hours", "--until", "2025-03-04"])["total"]
            .as_u64()
            .unwrap_or(0)
            >= 2
    );
    let claims = desk.json(&["search", "hours", "--in", "claims"]);
    assert!(hits(&claims).iter().all(|h| h["kind"] == "claim") && !hits(&claims).is_empty());
    let sources = desk.json(&["search", "hours", "--in", "sources"]);
    assert!(hits(&sources).iter().all(|h| h["kind"] == "passage"));
    assert_eq!(
        hits(&desk.json(&["search", "hours", "--limit", "1"])).len(),
        1
    );
    // A second version: the first version's words only with --all-versions.
    let v1 = desk.file("v1.txt", "Notice\n\nThe ferry leaves at nine.");
    let v2 = desk.file("v2.txt", "Notice\n\nThe ferry leaves at ten.");
    desk.ok(&["source", "add", &v1, "--url", "https://port.example/notice"]);
    desk.ok(&["source", "add", &v2, "--url", "https://port.example/notice"]);
    assert_eq!(desk.json(&["search", "nine leaves"])["total"], 0);
    let all = desk.json(&["search", "nine leaves", "--all-versions"]);
    assert_eq!(all["total"], 1);
    assert_eq!(hits(&all)[0]["version"], 1);
}

#[test]
fn bad_search_input_is_refused_with_what_to_fix_and_hostile_queries_are_fine() {
    let desk = Desk::sample();
    desk.cmd(&["search", "x", "--since", "last week"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("write it as YYYY-MM-DD"));
    desk.cmd(&["search", "x", "--in", "everything"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("neither claims nor sources"));
    desk.fails(&["search", "x", "--limit", "0"], "between 1 and 500");
    desk.fails(
        &[
            "search",
            "x",
            "--since",
            "2025-04-01",
            "--until",
            "2025-03-01",
        ],
        "is after until",
    );
    for q in [
        "NEAR(talks",
        "talk*",
        "^",
        "text:talks",
        "\"unbalanced",
        "col:",
    ] {
        let out = desk.cmd(&["search", q, "--json"]).output().expect("run");
        assert!(
            out.status.success(),
            "{q}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.to_lowercase().contains("fts5") && !stderr.contains("syntax error"),
            "{q}: {stderr}"
        );
    }
    let typed = desk
        .cmd(&["search", "hours since:soon"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&typed.stderr).contains("since: needs a day"));
}

#[test]
fn evidence_suggest_lists_passages_with_a_number_that_differs() {
    let desk = Desk::sample();
    let claim = desk.ok(&["claim", "add", "The ferry talks went on for five hours"]);
    let got = desk.json(&["evidence", "suggest", &claim, "--limit", "5"]);
    let list = got["suggestions"].as_array().expect("suggestions");
    assert!(list.len() <= 5 && !list.is_empty());
    for field in [
        "source", "version", "text", "start", "end", "score", "checks",
    ] {
        assert!(list[0].get(field).is_some(), "suggestion lacks {field}");
    }
    let differs = list
        .iter()
        .flat_map(|s| s["checks"].as_array().cloned().unwrap_or_default())
        .find(|c| c["kind"] == "number" && c["agrees"] == false)
        .expect("a number that differs");
    assert_eq!(
        (differs["claim"].as_str(), differs["passage"].as_str()),
        (Some("five hours"), Some("four hours"))
    );
    let text = desk.ok(&["evidence", "suggest", &claim]);
    assert!(
        text.contains("number differs: five hours / four hours"),
        "{text}"
    );
    desk.fails(
        &["evidence", "suggest", &claim, "--limit", "1000"],
        "between 1 and 100",
    );
    desk.fails(&["evidence", "suggest", "ffffffff"], "no claim");
}
