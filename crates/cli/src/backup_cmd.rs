//! `claimdesk backup [-o FILE]`

use std::io::Write;
use std::path::PathBuf;

use claimdesk_core::Error;
use clap::Args;

use crate::output::outln;
use crate::{Context, output};

#[derive(Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist) [default: beside the workspace, named with the moment]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: BackupArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let dest = ws.backup(args.output.as_deref())?;
    if ctx.json {
        return output::json(out, &serde_json::json!({ "path": dest, "verified": true }));
    }
    outln!(out, "{}", output::escaped(&dest.display().to_string()))?;
    eprintln!("backed up the workspace and checked the copy; open it with --db to use it");
    Ok(())
}
