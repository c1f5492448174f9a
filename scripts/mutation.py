"""Mutation report: mutmut 3 on a fixed-seed uniform sample of each module's mutants.

Run through scripts/mutation.sh. mutmut's settings (what it mutates, which tests kill) are in
pyproject.toml under [tool.mutmut]. Each module's sample is drawn with its own seed (the seed and the
module's name), so a change in one module leaves the other modules' samples as they were.
scripts/mutation-equivalent.txt lists mutants shown to behave as the original; they are left out of
the score. This is a report, not a gate: it exits 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "scripts" / "mutation-equivalent.txt"
# Tests left out of a module's killing set. mutmut runs, for each mutant, every test that called the
# mutated function; the helpers every command goes through (files, codec, paths, logs) are called by
# nearly every test, so a surviving mutant there paid for the whole suite (> 1 min each, several under
# load). The tests below call those helpers only in passing while they spend seconds on what they are
# about: a server that waits, drips or answers 429 (network faults, about the backends and the
# service), or many processes writing at once (about the stores that lock: atomic, cache, settings,
# pending, secrets, paths). Each module keeps the tests that are about it.
WAITING_ON_THE_NETWORK = (
    "tests/reliability/test_fault_matrix.py",
    "tests/backends/test_reply_limits.py",
    "tests/cli/test_doctor.py::test_a_server_that_does_not_answer",
    "tests/cli/test_cli.py::test_failures_are_one_line_per_account",
)
MANY_PROCESSES = ("tests/reliability/test_concurrent_writers.py",)
FILES = ("atomic", "cache", "settings", "pending", "secrets", "paths")
PLAIN = (
    "codec",
    "logs",
    "timeparse",
    "timetext",
    "models",
    "errors",
    "redaction",
    "statusfields",
    "autostart",
)
LEFT_OUT: dict[str, tuple[str, ...]] = {
    **{f"trayapp.core.{name}": WAITING_ON_THE_NETWORK for name in FILES},
    **{f"trayapp.core.{name}": WAITING_ON_THE_NETWORK + MANY_PROCESSES for name in PLAIN},
}
# Functions that are only ctypes calls into Windows or macOS (their logic, behind a stand-in-able
# object, is tested on any OS), and mutants whose change shows only on those systems: no test can see
# them on Linux, so they are counted apart, as "other OS", not in the score.
OTHER_OS = (
    "trayapp.core.desktop_identity.xǁ_Win32SessionApiǁ",
    "trayapp.core.desktop_identity.xǁ_LibObjcǁ",
    # appauthor=False dropped: only Windows puts an author folder in the path (trayapp\\trayapp)
    "trayapp.core.paths.xǁAppPathsǁdefault__mutmut_5",
)
KILLED = {"killed", "timeout", "caught by type check", "segfault"}
# mutmut's exit codes per mutant (mutmut/stats.py), read from its .meta files.
STATUS = {
    1: "killed",
    3: "killed",
    0: "survived",
    5: "no tests",
    33: "no tests",
    34: "skipped",
    36: "timeout",
    24: "timeout",
    -24: "timeout",
    152: "timeout",
    255: "timeout",
    37: "caught by type check",
    -11: "segfault",
    -9: "segfault",
    None: "not checked",
}


def generate() -> None:
    """mutmut's own generation step (mutants/ with every mutant of every module), running no test."""
    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths

    set_mutant_under_test("mutant_generation")
    os.makedirs("mutants", exist_ok=True)
    with open("mutants/generate.log", "w") as log, contextlib.redirect_stdout(log):
        copy_src_dir()
        copy_also_copy_files()
        setup_source_paths()
        create_mutants(2)


def collect_stats(jobs: int, tests: list[str]) -> None:
    """mutmut's stats step (which tests call which function), in a child process whose output goes to
    mutants/stats.log; then each module's LEFT_OUT is dropped from its functions' tests. `mutmut run`
    loads these stats instead of collecting its own."""
    with (ROOT / "mutants" / "stats.log").open("w") as log:
        subprocess.run(
            [sys.executable, __file__, "--stats-only", "--jobs", str(jobs), *(f"--tests={t}" for t in tests)],
            check=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    stats_file = ROOT / "mutants" / "mutmut-stats.json"
    stats = json.loads(stats_file.read_text())
    for function, found in stats["tests_by_mangled_function_name"].items():
        left_out = next((out for module, out in LEFT_OUT.items() if function.startswith(module + ".")), ())
        stats["tests_by_mangled_function_name"][function] = [t for t in found if not t.startswith(left_out)]
    stats_file.write_text(json.dumps(stats, indent=4))


def stats_only(jobs: int, tests: list[str]) -> None:
    """With --tests, the stats come from those tests only; every other test of the selection is then
    listed with no function, so `mutmut run` sees no new test to collect stats for."""
    from mutmut.__main__ import collect_or_load_stats
    from mutmut.configuration import config
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.runners.harness import PytestRunner
    from mutmut.state import state
    from mutmut.stats import save_stats
    from mutmut.utils.file_utils import setup_source_paths
    from mutmut.workers.isolation import get_mutant_runner

    set_mutant_under_test("mutant_generation")
    setup_source_paths()
    selection = config().pytest_add_cli_args_test_selection
    if tests:
        config().pytest_add_cli_args_test_selection = tests
    collect_or_load_stats(get_mutant_runner(jobs))
    config().pytest_add_cli_args_test_selection = selection
    if tests:
        for name in PytestRunner().list_all_tests().ids:
            state().duration_by_test.setdefault(name, 0.0)
        save_stats()


def metas() -> dict[str, Path]:
    """Module name -> its .meta file, for every module mutmut mutated."""
    found = {}
    for meta in sorted((ROOT / "mutants" / "trayapp").rglob("*.py.meta")):
        module = ".".join(meta.relative_to(ROOT / "mutants").with_suffix("").with_suffix("").parts)
        found[module] = meta
    return found


def exit_codes(meta: Path) -> dict[str, int | None]:
    codes: dict[str, int | None] = json.loads(meta.read_text())["exit_code_by_key"]
    return codes


def equivalent() -> set[str]:
    if not EQUIVALENT.is_file():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in EQUIVALENT.read_text().splitlines())
    return {line for line in lines if line}


