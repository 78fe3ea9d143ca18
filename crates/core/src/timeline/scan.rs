//! Finding the dated expressions of one sentence and placing each on the
//! calendar (see [`super::resolve`] for the rules that need the publication day).

use crate::text::facts::dates::{MONTHS, WEEKDAYS};
use chrono::{Datelike, NaiveDate, Weekday};

use super::holidays::holiday_name;
use super::resolve::{self, Placed};
use super::tense::{Tense, tense_around};
use super::when::{Precision, When};
use crate::text::tokens::{self, Word};

/// One dated expression in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the expression in the sentence.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The span it means.
    pub when: When,
    /// The last day of a range ("from Nov. 27 to Dec. 12"), when it is one.
    pub until: Option<NaiveDate>,
    /// How the span was decided.
    pub reading: resolve::Reading,
    /// Other spans an ambiguous expression may mean.
    pub alternatives: Vec<When>,
}

const SEASONS: &[(&str, u32)] = &[
    ("spring", 3),
    ("summer", 6),
    ("fall", 9),
    ("autumn", 9),
    ("winter", 12),
];

/// Words after which a month or a year standing alone is a date ("in May", "since 2019").
const PERIOD_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "during",
    "through",
    "throughout",
];

/// The words of one sentence, as written and lowercased.
struct Words<'a> {
    sentence: &'a str,
    words: Vec<Word<'a>>,
    lower: Vec<String>,
}

impl Words<'_> {
    fn text(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|w| w.text)
    }

    fn lower(&self, i: usize) -> Option<&str> {
        self.lower.get(i).map(String::as_str)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.text(i)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// A capitalised month name at word `i` ("Dec", "December").
    fn month(&self, i: usize) -> Option<u32> {
        if !self.capitalised(i) {
            return None;
        }
        let w = self.lower(i)?;
        MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        if !self.capitalised(i) {
            return None;
        }
        let w = self.lower(i)?;
        WEEKDAYS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|(_, d)| *d)
    }

    fn season(&self, i: usize) -> Option<u32> {
        let w = self.lower(i)?;
        SEASONS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
    }

    /// "27", "27th", "1st" as a day of the month.
    fn day(&self, i: usize) -> Option<u32> {
        let w = self.lower(i)?;
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w[digits.len()..];
        if digits.is_empty()
            || digits.len() > 2
            || !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        digits.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year from 1900 to 2100.
    fn year(&self, i: usize) -> Option<i32> {
        let w = self.text(i)?;
        if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok().filter(|y| (1900..=2100).contains(y))
    }

    /// The characters between words `i` and `i + 1`.
    fn gap(&self, i: usize) -> &str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => &self.sentence[a.end..b.start],
            _ => "",
        }
    }

    /// -1, 0 or 1 for "last", "this", "next" at word `i`.
    fn modifier(&self, i: usize) -> Option<i32> {
        match self.lower(i)? {
            "last" | "past" | "previous" => Some(-1),
            "this" => Some(0),
            "next" | "coming" => Some(1),
            _ => None,
        }
    }
}

