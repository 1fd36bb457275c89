"""Open an uploaded file: refuse what is not a readable spreadsheet, then read its cells' values.

The kind of file is decided by its content, never by its name: an .xlsx is a zip with a workbook inside, a CSV
is text. Zip archives are checked (parts, expanded size, compression ratio) before any XML is parsed. Nothing here
loads numpy or an XML library, so the reading process that runs it starts at once (reader.py adds the formats).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import TypeVar

from thplan.formula import CONTROL, strip_control
from thplan.ingest.decimals import with_decimal_points
from thplan.ingest.problems import Rejected, refuse
from thplan.ingest.xls import is_xls, xls_sheets

MAX_BYTES = 256 * 1024 * 1024  # the command line; the upload page allows less (ui/upload.py)
MAX_ZIP_PARTS = 500
MAX_EXPANDED_BYTES = 300 * 1024 * 1024
MAX_PART_RATIO = 100
MAX_SHARED_STRINGS_BYTES = 100 * 1024 * 1024
MAX_CELLS = 20_000_000
T = TypeVar("T")
#: A sheet's name ("" for a CSV file) and its rows of values.
#: A sheet's name and rows; None for the rows of a hidden worksheet (named, so a refusal can say it was not read).
Sheet = tuple[str, list[list[object]] | None]

_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


def _brief(exc: Exception) -> str:
    """A library's error in one short line, for the officer's message."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if len(text) <= 100 else text[:97] + "..."


