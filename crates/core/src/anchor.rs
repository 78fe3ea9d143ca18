//! Anchoring passages in text with W3C Web Annotation selectors: a
//! TextQuoteSelector (exact words with some context either side) and a
//! TextPositionSelector (code point offsets), and finding them again in a
//! changed text.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

mod approximate;
mod find;
mod folded;
mod follow;
mod nearest;
pub mod score;
mod through_versions;

use folded::Folded;

pub use find::{FindStatus, Found, Method, Selector, find};
pub use follow::{Followed, PassageStatus, WordChange, follow, summary};
pub use through_versions::VersionMap;

/// How many code points of context a quote selector keeps either side.
pub const CONTEXT_CHARS: usize = 32;

/// A passage located in one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Anchor {
    /// The passage's own characters, exactly as they stand in the text.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points of text just before the passage;
    /// shorter (or empty) when the passage starts near the text's beginning.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points of text just after the passage;
    /// shorter (or empty) when the passage ends near the text's end.
    pub suffix: String,
    /// Code point offsets.
    pub start: u32,
    /// Code point offset just past the passage (exclusive), so `end - start`
    /// is the passage's length in code points.
    pub end: u32,
}

/// Finds `quote` in `text` and anchors it. Runs of white space in the quote
/// match any run of white space in the text (a quote typed on one line still
/// finds a passage that breaks across lines). A quote that does not stand in
/// the text as typed is looked for again with case, quote marks, apostrophes,
/// dashes and zero-width characters folded away; the anchor always holds the
/// source's own characters. When the quote occurs more than once,
/// `occurrence` (1-based) picks one; without it that is an error. When it is
/// not there at all, the error offers the nearest passage if one is close.
pub fn locate(text: &str, quote: &str, occurrence: Option<u32>) -> Result<Anchor> {
    let words: Vec<&str> = quote.split_whitespace().collect();
    let folded_quote = Folded::new(quote);
    let folded_quote = folded_quote.text.trim();
    if words.is_empty() || folded_quote.is_empty() {
        return Err(Error::invalid(
            "the quote is empty: give the words of the passage",
        ));
    }
    let mut hits = find_all(text, &words);
    if hits.is_empty() {
        hits = find_folded(text, folded_quote);
    }
    let shown = shorten(quote.trim(), 60);
    let (start, end) = match (hits.len(), occurrence) {
        (0, _) => {
            return Err(Error::invalid(
                match nearest::nearest_passage(text, folded_quote) {
                    Some(near) => format!(
                        "the quote \"{shown}\" is not in the source text; did you mean “{}”?",
                        shorten(&near, 80)
                    ),
                    None => format!(
                        "the quote \"{shown}\" is not in the source text; copy the words as they stand in the source"
                    ),
                },
            ));
        }
        (1, None | Some(1)) => hits[0],
        (n, None) => {
            return Err(Error::invalid(format!(
                "the quote \"{shown}\" occurs {n} times in the source; quote more words or say which occurrence (1 to {n})"
            )));
        }
        (n, Some(k)) if k == 0 || k as usize > n => {
            return Err(Error::invalid(format!(
                "occurrence {k} asked for, but the quote occurs {n} time{} in the source",
                if n == 1 { "" } else { "s" }
            )));
        }
        (_, Some(k)) => hits[k as usize - 1],
    };
    Ok(anchor_bytes(text, start, end))
}

/// Byte ranges of `text` whose folded form is `folded_quote`.
fn find_folded(text: &str, folded_quote: &str) -> Vec<(usize, usize)> {
    let folded = Folded::new(text);
    folded
        .text
        .match_indices(folded_quote)
        .map(|(at, m)| folded.original_range(at, at + m.len()))
        .collect()
}

/// Builds the selectors for the byte range `start..end` of `text`.
pub fn anchor_bytes(text: &str, start: usize, end: usize) -> Anchor {
    let prefix_start = text[..start]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    let suffix_end = text[end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| end + i);
    let start_cp = text[..start].chars().count();
    let len_cp = text[start..end].chars().count();
    Anchor {
        exact: text[start..end].to_string(),
        prefix: text[prefix_start..start].to_string(),
        suffix: text[end..suffix_end].to_string(),
        start: to_u32(start_cp),
        end: to_u32(start_cp + len_cp),
    }
}

/// Finds an anchor again in `text`, which may have changed since: the
/// occurrence of its words whose context matches best, ties going to the one
/// nearest the stored position. `None` when the words are gone.
pub fn reanchor(text: &str, anchor: &Anchor) -> Option<Anchor> {
    let words: Vec<&str> = anchor.exact.split_whitespace().collect();
    let hits = find_all(text, &words);
    let score = |&(s, e): &(usize, usize)| {
        let before = common_suffix(&text[..s], &anchor.prefix);
        let after = common_prefix(&text[e..], &anchor.suffix);
        let distance = (text[..s].chars().count() as i64 - i64::from(anchor.start)).unsigned_abs();
        (before + after, std::cmp::Reverse(distance))
    };
    hits.iter()
        .max_by_key(|h| score(h))
        .map(|&(s, e)| anchor_bytes(text, s, e))
}

