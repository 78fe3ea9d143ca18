//! Claims: the statements being checked, their verdicts, tags and history.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::db::Db;
use super::history::{self, Change};
use super::{clean_opt, date_text, instant_text, now, parse_date, parse_instant, scale};
use crate::error::{Error, Result};
use crate::ids;
use crate::limits;
use crate::model::{Claim, ClaimEdit, ClaimFilter, ClaimSort, HistoryEntry, NewClaim};

const FIELDS: &str = "c.id, c.statement, c.claimant, c.claimed_on, c.event_on, c.notes, c.verdict,
    c.rationale, c.created_at, c.updated_at";

/// The fields with the claim's tags joined by U+001F.
const COLUMNS: &str = "c.id, c.statement, c.claimant, c.claimed_on, c.event_on, c.notes, c.verdict,
    c.rationale, c.created_at, c.updated_at,
    (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id)";

/// Whether the claim is flagged changed on two desks, read by name in
/// [`claim_from_row`]; the rows a bundle compares leave it out.
const CONFLICT: &str =
    "EXISTS (SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id) AS conflict";

/// Claims of one workspace.
pub struct Claims<'a> {
    db: Db<'a>,
}

impl<'a> Claims<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        Claims { db }
    }

    /// Adds a claim and records its creation in history.
    pub fn add(&self, new: NewClaim) -> Result<Claim> {
        self.db
            .write(|conn| insert(conn, self.db.actor, &new, None))
    }

    /// The connection this handle reads through (for the claim detail).
    pub(super) fn conn(&self) -> &'a Connection {
        self.db.conn
    }

    /// The connection and actor this handle writes with (for merges).
    pub(super) fn db(&self) -> Db<'a> {
        self.db
    }

    /// The id of the claim named by `id_or_prefix`, deleted claims included.
    pub fn resolve(&self, id_or_prefix: &str) -> Result<String> {
        ids::resolve(self.db.conn, "claims", "claim", id_or_prefix)
    }

    /// One claim.
    pub fn get(&self, id_or_prefix: &str) -> Result<Claim> {
        let id = self.resolve(id_or_prefix)?;
        get(self.db.conn, &id)
    }

    /// Claims matching `filter`, deleted ones left out.
    pub fn list(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        self.list_where(filter, Deleted::No)
    }

    /// Deleted claims matching `filter`, so they can be found and restored.
    pub fn list_deleted(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        self.list_where(filter, Deleted::Yes)
    }

    /// Live claims merged into another (see [`Claims::merge`]) matching
    /// `filter`: the default list leaves them out.
    pub fn list_merged(&self, filter: &ClaimFilter) -> Result<Vec<Claim>> {
        self.list_where(filter, Deleted::Merged)
    }

    fn list_where(&self, filter: &ClaimFilter, deleted: Deleted) -> Result<Vec<Claim>> {
        let conn = self.db.conn;
        let mut query = Filtered::new(conn, filter, deleted, FilteredColumns::WithoutTags)?;
        query.sql.push_str(" ORDER BY ");
        query.sql.push_str(order_by(filter.sort));
        let mut stmt = conn.prepare_cached(&query.sql)?;
        let rows = stmt.query_map(
            rusqlite::params_from_iter(query.values.iter()),
            claim_from_row,
        )?;
        let mut claims: Vec<Claim> = rows.collect::<rusqlite::Result<_>>()?;
        // One pass over all tags beats a subquery per row on long lists.
        let mut tags = all_tags(conn)?;
        for claim in &mut claims {
            claim.tags = tags.remove(&claim.id).unwrap_or_default();
        }
        Ok(claims)
    }

    /// Every tag in use, with how many live claims carry it.
    pub fn tags(&self) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.db.conn.prepare_cached(
            "SELECT t.tag, count(*) FROM claim_tags t JOIN claims c ON c.id = t.claim_id
             WHERE c.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Changes fields of a claim; each changed field gets a history row.
    pub fn edit(&self, id_or_prefix: &str, edit: ClaimEdit, note: Option<&str>) -> Result<Claim> {
        let id = self.resolve(id_or_prefix)?;
        let statement = edit.statement.as_deref().map(clean_statement).transpose()?;
        self.db.write(|conn| {
            let old = get(conn, &id)?;
            let mut changes = Vec::new();
            let mut set = |field: &'static str, before: Option<String>, after: Option<String>| {
                if before != after {
                    changes.push((field, before, after));
                }
            };
            if let Some(s) = statement {
                set("statement", Some(old.statement.clone()), Some(s));
            }
            if let Some(c) = edit.claimant {
                set("claimant", old.claimant.clone(), clean_opt(c));
            }
            if let Some(d) = edit.claimed_on {
                set("claimed_on", date_text(old.claimed_on), date_text(d));
            }
            if let Some(d) = edit.event_on {
                set("event_on", date_text(old.event_on), date_text(d));
            }
            if let Some(n) = edit.notes {
                set("notes", Some(old.notes.clone()), Some(n.trim().to_string()));
            }
            for (field, _, after) in &changes {
                // Field names come from the fixed list above, never from input.
                let sql = format!("UPDATE claims SET {field} = ?2 WHERE id = ?1");
                let value = if *field == "notes" {
                    after.clone().or(Some(String::new()))
                } else {
                    after.clone()
                };
                conn.execute(&sql, params![id, value])?;
            }
            record(conn, &id, self.db.actor, changes, note)
        })
    }

    /// Gives the claim a verdict from the scale, with the reason for it.
    /// `rationale`: `None` keeps the current one, a blank one clears it; a
    /// change of either is a history row.
    pub fn set_verdict(
        &self,
        id_or_prefix: &str,
        verdict: &str,
        rationale: Option<&str>,
        note: Option<&str>,
    ) -> Result<Claim> {
        let id = self.resolve(id_or_prefix)?;
        self.db
            .write(|conn| apply_verdict(conn, &id, self.db.actor, verdict, rationale, note))
    }

    /// Adds and removes tags.
    pub fn tag(
        &self,
        id_or_prefix: &str,
        add: &[String],
        remove: &[String],
        note: Option<&str>,
    ) -> Result<Claim> {
        let id = self.resolve(id_or_prefix)?;
        let add = clean_tags(add)?;
        let remove = clean_tags(remove)?;
        self.db.write(|conn| {
            let old = get(conn, &id)?;
            for tag in &add {
                insert_tag(conn, &id, tag)?;
            }
            for tag in &remove {
                conn.execute(
                    "DELETE FROM claim_tags WHERE claim_id = ?1 AND tag = ?2",
                    params![id, tag],
                )?;
            }
            let new_tags = get(conn, &id)?.tags;
            let changes = if new_tags != old.tags {
                vec![("tags", Some(old.tags.join(", ")), Some(new_tags.join(", ")))]
            } else {
                Vec::new()
            };
            record(conn, &id, self.db.actor, changes, note)
        })
    }

    /// Moves a claim out of lists; [`Claims::restore`] undoes it. Nothing is erased.
    pub fn delete(&self, id_or_prefix: &str, note: Option<&str>) -> Result<()> {
        self.set_deleted(id_or_prefix, true, note)
    }

    /// Brings back a deleted claim.
    pub fn restore(&self, id_or_prefix: &str, note: Option<&str>) -> Result<Claim> {
        self.set_deleted(id_or_prefix, false, note)?;
        self.get(id_or_prefix)
    }

    fn set_deleted(&self, id_or_prefix: &str, deleted: bool, note: Option<&str>) -> Result<()> {
        let id = self.resolve(id_or_prefix)?;
        self.db.write(|conn| {
            let was_deleted = deleted_at(conn, &id)?.is_some();
            if was_deleted == deleted {
                return Err(Error::Conflict(format!(
                    "claim {id} is {}",
                    if deleted {
                        "already deleted"
                    } else {
                        "not deleted"
                    }
                )));
            }
            let at = instant_text(now());
            conn.execute(
                "UPDATE claims SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, deleted.then_some(&at), at],
            )?;
            let field = if deleted { "deleted" } else { "restored" };
            history::append(
                conn,
                &id,
                self.db.actor,
                &[Change::new(field, None, None)],
                note,
            )
        })
    }

    /// Every change to the claim, oldest first.
    pub fn history(&self, id_or_prefix: &str) -> Result<Vec<HistoryEntry>> {
        let id = self.resolve(id_or_prefix)?;
        history::list(self.db.conn, &id)
    }
}

