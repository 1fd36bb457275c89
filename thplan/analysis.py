"""Classify the measures held in a store: the bridge between stored observations and the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from thplan.area import BENCHMARKS
from thplan.classification import Classification, classify
from thplan.framework import Framework
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
    area = area or framework.settings.home_area
    series = group_series(observations)
    wanted = set(measure_ids) if measure_ids is not None else None
    return [
        classify(
            measure,
            area,
            series.get((measure.id, area), []),
            {bench: series.get((measure.id, bench), []) for bench in BENCHMARKS},
            framework.settings.baseline,
        )
        for measure in framework.measures
        if wanted is None or measure.id in wanted
    ]


def classify_all_areas(framework: Framework, observations: Sequence[Observation]) -> list[Classification]:
    """One classification per measure and area that has data for it, and always the home area (listed first)."""
    series = group_series(observations)
    home = framework.settings.home_area
    result = []
    for measure in framework.measures:
        areas = sorted({home} | {a for (m, a) in series if m == measure.id}, key=lambda a: (a != home, a))
        for area in areas:
            result.append(
                classify(
                    measure,
                    area,
                    series.get((measure.id, area), []),
                    {bench: series.get((measure.id, bench), []) for bench in BENCHMARKS},
                    framework.settings.baseline,
                )
            )
    return result
