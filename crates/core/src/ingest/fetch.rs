//! Fetch a URL and capture what it serves. Only http(s), a timeout, a size
//! limit (on the unpacked bytes of a gzipped page), redirects followed and the
//! final URL recorded. The response is only parsed: scripts on the page never run.
//!
//! These functions block. From async code (a Tauri command) call them on a
//! blocking thread (`tauri::async_runtime::spawn_blocking`): reqwest's
//! blocking client panics when used directly inside a Tokio runtime.

use std::io::Read;
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue, LOCATION};
use reqwest::{StatusCode, Url, redirect};

use super::{Captured, Format, capture_bytes, prefix_error};
use crate::{Error, Failure, Result};

/// The user agent every request sends, so site owners can tell who is asking.
pub const USER_AGENT: &str = concat!(
    "Claimdesk/",
    env!("CARGO_PKG_VERSION"),
    " (fact-checking workbench; captures one page per request)"
);

/// Largest body Claimdesk downloads by default: 20 MB, the limit of any source
/// ([`crate::limits::MAX_SOURCE_BYTES`]).
pub const DEFAULT_MAX_BYTES: u64 = crate::limits::MAX_SOURCE_BYTES as u64;

/// Limits for one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole-request limit: connecting, waiting and reading the body.
    pub timeout: Duration,
    /// Largest body accepted, in bytes.
    pub max_bytes: u64,
    /// Most redirects followed before giving up.
    pub max_redirects: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: 10,
        }
    }
}

/// A fetched response body, before it is read as a source.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL the request ended on after redirects.
    pub final_url: String,
    /// The `Content-Type` header as sent, if any.
    pub content_type: Option<String>,
    /// The body, at most `max_bytes` long.
    pub body: Vec<u8>,
}

/// Fetch `url` and capture it: HTML pages are extracted, plain text, Markdown
/// and PDF responses go to their readers, anything else is refused.
/// The final URL after redirects lands in [`super::PageMeta::final_url`].
pub fn fetch_and_capture(url: &str, options: &FetchOptions) -> Result<Captured> {
    let fetched = fetch(url, options)?;
    let format = response_format(&fetched)?;
    let mut captured = capture_bytes(
        &fetched.body,
        format,
        fetched.content_type.as_deref(),
        Some(&fetched.final_url),
    )
    .map_err(|e| prefix_error(e, &fetched.final_url))?;
    captured.meta.final_url = Some(fetched.final_url);
    Ok(captured)
}

/// Download `url` within `options`' limits. Fails with a message naming the
/// URL for: a non-http(s) or malformed URL, an unreachable host, a timeout,
/// a dropped connection, a 404 ([`Error::NotFound`]), any other non-success
/// status, too many redirects, a redirect to a scheme other than http(s),
/// or a body over the size limit ([`Error::Invalid`]).
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched> {
    let parsed = parse_http_url(url)?;
    let client = client(options)?;
    let response = client
        .get(parsed.clone())
        .header(
            ACCEPT,
            HeaderValue::from_static(
                "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8,application/pdf;q=0.7",
            ),
        )
        .send()
        .map_err(|e| network_error(e, &parsed, options))?;

    let final_url = response.url().to_string();
    refuse_other_scheme_redirect(&response)?;
    check_status(response.status(), &final_url)?;
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    if let Some(len) = response.content_length()
        && len > options.max_bytes
    {
        return Err(too_big(&final_url, options.max_bytes));
    }
    let body = read_limited(response, &final_url, options)?;
    Ok(Fetched {
        final_url,
        content_type,
        body,
    })
}

/// Parse and check that the URL is one we fetch: http or https with a host.
pub fn parse_http_url(url: &str) -> Result<Url> {
    let trimmed = url.trim();
    let parsed = Url::parse(trimmed).map_err(|e| {
        Error::invalid(format!(
            "{trimmed:?} is not a URL ({e}); give a full address like https://example.org/page"
        ))
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(Error::invalid(format!(
            "{trimmed} is a {}: URL; Claimdesk only fetches http:// and https:// addresses",
            parsed.scheme()
        )));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(Error::invalid(format!("{trimmed} has no host name")));
    }
    Ok(parsed)
}

fn client(options: &FetchOptions) -> Result<Client> {
    let max = options.max_redirects;
    let policy = redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max {
            attempt.error(format!("more than {max} redirects"))
        } else if !matches!(attempt.url().scheme(), "http" | "https") {
            let scheme = attempt.url().scheme().to_owned();
            attempt.error(format!("redirect to a {scheme}: URL"))
        } else {
            attempt.follow()
        }
    });
    Client::builder()
        .user_agent(USER_AGENT)
        .timeout(options.timeout)
        .connect_timeout(options.timeout)
        .redirect(policy)
        .build()
        .map_err(|e| Error::io("cannot set up the HTTP client", e))
}

