//! The append-only record of every change to a claim.

use rusqlite::{Connection, params};

use super::{instant_text, now, parse_instant};
use crate::error::Result;
use crate::model::HistoryEntry;

/// One change about to be recorded.
pub(crate) struct Change<'a> {
    pub field: &'a str,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl<'a> Change<'a> {
    pub fn new(field: &'a str, old: Option<String>, new: Option<String>) -> Self {
        Change { field, old, new }
    }
}

/// Appends `changes` to the claim's history, all at one instant.
pub(crate) fn append(
    conn: &Connection,
    claim_id: &str,
    actor: &str,
    changes: &[Change<'_>],
    note: Option<&str>,
) -> Result<()> {
    let at = now();
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    for c in changes {
        let entry = HistoryEntry {
            at,
            actor: actor.to_string(),
            field: c.field.to_string(),
            old: c.old.clone(),
            new: c.new.clone(),
            note: note.map(str::to_string),
        };
        insert_exact(conn, claim_id, &entry)?;
    }
    Ok(())
}

/// Records `changes` to a claim and bumps its `updated_at`, so lists sorted
/// by last change see it; nothing is written when `changes` is empty. Every
/// change to a claim's fields, tags or evidence goes through here.
pub(crate) fn record(
    conn: &Connection,
    claim_id: &str,
    actor: &str,
    changes: &[Change<'_>],
    note: Option<&str>,
) -> Result<()> {
    if changes.is_empty() {
        return Ok(());
    }
    conn.execute(
        "UPDATE claims SET updated_at = ?2 WHERE id = ?1",
        params![claim_id, instant_text(now())],
    )?;
    append(conn, claim_id, actor, changes, note)
}

/// The claim's history, oldest first.
pub(crate) fn list(conn: &Connection, claim_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT at, actor, field, old, new, note FROM claim_history
         WHERE claim_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([claim_id], |r| {
        Ok(HistoryEntry {
            at: parse_instant(&r.get::<_, String>(0)?)?,
            actor: r.get(1)?,
            field: r.get(2)?,
            old: r.get(3)?,
            new: r.get(4)?,
            note: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Appends one entry exactly as given (its instant and actor kept): the one
/// statement that writes history, for new changes and for history brought in
/// from a bundle.
pub(crate) fn insert_exact(conn: &Connection, claim_id: &str, entry: &HistoryEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO claim_history (claim_id, at, actor, field, old, new, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        claim_id,
        instant_text(entry.at),
        entry.actor,
        entry.field,
        entry.old,
        entry.new,
        entry.note
    ])?;
    Ok(())
}
