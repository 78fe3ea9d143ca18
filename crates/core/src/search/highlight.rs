//! Highlights and snippets in code points. FTS5's `highlight()` marks the
//! matched tokens with two private-use characters (the same tokenizer that
//! matched, so stems and folded accents are marked right); the marks are
//! turned into code-point ranges of the unmarked text.

/// Opens a match in `highlight()` output.
pub(crate) const OPEN: char = '\u{E000}';
/// Closes a match in `highlight()` output.
pub(crate) const CLOSE: char = '\u{E001}';

/// Longest snippet, in characters, before it is cut around the first match.
const SNIPPET_CHARS: usize = 240;

/// The code-point ranges `marked` marks, in the text without the marks.
/// A text that held the marking characters itself gets no highlights.
pub(crate) fn ranges(marked: &str, original: &str) -> Vec<[u32; 2]> {
    if original.contains([OPEN, CLOSE]) {
        return Vec::new();
    }
    let mut out: Vec<[u32; 2]> = Vec::new();
    let (mut at, mut open) = (0u32, None);
    // Whether the text since the last range's end is only spaces, followed as
    // the marked text goes by (one pass, not a walk back per range).
    let mut gap_is_space = false;
    for c in marked.chars() {
        match c {
            OPEN => open = Some(at),
            CLOSE => {
                if let Some(start) = open.take()
                    && at > start
                {
                    // Adjacent matched tokens ("peace plan") read as one range.
                    match out.last_mut() {
                        Some([_, end]) if gap_is_space && *end <= start => *end = at,
                        _ => out.push([start, at]),
                    }
                    gap_is_space = true;
                }
            }
            _ => {
                if open.is_none() && c != ' ' {
                    gap_is_space = false;
                }
                at += 1;
            }
        }
    }
    out
}

/// The sentence, or for a long one the stretch around its first highlight,
/// cut at word boundaries with an ellipsis.
pub(crate) fn snippet(text: &str, highlights: &[[u32; 2]]) -> String {
    // Most sentences are short: counting is cheaper than collecting.
    if text.len() <= SNIPPET_CHARS || text.chars().count() <= SNIPPET_CHARS {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let first = highlights.first().map_or(0, |h| h[0] as usize);
    let mut start = first.saturating_sub(SNIPPET_CHARS / 3);
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    let mut end = (start + SNIPPET_CHARS).min(chars.len());
    while end < chars.len() && !chars[end].is_whitespace() {
        end += 1;
    }
    let body: String = chars[start..end].iter().collect();
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        body.trim(),
        if end < chars.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_code_point_ranges_of_the_plain_text() {
        let marked =
            format!("Talks in {OPEN}Sánchez{CLOSE}'s {OPEN}peace{CLOSE} {OPEN}plan{CLOSE}.");
        let plain = "Talks in Sánchez's peace plan.";
        assert_eq!(ranges(&marked, plain), vec![[9, 16], [19, 29]]);
    }

    #[test]
    fn only_matches_apart_by_spaces_join_into_one_range() {
        let marked = format!("{OPEN}peace{CLOSE}  {OPEN}plan{CLOSE}, {OPEN}plan{CLOSE}");
        assert_eq!(
            ranges(&marked, "peace  plan, plan"),
            vec![[0, 11], [13, 17]]
        );
    }

    #[test]
    fn a_text_holding_the_marks_gets_no_highlights() {
        let plain = format!("odd {OPEN} text");
        assert!(ranges(&plain, &plain).is_empty());
    }

    #[test]
    fn a_long_sentence_is_cut_around_its_first_match() {
        let text = format!("{} needle {}", "word ".repeat(100), "tail ".repeat(100));
        let at = u32::try_from(text.find("needle").unwrap_or(0)).unwrap_or(0);
        let s = snippet(&text, &[[at, at + 6]]);
        assert!(
            s.starts_with('…') && s.ends_with('…') && s.contains("needle"),
            "{s}"
        );
        assert!(s.chars().count() <= SNIPPET_CHARS + 10);
        assert_eq!(snippet("Short one.", &[]), "Short one.");
    }
}
