#!/usr/bin/env bash
# Checks that a change leaves what the `claimdesk` CLI prints byte for byte as it was.
#
# Usage:
#   scripts/check-output-identical.sh capture OUT_DIR [WORKSPACE]
#   scripts/check-output-identical.sh diff BASELINE_DIR OTHER_DIR
#
# capture  builds the CLI from the working tree (`cargo build -p claimdesk`; the
#          target directory is CARGO_TARGET_DIR if set, else ./target) and writes
#          its output over every fixture in tests/fixtures into OUT_DIR/out:
#            compare/   `compare A B --json` for every ordered pair of the texts in
#                       tests/fixtures/compare, without and with publication dates,
#                       and `--versions` for every pair
#            segment/   `segment --json` on every fixture file (pages too) and on
#                       the stored text of every source in the workspace
#            ingest/    `source add` of every fixture into a fresh workspace and
#                       `source show --json` of what was stored (ids and times
#                       dropped, since a fresh workspace gets new ones)
#            workspace/ `source show --json`, compares between the workspace's
#                       sources (by id, and ID@1 ID@2 --versions), and
#                       `report --format` md, html, csv, json and claimreview
#          Each file holds the command's standard output, its standard error and
#          its exit code, so an error message counts as output too.
#          Reports carry ids and times, so they are made stable by reusing one
#          workspace: without WORKSPACE, capture builds it (`claimdesk sample`
#          plus the fixture sources, claims and evidence) and keeps the pristine
#          file as OUT_DIR/workspace.sqlite; give that file as WORKSPACE to the
#          next capture and every run reads a copy of the very same workspace.
# diff     compares two capture directories file by file; prints the number of
#          outputs compared and exits 0 when they are identical, or lists what
#          differs (missing files included) and exits 1.
#
# Typical use, with the baseline kept outside the repository (a worktree of
# the revision to compare against keeps your own tree untouched):
#   git worktree add /tmp/before main && cp scripts/check-output-identical.sh /tmp/before/scripts/
#   /tmp/before/scripts/check-output-identical.sh capture /tmp/outputs-before
#   scripts/check-output-identical.sh capture /tmp/outputs-after /tmp/outputs-before/workspace.sqlite
#   scripts/check-output-identical.sh diff /tmp/outputs-before /tmp/outputs-after
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$ROOT/tests/fixtures"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "error: $*" >&2
  exit 1
}

# run NAME COMMAND...: runs the CLI and writes stdout, stderr and the exit code to out/NAME.
run() {
  local name="$1"; shift
  local file="$OUT/out/$name"
  mkdir -p "$(dirname "$file")"
  local rc=0
  "$CLI" "$@" >"$file.stdout" 2>"$file.stderr" || rc=$?
  {
    cat "$file.stdout"
    printf '\n--- stderr ---\n'
    # Fixture paths differ between checkouts: print them relative to the fixtures.
    sed "s#$FIXTURES/##g" "$file.stderr"
    printf -- '--- exit code %s ---\n' "$rc"
  } >"$file"
  rm -f "$file.stdout" "$file.stderr"
}

# The stored text of version VERSION (default latest) of source ID, into FILE.
stored_text() {
  local db="$1" id="$2" file="$3"
  "$CLI" --db "$db" source show "$id" --json | jq -j '.version.text' >"$file"
}

