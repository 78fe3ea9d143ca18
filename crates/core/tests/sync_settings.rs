//! Where a workspace syncs: kept in the file, checked before anything is
//! written, and never holding a password.

use claimdesk_core::Workspace;
use claimdesk_core::sync::settings::{self, SyncSettings};

fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("workspace");
    (dir, ws)
}

fn both(server: &str, desk: &str) -> SyncSettings {
    SyncSettings {
        server: Some(server.into()),
        desk: Some(desk.into()),
    }
}

#[test]
fn the_server_and_desk_are_kept_in_the_workspace_file() {
    let (dir, ws) = workspace();
    let saved = settings::save(&ws, &both(" postgres://desk.example/claimdesk ", "harbour"))
        .expect("saved");
    assert_eq!(saved, both("postgres://desk.example/claimdesk", "harbour"));
    drop(ws);
    let ws = Workspace::open(dir.path().join("desk.sqlite")).expect("reopen");
    let read = settings::get(&ws).expect("read");
    assert_eq!(
        read.target(),
        Some(("postgres://desk.example/claimdesk", "harbour"))
    );
    settings::clear(&ws).expect("stop syncing");
    assert_eq!(settings::get(&ws).expect("read"), SyncSettings::default());
}

#[test]
fn a_refused_server_or_desk_changes_nothing() {
    let (_dir, ws) = workspace();
    settings::save(&ws, &both("postgres://desk.example/claimdesk", "harbour")).expect("saved");
    for (bad, says) in [
        (
            both("postgres://ana:secret@desk.example/claimdesk", "night"),
            "put it in the PGPASSWORD environment variable or in ~/.pgpass",
        ),
        (
            both("mysql://desk.example/claimdesk", "night"),
            "postgres:// or postgresql://",
        ),
        (
            both("postgres://other.example/claimdesk", "two words"),
            "desk name",
        ),
        (
            SyncSettings {
                server: Some("postgres://other.example/claimdesk".into()),
                desk: None,
            },
            "a server needs a desk",
        ),
    ] {
        let err = settings::save(&ws, &bad).expect_err("refused").to_string();
        assert!(err.contains(says), "{bad:?}: {err}");
        assert_eq!(
            settings::get(&ws).expect("read"),
            both("postgres://desk.example/claimdesk", "harbour"),
            "nothing half-written after {bad:?}"
        );
    }
}

#[test]
fn the_workspace_settings_form_does_not_touch_where_it_syncs() {
    let (_dir, ws) = workspace();
    settings::save(&ws, &both("postgres://desk.example/claimdesk", "harbour")).expect("saved");
    ws.settings()
        .save(&Default::default())
        .expect("the general settings saved empty");
    assert_eq!(
        settings::get(&ws).expect("read").target(),
        Some(("postgres://desk.example/claimdesk", "harbour"))
    );
    let err = ws
        .settings()
        .set("sync_server", "postgres://u:pw@desk.example/db")
        .expect_err("a password is refused through the one-key setter too");
    assert!(err.to_string().contains("PGPASSWORD"), "{err}");
}

#[test]
fn where_a_workspace_syncs_never_travels_to_other_desks() {
    let (_dir, ws) = workspace();
    let server = "postgres://desk.example/claimdesk#harbour";
    let before = claimdesk_core::sync::pending(&ws, server).expect("pending");
    settings::save(&ws, &both("postgres://desk.example/claimdesk", "harbour")).expect("saved");
    ws.settings()
        .set("publisher", "Harbour Desk")
        .expect("a desk setting");
    let out = claimdesk_core::sync::outgoing(&ws, server, 100).expect("outgoing");
    assert!(
        out.changes
            .iter()
            .all(|c| !c.entity_id.starts_with("sync_")),
        "a sync_ setting is in the feed: {:?}",
        out.changes
    );
    assert_eq!(
        claimdesk_core::sync::pending(&ws, server).expect("pending"),
        before + 1,
        "only the publisher waits to be sent"
    );
}
