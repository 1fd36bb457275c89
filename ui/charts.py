"""Altair charts (pure: no Streamlit), so tests can assert their specs and exports can render them offline.

A measure's chart is drawn on time: each value sits at the middle of the period it covers (a rolling 2016-18 value
over its own three years, drawn as a span), a period with no value leaves a gap in the line, and so does a series
break (marked). A figure whose period its source does not state has no place in time: it is a labelled line
across the chart, not a point. Confidence intervals are drawn where values have them, and the legend's symbols are
the marks' own (a line with its dash, the interval's bar).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from thplan import display
from thplan.area import ENGLAND, LONDON
from thplan.classification import ComparisonLabel, GapResult, RankedArea
from thplan.display import HEX, observation_text
from thplan.measure import Measure, Unit
from thplan.observation import Observation
from thplan.period import PeriodKind

if TYPE_CHECKING:  # Altair is imported by the functions that draw: the overview draws none (0.17 s at start-up)
    import altair as alt

    from thplan.spine import SpineRow

HOME_COLOUR = "#0072B2"  # Okabe-Ito blue, solid and thick: the borough
BENCHMARK_STYLE = {LONDON: ("#E69F00", [8, 4]), ENGLAND: ("#000000", [2, 3])}  # orange dashed, black dotted
#: London and England across a ranking: grey and black, apart from the comparison colours of its bars.
REFERENCE_STYLE = {LONDON: ("#555555", [8, 4]), ENGLAND: ("#000000", [2, 3])}
OTHER_COLOURS = ["#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
#: Quantities whose axis starts at zero; years and scores are shown on their own range, and say so.
ZERO_BASED = {Unit.PERCENT, Unit.COUNT, Unit.POUNDS, Unit.RATE_100K, Unit.RATE_10K, Unit.RATE_1K}
INTERVAL = "95% confidence interval"
FONT = 14  # axis and legend text, readable from the back of a room (meeting mode draws larger)
COLUMNS = ["Area", "Period", "mid", "start", "end", "Value", "Shown", "Lower", "Upper", "Note", "Break", "Segment",
           "Span"]  # fmt: skip


def _ms(day: date) -> int:
    """A day as Vega's time: milliseconds since 1970, UTC."""
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def _middle(o: Observation) -> date:
    period = o.effective_period
    return period.start + (period.end - period.start) / 2


def series_frame(measure: Measure, series: Mapping[str, Sequence[Observation]]) -> pd.DataFrame:
    """One row per area and dated value: where it sits in time, its interval, and the segment of the line it is
    on (a new segment after a period with no value, or at a series break)."""
    rows = []
    for area, observations in series.items():
        dated = sorted((o for o in observations if o.dated and o.value is not None),
                       key=lambda o: (o.effective_period.sort_key, o.period.sort_key))  # fmt: skip
        segment, previous = 0, None
        for o in dated:
            period = o.effective_period
            if previous is not None and (o.series_break or period.start > previous.end + timedelta(days=1)):
                segment += 1
            previous = period
            rows.append({
                "Area": area, "Period": period.label, "mid": _ms(_middle(o)), "start": _ms(period.start),
                "end": _ms(period.end), "Value": o.value, "Shown": observation_text(o, measure.unit, long=True),
                "Lower": o.lower_ci, "Upper": o.upper_ci,
                "Note": "; ".join(p for p in (o.note,) if p), "Break": o.series_break, "Segment": f"{area} {segment}",
                "Span": period.kind in (PeriodKind.ROLLING, PeriodKind.MONTHS),
            })  # fmt: skip
    return pd.DataFrame(rows, columns=COLUMNS)


def undated_figures(series: Mapping[str, Sequence[Observation]]) -> dict[str, Observation]:
    """Each area's figure whose period its source does not state (drawn as a line across the chart)."""
    return {area: o for area, observations in series.items() for o in observations if not o.dated and o.available}


