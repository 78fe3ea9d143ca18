//! A guard: every flag of every subcommand is passed by at least one CLI
//! test in `crates/cli/tests`, and a flag whose value is optional is passed
//! both with and without one. Adding a flag without a test fails here.
//!
//! A flag counts as passed when one statement of a test (the text up to a
//! `;`) holds the subcommand's names and the flag as string literals, e.g.
//! `desk.ok(&["claim", "edit", &id, "--claimant", "Ana"]);`. Global flags
//! (`--db`, `--json`, `--user`) only need to appear somewhere.

use std::path::Path;

use clap::{Arg, Command, CommandFactory};

/// (subcommand path, flag) pairs allowed to go untested, with the reason.
/// Keep it empty: write the test instead.
const UNTESTED: &[(&str, &str, &str)] = &[];

/// One flag of one subcommand.
struct Flag {
    path: Vec<String>,
    long: String,
    short: Option<String>,
    optional_value: bool,
}

fn flags(cmd: &Command, path: &[String], out: &mut Vec<Flag>) {
    for arg in cmd.get_arguments() {
        let Some(long) = arg.get_long() else { continue };
        if matches!(arg.get_id().as_str(), "help" | "version") {
            continue;
        }
        out.push(Flag {
            path: path.to_vec(),
            long: format!("--{long}"),
            short: arg.get_short().map(|s| format!("-{s}")),
            optional_value: takes_optional_value(arg),
        });
    }
    for sub in cmd.get_subcommands() {
        let mut deeper = path.to_vec();
        deeper.push(sub.get_name().to_string());
        flags(sub, &deeper, out);
    }
}

fn takes_optional_value(arg: &Arg) -> bool {
    arg.get_num_args()
        .is_some_and(|n| n.min_values() == 0 && n.max_values() > 0)
}

/// Every `.rs` file under `dir`, read.
fn sources(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
    }
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// How the flag is followed in `statement`, for each place it stands:
/// `true` when a value follows, `false` when it ends the list or another
/// flag follows.
fn uses(statement: &str, flag: &str) -> Vec<bool> {
    let token = quoted(flag);
    statement
        .match_indices(&token)
        .map(|(at, _)| {
            let rest = statement[at + token.len()..]
                .trim_start_matches(|c: char| c == ',' || c.is_whitespace());
            !(rest.starts_with(']') || rest.starts_with(')') || rest.starts_with("\"-"))
        })
        .collect()
}

#[test]
fn every_flag_of_every_subcommand_is_passed_by_a_cli_test() {
    let mut all = Vec::new();
    flags(&crate::Cli::command(), &[], &mut all);
    let mut texts = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"),
        &mut texts,
    );
    assert!(!texts.is_empty(), "no CLI tests found");
    let statements: Vec<&str> = texts.iter().flat_map(|t| t.split(';')).collect();

    let mut missing = Vec::new();
    for flag in &all {
        let path = flag.path.join(" ");
        if UNTESTED
            .iter()
            .any(|(p, f, _)| *p == path && *f == flag.long)
        {
            continue;
        }
        let mut with_value = false;
        let mut without_value = false;
        for s in &statements {
            if !flag.path.iter().all(|name| s.contains(&quoted(name))) {
                continue;
            }
            let names = std::iter::once(&flag.long).chain(flag.short.as_ref());
            for followed in names.flat_map(|n| uses(s, n)) {
                if followed {
                    with_value = true;
                } else {
                    without_value = true;
                }
            }
        }
        let passed = with_value || without_value;
        let wanted = if !passed {
            Some("is passed by no CLI test")
        } else if flag.optional_value && !(with_value && without_value) {
            Some("takes an optional value: pass it both with and without one")
        } else {
            None
        };
        if let Some(why) = wanted {
            let command = std::iter::once("claimdesk")
                .chain(flag.path.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            missing.push(format!("{command} {}: {why}", flag.long));
        }
    }
    assert!(
        missing.is_empty(),
        "write a test in crates/cli/tests that passes each, e.g. \
         desk.ok(&[\"claim\", \"edit\", &id, \"--claimant\", \"Ana\"]):\n  {}",
        missing.join("\n  ")
    );
}

#[test]
fn the_guard_sees_flags_with_and_without_values() {
    let s = r#"desk.ok(&["claim", "edit", &id, "--claimant", "--note", "x"])"#;
    assert_eq!(uses(s, "--claimant"), [false]);
    assert_eq!(uses(s, "--note"), [true]);
    let s = r#"desk.json(&["claim", "edit", &id, "--event-on"])"#;
    assert_eq!(uses(s, "--event-on"), [false]);
    let mut all = Vec::new();
    flags(&crate::Cli::command(), &[], &mut all);
    let claimant = all
        .iter()
        .find(|f| f.path == ["claim", "edit"] && f.long == "--claimant")
        .expect("claim edit --claimant");
    assert!(claimant.optional_value);
    assert!(all.iter().any(|f| f.path.is_empty() && f.long == "--db"));
}
