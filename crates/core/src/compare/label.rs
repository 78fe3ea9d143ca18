//! Labelled differences inside an aligned pair: quote, number, date, entity, wording.

use serde::{Deserialize, Serialize};

use super::inline::{DiffOp, Op};
use crate::text::facts::{ANY_YEAR, DateFact, Facts, Mentions, covered, same_name_word};
use crate::text::tokens::{Word, words};

/// The kind of a difference between two aligned sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DifferenceKind {
    /// Words inside quotation marks differ, or one side quotes what the other reports.
    Quote,
    /// A number's value differs ("five hours" vs "four hours").
    Number,
    /// A date differs once both are placed on the calendar.
    Date,
    /// A name of a person, place or organisation differs.
    Entity,
    /// Any other change of words.
    Wording,
}

impl DifferenceKind {
    /// The kind as the JSON contract spells it ("quote", "number", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Quote => "quote",
            DifferenceKind::Number => "number",
            DifferenceKind::Date => "date",
            DifferenceKind::Entity => "entity",
            DifferenceKind::Wording => "wording",
        }
    }
}

/// One labelled difference; `left` or `right` is empty when only one side states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Difference<'a> {
    /// What kind of difference this is.
    pub kind: DifferenceKind,
    /// The left sentence's wording ("" when the left says nothing of it).
    pub left: &'a str,
    /// The right sentence's wording ("" when the right says nothing of it).
    pub right: &'a str,
}

/// A changed stretch of the diff: byte ranges in the left and right sentences.
#[derive(Debug, Clone, Copy)]
struct Hunk {
    left: (usize, usize),
    right: (usize, usize),
}

fn hunks(ops: &[DiffOp<'_>]) -> Vec<Hunk> {
    let (mut l, mut r) = (0, 0);
    let mut out: Vec<Hunk> = Vec::new();
    let mut open: Option<Hunk> = None;
    for op in ops {
        let len = op.text.len();
        match op.op {
            Op::Equal => {
                out.extend(open.take());
                l += len;
                r += len;
            }
            Op::Delete => {
                let h = open.get_or_insert(Hunk {
                    left: (l, l),
                    right: (r, r),
                });
                l += len;
                h.left.1 = l;
            }
            Op::Insert => {
                let h = open.get_or_insert(Hunk {
                    left: (l, l),
                    right: (r, r),
                });
                r += len;
                h.right.1 = r;
            }
        }
    }
    out.extend(open);
    out
}

/// Pairs the items each side has and the other lacks, in order; a missing partner is "".
fn pair_up<'a>(
    kind: DifferenceKind,
    left: Vec<&'a str>,
    right: Vec<&'a str>,
    out: &mut Vec<Difference<'a>>,
) {
    let n = left.len().max(right.len());
    for i in 0..n {
        out.push(Difference {
            kind,
            left: left.get(i).copied().unwrap_or(""),
            right: right.get(i).copied().unwrap_or(""),
        });
    }
}

/// Items of `a` with no unused equal item in `b` (multiset difference), by `same`.
fn unmatched<'x, T>(a: &'x [T], b: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<&'x T> {
    let mut taken = vec![false; b.len()];
    a.iter()
        .filter(|x| {
            match b
                .iter()
                .enumerate()
                .position(|(j, y)| !taken[j] && same(x, y))
            {
                Some(j) => {
                    taken[j] = true;
                    false
                }
                None => true,
            }
        })
        .collect()
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// One side of an aligned pair, as the labeller sees it.
#[derive(Debug, Clone, Copy)]
pub struct LabelSide<'s, 'a> {
    /// The sentence.
    pub text: &'a str,
    /// Its facts.
    pub facts: &'s Facts<'a>,
    /// When the other side's sentence is split over this one and a neighbour,
    /// that neighbour: what it says is not missing from this side.
    pub sibling: Option<(&'a str, &'s Facts<'a>)>,
}

impl<'a> LabelSide<'_, 'a> {
    /// This side's facts together with its sibling's (borrowed when there is no sibling).
    fn all_facts(&self) -> std::borrow::Cow<'_, Facts<'a>> {
        let Some((_, sib)) = self.sibling else {
            return std::borrow::Cow::Borrowed(self.facts);
        };
        let mut all = self.facts.clone();
        {
            all.numbers.extend(sib.numbers.iter().cloned());
            all.dates.extend(sib.dates.iter().cloned());
            all.quotes.extend(sib.quotes.iter().cloned());
            all.names.extend(sib.names.iter().cloned());
        }
        std::borrow::Cow::Owned(all)
    }

