#!/usr/bin/env bash
# Whole-process time of one 100-row page of the claim list: `claimdesk claim
# list --limit 100 --json` against the `sqlite3` shell reading the same rows
# (same columns, same order) from the same file, timed side by side in one
# run. Not part of the test command.
#
#   scripts/bench-cli-list.sh [WORKSPACE] [RUNS]
#
# WORKSPACE defaults to a generated desk after a year (made once with
# `claimdesk sample --size year` beside the binary); the binary is
# target/release/claimdesk (build it with `cargo build --release -p claimdesk`),
# or CLAIMDESK_BIN.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
BIN="${CLAIMDESK_BIN:-$TARGET/release/claimdesk}"
DB="${1:-$TARGET/desk-year-cli.sqlite}"
RUNS="${2:-30}"

command -v sqlite3 >/dev/null || { echo "error: sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "error: $BIN is not built; cargo build --release -p claimdesk" >&2; exit 1; }
if [ ! -f "$DB" ]; then
    echo "generating a desk after a year in $DB …" >&2
    "$BIN" --db "$DB" sample --size year >&2
fi

SQL="SELECT c.id, c.statement, c.claimant, c.claimed_on, c.event_on, c.notes, c.verdict,
       c.rationale, c.created_at, c.updated_at,
       (SELECT group_concat(tag, char(31)) FROM claim_tags t WHERE t.claim_id = c.id)
     FROM claims c WHERE c.deleted_at IS NULL
     ORDER BY c.updated_at DESC, c.seq DESC LIMIT 100;"

# The median of RUNS wall-clock runs of a command (after one warm-up run,
# so both read a file in the page cache), in milliseconds.
median_ms() {
    "$@" >/dev/null
    local times=()
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m/1000}'
}

# Both read the same rows: check once.
rows_cli=$("$BIN" --db "$DB" claim list --limit 100 --json | grep -o '"statement"' | wc -l)
rows_sql=$(sqlite3 -json "$DB" "$SQL" | grep -o '"statement"' | wc -l)
echo "rows: claimdesk $rows_cli, sqlite3 $rows_sql" >&2

cli=$(median_ms "$BIN" --db "$DB" claim list --limit 100 --json)
shell=$(median_ms sqlite3 -json "$DB" "$SQL")
awk -v a="$cli" -v b="$shell" 'BEGIN {
    printf "claimdesk claim list --limit 100 --json: median %s ms\n", a
    printf "sqlite3 -json, the same rows:            median %s ms\n", b
    printf "ratio: %.2fx (target <= 2x)\n", a / b
}'
