//! The Markdown report: clean and diff-friendly (one fact per line, no
//! trailing spaces, no dates that change between runs), for pasting into a
//! CMS. Stored text is escaped so it reads as text, never as markup.

use std::fmt::Write;

use super::{ReportData, ReportEvidence, web_link};
use crate::model::{BEST_RATING, Verdict};

pub(super) fn render(data: &ReportData) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_report(&mut out, data);
    out
}

fn write_report(out: &mut String, data: &ReportData) -> std::fmt::Result {
    writeln!(out, "# Fact-check report")?;
    writeln!(out)?;
    if let Some(p) = &data.publisher {
        writeln!(out, "Published by {}.", text(p))?;
    }
    writeln!(
        out,
        "{} claim{}: {}.",
        data.claims.len(),
        if data.claims.len() == 1 { "" } else { "s" },
        text(&data.selection.describe())
    )?;
    for (i, claim) in data.claims.iter().enumerate() {
        writeln!(out)?;
        writeln!(out, "## {}. {}", i + 1, text(&claim.statement))?;
        writeln!(out)?;
        if let Some(who) = &claim.claimant {
            writeln!(out, "- **Claimant:** {}", text(who))?;
        }
        if let Some(d) = claim.claimed_on {
            writeln!(out, "- **Claimed on:** {d}")?;
        }
        if let Some(d) = claim.event_on {
            writeln!(out, "- **About the date:** {d}")?;
        }
        writeln!(out, "- **Verdict:** {}", verdict(&claim.verdict))?;
        if !claim.tags.is_empty() {
            writeln!(out, "- **Tags:** {}", text(&claim.tags.join(", ")))?;
        }
        writeln!(out, "- **Claim id:** `{}`", claim.id)?;
        if !claim.rationale.is_empty() {
            writeln!(out)?;
            writeln!(out, "**Why:** {}", block(&claim.rationale))?;
        }
        writeln!(out)?;
        if claim.evidence.is_empty() {
            writeln!(out, "No evidence linked.")?;
            continue;
        }
        writeln!(out, "### Evidence")?;
        for (j, e) in claim.evidence.iter().enumerate() {
            writeln!(out)?;
            evidence(out, j + 1, e)?;
        }
    }
    Ok(())
}

fn verdict(v: &Verdict) -> String {
    match v.rating {
        Some(r) => format!("{} ({r}/{BEST_RATING})", text(&v.label)),
        None => text(&v.label),
    }
}

fn evidence(out: &mut String, n: usize, e: &ReportEvidence) -> std::fmt::Result {
    let stance = e.stance.as_str();
    let mut stance_word = stance[..1].to_uppercase();
    stance_word.push_str(&stance[1..]);
    writeln!(out, "{n}. **{stance_word}:** “{}”", text(&e.quote))?;
    let s = &e.source;
    let title = text(&s.title);
    let title = match web_link(s.url.as_deref()) {
        Some(url) => format!("[{title}](<{}>)", link_target(url)),
        None => format!("*{title}*"),
    };
    let mut from = match &s.outlet {
        Some(o) => format!("{}, {title}", text(o)),
        None => title,
    };
    if let Some(d) = s.published_on {
        let _ = write!(from, ", published {d}");
    }
    writeln!(out, "   - Source: {from}")?;
    writeln!(
        out,
        "   - Captured as version {}, sha256 `{}`",
        e.version.number, e.version.sha256
    )?;
    if let Some(later) = &e.later {
        writeln!(out, "   - {}", text(&later.summary))?;
    }
    if !e.note.is_empty() {
        writeln!(out, "   - Note: {}", text(&e.note))?;
    }
    Ok(())
}

/// Escapes text for use inside a Markdown line: every character that could
/// start inline markup, an HTML tag or an entity is backslash-escaped, and
/// line breaks become spaces.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '&'
                | '#'
                | '|'
                | '~'
                | '!'
                | '{'
                | '}'
                | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes multi-line text, keeping paragraphs as Markdown hard breaks and
/// escaping what would start a block (a heading, a list, a quote) on a line.
fn block(s: &str) -> String {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let escaped = text(line);
            let starts_block = line.starts_with(['-', '+', '=', '>'])
                || line
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if starts_block && !escaped.starts_with('\\') {
                let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
                format!("{}\\{}", &escaped[..digits], &escaped[digits..])
            } else {
                escaped
            }
        })
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// A URL inside `<…>` may hold no spaces or angle brackets.
fn link_target(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_stored_text_is_escaped() {
        assert_eq!(
            text("<b>*big*</b> & [x](y)"),
            r"\<b\>\*big\*\</b\> \& \[x\](y)"
        );
        assert_eq!(text("two\nlines"), "two lines");
    }

    #[test]
    fn lines_that_would_start_a_block_are_escaped() {
        assert_eq!(
            block("- not a list\n2. not a step\nplain"),
            "\\- not a list\\\n2\\. not a step\\\nplain"
        );
        assert_eq!(block("# heading"), "\\# heading");
    }
}
