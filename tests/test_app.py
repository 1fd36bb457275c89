"""The dashboard in Streamlit's AppTest: every page of the registry, deep links, filters, meeting mode, charts."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import app
from thplan import summary
from thplan.analysis import classify_measures
from thplan.classification import TrendLabel
from thplan.store import Store
from ui import registry
from ui.widgets import md

from .conftest import LONDON_CAMPYLOBACTER, ROOT, SAMPLES, do_import, flip_bytes

PAGE_FILES = [path for path, *_ in app.PAGES]


@pytest.fixture
def make_app(reference_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """Factory: the app on a private copy of the reference database (or an empty one), opened at a page."""

    def make(
        page: str = "pages/overview.py", *, empty: bool = False, extra: Path | None = None, **query: str
    ) -> AppTest:
        """`extra`: a file imported into the copy first (more measures than the reference data has)."""
        db = tmp_path / "app.duckdb"
        if empty:
            Store(db).close()
        else:
            shutil.copy(reference_db, db)
        if extra is not None:
            with Store(db) as store:
                assert not do_import(store, extra).rejected
        monkeypatch.setenv("THPLAN_DB", str(db))
        st.cache_resource.clear()
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        if page != PAGE_FILES[0]:
            at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        return at.run()

    return make


def shown(markdown: str) -> str:
    """What a reader sees of Markdown source: backslash escapes and invisible word joiners removed (the text itself
    is escaped, see ui.text)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def _text(at: AppTest) -> str:
    parts = [e.value for kind in ("header", "subheader", "markdown", "caption", "warning", "info", "success")
             for e in getattr(at, kind)]  # fmt: skip
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_of_the_registry_runs_without_exception(make_app, page):
    at = make_app(page)
    assert not at.exception, [e.message for e in at.exception]
    assert at.header or at.title or at.subheader


@pytest.mark.parametrize("page", PAGE_FILES)
def test_every_page_reads_sensibly_on_an_empty_database(make_app, page):
    at = make_app(page, empty=True)
    assert not at.exception
    expected = ("no measures", "not been loaded", "no measure with figures", "nothing has been imported", "no delivery",
                "no officer login is configured")  # fmt: skip
    assert at.info and any(e in at.info[0].value.lower() for e in expected), at.info[0].value


def test_overview_counts_and_attention_list_come_from_the_classifier(make_app, reference_store):
    framework = reference_store.framework()
    classifications = classify_measures(framework, reference_store.observations())
    head = summary.headline(classifications)
    at = make_app()
    tiles = [h.value for h in at.subheader if h.value.startswith(":")]
    assert tiles[:5] == [f":{c}[{s} {head.count(TrendLabel(k))}]" for k, c, s in (
        ("Improved", "green", "▲"), ("The same", "orange", "●"), ("Worsened", "red", "▼"),
        ("Data Unavailable", "gray", "○"), ("Decreased", "blue", "↓"))]  # fmt: skip
    # the trend tiles add up to the Plan's measures: population turnover (no polarity) Decreased is counted too
    assert sum(int(t.split(" ")[-1].rstrip("]")) for t in tiles[:5]) == head.total == 37
    flagged = [c.measure.name for c in summary.needs_attention(classifications)]
    assert flagged and all(md(name) in _text(at) for name in flagged)
    grid = at.dataframe[0].value
    assert len(grid) == len(framework.measures) == 37
    assert {"Overall trend", "Last change", "vs London", "vs England", "Trend", "Latest", "Period"} <= set(grid.columns)


def test_filters_come_from_the_url(make_app):
    at = make_app(themes="health", status="Worsened")
    grid = at.dataframe[0].value
    assert set(grid["Theme"]) == {"Health and wellbeing"}
    assert {t.split(" since ")[0] for t in grid["Overall trend"]} == {"▼ Worsened"}


def test_an_unknown_id_in_a_link_gets_a_helpful_message_not_an_error(make_app):
    at = make_app("pages/measure.py", measure="no-such-measure")
    assert not at.exception
    assert "asks for a measure we do not have ('no-such-measure')" in shown(at.warning[0].value)


