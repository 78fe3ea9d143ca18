//! One shape for all captured text, so offsets and hashes do not depend on
//! where the text came from.

use unicode_normalization::UnicodeNormalization;

/// Normalise captured text: NFC, LF line ends, no zero-width or control
/// characters, runs of spaces collapsed and lines trimmed, and paragraphs
/// separated by exactly one blank line. Single line breaks inside a paragraph
/// (a poem, a list, a transcript) are kept.
///
/// ```
/// use claimdesk_core::ingest::normalise_text;
/// assert_eq!(normalise_text("  One\u{a0} two \r\n\r\n\r\n\tThree\n"), "One two\n\nThree");
/// ```
pub fn normalise_text(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_pending = false;
    for line in unified.split('\n') {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(&line);
    }
    out.nfc().collect()
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
        if c.is_whitespace() || (c.is_control() && c != '\n') {
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
}
