//! The libpq password file (`.pgpass`): lines of
//! `hostname:port:database:username:password`, `*` matching anything,
//! `\` escaping `:` and `\`, `#` starting a comment. The first matching line wins.

use std::path::Path;

/// One line of a password file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    fields: [String; 4],
    password: String,
}

/// The password the file at `path` holds for this server, database and user
/// (None when the file is missing or no line matches).
pub fn lookup(path: &Path, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    find(&text, host, port, database, user)
}

/// The first line of `text` matching the four fields.
pub fn find(text: &str, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    text.lines().filter_map(parse_line).find_map(|entry| {
        let matches = entry
            .fields
            .iter()
            .zip(wanted)
            .all(|(field, value)| field == "*" || field == value || is_local(field, value));
        matches.then_some(entry.password)
    })
}

/// libpq lets `localhost` match a connection to the loopback address too.
fn is_local(field: &str, value: &str) -> bool {
    field == "localhost" && (value == "127.0.0.1" || value == "::1")
}

/// Splits one line into its five fields; comments, blank and short lines are None.
fn parse_line(line: &str) -> Option<Entry> {
    if line.trim_start().starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut fields = Vec::with_capacity(5);
    let mut current = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            ':' if fields.len() < 4 => fields.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if fields.len() < 4 {
        return None;
    }
    let [host, port, db, user]: [String; 4] = fields.try_into().ok()?;
    Some(Entry {
        fields: [host, port, db, user],
        password: current,
    })
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn the_first_matching_line_gives_the_password() {
        let text = "db.example:5432:news:ana:first\n*:*:*:ana:second\n";
        assert_eq!(
            find(text, "db.example", 5432, "news", "ana").as_deref(),
            Some("first")
        );
        assert_eq!(
            find(text, "other", 5433, "x", "ana").as_deref(),
            Some("second")
        );
        assert_eq!(find(text, "other", 5433, "x", "ben"), None);
    }

    #[test]
    fn escaped_colons_and_backslashes_belong_to_the_field() {
        let text = "h:5432:d:ana:pa\\:ss\\\\word\n";
        assert_eq!(
            find(text, "h", 5432, "d", "ana").as_deref(),
            Some("pa:ss\\word")
        );
        // A colon inside the password needs no escape: the fifth field is the rest.
        let text = "h:5432:d:ana:a:b\n";
        assert_eq!(find(text, "h", 5432, "d", "ana").as_deref(), Some("a:b"));
    }

    #[test]
    fn comments_blank_and_short_lines_are_skipped() {
        let text = "# h:5432:d:ana:commented\n\nh:5432:ana\nh:5432:d:ana:real\n";
        assert_eq!(find(text, "h", 5432, "d", "ana").as_deref(), Some("real"));
    }

    #[test]
    fn localhost_matches_the_loopback_address() {
        let text = "localhost:5432:*:ana:local\n";
        assert_eq!(
            find(text, "127.0.0.1", 5432, "d", "ana").as_deref(),
            Some("local")
        );
        assert_eq!(find(text, "10.1.1.1", 5432, "d", "ana"), None);
    }

    #[test]
    fn a_port_must_match_exactly() {
        let text = "h:5433:*:*:other-port\n";
        assert_eq!(find(text, "h", 5432, "d", "ana"), None);
    }
}
