//! A claim made from a difference between two outlets: a draft prefilled from
//! both wordings for the user to edit, then the claim and one evidence link to
//! each side's sentence, written in one transaction. A sentence only one side
//! has (an omission, or a sentence added or removed in a later version) makes
//! a claim with that one passage.

use serde::{Deserialize, Serialize};

use super::DifferenceKind;
use super::view::{DifferenceView, SideInfo};
use crate::error::{Error, Result};
use crate::model::{ClaimDetail, NewClaim, PassagePick, Stance};
use crate::store::claim_with_passages;
use crate::workspace::Workspace;

/// What a draft is made from: the two sentences of a pair (or the one
/// sentence only one side has) and, when the user started from one, the
/// labelled difference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DraftRequest {
    /// The left side's source and version, named in the draft's notes.
    pub left: SideInfo,
    /// The left sentence; null when only the right side has the sentence.
    pub left_sentence: Option<String>,
    /// The right side's source and version, named in the draft's notes.
    pub right: SideInfo,
    /// The right sentence; null when only the left side has the sentence.
    pub right_sentence: Option<String>,
    /// The labelled difference the user started from; `None` when they
    /// started from the sentence pair itself. A difference of fact makes the
    /// right passage dispute the statement.
    pub difference: Option<DifferenceView>,
}

/// A claim prefilled from a difference, for the user to edit before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimDraft {
    /// The left outlet's wording, as a starting point.
    pub statement: String,
    /// Both wordings with their outlets, and the difference.
    pub notes: String,
    /// Suggested stance of the left passage towards the statement.
    pub left_stance: Stance,
    /// Suggested stance of the right passage.
    pub right_stance: Stance,
}

/// Drafts a claim from a pair of sentences. The statement starts as the left
/// wording, so the left passage supports it; when the outlets differ on a
/// fact (quote, number, date, name) the right passage disputes it, and for a
/// mere change of wording it is context. A sentence only one side has becomes
/// the statement, supported by that side, with the other side's silence noted.
pub fn draft_claim(req: &DraftRequest) -> Result<ClaimDraft> {
    let (left, right) = match (&req.left_sentence, &req.right_sentence) {
        (Some(l), Some(r)) => (l, r),
        (Some(only), None) => return Ok(draft_one_sided(&req.left, only, &req.right, true)),
        (None, Some(only)) => return Ok(draft_one_sided(&req.right, only, &req.left, false)),
        (None, None) => {
            return Err(Error::invalid(
                "pick a sentence to make the claim from; neither side has one",
            ));
        }
    };
    let fact = req
        .difference
        .as_ref()
        .filter(|d| d.kind != DifferenceKind::Wording);
    let mut notes = String::new();
    if let Some(d) = &req.difference {
        notes.push_str(&format!(
            "The outlets differ ({}): \"{}\" vs \"{}\".\n",
            d.kind.as_str(),
            d.left,
            d.right
        ));
    }
    for (side, sentence) in [(&req.left, left), (&req.right, right)] {
        notes.push_str(&format!("{}: \"{}\"\n", describe(side), sentence.trim()));
    }
    Ok(ClaimDraft {
        statement: left.trim().to_string(),
        notes: notes.trim_end().to_string(),
        left_stance: Stance::Supports,
        right_stance: if fact.is_some() {
            Stance::Disputes
        } else {
            Stance::Context
        },
    })
}

/// The draft for a sentence only `present` has: `present_is_left` says which
/// side of the comparison that is.
fn draft_one_sided(
    present: &SideInfo,
    sentence: &str,
    absent: &SideInfo,
    present_is_left: bool,
) -> ClaimDraft {
    let versions = present.source_id == absent.source_id;
    let silence = match (versions, present_is_left) {
        // The left side is the older version: its sentence was removed.
        (true, true) => format!(
            "Removed in version {} (it was in version {}).",
            absent.version, present.version
        ),
        (true, false) => format!(
            "Added in version {} (not in version {}).",
            present.version, absent.version
        ),
        (false, _) => format!(
            "Only {} reports this; {} does not.",
            present.label(),
            absent.label()
        ),
    };
    ClaimDraft {
        statement: sentence.trim().to_string(),
        notes: format!("{silence}\n{}: \"{}\"", describe(present), sentence.trim()),
        left_stance: Stance::Supports,
        right_stance: Stance::Supports,
    }
}

/// "Northern Ledger, version 2, published 2026-03-02".
fn describe(side: &SideInfo) -> String {
    let mut s = side.label().to_string();
    if side.version_count > 1 {
        s.push_str(&format!(", version {}", side.version));
    }
    if let Some(d) = side.published_on {
        s.push_str(&format!(", published {d}"));
    }
    s
}

