"""Download what you see: the measures table as CSV or as a formatted Excel workbook (status cells coloured and
labelled, frozen header, widths set, a notes sheet with sources and the as-at date). Text is neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from thplan.display import TINT, badge_text, colour, spreadsheet_number
from thplan.formula import neutralise
from thplan.framework import Framework
from thplan.listing import COLUMNS, shown
from thplan.observation import Observation

STATUS_COLUMNS = (
    "overall_trend",
    "direction_of_travel",
    "recent_trend",
    "vs_london",
    "vs_england",
    "gap_to_london",
    "vs_target",
)


def notes_text(baseline: str) -> str:
    return (f"Overall trend: the first value from the {baseline} baseline on against the latest (the period columns "
            "say which). Direction of travel: the previous value against the latest. vs London / vs England: the "
            "latest value against the benchmark's value for the same period, else its latest (the period columns say "
            "which; 'period not stated' where its source gives none). Needs attention: worse than London and "
            "worsened.")  # fmt: skip


def _plain(key: str, value: Any) -> Any:
    if isinstance(value, Observation) or (value is None and key.endswith("_value")):
        return shown(value)
    if key == "needs_attention":
        return "yes" if value else "no"
    return value


def measures_csv(rows: Sequence[dict[str, Any]]) -> str:
    return rows_csv(COLUMNS, [{k: _plain(k, row[k]) for k in COLUMNS} for row in rows])


def rows_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """A table as CSV, every text made inert for spreadsheets (a cell starting '=' is not run as a formula)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([neutralise(v) if isinstance(v := row[k], str) else v for k in columns])
    return out.getvalue()


def measures_workbook(rows: Sequence[dict[str, Any]], framework: Framework, as_at: datetime) -> bytes:
    from openpyxl import Workbook  # slow to import: only when a workbook is written
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Measures"
    sheet.append([c.replace("_", " ").capitalize() for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    units = {m.name: m.unit for m in framework.measures}
    for row in rows:
        values = []
        for key in COLUMNS:
            value = _plain(key, row[key])
            if key in STATUS_COLUMNS:  # the label with what qualifies it, as the screens show it
                note = row.get(f"{key}_note")
                value = badge_text(str(value)) + (f", {note}" if note else "")
            values.append(neutralise(value) if isinstance(value, str) else value)
        sheet.append(values)
        for key in COLUMNS:  # each value a number, formatted as published (64.7% is 0.647 shown as 0.0%)
            if key.endswith("_value") and isinstance(o := row[key], Observation) and o.value is not None:
                cell = sheet.cell(row=sheet.max_row, column=COLUMNS.index(key) + 1)
                cell.value, cell.number_format = spreadsheet_number(o.value, o.decimals, units.get(row["measure"]))
        for key in STATUS_COLUMNS:
            cell = sheet.cell(row=sheet.max_row, column=COLUMNS.index(key) + 1)
            cell.fill = PatternFill("solid", fgColor=TINT[colour(str(row[key]))].lstrip("#"))
        for line in sheet.iter_rows(min_row=sheet.max_row, max_row=sheet.max_row):
            for cell in line:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    sheet.freeze_panes = "D2"
    widths = {"theme": 28, "outcome": 36, "measure": 48, "commentary": 60, "notes": 60}
    for number, key in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=number).column_letter].width = widths.get(key, 15)
    notes = book.create_sheet("Notes")
    notes.append(["Tower Hamlets Plan measures"])
    notes.append([f"As at {as_at:%d %B %Y %H:%M} UTC; {len(rows)} measures."])
    notes.append([notes_text(framework.settings.baseline)])
    notes.append([])
    notes.append(["Measure", "Source", "Definition"])
    for row in rows:
        measure = next((m for m in framework.measures if m.name == row["measure"]), None)
        if measure is not None:
            notes.append([neutralise(measure.name), neutralise(measure.source), neutralise(measure.definition)])
    notes.column_dimensions["A"].width = 60
    notes.column_dimensions["B"].width = 60
    notes.column_dimensions["C"].width = 60
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
