//! `claimdesk evidence …`

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::model::{NewEvidence, Stance};
use clap::{Args, Subcommand};

use crate::output::outln;
use crate::{Context, evidence_review_cmd, output};

#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Link a passage of a source to a claim
    Add(AddArgs),
    /// List evidence, of one claim or of all
    List {
        /// Only this claim's evidence
        #[arg(long)]
        claim: Option<String>,
    },
    /// Unlink a passage (it can be restored; the claim's history keeps it)
    Remove {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Link a removed passage again
    Restore {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Passages across all sources likely to support or dispute a claim, with fact checks
    Suggest(crate::search_cmd::SuggestArgs),
    /// Passages whose source has a newer version since they were read: unchanged, edited or gone
    Review,
    /// Move a passage to the newer version it was found in (history records it)
    Accept {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Leave a passage on the version it was read in (history records it)
    Keep {
        id: String,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    /// Claim id (or unique prefix)
    #[arg(long)]
    claim: String,
    /// Source id (or unique prefix)
    #[arg(long)]
    source: String,
    /// The passage, word for word (case, quote marks, apostrophes and dashes may be typed plainly)
    #[arg(long)]
    quote: String,
    /// How the passage bears on the claim
    #[arg(long, value_parser = parse_stance)]
    stance: Stance,
    /// Source version [default: the latest]
    #[arg(long)]
    version: Option<u32>,
    /// Which occurrence, when the quote stands more than once
    #[arg(long)]
    occurrence: Option<u32>,
    /// A note kept with the evidence and in the claim's history
    #[arg(long)]
    note: Option<String>,
}

fn parse_stance(s: &str) -> Result<Stance, String> {
    s.parse::<Stance>().map_err(|e| e.to_string())
}

pub fn run(ctx: &Context, cmd: EvidenceCommand, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let evidence = ws.evidence();
    match cmd {
        EvidenceCommand::Add(a) => {
            let view = evidence.add(NewEvidence {
                claim: a.claim,
                source: a.source,
                version: a.version,
                quote: a.quote,
                occurrence: a.occurrence,
                stance: a.stance,
                note: a.note,
            })?;
            if ctx.json {
                return output::json(out, &view);
            }
            outln!(out, "{}", view.evidence.id)?;
            eprintln!(
                "linked: {} \"{}\"",
                view.evidence.stance.as_str(),
                output::one_line(&view.evidence.exact, 80)
            );
        }
        EvidenceCommand::List { claim } => {
            let list = evidence.list(claim.as_deref())?;
            if ctx.json {
                return output::json(out, &list);
            }
            if list.is_empty() {
                eprintln!("no evidence yet; link a passage with `claimdesk evidence add`");
            }
            for e in &list {
                outln!(out, "claim {}", e.evidence.claim_id)?;
                output::evidence(out, e)?;
            }
        }
        EvidenceCommand::Remove { id, note } => {
            let view = evidence.remove(&id, note.as_deref())?;
            eprintln!(
                "removed evidence {}; `claimdesk evidence restore {}` links it again",
                view.evidence.id, view.evidence.id
            );
        }
        EvidenceCommand::Restore { id, note } => {
            let view = evidence.restore(&id, note.as_deref())?;
            if ctx.json {
                return output::json(out, &view);
            }
            output::evidence(out, &view)?;
        }
        EvidenceCommand::Suggest(args) => {
            return crate::search_cmd::run_suggest(&ws, ctx.json, args, out);
        }
        EvidenceCommand::Review => evidence_review_cmd::review(&ws, ctx.json, out)?,
        EvidenceCommand::Accept { id, note } => {
            evidence_review_cmd::accept(&ws, &id, note.as_deref(), ctx.json, out)?;
        }
        EvidenceCommand::Keep { id, note } => {
            evidence_review_cmd::keep(&ws, &id, note.as_deref(), ctx.json, out)?;
        }
    }
    Ok(())
}
