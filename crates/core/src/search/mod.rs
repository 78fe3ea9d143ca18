//! Search: one index of every source's passages and every live claim
//! (SQLite FTS5, see [`index`]), the query language people type
//! ([`query`]), evidence suggestions for a claim ([`suggest`]), and claim
//! matching: the claims already checked that are like a new one ([`similar`],
//! [`duplicates`]).
//!
//! ```
//! use claimdesk_core::{Workspace, model::NewSource, search::{self, SearchRequest}};
//! let dir = tempfile::tempdir().unwrap();
//! let ws = Workspace::create(dir.path().join("desk.sqlite")).unwrap();
//! ws.sources().add(NewSource { text: "The summit was cancelled on Friday.".into(), ..Default::default() }).unwrap();
//! let found = search::run(&ws, &SearchRequest::new("cancel")).unwrap();
//! assert_eq!(found.total, 1);
//! ```

mod claims;
pub mod duplicates;
mod highlight;
pub mod index;
mod match_text;
mod passages;
pub mod query;
mod ranked_page;
pub mod similar;
pub mod suggest;
mod tiers;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Workspace;
use crate::error::{Error, Result};
pub use duplicates::{DuplicatePair, PairedClaim, duplicates};
pub use match_text::trigram_similarity;
pub use query::Scope;
pub use similar::{Origin, SimilarClaim, SimilarClaims, Tier, similar, similar_to_claim};
pub use suggest::{Check, CheckKind, Suggestion, Suggestions, suggest};

/// Most hits one search returns.
pub const MAX_LIMIT: u32 = 500;
/// Hits returned when the request does not say.
pub const DEFAULT_LIMIT: u32 = 20;
/// Above this many matching passages (or claims), bm25 over every match costs
/// more than typing allows (a word in most sentences: it also tells little
/// apart), so the ranking looks at the newest this-many matches only: the
/// latest captured passages, the latest added claims. Totals still count all.
pub const BROAD_MATCHES: u32 = 5_000;

/// A search as asked for: the typed query and the filters given beside it
/// (flags, controls). A filter given here wins over the same filter typed
/// in the query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchRequest {
    /// What was typed, in the query language of [`query`].
    pub query: String,
    /// Only passages of this outlet (case ignored).
    pub outlet: Option<String>,
    /// Published (sources) or claimed (claims) on or after this day.
    pub since: Option<NaiveDate>,
    /// Published (sources) or claimed (claims) on or before this day.
    pub until: Option<NaiveDate>,
    /// Claims only or sources only; both when `None`.
    pub scope: Option<Scope>,
    /// Every version of each source, not only the latest.
    pub all_versions: bool,
    /// Most hits to return, 1 to [`MAX_LIMIT`]; [`DEFAULT_LIMIT`] when `None`.
    pub limit: Option<u32>,
}

impl SearchRequest {
    /// A search for `query` with no filters beside it.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..Default::default()
        }
    }
}

/// What a search found, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchResults {
    /// The best hits, at most the limit.
    pub hits: Vec<Hit>,
    /// How many passages and claims match in all (more than `hits` holds when cut by the limit).
    pub total: u32,
    /// Parts of the query that were left out or read differently, for the person typing.
    pub notices: Vec<String>,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Hit {
    /// A sentence of a source version.
    Passage(PassageHit),
    /// A claim.
    Claim(ClaimHit),
}

impl Hit {
    /// How well the hit matches (bm25, higher is better).
    pub fn score(&self) -> f64 {
        match self {
            Hit::Passage(p) => p.score,
            Hit::Claim(c) => c.score,
        }
    }
}

