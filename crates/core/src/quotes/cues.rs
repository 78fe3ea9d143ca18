//! Attribution cues around a quotation: the verb or phrase that says someone
//! spoke ("said", "told reporters", "according to", "was quoted as saying",
//! a colon after a name) and the words that name the speaker, before the
//! quotation ("Ushakov said: …"), after it (", Ushakov said"), or inverted
//! (", said Ushakov").

use crate::text::tokens::{self, Word};

/// A cue and where the words naming the speaker are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// The cue as a reader would quote it: "said", "told reporters", "according to", ":".
    pub cue: String,
    /// Byte range of the speaker's words in the text ("the Kremlin aide", "he").
    pub subject: (usize, usize),
}

/// Verbs that report speech, in the forms news copy uses.
const VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "answered",
    "argued",
    "asked",
    "asks",
    "called",
    "cautioned",
    "claimed",
    "commented",
    "conceded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "described",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "maintained",
    "noted",
    "posted",
    "predicted",
    "promised",
    "quipped",
    "recalled",
    "reiterated",
    "remarked",
    "replied",
    "responded",
    "said",
    "saying",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "told",
    "tweeted",
    "urged",
    "vowed",
    "warned",
    "writes",
    "wrote",
];

/// Words that end the speaker's words after an inverted verb ("said Ushakov in Moscow").
const PHRASE_ENDS: &[&str] = &[
    "adding", "after", "and", "as", "at", "because", "before", "but", "during", "from", "in", "on",
    "since", "than", "that", "when", "where", "which", "while", "who", "with",
];

/// Words between a speaker and the verb that belong to neither ("Ushakov later said").
const FILLERS: &[&str] = &[
    "again", "also", "earlier", "has", "had", "have", "himself", "herself", "later", "once",
    "then", "would",
];

/// Words that open a clause before the speaker ("and he said").
const CLAUSE_OPENERS: &[&str] = &["and", "as", "but", "so", "that", "then", "when", "while"];

/// The most words a speaker's words may have; more is a clause, not a name.
const MAX_SUBJECT_WORDS: usize = 10;

/// True for a verb that reports speech.
pub fn is_verb(lower: &str) -> bool {
    VERBS.binary_search(&lower).is_ok()
}

fn lower(w: &Word<'_>) -> String {
    tokens::lowercase(w.text).into_owned()
}

/// The cue in `text[region.0..region.1]`, the words right after a quotation's
/// closing mark up to the sentence end or the next quotation.
pub fn after(text: &str, region: (usize, usize)) -> Option<Cue> {
    let base = region.0;
    let slice = &text[region.0..region.1];
    let words: Vec<Word<'_>> = tokens::words(slice).collect();
    let first = words.first()?;
    // Only punctuation and spaces between the mark and the cue's words.
    if slice[..first.start]
        .chars()
        .any(|c| matches!(c, '.' | '?' | '!' | ';'))
    {
        return None;
    }
    let lw: Vec<String> = words.iter().map(lower).collect();
    if lw[0] == "according" && lw.get(1).is_some_and(|w| w == "to") {
        let subject = phrase_after(slice, &words, &lw, 2)?;
        return Some(Cue {
            cue: "according to".into(),
            subject: (base + subject.0, base + subject.1),
        });
    }
    if is_verb(&lw[0]) {
        // Inverted: ", said Ushakov".
        let subject = phrase_after(slice, &words, &lw, 1)?;
        return Some(Cue {
            cue: cue_text(&lw, 0),
            subject: (base + subject.0, base + subject.1),
        });
    }
    let verb = (1..words.len().min(MAX_SUBJECT_WORDS + 1)).find(|&k| {
        is_verb(&lw[k])
            && !slice[words[0].start..words[k].start].contains(['.', '?', '!', ';', '“', '"'])
    })?;
    let subject = phrase_before(slice, &words, &lw, 0, verb)?;
    Some(Cue {
        cue: cue_text(&lw, verb),
        subject: (base + subject.0, base + subject.1),
    })
}

