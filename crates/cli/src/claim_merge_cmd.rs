//! `claimdesk claim merge` and `claimdesk claim unmerge`, and the lines
//! `claim show` prints about merges.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::Workspace;
use claimdesk_core::model::{ClaimDetail, ClaimMerge};
use clap::Args;

use crate::Context;
use crate::output::{self, outln};

#[derive(Args)]
pub struct MergeArgs {
    /// The duplicate claim: its evidence, tags and notes move to the claim that stays
    duplicate: String,
    /// The claim that stays
    #[arg(long, value_name = "KEEP")]
    into: String,
    /// A note kept in both claims' history
    #[arg(long)]
    note: Option<String>,
}

#[derive(Args)]
pub struct UnmergeArgs {
    /// The merged duplicate: what came from it goes back to it
    duplicate: String,
    /// A note kept in both claims' history
    #[arg(long)]
    note: Option<String>,
}

/// Merges; prints the kept claim's id (or the merge as JSON).
pub fn run_merge(
    ctx: &Context,
    ws: &Workspace,
    a: MergeArgs,
    out: &mut impl Write,
) -> Result<(), Error> {
    let merge = ws
        .claims()
        .merge(&a.duplicate, &a.into, a.note.as_deref())?;
    if ctx.json {
        return output::json(out, &merge);
    }
    outln!(out, "{}", merge.keeper_id)?;
    eprintln!(
        "merged claim {} into {} ({}); `claimdesk claim unmerge {}` undoes it",
        merge.duplicate_id,
        merge.keeper_id,
        moved(&merge),
        merge.duplicate_id
    );
    Ok(())
}

/// Unmerges; prints the duplicate's id (or the closed merge as JSON).
pub fn run_unmerge(
    ctx: &Context,
    ws: &Workspace,
    a: UnmergeArgs,
    out: &mut impl Write,
) -> Result<(), Error> {
    let merge = ws.claims().unmerge(&a.duplicate, a.note.as_deref())?;
    if ctx.json {
        return output::json(out, &merge);
    }
    outln!(out, "{}", merge.duplicate_id)?;
    eprintln!(
        "unmerged claim {} from {}: what came from it is back on it",
        merge.duplicate_id, merge.keeper_id
    );
    Ok(())
}

/// What a merge moved, in words: "2 passages, tags council, notes".
fn moved(m: &ClaimMerge) -> String {
    let mut parts = vec![match m.evidence_ids.len() {
        1 => "1 passage".to_string(),
        n => format!("{n} passages"),
    }];
    if !m.tags_added.is_empty() {
        parts.push(format!(
            "tags {}",
            output::escaped(&m.tags_added.join(", "))
        ));
    }
    if !m.notes_moved.is_empty() {
        parts.push("notes".into());
    }
    parts.join(", ")
}

/// The `claim show` lines about merges: where this claim was merged, and
/// which duplicates were merged into it.
pub fn print_merges(out: &mut impl Write, detail: &ClaimDetail) -> Result<(), Error> {
    if let Some(m) = &detail.merged_into {
        outln!(
            out,
            "merged into {} \"{}\" ({} by {}); `claimdesk claim unmerge {}` undoes it",
            m.keeper_id,
            output::one_line(&m.keeper_statement, 60),
            m.merged_at.format("%Y-%m-%d %H:%M UTC"),
            output::escaped(&m.merged_by),
            m.duplicate_id
        )?;
    }
    for m in &detail.merged_from {
        outln!(
            out,
            "merged here {} \"{}\" ({})",
            m.duplicate_id,
            output::one_line(&m.duplicate_statement, 60),
            moved(m)
        )?;
    }
    Ok(())
}
