//! `claim list --limit N [--after CURSOR]`: pages of the list, the JSON
//! giving the cursor of the next one; without `--limit` the output is the
//! whole list as before.

mod common;

use common::Desk;
use serde_json::Value;

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .expect("an array of claims")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_string())
        .collect()
}

/// A desk of 13 claims (the sample's four and nine more), some tagged.
fn desk() -> Desk {
    let desk = Desk::sample();
    for i in 0..9 {
        let tag = if i % 2 == 0 { "ferry" } else { "pay" };
        desk.ok(&[
            "claim",
            "add",
            &format!("Claim {i} about the harbour"),
            "--tag",
            tag,
        ]);
    }
    desk
}

/// Every page, walked with the `next` cursors; `extra` goes on every call.
fn walk(desk: &Desk, limit: &str, extra: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut args = vec!["claim", "list", "--limit", limit];
        args.extend_from_slice(extra);
        if let Some(a) = &after {
            args.extend_from_slice(&["--after", a]);
        }
        let page = desk.json(&args);
        out.extend(ids(&page["claims"]));
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_string()),
            None => {
                assert!(page["next"].is_null(), "the last page says so: {page}");
                return out;
            }
        }
    }
}

#[test]
fn pages_walked_with_their_cursors_are_the_whole_list() {
    let desk = desk();
    for sort in ["updated", "claimed-on", "created"] {
        let full = ids(&desk.json(&["claim", "list", "--sort", sort]));
        assert_eq!(full.len(), 13);
        assert_eq!(walk(&desk, "5", &["--sort", sort]), full, "{sort}");
        assert_eq!(walk(&desk, "1", &["--sort", sort]), full, "{sort}");
    }
    let ferry = ids(&desk.json(&["claim", "list", "--tag", "ferry"]));
    assert_eq!(ferry.len(), 5);
    assert_eq!(walk(&desk, "2", &["--tag", "ferry"]), ferry);
    let disputed = ids(&desk.json(&["claim", "list", "--verdict", "disputed", "-q", "deadline"]));
    assert_eq!(
        walk(&desk, "2", &["--verdict", "disputed", "-q", "deadline"]),
        disputed
    );
}

#[test]
fn a_page_of_deleted_claims_and_the_text_output_name_the_next_cursor() {
    let desk = desk();
    let all = ids(&desk.json(&["claim", "list"]));
    for id in all.iter().take(3) {
        desk.ok(&["claim", "delete", id]);
    }
    let deleted = ids(&desk.json(&["claim", "list", "--deleted"]));
    assert_eq!(walk(&desk, "2", &["--deleted"]), deleted);
    // Text: the page's rows, and on stderr how to ask for the next page.
    let page = desk.json(&["claim", "list", "--limit", "4"]);
    let next = page["next"].as_str().expect("more pages");
    let (rows, hint) = desk.run(&["claim", "list", "--limit", "4"]);
    assert_eq!(rows.lines().count(), 4);
    assert!(hint.contains(&format!("--after {next}")), "{hint}");
}

#[test]
fn a_bad_cursor_or_limit_is_refused_with_what_to_pass() {
    let desk = desk();
    let before = desk.snapshot();
    desk.fails(
        &[
            "claim",
            "list",
            "--limit",
            "5",
            "--after",
            "bm90LWEtY3Vyc29y",
        ],
        "is not a cursor of the claim list; pass the `next` of the page before",
    );
    let next = desk.json(&["claim", "list", "--limit", "5"])["next"]
        .as_str()
        .expect("more pages")
        .to_string();
    desk.fails(
        &[
            "claim", "list", "--sort", "created", "--limit", "5", "--after", &next,
        ],
        "that cursor belongs to the list sorted by updated, not by created",
    );
    desk.fails(
        &["claim", "list", "--limit", "0"],
        "a page holds 1 to 10000 claims",
    );
    // --after needs --limit.
    desk.cmd(&["claim", "list", "--after", &next])
        .assert()
        .failure();
    assert_eq!(desk.snapshot(), before, "nothing was written");
}

#[test]
fn sample_size_small_is_the_two_outlet_story() {
    let desk = Desk::new();
    let summary = desk.json(&["sample", "--size", "small"]);
    assert_eq!(summary["claims"], 4);
    assert_eq!(summary["sources"], 2);
    desk.fails(
        &["sample", "--size", "year"],
        "the sample goes into an empty workspace",
    );
}
