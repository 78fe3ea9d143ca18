//! What `claimdesk compare` compares: files, or sources of the workspace
//! named by id, with `@N` for one of their versions.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use claimdesk_core::compare::{self, SourceRef};
use claimdesk_core::ingest::text::read_utf8_file;
use claimdesk_core::{Error, Workspace};

use crate::Context;
use crate::compare_cmd::{self, CompareArgs};

/// Loads both sides (or all, against a pivot) and prints the comparison.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut impl Write) -> Result<(), Error> {
    if !args.more.is_empty() || args.pivot.is_some() {
        return crate::compare_many_cmd::run(ctx, args, out);
    }
    if !looks_like_source(&args.left) && !looks_like_source(&args.right) {
        return compare_cmd::run_compare(args, out);
    }
    let show = args.show_only()?;
    let ws = ctx.open()?;
    let left = load(&ws, &args.left)?;
    let right = load(&ws, &args.right)?;
    let (left_name, right_name) = distinct_names(&left, &right);
    let mut args = args.clone();
    args.left_date = args.left_date.or(left.date);
    args.right_date = args.right_date.or(right.date);
    compare_cmd::run_compare_named(
        (&left.text, &left_name),
        (&right.text, &right_name),
        &args,
        &show,
        out,
    )
}

/// One text to compare, as loaded from a file or the workspace.
pub struct Loaded {
    /// The text.
    pub text: String,
    /// The source's publication day, when it is a source.
    pub date: Option<NaiveDate>,
    /// What the output calls it: the outlet (or title) of a source, the path of a file.
    pub name: String,
    /// The version of a source, to tell two versions of one outlet apart.
    pub version: Option<u32>,
}

/// The two sides' names; two versions of one outlet get their numbers.
pub fn distinct_names(left: &Loaded, right: &Loaded) -> (String, String) {
    if left.name == right.name
        && let (Some(l), Some(r)) = (left.version, right.version)
    {
        return (
            format!("{} (version {l})", left.name),
            format!("{} (version {r})", right.name),
        );
    }
    (left.name.clone(), right.name.clone())
}

/// A file's text, or a source version's text with the source's publication
/// day and its outlet's name.
pub fn load(ws: &Workspace, arg: &str) -> Result<Loaded, Error> {
    if !looks_like_source(arg) {
        return Ok(Loaded {
            text: read_utf8_file(Path::new(arg))?,
            date: None,
            name: arg.to_owned(),
            version: None,
        });
    }
    let source = SourceRef::parse(arg)?;
    // The id is resolved on its own first, so that an unknown (or too short)
    // id reads as "neither a file nor a source", while a missing version of a
    // known source keeps its own message.
    match ws.sources().resolve(&source.source) {
        Ok(_) => {}
        Err(Error::NotFound(_)) => return Err(neither_file_nor_source(arg)),
        Err(Error::Invalid(_)) if !arg.contains('@') => return Err(neither_file_nor_source(arg)),
        Err(other) => return Err(other),
    }
    let side = compare::load_side(ws, &source)?;
    Ok(Loaded {
        name: side.info.label().to_owned(),
        date: side.info.published_on,
        version: Some(side.info.version),
        text: side.text,
    })
}

/// The error for an argument that names no file and no source here.
pub fn neither_file_nor_source(arg: &str) -> Error {
    Error::NotFound(format!(
        "{arg:?} is neither a file nor a source id of this workspace"
    ))
}

/// Refuses the first of `args` that is neither a file here nor shaped like a
/// source id, so a mistyped file name reads as one (and needs no workspace).
pub fn files_or_source_ids(args: &[String]) -> Result<(), Error> {
    match args
        .iter()
        .find(|a| !Path::new(a).is_file() && !looks_like_source(a))
    {
        Some(arg) => Err(neither_file_nor_source(arg)),
        None => Ok(()),
    }
}

/// A source id (hexadecimal and dashes, maybe `@N`) that is not also a file here.
pub fn looks_like_source(arg: &str) -> bool {
    let id = arg.split_once('@').map_or(arg, |(id, _)| id);
    !Path::new(arg).exists()
        && !id.is_empty()
        && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}
