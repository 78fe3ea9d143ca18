//! Pinning one reading of an ambiguous dated expression in the workspace,
//! unpinning it, and the history of both.

use super::events::Event;
use super::pinned::{apply, pin_for};
use crate::error::{Error, Result};
use crate::store::date_pins::{self, DatePin, NewPin};
use crate::store::version_dates::latest_events;
use crate::workspace::Workspace;

/// Pins `date` (as the timeline writes it, e.g. `2025-11-29`) as the reading
/// of the ambiguous expression starting at code point `expression_start` of
/// the latest version of `source`. Only one of the expression's own readings
/// can be pinned: the timeline shows what the sources say, and a day no
/// reading gives is a correction for a claim's note, not for the source.
/// Returns the event as the timeline now shows it.
pub fn pin_reading(
    ws: &Workspace,
    source: &str,
    expression_start: usize,
    date: &str,
    note: Option<&str>,
) -> Result<Event> {
    let (events, index) = find(ws, source, expression_start)?;
    let event = &events[index];
    if event.readings.len() < 2 {
        return Err(Error::Invalid(format!(
            "\"{}\" is read as {} ({}) and has no other reading: only an ambiguous expression can be pinned",
            event.expression, event.reading, event.date
        )));
    }
    let date = date.trim();
    let Some(when) = event.readings.iter().copied().find(|w| w.label() == date) else {
        let readings: Vec<String> = event.readings.iter().map(|w| w.label()).collect();
        return Err(Error::Invalid(format!(
            "{date} is not a reading of \"{}\": pin one of {}",
            event.expression,
            readings.join(", ")
        )));
    };
    let pins = date_pins::holding(ws.conn(), std::slice::from_ref(&source_of(event)))?;
    let previous = pin_for(&events, index, &pins).map(|p| p.when);
    if previous != Some(when) {
        ws.write(|conn| {
            date_pins::append(
                conn,
                &NewPin {
                    source: &source_of(event),
                    version: event.version.as_deref().unwrap_or_default(),
                    expression: &event.expression,
                    sentence: &event.sentence,
                    pinned: Some(when),
                    previous,
                    actor: ws.actor(),
                    note,
                },
            )
        })?;
    }
    shown(ws, source, expression_start)
}

/// Takes the pin off the expression starting at `expression_start` of the
/// latest version of `source`, so every reading stands again.
pub fn unpin_reading(
    ws: &Workspace,
    source: &str,
    expression_start: usize,
    note: Option<&str>,
) -> Result<Event> {
    let (events, index) = find(ws, source, expression_start)?;
    let event = &events[index];
    let pins = date_pins::holding(ws.conn(), std::slice::from_ref(&source_of(event)))?;
    let Some(pin) = pin_for(&events, index, &pins) else {
        return Err(Error::Invalid(format!(
            "\"{}\" at {expression_start} is not pinned: nothing to unpin",
            event.expression
        )));
    };
    ws.write(|conn| {
        // The unpin is written for the pin that held, which may have been made
        // for the sentence as an earlier version worded it.
        date_pins::append(
            conn,
            &NewPin {
                source: &pin.source,
                version: event.version.as_deref().unwrap_or_default(),
                expression: &pin.expression,
                sentence: &pin.sentence,
                pinned: None,
                previous: Some(pin.when),
                actor: ws.actor(),
                note,
            },
        )
    })?;
    shown(ws, source, expression_start)
}

/// Every pin and unpin made on `source`'s expressions, oldest first.
pub fn pin_history(ws: &Workspace, source: &str) -> Result<Vec<DatePin>> {
    let id = ws.sources().resolve(source)?;
    date_pins::history(ws.conn(), &id)
}

/// The events of the latest version of `source` as stored (no pins applied)
/// and the index of the one starting at `expression_start`.
fn find(ws: &Workspace, source: &str, expression_start: usize) -> Result<(Vec<Event>, usize)> {
    let id = ws.sources().resolve(source)?;
    let events = latest_events(ws.conn(), std::slice::from_ref(&id))?;
    let index = events
        .iter()
        .position(|e| e.expression_start == expression_start)
        .ok_or_else(|| {
            let short: String = id.chars().take(8).collect();
            let starts: Vec<String> = events
                .iter()
                .filter(|e| e.readings.len() > 1)
                .take(10)
                .map(|e| format!("{} (\"{}\")", e.expression_start, e.expression))
                .collect();
            let hint = if starts.is_empty() {
                "it has no ambiguous dated expression".to_owned()
            } else {
                format!("its ambiguous ones start at {}", starts.join(", "))
            };
            Error::NotFound(format!(
                "no dated expression starts at {expression_start} in the latest version of source {short}; {hint}"
            ))
        })?;
    Ok((events, index))
}

/// The event starting at `expression_start` with the pins that hold applied.
fn shown(ws: &Workspace, source: &str, expression_start: usize) -> Result<Event> {
    let (mut events, index) = find(ws, source, expression_start)?;
    let pins = date_pins::holding(ws.conn(), std::slice::from_ref(&source_of(&events[index])))?;
    apply(&mut events, &pins);
    Ok(events.swap_remove(index))
}

fn source_of(event: &Event) -> String {
    event.source.clone().unwrap_or_default()
}