def _domain(values: Sequence[float], zero: bool) -> tuple[float, float]:
    """The y axis's range, worked out here so the chart can say whether it starts at zero."""
    low, high = min(values), max(values)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    spread = (high - low) or abs(high) or 1.0
    step = 10 ** math.floor(math.log10(spread / 5))
    low = low if zero and low == 0 else math.floor((low - spread * 0.05) / step) * step
    high = high if zero and high == 0 else math.ceil((high + spread * 0.05) / step) * step
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    return low, high


def axis_title(measure: Measure, domain: tuple[float, float] | None = None) -> str:
    """The unit, and '(axis does not start at zero)' exactly when the drawn axis does not."""
    unit = measure.unit.value if measure.unit else "value"
    if domain is not None and (domain[0] > 0 or domain[1] < 0):
        return f"{unit} (axis does not start at zero)"
    return unit


def _time_axis(frame: pd.DataFrame, home: str, font: int) -> alt.Axis:
    """Ticks at the middles of the home area's periods (of every area's, when it has none), each labelled with its
    period ('2017/18'), at most about ten of them; a benchmark's other periods are named in its tooltips."""
    import altair as alt

    own = frame[frame["Area"] == home]
    ticks = (own if len(own) else frame).drop_duplicates("mid").sort_values("mid")
    step = max(1, math.ceil(len(ticks) / 10))
    shown = ticks.iloc[::-1].iloc[::step].iloc[::-1]  # the latest period always labelled
    # Each tick's label by its time (a chain of conditions: the Vega that Streamlit bundles has no `indexof`).
    label = "".join(f"time(datum.value) === {m} ? {str(p)!r} : " for m, p in zip(shown["mid"], shown["Period"],
                                                                                strict=True)) + "''"  # fmt: skip
    days = [datetime.fromtimestamp(m / 1000, UTC) for m in shown["mid"]]  # Vega-Lite's DateTime objects: the
    values = [{"year": d.year, "month": d.month, "date": d.day, "utc": True} for d in days]  # Vega Streamlit bundles
    return alt.Axis(values=values, labelExpr=label, labelAngle=0, labelFontSize=font, title=None,  # reads no numbers
                    grid=False, labelOverlap=False)  # fmt: skip


