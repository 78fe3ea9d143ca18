//! A claim made from a statement: a draft saying who said what (the first
//! wording), with a passage for each outlet's wording and its stance
//! suggested (the same words and speaker support it; other words or another
//! speaker dispute it), then the claim and its passages written in one
//! transaction.

use serde::{Deserialize, Serialize};

use super::WorkspaceQuotes;
use crate::error::{Error, Result};
use crate::model::{ClaimDetail, NewClaim, PassagePick, Stance};
use crate::store::claim_with_passages;
use crate::workspace::Workspace;

/// A claim prefilled from a statement, for the user to edit before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatementDraft {
    /// "Irena Vasko said “…”": the first wording and its speaker.
    pub statement: String,
    /// The speaker, as the claimant; `None` when no outlet names one.
    pub claimant: Option<String>,
    /// Every outlet's wording and speaker.
    pub notes: String,
    /// One passage per source: the quoted words, with the suggested stance.
    pub passages: Vec<PassagePick>,
}

/// Drafts a claim from group `group` of `found` (quotations of workspace sources).
pub fn draft_from_statement(found: &WorkspaceQuotes, group: usize) -> Result<StatementDraft> {
    let g = found.groups.get(group).ok_or_else(|| {
        Error::invalid(format!(
            "there is no statement {group}; pick one the list shows"
        ))
    })?;
    let first = g
        .quotes
        .first()
        .and_then(|&i| found.quotes.get(i))
        .ok_or_else(|| Error::invalid("the statement has no quotation"))?;
    let words = first.text.trim_end_matches(['.', ',', ';', ':']);
    let statement = match &first.speaker {
        Some(who) => format!("{who} said “{words}”"),
        None => format!("Quoted: “{words}”"),
    };
    let key = |s: &str| -> Vec<String> {
        crate::text::tokens::words(s)
            .map(|w| w.text.to_lowercase())
            .collect()
    };
    let first_words = key(&first.text);
    let mut passages: Vec<PassagePick> = Vec::new();
    let mut notes = Vec::new();
    for &i in &g.quotes {
        let Some(q) = found.quotes.get(i) else {
            continue;
        };
        let (Some(source), Some(version)) = (&q.source, q.version) else {
            return Err(Error::invalid(
                "a claim links passages of workspace sources; add the files as sources first",
            ));
        };
        notes.push(format!(
            "{}: “{}” — {}",
            q.outlet.as_deref().unwrap_or(source),
            q.text,
            q.speaker.as_deref().unwrap_or("speaker not told")
        ));
        if passages.iter().any(|p| &p.source == source) {
            continue;
        }
        let same_speaker =
            q.speaker.is_none() || first.speaker.is_none() || q.speaker == first.speaker;
        let stance = if key(&q.text) == first_words && same_speaker {
            Stance::Supports
        } else {
            Stance::Disputes
        };
        passages.push(PassagePick {
            source: source.clone(),
            version,
            start: u32::try_from(q.start).unwrap_or(u32::MAX),
            end: u32::try_from(q.end).unwrap_or(u32::MAX),
            stance,
        });
    }
    Ok(StatementDraft {
        statement,
        claimant: first.speaker.clone(),
        notes: notes.join("\n"),
        passages,
    })
}

/// What creating a claim from a statement needs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClaimFromStatement {
    /// The claim to create (usually the edited draft).
    pub claim: NewClaim,
    /// The passages to link, each with its stance; at least one.
    pub passages: Vec<PassagePick>,
}

/// Creates the claim and links every passage, all or nothing.
pub fn create_claim_from_statement(
    ws: &Workspace,
    req: &ClaimFromStatement,
) -> Result<ClaimDetail> {
    if req.passages.is_empty() {
        return Err(Error::invalid(
            "pick a wording to link; a claim from a statement needs at least one passage",
        ));
    }
    let picks: Vec<(&PassagePick, String)> = req
        .passages
        .iter()
        .enumerate()
        .map(|(n, pick)| (pick, format!("passage {}", n + 1)))
        .collect();
    claim_with_passages::create(ws, &req.claim, &picks, "created from a statement")
}
