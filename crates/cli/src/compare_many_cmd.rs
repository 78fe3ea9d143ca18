//! `claimdesk compare A B C --pivot A`: several texts (files or sources), each
//! compared against the pivot, as the app's outlets view does.

use std::io::Write;

use claimdesk_core::compare::view::TextsComparison;
use claimdesk_core::compare::{ManyOptions, compare_many};
use claimdesk_core::{Error, Workspace};
use serde::Serialize;

use crate::Context;
use crate::compare_cmd::{CompareArgs, write_json, write_side_by_side};
use crate::compare_input::{Loaded, load, looks_like_source};

/// What `compare --pivot --json` prints.
#[derive(Serialize)]
struct ManyJson<'a> {
    /// The pivot's name: its outlet (or title), or its path.
    pivot: &'a str,
    /// One comparison per other text, in the order given.
    outlets: Vec<OutletJson<'a>>,
}

#[derive(Serialize)]
struct OutletJson<'a> {
    /// The text's name, as the pivot's.
    name: &'a str,
    #[serde(flatten)]
    comparison: TextsComparison,
}

/// Loads every text and prints each comparison against the pivot.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut impl Write) -> Result<(), Error> {
    let inputs: Vec<&str> = [args.left.as_str(), args.right.as_str()]
        .into_iter()
        .chain(args.more.iter().map(String::as_str))
        .collect();
    let pivot = pivot_of(args, &inputs)?;
    let show = args.show_only()?;
    let ws = if inputs.iter().any(|i| looks_like_source(i)) {
        Some(ctx.open()?)
    } else {
        None
    };
    let loaded = inputs
        .iter()
        .map(|i| load_one(ws.as_ref(), i))
        .collect::<Result<Vec<_>, _>>()?;
    let (pivot_side, others): (Vec<_>, Vec<_>) = loaded
        .iter()
        .zip(&inputs)
        .partition(|(_, input)| **input == pivot);
    let Some((pivot_side, _)) = pivot_side.first() else {
        return Err(Error::Invalid(format!(
            "--pivot {pivot:?} is not one of the texts"
        )));
    };
    let others: Vec<&Loaded> = others.into_iter().map(|(l, _)| l).collect();
    let opts = ManyOptions {
        pivot_published: pivot_side.date,
        others_published: others.iter().map(|o| o.date).collect(),
    };
    let texts: Vec<&str> = others.iter().map(|o| o.text.as_str()).collect();
    let compared: Vec<_> = compare_many(&pivot_side.text, &texts, &opts)
        .into_iter()
        .map(|c| c.keep(&show))
        .collect();
    if args.json {
        let outlets = compared
            .iter()
            .zip(&others)
            .map(|(c, o)| OutletJson {
                name: &o.name,
                comparison: TextsComparison::of(c, &pivot_side.text, &o.text),
            })
            .collect();
        return write_json(
            out,
            &ManyJson {
                pivot: &pivot_side.name,
                outlets,
            },
        );
    }
    for (i, (c, o)) in compared.iter().zip(&others).enumerate() {
        if i > 0 {
            writeln!(out).map_err(|e| Error::io("cannot write output", e))?;
        }
        write_side_by_side(out, c, &pivot_side.name, &o.name, true)?;
    }
    Ok(())
}

/// The pivot as written on the command line, checked against the texts.
fn pivot_of<'a>(args: &'a CompareArgs, inputs: &[&'a str]) -> Result<&'a str, Error> {
    if args.versions {
        return Err(Error::Invalid(
            "--versions compares two versions of one source: give it no --pivot and no third text"
                .into(),
        ));
    }
    if args.left_date.is_some() || args.right_date.is_some() {
        return Err(Error::Invalid(
            "--left-date and --right-date are for two texts without --pivot; with --pivot each source's own publication day is used"
                .into(),
        ));
    }
    let Some(pivot) = args.pivot.as_deref() else {
        return Err(Error::Invalid(format!(
            "comparing {} texts needs --pivot naming the one the others are compared against, e.g. --pivot {}",
            inputs.len(),
            inputs[0]
        )));
    };
    let uses = inputs.iter().filter(|i| **i == pivot).count();
    match uses {
        0 => Err(Error::Invalid(format!(
            "--pivot {pivot:?} is not one of the texts compared ({}); give one of them as written",
            inputs.join(", ")
        ))),
        1 => Ok(pivot),
        _ => Err(Error::Invalid(format!(
            "{pivot:?} is given more than once; the pivot is compared with the other texts, not with itself"
        ))),
    }
}

fn load_one(ws: Option<&Workspace>, input: &str) -> Result<Loaded, Error> {
    match ws {
        Some(ws) => load(ws, input),
        None => Ok(Loaded {
            text: claimdesk_core::ingest::text::read_utf8_file(std::path::Path::new(input))?,
            date: None,
            name: input.to_owned(),
            version: None,
        }),
    }
}
