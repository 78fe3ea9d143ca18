//! Word-level diff inside one pair of sentences.

use serde::Serialize;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use crate::text::tokens::{Word, words};

/// What a diff segment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Text both sentences share.
    Equal,
    /// Text only the left (old) sentence has.
    Delete,
    /// Text only the right (new) sentence has.
    Insert,
}

/// One segment of a word diff. Concatenating the `equal` and `delete` texts in
/// order gives the left sentence; `equal` and `insert` give the right one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DiffOp<'a> {
    /// What the segment does.
    pub op: Op,
    /// The segment's text.
    pub text: &'a str,
}

/// Splits text into diff tokens: the words of [`crate::text::tokens::words`]
/// ("3,000", "U.S", "don't" stay whole), runs of whitespace, and single other
/// characters. Returns the tokens and each token's start offset (plus the end).
/// `words` are the words of `text`, tokenised once by the caller.
fn diff_tokens<'t>(text: &'t str, words: &[Word<'t>]) -> (Vec<&'t str>, Vec<usize>) {
    let mut tokens = Vec::with_capacity(text.len() / 3);
    let mut starts = Vec::with_capacity(text.len() / 3 + 1);
    fn gap<'t>(
        text: &'t str,
        from: usize,
        to: usize,
        tokens: &mut Vec<&'t str>,
        starts: &mut Vec<usize>,
    ) {
        let mut run_start: Option<usize> = None;
        for (i, c) in text[from..to].char_indices() {
            let at = from + i;
            if c.is_whitespace() {
                run_start.get_or_insert(at);
                continue;
            }
            if let Some(rs) = run_start.take() {
                tokens.push(&text[rs..at]);
                starts.push(rs);
            }
            tokens.push(&text[at..at + c.len_utf8()]);
            starts.push(at);
        }
        if let Some(rs) = run_start {
            tokens.push(&text[rs..to]);
            starts.push(rs);
        }
    }
    let mut pos = 0;
    for w in words {
        gap(text, pos, w.start, &mut tokens, &mut starts);
        tokens.push(w.text);
        starts.push(w.start);
        pos = w.end;
    }
    gap(text, pos, text.len(), &mut tokens, &mut starts);
    starts.push(text.len());
    (tokens, starts)
}

/// A diff token that compares by hash first, so mismatches cost no string compare.
#[derive(Debug, Clone, Copy, Eq)]
struct Token<'a> {
    hash: u64,
    text: &'a str,
}

impl PartialEq for Token<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.text == other.text
    }
}

impl std::hash::Hash for Token<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

fn hashed<'a>(tokens: &[&'a str]) -> Vec<Token<'a>> {
    tokens
        .iter()
        .map(|t| {
            let mut h = rustc_hash::FxHasher::default();
            std::hash::Hasher::write(&mut h, t.as_bytes());
            Token {
                hash: std::hash::Hasher::finish(&h),
                text: t,
            }
        })
        .collect()
}

/// Above this many token pairs (old × new) a diff is not refined word by word:
/// the common start and end are kept and the middle is one change. A size
/// bound, unlike a clock, gives the same answer on a busy machine.
const MAX_DIFF_CELLS: u64 = 1_000_000;

/// The common prefix and suffix as equal segments around one changed middle.
fn coarse_segments<T: PartialEq>(
    old: &[T],
    new: &[T],
) -> Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    let mut segments = Vec::with_capacity(3);
    if prefix > 0 {
        segments.push((false, 0..prefix, 0..prefix));
    }
    if !old_mid.is_empty() || !new_mid.is_empty() {
        segments.push((true, old_mid.clone(), new_mid.clone()));
    }
    if suffix > 0 {
        segments.push((false, old_mid.end..old.len(), new_mid.end..new.len()));
    }
    segments
}

/// Word-level diff of two sentences. Very long sentences are diffed coarsely
/// (see [`MAX_DIFF_CELLS`]), and the diff also gives up refining once
/// `deadline` passes, so no input can stall it; the result always
/// reconstructs both texts.
///
/// ```
/// use claimdesk_core::compare::{word_diff, Op};
/// let ops = word_diff("talks lasted five hours", "talks lasted four hours", None);
/// let changed: Vec<_> = ops.iter().filter(|o| o.op != Op::Equal).map(|o| o.text).collect();
/// assert_eq!(changed, ["five", "four"]);
/// ```
pub fn word_diff<'a>(left: &'a str, right: &'a str, deadline: Option<Instant>) -> Vec<DiffOp<'a>> {
    if left == right {
        return same_text(left);
    }
    let left_words: Vec<Word<'a>> = words(left).collect();
    let right_words: Vec<Word<'a>> = words(right).collect();
    word_diff_of_words((left, &left_words), (right, &right_words), deadline)
}

/// The diff of a sentence with itself: one equal segment (none when empty).
fn same_text(text: &str) -> Vec<DiffOp<'_>> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![DiffOp {
            op: Op::Equal,
            text,
        }]
    }
}

