"""Tables with areas across: a column per area (`Indicator | Year | Tower Hamlets | Hackney | London | England`),
as NOMIS downloads, MOPAC's survey extracts and many council tables lay them out.

* The header row names two or more areas (by name, code or NOMIS's 'ladu2021:Lambeth'); the columns before the
  first area label each row: a period column, a measure column, or categories ('Christian', 'Aged 16 to 24').
* A row of units under the areas (NOMIS: 'number | %', 'numerator | denominator | percent | conf') says what each
  column holds: a percentage is the value and the number beside it its count; a '+/-' confidence column gives its
  95% interval; other columns are listed as not imported.
* Rows of two cells above the table (NOMIS: 'date | 2021', 'measure | Claimant count') give the period where no
  column does, and the measure's name with the title; a table that gives no period anywhere is refused.
* Rows of categories are measures of their own, named with the table's measure or title ('TS031 - Religion
  (detailed): Christian'); a table whose rows are periods is one measure, named after its file where nothing else
  names it (said, as for a single series).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from thplan.area import canonical_area, in_nomis_geography, is_known_area
from thplan.breakdown import NONE, Breakdown, sex_alone
from thplan.ingest.grid import Grid
from thplan.ingest.headers import cell_period, column_periods, header_period, norm, role_of, title_period
from thplan.ingest.keylines import key_lines, qualifier
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import areas_read_as, cell_ref, error, info, not_imported, warning
from thplan.ingest.series import file_title
from thplan.ingest.wide import figures_after, say_editions, split_measure_header
from thplan.measure import unit_implied_by
from thplan.value import CellError, CellValue, parse_value

FIRST_HEADER_ROWS = 40  # where the first table's header may be
#: What a row of units under the areas says each column holds.
KINDS = {"": "number", "number": "number", "numbers": "number", "count": "number", "value": "number",
         "%": "percent", "percent": "percent", "percentage": "percent", "proportion": "percent",
         "numerator": "count", "denominator": "denominator", "conf": "conf"}  # fmt: skip
#: Keys of the rows above a NOMIS table that name its measure ('pay | Weekly pay - gross', 'item name | Median').
_MEASURE_KEYS = ("measure", "pay", "item name", "variable")


@dataclass
class _Block:
    header_row: int
    labels: list[int]  # the columns before the first area
    areas: dict[int, str]  # column -> area as written
    kinds: dict[int, str] = field(default_factory=dict)  # column -> KINDS value, or the unit as written
    first_row: int = 0  # the first row of data
    #: Areas down: `labels` is the area column and `areas` holds each column's heading (a category) instead.
    down: bool = False
    #: One area, named in an 'area name' row above; `areas` holds each column's sex ('All persons | Female | Male').
    by_sex: bool = False
    #: Column -> period, where a row of periods under the areas gives each column's ('Central' over 'LAEI 2016 |
    #: LAEI 2019 | Change').
    periods: dict[int, str] = field(default_factory=dict)
    #: A marker written in a confidence column -> what the footnote under the table says it means ('*': 'Estimate
    #: and confidence interval unreliable since the group sample size is small (3-9).').
    marks: dict[str, str] = field(default_factory=dict)


def read_areas_across(grid: Grid, parsed: Parsed) -> bool:
    return _read_blocks(grid, parsed, _find)


def read_areas_down(grid: Grid, parsed: Parsed) -> bool:
    """NOMIS's other layout: an area in each row ('ward2022:E05014095 : Brixton Acre Lane'), a category in each
    column with a row of units under it ('number | %'), the period in a 'date' row above."""
    return _read_blocks(grid, parsed, _find_down)


def _read_blocks(grid: Grid, parsed: Parsed, find: Callable[[Grid, int, int], _Block | None]) -> bool:
    start, limit, found = 0, FIRST_HEADER_ROWS, False
    above: dict[str, tuple[str, int]] = {}  # the rows of two cells above a table: key -> (value, row)
    title = ""
    while (block := find(grid, start, min(grid.height, start + limit))) is not None:
        for row in range(start, block.header_row):
            filled = grid.filled(row)
            if len(filled) == 1 and not title:
                title = grid.text(row, filled[0])
        above.update(key_lines(grid, start, block.header_row, block.labels[0]))
        start = (_read_down if block.down else _read)(grid, parsed, block, above, title)
        found, limit = True, 60  # a later table (NOMIS repeats one per date) begins soon after
    if found and (left := figures_after(grid, start)) is not None:
        parsed.problems.append(warning(
            f"The rows from {left + 1} on hold figures in no table this program reads (no row of areas heads "
            "them): not read. Put them in a table of their own, with the areas as its headings, to import them.",
            code="not-read", **grid.where(left)))  # fmt: skip
    return found


def _area_header(text: str) -> bool:
    return bool(text) and (in_nomis_geography(text) or is_known_area(text))


def _find(grid: Grid, start: int, stop: int) -> _Block | None:
    for row in range(start, stop):
        filled = grid.filled(row)
        if len(filled) < 2:
            continue
        texts = {c: grid.text(row, c) for c in filled}
        if (block := _find_sexes(grid, start, row, texts)) is not None:
            return block
        known = [c for c in filled if _area_header(texts[c])]
        one = len(known) == 1 and in_nomis_geography(texts[known[0]])  # a NOMIS download for one area
        if not (len(known) >= 2 or one) or 2 * len(known) <= len(filled) - filled.index(known[0]):
            continue  # most of the headings from the first area on must be areas
        if row and len(grid.filled(row - 1)) > 2 and all(isinstance(grid.value(row - 1, c), str) for c in filled):
            continue  # a row under a row of headings is a row of data (an area's code and name, its parent's)
        below = range(row + 1, min(grid.height, row + 4))
        # the columns before the first area that label the rows below (their heading may be blank)
        labels = [c for c in range(known[0]) if c in texts or any(grid.value(r, c) is not None for r in below)]
        if not labels or any(not isinstance(grid.value(row, c), str) for c in filled if c >= known[0]):
            continue  # a header row names its areas (a row of figures that mentions England is not one)
        areas = {c: texts[c] for c in filled if c >= known[0]}
        block = _Block(row, labels, areas, first_row=row + 1)
        _units(grid, block)
        return block
    return None


def _find_sexes(grid: Grid, start: int, row: int, texts: dict[int, str]) -> _Block | None:
    """NOMIS's table for one area: its name in an 'area name' row above, a column per sex ('All persons | Female |
    Male') and a category in each row."""
    first, *rest = sorted(texts)
    if len(rest) < 2 or not all(sex_alone(texts[c]) is not None for c in rest):
        return None
    named = [r for r in range(start, row) if len(grid.filled(r)) == 2]
    if not any(norm(grid.value(r, grid.filled(r)[0])) == "area name" for r in named):
        return None
    block = _Block(row, [first], {c: texts[c] for c in rest}, first_row=row + 1, by_sex=True)
    _units(grid, block)
    return block


