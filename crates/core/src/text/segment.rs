//! Sentence segmentation of English news prose, with byte offsets.
//!
//! The heavy lifting (abbreviations, initials, decimals, quotations) is done by
//! `sentencex`; this module fixes what it gets wrong for news copy: times such as
//! "7 p.m. Tuesday", list items on their own lines, headlines, bylines and
//! datelines that stand on a line without final punctuation, and stray splits
//! before a lowercase word.

use serde::Serialize;

/// One sentence of a text: its position and the exact slice it covers.
///
/// `start` and `end` are byte offsets into the segmented text, so
/// `&text[start..end] == sentence.text`. Leading and trailing whitespace is
/// never part of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence<'a> {
    /// Position of the sentence in its text, from 0.
    pub index: usize,
    /// The sentence itself, a slice of the segmented text.
    pub text: &'a str,
    /// Byte offset of the first byte of the sentence.
    pub start: usize,
    /// Byte offset just past the last byte of the sentence.
    pub end: usize,
}

/// Splits `text` into sentences with byte offsets.
///
/// ```
/// let s = claimdesk_core::text::segment("Mr. Ortiz left at 7 p.m. Tuesday. Talks ended.");
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[1].text, "Talks ended.");
/// assert_eq!(s[1].start, 34);
/// ```
pub fn segment(text: &str) -> Vec<Sentence<'_>> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for boundary in sentencex::get_sentence_boundaries("en", text) {
        // Offsets come from the library; keep only those that slice the text cleanly.
        let (start, end) = (boundary.start_byte, boundary.end_byte);
        if start >= end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        split_lines(text, start, end, &mut spans);
    }
    let spans = merge_false_splits(text, spans);
    let spans = super::inline_lists::split_inline_lists(text, spans);
    let spans = super::inline_lists::split_line_columns(text, spans);
    let spans = split_four_dot_ellipses(text, spans);
    spans
        .into_iter()
        .enumerate()
        .map(|(index, (start, end))| Sentence {
            index,
            text: &text[start..end],
            start,
            end,
        })
        .collect()
}

/// Trims whitespace off `start..end`; `None` when nothing is left.
fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some((start + lead, start + lead + trimmed.len()))
}

/// Pushes the sentences of one segmenter span, split further at line breaks that
/// end a list item, a headline, a byline or a dateline.
fn split_lines(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let mut piece_start = start;
    let slice = &text[start..end];
    let mut line_start = start;
    for (offset, _) in slice.match_indices('\n') {
        let newline = start + offset;
        let line = text[line_start..newline].trim();
        let next_line = text[newline + 1..end].trim_start();
        let piece_so_far = text[piece_start..newline].trim();
        if !piece_so_far.is_empty()
            && !next_line.is_empty()
            && (starts_list_item(next_line)
                || starts_list_item(piece_so_far)
                || is_title_line(line, next_line))
        {
            if let Some(span) = trim_span(text, piece_start, newline) {
                out.push(span);
            }
            piece_start = newline + 1;
        }
        line_start = newline + 1;
    }
    if let Some(span) = trim_span(text, piece_start, end) {
        out.push(span);
    }
}

/// True when a line begins with a list marker: "1.", "2)", "a)", "b.", "(c)", "-", "*", "•".
fn starts_list_item(line: &str) -> bool {
    let bytes = line.as_bytes();
    let followed_by_space = |i: usize| bytes.get(i).is_some_and(|b| *b == b' ' || *b == b'\t');
    if line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("• ")
        || line.starts_with("– ")
    {
        return true;
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&digits)
        && matches!(bytes.get(digits), Some(b'.') | Some(b')'))
        && followed_by_space(digits + 1)
    {
        return true;
    }
    if bytes.first().is_some_and(|b| b.is_ascii_lowercase())
        && matches!(bytes.get(1), Some(b'.') | Some(b')'))
        && followed_by_space(2)
    {
        return true;
    }
    if bytes.first().is_some_and(|b| b.is_ascii_uppercase())
        && bytes.get(1) == Some(&b')')
        && followed_by_space(2)
    {
        return true;
    }
    bytes.first() == Some(&b'(')
        && bytes.get(1).is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.get(2) == Some(&b')')
        && followed_by_space(3)
}

