//! `claimdesk source edit`: correct a source's details, as the app's
//! *Edit details* does. Its text and versions stay as captured.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::store::source_details::SourceDetails;
use clap::Args;

use crate::{Context, output};

/// Each given field replaces the stored one; a blank value ("") clears it.
#[derive(Args)]
pub struct EditArgs {
    /// Source id (or unique prefix)
    id: String,
    /// Title (cannot be blank)
    #[arg(long)]
    title: Option<String>,
    /// Publishing outlet
    #[arg(long)]
    outlet: Option<String>,
    /// Authors, separated by commas
    #[arg(long)]
    authors: Option<String>,
    /// Publication date (YYYY-MM-DD)
    #[arg(long)]
    published: Option<String>,
    /// Date of the last change the page states (YYYY-MM-DD)
    #[arg(long)]
    modified: Option<String>,
    /// The page's canonical http(s) address; re-captures of it add versions
    #[arg(long)]
    canonical_url: Option<String>,
    /// Language tag, e.g. en or pt-BR
    #[arg(long)]
    language: Option<String>,
}

pub fn run(ctx: &Context, a: EditArgs, out: &mut impl Write) -> Result<(), Error> {
    let given = [
        &a.title,
        &a.outlet,
        &a.authors,
        &a.published,
        &a.modified,
        &a.canonical_url,
        &a.language,
    ];
    if given.iter().all(|g| g.is_none()) {
        return Err(Error::Invalid(
            "name a detail to change, e.g. --outlet \"Northern Ledger\" (\"\" clears one)".into(),
        ));
    }
    let ws = ctx.open()?;
    let sources = ws.sources();
    let current = sources.get(&a.id)?;
    let mut details = SourceDetails::of(&current);
    // Blank optional fields are cleared by core; the title it refuses.
    let replace = |field: &mut Option<String>, value: Option<String>| {
        if let Some(v) = value {
            *field = Some(v);
        }
    };
    if let Some(t) = a.title {
        details.title = t;
    }
    replace(&mut details.outlet, a.outlet);
    replace(&mut details.published_on, a.published);
    replace(&mut details.modified_on, a.modified);
    replace(&mut details.canonical_url, a.canonical_url);
    replace(&mut details.language, a.language);
    if let Some(list) = a.authors {
        details.authors = list
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
    }
    let saved = sources.edit_details(&current.id, details)?;
    if ctx.json {
        return output::json(out, &saved);
    }
    output::source(out, &saved.source)?;
    eprintln!("saved the details of source {}", saved.source.id);
    Ok(())
}
