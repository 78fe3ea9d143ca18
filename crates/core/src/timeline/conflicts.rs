//! Conflicts: the same event (sentences of two texts that align, as the
//! comparison of outlets pairs them) put on different days.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::events::Event;
use crate::compare::align::{MIN_SCORE, Side, Vocab, Weights};
use crate::text::Sentence;

/// Furthest apart, in days, that two datings of one event are looked for.
const CONFLICT_WINDOW_DAYS: i64 = 7;

/// One event dated apart by two texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conflict {
    /// Indexes into the timeline's events: the two datings.
    pub events: Vec<usize>,
    /// Why they are one event on two days.
    pub why: String,
}

/// How alike the sentences of a timeline's events are, by the features and
/// weights sentence alignment uses.
pub(crate) struct Similarity<'a> {
    side: Side<'a>,
    weights: Weights,
}

impl<'a> Similarity<'a> {
    pub fn new(events: &'a [Event]) -> Similarity<'a> {
        let mut vocab = Vocab::default();
        let sentences = events
            .iter()
            .enumerate()
            .map(|(index, e)| Sentence {
                index,
                text: &e.sentence,
                start: 0,
                end: e.sentence.len(),
            })
            .collect();
        let side = Side::for_alignment(sentences, &mut vocab);
        let weights = Weights::new(vocab.len(), &[&side]);
        Similarity { side, weights }
    }

    /// True when the sentences of events `a` and `b` tell the same thing.
    pub fn alike(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.side.feats[a], &self.side.feats[b]);
        !fa.is_empty() && !fb.is_empty() && self.weights.score(fa, fb) >= MIN_SCORE
    }
}

/// Pairs of day events from different texts, at most a week apart, whose
/// sentences align but whose days differ. `events` are sorted by first day.
pub(crate) fn find_conflicts(events: &[Event], similarity: &Similarity<'_>) -> Vec<Conflict> {
    let days: Vec<usize> = (0..events.len())
        .filter(|&i| events[i].precision == "day" && events[i].until.is_none())
        .collect();
    // The days each sentence names: an aligned sentence that names a day too
    // tells that day, so its other dates are other events, not a conflict.
    let named: HashSet<(Option<&str>, Option<usize>, usize, NaiveDate)> = days
        .iter()
        .map(|&i| {
            let (source, file) = events[i].text_key();
            (source, file, events[i].start, events[i].first)
        })
        .collect();
    let names = |e: &Event, day: NaiveDate| {
        let (source, file) = e.text_key();
        named.contains(&(source, file, e.start, day))
    };
    let mut conflicts = Vec::new();
    for (k, &a) in days.iter().enumerate() {
        for &b in &days[k + 1..] {
            let (ea, eb) = (&events[a], &events[b]);
            if (eb.first - ea.first).num_days() > CONFLICT_WINDOW_DAYS {
                break;
            }
            if ea.first == eb.first
                || ea.text_key() == eb.text_key()
                || names(eb, ea.first)
                || names(ea, eb.first)
                || !similarity.alike(a, b)
            {
                continue;
            }
            conflicts.push(Conflict {
                events: vec![a, b],
                why: format!("same event, dated {} and {}", ea.date, eb.date),
            });
        }
    }
    conflicts
}
