"""Tables with one row per period and one column per measure (`Year | Employment rate (%) | Jobs growth (%)`), and
single-series files (`Year,%`) whose only measure is named by the file or its sheet.

Neither names its area: the area is the one the file's name names ('..._lambeth.csv'), else the home area, and
the preview says which. A single series' measure is named after its file (or sheet): the preview says so too, and
the officer can rename it before publishing.
"""

from __future__ import annotations

import re

from thplan.area import area_named_in, canonical_area, is_known_area
from thplan.ingest.accountability import read_columns
from thplan.ingest.areacolumns import is_number
from thplan.ingest.grid import Grid
from thplan.ingest.headers import ACCOUNTABILITY, Column, cell_period, column_periods, role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error, info, not_imported, quoted, warning
from thplan.measure import MeasureError, parse_unit
from thplan.value import CellError, fifteen, parse_value

HEADER_ROWS = 10
#: Sheet names a workbook program gives by itself: they name no measure.
_DEFAULT_SHEET = re.compile(r"^(sheet|data|table|tabelle|feuil)\s*\d*$", re.IGNORECASE)
#: Columns that describe values rather than hold them: shown as not imported (targets and commentary included: a
#: single series names no measure to hold them by).
_DESCRIBING = ("note", "source", "definition", *ACCOUNTABILITY)


def read_period_rows(grid: Grid, parsed: Parsed, home_area: str) -> bool:
    found = _header(grid)
    if found is None:
        return False
    header_row, period_column, columns = found
    # tables side by side, each with its column of periods ('Month' again), each headed by its area above it
    starts = [period_column, *(c for c in columns if role_of(grid.value(header_row, c)) == "period"
                               and _is_period(grid.value(header_row + 1, c)))]  # fmt: skip
    if len(starts) > 1:
        for first, following in zip(starts, [*starts[1:], grid.width], strict=True):
            own = [c for c in columns if first < c < following]
            _read_period_rows(grid, parsed, header_row, first, own, home_area, _area_above(grid, header_row, first))
        return True
    _read_period_rows(grid, parsed, header_row, period_column, columns, home_area)
    return True


def _area_above(grid: Grid, header_row: int, column: int) -> str:
    """The area a table beside another names in the row above its first column ('Tower Hamlets' | ... |
    'London'), if it is a place this program knows; else ''."""
    text = grid.text(header_row - 1, column) if header_row else ""
    return canonical_area(text) if text and is_known_area(text) else ""


