//! Printing: one JSON document, or short readable text, on a standard
//! output that tolerates a reader who stops early (`| head`). Every command
//! writes its standard output through [`with_stdout`].

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use claimdesk_core::Error;
use claimdesk_core::model::{Claim, EvidenceView, Source, Verdict};
use serde::Serialize;

/// `writeln!` for a command's output, failing with the core's error.
macro_rules! outln {
    ($out:expr $(, $($arg:tt)*)?) => {
        writeln!($out $(, $($arg)*)?).map_err($crate::output::write_failed)
    };
}
pub(crate) use outln;

/// The error of a write to standard output that failed.
pub fn write_failed(e: std::io::Error) -> Error {
    Error::io("cannot write output", e)
}

/// A failed JSON write: the output going away is an io failure, a value
/// serde_json cannot write is a render failure.
pub fn json_failed(context: &str, e: serde_json::Error) -> Error {
    if e.is_io() {
        Error::io(context, e)
    } else {
        Error::render(context, e)
    }
}

/// Runs `f` on standard output and flushes it. When the reader goes away
/// early (`claimdesk claim list | head`), stops quietly: nobody is left to
/// read the rest, so that is no error.
pub fn with_stdout(
    f: impl FnOnce(&mut std::io::BufWriter<ReaderWatch<std::io::StdoutLock<'_>>>) -> Result<(), Error>,
) -> Result<(), Error> {
    let stdout = std::io::stdout();
    // On a terminal lines go out as they are written, so they stay in order
    // with the messages on stderr; into a pipe or a file they are buffered.
    let capacity = if stdout.is_terminal() { 0 } else { 64 * 1024 };
    let mut out = std::io::BufWriter::with_capacity(
        capacity,
        ReaderWatch {
            inner: stdout.lock(),
            reader_gone: false,
        },
    );
    let result = f(&mut out).and_then(|()| out.flush().map_err(write_failed));
    if out.get_ref().reader_gone {
        return Ok(());
    }
    result
}

/// A writer that notes when the reading end of its pipe has closed.
pub struct ReaderWatch<W> {
    inner: W,
    reader_gone: bool,
}

impl<W: Write> ReaderWatch<W> {
    fn note(&mut self, e: std::io::Error) -> std::io::Error {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            self.reader_gone = true;
        }
        e
    }
}

impl<W: Write> Write for ReaderWatch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.note(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.note(e))
    }
}

/// `s` as it can go to a terminal: control characters, bidirectional
/// overrides and isolates, and invisible format characters become visible
/// escapes such as `\u{1b}`, so stored text cannot move the cursor, set the
/// window title or reorder what is shown. Line breaks and tabs stay. JSON
/// output never goes through here: it keeps the exact characters.
pub fn escaped(s: &str) -> Cow<'_, str> {
    if !s.chars().any(hidden_or_harmful) {
        return Cow::Borrowed(s);
    }
    let mut shown = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if hidden_or_harmful(c) {
            shown.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            shown.push(c);
        }
    }
    Cow::Owned(shown)
}

/// Characters a terminal would act on, or that hide or reorder text.
/// Joiners (U+200C, U+200D) and the left-to-right and right-to-left marks
/// stay: scripts and emoji need them, and they cannot override a stretch.
fn hidden_or_harmful(c: char) -> bool {
    matches!(c,
        // C0 controls (ESC, BEL, CR, backspace…) and DEL and C1 controls.
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // Bidirectional embeddings, overrides and isolates.
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // Line and paragraph separators a terminal does not know.
        | '\u{2028}' | '\u{2029}'
        // Invisible characters: zero width space, word joiner, invisible
        // operators, deprecated format controls, byte order mark,
        // interlinear annotation, tag characters.
        | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{206a}'..='\u{206f}'
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}'
    )
}

/// Prints `value` as one pretty JSON document, characters exactly as stored.
pub fn json<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> Result<(), Error> {
    serde_json::to_writer_pretty(&mut *out, value)
        .map_err(|e| json_failed("cannot write JSON", e))?;
    outln!(out)
}

