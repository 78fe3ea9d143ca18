//! Details given with a capture: a source URL must be a web address, and
//! those a source already stored does not take are named.

use claimdesk_core::Workspace;
use claimdesk_core::ingest::into_workspace::{Corrections, add_captured};
use claimdesk_core::ingest::not_applied::corrections_not_applied;
use claimdesk_core::ingest::text::capture_plain_text;
use claimdesk_core::model::AddOutcome;

const TEXT: &[u8] =
    b"Ferry fares rise\n\nThe ferry operator raised fares by a fifth from the first of March.\n";

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    (dir, ws)
}

#[test]
fn a_source_url_that_is_not_a_web_address_is_refused_and_nothing_is_stored() {
    let (_d, ws) = workspace();
    for bad in ["not a url", "file:///etc/passwd", "javascript:alert(1)"] {
        let corrections = Corrections {
            url: Some(bad.into()),
            ..Default::default()
        };
        let captured = capture_plain_text(TEXT).expect("capture");
        let err = add_captured(&ws, captured, None, &corrections).expect_err(bad);
        assert!(err.to_string().contains("the source URL"), "{bad}: {err}");
    }
    assert!(ws.sources().list().expect("list").is_empty());
}

#[test]
fn details_a_stored_source_keeps_are_named_as_not_applied() {
    let (_d, ws) = workspace();
    let first = Corrections {
        title: Some("Ferry fares rise".into()),
        outlet: Some("Quay Gazette".into()),
        ..Default::default()
    };
    let added = add_captured(
        &ws,
        capture_plain_text(TEXT).expect("capture"),
        None,
        &first,
    )
    .expect("add");
    assert!(
        corrections_not_applied(&added.added, &first).is_empty(),
        "a new source takes them"
    );

    let again = Corrections {
        title: Some("Fares up by a fifth".into()),
        outlet: Some("Quay Gazette".into()),
        language: Some("en".into()),
        ..Default::default()
    };
    let same = add_captured(
        &ws,
        capture_plain_text(TEXT).expect("capture"),
        None,
        &again,
    )
    .expect("re-add");
    assert_eq!(same.added.outcome, AddOutcome::Unchanged);
    let not_applied = corrections_not_applied(&same.added, &again);
    let fields: Vec<&str> = not_applied.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(fields, ["title", "language"], "the same outlet is not news");
    assert_eq!(not_applied[0].stored.as_deref(), Some("Ferry fares rise"));
    assert_eq!(not_applied[1].stored, None);
    assert_eq!(
        ws.sources().get(&same.added.source.id).expect("get").title,
        "Ferry fares rise"
    );
}
