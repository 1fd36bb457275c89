"""The real public files officers also upload (tests/fixtures/samples, see SOURCES.md) import, and what the
classifier computes from them agrees with what their publishers state."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest

from thplan.analysis import classify_measures
from thplan.area import canonical_area
from thplan.period import PeriodKind
from thplan.polarity import Polarity

from .conftest import SAMPLES, do_import

CAMPYLOBACTER = SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv"
MMR = SAMPLES / "fingertips_lambeth_mmr1_vaccination_30309.csv"
HLE = SAMPLES / "fingertips_lambeth_healthy_life_expectancy_male_90362.csv"
LGINFORM = SAMPLES / "lginform_london_nndr_collected_quarterly_2010-22.csv"
OFLOG = SAMPLES / "oflog_adult_social_care_by_la_2015-16_to_2022-23.csv"
GLA = SAMPLES / "gla_london_borough_profiles.xlsx"


@pytest.mark.parametrize("path", [CAMPYLOBACTER, MMR, HLE, LGINFORM, OFLOG], ids=lambda p: p.name)
def test_each_sample_imports(path, reference_store):
    result = do_import(reference_store, path)
    assert not result.rejected, result.errors
    assert result.new_measures and result.diff.count("observations", "new") > 0


def test_campylobacter_through_the_command_line(run_cli, tmp_path):
    db = tmp_path / "campy.duckdb"
    assert run_cli("import", str(CAMPYLOBACTER), "--db", str(db)).returncode == 0
    rows = list(csv.DictReader(io.StringIO(run_cli("measures", "--db", str(db), "--area", "all").stdout)))
    stated = {}  # each area's latest headline row (Persons, All ages), as Fingertips wrote it
    for row in csv.DictReader(CAMPYLOBACTER.open(encoding="utf-8-sig", newline="")):
        if (row["Sex"], row["Age"], row["Category Type"]) == ("Persons", "All ages", "") and row["Value"]:
            area = canonical_area(row["Area Code"])
            area = area if area != row["Area Code"] else canonical_area(row["Area Name"])
            if area not in stated or row["Time period"] > stated[area]["Time period"]:
                stated[area] = row
    compared = [(r["vs_england"], stated[r["area"]]["Compared to England value or percentiles"]) for r in rows
                if r["area"] in stated]  # fmt: skip
    assert len(compared) > 140 and all(ours == theirs for ours, theirs in compared)


def test_campylobacter_polarity_is_inferred_from_fingertips_own_comparisons(make_store):
    store = make_store(framework=False)
    result = do_import(store, CAMPYLOBACTER)
    [measure] = result.new_measures
    assert measure.polarity is Polarity.LOWER
    assert any("inferred as 'Lower is better'" in p.message for p in result.problems)
    assert not [p for p in result.problems if p.code == "stated"]  # no stated label disagrees


def test_lambeth_mmr_recent_trend_matches_fingertips(make_store):
    store = make_store(framework=False)
    result = do_import(store, MMR)
    assert not [p for p in result.problems if p.code == "stated"]
    [measure] = result.new_measures
    assert measure.polarity is Polarity.HIGHER  # from "Decreasing and getting worse"
    [lambeth] = classify_measures(store.framework(), store.observations(), "Lambeth")
    assert lambeth.recent.label.value == "Decreasing and getting worse"
    assert lambeth.recent.method.startswith("chi-squared test for trend")
    assert lambeth.vs("London").label.value == "Worse"  # 76.2 (74.9-77.5) against London region's 79.9


def test_healthy_life_expectancy_reads_rolling_periods_and_cannot_compute_a_recent_trend(make_store):
    store = make_store(framework=False)
    do_import(store, HLE)
    observations = store.observations(areas=["Lambeth"])
    assert [o.period.label for o in observations][:2] == ["2009-11", "2010-12"]
    assert all(o.period.kind is PeriodKind.ROLLING for o in observations)
    [lambeth] = classify_measures(store.framework(), store.observations(), "Lambeth")
    assert lambeth.recent.label.value == "Cannot be calculated"  # as Fingertips states: rolling periods


def test_lg_inform_export_reads_stacked_headers_quarters_and_thousands(make_store):
    store = make_store()
    result = do_import(store, LGINFORM)
    [measure] = result.new_measures
    assert measure.name == "Non-domestic rates collected financial - quarterly"
    assert measure.unit.value == "£" and "GBP (000)" in measure.notes
    th = {o.period.label: o.value for o in store.observations([measure.id], ["Tower Hamlets"])}
    assert len(th) == 49 and th["2010/11 Q1"] is not None
    westminster = {o.period.label: o.value for o in store.observations([measure.id], ["Westminster"])}
    assert westminster["2010/11 Q1"] == 470756  # written "470,756"
    assert len(store.area_counts()) == 32  # every borough row of the export (it has no City of London row)


def test_oflog_file_reads_financial_years_median_and_rank_order(make_store):
    store = make_store()
    result = do_import(store, OFLOG)
    polarity = {m.name: m.polarity for m in result.new_measures}
    assert polarity["Outcome, ASC Carer Quality of Life"] is Polarity.HIGHER  # rank_order desc
    assert polarity["Outcome, Workforce turnover rate"] is Polarity.NONE  # rank_order None
    carer = next(m for m in result.new_measures if m.name == "Outcome, ASC Carer Quality of Life")
    th = {o.period.label: o.value for o in store.observations([carer.id], ["Tower Hamlets"])}
    assert th == {"2016/17": 7.5, "2018/19": 7.8, "2021/22": 7.1}  # written 2016-17 etc.
    median = {o.period.label: o.value for o in store.observations([carer.id], ["Median of local authorities"])}
    assert median["2018/19"] == 7.4


def test_gla_borough_profiles_are_refused_saying_precisely_why(reference_store):
    before = reference_store.snapshot()
    result = do_import(reference_store, GLA)
    assert result.rejected and reference_store.snapshot() == before
    messages = "\n".join(str(p) for p in result.errors)
    # text columns describe the boroughs: listed as not imported, not complained of
    unused = " ".join(p.message for p in result.notes if p.code == "not-imported")
    assert "'Inner/ Outer London'" in unused
    assert "Inner/ Outer London" not in messages and "Political control in council" not in messages
    assert "column G ('Inland Area (Hectares)'): This column does not say which period" in messages
    # the columns that are numbers with a period in their header are not among the complaints
    assert "Employment rate (%) (2015)" not in messages


def test_a_sample_dry_run_from_the_command_line_reads_as_a_summary(run_cli):
    result = run_cli("import", str(OFLOG), "--dry-run")
    assert result.returncode == 0
    assert "Tables found:" in result.stdout and "tidy table, 6,376 rows" in result.stdout
    assert "Measures: 0 matched, 7 new" in result.stdout
    assert "Values: 6,120 new" in result.stdout


def test_gla_refusal_from_the_command_line(run_cli):
    result = run_cli("import", str(GLA))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "gla_london_borough_profiles.xlsx: REJECTED" in result.stderr


def test_samples_are_byte_for_byte_the_shared_copies():
    listed = subprocess.run(
        ["sha256sum", *sorted(p.name for p in SAMPLES.glob("*.*") if p.suffix != ".md")],
        cwd=SAMPLES,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(listed.stdout.splitlines()) == 7