/// Byte range of the code point range `start..end`, if it lies inside `text`.
pub fn byte_range(text: &str, start: u32, end: u32) -> Option<(usize, usize)> {
    if end < start {
        return None;
    }
    let mut offsets = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let s = offsets.nth(start as usize)?;
    let e = if end == start {
        s
    } else {
        offsets.nth((end - start - 1) as usize)?
    };
    Some((s, e))
}

/// Byte ranges of every place where `words` follow each other separated by white space.
fn find_all(text: &str, words: &[&str]) -> Vec<(usize, usize)> {
    let Some(first) = words.first() else {
        return Vec::new();
    };
    let mut hits = Vec::new();
    for (start, _) in text.match_indices(first) {
        let mut pos = start + first.len();
        let mut ok = true;
        for w in &words[1..] {
            let rest = &text[pos..];
            let gap = rest.len() - rest.trim_start().len();
            if gap == 0 || !rest[gap..].starts_with(w) {
                ok = false;
                break;
            }
            pos += gap + w.len();
        }
        if ok {
            hits.push((start, pos));
        }
    }
    hits
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Officials said the envoys left Moscow.\nThe White House later backed down\nfrom that deadline, aides said. Kyiv — «no comment».";

    #[test]
    fn a_quote_on_one_line_finds_a_passage_broken_across_lines() {
        let a = locate(TEXT, "backed down from that deadline", None).expect("found");
        assert_eq!(a.exact, "backed down\nfrom that deadline");
        assert!(a.prefix.ends_with("White House later "));
        assert!(a.suffix.starts_with(", aides said."));
    }

    #[test]
    fn positions_count_code_points_not_bytes() {
        let a = locate(TEXT, "«no comment»", None).expect("found");
        let cps: Vec<char> = TEXT.chars().collect();
        let slice: String = cps[a.start as usize..a.end as usize].iter().collect();
        assert_eq!(slice, "«no comment»");
        let byte = TEXT.find('«').expect("in text");
        assert_eq!(a.start as usize, TEXT[..byte].chars().count());
        assert!(
            (a.start as usize) < byte,
            "the em dash before it is 3 bytes but 1 code point"
        );
    }

    #[test]
    fn a_missing_quote_is_refused_with_the_quote_in_the_message() {
        let err = locate(TEXT, "set a firm deadline", None).expect_err("absent");
        assert!(
            err.to_string()
                .contains("\"set a firm deadline\" is not in the source")
        );
    }

    #[test]
    fn a_repeated_quote_needs_an_occurrence() {
        let text = "He said no. Then she said no. Again he said no.";
        let err = locate(text, "said no", None).expect_err("ambiguous");
        assert!(err.to_string().contains("occurs 3 times"));
        let second = locate(text, "said no", Some(2)).expect("second");
        assert_eq!(&text[second.start as usize..second.end as usize], "said no");
        assert!(second.prefix.ends_with("Then she "));
        assert!(locate(text, "said no", Some(4)).is_err());
    }

    #[test]
    fn reanchor_follows_a_passage_moved_by_an_edit() {
        let old = "Intro. The talks ended at 7 p.m. without a deal.";
        let a = locate(old, "without a deal", None).expect("found");
        let new =
            "A new first paragraph was added. Intro. The talks ended at 7 p.m. without a deal.";
        let moved = reanchor(new, &a).expect("still there");
        assert_eq!(moved.exact, "without a deal");
        let chars: Vec<char> = new.chars().collect();
        assert_eq!(
            chars[moved.start as usize..moved.end as usize]
                .iter()
                .collect::<String>(),
            "without a deal"
        );
    }

    #[test]
    fn reanchor_prefers_the_occurrence_with_matching_context() {
        let old = "Alpha said yes. Beta said yes.";
        let beta = locate(old, "said yes", Some(2)).expect("found");
        let new = "Beta said yes. Alpha said yes. Gamma said yes.";
        let found = reanchor(new, &beta).expect("found");
        assert_eq!(found.start, 5, "the one after 'Beta '");
    }

    #[test]
    fn a_byte_range_ending_before_it_starts_is_none() {
        assert_eq!(byte_range("Talks ended.", 9, 3), None);
        assert_eq!(byte_range("«Talks»", 1, 6), Some((2, 7)));
    }

    #[test]
    fn reanchor_gives_none_when_the_words_are_gone() {
        let a = locate("The deadline was Thursday.", "was Thursday", None).expect("found");
        assert_eq!(reanchor("The deadline was dropped.", &a), None);
    }
}
