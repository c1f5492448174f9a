#!/usr/bin/env bash
# Install what the benchmark needs (the test script's system packages and .venv) and run
# it: a table on stdout, written to bench/RESULTS.md. Extra arguments go to bench/run.py (--help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'  # bench reuses the tests' X/tray recipe
exec .venv/bin/python bench/run.py "$@"
