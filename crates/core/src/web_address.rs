//! Web addresses people type (a source's URL, its canonical URL, the base URL
//! of published reports): a full `http://` or `https://` address with a host.
//! Anything else (`file:`, `javascript:`, a bare word) is refused, so no
//! stored link or export ever carries one.

use reqwest::Url;

use crate::error::{Error, Result};

/// Parses `value` as a web address; `what` names the field in the message,
/// e.g. "the source URL".
pub fn web_address(what: &str, value: &str) -> Result<Url> {
    let value = value.trim();
    let bad = || {
        Error::invalid(format!(
            "{what} {value:?} is not a web address; give a full address starting with http:// or https://, like https://example.org/page"
        ))
    };
    let parsed = Url::parse(value).map_err(|_| bad())?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none_or(str::is_empty) {
        return Err(bad());
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_http_addresses_are_web_addresses() {
        for good in [
            "https://news.example/a",
            " http://news.example ",
            "HTTPS://news.example/a?b=c",
        ] {
            assert!(web_address("the URL", good).is_ok(), "{good}");
        }
        for bad in [
            "not a url",
            "news.example/a",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://news.example/a",
            "data:text/html,hi",
            "http://",
            "httpfoo",
        ] {
            let err = web_address("the source URL", bad).expect_err(bad);
            assert!(
                err.to_string().starts_with("the source URL")
                    && err.to_string().contains("http:// or https://"),
                "{bad}: {err}"
            );
        }
    }
}
