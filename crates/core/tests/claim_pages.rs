//! The claim list a page at a time: pages walked with their cursors give the
//! whole list, in its order, for every sort and filter; a cursor that is not
//! one the list gave is refused with a message saying what to pass instead.

use claimdesk_core::model::{ClaimFilter, ClaimSort};
use claimdesk_core::sample::desk_year::{self, DeskSize};
use claimdesk_core::{ErrorKind, Workspace};

const SORTS: [ClaimSort; 3] = [ClaimSort::Updated, ClaimSort::ClaimedOn, ClaimSort::Created];

/// A small generated desk: every sort has ties to break and claims without
/// a claimed-on day.
fn desk() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    desk_year::fill(
        &ws,
        DeskSize {
            claims: 260,
            sources: 6,
            passages: 300,
            seed: 11,
        },
    )
    .expect("generated");
    (dir, ws)
}

fn filters(sort: ClaimSort) -> Vec<ClaimFilter> {
    let f = |text: Option<&str>, verdict: Option<&str>, tag: Option<&str>| ClaimFilter {
        text: text.map(str::to_string),
        verdict: verdict.map(str::to_string),
        tag: tag.map(str::to_string),
        sort,
        conflicts: false,
    };
    vec![
        f(None, None, None),
        f(None, Some("false"), None),
        f(None, None, Some("ferry")),
        f(Some("lasted hours"), None, None),
        f(Some("council"), Some("verified"), Some("budget")),
        f(None, Some("Mostly true"), Some("Pay")),
        f(Some("nothing-matches-this"), None, None),
    ]
}

/// Every page of a list, walked with the cursors the pages give.
fn walk(ws: &Workspace, filter: &ClaimFilter, limit: u32, deleted: bool) -> Vec<String> {
    let mut ids = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..10_000 {
        let page = if deleted {
            ws.claims().page_deleted(filter, limit, after.as_deref())
        } else {
            ws.claims().page(filter, limit, after.as_deref())
        }
        .expect("a page");
        assert!(page.claims.len() <= limit as usize);
        ids.extend(page.claims.iter().map(|c| c.id.clone()));
        match page.next {
            Some(next) => {
                assert_eq!(
                    page.claims.len(),
                    limit as usize,
                    "only the last page is short"
                );
                after = Some(next);
            }
            None => return ids,
        }
    }
    panic!("the pages never ended");
}

#[test]
fn pages_walked_in_turn_are_the_whole_list_in_order_for_every_sort_and_filter() {
    let (_d, ws) = desk();
    for sort in SORTS {
        let mut found = 0;
        for filter in filters(sort) {
            let full = ws.claims().list(&filter).expect("full list");
            found += usize::from(!full.is_empty());
            let ids: Vec<String> = full.iter().map(|c| c.id.clone()).collect();
            for limit in [1, 7, 100, 1_000] {
                assert_eq!(
                    walk(&ws, &filter, limit, false),
                    ids,
                    "{filter:?} by {limit}"
                );
            }
            assert_eq!(
                ws.claims().count(&filter).expect("count"),
                full.len() as u64,
                "{filter:?}"
            );
            // The rows themselves are the list's, tags included.
            let first = ws.claims().page(&filter, 50, None).expect("first page");
            assert_eq!(
                first.claims,
                full.iter().take(50).cloned().collect::<Vec<_>>()
            );
        }
        assert!(
            found >= 5,
            "most filters find claims, so the walk is tested"
        );
    }
}

