//! `claimdesk settings …`

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::store::WorkspaceSettings;
use claimdesk_core::store::match_settings::{self, MatchSetting};
use clap::Subcommand;
use serde::Serialize;

use crate::output::outln;
use crate::{Context, output};

#[derive(Subcommand)]
pub enum SettingsCommand {
    /// Show the workspace settings, the thresholds of claim matching with their defaults
    #[command(after_help = thresholds_help())]
    Show,
    /// Set one setting (an empty value clears it, back to its default)
    // A negative score reaches the check and its message, not clap's "unexpected argument".
    #[command(after_help = thresholds_help(), allow_negative_numbers = true)]
    Set { key: String, value: String },
}

/// The settings and the matching thresholds, for `--help`.
fn thresholds_help() -> String {
    format!(
        "Settings:\n  user, publisher, report_base_url, sync_server, sync_desk\nThresholds of claim matching:\n{}",
        match_settings::help()
    )
}

/// What `settings show --json` prints: the workspace's settings as before,
/// where this copy syncs (local keys), and the thresholds of claim matching.
#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    settings: &'a WorkspaceSettings,
    sync_server: &'a Option<String>,
    sync_desk: &'a Option<String>,
    match_thresholds: Vec<MatchSetting>,
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
    let thresholds = ws.settings().match_settings()?;
    let sync = claimdesk_core::sync::settings::get(&ws)?;
    if ctx.json {
        return output::json(
            out,
            &Shown {
                settings: &s,
                sync_server: &sync.server,
                sync_desk: &sync.desk,
                match_thresholds: thresholds,
            },
        );
    }
    let show = |v: &Option<String>| {
        v.as_deref()
            .map_or_else(|| "(unset)".into(), |v| output::escaped(v).into_owned())
    };
    let settings = [
        ("user", show(&s.user)),
        ("publisher", show(&s.publisher)),
        ("report_base_url", show(&s.report_base_url)),
        ("sync_server", show(&sync.server)),
        ("sync_desk", show(&sync.desk)),
    ];
    // One column for every value, settings and thresholds alike.
    let width = settings
        .iter()
        .map(|(key, _)| key.len())
        .chain(thresholds.iter().map(|t| t.key.len()))
        .max()
        .unwrap_or(0);
    for (key, value) in &settings {
        outln!(out, "{key:<width$}  {value}")?;
    }
    for t in &thresholds {
        let origin = if t.set {
            format!("(default {})", t.default)
        } else {
            "(default)".to_string()
        };
        outln!(
            out,
            "{:<width$}  {:<5} {origin}",
            t.key,
            t.value.to_string()
        )?;
    }
    Ok(())
}
