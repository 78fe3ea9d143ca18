//! Saving an export to a file: the whole file or nothing, and never over
//! something that is not an export's to replace.
//!
//! The rule, shared by `claimdesk report -o`, `claimdesk bundle export -o`
//! and the app's *Save…*:
//!
//! - a new path is written;
//! - an existing regular file is replaced, unless it is the workspace in use
//!   (or one of its `-wal`, `-shm`, `-journal` files), which is always
//!   refused, or holds an SQLite database, which is refused unless forced;
//! - a symbolic link is written through: the regular file it points to gets
//!   the new text and the link stays a link (the same checks apply to that
//!   file; a link to nothing is refused);
//! - a directory, a FIFO, a device or a socket is refused before anything is
//!   opened.
//!
//! A refused target is left byte for byte as it was.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// What a save must leave alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SaveRules<'a> {
    /// The workspace in use: never overwritten, not even when forced.
    pub workspace: Option<&'a Path>,
    /// Replace a file that holds an SQLite database (another workspace, say).
    pub force: bool,
    /// How the user forces the overwrite (e.g. `--force`), named in the
    /// refusal; `None` where there is no way to.
    pub force_hint: Option<&'a str>,
}

/// The first bytes of every SQLite 3 database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Files SQLite keeps beside a database while it is open.
const SQLITE_SIDE_FILES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Writes `text` to `path` so that a reader never sees half a file: the
/// text goes to a hidden temporary file beside the target, which is then
/// renamed over it. Refuses what [`SaveRules`] and the module rule protect.
pub fn save_text(path: &Path, text: &str, rules: SaveRules<'_>) -> Result<()> {
    let target = checked_target(path, rules)?;
    write_whole(&target, text).map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}

/// The file the text will go to (`path`, or the file a link at `path`
/// points to), once the rule allows it. Opens nothing but a regular file.
pub(crate) fn checked_target(path: &Path, rules: SaveRules<'_>) -> Result<PathBuf> {
    let shown = path.display();
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            refuse_workspace_path(path, &real_new_path(path)?, rules)?;
            return Ok(path.to_path_buf());
        }
        Err(e) => return Err(Error::io(format!("cannot write {shown}"), e)),
    };
    let (target, meta) = if meta.file_type().is_symlink() {
        let dangling = || {
            let to = std::fs::read_link(path).unwrap_or_default();
            Error::invalid(format!(
                "{shown} is a symbolic link to {}, which does not exist; give the file itself",
                to.display()
            ))
        };
        let target = std::fs::canonicalize(path).map_err(|_| dangling())?;
        let meta = std::fs::metadata(&target).map_err(|_| dangling())?;
        (target, meta)
    } else {
        (path.to_path_buf(), meta)
    };
    if meta.is_dir() {
        return Err(Error::invalid(format!(
            "{shown} is a directory; give a file name"
        )));
    }
    if !meta.is_file() {
        return Err(Error::invalid(format!(
            "{shown} is not a regular file (a device, pipe or socket); give the name of a file to write"
        )));
    }
    let real = std::fs::canonicalize(&target)
        .map_err(|e| Error::io(format!("cannot write {shown}"), e))?;
    refuse_workspace_path(path, &real, rules)?;
    if let Some(ws) = rules.workspace
        && same_file(&meta, ws)
    {
        return Err(in_use(path));
    }
    if !rules.force && holds_sqlite(&target) {
        let how = rules.force_hint.map_or_else(String::new, |flag| {
            format!(", or replace it on purpose with {flag}")
        });
        return Err(Error::Conflict(format!(
            "{shown} holds an SQLite database (perhaps a workspace) and was left as it is; \
             save under another name{how}"
        )));
    }
    Ok(target)
}

/// A path that does not exist yet, with its folder's symbolic links resolved.
fn real_new_path(path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid(format!("{} is not a file name", path.display())))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // A missing folder fails later, when the file is written, with the system's words.
    Ok(std::fs::canonicalize(dir)
        .unwrap_or_else(|_| dir.to_path_buf())
        .join(name))
}

