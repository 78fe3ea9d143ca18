//! Saving an export to a file: the whole file or nothing.

use std::path::Path;

use crate::error::{Error, Result};

/// Writes `text` to `path` so that a reader never sees half a file: the
/// text goes to a hidden temporary file beside the target, which is then
/// renamed over it. Refuses a directory.
pub fn save_text(path: &Path, text: &str) -> Result<()> {
    if path.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a directory; give a file name",
            path.display()
        )));
    }
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid(format!("{} is not a file name", path.display())))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let fail = |e: std::io::Error| Error::Io(format!("cannot write {}: {e}", path.display()));
    std::fs::write(&temp, text).map_err(fail)?;
    std::fs::rename(&temp, path).map_err(|e| {
        // The rename failed, so the temporary file is ours to clean up.
        let _ = std::fs::remove_file(&temp);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_file_replaces_the_old_one_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.md");
        save_text(&path, "old").expect("first");
        save_text(&path, "new").expect("second");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("new"));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok().map(|e| e.file_name()))
            .collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = save_text(dir.path(), "x").expect_err("directory");
        assert!(err.to_string().contains("is a directory"));
    }
}
