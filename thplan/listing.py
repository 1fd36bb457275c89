"""The measures table: one row per measure (and area) with its classification, as the command line prints it
and the dashboard's exports write it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification, TrendResult
from thplan.display import number, published, trend_words
from thplan.formula import neutralise
from thplan.framework import Framework
from thplan.observation import Observation
from thplan.targets import Comment

COLUMNS = (
    "theme", "outcome", "measure", "kind", "polarity", "unit", "area", "baseline_period", "baseline_value",
    "previous_period", "previous_value", "latest_period", "latest_value", "overall_trend", "overall_trend_note",
    "direction_of_travel", "direction_of_travel_note", "recent_trend", "london_period", "london_value", "vs_london",
    "england_period", "england_value", "vs_england", "needs_attention", "gap_to_london",
    "target_period", "target", "vs_target", "commentary", "notes",
)  # fmt: skip


def shown(o: Observation | None) -> float | None:
    """A value as published: rounded to its own decimal places."""
    if o is None or o.value is None:
        return None
    return published(o.value, o.decimals)


def shown_text(o: Observation | None) -> str:
    if o is None or o.value is None:
        return ""
    return number(o.value, o.decimals).replace(",", "")


def _period(o: Observation | None) -> str:
    return o.period.label if o is not None else ""


def _note(result: TrendResult) -> str:
    """What qualifies a trend's label: 'not comparable: telephone survey from 2020/21', 'One value so far'."""
    words = trend_words(result)
    return words.removeprefix(result.label.value).lstrip(", ") if words != result.label.value else ""


def row(framework: Framework, c: Classification, comment: Comment | None = None) -> dict[str, Any]:
    theme = framework.theme(c.measure.theme_id)
    outcome = framework.outcome(c.measure.outcome_id)
    london, england = c.vs(LONDON), c.vs(ENGLAND)
    target = c.target.target if c.target is not None else None
    return {
        "theme": theme.name if theme else "",
        "outcome": outcome.name if outcome else "",
        "measure": c.measure.name,
        "kind": c.measure.kind.value,
        "polarity": c.measure.polarity.value,
        "unit": c.measure.unit.value if c.measure.unit else "",
        "area": c.area,
        "baseline_period": _period(c.baseline),
        "baseline_value": c.baseline,
        "previous_period": _period(c.previous),
        "previous_value": c.previous,
        "latest_period": _period(c.latest),
        "latest_value": c.latest,
        "overall_trend": c.overall.label.value,
        "overall_trend_note": _note(c.overall),
        "direction_of_travel": c.direction.label.value,
        "direction_of_travel_note": _note(c.direction),
        "recent_trend": c.recent.label.value,
        "london_period": _period(london.benchmark),
        "london_value": london.benchmark,
        "vs_london": london.label.value,
        "england_period": _period(england.benchmark),
        "england_value": england.benchmark,
        "vs_england": england.label.value,
        "needs_attention": c.needs_attention,
        "gap_to_london": c.gap_label.value,
        "target_period": target.period if target is not None else "",
        "target": str(target) if target is not None else "",
        "vs_target": c.target_label.value,
        "commentary": comment.text if comment is not None else "",
        "notes": " ".join(c.caveats),
    }


def rows(
    framework: Framework, classifications: Sequence[Classification], comments: Mapping[str, Comment] | None = None
) -> list[dict[str, Any]]:
    """The table's rows; `comments`: each measure's latest commentary."""
    return [row(framework, c, (comments or {}).get(c.measure.id)) for c in classifications]


def to_csv(table: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in table:
        writer.writerow(
            shown_text(v) if isinstance(v, Observation) or (v is None and k.endswith("_value"))
            else ("yes" if v else "no") if k == "needs_attention"
            else neutralise(v) if isinstance(v, str)  # a name from a file could start a formula in a spreadsheet
            else v
            for k, v in ((k, r[k]) for k in COLUMNS)
        )  # fmt: skip
    return out.getvalue()


def to_json(table: Sequence[dict[str, Any]]) -> str:
    plain = [
        {k: shown(v) if isinstance(v, Observation) or (v is None and k.endswith("_value")) else v for k, v in r.items()}
        for r in table
    ]
    return json.dumps(plain, indent=2, ensure_ascii=False, allow_nan=False)  # JSON has no Infinity or NaN
