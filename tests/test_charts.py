"""Chart specs: the borough, London and England each drawn distinctly, with the stored values, on time, with honest
axes: gaps where a period has no value, a break where the series breaks, intervals where values have them, and a
figure whose period is not stated as a labelled line, never as a point of the series."""

from __future__ import annotations

from datetime import date

import pytest

from thplan.area import ENGLAND, LONDON
from thplan.classification import rank_areas
from thplan.display import HEX
from thplan.measure import Measure, Unit
from thplan.observation import Observation
from thplan.period import NOT_STATED, parse_period
from thplan.polarity import Polarity
from ui import charts

from .conftest import LONDON_CAMPYLOBACTER, SAMPLES, do_import


def _chart(store, measure_id: str, areas=("Tower Hamlets", LONDON, ENGLAND)):
    framework = store.framework()
    measure = framework.measure(measure_id)
    series = {area: store.observations([measure_id], [area]) for area in areas}
    return measure, series, charts.series_chart(measure, series, areas[0]).to_dict()


def _rows(spec: dict, layer: int = 0) -> list[dict]:
    return spec["datasets"][spec["layer"][layer]["data"]["name"]]


def _values(spec: dict, area: str) -> dict[str, float]:
    return {r["Period"]: r["Value"] for r in _rows(spec) if r["Area"] == area}


def _layer(spec: dict, kind: str) -> list[dict]:
    return [layer for layer in spec["layer"] if (layer["mark"]["type"] if isinstance(layer["mark"], dict)
                                                 else layer["mark"]) == kind]  # fmt: skip


def test_the_series_carry_the_stored_dated_values(reference_store):
    _, series, spec = _chart(reference_store, "ks2-progress-reading")
    stored = {o.period.label: o.value for o in series["Tower Hamlets"] if o.value is not None}
    assert stored and _values(spec, "Tower Hamlets") == stored


def test_a_figure_whose_period_is_not_stated_is_a_labelled_line_not_a_point(reference_store):
    *_, spec = _chart(reference_store, "employment-rate")
    assert not _values(spec, LONDON) and not _values(spec, ENGLAND)  # no point at any year
    lines = [r for layer in _layer(spec, "rule") for r in spec["datasets"][layer["data"]["name"]] if "Label" in r]
    assert {r["Label"] for r in lines} == {"London: 74.9%, period not stated", "England: 75.9%, period not stated"}


def test_each_series_has_its_own_colour_and_dash_and_the_legend_draws_them(reference_store):
    _, _, spec = _chart(reference_store, "employment-rate")
    line = spec["layer"][0]
    assert line["encoding"]["color"]["scale"]["range"][:3] == [charts.HOME_COLOUR, "#E69F00", "#000000"]
    assert line["encoding"]["strokeDash"]["scale"]["range"][:3] == [[1, 0], [8, 4], [2, 3]]
    assert line["encoding"]["color"]["legend"]["symbolType"] == "stroke"  # a line in the legend, with its dash
    assert line["encoding"]["strokeDash"]["legend"] == line["encoding"]["color"]["legend"]  # one legend, merged
    assert {t["field"] for t in line["encoding"]["tooltip"]} == {"Area", "Period", "Shown", "Note"}


def test_the_x_axis_is_time_with_periods_at_their_middles_labelled_in_order(reference_store):
    _, _, spec = _chart(reference_store, "employment-rate")
    x = spec["layer"][0]["encoding"]["x"]
    assert x["type"] == "temporal" and x["scale"]["type"] == "utc"
    rows = sorted(_rows(spec), key=lambda r: r["mid"])
    assert [r["Period"] for r in rows] == ["2017/18", "2018/19", "2019/20", "2020/21", "2021/22"]
    assert [(v["year"], v["month"], v["date"]) for v in x["axis"]["values"]] == [
        (2017, 9, 30),
        (2018, 9, 30),
        (2019, 9, 30),
        (2020, 9, 30),
        (2021, 9, 30),
    ]  # each financial year's middle
    assert "'2017/18'" in x["axis"]["labelExpr"]


def test_a_year_without_a_value_leaves_a_gap_in_the_line(reference_store):
    _, _, spec = _chart(reference_store, "business-survival-1-year")  # 2019/20 and 2021/22: Data Unavailable
    segments = {r["Period"]: r["Segment"] for r in _rows(spec) if r["Area"] == "Tower Hamlets"}
    assert segments["2017/18"] == segments["2018/19"] != segments["2020/21"]
    assert spec["layer"][0]["encoding"]["detail"]["field"] == "Segment"