def series_chart(
    measure: Measure, series: Mapping[str, Sequence[Observation]], home: str, *, height: int = 260, font: int = FONT
) -> alt.LayerChart:
    """The home area's series with London and England in distinct colours and dash patterns, on time."""
    import altair as alt

    frame = series_frame(measure, series)
    undated = undated_figures(series)
    areas = list(series)
    colours = [HOME_COLOUR if a == home else BENCHMARK_STYLE.get(a, (OTHER_COLOURS[i % 5], None))[0]
               for i, a in enumerate(areas)]  # fmt: skip
    dashes = [[1, 0] if a == home else BENCHMARK_STYLE.get(a, ("", [4, 2]))[1] for a in areas]
    values = [*frame["Value"], *frame["Lower"].dropna(), *frame["Upper"].dropna(), *(o.value for o in undated.values())]
    domain = _domain([float(v) for v in values], measure.unit in ZERO_BASED) if values else (0.0, 1.0)
    x = alt.X(
        "mid:T", scale=alt.Scale(type="utc", padding=24), axis=_time_axis(frame, home, font) if len(frame) else None
    )
    y = alt.Y("Value:Q", title=axis_title(measure, domain), scale=alt.Scale(domain=list(domain), nice=False),
              axis=alt.Axis(labelFontSize=font, titleFontSize=font))  # fmt: skip
    legend = alt.Legend(orient="bottom", title=None, labelFontSize=font, symbolType="stroke", symbolStrokeWidth=3,
                        symbolSize=400)  # fmt: skip
    colour = alt.Color("Area:N", scale=alt.Scale(domain=areas, range=colours), legend=legend)
    dash = alt.StrokeDash("Area:N", scale=alt.Scale(domain=areas, range=dashes), legend=legend)
    tooltip = [alt.Tooltip("Area:N"), alt.Tooltip("Period:N"), alt.Tooltip("Shown:N", title="Value"),
               alt.Tooltip("Note:N")]  # fmt: skip
    base = alt.Chart(frame).encode(x=x, y=y, color=colour, tooltip=tooltip)
    layers: list[alt.Chart] = [
        base.mark_line(strokeWidth=3).encode(strokeDash=dash, detail="Segment:N"),
        base.mark_point(filled=True, size=80, opacity=1),
    ]
    spans = frame[frame["Span"]]
    if len(spans):  # a rolling value over the years it covers
        layers.append(alt.Chart(spans).mark_rule(strokeWidth=2, opacity=0.6).encode(
            x=alt.X("start:T"), x2="end:T", y=y, color=alt.Color("Area:N", scale=alt.Scale(domain=areas, range=colours),
                                                                  legend=None), tooltip=tooltip))  # fmt: skip
    intervals = frame.dropna(subset=["Lower", "Upper"]).assign(Interval=INTERVAL)
    if len(intervals):
        layers.append(alt.Chart(intervals).mark_rule(opacity=0.7).encode(
            x=x, y=alt.Y("Lower:Q"), y2="Upper:Q",
            color=alt.Color("Area:N", scale=alt.Scale(domain=areas, range=colours), legend=None),
            strokeWidth=alt.StrokeWidth("Interval:N", scale=alt.Scale(domain=[INTERVAL], range=[2]),
                                        legend=_interval_legend(font)),
            tooltip=[alt.Tooltip("Area:N"), alt.Tooltip("Period:N"), alt.Tooltip("Lower:Q", format=",.1f"),
                     alt.Tooltip("Upper:Q", format=",.1f")]))  # fmt: skip
    noted = frame[frame["Note"] != ""]
    if len(noted):
        layers.append(alt.Chart(noted).mark_point(shape="diamond", size=220, filled=False, strokeWidth=2,
                                                  color="#000000").encode(x=x, y=y, tooltip=tooltip))  # fmt: skip
    breaks = frame[frame["Break"]].drop_duplicates("Period")
    if len(breaks):
        rule = alt.Chart(breaks.assign(at=breaks["start"])).encode(x=alt.X("at:T"))
        layers.append(rule.mark_rule(strokeDash=[2, 2], color=HEX["gray"], size=2))
        layers.append(rule.mark_text(text="Series break", dx=4, align="left", baseline="bottom", color="#444444",
                                     fontSize=font - 1).encode(y=alt.value("height")))  # fmt: skip
    if undated:
        layers.extend(_undated_lines(measure, undated, areas, colours, dashes, y, font))
    return _sized(alt.layer(*layers).properties(height=height, width="container"), font)


def _sized(chart: alt.LayerChart, font: int) -> alt.LayerChart:
    """Every axis's and legend's text at `font` pixels, whichever layer Vega-Lite takes an axis from."""
    return chart.configure_axis(labelFontSize=font, titleFontSize=font).configure_legend(labelFontSize=font)


def _interval_legend(font: int) -> alt.Legend:
    """The intervals' legend entry: a vertical bar, as they are drawn."""
    import altair as alt

    return alt.Legend(orient="bottom", title=None, labelFontSize=font, symbolType="M0,-1L0,1", symbolSize=400,
                      symbolStrokeWidth=2, symbolStrokeColor="#333333")  # fmt: skip


def _intervals(frame: pd.DataFrame, font: int, width: float, **encoding: Any) -> list[alt.Chart]:
    """Each row's 95% interval as a dark rule (none without intervals), with its own legend entry."""
    import altair as alt

    ci = frame.dropna(subset=["Lower", "Upper"]).assign(Interval=INTERVAL)
    if not len(ci):
        return []
    stroke = alt.StrokeWidth("Interval:N", scale=alt.Scale(domain=[INTERVAL], range=[width]),
                             legend=_interval_legend(font))  # fmt: skip
    return [alt.Chart(ci).mark_rule(color="#222222").encode(strokeWidth=stroke, **encoding)]


