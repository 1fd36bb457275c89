"""A CSV file's decimal separator, decided once for the whole file from all its numbers.

A file exported with European settings writes 1.234,5 (and separates its columns with semicolons); a British one
writes 1,234.5. One number alone often cannot say which ("2,500" and "1.234" read both ways), so the file's numbers
decide together: a number that can only be read one way settles it, and a file whose numbers disagree, or a
semicolon file that never settles it, is refused rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from thplan.ingest.problems import cell_ref, refuse

_NUMBER = re.compile(r"[-+−(]?[£€$]?\d[\d.,]*%?\)?")
# Readable only with a decimal comma: a comma not followed by exactly three digits, or dot-grouped thousands before it.
_COMMA_ONLY = re.compile(r"\D*\d+,(?:\d{1,2}|\d{4,})\D*|\D*\d{1,3}(?:\.\d{3})+,\d+\D*|\D*\d{1,3}(?:\.\d{3}){2,}\D*")
# Readable only with a decimal point: the same, the other way round.
_POINT_ONLY = re.compile(r"\D*\d+\.(?:\d{1,2}|\d{4,})\D*|\D*\d{1,3}(?:,\d{3})+\.\d+\D*|\D*\d{1,3}(?:,\d{3}){2,}\D*")
# A number as a European file writes it (not a date such as 31.03.2022).
_EUROPEAN = re.compile(r"\D*(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\D*")
# Either way: one separator followed by exactly three digits ("2,500", "1.234").
_EITHER = re.compile(r"\D*\d{1,3}[.,]\d{3}\D*")


def _where(rows: list[list[object]], text: str) -> str:
    """Where a text first appears, for a message (looked for only when there is something to say)."""
    for r, line in enumerate(rows):
        if text in line:
            return f"'{text.strip()}' in {cell_ref(r + 1, line.index(text) + 1)}"
    return f"'{text.strip()}'"


def with_decimal_points(
    rows: list[list[object]], texts: Iterable[str], delimiter: str, name: str
) -> list[list[object]]:
    """The rows (whose distinct texts are `texts`) with every number written with a decimal point, as the value
    reader reads them. Rejected when the numbers disagree, or when a semicolon file's numbers never say which
    separator they use. Each distinct text is looked at once, not each cell."""
    numbers = [t for t in texts if _NUMBER.fullmatch(t.strip())]
    comma = next((t for t in numbers if _COMMA_ONLY.fullmatch(t.strip())), None)
    point = next((t for t in numbers if _POINT_ONLY.fullmatch(t.strip())), None)
    if comma is not None and point is not None:
        raise refuse(name, f"The file writes numbers with a decimal comma ({_where(rows, comma)}) and with a "
                      f"decimal point ({_where(rows, point)}), so its numbers cannot be read safely. Export it "
                      "again with one setting for numbers.")  # fmt: skip
    if comma is None:
        either = next((t for t in numbers if _EITHER.fullmatch(t.strip())), None)
        if point is None and delimiter == ";" and either is not None:
            raise refuse(name, "The file separates its columns with semicolons, as European settings do, but none "
                          f"of its numbers says whether it writes decimals with a comma or a point "
                          f"({_where(rows, either)} reads as either). Export it again with a decimal point and "
                          "comma-separated columns (CSV UTF-8 with English settings).")  # fmt: skip
        return rows  # decimal points: as the value reader reads numbers already
    european = {t: t.replace(".", "").replace(",", ".") for t in numbers if _EUROPEAN.fullmatch(t.strip())}
    return [[european.get(v, v) if v.__class__ is str else v for v in line] for line in rows]  # type: ignore[call-overload]
