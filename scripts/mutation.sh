#!/usr/bin/env bash
# Mutation report (not a CI gate): mutmut 3 on a fixed-seed sample of the mutants of each module of
# trayapp/core and trayapp/backends, killed by tests/core, backends, cli, reliability, contract and auto.
# Prints each module's score and the surviving mutants. Options: scripts/mutation.py --help
# (--per-module N, --seed S, --jobs J, --module trayapp.core.scheduler, --report-only).
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
if ! "$python" -c 'import mutmut' 2>/dev/null; then
    "$python" -m pip install -q --disable-pip-version-check -e '.[mutation]'
fi
exec "$python" scripts/mutation.py "$@"
