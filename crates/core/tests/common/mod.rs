//! A small workspace written for the report and bundle tests: an invented
//! ferry-fare story told by two invented outlets and a council transcript.

#![allow(dead_code)]

use chrono::NaiveDate;
use claimdesk_core::Workspace;
use claimdesk_core::model::{NewClaim, NewEvidence, NewSource, Stance};

pub const BASE_URL: &str = "https://checks.example/reports/ferry-fares";
pub const PUBLISHER: &str = "Harbour Check Desk";

pub const GAZETTE: &str = "Ferry fares to rise 12% in spring\n\nThe island ferry company said on Friday that fares will rise 12% from 1 April.\nA return ticket will cost 14 crowns instead of 12.5 crowns, the company said.";
pub const MORNING_V1: &str = "Council says ferry fares stay frozen\n\nThe harbour council said fares are frozen until next year.";
pub const MORNING_V2: &str = "Council says ferry fares stay frozen\n\nThe harbour council said fares are frozen until next year.\nA council spokesperson later said the freeze covers residents only.";
pub const TRANSCRIPT: &str = "Council meeting, 3 March\n\nCHAIR: The fare review is still in progress and no decision has been made.";

/// The ids of what the fixture made, in the order it made them.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
    pub fare_rise: String,
    pub frozen: String,
    pub doubling: String,
    pub sources: Vec<String>,
}

pub fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub fn empty_workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut ws = Workspace::create(dir.path().join("desk.sqlite")).expect("create");
    ws.set_actor("tester");
    (dir, ws)
}

pub fn fixture() -> Fixture {
    let (dir, ws) = empty_workspace();
    ws.settings()
        .set("publisher", PUBLISHER)
        .expect("publisher");
    ws.settings()
        .set("report_base_url", BASE_URL)
        .expect("base url");
    let gazette = ws
        .sources()
        .add(NewSource {
            title: "Ferry fares to rise 12% in spring".into(),
            outlet: Some("Gull Island Gazette".into()),
            authors: vec!["Maren Holt".into()],
            url: Some("https://gazette.example/news/ferry-fares".into()),
            published_on: date(2025, 3, 2),
            language: Some("en".into()),
            text: GAZETTE.into(),
            html: Some("<article><h1>Ferry fares to rise 12% in spring</h1><p>The island ferry company…</p></article>".into()),
            ..Default::default()
        })
        .expect("gazette")
        .source
        .id;
    let morning = |text: &str| NewSource {
        title: "Council says ferry fares stay frozen".into(),
        outlet: Some("Mainland Morning".into()),
        url: Some("https://morning.example/2025/03/fares-frozen".into()),
        published_on: date(2025, 3, 4),
        text: text.into(),
        ..Default::default()
    };
    let morning_id = ws
        .sources()
        .add(morning(MORNING_V1))
        .expect("morning v1")
        .source
        .id;
    ws.sources().add(morning(MORNING_V2)).expect("morning v2");
    let transcript = ws
        .sources()
        .add(NewSource {
            title: "Harbour council meeting transcript".into(),
            text: TRANSCRIPT.into(),
            ..Default::default()
        })
        .expect("transcript")
        .source
        .id;

    let fare_rise = ws
        .claims()
        .add(NewClaim {
            statement: "Ferry fares will rise 12% this spring".into(),
            claimant: Some("Ines Okafor".into()),
            claimed_on: date(2025, 3, 1),
            tags: vec!["ferry".into(), "fares".into()],
            notes: Some("Internal: call the company press office".into()),
            ..Default::default()
        })
        .expect("claim 1")
        .id;
    let frozen = ws
        .claims()
        .add(NewClaim {
            statement: "=Fares are \"*frozen*\" for <b>everyone</b> & all year".into(),
            claimant: Some("Harbour Council".into()),
            claimed_on: date(2025, 3, 4),
            event_on: date(2026, 1, 1),
            tags: vec!["ferry".into()],
            ..Default::default()
        })
        .expect("claim 2")
        .id;
    let doubling = ws
        .claims()
        .add(NewClaim {
            statement: "Ferry crossings will double by 2030".into(),
            ..Default::default()
        })
        .expect("claim 3")
        .id;

    let link = |claim: &str,
                source: &str,
                version: Option<u32>,
                quote: &str,
                stance,
                note: Option<&str>| {
        ws.evidence()
            .add(NewEvidence {
                claim: claim.into(),
                source: source.into(),
                version,
                quote: quote.into(),
                occurrence: None,
                stance,
                note: note.map(str::to_string),
            })
            .expect("evidence")
    };
    link(
        &fare_rise,
        &gazette,
        None,
        "fares will rise 12% from 1 April",
        Stance::Supports,
        None,
    );
    link(
        &fare_rise,
        &transcript,
        None,
        "no decision has been made",
        Stance::Disputes,
        Some("The council had not decided yet"),
    );
    link(
        &frozen,
        &morning_id,
        Some(2),
        "the freeze covers residents only",
        Stance::Disputes,
        None,
    );
    link(
        &frozen,
        &morning_id,
        Some(1),
        "fares are frozen until next year",
        Stance::Context,
        None,
    );

    ws.claims()
        .set_verdict(
            &fare_rise,
            "mostly_true",
            Some("The company announced the rise.\nThe council has not approved it yet."),
            None,
        )
        .expect("verdict 1");
    ws.claims()
        .set_verdict(
            &frozen,
            "false",
            Some("The freeze covers residents only."),
            None,
        )
        .expect("verdict 2");
    ws.claims()
        .set_verdict(&doubling, "in_review", None, None)
        .expect("verdict 3");

    Fixture {
        dir,
        ws,
        fare_rise,
        frozen,
        doubling,
        sources: vec![gazette, morning_id, transcript],
    }
}

impl Fixture {
    /// Replaces every id the workspace holds with a name that stays the same
    /// between runs (`claim-1`, `source-2`, `version-3`, `evidence-1` …).
    pub fn stable_ids(&self, text: &str) -> String {
        let mut out = text.to_string();
        for (i, id) in [&self.fare_rise, &self.frozen, &self.doubling]
            .iter()
            .enumerate()
        {
            out = out.replace(id.as_str(), &format!("claim-{}", i + 1));
        }
        let mut version_n = 0;
        for (i, id) in self.sources.iter().enumerate() {
            for v in self.ws.sources().versions(id).expect("versions") {
                version_n += 1;
                out = out.replace(&v.id, &format!("version-{version_n}"));
            }
            out = out.replace(id.as_str(), &format!("source-{}", i + 1));
        }
        let mut evidence = self.ws.evidence().list(None).expect("evidence");
        evidence.sort_by(|a, b| a.evidence.id.cmp(&b.evidence.id));
        for (i, e) in evidence.iter().enumerate() {
            out = out.replace(&e.evidence.id, &format!("evidence-{}", i + 1));
        }
        out
    }
}

/// Every row of every table of the workspace file, read through a second
/// connection: equal before and after means nothing was written.
pub fn table_dump(ws: &Workspace) -> String {
    let conn = rusqlite::Connection::open_with_flags(
        ws.path(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .expect("open read-only");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .expect("schema")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("names");
    let mut out = String::new();
    for table in tables {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\""))
            .expect("select");
        let width = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                (0..width)
                    .map(|i| {
                        r.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map(|cells| cells.join(" | "))
            })
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("row");
        rows.sort();
        out.push_str(&format!("## {table}\n{}\n", rows.join("\n")));
    }
    out
}