#: A row of the areas' ranks by the values of another (MOPAC's 'Rank' under 'Proportion').
_RANK = re.compile(r"^(?:rank|ranking|rank order|position)$", re.IGNORECASE)
_AREA_HEADING = re.compile(r"^(?:\d{4} )?(?:area|areas|ward|wards|lsoa|msoa|local authority|geography|output area|"
                           r"super output area (?:lower|middle) layer)(?: name)?$")  # fmt: skip
#: NOMIS's column of the areas' codes beside their names ('2022 ward | mnemonic'): the areas' codes, not figures.
_CODES_HEADING = re.compile(r"^(?:mnemonic|code|codes|gss code|area code|ons code)$")


def _find_down(grid: Grid, start: int, stop: int) -> _Block | None:
    """A header row whose first heading names the rows' areas ('Area', '2022 ward') with a row of units under the
    headings of the columns (without one, the layouts of `wide` read areas down)."""
    for row in range(start, stop):
        filled = grid.filled(row)
        if len(filled) < 2 or not _AREA_HEADING.match(norm(grid.value(row, filled[0]))):
            continue
        codes = [c for c in filled[1:2] if _CODES_HEADING.match(norm(grid.value(row, c)))]
        categories = {c: grid.text(row, c) for c in filled[1:] if c not in codes}
        block = _Block(row, [filled[0], *codes], categories, first_row=row + 1, down=True)
        _units(grid, block)
        return block if block.kinds else None
    return None


