"""Report-style tables, as pasted from annual reports: one row per measure, one column per period, with optional
polarity, benchmark (London, England) and stated trend/comparison columns. A sheet may hold several such tables,
each under a title row; legend and footnote rows are recognised as such."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

import numpy as np
import pandas as pd

from thplan.area import canonical_area
from thplan.framework import Framework
from thplan.ingest import cells
from thplan.ingest.accountability import read_columns, say_undated
from thplan.ingest.areacolumns import is_number
from thplan.ingest.grid import Grid
from thplan.ingest.headers import (
    ACCOUNTABILITY,
    SYNONYMS,
    TARGET_WORDS,
    VALUE_WORDS,
    Column,
    classify_report_header,
    dated_headings,
    is_header_cell_period,
    norm,
    role_of,
)
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, StatedLabel, TableInfo
from thplan.ingest.problems import cell_ref, error, info, quoted
from thplan.ingest.wide import say_editions
from thplan.period import NOT_STATED, parse_period
from thplan.polarity import PolarityError, parse_polarity
from thplan.value import FOOTNOTE_MARKS, CellValue

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


#: The first words of the headings of a measure column ('Measure', 'Indicator name', 'KPI'), and a text's first
#: word as `norm` would read it.
_MEASURE_FIRST_WORDS = frozenset(word.split()[0] for word in SYNONYMS["measure"])
_FIRST_WORD = re.compile(r"[^a-z0-9%]*([a-z0-9%]*)")


def _is_measure_word(text: str) -> bool:
    # Its first word before its whole heading: the header search asks this of every distinct text of a sheet, a
    # workbook of 100,000 new measures 100,000 times (its import's target in docs/performance.md).
    first = _FIRST_WORD.match(text.lower())
    return first is not None and first.group(1) in _MEASURE_FIRST_WORDS and role_of(text) == "measure"


def _is_header_row(grid: Grid, row: int) -> bool:
    cells = grid.filled(row)
    if not any(role_of(grid.value(row, c)) == "measure" for c in cells):
        return False
    return (any(is_header_cell_period(grid.value(row, c)) for c in cells) or bool(_dated(grid, row)[0])
            or bool(_under_year_banners(grid, row)))  # fmt: skip


def _dated(grid: Grid, row: int) -> tuple[dict[int, str], str]:
    return dated_headings({c: grid.value(row, c) for c in grid.filled(row)})


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
        dated, how = _dated(grid, header_row)
        if dated:
            first = min(dated)
            parsed.problems.append(info(
                f"The headings' dates are read as {how} ({grid.value(header_row, first):%d/%m/%Y}: {dated[first]}).",
                **grid.where(header_row, first)))  # fmt: skip
        texts = {c: dated.get(c) or grid.text(header_row, c) for c in grid.filled(header_row)}
        texts.update(_under_banners(grid, header_row, texts))
        texts.update(_under_year_banners(grid, header_row))
        table = _Table(header_row, [classify_report_header(c, text) for c, text in texts.items()])
        say_editions(grid, parsed, header_row, [c.index for c in table.columns if c.role == "period"])
        table.title = _title_above(grid, header_row, previous_end)
        theme = framework.find_theme(table.title) if table.title else None
        theme = theme or framework.find_theme(grid.sheet)
        table.theme = theme.id if theme else ""
        table.kind = "output" if "output" in f"{table.title} {grid.sheet}".lower() else ""
        _read_body(grid, table, end, parsed, home_area)
    return True


def _under_banners(grid: Grid, header_row: int, texts: dict[int, str]) -> dict[int, str]:
    """Period headings under a banner that says what they hold ('Actual' over 2020/21 to 2022/23, 'Target' over
    2023/24 and 2024/25, each written once over its columns), read with it ('2023/24 Target'): a target is never
    stored as a value. {} where the row above holds no such banners."""
    above = header_row - 1
    banners = {c: norm(grid.value(above, c)) for c in grid.filled(above)} if above >= 0 else {}
    if not banners or not all(word in VALUE_WORDS or word in TARGET_WORDS for word in banners.values()):
        return {}
    found, current = {}, ""
    for column in range(min(banners), max(texts) + 1):
        current = grid.text(above, column) or current
        if column in texts and is_header_cell_period(texts[column]):
            found[column] = f"{texts[column]} {current}"
    return found


def _under_year_banners(grid: Grid, header_row: int) -> dict[int, str]:
    """Quarters under the year written once over them ('2022/23' over 'Q1 | Q2 | Q3 | Q4', '2023/24' over the next
    four): each that year's quarter ('2022/23 Q1'). {} where the row above holds no years over quarters."""
    above = header_row - 1
    if (
        above < 0
        or not grid.filled(above)
        or not all(is_header_cell_period(grid.value(above, c)) for c in grid.filled(above))
    ):
        return {}
    found, current = {}, ""
    for column in range(min(grid.filled(above)), grid.width):
        current = grid.text(above, column) or current
        if _QUARTER_ALONE.fullmatch(text := grid.text(header_row, column)):
            found[column] = f"{current} {text.upper()}"
    return found


