"""The overview's filters: theme, outcome, kind, status and search words, and which measures they keep."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from thplan.area import LONDON
from thplan.classification import Classification, ComparisonLabel, GapLabel, TargetLabel, TrendLabel
from thplan.measure import normalise_name


class Status(StrEnum):
    """What a viewer can filter the measures by (each id as it goes in a link)."""

    IMPROVED = "Improved"
    SAME = "The same"
    WORSENED = "Worsened"
    UNAVAILABLE = "Data Unavailable"
    INCREASED = "Increased"
    DECREASED = "Decreased"
    BETTER_THAN_LONDON = "Better than London"
    WORSE_THAN_LONDON = "Worse than London"
    NEEDS_ATTENTION = "Needs attention"
    GAP_CLOSING = "Gap to London closing"
    GAP_WIDENING = "Gap to London widening"
    ON_TARGET = "On target"
    WITHIN_TOLERANCE = "Within tolerance"
    OFF_TARGET = "Off target"
    NEEDS_DISCUSSION = "Needs discussion"


_TRENDS = {Status.IMPROVED: TrendLabel.IMPROVED, Status.SAME: TrendLabel.SAME, Status.WORSENED: TrendLabel.WORSENED,
           Status.UNAVAILABLE: TrendLabel.UNAVAILABLE, Status.INCREASED: TrendLabel.INCREASED,
           Status.DECREASED: TrendLabel.DECREASED}  # fmt: skip
_GAPS = {Status.GAP_CLOSING: GapLabel.CLOSING, Status.GAP_WIDENING: GapLabel.WIDENING}
_TARGETS = {Status.ON_TARGET: TargetLabel.ON_TARGET, Status.WITHIN_TOLERANCE: TargetLabel.WITHIN_TOLERANCE,
            Status.OFF_TARGET: TargetLabel.OFF_TARGET}  # fmt: skip
KINDS = ("All", "outcome", "output")


def statuses_of(c: Classification) -> set[Status]:
    """The statuses a measure has: its overall trend, how it compares with London, whether it needs attention or
    discussion, whether its gap to London is closing or widening, its status against target."""
    found = {s for s, label in _TRENDS.items() if c.overall.label is label}
    london = c.vs(LONDON).label
    if london is ComparisonLabel.BETTER:
        found.add(Status.BETTER_THAN_LONDON)
    if london is ComparisonLabel.WORSE:
        found.add(Status.WORSE_THAN_LONDON)
    if c.needs_attention:
        found.add(Status.NEEDS_ATTENTION)
    found |= {s for s, label in _GAPS.items() if c.gap_label is label}
    found |= {s for s, label in _TARGETS.items() if c.target_label is label}
    if c.needs_discussion:
        found.add(Status.NEEDS_DISCUSSION)
    return found


@dataclass(frozen=True)
class Filters:
    themes: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    kind: str = "All"
    statuses: tuple[Status, ...] = ()
    text: str = ""


def matches(c: Classification, words: Sequence[str]) -> bool:
    """Whether every search word is in the measure's name, aliases or id (compared in normalised form)."""
    haystack = normalise_name(" ".join([c.measure.name, *c.measure.aliases, c.measure.id]))
    return all(w in haystack for w in words)


def apply(classifications: Iterable[Classification], filters: Filters) -> list[Classification]:
    """The measures the filters keep (any of the chosen themes, outcomes and statuses; every search word)."""
    words = normalise_name(filters.text).split()
    return [
        c
        for c in classifications
        if (not filters.themes or c.measure.theme_id in filters.themes)
        and (not filters.outcomes or c.measure.outcome_id in filters.outcomes)
        and (filters.kind == "All" or c.measure.kind.value == filters.kind)
        and (not filters.statuses or statuses_of(c) & set(filters.statuses))
        and matches(c, words)
    ]
