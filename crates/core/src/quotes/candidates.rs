//! Which wordings are worth aligning when quotations are grouped. Aligning
//! every quotation with every other grows with the square of their number;
//! most pairs share too few words to be the same statement, and news repeats
//! the same wording across outlets. So identical wordings are aligned once,
//! and of two different wordings only those that share enough words (counted
//! with repeats) to pass the grouping test are aligned.
//!
//! The filter loses no pair: two wordings can only align on `least` words
//! when the shorter, `a`, has that many words in the longer, so any
//! `a.len() - least + 1` words of `a` hold at least one of them. Each wording
//! probes an index of every wording with that many of its rarest words
//! (a prefix filter), then the shared count is checked exactly.

use rustc_hash::FxHashMap;

/// Wordings in the order they first appear, each once, and which one each item is.
pub(super) struct Distinct<'w> {
    /// The distinct wordings, in order of first appearance.
    pub wordings: Vec<&'w [u32]>,
    /// For each item, the index of its wording in `wordings`.
    pub wording_of: Vec<usize>,
}

/// Collapses identical wordings (the same word ids in the same order).
pub(super) fn distinct<'w>(items: impl IntoIterator<Item = &'w [u32]>) -> Distinct<'w> {
    let mut seen: FxHashMap<&'w [u32], usize> = FxHashMap::default();
    let mut wordings = Vec::new();
    let mut wording_of = Vec::new();
    for ids in items {
        let next = wordings.len();
        let w = *seen.entry(ids).or_insert(next);
        if w == next {
            wordings.push(ids);
        }
        wording_of.push(w);
    }
    Distinct {
        wordings,
        wording_of,
    }
}

/// Pairs `(u, v)`, `u < v`, of the wordings `can_match` allows that share at
/// least `least(shorter length)` words counted with repeats, in increasing order.
pub(super) fn candidate_pairs(
    wordings: &[&[u32]],
    can_match: impl Fn(usize) -> bool,
    least: impl Fn(usize) -> usize,
) -> Vec<(usize, usize)> {
    // A word's k-th occurrence in a wording is its own token, so that shared
    // tokens count the words two wordings share with repeats.
    let mut token_ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut tokens: Vec<Vec<u32>> = Vec::with_capacity(wordings.len());
    for (w, ids) in wordings.iter().enumerate() {
        if !can_match(w) {
            tokens.push(Vec::new());
            continue;
        }
        let mut occurrences: FxHashMap<u32, u32> = FxHashMap::default();
        let mut list: Vec<u32> = ids
            .iter()
            .map(|&id| {
                let k = occurrences.entry(id).or_insert(0);
                *k += 1;
                let next = token_ids.len() as u32;
                *token_ids.entry((id, *k)).or_insert(next)
            })
            .collect();
        list.sort_unstable();
        tokens.push(list);
    }
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); token_ids.len()];
    for (w, list) in tokens.iter().enumerate() {
        for &t in list {
            postings[t as usize].push(w);
        }
    }
    let mut pairs = Vec::new();
    let mut stamp = vec![usize::MAX; wordings.len()];
    let mut rarest: Vec<u32> = Vec::new();
    for (a, list) in tokens.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let need = least(list.len()).max(1);
        if need > list.len() {
            continue;
        }
        rarest.clear();
        rarest.extend_from_slice(list);
        rarest.sort_unstable_by_key(|&t| (postings[t as usize].len(), t));
        for &t in &rarest[..list.len() - need + 1] {
            for &b in &postings[t as usize] {
                // Each pair once, probed from its shorter side (the earlier on a tie).
                if stamp[b] == a || (tokens[b].len(), b) <= (list.len(), a) {
                    continue;
                }
                stamp[b] = a;
                if shared_count(list, &tokens[b]) >= need {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs
}

/// How many tokens two sorted token lists share.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_wordings_collapse_in_order_of_first_appearance() {
        let items: [&[u32]; 4] = [&[1, 2], &[3], &[1, 2], &[3]];
        let d = distinct(items);
        assert_eq!(d.wordings, [&[1, 2][..], &[3][..]]);
        assert_eq!(d.wording_of, [0, 1, 0, 1]);
    }

    #[test]
    fn only_pairs_sharing_enough_words_with_repeats_are_candidates() {
        let wordings: [&[u32]; 4] = [&[1, 2, 3, 4, 5], &[1, 2, 3, 9], &[1, 1, 7, 8], &[1, 7, 1]];
        let pairs = candidate_pairs(&wordings, |_| true, |n| n.div_ceil(2));
        // 0–1 share three words; 2–3 share 1, 1 and 7; 0–2 and 1–3 share only one word.
        assert_eq!(pairs, [(0, 1), (2, 3)]);
        let none = candidate_pairs(&wordings, |w| w != 1, |n| n.div_ceil(2));
        assert_eq!(none, [(2, 3)]);
    }
}
