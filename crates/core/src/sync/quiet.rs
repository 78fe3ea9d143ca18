//! Keeping the feed's triggers silent while other desks' changes are
//! applied, so they are not sent back as this desk's own.

use rusqlite::Connection;

use crate::error::Result;

/// Runs `f` with the feed's triggers silent, inside the caller's
/// transaction; they speak again after, whatever `f` returned.
pub(crate) fn quietly<T>(conn: &Connection, f: impl FnOnce() -> Result<T>) -> Result<T> {
    conn.execute("UPDATE sync_quiet SET quiet = 1", [])?;
    let out = f();
    conn.execute("UPDATE sync_quiet SET quiet = 0", [])?;
    out
}
