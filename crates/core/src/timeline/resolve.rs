//! Placing an expression without a full date on the calendar: against the
//! article's publication day, with the tense deciding past or future.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holidays::holiday;
use super::tense::Tense;
use super::when::{Precision, When};

/// How the day of an expression was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// Written in full ("Dec. 2, 2025", "2025-12-02", "in 2020").
    Absolute,
    /// Counted from the publication day ("yesterday", "last week", "next Monday").
    Relative,
    /// The occurrence before publication, as the tense tells ("met on Tuesday").
    Past,
    /// The occurrence after publication, as the tense tells ("will meet on Thursday").
    Future,
    /// No tense: the occurrence nearest to publication, far nearer than the others.
    Nearest,
    /// The text cannot tell: every reading is kept and one may be pinned.
    Ambiguous,
}

impl Reading {
    /// The name used in JSON and in the workspace.
    pub fn as_str(self) -> &'static str {
        match self {
            Reading::Absolute => "absolute",
            Reading::Relative => "relative",
            Reading::Past => "past",
            Reading::Future => "future",
            Reading::Nearest => "nearest",
            Reading::Ambiguous => "ambiguous",
        }
    }

    /// The reading named `name` ([`Reading::as_str`]).
    pub fn parse(name: &str) -> Option<Reading> {
        [
            Reading::Absolute,
            Reading::Relative,
            Reading::Past,
            Reading::Future,
            Reading::Nearest,
            Reading::Ambiguous,
        ]
        .into_iter()
        .find(|r| r.as_str() == name)
    }
}

/// A placed expression: the span meant, how it was decided, and the other
/// spans it could mean when it is ambiguous.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub when: When,
    pub reading: Reading,
    pub alternatives: Vec<When>,
}

impl Placed {
    pub fn absolute(when: When) -> Placed {
        Placed {
            when,
            reading: Reading::Absolute,
            alternatives: Vec::new(),
        }
    }

    pub fn relative(when: When) -> Placed {
        Placed {
            when,
            reading: Reading::Relative,
            alternatives: Vec::new(),
        }
    }
}

/// Picks among `candidates` (one per year or week, sorted) by tense: past is the
/// latest not after `published`, future the earliest not before it; without a
/// tense the nearest, ambiguous when another lies less than twice as far.
fn by_tense(candidates: &[When], published: NaiveDate, tense: Tense) -> Option<Placed> {
    let contains = |w: &When| w.first <= published && published <= w.last();
    let placed = |when: When, reading| Placed {
        when,
        reading,
        alternatives: Vec::new(),
    };
    if let Some(now) = candidates.iter().find(|w| contains(w)) {
        return Some(placed(
            *now,
            if tense == Tense::Unknown {
                Reading::Nearest
            } else {
                reading_of(tense)
            },
        ));
    }
    match tense {
        Tense::Past => candidates
            .iter()
            .rev()
            .find(|w| w.last() < published)
            .map(|w| placed(*w, Reading::Past)),
        Tense::Future => candidates
            .iter()
            .find(|w| w.first > published)
            .map(|w| placed(*w, Reading::Future)),
        Tense::Unknown => {
            let distance = |w: &When| {
                if w.last() < published {
                    (published - w.last()).num_days()
                } else {
                    (w.first - published).num_days()
                }
            };
            let mut sorted: Vec<When> = candidates.to_vec();
            sorted.sort_by_key(distance);
            let nearest = *sorted.first()?;
            let rivals: Vec<When> = sorted[1..]
                .iter()
                .filter(|w| distance(w) < 2 * distance(&nearest).max(1))
                .copied()
                .collect();
            Some(if rivals.is_empty() {
                placed(nearest, Reading::Nearest)
            } else {
                Placed {
                    when: nearest,
                    reading: Reading::Ambiguous,
                    alternatives: rivals,
                }
            })
        }
    }
}

fn reading_of(tense: Tense) -> Reading {
    match tense {
        Tense::Past => Reading::Past,
        Tense::Future => Reading::Future,
        Tense::Unknown => Reading::Nearest,
    }
}

fn around_years(published: NaiveDate, day_in: impl Fn(i32) -> Option<When>) -> Vec<When> {
    (published.year() - 1..=published.year() + 1)
        .filter_map(day_in)
        .collect()
}

/// "December 2", "Jan. 14": the year that fits the tense.
pub(crate) fn month_day(
    month: u32,
    day: u32,
    published: NaiveDate,
    tense: Tense,
) -> Option<Placed> {
    let candidates = around_years(published, |y| {
        NaiveDate::from_ymd_opt(y, month, day).map(When::day)
    });
    by_tense(&candidates, published, tense)
}

