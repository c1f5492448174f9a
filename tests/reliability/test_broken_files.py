"""Every file the app writes, damaged: it is set aside with a timestamp, reported, and the app goes on."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.cli.conftest import CLI, Run
from trayapp.backends import BACKENDS
from trayapp.core.models import ChangeKind, CustomStatus, StatusChange
from trayapp.core.paths import AppPaths
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


# ---- hand-edited files, through the CLI as a user meets them -----------------------------------------

DEEP = "[" * 100_000 + "]" * 100_000  # json.loads raises RecursionError on this


def told(run: Run, text: str) -> bool:
    return sum(text in line for line in run.err_lines) == 1


def test_deeply_nested_settings_are_set_aside_and_every_command_works(cli: CLI, profile: AppPaths) -> None:
    profile.settings_file.parent.mkdir(parents=True, exist_ok=True)
    profile.settings_file.write_text(DEEP, encoding="utf-8")
    first = cli("accounts", "list")
    assert first.code == 0, first.err
    assert told(first, "settings.json was damaged (nested too deeply); it was kept as settings.json.broken-")
    assert [p.read_text("utf-8") for p in profile.config_dir.glob("settings.json.broken-*")] == [DEEP]
    again = cli("status")
    assert again.code == 0 and "warning" not in again.err  # said once


def edit_settings(profile: AppPaths, name: str, new_name: str) -> None:
    raw = json.loads(profile.settings_file.read_text("utf-8"))
    for account in raw["accounts"]:
        if account["name"] == name:
            account["name"] = new_name
    profile.settings_file.write_text(json.dumps(raw), encoding="utf-8")


def test_an_account_with_an_invalid_name_is_left_out_and_the_others_work(
    accounts: CLI, profile: AppPaths
) -> None:
    edit_settings(profile, "callbell", "call bell")
    listing = accounts("accounts", "list", "--json")
    assert listing.code == 0, listing.err
    assert [a["name"] for a in json.loads(listing.out)] == ["rocket", "smartsheet"]
    assert told(listing, "left out account 'call bell' (not a valid account name)")
    [kept] = profile.config_dir.glob("settings.json.broken-*")
    assert "call bell" in kept.read_text("utf-8")  # the hand edit is kept, to fix and put back
    removed = accounts("accounts", "remove", "smartsheet")
    assert removed.code == 0 and "warning" not in removed.err, removed.err
    assert [a["name"] for a in json.loads(accounts("accounts", "list", "--json").out)] == ["rocket"]


def schedule_and_keep(cli: CLI, demo: DemoServer) -> None:
    """A scheduled change (schedule.json) and a change kept for later (pending.json), for real."""
    start = (datetime.now(timezone.utc) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%MZ")
    assert cli("set", "Lunch", "--start", start, "--for", "30m", "--account", "rocket").code == 0
    demo.set_fault("503", service="callbell", count=3)
    assert cli("set", "--away", "--account", "callbell").code == 75


@pytest.mark.parametrize("which", ["cache_file", "schedule_file", "pending_file"])
def test_deeply_nested_state_files_do_not_break_status_or_schedule(
    accounts: CLI, demo: DemoServer, profile: AppPaths, which: str
) -> None:
    schedule_and_keep(accounts, demo)
    target: Path = getattr(profile, which)
    target.write_text(DEEP, encoding="utf-8")
    results = [accounts("status"), accounts("schedule")]
    for result in results:
        assert result.code == 0, result.err
    assert sum(told(r, f"{target.name} was damaged (nested too deeply)") for r in results) == 1  # once
    assert len(list(target.parent.glob(target.name + ".broken-*"))) == 1
    assert accounts("status").code == 0


def test_a_damaged_scheduled_change_is_left_out_and_the_others_kept(
    accounts: CLI, demo: DemoServer, profile: AppPaths
) -> None:
    schedule_and_keep(accounts, demo)
    later = (datetime.now(timezone.utc) + timedelta(hours=5)).strftime("%Y-%m-%dT%H:%MZ")
    assert (
        accounts("set", "Working from home", "--start", later, "--for", "30m", "--account", "smartsheet").code
        == 0
    )
    raw = json.loads(profile.schedule_file.read_text("utf-8"))
    assert len(raw["entries"]) == 2
    raw["entries"][0]["start"] = "next tuesday"
    profile.schedule_file.write_text(json.dumps(raw), encoding="utf-8")
    listing = accounts("schedule", "--json")
    assert listing.code == 0, listing.err
    assert [r["accounts"] for r in json.loads(listing.out)] == [["smartsheet"]]
    assert told(listing, f"left out scheduled change '{raw['entries'][0]['id']}'")
    assert accounts("schedule").err == ""  # said once


def test_a_damaged_waiting_change_is_left_out_and_the_others_kept(
    accounts: CLI, demo: DemoServer, profile: AppPaths
) -> None:
    demo.set_fault("503", service="callbell")
    demo.set_fault("503", service="smartsheet")
    assert accounts("set", "--away", "--account", "callbell", "--account", "smartsheet").code == 75
    raw = json.loads(profile.pending_file.read_text("utf-8"))
    raw["accounts"]["callbell"]["change"] = {"kind": [[[["hand-edited"]]]]}
    profile.pending_file.write_text(json.dumps(raw), encoding="utf-8")
    demo.clear_faults()
    status = accounts("status", "--json")
    assert status.code == 0, status.err
    assert told(status, "left out the waiting change of 'callbell'")
    sent, table = status.out.split("\n[", 1)  # the delivery lines, then the JSON
    assert sent.startswith("smartsheet: Sent 'Away'")  # the good one went out
    assert [r["pending"] for r in json.loads("[" + table)] == [None, None, None]
