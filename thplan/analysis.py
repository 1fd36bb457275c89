"""Classify the measures held in a store: the bridge between stored observations and the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from thplan.area import BENCHMARKS
from thplan.classification import Classification, classify
from thplan.framework import Framework
from thplan.measure import Measure
from thplan.observation import Observation


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
    """One classification per catalogued measure for `area` (default: the home area), in catalogue order."""
    return classify_series(framework, group_series(observations), area, measure_ids)


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
    series = group_series(observations)
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
