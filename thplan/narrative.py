"""Plain-English summaries, generated deterministically from the classifications (no language model): one
sentence per measure, and a paragraph per theme for board papers, theme pages and exports."""

from __future__ import annotations

from collections.abc import Sequence

from thplan.area import LONDON
from thplan.classification import Classification, ComparisonLabel, TrendLabel
from thplan.display import observation_text
from thplan.polarity import Polarity
from thplan.summary import Headline, headline


def _value(o, c: Classification) -> str:  # type: ignore[no-untyped-def]
    return observation_text(o, c.measure.unit, long=True)


def _change(c: Classification) -> tuple[str, int]:
    """'rose from 64.7% in 2017/18 to 72.9% in 2021/22' and the judgement of it (+1 better, -1 worse, 0)."""
    trend = c.overall
    if trend.label is TrendLabel.UNAVAILABLE:
        if trend.end is not None:
            return f"has only one value so far, {_value(trend.end, c)} in {trend.end.period.label}", 0
        return "has no data yet", 0
    assert trend.start is not None and trend.end is not None
    span = f"{trend.start.period.label} to {_value(trend.end, c)} in {trend.end.period.label}"
    if trend.label is TrendLabel.SAME:
        return f"stayed at {_value(trend.start, c)} from {trend.start.period.label} to {trend.end.period.label}", 0
    verb = "rose" if (trend.end.value or 0) > (trend.start.value or 0) else "fell"
    judgement = {TrendLabel.IMPROVED: 1, TrendLabel.WORSENED: -1}.get(trend.label, 0)
    return f"{verb} from {_value(trend.start, c)} in {span}", judgement


def _london(c: Classification) -> tuple[str, int]:
    result = c.vs(LONDON)
    if result.label is ComparisonLabel.NOT_COMPARED or result.benchmark is None or result.value is None:
        return "", 0
    london = _value(result.benchmark, c)
    if result.label is ComparisonLabel.SIMILAR:
        return f"is similar to London ({london})", 0
    side = "above" if (result.value.value or 0) > (result.benchmark.value or 0) else "below"
    judgement = {ComparisonLabel.BETTER: 1, ComparisonLabel.WORSE: -1}.get(result.label, 0)
    verb = "remains" if judgement < 0 else "is"
    return f"{verb} {side} London ({london})", judgement


def measure_sentence(c: Classification) -> str:
    """'Overall employment rate rose from 64.7% in 2017/18 to 72.9% in 2021/22 but remains below London (74.9%).'"""
    change, trend_judgement = _change(c)
    london, london_judgement = _london(c)
    if not london:
        return f"{c.measure.name} {change}."
    joiner = "but" if trend_judgement * london_judgement < 0 else "and"
    return f"{c.measure.name} {change} {joiner} {london}."


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _moved(head: Headline) -> str:
    """'1 increased', '2 decreased', '1 increased and 1 decreased'."""
    parts = [f"{head.count(label)} {label.value.lower()}" for label in (TrendLabel.INCREASED, TrendLabel.DECREASED)
             if head.count(label)]  # fmt: skip
    return " and ".join(parts)


def _names(items: Sequence[Classification]) -> str:
    names = [c.measure.name for c in items]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def theme_summary(theme_name: str, classifications: Sequence[Classification], baseline: str) -> list[str]:
    """A theme's paragraph as sentences: counts (the same as its badges: every label, adding up to the number of
    measures), what worsened, where the borough is behind or ahead of London, what needs attention, then one
    sentence per measure."""
    items = list(classifications)
    if not items:
        return [f"{theme_name} has no measures with data yet."]
    head = headline(items)
    judged = [c for c in items if c.measure.polarity is not Polarity.NONE]
    unjudged = head.count(TrendLabel.INCREASED) + head.count(TrendLabel.DECREASED)
    sentences = [
        f"Of the {_count(len(items), 'measure', 'measures')} of {theme_name}, {head.count(TrendLabel.IMPROVED)} "
        f"improved since the {baseline} baseline, {head.count(TrendLabel.SAME)} stayed the same and "
        f"{head.count(TrendLabel.WORSENED)} worsened"
        + (
            f"; {_count(head.count(TrendLabel.UNAVAILABLE), 'does', 'do')} not yet have two values to compare"
            if head.count(TrendLabel.UNAVAILABLE)
            else ""
        )
        + (f"; {_count(unjudged, 'has', 'have')} no polarity, so no judgement ({_moved(head)})" if unjudged else "")
        + "."
    ]
    worsened = [c for c in judged if c.overall.label is TrendLabel.WORSENED]
    if worsened:
        sentences.append(f"Worsened: {_names(worsened)}.")
    behind = [c for c in items if c.vs(LONDON).label is ComparisonLabel.WORSE]
    ahead = [c for c in items if c.vs(LONDON).label is ComparisonLabel.BETTER]
    if behind:
        sentences.append(f"Behind London: {_names(behind)}.")
    if ahead:
        sentences.append(f"Ahead of London: {_names(ahead)}.")
    attention = [c for c in items if c.needs_attention]
    if attention:
        sentences.append(f"Needs attention (worse than London and worsening): {_names(attention)}.")
    sentences.extend(measure_sentence(c) for c in items)
    return sentences
