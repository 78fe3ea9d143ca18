//! The story's timeline: every dated expression of a text placed on the
//! calendar against its publication day, events of several sources merged
//! when they tell the same thing, and conflicts where they date it apart.
//! Pure: texts in, results out; what loads them from the workspace lives in
//! `store::version_dates` and `load`, and what pins a reading in `pin`.

mod claim_dates;
mod conflicts;
mod events;
mod holidays;
mod load;
mod pin;
pub(crate) mod pinned;
mod resolve;
mod scan;
mod tense;
mod when;

pub use claim_dates::{DateOffer, claim_date_offers};
pub use conflicts::Conflict;
pub use events::{Deadline, Entry, Event, Origin, Timeline, TimelineFilter, build, of_texts};
pub use load::workspace_timeline;
pub use pin::{pin_history, pin_reading, unpin_reading};
pub use pinned::PINNED;
pub use resolve::Reading;
pub use scan::{Found, find};
pub use when::{Precision, When};

use chrono::NaiveDate;

use crate::text::{Sentence, segment};

/// A dated expression of a whole text, with the sentence that holds it.
/// Offsets are Unicode code points into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The expression as written ("on Tuesday").
    pub expression: String,
    /// Code point offset of the expression in the text.
    pub expression_start: usize,
    /// Code point offset just past the expression.
    pub expression_end: usize,
    /// The sentence that holds it.
    pub sentence: String,
    /// Code point offset of the sentence in the text.
    pub start: usize,
    /// Code point offset just past the sentence.
    pub end: usize,
    /// The span it means.
    pub when: When,
    /// The last day of a range, when it is one.
    pub until: Option<NaiveDate>,
    /// How the span was decided.
    pub reading: Reading,
    /// What else an ambiguous expression may mean.
    pub alternatives: Vec<When>,
}

/// Every dated expression of `text`, placed against `published` (see [`find`]).
///
/// ```
/// use chrono::NaiveDate;
/// use claimdesk_core::timeline::dates_in_text;
/// let published = NaiveDate::from_ymd_opt(2025, 12, 3);
/// let dates = dates_in_text("Talks ended. The envoys met Putin on Tuesday.", published);
/// assert_eq!((dates[0].expression.as_str(), dates[0].when.label()), ("on Tuesday", "2025-12-02".to_string()));
/// assert_eq!(dates[0].start, 13);
/// ```
pub fn dates_in_text(text: &str, published: Option<NaiveDate>) -> Vec<Dated> {
    dates_in_sentences(text, &segment(text), published)
}

/// [`dates_in_text`] for a text already segmented (`sentences` is
/// `segment(text)`), so a caller that needs the sentences too splits once.
pub fn dates_in_sentences(
    text: &str,
    sentences: &[Sentence<'_>],
    published: Option<NaiveDate>,
) -> Vec<Dated> {
    let mut out = Vec::new();
    // Byte offsets become code points, counted once as the sentences go by.
    let (mut byte, mut chars) = (0usize, 0usize);
    let mut to_chars = |at: usize| {
        chars += text[byte..at].chars().count();
        byte = at;
        chars
    };
    for sentence in sentences {
        let found = find(sentence.text, published);
        if found.is_empty() {
            continue;
        }
        let start = to_chars(sentence.start);
        for f in found {
            let expression_start = start + sentence.text[..f.start].chars().count();
            let expression = sentence.text[f.start..f.end].to_owned();
            out.push(Dated {
                expression_end: expression_start + expression.chars().count(),
                expression,
                expression_start,
                sentence: sentence.text.to_owned(),
                start,
                end: start + sentence.text.chars().count(),
                when: f.when,
                until: f.until,
                reading: f.reading,
                alternatives: f.alternatives,
            });
        }
    }
    out
}
