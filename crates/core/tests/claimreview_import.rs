//! Importing other fact-checkers' ClaimReview JSON-LD.

mod common;

use claimdesk_core::ErrorKind;
use claimdesk_core::exchange::import_claimreview;
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
use common::{empty_workspace, fixture};

fn review(id: &str, statement: &str, rating: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": id,
        "url": id,
        "claimReviewed": statement,
        "author": { "@type": "Organization", "name": "Other Desk" },
        "reviewRating": rating,
        "itemReviewed": {
            "@type": "Claim",
            "author": { "@type": "Person", "name": "Pat Moreno" },
            "datePublished": "2025-02-10T09:00:00Z",
            "appearance": [{ "@type": "CreativeWork", "url": "https://video.example/clip/9" }]
        }
    })
}

#[test]
fn an_array_of_reviews_becomes_claims_with_mapped_verdicts() {
    let (_d, ws) = empty_workspace();
    let file = serde_json::json!([
        review(
            "https://o.example/1",
            "Label in any case",
            serde_json::json!({"alternateName": "mostly TRUE", "ratingValue": 1})
        ),
        review(
            "https://o.example/2",
            "Number on a ten-point scale",
            serde_json::json!({"ratingValue": "8", "bestRating": 10, "worstRating": 0})
        ),
        review(
            "https://o.example/3",
            "Unknown label with a number",
            serde_json::json!({"alternateName": "Pants on Fire", "ratingValue": 1, "bestRating": 6, "worstRating": 1})
        ),
        review(
            "https://o.example/4",
            "Unknown label alone",
            serde_json::json!({"alternateName": "Needs context"})
        ),
    ]);
    let out = import_claimreview(&ws, &file.to_string()).expect("import");
    assert_eq!(out.added.len(), 4);
    assert_eq!(out.unmapped.len(), 2);
    let claim = |i: usize| ws.claims().get(&out.added[i]).expect("claim");

    let first = claim(0);
    assert_eq!(
        first.verdict, "mostly_true",
        "the label wins over the number"
    );
    assert_eq!(first.claimant.as_deref(), Some("Pat Moreno"));
    assert_eq!(first.claimed_on, common::date(2025, 2, 10));
    assert!(first.notes.contains("https://video.example/clip/9"));
    assert_eq!(first.tags, vec!["imported"]);

    assert_eq!(claim(1).verdict, "mostly_true", "8 of 0..10 is 4.2 of 1..5");

    let pants = claim(2);
    assert_eq!(pants.verdict, "false");
    assert!(pants.tags.contains(&"imported-unmapped".to_string()));
    assert!(
        pants.rationale.contains("“Pants on Fire”"),
        "the label is kept word for word"
    );
    assert!(pants.rationale.contains("by Other Desk"));

    let unknown = claim(3);
    assert_eq!(unknown.verdict, "unverified");
    assert!(unknown.tags.contains(&"imported-unmapped".to_string()));

    let history = ws.claims().history(&first.id).expect("history");
    let fields: Vec<&str> = history.iter().map(|h| h.field.as_str()).collect();
    assert_eq!(fields, ["created", "verdict", "rationale"]);
    assert!(history.iter().all(|h| h.actor == "tester"));
}

#[test]
fn a_single_object_and_a_graph_are_read_too() {
    let (_d, ws) = empty_workspace();
    let one = review(
        "https://o.example/a",
        "One review",
        serde_json::json!({"alternateName": "False"}),
    );
    assert_eq!(
        import_claimreview(&ws, &one.to_string())
            .expect("object")
            .added
            .len(),
        1
    );
    let graph = serde_json::json!({
        "@context": "https://schema.org",
        "@graph": [
            { "@type": "WebPage", "name": "not a review" },
            review("https://o.example/b", "In a graph", serde_json::json!({"alternateName": "Verified"}))
        ]
    });
    let out = import_claimreview(&ws, &graph.to_string()).expect("graph");
    assert_eq!(out.added.len(), 1);
    assert_eq!(
        ws.claims().get(&out.added[0]).expect("claim").verdict,
        "verified"
    );
}

#[test]
fn importing_the_same_reviews_again_adds_nothing() {
    let (_d, ws) = empty_workspace();
    let file = serde_json::json!([
        review("https://o.example/1", "First", serde_json::json!({"alternateName": "False"})),
        // No @id: remembered by URL and statement.
        { "@type": "ClaimReview", "url": "https://o.example/2", "claimReviewed": "Second" },
    ])
    .to_string();
    let first = import_claimreview(&ws, &file).expect("first");
    let again = import_claimreview(&ws, &file).expect("again");
    assert!(again.added.is_empty());
    assert_eq!(again.already_imported, first.added);
    assert_eq!(
        ws.claims().list(&Default::default()).expect("list").len(),
        2
    );
}

#[test]
fn our_own_claimreview_export_imports_into_another_workspace() {
    let f = fixture();
    let exported = report::export(
        &f.ws,
        &ReportRequest {
            format: ReportFormat::ClaimReview,
            selection: Selection::default(),
        },
    )
    .expect("export")
    .content;
    let (_d, other) = empty_workspace();
    let out = import_claimreview(&other, &exported).expect("import");
    assert_eq!(out.added.len(), 3);
    assert!(
        out.unmapped.is_empty(),
        "every label of the default scale maps back"
    );
    let mut verdicts: Vec<String> = out
        .added
        .iter()
        .map(|id| other.claims().get(id).expect("claim").verdict)
        .collect();
    verdicts.sort();
    assert_eq!(verdicts, ["false", "in_review", "mostly_true"]);
}

