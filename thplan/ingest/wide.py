"""Wide tables with one row per area.

* Areas down, periods across (LG Inform exports): one measure, named in a header row stacked above the periods
  ("Non-domestic rates collected ..." repeated over every period column), with its unit in another.
* Areas down, measures across (the GLA borough profiles' Data sheet): each column a measure whose period is written
  in its header ("Employment rate (%) (2015)"), or the table's title or sheet name gives it ("..., 2021"), or the
  officer does on upload. Every column must then hold numbers; columns of text describe the areas and are not
  imported; LCI and UCI columns are the interval of the measure they name.
* Which columns name the areas, and each row's area: `areacolumns`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from thplan.area import is_known_area
from thplan.breakdown import Breakdown, sex_alone
from thplan.ingest.areacolumns import (
    AREA_HEADERS,
    area_of_row,
    code_column,
    describes_areas,
    find_area_column,
    is_area_names,
    is_number,
    meta_column,
    name_columns,
    names_areas_below,
    unheaded_area_column,
)
from thplan.ingest.grid import Grid
from thplan.ingest.headers import (
    EDITION,
    MID_YEAR,
    cell_period,
    dated_headings,
    header_period,
    is_header_cell_period,
    norm,
    period_and_word,
    role_of,
    title_period,
    without_notes,
    year_months,
)
from thplan.ingest.keylines import key_lines, qualifier
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import areas_read_as, cell_ref, error, info, not_imported, quoted, warning
from thplan.ingest.series import file_name_title, file_title
from thplan.measure import GENERIC_NAMES
from thplan.period import PeriodError, parse_period
from thplan.value import CellError, fifteen, is_missing_marker, parse_value

#: A row of a table's total, or of values no area is known for: it names no area ('All households', 'Total',
#: 'Not Classified').
_NO_AREA = re.compile(r"^(?:all|total)\b|^(?:not classified|unclassified|unknown|not known|unallocated)$",
                      re.IGNORECASE)  # fmt: skip
#: A line above a table that is a notice, not its title ('ONS Crown Copyright Reserved [from Nomis ...]'), or
#: asks the reader for something ('This met my needs, please produce it next year').
#: Lines above a table that are about the file, not what it measures (ONS's accessibility lines among them: 'This
#: worksheet contains one table. Some cells refer to notes ...').
_NOTICE = re.compile(r"copyright|©|^source\b|\bplease\b|^this (?:work)?sheet\b|^this table (?:contains|has)\b|"
                     r"\brefer to (?:the )?notes\b|\bshorthand\b|\bfreeze panes\b", re.IGNORECASE)  # fmt: skip
_UNIT_WORDS = re.compile(r"\b(gbp|per ?cent|number|count|rate|per \d|years?|score|index)\b|£|%", re.IGNORECASE)


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
    """Every table of areas down, periods across on the sheet: the first within its first 30 rows, each next one
    right after the one before (GLA workbooks put a table of boroughs above one of zones), and tables side by side
    under one header row, each with its own column of areas."""
    row, last, found, top = 0, min(grid.height, 30), False, 0
    while row < last:
        header = _area_header(grid, row)
        if header is None:
            row += 1
            continue
        found = True
        areas, headings, qualified = header
        if qualified:
            first = min(headings)
            parsed.problems.append(info(
                f"The period headings carry a word in brackets ({grid.text(row, first)}): read as the periods "
                f"({headings[first]}, ...), the word as part of what the table measures.",
                **grid.where(row, first, grid.text(row, first))))  # fmt: skip
        ends, below = row + 1, None
        for area_column, labels, right in _side_by_side(grid, row, areas, headings):
            table_end, below = _read_header(grid, parsed, row, area_column, labels, top)
            ends = max(ends, table_end)
            unused = [c for c in grid.filled(row) if area_column < c < right and c not in labels
                      and not meta_column(grid, row, c)]  # fmt: skip
            if unused:  # 'Change', '% Reduction' beside the periods: worked out from them, not imported
                parsed.problems.append(not_imported([grid.text(row, c) for c in unused], **grid.where(row, unused[0])))
        if below is None:
            break
        following = next((r for r in range(below, min(grid.height, below + 4)) if _area_header(grid, r)), None)
        if following is None or not _headed(grid, below, following):
            if figures_after(grid, below) is not None:  # notes below a table are no table not read
                parsed.problems.append(warning(
                    f"The table ends at the {'blank ' if not grid.filled(ends) else ''}row {ends + 1}; the rows from "
                    f"{below + 1} on were not read: {_why_not_read(grid, below)}", code="not-read",
                    **grid.where(below)))  # fmt: skip
            break
        row, last, top = following, following + 1, below
    return found


def figures_after(grid: Grid, start: int) -> int | None:
    """The first row from `start` on with a figure in a cell of its own (the rest of a sheet after its tables
    should be notes, whose numbers are in their words): never dropped without a word."""
    return next((r for r in range(start, grid.height) if any(is_number(grid.text(r, c)) for c in grid.filled(r))),
                None)  # fmt: skip


def _why_not_read(grid: Grid, below: int) -> str:
    """Why the rows after a table were not read as another: its rows' heading names no areas ('Charging Zone'),
    or they are no table of areas and periods."""
    for row in range(below, min(grid.height, below + 4)):
        filled = grid.filled(row)
        periods = sum(header_period(grid.value(row, c)) is not None for c in filled)
        if periods >= 2 and (text := grid.text(row, filled[0])):
            return (f"their table's rows are headed '{text}', which names no areas this program reads. To import "
                    "it, head them Area (with areas' names or ONS codes), on a sheet of its own.")  # fmt: skip
    return "they are no table of areas and periods. Put another table on a sheet of its own to import it."


def _headed(grid: Grid, top: int, header_row: int) -> bool:
    """Whether a table after another is headed by its own name, not by rows of 'key | value' that qualify a table
    repeated from above (NOMIS repeats one per sex or date: 'gender | Male'), which would be lost."""
    lines = [grid.filled(r) for r in range(top, header_row)]
    return any(lines) and not any(len(cells) == 2 for cells in lines)


def _area_header(grid: Grid, row: int) -> tuple[int, dict[int, str], bool] | None:
    """The column of areas and the period headings of a table of areas down, periods across headed in `row`, and
    whether the headings carry a word in brackets ('2009/10 (taxbase)')."""
    labels = {c: label for c in grid.filled(row) if (label := header_period(grid.value(row, c))) is not None}
    dated, _how = dated_headings(
        {c: grid.value(row, c) for c in grid.filled(row) if not isinstance(grid.value(row, c), str)}
    )  # date cells as headings ('Apr-23' formatted): read as a row, months or days
    labels.update(dated if len(dated) >= 2 else {})
    labels.update(year_months({c: grid.value(row, c) for c in grid.filled(row)}))  # '201011' among MPS months
    labels = dict(sorted(labels.items()))
    area_column, fewest = find_area_column(grid, row), 2
    if area_column is None and labels:  # a year alone is a table's heading where codes stand beside its areas
        area_column, fewest = unheaded_area_column(grid, row, min(labels)), 1
    if area_column is None:
        return None
    if len(labels) < 2 and (qualified := _qualified_periods(grid, row)):
        return area_column, qualified, True
    return (area_column, labels, False) if len(labels) >= fewest else None


def _side_by_side(
    grid: Grid, row: int, area_column: int, labels: dict[int, str]
) -> list[tuple[int, dict[int, str], int]]:
    """The tables under one header row, left to right, each with its own column of areas: a column headed as areas
    between period columns starts another ('Borough | 2016 | 2019 | | Borough | 2016 | 2019'). One table where there
    is no such column. Each: its column of areas, its periods, and the column after its last."""
    periods = sorted(labels)
    starts = [c for c in grid.filled(row) if periods[0] < c < periods[-1] and is_area_names(grid, row, c)]
    if not starts:
        return [(area_column, labels, grid.width)]
    first = max((c for c in grid.filled(row) if c < periods[0] and is_area_names(grid, row, c)), default=area_column)
    bounds = [first, *starts, grid.width]
    return [(left, {c: labels[c] for c in periods if left < c < right}, right) for left, right in pairwise(bounds)]


def _read_header(
    grid: Grid, parsed: Parsed, row: int, area_column: int, labels: dict[int, str], top: int
) -> tuple[int, int | None]:
    """One table of areas down, periods across: its measure named above its periods (from row `top` on), or several
    measures side by side under names above their blocks. Returns the row its table ends at and the next filled row
    after it."""
    periods = list(labels)
    say_editions(grid, parsed, row, periods)
    narrowed = qualifier(grid, key_lines(grid, top, row, area_column), parsed)
    blocks = blocks_of(grid, row, periods, top)
    if blocks and all(_says_nothing(name) for name in blocks) and len(_stacks(grid, row, labels, area_column, top)) > 1:
        blocks = {}  # units over blocks ('%' | 'Number'), each under a name higher up (LG Inform): read as stacks
    sexes = {n: sex for n in blocks if (sex := sex_alone(n)) is not None}
    if blocks and len(sexes) == len(blocks) and (titled := _stacked_name(grid, row, periods, area_column, top)[0]):
        # blocks by sex ('Males' | 'Females' over the years): one measure, the title's, each block a breakdown
        name = title_measure(titled)
        parsed.problems.append(info(
            f"The blocks of columns headed {quoted(list(blocks), 4)} are the sexes of one measure, '{name}' (the "
            "table's title): read as its breakdowns.", **grid.where(row - 1, periods[0])))  # fmt: skip
        ends: tuple[int, int | None] = (row + 1, None)
        for block, columns in blocks.items():
            ends = _read_area_rows(grid, parsed, row, area_column, {c: labels[c] for c in columns}, name, "",
                                   replace(narrowed, sex=sexes[block]))  # fmt: skip
        return ends
    if blocks:  # several measures side by side, a name above each
        intervals = {n: cs for n, cs in blocks.items() if _INTERVAL.search(n)}
        if len(blocks) - len(intervals) == 1 and len(intervals) == 1:  # a value's block and its interval's
            [(heading, conf)] = intervals.items()
            parsed.problems.append(info(
                f"The block of columns headed '{heading}' is read as the 95% confidence interval (+/-) of the "
                "values beside it, period by period.", **grid.where(row - 1, conf[0])))  # fmt: skip
            blocks = {n: cs for n, cs in blocks.items() if n not in intervals}
            name, columns = next(iter(blocks.items()))
            spans = {labels[c]: c for c in conf}
            return _read_area_rows(grid, parsed, row, area_column, {c: labels[c] for c in columns}, name, "",
                                   narrowed, spans)  # fmt: skip
        if over := _name_over_all(grid, row, periods, top):  # LG Inform's metric over its 'raw' | 'per 1000' blocks
            blocks = _under(over, blocks)
        ends = (row + 1, None)
        for name, columns in blocks.items():
            if name.lower() in GENERIC_NAMES:
                name = f"{file_name_title(grid.file)}: {name}"
                parsed.problems.append(info(
                    f"The block of columns headed '{grid.text(row - 1, columns[0])}' is imported as '{name}', "
                    "after the file's name (its heading does not say what it counts).",
                    **grid.where(row - 1, columns[0])))  # fmt: skip
            ends = _read_area_rows(grid, parsed, row, area_column, {c: labels[c] for c in columns}, name, "", narrowed)
        return ends
    name, unit = _stacked_name(grid, row, periods, area_column, top)
    if (
        not name and len(stacks := _stacks(grid, row, labels, area_column, top)) > 1
    ):  # LG Inform's export of several metrics
        for columns in stacks:
            name, unit = _stacked_name(grid, row, columns, area_column, top)
            ends = _read_area_rows(grid, parsed, row, area_column, {c: labels[c] for c in columns}, name, unit,
                                   narrowed)  # fmt: skip
        return ends
    if not name and (named_by := _label_columns(grid, row, area_column)):  # the MPS: 'MajorText | MinorText'
        return _read_labelled_rows(grid, parsed, row, area_column, labels, named_by, narrowed)
    if not name:
        parsed.problems.append(error(
            "This table has areas in rows and periods in columns but does not say which measure it holds. "
            "Put the measure's name in a row above the periods.", **grid.where(row)))  # fmt: skip
        return row + 1, None
    if (measure := title_measure(name)) != name:
        parsed.problems.append(info(
            f"The table's title '{name}' is read as the measure '{measure}': its areas and periods are in its "
            "rows and columns.", **grid.where(row)))  # fmt: skip
        name = measure
    return _read_area_rows(grid, parsed, row, area_column, labels, name, unit, narrowed)


def say_editions(grid: Grid, parsed: Parsed, row: int, periods: list[int]) -> None:
    """Period headings that name a dataset's edition beside the year ('LAEI 2016') are said as read."""
    editions = [c for c in periods if (worded := period_and_word(grid.value(row, c))) and worded[1] == EDITION]
    if editions:
        shown = sorted({grid.text(row, c) for c in editions})
        parsed.problems.append(info(
            f"The headings {quoted(shown, 4)} are read as the periods their years name, each the edition of the "
            "data it names.", **grid.where(row, editions[0])))  # fmt: skip


