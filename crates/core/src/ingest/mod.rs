//! Capture sources: turn an HTML page, a URL, a Markdown, text or PDF file into
//! normalised plain text plus the page's metadata.
//!
//! Everything here is pure (it only says what a source contains) except
//! [`into_workspace`](crate::ingest::into_workspace), the one module that
//! writes: it stores a capture as a source or a new version through the store.
//!
//! ```
//! use claimdesk_core::ingest::html::capture_html;
//!
//! let page = "<html lang=\"en\"><head><title>Harbour reopens</title></head><body><article>\
//!     <p>The harbour reopened on Monday after three weeks of repairs to the north pier.</p>\
//!     <p>Fishing crews said the delay had cost them most of the autumn season.</p>\
//!     </article></body></html>";
//! let captured = capture_html(page, None)?;
//! assert!(captured.text.contains("north pier.\n\nFishing crews"));
//! assert_eq!(captured.meta.language.as_deref(), Some("en"));
//! # Ok::<(), claimdesk_core::Error>(())
//! ```

pub mod batch;
pub mod charset;
pub mod fetch;
pub mod html;
pub mod into_workspace;
mod metadata;
pub mod not_applied;
pub mod pdf;
pub mod text;

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Error, Result, limits};

/// What a capture found: the text to store, the original snapshot and the metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Captured {
    /// Normalised plain text (NFC, LF line ends), paragraphs separated by one blank line.
    pub text: String,
    /// The original HTML, decoded to UTF-8, kept as a snapshot. `None` for non-HTML sources.
    /// It is stored as found (scripts included) and must never be rendered unsanitised.
    pub html: Option<String>,
    /// The encoding the source was decoded from (e.g. `windows-1252`), when it was not plain UTF-8 text.
    pub encoding: Option<String>,
    /// What the page says about itself.
    pub meta: PageMeta,
    /// Things the user should look at before trusting the capture.
    pub warnings: Vec<Warning>,
}

impl Captured {
    /// A capture of text alone (plain text, Markdown, PDF): no HTML snapshot,
    /// no encoding to report, no metadata but what `meta` says, no warnings.
    pub(crate) fn text_only(text: String, meta: PageMeta) -> Self {
        Captured {
            text,
            html: None,
            encoding: None,
            meta,
            warnings: Vec::new(),
        }
    }
}

/// Metadata of a captured source; every field may be corrected by the user later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct PageMeta {
    /// Headline or document title.
    pub title: Option<String>,
    /// The outlet (e.g. "The Harbour Gazette").
    pub site_name: Option<String>,
    /// Author names, in page order, without "By".
    pub authors: Vec<String>,
    /// Publication day as the publisher states it.
    pub published: Option<NaiveDate>,
    /// Last modification day as the publisher states it.
    pub modified: Option<NaiveDate>,
    /// The page's own canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    pub canonical_url: Option<String>,
    /// The URL the fetch ended on after redirects.
    pub final_url: Option<String>,
    /// Language tag (e.g. `en`, `pt-BR`).
    pub language: Option<String>,
}

impl PageMeta {
    /// The URL that identifies the article across captures: the canonical URL,
    /// else the URL the fetch ended on. Two captures with the same identity are
    /// versions of one source.
    pub fn identity_url(&self) -> Option<&str> {
        self.canonical_url.as_deref().or(self.final_url.as_deref())
    }
}

/// Something the user should check about a capture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub struct Warning {
    /// A stable word for the UI and scripts.
    pub kind: WarningKind,
    /// A sentence for people.
    pub message: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Extraction found almost no article text; the snapshot is kept so the user can check it.
    ThinArticle,
    /// The readability extractor found no article; the text is the whole page body.
    WholePageFallback,
    /// Some bytes could not be decoded and were replaced with U+FFFD.
    DecodingErrors,
}

impl Warning {
    pub(crate) fn new(kind: WarningKind, message: impl Into<String>) -> Self {
        Warning {
            kind,
            message: message.into(),
        }
    }
}

/// The kinds of source the engine can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// An HTML page.
    Html,
    /// A Markdown file.
    Markdown,
    /// Plain text.
    PlainText,
    /// A PDF document (its text layer).
    Pdf,
}

/// File extensions the engine captures, lower case, without the dot.
pub const SUPPORTED_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "md", "markdown", "txt", "text", "pdf",
];

