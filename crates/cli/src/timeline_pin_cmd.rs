//! `claimdesk timeline pin | unpin | pins`: choosing one reading of an
//! ambiguous dated expression of a source, taking it back, and the history.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::timeline::{Event, pin_history, pin_reading, unpin_reading};

use crate::{Context, output};

/// What `claimdesk timeline` does besides showing the timeline.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum TimelinePinCommand {
    /// Pin one reading of an ambiguous expression (one of its date and alternatives)
    Pin {
        /// Source id or prefix
        source: String,
        /// Code point offset of the expression in the source's latest version (expression_start)
        expression_start: usize,
        /// The reading to pin, as the timeline writes it (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY)
        date: String,
        /// Why, kept in the history
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Take the pin off an expression, so every reading stands again
    Unpin {
        /// Source id or prefix
        source: String,
        /// Code point offset of the expression in the source's latest version (expression_start)
        expression_start: usize,
        /// Why, kept in the history
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Every pin and unpin made on a source's expressions, oldest first
    Pins {
        /// Source id or prefix
        source: String,
    },
}

pub fn run(ctx: &Context, cmd: TimelinePinCommand, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    match cmd {
        TimelinePinCommand::Pin {
            source,
            expression_start,
            date,
            note,
        } => {
            let event = pin_reading(&ws, &source, expression_start, &date, note.as_deref())?;
            shown(ctx, out, &event)
        }
        TimelinePinCommand::Unpin {
            source,
            expression_start,
            note,
        } => {
            let event = unpin_reading(&ws, &source, expression_start, note.as_deref())?;
            shown(ctx, out, &event)
        }
        TimelinePinCommand::Pins { source } => {
            let history = pin_history(&ws, &source)?;
            if ctx.json {
                return output::json(out, &history);
            }
            for h in &history {
                let change = match (&h.previous, &h.pinned) {
                    (_, Some(new)) => format!("pinned {new}"),
                    (Some(old), None) => format!("unpinned {old}"),
                    (None, None) => "unpinned".to_owned(),
                };
                writeln!(
                    out,
                    "{} {}: {:?} {change}{}",
                    h.at,
                    output::escaped(&h.actor),
                    output::escaped(&h.expression),
                    h.note
                        .as_deref()
                        .map(|n| format!(" ({})", output::one_line(n, 80)))
                        .unwrap_or_default()
                )
                .map_err(output::write_failed)?;
            }
            Ok(())
        }
    }
}

fn shown(ctx: &Context, out: &mut impl Write, e: &Event) -> Result<(), Error> {
    if ctx.json {
        return output::json(out, e);
    }
    let others = if e.alternatives.is_empty() {
        String::new()
    } else {
        format!(" (also read as {})", e.alternatives.join(", "))
    };
    writeln!(
        out,
        "{:?} is {} ({}){others}",
        output::escaped(&e.expression),
        e.date,
        e.reading
    )
    .map_err(output::write_failed)
}
