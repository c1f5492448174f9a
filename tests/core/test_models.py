"""How a change reads where the user sees it (the schedule list, the CLI's 'scheduled' lines, the log),
and which messages a service would cut."""

from __future__ import annotations

from dataclasses import replace

from trayapp.backends import CAPABILITIES
from trayapp.core.models import Availability, ChangeKind, CustomStatus, ServiceKind, StatusChange


def test_each_kind_of_change_reads_as_the_schedule_shows_it() -> None:
    assert StatusChange(ChangeKind.CLEAR).describe() == "clear status"
    away = StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY, message="at lunch")
    assert away.describe() == f"{Availability.AWAY.label} (at lunch)"
    lunch = CustomStatus(id="lunch", name="Lunch")
    shown_busy = StatusChange(ChangeKind.CUSTOM, status=lunch, availability=Availability.BUSY)
    assert shown_busy.describe() == lunch.label  # a custom status is named by its status
    assert StatusChange(ChangeKind.CUSTOM).describe() == "?"


def test_a_message_is_too_long_only_past_the_services_limit_in_characters() -> None:
    rc = CAPABILITIES[ServiceKind.ROCKETCHAT]
    limit = rc.max_message
    assert not rc.message_too_long("é" * limit) and rc.message_too_long("é" * limit + "x")
    assert not rc.message_too_long("🍽" * (limit // 2)) and rc.message_too_long("🍽" * (limit // 2) + "é")
    assert not rc.message_too_long(" " * 5 + "x" * limit + " ")  # the spaces around are not sent
    assert replace(rc, max_message=1).message_too_long("ab")  # any limit counts, however small
    assert not replace(rc, max_message=0).message_too_long("x" * 10_000)  # no known limit