def sample(per_module: int, seed: int) -> dict[str, list[str]]:
    chosen = {}
    for module, meta in metas().items():
        names = sorted(exit_codes(meta))
        if names:
            rng = random.Random(f"{seed}:{module}")
            chosen[module] = sorted(rng.sample(names, min(per_module, len(names))))
    return chosen


def wilson(killed: int, total: int) -> tuple[float, float]:
    """95 % interval of the kill rate, as the sample only estimates the module's score."""
    if total == 0:
        return 0.0, 0.0
    z, p = 1.96, killed / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def changed_line(name: str) -> str:
    """The mutant's diff, reduced to its - and + lines."""
    shown = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout
    lines = [line for line in shown.splitlines() if line[:1] in "-+" and not line.startswith(("---", "+++"))]
    return " | ".join(line[0] + " " + line[1:].strip() for line in lines)


def report(chosen: dict[str, list[str]], show_diffs: bool) -> None:
    """Score = killed / checked; a stopped run leaves mutants unchecked, which are counted apart."""
    skip = equivalent()
    survivors: list[tuple[str, str]] = []
    print(
        f"\n{'module':32} {'killed':>6} {'checked':>7} {'score':>6}  95 % interval  unchecked  equivalent"
        "  other OS"
    )
    for module, names in chosen.items():
        codes = exit_codes(metas()[module])
        statuses = {name: STATUS.get(codes.get(name), "suspicious") for name in names}
        elsewhere = [name for name in names if name.startswith(OTHER_OS)]
        counted = [
            name
            for name in names
            if name not in skip and name not in elsewhere and statuses[name] != "not checked"
        ]
        unchecked = sum(1 for name in names if statuses[name] == "not checked")
        killed = sum(1 for name in counted if statuses[name] in KILLED)
        low, high = wilson(killed, len(counted))
        score = f"{100 * killed / len(counted):5.0f} %" if counted else "    –  "
        print(
            f"{module:32} {killed:6} {len(counted):7} {score}  {100 * low:3.0f}–{100 * high:3.0f} %"
            f"  {unchecked:9}  {sum(1 for name in names if name in skip):10}  {len(elsewhere):8}"
        )
        survivors += [(name, statuses[name]) for name in counted if statuses[name] not in KILLED]
    total = Counter(status for _, status in survivors)
    print(f"\nsurviving mutants: {len(survivors)} ({', '.join(f'{n} {s}' for s, n in total.items())})")
    for name, status in survivors:
        line = changed_line(name) if show_diffs else ""
        print(f"  {name} [{status}] {line}".rstrip())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-module", type=int, default=30, help="mutants sampled per module (30)")
    parser.add_argument("--seed", type=int, default=14, help="sample seed (14)")
    parser.add_argument("--jobs", type=int, default=2, help="mutants tested at once (2)")
    parser.add_argument(
        "--module", action="append", default=[], help="only this module (trayapp.core.scheduler); repeatable"
    )
    parser.add_argument("--only", type=Path, help="a file of mutant names: test only those of the sample")
    parser.add_argument("--report-only", action="store_true", help="print the last run's results again")
    parser.add_argument(
        "--again",
        action="store_true",
        help="keep the last run's mutants and results, test again only what --only names (with the tests as"
        " they are now: stats are collected for new tests only), then report the whole sample",
    )
    parser.add_argument("--no-diffs", action="store_true", help="list survivors without their changed line")
    parser.add_argument(
        "--tests",
        action="append",
        default=[],
        help="kill with these test paths only (repeatable; default: [tool.mutmut] in pyproject.toml)",
    )
    parser.add_argument("--stats-only", action="store_true", help=argparse.SUPPRESS)  # collect_stats' child
    args = parser.parse_args()
    os.chdir(ROOT)
    if args.stats_only:
        stats_only(args.jobs, args.tests)
        return 0
    if not args.report_only:
        if not args.again:
            shutil.rmtree(ROOT / "mutants", ignore_errors=True)
        generate()
        collect_stats(args.jobs, args.tests)
    chosen = sample(args.per_module, args.seed)
    if args.module:
        chosen = {module: names for module, names in chosen.items() if module in args.module}
    to_test = chosen
    if args.only:
        wanted = set(args.only.read_text().split())
        to_test = {module: [n for n in names if n in wanted] for module, names in chosen.items()}
        to_test = {module: names for module, names in to_test.items() if names}
        if not args.again:
            chosen = to_test
    if not args.report_only:
        names = [name for names in to_test.values() for name in names]
        print(f"testing {len(names)} mutants in {len(to_test)} modules (seed {args.seed})", flush=True)
        log = ROOT / "mutants" / "run.log"
        with log.open("w") as out:
            run = subprocess.run(
                [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.jobs), *names],
                check=False,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        if run.returncode != 0:
            print(f"mutmut stopped with exit code {run.returncode}; the end of {log}:")
            print("\n".join(log.read_text(errors="replace").splitlines()[-30:]))
    report(chosen, not args.no_diffs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
