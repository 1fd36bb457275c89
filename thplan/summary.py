"""Summaries of many classifications: headline counts, what needs attention, measures grouped by theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thplan.area import LONDON
from thplan.classification import Classification, ComparisonLabel, TrendLabel
from thplan.framework import Framework
from thplan.outcome import Outcome
from thplan.theme import Theme

HEADLINE = (TrendLabel.IMPROVED, TrendLabel.SAME, TrendLabel.WORSENED, TrendLabel.UNAVAILABLE)


@dataclass(frozen=True)
class Headline:
    """How many measures improved, stayed the same, worsened or have no trend, and how many are behind London."""

    counts: dict[str, int]
    no_polarity: int
    behind_london: int
    ahead_of_london: int
    attention: int
    total: int


def headline(classifications: Iterable[Classification]) -> Headline:
    items = list(classifications)
    counts = Counter(c.overall.label for c in items)
    return Headline(
        counts={label.value: counts.get(label, 0) for label in HEADLINE},
        no_polarity=counts.get(TrendLabel.INCREASED, 0) + counts.get(TrendLabel.DECREASED, 0),
        behind_london=sum(c.vs(LONDON).label is ComparisonLabel.WORSE for c in items),
        ahead_of_london=sum(c.vs(LONDON).label is ComparisonLabel.BETTER for c in items),
        attention=sum(c.needs_attention for c in items),
        total=len(items),
    )


def needs_attention(classifications: Iterable[Classification]) -> list[Classification]:
    """Worse than London and worsening (R11), in catalogue order."""
    return [c for c in classifications if c.needs_attention]


@dataclass(frozen=True)
class ThemeGroup:
    theme: Theme
    outcomes: tuple[tuple[Outcome | None, tuple[Classification, ...]], ...]

    @property
    def classifications(self) -> list[Classification]:
        return [c for _, group in self.outcomes for c in group]


def by_theme(framework: Framework, classifications: Sequence[Classification]) -> list[ThemeGroup]:
    """Each theme's outcomes with their measures (outcome measures first, then outputs), in the Plan's order."""
    groups = []
    for theme in framework.themes:
        mine = [c for c in classifications if c.measure.theme_id == theme.id]
        outcomes: list[tuple[Outcome | None, tuple[Classification, ...]]] = []
        for outcome in (o for o in framework.outcomes if o.theme_id == theme.id):
            members = tuple(c for c in mine if c.measure.outcome_id == outcome.id)
            outcomes.append((outcome, members))
        rest = tuple(c for c in mine if c.measure.outcome_id not in {o.id for o, _ in outcomes if o})
        if rest:
            outcomes.append((None, rest))
        groups.append(ThemeGroup(theme, tuple(outcomes)))
    return groups


def unthemed(framework: Framework, classifications: Sequence[Classification]) -> list[Classification]:
    """Measures in no theme of the Plan (typically added by an import of another organisation's data)."""
    themes = {t.id for t in framework.themes}
    return [c for c in classifications if c.measure.theme_id not in themes]