/// A sentence of a source version that matches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassageHit {
    /// How well it matches (bm25, higher is better).
    pub score: f64,
    /// The source's id.
    pub source: String,
    /// The version number (1 for the first capture).
    pub version: u32,
    /// True when this is the source's latest version.
    pub latest: bool,
    /// The source's outlet, when known.
    pub outlet: Option<String>,
    /// The source's title.
    pub title: String,
    /// The day the source was published, when known.
    pub published: Option<NaiveDate>,
    /// The whole sentence.
    pub text: String,
    /// Code point where the sentence starts in the version's text.
    pub start: u32,
    /// Code point just past the sentence in the version's text.
    pub end: u32,
    /// Matched words as code-point ranges `[start, end)` inside `text`.
    pub highlights: Vec<[u32; 2]>,
    /// The sentence, or for a long one the stretch around the first match.
    pub snippet: String,
}

/// A claim that matches in its statement, claimant, notes, rationale or tags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimHit {
    /// How well it matches (bm25 with the statement weighted most, higher is better).
    pub score: f64,
    /// The claim's id.
    pub claim: String,
    /// The claim's statement.
    pub statement: String,
    /// Who made it, when known.
    pub claimant: Option<String>,
    /// The verdict's key.
    pub verdict: String,
    /// The claim's tags.
    pub tags: Vec<String>,
    /// The day it was claimed, when known.
    pub claimed_on: Option<NaiveDate>,
    /// Matched words as code-point ranges inside `statement`.
    pub highlights: Vec<[u32; 2]>,
    /// The statement, or for a long one the stretch around the first match.
    pub snippet: String,
}

/// A search with the query read and the filters settled.
pub(crate) struct Plan {
    pub fts: String,
    pub outlet: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub all_versions: bool,
    pub limit: u32,
    /// Matches above which only the newest this-many are ranked ([`BROAD_MATCHES`]).
    pub broad: u32,
}

/// Searches passages and claims, best first. A query with nothing to search
/// for finds nothing; any typed text is `Ok` (see [`query`]). Filters given
/// beside the query are checked: a limit out of range or `since` after
/// `until` is refused with what to fix.
pub fn run(ws: &Workspace, request: &SearchRequest) -> Result<SearchResults> {
    let limit = request.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(Error::invalid(format!(
            "the limit must be between 1 and {MAX_LIMIT}, not {limit}"
        )));
    }
    if let (Some(since), Some(until)) = (request.since, request.until)
        && since > until
    {
        return Err(Error::invalid(format!(
            "since ({since}) is after until ({until}); nothing can match"
        )));
    }
    let q = query::parse(&request.query);
    let mut notices = q.notices;
    let Some(fts) = q.fts else {
        return Ok(SearchResults {
            hits: Vec::new(),
            total: 0,
            notices,
        });
    };
    let plan = Plan {
        fts,
        outlet: request
            .outlet
            .clone()
            .or(q.outlet)
            .filter(|o| !o.trim().is_empty()),
        since: request.since.or(q.since),
        until: request.until.or(q.until),
        all_versions: request.all_versions || q.all_versions,
        limit,
        broad: BROAD_MATCHES,
    };
    if let (Some(since), Some(until)) = (plan.since, plan.until)
        && since > until
    {
        notices.push(format!(
            "since ({since}) is after until ({until}); nothing can match"
        ));
    }
    let scope = request.scope.or(q.scope).unwrap_or_default();
    let conn = ws.conn();
    let mut hits = Vec::new();
    let mut total = 0;
    if scope != Scope::Claims {
        let (found, count) = passages::find(conn, &plan)?;
        hits.extend(found.into_iter().map(Hit::Passage));
        total += count;
    }
    // Claims have no outlet: an outlet filter narrows the search to passages.
    if scope != Scope::Sources && plan.outlet.is_none() {
        let (found, count) = claims::find(conn, &plan)?;
        hits.extend(found.into_iter().map(Hit::Claim));
        total += count;
    }
    hits.sort_by(|a, b| b.score().total_cmp(&a.score()));
    hits.truncate(limit as usize);
    Ok(SearchResults {
        hits,
        total,
        notices,
    })
}

/// A bm25 rank (lower is better) as a score (higher is better), rounded so
/// the JSON stays short.
pub(crate) fn score_of(rank: f64) -> f64 {
    (-rank * 1000.0).round() / 1000.0
}
