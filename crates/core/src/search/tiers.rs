//! Whether a similar claim is the same claim (a *match*) or only related (a
//! *suggestion*), and why the two met. A match needs a score over the match
//! threshold, enough words on both sides, and the same truth conditions as
//! far as the compare engine's fact finders can tell: the numbers, dates and
//! names each states are stated by the other too, and neither is negated
//! where the other is not. "Inflation fell to 2.1%" and "inflation fell to
//! 3%" are at most a suggestion.

use serde::{Deserialize, Serialize};

use super::match_text::{MatchText, number_text, stem};
use crate::store::match_settings::MatchThresholds;
use crate::text::facts::{self, DateValue, Mentions};

/// How close a similar claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The same claim in other words: the same truth conditions.
    Match,
    /// Related, worth a look.
    Suggestion,
}

/// Most shared words a `why` lists.
const SHOWN_WORDS: usize = 5;

/// What two statements share and where they part, as the facts tell.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Agreement {
    /// True when no number, date, name or negation differs.
    pub agree: bool,
    /// Reasons in the contract's style: "number 28", "name Zelensky",
    /// "words: deadline, thanksgiving", then what differs ("other number 3").
    pub why: Vec<String>,
}

/// The tier of a candidate with `score`, given how the facts agree.
pub(crate) fn tier(
    score: f64,
    query: &MatchText,
    candidate: &MatchText,
    agreement: &Agreement,
    thresholds: &MatchThresholds,
) -> Option<Tier> {
    if score < thresholds.suggestion {
        return None;
    }
    let long_enough = query.words.min(candidate.words) >= thresholds.min_words as usize;
    if score >= thresholds.matching && long_enough && agreement.agree {
        Some(Tier::Match)
    } else {
        Some(Tier::Suggestion)
    }
}

/// Compares the facts of `query` and `candidate` (both as [`MatchText`]).
pub(crate) fn agreement(query: &MatchText, candidate: &MatchText) -> Agreement {
    let (q, c) = (
        facts::extract(&query.folded, None),
        facts::extract(&candidate.folded, None),
    );
    let mut why = Vec::new();
    let mut differs = Vec::new();

    let q_numbers: Vec<String> = q.numbers.iter().map(|n| number_text(n.value)).collect();
    let c_numbers: Vec<String> = c.numbers.iter().map(|n| number_text(n.value)).collect();
    let q_only: Vec<f64> = dedup_values(&q.numbers, &c_numbers);
    let mut c_only = Vec::new();
    for n in dedup(&c_numbers) {
        let value = c
            .numbers
            .iter()
            .find(|f| number_text(f.value) == n)
            .map_or(0.0, |f| f.value);
        if q_numbers.contains(&n) {
            why.push(format!("number {}", shown_number(value)));
        } else {
            c_only.push(value);
        }
    }
    // "other number 2.1, not 3": what the claim states against what was typed.
    for i in 0..c_only.len().max(q_only.len()) {
        differs.push(match (c_only.get(i), q_only.get(i)) {
            (Some(c), Some(q)) => format!(
                "other number {}, not {}",
                shown_number(*c),
                shown_number(*q)
            ),
            (Some(c), None) => format!("other number {}", shown_number(*c)),
            (None, Some(q)) => format!("no number {}", shown_number(*q)),
            (None, None) => continue,
        });
    }

    let q_dates: Vec<String> = q.dates.iter().map(|d| date_key(&d.value)).collect();
    let c_dates: Vec<String> = c.dates.iter().map(|d| date_key(&d.value)).collect();
    for d in &c.dates {
        if q_dates.contains(&date_key(&d.value)) {
            why.push(format!("date {}", d.surface));
        } else {
            differs.push(format!("other date {}", d.surface));
        }
    }
    for d in &q.dates {
        if !c_dates.contains(&date_key(&d.value)) {
            differs.push(format!("no date {}", d.surface));
        }
    }

    let (q_mentions, c_mentions) = (
        Mentions::of([query.folded.as_str()]),
        Mentions::of([candidate.folded.as_str()]),
    );
    let mut name_stems = Vec::new();
    for n in &c.names {
        if n.key.iter().any(|k| q_mentions.mention(k)) {
            why.push(format!("name {}", n.surface));
            name_stems.extend(n.key.iter().map(|k| stem(k)));
        } else {
            differs.push(format!("other name {}", n.surface));
        }
    }
    for n in &q.names {
        if !n.key.iter().any(|k| c_mentions.mention(k)) {
            differs.push(format!("no name {}", n.surface));
        } else if !n.key.iter().any(|k| name_stems.contains(&stem(k))) {
            // Named by both, though the claim's capital opens its sentence.
            why.push(format!("name {}", n.surface));
            name_stems.extend(n.key.iter().map(|k| stem(k)));
        }
    }
    if query.negated != candidate.negated {
        differs.push("negated in one".to_string());
    }

    let shared: Vec<&str> = candidate
        .terms
        .iter()
        .zip(&candidate.shown)
        .filter(|(t, _)| query.terms.contains(t))
        .filter(|(t, _)| !name_stems.contains(t) && !c_numbers.contains(t))
        .map(|(_, shown)| shown.as_str())
        .take(SHOWN_WORDS)
        .collect();
    if !shared.is_empty() {
        why.push(format!("words: {}", shared.join(", ")));
    }
    let agree = differs.is_empty();
    why.extend(differs);
    Agreement { agree, why }
}