def content_kind(data: bytes) -> str:
    """What a file is, from its first bytes: 'zip', 'ole', 'html', 'text', or a description of something else."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    for signature, kind in _SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "not text (it holds binary data)"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype html", b"<?xml", b"<table")):
        return "html"
    return "text"


def sheets(data: bytes, name: str) -> Iterator[Sheet]:
    """Every visible worksheet's values, a sheet at a time, or the one table of a CSV file. The content decides;
    a name that says otherwise is refused, because a mislabelled file is usually the wrong file."""
    kind = check(data, name)
    if kind in ("zip", "ods"):
        yield from opened(name, _workbook_sheets(data, name))
    elif kind == "xls":
        yield from opened(name, xls_sheets(data, MAX_CELLS, lambda: _too_many_cells(name)))
    else:
        yield "", _csv_rows(data, name)


def check(data: bytes, name: str) -> str:
    """What the file is ('zip' or 'text'), or Rejected with why it cannot be read."""
    if not data:
        raise refuse(name, "The file is empty. Export the table again and upload the saved file.")
    if len(data) > MAX_BYTES:
        raise refuse(name, f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB. Split it into smaller files.")
    kind = content_kind(data)
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if kind == "ole" and is_xls(data):
        if suffix in ("csv", "txt", "tsv"):
            raise refuse(name, f"The file is named .{suffix} but is an old Excel workbook (.xls). Rename it to "
                         ".xls, or save it as CSV from Excel.")  # fmt: skip
        return "xls"
    if kind == "ole" and "EncryptedPackage".encode("utf-16-le") in data:
        raise refuse(name, "This is a password-protected workbook. Remove the password, save it as an Excel "
                     "Workbook (.xlsx) and upload that.")  # fmt: skip
    if kind == "ole":
        raise refuse(name, "This is an old-style Office file in which no workbook can be found: it is damaged, "
                     "password-protected or not a spreadsheet. Open it in Excel, save it as an Excel Workbook "
                     "(.xlsx) and upload that.")  # fmt: skip
    if kind == "html":
        raise refuse(name, "This is a web page (HTML or XML), not a spreadsheet, even if its name says otherwise. "
                     "Open it in Excel and save it as an Excel Workbook (.xlsx).")  # fmt: skip
    if kind not in ("zip", "text"):
        raise refuse(name, f"This file is {kind}, not a spreadsheet. Upload an .xlsx or .csv file.")
    if kind == "zip" and suffix in ("csv", "txt", "tsv"):
        raise refuse(name, f"The file is named .{suffix} but is an Excel workbook. Rename it to .xlsx, or save it "
                     "as CSV from Excel.")  # fmt: skip
    if kind == "zip" and _is_ods(data):
        return "ods"
    if kind == "text" and suffix in ("xlsx", "xlsm", "xls", "ods"):
        raise refuse(name, f"The file is named .{suffix} but is not an Excel workbook: it is plain text (CSV?). "
                     "Rename it to .csv if it is a CSV export, or save it from Excel as a Workbook.")  # fmt: skip
    return kind


_ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def _is_ods(data: bytes) -> bool:
    """An OpenDocument spreadsheet: a zip whose first part, 'mimetype', says so (as the standard requires)."""
    named, extra = int.from_bytes(data[26:28], "little"), int.from_bytes(data[28:30], "little")
    start = 30 + named + extra
    return data[30 : 30 + named] == b"mimetype" and data[start : start + len(_ODS)] == _ODS


def check_zip(archive: zipfile.ZipFile, name: str) -> None:
    """Rejected when a zip is not a plain workbook or would expand beyond what a real one does."""
    parts = archive.infolist()
    if len(parts) > MAX_ZIP_PARTS:
        raise refuse(name, f"The workbook has {len(parts)} parts (more than {MAX_ZIP_PARTS}); it is not a normal "
                     "spreadsheet. Copy the tables into a new workbook.")  # fmt: skip
    names = {p.filename for p in parts}
    if len({n.lower() for n in names}) < len(parts):  # which copy a reader takes differs between readers
        seen: set[str] = set()
        twice = next(p.filename for p in parts if p.filename.lower() in seen or seen.add(p.filename.lower()))
        raise refuse(name, f"The workbook holds two parts named {twice}, which Excel never writes: which one is "
                     "read would be a guess. The file was refused for safety; save it again in Excel.")  # fmt: skip
    ods = "content.xml" in names and "mimetype" in names
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and not ods:
        raise refuse(name, "This is a zip file but not an Excel workbook. Upload an .xlsx or .csv file.")
    if "xl/workbook.bin" in names:
        raise refuse(name, "This is a binary Excel workbook (.xlsb). Save it as an Excel Workbook (.xlsx).")
    if any(p.filename.lower().endswith("vbaproject.bin") for p in parts):
        raise refuse(name, "This workbook contains macros (.xlsm). Save it as an Excel Workbook (.xlsx) without "
                     "macros and upload that.")  # fmt: skip
    total = 0
    for part in parts:
        total += part.file_size
        if part.flag_bits & 0x1:
            raise refuse(name, "The workbook is encrypted. Remove the password and upload it again.")
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > 1_000_000 and ratio > MAX_PART_RATIO:
            raise refuse(name, f"The workbook part {part.filename} expands {ratio:.0f} times when opened, which "
                         "real spreadsheets never do. The file was refused for safety.")  # fmt: skip
        if part.filename == "xl/sharedStrings.xml" and part.file_size > MAX_SHARED_STRINGS_BYTES:
            raise refuse(name, "The workbook's shared text is too large to read safely.")
    if total > MAX_EXPANDED_BYTES:
        raise refuse(name, f"The workbook expands to {total // (1024 * 1024)} MB when opened (more than "
                     f"{MAX_EXPANDED_BYTES // (1024 * 1024)} MB). Split it into smaller files.")  # fmt: skip


def opened(name: str, read: Iterator[T]) -> Iterator[T]:
    """What `read` reads from a workbook; a damaged one is Rejected with a message, whatever the library raised."""
    try:
        yield from read
    except Rejected:
        raise
    except zipfile.BadZipFile:
        raise refuse(name, "The workbook is damaged or incomplete (it is not a valid zip file). Save it again "
                     "in Excel and upload the new file.") from None  # fmt: skip
    except Exception as exc:  # the libraries raise many kinds on damaged files
        raise refuse(name, f"The workbook cannot be read ({_brief(exc)}). Save it again in Excel "
                     "as an Excel Workbook (.xlsx) and upload the new file.") from None  # fmt: skip


def _workbook_sheets(data: bytes, name: str) -> Iterator[Sheet]:
    """Every visible worksheet's values, read by calamine (several times faster than openpyxl); a hidden one by
    its name alone."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_zip(archive, name)
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    cells = 0
    for meta in book.sheets_metadata:
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        if meta.visible != SheetVisibleEnum.Visible:
            yield meta.name, None
            continue
        rows: list[list[object]] = []
        try:
            lines = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine names the XML element it choked on, and nothing else
            if type(exc).__name__ != "XmlError":
                raise
            raise refuse(name, f"The sheet '{meta.name}' is damaged: its XML is not well formed ({_brief(exc)}), "
                         "so the program that wrote it did not finish it. Open the workbook in Excel, save it again "
                         "and upload the new file.") from None  # fmt: skip
        for line in lines:
            values = _as_openpyxl_reads(line) if "" in line or date in set(map(type, line)) else line
            while values and values[-1] is None:
                values.pop()
            rows.append(values)
            cells += len(line)
            if cells > MAX_CELLS:
                raise _too_many_cells(name)
        while rows and not rows[-1]:
            rows.pop()
        yield meta.name, rows


