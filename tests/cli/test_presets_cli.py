"""`trayapp preset`, `set --preset`, `recent`, `edit` and `delete` as a user runs them: the real CLI in
its own process, against the demo server over real HTTP, with the exit codes of the README's table."""

from __future__ import annotations

import json
from datetime import datetime

from tests.cli.conftest import CLI, Trayapp
from trayapp.core.paths import AppPaths
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

LUNCH = (
    "preset", "add", "Lunch", "--emoji", ":hamburger:",
    "--status", "rocket=Lunch", "--status", "callbell=Lunch", "--away",
    "--account", "rocket", "--account", "callbell", "--for", "1h",
)  # fmt: skip


def test_lunch_is_added_listed_applied_and_removed(trayapp: Trayapp, demo: DemoServer) -> None:
    added = trayapp(*LUNCH)
    assert added.code == 0, added.err
    assert added.out == "Saved preset '🍔 Lunch': rocket: Lunch, Away; callbell: Lunch, Away; for 1 hour.\n"
    listed = json.loads(trayapp("preset", "list", "--json").out)
    assert listed == [
        {
            "name": "Lunch",
            "emoji": "🍔",
            "accounts": {
                "rocket": {"status": "Lunch", "availability": "away", "message": None},
                "callbell": {"status": "Lunch", "availability": "away", "message": None},
            },
            "duration_minutes": 60,
            "system": False,
        }
    ]
    smartsheet_writes = demo.request_count("smartsheet", "POST")
    applied = trayapp("set", "--preset", "lunch")
    assert applied.code == 0, applied.err
    lines = [line for line in applied.out.splitlines() if ": note: " not in line]
    assert lines[0].startswith("rocket: 🍔 Lunch until ") and lines[1].startswith("callbell: 🍔 Lunch until ")
    assert "smartsheet: skipped: 'Lunch' leaves Smartsheet RM alone." in lines
    assert demo.rc_user(seed.RC_ALICE_ID)["statusText"] == "Lunch"
    assert demo.rc_user(seed.RC_ALICE_ID)["statusDefault"] == "away"
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False
    assert demo.request_count("smartsheet", "POST") == smartsheet_writes  # left alone
    scheduled = json.loads(trayapp("schedule", "--json").out)
    assert [(e["change"], e["accounts"], e["phase"]) for e in scheduled] == [
        ("🍔 Lunch", ["rocket", "callbell"], "active")
    ]
    assert trayapp("preset", "remove", "LUNCH").out == "Removed preset '🍔 Lunch'.\n"
    assert json.loads(trayapp("preset", "list", "--json").out) == []


def test_an_account_not_named_gets_the_availability_only(trayapp: Trayapp) -> None:
    added = trayapp(
        "preset", "add", "Away", "--status", "rocket=Commuting", "--away", "--message", "on the train"
    )
    assert added.code == 0, added.err
    [preset] = json.loads(trayapp("preset", "list", "--json").out)
    assert preset["accounts"] == {
        "rocket": {"status": "Commuting", "availability": "away", "message": "on the train"},
        "callbell": {"status": None, "availability": "away", "message": "on the train"},
        "smartsheet": {"status": None, "availability": "away", "message": "on the train"},
    }
    assert preset["duration_minutes"] is None


def test_an_availability_a_service_lacks_is_left_out_with_a_note(trayapp: Trayapp) -> None:
    added = trayapp("preset", "add", "Heads down", "--status", "callbell=Training", "--busy")
    assert added.code == 0, added.err
    assert "note: callbell: Callbell has no 'Busy'; it gets its status only." in added.out
    assert "note: smartsheet: Smartsheet RM has no 'Busy'; it is left alone." in added.out
    [preset] = json.loads(trayapp("preset", "list", "--json").out)
    assert preset["accounts"] == {
        "rocket": {"status": None, "availability": "busy", "message": None},
        "callbell": {"status": "Training", "availability": None, "message": None},
    }


def test_for_on_set_overrides_the_presets_duration(trayapp: Trayapp) -> None:
    trayapp(*LUNCH)
    applied = trayapp("set", "--preset", "Lunch", "--for", "2h")
    assert applied.code == 0, applied.err
    [entry] = json.loads(trayapp("schedule", "--json").out)
    span = datetime.fromisoformat(entry["end"]) - datetime.fromisoformat(entry["start"])
    assert abs(span.total_seconds() - 7200) < 5  # from when the CLI read the clock to the entry's start


ERRORS = [
    (("set", "--preset", "Brunch"), 1, "trayapp: There is no preset named 'Brunch' (presets: 'Lunch')."),
    (("set", "--preset", "Lunch", "--away"), 2, "trayapp: --preset sets what the preset says"),
    (("set", "--preset", "Lunch", "--for", "soon"), 2, "trayapp: 'soon' is not a duration"),
    (("preset", "add", "X", "--status", "nobody=Lunch"), 1, "trayapp: There is no account named 'nobody'"),
    (
        ("preset", "add", "X", "--status", "rocket=Gym"),
        1,
        "trayapp: rocket: Rocket.Chat has no status named 'Gym'",
    ),
    (("preset", "add", "X", "--status", "rocket"), 2, "trayapp: 'rocket' is not ACCOUNT=STATUS"),
    (("preset", "add", "X"), 2, "trayapp: Say what the preset sets"),
    (("preset", "add", "X", "--away", "--for", "0m"), 2, "trayapp: "),
    (("preset", "add", "Lunch", "--away"), 1, "trayapp: A preset named 'Lunch' already exists"),
    (("preset", "add", "X", "--away", "--emoji", "nope"), 2, "trayapp: 'nope' is not an emoji"),
    (("preset", "remove", "Brunch"), 1, "trayapp: There is no preset named 'Brunch'"),
    (("preset",), 2, "trayapp: "),
    (("recent", "repeat", "9"), 2, "trayapp: '9' is not a number from 1 to 1"),
]


