//! Facts inside one sentence: numbers, dates, quotations and names, each with
//! its byte span, normalised so that different wordings of the same fact compare
//! equal ("five" == "5", "28-point" == "28 points", "Thanksgiving Day" in 2025 ==
//! "November 27").

use std::sync::LazyLock;

use std::borrow::Cow;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rustc_hash::FxHashMap;

use super::tokens::{self, Word};

/// A number found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberFact<'a> {
    /// The words that state the number, with a unit word if one follows ("28-point", "five hours").
    pub surface: &'a str,
    /// Its value ("1.2 million" is 1_200_000).
    pub value: f64,
    /// Byte offset of the surface in the sentence.
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
}

/// What a date expression means, as far as the sentence and its publication date tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateValue {
    /// A calendar day.
    Day(NaiveDate),
    /// A month and day whose year is unknown (no publication date).
    MonthDay {
        /// 1..=12
        month: u32,
        /// 1..=31
        day: u32,
    },
    /// A month of a given year ("November 2025").
    MonthYear {
        /// The year.
        year: i32,
        /// 1..=12
        month: u32,
    },
    /// A month alone ("in November").
    Month(u32),
    /// A weekday that cannot be placed without a publication date.
    Weekday(Weekday),
    /// A named day that cannot be placed without a publication date ("Thanksgiving", "tomorrow").
    Named(String),
}

impl DateValue {
    /// True when both expressions can refer to the same day.
    pub fn same_as(&self, other: &DateValue) -> bool {
        use DateValue::*;
        match (self, other) {
            (Day(a), Day(b)) => a == b,
            (Day(d), MonthDay { month, day }) | (MonthDay { month, day }, Day(d)) => {
                d.month() == *month && d.day() == *day
            }
            (Day(d), MonthYear { year, month }) | (MonthYear { year, month }, Day(d)) => {
                d.year() == *year && d.month() == *month
            }
            (Day(d), Month(m)) | (Month(m), Day(d)) => d.month() == *m,
            (MonthDay { month, .. }, Month(m)) | (Month(m), MonthDay { month, .. }) => month == m,
            (MonthYear { month, .. }, Month(m)) | (Month(m), MonthYear { month, .. }) => month == m,
            (Day(d), Weekday(w)) | (Weekday(w), Day(d)) => d.weekday() == *w,
            (a, b) => a == b,
        }
    }
}

/// A date expression found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DateFact<'a> {
    /// The words as written ("Nov. 27", "Thanksgiving Day", "Thursday").
    pub surface: &'a str,
    /// What they mean.
    pub value: DateValue,
    /// Byte offset of the surface in the sentence.
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
}

/// Words inside quotation marks.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFact<'a> {
    /// The quoted words, without the marks.
    pub text: &'a str,
    /// The quoted words lowercased and joined by single spaces, for comparison.
    pub key: String,
    /// Byte offset of the opening mark (or the sentence start when the quote began earlier).
    pub start: usize,
    /// Byte offset just past the closing mark (or the sentence end when it goes on).
    pub end: usize,
}

/// True when `word` names what `key` (a [`NameFact`] key word) names: equal
/// once lowercased and stripped of a possessive, or one a prefix of the other of
/// at least five letters ("Kestria's" and "Kestrian"). No allocation for
/// ASCII words.
pub fn same_name_word(key: &str, word: &str) -> bool {
    let word = strip_possessive(word);
    let (kb, wb) = (key.as_bytes(), word.as_bytes());
    let common = kb
        .iter()
        .zip(wb)
        .take_while(|(k, w)| k.eq_ignore_ascii_case(w))
        .count();
    if common == kb.len() && common == wb.len() {
        return true;
    }
    if !word.is_ascii() || !key.is_ascii() {
        let lower = tokens::lowercase(word);
        return lower == key
            || (lower.chars().count().min(key.chars().count()) >= 5
                && (lower.starts_with(key) || key.starts_with(lower.as_ref())));
    }
    // One is a prefix of the other, the shorter at least five letters long.
    common >= 5 && (common == kb.len() || common == wb.len())
}

