//! "Has this been checked before?": the claims of the workspace, its own and
//! those imported from other fact-checkers' ClaimReviews, closest to a
//! statement, each with its tier ([`Tier`]), who checked it and why it matched.
//!
//! Retrieval is BM25 over `claim_match_fts` (statement, review headline,
//! review summary, weighted in that order) with OR semantics, so a paraphrase
//! sharing only some words is still found. The candidates are then scored by
//! fusing word overlap (stems, numbers as values, aliases folded) with
//! character-trigram overlap (which meets where stems do not: "cancelled",
//! "cancellation"); both lie in 0..1, so the score means the same in any
//! workspace, unlike a bare BM25 value, and the thresholds can be settings.
//!
//! ```
//! use claimdesk_core::{Workspace, model::NewClaim, search::similar::{self, Tier}};
//! let dir = tempfile::tempdir().unwrap();
//! let ws = Workspace::create(dir.path().join("desk.sqlite")).unwrap();
//! ws.claims().add(NewClaim { statement: "The ferry service carries 12,000 passengers a day".into(), ..Default::default() }).unwrap();
//! let found = similar::similar(&ws, "Each day the ferry service carries 12,000 passengers", None).unwrap();
//! assert_eq!(found.claims[0].tier, Tier::Match);
//! ```

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::match_text::{MatchText, dice, word_similarity};
pub use super::tiers::Tier;
use super::tiers::{agreement, tier};
use crate::Workspace;
use crate::error::{Error, Result};
use crate::limits;
use crate::store::match_settings::{self, MatchThresholds};
use crate::text::tokens;

/// Most similar claims one request lists.
pub const MAX_LIMIT: u32 = 50;
/// Similar claims listed when the request does not say.
pub const DEFAULT_LIMIT: u32 = 5;
/// Candidates BM25 hands on to scoring: enough for the best few to be among them.
const CANDIDATES: u32 = 30;
/// Most words of a long statement put to the index.
const MAX_QUERY_TERMS: usize = 64;
/// Column weights of `claim_match_fts`: statement, review headline, review summary.
const WEIGHTS: &str = "bm25(claim_match_fts, 10.0, 4.0, 1.0)";

/// Who checked a similar claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// This desk.
    Workspace,
    /// Another fact-checker, whose ClaimReview was imported.
    Claimreview {
        /// Who published the review, when it said.
        publisher: Option<String>,
        /// The review's page, when it gave one.
        url: Option<String>,
    },
}

/// A claim already in the workspace that is like the statement asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SimilarClaim {
    /// The claim's id.
    pub id: String,
    /// Its statement.
    pub statement: String,
    /// Its verdict's key.
    pub verdict: String,
    /// How alike the two are, 0 to 1 (word and character overlap fused).
    pub score: f64,
    /// A match (the same claim) or a suggestion (related).
    pub tier: Tier,
    /// This desk, or the publisher and URL of an imported review.
    pub origin: Origin,
    /// Why it matched: shared numbers, dates, names and words, then what differs.
    pub why: Vec<String>,
}

/// The similar claims of a statement, best first, and a notice when the
/// statement is too short to match anything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SimilarClaims {
    /// Best first; nothing under the suggestion threshold.
    pub claims: Vec<SimilarClaim>,
    /// Why nothing was looked for ("type at least two words…"), for the person typing.
    pub notice: Option<String>,
}

/// The claims most like `statement`, best first, at most `limit` (1 to
/// [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when `None`). A statement with fewer than
/// two words, or only function words, punctuation or emoji, finds nothing and
/// says so in the notice; one over the statement limit is refused.
pub fn similar(ws: &Workspace, statement: &str, limit: Option<u32>) -> Result<SimilarClaims> {
    find(ws, statement, limit, None)
}

/// The claims most like claim `id_or_prefix` (itself left out), for its detail view.
pub fn similar_to_claim(
    ws: &Workspace,
    id_or_prefix: &str,
    limit: Option<u32>,
) -> Result<SimilarClaims> {
    let claim = ws.claims().get(id_or_prefix)?;
    find(ws, &claim.statement, limit, Some(&claim.id))
}

pub(crate) fn find(
    ws: &Workspace,
    statement: &str,
    limit: Option<u32>,
    leave_out: Option<&str>,
) -> Result<SimilarClaims> {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::invalid(format!(
            "the limit must be between 1 and {MAX_LIMIT}, not {limit}"
        )));
    }
    limits::check_chars(
        "the statement to match",
        statement,
        limits::MAX_STATEMENT_CHARS,
    )?;
    let query = MatchText::new(statement);
    if let Some(notice) = too_little(&query) {
        return Ok(SimilarClaims {
            claims: Vec::new(),
            notice: Some(notice),
        });
    }
    let thresholds = match_settings::read(ws.conn())?;
    let mut claims = score(ws, &query, statement, leave_out, &thresholds)?;
    claims.truncate(limit as usize);
    Ok(SimilarClaims {
        claims,
        notice: None,
    })
}

