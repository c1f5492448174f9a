"""trayapp performance benchmark: each figure next to its floor, one table.

    python bench/run.py [--runs 10] [--idle 300] [--parts cold,idle,inproc] [--out bench/RESULTS.md]

Starts its own Xvfb + trayer (XEmbed tray host), a private D-Bus session with gnome-keyring (unlocked),
and the demo server in its own process; prepares a persistent profile (XDG dirs under a temp folder) with
three demo accounts added through the CLI (tokens in that keyring, statuses in the cache). Then:

- start to tray icon shown: `python -m trayapp` and `python -m trayapp --demo` vs. bench/floor_app.py
  (bare PySide6 tray icon with a 20-action menu), all detected the same way: a window carrying the
  process's _NET_WM_PID embedded in the tray host and viewable (bench/xwin.py). One warm-up run each, then
  --runs alternating runs; min, median.
- peak RSS: VmHWM of each of those processes 2 s after its icon showed (the app's start-up refresh is done).
- idle wake-ups: voluntary context switches, of the GUI (main) thread and of the whole process (every
  thread, dead ones included: bench/taskstats.py), the floor, the app and the demo idle side by side,
  sampled every 5 s from 40 s after their icons showed (Qt itself arms a one-off 30 s timer at start-up).
  Between two auto refreshes (40 s to 290 s) as a rate per minute; the first auto refresh (5 min after the
  start-up one) as a count, from 290 s to 340 s. Each switch is a thread going to sleep after having been
  woken, i.e. one wake-up, whatever woke it (Qt timers, X11, D-Bus, sockets, a Python timer); it needs no
  instrumentation in the app, and Linux counts it exactly.
- PSS: /proc/PID/smaps_rollup 2 s after the icon, each process alone on the machine's Qt libraries.
- menu, the "Set a status…" picker, requests, concurrency and GUI stall: bench/inproc.py (offscreen Qt, see
  its docstring).
Needs: Xvfb, trayer, dbus-daemon, gnome-keyring-daemon: `bash scripts/bench.sh` installs them and runs this.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.demo_proc import RemoteDemo  # noqa: E402
from bench.xwin import Display  # noqa: E402
from tests.integration.xtray import TraySession, stop_process  # noqa: E402

PY = sys.executable  # runs the benchmark itself (and bench/inproc.py, which needs the test tools)
APP: list[str] = []
KINDS: dict[str, list[str]] = {}


def measure_with(python: str) -> None:
    """The interpreter of the measured programs: the floor, the app, the demo (and the CLI that sets
    up their profile). scripts/bench.sh gives a venv with the app's own dependencies only, as a user's
    install has: in the test venv, httpx finds click, rich and pygments and loads its command-line
    client with them at import (about 5 MiB and 50 modules no user pays)."""
    global APP
    APP = [python, "-m", "trayapp"]
    KINDS.clear()
    KINDS.update(
        {"floor": [python, str(REPO / "bench" / "floor_app.py")], "app": APP, "demo": [*APP, "--demo"]}
    )


measure_with(PY)
KEYRING_PW = "bench"


@contextlib.contextmanager
def desktop(root: Path) -> Iterator[dict[str, str]]:
    """Xvfb + trayer + a private session bus with an unlocked gnome-keyring (the tests' own recipe,
    tests/integration/xtray.py); yields the environment the app runs in, with a persistent profile."""
    with TraySession(root / "desktop", host="trayer", keyring_password=KEYRING_PW) as session:
        env = session.app_env(root / "profile")
        env["PYTHONPATH"] = str(REPO)
        env["NO_AT_BRIDGE"] = "1"
        yield env


def add_accounts(env: dict[str, str], demo: RemoteDemo) -> None:
    from trayapp.demo import seed

    adds = [
        (
            ["rocketchat", "rocket", "--url", demo.rocketchat_url, "--user-id", seed.RC_ALICE_ID],
            seed.RC_ALICE_PAT,
        ),
        (
            ["callbell", "callbell", "--url", demo.callbell_url, "--user-uuid", seed.CB_USER_UUID],
            seed.CB_TOKEN,
        ),
        (
            ["smartsheet", "smartsheet", "--url", demo.smartsheet_url, "--user-id", str(seed.SS_USER_ID)],
            seed.SS_TOKEN,
        ),
    ]
    for args, token in adds:
        subprocess.run(
            [*APP, "accounts", "add", *args, "--token-stdin"],
            env=env,
            input=token.encode(),
            check=True,
            capture_output=True,
            cwd=REPO,
        )
    out = subprocess.run([*APP, "statuses", "--json"], env=env, check=True, capture_output=True, cwd=REPO)
    if not out.stdout.strip():
        raise RuntimeError("the profile has no cached statuses")


def proc_status(pid: int, field: str, tid: int | None = None) -> int:
    path = f"/proc/{pid}/task/{tid}/status" if tid else f"/proc/{pid}/status"
    with open(path) as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def one_start(
    argv: list[str], env: dict[str, str], disp: Display, settle: float = 2.0
) -> tuple[float, int, int]:
    """Seconds from spawn to the icon embedded and viewable; VmHWM and Pss (KiB) `settle` s later."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not disp.icon_embedded(proc.pid):
            if proc.poll() is not None:
                raise RuntimeError(f"{argv} exited with {proc.returncode} before its icon showed")
            if time.perf_counter() - t0 > 30:
                raise TimeoutError(f"{argv}: no tray icon after 30 s")
            time.sleep(0.002)
        shown = time.perf_counter() - t0
        time.sleep(settle)
        hwm = proc_status(proc.pid, "VmHWM")
        pss = pss_kib(proc.pid)
    finally:
        stop_process(proc, grace=10)
    return shown, hwm, pss


