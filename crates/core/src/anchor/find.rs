//! Finds a W3C selector (TextQuote exact/prefix/suffix, optionally a
//! TextPosition start/end) in a text: the stored position when the words are
//! still there, else every verbatim occurrence, else approximate matches;
//! candidates are scored on the quote and its context, the hint (or stored
//! position) only breaking ties, and nothing under [`FLOOR`] is returned.

use serde::{Deserialize, Serialize};

use super::score::{FLOOR, Parts, context, similarity};
use super::{Anchor, CONTEXT_CHARS, anchor_bytes, approximate, byte_range, shorten};
use crate::error::{Error, Result};

/// What to look for: a TextQuoteSelector with an optional TextPositionSelector.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Selector {
    /// The passage's words.
    pub exact: String,
    /// Text just before the passage, when known.
    pub prefix: String,
    /// Text just after the passage, when known.
    pub suffix: String,
    /// Code point offsets where the passage stood, when known (both or neither).
    pub position: Option<(u32, u32)>,
}

/// How a passage was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The quote occurs once, word for word.
    Exact,
    /// The words still stand at the given position.
    Position,
    /// The quote occurs more than once; the context (or hint) picked one.
    Context,
    /// Not word for word: the closest approximate match.
    Fuzzy,
}

/// Whether a found passage can be taken as is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FindStatus {
    /// The passage's own words, in a place nothing else competes for.
    Anchored,
    /// Changed words, or a tie nothing could break: a person should look.
    NeedsReview,
}

/// A selector found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Found {
    /// Where it stands now, with its new context.
    pub anchor: Anchor,
    /// How sure: 1.0 for the words and context unchanged, never under [`FLOOR`].
    pub score: f64,
    /// How it was found.
    pub method: Method,
    /// Whether a person should look.
    pub status: FindStatus,
}

/// Finds `selector` in `text`; `hint` is a code point offset near which the
/// passage is expected (the stored start when not given). Refused with a
/// message when the quote is empty or nothing scores at least [`FLOOR`].
pub fn find(text: &str, selector: &Selector, hint: Option<u32>) -> Result<Found> {
    let exact = selector.exact.as_str();
    if exact.trim().is_empty() {
        return Err(Error::invalid(
            "the quote (--exact) is empty: give the words of the passage",
        ));
    }
    if let Some((start, end)) = selector.position
        && let Some((s, e)) = byte_range(text, start, end)
        && &text[s..e] == exact
    {
        let anchor = anchor_bytes(text, s, e);
        let score = score_of(text, s, e, selector).score(exact.chars().count());
        if score >= FLOOR || selector.prefix.is_empty() && selector.suffix.is_empty() {
            return Ok(Found {
                anchor,
                score: score.max(FLOOR),
                method: Method::Position,
                status: FindStatus::Anchored,
            });
        }
    }
    let hint = hint.or(selector.position.map(|p| p.0));
    let verbatim: Vec<(usize, usize)> = text
        .match_indices(exact)
        .map(|(s, m)| (s, s + m.len()))
        .collect();
    let (ranges, fuzzy) = if verbatim.is_empty() {
        (approximate::candidates(text, exact), true)
    } else {
        (verbatim, false)
    };
    let quote_len = exact.chars().count();
    let mut scored: Vec<(f64, u64, (usize, usize))> = ranges
        .into_iter()
        .map(|(s, e)| {
            let score = score_of(text, s, e, selector).score(quote_len);
            let distance = hint.map_or(0, |h| {
                (text[..s].chars().count() as i64 - i64::from(h)).unsigned_abs()
            });
            (score, distance, (s, e))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let Some(&(score, distance, (s, e))) = scored.first().filter(|c| c.0 >= FLOOR) else {
        return Err(Error::invalid(format!(
            "\"{}\" is not in the text with enough confidence (score below {FLOOR}); check the quote and its context",
            shorten(exact.trim(), 60)
        )));
    };
    let tied = scored
        .get(1)
        .is_some_and(|c| (c.0 - score).abs() < 1e-9 && (hint.is_none() || c.1 == distance));
    let method = match (fuzzy, scored.len()) {
        (true, _) => Method::Fuzzy,
        (false, 1) => Method::Exact,
        (false, _) => Method::Context,
    };
    Ok(Found {
        anchor: anchor_bytes(text, s, e),
        score,
        method,
        status: if fuzzy || tied {
            FindStatus::NeedsReview
        } else {
            FindStatus::Anchored
        },
    })
}

/// The parts of the score of the byte range `s..e` of `text` as the passage.
fn score_of(text: &str, s: usize, e: usize, selector: &Selector) -> Parts {
    let before: String = {
        let mut v: Vec<char> = text[..s]
            .chars()
            .rev()
            .take(selector.prefix.chars().count().min(CONTEXT_CHARS))
            .collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[e..]
        .chars()
        .take(selector.suffix.chars().count().min(CONTEXT_CHARS))
        .collect();
    Parts {
        quote: similarity(&text[s..e], &selector.exact),
        prefix: context(&selector.prefix, &before, true),
        suffix: context(&selector.suffix, &after, false),
    }
}
