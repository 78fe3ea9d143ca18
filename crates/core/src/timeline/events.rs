//! Events of several texts on one calendar: each dated expression with its
//! sentence and source, entries that merge what several outlets date to the
//! same day and tell alike, and the filters a reader applies.

use chrono::NaiveDate;
use serde::Serialize;

use super::conflicts::{Conflict, Similarity, find_conflicts};
use super::{Dated, Reading, When};

/// One dated expression placed on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Event {
    /// `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`, or `YYYY` for a year or season.
    pub date: String,
    /// `day`, `week`, `month`, `season` or `year`.
    pub precision: String,
    /// The first day of the span, for sorting and ranges.
    #[serde(skip)]
    pub first: NaiveDate,
    /// The last day of the span.
    #[serde(skip)]
    pub last: NaiveDate,
    /// The last day of a range ("from Nov. 27 to Dec. 12").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// The expression as written.
    pub expression: String,
    /// How the date was decided: absolute, relative, past, future, nearest, ambiguous, pinned.
    pub reading: String,
    /// The sentence that holds it.
    pub sentence: String,
    /// Code point offset of the sentence in its text.
    pub start: usize,
    /// Code point offset just past the sentence.
    pub end: usize,
    /// Code point offsets of the expression in its text.
    pub expression_start: usize,
    /// Code point offset just past the expression.
    pub expression_end: usize,
    /// Index of the file among those given, for a timeline of files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<usize>,
    /// The source, for a timeline of the workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The source version whose text holds the sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The outlet that published it, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Other dates an ambiguous expression may mean.
    pub alternatives: Vec<String>,
    /// Every span the expression may mean, the chosen one first (one for an
    /// expression that is not ambiguous): what a pin chooses among.
    #[serde(skip)]
    pub(crate) readings: Vec<When>,
}

/// Where a text on the timeline comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// Index among the files given.
    pub file: Option<usize>,
    /// Source id.
    pub source: Option<String>,
    /// Version id.
    pub version: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
}

impl Event {
    /// The event of one dated expression of a text from `origin`.
    pub fn new(dated: &Dated, origin: &Origin) -> Event {
        Event {
            date: dated.when.label(),
            precision: dated.when.precision.as_str().to_owned(),
            first: dated.when.first,
            last: dated.until.unwrap_or_else(|| dated.when.last()),
            until: dated.until.map(|d| d.format("%Y-%m-%d").to_string()),
            expression: dated.expression.clone(),
            reading: dated.reading.as_str().to_owned(),
            sentence: dated.sentence.clone(),
            start: dated.start,
            end: dated.end,
            expression_start: dated.expression_start,
            expression_end: dated.expression_end,
            file: origin.file,
            source: origin.source.clone(),
            version: origin.version.clone(),
            outlet: origin.outlet.clone(),
            alternatives: dated.alternatives.iter().map(|w| w.label()).collect(),
            readings: std::iter::once(dated.when)
                .chain(dated.alternatives.iter().copied())
                .collect(),
        }
    }

    /// True when the date was decided as ambiguous.
    pub fn is_ambiguous(&self) -> bool {
        self.reading == Reading::Ambiguous.as_str()
    }

    /// True when a checker pinned one of its readings.
    pub fn is_pinned(&self) -> bool {
        self.reading == super::pinned::PINNED
    }

    /// Which text it comes from: its source, else its file.
    pub(crate) fn text_key(&self) -> (Option<&str>, Option<usize>) {
        (self.source.as_deref(), self.file)
    }
}

/// Events several outlets date to the same day and tell alike: one line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Entry {
    /// The date all its events carry.
    pub date: String,
    /// Indexes into the timeline's events, one per outlet's wording.
    pub events: Vec<usize>,
}

/// What to keep of a timeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineFilter {
    /// Only events whose span ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Only events whose span starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Only events of this outlet (compared without case).
    pub outlet: Option<String>,
    /// Only events that are part of a conflict.
    pub only_conflicts: bool,
}

impl TimelineFilter {
    /// Refuses a range that ends before it starts: it would keep nothing,
    /// and the checker most likely swapped the two days.
    pub fn check(&self) -> crate::error::Result<()> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from > to => Err(crate::error::Error::Invalid(format!(
                "the range starts on {from}, after its end on {to}: give the earlier day first"
            ))),
            _ => Ok(()),
        }
    }
}

