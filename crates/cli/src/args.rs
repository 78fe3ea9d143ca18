//! Parsers for argument values, so bad values are usage errors with a hint.

use chrono::NaiveDate;

/// A calendar date as YYYY-MM-DD.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date: write it as YYYY-MM-DD, e.g. 2025-11-27"))
}

/// A value that may be cleared: `None` clears the field.
///
/// An alias rather than a plain `Option<Option<T>>` on purpose: clap's derive
/// reads `Option<Option<T>>` as "a flag with an optional `T`" and then panics
/// when the value parser hands it an `Option<T>`. Behind the alias, the parser
/// below produces the whole `Option<T>` and an empty value means "clear".
pub type Clearable<T> = Option<T>;

/// A date, or an empty string to clear the field.
pub fn optional_date(s: &str) -> Result<Option<NaiveDate>, String> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        date(s).map(Some)
    }
}

/// A free-text field where an empty string clears the field.
pub fn optional_text(s: &str) -> Result<Option<String>, String> {
    let t = s.trim();
    Ok((!t.is_empty()).then(|| t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_real_calendar_days() {
        assert!(date("2025-11-27").is_ok());
        assert!(date("2025-02-30").is_err());
        assert!(date("27/11/2025").is_err());
        assert_eq!(optional_date(""), Ok(None));
    }
}
