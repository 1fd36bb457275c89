"""The framework workbook: the Plan's settings, themes, outcomes and measure catalogue, one sheet each."""

from __future__ import annotations

import re

from thplan.framework import DEFAULT_BASELINE, Framework, Settings
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm
from thplan.ingest.parsed import Parsed, TableInfo
from thplan.ingest.problems import cell_ref, error
from thplan.measure import Kind, Measure, MeasureError, parse_unit, slugify
from thplan.outcome import Outcome
from thplan.period import YEAR_KINDS, PeriodError, PeriodKind, parse_period
from thplan.polarity import Polarity, PolarityError, parse_polarity
from thplan.theme import Theme

SHEETS = ("plan", "themes", "outcomes", "measures")


def is_catalogue(grids: list[Grid]) -> bool:
    names = {g.sheet.strip().lower() for g in grids}
    return {"themes", "measures"} <= names


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\n|\s\|\s", text) if p.strip())


def _cell(grid: Grid, row: int, column: int) -> str:
    """A catalogue cell's text, keeping its line breaks (they separate aliases and priorities)."""
    value = grid.value(row, column)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _records(grid: Grid, parsed: Parsed) -> list[tuple[int, dict[str, str]]]:
    header = {c: norm(grid.value(0, c)) for c in grid.filled(0)}
    records = []
    for row in range(1, grid.height):
        if not grid.filled(row):
            continue
        records.append((row, {key: _cell(grid, row, c) for c, key in header.items()}))
    parsed.tables.append(
        TableInfo(grid.sheet, f"A1:{cell_ref(grid.height, max(header, default=0) + 1)}", "framework",
                  rows=len(records))
    )  # fmt: skip
    parsed.rows += len(records)
    return records


def read_catalogue(grids: list[Grid], parsed: Parsed) -> None:
    by_name = {g.sheet.strip().lower(): g for g in grids}
    settings = Settings()
    if "plan" in by_name:
        values = {norm(r.get("setting", "")): r.get("value", "") for _, r in _records(by_name["plan"], parsed)}
        settings = Settings(
            objective=values.get("objective", ""),
            baseline=values.get("baseline", "") or DEFAULT_BASELINE,
            home_area=values.get("home area", "") or settings.home_area,
        )
    themes = []
    theme_grid = by_name["themes"]
    for position, (row, r) in enumerate(_records(theme_grid, parsed)):
        if not r.get("id") or not r.get("name"):
            parsed.problems.append(error("Every theme needs an id and a name.", **theme_grid.where(row)))
            continue
        themes.append(Theme(r["id"], r["name"], r.get("board", ""), r.get("short name", ""),
                            _split(r.get("priorities", "")), r.get("description", ""), position))  # fmt: skip
    theme_ids = {t.id for t in themes}
    outcomes = []
    if "outcomes" in by_name:
        grid = by_name["outcomes"]
        for position, (row, r) in enumerate(_records(grid, parsed)):
            if r.get("theme") not in theme_ids:
                parsed.problems.append(error(f"Unknown theme '{r.get('theme')}'.", **grid.where(row)))
                continue
            outcomes.append(Outcome(r.get("id") or slugify(r.get("name", "")), r["theme"], r.get("name", ""), position))
    outcome_ids = {o.id for o in outcomes}
    measures = [
        m
        for position, (row, r) in enumerate(_records(by_name["measures"], parsed))
        if (m := _measure(by_name["measures"], row, r, position, theme_ids, outcome_ids, parsed)) is not None
    ]
    ids = [m.id for m in measures]
    for dup in sorted({i for i in ids if ids.count(i) > 1}):
        parsed.problems.append(error(f"The measure id '{dup}' is used more than once.", file=parsed.file,
                                     sheet=by_name["measures"].sheet))  # fmt: skip
    try:
        parse_period(settings.baseline)
    except PeriodError as exc:
        parsed.problems.append(error(f"Baseline: {exc}", file=parsed.file, sheet="Plan"))
    parsed.framework = Framework(settings, tuple(themes), tuple(outcomes), tuple(measures))


def _measure(
    grid: Grid, row: int, r: dict[str, str], position: int, themes: set[str], outcomes: set[str], parsed: Parsed
) -> Measure | None:
    where = grid.where(row)
    name = r.get("name", "")
    if not name:
        parsed.problems.append(error("Every measure needs a name.", **where))
        return None
    try:
        polarity = parse_polarity(r.get("polarity")) or Polarity.NONE
        unit = parse_unit(r.get("unit"))
        kind = Kind(r.get("kind", "").lower() or "outcome")
        period_type = PeriodKind(r.get("period type", "").lower() or "financial")
        tolerance = float(r["tolerance"]) if r.get("tolerance") else None
    except (PolarityError, MeasureError) as exc:
        parsed.problems.append(error(str(exc), **where))
        return None
    except ValueError as exc:
        parsed.problems.append(error(f"{exc}. Kind is outcome or output; period type is financial or academic.",
                                     **where))  # fmt: skip
        return None
    if period_type not in YEAR_KINDS:
        parsed.problems.append(error("Period type is financial or academic.", **where))
        return None
    if r.get("theme") and r["theme"] not in themes:
        parsed.problems.append(error(f"Unknown theme '{r['theme']}'.", **where))
        return None
    if r.get("outcome") and r["outcome"] not in outcomes:
        parsed.problems.append(error(f"Unknown outcome '{r['outcome']}'.", **where))
        return None
    return Measure(
        id=r.get("id") or slugify(name), name=name, theme_id=r.get("theme", ""), outcome_id=r.get("outcome", ""),
        kind=kind, polarity=polarity, unit=unit, period_type=period_type, aliases=_split(r.get("aliases", "")),
        definition=r.get("definition", ""), notes=r.get("notes", ""), source=r.get("source", ""),
        tolerance=tolerance, position=position, breakdown=r.get("breakdown", ""), report_name=r.get("report name", ""),
    )  # fmt: skip
