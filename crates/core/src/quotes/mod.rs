//! Who said what: every quotation of a text with its speaker and cue, the
//! same statement grouped across sources with how each outlet worded it, and
//! the sentences of a source most worth checking.
//!
//! ```
//! use claimdesk_core::quotes::find_quotes;
//! let text = "Kremlin aide Yury Ushakov spoke on Tuesday. “Definitely not further,” he replied.";
//! let quotes = find_quotes(text);
//! assert_eq!(quotes[0].text, "Definitely not further");
//! assert_eq!(quotes[0].speaker.as_deref(), Some("Yury Ushakov"));
//! assert_eq!(quotes[0].cue.as_deref(), Some("replied"));
//! ```

mod candidates;
pub mod checkworthy;
pub mod cues;
pub mod groups;
mod load;
pub mod spans;
pub mod speakers;
mod statements;
mod to_claim;
mod wording_diff;

use serde::Serialize;

pub use to_claim::{
    ClaimFromStatement, StatementDraft, create_claim_from_statement, draft_from_statement,
};

use crate::text::{Sentence, segment};
pub use groups::{Group, GroupKind, Grouped, Paraphrase, group};
pub use load::{
    QuoteOrigin, WorkspaceQuotes, WorkspaceQuotesRequest, quotes_of_texts, source_checkworthy,
    workspace_quotes,
};
use speakers::{People, classify, speaker_name};

/// One quotation of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Quote {
    /// The FILE argument's position, when texts came from files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<usize>,
    /// The source's id, when texts came from the workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source version's number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    /// The source's outlet, when the workspace knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The quoted words as written, without the marks or a trailing comma.
    pub text: String,
    /// Code point offset of the quoted words in the text.
    pub start: usize,
    /// Code point offset just past the quoted words.
    pub end: usize,
    /// Who the text says spoke, by the fullest name it gives them; `None` when
    /// the text does not say (never a guess).
    pub speaker: Option<String>,
    /// The words that attribute it ("said", "told reporters", "according to",
    /// ":"); `None` when the quotation carries on an earlier one's attribution
    /// or has none.
    pub cue: Option<String>,
    /// Code point range of the sentence (or sentences) the quotation stands in.
    pub sentence: [usize; 2],
    /// Byte range of the quoted words, for slicing the text.
    #[serde(skip)]
    pub bytes: (usize, usize),
    /// Byte range of the sentences.
    #[serde(skip)]
    pub sentence_bytes: (usize, usize),
}

/// Converts byte offsets of one text into code point offsets, in one pass for
/// offsets given in increasing order.
pub(crate) struct CodePoints<'t> {
    text: &'t str,
    byte: usize,
    count: usize,
}

impl<'t> CodePoints<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        CodePoints {
            text,
            byte: 0,
            count: 0,
        }
    }

    /// The code point offset of byte offset `at`.
    pub(crate) fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            self.byte = 0;
            self.count = 0;
        }
        self.count += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.count
    }
}

/// The quotations of `text`, in order, each with its speaker as the text tells it.
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let spans = spans::quotation_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let sentences = segment(text);
    let mut cues = Vec::with_capacity(spans.len());
    for (i, span) in spans.iter().enumerate() {
        let first = sentence_of(&sentences, span.open);
        let last = sentence_of(&sentences, span.close.saturating_sub(1));
        let (s_start, s_end) = (
            first.map_or(span.open, |s| s.start.min(span.open)),
            last.map_or(span.close, |s| s.end.max(span.close)),
        );
        // Before: from the sentence start (or the previous quotation) to the mark.
        let prev_close = i.checked_sub(1).map(|p| spans[p].close).unwrap_or(0);
        let before_region = (s_start.max(prev_close).min(span.open), span.open);
        // After: from the mark to the sentence end (or the next quotation).
        let next_open = spans.get(i + 1).map_or(text.len(), |n| n.open);
        let after_region = (span.close, s_end.min(next_open).max(span.close));
        let cue = cues::after(text, after_region).or_else(|| cues::before(text, before_region));
        cues.push((cue, (s_start, s_end)));
    }
    // The narrative: the text outside quotations, where names introduce people.
    let mut narrative = Vec::with_capacity(spans.len() + 1);
    let mut from = 0;
    for span in &spans {
        narrative.push((from, &text[from..span.open.max(from)]));
        from = from.max(span.close);
    }
    narrative.push((from, &text[from..]));
    let speaker_names: Vec<(usize, speakers::NameRun)> = cues
        .iter()
        .filter_map(|(cue, _)| cue.as_ref())
        // A colon cue ("Strike over: “…”" in a headline) only names someone the text names elsewhere.
        .filter(|c| c.cue != ":")
        .filter_map(|c| {
            let phrase = &text[c.subject.0..c.subject.1];
            speaker_name(phrase).map(|r| (c.subject.0 + r.start, r))
        })
        .collect();
    let mut people = People::of(&speaker_names, &narrative);
    let mut points = CodePoints::new(text);
    let mut quotes: Vec<Quote> = Vec::with_capacity(spans.len());
    for (i, (span, (cue, sentence))) in spans.iter().zip(&cues).enumerate() {
        let (speaker, cue_text) = match cue {
            Some(c) => {
                let reference = classify(&text[c.subject.0..c.subject.1]);
                (people.resolve(&reference, c.subject.0), Some(c.cue.clone()))
            }
            None if i > 0 && carries_on(text, &spans[i - 1], span, sentence.0) => {
                (quotes[i - 1].speaker.clone(), None)
            }
            None => (None, None),
        };
        let start = points.at(span.inner.0);
        let end = points.at(span.inner.1);
        quotes.push(Quote {
            file: None,
            source: None,
            version: None,
            outlet: None,
            text: text[span.inner.0..span.inner.1].to_string(),
            start,
            end,
            speaker,
            cue: cue_text,
            sentence: [0, 0],
            bytes: span.inner,
            sentence_bytes: *sentence,
        });
    }
    for q in &mut quotes {
        q.sentence = [points.at(q.sentence_bytes.0), points.at(q.sentence_bytes.1)];
    }
    quotes
}