def pss_kib(pid: int) -> int:
    """Proportional set size: each shared page divided among the processes that map it (what the
    machine really pays for this process), from /proc/PID/smaps_rollup."""
    with open(f"/proc/{pid}/smaps_rollup") as fh:
        for line in fh:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    raise KeyError("Pss")


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def cold_starts(env: dict[str, str], runs: int) -> dict[str, Any]:
    """Alternating runs of the floor, the app on the real profile and the app with --demo."""
    disp = Display(env["DISPLAY"])
    out: dict[str, Any] = {k: {"start": [], "rss": [], "pss": []} for k in KINDS}
    out["load"] = [load()]
    try:
        for i in range(runs + 1):
            for key, argv in KINDS.items():
                shown, hwm, pss = one_start(argv, env, disp)
                if i == 0:
                    continue  # warm-up: page cache, .pyc files
                out[key]["start"].append(shown)
                out[key]["rss"].append(hwm / 1024)
                out[key]["pss"].append(pss / 1024)
    finally:
        disp.close()
    out["load"].append(load())
    return out


def idle_wakeups(env: dict[str, str], cycle: float) -> dict[str, Any]:
    """The floor, the app and the demo idle side by side: wake-ups of the GUI thread and of the whole
    process (every thread, dead ones included, through taskstats where the kernel offers it).

    Sampled every 5 s from 40 s after the icons show. "quiet" is the time between two auto refreshes
    (40 s to `cycle` - 10 s); "refresh" the 50 s around the first auto refresh (due `cycle` s after the
    start-up one), counted as wake-ups per refresh; "cycle" the whole 5 minutes, refresh included."""
    from bench.taskstats import TaskStats, available

    stats = TaskStats() if available() else None
    disp = Display(env["DISPLAY"])
    procs = {
        k: subprocess.Popen(argv, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for k, argv in KINDS.items()
    }
    out: dict[str, Any] = {"counted_by": "taskstats" if stats else "/proc (live threads only)"}

    def every_thread(pid: int) -> int:
        return stats.voluntary_switches(pid) if stats else sum(_switches(pid).values())

    try:
        deadline = time.monotonic() + 30
        while not all(disp.icon_embedded(p.pid) for p in procs.values()):
            if time.monotonic() > deadline:
                raise TimeoutError("icons did not show")
            time.sleep(0.01)
        shown = time.monotonic()
        quiet_end = max(cycle - 10.0, 50.0)
        end = cycle + 40.0 if cycle >= 100 else quiet_end
        samples: dict[str, list[tuple[float, int, int]]] = {k: [] for k in procs}
        at = 40.0
        while at <= end + 0.1:
            time.sleep(max(0.0, shown + at - time.monotonic()))
            for k, p in procs.items():
                samples[k].append(
                    (round(at), proc_status(p.pid, "voluntary_ctxt_switches"), every_thread(p.pid))
                )
            at += 5.0

        def count(series: list[tuple[float, int, int]], t0: float, t1: float, col: int) -> int:
            first = next(x for x in series if x[0] >= t0)
            last = [x for x in series if x[0] <= t1][-1]
            return last[col] - first[col]

        for k, p in procs.items():
            series = samples[k]
            quiet_s = quiet_end - 40.0
            row: dict[str, Any] = {
                "main": count(series, 40, quiet_end, 1) * 60 / quiet_s,
                "all": count(series, 40, quiet_end, 2) * 60 / quiet_s,
                "threads": len(os.listdir(f"/proc/{p.pid}/task")),
                "hwm_mib": proc_status(p.pid, "VmHWM") / 1024,  # peak over start-up and the first refresh
                "pss_mib": pss_kib(p.pid) / 1024,  # three programs on the same Qt libraries now
                "series": [[t, m, a] for t, m, a in series],
            }
            if end > quiet_end:
                row["refresh_all"] = count(series, quiet_end, end, 2)
                row["refresh_main"] = count(series, quiet_end, end, 1)
                row["cycle_all"] = count(series, 40, 40 + cycle, 2) * 60 / cycle
            out[k] = row
        out["load"] = load()
    finally:
        for p in procs.values():
            stop_process(p, grace=10)
        disp.close()
        if stats:
            stats.close()
    return out


def _switches(pid: int) -> dict[int, int]:
    """voluntary_ctxt_switches per thread id (the main thread's id is the pid)."""
    out: dict[int, int] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        with contextlib.suppress(OSError, KeyError):
            out[int(tid)] = proc_status(pid, "voluntary_ctxt_switches", int(tid))
    return out


def machine(python: str) -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo if ln.startswith("model name")), "?")
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    mem = next(int(ln.split()[1]) for ln in meminfo if ln.startswith("MemTotal"))
    import PySide6

    return (
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; nproc {os.cpu_count()}, {cpu}, "
        f"{mem / 1024 / 1024:.1f} GiB RAM; {platform.platform()}; Python {platform.python_version()}; "
        f"PySide6 {PySide6.__version__}; Xvfb + trayer (XEmbed); measured with {python}"
    )


