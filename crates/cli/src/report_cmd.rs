//! `claimdesk report …`

use std::io::Write;
use std::path::PathBuf;

use claimdesk_core::Error;
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
use claimdesk_core::save::SaveRules;
use clap::Args;

use crate::{Context, output};

#[derive(Args)]
pub struct ReportArgs {
    /// md, html, csv, json or claimreview
    #[arg(long, short, value_parser = parse_format, value_name = "FORMAT")]
    format: ReportFormat,
    #[command(flatten)]
    selection: SelectionArgs,
    /// Write to this file instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    force: ForceArg,
}

/// Leave to replace another SQLite file with the output file.
#[derive(Args)]
pub struct ForceArg {
    /// Replace the --output file even when it holds an SQLite database
    /// (never the workspace in use)
    #[arg(long, requires = "output")]
    force: bool,
}

impl ForceArg {
    /// What saving to the --output file must leave alone.
    pub fn rules<'a>(&self, ws: &'a claimdesk_core::Workspace) -> SaveRules<'a> {
        SaveRules {
            workspace: Some(ws.path()),
            force: self.force,
            force_hint: Some("--force"),
        }
    }
}

/// Which claims: all of them unless narrowed (every given filter must hold).
#[derive(Args)]
pub struct SelectionArgs {
    /// Only claims with this tag
    #[arg(long)]
    tag: Option<String>,
    /// Only claims with this verdict (key or label)
    #[arg(long)]
    verdict: Option<String>,
    /// Only these claims (id or unique prefix; repeat for more)
    #[arg(long = "claim", value_name = "ID")]
    claims: Vec<String>,
}

impl SelectionArgs {
    pub fn selection(&self) -> Selection {
        Selection {
            tag: self.tag.clone(),
            verdict: self.verdict.clone(),
            claims: self.claims.clone(),
        }
    }
}

fn parse_format(s: &str) -> Result<ReportFormat, String> {
    s.parse::<ReportFormat>().map_err(|e| e.to_string())
}

pub fn run_report(ctx: &Context, args: ReportArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let report = report::export(
        &ws,
        &ReportRequest {
            format: args.format,
            selection: args.selection.selection(),
        },
    )?;
    let Some(path) = args.output else {
        return write!(out, "{}", report.content).map_err(output::write_failed);
    };
    report.save(&path, args.force.rules(&ws))?;
    if ctx.json {
        return output::json(
            out,
            &serde_json::json!({
                "path": path,
                "format": report.format,
                "claims": report.claim_count,
            }),
        );
    }
    eprintln!(
        "wrote {} claim{} to {}",
        report.claim_count,
        if report.claim_count == 1 { "" } else { "s" },
        path.display()
    );
    Ok(())
}
