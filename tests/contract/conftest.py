"""Contract fixtures: the references (../shared/specs, required under CI) and a wire recorder whose
every exchange is checked against them when the test ends."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.contract.references import SHARED_SPECS, problems
from trayapp.demo.server import DemoServer, Exchange


def require_specs(folder: Path) -> Path:
    """The services' own references beside the repository. CI must have them: there a missing copy
    fails the test; elsewhere it is skipped with the reason."""
    if not (folder / "rocketchat-openapi" / "authentication.yaml").is_file():
        reason = f"the services' references are not at {folder} (../shared/specs beside the repository)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return folder


@pytest.fixture(scope="session")
def shared_specs() -> Path:
    return require_specs(SHARED_SPECS)


@pytest.fixture
def wire(demo: DemoServer, shared_specs: Path) -> Iterator[list[Exchange]]:
    """Every exchange with the demo during the test; each is validated against its reference at the end."""
    recorded = demo.record()
    yield recorded
    demo.stop_recording()
    assert recorded, "the flow sent no request"
    found = [p for exchange in recorded for p in problems(exchange, shared_specs)]
    assert not found, "\n".join(found)
