"""Polarity: whether a higher value of a measure is better, worse, or carries no judgement."""

from __future__ import annotations

import re
from enum import StrEnum


class Polarity(StrEnum):
    HIGHER = "Higher is better"
    LOWER = "Lower is better"
    NONE = "No polarity"

    @property
    def judged(self) -> bool:
        return self is not Polarity.NONE

    def sign(self) -> int:
        """+1 when an increase is an improvement, -1 when a decrease is, 0 when not judged."""
        return {Polarity.HIGHER: 1, Polarity.LOWER: -1, Polarity.NONE: 0}[self]


class PolarityError(ValueError):
    """A polarity cell holds a word we do not know."""


_WORDS: dict[str, Polarity] = {
    "higher is better": Polarity.HIGHER,
    "high is good": Polarity.HIGHER,
    "high is better": Polarity.HIGHER,
    "higher is good": Polarity.HIGHER,
    "rag high is good": Polarity.HIGHER,
    "rag higher is better": Polarity.HIGHER,
    "higher": Polarity.HIGHER,
    "high": Polarity.HIGHER,
    "lower is better": Polarity.LOWER,
    "low is good": Polarity.LOWER,
    "low is better": Polarity.LOWER,
    "lower is good": Polarity.LOWER,
    "rag low is good": Polarity.LOWER,
    "rag lower is better": Polarity.LOWER,
    "lower": Polarity.LOWER,
    "low": Polarity.LOWER,
    "no polarity": Polarity.NONE,
    "n a": Polarity.NONE,
    "na": Polarity.NONE,
    "not applicable": Polarity.NONE,
    "bob": Polarity.NONE,
    "rag bob": Polarity.NONE,
    "none": Polarity.NONE,
    "no judgement": Polarity.NONE,
    "not judged": Polarity.NONE,
}

KNOWN_WORDS = (
    "Higher is better, High is good, RAG - High is good, Lower is better, Low is good, RAG - Low is good, "
    "No polarity, N/A, Not applicable, BOB"
)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def parse_polarity(text: object) -> Polarity | None:
    """Read an officer's polarity word; None for a blank cell (polarity not stated)."""
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    found = _WORDS.get(_key(raw))
    if found is None:
        raise PolarityError(f"'{raw}' is not a polarity we know. Use one of: {KNOWN_WORDS}.")
    return found
