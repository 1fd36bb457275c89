"""Summaries of many classifications: headline counts, what needs attention, measures grouped by theme.

The headlines count the Plan's measures only (see `View.classifications`, `Framework.plan_measures`); every label
that occurs is counted, so the counts add up to the number of measures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from thplan.area import LONDON
from thplan.classification import Classification, ComparisonLabel, TargetLabel, TrendLabel
from thplan.framework import Framework
from thplan.outcome import Outcome
from thplan.theme import Theme

#: The overall-trend labels in the order headlines show them (the first four always, the others where they occur).
TREND_ORDER = (TrendLabel.IMPROVED, TrendLabel.SAME, TrendLabel.WORSENED, TrendLabel.UNAVAILABLE,
               TrendLabel.INCREASED, TrendLabel.DECREASED)  # fmt: skip
ALWAYS_SHOWN = TREND_ORDER[:4]
COMPARISON_ORDER = tuple(ComparisonLabel)


TARGET_ORDER = (TargetLabel.ON_TARGET, TargetLabel.WITHIN_TOLERANCE, TargetLabel.OFF_TARGET, TargetLabel.UNAVAILABLE)


@dataclass(frozen=True)
class Headline:
    """How many measures have each overall trend and each comparison with London, and how many need attention."""

    total: int
    overall: dict[TrendLabel, int]
    vs_london: dict[ComparisonLabel, int]
    attention: int
    #: Of the Data Unavailable: how many have one value so far (the rest have none).
    one_value: int = 0
    #: Status against target (R15) of the measures with a target (No target is not counted).
    vs_target: dict[TargetLabel, int] = field(default_factory=dict)

    @property
    def behind_london(self) -> int:
        return self.vs_london.get(ComparisonLabel.WORSE, 0)

    @property
    def ahead_of_london(self) -> int:
        return self.vs_london.get(ComparisonLabel.BETTER, 0)

    def count(self, label: TrendLabel) -> int:
        return self.overall.get(label, 0)

    @property
    def shown(self) -> dict[TrendLabel, int]:
        """The trend counts a headline shows: Improved, The same, Worsened and Data Unavailable always, Increased
        and Decreased (no polarity) where any measure has them; they add up to `total`."""
        return {label: self.count(label) for label in TREND_ORDER if label in ALWAYS_SHOWN or self.count(label)}


def headline(classifications: Iterable[Classification]) -> Headline:
    items = list(classifications)
    trends = Counter(c.overall.label for c in items)
    london = Counter(c.vs(LONDON).label for c in items)
    return Headline(
        total=len(items),
        overall={label: trends[label] for label in TREND_ORDER if trends[label]},
        vs_london={label: london[label] for label in COMPARISON_ORDER if london[label]},
        attention=sum(c.needs_attention for c in items),
        one_value=sum(c.overall.label is TrendLabel.UNAVAILABLE and c.overall.end is not None for c in items),
        vs_target={label: n for label in TARGET_ORDER if (n := sum(c.target_label is label for c in items))},
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


def _counts(head: Headline) -> dict[str, Any]:
    return {
        "measures": head.total,
        "overall_trend": {label.value: n for label, n in head.overall.items()},
        "vs_london": {label.value: n for label, n in head.vs_london.items()},
        "needs_attention": head.attention,
    }


def plan_summary(framework: Framework, classifications: Sequence[Classification]) -> dict[str, Any]:
    """The overview's headline as data (`python -m thplan summary`): the Plan's measures, each overall trend and
    comparison with London that occurs, how many need attention, and the same for each theme."""
    plan = [c for c in classifications if framework.in_plan(c.measure)]
    themes = [{"theme": g.theme.name, **_counts(headline(g.classifications))} for g in by_theme(framework, plan)]
    return {**_counts(headline(plan)), "themes": themes}


def summary_text(summary: dict[str, Any]) -> str:
    """The summary as lines for a terminal."""

    def line(counts: dict[str, Any]) -> str:
        trends = ", ".join(f"{n} {label}" for label, n in counts["overall_trend"].items())
        london = ", ".join(f"{n} {label}" for label, n in counts["vs_london"].items())
        attention = counts["needs_attention"]
        return f"{counts['measures']} measures: {trends}. vs London: {london}. Need attention: {attention}."

    lines = [f"The Plan: {line(summary)}"]
    lines += [f"  {theme['theme']}: {line(theme)}" for theme in summary["themes"]]
    return "\n".join(lines) + "\n"