/// The words of a text, lowercased and without possessives, for asking whether
/// it mentions a name at all.
#[derive(Debug, Clone, Default)]
pub struct Mentions<'t>(Vec<Cow<'t, str>>);

impl<'t> Mentions<'t> {
    /// Collects the words of `texts`.
    pub fn of(texts: impl IntoIterator<Item = &'t str>) -> Mentions<'t> {
        let mut words: Vec<Cow<'t, str>> = texts
            .into_iter()
            .flat_map(tokens::words)
            .map(|w| tokens::lowercase(strip_possessive(w.text)))
            .collect();
        words.sort_unstable();
        words.dedup();
        Mentions(words)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| w.as_ref().cmp(word)).is_ok()
    }

    /// True when a word names what `key` (a [`NameFact`] key word) names: equal
    /// once lowercased and stripped of a possessive, or one a prefix of the other
    /// of at least five letters ("Kestria's" and "Kestrian").
    pub fn mention(&self, key: &str) -> bool {
        if self.contains(key) {
            return true;
        }
        let at = self.0.partition_point(|w| w.as_ref() < key);
        if key.chars().count() >= 5 && self.0.get(at).is_some_and(|w| w.starts_with(key)) {
            return true;
        }
        key.char_indices()
            .map(|(i, _)| &key[..i])
            .filter(|p| p.chars().count() >= 5)
            .any(|p| self.contains(p))
    }
}

/// A capitalised name of a person, place or organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct NameFact<'a> {
    /// The name as written, titles included ("Sen. Maria Ortiz").
    pub surface: &'a str,
    /// Its words lowercased, titles dropped ("maria", "ortiz").
    pub key: Vec<String>,
    /// Byte offset of the surface in the sentence.
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
}

/// Everything [`extract`] finds in one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts<'a> {
    /// Numbers not part of a date.
    pub numbers: Vec<NumberFact<'a>>,
    /// Date expressions.
    pub dates: Vec<DateFact<'a>>,
    /// Quotations.
    pub quotes: Vec<QuoteFact<'a>>,
    /// Names.
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
    let quotes = quote_spans(sentence)
        .into_iter()
        .map(|(start, end, inner_start, inner_end)| {
            let text = &sentence[inner_start..inner_end];
            let key = tokens::words(text)
                .map(|w| w.text.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            QuoteFact {
                text,
                key,
                start,
                end,
            }
        })
        .collect();
    let names = find_names(sentence, words, &used);
    Facts {
        numbers,
        dates,
        quotes,
        names,
    }
}

/// Fast byte test: false means `text` has no double quotation mark ('"', '“', '”';
/// the curly ones start with byte 0xE2).
pub fn may_quote(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, bytes).any(|i| {
        let at = &bytes[i..];
        at[0] == b'"' || at.starts_with("“".as_bytes()) || at.starts_with("”".as_bytes())
    })
}

