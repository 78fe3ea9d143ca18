//! One sync of a workspace with one desk: push what waits, then pull what
//! other desks sent, page by page.

use claimdesk_core::Workspace;
use claimdesk_core::sync;
use serde::Serialize;

use crate::address::{ServerAddress, check_desk_name};
use crate::{Login, Server, SyncError};

/// What one sync did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// This workspace's changes the server now holds (sent by this sync).
    pub sent: u64,
    /// Other desks' changes applied here.
    pub received: u64,
    /// Claims flagged *changed on two desks* by what was received.
    pub conflicts: u64,
    /// Changes still waiting to be sent (0 after a whole sync).
    pub pending: u64,
}

/// How a sync logs in and how much it moves at a time.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Password and certificates.
    pub login: Login,
    /// Changes per pushed batch (one server transaction each).
    pub push_batch: usize,
    /// Changes per pulled page (one local transaction each).
    pub pull_page: usize,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            login: Login::from_environment(),
            push_batch: 500,
            pull_page: 500,
        }
    }
}

/// Pushes this workspace's waiting changes to `desk` on the server at `url`,
/// then pulls and applies everyone else's. The login comes from the
/// environment (`PGPASSWORD`, a `.pgpass` file).
pub fn sync_once(ws: &Workspace, url: &str, desk: &str) -> Result<SyncReport, SyncError> {
    sync_once_with(ws, url, desk, &SyncOptions::default())
}

/// [`sync_once`] with explicit options.
pub fn sync_once_with(
    ws: &Workspace,
    url: &str,
    desk: &str,
    options: &SyncOptions,
) -> Result<SyncReport, SyncError> {
    if options.push_batch == 0 || options.pull_page == 0 {
        return Err(SyncError::Refused(
            "a sync moves at least one change at a time (batch and page must be 1 or more)".into(),
        ));
    }
    let address = ServerAddress::parse(url)?;
    check_desk_name(desk)?;
    let key = address.key(desk);
    let waiting = |err: SyncError| -> SyncError {
        match sync::pending(ws, &key) {
            Ok(n) => err.with_note(&waiting_note(n)),
            Err(e) => SyncError::Workspace(e),
        }
    };
    let mut server = Server::connect(url, &options.login).map_err(waiting)?;
    server.open_desk(desk).map_err(waiting)?;
    let mut report = SyncReport::default();
    push_all(ws, &mut server, &key, desk, options.push_batch, &mut report).map_err(waiting)?;
    pull_all(ws, &mut server, &key, desk, options.pull_page, &mut report).map_err(waiting)?;
    report.pending = sync::pending(ws, &key)?;
    Ok(report)
}

fn waiting_note(n: u64) -> String {
    match n {
        0 => "no change waits to be sent".into(),
        1 => "1 change waits to be sent".into(),
        n => format!("{n} changes wait to be sent"),
    }
}

/// Pushes batch after batch; each committed batch is marked sent at once, so
/// a sync killed midway resends at most one batch, which the server skips.
fn push_all(
    ws: &Workspace,
    server: &mut Server,
    key: &str,
    desk: &str,
    batch: usize,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    loop {
        let out = sync::outgoing(ws, key, batch)?;
        if out.changes.is_empty() {
            if out.up_to > 0 {
                sync::mark_sent(ws, key, out.up_to)?;
            }
            return Ok(());
        }
        server.push(desk, &out.changes)?;
        sync::mark_sent(ws, key, out.up_to)?;
        report.sent += out.changes.len() as u64;
    }
}

/// Pulls page after page from the cursor, each applied in one local transaction.
fn pull_all(
    ws: &Workspace,
    server: &mut Server,
    key: &str,
    desk: &str,
    page: usize,
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    let mut after = sync::cursor(ws, key)?;
    loop {
        let received = server.pull(desk, after, page)?;
        let Some(last) = received.last() else {
            return Ok(());
        };
        after = last.seq;
        let applied = sync::apply_incoming(ws, key, &received)?;
        report.received += u64::from(applied.changes);
        report.conflicts += u64::from(applied.conflicts);
        if received.len() < page {
            return Ok(());
        }
    }
}