/// Refuses `real` (a resolved path) when it is the workspace in use or one
/// of the files SQLite keeps beside it.
fn refuse_workspace_path(path: &Path, real: &Path, rules: SaveRules<'_>) -> Result<()> {
    let Some(ws) = rules
        .workspace
        .and_then(|ws| std::fs::canonicalize(ws).ok())
    else {
        return Ok(());
    };
    let side_file = |suffix: &str| {
        let mut name = OsString::from(ws.as_os_str());
        name.push(suffix);
        PathBuf::from(name)
    };
    if real == ws || SQLITE_SIDE_FILES.iter().any(|s| real == side_file(s)) {
        return Err(in_use(path));
    }
    Ok(())
}

fn in_use(path: &Path) -> Error {
    Error::Conflict(format!(
        "{} is the workspace in use (or one of its files); save the export under another name",
        path.display()
    ))
}

/// Whether `meta` is the workspace file itself, reached by a hard link.
#[cfg(unix)]
fn same_file(meta: &std::fs::Metadata, workspace: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(workspace).is_ok_and(|ws| ws.dev() == meta.dev() && ws.ino() == meta.ino())
}

#[cfg(not(unix))]
fn same_file(_meta: &std::fs::Metadata, _workspace: &Path) -> bool {
    false
}

/// Whether the regular file at `path` starts like an SQLite database.
fn holds_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| &head == SQLITE_MAGIC)
}

