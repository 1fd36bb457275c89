"""Tables shown on the measure page: how a measure was classified, its values, and its revision history."""

from __future__ import annotations

import pandas as pd

from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification
from thplan.display import gap_sentence, observation_text, stored_text
from thplan.observation import Observation
from thplan.period import NOT_STATED
from thplan.view import View
from ui import caches

MAX_AREA_COLUMNS = 6
UNDATED = "Period not stated"


def _compared(c: Classification, start: Observation | None, end: Observation | None) -> str:
    unit = c.measure.unit
    parts = [f"{observation_text(o, unit)} ({o.period.label})" for o in (start, end) if o is not None]
    return " → ".join(parts)


def method_frame(c: Classification) -> pd.DataFrame:
    london, england = c.vs(LONDON), c.vs(ENGLAND)
    rows = [
        ("Overall trend", c.overall.label, c.overall.method, _compared(c, c.overall.start, c.overall.end)),
        ("Direction of travel", c.direction.label, c.direction.method,
         _compared(c, c.direction.start, c.direction.end)),
        ("vs London", london.label, london.method, _compared(c, london.value, london.benchmark).replace("→", "vs")),
        ("vs England", england.label, england.method,
         _compared(c, england.value, england.benchmark).replace("→", "vs")),
        ("Recent trend (Fingertips)", c.recent.label, c.recent.method, ""),
        ("Gap to London", c.gap_label, "the gap in the first period both have from the baseline on against the latest",
         gap_sentence(c.gap, c.area, c.measure.unit).partition(": ")[2] if c.gap is not None else ""),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["Result", "Label", "Method", "Values compared"])


def values_frame(view: View, c: Classification, series: dict[str, tuple[Observation, ...]]) -> pd.DataFrame:
    """Periods down (a figure whose period its source does not state in a row of its own, first), areas across
    (the area, London, England, then others), with missing-value reasons and notes."""
    areas = [a for a in (c.area, LONDON, ENGLAND) if series.get(a)]
    others = [a for a in series if a not in areas]
    areas += others[: max(0, MAX_AREA_COLUMNS - len(areas))]
    cells: dict[str, dict[str, str]] = {}
    order: dict[str, tuple[int, int]] = {}
    notes: dict[str, str] = {}
    for area in areas:
        for o in series.get(area, ()):
            label = o.period.label if o.dated else UNDATED
            cells.setdefault(label, {})[area] = observation_text(o, c.measure.unit)
            order[label] = o.effective_period.sort_key
            if o.note and (area == c.area or not o.dated):
                notes[label] = o.note
            if not o.dated and o.context_period:
                notes[label] = f"Its source gives no period (its table's latest period: {o.context_period})."
    rows = [{"Period": p, **cells[p], "Notes": notes.get(p, "")} for p in sorted(cells, key=order.get)]
    return pd.DataFrame(rows, columns=["Period", *areas, "Notes"]).fillna("")


def history_frame(view: View, measure_id: str, breakdown: str = "") -> pd.DataFrame:
    frame = caches.value_history(view.version, measure_id)
    if frame.empty:
        return frame
    frame = frame[frame["breakdown"] == breakdown]
    shown = pd.DataFrame(
        {
            "Area": frame["area"],
            "Period": [UNDATED if p == NOT_STATED.label else p for p in frame["period"]],
            "Value": [
                stored_text(v, d, m)
                for v, d, m in zip(frame["value"], frame["decimals"], frame["missing"], strict=True)
            ],
            "Written by": [
                f"import {int(i)}: {f} ({u}, {t:%d %b %Y})"
                for i, f, u, t in zip(
                    frame["valid_from"], frame["written_from"], frame["written_by"], frame["written_at"], strict=True
                )
            ],
            "Read from": [_cell(s, c) for s, c in zip(frame["source_sheet"], frame["source_cell"], strict=True)],
            "Status": ["current" if pd.isna(t) else f"replaced by import {int(t)}" for t in frame["valid_to"]],
        }
    )
    return shown.sort_values(["Area", "Period"], kind="stable")


def _cell(sheet: object, cell: object) -> str:
    """Where a value was read, as Excel names a cell ('Jobs'!D4); a CSV file's cell has no sheet."""
    if pd.isna(cell) or not cell:
        return ""
    return f"'{sheet}'!{cell}" if isinstance(sheet, str) and sheet else str(cell)
