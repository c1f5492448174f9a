"""Secrets never leave the process: each registered one is masked in every form a server might echo it
in, and anything shaped like a credential header or field is masked even when it was never registered."""

from __future__ import annotations

import secrets

import pytest

from trayapp.core.redaction import REDACTED, redact, register_secret


def fresh(prefix: str) -> str:
    return prefix + secrets.token_hex(6)  # registered secrets stay for the process: never reuse one


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("X-Auth-Token: tok123456", f"X-Auth-Token: {REDACTED}"),
        ("{'Authorization': 'Bearer abc.def'}", f"{{'Authorization': '{REDACTED}'}}"),
        ('"authToken": "zz99zz99"', f'"authToken": "{REDACTED}"'),
        ("password=hunter22&next=1", f"password={REDACTED}&next=1"),
    ],
)
def test_a_credential_field_keeps_its_name_and_loses_its_value(text: str, masked: str) -> None:
    assert redact(text) == masked


def test_a_four_character_secret_is_masked_and_a_shorter_one_is_left() -> None:
    four, three = "q" + secrets.token_hex(2)[:3], "w" + secrets.token_hex(1)
    register_secret(four)
    register_secret(three)
    assert redact(f"pin {four} and {three}") == f"pin {REDACTED} and {three}"


def test_a_secret_is_masked_as_json_and_url_and_slash_escaped() -> None:
    value = fresh('p"a/ss\\')
    register_secret(value)
    for echoed in (value, value.replace("\\", "\\\\").replace('"', '\\"'), value.replace("/", "\\/")):
        assert redact(f"the server said: {echoed}!") == f"the server said: {REDACTED}!", echoed
    from urllib.parse import quote

    assert redact(f"?key={quote(value, safe='')}") == f"?key={REDACTED}"


def test_a_secret_containing_another_is_masked_whole() -> None:
    inner = fresh("zzzz")
    outer = "a" + inner + "b"  # sorts before `inner` by letters; it must be replaced first all the same
    register_secret(inner)
    register_secret(outer)
    assert redact(f"token {outer} end") == f"token {REDACTED} end"
