//! Sentence alignment between two texts.
//!
//! Each sentence becomes a sorted set of informative features (stemmed content
//! words, number values), weighted by rarity across both texts and boosted for
//! numbers, names and quoted words. Identical sentences pair first, then
//! near-copies (most words kept in order, whatever the words); the rest find
//! candidates through an inverted index over the rarer features (never all n×m
//! pairs), are scored by weighted Dice overlap, matched greedily best-first (so
//! reordering is free), and finally a neighbour may join an existing pair when
//! one outlet split a sentence the other kept whole (one-to-two). What is left
//! gets a last look as paraphrases (see [`super::paraphrase`]).

use std::collections::VecDeque;
use std::fmt::Write;
use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHasher};

use super::inline::{DiffTokens, GapIds, WORD_ID_LIMIT};
use super::synonyms::{self, Synonym};
use super::{near_copy, paraphrase};
use crate::text::facts::{digit_value, number_word, quote_spans};
use crate::text::tokens::{self, Word, is_stopword, lowercase, stem};
use crate::text::{Sentence, segment};

/// Lowest score at which two sentences count as telling the same thing.
pub const MIN_SCORE: f32 = 0.3;
/// Lowest score at which a neighbour joins an existing pair as its other half.
const SPLIT_MIN: f32 = 0.15;
/// How much a split must improve the pair's score to be accepted.
const SPLIT_GAIN: f32 = 0.05;
/// Candidates scored exactly per sentence.
const TOP_K: usize = 8;

const BOOST_NUMBER: f32 = 2.0;
const BOOST_NAME: f32 = 1.6;
const BOOST_QUOTED: f32 = 1.3;

/// Interns feature strings to dense ids, shared by every text of one comparison.
/// Also remembers what each distinct word form turned into, since news text
/// repeats its words: the second "Ortiz" costs one lookup instead of
/// lowercasing, stemming and number parsing again.
#[derive(Default)]
pub(crate) struct Vocab<'t> {
    ids: FxHashMap<String, u32>,
    key: String,
    words: FxHashMap<&'t str, WordFeature>,
    /// Ids of the whitespace runs and characters between words, for diff tokens.
    pub gaps: GapIds<'t>,
}

/// What one word form contributes to a sentence's features.
#[derive(Clone, Copy)]
struct WordFeature {
    /// Hash of the lowercased word, for spotting identical sentences.
    hash: u64,
    /// The feature id and whether it is a number; `None` for a stopword.
    feature: Option<(u32, bool)>,
    /// True when the word starts with a capital letter.
    capitalised: bool,
    /// The word form's own id (equal ids, equal text, below 2^30 forms), for
    /// the inline diffs.
    form: u32,
    /// What the word counts as when sentences are compared as paraphrases.
    para: ParaFeature,
}

/// A word's feature when sentences are compared as paraphrases.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ParaFeature {
    /// Its own feature.
    Same,
    /// The feature of its synonym class.
    Class(u32),
    /// None: a verb of reporting.
    Dropped,
}

impl<'t> Vocab<'t> {
    fn id(&mut self, key: &str) -> u32 {
        if let Some(id) = self.ids.get(key) {
            return *id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.to_owned(), id);
        id
    }

    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The feature of one word form, computed on first sight.
    fn word(&mut self, text: &'t str) -> WordFeature {
        if let Some(f) = self.words.get(text) {
            return *f;
        }
        let lower = lowercase(text);
        let mut hasher = FxHasher::default();
        hasher.write(lower.as_bytes());
        let mut key = std::mem::take(&mut self.key);
        key.clear();
        let mut para = ParaFeature::Same;
        let feature = if let Some(v) = digit_value(text) {
            let _ = write!(key, "#{v}");
            Some(true)
        } else if let Some(v) = number_word(&lower) {
            let _ = write!(key, "#{v}");
            Some(true)
        } else if is_stopword(&lower) {
            None
        } else {
            key.push_str(&stem(lower));
            para = match synonyms::of_stem(&key) {
                None => ParaFeature::Same,
                Some(Synonym::Reporting) => ParaFeature::Dropped,
                // Class keys start with "~", which no word's stem does.
                Some(Synonym::Class(name)) => ParaFeature::Class(self.id(&format!("~{name}"))),
            };
            Some(false)
        };
        let feature = feature.map(|number| (self.id(&key), number));
        self.key = key;
        let f = WordFeature {
            hash: hasher.finish(),
            feature,
            capitalised: text.starts_with(char::is_uppercase),
            form: (self.words.len() as u32).min(WORD_ID_LIMIT - 1),
            para,
        };
        self.words.insert(text, f);
        f
    }
}

