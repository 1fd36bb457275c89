"""End to end: `streamlit run app.py` on the reference data, driven by Debian's Chromium. Screenshots of each view
at 1280x720 (the projector) are saved in test-artifacts/ for review."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import CHROMIUM, browser_tab, chromium_available, streamlit_server, wait_for_app
from .conftest import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"

if not chromium_available():
    if os.environ.get("THPLAN_REQUIRE_BROWSER"):
        raise RuntimeError(f"THPLAN_REQUIRE_BROWSER is set but {CHROMIUM} is missing (apt-get install -y chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install -y chromium)", allow_module_level=True)

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def server(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("server")
    db = folder / "app.duckdb"
    shutil.copy(reference_db, db)
    with streamlit_server(db, folder / "server.log") as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with browser_tab(browser, 720) as tab:  # the projector's height
        yield tab


def open_view(page: Page, url: str, shot: str | None = None) -> Page:
    page.goto(url)
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0, page.get_by_test_id("stException").all_inner_texts()
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"))
    return page


def test_a_deep_link_as_the_very_first_request_on_a_fresh_server(browser, reference_db, tmp_path):
    """Streamlit's legacy router sends a first request for /measure straight to pages/measure.py; the page must
    still show the app's own navigation and the measure the link names."""
    db = tmp_path / "fresh.duckdb"
    shutil.copy(reference_db, db)
    with streamlit_server(db, tmp_path / "server.log") as url, browser_tab(browser, 720) as tab:
        open_view(tab, f"{url}/measure?measure=employment-rate")
        assert tab.get_by_role("heading", name="Overall employment rate").is_visible()
        nav = tab.get_by_test_id("stTopNavLinkContainer").all_inner_texts() or tab.locator("header").all_inner_texts()
        assert "Compare areas" in " ".join(nav) and "overview" not in " ".join(nav)


def test_overview_answers_the_three_questions_without_scrolling(server, page):
    open_view(page, server, "overview")
    assert page.get_by_text("Tower Hamlets Plan: are we getting better?").is_visible()
    assert page.get_by_text("Improved from 2017/18 on").is_visible()
    assert page.get_by_text("Worse than London now").is_visible()
    assert page.get_by_text("Jobs growth").first.is_visible()  # the first measure needing attention
    assert page.get_by_text("37 of 37 Plan measures").count() == 1


@pytest.mark.parametrize(
    ("path", "heading", "shot"),
    [
        ("/theme?theme=jobs", "Good jobs and employment", "theme-jobs"),
        ("/theme?theme=health", "Better health and wellbeing", "theme-health"),
        ("/measure?measure=feel-safe-during-day", "Residents who feel safe during the day", "measure-feel-safe"),
        ("/compare?measure=no2-exposure", "Compare areas", "compare"),
        ("/delivery", "Tower Hamlets Together - Health and Wellbeing Strategy", "delivery"),
        ("/report", "Annual report data tables", "annual-report"),
        ("/since?since=2020-01-01", "What changed since…", "since"),
    ],
    ids=["theme-jobs", "theme-health", "measure", "compare", "delivery", "annual-report", "since"],
)
def test_every_page_renders_in_chromium(server, page, path, heading, shot):
    open_view(page, server + path, shot)
    assert page.get_by_role("heading", name=heading).first.is_visible()
    if shot.startswith(("theme", "measure", "compare")):
        assert page.locator("[data-testid='stVegaLiteChart'], .vega-embed").count() >= 1


def test_the_first_theme_card_shows_value_trend_and_london_above_the_fold(server, page):
    open_view(page, server + "/theme?theme=jobs")
    card_value = page.get_by_text("-4.9%").first
    badge = page.get_by_text("vs London: ✗ Worse").first
    for element in (card_value, badge):
        box = element.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 720


def test_filters_in_a_link_reopen_the_same_view(server, page):
    open_view(page, server + "/?themes=health&status=Worsened")
    assert page.get_by_text("2 of 37 Plan measures").count() == 1
    page.get_by_text("2 of 37 Plan measures").scroll_into_view_if_needed()  # the grid is below the fold: show it
    page.screenshot(path=str(ARTIFACTS / "overview-filtered.png"))


def test_a_search_narrows_the_grid_and_the_link_and_a_row_opens_its_measure(server, page):
    open_view(page, server)
    page.get_by_text("Filter the measures").click()
    wait_for_app(page)
    box = page.get_by_role("textbox", name="Search")
    box.fill("employment")
    box.press("Enter")
    page.wait_for_function("new URL(location.href).searchParams.get('q') === 'employment'")
    wait_for_app(page)
    assert page.get_by_text("3 of 37 Plan measures").count() == 1
    assert page.get_by_text("Tower Hamlets Plan: are we getting better?").count() == 1  # the rest of the overview
    grid = page.get_by_test_id("stDataFrame")
    grid.scroll_into_view_if_needed()
    where = grid.bounding_box()
    assert where is not None
    page.mouse.click(where["x"] + 18, where["y"] + 35 + 17)  # the first row's selection box
    page.wait_for_url("**/measure?measure=employment-rate*")
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0


