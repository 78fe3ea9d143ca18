//! Search over a temporary workspace: stemming, accents, filters, versions,
//! claims and sources mixed, deleted claims, and evidence suggestions.

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimEdit, NewClaim, NewEvidenceAt, NewSource, PassagePick, Stance};
use claimdesk_core::search::{self, CheckKind, Hit, PassageHit, Scope, SearchRequest};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const LEDGER: &str = "Summit called off\n\nThe Brussels summit was cancelled on Tuesday after José Sánchez left the talks.\nThe talks lasted five hours, officials said.";
const COURIER: &str = "Talks end without a deal\n\nNegotiators met for four hours before the talks broke up.\n\"We are cancelling nothing,\" said Ana Ortiz.";

struct Desk {
    _dir: tempfile::TempDir,
    ws: Workspace,
    ledger: String,
    courier: String,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let add = |outlet: &str, url: &str, text: &str, published| {
        ws.sources()
            .add(NewSource {
                outlet: Some(outlet.into()),
                url: Some(url.into()),
                text: text.into(),
                published_on: published,
                ..Default::default()
            })
            .expect("add source")
            .source
            .id
    };
    let ledger = add(
        "Northern Ledger",
        "https://ledger.example/summit",
        LEDGER,
        day(2025, 11, 20),
    );
    let courier = add(
        "Coastal Courier",
        "https://courier.example/talks",
        COURIER,
        day(2025, 11, 25),
    );
    Desk {
        _dir: dir,
        ws,
        ledger,
        courier,
    }
}

fn search(ws: &Workspace, query: &str) -> search::SearchResults {
    search::run(ws, &SearchRequest::new(query)).expect("search is Ok")
}

fn passages(results: &search::SearchResults) -> Vec<&PassageHit> {
    results
        .hits
        .iter()
        .filter_map(|h| match h {
            Hit::Passage(p) => Some(p),
            Hit::Claim(_) => None,
        })
        .collect()
}

fn highlighted(hit: &PassageHit) -> Vec<String> {
    hit.highlights
        .iter()
        .map(|[s, e]| {
            hit.text
                .chars()
                .skip(*s as usize)
                .take((e - s) as usize)
                .collect()
        })
        .collect()
}

#[test]
fn a_stem_finds_its_inflections_and_marks_them() {
    let d = desk();
    let found = search(&d.ws, "cancel");
    let hits = passages(&found);
    assert_eq!(hits.len(), 2, "cancelled and cancelling: {found:?}");
    let summit = hits
        .iter()
        .find(|h| h.source == d.ledger)
        .expect("the ledger's sentence");
    assert_eq!(highlighted(summit), ["cancelled"]);
    assert_eq!(summit.outlet.as_deref(), Some("Northern Ledger"));
    assert_eq!(summit.published, day(2025, 11, 20));
    assert_eq!(summit.version, 1);
}

#[test]
fn accents_and_case_do_not_matter_and_offsets_are_code_points() {
    let d = desk();
    let found = search(&d.ws, "SANCHEZ jose");
    let hits = passages(&found);
    assert_eq!(hits.len(), 1);
    let hit = hits[0];
    assert_eq!(highlighted(hit), ["José Sánchez"]);
    // start/end slice the version's text by code points.
    let text: String = LEDGER
        .chars()
        .skip(hit.start as usize)
        .take((hit.end - hit.start) as usize)
        .collect();
    assert_eq!(text, hit.text);
    assert!(hit.text.starts_with("The Brussels summit"));
}

#[test]
fn phrases_exclusions_and_or_narrow_and_widen() {
    let d = desk();
    assert_eq!(search(&d.ws, "\"five hours\"").total, 1);
    assert_eq!(search(&d.ws, "hours").total, 2);
    assert_eq!(search(&d.ws, "hours -negotiators").total, 1);
    assert_eq!(
        search(&d.ws, "summit OR negotiators").total,
        3,
        "the title line counts as a sentence too"
    );
}