/// True when `line` stands alone as a headline, byline or dateline: no final
/// punctuation, short, mostly capitalised words, and the next line starts a new
/// sentence. A sentence wrapped over two lines ("the plan\nwould") fails this.
fn is_title_line(line: &str, next_line: &str) -> bool {
    if line.is_empty()
        || line.ends_with([
            '.', '!', '?', ',', ';', ':', '-', '—', '–', '"', '”', '\'', '’', '(',
        ])
    {
        return false;
    }
    let next_starts_sentence = next_line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘'));
    if !next_starts_sentence {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    if words[0] == "By" {
        return true;
    }
    let alphabetic: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .filter(|w| !super::tokens::is_stopword(&w.to_lowercase()))
        .collect();
    if alphabetic.is_empty() {
        // A line of numbers alone, like a date "25/11/2025".
        return words.iter().all(|w| w.chars().any(|c| c.is_ascii_digit()));
    }
    let capitalised = alphabetic
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    capitalised * 3 >= alphabetic.len() * 2
}

/// Joins spans the segmenter split where no sentence ends: after "a.m."/"p.m."
/// followed by a weekday or time zone, and before a lowercase word on the same line.
fn merge_false_splits(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        if let Some(last) = merged.last_mut() {
            let gap = &text[last.1..start];
            let previous = &text[last.0..last.1];
            let next = &text[start..end];
            if !gap.contains('\n') && continues_sentence(previous, next) {
                last.1 = end;
                continue;
            }
        }
        merged.push((start, end));
    }
    merged
}

/// Moves a four-dot ellipsis that follows a sentence's own period ("compounds.
/// . . . The practice") to the start of the next sentence on the same line: the
/// period ends the one, the three dots open the other. An ellipsis after a space
/// ("a period . . . .") ends its sentence and stays.
fn split_four_dot_ellipses(text: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    const DOTS: &str = " . . .";
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        if let Some(last) = out.last_mut() {
            let previous = &text[last.0..last.1];
            let same_line = !text[last.1..start].contains('\n');
            if same_line
                && let Some(head) = previous.strip_suffix(DOTS)
                && head.ends_with('.')
                && !head[..head.len() - 1].ends_with([' ', '.'])
                && text[start..end].starts_with(char::is_uppercase)
            {
                let cut = last.0 + head.len();
                last.1 = cut;
                out.push((cut + 1, end));
                continue;
            }
        }
        out.push((start, end));
    }
    out
}

/// Words that follow "7 p.m." inside one sentence.
const AFTER_TIME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "ET",
    "EST",
    "EDT",
    "CT",
    "CST",
    "CDT",
    "PT",
    "PST",
    "PDT",
    "GMT",
    "UTC",
    "BST",
    "CET",
];