/// A segmented text ready for alignment.
pub(crate) struct Side<'a> {
    /// The text's sentences.
    pub sentences: Vec<Sentence<'a>>,
    /// Per sentence: feature ids, sorted and unique, with their boost.
    pub feats: Vec<Vec<(u32, f32)>>,
    /// Per sentence: a hash of its lowercased words, to pair identical sentences
    /// cheaply; `None` when the sentence has no words.
    pub exact: Vec<Option<u64>>,
    /// Per sentence: a hash of each lowercased word, in order, to find near-copies.
    pub sequence: Vec<Vec<u64>>,
    /// Per sentence: its features with synonyms as their class, sorted and
    /// unique; `None` when that is the same as its features.
    pub para: Vec<Option<Vec<(u32, f32)>>>,
    /// Per sentence: its words (for the facts and labels of its pairs) and its
    /// diff tokens (for their inline diffs); `None` for a side built only to
    /// be aligned.
    pub tokenised: Option<(Vec<Vec<Word<'a>>>, Vec<DiffTokens>)>,
}

impl<'a> Side<'a> {
    /// Segments `text` and extracts each sentence's features, words and diff tokens.
    pub fn new(text: &'a str, vocab: &mut Vocab<'a>) -> Side<'a> {
        Side::build(segment(text), vocab, true)
    }

    /// Each sentence's words and diff tokens, for [`super::build`].
    pub fn tokenised(&self) -> super::Tokenised<'_, 'a> {
        self.tokenised
            .as_ref()
            .map(|(words, tokens)| (words.as_slice(), tokens.as_slice()))
    }

    /// Extracts the features of already segmented sentences, for aligning
    /// them only (no words or diff tokens are kept).
    pub fn for_alignment(sentences: Vec<Sentence<'a>>, vocab: &mut Vocab<'a>) -> Side<'a> {
        Side::build(sentences, vocab, false)
    }

    fn build(sentences: Vec<Sentence<'a>>, vocab: &mut Vocab<'a>, keep: bool) -> Side<'a> {
        let mut feats = Vec::with_capacity(sentences.len());
        let mut exact = Vec::with_capacity(sentences.len());
        let mut sequence = Vec::with_capacity(sentences.len());
        let mut para = Vec::with_capacity(sentences.len());
        let mut words = Vec::with_capacity(if keep { sentences.len() } else { 0 });
        let mut tokens = Vec::with_capacity(if keep { sentences.len() } else { 0 });
        let mut forms = Vec::new();
        for s in &sentences {
            // Usually one allocation: news words average over five bytes with a space.
            let mut w: Vec<Word<'a>> = Vec::with_capacity(s.text.len() / 5 + 4);
            w.extend(tokens::words(s.text));
            forms.clear();
            let mut seq = Vec::with_capacity(w.len());
            let (f, h, p) = features(s.text, &w, vocab, &mut forms, &mut seq);
            feats.push(f);
            para.push(p);
            exact.push(h);
            sequence.push(seq);
            if keep {
                tokens.push(DiffTokens::new(s.text, &w, &forms, &mut vocab.gaps));
                words.push(w);
            }
        }
        Side {
            sentences,
            feats,
            exact,
            sequence,
            para,
            tokenised: keep.then_some((words, tokens)),
        }
    }
}

/// A sentence's features: ids, sorted and unique, with their boost.
type Features = Vec<(u32, f32)>;

