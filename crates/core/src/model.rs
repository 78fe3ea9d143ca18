//! The domain's nouns: claims, verdicts, sources and their versions, evidence,
//! history. Plain data, serialised with stable snake_case field names.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A statement to check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Claim {
    /// The claim's id (UUID v7 text); people may type a unique prefix of it.
    pub id: String,
    /// The words being checked, runs of white space collapsed to one space; never empty.
    pub statement: String,
    /// Who made the statement.
    pub claimant: Option<String>,
    /// When the statement was made.
    pub claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline.
    pub event_on: Option<NaiveDate>,
    /// Context and working notes.
    pub notes: String,
    /// Lower-case tags with inner spaces turned into hyphens (`peace-plan`), sorted
    /// and without duplicates.
    pub tags: Vec<String>,
    /// Key of a verdict on the workspace's rating scale.
    pub verdict: String,
    /// Why the verdict was given.
    pub rationale: String,
    /// When the claim was added (UTC, to the microsecond).
    pub created_at: DateTime<Utc>,
    /// When the claim last changed: a field, its verdict, a tag, its evidence, or
    /// a delete or restore. Claim lists are newest-changed first by default.
    pub updated_at: DateTime<Utc>,
    /// Changed on two desks: a shared desk's sync found the same field changed
    /// here and on another desk since they last synced (the later change won;
    /// both are in the history). It stays set until someone resolves it.
    #[serde(default)]
    pub conflict: bool,
}

/// What is needed to create a claim; everything but the statement is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewClaim {
    /// The words to check; white space is collapsed, and a blank statement is refused.
    pub statement: String,
    /// Who made the statement; `None` or blank when not known.
    pub claimant: Option<String>,
    /// When the statement was made; `None` when not known.
    pub claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline; `None` when it names none.
    pub event_on: Option<NaiveDate>,
    /// Context and working notes, trimmed; `None` stores empty notes.
    pub notes: Option<String>,
    /// Tags to attach; one entry may hold several separated by commas. They are
    /// lower-cased, inner spaces become hyphens, blanks and repeats are dropped,
    /// and a tag with control characters is refused.
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
    /// A new statement; white space is collapsed and a blank one is refused.
    pub statement: Option<String>,
    /// `Some(Some(name))` sets who made the statement; `Some(None)` (JSON `null`)
    /// or a blank name clears it.
    #[serde(default, deserialize_with = "present")]
    pub claimant: Option<Option<String>>,
    /// `Some(Some(day))` sets when the statement was made; `Some(None)` clears it.
    #[serde(default, deserialize_with = "present")]
    pub claimed_on: Option<Option<NaiveDate>>,
    /// `Some(Some(day))` sets the date the statement is about; `Some(None)` clears it.
    #[serde(default, deserialize_with = "present")]
    pub event_on: Option<Option<NaiveDate>>,
    /// New notes, trimmed; `Some("")` empties them.
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
    /// Only claims with this verdict, named by key or label (`mostly_true` or
    /// "Mostly true"); a verdict not on the scale is refused, blank means any.
    pub verdict: Option<String>,
    /// Only claims carrying this tag, cleaned like tags on input (`Peace plan`
    /// finds `peace-plan`); blank means any.
    pub tag: Option<String>,
    /// The order of the list.
    pub sort: ClaimSort,
    /// Only claims flagged changed on two desks (see [`Claim::conflict`]).
    #[serde(default)]
    pub conflicts: bool,
}

/// Order of a claim list, newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ClaimSort {
    /// Most recently changed first (`updated_at`); the default.
    #[default]
    Updated,
    /// Latest `claimed_on` first; claims without that date come last.
    ClaimedOn,
    /// Most recently added first.
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
    /// The passage bears the claim out.
    Supports,
    /// The passage contradicts the claim.
    Disputes,
    /// The passage neither supports nor disputes the claim but is background a
    /// reader needs to judge it.
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
    /// The source's id (UUID v7 text); people may type a unique prefix of it.
    pub id: String,
    /// The headline or name. When none was given, the text's first line, cut to
    /// 80 characters with an ellipsis.
    pub title: String,
    /// The publishing outlet, e.g. "Northern Ledger".
    pub outlet: Option<String>,
    /// Bylines in the order given, trimmed, blank ones dropped; empty when not known.
    pub authors: Vec<String>,
    /// The address the source was captured from, as given; `None` when none was given.
    pub url: Option<String>,
    /// The page's canonical URL; re-capturing the same one adds a version.
    pub canonical_url: Option<String>,
    /// The day the outlet published it (from the page's metadata or as given);
    /// `None` when not known.
    pub published_on: Option<NaiveDate>,
    /// The day the outlet last changed it; a later capture that states one updates
    /// it. `None` when not known.
    pub modified_on: Option<NaiveDate>,
    /// BCP 47 language tag, e.g. "en".
    pub language: Option<String>,
    /// When the source was first captured (UTC).
    pub created_at: DateTime<Utc>,
    /// How many versions the source has.
    pub version_count: u32,
}