def test_a_series_break_splits_the_line_and_is_marked(reference_store):
    _, _, spec = _chart(reference_store, "feel-safe-during-day")
    segments = {r["Period"]: r["Segment"] for r in _rows(spec) if r["Area"] == "Tower Hamlets"}
    assert segments["2018/19"] != segments["2020/21"]  # the telephone survey of 2020/21 is a series break
    assert _layer(spec, "rule") and any(layer["mark"].get("text") == "Series break" for layer in _layer(spec, "text"))


@pytest.mark.parametrize(
    ("labels", "last"),
    [(("2015 - 17", "2016 - 18"), "2016-18"), (("Jul 2020-Jun 2021", "Jul 2021-Jun 2022"), "Jul 2021-Jun 2022")],
    ids=["rolling-years", "twelve-months-to-june"],
)
def test_a_value_of_several_years_or_months_sits_on_its_own_span(make_store, labels, last):
    measure = Measure("m", "Healthy life expectancy", polarity=Polarity.HIGHER, unit=Unit.YEARS)
    series = {
        "Lambeth": [
            Observation("m", "Lambeth", parse_period(p), v, 1) for p, v in zip(labels, (61.1, 62.0), strict=True)
        ]
    }
    spec = charts.series_chart(measure, series, "Lambeth").to_dict()
    rows = {r["Period"]: r for r in _rows(spec)}
    assert rows[last]["start"] < rows[last]["mid"] < rows[last]["end"]
    assert rows[last]["Span"] and any(layer["encoding"].get("x2") for layer in _layer(spec, "rule"))


