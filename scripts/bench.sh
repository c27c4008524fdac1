#!/usr/bin/env bash
# Sets up whatever is missing, builds the release, and runs the benchmark.
#   bash scripts/bench.sh                 # 100,000 records, medians of 5
#   bash scripts/bench.sh --records 5000 --runs 1
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
release trunk build --release --offline
python bench/run.py "$@"