/// Events in calendar order, the entries merging them and the conflicts between them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Timeline {
    /// Sorted by first day, then by text and position.
    pub events: Vec<Event>,
    /// The same event told alike by several outlets on the same day; every event is in one entry.
    pub entries: Vec<Entry>,
    /// The same event put on different days.
    pub conflicts: Vec<Conflict>,
    /// Claims whose event date (a deadline) is set, by that date; filled by
    /// the workspace timeline.
    pub deadlines: Vec<Deadline>,
}

/// A claim's event date on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Deadline {
    /// The claim's id.
    pub claim: String,
    /// What the claim says.
    pub statement: String,
    /// Its event date, `YYYY-MM-DD`.
    pub date: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// Indexes of events in the claim's evidence sources dated after it: what
    /// the sources say once the deadline has passed.
    pub later: Vec<usize>,
}

/// The timeline of texts given with their publication days (files, not sources).
pub fn of_texts(texts: &[(&str, Option<NaiveDate>)], filter: &TimelineFilter) -> Timeline {
    let events = texts
        .iter()
        .enumerate()
        .flat_map(|(file, (text, published))| {
            let origin = Origin {
                file: Some(file),
                ..Origin::default()
            };
            super::dates_in_text(text, *published)
                .iter()
                .map(|d| Event::new(d, &origin))
                .collect::<Vec<_>>()
        })
        .collect();
    build(events, filter)
}

/// Builds the timeline of `events`: sorts them, keeps those `filter` lets
/// through, merges alike events of one day across texts and finds conflicts.
pub fn build(mut events: Vec<Event>, filter: &TimelineFilter) -> Timeline {
    events.retain(|e| {
        filter.from.is_none_or(|from| e.last >= from)
            && filter.to.is_none_or(|to| e.first <= to)
            && filter.outlet.as_deref().is_none_or(|o| {
                e.outlet
                    .as_deref()
                    .is_some_and(|eo| eo.eq_ignore_ascii_case(o.trim()))
            })
    });
    events.sort_by(|a, b| {
        (
            a.first,
            &a.precision,
            a.text_key(),
            a.start,
            a.expression_start,
        )
            .cmp(&(
                b.first,
                &b.precision,
                b.text_key(),
                b.start,
                b.expression_start,
            ))
    });
    let similarity = Similarity::new(&events);
    let mut conflicts = find_conflicts(&events, &similarity);
    if filter.only_conflicts {
        let mut keep: Vec<usize> = conflicts.iter().flat_map(|c| c.events.clone()).collect();
        keep.sort_unstable();
        keep.dedup();
        let renumber = |old: usize| keep.binary_search(&old).unwrap_or(0);
        for c in &mut conflicts {
            for e in &mut c.events {
                *e = renumber(*e);
            }
        }
        events = keep.iter().map(|&i| events[i].clone()).collect();
        let similarity = Similarity::new(&events);
        let entries = merge(&events, &similarity);
        return Timeline {
            events,
            entries,
            conflicts,
            deadlines: Vec::new(),
        };
    }
    let entries = merge(&events, &similarity);
    Timeline {
        events,
        entries,
        conflicts,
        deadlines: Vec::new(),
    }
}

/// Groups events of one date from different texts whose sentences align.
fn merge(events: &[Event], similarity: &Similarity<'_>) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let day_end = (i..events.len())
            .find(|&k| {
                events[k].date != events[i].date || events[k].precision != events[i].precision
            })
            .unwrap_or(events.len());
        let mut taken = vec![false; day_end - i];
        for a in i..day_end {
            if taken[a - i] {
                continue;
            }
            let mut entry = Entry {
                date: events[a].date.clone(),
                events: vec![a],
            };
            for b in a + 1..day_end {
                let other_text = entry
                    .events
                    .iter()
                    .all(|&e| events[e].text_key() != events[b].text_key());
                if !taken[b - i] && other_text && similarity.alike(a, b) {
                    taken[b - i] = true;
                    entry.events.push(b);
                }
            }
            entries.push(entry);
        }
        i = day_end;
    }
    entries
}
