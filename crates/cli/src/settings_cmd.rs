//! `claimdesk settings …`

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::store::WorkspaceSettings;
use clap::Subcommand;
use serde::Serialize;

use crate::output::outln;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the workspace settings
    Show,
    /// Set one setting (an empty value clears it)
    Set { key: String, value: String },
}

/// The settings as `--json` prints them: the workspace's, then where this
/// copy syncs (local keys, added beside the others).
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    settings: &'a WorkspaceSettings,
    sync_server: &'a Option<String>,
    sync_desk: &'a Option<String>,
}

pub fn run_settings(
    ctx: &Context,
    cmd: SettingsCommand,
    out: &mut impl Write,
) -> Result<(), Error> {
    let ws = ctx.open()?;
    if let SettingsCommand::Set { key, value } = &cmd {
        ws.settings().set(key, value)?;
    }
    let s = ws.settings().get()?;
    let sync = claimdesk_core::sync::settings::get(&ws)?;
    if ctx.json {
        return output::json(
            out,
            &Shown {
                settings: &s,
                sync_server: &sync.server,
                sync_desk: &sync.desk,
            },
        );
    }
    let show = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "(unset)".into(), |v| output::escaped(v).into_owned())
    };
    outln!(out, "user             {}", show(&s.user))?;
    outln!(out, "publisher        {}", show(&s.publisher))?;
    outln!(out, "report_base_url  {}", show(&s.report_base_url))?;
    outln!(out, "sync_server      {}", show(&sync.server))?;
    outln!(out, "sync_desk        {}", show(&sync.desk))?;
    Ok(())
}
