//! *New claim*'s similar claims and a claim's *Similar claims* through IPC.

mod support;

use serde_json::json;
use support::Harness;

#[test]
fn a_typed_paraphrase_gets_the_sample_claim_as_a_match_and_a_claim_its_neighbours() {
    let h = Harness::new();
    h.create_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let found = h
        .call(
            "claim_similar",
            json!({ "statement": "The talks lasted for 5 hours", "limit": null }),
        )
        .expect("similar");
    let first = &found["claims"][0];
    assert_eq!(first["statement"], "The talks lasted five hours", "{found}");
    assert_eq!(first["tier"], "match");
    assert_eq!(first["verdict"], "unproven");
    assert_eq!(first["origin"], json!({"kind": "workspace"}));
    assert_eq!(found["notice"], json!(null));

    let short = h
        .call(
            "claim_similar",
            json!({ "statement": "talks", "limit": null }),
        )
        .expect("one word is not an error");
    assert_eq!(short["claims"], json!([]));
    assert!(
        short["notice"]
            .as_str()
            .is_some_and(|n| n.contains("one word")),
        "{short}"
    );

    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "The union talks lasted five hours", "tags": [] } }),
        )
        .expect("claim");
    let near = h
        .call("claim_similar_to", json!({ "id": claim["id"], "limit": 3 }))
        .expect("similar to");
    let claims = near["claims"].as_array().expect("claims");
    assert!(claims.iter().all(|c| c["id"] != claim["id"]), "{near}");
    assert_eq!(claims[0]["statement"], "The talks lasted five hours");
    let err = h
        .call(
            "claim_similar",
            json!({ "statement": "talks lasted", "limit": 0 }),
        )
        .expect_err("limit 0");
    assert_eq!(err["kind"], "invalid");
}