def blocks_of(grid: Grid, header_row: int, periods: list[int], top: int = 0) -> dict[str, list[int]]:
    """Blocks of period columns each under its own name in the row above (merged across its block, so written in
    its first column): {name: columns}; {} unless there are two or more, each naming each of its periods once.
    Where a name repeats over blocks ('Total' under each age group), the heading above it is part of it ('All
    ages: Total', 'Children: Total'), up to three rows up."""
    names = dict.fromkeys(periods, "")
    for row in range(header_row - 1, max(header_row - 4, top - 1), -1):
        current, level = "", {}
        for column in range(periods[0], periods[-1] + 1):
            current = grid.text(row, column) or current
            level[column] = current
        if row == header_row - 1 and not all(level[c] for c in periods):
            return {}
        names = {c: ": ".join(filter(None, (level[c], names[c]))) for c in periods}
        blocks: dict[str, list[int]] = {}
        for column in periods:
            blocks.setdefault(names[column], []).append(column)
        if len(blocks) < 2:
            return {}
        if all(len({grid.text(header_row, c) for c in columns}) == len(columns) for columns in blocks.values()):
            return blocks
    return {}


def _is_unit(text: str) -> bool:
    """A short text of unit words alone ('%', 'GBP (000)', 'Number', 'Rate per 1,000'), not a name with its unit
    ('NEET (%)')."""
    return len(text) <= 20 and bool(_UNIT_WORDS.search(text)) and not WORD.search(_UNIT_WORDS.sub("", text))


