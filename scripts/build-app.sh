#!/usr/bin/env bash
# Builds the desktop app once: the front end with Vite, then the Tauri crate
# with the front end embedded (the `custom-protocol` feature), in debug so the
# test run and the run command share one build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cd "$ROOT"

(cd ui && npm run --silent build)
cargo build -p claimdesk-app --features custom-protocol
