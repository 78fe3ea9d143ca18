//! Pinned readings put on the events they were made for. A pin names its
//! expression by source, wording and sentence, so it still finds the
//! expression in a later version of the source: in the same sentence, or,
//! when that sentence was reworded, the one expression of that wording whose
//! readings still hold the pinned span.

use super::events::Event;
use super::when::When;

/// A pin as the timeline applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pin {
    /// Order of writing: a later pin of the same event wins.
    pub seq: i64,
    pub source: String,
    pub expression: String,
    pub sentence: String,
    /// The span pinned.
    pub when: When,
}

/// The reading of an event whose span a checker pinned.
pub const PINNED: &str = "pinned";

/// The pin that holds for `events[index]`, if any: the latest one made for
/// its sentence, else the latest one made for its wording elsewhere when no
/// other event of its text has that wording.
pub(crate) fn pin_for<'p>(events: &[Event], index: usize, pins: &'p [Pin]) -> Option<&'p Pin> {
    let event = &events[index];
    let source = event.source.as_deref()?;
    if event.readings.len() < 2 {
        return None;
    }
    let candidates = || {
        pins.iter().rev().filter(move |p| {
            p.source == source
                && p.expression == event.expression
                && event.readings.contains(&p.when)
        })
    };
    if let Some(exact) = candidates().find(|p| p.sentence == event.sentence) {
        return Some(exact);
    }
    let same_wording = events
        .iter()
        .filter(|e| e.source.as_deref() == Some(source) && e.expression == event.expression)
        .count();
    if same_wording == 1 {
        return candidates().next();
    }
    None
}

/// Puts every pin that holds on its event.
pub(crate) fn apply(events: &mut [Event], pins: &[Pin]) {
    if pins.is_empty() {
        return;
    }
    let chosen: Vec<Option<When>> = (0..events.len())
        .map(|i| pin_for(events, i, pins).map(|p| p.when))
        .collect();
    for (event, when) in events.iter_mut().zip(chosen) {
        if let Some(when) = when {
            set_reading(event, when);
        }
    }
}

/// Makes `when` (one of its readings) the event's date; the others stay as alternatives.
fn set_reading(event: &mut Event, when: When) {
    event.date = when.label();
    event.precision = when.precision.as_str().to_owned();
    event.first = when.first;
    event.last = when.last();
    event.reading = PINNED.to_owned();
    event.alternatives = event
        .readings
        .iter()
        .filter(|w| **w != when)
        .map(When::label)
        .collect();
}
