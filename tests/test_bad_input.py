"""Bad files are refused cleanly: a message naming the file (and sheet, row and column where they apply) that says
what to fix, no traceback, nothing written, and bounded time and memory however the file was made."""

from __future__ import annotations

import time

import pytest

from thplan.ingest import sandbox
from thplan.ingest.importer import import_bytes
from thplan.ingest.options import ImportOptions
from thplan.ingest.problems import Rejected
from thplan.ingest.sandbox import read_grids_safely

from .conftest import FIXTURES, do_import
from .corpus.make_bad_files import files

BAD = FIXTURES / "bad"

EXPECTED = {
    "empty.csv": "The file is empty",
    "empty.xlsx": "The file is empty",
    "truncated.xlsx": "damaged or incomplete",
    "truncated.xls": "no workbook can be found: it is damaged",
    "garbled.xls": "cannot be read",
    "corrupt.xlsx": "damaged or incomplete",
    "csv_named.xlsx": "named .xlsx but is not an Excel workbook",
    "image_named.csv": "is a PNG image, not a spreadsheet",
    "binary_named.csv": "holds binary data",
    "password_protected.xlsx": "password-protected",
    "web_page_named.xlsx": "web page",
    "macro_enabled.xlsm": "contains macros",
    "shared_string_bomb.xlsx": "xl/sharedStrings.xml expands 1028 times",
    "lying_sizes.xlsx": "cannot be read",
    "entity_expansion.xlsx": "cannot be read",
    "many_parts.xlsx": "601 parts",
    "word_document_named.xlsx": "zip file but not an Excel workbook",
    "binary_workbook.xlsx": "binary Excel workbook (.xlsb)",
    "no_table.xlsx": "No table we can read was found",
    "no_table.csv": "No table we can read was found",
    "duplicate_rows.csv": "row 3, column C ('Value'): 'Employment Rate' has two different values",
    "unknown_polarity.csv": "row 2, column D ('Polarity'): 'Up is good' is not a polarity we know",
    "bad_value.xlsx": "sheet 'Sheet', row 3, column D ('2022/23'): 'seventy-four' is neither a number",
    "impossible_period.csv": "row 2, column B ('Period'): '2022/24' is not a period",
    "impossible_period.xlsx": "sheet 'Sheet', row 2, column B ('Year'): '2022/21' is not a period",
    "blank_measure.xlsx": "sheet 'Sheet', row 4, column A ('Measure'): Row 4 has values (under '2021/22', '2022/23')",
    "huge_number.csv": "row 2, column C ('2022/23'): '999999999999...999% (401 characters)' is too large to be a value",
    "header_only.csv": "The table's header row (A1) has no rows of data below it",
    "blank_period.csv": "row 2, column B ('Period'): The period is blank",
    "formula_no_result.xlsx": "sheet 'Sheet', row 2, column C: The cell holds a formula (=70+4) whose result",
    "duplicate_parts.xlsx": "holds two parts named xl/worksheets/sheet1.xml",
    "mixed_encoding.csv": "it is UTF-8 up to line 3, which is not",
    "nul_after_4k.csv": "line 202 holds a NUL byte",
    "over_long_field.csv": "Row 2 of the CSV file cannot be read",
    "ambiguous_decimals.csv": "none of its numbers says whether it writes decimals with a comma or a point",
    "mixed_decimals.csv": "decimal comma ('74,1' in C2) and with a decimal point ('2.5' in C3)",
    "bad_xml.xlsx": "The sheet 'Sheet' is damaged: its XML is not well formed (sheetData)",
    "hidden_data.xlsx": "The workbook's hidden sheets ('Data') were not read: if the data are on one of them",
    "blank_measure.csv": "row 4, column A ('Measure'): Row 4 has values (under '2021/22', '2022/23') but no measure",
}


#: Files that look hostile but hold a readable table: imported, with these values, and nothing else.
READABLE = {
    "deeply_nested.xlsx": {("employment-rate", "2022/23"): 74.1},  # XML nested 100,000 deep outside the cells
    "control_characters.csv": {("employment-rate", "2022/23"): 74.1},  # ESC and BEL removed from the texts
    # dates that are no month's ends nor 31 March: days, each a point in time (said)
    "date_headers.xlsx": {("employment-rate", "15 Jun 2022"): 72.9, ("employment-rate", "15 Jun 2023"): 74.1},
}


def test_the_corpus_on_disk_is_what_the_script_makes():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(files()) == sorted([*EXPECTED, *READABLE])


