"""Fingertips' own labels are the oracle: on every Fingertips download among the samples, the comparison with
England, the comparison with the region and the recent trend we compute agree with the file's stated columns on
every row where they can be checked. The differences that remain are listed here, each with its reason."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from thplan.area import ENGLAND, canonical_area
from thplan.breakdown import Breakdown
from thplan.classification import RecentTrendLabel, compare_with_benchmark, ordered, recent_trend
from thplan.measure import NOT_BENCHMARKED, Unit
from thplan.period import parse_period
from thplan.polarity import Polarity

from .conftest import SAMPLES, do_import

CAMPYLOBACTER = SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv"
MMR = SAMPLES / "fingertips_lambeth_mmr1_vaccination_30309.csv"
HLE = SAMPLES / "fingertips_lambeth_healthy_life_expectancy_male_90362.csv"
EAST_MIDLANDS = SAMPLES / "fingertips_east_midlands_countyua_pre419_8_indicators.data.csv"
FILES = (CAMPYLOBACTER, MMR, HLE, EAST_MIDLANDS)


@dataclass
class Oracle:
    checked: Counter[str] = field(default_factory=Counter)
    differences: set[tuple[int, str, str, str]] = field(default_factory=set)  # (line, column, stated, ours)
    unverifiable: set[tuple[int, str]] = field(default_factory=set)  # a stated trend from points the file lacks


def _column(row: dict[str, str], *names: str) -> str:
    return next((" ".join(row[n].split()) for n in names if n in row), "")


def against_the_file(path: Path, make_store) -> Oracle:  # type: ignore[no-untyped-def]
    """Import a Fingertips download into an empty database, then set each stated label of the file beside what
    the classifier computes for that row's area, breakdown and period, from the data the file gave."""
    store = make_store(framework=False)
    assert not do_import(store, path).rejected
    framework = store.framework()
    series: dict[tuple[str, str, str], list] = {}
    for o in store.observations():
        series.setdefault((o.measure_id, o.area, o.breakdown.label), []).append(o)
    oracle = Oracle()
    for line, row in enumerate(csv.DictReader(path.open(encoding="utf-8-sig", newline="")), start=2):
        measure = framework.find_measure(" ".join(row["Indicator Name"].split()))
        assert measure is not None
        breakdown = Breakdown(row["Sex"], row["Age"], row["Category Type"], row["Category"]).label
        area = canonical_area(row["Area Code"])
        area = area if area != row["Area Code"] else canonical_area(_column(row, "Area Name", "AreaName"))
        period = parse_period(row["Time period"])
        own = [o for o in ordered(series.get((measure.id, area, breakdown), [])) if o.period.end <= period.end]
        compared = own if any(o.period == period and o.available for o in own) else []  # this row's own value
        parent = canonical_area(row["Parent Name"])
        for column, benchmark in (("Compared to England value or percentiles", ENGLAND),
                                  ("Compared to Region value or percentiles", parent),
                                  ("Compared to parent value or percentiles", parent)):  # fmt: skip
            stated = _column(row, column)
            if not stated:
                continue
            oracle.checked[column] += 1
            if benchmark in ("", ENGLAND) and column != "Compared to England value or percentiles":
                ours = "Not compared"  # Fingertips' parent column for a parent that is England: percentiles
            else:
                ours = compare_with_benchmark(
                    measure, area, compared, benchmark, series.get((measure.id, benchmark, breakdown), [])
                ).label
            if stated != ours:
                oracle.differences.add((line, column, stated, str(ours)))
        stated = _column(row, "Recent Trend")
        if stated:
            oracle.checked["Recent Trend"] += 1
            result = recent_trend(measure, own)
            if not result.enough_points and stated != RecentTrendLabel.CANNOT:
                oracle.unverifiable.add((line, stated))
            elif stated != result.label:
                oracle.differences.add((line, "Recent Trend", stated, str(result.label)))
    return oracle


#: Rows where what we compute differs from what the file states, with the reason. (None so far: each rule of R7-R10
#: reproduces these files; add a case here, with its reason, rather than loosen a rule.)
KNOWN_DIFFERENCES: dict[str, dict[tuple[int, str, str, str], str]] = {}

