//! `check`: is a workspace file sound? SQLite's own integrity and
//! foreign-key checks, then Claimdesk's invariants, read without writing
//! anything (the file is opened read-only and never migrated).

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::anchor;
use crate::error::{Error, Result};
use crate::text::normalise::sha256_hex;

/// Stop listing problems of one kind after this many; the count stays exact.
const SHOWN_PER_CHECK: usize = 20;

/// Which rule a problem breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// SQLite's `PRAGMA integrity_check`: the file's pages, indexes and rows agree.
    Integrity,
    /// SQLite's `PRAGMA foreign_key_check`: every reference points at a row.
    ForeignKeys,
    /// Every evidence's selectors (exact, prefix, suffix, start, end) match its version's text.
    EvidenceSelectors,
    /// Every version's stored SHA-256 is the hash of its text.
    VersionHash,
    /// Every claim's history starts with its one `created` row, no row is
    /// dated before the claim, and the claim's last change has its row.
    HistorySequence,
    /// Nothing is left without what it belongs to (a source without a version).
    Orphans,
    /// Every merge joins two claims that exist; no duplicate is merged twice
    /// at once, and no claim that stays is itself merged (a chain).
    ClaimMerges,
    /// Every date pin's expression stands in its sentence, and the sentence in
    /// the text of the version it was pinned on.
    DatePins,
}

/// One broken rule at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Problem {
    /// The rule broken.
    pub rule: Rule,
    /// Where and how, in words.
    pub message: String,
}

/// What `check` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckReport {
    /// True when no rule is broken.
    pub ok: bool,
    /// The workspace's schema version (older ones are checked as they are).
    pub schema_version: u32,
    /// Rows looked at: claims, history rows, sources, versions, evidence.
    pub counted: Counted,
    /// How many problems were found in all (more than `problems` lists when
    /// one rule is broken in many places).
    pub problem_count: u32,
    /// The problems, at most 20 per rule.
    pub problems: Vec<Problem>,
}

/// Rows looked at by a check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counted {
    /// Claims, deleted ones included.
    pub claims: u32,
    /// Rows of claim history.
    pub history: u32,
    /// Sources.
    pub sources: u32,
    /// Source versions.
    pub versions: u32,
    /// Evidence, removed passages included.
    pub evidence: u32,
}

/// Checks the workspace file at `path` without writing to it.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    if !path.is_file() {
        return Err(Error::not_found(format!(
            "no workspace file at {}; give the path of one",
            path.display()
        )));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    super::check_is_workspace(&conn, path, false)?;
    check(&conn)
}

/// Checks the workspace open on `conn`, reading only, in one read transaction
/// so that a writer elsewhere cannot make it see half a change.
pub(crate) fn check(conn: &Connection) -> Result<CheckReport> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > super::schema::VERSION {
        return Err(Error::Conflict(format!(
            "this workspace was written by a newer Claimdesk (schema {version}, this one knows {}); check it with that release",
            super::schema::VERSION
        )));
    }
    conn.execute_batch("BEGIN DEFERRED")?;
    let result = run_checks(conn, version);
    let _ = conn.execute_batch("COMMIT");
    result
}

fn run_checks(conn: &Connection, version: i64) -> Result<CheckReport> {
    let mut found = Found::default();
    integrity(conn, &mut found)?;
    // The rows of a file whose pages are broken cannot be trusted; stop there.
    if found.problems.is_empty() {
        foreign_keys(conn, &mut found)?;
        evidence_selectors(conn, &mut found)?;
        version_hashes(conn, &mut found)?;
        history_sequence(conn, &mut found)?;
        orphans(conn, &mut found)?;
        super::check_merges_and_pins::claim_merges(conn, &mut found)?;
        super::check_merges_and_pins::date_pins(conn, &mut found)?;
    }
    let count = |table: &str| -> Result<u32> {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    };
    let counted = if found.count == 0 || found.problems[0].rule != Rule::Integrity {
        Counted {
            claims: count("claims")?,
            history: count("claim_history")?,
            sources: count("sources")?,
            versions: count("source_versions")?,
            evidence: count("evidence")?,
        }
    } else {
        Counted {
            claims: 0,
            history: 0,
            sources: 0,
            versions: 0,
            evidence: 0,
        }
    };
    Ok(CheckReport {
        ok: found.count == 0,
        schema_version: u32::try_from(version).unwrap_or(0),
        counted,
        problem_count: found.count,
        problems: found.problems,
    })
}

