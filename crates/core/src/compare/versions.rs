//! Two versions of one source, compared as an edit history: a sentence-level
//! diff finds what stayed, then the changed stretches are aligned and refined
//! word by word into reworded, removed and added sentences (stealth edits).

use std::hash::Hasher;
use std::time::Instant;

use rustc_hash::{FxHashMap, FxHasher};
use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::align::{self, Alignment, Side, Vocab, Weights};
use super::{CompareOptions, Comparison, DIFF_BUDGET, build};
use crate::text::{Sentence, segment};

/// Counts of what happened between two versions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VersionSummary {
    /// Sentences kept word for word (moved ones included).
    pub unchanged: usize,
    /// Pairs of sentences whose wording changed.
    pub reworded: usize,
    /// Sentences of the old version that are gone.
    pub removed: usize,
    /// Sentences of the new version that are new.
    pub added: usize,
}

/// Two versions compared: the same shape as [`Comparison`] (old on the left,
/// new on the right; unchanged sentences are pairs with no differences, removed
/// ones are `left_only`, added ones `right_only`), plus a summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionDiff<'a> {
    /// The pairs and the one-sided sentences.
    #[serde(flatten)]
    pub comparison: Comparison<'a>,
    /// What changed, counted.
    pub summary: VersionSummary,
}

fn exact_key(sentence: &Sentence<'_>) -> u64 {
    let mut h = FxHasher::default();
    h.write(sentence.text.as_bytes());
    h.finish()
}

/// Compares two versions of one text (see the module docs).
///
/// ```
/// use claimdesk_core::compare::{compare_versions, CompareOptions};
/// let old = "The mayor spoke. Turnout was 40 percent. Rain fell.";
/// let new = "The mayor spoke. Turnout was 35 percent. Rain fell. Polls closed late.";
/// let v = compare_versions(old, new, &CompareOptions::default());
/// assert_eq!((v.summary.unchanged, v.summary.reworded, v.summary.added, v.summary.removed), (2, 1, 1, 0));
/// ```
pub fn compare_versions<'a>(old: &'a str, new: &'a str, opts: &CompareOptions) -> VersionDiff<'a> {
    let deadline = Instant::now() + DIFF_BUDGET;
    let old_sentences = segment(old);
    let new_sentences = segment(new);
    let old_keys: Vec<u64> = old_sentences.iter().map(exact_key).collect();
    let new_keys: Vec<u64> = new_sentences.iter().map(exact_key).collect();
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old_keys, &new_keys, Some(deadline));

    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    let mut removed: Vec<usize> = Vec::new();
    let mut added: Vec<usize> = Vec::new();
    for op in &ops {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => pairs.extend(o.zip(n).map(|(l, r)| (l, r, 1.0))),
            DiffTag::Delete => removed.extend(o),
            DiffTag::Insert => added.extend(n),
            DiffTag::Replace => {
                let region = align_region(&old_sentences[o.clone()], &new_sentences[n.clone()]);
                pairs.extend(
                    region
                        .pairs
                        .iter()
                        .map(|&(l, r, s)| (o.start + l, n.start + r, s)),
                );
                removed.extend(region.left_only.iter().map(|l| o.start + l));
                added.extend(region.right_only.iter().map(|r| n.start + r));
            }
        }
    }

    // A sentence moved elsewhere shows as removed and added: pair it back.
    let mut added_by_key: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for &r in added.iter().rev() {
        added_by_key.entry(new_keys[r]).or_default().push(r);
    }
    let mut moved_new = vec![false; new_sentences.len()];
    removed.retain(
        |&l| match added_by_key.get_mut(&old_keys[l]).and_then(Vec::pop) {
            Some(r) => {
                pairs.push((l, r, 1.0));
                moved_new[r] = true;
                false
            }
            None => true,
        },
    );
    added.retain(|&r| !moved_new[r]);

    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let unchanged = pairs
        .iter()
        .filter(|p| old_sentences[p.0].text == new_sentences[p.1].text)
        .count();
    let summary = VersionSummary {
        unchanged,
        reworded: pairs.len() - unchanged,
        removed: removed.len(),
        added: added.len(),
    };
    let alignment = Alignment {
        pairs,
        left_only: removed,
        right_only: added,
    };
    VersionDiff {
        comparison: build(
            (&old_sentences, None),
            (&new_sentences, None),
            &alignment,
            opts,
            deadline,
        ),
        summary,
    }
}

/// Aligns the sentences of one changed stretch (indices relative to the stretch).
fn align_region<'a>(old: &[Sentence<'a>], new: &[Sentence<'a>]) -> Alignment {
    let mut vocab = Vocab::default();
    let left = Side::for_alignment(old.to_vec(), &mut vocab);
    let right = Side::for_alignment(new.to_vec(), &mut vocab);
    let weights = Weights::new(vocab.len(), &[&left, &right]);
    align::align(&left, &right, &weights)
}
