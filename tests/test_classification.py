"""The classification rules (thplan/classification.py R1-R11), table-driven. Each case id reads as the rule."""

from __future__ import annotations

import csv

import pytest

from thplan.classification import (
    ComparisonLabel,
    RecentTrendLabel,
    TrendLabel,
    classify,
    compare_with_benchmark,
    recent_trend,
)
from thplan.measure import Measure, Unit
from thplan.observation import Observation
from thplan.period import PeriodKind, parse_period
from thplan.polarity import Polarity
from thplan.stated import check

from .conftest import SAMPLES

H, L, N = Polarity.HIGHER, Polarity.LOWER, Polarity.NONE
TH = "Tower Hamlets"


def measure(polarity: Polarity = H, unit: Unit | None = Unit.PERCENT, **kw: object) -> Measure:
    return Measure("m", "Measure", polarity=polarity, unit=unit, **kw)  # type: ignore[arg-type]


def obs(spec: str, area: str = TH, kind: PeriodKind = PeriodKind.FINANCIAL, **kw: object) -> Observation:
    """'2017/18=64.7' (decimals as written), '2017/18=-' (missing), '2017/18=12.3[10-14]' (with a 95% CI)."""
    period, _, text = spec.partition("=")
    ci = None
    if "[" in text:
        text, _, rest = text.partition("[")
        low, high = rest.rstrip("]").split("~")
        ci = (float(low), float(high))
    if text == "-":
        return Observation("m", area, parse_period(period, kind), None, missing="Data Unavailable", **kw)
    decimals = len(text.split(".")[1]) if "." in text else 0
    return Observation(
        "m", area, parse_period(period, kind), float(text), decimals,
        lower_ci=ci[0] if ci else None, upper_ci=ci[1] if ci else None, **kw,
    )  # fmt: skip


def series(text: str, area: str = TH, kind: PeriodKind = PeriodKind.FINANCIAL) -> list[Observation]:
    return [obs(s, area, kind) for s in text.split()]


TREND_CASES = [
    # id, polarity, series, overall, direction
    ("higher-is-better-rise-from-baseline-is-improved", H, "2017/18=64.7 2018/19=73.0 2019/20=71.8",
     TrendLabel.IMPROVED, TrendLabel.WORSENED),
    ("lower-is-better-rise-is-worsened", L, "2017/18=192.9 2018/19=263.0", TrendLabel.WORSENED, TrendLabel.WORSENED),
    ("lower-is-better-fall-is-improved", L, "2017/18=42 2018/19=41.4 2019/20=41.7", TrendLabel.IMPROVED,
     TrendLabel.WORSENED),
    ("equal-at-published-precision-is-the-same", H, "2017/18=1.9 2018/19=1.90", TrendLabel.SAME, TrendLabel.SAME),
    ("7.7-and-7-are-not-equal", H, "2017/18=7 2018/19=7.7", TrendLabel.IMPROVED, TrendLabel.IMPROVED),
    ("no-polarity-rise-is-increased", N, "2017/18=235 2018/19=284", TrendLabel.INCREASED, TrendLabel.INCREASED),
    ("no-polarity-fall-is-decreased", N, "2017/18=235 2018/19=248 2019/20=227", TrendLabel.DECREASED,
     TrendLabel.DECREASED),
    ("one-value-is-data-unavailable", H, "2021/22=98", TrendLabel.UNAVAILABLE, TrendLabel.UNAVAILABLE),
    ("no-values-is-data-unavailable", H, "2017/18=-", TrendLabel.UNAVAILABLE, TrendLabel.UNAVAILABLE),
    ("missing-values-are-skipped", H, "2017/18=88.1 2018/19=86.5 2019/20=- 2020/21=81.8 2021/22=-",
     TrendLabel.WORSENED, TrendLabel.WORSENED),
    ("values-before-the-baseline-are-ignored-when-later-values-exist", H, "2016/17=50 2017/18=60 2018/19=55",
     TrendLabel.WORSENED, TrendLabel.WORSENED),
    ("with-nothing-from-the-baseline-on-the-first-value-is-used", H, "2015/16=50 2016/17=60", TrendLabel.IMPROVED,
     TrendLabel.IMPROVED),
    ("the-first-value-from-the-baseline-on-need-not-be-the-baseline-year", H, "2018/19=86 2020/21=89",
     TrendLabel.IMPROVED, TrendLabel.IMPROVED),
    ("a-calendar-year-overlapping-the-baseline-counts", H, "2016=10 2017=20 2018=15", TrendLabel.WORSENED,
     TrendLabel.WORSENED),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "text", "overall", "direction"), [c[1:] for c in TREND_CASES],
                         ids=[c[0] for c in TREND_CASES])  # fmt: skip
