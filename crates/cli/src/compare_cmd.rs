//! `claimdesk compare` and `claimdesk segment`: thin adapters over the core's
//! compare engine. Files are read as UTF-8 plain text; no workspace is needed.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use claimdesk_core::Error;
use claimdesk_core::compare::view::TextsComparison;
use claimdesk_core::compare::{
    CompareOptions, Comparison, DiffOp, DifferenceKind, Op, Row, ShowOnly, VersionDiff,
    compare_texts, compare_versions,
};
use claimdesk_core::ingest::text::read_utf8_file;
use claimdesk_core::text::segment;
use serde::Serialize;

/// Arguments of `claimdesk compare`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// The left text (the older version with --versions): a UTF-8 text file,
    /// or a source id, with @N for its version N (e.g. 019ad3f2@1).
    #[arg(value_name = "LEFT")]
    pub left: String,
    /// The right text (the newer version with --versions): a file or a source id[@N].
    #[arg(value_name = "RIGHT")]
    pub right: String,
    /// Compare two versions of one source as an edit history.
    #[arg(long)]
    pub versions: bool,
    /// Print JSON instead of a side-by-side view (set from the global --json).
    #[arg(skip)]
    pub json: bool,
    /// Publication day of LEFT, to place "Thursday" or "Thanksgiving" on the calendar.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub left_date: Option<NaiveDate>,
    /// Publication day of RIGHT.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub right_date: Option<NaiveDate>,
    /// More texts (files or source ids) to compare, each against --pivot.
    #[arg(value_name = "MORE")]
    pub more: Vec<String>,
    /// Which of the texts the others are compared against (as written on the
    /// command line); needed with more than two texts.
    #[arg(long, value_name = "TEXT")]
    pub pivot: Option<String>,
    /// Show only the pairs that differ, and the sentences one side lacks.
    #[arg(long)]
    pub changes_only: bool,
    /// Show only the pairs with differences of these kinds, and only those
    /// differences: quote, number, date, entity, wording (comma-separated).
    #[arg(long, value_name = "KINDS")]
    pub kind: Option<String>,
}

impl CompareArgs {
    /// What the --changes-only and --kind flags keep; a bad kind is refused.
    pub fn show_only(&self) -> Result<ShowOnly, Error> {
        Ok(ShowOnly {
            changes: self.changes_only,
            kinds: match &self.kind {
                Some(list) => DifferenceKind::parse_list(list)?,
                None => Vec::new(),
            },
        })
    }
}

/// Arguments of `claimdesk segment`.
#[derive(Debug, Clone, clap::Args)]
pub struct SegmentArgs {
    /// A UTF-8 text file.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Print JSON instead of one sentence per line (set from the global --json).
    #[arg(skip)]
    pub json: bool,
}

/// `claimdesk compare LEFT RIGHT`: reads both files and prints the comparison.
pub fn run_compare(args: &CompareArgs, out: &mut impl Write) -> Result<(), Error> {
    let show = args.show_only()?;
    let left = read_utf8_file(Path::new(&args.left))?;
    let right = read_utf8_file(Path::new(&args.right))?;
    run_compare_named((&left, &args.left), (&right, &args.right), args, &show, out)
}

/// Compares two already loaded texts (from files or from a workspace's
/// sources), each with the name its column is headed by, and prints the
/// result as `args` asks.
pub fn run_compare_named(
    (left, left_name): (&str, &str),
    (right, right_name): (&str, &str),
    args: &CompareArgs,
    show: &ShowOnly,
    out: &mut impl Write,
) -> Result<(), Error> {
    let opts = CompareOptions {
        left_published: args.left_date,
        right_published: args.right_date,
    };
    if args.versions {
        let mut diff = compare_versions(left, right, &opts);
        if *show != ShowOnly::default() {
            diff.comparison = diff.comparison.keep(show);
        }
        if args.json {
            write_json(out, &TextsComparison::of_versions(&diff, left, right))
        } else {
            write_versions(out, &diff, left_name, right_name)
        }
    } else {
        let comparison = compare_texts(left, right, &opts).keep(show);
        if args.json {
            write_json(out, &TextsComparison::of(&comparison, left, right))
        } else {
            write_side_by_side(out, &comparison, left_name, right_name, true)
        }
    }
}

/// `claimdesk segment FILE`: prints the file's sentences.
pub fn run_segment(args: &SegmentArgs, out: &mut impl Write) -> Result<(), Error> {
    let text = read_utf8_file(Path::new(&args.file))?;
    run_segment_text(&text, args.json, out)
}

