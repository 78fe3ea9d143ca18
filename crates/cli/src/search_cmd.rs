//! `claimdesk search QUERY` and `claimdesk evidence suggest CLAIM`.

use std::io::Write;

use chrono::NaiveDate;
use claimdesk_core::search::{self, Hit, Scope, SearchRequest, Suggestions};
use claimdesk_core::{Error, Workspace};
use clap::Args;

use crate::Context;
use crate::output::{self, outln};

#[derive(Args)]
pub struct SearchArgs {
    /// Words (all must match, stemmed), "exact phrases", -excluded, a OR b,
    /// and outlet:"…", since:YYYY-MM-DD, until:…, in:claims|sources, version:all
    pub query: String,
    /// Only passages of this outlet (case ignored)
    #[arg(long)]
    outlet: Option<String>,
    /// Published (sources) or claimed (claims) on or after this day, YYYY-MM-DD
    #[arg(long, value_parser = parse_day)]
    since: Option<NaiveDate>,
    /// Published (sources) or claimed (claims) on or before this day, YYYY-MM-DD
    #[arg(long, value_parser = parse_day)]
    until: Option<NaiveDate>,
    /// Look only in claims or only in sources
    #[arg(long = "in", value_name = "claims|sources", value_parser = parse_scope)]
    scope: Option<Scope>,
    /// Every version of each source, not only the latest
    #[arg(long)]
    all_versions: bool,
    /// Most hits to show, 1 to 500 [default: 20]
    #[arg(long)]
    limit: Option<u32>,
}

#[derive(Args)]
pub struct SuggestArgs {
    /// Claim id (or unique prefix)
    pub claim: String,
    /// Most suggestions to show, 1 to 100 [default: 10]
    #[arg(long)]
    limit: Option<u32>,
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    search::query::parse_day(s)
        .ok_or_else(|| format!("\"{s}\" is not a day; write it as YYYY-MM-DD, such as 2025-11-20"))
}

fn parse_scope(s: &str) -> Result<Scope, String> {
    Scope::parse(s).ok_or_else(|| format!("\"{s}\" is neither claims nor sources"))
}

pub fn run_search(ctx: &Context, args: SearchArgs, out: &mut impl Write) -> Result<(), Error> {
    let ws = ctx.open()?;
    let found = search::run(
        &ws,
        &SearchRequest {
            query: args.query,
            outlet: args.outlet,
            since: args.since,
            until: args.until,
            scope: args.scope,
            all_versions: args.all_versions,
            limit: args.limit,
        },
    )?;
    for notice in &found.notices {
        eprintln!("note: {}", output::escaped(notice));
    }
    if ctx.json {
        return output::json(out, &found);
    }
    for hit in &found.hits {
        match hit {
            Hit::Passage(p) => {
                let published = p
                    .published
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "undated".into());
                outln!(
                    out,
                    "passage {:>6.2}  {} · {} · {} · v{}  source {} [{}..{}]",
                    p.score,
                    output::one_line(p.outlet.as_deref().unwrap_or("no outlet"), 40),
                    output::one_line(&p.title, 60),
                    published,
                    p.version,
                    p.source,
                    p.start,
                    p.end
                )?;
                outln!(out, "  {}", output::one_line(&p.snippet, 240))?;
            }
            Hit::Claim(c) => {
                outln!(out, "claim   {:>6.2}  {}  {}", c.score, c.claim, c.verdict)?;
                outln!(out, "  {}", output::one_line(&c.snippet, 240))?;
            }
        }
    }
    eprintln!("{} of {} matches", found.hits.len(), found.total);
    Ok(())
}

pub fn run_suggest(
    ws: &Workspace,
    json: bool,
    args: SuggestArgs,
    out: &mut impl Write,
) -> Result<(), Error> {
    let got: Suggestions = search::suggest(ws, &args.claim, args.limit)?;
    if json {
        return output::json(out, &got);
    }
    if got.suggestions.is_empty() {
        eprintln!("no passage found that bears on this claim's words");
    }
    for s in &got.suggestions {
        outln!(
            out,
            "{:.3}  {} · {} v{}  source {} [{}..{}]",
            s.score,
            output::one_line(s.outlet.as_deref().unwrap_or("no outlet"), 40),
            output::one_line(&s.title, 60),
            s.version,
            s.source,
            s.start,
            s.end
        )?;
        outln!(out, "  {}", output::one_line(&s.text, 240))?;
        for c in &s.checks {
            let kind = match c.kind {
                search::CheckKind::Number => "number",
                search::CheckKind::Date => "date",
                search::CheckKind::Names => "names",
                search::CheckKind::Quote => "quote",
            };
            let verb = if c.agrees { "same" } else { "differs" };
            outln!(
                out,
                "  {kind} {verb}: {} / {}",
                output::one_line(&c.claim, 60),
                output::one_line(&c.passage, 60)
            )?;
        }
    }
    Ok(())
}
