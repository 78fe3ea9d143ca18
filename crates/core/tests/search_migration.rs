//! A workspace written before the search index (schema 3) gets its index when
//! it opens: its sources' passages and its claims are found at once.

use claimdesk_core::Workspace;
use claimdesk_core::search::{self, CheckKind, Hit, SearchRequest};

fn open_v3_copy() -> (tempfile::TempDir, Workspace) {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/workspaces/schema-v3-sample.sqlite");
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("v3.sqlite");
    std::fs::copy(&fixture, &copy).expect("copy fixture");
    let ws = Workspace::open(&copy).expect("the v3 workspace opens and migrates");
    (dir, ws)
}

#[test]
fn a_migrated_v3_workspace_finds_its_passages_claims_and_latest_versions() {
    let (_d, ws) = open_v3_copy();
    let found = search::run(&ws, &SearchRequest::new("marathon")).expect("search");
    assert!(
        found.hits.iter().any(
            |h| matches!(h, Hit::Passage(p) if p.outlet.as_deref() == Some("Coastal Courier"))
        ),
        "{found:?}"
    );
    let claims = search::run(&ws, &SearchRequest::new("passengers in:claims")).expect("search");
    assert_eq!(claims.total, 1);
    // "Harbour notice" has three versions: nine, ten, nine again; the latest says nine.
    let ten = search::run(&ws, &SearchRequest::new("ferry leaves ten")).expect("search");
    assert_eq!(ten.total, 0, "version 2's wording is not the latest");
    let any =
        search::run(&ws, &SearchRequest::new("ferry leaves ten version:all")).expect("search");
    assert!(
        matches!(&any.hits[..], [Hit::Passage(p)] if p.version == 2 && !p.latest),
        "{any:?}"
    );
    let nine = search::run(
        &ws,
        &SearchRequest::new("\"ferry leaves at nine\" in:sources"),
    )
    .expect("search");
    assert!(
        matches!(&nine.hits[..], [Hit::Passage(p)] if p.version == 3 && p.latest),
        "{nine:?}"
    );
}

#[test]
fn a_migrated_v3_workspace_suggests_evidence_with_its_fact_checks() {
    let (_d, ws) = open_v3_copy();
    // The sample's own five-hours claim has both passages linked already
    // (and they are skipped); a new claim on the migrated file gets them.
    let claim = ws
        .claims()
        .add(claimdesk_core::model::NewClaim {
            statement: "The ferry talks went on for five hours".into(),
            ..Default::default()
        })
        .expect("claim");
    let got = search::suggest(&ws, &claim.id, None).expect("suggest");
    assert!(
        got.suggestions
            .iter()
            .any(|s| s.outlet.as_deref() == Some("Coastal Courier")
                && s.checks.iter().any(|c| c.kind == CheckKind::Number
                    && !c.agrees
                    && c.passage == "four hours")),
        "{got:#?}"
    );
    // New captures are indexed in the migrated file too.
    ws.sources()
        .add(claimdesk_core::model::NewSource {
            text: "Dockers walked out at dawn.".into(),
            ..Default::default()
        })
        .expect("add");
    assert_eq!(
        search::run(&ws, &SearchRequest::new("docker"))
            .expect("search")
            .total,
        1
    );
}
