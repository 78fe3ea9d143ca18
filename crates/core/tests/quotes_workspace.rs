//! Quotations of a workspace's sources and a claim made from a statement:
//! one passage per outlet's wording, the stance suggested, all or nothing.

use chrono::NaiveDate;
use claimdesk_core::model::{ClaimFilter, NewClaim, NewSource, Stance};
use claimdesk_core::quotes::{
    ClaimFromStatement, GroupKind, WorkspaceQuotesRequest, create_claim_from_statement,
    draft_from_statement, workspace_quotes,
};
use claimdesk_core::{ErrorKind, Workspace};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/quotes/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn three_outlets(ws: &Workspace) {
    for (outlet, file, day) in [
        ("Harbour Ledger", "harbour-ledger.txt", 25),
        ("Coast Wire", "coast-wire.txt", 25),
        ("Evening Post", "evening-post.txt", 26),
    ] {
        ws.sources()
            .add(NewSource {
                title: format!("Strike ends ({outlet})"),
                outlet: Some(outlet.into()),
                published_on: NaiveDate::from_ymd_opt(2025, 11, day),
                text: fixture(file),
                ..Default::default()
            })
            .expect("add source");
    }
}

#[test]
fn a_claim_from_a_statement_links_each_outlets_wording_with_its_stance() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    three_outlets(&ws);
    let found = workspace_quotes(&ws, &WorkspaceQuotesRequest::default()).expect("quotes");
    let backlog = found
        .groups
        .iter()
        .position(|g| g.kinds.contains(&GroupKind::OtherSpeaker))
        .expect("the backlog statement has two speakers");
    let draft = draft_from_statement(&found, backlog).expect("draft");
    assert_eq!(
        draft.statement,
        "Pavel Dorn said “The backlog will take two weeks to clear”"
    );
    assert_eq!(draft.claimant.as_deref(), Some("Pavel Dorn"));
    let stances: Vec<Stance> = draft.passages.iter().map(|p| p.stance).collect();
    // The Wire gives other words to the mayor: it disputes; the Post's words and speaker agree.
    assert_eq!(
        stances,
        [Stance::Supports, Stance::Disputes, Stance::Supports]
    );
    assert!(draft.notes.contains(
        "Coast Wire: “The backlog will take at least two weeks to clear” — Odile Marchetti"
    ));

    let detail = create_claim_from_statement(
        &ws,
        &ClaimFromStatement {
            claim: NewClaim {
                statement: draft.statement.clone(),
                claimant: draft.claimant.clone(),
                notes: Some(draft.notes.clone()),
                ..Default::default()
            },
            passages: draft.passages.clone(),
        },
    )
    .expect("claim");
    let exact: Vec<&str> = detail
        .evidence
        .iter()
        .map(|e| e.evidence.exact.as_str())
        .collect();
    assert_eq!(
        exact,
        [
            "The backlog will take two weeks to clear",
            "The backlog will take at least two weeks to clear",
            "the backlog will take two weeks to clear.",
        ]
    );
    assert_eq!(detail.evidence[1].outlet.as_deref(), Some("Coast Wire"));
}

#[test]
fn a_claim_from_a_statement_refuses_missing_or_bad_passages_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    three_outlets(&ws);
    let found = workspace_quotes(&ws, &WorkspaceQuotesRequest::default()).expect("quotes");
    let mut draft = draft_from_statement(&found, 0).expect("draft");
    let claim = NewClaim {
        statement: draft.statement.clone(),
        ..Default::default()
    };
    let none = create_claim_from_statement(
        &ws,
        &ClaimFromStatement {
            claim: claim.clone(),
            passages: vec![],
        },
    )
    .expect_err("no passage");
    assert_eq!(none.kind(), ErrorKind::Invalid);
    assert!(none.to_string().contains("at least one passage"));
    draft.passages[1].end = 10_000_000;
    let err = create_claim_from_statement(
        &ws,
        &ClaimFromStatement {
            claim,
            passages: draft.passages,
        },
    )
    .expect_err("a passage past the text");
    assert!(err.to_string().contains("passage 2"), "{err}");
    assert!(
        ws.claims()
            .list(&ClaimFilter::default())
            .expect("list")
            .is_empty()
    );
    assert!(draft_from_statement(&found, 999).is_err());
}

#[test]
fn the_published_day_picks_the_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    three_outlets(&ws);
    let found = workspace_quotes(
        &ws,
        &WorkspaceQuotesRequest {
            published: NaiveDate::from_ymd_opt(2025, 11, 26),
            ..Default::default()
        },
    )
    .expect("quotes");
    assert!(
        found
            .quotes
            .iter()
            .all(|q| q.outlet.as_deref() == Some("Evening Post"))
    );
    assert_eq!(found.quotes.len(), 9);
}
