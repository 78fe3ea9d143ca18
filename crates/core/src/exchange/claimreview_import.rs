//! Importing other fact-checkers' ClaimReview JSON-LD as claims.
//!
//! A file may hold one `ClaimReview`, an array of them, or a JSON-LD
//! document with an `@graph`. Each review becomes a claim whose verdict is
//! mapped onto this workspace's scale: first by the rating's label
//! (`alternateName`, any case), else by `ratingValue` scaled from the
//! review's worst..best range onto 1..5. A label the scale does not know, or
//! a number outside the review's own range, is kept as written (numbers
//! shortened) in the rationale and the claim is tagged `imported-unmapped`
//! so a checker can review it. Each review is remembered by its `@id` (else
//! its `url` and statement), so importing the same file again adds nothing;
//! a review our own export wrote for a claim this workspace holds is
//! recognised by the claim id in its `@id` and adds nothing either.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::ids;
use crate::limits;
use crate::model::{BEST_RATING, NewClaim, Verdict, WORST_RATING};
use crate::store::claimreview_texts::{self, ReviewText};
use crate::store::{claims, imports, scale};
use crate::workspace::Workspace;

/// Tag on every imported claim.
pub const IMPORTED_TAG: &str = "imported";
/// Tag on imported claims whose rating label is not on the workspace's scale.
pub const UNMAPPED_TAG: &str = "imported-unmapped";

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimReviewImport {
    /// Ids of the claims created.
    pub added: Vec<String>,
    /// Ids of claims made by an earlier import of the same reviews, or
    /// reviewed by this workspace's own export; left as they are.
    pub already_imported: Vec<String>,
    /// Ids of the added claims whose rating label is not on the scale, or
    /// whose number lies outside the review's range (tagged `imported-unmapped`).
    pub unmapped: Vec<String>,
}

/// One review, read and checked before anything is written.
struct Review {
    key: String,
    /// The claim id in an `@id` of the form our export writes (`…#claim-<id>`).
    own_claim: Option<String>,
    statement: String,
    claimant: Option<String>,
    claimed_on: Option<NaiveDate>,
    label: Option<String>,
    value: Option<Written>,
    best: Written,
    worst: Written,
    reviewer: Option<String>,
    url: Option<String>,
    body: Option<String>,
    /// The review's `headline`, else its `name`: matching reads it.
    headline: Option<String>,
    /// The review's `description`: matching reads it.
    summary: Option<String>,
    appearances: Vec<String>,
    unparsed_date: Option<String>,
}

/// A number from the file with the text it was written as, shortened for
/// printing: a rating of `1e308` is shown as that, not as 309 digits.
struct Written {
    value: f64,
    text: String,
}

impl Written {
    /// Longest number text a rationale prints.
    const SHOWN: usize = 24;

    fn new(value: f64, text: &str) -> Self {
        let text = if text.chars().count() > Self::SHOWN {
            format!("{}…", text.chars().take(Self::SHOWN).collect::<String>())
        } else {
            text.to_string()
        };
        Written { value, text }
    }

    fn whole(value: u8) -> Self {
        Written::new(f64::from(value), &value.to_string())
    }
}

/// Imports the ClaimReview JSON-LD in `json`. Every review is checked first;
/// one bad review refuses the whole file and nothing is written.
pub fn import_claimreview(ws: &Workspace, json: &str) -> Result<ClaimReviewImport> {
    limits::check_bytes("the ClaimReview file", json.len(), limits::MAX_IMPORT_BYTES)?;
    let doc: Value = serde_json::from_str(json).map_err(|e| {
        Error::invalid(format!(
            "the file is not JSON ({e}); ClaimReview import reads schema.org ClaimReview JSON-LD"
        ))
    })?;
    let mut found = Vec::new();
    collect(&doc, &mut found);
    if found.is_empty() {
        return Err(Error::invalid(
            "no ClaimReview in the file: expected an object with \"@type\": \"ClaimReview\", \
             an array of them, or an \"@graph\" holding them; nothing was imported",
        ));
    }
    let reviews = found
        .iter()
        .enumerate()
        .map(|(i, r)| read_review(r, i + 1))
        .collect::<Result<Vec<_>>>()?;
    ws.write(|conn| {
        let scale = scale::list(conn)?;
        let mut outcome = ClaimReviewImport::default();
        for review in &reviews {
            let known = match imports::claim_for(conn, &review.key)? {
                Some(id) => Some(id),
                None => own_claim(conn, review)?,
            };
            if let Some(id) = known {
                if !outcome.already_imported.contains(&id) {
                    outcome.already_imported.push(id);
                }
                continue;
            }
            let (verdict, label_known) = map_verdict(&scale, review);
            let mut tags = vec![IMPORTED_TAG.to_string()];
            if !label_known {
                tags.push(UNMAPPED_TAG.to_string());
            }
            let new = NewClaim {
                statement: review.statement.clone(),
                claimant: review.claimant.clone(),
                claimed_on: review.claimed_on,
                notes: Some(notes(review)),
                tags,
                ..Default::default()
            };
            let claim = claims::insert(conn, ws.actor(), &new, Some("imported from ClaimReview"))?;
            let verdict_key = match &verdict {
                Some(v) => v.key.clone(),
                None => claim.verdict.clone(),
            };
            claims::apply_verdict(
                conn,
                &claim.id,
                ws.actor(),
                &verdict_key,
                Some(&rationale(review)),
                Some("imported from ClaimReview"),
            )?;
            imports::remember(conn, &review.key, &claim.id)?;
            claimreview_texts::remember(
                conn,
                &claim.id,
                &ReviewText {
                    publisher: review.reviewer.clone(),
                    url: review.url.clone(),
                    headline: review.headline.clone().unwrap_or_default(),
                    summary: review.summary.clone().unwrap_or_default(),
                },
            )?;
            if !label_known {
                outcome.unmapped.push(claim.id.clone());
            }
            outcome.added.push(claim.id);
        }
        Ok(outcome)
    })
}

