//! The dated expressions of each source version, found once when the version
//! is stored (and again when its source's publication day changes), so a
//! timeline of thousands of sources is a query, not a parse.

use rusqlite::{Connection, params};

use super::{date_text, parse_date};
use crate::error::Result;
use crate::text::{Sentence, segment};
use crate::timeline::{Dated, Event, Origin, Precision, When, dates_in_sentences};

/// Finds and stores the dated expressions of version `version_id`, replacing
/// those stored before, against its source's publication day.
pub(crate) fn store(conn: &Connection, version_id: &str) -> Result<()> {
    let text: String = conn.query_row(
        "SELECT text FROM source_versions WHERE id = ?1",
        [version_id],
        |r| r.get(0),
    )?;
    store_sentences(conn, version_id, &text, &segment(&text))
}

/// [`store`] for a version whose text (`text`, split into `sentences`) the
/// caller has at hand: the store splits a new version once for the search
/// index and the dates.
pub(crate) fn store_sentences(
    conn: &Connection,
    version_id: &str,
    text: &str,
    sentences: &[Sentence<'_>],
) -> Result<()> {
    let published: Option<String> = conn
        .prepare_cached(
            "SELECT s.published_on FROM source_versions v JOIN sources s ON s.id = v.source_id
             WHERE v.id = ?1",
        )?
        .query_row([version_id], |r| r.get(0))?;
    let published = parse_date(published)?;
    conn.execute(
        "DELETE FROM version_dates WHERE version_id = ?1",
        [version_id],
    )?;
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO version_dates (version_id, expression_start, expression_end, expression,
             sentence_start, sentence_end, sentence, first_day, precision, until, reading, alternatives)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for d in dates_in_sentences(text, sentences, published) {
        let alternatives: Vec<String> = d.alternatives.iter().map(when_text).collect();
        insert.execute(params![
            version_id,
            count(d.expression_start),
            count(d.expression_end),
            d.expression,
            count(d.start),
            count(d.end),
            d.sentence,
            date_text(Some(d.when.first)),
            d.when.precision.as_str(),
            date_text(d.until),
            d.reading.as_str(),
            serde_json::to_string(&alternatives).unwrap_or_else(|_| "[]".into()),
        ])?;
    }
    Ok(())
}

/// Stores the dates of every version of `source_id` again (its publication day changed).
pub(crate) fn refresh_source(conn: &Connection, source_id: &str) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT id FROM source_versions WHERE source_id = ?1")?
        .query_map([source_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().try_for_each(|id| store(conn, id))
}

/// Stores the dates of every version: for workspaces written before dates were kept.
pub(crate) fn fill_all(conn: &Connection) -> Result<()> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM source_versions")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter().try_for_each(|id| store(conn, id))
}

/// The events of the latest version of each source in `source_ids` (all
/// sources when empty), with their source, version and outlet.
pub(crate) fn latest_events(conn: &Connection, source_ids: &[String]) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.expression_start, d.expression_end, d.expression, d.sentence_start, d.sentence_end,
                d.sentence, d.first_day, d.precision, d.until, d.reading, d.alternatives,
                v.id, s.id, s.outlet
         FROM sources s
         JOIN source_versions v ON v.source_id = s.id
              AND v.number = (SELECT max(number) FROM source_versions WHERE source_id = s.id)
         JOIN version_dates d ON d.version_id = v.id
         WHERE ?1 = 0 OR s.id IN (SELECT value FROM json_each(?2))",
    )?;
    let wanted = serde_json::to_string(source_ids).unwrap_or_else(|_| "[]".into());
    let rows = stmt.query_map(params![count(source_ids.len()), wanted], |r| {
        let first = parse_date(Some(r.get(6)?))?.unwrap_or_default();
        let precision = Precision::parse(&r.get::<_, String>(7)?).unwrap_or(Precision::Day);
        let alternatives: Vec<String> =
            serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default();
        let reading: String = r.get(9)?;
        let dated = Dated {
            expression_start: offset(r.get(0)?),
            expression_end: offset(r.get(1)?),
            expression: r.get(2)?,
            start: offset(r.get(3)?),
            end: offset(r.get(4)?),
            sentence: r.get(5)?,
            when: When { first, precision },
            until: parse_date(r.get(8)?)?,
            reading: crate::timeline::Reading::parse(&reading)
                .unwrap_or(crate::timeline::Reading::Nearest),
            alternatives: alternatives.iter().filter_map(|a| when_parse(a)).collect(),
        };
        let origin = Origin {
            file: None,
            version: Some(r.get(11)?),
            source: Some(r.get(12)?),
            outlet: r.get(13)?,
        };
        Ok(Event::new(&dated, &origin))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A span as stored: its first day and precision, "2025-12-02/day".
pub(crate) fn when_text(w: &When) -> String {
    format!("{}/{}", w.first.format("%Y-%m-%d"), w.precision.as_str())
}

/// The span stored as [`when_text`] wrote it.
pub(crate) fn when_parse(text: &str) -> Option<When> {
    let (day, precision) = text.split_once('/')?;
    Some(When {
        first: chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?,
        precision: Precision::parse(precision)?,
    })
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn offset(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}
