//! PDF transcripts and statements: their text layer, page by page.

use std::panic::{AssertUnwindSafe, catch_unwind};

use super::{Captured, PageMeta};
use crate::text::normalise::normalise_extracted;
use crate::{Error, Result};

/// Capture the text of a PDF. Pages are separated by a blank line.
///
/// Refuses bytes that are not a PDF, PDFs that cannot be parsed or are
/// encrypted, and PDFs with no text layer (scans need OCR first).
pub fn capture_pdf(bytes: &[u8]) -> Result<Captured> {
    if !bytes.starts_with(b"%PDF-") {
        return Err(Error::invalid(
            "this is not a PDF (it does not start with %PDF-)",
        ));
    }
    // The extractor is known to panic on some malformed files; a bad upload
    // must become an error for that file, not bring the app down.
    let pages = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }))
    .map_err(|_| {
        Error::invalid("this PDF is damaged or uses features the text extractor cannot read")
    })?
    .map_err(|e| Error::invalid(format!("cannot read this PDF: {e}")))?;
    let text = normalise_extracted(&pages.join("\n\n"));
    if text.is_empty() {
        return Err(Error::invalid(
            "this PDF has no text layer (probably a scan); run OCR on it first and import the result",
        ));
    }
    Ok(Captured::text_only(text, PageMeta::default()))
}
