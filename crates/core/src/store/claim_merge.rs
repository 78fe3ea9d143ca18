//! Merging a duplicate claim into the claim that stays (the keeper), and
//! undoing it. The duplicate's evidence, tags and notes move to the keeper;
//! the merge row remembers exactly what moved, so an unmerge takes from the
//! keeper only that, even after the keeper was edited.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::history::{self, Change};
use super::{Claims, claims, evidence, instant_text, now, parse_instant};
use crate::error::{Error, Result};
use crate::limits;
use crate::model::{Claim, ClaimMerge};

/// What goes between the keeper's notes and the notes appended to them.
const NOTES_SEPARATOR: &str = "\n\n";

const COLUMNS: &str = "m.duplicate_id, d.statement, m.keeper_id, k.statement, m.merged_at,
    m.merged_by, m.note, m.evidence_ids, m.tags_moved, m.tags_added, m.notes_moved,
    m.notes_added, m.unmerged_at, m.unmerged_by";

const JOINS: &str =
    "claim_merges m JOIN claims d ON d.id = m.duplicate_id JOIN claims k ON k.id = m.keeper_id";

impl Claims<'_> {
    /// Folds the claim `duplicate` into `keeper`, in one transaction: its
    /// evidence (removed passages too), tags and notes move to the keeper,
    /// it leaves the default claim list, and both histories record the
    /// merge. Refused, with nothing changed: a claim into itself, a deleted
    /// claim on either side, a duplicate already merged, a keeper that is
    /// itself merged (a chain or a loop), a duplicate that other claims are
    /// merged into, an unknown id.
    pub fn merge(&self, duplicate: &str, keeper: &str, note: Option<&str>) -> Result<ClaimMerge> {
        let dup_id = self.resolve(duplicate)?;
        let keep_id = self.resolve(keeper)?;
        limits::check_chars("the note", note.unwrap_or_default(), limits::MAX_NOTE_CHARS)?;
        let actor = self.db().actor;
        self.db().write(|conn| {
            let (dup, keep) = check_mergeable(conn, &dup_id, &keep_id)?;
            apply_merge(conn, actor, &dup, &keep, note)
        })
    }

    /// Undoes the merge of `duplicate`, in one transaction: the evidence,
    /// tags and notes that came from it go back to it (ids and stances as
    /// they were), the keeper keeps everything else, and both histories
    /// record it. A claim that is not merged is refused.
    pub fn unmerge(&self, duplicate: &str, note: Option<&str>) -> Result<ClaimMerge> {
        let dup_id = self.resolve(duplicate)?;
        limits::check_chars("the note", note.unwrap_or_default(), limits::MAX_NOTE_CHARS)?;
        let actor = self.db().actor;
        self.db().write(|conn| {
            let merge = open_merge_of(conn, &dup_id)?.ok_or_else(|| {
                Error::Conflict(format!(
                    "claim {dup_id} is not merged into another claim; nothing to undo"
                ))
            })?;
            apply_unmerge(conn, actor, &merge, note)
        })
    }

    /// The merge that holds for `id_or_prefix` as a duplicate, if any.
    pub fn merged_into(&self, id_or_prefix: &str) -> Result<Option<ClaimMerge>> {
        let id = self.resolve(id_or_prefix)?;
        open_merge_of(self.db().conn, &id)
    }

    /// The duplicates merged into `id_or_prefix` that hold, oldest first.
    pub fn merged_from(&self, id_or_prefix: &str) -> Result<Vec<ClaimMerge>> {
        let id = self.resolve(id_or_prefix)?;
        open_merges_into(self.db().conn, &id)
    }
}

