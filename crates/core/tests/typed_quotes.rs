//! A quote typed on a keyboard finds the passage a page prints with
//! typographic marks, and the evidence keeps the source's own characters.

use claimdesk_core::anchor::locate;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};
use claimdesk_core::{ErrorKind, Workspace};

const STATEMENT: &str = "The mayor’s office said “no deal” after the talks — twice.\nAsked about a second round, the envoy said: Definitely not further.\nKyiv\u{200B} rejected the plan. The ferry runs \"every hour\" on weekdays.";

/// The code points `start..end` of `text`.
fn at(text: &str, start: u32, end: u32) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn found(quote: &str) -> String {
    let a = locate(STATEMENT, quote, None).unwrap_or_else(|e| panic!("{quote:?}: {e}"));
    assert_eq!(
        at(STATEMENT, a.start, a.end),
        a.exact,
        "offsets point at it"
    );
    a.exact
}

#[test]
fn straight_double_quotes_find_typographic_ones() {
    assert_eq!(found(r#"said "no deal" after"#), "said “no deal” after");
}

#[test]
fn typographic_double_quotes_find_straight_ones() {
    assert_eq!(found("runs “every hour” on"), "runs \"every hour\" on");
}

#[test]
fn a_typed_apostrophe_finds_a_typographic_one() {
    assert_eq!(found("The mayor's office"), "The mayor’s office");
}

#[test]
fn a_hyphen_finds_a_dash() {
    assert_eq!(found("the talks - twice"), "the talks — twice");
}

#[test]
fn zero_width_characters_make_no_difference_either_way() {
    assert_eq!(
        found("Kyiv rejected the plan"),
        "Kyiv\u{200B} rejected the plan"
    );
    assert_eq!(found("envoy\u{200D} said:"), "envoy said:");
}

#[test]
fn letter_case_makes_no_difference() {
    assert_eq!(found("KYIV REJECTED"), "Kyiv\u{200B} rejected");
    assert_eq!(found("definitely not further."), "Definitely not further.");
}

#[test]
fn a_quote_that_stands_as_typed_is_not_made_ambiguous_by_folding() {
    let text = "Said no to all. Then she said no.";
    let a = locate(text, "said no", None).expect("the exact one");
    assert_eq!(a.start, 25);
}

#[test]
fn a_folded_quote_found_twice_asks_which_occurrence() {
    let text = "He said “no”. Later she said \"No\".";
    let err = locate(text, "said 'no'", None).err();
    assert!(err.is_some(), "apostrophes are not double quotes");
    let err = locate(text, r#"said "no""#, None).expect_err("ambiguous");
    assert!(err.to_string().contains("occurs 2 times"), "{err}");
    let second = locate(text, r#"said "no""#, Some(2)).expect("second");
    assert_eq!(second.exact, "said \"No\"");
}

#[test]
fn a_near_miss_is_refused_with_the_nearest_passage() {
    let err = locate(STATEMENT, "definitely not farther", None).expect_err("not there");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        err.to_string()
            .contains("did you mean “Definitely not further.”?"),
        "{err}"
    );
    let err = locate(STATEMENT, "budget deficit widened", None).expect_err("not there");
    assert!(!err.to_string().contains("did you mean"), "{err}");
}

#[test]
fn evidence_from_a_typed_quote_keeps_the_source_s_characters_and_a_refusal_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "The mayor refused a deal".into(),
            ..Default::default()
        })
        .expect("claim")
        .id;
    let source = ws
        .sources()
        .add(NewSource {
            title: "Talks end".into(),
            text: STATEMENT.into(),
            ..Default::default()
        })
        .expect("source")
        .source
        .id;
    let link = |quote: &str| {
        ws.evidence().add(NewEvidence {
            claim: claim.clone(),
            source: source.clone(),
            version: None,
            quote: quote.into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
    };
    let history_before = ws.claims().history(&claim).expect("history").len();
    let err = link("definitely not farther").expect_err("refused");
    assert!(err.to_string().contains("did you mean"), "{err}");
    assert!(ws.evidence().list(None).expect("list").is_empty());
    assert_eq!(
        ws.claims().history(&claim).expect("history").len(),
        history_before
    );

    let view = link(r#"the mayor's office said "no deal""#).expect("linked");
    assert_eq!(view.evidence.exact, "The mayor’s office said “no deal”");
    let text = ws.sources().version(&source, None).expect("text").text;
    assert_eq!(
        at(&text, view.evidence.start, view.evidence.end),
        view.evidence.exact
    );
}
