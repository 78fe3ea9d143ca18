//! Evidence suggestions: given a claim, the passages across all sources (their
//! latest versions) most likely to support or dispute it, ranked by the
//! claim's content words, names, numbers and dates, skipping passages already
//! linked to it; each with the fact checks of [`crate::text::facts`] against
//! the claim's statement (same number / number differs, same date / date
//! differs, names differ, quoted).

use chrono::NaiveDate;
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use super::index::CharCursor;
use crate::Workspace;
use crate::error::{Error, Result};
use crate::store::parse_date;
use crate::text::facts::{self, Facts, Mentions, NumberFact};
use crate::text::tokens::{self, is_stopword, lowercase};

/// Most suggestions one request returns.
pub const MAX_SUGGESTIONS: u32 = 100;
/// Suggestions returned when the request does not say.
pub const DEFAULT_SUGGESTIONS: u32 = 10;
/// Candidates read from the index per suggestion returned, re-ranked by their facts.
const CANDIDATES_PER_SUGGESTION: u32 = 4;
/// Most claim words sent to the index.
const MAX_WORDS: usize = 24;

/// Suggestions for one claim, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestions {
    /// The claim's id.
    pub claim: String,
    /// The passages, best first.
    pub suggestions: Vec<Suggestion>,
}

/// A passage that may bear on the claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Suggestion {
    /// The source's id.
    pub source: String,
    /// The version number (the source's latest).
    pub version: u32,
    /// The sentence.
    pub text: String,
    /// Code point where the sentence starts in the version's text.
    pub start: u32,
    /// Code point just past the sentence.
    pub end: u32,
    /// How likely it bears on the claim, 0 to 1 (higher is better).
    pub score: f64,
    /// The source's outlet, when known.
    pub outlet: Option<String>,
    /// The source's title.
    pub title: String,
    /// The day the source was published, when known.
    pub published: Option<NaiveDate>,
    /// What agrees and what differs between the claim's statement and the passage.
    pub checks: Vec<Check>,
}

/// What a check compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A number and its unit ("five hours").
    Number,
    /// A date, placed on the calendar against the claim's and the source's days.
    Date,
    /// Names of people, places or organisations.
    Names,
    /// The passage quotes someone on the claim's subject.
    Quote,
}

/// One fact check between the claim and a passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Check {
    /// What is compared.
    pub kind: CheckKind,
    /// True when the passage states the same ("same number"), false when it differs.
    pub agrees: bool,
    /// The claim's wording ("" when the check is about the passage alone, as a quote).
    pub claim: String,
    /// The passage's wording.
    pub passage: String,
}

/// The passages most likely to support or dispute a claim, best first.
/// A limit outside 1 to [`MAX_SUGGESTIONS`] is refused; a claim with no
/// word to look for gets no suggestions.
pub fn suggest(ws: &Workspace, claim: &str, limit: Option<u32>) -> Result<Suggestions> {
    let limit = limit.unwrap_or(DEFAULT_SUGGESTIONS);
    if !(1..=MAX_SUGGESTIONS).contains(&limit) {
        return Err(Error::invalid(format!(
            "the limit must be between 1 and {MAX_SUGGESTIONS}, not {limit}"
        )));
    }
    let claim = ws.claims().get(claim)?;
    let mut out = Suggestions {
        claim: claim.id.clone(),
        suggestions: Vec::new(),
    };
    let Some(fts) = claim_query(&claim.statement) else {
        return Ok(out);
    };
    let claim_facts = facts::extract(&claim.statement, claim.claimed_on.or(claim.event_on));
    let content = content_words(&claim.statement);
    let mut found = candidates(
        ws.conn(),
        &fts,
        &claim.id,
        limit * CANDIDATES_PER_SUGGESTION,
    )?;
    let best = found.iter().map(|s| s.score).fold(0.0_f64, f64::max);
    for s in &mut found {
        let passage_facts = facts::extract(&s.text, s.published);
        s.checks = checks(
            &claim.statement,
            &claim_facts,
            &s.text,
            &passage_facts,
            &content,
        );
        // Words carry the rank; each fact bearing on the claim lifts it.
        let bearing = s
            .checks
            .iter()
            .filter(|c| c.kind != CheckKind::Quote)
            .count();
        let words = if best > 0.0 { s.score / best } else { 0.0 };
        s.score = ((0.7 * words + 0.1 * bearing.min(3) as f64) * 1000.0).round() / 1000.0;
    }
    found.sort_by(|a, b| b.score.total_cmp(&a.score));
    found.truncate(limit as usize);
    out.suggestions = found;
    Ok(out)
}

/// The claim's content words (no function words), lowercased, once each.
fn content_words(statement: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in tokens::words(statement) {
        let lower = tokens::lowercase_without_possessive(w.text).into_owned();
        if lower.chars().count() < 2 && !lower.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if is_stopword(&lower) || words.contains(&lower) {
            continue;
        }
        words.push(lower);
    }
    words
}

/// Any of the claim's content words, as a safe FTS5 expression.
fn claim_query(statement: &str) -> Option<String> {
    let words: Vec<String> = content_words(statement)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(MAX_WORDS)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" OR "))
}

