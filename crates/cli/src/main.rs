//! `claimdesk`: the Claimdesk workspace on the command line.
//! A thin adapter: parse arguments, call `claimdesk-core`, print.
// Standard output goes through `output::with_stdout`; `println!` would panic
// when the reader of a pipe goes away.
#![deny(clippy::print_stdout)]

mod anchor_cmd;
mod args;
mod backup_cmd;
mod bundle_cmd;
mod check_cmd;
mod claim_cmd;
mod claim_merge_cmd;
mod compare_cmd;
mod compare_input;
mod compare_many_cmd;
mod evidence_cmd;
mod evidence_review_cmd;
#[cfg(test)]
mod flag_coverage;
mod import_cmd;
mod output;
mod quotes_cmd;
mod report_cmd;
mod scale_cmd;
mod search_cmd;
mod server_cmd;
mod settings_cmd;
mod similar_cmd;
mod source_cmd;
mod source_edit_cmd;
mod sync_cmd;
mod sync_error;
mod timeline_cmd;
mod timeline_pin_cmd;

/// Many small, short-lived allocations (compare, claim lists): mimalloc serves
/// them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use claimdesk_core::{Error, Workspace};
use clap::{Parser, Subcommand};

/// Claimdesk: check claims against the sources behind them.
#[derive(Parser)]
#[command(name = "claimdesk", version, about)]
struct Cli {
    /// Workspace file [default: the desktop app's workspace in your data directory]
    #[arg(long, global = true, env = "CLAIMDESK_DB", value_name = "FILE")]
    db: Option<PathBuf>,

    /// Name recorded in history for this command's changes [default: the workspace's user, else your OS user]
    #[arg(long, global = true, value_name = "NAME")]
    user: Option<String>,

    /// Print one JSON document instead of text
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a workspace file (an existing workspace is left as it is)
    Init,
    /// Fill an empty workspace with a sample: two outlets' tellings of one invented
    /// event, or (--size year) a generated desk after a year, to measure speed on
    Sample(SampleArgs),
    /// Statements to check: add, list, edit, give verdicts, see history
    #[command(subcommand)]
    Claim(claim_cmd::ClaimCommand),
    /// Articles, transcripts and statements, kept as versions
    #[command(subcommand)]
    Source(source_cmd::SourceCommand),
    /// Passages of sources linked to claims
    #[command(subcommand)]
    Evidence(evidence_cmd::EvidenceCommand),
    /// Compare two texts sentence by sentence: two outlets, or two versions with --versions
    Compare(compare_cmd::CompareArgs),
    /// Split a text file into sentences with byte offsets
    Segment(compare_cmd::SegmentArgs),
    /// The rating scale of verdicts
    #[command(subcommand)]
    Scale(scale_cmd::ScaleCommand),
    /// Workspace settings: user, publisher, report_base_url, where this copy syncs, and the thresholds of claim matching
    #[command(subcommand)]
    Settings(settings_cmd::SettingsCommand),
    /// Export claims with their verdicts and evidence: md, html, csv, json, claimreview
    Report(report_cmd::ReportArgs),
    /// Bring in claims from other fact-checkers (ClaimReview JSON-LD)
    #[command(subcommand)]
    Import(import_cmd::ImportCommand),
    /// Move a whole workspace, or part of it, to another workspace
    #[command(subcommand)]
    Bundle(bundle_cmd::BundleCommand),
    /// Write a consistent, checked copy of the workspace (safe while the app is open)
    Backup(backup_cmd::BackupArgs),
    /// Check the workspace file: integrity, foreign keys and Claimdesk's own rules; writes nothing
    Check,
    /// Search every source's passages and every claim
    Search(search_cmd::SearchArgs),
    /// Who said what: every quotation of the files or sources, by statement, with how outlets worded it
    Quotes(quotes_cmd::QuotesArgs),
    /// The sentences of a source most worth checking, best first, each with the reasons that ranked it
    Checkworthy(quotes_cmd::CheckworthyArgs),
    /// Find a W3C quote/position selector in a text file (for scripts and tests)
    Anchor(anchor_cmd::AnchorArgs),
    /// Dated events of files or sources on one calendar, with conflicts and claims' deadlines
    Timeline(timeline_cmd::TimelineArgs),
    /// Prepare a PostgreSQL server for shared desks, add desks, grant roles
    #[command(subcommand)]
    Server(server_cmd::ServerCommand),
    /// Push this workspace's changes to a shared desk and pull everyone else's
    Sync(sync_cmd::SyncArgs),
}

