"""Old Excel workbooks (.xls, BIFF), read by xlrd: their values as a workbook's are read (dates as datetimes,
error cells as errors), and the number formats that change a value's meaning. calamine reads .xls values too, but
not their formats, and a cell shown as 72.9% holds 0.729."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the values are read without numpy (see opening.py); the formats need it
    from thplan.ingest.cellformats import Facts
    from thplan.ingest.sheetxml import SheetFacts

Sheet = tuple[str, list[list[object]] | None]

#: xlrd's cell types.
_EMPTY, _TEXT, _NUMBER, _DATE, _BOOLEAN, _ERROR, _BLANK = range(7)


def is_xls(data: bytes) -> bool:
    """An OLE compound file holding a workbook stream (BIFF8 'Workbook' or BIFF5 'Book'); an encrypted .xlsx is an
    OLE file too, but holds an 'EncryptedPackage' instead."""
    return "Workbook".encode("utf-16-le") in data or "Book\x00".encode("utf-16-le") in data


def xls_sheets(data: bytes, max_cells: int, too_many: Callable[[], Exception]) -> Iterator[Sheet]:
    """Every visible worksheet's values, as those of an .xlsx are read; a hidden one by its name alone."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    cells = 0
    for index, name in enumerate(book.sheet_names()):
        sheet = book.sheet_by_index(index)
        if sheet.visibility:
            yield name, None
            continue
        rows: list[list[object]] = []
        for r in range(sheet.nrows):
            values = [_value(ctype, value, book.datemode) for ctype, value in
                      zip(sheet.row_types(r), sheet.row_values(r), strict=True)]  # fmt: skip
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
            cells += len(values)
            if cells > max_cells:
                raise too_many()
        while rows and not rows[-1]:
            rows.pop()
        book.unload_sheet(index)
        yield name, rows


def _value(ctype: int, value: object, datemode: int) -> object:
    if ctype in (_EMPTY, _BLANK, _ERROR) or (ctype == _TEXT and value == ""):
        return None  # an error cell's text comes with the formats (`xls_facts`), as for an .xlsx
    if ctype == _DATE:
        import xlrd

        return xlrd.xldate.xldate_as_datetime(value, datemode)
    if ctype == _BOOLEAN:
        return bool(value)
    return value


def xls_facts(data: bytes, number_format_facts: Callable[[str | None], Facts]) -> Iterator[tuple[str, SheetFacts]]:
    """Each worksheet's name with its number formats, error cells and cells merged down several rows."""
    import xlrd

    from thplan.ingest.cellformats import CellFormats
    from thplan.ingest.sheetxml import SheetFacts

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    shown = {key: number_format_facts(entry.format_str) for key, entry in book.format_map.items()}
    by_xf = [shown.get(xf.format_key, (False, None)) for xf in book.xf_list]
    for index, name in enumerate(book.sheet_names()):
        sheet = book.sheet_by_index(index)
        formats: dict[tuple[int, int], Facts] = {}
        errors: dict[tuple[int, int], str] = {}
        for r in range(sheet.nrows):
            for c, ctype in enumerate(sheet.row_types(r)):
                if ctype == _NUMBER and (facts := by_xf[sheet.cell_xf_index(r, c)]) != (False, None):
                    formats[(r, c)] = facts
                elif ctype == _ERROR:
                    errors[(r, c)] = xlrd.error_text_from_code.get(sheet.cell_value(r, c), "#N/A")
        merged = [(first, column, last - 1) for first, last, column, _ in sheet.merged_cells if last - first > 1]
        book.unload_sheet(index)
        yield name, SheetFacts(CellFormats.of(formats), errors, merged=merged)
