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
pub fn run(ctx: &Context, args: &CompareArgs) -> Result<(), Error> {
    if !looks_like_source(&args.left) && !looks_like_source(&args.right) {
        return with_stdout(|out| compare_cmd::run_compare(args, out));
    }
    let ws = ctx.open()?;
    let (left, left_date) = load(&ws, &args.left)?;
    let (right, right_date) = load(&ws, &args.right)?;
    let mut args = args.clone();
    args.left_date = args.left_date.or(left_date);
    args.right_date = args.right_date.or(right_date);
    with_stdout(|out| compare_cmd::run_compare_texts(&left, &right, &args, out))
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

/// Runs `f` on a buffered stdout and flushes it. When the reader goes away
/// early (`claimdesk compare a b | head`), stops quietly: nobody is left to
/// read the rest, so that is no error.
pub fn with_stdout(
    f: impl FnOnce(&mut std::io::BufWriter<ReaderWatch<std::io::StdoutLock<'_>>>) -> Result<(), Error>,
) -> Result<(), Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(ReaderWatch {
        inner: stdout.lock(),
        reader_gone: false,
    });
    let result = f(&mut out).and_then(|()| {
        out.flush()
            .map_err(|e| Error::Io(format!("cannot write output: {e}")))
    });
    if out.get_ref().reader_gone {
        return Ok(());
    }
    result
}

/// A writer that notes when the reading end of its pipe has closed.
pub struct ReaderWatch<W> {
    inner: W,
    reader_gone: bool,
}

impl<W: Write> ReaderWatch<W> {
    fn note(&mut self, e: std::io::Error) -> std::io::Error {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.reader_gone = true;
        }
        e
    }
}

impl<W: Write> Write for ReaderWatch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.note(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.note(e))
    }
}
