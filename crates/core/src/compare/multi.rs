//! More than two outlets: each compared against a chosen pivot, the pairs
//! grouped by the pivot's sentences.

use std::time::Instant;

use chrono::NaiveDate;
use serde::Serialize;

use super::align::{self, Side, Vocab, Weights};
use super::{CompareOptions, DIFF_BUDGET, DiffOp, Difference, build};
use crate::text::Sentence;

/// Publication days of the pivot and the other outlets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ManyOptions {
    /// Publication day of the pivot text.
    pub pivot_published: Option<NaiveDate>,
    /// Publication day of each other text, by position (missing entries are unknown).
    pub others_published: Vec<Option<NaiveDate>>,
}

/// One outlet's sentence matched to a pivot sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletMatch<'a> {
    /// Position of the outlet in the `others` list.
    pub outlet: usize,
    /// The outlet's sentence.
    pub right: Sentence<'a>,
    /// How strongly it agrees with the pivot sentence, 0..=1.
    pub score: f32,
    /// Word-level diff from the pivot sentence to this one.
    pub diff: Vec<DiffOp<'a>>,
    /// The labelled differences.
    pub differences: Vec<Difference<'a>>,
}

/// A pivot sentence and what each other outlet says in its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group<'a> {
    /// The pivot's sentence.
    pub pivot: Sentence<'a>,
    /// Matches from the other outlets, by outlet (an outlet that split the
    /// sentence appears twice); empty when only the pivot reports it.
    pub matches: Vec<OutletMatch<'a>>,
}

/// Sentences one outlet has that the pivot does not.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletOnly<'a> {
    /// Position of the outlet in the `others` list.
    pub outlet: usize,
    /// Its sentences the pivot lacks, in order.
    pub sentences: Vec<Sentence<'a>>,
}

/// Several outlets compared against a pivot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MultiComparison<'a> {
    /// One group per pivot sentence, in the pivot's order.
    pub groups: Vec<Group<'a>>,
    /// Per outlet, what it reports that the pivot does not.
    pub others_only: Vec<OutletOnly<'a>>,
}

/// Compares each of `others` against `pivot` and groups the pairs by pivot sentence.
pub fn compare_many<'a>(
    pivot: &'a str,
    others: &[&'a str],
    opts: &ManyOptions,
) -> MultiComparison<'a> {
    let deadline = Instant::now() + DIFF_BUDGET;
    let mut vocab = Vocab::default();
    let pivot_side = Side::new(pivot, &mut vocab);
    let sides: Vec<Side<'a>> = others.iter().map(|t| Side::new(t, &mut vocab)).collect();
    let mut groups: Vec<Group<'a>> = pivot_side
        .sentences
        .iter()
        .map(|s| Group {
            pivot: *s,
            matches: Vec::new(),
        })
        .collect();
    let mut others_only = Vec::with_capacity(sides.len());
    for (outlet, side) in sides.iter().enumerate() {
        let weights = Weights::new(vocab.len(), &[&pivot_side, side]);
        let alignment = align::align(&pivot_side, side, &weights);
        let pair_opts = CompareOptions {
            left_published: opts.pivot_published,
            right_published: opts.others_published.get(outlet).copied().flatten(),
        };
        let comparison = build(
            (&pivot_side.sentences, pivot_side.tokenised()),
            (&side.sentences, side.tokenised()),
            &alignment,
            &pair_opts,
            deadline,
        );
        for pair in comparison.pairs {
            groups[pair.left.index].matches.push(OutletMatch {
                outlet,
                right: pair.right,
                score: pair.score,
                diff: pair.diff,
                differences: pair.differences,
            });
        }
        others_only.push(OutletOnly {
            outlet,
            sentences: comparison.right_only,
        });
    }
    MultiComparison {
        groups,
        others_only,
    }
}
