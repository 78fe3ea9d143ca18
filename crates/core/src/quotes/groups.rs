//! The same statement across sources: quotations whose words align (one may be
//! contained in the other) form one group, across any number of sources, with
//! what differs between the outlets' wordings and speakers, and the sentences
//! of other sources that report the same words without quotation marks.

use rustc_hash::FxHashMap;
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::statements::statements;
use super::wording_diff::wording_diffs;
use super::{CodePoints, Quote};
use crate::compare::view::DiffSegment;
use crate::text::tokens;

/// How the wordings of one statement differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Some outlet's words differ from the first wording, and neither holds the other.
    Reworded,
    /// Some outlet quotes only part of the first wording.
    Shortened,
    /// Some outlet quotes more than the first wording.
    Extended,
    /// The outlets name different speakers.
    OtherSpeaker,
    /// Another source reports the same words without quotation marks.
    Paraphrased,
}

/// A sentence that reports a group's words without quoting them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Paraphrase {
    /// Position of the text among those grouped (the FILE argument, or the source's place).
    #[serde(skip)]
    pub doc: usize,
    /// The FILE argument's position, when texts came from files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<usize>,
    /// The source's id, when texts came from the workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source version's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The sentence as written.
    pub text: String,
    /// Code point range of the sentence in its text.
    pub sentence: [usize; 2],
}

/// One statement: the quotations of it, in order, and how they differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Group {
    /// Indices of the quotations in the list they came from; the first is the wording the others are compared with.
    pub quotes: Vec<usize>,
    /// The speakers the quotations name, each once, in order.
    pub speakers: Vec<String>,
    /// True when the wordings differ.
    pub drift: bool,
    /// True when the outlets name different speakers.
    pub conflict: bool,
    /// What differs, each kind once, in a fixed order.
    pub kinds: Vec<GroupKind>,
    /// Sentences of other sources that report the words without quotation marks.
    pub paraphrases: Vec<Paraphrase>,
    /// For each quotation of `quotes`, in order, its words against the first
    /// quotation's (the compare engine's inline diff): `equal` and `delete`
    /// segments give the first wording, `equal` and `insert` this one.
    pub diffs: Vec<Vec<DiffSegment>>,
}

/// Quotations grouped across texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouped {
    /// Which text each quotation (in the flattened order) came from.
    pub doc_of: Vec<usize>,
    /// The statements, in the order of their first quotation.
    pub groups: Vec<Group>,
}

/// Words too common to make two quotations the same statement. Shorter than the
/// stopword list on purpose: "not", "no" and "further" carry a quote's meaning.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "he", "i", "in", "is", "it", "of",
    "on", "or", "she", "that", "the", "they", "this", "to", "was", "we", "were", "with", "you",
];

/// A quotation's words as ids, and which of them carry content (not stopwords).
pub(super) struct Words {
    pub(super) ids: Vec<u32>,
    pub(super) content: Vec<bool>,
}

#[derive(Default)]
pub(super) struct Vocab {
    ids: FxHashMap<String, u32>,
}

impl Vocab {
    pub(super) fn words(&mut self, text: &str) -> Words {
        let mut ids = Vec::new();
        let mut content = Vec::new();
        for w in tokens::words(text) {
            let lower = tokens::lowercase(w.text);
            content.push(FUNCTION_WORDS.binary_search(&lower.as_ref()).is_err());
            let next = self.ids.len() as u32;
            ids.push(*self.ids.entry(lower.into_owned()).or_insert(next));
        }
        Words { ids, content }
    }
}

/// Length of the longest common subsequence of `a` and `b`, and how many of
/// those shared words are content words of `a`.
pub(super) fn shared(a: &Words, b: &[u32]) -> (usize, usize) {
    let mut same = 0;
    let mut content = 0;
    for op in capture_diff_slices(Algorithm::Myers, &a.ids, b) {
        if op.tag() == DiffTag::Equal {
            let r = op.old_range();
            same += r.len();
            content += a.content[r].iter().filter(|&&c| c).count();
        }
    }
    (same, content)
}

/// The fewest words two quotations must share, in order, to be the same
/// statement: two, and three fifths of the shorter one.
pub(super) fn least_shared(shorter: usize) -> usize {
    (shorter * 3).div_ceil(5).max(2)
}

/// True when two quotations are the same statement: at least
/// [`least_shared`] words in order, one of them a content word.
pub(super) fn same_statement(a: &Words, b: &Words) -> bool {
    let shorter = a.ids.len().min(b.ids.len());
    let (same, content) = shared(a, &b.ids);
    same >= least_shared(shorter) && content >= 1
}

