"""The classification rules (thplan/classification.py R1-R11), table-driven. Each case id reads as the rule."""

from __future__ import annotations

import csv
from dataclasses import replace

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
from thplan.period import NOT_STATED, PeriodKind, parse_period
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


def undated(value: str, area: str = "London", context: str | None = "2021/22") -> Observation:
    """A figure whose source states no period (a benchmark column headed just 'London'), read from a table whose
    latest period is `context`."""
    decimals = len(value.split(".")[1]) if "." in value else 0
    return Observation("m", area, NOT_STATED, float(value), decimals, context_period=context)


UNDATED_CASES = [
    # id, home, benchmark's dated values, its undated figure (value, context), label, the figure compared with
    ("an-undated-figure-is-the-benchmark-s-latest", "2021/22=72.9", "", ("74.9", "2021/22"), ComparisonLabel.WORSE,
     "74.9 (period not stated)"),
    ("a-dated-value-for-the-home-period-wins-over-an-undated-figure", "2021/22=72.9", "2021/22=70.0",
     ("74.9", "2021/22"), ComparisonLabel.BETTER, "70.0 (2021/22)"),
    ("an-undated-figure-wins-over-an-older-dated-value", "2021/22=72.9", "2019/20=75.1", ("70.0", "2021/22"),
     ComparisonLabel.BETTER, "70.0 (period not stated)"),
    ("a-dated-value-newer-than-the-undated-figure-s-table-wins", "2022/23=72.9", "2021/22=75.1", ("70.0", "2019/20"),
     ComparisonLabel.WORSE, "75.1 (2021/22)"),
    ("an-undated-figure-without-context-is-the-latest", "2022/23=72.9", "2021/22=75.1", ("70.0", None),
     ComparisonLabel.BETTER, "70.0 (period not stated)"),
]  # fmt: skip


@pytest.mark.parametrize(("home", "dated", "figure", "label", "compared"), [c[1:] for c in UNDATED_CASES],
                         ids=[c[0] for c in UNDATED_CASES])  # fmt: skip
def test_a_figure_whose_period_is_not_stated_is_compared_as_the_benchmark_s_latest(home, dated, figure, label,
                                                                                     compared):  # fmt: skip
    figure = undated(figure[0], context=figure[1])
    bench = [*series(dated, "London"), figure] if dated else [figure]
    result = compare_with_benchmark(measure(H), TH, series(home), "London", bench)
    assert result.label is label
    assert f"{result.benchmark.value:.1f} ({result.benchmark.period.label})" == compared
    if not result.benchmark.dated:
        assert not result.same_period and "no period in its source" in " ".join(result.caveats)
        assert "period not stated in the source" in result.method


def test_a_figure_whose_period_is_not_stated_is_not_part_of_the_series():
    data = [*series("2018/19=10 2019/20=20"), undated("99", TH)]
    result = classify(measure(H), TH, data, {}, "2017/18")
    assert [o.value for o in result.series] == [10, 20]
    assert (result.overall.end.value, result.direction.end.value) == (20, 20)


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


def test_recent_trend_reproduces_fingertips_for_lambeth_mmr():
    # Fingertips states "Decreasing and getting worse" for this series (the sample file's Recent Trend column).
    result = recent_trend(measure(H), _lambeth_mmr(with_counts=True))
    assert result.label is RecentTrendLabel.DECREASING_WORSE
    assert result.statistic is not None and result.statistic > 9.5495
    assert [p.period.label for p in result.points] == ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]


def _points(rows: list[tuple[float | None, float | None, float | None, float | None, float | None]],
            start: int = 2015) -> list[Observation]:  # fmt: skip
    """One calendar year per row from `start`: (count, denominator, value, lower CI, upper CI); None is missing."""
    return [
        Observation("m", TH, parse_period(str(start + i)), v, 4, missing=None if v is not None else "Suppressed",
                    count=c, denominator=n, lower_ci=lo, upper_ci=hi)
        for i, (c, n, v, lo, hi) in enumerate(rows)
    ]  # fmt: skip


