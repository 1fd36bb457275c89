"""Ranking areas, the spread of a peer group and the gap to London (thplan/classification.py R12-R14), table-driven;
and the peer groups. Each case id reads as the rule."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from thplan.area import ENGLAND, LONDON, canonical_area
from thplan.classification import (
    ComparisonLabel,
    GapLabel,
    Ranking,
    gap_to_benchmark,
    median_series,
    peer_spread,
    rank_areas,
)
from thplan.display import gap_sentence, ordinal, rank_sentence, ranking_rows, ranking_rule, shown_around
from thplan.measure import Unit
from thplan.peers import BUILT_IN, groups_with_data
from thplan.period import parse_period
from thplan.spine import spine_rows, spine_table

from .conftest import LONDON_CAMPYLOBACTER, SAMPLES, do_import
from .test_classification import TH, H, L, N, measure, obs, series

#: areas as 'Area:2017/18=64.7' ... ; the expected order as 'rank Area' pairs, and the areas not ranked
RANK_CASES = [
    ("higher-is-better-highest-first", H, "A:2020/21=60 B:2020/21=70 C:2020/21=65", "1 B, 2 C, 3 A", ""),
    ("lower-is-better-lowest-first", L, "A:2020/21=60 B:2020/21=70 C:2020/21=65", "1 A, 2 C, 3 B", ""),
    ("no-polarity-highest-first", N, "A:2020/21=60 B:2020/21=70 C:2020/21=65", "1 B, 2 C, 3 A", ""),
    ("equal-values-share-a-rank-and-the-next-counts-both", H, "A:2020/21=70 B:2020/21=70 C:2020/21=65 D:2020/21=80",
     "1 D, 2 A, 2 B, 4 C", ""),
    ("equal-at-published-precision-is-a-tie", H, "B:2020/21=70.0 A:2020/21=70.00 C:2020/21=69.9",
     "1 A, 1 B, 3 C", ""),
    ("computed-floats-shown-alike-are-a-tie", H, "A:2020/21=12.3456789012 B:2020/21=12.3111111111 C:2020/21=12.2",
     "1 A, 1 B, 3 C", ""),
    ("a-finer-value-is-not-a-tie", H, "A:2020/21=70.01 B:2020/21=70.04", "1 B, 2 A", ""),
    ("an-area-without-a-value-for-the-period-is-not-ranked", H,
     f"{TH}:2020/21=60 A:2020/21=70 B:2019/20=99 C:2020/21=-", "1 A, 2 Tower Hamlets", "B C"),
    ("the-period-is-the-home-area-s-latest", H, f"{TH}:2019/20=60 A:2019/20=50 A:2020/21=90 B:2020/21=99",
     "1 Tower Hamlets, 2 A", "B"),
    ("without-a-home-value-the-group-s-latest", H, f"{TH}:2020/21=- A:2019/20=50 A:2020/21=90 B:2020/21=99",
     "1 B, 2 A", "Tower Hamlets"),
]  # fmt: skip


def _areas(text: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for item in text.split():
        area, _, spec = item.rpartition(":")
        area = area.replace("_", " ")
        found.setdefault(area, []).append(obs(spec, area))
    return found


@pytest.mark.parametrize(("polarity", "areas", "ranked", "unranked"), [c[1:] for c in RANK_CASES],
                         ids=[c[0] for c in RANK_CASES])  # fmt: skip
def test_ranking(polarity, areas, ranked, unranked):
    result = rank_areas(measure(polarity), _areas(areas.replace("Tower Hamlets", "Tower_Hamlets")), TH, LONDON, [])
    assert ", ".join(f"{r.rank} {r.area}" for r in result.ranked) == ranked
    assert " ".join(result.unranked) == unranked
    assert result.by_polarity is (polarity is not N)


@pytest.mark.parametrize("kw", [{"unit": Unit.COUNT}, {"comparison": "none"}], ids=["a-count", "not-benchmarked"])
def test_a_measure_not_compared_between_areas_is_ranked_highest_first_and_not_judged(kw):
    result = rank_areas(measure(L, **kw), _areas("A:2020/21=60 B:2020/21=70"), TH, LONDON, [])
    assert [r.area for r in result.ranked] == ["B", "A"] and not result.by_polarity


def test_a_group_with_no_values_ranks_nothing():
    result = rank_areas(measure(), {"A": series("2020/21=-", "A")}, TH, LONDON, [])
    assert result.period is None and result.ranked == () and result.unranked == ("A",)


#: area value [CI], London's value: the label each ranked area gets (R12c, by R8)
COMPARED_CASES = [
    ("interval-holding-london-is-similar", H, "2020/21=50[45~55]", "2020/21=52", ComparisonLabel.SIMILAR),
    ("interval-above-london-higher-is-better-is-better", H, "2020/21=60[58~62]", "2020/21=52", ComparisonLabel.BETTER),
    ("interval-above-london-lower-is-better-is-worse", L, "2020/21=60[58~62]", "2020/21=52", ComparisonLabel.WORSE),
    ("interval-below-london-no-polarity-is-lower", N, "2020/21=40[38~42]", "2020/21=52", ComparisonLabel.LOWER),
    ("no-interval-compared-directly", H, "2020/21=53", "2020/21=52", ComparisonLabel.BETTER),
    ("no-london-value-not-compared", H, "2020/21=53", "2020/21=-", ComparisonLabel.NOT_COMPARED),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "value", "london", "label"), [c[1:] for c in COMPARED_CASES],
                         ids=[c[0] for c in COMPARED_CASES])  # fmt: skip
def test_each_ranked_area_is_compared_with_the_benchmark(polarity, value, london, label):
    result = rank_areas(measure(polarity), {"A": [obs(value, "A")]}, TH, LONDON, [obs(london, LONDON)])
    assert result.ranked[0].comparison.label is label


def _campylobacter_2016() -> tuple[dict[str, list], list, dict[str, str]]:
    """The London boroughs' 2016 values of the Fingertips sample, England's, and Fingertips' own comparison."""
    areas: dict[str, list] = {}
    england: list = []
    stated: dict[str, str] = {}
    with (SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["Time period"] != "2016" or row["Category Type"]:
                continue
            area = canonical_area(row["Area Code"])
            o = obs(f"2016={row['Value'] or '-'}" + (f"[{row['Lower CI 95.0 limit']}~{row['Upper CI 95.0 limit']}]"
                    if row["Lower CI 95.0 limit"] else ""), area)  # fmt: skip
            if area == ENGLAND:
                england.append(o)
            elif row["Area Code"].startswith("E09"):
                areas[area] = [o]
                stated[area] = row["Compared to England value or percentiles"]
    return areas, england, stated


def test_the_london_boroughs_of_a_fingertips_extract_rank_and_compare_as_fingertips_does():
    areas, england, stated = _campylobacter_2016()
    result = rank_areas(measure(L, None, comparison="interval"), areas, TH, ENGLAND, england)
    assert len(result.ranked) + len(result.unranked) == 33
    values = [r.observation.value for r in result.ranked]
    assert values == sorted(values)  # lower is better: the lowest rate ranks 1st
    assert {r.area: str(r.comparison.label) for r in result.ranked} == {r.area: stated[r.area] for r in result.ranked}


#: values; lowest, 25th percentile, median, 75th percentile, highest
SPREAD_CASES = [
    ("four-values-are-enough", [1, 2, 3, 4], (1, 1.75, 2.5, 3.25, 4)),
    ("order-does-not-matter", [4, 1, 3, 2], (1, 1.75, 2.5, 3.25, 4)),
    ("an-odd-count-has-a-middle-value", [10, 20, 30, 40, 50], (10, 20, 30, 40, 50)),
    ("interpolated-between-neighbours", [5, 7, 8, 20, 21, 30], (5, 7.25, 14, 20.75, 30)),
]


@pytest.mark.parametrize(("values", "expected"), [c[1:] for c in SPREAD_CASES], ids=[c[0] for c in SPREAD_CASES])
def test_spread(values, expected):
    s = peer_spread(values)
    assert s is not None and (s.lowest, s.q1, s.median, s.q3, s.highest) == pytest.approx(expected)
    assert s.count == len(values)


def test_fewer_than_four_values_have_no_spread():
    assert peer_spread([1.0, 2.0, 3.0]) is None


def test_the_spread_of_the_london_boroughs_agrees_with_numpy_s_linear_percentiles():
    areas, _, _ = _campylobacter_2016()
    values = [o.value for values in areas.values() for o in values if o.value is not None]
    s = peer_spread(values)
    assert s is not None
    assert (s.q1, s.median, s.q3) == pytest.approx(tuple(np.percentile(values, [25, 50, 75])))


#: home series, London series: the gap's label (baseline 2017/18)
GAP_CASES = [
    ("smaller-gap-is-closing", H, "2017/18=50 2018/19=52 2020/21=55", "2017/18=60 2018/19=60 2020/21=60",
     GapLabel.CLOSING),
    ("larger-gap-is-widening", H, "2017/18=58 2020/21=50", "2017/18=60 2020/21=60", GapLabel.WIDENING),
    ("above-london-and-further-above-is-widening", L, "2017/18=62 2020/21=70", "2017/18=60 2020/21=60",
     GapLabel.WIDENING),
    ("the-same-gap-at-published-precision-is-no-clear-change", H, "2017/18=0.3 2020/21=0.5",
     "2017/18=0.1 2020/21=0.3", GapLabel.NO_CHANGE),
    ("a-gap-finer-than-the-published-precision-counts", H, "2017/18=55.0 2020/21=45.04",
     "2017/18=60.0 2020/21=50.0", GapLabel.CLOSING),
    ("a-gap-the-same-size-on-the-other-side-is-no-clear-change", H, "2017/18=55 2020/21=65",
     "2017/18=60 2020/21=60", GapLabel.NO_CHANGE),
    ("moving-to-the-other-side-is-crossed", H, "2017/18=55 2020/21=62", "2017/18=60 2020/21=60", GapLabel.CROSSED),
    ("reaching-london-is-closing", H, "2017/18=55 2020/21=60", "2017/18=60 2020/21=60", GapLabel.CLOSING),
    ("only-periods-both-have-count", H, "2017/18=50 2019/20=70 2020/21=52", "2017/18=60 2020/21=60",
     GapLabel.CLOSING),
    ("before-the-baseline-not-compared", H, "2015/16=10 2017/18=58 2020/21=50", "2015/16=60 2017/18=60 2020/21=60",
     GapLabel.WIDENING),
    ("nothing-from-the-baseline-uses-the-first", H, "2014/15=50 2015/16=55", "2014/15=60 2015/16=60",
     GapLabel.CLOSING),
    ("one-common-period-is-not-available", H, "2017/18=50 2020/21=55", "2017/18=60 2019/20=60",
     GapLabel.UNAVAILABLE),
    ("a-missing-value-is-not-a-gap", H, "2017/18=50 2020/21=-", "2017/18=60 2020/21=60", GapLabel.UNAVAILABLE),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "home", "london", "label"), [c[1:] for c in GAP_CASES],
                         ids=[c[0] for c in GAP_CASES])  # fmt: skip
