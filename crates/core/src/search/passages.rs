//! Passage hits: sentences of source versions matching a query, best first,
//! with their source, version, code-point span and highlights.

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::{PassageHit, Plan, score_of};
use crate::error::Result;
use crate::store::{date_text, parse_date};

/// The filters every passage query shares: ?1 the match, ?2 every version,
/// ?3 outlet, ?4 since, ?5 until.
const FILTERED: &str = "FROM passages_fts f
    JOIN passages p ON p.seq = f.rowid
    JOIN source_versions v ON v.id = p.version_id
    JOIN sources s ON s.id = v.source_id
    WHERE passages_fts MATCH ?1
      AND (?2 OR p.latest = 1)
      AND (?3 IS NULL OR s.outlet = ?3 COLLATE NOCASE)
      AND (?4 IS NULL OR s.published_on >= ?4)
      AND (?5 IS NULL OR s.published_on <= ?5)";

/// The best passages for the plan and how many match in all.
pub(crate) fn find(conn: &Connection, plan: &Plan) -> Result<(Vec<PassageHit>, u32)> {
    let args = params![
        plan.fts,
        plan.all_versions,
        plan.outlet,
        date_text(plan.since),
        date_text(plan.until)
    ];
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {FILTERED}"))?
        .query_row(args, |r| r.get(0))?;
    if total == 0 {
        return Ok((Vec::new(), 0));
    }
    let sql = format!(
        "SELECT f.rowid, f.rank, v.source_id, v.number, p.latest, s.outlet, s.title,
                s.published_on, p.start, p.\"end\"
         {FILTERED} ORDER BY f.rank LIMIT ?6"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(
            params![
                plan.fts,
                plan.all_versions,
                plan.outlet,
                date_text(plan.since),
                date_text(plan.until),
                plan.limit
            ],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    PassageHit {
                        score: score_of(r.get(1)?),
                        source: r.get(2)?,
                        version: r.get(3)?,
                        latest: r.get(4)?,
                        outlet: r.get(5)?,
                        title: r.get(6)?,
                        published: parse_date(r.get(7)?)?,
                        start: r.get(8)?,
                        end: r.get(9)?,
                        text: String::new(),
                        highlights: Vec::new(),
                        snippet: String::new(),
                    },
                ))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut hits = Vec::with_capacity(rows.len());
    for (rowid, mut hit) in rows {
        let (text, marked) = marked_text(conn, &plan.fts, rowid)?;
        hit.highlights = highlight::ranges(&marked, &text);
        hit.snippet = highlight::snippet(&text, &hit.highlights);
        hit.text = text;
        hits.push(hit);
    }
    Ok((hits, total))
}

/// One indexed sentence and the same with its matches marked.
fn marked_text(conn: &Connection, fts: &str, rowid: i64) -> Result<(String, String)> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.text, highlight(passages_fts, 0, ?3, ?4) FROM passages_fts f
         WHERE passages_fts MATCH ?1 AND f.rowid = ?2",
    )?;
    Ok(stmt.query_row(
        params![fts, rowid, OPEN.to_string(), CLOSE.to_string()],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}
