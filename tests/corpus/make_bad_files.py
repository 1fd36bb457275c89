"""Write the bad-input corpus (tests/fixtures/bad/): files an officer might upload by mistake, or an attacker on
purpose. Run: python tests/corpus/make_bad_files.py. Each file is described in tests/test_bad_input.py with the
message the importer must give."""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures" / "bad"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)


def _sheet(cells: int) -> str:
    refs = "".join(f'<c r="A{i}" t="s"><v>0</v></c>' for i in range(1, cells + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheetData><row r="1">{refs}</row></sheetData></worksheet>'
    )


def _workbook_zip(shared_strings: bytes, sheet: str, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", shared_strings)
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _shared(text: bytes) -> bytes:
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    )
    return head + b"<si><t>" + text + b"</t></si></sst>"


def _valid_workbook(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _lying_sizes(data: bytes) -> bytes:
    """Declare every part as 100 bytes long in the zip's headers, though they expand to far more."""
    patched = bytearray(data)
    start = 0
    while (at := patched.find(b"PK\x03\x04", start)) >= 0:
        struct.pack_into("<I", patched, at + 22, 100)
        start = at + 4
    start = 0
    while (at := patched.find(b"PK\x01\x02", start)) >= 0:
        struct.pack_into("<I", patched, at + 24, 100)
        start = at + 4
    return bytes(patched)


def _nested(data: bytes, depth: int) -> bytes:
    """The workbook with its sheet holding elements nested `depth` deep (an XML parser that recurses runs out)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                end = part.rindex(b"</")
                part = part[:end] + b"<x>" * depth + b"</x>" * depth + part[end:]
            archive.writestr(item, part)
    return out.getvalue()


def _rewritten(data: bytes, part: str, change: Callable[[bytes], bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item, change(source.read(item)) if item.filename == part else source.read(item))
    return out.getvalue()


def _hidden_data() -> bytes:
    """A note on the visible sheet; the table on a hidden one."""
    book = Workbook()
    book.active.append(["The figures are on the next sheet."])
    data = book.create_sheet("Data")
    data.append(["Measure", "Period", "Value"])
    data.append(["Employment Rate", "2022/23", 74.1])
    data.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _duplicate_parts(data: bytes) -> bytes:
    """The workbook with a second, different copy of its sheet under the same name (zip allows it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        sheet = source.read("xl/worksheets/sheet1.xml").replace(b"74.1", b"99.9")
        with warnings.catch_warnings():  # zipfile warns of the duplicate name: the point of this file
            warnings.simplefilter("ignore")
            archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def _old_workbook(rows: list[list[object]]) -> bytes:
    """An .xls workbook (BIFF8, written by xlwt)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Data")
    for r, line in enumerate(rows):
        for c, value in enumerate(line):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def files() -> dict[str, bytes]:
    rng = random.Random(20261124)
    good = _valid_workbook([["Measure", "Period", "Value"], ["Employment Rate", "2022/23", 74.1]])
    old = _old_workbook([["Measure", "Period", "Value"], ["Employment Rate", "2022/23", 74.1]])
    billion_laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
        b'<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol4;</t></si></sst>'
    )
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        archive.writestr("xl/workbook.xml", WORKBOOK)
        for i in range(600):
            archive.writestr(f"xl/media/image{i}.png", b"x")
    word = io.BytesIO()
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    xlsb = io.BytesIO()
    with zipfile.ZipFile(xlsb, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x00\x01")
    return {
        "empty.csv": b"",
        "empty.xlsx": b"",
        "truncated.xlsx": good[: len(good) * 3 // 5],
        "truncated.xls": old[: len(old) * 3 // 5],
        "garbled.xls": old[:512] + random.Random(7).randbytes(1024) + old[512 + 1024 :],
        "corrupt.xlsx": b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(4000)),
        "csv_named.xlsx": b"Measure,Period,Value\nEmployment Rate,2022/23,74.1\n",
        "image_named.csv": b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)),
        "binary_named.csv": bytes(rng.randrange(256) for _ in range(3000)),
        "password_protected.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512 * 8),
        "web_page_named.xlsx": b"<html><body><table><tr><td>Measure</td></tr></table></body></html>",
        "macro_enabled.xlsm": _workbook_zip(_shared(b"x"), _sheet(1), {"xl/vbaProject.bin": b"\x00" * 64}),
        "shared_string_bomb.xlsx": _workbook_zip(_shared(b"A" * 150_000_000), _sheet(10)),
        "lying_sizes.xlsx": _lying_sizes(_workbook_zip(_shared(b"B" * 20_000_000), _sheet(10))),
        "entity_expansion.xlsx": _workbook_zip(billion_laughs, _sheet(1)),
        "many_parts.xlsx": many.getvalue(),
        "word_document_named.xlsx": word.getvalue(),
        "binary_workbook.xlsx": xlsb.getvalue(),
        "no_table.xlsx": _valid_workbook([["Dear colleague,"], ["Please find the figures attached."]]),
        "no_table.csv": b"Dear colleague,\nPlease find the figures attached.\n",
        "duplicate_rows.csv": b"Measure,Period,Value\nEmployment Rate,2022/23,74.1\nEmployment Rate,2022/23,75.0\n",
        "unknown_polarity.csv": b"Measure,Period,Value,Polarity\nEmployment Rate,2022/23,74.1,Up is good\n",
        "bad_value.xlsx": _valid_workbook(
            [
                ["Good jobs and employment"],
                ["Measure", "Polarity", "2021/22", "2022/23"],
                ["Employment Rate", "Higher is better", 0.729, "seventy-four"],
            ]
        ),
        "impossible_period.csv": b"Measure,Period,Value\nEmployment Rate,2022/24,74.1\n",
        "impossible_period.xlsx": _valid_workbook([["Measure", "Year", "Value"], ["Employment Rate", "2022/21", 74.1]]),
        "blank_measure.xlsx": _valid_workbook(
            [
                ["Measure", "2021/22", "2022/23"],
                ["Employment Rate", 72.9, 74.1],
                ["Jobs growth", 1.2, 2.5],
                [None, 70.5, 71.5],
            ]
        ),
        "huge_number.csv": b"Measure,2021/22,2022/23\nEmployment Rate,64.7%," + b"9" * 400 + b"%\n",
        "header_only.csv": b"Measure,Period,Value\n",
        "blank_period.csv": b"Measure,Period,Value\nEmployment Rate,,74.1\n",
        "formula_no_result.xlsx": _valid_workbook(
            [["Measure", "Period", "Value"], ["Employment Rate", "2022/23", "=70+4"]]
        ),
        "duplicate_parts.xlsx": _duplicate_parts(good),
        "mixed_encoding.csv": "Measure,Period,Value\nResidents’ satisfaction,2022/23,61\n".encode()
        + "Résidents,2022/23,62\n".encode("cp1252"),
        "nul_after_4k.csv": b"Measure,Period,Value\n"
        + b"Employment Rate,2022/23,74.1\n" * 200
        + b"Jobs\x00,2022/23,1\n",
        "over_long_field.csv": b'Measure,Period,Value,Note\nEmployment Rate,2022/23,74.1,"' + b"x" * 200_000 + b'"\n',
        "ambiguous_decimals.csv": b"Measure;Period;Value\nEmployment Rate;2022/23;1.234\nJobs growth;2022/23;2,500\n",
        "mixed_decimals.csv": b"Measure;Period;Value\nEmployment Rate;2022/23;74,1\nJobs growth;2022/23;2.5\n",
        "deeply_nested.xlsx": _nested(good, 100_000),
        "bad_xml.xlsx": _rewritten(good, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(b"</sheetData>", b"")),
        "hidden_data.xlsx": _hidden_data(),
        "date_headers.xlsx": _valid_workbook(
            [["Measure", datetime(2022, 6, 15), datetime(2023, 6, 15)], ["Employment Rate", 72.9, 74.1]]
        ),
        "control_characters.csv": b"Measure,Period,Value,Note\n"
        b"Employment\x1b[31m Rate\x07,2022/23,74.1,ok\x1b]0;title\x07\n",
        "blank_measure.csv": b"Measure,2021/22,2022/23\nEmployment Rate,72.9,74.1\nJobs growth,1.2,2.5\n,70.5,71.5\n",
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, content in files().items():
        (OUT / name).write_bytes(content)
    print(f"wrote {len(files())} files to {OUT}")


if __name__ == "__main__":
    main()