/// One captured text of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceVersion {
    /// The version's id (UUID v7 text); evidence points at it.
    pub id: String,
    /// The id of the source this text belongs to.
    pub source_id: String,
    /// 1 for the first capture, then 2, 3 …
    pub number: u32,
    /// Normalised plain text.
    pub text: String,
    /// The original HTML, kept as a snapshot; never rendered unsanitised.
    pub html: Option<String>,
    /// SHA-256 of `text`, lower-case hex.
    pub sha256: String,
    /// When this text was stored (UTC).
    pub captured_at: DateTime<Utc>,
    /// The URL the text was fetched from after redirects.
    pub final_url: Option<String>,
}

/// What is needed to add a source (or a new version of one).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewSource {
    /// The headline or name; when blank, the text's first line (cut to 80
    /// characters) is used.
    pub title: String,
    /// The publishing outlet; blank counts as `None`.
    pub outlet: Option<String>,
    /// Bylines; blank entries are dropped.
    pub authors: Vec<String>,
    /// The address the text was captured from; blank counts as `None`.
    pub url: Option<String>,
    /// The page's canonical URL; when blank, `url` stands in. Text for a canonical
    /// URL already stored becomes a new version of that source.
    pub canonical_url: Option<String>,
    /// The day the outlet published it; `None` when not known.
    pub published_on: Option<NaiveDate>,
    /// The day the outlet last changed it; a new version that states one updates
    /// the source's.
    pub modified_on: Option<NaiveDate>,
    /// BCP 47 language tag, e.g. "en"; blank counts as `None`.
    pub language: Option<String>,
    /// The text; normalised before it is stored.
    pub text: String,
    /// The original HTML, kept as a snapshot exactly as given; `None` for text
    /// that did not come from HTML.
    pub html: Option<String>,
    /// The URL the text was fetched from after redirects; `None` when not fetched.
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
    /// Whether a source, a version or nothing new was stored.
    pub outcome: AddOutcome,
    /// The source as stored after the add.
    pub source: Source,
    /// The version just stored, or for [`AddOutcome::Unchanged`] the stored version
    /// with the same text.
    pub version: SourceVersion,
}

/// A claim linked to an exact passage of one version of a source.
/// The selectors follow the W3C Web Annotation model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Evidence {
    /// The evidence's id (UUID v7 text); people may type a unique prefix of it.
    pub id: String,
    /// The id of the claim the passage bears on.
    pub claim_id: String,
    /// The id of the source the passage comes from.
    pub source_id: String,
    /// The id of the source version whose text `start` and `end` count in.
    pub version_id: String,
    /// How the passage bears on the claim.
    pub stance: Stance,
    /// TextQuoteSelector: the passage, and up to 32 characters either side.
    pub exact: String,
    /// Up to 32 code points of text just before the passage; fewer at the start of
    /// the text.
    pub prefix: String,
    /// Up to 32 code points of text just after the passage; fewer at its end.
    pub suffix: String,
    /// TextPositionSelector: code point offsets into the version's text.
    pub start: u32,
    /// Code point offset just past the passage (exclusive): `end - start` is the
    /// passage's length in code points.
    pub end: u32,
    /// The checker's note on the passage, trimmed; empty when none was given.
    pub note: String,
    /// When the passage was linked (UTC).
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
    /// The passage as typed: it is found in the text through differences of
    /// case, quote marks, apostrophes, dashes and zero-width characters, and
    /// the source's own characters are stored.
    pub quote: String,
    /// Which occurrence (1-based) when the passage appears more than once.
    pub occurrence: Option<u32>,
    /// How the passage bears on the claim.
    pub stance: Stance,
    /// A note on the passage; it is also the note of the claim's history entry.
    pub note: Option<String>,
}

