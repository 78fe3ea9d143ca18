//! Quotation spans of a whole text: quotation marks paired up (curly and
//! straight double quotes, « », „ “, and single quotes where they are quotation
//! marks rather than apostrophes), across sentence breaks, with a quote that
//! goes on into the next paragraph (the paragraph-continuation convention)
//! kept as one statement in several pieces.

/// One quotation's position in a text, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark (the paragraph end for a piece
    /// that goes on in the next paragraph).
    pub close: usize,
    /// The quoted words, without the marks, surrounding spaces or a trailing comma.
    pub inner: (usize, usize),
    /// True when this piece goes on a quotation of the previous paragraph.
    pub continues: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Low,
    Guillemet,
    Straight,
    CurlySingle,
    StraightSingle,
}

/// A quotation opened and not yet closed.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Mark,
    at: usize,
    inner_start: usize,
    continues: bool,
}

/// Words that start with an apostrophe and are no quotation ("rock 'n' roll", "'em").
const ELISIONS: &[&str] = &["cause", "em", "n", "round", "til", "tis", "twas"];

/// The quotations of `text`, in order. Unbalanced marks are dropped at the end
/// of their paragraph; quotes nested inside a quotation are part of it.
///
/// ```
/// use claimdesk_core::quotes::spans::quotation_spans;
/// let text = "Putin's aide called it “a mess,” and liked rock 'n' roll.";
/// let spans = quotation_spans(text);
/// let quoted: Vec<_> = spans.iter().map(|s| &text[s.inner.0..s.inner.1]).collect();
/// assert_eq!(quoted, ["a mess"]);
/// ```
pub fn quotation_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<Open> = None;
    let mut continues_next = false;
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let len = c.len_utf8();
        let start = |mark| Open {
            mark,
            at: i,
            inner_start: i + len,
            continues: continues_next,
        };
        match c {
            '\n' => {
                if let Some(o) = open.take() {
                    // A double quotation that goes on: the next paragraph opens with a mark again.
                    let goes_on = !matches!(o.mark, Mark::CurlySingle | Mark::StraightSingle)
                        && text[i..].trim_start().starts_with(['“', '"', '«', '„']);
                    if goes_on {
                        push(text, &mut spans, o, i, i);
                    }
                    continues_next = goes_on;
                }
            }
            '“' => match open {
                Some(o) if o.mark == Mark::Low => close(text, &mut spans, &mut open, i, len),
                Some(o) if is_single(o.mark) => {
                    // A double mark inside a single quotation: the single was an apostrophe.
                    open = Some(start(Mark::Curly));
                }
                _ => open = Some(start(Mark::Curly)),
            },
            '”' if open.is_some_and(|o| matches!(o.mark, Mark::Curly | Mark::Straight)) => {
                close(text, &mut spans, &mut open, i, len);
            }
            '„' if open.is_none() => open = Some(start(Mark::Low)),
            '«' if open.is_none() => open = Some(start(Mark::Guillemet)),
            '»' if open.is_some_and(|o| o.mark == Mark::Guillemet) => {
                close(text, &mut spans, &mut open, i, len);
            }
            '"' => match open {
                Some(o) if matches!(o.mark, Mark::Straight | Mark::Curly) => {
                    close(text, &mut spans, &mut open, i, len);
                }
                None if next.is_some_and(|n| !n.is_whitespace()) => {
                    open = Some(start(Mark::Straight));
                }
                Some(o) if is_single(o.mark) => open = Some(start(Mark::Straight)),
                _ => {}
            },
            '‘' | '\'' | '’' => {
                let between_letters = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                let single = if c == '\'' {
                    Mark::StraightSingle
                } else {
                    Mark::CurlySingle
                };
                match open {
                    // Inside a double quotation a single quote is nested: part of it.
                    Some(o) if !is_single(o.mark) => {}
                    Some(o)
                        if o.mark == single
                            && c != '‘'
                            && !between_letters
                            && prev.is_some_and(|p| !p.is_whitespace()) =>
                    {
                        close(text, &mut spans, &mut open, i, len);
                    }
                    None if c != '’'
                        && !between_letters
                        && !prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric)
                        && !is_elision(&text[i + len..]) =>
                    {
                        open = Some(start(single));
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        if !c.is_whitespace() && c != '\n' && open.is_some() {
            continues_next = false;
        }
        prev = Some(c);
    }
    spans
}

fn is_single(mark: Mark) -> bool {
    matches!(mark, Mark::CurlySingle | Mark::StraightSingle)
}

/// True when `after` (the text after an apostrophe) is an elided word such as
/// "'n'" or "'90s", not the start of a quotation.
fn is_elision(after: &str) -> bool {
    let word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if word.starts_with(|c: char| c.is_ascii_digit()) && word.ends_with('s') {
        return true;
    }
    ELISIONS.contains(&word.as_str())
}

fn close(text: &str, spans: &mut Vec<Span>, open: &mut Option<Open>, at: usize, len: usize) {
    if let Some(o) = open.take() {
        push(text, spans, o, at, at + len);
    }
}

/// Records the quotation `o` whose words end at `inner_end` and whose mark ends at `close`.
fn push(text: &str, spans: &mut Vec<Span>, o: Open, inner_end: usize, close: usize) {
    let (start, end) = trim(text, o.inner_start, inner_end);
    let letters = text[start..end]
        .chars()
        .filter(|c| c.is_alphanumeric())
        .count();
    let least = if is_single(o.mark) { 2 } else { 1 };
    if letters < least {
        return;
    }
    spans.push(Span {
        open: o.at,
        close,
        inner: (start, end),
        continues: o.continues,
    });
}

/// `start..end` without surrounding whitespace and a trailing comma.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let body = slice.trim().trim_end_matches(',').trim_end();
    (start + lead, start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotation_spans(text)
            .iter()
            .map(|s| &text[s.inner.0..s.inner.1])
            .collect()
    }

    #[test]
    fn curly_straight_guillemets_and_low_marks_pair_up() {
        let text = "“We will not sign,” she said. \"It is a trap.\" «Non» and „Nein“ too.";
        assert_eq!(
            quoted(text),
            ["We will not sign", "It is a trap.", "Non", "Nein"]
        );
    }

    #[test]
    fn a_quote_runs_across_sentences() {
        let text = "“We came. We left,” he said.";
        assert_eq!(quoted(text), ["We came. We left"]);
    }

    #[test]
    fn a_partial_quote_inside_running_text_is_a_quotation() {
        assert_eq!(
            quoted("She called the situation \"a mess\" on Tuesday."),
            ["a mess"]
        );
    }

    #[test]
    fn apostrophes_are_no_quotation_marks() {
        assert!(
            quoted("Putin's aide liked rock 'n' roll in the '90s, the Joneses' car.").is_empty()
        );
        assert!(quoted("Putin’s aide isn’t here.").is_empty());
        assert_eq!(quoted("He said ‘no deal’ twice."), ["no deal"]);
        assert_eq!(quoted("He said 'no deal' twice."), ["no deal"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let text = "“He told me ‘never’ and 'later',” she said.";
        assert_eq!(quoted(text), ["He told me ‘never’ and 'later'"]);
    }

    #[test]
    fn an_unbalanced_mark_is_dropped_at_the_paragraph_end() {
        let text = "He said “we will stay.\nThe next day “they left.”";
        assert_eq!(quoted(text), ["they left."]);
        assert!(quoted("A stray ” mark and a lone \"").is_empty());
    }

    #[test]
    fn a_quote_continued_in_the_next_paragraph_is_marked_so() {
        let text = "“We will stay.\n\n“We will not leave,” he said.";
        let spans = quotation_spans(text);
        assert_eq!(quoted(text), ["We will stay.", "We will not leave"]);
        assert_eq!(
            spans.iter().map(|s| s.continues).collect::<Vec<_>>(),
            [false, true]
        );
    }

    #[test]
    fn a_ten_thousand_word_quotation_is_one_span() {
        let text = format!("“{}” he said.", "word ".repeat(10_000));
        let spans = quotation_spans(&text);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].inner.1 - spans[0].inner.0, 5 * 10_000 - 1);
    }
}
