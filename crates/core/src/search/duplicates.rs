//! Pairs of live claims in the workspace that reach the *match* tier: the
//! same claim entered twice, or imported from two fact-checkers, for cleaning
//! up an imported batch.

use serde::{Deserialize, Serialize};

use super::similar::{self, Origin, SimilarClaim, Tier};
use crate::Workspace;
use crate::error::Result;

/// One claim of a duplicate pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PairedClaim {
    /// The claim's id.
    pub id: String,
    /// Its statement.
    pub statement: String,
    /// Its verdict's key.
    pub verdict: String,
    /// This desk, or the publisher and URL of an imported review.
    pub origin: Origin,
}

/// Two claims that say the same.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DuplicatePair {
    /// The older claim (added first).
    pub first: PairedClaim,
    /// The newer claim.
    pub second: PairedClaim,
    /// How alike they are, 0 to 1.
    pub score: f64,
    /// Why they match.
    pub why: Vec<String>,
}

/// Every pair of live claims that reach the match tier, best first; each
/// pair once, the older claim first.
pub fn duplicates(ws: &Workspace) -> Result<Vec<DuplicatePair>> {
    let live = ws.claims().list(&Default::default())?;
    let mut by_age: Vec<_> = live.iter().collect();
    by_age.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let position = |id: &str| by_age.iter().position(|c| c.id == id);
    let mut pairs = Vec::new();
    for (at, claim) in by_age.iter().enumerate() {
        let found = similar::find(
            ws,
            &claim.statement,
            Some(similar::MAX_LIMIT),
            Some(&claim.id),
        )?;
        for other in found.claims.into_iter().filter(|c| c.tier == Tier::Match) {
            // Each pair once: from its older claim.
            let Some(other_at) = position(&other.id) else {
                continue;
            };
            if other_at <= at {
                continue;
            }
            let origin = origin_of(ws, &claim.id)?;
            pairs.push(pair(claim, origin, other));
        }
    }
    pairs.sort_by(|a, b| b.score.total_cmp(&a.score));
    Ok(pairs)
}

fn origin_of(ws: &Workspace, id: &str) -> Result<Origin> {
    Ok(match crate::store::claimreview_texts::of(ws.conn(), id)? {
        Some(r) => Origin::Claimreview {
            publisher: r.publisher,
            url: r.url,
        },
        None => Origin::Workspace,
    })
}

fn pair(first: &crate::model::Claim, origin: Origin, second: SimilarClaim) -> DuplicatePair {
    DuplicatePair {
        first: PairedClaim {
            id: first.id.clone(),
            statement: first.statement.clone(),
            verdict: first.verdict.clone(),
            origin,
        },
        second: PairedClaim {
            id: second.id,
            statement: second.statement,
            verdict: second.verdict,
            origin: second.origin,
        },
        score: second.score,
        why: second.why,
    }
}