def test_a_deep_link_opens_that_measure(make_app):
    at = make_app("pages/measure.py", measure="employment-rate")
    assert at.header[0].value == "Overall employment rate"
    assert md("Improved: 64.7% in 2017/18 to 72.9% in 2021/22; higher is better.") in _text(at)
    figure = "London's figure, period not stated in the source"
    assert md(f"Worse than London: 72.9% against 74.9% (Tower Hamlets 2021/22; {figure}).") in _text(at)


def test_the_revision_history_names_the_cell_each_value_was_read_from(make_app):
    at = make_app("pages/measure.py", measure="employment-rate")
    history = at.dataframe[-1].value
    latest = history[(history["Area"] == "Tower Hamlets") & (history["Period"] == "2021/22")]
    # G4 of that sheet holds '72.9%' under the header 2021/22 (checked with openpyxl)
    assert latest[["Value", "Read from"]].values.tolist() == [["72.9", "'Jobs and employment'!G4"]]


def test_the_measure_chart_draws_london_and_england_distinctly(make_app):
    at = make_app("pages/measure.py", measure="employment-rate")
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    colour = spec["layer"][0]["encoding"]["color"]["scale"]
    dash = spec["layer"][0]["encoding"]["strokeDash"]["scale"]
    assert colour["domain"] == ["Tower Hamlets", "London", "England"]
    assert len(set(colour["range"])) == 3 and len({tuple(d) for d in dash["range"]}) == 3


def test_a_theme_page_colours_each_change_by_polarity(make_app):
    at = make_app("pages/theme.py", theme="health")
    names = at.metric[0].proto.DESCRIPTOR.fields_by_name["color"].enum_type.values_by_number
    colours = {m.delta: names[m.proto.color].name for m in at.metric}
    assert colours["+0.3 points since 2018/19"] == "RED"  # Year 6 obesity rose: lower is better
    assert colours["-69.5 points since 2017/18"] == "GREEN"  # NO2 exposure fell: lower is better
    assert colours["-0.5 since 2019/20"] == "RED"  # happiness fell: higher is better


def test_a_theme_page_shows_its_board_priorities_and_outcomes(make_app):
    at = make_app("pages/theme.py", theme="jobs")
    text = _text(at)
    assert at.header[0].value == "Good jobs and employment"
    assert "People are provided with help to find good quality jobs" in text
    assert "Growth and Economic Development Partnership Board" in at.expander[0].label


def test_meeting_mode_steps_through_a_themes_measures(make_app):
    at = make_app("pages/measure.py", meeting="1", scope="health", measure="happiness")
    assert "1 of 9" in _text(at) and shown(at.title[0].value).startswith("Residents' self-reported level of happiness")
    previous, following = at.button[0], at.button[1]
    assert previous.disabled and not following.disabled
    following.click().run()
    assert "2 of 9" in _text(at)
    assert shown(at.title[0].value) == "Children and young people accessing timely mental health support"


