"""Tables shown on the measure page: how a measure was classified, its values, and its revision history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from thplan.area import ENGLAND, LONDON
from thplan.classification import Classification
from thplan.display import observation_text
from ui import shell

MAX_AREA_COLUMNS = 6


def _compared(c: Classification, start, end) -> str:  # type: ignore[no-untyped-def]
    unit = c.measure.unit
    parts = [f"{observation_text(o, unit)} ({o.period.label})" for o in (start, end) if o is not None]
    return " → ".join(parts)


def method_frame(c: Classification) -> pd.DataFrame:
    london, england = c.vs(LONDON), c.vs(ENGLAND)
    rows = [
        ("Overall trend", c.overall.label, c.overall.method, _compared(c, c.overall.start, c.overall.end)),
        (
            "Direction of travel",
            c.direction.label,
            c.direction.method,
            _compared(c, c.direction.start, c.direction.end),
        ),
        ("vs London", london.label, london.method, _compared(c, london.value, london.benchmark).replace("→", "vs")),
        (
            "vs England",
            england.label,
            england.method,
            _compared(c, england.value, england.benchmark).replace("→", "vs"),
        ),
        ("Recent trend (Fingertips)", c.recent.label, c.recent.method, ""),
    ]
    return pd.DataFrame(rows, columns=["Result", "Label", "Method", "Values compared"])


def values_frame(view: shell.View, c: Classification) -> pd.DataFrame:
    """Periods down, areas across (the home area, London, England, then others), with missing-value reasons."""
    areas = [a for a in (c.area, LONDON, ENGLAND) if view.observations(c.measure.id, a)]
    others = [a for a in view.areas_of(c.measure.id) if a not in areas]
    areas += others[: max(0, MAX_AREA_COLUMNS - len(areas))]
    cells: dict[str, dict[str, str]] = {}
    order: dict[str, tuple[int, int]] = {}
    notes: dict[str, str] = {}
    for area in areas:
        for o in view.observations(c.measure.id, area):
            cells.setdefault(o.period.label, {})[area] = observation_text(o, c.measure.unit)
            order[o.period.label] = o.effective_period.sort_key
            if area == c.area and o.note:
                notes[o.period.label] = o.note
    rows = [{"Period": p, **cells[p], "Notes": notes.get(p, "")} for p in sorted(cells, key=order.get)]
    return pd.DataFrame(rows, columns=["Period", *areas, "Notes"]).fillna("")


@st.cache_data(max_entries=64, show_spinner=False)
def _history(version: tuple[int, int], measure_id: str) -> pd.DataFrame:
    return shell.store().value_history(measure_id)


def history_frame(view: shell.View, measure_id: str) -> pd.DataFrame:
    frame = _history(view.version, measure_id)
    if frame.empty:
        return frame

    def value(v: object, d: object, m: object) -> str:
        if pd.isna(v):
            return "" if pd.isna(m) else str(m)
        return f"{float(v):.{0 if pd.isna(d) else int(d)}f}"

    shown = pd.DataFrame(
        {
            "Area": frame["area"],
            "Period": frame["period"],
            "Value": [
                value(v, d, m) for v, d, m in zip(frame["value"], frame["decimals"], frame["missing"], strict=True)
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