def _read_period_rows(grid: Grid, parsed: Parsed, header_row: int, period_column: int, columns: list[int],
                      home_area: str, named: str = "") -> None:  # fmt: skip
    """One table of a period in each row, of the area `named` above it, else of the area its file names or the
    home area."""
    rows = grid.nonblank_rows(header_row + 1)
    if (notes := _notes_below(grid, rows, columns)) is not None:
        parsed.problems.append(info(
            f"The lines from row {rows[notes] + 1} on, below the table and a blank row, hold no figures: taken as "
            "notes on the table (a source, a footnote), not read.", **grid.where(rows[notes])))  # fmt: skip
        rows = rows[:notes]
    periods, how = column_periods({r: grid.value(r, period_column) for r in rows})
    totals = [r for r in rows if r not in periods and _TOTAL.match(grid.text(r, period_column))]
    if totals:  # a total or an average of the periods above: worked out from them, no period's
        headed = quoted([grid.text(r, period_column) for r in totals], 3)
        parsed.problems.append(warning(
            f"The row{'s' if len(totals) > 1 else ''} headed {headed} (row {totals[0] + 1}) "
            f"{'are' if len(totals) > 1 else 'is'} not read: a total or an average of the periods above, no "
            "period's figures.", code="not-read", **grid.where(totals[0], period_column)))  # fmt: skip
        rows = [r for r in rows if r not in totals]
    bad = [r for r in rows if r not in periods]
    if bad:
        row = bad[0]
        parsed.problems.append(error(
            f"This table has a period in each row (column {cell_ref(header_row + 1, period_column + 1)}), but "
            f"'{grid.text(row, period_column)}' is not a period. Write a period in every row, or move other text "
            "below the table to another sheet.",
            **grid.where(row, period_column, grid.text(header_row, period_column))))  # fmt: skip
        _table(grid, parsed, header_row, rows, columns)
        return
    skipped = [c for c in columns if role_of(grid.value(header_row, c)) in _DESCRIBING]
    values = [c for c in columns if c not in skipped]
    # a series' Target (Commentary, RAG) beside its values: the measure's, period by period
    roles = {c: role_of(grid.value(header_row, c)) or "" for c in skipped}
    accountable = [Column(c, grid.text(header_row, c), roles[c]) for c in skipped
                   if roles[c] in ACCOUNTABILITY and len(values) == 1]  # fmt: skip
    said = [c for c in skipped if c not in {a.index for a in accountable}]
    if said:
        parsed.problems.append(not_imported([grid.text(header_row, c) for c in said], **grid.where(header_row)))
    if how:
        parsed.problems.append(info(
            f"The dates of column '{grid.text(header_row, period_column)}' are read as {how} "
            f"({grid.text(rows[0], period_column)}: {periods[rows[0]]}).",
            **grid.where(rows[0], period_column)))  # fmt: skip
    if named:
        area = named
        parsed.problems.append(info(
            f"The table from column {cell_ref(1, period_column + 1)[:-1]} holds the figures of {area}: the area "
            "named above it.", **grid.where(header_row - 1, period_column)))  # fmt: skip
    else:
        area = area_of_table(grid, parsed, header_row, home_area)
    # a '+/-' column after a column of values is their 95% interval ('% of jobs | CI +/-'), not a measure
    halves = {c - 1: c for c in values if _PLUS_MINUS.search(grid.text(header_row, c)) and c - 1 in values}
    for value_column, half in halves.items():
        parsed.problems.append(info(
            f"The column headed '{grid.text(header_row, half)}' is read as the 95% confidence interval (+/-) of "
            f"'{grid.text(header_row, value_column)}' beside it.", **grid.where(header_row, half)))  # fmt: skip
    values = [c for c in values if c not in halves.values()]
    single = len(values) == 1
    for column in values:
        name = _column(grid, parsed, header_row, periods, column, rows, area, single, halves.get(column))
        read_columns(grid, header_row, accountable, rows, [name] * len(rows), [area] * len(rows),
                     [periods[r] for r in rows], home_area, parsed)  # fmt: skip
    _table(grid, parsed, header_row, rows, columns)


_PLUS_MINUS = re.compile(r"\+/-|±")
_TOTAL = re.compile(r"^(?:total|totals|all years|all periods|average|mean|sum)\b", re.IGNORECASE)


def _notes_below(grid: Grid, rows: list[int], columns: list[int]) -> int | None:
    """The position in `rows` of the first line after a blank row from which no line has a figure in the
    table's columns (a source, a footnote); None where the table has none."""
    for position in range(1, len(rows)):
        if rows[position] != rows[position - 1] + 1 and not any(
            is_number(grid.text(r, c)) for r in rows[position:] for c in columns
        ):
            return position
    return None


def _header(grid: Grid) -> tuple[int, int, list[int]] | None:
    """The header row: a period heading ('Year', 'Financial year') in its first filled cell, or none over a
    column of periods left of the headings, other headings after it, and a period in that column of the next
    row."""
    for row in range(min(grid.height, HEADER_ROWS)):
        filled = grid.filled(row)
        if len(filled) >= 1 and filled[0] > 0 and _is_period(grid.value(row + 1, filled[0] - 1)):
            filled = [filled[0] - 1, *filled]  # an unheaded column of periods (dates of months) on the left
        elif len(filled) < 2 or role_of(grid.value(row, filled[0])) != "period":
            continue
        if row + 1 >= grid.height or not _is_period(grid.value(row + 1, filled[0])):
            return None
        if any(role_of(grid.value(row, c)) in ("measure", "value", "area") for c in filled):
            return None  # a tidy table's header (read by its own reader, or refused by it)
        return row, filled[0], [c for c in filled[1:] if _holds_values(grid, row, c)]
    return None