def test_choosing_another_area_reclassifies_for_it(make_app):
    at = make_app(area="Islington", extra=SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv")
    assert at.header[0].value == "Islington: are we getting better?"
    assert not at.exception


def test_the_area_picker_offers_areas_not_benchmarks(make_app):
    at = make_app(extra=SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv")
    offered = at.selectbox(key="area-picker").options
    assert offered[0] == "Tower Hamlets" and "Islington" in offered
    assert not {"London", "England", "Inner London", "North West region"} & set(offered)


def test_compare_page_ranks_the_london_boroughs_of_a_fingertips_extract(make_app):
    at = make_app("pages/compare.py", measure="campylobacter-incidence-rate-100-000", extra=LONDON_CAMPYLOBACTER)
    assert not at.exception
    assert shown(at.markdown[0].value).startswith("#### Tower Hamlets ranks 4th of 32 London boroughs in 2017 (1st "
                                                  "is best); better than London.")  # fmt: skip
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    bars = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert len(bars["encoding"]["y"]["sort"]) == 32 and bars["encoding"]["y"]["sort"][3] == "Tower Hamlets"


def test_compare_page_ranks_among_another_group_and_benchmark_from_the_link(make_app):
    at = make_app("pages/compare.py", measure="campylobacter-incidence-rate-100-000", group="Inner London",
                  vs="England", extra=LONDON_CAMPYLOBACTER)  # fmt: skip
    assert not at.exception
    assert "of 13 Inner London boroughs" in shown(at.markdown[0].value)
    assert "than England" in shown(at.markdown[0].value)


def test_compare_page_draws_the_spine_of_a_theme_s_measures(make_app):
    at = make_app("pages/compare.py", view="theme", theme="library", extra=LONDON_CAMPYLOBACTER)
    assert not at.exception
    heading = "#### Indicator library: Tower Hamlets among London boroughs, measure by measure"
    assert shown(at.markdown[0].value) == heading
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert [layer["encoding"]["x"]["field"] for layer in spec["layer"] if layer["mark"]["type"] == "circle"] == ["Home"]


def test_a_theme_without_peer_figures_says_so(make_app):
    at = make_app("pages/compare.py", view="theme", theme="jobs")
    assert not at.exception
    assert any("cannot be set among them" in i.value for i in at.info)


def test_compare_page_says_when_a_measure_has_no_peers_to_rank_among(make_app):
    at = make_app("pages/compare.py", measure="no2-exposure")
    assert not at.exception
    assert any("cannot be ranked" in i.value for i in at.info)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)  # its areas over time
    assert any(layer["mark"]["type"] == "line" for layer in spec["layer"] if isinstance(layer["mark"], dict))


def many_jobs_measures(tmp_path: Path, count: int) -> Path:
    """A tidy CSV adding `count` measures to the jobs theme, each with two years for the home area."""
    lines = ["Measure,Period,Value,Polarity,Theme,Outcome"]
    lines += [f"Jobs indicator {n:03d},{year},{n + i},Higher is better,Good jobs and employment,jobs-good-quality"
              for n in range(count) for i, year in enumerate(("2020/21", "2021/22"))]  # fmt: skip
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def gap_measures(tmp_path: Path) -> Path:
    """Two jobs measures with Tower Hamlets and London each year: one closing on London, one widening."""
    lines = ["Measure,Area,Period,Value,Polarity,Theme,Outcome"]
    place = "Higher is better,Good jobs and employment,jobs-good-quality"
    for name, ours in (("Gap closing rate", (60, 64, 68)), ("Gap widening rate", (70, 66, 62))):
        for year, value in zip(("2018/19", "2019/20", "2020/21"), ours, strict=True):
            lines += [f"{name},Tower Hamlets,{year},{value},{place}", f"{name},London,{year},70,{place}"]
    path = tmp_path / "gaps.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_overview_filters_measures_by_their_gap_to_london(make_app, tmp_path):
    at = make_app(status="Gap to London closing", extra=gap_measures(tmp_path))
    assert not at.exception
    frame = at.dataframe[-1].value
    assert list(frame["Measure"]) == ["Gap closing rate"]
    assert list(frame["Gap to London"]) == [">< Closing"]


def test_the_measure_page_says_whether_the_gap_to_london_is_closing(make_app, tmp_path):
    at = make_app("pages/measure.py", measure="gap-widening-rate", extra=gap_measures(tmp_path))
    assert not at.exception
    assert "Gap to London: <> Widening" in [shown(h.value) for h in at.subheader]
    assert "Widening: 0 below London" not in _text(at)
    assert "Gap to London: Widening: level with London in 2018/19; 8 below London in 2020/21." in shown(_text(at))


def test_a_theme_with_many_measures_shows_them_a_page_of_cards_at_a_time(make_app, tmp_path):
    at = make_app("pages/theme.py", theme="jobs", extra=many_jobs_measures(tmp_path, 30))
    assert not at.exception
    chooser = at.selectbox(key="url:cards")
    assert len(at.metric) == 12 and chooser.options[:2] == ["1–12", "13–24"]
    total = int(chooser.options[-1].split("–")[1])
    assert total >= 30 and len(chooser.options) == -(-total // 12)
    chooser.set_value(str(len(chooser.options))).run()
    assert at.query_params["cards"] == str(len(chooser.options))
    assert len(at.metric) == total - 12 * (len(chooser.options) - 1)


def test_the_grid_shows_a_page_of_rows_when_there_are_very_many(make_app, tmp_path, monkeypatch):
    from ui import widgets

    monkeypatch.setattr(widgets, "GRID_ROWS_PER_PAGE", 20)
    at = make_app(extra=many_jobs_measures(tmp_path, 30))
    frame = at.dataframe[0].value
    assert len(frame) == 20 and at.selectbox(key="url:rows").options == ["1–20", "21–40", "41–60", "61–67"]
    at.selectbox(key="url:rows").set_value("4").run()
    assert len(at.dataframe[0].value) == 7 and at.query_params["rows"] == "4"


HOSTILE = "<img src=x onerror=alert(1)> **loud** [click](http://evil.example) :red[alarm]"


@pytest.mark.parametrize("page", ["pages/theme.py", "pages/measure.py"])
def test_a_hostile_measure_name_is_shown_as_plain_text(make_app, tmp_path, page):
    rows = [f'"{HOSTILE}",{year},{value},Higher is better,Good jobs and employment,jobs-good-quality' for year, value
            in (("2020/21", 5), ("2021/22", 4))]  # fmt: skip
    csv = tmp_path / "hostile.csv"
    csv.write_text("Measure,Period,Value,Polarity,Theme,Outcome\n" + "\n".join(rows) + "\n")
    hostile_id = "img-src-x-onerror-alert-1-loud-click-http-evil-example-red-alarm"
    at = make_app(page, extra=csv, theme="jobs", measure=hostile_id)
    bodies = [e.value for kind in ("markdown", "header", "caption") for e in getattr(at, kind) if "onerror" in e.value]
    assert bodies, "the hostile name is shown somewhere on the page"
    for body in bodies:
        # Every character Markdown or HTML would act on is escaped, so Streamlit renders the name as typed.
        assert "<img" not in body.replace("\\<img", "") and "](" not in body.replace("\\]\\(", "")
        assert "**loud**" not in body and ":red[" not in body.replace("\\:red\\[", "")


def test_the_first_overview_is_drawn_from_the_view_built_as_the_server_started(reference_db, tmp_path, monkeypatch):
    from ui import caches, warmup

    db = tmp_path / "app.duckdb"
    shutil.copy(reference_db, db)
    monkeypatch.setenv("THPLAN_DB", str(db))
    st.cache_resource.clear()
    builds = []
    build = caches.views.build
    monkeypatch.setattr(caches.views, "build", lambda *args: builds.append(args) or build(*args))
    warmup.warm()
    assert len(builds) == 1
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception and at.dataframe
    assert len(builds) == 1  # the first visitor waited for nothing that the start-up had not built


def test_a_warm_up_that_fails_leaves_the_first_page_to_build_and_report(tmp_path, monkeypatch, caplog):
    from ui import warmup

    monkeypatch.setenv("THPLAN_DB", str(tmp_path))  # a directory: the database cannot be opened
    st.cache_resource.clear()
    warmup.warm()
    assert "warm-up failed" in caplog.text


def _not_a_database(path: Path) -> None:
    path.write_bytes(b"these are not the bytes of a database " * 100)


def _cut_in_half(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


UNREADABLE = {"not a database file": _not_a_database, "a file cut short": _cut_in_half,
              "bytes flipped mid-file": flip_bytes}  # fmt: skip


@pytest.mark.parametrize("damage", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_database_that_cannot_be_read_is_a_message_on_the_page_and_a_line_in_the_log(
    reference_db, tmp_path, monkeypatch, caplog, damage
):
    db = tmp_path / "app.duckdb"
    shutil.copy(reference_db, db)
    damage(db)
    monkeypatch.setenv("THPLAN_DB", str(db))
    st.cache_resource.clear()
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception, [e.message for e in at.exception]
    assert [e.value for e in at.error] == [registry.DATABASE_UNREADABLE]
    assert str(db) in caplog.text and str(db) not in at.error[0].value  # the path is for the administrator


def test_the_summary_command_reports_exactly_the_overview_s_headline(make_app, reference_db, tmp_path, run_cli):
    campylobacter = SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv"
    at = make_app(extra=campylobacter)
    from ui import caches

    caches.store().close()  # the app holds its database: let the command line open it
    st.cache_resource.clear()
    db = tmp_path / "app.duckdb"  # the database the app was given
    summary = json.loads(run_cli("summary", "--db", str(db), "--format", "json").stdout)
    tiles = [h.value for h in at.subheader if h.value.startswith(":")]
    trend = [int(t.split(" ")[-1].rstrip("]")) for t in tiles[: len(summary["overall_trend"])]]
    assert trend == list(summary["overall_trend"].values()) and sum(trend) == summary["measures"] == 37
    worse, attention = (int(t.split(" ")[-1].rstrip("]")) for t in tiles[-2:])
    assert (worse, attention) == (summary["vs_london"]["Worse"], summary["needs_attention"])
    assert f"{summary['measures']} Plan measures" in _text(at)
    badges = [m.value for m in at.markdown if m.value.startswith("**") and "worse than London]" in m.value]
    for theme, line in zip(summary["themes"], badges, strict=True):
        shown = sum(int(n) for n in re.findall(r"\[\S+ (\d+) (?!worse than London)", line))
        assert shown == theme["measures"], (theme["theme"], line)


def test_a_library_measure_offers_its_breakdowns_and_an_inequality_chart(make_app):
    at = make_app("pages/measure.py", measure="campylobacter-incidence-rate-100-000",
                  extra=SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv")  # fmt: skip
    assert not at.exception
    assert "In the indicator library, not in the Plan" in at.info[0].value
    chooser = at.selectbox(key="url:breakdown")
    assert chooser.value == "Persons, All ages" and "Persons, 0-9 yrs" in chooser.options
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    inequality = [s for s in specs if any(layer.get("mark", {}).get("type") == "bar" for layer in s["layer"])]
    assert len(inequality) == 2  # the County & UA and the District & UA deprivation deciles
    layers = inequality[0]["layer"]
    assert any(layer["mark"].get("color") == "#0072B2" for layer in layers)  # the home area's value marked
    chooser.set_value("Persons, 0-9 yrs").run()
    assert at.query_params["breakdown"] == "Persons, 0-9 yrs" and not at.exception


def test_a_measure_fingertips_does_not_compare_says_why(make_app):
    at = make_app("pages/measure.py", measure="violent-crime-violence-offences-per-1-000-population", area="Derby",
                  extra=SAMPLES / "fingertips_east_midlands_countyua_pre419_8_indicators.data.csv")  # fmt: skip
    assert not at.exception
    assert any("does not compare it between areas" in i.value for i in at.info)
    assert "vs London: – Not compared" in shown(_text(at))


def test_the_annual_report_page_shows_the_figures_as_published(make_app):
    at = make_app("pages/report.py")
    children = at.dataframe[0].value
    reading = children[children["Measure"] == "Pupil progress score in reading for KS2"].iloc[0]
    assert (reading["Baseline: 2017/18"], reading["2018/19"], reading["London"]) == ("1.1", "1.3", "0.8")


def test_each_page_s_url_is_its_file_s_name():
    """AppTest finds a page by its file's name: a page whose URL differs would silently run the home page in the
    tests above (as the annual report's once did)."""
    assert [Path(path).stem for path, *_ in app.PAGES] == [url for *_, url, _ in app.PAGES]


HOSTILE_AREA = "[area](http://evil.example/) :blue[blue] www.evil.example :material/warning: x@evil.example"
_RENDERED = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "error")
_LABELLED = ("expander", "tab", "button", "checkbox", "radio", "selectbox", "multiselect", "text_input", "toggle")


def _markdown_bodies(at: AppTest) -> list[str]:
    """Every text on the page that Streamlit renders as Markdown: bodies, and the labels of widgets and sections."""
    bodies = [str(e.value) for kind in _RENDERED for e in getattr(at, kind)]
    return bodies + [str(e.label) for kind in _LABELLED for e in at.get(kind) if getattr(e, "label", None)]


@pytest.mark.parametrize("page", PAGE_FILES)
def test_a_hostile_area_name_and_file_name_are_plain_text_on_every_page(make_app, tmp_path, page):
    csv = tmp_path / "[file](evil) :red[x] www.evil.example.csv"  # no slash: a file name cannot hold one
    csv.write_text(f'Measure,Period,Area,Value\nEmployment Rate,2021/22,"{HOSTILE_AREA}",70\n'
                   f'Employment Rate,2022/23,"{HOSTILE_AREA}",71\n')  # fmt: skip
    at = make_app(page, extra=csv, area=HOSTILE_AREA, since="2000-01-01", measure="employment-rate", theme="jobs")
    assert not at.exception, [e.message for e in at.exception]
    for body in (b for b in _markdown_bodies(at) if "evil" in b):
        # Escaped and joined, each pattern Markdown acts on is broken: no link, colour, icon or bare URL survives.
        for live in ("](", ":blue[", ":red[", "http://", "www.evil", ":material/", "x@evil"):
            assert live not in body, (live, body)
    if page in ("pages/overview.py", "pages/since.py"):
        assert any("evil" in b for b in _markdown_bodies(at))  # shown there: the heading names the area, since the file


def review_with_targets(tmp_path: Path) -> Path:
    """A copy of the 2021-22 review workbook with a '2021/22 Target' and a 'Commentary' column on its jobs sheet,
    as an officer would add them."""
    from openpyxl import load_workbook

    book = load_workbook(ROOT / "data" / "2021-22_annual_review_data_tables.xlsx")
    sheet = book["Jobs and employment"]
    sheet.cell(row=3, column=10, value="2021/22 Target")
    sheet.cell(row=3, column=11, value="Commentary")
    sheet.cell(row=4, column=10, value="75%")
    sheet.cell(row=4, column=11, value="WorkPath jobs fairs in May. <b>not bold</b> [link](http://evil.example)")
    path = tmp_path / "review-with-targets.xlsx"
    book.save(path)
    return path


def test_a_review_workbook_with_targets_and_commentary_shows_them_where_the_board_looks(make_app, tmp_path):
    path = review_with_targets(tmp_path)
    theme = make_app("pages/theme.py", theme="jobs", extra=path)
    assert not theme.exception
    text = _text(theme)
    assert "vs target: ✗ Off target" in shown(text)  # 72.9% against 75%
    assert "WorkPath jobs fairs in May. <b>not bold</b> [link](http://evil.example)" in shown(text)
    assert "\\[link\\]\\(http" in text  # escaped: shown as typed, never a link
    measure = make_app("pages/measure.py", measure="employment-rate", extra=path)
    assert "Off target: 72.9% in 2021/22 against a target of 75%." in shown(_text(measure))
    meeting = make_app("pages/measure.py", measure="employment-rate", meeting="1", scope="jobs", discuss="1",
                       extra=path)  # fmt: skip
    assert not meeting.exception
    assert any("What is being done" in m.value and "WorkPath jobs fairs" in m.value for m in meeting.markdown)
    assert "needing discussion" in shown(_text(meeting))


def test_the_grid_s_exports_carry_target_status_and_commentary(reference_store, tmp_path):
    from thplan import exports, listing
    from thplan import view as views

    assert not do_import(reference_store, review_with_targets(tmp_path)).rejected
    home, offered = views.areas(reference_store)
    view = views.build(reference_store, reference_store.version(), home, offered, lambda m: {})
    table = listing.rows(view.framework, view.classifications, view.comments)
    row = next(r for r in table if r["measure"] == "Overall employment rate")
    assert (row["target_period"], row["target"], row["vs_target"]) == ("2021/22", "75", "Off target")
    assert row["commentary"].startswith("WorkPath jobs fairs in May.")
    assert "Off target" in exports.measures_csv(table) and "WorkPath jobs fairs" in exports.measures_csv(table)
