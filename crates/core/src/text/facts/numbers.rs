//! Numbers, digit or spelled ("5", "five", "1.2 million"), with a unit word
//! that follows ("28-point", "five hours").

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::packed_lower;
use crate::text::tokens::{self, Word};

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

/// The value of a digit word ("1,200", "3.5", "27th").
pub fn digit_value(word: &str) -> Option<f64> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = without_ordinal(word)?;
    if digits.contains(',') {
        digits.replace(',', "").parse().ok()
    } else {
        digits.parse().ok()
    }
}

/// A word's digits without an ordinal ending ("27th" -> "27", "1,200" as it
/// is); `None` when other letters follow the digits ("5km").
pub(super) fn without_ordinal(word: &str) -> Option<&str> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    match &word[digits.len()..] {
        "" | "st" | "nd" | "rd" | "th" => Some(digits),
        _ => None,
    }
}

pub(super) fn find_numbers<'a>(
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
        // A currency sign before the number belongs to it; € and £ are more
        // than one byte.
        if let Some(sign) = sentence[..start]
            .chars()
            .next_back()
            .filter(|c| matches!(c, '$' | '€' | '£'))
        {
            start -= sign.len_utf8();
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

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

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
    fn a_currency_sign_of_several_bytes_joins_its_number() {
        let surfaces = |s: &str| {
            extract(s, None)
                .numbers
                .iter()
                .map(|n| (n.surface.to_string(), n.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            surfaces("Fares rose by £5 a day."),
            [("£5".to_string(), 5.0)]
        );
        assert_eq!(surfaces("Fares rose by €12."), [("€12".to_string(), 12.0)]);
        assert_eq!(surfaces("Fares rose by $3."), [("$3".to_string(), 3.0)]);
        // Found by the facts fuzz target: a pound sign glued to the word
        // before split the sign's bytes and panicked.
        let glued = surfaces("Thanksgiving£1 came");
        assert_eq!(glued.len(), 1);
        assert!(glued[0].0.starts_with("£1"), "{glued:?}");
    }

    #[test]
    fn ordinals_count_as_numbers_and_days() {
        assert_eq!(digit_value("27th"), Some(27.0));
        assert_eq!(digit_value("1st"), Some(1.0));
        assert_eq!(digit_value("1,200th"), Some(1200.0));
        assert_eq!(digit_value("5km"), None);
        let facts = extract("She came 2nd of 40 runners on November 22nd.", None);
        assert_eq!(
            facts.numbers.iter().map(|n| n.value).collect::<Vec<_>>(),
            [2.0, 40.0]
        );
        assert_eq!(facts.dates[0].surface, "November 22nd");
    }

    #[test]
    fn number_surface_takes_its_unit_word() {
        let facts = extract("The 28-point plan took five hours.", None);
        let surfaces: Vec<_> = facts.numbers.iter().map(|n| n.surface).collect();
        assert_eq!(surfaces, ["28-point", "five hours"]);
    }
}
