//! Reading back the rows of a page already ranked by rowid, in one query: a
//! broad query ranks only rowids first, then the page's fields and highlights
//! are read for those rowids alone (passages and claims alike).

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};

use crate::error::Result;

/// The hits of `page` (rowid and bm25 rank, best first), in that order.
/// `sql` selects the rowid and then a hit's columns, with `?1` the FTS5 query,
/// `?2`..`?3` the page's rowid range and `?4` its rowids as a JSON array;
/// `hit` builds a hit from a row and its rank.
pub(crate) fn read_page<H>(
    conn: &Connection,
    sql: &str,
    fts: &str,
    page: &[(i64, f64)],
    hit: impl Fn(&Row<'_>, f64) -> rusqlite::Result<H>,
) -> Result<Vec<H>> {
    let (Some(low), Some(high)) = (
        page.iter().map(|p| p.0).min(),
        page.iter().map(|p| p.0).max(),
    ) else {
        return Ok(Vec::new());
    };
    let rank: HashMap<i64, f64> = page.iter().copied().collect();
    let rowids = serde_json::to_string(&page.iter().map(|p| p.0).collect::<Vec<_>>())
        .unwrap_or_else(|_| "[]".into());
    let mut found = HashMap::with_capacity(page.len());
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![fts, low, high, rowids], |r| {
        let rowid: i64 = r.get(0)?;
        let of = rank.get(&rowid).copied().unwrap_or(0.0);
        Ok((rowid, hit(r, of)?))
    })?;
    for row in rows {
        let (rowid, hit) = row?;
        found.insert(rowid, hit);
    }
    Ok(page
        .iter()
        .filter_map(|(rowid, _)| found.remove(rowid))
        .collect())
}