/// The cue in `text[region.0..region.1]`, the words of the sentence before a
/// quotation's opening mark (after any earlier quotation).
pub fn before(text: &str, region: (usize, usize)) -> Option<Cue> {
    let base = region.0;
    let slice = &text[region.0..region.1];
    let words: Vec<Word<'_>> = tokens::words(slice).collect();
    if words.is_empty() {
        return None;
    }
    let lw: Vec<String> = words.iter().map(lower).collect();
    // "According to Ushakov, “…”"
    if let Some(k) = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&k| lw[k] == "according" && lw[k + 1] == "to")
        && let Some(subject) = phrase_after(slice, &words, &lw, k + 2)
    {
        return Some(Cue {
            cue: "according to".into(),
            subject: (base + subject.0, base + subject.1),
        });
    }
    // The verb nearest the quotation ("Ushakov told reporters that peace was “…”").
    if let Some(verb) = (0..words.len())
        .rev()
        .find(|&k| is_verb(&lw[k]) && !slice[..words[k].start].ends_with("so-"))
    {
        let from = clause_start(slice, &words, verb);
        if let Some(subject) = phrase_before(slice, &words, &lw, from, verb) {
            return Some(Cue {
                cue: cue_text(&lw, verb),
                subject: (base + subject.0, base + subject.1),
            });
        }
    }
    // "Ushakov: “No.”": a colon right after a short run of words.
    if slice.trim_end().ends_with(':') {
        let from = clause_start(slice, &words, words.len());
        if words.len() - from <= 5 {
            let (s, e) = (words[from].start, words[words.len() - 1].end);
            return Some(Cue {
                cue: ":".into(),
                subject: (base + s, base + e),
            });
        }
    }
    None
}

/// The cue as written: the verb, with "reporters" after "told", or "was quoted as" before "saying".
fn cue_text(lw: &[String], verb: usize) -> String {
    let v = lw[verb].as_str();
    if v == "told"
        && lw
            .get(verb + 1)
            .is_some_and(|w| w == "reporters" || w == "journalists")
    {
        return format!("told {}", lw[verb + 1]);
    }
    if v == "saying" && verb >= 3 && lw[verb - 3..verb] == ["was", "quoted", "as"] {
        return "was quoted as saying".into();
    }
    v.to_string()
}

