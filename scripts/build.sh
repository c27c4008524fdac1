#!/usr/bin/env bash
# Sets up whatever is missing, then writes the release build to dist/ (copy it to any
# static host). Same settings as serve.sh and the tests: see `release` in setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
release trunk build --release --offline