/// What words `i..=last` say before the publication day and tense place it.
enum Expr {
    Full(NaiveDate),
    MonthDay(u32, u32),
    Weekday(Weekday),
    Fixed(When),
    Holiday(&'static str, i64, Option<i32>),
    Month(u32),
    /// Counted from the publication day.
    Relative(Box<dyn Fn(NaiveDate) -> Option<When>>),
}

/// The dated expressions of `sentence`, placed against `published`. Without a
/// publication day only what is written in full is placed.
pub fn find(sentence: &str, published: Option<NaiveDate>) -> Vec<Found> {
    let words: Vec<Word<'_>> = tokens::words(sentence).collect();
    let lower = words.iter().map(|w| w.text.to_lowercase()).collect();
    let w = Words {
        sentence,
        words,
        lower,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < w.words.len() {
        match expression_at(&w, i) {
            Some((first, last, expr, until)) => {
                let tense = tense_around(&w.lower, first, last + 1);
                if let Some(placed) = place(&expr, published, tense) {
                    let until = until.and_then(|u| end_of_range(&u, placed.when.first));
                    found.push(Found {
                        start: w.words[first].start,
                        end: w.words[last].end,
                        when: placed.when,
                        until,
                        reading: placed.reading,
                        alternatives: placed.alternatives,
                    });
                }
                i = last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// The end of a range: the first day on or after its start that the words mean.
fn end_of_range(expr: &Expr, start: NaiveDate) -> Option<NaiveDate> {
    match expr {
        Expr::Full(d) => Some(*d),
        Expr::MonthDay(m, d) => [start.year(), start.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
            .find(|e| *e >= start),
        _ => None,
    }
}

fn place(expr: &Expr, published: Option<NaiveDate>, tense: Tense) -> Option<Placed> {
    match expr {
        Expr::Full(d) => Some(Placed::absolute(When::day(*d))),
        Expr::Fixed(w) => Some(Placed::absolute(*w)),
        Expr::Holiday(name, shift, Some(year)) => {
            resolve::holiday_in(name, *shift, *year).map(Placed::absolute)
        }
        _ => {
            let published = published?;
            match expr {
                Expr::MonthDay(m, d) => resolve::month_day(*m, *d, published, tense),
                Expr::Weekday(d) => resolve::weekday(*d, published, tense),
                Expr::Holiday(name, shift, None) => {
                    resolve::named_holiday(name, *shift, published, tense)
                }
                Expr::Month(m) => resolve::month(*m, published, tense),
                Expr::Relative(f) => f(published).map(Placed::relative),
                Expr::Full(_) | Expr::Fixed(_) | Expr::Holiday(..) => None,
            }
        }
    }
}

type Match = (usize, usize, Expr, Option<Expr>);

/// The expression starting at word `i`: its first and last word, what it says,
/// and the end of a range.
fn expression_at(w: &Words<'_>, i: usize) -> Option<Match> {
    if w.lower(i) == Some("from")
        && let Some(range) = range_at(w, i)
    {
        return Some(range);
    }
    if let Some((last, expr)) = relative_at(w, i) {
        return Some((i, last, expr, None));
    }
    if let Some(m) = holiday_at(w, i) {
        return Some(m);
    }
    if let Some(m) = season_at(w, i) {
        return Some(m);
    }
    // "on Tuesday" takes its "on"; "in October" and "since 2019" their preposition.
    let on = w.lower(i) == Some("on") && w.weekday(i + 1).is_some();
    let start = if on { i + 1 } else { i };
    if let Some(weekday) = w.weekday(start) {
        // "Tuesday, Dec. 2": the date says which Tuesday.
        if w.gap(start).trim() == ","
            && let Some((last, expr)) = calendar_date_at(w, start + 1)
        {
            return Some((i, last, expr, None));
        }
        // "The Sunday Times" is a name, not a day.
        if w.capitalised(start + 1)
            && w.month(start + 1).is_none()
            && w.gap(start).trim().is_empty()
        {
            return None;
        }
        return Some((i, start, Expr::Weekday(weekday), None));
    }
    if let Some((last, expr)) = calendar_date_at(w, i) {
        return Some((i, last, expr, None));
    }
    let preposition = w.lower(i).is_some_and(|p| PERIOD_PREPOSITIONS.contains(&p));
    if preposition {
        if let Some(year) = w.year(i + 1)
            && !w.gap(i + 1).starts_with(['-', '/'])
        {
            return Some((i, i + 1, Expr::Fixed(year_span(year)?), None));
        }
        if let Some(month) = w
            .month(i + 1)
            .filter(|_| w.lower(i + 1).is_some_and(|m| m.len() > 3 || m == "may"))
            && w.day(i + 2).is_none()
            && w.year(i + 2).is_none()
        {
            return Some((i, i + 1, Expr::Month(month), None));
        }
    }
    // "early November", "late April", "mid-March".
    if matches!(w.lower(i), Some("early" | "late" | "mid"))
        && let Some(month) = w.month(i + 1)
    {
        if let Some(year) = w.year(i + 2) {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((
                i,
                i + 2,
                Expr::Fixed(When::holding(first, Precision::Month)),
                None,
            ));
        }
        return Some((i, i + 1, Expr::Month(month), None));
    }
    None
}

fn year_span(year: i32) -> Option<When> {
    Some(When::holding(
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        Precision::Year,
    ))
}

/// "Dec. 2, 2025", "2 December 2025", "December 2", "1st of December",
/// "March 2024", "2025-12-02", "11/04/2025" at word `i`.
fn calendar_date_at(w: &Words<'_>, i: usize) -> Option<(usize, Expr)> {
    if let Some(month) = w.month(i) {
        if let Some(day) = w.day(i + 1) {
            if let Some(year) = w.year(i + 2) {
                return Some((
                    i + 2,
                    Expr::Full(NaiveDate::from_ymd_opt(year, month, day)?),
                ));
            }
            return Some((i + 1, Expr::MonthDay(month, day)));
        }
        if let Some(year) = w.year(i + 1) {
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some((i + 1, Expr::Fixed(When::holding(first, Precision::Month))));
        }
        return None;
    }
    if let Some(day) = w.day(i) {
        let (month_at, month) = if let Some(m) = w.month(i + 1) {
            (i + 1, m)
        } else if w.lower(i + 1) == Some("of") {
            (i + 2, w.month(i + 2)?)
        } else {
            return numeric_date_at(w, i);
        };
        if let Some(year) = w.year(month_at + 1) {
            return Some((
                month_at + 1,
                Expr::Full(NaiveDate::from_ymd_opt(year, month, day)?),
            ));
        }
        return Some((month_at, Expr::MonthDay(month, day)));
    }
    numeric_date_at(w, i)
}

/// "2025-12-02" or "11/04/2025" (month first).
fn numeric_date_at(w: &Words<'_>, i: usize) -> Option<(usize, Expr)> {
    let (sep1, sep2) = (w.gap(i), w.gap(i + 1));
    if sep1 != sep2 || !(sep1 == "-" || sep1 == "/") {
        return None;
    }
    let parts: Vec<&str> = (i..i + 3).map(|k| w.text(k)).collect::<Option<_>>()?;
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |k: usize| parts[k].parse::<u32>().ok();
    let date = if sep1 == "-" && parts[0].len() == 4 {
        NaiveDate::from_ymd_opt(i32::try_from(n(0)?).ok()?, n(1)?, n(2)?)
    } else if sep1 == "/" && parts[2].len() == 4 {
        NaiveDate::from_ymd_opt(i32::try_from(n(2)?).ok()?, n(0)?, n(1)?)
    } else {
        None
    }?;
    Some((i + 2, Expr::Full(date)))
}

/// "today", "yesterday", "last night", "last week", "next month", "last Friday" ...
fn relative_at(w: &Words<'_>, i: usize) -> Option<(usize, Expr)> {
    let days = |n: i64| -> Expr {
        Expr::Relative(Box::new(move |p| resolve::shifted(p, n).map(When::day)))
    };
    let word = w.lower(i)?;
    match word {
        "today" | "tonight" => return Some((i, days(0))),
        "yesterday" => return Some((i, days(-1))),
        "tomorrow" => return Some((i, days(1))),
        _ => {}
    }
    let modifier = w.modifier(i)?;
    let next = w.lower(i + 1)?;
    let unit = match next {
        "night" if modifier < 0 => return Some((i + 1, days(-1))),
        "morning" | "afternoon" | "evening" if modifier == 0 => return Some((i + 1, days(0))),
        "week" => Precision::Week,
        "month" => Precision::Month,
        "year" => Precision::Year,
        _ => {
            let weekday = w.weekday(i + 1)?;
            return Some((
                i + 1,
                Expr::Relative(Box::new(move |p| {
                    resolve::modified_weekday(weekday, p, modifier)
                })),
            ));
        }
    };
    Some((
        i + 1,
        Expr::Relative(Box::new(move |p| resolve::period(unit, p, modifier))),
    ))
}

/// "Thanksgiving", "the day after Thanksgiving", "Christmas Eve last year", "Christmas 2024".
fn holiday_at(w: &Words<'_>, i: usize) -> Option<Match> {
    let (name_at, shift) = match (w.lower(i), w.lower(i + 1), w.lower(i + 2)) {
        (Some("the"), Some("day"), Some("after")) => (i + 3, 1),
        (Some("the"), Some("day"), Some("before")) => (i + 3, -1),
        _ => (i, 0),
    };
    if !w.capitalised(name_at) {
        return None;
    }
    let (name, len) = holiday_name(&w.lower, name_at)?;
    let mut last = name_at + len - 1;
    let mut year = None;
    if let Some(y) = w.year(last + 1) {
        year = Some(y);
        last += 1;
    } else if let (Some(m), Some("year")) = (w.modifier(last + 1), w.lower(last + 2)) {
        return Some((
            i,
            last + 2,
            Expr::Relative(Box::new(move |p: NaiveDate| {
                resolve::holiday_in(name, shift, p.year() + m)
            })),
            None,
        ));
    }
    Some((i, last, Expr::Holiday(name, shift, year), None))
}

/// "the fall of 2022", "summer 2024", "last summer", "next spring".
fn season_at(w: &Words<'_>, i: usize) -> Option<Match> {
    if let (Some(m), Some(first_month)) = (w.modifier(i), w.season(i + 1)) {
        return Some((
            i,
            i + 1,
            Expr::Relative(Box::new(move |p| {
                resolve::modified_season(first_month, p, m)
            })),
            None,
        ));
    }
    let the = w.lower(i) == Some("the");
    let at = if the { i + 1 } else { i };
    let first_month = w.season(at)?;
    let (year_at, last) = if w.lower(at + 1) == Some("of") {
        (at + 2, at + 2)
    } else {
        (at + 1, at + 1)
    };
    let year = w.year(year_at)?;
    Some((
        i,
        last,
        Expr::Fixed(resolve::season_of(first_month, year)?),
        None,
    ))
}

/// "from Nov. 27 to Dec. 12", "from 3 to 9 November".
fn range_at(w: &Words<'_>, i: usize) -> Option<Match> {
    let is_to = |k: usize| matches!(w.lower(k), Some("to" | "until" | "through" | "till"));
    // "from 3 to 9 November": the month comes once, at the end.
    if let (Some(d1), true, Some(d2)) = (w.day(i + 1), is_to(i + 2), w.day(i + 3))
        && let Some((last, end)) = calendar_date_at(w, i + 3)
    {
        let start = match &end {
            Expr::Full(e) => Expr::Full(e.with_day0(d1 - 1)?),
            Expr::MonthDay(m, _) => Expr::MonthDay(*m, d1),
            _ => return None,
        };
        let _ = d2;
        return Some((i, last, start, Some(end)));
    }
    let (start_last, start) = calendar_date_at(w, i + 1)?;
    if !is_to(start_last + 1) {
        return None;
    }
    let (last, end) = calendar_date_at(w, start_last + 2)?;
    if !matches!(start, Expr::Full(_) | Expr::MonthDay(..)) {
        return None;
    }
    Some((i, last, start, Some(end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn labels(sentence: &str, published: Option<NaiveDate>) -> Vec<(String, String, &'static str)> {
        find(sentence, published)
            .into_iter()
            .map(|f| {
                (
                    sentence[f.start..f.end].to_owned(),
                    f.when.label(),
                    f.reading.as_str(),
                )
            })
            .collect()
    }

    #[test]
    fn a_weekday_without_tense_keeps_both_readings() {
        let found = find("The talks are on Saturday.", Some(day(2025, 12, 3)));
        assert_eq!(found[0].reading, resolve::Reading::Ambiguous);
        let all: Vec<String> = std::iter::once(found[0].when.label())
            .chain(found[0].alternatives.iter().map(When::label))
            .collect();
        assert_eq!(all, ["2025-12-06", "2025-11-29"]);
    }

    #[test]
    fn ranges_keep_their_last_day() {
        let found = find(
            "The envoy stayed from Nov. 27 to Dec. 12.",
            Some(day(2025, 12, 20)),
        );
        assert_eq!(found[0].when, When::day(day(2025, 11, 27)));
        assert_eq!(found[0].until, Some(day(2025, 12, 12)));
    }

    #[test]
    fn without_a_publication_day_only_full_dates_are_placed() {
        assert_eq!(
            labels(
                "They met on Tuesday, Dec. 2, 2025, and again on Friday.",
                None
            ),
            [(
                "on Tuesday, Dec. 2, 2025".to_owned(),
                "2025-12-02".to_owned(),
                "absolute"
            )]
        );
    }

    #[test]
    fn seasons_are_written_as_their_year() {
        let found = find("The factory closed in the fall of 2022.", None);
        assert_eq!(found[0].when.precision, Precision::Season);
        assert_eq!(found[0].when.label(), "2022");
        assert_eq!(found[0].when.last(), day(2022, 11, 30));
    }

    #[test]
    fn relative_periods_count_from_publication() {
        let published = Some(day(2026, 1, 2));
        assert_eq!(labels("Prices fell last month.", published)[0].1, "2025-12");
        assert_eq!(labels("They met last week.", published)[0].1, "2025-W52");
        assert_eq!(labels("Losses grew last year.", published)[0].1, "2025");
    }

    #[test]
    fn holidays_take_the_occurrence_the_tense_asks_for() {
        let published = Some(day(2025, 12, 3));
        assert_eq!(
            labels("Shops closed on Thanksgiving.", published)[0].1,
            "2025-11-27"
        );
        assert_eq!(
            labels("The vote will be held on Thanksgiving.", published)[0].1,
            "2026-11-26"
        );
        assert_eq!(
            labels("Crowds gathered on Christmas 2024.", published)[0].1,
            "2024-12-25"
        );
    }
}
