//! `claimdesk claim …`

use std::io::Write;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::ids::{self, IdKind};
use claimdesk_core::model::{ClaimEdit, ClaimFilter, ClaimSort, NewClaim};
use clap::{Args, Subcommand, ValueEnum};

use crate::output::outln;
use crate::{Context, args, claim_merge_cmd, output, similar_cmd};

#[derive(Subcommand)]
pub enum ClaimCommand {
    /// Add a claim; prints its id
    Add(AddArgs),
    /// List claims, newest change first
    List(ListArgs),
    /// Show a claim with its verdict and evidence
    Show { id: String },
    /// Change a claim's fields (an empty value clears an optional field)
    Edit(EditArgs),
    /// Give a claim a verdict from the rating scale. The old rationale is
    /// cleared unless you give a new one or pass --keep-rationale
    Status {
        id: String,
        /// Verdict key or label, e.g. disputed, "mostly true"
        verdict: String,
        /// Why the verdict was given
        #[arg(long, short)]
        rationale: Option<String>,
        /// Keep the current rationale under the new verdict
        #[arg(long, conflicts_with = "rationale")]
        keep_rationale: bool,
        /// A note kept in the claim's history
        #[arg(long)]
        note: Option<String>,
    },
    /// Add or remove tags
    Tag {
        id: String,
        /// Tags to add
        tags: Vec<String>,
        /// Tags to remove
        #[arg(long = "remove", short = 'r', value_name = "TAG")]
        remove: Vec<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// Delete a claim (it can be restored; its history is kept)
    Delete {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Bring back a deleted claim
    Restore {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Every change to a claim, oldest first
    History { id: String },
    /// Claims already in the workspace (this desk's and imported reviews) like TEXT, best first
    Similar(similar_cmd::SimilarArgs),
    /// Pairs of claims that say the same (the match tier), for cleaning up an import
    Duplicates,
    /// Fold a duplicate claim into the claim that stays (evidence, tags and notes move over)
    Merge(claim_merge_cmd::MergeArgs),
    /// Undo a merge: what came from the duplicate goes back to it
    Unmerge(claim_merge_cmd::UnmergeArgs),
    /// Clear a claim's "changed on two desks" flag once you have looked at its history
    ResolveConflict {
        id: String,
        /// A note kept in the claim's history
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// The words to check
    statement: String,
    /// Who made the statement
    #[arg(long)]
    claimant: Option<String>,
    /// When the statement was made (YYYY-MM-DD)
    #[arg(long, value_parser = args::date)]
    claimed_on: Option<NaiveDate>,
    /// A date the statement is about, such as a deadline (YYYY-MM-DD)
    #[arg(long, value_parser = args::date)]
    event_on: Option<NaiveDate>,
    /// Tag (repeat, or separate with commas)
    #[arg(long = "tag", short = 't')]
    tags: Vec<String>,
    /// Context and working notes
    #[arg(long)]
    notes: Option<String>,
    /// Starting verdict [default: the scale's first]
    #[arg(long)]
    verdict: Option<String>,
}

#[derive(Args)]
pub struct ListArgs {
    /// Only claims with this verdict
    #[arg(long)]
    verdict: Option<String>,
    /// Only claims with this tag
    #[arg(long)]
    tag: Option<String>,
    /// Only claims whose statement, claimant or notes contain these words
    #[arg(long, short = 'q')]
    text: Option<String>,
    /// Order
    #[arg(long, value_enum, default_value = "updated")]
    sort: SortArg,
    /// List deleted claims instead, to find one to restore
    #[arg(long)]
    deleted: bool,
    /// List the duplicates merged into other claims instead (left out by default)
    #[arg(long, conflicts_with = "deleted")]
    merged: bool,
    /// Show at most N claims, a page; --json then prints
    /// {"claims": [...], "next": CURSOR or null}
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    /// Start after this cursor: the "next" of the page before
    #[arg(long, value_name = "CURSOR", requires = "limit")]
    after: Option<String>,
    /// Only claims changed on two desks of a shared desk since they last synced
    #[arg(long)]
    conflicts: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum SortArg {
    Updated,
    ClaimedOn,
    Created,
}

#[derive(Args)]
pub struct EditArgs {
    id: String,
    /// The words to check
    #[arg(long)]
    statement: Option<String>,
    /// Who made the statement; no value (or "") clears it
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_parser = args::optional_text)]
    claimant: Option<args::Clearable<String>>,
    /// When the statement was made (YYYY-MM-DD); no value (or "") clears it
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_parser = args::optional_date)]
    claimed_on: Option<args::Clearable<NaiveDate>>,
    /// A date the statement is about (YYYY-MM-DD); no value (or "") clears it
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_parser = args::optional_date)]
    event_on: Option<args::Clearable<NaiveDate>>,
    /// Context and working notes
    #[arg(long)]
    notes: Option<String>,
    /// A note kept in the claim's history
    #[arg(long)]
    note: Option<String>,
}