/// Quotation spans as `(start, end, inner_start, inner_end)` byte offsets.
/// Curly quotes pair up; straight double quotes alternate. A quote left open
/// runs to the end of the sentence; a closing mark with no opener closes a quote
/// that began in an earlier sentence.
pub fn quote_spans(sentence: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut spans = Vec::new();
    if !may_quote(sentence) {
        return spans;
    }
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                let start = open.take().unwrap_or(0);
                let inner_start = if start == 0 && !sentence.starts_with('“') {
                    0
                } else {
                    start + '“'.len_utf8()
                };
                spans.push((start, i + c.len_utf8(), inner_start, i));
            }
            '"' => match open.take() {
                Some(start) => spans.push((start, i + 1, start + 1, i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        let mark_len = sentence[start..].chars().next().map_or(1, char::len_utf8);
        spans.push((start, sentence.len(), start + mark_len, sentence.len()));
    }
    spans.retain(|(_, _, inner_start, inner_end)| inner_start < inner_end);
    spans
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Lowercase without a possessive ending ("Sunday's" -> "sunday").
pub fn bare(word: &str) -> String {
    tokens::lowercase(strip_possessive(word)).into_owned()
}

/// A word without a possessive ending ("Sunday's" -> "Sunday").
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

fn month_of(word: &str) -> Option<u32> {
    // Cheap first test: every month name starts with one of these capitals and,
    // with a possessive, is 3 to 13 bytes long.
    let first = *word.as_bytes().first()?;
    if !matches!(first, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
        || !(3..=13).contains(&word.len())
    {
        return None;
    }
    static TABLE: LazyLock<FxHashMap<u128, u32>> = LazyLock::new(|| {
        MONTHS
            .iter()
            .filter_map(|(w, m)| Some((packed_lower(w)?, *m)))
            .collect()
    });
    if !is_capitalised(word) {
        return None;
    }
    TABLE.get(&packed_lower(strip_possessive(word))?).copied()
}

fn weekday_of(word: &str) -> Option<Weekday> {
    if !is_capitalised(word) {
        return None;
    }
    let word = strip_possessive(word);
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    WEEKDAYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(word))
        .map(|(_, w)| *w)
}

/// "27", "27th", "1st" as a day of the month.
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i32> {
    if word.len() != 4 {
        return None;
    }
    word.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// The month-day in the year that puts it closest to `published`.
fn nearest_month_day(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    [published.year() - 1, published.year(), published.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
}

/// The day with that weekday nearest to `published` (at most three days away).
fn nearest_weekday(weekday: Weekday, published: NaiveDate) -> Option<NaiveDate> {
    let ahead =
        (7 + weekday.num_days_from_monday() - published.weekday().num_days_from_monday()) % 7;
    if ahead <= 3 {
        published.checked_add_days(Days::new(u64::from(ahead)))
    } else {
        published.checked_sub_days(Days::new(u64::from(7 - ahead)))
    }
}

/// A holiday in `year`, by its lowercase name.
fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
    match name {
        "thanksgiving" => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4),
        "christmas" => NaiveDate::from_ymd_opt(year, 12, 25),
        "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24),
        "new year's eve" => NaiveDate::from_ymd_opt(year, 12, 31),
        "halloween" => NaiveDate::from_ymd_opt(year, 10, 31),
        "independence day" => NaiveDate::from_ymd_opt(year, 7, 4),
        "veterans day" => NaiveDate::from_ymd_opt(year, 11, 11),
        "labor day" => NaiveDate::from_weekday_of_month_opt(year, 9, Weekday::Mon, 1),
        "memorial day" => {
            let last = NaiveDate::from_ymd_opt(year, 5, 31)?;
            let back = (7 + last.weekday().num_days_from_monday()
                - Weekday::Mon.num_days_from_monday())
                % 7;
            last.checked_sub_days(Days::new(u64::from(back)))
        }
        _ => None,
    }
}

fn find_dates<'a>(
    sentence: &'a str,
    words: &[Word<'a>],
    published: Option<NaiveDate>,
    used: &mut [bool],
) -> Vec<DateFact<'a>> {
    let mut dates = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].text;
        let next = words.get(i + 1).map(|w| w.text);
        let after = words.get(i + 2).map(|w| w.text);
        let mut found: Option<(usize, DateValue)> = None; // (last word index, value)

        if let Some(month) = month_of(word) {
            // "May" alone is usually the verb; other month names alone are months.
            if let Some(day) = next.and_then(day_of) {
                let year = after.and_then(year_of);
                let last = if year.is_some() { i + 2 } else { i + 1 };
                let value = match (year, published) {
                    (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day).map(DateValue::Day),
                    (None, Some(p)) => nearest_month_day(month, day, p).map(DateValue::Day),
                    (None, None) => Some(DateValue::MonthDay { month, day }),
                };
                found = value.map(|v| (last, v));
            } else if let Some(year) = next.and_then(year_of) {
                found = Some((i + 1, DateValue::MonthYear { year, month }));
            } else if word != "May" && word.len() > 3 && !word.eq_ignore_ascii_case("sept") {
                // Only a full month name stands alone ("in November"); "Jan" may be a first name.
                found = Some((i, DateValue::Month(month)));
            }
        } else if let (Some(day), Some(month)) = (
            word.starts_with(|c: char| c.is_ascii_digit())
                .then(|| day_of(word))
                .flatten(),
            next.and_then(month_of),
        ) {
            let year = after.and_then(year_of);
            let last = if year.is_some() { i + 2 } else { i + 1 };
            let value = match (year, published) {
                (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day).map(DateValue::Day),
                (None, Some(p)) => nearest_month_day(month, day, p).map(DateValue::Day),
                (None, None) => Some(DateValue::MonthDay { month, day }),
            };
            found = value.map(|v| (last, v));
        } else if let Some(weekday) = weekday_of(word) {
            let value = published
                .and_then(|p| nearest_weekday(weekday, p))
                .map_or(DateValue::Weekday(weekday), DateValue::Day);
            found = Some((i, value));
        } else if let Some((last, value)) = named_day(words, i, published) {
            found = Some((last, value));
        } else if let Some((last, value)) = numeric_date(sentence, words, i) {
            found = Some((last, value));
        }

        match found {
            Some((last, value)) => {
                let (start, end) = (words[i].start, words[last].end);
                for flag in &mut used[i..=last] {
                    *flag = true;
                }
                dates.push(DateFact {
                    surface: &sentence[start..end],
                    value,
                    start,
                    end,
                });
                i = last + 1;
            }
            None => i += 1,
        }
    }
    dates
}

