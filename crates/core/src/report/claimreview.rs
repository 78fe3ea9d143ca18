//! schema.org ClaimReview JSON-LD: one `ClaimReview` per claim, as Google's
//! fact-check markup asks (`claimReviewed`, `reviewRating` with
//! `alternateName`, `url`) with the recommended `author`, `datePublished`
//! and `itemReviewed` (a `Claim` with its author, date and appearances).
//!
//! The rating is the verdict's truth rating on the workspace scale, 1
//! (false) to 5 (true); verdicts without one (workflow states such as "In
//! review") keep their label as `alternateName` and leave out `ratingValue`.

use serde_json::{Map, Value, json};

use super::{ReportClaim, ReportData, web_link};
use crate::error::{Error, Result};
use crate::model::{BEST_RATING, Stance, WORST_RATING};

pub(super) fn render(data: &ReportData) -> Result<String> {
    let base = data
        .report_base_url
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .ok_or_else(|| {
            Error::invalid(
                "ClaimReview needs the URL where the report is published: \
                 set the report base URL in Settings… (or run \
                 `claimdesk settings set report_base_url https://…`)",
            )
        })?;
    let reviews: Vec<Value> = data
        .claims
        .iter()
        .map(|c| review(c, base, data.publisher.as_deref()))
        .collect();
    let mut text = serde_json::to_string_pretty(&reviews)
        .map_err(|e| Error::render("cannot write ClaimReview JSON-LD", e))?;
    text.push('\n');
    Ok(text)
}

/// The stable address of a claim's review: the report URL and a fragment
/// naming the claim. The HTML report gives each claim the same fragment.
pub fn review_url(base: &str, claim_id: &str) -> String {
    let base = base.trim().split('#').next().unwrap_or_default();
    format!("{base}#claim-{claim_id}")
}

fn review(c: &ReportClaim, base: &str, publisher: Option<&str>) -> Value {
    let url = review_url(base, &c.id);
    let mut rating = Map::new();
    rating.insert("@type".into(), json!("Rating"));
    if let Some(r) = c.verdict.rating {
        rating.insert("ratingValue".into(), json!(r));
    }
    rating.insert("bestRating".into(), json!(BEST_RATING));
    rating.insert("worstRating".into(), json!(WORST_RATING));
    rating.insert("alternateName".into(), json!(c.verdict.label));

    let mut item = Map::new();
    item.insert("@type".into(), json!("Claim"));
    if let Some(who) = &c.claimant {
        item.insert("author".into(), json!({ "@type": "Person", "name": who }));
    }
    if let Some(d) = c.claimed_on {
        item.insert("datePublished".into(), json!(d.to_string()));
    }
    let appearances = appearances(c);
    if let Some(first) = appearances.first() {
        item.insert("firstAppearance".into(), first.clone());
        item.insert("appearance".into(), Value::Array(appearances));
    }

    let mut review = Map::new();
    review.insert("@context".into(), json!("https://schema.org"));
    review.insert("@type".into(), json!("ClaimReview"));
    review.insert("@id".into(), json!(url));
    review.insert("url".into(), json!(url));
    review.insert("claimReviewed".into(), json!(c.statement));
    review.insert(
        "datePublished".into(),
        json!(c.updated_at.date_naive().to_string()),
    );
    if let Some(p) = publisher {
        review.insert(
            "author".into(),
            json!({ "@type": "Organization", "name": p }),
        );
    }
    if !c.rationale.is_empty() {
        review.insert("reviewBody".into(), json!(c.rationale));
    }
    review.insert("reviewRating".into(), Value::Object(rating));
    review.insert("itemReviewed".into(), Value::Object(item));
    Value::Object(review)
}

/// The sources that carry the claim, with a web address, earliest published
/// first (the first is the claim's `firstAppearance`), each once.
///
/// A source carries the claim when one of its passages supports it. That is
/// also how a claim made from a comparison links the sentence it was made
/// from, so the stance is the whole rule; a source cited only to dispute the
/// claim or give context said something else and is never an appearance.
fn appearances(c: &ReportClaim) -> Vec<Value> {
    let mut seen: Vec<&str> = Vec::new();
    let mut sources: Vec<&super::ReportSource> = Vec::new();
    for e in c.evidence.iter().filter(|e| e.stance == Stance::Supports) {
        if let Some(url) = web_link(e.source.url.as_deref())
            && !seen.contains(&url)
        {
            seen.push(url);
            sources.push(&e.source);
        }
    }
    // Undated sources go last; the sort is stable, so ties keep citation order.
    sources.sort_by_key(|s| (s.published_on.is_none(), s.published_on));
    sources
        .into_iter()
        .map(|s| {
            let mut work = Map::new();
            work.insert("@type".into(), json!("CreativeWork"));
            work.insert("url".into(), json!(web_link(s.url.as_deref())));
            work.insert("headline".into(), json!(s.title));
            if let Some(d) = s.published_on {
                work.insert("datePublished".into(), json!(d.to_string()));
            }
            if let Some(o) = &s.outlet {
                work.insert(
                    "publisher".into(),
                    json!({ "@type": "Organization", "name": o }),
                );
            }
            Value::Object(work)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_urls_are_the_report_url_with_the_claim_fragment() {
        assert_eq!(
            review_url("https://checks.example/r/ferry", "0199"),
            "https://checks.example/r/ferry#claim-0199"
        );
        assert_eq!(
            review_url("https://checks.example/r#old", "0199"),
            "https://checks.example/r#claim-0199"
        );
    }
}