#[test]
fn outlet_and_dates_filter_passages() {
    let d = desk();
    let courier_only = search(&d.ws, "hours outlet:\"coastal courier\"");
    assert_eq!(passages(&courier_only).len(), 1);
    assert_eq!(passages(&courier_only)[0].source, d.courier);
    assert_eq!(search(&d.ws, "hours since:2025-11-21").total, 1);
    assert_eq!(search(&d.ws, "hours until:2025-11-21").total, 1);
    let by_flag = search::run(
        &d.ws,
        &SearchRequest {
            outlet: Some("Northern Ledger".into()),
            ..SearchRequest::new("hours")
        },
    )
    .expect("search");
    assert_eq!(passages(&by_flag)[0].source, d.ledger);
}

#[test]
fn claims_and_passages_come_mixed_and_in_narrows_them() {
    let d = desk();
    let claim =
        d.ws.claims()
            .add(NewClaim {
                statement: "The summit was cancelled".into(),
                claimant: Some("Ministry of Ports".into()),
                tags: vec!["brussels".into()],
                ..Default::default()
            })
            .expect("claim");
    let both = search(&d.ws, "cancel");
    assert_eq!(both.total, 3);
    assert!(
        both.hits
            .iter()
            .any(|h| matches!(h, Hit::Claim(c) if c.claim == claim.id))
    );
    assert!(
        both.hits.windows(2).all(|w| w[0].score() >= w[1].score()),
        "best first"
    );
    assert_eq!(search(&d.ws, "cancel in:claims").total, 1);
    assert_eq!(search(&d.ws, "cancel in:sources").total, 2);
    // Claimant and tags are searched too.
    assert_eq!(search(&d.ws, "ministry in:claims").total, 1);
    assert_eq!(search(&d.ws, "brussels in:claims").total, 1);
    let scoped = search::run(
        &d.ws,
        &SearchRequest {
            scope: Some(Scope::Claims),
            ..SearchRequest::new("summit")
        },
    )
    .expect("search");
    assert_eq!(scoped.total, 1);
}

#[test]
fn an_edited_claim_is_found_by_its_new_words_and_a_deleted_one_not_at_all() {
    let d = desk();
    let claim =
        d.ws.claims()
            .add(NewClaim {
                statement: "The ferry was late".into(),
                ..Default::default()
            })
            .expect("claim");
    d.ws.claims()
        .edit(
            &claim.id,
            ClaimEdit {
                notes: Some("Harbourmaster disagrees".into()),
                ..Default::default()
            },
            None,
        )
        .expect("edit");
    assert_eq!(search(&d.ws, "harbourmaster").total, 1);
    d.ws.claims().delete(&claim.id, None).expect("delete");
    assert_eq!(
        search(&d.ws, "ferry").total,
        0,
        "a deleted claim is never found"
    );
    d.ws.claims().restore(&claim.id, None).expect("restore");
    assert_eq!(
        search(&d.ws, "ferry").total,
        1,
        "a restored one is found again"
    );
}

#[test]
fn a_recaptured_source_is_found_under_its_new_version_and_old_words_on_request() {
    let d = desk();
    let v2 = LEDGER.replace("five hours", "six hours");
    let added =
        d.ws.sources()
            .add(NewSource {
                url: Some("https://ledger.example/summit".into()),
                text: v2,
                ..Default::default()
            })
            .expect("recapture");
    assert_eq!(added.version.number, 2);
    let six = search(&d.ws, "six");
    assert_eq!(passages(&six)[0].version, 2);
    assert!(passages(&six)[0].latest);
    assert_eq!(
        search(&d.ws, "five").total,
        0,
        "the old wording is not in the latest version"
    );
    let old = search(&d.ws, "five version:all");
    assert_eq!(passages(&old).len(), 1);
    assert_eq!(
        (passages(&old)[0].version, passages(&old)[0].latest),
        (1, false)
    );
    let flag = search::run(
        &d.ws,
        &SearchRequest {
            all_versions: true,
            ..SearchRequest::new("summit")
        },
    )
    .expect("search");
    assert_eq!(flag.total, 4, "two sentences in each of two versions");
}

