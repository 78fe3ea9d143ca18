//! `claimdesk claim similar …`, `claimdesk claim duplicates`, and the similar
//! claims `claim add` reports: has this been checked before?

use std::io::Write;

use claimdesk_core::model::{Claim, Verdict};
use claimdesk_core::search::{self, Origin, SimilarClaim, SimilarClaims, Tier};
use claimdesk_core::{Error, Workspace};
use clap::Args;
use serde::Serialize;

use crate::Context;
use crate::output::{self, outln};

#[derive(Args)]
pub struct SimilarArgs {
    /// The statement to look for, in any words
    text: String,
    /// Most claims to list, 1 to 50 [default: 5]
    #[arg(long)]
    limit: Option<u32>,
}

/// `claim similar TEXT`: the claims already in the workspace like TEXT, best first.
pub fn run_similar(ctx: &Context, args: SimilarArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let found = search::similar(&ws, &args.text, args.limit)?;
    if let Some(notice) = &found.notice {
        eprintln!("{notice}");
    }
    if ctx.json {
        return output::json(out, &found.claims);
    }
    if found.claims.is_empty() && found.notice.is_none() {
        eprintln!("no similar claims: nothing in the workspace comes close");
    }
    let scale = ws.scale().list()?;
    for c in &found.claims {
        outln!(out, "{}", line(c, &scale))?;
    }
    Ok(())
}

/// `claim duplicates`: pairs of claims that reach the match tier.
pub fn run_duplicates(ctx: &Context, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let pairs = search::duplicates(&ws)?;
    if ctx.json {
        return output::json(out, &pairs);
    }
    if pairs.is_empty() {
        eprintln!("no duplicates: no two claims say the same");
    }
    for p in &pairs {
        outln!(
            out,
            "{:.2}  {}  {}\n      {}  {}\n      why: {}",
            p.score,
            p.first.id,
            output::one_line(&p.first.statement, 70),
            p.second.id,
            output::one_line(&p.second.statement, 70),
            output::escaped(&p.why.join("; "))
        )?;
    }
    Ok(())
}

/// A claim just added, with the claims like it (the `--json` of `claim add`).
#[derive(Serialize)]
struct AddedClaim<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    similar: &'a [SimilarClaim],
}

/// Prints a claim just added: its JSON with `similar` beside its fields, or
/// its id; the claims like it go to standard error either way.
pub fn print_added(
    ctx: &Context,
    ws: &Workspace,
    claim: &Claim,
    scale: &[Verdict],
    out: &mut impl Write,
) -> Result<(), Error> {
    let similar = search::similar_to_claim(ws, &claim.id, None).unwrap_or_else(|e| {
        eprintln!("similar claims could not be looked up: {e}");
        SimilarClaims::default()
    });
    if ctx.json {
        output::json(
            out,
            &AddedClaim {
                claim,
                similar: &similar.claims,
            },
        )?;
    } else {
        outln!(out, "{}", claim.id)?;
        eprintln!("added claim ({})", output::label(scale, &claim.verdict));
    }
    if !similar.claims.is_empty() {
        let matches = similar
            .claims
            .iter()
            .filter(|c| c.tier == Tier::Match)
            .count();
        eprintln!(
            "checked before? {} similar claim(s) already in the workspace, {matches} the same claim:",
            similar.claims.len()
        );
        for c in &similar.claims {
            eprintln!("  {}", line(c, scale));
        }
    }
    Ok(())
}

/// One similar claim on two lines: tier, score, verdict, statement; who checked it and why.
fn line(c: &SimilarClaim, scale: &[Verdict]) -> String {
    let tier = match c.tier {
        Tier::Match => "match",
        Tier::Suggestion => "suggestion",
    };
    let origin = match &c.origin {
        Origin::Workspace => "this desk".to_string(),
        Origin::Claimreview { publisher, url } => {
            let who = publisher.as_deref().unwrap_or("another fact-checker");
            match url {
                Some(url) => format!("{who}, {url}"),
                None => who.to_string(),
            }
        }
    };
    format!(
        "{tier:<10} {:.2}  {}  {:<12} {}\n             checked by {}; why: {}",
        c.score,
        c.id,
        output::label(scale, &c.verdict),
        output::one_line(&c.statement, 70),
        output::escaped(&origin),
        output::escaped(&c.why.join("; "))
    )
}