def test_gap_to_london(polarity, home, london, label):
    result = gap_to_benchmark(measure(polarity), series(home), LONDON, series(london, LONDON), parse_period("2017/18"))
    assert result.label is label


@pytest.mark.parametrize("kw", [{"unit": Unit.COUNT}, {"comparison": "none"}], ids=["a-count", "not-benchmarked"])
def test_a_measure_not_compared_between_areas_has_no_gap_to_london(kw):
    home, london = series("2017/18=50 2020/21=55"), series("2017/18=60 2020/21=60", LONDON)
    assert gap_to_benchmark(measure(**kw), home, LONDON, london, parse_period("2017/18")).label is GapLabel.UNAVAILABLE


def test_the_gap_says_which_periods_it_compared():
    home, london = series("2016/17=40 2017/18=50 2020/21=55"), series("2016/17=60 2017/18=60 2020/21=60", LONDON)
    result = gap_to_benchmark(measure(), home, LONDON, london, parse_period("2017/18"))
    assert result.first is not None and result.latest is not None
    assert (result.first[0], result.latest[0]) == ("2017/18", "2020/21")
    assert len(result.gaps) == 3


def test_a_tolerance_makes_close_gaps_no_clear_change():
    result = gap_to_benchmark(measure(tolerance=0.5), series("2017/18=50 2020/21=50.4"), LONDON,
                              series("2017/18=60 2020/21=60", LONDON), parse_period("2017/18"))  # fmt: skip
    assert result.label is GapLabel.NO_CHANGE