/// The sentence's features, exact-match hash and paraphrase features; pushes each word's form id
/// onto `forms` and the hash of its lowercased form onto `sequence`.
fn features<'t>(
    sentence: &'t str,
    words: &[Word<'t>],
    vocab: &mut Vocab<'t>,
    forms: &mut Vec<u32>,
    sequence: &mut Vec<u64>,
) -> (Features, Option<u64>, Option<Features>) {
    let quotes = quote_spans(sentence);
    let mut para: Option<Vec<(u32, f32)>> = None;
    let mut hasher = FxHasher::default();
    let mut any_word = false;
    // About one word in six bytes; most are features.
    let mut out: Vec<(u32, f32)> = Vec::with_capacity(sentence.len() / 6 + 1);
    for (k, w) in words.iter().enumerate() {
        any_word = true;
        let f = vocab.word(w.text);
        forms.push(f.form);
        sequence.push(f.hash);
        hasher.write_u64(f.hash);
        let Some((id, number)) = f.feature else {
            continue;
        };
        let boost = if number {
            BOOST_NUMBER
        } else if k > 0 && f.capitalised {
            BOOST_NAME
        } else if quotes.iter().any(|q| q.2 <= w.start && w.end <= q.3) {
            BOOST_QUOTED
        } else {
            1.0
        };
        if f.para != ParaFeature::Same && para.is_none() {
            para = Some(out.clone());
        }
        if let Some(p) = para.as_mut() {
            match f.para {
                ParaFeature::Same => p.push((id, boost)),
                ParaFeature::Class(class) => p.push((class, boost)),
                ParaFeature::Dropped => {}
            }
        }
        out.push((id, boost));
    }
    sort_features(&mut out);
    if let Some(p) = para.as_mut() {
        sort_features(p);
    }
    (out, any_word.then(|| hasher.finish()), para)
}

/// Sorts features by id; of a repeated feature the strongest boost stays.
fn sort_features(out: &mut Vec<(u32, f32)>) {
    out.sort_unstable_by_key(|f| f.0);
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = kept.1.max(later.1);
        }
        same
    });
}

/// Rarity weights for one pair of texts.
pub(crate) struct Weights {
    pub(super) idf: Vec<f32>,
    /// Sentences with a feature at most this often are indexed for candidates.
    pub(super) index_cap: u32,
    pub(super) df: Vec<u32>,
}

