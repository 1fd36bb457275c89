"""Delivery trackers: what partners committed to do beside the measures. A tracker (title, reporting period, as-at
date, linked Plan theme) has priorities; each priority has activities (board champions, deadline, status,
% complete, comments) and each activity its key deliverables (lead officer, deadline, status, % complete)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Status(StrEnum):
    ON_TRACK = "On Track"
    COMPLETED = "Completed"
    DELAYED = "Delayed"
    AT_RISK = "At Risk"
    NOT_STARTED = "Not Started"


class DeliveryError(ValueError):
    """A tracker cell that cannot be read (the message says what to write instead)."""


_STATUS_WORDS = {
    "on track": Status.ON_TRACK, "ontrack": Status.ON_TRACK, "on target": Status.ON_TRACK,
    "in progress": Status.ON_TRACK, "completed": Status.COMPLETED, "complete": Status.COMPLETED,
    "done": Status.COMPLETED, "achieved": Status.COMPLETED, "delayed": Status.DELAYED, "behind": Status.DELAYED,
    "slipped": Status.DELAYED, "behind schedule": Status.DELAYED, "at risk": Status.AT_RISK, "risk": Status.AT_RISK,
    "not started": Status.NOT_STARTED, "not yet started": Status.NOT_STARTED, "to start": Status.NOT_STARTED,
}  # fmt: skip


def parse_status(text: object) -> Status | None:
    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    found = _STATUS_WORDS.get(raw.lower())
    if found is None:
        raise DeliveryError(f"'{raw}' is not a status we know. Use one of: {', '.join(s.value for s in Status)}.")
    return found


def parse_percent(value: object, percent_format: bool = False) -> int | None:
    """45, '45%', or 0.45 in a cell formatted as a percentage."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise DeliveryError(f"'{value}' is not a percentage.")
    if isinstance(value, int | float):
        number = float(value) * (100 if percent_format else 1)
    else:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*%?\s*", str(value))
        if not match:
            raise DeliveryError(f"'{value}' is not a percentage. Write a number from 0 to 100, such as 45 or 45%.")
        number = float(match.group(1))
    if not 0 <= number <= 100:
        raise DeliveryError(f"{number:g}% is not a percentage complete: it must be from 0 to 100.")
    return round(number)


def parse_deadline(value: object) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%d/%m/%y", "%d/%m/%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise DeliveryError(f"'{text}' is not a date. Write deadlines as 31/03/18 or 2018-03-31.")


@dataclass(frozen=True)
class Tracker:
    id: str
    title: str
    period_start: date | None
    period_end: date | None
    as_at: date
    theme_id: str = ""


@dataclass(frozen=True)
class Item:
    tracker_id: str
    id: str
    kind: str  # "priority", "activity" or "deliverable"
    title: str
    parent: str = ""  # the priority of an activity, the activity of a deliverable
    people: str = ""
    deadline: date | None = None
    status: Status | None = None
    percent: int | None = None
    comments: str = ""
    position: int = 0

    def overdue(self, as_at: date) -> bool:
        """Past its deadline on the as-at date and not completed."""
        return self.deadline is not None and self.deadline < as_at and self.status is not Status.COMPLETED


@dataclass(frozen=True)
class PrioritySummary:
    priority: Item
    activities: tuple[Item, ...]
    deliverables: tuple[Item, ...]
    counts: dict[str, int] = field(default_factory=dict)
    progress: int | None = None  # mean % complete of the items that give one
    overdue: int = 0
    with_percent: int = 0  # how many of its activities and deliverables give a % complete

    @property
    def progress_text(self) -> str:
        """'100% complete on average, of the 2 of 4 items that give a %'."""
        items = len(self.activities) + len(self.deliverables)
        if self.progress is None:
            return "No % complete given."
        which = "the item that gives a %" if self.with_percent == 1 else f"the {self.with_percent} items that give a %"
        every = "every item" if self.with_percent == items else f"{which} ({items - self.with_percent} give none)"
        return f"{self.progress}% complete on average, of {every}"


def summarise(tracker: Tracker, items: Sequence[Item]) -> list[PrioritySummary]:
    """For each priority: its items, counts per status, progress, and how many are overdue on the as-at date."""
    result = []
    for priority in (i for i in items if i.kind == "priority"):
        activities = tuple(i for i in items if i.kind == "activity" and i.parent == priority.id)
        ids = {a.id for a in activities}
        deliverables = tuple(i for i in items if i.kind == "deliverable" and i.parent in ids)
        members = activities + deliverables
        counts = Counter(i.status.value for i in members if i.status is not None)
        percents = [i.percent for i in members if i.percent is not None]
        progress = round(sum(percents) / len(percents)) if percents else None
        result.append(PrioritySummary(priority, activities, deliverables,
                                      {s.value: counts.get(s.value, 0) for s in Status}, progress,
                                      sum(i.overdue(tracker.as_at) for i in members), len(percents)))  # fmt: skip
    return result
