"""What an OpenDocument spreadsheet (.ods) says of its cells beyond their values, read from its content.xml: which
cells are percentages (calamine gives 0.729 for a cell shown as 72.9%) and which cells are merged down."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

from defusedxml import ElementTree

from thplan.ingest.cellformats import CellFormats, Facts
from thplan.ingest.sheetxml import SheetFacts

_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CELLS = (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell")
#: Repeated rows with a percentage in them are written out no further than this (a sheet's filler rows repeat a
#: million times, and hold nothing).
MAX_REPEATED = 10_000


def _count(element: object, attribute: str) -> int:
    return int(element.get(f"{_TABLE}{attribute}", "1"))  # type: ignore[attr-defined]


def scan_ods(archive: zipfile.ZipFile) -> Iterator[tuple[str, SheetFacts]]:
    """Each sheet's name with its percentage cells and cells merged over several rows, a sheet at a time."""
    sheet = ""
    row = column = 0
    repeat = 1
    formats: dict[tuple[int, int], Facts] = {}
    merged: list[tuple[int, int, int]] = []
    with archive.open("content.xml") as xml:
        for event, element in ElementTree.iterparse(xml, events=("start", "end")):
            tag = element.tag
            if event == "start" and tag == f"{_TABLE}table":
                sheet, row, formats, merged = element.get(f"{_TABLE}name", ""), 0, {}, []
            elif event == "start" and tag == f"{_TABLE}table-row":
                column, repeat = 0, _count(element, "number-rows-repeated")
            elif event == "start" and tag in _CELLS:
                width = _count(element, "number-columns-repeated")
                if element.get(f"{_OFFICE}value-type") == "percentage":
                    for r in range(row, row + min(repeat, MAX_REPEATED)):
                        formats.update({(r, c): (True, None) for c in range(column, column + min(width, 1000))})
                if (span := _count(element, "number-rows-spanned")) > 1:
                    merged.append((row, column, row + span - 1))
                column += width
            elif event == "end" and tag == f"{_TABLE}table-row":
                row += repeat
                element.clear()
            elif event == "end" and tag == f"{_TABLE}table":
                yield sheet, SheetFacts(CellFormats.of(formats), merged=merged)
                element.clear()
