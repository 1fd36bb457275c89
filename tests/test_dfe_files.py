"""The DfE's open data files (Explore Education Statistics): periods from time_period and time_identifier, areas
from geographic_level, each indicator column a measure, filters with a total as breakdowns, filters without one
naming measures of their own."""

from __future__ import annotations

import pytest

from .conftest import do_import, stored_values

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name"
)
ENGLAND = "E92000001,England,,,,"
LONDON = "E92000001,England,E12000007,London,,"
TOWER_HAMLETS = "E92000001,England,E12000007,London,E09000030,Tower Hamlets"


READS = [
    pytest.param(
        f"{HEADER},gld_percent\n"
        f"201819,Academic year,National,{ENGLAND},71.8\n"
        f"201819,Academic year,Regional,{LONDON},74.1\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},70.2\n",
        {("Gld percent", "England", "2018/19", ""): 71.8, ("Gld percent", "London", "2018/19", ""): 74.1,
         ("Gld percent", "Tower Hamlets", "2018/19", ""): 70.2},
        id="an-academic-year-each-level-its-own-name-column",
    ),
    pytest.param(
        f"{HEADER},spend\n201920,Financial year,Local authority,{TOWER_HAMLETS},12.5\n",
        {("Spend", "Tower Hamlets", "2019/20", ""): 12.5},
        id="a-financial-year",
    ),
    pytest.param(
        f"{HEADER},referrals\n2022,Reporting year,Local authority,{TOWER_HAMLETS},3100\n"
        f"2022,Calendar year Q3,Local authority,{TOWER_HAMLETS},800\n",
        {("Referrals", "Tower Hamlets", "2022", ""): 3100.0, ("Referrals", "Tower Hamlets", "2022 Q3", ""): 800.0},
        id="a-reporting-year-and-a-calendar-quarter",
    ),
    pytest.param(
        f"{HEADER},number,percent\n2022,Reporting year,Local authority,{TOWER_HAMLETS},c,x\n"
        f"2021,Reporting year,Local authority,{TOWER_HAMLETS},z,low\n",
        {(f"{m}", "Tower Hamlets", y, ""): r for m, y, r in [
            ("Dfe: number", "2022", "Confidential (c)"), ("Dfe: percent", "2022", "Not available (x)"),
            ("Dfe: number", "2021", "Not applicable (z)"), ("Dfe: percent", "2021", "Rounds to zero (low)")]},
        id="the-dfe-markers-and-a-column-that-names-no-measure-named-after-the-file",
    ),
    pytest.param(
        f"{HEADER},gender,number_of_pupils\n201819,Academic year,Local authority,{TOWER_HAMLETS},Total,3000\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},Girls,1450\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},Boys,1550\n",
        {("Number of pupils", "Tower Hamlets", "2018/19", ""): 3000.0,
         ("Number of pupils", "Tower Hamlets", "2018/19", "Girls"): 1450.0,
         ("Number of pupils", "Tower Hamlets", "2018/19", "Boys"): 1550.0},
        id="a-filter-with-a-total-breaks-the-measure-down-its-total-the-headline",
    ),
    pytest.param(
        f"{HEADER},category_type,number\n2022,Reporting year,Local authority,{TOWER_HAMLETS},Episodes starting,900\n"
        f"2022,Reporting year,Local authority,{TOWER_HAMLETS},Episodes ending,850\n",
        {("Number: Episodes starting", "Tower Hamlets", "2022", ""): 900.0,
         ("Number: Episodes ending", "Tower Hamlets", "2022", ""): 850.0},
        id="a-filter-without-a-total-names-a-measure-for-each-of-its-values",
    ),
    pytest.param(
        f"{HEADER},ethnicity_major,fsm,number_of_pupils\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},All Major Ethnicities,Total,3000\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},Asian,Total,1800\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},Asian,FSM,700\n"
        f"201819,Academic year,Local authority,{TOWER_HAMLETS},All Major Ethnicities,All other,2000\n",
        {("Number of pupils", "Tower Hamlets", "2018/19", ""): 3000.0,
         ("Number of pupils", "Tower Hamlets", "2018/19", "Ethnicity major: Asian"): 1800.0,
         ("Number of pupils", "Tower Hamlets", "2018/19", "Ethnicity major, Fsm: Asian, FSM"): 700.0,
         ("Number of pupils", "Tower Hamlets", "2018/19", "Fsm: All other"): 2000.0},
        id="an-all-value-is-a-filter-s-total-but-all-other-is-not",
    ),
    pytest.param(
        f"{HEADER},subject,grade,number_achieving\n"
        + "".join(f"202223,Academic year,{area},Mathematics,{g},{n}\n" for area in
                  (f"Regional,{LONDON}", f"Local authority,{TOWER_HAMLETS}") for g, n in (("9", 100), ("U", 12))),
        {("Number achieving: Mathematics, 9", "Tower Hamlets", "2022/23", ""): 100.0,
         ("Number achieving: Mathematics, U", "Tower Hamlets", "2022/23", ""): 12.0,
         ("Number achieving: Mathematics, 9", "London", "2022/23", ""): 100.0,
         ("Number achieving: Mathematics, U", "London", "2022/23", ""): 12.0},
        id="a-filter-of-numbers-that-tells-rows-apart-is-a-filter-not-an-indicator",
    ),
    pytest.param(
        f"{HEADER},school_type,percent_eal\n"
        f"202223,Academic year,Local authority,{TOWER_HAMLETS},Total,35.2\n"
        f"202223,Academic year,Local authority,{TOWER_HAMLETS},Special,~\n",
        {("Percent eal", "Tower Hamlets", "2022/23", ""): 35.2,
         ("Percent eal", "Tower Hamlets", "2022/23", "School type: Special"): "Too small to display (~)"},
        id="an-indicator-with-a-marker-is-still-an-indicator",
    ),
    pytest.param(
        f"{HEADER},breakdown_topic,breakdown,avg_p8score,p8score_CI_low,p8score_CI_upp\n"
        f"202122,Academic year,Local authority,{TOWER_HAMLETS},Total,Total,0.5,0.44,0.56\n"
        f"202122,Academic year,Local authority,{TOWER_HAMLETS},Disadvantage,Disadvantaged,0.2,0.1,0.3\n",
        {("Avg p8score", "Tower Hamlets", "2021/22", ""): 0.5,
         ("Avg p8score", "Tower Hamlets", "2021/22", "Disadvantage: Disadvantaged"): 0.2},
        id="a-topic-filter-names-the-kind-of-the-other-s-values",
    ),
    pytest.param(
        f"{HEADER},apprenticeship_starts\n"
        f"202223,Academic year Q1,Local authority,{TOWER_HAMLETS},120\n"
        f"202223,Academic year Q2,Local authority,{TOWER_HAMLETS},130\n"
        f"2023,January,Local authority,{TOWER_HAMLETS},40\n",
        {("Apprenticeship starts", "Tower Hamlets", "Aug 2022-Oct 2022", ""): 120.0,
         ("Apprenticeship starts", "Tower Hamlets", "Nov 2022-Jan 2023", ""): 130.0,
         ("Apprenticeship starts", "Tower Hamlets", "Jan 2023", ""): 40.0},
        id="academic-quarters-begin-in-august-and-months-are-months",
    ),
    pytest.param(
        f"{HEADER},gld_percent\n201819,Academic year,Regional,E92000001,England,E12000001,North East,,,70.0\n",
        {("Gld percent", "North East region", "2018/19", ""): 70.0},
        id="an-area-s-code-is-surer-than-its-name",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), READS)
