//! Captures into the workspace: a file, a URL or a batch becomes a source, or
//! a new version of the source with the same canonical URL when its text
//! changed. The HTML snapshot is kept beside the text.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::batch::{BatchInput, BatchSummary, Expanded, Imported, Progress, run_batch};
use super::fetch::{FetchOptions, fetch_and_capture};
use super::{Captured, Warning, capture_file};
use crate::model::{NewSource, SourceAdded};
use crate::store::write_group::WriteGroup;
use crate::web_address::web_address;
use crate::{Error, Result, Workspace};

/// What the user says about a source, overriding what the capture found.
/// Empty fields (and an empty author list) keep the captured value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Corrections {
    /// A better title than the page gave.
    pub title: Option<String>,
    /// The publishing outlet.
    pub outlet: Option<String>,
    /// The authors, replacing those found on the page.
    pub authors: Vec<String>,
    /// Where the source was read, instead of the URL the capture found.
    pub url: Option<String>,
    /// The day of publication.
    pub published_on: Option<NaiveDate>,
    /// A BCP 47 language tag such as `en`.
    pub language: Option<String>,
}

/// A capture as stored, with what the user should check about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct CaptureAdded {
    /// The source and the version that were created or matched.
    pub added: SourceAdded,
    /// Things to check, e.g. that almost no article text was found.
    pub warnings: Vec<Warning>,
}

/// Store a capture. `requested_url` is the URL the user asked for, if any.
/// A corrected URL must be a web address (see [`web_address`]).
///
/// Same canonical URL as a stored source: a new version only when the text
/// differs from its latest version; same text: nothing written. A capture without any text is
/// refused (nothing is stored) rather than kept as an empty article.
pub fn add_captured(
    ws: &Workspace,
    captured: Captured,
    requested_url: Option<&str>,
    corrections: &Corrections,
) -> Result<CaptureAdded> {
    if captured.text.trim().is_empty() {
        return Err(Error::invalid(format!(
            "no text found in {}; nothing was stored. Open the page in a browser, copy the article and add it as a text file",
            requested_url
                .or(captured.meta.identity_url())
                .unwrap_or("this page")
        )));
    }
    if let Some(url) = corrections.url.as_deref().filter(|u| !u.trim().is_empty()) {
        web_address("the source URL", url)?;
    }
    let warnings = captured.warnings.clone();
    let added = ws
        .sources()
        .add(new_source(captured, requested_url, corrections))?;
    Ok(CaptureAdded { added, warnings })
}

/// Capture a file (HTML, Markdown, text, PDF) and store it.
pub fn add_file(
    ws: &Workspace,
    path: &std::path::Path,
    corrections: &Corrections,
) -> Result<CaptureAdded> {
    let captured = capture_file(path)?;
    add_captured(ws, captured, None, corrections)
}

/// Fetch a URL, capture what it serves and store it.
pub fn add_url(
    ws: &Workspace,
    url: &str,
    options: &FetchOptions,
    corrections: &Corrections,
) -> Result<CaptureAdded> {
    let captured = fetch_and_capture(url, options)?;
    add_captured(ws, captured, Some(url.trim()), corrections)
}

/// Import every input of a batch into the workspace, reporting progress and
/// continuing past failures (see [`run_batch`]).
///
/// The writes are grouped into a few transactions (see [`WriteGroup`]), each
/// input in its own savepoint, so a failing input leaves nothing behind and
/// the batch is much faster than one transaction per input. Should a group's
/// commit fail (a full disk), its inputs are moved to the summary's `failed`
/// with the reason: the returned summary says what the workspace holds.
pub fn import(
    ws: &Workspace,
    expanded: &Expanded,
    options: &FetchOptions,
    progress: impl FnMut(&Progress),
) -> BatchSummary {
    let mut group = WriteGroup::new(ws.conn());
    // Inputs stored since the group's last commit, and those a failed commit lost.
    let mut pending: Vec<String> = Vec::new();
    let mut lost: Vec<(Vec<String>, String)> = Vec::new();
    let mut summary = run_batch(
        &expanded.inputs,
        &expanded.skipped,
        |input| {
            let captured = input.capture(options)?;
            group.begin()?;
            let imported = store_input(ws, input, captured)?;
            pending.push(input.label());
            if group.wrote() {
                match group.commit() {
                    Ok(()) => pending.clear(),
                    Err(e) => lost.push((std::mem::take(&mut pending), e.to_string())),
                }
            }
            Ok(imported)
        },
        progress,
    );
    if let Err(e) = group.commit() {
        lost.push((pending, e.to_string()));
    }
    for (labels, reason) in lost {
        summary.not_stored(&labels, &reason);
    }
    summary
}

/// Store the capture of one batch input, as [`import`] does for each. Split
/// from the capture so a caller can read or fetch without holding the
/// workspace and take it only for this short write.
pub fn store_input(ws: &Workspace, input: &BatchInput, captured: Captured) -> Result<Imported> {
    let url = match input {
        BatchInput::Url(u) => Some(u.trim()),
        BatchInput::File(_) => None,
    };
    let stored = add_captured(ws, captured, url, &Corrections::default())?;
    Ok(Imported {
        outcome: stored.added.outcome,
        source_id: stored.added.source.id,
        warnings: stored.warnings.into_iter().map(|w| w.message).collect(),
    })
}

/// The store's view of a capture, with the user's corrections applied.
pub fn new_source(
    captured: Captured,
    requested_url: Option<&str>,
    corrections: &Corrections,
) -> NewSource {
    let meta = captured.meta;
    let url = corrections
        .url
        .clone()
        .or_else(|| meta.final_url.clone())
        .or_else(|| requested_url.map(str::to_owned))
        .or_else(|| meta.canonical_url.clone());
    NewSource {
        title: corrections.title.clone().or(meta.title).unwrap_or_default(),
        outlet: corrections.outlet.clone().or(meta.site_name),
        authors: if corrections.authors.is_empty() {
            meta.authors
        } else {
            corrections.authors.clone()
        },
        url,
        canonical_url: meta.canonical_url,
        published_on: corrections.published_on.or(meta.published),
        modified_on: meta.modified,
        language: corrections.language.clone().or(meta.language),
        text: captured.text,
        html: captured.html,
        final_url: meta.final_url,
    }
}
