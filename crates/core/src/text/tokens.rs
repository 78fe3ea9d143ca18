//! Word tokens, stopwords, and the lowercasing and light stemming that let
//! different wordings of a word meet.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// A word inside a piece of text, with byte offsets into that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of the word's first byte.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
}

/// Iterates the words of `text`: runs of letters and digits, keeping apostrophes
/// inside words ("don't"), separators inside numbers ("3.5", "1,200") and dots
/// inside abbreviations ("U.S"). Hyphens split words, so "28-point" is "28", "point".
///
/// ```
/// let w: Vec<_> = claimdesk_core::text::tokens::words("U.S. aid, $1,200.50 isn't 28-point").map(|w| w.text).collect();
/// assert_eq!(w, ["U.S", "aid", "1,200.50", "isn't", "28", "point"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    Words { text, pos: 0 }
}

struct Words<'a> {
    text: &'a str,
    pos: usize,
}

/// The char at byte `i` and its length (ASCII fast path).
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 128 {
        return Some((b as char, 1));
    }
    text.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut i = self.pos;
        // Skip to the first letter or digit (ASCII spaces and marks a byte at a time).
        loop {
            i += bytes[i.min(bytes.len())..]
                .iter()
                .take_while(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
                .count();
            let (c, len) = char_at(text, i)?;
            if c.is_alphanumeric() {
                break;
            }
            i += len;
        }
        let start = i;
        let mut end = i;
        let mut previous = ' ';
        loop {
            // Most of a word is ASCII letters and digits: take them a byte at a time.
            let run = bytes[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                i += run;
                end = i;
                previous = char::from(bytes[i - 1]);
            }
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            if c.is_alphanumeric() {
                i += len;
                end = i;
                previous = c;
                continue;
            }
            // Only an apostrophe, a dot or a comma can join two runs.
            if !matches!(c, '\'' | '’' | '.' | ',') {
                break;
            }
            let next = char_at(text, i + len).map(|(n, _)| n);
            let joins = match (c, next) {
                ('\'' | '’', Some(n)) => previous.is_alphabetic() && n.is_alphabetic(),
                ('.' | ',', Some(n)) if previous.is_ascii_digit() && n.is_ascii_digit() => true,
                // "U.S", "p.m": a single letter, a dot, a single letter.
                ('.', Some(n)) => {
                    previous.is_alphabetic()
                        && n.is_alphabetic()
                        && single_letter_before(&text[start..i])
                }
                _ => false,
            };
            if !joins {
                break;
            }
            i += len;
            previous = c;
        }
        self.pos = end;
        Some(Word {
            text: &text[start..end],
            start,
            end,
        })
    }
}

/// True when the text before a dot ends with a one-letter segment ("U", "U.S").
fn single_letter_before(before: &str) -> bool {
    let last_segment = before.rsplit('.').next().unwrap_or(before);
    last_segment.chars().count() == 1
}

/// English function words that carry no content for alignment.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "told",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

static STOPWORD_SET: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOPWORDS.iter().copied().collect());

/// True for an English function word (lowercase input).
pub fn is_stopword(lowercase: &str) -> bool {
    lowercase.len() <= 10 && STOPWORD_SET.contains(lowercase)
}

/// Lowercases without allocating when the word is already lowercase.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// A word without a possessive ending, straight or curly ("Sunday's" ->
/// "Sunday", "talk’s" -> "talk"). The one place possessives are recognised, so
/// alignment, names and dates agree on them.
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Lowercase without a possessive ending ("Sunday's" -> "sunday"): how names
/// are keyed and looked for.
pub fn lowercase_without_possessive(word: &str) -> Cow<'_, str> {
    lowercase(strip_possessive(word))
}

/// Strips possessives and plural endings from a lowercase word, so "talks",
/// "talk" and "talk's" meet ("ministries" -> "ministry"). Dots are kept ("u.s").
pub fn stem(lower: Cow<'_, str>) -> Cow<'_, str> {
    let lower = match lower {
        Cow::Borrowed(b) => Cow::Borrowed(strip_possessive(b)),
        Cow::Owned(mut o) => {
            o.truncate(strip_possessive(&o).len());
            Cow::Owned(o)
        }
    };
    let len = lower.len();
    if len > 4 && lower.ends_with("ies") {
        return Cow::Owned(format!("{}y", &lower[..len - 3]));
    }
    if len > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
    {
        return match lower {
            Cow::Borrowed(b) => Cow::Borrowed(&b[..len - 1]),
            Cow::Owned(mut o) => {
                o.truncate(len - 1);
                Cow::Owned(o)
            }
        };
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        let mut sorted = STOPWORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOPWORDS);
    }

    #[test]
    fn words_carry_byte_offsets() {
        let text = "Café owners — “don’t go,” said Ortiz.";
        for w in words(text) {
            assert_eq!(&text[w.start..w.end], w.text);
        }
        let list: Vec<_> = words(text).map(|w| w.text).collect();
        assert_eq!(list, ["Café", "owners", "don’t", "go", "said", "Ortiz"]);
    }

    #[test]
    fn possessives_straight_and_curly_are_stripped_once() {
        assert_eq!(strip_possessive("Sunday's"), "Sunday");
        assert_eq!(strip_possessive("Kestria’s"), "Kestria");
        assert_eq!(strip_possessive("boss"), "boss");
        assert_eq!(stem(lowercase("Geneva’s")), "geneva");
        assert_eq!(stem(Cow::Owned("ministry's".to_owned())), "ministry");
        assert_eq!(lowercase_without_possessive("Sunday's"), "sunday");
    }

    #[test]
    fn content_words_are_normalised_and_skip_stopwords() {
        let list: Vec<_> = words("The talks in Geneva's old hall were the Ministries' idea")
            .map(|w| lowercase(w.text))
            .filter(|w| !is_stopword(w))
            .map(stem)
            .collect();
        assert_eq!(list, ["talk", "geneva", "old", "hall", "ministry", "idea"]);
    }
}
