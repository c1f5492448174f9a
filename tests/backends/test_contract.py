"""The one contract every backend must keep, run against each service over real HTTP."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx
import pytest

from tests.backends.conftest import CB, RC, SS, Backend, Case
from trayapp.backends import BACKENDS, base
from trayapp.core.errors import AuthError, BadReply, KeyringLocked, RateLimited, ServiceUnavailable
from trayapp.core.models import Availability, ChangeKind, CustomStatus, StatusChange
from trayapp.demo.server import DemoServer


def _pick(backend: Backend, name: str) -> CustomStatus:
    return next(s for s in backend.list_statuses() if s.name == name)


class TestContract:
    def test_registered_under_its_kind(self, case: Case, backend: Backend) -> None:
        registered = BACKENDS[case.kind]
        loaded: object = registered.load()
        assert loaded is type(backend)
        assert registered.capabilities is backend.capabilities  # what the menu shows before loading

    def test_whoami_names_the_user(self, case: Case, backend: Backend) -> None:
        assert case.whoami_contains in backend.whoami()

    def test_list_statuses_returns_every_page(self, case: Case, backend: Backend, demo: DemoServer) -> None:
        statuses = backend.list_statuses()
        assert {s.name for s in statuses} == case.status_names
        assert len({s.id for s in statuses}) == len(statuses)
        if case is CB:  # five statuses, two per page: three requests
            assert demo.request_count("callbell") == 3

    def test_apply_custom_then_current(self, case: Case, backend: Backend) -> None:
        status = _pick(backend, case.custom_name)
        backend.apply(StatusChange(ChangeKind.CUSTOM, status=status))
        now = backend.current()
        assert now.status_name == status.name
        assert now.status_id == status.id
        predicted = backend.expected_current(None, StatusChange(ChangeKind.CUSTOM, status=status))
        assert (predicted.status_id, predicted.status_name) == (now.status_id, now.status_name)

    def test_availability_away_then_current(self, backend: Backend) -> None:
        backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))
        assert backend.current().availability is Availability.AWAY

    def test_clear(self, case: Case, backend: Backend) -> None:
        status = _pick(backend, case.custom_name)
        backend.apply(StatusChange(ChangeKind.CUSTOM, status=status))
        backend.clear()
        now = backend.current()
        assert now.status_id != status.id
        assert now.availability is Availability.AVAILABLE
        if case is not SS:  # Smartsheet RM has no "no status": clearing posts "In the office"
            assert now.status_name is None

    @pytest.mark.parametrize("token", ["wrong-token-value", ""])
    def test_bad_token_is_auth_error(self, case: Case, make: Callable[..., Backend], token: str) -> None:
        backend = make(case, token=token)
        with pytest.raises(AuthError):
            backend.current()
        with pytest.raises(AuthError):
            backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))

    @pytest.mark.parametrize("mode", ["500", "502", "503", "reset", "html"])
    def test_server_failure_is_unavailable(
        self, case: Case, backend: Backend, demo: DemoServer, mode: str
    ) -> None:
        demo.set_fault(mode, service=case.service)
        with pytest.raises(ServiceUnavailable):
            backend.current()
        demo.clear_faults()
        backend.current()  # the same client recovers

    def test_slow_reply_beyond_timeout(
        self, case: Case, demo: DemoServer, make: Callable[..., Backend], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(base, "TIMEOUT", httpx.Timeout(0.2))
        backend = make(case)  # the client is created lazily, with the patched timeout
        demo.set_fault("slow", service=case.service, count=1, delay=1.0)
        with pytest.raises(ServiceUnavailable, match="in time"):
            backend.current()

    @pytest.mark.parametrize("mode", ["malformed", "wrong_shape", "huge"])
    def test_unreadable_reply_is_bad_reply(
        self, case: Case, backend: Backend, demo: DemoServer, mode: str
    ) -> None:
        demo.set_fault(mode, service=case.service)
        with pytest.raises(BadReply):
            backend.current()
        with pytest.raises(BadReply):
            backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY))

    def test_rate_limited(self, case: Case, backend: Backend, demo: DemoServer) -> None:
        demo.set_fault("429", service=case.service, delay=30)
        with pytest.raises(RateLimited) as caught:
            backend.current()
        if case is CB:  # Callbell documents no rate headers
            assert caught.value.retry_after is None
        else:
            assert caught.value.retry_after is not None
            assert 25 <= caught.value.retry_after <= 31
        assert "try again" in str(caught.value)

    def test_rate_limited_with_retry_after(self, case: Case, backend: Backend, demo: DemoServer) -> None:
        demo.set_fault("429_retry_after", service=case.service, delay=30)
        with pytest.raises(RateLimited) as caught:
            backend.current()
        # Retry-After: 30 (Smartsheet RM's own reset header, in whole epoch seconds, says the same)
        assert caught.value.retry_after is not None and 28 <= caught.value.retry_after <= 32
        assert re.search(r"try again in (29|30|31|32) seconds", str(caught.value))

    @pytest.mark.parametrize("kind", ["custom", "availability", "clear"])
    def test_apply_is_one_request(self, case: Case, backend: Backend, demo: DemoServer, kind: str) -> None:
        status = _pick(backend, case.custom_name)
        backend.current()  # warm every lookup a backend may cache
        change = {
            "custom": StatusChange(ChangeKind.CUSTOM, status=status),
            "availability": StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY),
            "clear": StatusChange(ChangeKind.CLEAR),
        }[kind]
        before = demo.request_count(case.service)
        backend.apply(change)
        assert demo.request_count(case.service) == before + 1

    @pytest.mark.parametrize("start", ["custom", "away"])
    def test_restore_puts_back_what_current_read(
        self, case: Case, backend: Backend, demo: DemoServer, start: str
    ) -> None:
        """The end of a timed change: the status, its message and the availability all come back."""
        status = _pick(backend, case.custom_name)
        first = (
            StatusChange(ChangeKind.CUSTOM, status=status, message="Back at 3")
            if start == "custom"
            else StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AWAY)
        )
        backend.apply(first)
        before = backend.current()
        other = next(s for s in backend.list_statuses() if s.name != case.custom_name)
        backend.apply(StatusChange(ChangeKind.CUSTOM, status=other, message="temporary"))
        if before.availability is not Availability.AVAILABLE:  # the window changed the availability too
            backend.apply(StatusChange(ChangeKind.AVAILABILITY, availability=Availability.AVAILABLE))
        during = backend.current()
        assert (during.status_name, during.message) != (before.status_name, before.message)
        if start == "away":
            assert during.availability is Availability.AVAILABLE
        count = demo.request_count(case.service)
        backend.restore(before)
        assert demo.request_count(case.service) == count + 1
        after = backend.current()
        assert (after.availability, after.status_id, after.status_name) == (
            before.availability,
            before.status_id,
            before.status_name,
        )
        if backend.capabilities.supports_message:  # Callbell has no message
            assert before.message == ("Back at 3" if start == "custom" else None)
            assert after.message == before.message

    def test_client_is_reused(self, backend: Backend) -> None:
        backend.current()
        first = backend.client
        backend.current()
        assert backend.client is first
        backend.close()
        backend.close()  # idempotent
        backend.current()  # and usable again (a fresh client)

    def test_secret_read_at_request_time(
        self, case: Case, demo: DemoServer, make: Callable[..., Backend]
    ) -> None:
        tokens = ["wrong", case.token]
        backend = make(case, token="unused")
        backend._secret = lambda: tokens[0]  # a rotated secret is picked up without a rebuild
        with pytest.raises(AuthError):
            backend.current()
        tokens[0] = case.token
        backend.current()

    def test_keyring_failure_propagates_without_a_request(
        self, case: Case, demo: DemoServer, make: Callable[..., Backend]
    ) -> None:
        def locked() -> str:
            raise KeyringLocked("The keyring is locked: unlock it and try again.")

        backend = make(case)
        backend._secret = locked
        with pytest.raises(KeyringLocked):
            backend.apply(StatusChange(ChangeKind.CLEAR))
        assert demo.request_count(case.service) == 0


@pytest.mark.parametrize("case_", [RC, CB, SS], ids=["rocketchat", "callbell", "smartsheet"])
def test_capabilities_match_the_service(case_: Case) -> None:
    caps = BACKENDS[case_.kind].capabilities
    if case_ is RC:
        assert set(caps.availabilities) == set(Availability)
        assert (caps.can_create, caps.create_field, caps.supports_message, caps.native_schedule) == (
            True,
            "type",
            True,
            False,
        )
    elif case_ is CB:
        assert caps.availabilities == (Availability.AVAILABLE, Availability.AWAY)
        assert (caps.can_create, caps.create_field, caps.supports_message, caps.native_schedule) == (
            True,
            "emoji",
            False,
            False,
        )
    else:
        assert caps.availabilities == (Availability.AVAILABLE, Availability.AWAY)
        assert (caps.can_create, caps.create_field, caps.supports_message, caps.native_schedule) == (
            False,
            None,
            True,
            True,
        )