def test_meeting_mode_steps_through_a_theme(server, page):
    open_view(page, server + "/theme?theme=health")
    page.get_by_text("Present Health and wellbeing in meeting mode").click()
    wait_for_app(page)
    assert "meeting=1" in page.url
    assert page.get_by_text("1 of 9").is_visible()
    page.screenshot(path=str(ARTIFACTS / "meeting-1.png"))
    page.get_by_role("button", name="Next").click()
    wait_for_app(page)
    assert page.get_by_text("2 of 9").is_visible()
    assert page.get_by_role(
        "heading", name="Children and young people accessing timely mental health support"
    ).is_visible()
    page.screenshot(path=str(ARTIFACTS / "meeting-2.png"))
    page.get_by_role("button", name="Exit meeting mode").click()
    wait_for_app(page)
    assert "meeting" not in page.url


def test_meeting_mode_at_1280x720_shows_chart_axis_and_legend_above_the_fold_readably(server, page):
    open_view(page, server + "/measure?meeting=1&scope=health&measure=asthma-admissions-under-19", "meeting-asthma")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    box = chart.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 720  # the chart, its axis and its legend
    sizes = page.eval_on_selector_all("[data-testid='stVegaLiteChart'] svg text",
                                      "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")  # fmt: skip
    labels = page.eval_on_selector_all("[data-testid='stVegaLiteChart'] svg text", "els => els.map(e => e.textContent)")
    assert "2017/18" in labels and "2020/21" in labels  # the time axis, labelled by period
    assert sizes and min(sizes) >= 14


def test_an_unknown_measure_in_a_meeting_link_gets_a_message(server, page):
    open_view(page, server + "/measure?meeting=1&measure=no-such-measure")
    assert page.get_by_text("asks for a measure we do not have here").is_visible()


def test_links_say_where_they_go_and_tiles_add_no_tab_stops(server, page):
    open_view(page, server)
    links = page.locator("[data-testid='stPageLink'] a").all_inner_texts()
    assert links and not [t for t in links if t.strip() in ("Open", "arrow_forward Open")]
    assert any("Open Jobs growth" in t for t in links)
    # no "Link to heading" anchors: each would be a tab stop before the filters
    assert page.locator("[data-testid='stHeadingWithActionElements'] a[href^='#']").count() == 0


@pytest.fixture(scope="module")
def many_areas(reference_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose data hold every borough (a Fingertips extract imported into the reference data)."""
    from thplan.store import Store

    from .conftest import SAMPLES, do_import

    folder = tmp_path_factory.mktemp("areas")
    db = folder / "app.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        assert not do_import(store, SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv").rejected
    with streamlit_server(db, folder / "server.log") as url:
        yield url


def test_the_chosen_area_stays_in_the_url_and_the_picker_through_the_menu(many_areas, page):
    open_view(page, many_areas)
    picker = page.get_by_test_id("stSelectbox").first
    picker.click()
    page.keyboard.type("Islington")
    page.get_by_role("option", name="Islington", exact=True).click()
    page.wait_for_function("new URL(location.href).searchParams.get('area') === 'Islington'")
    wait_for_app(page)
    assert page.get_by_role("heading", name="Islington: are we getting better?").is_visible()
    assert page.get_by_role("combobox", name="Area").input_value() == "Islington"
    page.get_by_test_id("stTopNavLinkContainer").get_by_text("Themes").click()
    page.wait_for_url("**/theme**")
    wait_for_app(page)
    assert "area=Islington" in page.url and page.get_by_role("combobox", name="Area").input_value() == "Islington"
    page.get_by_test_id("stTopNavLinkContainer").get_by_text("Overview").click()
    wait_for_app(page)
    assert page.get_by_role("heading", name="Islington: are we getting better?").is_visible()
    assert "area=Islington" in page.url


CAMPYLOBACTER = "/compare?measure=campylobacter-incidence-rate-100-000"


@pytest.mark.parametrize(("query", "sentence", "shot"), [
    ("", "Tower Hamlets ranks 4th of 32 London boroughs in 2017 (1st is best); better than London.", "compare-33"),
    ("&group=All+local+areas&vs=England",
     "Tower Hamlets ranks 7th of 150 local areas in 2017 (1st is best); better than England.", "compare-150"),
], ids=["33-london-boroughs", "150-local-areas"])  # fmt: skip
def test_the_ranking_answers_where_the_borough_stands_on_the_projector(browser, many_areas, query, sentence,
                                                                        shot):  # fmt: skip
    for width, height in ((1280, 720), (1920, 1080)):
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        try:
            open_view(tab, many_areas + CAMPYLOBACTER + query, f"{shot}-{width}")
            answer = tab.get_by_text(sentence)
            box = answer.bounding_box()
            assert box is not None and box["y"] + box["height"] <= height  # read without scrolling
            bars = tab.locator("[data-testid='stVegaLiteChart'], .vega-embed").first
            assert bars.is_visible()
        finally:
            context.close()


def test_the_spine_sets_the_borough_among_london_boroughs_measure_by_measure(many_areas, page):
    open_view(page, many_areas + "/compare?view=theme&theme=library", "compare-spine")
    assert page.get_by_text("Indicator library: Tower Hamlets among London boroughs, measure by measure").is_visible()
    assert page.locator("[data-testid='stVegaLiteChart'], .vega-embed").count() >= 1
