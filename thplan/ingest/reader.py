"""Turn an uploaded file's bytes into grids: its cells' values (opening.py, which refuses what is not a readable
spreadsheet) with the number formats and error cells of a workbook's sheets (sheetxml.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator

from thplan.ingest.cellformats import CellFormats
from thplan.ingest.grid import Grid, number_format_facts
from thplan.ingest.odsxml import scan_ods
from thplan.ingest.opening import check, check_zip, opened, sheets
from thplan.ingest.problems import Rejected, error
from thplan.ingest.sheetxml import SheetFacts, scan
from thplan.ingest.xls import xls_facts


def read_grids(data: bytes, name: str) -> list[Grid]:
    """All sheets of a workbook, or the one table of a CSV file. The content decides; a name that says otherwise
    is refused, because a mislabelled file is usually the wrong file."""
    return list(iter_grids(data, name))


def iter_grids(data: bytes, name: str) -> Iterator[Grid]:
    """`read_grids` a sheet at a time."""
    return merged(iter_values(data, name), iter_facts(data, name))


def iter_values(data: bytes, name: str) -> Iterator[Grid]:
    """The cell values of `read_grids`, a sheet at a time, without the number formats and error cells of a
    workbook."""
    for sheet, rows in sheets(data, name):
        yield Grid(name, sheet, rows or [], hidden=rows is None)


def iter_facts(data: bytes, name: str) -> Iterator[tuple[str, SheetFacts]]:
    """Each worksheet's name with its number formats and error cells (none for a CSV file); read apart from the
    values so that the two can be read at once, in two processes."""
    kind = check(data, name)
    if kind == "zip":
        yield from opened(name, _facts(data, name))
    elif kind == "ods":
        yield from opened(name, _ods_facts(data, name))
    elif kind == "xls":
        yield from opened(name, xls_facts(data, number_format_facts))


def with_facts(grids: list[Grid], facts: dict[str, SheetFacts]) -> list[Grid]:
    """The grids with their sheet's formats, error cells in place ("#N/A" where calamine read nothing), and each
    merged cell's text in every row it spans (a measure name merged down three rows names all three)."""
    for grid in grids:
        sheet = facts.get(grid.sheet)
        if sheet is None or grid.hidden:
            continue
        if sheet.unsaved:
            row, column, formula = sheet.unsaved[0]
            more = f" (and {len(sheet.unsaved) - 1} more cells)" if len(sheet.unsaved) > 1 else ""
            raise Rejected([error(
                f"The cell holds a formula (={formula}) whose result is not saved in the file{more}: the program "
                "that wrote the workbook did not calculate it, so its value cannot be read. Open the workbook in "
                "Excel, let it calculate, save it and upload it again.",
                file=grid.file, sheet=grid.sheet, row=row + 1, column=column + 1)])  # fmt: skip
        grid.formats = sheet.formats
        rows = grid.rows
        grid.hidden_rows = tuple(r for r in sheet.hidden_rows if r < len(rows) and any(v is not None for v in rows[r]))
        for r in grid.hidden_rows:
            rows[r] = []
        for (r, c), shown in sheet.errors.items():
            if r >= len(rows):
                rows.extend([] for _ in range(r + 1 - len(rows)))
            rows[r].extend([None] * (c + 1 - len(rows[r])))
            rows[r][c] = shown
        for first, c, last in sheet.merged:
            value = rows[first][c] if first < len(rows) and c < len(rows[first]) else None
            # Texts only: a number's format (a percentage) is its own cell's, so a merged number stays in one row.
            for r in range(first + 1, min(last, len(rows) - 1) + 1) if value.__class__ is str else ():
                rows[r].extend([None] * (c + 1 - len(rows[r])))
                rows[r][c] = value
    return grids


def merged(values: Iterable[Grid], facts: Iterable[tuple[str, SheetFacts]]) -> Iterator[Grid]:
    """Each sheet's values with its facts, as soon as both have come (values and facts may be read at once, by
    two processes). When both fail, the values' refusal is the one raised."""
    received: dict[str, SheetFacts] = {}
    pending = iter(facts)
    try:
        for grid in values:
            while grid.sheet not in received and (item := next(pending, None)) is not None:
                received[item[0]] = item[1]
            yield with_facts([grid], received)[0]
        for _ in pending:  # a refusal of a later sheet's facts still refuses the file
            pass
    except Rejected:
        for _ in values:  # the values' own refusal, if they have one (and have not raised it), is the one to show
            pass
        raise


def _facts(data: bytes, name: str) -> Iterator[tuple[str, SheetFacts]]:
    slow: dict[str, SheetFacts] | None = None  # openpyxl's, read once if a sheet needs them
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, name)
        for sheet, found in scan(archive, number_format_facts):
            if found is None:
                slow = _openpyxl_facts(data) if slow is None else slow
                found = slow.get(sheet, SheetFacts())
            yield sheet, found


def _ods_facts(data: bytes, name: str) -> Iterator[tuple[str, SheetFacts]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, name)
        yield from scan_ods(archive)


def _openpyxl_facts(data: bytes) -> dict[str, SheetFacts]:
    """Formats and errors by openpyxl, for the rare workbook whose cells carry no references (slow, but exact)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        result = {}
        for sheet in book.worksheets:
            formats: dict[tuple[int, int], tuple[bool, int | None]] = {}
            errors: dict[tuple[int, int], str] = {}
            for r, row in enumerate(sheet.iter_rows()):
                for c, cell in enumerate(row):
                    value = getattr(cell, "value", None)
                    if getattr(cell, "data_type", "") == "e":
                        errors[(r, c)] = str(value)
                    elif isinstance(value, int | float) and not isinstance(value, bool):
                        facts = number_format_facts(getattr(cell, "number_format", None))
                        if facts != (False, None):
                            formats[(r, c)] = facts
            result[sheet.title] = SheetFacts(CellFormats.of(formats), errors)
        return result
    finally:
        book.close()
