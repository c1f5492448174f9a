from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from trayapp.core.logs import register_secret, setup_logging


@pytest.fixture(autouse=True)
def _detach_handlers() -> Iterator[None]:
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_log_file_never_holds_a_secret(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    register_secret("tok-ABCDEF-123456")
    log = logging.getLogger("trayapp.test")
    log.warning("sent headers %s", {"X-Auth-Token": "tok-ABCDEF-123456", "X-User-Id": "u1"})
    log.warning("Authorization: Bearer other-unregistered-secret")
    log.warning("auth=plain-query-secret&x=1")
    try:
        raise RuntimeError("failed with token tok-ABCDEF-123456")
    except RuntimeError:
        log.exception("boom")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "tok-ABCDEF-123456" not in text
    assert "other-unregistered-secret" not in text
    assert "plain-query-secret" not in text
    assert "u1" in text and "boom" in text  # the rest of the record survives


def test_what_is_logged_before_the_file_opens_is_written_once_it_does(tmp_path: Path) -> None:
    # The tray holds its first records until the icon is up, then opens the file: none may be lost,
    # reordered, or written with a secret in it.
    from trayapp.core.logs import hold_logging

    path = hold_logging(tmp_path)
    log = logging.getLogger("trayapp.test")
    log.info("first: Qt platform xcb")
    register_secret("tok-HELD-987654")
    log.warning("second: sent %s", "tok-HELD-987654")
    assert not path.exists()  # nothing written yet
    assert setup_logging(tmp_path) == path
    log.info("third: after the file opened")
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if "trayapp.test" in ln]
    assert [ln.split(": ", 1)[1].split(":")[0] for ln in lines] == ["first", "second", "third"]
    assert "tok-HELD-987654" not in text