/// A claim to create with one passage from each side of a comparison, or
/// from the one side that has a sentence the other lacks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimFromDifference {
    /// The claim to create (usually the edited [`ClaimDraft`]).
    pub claim: NewClaim,
    /// The left side's passage and its stance; `None` when only the right
    /// side has the sentence.
    pub left: Option<PassagePick>,
    /// The right side's passage and its stance; `None` when only the left
    /// side has the sentence.
    pub right: Option<PassagePick>,
}

/// Creates the claim and links its passages (both sides, or the one side
/// that has the sentence), all or nothing. Unknown sources or versions,
/// offsets outside the text, blank passages and no passage at all are refused
/// before anything is written.
pub fn create_claim_from_difference(
    ws: &Workspace,
    req: &ClaimFromDifference,
) -> Result<ClaimDetail> {
    let picks: Vec<(&PassagePick, String)> = [(&req.left, "left"), (&req.right, "right")]
        .into_iter()
        .filter_map(|(pick, side)| pick.as_ref().map(|p| (p, format!("the {side} passage"))))
        .collect();
    if picks.is_empty() {
        return Err(Error::invalid(
            "pick a passage to link; a claim from a comparison needs at least one",
        ));
    }
    claim_with_passages::create(ws, &req.claim, &picks, "created from a comparison")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(outlet: &str, version: u32, count: u32) -> SideInfo {
        SideInfo {
            // One source per outlet: the same outlet twice is two versions.
            source_id: outlet.into(),
            title: "Talks".into(),
            outlet: Some(outlet.into()),
            version,
            version_count: count,
            published_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
        }
    }

    #[test]
    fn a_number_difference_drafts_a_claim_the_right_side_disputes() {
        let d = draft_claim(&DraftRequest {
            left: side("Northern Ledger", 1, 1),
            left_sentence: Some("Talks lasted five hours.".into()),
            right: side("Coastal Wire", 2, 3),
            right_sentence: Some("Talks lasted four hours.".into()),
            difference: Some(DifferenceView {
                kind: DifferenceKind::Number,
                left: "five hours".into(),
                right: "four hours".into(),
            }),
        })
        .expect("draft");
        assert_eq!(d.statement, "Talks lasted five hours.");
        assert_eq!(
            (d.left_stance, d.right_stance),
            (Stance::Supports, Stance::Disputes)
        );
        assert_eq!(
            d.notes,
            "The outlets differ (number): \"five hours\" vs \"four hours\".\n\
             Northern Ledger, published 2026-03-02: \"Talks lasted five hours.\"\n\
             Coastal Wire, version 2, published 2026-03-02: \"Talks lasted four hours.\""
        );
    }

    #[test]
    fn a_change_of_wording_only_gives_context() {
        let d = draft_claim(&DraftRequest {
            left: side("A", 1, 1),
            left_sentence: Some("Talks ended.".into()),
            right: side("B", 1, 1),
            right_sentence: Some("The talks finished.".into()),
            difference: Some(DifferenceView {
                kind: DifferenceKind::Wording,
                left: "ended".into(),
                right: "finished".into(),
            }),
        })
        .expect("draft");
        assert_eq!(d.right_stance, Stance::Context);
    }

    #[test]
    fn a_sentence_only_one_outlet_has_drafts_a_claim_noting_the_others_silence() {
        let d = draft_claim(&DraftRequest {
            left: side("Northern Ledger", 1, 1),
            left_sentence: None,
            right: side("Coastal Wire", 1, 1),
            right_sentence: Some(" Farmers blocked the road. ".into()),
            difference: None,
        })
        .expect("draft");
        assert_eq!(d.statement, "Farmers blocked the road.");
        assert_eq!(
            d.notes,
            "Only Coastal Wire reports this; Northern Ledger does not.\n\
             Coastal Wire, published 2026-03-02: \"Farmers blocked the road.\""
        );
        assert_eq!(d.right_stance, Stance::Supports);
    }

    #[test]
    fn a_sentence_added_in_a_later_version_says_so() {
        let d = draft_claim(&DraftRequest {
            left: side("Northern Ledger", 1, 2),
            left_sentence: None,
            right: side("Northern Ledger", 2, 2),
            right_sentence: Some("Cyclists will be diverted.".into()),
            difference: None,
        })
        .expect("draft");
        assert!(
            d.notes
                .starts_with("Added in version 2 (not in version 1).\n"),
            "{}",
            d.notes
        );
    }

    #[test]
    fn a_draft_without_any_sentence_is_refused() {
        let err = draft_claim(&DraftRequest {
            left: side("A", 1, 1),
            left_sentence: None,
            right: side("B", 1, 1),
            right_sentence: None,
            difference: None,
        })
        .expect_err("nothing to draft from");
        assert_eq!(err.kind(), crate::ErrorKind::Invalid);
    }
}
