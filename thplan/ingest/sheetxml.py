"""What calamine does not tell about a workbook's cells, read straight from the sheets' XML: number formats and
error values.

calamine reads cell values fast but not their formats, and a format changes what a number means: 0.647 in a cell
formatted as a percentage is 64.7%, and "0.00" says the figure is published with two decimals. It also reads an
error cell ("#N/A") as empty, where officers mean "not available". Only the styles that carry such facts and the
error cells are looked for, so a sheet is scanned at C speed (regular expressions over its XML).
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
from defusedxml import ElementTree

from thplan.ingest.cellformats import PLAIN, CellFormats, Facts

#: Excel's built-in number formats that state decimals or a percentage (ids 0, 12-22 and 45-47 do not).
BUILTIN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
           37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
           40: "#,##0.00;[Red](#,##0.00)", 48: "##0.0E+0"}  # fmt: skip
_LETTERS = {chr(65 + i): i + 1 for i in range(26)}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attribute(element: object, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace (transitional and strict OOXML differ)."""
    for key, value in element.attrib.items():  # type: ignore[attr-defined]
        if _local(key) == name:
            return str(value)
    return None


def _children(root: object, name: str) -> list[object]:
    return [e for e in root.iter() if _local(e.tag) == name]  # type: ignore[attr-defined]


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode("ascii"):
        number = number * 26 + _LETTERS[letter]
    return number


def _sheet_parts(archive: zipfile.ZipFile) -> tuple[dict[str, str], str]:
    """Each sheet's name -> its XML part, and the styles part."""
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets, styles = {}, "xl/styles.xml"
    for rel in _children(rels, "Relationship"):
        target = _attribute(rel, "Target") or ""
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[_attribute(rel, "Id") or ""] = path
        if (_attribute(rel, "Type") or "").endswith("/styles"):
            styles = path
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheets = {_attribute(s, "name") or "": targets.get(_attribute(s, "id") or "", "") for s in _children(book, "sheet")}
    return sheets, styles


def _styles_with_facts(archive: zipfile.ZipFile, part: str, facts_of: Callable[[str], Facts]) -> dict[int, Facts]:
    """Cell style index -> (percentage, decimals), for the styles whose number format says either."""
    if part not in archive.namelist():
        return {}
    root = ElementTree.fromstring(archive.read(part))
    codes = dict(BUILTIN)
    for fmt in _children(root, "numFmt"):
        codes[int(_attribute(fmt, "numFmtId") or 0)] = _attribute(fmt, "formatCode") or ""
    found = {}
    cell_xfs = next(iter(_children(root, "cellXfs")), None)
    for index, xf in enumerate(_children(cell_xfs, "xf") if cell_xfs is not None else []):
        code = codes.get(int(_attribute(xf, "numFmtId") or 0))
        facts = facts_of(code) if code else (False, None)
        if facts != (False, None):
            found[index] = facts
    return found


