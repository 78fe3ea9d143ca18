//! Test vectors for finding a selector in a text, in the style of the
//! annotation libraries' suites. Every text here is invented.

use claimdesk_core::anchor::{FindStatus, Method, Selector, find};

const TEXT: &str = "The expedition set out in March to discover ice on the northern ridge. \
Guides said the climb would discover ice caves too, if the weather held.";

fn quote(exact: &str) -> Selector {
    Selector {
        exact: exact.into(),
        ..Default::default()
    }
}

fn cps(text: &str, start: u32, end: u32) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn an_exact_quote_that_occurs_once_is_anchored_with_score_one() {
    let f = find(TEXT, &quote("northern ridge"), None).expect("found");
    assert_eq!(cps(TEXT, f.anchor.start, f.anchor.end), "northern ridge");
    assert_eq!(
        (f.method, f.status, f.score),
        (Method::Exact, FindStatus::Anchored, 1.0)
    );
}

#[test]
fn an_approximate_quote_is_found_and_needs_review() {
    let f = find(TEXT, &quote("the expedition set off in March"), None).expect("found");
    assert_eq!(f.anchor.exact, "The expedition set out in March");
    assert_eq!(
        (f.method, f.status),
        (Method::Fuzzy, FindStatus::NeedsReview)
    );
    assert!(f.score < 1.0);
}

#[test]
fn the_prefix_picks_between_two_occurrences() {
    let s = Selector {
        exact: "discover ice".into(),
        prefix: "the climb would ".into(),
        ..Default::default()
    };
    let f = find(TEXT, &s, None).expect("found");
    assert!(f.anchor.prefix.ends_with("the climb would "));
    assert_eq!(
        (f.method, f.status),
        (Method::Context, FindStatus::Anchored)
    );
}

#[test]
fn the_suffix_picks_between_two_occurrences() {
    let s = Selector {
        exact: "discover ice".into(),
        suffix: " on the northern".into(),
        ..Default::default()
    };
    let f = find(TEXT, &s, None).expect("found");
    assert!(f.anchor.suffix.starts_with(" on the northern"));
}

#[test]
fn a_typo_in_the_context_does_not_pick_the_wrong_occurrence() {
    let s = Selector {
        exact: "discover ice".into(),
        prefix: "the clmib would ".into(),
        suffix: " cavse too".into(),
        ..Default::default()
    };
    let f = find(TEXT, &s, None).expect("found");
    assert!(f.anchor.prefix.ends_with("the climb would "));
}

#[test]
fn the_hint_breaks_a_tie_and_only_a_tie() {
    let second = TEXT.rfind("discover ice").expect("twice") as u32;
    let f = find(TEXT, &quote("discover ice"), Some(second + 3)).expect("found");
    assert_eq!(f.anchor.start, second);
    let first = find(TEXT, &quote("discover ice"), Some(0)).expect("found");
    assert_eq!(
        first.anchor.start,
        TEXT.find("discover ice").expect("once") as u32
    );
    let against_context = Selector {
        exact: "discover ice".into(),
        prefix: "set out in March to ".into(),
        ..Default::default()
    };
    let f = find(TEXT, &against_context, Some(second)).expect("found");
    assert_eq!(
        f.anchor.start, first.anchor.start,
        "context outweighs the hint"
    );
}

#[test]
fn a_tie_nothing_breaks_needs_review() {
    let f = find(TEXT, &quote("discover ice"), None).expect("found");
    assert_eq!(f.status, FindStatus::NeedsReview);
}

#[test]
fn no_acceptable_match_is_an_error_naming_the_quote() {
    let err = find(TEXT, &quote("the minister resigned on Friday"), None).expect_err("absent");
    assert!(
        err.to_string()
            .contains("\"the minister resigned on Friday\" is not in the text")
    );
}

#[test]
fn an_empty_quote_is_refused() {
    let err = find(TEXT, &quote("  "), None).expect_err("empty");
    assert!(err.to_string().contains("the quote (--exact) is empty"));
}

#[test]
fn an_empty_text_finds_nothing() {
    assert!(find("", &quote("ice"), None).is_err());
}

#[test]
fn a_quote_longer_than_32_characters_is_found_approximately() {
    let q = "Guides said the climb would discover icy caves too, if the weather holds";
    assert!(q.len() > 32);
    let f = find(TEXT, &quote(q), None).expect("found");
    assert_eq!(
        f.anchor.exact,
        "Guides said the climb would discover ice caves too, if the weather held"
    );
    assert_eq!(f.method, Method::Fuzzy);
}

#[test]
fn a_match_at_the_very_end_with_its_suffix_missing_is_found() {
    let text = "Officials confirmed the bridge will reopen in May";
    let s = Selector {
        exact: "reopen in May".into(),
        prefix: "the bridge will ".into(),
        suffix: ", a week early.".into(),
        ..Default::default()
    };
    let f = find(text, &s, None).expect("found");
    assert_eq!(f.anchor.end as usize, text.chars().count());
    assert_eq!(f.anchor.suffix, "");
}

#[test]
fn the_position_is_used_when_its_words_still_stand_there() {
    let second = TEXT.rfind("discover ice").expect("twice") as u32;
    let s = Selector {
        exact: "discover ice".into(),
        position: Some((second, second + 12)),
        ..Default::default()
    };
    let f = find(TEXT, &s, None).expect("found");
    assert_eq!((f.anchor.start, f.method), (second, Method::Position));
}

#[test]
fn offsets_count_code_points() {
    let text = "«Já» — the crossing took five hours.";
    let f = find(text, &quote("five hours"), None).expect("found");
    assert_eq!(cps(text, f.anchor.start, f.anchor.end), "five hours");
}
