"""What changed since a date (the last board meeting, say): which measures got new data, whose classification
changed, and which past values were revised, from the import history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from thplan.analysis import classify_measures, headline
from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification, status_against_target
from thplan.display import observation_text
from thplan.framework import Framework
from thplan.observation import Observation
from thplan.targets import Comment, Target


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
class NewComment:
    measure: str
    period: str
    author: str
    written: str
    text: str


@dataclass(frozen=True)
class Since:
    new_data: tuple[NewData, ...]
    reclassified: tuple[Reclassified, ...]
    revisions: tuple[Revision, ...]
    commentary: tuple[NewComment, ...] = ()


def _labels(c: Classification, targets: Mapping[str, Sequence[Target]]) -> dict[str, str]:
    return {
        "Overall trend": c.overall.label.value,
        "Direction of travel": c.direction.label.value,
        "vs London": c.vs(LONDON).label.value,
        "vs England": c.vs(ENGLAND).label.value,
        "Needs attention": "yes" if c.needs_attention else "no",
        "vs target": status_against_target(c.measure, c.series, targets.get(c.measure.id, ())).label.value,
    }


@dataclass(frozen=True)
class Targets:
    """The targets as they stood then and as they stand now, and the commentary written since (the home area's)."""

    then: Mapping[str, Sequence[Target]]
    now: Mapping[str, Sequence[Target]]
    written: Sequence[Comment] = ()


def since(framework: Framework, then: Sequence[Observation], now: Sequence[Observation], area: str,
          targets: Targets | None = None) -> Since:  # fmt: skip
    """Compare the data as they stood then with the data now, for `area` and its benchmarks: the Plan's measures'
    headline values (a library measure, or another breakdown, is not what changed for the Plan), their status
    against target, and the commentary written since."""
    targets = targets or Targets({}, {})
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
    was = {c.measure.id: _labels(c, targets.then) for c in classify_measures(framework, then, area)}
    is_now = {c.measure.id: _labels(c, targets.now) for c in classify_measures(framework, now, area)}
    reclassified = tuple(
        Reclassified(names[m], what, was[m][what], label)
        for m, labels in is_now.items()
        if m in was
        for what, label in labels.items()
        if was[m][what] != label
    )
    written = tuple(NewComment(names.get(c.measure_id, c.measure_id), c.period, c.author, f"{c.written:%d %b %Y}",
                               c.text) for c in targets.written if c.measure_id in plan)  # fmt: skip
    return Since(new_data, reclassified, tuple(r for r in revisions if r.area in watched), written)
