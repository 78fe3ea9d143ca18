//! How claim matching reads a statement: names written more than one way
//! folded to one spelling ("US", "U.S." and "America" are "United States"),
//! content words stemmed with numbers as their values ("five" is "5"), and the
//! character trigrams of those words, which meet where stems do not
//! ("cancelled" and "cancellation").

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

use crate::text::facts::{self, number_word};
use crate::text::tokens::{self, Word};

/// Abbreviations and other names of one place or body, as written (case
/// matters: "US" is the country, "us" is not), and the spelling they fold to.
const ALIASES: &[(&str, &str)] = &[
    ("America", "United States"),
    ("E.U", "European Union"),
    ("EU", "European Union"),
    ("U.K", "United Kingdom"),
    ("U.N", "United Nations"),
    ("U.S", "United States"),
    ("U.S.A", "United States"),
    ("UK", "United Kingdom"),
    ("UN", "United Nations"),
    ("US", "United States"),
    ("USA", "United States"),
];

/// Words that turn a statement round: a claim with one and a claim without
/// say opposite things.
const NEGATIONS: &[&str] = &[
    "didn't", "doesn't", "don't", "isn't", "never", "no", "not", "wasn't", "weren't", "won't",
];

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// `text` with every alias of [`ALIASES`] written the one way.
pub(crate) fn fold_aliases(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for w in tokens::words(text) {
        if let Ok(i) = ALIASES.binary_search_by(|(alias, _)| alias.cmp(&w.text)) {
            out.push_str(&text[at..w.start]);
            out.push_str(ALIASES[i].1);
            at = w.end;
            // "U.S." keeps no dot of its own once written out.
            if w.text.contains('.') && text[at..].starts_with('.') {
                at += 1;
            }
        }
    }
    out.push_str(&text[at..]);
    out
}

/// A statement read for matching.
#[derive(Debug, Clone, Default)]
pub(crate) struct MatchText {
    /// The statement with aliases folded.
    pub folded: String,
    /// Its content words, stemmed, numbers as values, in order, without repeats.
    pub terms: Vec<String>,
    /// The content words as written (lowercased), one per term, for saying why two claims met.
    pub shown: Vec<String>,
    /// How many words it has, function words included.
    pub words: usize,
    /// True when it holds a negation ("not", "never", "didn't").
    pub negated: bool,
    /// The character trigrams of its content words.
    pub trigrams: FxHashSet<[char; 3]>,
}

impl MatchText {
    /// Reads `statement`.
    pub(crate) fn new(statement: &str) -> MatchText {
        let folded = fold_aliases(statement);
        let words: Vec<Word<'_>> = tokens::words(&folded).collect();
        let found = facts::extract(&folded, None);
        let mut text = MatchText {
            words: words.len(),
            ..Default::default()
        };
        let mut seen = FxHashSet::default();
        let mut push = |text: &mut MatchText, term: String, shown: String| {
            if seen.insert(term.clone()) {
                add_trigrams(&mut text.trigrams, &term);
                text.terms.push(term);
                text.shown.push(shown);
            }
        };
        for n in &found.numbers {
            push(&mut text, number_text(n.value), number_text(n.value));
        }
        for w in &words {
            let lower = tokens::lowercase(w.text);
            if NEGATIONS.contains(&lower.as_ref()) {
                text.negated = true;
            }
            let in_number = found
                .numbers
                .iter()
                .any(|n| n.start <= w.start && w.end <= n.end);
            // A number's own words are in its value; a unit after it ("hours") is a word.
            if tokens::is_stopword(&lower) || (in_number && spells_number(&lower)) {
                continue;
            }
            let term = match number_word(&lower) {
                Some(n) => n.to_string(),
                None => stem(&lower),
            };
            push(
                &mut text,
                term,
                tokens::strip_possessive(&lower).to_string(),
            );
        }
        text.folded = folded;
        text
    }
}

/// True for a word that spells (part of) a number: digits, "five", "million".
fn spells_number(lower: &str) -> bool {
    facts::digit_value(lower).is_some()
        || number_word(lower).is_some()
        || ["hundred", "thousand", "million", "billion", "trillion"].contains(&lower)
}

/// A content word's stem, as the index's Porter stemmer would reduce it.
pub(crate) fn stem(lower: &str) -> String {
    STEMMER.stem(tokens::strip_possessive(lower)).into_owned()
}

/// A number as matching writes it: whole numbers without a fraction ("28"),
/// others as short as they print ("2.1").
pub(crate) fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    }
}

/// Adds the trigrams of one word, padded so that short words and word ends count.
fn add_trigrams(into: &mut FxHashSet<[char; 3]>, word: &str) {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    for w in chars.windows(3) {
        into.insert([w[0], w[1], w[2]]);
    }
}

/// Dice's coefficient of two sets: 2|A∩B| / (|A| + |B|), 0 when both are empty.
pub(crate) fn dice<T: Eq + std::hash::Hash>(a: &FxHashSet<T>, b: &FxHashSet<T>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|t| large.contains(t)).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

/// How alike two statements' words are (Dice over their terms).
pub(crate) fn word_similarity(a: &MatchText, b: &MatchText) -> f64 {
    let set = |t: &MatchText| t.terms.iter().cloned().collect::<FxHashSet<String>>();
    dice(&set(a), &set(b))
}

/// How alike two statements' spellings are (Dice over character trigrams of their words).
pub fn trigram_similarity(a: &str, b: &str) -> f64 {
    dice(&MatchText::new(a).trigrams, &MatchText::new(b).trigrams)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_list_is_sorted_for_binary_search() {
        let mut sorted = ALIASES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ALIASES);
    }

    #[test]
    fn aliases_fold_to_one_spelling_and_lowercase_us_stays() {
        assert_eq!(
            fold_aliases("The U.S. told us that the US and the EU agreed."),
            "The United States told us that the United States and the European Union agreed."
        );
    }

    #[test]
    fn numbers_as_words_and_digits_meet() {
        let a = MatchText::new("The talks lasted five hours");
        let b = MatchText::new("Talks went on for 5 hours");
        assert!(a.terms.contains(&"5".to_string()), "{:?}", a.terms);
        assert!(b.terms.contains(&"5".to_string()), "{:?}", b.terms);
        assert!(MatchText::new("They did not meet").negated);
        assert!(!MatchText::new("They met").negated);
    }
}