fn continues_sentence(previous: &str, next: &str) -> bool {
    let first_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let starts_lowercase = next.chars().next().is_some_and(char::is_lowercase);
    if starts_lowercase && !starts_list_item(next) {
        return true;
    }
    // Compared in place: no lowercased copy of every sentence.
    let tail = previous
        .as_bytes()
        .get(previous.len().saturating_sub(4)..)
        .unwrap_or_default();
    let ends_with_time = tail.eq_ignore_ascii_case(b"a.m.") || tail.eq_ignore_ascii_case(b"p.m.");
    ends_with_time && AFTER_TIME.contains(&first_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<&str> {
        segment(input).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn titles_and_abbreviations_do_not_end_sentences() {
        assert_eq!(
            texts("Mr. Hale met Sen. Ortiz in the U.S. capital on Jan. 5. They talked."),
            [
                "Mr. Hale met Sen. Ortiz in the U.S. capital on Jan. 5.",
                "They talked."
            ]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_still_ends_it() {
        assert_eq!(
            texts("He lives in the U.S. The rest is history."),
            ["He lives in the U.S.", "The rest is history."]
        );
    }

    #[test]
    fn initials_stay_inside_the_name() {
        assert_eq!(
            texts("J. R. Hartley arrived. George W. Bush left."),
            ["J. R. Hartley arrived.", "George W. Bush left."]
        );
    }

    #[test]
    fn decimals_and_money_do_not_split() {
        assert_eq!(
            texts("Shares rose 3.5 percent to $4.50, a $1.2 billion gain. Then they fell."),
            [
                "Shares rose 3.5 percent to $4.50, a $1.2 billion gain.",
                "Then they fell."
            ]
        );
    }

    #[test]
    fn times_followed_by_a_weekday_stay_in_the_sentence() {
        assert_eq!(
            texts("The vote is at 7 p.m. Tuesday. Members will attend."),
            ["The vote is at 7 p.m. Tuesday.", "Members will attend."]
        );
        assert_eq!(
            texts("The meeting ended at 7 p.m. The minister left."),
            ["The meeting ended at 7 p.m.", "The minister left."]
        );
    }

    #[test]
    fn ellipsis_inside_a_sentence_does_not_split() {
        assert_eq!(
            texts("He said... the plan is dead. Next."),
            ["He said... the plan is dead.", "Next."]
        );
    }

    #[test]
    fn quotation_with_inner_punctuation_stays_whole() {
        assert_eq!(
            texts(
                "\u{201c}Why now?\u{201d} asked the senator. She said: \"We will not go. It is over.\" Then she left."
            ),
            [
                "\u{201c}Why now?\u{201d} asked the senator.",
                "She said: \"We will not go. It is over.\"",
                "Then she left."
            ]
        );
    }

    #[test]
    fn numbered_and_lettered_list_items_are_sentences() {
        assert_eq!(
            texts(
                "The plan has steps:\n1. Freeze the line\n2. Swap prisoners\na) first group\nb) second group"
            ),
            [
                "The plan has steps:",
                "1. Freeze the line",
                "2. Swap prisoners",
                "a) first group",
                "b) second group"
            ]
        );
        assert_eq!(
            texts("Officials said:\n- first point\n- second point"),
            ["Officials said:", "- first point", "- second point"]
        );
    }

    #[test]
    fn headline_byline_and_dateline_lines_stand_alone() {
        assert_eq!(
            texts(
                "Ceasefire Talks Stall in Geneva\nBy Jane Doe\nNov. 25, 2025\nGENEVA \u{2014} Ministers met. They argued."
            ),
            [
                "Ceasefire Talks Stall in Geneva",
                "By Jane Doe",
                "Nov. 25, 2025",
                "GENEVA \u{2014} Ministers met.",
                "They argued."
            ]
        );
        assert_eq!(
            texts("Storm hits coast\n\nThe storm came. It left."),
            ["Storm hits coast", "The storm came.", "It left."]
        );
    }

    #[test]
    fn line_break_inside_a_sentence_does_not_split() {
        assert_eq!(
            texts(
                "The minister said the plan\nwould be delayed. The minister said the\nPresident agreed."
            ),
            [
                "The minister said the plan\nwould be delayed.",
                "The minister said the\nPresident agreed."
            ]
        );
    }

    #[test]
    fn offsets_slice_the_original_text() {
        let input = "  First one.\n\nSecond \u{2014} caf\u{e9} one!  Third?";
        let sentences = segment(input);
        assert_eq!(sentences.len(), 3);
        for (i, s) in sentences.iter().enumerate() {
            assert_eq!(s.index, i);
            assert_eq!(&input[s.start..s.end], s.text);
        }
    }

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(segment("").is_empty());
        assert!(segment(" \n\n\t ").is_empty());
    }
}
