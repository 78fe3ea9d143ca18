//! The days a claim's own words name ("a Thanksgiving Day deadline"), placed
//! against the day it was claimed, offered as its event date.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Precision, dates_in_text};

/// A day a claim's statement names, to offer as its event date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateOffer {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The words that name it, as written.
    pub expression: String,
    /// How it was placed: absolute, relative, past, future, nearest or ambiguous.
    pub reading: String,
    /// Other days an ambiguous expression may mean.
    pub alternatives: Vec<String>,
}

/// The days `statement` names, placed against `claimed_on` (without it, only
/// dates written in full), first mention first, each day once. Only whole
/// days are offered: an event date is a day, and "next week" is not one.
///
/// ```
/// use chrono::NaiveDate;
/// use claimdesk_core::timeline::claim_date_offers;
/// let claimed = NaiveDate::from_ymd_opt(2025, 11, 21);
/// let offers = claim_date_offers("Trump set a Thanksgiving Day deadline for Kyiv", claimed);
/// assert_eq!((offers[0].expression.as_str(), offers[0].date.as_str()), ("Thanksgiving Day", "2025-11-27"));
/// ```
pub fn claim_date_offers(statement: &str, claimed_on: Option<NaiveDate>) -> Vec<DateOffer> {
    let mut offers: Vec<DateOffer> = Vec::new();
    for d in dates_in_text(statement, claimed_on) {
        if d.when.precision != Precision::Day || d.until.is_some() {
            continue;
        }
        let date = d.when.label();
        if offers.iter().any(|o| o.date == date) {
            continue;
        }
        offers.push(DateOffer {
            date,
            expression: d.expression,
            reading: d.reading.as_str().to_owned(),
            alternatives: d
                .alternatives
                .iter()
                .filter(|w| w.precision == Precision::Day)
                .map(|w| w.label())
                .collect(),
        });
    }
    offers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn offered(statement: &str, claimed: Option<NaiveDate>) -> Vec<(String, String)> {
        claim_date_offers(statement, claimed)
            .into_iter()
            .map(|o| (o.expression, o.date))
            .collect()
    }

    #[test]
    fn a_holiday_deadline_is_offered_against_the_day_it_was_claimed() {
        assert_eq!(
            offered("Thanksgiving Day deadline", day(2025, 11, 21)),
            [("Thanksgiving Day".to_string(), "2025-11-27".to_string())]
        );
    }

    #[test]
    fn only_whole_days_are_offered_and_each_day_once() {
        assert_eq!(
            offered(
                "The union must answer by Friday, or Dec. 5 at the latest, and talks resume next week",
                day(2025, 12, 2)
            ),
            [("Friday".to_string(), "2025-12-05".to_string())]
        );
    }

    #[test]
    fn without_a_claimed_on_day_only_full_dates_are_offered() {
        assert_eq!(
            offered("The vote on Friday was moved to 2025-12-12", None),
            [("2025-12-12".to_string(), "2025-12-12".to_string())]
        );
    }
}