/// What a command needs besides its own arguments.
pub struct Context {
    pub db: PathBuf,
    pub user: Option<String>,
    pub json: bool,
}

impl Context {
    /// Opens the workspace, which must exist.
    pub fn open(&self) -> Result<Workspace, Error> {
        let mut ws = Workspace::open(&self.db)?;
        if let Some(user) = &self.user {
            ws.set_actor(user.clone());
        }
        Ok(ws)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    let db = match cli.db {
        Some(db) => db,
        None => claimdesk_core::default_path()?,
    };
    let ctx = Context {
        db,
        user: cli.user,
        json: cli.json,
    };
    output::with_stdout(|out| dispatch(&ctx, cli.command, out))
}

/// Runs one command, its standard output going to `out`.
fn dispatch(ctx: &Context, command: Command, out: &mut impl Write) -> Result<(), Error> {
    match command {
        Command::Init => init(ctx, out),
        Command::Sample(args) => sample(ctx, &args, out),
        Command::Claim(cmd) => claim_cmd::run(ctx, cmd, out),
        Command::Source(cmd) => source_cmd::run(ctx, cmd, out),
        Command::Evidence(cmd) => evidence_cmd::run(ctx, cmd, out),
        Command::Compare(mut args) => {
            args.json = ctx.json;
            compare_input::run(ctx, &args, out)
        }
        Command::Segment(mut args) => {
            args.json = ctx.json;
            compare_cmd::run_segment(&args, out)
        }
        Command::Scale(cmd) => scale_cmd::run_scale(ctx, cmd, out),
        Command::Settings(cmd) => settings_cmd::run_settings(ctx, cmd, out),
        Command::Report(args) => report_cmd::run_report(ctx, args, out),
        Command::Import(cmd) => import_cmd::run_import(ctx, cmd, out),
        Command::Bundle(cmd) => bundle_cmd::run(ctx, cmd, out),
        Command::Backup(args) => backup_cmd::run(ctx, args, out),
        Command::Check => check_cmd::run(ctx, out),
        Command::Search(args) => search_cmd::run_search(ctx, args, out),
        Command::Quotes(args) => quotes_cmd::run_quotes(ctx, &args, out),
        Command::Checkworthy(args) => quotes_cmd::run_checkworthy(ctx, &args, out),
        Command::Anchor(args) => anchor_cmd::run(args, ctx.json, out),
        Command::Timeline(args) => timeline_cmd::run(ctx, args, out),
        Command::Server(cmd) => server_cmd::run(ctx, cmd, out),
        Command::Sync(args) => sync_cmd::run(ctx, args, out),
    }
}

fn init(ctx: &Context, out: &mut impl Write) -> Result<(), Error> {
    if ctx.db.exists() {
        Workspace::open(&ctx.db)?;
        eprintln!(
            "{} is already a Claimdesk workspace; nothing changed",
            ctx.db.display()
        );
    } else {
        Workspace::open_or_create(&ctx.db)?;
        eprintln!("created workspace {}", ctx.db.display());
    }
    if ctx.json {
        output::json(out, &serde_json::json!({ "path": ctx.db }))?;
    }
    Ok(())
}

#[derive(clap::Args)]
struct SampleArgs {
    /// small: the story of two outlets; year: 10,000 claims, 2,000 sources
    /// (1–3 versions each) and 20,000 passages of evidence, generated
    #[arg(long, value_enum, default_value = "small")]
    size: SampleSize,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SampleSize {
    Small,
    Year,
}

fn sample(ctx: &Context, args: &SampleArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = Workspace::open_or_create(&ctx.db)?;
    if let SampleSize::Year = args.size {
        let size = claimdesk_core::sample::desk_year::DeskSize::YEAR;
        let summary = claimdesk_core::sample::desk_year::fill(&ws, size)?;
        if ctx.json {
            return output::json(out, &summary);
        }
        eprintln!(
            "generated a year of a desk in {}: {} claims, {} sources in {} versions, {} passages of evidence, {} history rows",
            ctx.db.display(),
            summary.claims,
            summary.sources,
            summary.versions,
            summary.evidence,
            summary.history
        );
        return Ok(());
    }
    let summary = claimdesk_core::sample::fill(&ws)?;
    if ctx.json {
        return output::json(out, &summary);
    }
    eprintln!(
        "added the sample to {}: {} claims, {} sources, {} passages of evidence; try `claimdesk claim list`",
        ctx.db.display(),
        summary.claims,
        summary.sources,
        summary.evidence
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
