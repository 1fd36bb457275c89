"""The number-format facts of a sheet's cells (formatted as a percentage, decimals shown), kept as arrays.

A report of a million values has a million formatted cells: as a dict of (row, column) tuples they took seconds to
build, to send from the reading process and to look up; as one sorted array of rows per column they take
milliseconds, and a column is looked up for many rows at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import numpy as np

Facts = tuple[bool, int | None]
PLAIN: Facts = (False, None)


class CellFormats:
    """(row, column), 0-based -> Facts, for the numeric cells whose format states either (others are PLAIN)."""

    def __init__(self, rows: np.ndarray, columns: np.ndarray, codes: np.ndarray, kinds: Sequence[Facts]) -> None:
        """Cell i is at (rows[i], columns[i]) and has the facts kinds[codes[i]]; kinds[0] must be PLAIN."""
        self.kinds: tuple[Facts, ...] = tuple(kinds)
        self._columns: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        if len(rows):
            order = np.lexsort((rows, columns))
            rows, columns, codes = rows[order], columns[order], codes[order]
            starts = np.flatnonzero(np.r_[True, columns[1:] != columns[:-1]])
            for start, end in zip(starts, [*starts[1:], len(rows)], strict=True):
                self._columns[int(columns[start])] = (rows[start:end], codes[start:end])

    @classmethod
    def of(cls, facts: Mapping[tuple[int, int], Facts]) -> CellFormats:
        """From a mapping (the slow readers and tests build one)."""
        kinds = [PLAIN, *sorted({f for f in facts.values() if f != PLAIN}, key=repr)]
        code = {f: n for n, f in enumerate(kinds)}
        cells = np.array([(r, c, code[f]) for (r, c), f in facts.items() if f != PLAIN], dtype=np.int64)
        cells = cells.reshape(-1, 3)
        return cls(cells[:, 0], cells[:, 1], cells[:, 2], kinds)

    def get(self, cell: tuple[int, int], default: Facts = PLAIN) -> Facts:
        codes = self.column(cell[1], [cell[0]])
        return self.kinds[codes[0]] if codes is not None and codes[0] else default

    def column(self, column: int, rows: Sequence[int] | np.ndarray) -> np.ndarray | None:
        """Each given row's code into `kinds` in one column (0 is plain); None when the column has no facts."""
        found = self._columns.get(column)
        if found is None:
            return None
        styled, codes = found
        wanted = np.asarray(rows, dtype=np.int64)
        at = np.minimum(np.searchsorted(styled, wanted), len(styled) - 1)
        return np.where(styled[at] == wanted, codes[at], 0)

    def items(self) -> Iterator[tuple[tuple[int, int], Facts]]:
        for column, (rows, codes) in self._columns.items():
            for row, code in zip(rows.tolist(), codes.tolist(), strict=True):
                yield (row, column), self.kinds[code]
