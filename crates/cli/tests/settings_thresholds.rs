//! `settings show` and `settings --help` list the thresholds of claim
//! matching with their values and defaults; a bad value is refused with a
//! message saying what to write, and nothing changes.

mod common;

use common::Desk;
use serde_json::json;

#[test]
fn settings_show_lists_the_thresholds_with_values_and_defaults() {
    let desk = Desk::sample();
    let shown = desk.json(&["settings", "show"]);
    // The settings as before, the thresholds beside them.
    assert!(shown.get("publisher").is_some(), "{shown}");
    assert_eq!(
        shown["match_thresholds"],
        json!([
            {"key": "match_suggestion_threshold", "value": 0.3, "default": 0.3, "set": false,
             "about": "score (0 to 1) a similar claim needs to be listed at all"},
            {"key": "match_threshold", "value": 0.73, "default": 0.73, "set": false,
             "about": "score (0 to 1) a similar claim needs to be the same claim, its facts agreeing"},
            {"key": "match_min_words", "value": 4, "default": 4, "set": false,
             "about": "words both claims need before they can be the same claim"}
        ])
    );

    let text = desk.ok(&["settings", "set", "match_threshold", "0.8"]);
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["match_threshold", "0.8", "(default", "0.73)"]),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["match_min_words", "4", "(default)"]),
        "{text}"
    );
    let shown = desk.json(&["settings", "show"]);
    assert_eq!(shown["match_thresholds"][1]["value"], 0.8);
    assert_eq!(shown["match_thresholds"][1]["set"], true);

    // An empty value puts the default back.
    desk.ok(&["settings", "set", "match_threshold", ""]);
    let shown = desk.json(&["settings", "show"]);
    assert_eq!(shown["match_thresholds"][1]["value"], 0.73);
    assert_eq!(shown["match_thresholds"][1]["set"], false);
}

#[test]
fn help_names_each_threshold_with_its_default() {
    let desk = Desk::new();
    for args in [
        &["settings", "show", "--help"][..],
        &["settings", "set", "--help"],
    ] {
        let help = desk.ok(args);
        for line in [
            "match_suggestion_threshold",
            "(default 0.3)",
            "match_threshold",
            "(default 0.73)",
            "match_min_words",
            "(default 4)",
        ] {
            assert!(
                help.contains(line),
                "{args:?} --help lacks {line:?}:\n{help}"
            );
        }
    }
}

#[test]
fn a_bad_threshold_is_refused_clearly_and_nothing_changes() {
    let desk = Desk::sample();
    let before = desk.json(&["settings", "show"]);
    for (key, value, message) in [
        (
            "match_threshold",
            "2",
            "match_threshold must be a score from 0 to 1",
        ),
        ("match_threshold", "high", "not \"high\""),
        ("match_suggestion_threshold", "-0.1", "score from 0 to 1"),
        (
            "match_min_words",
            "0",
            "whole number of words from 1 to 100",
        ),
        ("match_min_words", "3.5", "whole number of words"),
        (
            "match_suggestion_threshold",
            "0.9",
            "match_suggestion_threshold (0.9) would be above match_threshold (0.73)",
        ),
        (
            "match_threshold",
            "0.2",
            "lower match_suggestion_threshold or raise match_threshold",
        ),
        (
            "match_treshold",
            "0.5",
            "unknown setting \"match_treshold\"",
        ),
    ] {
        desk.fails(&["settings", "set", key, value], message);
    }
    assert_eq!(
        desk.json(&["settings", "show"]),
        before,
        "nothing was written"
    );
}