def _too_many_cells(name: str) -> Rejected:
    return refuse(name, f"The workbook has more than {MAX_CELLS:,} cells. Split it into smaller files.")


def _as_openpyxl_reads(line: list[object]) -> list[object]:
    """calamine gives "" for an empty cell and a date for a date cell; openpyxl gave None and a datetime."""
    return [None if v == "" else (datetime(v.year, v.month, v.day) if v.__class__ is date else v) for v in line]  # type: ignore[attr-defined]


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _line_of(data: bytes, at: int) -> int:
    return data.count(b"\n", 0, at) + 1


def _decode(data: bytes, name: str) -> str:
    """The text of a CSV file: UTF-8 (with or without its byte-order mark), UTF-16 with its mark, or Windows-1252;
    a file that mixes UTF-8 with another encoding is refused, naming its first line that is not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refuse(
                name, "The file starts as UTF-16 text but is not UTF-16 throughout. Export it again."
            ) from None
    if (nul := data.find(b"\x00")) >= 0:
        line = _line_of(data, nul)
        raise refuse(name, f"This file is not text and not an Excel workbook (line {line} holds a NUL byte). "
                     "Upload an .xlsx or .csv file.")  # fmt: skip
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if body is not data or _UTF8_SEQUENCE.search(body, 0, exc.start):
            raise refuse(name, f"The file mixes text encodings: it is UTF-8 up to line {_line_of(body, exc.start)}, "
                         "which is not (text pasted from a file in another encoding, such as Windows-1252). Save "
                         "it again as CSV UTF-8 and upload the new file.") from None  # fmt: skip
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the same number of fields most often (and into most): read
    as RFC 4180 reads them, so a delimiter inside quotes does not count."""
    best, score = ",", (0, 0)
    for candidate in (",", ";", "\t", "|"):
        widths = [len(fields) for fields in csv.reader(lines, delimiter=candidate) if len(fields) > 1]
        if widths:
            common = max(set(widths), key=widths.count)
            if (found := (widths.count(common), common)) > score:
                best, score = candidate, found
    return best


def _csv_rows(data: bytes, name: str) -> list[list[object]]:
    text = _decode(data, name)
    delimiter = _delimiter(text[:20000].splitlines()[:50])
    seen: dict[str, str] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)  # RFC 4180: "" is a quote in quotes
    rows: list[list[object]] = []
    try:
        # One object per distinct text: the grid crosses a process boundary, and pickle sends a repeat as a reference.
        for fields in reader:
            rows.append([seen.setdefault(v, v) for v in fields])
    except csv.Error as exc:
        raise refuse(name, f"Row {len(rows) + 1} of the CSV file cannot be read (line {reader.line_num}: {exc}). "
                     "Export it again from the source.") from None  # fmt: skip
    # Control characters (ESC, BEL) are never meant in a name or a note: removed, looked for once per distinct text.
    if dirty := {v: strip_control(v) for v in seen if CONTROL.search(v)}:
        rows = [[dirty.get(v, v) for v in line] for line in rows]  # type: ignore[call-overload]
    while rows and not any(str(v).strip() for v in rows[-1]):
        rows.pop()
    return with_decimal_points(rows, [dirty.get(v, v) for v in seen] if dirty else seen, delimiter, name)