def _holds_values(grid: Grid, header_row: int, column: int) -> bool:
    return any(grid.value(r, column) is not None for r in range(header_row + 1, grid.height))


def _is_period(raw: object) -> bool:
    return cell_period(raw) is not None


def _unit(header: str) -> str:
    """What a heading says the values are counted in: all of it where it is a unit ('%', 'ktCO2e', 'Kg'), else
    its last brackets ('Total consumption (GWh)')."""
    try:
        if parse_unit(header) is not None or (len(header) <= 8 and " " not in header):
            return header
    except MeasureError:
        if len(header) <= 8 and " " not in header:
            return header
    bracket = re.search(r"\(([^()]+)\)\s*$", header)
    return bracket.group(1) if bracket else ""


def area_of_table(grid: Grid, parsed: Parsed, header_row: int, home_area: str) -> str:
    """The area of a table that names none: the one its file's (or sheet's) name names, else the home area; said."""
    named = area_named_in(grid.file.rsplit(".", 1)[0]) or (area_named_in(grid.sheet) if grid.sheet else None)
    area = named or home_area
    how = "the area the file's name names" if named else "the home area: the table names no area"
    parsed.problems.append(warning(
        f"The values of this table are read as values for {area} ({how}). If they are another area's, add an Area "
        "column, or name the area in the file's name.", code="area", **grid.where(header_row)))  # fmt: skip
    return area


def file_title(grid: Grid) -> str:
    """A measure's name from its sheet's name, or its file's where the sheet's is a default one."""
    if grid.sheet and not _DEFAULT_SHEET.match(grid.sheet.strip()):
        return grid.sheet.strip()
    return file_name_title(grid.file)


def file_name_title(file: str) -> str:
    """'climate_annual_emissions.csv' -> 'Climate annual emissions'."""
    stem = " ".join(re.sub(r"[_\s]+", " ", file.rsplit(".", 1)[0]).split())
    return stem[:1].upper() + stem[1:]


def _column(grid: Grid, parsed: Parsed, header_row: int, periods: dict[int, str], column: int, rows: list[int],
            area: str, single: bool, half: int | None = None) -> str:  # fmt: skip
    """Read one column of values; returns the name of its measure."""
    header = grid.text(header_row, column)
    location = Location(grid.sheet, header_row, column, header)
    name = header
    if single:
        name = file_title(grid)
        where = "the sheet's name" if name == (grid.sheet or "").strip() else "the file's name"
        parsed.problems.append(info(
            f"The table names no measure: its values (column '{header}') are imported as '{name}', after {where}. "
            "Rename it before publishing if that is not its name.",
            **grid.where(header_row, column, header)))  # fmt: skip
    parsed.add_measure(MeasureRef(name, location, unit=_unit(header), by_title=single))
    for row in rows:
        raw = grid.value(row, column)
        percent, decimals = grid.fmt(row, column)
        try:
            value = parse_value(raw, percent_format=percent, format_decimals=decimals)
        except CellError as exc:
            parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **grid.where(row, column, header)))
            continue
        if not value.blank:
            label = periods[row]
            width = (
                parse_value(grid.value(row, half)).value
                if half is not None and is_number(grid.text(row, half))
                else None
            )
            lower, upper = (fifteen(value.value - width), fifteen(value.value + width)) if (
                width is not None and value.value is not None) else (None, None)  # fmt: skip
            parsed.observations.append(RawObservation(name, area, label, value, Location(grid.sheet, row, column,
                                                                                           header),
                                                      lower_ci=lower, upper_ci=upper))  # fmt: skip
    return name


def _table(grid: Grid, parsed: Parsed, header_row: int, rows: list[int], columns: list[int]) -> None:
    last = rows[-1] + 1 if rows else header_row + 1
    width = max(columns, default=0) + 1
    parsed.tables.append(TableInfo(grid.sheet, f"{cell_ref(header_row + 1, 1)}:{cell_ref(last, width)}",
                                   "periods by measure", rows=len(rows)))  # fmt: skip
    parsed.rows += len(rows)