/// Finds ClaimReview objects at the top, in a top-level array, or in `@graph`.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect(i, out)),
        Value::Object(obj) => {
            if let Some(graph) = obj.get("@graph") {
                collect(graph, out);
            }
            if has_type(obj, "ClaimReview") {
                out.push(obj);
            }
        }
        _ => {}
    }
}

/// True when `@type` names `ty`, bare or as a schema.org IRI or CURIE.
fn has_type(obj: &Map<String, Value>, ty: &str) -> bool {
    let is = |t: &str| t == ty || t.ends_with(&format!("/{ty}")) || t.ends_with(&format!(":{ty}"));
    match obj.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn read_review(r: &Map<String, Value>, n: usize) -> Result<Review> {
    let statement = string(r.get("claimReviewed")).ok_or_else(|| {
        Error::invalid(format!(
            "ClaimReview {n} has no claimReviewed (the statement checked); nothing was imported"
        ))
    })?;
    let rating = first_object(r.get("reviewRating"));
    let number = |key: &str| rating.and_then(|o| number(o.get(key)));
    let (best, worst) = (
        number("bestRating").unwrap_or_else(|| Written::whole(BEST_RATING)),
        number("worstRating").unwrap_or_else(|| Written::whole(WORST_RATING)),
    );
    let item = first_object(r.get("itemReviewed"));
    let item_date = item.and_then(|i| string(i.get("datePublished")));
    let claimed_on = item_date.as_deref().and_then(parse_date);
    let mut appearances = Vec::new();
    if let Some(i) = item {
        for key in ["firstAppearance", "appearance"] {
            for url in urls(i.get(key)) {
                if !appearances.contains(&url) {
                    appearances.push(url);
                }
            }
        }
    }
    let id = string(r.get("@id"));
    let url = string(r.get("url"));
    let key = match (&id, &url) {
        (Some(id), _) => format!("id:{id}"),
        (None, Some(url)) => format!("url:{url}\n{statement}"),
        (None, None) => format!("text:{statement}"),
    };
    let own_claim = id
        .as_deref()
        .and_then(|id| id.rsplit_once("#claim-"))
        .map(|(_, claim)| claim.to_string())
        .filter(|claim| ids::is_id(claim));
    Ok(Review {
        key,
        own_claim,
        claimant: item.and_then(|i| name(i.get("author"))),
        unparsed_date: item_date.filter(|_| claimed_on.is_none()),
        claimed_on,
        label: rating.and_then(|o| string(o.get("alternateName"))),
        value: number("ratingValue"),
        best,
        worst,
        reviewer: name(r.get("author")),
        url: url.or(id),
        body: string(r.get("reviewBody")).or_else(|| string(r.get("description"))),
        headline: string(r.get("headline")).or_else(|| string(r.get("name"))),
        summary: string(r.get("description")),
        appearances,
        statement,
    })
}

/// The verdict for a review, and whether its label (if any) is on the scale.
fn map_verdict(scale: &[Verdict], r: &Review) -> (Option<Verdict>, bool) {
    if let Some(label) = &r.label {
        let wanted = label.trim().to_lowercase();
        let key = wanted.replace([' ', '-'], "_");
        if let Some(v) = scale
            .iter()
            .find(|v| v.label.to_lowercase() == wanted || v.key == key)
        {
            return (Some(v.clone()), true);
        }
    }
    let by_number = r.value.as_ref().and_then(|value| {
        let rating = normalise_rating(value.value, r.worst.value, r.best.value)?;
        scale
            .iter()
            .filter_map(|v| v.rating.map(|vr| (vr.abs_diff(rating), v)))
            .min_by_key(|(diff, _)| *diff)
            .map(|(_, v)| v.clone())
    });
    let label_known = r.label.is_none() && by_number.is_some();
    (by_number, label_known)
}

/// Maps `value` on a worst..best scale onto 1..5, to the nearest whole step.
/// `None` when the range is empty or the value is not a number or lies
/// outside the range: such a rating says nothing we can place on our scale.
pub(crate) fn normalise_rating(value: f64, worst: f64, best: f64) -> Option<u8> {
    if !in_range(value, worst, best) || best == worst {
        return None;
    }
    let span = f64::from(BEST_RATING - WORST_RATING);
    let scaled = f64::from(WORST_RATING) + (value - worst) / (best - worst) * span;
    let clamped = scaled
        .round()
        .clamp(f64::from(WORST_RATING), f64::from(BEST_RATING));
    // In 1..=5 after the clamp, so the cast is exact.
    Some(clamped as u8)
}

/// True when `value` lies between `worst` and `best`, whichever way round the
/// review's scale runs, and all three are numbers.
fn in_range(value: f64, worst: f64, best: f64) -> bool {
    [value, worst, best].iter().all(|n| n.is_finite())
        && (worst.min(best)..=worst.max(best)).contains(&value)
}

/// The claim of this workspace that one of our own reviews (`…#claim-<id>`)
/// was written for, if the workspace holds it.
fn own_claim(conn: &rusqlite::Connection, r: &Review) -> Result<Option<String>> {
    match &r.own_claim {
        Some(id) => Ok(claims::row(conn, id)?.map(|(claim, _)| claim.id)),
        None => Ok(None),
    }
}

fn rationale(r: &Review) -> String {
    let mut out = match &r.label {
        Some(label) => format!("Rated “{label}”"),
        None => "Rated".to_string(),
    };
    if let Some(v) = &r.value {
        let (worst, best) = (&r.worst.text, &r.best.text);
        if in_range(v.value, r.worst.value, r.best.value) {
            out.push_str(&format!(" ({} on a scale of {worst} to {best})", v.text));
        } else {
            out.push_str(&format!(" (rating {} outside {worst} to {best})", v.text));
        }
    }
    if let Some(who) = &r.reviewer {
        out.push_str(&format!(" by {who}"));
    }
    out.push('.');
    if let Some(body) = &r.body {
        out.push_str("\n\n");
        out.push_str(body);
    }
    out
}

fn notes(r: &Review) -> String {
    let mut lines = vec![match &r.url {
        Some(url) => format!("Imported from ClaimReview {url}"),
        None => "Imported from ClaimReview".to_string(),
    }];
    if let Some(d) = &r.unparsed_date {
        lines.push(format!("Claim date as given: {d}"));
    }
    for url in &r.appearances {
        lines.push(format!("Appeared at {url}"));
    }
    lines.join("\n")
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => string(items.first()),
        _ => None,
    }
}

