"""Fingertips data downloads (OHID public health profiles), in both header variants ('Area Name' and 'AreaName').

One measure per indicator; its sex, age and category rows are its breakdowns, and the headline is the breakdown
`breakdown.headline` picks (Persons, All ages, no category, where the file has it). England and region rows become
those areas' values (benchmarks); value notes, 95% confidence limits, counts and denominators are kept; the file's
own comparisons and recent trends are read as stated labels, checked against the classifier and used to infer
polarity.
"""

from __future__ import annotations

from thplan.area import ENGLAND, canonical_area
from thplan.breakdown import Breakdown, headline
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm
from thplan.ingest.parsed import Location, MeasureRef, Parsed, RawObservation, StatedLabel, TableInfo
from thplan.ingest.problems import cell_ref, error, info, quoted, warning
from thplan.measure import NOT_BENCHMARKED, Unit
from thplan.period import PeriodError, parse_period
from thplan.value import CellError, parse_value

REQUIRED = ("indicator id", "indicator name", "area code", "time period", "value")
COLUMNS = {
    "indicator": ("indicator name",),
    "indicator_id": ("indicator id",),
    "area_code": ("area code",),
    "area": ("area name", "areaname"),
    "parent": ("parent name",),
    "sex": ("sex",),
    "age": ("age",),
    "category_type": ("category type",),
    "category": ("category",),
    "period": ("time period",),
    "value": ("value",),
    "lower_ci": ("lower ci 95 0 limit",),
    "upper_ci": ("upper ci 95 0 limit",),
    "count": ("count",),
    "denominator": ("denominator",),
    "note": ("value note",),
    "recent": ("recent trend",),
    "vs_england": ("compared to england value or percentiles",),
    "vs_parent": ("compared to region value or percentiles", "compared to parent value or percentiles"),
}


def find_fingertips_header(grid: Grid) -> dict[str, int] | None:
    for row in range(min(grid.height, 5)):
        names = {norm(grid.value(row, c)): c for c in grid.filled(row)}
        if all(r in names for r in REQUIRED):
            found = {"header_row": row}
            for key, options in COLUMNS.items():
                column = next((names[o] for o in options if o in names), None)
                if column is not None:
                    found[key] = column
            return found
    return None


#: What one row says that decides an indicator's unit and whether it is benchmarked: area, period, breakdown, value,
#: its confidence limits, count and denominator, and its stated comparison with England.
_Row = tuple[str, str, Breakdown, float | None, dict[str, float | None], str]
#: Values that are a count per this many of the denominator, and their unit (Fingertips files give no unit).
_SCALES = ((100, Unit.PERCENT), (1_000, Unit.RATE_1K), (10_000, Unit.RATE_10K), (100_000, Unit.RATE_100K))


def _unit(rows: list[_Row]) -> str:
    """The unit the figures show: every value with a count and denominator is 100 (a percentage), 1,000, 10,000
    or 100,000 times count / denominator; '' when they are not (a standardised rate, a score, years)."""
    ratios = [value * denominator / count for _, _, _, value, numbers, _ in rows
              if value and (count := numbers["count"]) and (denominator := numbers["denominator"])]  # fmt: skip
    for scale, unit in _SCALES:
        if ratios and all(abs(ratio / scale - 1) < 0.005 for ratio in ratios):
            return unit.value
    return ""


def not_benchmarked(rows: list[_Row]) -> bool:
    """Fingertips states 'Not compared' for an indicator it does not benchmark: every area's row that could be
    compared with England (a value with its 95% interval, and England's value of the same period and breakdown)
    says so, and there is at least one such row."""
    england = {(period, breakdown) for area, period, breakdown, value, _, _ in rows if area == ENGLAND and value}
    comparable = [stated for area, period, breakdown, value, numbers, stated in rows
                  if area != ENGLAND and value is not None and numbers["lower_ci"] is not None
                  and numbers["upper_ci"] is not None and (period, breakdown) in england]  # fmt: skip
    return bool(comparable) and all(stated == "Not compared" for stated in comparable)


def _named_alike(grid: Grid, header_row: int, columns: dict[str, int], parsed: Parsed) -> set[str]:
    """The indicator names the file gives to two indicator ids or more (Fingertips replaced 93014 by 93570 under one
    name: two definitions, whose values would read as one series with a step at the join); said."""
    if "indicator_id" not in columns:
        return set()
    rows = grid.nonblank_rows(header_row + 1)
    ids: dict[str, set[str]] = {}
    for name, found in zip(grid.texts(columns["indicator"], rows), grid.texts(columns["indicator_id"], rows),
                           strict=True):  # fmt: skip
        ids.setdefault(name, set()).add(found)
    twins = {name for name, found in ids.items() if len(found) > 1}
    for name in sorted(twins):
        parsed.problems.append(warning(
            f"The file gives {len(ids[name])} indicators named '{name}' (ids {', '.join(sorted(ids[name]))}): each is "
            "read as a measure of its own, named with its id, never one series.", code="measure",
            **grid.where(header_row, columns["indicator"])))  # fmt: skip
    return twins


