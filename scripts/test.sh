#!/usr/bin/env bash
# Installs what is missing, then runs every test suite of Claimdesk:
#   0. Rust formatting (cargo fmt --check)
#   1. UI type check (svelte-check), lint and format check (eslint, prettier)
#      and unit tests (vitest)
#   2. the desktop app build (front end + Tauri crate, built once)
#   3. Rust tests of every crate (core with the parsers' fuzz targets for 3
#      seconds each: CLAIMDESK_FUZZ_SECONDS sets longer; CLI with the crash
#      harness's short form and the full-disk test; app commands, bindings
#      drift), then clippy over every crate and target with warnings as errors
#   4. end-to-end tests: the built app under Xvfb, driven by tauri-driver
# Every suite runs even when an earlier one fails; the exit code is non-zero
# when any of them failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cd "$ROOT"
# A test run builds each crate in several configurations (app, tests, lints,
# e2e); incremental caches of all of them would double target/ for a one-off
# build, so they are off here (cargo build and cargo test by hand keep them).
export CARGO_INCREMENTAL=0

"$ROOT/scripts/setup.sh" || { echo "FAILED: setup"; exit 1; }

RESULTS=()
FAILED=0

# run_suite NAME COMMAND...: runs one suite and records its result and time.
run_suite() {
  local name="$1"; shift
  local start=$SECONDS
  printf '\n==> suite: %s\n' "$name"
  if "$@"; then
    RESULTS+=("PASS  $name ($((SECONDS - start))s)")
    return 0
  fi
  RESULTS+=("FAIL  $name ($((SECONDS - start))s)")
  FAILED=1
  return 1
}

skip_suite() {
  RESULTS+=("SKIP  $1 ($2)")
  FAILED=1
}

run_suite "rust format (cargo fmt --check)" cargo fmt --all --check
run_suite "ui type check (svelte-check)" bash -c 'cd ui && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings'
run_suite "ui lint and format (eslint, prettier)" bash -c 'cd ui && npm run lint && npm run format:check'
run_suite "ui unit tests (vitest)" bash -c 'cd ui && npx vitest run'
APP_BUILT=0
run_suite "desktop app build" "$ROOT/scripts/build-app.sh" && APP_BUILT=1

# Same features as the app build so the Tauri crates compile once.
run_suite "rust tests (cargo test --workspace)" \
  cargo test --workspace --exclude claimdesk-e2e --features claimdesk-app/custom-protocol

# Warnings are errors; same features as the build, so the check reuses its dependencies.
run_suite "rust lint (cargo clippy -D warnings)" \
  cargo clippy --workspace --all-targets --features claimdesk-app/custom-protocol -- -D warnings

if [ "$APP_BUILT" -eq 1 ]; then
  # The e2e tests refuse to skip when CI is set: a missing app is a failure.
  run_suite "end-to-end (Xvfb + tauri-driver + WebKitWebDriver)" \
    env CLAIMDESK_E2E_REQUIRED=1 xvfb-run --auto-servernum --server-args='-screen 0 1280x900x24' \
      cargo test -p claimdesk-e2e -- --test-threads=1
else
  skip_suite "end-to-end (Xvfb + tauri-driver + WebKitWebDriver)" "app build failed"
fi

printf '\n==> results (total %ss)\n' "$SECONDS"
printf '  %s\n' "${RESULTS[@]}"
if [ "$FAILED" -ne 0 ]; then
  echo "Some suites failed."
  exit 1
fi
echo "All suites passed."
