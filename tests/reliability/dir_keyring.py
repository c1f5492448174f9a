"""A keyring that several test processes share: one file per entry in $TRAYAPP_TEST_KEYRING_DIR.

Test-only (demo tokens in a throwaway folder): the app's own MemoryKeyring lives in one process, and a
real Secret Service is not what the concurrency tests are about. Each entry is written with an atomic
rename, so concurrent writers of different entries never touch each other."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

DIR_VARIABLE = "TRAYAPP_TEST_KEYRING_DIR"
BACKEND = "tests.reliability.dir_keyring.DirKeyring"


class DirKeyring(KeyringBackend):
    priority = 0.1  # never chosen automatically

    def __init__(self) -> None:  # typed, so typed tests may build one
        super().__init__()  # type: ignore[no-untyped-call]

    @staticmethod
    def _file(service: str, username: str) -> Path:
        digest = hashlib.sha256(f"{service}\0{username}".encode()).hexdigest()
        return Path(os.environ[DIR_VARIABLE]) / digest

    def get_password(self, service: str, username: str) -> str | None:
        try:
            return str(json.loads(self._file(service, username).read_text("utf-8"))["password"])
        except FileNotFoundError:
            return None

    def set_password(self, service: str, username: str, password: str) -> None:
        target = self._file(service, username)
        fd, tmp = tempfile.mkstemp(dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"service": service, "username": username, "password": password}, handle)
        os.replace(tmp, target)

    def delete_password(self, service: str, username: str) -> None:
        try:
            self._file(service, username).unlink()
        except FileNotFoundError:
            raise PasswordDeleteError("no such entry") from None


def stored_keys(folder: Path) -> set[str]:
    """Every username with a token in the folder (for orphan checks)."""
    return {json.loads(p.read_text("utf-8"))["username"] for p in folder.iterdir() if p.is_file()}
