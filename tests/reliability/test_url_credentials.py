"""An address with a user name or password in it is refused first, and never repeated in a message."""

from __future__ import annotations

import pytest

from tests.cli import conftest as cli_fixtures
from tests.cli.conftest import CLI

cli = cli_fixtures.cli
PASSWORD = "Sup3r-S3cret-PW"


@pytest.mark.parametrize(
    "url",
    [
        f"http://me:{PASSWORD}@chat.example.com",  # refused for plain http before: with the whole URL
        f"https://me:{PASSWORD}@chat.example.com",
        f"http://me:{PASSWORD}@127.0.0.1:9",
        f"ftp://me:{PASSWORD}@chat.example.com",  # refused as "not a web address", with the whole URL
        f"https://me:{PASSWORD}@[::1",  # unparsable as well
        f"https://{PASSWORD}@chat.example.com",
    ],
)
def test_credentials_in_the_address_are_refused_without_echo(url: str, cli: CLI) -> None:
    result = cli(
        "accounts", "add", "rocketchat", "work", "--url", url, "--user-id", "u1", "--token-stdin",
        stdin="tok-abcd\n",
    )  # fmt: skip
    assert result.code == 2  # a usage error: the address given on the command line
    assert result.err_lines == ["trayapp: Put credentials in the token fields, not in the address."]
    assert PASSWORD not in result.err + result.out


@pytest.mark.parametrize(
    "url", ["http://[::1", "https://chat.example.com:99999", "https://chat.example.com:x"]
)
def test_an_unparsable_address_is_a_usage_message(url: str, cli: CLI) -> None:
    result = cli(
        "accounts", "add", "rocketchat", "work", "--url", url, "--user-id", "u1", "--token-stdin",
        stdin="tok-abcd\n",
    )  # fmt: skip
    assert result.code == 2  # a usage error: the address given on the command line
    assert result.err_lines == [f"trayapp: '{url}' is not a valid web address (expected https://host/...)."]