impl Format {
    /// The format a file extension (without the dot, any case) stands for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::PlainText),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format bytes look like when nothing else says: PDF by its
    /// signature, HTML when it opens with a doctype or `<html>`, else plain text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if bytes.starts_with(b"%PDF-") {
            return Format::Pdf;
        }
        let head: Vec<u8> = bytes
            .iter()
            .take(512)
            .skip_while(|b| b.is_ascii_whitespace())
            .map(u8::to_ascii_lowercase)
            .collect();
        if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
            Format::Html
        } else {
            Format::PlainText
        }
    }

    /// The format an HTTP `Content-Type` (parameters allowed) stands for.
    pub fn from_content_type(content_type: &str) -> Option<Format> {
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "text/html" | "application/xhtml+xml" => Some(Format::Html),
            "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
            "text/plain" => Some(Format::PlainText),
            "application/pdf" | "application/x-pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// Read `bytes` as `format`. `charset` is a declared charset (HTTP header) and
/// `url` the address the bytes came from; both only matter for HTML.
pub fn capture_bytes(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    url: Option<&str>,
) -> Result<Captured> {
    limits::check_bytes("this source", bytes.len(), limits::MAX_SOURCE_BYTES)?;
    match format {
        Format::Html => html::capture_html_bytes(bytes, charset, url),
        Format::Pdf => pdf::capture_pdf(bytes),
        Format::Markdown | Format::PlainText => {
            // Text files must be UTF-8, unless a server says otherwise.
            let declared = charset
                .and_then(charset::charset_from_content_type)
                .filter(|enc| *enc != encoding_rs::UTF_8);
            let decoded;
            let utf8 = match declared {
                Some(enc) => {
                    refuse_binary(bytes, "a text file")?;
                    decoded = enc.decode(bytes).0.into_owned();
                    decoded.as_bytes()
                }
                None => bytes,
            };
            if format == Format::Markdown {
                text::capture_markdown(utf8)
            } else {
                text::capture_plain_text(utf8)
            }
        }
    }
}

/// Capture a file, choosing the reader by its extension; a file with another
/// extension (or none) is read as HTML when it starts like a page, as PDF
/// when it is one, and as plain text otherwise (binary files are refused).
/// A PDF that names no title gets its file name (without extension) as title;
/// other files leave the title to their text.
pub fn capture_file(path: &Path) -> Result<Captured> {
    if path.is_dir() {
        return Err(Error::invalid(format!(
            "{} is a directory; give a file, or import the folder as a batch",
            path.display()
        )));
    }
    // Refused by its size before it is read, so a huge file costs nothing.
    if let Ok(meta) = std::fs::metadata(path) {
        let len = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        limits::check_bytes(&path.display().to_string(), len, limits::MAX_SOURCE_BYTES)?;
    }
    let bytes =
        std::fs::read(path).map_err(|e| Error::io(format!("cannot read {}", path.display()), e))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = Format::from_extension(ext).unwrap_or_else(|| Format::sniff(&bytes));
    let mut captured = capture_bytes(&bytes, format, None, None)
        .map_err(|e| prefix_error(e, &path.display().to_string()))?;
    if format == Format::Pdf && captured.meta.title.is_none() {
        captured.meta.title = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned);
    }
    Ok(captured)
}

/// Put the name of the thing being read in front of an error message, keeping its kind.
pub(crate) fn prefix_error(err: Error, what: &str) -> Error {
    match err {
        Error::Invalid(m) => Error::Invalid(format!("{what}: {m}")),
        Error::NotFound(m) => Error::NotFound(format!("{what}: {m}")),
        Error::Io(failure) => Error::Io(failure.prefixed(what)),
        other => other,
    }
}

/// Refuse bytes that are clearly not text: known binary signatures or NUL bytes.
/// `expected` names what we were hoping for, for the message.
pub(crate) fn refuse_binary(bytes: &[u8], expected: &str) -> Result<()> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program"),
        (b"RIFF", "a media file"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
    ];
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(Error::invalid(format!("this is {what}, not {expected}")));
        }
    }
    // UTF-16 text legitimately holds NULs; it announces itself with a BOM.
    let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    if !utf16 && bytes.iter().take(64 * 1024).any(|&b| b == 0) {
        return Err(Error::invalid(format!(
            "this looks like a binary file (it contains NUL bytes), not {expected}"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_keeps_its_io_error_as_the_source() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("gone.txt");
        let os_says = std::fs::read(&path).expect_err("the file is missing");

        let err = capture_file(&path).expect_err("missing");

        assert_eq!(err.kind(), crate::ErrorKind::Io);
        assert_eq!(
            err.to_string(),
            format!("cannot read {}: {os_says}", path.display())
        );
        let source = std::error::Error::source(&err).expect("the cause is kept");
        let io = source
            .downcast_ref::<std::io::Error>()
            .expect("the cause is the io::Error");
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
    }
}
