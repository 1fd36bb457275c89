"""Cells read a column at a time: each distinct cell content is parsed once, and the observations a table yields
are kept as columns of a frame rather than as an object per cell, so a file of a million values reads in seconds.

A frame of observations has the columns FIELDS: the measure as the file names it, the area, the period label, its
breakdown's label, the parsed value (value, decimals, missing reason, note, footnote marker, the period the value
really covers, flags), the latest period of its table when its own is not stated, the details a tidy file may add,
the breakdown's parts, and where the value was read (sheet, 0-based row and column, column header).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import union_categoricals

from thplan.breakdown import PARTS
from thplan.ingest.cellformats import Facts
from thplan.ingest.parsed import Parsed, RawObservation
from thplan.value import BLANK, CellError, CellValue, parse_value

FIELDS = ("measure", "area", "period", "breakdown", "value", "decimals", "missing", "note", "footnote", "covers",
          "flags", "series_break", "context_period", "lower_ci", "upper_ci", "count", "denominator", "sex", "age",
          "category_type", "category", "sheet", "row", "column", "header")  # fmt: skip
NO_FORMAT: Facts = (False, None)


@dataclass
class ParsedColumn:
    """A column of cells read: each distinct reading once, and for each row the position of its reading."""

    distinct: list[CellValue]  # an error's place holds BLANK
    index: np.ndarray
    errors: dict[int, CellError] = field(default_factory=dict)  # by row position

    @classmethod
    def of_cells(cls, values: Sequence[CellValue]) -> ParsedColumn:
        return cls(list(values), np.arange(len(values)))

    def cells(self) -> list[CellValue]:
        return list(map(self.distinct.__getitem__, self.index.tolist()))

    def take(self, per_reading: Sequence[object], dtype: object = object) -> np.ndarray | pd.Categorical:
        """Something worked out once per distinct reading, spread to the rows (texts as a Categorical)."""
        if dtype is object:
            return spread(per_reading, self.index)
        return _array(per_reading, dtype)[self.index]


def parse_column(
    raws: Sequence[object],
    formats: tuple[np.ndarray, Sequence[Facts]] | None = None,
    *,
    allow_areas: bool = False,
) -> ParsedColumn:
    """Every cell of a column parsed, each distinct content (with its number format) once: a column of a
    hundred thousand cells holds a few thousand distinct contents."""
    if any(v.__class__ is bool for v in set(raws)):  # True == 1 == 1.0 as keys, but True is not a value
        keys = list(zip(map(type, raws), raws, strict=True))
        seen: dict[object, int] = {}
        codes = np.fromiter((seen.setdefault(k, len(seen)) for k in keys), dtype=np.int64, count=len(keys))
        contents = [raw for _, raw in seen]
    else:
        codes, uniques = pd.factorize(_array(raws), use_na_sentinel=False)  # None and NaN are both blank
        contents = list(uniques)
    kinds: Sequence[Facts] = (NO_FORMAT,)
    if formats is not None and formats[0].any():
        kinds = formats[1]
        codes, pairs = pd.factorize(codes * len(kinds) + formats[0])
        readings = [_read(contents[p // len(kinds)], kinds[p % len(kinds)], allow_areas) for p in pairs.tolist()]
    else:
        readings = [_read(content, NO_FORMAT, allow_areas) for content in contents]
    result = ParsedColumn(readings, codes)  # type: ignore[arg-type]
    broken = [isinstance(r, CellError) for r in readings]
    if any(broken):
        for position in np.flatnonzero(result.take(broken, bool)).tolist():
            result.errors[position] = readings[codes[position]]  # type: ignore[assignment]
        result.distinct = [BLANK if bad else r for r, bad in zip(readings, broken, strict=True)]  # type: ignore[misc]
    return result


def parse_values(
    raws: Sequence[object], formats: tuple[np.ndarray, Sequence[Facts]] | None = None
) -> tuple[list[CellValue], dict[int, CellError]]:
    """Every cell of a column parsed (BLANK where it is in error), and the errors by position."""
    column = parse_column(raws, formats)
    return column.cells(), column.errors


def _read(raw: object, fmt: Facts, allow_areas: bool) -> CellValue | CellError:
    if raw is not None and raw != raw:  # NaN
        raw = None
    return _parse(raw.__class__, raw, fmt, allow_areas)


@lru_cache(maxsize=1 << 16)
def _parse(kind: type, raw: object, fmt: Facts, allow_areas: bool) -> CellValue | CellError:
    """One content read; remembered, as the same figures recur in every period column (keyed by type too:
    True == 1.0, but True is not a value)."""
    try:
        return parse_value(raw, percent_format=fmt[0], format_decimals=fmt[1], allow_areas=allow_areas)
    except CellError as exc:
        return exc


def _array(values: Sequence[object], dtype: object = object) -> np.ndarray:
    """A one-dimensional array of the values (numpy would read tuples in an object list as rows)."""
    if dtype is not object:
        return np.array(values, dtype=dtype)
    result = np.empty(len(values), dtype=object)
    result[:] = values
    return result


def spread(values: Sequence[object], codes: np.ndarray) -> pd.Categorical:
    """values[code] for each code (-1 is blank), as a Categorical: no Python object per row, and cheap to
    concatenate, group and hand to the database."""
    small, uniques = pd.factorize(_array(values))  # a None among the values is code -1: blank
    small = small.astype(np.min_scalar_type(-len(uniques) - 1))  # picked as the Categorical keeps them: no copy
    if not len(small):
        picked = np.full(len(codes), -1)
    elif (blank := codes < 0).any():
        picked = np.where(blank, -1, small[np.maximum(codes, 0)])
    else:  # the usual column, without blanks: one pick, not three passes
        picked = small[codes]
    return pd.Categorical.from_codes(picked, categories=pd.Index(uniques, dtype=object))


def categorical(values: object, length: int) -> pd.Categorical:
    """A text column as a Categorical, from a list or array of texts (None is blank) or one text for every row."""
    if isinstance(values, pd.Categorical):
        return values
    if isinstance(values, list | np.ndarray | pd.Series):
        codes, uniques = pd.factorize(_array(values) if isinstance(values, list) else np.asarray(values))
        return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object))
    blank = values is None  # one value for every row
    categories = pd.Index([] if blank else [values], dtype=object)
    return pd.Categorical.from_codes(np.full(length, -1 if blank else 0, np.int8), categories=categories)


def value_columns(column: ParsedColumn) -> dict[str, np.ndarray | pd.Categorical]:
    """The value fields of a parsed column, one array per field of FIELDS."""
    readings = column.distinct
    columns = {f: column.take([getattr(r, f) for r in readings]) for f in ("missing", "footnote", "covers")}
    columns["value"] = column.take([np.nan if r.value is None else r.value for r in readings], np.float64)
    columns["decimals"] = column.take([r.decimals for r in readings], np.int32)
    columns["flags"] = column.take(["; ".join(r.flags) if r.flags else None for r in readings])
    return columns


_TYPES = {"value": "float64", "lower_ci": "float64", "upper_ci": "float64", "count": "float64",
          "denominator": "float64", "series_break": "bool", "decimals": "int32",
          "row": "int32", "column": "int32"}  # fmt: skip
#: What a field that a table does not give holds; a field without a default is left out (it is empty: a
#: million-row column of blanks costs memory, and memory that a process newly touches costs time).
DEFAULTS: dict[str, object] = {"series_break": False, "decimals": 0, "header": "", "breakdown": ""}


def frame(columns: dict[str, object], length: int) -> pd.DataFrame:
    """A frame of observations from columns (lists, or one value for every row), in the order of FIELDS; absent
    fields get their DEFAULTS or are left out.

    Types are given, not inferred: inferring them costs more than reading the cells.
    """
    return side_by_side(
        {name: _typed(columns.get(name, DEFAULTS.get(name)), name, length) for name in FIELDS
         if name in columns or name in DEFAULTS},
        length,
    )  # fmt: skip


def _typed(given: object, name: str, length: int) -> object:
    """A field's column from a list or array, or one value for every row: of its type, and texts as categories
    (they repeat: a measure per area and period)."""
    dtype = _TYPES.get(name)
    if dtype is None:
        return categorical(given, length)
    if isinstance(given, list | np.ndarray):
        return np.asarray(given, dtype=dtype)
    return np.full(length, np.nan if given is None else given, dtype=dtype)


def side_by_side(columns: Mapping[str, object], length: int) -> pd.DataFrame:
    """A frame of the given columns (arrays or Categoricals of `length` rows), as they are: pandas' constructor
    would copy each kind of column into one block, a copy of a million-row frame every time one is made."""
    if not columns:
        return pd.DataFrame(index=pd.RangeIndex(length))
    rows = pd.RangeIndex(length)
    series = {
        name: pd.Series(column.array if isinstance(column, pd.Series) else column, index=rows, copy=False)
        for name, column in columns.items()
    }  # a Series' own index is not aligned: columns are placed by position
    return pd.concat(series, axis=1)


def from_raw(observations: Sequence[RawObservation]) -> pd.DataFrame:
    """The observations of the readers that make one object per value (small layouts), as a frame."""
    columns: dict[str, object] = {
        "measure": [o.measure for o in observations],
        "area": [o.area for o in observations],
        "period": [o.period for o in observations],
        **value_columns(ParsedColumn.of_cells([o.value for o in observations])),
        "note": [o.note for o in observations],
        "series_break": [o.series_break for o in observations],
        "context_period": [o.context_period for o in observations],
        "sheet": [o.location.sheet for o in observations],
        "row": [o.location.row for o in observations],
        "column": [o.location.column for o in observations],
        "header": [o.location.header for o in observations],
    }
    for name in ("lower_ci", "upper_ci", "count", "denominator"):
        columns[name] = [getattr(o, name) for o in observations]
    if any(o.breakdown.label for o in observations):
        columns["breakdown"] = [o.breakdown.label for o in observations]
        for part in PARTS:
            columns[part] = [getattr(o.breakdown, part) or None for o in observations]
    return frame(columns, len(observations))


def observations(parsed: Parsed) -> pd.DataFrame:
    """Everything a file's tables yielded, as one frame in reading order; a field no table gave is left out."""
    parts = [*parsed.frames, from_raw(parsed.observations)] if parsed.observations else list(parsed.frames)
    if not parts:
        return frame({name: [] for name in FIELDS}, 0)
    if len(parts) == 1:
        return parts[0]
    given = [name for name in FIELDS if any(name in p.columns for p in parts)]
    # pandas would turn categories that differ between parts into Python objects; they are merged instead.
    return side_by_side({name: _joined(name, parts) for name in given}, sum(map(len, parts)))


def _joined(name: str, parts: list[pd.DataFrame]) -> object:
    """One field of several frames, one after another (a frame without it holds its default there)."""
    columns = [p[name].array if name in p.columns else _typed(DEFAULTS.get(name), name, len(p)) for p in parts]
    if name in _TYPES:
        return np.concatenate([np.asarray(c) for c in columns])
    return union_categoricals(columns)
