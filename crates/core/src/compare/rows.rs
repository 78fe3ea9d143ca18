//! The reading order of a side-by-side comparison: one row per aligned pair or
//! one-sided sentence, in the left text's order, each sentence only the right
//! text has placed just after the row holding the right sentence before it, so
//! omissions and additions show where they happen.

use serde::{Deserialize, Serialize};

use super::Comparison;

/// One row of a side-by-side view, by its position in the comparison's
/// `pairs`, `left_only` or `right_only` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", content = "at", rename_all = "kebab-case")]
pub enum Row {
    /// `pairs[at]`.
    Pair(usize),
    /// `left_only[at]`.
    LeftOnly(usize),
    /// `right_only[at]`.
    RightOnly(usize),
}

/// The rows in reading order, from each pair's (left, right) sentence indices
/// and the indices of the sentences only one side has.
///
/// ```
/// use claimdesk_core::compare::{Row, reading_order};
/// // Left 1 is missing on the right; right 1 is new.
/// let rows = reading_order(&[(0, 0), (2, 2)], &[1], &[1]);
/// assert_eq!(rows, [Row::Pair(0), Row::RightOnly(0), Row::LeftOnly(0), Row::Pair(1)]);
/// ```
pub fn reading_order(
    pairs: &[(usize, usize)],
    left_only: &[usize],
    right_only: &[usize],
) -> Vec<Row> {
    // The left side's order; a left sentence split in two keeps its halves in right order.
    let mut base: Vec<(usize, usize, Row)> = pairs
        .iter()
        .enumerate()
        .map(|(at, &(l, r))| (l, r, Row::Pair(at)))
        .chain(
            left_only
                .iter()
                .enumerate()
                .map(|(at, &l)| (l, 0, Row::LeftOnly(at))),
        )
        .collect();
    base.sort_by_key(|&(l, r, _)| (l, r));

    // Pairs by right index, then by row, to find the closest right sentence before each one-sided one.
    let mut by_right: Vec<(usize, usize)> = base
        .iter()
        .enumerate()
        .filter(|(_, (_, _, row))| matches!(row, Row::Pair(_)))
        .map(|(i, &(_, r, _))| (r, i))
        .collect();
    by_right.sort_unstable();
    // For each base row, the right-only rows after it; slot 0 holds those before every row.
    let mut after: Vec<Vec<Row>> = vec![Vec::new(); base.len() + 1];
    for (at, &r) in right_only.iter().enumerate() {
        let before = by_right.partition_point(|&(pr, _)| pr < r);
        let slot = before.checked_sub(1).map_or(0, |k| by_right[k].1 + 1);
        after[slot].push(Row::RightOnly(at));
    }

    let mut rows = Vec::with_capacity(base.len() + right_only.len());
    let mut after = after.into_iter();
    rows.extend(after.next().unwrap_or_default());
    for ((_, _, row), following) in base.into_iter().zip(after) {
        rows.push(row);
        rows.extend(following);
    }
    rows
}

impl Comparison<'_> {
    /// The rows of this comparison in reading order (see [`reading_order`]).
    pub fn rows(&self) -> Vec<Row> {
        let pairs: Vec<(usize, usize)> = self
            .pairs
            .iter()
            .map(|p| (p.left.index, p.right.index))
            .collect();
        let left_only: Vec<usize> = self.left_only.iter().map(|s| s.index).collect();
        let right_only: Vec<usize> = self.right_only.iter().map(|s| s.index).collect();
        reading_order(&pairs, &left_only, &right_only)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Row::{LeftOnly, Pair, RightOnly};

    #[test]
    fn one_sided_sentences_stand_where_they_happen() {
        // Left: 0 1 2 3; right: 0 1 2 3 4. Left 1 is omitted by the right; right 2 and 4 are new.
        let rows = reading_order(&[(0, 0), (2, 1), (3, 3)], &[1], &[2, 4]);
        assert_eq!(
            rows,
            [
                Pair(0),
                LeftOnly(0),
                Pair(1),
                RightOnly(0),
                Pair(2),
                RightOnly(1)
            ]
        );
    }

    #[test]
    fn a_right_only_sentence_before_every_pair_comes_first() {
        assert_eq!(reading_order(&[(0, 1)], &[], &[0]), [RightOnly(0), Pair(0)]);
    }

    #[test]
    fn a_reordered_pair_stays_in_the_left_reading_order() {
        assert_eq!(
            reading_order(&[(1, 0), (0, 1)], &[], &[]),
            [Pair(1), Pair(0)]
        );
    }

    #[test]
    fn a_left_sentence_split_in_two_keeps_its_halves_in_right_order() {
        assert_eq!(
            reading_order(&[(0, 2), (0, 1)], &[], &[]),
            [Pair(1), Pair(0)]
        );
    }

    #[test]
    fn consecutive_right_only_sentences_keep_their_order() {
        let rows = reading_order(&[(0, 0), (1, 3)], &[], &[1, 2]);
        assert_eq!(rows, [Pair(0), RightOnly(0), RightOnly(1), Pair(1)]);
    }

    #[test]
    fn with_reordering_a_right_only_sentence_follows_its_closest_right_neighbour() {
        // Rows hold right 2, 0, 5 in that order; right 3 follows right 2, not the later row of right 0.
        let rows = reading_order(&[(0, 2), (1, 0), (2, 5)], &[], &[3]);
        assert_eq!(rows, [Pair(0), RightOnly(0), Pair(1), Pair(2)]);
    }

    #[test]
    fn nothing_gives_no_rows() {
        assert!(reading_order(&[], &[], &[]).is_empty());
        assert_eq!(reading_order(&[], &[0], &[0]), [RightOnly(0), LeftOnly(0)]);
    }
}
