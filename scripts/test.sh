#!/usr/bin/env bash
# Sets up whatever is missing, then runs every test tier:
#   1. native unit and integration tests (domain, formats, storage engine, migrations)
#   2. in-browser tests of the storage seam against real localStorage (headless Chromium)
#   3. end-to-end tests driving the release build in headless Chromium through the UI
#   4. the benchmark harness on 5,000 records (proves it works; asserts no times)
# Formatting and clippy (native and wasm, tests included) come first: warnings fail.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

echo "== 0/4 cargo fmt --check, cargo clippy -D warnings (native and wasm32)"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --features app --target wasm32-unknown-unknown -- -D warnings

echo "== 1/4 native tests (property tests included, bounded)"
cargo test --quiet

echo "== 2/4 in-browser storage tests (wasm-bindgen-test, headless Chromium)"
# The runner gives chromedriver 5 s to bind its port by default; on a loaded
# two-core machine it took longer once and failed the whole run.
WASM_BINDGEN_TEST_DRIVER_TIMEOUT=120 WASM_BINDGEN_TEST_TIMEOUT=180 cargo test --target wasm32-unknown-unknown --test browser_storage --test browser_text

echo "== 3/4 end-to-end tests (release build, headless Chromium)"
release trunk build --release --offline
python -m pytest -q tests/e2e "$@"

echo "== 4/4 benchmark harness, small data set (figures printed, times not asserted)"
python bench/run.py --records 5000 --runs 1
