//! The reviews imported claims came from (publisher, URL, headline, summary)
//! in a bundle, so a claim another fact-checker reviewed still shows as
//! theirs, and matches on the review's words, on the desk that imports it.

use std::collections::BTreeSet;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::claimreview_texts::{self, ReviewText};
use crate::store::claims;

/// What an imported ClaimReview said beside its claim's statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleReviewText {
    /// The claim the review became, held by the bundle or the importing workspace.
    pub claim_id: String,
    /// Who published the review; `null` when it did not say.
    pub publisher: Option<String>,
    /// The review's page; `null` when it gave none.
    pub url: Option<String>,
    /// The review's headline; empty when none.
    pub headline: String,
    /// The review's summary; empty when none.
    pub summary: String,
}

/// The reviews of the claims in `claim_ids`, by claim id.
pub(super) fn gather(
    conn: &Connection,
    claim_ids: &BTreeSet<&str>,
) -> Result<Vec<BundleReviewText>> {
    Ok(claimreview_texts::all(conn)?
        .into_iter()
        .filter(|(id, _)| claim_ids.contains(id.as_str()))
        .map(|(claim_id, r)| BundleReviewText {
            claim_id,
            publisher: r.publisher,
            url: r.url,
            headline: r.headline,
            summary: r.summary,
        })
        .collect())
}

/// Records each review whose claim holds none here yet (a claim's review is
/// written once, when it is imported); returns how many were added. Run
/// after the bundle's claims are in. Refuses a review of a claim that is
/// neither in the bundle nor here.
pub(super) fn bring_in(conn: &Connection, reviews: &[BundleReviewText]) -> Result<u32> {
    let mut added = 0;
    for (i, r) in reviews.iter().enumerate() {
        if claims::row(conn, &r.claim_id)?.is_none() {
            return Err(Error::invalid(format!(
                "claimreview_texts[{i}] is the review of claim {}, which is neither in the bundle nor here; nothing was imported",
                r.claim_id
            )));
        }
        if claimreview_texts::of(conn, &r.claim_id)?.is_none() {
            claimreview_texts::remember(
                conn,
                &r.claim_id,
                &ReviewText {
                    publisher: r.publisher.clone(),
                    url: r.url.clone(),
                    headline: r.headline.clone(),
                    summary: r.summary.clone(),
                },
            )?;
            added += 1;
        }
    }
    Ok(added)
}