/// A redirect reqwest hands back unfollowed: its `Location` names a scheme
/// other than http(s) (`file:`, `data:`, `javascript:` …), which the redirect
/// policy never sees. Refused with the scheme named, like a policy refusal.
fn refuse_other_scheme_redirect(response: &Response) -> Result<()> {
    if !response.status().is_redirection() {
        return Ok(());
    }
    let Some(target) = response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|location| response.url().join(location).ok())
    else {
        return Ok(());
    };
    if matches!(target.scheme(), "http" | "https") {
        return Ok(());
    }
    Err(Error::Invalid(format!(
        "{} could not be followed: redirect to a {}: URL; Claimdesk only follows http:// and https:// addresses",
        response.url(),
        target.scheme()
    )))
}

fn check_status(status: StatusCode, url: &str) -> Result<()> {
    if status.is_success() {
        return Ok(());
    }
    let reason = status.canonical_reason().unwrap_or("");
    let code = status.as_u16();
    match code {
        404 | 410 => Err(Error::not_found(format!(
            "{url} answered {code} {reason}: the page does not exist (any more); check the address"
        ))),
        401 | 403 => Err(Error::Invalid(format!(
            "{url} answered {code} {reason}: the site refuses access; save the page from a browser and add the file instead"
        ))),
        500..=599 => Err(Error::io_message(format!(
            "{url} answered {code} {reason}: the server failed; try again later"
        ))),
        _ => Err(Error::Invalid(format!("{url} answered {code} {reason}"))),
    }
}

/// Read the body, stopping one byte past the limit: `Content-Length` may be
/// missing or lie, so the bytes themselves are counted.
fn read_limited(response: Response, url: &str, options: &FetchOptions) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    response
        .take(options.max_bytes.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| read_error(e, url, options))?;
    if body.len() as u64 > options.max_bytes {
        return Err(too_big(url, options.max_bytes));
    }
    Ok(body)
}

/// Which reader the response goes to, from its `Content-Type`; without one,
/// from the first bytes.
fn response_format(fetched: &Fetched) -> Result<Format> {
    match fetched.content_type.as_deref() {
        Some(ct) => Format::from_content_type(ct).ok_or_else(|| {
            let essence = ct.split(';').next().unwrap_or(ct).trim();
            Error::invalid(format!(
                "{} serves {essence}, which Claimdesk cannot capture; it reads HTML pages, plain text, Markdown and PDF",
                fetched.final_url
            ))
        }),
        None if fetched.body.starts_with(b"%PDF-") => Ok(Format::Pdf),
        None => Ok(Format::Html),
    }
}

fn too_big(url: &str, max: u64) -> Error {
    Error::invalid(format!(
        "{url} is larger than the {} limit; save the part you need as a file and add that instead",
        human_size(max)
    ))
}

fn network_error(err: reqwest::Error, url: &Url, options: &FetchOptions) -> Error {
    let message = if err.is_timeout() {
        format!(
            "{url} timed out: no complete answer within {} s; the site may be slow or down, try again later",
            options.timeout.as_secs_f32()
        )
    } else if err.is_redirect() {
        return Error::Invalid(format!("{url} could not be followed: {}", root_cause(&err)));
    } else if err.is_connect() {
        format!("cannot connect to {url}: {}", root_cause(&err))
    } else {
        format!(
            "fetching {url} failed, the connection dropped or the answer was broken: {}",
            root_cause(&err)
        )
    };
    // The shown message names the innermost cause; the whole reqwest error stays reachable.
    Error::Io(Failure::new(message, Some(Box::new(err))))
}

fn read_error(err: std::io::Error, url: &str, options: &FetchOptions) -> Error {
    // An io::Error hides the error it wraps from `source()`; look inside it.
    let timed_out = err.kind() == std::io::ErrorKind::TimedOut
        || err.get_ref().is_some_and(|inner| is_timeout(inner));
    if timed_out {
        let message = format!(
            "{url} timed out while sending the page (limit {} s); try again later",
            options.timeout.as_secs_f32()
        );
        Error::Io(Failure::new(message, Some(Box::new(err))))
    } else {
        Error::io(
            format!("the connection to {url} dropped before the page was complete"),
            err,
        )
    }
}

/// Whether a timeout is anywhere in the chain: reqwest wraps a body-read
/// timeout inside a generic "error decoding response body".
fn is_timeout(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(e) = current {
        let timed_out = e
            .downcast_ref::<reqwest::Error>()
            .is_some_and(reqwest::Error::is_timeout)
            || e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut);
        if timed_out {
            return true;
        }
        current = e.source();
    }
    false
}

/// The innermost message of an error chain: reqwest's own top message is generic.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(next) = current.source() {
        current = next;
    }
    current.to_string()
}

fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_urls_are_fetched() {
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://example.org/a",
            "data:text/html,hi",
        ] {
            let err = parse_http_url(bad).expect_err(bad);
            assert!(
                err.to_string().contains("only fetches http"),
                "{bad}: {err}"
            );
        }
        assert!(matches!(
            parse_http_url("example.org/page"),
            Err(Error::Invalid(_))
        ));
        assert!(parse_http_url(" https://example.org/a ").is_ok());
    }
}
