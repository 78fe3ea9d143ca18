//! The readings checkers pinned for ambiguous dates, in a bundle: every pin
//! and unpin row of the bundle's sources, so the desk that imports it reads
//! those dates the same way and keeps their history.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::date_pins::{self, PinRow};
use crate::store::version_dates::when_parse;
use crate::store::{instant_text, parse_instant, sources};

/// One pin or unpin of a dated expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleDatePin {
    /// The source whose text holds the expression; it must own `version_id`.
    pub source_id: String,
    /// The version it was pinned on, held by the bundle or the importing workspace.
    pub version_id: String,
    /// The expression as written ("next Friday").
    pub expression: String,
    /// The sentence that holds it.
    pub sentence: String,
    /// The reading pinned, `YYYY-MM-DD/precision` (`day`, `week`, `month`, `season` or `year`);
    /// `null` for an unpin.
    pub pinned: Option<String>,
    /// The reading that held before, in the same form; `null` when none.
    pub previous: Option<String>,
    /// When (RFC 3339, UTC); of an expression's rows the latest holds.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// Why, when given.
    pub note: Option<String>,
}

/// The pin rows of the sources in `source_ids`, oldest first.
pub(super) fn gather(conn: &Connection, source_ids: &BTreeSet<&str>) -> Result<Vec<BundleDatePin>> {
    let mut out = Vec::new();
    for row in date_pins::rows(conn)? {
        if !source_ids.contains(row.source_id.as_str()) {
            continue;
        }
        out.push(BundleDatePin {
            at: parse_instant(&row.at)?,
            source_id: row.source_id,
            version_id: row.version_id,
            expression: row.expression,
            sentence: row.sentence,
            pinned: row.pinned,
            previous: row.previous,
            actor: row.actor,
            note: row.note,
        });
    }
    Ok(out)
}

/// Appends each pin row this workspace does not hold yet; returns how many.
/// Run after the bundle's sources are in; `version_ids` maps the bundle's
/// versions to this workspace's (one with the same text keeps the local id).
/// Refuses a pin whose version is neither in the bundle nor here, belongs to
/// another source, or whose reading cannot be read.
pub(super) fn bring_in(
    conn: &Connection,
    pins: &[BundleDatePin],
    version_ids: &HashMap<String, String>,
) -> Result<u32> {
    let mut added = 0;
    for (i, p) in pins.iter().enumerate() {
        let refuse = |what: String| {
            Error::invalid(format!(
                "date_pins[{i}] (\"{}\" in source {}) {what}; nothing was imported",
                p.expression, p.source_id
            ))
        };
        let version_id = version_ids
            .get(&p.version_id)
            .cloned()
            .unwrap_or_else(|| p.version_id.clone());
        match sources::version(conn, &version_id) {
            Ok(v) if v.source_id == p.source_id => {}
            Ok(v) => {
                return Err(refuse(format!(
                    "names version {}, which belongs to source {}",
                    p.version_id, v.source_id
                )));
            }
            Err(Error::NotFound(_)) => {
                return Err(refuse(format!(
                    "names version {}, which is neither in the bundle nor here",
                    p.version_id
                )));
            }
            Err(e) => return Err(e),
        }
        for (field, reading) in [("pinned", &p.pinned), ("previous", &p.previous)] {
            if let Some(text) = reading
                && when_parse(text).is_none()
            {
                return Err(refuse(format!(
                    "has {field} {text:?}; write a reading as YYYY-MM-DD/precision, e.g. \"2025-03-07/day\""
                )));
            }
        }
        if p.expression.trim().is_empty() {
            return Err(refuse("has an empty expression".into()));
        }
        let row = PinRow {
            source_id: p.source_id.clone(),
            version_id,
            expression: p.expression.clone(),
            sentence: p.sentence.clone(),
            pinned: p.pinned.clone(),
            previous: p.previous.clone(),
            at: instant_text(p.at),
            actor: p.actor.clone(),
            note: p.note.clone(),
        };
        if date_pins::insert_row_once(conn, &row)? {
            added += 1;
        }
    }
    Ok(added)
}