/// Why a statement cannot be matched, if it cannot.
fn too_little(query: &MatchText) -> Option<String> {
    if query.words == 0 {
        Some("nothing to match: the statement holds no words".to_string())
    } else if query.words < 2 {
        Some("one word is too little to match a claim: type the claim as a sentence".to_string())
    } else if query.terms.is_empty() {
        Some(
            "nothing to match: the statement holds only function words (the, of, was…)".to_string(),
        )
    } else {
        None
    }
}

/// A BM25 candidate: its claim and review fields, and its rank (lower is better).
pub(crate) struct Candidate {
    pub id: String,
    pub statement: String,
    pub verdict: String,
    pub headline: String,
    pub origin: Origin,
}

/// The FTS5 query for a statement: each content word quoted (so no word is
/// read as query syntax), joined with OR, both as written and with aliases
/// folded ("US" and "United States").
pub(crate) fn fts_query(query: &MatchText, statement: &str) -> Option<String> {
    let mut words: Vec<String> = Vec::new();
    for w in tokens::words(statement).chain(tokens::words(&query.folded)) {
        let lower = tokens::lowercase(w.text);
        if tokens::is_stopword(&lower) || words.iter().any(|x| *x == lower) {
            continue;
        }
        words.push(lower.into_owned());
        if words.len() == MAX_QUERY_TERMS {
            break;
        }
    }
    if words.is_empty() {
        return None;
    }
    Some(
        words
            .iter()
            .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" OR "),
    )
}

/// The FTS5 query [`similar`] sends to the index for `statement` (stop words
/// dropped, OR between the rest), or `None` when nothing is left to look up.
/// Public so that a bench can time the bare index query behind `similar`.
pub fn candidate_query(statement: &str) -> Option<String> {
    fts_query(&MatchText::new(statement), statement)
}

