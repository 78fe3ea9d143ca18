//! Backups: a consistent, verified copy on demand, and one kept before every
//! schema migration.

use std::path::{Path, PathBuf};

use claimdesk_core::Workspace;
use claimdesk_core::model::NewClaim;

fn sample_desk() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.sqlite");
    let ws = Workspace::create(&path).expect("create");
    claimdesk_core::sample::fill(&ws).expect("sample");
    (dir, path)
}

fn claims_in(path: &Path) -> Vec<String> {
    let ws = Workspace::open(path).expect("the backup opens as a workspace");
    let mut statements: Vec<String> = ws
        .claims()
        .list(&Default::default())
        .expect("claims")
        .into_iter()
        .map(|c| c.statement)
        .collect();
    statements.sort();
    statements
}

#[test]
fn a_backup_holds_every_claim_and_passes_the_check() {
    let (dir, path) = sample_desk();
    let ws = Workspace::open(&path).expect("open");
    let dest = dir.path().join("copy.sqlite");
    assert_eq!(ws.backup(Some(&dest)).expect("backup"), dest);
    let report = claimdesk_core::store::check::check_file(&dest).expect("check");
    assert!(report.ok, "{report:?}");
    let original: Vec<String> = claims_in(&path);
    assert_eq!(claims_in(&dest), original);
    assert_eq!(original.len(), 4);
}

#[test]
fn a_backup_without_a_name_goes_beside_the_workspace() {
    let (dir, path) = sample_desk();
    let ws = Workspace::open(&path).expect("open");
    let dest = ws.backup(None).expect("backup");
    assert_eq!(dest.parent(), Some(dir.path()));
    let name = dest
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(name.starts_with("desk.backup-"), "{name}");
    assert_eq!(claims_in(&dest).len(), 4);
}

#[test]
fn a_backup_never_replaces_a_file_and_leaves_nothing_when_refused() {
    let (dir, path) = sample_desk();
    let ws = Workspace::open(&path).expect("open");
    let dest = dir.path().join("notes.txt");
    std::fs::write(&dest, "my notes").expect("write");
    let err = ws
        .backup(Some(&dest))
        .expect_err("an existing file is refused");
    assert!(err.to_string().contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&dest).expect("read"), "my notes");
    let err = ws
        .backup(Some(&dir.path().join("no-such-folder/copy.sqlite")))
        .expect_err("a missing folder is refused");
    assert!(err.to_string().contains("no folder"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("backup"))
        .collect();
    assert!(left.is_empty(), "half-written backups left: {left:?}");
}

/// Another connection adds claims as fast as it can while backups are taken:
/// each backup holds a whole number of those claims, each with its history,
/// and passes the check.
#[test]
fn a_backup_is_consistent_while_another_connection_writes() {
    let (dir, path) = sample_desk();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let path = path.clone();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let ws = Workspace::open(&path).expect("writer opens");
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                ws.claims()
                    .add(NewClaim {
                        statement: format!("Written during the backup, number {n}"),
                        tags: vec!["during".into()],
                        ..Default::default()
                    })
                    .expect("add while backing up");
                n += 1;
            }
            n
        })
    };
    let ws = Workspace::open(&path).expect("open");
    let mut seen = Vec::new();
    for i in 0..8 {
        std::thread::sleep(std::time::Duration::from_millis(30));
        let dest = dir.path().join(format!("copy-{i}.sqlite"));
        ws.backup(Some(&dest))
            .expect("backup while another connection writes");
        let report = claimdesk_core::store::check::check_file(&dest).expect("check");
        assert!(report.ok, "backup {i}: {report:?}");
        assert!(report.counted.history >= report.counted.claims);
        let during = claims_in(&dest)
            .into_iter()
            .filter(|s| s.starts_with("Written during"))
            .count();
        seen.push(during);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let written = writer.join().expect("writer");
    assert!(written > 0);
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(
        *seen.last().expect("one") > 0,
        "no write landed during the backups: {seen:?}"
    );
}

fn fixture_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/workspaces")
        .join(name);
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = dir.path().join("desk.sqlite");
    std::fs::copy(&fixture, &copy).expect("copy fixture");
    (dir, copy)
}

fn schema_version(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("user_version")
}

/// Opening a workspace with migrations pending keeps the file as it was,
/// named with its old schema version, and that copy still opens with the
/// release that wrote it (same schema version, same bytes of data).
fn migrating_keeps_a_copy(fixture: &str, old_version: i64) {
    let (dir, path) = fixture_copy(fixture);
    let before = std::fs::read(&path).expect("read");
    let ws = Workspace::open(&path).expect("open migrates");
    let kept = dir
        .path()
        .join(format!("desk.schema-v{old_version}.sqlite"));
    assert_eq!(ws.migration_backup(), Some(kept.as_path()));
    assert!(kept.is_file(), "no copy at {}", kept.display());
    assert_eq!(
        schema_version(&kept),
        old_version,
        "the copy is of the old schema"
    );
    assert!(
        schema_version(&path) > old_version,
        "the workspace itself was migrated"
    );
    let conn = rusqlite::Connection::open(&kept).expect("open the copy");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(integrity, "ok");
    let claims: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .expect("claims");
    let original = tempfile::NamedTempFile::new().expect("temp");
    std::fs::write(original.path(), &before).expect("write");
    let want: i64 = rusqlite::Connection::open(original.path())
        .expect("open original")
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .expect("claims");
    assert_eq!(claims, want);
    drop(ws);
    // Opening again: already current, no second copy.
    let ws = Workspace::open(&path).expect("reopen");
    assert_eq!(ws.migration_backup(), None);
    let copies = std::fs::read_dir(dir.path())
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(".schema-v"))
        })
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn a_schema_v1_workspace_is_copied_before_it_is_migrated() {
    migrating_keeps_a_copy("schema-v1-sample.sqlite", 1);
}

#[test]
fn a_schema_v2_workspace_is_copied_before_it_is_migrated() {
    migrating_keeps_a_copy("schema-v2-sample.sqlite", 2);
}

#[test]
fn a_current_or_new_workspace_gets_no_migration_copy() {
    let (dir, path) = sample_desk();
    let ws = Workspace::open(&path).expect("open");
    assert_eq!(ws.migration_backup(), None);
    let (v3dir, v3) = fixture_copy("schema-v3-sample.sqlite");
    // The committed v3 file may be older than this release's schema; what
    // matters is that a file already current gets no copy on its next open.
    drop(Workspace::open(&v3).expect("open v3"));
    let ws = Workspace::open(&v3).expect("open v3 again");
    assert_eq!(ws.migration_backup(), None);
    for d in [dir.path(), v3dir.path()] {
        let copies = std::fs::read_dir(d)
            .expect("list")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().contains(".schema-v"))
            })
            .count();
        assert!(copies <= 1, "more than one copy in {}", d.display());
    }
    assert_eq!(
        std::fs::read_dir(dir.path())
            .expect("list")
            .filter(|e| e
                .as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().contains(".schema-v")))
            .count(),
        0
    );
}
