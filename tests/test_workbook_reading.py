"""Workbooks are read by calamine, with number formats and error cells taken from the sheet XML: what the importer
sees must be what openpyxl (the slow, complete reader) sees, whatever wrote the file."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from thplan.dataset import DATA_DIR
from thplan.ingest.grid import number_format_facts
from thplan.ingest.reader import read_grids
from thplan.ingest.sheetxml import _take_apart

from .conftest import SAMPLES, do_import


def openpyxl_grids(data: bytes) -> dict[str, tuple[list[list[object]], dict[tuple[int, int], tuple[bool, int | None]]]]:
    """The reference: every visible sheet's values and number-format facts as openpyxl reads them (in full mode,
    which, unlike read-only mode, does not trust a sheet's stated dimensions), with a merged cell's text in each
    row it spans, as the importer reads them."""
    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    result = {}
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        rows, formats = [], {}
        for r, row in enumerate(sheet.iter_rows(min_row=1, min_col=1)):
            values = []
            for c, cell in enumerate(row):
                value = getattr(cell, "value", None)
                values.append(value)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    facts = number_format_facts(getattr(cell, "number_format", None))
                    if facts != (False, None):
                        formats[(r, c)] = facts
            rows.append(values)
        for merge in sheet.merged_cells.ranges:
            value = rows[merge.min_row - 1][merge.min_col - 1]
            for r in range(merge.min_row, merge.max_row) if isinstance(value, str) else ():
                rows[r][merge.min_col - 1] = value
        for values in rows:
            while values and values[-1] is None:
                values.pop()
        while rows and not rows[-1]:
            rows.pop()
        result[sheet.title] = (rows, formats)
    book.close()
    return result


def numeric_formats(formats: dict[tuple[int, int], object], rows: list[list[object]]) -> dict[tuple[int, int], object]:
    """The facts of the numeric cells (only those matter, and only those openpyxl reports)."""
    return {
        (r, c): facts
        for (r, c), facts in formats.items()
        if r < len(rows)
        and c < len(rows[r])
        and isinstance(rows[r][c], int | float)
        and not isinstance(rows[r][c], bool)
    }


def same_values(ours: list[list[object]], theirs: list[list[object]]) -> bool:
    """Equal cell by cell; calamine gives 12.0 where openpyxl gives 12 (the same number)."""
    return len(ours) == len(theirs) and all(
        len(a) == len(b) and all(x == y and type(x) in (type(y), float, int) for x, y in zip(a, b, strict=True))
        for a, b in zip(ours, theirs, strict=True)
    )


def a_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["C3"], sheet["D3"], sheet["E3"] = "Measure", 2017, "2018/19"
    sheet["C4"], sheet["D4"], sheet["E4"] = "Employment rate", 0.647, 12
    sheet["D4"].number_format = "0.0%"
    sheet["F4"], sheet["G4"], sheet["H4"] = True, date(2020, 1, 2), 1.5
    sheet["H4"].number_format = "0.00"
    sheet["I4"], sheet["J4"] = 1031.0, "Data not published"
    sheet["I4"].number_format = "#,##0"
    sheet["K4"] = 0.42
    sheet["K4"].number_format = "0%"
    hidden = book.create_sheet("Hidden")
    hidden["A1"] = "not read"
    hidden.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(data: bytes, part: str, change: callable) -> bytes:  # type: ignore[valid-type]
    """The workbook with one of its XML parts changed (as other programs write them)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, change(content) if item.filename == part else content)
    return out.getvalue()


def with_errors(data: bytes) -> bytes:
    """Error cells with their cached values, as Excel saves '=1/0' and '=NA()'."""
    return rewrite(data, "xl/worksheets/sheet1.xml", lambda xml: xml.replace(
        b'</row></sheetData>', b'<c r="L4" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
        b'<c r="M4" t="e"><f>NA()</f><v>#N/A</v></c></row></sheetData>'))  # fmt: skip


