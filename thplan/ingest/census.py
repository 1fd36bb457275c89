"""ONS custom dataset downloads (the 2021 census's 'create a custom dataset'): a row per area and category.

`Lower Layer Super Output Areas Code | Lower Layer Super Output Areas | Household deprivation (6 categories) Code |
Household deprivation (6 categories) | Observation`: the area is the column beside a column of ONS codes (E01003013),
each other column of text a category of the table's variable, and the Observation (or Value) the figure. Each
category is a measure of its own, named with its variable ('Household deprivation (6 categories): Household is
deprived in one dimension'), as NOMIS's census tables are; the categories' codes are not imported. The files name
no period: the officer gives it on upload, or the table is refused saying so.
"""

from __future__ import annotations

import re

from thplan.ingest.areacolumns import area_of_row, is_number
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm, role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error, not_imported
from thplan.measure import unit_implied_by
from thplan.value import CellError, parse_value

_CODE = re.compile(r"^[EWSNK]\d{8}$")
_VALUE_HEADINGS = ("observation", "observations", "value", "count")


def read_census_table(grid: Grid, parsed: Parsed) -> bool:
    found = _find(grid)
    if found is None:
        return False
    header_row, area, codes, value, categories = found
    rows = [r for r in range(header_row + 1, grid.height) if grid.filled(r)]
    skipped = [c for c in grid.filled(header_row) if c not in (area, value, *categories)]
    parsed.problems.append(not_imported([grid.text(header_row, c) for c in skipped], **grid.where(header_row)))
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + len(rows), grid.width)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "census custom dataset", rows=len(rows)))
    parsed.rows += len(rows)
    period = parsed.period_for(grid.where(header_row))
    if period is None:
        parsed.problems.append(error(
            f"This table has an area in each row ('{grid.text(header_row, area)}') and a category in "
            f"{'each of the columns' if len(categories) > 1 else 'the column'} "
            f"{', '.join(repr(grid.text(header_row, c)) for c in categories)}, as the census's custom datasets do, "
            "but nothing says which period its values are for. Give the period of the figures when you upload the "
            "file (2021 for the 2021 census; --period on the command line).", **grid.where(header_row)))  # fmt: skip
        return True
    for row in rows:
        place = area_of_row(grid, parsed, row, area, grid.text(row, area), codes)
        if not place:
            continue
        name = ", ".join(f"{grid.text(header_row, c)}: {grid.text(row, c)}" for c in categories)
        try:
            number = parse_value(grid.value(row, value))
        except CellError as exc:
            where = grid.where(row, value, grid.text(header_row, value))
            parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **where))
            continue
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, row, categories[0]), unit=unit_implied_by(name)))
        location = Location(grid.sheet, row, value, grid.text(header_row, value))
        parsed.observations.append(RawObservation(name, place, period, number, location))
    return True


def _find(grid: Grid) -> tuple[int, int, int, int, list[int]] | None:
    """The header row, the area column, its code column, the value column and the category columns."""
    for row in range(min(grid.height, 5)):
        filled = grid.filled(row)
        headings = {c: norm(grid.value(row, c)) for c in filled}
        values = [c for c in filled if headings[c] in _VALUE_HEADINGS]
        if len(values) != 1 or any(role_of(grid.value(row, c)) in ("measure", "period") for c in filled):
            continue
        sample = range(row + 1, min(grid.height, row + 50))
        codes = [c for c in filled if all(_CODE.match(grid.text(r, c)) for r in sample if grid.filled(r))]
        if len(codes) != 1 or codes[0] + 1 not in headings:
            continue
        code, area = codes[0], codes[0] + 1
        texts = [c for c in filled if c not in (code, area, *values) and not all(
            is_number(grid.text(r, c)) for r in sample if grid.text(r, c))]  # fmt: skip
        # a category's codes are headed as it is, with 'Code' after it (the numbers -8, 1, 2 are not texts)
        categories = [c for c in texts if not any(headings[c] == f"{headings[o]} code" for o in texts)]
        if categories and all(is_number(grid.text(r, values[0])) for r in sample if grid.filled(r)):
            return row, area, code, values[0], categories
    return None