def test_what_goes_wrong_is_one_line_and_its_exit_code(trayapp: Trayapp) -> None:
    trayapp(*LUNCH)
    trayapp("set", "Lunch", "--account", "rocket")  # one recent
    for argv, code, message in ERRORS:
        ran = trayapp(*argv)
        assert (ran.code, len(ran.err.splitlines())) == (code, 1), (argv, ran.err)
        assert ran.err.startswith(message), (argv, ran.err)


def test_system_presets_are_listed_apart_and_never_removed(trayapp: Trayapp, profile: AppPaths) -> None:
    org = profile.system_presets_files[0]
    org.parent.mkdir(parents=True)
    org.write_text(
        json.dumps(
            [{"name": "All hands", "accounts": {"rocket": {"status": "In a call"}}, "duration_minutes": 30}]
        ),
        encoding="utf-8",
    )
    trayapp(*LUNCH)
    listed = trayapp("preset", "list")
    words = ["All", "hands", "rocket:", "In", "a", "call", "30", "minutes", "(your", "organisation's)"]
    assert listed.out.splitlines()[-1].split() == words
    assert [(p["name"], p["system"]) for p in json.loads(trayapp("preset", "list", "--json").out)] == [
        ("Lunch", False),
        ("All hands", True),
    ]
    refused = trayapp("preset", "remove", "All hands")
    assert refused.code == 1
    assert (
        refused.err == "trayapp: 'All hands' is one of your organisation's presets; it cannot be removed.\n"
    )
    applied = trayapp("set", "--preset", "All hands")
    assert applied.code == 0 and applied.out.startswith("rocket: All hands until ")
    org.write_text("[{", encoding="utf-8")
    broken = trayapp("preset", "list", "--json")
    assert broken.code == 0 and [p["name"] for p in json.loads(broken.out)] == ["Lunch"]
    assert broken.err == f"trayapp: warning: {org} is not valid JSON (line 1); its presets are left out.\n"
    assert org.read_text(encoding="utf-8") == "[{"


def test_recent_lists_newest_first_and_repeats(trayapp: Trayapp, demo: DemoServer) -> None:
    assert trayapp("recent").out == "No recent changes yet.\n"
    trayapp(*LUNCH)
    assert trayapp("set", "Meeting", "--account", "callbell", "--for", "30m").code == 0
    assert trayapp("set", "--preset", "Lunch").code == 0
    assert trayapp("clear").code == 0  # not a recent
    recents = json.loads(trayapp("recent", "--json").out)
    assert [(r["label"], r["accounts"], r["duration_minutes"]) for r in recents] == [
        ("Lunch", ["rocket", "callbell"], 60),
        ("Meeting", ["callbell"], 30),
    ]
    assert trayapp("recent").out.splitlines()[1].split()[:6] == [
        "2",
        "Meeting",
        "on",
        "callbell",
        "for",
        "30",
    ]
    repeated = trayapp("recent", "repeat", "2")
    assert repeated.code == 0, repeated.err
    assert repeated.out.startswith(
        "Repeating Meeting on callbell for 30 minutes.\ncallbell: 📅 Meeting until "
    )
    meeting = next(s["id"] for s in demo.cb_custom_statuses() if s["name"] == "Meeting")
    assert demo.cb_user_status(seed.CB_USER_UUID)["custom_status_id"] == meeting
    assert [r["label"] for r in json.loads(trayapp("recent", "--json").out)] == ["Meeting", "Lunch"]


def test_edit_and_delete_on_rocketchat_and_the_others_say_they_cannot(
    trayapp: Trayapp, demo: DemoServer
) -> None:
    edited = trayapp("edit", "Lunch", "--account", "rocket", "--name", "Late lunch", "--type", "busy")
    assert (edited.code, edited.out) == (0, "rocket: 'Lunch' is now 'Late lunch' (busy).\n")
    names = {s["name"]: s["statusType"] for s in demo.rc_custom_statuses()}
    assert names.get("Late lunch") == "busy" and "Lunch" not in names
    assert trayapp("delete", "Late lunch", "--account", "rocket").out == "rocket: deleted 'Late lunch'.\n"
    assert "Late lunch" not in {s["name"] for s in demo.rc_custom_statuses()}
    gone = trayapp("delete", "Late lunch", "--account", "rocket")
    assert (gone.code, gone.err) == (1, "trayapp: Rocket.Chat has no status named 'Late lunch'.\n")
    cannot = trayapp("delete", "Lunch", "--account", "callbell")
    assert cannot.code == 1
    assert (
        cannot.err
        == "trayapp: Callbell's API cannot change or delete custom statuses: do it in Callbell itself.\n"
    )
    nothing = trayapp("edit", "Lunch", "--account", "rocket")
    assert (nothing.code, nothing.err) == (
        2,
        "trayapp: Say what to change: --name NEW_NAME and/or --type TYPE.\n",
    )
    bad_type = trayapp("edit", "Lunch", "--account", "rocket", "--type", "sleepy")
    assert bad_type.code == 2


def test_a_preset_for_two_accounts_is_listed_as_each_with_its_part(accounts: CLI) -> None:
    """In-process (`main(argv)`), so the mutation run sees which functions this test reaches."""
    added = accounts(*LUNCH)
    assert added.code == 0, added.err
    assert added.out == "Saved preset '🍔 Lunch': rocket: Lunch, Away; callbell: Lunch, Away; for 1 hour.\n"
    listed = accounts("preset", "list")
    words = ["🍔", "Lunch", "rocket:", "Lunch,", "Away;", "callbell:", "Lunch,", "Away", "1", "hour"]
    assert listed.out.split() == words
