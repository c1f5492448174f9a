"""Every file the app writes, damaged: it is set aside with a timestamp, reported, and the app goes on."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trayapp.backends import BACKENDS
from trayapp.core.models import ChangeKind, CustomStatus, StatusChange
from trayapp.core.secrets import SecretStore
from trayapp.core.service import StatusService
from trayapp.demo.memory_keyring import MemoryKeyring
from trayapp.demo.server import DemoServer

GARBAGE = ["{not json", '{"accounts": 5, "entries": 5}', "\x00\xff\xfe binary", "[]"]


@pytest.mark.parametrize("content", GARBAGE)
@pytest.mark.parametrize("which", ["settings_file", "cache_file", "pending_file", "schedule_file"])
def test_damaged_file_is_set_aside_and_reported(
    service: StatusService, demo: DemoServer, which: str, content: str
) -> None:
    # produce every file once, for real
    soon = datetime.now(timezone.utc) + timedelta(hours=1)
    service.apply(
        StatusChange(ChangeKind.CUSTOM, status=CustomStatus(id="", name="Lunch"), start=soon), ["rocket"]
    )
    demo.set_fault("503", service="callbell", count=3)
    service.apply(StatusChange(ChangeKind.CLEAR), ["callbell"])
    paths = service.paths
    for name in ("settings_file", "cache_file", "pending_file", "schedule_file"):
        assert getattr(paths, name).exists(), name
    target = getattr(paths, which)
    target.write_bytes(content.encode("utf-8", "surrogateescape"))
    service.close()

    again = StatusService(paths, secrets=SecretStore(MemoryKeyring()), backends=BACKENDS)
    again.snapshot()  # the menu builds
    again.schedule_entries()
    again.pending_changes()
    warnings = " ".join(again.file_warnings())
    assert f"{target.name} was damaged" in warnings
    assert "fresh one was started" in warnings
    kept = list(target.parent.glob(target.name + ".broken-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content.encode("utf-8", "surrogateescape")
    if which != "settings_file":
        assert [a.name for a in again.accounts()] == ["rocket", "callbell", "smartsheet"]
    again.close()
