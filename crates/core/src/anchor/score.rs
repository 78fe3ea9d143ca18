//! How sure re-anchoring is of a candidate passage: the quote's own words
//! count most, the prefix and suffix context next, and below [`FLOOR`] the
//! answer is "gone", never a guess. See `docs/anchoring.md`.

/// The lowest score a candidate may have and still be attached.
pub const FLOOR: f64 = 0.75;

/// The share of a quote's characters that may differ in an approximate match.
pub const MAX_ERROR_RATE: f64 = 0.25;

/// Weight of the quote's similarity in the score.
const QUOTE_WEIGHT: f64 = 1.0;

/// Weight of each side's context for a quote of [`CONTEXT_FULL_BELOW`]
/// characters or fewer; a longer quote speaks more for itself, so its
/// context weighs proportionally less.
const CONTEXT_WEIGHT: f64 = 0.35;
const CONTEXT_FULL_BELOW: f64 = 40.0;

/// How many edits an approximate search allows for a quote of `len` characters.
pub fn max_errors(len: usize) -> u32 {
    u32::try_from((len as f64 * MAX_ERROR_RATE).floor() as usize).unwrap_or(u32::MAX)
}

/// Similarity of two strings, 1.0 when equal, by code point edit distance.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    strsim::normalized_levenshtein(a, b)
}

/// One candidate's parts, each in 0..=1; a side's context is `None` when
/// there is nothing to compare (no stored context, or the text ends there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parts {
    /// How close the candidate's words are to the quote.
    pub quote: f64,
    /// How close the text before it is to the stored prefix.
    pub prefix: Option<f64>,
    /// How close the text after it is to the stored suffix.
    pub suffix: Option<f64>,
}

impl Parts {
    /// The weighted mean of the parts present, for a quote of `quote_len` characters.
    pub fn score(&self, quote_len: usize) -> f64 {
        let ctx = CONTEXT_WEIGHT * (CONTEXT_FULL_BELOW / quote_len.max(1) as f64).min(1.0);
        let mut total = QUOTE_WEIGHT * self.quote;
        let mut weight = QUOTE_WEIGHT;
        for side in [self.prefix, self.suffix].into_iter().flatten() {
            total += ctx * side;
            weight += ctx;
        }
        total / weight
    }
}

/// Compares a stored context with the text that stands in its place now
/// (`now` is as long as the text allows, at most the stored length). Only the
/// part the text has room for is compared; `None` when there is none.
pub fn context(stored: &str, now: &str, stored_is_prefix: bool) -> Option<f64> {
    let n = now.chars().count();
    if stored.is_empty() || n == 0 {
        return None;
    }
    let s = stored.chars().count();
    let stored_part: String = if stored_is_prefix {
        stored.chars().skip(s.saturating_sub(n)).collect()
    } else {
        stored.chars().take(n).collect()
    };
    Some(similarity(&stored_part, now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_short_quote_with_foreign_context_falls_below_the_floor() {
        let p = Parts {
            quote: 1.0,
            prefix: Some(0.2),
            suffix: Some(0.2),
        };
        assert!(p.score(12) < FLOOR);
    }

    #[test]
    fn a_long_exact_quote_stands_on_its_own_words() {
        let p = Parts {
            quote: 1.0,
            prefix: Some(0.2),
            suffix: Some(0.2),
        };
        assert!(p.score(120) >= FLOOR);
    }

    #[test]
    fn missing_context_is_left_out_not_counted_as_wrong() {
        let p = Parts {
            quote: 1.0,
            prefix: Some(1.0),
            suffix: None,
        };
        assert!((p.score(10) - 1.0).abs() < 1e-9);
        assert_eq!(context("abc", "", false), None);
        assert_eq!(context("", "abc", true), None);
    }
}