/// The label of a verdict key, falling back to the key, escaped for the terminal.
pub fn label<'a>(scale: &'a [Verdict], key: &'a str) -> Cow<'a, str> {
    escaped(
        scale
            .iter()
            .find(|v| v.key == key)
            .map_or(key, |v| v.label.as_str()),
    )
}

/// Cuts `s` to `max` characters on one line, escaped for the terminal
/// (after the cut, so no escape is cut in half).
pub fn one_line(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        escaped(&flat).into_owned()
    } else {
        let kept: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", escaped(&kept))
    }
}

/// A claim's fields as aligned lines.
pub fn claim(out: &mut impl Write, c: &Claim, scale: &[Verdict]) -> Result<(), Error> {
    outln!(out, "claim      {}", c.id)?;
    outln!(out, "statement  {}", escaped(&c.statement))?;
    if let Some(who) = &c.claimant {
        outln!(out, "claimant   {}", escaped(who))?;
    }
    if let Some(d) = c.claimed_on {
        outln!(out, "claimed on {d}")?;
    }
    if let Some(d) = c.event_on {
        outln!(out, "event on   {d}")?;
    }
    outln!(out, "verdict    {}", label(scale, &c.verdict))?;
    if !c.rationale.is_empty() {
        outln!(out, "rationale  {}", escaped(&c.rationale))?;
    }
    if !c.tags.is_empty() {
        outln!(out, "tags       {}", escaped(&c.tags.join(", ")))?;
    }
    if !c.notes.is_empty() {
        outln!(out, "notes      {}", escaped(&c.notes))?;
    }
    if c.conflict {
        outln!(
            out,
            "conflict   changed on two desks; see its history, then `claim resolve-conflict`"
        )?;
    }
    outln!(
        out,
        "updated    {}",
        c.updated_at.format("%Y-%m-%d %H:%M UTC")
    )
}

/// A source's details as aligned lines.
pub fn source(out: &mut impl Write, source: &Source) -> Result<(), Error> {
    outln!(out, "source     {}", source.id)?;
    outln!(out, "title      {}", escaped(&source.title))?;
    if let Some(o) = &source.outlet {
        outln!(out, "outlet     {}", escaped(o))?;
    }
    if !source.authors.is_empty() {
        outln!(out, "authors    {}", escaped(&source.authors.join(", ")))?;
    }
    if let Some(u) = &source.url {
        outln!(out, "url        {}", escaped(u))?;
    }
    if let Some(u) = &source.canonical_url {
        outln!(out, "canonical  {}", escaped(u))?;
    }
    if let Some(d) = source.published_on {
        outln!(out, "published  {d}")?;
    }
    if let Some(d) = source.modified_on {
        outln!(out, "modified   {d}")?;
    }
    if let Some(l) = &source.language {
        outln!(out, "language   {}", escaped(l))?;
    }
    Ok(())
}

/// One evidence passage with its stance and source.
pub fn evidence(out: &mut impl Write, e: &EvidenceView) -> Result<(), Error> {
    let ev = &e.evidence;
    let from = e.outlet.as_deref().map_or(e.source_title.clone(), |o| {
        format!("{o}, {}", e.source_title)
    });
    outln!(
        out,
        "  {:<8} \"{}\"",
        ev.stance.as_str(),
        one_line(&ev.exact, 100)
    )?;
    outln!(
        out,
        "           from {} (version {}, sha256 {})",
        escaped(&from),
        e.version_number,
        &e.version_sha256[..12.min(e.version_sha256.len())]
    )?;
    outln!(out, "           evidence {}", ev.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_show_controls_and_overrides_and_keep_layout_and_scripts() {
        assert_eq!(
            escaped("a\u{1b}]0;pwned\u{7}b\u{202e}c\u{2066}d\u{9b}e\u{7f}\r"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{202e}c\\u{2066}d\\u{9b}e\\u{7f}\\u{d}"
        );
        assert_eq!(escaped("two\nlines\tand a tab"), "two\nlines\tand a tab");
        assert!(matches!(escaped("Überschrift — שלום 👍🏽"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\u{1b}[2J b\n c", 80), "a\\u{1b}[2J b c");
        assert_eq!(one_line("abc\u{1b}def", 5), "abc\\u{1b}…");
    }
}
