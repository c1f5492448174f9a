"""Callbell as its reference describes it (issue 13): the uuid forms people copy, emoji on create,
and DELETE /users/:uuid/status leaving availability alone."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.backends.conftest import CB, Backend
from trayapp.backends.callbell import CallbellBackend, normalise_uuid
from trayapp.core.errors import InputError
from trayapp.core.models import Availability, ChangeKind, CurrentStatus, StatusChange
from trayapp.demo import seed
from trayapp.demo.server import DemoServer

DASHED = "AD42A097-1581-4E64-83B1-C5DEBD6A2DBC"  # seed.CB_USER_UUID as a dashed, upper-case copy


@pytest.mark.parametrize(
    "copied", [seed.CB_USER_UUID, seed.CB_USER_UUID.upper(), DASHED, DASHED.lower(), f" {{{DASHED}}} "]
)
def test_uuid_forms_people_copy_are_accepted(
    make: Callable[..., Backend], demo: DemoServer, copied: str
) -> None:
    assert normalise_uuid(copied) == seed.CB_USER_UUID
    backend = make(CB, user=copied)
    wire = demo.record()
    backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
    assert [e.path for e in wire] == [f"/users/{seed.CB_USER_UUID}/status"]
    assert demo.cb_user_status(seed.CB_USER_UUID)["available"] is False


@pytest.mark.parametrize(
    "typo", ["ad42a097", "not-a-uuid", seed.CB_USER_UUID + "0", "ad42a09715814e6483b1c5debd6a2dbz"]
)
def test_a_wrong_uuid_says_what_it_looks_like_and_where_to_get_it(
    make: Callable[..., Backend], demo: DemoServer, typo: str
) -> None:
    with pytest.raises(InputError) as caught:
        make(CB, user=typo).clear()
    text = str(caught.value)
    assert text.startswith(f"The Callbell user uuid '{typo}' is not valid. ")
    assert (
        "32 hexadecimal characters" in text and "ask your Callbell account admin or Callbell support" in text
    )
    assert demo.request_count() == 0


def test_emoji_refused_on_create_is_dropped_and_the_status_still_made(
    make: Callable[..., Backend], demo: DemoServer
) -> None:
    demo.settings.cb_refuse_emoji = True
    backend = make(CB)
    assert isinstance(backend, CallbellBackend)
    wire = demo.record()
    created = backend.create_status("Gym", emoji="🏋️")
    assert (created.name, created.emoji) == ("Gym", "")
    posts = [(json.loads(e.body), e.status) for e in wire if e.method == "POST"]
    assert posts == [({"name": "Gym", "emoji": "🏋️"}, 400), ({"name": "Gym"}, 200)]
    assert [s["name"] for s in demo.cb_custom_statuses()].count("Gym") == 1


def test_emoji_is_kept_where_the_server_takes_it(make: Callable[..., Backend], demo: DemoServer) -> None:
    created = make(CB).create_status("Gym", emoji="🏋️")
    assert created.emoji == "🏋️"


@pytest.mark.parametrize("code", [200, 204])
@pytest.mark.parametrize("asked", [Availability.AWAY, Availability.AVAILABLE])
def test_clear_and_restore_leave_the_availability_asked_for(
    make: Callable[..., Backend], demo: DemoServer, code: int, asked: Availability
) -> None:
    demo.settings.cb_delete_status_code = code
    backend = make(CB)
    lunch = next(s for s in backend.list_statuses() if s.name == "Lunch")
    backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=asked))
    backend.apply(StatusChange(ChangeKind.CUSTOM, status=lunch))
    wire = demo.record()
    backend.clear()
    (deleted,) = wire
    assert (deleted.method, deleted.body, deleted.reply_body) == ("DELETE", b"", b"")  # empty both ways
    assert demo.cb_user_status(seed.CB_USER_UUID) == {
        "available": asked is Availability.AVAILABLE,
        "custom_status_id": None,
    }
    assert backend.current().availability is asked
    backend.apply(StatusChange(ChangeKind.CUSTOM, status=lunch))
    backend.restore(CurrentStatus(availability=asked))  # what was there before: no custom status
    assert demo.cb_user_status(seed.CB_USER_UUID) == {
        "available": asked is Availability.AVAILABLE,
        "custom_status_id": None,
    }
