//! Claim hits: live claims matching a query in their statement, claimant,
//! notes, rationale or tags, best first (the statement weighs most).
//!
//! The same two plans as passages (see [`super::BROAD_MATCHES`]): FTS5 sorts
//! by the weighted `rank` itself so highlights are built for the page only,
//! or, for a query matching very many claims, bm25 over the newest of them.

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::ranked_page::read_page;
use super::{ClaimHit, Plan, score_of};
use crate::error::Result;
use crate::store::{date_text, parse_date};

/// Column weights of `claims_search` (statement, claimant, notes, rationale,
/// tags), as the ranking function FTS5 sorts by.
const WEIGHTS: &str = "bm25(10.0, 4.0, 2.0, 2.0, 5.0)";

/// ?1 the match, ?2 since, ?3 until (on the day claimed), ?4 the weighted rank.
const FILTERED: &str = "FROM claims_search f
    JOIN claims c ON c.seq = f.rowid
    WHERE claims_search MATCH ?1 AND f.rank MATCH ?4 AND c.deleted_at IS NULL
      AND (?2 IS NULL OR c.claimed_on >= ?2)
      AND (?3 IS NULL OR c.claimed_on <= ?3)";

/// What a page query returns from column 1 on; matches marked with
/// [`OPEN`] and [`CLOSE`] (U+E000, U+E001).
const HIT_COLUMNS: &str = "c.id, c.statement, c.claimant, c.verdict, c.claimed_on,
    highlight(claims_search, 0, char(57344), char(57345)),
    (SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = c.id)";
const _: () = assert!(OPEN as u32 == 57344 && CLOSE as u32 == 57345);

/// The best claims for the plan and how many match in all.
pub(crate) fn find(conn: &Connection, plan: &Plan) -> Result<(Vec<ClaimHit>, u32)> {
    let (since, until) = (date_text(plan.since), date_text(plan.until));
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {FILTERED}"))?
        .query_row(params![plan.fts, since, until, WEIGHTS], |r| r.get(0))?;
    if total == 0 {
        return Ok((Vec::new(), 0));
    }
    let hits = if total > plan.broad {
        newest_ranked(conn, plan)?
    } else {
        let sql = format!("SELECT f.rank, {HIT_COLUMNS} {FILTERED} ORDER BY f.rank LIMIT ?5");
        conn.prepare_cached(&sql)?
            .query_map(params![plan.fts, since, until, WEIGHTS, plan.limit], |r| {
                hit_from_row(r, r.get(0)?)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?
    };
    Ok((hits, total))
}

/// The page by bm25 over the newest `plan.broad` matching claims (ties to
/// the newer), then the page's fields and highlights in one query.
fn newest_ranked(conn: &Connection, plan: &Plan) -> Result<Vec<ClaimHit>> {
    let (since, until) = (date_text(plan.since), date_text(plan.until));
    let page: Vec<(i64, f64)> = conn
        .prepare_cached(&format!(
            "SELECT w.seq, w.rank FROM (SELECT f.rowid AS seq, f.rank AS rank {FILTERED}
                                        ORDER BY f.rowid DESC LIMIT ?5) w
             ORDER BY w.rank, w.seq DESC LIMIT ?6"
        ))?
        .query_map(
            params![plan.fts, since, until, WEIGHTS, plan.broad, plan.limit],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    // The unary plus keeps the list from reaching FTS5 one rowid at a time.
    let sql = format!(
        "SELECT f.rowid, {HIT_COLUMNS} FROM claims_search f JOIN claims c ON c.seq = f.rowid
         WHERE claims_search MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
           AND +f.rowid IN (SELECT value FROM json_each(?4))"
    );
    read_page(conn, &sql, &plan.fts, &page, hit_from_row)
}

/// A hit from the [`HIT_COLUMNS`] starting at column 1.
fn hit_from_row(r: &rusqlite::Row<'_>, rank: f64) -> rusqlite::Result<ClaimHit> {
    let statement: String = r.get(2)?;
    let marked: String = r.get(6)?;
    let tags: Option<String> = r.get(7)?;
    let highlights = highlight::ranges(&marked, &statement);
    Ok(ClaimHit {
        score: score_of(rank),
        claim: r.get(1)?,
        snippet: highlight::snippet(&statement, &highlights),
        statement,
        claimant: r.get(3)?,
        verdict: r.get(4)?,
        claimed_on: parse_date(r.get(5)?)?,
        tags: tags
            .map(|t| t.split(' ').map(str::to_string).collect())
            .unwrap_or_default(),
        highlights,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Workspace;
    use crate::model::NewClaim;

    fn plan(broad: u32) -> Plan {
        Plan {
            fts: super::super::query::parse("deadline").fts.expect("a word"),
            outlet: None,
            since: None,
            until: None,
            all_versions: false,
            limit: 20,
            broad,
        }
    }

    #[test]
    fn very_many_matching_claims_rank_the_newest_and_show_them_the_same_way() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
        for statement in [
            "Deadline deadline.",
            "The deadline for the reply was set for Thursday by the ministry.",
            "A deadline passed.",
        ] {
            ws.claims()
                .add(NewClaim {
                    statement: statement.into(),
                    ..Default::default()
                })
                .expect("add");
        }
        let statements = |hits: &[ClaimHit]| -> Vec<String> {
            hits.iter().map(|h| h.statement.clone()).collect()
        };
        let (all, total) = find(ws.conn(), &plan(100)).expect("find");
        assert_eq!(total, 3);
        assert_eq!(statements(&all)[0], "Deadline deadline.");
        let (newest, total) = find(ws.conn(), &plan(2)).expect("find");
        assert_eq!(total, 3);
        assert_eq!(
            statements(&newest),
            [
                "A deadline passed.",
                "The deadline for the reply was set for Thursday by the ministry."
            ]
        );
        let same = all
            .iter()
            .find(|h| h.claim == newest[0].claim)
            .expect("in both");
        assert_eq!(same, &newest[0]);
    }
}
