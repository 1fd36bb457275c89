"""Wide tables with one row per area.

* Areas down, periods across (LG Inform exports): one measure, named in a header row stacked above the periods
  ("Non-domestic rates collected ..." repeated over every period column), with its unit in another.
* Areas down, measures across (the GLA borough profiles' Data sheet): each column a measure whose period is written
  in its header ("Employment rate (%) (2015)"). Every column must then hold numbers and name its period; columns
  that do not are refused with a message saying which and why.
"""

from __future__ import annotations

import re

from thplan.area import canonical_area
from thplan.ingest.grid import Grid
from thplan.ingest.headers import is_header_cell_period, norm, role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error, info, warning
from thplan.ingest.series import file_name_title
from thplan.measure import GENERIC_NAMES
from thplan.period import PeriodError, parse_period
from thplan.value import CellError, parse_value

AREA_HEADERS = {"area label", "area name", "area", "local authority", "local authority name", "la name",
                "borough", "geography", "geography name", "areaname", "area long label", "place"}  # fmt: skip
_CODE = re.compile(r"^[EWSNK]\d{8}$")
#: A line above a table that is a notice, not its title ('ONS Crown Copyright Reserved [from Nomis ...]').
_NOTICE = re.compile(r"copyright|©|^source\b", re.IGNORECASE)
_UNIT_WORDS = re.compile(r"\b(gbp|£|%|percent|number|count|rate|per \d|years?|score|index)\b", re.IGNORECASE)


def _area_column(grid: Grid, row: int) -> int | None:
    """The column naming each row's area (names preferred to codes)."""
    candidates = [c for c in grid.filled(row) if norm(grid.value(row, c)) in AREA_HEADERS]
    for column in candidates:
        sample = [grid.text(r, column) for r in range(row + 1, min(grid.height, row + 6)) if grid.text(r, column)]
        if sample and not all(_CODE.match(s) for s in sample):
            return column
    return candidates[0] if candidates else None


def _meta_column(grid: Grid, row: int, column: int) -> bool:
    """Columns that identify or describe areas rather than measure them (codes, long labels)."""
    header = norm(grid.value(row, column))
    return header in AREA_HEADERS or role_of(grid.value(row, column)) == "area_code" or header in (
        "code", "new code", "old code", "gss code", "ons code")  # fmt: skip


# -- areas down, periods across ---------------------------------------------------------------------------------


def _qualified_periods(grid: Grid, row: int) -> dict[int, str]:
    """Period headings that all carry one qualifier in brackets ('2009/10 (taxbase)', as LG Inform writes some):
    each column's period label. The qualifier says what is measured, the same in every column; {} otherwise."""
    found: dict[int, str] = {}
    qualifiers = set()
    for column in grid.filled(row):
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", grid.text(row, column))
        if m is None or not is_header_cell_period(m.group(1)):
            continue
        found[column] = parse_period(m.group(1)).label
        qualifiers.add(m.group(2).strip().lower())
    return found if len(found) >= 2 and len(qualifiers) == 1 else {}


def read_area_rows(grid: Grid, parsed: Parsed) -> bool:
    for row in range(min(grid.height, 30)):
        area_column = _area_column(grid, row)
        if area_column is None:
            continue
        labels = {c: grid.text(row, c) for c in grid.filled(row) if is_header_cell_period(grid.value(row, c))}
        if len(labels) < 2 and (labels := _qualified_periods(grid, row)):
            first = min(labels)
            parsed.problems.append(info(
                f"The period headings carry a word in brackets ({grid.text(row, first)}): read as the periods "
                f"({labels[first]}, ...), the word as part of what the table measures.",
                **grid.where(row, first, grid.text(row, first))))  # fmt: skip
        periods = list(labels)
        if len(periods) < 2:
            continue
        if blocks := _blocks(grid, row, periods):  # several measures side by side, a name above each
            for name, columns in blocks.items():
                if name.lower() in GENERIC_NAMES:
                    name = f"{file_name_title(grid.file)}: {name}"
                    parsed.problems.append(info(
                        f"The block of columns headed '{grid.text(row - 1, columns[0])}' is imported as '{name}', "
                        "after the file's name (its heading does not say what it counts).",
                        **grid.where(row - 1, columns[0])))  # fmt: skip
                _read_area_rows(grid, parsed, row, area_column, {c: labels[c] for c in columns}, name, "")
            return True
        name, unit = _stacked_name(grid, row, periods)
        if not name:
            parsed.problems.append(error(
                "This table has areas in rows and periods in columns but does not say which measure it holds. "
                "Put the measure's name in a row above the periods.", **grid.where(row)))  # fmt: skip
            return True
        _read_area_rows(grid, parsed, row, area_column, labels, name, unit)
        return True
    return False