/// The sentence as `segment --json` prints it.
#[derive(Serialize)]
struct SegmentRow<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// Prints the sentences of an already loaded text.
pub fn run_segment_text(text: &str, json: bool, out: &mut impl Write) -> Result<(), Error> {
    let sentences = segment(text);
    if json {
        let rows: Vec<SegmentRow<'_>> = sentences
            .iter()
            .map(|s| SegmentRow {
                text: s.text,
                start: s.start,
                end: s.end,
            })
            .collect();
        return write_json(out, &rows);
    }
    for s in &sentences {
        writeln!(out, "{:>4}  {}", s.index, one_line(s.text)).map_err(io)?;
    }
    Ok(())
}

fn io(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}

pub(crate) fn write_json(out: &mut impl Write, value: &impl Serialize) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut *out, value)
        .map_err(|e| crate::output::json_failed("cannot write output", e))?;
    writeln!(out).map_err(io)
}

/// Width of each column of the side-by-side view.
const COLUMN: usize = 48;

fn one_line(text: &str) -> String {
    crate::output::one_line(text, usize::MAX)
}

/// Wraps text into lines of at most `width` characters (longer words are cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_owned();
        loop {
            let needed = if line.is_empty() {
                word.chars().count()
            } else {
                line.chars().count() + 1 + word.chars().count()
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if line.is_empty() {
                let head: String = word.chars().take(width).collect();
                word = word.chars().skip(width).collect();
                lines.push(head);
                if word.is_empty() {
                    break;
                }
            } else {
                lines.push(std::mem::take(&mut line));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A sentence rendered with its changes marked: [-deleted-] on the left, {+inserted+} on the right.
fn marked(diff: &[DiffOp<'_>], left_side: bool) -> String {
    let mut s = String::new();
    for op in diff {
        match (op.op, left_side) {
            (Op::Equal, _) => s.push_str(op.text),
            (Op::Delete, true) => s.push_str(&format!("[-{}-]", op.text)),
            (Op::Insert, false) => s.push_str(&format!("{{+{}+}}", op.text)),
            _ => {}
        }
    }
    s
}

fn write_columns(out: &mut impl Write, marker: char, left: &str, right: &str) -> Result<(), Error> {
    let (left, right) = (crate::output::escaped(left), crate::output::escaped(right));
    let (l, r) = (wrap(&left, COLUMN), wrap(&right, COLUMN));
    for i in 0..l.len().max(r.len()).max(1) {
        let lt = l.get(i).map_or("", String::as_str);
        let rt = r.get(i).map_or("", String::as_str);
        let m = if i == 0 { marker } else { ' ' };
        let pad = COLUMN - lt.chars().count().min(COLUMN);
        writeln!(out, "{m} {lt}{} │ {rt}", " ".repeat(pad)).map_err(io)?;
    }
    Ok(())
}

pub(crate) fn write_side_by_side(
    out: &mut impl Write,
    c: &Comparison<'_>,
    left_name: &str,
    right_name: &str,
    show_unchanged: bool,
) -> Result<(), Error> {
    write_columns(out, ' ', left_name, right_name)?;
    writeln!(out, "{}", "─".repeat(COLUMN * 2 + 5)).map_err(io)?;
    for row in c.rows() {
        match row {
            Row::Pair(at) => {
                let p = &c.pairs[at];
                if p.left.text == p.right.text {
                    if show_unchanged {
                        write_columns(out, '=', p.left.text, p.right.text)?;
                    }
                    continue;
                }
                write_columns(out, '~', &marked(&p.diff, true), &marked(&p.diff, false))?;
                for d in &p.differences {
                    writeln!(
                        out,
                        "    {}: {} → {}",
                        d.kind.as_str(),
                        quoted(d.left),
                        quoted(d.right)
                    )
                    .map_err(io)?;
                }
            }
            Row::LeftOnly(at) => write_columns(out, '<', c.left_only[at].text, "")?,
            Row::RightOnly(at) => write_columns(out, '>', "", c.right_only[at].text)?,
        }
    }
    writeln!(
        out,
        "\n{} pairs, {} only in {left_name}, {} only in {right_name}",
        c.pairs.len(),
        c.left_only.len(),
        c.right_only.len()
    )
    .map_err(io)
}

fn quoted(s: &str) -> String {
    if s.is_empty() {
        "(nothing)".to_owned()
    } else {
        format!("“{}”", one_line(s))
    }
}

fn write_versions(
    out: &mut impl Write,
    v: &VersionDiff<'_>,
    old_name: &str,
    new_name: &str,
) -> Result<(), Error> {
    let s = v.summary;
    writeln!(
        out,
        "{} unchanged (not shown), {} reworded, {} removed, {} added\n",
        s.unchanged, s.reworded, s.removed, s.added
    )
    .map_err(io)?;
    write_side_by_side(out, &v.comparison, old_name, new_name, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_within_the_column() {
        let lines = wrap(
            "a somewhat long sentence that needs wrapping into narrow lines",
            12,
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 12));
        assert_eq!(
            lines.join(" "),
            "a somewhat long sentence that needs wrapping into narrow lines"
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }
}
