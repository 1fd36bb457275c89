"""A sheet as a grid of raw cell values, with the number formats that matter (percentages, decimals)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from thplan.ingest.problems import cell_ref
from thplan.template import restore

_UNSEEN = object()


@dataclass
class Grid:
    file: str
    sheet: str
    rows: list[list[object]]
    #: (row, column), 0-based -> (formatted as a percentage, decimals shown); only numeric cells with a format.
    formats: dict[tuple[int, int], tuple[bool, int | None]] = field(default_factory=dict)

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
        cleaned: dict[str, object] = {}
        out: list[object] = []
        lines = self.rows
        for row in rows:
            line = lines[row]
            value = line[column] if column < len(line) else None
            if value.__class__ is str:
                text = cleaned.get(value, _UNSEEN)  # type: ignore[call-overload]
                if text is _UNSEEN:
                    text = cleaned[value] = restore(value.strip()) or None  # type: ignore[index]
                value = text
            out.append(value)
        return out

    def texts(self, column: int, rows: Sequence[int]) -> list[str]:
        """The text of one column in the given rows (as `text` gives it)."""
        shown: dict[object, str] = {}
        out = []
        for value in self.column(column, rows):
            text = shown.get(value) if value.__class__ is str else None
            if text is None:
                text = self._show(value)
                if value.__class__ is str:
                    shown[value] = text
            out.append(text)
        return out

    def formats_of(self, column: int, rows: Sequence[int]) -> list[tuple[bool, int | None]] | None:
        """The number-format facts of one column in the given rows; None when no cell of the sheet has any."""
        if not self.formats:
            return None
        get, plain = self.formats.get, (False, None)
        return [get((row, column), plain) for row in rows]

    def nonblank_rows(self, start: int = 0) -> list[int]:
        """Rows from `start` on with at least one non-empty cell."""
        return [
            number
            for number in range(start, len(self.rows))
            if any(v is not None and (v.__class__ is not str or v.strip()) for v in self.rows[number])  # type: ignore[union-attr]
        ]

    def filled(self, row: int) -> list[int]:
        """Columns of the non-empty cells of a row."""
        line = self.rows[row] if row < len(self.rows) else []
        # `restore` never empties a text, so a cell is filled when it is not None and not blank text.
        return [c for c, v in enumerate(line) if v is not None and (v.__class__ is not str or v.strip())]  # type: ignore[union-attr]

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
