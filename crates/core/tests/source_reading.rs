//! The reader opens a source with one call: its fields and one version, the
//! same as asking for each alone.

use claimdesk_core::model::NewSource;
use claimdesk_core::{ErrorKind, Workspace};

#[test]
fn reading_a_source_gives_its_fields_and_the_version_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let page = |text: &str| NewSource {
        title: "Harbour talks".into(),
        outlet: Some("Northern Ledger".into()),
        url: Some("https://ledger.example/talks".into()),
        text: text.into(),
        ..Default::default()
    };
    let first = ws
        .sources()
        .add(page("The talks lasted five hours."))
        .expect("v1");
    ws.sources()
        .add(page("The talks lasted four hours."))
        .expect("v2");
    let id = &first.source.id;
    let latest = ws.sources().reading(&id[..8], None).expect("latest");
    assert_eq!(latest.source, ws.sources().get(id).expect("source"));
    assert_eq!(latest.source.version_count, 2);
    assert_eq!(latest.version, ws.sources().version(id, None).expect("v2"));
    assert_eq!(latest.version.text, "The talks lasted four hours.");
    let older = ws.sources().reading(id, Some(1)).expect("v1");
    assert_eq!(older.version, first.version);
    let err = ws.sources().reading(id, Some(3)).expect_err("no v3");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("has no version 3"), "{err}");
}
