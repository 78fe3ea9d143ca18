//! The story's timeline in the real window: the sample's two outlets date the
//! crews' vote to two days (a conflict), tell the mayor's Wednesday meeting
//! alike (one entry with both wordings), and the deadline claim sits on its
//! Friday with what the sources say after. Clicking an event opens its
//! passage in the reader; j / k and Enter do the same from the keyboard.

mod support;

use support::{App, Desk};

#[tokio::test]
async fn the_sample_timeline_shows_a_conflict_a_merged_entry_a_deadline_and_opens_a_passage() {
    if !support::can_run() {
        return;
    }
    let desk = Desk::new();
    let app = App::with_sample(&desk).await;
    app.click("nav-timeline").await;
    app.find("timeline-view").await;

    // The vote: the Courier says Saturday, the Ledger Sunday.
    let conflict = app.wait_for_text("timeline-conflict", "Conflict").await;
    assert!(
        conflict.contains("Northern Ledger dates it Sun 2 Mar 2025"),
        "{conflict}"
    );

    // The mayor's meeting: one entry, both outlets' wordings.
    let merged = app.find("timeline-merged").await;
    assert_eq!(
        merged.text().await.unwrap_or_default(),
        "Told alike by 2 outlets"
    );
    let headings: Vec<String> = {
        let mut out = Vec::new();
        for h in app.find_all("timeline-day-heading").await {
            out.push(h.text().await.unwrap_or_default());
        }
        out
    };
    assert!(
        headings.contains(&"Wed 5 Mar 2025".to_string())
            && headings.contains(&"Week 11, 2025".to_string()),
        "{headings:?}"
    );

    // The deadline claim on its Friday, with what the sources date after it.
    let deadline = app
        .wait_for_text("timeline-deadline", "Claim’s deadline")
        .await;
    assert!(
        deadline.contains("Harbour Line set Friday as the deadline"),
        "{deadline}"
    );
    assert!(deadline.contains("After it, the sources say"), "{deadline}");
    let shot = app.screenshot("timeline").await;
    eprintln!("screenshot: {}", shot.display());
    let _ = app
        .client
        .execute(
            "document.querySelector('[data-testid=\"timeline-deadline\"]').scrollIntoView({block: 'center'})",
            vec![],
        )
        .await;
    let shot = app.screenshot("timeline-deadline").await;
    eprintln!("screenshot: {}", shot.display());

    // "The harbour fair is on Saturday" cannot be placed: pin the later Saturday.
    let pins = app.find_n("timeline-pin", 2).await;
    assert_eq!(pins[1].text().await.unwrap_or_default(), "Sat 8 Mar 2025");
    pins[1].click().await.expect("the reading can be pinned");
    app.find("timeline-unpin").await;
    let readings = app.wait_for_text("timeline-readings", "Pinned").await;
    assert!(readings.contains("Sat 1 Mar 2025"), "{readings}");
    let fair = app
        .client
        .execute(
            "return document.querySelector('[data-date=\"2025-03-08\"]')?.textContent ?? ''",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    assert!(fair.contains("The harbour fair is on Saturday."), "{fair}");

    // Only conflicts: the two datings of the vote are all that is left.
    app.click("timeline-only-conflicts").await;
    let events = app.find_n("timeline-event", 2).await;
    let first = events[0].text().await.unwrap_or_default();
    assert!(
        first.contains("Crews voted to reject the pay offer"),
        "{first}"
    );

    // A click opens the passage in the reader, the sentence marked.
    events[0].click().await.expect("the event can be clicked");
    let marked = app
        .wait_for_text("reader-highlight", "Crews voted to reject the pay offer")
        .await;
    assert!(marked.contains("on Saturday"), "{marked}");

    // Back on the timeline (its filter kept), the keyboard walks it: j to the
    // Ledger's dating, Enter opens it.
    app.click("nav-timeline").await;
    app.find_n("timeline-event", 2).await;
    app.press('j').await;
    app.press('\u{E007}').await;
    app.wait_for_text("reader-highlight", "on Sunday").await;
    app.close().await;
}
