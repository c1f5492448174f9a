#!/usr/bin/env bash
# Build every distributable form of trayapp and prove each one runs. CI calls this; so can you.
#
#  1. sdist + wheel with `python -m build`; check both carry the icons and the desktop template
#  2. install the wheel into a fresh venv (outside the checkout); `trayapp --version`; `trayapp self-test`
#     on a real Secret Service (gnome-keyring on a private D-Bus); a --demo smoke run
#  3. render the hicolor icons, stage the Linux desktop integration (packaging/linux/install.sh) and
#     validate it: desktop-file-validate, appstreamcli validate / validate-tree
#  4. PyInstaller one-folder bundle (packaging/pyinstaller/trayapp.spec); its --version; the same self-test and smoke
#  5. print sizes
#
# A smoke run: Xvfb + trayer (an XEmbed tray host) on a private display (:77 or the next free one),
# `trayapp --demo` with a throwaway HOME/XDG profile, wait for its icon to be embedded in the tray,
# check it is still alive a few seconds later, SIGTERM it and expect a clean exit 0. Every process
# started here is stopped by its own pid on exit.
#
# Output goes to build/package/ (git-ignored). Exits non-zero on the first failure.
# Options (environment): PYTHON=python3  PACKAGE_OUT=build/package  PACKAGE_SKIP_BUNDLE=1  KEEP_SMOKE=1
set -euo pipefail
cd "$(dirname "$0")/.."
REPO="$PWD"
PY="${PYTHON:-python3}"
OUT="$(mkdir -p "${PACKAGE_OUT:-build/package}" && cd "${PACKAGE_OUT:-build/package}" && pwd)"
PIP_QUIET=(-q --disable-pip-version-check --no-input)
START=$SECONDS

step() { printf '\n== %s (%ss)\n' "$*" "$((SECONDS - START))"; }
die() { echo "package.sh: FAILED: $*" >&2; exit 1; }
human() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }

# ---- processes we start, stopped on any exit ---------------------------------------------------
PIDS=()
cleanup() {
  local pid
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[i]}"
    kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "system packages"
bash scripts/system-deps-packaging.sh
for tool in desktop-file-validate appstreamcli Xvfb trayer xdotool xwininfo xdpyinfo; do
  command -v "$tool" >/dev/null || die "$tool is missing: run 'bash scripts/system-deps-packaging.sh' as root"
done

# ---- 1. sdist + wheel ----------------------------------------------------------------------------
step "sdist and wheel (python -m build)"
rm -rf "$OUT/dist" "$OUT/venv"
"$PY" -m venv "$OUT/venv"
VPY="$OUT/venv/bin/python"
"$VPY" -m pip install "${PIP_QUIET[@]}" --upgrade pip build >"$OUT/pip-build.log" 2>&1 \
  || { cat "$OUT/pip-build.log"; die "installing 'build'"; }
"$VPY" -m build --outdir "$OUT/dist" . >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; die "python -m build"; }
WHEEL="$(ls "$OUT"/dist/trayapp-*.whl)"
SDIST="$(ls "$OUT"/dist/trayapp-*.tar.gz)"
"$VPY" - "$WHEEL" "$SDIST" "$REPO/resources" <<'PY' || die "wheel or sdist is missing files"
import sys, tarfile, zipfile
from pathlib import Path
wheel, sdist, resources = sys.argv[1], sys.argv[2], Path(sys.argv[3])
# resources/i18n and resources/locale are compiled catalogues (git-ignored): made into the wheel by
# setup.py from the i18n/ sources, which the sdist carries instead
BUILT = ("i18n", "locale")
shipped = sorted(p.relative_to(resources).as_posix() for p in resources.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
                 and p.relative_to(resources).parts[0] not in BUILT)
names = set(zipfile.ZipFile(wheel).namelist())
root = Path(sdist).name[: -len(".tar.gz")]
snames = set(tarfile.open(sdist).getnames())
missing = [f"wheel: trayapp/resources/{f}" for f in shipped if f"trayapp/resources/{f}" not in names]
missing += [f"sdist: resources/{f}" for f in shipped if f"{root}/resources/{f}" not in snames]
missing += [f"sdist: compiled {n}" for n in snames if "/resources/i18n/" in n or "/resources/locale/" in n]
for lang in ("de", "fr", "es", "it", "pt_BR"):
    for built in (f"trayapp/resources/i18n/trayapp_{lang}.qm",
                  f"trayapp/resources/locale/{lang}/LC_MESSAGES/trayapp.mo"):
        if built not in names:
            missing.append(f"wheel: {built}")
    for source in (f"{root}/i18n/qt/trayapp_{lang}.ts", f"{root}/i18n/po/{lang}.po"):
        if source not in snames:
            missing.append(f"sdist: {source}")
