"""What changed since a date (the last board meeting, say): which measures got new data, whose classification
changed, and which past values were revised, from the import history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thplan.analysis import classify_measures, headline
from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification
from thplan.display import observation_text
from thplan.framework import Framework
from thplan.observation import Observation


@dataclass(frozen=True)
class NewData:
    measure: str
    area: str
    periods: tuple[str, ...]


@dataclass(frozen=True)
class Revision:
    measure: str
    area: str
    period: str
    before: str
    after: str


@dataclass(frozen=True)
class Reclassified:
    measure: str
    what: str
    before: str
    after: str


@dataclass(frozen=True)
class Since:
    new_data: tuple[NewData, ...]
    reclassified: tuple[Reclassified, ...]
    revisions: tuple[Revision, ...]


def _labels(c: Classification) -> dict[str, str]:
    return {
        "Overall trend": c.overall.label.value,
        "Direction of travel": c.direction.label.value,
        "vs London": c.vs(LONDON).label.value,
        "vs England": c.vs(ENGLAND).label.value,
        "Needs attention": "yes" if c.needs_attention else "no",
    }


def since(framework: Framework, then: Sequence[Observation], now: Sequence[Observation], area: str) -> Since:
    """Compare the data as they stood then with the data now, for `area` and its benchmarks: the Plan's measures'
    headline values (a library measure, or another breakdown, is not what changed for the Plan)."""
    plan = {m.id for m in framework.plan_measures}
    then = [o for o in headline(framework, then) if o.measure_id in plan]
    now = [o for o in headline(framework, now) if o.measure_id in plan]
    names = {m.id: m.name for m in framework.measures}
    units = {m.id: m.unit for m in framework.measures}
    before = {o.key: o for o in then}
    after = {o.key: o for o in now}
    fresh: dict[tuple[str, str], list[str]] = {}
    revisions = []
    for key, o in after.items():
        old = before.get(key)
        if old is None:
            if o.available:
                fresh.setdefault((o.measure_id, o.area), []).append(o.period.label)
        elif (old.value, old.missing) != (o.value, o.missing):
            revisions.append(Revision(names.get(o.measure_id, o.measure_id), o.area, o.period.label,
                                      observation_text(old, units.get(o.measure_id)),
                                      observation_text(o, units.get(o.measure_id))))  # fmt: skip
    watched = {area, LONDON, ENGLAND}
    new_data = tuple(NewData(names.get(m, m), a, tuple(periods)) for (m, a), periods in sorted(fresh.items())
                     if a in watched)  # fmt: skip
    was = {c.measure.id: _labels(c) for c in classify_measures(framework, then, area)}
    is_now = {c.measure.id: _labels(c) for c in classify_measures(framework, now, area)}
    reclassified = tuple(
        Reclassified(names[m], what, was[m][what], label)
        for m, labels in is_now.items()
        if m in was
        for what, label in labels.items()
        if was[m][what] != label
    )
    return Since(new_data, reclassified, tuple(r for r in revisions if r.area in watched))
