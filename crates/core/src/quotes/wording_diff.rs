//! What each outlet's wording of a statement changed against the first
//! wording: the compare engine's inline word diff, one per quotation.

use rustc_hash::FxHashMap;

use crate::compare::view::DiffSegment;
use crate::compare::word_diff;

/// For each wording, its word diff from `wordings[0]`: `equal` and `delete`
/// segments give the first wording, `equal` and `insert` this one. The first
/// wording is one `equal` segment. Wordings that repeat are diffed once.
pub(super) fn wording_diffs(wordings: &[&str]) -> Vec<Vec<DiffSegment>> {
    let Some(&first) = wordings.first() else {
        return Vec::new();
    };
    let mut done: FxHashMap<&str, Vec<DiffSegment>> = FxHashMap::default();
    wordings
        .iter()
        .map(|&w| {
            done.entry(w)
                .or_insert_with(|| {
                    word_diff(first, w, None)
                        .iter()
                        .map(|op| DiffSegment {
                            op: op.op,
                            text: op.text.to_string(),
                        })
                        .collect()
                })
                .clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Op;

    fn changed(diff: &[DiffSegment]) -> Vec<(Op, &str)> {
        diff.iter()
            .filter(|s| s.op != Op::Equal)
            .map(|s| (s.op, s.text.as_str()))
            .collect()
    }

    #[test]
    fn each_wording_shows_what_it_changed_against_the_first() {
        let diffs = wording_diffs(&[
            "Definitely not further",
            "Certainly not further away",
            "Definitely not further",
        ]);
        assert_eq!(diffs.len(), 3);
        assert!(changed(&diffs[0]).is_empty());
        assert_eq!(
            changed(&diffs[1]),
            [
                (Op::Delete, "Definitely"),
                (Op::Insert, "Certainly"),
                (Op::Insert, " away")
            ]
        );
        assert_eq!(diffs[2], diffs[0]);
        assert!(wording_diffs(&[]).is_empty());
    }
}
