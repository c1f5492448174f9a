"""What StatusService hands back to the menu and the command line: the state each call leaves, read from
its results and the snapshot, against the demo server."""

from __future__ import annotations

import socket
from dataclasses import replace
from datetime import timedelta

import pytest

from tests.core.conftest import Clock
from trayapp.core.errors import AccountNotFound, AuthError
from trayapp.core.models import Availability, ChangeKind, CustomStatus, Outcome, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.service import StatusService, removed_sentence
from trayapp.core.settings import Settings, SettingsStore
from trayapp.demo.server import DemoServer


def test_what_removing_an_account_did_is_one_sentence() -> None:
    assert removed_sentence("rocket", 0) == "Removed rocket and its keyring entry."
    assert (
        removed_sentence("rocket", 1)
        == "Removed rocket and its keyring entry; also cancelled 1 timed change."
    )
    assert (
        removed_sentence("rocket", 2)
        == "Removed rocket and its keyring entry; also cancelled 2 timed changes."
    )


def test_an_unknown_account_names_the_ones_there_are(service: StatusService) -> None:
    with pytest.raises(AccountNotFound) as caught:
        service.account("work")
    assert str(caught.value) == "There is no account named 'work' (accounts: rocket, callbell, smartsheet)."


def test_a_change_and_a_refresh_hand_back_the_status_they_left(service: StatusService) -> None:
    busy = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.BUSY)
    [applied] = service.apply(busy, ["rocket"])
    assert applied.current is not None and applied.current.availability is Availability.BUSY
    [refreshed] = service.refresh(["rocket"])
    assert refreshed.current is not None and refreshed.current.availability is Availability.BUSY


def test_the_snapshot_lists_each_accounts_own_statuses_and_its_next_change(
    service: StatusService, clock: Clock
) -> None:
    service.refresh()
    lunch = StatusChange(
        ChangeKind.CUSTOM,
        status=CustomStatus(id="", name="Lunch"),
        start=clock() + timedelta(hours=1),
        end=clock() + timedelta(hours=2),
    )
    service.apply(lunch, ["rocket"])
    [entry] = service.schedule_entries()
    views = {v.account.name: v for v in service.snapshot().accounts}
    for name in ("rocket", "callbell", "smartsheet"):
        assert views[name].statuses == tuple(service.cached_statuses(name) or ()), name
    assert "Commuting" in {s.name for s in views["rocket"].statuses}
    assert "Commuting" not in {s.name for s in views["smartsheet"].statuses}
    assert (views["rocket"].next_entry, views["callbell"].next_entry) == (entry.id, "")


def test_a_status_that_cannot_be_created_for_want_of_a_token_signs_the_account_out(
    service: StatusService, demo: DemoServer
) -> None:
    demo.set_fault("401", service="rocketchat", count=1)
    with pytest.raises(AuthError):
        service.create_status("rocket", "Gym", type="busy")
    views = {v.account.name: v for v in service.snapshot().accounts}
    assert views["rocket"].signed_out and views["rocket"].error
    assert not views["callbell"].signed_out


def test_an_account_edited_by_another_process_is_used_as_edited(
    service: StatusService, profile: AppPaths
) -> None:
    assert service.refresh(["rocket"])[0].outcome is Outcome.OK  # its backend is built and in use
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        moved = f"http://127.0.0.1:{probe.getsockname()[1]}"

    def edit(settings: Settings) -> None:  # what `trayapp accounts edit rocket --url …` writes
        settings.accounts = [replace(a, url=moved) if a.name == "rocket" else a for a in settings.accounts]

    SettingsStore(profile.settings_file).update(edit)
    assert service.reload_settings()
    [result] = service.refresh(["rocket"])
    assert result.outcome is Outcome.FAILED and "Cannot reach Rocket.Chat at 127.0.0.1" in result.detail
    assert service.refresh(["callbell"])[0].outcome is Outcome.OK  # the others are left as they were
