//! `claimdesk scale …`

use claimdesk_core::Error;
use clap::Subcommand;

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

pub fn run_scale(ctx: &Context, cmd: ScaleCommand) -> Result<(), Error> {
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
            output::json(&v)
        } else {
            println!(
                "{}  {}  {}",
                v.key,
                v.label,
                v.rating.map_or("-".into(), |r| r.to_string())
            );
            Ok(())
        };
    }
    let list = scale.list()?;
    if ctx.json {
        return output::json(&list);
    }
    for v in &list {
        println!(
            "{:<14} {:<14} {}",
            v.key,
            v.label,
            v.rating.map_or("-".into(), |r| format!("{r}/5"))
        );
    }
    Ok(())
}
