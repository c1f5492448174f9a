#!/usr/bin/env bash
# Debian/Ubuntu packages that scripts/package.sh needs on top of the test packages: the freedesktop
# validators, binutils (PyInstaller reads and strips shared libraries with objdump/strip) and a Python 3
# with venv. The install logic, and the Xvfb/trayer/xcb packages, come from scripts/system-deps.sh.
set -euo pipefail
exec bash "$(dirname "$0")/system-deps.sh" desktop-file-utils appstream binutils python3-venv