#: Stated recent trends the files do not hold the points of (Fingertips computed them from five years; the file
#: gives the latest only), so they cannot be checked: how many, in each file.
UNVERIFIABLE = {EAST_MIDLANDS.name: 33}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_computed_labels_agree_with_the_file_s_stated_columns(path, make_store):
    oracle = against_the_file(path, make_store)
    assert sum(oracle.checked.values()) > 0
    assert oracle.differences == set(KNOWN_DIFFERENCES.get(path.name, {})), sorted(oracle.differences)[:10]
    assert len(oracle.unverifiable) == UNVERIFIABLE.get(path.name, 0)


def test_every_stated_column_of_the_campylobacter_file_is_checked(make_store):
    oracle = against_the_file(CAMPYLOBACTER, make_store)
    assert oracle.checked == {"Compared to England value or percentiles": 852,
                              "Compared to Region value or percentiles": 852, "Recent Trend": 182}  # fmt: skip


def test_an_indicator_fingertips_does_not_compare_is_not_benchmarked(make_store):
    store = make_store(framework=False)
    result = do_import(store, EAST_MIDLANDS)
    comparison = {m.name: m.comparison for m in result.new_measures}
    # Every area's row says "Not compared", though they have values and intervals (violent crime) ...
    assert comparison["Violent crime - violence offences per 1,000 population"] == NOT_BENCHMARKED
    assert comparison["Domestic abuse-related incidents and crimes"] == NOT_BENCHMARKED
    # ... while these are compared where their values have intervals, and not where they have none.
    assert comparison["Children in low income families (under 16s)"] == "interval"
    assert comparison["Deprivation score (IMD 2015)"] == "interval"
    violence = next(m for m in result.new_measures if m.name.startswith("Violent crime"))
    derby = store.observations([violence.id], ["Derby"])
    england = store.observations([violence.id], [ENGLAND])
    vs = compare_with_benchmark(violence, "Derby", derby, ENGLAND, england)
    assert vs.label.value == "Not compared" and "does not compare it between areas" in vs.method


def test_a_fingertips_file_s_unit_is_read_from_its_counts_and_denominators(make_store):
    store = make_store(framework=False)
    units = {m.name: m.unit for m in do_import(store, EAST_MIDLANDS).new_measures}
    assert units["Percentage people living in 20% most deprived areas in England"] is Unit.PERCENT
    assert units["Violent crime - violence offences per 1,000 population"] is Unit.RATE_1K
    assert units["Children leaving care: rate per 10,000 children aged under 18"] is Unit.RATE_10K
    assert units["Deprivation score (IMD 2015)"] is None  # a score: no count, no unit to read
    assert units["Unemployment (model-based)"] is None  # modelled: a count, no denominator
    campylobacter = do_import(make_store(framework=False, name="c.duckdb"), CAMPYLOBACTER).new_measures[0]
    assert campylobacter.unit is Unit.RATE_100K


def test_one_indicator_is_one_measure_with_its_breakdowns(make_store):
    store = make_store(framework=False)
    result = do_import(store, CAMPYLOBACTER)
    [measure] = result.new_measures
    assert measure.name == "Campylobacter incidence rate/100,000"
    assert measure.breakdown == "Persons, All ages" and measure.polarity is Polarity.LOWER
    labels = {o.breakdown.label for o in store.observations([measure.id])}
    assert "Persons, 0-9 yrs" in labels and len(labels) == 22
    deciles = {o.breakdown.category for o in store.observations([measure.id], [ENGLAND]) if o.breakdown.in_category}
    assert "Most deprived decile (IMD2015)" in deciles and len(deciles) == 10


