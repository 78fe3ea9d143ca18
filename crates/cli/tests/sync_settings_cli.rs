//! `claimdesk settings` shows and sets where this workspace syncs.

mod common;

use common::Desk;

/// Whether `shown` has a line of exactly these words.
fn has_row(shown: &str, words: &[&str]) -> bool {
    shown
        .lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == words)
}

#[test]
fn settings_show_lines_every_value_up_in_one_column() {
    let desk = Desk::sample();
    let shown = desk.ok(&["settings", "show"]);
    let columns: Vec<usize> = shown
        .lines()
        .map(|l| {
            let key = l.split_whitespace().next().unwrap_or_default();
            key.len() + l[key.len()..].len() - l[key.len()..].trim_start().len()
        })
        .collect();
    assert_eq!(
        columns.len(),
        8,
        "five settings and three thresholds: {shown}"
    );
    assert!(
        columns.iter().all(|&c| c == columns[0]),
        "the values start in one column: {shown}"
    );
}

#[test]
fn settings_set_and_show_the_shared_desk() {
    let desk = Desk::new();
    let shown = desk.ok(&["settings", "show"]);
    assert!(has_row(&shown, &["sync_server", "(unset)"]), "{shown}");
    desk.ok(&[
        "settings",
        "set",
        "sync_server",
        "postgres://desk.example:5433/claimdesk",
    ]);
    desk.ok(&["settings", "set", "sync_desk", "harbour"]);
    let json = desk.json(&["settings", "show"]);
    assert_eq!(
        json["sync_server"],
        "postgres://desk.example:5433/claimdesk"
    );
    assert_eq!(json["sync_desk"], "harbour");
    assert!(
        json.get("publisher").is_some(),
        "the other settings are still there: {json}"
    );
    let shown = desk.ok(&["settings", "show"]);
    assert!(has_row(&shown, &["sync_desk", "harbour"]), "{shown}");
    desk.ok(&["settings", "set", "sync_desk", ""]);
    assert!(desk.json(&["settings", "show"])["sync_desk"].is_null());
}

#[test]
fn a_server_address_with_a_password_or_another_scheme_is_refused() {
    let desk = Desk::new();
    desk.ok(&[
        "settings",
        "set",
        "sync_server",
        "postgres://desk.example/claimdesk",
    ]);
    desk.fails(
        &[
            "settings",
            "set",
            "sync_server",
            "postgres://ana:secret@desk.example/claimdesk",
        ],
        "put it in the PGPASSWORD environment variable or in ~/.pgpass",
    );
    desk.fails(
        &[
            "settings",
            "set",
            "sync_server",
            "https://desk.example/claimdesk",
        ],
        "starting with postgres:// or postgresql://",
    );
    desk.fails(&["settings", "set", "sync_desk", "two words"], "desk name");
    assert_eq!(
        desk.json(&["settings", "show"])["sync_server"],
        "postgres://desk.example/claimdesk",
        "a refused value changed nothing"
    );
}
