//! The query language people type into search, read by our own small grammar
//! into a safe FTS5 expression: what a user types never reaches SQLite as
//! syntax. Every word is sent as an FTS5 string (quotes doubled), so `NEAR(`,
//! `*`, `^` and `col:` are only words or punctuation.
//!
//! - words: every word must match (stemmed: "cancel" finds "cancelled");
//! - `"exact phrase"`; a quote left open runs to the end of the query;
//! - `-word`, `-"a phrase"` or `NOT word`: exclude;
//! - `a OR b`: either (binds tighter than the implicit AND: `x a OR b` is x and (a or b));
//! - `outlet:"Northern Ledger"`, `since:2025-11-20`, `until:2025-12-01`,
//!   `in:claims` / `in:sources`, `version:all` (or `version:latest`).
//!
//! Parsing never fails: a part it cannot use is left out with a notice that
//! says what was expected.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest query read, in characters; the rest is left out with a notice.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most words and phrases searched at once; further ones are left out with a notice.
pub const MAX_TERMS: usize = 32;

/// What a search looks in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Passages of sources and claims.
    #[default]
    All,
    /// Claims only.
    Claims,
    /// Passages of sources only.
    Sources,
}

impl Scope {
    /// Reads `claims` or `sources` (any case); `None` for anything else.
    pub fn parse(word: &str) -> Option<Scope> {
        match word.to_ascii_lowercase().as_str() {
            "claims" | "claim" => Some(Scope::Claims),
            "sources" | "source" | "passages" => Some(Scope::Sources),
            _ => None,
        }
    }
}

/// A query as the grammar read it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The FTS5 expression to match, `None` when no word is left to search for.
    pub fts: Option<String>,
    /// `outlet:` — only passages of sources of this outlet (case ignored).
    pub outlet: Option<String>,
    /// `since:` — published (sources) or claimed (claims) on or after this day.
    pub since: Option<NaiveDate>,
    /// `until:` — published or claimed on or before this day.
    pub until: Option<NaiveDate>,
    /// `in:` — what to look in, when the query says.
    pub scope: Option<Scope>,
    /// `version:all` — every version of each source, not only the latest.
    pub all_versions: bool,
    /// The words and phrases searched for (not excluded ones), for highlighting and hints.
    pub terms: Vec<String>,
    /// What was left out or read differently, in words a person understands.
    pub notices: Vec<String>,
}

/// One word or phrase of the query.
#[derive(Debug)]
enum Token {
    Term { text: String, exclude: bool },
    Or,
    Not,
}

/// Reads a typed query. Never fails; see the module docs for the grammar.
///
/// ```
/// use claimdesk_core::search::query::parse;
/// let q = parse(r#"cancel -talks outlet:"Northern Ledger" "peace plan""#);
/// assert_eq!(q.fts.as_deref(), Some(r#""cancel" AND "peace plan" NOT "talks""#));
/// assert_eq!(q.outlet.as_deref(), Some("Northern Ledger"));
/// ```
pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    // Control characters separate words: a NUL inside an FTS5 string would end
    // it early in SQLite's C code ("unterminated string").
    let chars: Vec<char> = input
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if input.chars().nth(MAX_QUERY_CHARS).is_some() {
        q.notices.push(format!(
            "only the first {MAX_QUERY_CHARS} characters of the query are searched"
        ));
    }
    let tokens = tokenize(&chars, &mut q);
    q.fts = expression(tokens, &mut q);
    if q.fts.is_none() && !chars.iter().all(|c| c.is_whitespace()) {
        q.notices
            .push("type a word to search for (filters and -exclusions alone find nothing)".into());
    }
    q
}

fn tokenize(chars: &[char], q: &mut Query) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let exclude = c == '-' && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if exclude {
            i += 1;
        }
        if chars[i] == '"' {
            let (text, next) = quoted(chars, i, q);
            i = next;
            tokens.push(Token::Term { text, exclude });
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '"' {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        if !exclude {
            match word.as_str() {
                "OR" | "|" => {
                    tokens.push(Token::Or);
                    continue;
                }
                "AND" => continue,
                "NOT" => {
                    tokens.push(Token::Not);
                    continue;
                }
                _ => {}
            }
            if let Some((key, rest)) = word.split_once(':')
                && let Some(filter) = Filter::named(key)
            {
                // `outlet:"Two words"`: the value is the quoted phrase that follows.
                let value = if rest.is_empty() && chars.get(i) == Some(&'"') {
                    let (text, next) = quoted(chars, i, q);
                    i = next;
                    text
                } else {
                    rest.to_string()
                };
                filter.apply(&value, q);
                continue;
            }
        }
        tokens.push(Token::Term {
            text: word,
            exclude,
        });
    }
    tokens
}

