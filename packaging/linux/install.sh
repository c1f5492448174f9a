#!/usr/bin/env bash
# Install (or remove) trayapp's desktop integration: the menu entry, AppStream metainfo and hicolor icons
# (PNGs at 16-256 px, the scalable SVG and the symbolic tray icon). The app itself is installed
# separately; this script finds its files in that installation, so they always match its version.
#
#   install.sh --user                                      after `pipx install` / `pip install --user`
#   install.sh --user --exec ~/.local/opt/trayapp/trayapp  after unpacking the PyInstaller folder
#   install.sh --prefix /usr --destdir "$pkgdir" --python /usr/bin/python3   distribution packages
#   install.sh --user --uninstall                          remove what --user installed
#
# Options: --user (into ${XDG_DATA_HOME:-~/.local/share}) | --prefix DIR (default /usr/local)
#          --destdir DIR (staging root; skips the cache updates)
#          --python PY   a Python that imports the installed trayapp (default: the one behind the
#                        `trayapp` on PATH; not needed with --exec pointing into a PyInstaller folder)
#          --exec CMD    the Exec= program (default: `trayapp`; with --user its absolute path, since
#                        desktop sessions do not always have ~/.local/bin on PATH)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PREFIX=/usr/local DESTDIR="" USER_INSTALL=0 UNINSTALL=0 PY="" EXEC=""
while [ $# -gt 0 ]; do
  case "$1" in
    --user) USER_INSTALL=1 ;;
    --prefix) PREFIX="$2"; shift ;;
    --destdir) DESTDIR="$2"; shift ;;
    --python) PY="$2"; shift ;;
    --exec) EXEC="$2"; shift ;;
    --uninstall) UNINSTALL=1 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [ "$USER_INSTALL" = 1 ]; then DATA="${XDG_DATA_HOME:-$HOME/.local/share}"; else DATA="$PREFIX/share"; fi
ROOT="$DESTDIR$DATA"
APP_ID=io.github.trayapp
SIZES=(16 22 24 32 48 64 128 256)
FILES=(
  "applications/trayapp.desktop"
  "metainfo/$APP_ID.metainfo.xml"
  "icons/hicolor/scalable/apps/trayapp.svg"
  "icons/hicolor/symbolic/apps/trayapp-symbolic.svg"
)
for size in "${SIZES[@]}"; do FILES+=("icons/hicolor/${size}x${size}/apps/trayapp.png"); done

refresh_caches() {
  [ -n "$DESTDIR" ] && return 0  # a package's post-install step does this on the target system
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ROOT/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$ROOT/icons/hicolor" || true
  fi
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$ROOT/applications" || true
  fi
}

if [ "$UNINSTALL" = 1 ]; then
  for f in "${FILES[@]}"; do rm -f "$ROOT/$f"; done
  refresh_caches
  echo "Removed trayapp's desktop integration from $ROOT."
  exit 0
fi

# ---- where the installed app's files are -------------------------------------------------------
[ -z "$EXEC" ] && [ "$USER_INSTALL" = 1 ] && EXEC="$(command -v trayapp || true)"
BUNDLE=""
if [ -n "$EXEC" ] && [ -d "$(dirname "$EXEC")/_internal/trayapp/resources" ]; then
  BUNDLE="$(cd "$(dirname "$EXEC")/_internal" && pwd)"  # a PyInstaller one-folder build
fi
if [ -z "$PY" ] && [ -z "$BUNDLE" ]; then
  script="$(command -v trayapp || true)"
  [ -n "$script" ] || { echo "install.sh: no 'trayapp' on PATH; install the app first, or give --python or --exec" >&2; exit 1; }
  # A console script's first line names its interpreter: #!/path/to/venv/bin/python
  PY="$(head -n1 "$script" | sed -n 's/^#! *//p' | awk '{print $1}')"
  [ -x "$PY" ] || { echo "install.sh: cannot tell which Python runs $script; give --python" >&2; exit 1; }
fi
# Run Python from / so that a source checkout in the current folder does not shadow the installation.
py() { (cd / && "$PY" "$@"); }
if [ -n "$BUNDLE" ]; then
  RES="$BUNDLE/trayapp/resources"
else
  RES="$(py -c 'import importlib.resources as r; print(r.files("trayapp.resources"))')"
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
ICONS="$TMP/icons/hicolor"
if [ -n "$BUNDLE" ] && [ -d "$BUNDLE/share/icons/hicolor" ]; then
  mkdir -p "$(dirname "$ICONS")" && cp -r "$BUNDLE/share/icons/hicolor" "$ICONS"  # rendered at build time
elif [ -n "$PY" ]; then
  QT_QPA_PLATFORM=offscreen py "$HERE/../render_icons.py" "$TMP/icons" --icons-dir "$RES/icons" >/dev/null
else  # an older bundle and no Python to render with: the scalable SVGs serve every size
  echo "install.sh: no PNG icons to install (give --python to render them); installing the SVGs only"
  mkdir -p "$ICONS/scalable/apps" "$ICONS/symbolic/apps"
  cp "$RES/icons/trayapp.svg" "$ICONS/scalable/apps/"
  cp "$RES/icons/trayapp-symbolic.svg" "$ICONS/symbolic/apps/"
fi

# ---- the desktop entry, with Exec= pointing at this installation -------------------------------
exec_quote() {  # Desktop Entry spec: quote if needed (escaping " ` $ \), then escape \ once more
  local arg=$1
  if [[ "$arg" =~ [[:space:]\"\'\\\>\<~\|\&\;\$\*\?\#\(\)\`] ]]; then
    arg="$(printf '%s' "$arg" | sed -e 's/[\\"`$]/\\&/g')"
    arg="\"$arg\""
  fi
  printf '%s' "${arg//%/%%}" | sed -e 's/\\/\\\\/g'
}
desktop="$(cat "$RES/trayapp.desktop")"
if [ -n "$EXEC" ]; then
  quoted="$(exec_quote "$EXEC")"
  tryexec="$(printf '%s' "$EXEC" | sed -e 's/\\/\\\\/g')"
  desktop="$(printf '%s\n' "$desktop" | EX="$quoted" TE="$tryexec" awk '
    /^Exec=/ { print "Exec=" ENVIRON["EX"]; next } /^TryExec=/ { print "TryExec=" ENVIRON["TE"]; next } { print }')"
fi

install -d "$ROOT/applications" "$ROOT/metainfo"
printf '%s\n' "$desktop" > "$ROOT/applications/trayapp.desktop"
chmod 644 "$ROOT/applications/trayapp.desktop"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$ROOT/metainfo/$APP_ID.metainfo.xml"
for f in "${FILES[@]}"; do
  case "$f" in icons/*) if [ -f "$TMP/$f" ]; then install -D -m 644 "$TMP/$f" "$ROOT/$f"; fi ;; esac
done
refresh_caches
echo "Installed trayapp's menu entry, metainfo and icons under $ROOT${EXEC:+ (Exec=$EXEC)}."
