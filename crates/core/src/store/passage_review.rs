//! Passages to review: when a source gets a new version, every live evidence
//! passage on it is followed into that version (in the same transaction that
//! stores the version) and its status kept here until the checker decides.
//! Accept moves the evidence to the new version; keep leaves it on the
//! version it was read in. Both are recorded in the claim's history.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::db::Db;
use super::evidence::{self, describe};
use super::history::{self, Change};
use super::{instant_text, now, parse_instant, sources};
use crate::anchor::{self, Anchor, PassageStatus, VersionMap, WordChange};
use crate::error::{Error, Result};
use crate::ids;
use crate::model::{SourceVersion, Stance};

/// One passage whose source changed since it was read, with what happened to it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassageReview {
    /// The evidence's id.
    pub evidence_id: String,
    /// The claim it bears on.
    pub claim_id: String,
    /// That claim's statement.
    pub claim: String,
    /// The source.
    pub source_id: String,
    /// The source's title.
    pub source_title: String,
    /// How the passage bears on the claim.
    pub stance: Stance,
    /// The version the passage was read in (where the evidence is anchored).
    pub read_in_version: u32,
    /// The newer version it was followed into.
    pub version: u32,
    /// What happened to it there.
    pub status: PassageStatus,
    /// The passage's words as read.
    pub exact: String,
    /// Where it stands in the newer version; `None` when gone.
    pub found: Option<Anchor>,
    /// How sure the re-anchoring is (1.0 for untouched text, 0.0 when gone).
    pub score: f64,
    /// The word diff old → new; empty unless edited.
    pub diff: Vec<WordChange>,
    /// When it was followed (when the newer version was stored).
    pub checked_at: DateTime<Utc>,
}

/// The review queue of one workspace.
pub struct PassageReviews<'a> {
    db: Db<'a>,
}

const COLUMNS: &str = "r.evidence_id, e.claim_id, c.statement, v.source_id, s.title, e.stance,
    v.number, nv.number, r.status, r.exact, r.prefix, r.suffix, r.start, r.\"end\", r.score,
    r.diff, r.checked_at, e.exact";

const JOINS: &str = "evidence_reanchors r
    JOIN evidence e ON e.id = r.evidence_id
    JOIN claims c ON c.id = e.claim_id
    JOIN source_versions v ON v.id = e.version_id
    JOIN sources s ON s.id = v.source_id
    JOIN source_versions nv ON nv.id = r.version_id";

const OPEN: &str = "r.decision IS NULL AND e.removed_at IS NULL AND c.deleted_at IS NULL";

impl<'a> PassageReviews<'a> {
    pub(crate) fn new(db: Db<'a>) -> Self {
        PassageReviews { db }
    }

