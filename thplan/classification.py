"""The classification rules: one written rule set, used by the command line, the importer and every screen.

For a measure and an area (the home area, Tower Hamlets, unless another is asked for):

Values
  R1. A value is *available* when the cell held a number. Missing values (with their reason) never count.
  R2. Series are ordered by the period each value really covers (a 2017/18 column may hold a 2015-17 value),
      then by the period it was reported in. A figure whose source states no period is never part of a series
      (it has no place in time): only comparisons use it (R7).
  R3. Two values are *equal* when they are equal at the published precision, that is rounded to the finer
      of their two numbers of decimal places (1.9 and 1.90 are equal; 7.7 and 7 are not). A measure may set a
      tolerance: values closer than it are equal too.

Overall trend (from the Plan's baseline, 2017/18 unless configured)
  R4. Compare the first available value whose period ends on or after the first day of the baseline period with
      the latest available value. If no value is available from the baseline on, use the first available value.
  R5. The label is Improved or Worsened by the measure's polarity, The same when the values are equal (R3),
      Increased or Decreased for a measure with no polarity, and Data Unavailable with fewer than two values.

Direction of travel
  R6. Compare the previous available value with the latest, labelled as in R5.

Comparison with a benchmark (London, England)
  R7. The home area's latest available value is compared with the benchmark's value for the same period. If the
      benchmark has none, with its figure whose period the source does not state, as the benchmark's latest
      figure, unless a dated benchmark value is more recent than the table that figure came from (its context);
      failing both, with the benchmark's latest dated value. The result says which, and names the periods.
  R8. When the home value has a 95% confidence interval, Fingertips' single-interval method applies: the
      benchmark inside the interval is Similar. Otherwise values are compared directly: equal (R3) is Similar,
      except for a measure compared by confidence interval (as Fingertips compares its indicators), where a value
      without an interval is Not compared.
  R9. Labels: Better, Similar, Worse by polarity; Higher, Similar, Lower with no polarity; Not compared when a
      value is missing, when the area is the benchmark itself, when the measure is a count (a borough's count
      cannot be judged against London's or England's), or when its publisher does not compare it between areas
      (Fingertips states "Not compared" for every area of such an indicator).

Recent trend (Fingertips' method)
  R10. As Fingertips computes its "Recent Trend" (its TrendMarkerCalculator and TrendRequest):
       a. Only proportions (unit %) and rates (per 1,000, 10,000 or 100,000) of single years (financial,
          academic or calendar, one kind): other units, rolling years, quarters and months Cannot be calculated.
       b. The points: from the latest value back, each value with its count and a denominator above zero, until
          the first period whose row is there without them (a suppressed or unpublished value ends the run; a
          year with no row is skipped). Fewer than five, or a count equal to its denominator anywhere in the run:
          Cannot be calculated. Of the run, the five most recent values with 95% confidence intervals are used,
          numbered 1 to 5 (fewer than five with intervals: Cannot be calculated).
       c. A proportion: the chi-squared test for trend on counts and denominators, its direction the slope of
          the logit of count / denominator. A rate: weighted least squares of the value on time, weighted by
          1 / ((upper - lower) / 3.92)^2, the statistic (slope / its standard error)^2.
       d. Significant when the statistic exceeds 9.54953570608324 (99.8%, one degree of freedom) and the slope
          keeps its sign (zero counts as rising) with each of the five points left out in turn.
       Labels: Increasing/Decreasing and getting better/worse (by polarity), Increasing/Decreasing (no
       polarity), No significant change; otherwise Cannot be calculated.

Attention
  R11. A measure needs attention when it is Worse than London and its direction of travel is Worsened. It needs
       discussion (a meeting's agenda) when it needs attention or is Off target (R15).

Ranking areas (compare areas)
  R12. The areas of one peer group are ranked on one period: the latest in which the home area has an available
       value, or, when it has none, the latest in which any area of the group has one. An area with no available
       value for that period is not ranked, not counted, and listed as such.
       a. Best first by polarity: highest first when higher is better, lowest first when lower is better. With no
          polarity, or for a measure not compared between areas (R9: a count, which depends on an area's size, or
          one its publisher does not compare), highest first, and the rank says only where the value lies ("1st
          is the highest").
       b. A value equal as shown to the value ranked just before it shares its rank: both rounded to the finer
          of their published decimal places (R3's precision, except that a computed float such as Fingertips'
          94.7261896202678 is shown, and so ranked, to one decimal place), or closer than the measure's
          tolerance. The next value's rank counts every area above it (1, 2, 2, 4).
       c. Each area is compared with the chosen benchmark as in R7-R9, on its value for the ranked period.

Spread of a peer group (the spine chart)
  R13. For each measure, the peer group's values for the period of R12: the lowest, the 25th percentile, the
       median, the 75th percentile and the highest, as Fingertips computes them (sorted values, linear
       interpolation at position (n - 1) x fraction + 1), from four values or more; with fewer, not shown.
       Over time, the group's median is drawn for each period in which four areas or more have a value.

Gap to a benchmark (is the gap to London closing?)
  R14. The gap is the home value minus the benchmark's, in each period in which both have an available value.
       Compare the first such period whose end is on or after the first day of the baseline period (R4; failing
       that, the first such period) with the latest:
       a. Fewer than two such periods, or a measure not compared between areas (R9): Not available.
       b. The two gaps' sizes equal at the finer published precision of the four values, or closer than the
          measure's tolerance (R3): No clear change.
       c. The home value on the other side of the benchmark than at first (neither gap zero at that precision):
          Crossed.
       d. Otherwise Closing when the latest gap is the smaller, Widening when it is the larger.

Status against target
  R15. The home area's latest available value is judged against its target for the same period (the value's own
       period); with no target for that period, No target; with no value, Data Unavailable.
       a. A value target: equal to it (R3) or better by polarity is On target; worse, but by no more than the
          tolerance (an amount in the measure's unit, or a share of the target), Within tolerance; otherwise Off
          target. With no polarity, equal is On target, within the tolerance on either side Within tolerance.
       b. A direction, against the previous available value: Maintain is met by the same value (R3) or a better
          one, Improve by a better one (by polarity), Increase and Reduce by a higher or lower one. Missing it by
          no more than the tolerance (of the previous value) is Within tolerance; otherwise Off target. Without a
          previous value, or Improve on a measure with no polarity: Data Unavailable.
       c. A stated RAG is read as Green = On target, Amber = Within tolerance, Red = Off target, and a stated RAG
          that differs from the computed status is a warning, as a stated trend's is.

Caveats are attached, never silently applied: a series break between the two values compared (the values are
still compared, as the annual reports do, and the caveat says they may not be comparable), rolling periods,
periods of different kinds, a benchmark from another period, low-reliability values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from thplan.area import ENGLAND, LONDON
from thplan.measure import NOT_BENCHMARKED, Measure, Unit
from thplan.observation import Observation
from thplan.period import SINGLE_YEAR_KINDS, Period, PeriodError, PeriodKind, parse_period
from thplan.polarity import Polarity
from thplan.targets import Direction, Target
from thplan.value import published_decimals

CHI_SQUARED_99_8 = 9.54953570608324  # CHIINV(0.002, 1), as Fingertips writes it
RECENT_POINTS = 5
#: Rates whose recent trend Fingertips tests (by weighted least squares); proportions are tested on counts.
TRENDED_RATES = frozenset({Unit.RATE_1K, Unit.RATE_10K, Unit.RATE_100K})
CI_WIDTH_SE = 3.92  # a 95% interval's width in standard errors, as Fingertips rounds it (2 x 1.96)


class TrendLabel(StrEnum):
    IMPROVED = "Improved"
    SAME = "The same"
    WORSENED = "Worsened"
    INCREASED = "Increased"
    DECREASED = "Decreased"
    UNAVAILABLE = "Data Unavailable"


class ComparisonLabel(StrEnum):
    BETTER = "Better"
    SIMILAR = "Similar"
    WORSE = "Worse"
    HIGHER = "Higher"
    LOWER = "Lower"
    NOT_COMPARED = "Not compared"


class RecentTrendLabel(StrEnum):
    INCREASING_BETTER = "Increasing and getting better"
    INCREASING_WORSE = "Increasing and getting worse"
    DECREASING_BETTER = "Decreasing and getting better"
    DECREASING_WORSE = "Decreasing and getting worse"
    INCREASING = "Increasing"
    DECREASING = "Decreasing"
    NO_CHANGE = "No significant change"
    CANNOT = "Cannot be calculated"


@dataclass(frozen=True)
class TrendResult:
    label: TrendLabel
    method: str
    start: Observation | None = None
    end: Observation | None = None
    caveats: tuple[str, ...] = ()
    #: The first value between the two compared that is marked as a series break (they may not be comparable).
    series_break: Observation | None = None
    #: Available values before the baseline, which the overall trend does not compare (R4).
    earlier: int = 0


@dataclass(frozen=True)
class ComparisonResult:
    benchmark_area: str
    label: ComparisonLabel
    method: str
    value: Observation | None = None
    benchmark: Observation | None = None
    same_period: bool = False
    caveats: tuple[str, ...] = ()

    @property
    def period_differs(self) -> bool:
        """Compared with a dated benchmark value of another period than the home value's."""
        return (self.label is not ComparisonLabel.NOT_COMPARED and self.benchmark is not None and self.benchmark.dated
                and not self.same_period)  # fmt: skip