def _name_over_all(grid: Grid, header_row: int, periods: list[int], top: int) -> str:
    """A name written over every period column of blocks side by side (the metric LG Inform stacks over its data
    types: 'Number of households in temporary accommodation' over 'raw' | 'per 1000 households'); '' if none."""
    for row in range(top, header_row - 1):
        texts = {grid.text(row, c) for c in periods}
        if len(texts) == 1 and (text := texts.pop()) and WORD.search(text) and not _is_unit(text):
            return text
    return ""


def _under(over: str, blocks: dict[str, list[int]]) -> dict[str, list[int]]:
    """Blocks named under the name over them all: the raw figures are its figures ('raw': the name alone), the
    others its kinds ('...: per 1000 households')."""
    named = {(over if _says_nothing(name) else f"{over}: {name}"): columns
             for name, columns in blocks.items()}  # fmt: skip
    return named if len(named) == len(blocks) else {f"{over}: {name}": columns for name, columns in blocks.items()}


def _says_nothing(name: str) -> bool:
    """A block's name that says only its unit or nothing ('%', 'Number', 'Value')."""
    return name.lower() in (*GENERIC_NAMES, "raw") or _is_unit(name)  # LG Inform's 'raw': the figure as it is


def _label_columns(grid: Grid, header_row: int, area_column: int) -> list[int]:
    """The headed columns of text left of the areas that name each row's measure together ('MajorText |
    MinorText | BoroughName | 202301 ...': 'Burglary: Burglary - Residential'); [] where there are none."""
    rows = [r for r in range(header_row + 1, min(grid.height, header_row + 200)) if grid.text(r, area_column)]
    return [c for c in grid.filled(header_row) if c < area_column and not meta_column(grid, header_row, c)
            and rows and all(grid.text(r, c) and not is_number(grid.text(r, c)) for r in rows)]  # fmt: skip


def _read_labelled_rows(
    grid: Grid, parsed: Parsed, header_row: int, area_column: int, labels: dict[int, str], named_by: list[int],
    breakdown: Breakdown,
) -> tuple[int, int | None]:  # fmt: skip
    """A table of areas down, periods across, each row's measure named by its columns of labels; returns the row
    it ends at and the next filled row after it."""
    codes = code_column(grid, header_row, area_column)
    end, rows = grid.height, 0
    for row in range(header_row + 1, grid.height):
        if not grid.filled(row):
            end = row
            break
        area_text = grid.text(row, area_column)
        area = area_of_row(grid, parsed, row, area_column, area_text, codes) if area_text else None
        if area is None:
            continue
        rows += 1
        name = ": ".join(t for c in named_by if (t := grid.text(row, c)))
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, row, named_by[0], grid.text(header_row, named_by[0]))))
        for column, label in labels.items():
            percent, decimals = grid.fmt(row, column)
            try:
                value = parse_value(grid.value(row, column), percent_format=percent, format_decimals=decimals)
            except CellError as exc:
                parsed.problems.append(error(f"{exc}", **grid.where(row, column, label)))
                continue
            if not value.blank:
                parsed.observations.append(RawObservation(name, area, label, value,
                                                          Location(grid.sheet, row, column, label),
                                                          breakdown=breakdown))  # fmt: skip
    parsed.problems.append(info(
        f"Each row's measure is named by its columns {quoted([grid.text(header_row, c) for c in named_by], 4)}, "
        f"its area by '{grid.text(header_row, area_column)}'.", **grid.where(header_row)))  # fmt: skip
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, max(labels) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas by period", rows=rows))
    parsed.rows += rows
    below = next((r for r in range(end, grid.height) if grid.filled(r)), None)
    return end, below


def _stacks(grid: Grid, header_row: int, labels: dict[int, str], area_column: int, top: int) -> list[list[int]]:
    """The period columns under one stack of headings each (a metric's name, id and unit over its periods, as LG
    Inform stacks them), where there are several, each naming its periods once under a name of its own; else []."""
    stacks: dict[tuple[str, ...], list[int]] = {}
    for column in labels:
        stacks.setdefault(tuple(grid.text(r, column) for r in range(top, header_row)), []).append(column)
    names = [_stacked_name(grid, header_row, columns, area_column, top)[0] for columns in stacks.values()]
    unique = all(len({labels[c] for c in columns}) == len(columns) for columns in stacks.values())
    return list(stacks.values()) if all(names) and len(set(names)) == len(names) and unique else []


def _stacked_name(grid: Grid, header_row: int, periods: list[int], area_column: int, top: int) -> tuple[str, str]:
    """The measure's name (and unit) written over all its periods: in each period's column, or once over them all
    (merged cells keep their text in the first); else the line of one cell above the table."""
    name = unit = ""
    for row in range(top, header_row):
        texts = {grid.text(row, c) for c in periods}
        if (
            len(texts) == 2
            and grid.text(row, periods[0])
            and not any(grid.text(row, c) for c in periods[1:])
            and not any(grid.text(row, c) for c in range(area_column, periods[0]))
        ):
            texts = {grid.text(row, periods[0])}  # written once, merged across them all (no 'key | value' row)
        if len(texts) != 1:
            continue
        text = texts.pop()
        if not text or re.fullmatch(r"[\d.,]+|raw|[a-z]+_.*", text, re.IGNORECASE):
            continue  # metric ids, "raw", period codes
        if _is_unit(text):
            unit = unit or text
        else:
            name = name or text
    if not name:
        for row in range(header_row - 1, top - 1, -1):  # NOMIS: 'measure | Claimant count' above the table
            cells = grid.filled(row)
            if len(cells) == 2 and norm(grid.value(row, cells[0])) == "measure":
                return grid.text(row, cells[1]), unit
        for row in range(header_row - 1, top - 1, -1):
            cells = grid.filled(row)
            if (
                len(cells) == 1
                and cells[0] <= periods[-1]
                and not _NOTICE.search(text := grid.text(row, cells[0]))
                and not _areas_only(text)
            ):  # not a line over a table beside
                return text, unit
    return name, unit


