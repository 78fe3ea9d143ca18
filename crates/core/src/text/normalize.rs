//! The one form every stored text takes, so hashes, offsets and quotes agree.

use unicode_normalization::UnicodeNormalization;

/// Normalises text for storage: no byte-order mark, `\n` line ends, Unicode
/// NFC, tabs and stray control characters as spaces, no trailing spaces on a
/// line, at most one blank line between paragraphs, no blank start or end.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let nfc: String = unified
        .nfc()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
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
        assert_eq!(normalize(raw), "Title\n\nFirst line goes on\nsecond line");
    }

    #[test]
    fn composed_and_decomposed_accents_store_the_same() {
        assert_eq!(normalize("Cafe\u{301}"), normalize("Caf\u{e9}"));
        assert_eq!(
            sha256_hex(&normalize("Cafe\u{301}")),
            sha256_hex("Caf\u{e9}")
        );
    }

    #[test]
    fn whitespace_only_text_normalises_to_empty() {
        assert_eq!(normalize(" \n\t\r\n "), "");
    }

    #[test]
    fn sha256_matches_the_known_digest_of_abc() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