/// "in October", "early November": the month that fits the tense.
pub(crate) fn month(month: u32, published: NaiveDate, tense: Tense) -> Option<Placed> {
    let candidates = around_years(published, |y| {
        NaiveDate::from_ymd_opt(y, month, 1).map(|d| When::holding(d, Precision::Month))
    });
    by_tense(&candidates, published, tense)
}

/// "Thanksgiving", "Christmas Eve": the occurrence that fits the tense, moved
/// by `shift` days ("the day after").
pub(crate) fn named_holiday(
    name: &str,
    shift: i64,
    published: NaiveDate,
    tense: Tense,
) -> Option<Placed> {
    let candidates = around_years(published, |y| {
        shifted(holiday(name, y)?, shift).map(When::day)
    });
    by_tense(&candidates, published, tense)
}

/// A holiday in a year the text gives.
pub(crate) fn holiday_in(name: &str, shift: i64, year: i32) -> Option<When> {
    shifted(holiday(name, year)?, shift).map(When::day)
}

pub(crate) fn shifted(day: NaiveDate, shift: i64) -> Option<NaiveDate> {
    day.checked_add_signed(chrono::Duration::days(shift))
}

/// "on Tuesday": the publication day when it is that weekday, else the one
/// before (past) or after (future); without a tense, both are kept.
pub(crate) fn weekday(weekday: Weekday, published: NaiveDate, tense: Tense) -> Option<Placed> {
    let ahead =
        (7 + weekday.num_days_from_monday() - published.weekday().num_days_from_monday()) % 7;
    if ahead == 0 {
        return Some(Placed {
            when: When::day(published),
            reading: reading_of(tense),
            alternatives: Vec::new(),
        });
    }
    let after = published.checked_add_days(Days::new(u64::from(ahead)))?;
    let before = published.checked_sub_days(Days::new(u64::from(7 - ahead)))?;
    let candidates = [When::day(before), When::day(after)];
    by_tense(&candidates, published, tense)
}

/// "last Friday" (-1), "this Friday" (0), "next Monday" (1).
pub(crate) fn modified_weekday(
    weekday: Weekday,
    published: NaiveDate,
    modifier: i32,
) -> Option<When> {
    let today = published.weekday().num_days_from_monday();
    let target = weekday.num_days_from_monday();
    let day = match modifier {
        m if m < 0 => {
            published.checked_sub_days(Days::new(u64::from((7 + today - target - 1) % 7 + 1)))
        }
        0 => published
            .checked_sub_days(Days::new(u64::from(today)))?
            .checked_add_days(Days::new(u64::from(target))),
        _ => published.checked_add_days(Days::new(u64::from((7 + target - today - 1) % 7 + 1))),
    }?;
    Some(When::day(day))
}

/// "last week" (-1), "this month" (0), "next year" (1).
pub(crate) fn period(precision: Precision, published: NaiveDate, offset: i32) -> Option<When> {
    let now = When::holding(published, precision);
    let first = match precision {
        Precision::Week => shifted(now.first, 7 * i64::from(offset))?,
        Precision::Month => move_months(now.first, offset)?,
        Precision::Year => now.first.with_year(now.first.year() + offset)?,
        Precision::Day | Precision::Season => return None,
    };
    Some(When { first, precision })
}

fn move_months(day: NaiveDate, offset: i32) -> Option<NaiveDate> {
    let months = Months::new(offset.unsigned_abs());
    if offset < 0 {
        day.checked_sub_months(months)
    } else {
        day.checked_add_months(months)
    }
}

/// The season with first month `first_month` (3, 6, 9 or 12) of `year`.
pub(crate) fn season_of(first_month: u32, year: i32) -> Option<When> {
    Some(When {
        first: NaiveDate::from_ymd_opt(year, first_month, 1)?,
        precision: Precision::Season,
    })
}

/// "last summer" (-1), "this fall" (0), "next spring" (1).
pub(crate) fn modified_season(
    first_month: u32,
    published: NaiveDate,
    modifier: i32,
) -> Option<When> {
    let seasons: Vec<When> = (published.year() - 2..=published.year() + 2)
        .filter_map(|y| season_of(first_month, y))
        .collect();
    let holds = |w: &When| w.first <= published && published <= w.last();
    match modifier {
        m if m < 0 => seasons.iter().rev().find(|w| w.last() < published).copied(),
        0 => seasons
            .iter()
            .find(|w| holds(w))
            .or_else(|| seasons.iter().find(|w| w.first.year() == published.year()))
            .copied(),
        _ => seasons.iter().find(|w| w.first > published).copied(),
    }
}
