//! Workspace bundles: a whole workspace, or a selection of it, as one JSON
//! file (schema `claimdesk.bundle/1`) that another workspace can import.
//!
//! Ids are kept, so importing the same bundle twice changes nothing and two
//! checkers can swap bundles to merge their work. The rules for an id that
//! both sides hold with different content are in [`import_bundle`]'s docs and in
//! docs/reports.md.
//!
//! A bundle is deterministic: the same workspace content always gives the
//! same bytes (everything sorted, no export time inside), so bundles diff
//! well and an export → import → export round trip is byte-identical.

mod check;
mod export;
mod import;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{HistoryEntry, Stance, Verdict};

pub use export::{bundle_to_json, export_bundle};
pub use import::{BundleImport, import_bundle};

/// The schema name and version written in every bundle.
pub const BUNDLE_SCHEMA: &str = "claimdesk.bundle/1";

/// A workspace (or part of one) as one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Bundle {
    /// Always [`BUNDLE_SCHEMA`].
    pub schema: String,
    /// The whole rating scale, in order.
    pub scale: Vec<Verdict>,
    /// Claims by id, deleted ones included, each with its full history.
    pub claims: Vec<BundleClaim>,
    /// Sources by id, each with every version (text and HTML snapshot).
    pub sources: Vec<BundleSource>,
    /// Evidence by id, removed passages included.
    pub evidence: Vec<BundleEvidence>,
    /// Which ClaimReview (by `@id`, or URL and statement) each imported claim came from.
    #[serde(default)]
    pub claimreview_imports: Vec<BundleImportKey>,
}

/// A claim with every field and its whole history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleClaim {
    pub id: String,
    pub statement: String,
    pub claimant: Option<String>,
    pub claimed_on: Option<NaiveDate>,
    pub event_on: Option<NaiveDate>,
    pub notes: String,
    pub tags: Vec<String>,
    pub verdict: String,
    pub rationale: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When the claim was deleted; `null` for a live claim.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Every change, oldest first.
    pub history: Vec<HistoryEntry>,
}

/// A source with all its versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleSource {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub canonical_url: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub modified_on: Option<NaiveDate>,
    pub language: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Oldest first.
    pub versions: Vec<BundleVersion>,
}

/// One captured text of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleVersion {
    pub id: String,
    pub number: u32,
    pub text: String,
    /// The original HTML snapshot, if one was captured.
    pub html: Option<String>,
    /// SHA-256 of `text`; checked on import, and computed there when absent.
    #[serde(default)]
    pub sha256: String,
    pub captured_at: DateTime<Utc>,
    pub final_url: Option<String>,
}

/// A passage linked to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleEvidence {
    pub id: String,
    pub claim_id: String,
    pub source_id: String,
    pub version_id: String,
    pub stance: Stance,
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: u32,
    pub end: u32,
    pub note: String,
    pub created_at: DateTime<Utc>,
    /// When the passage was unlinked; `null` while it is linked.
    pub removed_at: Option<DateTime<Utc>>,
}

/// A remembered ClaimReview import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleImportKey {
    pub key: String,
    pub claim_id: String,
}
