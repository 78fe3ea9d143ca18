//! A capture that matches a source already stored (the same text, or a new
//! version of the same page) keeps that source's details: the title, outlet
//! and other fields the user gave with it are not applied. This names them,
//! so the user can be told and pointed to the details edit instead of
//! having them dropped silently.

use serde::{Deserialize, Serialize};

use super::into_workspace::Corrections;
use crate::model::{AddOutcome, SourceAdded};

/// A detail given with a capture that the stored source did not take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NotApplied {
    /// The source's field, as in its JSON: `title`, `outlet`, `authors`,
    /// `url`, `published_on` or `language`.
    pub field: String,
    /// What the user gave.
    pub given: String,
    /// What the source keeps (absent when it has none).
    pub stored: Option<String>,
}

/// The corrections that differ from what the matched source holds; empty
/// when the capture made a new source (which took them all).
pub fn corrections_not_applied(added: &SourceAdded, corrections: &Corrections) -> Vec<NotApplied> {
    if added.outcome == AddOutcome::NewSource {
        return Vec::new();
    }
    let s = &added.source;
    let joined = |v: &[String]| (!v.is_empty()).then(|| v.join(", "));
    let candidates = [
        ("title", corrections.title.clone(), Some(s.title.clone())),
        ("outlet", corrections.outlet.clone(), s.outlet.clone()),
        ("authors", joined(&corrections.authors), joined(&s.authors)),
        ("url", corrections.url.clone(), s.url.clone()),
        (
            "published_on",
            corrections.published_on.map(|d| d.to_string()),
            s.published_on.map(|d| d.to_string()),
        ),
        ("language", corrections.language.clone(), s.language.clone()),
    ];
    candidates
        .into_iter()
        .filter_map(|(field, given, stored)| {
            let given = given
                .map(|g| g.trim().to_string())
                .filter(|g| !g.is_empty())?;
            (stored.as_deref() != Some(given.as_str())).then(|| NotApplied {
                field: field.to_string(),
                given,
                stored,
            })
        })
        .collect()
}
