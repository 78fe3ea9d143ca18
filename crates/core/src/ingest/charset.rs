//! Bytes of an HTML page to a `String`, the way a browser would pick the
//! encoding: byte order mark, then the HTTP `charset`, then `<meta charset>`,
//! then a guess from the bytes themselves.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};

use super::refuse_binary;
use crate::Result;

/// How many leading bytes are searched for `<meta charset>`. The HTML spec
/// says 1024; real pages put long comments first, so we look a little further.
const META_PRESCAN_BYTES: usize = 4096;

/// An HTML page decoded to UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The page as UTF-8.
    pub text: String,
    /// The encoding it was decoded from (WHATWG name, e.g. `windows-1252`).
    pub encoding: &'static str,
    /// Whether some bytes were invalid in that encoding and became U+FFFD.
    pub had_errors: bool,
}

/// Decode an HTML page. `http_charset` is the `charset` parameter of the HTTP
/// `Content-Type`, or the whole header value; either works.
///
/// Binary data (images, archives, PDFs, anything with NUL bytes outside
/// UTF-16) is refused with [`crate::Error::Invalid`].
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Result<Decoded> {
    refuse_binary(bytes, "an HTML page")?;
    let encoding = Encoding::for_bom(bytes)
        .map(|(enc, _)| enc)
        .or_else(|| http_charset.and_then(charset_from_content_type))
        .or_else(|| meta_charset(bytes))
        .unwrap_or_else(|| guess(bytes));
    // `decode` strips a BOM and lets a BOM override `encoding`, as browsers do.
    let (text, used, had_errors) = encoding.decode(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        had_errors,
    })
}

/// The encoding named by a `Content-Type` value (`text/html; charset=latin1`)
/// or by a bare label (`latin1`).
pub fn charset_from_content_type(value: &str) -> Option<&'static Encoding> {
    let label = value
        .split(';')
        .map(str::trim)
        .find_map(|part| {
            let (key, val) = part.split_once('=')?;
            key.trim().eq_ignore_ascii_case("charset").then_some(val)
        })
        .unwrap_or(value);
    Encoding::for_label(label.trim().trim_matches(['"', '\'']).as_bytes())
}

/// The encoding declared by `<meta charset=..>` or
/// `<meta http-equiv=content-type content="..; charset=..">` near the top.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(META_PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(start) = find(&lower[from..], b"<meta").map(|i| i + from) {
        let end = find(&lower[start..], b">").map_or(lower.len(), |i| i + start);
        if let Some(enc) = charset_in_tag(&lower[start..end]) {
            // A page cannot really be UTF-16 if its ASCII meta tag was readable.
            return Some(enc.output_encoding());
        }
        from = end;
    }
    None
}

/// The value after `charset=` in one (lower-cased) tag.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")? + b"charset".len();
    let rest = &tag[at..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..len])
}

/// Guess the encoding from the bytes when nothing declares one.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, Utf8Detection::Allow)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_charset_wins_over_meta() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let decoded = decode_html(page, Some("text/html; charset=ISO-8859-1")).expect("decodes");
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("café"));
    }

    #[test]
    fn bom_wins_over_everything() {
        let page = b"\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9</p>";
        let decoded = decode_html(page, Some("charset=iso-8859-2")).expect("decodes");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("café"));
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        let decoded = decode_html(page, None).expect("decodes");
        assert_eq!(decoded.encoding, "KOI8-R");
        assert!(decoded.text.contains("Привет"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed() {
        let page = "<p>Le café de la place a fermé après trente années, a déclaré le maire à la presse locale.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let decoded = decode_html(&bytes, None).expect("decodes");
        assert_eq!(decoded.text, page);
    }

    #[test]
    fn unknown_http_label_falls_back_to_meta() {
        let page = b"<meta charset='windows-1252'><p>it\x92s</p>";
        let decoded = decode_html(page, Some("text/html; charset=no-such-thing")).expect("decodes");
        assert!(decoded.text.contains("it\u{2019}s"));
    }

    #[test]
    fn binary_is_refused() {
        let err = decode_html(b"\x89PNG\r\n\x1a\n\0\0\0", None).expect_err("refused");
        assert!(err.to_string().contains("PNG"), "{err}");
    }
}
