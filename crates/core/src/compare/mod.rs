//! Compare how texts tell the same story: sentence alignment between outlets,
//! word-level diffs inside each aligned pair, labelled differences, version
//! diffs of one source and comparison of several outlets against a pivot.
//!
//! ```
//! use claimdesk_core::compare::{compare_texts, CompareOptions, DifferenceKind};
//! let left = "Talks in Geneva lasted five hours on Tuesday. Ortiz left early.";
//! let right = "Ortiz left early. The Geneva talks lasted four hours on Tuesday.";
//! let c = compare_texts(left, right, &CompareOptions::default());
//! assert_eq!(c.pairs.len(), 2);
//! let talks = &c.pairs[0];
//! assert_eq!((talks.left.index, talks.right.index), (0, 1));
//! assert!(talks.differences.iter().any(|d| d.kind == DifferenceKind::Number && d.right == "four hours"));
//! ```

pub(crate) mod align;
mod date_chips;
mod filter;
mod inline;
mod label;
mod load;
mod multi;
mod near_copy;
mod paraphrase;
mod rows;
mod synonyms;
mod to_claim;
mod versions;
pub mod view;

use std::borrow::Cow;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::Serialize;

pub use date_chips::{DateChip, date_chips};
pub use filter::ShowOnly;
pub use inline::{DiffOp, Op, left_text, right_text, word_diff};
use label::LabelSide;
pub use label::{Difference, DifferenceKind};
pub use load::{
    LoadedSide, SourceRef, compare_outlets, compare_source_versions, compare_sources, load_side,
};
pub use multi::{ManyOptions, compare_many};
pub use rows::{Row, reading_order};
pub use to_claim::{
    ClaimDraft, ClaimFromDifference, DraftRequest, create_claim_from_difference, draft_claim,
};
// A comparison's claim links passages picked by position, as the reader does.
pub use crate::model::PassagePick;
pub use versions::{VersionDiff, VersionSummary, compare_versions};

use crate::text::Sentence;
use crate::text::facts::extract;
use crate::text::tokens::Word;
use align::{Alignment, Side, Vocab, Weights};
use inline::{DiffTokens, GapIds, WordIds};

/// Time all inline diffs of one comparison may take before they fall back to
/// coarser (still exact) diffs. A last resort only: sentence diffs are bounded
/// by size first, and these budgets are far above what normal text takes even
/// on a loaded machine, so the same input gives the same diff.
const DIFF_BUDGET: Duration = Duration::from_secs(2);
/// Time one pair's inline diff may take.
const PAIR_BUDGET: Duration = Duration::from_millis(250);

/// What the comparison should know about the two texts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CompareOptions {
    /// Publication day of the left text, to place "Thursday" or "Thanksgiving".
    pub left_published: Option<NaiveDate>,
    /// Publication day of the right text.
    pub right_published: Option<NaiveDate>,
}

/// Two sentences that report the same thing, with what differs between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<'a> {
    /// The left text's sentence.
    pub left: Sentence<'a>,
    /// The right text's sentence.
    pub right: Sentence<'a>,
    /// How strongly the two agree, 0..=1 (1 for identical sentences).
    pub score: f32,
    /// Word-level diff from left to right.
    pub diff: Vec<DiffOp<'a>>,
    /// The differences, labelled by kind.
    pub differences: Vec<Difference<'a>>,
}

/// Two texts compared sentence by sentence.
///
/// A sentence split in two by one outlet appears in two pairs that share it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison<'a> {
    /// Aligned pairs, by left index then right index.
    pub pairs: Vec<Pair<'a>>,
    /// Sentences only the left text has, in order.
    pub left_only: Vec<Sentence<'a>>,
    /// Sentences only the right text has, in order.
    pub right_only: Vec<Sentence<'a>>,
}

/// Compares two different texts about the same event: aligns their sentences
/// (reordering and one-to-two splits allowed), diffs each pair word by word and
/// labels the differences.
pub fn compare_texts<'a>(left: &'a str, right: &'a str, opts: &CompareOptions) -> Comparison<'a> {
    let mut vocab = Vocab::default();
    let left_side = Side::new(left, &mut vocab);
    let right_side = Side::new(right, &mut vocab);
    let weights = Weights::new(vocab.len(), &[&left_side, &right_side]);
    let alignment = align::align(&left_side, &right_side, &weights);
    build(
        (&left_side.sentences, left_side.tokenised()),
        (&right_side.sentences, right_side.tokenised()),
        &alignment,
        opts,
        Instant::now() + DIFF_BUDGET,
    )
}

/// Each sentence's words and diff tokens, when the caller has them already.
pub(crate) type Tokenised<'s, 'a> = Option<(&'s [Vec<Word<'a>>], &'s [DiffTokens])>;

