"""The Plan and everything else: every headline counts the Plan's measures only; imports bring other measures into
the indicator library; a file or an officer can place a library measure in the Plan, recorded and undoable."""

from __future__ import annotations

import json

from thplan.analysis import classify_measures
from thplan.placement import PlacementError, place
from thplan.summary import plan_summary

from .conftest import SAMPLES, do_import

CAMPYLOBACTER = SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv"


def _summary(store) -> dict:
    framework = store.framework()
    return plan_summary(framework, classify_measures(framework, store.observations()))


def test_a_fingertips_extract_goes_to_the_library_not_the_headline(reference_store):
    before = _summary(reference_store)
    result = do_import(reference_store, CAMPYLOBACTER)
    assert [m.name for m in result.new_measures] == ["Campylobacter incidence rate/100,000"]
    after = _summary(reference_store)
    assert after == before and after["measures"] == 37
    assert sum(after["overall_trend"].values()) == 37 == sum(after["vs_london"].values())
    framework = reference_store.framework()
    assert [m.name for m in framework.library_measures] == ["Campylobacter incidence rate/100,000"]
    assert len(framework.plan_measures) == 37


def test_without_a_plan_every_imported_measure_counts(make_store):
    store = make_store(framework=False)
    do_import(store, CAMPYLOBACTER)
    assert _summary(store)["measures"] == 1 and not store.framework().library_measures


def test_a_file_that_names_a_plan_theme_and_outcome_places_its_measure(reference_store, make_csv):
    csv = make_csv("Measure,Period,Value,Polarity,Theme,Outcome\n"
                   "Jobs fair attendance,2021/22,300,Higher is better,Good jobs and employment,jobs-good-quality\n"
                   "Apprenticeship starts,2021/22,120,Higher is better,jobs,\n")  # fmt: skip
    result = do_import(reference_store, csv)
    placed = {m.name: (m.theme_id, m.outcome_id) for m in result.new_measures}
    assert placed == {"Jobs fair attendance": ("jobs", "jobs-good-quality"), "Apprenticeship starts": ("", "")}
    assert any("no outcome of it, so it stays in the indicator library" in p.message for p in result.warnings)
    assert _summary(reference_store)["measures"] == 38


def test_a_later_file_places_a_library_measure_in_the_plan(reference_store, make_csv):
    do_import(reference_store, CAMPYLOBACTER)
    result = do_import(reference_store, make_csv(
        "Measure,Period,Value,Theme,Outcome\n"
        "\"Campylobacter incidence rate/100,000\",2017,30.3,health,health-independent\n",
        name="place.csv"))  # fmt: skip
    assert [m.id for m in result.placed] == ["campylobacter-incidence-rate-100-000"]
    assert _summary(reference_store)["measures"] == 38


def test_an_officer_places_a_library_measure_and_the_history_can_undo_it(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    record = place(reference_store, "campylobacter-incidence-rate-100-000", "health", "health-independent",
                   user="a.officer")  # fmt: skip
    assert record.kind == "placement" and record.user == "a.officer" and "in the Plan" in record.file_name
    assert _summary(reference_store)["measures"] == 38
    with reference_store.transaction() as tx:
        tx.rollback(record.id, user="a.officer")
    assert _summary(reference_store)["measures"] == 37


def test_a_placement_needs_a_theme_and_its_own_outcome(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    for theme, outcome, message in (("nowhere", "", "Choose one of the Plan's themes"),
                                    ("health", "", "Choose the outcome"),
                                    ("health", "jobs-good-quality", "is not one of the theme"),
                                    ):  # fmt: skip
        try:
            place(reference_store, "campylobacter-incidence-rate-100-000", theme, outcome, user="a.officer")
        except PlacementError as exc:
            assert message in str(exc)
        else:
            raise AssertionError(f"placed in {theme}/{outcome}")
    try:
        place(reference_store, "employment-rate", "jobs", "jobs-good-quality", user="a.officer")
    except PlacementError as exc:
        assert "already in the Plan" in str(exc)


def test_summary_from_the_command_line(run_cli, tmp_path):
    result = run_cli("summary", "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) == {"measures", "overall_trend", "vs_london", "needs_attention", "themes"}
    assert summary["measures"] == 37 == sum(summary["overall_trend"].values())
    assert summary["overall_trend"]["Decreased"] == 1  # population turnover has no polarity: counted, not lost
    assert summary["themes"][0]["theme"] == "A better deal for children and young people"
    assert sum(t["measures"] for t in summary["themes"]) == 37
    assert all(sum(t["overall_trend"].values()) == t["measures"] for t in summary["themes"])
    assert run_cli("import", str(CAMPYLOBACTER)).returncode == 0
    assert json.loads(run_cli("summary", "--format", "json").stdout) == summary
    text = run_cli("summary").stdout
    assert text.startswith("The Plan: 37 measures: 21 Improved") and "Need attention: 4." in text
