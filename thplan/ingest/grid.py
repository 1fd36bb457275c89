"""A sheet as a grid of raw cell values, with the number formats that matter (percentages, decimals)."""

from __future__ import annotations

from dataclasses import dataclass, field

from thplan.ingest.problems import cell_ref
from thplan.template import restore


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
        value = self.value(row, column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return " ".join(str(value).split())

    def fmt(self, row: int, column: int) -> tuple[bool, int | None]:
        return self.formats.get((row, column), (False, None))

    def filled(self, row: int) -> list[int]:
        """Columns of the non-empty cells of a row."""
        line = self.rows[row] if row < len(self.rows) else []
        return [c for c in range(len(line)) if self.value(row, c) is not None]

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