def test_overall_trend_and_direction_of_travel(polarity, text, overall, direction):
    result = classify(measure(polarity), TH, series(text), {}, "2017/18")
    assert (result.overall.label, result.direction.label) == (overall, direction)


def test_overall_trend_says_which_values_it_compared():
    result = classify(measure(H), TH, series("2016/17=50 2017/18=64.7 2021/22=72.9"), {}, "2017/18")
    assert (result.overall.start.period.label, result.overall.end.period.label) == ("2017/18", "2021/22")
    assert "2017/18 baseline" in result.overall.method
    fallback = classify(measure(H), TH, series("2015/16=50 2016/17=60"), {}, "2017/18")
    assert "first available value" in fallback.overall.method


def test_tolerance_makes_close_values_the_same():
    assert classify(measure(H, tolerance=0.5), TH, series("2017/18=70.0 2018/19=70.4"), {}, "2017/18").overall.label \
        is TrendLabel.SAME  # fmt: skip
    assert classify(measure(H), TH, series("2017/18=70.0 2018/19=70.4"), {}, "2017/18").overall.label \
        is TrendLabel.IMPROVED  # fmt: skip


def test_an_academic_measure_reads_its_baseline_as_an_academic_year():
    m = measure(H, period_type=PeriodKind.ACADEMIC)
    data = series("2016/17=1.0 2017/18=1.2 2018/19=1.1", kind=PeriodKind.ACADEMIC)
    assert classify(m, TH, data, {}, "2017/18").overall.start.period.label == "2017/18"


def test_the_baseline_is_configurable():
    data = series("2017/18=10 2018/19=20 2019/20=15")
    assert classify(measure(H), TH, data, {}, "2017/18").overall.label is TrendLabel.IMPROVED
    assert classify(measure(H), TH, data, {}, "2018/19").overall.label is TrendLabel.WORSENED


COMPARISON_CASES = [
    # id, polarity, unit, home, benchmark, label, same period
    ("below-london-for-higher-is-better-is-worse", H, Unit.PERCENT, "2021/22=72.9", "2021/22=74.9",
     ComparisonLabel.WORSE, True),
    ("below-london-for-lower-is-better-is-better", L, Unit.RATE_100K, "2020/21=51.6", "2020/21=72.9",
     ComparisonLabel.BETTER, True),
    ("equal-as-published-is-similar", H, Unit.PERCENT, "2019/20=70.0", "2019/20=70", ComparisonLabel.SIMILAR, True),
    ("no-polarity-says-higher-or-lower", N, Unit.RATE_1K, "2019/20=227", "2019/20=95", ComparisonLabel.HIGHER,
     True),
    ("the-same-period-is-preferred-to-the-benchmark-latest", H, Unit.PERCENT, "2018/19=86.5",
     "2018/19=87.1 2020/21=80.0", ComparisonLabel.WORSE, True),
    ("without-the-same-period-the-benchmark-latest-is-used", H, Unit.PERCENT, "2018/19=86.5",
     "2017/18=87.1 2019/20=80.0", ComparisonLabel.BETTER, False),
    ("a-count-is-never-compared-with-a-benchmark", H, Unit.COUNT, "2019/20=404", "2019/20=5680",
     ComparisonLabel.NOT_COMPARED, False),
    ("no-benchmark-value-is-not-compared", H, Unit.PERCENT, "2019/20=61.0", "2019/20=-",
     ComparisonLabel.NOT_COMPARED, False),
    ("no-home-value-is-not-compared", H, Unit.PERCENT, "2019/20=-", "2019/20=61.0", ComparisonLabel.NOT_COMPARED,
     False),
    ("benchmark-inside-the-95-ci-is-similar", H, Unit.PERCENT, "2019/20=80.0[77.0~83.0]", "2019/20=82.5",
     ComparisonLabel.SIMILAR, True),
    ("benchmark-above-the-95-ci-is-worse-for-higher-is-better", H, Unit.PERCENT, "2019/20=80.0[78.0~82.0]",
     "2019/20=82.5", ComparisonLabel.WORSE, True),
    ("benchmark-below-the-95-ci-is-higher-without-polarity", N, Unit.RATE_100K, "2019/20=99.0[95.0~103.0]",
     "2019/20=94.7", ComparisonLabel.HIGHER, True),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "unit", "home", "bench", "label", "same"), [c[1:] for c in COMPARISON_CASES],
                         ids=[c[0] for c in COMPARISON_CASES])  # fmt: skip
