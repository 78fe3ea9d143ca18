//! The one form every stored text takes, so hashes, offsets and quotes agree,
//! and the cleanup that brings extracted text (from HTML, Markdown, PDF) to it.
//!
//! Extraction leaves layout whitespace behind: indentation from the markup,
//! runs of spaces, invisible joiners. Those are not part of what the author
//! wrote, so [`normalise_extracted`] removes them before [`normalise`], whose
//! result it then already is (hashes and offsets agree whichever way a text
//! came in).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Normalises text for storage: no byte-order mark, `\n` line ends, Unicode
/// NFC, tabs and stray control characters as spaces, no trailing spaces on a
/// line, at most one blank line between paragraphs, no blank start or end.
pub fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let spaced = |c: char| if c.is_control() && c != '\n' { ' ' } else { c };
    // Most text is NFC already, and saying so is much cheaper than composing.
    let nfc: String = if is_nfc_quick(unified.chars()) == IsNormalized::Yes {
        unified.chars().map(spaced).collect()
    } else {
        unified.nfc().map(spaced).collect()
    };
    let mut out = String::with_capacity(nfc.len());
    let mut blank_run = 0;
    for line in nfc.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Normalise extracted text: runs of whitespace inside a line become one
/// space, lines are trimmed, zero-width and soft-hyphen characters are
/// dropped, then [`normalise`] applies (NFC, LF line ends, paragraphs
/// separated by exactly one blank line). Single line breaks inside a
/// paragraph (a list, a transcript) are kept.
///
/// ```
/// use claimdesk_core::text::normalise::normalise_extracted;
/// assert_eq!(normalise_extracted("  One\u{a0} two \r\n\r\n\r\n\tThree\n"), "One two\n\nThree");
/// ```
pub fn normalise_extracted(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let collapsed: Vec<String> = unified.split('\n').map(collapse_spaces).collect();
    normalise(&collapsed.join("\n"))
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

/// Lower-case hex SHA-256 of the text's UTF-8 bytes.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_bom_trailing_space_and_blank_runs_are_unified() {
        let raw = "\u{feff}Title  \r\n\r\n\r\n\r\nFirst line\tgoes on\r\nsecond line \n\n";
        assert_eq!(normalise(raw), "Title\n\nFirst line goes on\nsecond line");
    }

    #[test]
    fn composed_and_decomposed_accents_store_the_same() {
        assert_eq!(normalise("Cafe\u{301}"), normalise("Caf\u{e9}"));
        assert_eq!(
            sha256_hex(&normalise("Cafe\u{301}")),
            sha256_hex("Caf\u{e9}")
        );
    }

    #[test]
    fn whitespace_only_text_normalises_to_empty() {
        assert_eq!(normalise(" \n\t\r\n "), "");
    }

    #[test]
    fn sha256_matches_the_known_digest_of_abc() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(normalise_extracted("a\n\n\n\nb\n \n\t\nc"), "a\n\nb\n\nc");
    }

    #[test]
    fn line_breaks_inside_a_paragraph_survive() {
        assert_eq!(
            normalise_extracted("Q: who?\nA: the mayor.\n\nNext"),
            "Q: who?\nA: the mayor.\n\nNext"
        );
    }

    #[test]
    fn decomposed_accents_are_composed() {
        assert_eq!(normalise_extracted("cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(
            normalise_extracted("\u{feff}zero\u{200b}width soft\u{ad}hyphen"),
            "zerowidth softhyphen"
        );
    }

    #[test]
    fn the_store_keeps_extracted_text_as_it_is() {
        let extracted = normalise_extracted("  Title \n\n\n  First\u{a0}line  \n second\tline\n\n");
        assert_eq!(normalise(&extracted), extracted);
    }
}