/// Both claims, live, when `dup` may be merged into `keep`; otherwise the
/// reason, naming what to do instead.
fn check_mergeable(conn: &Connection, dup: &str, keep: &str) -> Result<(Claim, Claim)> {
    if dup == keep {
        return Err(Error::invalid(format!(
            "claim {dup} cannot be merged into itself; name the claim that stays"
        )));
    }
    let live = |id: &str, role: &str| -> Result<Claim> {
        match claims::row(conn, id)? {
            None => Err(Error::not_found(format!("no claim with id {id}"))),
            Some((_, Some(_))) => Err(Error::Conflict(format!(
                "{role} {id} is deleted; `claim restore {id}` brings it back before a merge"
            ))),
            Some((claim, None)) => Ok(claim),
        }
    };
    let dup_claim = live(dup, "the duplicate claim")?;
    let keep_claim = live(keep, "the claim to keep")?;
    if let Some(m) = open_merge_of(conn, dup)? {
        return Err(Error::Conflict(format!(
            "claim {dup} is already merged into {}; `claim unmerge {dup}` first",
            m.keeper_id
        )));
    }
    if let Some(m) = open_merge_of(conn, keep)? {
        return Err(Error::Conflict(if m.keeper_id == dup {
            format!(
                "claim {keep} is merged into {dup}, so merging {dup} into it would make a loop; \
                 `claim unmerge {keep}` first"
            )
        } else {
            format!(
                "claim {keep} is itself merged into {}; merge into {} instead",
                m.keeper_id, m.keeper_id
            )
        }));
    }
    let into_dup = open_merges_into(conn, dup)?;
    if !into_dup.is_empty() {
        let ids: Vec<&str> = into_dup.iter().map(|m| m.duplicate_id.as_str()).collect();
        return Err(Error::Conflict(format!(
            "claims are merged into {dup} ({}); unmerge them or merge them into {keep} first",
            ids.join(", ")
        )));
    }
    Ok((dup_claim, keep_claim))
}

fn apply_merge(
    conn: &Connection,
    actor: &str,
    dup: &Claim,
    keep: &Claim,
    note: Option<&str>,
) -> Result<ClaimMerge> {
    let tags_added: Vec<String> = dup
        .tags
        .iter()
        .filter(|t| !keep.tags.contains(t))
        .cloned()
        .collect();
    let notes_added = match (keep.notes.is_empty(), dup.notes.is_empty()) {
        (_, true) => String::new(),
        (true, false) => dup.notes.clone(),
        (false, false) => format!("{NOTES_SEPARATOR}{}", dup.notes),
    };
    let keeper_notes = format!("{}{notes_added}", keep.notes);
    limits::check_chars(
        "the kept claim's notes with the duplicate's appended",
        &keeper_notes,
        limits::MAX_NOTE_CHARS,
    )?;
    let evidence_ids = evidence_of(conn, &dup.id)?;
    let moved_lines = live_evidence_lines(conn, &evidence_ids)?;

    conn.execute(
        "UPDATE evidence SET claim_id = ?2 WHERE claim_id = ?1",
        params![dup.id, keep.id],
    )?;
    for tag in &tags_added {
        add_tag(conn, &keep.id, tag)?;
    }
    conn.execute("DELETE FROM claim_tags WHERE claim_id = ?1", [&dup.id])?;
    conn.execute(
        "UPDATE claims SET notes = ?2 WHERE id = ?1",
        params![keep.id, keeper_notes],
    )?;
    conn.execute("UPDATE claims SET notes = '' WHERE id = ?1", [&dup.id])?;

    let merged_at = now();
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    conn.execute(
        "INSERT INTO claim_merges (duplicate_id, keeper_id, merged_at, merged_by, note,
             evidence_ids, tags_moved, tags_added, notes_moved, notes_added)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            dup.id,
            keep.id,
            instant_text(merged_at),
            actor,
            note,
            json_list(&evidence_ids),
            json_list(&dup.tags),
            json_list(&tags_added),
            dup.notes,
            notes_added
        ],
    )?;

    let mut dup_changes = vec![Change::new("merged_into", None, Some(keep.id.clone()))];
    let mut keep_changes = vec![Change::new("merged_from", None, Some(dup.id.clone()))];
    if !dup.tags.is_empty() {
        dup_changes.push(Change::new(
            "tags",
            Some(dup.tags.join(", ")),
            Some(String::new()),
        ));
    }
    if !tags_added.is_empty() {
        let after = claims::get(conn, &keep.id)?.tags;
        keep_changes.push(Change::new(
            "tags",
            Some(keep.tags.join(", ")),
            Some(after.join(", ")),
        ));
    }
    if !dup.notes.is_empty() {
        dup_changes.push(Change::new(
            "notes",
            Some(dup.notes.clone()),
            Some(String::new()),
        ));
        keep_changes.push(Change::new(
            "notes",
            Some(keep.notes.clone()),
            Some(keeper_notes),
        ));
    }
    for line in &moved_lines {
        dup_changes.push(Change::new("evidence", Some(line.clone()), None));
        keep_changes.push(Change::new("evidence", None, Some(line.clone())));
    }
    history::record(conn, &dup.id, actor, &dup_changes, note)?;
    history::record(conn, &keep.id, actor, &keep_changes, note)?;
    merge_at(conn, &dup.id, merged_at)
}

