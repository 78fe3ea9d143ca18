//! Facts inside one sentence: numbers, dates, quotations and names, each with
//! its byte span, normalised so that different wordings of the same fact compare
//! equal ("five" == "5", "28-point" == "28 points", "Thanksgiving Day" in 2025 ==
//! "November 27").

pub(crate) mod dates;
mod names;
mod numbers;
mod quotes;
mod same_day;

use chrono::NaiveDate;

use super::tokens::{self, Word};

use dates::find_dates;
pub use dates::{DateFact, DateValue};
use names::find_names;
pub use names::{Mentions, NameFact, same_name_word};
use numbers::find_numbers;
pub use numbers::{NumberFact, digit_value, number_word};
use quotes::find_quotes;
pub use quotes::{QuoteFact, may_quote, quote_spans};
pub use same_day::ANY_YEAR;

/// Everything [`extract`] finds in one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts<'a> {
    /// Numbers not part of a date.
    pub numbers: Vec<NumberFact<'a>>,
    /// Date expressions, each with the day it means as far as the publication day tells.
    pub dates: Vec<DateFact<'a>>,
    /// Words inside quotation marks.
    pub quotes: Vec<QuoteFact<'a>>,
    /// Capitalised names of people, places and organisations.
    pub names: Vec<NameFact<'a>>,
}

impl Facts<'_> {
    /// The spans of all facts, merged into disjoint ranges sorted by start.
    pub fn merged_spans(&self) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = self
            .numbers
            .iter()
            .map(|f| (f.start, f.end))
            .chain(self.dates.iter().map(|f| (f.start, f.end)))
            .chain(self.quotes.iter().map(|f| (f.start, f.end)))
            .chain(self.names.iter().map(|f| (f.start, f.end)))
            .collect();
        spans.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }
}

/// True when `start..end` lies inside one of `merged` (from [`Facts::merged_spans`]).
pub fn covered(merged: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = merged.partition_point(|&(s, _)| s <= start);
    i > 0 && merged[i - 1].1 >= end
}

/// Finds the numbers, dates, quotations and names of `sentence`. Relative dates
/// ("Thursday", "tomorrow", "Thanksgiving") are placed against `published`, the
/// publication day of the article, when it is known.
///
/// ```
/// use chrono::NaiveDate;
/// use claimdesk_core::text::facts::{extract, DateValue};
/// let published = NaiveDate::from_ymd_opt(2025, 11, 21);
/// let facts = extract("Talks end on Thanksgiving Day after five hours.", published);
/// assert_eq!(facts.dates[0].value, DateValue::Day(NaiveDate::from_ymd_opt(2025, 11, 27).unwrap()));
/// assert_eq!(facts.numbers[0].value, 5.0);
/// ```
pub fn extract(sentence: &str, published: Option<NaiveDate>) -> Facts<'_> {
    let words: Vec<Word<'_>> = tokens::words(sentence).collect();
    extract_from_words(sentence, &words, published)
}

/// [`extract`] for a sentence whose words (from [`tokens::words`]) the caller
/// already has, so one tokenisation serves several uses.
pub(crate) fn extract_from_words<'a>(
    sentence: &'a str,
    words: &[Word<'a>],
    published: Option<NaiveDate>,
) -> Facts<'a> {
    let mut used = vec![false; words.len()];
    let dates = find_dates(sentence, words, published, &mut used);
    let numbers = find_numbers(sentence, words, &mut used);
    let quotes = find_quotes(sentence);
    let names = find_names(sentence, words, &used);
    Facts {
        numbers,
        dates,
        quotes,
        names,
    }
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word of up to 16 ASCII letters, lowercased and packed into an integer: a
/// table key that costs no allocation. `None` for anything else (no key is).
fn packed_lower(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.len() > 16 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(bytes.iter().fold(0u128, |acc, b| {
        (acc << 8) | u128::from(b.to_ascii_lowercase())
    }))
}
