"""Tables with a period in each row and a measure in each column, and single series named only by their file:
the area and the name they are read with are said in the preview, and the officer can rename the measure."""

from __future__ import annotations

import pytest

from thplan.ingest.importer import ImportOptions, import_path

from .conftest import do_import

READS = [
    pytest.param(
        "annual_emissions_per_capita.csv", "Year,tCO2e\n2019,2.9\n2020,2.7\n",
        {("Annual emissions per capita", "Tower Hamlets", "2019"): 2.9,
         ("Annual emissions per capita", "Tower Hamlets", "2020"): 2.7},
        "read as values for Tower Hamlets (the home area: the table names no area)",
        id="a-single-series-is-named-after-its-file-and-is-the-home-area-s-saying-so",
    ),
    pytest.param(
        "journeys_in_lambeth_by_walking.csv", "Year,%\r\n2019,76\r\n2020,76\r\n",
        {("Journeys in lambeth by walking", "Lambeth", "2019"): 76.0,
         ("Journeys in lambeth by walking", "Lambeth", "2020"): 76.0},
        "read as values for Lambeth (the area the file's name names)",
        id="a-borough-the-file-s-name-names-is-its-area",
    ),
    pytest.param(
        "jobs.csv", "Financial year,Employment rate (%),Jobs growth (%),Source\n2018/19,70.1,2.8,APS\n"
        "2019/20,71.0,-4.9,APS\n",
        {("Employment rate (%)", "Tower Hamlets", "2018/19"): 70.1,
         ("Jobs growth (%)", "Tower Hamlets", "2018/19"): 2.8,
         ("Employment rate (%)", "Tower Hamlets", "2019/20"): 71.0,
         ("Jobs growth (%)", "Tower Hamlets", "2019/20"): -4.9},
        "Not imported: the column 'Source' (not values this program uses).",
        id="measures-as-columns-a-period-per-row-and-a-source-column-not-imported",
    ),
    pytest.param(
        "recycling.csv", "Year,%,,,,\n2014,2.69,,,,\n2015,,,,,\n2016,3.1,,,,\n",
        {("Recycling", "Tower Hamlets", "2014"): 2.69, ("Recycling", "Tower Hamlets", "2016"): 3.1},
        "imported as 'Recycling', after the file's name",
        id="empty-trailing-columns-and-a-blank-year-are-no-values",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "expected", "said"), READS)
def test_a_table_of_periods_by_measure(make_store, make_csv, name, text, expected, said):
    store = make_store(framework=False)
    result = do_import(store, make_csv(text, name))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    stored = {(names[o.measure_id], o.area, o.period.label): o.value for o in store.observations(list(names))}
    assert stored == expected
    assert any(said in p.message for p in result.problems)


def test_a_series_named_after_its_file_is_published_under_the_officer_s_name(make_store, make_csv):
    store = make_store(framework=False)
    path = make_csv("Year,%\n2020,87\n2021,89\n", "climate_important.csv")
    preview = import_path(store, path, ImportOptions(dry_run=True))
    assert preview.named_by_title == ["Climate important"]
    names = {"Climate important": "Residents who say climate change is important to them (%)"}
    result = import_path(store, path, ImportOptions(names=names))
    [measure] = result.new_measures
    assert measure.name == "Residents who say climate change is important to them (%)"
    assert [o.value for o in store.observations([measure.id])] == [87.0, 89.0]


def test_a_row_whose_period_is_not_one_is_refused_naming_its_cell(make_store, make_csv):
    result = do_import(make_store(framework=False), make_csv("Year,%\n2019,76\nSource: council survey,\n"))
    assert result.rejected
    [problem] = result.errors
    assert (problem.row, problem.column) == (3, 1) and "'Source: council survey' is not a period" in problem.message