_QUARTER_ALONE = re.compile(r"q[1-4]", re.IGNORECASE)


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
        line = grid.rows[row]
        name = line[measure_col.index] if measure_col.index < len(line) else None
        if line and line[-1].__class__ is float and name.__class__ is str and name.strip():  # type: ignore[union-attr]
            data_rows.append(row)  # a name and a number: a measure row (the usual row, quickly)
            continue
        cells = grid.filled(row)
        if not cells:
            continue
        if len(cells) > 1 and not all(grid.rows[row][c].__class__ is str for c in cells):
            texts = []  # a number among its cells: not a note, title or legend row (the usual measure row, quickly)
        else:
            texts = [grid.text(row, c) for c in cells]
        if len(cells) > 1 and not (texts and _is_legend(texts)):
            if grid.value(row, measure_col.index) is None:
                _nameless_row(grid, table, row, parsed)
            else:
                data_rows.append(row)
            continue
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
            _nameless_row(grid, table, row, parsed)
            continue
        data_rows.append(row)
    _read_rows(grid, table, data_rows, parsed, home_area)
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
        if column.role == "forecast":
            parsed.problems.append(info(
                f"Column '{column.header}' holds a forecast or plan for {column.period}, not a value: not imported.",
                **grid.where(table.header_row, column.index, column.header)))  # fmt: skip
        if column.role == "ignored":
            parsed.problems.append(
                info(
                    f"Column '{column.header}' is not a period, benchmark or known column; ignored.",
                    **grid.where(table.header_row, column.index, column.header),
                )
            )


def _nameless_row(grid: Grid, table: _Table, row: int, parsed: Parsed) -> None:
    """A row without a measure name: an error when it holds values (they would be lost), otherwise skipped."""
    measure_col = table.column("measure")
    assert measure_col is not None
    where = grid.where(row, measure_col.index, measure_col.header)
    valued = [c for c in table.columns if c.role in ("period", "benchmark") and grid.value(row, c.index) is not None]
    if valued:
        parsed.problems.append(error(
            f"Row {row + 1} has values (under {quoted([c.header for c in valued], 3)}) but no measure name, so they "
            "cannot be stored. Write the measure's name in its Measure cell (a merged cell names every row it spans), "
            "or delete the row.",
            **where))  # fmt: skip
    else:
        parsed.problems.append(info("Row has no measure name; skipped.", **where))


def data_rows_after(grid: Grid, table: _Table, row: int, end: int) -> bool:
    """Whether a measure row with values follows `row` in this table (a long text row before one is a heading)."""
    return any(len(grid.filled(r)) > 1 and not _row_is_section(grid, table, r) for r in range(row + 1, end))


def _row_is_section(grid: Grid, table: _Table, row: int) -> bool:
    return all(grid.value(row, c.index) is None for c in table.columns if c.role != "measure")


def _read_rows(grid: Grid, table: _Table, rows: list[int], parsed: Parsed, home_area: str) -> None:
    """The measure rows of a table, a column at a time: measures with what their rows say, then each period and
    benchmark column's values, then the stated labels."""
    measure_col = table.column("measure")
    assert measure_col is not None
    split: dict[str, tuple[str, str | None]] = {}  # each distinct name cell: the name, and its footnote's text
    for text in set(written := grid.texts(measure_col.index, rows)):
        mark = _NAME_MARK.search(text)
        split[text] = (text[: mark.start()].strip(), table.footnotes.get(mark.group(1))) if mark else (text, None)
    names = [split[text][0] for text in written]
    name_notes = [split[text][1] for text in written]
    if qualifiers := _qualifiers(grid, table, rows, names):  # 'Count' | 'Rate per 1,000 population' (MOPAC)
        names = [": ".join([n, *filter(None, (grid.text(r, c) for c in qualifiers))])
                 for r, n in zip(rows, names, strict=True)]  # fmt: skip
        letters = ", ".join(cell_ref(1, c + 1)[:-1] for c in qualifiers)
        parsed.problems.append(info(
            f"Each measure is named with the unheaded column{'s' if len(qualifiers) > 1 else ''} {letters} beside "
            "it, whose words tell its rows apart.", **grid.where(table.header_row, qualifiers[0])))  # fmt: skip
    area_col = table.column("area")
    areas: object = home_area
    if area_col is not None:  # an Area column: each row is that area's (a blank cell is the home area)
        written = grid.texts(area_col.index, rows)
        places = {a: canonical_area(a) if a else home_area for a in set(written)}
        areas = [places[a] for a in written]
    _measures(grid, table, rows, names, name_notes, parsed)
    # Each period column repeats the rows' names and areas: made categories once, not once per column.
    named = (names, cells.categorical(names, len(rows)), cells.categorical(areas, len(rows)))
    for periods, run in groupby(table.columns, key=lambda c: c.role == "period"):
        if periods:  # side by side period columns are read as one long column: one frame, not one each
            _values(grid, table, list(run), rows, named, name_notes, parsed)
            continue
        for column in run:
            if column.role == "benchmark":
                _values(grid, table, [column], rows, named, name_notes, parsed)
            elif column.role.startswith("stated_") and column.role != "stated_rag":
                _stated(grid, column, rows, names, areas, parsed)
    every_area = areas if isinstance(areas, list) else [areas] * len(rows)
    accountable = [c for c in table.columns if c.role in ACCOUNTABILITY]
    say_undated(grid, table.header_row, accountable, table.latest_period, parsed)
    latest = [table.latest_period] * len(rows)
    read_columns(grid, table.header_row, accountable, rows, names, every_area, latest, home_area, parsed)


