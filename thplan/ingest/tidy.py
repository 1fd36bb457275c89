"""Tidy tables: one row per measure, period and area, with a value and optional details (polarity, theme,
outcome, unit, confidence limits, count, denominator, note)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from thplan.area import canonical_area
from thplan.framework import Framework
from thplan.ingest.grid import Grid
from thplan.ingest.headers import role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, TableInfo
from thplan.ingest.problems import cell_ref, error
from thplan.period import PeriodError, parse_period
from thplan.polarity import Polarity, PolarityError, parse_polarity
from thplan.value import CellError, CellValue, parse_value

HEADER_SEARCH_ROWS = 30
MEDIAN_AREA = "Median of local authorities"
#: A rank-order column (Oflog) says how authorities are ranked: descending means higher is better.
RANK_ORDER = {"desc": Polarity.HIGHER, "descending": Polarity.HIGHER, "asc": Polarity.LOWER,
              "ascending": Polarity.LOWER, "none": Polarity.NONE}  # fmt: skip


def find_tidy_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row of a tidy table and the column of each role, if the grid has one."""
    for row in range(min(grid.height, HEADER_SEARCH_ROWS)):
        roles: dict[str, int] = {}
        for column in grid.filled(row):
            role = role_of(grid.value(row, column))
            if role and role not in roles:
                roles[role] = column
        if ("measure" in roles or "measure_id" in roles) and "period" in roles and "value" in roles:
            return row, roles
    return None


def _number(grid: Grid, row: int, column: int | None, parsed: Parsed, header: str) -> float | None:
    if column is None:
        return None
    raw = grid.value(row, column)
    if raw is None:
        return None
    try:
        value = parse_value(raw)
    except CellError as exc:
        parsed.problems.append(error(f"{exc}", **grid.where(row, column, header)))
        return None
    return value.value


def read_tidy_table(grid: Grid, parsed: Parsed, framework: Framework, home_area: str) -> bool:
    found = find_tidy_header(grid)
    if found is None:
        return False
    header_row, roles = found
    headers = {role: grid.text(header_row, column) for role, column in roles.items()}
    rows = 0
    for row in range(header_row + 1, grid.height):
        if not grid.filled(row):
            continue
        rows += 1
        _read_row(grid, row, roles, headers, parsed, framework, home_area)
    width = max(roles.values()) + 1
    parsed.tables.append(
        TableInfo(grid.sheet, f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, width)}", "tidy",
                  rows=rows)
    )  # fmt: skip
    parsed.rows += rows
    return True


def _read_row(
    grid: Grid, row: int, roles: dict[str, int], headers: dict[str, str], parsed: Parsed, framework: Framework,
    home_area: str,
) -> None:  # fmt: skip
    def where(role: str) -> dict[str, object]:
        return grid.where(row, roles.get(role), headers.get(role, ""))

    def text(role: str) -> str:
        return grid.text(row, roles[role]) if role in roles else ""

    name = text("measure_id") or text("measure")
    if not name:
        parsed.problems.append(error("The measure is blank. Name the measure on every row.", **where("measure")))
        return
    period_raw = grid.value(row, roles["period"])
    try:
        period = parse_period(period_raw).label
    except PeriodError as exc:
        parsed.problems.append(error(str(exc), **where("period")))
        return
    area = canonical_area(text("area")) if text("area") else home_area
    percent, decimals = grid.fmt(row, roles["value"])
    try:
        value = parse_value(grid.value(row, roles["value"]), percent_format=percent, format_decimals=decimals)
    except CellError as exc:
        parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **where("value")))
        return
    value = _details(value, text)
    location = Location(grid.sheet, row, roles["value"], headers["value"])
    ref = MeasureRef(name, Location(grid.sheet, row, roles.get("measure", roles.get("measure_id", 0))))
    if "polarity" in roles:
        try:
            ref.polarity = parse_polarity(grid.value(row, roles["polarity"]))
        except PolarityError as exc:
            parsed.problems.append(error(str(exc), **where("polarity")))
    elif "rank_order" in roles:
        ref.polarity = RANK_ORDER.get(text("rank_order").lower())
    theme = framework.find_theme(text("theme")) if text("theme") else None
    ref.theme = theme.id if theme else text("theme")
    ref.outcome, ref.unit, ref.kind = text("outcome"), text("unit"), text("kind")
    if value.percent and not ref.unit:
        ref.unit = "%"
    _merge_polarity(parsed, ref, grid, row, roles)
    if value.blank and not text("note"):
        return
    note = "; ".join(n for n in (value.note, text("note")) if n) or None
    if "median" in roles and grid.value(row, roles["median"]) is not None:
        median = _number(grid, row, roles["median"], parsed, headers["median"])
        spot = Location(grid.sheet, row, roles["median"], headers["median"])
        parsed.observations.append(RawObservation(name, MEDIAN_AREA, period, parse_value(median), spot))
    parsed.observations.append(
        RawObservation(
            name,
            area,
            period,
            value,
            location,
            note=note,
            series_break=_yes(text("series_break")),
            period_stated=text("period_stated").lower() not in ("no", "false", "0", "n"),
            lower_ci=_number(grid, row, roles.get("lower_ci"), parsed, headers.get("lower_ci", "")),
            upper_ci=_number(grid, row, roles.get("upper_ci"), parsed, headers.get("upper_ci", "")),
            count=_number(grid, row, roles.get("count"), parsed, headers.get("count", "")),
            denominator=_number(grid, row, roles.get("denominator"), parsed, headers.get("denominator", "")),
        )
    )


def _yes(text: str) -> bool:
    return text.strip().lower() in ("yes", "y", "true", "1", "x")


def _details(value: CellValue, text: Callable[[str], str]) -> CellValue:
    """What the template's extra columns add to a value: its missing reason, the period it covers, flags."""
    if value.blank and text("missing"):
        value = CellValue(missing=text("missing"))
    changes: dict[str, object] = {}
    if text("covers"):
        changes["covers"] = text("covers")
    if text("flags"):
        changes["flags"] = tuple(f.strip() for f in text("flags").split(";") if f.strip())
    if text("footnote"):
        changes["footnote"] = text("footnote")
    if text("decimals").isdigit() and value.value is not None:
        changes["decimals"] = int(text("decimals"))
    return replace(value, **changes) if changes else value  # type: ignore[arg-type]


def _merge_polarity(parsed: Parsed, ref: MeasureRef, grid: Grid, row: int, roles: dict[str, int]) -> None:
    known = parsed.measures.get(ref.name)
    if known is not None and ref.polarity is not None and known.polarity not in (None, ref.polarity):
        parsed.problems.append(
            error(
                f"The polarity of '{ref.name}' is '{ref.polarity}' here but '{known.polarity}' on row "
                f"{known.location.row + 1}. Give each measure one polarity.",
                **grid.where(row, roles.get("polarity")),
            )
        )
        return
    parsed.add_measure(ref)