def _read_down(grid: Grid, parsed: Parsed, block: _Block, above: dict[str, tuple[str, int]], title: str) -> int:
    rows = _rows(grid, block)
    end = (rows[-1] + 1) if rows else block.first_row
    block.marks = _footnotes(grid, end)
    dated = above.get("date") or above.get("period")
    label = cell_period(dated[0]) if dated else None
    if label is None:
        parsed.problems.append(error(
            "This table has an area in each row and a row of units under its headings, as NOMIS downloads do, but "
            + (f"its 'date' row ('{dated[0]}') is not a period we can read." if dated else
               "no 'date' row above it says which period its values are for. Add one (date | 2021).")
            , **grid.where(dated[1] if dated else block.header_row)))  # fmt: skip
        _table(grid, parsed, block, end)
        return end
    base = ", ".join(above[k][0] for k in _MEASURE_KEYS if k in above) or title or file_title(grid)
    _not_imported(grid, parsed, block)
    ci = "+/-" in above.get("confidence", ("", 0))[0]
    narrowed = qualifier(grid, above, parsed)
    groups = _groups(block)
    for row in rows:
        area = grid.text(row, block.labels[0])
        if not area or not _has_values(grid, block, row):
            continue
        for heading, columns in groups.items():
            name = f"{base}: {heading}"
            unit = "%" if _percent(grid, block, row, columns) else unit_implied_by(name)
            parsed.add_measure(MeasureRef(name, Location(grid.sheet, block.header_row, columns[0], heading), unit=unit))
            _observe(grid, parsed, row, area, columns, block, name, label, ci, narrowed)
    _table(grid, parsed, block, end)
    return end


def _not_imported(grid: Grid, parsed: Parsed, block: _Block) -> None:
    skipped = sorted({block.kinds[c] for c in block.kinds if _role(block, c) is None})
    if block.down:  # the areas' codes beside their names
        skipped += [grid.text(block.header_row, c) for c in block.labels[1:]]
    if skipped:
        parsed.problems.append(not_imported(skipped, **grid.where(block.header_row)))


def _units(grid: Grid, block: _Block) -> None:
    """A row of units under the areas: each area spans the columns up to the next (merged cells)."""
    row = block.header_row + 1
    # a header cell merged down over the units' row is read in both: it is no unit
    under = {c: grid.text(row, c) for c in grid.filled(row) if grid.text(row, c) != grid.text(block.header_row, c)}
    if not under or any(c in under for c in block.labels):
        return
    periods = {} if block.down else {c: label for c in under if (label := header_period(grid.value(row, c)))}
    if len(periods) < 2 and not all(_unit_word(t) for t in under.values()):
        return
    first, last = min(block.areas), max(max(under), max(block.areas))
    current = ""
    for column in range(first, last + 1):
        current = block.areas.get(column, current)
        if column in under or column in block.areas:
            block.areas[column] = current
            # beside periods, a column of another heading ('Change') is worked out from them: not imported
            said = under.get(column, "")
            block.kinds[column] = "number" if column in periods else said if len(periods) >= 2 else _kind(said)
    block.periods = periods if len(periods) >= 2 else {}
    block.first_row = row + 1


def _unit_word(text: str) -> bool:
    plain = text.strip("() ").lower()
    return plain in KINDS or plain.startswith("conf") or plain in ("rate", "rates", "ratio", "index", "score")


def _kind(text: str) -> str:
    plain = text.strip("() ").lower()
    return KINDS.get(plain, text)


def _rows(grid: Grid, block: _Block) -> list[int]:
    """The table's rows: to the first blank row, a row of one long text (a footnote) or the next table's title."""
    rows = []
    for row in range(block.first_row, grid.height):
        filled = grid.filled(row)
        if not filled or (len(filled) == 1 and len(grid.text(row, filled[0])) > 60 and filled[0] in block.labels):
            break
        if filled[0] in block.labels and len(filled) == 1 and rows:
            break  # a title of the next table
        rows.append(row)
    return rows