def test_england_twice_for_one_period_with_the_same_value_is_one_value(make_store, make_csv):
    """A download of several area types gives England's row once for each (here: once as an area, once with
    itself as parent, written to fewer places); the same figure is one value, a different one a conflict."""
    lines = CAMPYLOBACTER.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    header, rows = lines[0], "".join(lines[1:])
    england = next(line for line in rows.split("\n93356") if ",E92000001,England,Country,Persons,All ages,,,2016,"
                   in line)  # fmt: skip
    again = england.replace(",,,E92000001,England,", ",E92000001,England,E92000001,England,", 1)
    again = again.replace("89.1292253807248", "89.12922538")  # the same figure, fewer decimals
    store = make_store(framework=False)
    same = do_import(store, make_csv(header + rows + "93356" + again.lstrip("\n") + "\n", name="twice.csv"))
    assert not same.rejected, same.errors
    [value] = [o for o in store.observations(areas=[ENGLAND]) if o.period.label == "2016"
               and o.breakdown.label == "Persons, All ages"]  # fmt: skip
    assert round(value.value, 6) == 89.129225
    other = again.replace("89.12922538", "90.5")
    different = do_import(make_store(framework=False, name="b.duckdb"),
                          make_csv(header + rows + "93356" + other.lstrip("\n") + "\n", name="other.csv"))  # fmt: skip
    assert different.rejected and "two different values for England, 2016 (Persons, All ages)" in str(
        different.errors[0]
    )


def test_a_tidy_file_s_breakdown_columns_and_a_name_s_brackets_are_breakdowns(make_store, make_csv):
    store = make_store(framework=False)
    do_import(store, CAMPYLOBACTER)
    tidy = make_csv("Measure,Area,Period,Sex,Age,Value\n"
                    '"Campylobacter incidence rate/100,000",Tower Hamlets,2018,Persons,0-9 yrs,20.5\n'
                    '"Campylobacter incidence rate/100,000",Tower Hamlets,2018,,,31.0\n'
                    '"Campylobacter incidence rate/100,000 (Persons, 0-9 yrs)",Hackney,2018,,,40.1\n')  # fmt: skip
    result = do_import(store, tidy)
    assert not result.rejected and not result.new_measures  # one measure, not three
    values = {(o.area, o.breakdown.label): o.value for o in store.observations(areas=["Tower Hamlets", "Hackney"])
              if o.period.label == "2018"}  # fmt: skip
    assert values == {
        ("Tower Hamlets", "Persons, 0-9 yrs"): 20.5,
        ("Tower Hamlets", "Persons, All ages"): 31.0,
        ("Hackney", "Persons, 0-9 yrs"): 40.1,
    }  # a value without a breakdown is the headline's


def test_a_fingertips_measure_round_trips_through_the_upload_template(make_store, make_csv):
    from thplan import template

    store = make_store(framework=False)
    do_import(store, CAMPYLOBACTER)
    text = template.csv_text(template.rows(store.framework(), store.observations()))
    back = do_import(store, make_csv(text, name="current.csv"))
    assert not back.rejected, back.errors[:3]
    assert set(back.diff.counts["observations"]) == {"unchanged"} and not back.new_measures


def test_two_indicators_of_one_name_are_two_measures_never_one_series(make_store, make_csv):
    head = "Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Sex,Age,Time period,Value\n"
    rows = "".join(f"{i},Percentage of physically active adults,E09000030,Tower Hamlets,UA,Persons,19+ yrs,{p},{v}\n"
                   for i, p, v in ((93014, "2016/17", 62.8), (93570, "2017/18", 59.9)))  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(head + rows, "fingertips.csv"))
    assert not result.rejected, result.errors
    assert sorted(result.matched) == ["Percentage of physically active adults (indicator 93014)",
                                      "Percentage of physically active adults (indicator 93570)"]  # fmt: skip
    assert any("2 indicators named 'Percentage of physically active adults'" in p.message for p in result.warnings)


def test_one_indicator_under_two_names_is_one_measure_named_as_its_last_row(make_store, make_csv):
    head = "Indicator ID,Indicator Name,Area Code,Area Name,Area Type,Sex,Age,Time period,Value\n"
    rows = "".join(f"92443,{name},E09000030,Tower Hamlets,UA,Persons,18+ yrs,{p},{v}\n"
                   for name, p, v in (("Smoking Prevalence in adults (18+)", "2020", 18.1),
                                      ("Smoking prevalence in adults (aged 18 and over)", "2021", 17.0)))  # fmt: skip
    store = make_store(framework=False)
    result = do_import(store, make_csv(head + rows, "fingertips.csv"))
    assert not result.rejected, result.errors
    assert list(result.matched) == ["Smoking prevalence in adults (aged 18 and over)"]
    assert sorted(o.value for o in store.observations()) == [17.0, 18.1]
