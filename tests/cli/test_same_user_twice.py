"""Adding the same user of the same service twice is refused (issue 11): every status would be set twice."""

from __future__ import annotations

import json

from tests.cli.conftest import CLI
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


def test_the_same_callbell_user_cannot_be_added_twice(accounts: CLI, demo: DemoServer) -> None:
    count = demo.request_count()
    run = accounts(
        "accounts",
        "add",
        "callbell",
        "cb-again",
        "--url",
        demo.callbell_url + "/",  # the same address, written differently
        "--user-uuid",
        seed.CB_USER_UUID.upper(),
        "--token-stdin",
        stdin=seed.CB_TOKEN + "\n",
    )
    assert run.code == 1
    assert run.err_lines == ["trayapp: This Callbell user is already added, as the account 'callbell'."]
    assert demo.request_count() == count  # refused before any request
    listed = json.loads(accounts("accounts", "list", "--json").out)
    assert [a["name"] for a in listed] == ["rocket", "callbell", "smartsheet"]
