"""Run the CLI in-process through main(argv), against the demo server, in an isolated profile."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.dir_keyring import BACKEND, DIR_VARIABLE
from trayapp.cli import main
from trayapp.core.paths import AppPaths
from trayapp.demo import seed
from trayapp.demo.server import DemoServer


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return self.err.strip().splitlines()


CLI = Callable[..., Run]


@pytest.fixture
def cli(profile: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CLI:
    def run(*argv: str, stdin: str = "") -> Run:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors and --version
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err + captured.out
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def accounts(cli: CLI, demo: DemoServer) -> CLI:
    """The three demo accounts added through the CLI, as a new user would."""
    steps = [
        (
            (
                "accounts",
                "add",
                "rocketchat",
                "rocket",
                "--url",
                demo.rocketchat_url,
                "--user-id",
                seed.RC_ALICE_ID,
                "--token-stdin",
            ),
            seed.RC_ALICE_PAT,
        ),
        (
            (
                "accounts",
                "add",
                "callbell",
                "callbell",
                "--url",
                demo.callbell_url,
                "--user-uuid",
                seed.CB_USER_UUID,
                "--token-stdin",
            ),
            seed.CB_TOKEN,
        ),
        (
            (
                "accounts",
                "add",
                "smartsheet",
                "smartsheet",
                "--url",
                demo.smartsheet_url,
                "--email",
                seed.SS_USER_EMAIL.lower(),
                "--token-stdin",
            ),
            seed.SS_TOKEN,
        ),
    ]
    for argv, secret in steps:
        result = cli(*argv, stdin=secret + "\n")
        assert result.code == 0, result.err
    return cli


def point_every_account_at_a_dead_port(profile: AppPaths) -> None:
    """Every account's address becomes a loopback port nobody listens on: every service is down."""
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{probe.getsockname()[1]}"
    settings = json.loads(profile.settings_file.read_text(encoding="utf-8"))
    for account in settings["accounts"]:
        account["url"] = dead
    profile.settings_file.write_text(json.dumps(settings), encoding="utf-8")


ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Ran:
    code: int
    out: str
    err: str


Trayapp = Callable[..., Ran]


@pytest.fixture
def trayapp(profile: AppPaths, tmp_path: Path, demo: DemoServer) -> Trayapp:
    """`trayapp ARGS` in a new process of this test's profile; the three demo accounts added first."""
    keys = tmp_path / "keyring"
    keys.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_KEYRING", "DBUS_"))}
    env.update(PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND=BACKEND, **{DIR_VARIABLE: str(keys)})

    def run(*argv: str, stdin: str = "") -> Ran:
        proc = subprocess.run(
            [sys.executable, "-m", "trayapp", *argv],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "Traceback" not in proc.stderr + proc.stdout
        return Ran(proc.returncode, proc.stdout, proc.stderr)

    for argv, secret in (
        (
            ("rocketchat", "rocket", "--url", demo.rocketchat_url, "--user-id", seed.RC_ALICE_ID),
            seed.RC_ALICE_PAT,
        ),
        (
            ("callbell", "callbell", "--url", demo.callbell_url, "--user-uuid", seed.CB_USER_UUID),
            seed.CB_TOKEN,
        ),
        (
            ("smartsheet", "smartsheet", "--url", demo.smartsheet_url, "--email", seed.SS_USER_EMAIL),
            seed.SS_TOKEN,
        ),
    ):
        added = run("accounts", "add", *argv, "--token-stdin", stdin=secret + "\n")
        assert added.code == 0, added.err
    return run