def _qualifiers(grid: Grid, table: _Table, rows: list[int], names: list[str]) -> list[int]:
    """Unheaded columns of words between the measure column and the periods that tell apart rows of one measure
    ('Count' and 'Rate per 1,000 population' under one name): part of each row's measure's name."""
    measure_col = table.column("measure")
    first = min((c.index for c in table.columns if c.role == "period"), default=0)
    headed = {c.index for c in table.columns}
    found = []
    for column in range(measure_col.index + 1 if measure_col else first, first):
        if column in headed:
            continue
        texts = grid.texts(column, rows)
        if any(texts) and not any(is_number(t) for t in texts if t):
            told = {}
            for name, text in zip(names, texts, strict=True):
                told.setdefault(name, set()).add(text)
            if any(len(kinds) > 1 for kinds in told.values()):
                found.append(column)
    return found


def _stated(grid: Grid, column: Column, rows: list[int], names: list[str], areas: object, parsed: Parsed) -> None:
    """A stated trend or comparison column's labels (checked against the classifier after the import)."""
    what = {"stated_direction": "direction", "stated_overall": "overall", "stated_recent": "recent"}.get(
        column.role, "vs"
    )
    every_area = areas if isinstance(areas, list) else [areas] * len(rows)
    for row, name, area, text in zip(rows, names, every_area, grid.texts(column.index, rows), strict=True):
        if text:
            spot = Location(grid.sheet, row, column.index, column.header)
            parsed.stated.append(StatedLabel(name, area, what, text, spot, column.area))


def _measures(
    grid: Grid, table: _Table, rows: list[int], names: list[str], name_notes: list[str | None], parsed: Parsed
) -> None:  # fmt: skip
    measure_col = table.column("measure")
    assert measure_col is not None
    described = [c for c in table.columns if c.role in ("polarity", "unit", "outcome", "note", "theme")]
    cells_of = {c.index: grid.column(c.index, rows) for c in described}
    polarity: dict[object, object] = {}
    for column in (c for c in described if c.role == "polarity"):
        for raw in set(cells_of[column.index]):
            try:
                polarity[raw] = parse_polarity(raw)
            except PolarityError as exc:
                polarity[raw] = exc
        for position, raw in enumerate(cells_of[column.index]):
            if isinstance(polarity[raw], PolarityError):
                parsed.problems.append(error(str(polarity[raw]), **grid.where(rows[position], column.index,
                                                                                column.header)))  # fmt: skip
    seen: set[tuple[object, ...]] = set()  # a measure's rows for each area say the same: one reference each
    for position, facts in enumerate(zip(names, name_notes, *(cells_of[c.index] for c in described), strict=True)):
        if facts in seen:
            continue
        seen.add(facts)
        row = rows[position]
        location = Location(grid.sheet, row, measure_col.index, measure_col.header)
        ref = MeasureRef(facts[0], location, suggested_theme=table.theme, kind=table.kind, note=facts[1] or "")
        for column, raw in zip(described, facts[2:], strict=True):
            if column.role == "polarity":
                read = polarity[raw]
                ref.polarity = None if isinstance(read, PolarityError) else read  # type: ignore[assignment]
            elif raw is not None:
                setattr(ref, column.role, grid.text(row, column.index))
        parsed.add_measure(ref)