/// The `ORDER BY` of a list in `sort`: newest first, `seq` breaking ties so
/// that the order is total (keyset pages rely on it).
pub(super) fn order_by(sort: ClaimSort) -> &'static str {
    match sort {
        ClaimSort::Updated => "c.updated_at DESC, c.seq DESC",
        ClaimSort::ClaimedOn => "c.claimed_on IS NULL, c.claimed_on DESC, c.seq DESC",
        ClaimSort::Created => "c.seq DESC",
    }
}

/// Which columns a filtered query selects.
#[derive(Clone, Copy)]
pub(super) enum FilteredColumns {
    /// The claim's fields and a NULL for its tags, which the caller fills in.
    WithoutTags,
    /// The claim's fields, its tags (a subquery per row: for a page, not
    /// for a whole list) and then `seq`, the last part of every sort key.
    PageRow,
    /// Only how many rows match.
    Count,
}

/// A `SELECT` of the claims matching a filter, without its `ORDER BY`, and
/// the values of its parameters (`?1`, `?2`, … in order).
pub(super) struct Filtered {
    pub sql: String,
    pub values: Vec<rusqlite::types::Value>,
}

impl Filtered {
    /// Only the filters in use go into the query, so an unfiltered list is a
    /// plain index scan. A verdict not on the scale is refused.
    pub(super) fn new(
        conn: &Connection,
        filter: &ClaimFilter,
        deleted: Deleted,
        columns: FilteredColumns,
    ) -> Result<Self> {
        let verdict = match filter
            .verdict
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
        {
            Some(v) => Some(scale::find(conn, v)?.key),
            None => None,
        };
        let tag = filter
            .tag
            .as_deref()
            .map(clean_tag)
            .filter(|t| !t.is_empty());
        let text = filter.text.as_deref().and_then(fts_query);
        let selected = match columns {
            FilteredColumns::WithoutTags => format!("{FIELDS}, NULL, {CONFLICT}"),
            FilteredColumns::PageRow => format!("{COLUMNS}, c.seq, {CONFLICT}"),
            FilteredColumns::Count => "count(*)".to_string(),
        };
        // A live merged duplicate lives on in its keeper, so only the merged
        // list shows it; a deleted one is listed with the deleted, to restore.
        const MERGED: &str = "EXISTS (SELECT 1 FROM claim_merges m
            WHERE m.duplicate_id = c.id AND m.unmerged_at IS NULL)";
        let mut query = Filtered {
            sql: format!(
                "SELECT {selected} FROM claims c WHERE {}",
                match deleted {
                    Deleted::No => format!("c.deleted_at IS NULL AND NOT {MERGED}"),
                    Deleted::Yes => "c.deleted_at IS NOT NULL".to_string(),
                    Deleted::Merged => format!("c.deleted_at IS NULL AND {MERGED}"),
                }
            ),
            values: Vec::new(),
        };
        if let Some(v) = verdict {
            let n = query.bind(v);
            query.sql.push_str(&format!(" AND c.verdict = ?{n}"));
        }
        if let Some(t) = tag {
            let n = query.bind(t);
            query.sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ?{n})"
            ));
        }
        if filter.conflicts {
            query
                .sql
                .push_str(" AND EXISTS (SELECT 1 FROM claim_conflicts k WHERE k.claim_id = c.id)");
        }
        if let Some(q) = text {
            let n = query.bind(q);
            query.sql.push_str(&format!(
                " AND c.seq IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?{n})"
            ));
        }
        Ok(query)
    }

    /// Adds a parameter value; returns its number.
    pub(super) fn bind(&mut self, value: impl Into<rusqlite::types::Value>) -> usize {
        self.values.push(value.into());
        self.values.len()
    }
}

