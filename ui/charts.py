"""Altair charts (pure: no Streamlit), so tests can assert their specs and exports can render them offline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pandas as pd

from thplan.area import ENGLAND, LONDON
from thplan.display import HEX, observation_text
from thplan.measure import Measure, Unit
from thplan.observation import Observation

if TYPE_CHECKING:  # Altair is imported by the functions that draw: the overview draws none (0.17 s at start-up)
    import altair as alt

HOME_COLOUR = "#0072B2"  # Okabe-Ito blue, solid and thick: the borough
BENCHMARK_STYLE = {LONDON: ("#E69F00", [8, 4]), ENGLAND: ("#000000", [2, 3])}  # orange dashed, black dotted
OTHER_COLOURS = ["#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
#: Quantities whose axis starts at zero; years and scores are shown on their own range, and say so.
ZERO_BASED = {Unit.PERCENT, Unit.COUNT, Unit.POUNDS, Unit.RATE_100K, Unit.RATE_1K}


def axis_title(measure: Measure, *, zero: bool = False) -> str:
    unit = measure.unit.value if measure.unit else "value"
    if zero or measure.unit in ZERO_BASED or measure.unit is None:
        return unit
    return f"{unit} (axis does not start at zero)"


def series_frame(measure: Measure, series: Mapping[str, Sequence[Observation]]) -> pd.DataFrame:
    """One row per area and period: the long frame every measure chart is drawn from."""
    rows = []
    for area, observations in series.items():
        for o in observations:
            rows.append(
                {
                    "Area": area,
                    "Period": o.period.label,
                    "end": o.effective_period.end.isoformat(),
                    "Value": o.value,
                    "Shown": observation_text(o, measure.unit, long=True),
                    "Note": "; ".join(p for p in (o.note, o.missing if o.value is None else None) if p),
                    "Break": o.series_break,
                }
            )
    return pd.DataFrame(rows, columns=["Area", "Period", "end", "Value", "Shown", "Note", "Break"])


def period_order(frame: pd.DataFrame) -> list[str]:
    return list(frame.sort_values(["end", "Period"])["Period"].drop_duplicates())


def series_chart(
    measure: Measure, series: Mapping[str, Sequence[Observation]], home: str, *, height: int = 260
) -> alt.LayerChart:
    """The home area's series with London and England in distinct colours and dash patterns, points, tooltips,
    value notes (diamonds) and series breaks (a labelled rule)."""
    import altair as alt

    frame = series_frame(measure, series)
    areas = list(series)
    colours = [
        HOME_COLOUR if a == home else BENCHMARK_STYLE.get(a, (OTHER_COLOURS[i % 5], None))[0]
        for i, a in enumerate(areas)
    ]
    dashes = [[1, 0] if a == home else BENCHMARK_STYLE.get(a, ("", [4, 2]))[1] for a in areas]
    order = period_order(frame)
    values = frame.dropna(subset=["Value"])
    x = alt.X("Period:O", sort=order, title=None, axis=alt.Axis(labelAngle=0, labelFontSize=13))
    y = alt.Y(
        "Value:Q",
        title=axis_title(measure),
        scale=alt.Scale(zero=measure.unit in ZERO_BASED, nice=True),
        axis=alt.Axis(labelFontSize=13, titleFontSize=13),
    )
    colour = alt.Color(
        "Area:N",
        scale=alt.Scale(domain=areas, range=colours),
        legend=alt.Legend(orient="bottom", title=None, labelFontSize=14, symbolStrokeWidth=3),
    )
    dash = alt.StrokeDash("Area:N", scale=alt.Scale(domain=areas, range=dashes), legend=None)
    tooltip = [
        alt.Tooltip("Area:N"),
        alt.Tooltip("Period:O"),
        alt.Tooltip("Shown:N", title="Value"),
        alt.Tooltip("Note:N"),
    ]
    base = alt.Chart(values).encode(x=x, y=y, color=colour, tooltip=tooltip)
    lines = base.mark_line(strokeWidth=3).encode(strokeDash=dash, size=alt.value(3))
    points = base.mark_point(filled=True, size=80)
    layers: list[alt.Chart] = [lines, points]
    noted = values[values["Note"] != ""]
    if len(noted):
        layers.append(
            alt.Chart(noted)
            .mark_point(shape="diamond", size=220, filled=False, strokeWidth=2, color="#000000")
            .encode(x=x, y=y, tooltip=tooltip)
        )
    breaks = frame[frame["Break"]].drop_duplicates("Period")
    if len(breaks):
        rule = alt.Chart(breaks).encode(x=x)
        layers.append(rule.mark_rule(strokeDash=[2, 2], color=HEX["gray"], size=2))
        layers.append(
            rule.mark_text(
                text="Series break", dx=4, align="left", baseline="top", color="#444444", fontSize=12
            ).encode(y=alt.value(2))
        )
    return alt.layer(*layers).properties(height=height, width="container")


def sparkline_values(observations: Sequence[Observation]) -> list[float]:
    return [o.value for o in observations if o.value is not None]


def ranked_chart(
    measure: Measure, latest: Mapping[str, Observation], home: str, *, height: int = 520
) -> alt.LayerChart:
    """Areas ranked by their latest value, the home area highlighted, London and England marked."""
    import altair as alt

    rows = [
        {
            "Area": area,
            "Value": o.value,
            "Shown": observation_text(o, measure.unit, long=True),
            "Period": o.period.label,
            "Kind": "home" if area == home else "benchmark" if area in BENCHMARK_STYLE else "other",
        }
        for area, o in latest.items()
        if o.value is not None
    ]
    frame = pd.DataFrame(rows, columns=["Area", "Value", "Shown", "Period", "Kind"])
    descending = measure.polarity.value != "Lower is better"
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(
                "Area:N",
                sort=alt.EncodingSortField("Value", order="descending" if descending else "ascending"),
                title=None,
                axis=alt.Axis(labelFontSize=12),
            ),
            x=alt.X("Value:Q", title=axis_title(measure, zero=True), scale=alt.Scale(zero=True)),
            color=alt.Color(
                "Kind:N",
                scale=alt.Scale(domain=["home", "benchmark", "other"], range=[HOME_COLOUR, "#E69F00", "#BFBFBF"]),
                legend=None,
            ),
            tooltip=["Area", alt.Tooltip("Shown:N", title="Value"), "Period"],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=12).encode(text="Shown:N", color=alt.value("#111111"))
    return alt.layer(bars, labels).properties(height=height, width="container")


def image(spec: dict[str, Any], fmt: str, title: str = "") -> bytes:
    """A chart's Vega-Lite spec as PNG or SVG for a slide, rendered offline by vl-convert (no browser, no network)."""
    import vl_convert

    spec = {**spec, "width": 720, "title": {"text": title, "fontSize": 16, "anchor": "start"}}
    if fmt == "svg":
        return vl_convert.vegalite_to_svg(spec).encode("utf-8")
    return vl_convert.vegalite_to_png(spec, scale=2)