def _proportions(counts: list[tuple[int, int]], start: int = 2015) -> list[Observation]:
    """Proportions as percentages with Wilson 95% intervals, as Fingertips publishes them."""
    rows = []
    for c, n in counts:
        p, z = c / n, 1.959964
        centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
        rows.append((c, n, 100 * p, 100 * (centre - half / (1 + z * z / n)), 100 * (centre + half / (1 + z * z / n))))
    return _points(rows, start)  # type: ignore[arg-type]


# Real series with the markers Fingertips gives them. fingertips-open's own tests (TrendMarkerCalculatorTest.cs,
# 2014-2018: chi-squared 46.77 by weighted least squares, 47.90 on counts; set 2: not significant) and the live
# Fingertips values FingertipsNext's tests quote (TrendMarkerCalculatorTests.cs: indicators 241, 30309, 41203).
SET_1 = [
    (994, 40299, 24.67, 23.16, 26.25),
    (1023, 41527, 24.6, 23.15, 26.19),
    (1199, 42811, 28.0, 26.44, 29.64),
    (1332, 44064, 30.2, 28.63, 31.9),
    (1367, 44701, 30.6, 28.98, 32.25),
]
SET_2 = [
    (209, 1017, 20.5506, 18.1803, 23.1427),
    (213, 1087, 19.5952, 17.3444, 22.0602),
    (213, 1119, 19.0349, 16.8421, 21.4394),
    (239, 1117, 21.3966, 19.0918, 23.8975),
    (210, 1139, 18.4372, 16.2925, 20.7941),
]
DIABETES_241 = [
    (3455176, 48783947, 7.0826, 7.0754, 7.094),
    (3491868, 49122259, 7.1085, 7.1013, 7.1199),
    (3625401, 49956777, 7.2571, 7.2499, 7.2684),
    (3774801, 50649129, 7.4528, 7.4456, 7.4643),
    (3938080, 51441896, 7.6554, 7.6481, 7.6669),
]
MMR_YORKSHIRE_30309 = [
    (57274, 61834, 92.6254, 92.4168, 92.8288),
    (55865, 60511, 92.3221, 92.1072, 92.5315),
    (53681, 59074, 90.8708, 90.6358, 91.1004),
    (51767, 57508, 90.017, 89.7694, 90.2594),
    (53185, 59028, 90.1013, 89.8578, 90.3396),
]
SIGHT_LOSS_41203 = [(1416, 48246126, 2.935, 2.7841, 3.0919), (935, 48440507, 1.93028, 1.8085, 2.058),
                    (1344, 48753376, 2.7567, 2.6113, 2.9082), (1415, 49300918, 2.8701, 2.7225, 3.0237),
                    (1502, 49866388, 3.0121, 2.8616, 3.1683)]  # fmt: skip
RISING = [(500, 1000), (520, 1000), (540, 1000), (560, 1000), (580, 1000)]
P, R100K, R1K = Unit.PERCENT, Unit.RATE_100K, Unit.RATE_1K