def table(cold: dict[str, Any] | None, idle: dict[str, Any] | None, inproc: dict[str, Any] | None) -> str:
    ok = lambda b: "yes" if b else "**NO**"  # noqa: E731
    med = statistics.median
    rows: list[tuple[str, str, str, str, str]] = []
    if cold:
        f = cold["floor"]
        fmin, fmed = min(f["start"]) * 1000, med(f["start"]) * 1000
        for key, label, factor in (("app", "real profile", 1.3), ("demo", "`--demo`", 1.5)):
            a = cold[key]
            amin, amed = min(a["start"]) * 1000, med(a["start"]) * 1000
            rows.append(
                (
                    f"Start to tray icon shown, {label}, min / median (n={len(a['start'])})",
                    f"{amin:.0f} / {amed:.0f} ms",
                    f"{fmin:.0f} / {fmed:.0f} ms",
                    f"≤ {factor}× floor ({amed / fmed:.2f}×)",
                    ok(amed <= factor * fmed),
                )
            )
        frss, fpss = med(f["rss"]), med(f["pss"])
        for key, label in (("app", "real profile"), ("demo", "`--demo`")):
            arss, apss = med(cold[key]["rss"]), med(cold[key]["pss"])
            rows.append(
                (
                    f"Peak RSS (VmHWM), {label}, median",
                    f"{arss:.1f} MiB",
                    f"{frss:.1f} MiB",
                    f"≤ floor + 20 MiB (+{arss - frss:.1f})" if key == "app" else f"(+{arss - frss:.1f})",
                    ok(arss <= frss + 20) if key == "app" else "",
                )
            )
            rows.append(
                (
                    f"PSS 2 s after the icon, {label}, median",
                    f"{apss:.1f} MiB",
                    f"{fpss:.1f} MiB",
                    f"(+{apss - fpss:.1f})",
                    "",
                )
            )
    if idle:
        for key, label in (("app", "real profile"), ("demo", "`--demo`")):
            rows.append(
                (
                    f"Idle wake-ups/min between auto refreshes, {label}: all threads (GUI thread)",
                    f"{idle[key]['all']:.1f} ({idle[key]['main']:.1f})",
                    f"{idle['floor']['all']:.1f} ({idle['floor']['main']:.1f})",
                    "≤ 1, all threads",
                    ok(idle[key]["all"] <= 1),
                )
            )
        if "refresh_all" in idle["app"]:
            for key, label in (("app", "real profile"), ("demo", "`--demo`")):
                rows.append(
                    (
                        f"Peak RSS (VmHWM) 6 min after start, first auto refresh included, {label}",
                        f"{idle[key]['hwm_mib']:.1f} MiB",
                        f"{idle['floor']['hwm_mib']:.1f} MiB",
                        f"(+{idle[key]['hwm_mib'] - idle['floor']['hwm_mib']:.1f})",
                        "",
                    )
                )
        for key, label in (("app", "real profile"), ("demo", "`--demo`")):
            if "refresh_all" in idle[key]:
                rows.append(
                    (
                        f"… one auto refresh (every 5 min), {label}: wake-ups, all threads (GUI thread); "
                        "per minute over the whole cycle",
                        f"{idle[key]['refresh_all']} ({idle[key]['refresh_main']}); "
                        f"{idle[key]['cycle_all']:.1f}/min",
                        f"{idle['floor']['refresh_all']}; {idle['floor']['cycle_all']:.1f}/min",
                        "–",
                        "",
                    )
                )
    if inproc:
        rows += inproc_rows(inproc, ok)
    lines = ["| measure | trayapp | floor | target | met |", "|---|---|---|---|---|"]
    lines += [f"| {' | '.join(r)} |" for r in rows]
    return "\n".join(lines)