GROUP_CASES = [
    ("london-boroughs", "London boroughs", 33),
    ("inner-london-as-ons-defines-it", "Inner London", 14),
    ("outer-london", "Outer London", 19),
    ("english-regions", "English regions", 9),
]


@pytest.mark.parametrize(("name", "size"), [c[1:] for c in GROUP_CASES], ids=[c[0] for c in GROUP_CASES])
def test_built_in_peer_groups(name, size):
    group = next(g for g in BUILT_IN if g.name == name)
    assert group.members is not None and len(group.members) == size


def test_inner_and_outer_london_make_up_the_boroughs():
    groups = {g.name: g.members for g in BUILT_IN}
    assert groups["Inner London"] | groups["Outer London"] == groups["London boroughs"]
    assert not groups["Inner London"] & groups["Outer London"]
    assert "Haringey" in groups["Inner London"] and "Greenwich" in groups["Outer London"]


def test_all_local_areas_leaves_out_benchmarks():
    areas = ["Tower Hamlets", "Kent", "London", "England", "North West region", "Inner London"]
    local = next(g for g in BUILT_IN if g.members is None)
    assert local.among(areas) == ["Tower Hamlets", "Kent"]


def test_only_groups_with_two_areas_in_the_data_are_offered():
    names = [g.name for g in groups_with_data(["Tower Hamlets", "Hackney", "London", "England"])]
    assert names == ["London boroughs", "Inner London", "All local areas"]


