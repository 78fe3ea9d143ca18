//! What a page says about itself: meta tags (Open Graph, `article:*`, Dublin
//! Core, `name=author`), JSON-LD `NewsArticle` (also inside `@graph` and
//! arrays), `<time datetime>`, `<link rel=canonical>` and `<html lang>`.
//!
//! JSON-LD is preferred where present: publishers fill it for search engines
//! and it is usually the most careful. Meta tags and markup fill the gaps.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use dom_query::Document;
use reqwest::Url;
use serde_json::Value;

use super::PageMeta;

/// Longest string we accept as one author's name; longer is a sentence, not a name.
const MAX_AUTHOR_CHARS: usize = 80;

/// Hints used when the page's own metadata is silent: what the readability
/// pass found, then the bare `<title>`.
#[derive(Debug, Default)]
pub(crate) struct Fallbacks {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub document_title: Option<String>,
}

impl Fallbacks {
    /// Fill the fields `meta` left empty.
    pub(crate) fn fill(self, meta: &mut PageMeta) {
        if meta.title.is_none() {
            meta.title = self.title.or(self.document_title);
        }
        if meta.site_name.is_none() {
            meta.site_name = self.site_name;
        }
        if meta.authors.is_empty() {
            meta.authors = self.byline.as_deref().map(split_byline).unwrap_or_default();
            dedupe(&mut meta.authors);
        }
    }
}

/// The `<title>` text, whitespace collapsed.
pub(crate) fn document_title(doc: &Document) -> Option<String> {
    clean(&doc.select("title").text())
}

/// Read the page's own metadata, before anything is removed from the tree.
/// `base` is the address the page came from, used to resolve a relative
/// canonical link. See [`Fallbacks`] for what fills the gaps.
pub(crate) fn page_meta(doc: &Document, base: Option<&Url>) -> PageMeta {
    let metas = MetaTags::read(doc);
    let ld = JsonLd::read(doc);
    let article = ld.article();

    let title = article
        .and_then(|a| ld.text(a, "headline").or_else(|| ld.text(a, "name")))
        .or_else(|| metas.get(&["og:title", "twitter:title", "dc.title"]));

    let site_name = metas
        .get(&["og:site_name"])
        .or_else(|| {
            article
                .and_then(|a| ld.field(a, "publisher"))
                .and_then(|p| ld.text(p, "name"))
        })
        .or_else(|| metas.get(&["application-name"]));

    let mut authors = article.map(|a| ld.authors(a)).unwrap_or_default();
    if authors.is_empty() {
        authors = metas
            .all(&[
                "author",
                "dc.creator",
                "article:author",
                "parsely-author",
                "sailthru.author",
            ])
            .iter()
            .filter(|v| !looks_like_url(v))
            .flat_map(|v| split_byline(v))
            .collect();
    }
    dedupe(&mut authors);

    let published = article
        .and_then(|a| ld.text(a, "datePublished"))
        .and_then(|s| parse_date(&s))
        .or_else(|| {
            metas
                .all(&[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "date",
                    "pubdate",
                    "publishdate",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "parsely-pub-date",
                ])
                .iter()
                .find_map(|s| parse_date(s))
        })
        .or_else(|| first_time_element(doc));

    let modified = article
        .and_then(|a| ld.text(a, "dateModified"))
        .and_then(|s| parse_date(&s))
        .or_else(|| {
            metas
                .all(&[
                    "article:modified_time",
                    "og:updated_time",
                    "datemodified",
                    "dcterms.modified",
                ])
                .iter()
                .find_map(|s| parse_date(s))
        });

    let canonical_url = doc
        .select(r#"link[rel~="canonical"]"#)
        .attr("href")
        .and_then(|href| absolute_http_url(&href, base))
        .or_else(|| {
            metas
                .get(&["og:url"])
                .and_then(|u| absolute_http_url(&u, base))
        })
        .or_else(|| {
            article
                .and_then(|a| ld.text(a, "url").or_else(|| ld.text(a, "mainEntityOfPage")))
                .and_then(|u| absolute_http_url(&u, base))
        });

    let language = clean(&doc.select("html").attr("lang").unwrap_or_default())
        .or_else(|| metas.get(&["content-language", "dc.language"]))
        .or_else(|| metas.get(&["og:locale"]).map(|l| l.replace('_', "-")))
        .or_else(|| article.and_then(|a| ld.text(a, "inLanguage")));

    PageMeta {
        title,
        site_name,
        authors,
        published,
        modified,
        canonical_url,
        final_url: base.map(Url::to_string),
        language,
    }
}

/// All `<meta>` name/property/itemprop/http-equiv → content pairs, keys lower-cased, in page order.
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let mut pairs = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content").and_then(|c| clean(&c)) else {
                continue;
            };
            for key_attr in ["property", "name", "itemprop", "http-equiv"] {
                if let Some(key) = node.attr(key_attr) {
                    pairs.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(pairs)
    }

    /// The first value for the first key (in `keys` order) the page has.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.0
                .iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    }

    /// Every value for the first key (in `keys` order) the page has.
    fn all(&self, keys: &[&str]) -> Vec<String> {
        keys.iter()
            .map(|k| {
                self.0
                    .iter()
                    .filter(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
                    .collect::<Vec<_>>()
            })
            .find(|values| !values.is_empty())
            .unwrap_or_default()
    }
}

