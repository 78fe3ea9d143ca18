//! Passage hits: sentences of source versions matching a query, best first,
//! with their source, version, code-point span and highlights.
//!
//! Each match is ranked once, newest first, in one pass that stops past the
//! broad threshold (see [`super::BROAD_MATCHES`]):
//! - most queries: that pass holds every match, so it gives the exact total
//!   and the page by bm25 over all of them;
//! - a query matching more than the broad threshold (a word in most
//!   sentences): the page by bm25 over the newest matching passages, and a
//!   count for the total.
//!
//! Then the page's text and highlights in one more query. (FTS5's own
//! `ORDER BY rank` ranks every match in its sorter and then ranks the page's
//! rows again when `rank` is read, and each ranking cursor first reads every
//! phrase's whole doclist for its idf: twice the work of ranking once.)

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::ranked_page::{Picked, pick_page, read_page};
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

/// What the page query returns: the rowid, then from column 1 on, in this order; the matches
/// marked with [`OPEN`] and [`CLOSE`] (U+E000, U+E001).
const HIT_COLUMNS: &str =
    "f.rowid, v.source_id, v.number, p.latest, s.outlet, s.title, s.published_on,
    p.start, p.\"end\", f.text, highlight(passages_fts, 0, char(57344), char(57345))";
const _: () = assert!(OPEN as u32 == 57344 && CLOSE as u32 == 57345);

/// The best passages for the plan and how many match in all.
pub(crate) fn find(conn: &Connection, plan: &Plan) -> Result<(Vec<PassageHit>, u32)> {
    let newest = newest_ranks(conn, plan)?;
    let (page, total) = match pick_page(newest, plan.broad, plan.limit) {
        Picked::All { page, total } => (page, total),
        Picked::Newest { page } => (page, count(conn, plan)?),
    };
    let sql = format!(
        "SELECT {HIT_COLUMNS}
         FROM passages_fts f
         JOIN passages p ON p.seq = f.rowid
         JOIN source_versions v ON v.id = p.version_id
         JOIN sources s ON s.id = v.source_id
         WHERE passages_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
           AND +f.rowid IN (SELECT value FROM json_each(?4))"
    );
    // The unary plus keeps SQLite from handing the list to FTS5 one rowid
    // at a time (a whole query each); the range bounds the one scan instead.
    let hits = read_page(conn, &sql, &plan.fts, &page, hit_from_row)?;
    Ok((hits, total))
}

/// The rowid and bm25 rank of the newest matches, newest first, one past
/// the broad threshold at most (see [`pick_page`]).
fn newest_ranks(conn: &Connection, plan: &Plan) -> Result<Vec<(i64, f64)>> {
    let ranks = conn
        .prepare_cached(&format!(
            "SELECT f.rowid, f.rank {FILTERED} ORDER BY f.rowid DESC LIMIT ?6"
        ))?
        .query_map(
            params![
                plan.fts,
                plan.all_versions,
                plan.outlet,
                date_text(plan.since),
                date_text(plan.until),
                plan.broad.saturating_add(1)
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ranks)
}

/// How many passages match, joining only the tables the filters need (the
/// count reads every match, so each join it skips counts).
fn count(conn: &Connection, plan: &Plan) -> Result<u32> {
    let dated = plan.outlet.is_some() || plan.since.is_some() || plan.until.is_some();
    let total = if dated {
        conn.prepare_cached(&format!("SELECT count(*) {FILTERED}"))?
            .query_row(
                params![
                    plan.fts,
                    plan.all_versions,
                    plan.outlet,
                    date_text(plan.since),
                    date_text(plan.until)
                ],
                |r| r.get(0),
            )?
    } else if !plan.all_versions {
        conn.prepare_cached(
            "SELECT count(*) FROM passages_fts f JOIN passages p ON p.seq = f.rowid
             WHERE passages_fts MATCH ?1 AND p.latest = 1",
        )?
        .query_row([&plan.fts], |r| r.get(0))?
    } else {
        conn.prepare_cached("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?1")?
            .query_row([&plan.fts], |r| r.get(0))?
    };
    Ok(total)
}

/// A hit from the [`HIT_COLUMNS`] starting at column 1.
fn hit_from_row(r: &rusqlite::Row<'_>, rank: f64) -> rusqlite::Result<PassageHit> {
    let text: String = r.get(9)?;
    let marked: String = r.get(10)?;
    let highlights = highlight::ranges(&marked, &text);
    Ok(PassageHit {
        score: score_of(rank),
        source: r.get(1)?,
        version: r.get(2)?,
        latest: r.get(3)?,
        outlet: r.get(4)?,
        title: r.get(5)?,
        published: parse_date(r.get(6)?)?,
        start: r.get(7)?,
        end: r.get(8)?,
        snippet: highlight::snippet(&text, &highlights),
        text,
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;
    use crate::model::NewSource;

    /// Five sources captured in turn, each with one sentence holding
    /// "harbour"; the first captured (oldest) has the best bm25 (short, the
    /// word twice).
    fn desk() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
        let texts = [
            "Harbour harbour.",
            "The harbour was quiet on Monday morning before the ferries came in.",
            "Ferries left the harbour late.",
            "A long day at the harbour ended with talks about the new pier and its cost.",
            "Harbour fees rose.",
        ];
        for (i, text) in texts.iter().enumerate() {
            ws.sources()
                .add(NewSource {
                    title: format!("Report {i}"),
                    text: (*text).into(),
                    ..Default::default()
                })
                .expect("add");
        }
        (dir, ws)
    }

    fn plan(broad: u32) -> Plan {
        Plan {
            fts: super::super::query::parse("harbour").fts.expect("a word"),
            outlet: None,
            since: None,
            until: None,
            all_versions: false,
            limit: 20,
            broad,
        }
    }

    fn titles(hits: &[PassageHit]) -> Vec<&str> {
        hits.iter().map(|h| h.title.as_str()).collect()
    }

    #[test]
    fn a_query_matching_few_passages_is_ranked_by_bm25_over_all() {
        let (_dir, ws) = desk();
        let (hits, total) = find(ws.conn(), &plan(crate::search::BROAD_MATCHES)).expect("find");
        assert_eq!(total, 5);
        assert_eq!(
            titles(&hits),
            ["Report 0", "Report 4", "Report 2", "Report 1", "Report 3"]
        );
    }

    #[test]
    fn a_query_matching_very_many_ranks_the_newest_by_bm25_and_still_counts_all() {
        let (_dir, ws) = desk();
        let (hits, total) = find(ws.conn(), &plan(3)).expect("find");
        // The three latest captured, best (shortest) first; the oldest's
        // better sentence is left to a narrower query.
        assert_eq!(total, 5);
        assert_eq!(titles(&hits), ["Report 4", "Report 2", "Report 3"]);
    }

    #[test]
    fn both_plans_show_a_hit_the_same_way() {
        let (_dir, ws) = desk();
        let (all, _) = find(ws.conn(), &plan(crate::search::BROAD_MATCHES)).expect("find");
        let (newest, _) = find(ws.conn(), &plan(1)).expect("find");
        assert_eq!(newest.len(), 1);
        let same = all
            .iter()
            .find(|h| h.title == newest[0].title)
            .expect("in both");
        assert_eq!(same, &newest[0]);
        assert_eq!(newest[0].highlights, vec![[0, 7]]);
    }
}
