"""Recents through StatusService against the demo server: the last five distinct changes, newest first,
kept across processes, repeated with their accounts and duration."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.core.conftest import Clock
from tests.core.test_presets import LUNCH
from trayapp.core.models import Availability, ChangeKind, CustomStatus, Outcome, StatusChange
from trayapp.core.paths import AppPaths
from trayapp.core.recents import RecentStore
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def custom(name: str, **kw: object) -> StatusChange:
    return StatusChange(ChangeKind.CUSTOM, status=CustomStatus("", name), **kw)  # type: ignore[arg-type]


def test_the_last_five_distinct_changes_newest_first(service: StatusService, profile: AppPaths) -> None:
    for name in ("Lunch", "Meeting", "Vacation", "Training", "Doctor", "Commuting"):
        service.apply(custom(name))
    service.apply(custom("Vacation"))  # again: moves to the top, not a second line
    vacation = next(s for s in service.cached_statuses("callbell") or () if s.name == "Vacation")
    service.apply(StatusChange(ChangeKind.CUSTOM, status=vacation))  # as the tray passes it: the same
    service.clear()  # not a change worth repeating
    service.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))  # one click already
    labels = [r.label for r in RecentStore(profile.recents_file).all()]  # as another process reads it
    assert labels == ["🌴 Vacation", "Commuting", "Doctor", "Training", "Meeting"]
    assert service.recents()[0].accounts == ("rocket", "callbell", "smartsheet")


def test_accounts_and_duration_are_kept_and_repeated(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    service.apply(custom("Lunch", end=clock.now + timedelta(minutes=45)), ["callbell"])
    [recent] = service.recents()
    assert (recent.label, recent.accounts, recent.duration_minutes) == ("Lunch", ("callbell",), 45)
    assert recent.to_dict() == {
        "label": "Lunch",
        "preset": None,
        "status": "Lunch",
        "availability": None,
        "message": None,
        "accounts": ["callbell"],
        "duration_minutes": 45,
        "at": recent.to_dict()["at"],
    }
    service.clear(["callbell"])
    clock.now += timedelta(hours=2)
    results = service.repeat(recent)
    assert [(r.account, r.outcome) for r in results] == [("callbell", Outcome.OK)]
    entry = service.scheduler.active_for("callbell")
    assert entry is not None and entry.end == clock.now + timedelta(minutes=45)
    lunch = next(s["id"] for s in demo.cb_custom_statuses() if s["name"] == "Lunch")
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] == lunch


def test_a_preset_is_one_recent_and_repeats_as_the_preset(service: StatusService, demo: DemoServer) -> None:
    service.presets.save(LUNCH)
    service.apply_preset("Lunch")
    [recent] = service.recents()
    assert (recent.preset, recent.accounts, recent.duration_minutes) == ("Lunch", ("rocket", "callbell"), 60)
    service.clear()
    results = service.repeat(recent)
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.OK]
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"
    assert len(service.recents()) == 1


def test_nothing_applied_is_not_a_recent(service: StatusService) -> None:
    service.apply(custom("No such status"))
    assert service.recents() == []


def test_a_removed_account_leaves_the_recents(service: StatusService) -> None:
    service.apply(custom("Lunch"), ["callbell"])
    service.apply(custom("Lunch"), ["rocket", "callbell"])
    service.remove_account("callbell")
    assert [r.accounts for r in service.recents()] == [("rocket",)]


def test_a_damaged_recents_file_is_set_aside_once(service: StatusService, profile: AppPaths) -> None:
    profile.recents_file.parent.mkdir(parents=True, exist_ok=True)
    profile.recents_file.write_text("{not json", encoding="utf-8")
    assert service.recents() == []
    assert any("recent.json was damaged (not valid JSON)" in w for w in service.file_warnings())
    service.apply(custom("Lunch"))
    assert (
        json.loads(profile.recents_file.read_text(encoding="utf-8"))["recent"][0]["change"]["status"]["name"]
        == "Lunch"
    )
