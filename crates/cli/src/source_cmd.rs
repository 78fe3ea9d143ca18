//! `claimdesk source …`

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::ids::{self, IdKind};
use claimdesk_core::ingest::batch::{self, Progress};
use claimdesk_core::ingest::fetch::FetchOptions;
use claimdesk_core::ingest::into_workspace::{self, CaptureAdded, Corrections};
use claimdesk_core::ingest::not_applied::{NotApplied, corrections_not_applied};
use claimdesk_core::model::{AddOutcome, SourceAdded};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::output::outln;
use crate::{Context, args, output, source_edit_cmd};

#[derive(Subcommand)]
pub enum SourceCommand {
    /// Add a source from a file (HTML page, Markdown, text, PDF), or `-` for text on standard input
    Add(AddArgs),
    /// Fetch a web page (or a text or PDF URL) and add it as a source
    Fetch(FetchArgs),
    /// Import every supported file of a folder, or every URL of a list (one per line, # for comments)
    Import(ImportArgs),
    /// List sources
    List,
    /// Show a source's details and the text of one version
    Show {
        id: String,
        /// Version number [default: the latest]
        #[arg(long)]
        version: Option<u32>,
    },
    /// List a source's versions
    Versions { id: String },
    /// Correct a source's details (title, outlet, authors, dates, canonical URL, language)
    Edit(source_edit_cmd::EditArgs),
}

#[derive(Args)]
pub struct AddArgs {
    /// File to read (.html, .htm, .md, .txt, .pdf), or - for text on standard input
    file: PathBuf,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Args)]
pub struct FetchArgs {
    /// The http(s) address of the page
    #[arg(value_name = "URL")]
    address: String,
    /// Give up after this many seconds
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
    #[command(flatten)]
    fields: FieldArgs,
}

#[derive(Args)]
pub struct ImportArgs {
    /// A folder (searched recursively) or a text file with one URL per line
    path: PathBuf,
    /// Give up on one URL after this many seconds
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    timeout: u64,
}

/// Fields the user states, overriding what the page says.
#[derive(Args)]
pub struct FieldArgs {
    /// Title [default: the page's headline, else the text's first line]
    #[arg(long)]
    title: Option<String>,
    /// Publishing outlet, e.g. "Northern Ledger"
    #[arg(long)]
    outlet: Option<String>,
    /// Author (repeat for several)
    #[arg(long = "author")]
    authors: Vec<String>,
    /// Where the text was published
    #[arg(long)]
    url: Option<String>,
    /// Publication date (YYYY-MM-DD)
    #[arg(long, value_parser = args::date)]
    published: Option<NaiveDate>,
    /// Language tag, e.g. en
    #[arg(long)]
    language: Option<String>,
}

impl FieldArgs {
    fn corrections(self) -> Corrections {
        Corrections {
            title: self.title,
            outlet: self.outlet,
            authors: self.authors,
            url: self.url,
            published_on: self.published,
            language: self.language,
        }
    }
}

pub fn run(ctx: &Context, cmd: SourceCommand, out: &mut impl Write) -> Result<(), Error> {
    match cmd {
        SourceCommand::Add(a) if a.file == Path::new("-") => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("cannot read standard input", e))?;
            let captured = claimdesk_core::ingest::text::capture_plain_text(&bytes)
                .map_err(|e| Error::Invalid(format!("standard input: {e}")))?;
            let ws = ctx.open()?;
            let corrections = a.fields.corrections();
            let stored = into_workspace::add_captured(&ws, captured, None, &corrections)?;
            report_capture(ctx, &stored, &corrections, out)?;
        }
        SourceCommand::Add(a) => {
            let ws = ctx.open()?;
            let corrections = a.fields.corrections();
            let stored = into_workspace::add_file(&ws, &a.file, &corrections)?;
            report_capture(ctx, &stored, &corrections, out)?;
        }
        SourceCommand::Fetch(a) => {
            let ws = ctx.open()?;
            let corrections = a.fields.corrections();
            let stored =
                into_workspace::add_url(&ws, &a.address, &fetch_options(a.timeout), &corrections)?;
            report_capture(ctx, &stored, &corrections, out)?;
        }
        SourceCommand::Edit(a) => source_edit_cmd::run(ctx, a, out)?,
        SourceCommand::Import(a) => import(ctx, &a, out)?,
        SourceCommand::List => {
            let ws = ctx.open()?;
            let list = ws.sources().list()?;
            if ctx.json {
                return output::json(out, &list);
            }
            if list.is_empty() {
                eprintln!("no sources yet; add one with `claimdesk source add FILE`");
                return Ok(());
            }
            let shorts = ids::workspace_short_ids(&ws, IdKind::Source)?;
            for s in &list {
                let short = shorts.get(&s.id).unwrap_or(&s.id);
                let date = s
                    .published_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into());
                outln!(
                    out,
                    "{short}  {date}  {:<20} {}  (v{})",
                    output::one_line(s.outlet.as_deref().unwrap_or("-"), 20),
                    output::one_line(&s.title, 60),
                    s.version_count
                )?;
            }
        }
        SourceCommand::Show { id, version } => {
            let ws = ctx.open()?;
            let source = ws.sources().get(&id)?;
            let v = ws.sources().version(&source.id, version)?;
            if ctx.json {
                return output::json(out, &serde_json::json!({ "source": source, "version": v }));
            }
            output::source(out, &source)?;
            outln!(
                out,
                "version    {} of {} (captured {}, sha256 {})",
                v.number,
                source.version_count,
                v.captured_at.format("%Y-%m-%d %H:%M UTC"),
                v.sha256
            )?;
            outln!(out)?;
            outln!(out, "{}", output::escaped(&v.text))?;
        }
        SourceCommand::Versions { id } => {
            let ws = ctx.open()?;
            let versions = ws.sources().versions(&id)?;
            if ctx.json {
                return output::json(out, &versions);
            }
            for v in &versions {
                outln!(
                    out,
                    "v{}  {}  sha256 {}  {} characters",
                    v.number,
                    v.captured_at.format("%Y-%m-%d %H:%M:%S UTC"),
                    &v.sha256[..16],
                    v.text.chars().count()
                )?;
            }
        }
    }
    Ok(())
}