/// Which claims a list holds: live ones, deleted ones, or live duplicates
/// merged into another claim.
#[derive(Clone, Copy)]
pub(super) enum Deleted {
    /// Live claims.
    No,
    /// Deleted claims.
    Yes,
    /// Live claims merged into another.
    Merged,
}

/// Writes history rows for `changes`, bumps `updated_at`, and returns the claim.
fn record(
    conn: &Connection,
    id: &str,
    actor: &str,
    changes: Vec<(&str, Option<String>, Option<String>)>,
    note: Option<&str>,
) -> Result<Claim> {
    // Edits change fields with UPDATEs of their own; every change passes here first.
    for (field, _, after) in &changes {
        check_field(field, after.as_deref())?;
    }
    limits::check_chars("the note", note.unwrap_or_default(), limits::MAX_NOTE_CHARS)?;
    let rows: Vec<Change<'_>> = changes
        .into_iter()
        .map(|(f, o, n)| Change::new(f, o, n))
        .collect();
    history::record(conn, id, actor, &rows, note)?;
    get(conn, id)
}

/// Every claim's tags, sorted, keyed by claim id.
fn all_tags(conn: &Connection) -> Result<HashMap<String, Vec<String>>> {
    let mut stmt =
        conn.prepare_cached("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")?;
    let mut map: HashMap<String, Vec<String>> = HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        map.entry(r.get(0)?).or_default().push(r.get(1)?);
    }
    Ok(map)
}