def _values(
    grid: Grid, table: _Table, columns: list[Column], rows: list[int],
    named: tuple[list[str], pd.Categorical, pd.Categorical], name_notes: list[str | None], parsed: Parsed,
) -> None:  # fmt: skip
    """Period columns', or one benchmark column's, values as a frame of observations (see `cells`), column after
    column; `named` holds the rows' measure names, and the same names and the rows' areas as categories."""
    names, name_categories, areas = named
    benchmark = columns[0].role == "benchmark"
    assert not benchmark or len(columns) == 1, "a benchmark column has its own area and period: one at a time"
    height, which = len(rows), np.repeat(np.arange(len(columns)), len(rows))  # each cell's column, of `columns`
    read = cells.parse_column(
        [cell for c in columns for cell in grid.column(c.index, rows)], _formats(grid, columns, rows),
        allow_areas=benchmark,
    )  # fmt: skip
    for position, exc in read.errors.items():
        column, row = columns[position // height], rows[position % height]
        where = Location(grid.sheet, row, column.index, column.header).where(grid.file)
        parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **where))
    keep = ~read.take([v.blank for v in read.distinct], bool)  # a cell in error reads as blank
    if benchmark:  # a cell naming several areas ('Inner: 2.9% Outer: 0.1%') becomes one value per area
        several = read.take([bool(v.areas) for v in read.distinct], bool)
        for position in np.flatnonzero(several).tolist():
            spot = Location(grid.sheet, rows[position], columns[0].index, columns[0].header)
            value = read.distinct[read.index[position]]
            parsed.observations.extend(_benchmarks(table, names[position], columns[0], value, spot))
        keep &= ~several
    every = [_tiled(name_categories, len(columns)), _tiled(areas, len(columns))]
    frame: dict[str, object] = {
        "measure": every[0], "area": columns[0].area if benchmark else every[1], **cells.value_columns(read),
        "sheet": grid.sheet, "row": np.tile(rows, len(columns)),
        "column": np.array([c.index for c in columns])[which],
        "header": cells.spread([c.header for c in columns], which),
    }  # fmt: skip
    if any(v.note or v.footnote for v in read.distinct) or (not benchmark and any(name_notes)):
        values = read.cells()
        footnotes = {mark: _footnote(table, mark) for mark in {v.footnote for v in values}}
        frame["note"] = [
            "; ".join(n for n in (v.note, footnotes[v.footnote][1], *(() if benchmark else (name_note,))) if n) or None
            for v, name_note in zip(values, name_notes * len(columns), strict=True)
        ]
        frame["series_break"] = [footnotes[v.footnote][0] for v in values]
    if benchmark:  # a benchmark's own period: the one its cell names, else its column's, else not stated
        periods = [v.covers or columns[0].period for v in read.distinct]
        frame["period"] = read.take([p or NOT_STATED.label for p in periods])
        frame["context_period"] = read.take([None if p else table.latest_period or None for p in periods])
        frame["covers"] = None
    else:
        frame["period"] = cells.spread([c.period for c in columns], which)
    parsed.frames.append(cells.frame(frame, len(keep))[keep].reset_index(drop=True))


def _formats(grid: Grid, columns: list[Column], rows: list[int]) -> tuple[np.ndarray, object] | None:
    """The number-format facts of the columns' cells, column after column (None when no cell has any)."""
    found = [grid.formats_of(c.index, rows) for c in columns]
    if all(f is None for f in found):
        return None
    codes = [np.zeros(len(rows), np.int8) if f is None else f[0] for f in found]
    return np.concatenate(codes), grid.formats.kinds


def _tiled(categories: pd.Categorical, times: int) -> pd.Categorical:
    return (
        categories
        if times == 1
        else pd.Categorical.from_codes(np.tile(categories.codes, times), dtype=categories.dtype)
    )


def _footnote(table: _Table, mark: str | None) -> tuple[bool, str | None]:
    """(marks a series break, its text) of a footnote marker."""
    if not mark:
        return False, None
    text = table.footnotes.get(mark) or table.footnotes.get("")
    return bool(text and _BREAK_WORDS.search(text)), text


def _benchmarks(table: _Table, name: str, column: Column, value: CellValue, location: Location) -> list[RawObservation]:
    """A benchmark cell holding several areas' values ('Inner: 2.9% Outer: 0.1% Greater London: 1.9%')."""
    result = []
    for area, cell in value.areas.items():
        period = cell.covers or value.area_period or column.period
        series_break, footnote = _footnote(table, cell.footnote)
        note = "; ".join(n for n in (cell.note, footnote) if n) or None
        plain = CellValue(
            value=cell.value, decimals=cell.decimals, percent=cell.percent, currency=cell.currency,
            missing=cell.missing, note=cell.note, footnote=cell.footnote, flags=cell.flags,
        )  # fmt: skip
        result.append(
            RawObservation(
                name,
                canonical_area(area),
                period or NOT_STATED.label,
                plain,
                location,
                series_break=series_break,
                note=note,
                context_period=None if period else table.latest_period or None,
            )
        )
    return result
