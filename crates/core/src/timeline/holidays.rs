//! Holidays a news story dates things by, and the day each falls on in a year.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The day of the holiday named `name` (lowercase, as [`holiday_name`] returns it) in `year`.
pub(crate) fn holiday(name: &str, year: i32) -> Option<NaiveDate> {
    match name {
        "thanksgiving" => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Thu, 4),
        "black friday" => holiday("thanksgiving", year)?.checked_add_days(Days::new(1)),
        "christmas" => NaiveDate::from_ymd_opt(year, 12, 25),
        "christmas eve" => NaiveDate::from_ymd_opt(year, 12, 24),
        "new year's eve" => NaiveDate::from_ymd_opt(year, 12, 31),
        "new year's day" => NaiveDate::from_ymd_opt(year, 1, 1),
        "halloween" => NaiveDate::from_ymd_opt(year, 10, 31),
        "independence day" => NaiveDate::from_ymd_opt(year, 7, 4),
        "veterans day" => NaiveDate::from_ymd_opt(year, 11, 11),
        "labor day" => NaiveDate::from_weekday_of_month_opt(year, 9, Weekday::Mon, 1),
        "memorial day" => last_weekday_of(year, 5, Weekday::Mon),
        // The Tuesday after the first Monday of November.
        "election day" => NaiveDate::from_weekday_of_month_opt(year, 11, Weekday::Mon, 1)?
            .checked_add_days(Days::new(1)),
        "easter" => easter(year),
        _ => None,
    }
}

/// The holiday whose name starts at word `i` of `lower` (lowercased words): its
/// name and how many words it takes.
pub(crate) fn holiday_name(lower: &[String], i: usize) -> Option<(&'static str, usize)> {
    let at = |k: usize| lower.get(i + k).map(String::as_str);
    let day_follows = at(1) == Some("day");
    Some(match at(0)? {
        "thanksgiving" if day_follows => ("thanksgiving", 2),
        "thanksgiving" => ("thanksgiving", 1),
        "christmas" if at(1) == Some("eve") => ("christmas eve", 2),
        "christmas" if day_follows => ("christmas", 2),
        "christmas" => ("christmas", 1),
        "halloween" => ("halloween", 1),
        "easter" if at(1) == Some("sunday") => ("easter", 2),
        "easter" => ("easter", 1),
        "black" if at(1) == Some("friday") => ("black friday", 2),
        "independence" if day_follows => ("independence day", 2),
        "veterans" | "veterans'" | "veteran's" if day_follows => ("veterans day", 2),
        "labor" if day_follows => ("labor day", 2),
        "memorial" if day_follows => ("memorial day", 2),
        "election" if day_follows => ("election day", 2),
        "new" if matches!(at(1), Some("year's" | "year’s" | "years")) => match at(2) {
            Some("eve") => ("new year's eve", 3),
            Some("day") => ("new year's day", 3),
            _ => return None,
        },
        _ => return None,
    })
}

fn last_weekday_of(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = next_month.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    last.checked_sub_days(Days::new(u64::from(back)))
}

/// Western Easter Sunday (the anonymous Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn movable_holidays_fall_on_their_rule_days() {
        assert_eq!(holiday("thanksgiving", 2025), day(2025, 11, 27));
        assert_eq!(holiday("black friday", 2025), day(2025, 11, 28));
        assert_eq!(holiday("labor day", 2025), day(2025, 9, 1));
        assert_eq!(holiday("memorial day", 2025), day(2025, 5, 26));
        assert_eq!(holiday("election day", 2024), day(2024, 11, 5));
        assert_eq!(holiday("easter", 2025), day(2025, 4, 20));
        assert_eq!(holiday("easter", 2024), day(2024, 3, 31));
    }

    #[test]
    fn names_take_their_words() {
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(
            holiday_name(&words("new year's eve party"), 0),
            Some(("new year's eve", 3))
        );
        assert_eq!(holiday_name(&words("independence party"), 0), None);
        assert_eq!(
            holiday_name(&words("thanksgiving day"), 0),
            Some(("thanksgiving", 2))
        );
    }
}
