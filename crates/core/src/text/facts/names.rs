//! Names of people, places and organisations: runs of capitalised words, titles
//! dropped, and the tests that say whether two texts name the same one.

use std::borrow::Cow;

use super::is_capitalised;
use crate::text::tokens::{self, Word, strip_possessive};

/// True when `word` names what `key` (a [`NameFact`] key word) names: equal
/// once lowercased and stripped of a possessive, or one a prefix of the other of
/// at least five letters ("Kestria's" and "Kestrian"). No allocation for
/// ASCII words.
pub fn same_name_word(key: &str, word: &str) -> bool {
    let word = strip_possessive(word);
    let (kb, wb) = (key.as_bytes(), word.as_bytes());
    let common = kb
        .iter()
        .zip(wb)
        .take_while(|(k, w)| k.eq_ignore_ascii_case(w))
        .count();
    if common == kb.len() && common == wb.len() {
        return true;
    }
    if !word.is_ascii() || !key.is_ascii() {
        let lower = tokens::lowercase(word);
        return lower == key
            || (lower.chars().count().min(key.chars().count()) >= 5
                && (lower.starts_with(key) || key.starts_with(lower.as_ref())));
    }
    // One is a prefix of the other, the shorter at least five letters long.
    common >= 5 && (common == kb.len() || common == wb.len())
}

/// The words of a text, lowercased and without possessives, for asking whether
/// it mentions a name at all.
#[derive(Debug, Clone, Default)]
pub struct Mentions<'t>(Vec<Cow<'t, str>>);

impl<'t> Mentions<'t> {
    /// Collects the words of `texts`.
    pub fn of(texts: impl IntoIterator<Item = &'t str>) -> Mentions<'t> {
        let mut words: Vec<Cow<'t, str>> = texts
            .into_iter()
            .flat_map(tokens::words)
            .map(|w| tokens::lowercase_without_possessive(w.text))
            .collect();
        words.sort_unstable();
        words.dedup();
        Mentions(words)
    }

    fn contains(&self, word: &str) -> bool {
        self.0.binary_search_by(|w| w.as_ref().cmp(word)).is_ok()
    }

    /// True when a word names what `key` (a [`NameFact`] key word) names: equal
    /// once lowercased and stripped of a possessive, or one a prefix of the other
    /// of at least five letters ("Kestria's" and "Kestrian").
    pub fn mention(&self, key: &str) -> bool {
        if self.contains(key) {
            return true;
        }
        let at = self.0.partition_point(|w| w.as_ref() < key);
        if key.chars().count() >= 5 && self.0.get(at).is_some_and(|w| w.starts_with(key)) {
            return true;
        }
        key.char_indices()
            .map(|(i, _)| &key[..i])
            .filter(|p| p.chars().count() >= 5)
            .any(|p| self.contains(p))
    }
}

/// A capitalised name of a person, place or organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct NameFact<'a> {
    /// The name as written, titles included ("Sen. Maria Ortiz").
    pub surface: &'a str,
    /// Its words lowercased, titles dropped ("maria", "ortiz").
    pub key: Vec<String>,
    /// Byte offset of the surface in the sentence.
    pub start: usize,
    /// Byte offset just past the surface.
    pub end: usize,
}

/// Titles that precede a name and are not part of its identity.
const TITLES: &[&str] = &[
    "ambassador",
    "capt",
    "chancellor",
    "chief",
    "col",
    "defence",
    "defense",
    "deputy",
    "dr",
    "foreign",
    "gen",
    "gov",
    "governor",
    "judge",
    "king",
    "lt",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "president",
    "prime",
    "prof",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "spokesman",
    "spokeswoman",
    "vice",
];

pub(super) fn find_names<'a>(
    sentence: &'a str,
    words: &[Word<'a>],
    used: &[bool],
) -> Vec<NameFact<'a>> {
    let mut names = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if used[i] || !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        // A run of capitalised words joined by spaces, dots or hyphens.
        let first = i;
        let mut last = i;
        while let Some(next) = words.get(last + 1) {
            let gap = &sentence[words[last].end..next.start];
            let joined = matches!(gap, " " | ". " | "." | "-");
            if !joined || used[last + 1] || !is_capitalised(next.text) {
                break;
            }
            last += 1;
        }
        i = last + 1;
        // Leading function words ("The White House", "He") are not part of a name.
        let mut head = first;
        while head <= last && tokens::is_stopword(&tokens::lowercase(words[head].text)) {
            head += 1;
        }
        if head > last {
            continue;
        }
        let key: Vec<String> = words[head..=last]
            .iter()
            .map(|w| tokens::lowercase_without_possessive(w.text).into_owned())
            .filter(|w| TITLES.binary_search(&w.as_str()).is_err())
            .collect();
        if key.is_empty() {
            continue;
        }
        let opens_sentence = first == head && starts_clause(&sentence[..words[first].start]);
        let all_caps = words[head].text.chars().all(|c| !c.is_lowercase())
            && words[head].text.chars().count() > 1;
        // A lone capitalised word that opens the sentence is just a capital letter.
        if opens_sentence && head == last && !all_caps {
            continue;
        }
        let (start, end) = (words[head].start, words[last].end);
        // "W." and "U.S." keep their final dot.
        let abbreviation = words[last].text.chars().count() == 1 || words[last].text.contains('.');
        let end = if abbreviation && sentence[end..].starts_with('.') {
            end + 1
        } else {
            end
        };
        names.push(NameFact {
            surface: &sentence[start..end],
            key,
            start,
            end,
        });
    }
    names
}

/// True when the text before a word leaves it at the start of a sentence or quotation.
fn starts_clause(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.is_empty() || trimmed.ends_with(['"', '“', '‘', ':', '—', '(', '-'])
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    #[test]
    fn title_list_is_sorted_for_binary_search() {
        let mut sorted = TITLES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, TITLES);
    }

    #[test]
    fn names_drop_titles_and_sentence_initial_capitals() {
        let facts = extract(
            "Officials said Sen. Maria Ortiz flew from Washington to Kyiv with the White House team.",
            None,
        );
        let surfaces: Vec<_> = facts.names.iter().map(|n| n.surface).collect();
        assert_eq!(
            surfaces,
            ["Sen. Maria Ortiz", "Washington", "Kyiv", "White House"]
        );
        assert_eq!(facts.names[0].key, ["maria", "ortiz"]);
        let opening = extract("GENEVA — Talks resumed.", None);
        assert_eq!(
            opening.names.iter().map(|n| n.surface).collect::<Vec<_>>(),
            ["GENEVA"]
        );
    }
}
