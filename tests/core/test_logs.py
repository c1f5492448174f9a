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
