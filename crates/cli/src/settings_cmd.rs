//! `claimdesk settings …`

use std::io::Write;

use claimdesk_core::Error;
use clap::Subcommand;

use crate::output::outln;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the workspace settings
    Show,
    /// Set one setting (an empty value clears it)
    Set { key: String, value: String },
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
    if ctx.json {
        return output::json(out, &s);
    }
    let show = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "(unset)".into(), |v| output::escaped(v).into_owned())
    };
    outln!(out, "user             {}", show(&s.user))?;
    outln!(out, "publisher        {}", show(&s.publisher))?;
    outln!(out, "report_base_url  {}", show(&s.report_base_url))?;
    Ok(())
}