def _undated_lines(
    measure: Measure, undated: Mapping[str, Observation], areas: list[str], colours: list[str],
    dashes: list[list[int]], y: alt.Y, font: int,
) -> list[alt.Chart]:  # fmt: skip
    """Each figure whose period its source does not state: a line across the chart, labelled as such."""
    import altair as alt

    highest_first = sorted(undated.items(), key=lambda item: -(item[1].value or 0))
    rows = [{"Area": area, "Value": o.value, "Label": f"{area}: {observation_text(o, measure.unit, long=True)}, "
             "period not stated"} for area, o in highest_first]  # fmt: skip
    frame = pd.DataFrame(rows)
    base = alt.Chart(frame).encode(
        y=y, color=alt.Color("Area:N", scale=alt.Scale(domain=areas, range=colours), legend=None),
        tooltip=[alt.Tooltip("Label:N", title="Figure")])  # fmt: skip
    layers = [base.mark_rule(strokeWidth=2, opacity=0.8).encode(
        strokeDash=alt.StrokeDash("Area:N", scale=alt.Scale(domain=areas, range=dashes), legend=None))]  # fmt: skip
    for number in range(len(frame)):  # the highest figure's label above its line, the next below its own, ...
        above = number % 2 == 0
        layers.append(alt.Chart(frame.iloc[[number]]).encode(
            y=y, color=alt.Color("Area:N", scale=alt.Scale(domain=areas, range=colours), legend=None),
        ).mark_text(align="right", baseline="bottom" if above else "top", dy=-3 if above else 3, fontSize=font - 1,
                    fontWeight="bold").encode(x=alt.value("width"), text="Label:N"))  # fmt: skip
    return layers


def sparkline_values(observations: Sequence[Observation]) -> list[float]:
    return [o.value for o in observations if o.value is not None and o.dated]


def inequality_chart(
    measure: Measure, rows: Sequence[tuple[str, Observation]], home: Observation | None, home_label: str,
    *, height: int = 320, font: int = FONT,
) -> alt.LayerChart:  # fmt: skip
    """One period's categories of a breakdown (deprivation deciles, ethnic groups), each with its 95% interval,
    and the home area's headline value as a labelled line."""
    import altair as alt

    frame = pd.DataFrame([{"Category": category, "Value": o.value, "Lower": o.lower_ci, "Upper": o.upper_ci,
                           "Shown": observation_text(o, measure.unit, long=True), "Period": o.period.label}
                          for category, o in rows if o.value is not None])  # fmt: skip
    order = [c for c, _ in rows]
    x = alt.X("Category:N", sort=order, title=None, axis=alt.Axis(labelAngle=-30, labelFontSize=font - 2,
                                                                 labelLimit=220))  # fmt: skip
    values = [*frame["Value"], *frame["Lower"].dropna(), *frame["Upper"].dropna(), *([home.value] if home else [])]
    domain = _domain([float(v) for v in values], measure.unit in ZERO_BASED)
    y = alt.Y("Value:Q", title=axis_title(measure, domain), scale=alt.Scale(domain=list(domain), nice=False),
              axis=alt.Axis(labelFontSize=font, titleFontSize=font))  # fmt: skip
    tooltip = ["Category", alt.Tooltip("Shown:N", title="Value"), "Period"]
    layers: list[alt.Chart] = [alt.Chart(frame).mark_bar(color="#9DB9D3").encode(x=x, y=y, tooltip=tooltip)]
    layers.extend(_intervals(frame, font, 2, x=x, y="Lower:Q", y2="Upper:Q"))
    if home is not None and home.value is not None:
        line = pd.DataFrame([{"Value": home.value, "Label": f"{home_label} {home.period.label}: "
                              f"{observation_text(home, measure.unit, long=True)}"}])  # fmt: skip
        mark = alt.Chart(line).encode(y=y)
        layers.append(mark.mark_rule(color=HOME_COLOUR, strokeWidth=3))
        layers.append(mark.mark_text(align="left", baseline="bottom", dx=4, dy=-3, color=HOME_COLOUR, fontSize=font,
                                     fontWeight="bold").encode(x=alt.value(0), text="Label:N"))  # fmt: skip
    return _sized(alt.layer(*layers).properties(height=height, width="container"), font)


