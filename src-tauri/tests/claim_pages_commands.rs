//! The window pages the claims list through `claim_page` and counts it with
//! `claim_count`; the reader opens a source with `source_reading`.

mod support;

use serde_json::{Value, json};
use support::Harness;

fn filter(sort: &str) -> Value {
    json!({ "text": null, "verdict": null, "tag": null, "sort": sort })
}

#[test]
fn the_window_walks_the_claim_list_a_page_at_a_time() {
    let h = Harness::new();
    h.create_workspace();
    for i in 0..7 {
        h.call(
            "claim_add",
            json!({ "claim": { "statement": format!("Harbour claim {i}"), "tags": [] } }),
        )
        .expect("claim added");
    }
    let full = h
        .call("claim_list", json!({ "filter": filter("created") }))
        .expect("list");
    let mut walked: Vec<Value> = Vec::new();
    let mut after = Value::Null;
    loop {
        let page = h
            .call(
                "claim_page",
                json!({ "filter": filter("created"), "limit": 3, "after": after }),
            )
            .expect("a page");
        walked.extend(page["claims"].as_array().expect("claims").iter().cloned());
        if page["next"].is_null() {
            break;
        }
        after = page["next"].clone();
    }
    assert_eq!(Value::Array(walked), full);
    let count = h
        .call("claim_count", json!({ "filter": filter("updated") }))
        .expect("count");
    assert_eq!(count, 7);
    let err = h
        .call(
            "claim_page",
            json!({ "filter": filter("created"), "limit": 3, "after": "garbage" }),
        )
        .expect_err("a bad cursor");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("not a cursor of the claim list")
    );
}

#[test]
fn the_reader_opens_a_source_with_its_latest_version_in_one_call() {
    let h = Harness::new();
    h.create_workspace();
    let added = h
        .call(
            "source_add",
            json!({ "source": { "title": "Talks", "text": "The talks lasted five hours.", "authors": [] } }),
        )
        .expect("source added");
    let id = added["source"]["id"].as_str().expect("id");
    let reading = h
        .call("source_reading", json!({ "id": id, "number": null }))
        .expect("reading");
    assert_eq!(reading["source"]["title"], "Talks");
    assert_eq!(reading["source"]["version_count"], 1);
    assert_eq!(reading["version"]["text"], "The talks lasted five hours.");
}
