"""Many processes writing the same state files at once (the tray and the CLI side by side, or several
CLIs): every change survives, no file is damaged, no token is left without its account."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.reliability.dir_keyring import BACKEND, DIR_VARIABLE, stored_keys
from trayapp.core.cache import StatusCache
from trayapp.core.models import Account, Availability, ChangeKind, CustomStatus, ServiceKind, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.pending import PendingChange, PendingStore
from trayapp.core.presets import AccountPart, Preset, PresetStore
from trayapp.core.recents import Recent, RecentStore
from trayapp.core.settings import SettingsStore
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 6


@pytest.fixture
def cli_env(profile: AppPaths, tmp_path: Path) -> dict[str, str]:
    """The environment of a CLI process in this test's profile, with a keyring all of them share."""
    keys = tmp_path / "keyring"
    keys.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_KEYRING", "DBUS_"))}
    env.update(PYTHON_KEYRING_BACKEND=BACKEND, PYTHONPATH=str(ROOT), **{DIR_VARIABLE: str(keys)})
    return env


def run_all(env: dict[str, str], commands: Sequence[tuple[Sequence[str], str]]) -> list[tuple[int, str]]:
    """Start every CLI at once, then wait for all: (exit code, stderr) each."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "trayapp", *argv],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv, _ in commands
    ]
    results = []
    for proc, (_, stdin) in zip(procs, commands, strict=True):
        _, err = proc.communicate(stdin, timeout=120)
        assert "Traceback" not in err
        results.append((proc.returncode, err))
    return results


def json_file(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text("utf-8"))  # a damaged file fails here
    assert isinstance(data, dict)
    return data


def test_concurrent_accounts_add_keeps_every_account_and_token(
    cli_env: dict[str, str], demo: DemoServer, profile: AppPaths
) -> None:
    names = [f"rc-{i}" for i in range(WRITERS)]
    add = ("accounts", "add", "rocketchat", "--url", demo.rocketchat_url, "--user-id", seed.RC_ALICE_ID)
    commands = [((*add[:3], name, *add[3:], "--token-stdin"), seed.RC_ALICE_PAT + "\n") for name in names]
    for code, err in run_all(cli_env, commands):
        assert code == 0, err

    [(code, _)] = run_all(cli_env, [(("accounts", "list", "--json"), "")])
    assert code == 0
    accounts = json_file(profile.settings_file)["accounts"]
    assert isinstance(accounts, list)
    assert sorted(a["name"] for a in accounts) == names
    assert stored_keys(Path(cli_env[DIR_VARIABLE])) == {f"rocketchat:{n}" for n in names}  # no orphan
    cached = json_file(profile.cache_file)["accounts"]
    assert isinstance(cached, dict)
    assert sorted(cached) == names  # each add warmed the cache, and none undid another's


def test_concurrent_accounts_add_of_one_name_keeps_one_account_with_its_own_token(
    cli_env: dict[str, str], demo: DemoServer, profile: AppPaths
) -> None:
    users = [(seed.RC_ALICE_ID, seed.RC_ALICE_PAT), (seed.RC_CAROL_ID, seed.RC_CAROL_PAT)] * 2
    add = ("accounts", "add", "rocketchat", "same", "--url", demo.rocketchat_url, "--token-stdin")
    commands = [((*add, "--user-id", user), token + "\n") for user, token in users]
    results = run_all(cli_env, commands)
    assert sorted(code for code, _ in results) == [0, 1, 1, 1], results
    assert all("already exists" in err for code, err in results if code == 1)
    accounts = json_file(profile.settings_file)["accounts"]
    assert isinstance(accounts, list) and len(accounts) == 1
    account = accounts[0]
    from tests.reliability.dir_keyring import DirKeyring

    os.environ[DIR_VARIABLE] = cli_env[DIR_VARIABLE]
    try:
        token = DirKeyring().get_password("trayapp", "rocketchat:same")
    finally:
        del os.environ[DIR_VARIABLE]
    assert token == dict(users)[account["user"]]  # the winner's token, not a loser's


def test_concurrent_set_with_the_service_down_keeps_every_change(
    cli_env: dict[str, str], demo: DemoServer, profile: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"rc-{i}" for i in range(WRITERS)]
    store = SettingsStore(profile.settings_file)
    settings = store.load()
    settings.accounts = [
        Account(name, ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_ALICE_ID) for name in names
    ]
    store.save(settings)
    monkeypatch.setenv(DIR_VARIABLE, cli_env[DIR_VARIABLE])
    from tests.reliability.dir_keyring import DirKeyring

    for name in names:
        DirKeyring().set_password("trayapp", f"rocketchat:{name}", seed.RC_ALICE_PAT)
    demo.set_fault("503", service="rocketchat")  # down until cleared

    commands = [(("set", "--away", "--account", name), "") for name in names]
    for code, err in run_all(cli_env, commands):
        assert code == 75, err
        assert "kept" in err.lower() or "later" in err.lower(), err
    kept = json_file(profile.pending_file)["accounts"]
    assert isinstance(kept, dict)
    assert sorted(kept) == names


# ---- the stores themselves, hammered by processes on the real files ---------------------------------

ROUNDS = 25


def _pending_writer(folder: str, worker: int) -> None:
    store = PendingStore(Path(folder) / "pending.json")
    change = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
    for i in range(ROUNDS):
        store.put(PendingChange(f"w{worker}-{i}", change, datetime.now(timezone.utc), 1, "down"))


def _cache_writer(folder: str, worker: int) -> None:
    cache = StatusCache(Path(folder) / "statuses.json")
    for i in range(ROUNDS):
        cache.put_statuses(f"w{worker}-{i}", [CustomStatus(id=str(i), name="Lunch")])


def _preset_writer(folder: str, worker: int) -> None:
    store = PresetStore(Path(folder) / "presets.json", [])
    for i in range(ROUNDS):
        store.save(Preset(f"w{worker}-{i}", accounts={"rocket": AccountPart(status="Lunch")}))


def _recent_writer(folder: str, worker: int) -> None:
    store = RecentStore(Path(folder) / "recent.json")
    change = StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", "Lunch"))
    for i in range(ROUNDS):
        store.add(Recent((f"w{worker}-{i}",), change))


def hammer(target: Callable[[str, int], None], folder: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=target, args=(str(folder), w)) for w in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0


def test_pending_writers_in_many_processes_lose_nothing(tmp_path: Path) -> None:
    hammer(_pending_writer, tmp_path)
    assert len(PendingStore(tmp_path / "pending.json").all()) == 4 * ROUNDS
    assert not list(tmp_path.glob("pending.json.broken-*"))


def test_cache_writers_in_many_processes_lose_nothing(tmp_path: Path) -> None:
    hammer(_cache_writer, tmp_path)
    cache = StatusCache(tmp_path / "statuses.json")
    assert all(cache.statuses(f"w{w}-{i}") for w in range(4) for i in range(ROUNDS))
    assert not list(tmp_path.glob("statuses.json.broken-*"))


def test_preset_writers_in_many_processes_lose_nothing(tmp_path: Path) -> None:
    hammer(_preset_writer, tmp_path)
    names = {p.name for p in PresetStore(tmp_path / "presets.json", []).all()}
    assert names == {f"w{w}-{i}" for w in range(4) for i in range(ROUNDS)}
    assert not list(tmp_path.glob("presets.json.broken-*"))


def test_recent_writers_in_many_processes_keep_five_whole_lines(tmp_path: Path) -> None:
    hammer(_recent_writer, tmp_path)
    recents = RecentStore(tmp_path / "recent.json").all()
    assert len(recents) == 5 and len({r.accounts for r in recents}) == 5
    # the newest is the last add of whichever worker finished last: every add re-read the file under the lock
    assert recents[0].accounts[0].endswith(f"-{ROUNDS - 1}")
    assert not list(tmp_path.glob("recent.json.broken-*"))
