//! Comparing what a workspace holds: sources named by id (or unique prefix),
//! optionally `ID@N` for one of their versions, loaded with the publication
//! day each side's dates are placed against.

use serde::{Deserialize, Serialize};

use super::view::{ComparisonView, OutletsComparison, SideInfo, comparison_view, outlets_view};
use super::{CompareOptions, ManyOptions, compare_many, compare_texts, compare_versions};
use crate::error::{Error, Result};
use crate::workspace::Workspace;

/// A source of the workspace, and which of its versions (the latest when `None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SourceRef {
    /// Source id or unique prefix.
    pub source: String,
    /// The version number (1 for the first capture); `None` for the latest.
    pub version: Option<u32>,
}

impl SourceRef {
    /// The latest version of `source`.
    pub fn latest(source: impl Into<String>) -> Self {
        SourceRef {
            source: source.into(),
            version: None,
        }
    }

    /// Reads `ID` or `ID@N`.
    ///
    /// ```
    /// use claimdesk_core::compare::SourceRef;
    /// let r = SourceRef::parse("01ab@2").unwrap();
    /// assert_eq!((r.source.as_str(), r.version), ("01ab", Some(2)));
    /// assert!(SourceRef::parse("01ab@two").is_err());
    /// ```
    pub fn parse(arg: &str) -> Result<Self> {
        match arg.split_once('@') {
            Some((id, n)) => {
                let n = n.parse::<u32>().ok().filter(|&n| n > 0).ok_or_else(|| {
                    Error::invalid(format!(
                        "{arg:?}: after @ comes a version number from 1, e.g. {id}@2"
                    ))
                })?;
                Ok(SourceRef {
                    source: id.to_string(),
                    version: Some(n),
                })
            }
            None => Ok(SourceRef::latest(arg)),
        }
    }
}

/// One side loaded from the workspace: which source and version, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedSide {
    /// The source and version this side is, as the comparison shows it.
    pub info: SideInfo,
    /// That version's stored text (normalised plain text).
    pub text: String,
}

/// The latest year a date chip's "same day if" may name: the reader's current year.
fn this_year() -> i32 {
    use chrono::Datelike;
    chrono::Local::now().year()
}

/// Loads the text of a source version with what the comparison needs to know of it.
pub fn load_side(ws: &Workspace, r: &SourceRef) -> Result<LoadedSide> {
    let source = ws.sources().get(&r.source)?;
    let version = ws.sources().version(&source.id, r.version)?;
    Ok(LoadedSide {
        info: SideInfo {
            source_id: source.id,
            title: source.title,
            outlet: source.outlet,
            version: version.number,
            version_count: source.version_count,
            published_on: source.published_on,
        },
        text: version.text,
    })
}

/// Compares two sources (or versions) of the workspace as different outlets.
pub fn compare_sources(
    ws: &Workspace,
    left: &SourceRef,
    right: &SourceRef,
) -> Result<ComparisonView> {
    let l = load_side(ws, left)?;
    let r = load_side(ws, right)?;
    let opts = CompareOptions {
        left_published: l.info.published_on,
        right_published: r.info.published_on,
    };
    let c = compare_texts(&l.text, &r.text, &opts);
    let mut view = comparison_view(
        &c,
        (l.info.clone(), &l.text),
        (r.info.clone(), &r.text),
        None,
    );
    view.add_date_chips(this_year());
    Ok(view)
}

/// Compares two versions of one source as an edit history: the first against
/// the latest unless numbers are given.
pub fn compare_source_versions(
    ws: &Workspace,
    source: &str,
    old: Option<u32>,
    new: Option<u32>,
) -> Result<ComparisonView> {
    let old = load_side(
        ws,
        &SourceRef {
            source: source.to_string(),
            version: Some(old.unwrap_or(1)),
        },
    )?;
    let new = load_side(
        ws,
        &SourceRef {
            source: source.to_string(),
            version: new,
        },
    )?;
    let opts = CompareOptions {
        left_published: old.info.published_on,
        right_published: new.info.published_on,
    };
    let v = compare_versions(&old.text, &new.text, &opts);
    let mut view = comparison_view(
        &v.comparison,
        (old.info.clone(), &old.text),
        (new.info.clone(), &new.text),
        Some(v.summary),
    );
    view.add_date_chips(this_year());
    Ok(view)
}

/// Compares each of `others` against `pivot` (one or more other sources).
pub fn compare_outlets(
    ws: &Workspace,
    pivot: &SourceRef,
    others: &[SourceRef],
) -> Result<OutletsComparison> {
    if others.is_empty() {
        return Err(Error::invalid(
            "choose at least one source to compare with the pivot",
        ));
    }
    let p = load_side(ws, pivot)?;
    let loaded = others
        .iter()
        .map(|r| load_side(ws, r))
        .collect::<Result<Vec<_>>>()?;
    if let Some(same) = loaded
        .iter()
        .find(|o| o.info.source_id == p.info.source_id && o.info.version == p.info.version)
    {
        return Err(Error::invalid(format!(
            "\"{}\" is the pivot; compare it with another source or version",
            same.info.title
        )));
    }
    let opts = ManyOptions {
        pivot_published: p.info.published_on,
        others_published: loaded.iter().map(|o| o.info.published_on).collect(),
    };
    let texts: Vec<&str> = loaded.iter().map(|o| o.text.as_str()).collect();
    let m = compare_many(&p.text, &texts, &opts);
    let mut view = outlets_view(
        &m,
        (p.info.clone(), &p.text),
        loaded
            .iter()
            .map(|o| (o.info.clone(), o.text.as_str()))
            .collect(),
    );
    let year = this_year();
    for outlet in &mut view.outlets {
        outlet.add_date_chips(year);
    }
    Ok(view)
}
