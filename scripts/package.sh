#!/usr/bin/env bash
# Builds what users install: the desktop app in release mode, bundled by the
# Tauri bundler as a Debian package (.deb) and an AppImage. Not part of the
# test command (a release build takes as long again as the debug one).
#
# Usage: scripts/package.sh [BUNDLES]
#   BUNDLES  comma-separated Tauri bundle kinds, default "deb,appimage"
#
# The packages land in $CARGO_TARGET_DIR/release/bundle/{deb,appimage}
# (./target when CARGO_TARGET_DIR is not set); the script prints their paths
# and sizes. The AppImage step downloads the bundler's linuxdeploy tools the
# first time, so it needs network access once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
BUNDLES="${1:-deb,appimage}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"

[ -d "$ROOT/ui/node_modules" ] || (cd "$ROOT/ui" && npm ci --no-audit --no-fund)
# `tauri build` (run where it finds src-tauri/tauri.conf.json) runs the front
# end's build (beforeBuildCommand), builds the Rust crate in release with the
# front end embedded, then bundles.
cd "$ROOT"
"$ROOT/ui/node_modules/.bin/tauri" build --bundles "$BUNDLES"

echo "packages:"
find "$TARGET/release/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.AppImage' \) \
  -exec ls -l {} \; | awk '{ printf "  %s  %.1f MB\n", $NF, $5 / 1048576 }'
