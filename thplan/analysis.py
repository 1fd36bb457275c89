"""Classify the measures held in a store: the bridge between stored observations and the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from thplan.area import BENCHMARKS
from thplan.classification import Classification, classify
from thplan.framework import Framework
from thplan.measure import Measure
from thplan.observation import Observation


def headline(framework: Framework, observations: Iterable[Observation]) -> list[Observation]:
    """The values the headlines use: each measure's headline breakdown's (for most measures, values without a
    breakdown). The values of a measure whose headline breakdown is not chosen yet are none of them."""
    wanted = {m.id: m.breakdown for m in framework.measures}
    return [o for o in observations if wanted.get(o.measure_id, "") == o.breakdown.label]


def by_breakdown(observations: Iterable[Observation]) -> dict[str, list[Observation]]:
    """One measure's values (of one area or several) by breakdown label, in the order they come."""
    found: dict[str, list[Observation]] = defaultdict(list)
    for o in observations:
        found[o.breakdown.label].append(o)
    return found


def group_series(observations: Iterable[Observation]) -> dict[tuple[str, str], list[Observation]]:
    series: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        series[(o.measure_id, o.area)].append(o)
    return series


def classify_measures(
    framework: Framework,
    observations: Sequence[Observation],
    area: str | None = None,
    measure_ids: Iterable[str] | None = None,
) -> list[Classification]:
    """One classification per catalogued measure for `area` (default: the home area), in catalogue order, of its
    headline breakdown."""
    return classify_series(framework, group_series(headline(framework, observations)), area, measure_ids)


def classify_series(
    framework: Framework,
    series: Mapping[tuple[str, str], Sequence[Observation]],
    area: str | None = None,
    measure_ids: Iterable[str] | None = None,
) -> list[Classification]:
    """`classify_measures` of observations already grouped by `group_series`."""
    area = area or framework.settings.home_area
    wanted = set(measure_ids) if measure_ids is not None else None
    return [
        _classify(framework, series, measure, area)
        for measure in framework.measures
        if wanted is None or measure.id in wanted
    ]


def classify_all_areas(framework: Framework, observations: Sequence[Observation]) -> list[Classification]:
    """One classification per measure and area that has data for it, and always the home area (listed first)."""
    series = group_series(headline(framework, observations))
    home = framework.settings.home_area
    areas_of: dict[str, set[str]] = defaultdict(set)
    for measure_id, area in series:
        areas_of[measure_id].add(area)
    return [
        _classify(framework, series, measure, area)
        for measure in framework.measures
        for area in sorted({home} | areas_of[measure.id], key=lambda a: (a != home, a))
    ]


def _classify(
    framework: Framework, series: Mapping[tuple[str, str], Sequence[Observation]], measure: Measure, area: str
) -> Classification:
    return classify(
        measure,
        area,
        series.get((measure.id, area), []),
        {bench: series.get((measure.id, bench), []) for bench in BENCHMARKS},
        framework.settings.baseline,
    )