/// The first word of the clause that ends at word `end`: after the last comma,
/// semicolon, colon, dash or parenthesis before it.
fn clause_start(slice: &str, words: &[Word<'_>], end: usize) -> usize {
    let mut k = end;
    while k > 0 {
        let gap_end = if k < words.len() {
            words[k].start
        } else {
            slice.len()
        };
        let gap = &slice[words[k - 1].end..gap_end];
        if k < end && gap.contains([',', ';', ':', '—', '–', '(', ')', '.', '?', '!']) {
            break;
        }
        k -= 1;
    }
    k
}

/// The speaker's words from word `from` up to the verb at `verb`, without
/// clause openers, fillers ("later", "has") and "was quoted as".
fn phrase_before(
    slice: &str,
    words: &[Word<'_>],
    lw: &[String],
    from: usize,
    verb: usize,
) -> Option<(usize, usize)> {
    let mut s = from;
    let mut e = verb;
    if e >= 3 && lw[e - 3..e] == ["was", "quoted", "as"] {
        e -= 3;
    }
    while s < e && CLAUSE_OPENERS.contains(&lw[s].as_str()) {
        s += 1;
    }
    while e > s && (FILLERS.contains(&lw[e - 1].as_str()) || lw[e - 1].ends_with("ly")) {
        e -= 1;
    }
    if s >= e || e - s > MAX_SUBJECT_WORDS {
        return None;
    }
    let mut s_byte = words[s].start;
    // "Mayor Odile Marchetti, who had called …": the clause before "who" names her.
    if lw[s] == "who" && s > 0 && slice[words[s - 1].end..words[s].start].contains(',') {
        let from = clause_start(slice, words, s);
        return Some((words[from].start, words[s - 1].end));
    }
    // "Yury Ushakov, the Kremlin aide, said": the words before the comma name him.
    let gap_before = if s > 0 {
        &slice[words[s - 1].end..words[s].start]
    } else {
        ""
    };
    let enclosed = slice[words[e - 1].end..].trim_start().starts_with(',');
    if matches!(lw[s].as_str(), "the" | "a" | "an") && gap_before.contains(',') && enclosed {
        let appos_from = clause_start(slice, words, s);
        if s - appos_from <= 4 && words[appos_from..s].iter().all(|w| is_capitalised(w.text)) {
            s_byte = words[appos_from].start;
        }
    }
    Some((s_byte, words[e - 1].end))
}

/// The speaker's words from word `from` to a word that ends them ("in", "who"),
/// a sentence end, or a comma not followed by a name.
fn phrase_after(
    slice: &str,
    words: &[Word<'_>],
    lw: &[String],
    from: usize,
) -> Option<(usize, usize)> {
    if from >= words.len() {
        return None;
    }
    let mut e = from;
    while e < words.len() {
        if e > from {
            let gap = &slice[words[e - 1].end..words[e].start];
            if gap.contains(['.', '?', '!', ';', ':', '(', '“', '"']) {
                break;
            }
            if gap.contains(',') && !is_capitalised(words[e].text) {
                break;
            }
            if PHRASE_ENDS.contains(&lw[e].as_str()) {
                break;
            }
        }
        e += 1;
        if e - from > MAX_SUBJECT_WORDS {
            return None;
        }
    }
    Some((words[from].start, words[e - 1].end))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_after(text: &str) -> Option<(String, &str)> {
        after(text, (0, text.len())).map(|c| (c.cue, &text[c.subject.0..c.subject.1]))
    }

    fn cue_before(text: &str) -> Option<(String, &str)> {
        before(text, (0, text.len())).map(|c| (c.cue, &text[c.subject.0..c.subject.1]))
    }

    #[test]
    fn verbs_are_sorted_for_binary_search() {
        let mut sorted = VERBS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, VERBS);
    }

    #[test]
    fn a_cue_after_the_quote_names_the_speaker_before_the_verb() {
        assert_eq!(
            cue_after(", Ushakov said."),
            Some(("said".into(), "Ushakov"))
        );
        assert_eq!(
            cue_after(", the Kremlin aide later told reporters in Moscow."),
            Some(("told reporters".into(), "the Kremlin aide"))
        );
        assert_eq!(cue_after(" he said."), Some(("said".into(), "he")));
        assert_eq!(
            cue_after(", Ushakov was quoted as saying."),
            Some(("was quoted as saying".into(), "Ushakov"))
        );
    }

    #[test]
    fn an_inverted_cue_names_the_speaker_after_the_verb() {
        assert_eq!(
            cue_after(", said Yury Ushakov in Moscow."),
            Some(("said".into(), "Yury Ushakov"))
        );
        assert_eq!(
            cue_after(", replied the spokesman, Dmitry Peskov."),
            Some(("replied".into(), "the spokesman, Dmitry Peskov"))
        );
        assert_eq!(
            cue_after(", according to Ushakov."),
            Some(("according to".into(), "Ushakov"))
        );
    }

    #[test]
    fn a_cue_before_the_quote_takes_the_nearest_verb_and_its_clause() {
        assert_eq!(
            cue_before("Ushakov said: "),
            Some(("said".into(), "Ushakov"))
        );
        assert_eq!(
            cue_before(
                "Speaking in Moscow, Kremlin aide Yury Ushakov told reporters that peace was "
            ),
            Some(("told reporters".into(), "Kremlin aide Yury Ushakov"))
        );
        assert_eq!(
            cue_before("Yury Ushakov, the Kremlin aide, said "),
            Some(("said".into(), "Yury Ushakov, the Kremlin aide"))
        );
        assert_eq!(
            cue_before("According to Peskov, "),
            Some(("according to".into(), "Peskov"))
        );
        assert_eq!(cue_before("Peskov: "), Some((":".into(), "Peskov")));
        assert_eq!(
            cue_before("She called the situation "),
            Some(("called".into(), "She"))
        );
    }

    #[test]
    fn no_cue_means_no_speaker_words() {
        assert_eq!(cue_after(". The talks went on."), None);
        assert_eq!(cue_before("The so-called "), None);
        assert_eq!(cue_before("The plan, long in the making, is "), None);
    }
}
