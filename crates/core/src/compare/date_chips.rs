//! The date chips of a pair in the app: each date difference with the day
//! each side resolves to ("Wednesday = 3 Dec 2025"), and each pair of dates
//! that is no difference only because, with no publication day known, the two
//! can fall on the same day ("same day if 2025").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::DifferenceKind;
use super::view::DifferenceView;
use crate::text::facts::{ANY_YEAR, DateFact, DateValue, extract};

/// A date of one pair as the compare view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateChip {
    /// The left wording ("" when the left states no date here).
    pub left: String,
    /// The right wording ("" when the right states no date here).
    pub right: String,
    /// The left's day when it can be placed: "Wednesday = 3 Dec 2025".
    pub left_day: Option<String>,
    /// The right's day when it can be placed.
    pub right_day: Option<String>,
    /// True for a date difference, false for two dates that agree.
    pub differs: bool,
    /// What the chip's tooltip says: both days, or in which year they agree.
    pub title: String,
}

/// "Wednesday = 3 Dec 2025" for a date placed on the calendar.
fn resolved(fact: &DateFact<'_>) -> Option<String> {
    match fact.value {
        DateValue::Day(d) => Some(format!("{} = {}", fact.surface, d.format("%-d %b %Y"))),
        _ => None,
    }
}

fn find<'f, 'a>(facts: &'f [DateFact<'a>], surface: &str) -> Option<&'f DateFact<'a>> {
    facts.iter().find(|f| f.surface == surface)
}

/// The chips of one pair: its date differences and its dates that agree only
/// in some year. `this_year` is the latest year "same day if" may name.
pub fn date_chips(
    (left, left_published): (&str, Option<NaiveDate>),
    (right, right_published): (&str, Option<NaiveDate>),
    differences: &[DifferenceView],
    this_year: i32,
) -> Vec<DateChip> {
    let lf = extract(left, left_published).dates;
    let rf = extract(right, right_published).dates;
    let mut chips = Vec::new();
    for d in differences
        .iter()
        .filter(|d| d.kind == DifferenceKind::Date)
    {
        let left_day = find(&lf, &d.left).and_then(resolved);
        let right_day = find(&rf, &d.right).and_then(resolved);
        let side = |day: &Option<String>, surface: &str| match (day, surface) {
            (Some(day), _) => day.clone(),
            (None, "") => "no date".to_owned(),
            (None, s) => format!("{s} (cannot be placed without a publication day)"),
        };
        let title = format!(
            "{} on the left, {} on the right",
            side(&left_day, &d.left),
            side(&right_day, &d.right)
        );
        chips.push(DateChip {
            left: d.left.clone(),
            right: d.right.clone(),
            left_day,
            right_day,
            differs: true,
            title,
        });
    }
    for a in &lf {
        for b in &rf {
            if a.value.same_as(&b.value) {
                continue;
            }
            let year = a
                .value
                .same_day_in(&b.value, this_year - 40..=this_year)
                .or_else(|| a.value.same_day_in(&b.value, ANY_YEAR));
            if let Some(year) = year {
                chips.push(DateChip {
                    left: a.surface.to_owned(),
                    right: b.surface.to_owned(),
                    left_day: None,
                    right_day: None,
                    differs: false,
                    title: format!("same day if {year}"),
                });
            }
        }
    }
    chips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::view::DifferenceView;

    #[test]
    fn a_date_difference_shows_the_day_each_side_resolves_to() {
        let published = NaiveDate::from_ymd_opt(2025, 12, 1);
        let differences = [DifferenceView {
            kind: DifferenceKind::Date,
            left: "Wednesday".into(),
            right: "Thursday".into(),
        }];
        let chips = date_chips(
            ("Ortiz flies out on Wednesday.", published),
            ("Ortiz flies out on Thursday.", published),
            &differences,
            2026,
        );
        assert_eq!(chips.len(), 1);
        assert_eq!(chips[0].left_day.as_deref(), Some("Wednesday = 3 Dec 2025"));
        assert_eq!(chips[0].right_day.as_deref(), Some("Thursday = 4 Dec 2025"));
        assert_eq!(
            chips[0].title,
            "Wednesday = 3 Dec 2025 on the left, Thursday = 4 Dec 2025 on the right"
        );
    }

    #[test]
    fn dates_that_agree_only_in_some_year_say_which() {
        let chips = date_chips(
            ("The deadline is Thanksgiving Day.", None),
            ("The deadline is November 27.", None),
            &[],
            2026,
        );
        assert_eq!(chips.len(), 1);
        assert!(!chips[0].differs);
        assert_eq!(chips[0].title, "same day if 2025");
        assert_eq!(
            (chips[0].left.as_str(), chips[0].right.as_str()),
            ("Thanksgiving Day", "November 27")
        );
    }
}
