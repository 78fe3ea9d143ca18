#!/usr/bin/env bash
# The resident memory of the app at rest on a workspace, beside an empty
# Tauri window (the app crate's `empty_window` example, WebKit's own floor),
# both started the same way and measured after the same wait: every process
# of each one's tree, RSS summed and PSS summed (shared pages counted once).
# Run under a display (e.g. xvfb-run). Not part of the test command.
#
#   scripts/measure-memory.sh WORKSPACE [SECONDS]
#
# The binaries are the debug builds of scripts/build-app.sh and
# `cargo build -p claimdesk-app --features claimdesk-app/custom-protocol --example empty_window`
# (CLAIMDESK_APP_BIN and EMPTY_WINDOW_BIN name others, e.g. release builds).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
APP="${CLAIMDESK_APP_BIN:-$TARGET/debug/claimdesk-app}"
EMPTY="${EMPTY_WINDOW_BIN:-$TARGET/debug/examples/empty_window}"
DB="${1:?usage: scripts/measure-memory.sh WORKSPACE [SECONDS]}"
WAIT="${2:-10}"

# Every pid of the tree rooted at $1.
tree() {
    local pid=$1
    echo "$pid"
    for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do tree "$child"; done
}

# Prints "name rss_kib pss_kib" for each process of the tree, then the sums.
measure() {
    local label=$1 root=$2 rss=0 pss=0
    for pid in $(tree "$root"); do
        local name r p
        name=$(cat /proc/"$pid"/comm 2>/dev/null || echo gone)
        r=$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
        p=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)
        printf '  %-24s RSS %7d KiB  PSS %7d KiB\n' "$name" "${r:-0}" "${p:-0}"
        rss=$((rss + ${r:-0}))
        pss=$((pss + ${p:-0}))
    done
    printf '%s: RSS %d MiB, PSS %d MiB\n' "$label" $((rss / 1024)) $((pss / 1024))
}

run() {
    local label=$1
    shift
    "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$WAIT"
    measure "$label" "$pid"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

CONFIG=$(mktemp -d)
trap 'rm -rf "$CONFIG"' EXIT
run "app on $(basename "$DB")" env CLAIMDESK_DB="$DB" CLAIMDESK_CONFIG_DIR="$CONFIG" "$APP"
run "empty Tauri window" "$EMPTY"