fn number(v: Option<&Value>) -> Option<Written> {
    match v? {
        // A JSON number prints short (`1e308`), as it was written.
        Value::Number(n) => Some(Written::new(n.as_f64()?, &n.to_string())),
        Value::String(s) => Some(Written::new(s.trim().parse().ok()?, s.trim())),
        _ => None,
    }
}

fn first_object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    match v? {
        Value::Object(o) => Some(o),
        Value::Array(items) => items.iter().find_map(Value::as_object),
        _ => None,
    }
}

/// A name given as text, as `{"name": …}`, or as a list of either.
fn name(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => string(o.get("name")),
        Value::Array(items) => items.iter().find_map(|i| name(Some(i))),
        _ => None,
    }
}

/// URLs given as text, as `{"url": …}`, or as a list of either.
fn urls(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) if !s.trim().is_empty() => vec![s.trim().to_string()],
        Some(Value::Object(o)) => string(o.get("url")).into_iter().collect(),
        Some(Value::Array(items)) => items.iter().flat_map(|i| urls(Some(i))).collect(),
        _ => Vec::new(),
    }
}

/// A date from `YYYY-MM-DD` or a full ISO 8601 timestamp.
fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_on_other_scales_map_onto_one_to_five() {
        assert_eq!(normalise_rating(1.0, 1.0, 5.0), Some(1));
        assert_eq!(normalise_rating(10.0, 0.0, 10.0), Some(5));
        assert_eq!(normalise_rating(5.0, 0.0, 10.0), Some(3));
        assert_eq!(normalise_rating(2.0, 1.0, 7.0), Some(2));
        assert_eq!(normalise_rating(99.0, 1.0, 5.0), None, "outside the range");
        assert_eq!(normalise_rating(0.0, 1.0, 5.0), None, "below the worst");
        assert_eq!(
            normalise_rating(2.0, 5.0, 1.0),
            Some(4),
            "a scale running from best to worst"
        );
        assert_eq!(normalise_rating(1e308, 1.0, 5.0), None);
        assert_eq!(normalise_rating(3.0, 4.0, 4.0), None);
    }

    #[test]
    fn types_are_recognised_bare_or_as_iris() {
        let obj = |t: Value| {
            serde_json::json!({ "@type": t })
                .as_object()
                .cloned()
                .unwrap_or_default()
        };
        assert!(has_type(&obj("ClaimReview".into()), "ClaimReview"));
        assert!(has_type(
            &obj("http://schema.org/ClaimReview".into()),
            "ClaimReview"
        ));
        assert!(has_type(
            &obj(serde_json::json!(["Review", "ClaimReview"])),
            "ClaimReview"
        ));
        assert!(!has_type(&obj("Review".into()), "ClaimReview"));
    }
}