/// The BM25 candidates of `query`, best first.
pub(crate) fn candidates(
    ws: &Workspace,
    query: &MatchText,
    statement: &str,
    leave_out: Option<&str>,
    how_many: u32,
) -> Result<Vec<Candidate>> {
    let Some(fts) = fts_query(query, statement) else {
        return Ok(Vec::new());
    };
    // BM25 ranks the index's rows alone first and only the best are joined to
    // their claims: joining every row an OR query meets (thousands at 15,000
    // claims) cost as much as ranking them. The rows a claim-side rule leaves
    // out (open merges' duplicates, the claim itself) are fetched on top, so
    // the best `how_many` that stay are still all there.
    let left_out = open_merges(ws)? + u32::from(leave_out.is_some());
    let sql = format!(
        "WITH ranked AS (
             SELECT rowid AS seq, {WEIGHTS} AS rank_ FROM claim_match_fts
             WHERE claim_match_fts MATCH ?1 ORDER BY rank_ LIMIT ?3)
         SELECT c.id, c.statement, c.verdict, ranked.rank_,
                r.claim_id IS NOT NULL, r.publisher, r.url, coalesce(r.headline, '')
         FROM ranked
         JOIN claims c ON c.seq = ranked.seq
         LEFT JOIN claimreview_texts r ON r.claim_id = c.id
         WHERE c.deleted_at IS NULL
           AND (?2 IS NULL OR c.id <> ?2)
           -- A merged duplicate lives on in its keeper: offer the keeper only.
           AND NOT EXISTS (SELECT 1 FROM claim_merges m
                           WHERE m.duplicate_id = c.id AND m.unmerged_at IS NULL)
         ORDER BY ranked.rank_ LIMIT ?4"
    );
    let mut stmt = ws.conn().prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![fts, leave_out, how_many.saturating_add(left_out), how_many],
        |r| {
            let imported: bool = r.get(4)?;
            Ok(Candidate {
                id: r.get(0)?,
                statement: r.get(1)?,
                verdict: r.get(2)?,
                origin: if imported {
                    Origin::Claimreview {
                        publisher: r.get(5)?,
                        url: r.get(6)?,
                    }
                } else {
                    Origin::Workspace
                },
                headline: r.get(7)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many duplicates are merged into other claims now (each one's index row
/// is left out of the candidates).
fn open_merges(ws: &Workspace) -> Result<u32> {
    let n: i64 = ws
        .conn()
        .prepare_cached("SELECT count(*) FROM claim_merges WHERE unmerged_at IS NULL")?
        .query_row([], |r| r.get(0))?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

/// The fused score of a candidate: word overlap and trigram overlap, each
/// against the statement or the review's headline, whichever is closer.
pub(crate) fn fused(query: &MatchText, statement: &MatchText, headline: Option<&MatchText>) -> f64 {
    let one =
        |c: &MatchText| 0.5 * word_similarity(query, c) + 0.5 * dice(&query.trigrams, &c.trigrams);
    let best = headline.map_or(0.0, one).max(one(statement));
    (best * 1000.0).round() / 1000.0
}

fn score(
    ws: &Workspace,
    query: &MatchText,
    statement: &str,
    leave_out: Option<&str>,
    thresholds: &MatchThresholds,
) -> Result<Vec<SimilarClaim>> {
    let mut scored = Vec::new();
    for (rank, c) in candidates(ws, query, statement, leave_out, CANDIDATES)?
        .into_iter()
        .enumerate()
    {
        let text = MatchText::new(&c.statement);
        let headline = (!c.headline.is_empty()).then(|| MatchText::new(&c.headline));
        let score = fused(query, &text, headline.as_ref());
        if score < thresholds.suggestion {
            continue;
        }
        let agreed = agreement(query, &text);
        let Some(tier) = tier(score, query, &text, &agreed, thresholds) else {
            continue;
        };
        scored.push((
            rank,
            SimilarClaim {
                id: c.id,
                statement: c.statement,
                verdict: c.verdict,
                score,
                tier,
                origin: c.origin,
                why: agreed.why,
            },
        ));
    }
    // Matches first, then by score; BM25's order breaks ties.
    scored.sort_by(|(ra, a), (rb, b)| {
        a.tier
            .cmp(&b.tier)
            .then(b.score.total_cmp(&a.score))
            .then(ra.cmp(rb))
    });
    Ok(scored.into_iter().map(|(_, c)| c).collect())
}

/// One part of the matching, or all of it, for measuring what each part adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ranking {
    /// BM25 over statement, headline and summary alone.
    Bm25,
    /// Character-trigram overlap alone, over every live claim.
    Trigrams,
    /// BM25's candidates ordered by word overlap alone (no trigrams).
    Words,
    /// What [`similar`] ranks by: BM25's candidates scored by word and trigram overlap.
    Fused,
}

/// The ids of the `n` claims `ranking` puts first for `statement`, with no
/// threshold or tier: what a quality measurement (P@1, MAP@5) reads.
pub fn ranked_ids(
    ws: &Workspace,
    statement: &str,
    ranking: Ranking,
    n: usize,
) -> Result<Vec<String>> {
    let query = MatchText::new(statement);
    let mut ids = match ranking {
        Ranking::Bm25 => candidates(ws, &query, statement, None, CANDIDATES)?
            .into_iter()
            .map(|c| c.id)
            .collect(),
        Ranking::Words => {
            let mut scored: Vec<(f64, String)> =
                candidates(ws, &query, statement, None, CANDIDATES)?
                    .into_iter()
                    .map(|c| {
                        let of = |t: &str| word_similarity(&query, &MatchText::new(t));
                        (
                            of(&c.statement).max(if c.headline.is_empty() {
                                0.0
                            } else {
                                of(&c.headline)
                            }),
                            c.id,
                        )
                    })
                    .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            scored.into_iter().map(|(_, id)| id).collect()
        }
        Ranking::Fused => {
            let mut scored: Vec<(f64, String)> =
                candidates(ws, &query, statement, None, CANDIDATES)?
                    .into_iter()
                    .map(|c| {
                        let headline =
                            (!c.headline.is_empty()).then(|| MatchText::new(&c.headline));
                        (
                            fused(&query, &MatchText::new(&c.statement), headline.as_ref()),
                            c.id,
                        )
                    })
                    .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            scored.into_iter().map(|(_, id)| id).collect()
        }
        Ranking::Trigrams => {
            let mut stmt = ws.conn().prepare_cached(
                "SELECT c.id, c.statement, coalesce(r.headline, '') FROM claims c
                 LEFT JOIN claimreview_texts r ON r.claim_id = c.id WHERE c.deleted_at IS NULL",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut scored: Vec<(f64, String)> = rows
                .into_iter()
                .map(|(id, text, headline)| {
                    let of = |t: &str| dice(&query.trigrams, &MatchText::new(t).trigrams);
                    (
                        of(&text).max(if headline.is_empty() {
                            0.0
                        } else {
                            of(&headline)
                        }),
                        id,
                    )
                })
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0));
            scored.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        }
    };
    ids.truncate(n);
    Ok(ids)
}
