"""Run the schedule of a profile until nothing is left to do (or until killed).

Started (and killed with SIGKILL at random moments) by test_schedule_durability.py. Tokens come
from the demo seed: the keyring is not what that test is about."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from trayapp.backends import BACKENDS
from trayapp.core.paths import AppPaths
from trayapp.core.secrets import SERVICE, SecretStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.memory_keyring import MemoryKeyring

TOKENS = {"rocketchat": seed.RC_ALICE_PAT, "callbell": seed.CB_TOKEN, "smartsheet": seed.SS_TOKEN}


def main(root: Path) -> None:
    keyring = MemoryKeyring()
    service = StatusService(AppPaths.under(root), secrets=SecretStore(keyring), backends=BACKENDS)
    for account in service.accounts():
        keyring.set_password(SERVICE, account.secret_key, TOKENS[account.kind.value])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        service.run_schedule()
        if all(entry.phase.finished for entry in service.schedule_entries()):
            return
        time.sleep(0.02)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