def test_comparison_with_a_benchmark(polarity, unit, home, bench, label, same):
    result = compare_with_benchmark(measure(polarity, unit), TH, series(home), "London", series(bench, "London"))
    assert result.label is label
    assert result.same_period is same


def test_a_benchmark_value_without_its_own_period_is_its_latest_and_says_so():
    bench = [obs("2021/22=74.9", "London", period_stated=False)]
    result = compare_with_benchmark(measure(H), TH, series("2021/22=72.9"), "London", bench)
    assert result.label is ComparisonLabel.WORSE and not result.same_period
    assert "no stated period" in " ".join(result.caveats)


def test_a_different_benchmark_period_is_a_caveat():
    result = compare_with_benchmark(measure(H), TH, series("2020/21=65.3"), "London", series("2016-18=63.8", "London"))
    assert result.caveats == ("Benchmark period differs: London 2016-18 against Tower Hamlets 2020/21.",)


def test_an_area_is_not_compared_with_itself():
    result = compare_with_benchmark(measure(H), "London", series("2019/20=1", "London"), "London", [])
    assert result.label is ComparisonLabel.NOT_COMPARED


@pytest.mark.parametrize(
    ("direction", "vs_london", "attention"),
    [("2018/19=75 2019/20=70", "2019/20=80", True), ("2018/19=65 2019/20=70", "2019/20=80", False),
     ("2018/19=95 2019/20=90", "2019/20=80", False), ("2018/19=70 2019/20=70", "2019/20=80", False)],
    ids=["worse-than-london-and-worsening-needs-attention", "worse-than-london-but-improving-does-not",
         "worsening-but-better-than-london-does-not", "worse-than-london-but-the-same-does-not"],
)  # fmt: skip
def test_needs_attention(direction, vs_london, attention):
    result = classify(measure(H), TH, series(direction), {"London": series(vs_london, "London")}, "2017/18")
    assert result.needs_attention is attention


def test_a_series_break_between_the_values_compared_is_a_caveat_not_a_refusal():
    data = [obs("2018/19=86"), obs("2020/21=89", series_break=True, note="Telephone survey")]
    result = classify(measure(H), TH, data, {}, "2017/18")
    assert result.overall.label is TrendLabel.IMPROVED
    assert any("Series break" in c and "Telephone survey" in c for c in result.caveats)


def test_rolling_periods_and_low_reliability_are_caveats():
    data = [obs("2015-17=61.9"), obs("2016-18=60.5", flags=("Low reliability ([u])",))]
    caveats = " ".join(classify(measure(H, Unit.YEARS), TH, data, {}, "2017/18").caveats)
    assert "Rolling periods" in caveats and "Low reliability" in caveats


def test_a_value_covering_an_earlier_period_is_ordered_by_what_it_covers():
    # A 2017/18 column holding a 2015-17 value sorts before a 2016-18 value reported in 2018/19.
    first = Observation("m", TH, parse_period("2018/19"), 60.5, 1, covers=parse_period("2016-18"))
    second = Observation("m", TH, parse_period("2017/18"), 61.9, 1, covers=parse_period("2015-2017"))
    result = classify(measure(H, Unit.YEARS), TH, [first, second], {}, "2017/18")
    assert result.direction.label is TrendLabel.WORSENED


# -- recent trend (R10) ------------------------------------------------------------------------------------------


def _lambeth_mmr(with_counts: bool) -> list[Observation]:
    path = SAMPLES / "fingertips_lambeth_mmr1_vaccination_30309.csv"
    rows = [r for r in csv.DictReader(path.open(encoding="utf-8-sig")) if r["AreaName"] == "Lambeth"]
    return [
        Observation(
            "m", "Lambeth", parse_period(r["Time period"]), float(r["Value"]), 1,
            lower_ci=float(r["Lower CI 95.0 limit"]), upper_ci=float(r["Upper CI 95.0 limit"]),
            count=float(r["Count"]) if with_counts else None,
            denominator=float(r["Denominator"]) if with_counts else None,
        )
        for r in rows
    ]  # fmt: skip


@pytest.mark.parametrize("with_counts", [True, False], ids=["chi-squared-on-counts", "weighted-least-squares-on-cis"])
def test_recent_trend_reproduces_fingertips_for_lambeth_mmr(with_counts):
    # Fingertips states "Decreasing and getting worse" for this series (the sample file's Recent Trend column).
    result = recent_trend(measure(H), _lambeth_mmr(with_counts))
    assert result.label is RecentTrendLabel.DECREASING_WORSE
    assert result.statistic is not None and result.statistic > 9.5495
    assert [p.period.label for p in result.points] == ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]


