//! Approximate search for a quote whose words changed: a bit-parallel
//! (SIMD) Levenshtein search with errors in proportion to the quote's length.
//! Overlapping hits are one candidate; each candidate is widened to whole
//! words, since a passage is quoted in words.

use triple_accel::levenshtein::{LEVENSHTEIN_COSTS, levenshtein_search_simd_with_opts};
use triple_accel::{Match, SearchType};

use super::score::max_errors;

/// Byte ranges of `text` within [`max_errors`] edits of `quote`, fewest
/// edits first within each stretch of overlapping hits, in text order.
pub fn candidates(text: &str, quote: &str) -> Vec<(usize, usize)> {
    let k = max_errors(quote.chars().count());
    if quote.is_empty() || text.is_empty() || k == 0 {
        return Vec::new();
    }
    let hits: Vec<Match> = levenshtein_search_simd_with_opts(
        quote.as_bytes(),
        text.as_bytes(),
        k,
        SearchType::All,
        LEVENSHTEIN_COSTS,
        false,
    )
    .collect();
    let mut best: Vec<Match> = Vec::new();
    for hit in hits {
        match best.last_mut() {
            Some(last) if hit.start < last.end => {
                if hit.k < last.k {
                    *last = hit;
                }
            }
            _ => best.push(hit),
        }
    }
    let mut out: Vec<(usize, usize)> = best
        .into_iter()
        .map(|m| whole_words(text, m.start, m.end, quote))
        .filter(|(s, e)| s < e)
        .collect();
    out.dedup();
    out
}

/// Widens `start..end` to char boundaries and, where the quote begins or ends
/// with a word character, to the whole word there; white space at the edges
/// is left out.
fn whole_words(text: &str, mut start: usize, mut end: usize, quote: &str) -> (usize, usize) {
    let is_word = |c: char| c.is_alphanumeric();
    while start > 0 && !text.is_char_boundary(start) {
        start -= 1;
    }
    end = end.min(text.len());
    while end < text.len() && !text.is_char_boundary(end) {
        end += 1;
    }
    if quote.chars().next().is_some_and(is_word) {
        while let Some(c) = text[..start].chars().next_back().filter(|&c| is_word(c)) {
            start -= c.len_utf8();
        }
    }
    if quote.chars().next_back().is_some_and(is_word) {
        while let Some(c) = text[end..].chars().next().filter(|&c| is_word(c)) {
            end += c.len_utf8();
        }
    }
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    (start + lead, (end - trail).max(start + lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_with_one_changed_word_is_found_as_whole_words() {
        let text = "At dawn the ferry crossing took four hours in the storm.";
        let hits = candidates(text, "the ferry crossing took five hours");
        let found: Vec<&str> = hits.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(found, vec!["the ferry crossing took four hours"]);
    }

    #[test]
    fn nothing_close_gives_no_candidate() {
        assert!(candidates("Rain fell on the coast.", "the minister resigned today").is_empty());
    }
}