    /// Every passage waiting for a decision, across the workspace: gone
    /// first, then edited, then unchanged; oldest first within each.
    pub fn list(&self) -> Result<Vec<PassageReview>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM {JOINS} WHERE {OPEN}
             ORDER BY CASE r.status WHEN 'gone' THEN 0 WHEN 'edited' THEN 1 ELSE 2 END,
                      r.checked_at, r.evidence_id"
        );
        let mut stmt = self.db.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], review_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The passages of one claim waiting for a decision.
    pub fn for_claim(&self, claim_id: &str) -> Result<Vec<PassageReview>> {
        for_claim(self.db.conn, claim_id)
    }

    /// Moves the evidence to the newer version, where the passage was found,
    /// and records it in the claim's history. A gone passage cannot be
    /// accepted: there is nothing to move it to.
    pub fn accept(&self, evidence_id: &str, note: Option<&str>) -> Result<PassageReview> {
        let id = self.resolve(evidence_id)?;
        self.db.write(|conn| {
            let review = open_review(conn, &id)?;
            let Some(found) = review.found.as_ref() else {
                return Err(Error::invalid(format!(
                    "the passage \"{}\" is no longer in version {} of \"{}\", so there is nothing to move it to; keep it on version {} (evidence keep {}) or remove it",
                    review.exact,
                    review.version,
                    review.source_title,
                    review.read_in_version,
                    short(&id)
                )));
            };
            let before = evidence::get(conn, &id)?;
            let version_id: String = conn.query_row(
                "SELECT version_id FROM evidence_reanchors WHERE evidence_id = ?1 AND decision IS NULL",
                [&id],
                |r| r.get(0),
            )?;
            conn.execute(
                "UPDATE evidence SET version_id = ?2, exact = ?3, prefix = ?4, suffix = ?5,
                    start = ?6, \"end\" = ?7 WHERE id = ?1",
                params![
                    id,
                    version_id,
                    found.exact,
                    found.prefix,
                    found.suffix,
                    found.start,
                    found.end
                ],
            )?;
            decide(conn, &id, "accepted", self.db.actor)?;
            let after = evidence::get(conn, &id)?;
            history::record(
                conn,
                &review.claim_id,
                self.db.actor,
                &[Change::new(
                    "evidence",
                    Some(describe(&before)),
                    Some(describe(&after)),
                )],
                note,
            )?;
            Ok(review)
        })
    }

    /// Leaves the evidence on the version it was read in, and records that
    /// decision (with what happened in the newer version) in the claim's history.
    pub fn keep(&self, evidence_id: &str, note: Option<&str>) -> Result<PassageReview> {
        let id = self.resolve(evidence_id)?;
        self.db.write(|conn| {
            let review = open_review(conn, &id)?;
            let view = evidence::get(conn, &id)?;
            decide(conn, &id, "kept", self.db.actor)?;
            let text = describe(&view);
            history::record(
                conn,
                &review.claim_id,
                self.db.actor,
                &[Change::new(
                    "evidence",
                    Some(text.clone()),
                    Some(format!(
                        "{text} kept (version {}: {})",
                        review.version,
                        review.status.as_str()
                    )),
                )],
                note,
            )?;
            Ok(review)
        })
    }

    fn resolve(&self, id_or_prefix: &str) -> Result<String> {
        ids::resolve(self.db.conn, "evidence", "evidence", id_or_prefix)
    }
}

/// The open review of one evidence, or a conflict saying there is none.
fn open_review(conn: &Connection, id: &str) -> Result<PassageReview> {
    let sql = format!("SELECT {COLUMNS} FROM {JOINS} WHERE {OPEN} AND r.evidence_id = ?1");
    conn.query_row(&sql, [id], review_from_row)
        .optional()?
        .ok_or_else(|| {
            Error::Conflict(format!(
                "evidence {} has nothing to review: its source has no newer version since it was read, or it was decided already",
                short(id)
            ))
        })
}

fn decide(conn: &Connection, id: &str, decision: &str, actor: &str) -> Result<()> {
    conn.execute(
        "UPDATE evidence_reanchors SET decision = ?2, decided_at = ?3, decided_by = ?4
         WHERE evidence_id = ?1 AND decision IS NULL",
        params![id, decision, instant_text(now()), actor],
    )?;
    Ok(())
}

/// The open reviews of one claim's passages.
pub(crate) fn for_claim(conn: &Connection, claim_id: &str) -> Result<Vec<PassageReview>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {JOINS} WHERE {OPEN} AND e.claim_id = ?1 ORDER BY e.created_at, e.id"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([claim_id], review_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What happened to each live passage after it was read, for reports: its
/// waiting review, or the newest one the checker kept it through (`true`).
pub(crate) fn later_by_evidence(
    conn: &Connection,
) -> Result<FxHashMap<String, (PassageReview, bool)>> {
    let sql = format!(
        "SELECT {COLUMNS}, r.decision FROM {JOINS}
         WHERE e.removed_at IS NULL AND (r.decision IS NULL OR r.decision = 'kept')
           AND r.version_id <> e.version_id
         ORDER BY nv.number"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            review_from_row(r)?,
            r.get::<_, Option<String>>(18)?.is_some(),
        ))
    })?;
    let mut out = FxHashMap::default();
    for row in rows {
        let row = row?;
        out.insert(row.0.evidence_id.clone(), row);
    }
    Ok(out)
}

