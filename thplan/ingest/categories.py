"""Tables of one place's figures by category, as ONS's survey releases lay them out: the place named in the title
('... BY AGE GROUP (YEARS) AND SEX, UK, 2013 TO 2020'), a row per category down (an age group, a sex, an ethnic
group: breakdowns of the measure), headed in sections ('Age group (years)', 'Sex') or in two columns ('16-24' beside
'Men'), and across either blocks of periods under each measure's name, or a measure's estimate between its 95%
limits for the title's period:

    TABLE 1A: RECENT AND LAPSED INTERNET USERS AND INTERNET NON-USERS, UK, 2013 TO 2020
    Persons aged 16 years and over                                    Thousands
                  | Used in the last 3 months |   | Never used |
                  | 2013 | 2014 | ...         |   | 2013 | ... |
    All adults    | 42243 | ...                   (the headline: no breakdown)
    Age group (years)                             (a section: what the rows under it are)
    16-24         | 7075 | ...

A table whose title names no place is not read here: its figures would be placed nowhere, or guessed to be the home
area's (a national table read as the borough's is the worst misreading there is).
"""

from __future__ import annotations

import re

from thplan.area import clean_name, is_known_area, place_named
from thplan.breakdown import NONE, Breakdown, read_breakdown
from thplan.ingest.areacolumns import find_area_column, is_number
from thplan.ingest.grid import Grid
from thplan.ingest.headers import header_period, title_period
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error, info, warning
from thplan.ingest.wide import FOOTNOTE_MARK, blocks_of, sheet_title, sheet_unit, title_measure
from thplan.value import CellError, parse_value

#: The rows of a table's whole population ('All adults', 'All residents', 'Total'): its headline, no breakdown;
#: not 'All other White', a category.
_ALL = re.compile(r"^(?:all(?! other\b)(?:\s.+)?|total|overall|persons|everyone)$", re.IGNORECASE)
_ESTIMATE = re.compile(r"^(?:survey )?estimate$|^value$", re.IGNORECASE)
#: A heading of an estimate's 95% limit: 'Lower limit', 'Upper 95% CI'.
_LIMIT = re.compile(r"^(lower|upper)(?: 95%)?(?: limit| ci| bound)?$", re.IGNORECASE)


def place_in_title(title: str) -> str | None:
    """The place a table's title names in a clause of its own ('..., UK, 2013 TO 2020': UK; '..., London, 2021':
    London); None where no clause is a place."""
    return next((p for c in reversed(title.split(",")) if (p := place_named(FOOTNOTE_MARK.sub("", c.strip())))), None)


def read_category_table(grid: Grid, parsed: Parsed) -> bool:
    found = _find(grid)
    if found is None:
        return False
    header_row, first = found
    title = sheet_title(grid)
    place = place_in_title(title)
    if place is None:
        rows = [grid.text(r, 0) for r in range(header_row + 1, min(grid.height, header_row + 12)) if grid.text(r, 0)]
        said = f" ({title!r})" if title else ""
        parsed.problems.append(warning(
            f"This table gives figures by category ({', '.join(rows[:3])}, ...) under period headings, but names "
            f"no place they are for: its title{said} names none, so it is not read. To import it, add the place to "
            "the title (as ONS writes it: '..., UK, 2013 TO 2020'), or add an Area column.", code="not-read",
            **grid.where(header_row)))  # fmt: skip
        return True
    columns = {c: label for c in grid.filled(header_row) if c >= first and (label := header_period(grid.value(
        header_row, c))) is not None}  # fmt: skip
    period = title_period(title)[1]
    if not columns:  # an estimate between its limits, for the title's period
        return _read_estimates(grid, parsed, header_row, first, place, period, title)
    blocks = blocks_of(grid, header_row, list(columns)) or {_name_above(grid, header_row, list(columns), title): list(
        columns)}  # fmt: skip
    cells, rows = _read_rows(grid, parsed, header_row, first, place, title, {
        name: [(c, columns[c], None, None) for c in block] for name, block in blocks.items()})  # fmt: skip
    parsed.problems.append(info(
        f"The table's figures are read as figures for {place}, the place its title names ('{title}'); its rows "
        "are breakdowns of each measure.", **grid.where(header_row)))  # fmt: skip
    parsed.tables.append(TableInfo(grid.sheet, cells, "categories by period", title=title, rows=rows))
    return True


