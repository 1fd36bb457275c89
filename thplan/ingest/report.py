"""Report-style tables, as pasted from annual reports: one row per measure, one column per period, with optional
polarity, benchmark (London, England) and stated trend/comparison columns. A sheet may hold several such tables,
each under a title row; legend and footnote rows are recognised as such."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thplan.framework import Framework
from thplan.ingest.grid import Grid
from thplan.ingest.headers import Column, classify_report_header, is_header_cell_period, role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, StatedLabel, TableInfo
from thplan.ingest.problems import cell_ref, error, info
from thplan.period import parse_period
from thplan.polarity import PolarityError, parse_polarity
from thplan.value import FOOTNOTE_MARKS, CellError, CellValue, parse_value

_LEGEND_WORDS = {"improved", "the same", "worsened", "data unavailable", "better", "similar", "worse", "key",
                 "legend", "not compared", "higher", "lower", "increased", "decreased"}  # fmt: skip
_BREAK_WORDS = re.compile(
    r"not comparable|series break|break in (the )?series|change(d)? (in|of) (method|methodology|definition)|"
    r"new (method|methodology|definition)|discontinu",
    re.IGNORECASE,
)
_NOTE_START = re.compile(rf"^\s*([{FOOTNOTE_MARKS}]+|\(\d+\)|\[\d+\])\s*(.*)$", re.DOTALL)
_GENERAL_NOTE = re.compile(r"^\s*(n\.?\s?b\.?|note|notes|source|sources)\b", re.IGNORECASE)
LONG_NOTE = 80  # characters: a single-cell row this long after the last measure is a note, not a heading
_NAME_MARK = re.compile(rf"\s*([{FOOTNOTE_MARKS}]+)\s*$")


@dataclass
class _Table:
    header_row: int
    columns: list[Column]
    title: str = ""
    theme: str = ""
    kind: str = ""
    last_row: int = 0
    footnotes: dict[str, str] = field(default_factory=dict)

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    @property
    def latest_period(self) -> str:
        periods = [c.period for c in self.columns if c.role == "period"]
        return max(periods, key=lambda p: parse_period(p).sort_key) if periods else ""


def _is_measure_word(text: str) -> bool:
    return role_of(text) == "measure"


def _is_header_row(grid: Grid, row: int) -> bool:
    cells = grid.filled(row)
    if not any(role_of(grid.value(row, c)) == "measure" for c in cells):
        return False
    return any(is_header_cell_period(grid.value(row, c)) for c in cells)


def _is_legend(texts: list[str]) -> bool:
    return all(t.lower() in _LEGEND_WORDS or set(t) <= set("-–— ") for t in texts)


def read_report_tables(grid: Grid, parsed: Parsed, framework: Framework, home_area: str) -> bool:
    """Read every report-style table of a grid into `parsed`; False when the grid holds none."""
    headers = [r for r in grid.rows_with(_is_measure_word) if _is_header_row(grid, r)]
    if not headers:
        return False
    for number, header_row in enumerate(headers):
        end = headers[number + 1] if number + 1 < len(headers) else grid.height
        previous_end = headers[number - 1] + 1 if number else 0
        table = _Table(
            header_row, [classify_report_header(c, grid.text(header_row, c)) for c in grid.filled(header_row)]
        )
        table.title = _title_above(grid, header_row, previous_end)
        theme = framework.find_theme(table.title) if table.title else None
        theme = theme or framework.find_theme(grid.sheet)
        table.theme = theme.id if theme else ""
        table.kind = "output" if "output" in f"{table.title} {grid.sheet}".lower() else ""
        _read_body(grid, table, end, parsed, home_area)
    return True


def _title_above(grid: Grid, header_row: int, stop: int) -> str:
    for row in range(header_row - 1, max(stop, header_row - 4) - 1, -1):
        cells = grid.filled(row)
        if len(cells) == 1:
            text = grid.text(row, cells[0])
            if not _NOTE_START.match(text) and not _is_legend([text]):
                return text
        elif cells:
            return ""
    return ""


def _read_body(grid: Grid, table: _Table, end: int, parsed: Parsed, home_area: str) -> None:
    measure_col = table.column("measure")
    assert measure_col is not None
    data_rows: list[int] = []
    last_note: str | None = None
    for row in range(table.header_row + 1, end):
        cells = grid.filled(row)
        if not cells:
            continue
        texts = [grid.text(row, c) for c in cells]
        first = texts[0]
        if (note := _NOTE_START.match(first)) and len(cells) == 1:
            table.footnotes[note.group(1)] = note.group(2).strip()
            last_note = note.group(1)
            continue
        if _GENERAL_NOTE.match(first) and len(cells) == 1:
            table.footnotes.setdefault("", first)
            continue
        if _is_legend(texts):
            continue
        if len(cells) == 1 and _is_header_row(grid, row + 1):
            continue  # the next table's title
        if len(cells) == 1 and len(first) >= LONG_NOTE and not data_rows_after(grid, table, row, end):
            key = last_note if last_note is not None else ""
            table.footnotes[key] = f"{table.footnotes.get(key, '')} {first}".strip()
            continue
        if len(cells) == 1 and cells[0] == measure_col.index and _row_is_section(grid, table, row):
            parsed.problems.append(info(f"'{first}' read as a section heading, not a measure.", **grid.where(row)))
            continue
        if grid.value(row, measure_col.index) is None:
            parsed.problems.append(
                info("Row has no measure name; skipped.", **grid.where(row, measure_col.index, measure_col.header))
            )
            continue
        data_rows.append(row)
    for row in data_rows:
        _read_row(grid, table, row, parsed, home_area)
    last = data_rows[-1] if data_rows else table.header_row
    width = max((c.index for c in table.columns), default=0)
    parsed.tables.append(
        TableInfo(
            sheet=grid.sheet,
            cell_range=f"{cell_ref(table.header_row + 1, 1)}:{cell_ref(last + 1, width + 1)}",
            layout="report",
            title=table.title,
            theme=table.theme,
            rows=len(data_rows),
        )
    )
    parsed.rows += len(data_rows)
    for column in table.columns:
        if column.role == "ignored":
            parsed.problems.append(
                info(
                    f"Column '{column.header}' is not a period, benchmark or known column; ignored.",
                    **grid.where(table.header_row, column.index, column.header),
                )
            )


def data_rows_after(grid: Grid, table: _Table, row: int, end: int) -> bool:
    """Whether a measure row with values follows `row` in this table (a long text row before one is a heading)."""
    return any(len(grid.filled(r)) > 1 and not _row_is_section(grid, table, r) for r in range(row + 1, end))


def _row_is_section(grid: Grid, table: _Table, row: int) -> bool:
    return all(grid.value(row, c.index) is None for c in table.columns if c.role != "measure")


def _read_row(grid: Grid, table: _Table, row: int, parsed: Parsed, home_area: str) -> None:
    measure_col = table.column("measure")
    assert measure_col is not None
    name = grid.text(row, measure_col.index)
    name_note = None
    if mark := _NAME_MARK.search(name):
        name = name[: mark.start()].strip()
        name_note = table.footnotes.get(mark.group(1))
    location = Location(grid.sheet, row, measure_col.index, measure_col.header)
    ref = MeasureRef(name, location, theme=table.theme, kind=table.kind, note=name_note or "")
    for column in table.columns:
        where = grid.where(row, column.index, column.header)
        raw = grid.value(row, column.index)
        if column.role == "polarity":
            try:
                ref.polarity = parse_polarity(raw)
            except PolarityError as exc:
                parsed.problems.append(error(str(exc), **where))
        elif column.role in ("unit", "outcome", "note") and raw is not None:
            setattr(ref, "note" if column.role == "note" else column.role, grid.text(row, column.index))
        elif column.role == "theme" and raw is not None:
            ref.theme = grid.text(row, column.index)
    parsed.add_measure(ref)
    for column in table.columns:
        raw = grid.value(row, column.index)
        if raw is None:
            continue
        cell_location = Location(grid.sheet, row, column.index, column.header)
        if column.role in ("period", "benchmark"):
            percent, decimals = grid.fmt(row, column.index)
            try:
                value = parse_value(
                    raw, percent_format=percent, format_decimals=decimals, allow_areas=column.role == "benchmark"
                )
            except CellError as exc:
                parsed.problems.append(
                    error(f"{exc} Fix the cell or leave it blank.", **cell_location.where(grid.file))
                )
                continue
            if column.role == "period":
                parsed.observations.append(_home(table, name, home_area, column, value, cell_location, name_note))
            else:
                parsed.observations.extend(_benchmarks(table, name, column, value, cell_location))
        elif column.role.startswith("stated_"):
            what = {"stated_direction": "direction", "stated_overall": "overall", "stated_recent": "recent"}.get(
                column.role, "vs"
            )
            parsed.stated.append(
                StatedLabel(name, home_area, what, grid.text(row, column.index), cell_location, column.area)
            )


def _footnote(table: _Table, value: CellValue) -> tuple[bool, str | None]:
    if not value.footnote:
        return False, None
    text = table.footnotes.get(value.footnote) or table.footnotes.get("")
    return bool(text and _BREAK_WORDS.search(text)), text


def _home(
    table: _Table, name: str, area: str, column: Column, value: CellValue, location: Location, name_note: str | None
) -> RawObservation:
    series_break, footnote = _footnote(table, value)
    note = "; ".join(n for n in (value.note, footnote, name_note) if n) or None
    return RawObservation(name, area, column.period, value, location, series_break=series_break, note=note)


def _benchmarks(table: _Table, name: str, column: Column, value: CellValue, location: Location) -> list[RawObservation]:
    """A benchmark cell: one area's value, or several ('Inner: 2.9% Outer: 0.1% Greater London: 1.9%')."""
    from thplan.area import canonical_area

    if value.areas:
        items = [(canonical_area(area), v, value.area_period) for area, v in value.areas.items()]
    else:
        items = [(column.area, value, None)]
    result = []
    for area, cell, cell_period in items:
        period = cell.covers or cell_period or column.period
        stated = bool(period)
        series_break, footnote = _footnote(table, cell)
        note = "; ".join(n for n in (cell.note, footnote) if n) or None
        plain = CellValue(
            value=cell.value, decimals=cell.decimals, percent=cell.percent, currency=cell.currency,
            missing=cell.missing, note=cell.note, footnote=cell.footnote, flags=cell.flags,
        )  # fmt: skip
        result.append(
            RawObservation(
                name,
                area,
                period or table.latest_period,
                plain,
                location,
                period_stated=stated,
                series_break=series_break,
                note=note,
            )
        )
    return result