/// The phrase opening at `chars[at] == '"'` and the index after it.
fn quoted(chars: &[char], at: usize, q: &mut Query) -> (String, usize) {
    let mut i = at + 1;
    let start = i;
    while i < chars.len() && chars[i] != '"' {
        i += 1;
    }
    let text: String = chars[start..i].iter().collect();
    if i >= chars.len() {
        q.notices
            .push("a quotation mark was not closed; the phrase runs to the end".into());
        (text, i)
    } else {
        (text, i + 1)
    }
}

/// The `key:value` filters of the grammar.
#[derive(Debug, Clone, Copy)]
enum Filter {
    Outlet,
    Since,
    Until,
    In,
    Version,
}

impl Filter {
    fn named(key: &str) -> Option<Filter> {
        Some(match key.to_ascii_lowercase().as_str() {
            "outlet" => Filter::Outlet,
            "since" => Filter::Since,
            "until" => Filter::Until,
            "in" => Filter::In,
            "version" => Filter::Version,
            _ => return None,
        })
    }

    fn apply(self, value: &str, q: &mut Query) {
        let value = value.trim();
        match self {
            Filter::Outlet if value.is_empty() => {
                q.notices
                    .push("outlet: needs a name, such as outlet:\"Northern Ledger\"".into());
            }
            Filter::Outlet => q.outlet = Some(value.to_string()),
            Filter::Since | Filter::Until => {
                let name = if matches!(self, Filter::Since) {
                    "since"
                } else {
                    "until"
                };
                match parse_day(value) {
                    Some(day) if matches!(self, Filter::Since) => q.since = Some(day),
                    Some(day) => q.until = Some(day),
                    None => q.notices.push(format!(
                        "{name}: needs a day as YYYY-MM-DD, such as {name}:2025-11-20; \"{value}\" was left out"
                    )),
                }
            }
            Filter::In => match Scope::parse(value) {
                Some(scope) => q.scope = Some(scope),
                None => q.notices.push(format!(
                    "in: takes claims or sources; \"{value}\" was left out"
                )),
            },
            Filter::Version => match value.to_ascii_lowercase().as_str() {
                "all" => q.all_versions = true,
                "latest" => q.all_versions = false,
                _ => q.notices.push(format!(
                    "version: takes all or latest; \"{value}\" was left out"
                )),
            },
        }
    }
}