pub fn run(ctx: &Context, cmd: ClaimCommand, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let claims = ws.claims();
    let scale = ws.scale().list()?;
    match cmd {
        ClaimCommand::Add(a) => {
            let claim = claims.add(NewClaim {
                statement: a.statement,
                claimant: a.claimant,
                claimed_on: a.claimed_on,
                event_on: a.event_on,
                notes: a.notes,
                tags: a.tags,
                verdict: a.verdict,
            })?;
            similar_cmd::print_added(ctx, &ws, &claim, &scale, out)?;
        }
        ClaimCommand::List(l) => {
            let filter = ClaimFilter {
                text: l.text,
                verdict: l.verdict,
                tag: l.tag,
                sort: match l.sort {
                    SortArg::Updated => ClaimSort::Updated,
                    SortArg::ClaimedOn => ClaimSort::ClaimedOn,
                    SortArg::Created => ClaimSort::Created,
                },
                conflicts: l.conflicts,
            };
            let (list, next) = match l.limit {
                Some(limit) => {
                    let after = l.after.as_deref();
                    let page = if l.deleted {
                        claims.page_deleted(&filter, limit, after)?
                    } else if l.merged {
                        claims.page_merged(&filter, limit, after)?
                    } else {
                        claims.page(&filter, limit, after)?
                    };
                    if ctx.json {
                        return output::json(out, &page);
                    }
                    (page.claims, page.next)
                }
                None if l.deleted => (claims.list_deleted(&filter)?, None),
                None if l.merged => (claims.list_merged(&filter)?, None),
                None => (claims.list(&filter)?, None),
            };
            if ctx.json {
                return output::json(out, &list);
            }
            if list.is_empty() {
                if l.deleted {
                    eprintln!("no deleted claims match");
                } else if l.merged {
                    eprintln!("no merged claims match");
                } else if l.conflicts {
                    eprintln!("no claims changed on two desks");
                } else {
                    eprintln!("no claims match; add one with `claimdesk claim add \"…\"`");
                }
                return Ok(());
            }
            let shorts = ids::workspace_short_ids(&ws, IdKind::Claim)?;
            for c in &list {
                let date = c
                    .claimed_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into());
                let tags = if c.tags.is_empty() {
                    String::new()
                } else {
                    format!("  #{}", output::escaped(&c.tags.join(" #")))
                };
                outln!(
                    out,
                    "{}  {:<12} {}  {}{}",
                    shorts.get(&c.id).unwrap_or(&c.id),
                    output::label(&scale, &c.verdict),
                    date,
                    output::one_line(&c.statement, 70),
                    tags
                )?;
            }
            if l.deleted {
                eprintln!("deleted claims; `claimdesk claim restore ID` brings one back");
            } else if l.merged {
                eprintln!("merged claims; `claimdesk claim unmerge ID` brings one back");
            }
            if let Some(next) = next {
                eprintln!("more claims: add `--after {next}` for the next page");
            }
        }
        ClaimCommand::Show { id } => {
            let detail = claims.detail(&id)?;
            if ctx.json {
                return output::json(out, &detail);
            }
            output::claim(out, &detail.claim, &scale)?;
            claim_merge_cmd::print_merges(out, &detail)?;
            if detail.evidence.is_empty() {
                outln!(
                    out,
                    "evidence   none yet; link a passage with `claimdesk evidence add`"
                )?;
            } else {
                outln!(out, "evidence")?;
                for e in &detail.evidence {
                    output::evidence(out, e)?;
                }
            }
        }
        ClaimCommand::Edit(e) => {
            let edit = ClaimEdit {
                statement: e.statement,
                claimant: e.claimant,
                claimed_on: e.claimed_on,
                event_on: e.event_on,
                notes: e.notes,
            };
            let claim = claims.edit(&e.id, edit, e.note.as_deref())?;
            print_claim(ctx, out, &claim, &scale)?;
        }
        ClaimCommand::Status {
            id,
            verdict,
            rationale,
            keep_rationale,
            note,
        } => {
            let before = claims.get(&id)?.rationale;
            // A rationale explains one verdict: without a new one it is
            // cleared rather than left standing under another verdict.
            let given = match (&rationale, keep_rationale) {
                (Some(r), _) => Some(r.as_str()),
                (None, true) => None,
                (None, false) => Some(""),
            };
            let claim = claims.set_verdict(&id, &verdict, given, note.as_deref())?;
            print_claim(ctx, out, &claim, &scale)?;
            match (rationale.is_some(), keep_rationale, before.is_empty()) {
                (true, _, _) => eprintln!("rationale set"),
                (false, true, _) => eprintln!("rationale kept from the previous verdict"),
                (false, false, false) => eprintln!(
                    "rationale cleared (it explained the previous verdict); give one with --rationale, \
                     or pass --keep-rationale to keep it"
                ),
                (false, false, true) => {
                    eprintln!("no rationale yet; give one with --rationale")
                }
            }
        }
        ClaimCommand::Tag {
            id,
            tags,
            remove,
            note,
        } => {
            if tags.is_empty() && remove.is_empty() {
                return Err(Error::Invalid("name tags to add, or --remove TAG".into()));
            }
            let claim = claims.tag(&id, &tags, &remove, note.as_deref())?;
            print_claim(ctx, out, &claim, &scale)?;
        }
        ClaimCommand::Delete { id, note } => {
            let full = claims.resolve(&id)?;
            claims.delete(&full, note.as_deref())?;
            eprintln!("deleted claim {full}; `claimdesk claim restore {full}` brings it back");
        }
        ClaimCommand::Restore { id, note } => {
            let claim = claims.restore(&id, note.as_deref())?;
            print_claim(ctx, out, &claim, &scale)?;
        }
        ClaimCommand::History { id } => {
            let history = claims.history(&id)?;
            if ctx.json {
                return output::json(out, &history);
            }
            for h in &history {
                let change = match (&h.old, &h.new) {
                    (None, None) => String::new(),
                    (None, Some(n)) => format!(": {}", output::one_line(n, 80)),
                    (Some(o), None) => format!(": removed {}", output::one_line(o, 80)),
                    (Some(o), Some(n)) => {
                        format!(
                            ": {} → {}",
                            output::one_line(o, 40),
                            output::one_line(n, 40)
                        )
                    }
                };
                let note = h
                    .note
                    .as_deref()
                    .map(|n| format!("  ({})", output::escaped(n)))
                    .unwrap_or_default();
                outln!(
                    out,
                    "{}  {:<10} {}{}{}",
                    h.at.format("%Y-%m-%d %H:%M:%S"),
                    output::escaped(&h.actor),
                    h.field,
                    change,
                    note
                )?;
            }
        }
        ClaimCommand::Similar(a) => return similar_cmd::run_similar(ctx, a, out),
        ClaimCommand::Duplicates => return similar_cmd::run_duplicates(ctx, out),
        ClaimCommand::Merge(a) => claim_merge_cmd::run_merge(ctx, &ws, a, out)?,
        ClaimCommand::Unmerge(a) => claim_merge_cmd::run_unmerge(ctx, &ws, a, out)?,
        ClaimCommand::ResolveConflict { id, note } => {
            let claim = claims.resolve_conflict(&id, note.as_deref())?;
            print_claim(ctx, out, &claim, &scale)?;
        }
    }
    Ok(())
}

fn print_claim(
    ctx: &Context,
    out: &mut impl Write,
    claim: &claimdesk_core::model::Claim,
    scale: &[claimdesk_core::model::Verdict],
) -> Result<(), Error> {
    if ctx.json {
        output::json(out, claim)
    } else {
        output::claim(out, claim, scale)
    }
}
