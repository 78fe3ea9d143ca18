//! Temporary entry point wiring `compare` and `segment` until the full CLI lands.

mod compare_cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "claimdesk", version, about = "Claimdesk on the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare two texts sentence by sentence (two outlets, or two versions with --versions).
    Compare(compare_cmd::CompareArgs),
    /// Split a text into sentences with byte offsets.
    Segment(compare_cmd::SegmentArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Command::Compare(args) => compare_cmd::run_compare(args, &mut out),
        Command::Segment(args) => compare_cmd::run_segment(args, &mut out),
    };
    let result = result.and_then(|()| {
        out.flush()
            .map_err(|e| claimdesk_core::Error::Io(format!("cannot write output: {e}")))
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