/// Every JSON-LD node of the page, flattened out of arrays and `@graph`s.
struct JsonLd(Vec<Value>);

impl JsonLd {
    fn read(doc: &Document) -> Self {
        let mut nodes = Vec::new();
        for script in doc.select("script").nodes() {
            let is_ld = script.attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            });
            if !is_ld {
                continue;
            }
            let text = script.text();
            let body = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>")
                .trim_start_matches("<!--")
                .trim_end_matches("-->");
            // Broken JSON-LD is common; skip it and use the other sources.
            if let Ok(value) = serde_json::from_str::<Value>(body) {
                flatten(value, &mut nodes);
            }
        }
        JsonLd(nodes)
    }

    /// The node describing the article: a news article type first, then any article type.
    fn article(&self) -> Option<&Value> {
        let rank = |node: &Value| -> Option<u8> {
            let types = types_of(node);
            if types
                .iter()
                .any(|t| t.ends_with("NewsArticle") || *t == "ReportageNewsArticle")
            {
                Some(0)
            } else if types.iter().any(|t| {
                t.ends_with("Article") || matches!(*t, "BlogPosting" | "LiveBlogPosting" | "Report")
            }) {
                Some(1)
            } else {
                None
            }
        };
        self.0
            .iter()
            .filter_map(|n| rank(n).map(|r| (r, n)))
            .min_by_key(|(r, _)| *r)
            .map(|(_, n)| n)
    }

    /// A field, following an `{"@id": ..}` reference to another node of the page.
    fn field<'a>(&'a self, node: &'a Value, key: &str) -> Option<&'a Value> {
        let value = node.get(key)?;
        let value = match value {
            Value::Array(items) => items.first()?,
            other => other,
        };
        Some(self.resolve(value))
    }

    fn resolve<'a>(&'a self, value: &'a Value) -> &'a Value {
        let is_bare_ref = value
            .as_object()
            .is_some_and(|o| o.contains_key("@id") && !o.contains_key("name"));
        if is_bare_ref {
            let id = &value["@id"];
            if let Some(target) = self.0.iter().find(|n| &n["@id"] == id) {
                return target;
            }
        }
        value
    }

    /// A field as text: a string, `{"@value": ..}`, `{"@id": ..}` or the first of an array.
    fn text(&self, node: &Value, key: &str) -> Option<String> {
        match self.field(node, key)? {
            Value::String(s) => clean(s),
            Value::Object(o) => o
                .get("@value")
                .or_else(|| o.get("@id"))
                .or_else(|| o.get("url"))
                .and_then(Value::as_str)
                .and_then(clean),
            _ => None,
        }
    }

    /// Author names: strings, Person objects, references to them, or arrays of those.
    fn authors(&self, article: &Value) -> Vec<String> {
        let Some(raw) = article.get("author").or_else(|| article.get("creator")) else {
            return Vec::new();
        };
        let items: Vec<&Value> = match raw {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        items
            .into_iter()
            .flat_map(|item| match self.resolve(item) {
                Value::String(s) => split_byline(s),
                obj @ Value::Object(_) => obj
                    .get("name")
                    .and_then(Value::as_str)
                    .map(split_byline)
                    .unwrap_or_default(),
                _ => Vec::new(),
            })
            .collect()
    }
}

fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten(v, out)),
        Value::Object(mut obj) => {
            if let Some(graph) = obj.remove("@graph") {
                flatten(graph, out);
            }
            if obj.contains_key("@type") || obj.contains_key("@id") {
                out.push(Value::Object(obj));
            }
        }
        _ => {}
    }
}

fn types_of(node: &Value) -> Vec<&str> {
    match node.get("@type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The first `<time datetime>` of the page, preferring one marked as the publication time.
fn first_time_element(doc: &Document) -> Option<NaiveDate> {
    let marked = doc.select(r#"time[itemprop="datePublished"], time[pubdate]"#);
    let any = doc.select("time[datetime]");
    marked.nodes().iter().chain(any.nodes()).find_map(|n| {
        n.attr("datetime")
            .or_else(|| n.attr("content"))
            .and_then(|d| parse_date(&d))
    })
}

/// Split "By Ana Silva and Tom Reyes" into names.
pub(crate) fn split_byline(byline: &str) -> Vec<String> {
    let trimmed = byline.trim();
    let without_by = match trimmed.get(..3) {
        Some(head) if head.eq_ignore_ascii_case("by ") => &trimmed[3..],
        _ => trimmed,
    };
    without_by
        .split([',', '&', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .filter_map(clean)
        .filter(|name| name.chars().count() <= MAX_AUTHOR_CHARS && !looks_like_url(name))
        .collect()
}

/// A calendar date from the date formats pages use: RFC 3339 (the day in the
/// publisher's own offset), an ISO date-time without offset, or a bare ISO date.
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(dt.date_naive());
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(dt.date());
        }
    }
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
}

/// `href` as an absolute http(s) URL without fragment, resolved against `base`.
fn absolute_http_url(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    let mut url = match Url::parse(href) {
        Ok(u) => u,
        Err(_) => base?.join(href).ok()?,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url.to_string())
}

fn looks_like_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// Whitespace collapsed; `None` when nothing is left.
fn clean(s: &str) -> Option<String> {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

fn dedupe(names: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(n.to_lowercase()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_formats_pages_use() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 20);
        assert_eq!(
            parse_date("2026-11-20T23:30:00-05:00"),
            day,
            "publisher's own day, not UTC's"
        );
        assert_eq!(parse_date("2026-11-20T08:00:00+0100"), day);
        assert_eq!(parse_date("2026-11-20T08:00:00"), day);
        assert_eq!(parse_date("2026-11-20"), day);
        assert_eq!(parse_date("20 November"), None);
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            split_byline("By Ana Silva and Tom Reyes"),
            ["Ana Silva", "Tom Reyes"]
        );
        assert_eq!(
            split_byline("Marta Kovač, Li Wei & Sam Ode"),
            ["Marta Kovač", "Li Wei", "Sam Ode"]
        );
        assert!(split_byline("https://social.example/ana").is_empty());
    }

    #[test]
    fn graph_references_are_followed() {
        let doc = Document::from(
            r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
                {"@type":"WebPage","@id":"#page"},
                {"@type":"Person","@id":"#ana","name":"Ana Silva"},
                {"@type":"Organization","@id":"#org","name":"Harbour Gazette"},
                {"@type":["NewsArticle"],"headline":"Pier reopens","author":[{"@id":"#ana"}],"publisher":{"@id":"#org"},
                 "datePublished":"2026-11-20T09:00:00Z"}]}</script>"##,
        );
        let meta = page_meta(&doc, None);
        assert_eq!(meta.title.as_deref(), Some("Pier reopens"));
        assert_eq!(meta.authors, ["Ana Silva"]);
        assert_eq!(meta.site_name.as_deref(), Some("Harbour Gazette"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2026, 11, 20));
    }

    #[test]
    fn relative_canonical_resolves_against_the_page_address() {
        let doc = Document::from(r##"<link rel="canonical" href="/news/pier#top">"##);
        let base = Url::parse("https://gazette.example/amp/pier?utm=x").ok();
        let meta = page_meta(&doc, base.as_ref());
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://gazette.example/news/pier")
        );
    }
}