/// Inserts a new claim (with a new id) and its `created` history row.
pub(crate) fn insert(
    conn: &Connection,
    actor: &str,
    new: &NewClaim,
    note: Option<&str>,
) -> Result<Claim> {
    let statement = clean_statement(&new.statement)?;
    let tags = clean_tags(&new.tags)?;
    let verdict = match &new.verdict {
        Some(v) => scale::find(conn, v)?,
        None => scale::first(conn)?,
    };
    let at = now();
    let claim = Claim {
        id: ids::new_id(),
        statement: statement.clone(),
        claimant: clean_opt(new.claimant.clone()),
        claimed_on: new.claimed_on,
        event_on: new.event_on,
        notes: new
            .notes
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_string(),
        verdict: verdict.key,
        rationale: String::new(),
        created_at: at,
        updated_at: at,
        tags,
        conflict: false,
    };
    write_exact(conn, &claim, None)?;
    let id = claim.id;
    history::append(
        conn,
        &id,
        actor,
        &[Change::new("created", None, Some(statement.clone()))],
        note,
    )?;
    get(conn, &id)
}

/// Sets a claim's verdict and rationale, recording what changed.
pub(crate) fn apply_verdict(
    conn: &Connection,
    id: &str,
    actor: &str,
    verdict: &str,
    rationale: Option<&str>,
    note: Option<&str>,
) -> Result<Claim> {
    let old = get(conn, id)?;
    let verdict = scale::find(conn, verdict)?;
    let mut changes = Vec::new();
    if verdict.key != old.verdict {
        changes.push((
            "verdict",
            Some(old.verdict.clone()),
            Some(verdict.key.clone()),
        ));
    }
    if let Some(r) = rationale.map(str::trim)
        && r != old.rationale
    {
        // A cleared rationale reads as "removed" in history, not as "→ ''".
        changes.push((
            "rationale",
            (!old.rationale.is_empty()).then(|| old.rationale.clone()),
            (!r.is_empty()).then(|| r.to_string()),
        ));
    }
    for (field, _, after) in &changes {
        let sql = format!("UPDATE claims SET {field} = ?2 WHERE id = ?1");
        conn.execute(&sql, params![id, after.as_deref().unwrap_or_default()])?;
    }
    record(conn, id, actor, changes, note)
}

