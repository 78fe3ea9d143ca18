//! Bundles carry what imported ClaimReviews said (publisher, URL, headline,
//! summary) and the readings pinned for ambiguous dates: a review moved by
//! bundle still shows as the other fact-checker's, and a pin still holds, on
//! the desk that imports it; the round trip is byte-identical, importing
//! twice changes nothing, and a bundle written before either imports.

mod common;

use chrono::NaiveDate;
use claimdesk_core::exchange::bundle;
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::model::NewSource;
use claimdesk_core::report::Selection;
use claimdesk_core::search::similar::{self, Origin};
use claimdesk_core::timeline::{
    Event, TimelineFilter, pin_history, pin_reading, unpin_reading, workspace_timeline,
};
use claimdesk_core::{ErrorKind, Workspace};
use common::{empty_workspace, table_dump};
use serde_json::Value;

/// Published on Wednesday 3 December 2025: "on Saturday" without a tense may
/// be 29 November or 6 December.
const TALKS: &str = "The harbour board sat late. The talks are on Saturday, the clerk said.";
const REVIEWED: &str = "The harbour ferry fares doubled in March";

fn bundle_text(ws: &Workspace) -> String {
    bundle::bundle_to_json(&bundle::export_bundle(ws, &Selection::default()).expect("export"))
        .expect("json")
}

fn saturday(ws: &Workspace) -> Event {
    workspace_timeline(ws, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .into_iter()
        .find(|e| e.expression == "on Saturday")
        .expect("the Saturday is on the timeline")
}

/// A desk with a review imported from another fact-checker and a source whose
/// Saturday was pinned, unpinned and pinned again.
fn desk() -> (tempfile::TempDir, Workspace, String) {
    let (dir, ws) = empty_workspace();
    import_claimreview(
        &ws,
        &format!(
            r#"{{"@type": "ClaimReview", "@id": "https://coastal-checks.example/r/7",
                "url": "https://coastal-checks.example/r/7", "claimReviewed": "{REVIEWED}",
                "headline": "Did ferry fares double?", "description": "They rose by a third.",
                "author": {{"name": "Coastal Checks"}}, "reviewRating": {{"alternateName": "False"}}}}"#
        ),
    )
    .expect("claimreview");
    let source = ws
        .sources()
        .add(NewSource {
            title: "Harbour board".into(),
            outlet: Some("Ledger".into()),
            published_on: NaiveDate::from_ymd_opt(2025, 12, 3),
            text: TALKS.into(),
            ..Default::default()
        })
        .expect("source")
        .source
        .id;
    let at = saturday(&ws).expression_start;
    pin_reading(&ws, &source, at, "2025-12-06", None).expect("pin");
    unpin_reading(&ws, &source, at, Some("not sure")).expect("unpin");
    pin_reading(
        &ws,
        &source,
        at,
        "2025-11-29",
        Some("the clerk meant last week"),
    )
    .expect("pin");
    (dir, ws, source)
}

fn origin_of_the_review(ws: &Workspace) -> Origin {
    similar::similar(ws, "In March the harbour ferry fares doubled", None)
        .expect("similar")
        .claims
        .into_iter()
        .find(|c| c.statement == REVIEWED)
        .expect("the reviewed claim is listed")
        .origin
}

#[test]
fn a_review_moved_by_bundle_still_shows_who_checked_it() {
    let (_d, ws, _) = desk();
    let (_o, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle_text(&ws)).expect("import");
    let expected = Origin::Claimreview {
        publisher: Some("Coastal Checks".into()),
        url: Some("https://coastal-checks.example/r/7".into()),
    };
    assert_eq!(origin_of_the_review(&ws), expected);
    assert_eq!(
        origin_of_the_review(&other),
        expected,
        "not shown as this desk's own"
    );
    // The review's headline is matched on there too.
    let by_headline =
        similar::similar(&other, "Did the ferry fares double", None).expect("similar");
    assert_eq!(by_headline.claims[0].statement, REVIEWED);
}

#[test]
fn a_pinned_reading_still_holds_after_the_trip_with_its_history() {
    let (_d, ws, source) = desk();
    let (_o, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle_text(&ws)).expect("import");
    assert_eq!(saturday(&ws).date, "2025-11-29");
    assert_eq!(saturday(&other).date, "2025-11-29", "the pin holds there");
    assert_eq!(
        pin_history(&other, &source).expect("history"),
        pin_history(&ws, &source).expect("history"),
        "every pin and unpin came along"
    );
}