_GEOGRAPHY = (r"(?:regions?|countr(?:y|ies)|(?:local|unitary|combined) authorit(?:y|ies)|count(?:y|ies)|boroughs?|"
              r"wards?|districts?|lsoas?|msoas?|(?:administrative )?geograph(?:y|ies)|"
              r"(?:parliamentary )?constituenc(?:y|ies))")  # fmt: skip
#: 'by region and country', 'for local authorities', 'at Local Authority level': which areas a title's table holds.
_BY_GEOGRAPHY = re.compile(rf"\s+(?:by|for|at)\s+{_GEOGRAPHY}(?:\s*(?:,|and|/|or)\s*{_GEOGRAPHY})*(?:\s+level)?"
                           r"(?=$|[\s,:;(])", re.IGNORECASE)  # fmt: skip


#: A word of three letters or more: a line or a sheet's name without one ('1a', 'T2') names nothing.
WORD = re.compile(r"[^\W\d_]{3,}")


def sheet_title(grid: Grid) -> str:
    """The title at the top of a sheet: its first line of one cell of words; "" without one."""
    for row in range(min(grid.height, 6)):
        filled = grid.filled(row)
        if len(filled) == 1 and WORD.search(text := grid.text(row, filled[0])):
            return text
    return ""


#: A unit written alone at the end of a line above a sheet's tables, as ONS writes one ('Persons aged 16 and over
#: ... Thousands').
_UNIT_LINE = re.compile(r"^(?:thousands?|millions?|%|per ?cent(?:age)?|numbers?|counts?|£(?:m|000s?|'000s?)?|"
                        r"rates?)$", re.IGNORECASE)  # fmt: skip


def sheet_unit(grid: Grid) -> str:
    """The unit a sheet states above its tables, in its first lines: the last cell of a line of several, alone a
    unit ('Thousands', '%'); "" without one."""
    for row in range(min(grid.height, 6)):
        filled = grid.filled(row)
        if len(filled) >= 2 and _UNIT_LINE.match(text := grid.text(row, filled[-1])):
            return text
    return ""


def _areas_only(line: str) -> bool:
    """A line above a table that says only which areas its rows are ('DISTRICT, COUNTIES AND UNITARY AUTHORITIES
    WITHIN REGION AND COUNTRY by YEAR'): no title."""
    rest = re.sub(rf"\b{_GEOGRAPHY}\b|\b(?:and|within|in|by|year|years|of|the)\b|[^\w]", " ", line, flags=re.IGNORECASE)
    return not rest.strip()


#: A table's number before its title or as a sheet's name ('TABLE 1.1a - ', 'Table 3:', 'Sheet1').
TABLE_NUMBER = re.compile(r"^\s*(?:table|tab|sheet)\s*[\d.]*\d[a-z]?\b[\s.:,–-]*", re.IGNORECASE)
#: Words for the kinds of area a table's rows are, as titles and sheets' names write them.
GEOGRAPHY = re.compile(rf"\b(?:{_GEOGRAPHY}|regional|national|lads?|las?|utlas?|ltlas?)\b", re.IGNORECASE)
#: The span of periods a title ends with ('for 2015 to 2018').
_FOR_PERIODS = re.compile(r"\s+(?:for|in)\s+(\S+)(?:\s+(?:to|-|–)\s+(\S+))?\s*$", re.IGNORECASE)


#: A footnote's number written on to the end of a word of a title's clause ('BY ECONOMIC ACTIVITY1, UK'); not
#: the number of a short name (NO2, PM10).
FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_]{4})\d{1,2}(?=,|$)")


def title_measure(title: str) -> str:
    """What a table's title says is measured, without the areas and periods its rows and columns give and its
    table number: 'Median price paid by local authority, year ending Dec 1995 to year ending Jun 2022' -> 'Median
    price paid'; 'TABLE 1.1a - COUNT OF BIRTHS OF NEW ENTERPRISES for 2015 to 2018' -> 'Count of births of new
    enterprises'."""
    name = TABLE_NUMBER.sub("", title).rstrip(". ")
    if (m := re.fullmatch(r"(.+?)\s*[,:;]\s*([^,:;]+)", name)) and all(
        is_header_cell_period(part) for part in re.split(r"\s+(?:to|-|–)\s+", m.group(2).strip(), flags=re.IGNORECASE)
    ):
        name = m.group(1)
    if (m := _FOR_PERIODS.search(name)) and all(is_header_cell_period(p) for p in m.groups() if p):
        name = name[: m.start()]
    name = _BY_GEOGRAPHY.sub("", FOOTNOTE_MARK.sub("", name)).strip(" ,:;")
    if name.isupper():  # a title in capitals is a name in sentence case
        name = name[:1] + name[1:].lower()
    return name or title


def _continues(grid: Grid, header_row: int, row: int, area_column: int, periods: list[int]) -> bool:
    """Whether a row after a blank one is one more row of the table: an area's name and a number for a period (a
    title or the headings of another table are not)."""
    return (bool(grid.text(row, area_column)) and any(is_number(grid.text(row, c)) for c in periods)
            and not _repeats_headings(grid, header_row, row, periods))  # fmt: skip


def _repeats_headings(grid: Grid, header_row: int, row: int, periods: list[int]) -> bool:
    """A row that repeats the table's period headings ('Zone | 2021 | 2022'): another table's header, not data. One
    heading is not enough to tell: a count of 2020 under the heading 2020 is a figure."""
    return len(periods) >= 2 and all(grid.text(row, c) == grid.text(header_row, c) for c in periods)


#: A survey's sample size beside its estimates ('Unweighted base - number of adults'): not a measure.
_SAMPLE_SIZE = re.compile(r"\bunweighted (?:base|sample)|^(?:sample size|base)\b", re.IGNORECASE)
#: A block of columns that holds the confidence interval (+/-) of the values beside it.
_INTERVAL = re.compile(r"confidence interval|\+/-", re.IGNORECASE)