def _renamed(grid: Grid, header_row: int, columns: dict[str, int], parsed: Parsed) -> dict[str, str]:
    """Indicator ids the file gives under two names or more (Fingertips renamed 92443 between releases): one
    indicator, one series, under the name of its last row; said. Id -> that name."""
    if "indicator_id" not in columns:
        return {}
    rows = grid.nonblank_rows(header_row + 1)
    names: dict[str, dict[str, None]] = {}
    for found, name in zip(grid.texts(columns["indicator_id"], rows), grid.texts(columns["indicator"], rows),
                           strict=True):  # fmt: skip
        names.setdefault(found, {}).pop(name, None)
        names[found][name] = None  # insertion order: the last name written comes last
    renamed = {found: list(written)[-1] for found, written in names.items() if found and len(written) > 1}
    for found, name in renamed.items():
        others = [n for n in names[found] if n != name]
        parsed.problems.append(info(
            f"Indicator {found} is named '{name}' and {quoted(others, 3)} in the file: one indicator, read as one "
            f"measure named '{name}'.", code="measure", **grid.where(header_row, columns["indicator"])))  # fmt: skip
    return renamed


def read_fingertips(grid: Grid, parsed: Parsed) -> bool:
    columns = find_fingertips_header(grid)
    if columns is None:
        return False
    header_row = columns.pop("header_row")
    headers = {k: grid.text(header_row, c) for k, c in columns.items()}
    latest: dict[tuple[str, str, Breakdown], tuple[tuple[int, int], list[StatedLabel]]] = {}
    breakdowns: dict[str, set[Breakdown]] = {}
    facts: dict[str, list[_Row]] = {}
    rows = 0
    twins = _named_alike(grid, header_row, columns, parsed)
    renamed = _renamed(grid, header_row, columns, parsed)
    for record in grid.records(header_row, columns):
        rows += 1
        row, text, where = record.row, record.text, record.where
        name = renamed.get(text("indicator_id")) or text("indicator")
        if name in twins:  # two indicators of one name: each its own measure, never one series
            name = f"{name} (indicator {text('indicator_id')})"
        breakdown = Breakdown(text("sex"), text("age"), text("category_type"), text("category"))
        area = canonical_area(text("area_code"))
        if area == text("area_code") or not area:
            area = canonical_area(text("area"))
        try:
            period = parse_period(grid.value(row, columns["period"]))
        except PeriodError as exc:
            parsed.problems.append(error(str(exc), **where("period")))
            continue
        try:
            value = parse_value(grid.value(row, columns["value"]))
            numbers = {k: parse_value(grid.value(row, columns[k])).value if k in columns else None
                       for k in ("lower_ci", "upper_ci", "count", "denominator")}  # fmt: skip
        except CellError as exc:
            parsed.problems.append(error(f"{exc}", **where("value")))
            continue
        location = Location(grid.sheet, row, columns["value"], headers["value"])
        parsed.add_measure(MeasureRef(name, Location(grid.sheet, row, columns["indicator"]), comparison="interval"))
        breakdowns.setdefault(name, set()).add(breakdown)
        note = text("note") or None
        if not value.blank or note:
            parsed.observations.append(
                RawObservation(name, area, period.label, value, location, note=note, breakdown=breakdown, **numbers)
            )  # type: ignore[arg-type]
        facts.setdefault(name, []).append((area, period.label, breakdown, value.value, numbers, text("vs_england")))
        stated = []
        parent = canonical_area(text("parent"))
        for key, benchmark, what in (("vs_england", ENGLAND, "vs"), ("vs_parent", parent, "vs"),
                                     ("recent", "", "recent")):  # fmt: skip
            label = text(key)
            if key == "vs_parent" and parent in ("", ENGLAND):
                continue  # a parent that is England: Fingertips' "compared to percentiles", always Not compared
            if label and key in columns:
                spot = Location(grid.sheet, row, columns[key], headers[key])
                stated.append(StatedLabel(name, area, what, label, spot, benchmark, period.label, breakdown))
        previous = latest.get((name, area, breakdown))
        if previous is None or period.sort_key >= previous[0]:
            latest[(name, area, breakdown)] = (period.sort_key, stated)
    for _, stated in latest.values():
        parsed.stated.extend(stated)
    for name, found in breakdowns.items():
        chosen = headline(found)
        ref = parsed.measures[name]
        ref.breakdown = None if chosen is None else chosen.label
        ref.unit = ref.unit or _unit(facts.get(name, []))
        if not_benchmarked(facts.get(name, [])):
            ref.comparison = NOT_BENCHMARKED
    width = max(columns.values()) + 1
    parsed.tables.append(
        TableInfo(grid.sheet, f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, width)}",
                  "fingertips", rows=rows)
    )  # fmt: skip
    parsed.rows += rows
    return True
