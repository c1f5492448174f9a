#!/usr/bin/env bash
# Debian/Ubuntu packages that scripts/package.sh needs on top of a Python 3 with venv: the freedesktop
# validators, binutils (PyInstaller reads and strips shared libraries with objdump/strip), a virtual X
# screen with an XEmbed tray host (trayer) for the --demo smoke runs, and Qt's xcb libraries.
# Installs only what is missing; does nothing where apt-get or root is unavailable.
set -euo pipefail
PACKAGES=(
  desktop-file-utils appstream binutils python3-venv
  xvfb xauth trayer x11-utils xdotool imagemagick
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core
)
command -v apt-get >/dev/null 2>&1 || { echo "system-deps-packaging: no apt-get here; install the equivalents of: ${PACKAGES[*]}"; exit 0; }
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "system-deps-packaging: not root; package.sh needs: ${PACKAGES[*]}"; exit 0; fi
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps-packaging: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