def _read_area_rows(
    grid: Grid, parsed: Parsed, header_row: int, area_column: int, labels: dict[int, str], name: str, unit: str,
    breakdown: Breakdown, intervals: dict[str, int] | None = None,
) -> tuple[int, int | None]:  # fmt: skip
    """The table's values, of `breakdown`; `intervals`: the column of each period's 95% interval (+/-), where a
    block gives them.
    Returns the row the table ends at and the first filled row after it (None at the sheet's end)."""
    periods = list(labels)
    parsed.add_measure(MeasureRef(name, Location(grid.sheet, header_row, periods[0]), unit=unit))
    codes = code_column(grid, header_row, area_column)
    rows = 0
    areas: list[tuple[int, str]] = []
    names: list[str] = []  # as the file writes them
    totals: list[int] = []
    end, below = grid.height, None
    for row in range(header_row + 1, grid.height):
        if rows and not grid.filled(row):  # a blank row ends the table: what follows is another (NOMIS repeats one)
            following = next((r for r in range(row + 1, grid.height) if grid.filled(r)), None)
            if following is not None and _continues(grid, header_row, following, area_column, periods):
                continue  # rows spaced out by blank ones (as some ONS tables are): the same table goes on
            end, below = row, following
            break
        if rows and _repeats_headings(grid, header_row, row, periods):
            end, below = row, row
            break
        area_text = grid.text(row, area_column)
        if not area_text or norm(area_text) in AREA_HEADERS:
            continue  # blank, or one more stacked header row (LG Inform repeats 'area label' on each)
        rows += 1
        if _NO_AREA.match(area_text) and not is_known_area(area_text):
            totals.append(row)  # a total of the rows above, or an unallocated row: no area
            continue
        area = area_of_row(grid, parsed, row, area_column, area_text, codes)
        if area is not None:
            areas.append((row, area))
            names.append(area_text)
    if totals:
        said = warning(
            f"{len(totals)} row{'s' if len(totals) > 1 else ''} ({', '.join(str(r + 1) for r in totals[:5])}) name no "
            f"area in the column '{grid.text(header_row, area_column)}' (a total, or an unallocated row): not read.",
            code="not-read", **grid.where(totals[0], area_column))  # fmt: skip
        if said not in parsed.problems:
            parsed.problems.append(said)
    renamed = areas_read_as(names, **grid.where(header_row, area_column)) if codes is None else None
    if renamed is not None and renamed not in parsed.problems:  # said once for the blocks of one table
        parsed.problems.append(renamed)
    for row, area in _told_apart(grid, parsed, areas, codes, area_column):
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
            lower = upper = None
            half = _bound(grid, row, intervals[label]) if intervals and label in intervals else None
            if half is not None and value.value is not None:
                lower, upper = fifteen(value.value - half), fifteen(value.value + half)
            parsed.observations.append(RawObservation(name, area, label, value, location, lower_ci=lower,
                                                      upper_ci=upper, breakdown=breakdown))  # fmt: skip
    cells = f"{cell_ref(header_row + 1, area_column + 1)}:{cell_ref(header_row + 1 + rows, max(periods) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas by period", title=name, rows=rows))
    parsed.rows += rows
    return end, below


# -- areas down, measures across --------------------------------------------------------------------------------

_YEARS = re.compile(r"(?<![\d/])((?:19|20)\d{2})(?:\s*[/\-–]\s*(\d{4}|\d{2}))?(?![\d/])")
_MONTH = re.compile(r"\b([A-Z][a-z]{2})-(\d{2}|\d{4})\b")
#: A month written out, or a day of it ('March 2022', '1 December 2021'): read as that month ('Mar-2022').
_MONTH_WORDS = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
#: ONS's mid-year estimates ('Population mid-2020', 'Total population: mid 2015'): the year's.


def split_measure_header(header: str) -> tuple[str, str | None]:
    """The measure and period of a column header: 'Employment rate (%) (2015)' -> ('Employment rate (%)', '2015');
    'Life satisfaction score 2011-14 (out of 10)' -> ('Life satisfaction score (out of 10)', '2011-14');
    the last period named wins, 'A to B' spans both; no period -> (header, None). References to the file's notes
    ('[note 2]') are not part of the name."""
    header = without_notes(header)
    header = MID_YEAR.sub("", _MONTH_WORDS.sub(lambda m: f"{m.group(1)[:3].title()}-{m.group(2)}", header))
    matches = list(_MONTH.finditer(header)) or list(_YEARS.finditer(header))
    if not matches:
        return header.strip(), None
    last = matches[-1]
    start = last
    if len(matches) > 1 and re.fullmatch(r"\s*(?:to|-|–)\s*", header[matches[-2].end() : last.start()]):
        start = matches[-2]
    label = _period_label(start, last)
    end = last.end()
    if (pooled := _POOLED_TAIL.match(header, end)) and start is last:  # '2019/20 - 21/22': years pooled
        label, end = _pooled_label(f"{last.group(0)} - {pooled.group(1)}"), pooled.end()
    if label is None:
        return header.strip(), None
    if mark := _MARK_AFTER.match(header, end):  # '2022/23 (p)': the period's figures are provisional
        end = mark.end()
    name = header[: start.start()] + header[end:]
    name = re.sub(r"\(\s*(?:started in\s*)?\)|\(\s*(Census|provisional)?\s*\)", "", name)
    name = re.sub(r"\s+(in|during)\s*(?=$|\()", " ", name)
    name = re.sub(r"\s*[,:]\s*(?=$|\()|\s*,\s*,", " ", name)
    return " ".join(name.split()).strip(" ,-–"), label


#: A mark after a period that says how final its figures are ('2022/23 (p)', '2021 [r]').
_MARK_AFTER = re.compile(r"\s*[\[(](?:p|r|e|provisional|revised|estimated?)[\])]", re.IGNORECASE)
#: The end of financial or academic years pooled, after the first ('2019/20 - 21/22').
_POOLED_TAIL = re.compile(r"\s*(?:-|–|to)\s*(\d{2}\s*/\s*\d{2})(?![\d/])")


def _pooled_label(text: str) -> str | None:
    try:
        return parse_period(text).label
    except PeriodError:
        return None


def _period_label(first: re.Match[str], last: re.Match[str]) -> str | None:
    text = first.group(0) if first is last else f"{first.group(1)}-{(last.group(2) or last.group(1))[-2:]}"
    span = () if first is last else (f"{first.group(0)} - {last.group(0)}",)  # '2019/20 to 2021/22': pooled years
    for candidate in (*span, text, text.replace("/", "-")):
        try:
            return parse_period(candidate).label
        except PeriodError:
            continue
    return None


