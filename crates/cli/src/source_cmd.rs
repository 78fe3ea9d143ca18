//! `claimdesk source …`

use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::model::{AddOutcome, NewSource};
use clap::{Args, Subcommand};

use crate::{Context, args, output};

#[derive(Subcommand)]
pub enum SourceCommand {
    /// Add a source from a text file, or `-` for standard input
    Add(AddArgs),
    /// List sources
    List,
    /// Show a source's details and the text of one version
    Show {
        id: String,
        /// Version number [default: the latest]
        #[arg(long)]
        version: Option<u32>,
    },
    /// List a source's versions
    Versions { id: String },
}

#[derive(Args)]
pub struct AddArgs {
    /// Text file to read, or - for standard input
    file: PathBuf,
    /// Title [default: the text's first line]
    #[arg(long)]
    title: Option<String>,
    /// Publishing outlet, e.g. "Northern Ledger"
    #[arg(long)]
    outlet: Option<String>,
    /// Author (repeat for several)
    #[arg(long = "author")]
    authors: Vec<String>,
    /// Where the text was published
    #[arg(long)]
    url: Option<String>,
    /// Publication date (YYYY-MM-DD)
    #[arg(long, value_parser = args::date)]
    published: Option<NaiveDate>,
    /// Language tag, e.g. en
    #[arg(long)]
    language: Option<String>,
}

pub fn run(ctx: &Context, cmd: SourceCommand) -> Result<(), Error> {
    match cmd {
        SourceCommand::Add(a) => {
            let text = read_text(&a.file)?;
            let ws = ctx.open()?;
            let added = ws.sources().add(NewSource {
                title: a.title.unwrap_or_default(),
                outlet: a.outlet,
                authors: a.authors,
                url: a.url,
                published_on: a.published,
                language: a.language,
                text,
                ..NewSource::default()
            })?;
            if ctx.json {
                return output::json(&added);
            }
            println!("{}", added.source.id);
            match added.outcome {
                AddOutcome::NewSource => eprintln!("added source \"{}\"", added.source.title),
                AddOutcome::NewVersion => {
                    eprintln!(
                        "added version {} of \"{}\"",
                        added.version.number, added.source.title
                    )
                }
                AddOutcome::Unchanged => eprintln!(
                    "unchanged: this text is already version {} of \"{}\"",
                    added.version.number, added.source.title
                ),
            }
        }
        SourceCommand::List => {
            let ws = ctx.open()?;
            let list = ws.sources().list()?;
            if ctx.json {
                return output::json(&list);
            }
            if list.is_empty() {
                eprintln!("no sources yet; add one with `claimdesk source add FILE`");
                return Ok(());
            }
            let shorts = output::short_ids(list.iter().map(|s| s.id.as_str()));
            for s in &list {
                let short = &shorts[&s.id];
                let date = s
                    .published_on
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "          ".into());
                println!(
                    "{short}  {date}  {:<20} {}  (v{})",
                    output::one_line(s.outlet.as_deref().unwrap_or("-"), 20),
                    output::one_line(&s.title, 60),
                    s.version_count
                );
            }
        }
        SourceCommand::Show { id, version } => {
            let ws = ctx.open()?;
            let source = ws.sources().get(&id)?;
            let v = ws.sources().version(&source.id, version)?;
            if ctx.json {
                return output::json(&serde_json::json!({ "source": source, "version": v }));
            }
            println!("source     {}", source.id);
            println!("title      {}", source.title);
            if let Some(o) = &source.outlet {
                println!("outlet     {o}");
            }
            if !source.authors.is_empty() {
                println!("authors    {}", source.authors.join(", "));
            }
            if let Some(u) = &source.url {
                println!("url        {u}");
            }
            if let Some(d) = source.published_on {
                println!("published  {d}");
            }
            println!(
                "version    {} of {} (captured {}, sha256 {})",
                v.number,
                source.version_count,
                v.captured_at.format("%Y-%m-%d %H:%M UTC"),
                v.sha256
            );
            println!();
            println!("{}", v.text);
        }
        SourceCommand::Versions { id } => {
            let ws = ctx.open()?;
            let versions = ws.sources().versions(&id)?;
            if ctx.json {
                return output::json(&versions);
            }
            for v in &versions {
                println!(
                    "v{}  {}  sha256 {}  {} characters",
                    v.number,
                    v.captured_at.format("%Y-%m-%d %H:%M:%S UTC"),
                    &v.sha256[..16],
                    v.text.chars().count()
                );
            }
        }
    }
    Ok(())
}

/// Reads a UTF-8 text file, or standard input for `-`.
fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::Io(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        if path.is_dir() {
            return Err(Error::Invalid(format!(
                "{} is a directory; give a text file",
                path.display()
            )));
        }
        std::fs::read(path)
            .map_err(|e| Error::Io(format!("cannot read {}: {e}", path.display())))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Error::Invalid(format!(
            "{} is not UTF-8 text (bad byte at offset {}); convert it to UTF-8 first",
            if path == Path::new("-") {
                "standard input".to_string()
            } else {
                path.display().to_string()
            },
            e.utf8_error().valid_up_to()
        ))
    })
}
