//! Printing: one JSON document, or short readable text.

use claimdesk_core::Error;
use claimdesk_core::model::{Claim, EvidenceView, Verdict};
use serde::Serialize;

/// Prints `value` as one pretty JSON document on stdout.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), Error> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Io(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// The label of a verdict key, falling back to the key.
pub fn label<'a>(scale: &'a [Verdict], key: &'a str) -> &'a str {
    scale
        .iter()
        .find(|v| v.key == key)
        .map_or(key, |v| v.label.as_str())
}

/// Cuts `s` to `max` characters on one line.
pub fn one_line(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        format!(
            "{}…",
            flat.chars().take(max.saturating_sub(1)).collect::<String>()
        )
    }
}

/// A claim's fields as aligned lines.
pub fn claim(c: &Claim, scale: &[Verdict]) {
    println!("claim      {}", c.id);
    println!("statement  {}", c.statement);
    if let Some(who) = &c.claimant {
        println!("claimant   {who}");
    }
    if let Some(d) = c.claimed_on {
        println!("claimed on {d}");
    }
    if let Some(d) = c.event_on {
        println!("event on   {d}");
    }
    println!("verdict    {}", label(scale, &c.verdict));
    if !c.rationale.is_empty() {
        println!("rationale  {}", c.rationale);
    }
    if !c.tags.is_empty() {
        println!("tags       {}", c.tags.join(", "));
    }
    if !c.notes.is_empty() {
        println!("notes      {}", c.notes);
    }
    println!("updated    {}", c.updated_at.format("%Y-%m-%d %H:%M UTC"));
}

/// One evidence passage with its stance and source.
pub fn evidence(e: &EvidenceView) {
    let ev = &e.evidence;
    let from = e.outlet.as_deref().map_or(e.source_title.clone(), |o| {
        format!("{o}, {}", e.source_title)
    });
    println!(
        "  {:<8} \"{}\"",
        ev.stance.as_str(),
        one_line(&ev.exact, 100)
    );
    println!(
        "           from {from} (version {}, sha256 {})",
        e.version_number,
        &e.version_sha256[..12.min(e.version_sha256.len())]
    );
    println!("           evidence {}", ev.id);
}
