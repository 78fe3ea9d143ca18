//! More than two outlets: each compared against a chosen pivot.

use std::time::Instant;

use chrono::NaiveDate;

use super::align::{self, Side, Vocab, Weights};
use super::{CompareOptions, Comparison, DIFF_BUDGET, build};

/// Publication days of the pivot and the other outlets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManyOptions {
    /// Publication day of the pivot text.
    pub pivot_published: Option<NaiveDate>,
    /// Publication day of each other text, by position (missing entries are unknown).
    pub others_published: Vec<Option<NaiveDate>>,
}

/// Compares each of `others` against `pivot`: one comparison per other text,
/// in the order given, the pivot always on the left. The pivot is segmented
/// and tokenised once for all of them.
pub fn compare_many<'a>(
    pivot: &'a str,
    others: &[&'a str],
    opts: &ManyOptions,
) -> Vec<Comparison<'a>> {
    let deadline = Instant::now() + DIFF_BUDGET;
    let mut vocab = Vocab::default();
    let pivot_side = Side::new(pivot, &mut vocab);
    let sides: Vec<Side<'a>> = others.iter().map(|t| Side::new(t, &mut vocab)).collect();
    sides
        .iter()
        .enumerate()
        .map(|(outlet, side)| {
            let weights = Weights::new(vocab.len(), &[&pivot_side, side]);
            let alignment = align::align(&pivot_side, side, &weights);
            let pair_opts = CompareOptions {
                left_published: opts.pivot_published,
                right_published: opts.others_published.get(outlet).copied().flatten(),
            };
            build(
                (&pivot_side.sentences, pivot_side.tokenised()),
                (&side.sentences, side.tokenised()),
                &alignment,
                &pair_opts,
                deadline,
            )
        })
        .collect()
}