def test_intervals_are_drawn_with_their_own_legend_entry(make_store):
    store = make_store(framework=False)
    do_import(store, SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv")
    measure_id = store.framework().measures[0].id
    measure = store.framework().measure(measure_id)
    series = {a: [o for o in store.observations([measure_id], [a]) if o.breakdown.label == "Persons, All ages"]
              for a in ("Tower Hamlets", LONDON, ENGLAND)}  # fmt: skip
    spec = charts.series_chart(measure, series, "Tower Hamlets").to_dict()
    [interval] = [layer for layer in _layer(spec, "rule") if "strokeWidth" in layer["encoding"]]
    assert interval["encoding"]["y"]["field"] == "Lower" and interval["encoding"]["y2"]["field"] == "Upper"
    assert interval["encoding"]["strokeWidth"]["scale"]["domain"] == [charts.INTERVAL]
    assert interval["encoding"]["strokeWidth"]["legend"]["symbolType"] == "M0,-1L0,1"  # a bar, as drawn


def test_the_axis_says_it_does_not_start_at_zero_exactly_when_it_does_not():
    years = Measure("m", "Life expectancy", unit=Unit.YEARS)
    near = {"A": [Observation("m", "A", parse_period("2020"), 61.9, 1), Observation("m", "A", parse_period("2021"),
                                                                                       60.5, 1)]}  # fmt: skip
    y = charts.series_chart(years, near, "A").to_dict()["layer"][0]["encoding"]["y"]
    assert y["scale"]["domain"][0] > 0 and "axis does not start at zero" in y["title"]
    percent = Measure("m", "Jobs growth", unit=Unit.PERCENT)
    signed = {"A": [Observation("m", "A", parse_period("2020"), 2.8, 1), Observation("m", "A", parse_period("2021"),
                                                                                        -4.9, 1)]}  # fmt: skip
    y = charts.series_chart(percent, signed, "A").to_dict()["layer"][0]["encoding"]["y"]
    assert y["scale"]["domain"][0] < 0 < y["scale"]["domain"][1] and y["title"] == "%"
    scores = Measure("m", "Progress 8", unit=Unit.SCORE)
    small = {"A": [Observation("m", "A", parse_period("2020"), -0.03, 2), Observation("m", "A", parse_period("2021"),
                                                                                         0.24, 2)]}  # fmt: skip
    assert charts.series_chart(scores, small, "A").to_dict()["layer"][0]["encoding"]["y"]["title"] == "score"


def test_an_undated_figure_is_never_given_a_place_in_time():
    measure = Measure("m", "Employment", unit=Unit.PERCENT)
    series = {"London": [Observation("m", "London", NOT_STATED, 74.9, 1, context_period="2021/22")]}
    frame = charts.series_frame(measure, series)
    assert frame.empty and charts.undated_figures(series)["London"].value == 74.9
    assert date.min not in {r for r in frame.get("mid", [])}


def _ranking(polarity: Polarity = Polarity.LOWER):
    areas = {a: [Observation("m", a, parse_period("2020"), v, 1, lower_ci=v - 2, upper_ci=v + 2)]
             for a, v in (("Tower Hamlets", 30.2), ("Hackney", 24.7), ("Sutton", 128.6), ("Ealing", 53.3))}  # fmt: skip
    london = [Observation("m", LONDON, parse_period("2020"), 52.0, 1)]
    measure = Measure("m", "Campylobacter", polarity=polarity, unit=Unit.RATE_100K, comparison="interval")
    return measure, rank_areas(measure, areas, "Tower Hamlets", LONDON, london), london[0]


def test_the_ranking_chart_draws_areas_in_rank_order_coloured_by_their_comparison():
    measure, ranking, london = _ranking()
    spec = charts.ranking_chart(measure, ranking.ranked, "Tower Hamlets", {LONDON: london}).to_dict()
    [bars] = _layer(spec, "bar")
    assert bars["encoding"]["y"]["sort"] == ["Hackney", "Tower Hamlets", "Ealing", "Sutton"]  # lowest is best
    shown = {r["Area"]: (r["Compared"], r["Shown"]) for r in _rows(spec, spec["layer"].index(bars))}
    assert shown["Hackney"] == ("✓ Better", "✓ 24.7") and shown["Ealing"] == ("≈ Similar", "≈ 53.3")
    assert shown["Sutton"] == ("✗ Worse", "✗ 128.6")
    scale = bars["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True))["✓ Better"] == HEX["green"]
    assert bars["encoding"]["color"]["title"] == "Compared with London:"


def test_the_ranking_chart_outlines_the_home_area_and_draws_intervals_and_london():
    measure, ranking, london = _ranking()
    spec = charts.ranking_chart(measure, ranking.ranked, "Tower Hamlets", {LONDON: london}).to_dict()
    [bars] = _layer(spec, "bar")
    assert '"Tower Hamlets"' in bars["encoding"]["y"]["axis"]["labelFontWeight"]["expr"]
    interval = next(layer for layer in _layer(spec, "rule") if "x2" in layer["encoding"])
    assert len(_rows(spec, spec["layer"].index(interval))) == 4
    labels = [r["Label"] for layer in _layer(spec, "text") for r in spec["datasets"][layer["data"]["name"]]
              if "Label" in r]  # fmt: skip
    assert labels == ["London 52.0"]


def test_the_spine_chart_puts_each_measure_s_home_value_within_its_group_s_spread(make_store):
    from thplan import view as views
    from thplan.peers import LONDON_BOROUGHS_GROUP
    from thplan.spine import spine_rows

    store = make_store(framework=False)
    assert not do_import(store, LONDON_CAMPYLOBACTER).rejected
    home, offered = views.areas(store)
    view = views.build(store, store.version(), home, offered, lambda m: views.series_by_area(store, m))
    rows = spine_rows(view, view.everything, LONDON_BOROUGHS_GROUP, LONDON)
    spec = charts.spine_chart(rows).to_dict()
    [circle] = _layer(spec, "circle")
    [record] = spec["datasets"][circle["data"]["name"]]
    assert record["Shown"] == "30.2 · 4th of 32" and record["Compared"] == "✓ Better"
    assert record["Q1"] < record["Median"] < record["Q3"] and 0 < record["Home"] <= 1
    assert record["Home"] == pytest.approx(rows[0].position(rows[0].home.observation.value))


def test_the_inequality_chart_draws_each_category_s_interval_and_marks_the_home_value():
    measure = Measure("m", "Smoking", unit=Unit.PERCENT)
    deciles = [(f"Decile {n}", Observation("m", ENGLAND, parse_period("2019"), 10.0 + n, 1, lower_ci=9.0 + n,
                                           upper_ci=11.0 + n)) for n in range(1, 11)]  # fmt: skip
    home = Observation("m", "Tower Hamlets", parse_period("2019"), 17.2, 1)
    spec = charts.inequality_chart(measure, deciles, home, "Tower Hamlets").to_dict()
    [bars] = _layer(spec, "bar")
    assert bars["encoding"]["x"]["sort"] == [c for c, _ in deciles]  # in the categories' own order
    interval = next(layer for layer in _layer(spec, "rule") if "y2" in layer["encoding"])
    assert interval["encoding"]["strokeWidth"]["scale"]["domain"] == [charts.INTERVAL]
    label = next(r for layer in _layer(spec, "text") for r in spec["datasets"][layer["data"]["name"]])
    assert label["Label"] == "Tower Hamlets 2019: 17.2%"