/// Every claim row, deleted ones included with when they were deleted, by id.
/// Bundles carry them all.
pub(crate) fn all_rows(conn: &Connection) -> Result<Vec<(Claim, Option<DateTime<Utc>>)>> {
    let sql = format!("SELECT {COLUMNS}, c.deleted_at FROM claims c ORDER BY c.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], row_with_deleted)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One claim row by full id, deleted or not.
pub(crate) fn row(conn: &Connection, id: &str) -> Result<Option<(Claim, Option<DateTime<Utc>>)>> {
    let sql = format!("SELECT {COLUMNS}, c.deleted_at FROM claims c WHERE c.id = ?1");
    Ok(conn.query_row(&sql, [id], row_with_deleted).optional()?)
}

fn row_with_deleted(r: &Row<'_>) -> rusqlite::Result<(Claim, Option<DateTime<Utc>>)> {
    let deleted = r
        .get::<_, Option<String>>(11)?
        .map(|t| parse_instant(&t))
        .transpose()?;
    Ok((claim_from_row(r)?, deleted))
}

/// Stores a claim exactly as given (id, timestamps, tags), inserting it or
/// overwriting every field of the stored one (a merge that took the newer
/// side): the one statement that writes a claim row, for new claims too. No
/// history is written: the caller brings or records it.
pub(crate) fn write_exact(
    conn: &Connection,
    claim: &Claim,
    deleted_at: Option<DateTime<Utc>>,
) -> Result<()> {
    check_limits(claim)?;
    conn.execute(
        "INSERT INTO claims (id, statement, claimant, claimed_on, event_on, notes, verdict,
                             rationale, created_at, updated_at, deleted_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (id) DO UPDATE SET
             statement = excluded.statement, claimant = excluded.claimant,
             claimed_on = excluded.claimed_on, event_on = excluded.event_on,
             notes = excluded.notes, verdict = excluded.verdict, rationale = excluded.rationale,
             created_at = excluded.created_at, updated_at = excluded.updated_at,
             deleted_at = excluded.deleted_at",
        params![
            claim.id,
            claim.statement,
            claim.claimant,
            date_text(claim.claimed_on),
            date_text(claim.event_on),
            claim.notes,
            claim.verdict,
            claim.rationale,
            instant_text(claim.created_at),
            instant_text(claim.updated_at),
            deleted_at.map(instant_text)
        ],
    )?;
    replace_tags(conn, &claim.id, &claim.tags)
}

fn replace_tags(conn: &Connection, id: &str, tags: &[String]) -> Result<()> {
    conn.execute("DELETE FROM claim_tags WHERE claim_id = ?1", [id])?;
    for tag in clean_tags(tags)? {
        insert_tag(conn, id, &tag)?;
    }
    Ok(())
}

/// Gives a claim a tag it may already carry.
fn insert_tag(conn: &Connection, id: &str, tag: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?1, ?2)",
        params![id, tag],
    )?;
    Ok(())
}

fn deleted_at(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT deleted_at FROM claims WHERE id = ?1", [id], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten())
}

/// A live claim by full id.
pub(crate) fn get(conn: &Connection, id: &str) -> Result<Claim> {
    let sql = format!("SELECT {COLUMNS}, c.deleted_at, {CONFLICT} FROM claims c WHERE c.id = ?1");
    let found = conn
        .query_row(&sql, [id], |r| {
            Ok((claim_from_row(r)?, r.get::<_, Option<String>>(11)?))
        })
        .optional()?;
    match found {
        None => Err(Error::not_found(format!("no claim with id {id}"))),
        Some((_, Some(_))) => Err(Error::not_found(format!(
            "claim {id} was deleted; `claim restore {id}` brings it back"
        ))),
        Some((claim, None)) => Ok(claim),
    }
}

