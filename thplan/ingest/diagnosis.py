"""What a sheet that no layout reads looks like: the row most like a table's header, what was understood of it and
what is missing, with the nearest layout the importer reads. The refusal of a file with no table says it."""

from __future__ import annotations

from thplan.area import is_known_area
from thplan.ingest.grid import Grid
from thplan.ingest.headers import is_header_cell_period, role_of
from thplan.ingest.problems import cell_ref
from thplan.value import CellError, parse_value

SEARCH_ROWS = 40


def _numbers_below(grid: Grid, row: int, column: int) -> int:
    count = 0
    for r in range(row + 1, min(grid.height, row + 8)):
        raw = grid.value(r, column)
        try:
            count += raw is not None and parse_value(raw).value is not None
        except CellError:
            continue
    return count


def _header_row(grid: Grid) -> int | None:
    """The row of two or more headings with the most columns of numbers under them."""
    best, best_score = None, 0
    for row in range(min(grid.height, SEARCH_ROWS)):
        texts = [c for c in grid.filled(row) if isinstance(grid.value(row, c), str)]
        if len(texts) < 2:
            continue
        score = sum(1 for c in grid.filled(row) if _numbers_below(grid, row, c))
        if score > best_score:
            best, best_score = row, score
    return best


def describe(grid: Grid) -> str:
    """One paragraph: where the likeliest table is, what it holds and lacks, and what would make it readable."""
    where = f"Sheet '{grid.sheet}'" if grid.sheet else "The file"
    row = _header_row(grid)
    if row is None:
        return f"{where} has no row of headings with numbers under them."
    filled = grid.filled(row)
    shown = ", ".join(f"{cell_ref(row + 1, c + 1)} '{grid.text(row, c)}'" for c in filled[:5])
    more = f" and {len(filled) - 5} more" if len(filled) > 5 else ""
    roles = {c: role_of(grid.value(row, c)) for c in filled}
    periods = [c for c in filled if is_header_cell_period(grid.value(row, c))]
    first = filled[0]
    labels = [grid.text(r, first) for r in range(row + 1, min(grid.height, row + 12)) if grid.text(r, first)]
    areas_down = "area" in roles.values() or sum(map(is_known_area, labels)) >= 2
    areas_across = sum(1 for c in filled if is_known_area(grid.text(row, c))) >= 2
    dated = [
        r
        for r in range(row)
        if len(grid.filled(r)) == 2 and grid.text(r, grid.filled(r)[0]).lower() in ("date", "period", "year")
    ]  # NOMIS: a period above
    found = []
    if dated:
        key, value = (grid.text(dated[-1], c) for c in grid.filled(dated[-1]))
        found.append(f"a '{key}' row above it ({value})")
    if "measure" in roles.values():
        found.append("a measure column")
    if periods or "period" in roles.values():
        found.append("periods" + (" as column headings" if periods else " in a column"))
    if areas_down or areas_across:
        found.append("an area in each " + ("row" if areas_down else "column"))
    lacks = []
    if not (periods or "period" in roles.values() or dated):
        lacks.append("nothing says which period its values are for (no Year or Period column, no periods such as "
                     "2021/22 as column headings, no 'date' row above it)")  # fmt: skip
    if "measure" not in roles.values() and not areas_down and not areas_across:
        lacks.append("nothing says which measure or area each row is")
    understood = f" It has {', '.join(found)}, but" if found else " In it"
    nearest = (
        " The nearest layout this program reads: an area in each row with the periods as column headings and the "
        "measure's name above them (as LG Inform exports it)." if areas_down else
        " The nearest layout this program reads: an area in each column with a Year column or a 'date' row above "
        "the table (as NOMIS downloads have)." if areas_across else
        " The nearest layout this program reads: columns Measure, Period (or Year) and Value, one row per value; or "
        "a Measure column with one column per period (2017/18, 2018/19, ...)."
    )  # fmt: skip
    missing = "; ".join(lacks) if lacks else "no layout this program reads fits it"
    return f"{where}, row {row + 1} looks like a table's headings ({shown}{more}).{understood} {missing}.{nearest}"