/// "today", "tomorrow", "Thanksgiving (Day)", "Christmas (Eve)", "Labor Day" ...
fn named_day(
    words: &[Word<'_>],
    i: usize,
    published: Option<NaiveDate>,
) -> Option<(usize, DateValue)> {
    let word = words[i].text;
    let relative = [
        ("today", 0i64),
        ("tonight", 0),
        ("tomorrow", 1),
        ("yesterday", -1),
    ]
    .iter()
    .filter(|_| (5..=9).contains(&word.len()))
    .find(|(name, _)| name.eq_ignore_ascii_case(word))
    .map(|(name, shift)| (*name, *shift));
    if let Some((name, shift)) = relative {
        let value = published
            .and_then(|p| p.checked_add_signed(chrono::Duration::days(shift)))
            .map_or(DateValue::Named(name.to_owned()), DateValue::Day);
        return Some((i, value));
    }
    if !is_capitalised(word)
        || !matches!(
            word.as_bytes()[0],
            b'T' | b'C' | b'H' | b'I' | b'V' | b'L' | b'M' | b'N'
        )
    {
        return None;
    }
    // The names below are 3, 5, 8, 9 or 12 letters long: other ASCII words
    // need no lowercased copy.
    if word.is_ascii() && !matches!(word.len(), 3 | 5 | 8 | 9 | 12) {
        return None;
    }
    let lower = word.to_lowercase();
    let next = words.get(i + 1).map(|w| w.text.to_lowercase());
    let next_is = |s: &str| next.as_deref() == Some(s);
    let (name, last) = match lower.as_str() {
        "thanksgiving" => (
            "thanksgiving".to_owned(),
            if next_is("day") { i + 1 } else { i },
        ),
        "christmas" if next_is("eve") => ("christmas eve".to_owned(), i + 1),
        "christmas" => (
            "christmas".to_owned(),
            if next_is("day") { i + 1 } else { i },
        ),
        "halloween" => ("halloween".to_owned(), i),
        "independence" | "veterans" | "labor" | "memorial" if next_is("day") => {
            (format!("{lower} day"), i + 1)
        }
        "new" if next_is("year's") || next_is("year’s") => {
            let third = words.get(i + 2).map(|w| w.text.to_lowercase());
            match third.as_deref() {
                Some("day") => {
                    return Some((
                        i + 2,
                        date_or_named("new year's day", published, |y| {
                            NaiveDate::from_ymd_opt(y, 1, 1)
                        }),
                    ));
                }
                Some("eve") => ("new year's eve".to_owned(), i + 2),
                _ => return None,
            }
        }
        _ => return None,
    };
    Some((last, date_or_named(&name, published, |y| holiday(&name, y))))
}

fn date_or_named(
    name: &str,
    published: Option<NaiveDate>,
    day_in: impl Fn(i32) -> Option<NaiveDate>,
) -> DateValue {
    published
        .and_then(|p| day_in(p.year()))
        .map_or(DateValue::Named(name.to_owned()), DateValue::Day)
}

/// "2025-11-27" or "11/27/2025".
fn numeric_date(sentence: &str, words: &[Word<'_>], i: usize) -> Option<(usize, DateValue)> {
    let (a, b, c) = (words.get(i)?, words.get(i + 1)?, words.get(i + 2)?);
    let sep1 = &sentence[a.end..b.start];
    let sep2 = &sentence[b.end..c.start];
    if sep1 != sep2 || !(sep1 == "-" || sep1 == "/") {
        return None;
    }
    let nums: Option<Vec<u32>> = [a.text, b.text, c.text]
        .iter()
        .map(|t| t.parse::<u32>().ok())
        .collect();
    let nums = nums?;
    let date = if sep1 == "-" && a.text.len() == 4 {
        NaiveDate::from_ymd_opt(i32::try_from(nums[0]).ok()?, nums[1], nums[2])
    } else if sep1 == "/" && c.text.len() == 4 {
        NaiveDate::from_ymd_opt(i32::try_from(nums[2]).ok()?, nums[0], nums[1])
    } else {
        None
    }?;
    Some((i + 2, DateValue::Day(date)))
}

const SMALL_NUMBERS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("dozen", 12),
    ("twice", 2),
];

fn scale_of(word: &str) -> Option<f64> {
    if !(7..=8).contains(&word.len()) {
        return None;
    }
    [
        ("hundred", 100.0),
        ("thousand", 1e3),
        ("million", 1e6),
        ("billion", 1e9),
        ("trillion", 1e12),
    ]
    .iter()
    .find(|(name, _)| name.eq_ignore_ascii_case(word))
    .map(|(_, v)| *v)
}

/// The value of a word spelled as a small number ("five", "Twenty").
pub fn number_word(word: &str) -> Option<u32> {
    // Every number word starts with one of these letters: a cheap first test.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(first, b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'd')
        || word.len() < 3
        || word.len() > 9
    {
        return None;
    }
    static TABLE: LazyLock<FxHashMap<u128, u32>> = LazyLock::new(|| {
        SMALL_NUMBERS
            .iter()
            .filter_map(|(w, v)| Some((packed_lower(w)?, *v)))
            .collect()
    });
    TABLE.get(&packed_lower(word)?).copied()
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

/// The value of a digit word ("1,200", "3.5", "27th").
pub fn digit_value(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    if digits.contains(',') {
        digits.replace(',', "").parse().ok()
    } else {
        digits.parse().ok()
    }
}

fn find_numbers<'a>(
    sentence: &'a str,
    words: &[Word<'a>],
    used: &mut [bool],
) -> Vec<NumberFact<'a>> {
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let first = i;
        let mut value = None;
        if let Some(v) = digit_value(words[i].text) {
            value = Some(v);
            i += 1;
            if let Some(scale) = words.get(i).and_then(|w| scale_of(w.text)) {
                value = Some(v * scale);
                i += 1;
            }
        } else {
            // Spelled numbers: "twenty-five", "three hundred", "two million".
            let (mut total, mut current, mut any) = (0.0f64, 0.0f64, false);
            while let Some(w) = words.get(i).filter(|_| !used[i]) {
                if let Some(v) = number_word(w.text) {
                    current += f64::from(v);
                } else if let Some(scale) = scale_of(w.text).filter(|_| any) {
                    if scale == 100.0 {
                        current = current.max(1.0) * 100.0;
                    } else {
                        total += current.max(1.0) * scale;
                        current = 0.0;
                    }
                } else {
                    break;
                }
                any = true;
                i += 1;
            }
            if any {
                value = Some(total + current);
            }
        }
        let Some(value) = value else {
            i += 1;
            continue;
        };
        // A unit word right after the number belongs to it: "28-point", "five hours", "3 percent".
        let mut last = i - 1;
        if let Some(unit) = words.get(i).filter(|_| !used[i]) {
            let gap = &sentence[words[last].end..unit.start];
            if (gap == " " || gap == "-")
                && unit.text.chars().all(char::is_lowercase)
                && !tokens::is_stopword(unit.text)
            {
                last = i;
                i += 1;
            }
        }
        for flag in &mut used[first..=last] {
            *flag = true;
        }
        let mut start = words[first].start;
        if sentence[..start].ends_with(['$', '€', '£']) {
            start -= 1;
        }
        let end = words[last].end;
        numbers.push(NumberFact {
            surface: &sentence[start..end],
            value,
            start,
            end,
        });
    }
    numbers
}

