//! Claim hits: live claims matching a query in their statement, claimant,
//! notes, rationale or tags, best first (the statement weighs most).

use rusqlite::{Connection, params};

use super::highlight::{self, CLOSE, OPEN};
use super::{ClaimHit, Plan, score_of};
use crate::error::Result;
use crate::store::{date_text, parse_date};

/// Column weights of `claims_search`: statement, claimant, notes, rationale, tags.
const WEIGHTS: &str = "bm25(claims_search, 10.0, 4.0, 2.0, 2.0, 5.0)";

/// ?1 the match, ?2 since, ?3 until (on the day claimed).
const FILTERED: &str = "FROM claims_search f
    JOIN claims c ON c.seq = f.rowid
    WHERE claims_search MATCH ?1 AND c.deleted_at IS NULL
      AND (?2 IS NULL OR c.claimed_on >= ?2)
      AND (?3 IS NULL OR c.claimed_on <= ?3)";

/// The best claims for the plan and how many match in all.
pub(crate) fn find(conn: &Connection, plan: &Plan) -> Result<(Vec<ClaimHit>, u32)> {
    let (since, until) = (date_text(plan.since), date_text(plan.until));
    let total: u32 = conn
        .prepare_cached(&format!("SELECT count(*) {FILTERED}"))?
        .query_row(params![plan.fts, since, until], |r| r.get(0))?;
    if total == 0 {
        return Ok((Vec::new(), 0));
    }
    let sql = format!(
        "SELECT {WEIGHTS} AS score, c.id, c.statement, c.claimant, c.verdict, c.claimed_on,
                highlight(claims_search, 0, ?5, ?6),
                (SELECT group_concat(t.tag, ' ') FROM claim_tags t WHERE t.claim_id = c.id)
         {FILTERED} ORDER BY score LIMIT ?4"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let hits = stmt
        .query_map(
            params![
                plan.fts,
                since,
                until,
                plan.limit,
                OPEN.to_string(),
                CLOSE.to_string()
            ],
            |r| {
                let statement: String = r.get(2)?;
                let marked: String = r.get(6)?;
                let tags: Option<String> = r.get(7)?;
                let highlights = highlight::ranges(&marked, &statement);
                Ok(ClaimHit {
                    score: score_of(r.get(0)?),
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
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok((hits, total))
}
