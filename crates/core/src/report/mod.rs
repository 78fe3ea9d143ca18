//! Reports: a chosen set of claims with their verdicts and the passages
//! behind them, rendered as Markdown, HTML, CSV, JSON or schema.org
//! ClaimReview JSON-LD. (ClaimReview import is in [`crate::exchange`].)
//!
//! The app's Export… dialog and `claimdesk report` both call [`export`](crate::report::export):
//!
//! ```
//! use claimdesk_core::{Workspace, model::NewClaim};
//! use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
//! let dir = tempfile::tempdir().unwrap();
//! let ws = Workspace::create(dir.path().join("desk.sqlite")).unwrap();
//! ws.claims().add(NewClaim { statement: "The bridge opened in May".into(), ..Default::default() }).unwrap();
//! let report = report::export(&ws, &ReportRequest { format: ReportFormat::Markdown, selection: Selection::default() }).unwrap();
//! assert!(report.content.contains("The bridge opened in May"));
//! assert_eq!(report.file_name, "claimdesk-report.md");
//! ```

mod claimreview;
mod csv;
pub(crate) mod data;
mod html;
mod json;
mod markdown;

pub use crate::selection::Selection;

use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::save::{SaveRules, save_text};
use crate::workspace::Workspace;

pub use data::{ReportClaim, ReportData, ReportEvidence, ReportSource, ReportVersion, gather};
pub use json::REPORT_SCHEMA;

/// The formats a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// Markdown for pasting into a CMS; diff-friendly.
    Markdown,
    /// One self-contained, printable HTML file: inline CSS, no scripts.
    Html,
    /// One row per claim, RFC 4180.
    Csv,
    /// The whole selection in the `claimdesk.report/1` schema.
    Json,
    /// schema.org ClaimReview JSON-LD, one per claim.
    #[serde(rename = "claimreview")]
    ClaimReview,
}

impl ReportFormat {
    /// Every format, in menu order.
    pub const ALL: [ReportFormat; 5] = [
        ReportFormat::Markdown,
        ReportFormat::Html,
        ReportFormat::Csv,
        ReportFormat::Json,
        ReportFormat::ClaimReview,
    ];

    /// The name shown in a menu, e.g. "ClaimReview JSON-LD".
    pub fn label(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "Markdown",
            ReportFormat::Html => "HTML",
            ReportFormat::Csv => "CSV",
            ReportFormat::Json => "JSON",
            ReportFormat::ClaimReview => "ClaimReview JSON-LD",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "md",
            ReportFormat::Html => "html",
            ReportFormat::Csv => "csv",
            ReportFormat::Json => "json",
            ReportFormat::ClaimReview => "jsonld",
        }
    }

    /// The media type of the content.
    pub fn media_type(self) -> &'static str {
        match self {
            ReportFormat::Markdown => "text/markdown; charset=utf-8",
            ReportFormat::Html => "text/html; charset=utf-8",
            ReportFormat::Csv => "text/csv; charset=utf-8",
            ReportFormat::Json => "application/json",
            ReportFormat::ClaimReview => "application/ld+json",
        }
    }
}

impl FromStr for ReportFormat {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim().to_lowercase().as_str() {
            "md" | "markdown" => Ok(ReportFormat::Markdown),
            "html" | "htm" => Ok(ReportFormat::Html),
            "csv" => Ok(ReportFormat::Csv),
            "json" => Ok(ReportFormat::Json),
            "claimreview" | "claim_review" | "jsonld" | "json-ld" => Ok(ReportFormat::ClaimReview),
            other => Err(Error::invalid(format!(
                "unknown report format {other:?}: use md, html, csv, json or claimreview"
            ))),
        }
    }
}

/// What to export.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportRequest {
    /// The format to render.
    pub format: ReportFormat,
    #[serde(default)]
    /// Which claims to include; every claim when empty.
    pub selection: Selection,
}

/// A rendered report: the preview and the file's content are the same text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    /// The format it is rendered in.
    pub format: ReportFormat,
    /// The whole file, UTF-8.
    pub content: String,
    /// How many claims it holds.
    pub claim_count: u32,
    /// A file name to offer in a save dialog, e.g. `claimdesk-report.html`.
    pub file_name: String,
    /// The media type to save it with, e.g. `text/markdown; charset=utf-8`.
    pub media_type: String,
}

/// Gathers the selected claims once and renders them in the requested
/// format. Reads only; nothing in the workspace changes. Refuses an empty
/// selection, and ClaimReview without a `report_base_url` setting.
pub fn export(ws: &Workspace, request: &ReportRequest) -> Result<Report> {
    let data = gather(ws, &request.selection)?;
    if data.claims.is_empty() {
        return Err(Error::not_found(format!(
            "no claims match the selection ({}); nothing to export",
            request.selection.describe()
        )));
    }
    let content = render(&data, request.format)?;
    Ok(Report {
        format: request.format,
        claim_count: u32::try_from(data.claims.len()).unwrap_or(u32::MAX),
        file_name: format!("claimdesk-report.{}", request.format.extension()),
        media_type: request.format.media_type().into(),
        content,
    })
}

impl Report {
    /// Saves the content to `path` (whole file or nothing), refusing what
    /// `rules` protect: see [`save_text`].
    pub fn save(&self, path: &std::path::Path, rules: SaveRules<'_>) -> Result<()> {
        save_text(path, &self.content, rules)
    }
}

/// Renders gathered data in one format.
pub fn render(data: &ReportData, format: ReportFormat) -> Result<String> {
    match format {
        ReportFormat::Markdown => Ok(markdown::render(data)),
        ReportFormat::Html => html::render(data),
        ReportFormat::Csv => csv::render(data),
        ReportFormat::Json => json::render(data),
        ReportFormat::ClaimReview => claimreview::render(data),
    }
}

/// Keeps a link only when it is an http(s) URL, so exported documents never
/// carry `javascript:` or `data:` links from stored data.
pub(crate) fn web_link(url: Option<&str>) -> Option<&str> {
    let url = url?.trim();
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_parse_from_their_names_and_unknown_ones_are_refused() {
        for f in ReportFormat::ALL {
            assert_eq!(f.extension().parse::<ReportFormat>().ok(), Some(f));
        }
        assert_eq!(
            "MD".parse::<ReportFormat>().ok(),
            Some(ReportFormat::Markdown)
        );
        let err = "pdf".parse::<ReportFormat>().err().map(|e| e.to_string());
        assert!(err.is_some_and(|m| m.contains("use md, html, csv, json or claimreview")));
    }

    #[test]
    fn only_web_links_are_kept() {
        assert_eq!(
            web_link(Some(" https://a.example/x ")),
            Some("https://a.example/x")
        );
        assert_eq!(web_link(Some("JavaScript:alert(1)")), None);
        assert_eq!(web_link(Some("data:text/html,<b>")), None);
        assert_eq!(web_link(None), None);
    }
}