def read_measure_columns(grid: Grid, parsed: Parsed, start: int = 0, title: str = "") -> bool:
    """A table of an area in each row and a measure in each column, headed within 30 rows of `start`; tables
    stacked under one another, each repeating the header under its own title, each read as a table (`title`: the
    table's own, which names a measure its heading does not)."""
    for row in range(start, min(grid.height, start + 30)):
        area_column = find_area_column(grid, row)
        if area_column is None:
            continue
        if (repeat := _repeated_header(grid, row)) is not None:
            cut = max((r for r in range(row + 1, repeat) if not grid.filled(r)), default=repeat)
            above = replace(grid, rows=grid.rows[:cut])
            below = replace(grid, rows=[*grid.rows[:row], *([[]] * (cut - row)), *grid.rows[cut:]])
            read_measure_columns(above, parsed, row, title or _own_title(grid, row))
            read_measure_columns(below, parsed, repeat, _own_title(grid, repeat))
            return True
        grid = _with_headings_above(_with_subheadings(grid, row, area_column), row, area_column)
        rows = [r for r in range(row + 1, grid.height) if grid.text(r, area_column)]
        # a code column beside its labels under one heading ('sex' | 'Sex', as ONS's dataset downloads pair them)
        headings = {c: grid.text(row, c) for c in grid.filled(row)}
        paired = [c for c, h in headings.items() if any(o.lower() == h.lower() and o != h for o in headings.values())]
        meta = [c for c in grid.filled(row) if c != area_column and (
            meta_column(grid, row, c) or describes_areas(grid, c, rows) or _SAMPLE_SIZE.search(grid.text(row, c))
            or c in paired or c < area_column  # left of the areas: what names them, or no table this reads
        )]  # fmt: skip
        columns = [c for c in grid.filled(row) if c != area_column and c not in meta]
        if not columns or (len(columns) == 1 and not _one_measure(grid, row, columns[0], rows)):
            continue
        unheaded = [c for c in range(grid.width) if c != area_column and not grid.text(row, c) and any(
            is_number(grid.text(r, c)) for r in rows[:200])]  # fmt: skip
        if meta or unheaded:
            headings = [grid.text(row, c) for c in meta] + [f"column {cell_ref(1, c + 1)[:-1]} (no heading)"
                                                            for c in unheaded]  # fmt: skip
            parsed.problems.append(not_imported(headings, **grid.where(row, (meta or unheaded)[0])))
        # a column of periods ('Year'): each row's period, not a measure
        dated = next((c for c in columns if role_of(grid.value(row, c)) == "period"), None)
        columns = [c for c in columns if c != dated]
        period = None
        if dated is None and all(split_measure_header(grid.text(row, c))[1] is None for c in columns):
            period = _period_above(grid, parsed, row) or parsed.period_for(grid.where(row))
            if period is None:
                headings = [grid.text(row, c) for c in columns]
                parsed.problems.append(error(
                    f"This table has an area in each row ('{grid.text(row, area_column)}') and a measure in each "
                    f"column ({quoted(headings, 4)}), but nothing says which period its values are for: not the "
                    "column headings, a title above the table or the sheet's name. Add the period to each heading "
                    f"('{headings[0]} 2022/23') or a title that ends with it, or give the period of the figures "
                    "when you upload the file (--period on the command line).", **grid.where(row)))  # fmt: skip
                return True
        beside = [c for c in range(min(columns) + 1, grid.width) if c not in columns and not grid.text(row, c)
                  and names_areas_below(grid, row, c)]  # fmt: skip
        bounds = [area_column, *beside, grid.width]
        for left, right in pairwise(bounds):  # tables side by side, each with its column of areas (ONS's NUTS)
            _read_measure_columns(grid, parsed, row, left, [c for c in columns if left < c < right], period, dated,
                                  title or sheet_title(grid))  # fmt: skip
        return True
    return False


def _repeated_header(grid: Grid, header_row: int) -> int | None:
    """The row below a header row of three headings or more that repeats it: the header of a table stacked under
    the first ('Table 2b' under 'Table 2a', one blank row between)."""
    headings = {c: grid.text(header_row, c) for c in grid.filled(header_row)}
    if len(headings) < 3:
        return None
    return next((r for r in range(header_row + 1, grid.height)
                 if grid.filled(r) == list(headings) and all(grid.text(r, c) == t for c, t in headings.items())),
                None)  # fmt: skip


def _own_title(grid: Grid, header_row: int) -> str:
    """The line of one cell nearest above a table's header, that is no notice ('Table 2b: Percentage who ...')."""
    for row in range(header_row - 1, -1, -1):
        filled = grid.filled(row)
        if len(filled) == 1 and WORD.search(text := grid.text(row, filled[0])) and not _NOTICE.search(text):
            return text
        if len(filled) > 1:
            break
    return ""


def _with_subheadings(grid: Grid, header_row: int, area_column: int) -> Grid:
    """A header of two rows, a block's name over the headings of its columns ('Property type: Houses' over
    'Address count | Average size ...'), read as one: each column headed 'Property type: Houses: Address count'.
    The grid as it is where the row under the headings is a row of data."""
    # a heading merged down over both rows is read in both: it is no subheading
    under = {
        c: t for c in grid.filled(header_row + 1) if (t := grid.text(header_row + 1, c)) != grid.text(header_row, c)
    }
    if (area_column in under or len(under) < 2 or any(is_number(t) for t in under.values())
            or not any(is_number(grid.text(header_row + 2, c)) for c in under)):  # fmt: skip
        return grid
    headings = list(grid.rows[header_row]) + [None] * (grid.width - len(grid.rows[header_row]))
    block = ""
    for column in range(min(under), grid.width):
        block = grid.text(header_row, column) or block
        if column in under:
            headings[column] = f"{block}: {under[column]}" if block else under[column]
    rows = [*grid.rows[:header_row], headings, [], *grid.rows[header_row + 2 :]]
    return replace(grid, rows=rows)


def _with_headings_above(grid: Grid, header_row: int, area_column: int) -> Grid:
    """Rows of headings above the one that heads the areas, over its measures' columns only ('% earning below
    Living Wage Foundation rates' over 'Jobs | Per cent' over '(thousand)', as ASHE writes them): each column is
    headed by all of them ('% earning below Living Wage Foundation rates: Jobs (thousand)'), a heading running on
    over the columns to its right. The grid as it is without such rows."""
    above: list[int] = []
    for row in range(header_row - 1, -1, -1):
        filled = grid.filled(row)
        if not filled or min(filled) <= area_column:
            break
        above.insert(0, row)
    if not above:
        return grid
    columns = sorted({c for r in [*above, header_row] for c in grid.filled(r) if c > area_column})
    headings = list(grid.rows[header_row]) + [None] * (grid.width - len(grid.rows[header_row]))
    running = {r: "" for r in above}
    for column in columns:
        parts = []
        for position, r in enumerate(above):
            below = [grid.text(b, column) for b in [*above[position + 1 :], header_row]]
            # a heading runs on over the columns right of it whose own headings say nothing alone ('Per cent',
            # percentiles '10' | '20'), never over one that names a measure ('Median' beside 'Number of jobs')
            alone = all(not t or _says_nothing(t) or _BARE_NUMBER.fullmatch(t) or _OF_A_VALUE.search(t) for t in below)
            running[r] = grid.text(r, column) or (running[r] if alone else "")
            parts.append(running[r])
        parts.append(grid.text(header_row, column))
        headings[column] = ": ".join(p for p in parts if p).replace(": (", " (")
    return replace(grid, rows=[*grid.rows[:header_row], headings, *grid.rows[header_row + 1 :]])