#[derive(Default)]
pub(super) struct Found {
    problems: Vec<Problem>,
    count: u32,
}

impl Found {
    pub(super) fn add(&mut self, rule: Rule, message: String) {
        self.count = self.count.saturating_add(1);
        if self.problems.iter().filter(|p| p.rule == rule).count() < SHOWN_PER_CHECK {
            self.problems.push(Problem { rule, message });
        }
    }
}

fn integrity(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for row in rows {
        let line = row?;
        if line != "ok" {
            found.add(Rule::Integrity, line);
        }
    }
    Ok(())
}

fn foreign_keys(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (table, rowid, parent) = row?;
        let at = rowid.map_or_else(String::new, |r| format!(" (row {r})"));
        found.add(
            Rule::ForeignKeys,
            format!("a row of {table}{at} points at a missing row of {parent}"),
        );
    }
    Ok(())
}

fn evidence_selectors(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.exact, e.prefix, e.suffix, e.start, e.\"end\", v.text
         FROM evidence e JOIN source_versions v ON v.id = e.version_id ORDER BY e.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    for row in rows {
        let (id, exact, prefix, suffix, start, end, text) = row?;
        let range = u32::try_from(start)
            .ok()
            .zip(u32::try_from(end).ok())
            .and_then(|(s, e)| anchor::byte_range(&text, s, e));
        let why = match range {
            None => Some(format!(
                "its position {start}..{end} lies outside its version's text"
            )),
            Some((s, e)) if text[s..e] != exact => Some(format!(
                "its exact words are not the text at {start}..{end}"
            )),
            Some((s, _)) if !text[..s].ends_with(&prefix) => {
                Some("its prefix is not the text just before it".to_string())
            }
            Some((_, e)) if !text[e..].starts_with(&suffix) => {
                Some("its suffix is not the text just after it".to_string())
            }
            Some(_) => None,
        };
        if let Some(why) = why {
            found.add(Rule::EvidenceSelectors, format!("evidence {id}: {why}"));
        }
    }
    Ok(())
}

fn version_hashes(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn
        .prepare("SELECT id, source_id, number, text, sha256 FROM source_versions ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (id, source, number, text, sha) = row?;
        if sha256_hex(&text) != sha {
            found.add(
                Rule::VersionHash,
                format!(
                    "version {number} ({id}) of source {source}: its stored SHA-256 is not the hash of its text"
                ),
            );
        }
    }
    Ok(())
}

fn history_sequence(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut claims = conn.prepare("SELECT id, created_at, updated_at FROM claims ORDER BY seq")?;
    let mut history =
        conn.prepare("SELECT field, at FROM claim_history WHERE claim_id = ?1 ORDER BY seq")?;
    let ids = claims
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, created_at, updated_at) in ids {
        let rows = history
            .query_map([&id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut problem = |why: &str| {
            found.add(Rule::HistorySequence, format!("claim {id}: {why}"));
        };
        match rows.first() {
            None => {
                problem("it has no history at all");
                continue;
            }
            Some((field, _)) if field != "created" => {
                problem("its history does not start with its creation");
            }
            Some(_) => {}
        }
        if rows.iter().filter(|(f, _)| f == "created").count() > 1 {
            problem("its history records its creation more than once");
        }
        let (Some(created), Some(updated)) = (instant(&created_at), instant(&updated_at)) else {
            problem("its creation or last change is not a valid instant");
            continue;
        };
        let times: Option<Vec<DateTime<Utc>>> = rows.iter().map(|(_, at)| instant(at)).collect();
        let Some(times) = times else {
            problem("a history row's instant is not valid");
            continue;
        };
        if times.iter().any(|t| *t < created) {
            problem("a history row is dated before the claim was created");
        }
        if times.iter().max().is_some_and(|last| *last < updated) {
            problem("its last change has no history row");
        }
    }
    Ok(())
}

fn orphans(conn: &Connection, found: &mut Found) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT id FROM sources s
         WHERE NOT EXISTS (SELECT 1 FROM source_versions v WHERE v.source_id = s.id) ORDER BY id",
    )?;
    for id in stmt.query_map([], |r| r.get::<_, String>(0))? {
        found.add(Rule::Orphans, format!("source {} has no version", id?));
    }
    Ok(())
}

fn instant(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
