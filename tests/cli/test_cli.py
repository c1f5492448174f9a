"""Every CLI verb against the demo server over real HTTP, and every error path as one readable line."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx
import keyring
import pytest

from tests.cli.conftest import CLI, point_every_account_at_a_dead_port
from trayapp import __version__
from trayapp.core.paths import AppPaths
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def ss_status(demo: DemoServer) -> str | None:
    """The Smartsheet RM status code the demo user has now (None: no status at all)."""
    current = demo.ss_current(seed.SS_USER_ID)
    return None if current is None else str(current["status"])


def test_version(cli: CLI) -> None:
    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"trayapp {__version__}"


def test_add_list_and_remove_accounts(accounts: CLI) -> None:
    listed = json.loads(accounts("accounts", "list", "--json").out)
    assert [(a["name"], a["service"]) for a in listed] == [
        ("rocket", "rocketchat"),
        ("callbell", "callbell"),
        ("smartsheet", "smartsheet"),
    ]
    assert set(listed[0]) == {"name", "service", "url", "user"}
    assert keyring.get_password("trayapp", "callbell:callbell") == seed.CB_TOKEN
    removed = accounts("accounts", "remove", "callbell")
    assert removed.code == 0
    assert keyring.get_password("trayapp", "callbell:callbell") is None
    assert [a["name"] for a in json.loads(accounts("accounts", "list", "--json").out)] == [
        "rocket",
        "smartsheet",
    ]
    again = accounts("accounts", "remove", "callbell")
    assert again.code == 1 and again.err_lines == [
        "trayapp: There is no account named 'callbell' (accounts: rocket, smartsheet)."
    ]


def test_smartsheet_user_found_by_email_case_insensitively(accounts: CLI) -> None:
    listed = json.loads(accounts("accounts", "list", "--json").out)
    assert listed[2]["user"]  # the display name/e-mail of user id 7
    settings = json.loads((AppPaths.default().settings_file).read_text(encoding="utf-8"))
    assert settings["accounts"][2]["user"] == str(seed.SS_USER_ID)


def test_rocketchat_password_login_with_two_factor(cli: CLI, demo: DemoServer) -> None:
    base = (
        "accounts",
        "add",
        "rocketchat",
        "bob",
        "--url",
        demo.rocketchat_url,
        "--username",
        seed.RC_BOB_USERNAME,
        "--password-stdin",
    )
    asked = cli(*base, stdin=seed.RC_BOB_PASSWORD + "\n")
    assert asked.code == 1 and len(asked.err_lines) == 1 and "--code" in asked.err
    wrong = cli(*base, "--code", "000000", stdin=seed.RC_BOB_PASSWORD + "\n")
    assert wrong.code == 1 and len(wrong.err_lines) == 1
    ok = cli(*base, "--code", seed.RC_BOB_TOTP, stdin=seed.RC_BOB_PASSWORD + "\n")
    assert ok.code == 0, ok.err
    stored = keyring.get_password("trayapp", "rocketchat:bob")
    assert stored and stored != seed.RC_BOB_PASSWORD  # the token, never the password
    settings = AppPaths.default().settings_file.read_text(encoding="utf-8")
    assert seed.RC_BOB_PASSWORD not in settings and stored not in settings


def test_bad_token_is_refused_and_nothing_saved(cli: CLI, demo: DemoServer) -> None:
    result = cli(
        "accounts",
        "add",
        "callbell",
        "cb",
        "--url",
        demo.callbell_url,
        "--user-uuid",
        seed.CB_USER_UUID,
        "--token-stdin",
        stdin="wrong-token\n",
    )
    assert result.code == 1 and len(result.err_lines) == 1
    assert "Callbell" in result.err and "wrong-token" not in result.err
    assert json.loads(cli("accounts", "list", "--json").out) == []
    assert keyring.get_password("trayapp", "callbell:cb") is None


def test_plain_http_refused_except_loopback(cli: CLI) -> None:
    result = cli(
        "accounts",
        "add",
        "callbell",
        "cb",
        "--url",
        "http://callbell.example.com/v1",
        "--user-uuid",
        "x",
        "--token-stdin",
        stdin="t\n",
    )
    assert result.code == 2 and "https" in result.err and len(result.err_lines) == 1  # a usage error


def test_statuses_follow_pagination_and_json_shape(accounts: CLI) -> None:
    rows = json.loads(accounts("statuses", "--json").out)
    assert all(set(r) == {"account", "id", "name", "type", "emoji"} for r in rows)
    by_account: dict[str, list[str]] = {}
    for row in rows:
        by_account.setdefault(row["account"], []).append(row["name"])
    assert sorted(by_account["rocket"]) == sorted(n for n, _ in seed.RC_STATUSES)
    assert sorted(by_account["callbell"]) == sorted(n for n, _ in seed.CB_STATUSES)  # several pages of 2
    assert len(by_account["smartsheet"]) == 6 and "Out of office" in by_account["smartsheet"]
    only = json.loads(accounts("statuses", "--account", "callbell", "--refresh", "--json").out)
    assert {r["account"] for r in only} == {"callbell"}


def test_statuses_work_offline_from_the_cache(accounts: CLI, demo: DemoServer) -> None:
    accounts("statuses")
    demo.set_fault("503")
    cached = accounts("statuses", "--json")
    assert cached.code == 0 and len(json.loads(cached.out)) > 10
    refreshed = accounts("statuses", "--refresh")
    assert refreshed.code == 75 and len(refreshed.err_lines) == 3  # one line per account, unreachable


def test_create_then_duplicate(accounts: CLI, demo: DemoServer) -> None:
    created = accounts("create", "In a meeting", "--account", "rocket", "--type", "busy")
    assert created.code == 0, created.err
    duplicate = accounts("create", "In a meeting", "--account", "rocket", "--type", "busy")
    assert duplicate.code == 1 and len(duplicate.err_lines) == 1
    assert "already in use" in duplicate.err
    names = [r["name"] for r in json.loads(accounts("statuses", "--account", "rocket", "--json").out)]
    assert names.count("In a meeting") == 1


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (("Nope", "--account", "rocket", "--type", "sleepy"), 2, "not a Rocket.Chat status type"),
        (("   ", "--account", "rocket", "--type", "busy"), 2, "needs a name"),
        (("Bad <b>", "--account", "rocket", "--type", "busy"), 1, "not a valid name"),
        (("Lunch 2", "--account", "smartsheet"), 1, "fixed set of statuses"),
        (("Lunch 2", "--account", "nobody"), 1, "no account named 'nobody'"),
    ],
)
def test_create_errors_are_one_specific_line(
    accounts: CLI, args: tuple[str, ...], code: int, expected: str
) -> None:
    result = accounts("create", *args)  # 2: the command line is wrong; 1: the account or server refused
    assert result.code == code and len(result.err_lines) == 1 and expected in result.err, result.err


def test_create_without_permission(cli: CLI, demo: DemoServer) -> None:
    cli(
        "accounts",
        "add",
        "rocketchat",
        "carol",
        "--url",
        demo.rocketchat_url,
        "--user-id",
        seed.RC_CAROL_ID,
        "--token-stdin",
        stdin=seed.RC_CAROL_PAT + "\n",
    )
    result = cli("create", "Mine", "--account", "carol", "--type", "busy")
    assert result.code == 1 and "manage-user-status" in result.err and len(result.err_lines) == 1


def test_set_named_status_applies_where_it_exists(accounts: CLI, demo: DemoServer) -> None:
    accounts("create", "In a meeting", "--account", "rocket", "--type", "busy")
    result = accounts("set", "In a meeting")
    assert result.code == 0, result.err
    assert "callbell: skipped: Callbell has no status named 'In a meeting'." in result.out
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "In a meeting")
    rows = {r["account"]: r for r in json.loads(accounts("status", "--json").out)}
    assert set(rows["rocket"]) >= {"account", "service", "availability", "status", "message", "start", "end"}
    assert rows["rocket"]["availability"] == "busy" and rows["rocket"]["message"] == "In a meeting"


def test_set_unknown_everywhere_fails(accounts: CLI) -> None:
    result = accounts("set", "Nonexistent")
    assert result.code == 1
    assert result.err_lines == ["trayapp: Nothing was changed: no account could apply 'Nonexistent'."]


def test_set_away_makes_callbell_unavailable(accounts: CLI, demo: DemoServer) -> None:
    result = accounts("set", "--away")
    assert result.code == 0, result.err
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False
    assert demo.rc_user(seed.RC_ALICE_ID)["statusDefault"] == "away"
    assert ss_status(demo) == "OOF"
    rows = {r["account"]: r for r in json.loads(accounts("status", "--json").out)}
    assert {r["availability"] for r in rows.values()} == {"away"}


def test_set_busy_skips_services_without_busy(accounts: CLI) -> None:
    result = accounts("set", "--busy")
    assert result.code == 0
    assert "callbell: skipped: Callbell has no 'Busy' availability" in result.out


def test_smartsheet_out_of_office_with_message_and_window(accounts: CLI, demo: DemoServer) -> None:
    result = accounts(
        "set",
        "OOF",
        "--message",
        "Dentist",
        "--start",
        "2030-01-02T09:00:00Z",
        "--end",
        "2030-01-02T17:00:00Z",
        "--account",
        "smartsheet",
    )
    assert result.code == 0, result.err
    current = demo.ss_current(seed.SS_USER_ID)
    assert current is not None
    assert (current["status"], current["message"]) == ("OOF", "Dentist")
    assert current["start"].startswith("2030-01-02T09:00") and current["end"].startswith("2030-01-02T17:00")
    row = next(r for r in json.loads(accounts("status", "--json").out) if r["account"] == "smartsheet")
    assert row["status"] == "Out of office" and row["message"] == "Dentist" and row["end"]


def test_set_rejects_bad_times(accounts: CLI) -> None:
    assert "not a duration" in accounts("set", "Lunch", "--for", "soon").err
    backwards = accounts("set", "Lunch", "--start", "2030-01-02T10:00Z", "--end", "2030-01-02T09:00Z")
    assert backwards.code == 2 and backwards.err_lines == [
        "trayapp: The end time must be after the start time."
    ]


def test_future_start_is_scheduled_not_applied(accounts: CLI, demo: DemoServer) -> None:
    start = (datetime.now(timezone.utc) + timedelta(hours=1)).isoformat()
    before = demo.rc_user(seed.RC_ALICE_ID)
    result = accounts("set", "Lunch", "--start", start, "--for", "30m", "--account", "rocket")
    assert result.code == 0, result.err
    assert "rocket: Lunch from" in result.out
    assert demo.rc_user(seed.RC_ALICE_ID) == before  # nothing sent yet
    rows = json.loads(accounts("schedule", "--json").out)
    assert [(r["accounts"], r["change"], r["phase"]) for r in rows] == [(["rocket"], "Lunch", "scheduled")]
    cancelled = accounts("schedule", "cancel", rows[0]["id"])
    assert cancelled.code == 0 and "cancelled" in cancelled.out
    assert json.loads(accounts("schedule", "--json").out)[0]["phase"] == "cancelled"
    unknown = accounts("schedule", "cancel", "nope")
    assert unknown.code == 1 and len(unknown.err_lines) == 1


def test_set_for_applies_now_and_records_the_end(accounts: CLI, demo: DemoServer) -> None:
    accounts("set", "In a call", "--account", "rocket")
    result = accounts("set", "Lunch", "--for", "1h", "--account", "rocket")
    assert result.code == 0, result.err
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"
    rows = json.loads(accounts("schedule", "--json").out)
    assert rows[0]["phase"] == "active" and rows[0]["end"]
    cancelled = accounts("schedule", "cancel", rows[0]["id"])  # an active change ends now: restored
    assert cancelled.code == 0
    user = demo.rc_user(seed.RC_ALICE_ID)
    assert (user["statusDefault"], user["statusText"]) == ("busy", "In a call")


def test_clear(accounts: CLI, demo: DemoServer) -> None:
    accounts("set", "Lunch")
    result = accounts("clear")
    assert result.code == 0, result.err
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] is None
    assert ss_status(demo) == "ITO"


def test_clear_one_account_leaves_the_others(accounts: CLI, demo: DemoServer) -> None:
    accounts("set", "Lunch")
    result = accounts("clear", "--account", "rocket")
    assert result.code == 0, result.err
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == ""
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] is not None  # still at lunch


def test_a_timed_change_refused_at_once_is_a_failure_not_ok(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("403", service="rocketchat")
    result = accounts("set", "Lunch", "--for", "1h", "--account", "rocket")
    assert result.code == 1
    [line] = result.err_lines
    assert "rocket" in line and "refused" in line
    assert "Lunch until" not in result.out  # not reported as set
    [row] = json.loads(accounts("schedule", "--json").out)
    assert row["phase"] == "failed"


@pytest.mark.parametrize(
    ("fault", "code", "expected"),
    [
        ("reset", 75, "cut off"),
        ("503", 75, "unavailable"),
        ("429", 75, "Rocket.Chat"),
        ("malformed", 1, "not JSON"),
        ("html", 75, "web page"),
        ("401", 1, "make a new personal access token"),
    ],
)
def test_failures_are_one_line_per_account(
    accounts: CLI, demo: DemoServer, fault: str, code: int, expected: str
) -> None:
    demo.set_fault(fault, service="rocketchat")
    result = accounts("set", "Lunch", "--account", "rocket")
    assert result.code == code and len(result.err_lines) == 1, result.err
    assert result.err.startswith("trayapp: rocket: ") and expected in result.err
    if code == 75:  # unreachable or rate limited: kept, not lost
        assert "is kept and will be sent" in result.err


def test_undelivered_change_is_kept_and_the_latest_intent_wins(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("503", service="callbell")
    assert accounts("set", "Lunch", "--account", "callbell").code == 75
    assert accounts("set", "--away", "--account", "callbell").code == 75
    row = next(r for r in json.loads(accounts("status", "--json").out) if r["account"] == "callbell")
    assert row["pending"] == "Away" and row["live"] is False
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is True  # nothing arrived yet
    demo.clear_faults()
    delivered = accounts("status")
    assert "callbell: Sent 'Away', which was waiting since" in delivered.out
    assert demo.cb_user_status(seed.CB_USER_UUID) == {"available": False, "custom_status_id": None}
    assert "pending" not in accounts("status").out


def test_a_newer_change_replaces_an_undelivered_one(accounts: CLI, demo: DemoServer) -> None:
    demo.set_fault("503", service="callbell", count=3)
    assert accounts("set", "--away", "--account", "callbell").code == 75
    assert accounts("set", "--available", "--account", "callbell").code == 0
    assert "Sent" not in accounts("status").out  # the old 'Away' is not replayed over the newer change
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is True


def test_server_down(accounts: CLI, profile: AppPaths) -> None:
    point_every_account_at_a_dead_port(profile)
    result = accounts("clear")
    assert result.code == 75 and len(result.err_lines) == 3
    assert all("Cannot reach" in line and "is kept" in line for line in result.err_lines), result.err


def test_broken_settings_file_is_reported_and_kept(cli: CLI, profile: AppPaths) -> None:
    profile.settings_file.parent.mkdir(parents=True, exist_ok=True)
    profile.settings_file.write_text("{oops", encoding="utf-8")
    result = cli("accounts", "list")
    assert result.code == 0 and "settings.json was damaged" in result.err
    assert list(profile.config_dir.glob("settings.json.broken-*"))


def test_usage_errors_are_one_line(cli: CLI) -> None:
    result = cli("set", "--away", "--busy")
    assert result.code == 2 and len(result.err_lines) == 1


def test_no_token_in_any_file_or_output_after_a_session(
    accounts: CLI, demo: DemoServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    runs = [
        accounts("create", "In a meeting", "--account", "rocket", "--type", "busy"),
        accounts("set", "In a meeting", "--for", "30m"),
        accounts("set", "--away"),
    ]
    demo.set_fault("401", service="callbell", count=1)
    runs.append(accounts("clear"))
    demo.set_fault("503", service="smartsheet", count=3)  # kept in pending.json
    runs.append(accounts("set", "--available"))
    demo.set_fault("malformed", service="rocketchat", count=1)
    runs += [accounts("status"), accounts("schedule"), accounts("status", "--json")]
    tokens = (seed.RC_ALICE_PAT, seed.CB_TOKEN, seed.SS_TOKEN)
    files = [p for p in tmp_path.rglob("*") if p.is_file()]  # XDG config/cache/data/state/runtime
    hits = [(str(p), t) for p in files for t in tokens if t.encode() in p.read_bytes()]
    text = caplog.text + "".join(r.out + r.err for r in runs)
    hits += [("output or log", t) for t in tokens if t in text]
    assert hits == []
    names = {p.name for p in files}
    assert {"trayapp.log", "settings.json", "statuses.json", "schedule.json", "pending.json"} <= names


def test_demo_server_command_prints_its_url() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "trayapp", "demo-server"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        reply = httpx.get(
            url + seed.CALLBELL_PREFIX + "/auth/me", headers={"Authorization": f"Bearer {seed.CB_TOKEN}"}
        )
        assert reply.json()["user_email"] == seed.CB_USER_EMAIL
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()


def test_autostart_on_off_status(cli: CLI) -> None:
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "trayapp.desktop"
    assert cli("autostart", "status").out.startswith("Launch at login is off")
    on = cli("autostart", "on")
    assert on.code == 0 and on.out.startswith("Launch at login is on") and entry.exists()
    assert "--background" in entry.read_text(encoding="utf-8")
    assert cli("autostart", "on").code == 0  # idempotent
    off = cli("autostart", "off")
    assert off.code == 0 and off.out.startswith("Launch at login is off") and not entry.exists()
