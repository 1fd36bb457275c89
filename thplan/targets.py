"""Targets as performance reports write them: a value for the year ('75%', '1,200'), or a direction ('Maintain',
'Improve', 'Reduce'); a tolerance, absolute ('2', '2 points') or relative ('5%' of the target); and the RAG a report
states against it (Green / Amber / Red)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from thplan.value import CellError, parse_value


class TargetError(ValueError):
    """A target, tolerance or RAG cell we cannot read (the message says what is wrong)."""


class Direction(StrEnum):
    MAINTAIN = "Maintain"  # stay at least as good as the previous value
    IMPROVE = "Improve"  # better than the previous value, by polarity
    INCREASE = "Increase"  # higher than the previous value, whatever the polarity
    REDUCE = "Reduce"  # lower than the previous value


_DIRECTIONS = {
    "maintain": Direction.MAINTAIN, "maintain or improve": Direction.MAINTAIN, "sustain": Direction.MAINTAIN,
    "no worse": Direction.MAINTAIN, "improve": Direction.IMPROVE, "improvement": Direction.IMPROVE,
    "better": Direction.IMPROVE, "increase": Direction.INCREASE, "higher": Direction.INCREASE,
    "reduce": Direction.REDUCE, "decrease": Direction.REDUCE, "lower": Direction.REDUCE,
}  # fmt: skip


@dataclass(frozen=True)
class Tolerance:
    amount: float
    relative: bool = False  # a share of the target ('5%'), not an amount in the measure's unit

    def of(self, target: float) -> float:
        return abs(target) * self.amount / 100 if self.relative else self.amount

    def __str__(self) -> str:
        return f"{self.amount:g}% of the target" if self.relative else f"{self.amount:g}"


@dataclass(frozen=True)
class Target:
    """A measure's target for one period: a value or a direction, with its tolerance and where it came from."""

    period: str
    value: float | None = None
    decimals: int = 0
    direction: Direction | None = None
    tolerance: Tolerance | None = None
    source: str = ""

    def __str__(self) -> str:
        return str(self.direction) if self.direction is not None else f"{self.value:,.{self.decimals}f}"


def parse_target(text: object) -> tuple[float | None, int, Direction | None]:
    """(value, decimals, direction) from a Target cell: '75%', '75.0', 1200, 'Maintain', 'Improve on 2021/22'."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = parse_value(text)
        return value.value, value.decimals, None
    words = " ".join(re.sub(r"[^a-z ]+", " ", str(text).lower()).split())
    for phrase, direction in sorted(_DIRECTIONS.items(), key=lambda item: -len(item[0])):
        if words == phrase or words.startswith(f"{phrase} "):
            return None, 0, direction
    try:
        value = parse_value(str(text))
    except CellError:
        value = parse_value(None)
    if value.value is None:
        raise TargetError(f"'{text}' is neither a number nor a direction (Maintain, Improve, Increase, Reduce).")
    return value.value, value.decimals, None


_RELATIVE = re.compile(r"^\s*[+±]?\s*(\d+(?:\.\d+)?)\s*%\s*(?:of (?:the )?target)?\s*$", re.IGNORECASE)
_ABSOLUTE = re.compile(r"^\s*[+±]?\s*(\d+(?:\.\d+)?)\s*(?:points?|pts|pp|percentage points?)?\s*$", re.IGNORECASE)


def parse_tolerance(text: object) -> Tolerance | None:
    """'5%' (of the target), '2', '2 points', '±1.5pp'; blank: none."""
    if text is None or str(text).strip() == "":
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return Tolerance(abs(float(text)))
    if m := _RELATIVE.match(str(text)):
        return Tolerance(float(m.group(1)), relative=True)
    if m := _ABSOLUTE.match(str(text)):
        return Tolerance(float(m.group(1)))
    raise TargetError(f"'{text}' is not a tolerance: write an amount ('2', '2 points') or a share of the target "
                      "('5%').")  # fmt: skip


class StatedRag(StrEnum):
    GREEN = "Green"
    AMBER = "Amber"
    RED = "Red"


_RAG = {"g": StatedRag.GREEN, "green": StatedRag.GREEN, "on target": StatedRag.GREEN, "on track": StatedRag.GREEN,
        "a": StatedRag.AMBER, "amber": StatedRag.AMBER, "within tolerance": StatedRag.AMBER,
        "r": StatedRag.RED, "red": StatedRag.RED, "off target": StatedRag.RED, "off track": StatedRag.RED}  # fmt: skip


def parse_rag(text: object) -> StatedRag | None:
    """A stated RAG ('Green', 'G', 'Amber', 'R', 'Off target'); blank or n/a: None."""
    words = " ".join(str(text or "").lower().replace("-", " ").split())
    if words in ("", "n/a", "na", "none", "not applicable"):
        return None
    if words in _RAG:
        return _RAG[words]
    raise TargetError(f"'{text}' is not a RAG status: write Green, Amber or Red (or G, A, R).")


@dataclass(frozen=True)
class Comment:
    """What is being done about a measure: a few paragraphs for one period, by whom and when (plain text, never
    rendered as markup). `current` is False for an earlier version, kept and shown."""

    measure_id: str
    period: str
    text: str
    author: str
    written: datetime
    current: bool = True


@dataclass(frozen=True)
class Lead:
    """Who answers for a measure, and when its next figure is expected."""

    measure_id: str
    name: str = ""
    organisation: str = ""
    next_update: date | None = None