/// The best-matching sentences of latest versions not already linked to the claim.
fn candidates(conn: &Connection, fts: &str, claim_id: &str, n: u32) -> Result<Vec<Suggestion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT -f.rank, v.source_id, v.number, v.text, p.start, p.\"end\",
                s.outlet, s.title, s.published_on
         FROM passages_fts f
         JOIN passages p ON p.seq = f.rowid
         JOIN source_versions v ON v.id = p.version_id
         JOIN sources s ON s.id = v.source_id
         WHERE passages_fts MATCH ?1 AND p.latest = 1
           AND NOT EXISTS (SELECT 1 FROM evidence e
                           WHERE e.claim_id = ?2 AND e.removed_at IS NULL
                             AND e.version_id = p.version_id
                             AND e.start < p.\"end\" AND e.\"end\" > p.start)
         ORDER BY f.rank LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![fts, claim_id, n], |r| {
        let text: String = r.get(3)?;
        let (start, end): (u32, u32) = (r.get(4)?, r.get(5)?);
        let mut at = CharCursor::new(&text);
        let (from, to) = (at.at(start), at.at(end));
        Ok(Suggestion {
            score: r.get(0)?,
            source: r.get(1)?,
            version: r.get(2)?,
            text: text[from..to].to_string(),
            start,
            end,
            outlet: r.get(6)?,
            title: r.get(7)?,
            published: parse_date(r.get(8)?)?,
            checks: Vec::new(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The unit word of a number's surface ("hours" in "five hours"), if any.
fn unit(n: &NumberFact<'_>) -> Option<String> {
    let last = tokens::words(n.surface).last()?;
    let lower = lowercase(last.text);
    let is_number = facts::number_word(&lower).is_some() || facts::digit_value(&lower).is_some();
    (!is_number).then(|| tokens::stem(lower).into_owned())
}

/// The fact checks between the claim's statement and a passage.
fn checks(
    statement: &str,
    claim: &Facts<'_>,
    passage_text: &str,
    passage: &Facts<'_>,
    content: &[String],
) -> Vec<Check> {
    let mut out = Vec::new();
    let check = |kind, agrees, claim: &str, passage: &str| Check {
        kind,
        agrees,
        claim: claim.to_string(),
        passage: passage.to_string(),
    };
    for n in &claim.numbers {
        if let Some(same) = passage
            .numbers
            .iter()
            .find(|p| same_value(p.value, n.value))
        {
            out.push(check(CheckKind::Number, true, n.surface, same.surface));
        } else if let Some(other) = passage.numbers.iter().find(|p| match unit(n) {
            Some(u) => unit(p).as_deref() == Some(u.as_str()),
            None => true,
        }) {
            out.push(check(CheckKind::Number, false, n.surface, other.surface));
        }
    }
    for d in &claim.dates {
        if let Some(same) = passage.dates.iter().find(|p| p.value.same_as(&d.value)) {
            out.push(check(CheckKind::Date, true, d.surface, same.surface));
        } else if let Some(other) = passage.dates.first() {
            out.push(check(CheckKind::Date, false, d.surface, other.surface));
        }
    }
    let in_passage = Mentions::of([passage_text]);
    let in_claim = Mentions::of([statement]);
    let missing = claim
        .names
        .iter()
        .find(|n| !n.key.iter().any(|k| in_passage.mention(k)));
    let other = passage
        .names
        .iter()
        .find(|n| !n.key.iter().any(|k| in_claim.mention(k)));
    if let (Some(m), Some(o)) = (missing, other) {
        out.push(check(CheckKind::Names, false, m.surface, o.surface));
    }
    for q in &passage.quotes {
        let on_subject = tokens::words(q.text).any(|w| {
            content
                .iter()
                .any(|c| *c == tokens::lowercase_without_possessive(w.text))
        });
        if on_subject {
            out.push(check(CheckKind::Quote, true, "", q.text));
        }
    }
    out
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_different_count_of_the_same_unit_is_a_number_that_differs() {
        let claim = "The talks lasted five hours on Friday.";
        let passage = "Negotiators met for four hours before the talks broke up.";
        let c = facts::extract(claim, None);
        let p = facts::extract(passage, None);
        let got = checks(claim, &c, passage, &p, &content_words(claim));
        assert!(
            got.contains(&Check {
                kind: CheckKind::Number,
                agrees: false,
                claim: "five hours".into(),
                passage: "four hours".into()
            }),
            "{got:?}"
        );
    }

    #[test]
    fn the_same_number_written_differently_agrees() {
        let claim = "The plan has 28 points.";
        let passage = "The twenty-eight points of the plan were leaked.";
        let got = checks(
            claim,
            &facts::extract(claim, None),
            passage,
            &facts::extract(passage, None),
            &[],
        );
        assert!(
            got.iter().any(|c| c.kind == CheckKind::Number && c.agrees),
            "{got:?}"
        );
    }

    #[test]
    fn function_words_are_not_searched_for() {
        assert_eq!(
            content_words("The talks were in the city"),
            vec!["talks", "city"]
        );
        assert_eq!(claim_query("of the and"), None);
    }
}