pub(super) fn claim_from_row(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let mut tags: Vec<String> = r
        .get::<_, Option<String>>(10)?
        .map(|t| t.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default();
    tags.sort();
    Ok(Claim {
        id: r.get(0)?,
        statement: r.get(1)?,
        claimant: r.get(2)?,
        claimed_on: parse_date(r.get(3)?)?,
        event_on: parse_date(r.get(4)?)?,
        notes: r.get(5)?,
        verdict: r.get(6)?,
        rationale: r.get(7)?,
        created_at: parse_instant(&r.get::<_, String>(8)?)?,
        updated_at: parse_instant(&r.get::<_, String>(9)?)?,
        tags,
        conflict: match r.as_ref().column_index("conflict") {
            Ok(i) => r.get(i)?,
            Err(_) => false,
        },
    })
}

/// Every field of a claim within its limit, whichever way it came in.
fn check_limits(claim: &Claim) -> Result<()> {
    limits::check_chars(
        "the statement",
        &claim.statement,
        limits::MAX_STATEMENT_CHARS,
    )?;
    limits::check_fields([("the claimant", claim.claimant.as_deref())])?;
    limits::check_chars("the notes", &claim.notes, limits::MAX_NOTE_CHARS)?;
    limits::check_chars("the rationale", &claim.rationale, limits::MAX_NOTE_CHARS)
}

/// The limit of a field an edit changes.
fn check_field(field: &str, value: Option<&str>) -> Result<()> {
    let Some(value) = value else { return Ok(()) };
    match field {
        "statement" => limits::check_chars("the statement", value, limits::MAX_STATEMENT_CHARS),
        "notes" => limits::check_chars("the notes", value, limits::MAX_NOTE_CHARS),
        "rationale" => limits::check_chars("the rationale", value, limits::MAX_NOTE_CHARS),
        _ => limits::check_chars(&format!("the {field}"), value, limits::MAX_FIELD_CHARS),
    }
}

fn clean_statement(statement: &str) -> Result<String> {
    // Counted before cleaning, so a huge paste is refused without copying it.
    limits::check_chars("the statement", statement, limits::MAX_STATEMENT_CHARS)?;
    let s = statement.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        return Err(Error::invalid(
            "a claim needs a statement: the words to check",
        ));
    }
    Ok(s)
}

fn clean_tag(tag: &str) -> String {
    tag.split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase()
}

fn clean_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags.iter().flat_map(|t| t.split(',')) {
        let t = clean_tag(tag);
        if t.is_empty() {
            continue;
        }
        if t.chars().any(char::is_control) {
            return Err(Error::invalid(format!("tag {t:?} has control characters")));
        }
        limits::check_chars("a tag", &t, limits::MAX_FIELD_CHARS)?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// Turns typed words into an FTS5 query: every word must match as a prefix.
fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_become_prefix_queries_and_punctuation_is_dropped() {
        assert_eq!(
            fts_query("Thanks dead\"line"),
            Some("\"Thanks\"* \"dead\"* \"line\"*".into())
        );
        assert_eq!(fts_query("  ()  "), None);
    }

    #[test]
    fn tags_are_trimmed_lowercased_split_on_commas_and_deduplicated() {
        let tags = clean_tags(&[
            "Deadline, ukraine".into(),
            "deadline".into(),
            " peace plan ".into(),
        ]);
        assert_eq!(
            tags.ok(),
            Some(vec![
                "deadline".to_string(),
                "ukraine".into(),
                "peace-plan".into()
            ])
        );
    }
}
