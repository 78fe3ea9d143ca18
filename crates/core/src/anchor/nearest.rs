//! The passage of a text nearest to a quote that is not in it, for a "did you
//! mean …?" hint. Compared in folded form, a window of as many words as the
//! quote at every word of the text; the work is bounded so a long source
//! answers at once (without a hint) instead of keeping the user waiting.

use super::folded::Folded;

/// Most character comparisons spent looking for a hint: about a long
/// article against a sentence-long quote.
const MAX_CELLS: usize = 20_000_000;

/// How alike (0 to 1) a passage must be to be offered.
const MIN_SIMILARITY: f64 = 0.6;

/// The source's own text of the passage most like `folded_quote` (already
/// folded and trimmed), when one is alike enough and the search fits the bound.
pub(crate) fn nearest_passage(text: &str, folded_quote: &str) -> Option<String> {
    let wanted = folded_quote.split(' ').count();
    let quote_len = folded_quote.chars().count();
    // Each comparison costs about quote length × window length; checked
    // before any work on the text.
    let cells = text
        .split_whitespace()
        .count()
        .saturating_mul(quote_len)
        .saturating_mul(quote_len);
    if cells > MAX_CELLS {
        return None;
    }
    let words: Vec<(&str, String)> = text
        .split_whitespace()
        .map(|w| (w, Folded::new(w).text))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    if words.len() < wanted {
        return None;
    }
    let windows = words.len() - wanted + 1;
    let mut best: Option<(f64, usize)> = None;
    for at in 0..windows {
        let window = words[at..at + wanted]
            .iter()
            .map(|(_, f)| f.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let score = strsim::normalized_levenshtein(&window, folded_quote);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, at));
        }
    }
    let (score, at) = best?;
    if score < MIN_SIMILARITY {
        return None;
    }
    let passage: Vec<&str> = words[at..at + wanted].iter().map(|(w, _)| *w).collect();
    let passage = passage.join(" ");
    // The hint is shown in quote marks of its own: a word's opening or
    // closing mark the quote does not have is left out of it.
    let mut passage = passage.as_str();
    if !folded_quote.starts_with(is_quote_mark) {
        passage = passage.trim_start_matches(is_quote_mark);
    }
    if !folded_quote.ends_with(is_quote_mark) {
        passage = passage.trim_end_matches(is_quote_mark);
    }
    Some(passage.to_string())
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        Folded::new(c.encode_utf8(&mut [0; 4])).text.as_str(),
        "\"" | "'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_near_miss_is_offered_in_the_source_s_own_characters() {
        let text = "Asked about a second round, the envoy said: Definitely not further. Talks end.";
        assert_eq!(
            nearest_passage(text, "definitely not farther").as_deref(),
            Some("Definitely not further.")
        );
    }

    #[test]
    fn the_hint_leaves_out_quote_marks_the_quote_does_not_have() {
        let text = "The answer was “Definitely not further.” Talks ended.";
        assert_eq!(
            nearest_passage(text, "definitely not farther").as_deref(),
            Some("Definitely not further.")
        );
        assert_eq!(
            nearest_passage(text, "\"definitely not farther.\"").as_deref(),
            Some("“Definitely not further.”")
        );
    }

    #[test]
    fn nothing_alike_is_offered_as_nothing() {
        assert_eq!(
            nearest_passage("The ferry runs hourly.", "budget deficit"),
            None
        );
    }

    #[test]
    fn a_source_too_long_to_search_gets_no_hint() {
        let text = "Definitely not further. ".repeat(200_000);
        let quote = "definitely not farther, the envoy said again and again to all";
        let started = std::time::Instant::now();
        assert_eq!(nearest_passage(&text, quote), None);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
