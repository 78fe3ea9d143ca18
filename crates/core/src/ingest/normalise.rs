//! Extracted text (from HTML, Markdown, PDF) into the one stored form.
//!
//! Extraction leaves layout whitespace behind: indentation from the markup,
//! runs of spaces, invisible joiners. Those are not part of what the author
//! wrote, so they go before the store's own normalisation, which the result
//! then already satisfies (hashes and offsets agree whichever way a text came in).

use crate::text::normalize::normalize;

/// Normalise extracted text: runs of whitespace inside a line become one
/// space, lines are trimmed, zero-width and soft-hyphen characters are
/// dropped, then [`normalize`] applies (NFC, LF line ends, paragraphs
/// separated by exactly one blank line). Single line breaks inside a
/// paragraph (a list, a transcript) are kept.
///
/// ```
/// use claimdesk_core::ingest::normalise_text;
/// assert_eq!(normalise_text("  One\u{a0} two \r\n\r\n\r\n\tThree\n"), "One two\n\nThree");
/// ```
pub fn normalise_text(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let collapsed: Vec<String> = unified.split('\n').map(collapse_spaces).collect();
    normalize(&collapsed.join("\n"))
}

/// Trim a line and turn every run of whitespace into one space, dropping
/// invisible characters that would only confuse search and offsets.
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        ) {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(normalise_text("a\n\n\n\nb\n \n\t\nc"), "a\n\nb\n\nc");
    }

    #[test]
    fn line_breaks_inside_a_paragraph_survive() {
        assert_eq!(
            normalise_text("Q: who?\nA: the mayor.\n\nNext"),
            "Q: who?\nA: the mayor.\n\nNext"
        );
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(normalise_text("cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(
            normalise_text("\u{feff}zero\u{200b}width soft\u{ad}hyphen"),
            "zerowidth softhyphen"
        );
    }

    #[test]
    fn the_store_keeps_extracted_text_as_it_is() {
        let extracted = normalise_text("  Title \n\n\n  First\u{a0}line  \n second\tline\n\n");
        assert_eq!(normalize(&extracted), extracted);
    }
}
