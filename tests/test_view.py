"""The view model (thplan/view.py): what a page shows for an area, without Streamlit; and the labels it gives,
which name the period they compare and the Plan's configured baseline."""

from __future__ import annotations

from openpyxl import load_workbook

from thplan import view as views
from thplan.area import ENGLAND, LONDON
from thplan.classification import TrendLabel
from thplan.dataset import DATA_DIR, REFERENCE_FILES
from thplan.display import since_label, trend_badge
from thplan.narrative import theme_summary
from thplan.report import annual_tables
from thplan.summary import by_theme

from .conftest import SAMPLES, do_import

CAMPYLOBACTER = SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv"
CAMPYLOBACTER_ID = "campylobacter-incidence-rate-100-000"


def _view(store, area: str | None = None) -> views.View:
    home, offered = views.areas(store)
    return views.build(store, store.version(), area or home, offered, lambda m: views.series_by_area(store, m))


def test_the_view_holds_the_plan_apart_from_the_library(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    view = _view(reference_store)
    assert len(view.classifications) == 37 and [c.measure.id for c in view.library] == [CAMPYLOBACTER_ID]
    assert view.classification(CAMPYLOBACTER_ID) is view.library[0]  # found, though not in the Plan
    assert view.area == "Tower Hamlets" and view.latest_period == "2021/22"


def test_the_areas_offered_are_areas_not_benchmarks(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    home, offered = views.areas(reference_store)
    assert offered[0] == home == "Tower Hamlets" and "Islington" in offered
    assert not {LONDON, ENGLAND, "Inner London", "North West region"} & set(offered)


def test_another_area_s_values_are_read_when_a_page_asks(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    view = _view(reference_store, "Islington")
    assert view.area == "Islington" and view.classification(CAMPYLOBACTER_ID).latest.value is not None
    hackney = view.observations(CAMPYLOBACTER_ID, "Hackney")  # not loaded with the view: read through series_of
    assert hackney and {o.breakdown.label for o in hackney} == {"Persons, All ages"}  # the headline's only


def test_a_measure_s_breakdowns_and_one_classified_on_its_own(reference_store):
    do_import(reference_store, CAMPYLOBACTER)
    view = _view(reference_store)
    labels = view.breakdowns(CAMPYLOBACTER_ID)
    assert labels[0] == "Persons, All ages" and "Persons, 0-9 yrs" in labels and len(labels) == 22
    young = view.classify_breakdown(CAMPYLOBACTER_ID, "Persons, 0-9 yrs")
    assert {o.breakdown.label for o in young.series} == {"Persons, 0-9 yrs"}
    assert young.latest.value != view.classification(CAMPYLOBACTER_ID).latest.value
    assert young.vs(ENGLAND).benchmark.breakdown.label == "Persons, 0-9 yrs"  # compared like with like
    assert view.breakdowns("employment-rate") == []  # a measure without breakdowns


def test_labels_name_the_period_actually_compared(reference_store):
    view = _view(reference_store)
    homes = view.classification("homes-built")  # its first value is 2018/19 (1,031), after the 2017/18 baseline
    assert since_label(homes.overall, "2017/18") == "Since 2018/19" and trend_badge(homes.overall) == "▲ Improved"
    safe = view.classification("feel-safe-during-day")
    assert trend_badge(safe.overall) == "▲ Improved, not comparable: telephone survey from 2020/21"
    one = view.classification("positive-activities")  # 98% in 2021/22, nothing earlier
    assert one.overall.label is TrendLabel.UNAVAILABLE and trend_badge(one.overall) == "○ One value so far"


def test_a_configured_baseline_is_the_one_every_label_names(make_store, tmp_path):
    book = load_workbook(DATA_DIR / "framework.xlsx")
    plan = book["Plan"]
    row = next(r for r in range(1, plan.max_row + 1) if plan.cell(row=r, column=1).value == "Baseline")
    plan.cell(row=row, column=2, value="2018/19")
    book.save(tmp_path / "framework.xlsx")
    store = make_store(framework=False)
    do_import(store, tmp_path / "framework.xlsx")
    for name, mode in REFERENCE_FILES[1:3]:
        do_import(store, DATA_DIR / name, mode=mode)
    view = _view(store)
    employment = view.classification("employment-rate")
    assert employment.overall.start.period.label == "2018/19"  # 73% in 2018/19 to 72.9%: worsened
    assert since_label(employment.overall, "2018/19") == "Since 2018/19"
    group = next(g for g in by_theme(view.framework, view.classifications) if g.theme.id == "jobs")
    assert "since the 2018/19 baseline" in theme_summary(group.theme.name, group.classifications, "2018/19")[0]
    tables = annual_tables(view.framework, view.classifications, view.series)
    assert tables[0].header[2] == "Baseline: 2018/19" and tables[0].header[-2] == "Overall Trend from 2018"
