#!/usr/bin/env bash
# Debian/Ubuntu packages the real-part tests need: a virtual X screen with tray hosts (trayer for
# XEmbed, xfce4-panel for StatusNotifierItem), Qt's xcb libraries, D-Bus, and gnome-keyring for a real
# Secret Service. Installs only what is missing; does nothing where apt-get or root is unavailable.
# Extra package names given as arguments are installed the same way (scripts/system-deps-packaging.sh).
set -euo pipefail
PACKAGES=("$@"
  xvfb xauth trayer x11-utils xdotool imagemagick xfce4-panel dbus dbus-x11 gnome-keyring libsecret-tools
  libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0
  libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  fonts-dejavu-core fonts-noto-color-emoji
)
command -v apt-get >/dev/null 2>&1 || { echo "system-deps: no apt-get here; install the equivalents of: ${PACKAGES[*]}"; exit 0; }
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "system-deps: not root; real-tray and keyring tests need: ${PACKAGES[*]}"; exit 0; fi
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "system-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