@dataclass(frozen=True)
class RecentTrendResult:
    label: RecentTrendLabel
    method: str
    statistic: float | None = None
    points: tuple[Observation, ...] = ()
    #: False when the series holds fewer points than the test needs (a file of one year cannot show the trend its
    #: publisher computed from five).
    enough_points: bool = True


@dataclass(frozen=True)
class Classification:
    measure: Measure
    area: str
    series: tuple[Observation, ...]
    overall: TrendResult
    direction: TrendResult
    recent: RecentTrendResult
    comparisons: dict[str, ComparisonResult] = field(default_factory=dict)
    #: R14 against London (None where the Classification was built without it).
    gap: GapResult | None = None
    #: R15, for the home area of a measure with targets (None: no target).
    target: TargetResult | None = None

    @property
    def needs_discussion(self) -> bool:
        """R11."""
        return self.needs_attention or self.target_label is TargetLabel.OFF_TARGET

    @property
    def target_label(self) -> TargetLabel:
        return self.target.label if self.target is not None else TargetLabel.NO_TARGET

    @property
    def gap_label(self) -> GapLabel:
        return self.gap.label if self.gap is not None else GapLabel.UNAVAILABLE

    @property
    def latest(self) -> Observation | None:
        return self.direction.end or _last_available(self.series)

    @property
    def previous(self) -> Observation | None:
        return self.direction.start

    @property
    def baseline(self) -> Observation | None:
        return self.overall.start

    def vs(self, area: str) -> ComparisonResult:
        return self.comparisons.get(area) or ComparisonResult(area, ComparisonLabel.NOT_COMPARED, "no benchmark")

    @property
    def needs_attention(self) -> bool:
        return self.vs(LONDON).label is ComparisonLabel.WORSE and self.direction.label is TrendLabel.WORSENED

    @property
    def caveats(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for result in (self.overall, self.direction, *self.comparisons.values()):
            for caveat in result.caveats:
                seen.setdefault(caveat, None)
        return tuple(seen)


def ordered(series: Iterable[Observation]) -> list[Observation]:
    """R2: order by the period a value really covers, then by the period it was reported in."""
    return sorted(series, key=lambda o: (o.effective_period.sort_key, o.period.sort_key))


def _last_available(series: Sequence[Observation]) -> Observation | None:
    return next((o for o in reversed(series) if o.available), None)


def equal_at_precision(a: Observation, b: Observation, tolerance: float | None = None) -> bool:
    """R3."""
    assert a.value is not None and b.value is not None
    if tolerance is not None and abs(a.value - b.value) <= tolerance:
        return True
    digits = max(a.decimals, b.decimals)
    return round(a.value, digits) == round(b.value, digits)


def trend_label(measure: Measure, start: Observation, end: Observation) -> TrendLabel:
    """R5 for two available values."""
    if equal_at_precision(start, end, measure.tolerance):
        return TrendLabel.SAME
    up = end.value > start.value  # type: ignore[operator]
    if not measure.polarity.judged:
        return TrendLabel.INCREASED if up else TrendLabel.DECREASED
    better = up == (measure.polarity is Polarity.HIGHER)
    return TrendLabel.IMPROVED if better else TrendLabel.WORSENED


def _describe(o: Observation) -> str:
    return o.effective_period.label


def _position(series: Sequence[Observation], wanted: Observation) -> int:
    """Where a value of the series is in it, by identity (comparing observations field by field was slow)."""
    return next(number for number, o in enumerate(series) if o is wanted)


def _break_between(series: Sequence[Observation], start: Observation, end: Observation) -> Observation | None:
    inside = series[_position(series, start) + 1 : _position(series, end) + 1]
    return next((o for o in inside if o.series_break), None)


def _pair_caveats(series: Sequence[Observation], start: Observation, end: Observation) -> tuple[str, ...]:
    caveats: list[str] = []
    if (o := _break_between(series, start, end)) is not None:
        reason = f" ({o.note})" if o.note else ""
        caveats.append(f"Series break: the {o.period.label} value is not comparable with earlier years{reason}.")
    for o in (start, end):
        if o.effective_period.kind is PeriodKind.ROLLING:
            caveats.append(f"Rolling periods: {o.effective_period.label} is an average of several years.")
            break
    if start.effective_period.kind != end.effective_period.kind:
        caveats.append(
            f"Periods of different kinds: {start.effective_period.label} ({start.effective_period.kind}) "
            f"against {end.effective_period.label} ({end.effective_period.kind})."
        )
    caveats.extend(f"{o.period.label}: {flag}." for o in (start, end) for flag in o.flags)
    return tuple(caveats)


def _trend(measure: Measure, series: Sequence[Observation], start: Observation | None, method: str) -> TrendResult:
    end = _last_available(series)
    if start is None or end is None or start is end:
        return TrendResult(TrendLabel.UNAVAILABLE, "fewer than two available values", start, end)
    label = trend_label(measure, start, end)
    return TrendResult(label, method, start, end, _pair_caveats(series, start, end), _break_between(series, start, end))


def overall_trend(measure: Measure, series: Sequence[Observation], baseline: Period) -> TrendResult:
    """R4-R5."""
    available = [o for o in series if o.available]
    from_baseline = [o for o in available if o.effective_period.overlaps_or_follows(baseline)]
    if from_baseline:
        found = _trend(measure, series, from_baseline[0], f"first value from the {baseline.label} baseline on")
        return replace(found, earlier=len(available) - len(from_baseline))
    first = available[0] if available else None
    return _trend(measure, series, first, f"no value from the {baseline.label} baseline on: first available value")


def direction_of_travel(measure: Measure, series: Sequence[Observation]) -> TrendResult:
    """R6."""
    available = [o for o in series if o.available]
    previous = available[-2] if len(available) >= 2 else None
    return _trend(measure, series, previous, "previous available value against the latest")


def _relation_label(measure: Measure, sign: int) -> ComparisonLabel:
    if sign == 0:
        return ComparisonLabel.SIMILAR
    if not measure.polarity.judged:
        return ComparisonLabel.HIGHER if sign > 0 else ComparisonLabel.LOWER
    return ComparisonLabel.BETTER if sign * measure.polarity.sign() > 0 else ComparisonLabel.WORSE


def compare_with_benchmark(
    measure: Measure,
    area: str,
    series: Sequence[Observation],
    benchmark_area: str,
    benchmark: Sequence[Observation],
) -> ComparisonResult:
    """R7-R9 (`series` dated and ordered; `benchmark` may hold a figure whose period is not stated)."""
    value = _last_available(series)

    def not_compared(why: str, bench: Observation | None = None) -> ComparisonResult:
        return ComparisonResult(benchmark_area, ComparisonLabel.NOT_COMPARED, why, value, bench)

    if area == benchmark_area:
        return not_compared(f"{area} is the benchmark itself")
    dated = [o for o in ordered(o for o in benchmark if o.period.dated) if o.value is not None]
    undated = next((o for o in benchmark if not o.period.dated and o.value is not None), None)
    latest_bench = _benchmark_figure(measure, dated, undated)
    if measure.comparison == NOT_BENCHMARKED:
        return not_compared("its publisher does not compare it between areas", latest_bench)
    if not measure.compared_with_benchmarks:
        return not_compared("a count is not compared between areas of different sizes", latest_bench)
    if value is None:
        return not_compared(f"no value for {area}", latest_bench)
    if latest_bench is None:
        return not_compared(f"no {benchmark_area} value")
    period = value.effective_period.label
    same = next((o for o in reversed(dated) if o.effective_period.label == period), None)
    bench = same or latest_bench
    caveats: tuple[str, ...] = ()
    if same is not None:
        basis = f"{benchmark_area}'s value for the same period ({period})"
    elif not bench.dated:
        basis = f"{benchmark_area}'s figure, period not stated in the source"
        caveats = (f"{benchmark_area}'s figure has no period in its source; it is used as {benchmark_area}'s latest "
                   f"figure.",)  # fmt: skip
    else:
        basis = f"{benchmark_area}'s latest value ({bench.effective_period.label})"
        caveats = (
            f"Benchmark period differs: {benchmark_area} {bench.effective_period.label} against {area} {period}.",
        )
    assert bench.value is not None and value.value is not None
    if value.lower_ci is not None and value.upper_ci is not None:
        inside = value.lower_ci <= bench.value <= value.upper_ci
        sign = 0 if inside else (1 if value.value > bench.value else -1)
        method = f"{area}'s 95% confidence interval against {basis}"
    elif measure.comparison == "interval":
        return not_compared(f"{area}'s value has no confidence interval to compare with", bench)
    else:
        sign = 0 if equal_at_precision(value, bench, measure.tolerance) else (1 if value.value > bench.value else -1)
        method = f"{area}'s latest value against {basis}"
    label = _relation_label(measure, sign)
    return ComparisonResult(benchmark_area, label, method, value, bench, same is not None, caveats)


def _benchmark_figure(measure: Measure, dated: list[Observation], undated: Observation | None) -> Observation | None:
    """R7: the benchmark's latest figure: its undated one, unless a dated value is more recent than the table that
    figure came from; else its latest dated value."""
    latest = dated[-1] if dated else None
    if undated is None or latest is None:
        return undated or latest
    try:
        context = parse_period(undated.context_period or "", measure.period_type)
    except PeriodError:
        return undated  # no context to weigh it against: the source's own figure
    return latest if latest.effective_period.end > context.end else undated


def recent_trend(measure: Measure, series: Sequence[Observation]) -> RecentTrendResult:
    """R10 (`series` dated and ordered)."""
    proportion = measure.unit is Unit.PERCENT
    if not proportion and measure.unit not in TRENDED_RATES:
        return RecentTrendResult(
            RecentTrendLabel.CANNOT, "Fingertips tests recent trends of proportions and rates only"
        )
    kinds = {o.effective_period.kind for o in series}
    if len(kinds) > 1 or not kinds <= SINGLE_YEAR_KINDS:
        return RecentTrendResult(RecentTrendLabel.CANNOT, "recent trends are tested on single years of one kind only")
    run: list[Observation] = []
    for o in reversed(series):  # from the latest back, until a value is there without its count and denominator
        if o.value is None or o.count is None or o.denominator is None or o.denominator <= 0:
            break
        run.append(o)
    if len(run) < RECENT_POINTS:
        return RecentTrendResult(RecentTrendLabel.CANNOT, f"fewer than {RECENT_POINTS} recent values with counts "
                                 "and denominators", enough_points=False)  # fmt: skip
    if any(o.count == o.denominator for o in run):
        return RecentTrendResult(RecentTrendLabel.CANNOT, "a count equals its denominator")
    points = [o for o in run if o.lower_ci is not None and o.upper_ci is not None][:RECENT_POINTS][::-1]
    if len(points) < RECENT_POINTS:
        return RecentTrendResult(RecentTrendLabel.CANNOT, f"fewer than {RECENT_POINTS} recent values with 95% "
                                 "confidence intervals", enough_points=False)  # fmt: skip
    if proportion:
        statistic, slope, steady = _chi_squared_for_trend(points)
        method = "chi-squared test for trend on counts and denominators"
    else:
        statistic, slope, steady = _weighted_least_squares(points)
        method = "weighted least squares on values with 95% confidence intervals"
    if statistic is None or not statistic > CHI_SQUARED_99_8 or not steady:
        return RecentTrendResult(RecentTrendLabel.NO_CHANGE, method, statistic, tuple(points))
    return RecentTrendResult(_recent_label(measure.polarity, slope > 0), method, statistic, tuple(points))


def _recent_label(polarity: Polarity, increasing: bool) -> RecentTrendLabel:
    if not polarity.judged:
        return RecentTrendLabel.INCREASING if increasing else RecentTrendLabel.DECREASING
    better = increasing == (polarity is Polarity.HIGHER)
    if increasing:
        return RecentTrendLabel.INCREASING_BETTER if better else RecentTrendLabel.INCREASING_WORSE
    return RecentTrendLabel.DECREASING_BETTER if better else RecentTrendLabel.DECREASING_WORSE


def _chi_squared_for_trend(points: Sequence[Observation]) -> tuple[float | None, float, bool]:
    """R10c for a proportion: the chi-squared test for trend (Armitage), time scored 1..n, as Fingertips computes
    it; the slope of the logit of count / denominator; whether that slope keeps its sign (R10d)."""
    r = [float(o.count or 0) for o in points]
    n = [float(o.denominator or 0) for o in points]
    t = range(1, len(points) + 1)
    big_r, big_n = sum(r), sum(n)
    srt = sum(ri * ti for ri, ti in zip(r, t, strict=False))
    snt = sum(ni * ti for ni, ti in zip(n, t, strict=False))
    sntt = sum(ni * ti * ti for ni, ti in zip(n, t, strict=False))
    denominator = big_r * (big_n - big_r) * (big_n * sntt - snt**2)
    if denominator <= 0 or any(not 0 < ri < ni for ri, ni in zip(r, n, strict=True)):
        return None, 0.0, False  # counts of none or all of their denominators: no logit, no test
    statistic = big_n * (big_n * srt - big_r * snt) ** 2 / denominator
    logits = [math.log(ri / (ni - ri)) for ri, ni in zip(r, n, strict=True)]
    slope, _ = _fit(logits, [1.0] * len(points))
    return statistic, slope, _keeps_its_sign(logits, [1.0] * len(points))


def _weighted_least_squares(points: Sequence[Observation]) -> tuple[float | None, float, bool]:
    """R10c for a rate: the slope of value on time weighted by 1 / variance (the variance from the 95% interval),
    the statistic (slope / its standard error)^2, and whether the slope keeps its sign (R10d)."""
    widths = [float(o.upper_ci or 0) - float(o.lower_ci or 0) for o in points]
    if any(w <= 0 for w in widths):
        return None, 0.0, False  # an interval of no width weighs infinitely: no test
    weights = [1 / (w / CI_WIDTH_SE) ** 2 for w in widths]
    values = [float(o.value or 0) for o in points]
    slope, sxx = _fit(values, weights)
    return slope * slope * sxx, slope, _keeps_its_sign(values, weights)


def _fit(ys: Sequence[float], weights: Sequence[float], times: Sequence[int] | None = None) -> tuple[float, float]:
    """Weighted least-squares slope of ys on time, and the weighted spread of time (1 / variance of the slope)."""
    xs = list(times or range(1, len(ys) + 1))
    total = sum(weights)
    mean_x = sum(w * x for w, x in zip(weights, xs, strict=True)) / total
    mean_y = sum(w * y for w, y in zip(weights, ys, strict=True)) / total
    sxx = sum(w * (x - mean_x) ** 2 for w, x in zip(weights, xs, strict=True))
    sxy = sum(w * (x - mean_x) * (y - mean_y) for w, x, y in zip(weights, xs, ys, strict=True))
    return sxy / sxx, sxx


def _keeps_its_sign(ys: Sequence[float], weights: Sequence[float]) -> bool:
    """R10d, Fingertips' outlier check: the slope over all points and with each point left out in turn agree in
    sign (a slope of zero counts as rising)."""
    times = list(range(1, len(ys) + 1))
    signs = {_fit(ys, weights)[0] >= 0}
    for skip in range(len(ys)):
        keep = [i for i in range(len(ys)) if i != skip]
        part, _ = _fit([ys[i] for i in keep], [weights[i] for i in keep], [times[i] for i in keep])
        signs.add(part >= 0)
    return len(signs) == 1


def classify(
    measure: Measure,
    area: str,
    series: Sequence[Observation],
    benchmarks: dict[str, Sequence[Observation]],
    baseline_label: str,
) -> Classification:
    """Classify one measure for one area; `benchmarks` maps benchmark areas to their series. The area's figures
    whose period is not stated are kept apart (R2)."""
    ordered_series = tuple(ordered(o for o in series if o.period.dated))
    baseline = parse_period(baseline_label, measure.period_type)
    comparisons = {
        bench_area: compare_with_benchmark(measure, area, ordered_series, bench_area, bench_series)
        for bench_area, bench_series in benchmarks.items()
    }
    for bench_area in (LONDON, ENGLAND):
        comparisons.setdefault(bench_area, compare_with_benchmark(measure, area, ordered_series, bench_area, ()))
    return Classification(
        measure=measure,
        area=area,
        series=ordered_series,
        overall=overall_trend(measure, ordered_series, baseline),
        direction=direction_of_travel(measure, ordered_series),
        recent=recent_trend(measure, ordered_series),
        comparisons=comparisons,
        gap=gap_to_benchmark(measure, ordered_series, LONDON, benchmarks.get(LONDON, ()), baseline),
    )


class GapLabel(StrEnum):
    CLOSING = "Closing"
    WIDENING = "Widening"
    NO_CHANGE = "No clear change"
    CROSSED = "Crossed"
    UNAVAILABLE = "Not available"


@dataclass(frozen=True)
class RankedArea:
    area: str
    observation: Observation
    rank: int
    comparison: ComparisonResult


@dataclass(frozen=True)
class Ranking:
    """R12: the ranked areas, best (or highest) first, and the areas of the group not ranked."""

    period: Period | None
    ranked: tuple[RankedArea, ...]
    unranked: tuple[str, ...]
    #: False for a measure with no polarity: 1st is then the highest value, not the best.
    by_polarity: bool

    def of(self, area: str) -> RankedArea | None:
        return next((r for r in self.ranked if r.area == area), None)

    @property
    def tied(self) -> bool:
        return len({r.rank for r in self.ranked}) < len(self.ranked)


def value_in(series: Sequence[Observation], label: str) -> Observation | None:
    """An area's available dated value for a period (the last reported, R2)."""
    found = [o for o in ordered(series) if o.available and o.dated and o.effective_period.label == label]
    return found[-1] if found else None


def _equal_as_shown(a: Observation, b: Observation, tolerance: float | None) -> bool:
    """R12b."""
    assert a.value is not None and b.value is not None
    if tolerance is not None and abs(a.value - b.value) <= tolerance:
        return True
    digits = max(published_decimals(a.value, a.decimals), published_decimals(b.value, b.decimals))
    return round(a.value, digits) == round(b.value, digits)


def ranking_period(series_by_area: Mapping[str, Sequence[Observation]], home: str) -> Period | None:
    """R12: the home area's latest period with an available value, else the group's latest."""
    for areas in ([home], list(series_by_area)):
        latest = [o for a in areas for o in series_by_area.get(a, ()) if o.available and o.dated]
        if latest:
            return ordered(latest)[-1].effective_period
    return None


def rank_areas(
    measure: Measure,
    series_by_area: Mapping[str, Sequence[Observation]],
    home: str,
    benchmark_area: str,
    benchmark: Sequence[Observation],
) -> Ranking:
    """R12 for the areas of one peer group (`series_by_area`, each area's headline values)."""
    period = ranking_period(series_by_area, home)
    values = {a: value_in(s, period.label) for a, s in series_by_area.items()} if period else {}
    present = [(a, o) for a, o in values.items() if o is not None]
    judged = measure.polarity.judged and measure.compared_with_benchmarks
    descending = not (judged and measure.polarity is Polarity.LOWER)
    present.sort(key=lambda item: ((-1 if descending else 1) * item[1].value, item[0]))  # type: ignore[operator]
    ranked: list[RankedArea] = []
    for position, (area, o) in enumerate(present, start=1):
        before = ranked[-1] if ranked else None
        tie = before is not None and _equal_as_shown(before.observation, o, measure.tolerance)
        comparison = compare_with_benchmark(measure, area, [o], benchmark_area, benchmark)
        ranked.append(RankedArea(area, o, before.rank if tie and before else position, comparison))
    unranked = tuple(sorted(a for a in series_by_area if values.get(a) is None))
    return Ranking(period, tuple(ranked), unranked, judged)


@dataclass(frozen=True)
class Spread:
    """R13: a peer group's values of one measure and period, as the five points of a spine."""

    count: int
    lowest: float
    q1: float
    median: float
    q3: float
    highest: float


SPREAD_MINIMUM = 4


def _percentile(values: Sequence[float], fraction: float) -> float:
    """R13: Fingertips' percentile of sorted values (linear between the two values either side)."""
    position = (len(values) - 1) * fraction + 1
    k = int(position)
    if k >= len(values):
        return values[-1]
    return round(values[k - 1] + (position - k) * (values[k] - values[k - 1]), 10)


def peer_spread(values: Iterable[float]) -> Spread | None:
    """R13; None from fewer than four values."""
    found = sorted(values)
    if len(found) < SPREAD_MINIMUM:
        return None
    q1, median, q3 = (_percentile(found, f) for f in (0.25, 0.5, 0.75))
    return Spread(len(found), found[0], q1, median, q3, found[-1])


def median_series(measure_id: str, series_by_area: Mapping[str, Sequence[Observation]], name: str) -> list[Observation]:
    """R13 over time: the group's median of each period with four values or more, as the series of `name`."""
    by_period: dict[str, list[Observation]] = {}
    for series in series_by_area.values():
        for o in series:
            if o.available and o.dated:
                by_period.setdefault(o.effective_period.label, []).append(o)
    medians = []
    for values in by_period.values():
        spread = peer_spread(o.value for o in values)  # type: ignore[misc]
        if spread is not None:
            decimals = max(published_decimals(o.value, o.decimals) for o in values)  # type: ignore[arg-type]
            medians.append(Observation(measure_id, name, values[0].effective_period, spread.median, decimals))
    return ordered(medians)


@dataclass(frozen=True)
class GapResult:
    """R14: the gap between the home area and a benchmark, period by period, and its label."""

    benchmark_area: str
    label: GapLabel
    #: (period label, home value, benchmark value) for each period in which both have a value, in order.
    gaps: tuple[tuple[str, Observation, Observation], ...] = ()
    start: int = 0  # the index in `gaps` of the first gap compared

    @property
    def first(self) -> tuple[str, Observation, Observation] | None:
        return self.gaps[self.start] if self.gaps else None

    @property
    def latest(self) -> tuple[str, Observation, Observation] | None:
        return self.gaps[-1] if self.gaps else None


def gap_to_benchmark(
    measure: Measure, series: Sequence[Observation], benchmark_area: str, benchmark: Sequence[Observation],
    baseline: Period,
) -> GapResult:  # fmt: skip
    """R14."""
    theirs = {o.effective_period.label: o for o in ordered(benchmark) if o.available and o.dated}
    gaps = tuple(
        (o.effective_period.label, o, theirs[o.effective_period.label])
        for o in ordered(series)
        if o.available and o.dated and o.effective_period.label in theirs
    )
    start = next((i for i, (_, o, _) in enumerate(gaps) if o.effective_period.end >= baseline.start), 0)
    if len(gaps) - start < 2 or not measure.compared_with_benchmarks:
        return GapResult(benchmark_area, GapLabel.UNAVAILABLE, gaps, start)
    (_, h0, b0), (_, h1, b1) = gaps[start], gaps[-1]
    digits = max(h0.decimals, b0.decimals, h1.decimals, b1.decimals)
    first, last = round(h0.value - b0.value, digits), round(h1.value - b1.value, digits)  # type: ignore[operator]
    if abs(first) == abs(last) or (measure.tolerance is not None and abs(abs(first) - abs(last)) <= measure.tolerance):
        label = GapLabel.NO_CHANGE
    elif first * last < 0:
        label = GapLabel.CROSSED
    else:
        label = GapLabel.CLOSING if abs(last) < abs(first) else GapLabel.WIDENING
    return GapResult(benchmark_area, label, gaps, start)


class TargetLabel(StrEnum):
    ON_TARGET = "On target"
    WITHIN_TOLERANCE = "Within tolerance"
    OFF_TARGET = "Off target"
    NO_TARGET = "No target"
    UNAVAILABLE = "Data Unavailable"


@dataclass(frozen=True)
class TargetResult:
    label: TargetLabel
    method: str
    target: Target | None = None
    value: Observation | None = None
    #: The value a direction target is judged against (R15b).
    previous: Observation | None = None


def _shortfall(measure: Measure, value: Observation, aim: float, decimals: int) -> float | None:
    """R15: how far a value falls short of an aim by the measure's polarity (0 when equal at precision, R3), or None
    when it is better; with no polarity, how far it is from the aim either side."""
    assert value.value is not None
    gap = round(value.value - aim, max(value.decimals, decimals))
    if gap != 0 and measure.polarity.judged and gap * measure.polarity.sign() > 0:
        return None
    return abs(gap)


def status_against_target(measure: Measure, series: Sequence[Observation], targets: Sequence[Target]) -> TargetResult:
    """R15 (`series` dated and ordered)."""
    value = _last_available(series)
    if value is None:
        return TargetResult(TargetLabel.UNAVAILABLE, "no value to judge")
    period = value.effective_period.label
    target = next((t for t in targets if t.period == period), None)
    if target is None:
        return TargetResult(TargetLabel.NO_TARGET, f"no target for {period}", None, value)
    aim, decimals, previous = target.value, target.decimals, None
    if target.direction is not None:
        previous = next((o for o in reversed(series[: _position(series, value)]) if o.available), None)
        if previous is None or (target.direction is Direction.IMPROVE and not measure.polarity.judged):
            why = "no earlier value to compare with" if previous is None else "the measure has no polarity"
            return TargetResult(TargetLabel.UNAVAILABLE, f"{target.direction}: {why}", target, value)
        assert previous.value is not None
        aim, decimals = previous.value, previous.decimals
        judged = measure
        if target.direction in (Direction.INCREASE, Direction.REDUCE):
            judged = replace(measure, polarity=Polarity.HIGHER if target.direction is Direction.INCREASE
                             else Polarity.LOWER)  # fmt: skip
        short = _shortfall(judged, value, aim, decimals)
        # Maintain is met by the same value; Improve, Increase and Reduce need a change
        met = short is None or (short == 0 and target.direction is Direction.MAINTAIN)
        basis = f"{target.direction} on {previous.effective_period.label}"
    else:
        assert aim is not None
        short = _shortfall(measure, value, aim, decimals)
        met = short is None or short == 0
        basis = f"target {target} for {period}"
    allowed = target.tolerance.of(aim) if target.tolerance is not None else None
    if met:
        label = TargetLabel.ON_TARGET
    elif allowed is not None and short is not None and short <= allowed + 1e-9:  # 1e-9: binary fractions
        label = TargetLabel.WITHIN_TOLERANCE
    else:
        label = TargetLabel.OFF_TARGET
    tolerance = f", tolerance {target.tolerance}" if target.tolerance is not None else ""
    return TargetResult(label, f"{period} value against {basis}{tolerance}", target, value, previous)
