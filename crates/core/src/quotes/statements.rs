//! Which quotations are one statement. Two quotations are linked when
//! [`same_statement`] holds, and statements are what the links connect, with
//! one exception: a quotation of several sentences that holds two statements
//! other quotations give apart ("The port is closed. We reopen on Monday.")
//! would join them into one. Such a quotation joins each of those statements
//! instead, so it can stand in more than one group.

use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::candidates::{candidate_pairs, distinct};
use super::groups::{Words, find, least_shared, same_statement, shared};
use crate::text::{segment, tokens};

/// True when a wording can be the same statement as any other: it has the
/// two words and the content word [`same_statement`] asks for.
fn can_match(w: &Words) -> bool {
    w.ids.len() >= 2 && w.content.contains(&true)
}

/// The statements among quotations (`words[i]` of `texts[i]`): each a list of
/// quotation indices in order, the lists in the order of their first quotation.
///
/// Identical wordings are aligned once and only candidate pairs (see
/// [`super::candidates`]) are aligned at all, which links the same quotations
/// as aligning every pair: a wording that cannot match stays alone, and the
/// filter keeps every pair that could pass.
pub(super) fn statements(words: &[Words], texts: &[&str]) -> Vec<Vec<usize>> {
    let distinct = distinct(words.iter().map(|w| w.ids.as_slice()));
    let count = distinct.wordings.len();
    let mut first = vec![usize::MAX; count];
    for (i, &w) in distinct.wording_of.iter().enumerate().rev() {
        first[w] = i;
    }
    let pairs = candidate_pairs(
        &distinct.wordings,
        |w| can_match(&words[first[w]]),
        least_shared,
    );
    let mut parent: Vec<usize> = (0..count).collect();
    let mut sentences_of: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    // (longer wording of several sentences, shorter wording inside it, the sentence it sits in)
    let mut held: Vec<(usize, usize, usize)> = Vec::new();
    for (u, v) in pairs {
        let (a, b) = (&words[first[u]], &words[first[v]]);
        if !same_statement(a, b) {
            continue;
        }
        let (long, short) = if b.ids.len() > a.ids.len() {
            (v, u)
        } else {
            (u, v)
        };
        let (long_words, short_words) = (&words[first[long]], &words[first[short]]);
        let (same, _) = shared(long_words, &short_words.ids);
        if same < least_shared(long_words.ids.len()) {
            let sentence = sentences_of
                .entry(long)
                .or_insert_with(|| sentence_of_each_word(texts[first[long]]));
            if sentence.last().is_some_and(|&s| s > 0) {
                held.push((long, short, sentence_in(long_words, short_words, sentence)));
                continue;
            }
        }
        union(&mut parent, u, v);
    }
    let bridges = settle_held(&mut parent, held);
    let mut wordings_in = vec![0usize; count];
    for w in 0..count {
        wordings_in[find(&mut parent, w)] += 1;
    }
    // Each quotation's statement, by the first quotation of it.
    let mut lists: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let bridge_alone = |parent: &mut [usize], w: usize| {
        bridges.contains_key(&w) && wordings_in[find(parent, w)] == 1
    };
    for (i, &w) in distinct.wording_of.iter().enumerate() {
        if !can_match(&words[i]) {
            lists.entry(i).or_default().push(i);
        } else if !bridge_alone(&mut parent, w) {
            let key = first[find(&mut parent, w)];
            lists.entry(key).or_default().push(i);
        }
        if let Some(joins) = bridges.get(&w) {
            for &short in joins {
                let key = first[find(&mut parent, short)];
                lists.entry(key).or_default().push(i);
            }
        }
    }
    let mut lists: Vec<Vec<usize>> = lists
        .into_values()
        .map(|mut list| {
            list.sort_unstable();
            list.dedup();
            list
        })
        .collect();
    lists.sort_unstable_by_key(|list| list[0]);
    lists
}

fn union(parent: &mut [usize], u: usize, v: usize) {
    let (ru, rv) = (find(parent, u), find(parent, v));
    parent[ru.max(rv)] = ru.min(rv);
}

/// Decides each held quotation of several sentences: when the shorter ones
/// inside it belong to two or more statements and sit in different sentences
/// of it, it is a bridge and joins each of them (returned: bridge wording to
/// one shorter wording per statement); otherwise it links as usual.
fn settle_held(
    parent: &mut [usize],
    mut held: Vec<(usize, usize, usize)>,
) -> FxHashMap<usize, Vec<usize>> {
    held.sort_unstable();
    let mut bridges = FxHashMap::default();
    for run in held.chunk_by(|x, y| x.0 == y.0) {
        let long = run[0].0;
        let own = find(parent, long);
        let mut parts: Vec<(usize, usize, usize)> = run
            .iter()
            .map(|&(_, short, sentence)| (find(parent, short), sentence, short))
            .filter(|&(root, _, _)| root != own)
            .collect();
        parts.sort_unstable();
        parts.dedup_by_key(|p| p.0);
        let mut sentences: Vec<usize> = parts.iter().map(|p| p.1).collect();
        sentences.sort_unstable();
        sentences.dedup();
        if parts.len() >= 2 && sentences.len() >= 2 {
            bridges.insert(long, parts.iter().map(|p| p.2).collect());
        } else {
            for &(_, short, _) in run {
                union(parent, long, short);
            }
        }
    }
    bridges
}