RECENT_CASES = [
    # id, polarity, unit, series, label, statistic (rounded to 2 places; None: not computed)
    ("fingertips-own-test-set-1-by-weighted-least-squares", H, R1K, _points(SET_1, 2014),
     RecentTrendLabel.INCREASING_BETTER, 46.77),
    ("fingertips-own-test-set-1-on-counts", H, P, _points(SET_1, 2014), RecentTrendLabel.INCREASING_BETTER, 47.90),
    ("fingertips-own-test-set-2-is-no-significant-change", H, R1K, _points(SET_2, 2014), RecentTrendLabel.NO_CHANGE,
     0.46),
    ("diabetes-prevalence-241-is-increasing", N, P, _points(DIABETES_241, 2020), RecentTrendLabel.INCREASING, None),
    ("mmr-yorkshire-30309-is-decreasing-and-getting-worse", H, P, _points(MMR_YORKSHIRE_30309, 2020),
     RecentTrendLabel.DECREASING_WORSE, None),
    ("sight-loss-41203-a-crude-rate-is-increasing", L, R100K, _points(SIGHT_LOSS_41203, 2020),
     RecentTrendLabel.INCREASING_WORSE, None),
    ("rising-proportion-higher-is-better", H, P, _proportions(RISING), RecentTrendLabel.INCREASING_BETTER, None),
    ("rising-proportion-lower-is-better", L, P, _proportions(RISING), RecentTrendLabel.INCREASING_WORSE, None),
    ("falling-proportion-lower-is-better", L, P, _proportions(RISING[::-1]), RecentTrendLabel.DECREASING_BETTER,
     None),
    ("rising-without-polarity", N, P, _proportions(RISING), RecentTrendLabel.INCREASING, None),
    ("small-wobbles-are-no-significant-change", H, P,
     _proportions([(50, 100), (52, 100), (49, 100), (51, 100), (50, 100)]), RecentTrendLabel.NO_CHANGE, None),
    ("one-outlier-driving-the-slope-is-no-significant-change", H, P,
     _proportions([(540, 1000), (500, 1000), (500, 1000), (500, 1000), (900, 1000)]), RecentTrendLabel.NO_CHANGE,
     None),
    ("four-points-cannot-be-calculated", H, P, _proportions(RISING[:4]), RecentTrendLabel.CANNOT, None),
    ("a-proportion-without-counts-cannot-be-calculated", H, P,
     [replace(o, count=None, denominator=None) for o in _proportions(RISING)], RecentTrendLabel.CANNOT, None),
    ("a-rate-without-counts-cannot-be-calculated", H, R1K,
     [replace(o, count=None, denominator=None) for o in _points(SET_1, 2014)], RecentTrendLabel.CANNOT, None),
    ("without-95-ci-it-cannot-be-calculated", H, P,
     [replace(o, lower_ci=None, upper_ci=None) for o in _proportions(RISING)], RecentTrendLabel.CANNOT, None),
    ("a-year-with-no-row-is-skipped", H, P, _proportions(RISING[:2], 2010) + _proportions(RISING[2:], 2013),
     RecentTrendLabel.INCREASING_BETTER, None),
    ("a-suppressed-value-ends-the-run", H, P,
     _proportions(RISING[:1], 2009) + _points([(None, None, None, None, None)], 2010) + _proportions(RISING[1:], 2011),
     RecentTrendLabel.CANNOT, None),
    ("a-value-without-its-count-ends-the-run", H, P,
     [*_proportions(RISING[:3], 2010), replace(_proportions(RISING[3:4], 2013)[0], count=None),
      *_proportions(RISING[:2], 2014)], RecentTrendLabel.CANNOT, None),
    ("a-value-of-its-whole-denominator-in-the-run-cannot-be-calculated", H, P,
     _points([(1000, 1000, 100.0, 99.6, 100.0)], 2014) + _proportions(RISING, 2015), RecentTrendLabel.CANNOT, None),
    ("a-score-is-not-tested", H, Unit.SCORE, _points(SET_1, 2014), RecentTrendLabel.CANNOT, None),
    ("years-are-not-tested", H, Unit.YEARS, _points(SET_1, 2014), RecentTrendLabel.CANNOT, None),
    ("an-unknown-unit-is-not-tested", H, None, _points(SET_1, 2014), RecentTrendLabel.CANNOT, None),
    ("rolling-periods-cannot-be-calculated", H, P,
     [replace(o, period=parse_period(f"{2010 + i}-{(2012 + i) % 100:02d}"))
      for i, o in enumerate(_proportions(RISING))],
     RecentTrendLabel.CANNOT, None),
    ("quarters-are-not-tested", H, P,
     [replace(o, period=parse_period(f"2019/20 Q{1 + i}")) for i, o in enumerate(_proportions(RISING[:4]))]
     + [replace(_proportions(RISING[4:])[0], period=parse_period("2020/21 Q1"))], RecentTrendLabel.CANNOT, None),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "unit", "data", "label", "statistic"), [c[1:] for c in RECENT_CASES],
                         ids=[c[0] for c in RECENT_CASES])  # fmt: skip
def test_recent_trend(polarity, unit, data, label, statistic):
    result = recent_trend(measure(polarity, unit), data)
    assert result.label is label, result.method
    if statistic is not None:
        assert round(result.statistic, 2) == statistic


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
