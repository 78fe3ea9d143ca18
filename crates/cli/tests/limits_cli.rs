//! Input over a limit is refused by the CLI as by the core: exit 1, a message
//! naming the field and the limit, and nothing written.

mod common;

use common::Desk;

#[test]
fn a_statement_over_the_limit_is_refused_and_nothing_is_written() {
    let desk = Desk::sample();
    let before = desk.snapshot();
    let long = "word ".repeat(2_000);
    desk.fails(
        &["claim", "add", &long],
        "the statement is 10,000 characters long; the limit is 5,000",
    );
    let claim = desk.json(&["claim", "list"])[0]["id"]
        .as_str()
        .expect("a sample claim")
        .to_string();
    desk.fails(
        &["claim", "edit", &claim, "--claimant", &"x".repeat(2_001)],
        "the claimant is 2,001 characters long; the limit is 2,000",
    );
    assert_eq!(desk.snapshot(), before);
}

#[test]
fn a_source_file_over_20_mb_is_refused_before_it_is_read() {
    let desk = Desk::new();
    let path = desk.file(
        "huge.txt",
        &"The vote was close.\n".repeat(21 * 1024 * 1024 / 20),
    );
    desk.fails(
        &["source", "add", &path],
        "huge.txt is 21 MB long; the limit is 20 MB",
    );
    desk.fails(&["source", "import", &path], "the URL list");
    desk.fails(
        &["source", "import", &path],
        "is 21 MB long; the limit is 20 MB",
    );
    assert_eq!(desk.json(&["source", "list"]), serde_json::json!([]));
}
