//! `claimdesk quotes` and `claimdesk checkworthy`: who said what across files
//! or the workspace's sources, and the sentences of a source worth checking.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::ingest::text::read_utf8_file;
use claimdesk_core::quotes::{
    QuoteOrigin, WorkspaceQuotes, WorkspaceQuotesRequest, quotes_of_texts, source_checkworthy,
    workspace_quotes,
};
use serde::Serialize;

use crate::Context;
use crate::args;
use crate::output::{self, escaped, one_line, outln};

/// Arguments of `claimdesk quotes`.
#[derive(Debug, Clone, clap::Args)]
pub struct QuotesArgs {
    /// UTF-8 text files (no workspace needed) or source ids (an id, a unique
    /// prefix, or ID@N for version N), not both; none for every source of the workspace.
    #[arg(value_name = "FILE|SOURCE")]
    pub inputs: Vec<String>,
    /// Only workspace sources published on this day.
    #[arg(long, value_parser = args::date, value_name = "YYYY-MM-DD")]
    pub published: Option<NaiveDate>,
    /// Only statements this person spoke in some outlet's wording, shown with
    /// every outlet's wording (a full name or one of its words, any case).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
}

/// Arguments of `claimdesk checkworthy`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckworthyArgs {
    /// The source: an id, a unique prefix, or ID@N for version N (else the latest).
    #[arg(value_name = "SOURCE")]
    pub source: String,
    /// Show at most this many sentences, best first (at least 1).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

/// Prints the quotations of the files or sources, by statement.
pub fn run_quotes(ctx: &Context, args: &QuotesArgs, out: &mut impl Write) -> Result<(), Error> {
    let files: Vec<&String> = args
        .inputs
        .iter()
        .filter(|a| Path::new(a).is_file())
        .collect();
    let found = if !args.inputs.is_empty() && files.len() == args.inputs.len() {
        if args.published.is_some() {
            return Err(Error::Invalid(
                "--published picks workspace sources by their publication day; files have none, so leave it out or pass source ids".into(),
            ));
        }
        let texts = files
            .iter()
            .map(|f| read_utf8_file(Path::new(f)))
            .collect::<Result<Vec<_>, _>>()?;
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        let origins: Vec<QuoteOrigin> = (0..texts.len()).map(QuoteOrigin::File).collect();
        quotes_of_texts(&borrowed, &origins, args.speaker.as_deref())
    } else {
        crate::compare_input::files_or_source_ids(&args.inputs)?;
        if let Some(file) = files.first() {
            return Err(Error::Invalid(format!(
                "{file:?} is a file and the other arguments are source ids; pass only files or only source ids"
            )));
        }
        let ws = ctx.open()?;
        workspace_quotes(
            &ws,
            &WorkspaceQuotesRequest {
                sources: args.inputs.clone(),
                published: args.published,
                speaker: args.speaker.clone(),
            },
        )?
    };
    if ctx.json {
        return output::json(out, &found);
    }
    write_statements(out, &found)
}

fn write_statements(out: &mut impl Write, found: &WorkspaceQuotes) -> Result<(), Error> {
    if found.quotes.is_empty() {
        return outln!(out, "no quotations");
    }
    for g in &found.groups {
        let who = if g.speakers.is_empty() {
            "speaker not told".to_string()
        } else {
            g.speakers.join(" / ")
        };
        let kinds: Vec<String> = g.kinds.iter().map(name_of).collect();
        let tail = if kinds.is_empty() {
            String::new()
        } else {
            format!("  [{}]", kinds.join(", "))
        };
        outln!(out, "{}{}", escaped(&who), tail)?;
        for &i in &g.quotes {
            let q = &found.quotes[i];
            let from = match (&q.file, &q.outlet, &q.source) {
                (Some(f), _, _) => format!("file {f}"),
                (_, Some(outlet), _) => outlet.clone(),
                (_, _, Some(s)) => s.chars().take(8).collect(),
                _ => String::new(),
            };
            let speaker = q.speaker.as_deref().unwrap_or("?");
            outln!(
                out,
                "  {:<16} “{}” — {}",
                escaped(&one_line(&from, 16)),
                escaped(&one_line(&q.text, 100)),
                escaped(speaker)
            )?;
        }
        for p in &g.paraphrases {
            outln!(out, "  unquoted: {}", escaped(&one_line(&p.text, 100)))?;
        }
    }
    Ok(())
}

/// The JSON name of a kind ("other_speaker", "number").
fn name_of(kind: &impl Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The sentences `checkworthy --json` prints.
#[derive(Serialize)]
struct Ranked<'a> {
    sentences: &'a [claimdesk_core::quotes::checkworthy::CheckworthySentence],
}

/// Prints the source's sentences worth checking, best first, with reasons.
pub fn run_checkworthy(
    ctx: &Context,
    args: &CheckworthyArgs,
    out: &mut impl Write,
) -> Result<(), Error> {
    if args.limit == Some(0) {
        return Err(Error::Invalid("--limit must be at least 1".into()));
    }
    let ws = ctx.open()?;
    let ranked = source_checkworthy(&ws, &args.source, args.limit)?;
    if ctx.json {
        return output::json(out, &Ranked { sentences: &ranked });
    }
    if ranked.is_empty() {
        return outln!(out, "no sentence of this source states anything checkable");
    }
    for s in &ranked {
        let reasons: Vec<String> = s
            .reasons
            .iter()
            .map(|r| format!("{} {:+} ({})", name_of(&r.kind), r.weight, r.words))
            .collect();
        outln!(out, "{:>3}  {}", s.score, escaped(&one_line(&s.text, 120)))?;
        outln!(out, "     {}", escaped(&reasons.join("; ")))?;
    }
    Ok(())
}
