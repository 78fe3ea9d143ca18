//! The kinds of things that travel, in the order a batch applies them: what a
//! thing points at (a verdict, a source, a claim) comes before it.

use crate::error::{Error, Result};

/// One kind of thing in the change feed; `Change::entity` holds its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Entity {
    Scale,
    Settings,
    Source,
    Claim,
    ClaimReviewText,
    ClaimReviewImport,
    Evidence,
    Merge,
    DatePins,
}

impl Entity {
    /// The name the feed table and `Change::entity` use.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Entity::Scale => "scale",
            Entity::Settings => "settings",
            Entity::Source => "source",
            Entity::Claim => "claim",
            Entity::ClaimReviewText => "claimreview_text",
            Entity::ClaimReviewImport => "claimreview_import",
            Entity::Evidence => "evidence",
            Entity::Merge => "merge",
            Entity::DatePins => "date_pins",
        }
    }

    /// The kind named `name`; a name this release does not know is refused.
    pub(crate) fn parse(name: &str) -> Result<Self> {
        const ALL: [Entity; 9] = [
            Entity::Scale,
            Entity::Settings,
            Entity::Source,
            Entity::Claim,
            Entity::ClaimReviewText,
            Entity::ClaimReviewImport,
            Entity::Evidence,
            Entity::Merge,
            Entity::DatePins,
        ];
        ALL.into_iter().find(|e| e.as_str() == name).ok_or_else(|| {
            Error::invalid(format!(
                "a change of {name:?} is not something this Claimdesk knows; update Claimdesk; nothing was applied"
            ))
        })
    }
}

/// Settings that name this desk's own user or servers, which never travel.
pub(crate) fn is_local_setting(key: &str) -> bool {
    key == "user" || key.starts_with("sync_")
}