@pytest.mark.parametrize("name", sorted(READABLE))
def test_a_hostile_looking_file_with_a_table_is_read_cleanly(name, reference_store):
    result = do_import(reference_store, BAD / name)
    assert not result.rejected, result.errors
    changed = result.diff.observations
    assert {(r.measure_id, r.period): r.value for r in changed.itertuples()} == READABLE[name]
    assert not result.new_measures  # 'Employment\x1b[31m Rate\x07' is Employment Rate's name, once cleaned


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_is_refused_cleanly_and_nothing_is_written(name, reference_store):
    before, imports = reference_store.snapshot(), reference_store.imports()
    result = do_import(reference_store, BAD / name)
    assert result.rejected and result.import_id is None
    messages = [str(p) for p in result.errors]
    assert all(m.startswith(name) for m in messages)
    assert any(EXPECTED[name] in m for m in messages), messages
    assert not any("Traceback" in m for m in messages)
    assert reference_store.snapshot() == before and reference_store.imports() == imports


def test_a_reader_that_runs_out_of_memory_is_stopped_and_refused():
    # 76,000 cells of text need far more than 2 MB once read; the same file reads within the normal budget.
    data = (BAD.parent / "samples" / "oflog_adult_social_care_by_la_2015-16_to_2022-23.csv").read_bytes()
    with pytest.raises(Rejected, match="more than 2 MB of memory"):
        read_grids_safely(data, "oflog.csv", budget=2_000_000)
    assert read_grids_safely(data, "oflog.csv")[0].height == 6377


def test_a_reader_that_takes_too_long_is_stopped_and_refused():
    data = (BAD.parent / "samples" / "oflog_adult_social_care_by_la_2015-16_to_2022-23.csv").read_bytes()
    started = time.monotonic()
    with pytest.raises(Rejected, match="took longer than 0 seconds"):
        read_grids_safely(data, "oflog.csv", time_limit=0.01)
    assert time.monotonic() - started < 10


def outcome(data: bytes, name: str) -> list[object]:
    """What reading a file gives: each sheet's values and formats, or the messages it was refused with."""
    try:
        return [(g.sheet, g.rows, sorted(g.formats.items())) for g in read_grids_safely(data, name)]
    except Rejected as exc:
        return [str(p) for p in exc.problems]


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.endswith((".xlsx", ".xlsm"))))
def test_a_workbook_read_by_two_processes_at_once_reads_or_is_refused_as_by_one(name, monkeypatch):
    # Workbooks over SPLIT_BYTES are read by two processes (values; formats and error cells): every bad one too.
    data = (BAD / name).read_bytes()
    alone = outcome(data, name)
    monkeypatch.setattr(sandbox, "SPLIT_BYTES", -1)
    assert outcome(data, name) == alone


def second_sheet_damaged() -> bytes:
    """A workbook whose first sheet is a good table and whose second sheet's XML stops half-way."""
    import io
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Measure", "2021/22", "2022/23"])
    book.active.append(["Employment rate", 70.1, 71.2])
    book.create_sheet("More").append(["Measure", "2021/22"])
    written = io.BytesIO()
    book.save(written)
    damaged = io.BytesIO()
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(damaged, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            xml = source.read(part)
            target.writestr(part, xml[: len(xml) // 2] if part.filename.endswith("sheet2.xml") else xml)
    return damaged.getvalue()


@pytest.mark.parametrize("split", [False, True], ids=["one-process", "two-processes"])
def test_a_sheet_that_fails_after_others_were_read_refuses_the_whole_file(split, reference_store, monkeypatch):
    # Sheets arrive one at a time and are read as they come; a later sheet's failure must still write nothing.
    monkeypatch.setattr(sandbox, "SPLIT_BYTES", -1 if split else 10**9)
    data = second_sheet_damaged()
    sheets = sandbox.Reading(data, "two.xlsx").stream()
    assert next(sheets).rows[1] == ["Employment rate", 70.1, 71.2]
    with pytest.raises(Rejected) as refused:
        next(sheets)
    assert [str(p) for p in refused.value.problems] == [
        "two.xlsx: The sheet 'More' is damaged: its XML is not well formed (syntax error: tag not closed: `>` not "
        "found before end of input), so the program that wrote it did not finish it. Open the workbook in Excel, "
        "save it again and upload the new file."
    ]
    before, imports = reference_store.snapshot(), reference_store.imports()
    result = import_bytes(reference_store, data, "two.xlsx", ImportOptions(user="tests"))
    assert [str(p) for p in result.errors] == [str(p) for p in refused.value.problems]
    assert reference_store.snapshot() == before and reference_store.imports() == imports