def _read(grid: Grid, parsed: Parsed, block: _Block, above: dict[str, tuple[str, int]], title: str) -> int:
    rows = _rows(grid, block)
    end = (rows[-1] + 1) if rows else block.first_row
    block.marks = _footnotes(grid, end)
    header = grid.text(block.header_row, block.labels[0])
    roles = {c: role_of(grid.value(block.header_row, c)) for c in block.labels}
    read = {c: column_periods({r: grid.value(r, c) for r in rows if grid.value(r, c) is not None})
            for c in block.labels}  # fmt: skip
    period_columns = [c for c in block.labels if roles[c] == "period" or (
        rows and len(read[c][0]) == sum(grid.value(r, c) is not None for r in rows))]  # fmt: skip
    measure_columns = [c for c in block.labels if roles[c] == "measure" and c not in period_columns]
    categories = [c for c in block.labels if c not in period_columns and c not in measure_columns]
    # a Theme (Source, Notes) column beside the measures says where or whence they are, not which measure
    describing = [c for c in categories if roles[c] in _DESCRIBING]
    if describing:
        parsed.problems.append(not_imported([grid.text(block.header_row, c) for c in describing],
                                            **grid.where(block.header_row, describing[0])))  # fmt: skip
        categories = [c for c in categories if c not in describing]
    # each measure's own period in its name ('Average Age, 2023', 'Male life expectancy, (2018-20)'), as a GLA
    # profile writes them: its own, before a title's
    own = {r: found for r in rows if measure_columns and not period_columns
           and (found := split_measure_header(grid.text(r, measure_columns[0])))[1] is not None}  # fmt: skip
    ranks = [r for r in rows if any(_RANK.match(grid.text(r, c)) for c in categories)]
    if ranks:  # the areas' order by the values beside: worked out from them, as a 'Change' column is
        parsed.problems.append(
            info(
                f"Not imported: the rows of ranks ({len(ranks)}, from row {ranks[0] + 1}): each area's place in the "
                "order of the values of the row above, not a measure.",
                code="not-imported",
                **grid.where(ranks[0]),
            )
        )
        rows = [r for r in rows if r not in ranks]
    period_above = above.get("date") or above.get("period") or above.get("time")
    own_all = bool(own) and all(r in own for r in rows if _has_values(grid, block, r))
    if not period_columns and period_above is None and title and not own_all:
        named, in_title = title_period(title)
        if in_title is not None:
            parsed.problems.append(info(f"The period is read from the table's title ('{title}'): {in_title}.",
                                        **grid.where(block.header_row)))  # fmt: skip
            period_above, title = (in_title, block.header_row), named
    if block.periods:
        period_columns, period_above = [], None
    elif not period_columns and period_above is None and (given := parsed.period_for(grid.where(block.header_row))):
        period_above = (given, block.header_row)
    if not period_columns and period_above is None and not block.periods and not own:
        parsed.problems.append(error(
            f"This table has an area in each column ({_areas_said(block)}) but does not say which period its values "
            "are for: no column of periods, and no 'date' row above it (as NOMIS downloads have). Add a Year column "
            "or a 'date' row above the table, or give the period of the figures when you upload the file "
            "(--period on the command line).",
            **grid.where(block.header_row)))  # fmt: skip
        _table(grid, parsed, block, end)
        return end
    periods, how = read[period_columns[0]] if period_columns else ({}, "")
    unread = [r for r in rows if period_columns and _has_values(grid, block, r) and r not in periods]
    if unread:
        column, rows_said = period_columns[0], f"{len(unread)} row{'s' if len(unread) > 1 else ''} of the table"
        if grid.value(unread[0], column) is None:
            said = (
                f"{rows_said} hold values but no period, from row {unread[0] + 1}: its columns are not the "
                "same length, so which period those values are for cannot be known (nor that the other values "
                "line up with their periods). Check the columns line up, and give every row its period."
            )
        else:
            said = (
                f"This table has a period in each row, but '{grid.text(unread[0], column)}' is not a period "
                "this program reads (years, quarters, months or days, such as 2021/22, 2022 Q1, Mar 2022 or "
                f"21 May 2022). Write the periods as such. {rows_said} say so."
            )
        parsed.problems.append(error(said, **grid.where(unread[0], column, grid.text(block.header_row, column))))
        _table(grid, parsed, block, end)
        return end
    if how:
        first = min(periods)
        parsed.problems.append(info(
            f"The dates of column '{grid.text(block.header_row, period_columns[0])}' are read as {how} "
            f"({grid.text(first, period_columns[0])}: {periods[first]}).",
            **grid.where(first, period_columns[0])))  # fmt: skip
    base = ", ".join(above[k][0] for k in _MEASURE_KEYS if k in above) or title
    by_title = not measure_columns and not base and not (categories and header)
    if by_title:
        base = file_title(grid)
        parsed.problems.append(info(
            f"The table names no measure: its values are imported as '{base}', after the file's name. Rename it "
            "before publishing if that is not its name.", **grid.where(block.header_row)))  # fmt: skip
    varying = [c for c in categories if len({grid.text(r, c) for r in rows if _has_values(grid, block, r)}) > 1]
    groups = _groups(block)
    _not_imported(grid, parsed, block)
    say_editions(grid, parsed, block.header_row + 1, sorted(block.periods))
    if not block.by_sex and (renamed := areas_read_as(groups, **grid.where(block.header_row))):
        parsed.problems.append(renamed)
    ci = "+/-" in above.get("confidence", ("", 0))[0]
    place = above.get("area name", ("", 0))[0] if block.by_sex else ""
    narrowed = qualifier(grid, above, parsed)
    for row in rows:
        if not _has_values(grid, block, row):
            continue
        name = _name(grid, row, measure_columns, varying if measure_columns else categories, base, header)
        if period_columns:
            label = periods[row]
        elif block.periods:
            label = ""  # each column's, below
        elif row in own:
            written, label = own[row]
            name = _name_without(name, grid.text(row, measure_columns[0]), written)
        elif period_above is None:
            parsed.problems.append(error(
                f"'{grid.text(row, measure_columns[0])}' names no period, as the other measures of the table do, and "
                "nothing else says which period its values are for. Add its period to its name.",
                **grid.where(row, measure_columns[0])))  # fmt: skip
            continue
        else:
            label = cell_period(period_above[0])  # type: ignore[index]
            if label is None:
                parsed.problems.append(error(
                    f"'{period_above[0]}' is not a period we can read (the table's 'date' row).",  # type: ignore[index]
                    **grid.where(period_above[1])))  # type: ignore[index]  # fmt: skip
                break
        unit = "%" if _percent(grid, block, row, list(block.areas)) else unit_implied_by(name)
        ref = MeasureRef(name, Location(grid.sheet, row, block.labels[0], header), unit=unit,
                         by_title=by_title and not categories)  # fmt: skip
        parsed.add_measure(ref)
        for (area, column_period), columns in _period_groups(block).items() if block.periods else ():
            _observe(grid, parsed, row, area, columns, block, name, column_period, ci, narrowed)
        for area, columns in groups.items() if not block.periods else ():
            if block.by_sex:
                sex = sex_alone(area) or ""
                _observe(grid, parsed, row, place, columns, block, name, label or "", ci, replace(narrowed, sex=sex))
            else:
                _observe(grid, parsed, row, area, columns, block, name, label or "", ci, narrowed)
    _table(grid, parsed, block, end)
    return end


