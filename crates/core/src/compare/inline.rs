//! Word-level diff inside one pair of sentences.

use serde::{Deserialize, Serialize};
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use rustc_hash::FxHashMap;

use crate::text::tokens::{Word, words};

/// What a diff segment does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
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

/// A sentence split into diff tokens: the words of [`crate::text::tokens::words`]
/// ("3,000", "U.S", "don't" stay whole), runs of whitespace, and single other
/// characters. Each token is an id, equal exactly when the texts are equal
/// (for up to 2^30 distinct words in one comparison, far past any text), so
/// the diff compares integers, not strings.
#[derive(Debug, Clone, Default)]
pub(crate) struct DiffTokens {
    ids: Vec<u32>,
    /// Each token's start offset, plus the sentence's length.
    starts: Vec<usize>,
}

/// Ids of the tokens that are not words. Word ids come from the caller and
/// stay below [`WORD_ID_LIMIT`]; single characters are their code point with
/// the top bit set; whitespace runs are numbered from [`SPACE_BASE`].
#[derive(Debug, Default)]
pub(crate) struct GapIds<'t> {
    spaces: FxHashMap<&'t str, u32>,
}

/// Word ids are below this.
pub(crate) const WORD_ID_LIMIT: u32 = 0x4000_0000;
const SPACE_BASE: u32 = 0x4000_0000;
const CHAR_BIT: u32 = 0x8000_0000;

impl<'t> GapIds<'t> {
    fn space(&mut self, run: &'t str) -> u32 {
        if run == " " {
            return SPACE_BASE;
        }
        let next = SPACE_BASE + 1 + self.spaces.len() as u32;
        *self.spaces.entry(run).or_insert(next)
    }
}

/// Word ids for sentences tokenised outside an alignment (versions, single diffs).
#[derive(Debug, Default)]
pub(crate) struct WordIds<'t> {
    ids: FxHashMap<&'t str, u32>,
}

impl<'t> WordIds<'t> {
    pub(crate) fn id(&mut self, word: &'t str) -> u32 {
        let next = (self.ids.len() as u32).min(WORD_ID_LIMIT - 1);
        *self.ids.entry(word).or_insert(next)
    }
}

impl DiffTokens {
    /// Tokenises `text`, whose words the caller has already found: word `k`
    /// gets id `word_ids[k]`.
    pub(crate) fn new<'t>(
        text: &'t str,
        words: &[Word<'t>],
        word_ids: &[u32],
        gaps: &mut GapIds<'t>,
    ) -> DiffTokens {
        let mut out = DiffTokens {
            ids: Vec::with_capacity(words.len() * 2 + 2),
            starts: Vec::with_capacity(words.len() * 2 + 3),
        };
        let mut pos = 0;
        for (w, id) in words.iter().zip(word_ids) {
            out.gap(text, pos, w.start, gaps);
            out.ids.push(*id);
            out.starts.push(w.start);
            pos = w.end;
        }
        out.gap(text, pos, text.len(), gaps);
        out.starts.push(text.len());
        out
    }

    /// Tokenises `text` on its own, numbering its words in `word_ids`.
    pub(crate) fn of<'t>(
        text: &'t str,
        words: &[Word<'t>],
        word_ids: &mut WordIds<'t>,
        gaps: &mut GapIds<'t>,
    ) -> DiffTokens {
        let ids: Vec<u32> = words.iter().map(|w| word_ids.id(w.text)).collect();
        DiffTokens::new(text, words, &ids, gaps)
    }

    /// The whitespace runs and single characters between two words.
    fn gap<'t>(&mut self, text: &'t str, from: usize, to: usize, gaps: &mut GapIds<'t>) {
        // Most words are one space apart.
        if to == from + 1 && text.as_bytes()[from] == b' ' {
            self.ids.push(SPACE_BASE);
            self.starts.push(from);
            return;
        }
        let mut run_start: Option<usize> = None;
        for (i, c) in text[from..to].char_indices() {
            let at = from + i;
            if c.is_whitespace() {
                run_start.get_or_insert(at);
                continue;
            }
            if let Some(rs) = run_start.take() {
                self.ids.push(gaps.space(&text[rs..at]));
                self.starts.push(rs);
            }
            self.ids.push(CHAR_BIT | c as u32);
            self.starts.push(at);
        }
        if let Some(rs) = run_start {
            self.ids.push(gaps.space(&text[rs..to]));
            self.starts.push(rs);
        }
    }

    fn len(&self) -> usize {
        self.ids.len()
    }

    /// The text of tokens `range`.
    fn text<'t>(&self, text: &'t str, range: std::ops::Range<usize>) -> &'t str {
        &text[self.starts[range.start]..self.starts[range.end]]
    }
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
/// (above a million token pairs, old × new, the common start and end are kept
/// and the middle is one change), and the diff also gives up refining once
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
    let (mut word_ids, mut gaps) = (WordIds::default(), GapIds::default());
    let left_words: Vec<Word<'a>> = words(left).collect();
    let right_words: Vec<Word<'a>> = words(right).collect();
    let old = DiffTokens::of(left, &left_words, &mut word_ids, &mut gaps);
    let new = DiffTokens::of(right, &right_words, &mut word_ids, &mut gaps);
    word_diff_of_tokens((left, &old), (right, &new), deadline)
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

/// [`word_diff`] of two sentences already split into diff tokens (with ids
/// from one numbering), so the compare engine tokenises each sentence once.
pub(crate) fn word_diff_of_tokens<'a>(
    (left, old): (&'a str, &DiffTokens),
    (right, new): (&'a str, &DiffTokens),
    deadline: Option<Instant>,
) -> Vec<DiffOp<'a>> {
    if left == right {
        return same_text(left);
    }
    // Short sentences diff in microseconds; only long ones need the deadline
    // (checking the clock is itself a cost).
    let deadline = deadline.filter(|_| old.len() * new.len() > 40_000);

    // Segments as (changed?, old token range, new token range).
    let mut segments: Vec<(bool, std::ops::Range<usize>, std::ops::Range<usize>)> =
        if (old.len() as u64) * (new.len() as u64) > MAX_DIFF_CELLS {
            coarse_segments(&old.ids, &new.ids)
        } else {
            capture_diff_slices_deadline(Algorithm::Myers, &old.ids, &new.ids, deadline)
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
        let short = old
            .text(left, o.clone())
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>()
            <= 3;
        if !changed && segments[i - 1].0 && segments[i + 1].0 && short {
            segments[i].0 = true;
        }
    }

    let mut out = Vec::with_capacity(segments.len() + 2);
    let mut i = 0;
    while i < segments.len() {
        let (changed, o, n) = segments[i].clone();
        if !changed {
            push(&mut out, Op::Equal, old.text(left, o));
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
        push(&mut out, Op::Delete, old.text(left, old_from..old_to));
        push(&mut out, Op::Insert, new.text(right, new_from..new_to));
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
    fn tokens_with_different_text_never_compare_equal() {
        // Different whitespace runs and characters get different ids.
        for (left, right) in [
            ("Talks  ended.", "Talks ended."),
            ("Talks\nended.", "Talks ended."),
            ("Talks ended.", "Talks ended!"),
            ("Talks ended é", "Talks ended è"),
        ] {
            let ops = word_diff(left, right, None);
            assert!(
                ops.iter().any(|o| o.op != Op::Equal),
                "{left:?} vs {right:?}"
            );
            assert_eq!(left_text(&ops), left);
            assert_eq!(right_text(&ops), right);
        }
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
