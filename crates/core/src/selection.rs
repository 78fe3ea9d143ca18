//! Which claims a report or a bundle covers: a tag, a verdict, chosen ids.
//! Both `report` and `bundle` read it, so it belongs to neither.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{Claim, ClaimFilter, ClaimSort};
use crate::workspace::Workspace;

/// Which claims go into a report or bundle. Every given part must hold (they
/// narrow each other); an empty selection means every claim.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Selection {
    /// Only claims with this tag.
    pub tag: Option<String>,
    /// Only claims with this verdict (key or label).
    pub verdict: Option<String>,
    /// Only these claims (ids or unique prefixes), e.g. those selected in the list.
    #[serde(default)]
    pub claims: Vec<String>,
}

impl Selection {
    /// True when nothing narrows the selection: every claim.
    pub fn is_all(&self) -> bool {
        blank(&self.tag) && blank(&self.verdict) && self.claims.is_empty()
    }

    /// Words for messages, e.g. "tag ferry, verdict false".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = self.tag.as_deref().filter(|t| !t.trim().is_empty()) {
            parts.push(format!("tag {t}"));
        }
        if let Some(v) = self.verdict.as_deref().filter(|v| !v.trim().is_empty()) {
            parts.push(format!("verdict {v}"));
        }
        if !self.claims.is_empty() {
            parts.push(format!("{} chosen claim(s)", self.claims.len()));
        }
        if parts.is_empty() {
            "all claims".into()
        } else {
            parts.join(", ")
        }
    }
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// The live claims a selection names, oldest first. Unknown verdicts and
/// ids are errors; a tag nobody uses selects nothing.
pub(crate) fn select_claims(ws: &Workspace, selection: &Selection) -> Result<Vec<Claim>> {
    let filter = ClaimFilter {
        text: None,
        verdict: selection.verdict.clone(),
        tag: selection.tag.clone(),
        sort: ClaimSort::Created,
        conflicts: false,
    };
    let mut claims = ws.claims().list(&filter)?;
    claims.reverse();
    if !selection.claims.is_empty() {
        let mut wanted = Vec::new();
        for id in &selection.claims {
            // `get` refuses unknown, ambiguous and deleted claims with a message.
            wanted.push(ws.claims().get(id)?.id);
        }
        claims.retain(|c| wanted.contains(&c.id));
    }
    Ok(claims)
}
