//! Statements worth checking: the sentences of a text ranked by transparent
//! rules. What makes a claim checkable counts for it (numbers and quantities,
//! comparisons, dates, named actors, attributed statements, causal claims);
//! what does not counts against it (opinion, hedges, questions, predictions,
//! anecdotes). A sentence like the claims this desk checked before counts for
//! it too. Every reason is shown with the words that gave it.

use chrono::NaiveDate;
use rustc_hash::FxHashSet;
use serde::Serialize;

use super::CodePoints;
use super::cues;
use crate::text::facts::extract;
use crate::text::{segment, tokens};

/// Why a sentence counts for or against being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// A number or quantity ("4,000 troops", "five hours").
    Number,
    /// A comparison ("more than", "the largest").
    Comparison,
    /// A date or day.
    Date,
    /// A named person, place or organisation.
    NamedActor,
    /// Words attributed to someone ("said", "according to").
    Attributed,
    /// A cause and effect ("because", "led to").
    Causal,
    /// An opinion or judgement ("I think", "disgraceful").
    Opinion,
    /// A hedge ("may", "perhaps").
    Hedge,
    /// A question.
    Question,
    /// A prediction ("will", "is expected to").
    Prediction,
    /// An anecdote ("I remember", "once").
    Anecdote,
    /// Like a claim this desk checked before.
    CheckedBefore,
}

impl ReasonKind {
    /// How much the reason adds to (or takes from) a sentence's score.
    pub fn weight(self) -> i32 {
        match self {
            ReasonKind::Number => 3,
            ReasonKind::Comparison | ReasonKind::Attributed | ReasonKind::Causal => 2,
            ReasonKind::CheckedBefore => 2,
            ReasonKind::Date | ReasonKind::NamedActor => 1,
            ReasonKind::Opinion | ReasonKind::Prediction => -2,
            ReasonKind::Question => -3,
            ReasonKind::Hedge | ReasonKind::Anecdote => -1,
        }
    }
}

/// One reason, with the words of the sentence that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reason {
    /// What the rule found.
    pub kind: ReasonKind,
    /// What it adds to the score (negative when it counts against).
    pub weight: i32,
    /// The words that gave it ("4,000", "more than", "said").
    pub words: String,
}

/// A sentence with its score and reasons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CheckworthySentence {
    /// The sentence as written.
    pub text: String,
    /// Code point offset of the sentence in the text.
    pub start: usize,
    /// Code point offset just past it.
    pub end: usize,
    /// The sum of the reasons' weights; higher is more worth checking.
    pub score: i32,
    /// Every reason, in the order of the rules.
    pub reasons: Vec<Reason>,
}

const COMPARISONS: &[&str] = &[
    "as many as",
    "biggest",
    "doubled",
    "fewer than",
    "halved",
    "higher than",
    "highest",
    "largest",
    "less than",
    "lowest",
    "more than",
    "most",
    "record",
    "smaller than",
    "smallest",
    "than",
    "tripled",
];
const CAUSAL: &[&str] = &[
    "as a result",
    "because",
    "caused",
    "due to",
    "led to",
    "leads to",
    "resulted in",
    "thanks to",
];
const OPINION: &[&str] = &[
    "awful",
    "best",
    "disgraceful",
    "i believe",
    "i feel",
    "i think",
    "in my view",
    "must",
    "ought",
    "should",
    "shameful",
    "terrible",
    "we believe",
    "wonderful",
    "worst",
];
const HEDGES: &[&str] = &[
    "allegedly",
    "apparently",
    "could",
    "might",
    "may",
    "perhaps",
    "possibly",
    "probably",
    "reportedly",
    "seems",
    "seemed",
];
const PREDICTIONS: &[&str] = &[
    "is expected to",
    "are expected to",
    "forecast",
    "likely to",
    "next year",
    "will",
    "would",
];
const ANECDOTES: &[&str] = &[
    "i remember",
    "i recall",
    "once upon",
    "one day",
    "years ago",
];

