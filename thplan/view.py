"""What a page shows for one area at one version of the data: every measure classified (the Plan's and the
indicator library's), the headline series it needs, and where to get any other area's or breakdown's values.

Pure (no Streamlit): the dashboard caches one View per version and area and shares it between sessions, so it is
immutable; another area's series is read through `series_of` when a page asks for it (a Fingertips extract may
hold every borough).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from thplan.analysis import by_breakdown, classify_series, group_series, headline
from thplan.area import BENCHMARKS, is_benchmark
from thplan.classification import Classification, classify, status_against_target
from thplan.framework import Framework
from thplan.observation import Observation
from thplan.peers import PeerGroup
from thplan.store import ImportRecord, Store
from thplan.targets import Comment, Lead

#: Every area's values of one measure (all its breakdowns), by area.
SeriesOf = Callable[[str], Mapping[str, tuple[Observation, ...]]]


@dataclass(frozen=True)
class View:
    version: tuple[int, int]
    framework: Framework
    area: str
    #: Areas with data that a viewer can choose (home first, then by how many values each has): not benchmarks.
    areas: tuple[str, ...]
    #: Every measure classified for `area` (its headline breakdown), in catalogue order: the Plan's and the library's.
    everything: tuple[Classification, ...]
    #: The headline series of `area` and its benchmarks, by (measure id, area).
    series: Mapping[tuple[str, str], tuple[Observation, ...]] = field(repr=False)
    measure_areas: Mapping[str, tuple[str, ...]] = field(repr=False, default_factory=dict)
    last_import: ImportRecord | None = None
    #: The peer groups officers have defined (the built-in ones are in thplan.peers).
    peer_groups: tuple[PeerGroup, ...] = ()
    #: Each measure's lead, and its latest commentary (the home area's: targets and commentary are the Plan's).
    leads: Mapping[str, Lead] = field(default_factory=dict)
    comments: Mapping[str, Comment] = field(default_factory=dict)
    series_of: SeriesOf = field(repr=False, compare=False, default=lambda measure_id: {})

    @functools.cached_property
    def classifications(self) -> tuple[Classification, ...]:
        """The Plan's measures: what every headline, count, list and report counts."""
        return tuple(c for c in self.everything if self.framework.in_plan(c.measure))

    @functools.cached_property
    def library(self) -> tuple[Classification, ...]:
        """The indicator library: measures an import brought that are not in the Plan."""
        return tuple(c for c in self.everything if not self.framework.in_plan(c.measure))

    def classification(self, measure_id: str) -> Classification | None:
        return self._by_measure.get(measure_id)

    @functools.cached_property
    def _by_measure(self) -> dict[str, Classification]:
        return {c.measure.id: c for c in self.everything}

    @property
    def loaded_areas(self) -> tuple[str, ...]:
        return (self.area, *BENCHMARKS)

    def observations(self, measure_id: str, area: str) -> tuple[Observation, ...]:
        """An area's headline values of a measure."""
        if area in self.loaded_areas:
            return tuple(self.series.get((measure_id, area), ()))
        if area not in self.measure_areas.get(measure_id, ()):
            return ()
        return tuple(headline(self.framework, self.series_of(measure_id).get(area, ())))

    def areas_of(self, measure_id: str) -> list[str]:
        return list(self.measure_areas.get(measure_id, ()))

    def breakdowns(self, measure_id: str) -> list[str]:
        """A measure's breakdown labels (the headline's first), when it has any."""
        found = {o.breakdown.label for values in self.series_of(measure_id).values() for o in values}
        if found <= {""}:
            return []
        measure = self.framework.measure(measure_id)
        first = measure.breakdown if measure is not None else ""
        return sorted(found, key=lambda label: (label != first, label))

    def breakdown_series(self, measure_id: str, area: str, label: str) -> tuple[Observation, ...]:
        """An area's values of one breakdown of a measure."""
        return tuple(by_breakdown(self.series_of(measure_id).get(area, ())).get(label, ()))

    def classify_breakdown(self, measure_id: str, label: str) -> Classification | None:
        """The view's area classified on one breakdown of a measure (its benchmarks' values of the same breakdown)."""
        measure = self.framework.measure(measure_id)
        if measure is None:
            return None
        benchmarks = {b: self.breakdown_series(measure_id, b, label) for b in BENCHMARKS}
        return classify(measure, self.area, self.breakdown_series(measure_id, self.area, label), benchmarks,
                        self.framework.settings.baseline)  # fmt: skip

    @property
    def latest_period(self) -> str:
        latest = [c.latest for c in self.classifications if c.latest is not None]
        return max(latest, key=lambda o: o.period.sort_key).period.label if latest else ""


def areas(store: Store) -> tuple[str, tuple[str, ...]]:
    """The home area and the areas a viewer can choose (home first, then by how many values each has): areas with
    data that are not benchmarks (England, London, regions)."""
    home = store.settings().home_area
    counts = store.area_counts()
    chosen = [a for a in counts if a == home or not is_benchmark(a)]
    return home, tuple(sorted(chosen, key=lambda a: (a != home, -counts[a], a))) or (home,)


def build(store: Store, version: tuple[int, int], area: str, offered: tuple[str, ...], series_of: SeriesOf) -> View:
    """The view of `area` (one of `offered`, from `areas`) at a version of the store's data."""
    framework = store.framework()
    series = group_series(headline(framework, store.observations(areas=[area, *BENCHMARKS])))
    imports = store.imports()
    everything = classify_series(framework, series, area)
    targets = store.targets() if area == framework.settings.home_area else {}
    if targets:  # R15: the home area's status against each target
        everything = [replace(c, target=status_against_target(c.measure, c.series, targets[c.measure.id]))
                      if c.measure.id in targets else c for c in everything]  # fmt: skip
    comments: dict[str, Comment] = {}
    for comment in store.commentary():  # newest first: the latest of each measure
        comments.setdefault(comment.measure_id, comment)
    return View(
        version=version,
        framework=framework,
        area=area,
        areas=offered,
        everything=tuple(everything),
        series={k: tuple(v) for k, v in series.items()},
        measure_areas=store.measure_areas(),
        last_import=imports[-1] if imports else None,
        peer_groups=tuple(store.peer_groups()),
        leads=store.leads(),
        comments=comments,
        series_of=series_of,
    )


def series_by_area(store: Store, measure_id: str) -> dict[str, tuple[Observation, ...]]:
    """Every area's values of one measure (all breakdowns)."""
    found: dict[str, list[Observation]] = {}
    for o in store.observations([measure_id]):
        found.setdefault(o.area, []).append(o)
    return {area: tuple(values) for area, values in found.items()}