_REF = rb'<(?:\w+:)?c r="([A-Z]{1,3})([0-9]+)"'
_ROW = re.compile(rb"<(?:\w+:)?row\s[^>]*>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\sr="([0-9]+)"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell ref="([A-Z]{1,3})([0-9]+):[A-Z]{1,3}([0-9]+)"')
# A cell whose only content is a formula (an empty value at most): written by a program that did not calculate it.
# An empty value is a real result only for a formula that gives text (t="str": =IF(A1, "", ...)).
_UNSAVED = re.compile(
    _REF + rb"([^>/]*)>\s*<(?:\w+:)?f(?:[^>]*/>|[^>]*>([^<]*)</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_ERROR = re.compile(_REF + rb'[^>]*?\st="e"[^>]*>(?:(?!</(?:\w+:)?c>).)*?<(?:\w+:)?v>([^<]*)</', re.DOTALL)


@dataclass
class SheetFacts:
    #: (row, column) 0-based -> (formatted as a percentage, decimals shown), for cells styled so.
    formats: CellFormats = field(default_factory=lambda: CellFormats.of({}))
    #: (row, column) 0-based -> the error a cell shows ("#N/A").
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Cells holding a formula whose result the file does not hold (0-based row and column, the formula).
    unsaved: list[tuple[int, int, str]] = field(default_factory=list)
    #: Merged cells spanning more than one row, 0-based and inclusive: (first row, column, last row).
    merged: list[tuple[int, int, int]] = field(default_factory=list)
    #: Rows hidden in the workbook (0-based): an officer who hid them did not mean them to be read.
    hidden_rows: list[int] = field(default_factory=list)


def scan(
    archive: zipfile.ZipFile, facts_of: Callable[[str], Facts]
) -> Iterator[tuple[str, SheetFacts | None]]:  # fmt: skip
    """Each sheet's name with its cells' number-format facts and error values, a sheet at a time (its XML is read
    only then: together a workbook's sheets are tens of MB, and memory newly touched costs time). None for a sheet
    that writes its cells without references first (allowed, rare): read that sheet another way."""
    sheets, styles = _sheet_parts(archive)
    names = set(archive.namelist())
    interesting = _StyleCodes.of(_styles_with_facts(archive, styles, facts_of))
    for name, part in sheets.items():
        yield name, _sheet_facts(archive.read(part) if part in names else b"", interesting)


@dataclass(frozen=True)
class _StyleCodes:
    """The styles whose number format states facts, worked out once per workbook for all its sheets."""

    ids: bytes  # the style numbers as a regular expression's alternatives (b"3|12"); empty when there are none
    kinds: list[Facts]  # PLAIN first
    kind_of_style: np.ndarray  # style number -> position in `kinds`

    @classmethod
    def of(cls, interesting: dict[int, Facts]) -> _StyleCodes:
        kinds = [PLAIN, *sorted(set(interesting.values()), key=repr)]
        kind_of_style = np.zeros(max(interesting, default=0) + 1, dtype=np.int8)
        for style, facts in interesting.items():
            kind_of_style[style] = kinds.index(facts)
        return cls(b"|".join(str(i).encode() for i in sorted(interesting)), kinds, kind_of_style)


def _sheet_facts(xml: bytes, styles: _StyleCodes) -> SheetFacts | None:
    """One sheet's facts from its XML; None when its cells do not all start with their reference."""
    tag = _cell_tag(xml)
    if not _cells_have_references(xml, tag):
        return None
    # One group from the reference to the style (a list of texts, not of tuples), taken apart by numpy; the cell's
    # tag written out in full lets the search skip from cell to cell (twice as fast as any tag).
    styled = re.compile(re.escape(tag) + rb'(r="[A-Z]{1,3}[0-9]+"[^>]*?\ss="(?:' + styles.ids + rb')")')
    found = SheetFacts()
    if styles.ids and (cells := styled.findall(xml)):
        rows, columns, numbers = _take_apart(cells)
        found.formats = CellFormats(rows, columns, styles.kind_of_style[numbers], styles.kinds)
    if b't="e"' in xml:
        shown = _ERROR.findall(xml)
        found.errors = {(int(r) - 1, _column_number(c) - 1): v.decode("utf-8", "replace") for c, r, v in shown}
    if b"<f" in xml or b":f" in xml:
        found.unsaved = [(int(r) - 1, _column_number(c) - 1, html.unescape(f.decode("utf-8", "replace")))
                         for c, r, attributes, f in _UNSAVED.findall(xml) if b't="str"' not in attributes]  # fmt: skip
    if b'hidden="1"' in xml or b'hidden="true"' in xml:
        found.hidden_rows = [int(m.group(1)) - 1 for tag in _ROW.findall(xml) if _HIDDEN.search(tag)
                             if (m := _ROW_NUMBER.search(tag))]  # fmt: skip
    if b"mergeCell " in xml:
        spans = ((int(r) - 1, _column_number(c) - 1, int(last) - 1) for c, r, last in _MERGE.findall(xml))
        found.merged = [span for span in spans if span[2] > span[0]]
    return found


def _cell_tag(xml: bytes) -> bytes:
    """How a sheet opens its cells: b"<c ", or with the namespace prefix its root element uses (b"<x:c ")."""
    prefix = re.match(rb"\s*(?:<\?xml[^>]*\?>\s*)?<(\w+:)?worksheet", xml)
    return b"<" + ((prefix.group(1) or b"") if prefix else b"") + b"c "


def _cells_have_references(xml: bytes, tag: bytes) -> bool:
    """Whether every cell of a sheet starts with its reference (<c r="B4" ...>): one pass, not two counts."""
    return re.search(re.escape(tag) + rb'(?!r=")', xml) is None


def _take_apart(tags: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """0-based rows and columns and the style numbers of texts like b'r="D4" t="n" s="12"', a byte position at a
    time for all of them at once (a Python call per cell cost a second per million cells)."""
    table = np.array(tags)
    bytes_ = table.view(np.uint8).reshape(len(tags), table.itemsize)
    count, width = bytes_.shape
    rows, columns = np.zeros(count, np.int64), np.zeros(count, np.int64)
    inside = np.ones(count, bool)
    for position in range(3, min(width, 14)):  # after r=": at most 3 letters and 7 digits, then a quote
        byte = bytes_[:, position].astype(np.int64)
        inside &= byte != ord('"')
        letter = inside & (byte >= ord("A"))
        columns[letter] = columns[letter] * 26 + byte[letter] - (ord("A") - 1)
        digit = inside & ~letter
        rows[digit] = rows[digit] * 10 + byte[digit] - ord("0")
    ends = np.count_nonzero(bytes_, axis=1) - 1  # each text ends with the style's closing quote; numpy pads with 0
    styles, digits, every = np.zeros(count, np.int64), np.ones(count, bool), np.arange(count)
    for back in range(1, 7):
        byte = bytes_[every, np.maximum(ends - back, 0)].astype(np.int64)
        digits &= (byte >= ord("0")) & (byte <= ord("9"))
        styles[digits] += (byte[digits] - ord("0")) * 10 ** (back - 1)
    return (rows - 1).astype(np.int32), (columns - 1).astype(np.int32), styles