def without_references(data: bytes) -> bytes:
    """Cells written without their r="A1" reference (allowed by the standard, used by some generators)."""
    return rewrite(data, "xl/worksheets/sheet1.xml", lambda xml: re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", xml))


def without_one_reference(data: bytes) -> bytes:
    """One cell, the last, written without its reference among cells that have theirs."""
    last_reference = re.compile(rb'(.*)<c r="[A-Z]+[0-9]+"', re.DOTALL)  # greedy: the last cell's
    return rewrite(data, "xl/worksheets/sheet1.xml", lambda xml: last_reference.sub(rb"\1<c", xml, count=1))


def with_prefixes(data: bytes) -> bytes:
    """The sheet written with a namespace prefix on every element (<x:c r="A1">), as .NET tools do."""

    def prefixed(xml: bytes) -> bytes:
        xml = re.sub(rb"<(/?)([a-zA-Z]+)([ >/])", rb"<\1x:\2\3", xml)
        return xml.replace(b"xmlns=", b"xmlns:x=", 1)

    return rewrite(data, "xl/worksheets/sheet1.xml", prefixed)


def many_formats() -> bytes:
    """Fifteen number formats (style numbers of two digits), in columns far to the right (three letters)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet["A1"] = "Measure"
    codes = ["0", "0.0", "0.00", "0.000", "0%", "0.0%", "0.00%", "#,##0", "#,##0.0", "#,##0.00", "0.0000",
             "0.000%", "#,##0.000", "0.0;-0.0", '0.0" pts"']  # fmt: skip
    for number, code in enumerate(codes):
        for row in (2, 9, 30):
            cell = sheet.cell(row=row, column=700 + number, value=row + number / 7)
            cell.number_format = code
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_type_before_style(data: bytes) -> bytes:
    """Cell attributes in another order (<c r="A1" t="n" s="3">): XML does not fix their order."""
    return rewrite(data, "xl/worksheets/sheet1.xml", lambda xml: re.sub(rb'(s="[0-9]+") (t="n")', rb"\2 \1", xml))


@pytest.mark.parametrize(
    "make",
    [a_workbook, lambda: with_errors(a_workbook()), lambda: without_references(a_workbook()),
     lambda: without_one_reference(a_workbook()), lambda: with_prefixes(a_workbook()), many_formats,
     lambda: with_type_before_style(many_formats())],
    ids=["openpyxl-written", "error-cells-from-excel", "cells-without-references", "one-cell-without-reference",
         "namespace-prefixed-cells", "fifteen-formats-far-right", "type-before-style"],
)  # fmt: skip
def test_a_workbook_reads_as_openpyxl_reads_it(make):
    data = make()
    grids = read_grids(data, "book.xlsx")
    reference = openpyxl_grids(data)
    assert [g.sheet for g in grids if not g.hidden] == list(reference) == ["Data"]
    assert all(not g.rows for g in grids if g.hidden)  # a hidden sheet is named, not read
    rows, formats = reference["Data"]
    assert same_values(grids[0].rows, rows), (grids[0].rows, rows)
    assert formats and numeric_formats(grids[0].formats, rows) == formats


@pytest.mark.parametrize(
    "plain", ["Data", "Second"], ids=["first-sheet-without-references", "second-sheet-without-references"]
)
def test_a_sheet_without_references_beside_one_with_them_reads_as_openpyxl_reads_them(plain):
    book = openpyxl.load_workbook(io.BytesIO(a_workbook()))
    second = book.copy_worksheet(book["Data"])
    second.title, second["K4"].number_format = "Second", "0.000"
    out = io.BytesIO()
    book.save(out)
    part = {"Data": "xl/worksheets/sheet1.xml", "Second": "xl/worksheets/sheet3.xml"}[plain]
    data = rewrite(out.getvalue(), part, lambda xml: re.sub(rb'<c r="[A-Z]+[0-9]+"', b"<c", xml))
    grids = read_grids(data, "book.xlsx")
    reference = openpyxl_grids(data)
    grids = [g for g in grids if not g.hidden]
    assert [g.sheet for g in grids] == list(reference) == ["Data", "Second"]
    for grid in grids:
        rows, formats = reference[grid.sheet]
        assert same_values(grid.rows, rows) and formats and numeric_formats(grid.formats, rows) == formats


@pytest.mark.parametrize(
    ("tag", "row", "column", "style"),
    [(b'r="A1" s="1"', 0, 0, 1), (b'r="XFD1048576" s="12"', 1048575, 16383, 12),
     (b'r="AB12" t="n" s="105"', 11, 27, 105), (b'r="Z9" cm="1" s="64999"', 8, 25, 64999)],
    ids=["first-cell", "last-cell-of-a-sheet", "type-between", "other-attribute-and-a-five-digit-style"],
)  # fmt: skip
def test_a_formatted_cell_s_reference_and_style_are_read_from_its_tag(tag, row, column, style):
    rows, columns, styles = _take_apart([b'r="B2" s="7"', tag])  # read together with another, as a sheet is
    assert (rows[1], columns[1], styles[1]) == (row, column, style)
    assert (rows[0], columns[0], styles[0]) == (1, 1, 7)


def test_error_cells_are_what_excel_shows_and_read_as_missing_markers(make_store, tmp_path):
    grid = read_grids(with_errors(a_workbook()), "book.xlsx")[0]
    assert grid.rows[3][11:13] == ["#DIV/0!", "#N/A"]
    assert isinstance(grid.rows[3][6], datetime)  # a date cell is a datetime, as openpyxl gives it


def test_a_percentage_formatted_cell_imports_as_a_percentage(make_store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Measure", "Polarity", "2020/21", "2021/22"])
    sheet.append(["Employment rate", "Higher is better", 0.647, 0.7295])
    sheet["C2"].number_format = sheet["D2"].number_format = "0.0%"
    path = tmp_path / "percent.xlsx"
    book.save(path)
    result = do_import(make_store(), path)
    values = result.changes("new").set_index("period")
    assert values.loc["2020/21", "value"] == 64.7 and values.loc["2021/22", "value"] == 72.95
    assert values.loc["2021/22", "decimals"] == 1  # published as 73.0%: one decimal shown


@pytest.mark.parametrize(
    "path",
    [*sorted(DATA_DIR.glob("*.xlsx")), *sorted(SAMPLES.glob("*.xlsx"))],
    ids=lambda p: Path(p).name,
)
def test_the_real_workbooks_read_as_openpyxl_reads_them(path):
    data = Path(path).read_bytes()
    reference = openpyxl_grids(data)
    grids = read_grids(data, Path(path).name)
    assert sorted(g.sheet for g in grids if not g.hidden) == sorted(reference)  # every visible sheet, and no other
    for grid in (g for g in grids if not g.hidden):
        assert grid.rows  # a hidden sheet is named, not read
        rows, formats = reference[grid.sheet]
        assert same_values(grid.rows, rows), grid.sheet
        assert numeric_formats(grid.formats, rows) == formats


@pytest.mark.parametrize("make", [lambda: with_errors(a_workbook()), many_formats], ids=["error-cells", "formats"])
def test_a_large_workbook_read_by_two_processes_at_once_is_what_one_reader_reads(make, monkeypatch):
    from thplan.ingest import sandbox

    data = make()
    jobs, process = [], sandbox._Process
    monkeypatch.setattr(sandbox, "SPLIT_BYTES", -1)  # as if the workbook were large
    monkeypatch.setattr(sandbox, "_Process", lambda reading, job: jobs.append(job) or process(reading, job))
    grids = sandbox.read_grids_safely(data, "book.xlsx")
    assert jobs == ["values", "facts"]  # the values and the formats came from two processes
    expected = read_grids(data, "book.xlsx")
    assert [(g.sheet, g.rows, sorted(g.formats.items())) for g in grids] == [
        (g.sheet, g.rows, sorted(g.formats.items())) for g in expected
    ]


def test_a_reading_streamed_by_several_threads_at_once_gives_each_every_sheet_in_order(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    from thplan.ingest import sandbox

    book = openpyxl.Workbook()
    for number in range(6):
        sheet = book.active if number == 0 else book.create_sheet()
        sheet.title = f"Sheet {number}"
        sheet.append(["Measure", "2021/22"])
        sheet.append([f"Indicator {number}", number + 0.5])
    written = io.BytesIO()
    book.save(written)
    monkeypatch.setattr(sandbox, "SPLIT_BYTES", -1)  # two processes: each sheet waits on both
    reading = sandbox.Reading(written.getvalue(), "book.xlsx")
    with ThreadPoolExecutor(4) as pool:
        seen = list(pool.map(lambda _: [(g.sheet, g.rows[1]) for g in reading.stream()], range(4)))
    assert seen == [[(f"Sheet {n}", [f"Indicator {n}", n + 0.5]) for n in range(6)]] * 4


def test_hidden_rows_and_sheets_are_not_read_and_the_preview_says_so(make_store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2022-23"
    for row in (
        ["Measure", "2021/22", "2022/23"],
        ["Homes built", 1822, 1414],
        ["Affordable homes built (DRAFT - do not use)", 9999, 9999],
        ["Affordable homes built", 870, 620],
    ):
        sheet.append(row)  # fmt: skip
    sheet.row_dimensions[3].hidden = True
    old = book.create_sheet("old_2021")
    old.append(["Measure", "2020/21"])
    old.append(["Homes built", 1500])
    old.sheet_state = "hidden"
    path = tmp_path / "homes.xlsx"
    book.save(path)
    store = make_store(framework=False)
    result = do_import(store, path)
    assert not result.rejected, result.errors
    assert sorted(result.matched) == ["Affordable homes built", "Homes built"]
    assert 9999.0 not in {o.value for o in store.observations()}
    said = {p.message for p in result.warnings}
    assert "Row 3 of the sheet '2022-23' is hidden in the workbook: not read. Unhide it to import the figures." in said
    assert any(m.startswith("The sheet 'old_2021' is hidden in the workbook: not read.") for m in said)