/// For each word of a quotation, the number of the sentence it stands in.
fn sentence_of_each_word(text: &str) -> Vec<usize> {
    let sentences = segment(text);
    tokens::words(text)
        .map(|w| {
            sentences
                .partition_point(|s| s.end <= w.start)
                .min(sentences.len().saturating_sub(1))
        })
        .collect()
}

/// The sentence of `long` that holds most of the words `short` shares with it.
fn sentence_in(long: &Words, short: &Words, sentence: &[usize]) -> usize {
    let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
    for op in capture_diff_slices(Algorithm::Myers, &long.ids, &short.ids) {
        if op.tag() == DiffTag::Equal {
            for i in op.old_range() {
                if let Some(&s) = sentence.get(i) {
                    *counts.entry(s).or_default() += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (n, std::cmp::Reverse(s)))
        .map_or(0, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;
    use crate::quotes::groups::Vocab;

    fn statements_of_texts(texts: &[&str]) -> Vec<Vec<usize>> {
        let mut vocab = Vocab::default();
        let quotes: Vec<_> = texts.iter().flat_map(|t| find_quotes(t)).collect();
        let texts_of: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
        let words: Vec<Words> = quotes.iter().map(|q| vocab.words(&q.text)).collect();
        statements(&words, &texts_of)
    }

    #[test]
    fn a_quotation_of_two_statements_joins_each_and_merges_neither() {
        let got = statements_of_texts(&[
            "“The port is closed to all ships,” Ruiz said. Later she added: “We will reopen the harbour on Monday morning.”",
            "“The port is closed to all ships. We will reopen the harbour on Monday morning,” Ruiz said.",
            "“The port is shut to all ships,” Ruiz said.",
            "“We will reopen the harbour on Monday,” Ruiz said.",
        ]);
        assert_eq!(got, [vec![0, 2, 3], vec![1, 2, 4]]);
    }

    #[test]
    fn a_quotation_of_two_sentences_holding_one_statement_links_as_usual() {
        let got = statements_of_texts(&[
            "“The port is closed to all ships. It stays closed,” Ruiz said.",
            "“The port is closed to all ships,” Ruiz said.",
        ]);
        assert_eq!(got, [vec![0, 1]]);
    }

    /// Statements by aligning every pair of quotations, as grouping did before
    /// it chose candidates: the reference the faster way must agree with.
    fn statements_of_every_pair(words: &[Words]) -> Vec<Vec<usize>> {
        let mut parent: Vec<usize> = (0..words.len()).collect();
        for i in 0..words.len() {
            for j in i + 1..words.len() {
                if same_statement(&words[i], &words[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
        let mut lists: Vec<Vec<usize>> = Vec::new();
        let mut at: FxHashMap<usize, usize> = FxHashMap::default();
        for i in 0..words.len() {
            let root = find(&mut parent, i);
            let slot = *at.entry(root).or_insert_with(|| {
                lists.push(Vec::new());
                lists.len() - 1
            });
            lists[slot].push(i);
        }
        lists
    }

    const OUTLETS: [&str; 4] = [
        include_str!("../../../../tests/fixtures/quotes/harbour-ledger.txt"),
        include_str!("../../../../tests/fixtures/quotes/coast-wire.txt"),
        include_str!("../../../../tests/fixtures/quotes/evening-post.txt"),
        include_str!("../../../../tests/fixtures/quotes/radio-castellan.txt"),
    ];

    /// The fixtures, and copies of them with words swapped, dropped and
    /// repeated so that many wordings sit near the grouping's threshold.
    fn varied_outlets() -> Vec<String> {
        let swaps: [(&str, &str); 8] = [
            ("will", "shall"),
            ("not", "never"),
            ("the ", ""),
            ("nine", "ten ten"),
            ("is a", "is quite a"),
            ("We ", "We, we "),
            ("of", "from"),
            ("days", "long days"),
        ];
        let mut texts: Vec<String> = OUTLETS.iter().map(|t| t.to_string()).collect();
        for copy in 0..28 {
            let mut text = OUTLETS[copy % 4].to_string();
            for (k, (from, to)) in swaps.iter().enumerate() {
                if (copy >> (k % 5)) & 1 == 1 || copy % 8 == k {
                    text = text.replace(from, to);
                }
            }
            texts.push(text);
        }
        texts
    }

    #[test]
    fn candidates_give_the_statements_every_pair_gives() {
        for texts in [
            OUTLETS.iter().map(|t| t.to_string()).collect::<Vec<_>>(),
            varied_outlets(),
        ] {
            let mut vocab = Vocab::default();
            let quotes: Vec<_> = texts.iter().flat_map(|t| find_quotes(t)).collect();
            let texts_of: Vec<&str> = quotes.iter().map(|q| q.text.as_str()).collect();
            let words: Vec<Words> = quotes.iter().map(|q| vocab.words(&q.text)).collect();
            let fast = statements(&words, &texts_of);
            let every = statements_of_every_pair(&words);
            assert_eq!(fast, every, "{} quotations", words.len());
            assert!(fast.len() > 10 && fast.len() < words.len() / 2);
        }
    }
}
