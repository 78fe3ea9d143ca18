//! Quotations of what a workspace holds (or of texts given directly): each
//! text's quotations found, grouped across texts, and filtered by publication
//! day or speaker; and the check-worthy sentences of one source, with the
//! desk's claims as what it chose to check before.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::checkworthy::{CheckworthySentence, checkworthy};
use super::{Group, Quote, find_quotes, group};
use crate::compare::{SourceRef, load_side};
use crate::error::{Error, Result};
use crate::model::ClaimFilter;
use crate::workspace::Workspace;

/// Which quotations to show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceQuotesRequest {
    /// Sources (id or unique prefix, `ID@N` for a version); empty for every source.
    pub sources: Vec<String>,
    /// Only sources published on this day.
    pub published: Option<NaiveDate>,
    /// Only statements one of whose wordings this person is said to have spoken
    /// (a full name or one of its words, any case).
    pub speaker: Option<String>,
}

/// Where a text of the quotations came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteOrigin {
    /// The FILE argument at this position.
    File(usize),
    /// A source version of the workspace, with its outlet.
    Source {
        /// The source's id.
        id: String,
        /// The version's number.
        version: u32,
        /// The outlet, when known.
        outlet: Option<String>,
    },
}

/// Every quotation and the statements they form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceQuotes {
    /// The quotations, text by text, in order.
    pub quotes: Vec<Quote>,
    /// The statements: groups of `quotes` indices.
    pub groups: Vec<Group>,
}

/// The quotations of `texts`, each from `origins[i]`, grouped, and only the
/// statements `speaker` spoke in some wording when a speaker is given.
pub fn quotes_of_texts(
    texts: &[&str],
    origins: &[QuoteOrigin],
    speaker: Option<&str>,
) -> WorkspaceQuotes {
    let mut per_text: Vec<Vec<Quote>> = texts.iter().map(|t| find_quotes(t)).collect();
    for (quotes, origin) in per_text.iter_mut().zip(origins) {
        for q in quotes {
            set_origin(origin, &mut q.file, &mut q.source, &mut q.version);
            if let QuoteOrigin::Source { outlet, .. } = origin {
                q.outlet.clone_from(outlet);
            }
        }
    }
    let grouped = group(texts, &mut per_text);
    let mut quotes: Vec<Quote> = per_text.into_iter().flatten().collect();
    let mut groups = grouped.groups;
    for g in &mut groups {
        for p in &mut g.paraphrases {
            if let Some(origin) = origins.get(p.doc) {
                set_origin(origin, &mut p.file, &mut p.source, &mut p.version);
            }
        }
    }
    if let Some(name) = speaker {
        (quotes, groups) = by_speaker(quotes, groups, name);
    }
    WorkspaceQuotes { quotes, groups }
}

fn set_origin(
    origin: &QuoteOrigin,
    file: &mut Option<usize>,
    source: &mut Option<String>,
    version: &mut Option<u32>,
) {
    match origin {
        QuoteOrigin::File(i) => *file = Some(*i),
        QuoteOrigin::Source { id, version: n, .. } => {
            *source = Some(id.clone());
            *version = Some(*n);
        }
    }
}

/// True when `name` is `speaker` or one of its words, ignoring case.
fn names(speaker: &str, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    let speaker = speaker.to_lowercase();
    speaker == name || speaker.split(' ').any(|w| w == name)
}

/// Keeps the groups one of whose quotations `name` spoke, with all their
/// quotations (so the other speakers stay visible), renumbered. A quotation
/// in two kept groups is kept once.
fn by_speaker(quotes: Vec<Quote>, groups: Vec<Group>, name: &str) -> (Vec<Quote>, Vec<Group>) {
    let mut kept_groups: Vec<Group> = groups
        .into_iter()
        .filter(|g| {
            g.quotes.iter().any(|&i| {
                quotes
                    .get(i)
                    .and_then(|q| q.speaker.as_deref())
                    .is_some_and(|s| names(s, name))
            })
        })
        .collect();
    let mut new_index: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut order = Vec::new();
    for g in &mut kept_groups {
        for i in &mut g.quotes {
            let slot = &mut new_index[*i];
            if slot.is_none() {
                *slot = Some(order.len());
                order.push(*i);
            }
            *i = slot.unwrap_or_default();
        }
    }
    let mut slots: Vec<Option<Quote>> = quotes.into_iter().map(Some).collect();
    let kept_quotes = order.into_iter().filter_map(|i| slots[i].take()).collect();
    (kept_quotes, kept_groups)
}

/// The quotations of the workspace's sources (all, or those `request` names),
/// grouped across them.
pub fn workspace_quotes(
    ws: &Workspace,
    request: &WorkspaceQuotesRequest,
) -> Result<WorkspaceQuotes> {
    let refs: Vec<SourceRef> = if request.sources.is_empty() {
        // Oldest capture first, so that the first wording of a statement is the earliest.
        let mut sources = ws.sources().list()?;
        sources.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
        sources
            .into_iter()
            .map(|s| SourceRef::latest(s.id))
            .collect()
    } else {
        request
            .sources
            .iter()
            .map(|s| SourceRef::parse(s))
            .collect::<Result<_>>()?
    };
    let mut texts = Vec::with_capacity(refs.len());
    let mut origins = Vec::with_capacity(refs.len());
    for r in &refs {
        let side = load_side(ws, r)?;
        if request.published.is_some() && side.info.published_on != request.published {
            continue;
        }
        origins.push(QuoteOrigin::Source {
            id: side.info.source_id,
            version: side.info.version,
            outlet: side.info.outlet,
        });
        texts.push(side.text);
    }
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    Ok(quotes_of_texts(
        &borrowed,
        &origins,
        request.speaker.as_deref(),
    ))
}

/// The check-worthy sentences of one source version, best first, with the
/// statements of the desk's claims as what it checked before; at most `limit`.
pub fn source_checkworthy(
    ws: &Workspace,
    source: &str,
    limit: Option<usize>,
) -> Result<Vec<CheckworthySentence>> {
    if limit == Some(0) {
        return Err(Error::invalid("the limit of sentences must be at least 1"));
    }
    let side = load_side(ws, &SourceRef::parse(source)?)?;
    let claims = ws.claims().list(&ClaimFilter::default())?;
    let statements: Vec<&str> = claims.iter().map(|c| c.statement.as_str()).collect();
    let mut ranked = checkworthy(&side.text, side.info.published_on, &statements);
    if let Some(n) = limit {
        ranked.truncate(n);
    }
    Ok(ranked)
}