def _told_apart(grid: Grid, parsed: Parsed, areas: list[tuple[int, str]], codes: int | None,
                area_column: int) -> list[tuple[int, str]]:  # fmt: skip
    """Areas of one name with different codes (two LSOAs both named 'King's Lynn and West Norfolk 001A'; NOMIS's
    'ward2021:E05000426 : Oval' and 'ward2022:E05014108 : Oval', of two boundaries) are two areas: each is named
    with its code too, and the preview says so. The codes are a column's, else those NOMIS writes in the names."""

    def code_of(row: int) -> str:
        if codes is not None:
            return grid.text(row, codes)
        return m.group(1) if (m := _NOMIS_CODE.search(grid.text(row, area_column))) else ""

    seen: dict[str, set[str]] = {}
    for row, area in areas:
        seen.setdefault(area, set()).add(code_of(row))
    shared = {area for area, found in seen.items() if len(found) > 1}
    for area in sorted(shared):
        parsed.problems.append(warning(
            f"{len(seen[area])} areas with different codes ({', '.join(sorted(seen[area])[:4])}) are all named "
            f"'{area}': each is read as its name with its code ('{area} ({min(seen[area])})').", code="area",
            **grid.where(next(r for r, a in areas if a == area), area_column if codes is None else codes)))  # fmt: skip
    return [(row, f"{area} ({code_of(row)})" if area in shared else area) for row, area in areas]


#: The code NOMIS writes in a small area's name ('ward2022:E05014108 : Oval').
_NOMIS_CODE = re.compile(r"^\w+\d*:\s*([EWSN]\d{8})\s+:")


def _one_measure(grid: Grid, header_row: int, column: int, rows: list[int]) -> bool:
    """A table of one measure ('Dataset name | Deaths (u75) all causes'): numbers under a heading that is not a
    place (NOMIS's 'area name | Lambeth' above its table is a line of its description, not a table)."""
    return not is_known_area(grid.text(header_row, column)) and (
        sum(is_number(grid.text(r, column)) for r in rows[:10]) >= 2
    )


def _period_above(grid: Grid, parsed: Parsed, header_row: int) -> str | None:
    """The period of a table whose columns name none: the one its title ends with ('Renewable electricity
    generation at Local Authority Level - 2021'), else its sheet's name ('LA - Generation, 2021'); said."""
    titles = [grid.text(r, grid.filled(r)[0]) for r in range(header_row) if len(grid.filled(r)) == 1]
    for text, where in [*((t, "table's title") for t in titles), (grid.sheet or "", "sheet's name")]:
        if (period := title_period(text)[1]) is not None:
            parsed.problems.append(info(
                f"The columns name no period: it is read from the {where} ('{text}'): {period}.",
                **grid.where(header_row)))  # fmt: skip
            return period
    return None


def _read_measure_columns(
    grid: Grid, parsed: Parsed, header_row: int, area_column: int, columns: list[int], table_period: str | None,
    dated: int | None, title: str,
) -> None:  # fmt: skip
    """The table's values: each column a measure, of the period its heading names, else the table's, else (where
    `dated` is a column of periods) its row's."""
    indented = name_columns(grid, header_row, area_column)
    names = {
        r: next((grid.text(r, c) for c in indented if grid.text(r, c)), "") for r in range(header_row + 1, grid.height)
    }
    unnamed = [r for r, name in names.items() if is_missing_marker(name) or (_NO_AREA.match(name) and not (
        is_known_area(name))) or (not name and any(is_number(grid.text(r, c)) for c in columns))]  # fmt: skip
    if unnamed:
        parsed.problems.append(warning(
            f"{len(unnamed)} row{'s' if len(unnamed) > 1 else ''} ({', '.join(str(r + 1) for r in unnamed[:5])}"
            f"{', ...' if len(unnamed) > 5 else ''}) hold values but name no area in the column "
            f"'{grid.text(header_row, area_column)}' (a total, or an unallocated row): not read.", code="not-read",
            **grid.where(unnamed[0], area_column)))  # fmt: skip
    codes = code_column(grid, header_row, area_column)
    areas = [(r, area) for r, name in names.items() if name and r not in unnamed
             if (area := area_of_row(grid, parsed, r, area_column, name, codes)) is not None]  # fmt: skip
    if codes is not None:
        areas = _told_apart(grid, parsed, areas, codes, area_column)
    if dated is not None:
        areas = _dated_rows(grid, parsed, header_row, dated, areas)
    columns, bounds = _bound_columns(grid, parsed, header_row, columns)
    shared = _shared_period(grid, header_row, columns)
    given: str | None = None  # the officer's period, asked for once, for the columns that name none
    # headings most of which are bare numbers (ages 0, 1, 2 ... beside 'All ages') are categories of what the
    # table's title names, each a measure named with it
    numbered = 2 * sum(bool(_BARE_NUMBER.fullmatch(grid.text(header_row, c))) for c in columns) > len(columns)
    of = title_measure(title_period(title)[0]) if title and numbered else ""
    if of:
        parsed.problems.append(
            info(
                f"The columns' headings are categories ({quoted([grid.text(header_row, c) for c in columns], 4)}) of "
                f"what the title names: each is imported as '{of}: ' and its heading.",
                **grid.where(header_row),
            )
        )
    named = _told_apart_names(grid, header_row, columns)
    for column in columns:
        header = grid.text(header_row, column)
        where = grid.where(header_row, column, header)
        name, period = column_name(header)
        if column in named:
            name = named[column]
            parsed.problems.append(info(f"The column headed '{header}' is imported as '{name}': other columns have "
                                        "its heading, and it follows that measure.", **where))  # fmt: skip
        period = period or table_period
        if period is None and column in shared:
            period = shared[column]
            parsed.problems.append(warning(
                f"The column headed '{header}' names no period; the columns it is worked out from are for {period}, "
                f"so its values are read as {period}. Add the period to its heading if that is not so.",
                code="assumed-period", **where))  # fmt: skip
        by_title = False
        if of:
            name = f"{of}: {header}"
        elif _STATISTIC.match(name) and title and (titled := title_measure(title_period(title)[0])):
            name = f"{titled}: {name}"  # 'Median' of what: of what the title names ('Hourly pay - Gross (£)')
            parsed.problems.append(info(
                f"The column headed '{header}' names a statistic, not what it is of: it is imported as '{name}', "
                "with the table's title.", **where))  # fmt: skip
        elif not name or name.lower() in (*GENERIC_NAMES, "estimate"):  # the heading says nothing of what it measures
            titled = title_measure(title_period(title)[0]) if title else ""
            name, by_title = titled or file_title(grid), not titled
            parsed.problems.append(info(
                f"The column headed '{header}' is imported as '{name}', after the "
                f"{'table' if titled else 'file'}'s {'title' if titled else 'name'} (its heading does not say what "
                "it measures). Rename it before publishing if that is not its name.", **where))  # fmt: skip
        lower, upper = bounds.get((column, "lower")), bounds.get((column, "upper"))
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
        if period is None and dated is None:
            if given is None:
                given = parsed.period_for(grid.where(header_row)) or ""
            period = given or None
        if period is None and dated is None:
            parsed.problems.append(error(
                "This column does not say which period its values are for. Add the period to its header, for "
                f"example '{header} 2017/18', or give the period of the figures when you upload the file.",
                **where))  # fmt: skip
            continue
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, header_row, column, header), by_title=by_title))
        for row, area in areas:
            percent, decimals = grid.fmt(row, column)
            value = parse_value(grid.value(row, column), percent_format=percent, format_decimals=decimals)
            if not value.blank:
                location = Location(grid.sheet, row, column, header)
                parsed.observations.append(RawObservation(
                    name, area, period or cell_period(grid.value(row, dated)) or "", value, location,  # type: ignore[arg-type]
                    lower_ci=_bound(grid, row, lower), upper_ci=_bound(grid, row, upper)))  # fmt: skip
    left = min(area_column, codes if codes is not None else area_column) + 1
    cells = f"{cell_ref(header_row + 1, left)}:{cell_ref(header_row + 1 + len(areas), max(columns, default=0) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas by measure", rows=len(areas)))
    parsed.rows += len(areas)


