//! `claimdesk scale …` and `claimdesk settings …`

use std::io::Write;

use claimdesk_core::Error;
use clap::Subcommand;

use crate::output::outln;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum ScaleCommand {
    /// List the verdicts a claim may hold
    List,
    /// Add a verdict at the end of the scale
    Add {
        /// Stable key, e.g. mostly_false
        key: String,
        /// What people read, e.g. "Mostly false"
        label: String,
        /// Truth rating 1 (false) to 5 (true); leave out for workflow states
        #[arg(long)]
        rating: Option<u8>,
    },
    /// Rename a verdict and set its truth rating
    Update {
        /// Key or label of the verdict
        verdict: String,
        label: String,
        #[arg(long)]
        rating: Option<u8>,
    },
}

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the workspace settings
    Show,
    /// Set one setting (an empty value clears it)
    Set { key: String, value: String },
}

pub fn run_scale(ctx: &Context, cmd: ScaleCommand, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let scale = ws.scale();
    let changed = match cmd {
        ScaleCommand::List => None,
        ScaleCommand::Add { key, label, rating } => Some(scale.add(&key, &label, rating)?),
        ScaleCommand::Update {
            verdict,
            label,
            rating,
        } => Some(scale.update(&verdict, &label, rating)?),
    };
    if let Some(v) = changed {
        return if ctx.json {
            output::json(out, &v)
        } else {
            outln!(
                out,
                "{}  {}  {}",
                output::escaped(&v.key),
                output::escaped(&v.label),
                v.rating.map_or("-".into(), |r| r.to_string())
            )?;
            Ok(())
        };
    }
    let list = scale.list()?;
    if ctx.json {
        return output::json(out, &list);
    }
    for v in &list {
        outln!(
            out,
            "{:<14} {:<14} {}",
            output::escaped(&v.key),
            output::escaped(&v.label),
            v.rating.map_or("-".into(), |r| format!("{r}/5"))
        )?;
    }
    Ok(())
}

pub fn run_settings(
    ctx: &Context,
    cmd: SettingsCommand,
    out: &mut impl Write,
) -> Result<(), Error> {
    let ws = ctx.open()?;
    if let SettingsCommand::Set { key, value } = &cmd {
        ws.settings().set(key, value)?;
    }
    let s = ws.settings().get()?;
    if ctx.json {
        return output::json(out, &s);
    }
    let show = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "(unset)".into(), |v| output::escaped(v).into_owned())
    };
    outln!(out, "user             {}", show(&s.user))?;
    outln!(out, "publisher        {}", show(&s.publisher))?;
    outln!(out, "report_base_url  {}", show(&s.report_base_url))?;
    Ok(())
}
