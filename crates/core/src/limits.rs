//! How much one piece of input may hold. Anything over a limit is refused
//! whole, with a message naming the field and the limit, before anything is
//! written: a hostile file or paste cannot fill the workspace or stall the
//! window that shows it.

use crate::{Error, Result};

/// One source text, HTML snapshot, file, pasted text or fetched page: 20 MB
/// (the fetch limit too).
pub const MAX_SOURCE_BYTES: usize = 20 * 1024 * 1024;

/// One bundle or ClaimReview document read for import: 200 MB.
pub const MAX_IMPORT_BYTES: usize = 200 * 1024 * 1024;

/// A claim's statement, in characters.
pub const MAX_STATEMENT_CHARS: usize = 5_000;

/// A short field (claimant, tag, source title, outlet, author, language,
/// URL), in characters.
pub const MAX_FIELD_CHARS: usize = 2_000;

/// Prose a person writes (claim notes, a verdict's rationale, an evidence or
/// history note), in characters.
pub const MAX_NOTE_CHARS: usize = 100_000;

/// Refuses `value` when it has more than `max` characters; `what` names the
/// field ("the statement").
pub fn check_chars(what: &str, value: &str, max: usize) -> Result<()> {
    // A string of at most `max` bytes cannot hold more characters: no need to count.
    if value.len() <= max {
        return Ok(());
    }
    let chars = value.chars().count();
    if chars <= max {
        return Ok(());
    }
    Err(Error::invalid(format!(
        "{what} is {} characters long; the limit is {}: shorten it",
        thousands(chars),
        thousands(max)
    )))
}

/// Refuses `len` bytes of `what` over `max`.
pub fn check_bytes(what: &str, len: usize, max: usize) -> Result<()> {
    if len <= max {
        return Ok(());
    }
    Err(Error::invalid(format!(
        "{what} is {} long; the limit is {}: split it or keep the part you need",
        size(len),
        size(max)
    )))
}

/// Optional short fields, each checked against [`MAX_FIELD_CHARS`].
pub(crate) fn check_fields<'a>(
    fields: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Result<()> {
    for (what, value) in fields {
        if let Some(v) = value {
            check_chars(what, v, MAX_FIELD_CHARS)?;
        }
    }
    Ok(())
}

fn size(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64).replace(".0 MB", " MB")
    } else {
        format!("{} bytes", thousands(bytes))
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes_and_name_the_field() {
        assert!(check_chars("the statement", &"é".repeat(5_000), MAX_STATEMENT_CHARS).is_ok());
        let err = check_chars("the statement", &"é".repeat(5_001), MAX_STATEMENT_CHARS)
            .expect_err("over");
        assert_eq!(
            err.to_string(),
            "the statement is 5,001 characters long; the limit is 5,000: shorten it"
        );
        let err =
            check_bytes("the source text", 21 * 1024 * 1024, MAX_SOURCE_BYTES).expect_err("over");
        assert!(
            err.to_string()
                .contains("is 21 MB long; the limit is 20 MB"),
            "{err}"
        );
    }
}
