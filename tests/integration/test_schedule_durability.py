"""Scheduled changes survive SIGKILL at random moments: after restarts every entry ends in a final
phase and each account on the demo server shows what the schedule implies (here: the status from
before, since every window has ended)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from trayapp.backends import BACKENDS
from trayapp.core.models import Availability, ChangeKind, CustomStatus, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.scheduler import Phase
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.profile import demo_accounts
from trayapp.demo.server import DemoServer

ROUNDS = 12
WORKER = Path(__file__).with_name("schedule_worker.py")


def server_state(demo: DemoServer) -> dict[str, Any]:
    user = demo.rc_user(seed.RC_ALICE_ID)
    return {
        "rocket": (user["statusDefault"], user["statusText"]),
        "callbell": demo.cb_user_status(seed.CB_USER_UUID),
    }


def named(name: str, start: datetime, end: datetime) -> StatusChange:
    return StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name=name), start=start, end=end)


def start_worker(root: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(Path.cwd()))
    return subprocess.Popen([sys.executable, str(WORKER), str(root)], env=env)


def test_schedule_survives_sigkill_at_random_points(demo: DemoServer, tmp_path: Path) -> None:
    rng = random.Random(20261123)
    kills = 0
    phases: dict[str, int] = {}
    for round_no in range(ROUNDS):
        demo.reset()
        root = tmp_path / f"round{round_no}"
        service = StatusService(AppPaths.under(root), secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
        for account, secret in demo_accounts(demo)[:2]:  # Rocket.Chat and Callbell: kept by trayapp
            service.add_account(account, secret)
        focus = CustomStatus(id="", name="Focus time")
        service.apply(StatusChange(ChangeKind.CUSTOM, status=focus), ["rocket"])
        before = server_state(demo)
        t0 = datetime.now(timezone.utc)

        def at(seconds: float, t0: datetime = t0) -> datetime:
            return t0 + timedelta(seconds=seconds)

        service.apply(named("Lunch", at(0.4), at(1.0)), ["rocket"])
        service.apply(named("In a call", at(1.2), at(1.8)), ["rocket"])
        service.apply(named("Meeting", at(0.5), at(1.3)), ["callbell"])
        service.apply(
            StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, start=at(1.4), end=at(2.0)),
            ["callbell"],
        )
        service.close()
        while datetime.now(timezone.utc) < at(2.3):
            worker = start_worker(root)
            time.sleep(rng.uniform(0.05, 0.6))
            if worker.poll() is None:
                worker.send_signal(signal.SIGKILL)
                kills += 1
            worker.wait(timeout=10)
        final = start_worker(root)  # the last start runs to the end
        assert final.wait(timeout=60) == 0
        after = StatusService(AppPaths.under(root), secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
        entries = after.schedule_entries()
        assert len(entries) == 4
        for entry in entries:
            phases[entry.phase.value] = phases.get(entry.phase.value, 0) + 1
            # A kill in the middle of an apply, with the window over before the next start, is reported
            # as interrupted with nothing to undo: final, and the service state below is unchanged.
            interrupted = all("interrupted before the service took it" in p.note for p in entry.progress)
            assert entry.phase in (Phase.DONE, Phase.MISSED) or (
                entry.phase is Phase.FAILED and interrupted
            ), (round_no, entry)
        assert server_state(demo) == before, round_no
    print(f"\ndurability: {ROUNDS} rounds, {kills} SIGKILLs, final phases {phases}")
    assert kills >= ROUNDS  # the workers really were killed mid-run
