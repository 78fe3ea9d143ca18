//! `claimdesk bundle …`: a workspace, or part of it, as one JSON file.

use std::io::Write;
use std::path::PathBuf;

use claimdesk_core::Error;
use claimdesk_core::exchange::bundle;
use clap::Subcommand;

use crate::import_cmd::read_input;
use crate::report_cmd::{ForceArg, SelectionArgs};
use crate::{Context, output};

#[derive(Subcommand)]
pub enum BundleCommand {
    /// Write every claim (with history), source (with versions) and passage to one JSON file
    Export {
        #[command(flatten)]
        selection: SelectionArgs,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        force: ForceArg,
    },
    /// Bring a bundle into this workspace, keeping ids; the newer copy of a claim wins
    Import {
        /// The bundle file; - reads standard input
        file: PathBuf,
    },
}

pub fn run(ctx: &Context, cmd: BundleCommand, out: &mut impl Write) -> Result<(), Error> {
    match cmd {
        BundleCommand::Export {
            selection,
            output,
            force,
        } => {
            let ws = ctx.open()?;
            let bundle = bundle::export_bundle(&ws, &selection.selection())?;
            let text = bundle::bundle_to_json(&bundle)?;
            match output {
                None => write!(out, "{text}").map_err(output::write_failed)?,
                Some(path) => {
                    claimdesk_core::save::save_text(&path, &text, force.rules(&ws))?;
                    if ctx.json {
                        return output::json(
                            out,
                            &serde_json::json!({
                                "path": path,
                                "claims": bundle.claims.len(),
                                "sources": bundle.sources.len(),
                                "evidence": bundle.evidence.len(),
                            }),
                        );
                    }
                    eprintln!(
                        "wrote {} claims, {} sources and {} passages to {}",
                        bundle.claims.len(),
                        bundle.sources.len(),
                        bundle.evidence.len(),
                        path.display()
                    );
                }
            }
            Ok(())
        }
        BundleCommand::Import { file } => {
            let text = read_input(&file)?;
            let ws = ctx.open()?;
            let r = bundle::import_bundle(&ws, &text)?;
            if ctx.json {
                return output::json(out, &r);
            }
            if !r.changed() {
                eprintln!(
                    "nothing to import: this workspace already holds everything in the bundle"
                );
                return Ok(());
            }
            eprintln!(
                "claims: {} added, {} updated from the bundle, {} kept (newer here); \
                 {} history entries; sources: {} added, {} versions; passages: {} added, {} updated; verdicts: {} added; merges: {} changed; reviews: {} added; date pins: {} added",
                r.claims_added,
                r.claims_updated,
                r.claims_kept,
                r.history_added,
                r.sources_added,
                r.versions_added,
                r.evidence_added,
                r.evidence_updated,
                r.verdicts_added,
                r.merges_changed,
                r.reviews_added,
                r.date_pins_added
            );
            Ok(())
        }
    }
}
