//! Claims flagged *changed on two desks* by a shared desk's sync, and
//! clearing the flag once someone has looked.

use rusqlite::Connection;

use super::claims::{self, Claims};
use super::history::{self, Change};
use crate::error::{Error, Result};
use crate::limits;
use crate::model::Claim;

/// The history field of a resolved conflict; a sync that brings it clears
/// the flag on the other desk too.
pub(crate) const RESOLVED: &str = "conflict resolved";

impl Claims<'_> {
    /// Clears the claim's *changed on two desks* flag, once its history was
    /// looked at, with a history row ("conflict resolved") that travels to
    /// the other desks. A claim that is not flagged is refused.
    pub fn resolve_conflict(&self, id_or_prefix: &str, note: Option<&str>) -> Result<Claim> {
        let id = self.resolve(id_or_prefix)?;
        limits::check_chars("the note", note.unwrap_or_default(), limits::MAX_NOTE_CHARS)?;
        let db = self.db();
        db.write(|conn| {
            claims::get(conn, &id)?;
            if !clear(conn, &id)? {
                return Err(Error::Conflict(format!(
                    "claim {id} is not flagged changed on two desks; `claim list --conflicts` lists those that are"
                )));
            }
            history::record(conn, &id, db.actor, &[Change::new(RESOLVED, None, None)], note)?;
            claims::get(conn, &id)
        })
    }
}

/// Clears the flag; returns whether the claim was flagged.
pub(crate) fn clear(conn: &Connection, claim_id: &str) -> Result<bool> {
    Ok(conn.execute(
        "DELETE FROM claim_conflicts WHERE claim_id = ?1",
        [claim_id],
    )? > 0)
}