def _blocks(grid: Grid, header_row: int, periods: list[int]) -> dict[str, list[int]]:
    """Blocks of period columns each under its own name in the row above (merged across its block, so written in
    its first column): {name: columns}; {} unless there are two or more, each naming each of its periods once."""
    if header_row == 0:
        return {}
    row = header_row - 1
    blocks: dict[str, list[int]] = {}
    current = ""
    for column in periods:
        current = grid.text(row, column) or current
        if not current:
            return {}
        blocks.setdefault(current, []).append(column)
    if len(blocks) < 2:
        return {}
    for columns in blocks.values():
        shown = [grid.text(header_row, c) for c in columns]
        if len(set(shown)) < len(shown):
            return {}
    return blocks


def _stacked_name(grid: Grid, header_row: int, periods: list[int]) -> tuple[str, str]:
    name = unit = ""
    for row in range(header_row):
        texts = {grid.text(row, c) for c in periods}
        if len(texts) != 1:
            continue
        text = texts.pop()
        if not text or re.fullmatch(r"[\d.,]+|raw|[a-z]+_.*", text, re.IGNORECASE):
            continue  # metric ids, "raw", period codes
        if len(text) <= 20 and _UNIT_WORDS.search(text):
            unit = unit or text
        else:
            name = name or text
    if not name:
        for row in range(header_row - 1, -1, -1):  # NOMIS: 'measure | Claimant count' above the table
            cells = grid.filled(row)
            if len(cells) == 2 and norm(grid.value(row, cells[0])) == "measure":
                return grid.text(row, cells[1]), unit
        for row in range(header_row - 1, -1, -1):
            cells = grid.filled(row)
            if len(cells) == 1 and not _NOTICE.search(grid.text(row, cells[0])):
                return grid.text(row, cells[0]), unit
    return name, unit


def _read_area_rows(
    grid: Grid, parsed: Parsed, header_row: int, area_column: int, labels: dict[int, str], name: str, unit: str
) -> None:
    periods = list(labels)
    parsed.add_measure(MeasureRef(name, Location(grid.sheet, header_row, periods[0]), unit=unit))
    rows = 0
    for row in range(header_row + 1, grid.height):
        if rows and not grid.filled(row):  # a blank row ends the table: what follows is another (NOMIS repeats one)
            below = next((r for r in range(row + 1, grid.height) if grid.filled(r)), None)
            if below is not None:
                parsed.problems.append(warning(
                    f"The table ends at the blank row {row + 1}; the rows from {below + 1} on were not read. Put "
                    "another table on a sheet of its own to import it.", code="not-read",
                    **grid.where(below)))  # fmt: skip
            break
        area_text = grid.text(row, area_column)
        if not area_text or norm(area_text) in AREA_HEADERS:
            continue  # blank, or one more stacked header row (LG Inform repeats 'area label' on each)
        rows += 1
        area = canonical_area(area_text)
        for column in periods:
            raw = grid.value(row, column)
            if raw is None:
                continue
            label = labels[column]
            percent, decimals = grid.fmt(row, column)  # a cell formatted 0.0% holds 0.529...: it is 53.0%
            try:
                value = parse_value(raw, percent_format=percent, format_decimals=decimals)
            except CellError as exc:
                parsed.problems.append(error(f"{exc}", **grid.where(row, column, label)))
                continue
            location = Location(grid.sheet, row, column, label)
            parsed.observations.append(RawObservation(name, area, label, value, location))
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, max(periods) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas by period", title=name, rows=rows))
    parsed.rows += rows


