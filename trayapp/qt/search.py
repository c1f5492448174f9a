"""Text matching for the pickers: case-, accent- and emoji-insensitive.

"cafe" finds "Café", "LUNCH" finds "lunch", and "rice" or "coffee" find "🍙" and "☕" by their names in
the emoji package's data (the CLDR short names and the GitHub aliases), so a status reads the same to the
search whether its emoji or its words are typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

# Where an emoji may be (©, ®, the symbol blocks, the pictographs): text without any is not tokenized.
_MAYBE_EMOJI = re.compile("[\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff]")


def fold(text: str) -> str:
    """Lower case without accents: 'Café Crème' -> 'cafe creme'. Emoji and other symbols stay."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@functools.lru_cache(maxsize=4096)
def emoji_names(char: str) -> str:
    """The names of one emoji ('hot beverage coffee'), '' when it is none."""
    import emoji  # its data loads on the first emoji met, not with the tray icon

    data = emoji.EMOJI_DATA.get(char)
    if data is None:
        return ""
    names = [data.get("en", ""), *data.get("alias", [])]
    return " ".join(n.strip(":").replace("_", " ") for n in names if n)


def emoji_words(text: str) -> str:
    """The names of every emoji in `text`, space-separated."""
    if text.isascii() or not _MAYBE_EMOJI.search(text):
        return ""
    import emoji

    return " ".join(emoji_names(found["emoji"]) for found in emoji.emoji_list(text))


def search_key(*parts: str) -> str:
    """What a query is matched against: the parts, folded, with the names of their emoji."""
    text = " ".join(p for p in parts if p)
    words = emoji_words(text)
    return fold(f"{text} {words}" if words else text)


def query_words(query: str) -> list[str]:
    return fold(query).split()


def matches(key: str, words: Iterable[str]) -> bool:
    """Every word of the query appears in the key (in any order)."""
    return all(word in key for word in words)


def rank(title_key: str, words: list[str]) -> int:
    """0: the title starts with the query; 1: a word of the title does; 2: it matches elsewhere."""
    if not words:
        return 0
    first = words[0]
    if title_key.startswith(first):
        return 0
    if f" {first}" in title_key:
        return 1
    return 2