fn apply_unmerge(
    conn: &Connection,
    actor: &str,
    merge: &ClaimMerge,
    note: Option<&str>,
) -> Result<ClaimMerge> {
    let dup = claim_row(conn, &merge.duplicate_id)?;
    let keep = claim_row(conn, &merge.keeper_id)?;
    // Only what still stands on the keeper goes back: a passage or tag the
    // checker took off the keeper since is not put back on the duplicate twice.
    let mut moved_back = Vec::new();
    for id in &merge.evidence_ids {
        let n = conn.execute(
            "UPDATE evidence SET claim_id = ?2 WHERE id = ?1 AND claim_id = ?3",
            params![id, dup.id, keep.id],
        )?;
        if n > 0 {
            moved_back.push(id.clone());
        }
    }
    let back_lines = live_evidence_lines(conn, &moved_back)?;
    for tag in &merge.tags_added {
        conn.execute(
            "DELETE FROM claim_tags WHERE claim_id = ?1 AND tag = ?2",
            params![keep.id, tag],
        )?;
    }
    for tag in &merge.tags_moved {
        add_tag(conn, &dup.id, tag)?;
    }
    let keeper_notes = without_appended(&keep.notes, &merge.notes_added);
    conn.execute(
        "UPDATE claims SET notes = ?2 WHERE id = ?1",
        params![keep.id, keeper_notes],
    )?;
    let dup_notes = match (dup.notes.is_empty(), merge.notes_moved.is_empty()) {
        (_, true) => dup.notes.clone(),
        (true, false) => merge.notes_moved.clone(),
        (false, false) => format!("{}{NOTES_SEPARATOR}{}", merge.notes_moved, dup.notes),
    };
    limits::check_chars(
        "the duplicate's notes with its own put back",
        &dup_notes,
        limits::MAX_NOTE_CHARS,
    )?;
    conn.execute(
        "UPDATE claims SET notes = ?2 WHERE id = ?1",
        params![dup.id, dup_notes],
    )?;
    conn.execute(
        "UPDATE claim_merges SET unmerged_at = ?3, unmerged_by = ?4
         WHERE duplicate_id = ?1 AND merged_at = ?2",
        params![
            dup.id,
            instant_text(merge.merged_at),
            instant_text(now()),
            actor
        ],
    )?;

    let dup_after = claim_row(conn, &dup.id)?;
    let keep_after = claim_row(conn, &keep.id)?;
    let mut dup_changes = vec![Change::new("merged_into", Some(keep.id.clone()), None)];
    let mut keep_changes = vec![Change::new("merged_from", Some(dup.id.clone()), None)];
    if dup_after.tags != dup.tags {
        dup_changes.push(Change::new(
            "tags",
            Some(dup.tags.join(", ")),
            Some(dup_after.tags.join(", ")),
        ));
    }
    if keep_after.tags != keep.tags {
        keep_changes.push(Change::new(
            "tags",
            Some(keep.tags.join(", ")),
            Some(keep_after.tags.join(", ")),
        ));
    }
    if dup_after.notes != dup.notes {
        dup_changes.push(Change::new(
            "notes",
            Some(dup.notes.clone()),
            Some(dup_after.notes.clone()),
        ));
    }
    if keep_after.notes != keep.notes {
        keep_changes.push(Change::new(
            "notes",
            Some(keep.notes.clone()),
            Some(keep_after.notes.clone()),
        ));
    }
    for line in &back_lines {
        keep_changes.push(Change::new("evidence", Some(line.clone()), None));
        dup_changes.push(Change::new("evidence", None, Some(line.clone())));
    }
    history::record(conn, &dup.id, actor, &dup_changes, note)?;
    history::record(conn, &keep.id, actor, &keep_changes, note)?;
    merge_at(conn, &dup.id, merge.merged_at)
}

