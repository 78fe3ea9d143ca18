//! `claimdesk anchor FILE --exact Q …`: finds a W3C TextQuote/TextPosition
//! selector in a text file. A pure function of the file and the flags; no
//! workspace is opened.

use std::io::Write;
use std::path::PathBuf;

use claimdesk_core::Error;
use claimdesk_core::anchor::{FindStatus, Method, Selector, find};
use clap::Args;
use serde::Serialize;

use crate::output::{self, outln};

#[derive(Args)]
pub struct AnchorArgs {
    /// A UTF-8 text file; offsets count its code points
    file: PathBuf,
    /// The passage's words (TextQuoteSelector exact)
    #[arg(long)]
    exact: String,
    /// Text just before the passage (TextQuoteSelector prefix)
    #[arg(long, default_value = "")]
    prefix: String,
    /// Text just after the passage (TextQuoteSelector suffix)
    #[arg(long, default_value = "")]
    suffix: String,
    /// Code point offset where the passage started (TextPositionSelector start)
    #[arg(long, requires = "end")]
    start: Option<u32>,
    /// Code point offset just past the passage (TextPositionSelector end)
    #[arg(long, requires = "start")]
    end: Option<u32>,
    /// Code point offset near which the passage is expected; breaks ties only
    #[arg(long)]
    hint: Option<u32>,
}

/// The JSON the command prints: the contract, plus the new context.
#[derive(Serialize)]
struct Anchored<'a> {
    start: u32,
    end: u32,
    exact: &'a str,
    score: f64,
    method: Method,
    status: FindStatus,
    prefix: &'a str,
    suffix: &'a str,
}

pub fn run(args: AnchorArgs, json: bool, out: &mut impl Write) -> Result<(), Error> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Error::io(format!("cannot read {}", args.file.display()), e))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Error::Invalid(format!(
            "{} is not UTF-8 text; convert it to UTF-8 first",
            args.file.display()
        ))
    })?;
    let selector = Selector {
        exact: args.exact,
        prefix: args.prefix,
        suffix: args.suffix,
        position: args.start.zip(args.end),
    };
    let found = find(&text, &selector, args.hint)?;
    let a = &found.anchor;
    if json {
        return output::json(
            out,
            &Anchored {
                start: a.start,
                end: a.end,
                exact: &a.exact,
                score: (found.score * 1000.0).round() / 1000.0,
                method: found.method,
                status: found.status,
                prefix: &a.prefix,
                suffix: &a.suffix,
            },
        );
    }
    outln!(
        out,
        "{}..{}\t{}\t{}\t{:.3}\t{}",
        a.start,
        a.end,
        method_name(found.method),
        match found.status {
            FindStatus::Anchored => "anchored",
            FindStatus::NeedsReview => "needs_review",
        },
        found.score,
        output::one_line(&a.exact, 80)
    )?;
    Ok(())
}

fn method_name(m: Method) -> &'static str {
    match m {
        Method::Exact => "exact",
        Method::Position => "position",
        Method::Context => "context",
        Method::Fuzzy => "fuzzy",
    }
}
