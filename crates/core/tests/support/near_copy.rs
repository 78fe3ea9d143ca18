//! Seeded near-copy texts for alignment tests and benches: a telling made only
//! of common words, and a second telling that keeps most of its sentences with
//! a few words changed, drops the rest and adds sentences of its own.

// Tests and benches each read their own part of it.
#![allow(dead_code)]

/// Common words only: no names, no numbers, nothing rare to find a partner by.
const WORDS: &[&str] = &[
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "it",
    "was",
    "for",
    "on",
    "with",
    "as",
    "at",
    "by",
    "from",
    "but",
    "not",
    "they",
    "we",
    "he",
    "she",
    "this",
    "there",
    "had",
    "have",
    "been",
    "would",
    "could",
    "will",
    "more",
    "some",
    "all",
    "people",
    "time",
    "year",
    "day",
    "week",
    "city",
    "town",
    "house",
    "road",
    "water",
    "money",
    "work",
    "plan",
    "report",
    "government",
    "council",
    "police",
    "school",
    "family",
    "group",
    "state",
    "country",
    "place",
    "home",
    "part",
    "case",
    "point",
    "problem",
    "question",
    "night",
    "morning",
    "area",
    "service",
    "market",
    "price",
    "power",
    "law",
    "office",
    "party",
    "side",
    "change",
    "number",
    "level",
    "said",
    "told",
    "made",
    "came",
    "went",
    "took",
    "gave",
    "found",
    "left",
    "called",
    "asked",
    "seemed",
    "felt",
    "kept",
    "began",
    "brought",
    "held",
    "turned",
    "moved",
    "paid",
    "met",
    "new",
    "old",
    "good",
    "long",
    "little",
    "great",
    "small",
    "large",
    "early",
    "late",
    "young",
    "local",
    "public",
    "open",
    "hard",
    "clear",
    "whole",
    "full",
    "free",
    "last",
    "next",
    "other",
    "again",
    "still",
    "just",
    "also",
    "only",
    "even",
    "back",
    "down",
    "over",
    "after",
    "before",
    "never",
    "always",
    "often",
    "later",
    "soon",
    "almost",
    "nearly",
    "about",
    "around",
    "into",
];

/// A small deterministic generator (SplitMix64), so that a seed always gives
/// the same texts.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.below(WORDS.len())]
    }
}

/// Two tellings and which sentence of the first each kept sentence of the
/// second came from.
pub struct NearCopies {
    pub left: String,
    pub right: String,
    /// (left sentence index, right sentence index) of every kept sentence.
    pub kept: Vec<(usize, usize)>,
    /// Number of sentences of each telling.
    pub sentences: (usize, usize),
}

/// The words as a sentence: capitalised, with a full stop. A one-letter last
/// word ("a.") would read as an initial, so such a sentence ends on "again".
fn sentence(words: &[&str]) -> String {
    let mut s = words.join(" ");
    if words.last().is_some_and(|w| w.len() < 2) {
        s.push_str(" again");
    }
    if let Some(first) = s.get(..1) {
        let upper = first.to_uppercase();
        s.replace_range(..1, &upper);
    }
    s.push('.');
    s
}

fn fresh(rng: &mut Rng) -> Vec<&'static str> {
    let len = 12 + rng.below(19);
    (0..len).map(|_| rng.word()).collect()
}

/// About `words` words on the left; the right keeps `keep_percent` of its
/// sentences in order, each with zero to three words replaced, dropped or
/// added, and puts a new sentence where it drops one.
pub fn near_copies(seed: u64, words: usize, keep_percent: usize) -> NearCopies {
    let mut rng = Rng::new(seed);
    let (mut left, mut right, mut kept) = (Vec::new(), Vec::new(), Vec::new());
    let mut count = 0;
    while count < words {
        let original = fresh(&mut rng);
        count += original.len();
        if rng.below(100) < keep_percent {
            let mut copy = original.clone();
            for _ in 0..rng.below(4) {
                let at = rng.below(copy.len());
                match rng.below(3) {
                    0 => copy[at] = rng.word(),
                    1 if copy.len() > 8 => {
                        copy.remove(at);
                    }
                    _ => copy.insert(at, rng.word()),
                }
            }
            kept.push((left.len(), right.len()));
            right.push(sentence(&copy));
        } else {
            right.push(sentence(&fresh(&mut rng)));
        }
        left.push(sentence(&original));
    }
    NearCopies {
        sentences: (left.len(), right.len()),
        left: left.join(" "),
        right: right.join(" "),
        kept,
    }
}
