#!/usr/bin/env bash
# Installs what is missing, builds the desktop app and opens its window.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-app.sh"
exec "${CARGO_TARGET_DIR:-$ROOT/target}/debug/claimdesk-app" "$@"
