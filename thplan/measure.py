"""Measures: what is tracked, how it is judged (polarity) and how it is written (unit, period kind)."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from thplan.period import PeriodKind
from thplan.polarity import Polarity


class Kind(StrEnum):
    OUTCOME = "outcome"
    OUTPUT = "output"


class Unit(StrEnum):
    PERCENT = "%"
    SCORE = "score"
    COUNT = "count"
    RATE_100K = "rate per 100,000"
    RATE_10K = "rate per 10,000"
    RATE_1K = "rate per 1,000"
    YEARS = "years"
    POUNDS = "£"


class MeasureError(ValueError):
    """A measure definition that cannot be used."""


#: Column or block names that say how something is counted but not what: never a measure's whole name.
GENERIC_NAMES = frozenset({"number", "numbers", "percent", "percentage", "%", "rate", "count", "value", "total",
                           "proportion"})  # fmt: skip
_SHARE_WORDS = re.compile(r"\b(percent|percentage|pct|proportion|share)\b|%")
_NOT_COUNT_WORDS = re.compile(r"\b(rate|rates|per|average|mean|median|score|index|ratio|pay|earnings|days|weeks|years|"
                              r"percentile|quartile|gap|change|difference|expectancy|£)\b|£")  # fmt: skip


def unit_implied_by(name: str) -> str:
    """The unit a statistical publisher's column name implies (the DfE's, NOMIS's): '%' for a percentage, '' for a
    rate, an average or a duration (the unit is not said), else 'count': a number of people or things, which is
    never compared with areas of other sizes (a wrong comparison is worse than none)."""
    words = name.lower().replace("_", " ")
    if _SHARE_WORDS.search(words):
        return Unit.PERCENT.value
    return "" if _NOT_COUNT_WORDS.search(words) else Unit.COUNT.value


def parse_unit(text: object) -> Unit | None:
    raw = " ".join(str(text or "").lower().split())
    if not raw:
        return None
    for unit in Unit:
        if raw == unit.value:
            return unit
    synonyms = {
        "percent": Unit.PERCENT, "percentage": Unit.PERCENT, "per cent": Unit.PERCENT, "proportion": Unit.PERCENT,
        "number": Unit.COUNT, "count": Unit.COUNT, "n": Unit.COUNT,
        "rate per 100000": Unit.RATE_100K, "per 100,000": Unit.RATE_100K, "per 100000": Unit.RATE_100K,
        "rate per 1000": Unit.RATE_1K, "per 1,000": Unit.RATE_1K, "per 1000": Unit.RATE_1K,
        "rate per 10000": Unit.RATE_10K, "per 10,000": Unit.RATE_10K, "per 10000": Unit.RATE_10K,
        "year": Unit.YEARS, "pounds": Unit.POUNDS, "gbp": Unit.POUNDS, "gbp (000)": Unit.POUNDS,
        "£000": Unit.POUNDS, "£ thousands": Unit.POUNDS, "£000s": Unit.POUNDS, "gbp thousands": Unit.POUNDS,
    }  # fmt: skip
    if raw in synonyms:
        return synonyms[raw]
    raise MeasureError(f"'{text}' is not a unit we know. Use one of: {', '.join(u.value for u in Unit)}.")


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    theme_id: str = ""
    outcome_id: str = ""
    kind: Kind = Kind.OUTCOME
    polarity: Polarity = Polarity.NONE
    unit: Unit | None = None
    period_type: PeriodKind = PeriodKind.FINANCIAL
    aliases: tuple[str, ...] = ()
    definition: str = ""
    notes: str = ""
    source: str = ""
    tolerance: float | None = None
    #: "direct" compares values as published; "interval" compares only by the home value's confidence interval
    #: (Fingertips' method: a value without an interval is not compared); "none": its publisher does not compare
    #: it between areas (Fingertips' "Not compared" for every area), so neither do we.
    comparison: str = "direct"
    position: int = 0
    #: The label of the breakdown its headline uses ("Persons, All ages"); "" when its values have no breakdown,
    #: None when the file gave several and none is the headline yet.
    breakdown: str | None = ""
    #: The name the annual report's tables give it (the 2021-22 review's wording); its name when blank.
    report_name: str = ""
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def compared_with_benchmarks(self) -> bool:
        """Counts depend on an area's size, so a borough's count is never judged against London's; and a measure
        its publisher does not benchmark is not compared."""
        return self.unit is not Unit.COUNT and self.comparison != NOT_BENCHMARKED


NOT_BENCHMARKED = "none"


_MARKS = re.compile(r"[*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_ZERO_FOR_O = re.compile(r"\bn0(\d)")
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The form in which two names of one measure compare equal."""
    text = unicodedata.normalize("NFKC", _MARKS.sub(" ", name)).lower()
    text = text.replace("&", " and ").replace("%", " percent ").replace("’", "'")
    text = _ZERO_FOR_O.sub(r"no\1", text)  # "N02" written with a zero
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text).split())


def slugify(name: str) -> str:
    return "-".join(normalise_name(name).split())[:80] or "measure"
