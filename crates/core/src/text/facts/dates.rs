//! Date expressions ("Nov. 27", "Thursday", "Thanksgiving Day", "2025-11-27")
//! and the calendar day they mean, placed against the publication day.

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rustc_hash::FxHashMap;

use super::numbers::without_ordinal;
use super::{is_capitalised, packed_lower};
use crate::text::tokens::{Word, strip_possessive};

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
        /// The calendar year, e.g. 2025.
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

/// Month names and their news abbreviations (shared with the timeline's scanner).
pub(crate) const MONTHS: &[(&str, u32)] = &[
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

/// Weekday names and their abbreviations (shared with the timeline's scanner).
pub(crate) const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

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
    let digits = without_ordinal(word).filter(|d| d.len() <= 2)?;
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
pub(super) fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
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

pub(super) fn find_dates<'a>(
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
                found = month_day(month, day, i, after, published);
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
            found = month_day(month, day, i, after, published);
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

/// A month and day ("Nov. 27", "27 November") whose words start at word `i`,
/// with the year if the word after them (`after`) is one: the last word's index
/// and the day meant. Without a year the day is placed in the year nearest to
/// `published`, or left as a month-day when that is unknown.
fn month_day(
    month: u32,
    day: u32,
    i: usize,
    after: Option<&str>,
    published: Option<NaiveDate>,
) -> Option<(usize, DateValue)> {
    let year = after.and_then(year_of);
    let last = if year.is_some() { i + 2 } else { i + 1 };
    let value = match (year, published) {
        (Some(y), _) => NaiveDate::from_ymd_opt(y, month, day).map(DateValue::Day),
        (None, Some(p)) => nearest_month_day(month, day, p).map(DateValue::Day),
        (None, None) => Some(DateValue::MonthDay { month, day }),
    };
    value.map(|v| (last, v))
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

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
    fn day_first_and_month_first_dates_resolve_alike() {
        fn dates(s: &str, published: Option<NaiveDate>) -> Vec<(&str, DateValue)> {
            extract(s, published)
                .dates
                .into_iter()
                .map(|d| (d.surface, d.value))
                .collect()
        }
        let published = Some(day(2025, 12, 20));
        // Without a year, a day is placed in the year nearest to publication.
        assert_eq!(
            dates("Talks resume on 3rd January.", published),
            [("3rd January", DateValue::Day(day(2026, 1, 3)))]
        );
        assert_eq!(
            dates("Talks resume on January 3rd.", published),
            [("January 3rd", DateValue::Day(day(2026, 1, 3)))]
        );
        assert_eq!(
            dates("Signed on 27 November 2024.", published),
            [("27 November 2024", DateValue::Day(day(2024, 11, 27)))]
        );
        assert_eq!(
            dates("Signed on 27 Nov.", None),
            [("27 Nov", DateValue::MonthDay { month: 11, day: 27 })]
        );
        // Not a day of that month: only the month and year stand.
        assert_eq!(
            dates("Signed on 31 February 2024.", published),
            [(
                "February 2024",
                DateValue::MonthYear {
                    year: 2024,
                    month: 2
                }
            )]
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
}