def test_a_dfe_file_reads_as_the_standard_says(make_store, make_csv, text, expected):
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "dfe.csv"))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == expected


@pytest.mark.parametrize(
    ("name", "unit"),
    [("At31_episodes", "count"), ("number_of_pupils", "count"), ("elg_percent", "%"), ("Median_days", ""),
     ("average_point_score", ""), ("Section47_rate", ""), ("Claimants as a proportion of residents aged 16-64", "%"),
     ("Weekly pay - gross, Median", ""), ("Claimant count: Male", "count")],
)  # fmt: skip
def test_the_unit_a_publisher_s_column_name_implies(name, unit):
    from thplan.measure import unit_implied_by

    assert unit_implied_by(name) == unit


def test_rows_of_terms_and_weeks_are_said_not_read_and_a_version_column_names_no_measure(make_store, make_csv):
    text = (f"{HEADER},version,sess_overall_percent\n"
            f"202223,Academic year,Local authority,{TOWER_HAMLETS},Revised,7.4\n"
            f"202223,Autumn term,Local authority,{TOWER_HAMLETS},Revised,6.9\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {("Sess overall percent", "Tower Hamlets", "2022/23", ""): 7.4}
    assert any("'Autumn term' are not read" in p.message for p in result.warnings)
    weeks = do_import(make_store(framework=False, name="w.duckdb"),
                      make_csv(text.replace("Academic year", "Week 37").replace("Autumn term", "Week 38")))  # fmt: skip
    assert weeks.rejected and "holds nothing to import" in weeks.errors[0].message


def test_a_text_in_an_indicator_s_column_is_an_error_not_a_filter_s_value(make_store, make_csv):
    store = make_store(framework=False)
    text = (f"{HEADER},headcount,percent_eal\n"
            f"202223,Academic year,Local authority,{TOWER_HAMLETS},1000,35.2\n"
            f"202223,Academic year,Regional,{LONDON},9000,see note\n"
            f"202223,Academic year,National,{ENGLAND},90000,20.1\n")  # fmt: skip
    result = do_import(store, make_csv(text))
    assert result.rejected
    [refusal] = result.errors
    assert "'see note'" in refusal.message and (refusal.row, refusal.column) == (3, 11)


def test_an_indicator_s_confidence_limit_columns_are_its_interval(make_store, make_csv):
    store = make_store(framework=False)
    text = (f"{HEADER},avg_p8score,p8score_CI_low,p8score_CI_upp,exclusion_rate,exclusion_rate_lower_ci\n"
            f"202122,Academic year,Local authority,{TOWER_HAMLETS},0.5,0.44,0.56,12.0,11.0\n")  # fmt: skip
    result = do_import(store, make_csv(text))
    assert not result.rejected, result.errors
    assert sorted(result.matched) == ["Avg p8score", "Exclusion rate"]
    stored = {o.measure_id: (o.value, o.lower_ci, o.upper_ci) for o in store.observations()}
    assert stored == {"avg-p8score": (0.5, 0.44, 0.56), "exclusion-rate": (12.0, 11.0, None)}
    [said] = [p for p in result.notes if "'p8score_CI_low' is read as the lower 95% confidence limit" in p.message]
    assert said.column == 11


def test_a_count_is_not_compared_with_areas_of_other_sizes(make_store, make_csv):
    from thplan.analysis import classify_measures
    from thplan.listing import rows

    store = make_store(framework=False)
    lines = [f"2022,Reporting year,National,{ENGLAND},404310", f"2022,Reporting year,Regional,{LONDON},70960",
             f"2022,Reporting year,Local authority,{TOWER_HAMLETS},2964"]  # fmt: skip
    result = do_import(store, make_csv("\n".join([f"{HEADER},At31_episodes", *lines]) + "\n", "cin.csv"))
    [measure] = result.new_measures
    framework = store.framework()
    [row] = rows(framework, classify_measures(framework, store.observations()))
    assert (measure.unit.value, row["vs_london"], row["vs_england"]) == ("count", "Not compared", "Not compared")


def test_a_dfe_table_saved_as_a_workbook_reads_percentage_formatted_cells_as_shown(make_store, make_xlsx):
    rows = [[*HEADER.split(","), "gld_percent"],
            ["201819", "Academic year", "Local authority", *TOWER_HAMLETS.split(","), (0.702, "0.0%")]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {("Gld percent", "Tower Hamlets", "2018/19", ""): 70.2}