def ranking_chart(
    measure: Measure, ranked: Sequence[RankedArea], home: str, references: Mapping[str, Observation],
    *, font: int = FONT,
) -> alt.LayerChart:  # fmt: skip
    """Areas in rank order (R12), each bar coloured and labelled by its comparison with the benchmark, with its 95%
    interval where it has one; the home area outlined and in bold; London and England as labelled lines."""
    import altair as alt

    frame = pd.DataFrame(
        [{"Order": n, "Area": r.area, "Rank": display.ordinal(r.rank), "Value": r.observation.value,
          "Lower": r.observation.lower_ci, "Upper": r.observation.upper_ci,
          "Shown": f"{display.symbol(r.comparison.label)} {observation_text(r.observation, measure.unit)}".strip(),
          "Compared": display.badge_text(r.comparison.label), "Home": r.area == home}
         for n, r in enumerate(ranked)],
        columns=["Order", "Area", "Rank", "Value", "Lower", "Upper", "Shown", "Compared", "Home"],
    )  # fmt: skip
    frame["At"] = frame["Upper"].fillna(frame["Value"])  # each value's label just past its bar or its interval
    lines = pd.DataFrame([{"Area": a, "Value": o.value, "Label": f"{a} {observation_text(o, measure.unit)}"}
                          for a, o in references.items() if o.value is not None])  # fmt: skip
    values = [*frame["Value"], *frame["Lower"].dropna(), *frame["Upper"].dropna(), *lines.get("Value", [])]
    domain = _domain([float(v) for v in values], measure.unit in ZERO_BASED) if values else (0.0, 1.0)
    labels = {label: display.badge_text(label) for label in ComparisonLabel}
    bold = alt.expr(f"datum.value == {json.dumps(home)} ? 'bold' : 'normal'")
    y = alt.Y("Area:N", sort=[r.area for r in ranked], title=None,
              axis=alt.Axis(labelFontSize=font - 1, labelFontWeight=bold, labelLimit=260))  # fmt: skip
    x = alt.X("Value:Q", title=axis_title(measure, domain), scale=alt.Scale(domain=list(domain), nice=False),
              axis=alt.Axis(tickCount=8))  # fmt: skip
    scale = alt.Scale(domain=list(labels.values()), range=[display.HEX[display.colour(label)] for label in labels])
    legend = alt.Legend(orient="top", labelFontSize=font, titleFontSize=font, titleOrient="left",
                        values=[t for t in labels.values() if t in set(frame["Compared"])])  # fmt: skip
    against = ranked[0].comparison.benchmark_area if ranked else ""
    colour = alt.Color("Compared:N", title=f"Compared with {against}:", scale=scale, legend=legend)
    tooltip = ["Rank", "Area", alt.Tooltip("Shown:N", title="Value"), alt.Tooltip("Compared:N", title="Compared")]
    base = alt.Chart(frame).encode(y=y, tooltip=tooltip)
    layers: list[alt.Chart] = [
        base.mark_bar(height={"band": 0.75}).encode(
            x=x, color=colour, stroke=alt.condition("datum.Home", alt.value("#000000"), alt.value(None)),
            strokeWidth=alt.condition("datum.Home", alt.value(2.5), alt.value(0))),
        base.mark_text(align="left", dx=4, fontSize=font - 2, color="#111111").encode(x="At:Q", text="Shown:N"),
    ]  # fmt: skip
    layers.extend(_intervals(frame, font, 1.5, y=y, x="Lower:Q", x2="Upper:Q"))
    for area, o in references.items():
        if o.value is None:
            continue
        colour_, dash = REFERENCE_STYLE.get(area, ("#555555", [4, 2]))
        line = alt.Chart(lines[lines["Area"] == area]).encode(x=alt.X("Value:Q"))
        layers.append(line.mark_rule(color=colour_, strokeDash=dash, strokeWidth=2.5))
        # labelled just above the bars, England's label above London's so that close values stay legible
        layers.append(line.mark_text(align="center", baseline="bottom", dy=-3, fontSize=font - 1, fontWeight="bold",
                                     color=colour_)
                      .encode(y=alt.value(0 if area == LONDON else -(font + 2)), text="Label:N"))  # fmt: skip
    height = max(120, (font + 10) * len(frame))
    return _sized(alt.layer(*layers).properties(height=height, width="container"), font)


