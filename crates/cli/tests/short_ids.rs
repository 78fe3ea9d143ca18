//! Short ids printed by lists resolve when typed back, even from a filtered list.

mod common;

use common::Desk;

/// Two ids that differ only in their last character.
const FIRST: &str = "019ad3f2-aaaa-7bbb-8ccc-000000000001";
const SECOND: &str = "019ad3f2-aaaa-7bbb-8ccc-000000000002";

/// A workspace whose two claims have ids [`FIRST`] and [`SECOND`]: bundles
/// keep ids, so the claims are made elsewhere and brought in with new ones.
fn desk_with_close_ids() -> Desk {
    let maker = Desk::new();
    let a = maker.ok(&["claim", "add", "The ferry fare doubled in March"]);
    let b = maker.ok(&["claim", "add", "The harbour closed for a week"]);
    let bundle = maker
        .ok(&["bundle", "export"])
        .replace(&a, FIRST)
        .replace(&b, SECOND);
    let desk = Desk::new();
    let file = desk.file("close.bundle.json", &bundle);
    desk.ok(&["bundle", "import", &file]);
    desk
}

#[test]
fn a_filtered_claim_list_prints_prefixes_unique_in_the_whole_workspace() {
    let desk = desk_with_close_ids();
    let listed = desk.ok(&["claim", "list", "-q", "ferry"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    let short = listed.split_whitespace().next().expect("a short id");
    assert!(FIRST.starts_with(short), "{listed}");
    let shown = desk.json(&["claim", "show", short]);
    assert_eq!(shown["claim"]["id"], FIRST);
    assert_eq!(
        shown["claim"]["statement"],
        "The ferry fare doubled in March"
    );
}

#[test]
fn a_deleted_claim_still_counts_when_prefixes_are_chosen() {
    let desk = desk_with_close_ids();
    desk.ok(&["claim", "delete", SECOND]);
    let listed = desk.ok(&["claim", "list"]);
    let short = listed.split_whitespace().next().expect("a short id");
    assert_eq!(desk.json(&["claim", "show", short])["claim"]["id"], FIRST);
}

#[test]
fn short_ids_of_unrelated_claims_stay_eight_characters() {
    let desk = Desk::new();
    let id = desk.ok(&["claim", "add", "The ferry fare doubled in March"]);
    let listed = desk.ok(&["claim", "list", "--tag", "none-such"]);
    assert!(listed.is_empty());
    let listed = desk.ok(&["claim", "list", "--sort", "created"]);
    assert!(
        listed.starts_with(&id[..8]) && !listed.starts_with(&id[..9]),
        "{listed}"
    );
}
