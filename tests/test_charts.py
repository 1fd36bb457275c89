"""Chart specs: the borough, London and England each drawn distinctly, with the stored values, honest axes."""

from __future__ import annotations

from thplan.area import ENGLAND, LONDON
from ui import charts


def _chart(store, measure_id: str):
    framework = store.framework()
    measure = framework.measure(measure_id)
    series = {area: store.observations([measure_id], [area]) for area in ("Tower Hamlets", LONDON, ENGLAND)}
    return measure, series, charts.series_chart(measure, series, "Tower Hamlets").to_dict()


def _values(spec: dict, area: str) -> dict[str, float]:
    rows = next(iter(spec["datasets"].values()))
    return {r["Period"]: r["Value"] for r in rows if r["Area"] == area and r["Value"] is not None}


def test_the_london_and_england_series_carry_the_stored_values(reference_store):
    _, series, spec = _chart(reference_store, "ks2-progress-reading")
    for area in (LONDON, ENGLAND, "Tower Hamlets"):
        stored = {o.period.label: o.value for o in series[area] if o.value is not None}
        assert stored and _values(spec, area) == stored


def test_each_series_has_its_own_colour_and_dash_with_a_legend(reference_store):
    _, _, spec = _chart(reference_store, "employment-rate")
    line = spec["layer"][0]
    assert line["encoding"]["color"]["scale"]["range"][:3] == [charts.HOME_COLOUR, "#E69F00", "#000000"]
    assert line["encoding"]["strokeDash"]["scale"]["range"][:3] == [[1, 0], [8, 4], [2, 3]]
    assert line["encoding"]["color"]["legend"]["orient"] == "bottom"
    assert {t["field"] for t in line["encoding"]["tooltip"]} == {"Area", "Period", "Shown", "Note"}


def test_percentages_start_at_zero_and_years_say_they_do_not(reference_store):
    _, _, percent = _chart(reference_store, "employment-rate")
    assert percent["layer"][0]["encoding"]["y"]["scale"]["zero"] is True
    _, _, years = _chart(reference_store, "healthy-life-expectancy-male")
    assert years["layer"][0]["encoding"]["y"]["scale"]["zero"] is False
    assert "axis does not start at zero" in years["layer"][0]["encoding"]["y"]["title"]


def test_series_breaks_and_value_notes_are_marked(reference_store):
    _, _, spec = _chart(reference_store, "feel-safe-during-day")
    marks = [layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"] for layer in spec["layer"]]
    assert "rule" in marks and "text" in marks  # the series-break rule and its label
    assert any(layer["mark"].get("shape") == "diamond" for layer in spec["layer"] if isinstance(layer["mark"], dict))


def test_the_ranked_chart_highlights_the_home_area(reference_store):
    measure = reference_store.framework().measure("no2-exposure")
    latest = {}
    for o in reference_store.observations(["no2-exposure"]):
        if o.value is not None:
            latest[o.area] = o
    spec = charts.ranked_chart(measure, latest, "Tower Hamlets").to_dict()
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    assert colour["domain"] == ["home", "benchmark", "other"] and colour["range"][0] == charts.HOME_COLOUR
    kinds = {r["Area"]: r["Kind"] for r in next(iter(spec["datasets"].values()))}
    assert kinds["Tower Hamlets"] == "home" and kinds["London"] == "benchmark" and kinds["Inner London"] == "other"