/// A passage of one source version, in code points, with its stance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PassagePick {
    /// Source id or unique prefix.
    pub source: String,
    /// The version number (1 for the first capture) whose text the offsets count in.
    pub version: u32,
    /// Code point offsets into the version's text.
    pub start: u32,
    /// Exclusive: greater than `start` and at most the text's length in code
    /// points. White space at either edge is left out of the linked passage.
    pub end: u32,
    /// How the passage bears on the claim.
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
    /// The source version, code point range and stance that were picked.
    pub passage: PassagePick,
    /// A note on the passage; it is also the note of the claim's history entry.
    pub note: Option<String>,
}

/// A passage with the source it comes from, as shown beside a claim.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EvidenceView {
    /// The link itself.
    pub evidence: Evidence,
    /// The title of the source the passage comes from.
    pub source_title: String,
    /// That source's outlet; `None` when not known.
    pub outlet: Option<String>,
    /// That source's URL; `None` when it has none.
    pub url: Option<String>,
    /// The day that source was published; `None` when not known.
    pub published_on: Option<NaiveDate>,
    /// Which version of the source (1 for the first capture) holds the passage.
    pub version_number: u32,
    /// SHA-256 of that version's text, lower-case hex: which exact text was cited.
    pub version_sha256: String,
}

/// One change to a claim. History rows are appended, never rewritten.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryEntry {
    /// When the change was made (UTC); changes made in one step share the instant.
    pub at: DateTime<Utc>,
    /// The workspace user who made the change.
    pub actor: String,
    /// What changed: `created`, `statement`, `verdict`, `tags`, `evidence` …
    pub field: String,
    /// The value before, as text (tags joined by ", "); `None` when there was none,
    /// as for `created` or a passage just linked.
    pub old: Option<String>,
    /// The value after, as text; `None` when the field was cleared, or for a
    /// removed passage, a deleted or a restored claim.
    pub new: Option<String>,
    /// Why, in the checker's words when they gave a reason; `None` otherwise.
    pub note: Option<String>,
}

/// A claim with everything shown on its detail page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimDetail {
    /// The claim itself.
    pub claim: Claim,
    /// The claim's verdict as the scale holds it, with its label and rating.
    pub verdict: Verdict,
    /// The linked passages, oldest first; removed ones left out.
    pub evidence: Vec<EvidenceView>,
    /// When this claim is a duplicate merged into another: that merge.
    pub merged_into: Option<ClaimMerge>,
    /// The duplicates merged into this claim and not unmerged, oldest first.
    pub merged_from: Vec<ClaimMerge>,
}

/// A duplicate claim folded into the claim that stays (the keeper): what
/// moved, so that an unmerge puts back exactly that.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimMerge {
    /// The claim merged away; it leaves the default claim list.
    pub duplicate_id: String,
    /// Its statement, for people reading the merge.
    pub duplicate_statement: String,
    /// The claim that stays and took the duplicate's evidence, tags and notes.
    pub keeper_id: String,
    /// Its statement.
    pub keeper_statement: String,
    /// When the merge was made (UTC).
    pub merged_at: DateTime<Utc>,
    /// Who made it.
    pub merged_by: String,
    /// Why, in the checker's words; `None` when no reason was given.
    pub note: Option<String>,
    /// The evidence links that moved to the keeper (removed ones too), by id.
    pub evidence_ids: Vec<String>,
    /// The duplicate's tags; they leave it and come back on unmerge.
    pub tags_moved: Vec<String>,
    /// The tags the keeper gained (the duplicate's that it did not carry).
    pub tags_added: Vec<String>,
    /// The duplicate's notes; they leave it and come back on unmerge.
    pub notes_moved: String,
    /// The text appended to the keeper's notes; empty when none.
    pub notes_added: String,
    /// When the merge was undone; `None` while it holds.
    pub unmerged_at: Option<DateTime<Utc>>,
    /// Who undid it.
    pub unmerged_by: Option<String>,
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