@pytest.mark.parametrize(("number", "text"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"),
                                              (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (33, "33rd"),
                                              (101, "101st"), (111, "111th"), (112, "112th")])  # fmt: skip
def test_ordinal(number, text):
    assert ordinal(number) == text


SENTENCE_CASES = [
    ("home-ranked-with-its-comparison", H, "Tower_Hamlets:2020/21=65 A:2020/21=70 B:2020/21=60", "2020/21=65",
     "Tower Hamlets ranks 2nd of 3 London boroughs in 2020/21 (1st is best); similar to London."),
    ("a-tie-is-joint", L, "Tower_Hamlets:2020/21=65 A:2020/21=65 B:2020/21=60", "2020/21=70",
     "Tower Hamlets ranks joint 2nd of 3 London boroughs in 2020/21 (1st is best); better than London."),
    ("no-polarity-says-where-the-value-lies", N, "Tower_Hamlets:2020/21=65 A:2020/21=70", "2020/21=60",
     "Tower Hamlets ranks 2nd of 2 London boroughs in 2020/21 (1st is the highest); higher than London."),
    ("no-home-value", H, "Tower_Hamlets:2020/21=- A:2020/21=70 B:2020/21=60", "2020/21=60",
     "Tower Hamlets has no value for 2020/21; 2 London boroughs are ranked (1st is best)."),
    ("no-london-value", H, "Tower_Hamlets:2020/21=65 A:2020/21=70", "2020/21=-",
     "Tower Hamlets ranks 2nd of 2 London boroughs in 2020/21 (1st is best); not compared with London (no London "
     "value)."),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "areas", "london", "sentence"), [c[1:] for c in SENTENCE_CASES],
                         ids=[c[0] for c in SENTENCE_CASES])  # fmt: skip
def test_rank_sentence(polarity, areas, london, sentence):
    ranking = rank_areas(measure(polarity), _areas(areas), TH, LONDON, [obs(london, LONDON)])
    assert rank_sentence(ranking, "London boroughs", TH) == sentence


def test_the_ranking_rule_names_its_period_ties_and_the_areas_left_out():
    ranking = rank_areas(measure(), _areas("Tower_Hamlets:2020/21=65 A:2020/21=65 B:2019/20=60"), TH, LONDON, [])
    assert ranking_rule(ranking, TH) == ("Ranked on 2020/21, Tower Hamlets's latest period with a value. Areas whose "
                                         "values are equal at published precision share a rank. Not ranked, with no "
                                         "value for 2020/21: B.")  # fmt: skip


GAP_SENTENCE_CASES = [
    ("closing-below", Unit.PERCENT, "2017/18=50.0 2020/21=57.9", "2017/18=60.0 2020/21=60.0",
     "Closing: 10.0 points below London in 2017/18; 2.1 points below London in 2020/21."),
    ("crossed", None, "2017/18=50 2020/21=62", "2017/18=60 2020/21=60",
     "Crossed: 10 below London in 2017/18; 2 above London in 2020/21."),
    ("level", None, "2017/18=50 2020/21=60", "2017/18=60 2020/21=60",
     "Closing: 10 below London in 2017/18; level with London in 2020/21."),
    ("not-available", None, "2017/18=50", "2017/18=60",
     "Not available: Tower Hamlets and London need values for two periods in common."),
]  # fmt: skip


@pytest.mark.parametrize(("unit", "home", "london", "sentence"), [c[1:] for c in GAP_SENTENCE_CASES],
                         ids=[c[0] for c in GAP_SENTENCE_CASES])  # fmt: skip
def test_gap_sentence(unit, home, london, sentence):
    result = gap_to_benchmark(measure(unit=unit), series(home), LONDON, series(london, LONDON), parse_period("2017/18"))
    assert gap_sentence(result, TH, unit) == sentence


def test_the_group_median_over_time_needs_four_values_a_period():
    group = {a: series(f"2019/20={v} 2020/21={v + 1}", a) for a, v in (("A", 10), ("B", 20), ("C", 30), ("D", 40))}
    group["E"] = series("2020/21=100", "E")
    medians = median_series("m", group, "London boroughs median")
    assert [(o.period.label, o.value) for o in medians] == [("2019/20", 25), ("2020/21", 31)]
    assert {o.area for o in medians} == {"London boroughs median"}
    assert median_series("m", {a: group[a] for a in "ABC"}, "m") == []


