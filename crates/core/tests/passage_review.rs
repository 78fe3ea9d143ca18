//! Evidence that survives a changed source: each passage is followed into a
//! new version when it is stored, gets a status, and waits for the checker
//! to accept or keep it. Every text here is invented.

mod common;

use claimdesk_core::Workspace;
use claimdesk_core::anchor::PassageStatus;
use claimdesk_core::compare::Op;
use claimdesk_core::model::{AddOutcome, NewClaim, NewEvidence, NewSource, Stance};

const V1: &str = "Storm delays the island ferry\n\nThe ferry left the harbour at dawn on Monday. The crossing took five hours in the storm, the captain said. Passengers were given blankets and tea.";
const URL: &str = "https://harbour.example/ferry-storm";

fn page(text: &str) -> NewSource {
    NewSource {
        title: "Storm delays the island ferry".into(),
        url: Some(URL.into()),
        text: text.into(),
        ..Default::default()
    }
}

fn linked(ws: &Workspace, quote: &str) -> (String, String) {
    let source = ws.sources().add(page(V1)).expect("v1").source.id;
    let claim = ws
        .claims()
        .add(NewClaim {
            statement: "The storm crossing took five hours".into(),
            ..Default::default()
        })
        .expect("claim")
        .id;
    let e = ws
        .evidence()
        .add(NewEvidence {
            claim: claim.clone(),
            source,
            version: None,
            quote: quote.into(),
            occurrence: None,
            stance: Stance::Supports,
            note: None,
        })
        .expect("linked");
    (claim, e.evidence.id)
}

fn new_version(ws: &Workspace, text: &str) {
    let added = ws.sources().add(page(text)).expect("v2");
    assert_eq!(added.outcome, AddOutcome::NewVersion);
}

#[test]
fn an_untouched_passage_is_unchanged_at_its_new_offsets_and_stays_on_its_version() {
    let (_d, ws) = common::empty_workspace();
    let (_, id) = linked(&ws, "Passengers were given blankets and tea");
    let v2 = V1.replace("at dawn on Monday", "shortly after dawn on Monday morning");
    new_version(&ws, &v2);
    let queue = ws.passage_reviews().list().expect("queue");
    assert_eq!(queue.len(), 1);
    let r = &queue[0];
    assert_eq!(
        (r.status, r.read_in_version, r.version),
        (PassageStatus::Unchanged, 1, 2)
    );
    let found = r.found.as_ref().expect("found");
    let cps: String = v2
        .chars()
        .skip(found.start as usize)
        .take((found.end - found.start) as usize)
        .collect();
    assert_eq!(cps, "Passengers were given blankets and tea");
    let ev = ws.evidence().list(None).expect("list");
    assert_eq!(ev[0].evidence.id, id);
    assert_eq!(
        ev[0].version_number, 1,
        "nothing moves before the checker accepts"
    );
}

#[test]
fn an_edited_passage_keeps_the_word_diff_and_accept_moves_it_with_history() {
    let (_d, ws) = common::empty_workspace();
    let (claim, id) = linked(&ws, "The crossing took five hours in the storm");
    new_version(&ws, &V1.replace("five hours", "four hours"));
    let queue = ws.passage_reviews().list().expect("queue");
    let r = &queue[0];
    assert_eq!(r.status, PassageStatus::Edited);
    assert_eq!(
        r.found.as_ref().map(|a| a.exact.as_str()),
        Some("The crossing took four hours in the storm")
    );
    assert!(
        r.diff
            .iter()
            .any(|d| d.op == Op::Delete && d.text.contains("five"))
    );
    assert!(
        r.diff
            .iter()
            .any(|d| d.op == Op::Insert && d.text.contains("four"))
    );
    assert_eq!(claimdesk_core::anchor::summary(&r.diff), "'five' → 'four'");

    ws.passage_reviews()
        .accept(&id[..8], Some("reworded by the outlet"))
        .expect("accept");
    let ev = &ws.evidence().list(None).expect("list")[0];
    assert_eq!(ev.version_number, 2);
    assert_eq!(
        ev.evidence.exact,
        "The crossing took four hours in the storm"
    );
    assert!(ws.passage_reviews().list().expect("queue").is_empty());
    let history = ws.claims().history(&claim).expect("history");
    let last = history.last().expect("entry");
    assert_eq!(last.field, "evidence");
    assert!(last.old.as_deref().is_some_and(|o| o.contains("v1")));
    assert!(
        last.new
            .as_deref()
            .is_some_and(|n| n.contains("four hours") && n.contains("v2"))
    );
    assert_eq!(last.note.as_deref(), Some("reworded by the outlet"));
    let again = ws.passage_reviews().accept(&id, None).expect_err("decided");
    assert!(again.to_string().contains("nothing to review"));
}

