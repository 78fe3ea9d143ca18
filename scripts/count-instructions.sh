#!/usr/bin/env bash
# Counts the instructions of the hot paths under callgrind, which read to a
# percent where wall-clock times on a shared machine move by a third:
# compare (two generated 10,000-word outlets, with the JSON the CLI prints),
# the claim list (100 generated claims), search (200 sources of 800 words),
# import (50 generated article pages into a fresh workspace), claim similar
# (10 paraphrases against 15,000 imported ClaimReviews), and a page of
# 100 claims 5,000 rows down a 10,000-claim desk (claim_page) beside the bare
# SQLite read of the same rows (claim_page_bare).
# Not part of the test command.
#
# Usage: scripts/count-instructions.sh [WORKLOAD...]   (default: all seven)
#
# Needs valgrind (apt-get install valgrind). Builds the release example
# `counted_workloads` (target directory: CARGO_TARGET_DIR, else ./target),
# makes the inputs once in $TMPDIR/claimdesk-counted, then runs each workload
# under `valgrind --tool=callgrind` counting only its `counted_*` function.
# Prints one line per workload: its name and the instructions counted.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
INPUTS="${TMPDIR:-/tmp}/claimdesk-counted"
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(compare claim_list search import claim_similar claim_page claim_page_bare suggest newsroom_search newsroom_common bare_fts5 add_source add_source_unindexed)

command -v valgrind >/dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
cd "$ROOT"
cargo build --release -q -p claimdesk-core --example counted_workloads
BIN="$TARGET/release/examples/counted_workloads"
"$BIN" prepare "$INPUTS" 2>/dev/null

for name in "${WORKLOADS[@]}"; do
  out="$(mktemp)"
  valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect="*counted_$name*" "$BIN" run "$INPUTS" "$name" 2>"$out.log" \
    || { cat "$out.log" >&2; exit 1; }
  count="$(sed -n 's/^==[0-9]*== Collected : //p' "$out.log")"
  printf '%-12s %12s instructions\n' "$name" "$count"
  rm -f "$out" "$out.log"
done