def _name_without(name: str, written: str, plain: str) -> str:
    """A measure's name with its own period taken out of the part its measure column wrote."""
    return plain + name[len(written) :] if name.startswith(written) else name


_DESCRIBING = ("theme", "outcome", "source", "note", "definition", "polarity", "unit")


def _percent(grid: Grid, block: _Block, row: int, columns: list[int]) -> bool:
    """The row's values are percentages: under a '%' heading, written '26%' or formatted as a percentage."""
    values = [c for c in columns if _role(block, c) == "value"]
    return any(block.kinds.get(c) == "percent" or grid.fmt(row, c)[0] or grid.text(row, c).endswith("%")
               for c in values)  # fmt: skip


def _areas_said(block: _Block) -> str:
    names = list(dict.fromkeys(block.areas.values()))
    return ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")


def _has_values(grid: Grid, block: _Block, row: int) -> bool:
    return any(grid.value(row, c) is not None for c in block.areas)


def _name(grid: Grid, row: int, measures: list[int], categories: list[int], base: str, header: str) -> str:
    parts = [grid.text(row, c) for c in categories if grid.text(row, c)]
    if measures:
        return ": ".join([grid.text(row, measures[0]), *parts]) if parts else grid.text(row, measures[0])
    if not parts:
        return base
    return f"{base or header}: {', '.join(parts)}"


