"""Cells read a column at a time: each distinct cell content is parsed once, and the observations a table yields
are kept as columns of a frame rather than as an object per cell, so a file of a million values reads in seconds.

A frame of observations has the columns FIELDS: the measure as the file names it, the area, the period label, the
parsed value (value, decimals, missing reason, note, footnote marker, the period the value really covers, flags),
the details a tidy file may add, and where the value was read (sheet, 0-based row and column, column header).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import numpy as np
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

    Each distinct content (with its number format) is parsed once: a column repeats a few hundred distinct texts.
    """
    distinct = set(raws)
    keys: Sequence[object]
    if formats is None and not any(v.__class__ is bool for v in distinct):
        keys = raws
        read = {raw: _parse(raw, NO_FORMAT, allow_areas) for raw in distinct}
    else:  # keyed by type too (True == 1 == 1.0 as keys, but True is not a value) and by format
        keys = list(zip(map(type, raws), raws, formats or [NO_FORMAT] * len(raws), strict=True))
        read = {key: _parse(key[1], key[2], allow_areas) for key in set(keys)}
    parsed = list(map(read.__getitem__, keys))
    errors: dict[int, CellError] = {}
    if any(isinstance(v, CellError) for v in read.values()):
        for position, value in enumerate(parsed):
            if isinstance(value, CellError):
                errors[position] = value
                parsed[position] = BLANK
    return parsed, errors  # type: ignore[return-value]


def _parse(raw: object, fmt: tuple[bool, int | None], allow_areas: bool) -> CellValue | CellError:
    try:
        return parse_value(raw, percent_format=fmt[0], format_decimals=fmt[1], allow_areas=allow_areas)
    except CellError as exc:
        return exc


def value_columns(cells: Sequence[CellValue]) -> dict[str, list[object]]:
    """The value fields of parsed cells, one list per field of FIELDS."""
    fields = ("value", "decimals", "missing", "footnote", "covers")
    columns: dict[str, list[object]] = {f: list(map(attrgetter(f), cells)) for f in fields}
    columns["flags"] = ["; ".join(f) if f else None for f in map(attrgetter("flags"), cells)]
    return columns


_FLOATS = ("value", "lower_ci", "upper_ci", "count", "denominator")
_BOOLS = ("series_break", "period_stated")
_INTS = ("decimals", "row", "column")


def frame(columns: dict[str, object], length: int) -> pd.DataFrame:
    """A frame of observations from columns (lists, or one value for every row); absent fields get defaults.

    Types are given, not inferred: inferring them costs more than reading the cells.
    """
    defaults: dict[str, object] = {"series_break": False, "period_stated": True, "decimals": 0, "header": ""}
    data = {}
    for name in FIELDS:
        given = columns.get(name, defaults.get(name))
        if name in _FLOATS:
            dtype: object = "float64"
        elif name in _BOOLS:
            dtype = "bool"
        elif name in _INTS:
            dtype = "int64"
        else:
            dtype = object
        if isinstance(given, list):
            data[name] = pd.Series(np.array(given, dtype=dtype) if dtype is not object else given, dtype=dtype)
        else:
            data[name] = pd.Series(np.full(length, given, dtype=dtype if dtype is not object else object), dtype=dtype)
    return pd.DataFrame(data, columns=list(FIELDS))


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