/// `notes` without the text a merge appended, when it still stands there
/// (its last occurrence); notes rewritten since are left as they are.
fn without_appended(notes: &str, appended: &str) -> String {
    if appended.is_empty() {
        return notes.to_string();
    }
    let bare = appended.trim_start();
    for piece in [appended, bare] {
        if let Some(at) = notes.rfind(piece) {
            let mut out = String::with_capacity(notes.len());
            out.push_str(&notes[..at]);
            out.push_str(&notes[at + piece.len()..]);
            return out.trim().to_string();
        }
    }
    notes.to_string()
}

/// A claim row, deleted or not (an unmerge works with a deleted keeper too).
fn claim_row(conn: &Connection, id: &str) -> Result<Claim> {
    claims::row(conn, id)?
        .map(|(c, _)| c)
        .ok_or_else(|| Error::not_found(format!("no claim with id {id}")))
}

fn add_tag(conn: &Connection, id: &str, tag: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?1, ?2)",
        params![id, tag],
    )?;
    Ok(())
}

/// Every evidence id of a claim, removed passages too, by id.
fn evidence_of(conn: &Connection, claim_id: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT id FROM evidence WHERE claim_id = ?1 ORDER BY id")?;
    let rows = stmt.query_map([claim_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The history line of each linked (not removed) passage among `ids`.
fn live_evidence_lines(conn: &Connection, ids: &[String]) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for id in ids {
        if evidence::removed_at(conn, id)? == Some(None) {
            lines.push(evidence::describe(&evidence::get(conn, id)?));
        }
    }
    Ok(lines)
}

fn json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

fn parse_list(text: String) -> rusqlite::Result<Vec<String>> {
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn merge_from_row(r: &Row<'_>) -> rusqlite::Result<ClaimMerge> {
    Ok(ClaimMerge {
        duplicate_id: r.get(0)?,
        duplicate_statement: r.get(1)?,
        keeper_id: r.get(2)?,
        keeper_statement: r.get(3)?,
        merged_at: parse_instant(&r.get::<_, String>(4)?)?,
        merged_by: r.get(5)?,
        note: r.get(6)?,
        evidence_ids: parse_list(r.get(7)?)?,
        tags_moved: parse_list(r.get(8)?)?,
        tags_added: parse_list(r.get(9)?)?,
        notes_moved: r.get(10)?,
        notes_added: r.get(11)?,
        unmerged_at: r
            .get::<_, Option<String>>(12)?
            .map(|t| parse_instant(&t))
            .transpose()?,
        unmerged_by: r.get(13)?,
    })
}

/// The merge of `duplicate_id` made at `merged_at`.
pub(crate) fn merge_at(
    conn: &Connection,
    duplicate_id: &str,
    merged_at: DateTime<Utc>,
) -> Result<ClaimMerge> {
    let sql =
        format!("SELECT {COLUMNS} FROM {JOINS} WHERE m.duplicate_id = ?1 AND m.merged_at = ?2");
    conn.query_row(
        &sql,
        params![duplicate_id, instant_text(merged_at)],
        merge_from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no merge of claim {duplicate_id}")))
}

/// The merge that holds for a duplicate, if any.
pub(crate) fn open_merge_of(conn: &Connection, duplicate_id: &str) -> Result<Option<ClaimMerge>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE m.duplicate_id = ?1 AND m.unmerged_at IS NULL"
    );
    Ok(conn
        .query_row(&sql, [duplicate_id], merge_from_row)
        .optional()?)
}

/// The merges into a keeper that hold, oldest first.
pub(crate) fn open_merges_into(conn: &Connection, keeper_id: &str) -> Result<Vec<ClaimMerge>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE m.keeper_id = ?1 AND m.unmerged_at IS NULL
         ORDER BY m.merged_at, m.seq"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([keeper_id], merge_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every merge row, undone ones too, by duplicate and instant: bundles carry them all.
pub(crate) fn all(conn: &Connection) -> Result<Vec<ClaimMerge>> {
    let sql = format!("SELECT {COLUMNS} FROM {JOINS} ORDER BY m.duplicate_id, m.merged_at");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], merge_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What bringing in a merge row from another desk did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Brought {
    /// The row was here already, as it is.
    Nothing,
    /// A merge this desk did not know; its evidence now stands on the keeper.
    Merged,
    /// A merge this desk holds was undone there; its evidence went back.
    Unmerged,
}

/// Brings one merge row from a bundle into the workspace, inside the
/// caller's transaction, after the bundle's claims and evidence: the claims'
/// fields and tags already came with them, so only the evidence's claim
/// follows the merge here. An undone merge stays undone.
pub(crate) fn bring_in(conn: &Connection, m: &ClaimMerge) -> Result<Brought> {
    for id in [&m.duplicate_id, &m.keeper_id] {
        if claims::row(conn, id)?.is_none() {
            return Err(Error::invalid(format!(
                "the bundle merges claim {} into {}, but claim {id} is neither in the bundle nor here; nothing was imported",
                m.duplicate_id, m.keeper_id
            )));
        }
    }
    if m.duplicate_id == m.keeper_id {
        return Err(Error::invalid(format!(
            "the bundle merges claim {} into itself; nothing was imported",
            m.duplicate_id
        )));
    }
    let local: Option<Option<String>> = conn
        .query_row(
            "SELECT unmerged_at FROM claim_merges WHERE duplicate_id = ?1 AND merged_at = ?2",
            params![m.duplicate_id, instant_text(m.merged_at)],
            |r| r.get(0),
        )
        .optional()?;
    let move_evidence = |from: &str, to: &str| -> Result<()> {
        for id in &m.evidence_ids {
            conn.execute(
                "UPDATE evidence SET claim_id = ?3 WHERE id = ?1 AND claim_id = ?2",
                params![id, from, to],
            )?;
        }
        Ok(())
    };
    match (local, m.unmerged_at) {
        (None, unmerged_at) => {
            if unmerged_at.is_none() && open_merge_of(conn, &m.duplicate_id)?.is_some() {
                return Err(Error::Conflict(format!(
                    "claim {} is merged here in another merge than the bundle's; unmerge it here first; nothing was imported",
                    m.duplicate_id
                )));
            }
            conn.execute(
                "INSERT INTO claim_merges (duplicate_id, keeper_id, merged_at, merged_by, note,
                     evidence_ids, tags_moved, tags_added, notes_moved, notes_added,
                     unmerged_at, unmerged_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    m.duplicate_id,
                    m.keeper_id,
                    instant_text(m.merged_at),
                    m.merged_by,
                    m.note,
                    json_list(&m.evidence_ids),
                    json_list(&m.tags_moved),
                    json_list(&m.tags_added),
                    m.notes_moved,
                    m.notes_added,
                    m.unmerged_at.map(instant_text),
                    m.unmerged_by.as_deref().or(m.unmerged_at.map(|_| ""))
                ],
            )?;
            if unmerged_at.is_none() {
                move_evidence(&m.duplicate_id, &m.keeper_id)?;
                return Ok(Brought::Merged);
            }
            Ok(Brought::Nothing)
        }
        (Some(None), Some(at)) => {
            conn.execute(
                "UPDATE claim_merges SET unmerged_at = ?3, unmerged_by = ?4
                 WHERE duplicate_id = ?1 AND merged_at = ?2",
                params![
                    m.duplicate_id,
                    instant_text(m.merged_at),
                    instant_text(at),
                    m.unmerged_by.as_deref().unwrap_or_default()
                ],
            )?;
            move_evidence(&m.keeper_id, &m.duplicate_id)?;
            Ok(Brought::Unmerged)
        }
        _ => Ok(Brought::Nothing),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_appended_notes_come_off_even_after_the_keeper_wrote_more() {
        assert_eq!(without_appended("mine\n\ntheirs", "\n\ntheirs"), "mine");
        assert_eq!(
            without_appended("mine\n\ntheirs\n\nlater", "\n\ntheirs"),
            "mine\n\nlater"
        );
        assert_eq!(without_appended("theirs", "theirs"), "");
        assert_eq!(
            without_appended("rewritten", "\n\ntheirs"),
            "rewritten",
            "notes rewritten since are left alone"
        );
    }
}
