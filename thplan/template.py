"""The officers' upload template, and the current data written in its layout: download, edit, upload back, and
nothing is lost. Text cells are neutralised against spreadsheet formula injection (a leading = + - @ tab or CR
gets a single quote, which the importer removes again); numbers stay numbers, with their published decimals."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from thplan.formula import neutralise
from thplan.framework import Framework
from thplan.observation import Observation

COLUMNS = (
    "Measure id", "Measure", "Area", "Period", "Sex", "Age", "Category type", "Category", "Value", "Decimals",
    "Missing reason", "Note", "Covers period", "Series break", "Lower CI", "Upper CI", "Count", "Denominator", "Flags",
    "Footnote", "Polarity", "Unit", "Theme", "Outcome", "Kind",
)  # fmt: skip
NUMERIC = {"Value", "Decimals", "Lower CI", "Upper CI", "Count", "Denominator"}
GUIDE = [
    ("How to use this template", ""),
    ("One row per measure, area and period.", "Leave Area blank for the home area (Tower Hamlets)."),
    ("Measure id", "The catalogue id of an existing measure; leave blank for a new measure and give its name."),
    (
        "Period",
        "2017/18 (financial or academic year), 2017 (calendar year), 2015-17 (rolling years), 2017/18 Q1; "
        "'period not stated' for a figure whose source gives it no period (it is never filed under a year).",
    ),
    (
        "Sex, Age, Category",
        "Optional: the breakdown a value is of (Persons, 0-9 yrs; a category type and category). "
        "Blank for the measure's headline.",
    ),
    ("Value", "A number. Percentages as 64.7, not 0.647. Leave blank and give a Missing reason when there is none."),
    ("Decimals", "Optional: how many decimal places the value is published with (72.90 has 2)."),
    ("Missing reason", "Data not published, Data Unavailable, N/A, Suppressed, [c], [x], [z] ..."),
    ("Series break", "yes when this value is not comparable with earlier ones (for example a new survey method)."),
    ("Polarity", "Higher is better, Lower is better or No polarity (for new measures)."),
    ("Upload", "Upload the file on the dashboard's Upload page, or: python -m thplan import FILE.xlsx"),
]


def rows(framework: Framework, observations: Sequence[Observation]) -> list[dict[str, object]]:
    """The current data, one template row per value."""
    result = []
    for o in sorted(observations, key=lambda o: (o.measure_id, o.area, o.breakdown.label, o.period.sort_key)):
        measure = framework.measure(o.measure_id)
        result.append(
            {
                "Measure id": o.measure_id,
                "Measure": measure.name if measure else "",
                "Area": o.area,
                "Period": o.period.label,
                "Sex": o.breakdown.sex,
                "Age": o.breakdown.age,
                "Category type": o.breakdown.category_type,
                "Category": o.breakdown.category,
                "Value": o.value,
                "Decimals": o.decimals if o.value is not None else None,
                "Missing reason": o.missing if o.value is None else "",
                "Note": o.note or "",
                "Covers period": o.covers.label if o.covers else "",
                "Series break": "yes" if o.series_break else "",
                "Lower CI": o.lower_ci,
                "Upper CI": o.upper_ci,
                "Count": o.count,
                "Denominator": o.denominator,
                "Flags": "; ".join(o.flags),
                "Footnote": o.footnote or "",
                "Polarity": measure.polarity.value if measure else "",
                "Unit": measure.unit.value if measure and measure.unit else "",
                "Theme": measure.theme_id if measure else "",
                "Outcome": measure.outcome_id if measure else "",
                "Kind": measure.kind.value if measure else "",
            }
        )
    return result


def workbook(data: Sequence[dict[str, object]] = ()) -> bytes:
    """The template as an .xlsx: a Data sheet (empty, or holding `data`) and a Guide sheet."""
    from openpyxl import Workbook  # slow to import: only when a workbook is written
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for number, row in enumerate(data, start=2):
        for column, name in enumerate(COLUMNS, start=1):
            value = row.get(name)
            if value in (None, ""):
                continue
            cell = sheet.cell(row=number, column=column)
            if name in NUMERIC:
                cell.value = value
                if name == "Value":
                    decimals = int(row.get("Decimals") or 0)  # type: ignore[call-overload]
                    cell.number_format = "0." + "0" * decimals if decimals else "0"
            else:
                cell.value = neutralise(str(value))
                cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = "A2"
    for column, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = 44 if name == "Measure" else 16
    guide = book.create_sheet("Guide")
    for line in GUIDE:
        guide.append(list(line))
    guide.column_dimensions["A"].width = 40
    guide.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_text(data: Sequence[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in data:
        cells = []
        for name in COLUMNS:
            value = row.get(name)
            if value is None or value == "":
                cells.append("")
            elif name in NUMERIC:
                cells.append(repr(value) if isinstance(value, float) else str(value))
            else:
                cells.append(neutralise(str(value)))
        writer.writerow(cells)
    return out.getvalue()
