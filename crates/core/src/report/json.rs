//! The JSON report: [`ReportData`] as one pretty-printed document in the
//! versioned `claimdesk.report/1` schema (documented in docs/reports.md).
//! Fields are only ever added within a schema version; renaming or removing
//! one means `claimdesk.report/2`.

use super::ReportData;
use crate::error::{Error, Result};

/// The schema name and version written in every JSON report.
pub const REPORT_SCHEMA: &str = "claimdesk.report/1";

pub(super) fn render(data: &ReportData) -> Result<String> {
    let mut text = serde_json::to_string_pretty(data)
        .map_err(|e| Error::render("cannot write the JSON report", e))?;
    text.push('\n');
    Ok(text)
}
