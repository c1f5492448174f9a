"""The state files as a user meets them: readable by hand, never half-written, and every disk failure
told as one sentence that names the file. (Tests run as root here, so a failure is made with a folder
where a file should be, or a file where a folder should be, not with permissions.)"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from trayapp.core.atomic import (
    keep_copy,
    label,
    locked,
    read_json,
    reason,
    set_aside,
    stamp,
    write_json,
)
from trayapp.core.errors import ConfigError


def test_a_written_file_is_plain_indented_utf8_ending_in_a_newline(tmp_path: Path) -> None:
    # People open settings.json in an editor: it keeps "Café" as typed, one key a line.
    path = tmp_path / "new" / "settings.json"
    data = {"accounts": [{"name": "Café ☕"}]}
    write_json(path, data)
    text = path.read_text(encoding="utf-8")
    assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


def test_the_new_content_is_on_disk_beside_the_file_before_it_replaces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Beside it, so the rename is atomic (a temp file in /tmp may sit on another file system).
    path = tmp_path / "settings.json"
    path.write_text("{}", encoding="utf-8")
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        real_fsync(fd)
        seen.append(sorted(p.name for p in tmp_path.iterdir()))

    monkeypatch.setattr("trayapp.core.atomic.os.fsync", fsync)
    write_json(path, {"accounts": []})
    [names] = seen
    assert len(names) == 2 and re.fullmatch(r"\.settings\.json\..+\.tmp", names[0]), names
    assert read_json(path) == {"accounts": []}


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # a folder where the file should go: os.replace fails
    with pytest.raises(ConfigError) as caught:
        write_json(path, {"accounts": []})
    assert str(caught.value) == f"Could not write {path}: Is a directory."
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_folder_that_cannot_be_made_is_told(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("a file, not a folder", encoding="utf-8")
    path = tmp_path / "config" / "settings.json"
    with pytest.raises(
        ConfigError, match=r"^Could not write .*settings\.json: (File exists|Not a directory)\.$"
    ):
        write_json(path, {})


def test_the_stamp_changes_when_another_process_replaces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    assert stamp(path) is None
    write_json(path, {"a": 1})
    first = stamp(path)
    assert first is not None and first[2] == path.stat().st_size
    write_json(path, {"a": 1, "b": 2})
    assert stamp(path) not in (None, first)


def test_a_file_that_cannot_be_looked_at_is_told(tmp_path: Path) -> None:
    (tmp_path / "state").write_text("", encoding="utf-8")
    path = tmp_path / "state" / "cache.json"  # its folder is a file
    with pytest.raises(ConfigError) as caught:
        stamp(path)
    assert str(caught.value) == f"Could not read {path}: Not a directory."
    with pytest.raises(ConfigError) as caught:
        read_json(path)
    assert str(caught.value) == f"Could not read {path}: Not a directory."


def test_reading_tells_a_missing_file_from_a_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    assert read_json(path) is None
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(ValueError, match=r"^not UTF-8 text$"):
        read_json(path)
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(ValueError, match=r"^nested too deeply$"):
        read_json(path)
    path.write_text('{"entries": []}', encoding="utf-8")
    assert read_json(path) == {"entries": []}


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """settings.json locked by another thread (which waits like another process) until the test ends."""
    path = tmp_path / "settings.json"
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with locked(path):
            taken.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(10)
    yield path
    release.set()
    holder.join(10)


@pytest.mark.parametrize(("timeout", "seconds"), [(0.1, "0"), (1.6, "2")])
def test_a_file_held_too_long_by_another_process_is_told(held: Path, timeout: float, seconds: str) -> None:
    with pytest.raises(ConfigError) as caught, locked(held, timeout=timeout):
        pass
    assert str(caught.value) == (
        f"settings.json is held by another trayapp process (for {seconds} s now); try again."
    )


def test_the_lock_is_taken_again_once_released(tmp_path: Path) -> None:
    path = tmp_path / "pending.json"
    with locked(path), locked(path):  # re-entrant in a thread
        pass
    done = threading.Event()

    def other() -> None:
        with locked(path, timeout=1):
            done.set()

    thread = threading.Thread(target=other)
    thread.start()
    thread.join(5)
    assert done.is_set()


def test_a_lock_that_cannot_be_made_is_told(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    (tmp_path / "settings.json.lock").mkdir()  # a folder where the lock file goes
    with pytest.raises(ConfigError, match=r"^Could not lock .*settings\.json\.lock: "), locked(path):
        pass


def test_a_damaged_file_is_set_aside_under_the_time_it_was_found(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    path.write_text("{one", encoding="utf-8")
    sentence = set_aside(path, "not valid JSON")
    [kept] = tmp_path.iterdir()
    assert re.fullmatch(r"cache\.json\.broken-\d{8}-\d{6}", kept.name)
    assert sentence == (
        f"cache.json was damaged (not valid JSON); it was kept as {kept.name} and a fresh one was started."
    )
    assert kept.read_text(encoding="utf-8") == "{one" and not path.exists()


def test_copies_set_aside_in_the_same_second_never_overwrite_each_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trayapp.core.atomic.time.strftime", lambda _format: "20261202-101500")
    path = tmp_path / "cache.json"
    for content in ("{one", "{two", "{three"):
        path.write_text(content, encoding="utf-8")
        set_aside(path, "not valid JSON")
    stem = "cache.json.broken-20261202-101500"
    kept = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.iterdir()}
    assert kept == {stem: "{one", f"{stem}-1": "{two", f"{stem}-2": "{three"}


def test_a_damaged_file_that_cannot_be_moved_is_told(tmp_path: Path) -> None:
    path = tmp_path / "cache.json"
    with pytest.raises(ConfigError) as caught:
        set_aside(path, "not valid JSON")  # it is gone already
    assert str(caught.value) == (
        f"{path} is damaged (not valid JSON) and could not be moved aside: No such file or directory."
    )


def test_the_reason_a_file_was_set_aside(tmp_path: Path) -> None:
    with pytest.raises(ValueError) as not_json:
        json.loads("{not json")
    assert reason(not_json.value) == "not valid JSON"
    assert reason(ValueError("nested too deeply")) == "nested too deeply"
    assert reason(TypeError("list indices must be integers")) == "unexpected content"
    assert reason(ValueError("not UTF-8 text")) == "unexpected content"


def test_a_file_with_bad_parts_is_copied_whole_before_they_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"accounts": ["kept by hand"]}', encoding="utf-8")
    sentence = keep_copy(path, ["account 'call bell'", "number 3"])
    [copy] = [p for p in tmp_path.iterdir() if p != path]
    assert copy.name.startswith("settings.json.broken-")
    assert sentence == (
        f"settings.json: left out account 'call bell'; number 3; the file as it was is kept as {copy.name}."
    )
    assert copy.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")  # the original stays too


def test_a_copy_that_cannot_be_made_is_told(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with pytest.raises(ConfigError) as caught:
        keep_copy(path, ["number 1"])
    assert str(caught.value) == f"Could not keep a copy of {path}: No such file or directory."


@pytest.mark.parametrize(
    ("value", "position", "shown"),
    [
        ("rocket", 0, "'rocket'"),
        ("x" * 40, 0, "'" + "x" * 40 + "'"),
        ("x" * 41, 0, "number 1"),
        ("", 2, "number 3"),
        ("tab\there", 4, "number 5"),
        (17, 1, "number 2"),
    ],
)
def test_a_hand_edited_part_is_named_by_its_name_or_its_position(
    value: object, position: int, shown: str
) -> None:
    assert label(value, position) == shown
