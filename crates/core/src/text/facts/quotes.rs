//! Quotations: the words inside quotation marks, curly or straight, including
//! a quote that opens or closes in another sentence.

use crate::text::tokens;

/// Words inside quotation marks.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFact<'a> {
    /// The quoted words, without the marks.
    pub text: &'a str,
    /// The quoted words lowercased and joined by single spaces, for comparison.
    pub key: String,
    /// Byte offset of the opening mark (or the sentence start when the quote began earlier).
    pub start: usize,
    /// Byte offset just past the closing mark (or the sentence end when it goes on).
    pub end: usize,
}

/// The quotations of `sentence`, with a key that ignores case and spacing.
pub(super) fn find_quotes(sentence: &str) -> Vec<QuoteFact<'_>> {
    quote_spans(sentence)
        .into_iter()
        .map(|(start, end, inner_start, inner_end)| {
            let text = &sentence[inner_start..inner_end];
            let key = tokens::words(text)
                .map(|w| w.text.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            QuoteFact {
                text,
                key,
                start,
                end,
            }
        })
        .collect()
}

/// Fast byte test: false means `text` has no double quotation mark ('"', '“', '”';
/// the curly ones start with byte 0xE2).
pub fn may_quote(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'"', 0xE2, bytes).any(|i| {
        let at = &bytes[i..];
        at[0] == b'"' || at.starts_with("“".as_bytes()) || at.starts_with("”".as_bytes())
    })
}

/// Quotation spans as `(start, end, inner_start, inner_end)` byte offsets.
/// Curly quotes pair up; straight double quotes alternate. A quote left open
/// runs to the end of the sentence; a closing mark with no opener closes a quote
/// that began in an earlier sentence.
pub fn quote_spans(sentence: &str) -> Vec<(usize, usize, usize, usize)> {
    let mut spans = Vec::new();
    if !may_quote(sentence) {
        return spans;
    }
    // The opener may be curly or straight whichever mark closes it, so the
    // words start past the opener's own width.
    let mark_len = |at: usize| sentence[at..].chars().next().map_or(1, char::len_utf8);
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                let opened = open.take();
                let inner_start = match opened {
                    Some(start) => start + mark_len(start),
                    None if sentence.starts_with('“') => '“'.len_utf8(),
                    None => 0,
                };
                spans.push((opened.unwrap_or(0), i + c.len_utf8(), inner_start, i));
            }
            '"' => match open.take() {
                Some(start) => spans.push((start, i + 1, start + mark_len(start), i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push((
            start,
            sentence.len(),
            start + mark_len(start),
            sentence.len(),
        ));
    }
    spans.retain(|(_, _, inner_start, inner_end)| inner_start < inner_end);
    spans
}

#[cfg(test)]
mod tests {
    use super::super::extract;

    #[test]
    fn quotes_curly_straight_and_unclosed() {
        let facts = extract("“We will not sign,” she said, calling it \"a trap.\"", None);
        let texts: Vec<_> = facts.quotes.iter().map(|q| q.text).collect();
        assert_eq!(texts, ["We will not sign,", "a trap."]);
        assert_eq!(facts.quotes[0].key, "we will not sign");
        let open = extract("He said: “We will stay. ", None);
        assert_eq!(open.quotes[0].text, "We will stay. ");
    }

    #[test]
    fn a_curly_mark_paired_with_a_straight_one_keeps_the_words_between() {
        // Found by fuzzing: the inner start was counted from the wrong mark's width.
        let facts = extract("“a trap\" and \"no deal”", None);
        let texts: Vec<_> = facts.quotes.iter().map(|q| q.text).collect();
        assert_eq!(texts, ["a trap", "no deal"]);
        assert!(extract("“\"", None).quotes.is_empty());
    }
}
