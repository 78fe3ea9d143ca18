//! `claimdesk check`: reports whether the workspace file is sound. Exits 0
//! when it is, 1 when a rule is broken or the file cannot be checked. Writes nothing.

use std::io::Write;

use claimdesk_core::Error;
use claimdesk_core::store::check::{CheckReport, Rule, check_file};

use crate::output::outln;
use crate::{Context, output};

pub fn run(ctx: &Context, out: &mut impl Write) -> Result<(), Error> {
    let report = check_file(&ctx.db)?;
    if ctx.json {
        output::json(out, &report)?;
    } else {
        print(ctx, &report, out)?;
    }
    if report.ok {
        return Ok(());
    }
    Err(Error::Conflict(format!(
        "{} failed {} check{}; nothing was changed. Go back to a backup (claimdesk backup, \
         or the copy kept before a schema update) or export what is sound with `bundle export`",
        ctx.db.display(),
        report.problem_count,
        if report.problem_count == 1 { "" } else { "s" }
    )))
}

fn print(ctx: &Context, report: &CheckReport, out: &mut impl Write) -> Result<(), Error> {
    let c = &report.counted;
    let verdict = if report.ok {
        "sound".to_string()
    } else {
        format!("{} problem(s)", report.problem_count)
    };
    outln!(
        out,
        "{} (schema {}): {verdict}",
        output::escaped(&ctx.db.display().to_string()),
        report.schema_version
    )?;
    outln!(
        out,
        "  {} claims, {} history rows, {} sources, {} versions, {} passages of evidence",
        c.claims,
        c.history,
        c.sources,
        c.versions,
        c.evidence
    )?;
    outln!(
        out,
        "  checked: integrity, foreign keys, evidence selectors, version hashes, history sequence, orphans"
    )?;
    for p in &report.problems {
        outln!(
            out,
            "  {:<18} {}",
            rule_name(p.rule),
            output::escaped(&p.message)
        )?;
    }
    let listed = u32::try_from(report.problems.len()).unwrap_or(u32::MAX);
    if report.problem_count > listed {
        outln!(out, "  … and {} more", report.problem_count - listed)?;
    }
    Ok(())
}

fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Integrity => "integrity",
        Rule::ForeignKeys => "foreign_keys",
        Rule::EvidenceSelectors => "evidence_selectors",
        Rule::VersionHash => "version_hash",
        Rule::HistorySequence => "history_sequence",
        Rule::Orphans => "orphans",
        Rule::ClaimMerges => "claim_merges",
        Rule::DatePins => "date_pins",
    }
}