#[test]
fn a_rating_outside_its_scale_is_kept_unmapped_and_printed_short() {
    let (_d, ws) = empty_workspace();
    let huge = format!("1{}", "0".repeat(400));
    // Written by hand: 1e308 must reach the import as the number it is.
    let file = format!(
        r#"[
        {{"@type": "ClaimReview", "@id": "https://o.example/huge", "claimReviewed": "Huge rating",
          "reviewRating": {{"ratingValue": 1e308, "bestRating": 5, "worstRating": 1}}}},
        {{"@type": "ClaimReview", "@id": "https://o.example/below", "claimReviewed": "Below the worst",
          "reviewRating": {{"ratingValue": 0, "bestRating": 10, "worstRating": 1}}}},
        {{"@type": "ClaimReview", "@id": "https://o.example/endless", "claimReviewed": "Endless digits",
          "reviewRating": {{"ratingValue": "{huge}"}}}},
        {{"@type": "ClaimReview", "@id": "https://o.example/fine", "claimReviewed": "In range",
          "reviewRating": {{"ratingValue": 5, "bestRating": 5, "worstRating": 1}}}}
    ]"#
    );
    let out = import_claimreview(&ws, &file).expect("import");
    assert_eq!(out.added.len(), 4);
    assert_eq!(
        out.unmapped,
        out.added[..3],
        "out-of-range ratings are flagged like an unknown label"
    );
    let claim = |i: usize| ws.claims().get(&out.added[i]).expect("claim");
    for i in 0..3 {
        let c = claim(i);
        assert_eq!(
            c.verdict, "unverified",
            "{}: not clamped onto a verdict",
            c.statement
        );
        assert!(c.tags.contains(&"imported-unmapped".to_string()));
        assert!(
            !c.rationale
                .chars()
                .collect::<Vec<_>>()
                .windows(40)
                .any(|w| w.iter().all(char::is_ascii_digit)),
            "no endless number in {:?}",
            c.rationale
        );
    }
    let huge_rationale = claim(0).rationale;
    assert!(
        [
            "Rated (rating 1e308 outside 1 to 5).",
            "Rated (rating 1e+308 outside 1 to 5)."
        ]
        .contains(&huge_rationale.as_str()),
        "{huge_rationale}"
    );
    assert_eq!(claim(1).rationale, "Rated (rating 0 outside 1 to 10).");
    assert_eq!(
        claim(2).rationale,
        format!("Rated (rating {}… outside 1 to 5).", &huge[..24]),
        "a number written out at length is cut short"
    );
    assert_eq!(claim(3).verdict, "verified");
    assert_eq!(claim(3).rationale, "Rated (5 on a scale of 1 to 5).");
}

#[test]
fn our_own_claimreview_export_is_recognised_by_its_id_and_adds_nothing() {
    let f = fixture();
    let exported = report::export(
        &f.ws,
        &ReportRequest {
            format: ReportFormat::ClaimReview,
            selection: Selection::default(),
        },
    )
    .expect("export")
    .content;
    let mut ours = vec![f.fare_rise.clone(), f.frozen.clone(), f.doubling.clone()];
    ours.sort();

    let before = common::table_dump(&f.ws);
    let out = import_claimreview(&f.ws, &exported).expect("re-import");
    assert!(out.added.is_empty(), "{out:?}");
    let mut known = out.already_imported.clone();
    known.sort();
    assert_eq!(known, ours, "the summary names the claims it recognised");
    assert_eq!(common::table_dump(&f.ws), before, "nothing was written");

    // A workspace that holds the same claims through a bundle, with another
    // report URL, recognises them too.
    let (_d, other) = empty_workspace();
    let bundle = claimdesk_core::exchange::bundle::export_bundle(&f.ws, &Selection::default())
        .and_then(|b| claimdesk_core::exchange::bundle::bundle_to_json(&b))
        .expect("bundle");
    claimdesk_core::exchange::bundle::import_bundle(&other, &bundle).expect("bundle import");
    let out = import_claimreview(&other, &exported).expect("import there");
    assert!(out.added.is_empty(), "{out:?}");
    assert_eq!(out.already_imported.len(), 3);
    assert_eq!(
        other
            .claims()
            .list(&Default::default())
            .expect("list")
            .len(),
        3
    );
}

#[test]
fn bad_files_are_refused_and_nothing_is_written() {
    let (_d, ws) = empty_workspace();
    let refuse = |text: &str, words: &str| {
        let err = import_claimreview(&ws, text).expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{err}");
        assert!(err.to_string().contains(words), "{err}");
        assert!(
            ws.claims()
                .list(&Default::default())
                .expect("list")
                .is_empty()
        );
    };
    refuse("<html>not json</html>", "not JSON");
    refuse(
        r#"{"@type": "NewsArticle", "headline": "x"}"#,
        "no ClaimReview",
    );
    refuse("[]", "no ClaimReview");
    let one_bad = serde_json::json!([
        review("https://o.example/1", "Fine", serde_json::json!({"alternateName": "False"})),
        { "@type": "ClaimReview", "url": "https://o.example/2" },
    ]);
    refuse(&one_bad.to_string(), "ClaimReview 2 has no claimReviewed");
}