    /// The words this side (and its sibling) mention.
    fn mentions(&self) -> Mentions<'a> {
        Mentions::of(std::iter::once(self.text).chain(self.sibling.map(|(t, _)| t)))
    }

    /// True when the sibling contains `word`.
    fn sibling_has(&self, word: &str) -> bool {
        self.sibling.is_some_and(|(t, _)| {
            crate::text::tokens::words(t).any(|w| w.text.eq_ignore_ascii_case(word))
        })
    }
}

/// Words that change the meaning even though they are function words.
const NEGATIONS: &[&str] = &["no", "nor", "not"];

fn significant(word: &str) -> bool {
    let lower = crate::text::tokens::lowercase(word);
    NEGATIONS.contains(&lower.as_ref()) || !crate::text::tokens::is_stopword(&lower)
}

/// Labels the differences of an aligned pair from its word diff and both sides' facts.
#[cfg(test)]
pub fn label<'a>(
    l: LabelSide<'_, 'a>,
    r: LabelSide<'_, 'a>,
    ops: &[DiffOp<'a>],
) -> Vec<Difference<'a>> {
    let left_words: Vec<Word<'a>> = words(l.text).collect();
    let right_words: Vec<Word<'a>> = words(r.text).collect();
    label_with_words(l, r, (&left_words, &right_words), ops)
}