def _find(grid: Grid) -> tuple[int, int] | None:
    """The header row and its first column of figures: a row of period headings (or of an estimate's and its
    limits'), with texts left of them in the rows below that are no areas."""
    for row in range(min(grid.height, 30)):
        filled = grid.filled(row)
        periods = [c for c in filled if header_period(grid.value(row, c)) is not None]
        estimates = [c for c in filled if _ESTIMATE.match(grid.text(row, c))]
        if len(periods) < 2 and not estimates:
            continue
        limits = [c for c in filled if _LIMIT.match(grid.text(row, c))]
        first = min(periods + estimates + limits)
        if first == 0 or find_area_column(grid, row) is not None:
            return None
        below = [r for r in range(row + 1, min(grid.height, row + 40)) if grid.text(r, 0)]
        labels = [grid.text(r, 0) for r in below]
        if len(labels) < 2 or any(map(is_known_area, labels)):
            return None  # rows of areas ('England', 'North East'), however headed, are no categories
        return row, first
    return None


def _name_above(grid: Grid, header_row: int, columns: list[int], title: str) -> str:
    """The name written once over all the columns of figures ('Never used the internet'), else the title's."""
    above = grid.text(header_row - 1, columns[0]) if header_row else ""
    if above and not any(grid.text(header_row - 1, c) for c in columns[1:]):
        return above
    return title_measure(title_period(title)[0])


def _read_estimates(
    grid: Grid, parsed: Parsed, header_row: int, first: int, place: str, period: str | None, title: str
) -> bool:
    """Blocks of 'Lower limit | Survey estimate | Upper limit', each under its measure's name, for one period (the
    title's, else the one the officer gives)."""
    period = period or parsed.period_for(grid.where(header_row))
    if period is None:
        parsed.problems.append(error(
            f"This table gives {place}'s estimates by category but nothing says which period they are for: add "
            "the period to the title, or give it when you upload the file (--period on the command line).",
            **grid.where(header_row)))  # fmt: skip
        return True
    heads = [c for c in grid.filled(header_row) if c >= first]
    names = blocks_of(grid, header_row, heads) or {_name_above(grid, header_row, heads, title): heads}
    measures: dict[str, list[tuple[int, str, int | None, int | None]]] = {}
    for name, block in names.items():
        estimate = next((c for c in block if _ESTIMATE.match(grid.text(header_row, c))), None)
        if estimate is None:
            continue
        lower, upper = (next((c for c in block if _side(grid.text(header_row, c)) == side), None)
                        for side in ("lower", "upper"))  # fmt: skip
        measures[name] = [(estimate, period, lower, upper)]
    cells, rows = _read_rows(grid, parsed, header_row, first, place, title, measures)
    parsed.problems.append(info(
        f"The table's estimates are read as {place}'s for {period}, with their 95% limits (the place its title "
        f"names: '{title}'); its rows are breakdowns of each measure.", **grid.where(header_row)))  # fmt: skip
    parsed.tables.append(TableInfo(grid.sheet, cells, "categories with limits", title=title, rows=rows))
    return True


def _side(heading: str) -> str:
    """'lower' or 'upper' for a heading of an estimate's limit, '' for any other."""
    m = _LIMIT.match(heading)
    return m.group(1).lower() if m else ""