# -- areas down, measures across --------------------------------------------------------------------------------

_YEARS = re.compile(r"(?<![\d/])((?:19|20)\d{2})(?:\s*[/\-–]\s*(\d{4}|\d{2}))?(?![\d/])")
_MONTH = re.compile(r"\b([A-Z][a-z]{2})-(\d{2}|\d{4})\b")


def split_measure_header(header: str) -> tuple[str, str | None]:
    """The measure and period of a column header: 'Employment rate (%) (2015)' -> ('Employment rate (%)', '2015');
    'Life satisfaction score 2011-14 (out of 10)' -> ('Life satisfaction score (out of 10)', '2011-14');
    the last period named wins, 'A to B' spans both; no period -> (header, None)."""
    matches = list(_MONTH.finditer(header)) or list(_YEARS.finditer(header))
    if not matches:
        return header.strip(), None
    last = matches[-1]
    start = last
    if len(matches) > 1 and re.fullmatch(r"\s*to\s*", header[matches[-2].end() : last.start()]):
        start = matches[-2]
    label = _period_label(start, last)
    if label is None:
        return header.strip(), None
    name = header[: start.start()] + header[last.end() :]
    name = re.sub(r"\(\s*(?:started in\s*)?\)|\(\s*(Census|provisional)?\s*\)", "", name)
    name = re.sub(r"\s+(in|during)\s*(?=$|\()", " ", name)
    name = re.sub(r"\s*,\s*(?=$|\()|\s*,\s*,", "", name)
    return " ".join(name.split()).strip(" ,"), label


def _period_label(first: re.Match[str], last: re.Match[str]) -> str | None:
    text = first.group(0) if first is last else f"{first.group(1)}-{(last.group(2) or last.group(1))[-2:]}"
    for candidate in (text, text.replace("/", "-")):
        try:
            return parse_period(candidate).label
        except PeriodError:
            continue
    return None


def read_measure_columns(grid: Grid, parsed: Parsed) -> bool:
    for row in range(min(grid.height, 30)):
        area_column = _area_column(grid, row)
        columns = [c for c in grid.filled(row) if c != area_column and not _meta_column(grid, row, c)]
        if area_column is None or len(columns) < 2:
            continue
        _read_measure_columns(grid, parsed, row, area_column, columns)
        return True
    return False


def _read_measure_columns(grid: Grid, parsed: Parsed, header_row: int, area_column: int, columns: list[int]) -> None:
    areas = [(r, canonical_area(grid.text(r, area_column))) for r in range(header_row + 1, grid.height)
             if grid.text(r, area_column)]  # fmt: skip
    for column in columns:
        header = grid.text(header_row, column)
        where = grid.where(header_row, column, header)
        name, period = split_measure_header(header)
        texts = []
        for row, _ in areas:
            raw = grid.value(row, column)
            try:
                parse_value(raw)
            except CellError:
                texts.append(f"{grid.ref(row, column)} '{grid.text(row, column)}'")
        if texts:
            parsed.problems.append(error(
                f"In a table with one measure per column, every cell must be a number or a missing-value marker, "
                f"but this column holds text ({', '.join(texts[:3])}{', ...' if len(texts) > 3 else ''}). Remove the "
                "column, or move it to another sheet.", **where))  # fmt: skip
            continue
        if period is None:
            parsed.problems.append(error(
                "This column does not say which period its values are for. Add the period to its header, for "
                f"example '{header} 2017/18'.", **where))  # fmt: skip
            continue
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, header_row, column, header)))
        for row, area in areas:
            percent, decimals = grid.fmt(row, column)
            value = parse_value(grid.value(row, column), percent_format=percent, format_decimals=decimals)
            if not value.blank:
                location = Location(grid.sheet, row, column, header)
                parsed.observations.append(RawObservation(name, area, period, value, location))
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + len(areas), max(columns) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas by measure", rows=len(areas)))
    parsed.rows += len(areas)
