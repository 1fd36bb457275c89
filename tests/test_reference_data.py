"""The reference spreadsheets in data/ hold exactly the seed reports' tables, cell by cell (as displayed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from thplan.dataset import DATA_DIR, REFERENCE_FILES
from thplan.ingest.reader import read_grids

from .conftest import SEEDS


def displayed(value: object, number_format: str) -> str:
    """A cell as Excel shows it, for the number formats the reference workbooks use."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    places = len(number_format.split(".")[1].rstrip("%")) if "." in number_format else 0
    if number_format.endswith("%"):
        return f"{value * 100:.{places}f}%"
    if number_format.startswith('"£"'):
        return f"£{value:,.{places}f}"
    if number_format == "#,##0":
        return f"{value:,.0f}"
    if number_format.startswith("0."):
        return f"{value:.{places}f}"
    return str(int(value)) if float(value).is_integer() else repr(value)


def workbook_rows(path: Path) -> list[list[str]]:
    rows = []
    for ws in load_workbook(path).worksheets:
        for line in ws.iter_rows():
            cells = [displayed(c.value, c.number_format) for c in line]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(cells)
    return rows


def seed_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or re.fullmatch(r"[\t\- ]+", line):
            continue  # blank lines and the legend's colour-box rules
        cells = line.split("\t")
        while cells and not cells[-1]:
            cells.pop()
        rows.append([c.strip() for c in cells])
    return rows


def _region(path: Path, start: str, end: str | None) -> str:
    text = path.read_text(encoding="utf-8")
    first = text.rindex(start) if start.startswith("Appendix") else text.index(start)
    last = text.index(end, first) if end else len(text)
    return text[first:last]


def test_2021_report_appendix_a_matches_seed_003_cell_by_cell():
    seed = seed_rows(_region(SEEDS / "annual_report_2021.txt", "Appendix A Performance Trends", None))
    sheet = workbook_rows(DATA_DIR / "2021_annual_report_appendix_a.xlsx")
    assert len(seed) == 51  # heading, 5 titles and headers, 37 measure rows, a stray page heading, 2 footnotes
    assert sheet == seed


def test_2021_22_review_data_tables_match_seed_001_cell_by_cell():
    region = _region(SEEDS / "annual_review_2021-22.txt", "Tower Hamlets data: a better deal", "If you have any")
    seed = seed_rows(region)
    sheet = workbook_rows(DATA_DIR / "2021-22_annual_review_data_tables.xlsx")
    assert len(seed) == 36  # four titles, headers and legends, 23 measure rows, one footnote
    assert sheet == seed


@pytest.mark.parametrize("name", [n for n, _ in REFERENCE_FILES])
def test_reference_files_are_real_workbooks(name):
    grids = read_grids((DATA_DIR / name).read_bytes(), name)
    assert grids and all(g.height > 1 for g in grids)


def test_the_catalogue_holds_23_outcome_and_14_output_measures(reference_store):
    framework = reference_store.framework()
    kinds = [m.kind.value for m in framework.measures]
    assert (kinds.count("outcome"), kinds.count("output")) == (23, 14)
    assert len(framework.themes) == 4 and len(framework.outcomes) == 12
    assert all(len([o for o in framework.outcomes if o.theme_id == t.id]) == 3 for t in framework.themes)
    assert all(t.board for t in framework.themes)
    outcome_measures = [m for m in framework.measures if m.kind.value == "outcome"]
    assert all(m.outcome_id and m.theme_id for m in outcome_measures)
    assert {m.unit.value for m in framework.measures} <= {"%", "score", "count", "rate per 100,000", "rate per 1,000",
                                                          "years", "£"}  # fmt: skip