def _read_rows(
    grid: Grid, parsed: Parsed, header_row: int, first: int, place: str, title: str,
    measures: dict[str, list[tuple[int, str, int | None, int | None]]],
) -> tuple[str, int]:  # fmt: skip
    """Each category's figures: {measure: [(column, period, lower limit's column, upper limit's column)]}; the
    cells read and the number of rows."""
    unit = sheet_unit(grid)
    for name in measures:
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, header_row, measures[name][0][0]), unit=unit))
    read = sorted({c for columns in measures.values() for column in columns for c in column if isinstance(c, int)})
    section, carried, last, blank, count = "", [""] * first, header_row, 0, 0
    for row in range(header_row + 1, grid.height):
        labels = [FOOTNOTE_MARK.sub("", grid.text(row, c)).strip() for c in range(first)]
        values = [c for c in read if grid.text(row, c)]
        if not any(labels) and not values:
            blank += 1
            if blank == 2 and last > header_row:
                break  # two blank rows: the notes under the table follow
            continue
        blank = 0
        if len(labels[0]) > 60:
            break  # a note under the table ('Discrepancies may occur between totals ...')
        if not values:
            if len([t for t in labels if t]) == 1 and labels[0] and len(labels[0]) <= 60:
                section = labels[0]  # 'Age group (years)': what the rows under it are
                continue
            break  # the notes under the table
        carried = [label or (carried[i] if i < first - 1 and not any(labels[:i]) else "")
                   for i, label in enumerate(labels)]  # fmt: skip
        breakdown = _breakdown(section, [t for t in carried if t], title)
        last, count = row, count + 1
        for name, columns in measures.items():
            for column, period, lower, upper in columns:
                _observe(grid, parsed, row, column, name, place, period, breakdown, lower, upper)
    parsed.rows += count
    return f"{cell_ref(header_row + 1, 1)}:{cell_ref(last + 1, max(read) + 1)}", count


def _breakdown(section: str, labels: list[str], title: str) -> Breakdown:
    """A row's breakdown from its labels: a sex and an age band where they are ('16-24', 'Men'), the rest a
    category of the section's kind ('Disability: DDA disabled'), or of the kinds the title names ('by ethnic
    group')."""
    sex = age = ""
    categories = []
    for label in labels:
        if _ALL.match(label):
            continue
        found = read_breakdown(label)
        if found is not None and not found.category:
            sex, age = sex or found.sex, age or found.age
        else:
            categories.append(clean_name(label))
    if not categories:
        return Breakdown(sex, age) if sex or age else NONE
    kind = section or _by(title) or "Category"
    return Breakdown(sex, age, kind, ", ".join(categories))


def _by(title: str) -> str:
    """What a title says its rows are ('..., BY ETHNIC GROUP, UK, 2013 TO 2020': Ethnic group)."""
    m = re.search(r"\bby\s+([^,]+)", title, re.IGNORECASE)
    if m is None:
        return ""
    kind = FOOTNOTE_MARK.sub("", m.group(1).strip())
    return kind[:1].upper() + kind[1:].lower() if kind.isupper() else kind[:1].upper() + kind[1:]


def _observe(grid: Grid, parsed: Parsed, row: int, column: int, name: str, place: str, period: str,
             breakdown: Breakdown, lower: int | None, upper: int | None) -> None:  # fmt: skip
    raw = grid.value(row, column)
    if raw is None:
        return
    percent, decimals = grid.fmt(row, column)
    try:
        value = parse_value(raw, percent_format=percent, format_decimals=decimals)
    except CellError as exc:
        parsed.problems.append(error(f"{exc}", **grid.where(row, column, grid.text(row, column))))
        return
    bounds = [_limit(grid, row, c) for c in (lower, upper)]
    parsed.observations.append(RawObservation(
        name, place, period, value, Location(grid.sheet, row, column), breakdown=breakdown, lower_ci=bounds[0],
        upper_ci=bounds[1]))  # fmt: skip


def _limit(grid: Grid, row: int, column: int | None) -> float | None:
    if column is None or not is_number(text := grid.text(row, column)):
        return None
    return float(text)
