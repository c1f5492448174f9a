"""The web address of an account, as people type or paste it: normalised, https only (plain http only on
this computer), and never with a password in it, which no message may repeat."""

from __future__ import annotations

import pytest

from trayapp.core.errors import InputError
from trayapp.core.ports import check_url, is_loopback_host

NO_CREDENTIALS = "Put credentials in the token fields, not in the address."


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  https://chat.example.com/  ", "https://chat.example.com"),
        ("https://chat.example.com/rocket//", "https://chat.example.com/rocket"),
        ("http://localhost:3000/", "http://localhost:3000"),
        ("http://127.0.0.1:8065", "http://127.0.0.1:8065"),
        ("http://[::1]:8065", "http://[::1]:8065"),
        ("HTTPS://Chat.Example.com", "HTTPS://Chat.Example.com"),
    ],
)
def test_an_address_is_kept_without_its_trailing_slash(typed: str, kept: str) -> None:
    assert check_url(typed) == kept


@pytest.mark.parametrize(
    "typed",
    [
        "https://alice:s3cret-pw@chat.example.com",
        "https://alice@chat.example.com",
        "https://:s3cret-pw@chat.example.com",
        "https://alice:s3cret-pw@chat.example.com:notaport",  # unparsable, and still never repeated
        "https://@chat.example.com",
    ],
)
def test_an_address_with_credentials_is_refused_without_repeating_it(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(typed)
    assert str(caught.value) == NO_CREDENTIALS and caught.value.field == "url"


@pytest.mark.parametrize(
    ("typed", "told"),
    [
        ("https://chat.example.com:99999", "'https://chat.example.com:99999' is not a valid web address"),
        ("chat.example.com", "'chat.example.com' is not a web address"),
        ("ftp://chat.example.com", "'ftp://chat.example.com' is not a web address"),
        ("https://", "'https:' is not a web address"),
    ],
)
def test_what_is_not_a_web_address_is_named(typed: str, told: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(typed)
    assert str(caught.value) == f"{told} (expected https://host/...)." and caught.value.field == "url"


@pytest.mark.parametrize(
    "typed", ["http://chat.example.com", "http://192.168.1.20:3000", "http://localhost.evil.io"]
)
def test_plain_http_is_refused_beyond_this_computer(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(typed)
    assert str(caught.value) == (
        f"'{typed}' is not secure: use https:// (plain http is only allowed on this computer)."
    )
    assert caught.value.field == "url"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("[::1]", True),
        ("::1", True),
        ("LOCALHOST.example", False),
        ("10.0.0.1", False),
        ("chat.example.com", False),
    ],
)
def test_this_computer_is_localhost_or_a_loopback_address(host: str, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback
