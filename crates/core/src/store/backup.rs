//! Consistent copies of a workspace file: on demand (`backup`) and before
//! every schema migration. Copies go through SQLite's online backup API, so
//! they are whole even while another connection writes, and each copy is
//! checked before it takes its final name.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// How often a copy waits for a lock another connection holds before giving up.
const LOCK_RETRIES: u32 = 200;
const LOCK_PAUSE: Duration = Duration::from_millis(50);

/// Copies the database of `conn` to `dest`, which must not exist yet. The copy
/// is written beside `dest` under a temporary name, verified (integrity check,
/// same schema version) and only then renamed to `dest`: a failure leaves no
/// file at `dest`.
pub(crate) fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(Error::Conflict(format!(
            "{} already exists; choose another name for the backup",
            dest.display()
        )));
    }
    let dir = match dest.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(Error::not_found(format!(
            "no folder {} to write the backup in; create it or choose another place",
            dir.display()
        )));
    }
    let temp = tempfile::Builder::new()
        .prefix(".claimdesk-backup-")
        .suffix(".sqlite")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(format!("cannot write a backup in {}", dir.display()), e))?;
    write_copy(conn, temp.path()).map_err(|e| explain(e, dest))?;
    verify(conn, temp.path()).map_err(|e| explain(e, dest))?;
    temp.persist_noclobber(dest).map_err(|e| {
        Error::io(
            format!("cannot give the backup its name {}", dest.display()),
            e.error,
        )
    })?;
    Ok(())
}

/// Copies every page in one step: the copy is one read transaction of the
/// source, so it never sees half of another connection's write and never has
/// to start again because of one.
fn write_copy(conn: &Connection, temp: &Path) -> Result<()> {
    let mut dst = Connection::open(temp)?;
    {
        let backup = Backup::new(conn, &mut dst)?;
        let mut tries = 0;
        loop {
            match backup.step(-1)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if tries < LOCK_RETRIES => {
                    // Busy or locked: another connection holds the lock a moment.
                    tries += 1;
                    std::thread::sleep(LOCK_PAUSE);
                }
                _ => {
                    return Err(Error::Conflict(
                        "the workspace stayed locked by another program; try the backup again"
                            .into(),
                    ));
                }
            }
        }
    }
    // The copy is a plain file on its own: no write-ahead log beside it.
    dst.pragma_update(None, "journal_mode", "DELETE")?;
    dst.close().map_err(|(_, e)| Error::Storage(e))?;
    Ok(())
}

/// The copy opens, passes SQLite's integrity check and holds the same
/// schema version and application id as the workspace.
fn verify(conn: &Connection, copy: &Path) -> Result<()> {
    let copy = Connection::open_with_flags(copy, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let integrity: String = copy.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))?;
    if integrity != "ok" {
        return Err(Error::io_message(format!(
            "the copy failed SQLite's integrity check ({integrity})"
        )));
    }
    for pragma in ["user_version", "application_id"] {
        let want: i64 = conn.pragma_query_value(None, pragma, |r| r.get(0))?;
        let got: i64 = copy.pragma_query_value(None, pragma, |r| r.get(0))?;
        if want != got {
            return Err(Error::io_message(format!(
                "the copy's {pragma} is {got}, the workspace's {want}"
            )));
        }
    }
    Ok(())
}

fn explain(err: Error, dest: &Path) -> Error {
    let why = super::disk_full::explain(err);
    match why {
        Error::Io(f) => {
            Error::Io(f.prefixed(&format!("the backup {} was not written", dest.display())))
        }
        other => other,
    }
}

/// Where a backup goes when no file is named: beside the workspace, named
/// after it and the moment, e.g. `desk.backup-20260101-120000.sqlite`.
pub(crate) fn default_path(workspace: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    beside(workspace, &format!("backup-{stamp}"))
}

/// The copy kept before a migration from schema `version`, e.g.
/// `desk.schema-v2.sqlite`; a second one from the same version (a migration
/// that failed and was tried again) gets a number, so none is overwritten.
pub(crate) fn before_migration_path(workspace: &Path, version: i64) -> PathBuf {
    let first = beside(workspace, &format!("schema-v{version}"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| beside(workspace, &format!("schema-v{version}-{n}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// `dir/stem.{label}.ext` for the workspace `dir/stem.ext`.
fn beside(workspace: &Path, label: &str) -> PathBuf {
    let stem = workspace
        .file_stem()
        .map_or_else(|| "workspace".into(), |s| s.to_string_lossy().into_owned());
    let ext = workspace
        .extension()
        .map_or_else(|| "sqlite".into(), |e| e.to_string_lossy().into_owned());
    workspace.with_file_name(format!("{stem}.{label}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backups_are_named_beside_the_workspace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = dir.path().join("desk.sqlite");
        assert_eq!(
            before_migration_path(&ws, 2),
            dir.path().join("desk.schema-v2.sqlite")
        );
        std::fs::write(dir.path().join("desk.schema-v2.sqlite"), "x").expect("write");
        assert_eq!(
            before_migration_path(&ws, 2),
            dir.path().join("desk.schema-v2-2.sqlite")
        );
        let auto = default_path(&ws);
        let name = auto.file_name().expect("name").to_string_lossy();
        assert!(
            name.starts_with("desk.backup-") && name.ends_with(".sqlite"),
            "{name}"
        );
    }
}
