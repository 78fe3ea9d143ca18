//! Whether a sentence tells of a dated thing as done or as to come: the words
//! that decide if "on Tuesday" is the Tuesday before publication or after.

/// What the verbs around a date expression say about when it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// Told as done ("met", "was cancelled").
    Past,
    /// Told as to come ("will meet", "is set for", "are to sign").
    Future,
    /// Nothing says.
    Unknown,
}

/// Irregular past forms common in news copy (regular ones end in "-ed").
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "met",
    "said",
    "held",
    "began",
    "flew",
    "spoke",
    "came",
    "went",
    "took",
    "told",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "grew",
    "ran",
    "sent",
    "saw",
    "struck",
    "stood",
    "brought",
    "fought",
    "broke",
    "gave",
    "made",
    "paid",
    "sold",
    "built",
    "led",
    "hit",
    "shut",
    "quit",
    "spent",
    "wrote",
    "drew",
    "threw",
    "chose",
    "kept",
    "felt",
    "became",
    "withdrew",
    "fled",
    "sought",
    "thought",
    "ago",
    "found",
    "heard",
    "knew",
    "meant",
    "sat",
    "slept",
    "stole",
    "swore",
    "tore",
    "woke",
    "wore",
    "overtook",
    "undertook",
    "froze",
    "shook",
    "sank",
    "began",
];

/// Verbs of attribution, which follow what they report.
const REPORTING: &[&str] = &[
    "said",
    "told",
    "added",
    "announced",
    "reported",
    "wrote",
    "stated",
];

/// Words that say a plan, not a past event ("the meeting planned for", "had planned to meet").
const PLAN_WORDS: &[&str] = &[
    "planned",
    "scheduled",
    "expected",
    "slated",
    "set",
    "due",
    "supposed",
    "intended",
    "proposed",
];

/// The tense of the clause around words `start..end` of `lower` (lowercased
/// words): the nearest tense word before the expression, else the nearest after.
pub(crate) fn tense_around(lower: &[String], start: usize, end: usize) -> Tense {
    // "accepted by Friday", "must answer by Monday": a day given as a limit is still to come.
    if start > 0 && lower[start - 1] == "by" {
        return Tense::Future;
    }
    for i in (0..start).rev() {
        if let Some(t) = tense_of(lower, i) {
            return t;
        }
    }
    for i in end..lower.len() {
        // "..., officials said" tells when it was reported, not when it happens.
        if REPORTING.contains(&lower[i].as_str()) {
            continue;
        }
        if let Some(t) = tense_of(lower, i) {
            return t;
        }
    }
    Tense::Unknown
}

fn tense_of(lower: &[String], i: usize) -> Option<Tense> {
    let word = lower[i].as_str();
    let before = i.checked_sub(1).map(|j| lower[j].as_str());
    let after_be = matches!(
        before,
        Some("is" | "are" | "am" | "be" | "being" | "been" | "'s")
    );
    match word {
        "will" | "shall" | "won't" | "would" | "wouldn't" | "going" | "upcoming" | "must"
        | "should" | "deadline" | "until" => Some(Tense::Future),
        "to" if matches!(
            before,
            Some("is" | "are" | "am" | "plans" | "plan" | "hopes" | "wants" | "aims" | "likely")
        ) =>
        {
            Some(Tense::Future)
        }
        // "the deadline he set on Monday": someone set it, and that was done.
        "set"
            if matches!(
                before,
                Some("he" | "she" | "they" | "we" | "i" | "you" | "it" | "had" | "has" | "have")
            ) =>
        {
            Some(Tense::Past)
        }
        // What was planned is told as to come, whatever became of it.
        w if PLAN_WORDS.contains(&w) => Some(Tense::Future),
        // A participle after "is", "be" ("are banned", "will be held") is not the past.
        w if after_be
            && w != "was"
            && w != "were"
            && (IRREGULAR_PAST.contains(&w) || w.ends_with("ed")) =>
        {
            None
        }
        w if IRREGULAR_PAST.contains(&w) => Some(Tense::Past),
        w if w.len() >= 5 && w.ends_with("ed") && w.chars().all(char::is_alphabetic) => {
            Some(Tense::Past)
        }
        w if w.ends_with("'ll") || w.ends_with("’ll") => Some(Tense::Future),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense(sentence: &str, expression_word: &str) -> Tense {
        let lower: Vec<String> = sentence
            .split(' ')
            .map(|w| {
                w.trim_matches(|c: char| c == '.' || c == ',')
                    .to_lowercase()
            })
            .collect();
        let at = lower.iter().position(|w| w == expression_word).unwrap_or(0);
        tense_around(&lower, at, at + 1)
    }

    #[test]
    fn past_future_and_plans_are_told_apart() {
        // What was planned is told as to come, even when it was called off.
        assert_eq!(
            tense("The envoys met Putin on Tuesday.", "tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("They will meet on Thursday.", "thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("A vote is scheduled for Friday.", "friday"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "The meeting planned for Wednesday was cancelled.",
                "wednesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("Ministers are to sign on Saturday.", "saturday"),
            Tense::Future
        );
        assert_eq!(tense("Polls open on Saturday.", "saturday"), Tense::Unknown);
        assert_eq!(
            tense("He repeated the deadline he set on Monday.", "monday"),
            Tense::Past
        );
        assert_eq!(
            tense(
                "The offer lapses if it was not accepted by Friday.",
                "friday"
            ),
            Tense::Future
        );
    }
}
