//! Passage hits: sentences of source versions matching a query, best first,
//! with their source, version, code-point span and highlights.
//!
//! Two plans, chosen by how many passages match (see [`super::BROAD_MATCHES`]):
//! - most queries: bm25 over every match, FTS5 sorting by `rank` itself so
//!   SQLite reads the text and builds highlights for the returned page only;
//! - a query matching more than the broad threshold (a word in most
//!   sentences): bm25 over the newest matching passages only, then the page's
//!   text and highlights in one more query.

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::ranked_page::read_page;
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

/// What a page query returns from column 1 on, in this order; the matches
/// marked with [`OPEN`] and [`CLOSE`] (U+E000, U+E001).
const HIT_COLUMNS: &str = "v.source_id, v.number, p.latest, s.outlet, s.title, s.published_on,
    p.start, p.\"end\", f.text, highlight(passages_fts, 0, char(57344), char(57345))";
const _: () = assert!(OPEN as u32 == 57344 && CLOSE as u32 == 57345);

/// The best passages for the plan and how many match in all.
pub(crate) fn find(conn: &Connection, plan: &Plan) -> Result<(Vec<PassageHit>, u32)> {
    let total = count(conn, plan)?;
    if total == 0 {
        return Ok((Vec::new(), 0));
    }
    let hits = if total > plan.broad {
        newest_ranked(conn, plan)?
    } else {
        ranked(conn, plan)?
    };
    Ok((hits, total))
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

/// The page by bm25 over every match, in one query: FTS5 sorts by `rank`
/// itself, so text and highlights are read for the returned rows only.
fn ranked(conn: &Connection, plan: &Plan) -> Result<Vec<PassageHit>> {
    let sql = format!("SELECT f.rank, {HIT_COLUMNS} {FILTERED} ORDER BY f.rank LIMIT ?6");
    let mut stmt = conn.prepare_cached(&sql)?;
    let hits = stmt
        .query_map(
            params![
                plan.fts,
                plan.all_versions,
                plan.outlet,
                date_text(plan.since),
                date_text(plan.until),
                plan.limit
            ],
            |r| hit_from_row(r, r.get(0)?),
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

/// The page by bm25 over the newest `plan.broad` matching passages (highest
/// rowid: the latest captured), ties to the newer; then the page's text and
/// highlights in one query over the window's rowid range.
fn newest_ranked(conn: &Connection, plan: &Plan) -> Result<Vec<PassageHit>> {
    let page: Vec<(i64, f64)> = conn
        .prepare_cached(&format!(
            "SELECT w.seq, w.rank FROM (SELECT f.rowid AS seq, f.rank AS rank {FILTERED}
                                        ORDER BY f.rowid DESC LIMIT ?6) w
             ORDER BY w.rank, w.seq DESC LIMIT ?7"
        ))?
        .query_map(
            params![
                plan.fts,
                plan.all_versions,
                plan.outlet,
                date_text(plan.since),
                date_text(plan.until),
                plan.broad,
                plan.limit
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    // The unary plus keeps SQLite from handing the list to FTS5 one rowid
    // at a time (a whole query each); the range bounds the one scan instead.
    let sql = format!(
        "SELECT f.rowid, {HIT_COLUMNS}
         FROM passages_fts f
         JOIN passages p ON p.seq = f.rowid
         JOIN source_versions v ON v.id = p.version_id
         JOIN sources s ON s.id = v.source_id
         WHERE passages_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
           AND +f.rowid IN (SELECT value FROM json_each(?4))"
    );
    read_page(conn, &sql, &plan.fts, &page, hit_from_row)
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
