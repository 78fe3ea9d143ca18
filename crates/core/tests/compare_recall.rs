//! Alignment recall on near-copies made of common words: a kept sentence that
//! shares most of its words, in order, with one on the other side is paired,
//! whatever its words are, and nothing else is.

#[path = "support/near_copy.rs"]
mod near_copy;

use std::collections::HashSet;

use claimdesk_core::compare::{CompareOptions, compare_texts};
use claimdesk_core::text::segment;

/// Recall and precision of the compare on one generated pair of tellings.
fn recall_and_precision(seed: u64) -> (f64, f64, usize) {
    let texts = near_copy::near_copies(seed, 10_000, 85);
    // The generator writes plain sentences: the segmenter must see them all.
    let sentences = (segment(&texts.left).len(), segment(&texts.right).len());
    assert_eq!(sentences, texts.sentences);
    let c = compare_texts(&texts.left, &texts.right, &CompareOptions::default());
    let truth: HashSet<(usize, usize)> = texts.kept.iter().copied().collect();
    let found: Vec<(usize, usize)> = c
        .pairs
        .iter()
        .map(|p| (p.left.index, p.right.index))
        .collect();
    let right_ones = found.iter().filter(|p| truth.contains(p)).count();
    let recall = right_ones as f64 / truth.len() as f64;
    let precision = if found.is_empty() {
        1.0
    } else {
        right_ones as f64 / found.len() as f64
    };
    (recall, precision, truth.len())
}

#[test]
fn near_copies_of_common_words_are_paired() {
    for seed in [1, 7, 42, 2025, 31337] {
        let (recall, precision, kept) = recall_and_precision(seed);
        assert!(
            recall >= 0.95 && precision >= 0.98,
            "seed {seed}: recall {recall:.3}, precision {precision:.3} over {kept} kept sentences"
        );
    }
}
