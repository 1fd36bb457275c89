"""Fingertips data downloads (OHID public health profiles), in both header variants ('Area Name' and 'AreaName').

One measure per indicator and breakdown, named so the breakdown shows ("Campylobacter incidence rate/100,000
(Persons, 0-9 yrs)"); England and region rows become those areas' values (benchmarks); value notes, 95%
confidence limits, counts and denominators are kept; the file's own comparisons and recent trends are read as
stated labels, checked against the classifier and used to infer polarity.
"""

from __future__ import annotations

from thplan.area import canonical_area
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, StatedLabel, TableInfo
from thplan.ingest.problems import cell_ref, error
from thplan.period import PeriodError, parse_period
from thplan.value import CellError, parse_value

REQUIRED = ("indicator id", "indicator name", "area code", "time period", "value")
COLUMNS = {
    "indicator": ("indicator name",),
    "indicator_id": ("indicator id",),
    "area_code": ("area code",),
    "area": ("area name", "areaname"),
    "parent": ("parent name",),
    "sex": ("sex",),
    "age": ("age",),
    "category_type": ("category type",),
    "category": ("category",),
    "period": ("time period",),
    "value": ("value",),
    "lower_ci": ("lower ci 95 0 limit",),
    "upper_ci": ("upper ci 95 0 limit",),
    "count": ("count",),
    "denominator": ("denominator",),
    "note": ("value note",),
    "recent": ("recent trend",),
    "vs_england": ("compared to england value or percentiles",),
    "vs_parent": ("compared to region value or percentiles", "compared to parent value or percentiles"),
}


def find_fingertips_header(grid: Grid) -> dict[str, int] | None:
    for row in range(min(grid.height, 5)):
        names = {norm(grid.value(row, c)): c for c in grid.filled(row)}
        if all(r in names for r in REQUIRED):
            found = {"header_row": row}
            for key, options in COLUMNS.items():
                column = next((names[o] for o in options if o in names), None)
                if column is not None:
                    found[key] = column
            return found
    return None


def measure_name(indicator: str, sex: str, age: str, category: str) -> str:
    breakdown = ", ".join(p for p in (sex, age, category) if p)
    return f"{indicator} ({breakdown})" if breakdown else indicator


def read_fingertips(grid: Grid, parsed: Parsed) -> bool:
    columns = find_fingertips_header(grid)
    if columns is None:
        return False
    header_row = columns.pop("header_row")
    headers = {k: grid.text(header_row, c) for k, c in columns.items()}
    latest: dict[tuple[str, str], tuple[tuple[int, int], list[StatedLabel]]] = {}
    rows = 0
    for record in grid.records(header_row, columns):
        rows += 1
        row, text, where = record.row, record.text, record.where
        category = f"{text('category_type')}: {text('category')}" if text("category_type") else text("category")
        name = measure_name(text("indicator"), text("sex"), text("age"), category)
        area = canonical_area(text("area_code"))
        if area == text("area_code") or not area:
            area = canonical_area(text("area"))
        try:
            period = parse_period(grid.value(row, columns["period"]))
        except PeriodError as exc:
            parsed.problems.append(error(str(exc), **where("period")))
            continue
        try:
            value = parse_value(grid.value(row, columns["value"]))
            numbers = {k: parse_value(grid.value(row, columns[k])).value if k in columns else None
                       for k in ("lower_ci", "upper_ci", "count", "denominator")}  # fmt: skip
        except CellError as exc:
            parsed.problems.append(error(f"{exc}", **where("value")))
            continue
        location = Location(grid.sheet, row, columns["value"], headers["value"])
        indicator = Location(grid.sheet, row, columns["indicator"])
        family = grid.text(row, columns["indicator_id"]) if "indicator_id" in columns else text("indicator")
        parsed.add_measure(MeasureRef(name, indicator, comparison="interval", family=family))
        note = text("note") or None
        if not value.blank or note:
            parsed.observations.append(
                RawObservation(name, area, period.label, value, location, note=note, **numbers)  # type: ignore[arg-type]
            )
        stated = []
        for key, benchmark, what in (("vs_england", "England", "vs"), ("vs_parent", canonical_area(text("parent")),
                                                                       "vs"), ("recent", "", "recent")):  # fmt: skip
            label = text(key)
            if label and key in columns:
                spot = Location(grid.sheet, row, columns[key], headers[key])
                stated.append(StatedLabel(name, area, what, label, spot, benchmark, period.label))
        previous = latest.get((name, area))
        if previous is None or period.sort_key >= previous[0]:
            latest[(name, area)] = (period.sort_key, stated)
    for _, stated in latest.values():
        parsed.stated.extend(stated)
    width = max(columns.values()) + 1
    parsed.tables.append(
        TableInfo(grid.sheet, f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, width)}",
                  "fingertips", rows=rows)
    )  # fmt: skip
    parsed.rows += rows
    return True