#[test]
fn deleted_claims_page_like_the_deleted_list() {
    let (_d, ws) = desk();
    let all = ws.claims().list(&ClaimFilter::default()).expect("list");
    for c in all.iter().step_by(9) {
        ws.claims().delete(&c.id, None).expect("delete");
    }
    for sort in SORTS {
        let filter = ClaimFilter {
            sort,
            ..Default::default()
        };
        let deleted: Vec<String> = ws
            .claims()
            .list_deleted(&filter)
            .expect("deleted list")
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(deleted.len(), all.len().div_ceil(9));
        assert_eq!(walk(&ws, &filter, 4, true), deleted);
        let live = ws.claims().list(&filter).expect("live list");
        assert_eq!(
            walk(&ws, &filter, 13, false),
            live.into_iter().map(|c| c.id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_claim_changed_between_pages_is_not_shown_twice() {
    let (_d, ws) = desk();
    let filter = ClaimFilter::default();
    let first = ws.claims().page(&filter, 20, None).expect("first page");
    // The oldest claim changes: it moves to the top, above the cursor.
    let oldest = ws
        .claims()
        .list(&filter)
        .expect("list")
        .pop()
        .expect("a claim");
    ws.claims()
        .set_verdict(&oldest.id, "verified", None, None)
        .expect("verdict");
    let mut seen: Vec<String> = first.claims.iter().map(|c| c.id.clone()).collect();
    let mut after = first.next;
    while let Some(cursor) = after {
        let page = ws.claims().page(&filter, 50, Some(&cursor)).expect("page");
        seen.extend(page.claims.into_iter().map(|c| c.id));
        after = page.next;
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no claim twice");
}

#[test]
fn a_cursor_the_list_did_not_give_is_refused_with_what_to_pass() {
    let (_d, ws) = desk();
    let by_updated = ClaimFilter::default();
    for bad in ["not a cursor", "", "dTo", "eDoxOjI", "dTp4OjIwMjU"] {
        let err = ws
            .claims()
            .page(&by_updated, 10, Some(bad))
            .expect_err("refused");
        assert_eq!(err.kind(), ErrorKind::Invalid, "{bad:?}");
        assert!(
            err.to_string()
                .contains("is not a cursor of the claim list")
                && err.to_string().contains("`next`"),
            "{err}"
        );
    }
    // A cursor of one sort is refused by another, naming both.
    let next = ws
        .claims()
        .page(&by_updated, 10, None)
        .expect("page")
        .next
        .expect("more pages");
    let by_created = ClaimFilter {
        sort: ClaimSort::Created,
        ..Default::default()
    };
    let err = ws
        .claims()
        .page(&by_created, 10, Some(&next))
        .expect_err("refused");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    assert!(
        err.to_string()
            .contains("sorted by updated, not by created"),
        "{err}"
    );
    for limit in [0, 10_001] {
        let err = ws
            .claims()
            .page(&by_updated, limit, None)
            .expect_err("limit refused");
        assert!(
            err.to_string().contains("a page holds 1 to 10000 claims"),
            "{err}"
        );
    }
}

#[test]
fn the_generated_desk_holds_what_its_summary_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    let size = DeskSize {
        claims: 520,
        sources: 12,
        passages: 1_100,
        seed: 5,
    };
    let summary = desk_year::fill(&ws, size).expect("generated");
    assert_eq!(summary.claims, 520);
    assert_eq!(summary.sources, 12);
    assert_eq!(summary.evidence, 1_100);
    assert!((12..=36).contains(&summary.versions), "{summary:?}");
    let claims = ws.claims().list(&ClaimFilter::default()).expect("list");
    assert_eq!(claims.len(), 520);
    assert_eq!(ws.evidence().list(None).expect("evidence").len(), 1_100);
    let mut history = 0;
    for c in &claims {
        let rows = ws.claims().history(&c.id).expect("history");
        let edits = rows.iter().filter(|h| h.field != "evidence").count();
        assert!((3..=10).contains(&edits), "{} has {edits} rows", c.id);
        history += rows.len();
    }
    assert_eq!(history as u32, summary.history);
    // The busy claims: 20 passages and 10 rows of edits.
    let busy: Vec<_> = claims
        .iter()
        .filter(|c| ws.claims().detail(&c.id).expect("detail").evidence.len() == 20)
        .collect();
    assert!(busy.len() >= 2, "{} busy claims", busy.len());
    for s in ws.sources().list().expect("sources") {
        assert!((1..=3).contains(&s.version_count));
        let words = ws
            .sources()
            .version(&s.id, None)
            .expect("text")
            .text
            .split_whitespace()
            .count();
        assert!((780..1_000).contains(&words), "{words} words");
    }
    // Only into an empty workspace, like the small sample.
    let err = desk_year::fill(&ws, size).expect_err("second fill refused");
    assert_eq!(err.kind(), ErrorKind::Conflict);
}
