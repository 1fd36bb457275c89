"""Problems found while reading a file: each names the file, sheet, row and column, and says what to fix."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from thplan.area import read_as


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def column_letter(column: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, column: int) -> str:
    """Spreadsheet reference of a 1-based row and column."""
    return f"{column_letter(column)}{row}"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: int | None = None
    header: str = ""
    #: What kind of problem: "stated" (a stated label disagrees), "near-match", "polarity", "new-measure", ...
    code: str = ""

    @property
    def location(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            column = f"column {column_letter(self.column)}"
            parts.append(f"{column} ('{self.header}')" if self.header else column)
        return ", ".join(parts)

    @property
    def cell(self) -> str:
        if self.row is None or self.column is None:
            return ""
        return cell_ref(self.row, self.column)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message


class Rejected(Exception):
    """The file cannot be imported; `problems` holds at least one error."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def error(message: str, **where: object) -> Problem:
    return Problem(Severity.ERROR, message, **where)  # type: ignore[arg-type]


def warning(message: str, **where: object) -> Problem:
    return Problem(Severity.WARNING, message, **where)  # type: ignore[arg-type]


def info(message: str, **where: object) -> Problem:
    return Problem(Severity.INFO, message, **where)  # type: ignore[arg-type]


def refuse(name: str, message: str) -> Rejected:
    """A refusal of the whole file, with a message for the officer."""
    return Rejected([error(message, file=name)])


def not_imported(headings: Sequence[str], **where: object) -> Problem:
    """The note that columns of a table were seen and not imported (a Ref, a Source, a confidence column): never
    dropped without a word."""
    plural = "s" if len(headings) > 1 else ""
    return info(f"Not imported: the column{plural} {quoted(headings, 8)} (not values this program uses).",
                code="not-imported", **where)  # fmt: skip


def areas_read_as(names: Iterable[str], **where: object) -> Problem | None:
    """The note that a table's areas are named by other names of places this program knows ('Inner' is read as
    Inner London): said, so that an officer can see what was assumed. None when there are none."""
    renamed = {n: place for n in dict.fromkeys(names) if (place := read_as(n)) is not None}
    if not renamed:
        return None
    said = ", ".join(f"'{name}' as {place}" for name, place in list(renamed.items())[:6])
    more = f" and {len(renamed) - 6} more" if len(renamed) > 6 else ""
    return info(f"Areas read by the names this program knows them by: {said}{more}. Check that is what the file "
                "means.", code="area-read-as", **where)  # fmt: skip


def quoted(names: Sequence[str], limit: int) -> str:
    """The first `limit` names, quoted, and how many more: "'Data', 'Notes' and 3 more"."""
    shown = ", ".join(f"'{n}'" for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")