if f"trayapp/resources/i18n/trayapp_en.qm" not in names:
    missing.append("wheel: trayapp/resources/i18n/trayapp_en.qm")
for needed in ("trayapp/qt/app.py", "trayapp/cli/entry.py", "trayapp/demo/server.py"):
    if needed not in names:
        missing.append(f"wheel: {needed}")
entry = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
entry_points = zipfile.ZipFile(wheel).read(entry).decode()
if "[console_scripts]\ntrayapp = trayapp.cli:main" not in entry_points:
    missing.append("wheel: the trayapp console script")
if "[gui_scripts]\ntrayapp-tray = trayapp.cli:main" not in entry_points:
    missing.append("wheel: the trayapp-tray GUI script (the tray without a console on Windows)")
for m in missing:
    print("missing", m)
print(f"wheel and sdist carry all {len(shipped)} resource files")
sys.exit(1 if missing else 0)
PY

# ---- 2. the wheel in a fresh venv ----------------------------------------------------------------
step "install the wheel into a fresh venv"
"$VPY" -m pip install "${PIP_QUIET[@]}" "$WHEEL" >"$OUT/pip-wheel.log" 2>&1 \
  || { cat "$OUT/pip-wheel.log"; die "pip install the wheel"; }
where="$(cd /tmp && "$VPY" -c 'import trayapp; print(trayapp.__file__)')"
case "$where" in "$OUT/venv/"*) ;; *) die "the venv imports trayapp from $where, not from the wheel" ;; esac
WANT="trayapp $("$VPY" -c 'import trayapp; print(trayapp.__version__)')"
got="$(cd /tmp && "$OUT/venv/bin/trayapp" --version)" || die "trayapp --version (wheel)"
[ "$got" = "$WANT" ] || die "trayapp --version printed '$got', expected '$WANT'"
echo "wheel: $got"