/// Titles that precede a name and are not part of its identity.
const TITLES: &[&str] = &[
    "ambassador",
    "capt",
    "chancellor",
    "chief",
    "col",
    "defence",
    "defense",
    "deputy",
    "dr",
    "foreign",
    "gen",
    "gov",
    "governor",
    "judge",
    "king",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prime",
    "prof",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "spokesman",
    "spokeswoman",
    "vice",
];

fn find_names<'a>(sentence: &'a str, words: &[Word<'a>], used: &[bool]) -> Vec<NameFact<'a>> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if used[i] || !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        // A run of capitalised words joined by spaces, dots or hyphens.
        let first = i;
        let mut last = i;
        while let Some(next) = words.get(last + 1) {
            let gap = &sentence[words[last].end..next.start];
            let joined = matches!(gap, " " | ". " | "." | "-");
            if !joined || used[last + 1] || !is_capitalised(next.text) {
                break;
            }
            last += 1;
        }
        i = last + 1;
        // Leading function words ("The White House", "He") are not part of a name.
        let mut head = first;
        while head <= last && tokens::is_stopword(&tokens::lowercase(words[head].text)) {
            head += 1;
        }
        if head > last {
            continue;
        }
        let key: Vec<String> = words[head..=last]
            .iter()
            .map(|w| bare(w.text))
            .filter(|w| TITLES.binary_search(&w.as_str()).is_err())
            .collect();
        if key.is_empty() {
            continue;
        }
        let opens_sentence = first == head && starts_clause(&sentence[..words[first].start]);
        let all_caps = words[head].text.chars().all(|c| !c.is_lowercase())
            && words[head].text.chars().count() > 1;
        // A lone capitalised word that opens the sentence is just a capital letter.
        if opens_sentence && head == last && !all_caps {
            continue;
        }
        let (start, end) = (words[head].start, words[last].end);
        // "W." and "U.S." keep their final dot.
        let abbreviation = words[last].text.chars().count() == 1 || words[last].text.contains('.');
        let end = if abbreviation && sentence[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
        names.push(NameFact {
            surface: &sentence[start..end],
            key,
            start,
            end,
        });
    }
    names
}