def test_lines_without_figures_after_a_blank_row_below_the_table_are_its_notes(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Year,%\n2019,76\n2020,78\n\nSource: council survey,\nProvisional,\n"))
    assert not result.rejected, result.errors
    assert sorted(o.value for o in store.observations()) == [76.0, 78.0]
    [said] = [p for p in result.notes if "below the table and a blank row, hold no figures" in p.message]
    assert said.row == 5
    figures = do_import(make_store(framework=False, name="f.duckdb"), make_csv("Year,%\n2019,76\n\nOther,80\n"))
    assert figures.rejected and "'Other' is not a period" in figures.errors[0].message


def test_a_plus_or_minus_column_after_a_series_values_is_their_interval(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(
        store, make_csv("Year,Number of jobs,% of jobs,CI +/-\n2019,32000,11.2,1.9\n2020,30000,10.1,2.0\n")
    )
    assert not result.rejected, result.errors
    assert sorted(result.matched) == ["% of jobs", "Number of jobs"]
    stored = {(o.measure_id, o.period.label): (o.value, o.lower_ci, o.upper_ci) for o in store.observations()}
    assert stored[("percent-of-jobs", "2019")] == (11.2, 9.3, 13.1)
    assert stored[("number-of-jobs", "2020")] == (30000.0, None, None)


def test_a_total_row_under_a_series_is_said_not_read(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Year,Homes built\n2021,1822\n2022,1414\nTotal,3236\n"))
    assert not result.rejected, result.errors
    assert sorted(o.value for o in store.observations()) == [1414.0, 1822.0]
    assert any("headed 'Total' (row 4) is not read" in p.message for p in result.warnings)


def _offences(march: str, april: str) -> dict[tuple[str, str, str], float]:
    return {
        ("Number of offences", "Tower Hamlets", march): 170.0,
        ("Number of offences", "Tower Hamlets", april): 117.0,
        ("Rate / 1,000", "Tower Hamlets", march): 0.5,
        ("Rate / 1,000", "Tower Hamlets", april): 0.4,
    }


@pytest.mark.parametrize(
    ("days", "stored"),
    [((1, 1), _offences("Mar 2022", "Apr 2022")), ((31, 30), _offences("Mar 2022", "Apr 2022")),
     ((15, 14), _offences("15 Mar 2022", "14 Apr 2022"))],
    ids=["dates-on-the-first-of-each-month-under-no-heading-are-those-months", "last-days-of-months-are-months",
         "other-days-are-days"],
)  # fmt: skip
def test_an_unheaded_column_of_dates_on_the_left_gives_each_row_s_period(make_store, make_xlsx, days, stored):
    from datetime import datetime

    rows = [
        [None, "Number of offences", "Rate / 1,000"],
        [datetime(2022, 3, days[0]), 170, 0.5],
        [datetime(2022, 4, days[1]), 117, 0.4],
    ]
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Sheet1": rows}))
    assert not result.rejected, result.errors
    names = {measure_id: name for name, measure_id in result.matched.items()}
    assert {(names[o.measure_id], o.area, o.period.label): o.value for o in store.observations()} == stored


def test_tables_of_periods_side_by_side_each_under_its_area(make_store, make_xlsx):
    rows = [["Tower Hamlets", None, None, None, "London"],
            ["Month", "Number of offences", "Rate / 1,000", None, "Month", "Number of offences", "Rate / 1,000"],
            ["Apr-22", 164, 0.7, None, "Apr-22", 4336, 0.6],
            ["May-22", 117, 0.3, None, "May-22", 3135, 0.5]]  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_xlsx({"Sheet1": rows}))
    assert not result.rejected, result.errors
    assert {(o.measure_id, o.area, o.period.label): o.value for o in store.observations()} == {
        ("number-of-offences", "Tower Hamlets", "Apr 2022"): 164.0,
        ("number-of-offences", "Tower Hamlets", "May 2022"): 117.0,
        ("rate-1-000", "Tower Hamlets", "Apr 2022"): 0.7, ("rate-1-000", "Tower Hamlets", "May 2022"): 0.3,
        ("number-of-offences", "London", "Apr 2022"): 4336.0, ("number-of-offences", "London", "May 2022"): 3135.0,
        ("rate-1-000", "London", "Apr 2022"): 0.6, ("rate-1-000", "London", "May 2022"): 0.5,
    }  # fmt: skip
    assert not result.warnings or all("home area" not in p.message for p in result.warnings)


def test_iso_months_in_a_column_are_months_even_where_one_could_be_a_financial_year(make_store, make_csv):
    store = make_store(framework=False)
    result = do_import(store, make_csv("Month,Burglary\n2011-12,300\n2012-01,310\n2012-11,280\n", "burglary.csv"))
    assert not result.rejected, result.errors
    assert sorted((o.period.start, o.value) for o in store.observations())[0][1] == 300.0
    assert {o.period.label for o in store.observations()} == {"Dec 2011", "Jan 2012", "Nov 2012"}
    other = make_store(framework=False, name="y.duckdb")
    years = do_import(other, make_csv("Year,Rate\n2010-11,3\n2011-12,4\n"))
    assert not years.rejected, years.errors
    assert {o.period.label for o in other.observations()} == {"2010/11", "2011/12"}


@pytest.mark.parametrize(
    "dates", [("31-Mar-22", "30-Jun-22"), ("31.03.2022", "30.06.2022")], ids=["dd-mon-yy", "dotted"]
)
def test_dates_as_excel_writes_them_to_csv_are_read_as_dates(make_store, make_csv, dates):
    store = make_store(framework=False)
    result = do_import(store, make_csv(f"Date,Households\n{dates[0]},2712\n{dates[1]},2750\n", "households.csv"))
    assert not result.rejected, result.errors
    assert {o.period.label: o.value for o in store.observations()} == {"Mar 2022": 2712.0, "Jun 2022": 2750.0}