# ---- the smoke run ---------------------------------------------------------------------------------
XDISPLAY=""
start_x() {
  [ -n "$XDISPLAY" ] && return 0
  local n
  for n in $(seq 77 99); do
    [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do DISPLAY=":$n" xdpyinfo >/dev/null 2>&1 && { XDISPLAY=":$n"; break; }; sleep 0.1; done
    [ -n "$XDISPLAY" ] && break
  done
  [ -n "$XDISPLAY" ] || { cat "$OUT/xvfb.log"; die "could not start Xvfb"; }
  DISPLAY="$XDISPLAY" DBUS_SESSION_BUS_ADDRESS=disabled: trayer --edge top --align right --widthtype pixel \
    --width 200 --height 32 --transparent true --tint 0x404040 --alpha 0 --SetDockType true \
    >"$OUT/trayer.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do tray_owned && break; sleep 0.1; done
  tray_owned || { cat "$OUT/trayer.log"; die "trayer did not take the tray selection"; }
  echo "Xvfb $XDISPLAY with trayer"
}
tray_owned() {  # some client owns _NET_SYSTEM_TRAY_S0 (xdpyinfo has no query for it)
  DISPLAY="$XDISPLAY" python3 - <<'PY' 2>/dev/null
import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XInternAtom.restype = ctypes.c_ulong
x.XGetSelectionOwner.restype = ctypes.c_ulong
d = x.XOpenDisplay(None)
sys.exit(0 if d and x.XGetSelectionOwner(ctypes.c_void_p(d), x.XInternAtom(ctypes.c_void_p(d), b"_NET_SYSTEM_TRAY_S0", 0)) else 1)
PY
}
icon_embedded() {  # one of the app's windows is a mapped child of the tray, at least 16 px wide
  local pid=$1 win tree attrs width
  for win in $(DISPLAY="$XDISPLAY" xdotool search --pid "$pid" 2>/dev/null); do
    tree="$(DISPLAY="$XDISPLAY" xwininfo -id "$win" -tree 2>/dev/null)" || continue
    attrs="$(DISPLAY="$XDISPLAY" xwininfo -id "$win" 2>/dev/null)" || continue
    grep -q "Parent window id" <<<"$tree" || continue
    grep -q "Parent window id.*(the root window)" <<<"$tree" && continue
    grep -q "IsViewable" <<<"$attrs" || continue
    width="$(sed -n 's/^ *Width: *//p' <<<"$attrs")"
    [ "${width:-0}" -ge 16 ] && return 0
  done
  return 1
}
smoke() {  # smoke NAME PROGRAM: start PROGRAM --demo on the virtual tray, then stop it like a logout
  local name=$1 program=$2 dir="$OUT/smoke-$1" pid code=0
  start_x
  rm -rf "$dir"
  mkdir -p "$dir"/{home,config,cache,data,state,run}
  chmod 700 "$dir"/run
  env -i PATH="/usr/bin:/bin" LANG=C.UTF-8 HOME="$dir/home" DISPLAY="$XDISPLAY" QT_QPA_PLATFORM=xcb \
    DBUS_SESSION_BUS_ADDRESS=disabled: XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
    XDG_DATA_HOME="$dir/data" XDG_STATE_HOME="$dir/state" XDG_RUNTIME_DIR="$dir/run" \
    "$program" --demo >"$dir/app.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 300); do
    icon_embedded "$pid" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if ! icon_embedded "$pid"; then
    cat "$dir/app.log"
    die "$name: no tray icon within 30 s"
  fi
  echo "$name: tray icon embedded after $((SECONDS - ${SMOKE_T0:-$SECONDS}))s; staying up..."
  sleep 4
  kill -0 "$pid" 2>/dev/null || { cat "$dir/app.log"; die "$name: exited while it should keep running"; }
  icon_embedded "$pid" || { cat "$dir/app.log"; die "$name: the tray icon went away"; }
  command -v import >/dev/null && import -display "$XDISPLAY" -window root "$dir/screen.png" 2>/dev/null || true
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { cat "$dir/app.log"; die "$name: still running 10 s after SIGTERM"; }
  wait "$pid" || code=$?
  [ "$code" = 0 ] || { cat "$dir/app.log"; die "$name: exit code $code after SIGTERM (want 0)"; }
  if grep -q "Traceback" "$dir/app.log" "$dir"/state/trayapp/log/*.log 2>/dev/null; then
    cat "$dir/app.log"; die "$name: a traceback was logged"
  fi
  echo "$name: ran the demo, kept its tray icon, exited 0 on SIGTERM"
}

# ---- the self-test: keyring backend, a secret round trip, launch at login, notifier ----------------
self_test() {  # self_test NAME PROGRAM: `PROGRAM self-test` on a real Secret Service (gnome-keyring)
  local name=$1 program=$2 dir="$OUT/selftest-$1" code=0
  rm -rf "$dir"
  mkdir -p "$dir"/{home,config,cache,data,state,run}
  chmod 700 "$dir"/run
  env -i PATH="/usr/bin:/bin" LANG=C.UTF-8 HOME="$dir/home" SS_PW=test \
    XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" XDG_DATA_HOME="$dir/data" \
    XDG_STATE_HOME="$dir/state" XDG_RUNTIME_DIR="$dir/run" \
    dbus-run-session -- bash -c 'eval "$(printf %s "$SS_PW" | gnome-keyring-daemon --unlock --components=secrets)"
      export GNOME_KEYRING_CONTROL; exec "$@"' _ "$program" self-test >"$dir/report.json" 2>"$dir/stderr.log" \
    || code=$?
  cat "$dir/report.json"
  [ "$code" = 0 ] || { cat "$dir/stderr.log"; die "$name: self-test exited $code"; }
  grep -q '"detail": "keyring.backends.SecretService.Keyring' "$dir/report.json" \
    || die "$name: self-test did not use the Secret Service"
  echo "$name: self-test passed (keyring, secret round trip, launch at login, notifier)"
}

step "self-test: the wheel's trayapp on a real Secret Service"
self_test wheel "$OUT/venv/bin/trayapp"

step "smoke run: the wheel's trayapp --demo under Xvfb + trayer"
SMOKE_T0=$SECONDS smoke wheel "$OUT/venv/bin/trayapp"

# ---- 3. Linux desktop integration ----------------------------------------------------------------
step "hicolor icons and desktop files"
QT_QPA_PLATFORM=offscreen "$VPY" packaging/render_icons.py "$OUT/icons" | sed 's/^/  /'
for png in "$OUT"/icons/hicolor/*/apps/*.png; do
  [ "$(stat -c %s "$png")" -le 10240 ] || die "$png is over 10 KB"
done
rm -rf "$OUT/root"
bash packaging/linux/install.sh --prefix /usr --destdir "$OUT/root" --python "$VPY"
echo "-- desktop-file-validate"
for f in resources/trayapp.desktop packaging/linux/trayapp.desktop "$OUT/root/usr/share/applications/trayapp.desktop"; do
  desktop-file-validate "$f" || die "desktop-file-validate $f"
  echo "  $f: valid"
done
echo "-- appstreamcli validate"
appstreamcli validate --no-net --pedantic --explain packaging/linux/io.github.trayapp.metainfo.xml \
  || die "appstreamcli validate"
echo "-- appstreamcli validate-tree (the staged /usr tree)"
appstreamcli validate-tree --no-net --pedantic --explain "$OUT/root" || die "appstreamcli validate-tree"

# ---- 4. PyInstaller one-folder bundle ------------------------------------------------------------
BUNDLE="$OUT/pyinstaller/dist/trayapp"
if [ "${PACKAGE_SKIP_BUNDLE:-0}" != 1 ]; then
  step "PyInstaller one-folder bundle"
  "$VPY" -m pip install "${PIP_QUIET[@]}" "pyinstaller>=6" >"$OUT/pip-pyinstaller.log" 2>&1 \
    || { cat "$OUT/pip-pyinstaller.log"; die "pip install pyinstaller"; }
  rm -rf "$OUT/pyinstaller"
  mkdir -p "$OUT/pyinstaller"
  # From outside the checkout, so `import trayapp` is the installed wheel (see the spec's header).
  (cd "$OUT/pyinstaller" && "$OUT/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
      --distpath dist --workpath work "$REPO/packaging/pyinstaller/trayapp.spec") >"$OUT/pyinstaller.log" 2>&1 \
    || { tail -40 "$OUT/pyinstaller.log"; die "pyinstaller"; }
  grep -E "WARNING|ERROR" "$OUT/pyinstaller.log" | grep -v -E "Library (shell32|ole32|user32|kernel32)" | sed 's/^/  /' || true
  [ -f "$BUNDLE/_internal/trayapp/resources/icons/available.svg" ] || die "the bundle lacks the icons"
  for lang in de fr es it pt_BR; do  # trayapp's catalogues, and Qt's own for its buttons and date editor
    [ -f "$BUNDLE/_internal/trayapp/resources/i18n/trayapp_$lang.qm" ] || die "the bundle lacks trayapp_$lang.qm"
    [ -f "$BUNDLE/_internal/trayapp/resources/locale/$lang/LC_MESSAGES/trayapp.mo" ] || die "the bundle lacks $lang/trayapp.mo"
    [ -n "$(find "$BUNDLE/_internal" -name "qtbase_$lang.qm" -print -quit)" ] || die "the bundle lacks qtbase_$lang.qm"
  done
  got="$(cd /tmp && env -i PATH=/usr/bin:/bin HOME=/tmp "$BUNDLE/trayapp" --version)" || die "bundle --version"
  [ "$got" = "$WANT" ] || die "bundle --version printed '$got', expected '$WANT'"
  echo "bundle: $got"
  # The desktop integration straight from the unpacked folder (no Python involved), as a user would.
  rm -rf "$OUT/root-bundle"
  env -i PATH=/usr/bin:/bin HOME="$OUT/root-bundle/home" XDG_DATA_HOME="$OUT/root-bundle/share" \
    bash packaging/linux/install.sh --user --exec "$BUNDLE/trayapp"
  [ "$(ls "$OUT"/root-bundle/share/icons/hicolor/*/apps/trayapp.png | wc -l)" = 8 ] || die "bundle: hicolor PNGs missing"
  desktop-file-validate "$OUT/root-bundle/share/applications/trayapp.desktop" || die "bundle: desktop file"
  grep -q "^Exec=.*/trayapp/trayapp\"\?$" "$OUT/root-bundle/share/applications/trayapp.desktop" || die "bundle: Exec="
  step "self-test: the bundle on a real Secret Service"
  self_test bundle "$BUNDLE/trayapp"
  step "smoke run: the bundle's trayapp --demo under Xvfb + trayer"
  SMOKE_T0=$SECONDS smoke bundle "$BUNDLE/trayapp"
fi

# ---- 5. sizes ------------------------------------------------------------------------------------
step "sizes"
printf '  %-8s %s  %s\n' wheel "$(human "$(stat -c %s "$WHEEL")")" "$WHEEL"
printf '  %-8s %s  %s\n' sdist "$(human "$(stat -c %s "$SDIST")")" "$SDIST"
if [ -d "$BUNDLE" ]; then
  tar -C "$(dirname "$BUNDLE")" -czf "$OUT/trayapp-linux-x86_64.tar.gz" trayapp
  printf '  %-8s %s  %s (on disk), %s as .tar.gz\n' bundle "$(du -sb "$BUNDLE" | cut -f1 | xargs -I{} numfmt --to=iec --suffix=B {})" \
    "$BUNDLE" "$(human "$(stat -c %s "$OUT/trayapp-linux-x86_64.tar.gz")")"
fi
echo "package.sh: all checks passed in $((SECONDS - START)) s"
