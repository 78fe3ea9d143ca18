//! Near-copies: sentences that keep most of their words, in order, whatever
//! those words are. Rare-feature candidates miss a sentence made only of
//! common words; shared word pairs (bigrams) find it, and the longest common
//! subsequence of words decides.

use rustc_hash::FxHashMap;

/// Lowest share of the longer sentence's words, in order, for a near-copy.
/// A kept sentence with 80% of its words in order is paired whatever its words;
/// random sentences of common words share far less than this.
pub(super) const NEAR_COPY_MIN: f32 = 0.7;
/// Word pairs shared by more sentences than this say nothing about which one.
const BIGRAM_CAP: usize = 12;
/// Candidates checked word by word per sentence.
const TOP_K: usize = 4;
/// Longest sentence, in words, worth a word-by-word check.
const MAX_WORDS: usize = 400;

fn bigram(a: u64, b: u64) -> u64 {
    a.rotate_left(17) ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Length of the longest common subsequence of two word sequences: bit by
/// bit (64 words at once) when the shorter fits in a machine word, which
/// sentences almost always do; the table otherwise.
fn lcs(a: &[u64], b: &[u64]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if short.len() <= 64 {
        lcs_bit_parallel(long, short)
    } else {
        lcs_table(a, b)
    }
}

/// The longest common subsequence's length in the bit-parallel form of
/// Allison and Dix (1986): one bit per word of `b` (at most 64), a row of the
/// table per word of `a` in a few word operations.
fn lcs_bit_parallel(a: &[u64], b: &[u64]) -> usize {
    debug_assert!(b.len() <= 64);
    let mut row = u64::MAX;
    for x in a {
        let mut matches = 0u64;
        for (j, y) in b.iter().enumerate() {
            matches |= u64::from(x == y) << j;
        }
        let kept = row & matches;
        row = row.wrapping_add(kept) | (row & !matches);
    }
    let used = if b.len() == 64 {
        u64::MAX
    } else {
        (1u64 << b.len()) - 1
    };
    (!row & used).count_ones() as usize
}

/// The longest common subsequence's length by the classic table, one row kept.
fn lcs_table(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Share of the longer sentence's words that the two keep in order, in 0..=1.
pub(super) fn in_order_share(a: &[u64], b: &[u64]) -> f32 {
    let longer = a.len().max(b.len());
    if longer == 0 || longer > MAX_WORDS {
        return 0.0;
    }
    lcs(a, b) as f32 / longer as f32
}

/// Candidate near-copies among the sentences not yet paired, as
/// (share, left, right), for every pair at or above [`NEAR_COPY_MIN`].
pub(super) fn candidates(
    left: &[Vec<u64>],
    right: &[Vec<u64>],
    left_free: impl Fn(usize) -> bool,
    right_free: impl Fn(usize) -> bool,
) -> Vec<(f32, usize, usize)> {
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (r, words) in right.iter().enumerate() {
        if !right_free(r) || words.len() > MAX_WORDS {
            continue;
        }
        for w in words.windows(2) {
            let list = postings.entry(bigram(w[0], w[1])).or_default();
            if list.last() != Some(&(r as u32)) {
                list.push(r as u32);
            }
        }
    }
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    let mut out = Vec::new();
    for (l, words) in left.iter().enumerate() {
        if !left_free(l) || words.len() > MAX_WORDS {
            continue;
        }
        counts.clear();
        for w in words.windows(2) {
            if let Some(list) = postings.get(&bigram(w[0], w[1]))
                && list.len() <= BIGRAM_CAP
            {
                for r in list {
                    *counts.entry(*r).or_default() += 1;
                }
            }
        }
        let mut best: Vec<(u32, u32)> = counts.iter().map(|(r, n)| (*n, *r)).collect();
        best.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, r) in best.into_iter().take(TOP_K) {
            let r = r as usize;
            let share = in_order_share(words, &right[r]);
            if share >= NEAR_COPY_MIN {
                out.push((share, l, r));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bit_parallel_lcs_agrees_with_the_table() {
        // Small alphabets make many matches and ties, the hard cases.
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..2_000 {
            let alphabet = 1 + next(6);
            let a: Vec<u64> = (0..next(90)).map(|_| next(alphabet)).collect();
            let b: Vec<u64> = (0..next(65)).map(|_| next(alphabet)).collect();
            assert_eq!(lcs(&a, &b), lcs_table(&a, &b), "{a:?} {b:?}");
            assert_eq!(lcs(&b, &a), lcs_table(&a, &b), "{b:?} {a:?}");
        }
        let full: Vec<u64> = (0..64).collect();
        assert_eq!(lcs(&full, &full), 64);
    }

    #[test]
    fn in_order_share_counts_words_kept_in_order() {
        assert_eq!(in_order_share(&[1, 2, 3, 4, 5], &[1, 2, 9, 4, 5]), 0.8);
        assert_eq!(in_order_share(&[1, 2, 3], &[3, 2, 1]), 1.0 / 3.0);
        assert_eq!(in_order_share(&[], &[]), 0.0);
    }
}