#[test]
fn the_round_trip_is_byte_identical_and_a_second_import_changes_nothing() {
    let (_d, ws, _) = desk();
    let first = bundle_text(&ws);
    let doc: Value = serde_json::from_str(&first).expect("json");
    assert_eq!(doc["claimreview_texts"].as_array().map(Vec::len), Some(1));
    assert_eq!(doc["claimreview_texts"][0]["publisher"], "Coastal Checks");
    assert_eq!(
        doc["claimreview_texts"][0]["headline"],
        "Did ferry fares double?"
    );
    assert_eq!(doc["date_pins"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["date_pins"][2]["pinned"], "2025-11-29/day");

    let (_o, other) = empty_workspace();
    let result = bundle::import_bundle(&other, &first).expect("import");
    assert_eq!((result.reviews_added, result.date_pins_added), (1, 3));
    assert_eq!(bundle_text(&other), first, "byte-identical after the trip");

    let again = bundle::import_bundle(&other, &first).expect("again");
    assert!(!again.changed(), "{again:?}");
    let home = bundle::import_bundle(&ws, &first).expect("into itself");
    assert!(!home.changed(), "{home:?}");
    assert_eq!(bundle_text(&other), first);
}

#[test]
fn a_bundle_written_before_reviews_and_pins_travelled_still_imports() {
    let (_d, ws, _) = desk();
    let mut doc: Value = serde_json::from_str(&bundle_text(&ws)).expect("json");
    let fields = doc.as_object_mut().expect("object");
    fields.remove("claimreview_texts");
    fields.remove("date_pins");
    let (_o, other) = empty_workspace();
    let result = bundle::import_bundle(&other, &doc.to_string()).expect("an older bundle imports");
    assert_eq!(result.claims_added, 1);
    assert_eq!((result.reviews_added, result.date_pins_added), (0, 0));
    assert_eq!(saturday(&other).reading, "ambiguous", "no pin came with it");
}

#[test]
fn a_pin_whose_version_is_nowhere_refuses_the_whole_bundle() {
    let (_d, ws, _) = desk();
    let mut doc: Value = serde_json::from_str(&bundle_text(&ws)).expect("json");
    doc["date_pins"][1]["version_id"] = "0199aaaa-0000-7000-8000-000000000000".into();
    let (_o, other) = empty_workspace();
    let before = table_dump(&other);
    let err = bundle::import_bundle(&other, &doc.to_string()).expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let message = err.to_string();
    assert!(
        message.contains("date_pins[1]") && message.contains("neither in the bundle nor here"),
        "{message}"
    );
    assert_eq!(table_dump(&other), before, "nothing was written");

    let mut doc: Value = serde_json::from_str(&bundle_text(&ws)).expect("json");
    doc["date_pins"][0]["pinned"] = "next week".into();
    let err = bundle::import_bundle(&other, &doc.to_string()).expect_err("refused");
    assert!(err.to_string().contains("YYYY-MM-DD/precision"), "{err}");
    assert_eq!(table_dump(&other), before, "nothing was written");
}

#[test]
fn of_two_desks_pinning_the_same_date_the_later_pin_holds_whatever_order_they_arrive_in() {
    let (_d, ws) = empty_workspace();
    let source = ws
        .sources()
        .add(NewSource {
            title: "Harbour board".into(),
            published_on: NaiveDate::from_ymd_opt(2025, 12, 3),
            text: TALKS.into(),
            ..Default::default()
        })
        .expect("source")
        .source
        .id;
    let (_o, other) = empty_workspace();
    bundle::import_bundle(&other, &bundle_text(&ws)).expect("the source travels");
    let at = saturday(&ws).expression_start;
    // This desk pins first; the other desk pins the other reading later.
    pin_reading(&ws, &source, at, "2025-11-29", None).expect("pin here");
    std::thread::sleep(std::time::Duration::from_millis(2));
    pin_reading(&other, &source, at, "2025-12-06", None).expect("pin there");

    // The earlier pin arrives at the other desk after its own later one.
    bundle::import_bundle(&other, &bundle_text(&ws)).expect("import");
    assert_eq!(saturday(&other).date, "2025-12-06", "the later pin holds");
    // And the other way round.
    bundle::import_bundle(&ws, &bundle_text(&other)).expect("import back");
    assert_eq!(
        saturday(&ws).date,
        "2025-12-06",
        "the later pin holds here too"
    );
    assert_eq!(
        bundle_text(&ws),
        bundle_text(&other),
        "both desks end the same"
    );
}
