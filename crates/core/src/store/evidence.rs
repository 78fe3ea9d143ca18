//! Evidence: passages of source versions linked to claims.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::db::Db;
use super::history::{self, Change};
use super::sources;
use super::{Claims, Sources};
use super::{instant_text, now, parse_date, parse_instant};
use crate::anchor::{self, Anchor};
use crate::error::{Error, Result};
use crate::ids;
use crate::limits;
use crate::model::{
    Evidence, EvidenceView, NewEvidence, NewEvidenceAt, PassagePick, SourceVersion, Stance,
};

const COLUMNS: &str =
    "e.id, e.claim_id, v.source_id, e.version_id, e.stance, e.exact, e.prefix, e.suffix,
    e.start, e.\"end\", e.note, e.created_at,
    s.title, s.outlet, s.url, s.published_on, v.number, v.sha256";

/// The links between a workspace's claims and the passages that support or
/// dispute them; each link is an [`Evidence`] row.
pub struct EvidenceLinks<'a> {
    db: Db<'a>,
}

impl<'a> EvidenceLinks<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        EvidenceLinks { db }
    }

    /// Links a passage to a claim. The quote must stand in the source's text,
    /// up to case, quote marks, apostrophes, dashes and zero-width characters;
    /// a miss is refused with the nearest passage when there is one.
    pub fn add(&self, new: NewEvidence) -> Result<EvidenceView> {
        self.link(
            &new.claim,
            &new.source,
            new.version,
            new.stance,
            new.note.as_deref(),
            |version| anchor::locate(&version.text, &new.quote, new.occurrence),
        )
    }

    /// Links a passage picked by position (a selection in the reader) to a
    /// claim. The offsets are checked against the version's text and the
    /// selectors derived from it, so a passage that occurs twice links the
    /// occurrence the user selected. Offsets outside the text or around
    /// nothing but white space are refused and nothing is written.
    pub fn add_at(&self, new: NewEvidenceAt) -> Result<EvidenceView> {
        let pick = &new.passage;
        self.link(
            &new.claim,
            &pick.source,
            Some(pick.version),
            pick.stance,
            new.note.as_deref(),
            |version| anchor_pick(version, pick, "the passage"),
        )
    }

    /// Links the passage `find` locates in a version of `source` (the latest
    /// when `version` is `None`) to a live claim, in one transaction.
    fn link(
        &self,
        claim: &str,
        source: &str,
        version: Option<u32>,
        stance: Stance,
        note: Option<&str>,
        find: impl FnOnce(&SourceVersion) -> Result<Anchor>,
    ) -> Result<EvidenceView> {
        let claims = Claims::new(self.db);
        let claim_id = claims.resolve(claim)?;
        claims.get(&claim_id)?;
        let source_id = Sources::new(self.db).resolve(source)?;
        self.db.write(|conn| {
            let version = sources::version_by_number(conn, &source_id, version)?;
            let found = find(&version)?;
            insert_anchored(
                conn,
                self.db.actor,
                &claim_id,
                &version,
                &found,
                stance,
                note,
            )
        })
    }

    /// The id of the evidence named by `id_or_prefix`.
    pub fn resolve(&self, id_or_prefix: &str) -> Result<String> {
        ids::resolve(self.db.conn, "evidence", "evidence", id_or_prefix)
    }

    /// Evidence for one claim, or for every claim when `claim` is `None`.
    pub fn list(&self, claim: Option<&str>) -> Result<Vec<EvidenceView>> {
        match claim {
            Some(c) => {
                let id = Claims::new(self.db).resolve(c)?;
                for_claim(self.db.conn, &id)
            }
            None => {
                let sql = format!(
                    "SELECT {COLUMNS} FROM {JOINS} WHERE e.removed_at IS NULL ORDER BY e.created_at"
                );
                let mut stmt = self.db.conn.prepare_cached(&sql)?;
                let rows = stmt.query_map([], view_from_row)?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            }
        }
    }

    /// Unlinks a passage from its claim; [`EvidenceLinks::restore`] undoes it.
    pub fn remove(&self, id_or_prefix: &str, note: Option<&str>) -> Result<EvidenceView> {
        self.set_removed(id_or_prefix, true, note)
    }

    /// Links a removed passage again.
    pub fn restore(&self, id_or_prefix: &str, note: Option<&str>) -> Result<EvidenceView> {
        self.set_removed(id_or_prefix, false, note)
    }

    fn set_removed(
        &self,
        id_or_prefix: &str,
        removed: bool,
        note: Option<&str>,
    ) -> Result<EvidenceView> {
        let id = self.resolve(id_or_prefix)?;
        self.db.write(|conn| {
            let was_removed: Option<String> = conn.query_row(
                "SELECT removed_at FROM evidence WHERE id = ?1",
                [&id],
                |r| r.get(0),
            )?;
            if was_removed.is_some() == removed {
                return Err(Error::Conflict(format!(
                    "evidence {id} is {}",
                    if removed {
                        "already removed"
                    } else {
                        "not removed"
                    }
                )));
            }
            conn.execute(
                "UPDATE evidence SET removed_at = ?2 WHERE id = ?1",
                params![id, removed.then(|| instant_text(now()))],
            )?;
            let view = get(conn, &id)?;
            let text = describe(&view);
            let change = if removed {
                Change::new("evidence", Some(text), None)
            } else {
                Change::new("evidence", None, Some(text))
            };
            history::record(
                conn,
                &view.evidence.claim_id,
                self.db.actor,
                &[change],
                note,
            )?;
            Ok(view)
        })
    }

    /// Where the passage stands in another version of its source (the latest
    /// when `number` is `None`); `None` when its words are no longer there.
    pub fn locate_in_version(
        &self,
        id_or_prefix: &str,
        number: Option<u32>,
    ) -> Result<Option<Anchor>> {
        let id = self.resolve(id_or_prefix)?;
        let view = get(self.db.conn, &id)?;
        let e = &view.evidence;
        let target = sources::version_by_number(self.db.conn, &e.source_id, number)?;
        let stored = Anchor {
            exact: e.exact.clone(),
            prefix: e.prefix.clone(),
            suffix: e.suffix.clone(),
            start: e.start,
            end: e.end,
        };
        Ok(anchor::reanchor(&target.text, &stored))
    }
}

