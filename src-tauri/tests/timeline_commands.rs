//! The Timeline view's and the claim form's date-offer commands through IPC.

mod support;

use serde_json::json;
use support::Harness;

#[test]
fn the_sample_timeline_has_events_by_day_and_the_deadline_claim() {
    let h = Harness::new();
    h.create_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let t = h
        .call(
            "timeline_view",
            json!({ "request": { "sources": [], "from": null, "to": null,
            "outlet": null, "tag": null, "only_conflicts": false } }),
        )
        .expect("timeline");
    let events = t["events"].as_array().expect("events");
    assert!(
        events
            .iter()
            .any(|e| e["expression"] == "on Tuesday" && e["outlet"] == "Coastal Courier"),
        "{t}"
    );
    assert_eq!(t["deadlines"][0]["date"], "2025-03-07");

    let ledger = h
        .call(
            "timeline_view",
            json!({ "request": { "sources": [], "from": "2025-03-05", "to": "2025-03-05",
            "outlet": "Northern Ledger", "tag": null, "only_conflicts": false } }),
        )
        .expect("filtered");
    let outlets: Vec<_> = ledger["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| &e["outlet"])
        .collect();
    assert!(
        !outlets.is_empty() && outlets.iter().all(|o| *o == "Northern Ledger"),
        "{ledger}"
    );

    let err = h
        .call(
            "timeline_view",
            json!({ "request": { "sources": [], "from": "2025-03-09", "to": "2025-03-01",
            "outlet": null, "tag": null, "only_conflicts": false } }),
        )
        .expect_err("backwards range");
    assert_eq!(err["kind"], "invalid");
    assert!(
        err["message"]
            .as_str()
            .unwrap_or_default()
            .contains("give the earlier day first"),
        "{err}"
    );
}

#[test]
fn a_claims_words_offer_its_event_date_and_accepting_it_is_recorded_in_history() {
    let h = Harness::new();
    h.create_workspace();
    let offers = h
        .call(
            "claim_date_offer",
            json!({ "statement": "Trump set a Thanksgiving Day deadline for Kyiv",
            "claimedOn": "2025-11-21" }),
        )
        .expect("offers");
    assert_eq!(offers[0]["date"], "2025-11-27");
    assert_eq!(offers[0]["expression"], "Thanksgiving Day");

    let claim = h
        .call(
            "claim_add",
            json!({ "claim": { "statement": "Trump set a Thanksgiving Day deadline for Kyiv",
            "claimed_on": "2025-11-21", "tags": [] } }),
        )
        .expect("claim");
    let edited = h
        .call(
            "claim_edit",
            json!({ "id": claim["id"], "edit": { "event_on": offers[0]["date"] },
            "note": "date from the claim's words" }),
        )
        .expect("accept");
    assert_eq!(edited["event_on"], "2025-11-27");
    let history = h
        .call("claim_history", json!({ "id": claim["id"] }))
        .expect("history");
    let last = history
        .as_array()
        .and_then(|a| a.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (&last["field"], &last["new"]),
        (&json!("event_on"), &json!("2025-11-27"))
    );
}

#[test]
fn a_pin_from_the_view_is_refused_when_the_day_is_not_a_reading() {
    let h = Harness::new();
    h.create_workspace();
    h.call("workspace_fill_sample", json!({})).expect("sample");
    let t = h
        .call(
            "timeline_view",
            json!({ "request": { "sources": [], "from": null, "to": null,
            "outlet": null, "tag": null, "only_conflicts": false } }),
        )
        .expect("timeline");
    let e = &t["events"][0];
    let err = h
        .call(
            "timeline_pin",
            json!({ "source": e["source"], "expressionStart": e["expression_start"],
            "date": "1999-01-01", "note": null }),
        )
        .expect_err("not ambiguous");
    assert_eq!(err["kind"], "invalid");
    let history = h
        .call("timeline_pins", json!({ "source": e["source"] }))
        .expect("pins");
    assert_eq!(history, json!([]));
}
