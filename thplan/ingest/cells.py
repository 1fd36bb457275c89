"""Cells read a column at a time: each distinct cell content is parsed once, and the observations a table yields
are kept as columns of a frame rather than as an object per cell, so a file of a million values reads in seconds.

A frame of observations has the columns FIELDS: the measure as the file names it, the area, the period label, the
parsed value (value, decimals, missing reason, note, footnote marker, the period the value really covers, flags),
the details a tidy file may add, and where the value was read (sheet, 0-based row and column, column header).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from thplan.ingest.parsed import Parsed, RawObservation
from thplan.value import BLANK, CellError, CellValue, parse_value

FIELDS = ("measure", "area", "period", "value", "decimals", "missing", "note", "footnote", "covers", "flags",
          "series_break", "period_stated", "lower_ci", "upper_ci", "count", "denominator",
          "sheet", "row", "column", "header")  # fmt: skip
NO_FORMAT: tuple[bool, int | None] = (False, None)


def parse_values(
    raws: Sequence[object],
    formats: Sequence[tuple[bool, int | None]] | None = None,
    *,
    allow_areas: bool = False,
) -> tuple[list[CellValue], dict[int, CellError]]:
    """Every cell of a column parsed (BLANK where it is in error), and the errors by position.

    Cells with the same content and number format share one parse: a column repeats a few hundred distinct texts.
    """
    memo: dict[tuple[type, object, tuple[bool, int | None]], CellValue | CellError] = {}
    cells: list[CellValue] = []
    errors: dict[int, CellError] = {}
    for position, raw in enumerate(raws):
        if raw is None:
            cells.append(BLANK)
            continue
        fmt = formats[position] if formats is not None else NO_FORMAT
        key = (raw.__class__, raw, fmt)  # the type too: True == 1 == 1.0 as dict keys
        parsed = memo.get(key)
        if parsed is None:
            try:
                parsed = parse_value(raw, percent_format=fmt[0], format_decimals=fmt[1], allow_areas=allow_areas)
            except CellError as exc:
                parsed = exc
            memo[key] = parsed
        if isinstance(parsed, CellError):
            errors[position] = parsed
            cells.append(BLANK)
        else:
            cells.append(parsed)
    return cells, errors


def value_columns(cells: Sequence[CellValue]) -> dict[str, list[object]]:
    """The value fields of parsed cells, one list per field of FIELDS."""
    return {
        "value": [c.value for c in cells],
        "decimals": [c.decimals for c in cells],
        "missing": [c.missing for c in cells],
        "footnote": [c.footnote for c in cells],
        "covers": [c.covers for c in cells],
        "flags": ["; ".join(c.flags) if c.flags else None for c in cells],
    }


def frame(columns: dict[str, object], length: int) -> pd.DataFrame:
    """A frame of observations from columns (lists, or one value for every row); absent fields get defaults."""
    defaults: dict[str, object] = {"series_break": False, "period_stated": True, "decimals": 0, "header": ""}
    data = {}
    for name in FIELDS:
        given = columns.get(name, defaults.get(name))
        data[name] = given if isinstance(given, list) else [given] * length
    result = pd.DataFrame(data, columns=list(FIELDS))
    for name in ("value", "lower_ci", "upper_ci", "count", "denominator"):
        result[name] = result[name].astype("float64")
    return result


def from_raw(observations: Sequence[RawObservation]) -> pd.DataFrame:
    """The observations of the readers that make one object per value (small layouts), as a frame."""
    columns: dict[str, object] = {
        "measure": [o.measure for o in observations],
        "area": [o.area for o in observations],
        "period": [o.period for o in observations],
        **value_columns([o.value for o in observations]),
        "note": [o.note for o in observations],
        "series_break": [o.series_break for o in observations],
        "period_stated": [o.period_stated for o in observations],
        "sheet": [o.location.sheet for o in observations],
        "row": [o.location.row for o in observations],
        "column": [o.location.column for o in observations],
        "header": [o.location.header for o in observations],
    }
    for name in ("lower_ci", "upper_ci", "count", "denominator"):
        columns[name] = [getattr(o, name) for o in observations]
    return frame(columns, len(observations))


def observations(parsed: Parsed) -> pd.DataFrame:
    """Everything a file's tables yielded, as one frame in reading order."""
    parts = [*parsed.frames, from_raw(parsed.observations)] if parsed.observations else list(parsed.frames)
    if not parts:
        return frame({}, 0)
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
