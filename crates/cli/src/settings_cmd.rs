//! `claimdesk settings …`

use claimdesk_core::Error;
use clap::Subcommand;

use crate::{Context, output};

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the workspace settings
    Show,
    /// Set one setting (an empty value clears it)
    Set { key: String, value: String },
}

pub fn run_settings(ctx: &Context, cmd: SettingsCommand) -> Result<(), Error> {
    let ws = ctx.open()?;
    if let SettingsCommand::Set { key, value } = &cmd {
        ws.settings().set(key, value)?;
    }
    let s = ws.settings().get()?;
    if ctx.json {
        return output::json(&s);
    }
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "(unset)".into());
    println!("user             {}", show(&s.user));
    println!("publisher        {}", show(&s.publisher));
    println!("report_base_url  {}", show(&s.report_base_url));
    Ok(())
}
