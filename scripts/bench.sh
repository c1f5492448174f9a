#!/usr/bin/env bash
# Install what the benchmark needs (the test script's system packages and .venv) and run
# it: a table on stdout, written to bench/RESULTS.md. Extra arguments go to bench/run.py (--help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'  # bench reuses the tests' X/tray recipe
# The measured programs run in a venv with the app's own dependencies only, as a user's install has
# (bench/run.py measure_with says what the test venv would add).
[ -x .venv-bench/bin/python ] || python3 -m venv .venv-bench
.venv-bench/bin/python -m pip install -q --disable-pip-version-check -e .
exec .venv/bin/python bench/run.py --python .venv-bench/bin/python "$@"