/// The first phrase of `list` in `lower` (a lowercased sentence, words between spaces).
fn first_phrase(lower: &str, list: &[&str]) -> Option<String> {
    list.iter()
        .find(|p| {
            lower.match_indices(*p).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + p.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .map(|p| p.to_string())
}

/// The content words of a text, stemmed: what "like a claim checked before" compares.
fn content_words(text: &str) -> FxHashSet<String> {
    tokens::words(text)
        .map(|w| tokens::stem(tokens::lowercase(w.text)).into_owned())
        .filter(|w| !tokens::is_stopword(w))
        .collect()
}

/// The sentences of `text` worth checking, best first (ties in text order),
/// only those scoring above zero. `published` places relative dates;
/// `checked_before` are statements of claims this desk already checked.
///
/// ```
/// use claimdesk_core::quotes::checkworthy::checkworthy;
/// let ranked = checkworthy("I think it was lovely. Exports fell 12% in 2024 because of the port strike.", None, &[]);
/// assert_eq!(ranked.len(), 1);
/// assert!(ranked[0].text.starts_with("Exports fell"));
/// ```
pub fn checkworthy(
    text: &str,
    published: Option<NaiveDate>,
    checked_before: &[&str],
) -> Vec<CheckworthySentence> {
    let history: Vec<FxHashSet<String>> = checked_before.iter().map(|c| content_words(c)).collect();
    let mut points = CodePoints::new(text);
    let mut ranked = Vec::new();
    for sentence in segment(text) {
        let reasons = reasons(sentence.text, published, &history);
        let score = reasons.iter().map(|r| r.weight).sum();
        let start = points.at(sentence.start);
        let end = points.at(sentence.end);
        if score > 0 {
            ranked.push(CheckworthySentence {
                text: sentence.text.to_string(),
                start,
                end,
                score,
                reasons,
            });
        }
    }
    ranked.sort_by(|a, b| b.score.cmp(&a.score).then(a.start.cmp(&b.start)));
    ranked
}

fn reasons(
    sentence: &str,
    published: Option<NaiveDate>,
    history: &[FxHashSet<String>],
) -> Vec<Reason> {
    let mut out = Vec::new();
    let mut add = |kind: ReasonKind, words: String| {
        out.push(Reason {
            kind,
            weight: kind.weight(),
            words,
        });
    };
    let facts = extract(sentence, published);
    if !facts.numbers.is_empty() {
        add(
            ReasonKind::Number,
            join(facts.numbers.iter().map(|n| n.surface)),
        );
    }
    let lower: String = tokens::words(sentence)
        .map(|w| tokens::lowercase(w.text).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(p) = first_phrase(&lower, COMPARISONS) {
        add(ReasonKind::Comparison, p);
    }
    if !facts.dates.is_empty() {
        add(
            ReasonKind::Date,
            join(facts.dates.iter().map(|d| d.surface)),
        );
    }
    if !facts.names.is_empty() {
        add(
            ReasonKind::NamedActor,
            join(facts.names.iter().map(|n| n.surface)),
        );
    }
    if let Some(verb) = lower.split(' ').find(|w| cues::is_verb(w)) {
        add(ReasonKind::Attributed, verb.to_string());
    } else if let Some(p) = first_phrase(&lower, &["according to"]) {
        add(ReasonKind::Attributed, p);
    }
    if let Some(p) = first_phrase(&lower, CAUSAL) {
        add(ReasonKind::Causal, p);
    }
    if let Some(p) = first_phrase(&lower, OPINION) {
        add(ReasonKind::Opinion, p);
    }
    if let Some(p) = first_phrase(&lower, HEDGES) {
        add(ReasonKind::Hedge, p);
    }
    if sentence
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        add(ReasonKind::Question, "?".into());
    }
    if let Some(p) = first_phrase(&lower, PREDICTIONS) {
        add(ReasonKind::Prediction, p);
    }
    if let Some(p) = first_phrase(&lower, ANECDOTES) {
        add(ReasonKind::Anecdote, p);
    }
    if !history.is_empty() {
        let words = content_words(sentence);
        let like = history.iter().any(|claim| {
            let shared = claim.intersection(&words).count();
            shared >= 3 && shared * 2 >= claim.len()
        });
        if like {
            add(
                ReasonKind::CheckedBefore,
                "like a claim checked before".into(),
            );
        }
    }
    out
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(sentence: &str) -> Vec<ReasonKind> {
        reasons(sentence, None, &[])
            .into_iter()
            .map(|r| r.kind)
            .collect()
    }

    #[test]
    fn numbers_comparisons_dates_actors_attribution_and_causes_count_for() {
        assert_eq!(
            kinds("Exports to Brazil rose more than 12% in March because of the deal, Ortiz said."),
            [
                ReasonKind::Number,
                ReasonKind::Comparison,
                ReasonKind::Date,
                ReasonKind::NamedActor,
                ReasonKind::Attributed,
                ReasonKind::Causal
            ]
        );
    }

    #[test]
    fn opinion_hedges_questions_predictions_and_anecdotes_count_against() {
        assert_eq!(kinds("I think it is terrible."), [ReasonKind::Opinion]);
        assert_eq!(kinds("It may rain."), [ReasonKind::Hedge]);
        assert_eq!(kinds("Is it over?"), [ReasonKind::Question]);
        assert_eq!(kinds("Prices will fall."), [ReasonKind::Prediction]);
        assert_eq!(kinds("I remember the old port."), [ReasonKind::Anecdote]);
    }

    #[test]
    fn ranking_puts_the_checkable_first_and_drops_the_rest() {
        let text = "Is it over? The port handled 4,000 ships in 2024, more than in 2023. The aide Ana Ortiz arrived.";
        let ranked = checkworthy(text, None, &[]);
        assert_eq!(ranked.len(), 2);
        assert!(ranked[0].text.starts_with("The port handled"));
        let kinds: Vec<_> = ranked[0].reasons.iter().map(|r| r.kind).collect();
        assert_eq!(kinds[..2], [ReasonKind::Number, ReasonKind::Comparison]);
        assert_eq!(
            ranked[0].score,
            ranked[0].reasons.iter().map(|r| r.weight).sum::<i32>()
        );
        assert_eq!(ranked[1].text, "The aide Ana Ortiz arrived.");
    }

    #[test]
    fn a_sentence_like_a_claim_checked_before_counts_for() {
        let text = "The harbour bridge closed for repairs.";
        let ranked = checkworthy(
            text,
            None,
            &["The harbour bridge closed for repairs in May"],
        );
        assert_eq!(
            ranked[0].reasons.last().map(|r| r.kind),
            Some(ReasonKind::CheckedBefore)
        );
        assert!(checkworthy(text, None, &[]).is_empty());
    }
}
