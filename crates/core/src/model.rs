//! The domain's nouns: claims, verdicts, sources and their versions, evidence,
//! history. Plain data, serialised with stable snake_case field names.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A statement to check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Claim {
    pub id: String,
    pub statement: String,
    /// Who made the statement.
    pub claimant: Option<String>,
    /// When the statement was made.
    pub claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline.
    pub event_on: Option<NaiveDate>,
    /// Context and working notes.
    pub notes: String,
    pub tags: Vec<String>,
    /// Key of a verdict on the workspace's rating scale.
    pub verdict: String,
    /// Why the verdict was given.
    pub rationale: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What is needed to create a claim; everything but the statement is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewClaim {
    pub statement: String,
    pub claimant: Option<String>,
    pub claimed_on: Option<NaiveDate>,
    pub event_on: Option<NaiveDate>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    /// Verdict key; the scale's first verdict when absent.
    pub verdict: Option<String>,
}

/// A change to a claim's fields. `None` leaves a field as it is; for the
/// optional fields, `Some(None)` clears them. In JSON a missing field means
/// "leave it" and `null` means "clear it".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimEdit {
    pub statement: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub claimant: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub claimed_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    pub event_on: Option<Option<NaiveDate>>,
    pub notes: Option<String>,
}

/// A field that is present in JSON, `null` included, is `Some`.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

/// How claims are listed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimFilter {
    /// Words to find in statement, claimant or notes (prefix match per word).
    pub text: Option<String>,
    pub verdict: Option<String>,
    pub tag: Option<String>,
    pub sort: ClaimSort,
}

/// Order of a claim list, newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ClaimSort {
    #[default]
    Updated,
    ClaimedOn,
    Created,
}

/// One verdict of a rating scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Verdict {
    /// Stable key, lower snake_case, e.g. `mostly_true`.
    pub key: String,
    /// What people read, e.g. "Mostly true".
    pub label: String,
    /// Truth rating from 1 (false) to 5 (true) where the verdict rates truth;
    /// `None` for workflow states such as "In review". Used by ClaimReview export.
    pub rating: Option<u8>,
}

/// Lowest and highest truth rating on a scale (ClaimReview worstRating/bestRating).
pub const WORST_RATING: u8 = 1;
/// See [`WORST_RATING`].
pub const BEST_RATING: u8 = 5;

/// How a passage bears on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Supports,
    Disputes,
    Context,
}

impl Stance {
    /// All stances, in display order.
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Disputes, Stance::Context];

    /// The stored and displayed word.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Disputes => "disputes",
            Stance::Context => "context",
        }
    }
}

impl std::str::FromStr for Stance {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "supports" | "support" => Ok(Stance::Supports),
            "disputes" | "dispute" => Ok(Stance::Disputes),
            "context" => Ok(Stance::Context),
            other => Err(crate::Error::invalid(format!(
                "unknown stance {other:?}: use supports, disputes or context"
            ))),
        }
    }
}

/// An article, transcript or statement. Its text lives in its versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Source {
    pub id: String,
    pub title: String,
    /// The publishing outlet, e.g. "Northern Ledger".
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    /// The page's canonical URL; re-capturing the same one adds a version.
    pub canonical_url: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub modified_on: Option<NaiveDate>,
    /// BCP 47 language tag, e.g. "en".
    pub language: Option<String>,
    pub created_at: DateTime<Utc>,
    /// How many versions the source has.
    pub version_count: u32,
}

/// One captured text of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceVersion {
    pub id: String,
    pub source_id: String,
    /// 1 for the first capture, then 2, 3 …
    pub number: u32,
    /// Normalised plain text.
    pub text: String,
    /// The original HTML, kept as a snapshot; never rendered unsanitised.
    pub html: Option<String>,
    /// SHA-256 of `text`, lower-case hex.
    pub sha256: String,
    pub captured_at: DateTime<Utc>,
    /// The URL the text was fetched from after redirects.
    pub final_url: Option<String>,
}

/// What is needed to add a source (or a new version of one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewSource {
    pub title: String,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub modified_on: Option<NaiveDate>,
    pub language: Option<String>,
    /// The text; normalised before it is stored.
    pub text: String,
    pub html: Option<String>,
    pub final_url: Option<String>,
}

/// What adding a source did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AddOutcome {
    /// A new source with its first version.
    NewSource,
    /// A new version of a source with the same canonical URL.
    NewVersion,
    /// The same text was already stored; nothing was written.
    Unchanged,
}

/// A source with the version that an add created or matched.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceAdded {
    pub outcome: AddOutcome,
    pub source: Source,
    pub version: SourceVersion,
}

/// A claim linked to an exact passage of one version of a source.
/// The selectors follow the W3C Web Annotation model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    pub id: String,
    pub claim_id: String,
    pub source_id: String,
    pub version_id: String,
    pub stance: Stance,
    /// TextQuoteSelector: the passage, and up to 32 characters either side.
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// TextPositionSelector: code point offsets into the version's text.
    pub start: u32,
    pub end: u32,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

/// What is needed to link a passage to a claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewEvidence {
    /// Claim id or unique prefix.
    pub claim: String,
    /// Source id or unique prefix; its latest version is used unless `version` is set.
    pub source: String,
    /// Version number of the source, when not the latest.
    pub version: Option<u32>,
    /// The passage, exactly as it stands in the text.
    pub quote: String,
    /// Which occurrence (1-based) when the passage appears more than once.
    pub occurrence: Option<u32>,
    pub stance: Stance,
    pub note: Option<String>,
}

/// A passage of one source version, in code points, with its stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassagePick {
    /// Source id or unique prefix.
    pub source: String,
    pub version: u32,
    /// Code point offsets into the version's text.
    pub start: u32,
    pub end: u32,
    pub stance: Stance,
}

/// What is needed to link a passage picked by position (a selection in the
/// reader) to a claim: no quote to search for, so a passage that occurs more
/// than once is still the one the user selected.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewEvidenceAt {
    /// Claim id or unique prefix.
    pub claim: String,
    pub passage: PassagePick,
    pub note: Option<String>,
}

/// A passage with the source it comes from, as shown beside a claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EvidenceView {
    pub evidence: Evidence,
    pub source_title: String,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub version_number: u32,
    pub version_sha256: String,
}

/// One change to a claim. History rows are appended, never rewritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// The workspace user who made the change.
    pub actor: String,
    /// What changed: `created`, `statement`, `verdict`, `tags`, `evidence` …
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
    pub note: Option<String>,
}

/// A claim with everything shown on its detail page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimDetail {
    pub claim: Claim,
    pub verdict: Verdict,
    pub evidence: Vec<EvidenceView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_edit_tells_a_missing_field_from_a_null_one() {
        let edit: ClaimEdit =
            serde_json::from_str(r#"{"claimant": null, "event_on": "2025-11-27"}"#).expect("json");
        assert_eq!(edit.claimant, Some(None), "null clears");
        assert_eq!(edit.claimed_on, None, "missing leaves as is");
        assert_eq!(edit.event_on, Some(NaiveDate::from_ymd_opt(2025, 11, 27)));
    }
}
