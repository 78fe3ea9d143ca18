//! Plain text and Markdown files.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Captured, PageMeta, refuse_binary};
use crate::text::normalise::{normalise, normalise_extracted};
use crate::{Error, Result};

/// Capture a UTF-8 plain text file (a leading BOM is allowed). The text is
/// kept as written: only line ends, Unicode form and blank runs are unified,
/// exactly as for text added by hand.
pub fn capture_plain_text(bytes: &[u8]) -> Result<Captured> {
    let raw = utf8(bytes, "a text file")?;
    let text = non_empty(normalise(raw))?;
    Ok(Captured::text_only(text, PageMeta::default()))
}

/// Capture a UTF-8 Markdown file as plain text: markup dropped, paragraphs,
/// headings, list items and quotes kept as separate blocks, link text kept,
/// raw HTML dropped. The first top-level heading becomes the title.
pub fn capture_markdown(bytes: &[u8]) -> Result<Captured> {
    let raw = utf8(bytes, "a Markdown file")?;
    let (plain, title) = markdown_to_plain(raw);
    let text = non_empty(normalise_extracted(&plain))?;
    Ok(Captured::text_only(
        text,
        PageMeta {
            title,
            ..PageMeta::default()
        },
    ))
}

/// Markdown to plain text, and the text of the first `#` heading.
fn markdown_to_plain(markdown: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(markdown.len());
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut title_buf = String::new();
    let mut image_depth = 0usize;
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if title.is_none() => in_title = true,
            Event::End(TagEnd::Heading(_)) if in_title => {
                in_title = false;
                title = Some(normalise_extracted(&title_buf)).filter(|t| !t.is_empty());
                out.push_str("\n\n");
            }
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            // Images are not text; their alt text would read as part of the article.
            _ if image_depth > 0 => {}
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
                if in_title {
                    title_buf.push_str(&t);
                }
            }
            Event::SoftBreak => {
                out.push(' ');
                if in_title {
                    title_buf.push(' ');
                }
            }
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push('\t'),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition,
            ) => out.push_str("\n\n"),
            Event::Rule => out.push_str("\n\n"),
            // Raw HTML in Markdown is markup, not text, and may be hostile.
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    (out, title)
}

/// Reads a file as UTF-8 text exactly as written (no normalisation, so byte
/// offsets into it stay true), with errors that say what is wrong.
pub fn read_utf8_file(path: &std::path::Path) -> Result<String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(Error::invalid(format!(
            "{shown} is a directory; give a text file"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::not_found(format!("no such file: {shown}")),
        _ => Error::io(format!("cannot read {shown}"), e),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "{shown} is not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// The bytes as UTF-8 (BOM stripped), or a clear refusal.
fn utf8<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str> {
    refuse_binary(bytes, what)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "the file is not UTF-8 text (first bad byte at offset {}); save it as UTF-8 and try again",
            e.valid_up_to()
        ))
    })
}

fn non_empty(text: String) -> Result<String> {
    if text.is_empty() {
        return Err(Error::invalid(
            "the source text is empty: there is nothing to check against",
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_keeps_paragraphs_and_drops_markup() {
        let md = "# Port strike ends\n\nDockers voted **yes** on\nFriday.\n\n- pay rise\n- shorter shifts\n\n> We won, said [the union](https://example.org).\n\n![a crane](crane.jpg)\n\n<script>alert(1)</script>\n";
        let c = capture_markdown(md.as_bytes()).expect("captures");
        assert_eq!(
            c.text,
            "Port strike ends\n\nDockers voted yes on Friday.\n\npay rise\nshorter shifts\n\nWe won, said the union."
        );
        assert_eq!(c.meta.title.as_deref(), Some("Port strike ends"));
    }

    #[test]
    fn invalid_utf8_is_refused_with_the_offset() {
        let err = capture_plain_text(b"caf\xe9 au lait").expect_err("refused");
        assert!(matches!(err, Error::Invalid(_)));
        assert!(err.to_string().contains("offset 3"), "{err}");
    }

    #[test]
    fn empty_file_is_refused() {
        assert!(matches!(
            capture_plain_text(b" \n\n\t"),
            Err(Error::Invalid(_))
        ));
    }
}