/// Follows every live passage of `source_id` into its new version `new` and
/// stores what happened; an earlier undecided review of a passage gives way
/// to this one. Runs inside the transaction that stored `new`.
pub(crate) fn follow_into(conn: &Connection, source_id: &str, new: &SourceVersion) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.version_id, e.exact, e.prefix, e.suffix, e.start, e.\"end\"
         FROM evidence e JOIN source_versions v ON v.id = e.version_id
         WHERE v.source_id = ?1 AND e.removed_at IS NULL AND e.version_id <> ?2
         ORDER BY e.version_id, e.id",
    )?;
    let passages = stmt
        .query_map(params![source_id, new.id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                Anchor {
                    exact: r.get(2)?,
                    prefix: r.get(3)?,
                    suffix: r.get(4)?,
                    start: r.get(5)?,
                    end: r.get(6)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut maps: FxHashMap<String, (String, VersionMap)> = FxHashMap::default();
    let checked_at = instant_text(now());
    for (evidence_id, version_id, old) in passages {
        if !maps.contains_key(&version_id) {
            let old_text = sources::version(conn, &version_id)?.text;
            let map = VersionMap::new(&old_text, &new.text);
            maps.insert(version_id.clone(), (old_text, map));
        }
        let (old_text, map) = &maps[&version_id];
        let followed = anchor::follow(map, old_text, &new.text, &old);
        let diff = serde_json::to_string(&followed.diff)
            .map_err(|e| Error::invalid(format!("word diff: {e}")))?;
        conn.execute(
            "DELETE FROM evidence_reanchors WHERE evidence_id = ?1 AND decision IS NULL",
            [&evidence_id],
        )?;
        let a = followed.anchor.as_ref();
        conn.execute(
            "INSERT INTO evidence_reanchors (evidence_id, version_id, status, exact, prefix, suffix,
                 start, \"end\", score, diff, checked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                evidence_id,
                new.id,
                followed.status.as_str(),
                a.map(|a| &a.exact),
                a.map(|a| &a.prefix),
                a.map(|a| &a.suffix),
                a.map(|a| a.start),
                a.map(|a| a.end),
                followed.score,
                diff,
                checked_at
            ],
        )?;
    }
    Ok(())
}

fn review_from_row(r: &Row<'_>) -> rusqlite::Result<PassageReview> {
    let conv = |i: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e)
    };
    let stance: String = r.get(5)?;
    let stance = stance.parse::<Stance>().map_err(|e| conv(5, Box::new(e)))?;
    let status: String = r.get(8)?;
    let status = PassageStatus::parse(&status)
        .ok_or_else(|| conv(8, format!("unknown passage status {status}").into()))?;
    let found = match r.get::<_, Option<String>>(9)? {
        Some(exact) => Some(Anchor {
            exact,
            prefix: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            suffix: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
            start: r.get::<_, Option<u32>>(12)?.unwrap_or_default(),
            end: r.get::<_, Option<u32>>(13)?.unwrap_or_default(),
        }),
        None => None,
    };
    let diff: String = r.get(15)?;
    Ok(PassageReview {
        evidence_id: r.get(0)?,
        claim_id: r.get(1)?,
        claim: r.get(2)?,
        source_id: r.get(3)?,
        source_title: r.get(4)?,
        stance,
        read_in_version: r.get(6)?,
        version: r.get(7)?,
        status,
        exact: r.get(17)?,
        found,
        score: r.get(14)?,
        diff: serde_json::from_str(&diff).map_err(|e| conv(15, Box::new(e)))?,
        checked_at: parse_instant(&r.get::<_, String>(16)?)?,
    })
}

/// The first characters of an id, enough to type it back.
fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
