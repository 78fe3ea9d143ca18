//! `check` on merged claims and pinned dates: a sound workspace with a merge
//! and a pin passes; a merge whose claim is gone, a duplicate merged twice at
//! once, a chain of merges and a pin whose sentence or expression is not in
//! its version are each reported under their rule.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};
use claimdesk_core::store::check::{CheckReport, Rule, check_file};
use claimdesk_core::timeline::{TimelineFilter, pin_reading, unpin_reading, workspace_timeline};

/// Published on Wednesday 3 December 2025: "on Saturday" may be 29 November or 6 December.
const TALKS: &str = "The harbour board sat late. The talks are on Saturday, the clerk said.";

struct Desk {
    _dir: tempfile::TempDir,
    path: PathBuf,
    /// The claims: the first was merged into the second; the third stands alone.
    claims: Vec<String>,
}

fn desk() -> Desk {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let ws = Workspace::create(&path).expect("create");
    let claims: Vec<String> = [
        "Ferry fares doubled in March",
        "The ferry fares doubled in March",
        "The bus fares rose in May",
    ]
    .iter()
    .map(|s| {
        ws.claims()
            .add(NewClaim {
                statement: (*s).into(),
                ..Default::default()
            })
            .expect("claim")
            .id
    })
    .collect();
    ws.claims()
        .merge(&claims[0], &claims[1], None)
        .expect("merge");
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
    let at = workspace_timeline(&ws, &[], &TimelineFilter::default(), None)
        .expect("timeline")
        .events
        .into_iter()
        .find(|e| e.expression == "on Saturday")
        .expect("the Saturday")
        .expression_start;
    pin_reading(&ws, &source, at, "2025-11-29", None).expect("pin");
    unpin_reading(&ws, &source, at, None).expect("unpin");
    pin_reading(&ws, &source, at, "2025-12-06", None).expect("pin");
    drop(ws);
    Desk {
        _dir: dir,
        path,
        claims,
    }
}

/// Changes the file behind Claimdesk's back, as a broken tool would.
fn damage(path: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(sql).expect("damage");
}

fn problems(report: &CheckReport, rule: Rule) -> Vec<String> {
    report
        .problems
        .iter()
        .filter(|p| p.rule == rule)
        .map(|p| p.message.clone())
        .collect()
}

#[test]
fn a_workspace_with_a_merge_and_pins_is_sound() {
    let d = desk();
    let report = check_file(&d.path).expect("check");
    assert!(report.ok, "{report:?}");
}

#[test]
fn a_chain_of_merges_is_reported() {
    let d = desk();
    damage(
        &d.path,
        &format!(
            "INSERT INTO claim_merges (duplicate_id, keeper_id, merged_at, merged_by)
             VALUES ('{}', '{}', '2025-12-04T10:00:00.000000Z', 'tool')",
            d.claims[1], d.claims[2]
        ),
    );
    let report = check_file(&d.path).expect("check");
    assert!(!report.ok);
    let found = problems(&report, Rule::ClaimMerges);
    assert_eq!(found.len(), 1, "{report:?}");
    assert!(found[0].contains("a chain of merges"), "{found:?}");
    assert!(
        found[0].contains(&d.claims[0]) && found[0].contains(&d.claims[2]),
        "{found:?}"
    );
}

#[test]
fn a_duplicate_merged_twice_at_once_is_reported() {
    let d = desk();
    damage(
        &d.path,
        &format!(
            "DROP INDEX claim_merges_open;
             INSERT INTO claim_merges (duplicate_id, keeper_id, merged_at, merged_by)
             VALUES ('{}', '{}', '2025-12-04T10:00:00.000000Z', 'tool')",
            d.claims[0], d.claims[2]
        ),
    );
    let report = check_file(&d.path).expect("check");
    let found = problems(&report, Rule::ClaimMerges);
    assert_eq!(
        found,
        [format!(
            "claim {} is merged 2 times at once; a duplicate folds into one claim",
            d.claims[0]
        )],
        "{report:?}"
    );
}

#[test]
fn a_merge_whose_claim_is_missing_is_reported() {
    let d = desk();
    damage(
        &d.path,
        &format!(
            "PRAGMA foreign_keys = OFF;
             UPDATE claim_merges SET keeper_id = '0199aaaa-0000-7000-8000-000000000000'
             WHERE duplicate_id = '{}'",
            d.claims[0]
        ),
    );
    let report = check_file(&d.path).expect("check");
    let found = problems(&report, Rule::ClaimMerges);
    assert_eq!(found.len(), 1, "{report:?}");
    assert!(
        found[0].ends_with("its claim that stays 0199aaaa-0000-7000-8000-000000000000 is missing"),
        "{found:?}"
    );
}

#[test]
fn a_pin_outside_its_versions_text_is_reported() {
    let d = desk();
    damage(
        &d.path,
        "UPDATE date_pins SET sentence = 'The vote is on Saturday.' WHERE seq = 1;
         UPDATE date_pins SET expression = 'on Sunday' WHERE seq = 3;",
    );
    let report = check_file(&d.path).expect("check");
    let found = problems(&report, Rule::DatePins);
    assert_eq!(found.len(), 2, "{report:?}");
    assert!(
        found[0].starts_with("date pin 1 of source ")
            && found[0].contains("its sentence is not in the text of version"),
        "{found:?}"
    );
    assert!(
        found[1].contains("its expression \"on Sunday\" is not in its sentence"),
        "{found:?}"
    );
}
