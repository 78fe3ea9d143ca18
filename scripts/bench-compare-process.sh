#!/usr/bin/env bash
# Times the whole `claimdesk compare A B --json` process beside
# `git diff --no-index --word-diff=porcelain A B` on the same two generated
# 10,000-word outlets, side by side in one hyperfine run (the issue's target:
# at most 1.5× git). Not part of the test command.
#
# Usage: scripts/bench-compare-process.sh [HYPERFINE OPTIONS...]
#
# Needs hyperfine (apt-get install hyperfine, or cargo install hyperfine) and
# git. Builds the release CLI and the `write_outlets` example (target
# directory: CARGO_TARGET_DIR, else ./target) and writes the outlets into a
# temporary folder.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed (apt-get install hyperfine)" >&2; exit 1; }
cd "$ROOT"
cargo build --release -q -p claimdesk -p claimdesk-core --bin claimdesk --example write_outlets
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
"$TARGET/release/examples/write_outlets" "$DIR"
cd "$DIR"
# git diff exits 1 when the files differ, hence -i for it.
hyperfine -N --warmup 5 --min-runs 50 "$@" \
  -n "claimdesk compare --json" "$TARGET/release/claimdesk --json compare left.txt right.txt" \
  -n "git diff --word-diff=porcelain" -i "git diff --no-index --word-diff=porcelain left.txt right.txt"