fn fetch_options(timeout_secs: u64) -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(timeout_secs.max(1)),
        ..FetchOptions::default()
    }
}

/// A capture as `--json` prints it: what was stored, and the details given
/// with it that a source already stored did not take.
#[derive(Serialize)]
struct CaptureReport<'a> {
    #[serde(flatten)]
    stored: &'a CaptureAdded,
    not_applied: Vec<NotApplied>,
}

/// Prints what a capture stored: the id on stdout, the outcome, any details
/// that were not applied and any warnings on stderr (or one JSON document
/// with all of them).
fn report_capture(
    ctx: &Context,
    stored: &CaptureAdded,
    corrections: &Corrections,
    out: &mut impl Write,
) -> Result<(), Error> {
    let not_applied = corrections_not_applied(&stored.added, corrections);
    if ctx.json {
        return output::json(
            out,
            &CaptureReport {
                stored,
                not_applied,
            },
        );
    }
    report_added(&stored.added, out)?;
    if !not_applied.is_empty() {
        let fields: Vec<&str> = not_applied.iter().map(|n| n.field.as_str()).collect();
        eprintln!(
            "not applied: this text is already stored as a source, which keeps its own {}; \
             correct {} with `claimdesk source edit {}`",
            fields.join(", "),
            if fields.len() == 1 { "it" } else { "them" },
            stored.added.source.id
        );
    }
    for w in &stored.warnings {
        eprintln!("warning: {}", w.message);
    }
    Ok(())
}

fn report_added(added: &SourceAdded, out: &mut impl Write) -> Result<(), Error> {
    outln!(out, "{}", added.source.id)?;
    let title = output::escaped(&added.source.title);
    match added.outcome {
        AddOutcome::NewSource => eprintln!("added source \"{title}\""),
        AddOutcome::NewVersion => eprintln!(
            "added version {} of \"{}\": the text changed since the last capture",
            added.version.number, title
        ),
        AddOutcome::Unchanged => eprintln!(
            "unchanged: this text is already version {} of \"{}\"",
            added.version.number, title
        ),
    }
    Ok(())
}

/// Imports a folder or URL list with a progress bar on stderr, going on past
/// failures, and ends with a summary. Exits non-zero when an input failed.
fn import(ctx: &Context, a: &ImportArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let expanded = batch::ImportFrom::path(&a.path).expand()?;
    // Hidden automatically when stderr is not a terminal.
    let bar = ProgressBar::new(expanded.inputs.len() as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    let summary = into_workspace::import(&ws, &expanded, &fetch_options(a.timeout), |p| match p {
        Progress::ItemStarted { label, .. } => bar.set_message(label.clone()),
        Progress::ItemFinished {
            label,
            error,
            imported,
            ..
        } => {
            bar.inc(1);
            if let Some(e) = error {
                // Most errors already name the file or URL; do not say it twice.
                let named = if e.contains(label.as_str()) {
                    e.clone()
                } else {
                    format!("{label}: {e}")
                };
                bar.suspend(|| eprintln!("failed: {named}"));
            }
            for w in imported.iter().flat_map(|i| &i.warnings) {
                bar.suspend(|| eprintln!("check:  {label}: {w}"));
            }
        }
        Progress::Started { .. } | Progress::Finished { .. } => {}
    });
    bar.finish_and_clear();
    if ctx.json {
        output::json(out, &summary)?;
    } else {
        for path in &summary.skipped {
            eprintln!("skipped: {path} (not a file type Claimdesk reads)");
        }
        eprintln!("{}", summary.line());
    }
    if summary.failed.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(format!(
            "{} of {} inputs failed (reasons above)",
            summary.failed.len(),
            expanded.inputs.len()
        )))
    }
}
