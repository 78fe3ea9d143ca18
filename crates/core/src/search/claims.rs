//! Claim hits: live claims matching a query in their statement, claimant,
//! notes, rationale or tags, best first (the statement weighs most).
//!
//! The same steps as passages (see [`super::passages`]): each match ranked
//! once by the weighted bm25, newest first, up to one past the broad
//! threshold; the page picked from those ranks; its fields and highlights
//! read in one more query.

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::ranked_page::{Picked, pick_page, read_page};
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
    let newest: Vec<(i64, f64)> = conn
        .prepare_cached(&format!(
            "SELECT f.rowid, f.rank {FILTERED} ORDER BY f.rowid DESC LIMIT ?5"
        ))?
        .query_map(
            params![
                plan.fts,
                since,
                until,
                WEIGHTS,
                plan.broad.saturating_add(1)
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?
        .collect::<rusqlite::Result<_>>()?;
    let (page, total) = match pick_page(newest, plan.broad, plan.limit) {
        Picked::All { page, total } => (page, total),
        Picked::Newest { page } => {
            let total: u32 = conn
                .prepare_cached(&format!("SELECT count(*) {FILTERED}"))?
                .query_row(params![plan.fts, since, until, WEIGHTS], |r| r.get(0))?;
            (page, total)
        }
    };
    // The unary plus keeps the list from reaching FTS5 one rowid at a time.
    let sql = format!(
        "SELECT f.rowid, {HIT_COLUMNS} FROM claims_search f JOIN claims c ON c.seq = f.rowid
         WHERE claims_search MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
           AND +f.rowid IN (SELECT value FROM json_each(?4))"
    );
    let hits = read_page(conn, &sql, &plan.fts, &page, hit_from_row)?;
    Ok((hits, total))
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
