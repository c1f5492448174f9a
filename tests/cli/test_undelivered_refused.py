"""A change kept while the service was down, then refused when it is sent: the next command says so
once, and nothing is kept to send again."""

from __future__ import annotations

from tests.cli.conftest import CLI
from trayapp.demo.server import DemoServer


def test_a_kept_change_the_service_then_refuses_is_reported_and_dropped(
    accounts: CLI, demo: DemoServer
) -> None:
    demo.set_fault("503", service="callbell", count=3)
    assert accounts("set", "--away", "--account", "callbell").code == 75  # kept to send later
    demo.set_fault("403", service="callbell", count=1)  # the replay is refused
    shown = accounts("status")
    assert "Could not send 'Away': Callbell refused" in shown.out + shown.err
    again = accounts("status")
    assert "Could not send" not in again.out + again.err and "waiting" not in again.out + again.err