def _long(count: int, home_at: int) -> Ranking:
    areas = {f"Area {n:03d}": series(f"2020/21={1000 - n}", f"Area {n:03d}") for n in range(count)}
    areas[TH] = series(f"2020/21={1000 - home_at}.5")
    return rank_areas(measure(), areas, TH, LONDON, [])


#: areas, home area's place: the ranks the chart draws
WINDOW_CASES = [
    ("a-short-ranking-is-drawn-whole", 10, 5, 25, (1, 11)),
    ("a-long-one-is-centred-on-the-home-area", 150, 70, 25, (59, 83)),  # 71st: 12 above, 12 below
    ("near-the-top-it-starts-at-the-top", 150, 3, 25, (1, 25)),
    ("near-the-bottom-it-ends-at-the-bottom", 150, 148, 25, (127, 151)),
]


@pytest.mark.parametrize(("count", "home_at", "size", "ranks"), [c[1:] for c in WINDOW_CASES],
                         ids=[c[0] for c in WINDOW_CASES])  # fmt: skip
def test_a_long_ranking_is_drawn_around_the_home_area(count, home_at, size, ranks):
    shown = shown_around(_long(count, home_at), TH, size)
    assert (shown[0].rank, shown[-1].rank) == ranks
    assert TH in {r.area for r in shown}


def test_the_ranked_table_gives_values_at_published_precision_and_lists_the_areas_not_ranked():
    areas = {"A": [obs("2020/21=12.3456789012[11.0~13.7]", "A")], "B": [obs("2020/21=12.3111111111", "B")],
             "C": series("2020/21=-", "C")}  # fmt: skip
    rows = ranking_rows(Unit.PERCENT, rank_areas(measure(), areas, TH, LONDON, [obs("2020/21=10", LONDON)]))
    assert [(r["Rank"], r["Area"], r["Value"], r["Lower 95% CI"], r["Compared with"]) for r in rows] == [
        ("1", "A", "12.3%", "11.0", "✓ Better (London)"),
        ("1", "B", "12.3%", "", "✓ Better (London)"),
        ("Not ranked", "C", "no value", "", ""),
    ]


def _view(make_store, *files):
    from thplan import view as views

    store = make_store()
    for path in files:
        assert not do_import(store, path).rejected
    home, offered = views.areas(store)
    return views.build(store, store.version(), home, offered, lambda m: views.series_by_area(store, m))


def test_the_spine_sets_each_measure_s_home_value_within_its_group_s_spread(make_store):
    view = _view(make_store, LONDON_CAMPYLOBACTER)
    [row] = spine_rows(view, [c for c in view.library if "ampylobacter" in c.measure.name], BUILT_IN[0], LONDON)
    values = sorted(r.observation.value for r in row.ranking.ranked)
    assert row.spread == peer_spread(values) and row.spread.count == 32
    assert row.home is not None and row.rank_text == "4th of 32"
    assert row.position(values[0]) == 1 and row.position(values[-1]) == 0  # lower is better: the lowest on the right
    assert row.london is not None and row.london.period.label == row.ranking.period.label == "2017"


def test_a_spine_row_without_enough_peer_values_says_why(reference_store):
    from thplan import view as views

    home, offered = views.areas(reference_store)
    view = views.build(reference_store, reference_store.version(), home, offered, lambda m: {})
    rows = spine_rows(view, view.classifications[:2], BUILT_IN[0], LONDON)
    assert [r.why_not for r in rows] == ["only 1 of the group has a value (a spread needs four)"] * 2
    assert [r.position(50.0) for r in rows] == [None, None]
    assert spine_table(rows, TH)[0]["Highest"] == "only 1 of the group has a value (a spread needs four)"
    assert spine_rows(view, view.classifications[:1], BUILT_IN[3], LONDON)[0].why_not == "no figures for this group yet"


def test_the_london_boroughs_extract_is_the_samples_london_rows_unchanged():
    def rows(path):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [tuple(r) for r in csv.reader(handle)]

    sample = rows(SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv")
    code = sample[0].index("Area Code")
    wanted = [r for r in sample[1:] if r[code].startswith("E09") or r[code] in ("E12000007", "E92000001")]
    made = rows(LONDON_CAMPYLOBACTER)
    assert made[0] == sample[0] and made[1:] == wanted and len({r[code] for r in wanted}) == 35
