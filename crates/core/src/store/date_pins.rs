//! The readings checkers pinned for ambiguous dated expressions. Rows are
//! only appended: each is one pin or unpin of an expression (known by its
//! source, wording and sentence, so it outlives the version it was made on),
//! the latest row of an expression holds, and all of them are its history.

use rusqlite::{Connection, params};
use serde::Serialize;

use super::version_dates::{when_parse, when_text};
use super::{instant_text, now};
use crate::error::Result;
use crate::timeline::When;
use crate::timeline::pinned::Pin;

/// One pin or unpin of a dated expression, as its history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DatePin {
    /// The source whose text holds the expression.
    pub source: String,
    /// The version it was pinned (or unpinned) on.
    pub version: String,
    /// The expression as written.
    pub expression: String,
    /// The sentence that holds it.
    pub sentence: String,
    /// The reading pinned, as the timeline writes dates; none for an unpin.
    pub pinned: Option<String>,
    /// The reading pinned before, if any.
    pub previous: Option<String>,
    /// When, RFC 3339.
    pub at: String,
    /// Who.
    pub actor: String,
    /// Why, when given.
    pub note: Option<String>,
}

/// What one pin or unpin writes.
pub(crate) struct NewPin<'a> {
    pub source: &'a str,
    pub version: &'a str,
    pub expression: &'a str,
    pub sentence: &'a str,
    /// None unpins.
    pub pinned: Option<When>,
    pub previous: Option<When>,
    pub actor: &'a str,
    pub note: Option<&'a str>,
}

/// Appends one pin or unpin.
pub(crate) fn append(conn: &Connection, pin: &NewPin<'_>) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO date_pins (source_id, version_id, expression, sentence, pinned, previous, at, actor, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        pin.source,
        pin.version,
        pin.expression,
        pin.sentence,
        pin.pinned.as_ref().map(when_text),
        pin.previous.as_ref().map(when_text),
        instant_text(now()),
        pin.actor,
        pin.note.map(str::trim).filter(|n| !n.is_empty()),
    ])?;
    Ok(())
}

/// The pins that hold for the sources in `source_ids` (all when empty): the
/// latest row of each expression (by instant, then as written), when it is a
/// pin and not an unpin.
pub(crate) fn holding(conn: &Connection, source_ids: &[String]) -> Result<Vec<Pin>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.seq, p.source_id, p.expression, p.sentence, p.pinned FROM date_pins p
         WHERE p.pinned IS NOT NULL
           -- The latest by instant: a pin a bundle brings in later may be older.
           AND p.seq = (SELECT q.seq FROM date_pins q WHERE q.source_id = p.source_id
                        AND q.expression = p.expression AND q.sentence = p.sentence
                        ORDER BY q.at DESC, q.seq DESC LIMIT 1)
           AND (?1 = 0 OR p.source_id IN (SELECT value FROM json_each(?2)))
         ORDER BY p.seq",
    )?;
    let wanted = serde_json::to_string(source_ids).unwrap_or_else(|_| "[]".into());
    let rows = stmt.query_map(
        params![i64::try_from(source_ids.len()).unwrap_or(i64::MAX), wanted],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, source, expression, sentence, pinned) = row?;
        // A row this release cannot read holds nothing rather than failing the view.
        if let Some(when) = when_parse(&pinned) {
            out.push(Pin {
                seq,
                source,
                expression,
                sentence,
                when,
            });
        }
    }
    Ok(out)
}

/// Every pin and unpin of the source's expressions, oldest first.
pub(crate) fn history(conn: &Connection, source_id: &str) -> Result<Vec<DatePin>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source_id, version_id, expression, sentence, pinned, previous, at, actor, note
         FROM date_pins WHERE source_id = ?1 ORDER BY seq",
    )?;
    let label = |text: Option<String>| text.as_deref().and_then(when_parse).map(|w| w.label());
    let rows = stmt.query_map([source_id], |r| {
        Ok(DatePin {
            source: r.get(0)?,
            version: r.get(1)?,
            expression: r.get(2)?,
            sentence: r.get(3)?,
            pinned: label(r.get(4)?),
            previous: label(r.get(5)?),
            at: r.get(6)?,
            actor: r.get(7)?,
            note: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A pin or unpin row as stored, for a bundle to carry and bring back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PinRow {
    pub source_id: String,
    pub version_id: String,
    pub expression: String,
    pub sentence: String,
    /// The reading as [`when_text`] wrote it; none for an unpin.
    pub pinned: Option<String>,
    pub previous: Option<String>,
    /// RFC 3339 as [`instant_text`] wrote it.
    pub at: String,
    pub actor: String,
    pub note: Option<String>,
}

/// Every pin and unpin row, oldest first (by instant, then as written).
pub(crate) fn rows(conn: &Connection) -> Result<Vec<PinRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source_id, version_id, expression, sentence, pinned, previous, at, actor, note
         FROM date_pins ORDER BY at, seq",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(PinRow {
            source_id: r.get(0)?,
            version_id: r.get(1)?,
            expression: r.get(2)?,
            sentence: r.get(3)?,
            pinned: r.get(4)?,
            previous: r.get(5)?,
            at: r.get(6)?,
            actor: r.get(7)?,
            note: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Appends `row` unless the very same row is stored; true when it was added.
pub(crate) fn insert_row_once(conn: &Connection, row: &PinRow) -> Result<bool> {
    let added = conn
        .prepare_cached(
            "INSERT INTO date_pins (source_id, version_id, expression, sentence, pinned, previous, at, actor, note)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9
             WHERE NOT EXISTS (SELECT 1 FROM date_pins WHERE source_id = ?1 AND version_id = ?2
                 AND expression = ?3 AND sentence = ?4 AND pinned IS ?5 AND previous IS ?6
                 AND at = ?7 AND actor = ?8 AND note IS ?9)",
        )?
        .execute(params![
            row.source_id,
            row.version_id,
            row.expression,
            row.sentence,
            row.pinned,
            row.previous,
            row.at,
            row.actor,
            row.note
        ])?;
    Ok(added > 0)
}
