//! Gathering a report's data once from the workspace: the selected claims,
//! their verdicts, and each evidence passage with the source and version it
//! was captured in. Every format renders from this.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::anchor::{self, PassageStatus};
use crate::error::Result;
use crate::model::{Stance, Verdict};
use crate::selection::{Selection, select_claims};
use crate::store::{PassageReview, passage_review, scale, sources};
use crate::workspace::Workspace;

/// Everything a report shows, gathered once. Serialised, this is the
/// `claimdesk.report/1` JSON document (see docs/reports.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportData {
    /// Always [`super::REPORT_SCHEMA`].
    pub schema: String,
    /// Who publishes the fact-checks (setting `publisher`).
    pub publisher: Option<String>,
    /// Where the published report lives (setting `report_base_url`).
    pub report_base_url: Option<String>,
    /// Which claims were asked for (tag, verdict, ids); empty means every claim.
    pub selection: Selection,
    /// The workspace's rating scale, in order.
    pub scale: Vec<Verdict>,
    /// The chosen claims, oldest first.
    pub claims: Vec<ReportClaim>,
    /// Every source cited by the claims' evidence, by id.
    pub sources: Vec<ReportSource>,
}

/// A claim as reported. Working notes stay in the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportClaim {
    /// The claim's id (UUID v7 text).
    pub id: String,
    /// The statement checked.
    pub statement: String,
    /// Who made the statement.
    pub claimant: Option<String>,
    /// When the statement was made.
    pub claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline.
    pub event_on: Option<NaiveDate>,
    /// The claim's tags, lower-case and sorted.
    pub tags: Vec<String>,
    /// The verdict given, with its label and rating.
    pub verdict: Verdict,
    /// Why the verdict was given.
    pub rationale: String,
    /// When the claim was created.
    pub created_at: DateTime<Utc>,
    /// When the claim last changed.
    pub updated_at: DateTime<Utc>,
    /// Linked passages, oldest first.
    pub evidence: Vec<ReportEvidence>,
}

/// One passage behind a verdict, with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportEvidence {
    /// The evidence's id (UUID v7 text).
    pub id: String,
    /// How the passage bears on the claim.
    pub stance: Stance,
    /// The quoted words, exactly as they stand in the source version.
    pub quote: String,
    /// Up to 32 code points just before the quote (W3C TextQuoteSelector).
    pub prefix: String,
    /// Up to 32 code points just after the quote.
    pub suffix: String,
    /// Code point offset where the quote starts in the version's text (TextPositionSelector).
    pub start: u32,
    /// Code point offset where the quote ends (exclusive).
    pub end: u32,
    /// The checker's note on the passage; empty when none.
    pub note: String,
    /// The source the passage is quoted from.
    pub source: ReportSource,
    /// The captured version the passage is quoted from.
    pub version: ReportVersion,
    /// What happened to the passage in a later version of the source, when
    /// there is one the checker has not moved it to; `None` otherwise.
    pub later: Option<ReportLater>,
}

/// A passage followed into a later version of its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportLater {
    /// The later version's number.
    pub version: u32,
    /// `unchanged`, `edited` or `gone`.
    pub status: PassageStatus,
    /// The passage's words in that version; `None` when gone.
    pub words: Option<String>,
    /// Whether the checker chose to keep the passage on the version it was read in.
    pub kept: bool,
    /// One sentence saying it, e.g. "Version 3 changed this passage: 'five' → 'four'."
    pub summary: String,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportSource {
    /// The source's id (UUID v7 text).
    pub id: String,
    /// The article's title.
    pub title: String,
    /// The publishing outlet; `None` when not known.
    pub outlet: Option<String>,
    /// The authors named by the article.
    pub authors: Vec<String>,
    /// Where the article was read.
    pub url: Option<String>,
    /// The day of publication; `None` when not known.
    pub published_on: Option<NaiveDate>,
}

