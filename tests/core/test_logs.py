from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from trayapp.core.logs import hold_logging, register_secret, setup_logging


@pytest.fixture(autouse=True)
def _detach_handlers() -> Iterator[None]:
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def flushed_text(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""


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
    text = flushed_text(path)
    assert "tok-ABCDEF-123456" not in text
    assert "other-unregistered-secret" not in text
    assert "plain-query-secret" not in text
    assert "u1" in text and "boom" in text  # the rest of the record survives
    assert "boom\nTraceback (most recent call last):\n" in text  # the traceback under its line


def test_what_is_logged_before_the_file_opens_is_written_once_it_does(tmp_path: Path) -> None:
    # The tray holds its first records until the icon is up, then opens the file: none may be lost,
    # reordered, or written with a secret in it.
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


def test_each_line_says_when_how_bad_and_where_from(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "new" / "logs")  # the folder is made
    logging.getLogger("trayapp.backends.rocketchat").warning("could not set Busy")
    logging.getLogger("trayapp.test").debug("not at the default level")
    [line] = flushed_text(path).splitlines()
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING trayapp\.backends\.rocketchat: could not set Busy",
        line,
    )


def test_the_http_librarys_request_lines_stay_out_of_the_log(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    logging.getLogger("httpx").info("HTTP Request: POST https://chat.example/api/v1/users.setStatus")
    logging.getLogger("httpcore").info("send_request_headers.started")
    logging.getLogger("httpx").warning("a warning still shows")
    assert flushed_text(path).count("\n") == 1 and "a warning still shows" in flushed_text(path)


def test_opening_the_log_twice_writes_each_line_once(tmp_path: Path) -> None:
    hold_logging(tmp_path)
    hold_logging(tmp_path)  # a second hold keeps one holder
    logging.getLogger("trayapp.test").info("held once")
    path = setup_logging(tmp_path)
    assert setup_logging(tmp_path) == path
    logging.getLogger("trayapp.test").info("written once")
    text = flushed_text(path)
    assert text.count("held once") == 1 and text.count("written once") == 1


def test_a_second_profile_in_the_same_process_gets_the_lines_from_then_on(tmp_path: Path) -> None:
    first = setup_logging(tmp_path / "first")
    logging.getLogger("trayapp.test").info("to the first")
    second = setup_logging(tmp_path / "second")
    logging.getLogger("trayapp.test").info("to the second")
    assert "to the second" not in flushed_text(first) and "to the first" in flushed_text(first)
    assert "to the first" not in flushed_text(second) and "to the second" in flushed_text(second)


def test_a_chatty_start_keeps_its_latest_thousand_lines(tmp_path: Path) -> None:
    hold_logging(tmp_path)
    log = logging.getLogger("trayapp.test")
    for number in range(1005):
        log.info("line %d.", number)
    lines = flushed_text(setup_logging(tmp_path)).splitlines()
    assert len(lines) == 1000
    assert lines[0].endswith("line 5.") and lines[-1].endswith("line 1004.")


def test_the_log_rotates_and_keeps_three_old_files_of_half_a_megabyte(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    log = logging.getLogger("trayapp.test")
    for number in range(5000):  # about 2.6 MB
        log.info("%05d %s", number, "x" * 480)
    flushed_text(path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["trayapp.log", "trayapp.log.1", "trayapp.log.2", "trayapp.log.3"]
    assert all(400_000 < (tmp_path / name).stat().st_size <= 512_000 for name in names[1:])
    assert "04999" in path.read_text(encoding="utf-8")  # the newest lines are in the current file
