"""Targets and the status against them (thplan/classification.py R15), table-driven; and reading a Target,
Tolerance or RAG cell as performance reports write them. Each case id reads as the rule."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from thplan.classification import TargetLabel, status_against_target
from thplan.targets import (
    Direction,
    StatedRag,
    Target,
    TargetError,
    Tolerance,
    parse_rag,
    parse_target,
    parse_tolerance,
)

from .conftest import do_import
from .test_classification import H, L, N, measure, series

#: polarity, series, target (value or direction), tolerance: the status
STATUS_CASES = [
    ("higher-is-better-above-target-is-on-target", H, "2020/21=60 2021/22=76", "75", None, TargetLabel.ON_TARGET),
    ("equal-at-precision-is-on-target", H, "2021/22=75.0", "75", None, TargetLabel.ON_TARGET),
    ("below-without-tolerance-is-off-target", H, "2021/22=74.9", "75", None, TargetLabel.OFF_TARGET),
    ("below-within-an-absolute-tolerance", H, "2021/22=73.5", "75", "2", TargetLabel.WITHIN_TOLERANCE),
    ("at-the-edge-of-the-tolerance-is-within", H, "2021/22=73.0", "75", "2", TargetLabel.WITHIN_TOLERANCE),
    ("beyond-the-tolerance-is-off-target", H, "2021/22=72.9", "75", "2", TargetLabel.OFF_TARGET),
    ("a-relative-tolerance-is-a-share-of-the-target", H, "2021/22=190", "200", "5%", TargetLabel.WITHIN_TOLERANCE),
    ("beyond-a-relative-tolerance", H, "2021/22=189", "200", "5%", TargetLabel.OFF_TARGET),
    ("lower-is-better-below-target-is-on-target", L, "2021/22=12", "15", None, TargetLabel.ON_TARGET),
    ("lower-is-better-above-within-tolerance", L, "2021/22=16", "15", "1", TargetLabel.WITHIN_TOLERANCE),
    ("lower-is-better-above-is-off-target", L, "2021/22=17", "15", "1", TargetLabel.OFF_TARGET),
    ("no-polarity-equal-is-on-target", N, "2021/22=50", "50", "3", TargetLabel.ON_TARGET),
    ("no-polarity-either-side-within-tolerance", N, "2021/22=52", "50", "3", TargetLabel.WITHIN_TOLERANCE),
    ("no-polarity-far-off-is-off-target", N, "2021/22=40", "50", "3", TargetLabel.OFF_TARGET),
    ("maintain-the-same-is-on-target", H, "2020/21=60 2021/22=60", "Maintain", None, TargetLabel.ON_TARGET),
    ("maintain-better-is-on-target", H, "2020/21=60 2021/22=61", "Maintain", None, TargetLabel.ON_TARGET),
    ("maintain-slightly-worse-within-tolerance", H, "2020/21=60 2021/22=59", "Maintain", "2",
     TargetLabel.WITHIN_TOLERANCE),
    ("maintain-worse-is-off-target", H, "2020/21=60 2021/22=55", "Maintain", "2", TargetLabel.OFF_TARGET),
    ("improve-better-is-on-target", L, "2020/21=20 2021/22=18", "Improve", None, TargetLabel.ON_TARGET),
    ("improve-the-same-is-off-target", H, "2020/21=60 2021/22=60", "Improve", None, TargetLabel.OFF_TARGET),
    ("improve-the-same-is-within-a-tolerance", H, "2020/21=60 2021/22=60", "Improve", "1",
     TargetLabel.WITHIN_TOLERANCE),
    ("reduce-on-a-measure-where-higher-is-better", H, "2020/21=60 2021/22=58", "Reduce", None,
     TargetLabel.ON_TARGET),
    ("increase-not-met", N, "2020/21=60 2021/22=58", "Increase", None, TargetLabel.OFF_TARGET),
    ("improve-without-polarity-cannot-be-judged", N, "2020/21=60 2021/22=62", "Improve", None,
     TargetLabel.UNAVAILABLE),
    ("a-direction-without-an-earlier-value", H, "2021/22=60", "Maintain", None, TargetLabel.UNAVAILABLE),
    ("judged-against-the-previous-available-value", H, "2019/20=50 2020/21=- 2021/22=55", "Improve", None,
     TargetLabel.ON_TARGET),
    ("a-target-for-another-year-is-no-target", H, "2020/21=76", "75", None, TargetLabel.NO_TARGET),
    ("no-value-is-data-unavailable", H, "2021/22=-", "75", None, TargetLabel.UNAVAILABLE),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "data", "aim", "tolerance", "label"), [c[1:] for c in STATUS_CASES],
                         ids=[c[0] for c in STATUS_CASES])  # fmt: skip
def test_status_against_target(polarity, data, aim, tolerance, label):
    value, decimals, direction = parse_target(aim)
    target = Target("2021/22", value, decimals, direction, parse_tolerance(tolerance))
    result = status_against_target(measure(polarity), series(data), [target])
    assert result.label is label, result.method


def test_the_status_says_what_it_compared():
    target = Target("2021/22", None, 0, Direction.MAINTAIN, Tolerance(2))
    result = status_against_target(measure(), series("2020/21=60 2021/22=59"), [target])
    assert result.method == "2021/22 value against Maintain on 2020/21, tolerance 2"
    assert result.previous is not None and result.previous.period.label == "2020/21"


TARGET_CELLS = [
    ("a-percentage", "75%", (75.0, 0, None)),
    ("a-number-with-decimals", "75.50", (75.5, 2, None)),
    ("a-number-cell", 1200, (1200.0, 0, None)),
    ("thousands", "1,200", (1200.0, 0, None)),
    ("maintain", "Maintain", (None, 0, Direction.MAINTAIN)),
    ("maintain-or-improve", "Maintain or improve", (None, 0, Direction.MAINTAIN)),
    ("improve-with-words", "Improve on 2021/22", (None, 0, Direction.IMPROVE)),
    ("reduce", "reduce", (None, 0, Direction.REDUCE)),
]


@pytest.mark.parametrize(("cell", "read"), [c[1:] for c in TARGET_CELLS], ids=[c[0] for c in TARGET_CELLS])
def test_a_target_cell(cell, read):
    assert parse_target(cell) == read


@pytest.mark.parametrize("cell", ["tbc", "about the same as London"])
def test_a_target_cell_we_cannot_read_says_what_to_write(cell):
    with pytest.raises(TargetError, match="neither a number nor a direction"):
        parse_target(cell)


TOLERANCE_CELLS = [
    ("an-amount", "2", Tolerance(2.0)),
    ("points", "2 points", Tolerance(2.0)),
    ("plus-or-minus-pp", "±1.5pp", Tolerance(1.5)),
    ("a-number-cell", 0.5, Tolerance(0.5)),
    ("a-share-of-the-target", "5%", Tolerance(5.0, relative=True)),
    ("of-target-in-words", "10% of target", Tolerance(10.0, relative=True)),
    ("blank", "", None),
]


@pytest.mark.parametrize(("cell", "read"), [c[1:] for c in TOLERANCE_CELLS], ids=[c[0] for c in TOLERANCE_CELLS])
def test_a_tolerance_cell(cell, read):
    assert parse_tolerance(cell) == read


def test_a_relative_tolerance_is_a_share_of_the_target():
    assert Tolerance(5.0, relative=True).of(200.0) == 10.0 and Tolerance(2.0).of(200.0) == 2.0


RAG_CELLS = [("Green", StatedRag.GREEN), ("G", StatedRag.GREEN), ("amber", StatedRag.AMBER), ("R", StatedRag.RED),
             ("Off target", StatedRag.RED), ("On track", StatedRag.GREEN), ("n/a", None), ("", None)]  # fmt: skip


@pytest.mark.parametrize(("cell", "read"), RAG_CELLS, ids=[c or "blank" for c, _ in RAG_CELLS])
def test_a_stated_rag_cell(cell, read):
    assert parse_rag(cell) is read


def test_a_rag_cell_we_cannot_read_says_what_to_write():
    with pytest.raises(TargetError, match="Green, Amber or Red"):
        parse_rag("Blue")


REPORT = [
    ["Measure", "Polarity", "2020/21", "2021/22", "2021/22 Target", "Tolerance", "RAG", "Commentary", "Lead",
     "Next update"],
    ["Employment rate", "Higher is better", 70.1, 72.9, 75, "2", "Red", "Jobs fairs in May.", "J. Smith",
     datetime(2023, 3, 31)],
    ["Smoking prevalence", "Lower is better", 18.0, 16.5, 17, "", "Green", None, "", None],
]  # fmt: skip


def test_a_report_table_s_targets_rag_commentary_and_lead_are_read(make_store, make_xlsx):
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"KPIs": REPORT}))
    assert not result.rejected, result.errors
    ids = {m.name: m.id for m in result.new_measures}
    targets = store.targets()
    assert targets[ids["Employment rate"]] == (Target("2021/22", 75.0, 0, None, Tolerance(2.0), "upload.xlsx"),)
    assert targets[ids["Smoking prevalence"]][0].value == 17.0
    [comment] = store.commentary()
    assert (comment.measure_id, comment.period, comment.text) == (ids["Employment rate"], "2021/22",
                                                                  "Jobs fairs in May.")  # fmt: skip
    lead = store.leads()[ids["Employment rate"]]
    assert (lead.name, lead.next_update) == ("J. Smith", date(2023, 3, 31))
    # 72.9 is 2.1 short of 75 (tolerance 2): Off target, as stated; 16.5 beats 17: On target, as stated
    assert result.stated_checked == 2 and not [p for p in result.problems if p.code == "stated"]


def test_a_stated_rag_that_the_figures_contradict_is_a_warning(make_store, make_xlsx):
    rows = [list(r) for r in REPORT]
    rows[1][6] = "Green"
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"KPIs": rows}))
    [disagreement] = [p for p in result.problems if p.code == "stated"]
    assert disagreement.message == ("The file states 'Green' (On target) for 'Employment rate' against its target; "
                                    "the figures give Off target (2021/22 value against target 75 for 2021/22, "
                                    "tolerance 2).")  # fmt: skip
    assert (disagreement.sheet, disagreement.row, disagreement.header) == ("KPIs", 2, "RAG")


def test_an_unreadable_target_is_not_imported_and_said_the_values_still_are(make_store, make_xlsx):
    rows = [list(r) for r in REPORT]
    rows[1][4] = "tbc"
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"KPIs": rows}))
    assert not result.rejected
    [said] = [p for p in result.problems if p.code == "target"]
    assert said.message.startswith("Not imported: the 2021/22 target of 'Employment rate'. 'tbc' is neither a number")
    assert len(store.targets()) == 1 and len(store.observations()) == 4


def test_a_tidy_table_s_targets_and_commentary_are_the_home_area_s_for_each_row_s_period(make_store, make_csv):
    text = ("Measure,Area,Period,Value,Target,Commentary,Owner\n"
            "Employment rate,Tower Hamlets,2020/21,70.1,72,Recovering,J. Smith\n"
            "Employment rate,Tower Hamlets,2021/22,72.9,Maintain,Held up,J. Smith\n"
            "Employment rate,London,2021/22,74.9,80,Not ours,Someone\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "tidy.csv"))
    assert not result.rejected, result.errors
    [measure_id] = store.targets()
    assert [(t.period, t.value, t.direction) for t in store.targets()[measure_id]] == [
        ("2020/21", 72.0, None), ("2021/22", None, Direction.MAINTAIN)]  # fmt: skip
    assert sorted((c.period, c.text) for c in store.commentary()) == [("2020/21", "Recovering"), ("2021/22", "Held up")]
    assert store.leads()[measure_id].name == "J. Smith"


def test_a_target_formatted_as_a_percentage_is_the_percentage_it_shows_as_the_values_are(make_store, make_xlsx):
    rows = [["Measure", "Target", "2021/22", "2022/23"],
            ["Young people in education or training", (0.95, "0.0%"), (0.934, "0.0%"), (0.951, "0.0%")],
            ["Reviews on time", (1.0, "0%"), 98.2, 97.5]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"KPIs": rows}))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    assert {names[m]: [(t.period, t.value) for t in ts] for m, ts in store.targets().items()} == {
        "Young people in education or training": [("2022/23", 95.0)],
        "Reviews on time": [("2022/23", 100.0)],
    }
    assert {o.value for o in store.observations() if o.period.label == "2022/23"} == {95.1, 97.5}


def test_periods_under_a_target_banner_are_targets_never_values(make_store, make_xlsx):
    rows = [["Strategic Plan scorecard"], [], [None, None, "Actual", None, "Target"],
            ["Ref", "Measure", "2021/22", "2022/23", "2023/24", "2024/25"],
            ["SP03", "Homes built", 1822, 1414, 1500, 1600]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Scorecard": rows}))
    assert not result.rejected, result.errors
    assert {o.period.label: o.value for o in store.observations()} == {"2021/22": 1822.0, "2022/23": 1414.0}
    [targets] = store.targets().values()
    assert [(t.period, t.value) for t in targets] == [("2023/24", 1500.0), ("2024/25", 1600.0)]


def test_a_single_series_target_column_is_its_measure_s_targets_period_by_period(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Year,%,Target\n2018,21.9,25\n2019,22.5,27\n", "recycling.csv"))
    assert not result.rejected, result.errors
    [measure_id] = store.targets()
    assert [(t.period, t.value) for t in store.targets()[measure_id]] == [("2018", 25.0), ("2019", 27.0)]
    assert not [p for p in result.notes if p.message.startswith("Not imported")]


def test_a_target_column_that_names_no_period_is_read_for_the_table_s_latest_and_said(make_store, make_xlsx):
    rows = [["Measure", "2020/21", "2021/22", "Target"], ["Employment rate", 70.1, 72.9, 75]]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"KPIs": rows}))
    [target] = next(iter(store.targets().values()))
    assert target.period == "2021/22"
    assert "'Target' name no period: read as 2021/22's, the table's latest period." in [p.message for p in result.notes]


#: a heading, the cell under it, and what the store holds afterwards
COLUMN_NAMES = [
    ("Target", 75, lambda s: s.targets()),
    ("Targets", 75, lambda s: s.targets()),
    ("Annual target", 75, lambda s: s.targets()),
    ("2021/22 Target", 75, lambda s: s.targets()),
    ("Commentary", "Fairs held", lambda s: [c.text for c in s.commentary()]),
    ("Comment", "Fairs held", lambda s: [c.text for c in s.commentary()]),
    ("Comments", "Fairs held", lambda s: [c.text for c in s.commentary()]),
    ("Narrative", "Fairs held", lambda s: [c.text for c in s.commentary()]),
    ("Lead", "J. Smith", lambda s: [lead.name for lead in s.leads().values()]),
    ("Owner", "J. Smith", lambda s: [lead.name for lead in s.leads().values()]),
    ("Lead officer", "J. Smith", lambda s: [lead.name for lead in s.leads().values()]),
    ("Next update", datetime(2023, 3, 31), lambda s: [lead.next_update for lead in s.leads().values()]),
]  # fmt: skip


@pytest.mark.parametrize(("heading", "cell", "stored"), COLUMN_NAMES, ids=[c[0] for c in COLUMN_NAMES])
def test_each_column_name_is_read(make_store, make_xlsx, heading, cell, stored):
    store = make_store(framework=False)
    rows = [["Measure", "2020/21", "2021/22", heading], ["Employment rate", 70.1, 72.9, cell]]
    assert not do_import(store, make_xlsx({"KPIs": rows})).rejected
    assert stored(store), f"{heading} was not read"


@pytest.mark.parametrize("heading", ["RAG", "RAG status", "Status", "Rating"])
def test_each_rag_column_name_is_checked(make_store, make_xlsx, heading):
    store = make_store(framework=False)
    rows = [["Measure", "Polarity", "2020/21", "2021/22", "2021/22 Target", heading],
            ["Employment rate", "Higher is better", 70.1, 72.9, 70, "Red"]]  # fmt: skip
    result = do_import(store, make_xlsx({"KPIs": rows}))
    [disagreement] = [p for p in result.problems if p.code == "stated"]
    assert "states 'Red' (Off target)" in disagreement.message and "give On target" in disagreement.message


def test_a_tolerance_column_name_is_read_with_its_target(make_store, make_xlsx):
    store = make_store(framework=False)
    rows = [["Measure", "2020/21", "2021/22", "Target", "Tolerance"], ["Employment rate", 70.1, 72.9, 75, "5%"]]
    assert not do_import(store, make_xlsx({"KPIs": rows})).rejected
    [target] = next(iter(store.targets().values()))
    assert target.tolerance == Tolerance(5.0, relative=True)