/// Anchors the code point range of `pick` in `version`, refusing a range
/// outside the text or one that holds only white space. White space at
/// either edge of the range is left out, as a quote's would be; `what` names
/// the passage in the messages ("the left passage").
pub(crate) fn anchor_pick(
    version: &SourceVersion,
    pick: &PassagePick,
    what: &str,
) -> Result<Anchor> {
    let text = &version.text;
    let (start, end) = anchor::byte_range(text, pick.start, pick.end)
        .filter(|_| pick.start < pick.end)
        .ok_or_else(|| {
            Error::invalid(format!(
                "{what} {}..{} is not inside version {} of the source, which has {} characters",
                pick.start,
                pick.end,
                version.number,
                text.chars().count()
            ))
        })?;
    let selected = &text[start..end];
    let inner = selected.trim();
    if inner.is_empty() {
        return Err(Error::invalid(format!(
            "{what} is blank; select the words to link"
        )));
    }
    let lead = selected.len() - selected.trim_start().len();
    Ok(anchor::anchor_bytes(
        text,
        start + lead,
        start + lead + inner.len(),
    ))
}

/// Links an anchored passage of a version to a claim and records it in the
/// claim's history; runs inside the caller's write transaction.
pub(crate) fn insert_anchored(
    conn: &Connection,
    actor: &str,
    claim_id: &str,
    version: &SourceVersion,
    found: &Anchor,
    stance: Stance,
    note: Option<&str>,
) -> Result<EvidenceView> {
    let item = Evidence {
        id: ids::new_id(),
        claim_id: claim_id.to_string(),
        source_id: version.source_id.clone(),
        version_id: version.id.clone(),
        stance,
        exact: found.exact.clone(),
        prefix: found.prefix.clone(),
        suffix: found.suffix.clone(),
        start: found.start,
        end: found.end,
        note: note.map(str::trim).unwrap_or_default().to_string(),
        created_at: now(),
    };
    insert_exact(conn, &item, None)?;
    let view = get(conn, &item.id)?;
    history::record(
        conn,
        claim_id,
        actor,
        &[Change::new("evidence", None, Some(describe(&view)))],
        note,
    )?;
    Ok(view)
}

const JOINS: &str =
    "evidence e JOIN source_versions v ON v.id = e.version_id JOIN sources s ON s.id = v.source_id";

