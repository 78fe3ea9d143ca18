//! `claimdesk timeline`: the dated events of files (with their publication
//! day) or of the workspace's sources, on one calendar, with conflicts.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::ingest::text::read_utf8_file;
use claimdesk_core::timeline::{Timeline, TimelineFilter, of_texts, workspace_timeline};

use crate::timeline_pin_cmd::TimelinePinCommand;
use crate::{Context, args, output};

/// Arguments of `claimdesk timeline`.
#[derive(Debug, Clone, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct TimelineArgs {
    /// Pin a reading of an ambiguous expression, unpin it, or see the pins made
    #[command(subcommand)]
    pub pin: Option<TimelinePinCommand>,
    /// Text files (with --published) or source ids; none: every source of the workspace
    #[arg(value_name = "FILE|SOURCE")]
    pub inputs: Vec<String>,
    /// Publication day of the FILEs, against which "on Tuesday" or "last week" is placed
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub published: Option<NaiveDate>,
    /// Only events on or after this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub from: Option<NaiveDate>,
    /// Only events on or before this day
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = args::date)]
    pub to: Option<NaiveDate>,
    /// Only events that two sources date apart
    #[arg(long)]
    pub conflicts: bool,
    /// Only events of this outlet
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
    /// Only sources linked as evidence to claims with this tag, and those claims' deadlines
    #[arg(long, value_name = "TAG")]
    pub tag: Option<String>,
}

pub fn run(ctx: &Context, a: TimelineArgs, out: &mut impl Write) -> Result<(), Error> {
    if let Some(cmd) = a.pin {
        return crate::timeline_pin_cmd::run(ctx, cmd, out);
    }
    let filter = TimelineFilter {
        from: a.from,
        to: a.to,
        outlet: a.outlet.clone(),
        only_conflicts: a.conflicts,
    };
    filter.check()?;
    let timeline = if a.published.is_some() {
        if a.inputs.is_empty() {
            return Err(Error::Invalid(
                "--published dates files: name the text FILEs after it".into(),
            ));
        }
        if a.tag.is_some() {
            return Err(Error::Invalid(
                "--tag filters the workspace's sources; it does not apply to FILEs".into(),
            ));
        }
        let texts = a
            .inputs
            .iter()
            .map(|f| read_utf8_file(&PathBuf::from(f)))
            .collect::<Result<Vec<String>, Error>>()?;
        let with_days: Vec<(&str, Option<NaiveDate>)> =
            texts.iter().map(|t| (t.as_str(), a.published)).collect();
        of_texts(&with_days, &filter)
    } else {
        crate::compare_input::files_or_source_ids(&a.inputs)?;
        if let Some(file) = a.inputs.iter().find(|i| std::path::Path::new(i).is_file()) {
            return Err(Error::Invalid(format!(
                "{file} is a file: give its publication day with --published YYYY-MM-DD"
            )));
        }
        workspace_timeline(&ctx.open()?, &a.inputs, &filter, a.tag.as_deref())?
    };
    if ctx.json {
        return output::json(out, &timeline);
    }
    print_text(out, &timeline)
}

fn print_text(out: &mut impl Write, t: &Timeline) -> Result<(), Error> {
    let conflicted: Vec<usize> = t.conflicts.iter().flat_map(|c| c.events.clone()).collect();
    let mut last_date = "";
    for entry in &t.entries {
        if entry.date != last_date {
            writeln!(out, "{}", entry.date).map_err(output::write_failed)?;
            last_date = &entry.date;
        }
        for &i in &entry.events {
            let e = &t.events[i];
            let mut flag = if conflicted.contains(&i) {
                " [conflict]".to_owned()
            } else {
                String::new()
            };
            if !e.alternatives.is_empty() {
                // What `timeline pin` needs: the other readings and where the expression starts.
                flag.push_str(&format!(
                    " [also {}; starts at {}]",
                    e.alternatives.join(", "),
                    e.expression_start
                ));
            }
            writeln!(
                out,
                "  {}: {:?} ({}){flag}\n    {}",
                output::escaped(e.outlet.as_deref().unwrap_or("file")),
                output::escaped(&e.expression),
                e.reading,
                output::one_line(&e.sentence, 100)
            )
            .map_err(output::write_failed)?;
        }
    }
    for d in &t.deadlines {
        writeln!(
            out,
            "{} deadline: {}",
            d.date,
            output::one_line(&d.statement, 100)
        )
        .map_err(output::write_failed)?;
    }
    for c in &t.conflicts {
        writeln!(out, "conflict: {}", c.why).map_err(output::write_failed)?;
    }
    Ok(())
}
