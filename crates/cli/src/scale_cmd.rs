//! `claimdesk scale …`

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::store::RatingChange;
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
    /// Rename a verdict; its truth rating stays unless --rating or --no-rating is given
    Update {
        /// Key or label of the verdict
        verdict: String,
        /// The new label (give the current one to change only the rating)
        label: String,
        /// New truth rating 1 (false) to 5 (true)
        #[arg(long)]
        rating: Option<u8>,
        /// Remove the truth rating, making the verdict a workflow state
        #[arg(long, conflicts_with = "rating")]
        no_rating: bool,
    },
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
            no_rating,
        } => {
            let change = if no_rating {
                RatingChange::Clear
            } else {
                RatingChange::from(rating)
            };
            Some(scale.update(&verdict, &label, change)?)
        }
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
