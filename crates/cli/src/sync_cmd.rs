//! `claimdesk sync --server URL [--desk NAME]`: push this workspace's
//! changes to a shared desk and pull everyone else's.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_sync::{DEFAULT_DESK, SyncOptions, sync_once_with};
use clap::Args;

use crate::output::outln;
use crate::sync_error::to_error;
use crate::{Context, output};

#[derive(Args)]
pub struct SyncArgs {
    /// The server: postgres://ROLE@HOST:PORT/DATABASE (the password comes from PGPASSWORD or a .pgpass file)
    #[arg(long, value_name = "URL")]
    server: String,
    /// The desk on that server
    #[arg(long, value_name = "NAME", default_value = DEFAULT_DESK)]
    desk: String,
    /// Changes sent per server transaction
    #[arg(long, value_name = "N", default_value_t = 500)]
    batch: usize,
}

pub fn run(ctx: &Context, args: SyncArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let options = SyncOptions {
        push_batch: args.batch,
        ..SyncOptions::default()
    };
    let report = sync_once_with(&ws, &args.server, &args.desk, &options).map_err(to_error)?;
    if ctx.json {
        return output::json(out, &report);
    }
    outln!(
        out,
        "sent {} {}, received {}, {} {}",
        report.sent,
        plural(report.sent, "change", "changes"),
        report.received,
        report.conflicts,
        plural(report.conflicts, "conflict", "conflicts")
    )?;
    if report.conflicts > 0 {
        eprintln!(
            "claims changed on two desks are flagged; see them with `claimdesk claim list --conflicts`"
        );
    }
    if report.pending > 0 {
        eprintln!("{} changes still wait to be sent", report.pending);
    }
    Ok(())
}

fn plural(n: u64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}
