//! Opening, creating and refusing workspace files.

use claimdesk_core::model::NewClaim;
use claimdesk_core::{ErrorKind, Workspace};

fn claim(statement: &str) -> NewClaim {
    NewClaim {
        statement: statement.into(),
        ..Default::default()
    }
}

#[test]
fn a_workspace_keeps_its_claims_across_reopening() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let id = {
        let ws = Workspace::create(&path).expect("create");
        ws.claims()
            .add(claim("The envoys' meeting was cancelled"))
            .expect("add")
            .id
    };
    let ws = Workspace::open(&path).expect("reopen");
    assert_eq!(
        ws.claims().get(&id).expect("get").statement,
        "The envoys' meeting was cancelled"
    );
}

#[test]
fn create_refuses_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    Workspace::create(&path).expect("create");
    let err = Workspace::create(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Conflict);
}

#[test]
fn opening_a_missing_file_says_how_to_create_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Workspace::open(dir.path().join("nope.sqlite"))
        .err()
        .expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    assert!(err.to_string().contains("init"), "{err}");
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Workspace::open(dir.path()).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(err.to_string().contains("is a directory"), "{err}");
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a');")
            .expect("setup");
    }
    let before = std::fs::read(&path).expect("read");
    let err = Workspace::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotAWorkspace);
    assert!(
        err.to_string().contains("not a Claimdesk workspace"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(
        Workspace::open_or_create(&path).is_err(),
        "open_or_create must not adopt it either"
    );
}

#[test]
fn a_text_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "just some notes, not a database\n".repeat(200)).expect("write");
    let before = std::fs::read(&path).expect("read");
    let err = Workspace::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::NotAWorkspace);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_workspace_from_a_newer_release_is_refused_not_downgraded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    drop(Workspace::create(&path).expect("create"));
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.pragma_update(None, "user_version", 999).expect("bump");
    }
    let err = Workspace::open(&path).err().expect("refused");
    assert!(err.to_string().contains("newer Claimdesk"), "{err}");
}

#[test]
fn two_writers_at_once_both_keep_their_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    drop(Workspace::create(&path).expect("create"));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let ws = Workspace::open(&path).expect("open");
                for i in 0..40 {
                    let c = ws
                        .claims()
                        .add(claim(&format!("writer {w} claim {i}")))
                        .expect("add");
                    ws.claims()
                        .set_verdict(&c.id, "in review", None, None)
                        .expect("verdict");
                }
            })
        })
        .collect();
    for w in writers {
        w.join().expect("writer finished");
    }
    let ws = Workspace::open(&path).expect("open");
    let all = ws.claims().list(&Default::default()).expect("list");
    assert_eq!(all.len(), 80);
    assert!(all.iter().all(|c| c.verdict == "in_review"));
}

#[test]
fn the_user_name_setting_is_recorded_in_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    {
        let ws = Workspace::create(&path).expect("create");
        ws.settings().set("user", "Ana Reyes").expect("set user");
    }
    let ws = Workspace::open(&path).expect("open");
    let c = ws.claims().add(claim("A claim")).expect("add");
    let history = ws.claims().history(&c.id).expect("history");
    assert_eq!(history[0].actor, "Ana Reyes");
    assert!(ws.settings().set("colour", "blue").is_err());
    assert!(ws.settings().set("report_base_url", "ftp://x").is_err());
}

#[test]
fn settings_are_saved_together_or_not_at_all() {
    use claimdesk_core::store::WorkspaceSettings;
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    ws.settings().set("publisher", "Harbour Desk").expect("set");
    let err = ws
        .settings()
        .save(&WorkspaceSettings {
            user: Some("Ana Reyes".into()),
            publisher: Some("Quay Checks".into()),
            report_base_url: Some("ftp://checks.example".into()),
        })
        .expect_err("an ftp base URL is refused");
    assert!(err.to_string().contains("http"), "{err}");
    let kept = ws.settings().get().expect("get");
    assert_eq!(kept.publisher.as_deref(), Some("Harbour Desk"));
    assert_eq!(kept.user, None, "nothing of the refused form was written");

    ws.settings()
        .save(&WorkspaceSettings {
            user: Some("  Ana Reyes ".into()),
            publisher: None,
            report_base_url: Some("https://checks.example/r".into()),
        })
        .expect("save");
    let saved = ws.settings().get().expect("get");
    assert_eq!(saved.user.as_deref(), Some("Ana Reyes"));
    assert_eq!(saved.publisher, None, "an empty field clears its setting");
    assert_eq!(
        saved.report_base_url.as_deref(),
        Some("https://checks.example/r")
    );
}
