"""Survey tables as survey software exports them: one question to a sheet, its answers down, a column per group of
respondents ('Total', or a banner of groups), each answer's share of the column with its count under it.

    Filter: All respondents
    Q:Q013. To what extent would you say you are, or would be, safe from crime when walking in your local area...?
    Cell content: Column% / Population
                      | Total
    No. of cases      | 1606      (the bases: not imported, said)
    Q013.A.1. During the day -    (a part of the question: begins with its code)
    [4] Very safe     | 0.557
                      | 894       (the answer's count)
    NET: Safe         | 0.972
    Average           | 3.5       (the mean of the answers' codes)

The 'Cell content' line is what says the figures are shares of each column: without it the table is not read as one.
Each answer is a measure, named by the question (without its code, which a survey renumbers from year to year), its
part, and the answer without its code ('To what extent ... local area...? - During the day: Very safe'), in percent;
'Average' (or 'Mean') is a score. A filter other than all respondents names another population, so it is part of
the name. The tables name no period and no area: the officer gives the period on upload (or the table is refused
saying so), and the area is the one the file's name names, else the home area, said.
"""

from __future__ import annotations

import re

from thplan.breakdown import NONE, Breakdown, read_breakdown
from thplan.ingest.areacolumns import is_number
from thplan.ingest.grid import Grid
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error, info
from thplan.ingest.series import area_of_table
from thplan.value import CellError, parse_value

_TOP_ROWS = 12
_CONTENT = re.compile(r"^cell content\b.*\bcolumn\s*%", re.IGNORECASE | re.DOTALL)
_QUESTION = re.compile(r"^Q:\s*(?:([A-Za-z]*\d[\w.]*)\.\s+)?(.+)$", re.DOTALL)
_FILTER = re.compile(r"^filter:\s*(.+?)\s*(?:\n|share of total|$)", re.IGNORECASE | re.DOTALL)
_ALL = re.compile(r"^all respondents$", re.IGNORECASE)
_ANSWER_CODE = re.compile(r"^\[[^\]]*\]\s*")
_BASES = re.compile(r"^(?:no\.? of cases|(?:un)?weighted base|base\b.*|.*weight(?:ing|ed)?\w*)$", re.IGNORECASE)
_MEANS = {"average", "mean", "mean score"}


def read_survey_table(grid: Grid, parsed: Parsed, home_area: str) -> bool:
    found = _find(grid)
    if found is None:
        return False
    header_row, question, code = found
    groups = {c: grid.text(header_row, c) for c in grid.filled(header_row) if c > 0}
    kinds = _banner(grid, header_row, groups)
    rows = [r for r in range(header_row + 1, grid.height) if grid.filled(r)]
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(rows[-1] + 1 if rows else header_row + 1, grid.width)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "survey table", title=question, rows=len(rows)))
    parsed.rows += len(rows)
    period = parsed.period_for(grid.where(header_row))
    if period is None:
        parsed.problems.append(error(
            f"This is a survey's table (the question '{question}', its answers down, the shares of "
            f"{', '.join(repr(g) for g in groups.values())} across), but nothing says which period its figures are "
            "for. Give the period of the survey when you upload the file (--period on the command line).",
            **grid.where(header_row)))  # fmt: skip
        return True
    area = area_of_table(grid, parsed, header_row, home_area)
    part, bases = "", []
    for row in rows:
        label = grid.text(row, 0)
        numbers = [c for c in groups if grid.value(row, c) is not None]
        if not numbers:
            if code and label.startswith(code):  # a part of the question ('Q013.A.1. During the day -')
                part = re.sub(r"^[\w.]*\.\s+", "", label).strip(" -")
            continue
        if not label:
            continue  # an answer's count, read with it
        if _BASES.match(label):
            bases.append(label)
            continue
        _answer(grid, parsed, row, groups, kinds, " - ".join(p for p in (question, part) if p), label, area, period)
    if bases:
        parsed.problems.append(info(
            f"Not imported: the survey's bases ({', '.join(repr(b) for b in bases[:4])}): the numbers of "
            "respondents the shares are of.", code="not-imported", **grid.where(header_row)))  # fmt: skip
    return True


def _find(grid: Grid) -> tuple[int, str, str] | None:
    """The row heading the groups' columns, the question (with its filter if it is not all respondents) and the
    question's code; None for a sheet that is no survey table."""
    top = [(r, grid.text(r, 0)) for r in range(min(grid.height, _TOP_ROWS))]
    content = next((r for r, text in top if _CONTENT.match(text)), None)
    if content is None:
        return None
    asked = next((m for _, text in top if (m := _QUESTION.match(text))), None)
    question = " ".join((asked.group(2) if asked else grid.sheet).split()).strip(" -")
    code = (asked.group(1) or "") if asked else ""
    said = next((m.group(1) for _, text in top if (m := _FILTER.match(text))), "")
    if said and not _ALL.match(said):
        question = f"{question} ({' '.join(said.split())})"
    for row in range(content, min(grid.height, content + _TOP_ROWS)):
        if _headings(grid, content, row):
            while row + 1 < grid.height and _headings(grid, content, row + 1):
                row += 1  # a banner of groups over their columns ('Gender' over 'Male | Female'): the lowest row
            return row, question, code
    return None


def _headings(grid: Grid, content: int, row: int) -> bool:
    """Whether a row heads the groups' columns: texts right of a blank first cell (or the 'Cell content' cell,
    often merged down beside them)."""
    groups = [c for c in grid.filled(row) if c > 0]
    first = grid.text(row, 0)
    return (
        bool(groups) and first in ("", grid.text(content, 0)) and not any(is_number(grid.text(row, c)) for c in groups)
    )


def _banner(grid: Grid, header_row: int, groups: dict[int, str]) -> dict[int, str]:
    """Each group's heading in the banner above, written once over its columns ('Gender' over 'Male | Female');
    'Respondents' where there is none."""
    above = header_row - 1
    kinds, current = {}, ""
    for column in sorted(groups):
        if above >= 0 and grid.text(above, column) and not grid.text(header_row - 1, 0):
            current = grid.text(above, column)
        kinds[column] = current or "Respondents"
    return kinds


def _answer(grid: Grid, parsed: Parsed, row: int, groups: dict[int, str], kinds: dict[int, str], question: str,
            label: str, area: str, period: str) -> None:  # fmt: skip
    mean = label.lower() in _MEANS
    name = f"{question}: {_ANSWER_CODE.sub('', label)}"
    parsed.add_measure(MeasureRef(name, Location(grid.sheet, row, 0, label), unit="score" if mean else "%"))
    counted = row + 1 < grid.height and not grid.text(row + 1, 0)
    for column, group in groups.items():
        _percent, decimals = grid.fmt(row, column)
        try:
            value = parse_value(grid.value(row, column), percent_format=not mean, format_decimals=decimals)
            count = parse_value(grid.value(row + 1, column)).value if counted and not mean else None
        except CellError as exc:
            parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **grid.where(row, column, group)))
            continue
        if value.blank:
            continue
        breakdown = NONE if group.lower() == "total" else read_breakdown(group) or Breakdown(
            category_type=kinds[column], category=group)  # fmt: skip
        parsed.observations.append(RawObservation(name, area, period, value, Location(grid.sheet, row, column, group),
                                                  count=count, breakdown=breakdown))  # fmt: skip