/// Labels the differences of an aligned pair from its word diff and both
/// sides' facts and words (from [`words`]), tokenised once by the caller.
pub(crate) fn label_with_words<'a>(
    l: LabelSide<'_, 'a>,
    r: LabelSide<'_, 'a>,
    (left_words, right_words): (&[Word<'a>], &[Word<'a>]),
    ops: &[DiffOp<'a>],
) -> Vec<Difference<'a>> {
    let (left, right) = (l.text, r.text);
    let (left_facts, right_facts) = (l.facts, r.facts);
    let mut out = Vec::new();
    if left == right {
        return out;
    }
    let hunks = hunks(ops);
    let (left_all, right_all) = (l.all_facts(), r.all_facts());

    // Quotes: a quotation the other side does not repeat word for word.
    let lq = unmatched(&left_facts.quotes, &right_all.quotes, |a, b| a.key == b.key);
    let rq = unmatched(&right_facts.quotes, &left_all.quotes, |a, b| a.key == b.key);
    // Stretches a quote difference already accounts for (reported speech), per side.
    let (mut left_reported, mut right_reported) = (Vec::new(), Vec::new());
    let n = lq.len().max(rq.len());
    for i in 0..n {
        let (l, r) = (lq.get(i), rq.get(i));
        // A quote with no quoted partner is set against what the other side says instead.
        let left_text = match (l, r) {
            (Some(q), _) => q.text,
            (None, Some(q)) => {
                reported_counterpart(left, &hunks, (q.start, q.end), false, &mut left_reported)
            }
            (None, None) => "",
        };
        let right_text = match (r, l) {
            (Some(q), _) => q.text,
            (None, Some(q)) => {
                reported_counterpart(right, &hunks, (q.start, q.end), true, &mut right_reported)
            }
            (None, None) => "",
        };
        out.push(Difference {
            kind: DifferenceKind::Quote,
            left: left_text,
            right: right_text,
        });
    }

    let ln = unmatched(&left_facts.numbers, &right_all.numbers, |a, b| {
        same_number(a.value, b.value)
    });
    let rn = unmatched(&right_facts.numbers, &left_all.numbers, |a, b| {
        same_number(a.value, b.value)
    });
    pair_up(
        DifferenceKind::Number,
        ln.iter().map(|n| n.surface).collect(),
        rn.iter().map(|n| n.surface).collect(),
        &mut out,
    );

    // Without publication days, two expressions that fall on the same day in
    // some year ("Thanksgiving Day", "November 27") do not contradict each other.
    let same_day = |a: &DateFact<'_>, b: &DateFact<'_>| {
        a.value.same_as(&b.value) || a.value.same_day_in(&b.value, ANY_YEAR).is_some()
    };
    let ld = unmatched(&left_facts.dates, &right_all.dates, same_day);
    let rd = unmatched(&right_facts.dates, &left_all.dates, same_day);
    pair_up(
        DifferenceKind::Date,
        ld.iter().map(|d| d.surface).collect(),
        rd.iter().map(|d| d.surface).collect(),
        &mut out,
    );

    // Entities: a name none of whose words the other sentence mentions.
    let missing_names = |names: &[crate::text::facts::NameFact<'a>],
                         other: &LabelSide<'_, 'a>,
                         other_words: &[Word<'a>]|
     -> Vec<&'a str> {
        if names.is_empty() {
            return Vec::new();
        }
        let keys: usize = names.iter().map(|n| n.key.len()).sum();
        // Few names in a normal sentence: scan the words; many (a run-on text): index them.
        if keys * (other.text.len() + other.sibling.map_or(0, |(t, _)| t.len())) < 20_000 {
            let words: Vec<&str> = other_words
                .iter()
                .copied()
                .chain(other.sibling.into_iter().flat_map(|(t, _)| words(t)))
                .filter(|w| w.text.len() >= 2)
                .map(|w| w.text)
                .collect();
            let mentioned = |k: &str| words.iter().any(|w| same_name_word(k, w));
            return names
                .iter()
                .filter(|n| !n.key.iter().any(|k| mentioned(k)))
                .map(|n| n.surface)
                .collect();
        }
        let mentions = other.mentions();
        names
            .iter()
            .filter(|n| !n.key.iter().any(|k| mentions.mention(k)))
            .map(|n| n.surface)
            .collect()
    };
    let le = missing_names(&left_facts.names, &r, right_words);
    let re = missing_names(&right_facts.names, &l, left_words);
    pair_up(DifferenceKind::Entity, le, re, &mut out);

    // Wording: changed words that no fact above accounts for. A hunk that
    // touches a differing quotation belongs to that quote difference.
    left_reported.extend(lq.iter().map(|q| (q.start, q.end)));
    right_reported.extend(rq.iter().map(|q| (q.start, q.end)));
    let (left_spans, right_spans) = (left_facts.merged_spans(), right_facts.merged_spans());
    let touches = |ranges: &[(usize, usize)], (s, e): (usize, usize)| {
        ranges.iter().any(|&(rs, re)| rs < e && s < re)
    };
    for h in &hunks {
        if touches(&left_reported, h.left) || touches(&right_reported, h.right) {
            continue;
        }
        // A changed word is unexplained unless a fact covers it, it is a mere
        // function word, or the other side's split-off sibling says it.
        // Hunks start and end between diff tokens, so the words inside a hunk
        // are exactly the sentence's words that lie within it.
        let unexplained = |side_words: &[Word<'_>],
                           spans: &[(usize, usize)],
                           other: &LabelSide<'_, '_>,
                           reported: &[(usize, usize)],
                           (s, e): (usize, usize)| {
            let from = side_words.partition_point(|w| w.start < s);
            side_words[from..]
                .iter()
                .take_while(|w| w.end <= e)
                .any(|w| {
                    let (ws, we) = (w.start, w.end);
                    significant(w.text)
                        && !covered(spans, ws, we)
                        && !reported.iter().any(|&(rs, re)| rs <= ws && we <= re)
                        && !other.sibling_has(w.text)
                })
        };
        if unexplained(left_words, &left_spans, &r, &left_reported, h.left)
            || unexplained(right_words, &right_spans, &l, &right_reported, h.right)
        {
            out.push(Difference {
                kind: DifferenceKind::Wording,
                left: left[h.left.0..h.left.1].trim(),
                right: right[h.right.0..h.right.1].trim(),
            });
        }
    }
    out
}

/// What `sentence` says where the other side has a quotation at `span`: the
/// stretch covered by the hunks that touch the quotation.
fn reported_counterpart<'a>(
    sentence: &'a str,
    hunks: &[Hunk],
    span: (usize, usize),
    sentence_is_right: bool,
    reported: &mut Vec<(usize, usize)>,
) -> &'a str {
    let (mut from, mut to) = (usize::MAX, 0);
    for h in hunks {
        let (theirs, ours) = if sentence_is_right {
            (h.left, h.right)
        } else {
            (h.right, h.left)
        };
        if theirs.0 < span.1 && span.0 < theirs.1.max(theirs.0 + 1) {
            from = from.min(ours.0);
            to = to.max(ours.1);
        }
    }
    if from >= to {
        return "";
    }
    reported.push((from, to));
    sentence[from..to].trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::inline::word_diff;
    use crate::text::facts::extract;
    use chrono::NaiveDate;

    fn labels<'a>(
        l: &'a str,
        r: &'a str,
        published: Option<NaiveDate>,
    ) -> Vec<(DifferenceKind, &'a str, &'a str)> {
        let ops = word_diff(l, r, None);
        let (lf, rf) = (extract(l, published), extract(r, published));
        label(
            LabelSide {
                text: l,
                facts: &lf,
                sibling: None,
            },
            LabelSide {
                text: r,
                facts: &rf,
                sibling: None,
            },
            &ops,
        )
        .into_iter()
        .map(|d| (d.kind, d.left, d.right))
        .collect()
    }

    #[test]
    fn number_difference_and_equal_number_forms() {
        assert_eq!(
            labels("Talks lasted five hours.", "Talks lasted four hours.", None),
            [(DifferenceKind::Number, "five hours", "four hours")]
        );
        assert!(
            labels("It is a 28-point plan.", "It is a plan of 28 points.", None)
                .iter()
                .all(|(k, _, _)| *k == DifferenceKind::Wording)
        );
        assert_eq!(
            labels("They met for 5 hours.", "They met for five hours.", None),
            []
        );
    }

    #[test]
    fn dates_equal_after_normalisation_are_no_difference() {
        let published = NaiveDate::from_ymd_opt(2025, 11, 21);
        assert_eq!(
            labels(
                "The deadline is Thanksgiving Day.",
                "The deadline is November 27.",
                published
            ),
            []
        );
        assert_eq!(
            labels(
                "The deadline is Thanksgiving Day.",
                "The deadline is November 28.",
                published
            ),
            [(DifferenceKind::Date, "Thanksgiving Day", "November 28")]
        );
    }

    #[test]
    fn entity_and_quote_differences() {
        assert_eq!(
            labels(
                "The envoys met in Washington on Tuesday.",
                "The envoys met in Kyiv on Tuesday.",
                None
            ),
            [(DifferenceKind::Entity, "Washington", "Kyiv")]
        );
        assert_eq!(
            labels(
                "“We will not sign,” Ortiz said.",
                "Ortiz said they would not sign.",
                None
            ),
            [(
                DifferenceKind::Quote,
                "We will not sign,",
                "Ortiz said they would not sign"
            )]
        );
    }
}