pub(super) fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Groups the quotations of several texts (`texts[d]` holds `quotes[d]`) and
/// gives a speaker named by surname only the full name another text gives the
/// one person of that surname. Group indices count quotations in order: the
/// first text's, then the second's, and so on.
pub fn group(texts: &[&str], quotes: &mut [Vec<Quote>]) -> Grouped {
    full_names(quotes);
    let flat: Vec<(usize, &Quote)> = quotes
        .iter()
        .enumerate()
        .flat_map(|(d, qs)| qs.iter().map(move |q| (d, q)))
        .collect();
    let mut vocab = Vocab::default();
    let words: Vec<Words> = flat.iter().map(|(_, q)| vocab.words(&q.text)).collect();
    let texts_of: Vec<&str> = flat.iter().map(|(_, q)| q.text.as_str()).collect();
    let lists = statements(&words, &texts_of);
    let mut finder = ParaphraseFinder::new(texts, quotes, &mut vocab);
    let groups = lists
        .into_iter()
        .map(|list| describe(list, &flat, &words, &mut finder))
        .collect();
    Grouped {
        doc_of: flat.iter().map(|(d, _)| *d).collect(),
        groups,
    }
}

fn describe(
    list: Vec<usize>,
    flat: &[(usize, &Quote)],
    words: &[Words],
    finder: &mut ParaphraseFinder<'_>,
) -> Group {
    let reference = &words[list[0]];
    let mut kinds = Vec::new();
    let mut drift = false;
    for &j in &list[1..] {
        let other = &words[j];
        if other.ids == reference.ids {
            continue;
        }
        drift = true;
        let (same, _) = shared(reference, &other.ids);
        kinds.push(if same == other.ids.len() {
            GroupKind::Shortened
        } else if same == reference.ids.len() {
            GroupKind::Extended
        } else {
            GroupKind::Reworded
        });
    }
    let mut speakers: Vec<String> = Vec::new();
    for &i in &list {
        if let Some(s) = &flat[i].1.speaker
            && !speakers.contains(s)
        {
            speakers.push(s.clone());
        }
    }
    let conflict = speakers.len() > 1;
    if conflict {
        kinds.push(GroupKind::OtherSpeaker);
    }
    let docs: Vec<usize> = list.iter().map(|&i| flat[i].0).collect();
    let paraphrases = finder.find(reference, &docs);
    if !paraphrases.is_empty() {
        kinds.push(GroupKind::Paraphrased);
    }
    kinds.sort_unstable();
    kinds.dedup();
    let texts: Vec<&str> = list.iter().map(|&i| flat[i].1.text.as_str()).collect();
    let diffs = wording_diffs(&texts);
    Group {
        quotes: list,
        speakers,
        drift,
        conflict,
        kinds,
        paraphrases,
        diffs,
    }
}

/// Gives a one-word speaker ("Ushakov") the full name ("Yury Ushakov") when
/// exactly one full name of the texts ends with it.
fn full_names(quotes: &mut [Vec<Quote>]) {
    let mut by_surname: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for q in quotes.iter().flatten() {
        if let Some(name) = &q.speaker
            && let Some((_, surname)) = name.rsplit_once(' ')
        {
            let list = by_surname.entry(surname.to_lowercase()).or_default();
            if !list.contains(name) {
                list.push(name.clone());
            }
        }
    }
    for q in quotes.iter_mut().flatten() {
        let Some(name) = &q.speaker else { continue };
        if name.contains(' ') {
            continue;
        }
        if let Some([full]) = by_surname.get(&name.to_lowercase()).map(Vec::as_slice) {
            q.speaker = Some(full.clone());
        }
    }
}

/// The fewest words a statement needs before an unquoted sentence can be said to report it.
const PARAPHRASE_MIN_WORDS: usize = 4;

/// Finds a statement's words outside quotation marks in the other texts.
struct ParaphraseFinder<'t> {
    texts: &'t [&'t str],
    /// Per text: the ids of its words outside quotations, with their byte offsets.
    words: Vec<(Vec<u32>, Vec<usize>)>,
    /// Per text: word id to positions in `words`.
    index: Vec<FxHashMap<u32, Vec<usize>>>,
}

