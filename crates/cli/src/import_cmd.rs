//! `claimdesk import claimreview …`, and reading an input file or standard input

use std::io::Write;
use std::path::{Path, PathBuf};

use claimdesk_core::Error;
use claimdesk_core::exchange;
use clap::Subcommand;

use crate::output::outln;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import schema.org ClaimReview JSON-LD (one object, an array, or an @graph) as claims
    Claimreview {
        /// The JSON-LD file; - reads standard input
        file: PathBuf,
    },
}

pub fn run_import(ctx: &Context, cmd: ImportCommand, out: &mut impl Write) -> Result<(), Error> {
    let ImportCommand::Claimreview { file } = cmd;
    let text = read_input(&file)?;
    let ws = ctx.open()?;
    let result = exchange::import_claimreview(&ws, &text)?;
    if ctx.json {
        return output::json(out, &result);
    }
    for id in &result.added {
        outln!(out, "{id}")?;
    }
    eprintln!(
        "imported {} claim{}; {} already imported; {} with a rating not on the scale (tagged imported-unmapped)",
        result.added.len(),
        if result.added.len() == 1 { "" } else { "s" },
        result.already_imported.len(),
        result.unmapped.len()
    );
    Ok(())
}

/// Reads a file as UTF-8 text; `-` reads standard input.
pub fn read_input(path: &Path) -> Result<String, Error> {
    if path.as_os_str() == "-" {
        return std::io::read_to_string(std::io::stdin())
            .map_err(|e| Error::io("cannot read standard input", e));
    }
    std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("cannot read {}", path.display()), e))
}
