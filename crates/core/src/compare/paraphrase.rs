//! Paraphrases: two tellings of one event in other words ("its forces had
//! taken control of the city" / "its troops had captured"). Sentences left
//! unpaired are compared with synonyms as one word; two sentences in the same
//! slot of both stories (their neighbours paired with each other's neighbours)
//! need less in common, but still a rare word, name or number of their own.

use super::align::{MIN_SCORE, Side, Weights};

/// Lowest score for two sentences in the same slot of both stories.
const SLOT_MIN: f32 = 0.15;
/// A feature found in at most this many sentences of the two texts is rare
/// enough to tie two sentences of one slot together.
const RARE_DF: u32 = 4;
/// Candidates scored exactly per sentence.
const TOP_K: usize = 8;

/// The sentence's features with synonyms as their class.
fn para<'s>(side: &'s Side<'_>, i: usize) -> &'s [(u32, f32)] {
    side.para[i].as_deref().unwrap_or(&side.feats[i])
}

/// True when the two share a rare feature, or a name or number both stress.
fn share_something_rare(a: &[(u32, f32)], b: &[(u32, f32)], weights: &Weights) -> bool {
    a.iter().any(|(id, boost)| {
        b.binary_search_by_key(id, |x| x.0)
            .is_ok_and(|j| weights.df[*id as usize] <= RARE_DF || (*boost > 1.0 && b[j].1 > 1.0))
    })
}

/// Candidate paraphrases among the free sentences, as (score, left, right).
pub(super) fn candidates(
    left: &Side<'_>,
    right: &Side<'_>,
    weights: &Weights,
    (left_free, right_free): (impl Fn(usize) -> bool, impl Fn(usize) -> bool),
    same_slot: impl Fn(usize, usize) -> bool,
) -> Vec<(f32, usize, usize)> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); weights.idf.len()];
    for r in (0..right.feats.len()).filter(|r| right_free(*r)) {
        for (id, _) in para(right, r) {
            if weights.df[*id as usize] <= weights.index_cap {
                postings[*id as usize].push(r as u32);
            }
        }
    }
    let mut acc = vec![0.0f32; right.feats.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    for l in (0..left.feats.len()).filter(|l| left_free(*l)) {
        let f = para(left, l);
        for (id, boost) in f {
            let w = weights.idf[*id as usize] * boost;
            for r in &postings[*id as usize] {
                if acc[*r as usize] == 0.0 {
                    touched.push(*r);
                }
                acc[*r as usize] += w;
            }
        }
        touched
            .sort_unstable_by(|a, b| acc[*b as usize].total_cmp(&acc[*a as usize]).then(a.cmp(b)));
        for r in touched.iter().take(TOP_K) {
            let r = *r as usize;
            let g = para(right, r);
            let score = weights.score(f, g);
            let slot_pair =
                score >= SLOT_MIN && same_slot(l, r) && share_something_rare(f, g, weights);
            if score >= MIN_SCORE || slot_pair {
                out.push((score, l, r));
            }
        }
        for r in touched.drain(..) {
            acc[r as usize] = 0.0;
        }
    }
    out
}
