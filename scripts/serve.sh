#!/usr/bin/env bash
# Sets up whatever is missing, then serves the release build on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
release trunk serve --release --offline