/// True when `span`, which has no cue of its own, goes on the attribution of
/// `prev`: it continues it into a new paragraph, or it opens its sentence in
/// the same paragraph right after it (“…,” he said. “…”).
fn carries_on(text: &str, prev: &spans::Span, span: &spans::Span, sentence_start: usize) -> bool {
    if span.continues {
        return true;
    }
    let between = &text[prev.close..span.open];
    !between.contains('\n') && span.open <= sentence_start
}

fn sentence_of<'s, 'a>(sentences: &'s [Sentence<'a>], at: usize) -> Option<&'s Sentence<'a>> {
    let i = sentences.partition_point(|s| s.end <= at);
    sentences.get(i).filter(|s| s.start <= at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        find_quotes(text)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.cue))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_string())
    }

    #[test]
    fn a_name_before_or_after_the_quote_is_its_speaker() {
        assert_eq!(
            who("Yury Ushakov said: “We will see.” Later, “No,” said Dmitry Peskov."),
            [
                ("We will see.".into(), s("Yury Ushakov"), s("said")),
                ("No".into(), s("Dmitry Peskov"), s("said")),
            ]
        );
    }

    #[test]
    fn a_pronoun_and_a_role_resolve_to_the_person_named_before() {
        let text = "Kremlin aide Yury Ushakov met reporters. “Not further,” he said. \
                    The aide called the plan “a start.” “It is early,” the Kremlin aide added.";
        let got = who(text);
        assert!(
            got.iter()
                .all(|(_, who, _)| who.as_deref() == Some("Yury Ushakov")),
            "{got:?}"
        );
    }

    #[test]
    fn surnames_and_titles_are_the_same_person_in_one_article() {
        let got = who("Yury Ushakov arrived. “Yes,” Mr Ushakov said. “No,” Ushakov added.");
        assert_eq!(got[0].1, s("Yury Ushakov"));
        assert_eq!(got[1].1, s("Yury Ushakov"));
    }

    #[test]
    fn a_word_opening_the_sentence_before_a_pronoun_is_no_name() {
        let got = who("Ms Ana Ruiz spoke first. Later she added: “We will reopen on Monday.”");
        assert_eq!(got[0].1, s("Ana Ruiz"));
    }

    #[test]
    fn a_day_after_a_full_stop_is_no_name() {
        let got = who(
            "The offer lapses on Friday. On Tuesday a company spokesperson said that “no deadline applies.”",
        );
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn no_speaker_is_guessed() {
        let got = who(
            "Ushakov arrived. “It is over,” a senior official said. The so-called “plan” failed. “Why?” they asked.",
        );
        assert!(got.iter().all(|(_, who, _)| who.is_none()), "{got:?}");
        assert_eq!(got[0].2, s("said"));
    }

    #[test]
    fn a_quote_that_goes_on_keeps_its_speaker() {
        let text = "“We will stay,” Peskov said. “We will not leave.”\n\n“Nor will we give up.\n\n“Never.”\n\nThe talks ended. “Who knows.”";
        let got = who(text);
        let speakers: Vec<_> = got.iter().map(|g| g.1.clone()).collect();
        assert_eq!(speakers, [s("Peskov"), s("Peskov"), None, None, None]);
    }

    #[test]
    fn a_paragraph_continuation_keeps_the_speaker() {
        let text = "Peskov said: “We will stay.\n\n“We will not leave.”";
        let got = who(text);
        assert_eq!(got[1].1, s("Peskov"));
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Café owner Ana Ruiz said: “Ça va bien.”";
        let q = &find_quotes(text)[0];
        let chars: Vec<char> = text.chars().collect();
        let quoted: String = chars[q.start..q.end].iter().collect();
        assert_eq!(quoted, "Ça va bien.");
        assert_eq!(q.sentence, [0, chars.len()]);
    }

    #[test]
    fn headlines_bad_marks_and_no_quotes_give_empty_or_sane_results() {
        assert!(find_quotes("No quotes here. Putin's aide liked rock 'n' roll.").is_empty());
        assert!(find_quotes("Unbalanced “ mark\n\nand ” another").is_empty());
        let headline = find_quotes("Aide says peace “not further”\n\nMoscow — Talks ended.");
        assert_eq!(headline.len(), 1);
        assert_eq!(headline[0].speaker, None);
        let long = format!("Peskov said: “{}”", "word ".repeat(10_000));
        assert_eq!(find_quotes(&long)[0].speaker, s("Peskov"));
    }
}
