"""A status created with the CLI is in the cache the next command reads, also with the server down."""

from __future__ import annotations

import json

from tests.cli.conftest import CLI
from trayapp.core.paths import AppPaths
from trayapp.demo.server import DemoServer


def test_a_status_created_after_the_cache_was_cleared_is_listed_offline(
    accounts: CLI, demo: DemoServer, profile: AppPaths
) -> None:
    profile.cache_file.unlink(missing_ok=True)  # the cache folder may vanish at any time
    created = accounts("create", "Deep work", "--account", "rocket", "--type", "busy")
    assert created.code == 0, created.err
    demo.set_fault("503")  # the server is down from here on: the next command reads the cache only
    listed = accounts("statuses", "--account", "rocket", "--json")
    assert listed.code == 0, listed.err
    names = [row["name"] for row in json.loads(listed.out)]
    assert "Deep work" in names and len(names) > 1  # the whole list, fetched with the new status