/// Writes a temporary file beside `target` and renames it over `target`.
fn write_whole(target: &Path, text: &str) -> std::io::Result<()> {
    let (temp, mut file) = create_temp_beside(target)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| keep_permissions(target, &temp))
        .and_then(|()| std::fs::rename(&temp, target));
    if written.is_err() {
        // Nothing was renamed, so the temporary file is ours to clean up.
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A new hidden file beside `target`; `create_new` never opens what is
/// already there, a link included.
fn create_temp_beside(target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let name = target.file_name().unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{attempt}.tmp", std::process::id()));
        let temp = target.with_file_name(temp_name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// A replaced file keeps who may read it.
fn keep_permissions(target: &Path, temp: &Path) -> std::io::Result<()> {
    match std::fs::metadata(target) {
        Ok(old) => std::fs::set_permissions(temp, old.permissions()),
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<OsString> {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("list")
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        names.sort();
        names
    }

    fn workspace(dir: &Path) -> (crate::Workspace, PathBuf) {
        let path = dir.join("desk.sqlite");
        let ws = crate::Workspace::create(&path).expect("workspace");
        (ws, path)
    }

    fn guarding(ws: &crate::Workspace) -> SaveRules<'_> {
        SaveRules {
            workspace: Some(ws.path()),
            force: false,
            force_hint: Some("--force"),
        }
    }

    #[test]
    fn a_saved_file_replaces_the_old_one_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.md");
        save_text(&path, "old", SaveRules::default()).expect("a new path is written");
        save_text(&path, "new", SaveRules::default()).expect("a regular file is replaced");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
        assert_eq!(names(dir.path()), ["report.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        save_text(&path, "new", SaveRules::default()).expect("saved");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = save_text(dir.path(), "x", SaveRules::default()).expect_err("directory");
        assert!(err.to_string().contains("is a directory"));
    }

    #[test]
    fn the_open_workspace_is_never_overwritten_even_when_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ws, path) = workspace(dir.path());
        let before = std::fs::read(&path).expect("read");
        let forced = SaveRules {
            force: true,
            ..guarding(&ws)
        };
        let err = save_text(&path, "# Report", forced).expect_err("the workspace in use");
        assert!(matches!(err, Error::Conflict(_)));
        assert!(err.to_string().contains("is the workspace in use"), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
        assert!(
            ws.claims().list(&Default::default()).is_ok(),
            "still a workspace"
        );
    }

    #[test]
    fn the_open_workspace_is_recognised_through_a_relative_path_and_its_side_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ws, path) = workspace(dir.path());
        let roundabout = dir.path().join(".").join("desk.sqlite");
        let err = save_text(&roundabout, "x", guarding(&ws)).expect_err("same file");
        assert!(err.to_string().contains("is the workspace in use"), "{err}");
        for side in ["desk.sqlite-wal", "desk.sqlite-shm", "desk.sqlite-journal"] {
            let err = save_text(&dir.path().join(side), "x", guarding(&ws)).expect_err(side);
            assert!(
                err.to_string().contains("is the workspace in use"),
                "{side}: {err}"
            );
        }
        assert!(path.exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_open_workspace_is_recognised_through_a_symlink_and_a_hard_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ws, path) = workspace(dir.path());
        let before = std::fs::read(&path).expect("read");
        let link = dir.path().join("report.md");
        std::os::unix::fs::symlink(&path, &link).expect("symlink");
        let err = save_text(&link, "x", guarding(&ws)).expect_err("through a link");
        assert!(err.to_string().contains("is the workspace in use"), "{err}");
        let hard = dir.path().join("copy.md");
        std::fs::hard_link(&path, &hard).expect("hard link");
        let forced = SaveRules {
            force: true,
            ..guarding(&ws)
        };
        let err = save_text(&hard, "x", forced).expect_err("through a hard link");
        assert!(err.to_string().contains("is the workspace in use"), "{err}");
        assert_eq!(std::fs::read(&path).expect("read"), before);
        assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
    }

    #[test]
    fn another_sqlite_file_needs_force() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ws, _) = workspace(dir.path());
        let other_path = dir.path().join("other.sqlite");
        drop(crate::Workspace::create(&other_path).expect("other"));
        let before = std::fs::read(&other_path).expect("read");
        let err = save_text(&other_path, "x", guarding(&ws)).expect_err("an SQLite file");
        assert!(matches!(err, Error::Conflict(_)));
        let msg = err.to_string();
        assert!(msg.contains("holds an SQLite database"), "{msg}");
        assert!(
            msg.contains("--force"),
            "the refusal says how to force: {msg}"
        );
        assert_eq!(std::fs::read(&other_path).expect("read"), before);
        let no_hint = SaveRules {
            force_hint: None,
            ..guarding(&ws)
        };
        let msg = save_text(&other_path, "x", no_hint)
            .expect_err("still")
            .to_string();
        assert!(
            !msg.contains("--force"),
            "no flag to name in the app: {msg}"
        );
        let forced = SaveRules {
            force: true,
            ..guarding(&ws)
        };
        save_text(&other_path, "x", forced).expect("forced");
        assert_eq!(std::fs::read_to_string(&other_path).expect("read"), "x");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("2026-report.md");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("latest.md");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        save_text(&link, "new", SaveRules::default()).expect("written through");
        assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
        assert_eq!(std::fs::read_link(&link).expect("target"), real);
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
        assert_eq!(names(dir.path()), ["2026-report.md", "latest.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nothing_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("latest.md");
        std::os::unix::fs::symlink(dir.path().join("gone.md"), &link).expect("symlink");
        let err = save_text(&link, "x", SaveRules::default()).expect_err("dangling");
        assert!(err.to_string().contains("which does not exist"), "{err}");
        assert_eq!(names(dir.path()), ["latest.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_and_stays_a_fifo() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let err = save_text(&fifo, "x", SaveRules::default()).expect_err("a FIFO");
        assert!(err.to_string().contains("is not a regular file"), "{err}");
        let kind = std::fs::symlink_metadata(&fifo).expect("meta").file_type();
        assert!(kind.is_fifo(), "still a FIFO");
        assert_eq!(names(dir.path()), ["pipe"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_refused_before_anything_is_written() {
        // Only the check runs here, so a broken rule cannot touch /dev/null.
        let err =
            checked_target(Path::new("/dev/null"), SaveRules::default()).expect_err("a device");
        assert!(err.to_string().contains("is not a regular file"), "{err}");
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink("/dev/null", &link).expect("symlink");
        let err = checked_target(&link, SaveRules::default()).expect_err("a link to a device");
        assert!(err.to_string().contains("is not a regular file"), "{err}");
    }

    #[test]
    fn a_plain_file_that_merely_mentions_sqlite_is_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "SQLite format 2 notes").expect("write");
        save_text(&path, "new", SaveRules::default()).expect("not a database");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
    }
}
