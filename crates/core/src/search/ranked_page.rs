//! A page of hits in two steps (passages and claims alike): the newest
//! matches are ranked by rowid and bm25 first, the page is picked from those
//! ranks ([`pick_page`]), then the page's fields and highlights are read for
//! its rowids alone, in one query ([`read_page`]).

use std::collections::HashMap;

use rusqlite::{Connection, Row, params};

use crate::error::Result;

/// The page picked from the newest matches' ranks.
#[derive(Debug, PartialEq)]
pub(crate) enum Picked {
    /// Every match was ranked: the page by bm25 over all, and their number.
    All { page: Vec<(i64, f64)>, total: u32 },
    /// More matched than the broad threshold: the page by bm25 over the
    /// newest that-many; the total is still to be counted.
    Newest { page: Vec<(i64, f64)> },
}

/// The `limit` best of `newest` (rowid and bm25 rank, lower is better;
/// newest first, read up to one past `broad`). When every match is there,
/// they come in the order FTS5's `ORDER BY rank` gives: by rank, ties to the
/// lower rowid. Otherwise the newest `broad` are ranked, ties to the newer.
pub(crate) fn pick_page(mut newest: Vec<(i64, f64)>, broad: u32, limit: u32) -> Picked {
    let limit = limit as usize;
    if newest.len() > broad as usize {
        newest.truncate(broad as usize);
        let page = best(newest, limit, |a, b| {
            a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))
        });
        Picked::Newest { page }
    } else {
        let total = u32::try_from(newest.len()).unwrap_or(u32::MAX);
        let page = best(newest, limit, |a, b| {
            a.1.total_cmp(&b.1).then(a.0.cmp(&b.0))
        });
        Picked::All { page, total }
    }
}

/// The `limit` first of `ranks` in `order`, in that order.
fn best(
    mut ranks: Vec<(i64, f64)>,
    limit: usize,
    order: impl Fn(&(i64, f64), &(i64, f64)) -> std::cmp::Ordering,
) -> Vec<(i64, f64)> {
    if limit == 0 {
        return Vec::new();
    }
    if ranks.len() > limit {
        ranks.select_nth_unstable_by(limit - 1, &order);
        ranks.truncate(limit);
    }
    ranks.sort_unstable_by(&order);
    ranks
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_match_ranked_gives_the_total_and_ties_go_to_the_lower_rowid() {
        let newest = vec![(9, -1.0), (7, -3.0), (5, -1.0), (2, -3.0), (1, -0.5)];
        assert_eq!(
            pick_page(newest, 5, 3),
            Picked::All {
                page: vec![(2, -3.0), (7, -3.0), (5, -1.0)],
                total: 5
            }
        );
    }

    #[test]
    fn past_the_threshold_only_the_newest_are_ranked_ties_to_the_newer() {
        // Four read for a threshold of three: the oldest (rowid 1, the best
        // rank) is outside the window.
        let newest = vec![(9, -1.0), (7, -3.0), (5, -3.0), (1, -9.0)];
        assert_eq!(
            pick_page(newest, 3, 2),
            Picked::Newest {
                page: vec![(7, -3.0), (5, -3.0)]
            }
        );
    }
}