#: A heading that names a statistic of something the heading does not name ('Median', 'Mean', 'Percentiles: 10').
_STATISTIC = re.compile(r"^(?:median|mean|average|mode|minimum|maximum|percentiles?|quartiles?|deciles?|"
                        r"(?:lower|upper) quartile)(?:$|\s*[:(])", re.IGNORECASE)  # fmt: skip
#: Headings of what is given of a value, not of what it is ('Survey estimate', 'Lower limit', 'Upper 95% CI').
_OF_A_VALUE = re.compile(r"^(?:survey )?estimates?$|\b(?:lower|upper)\b|\blimits?\b|\bbounds?\b|\bci\b|confidence",
                         re.IGNORECASE)  # fmt: skip
_BARE_NUMBER = re.compile(r"\d+(?:\.0)?\+?")


def _told_apart_names(grid: Grid, header_row: int, columns: list[int]) -> dict[int, str]:
    """Columns of one heading and period ('Annual % change' after 'Median' and after 'Mean', as ASHE writes
    them), each named with the nearest column of another heading before it ('Median: Annual % change')."""
    read = {c: column_name(grid.text(header_row, c)) for c in columns}
    shared = {key for key in read.values() if key[0] and list(read.values()).count(key) > 1}
    named = {}
    for column in columns:
        if read[column] in shared:
            before = next((read[c][0] for c in reversed(columns) if c < column and read[c] not in shared), "")
            if before:
                named[column] = f"{before}: {read[column][0]}"
    return named if len(set(named.values())) == len(named) else {}


def _dated_rows(
    grid: Grid, parsed: Parsed, header_row: int, dated: int, areas: list[tuple[int, str]]
) -> list[tuple[int, str]]:
    """The rows whose period the column of periods gives; a row whose period it does not is an error."""
    kept = []
    for row, area in areas:
        if cell_period(grid.value(row, dated)) is not None:
            kept.append((row, area))
        else:
            header = grid.text(header_row, dated)
            parsed.problems.append(error(
                f"'{grid.text(row, dated)}' is not a period this program reads (years, quarters, months or days, such "
                "as 2021/22, 2022 Q1, Mar 2022 or 21 May 2022). Write the period of every row.",
                **grid.where(row, dated, header)))  # fmt: skip
    return kept


#: A column of a measure's confidence limits or error ('Owned Outright LCI (%)', 'Rate upper 95% CI', 'CV (%)').
_BOUND = re.compile(
    r"^(?P<base>.*?)[\s,]+(?:(?P<lower>lci|lower(?: 95%)?(?: ci| confidence (?:interval|limit)| limit| bound)|"
    r"ll|confidence interval lower bound)|"
    r"(?P<upper>uci|upper(?: 95%)?(?: ci| confidence (?:interval|limit)| limit| bound)|"
    r"ul|confidence interval upper bound)|"
    r"(?P<other>cv|coefficient of variation|standard error|se))\s*(?P<unit>\(%\))?$",
    re.IGNORECASE,
)


def _bound_columns(
    grid: Grid, parsed: Parsed, header_row: int, columns: list[int]
) -> tuple[list[int], dict[tuple[int, str], int]]:
    """The columns that hold measures, and {(measure column, 'lower' or 'upper'): column} for the confidence limits
    beside them. Limits of no measure in the table, and coefficients of variation or standard errors, are listed
    as not imported."""
    measures = {column_name(grid.text(header_row, c)): c for c in columns}
    kept: list[int] = []
    bounds: dict[tuple[int, str], int] = {}
    unused = []
    for column in columns:
        name, period = column_name(grid.text(header_row, column))
        m = _BOUND.match(name)
        if m is None:
            kept.append(column)
            continue
        base = " ".join(filter(None, (m.group("base").rstrip(" :"), m.group("unit"))))
        side = "lower" if m.group("lower") else "upper" if m.group("upper") else None
        of = measures.get((base, period))
        if of is None and side is not None and kept and (kept[-1], side) not in bounds:
            of = kept[-1]  # a limit whose heading misspells its measure's: the measure just before it
        if side is None or of is None:
            unused.append(grid.text(header_row, column))
        else:
            bounds[(of, side)] = column
    if unused:
        parsed.problems.append(not_imported(unused, **grid.where(header_row)))
    return kept, bounds


def _shared_period(grid: Grid, header_row: int, columns: list[int]) -> dict[int, str]:
    """{column: period} for the columns that name no period in a table whose dated measure columns all name one
    ('Electors 1 December 2021 | EU electors 1 December 2021 | EU electors %'): only where the undated columns are
    fewer than the dated ones and each shares a word with one of them (a figure derived from them, not another
    measure of an unknown period)."""
    named = {c: column_name(grid.text(header_row, c)) for c in columns}
    dated = {c: name for c, (name, period) in named.items() if period is not None}
    periods = {named[c][1] for c in dated}
    undated = [c for c in columns if c not in dated]
    if len(periods) != 1 or not undated or len(undated) >= len(dated):
        return {}
    words = {w.lower() for name in dated.values() for w in WORD.findall(name)}
    shared = periods.pop()
    return {c: shared for c in undated if words & {w.lower() for w in WORD.findall(named[c][0])}}


def column_name(header: str) -> tuple[str, str | None]:
    """A measure column's name and period (`split_measure_header`), its lines joined and without the word
    'Estimate' that heads a value beside its confidence limits ('Percentage who agree\nEstimate')."""
    name, period = split_measure_header(" ".join(header.split()))
    return re.sub(r"[\s:]+(?:survey\s+)?estimate$", "", name, flags=re.IGNORECASE) or name, period


def _bound(grid: Grid, row: int, column: int | None) -> float | None:
    if column is None:
        return None
    percent, decimals = grid.fmt(row, column)
    try:
        return parse_value(grid.value(row, column), percent_format=percent, format_decimals=decimals).value
    except CellError:
        return None