/// [`word_diff`] of two sentences whose words the caller already has, so the
/// compare engine tokenises each sentence once for the diff, facts and labels.
pub(crate) fn word_diff_of_words<'a>(
    (left, left_words): (&'a str, &[Word<'a>]),
    (right, right_words): (&'a str, &[Word<'a>]),
    deadline: Option<Instant>,
) -> Vec<DiffOp<'a>> {
    if left == right {
        return same_text(left);
    }
    let (old, old_starts) = diff_tokens(left, left_words);
    let (new, new_starts) = diff_tokens(right, right_words);
    // Short sentences diff in microseconds; only long ones need the deadline
    // (checking the clock is itself a cost).
    let deadline = deadline.filter(|_| old.len() * new.len() > 40_000);

    // Segments as (changed?, old token range, new token range).
    let mut segments: Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> =
        if (old.len() as u64) * (new.len() as u64) > MAX_DIFF_CELLS {
            coarse_segments(&old, &new)
        } else {
            capture_diff_slices_deadline(Algorithm::Myers, &hashed(&old), &hashed(&new), deadline)
                .iter()
                .map(|op| {
                    let (tag, o, n) = op.as_tag_tuple();
                    (tag != DiffTag::Equal, o, n)
                })
                .collect()
        };
    // A space or one short word between two changes reads better folded into
    // them: "five hours" -> "four days" rather than "five"/"four", " ", "hours"/"days".
    for i in 1..segments.len().saturating_sub(1) {
        let (changed, ref o, _) = segments[i];
        let short = old[o.clone()].iter().map(|t| t.trim().len()).sum::<usize>() <= 3;
        if !changed && segments[i - 1].0 && segments[i + 1].0 && short {
            segments[i].0 = true;
        }
    }

    let mut out = Vec::with_capacity(segments.len() + 2);
    let mut i = 0;
    while i < segments.len() {
        let (changed, o, n) = segments[i].clone();
        if !changed {
            push(
                &mut out,
                Op::Equal,
                &left[old_starts[o.start]..old_starts[o.end]],
            );
            i += 1;
            continue;
        }
        let (old_from, new_from) = (o.start, n.start);
        let (mut old_to, mut new_to) = (o.end, n.end);
        i += 1;
        while let Some((true, o, n)) = segments.get(i) {
            old_to = o.end;
            new_to = n.end;
            i += 1;
        }
        push(
            &mut out,
            Op::Delete,
            &left[old_starts[old_from]..old_starts[old_to]],
        );
        push(
            &mut out,
            Op::Insert,
            &right[new_starts[new_from]..new_starts[new_to]],
        );
    }
    out
}

fn push<'a>(out: &mut Vec<DiffOp<'a>>, op: Op, text: &'a str) {
    if !text.is_empty() {
        out.push(DiffOp { op, text });
    }
}

/// Rebuilds the left text of a diff (equal + delete segments).
pub fn left_text(ops: &[DiffOp<'_>]) -> String {
    ops.iter()
        .filter(|o| o.op != Op::Insert)
        .map(|o| o.text)
        .collect()
}

/// Rebuilds the right text of a diff (equal + insert segments).
pub fn right_text(ops: &[DiffOp<'_>]) -> String {
    ops.iter()
        .filter(|o| o.op != Op::Delete)
        .map(|o| o.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_fold_across_single_spaces() {
        let ops = word_diff(
            "they met for five hours on Monday",
            "they met for four days on Monday",
            None,
        );
        assert_eq!(
            ops,
            [
                DiffOp {
                    op: Op::Equal,
                    text: "they met for "
                },
                DiffOp {
                    op: Op::Delete,
                    text: "five hours"
                },
                DiffOp {
                    op: Op::Insert,
                    text: "four days"
                },
                DiffOp {
                    op: Op::Equal,
                    text: " on Monday"
                },
            ]
        );
    }

    #[test]
    fn expired_deadline_still_reconstructs_both_texts() {
        // Long enough for the deadline to apply.
        let left = (0..400)
            .map(|i| format!("w{}", i % 37))
            .collect::<Vec<_>>()
            .join(" ");
        let right = (0..400)
            .map(|i| format!("w{}", (i * 7) % 41))
            .collect::<Vec<_>>()
            .join(" ");
        let (left, right) = (left.as_str(), right.as_str());
        let ops = word_diff(left, right, Some(Instant::now()));
        assert_eq!(left_text(&ops), left);
        assert_eq!(right_text(&ops), right);
    }

    #[test]
    fn huge_sentences_keep_their_common_ends_and_change_the_middle_in_one_piece() {
        let words = |n: usize, tag: &str| {
            (0..n)
                .map(|i| format!("{tag}{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let left = format!("The same start {} the same end.", words(1500, "a"));
        let right = format!("The same start {} the same end.", words(1500, "b"));
        let ops = word_diff(&left, &right, None);
        assert_eq!(left_text(&ops), left);
        assert_eq!(right_text(&ops), right);
        assert_eq!(ops.first().map(|o| o.op), Some(Op::Equal));
        assert!(ops[0].text.starts_with("The same start"));
        assert_eq!(ops.last().map(|o| o.text.trim()), Some("the same end."));
        assert_eq!(
            ops.iter().filter(|o| o.op != Op::Equal).count(),
            2,
            "one delete and one insert"
        );
    }

    #[test]
    fn identical_and_empty_inputs() {
        assert_eq!(
            word_diff("same", "same", None),
            [DiffOp {
                op: Op::Equal,
                text: "same"
            }]
        );
        assert!(word_diff("", "", None).is_empty());
        assert_eq!(
            word_diff("", "new", None),
            [DiffOp {
                op: Op::Insert,
                text: "new"
            }]
        );
    }
}
