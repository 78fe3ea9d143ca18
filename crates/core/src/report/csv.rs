//! The CSV report: one row per claim, RFC 4180 (quoted where needed, CRLF
//! line ends), with a header row. Cells that a spreadsheet would run as a
//! formula get a leading apostrophe.

use super::ReportData;
use crate::error::{Error, Result};
use crate::model::Stance;

/// The header row, in order.
pub const COLUMNS: [&str; 17] = [
    "claim_id",
    "statement",
    "claimant",
    "claimed_on",
    "event_on",
    "verdict",
    "verdict_key",
    "rating",
    "rationale",
    "tags",
    "evidence_count",
    "supports",
    "disputes",
    "context",
    "sources",
    "evidence",
    "updated_at",
];

pub(super) fn render(data: &ReportData) -> Result<String> {
    let broken = |e: csv::Error| Error::render("cannot write CSV", e);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(broken)?;
    for c in &data.claims {
        let count = |s: Stance| {
            c.evidence
                .iter()
                .filter(|e| e.stance == s)
                .count()
                .to_string()
        };
        let mut sources: Vec<String> = Vec::new();
        for e in &c.evidence {
            let s = &e.source;
            let mut line = match &s.outlet {
                Some(o) => format!("{o} — {}", s.title),
                None => s.title.clone(),
            };
            if let Some(url) = &s.url {
                line.push_str(&format!(" <{url}>"));
            }
            if !sources.contains(&line) {
                sources.push(line);
            }
        }
        let evidence: Vec<String> = c
            .evidence
            .iter()
            .map(|e| {
                let line = format!(
                    "[{}] “{}” — {}, version {}, sha256 {}",
                    e.stance.as_str(),
                    e.quote,
                    e.source.outlet.as_deref().unwrap_or(&e.source.title),
                    e.version.number,
                    e.version.sha256
                );
                match &e.later {
                    Some(later) => format!("{line} ({})", later.summary),
                    None => line,
                }
            })
            .collect();
        let row = [
            c.id.clone(),
            c.statement.clone(),
            c.claimant.clone().unwrap_or_default(),
            c.claimed_on.map(|d| d.to_string()).unwrap_or_default(),
            c.event_on.map(|d| d.to_string()).unwrap_or_default(),
            c.verdict.label.clone(),
            c.verdict.key.clone(),
            c.verdict.rating.map(|r| r.to_string()).unwrap_or_default(),
            c.rationale.clone(),
            c.tags.join("; "),
            c.evidence.len().to_string(),
            count(Stance::Supports),
            count(Stance::Disputes),
            count(Stance::Context),
            sources.join("\n"),
            evidence.join("\n"),
            c.updated_at
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ];
        w.write_record(row.iter().map(|cell| defuse_formula(cell)))
            .map_err(broken)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::render("cannot write CSV", e))?;
    String::from_utf8(bytes).map_err(|e| Error::render("cannot write CSV", e))
}

/// Spreadsheets run a cell starting with `=`, `+`, `-`, `@`, tab or carriage
/// return as a formula; an apostrophe in front makes it text again.
fn defuse_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_become_text() {
        assert_eq!(defuse_formula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_formula("Ferry fares rose 5%"), "Ferry fares rose 5%");
    }
}