def _groups(block: _Block) -> dict[str, list[int]]:
    groups: dict[str, list[int]] = {}
    for column, area in sorted(block.areas.items()):
        groups.setdefault(area, []).append(column)
    return groups


def _period_groups(block: _Block) -> dict[tuple[str, str], list[int]]:
    """The columns of each area's period, where a row of periods under the areas gives them."""
    return {(block.areas[c], label): [c] for c, label in sorted(block.periods.items())}


def _role(block: _Block, column: int) -> str | None:
    """What a column gives of its area's value: 'value', 'count', 'denominator' or 'conf'; None: not imported."""
    kind = block.kinds.get(column, "number")
    siblings = [c for c, a in block.areas.items() if a == block.areas[column]]
    percent = any(block.kinds.get(c) == "percent" for c in siblings)
    if kind == "percent":
        return "value"
    if kind == "number":
        return "count" if percent else "value"
    return kind if kind in ("count", "denominator", "conf") else None


def _observe(grid: Grid, parsed: Parsed, row: int, area: str, columns: list[int], block: _Block, name: str,
             label: str, ci: bool, breakdown: Breakdown = NONE) -> None:  # fmt: skip
    read: dict[str, tuple[int, CellValue]] = {}
    for column in columns:
        role = _role(block, column)
        if role is None or role in read:
            continue
        percent, decimals = grid.fmt(row, column)
        try:
            read[role] = (column, parse_value(grid.value(row, column), percent_format=percent,
                                              format_decimals=decimals))  # fmt: skip
        except CellError as exc:
            header = grid.text(block.header_row, column)
            parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **grid.where(row, column, header)))
            return
    if "value" not in read or read["value"][1].blank:
        return
    column, value = read["value"]
    if value.missing and (meaning := block.marks.get(grid.text(row, column))):
        value = replace(value, missing=f"{meaning} ({grid.text(row, column)})")  # the footnote says what it means
    if "conf" in read and (mark := grid.text(row, read["conf"][0])) and read["conf"][1].value is None:
        # a marker for the interval says how far the estimate can be trusted: kept with it ('*': unreliable)
        value = replace(value, flags=(*value.flags, block.marks.get(mark, f"No confidence interval ({mark})")))
    number = {k: v.value for k, (_, v) in read.items()}
    lower = upper = None
    if ci and value.value is not None and number.get("conf") is not None:
        lower, upper = value.value - number["conf"], value.value + number["conf"]  # type: ignore[operator]
    header = grid.text(block.header_row, column)
    parsed.observations.append(RawObservation(
        name, canonical_area(area), label, value, Location(grid.sheet, row, column, header), lower_ci=lower,
        upper_ci=upper, count=number.get("count"), denominator=number.get("denominator"),
        breakdown=breakdown))  # fmt: skip


def _footnotes(grid: Grid, end: int) -> dict[str, str]:
    """The footnotes under a table that say what a marker means ('* Estimate and confidence interval unreliable
    ...'), up to the next table: marker -> what it means."""
    found = {}
    for row in range(end, min(grid.height, end + 12)):
        filled = grid.filled(row)
        if len(filled) > 1:
            break
        if filled and (m := _FOOTNOTE.match(grid.text(row, filled[0]))):
            found.setdefault(m.group(1), m.group(2))
    return found


#: A footnote that says what a marker means: the marker, a space, its meaning.
_FOOTNOTE = re.compile(r"^([*!~#†‡]|-)\s+(\w.+)$", re.DOTALL)


def _table(grid: Grid, parsed: Parsed, block: _Block, end: int) -> None:
    width = max(block.areas) + 1
    cells = f"{cell_ref(block.header_row + 1, 1)}:{cell_ref(max(end, block.header_row + 1), width)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "areas across", rows=max(0, end - block.first_row)))
    parsed.rows += max(0, end - block.first_row)
