//! Whether two date expressions that cannot be placed on the calendar (no
//! publication day) can still mean the same day: "Thanksgiving Day" and
//! "November 27" can (in 2025), "Thursday" and "November 27" can, "Wednesday"
//! and "Thursday" cannot.

use chrono::{Datelike, NaiveDate};

use super::DateValue;
use super::dates::holiday;

/// Years searched when only whether some year fits matters: longer than the
/// 28-year cycle of the calendar, leap days included.
pub const ANY_YEAR: std::ops::RangeInclusive<i32> = 1996..=2040;

impl DateValue {
    /// The latest year of `years` in which both expressions fall on the same
    /// day, when neither is a calendar day already; `None` when no year fits
    /// or one of them cannot be placed in any year ("tomorrow").
    pub fn same_day_in(
        &self,
        other: &DateValue,
        years: std::ops::RangeInclusive<i32>,
    ) -> Option<i32> {
        use DateValue::*;
        let fits = |y: i32| -> bool {
            let (a, b) = (self.in_year(y), other.in_year(y));
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                // A weekday against a day placed in the year.
                (Some(d), None) => matches!(other, Weekday(w) if d.weekday() == *w),
                (None, Some(d)) => matches!(self, Weekday(w) if d.weekday() == *w),
                (None, None) => false,
            }
        };
        match (self, other) {
            (Day(_), _) | (_, Day(_)) | (Weekday(_), Weekday(_)) => None,
            _ => years.rev().find(|y| fits(*y)),
        }
    }

    /// The day this expression means in `year`, for a month-day or a holiday.
    fn in_year(&self, year: i32) -> Option<NaiveDate> {
        match self {
            DateValue::MonthDay { month, day } => NaiveDate::from_ymd_opt(year, *month, *day),
            DateValue::Named(name) => holiday(name, year),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn named(n: &str) -> DateValue {
        DateValue::Named(n.to_owned())
    }

    #[test]
    fn a_holiday_and_a_month_day_are_the_same_day_in_some_years() {
        let nov_27 = DateValue::MonthDay { month: 11, day: 27 };
        assert_eq!(
            named("thanksgiving").same_day_in(&nov_27, 2000..=2026),
            Some(2025)
        );
        let nov_30 = DateValue::MonthDay { month: 11, day: 30 };
        assert_eq!(named("thanksgiving").same_day_in(&nov_30, ANY_YEAR), None);
    }

    #[test]
    fn a_weekday_fits_a_month_day_but_not_another_weekday() {
        let thu = DateValue::Weekday(Weekday::Thu);
        let dec_3 = DateValue::MonthDay { month: 12, day: 3 };
        assert_eq!(thu.same_day_in(&dec_3, 2000..=2026), Some(2026));
        assert_eq!(
            named("thanksgiving").same_day_in(&thu, 2000..=2026),
            Some(2026)
        );
        let wed = DateValue::Weekday(Weekday::Wed);
        assert_eq!(wed.same_day_in(&thu, ANY_YEAR), None);
        assert_eq!(named("tomorrow").same_day_in(&thu, ANY_YEAR), None);
    }
}
