"""A new custom status's type and emoji, checked before anything is sent, with a message that says what
to type instead."""

from __future__ import annotations

import pytest

from trayapp.core.errors import InputError
from trayapp.core.statusfields import check_emoji, check_status_type


@pytest.mark.parametrize(("typed", "sent"), [("busy", "busy"), (" Away ", "away"), ("OFFLINE", "offline")])
def test_a_status_type_is_sent_in_lower_case(typed: str, sent: str) -> None:
    assert check_status_type(typed) == sent


def test_an_unknown_status_type_lists_the_four_there_are() -> None:
    with pytest.raises(InputError) as caught:
        check_status_type("Sleepy")
    assert (
        str(caught.value) == "'Sleepy' is not a Rocket.Chat status type: use online, busy, away or offline."
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("🍙", "🍙"), (" 🍙 ", "🍙"), (":rice_ball:", "🍙"), (":thumbsup:", "👍"), (":thumbs_up:", "👍")],
)
def test_an_emoji_is_taken_as_itself_or_as_its_shortcode(typed: str, stored: str) -> None:
    assert check_emoji(typed) == stored


@pytest.mark.parametrize("typed", ["x", "rice_ball:", ":rice_ball", ":no_such_emoji:", "🍙🍙", ":"])
def test_what_is_not_one_emoji_is_refused_with_an_example(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        check_emoji(typed)
    assert str(caught.value) == (
        f"'{typed}' is not an emoji: give one emoji such as 🍙, or its shortcode such as :rice_ball:."
    )
