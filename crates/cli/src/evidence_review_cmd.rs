//! `claimdesk evidence review | accept | keep`: the passages whose source got
//! a newer version since they were read, and the checker's decision on each.

use std::io::Write;

use claimdesk_core::anchor::{PassageStatus, summary};
use claimdesk_core::store::PassageReview;
use claimdesk_core::{Error, Workspace};

use crate::output::{self, outln};

/// Lists every passage waiting for a decision.
pub fn review(ws: &Workspace, json: bool, out: &mut impl Write) -> Result<(), Error> {
    let list = ws.passage_reviews().list()?;
    if json {
        return output::json(out, &list);
    }
    if list.is_empty() {
        eprintln!("no passages to review: no source has changed since its passages were read");
    }
    for r in &list {
        line(out, r)?;
    }
    Ok(())
}

/// Moves a passage to the version it was followed into.
pub fn accept(
    ws: &Workspace,
    id: &str,
    note: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let r = ws.passage_reviews().accept(id, note)?;
    decided(&r, json, out, "accepted", "now reads", r.version)
}

/// Leaves a passage on the version it was read in.
pub fn keep(
    ws: &Workspace,
    id: &str,
    note: Option<&str>,
    json: bool,
    out: &mut impl Write,
) -> Result<(), Error> {
    let r = ws.passage_reviews().keep(id, note)?;
    decided(&r, json, out, "kept", "stays on", r.read_in_version)
}

/// Prints a decision: the review as JSON, or one line on standard error.
fn decided(
    r: &PassageReview,
    json: bool,
    out: &mut impl Write,
    what: &str,
    where_: &str,
    version: u32,
) -> Result<(), Error> {
    if json {
        return output::json(out, r);
    }
    eprintln!(
        "{what}: evidence {} {where_} version {version} of \"{}\"",
        r.evidence_id, r.source_title
    );
    Ok(())
}

fn line(out: &mut impl Write, r: &PassageReview) -> Result<(), Error> {
    let what = match r.status {
        PassageStatus::Unchanged => format!("unchanged in version {}", r.version),
        PassageStatus::Edited => format!(
            "version {} changed this passage: {}",
            r.version,
            summary(&r.diff)
        ),
        PassageStatus::Gone => format!("no longer in version {}", r.version),
    };
    outln!(
        out,
        "{}\t{}\tv{}\t{}\t\"{}\"\t{}",
        r.evidence_id,
        r.status.as_str(),
        r.read_in_version,
        output::one_line(&r.source_title, 40),
        output::one_line(&r.exact, 60),
        what
    )
}