impl Weights {
    pub fn new(vocab_len: usize, sides: &[&Side<'_>]) -> Weights {
        let mut df = vec![0u32; vocab_len];
        let mut n = 0usize;
        for side in sides {
            n += side.feats.len();
            for f in &side.feats {
                for (id, _) in f {
                    df[*id as usize] += 1;
                }
            }
            // Synonym classes count as features of their own (no word's
            // feature shares their id, so the others' weights stay as they are).
            for (p, f) in side.para.iter().zip(&side.feats) {
                for (id, _) in p.iter().flatten() {
                    if f.binary_search_by_key(id, |x| x.0).is_err() {
                        df[*id as usize] += 1;
                    }
                }
            }
        }
        let n = n as f32;
        let idf = df
            .iter()
            .map(|d| {
                if *d == 0 {
                    0.0
                } else {
                    (1.0 + n / *d as f32).ln()
                }
            })
            .collect();
        let index_cap = ((n.sqrt() * 2.0) as u32).max(12);
        Weights { idf, index_cap, df }
    }

    pub(super) fn total(&self, feats: &[(u32, f32)]) -> f32 {
        feats.iter().map(|(id, b)| self.idf[*id as usize] * b).sum()
    }

    /// Weighted Dice overlap of two feature sets, in 0..=1.
    pub fn score(&self, a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
        self.score_with_totals((a, self.total(a)), (b, self.total(b)))
    }

    /// [`Weights::score`] with each set's weight total known.
    fn score_with_totals(
        &self,
        (a, a_total): (&[(u32, f32)], f32),
        (b, b_total): (&[(u32, f32)], f32),
    ) -> f32 {
        let total = a_total + b_total;
        if total <= 0.0 {
            return 0.0;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    // Each side counts the feature at its own boost: a name on one
                    // side and a lowercase word on the other only half agree.
                    shared += self.idf[a[i].0 as usize] * (a[i].1 + b[j].1);
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared / total).min(1.0)
    }
}

/// Union of two sorted feature sets (the larger boost wins).
fn union(a: &[(u32, f32)], b: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                out.push((x.0, x.1.max(y.1)));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                out.push(*x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(*x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(*y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// The result of aligning two sides: pairs of sentence indices with scores,
/// sorted by left then right index, and the indices nobody matched.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alignment {
    pub pairs: Vec<(usize, usize, f32)>,
    pub left_only: Vec<usize>,
    pub right_only: Vec<usize>,
}

/// Aligns the sentences of two sides (see the module docs).
pub(crate) fn align(left: &Side<'_>, right: &Side<'_>, weights: &Weights) -> Alignment {
    let (nl, nr) = (left.sentences.len(), right.sentences.len());
    let mut left_partners = vec![0u8; nl];
    let mut right_partners = vec![0u8; nr];
    // For one-to-one pairs: the partner's index.
    let mut left_mate = vec![usize::MAX; nl];
    let mut right_mate = vec![usize::MAX; nr];
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();

    // 1. Identical sentences, in order.
    let mut by_hash: FxHashMap<u64, VecDeque<usize>> = FxHashMap::default();
    for (r, h) in right.exact.iter().enumerate() {
        if let Some(h) = h {
            by_hash.entry(*h).or_default().push_back(r);
        }
    }
    for (l, h) in left.exact.iter().enumerate() {
        if let Some(r) = h
            .and_then(|h| by_hash.get_mut(&h))
            .and_then(VecDeque::pop_front)
        {
            pairs.push((l, r, 1.0));
            left_partners[l] = 1;
            right_partners[r] = 1;
            left_mate[l] = r;
            right_mate[r] = l;
        }
    }

    // 2. Near-copies, whatever their words: most words kept, in order.
    let mut near = near_copy::candidates(
        &left.sequence,
        &right.sequence,
        |l| left_partners[l] == 0,
        |r| right_partners[r] == 0,
    );
    near.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, l, r) in near {
        if left_partners[l] == 0 && right_partners[r] == 0 {
            // Scored like any other pair, so a pair found either way reads the same.
            let score = weights.score(&left.feats[l], &right.feats[r]);
            pairs.push((l, r, score));
            left_partners[l] = 1;
            right_partners[r] = 1;
            left_mate[l] = r;
            right_mate[r] = l;
        }
    }

    // 3. Candidates through an inverted index over the rarer features.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); weights.idf.len()];
    for (r, f) in right.feats.iter().enumerate() {
        if right_partners[r] > 0 {
            continue;
        }
        for (id, _) in f {
            if weights.df[*id as usize] <= weights.index_cap {
                postings[*id as usize].push(r as u32);
            }
        }
    }
    let right_totals: Vec<f32> = right.feats.iter().map(|f| weights.total(f)).collect();
    let mut acc = vec![0.0f32; nr];
    let mut touched: Vec<u32> = Vec::new();
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (l, f) in left.feats.iter().enumerate() {
        if left_partners[l] > 0 {
            continue;
        }
        let mut total = 0.0;
        for (id, boost) in f {
            let w = weights.idf[*id as usize] * boost;
            total += w;
            for r in &postings[*id as usize] {
                let slot = &mut acc[*r as usize];
                if *slot == 0.0 {
                    touched.push(*r);
                }
                *slot += w;
            }
        }
        // The TOP_K best by accumulated weight (ties by index), in that order.
        let by_weight =
            |a: &u32, b: &u32| acc[*b as usize].total_cmp(&acc[*a as usize]).then(a.cmp(b));
        if touched.len() > TOP_K {
            touched.select_nth_unstable_by(TOP_K, by_weight);
        }
        let top = TOP_K.min(touched.len());
        touched[..top].sort_unstable_by(by_weight);
        for r in touched.iter().take(TOP_K) {
            let r = *r as usize;
            let score = weights.score_with_totals((f, total), (&right.feats[r], right_totals[r]));
            if score >= MIN_SCORE {
                candidates.push((score, l, r));
            }
        }
        for r in touched.drain(..) {
            acc[r as usize] = 0.0;
        }
    }

    // 4. Best first, one to one.
    candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, l, r) in candidates {
        if left_partners[l] == 0 && right_partners[r] == 0 {
            pairs.push((l, r, score));
            left_partners[l] = 1;
            right_partners[r] = 1;
            left_mate[l] = r;
            right_mate[r] = l;
        }
    }

    // 5. One-to-two: an unmatched sentence joins its neighbour's pair when the
    //    two together match the partner better than the neighbour alone.
    for r in 0..nr {
        if right_partners[r] != 0 {
            continue;
        }
        let best = neighbours(r, nr)
            .filter(|&r2| right_partners[r2] == 1 && right_mate[r2] != usize::MAX)
            .filter_map(|r2| {
                let l = right_mate[r2];
                (left_partners[l] == 1).then_some(())?;
                split_gain(&left.feats[l], &right.feats[r2], &right.feats[r], weights)
                    .map(|(gain, s)| (gain, l, s))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, l, score)) = best {
            pairs.push((l, r, score));
            left_partners[l] = 2;
            right_partners[r] = 1;
        }
    }
    for l in 0..nl {
        if left_partners[l] != 0 {
            continue;
        }
        let best = neighbours(l, nl)
            .filter(|&l2| left_partners[l2] == 1 && left_mate[l2] != usize::MAX)
            .filter_map(|l2| {
                let r = left_mate[l2];
                (right_partners[r] == 1).then_some(())?;
                split_gain(&right.feats[r], &left.feats[l2], &left.feats[l], weights)
                    .map(|(gain, s)| (gain, r, s))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, r, score)) = best {
            pairs.push((l, r, score));
            right_partners[r] = 2;
            left_partners[l] = 1;
        }
    }

    // 6. Paraphrases among what is left: synonyms as one word, and a lower bar
    //    for two sentences in the same slot of both stories.
    let slot = |l: usize, r: usize| {
        let before = if l == 0 || r == 0 {
            l == 0 && r == 0
        } else {
            left_mate[l - 1] == r - 1
        };
        let after = if l + 1 == nl || r + 1 == nr {
            l + 1 == nl && r + 1 == nr
        } else {
            left_mate[l + 1] == r + 1
        };
        before && after
    };
    let mut para = paraphrase::candidates(
        left,
        right,
        weights,
        (|l| left_partners[l] == 0, |r| right_partners[r] == 0),
        slot,
    );
    para.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, l, r) in para {
        if left_partners[l] == 0 && right_partners[r] == 0 {
            pairs.push((l, r, score));
            left_partners[l] = 1;
            right_partners[r] = 1;
        }
    }

    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    Alignment {
        pairs,
        left_only: (0..nl).filter(|l| left_partners[*l] == 0).collect(),
        right_only: (0..nr).filter(|r| right_partners[*r] == 0).collect(),
    }
}

fn neighbours(i: usize, n: usize) -> impl Iterator<Item = usize> {
    [i.checked_sub(1), (i + 1 < n).then_some(i + 1)]
        .into_iter()
        .flatten()
}

/// If `extra` is the other half of what `whole` says alongside `half`, the gain
/// in score and `extra`'s own score.
fn split_gain(
    whole: &[(u32, f32)],
    half: &[(u32, f32)],
    extra: &[(u32, f32)],
    weights: &Weights,
) -> Option<(f32, f32)> {
    let own = weights.score(whole, extra);
    if own < SPLIT_MIN {
        return None;
    }
    let before = weights.score(whole, half);
    let after = weights.score(whole, &union(half, extra));
    (after >= before + SPLIT_GAIN).then_some((after - before, own))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(a: &str, b: &str) -> Alignment {
        let mut vocab = Vocab::default();
        let left = Side::new(a, &mut vocab);
        let right = Side::new(b, &mut vocab);
        let weights = Weights::new(vocab.len(), &[&left, &right]);
        align(&left, &right, &weights)
    }

    #[test]
    fn reordered_sentences_pair_up() {
        let a = "Rain flooded the Dorrin valley on Monday. The mayor ordered 300 homes evacuated. Schools stay shut.";
        let b = "Schools in the valley stay shut. Mayor Alda Venn ordered 300 homes evacuated. Heavy rain flooded Dorrin valley Monday.";
        let al = run(a, b);
        let pairs: Vec<_> = al.pairs.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(pairs, [(0, 2), (1, 1), (2, 0)]);
    }

    #[test]
    fn one_sentence_split_in_two_pairs_with_both() {
        let a = "The council approved the 40-million budget for the Harlow bridge, and work starts in March.";
        let b = "The council approved the 40-million budget for the Harlow bridge. Work on the bridge starts in March.";
        let al = run(a, b);
        let pairs: Vec<_> = al.pairs.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(pairs, [(0, 0), (0, 1)]);
        assert!(al.right_only.is_empty());
    }

    #[test]
    fn unrelated_sentences_stay_unmatched() {
        let al = run(
            "The orchestra played Mahler in Lisbon.",
            "Wheat prices fell sharply in Kansas.",
        );
        assert!(al.pairs.is_empty());
        assert_eq!((al.left_only, al.right_only), (vec![0], vec![0]));
    }
}
