"""A table's columns saying what is being done about each measure: targets and tolerances, a stated RAG,
commentary, the lead and the date of the next update (issue 21). Read for the home area's rows; a column that
names no period is read for the table's latest period, and the preview says so."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import pandas as pd

from thplan.classification import TargetLabel
from thplan.formula import strip_control
from thplan.ingest.grid import Grid
from thplan.ingest.headers import Column
from thplan.ingest.parsed import Location, Parsed, RawComment, RawLead, RawTarget, StatedLabel
from thplan.ingest.problems import Problem, info, warning
from thplan.measure import Measure
from thplan.period import PeriodError, parse_period
from thplan.store import targets_frame
from thplan.targets import StatedRag, Target, TargetError, parse_target, parse_tolerance
from thplan.value import parse_value

RAG = "rag"  # a StatedLabel's `what` for a stated RAG
#: R15c: what each stated RAG says of the status against target.
RAG_STATUS = {StatedRag.GREEN: TargetLabel.ON_TARGET, StatedRag.AMBER: TargetLabel.WITHIN_TOLERANCE,
              StatedRag.RED: TargetLabel.OFF_TARGET}  # fmt: skip


def _as_shown(grid: Grid, row: int, column: int) -> object:
    """A cell as it reads: a number formatted as a percentage (0.95 shown as 95.0%) as the percentage it shows, as
    the values beside it are read; any other cell as it is."""
    value = grid.value(row, column)
    percent, decimals = grid.fmt(row, column)
    if percent and isinstance(value, int | float) and not isinstance(value, bool):
        shown = parse_value(value, percent_format=True, format_decimals=decimals)
        return f"{shown.value:.{shown.decimals}f}%"
    return value


def read_columns(grid: Grid, header_row: int, columns: Sequence[Column], rows: Sequence[int], names: Sequence[str],
                 areas: Sequence[str], periods: Sequence[str], home: str, parsed: Parsed) -> None:  # fmt: skip
    """The accountability columns of a table under `header_row` whose rows are measures (and areas); a column that
    names no period is read for its row's period in `periods` ('' for none: not read)."""
    by_role: dict[str, list[Column]] = {}
    for column in columns:
        by_role.setdefault(column.role, []).append(column)
    if not columns:
        return
    tolerances = {c.period: c for c in by_role.get("tolerance", [])}
    counted = {"target": 0, "commentary": 0, "lead": 0}
    for row, name, area, own in zip(rows, names, areas, periods, strict=True):
        if area != home or not name:
            continue  # targets, commentary and leads are the Plan's: the home area's
        for column in by_role.get("target", []):
            period = column.period or own
            value = _as_shown(grid, row, column.index)
            if value is None or not period:
                continue
            beside = tolerances.get(column.period) or tolerances.get("")  # its own period's, else the undated one
            tolerance = grid.value(row, beside.index) if beside is not None else None
            parsed.targets.append(RawTarget(name, period, value, tolerance, _at(grid, row, column)))
            counted["target"] += 1
        for column in by_role.get("commentary", []):
            text, period = grid.text(row, column.index), column.period or own
            if text and period:
                parsed.comments.append(RawComment(name, period, text, _at(grid, row, column)))
                counted["commentary"] += 1
        for column in by_role.get("stated_rag", []):
            text, period = grid.text(row, column.index), column.period or own
            if text and period:
                parsed.stated.append(StatedLabel(name, area, RAG, text, _at(grid, row, column), period=period))
        lead = next(iter(by_role.get("lead", [])), None)
        due = next(iter(by_role.get("next_update", [])), None)
        who = grid.text(row, lead.index) if lead is not None else ""
        when = grid.value(row, due.index) if due is not None else None
        if who or when is not None:
            parsed.leads.append(RawLead(name, who, when, _at(grid, row, lead or due)))  # type: ignore[arg-type]
            counted["lead"] += 1
    if any(counted.values()):
        parsed.problems.append(info(
            f"Read {counted['target']} target(s), {counted['commentary']} commentary text(s) and {counted['lead']} "
            f"lead(s) for {home}.", **grid.where(header_row, columns[0].index)))  # fmt: skip


def say_undated(grid: Grid, header_row: int, columns: Sequence[Column], latest: str, parsed: Parsed) -> None:
    """A report table's target, RAG or commentary column that names no period is read for the table's latest
    period: said; with no period at all, not imported, and said."""
    undated = [c for c in columns if c.role in ("target", "tolerance", "stated_rag", "commentary") and not c.period]
    if not undated:
        return
    named = ", ".join(repr(c.header) for c in undated)
    where = grid.where(header_row, undated[0].index, undated[0].header)
    if latest:
        parsed.problems.append(info(f"{named} name no period: read as {latest}'s, the table's latest period.",
                                    code="assumed-period", **where))  # fmt: skip
    else:
        parsed.problems.append(warning(
            f"Not imported: {named} name no period and the table names none, so it is not known which year they "
            "are for. Write the period in the heading ('2022/23 Target').", **where))  # fmt: skip


def _at(grid: Grid, row: int, column: Column) -> Location:
    return Location(grid.sheet, row, column.index, column.header)


def payload_frames(parsed: Parsed, matched: dict[str, str], measures: dict[str, Measure], user: str,
                   problems: list[Problem]) -> dict[str, pd.DataFrame | None]:  # fmt: skip
    """The targets, commentary and leads a file gives, as rows for the store (a cell that cannot be read is a
    warning naming it, and not imported: the file's values are still read)."""
    targets: list[tuple[str, Target]] = []
    comments: list[dict[str, object]] = []
    leads: list[dict[str, object]] = []
    now = datetime.now(UTC).replace(tzinfo=None)
    for t in parsed.targets:
        measure = measures.get(matched.get(t.measure, ""))
        if measure is None:
            continue
        try:
            period = parse_period(t.period, measure.period_type).label
            value, decimals, direction = parse_target(t.target)
            tolerance = parse_tolerance(t.tolerance)
        except (TargetError, PeriodError) as exc:
            problems.append(warning(f"Not imported: the {t.period} target of '{t.measure}'. {exc}", code="target",
                                    **t.location.where(parsed.file)))  # fmt: skip
            continue
        targets.append((measure.id, Target(period, value, decimals, direction, tolerance, parsed.file)))
    for c in parsed.comments:
        measure = measures.get(matched.get(c.measure, ""))
        if measure is not None:
            period = parse_period(c.period, measure.period_type).label
            comments.append({"measure_id": measure.id, "period": period, "text": strip_control(c.text),
                             "author": user, "written": now})  # fmt: skip
    for lead in parsed.leads:
        measure = measures.get(matched.get(lead.measure, ""))
        if measure is None:
            continue
        try:
            due = _day(lead.next_update)
        except ValueError:
            problems.append(warning(f"Not imported: the next update of '{lead.measure}', '{lead.next_update}', is not "
                                    "a date (write it as 31/03/2023).", code="target",
                                    **lead.location.where(parsed.file)))  # fmt: skip
            due = None
        leads.append({"measure_id": measure.id, "name": strip_control(lead.name), "organisation": "",
                      "next_update": due})  # fmt: skip
    return {
        "targets": targets_frame(targets) if targets else None,
        "commentary": pd.DataFrame(comments) if comments else None,
        "leads": pd.DataFrame(leads) if leads else None,
    }


def _day(cell: object) -> date | None:
    """A next-update cell as a day: an Excel date, or a date written day first ('31/03/2023', '31 March 2023')."""
    if cell is None or str(cell).strip() == "":
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    return pd.to_datetime(str(cell), dayfirst=True).date()