/// The captured version a passage was quoted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportVersion {
    /// The version's id (UUID v7 text).
    pub id: String,
    /// 1 for the first capture, then 2, 3 …
    pub number: u32,
    /// SHA-256 of the version's text, lower-case hex: proof of exactly what was quoted.
    pub sha256: String,
    /// When the version was captured (UTC).
    pub captured_at: DateTime<Utc>,
}

/// Gathers the selected claims with their verdicts and evidence. Reads only.
pub fn gather(ws: &Workspace, selection: &Selection) -> Result<ReportData> {
    let conn = ws.conn();
    let settings = ws.settings().get()?;
    let scale = scale::list(conn)?;
    let mut claims = Vec::new();
    let mut cited: Vec<ReportSource> = Vec::new();
    // Many passages cite the same sources and versions: read each once.
    let mut versions: HashMap<String, ReportVersion> = HashMap::new();
    let mut later = passage_review::later_by_evidence(conn)?;
    for claim in select_claims(ws, selection)? {
        let verdict = scale
            .iter()
            .find(|v| v.key == claim.verdict)
            .cloned()
            .map_or_else(|| scale::find(conn, &claim.verdict), Ok)?;
        let mut evidence = Vec::new();
        for view in ws.evidence().list(Some(&claim.id))? {
            let e = view.evidence;
            let source = match cited.iter().find(|s| s.id == e.source_id) {
                Some(known) => known.clone(),
                None => {
                    let s = sources::get(conn, &e.source_id)?;
                    let source = ReportSource {
                        id: s.id,
                        title: s.title,
                        outlet: s.outlet,
                        authors: s.authors,
                        url: s.url.or(s.canonical_url),
                        published_on: s.published_on,
                    };
                    cited.push(source.clone());
                    source
                }
            };
            let version = match versions.get(&e.version_id) {
                Some(known) => known.clone(),
                None => {
                    let v = sources::version(conn, &e.version_id)?;
                    let version = ReportVersion {
                        id: v.id,
                        number: v.number,
                        sha256: v.sha256,
                        captured_at: v.captured_at,
                    };
                    versions.insert(e.version_id.clone(), version.clone());
                    version
                }
            };
            let later = later.remove(&e.id).map(|(r, kept)| report_later(&r, kept));
            evidence.push(ReportEvidence {
                later,
                id: e.id,
                stance: e.stance,
                quote: e.exact,
                prefix: e.prefix,
                suffix: e.suffix,
                start: e.start,
                end: e.end,
                note: e.note,
                source,
                version,
            });
        }
        claims.push(ReportClaim {
            id: claim.id,
            statement: claim.statement,
            claimant: claim.claimant,
            claimed_on: claim.claimed_on,
            event_on: claim.event_on,
            tags: claim.tags,
            verdict,
            rationale: claim.rationale,
            created_at: claim.created_at,
            updated_at: claim.updated_at,
            evidence,
        });
    }
    cited.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(ReportData {
        schema: super::REPORT_SCHEMA.into(),
        publisher: settings.publisher,
        report_base_url: settings.report_base_url,
        selection: selection.clone(),
        scale,
        claims,
        sources: cited,
    })
}

/// The report's account of a passage in a later version.
fn report_later(r: &PassageReview, kept: bool) -> ReportLater {
    let mut summary = match r.status {
        PassageStatus::Unchanged => format!("Unchanged in version {}", r.version),
        PassageStatus::Edited => format!(
            "Version {} changed this passage: {}",
            r.version,
            anchor::summary(&r.diff)
        ),
        PassageStatus::Gone => format!("No longer in version {}", r.version),
    };
    if kept {
        summary.push_str(&format!("; kept as read in version {}", r.read_in_version));
    }
    summary.push('.');
    ReportLater {
        version: r.version,
        status: r.status,
        words: r.found.as_ref().map(|a| a.exact.clone()),
        kept,
        summary,
    }
}
