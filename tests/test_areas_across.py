"""Tables with an area in each column: the period and the measure from the columns before the areas, or from the
rows above the table (NOMIS); a row of units under the areas says which column is the value, its count and its
interval."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import do_import, stored_values

NOMIS_TOP = [["TS054 - Tenure"], ["ONS Crown Copyright Reserved"], [], ["units", "Households"], ["date", 2021], []]

READS = [
    pytest.param(
        [["Indicator", "Year", "Tower Hamlets", "Hackney", "London", "England"],
         ["Employment rate (%)", "2021/22", 72.9, 70.1, 74.9, 75.9],
         ["Employment rate (%)", "2022/23", 73.5, None, 75.1, 76.0]],
        {("Employment rate (%)", "Tower Hamlets", "2021/22"): 72.9, ("Employment rate (%)", "Hackney", "2021/22"): 70.1,
         ("Employment rate (%)", "London", "2021/22"): 74.9, ("Employment rate (%)", "England", "2021/22"): 75.9,
         ("Employment rate (%)", "Tower Hamlets", "2022/23"): 73.5, ("Employment rate (%)", "London", "2022/23"): 75.1,
         ("Employment rate (%)", "England", "2022/23"): 76.0},
        id="a-measure-column-a-year-column-and-an-area-in-each-column",
    ),
    pytest.param(
        [*NOMIS_TOP, ["Tenure of household", "ladu2021:Tower Hamlets", None, "gor:London", None],
         [None, "number", "%", "number", "%"],
         ["Owned: Owns outright", 12000, 10.5, 710052, 20.7],
         ["Social rented", 40000, 35.2, 791000, 23.1],
         [], ["In order to protect against disclosure of personal information, records have been swapped between "
              "areas."]],
        {("TS054 - Tenure: Owned: Owns outright", "Tower Hamlets", "2021"): (10.5, 12000.0),
         ("TS054 - Tenure: Owned: Owns outright", "London", "2021"): (20.7, 710052.0),
         ("TS054 - Tenure: Social rented", "Tower Hamlets", "2021"): (35.2, 40000.0),
         ("TS054 - Tenure: Social rented", "London", "2021"): (23.1, 791000.0)},
        id="nomis-a-date-row-above-categories-down-a-percentage-with-its-count-under-a-merged-area",
    ),
    pytest.param(
        [["Date", "Tower Hamlets", "Tower Hamlets", "London"], [None, None, "(%)", "(%)"],
         [date(2023, 1, 1), 2000, 7.0, 5.9], [date(2023, 2, 1), 2015, 7.1, 6.1]],
        {("Claimants", "Tower Hamlets", "Jan 2023"): (7.0, 2000.0), ("Claimants", "London", "Jan 2023"): (5.9, None),
         ("Claimants", "Tower Hamlets", "Feb 2023"): (7.1, 2015.0), ("Claimants", "London", "Feb 2023"): (6.1, None)},
        id="dates-on-the-first-of-each-month-are-months-and-the-measure-is-named-after-the-file",
    ),
    pytest.param(
        [["date", "Tower Hamlets", "London"], [date(2022, 5, 2), 72.4, 71.0], [date(2022, 5, 1), 74.9, 72.2],
         ["30/04/2022", 75.3, None]],
        {("Claimants", "Tower Hamlets", "2 May 2022"): 72.4, ("Claimants", "London", "2 May 2022"): 71.0,
         ("Claimants", "Tower Hamlets", "1 May 2022"): 74.9, ("Claimants", "London", "1 May 2022"): 72.2,
         ("Claimants", "Tower Hamlets", "30 Apr 2022"): 75.3},
        id="a-daily-series-is-read-as-days-its-first-of-the-month-and-a-date-written-day-first-too",
    ),
    pytest.param(
        [["annual population survey"], ["confidence", "95% confidence interval of percent figure (+/-)"],
         ["date", "Jul 2021-Jun 2022"], ["Variable", "ualad09:Tower Hamlets", None, None, None],
         [None, "numerator", "denominator", "percent", "conf"],
         ["Unemployment rate - aged 16+", 7500, 224000, 3.3, 0.8]],
        {("annual population survey: Unemployment rate - aged 16+", "Tower Hamlets", "Jul 2021-Jun 2022"):
         (3.3, 7500.0)},
        id="nomis-aps-twelve-months-numerator-denominator-percent-and-its-interval",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("rows", "expected"), READS)
def test_a_table_of_areas_across(make_store, make_xlsx, rows, expected):
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}, "claimants.xlsx"))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    stored = {(names[o.measure_id], o.area, o.period.label): o for o in store.observations(list(names))}
    shown = {k: (o.value, o.count) if isinstance(expected[k], tuple) else o.value for k, o in stored.items()
             if k in expected}  # fmt: skip
    assert set(stored) == set(expected) and shown == expected


def test_nomis_areas_down_a_category_in_each_column_with_its_units_and_the_date_above(make_store, make_xlsx):
    rows = [["TS031 - Religion (detailed)"], [], ["units", "Persons"], ["date", 2021], [],
            ["2022 ward", "Christian", None, "Muslim", None], [None, "number", "%", "number", "%"],
            ["E05014095 : Brixton Acre Lane", 5785, 37.9, 821, 5.4], ["ward2022:E05014096 : Brixton North", 7806, 47.8,
                                                                    1948, 11.9]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    assert {(names[o.measure_id], o.area, o.period.label): (o.value, o.count)
            for o in store.observations(list(names))} == {
        ("TS031 - Religion (detailed): Christian", "Brixton Acre Lane", "2021"): (37.9, 5785.0),
        ("TS031 - Religion (detailed): Muslim", "Brixton Acre Lane", "2021"): (5.4, 821.0),
        ("TS031 - Religion (detailed): Christian", "Brixton North", "2021"): (47.8, 7806.0),
        ("TS031 - Religion (detailed): Muslim", "Brixton North", "2021"): (11.9, 1948.0)}  # fmt: skip


def test_a_period_that_ends_the_table_s_title_is_its_period_said(make_store, make_xlsx):
    rows = [["Total population (2021)"], [None, "Tower Hamlets", "London"], [None, "(Numbers)", "(Numbers)"],
            ["All People", 310300, 8796600], ["Source: ONS mid-year estimates"]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    [measure] = result.new_measures
    assert (measure.name, measure.unit.value) == ("Total population: All People", "count")
    assert {(o.area, o.period.label): o.value for o in store.observations([measure.id])} == {
        ("Tower Hamlets", "2021"): 310300.0, ("London", "2021"): 8796600.0}  # fmt: skip
    assert any("period is read from the table's title ('Total population (2021)'): 2021" in p.message
               for p in result.notes)  # fmt: skip


def test_a_plus_or_minus_confidence_column_is_the_value_s_95_percent_interval(make_store, make_xlsx):
    store = make_store(framework=False)
    [rows] = [p.values[0] for p in READS if p.id.startswith("nomis-aps")]
    result = do_import(store, make_xlsx({"Data": rows}))
    [found] = store.observations(list(result.matched.values()))
    assert (found.lower_ci, found.upper_ci, found.denominator) == (pytest.approx(2.5), pytest.approx(4.1), 224000.0)
    assert found.period.start == date(2021, 7, 1) and found.period.end == date(2022, 6, 30)


@pytest.mark.parametrize(
    ("rows", "said", "cell"),
    [
        ([["Occupation", "Tower Hamlets", "London"], ["Managers", 35700, 12.4]],
         "does not say which period its values are for", "A1"),
        ([["date", "Tower Hamlets", "London"], [date(2022, 5, 21), 72.4, 71.0], [None, None, 72.2]],
         "1 row of the table hold values but no period, from row 3: its columns are not the same length", "A3"),
        ([["Population projections, 2018-based"], [None, "Tower Hamlets", "London"], ["All people", 331000, 9.5e6]],
         "does not say which period its values are for", "A2"),
    ],
    ids=["no-period-anywhere", "a-column-longer-than-its-periods", "a-year-in-a-title-that-is-no-period"],
)  # fmt: skip
def test_a_table_of_areas_across_that_cannot_be_read_is_refused_saying_why(make_store, make_xlsx, rows, said, cell):
    result = do_import(make_store(framework=False), make_xlsx({"Data": rows}))
    assert result.rejected
    [problem] = result.errors
    assert said in problem.message and f"{'ABC'[(problem.column or 1) - 1]}{problem.row}" == cell


_CLAIMANTS = [["Claimant count by sex and age"], ["ONS Crown Copyright Reserved [from Nomis on 12 May 2024]"], []]
_BY_DATE = [["Date", "ladu:Tower Hamlets", "gor:London"], ["January 2024", 735, 21115]]
_BY_AREA = [["Area", "March 2023", "March 2024"], ["ladu:Tower Hamlets", 1020, 1090], ["gor:London", 20510, 18890]]


@pytest.mark.parametrize(
    ("lines", "table", "breakdown"),
    [([["gender", "Female"], ["age", "Aged 50+"], ["measure", "Claimant count"]], _BY_DATE, "Female, Aged 50+"),
     ([["gender", "Male"], ["age", "Aged 18-24"], ["measure", "Claimant count"]], _BY_AREA, "Male, Aged 18-24"),
     ([["sex", "Female Full Time Workers"], ["measure", "Claimant count"]], _BY_DATE, "sex: Female Full Time Workers"),
     ([["employment sizeband", "Micro (0 to 9)"], ["measure", "Claimant count"]], _BY_AREA,
      "employment sizeband: Micro (0 to 9)"),
     ([["gender", "Total"], ["age", "All categories: Age 16+"], ["measure", "Claimant count"]], _BY_DATE, ""),
     ([["gender", "All persons"], ["measure", "Claimant count"]], _BY_AREA, ""),
     ([["Last updated", "March 2024"], ["Source", "DWP"], ["measure", "Claimant count"]], _BY_DATE, "")],
    ids=["areas-across-a-sex-and-an-age", "areas-down-a-sex-and-an-age", "a-sex-with-more-words-is-a-category",
         "another-key-is-a-category", "totals-narrow-nothing", "all-persons-narrow-nothing",
         "rows-about-the-file-narrow-nothing"],
)  # fmt: skip
def test_the_rows_above_a_nomis_table_that_say_whose_figures_they_are_are_its_breakdown(
    make_store, make_xlsx, lines, table, breakdown
):
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": [*_CLAIMANTS, *lines, [], *table]}))
    assert not result.rejected, result.errors
    assert {o.breakdown.label for o in store.observations()} == {breakdown}
    assert {o.measure_id for o in store.observations()} == {"claimant-count"}
    # a new measure the file gives for one breakdown only has it as its headline, so its figures are shown
    assert [m.breakdown for m in store.framework().measures if m.id == "claimant-count"] == [breakdown]
    said = [p for p in result.notes if p.message.startswith("The rows above the table (")]
    assert len(said) == (1 if breakdown else 0)


def test_headings_of_blocks_side_by_side_are_no_rows_above_a_table_that_narrow_it(make_store, make_xlsx):
    rows = [[None, None, None, "All ages", None, "Children", None],
            [None, None, None, "Total", None, "Total", None],
            ["Borough", "2016", "2019", "2016", "2019", "2016", "2019"],
            ["Tower Hamlets", 43.0, 33.9, 305500, 319400, 71000, 73600]]  # fmt: skip
    result = do_import(make_store(framework=False), make_xlsx({"Data": rows}))
    assert not [p for p in result.problems if p.message.startswith("The rows above the table (")]


def test_a_marker_in_a_confidence_column_flags_its_estimate_with_what_the_footnote_says(make_store, make_xlsx):
    rows = [["annual population survey"], ["confidence", "95% confidence interval of percent figure (+/-)"],
            ["date", "Jul 2021-Jun 2022"], ["Variable", "ualad09:Tower Hamlets", None, "gor:London", None],
            [None, "percent", "conf", "percent", "conf"], ["Unemployment rate - aged 16+", 3.3, "*", 4.7, 0.5], [],
            ["* Estimate and confidence interval unreliable since the group sample size is small (3-9)."]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    stored = {o.area: (o.value, o.lower_ci, o.flags) for o in store.observations()}
    assert stored == {
        "Tower Hamlets": (3.3, None, ("Estimate and confidence interval unreliable since the group sample size is "
                                      "small (3-9).",)),
        "London": (4.7, 4.2, ()),
    }  # fmt: skip


@pytest.mark.parametrize(
    "heading", ["2021 super output area - lower layer", "2022 ward", "output area"],
    ids=["nomis-lsoa-heading", "nomis-ward-heading", "output-areas"],
)  # fmt: skip
def test_nomis_areas_down_under_its_headings_for_small_areas_with_their_codes_beside(make_store, make_xlsx, heading):
    rows = [*NOMIS_TOP, [heading, "mnemonic", "Social rented", None], [None, None, "number", "%"],
            ["Brixton Acre Lane", "E05014095", 620, 12.0], ["Oval", "E05014108", 710, 18.3]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert {o.area: (o.value, o.count) for o in store.observations()} == {
        "Brixton Acre Lane": (12.0, 620.0),
        "Oval": (18.3, 710.0),
    }
    assert any("'mnemonic'" in p.message for p in result.notes if p.message.startswith("Not imported"))


def test_mopac_s_rows_of_ranks_are_not_imported_and_city_of_westminster_is_westminster(make_store, make_csv):
    text = ("Date\tMeasure\t\tTower Hamlets\tHackney\tCity of Westminster\tMPS\n"
            "June 2023\tFeels safe walking alone after dark\tProportion\t71%\t74%\t-\t75%\n"
            "June 2023\tFeels safe walking alone after dark\tRank\t25\t20\t\t\n")  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, "mopac.csv", encoding="utf-16"))
    assert not result.rejected, result.errors
    assert stored_values(store, result) == {
        ("Feels safe walking alone after dark", "Tower Hamlets", "Jun 2023", ""): 71.0,
        ("Feels safe walking alone after dark", "Hackney", "Jun 2023", ""): 74.0,
        ("Feels safe walking alone after dark", "Westminster", "Jun 2023", ""): "Not stated (-)",
        ("Feels safe walking alone after dark", "MPS", "Jun 2023", ""): 75.0,
    }
    assert any("rows of ranks" in p.message for p in result.notes)


def test_a_profile_s_measures_each_name_their_own_period_before_the_title_s(make_store, make_xlsx):
    rows = [[None, None, "BOROUGH PROFILES 2023"], [],
            ["Theme", "Indicator", "Tower Hamlets", "Inner London", "London"],
            ["Demography", "Average Age, 2023", 31.2, 35.6, 36.9],
            [None, "Proportion of population aged 65 and over, 2021", 6.1, 10.2, 11.9],
            ["Health", "Male life expectancy, (2018-20)", 79.0, 80.2, 80.3],
            [None, "Childhood Obesity Prevalence (%) 2021/22", 25.3, 24.8, 23.1]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Profiles": rows}))
    assert not result.rejected, result.errors
    assert {k: v for k, v in stored_values(store, result).items() if k[1] == "Tower Hamlets"} == {
        ("Average Age", "Tower Hamlets", "2023", ""): 31.2,
        ("Proportion of population aged 65 and over", "Tower Hamlets", "2021", ""): 6.1,
        ("Male life expectancy", "Tower Hamlets", "2018-20", ""): 79.0,
        ("Childhood Obesity Prevalence (%)", "Tower Hamlets", "2021/22", ""): 25.3,
    }
    assert any("'Theme'" in p.message for p in result.notes if p.message.startswith("Not imported"))


def test_a_missing_value_marker_a_footnote_under_the_table_explains_keeps_its_meaning(make_store, make_xlsx):
    rows = [["annual population survey"], ["date", "Apr 2022-Mar 2023"],
            ["Variable", "ualad09:Tower Hamlets", "gor:London"], ["Employment rate - aged 16-64", "-", 74.3], [],
            ["- Sample size too small for reliable estimate (see definitions)"]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Data": rows}))
    assert not result.rejected, result.errors
    assert {o.area: o.missing for o in store.observations()} == {
        "Tower Hamlets": "Sample size too small for reliable estimate (see definitions) (-)",
        "London": None,
    }
