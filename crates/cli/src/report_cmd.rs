//! `claimdesk report …`

use std::path::PathBuf;

use claimdesk_core::Error;
use claimdesk_core::report::{self, ReportFormat, ReportRequest, Selection};
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

pub fn run_report(ctx: &Context, args: ReportArgs) -> Result<(), Error> {
    let ws = ctx.open()?;
    let report = report::export(
        &ws,
        &ReportRequest {
            format: args.format,
            selection: args.selection.selection(),
        },
    )?;
    let Some(path) = args.output else {
        print!("{}", report.content);
        return Ok(());
    };
    report.save(&path)?;
    if ctx.json {
        return output::json(&serde_json::json!({
            "path": path,
            "format": report.format,
            "claims": report.claim_count,
        }));
    }
    eprintln!(
        "wrote {} claim{} to {}",
        report.claim_count,
        if report.claim_count == 1 { "" } else { "s" },
        path.display()
    );
    Ok(())
}