def _counts(values: list[tuple[int, int]], start: int = 2015) -> list[Observation]:
    return [
        Observation("m", TH, parse_period(str(start + i)), 100 * c / n, 1, count=c, denominator=n)
        for i, (c, n) in enumerate(values)
    ]


RECENT_CASES = [
    ("rising-proportion-higher-is-better", H, _counts([(500, 1000), (520, 1000), (540, 1000), (560, 1000),
                                                       (580, 1000)]), RecentTrendLabel.INCREASING_BETTER),
    ("rising-proportion-lower-is-better", L, _counts([(500, 1000), (520, 1000), (540, 1000), (560, 1000),
                                                      (580, 1000)]), RecentTrendLabel.INCREASING_WORSE),
    ("falling-proportion-lower-is-better", L, _counts([(580, 1000), (560, 1000), (540, 1000), (520, 1000),
                                                       (500, 1000)]), RecentTrendLabel.DECREASING_BETTER),
    ("rising-without-polarity", N, _counts([(500, 1000), (520, 1000), (540, 1000), (560, 1000), (580, 1000)]),
     RecentTrendLabel.INCREASING),
    ("small-wobbles-are-no-significant-change", H, _counts([(50, 100), (52, 100), (49, 100), (51, 100), (50, 100)]),
     RecentTrendLabel.NO_CHANGE),
    ("one-outlier-driving-the-slope-is-no-significant-change", H,
     _counts([(540, 1000), (500, 1000), (500, 1000), (500, 1000), (900, 1000)]), RecentTrendLabel.NO_CHANGE),
    ("four-points-cannot-be-calculated", H, _counts([(500, 1000), (520, 1000), (540, 1000), (560, 1000)]),
     RecentTrendLabel.CANNOT),
    ("no-counts-or-intervals-cannot-be-calculated", H, series("2015/16=1 2016/17=2 2017/18=3 2018/19=4 2019/20=5"),
     RecentTrendLabel.CANNOT),
    ("a-gap-in-the-years-cannot-be-calculated", H,
     _counts([(500, 1000), (520, 1000)], 2010) + _counts([(540, 1000), (560, 1000), (580, 1000)], 2013),
     RecentTrendLabel.CANNOT),
    ("rolling-periods-cannot-be-calculated", H,
     [obs(f"{y}-{(y + 2) % 100:02d}=60.{y % 10}[59~61]") for y in range(2010, 2015)], RecentTrendLabel.CANNOT),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "data", "label"), [c[1:] for c in RECENT_CASES], ids=[c[0] for c in RECENT_CASES])
def test_recent_trend(polarity, data, label):
    assert recent_trend(measure(polarity), data).label is label


# A stated label checked against the classifier: a measure without polarity has no better or worse, so only a
# relation (increased, higher) can agree with it.
STATED_CASES = [
    ("judged-improved-agrees", H, "2017/18=50 2021/22=60", "overall", "Improved", True),
    ("judged-arrow-up-agrees", H, "2017/18=50 2021/22=60", "overall", "▲", True),
    ("judged-worsened-disagrees", H, "2017/18=50 2021/22=60", "overall", "Worsened", False),
    ("unjudged-increased-agrees", N, "2017/18=50 2021/22=60", "overall", "Increased", True),
    ("unjudged-worsened-disagrees", N, "2017/18=50 2021/22=60", "overall", "Worsened", False),
    ("unjudged-improved-disagrees", N, "2017/18=50 2021/22=60", "overall", "Improved", False),
    ("judged-better-than-london-agrees", H, "2021/22=60", "vs", "Better", True),
    ("unjudged-higher-than-london-agrees", N, "2021/22=60", "vs", "Higher", True),
    ("unjudged-worse-than-london-disagrees", N, "2021/22=60", "vs", "Worse", False),
]


@pytest.mark.parametrize(("polarity", "text", "what", "stated", "agrees"), [c[1:] for c in STATED_CASES],
                         ids=[c[0] for c in STATED_CASES])  # fmt: skip
def test_a_stated_label_against_the_classifier(polarity, text, what, stated, agrees):
    result = classify(measure(polarity), TH, series(text), {"London": series("2021/22=50", "London")}, "2017/18")
    assert check(stated, result, what, "London")[0] is agrees