#[test]
fn hostile_queries_are_ok_and_bad_filters_beside_it_are_refused() {
    let d = desk();
    for q in [
        "NEAR(summit talks)",
        "summit*",
        "^summit",
        "text:summit",
        "\"summit",
        "\"\"",
        "-",
        "OR",
        "AND OR NOT",
        "\u{E000}summit\u{E001}",
        "'",
        "%",
        "(",
        ")",
    ] {
        search::run(&d.ws, &SearchRequest::new(q)).unwrap_or_else(|e| panic!("{q}: {e}"));
    }
    assert_eq!(search(&d.ws, "summit*").total, 2);
    let long = "summit ".repeat(2_000);
    assert!(!search(&d.ws, &long).notices.is_empty());
    let err = search::run(
        &d.ws,
        &SearchRequest {
            limit: Some(0),
            ..SearchRequest::new("x")
        },
    )
    .expect_err("limit 0");
    assert!(err.to_string().contains("between 1 and 500"), "{err}");
    let err = search::run(
        &d.ws,
        &SearchRequest {
            since: day(2025, 12, 1),
            until: day(2025, 11, 1),
            ..SearchRequest::new("x")
        },
    )
    .expect_err("since after until");
    assert!(err.to_string().contains("is after until"), "{err}");
}

#[test]
fn evidence_suggest_finds_the_differing_number_and_skips_linked_passages() {
    let d = desk();
    let claim =
        d.ws.claims()
            .add(NewClaim {
                statement: "The talks lasted five hours".into(),
                ..Default::default()
            })
            .expect("claim");
    let got = search::suggest(&d.ws, &claim.id, None).expect("suggest");
    let courier = got
        .suggestions
        .iter()
        .find(|s| s.source == d.courier && s.text.contains("four hours"))
        .expect("the courier's four hours");
    assert!(
        courier.checks.iter().any(|c| c.kind == CheckKind::Number
            && !c.agrees
            && c.claim == "five hours"
            && c.passage == "four hours"),
        "{:?}",
        courier.checks
    );
    let ledger = got
        .suggestions
        .iter()
        .find(|s| s.source == d.ledger && s.text.contains("five hours"))
        .expect("the ledger's five hours");
    assert!(
        ledger
            .checks
            .iter()
            .any(|c| c.kind == CheckKind::Number && c.agrees)
    );
    assert!(got.suggestions.windows(2).all(|w| w[0].score >= w[1].score));
    // Link the ledger's sentence: it is no longer suggested.
    d.ws.evidence()
        .add_at(NewEvidenceAt {
            claim: claim.id.clone(),
            passage: PassagePick {
                source: d.ledger.clone(),
                version: 1,
                start: ledger.start,
                end: ledger.end,
                stance: Stance::Supports,
            },
            note: None,
        })
        .expect("link");
    let again = search::suggest(&d.ws, &claim.id, None).expect("suggest");
    assert!(
        !again
            .suggestions
            .iter()
            .any(|s| s.source == d.ledger && s.start == ledger.start)
    );
    let err = search::suggest(&d.ws, &claim.id, Some(0)).expect_err("limit 0");
    assert!(err.to_string().contains("between 1 and 100"));
    assert!(search::suggest(&d.ws, "ffffffff", None).is_err());
}

#[test]
fn a_failed_capture_leaves_no_passages_behind() {
    let d = desk();
    let before = search(&d.ws, "summit version:all").total;
    assert!(
        d.ws.sources()
            .add(NewSource {
                text: "   ".into(),
                ..Default::default()
            })
            .is_err()
    );
    assert_eq!(search(&d.ws, "summit version:all").total, before);
}
