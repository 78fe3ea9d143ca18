//! Which imported ClaimReview became which claim, so a re-import adds nothing.

use rusqlite::{Connection, OptionalExtension, params};

use super::{instant_text, now};
use crate::error::Result;

/// The claim made from the ClaimReview known by `key`, if any.
pub(crate) fn claim_for(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT claim_id FROM claimreview_imports WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Records that the ClaimReview known by `key` became `claim_id`.
pub(crate) fn remember(conn: &Connection, key: &str, claim_id: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO claimreview_imports (key, claim_id, imported_at) VALUES (?1, ?2, ?3)",
        params![key, claim_id, instant_text(now())],
    )?;
    Ok(())
}

/// Every remembered import as (key, claim id), by key.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, claim_id FROM claimreview_imports ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
