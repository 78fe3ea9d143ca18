//! HTML pages: the main article's text (readability-style, via `dom_smoothie`)
//! and the page's metadata. Pages are only parsed, never run: scripts, event
//! handlers and frames never execute and never reach the text.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};
use reqwest::Url;

use super::charset::decode_html;
use super::metadata::{Fallbacks, document_title, page_meta};
use super::{Captured, Warning, WarningKind};
use crate::Result;
use crate::text::normalise::normalise_extracted;

/// Below this many words the extraction most likely missed the article
/// (a paywall, a page built by scripts, an error page), so the capture is flagged.
pub const THIN_ARTICLE_WORDS: usize = 40;

/// Deeper trees than this skip the readability pass, whose cost grows with
/// depth: a page nested thousands deep (broken or hostile) must not freeze
/// the app. Real article pages stay well under 100.
pub const MAX_READABILITY_DEPTH: usize = 256;

/// More elements than this skip the readability pass for the same reason.
pub const MAX_READABILITY_ELEMENTS: usize = 30_000;

/// Elements that are never article text. Removed before extraction so that
/// their words cannot win the readability scoring or leak into the text.
const NEVER_TEXT: &str = "script, style, noscript, template, iframe, frame, frameset, object, embed, \
    canvas, svg, button, select, textarea, dialog, nav, aside, figcaption, \
    [role=navigation], [role=complementary], [role=dialog], [role=alert], [hidden], [aria-hidden=true]";

/// Words in a class or id that mark clutter: ads, comment threads, share bars, promos.
const CLUTTER_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adslot",
    "sponsor",
    "sponsored",
    "promo",
    "comment",
    "comments",
    "disqus",
    "newsletter",
    "subscribe",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "outbrain",
    "taboola",
    "cookie",
    "cookies",
    "consent",
    "paywall",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "sidebar",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "trending",
    "mostread",
];

/// Capture an HTML page from its raw bytes, detecting the encoding (see
/// [`decode_html`]). `http_charset` is the HTTP `Content-Type`, if any;
/// `url` is where the page came from.
pub fn capture_html_bytes(
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<&str>,
) -> Result<Captured> {
    let decoded = decode_html(bytes, http_charset)?;
    let mut captured = capture_html(&decoded.text, url)?;
    if decoded.encoding != "UTF-8" {
        captured.encoding = Some(decoded.encoding.to_owned());
    }
    if decoded.had_errors {
        captured.warnings.push(Warning::new(
            WarningKind::DecodingErrors,
            format!(
                "some bytes were not valid {} and were replaced with \u{FFFD}; check accented letters",
                decoded.encoding
            ),
        ));
    }
    Ok(captured)
}

/// Capture an HTML page already decoded to a string. `url` is where the page
/// came from (resolves relative links, recorded as the final URL).
///
/// Never fails on malformed HTML. When extraction finds almost nothing the
/// capture still succeeds, keeps the snapshot and carries a
/// [`WarningKind::ThinArticle`] warning, so the caller can store it for
/// review without mistaking it for a real article.
pub fn capture_html(html: &str, url: Option<&str>) -> Result<Captured> {
    let base = url
        .and_then(|u| Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"));
    let mut warnings = Vec::new();

    let config = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        ..Config::default()
    };
    // One parse serves metadata, clean-up and extraction: parsing is the
    // costly step on large or deeply nested pages.
    let doc = Document::from(html);
    let mut meta = page_meta(&doc, base.as_ref());
    let document_title = document_title(&doc);
    remove_clutter(&doc);
    let too_deep = tree_depth(&doc) > MAX_READABILITY_DEPTH;
    let fallback_text = too_deep.then(|| body_text(&doc));
    let article = if too_deep {
        None
    } else {
        Readability::with_document(doc, base.as_ref().map(Url::as_str), Some(config))
            .ok()
            .and_then(|mut r| r.parse().ok())
    };

    let (raw_text, fallbacks) = match article {
        Some(a) => (
            a.text_content.to_string(),
            Fallbacks {
                title: Some(a.title).filter(|t| !t.trim().is_empty()),
                byline: a.byline,
                site_name: a.site_name,
                document_title,
            },
        ),
        None => {
            warnings.push(Warning::new(
                WarningKind::WholePageFallback,
                "no article found on the page; the text is everything readable on it, check it for clutter",
            ));
            // Readability consumed (and changed) the tree; read a fresh one.
            let text = fallback_text.unwrap_or_else(|| {
                let doc = Document::from(html);
                remove_clutter(&doc);
                body_text(&doc)
            });
            (
                text,
                Fallbacks {
                    document_title,
                    ..Fallbacks::default()
                },
            )
        }
    };
    let text = normalise_extracted(&raw_text);
    fallbacks.fill(&mut meta);

    let words = text.split_whitespace().count();
    if words < THIN_ARTICLE_WORDS {
        warnings.push(Warning::new(
            WarningKind::ThinArticle,
            format!(
                "extraction found only {words} word{} of article text; the page snapshot was kept, \
                 open it to check whether the article is missing (paywall, script-built page, error page)",
                if words == 1 { "" } else { "s" }
            ),
        ));
    }

    Ok(Captured {
        text,
        html: Some(html.to_owned()),
        encoding: None,
        meta,
        warnings,
    })
}

/// How deep the element tree goes, walked without recursion.
fn tree_depth(doc: &Document) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        let mut child = node.first_child();
        while let Some(c) = child {
            if c.is_element() {
                stack.push((c, depth + 1));
            }
            child = c.next_sibling();
        }
    }
    deepest
}

/// Everything readable in the page body, block by block.
fn body_text(doc: &Document) -> String {
    let body = doc.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        doc.formatted_text()
    };
    text.to_string()
}

/// Remove elements that are never article text, and elements whose class or
/// id names them as clutter, unless they hold the article itself.
fn remove_clutter(doc: &Document) {
    doc.select(NEVER_TEXT).remove();
    let total_paragraphs = doc.select("p").length();
    // A wrapper around the whole story (class="story has-comments", or the
    // one <form> some sites wrap every page in) must survive even when its
    // name sounds like clutter.
    let holds_article = |node: &NodeRef| {
        !node.find(&["article"]).is_empty()
            || !node.find(&["main"]).is_empty()
            || (total_paragraphs >= 3 && 2 * node.find(&["p"]).len() > total_paragraphs)
    };
    for form in doc.select("form").nodes() {
        if !holds_article(form) {
            form.remove_from_parent();
        }
    }
    for node in doc.select("[class], [id]").nodes() {
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let labels = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let is_clutter = labels
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| CLUTTER_WORDS.contains(&word));
        if is_clutter && !holds_article(node) {
            node.remove_from_parent();
        }
    }
}