/// Live evidence of a claim, oldest first.
pub(crate) fn for_claim(conn: &Connection, claim_id: &str) -> Result<Vec<EvidenceView>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE e.claim_id = ?1 AND e.removed_at IS NULL ORDER BY e.created_at, e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([claim_id], view_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every evidence row, removed ones included with when they were removed, by id.
pub(crate) fn all_rows(conn: &Connection) -> Result<Vec<(Evidence, Option<DateTime<Utc>>)>> {
    let sql = format!("SELECT {COLUMNS}, e.removed_at FROM {JOINS} ORDER BY e.id");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        let removed = r
            .get::<_, Option<String>>(18)?
            .map(|t| parse_instant(&t))
            .transpose()?;
        Ok((view_from_row(r)?.evidence, removed))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// When the evidence was removed (`Some(None)`: linked), or `None` when no such id.
pub(crate) fn removed_at(conn: &Connection, id: &str) -> Result<Option<Option<String>>> {
    Ok(conn
        .query_row("SELECT removed_at FROM evidence WHERE id = ?1", [id], |r| {
            r.get::<_, Option<String>>(0)
        })
        .optional()?)
}

/// Stores evidence exactly as given (id and timestamps kept): the one
/// statement that writes an evidence row, for new links too. Its source is
/// the version's, so `e.source_id` is not stored.
pub(crate) fn insert_exact(
    conn: &Connection,
    e: &Evidence,
    removed_at: Option<DateTime<Utc>>,
) -> Result<()> {
    limits::check_chars("the evidence note", &e.note, limits::MAX_NOTE_CHARS)?;
    conn.execute(
        "INSERT INTO evidence (id, claim_id, version_id, stance, exact, prefix, suffix, start, \"end\", note, created_at, removed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            e.id,
            e.claim_id,
            e.version_id,
            e.stance.as_str(),
            e.exact,
            e.prefix,
            e.suffix,
            e.start,
            e.end,
            e.note,
            instant_text(e.created_at),
            removed_at.map(instant_text)
        ],
    )?;
    Ok(())
}

/// Sets when evidence was removed (`None`: linked), as a merge decided.
pub(crate) fn set_removed_at(
    conn: &Connection,
    id: &str,
    removed_at: Option<DateTime<Utc>>,
) -> Result<()> {
    conn.execute(
        "UPDATE evidence SET removed_at = ?2 WHERE id = ?1",
        params![id, removed_at.map(instant_text)],
    )?;
    Ok(())
}

pub(crate) fn get(conn: &Connection, id: &str) -> Result<EvidenceView> {
    let sql = format!("SELECT {COLUMNS} FROM {JOINS} WHERE e.id = ?1");
    conn.query_row(&sql, [id], view_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no evidence with id {id}")))
}

/// One line for history: stance, quote and where it comes from.
pub(crate) fn describe(view: &EvidenceView) -> String {
    format!(
        "{}: \"{}\" ({}, v{})",
        view.evidence.stance.as_str(),
        view.evidence.exact,
        view.outlet.as_deref().unwrap_or(&view.source_title),
        view.version_number
    )
}

fn view_from_row(r: &Row<'_>) -> rusqlite::Result<EvidenceView> {
    let stance: String = r.get(4)?;
    let stance = stance.parse::<Stance>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(EvidenceView {
        evidence: Evidence {
            id: r.get(0)?,
            claim_id: r.get(1)?,
            source_id: r.get(2)?,
            version_id: r.get(3)?,
            stance,
            exact: r.get(5)?,
            prefix: r.get(6)?,
            suffix: r.get(7)?,
            start: r.get(8)?,
            end: r.get(9)?,
            note: r.get(10)?,
            created_at: parse_instant(&r.get::<_, String>(11)?)?,
        },
        source_title: r.get(12)?,
        outlet: r.get(13)?,
        url: r.get(14)?,
        published_on: parse_date(r.get(15)?)?,
        version_number: r.get(16)?,
        version_sha256: r.get(17)?,
    })
}

/// When the evidence was removed, parsed (`None`: linked, or no such id).
pub(crate) fn removed_at_instant(conn: &Connection, id: &str) -> Result<Option<DateTime<Utc>>> {
    Ok(removed_at(conn, id)?
        .flatten()
        .map(|t| parse_instant(&t))
        .transpose()?)
}

/// Stores every field of a passage as another desk's copy has it (moved to
/// a later version, a new note, merged into another claim), keeping its id.
pub(crate) fn overwrite(conn: &Connection, e: &Evidence) -> Result<()> {
    limits::check_chars("the evidence note", &e.note, limits::MAX_NOTE_CHARS)?;
    conn.execute(
        "UPDATE evidence SET claim_id = ?2, version_id = ?3, stance = ?4, exact = ?5, prefix = ?6,
             suffix = ?7, start = ?8, \"end\" = ?9, note = ?10
         WHERE id = ?1",
        params![
            e.id,
            e.claim_id,
            e.version_id,
            e.stance.as_str(),
            e.exact,
            e.prefix,
            e.suffix,
            e.start,
            e.end,
            e.note
        ],
    )?;
    Ok(())
}
