"""The rows of two cells above a table ('date | June 2022', 'gender | Male', 'age | Aged 18-24'), as NOMIS writes
them: what they say of the table's figures.

Some say when the figures are for, what is measured or how ('date', 'measure', 'confidence'): the readers read
those. The others narrow down whose figures they are: NOMIS's download of male claimants aged 18-24 differs from
its download of all claimants only in those rows, so they are the figures' breakdown, never dropped (the figures
would be stored as the headline series of all claimants). A row that says 'Total' or 'All ...' narrows nothing.
"""

from __future__ import annotations

import re

from thplan.breakdown import NONE, Breakdown, is_age, sex_alone
from thplan.ingest.grid import Grid
from thplan.ingest.headers import norm
from thplan.ingest.parsed import Parsed
from thplan.ingest.problems import info

#: Keys that say what, when or how a table measures, or describe the file; not whose figures they are.
_ABOUT = re.compile(
    r"^(?:date|period|time|measures?|pay|item name|variables?|confidence|units?|area (?:name|type)|geography|"
    r"geographies|query|dataset|sources?|data source|notes?|note \d+|links?|contact.*|released?|published|"
    r"next (?:update|release).*|table.*|terms.*|metadata|status|cover sheet|(?:last )?updated|last update|"
    r"(?:date )?published|publication date|release date|author|prepared by|produced by|owner|email|frequency|"
    r"coverage|title|description|definition|methodology|licence|license|copyright|web ?site|url|query date)$"
)
_ALL = re.compile(r"^(?:all\b|total\b|persons$|all persons$)", re.IGNORECASE)
_SEX_KEYS = ("sex", "gender")


def key_lines(grid: Grid, start: int, stop: int, first: int) -> dict[str, tuple[str, int]]:
    """The rows from `start` to `stop` of a key and its value side by side in the table's `first` column and the
    next, and nothing else: key (normalised) -> (value, row)."""
    lines: dict[str, tuple[str, int]] = {}
    for row in range(start, stop):
        if grid.filled(row) == [first, first + 1] and isinstance(grid.value(row, first), str):
            lines[norm(grid.value(row, first))] = (grid.text(row, first + 1), row)
    return lines


def qualifier(grid: Grid, lines: dict[str, tuple[str, int]], parsed: Parsed) -> Breakdown:
    """The breakdown the rows above a table give its figures: a sex, an age band, and any other row as a category
    ('employment sizeband | Micro (0 to 9)'); none where they all say 'Total' or 'All ...'. Said where it is one."""
    sex = age = ""
    kinds, categories, rows = [], [], []
    for key, (value, row) in lines.items():
        if not key or not value or _ABOUT.match(key) or _ALL.match(value):
            continue
        rows.append(row)
        if key in _SEX_KEYS and (found := sex_alone(value)) is not None:
            sex = found
        elif key == "age" and is_age(value):
            age = value
        else:
            kinds.append(grid.text(row, grid.filled(row)[0]))
            categories.append(value)
    breakdown = Breakdown(sex, age, " / ".join(kinds), " / ".join(categories))
    if not breakdown.label:
        return NONE
    shown = ", ".join(" | ".join(grid.text(r, c) for c in grid.filled(r)) for r in sorted(rows))
    note = info(f"The rows above the table ({shown}) say whose figures these are: read as their breakdown "
                f"'{breakdown.label}'.", **grid.where(min(rows)))  # fmt: skip
    if note not in parsed.problems:  # said once for the tables under the same rows
        parsed.problems.append(note)
    return breakdown