/// True when the text before a word leaves it at the start of a sentence or quotation.
fn starts_clause(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.is_empty() || trimmed.ends_with(['"', '“', '‘', ':', '—', '(', '-'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn title_list_is_sorted_for_binary_search() {
        let mut sorted = TITLES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, TITLES);
    }

    #[test]
    fn spelled_and_digit_numbers_have_the_same_value() {
        let values = |s: &str| {
            extract(s, None)
                .numbers
                .iter()
                .map(|n| n.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(values("They talked for five hours."), [5.0]);
        assert_eq!(values("They talked for 5 hours."), [5.0]);
        assert_eq!(
            values("A twenty-five member team and three hundred troops."),
            [25.0, 300.0]
        );
        assert_eq!(values("The 28-point plan."), [28.0]);
        assert_eq!(values("The plan has 28 points."), [28.0]);
        assert_eq!(
            values("It cost $1.2 billion, or 1,200 per person."),
            [1.2e9, 1200.0]
        );
    }

    #[test]
    fn number_surface_takes_its_unit_word() {
        let facts = extract("The 28-point plan took five hours.", None);
        let surfaces: Vec<_> = facts.numbers.iter().map(|n| n.surface).collect();
        assert_eq!(surfaces, ["28-point", "five hours"]);
    }

    #[test]
    fn holidays_resolve_in_the_publication_year() {
        let published = Some(day(2025, 6, 2));
        fn dates(s: &str, published: Option<NaiveDate>) -> Vec<(&str, DateValue)> {
            extract(s, published)
                .dates
                .into_iter()
                .map(|d| (d.surface, d.value))
                .collect()
        }
        assert_eq!(
            dates("Shops close on New Year's Day.", published),
            [("New Year's Day", DateValue::Day(day(2025, 1, 1)))]
        );
        assert_eq!(
            dates("Parades on Memorial Day.", published),
            [("Memorial Day", DateValue::Day(day(2025, 5, 26)))]
        );
        assert_eq!(
            dates("Back by tonight.", published),
            [("tonight", DateValue::Day(day(2025, 6, 2)))]
        );
        assert_eq!(
            extract("Back by Christmas Eve.", None).dates[0].value,
            DateValue::Named("christmas eve".into())
        );
    }

    #[test]
    fn thanksgiving_day_is_november_27_in_2025() {
        let published = Some(day(2025, 11, 21));
        let a = extract("The deadline is Thanksgiving Day.", published);
        let b = extract("The deadline is November 27.", published);
        assert_eq!(a.dates[0].surface, "Thanksgiving Day");
        assert_eq!(a.dates[0].value, DateValue::Day(day(2025, 11, 27)));
        assert!(a.dates[0].value.same_as(&b.dates[0].value));
    }

    #[test]
    fn weekdays_and_relative_days_resolve_against_publication() {
        let published = Some(day(2025, 11, 25)); // a Tuesday
        let dates = |s: &str| {
            extract(s, published)
                .dates
                .into_iter()
                .map(|d| d.value)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            dates("They meet on Thursday."),
            [DateValue::Day(day(2025, 11, 27))]
        );
        assert_eq!(
            dates("They met on Sunday."),
            [DateValue::Day(day(2025, 11, 23))]
        );
        assert_eq!(
            dates("They meet tomorrow."),
            [DateValue::Day(day(2025, 11, 26))]
        );
        assert_eq!(
            dates("Signed on Nov. 3, 2024."),
            [DateValue::Day(day(2024, 11, 3))]
        );
        assert_eq!(dates("Due 2025-12-01."), [DateValue::Day(day(2025, 12, 1))]);
    }

    #[test]
    fn date_numbers_are_not_counted_as_numbers() {
        let facts = extract("On Nov. 27, 2025, 40 delegates met.", None);
        assert_eq!(facts.dates.len(), 1);
        assert_eq!(
            facts.numbers.iter().map(|n| n.value).collect::<Vec<_>>(),
            [40.0]
        );
    }

    #[test]
    fn quotes_curly_straight_and_unclosed() {
        let facts = extract("“We will not sign,” she said, calling it \"a trap.\"", None);
        let texts: Vec<_> = facts.quotes.iter().map(|q| q.text).collect();
        assert_eq!(texts, ["We will not sign,", "a trap."]);
        assert_eq!(facts.quotes[0].key, "we will not sign");
        let open = extract("He said: “We will stay. ", None);
        assert_eq!(open.quotes[0].text, "We will stay. ");
    }

    #[test]
    fn names_drop_titles_and_sentence_initial_capitals() {
        let facts = extract(
            "Officials said Sen. Maria Ortiz flew from Washington to Kyiv with the White House team.",
            None,
        );
        let surfaces: Vec<_> = facts.names.iter().map(|n| n.surface).collect();
        assert_eq!(
            surfaces,
            ["Sen. Maria Ortiz", "Washington", "Kyiv", "White House"]
        );
        assert_eq!(facts.names[0].key, ["maria", "ortiz"]);
        let opening = extract("GENEVA — Talks resumed.", None);
        assert_eq!(
            opening.names.iter().map(|n| n.surface).collect::<Vec<_>>(),
            ["GENEVA"]
        );
    }
}