def gap_chart(measure: Measure, gap: GapResult, home: str, *, height: int = 200, font: int = FONT) -> alt.LayerChart:
    """R14 over time: the home value minus London's in each period both have, London as the zero line."""
    import altair as alt

    rows = []
    for label, ours, theirs in gap.gaps:
        assert ours.value is not None and theirs.value is not None
        decimals = max(display.published_decimals(ours.value, ours.decimals),
                       display.published_decimals(theirs.value, theirs.decimals))  # fmt: skip
        size = round(ours.value - theirs.value, decimals)
        rows.append({"Period": label, "mid": _ms(_middle(ours)), "Gap": size, "Shown": f"{size:+,.{decimals}f}"})
    frame = pd.DataFrame(rows, columns=["Period", "mid", "Gap", "Shown"])
    x = alt.X("mid:T", scale=alt.Scale(type="utc", padding=24), axis=_time_axis(frame.assign(Area=home), home, font))
    y = alt.Y("Gap:Q", title=f"{home} minus London", axis=alt.Axis(labelFontSize=font, titleFontSize=font - 1))
    base = alt.Chart(frame).encode(x=x, y=y, tooltip=["Period", alt.Tooltip("Shown:N", title="Gap")])
    zero = alt.Chart(pd.DataFrame([{"Gap": 0, "Label": "London"}])).encode(y="Gap:Q")
    layers = [
        zero.mark_rule(color="#555555", strokeDash=[8, 4], strokeWidth=2),
        zero.mark_text(align="left", baseline="bottom", dx=4, dy=-2, color="#555555", fontSize=font - 1,
                       fontWeight="bold").encode(x=alt.value(0), text="Label:N"),
        base.mark_line(color=HOME_COLOUR, strokeWidth=3),
        base.mark_point(color=HOME_COLOUR, filled=True, size=70, opacity=1),
        base.mark_text(dy=-12, fontSize=font - 2, color="#111111").encode(text="Shown:N"),
    ]  # fmt: skip
    return _sized(alt.layer(*layers).properties(height=height, width="container"), font)


SPINE_RANGE, SPINE_MIDDLE = "#D9D9D9", "#9A9A9A"  # Fingertips' greys: the whole range, the middle half


