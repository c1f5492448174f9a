"""Presets through StatusService against the demo server over real HTTP: what each service receives, the
timed preset's end putting back what each account had, the user's file and the organisation's."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.core.conftest import Clock
from trayapp.core.errors import InputError
from trayapp.core.models import Availability, Outcome
from trayapp.core.paths import AppPaths
from trayapp.core.presets import AccountPart, Preset, PresetStore, check_part
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer, Exchange

LUNCH = Preset(
    "Lunch",
    "🍔",
    {
        "rocket": AccountPart(status="Lunch", availability=Availability.AWAY),
        "callbell": AccountPart(status="Lunch", availability=Availability.AWAY),
    },
    duration=timedelta(hours=1),
)


def writes(exchanges: list[Exchange]) -> list[tuple[str, str, str, object]]:
    """The changes each service received: (service, method, path, body)."""
    found = []
    for e in exchanges:
        if e.method == "GET" or e.path.endswith("/login"):
            continue
        body = e.body.decode()
        try:
            parsed: object = json.loads(body)
        except ValueError:
            parsed = body
        found.append((e.service, e.method, e.path, parsed))
    return found


def cb_status_id(demo: DemoServer, name: str) -> str:
    return str(next(s["id"] for s in demo.cb_custom_statuses() if s["name"] == name))


def test_lunch_sends_each_service_its_part_and_leaves_smartsheet_alone(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    service.presets.save(LUNCH)
    exchanges = demo.record()
    results = service.apply_preset("lunch")  # names are found case-insensitively
    assert [(r.account, r.outcome) for r in results] == [
        ("rocket", Outcome.OK),
        ("callbell", Outcome.OK),
        ("smartsheet", Outcome.SKIPPED),
    ]
    assert results[2].detail == "'Lunch' leaves Smartsheet RM alone."
    sent = writes(exchanges)
    assert ("rocketchat", "POST", "/api/v1/users.setStatus", {"message": "Lunch", "status": "away"}) in sent
    lunch = cb_status_id(demo, "Lunch")
    assert (
        "callbell",
        "PUT",
        f"/users/{seed.CB_USER_UUID}/status",
        {"custom_status_uuid": lunch, "available": False},
    ) in sent
    assert [s for s in sent if s[0] == "smartsheet"] == []
    assert len(sent) == 2
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": lunch}

    # One entry for both accounts, named after the preset, ending an hour later.
    [entry] = service.schedule_entries()
    assert entry.accounts == ("rocket", "callbell") and entry.what == "🍔 Lunch"
    assert entry.end == clock.now + timedelta(hours=1)
    assert "until" in results[0].detail and "🍔 Lunch" in results[0].detail

    # Its end puts back what each account had before.
    clock.now += timedelta(hours=1, seconds=1)
    events = service.run_schedule()
    assert {(e.account, e.kind) for e in events} == {("rocket", "restored"), ("callbell", "restored")}
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": True, "custom_status_id": None}


def test_for_overrides_the_duration_and_open_ended_has_none(service: StatusService, clock: Clock) -> None:
    service.presets.save(LUNCH)
    service.apply_preset("Lunch", duration=timedelta(minutes=30))
    [entry] = service.schedule_entries()
    assert entry.end == clock.now + timedelta(minutes=30)
    results = service.apply_preset("Lunch", open_ended=True)
    assert [r.outcome for r in results[:2]] == [Outcome.OK, Outcome.OK]
    assert service.scheduler.active_for("rocket") is None  # the open-ended one replaced the timed one


def test_a_preset_for_some_accounts_only(service: StatusService, demo: DemoServer) -> None:
    service.presets.save(LUNCH)
    exchanges = demo.record()
    results = service.apply_preset("Lunch", ["callbell"], open_ended=True)
    assert [(r.account, r.outcome) for r in results] == [("callbell", Outcome.OK)]
    assert {s[0] for s in writes(exchanges)} == {"callbell"}


def test_an_account_without_the_status_says_so_and_the_others_proceed(service: StatusService) -> None:
    preset = Preset(
        "Dentist",
        accounts={
            "rocket": AccountPart(status="Dentist"),
            "smartsheet": AccountPart(availability=Availability.AWAY, message="Dentist"),
        },
    )
    service.presets.save(preset)
    results = {r.account: r for r in service.apply_preset("Dentist")}
    assert results["rocket"].outcome is Outcome.SKIPPED
    assert results["rocket"].detail == "Rocket.Chat has no status named 'Dentist'."
    assert results["smartsheet"].outcome is Outcome.OK
    assert service.cached_current("smartsheet").message == "Dentist"  # type: ignore[union-attr]


def test_unknown_preset_names_the_ones_there_are(service: StatusService) -> None:
    service.presets.save(LUNCH)
    with pytest.raises(InputError, match=r"There is no preset named 'Brunch' \(presets: 'Lunch'\)"):
        service.apply_preset("Brunch")


# ---- the user's file ----------------------------------------------------------------------------


def test_presets_are_kept_renamed_and_removed(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json", [])
    store.save(LUNCH)
    with pytest.raises(InputError, match="already exists"):
        store.save(LUNCH)
    again = PresetStore(tmp_path / "presets.json", [])  # another process
    assert again.all() == [LUNCH]
    again.remember_accounts("Lunch", ["rocket"])
    again.save(Preset("Long lunch", accounts=LUNCH.accounts), replacing="lunch")
    assert [p.name for p in store.all()] == ["Long lunch"]
    assert store.remembered_accounts("Long lunch") == ("rocket",)
    assert store.remove("LONG LUNCH").name == "Long lunch"
    assert store.all() == []
    with pytest.raises(InputError, match="There is no preset named 'Lunch'"):
        store.remove("Lunch")


def test_a_damaged_preset_is_left_out_and_the_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    good = {"name": "Lunch", "accounts": {"rocket": {"status": "Lunch"}}}
    bad = {"name": "Broken", "accounts": {"rocket": {"availability": "sleepy"}}}
    path.write_text(json.dumps({"schema_version": 1, "presets": [good, bad]}), encoding="utf-8")
    store = PresetStore(path, [])
    assert [p.name for p in store.all()] == ["Lunch"]
    assert "left out preset 'Broken' (The availability for 'rocket' must be one of" in store.warning
    [kept] = tmp_path.glob("presets.json.broken-*")
    assert "sleepy" in kept.read_text(encoding="utf-8")


def test_a_preset_gives_something(tmp_path: Path) -> None:
    store = PresetStore(tmp_path / "presets.json", [])
    with pytest.raises(InputError, match="gives no account anything"):
        store.save(Preset("Nothing"))
    with pytest.raises(InputError, match="a status or an availability"):
        store.save(Preset("Words", accounts={"rocket": AccountPart(message="hi")}))


# ---- the organisation's file --------------------------------------------------------------------


def org_file(profile: AppPaths) -> Path:
    path = profile.system_presets_files[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_system_presets_come_from_xdg_config_dirs_and_cannot_be_removed(
    service: StatusService, profile: AppPaths
) -> None:
    system = {**LUNCH.to_dict(), "name": "All hands"}
    del system["system"]
    org_file(profile).write_text(json.dumps([system]), encoding="utf-8")
    service.presets.save(LUNCH)
    listed = [(p.name, p.system) for p in service.presets.all()]
    assert listed == [("Lunch", False), ("All hands", True)]
    with pytest.raises(InputError, match="one of your organisation's presets; it cannot be removed"):
        service.presets.remove("all hands")
    with pytest.raises(InputError, match="one of your organisation's presets: pick another name"):
        service.presets.save(Preset("All Hands", accounts=LUNCH.accounts))
    results = service.apply_preset("All hands", open_ended=True)
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.OK, Outcome.SKIPPED]


def test_an_organisations_preset_names_services_not_accounts(
    service: StatusService, profile: AppPaths, demo: DemoServer
) -> None:
    by_kind = {
        "name": "Town hall",
        "accounts": {"rocketchat": {"status": "In a call"}, "smartsheet": {"availability": "away"}},
    }
    org_file(profile).write_text(json.dumps([by_kind]), encoding="utf-8")
    results = service.apply_preset("Town hall")
    assert [(r.account, r.outcome) for r in results] == [
        ("rocket", Outcome.OK),
        ("callbell", Outcome.SKIPPED),
        ("smartsheet", Outcome.OK),
    ]
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "In a call"
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "OOF"


def test_a_bad_system_file_is_said_and_nothing_is_lost(service: StatusService, profile: AppPaths) -> None:
    path = org_file(profile)
    path.write_text('[{"name": "All hands",', encoding="utf-8")
    service.presets.save(LUNCH)
    assert [p.name for p in service.presets.all()] == ["Lunch"]
    assert f"{path} is not valid JSON (line 1); its presets are left out." in service.file_warnings()
    assert path.read_text(encoding="utf-8") == '[{"name": "All hands",'  # never touched
    assert list(path.parent.glob("*.broken-*")) == []
    path.write_text(json.dumps([{"name": "Half", "accounts": {}}, LUNCH.to_dict()]), encoding="utf-8")
    store = PresetStore(profile.presets_file, [path])
    assert [p.name for p in store.system()] == ["Lunch"]
    assert store.warning == f"{path}: preset 'Half' is left out: The preset 'Half' gives no account anything."


def test_a_timed_preset_gives_each_account_its_own_part_and_ends_as_one(
    service: StatusService, demo: DemoServer, clock: Clock
) -> None:
    preset = Preset(
        "Deep work",
        accounts={
            "rocket": AccountPart(status="Focus time"),
            "callbell": AccountPart(availability=Availability.AWAY),
            "smartsheet": AccountPart(status="WFH", message="heads down"),
        },
        duration=timedelta(hours=2),
    )
    service.presets.save(preset)
    exchanges = demo.record()
    results = service.apply_preset("Deep work")
    assert [r.outcome for r in results] == [Outcome.OK, Outcome.OK, Outcome.OK]
    sent = writes(exchanges)
    focus = {"message": "Focus time", "status": "busy"}
    assert ("rocketchat", "POST", "/api/v1/users.setStatus", focus) in sent
    assert ("callbell", "PUT", f"/users/{seed.CB_USER_UUID}/status", {"available": False}) in sent
    [ss] = [s for s in sent if s[0] == "smartsheet"]
    assert "status=WFH" in str(ss[3]) and "heads+down" in str(ss[3])  # with its own start and end
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None and current["status"] == "WFH"

    [entry] = service.schedule_entries()
    longer = service.extend_scheduled(entry.id, timedelta(minutes=30))
    assert longer.end == clock.now + timedelta(hours=2, minutes=30)
    ended = service.end_scheduled_now(entry.id)
    assert ended.phase.finished
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is True


# ---- what a hand-edited file says -----------------------------------------------------------------


def write_user_file(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_second_preset_of_a_name_is_left_out_and_the_ones_after_it_kept(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    part = {"rocket": {"status": "Lunch"}}
    presets = [{"name": n, "accounts": part} for n in ("Lunch", "LUNCH", "Coffee", "Gym")]
    write_user_file(path, {"schema_version": 1, "presets": presets})
    store = PresetStore(path, [])
    assert [p.name for p in store.all()] == ["Lunch", "Coffee", "Gym"]
    assert "left out preset 'LUNCH' (a second preset with that name)" in store.warning
    assert [p["name"] for p in json.loads(path.read_text(encoding="utf-8"))["presets"]] == [
        "Lunch",
        "Coffee",
        "Gym",
    ]


def test_a_file_from_a_newer_trayapp_is_set_aside_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    write_user_file(path, {"schema_version": 2, "presets": []})
    store = PresetStore(path, [])
    assert store.all() == []
    [kept] = tmp_path.glob("presets.json.broken-*")
    assert store.warning == (
        f"presets.json was damaged (written by a newer trayapp); it was kept as {kept.name}"
        " and a fresh one was started."
    )


def test_what_an_account_gets_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    broken = {"name": "Lunch", "accounts": {"rocket": "Lunch"}}
    write_user_file(path, {"schema_version": 1, "presets": [broken]})
    store = PresetStore(path, [])
    assert store.all() == []
    assert "left out preset 'Lunch' (What a preset gives for 'rocket' must be an object.)" in store.warning


def test_an_unreadable_organisation_file_is_said_and_the_users_presets_kept(
    service: StatusService, profile: AppPaths
) -> None:
    path = org_file(profile)
    path.mkdir()  # unreadable as a file (tests run as root, so permissions would not stop a read)
    service.presets.save(LUNCH)
    assert [p.name for p in service.presets.all()] == ["Lunch"]
    said = f"Could not read {path}: Is a directory. Its presets are left out."
    assert said in service.file_warnings()


def test_an_organisation_file_that_is_not_a_list_is_said_once(
    service: StatusService, profile: AppPaths
) -> None:
    path = org_file(profile)
    write_user_file(path, {"name": "All hands", "accounts": {"rocket": {"status": "In a call"}}})
    service.presets.save(LUNCH)
    assert [p.name for p in service.presets.all()] == ["Lunch"]
    assert [p.name for p in service.presets.all()] == ["Lunch"]  # read again: not said again
    said = f"{path} must be a JSON list of presets; its presets are left out."
    assert service.file_warnings().count(said) == 1


def test_a_damaged_preset_leaves_the_ones_after_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    bad = {"name": "Broken", "accounts": {"rocket": {"availability": "sleepy"}}}
    good = {"name": "Lunch", "accounts": {"rocket": {"status": "Lunch"}}}
    write_user_file(path, {"schema_version": 1, "presets": [bad, good]})
    assert [p.name for p in PresetStore(path, []).all()] == ["Lunch"]


def test_each_hand_damaged_preset_is_named_with_what_is_wrong(tmp_path: Path) -> None:
    path = tmp_path / "presets.json"
    lunch = {"rocket": {"status": "Lunch"}}
    damaged = [
        {"name": 5, "accounts": lunch},
        {"name": "A", "accounts": "x"},
        {"name": "B", "accounts": lunch, "duration_minutes": 0},
        {"name": "C", "accounts": {"rocket": {"status": 5}}},
        {"name": "D", "accounts": {"rocket": {"availability": "sleepy"}}},
    ]
    write_user_file(path, {"schema_version": 1, "presets": damaged})
    store = PresetStore(path, [])
    assert store.all() == []
    [kept] = tmp_path.glob("presets.json.broken-*")
    assert store.warnings == [
        "presets.json: left out preset number 1 (The name must be text.); "
        "preset 'A' (The accounts of 'A' must be an object: account name -> what it gets.); "
        "preset 'B' (The duration of 'B' must be a number of minutes from 1 to 5256000, or null.); "
        "preset 'C' (The status for 'rocket' must be text.); "
        "preset 'D' (The availability for 'rocket' must be one of available, away, busy, offline.); "
        f"the file as it was is kept as {kept.name}."
    ]


def test_what_one_part_lacks_is_said_without_an_account_when_there_is_none() -> None:
    with pytest.raises(InputError) as caught:
        AccountPart.from_dict({"availability": "sleepy"})
    assert str(caught.value) == "The availability must be one of available, away, busy, offline."
    with pytest.raises(InputError) as caught:
        check_part(AccountPart(message="hi"))
    assert str(caught.value) == "A preset gives a status or an availability (a message goes with one)."
    with pytest.raises(InputError) as caught:
        check_part(AccountPart(status="Lunch", message="back\nlater"))
    assert str(caught.value) == "The message must be one line of text."


def test_a_preset_longer_than_ten_years_is_refused(tmp_path: Path) -> None:
    long = Preset("Long", accounts={"rocket": AccountPart(status="Lunch")}, duration=timedelta(days=4000))
    with pytest.raises(InputError) as caught:
        PresetStore(tmp_path / "presets.json", []).save(long)
    assert str(caught.value) == "The duration of 'Long' must be from one minute to ten years."


def test_asking_for_a_preset_when_there_are_none_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        PresetStore(tmp_path / "presets.json", []).get("Gym")
    assert str(caught.value) == "There is no preset named 'Gym' (presets: none yet)."


def test_a_timed_part_keeps_its_start_and_end() -> None:
    start, end = (
        datetime(2026, 12, 2, 12, tzinfo=timezone.utc),
        datetime(2026, 12, 2, 13, tzinfo=timezone.utc),
    )
    for part in (AccountPart(status="Lunch"), AccountPart(availability=Availability.AWAY)):
        change = part.change(start=start, end=end)
        assert (change.start, change.end) == (start, end)
