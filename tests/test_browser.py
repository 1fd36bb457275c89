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
    assert page.get_by_text("Improved since 2017/18").is_visible()
    assert page.get_by_text("Worse than London now").is_visible()
    assert page.get_by_text("Jobs growth").first.is_visible()  # the first measure needing attention
    assert page.get_by_text("37 of 37 measures").count() == 1


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
    assert page.get_by_text("2 of 37 measures").count() == 1
    page.get_by_text("2 of 37 measures").scroll_into_view_if_needed()  # the grid is below the fold: show it
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
    assert page.get_by_text("3 of 37 measures").count() == 1
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
    page.get_by_text("Present in meeting mode").click()
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
    page.get_by_role("button", name="Exit").click()
    wait_for_app(page)
    assert "meeting" not in page.url
