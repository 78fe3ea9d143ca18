//! A workspace on a tiny filesystem: once the disk is full, writes fail with
//! a message saying so, and the file stays sound with every acknowledged
//! write in it. The test mounts a 1 MiB tmpfs in a private mount namespace
//! (`unshare`), which needs root or unprivileged user namespaces; where
//! neither is there it prints why and skips.

#![cfg(target_os = "linux")]

use std::process::Command;

/// Runs inside the namespace: fills the disk with sources until one is
/// refused, tries a claim on the full disk, and copies the workspace out.
const SCRIPT: &str = r#"
set -u
mount -t tmpfs -o size=1m tmpfs "$MNT" || exit 77
cd "$MNT"
"$BIN" --db "$MNT/desk.sqlite" init 2>/dev/null || exit 3
i=0
while [ "$i" -lt 2000 ]; do
  { cat "$PAGE.$((i % 8))"; echo "This copy is number $i."; } > "$OUT/page.txt"
  if "$BIN" --db "$MNT/desk.sqlite" source add "$OUT/page.txt" --title "Filler $i" >>"$OUT/acked" 2>"$OUT/source.err"; then
    i=$((i + 1))
  else
    break
  fi
done
echo "$i" > "$OUT/count"
# Then small writes, until even those find no room.
j=0
while [ "$j" -lt 5000 ]; do
  if "$BIN" --db "$MNT/desk.sqlite" claim add "Written on a nearly full disk $j" >>"$OUT/claims.acked" 2>"$OUT/claim.err"; then
    j=$((j + 1))
  else
    break
  fi
done
echo "$j" > "$OUT/claims.count"
"$BIN" --db "$MNT/desk.sqlite" check >"$OUT/check.out" 2>&1
echo "$?" > "$OUT/check.code"
cp "$MNT"/desk.sqlite* "$OUT/"
"#;

#[test]
fn a_full_disk_refuses_the_write_plainly_and_leaves_the_workspace_sound() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path().join("tiny");
    let out = dir.path().join("out");
    std::fs::create_dir_all(&mnt).expect("mnt");
    std::fs::create_dir_all(&out).expect("out");
    // Texts that do not compress away: each source takes real room.
    let page = dir.path().join("page.txt");
    for variant in 0..8 {
        let body: String = (0..400)
            .map(|n| {
                format!(
                    "Line {n} of filler {variant}: {:x}\n",
                    (n * 7919 + variant * 104_729) % 1_000_003
                )
            })
            .collect();
        std::fs::write(
            format!("{}.{variant}", page.display()),
            format!("Filler page {variant}\n\n{body}"),
        )
        .expect("page");
    }
    let status = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", SCRIPT])
        .env("MNT", &mnt)
        .env("OUT", &out)
        .env("PAGE", &page)
        .env("BIN", assert_cmd::cargo::cargo_bin("claimdesk"))
        .env_remove("CLAIMDESK_DB")
        .status();
    match status.as_ref().map(std::process::ExitStatus::code) {
        Ok(Some(0)) => {}
        Ok(Some(77)) | Ok(Some(1)) | Err(_) => {
            eprintln!(
                "SKIPPED: cannot mount a tiny tmpfs here (needs root or unprivileged user namespaces): {status:?}"
            );
            return;
        }
        other => panic!("the full-disk script failed: {other:?}"),
    }
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
    let count: usize = read("count").trim().parse().expect("count");
    assert!(
        count > 0 && count < 2000,
        "the disk never filled ({count} sources)"
    );
    let err = read("source.err");
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("disk holding the workspace is full"), "{err}");
    assert!(err.contains("free some space"), "{err}");
    let claims_acked: usize = read("claims.count").trim().parse().expect("claims count");
    assert!(claims_acked < 5000, "small writes never filled the disk");
    let claim_err = read("claim.err");
    assert!(
        claim_err.contains("disk holding the workspace is full"),
        "{claim_err}"
    );
    assert_eq!(
        read("check.code").trim(),
        "0",
        "check on the full disk: {}",
        read("check.out")
    );
    // The file copied off the full disk: sound, every acknowledged source there, nothing more.
    let conn = rusqlite::Connection::open(out.join("desk.sqlite")).expect("open the copy");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(integrity, "ok");
    let acked: Vec<String> = read("acked").lines().map(str::to_string).collect();
    assert_eq!(acked.len(), count);
    let stored: i64 = conn
        .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
        .expect("count");
    assert_eq!(stored as usize, count, "sources stored vs acknowledged");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM source_versions v WHERE v.source_id = s.id)",
            [],
            |r| r.get(0),
        )
        .expect("orphans");
    assert_eq!(orphans, 0);
    let claims: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .expect("claims");
    assert_eq!(
        claims as usize, claims_acked,
        "claims stored vs acknowledged"
    );
    let created: i64 = conn
        .query_row(
            "SELECT count(*) FROM claim_history WHERE field = 'created'",
            [],
            |r| r.get(0),
        )
        .expect("history");
    assert_eq!(created, claims, "every claim has its history row");
}
