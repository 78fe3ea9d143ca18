//! The search box's and *Find evidence*'s commands through IPC.

mod support;

use serde_json::json;
use support::Harness;

#[test]
fn the_search_box_gets_hits_with_highlights_and_find_evidence_a_number_that_differs() {
    let h = Harness::new();
    h.create_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let found = h
        .call(
            "search_run",
            json!({ "request": { "query": "hours", "outlet": null, "since": null, "until": null,
                                 "scope": null, "all_versions": false, "limit": 10 } }),
        )
        .expect("search");
    let hits = found["hits"].as_array().expect("hits");
    assert!(
        hits.iter()
            .any(|h| h["kind"] == "passage" && h["highlights"][0].is_array()),
        "{found}"
    );
    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "The ferry talks went on for five hours", "tags": [] } }),
        )
        .expect("claim");
    let got = h
        .call(
            "evidence_suggest",
            json!({ "claim": claim["id"], "limit": null }),
        )
        .expect("suggest");
    let differs = got["suggestions"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["checks"].as_array().cloned().unwrap_or_default())
        .any(|c| c["kind"] == "number" && c["agrees"] == false && c["passage"] == "four hours");
    assert!(differs, "{got}");
    let err = h
        .call(
            "evidence_suggest",
            json!({ "claim": claim["id"], "limit": 0 }),
        )
        .expect_err("limit 0");
    assert_eq!(err["kind"], "invalid");
}
