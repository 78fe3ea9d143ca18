//! What an imported ClaimReview said beside its statement: who published it,
//! where, its headline and its summary (table `claimreview_texts`, schema V7).
//! Claim matching reads them to say who checked a claim and to match on the
//! review's own words.

use rusqlite::{Connection, OptionalExtension, params};

use crate::error::Result;

/// The review an imported claim came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ReviewText {
    /// Who published the review (its `author`).
    pub publisher: Option<String>,
    /// The review's page (its `url`, else its `@id`).
    pub url: Option<String>,
    /// The review's `headline` (or `name`), empty when it had none.
    pub headline: String,
    /// The review's `description`, empty when it had none.
    pub summary: String,
}

/// Records the review `claim_id` was imported from.
pub(crate) fn remember(conn: &Connection, claim_id: &str, review: &ReviewText) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO claimreview_texts (claim_id, publisher, url, headline, summary)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        claim_id,
        review.publisher,
        review.url,
        review.headline,
        review.summary
    ])?;
    Ok(())
}

/// The review `claim_id` was imported from, if it was imported.
pub(crate) fn of(conn: &Connection, claim_id: &str) -> Result<Option<ReviewText>> {
    Ok(conn
        .prepare_cached(
            "SELECT publisher, url, headline, summary FROM claimreview_texts WHERE claim_id = ?1",
        )?
        .query_row([claim_id], |r| {
            Ok(ReviewText {
                publisher: r.get(0)?,
                url: r.get(1)?,
                headline: r.get(2)?,
                summary: r.get(3)?,
            })
        })
        .optional()?)
}

/// Every imported claim's review, by claim id, for a bundle.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(String, ReviewText)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT claim_id, publisher, url, headline, summary FROM claimreview_texts ORDER BY claim_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            ReviewText {
                publisher: r.get(1)?,
                url: r.get(2)?,
                headline: r.get(3)?,
                summary: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
