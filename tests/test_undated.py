"""A benchmark figure whose period its file does not state is stored as 'period not stated': never under a year,
compared as the benchmark's latest figure, drawn as a line, and a second file repeating it changes nothing."""

from __future__ import annotations

import contextlib
import re
import shutil

from openpyxl import load_workbook

from thplan.analysis import classify_measures
from thplan.area import ENGLAND, LONDON
from thplan.dataset import DATA_DIR
from thplan.period import PeriodError, parse_period
from thplan.store import Store
from thplan.summary import needs_attention

from .conftest import do_import

REVIEW = DATA_DIR / "2021-22_annual_review_data_tables.xlsx"
_PERIODS = re.compile(r"\d{4}\s*[-/–]\s*\d{2,4}|\b\d{4}\b")


def _stated_periods(text: str) -> set[str]:
    found = set()
    for match in _PERIODS.findall(text):
        for kind in ("financial", "academic"):
            with contextlib.suppress(PeriodError):
                found.add(parse_period(match, kind).label)  # type: ignore[arg-type]
    return found


def test_the_reference_data_files_no_benchmark_value_under_a_year_its_file_did_not_state(reference_store):
    books = {f: load_workbook(DATA_DIR / f) for f in {o.source.file for o in reference_store.observations()}}
    undated = 0
    for o in reference_store.observations(areas=[LONDON, ENGLAND, "Inner London", "Outer London"]):
        sheet = books[o.source.file][o.source.sheet]
        cell = sheet[o.source.cell]
        header = next(sheet.cell(row=r, column=cell.column).value for r in range(cell.row - 1, 0, -1)
                      if str(sheet.cell(row=r, column=1).value or "") == "Measure")  # fmt: skip
        stated = _stated_periods(f"{cell.value} {header}")
        if o.dated:  # its cell or its column's header names its period
            assert o.effective_period.label in stated, (o.measure_id, o.area, o.period.label, cell.value, header)
        else:
            undated += 1
            assert not _stated_periods(str(cell.value)), (o.measure_id, o.area, cell.value)
            assert o.context_period  # the latest period of its table, kept as context
    assert undated > 60


def _with_a_2022_23_column(tmp_path) -> object:
    """The review workbook as an officer would send it next year: a 2022/23 column added before the trend, empty."""
    book = load_workbook(REVIEW)
    for sheet in book.worksheets:
        header = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "Measure")
        column = next(c for c in range(1, sheet.max_column + 1)
                      if str(sheet.cell(row=header, column=c).value).startswith("Overall Trend"))  # fmt: skip
        sheet.insert_cols(column)
        sheet.cell(row=header, column=column, value="2022/23")
    path = tmp_path / "review-2022-23.xlsx"
    book.save(path)
    return path


def test_a_second_review_with_a_2022_23_column_adds_no_benchmark_value_and_leaves_attention(reference_db, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        framework = store.framework()
        before = [c.measure.id for c in needs_attention(classify_measures(framework, store.observations()))]
        london_before = store.observations(areas=[LONDON, ENGLAND])
        result = do_import(store, _with_a_2022_23_column(tmp_path), mode="replace")
        assert not result.rejected, result.errors
        assert result.diff.count("observations", "new") == 0 and result.diff.count("observations", "revised") == 0
        after = store.observations()
        assert not [o for o in after if o.area in (LONDON, ENGLAND) and o.period.label == "2022/23"]
        assert store.observations(areas=[LONDON, ENGLAND]) == london_before
        assert [c.measure.id for c in needs_attention(classify_measures(framework, after))] == before
        assert len(before) == 4


def test_a_different_undated_figure_revises_it_and_the_history_shows_both(reference_store, tmp_path):
    book = load_workbook(REVIEW)
    sheet = book["Jobs and employment"]
    row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(row=r, column=1).value == "Employment Rate")
    assert sheet.cell(row=row, column=9).value == "74.9%"
    sheet.cell(row=row, column=9, value="75.3%")
    book.save(tmp_path / "revised.xlsx")
    result = do_import(reference_store, tmp_path / "revised.xlsx", mode="replace")
    assert result.diff.count("observations", "revised") == 1
    history = reference_store.value_history("employment-rate", LONDON)
    assert history[["period", "value"]].values.tolist()[-2:] == [["period not stated", 74.9],
                                                                  ["period not stated", 75.3]]  # fmt: skip
    [london] = reference_store.observations(["employment-rate"], [LONDON])
    assert (london.value, london.dated) == (75.3, False)