/// Turns an alignment into pairs with diffs and labels.
fn build<'a>(
    (left, left_tok): (&[Sentence<'a>], Tokenised<'_, 'a>),
    (right, right_tok): (&[Sentence<'a>], Tokenised<'_, 'a>),
    alignment: &Alignment,
    opts: &CompareOptions,
    diff_deadline: Instant,
) -> Comparison<'a> {
    // For one-to-two matches, each half's sibling on the shared sentence's side.
    let mut left_partners: Vec<Vec<usize>> = vec![Vec::new(); left.len()];
    let mut right_partners: Vec<Vec<usize>> = vec![Vec::new(); right.len()];
    for &(l, r, _) in &alignment.pairs {
        left_partners[l].push(r);
        right_partners[r].push(l);
    }
    let sibling = |partners: &[usize], me: usize| partners.iter().copied().find(|&p| p != me);
    // Numbering for sentences the caller has not tokenised.
    let mut ids = (WordIds::default(), GapIds::default());
    let pairs = alignment
        .pairs
        .iter()
        .map(|&(l, r, score)| {
            let right_sibling = sibling(&left_partners[l], r).map(|i| right[i]);
            let left_sibling = sibling(&right_partners[r], l).map(|i| left[i]);
            make_pair(
                (
                    left[l],
                    left_sibling,
                    left_tok.map(|(w, t)| (w[l].as_slice(), &t[l])),
                ),
                (
                    right[r],
                    right_sibling,
                    right_tok.map(|(w, t)| (w[r].as_slice(), &t[r])),
                ),
                score,
                opts,
                diff_deadline,
                &mut ids,
            )
        })
        .collect();
    Comparison {
        pairs,
        left_only: alignment.left_only.iter().map(|&i| left[i]).collect(),
        right_only: alignment.right_only.iter().map(|&i| right[i]).collect(),
    }
}

/// One side of a pair: the sentence, the sibling of a one-to-two match, and
/// the sentence's words and diff tokens when already known.
type Half<'s, 'a> = (
    Sentence<'a>,
    Option<Sentence<'a>>,
    Option<(&'s [Word<'a>], &'s DiffTokens)>,
);

/// Diffs and labels one pair; each side may carry the sibling of a one-to-two match.
fn make_pair<'a>(
    (left, left_sibling, left_tok): Half<'_, 'a>,
    (right, right_sibling, right_tok): Half<'_, 'a>,
    score: f32,
    opts: &CompareOptions,
    diff_deadline: Instant,
    ids: &mut (WordIds<'a>, GapIds<'a>),
) -> Pair<'a> {
    // Only long sentences can need the deadline; skip reading the clock otherwise.
    let long = left.text.len() + right.text.len() > 2_000;
    let deadline = long.then(|| (Instant::now() + PAIR_BUDGET).min(diff_deadline));
    let (diff, differences) = if left.text == right.text {
        (word_diff(left.text, right.text, deadline), Vec::new())
    } else {
        // Tokenised once for the diff, the facts and the labels.
        let (lw, lt) = tokenised(left, left_tok, ids);
        let (rw, rt) = tokenised(right, right_tok, ids);
        let diff = inline::word_diff_of_tokens((left.text, &lt), (right.text, &rt), deadline);
        let lf = crate::text::facts::extract_from_words(left.text, &lw, opts.left_published);
        let rf = crate::text::facts::extract_from_words(right.text, &rw, opts.right_published);
        let lsf = left_sibling.map(|s| (s.text, extract(s.text, opts.left_published)));
        let rsf = right_sibling.map(|s| (s.text, extract(s.text, opts.right_published)));
        let differences = label::label_with_words(
            LabelSide {
                text: left.text,
                facts: &lf,
                sibling: lsf.as_ref().map(|(t, f)| (*t, f)),
            },
            LabelSide {
                text: right.text,
                facts: &rf,
                sibling: rsf.as_ref().map(|(t, f)| (*t, f)),
            },
            (&lw, &rw),
            &diff,
        );
        (diff, differences)
    };
    Pair {
        left,
        right,
        score: (score * 1000.0).round() / 1000.0,
        diff,
        differences,
    }
}

/// The sentence's words and diff tokens: those already known, else found now.
fn tokenised<'s, 'a>(
    sentence: Sentence<'a>,
    known: Option<(&'s [Word<'a>], &'s DiffTokens)>,
    (word_ids, gaps): &mut (WordIds<'a>, GapIds<'a>),
) -> (Cow<'s, [Word<'a>]>, Cow<'s, DiffTokens>) {
    match known {
        Some((words, tokens)) => (Cow::Borrowed(words), Cow::Borrowed(tokens)),
        None => {
            let words: Vec<Word<'a>> = crate::text::tokens::words(sentence.text).collect();
            let tokens = DiffTokens::of(sentence.text, &words, word_ids, gaps);
            (Cow::Owned(words), Cow::Owned(tokens))
        }
    }
}
