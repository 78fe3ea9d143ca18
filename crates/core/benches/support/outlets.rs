//! Generated news-like outlets for the compare benches and the whole-process
//! compare script: invented vocabulary, names and numbers arranged into
//! sentences, then "rewritten" by a second outlet (dropped, added, reworded,
//! reordered and split sentences) or lightly edited into a second version.
//! Deterministic: the same seed gives the same text on every machine.
#![allow(dead_code)]

/// splitmix64: small, deterministic, good enough to vary text.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

pub const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tan", "vi", "sol", "dre", "pa", "nu", "gor", "el", "fi", "ran", "tus",
    "bel", "mo", "quin", "sha", "dor", "lep", "ast", "ive", "ment", "ion", "ar", "ul", "zen",
    "cro", "ped", "wil",
];
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "of", "to", "in", "and", "on", "for", "with", "that", "was", "by", "at", "from",
    "after", "as", "its", "their", "said", "had", "would", "has", "were", "is",
];

pub struct Lexicon {
    pub words: Vec<String>,
    pub names: Vec<String>,
}

pub fn invent(rng: &mut Rng, syllables: usize) -> String {
    (0..syllables)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

pub fn lexicon(seed: u64) -> Lexicon {
    let mut rng = Rng(seed);
    let words = (0..4000)
        .map(|_| {
            let n = 2 + rng.below(2);
            invent(&mut rng, n)
        })
        .collect();
    let names = (0..300)
        .map(|_| {
            let mut n = invent(&mut rng, 2);
            n[..1].make_ascii_uppercase();
            n
        })
        .collect();
    Lexicon { words, names }
}

/// A word from the lexicon, skewed towards the frequent ones (roughly Zipf).
pub fn content(rng: &mut Rng, lex: &Lexicon) -> String {
    let r = rng.below(lex.words.len());
    lex.words[(r * r) / lex.words.len()].clone()
}

pub fn sentence(rng: &mut Rng, lex: &Lexicon) -> Vec<String> {
    let len = 12 + rng.below(18);
    let mut words = Vec::with_capacity(len);
    for i in 0..len {
        let roll = rng.below(100);
        let w = if roll < 40 {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned()
        } else if roll < 48 {
            lex.names[rng.below(lex.names.len())].clone()
        } else if roll < 52 {
            (1 + rng.below(900)).to_string()
        } else {
            content(rng, lex)
        };
        words.push(if i == 0 { capitalise(&w) } else { w });
    }
    if rng.chance(15) {
        let at = 2 + rng.below(len - 4);
        words[at] = format!("“{}", words[at]);
        words[len - 3] = format!("{},”", words[len - 3]);
    }
    words
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub fn render(sentences: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, s) in sentences.iter().enumerate() {
        out.push_str(&s.join(" "));
        out.push('.');
        out.push_str(if i % 4 == 3 { "\n\n" } else { " " });
    }
    out
}

pub fn article(seed: u64, words: usize) -> Vec<Vec<String>> {
    let lex = lexicon(seed);
    let mut rng = Rng(seed ^ 0xABCD);
    let mut out = Vec::new();
    let mut count = 0;
    while count < words {
        let s = sentence(&mut rng, &lex);
        count += s.len();
        out.push(s);
    }
    out
}

/// Another outlet's telling: sentences dropped, added, reworded, split, reordered.
pub fn other_outlet(base: &[Vec<String>], seed: u64) -> Vec<Vec<String>> {
    let lex = lexicon(seed);
    let mut rng = Rng(seed ^ 0x5EED);
    let mut out: Vec<Vec<String>> = Vec::new();
    for s in base {
        let roll = rng.below(100);
        if roll < 12 {
            continue;
        }
        if roll < 20 {
            out.push(sentence(&mut rng, &lex));
        }
        let mut s = s.clone();
        if roll >= 35 {
            for w in s.iter_mut().skip(1) {
                if rng.chance(25) {
                    *w = if rng.chance(30) {
                        FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_owned()
                    } else {
                        content(&mut rng, &lex)
                    };
                }
            }
        }
        if roll >= 95 && s.len() > 10 {
            let tail = s.split_off(s.len() / 2);
            out.push(s);
            out.push(
                std::iter::once(capitalise(&tail[0]))
                    .chain(tail[1..].iter().cloned())
                    .collect(),
            );
        } else {
            out.push(s);
        }
    }
    // Reorder: swap some neighbouring blocks of sentences.
    let mut i = 0;
    while i + 6 < out.len() {
        if rng.chance(20) {
            out[i..i + 6].rotate_left(3);
        }
        i += 6;
    }
    out
}

/// A second version: a handful of edits (reworded, removed, added, changed numbers).
pub fn edited(base: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out = base.to_vec();
    let n = out.len();
    out[n / 7][3] = "reportedly".to_owned();
    out[n / 3][5] = "4321".to_owned();
    out.remove(n / 2);
    out.insert(
        2 * n / 3,
        vec![
            "A".into(),
            "correction".into(),
            "was".into(),
            "appended".into(),
            "later".into(),
        ],
    );
    out[4 * n / 5].truncate(8);
    out
}
