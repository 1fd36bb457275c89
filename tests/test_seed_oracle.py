"""The seed reports' stated trends, arrows and comparisons are an oracle: the classifier, run on the transcribed
tables, must reproduce every one of them, except the cells listed here as known source inconsistencies (where a
report contradicts its own figures), each with the reason. The importer reports exactly these as warnings."""

from __future__ import annotations

from thplan.dataset import DATA_DIR
from thplan.ingest.importer import ImportResult

from .conftest import SEEDS, do_import

AR2021 = "2021_annual_report_appendix_a.xlsx"
AR2022 = "2021-22_annual_review_data_tables.xlsx"

KNOWN_SOURCE_INCONSISTENCIES = {
    (AR2021, "Appendix A", "I8"): "NO2 exposure: the report gives no London comparison (N/A) although it quotes "
    "Greater London 24% for 2016; Tower Hamlets' 77% for 2016 is worse for a lower-is-better measure.",
    (AR2021, "Appendix A", "I11"): "Asthma admissions: 263.0 against London's 197.5 is worse for a lower-is-better "
    "measure, but the report states ↑ (better).",
    (AR2021, "Appendix A", "J11"): "Asthma admissions: 263.0 against England's 178.4 is worse for a lower-is-better "
    "measure, but the report states ↑ (better).",
    (AR2021, "Appendix A", "J16"): "Business survival: 86.5% against England's 89.3% is worse for a higher-is-better "
    "measure, but the report states ↑ (better).",
    (AR2021, "Appendix A", "F36"): "Population turnover has no polarity; the report gives no direction (N/A) where "
    "the figures rose from 235 to 284 (we say Increased, which carries no judgement).",
    (AR2022, "Safe communities", "H8"): "Population turnover has no polarity; the review says Data Unavailable "
    "where the figures fell from 235 to 227 (we say Decreased, which carries no judgement).",
}


def _stated_cells_in_seed(name: str, fields: int, columns: tuple[int, ...]) -> int:
    """How many trend/comparison cells a seed's tables state (non-blank cells of those columns in data rows)."""
    count = 0
    for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == fields and cells[0] != "Measure":
            count += sum(1 for c in columns if cells[c].strip())
    return count


def _disagreements(result: ImportResult) -> set[tuple[str, str, str]]:
    return {(p.file, p.sheet, p.cell) for p in result.problems if p.code == "stated"}


def test_the_2021_report_arrows_and_comparisons_are_reproduced(make_store):
    store = make_store()
    result = do_import(store, DATA_DIR / AR2021)
    assert not result.rejected
    # direction of travel (F) and the London (I) and England (J) comparisons of every Appendix A row
    assert result.stated_checked == _stated_cells_in_seed("annual_report_2021.txt", 10, (5, 8, 9)) == 111
    assert _disagreements(result) == {k for k in KNOWN_SOURCE_INCONSISTENCIES if k[0] == AR2021}


def test_the_2021_22_review_overall_trends_are_reproduced(make_store):
    store = make_store()
    assert not do_import(store, DATA_DIR / AR2021).rejected
    result = do_import(store, DATA_DIR / AR2022, mode="replace")
    assert not result.rejected
    assert result.stated_checked == _stated_cells_in_seed("annual_review_2021-22.txt", 9, (7,)) == 16
    assert _disagreements(result) == {k for k in KNOWN_SOURCE_INCONSISTENCIES if k[0] == AR2022}


def test_known_inconsistencies_name_their_reason():
    assert all(len(reason) > 40 for reason in KNOWN_SOURCE_INCONSISTENCIES.values())


def test_a_disagreement_warning_names_the_cell_and_both_labels(make_store):
    store = make_store()
    result = do_import(store, DATA_DIR / AR2021)
    [asthma] = [p for p in result.problems if p.code == "stated" and p.cell == "I11"]
    assert "row 11, column I ('Performance compared to London Benchmark')" in str(asthma)
    assert "states '↑'" in asthma.message and "the figures give Worse" in asthma.message
