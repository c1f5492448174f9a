"""Editing and deleting custom statuses through StatusService, over real HTTP: Rocket.Chat's
custom-user-status.update / .delete; Callbell and Smartsheet RM say they cannot."""

from __future__ import annotations

import httpx
import pytest

from trayapp.core.errors import NotFound, PermissionDenied, Unsupported
from trayapp.core.models import Account, ServiceKind
from trayapp.core.service import StatusService
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def rc_names(demo: DemoServer) -> dict[str, str]:
    return {s["name"]: s["statusType"] for s in demo.rc_custom_statuses()}


def test_rename_and_retype_on_rocketchat(service: StatusService, demo: DemoServer) -> None:
    updated = service.update_status("rocket", "Lunch", "Late lunch", type="busy")
    assert (updated.name, updated.type) == ("Late lunch", "busy")
    assert rc_names(demo)["Late lunch"] == "busy" and "Lunch" not in rc_names(demo)
    cached = [s.name for s in service.cached_statuses("rocket") or ()]
    assert "Late lunch" in cached and "Lunch" not in cached
    kept = service.update_status("rocket", "Late lunch", "Lunch")  # no type: the status keeps its own
    assert kept.type == "busy"


def test_delete_on_rocketchat(service: StatusService, demo: DemoServer) -> None:
    deleted = service.delete_status("rocket", "Commuting")
    assert deleted.name == "Commuting"
    assert "Commuting" not in rc_names(demo)
    assert "Commuting" not in [s.name for s in service.cached_statuses("rocket") or ()]
    with pytest.raises(NotFound, match=r"Rocket\.Chat has no status named 'Commuting'"):
        service.delete_status("rocket", "Commuting")


def test_a_status_deleted_elsewhere_is_said_plainly(service: StatusService, demo: DemoServer) -> None:
    [lunch] = [s for s in service.cached_statuses("rocket") or () if s.name == "Lunch"]
    headers = {"X-User-Id": seed.RC_ALICE_ID, "X-Auth-Token": seed.RC_ALICE_PAT}
    gone = httpx.post(  # deleted in Rocket.Chat itself, after trayapp cached the list
        f"{demo.rocketchat_url}/api/v1/custom-user-status.delete",
        headers=headers,
        json={"customUserStatusId": lunch.id},
    )
    assert gone.is_success
    with pytest.raises(NotFound, match="no such custom status any more"):
        service.update_status("rocket", lunch, "Brunch")  # the cached one: the server no longer has it
    with pytest.raises(NotFound, match="no such custom status any more"):
        service.delete_status("rocket", lunch)


def test_without_manage_user_status_rocketchat_refuses(service: StatusService, demo: DemoServer) -> None:
    service.add_account(
        Account("carol", ServiceKind.ROCKETCHAT, demo.rocketchat_url, seed.RC_CAROL_ID), seed.RC_CAROL_PAT
    )
    with pytest.raises(PermissionDenied, match="manage-user-status"):
        service.update_status("carol", "Lunch", "Brunch")
    with pytest.raises(PermissionDenied, match="manage-user-status"):
        service.delete_status("carol", "Lunch")
    assert "Lunch" in rc_names(demo)


@pytest.mark.parametrize("name", ["callbell", "smartsheet"])
def test_callbell_and_smartsheet_say_they_cannot(service: StatusService, demo: DemoServer, name: str) -> None:
    before = demo.request_count()
    with pytest.raises(Unsupported, match="API cannot change or delete custom statuses"):
        service.update_status(name, "Lunch", "Brunch")
    with pytest.raises(Unsupported, match="API cannot change or delete custom statuses"):
        service.delete_status(name, "Lunch")
    assert demo.request_count() == before  # refused before any request
