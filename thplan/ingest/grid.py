"""A sheet as a grid of raw cell values, with the number formats that matter (percentages, decimals)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

import numpy as np

from thplan.formula import restore
from thplan.ingest.cellformats import CellFormats, Facts
from thplan.ingest.problems import cell_ref


@dataclass
class Grid:
    file: str
    sheet: str
    rows: list[list[object]]
    #: (row, column), 0-based -> (formatted as a percentage, decimals shown); only numeric cells with a format.
    formats: CellFormats = field(default_factory=lambda: CellFormats.of({}))
    #: A hidden worksheet: not read (its rows are empty), named so that a file with no table can say so.
    hidden: bool = False
    #: Rows hidden in the workbook (0-based): emptied, not read, and said.
    hidden_rows: tuple[int, ...] = ()

    @property
    def height(self) -> int:
        return len(self.rows)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int) -> object:
        line = self.rows[row] if row < len(self.rows) else []
        value = line[column] if column < len(line) else None
        if isinstance(value, str):
            value = restore(value.strip())
            return value or None
        return value

    def text(self, row: int, column: int) -> str:
        return self._show(self.value(row, column))

    @staticmethod
    def _show(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return " ".join(str(value).split())

    def fmt(self, row: int, column: int) -> tuple[bool, int | None]:
        return self.formats.get((row, column), (False, None))

    def column(self, column: int, rows: Sequence[int]) -> list[object]:
        """The values of one column in the given rows (as `value` gives them), each distinct text cleaned once."""
        lines = list(map(self.rows.__getitem__, rows))
        try:
            picked = list(map(itemgetter(column), lines))  # at C speed, when no row ends before the column
        except IndexError:
            picked = [line[column] if column < len(line) else None for line in lines]
        if str not in set(map(type, picked)):  # a column of numbers (hashing types is cheaper than numbers)
            return picked
        cleaned = {v: restore(v.strip()) or None for v in set(filter(str.__instancecheck__, picked))}  # type: ignore[union-attr]
        return list(map(cleaned.get, picked, picked))  # texts cleaned, everything else as it is

    def texts(self, column: int, rows: Sequence[int]) -> list[str]:
        """The text of one column in the given rows (as `text` gives it)."""
        values = self.column(column, rows)
        shown = {v: self._show(v) for v in set(values)}
        return [shown[v] for v in values]

    def formats_of(self, column: int, rows: Sequence[int]) -> tuple[np.ndarray, Sequence[Facts]] | None:
        """The number-format facts of one column in the given rows, as codes into a list of facts; None when no
        cell of the column has any."""
        codes = self.formats.column(column, rows)
        return None if codes is None else (codes, self.formats.kinds)

    def rows_with(self, test: Callable[[str], bool]) -> list[int]:
        """Rows with a text cell that passes `test` (asked once per distinct text: a quick scan of large sheets)."""
        texts = {v for v in set().union(*self.rows) if v.__class__ is str}  # every distinct cell, at C speed
        passing = {t for t in texts if test(restore(t.strip()))}  # type: ignore[union-attr]
        if not passing:
            return []
        return [number for number, line in enumerate(self.rows) if not passing.isdisjoint(line)]

    def nonblank_rows(self, start: int = 0) -> list[int]:
        """Rows from `start` on with at least one non-empty cell."""
        found = []
        for number in range(start, len(self.rows)):
            first = next(filter(None, self.rows[number]), None)  # the first truthy cell, found at C speed
            if (first is not None and (first.__class__ is not str or first.strip())) or self.filled(number):  # type: ignore[union-attr]
                found.append(number)
        return found

    def filled(self, row: int) -> list[int]:
        """Columns of the non-empty cells of a row."""
        line = self.rows[row] if row < len(self.rows) else []
        # `restore` never empties a text, so a cell is filled when it is not None and not blank text.
        return [c for c, v in enumerate(line) if v is not None and (v.__class__ is not str or v.strip())]  # type: ignore[union-attr]

    def records(self, header_row: int, columns: Mapping[str, int]) -> Iterator[Record]:
        """The non-empty rows under a header row, each read by the role of its columns."""
        for row in range(header_row + 1, self.height):
            if self.filled(row):
                yield Record(self, row, header_row, columns)

    def ref(self, row: int, column: int) -> str:
        return cell_ref(row + 1, column + 1)

    def where(self, row: int, column: int | None = None, header: str = "") -> dict[str, object]:
        """Location keywords for a Problem (1-based row and column)."""
        return {
            "file": self.file,
            "sheet": self.sheet,
            "row": row + 1,
            "column": None if column is None else column + 1,
            "header": header,
        }


@dataclass(frozen=True)
class Record:
    """One row of a table whose columns have roles (a Fingertips extract, a tracker)."""

    grid: Grid
    row: int
    header_row: int
    columns: Mapping[str, int]

    def text(self, key: str) -> str:
        """The text of the row's cell in a role's column ("" when the table has no such column)."""
        return self.grid.text(self.row, self.columns[key]) if key in self.columns else ""

    def where(self, key: str) -> dict[str, object]:
        """Where the row's cell in a role's column is, for a Problem."""
        column = self.columns.get(key)
        header = self.grid.text(self.header_row, column) if column is not None else ""
        return self.grid.where(self.row, column, header)


def number_format_facts(number_format: str | None) -> tuple[bool, int | None]:
    """(is a percentage, decimals shown) of an Excel number format such as '0.0%' or '#,##0.00'."""
    if not number_format or number_format.lower() == "general":
        return False, None
    section = number_format.split(";")[0]
    bare = ""
    quoted = False
    for ch in section:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            bare += ch
    percent = "%" in bare
    if "." in bare:
        after = bare.split(".", 1)[1]
        decimals = len(after) - len(after.lstrip("0#?"))
    else:
        decimals = 0
    return percent, decimals
