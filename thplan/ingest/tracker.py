"""Delivery tracker workbooks: a 'Tracker' sheet (title, reporting period, as-at date, linked theme) and a sheet
with one row per activity or key deliverable under its priority."""

from __future__ import annotations

import pandas as pd

from thplan.delivery import DeliveryError, Item, Tracker, parse_deadline, parse_percent, parse_status
from thplan.framework import Framework
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm
from thplan.ingest.parsed import Parsed, TableInfo
from thplan.ingest.problems import cell_ref, error
from thplan.measure import slugify

COLUMNS = {
    "priority": ("priority",),
    "type": ("type", "level", "row type"),
    "item": ("item", "activity or deliverable", "activity deliverable", "description"),
    "people": ("champions or lead officer", "board champions lead officer", "lead officer", "board champions",
               "lead", "owner", "champions"),
    "deadline": ("deadline", "due", "due date", "target date"),
    "status": ("status", "rag status"),
    "percent": ("% complete", "% comp", "percent complete", "complete", "progress"),
    "comments": ("comments", "comment", "update", "progress update", "notes"),
}  # fmt: skip
REQUIRED = ("priority", "type", "item", "status")
KINDS = {"activity": "activity", "key deliverable": "deliverable", "deliverable": "deliverable"}


def _header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    for row in range(min(grid.height, 10)):
        names = {norm(grid.value(row, c)): c for c in grid.filled(row)}
        found = {key: names[o] for key, options in COLUMNS.items() for o in options if o in names}
        if all(k in found for k in REQUIRED):
            return row, found
    return None


def is_tracker(grids: list[Grid]) -> bool:
    return any(_header(g) is not None for g in grids)


def _settings(grids: list[Grid], parsed: Parsed, framework: Framework) -> Tracker | None:
    sheet = next((g for g in grids if g.sheet.strip().lower() == "tracker"), None)
    if sheet is None:
        parsed.problems.append(error("A tracker needs a sheet named 'Tracker' giving its Title, Period start, Period "
                                     "end, As at date and Theme. Add it (see the reference tracker in data/).",
                                     file=parsed.file))  # fmt: skip
        return None
    values: dict[str, tuple[object, int]] = {}
    for row in range(sheet.height):
        key = norm(sheet.value(row, 0))
        if key:
            values[key] = (sheet.value(row, 1), row)
    try:
        title = str(values.get("title", ("", 0))[0] or "").strip()
        if not title:
            raise DeliveryError("The tracker has no Title.")
        as_at = parse_deadline(values.get("as at", (None, 0))[0])
        if as_at is None:
            raise DeliveryError("The tracker has no 'As at' date (needed to know what is overdue).")
        start = parse_deadline(values.get("period start", (None, 0))[0])
        end = parse_deadline(values.get("period end", (None, 0))[0])
    except DeliveryError as exc:
        parsed.problems.append(error(str(exc), file=parsed.file, sheet=sheet.sheet))
        return None
    theme_text = str(values.get("theme", ("", 0))[0] or "")
    theme = framework.theme(theme_text) or (framework.find_theme(theme_text) if theme_text else None)
    if theme_text and theme is None:
        parsed.problems.append(error(f"'{theme_text}' is not a theme of the Plan.", file=parsed.file,
                                     sheet=sheet.sheet))  # fmt: skip
    return Tracker(slugify(title)[:48].rstrip("-"), title, start, end, as_at, theme.id if theme else "")


def read_tracker(grids: list[Grid], parsed: Parsed, framework: Framework) -> tuple[Tracker, list[Item]] | None:
    tracker = _settings(grids, parsed, framework)
    grid = next(g for g in grids if _header(g) is not None)
    header_row, columns = _header(grid)  # type: ignore[misc]
    items: list[Item] = []
    taken: set[str] = set()
    priority_id = activity_id = ""

    def new_id(title: str) -> str:
        base = slugify(title)[:60] or "item"
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    rows = 0
    for record in grid.records(header_row, columns):
        rows += 1
        row, text, where = record.row, record.text, record.where
        priority = text("priority")
        if not priority or not text("item"):
            parsed.problems.append(error("Every row needs its Priority and its Item.", **where("item")))
            continue
        kind = KINDS.get(text("type").lower())
        if kind is None:
            parsed.problems.append(error(f"'{text('type')}' is not a row type: write Activity or Key deliverable.",
                                         **where("type")))  # fmt: skip
            continue
        if priority != priority_title(items):
            priority_id = new_id(priority)
            items.append(Item("", priority_id, "priority", priority, position=len(items)))
            activity_id = ""
        if kind == "deliverable" and not activity_id:
            parsed.problems.append(error("A key deliverable must follow the activity it belongs to.", **where("type")))
            continue
        try:
            status = parse_status(grid.value(row, columns["status"]))
            percent_cell = columns.get("percent")
            percent = None
            if percent_cell is not None:
                percent = parse_percent(grid.value(row, percent_cell), grid.fmt(row, percent_cell)[0])
            deadline = parse_deadline(grid.value(row, columns["deadline"])) if "deadline" in columns else None
        except DeliveryError as exc:
            column = "status" if "status" in str(exc) else "percent" if "percent" in str(exc) else "deadline"
            parsed.problems.append(error(str(exc), **where(column)))
            continue
        item_id = new_id(text("item"))
        parent = priority_id if kind == "activity" else activity_id
        items.append(Item("", item_id, kind, text("item"), parent, text("people"), deadline, status, percent,
                          _comments(grid, row, columns), len(items)))  # fmt: skip
        if kind == "activity":
            activity_id = item_id
    cells = f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + rows, max(columns.values()) + 1)}"
    parsed.tables.append(TableInfo(grid.sheet, cells, "delivery tracker", rows=rows))
    parsed.rows += rows
    if tracker is None:
        return None
    return tracker, [Item(tracker.id, *_fields(i)) for i in items]


def priority_title(items: list[Item]) -> str:
    return next((i.title for i in reversed(items) if i.kind == "priority"), "")


def _fields(item: Item) -> tuple[object, ...]:
    return (item.id, item.kind, item.title, item.parent, item.people, item.deadline, item.status, item.percent,
            item.comments, item.position)  # fmt: skip


def _comments(grid: Grid, row: int, columns: dict[str, int]) -> str:
    if "comments" not in columns:
        return ""
    value = grid.value(row, columns["comments"])
    return str(value).strip() if value is not None else ""


def frames(tracker: Tracker, items: list[Item], file: str, sheet: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The payload rows for the trackers and tracker_items tables."""
    trackers = pd.DataFrame([{"id": tracker.id, "title": tracker.title, "period_start": tracker.period_start,
                              "period_end": tracker.period_end, "as_at": tracker.as_at,
                              "theme_id": tracker.theme_id}])  # fmt: skip
    rows = [
        {"tracker_id": i.tracker_id, "id": i.id, "kind": i.kind, "title": i.title, "parent": i.parent,
         "people": i.people, "deadline": i.deadline, "item_status": i.status.value if i.status else None,
         "percent": i.percent, "comments": i.comments, "position": i.position, "source_file": file,
         "source_sheet": sheet, "source_cell": ""}
        for i in items
    ]  # fmt: skip
    return trackers, pd.DataFrame(rows).astype({"percent": "Int64", "position": "int64"})
