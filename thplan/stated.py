"""Trends, arrows and comparisons that a report states, read and checked against what the classifier computes.

A stated mark is either a judgement (Improved, Better, an arrow on a measure with a polarity: up is good),
a relation (Increased, Higher, an arrow on a measure with no polarity: up is up), or "not available" (N/A,
Data Unavailable, Not compared).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from thplan.classification import (
    Classification,
    ComparisonLabel,
    ComparisonResult,
    RecentTrendLabel,
    TrendLabel,
    TrendResult,
)
from thplan.observation import Observation
from thplan.polarity import Polarity

UNAVAILABLE = "unavailable"
JUDGEMENT = "judgement"
RELATION = "relation"


class StatedError(ValueError):
    """A stated-label cell we cannot read."""


@dataclass(frozen=True)
class Stated:
    kind: str  # judgement, relation or unavailable
    sign: int = 0  # +1 better/higher, 0 same/similar, -1 worse/lower

    def describe(self, what: str) -> str:
        if self.kind == UNAVAILABLE:
            return "not available"
        names = {
            ("trend", JUDGEMENT): {1: "Improved", 0: "The same", -1: "Worsened"},
            ("trend", RELATION): {1: "Increased", 0: "The same", -1: "Decreased"},
            ("vs", JUDGEMENT): {1: "Better", 0: "Similar", -1: "Worse"},
            ("vs", RELATION): {1: "Higher", 0: "Similar", -1: "Lower"},
        }
        return names[("vs" if what == "vs" else "trend", self.kind)][self.sign]


_ARROWS = {"↑": 1, "⬆": 1, "▲": 1, "↗": 1, "↓": -1, "⬇": -1, "▼": -1, "↘": -1, "→": 0, "↔": 0, "⟷": 0, "►": 0}
_WORDS = {
    "improved": (JUDGEMENT, 1), "improving": (JUDGEMENT, 1), "better": (JUDGEMENT, 1),
    "worsened": (JUDGEMENT, -1), "worsening": (JUDGEMENT, -1), "worse": (JUDGEMENT, -1),
    "the same": (JUDGEMENT, 0), "same": (JUDGEMENT, 0), "no change": (JUDGEMENT, 0), "stable": (JUDGEMENT, 0),
    "similar": (JUDGEMENT, 0), "no significant change": (JUDGEMENT, 0),
    "increased": (RELATION, 1), "increasing": (RELATION, 1), "higher": (RELATION, 1), "up": (RELATION, 1),
    "decreased": (RELATION, -1), "decreasing": (RELATION, -1), "lower": (RELATION, -1), "down": (RELATION, -1),
    "n/a": (UNAVAILABLE, 0), "na": (UNAVAILABLE, 0), "data unavailable": (UNAVAILABLE, 0),
    "not compared": (UNAVAILABLE, 0), "not applicable": (UNAVAILABLE, 0), "-": (UNAVAILABLE, 0),
    "cannot be calculated": (UNAVAILABLE, 0), "data not available": (UNAVAILABLE, 0),
}  # fmt: skip


def read_stated(text: object, polarity: Polarity) -> Stated | None:
    """Read a stated mark; None for a blank cell. Arrows judge a measure with a polarity, else they relate."""
    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    if raw in _ARROWS:
        return Stated(JUDGEMENT if polarity.judged else RELATION, _ARROWS[raw])
    key = raw.lower()
    if key in _WORDS:
        kind, sign = _WORDS[key]
        return Stated(kind, sign)
    # Fingertips' compound recent-trend labels: "Increasing and getting worse".
    if m := re.fullmatch(r"(increasing|decreasing) and getting (better|worse)", key):
        return Stated(JUDGEMENT, 1 if m.group(2) == "better" else -1)
    raise StatedError(
        f"'{raw}' is not a trend or comparison we can read (use ↑ ↓ →, Improved, The same, Worsened, Better, "
        "Similar, Worse, Higher, Lower or N/A)."
    )


def _from_trend(result: TrendResult) -> tuple[Stated, Stated]:
    """The computed trend as (judgement-or-unavailable, relation-or-unavailable)."""
    return _marks(result.label, result.start, result.end, unavailable=TrendLabel.UNAVAILABLE, same=TrendLabel.SAME,
                  unjudged=(TrendLabel.INCREASED, TrendLabel.DECREASED), better=TrendLabel.IMPROVED)  # fmt: skip


def _from_comparison(result: ComparisonResult) -> tuple[Stated, Stated]:
    """The computed comparison as (judgement-or-unavailable, relation-or-unavailable)."""
    return _marks(result.label, result.benchmark, result.value, unavailable=ComparisonLabel.NOT_COMPARED,
                  same=ComparisonLabel.SIMILAR, unjudged=(ComparisonLabel.HIGHER, ComparisonLabel.LOWER),
                  better=ComparisonLabel.BETTER)  # fmt: skip


def _marks(
    label: object, first: Observation | None, second: Observation | None, *, unavailable: object, same: object,
    unjudged: tuple[object, ...], better: object,
) -> tuple[Stated, Stated]:  # fmt: skip
    """A computed label that sets `second` against `first` as (judgement, relation); a label without polarity
    (increased, higher) is a relation for both."""
    if label is unavailable or first is None or second is None:
        return Stated(UNAVAILABLE), Stated(UNAVAILABLE)
    if label is same:
        return Stated(JUDGEMENT, 0), Stated(RELATION, 0)
    relation = Stated(RELATION, 1 if (second.value or 0) > (first.value or 0) else -1)
    if label in unjudged:
        return relation, relation
    return Stated(JUDGEMENT, 1 if label is better else -1), relation


def computed_for(classification: Classification, what: str, benchmark: str = "") -> tuple[Stated, Stated, str]:
    """The classifier's (judgement, relation, label text) for one stated mark."""
    if what == "vs":
        result = classification.vs(benchmark)
        judgement, relation = _from_comparison(result)
        return judgement, relation, result.label.value
    trend = classification.overall if what == "overall" else classification.direction
    judgement, relation = _from_trend(trend)
    return judgement, relation, trend.label.value


def check(text: object, classification: Classification, what: str, benchmark: str = "") -> tuple[bool, str] | None:
    """Does a stated mark agree with the classifier? Returns (agrees, computed label), None for a blank cell and
    for a stated recent trend the data hold too few points to compute (its publisher used points not given)."""
    stated = read_stated(text, classification.measure.polarity)
    if stated is None:
        return None
    if what == "recent":
        computed = classification.recent.label
        if stated.kind != UNAVAILABLE and not classification.recent.enough_points:
            return None
        raw = " ".join(str(text).split()).lower()
        if stated.kind == UNAVAILABLE:
            return computed is RecentTrendLabel.CANNOT, computed.value
        return raw == computed.value.lower(), computed.value
    judgement, relation, label = computed_for(classification, what, benchmark)
    if stated.kind == UNAVAILABLE:
        return judgement.kind == UNAVAILABLE, label
    if stated.kind == RELATION:
        return relation == stated, label
    return judgement == stated, label