def spine_chart(rows: Sequence[SpineRow], *, font: int = FONT) -> alt.LayerChart:
    """One row per measure, Fingertips' spine: the peer group's range (light grey) and middle half (dark grey)
    from worst (left) to best (right), the home value as a circle coloured by its comparison, London and England
    marked; a row without a spread says why."""
    import altair as alt

    records = []
    for n, row in enumerate(rows):
        c, s, home = row.classification, row.spread, row.home
        name = c.measure.name
        record: dict[str, Any] = {"Order": n, "Measure": name, "Why": row.why_not, "Home": None, "London": None,
                                  "England": None, "Q1": None, "Q3": None, "Median": None, "Compared": None,
                                  "Shown": ""}  # fmt: skip
        if s is not None:
            q1, q3 = row.position(s.q1), row.position(s.q3)
            record.update(Q1=min(q1, q3), Q3=max(q1, q3), Median=row.position(s.median),  # type: ignore[type-var]
                          London=row.position(row.london.value if row.london else None),
                          England=row.position(row.england.value if row.england else None))  # fmt: skip
        if home is not None:
            record.update(Home=row.position(home.observation.value), Compared=display.badge_text(home.comparison.label),
                          Shown=f"{observation_text(home.observation, c.measure.unit)} · {row.rank_text}")  # fmt: skip
        records.append(record)
    columns = ["Order", "Measure", "Why", "Home", "London", "England", "Q1", "Q3", "Median", "Compared", "Shown"]
    frame = pd.DataFrame(records, columns=columns)
    order = [r["Measure"] for r in records]
    y = alt.Y("Measure:N", sort=order, title=None, axis=alt.Axis(labelFontSize=font - 1, labelLimit=420))
    # the spine fills 0 to 1; the home value's label sits to its right
    x = alt.X("Lowest:Q", scale=alt.Scale(domain=[0, 1.3]), axis=None)
    spined = frame[frame["Q1"].notna()].assign(Lowest=0.0, Highest=1.0, TextAt=1.03)
    labels = {label: display.badge_text(label) for label in ComparisonLabel}
    scale = alt.Scale(domain=list(labels.values()), range=[display.HEX[display.colour(label)] for label in labels])
    against = next((r.home.comparison.benchmark_area for r in rows if r.home is not None), "")
    legend = alt.Legend(
        orient="top",
        title=f"Compared with {against}:",
        labelFontSize=font,
        titleFontSize=font,
        titleOrient="left",
        values=[t for t in labels.values() if t in set(frame["Compared"])],
    )
    base = alt.Chart(spined).encode(y=y)
    layers: list[alt.Chart] = [
        base.mark_bar(color=SPINE_RANGE, height={"band": 0.6}).encode(x=x, x2="Highest:Q"),
        base.mark_bar(color=SPINE_MIDDLE, height={"band": 0.6}).encode(x="Q1:Q", x2="Q3:Q"),
        base.mark_tick(color="#FFFFFF", thickness=2, size=font + 4).encode(x="Median:Q"),
    ]
    for area, shape, fill in ((LONDON, "diamond", "#FFFFFF"), (ENGLAND, "triangle-down", "#000000")):
        marked = spined[spined[area].notna()]
        layers.append(alt.Chart(marked).mark_point(shape=shape, size=110, filled=True, fill=fill, stroke="#000000",
                                                   strokeWidth=1.5, opacity=1)
                      .encode(y=y, x=alt.X(f"{area}:Q"), tooltip=["Measure"]))  # fmt: skip
    homes = alt.Chart(spined[spined["Home"].notna()]).encode(y=y)
    layers.append(homes.mark_circle(size=260, stroke="#000000", strokeWidth=1.5, opacity=1).encode(
        x="Home:Q", color=alt.Color("Compared:N", scale=scale, legend=legend),
        tooltip=["Measure", alt.Tooltip("Shown:N", title="Value"), "Compared"]))  # fmt: skip
    layers.append(homes.mark_text(align="left", fontSize=font - 2).encode(x="TextAt:Q", text="Shown:N"))
    missing = frame[frame["Q1"].isna()]
    if len(missing):
        layers.append(
            alt.Chart(missing)
            .mark_text(align="left", fontSize=font - 2, color="#444444", fontStyle="italic")
            .encode(y=y, x=alt.value(4), text="Why:N")
        )
    chart = alt.layer(*layers).properties(height=max(80, (font + 22) * len(frame)), width="container")
    return _sized(chart, font)


def image(spec: dict[str, Any], fmt: str, title: str, source: str, as_at: datetime) -> bytes:
    """A chart's Vega-Lite spec as PNG or SVG for a slide, with its title, source and as-at date, rendered offline
    by vl-convert (no browser, no network)."""
    import vl_convert

    subtitle = f"Source: {source} · data as at {as_at:%d %B %Y}" if source else f"Data as at {as_at:%d %B %Y}"
    spec = {**spec, "width": 720, "title": {"text": title, "subtitle": subtitle, "fontSize": 16, "subtitleFontSize": 12,
                                           "anchor": "start", "subtitleColor": "#333333"}}  # fmt: skip
    if fmt == "svg":
        return vl_convert.vegalite_to_svg(spec).encode("utf-8")
    return vl_convert.vegalite_to_png(spec, scale=2)
