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
pub(crate) mod export;
pub(crate) mod import;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{ClaimMerge, HistoryEntry, Stance, Verdict};

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
    /// Duplicate claims merged into the claims that stay, undone merges too,
    /// by duplicate and instant; a desk importing the bundle ends with the
    /// same merges. Only merges whose two claims the bundle holds.
    #[serde(default)]
    pub claim_merges: Vec<ClaimMerge>,
}

/// A claim with every field and its whole history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleClaim {
    /// The claim's id (UUID v7 text), kept on import.
    pub id: String,
    /// The words being checked; a blank one is refused on import.
    pub statement: String,
    /// Who made the statement; `null` when not known.
    pub claimant: Option<String>,
    /// When the statement was made (`YYYY-MM-DD`); `null` when not known.
    pub claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline; `null` when none.
    pub event_on: Option<NaiveDate>,
    /// Context and working notes; empty when none.
    pub notes: String,
    /// The claim's tags, lower-case and sorted.
    pub tags: Vec<String>,
    /// Key of the claim's verdict; it must be on the bundle's `scale`.
    pub verdict: String,
    /// Why the verdict was given; empty when none.
    pub rationale: String,
    /// When the claim was added (RFC 3339, UTC).
    pub created_at: DateTime<Utc>,
    /// When the claim last changed (RFC 3339, UTC); on import, of two different
    /// copies of a claim the one changed later wins.
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
    /// The source's id (UUID v7 text), kept on import.
    pub id: String,
    /// The headline or name.
    pub title: String,
    /// The publishing outlet; `null` when not known.
    pub outlet: Option<String>,
    /// Bylines in order; empty when not known.
    pub authors: Vec<String>,
    /// The address the source was captured from; `null` when none.
    pub url: Option<String>,
    /// The page's canonical URL; `null` when none.
    pub canonical_url: Option<String>,
    /// The day the outlet published it (`YYYY-MM-DD`); `null` when not known.
    pub published_on: Option<NaiveDate>,
    /// The day the outlet last changed it (`YYYY-MM-DD`); `null` when not known.
    pub modified_on: Option<NaiveDate>,
    /// BCP 47 language tag, e.g. "en"; `null` when not known.
    pub language: Option<String>,
    /// When the source was first captured (RFC 3339, UTC).
    pub created_at: DateTime<Utc>,
    /// Every captured text of the source, oldest first.
    pub versions: Vec<BundleVersion>,
}

/// One captured text of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleVersion {
    /// The version's id (UUID v7 text), kept on import; evidence points at it.
    pub id: String,
    /// 1 for the first capture, then 2, 3 …; on import a number the workspace
    /// already uses for a different text of the source becomes the next free one.
    pub number: u32,
    /// Normalised plain text, which the evidence offsets count in; an empty text
    /// is refused on import.
    pub text: String,
    /// The original HTML snapshot, if one was captured.
    pub html: Option<String>,
    /// SHA-256 of `text`; checked on import, and computed there when absent.
    #[serde(default)]
    pub sha256: String,
    /// When this text was captured (RFC 3339, UTC).
    pub captured_at: DateTime<Utc>,
    /// The URL the text was fetched from after redirects; `null` when not fetched.
    pub final_url: Option<String>,
}

/// A passage linked to a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleEvidence {
    /// The evidence's id (UUID v7 text), kept on import.
    pub id: String,
    /// The claim the passage bears on, held by the bundle or the importing workspace.
    pub claim_id: String,
    /// The source the passage comes from; it must own `version_id`.
    pub source_id: String,
    /// The version whose text the offsets count in, held by the bundle or the
    /// importing workspace.
    pub version_id: String,
    /// How the passage bears on the claim.
    pub stance: Stance,
    /// The passage's words; on import they must stand in the version's text at
    /// `start..end`.
    pub exact: String,
    /// Up to 32 code points right before the passage; checked on import.
    pub prefix: String,
    /// Up to 32 code points right after the passage; checked on import.
    pub suffix: String,
    /// Code point offset of the passage's first character in the version's text.
    pub start: u32,
    /// Code point offset just past the passage (exclusive); greater than `start`.
    pub end: u32,
    /// The checker's note on the passage; empty when none.
    pub note: String,
    /// When the passage was linked (RFC 3339, UTC).
    pub created_at: DateTime<Utc>,
    /// When the passage was unlinked; `null` while it is linked.
    pub removed_at: Option<DateTime<Utc>>,
}

/// A remembered ClaimReview import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BundleImportKey {
    /// Which ClaimReview: `id:` and its `@id`, or `url:` and its URL, a line
    /// break and the claim reviewed, or `text:` and the claim reviewed alone.
    pub key: String,
    /// The id of the claim the ClaimReview became.
    pub claim_id: String,
}