/// Dates compare by the day they mean; a day and a month-day of unknown year
/// compare by month and day.
fn date_key(value: &DateValue) -> String {
    use chrono::Datelike;
    match value {
        DateValue::Day(d) => format!("{:02}-{:02}", d.month(), d.day()),
        DateValue::MonthDay { month, day } => format!("{month:02}-{day:02}"),
        other => format!("{other:?}"),
    }
}

/// The values of `numbers` not in `other` (as [`number_text`] writes them), each once.
fn dedup_values(numbers: &[facts::NumberFact<'_>], other: &[String]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for n in numbers {
        if !other.contains(&number_text(n.value)) && !out.contains(&n.value) {
            out.push(n.value);
        }
    }
    out
}

/// A number as a reader writes it: "28", "2.1", "12,000", "9.4 million".
fn shown_number(value: f64) -> String {
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if value.abs() >= scale {
            return format!(
                "{} {word}",
                number_text((value / scale * 1000.0).round() / 1000.0)
            );
        }
    }
    let text = number_text(value);
    if value.abs() < 10_000.0 || value.fract() != 0.0 {
        return text;
    }
    let (sign, digits) = text.split_at(usize::from(text.starts_with('-')));
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(d);
    }
    format!("{sign}{grouped}")
}

fn dedup(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for i in items {
        if !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agree(a: &str, b: &str) -> Agreement {
        agreement(&MatchText::new(a), &MatchText::new(b))
    }

    #[test]
    fn other_numbers_dates_names_and_negations_disagree() {
        assert!(
            !agree(
                "Inflation fell to 2.1% in May",
                "Inflation fell to 3% in May"
            )
            .agree
        );
        assert!(
            agree(
                "Inflation fell to 2.1% in May",
                "In May inflation fell to 2.1%"
            )
            .agree
        );
        assert!(
            !agree(
                "The vote was held on March 3",
                "The vote was held on March 4"
            )
            .agree
        );
        assert!(
            !agree(
                "The mayor of Tarnow resigned",
                "The mayor of Velmora resigned"
            )
            .agree
        );
        assert!(!agree("The bridge was closed", "The bridge was not closed").agree);
        assert!(
            agree(
                "The US set a deadline for Kestria",
                "The United States gave Kestria a deadline"
            )
            .agree
        );
    }

    #[test]
    fn numbers_are_shown_as_a_reader_writes_them() {
        assert_eq!(shown_number(28.0), "28");
        assert_eq!(shown_number(2.1), "2.1");
        assert_eq!(shown_number(2000.0), "2000");
        assert_eq!(shown_number(12_000.0), "12,000");
        assert_eq!(shown_number(9_400_000.0), "9.4 million");
    }

    #[test]
    fn why_lists_shared_facts_then_words_in_the_contract_style() {
        let a = agree(
            "The US gave Zelensky until Thanksgiving to accept the 28 point plan",
            "Zelensky got a Thanksgiving deadline from the United States on the 28-point plan",
        );
        assert!(a.why.contains(&"number 28".to_string()), "{:?}", a.why);
        assert!(a.why.contains(&"name Zelensky".to_string()), "{:?}", a.why);
        assert!(
            a.why.iter().any(|w| w.starts_with("words: ")),
            "{:?}",
            a.why
        );
    }
}
