//! A span of the calendar as precise as a text says it: a day, an ISO week,
//! a month, a season or a year, and how it is written in the timeline.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// How precise a dated expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// One calendar day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A season (spring March to May, summer June to August, fall September to
    /// November, winter December to February), written as its year.
    Season,
    /// A calendar year.
    Year,
}

impl Precision {
    /// The name used in JSON and in the workspace.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Season => "season",
            Precision::Year => "year",
        }
    }

    /// The precision named `name` ([`Precision::as_str`]).
    pub fn parse(name: &str) -> Option<Precision> {
        [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Year,
        ]
        .into_iter()
        .find(|p| p.as_str() == name)
    }
}

/// A stretch of the calendar: its first day and how far it reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct When {
    /// The first day of the span.
    pub first: NaiveDate,
    /// Day, week, month, season or year.
    pub precision: Precision,
}

impl When {
    /// One day.
    pub fn day(first: NaiveDate) -> When {
        When {
            first,
            precision: Precision::Day,
        }
    }

    /// The span of `precision` that holds `day`.
    pub fn holding(day: NaiveDate, precision: Precision) -> When {
        let first = match precision {
            Precision::Day | Precision::Season => day,
            Precision::Week => day
                .checked_sub_days(Days::new(u64::from(day.weekday().num_days_from_monday())))
                .unwrap_or(day),
            Precision::Month => day.with_day(1).unwrap_or(day),
            Precision::Year => day.with_ordinal(1).unwrap_or(day),
        };
        When { first, precision }
    }

    /// The last day of the span.
    pub fn last(&self) -> NaiveDate {
        let months = |n: u32| {
            self.first
                .checked_add_months(chrono::Months::new(n))
                .and_then(|d| d.pred_opt())
                .unwrap_or(self.first)
        };
        match self.precision {
            Precision::Day => self.first,
            Precision::Week => self
                .first
                .checked_add_days(Days::new(6))
                .unwrap_or(self.first),
            Precision::Month => months(1),
            Precision::Season => months(3),
            Precision::Year => months(12),
        }
    }

    /// As the timeline writes it: `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, or
    /// `YYYY` for a year or a season.
    pub fn label(&self) -> String {
        let d = self.first;
        match self.precision {
            Precision::Day => d.format("%Y-%m-%d").to_string(),
            Precision::Week => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Precision::Month => format!("{}-{:02}", d.year(), d.month()),
            Precision::Season | Precision::Year => format!("{}", d.year()),
        }
    }
}