#[test]
fn a_removed_passage_is_gone_cannot_be_accepted_and_keep_is_recorded() {
    let (_d, ws) = common::empty_workspace();
    let (claim, id) = linked(&ws, "Passengers were given blankets and tea");
    new_version(
        &ws,
        &V1.replace(
            " Passengers were given blankets and tea.",
            " Officials praised the crew.",
        ),
    );
    let r = &ws.passage_reviews().list().expect("queue")[0];
    assert_eq!(r.status, PassageStatus::Gone);
    assert!(r.found.is_none());
    let before = ws.claims().history(&claim).expect("history").len();
    let err = ws.passage_reviews().accept(&id, None).expect_err("gone");
    assert!(err.to_string().contains("no longer in version 2"), "{err}");
    assert_eq!(
        ws.claims().history(&claim).expect("history").len(),
        before,
        "nothing half-written"
    );
    assert_eq!(ws.evidence().list(None).expect("list")[0].version_number, 1);

    ws.passage_reviews().keep(&id, None).expect("keep");
    assert!(ws.passage_reviews().list().expect("queue").is_empty());
    let last = ws
        .claims()
        .history(&claim)
        .expect("history")
        .pop()
        .expect("entry");
    assert!(
        last.new
            .as_deref()
            .is_some_and(|n| n.contains("kept (version 2: gone)"))
    );
    assert_eq!(ws.evidence().list(None).expect("list")[0].version_number, 1);
}

#[test]
fn a_newer_version_replaces_an_undecided_review() {
    let (_d, ws) = common::empty_workspace();
    linked(&ws, "The crossing took five hours in the storm");
    new_version(&ws, &V1.replace("five hours", "four hours"));
    new_version(&ws, &V1.replace("five hours", "six hours"));
    let queue = ws.passage_reviews().list().expect("queue");
    assert_eq!(queue.len(), 1);
    assert_eq!((queue[0].read_in_version, queue[0].version), (1, 3));
    assert_eq!(
        claimdesk_core::anchor::summary(&queue[0].diff),
        "'five' → 'six'"
    );
}

#[test]
fn a_workspace_of_schema_v3_migrates_and_follows_its_passages() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/workspaces/schema-v3-sample.sqlite");
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("v3.sqlite");
    std::fs::copy(&fixture, &copy).expect("copy fixture");
    let ws = Workspace::open(&copy).expect("migrates");
    let ev = ws.evidence().list(None).expect("evidence");
    let first = ev.first().expect("the sample has evidence");
    let version = ws
        .sources()
        .version(&first.evidence.source_id, Some(first.version_number))
        .expect("version");
    let source = ws.sources().get(&first.evidence.source_id).expect("source");
    let changed = format!("An editor's note was added at the top.\n\n{}", version.text);
    ws.sources()
        .add(NewSource {
            title: source.title.clone(),
            url: source.url.clone(),
            canonical_url: source.canonical_url.clone(),
            text: changed,
            ..Default::default()
        })
        .expect("new version");
    let queue = ws.passage_reviews().list().expect("queue");
    let mine = queue
        .iter()
        .find(|r| r.evidence_id == first.evidence.id)
        .expect("followed");
    assert_eq!(mine.status, PassageStatus::Unchanged);
    ws.passage_reviews()
        .accept(&mine.evidence_id, None)
        .expect("accept");
}