impl<'t> ParaphraseFinder<'t> {
    fn new(texts: &'t [&'t str], quotes: &[Vec<Quote>], vocab: &mut Vocab) -> Self {
        let mut words = Vec::with_capacity(texts.len());
        let mut index = Vec::with_capacity(texts.len());
        for (d, text) in texts.iter().enumerate() {
            let quoted: Vec<(usize, usize)> = quotes
                .get(d)
                .map(|qs| qs.iter().map(|q| q.bytes).collect())
                .unwrap_or_default();
            let mut ids = Vec::new();
            let mut at = Vec::new();
            let mut map: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
            for w in tokens::words(text) {
                if quoted.iter().any(|&(s, e)| w.start >= s && w.start < e) {
                    continue;
                }
                let lower = tokens::lowercase(w.text);
                // Only words some quotation uses can match.
                if let Some(&id) = vocab.ids.get(lower.as_ref()) {
                    map.entry(id).or_default().push(ids.len());
                    ids.push(id);
                } else {
                    ids.push(u32::MAX);
                }
                at.push(w.start);
            }
            words.push((ids, at));
            index.push(map);
        }
        ParaphraseFinder {
            texts,
            words,
            index,
        }
    }

    fn find(&mut self, statement: &Words, skip: &[usize]) -> Vec<Paraphrase> {
        let n = statement.ids.len();
        if n < PARAPHRASE_MIN_WORDS {
            return Vec::new();
        }
        let Some(anchor) = statement
            .ids
            .iter()
            .zip(&statement.content)
            .find(|(_, c)| **c)
            .map(|(id, _)| *id)
        else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for d in 0..self.texts.len() {
            if skip.contains(&d) {
                continue;
            }
            let Some(positions) = self.index[d].get(&anchor) else {
                continue;
            };
            let (ids, at) = &self.words[d];
            for &p in positions {
                let from = p.saturating_sub(n);
                let to = (p + 2 * n).min(ids.len());
                let (same, _) = shared(statement, &ids[from..to]);
                if same * 5 >= n * 4 {
                    let text = self.texts[d];
                    let (s, e) = sentence_around(text, at[p]);
                    let mut points = CodePoints::new(text);
                    found.push(Paraphrase {
                        doc: d,
                        file: None,
                        source: None,
                        version: None,
                        text: text[s..e].to_string(),
                        sentence: [points.at(s), points.at(e)],
                    });
                    break;
                }
            }
        }
        found
    }
}

/// The byte range of the sentence of `text` that holds byte `at`.
fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let sentences = crate::text::segment(text);
    sentences
        .iter()
        .find(|s| s.start <= at && at < s.end)
        .map_or((at, at), |s| (s.start, s.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;

    fn grouped(texts: &[&str]) -> (Vec<Vec<Quote>>, Grouped) {
        let mut quotes: Vec<Vec<Quote>> = texts.iter().map(|t| find_quotes(t)).collect();
        let g = group(texts, &mut quotes);
        (quotes, g)
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        let mut sorted = FUNCTION_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, FUNCTION_WORDS);
    }

    #[test]
    fn reworded_quotes_with_other_speakers_are_one_statement() {
        let (_, g) = grouped(&[
            "Kremlin aide Yury Ushakov spoke. “Definitely not further,” he replied.",
            "“Certainly not further away,” Kremlin spokesman Dmitry Peskov said.",
            "“We will talk about the weather,” Ushakov said.",
        ]);
        assert_eq!(g.groups.len(), 2);
        let first = &g.groups[0];
        assert_eq!(first.quotes, [0, 1]);
        assert_eq!(first.speakers, ["Yury Ushakov", "Dmitry Peskov"]);
        assert!(first.drift && first.conflict);
        assert_eq!(first.kinds, [GroupKind::Reworded, GroupKind::OtherSpeaker]);
        assert_eq!(
            g.groups[1].speakers,
            ["Yury Ushakov"],
            "the surname takes the full name"
        );
    }

    #[test]
    fn a_quote_inside_another_is_shortened_or_extended() {
        let (_, g) = grouped(&[
            "Ana Ruiz said the port was “closed to all ships until further notice.”",
            "Ana Ruiz said the port was “closed to all ships.”",
            "Ana Ruiz said: “The port is closed to all ships until further notice, and we regret it.”",
        ]);
        assert_eq!(g.groups.len(), 1);
        assert!(!g.groups[0].conflict);
        assert_eq!(
            g.groups[0].kinds,
            [GroupKind::Shortened, GroupKind::Extended]
        );
    }

    #[test]
    fn the_same_words_without_marks_are_a_paraphrase() {
        let (_, g) = grouped(&[
            "Ana Ruiz said: “The port stays closed to all ships.”",
            "Officials met. Ruiz said the port stays closed to all ships. Talks went on.",
        ]);
        assert_eq!(g.groups[0].kinds, [GroupKind::Paraphrased]);
        assert_eq!(
            g.groups[0].paraphrases[0].text,
            "Ruiz said the port stays closed to all ships."
        );
        assert_eq!(g.groups[0].paraphrases[0].doc, 1);
    }

    #[test]
    fn unrelated_quotes_stay_apart() {
        let (_, g) = grouped(&[
            "“Out of the question,” Ruiz said.",
            "“Of the people,” Ortiz said.",
        ]);
        assert_eq!(g.groups.len(), 2);
        assert!(g.groups.iter().all(|g| !g.drift && g.kinds.is_empty()));
    }
}
