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

/// Loads both sides and prints the comparison.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut impl Write) -> Result<(), Error> {
    if !looks_like_source(&args.left) && !looks_like_source(&args.right) {
        return compare_cmd::run_compare(args, out);
    }
    let ws = ctx.open()?;
    let (left, left_date) = load(&ws, &args.left)?;
    let (right, right_date) = load(&ws, &args.right)?;
    let mut args = args.clone();
    args.left_date = args.left_date.or(left_date);
    args.right_date = args.right_date.or(right_date);
    compare_cmd::run_compare_texts(&left, &right, &args, out)
}

/// A file's text, or a source version's text with the source's publication day.
fn load(ws: &Workspace, arg: &str) -> Result<(String, Option<NaiveDate>), Error> {
    if !looks_like_source(arg) {
        return Ok((read_utf8_file(Path::new(arg))?, None));
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
    Ok((side.text, side.info.published_on))
}

fn neither_file_nor_source(arg: &str) -> Error {
    Error::NotFound(format!(
        "{arg:?} is neither a file nor a source id of this workspace"
    ))
}

/// A source id (hexadecimal and dashes, maybe `@N`) that is not also a file here.
fn looks_like_source(arg: &str) -> bool {
    let id = arg.split_once('@').map_or(arg, |(id, _)| id);
    !Path::new(arg).exists()
        && !id.is_empty()
        && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}
