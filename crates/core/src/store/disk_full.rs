//! A full disk, said plainly: SQLite's "database or disk is full" becomes a
//! message saying what happened to the change and what to do.

use rusqlite::ErrorCode;

use crate::error::Error;

/// `err` unchanged, unless SQLite ran out of room (the disk, or the space a
/// quota leaves), which becomes an io failure saying so. SQLite rolls the
/// transaction back, so nothing of the change was kept.
pub(crate) fn explain(err: Error) -> Error {
    match err {
        Error::Storage(e) if e.sqlite_error_code() == Some(ErrorCode::DiskFull) => Error::io(
            "the disk holding the workspace is full, so nothing of this change was saved; \
             free some space and try again",
            e,
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_says_what_to_do() {
        let full = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        );
        let err = explain(Error::Storage(full));
        assert_eq!(err.kind(), crate::ErrorKind::Io);
        assert!(
            err.to_string()
                .contains("disk holding the workspace is full"),
            "{err}"
        );
        assert!(err.to_string().contains("free some space"), "{err}");
    }
}