def inproc_rows(inproc: dict[str, Any], ok: Any) -> list[tuple[str, str, str, str, str]]:
    rows: list[tuple[str, str, str, str, str]] = []
    for n, m in inproc["menu"].items():
        worst = max(m["first"], m["update"], m["noop"])
        rows.append(
            (
                f"Menu with {n} statuses: first build / update / no-op update / open",
                f"{m['first']:.1f} / {m['update']:.1f} / {m['noop']:.1f} / {m['popup']:.1f} ms",
                "–",
                "≤ 16 ms" if n == "1000" else "–",
                ok(worst <= 16) if n == "1000" else "",
            )
        )
    for n, p in inproc.get("picker", {}).items():
        rows.append(
            (
                f"“Set a status…” with {n} statuses per account ({p['rows']} rows): first / later opening",
                f"{p['first_open']:.1f} / {p['open']:.1f} ms",
                "–",
                "–",
                "",
            )
        )
        rows.append(
            (
                f"… filtering {p['rows']} rows: slowest keystroke of “status 99”",
                f"{p['keystroke']:.1f} ms",
                "–",
                "≤ 16 ms" if n == "1000" else "–",
                ok(p["keystroke"] <= 16) if n == "1000" else "",
            )
        )
    targets = {
        "open menu": 0,
        "open the picker": 0,
        "apply a status": 1,
        "availability 'Away'": 3,
        "availability 'Available'": 3,
    }
    for label, r in inproc["requests"].items():
        target = next((v for k, v in targets.items() if label.startswith(k)), None)
        rows.append(
            (
                f"HTTP requests: {label}",
                str(r["n"]),
                "–",
                "–" if target is None else f"{target}",
                "" if target is None else ok(r["n"] == target),
            )
        )
    rows.append(
        (
            "Three accounts, every request 1 s: click → results in",
            f"{inproc['concurrency_s']:.2f} s",
            "3 s if serial",
            "~1 s (concurrent)",
            ok(inproc["concurrency_s"] < 1.5),
        )
    )
    st = inproc["stall"]
    rows.append(
        (
            "Longest GUI stall while a status change waits 5 s",
            f"{st['max_gap_ms']:.1f} ms",
            "–",
            "≤ 16 ms",
            ok(st["max_gap_ms"] <= 16),
        )
    )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--idle",
        type=float,
        default=300.0,
        help="the app's auto-refresh cycle, s (300); below 100: a short quiet window only (for trials)",
    )
    parser.add_argument(
        "--parts",
        default="cold,idle,inproc",
        help="comma-separated subset of cold,idle,inproc (default: all; a partial run is for profiling)",
    )
    parser.add_argument(
        "--python",
        default=PY,
        help="interpreter of the measured programs (scripts/bench.sh: a venv of the app's dependencies only)",
    )
    parser.add_argument("--out", default=str(REPO / "bench" / "RESULTS.md"))
    parser.add_argument("--title", default="Latest run")
    parser.add_argument(
        "--shell",
        nargs=argparse.REMAINDER,
        help="instead of measuring, run this command inside the prepared environment (for profiling: "
        "--shell timeout -s INT 3 python -X importtime -m trayapp)",
    )
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    measure_with(args.python)
    if unknown := parts - {"cold", "idle", "inproc"}:
        sys.exit(f"unknown part(s): {', '.join(sorted(unknown))}")
    for tool in ("Xvfb", "trayer", "dbus-daemon", "gnome-keyring-daemon"):
        if shutil.which(tool) is None:
            sys.exit(f"missing {tool}: run bash scripts/bench.sh, which installs it (scripts/system-deps.sh)")
    root = Path(tempfile.mkdtemp(prefix="trayapp-bench-"))
    load_at_start = load()
    cold = idle = inproc = None
    failure = ""
    demo = RemoteDemo()
    try:
        with desktop(root) as env:
            add_accounts(env, demo)
            if args.shell:
                return subprocess.run(args.shell, env=env, cwd=REPO).returncode
            if "cold" in parts:
                print("starts…", file=sys.stderr)
                cold = cold_starts(env, args.runs)
            if "idle" in parts:
                print(f"idle wake-ups ({args.idle + 80:.0f} s)…", file=sys.stderr)
                idle = idle_wakeups(env, args.idle)
    finally:
        demo.stop()
    if "inproc" in parts:
        print("in-process measures…", file=sys.stderr)
        res = subprocess.run(
            [PY, str(REPO / "bench" / "inproc.py")], capture_output=True, text=True, cwd=REPO
        )
        if res.returncode != 0:  # keep the figures taken so far: report the failure with them
            print(res.stderr, file=sys.stderr)
            failure = (res.stderr.strip().splitlines() or ["?"])[-1]
        else:
            inproc = json.loads(res.stdout.strip().splitlines()[-1])
    shutil.rmtree(root, ignore_errors=True)
    text = table(cold, idle, inproc)
    if failure:
        text += f"\n\nThe in-process measures (bench/inproc.py) failed: `{failure[:200]}`"
    print(text)
    detail = {"cold": cold, "idle": idle, **(inproc or {})}
    loads = f"load average (1/5/15 min) at start {load_at_start}, at end {load()}"
    report = (
        "Written by `python bench/run.py`. Before the fixes: [RESULTS-before.md](RESULTS-before.md); "
        "what dominated and what changed: [ANALYSIS.md](ANALYSIS.md).\n\n"
        f"## {args.title}\n\n{machine(args.python)}; {loads}\n\n{text}\n\n"
        "<details><summary>raw</summary>\n\n```json\n"
        f"{json.dumps(detail, indent=1)}\n```\n</details>\n"
    )
    Path(args.out).write_text(report)
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
