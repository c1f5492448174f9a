#!/usr/bin/env bash
# Debian/Ubuntu packages the real-part tests need: a virtual X screen with tray hosts (trayer for
# XEmbed, xfce4-panel for StatusNotifierItem), Qt's xcb libraries, D-Bus, gnome-keyring for a real
# Secret Service, dunst for a real notification server, openssl for the certificate tests, and the desktop
# shells tests/desktops starts headless (GNOME, sway, KDE Plasma, Cinnamon, MATE). Installs
# only what is missing; does nothing where apt-get or root is unavailable.
#   --app   only what running trayapp needs (python3-venv and Qt's libraries): the README's set-up line
# Extra package names given as arguments are installed the same way (scripts/system-deps-packaging.sh).
set -euo pipefail
APP=(python3-venv fonts-dejavu-core  # and every library of trayapp/preflight.py's tables (a test checks)
  libglib2.0-0 zlib1g libzstd1 libstdc++6 libgcc-s1 libgl1 libegl1 libfontconfig1 libfreetype6 libx11-6
  libxkbcommon0 libdbus-1-3 libgssapi-krb5-2 libbrotli1
  libxcb1 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-util1 libxcb-render-util0
  libxcb-randr0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 libxcb-xinerama0
  libxkbcommon-x11-0
)
APP_ONLY=""
if [ "${1:-}" = "--app" ]; then APP_ONLY=1; shift; PACKAGES=("$@" "${APP[@]}"); else PACKAGES=("$@" "${APP[@]}"
  xvfb xauth trayer x11-utils xdotool imagemagick xfce4-panel dbus dbus-x11 gnome-keyring libsecret-tools
  dunst fonts-noto-color-emoji openssl
  at-spi2-core python3-pyatspi locales  # the AT-SPI test's bus and client; de/fr locales for the CLI's dates
  # tests/desktops: real desktop shells, headless (about 800 packages, 1.5 GB installed, 2.5 min here)
  gnome-shell gnome-shell-extension-appindicator gjs  # GNOME Shell 43 (gjs: its notifications)
  sway waybar mako-notifier wayvnc grim  # sway + waybar's tray + mako; wayvnc gives sway a pointer
  plasma-workspace plasma-desktop kwin-x11  # KDE Plasma 5.27 on X11
  cinnamon xapp-sn-watcher  # Cinnamon 5.6 and its StatusNotifierItem bridge
  mate-panel  # MATE's panel
); fi
command -v apt-get >/dev/null 2>&1 || { echo "system-deps: no apt-get here; install the equivalents of: ${PACKAGES[*]}"; exit 0; }
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"
  elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then SUDO="sudo"  # a person at a terminal: sudo asks
  else echo "system-deps: not root; install: ${PACKAGES[*]}"; exit 0; fi
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The language tests run the CLI under LANG=de_DE.UTF-8 and fr_FR.UTF-8: strftime's weekday and month
# names need those locales compiled (Qt carries its own locale data and needs none); en_US is the 12-hour
# clock of tests/core/test_timetext.py.
if [ -z "$APP_ONLY" ] && command -v localedef >/dev/null 2>&1; then
  for loc in de_DE fr_FR en_US; do
    locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8$" || $SUDO localedef -i "$loc" -f UTF-8 "$loc.UTF-8"
  done
fi
exit 0