# Builds the workspace the reports are made from: the sample, every fixture text
# and page as a source (article-v2 as version 2 of article-v1), claims with
# verdicts and evidence in the fixtures, and the settings ClaimReview needs.
build_workspace() {
  local db="$1"
  local c=("$CLI" --db "$db" --user "Fixture Checker")
  "${c[@]}" sample >/dev/null 2>&1
  "${c[@]}" settings set publisher "Fixture Desk" >/dev/null
  "${c[@]}" settings set report_base_url https://fixture-desk.example/checks >/dev/null
  local bridge ledger wire
  bridge=$("${c[@]}" source add "$FIXTURES/compare/article-v1.txt" --outlet "Lindmoor Post" \
    --url https://lindmoor-post.example/bridge --published 2025-10-03 2>/dev/null)
  "${c[@]}" source add "$FIXTURES/compare/article-v2.txt" --url https://lindmoor-post.example/bridge \
    >/dev/null 2>&1
  ledger=$("${c[@]}" source add "$FIXTURES/compare/outlet-ledger.txt" --outlet "Northern Ledger" \
    --url https://ledger.example/dam --published 2025-11-24 2>/dev/null)
  wire=$("${c[@]}" source add "$FIXTURES/compare/outlet-wire.txt" --outlet "Wire Service" \
    --url https://wire.example/dam --published 2025-11-24 2>/dev/null)
  for page in "$FIXTURES"/pages/*.html; do
    "${c[@]}" source add "$page" >/dev/null 2>&1 || true
  done
  local deadline cost
  deadline=$("${c[@]}" claim add "The envoy set Thanksgiving Day as the deadline for the dam framework" \
    --claimant "Daniel Mercer" --claimed-on 2025-11-23 --event-on 2025-11-27 --tag deadline --tag dam 2>/dev/null)
  "${c[@]}" evidence add --claim "$deadline" --source "$ledger" --stance supports \
    --quote "gave both governments until Thanksgiving Day" >/dev/null 2>&1
  "${c[@]}" evidence add --claim "$deadline" --source "$wire" --stance supports \
    --quote "set a deadline of November 27" --note "same day, other wording" >/dev/null 2>&1
  "${c[@]}" claim status "$deadline" verified --rationale "Both outlets report the same day" >/dev/null
  cost=$("${c[@]}" claim add "The bridge repairs will cost \$18 million" --claimant "Transport department" \
    --claimed-on 2025-10-03 --tag bridge 2>/dev/null)
  "${c[@]}" evidence add --claim "$cost" --source "$bridge" --version 1 --stance supports \
    --quote "expected to cost \$18 million" >/dev/null 2>&1
  "${c[@]}" evidence add --claim "$cost" --source "$bridge" --version 2 --stance disputes \
    --quote "expected to cost \$24 million" >/dev/null 2>&1
  "${c[@]}" claim status "$cost" misleading --rationale "The estimate was revised upwards" \
    --note "the later version gives a higher figure" >/dev/null
}

# The ids of the workspace's sources, oldest first (a stable order for names).
source_ids() {
  "$CLI" --db "$1" source list --json | jq -r 'sort_by(.created_at, .id) | .[].id'
}

capture() {
  [ $# -ge 1 ] && [ $# -le 2 ] || usage
  OUT="$1"
  local given="${2:-}"
  if [ -e "$OUT" ] && [ -n "$(ls -A "$OUT")" ]; then
    die "$OUT is not empty: give a new directory, so no outputs of an earlier run are mixed in"
  fi
  if [ -n "$given" ] && [ ! -f "$given" ]; then
    die "$given is not a file: give the workspace.sqlite an earlier capture wrote"
  fi
  command -v jq >/dev/null || die "jq is needed: install it (e.g. apt-get install jq)"
  mkdir -p "$OUT/out"
  OUT="$(cd "$OUT" && pwd)"

  echo "building the claimdesk CLI..." >&2
  (cd "$ROOT" && cargo build --quiet -p claimdesk)
  CLI="${CARGO_TARGET_DIR:-$ROOT/target}/debug/claimdesk"
  [ -x "$CLI" ] || die "the build left no CLI at $CLI"

  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT

  # The workspace: built once, then every capture reads a copy of the same file.
  if [ -n "$given" ]; then
    cp "$given" "$OUT/workspace.sqlite"
  else
    build_workspace "$scratch/build.sqlite"
    cp "$scratch/build.sqlite" "$OUT/workspace.sqlite"
  fi
  local db="$scratch/workspace.sqlite"
  cp "$OUT/workspace.sqlite" "$db"

  # Texts compared by file.
  local texts=("$FIXTURES"/compare/*.txt)
  local a b na nb
  for a in "${texts[@]}"; do
    na="$(basename "$a" .txt)"
    for b in "${texts[@]}"; do
      [ "$a" = "$b" ] && continue
      nb="$(basename "$b" .txt)"
      run "compare/$na--$nb.json" compare "$a" "$b" --json
      run "compare/$na--$nb.dated.json" compare "$a" "$b" --json \
        --left-date 2025-11-21 --right-date 2025-11-24
      run "compare/$na--$nb.versions.json" compare "$a" "$b" --versions --json
    done
  done

  # Every fixture file as a text to split (pages too: markup is text to segment).
  local f
  for f in "${texts[@]}" "$FIXTURES"/pages/*.html; do
    run "segment/$(basename "$f").json" segment "$f" --json
  done

  # Capture into a fresh workspace: what extraction and normalisation store.
  local fresh="$scratch/fresh.sqlite" id n=0
  "$CLI" --db "$fresh" init >/dev/null 2>&1
  for f in "${texts[@]}" "$FIXTURES"/pages/*.html; do
    run "ingest/$(basename "$f").add" --db "$fresh" source add "$f"
  done
  for id in $(source_ids "$fresh"); do
    n=$((n + 1))
    "$CLI" --db "$fresh" source show "$id" --json \
      | jq 'del(.source.id, .source.created_at, .version.id, .version.source_id, .version.captured_at)' \
        >"$OUT/out/ingest/source-$n.json"
  done
  # The add messages name fresh ids: keep only their words.
  sed -i -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<id>/g' "$OUT"/out/ingest/*.add

  # The workspace's sources, compared with one another and segmented.
  local ids=() i j
  mapfile -t ids < <(source_ids "$db")
  for i in "${!ids[@]}"; do
    run "workspace/source-$i.json" --db "$db" source show "${ids[$i]}" --json
    run "workspace/source-$i.versions" --db "$db" source versions "${ids[$i]}" --json
    stored_text "$db" "${ids[$i]}" "$scratch/text-$i.txt"
    run "segment/workspace-source-$i.json" segment "$scratch/text-$i.txt" --json
    if [ "$("$CLI" --db "$db" source show "${ids[$i]}" --json | jq '.source.version_count')" -gt 1 ]; then
      run "workspace/source-$i@1--source-$i@2.versions.json" --db "$db" \
        compare "${ids[$i]}@1" "${ids[$i]}@2" --versions --json
    fi
    for j in "${!ids[@]}"; do
      [ "$i" = "$j" ] && continue
      run "workspace/source-$i--source-$j.json" --db "$db" compare "${ids[$i]}" "${ids[$j]}" --json
    done
  done

  # Reports: every format, of all claims and of one tag.
  local format
  for format in md html csv json claimreview; do
    run "workspace/report.$format" --db "$db" report --format "$format"
    run "workspace/report.deadline.$format" --db "$db" report --format "$format" --tag deadline
  done

  echo "captured $(find "$OUT/out" -type f | wc -l) outputs in $OUT/out" >&2
}

compare_dirs() {
  [ $# -eq 2 ] || usage
  local a="$1/out" b="$2/out"
  [ -d "$a" ] || die "$1 holds no capture (no out/ folder): run capture first"
  [ -d "$b" ] || die "$2 holds no capture (no out/ folder): run capture first"
  local count
  count="$( (cd "$a" && find . -type f; cd "$b" && find . -type f) | sort -u | wc -l)"
  if diff -r "$a" "$b" >&2; then
    echo "$count outputs compared: identical"
  else
    echo "$count outputs compared: DIFFERENT (see above)" >&2
    exit 1
  fi
}

[ $# -ge 1 ] || usage
mode="$1"; shift
case "$mode" in
  capture) capture "$@" ;;
  diff) compare_dirs "$@" ;;
  -h|--help|help) usage ;;
  *) echo "error: unknown mode $mode: use capture or diff" >&2; usage ;;
esac
