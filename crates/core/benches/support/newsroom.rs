//! The generated newsroom the search bench and the search timing end-to-end
//! test share: 2,000 sources × 800 words (about 80,000 sentences) of
//! invented syllable words, Zipf-like, a word ("harbour") in about 90% of
//! sentences, "talks lasted N hours" every eighth sentence, and 10,000
//! claims. Seeded, so every run makes the same workspace.

#![allow(dead_code)]

use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewSource};

pub const SOURCES: usize = 2_000;
const WORDS_PER_SOURCE: usize = 800;
const WORDS_PER_SENTENCE: usize = 20;
pub const CLAIMS: usize = 10_000;
const VOCABULARY: usize = 3_000;
/// Bump when the generator changes, so a cached workspace is made again.
pub const GENERATION: u32 = 1;

/// A small seeded generator (xorshift64*), so every run makes the same workspace.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// A word rank skewed to the frequent end (about Zipf-like).
    pub fn rank(&mut self) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * u) * VOCABULARY as f64) as usize
    }
}

/// An invented word for each rank: syllables, so the stemmer sees real-looking words.
pub fn word(rank: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mer", "tan", "vi", "sor", "del", "pra", "nu", "gest", "ril", "bo", "chan",
        "fe", "dor", "quin",
    ];
    let mut w = String::new();
    let mut r = rank + 17;
    while r > 0 {
        w.push_str(SYL[r % 16]);
        r /= 16;
    }
    w
}

pub const COMMON: &str = "harbour";
const NUMBERS: [&str; 6] = ["two", "three", "four", "five", "six", "seven"];

fn article(rng: &mut Rng, i: usize) -> String {
    let mut text = format!("Report {i} on the {}\n\n", word(rng.rank()));
    let sentences = WORDS_PER_SOURCE / WORDS_PER_SENTENCE;
    for s in 0..sentences {
        let mut words: Vec<String> = Vec::with_capacity(WORDS_PER_SENTENCE);
        if rng.below(10) < 9 {
            words.push(COMMON.into());
        }
        if s % 8 == 0 {
            words.push(format!(
                "talks lasted {} hours",
                NUMBERS[rng.below(NUMBERS.len())]
            ));
        }
        while words.len() < WORDS_PER_SENTENCE {
            words.push(word(rng.rank()));
        }
        let mut sentence = words.join(" ");
        if let Some(first) = sentence.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        text.push_str(&sentence);
        text.push_str(if s % 5 == 4 { ".\n\n" } else { ". " });
    }
    text
}

pub fn new_source(rng: &mut Rng, i: usize) -> NewSource {
    NewSource {
        title: format!("Report {i}"),
        outlet: Some(["Northern Ledger", "Coastal Courier", "Evening Star", "Wire"][i % 4].into()),
        url: Some(format!("https://news.example/{i}")),
        published_on: chrono::NaiveDate::from_ymd_opt(
            2025,
            1 + (i % 12) as u32,
            1 + (i % 28) as u32,
        ),
        text: article(rng, i),
        ..Default::default()
    }
}

/// Fills an empty workspace with the generated sources, then the claims.
pub fn fill(ws: &Workspace) {
    let mut rng = Rng(0x5EED_CAFE);
    for i in 0..SOURCES {
        ws.sources()
            .add(new_source(&mut rng, i))
            .expect("add source");
    }
    for i in 0..CLAIMS {
        ws.claims()
            .add(NewClaim {
                statement: format!(
                    "The {} talks lasted {} hours near {}",
                    word(rng.rank()),
                    NUMBERS[i % NUMBERS.len()],
                    word(rng.rank())
                ),
                tags: vec![format!("topic-{}", i % 20)],
                ..Default::default()
            })
            .expect("add claim");
    }
}