/// A calendar day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// True when the tokenizer would find a word in `text`: FTS5 drops a string
/// with none, and an empty phrase is not a search.
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// An FTS5 string: the text in double quotes, inner quotes doubled.
fn fts_string(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Builds `(a OR b) AND c NOT x` from the tokens: runs joined by OR form one
/// group, groups are ANDed, exclusions come last.
fn expression(tokens: Vec<Token>, q: &mut Query) -> Option<String> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let (mut or_pending, mut not_pending) = (false, false);
    let mut dropped = false;
    for token in tokens {
        match token {
            Token::Or => or_pending = !groups.is_empty(),
            Token::Not => not_pending = true,
            Token::Term { text, exclude } => {
                let exclude = exclude || std::mem::take(&mut not_pending);
                let joins = std::mem::take(&mut or_pending);
                if !has_word(&text) {
                    continue;
                }
                let count = groups.iter().map(Vec::len).sum::<usize>() + excluded.len();
                if count >= MAX_TERMS {
                    dropped = true;
                    continue;
                }
                let term = fts_string(text.trim());
                if exclude {
                    excluded.push(term);
                    continue;
                }
                q.terms.push(text.trim().to_string());
                match groups.last_mut() {
                    Some(group) if joins => group.push(term),
                    _ => groups.push(vec![term]),
                }
            }
        }
    }
    if dropped {
        q.notices.push(format!(
            "only the first {MAX_TERMS} words and phrases are searched"
        ));
    }
    if groups.is_empty() {
        return None;
    }
    let positive: Vec<String> = groups
        .into_iter()
        .map(|g| {
            if g.len() == 1 {
                g.into_iter().next().unwrap_or_default()
            } else {
                format!("({})", g.join(" OR "))
            }
        })
        .collect();
    let mut expr = positive.join(" AND ");
    for x in excluded {
        expr.push_str(" NOT ");
        expr.push_str(&x);
    }
    Some(expr)
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_separate_words_and_never_reach_fts5() {
        let q = parse("five\0hours \"ten\u{1}past\"");
        let fts = q.fts.expect("an expression");
        assert!(!fts.chars().any(char::is_control), "{fts:?}");
        assert_eq!(fts, r#""five" AND "hours" AND "ten past""#);
    }

    use super::*;

    fn fts(input: &str) -> Option<String> {
        parse(input).fts
    }

    #[test]
    fn words_must_all_match() {
        assert_eq!(
            fts("meeting cancel"),
            Some(r#""meeting" AND "cancel""#.into())
        );
    }

    #[test]
    fn a_phrase_stays_one_string() {
        assert_eq!(
            fts(r#""peace plan" talks"#),
            Some(r#""peace plan" AND "talks""#.into())
        );
    }

    #[test]
    fn minus_and_not_exclude() {
        assert_eq!(fts("talks -Geneva"), Some(r#""talks" NOT "Geneva""#.into()));
        assert_eq!(
            fts("talks NOT Geneva"),
            Some(r#""talks" NOT "Geneva""#.into())
        );
        assert_eq!(
            fts(r#"talks -"peace plan""#),
            Some(r#""talks" NOT "peace plan""#.into())
        );
    }

    #[test]
    fn or_joins_its_neighbours_into_one_group() {
        assert_eq!(
            fts("deadline Thanksgiving OR November"),
            Some(r#""deadline" AND ("Thanksgiving" OR "November")"#.into())
        );
        // A dangling OR is no operator.
        assert_eq!(fts("OR talks OR"), Some(r#""talks""#.into()));
    }

    #[test]
    fn filters_are_read_and_left_out_of_the_match() {
        let q = parse(
            r#"talks outlet:"Northern Ledger" since:2025-11-20 until:2025-12-01 in:claims version:all"#,
        );
        assert_eq!(q.fts.as_deref(), Some(r#""talks""#));
        assert_eq!(q.outlet.as_deref(), Some("Northern Ledger"));
        assert_eq!(q.since, NaiveDate::from_ymd_opt(2025, 11, 20));
        assert_eq!(q.until, NaiveDate::from_ymd_opt(2025, 12, 1));
        assert_eq!(q.scope, Some(Scope::Claims));
        assert!(q.all_versions);
        assert!(q.notices.is_empty(), "{:?}", q.notices);
        assert_eq!(
            parse("outlet:Courier talks").outlet.as_deref(),
            Some("Courier")
        );
        assert_eq!(parse("in:sources x").scope, Some(Scope::Sources));
    }

    #[test]
    fn a_bad_filter_value_is_left_out_with_a_notice_saying_what_it_needs() {
        let q = parse("talks since:yesterday in:everything version:2");
        assert_eq!(q.fts.as_deref(), Some(r#""talks""#));
        assert_eq!(q.since, None);
        assert!(
            q.notices[0].contains("since: needs a day as YYYY-MM-DD"),
            "{:?}",
            q.notices
        );
        assert!(q.notices[1].contains("in: takes claims or sources"));
        assert!(q.notices[2].contains("version: takes all or latest"));
    }

    #[test]
    fn fts5_syntax_is_only_words() {
        assert_eq!(
            fts("NEAR(talks deadline)"),
            Some(r#""NEAR(talks" AND "deadline)""#.into())
        );
        assert_eq!(fts("talk*"), Some(r#""talk*""#.into()));
        assert_eq!(fts("* ^ ( ) :"), None);
        assert_eq!(fts("^talks"), Some(r#""^talks""#.into()));
        assert_eq!(fts("statement:talks"), Some(r#""statement:talks""#.into()));
        assert_eq!(
            fts(r#"say "hi"" there"#),
            Some(r#""say" AND "hi" AND "there""#.into())
        );
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_with_a_notice() {
        let q = parse(r#"talks "peace plan"#);
        assert_eq!(q.fts.as_deref(), Some(r#""talks" AND "peace plan""#));
        assert!(q.notices[0].contains("not closed"));
    }

    #[test]
    fn inner_quotes_cannot_close_the_fts_string() {
        // A quote inside a filter value or word is doubled, never closes the string.
        assert_eq!(fts("a\"b"), Some(r#""a" AND "b""#.into()));
        assert_eq!(fts_string(r#"x" OR "y"#), r#""x"" OR ""y""#);
    }

    #[test]
    fn a_huge_query_is_cut_with_notices() {
        let q = parse(&"word ".repeat(2_000));
        let expr = q.fts.unwrap_or_default();
        assert_eq!(expr.matches("\"word\"").count(), MAX_TERMS);
        assert!(
            q.notices
                .iter()
                .any(|n| n.contains("first 1000 characters"))
        );
        assert!(q.notices.iter().any(|n| n.contains("first 32 words")));
    }

    #[test]
    fn exclusions_or_filters_alone_search_nothing_and_say_so() {
        let q = parse("-talks outlet:Courier");
        assert_eq!(q.fts, None);
        assert!(q.notices.iter().any(|n| n.contains("type a word")));
        assert!(parse("   ").notices.is_empty());
    }
}
