"""What the CLI prints matches what it did: one rendering of a status, dates with their year, cancels
that say why nothing was cancelled, create checks made before any request."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tests.cli.conftest import CLI
from trayapp.demo.server import DemoServer


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _row(out: str, account: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(account + " "))


def test_clear_says_what_happened(accounts: CLI) -> None:
    accounts("set", "Lunch")
    result = accounts("clear")
    assert result.code == 0
    assert result.out.splitlines() == [
        "rocket: status cleared",
        "callbell: status cleared",
        "smartsheet: status cleared",
    ]


def test_a_status_is_shown_the_same_way_by_set_status_and_statuses(accounts: CLI) -> None:
    assert "🍙 Lunch" in _row(accounts("statuses", "--account", "callbell").out, "callbell")
    applied = accounts("set", "Lunch", "--account", "callbell")
    assert applied.out.splitlines() == ["callbell: 🍙 Lunch"]
    assert _row(accounts("status").out, "callbell").endswith("🍙 Lunch")
    row = next(r for r in json.loads(accounts("status", "--json").out) if r["account"] == "callbell")
    assert (row["status"], row["emoji"]) == ("Lunch", "🍙")


def test_an_end_in_another_year_is_printed_with_its_year(accounts: CLI) -> None:
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    end = now + timedelta(days=400)  # always in a later year than now
    year = str(end.astimezone().year)
    native = accounts("set", "OOF", "--end", _iso(end), "--account", "smartsheet")
    assert native.code == 0, native.err
    assert _row(accounts("status").out, "smartsheet").endswith(
        "Out of office until " + end.astimezone().strftime(f"%d %b {year} %H:%M")
    )
    start = now + timedelta(days=400)
    kept = accounts("set", "Lunch", "--start", _iso(start), "--for", "30m", "--account", "rocket")
    assert kept.code == 0, kept.err
    line = kept.out.splitlines()[0]
    assert line.startswith("rocket: Lunch from ") and line.count(year) == 2, line  # start and end
    listed = next(row for row in accounts("schedule").out.splitlines() if " rocket " in row)
    assert listed.count(year) == 2, listed


def test_cancelling_a_replaced_change_names_the_replacement_and_fails(accounts: CLI) -> None:
    start = _iso(datetime.now(timezone.utc) + timedelta(hours=1))
    accounts("set", "Lunch", "--start", start, "--for", "30m", "--account", "rocket")
    accounts("set", "Back soon", "--start", start, "--for", "30m", "--account", "rocket")
    rows = {r["change"]: r for r in json.loads(accounts("schedule", "--json").out)}
    old, new = rows["Lunch"]["id"], rows["Back soon"]["id"]
    assert rows["Lunch"]["phase"] == "superseded"
    result = accounts("schedule", "cancel", old)
    assert result.code == 1 and result.out == ""
    assert result.err_lines == [
        f"trayapp: 'Lunch' ({old}) has already been replaced by 'Back soon' ({new}); "
        f"there is nothing to cancel. Cancel {new} instead."
    ]
    after = {r["id"]: r["phase"] for r in json.loads(accounts("schedule", "--json").out)}
    assert after == {old: "superseded", new: "scheduled"}  # nothing else changed
    again = accounts("schedule", "cancel", new)
    assert again.code == 0 and accounts("schedule", "cancel", new).code == 0  # cancelled twice: still so
    assert "already cancelled" in accounts("schedule", "cancel", new).out


def test_create_checks_type_and_emoji_before_any_request(accounts: CLI, demo: DemoServer) -> None:
    before = [s["name"] for s in demo.cb_custom_statuses()]
    sent = demo.request_count(method="POST")
    assert accounts("create", "X", "--account", "rocket", "--type", "sleepy").code == 2
    assert accounts("create", "X", "--account", "callbell", "--emoji", "notanemoji").code == 2
    assert demo.request_count(method="POST") == sent
    assert [s["name"] for s in demo.cb_custom_statuses()] == before  # no "notanemoji X"


def test_create_takes_an_emoji_or_its_shortcode(accounts: CLI, demo: DemoServer) -> None:
    assert accounts("create", "Ramen", "--account", "callbell", "--emoji", ":ramen:").code == 0
    assert accounts("create", "Coffee", "--account", "callbell", "--emoji", "☕").code == 0
    made = {s["name"]: s["emoji"] for s in demo.cb_custom_statuses()}
    assert (made["Ramen"], made["Coffee"]) == ("🍜", "☕")
    typed = accounts("create", "Deep work", "--account", "rocket", "--type", "Busy")
    assert typed.code == 0, typed.err
    assert {s["name"]: s["statusType"] for s in demo.rc_custom_statuses()}["Deep work"] == "busy"
