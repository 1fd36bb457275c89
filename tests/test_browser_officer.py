"""End to end, in Chromium: an officer logs in, uploads a report-style workbook, reads the validation report and
the preview, publishes, sees the overview change, and rolls it back. A viewer reaches neither."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from thplan.passwords import hash_password

from .browser import browser_tab, streamlit_server, wait_for_app
from .test_browser import ARTIFACTS, Browser, Page, open_view

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    path.write_text(f'[thplan.officers]\n"a.officer" = "{hash_password(PASSWORD, iterations=2000)}"\n')
    return path


@pytest.fixture
def fresh_server(reference_db: Path, tmp_path: Path, secrets: Path) -> Iterator[str]:
    db = tmp_path / "app.duckdb"
    shutil.copy(reference_db, db)
    with streamlit_server(db, tmp_path / "server.log", secrets=secrets) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with browser_tab(browser, 900) as tab:  # the upload page's preview is long
        yield tab


def report_workbook(tmp_path: Path) -> Path:
    """A report-style workbook as an officer would paste it: a title, a header row, a stated trend."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Jobs"
    sheet.append(["Tower Hamlets data: good jobs and employment"])
    sheet.append([])
    sheet.append(["Measure", "Polarity", "2021/22", "2022/23", "Overall Trend from 2017", "London"])
    sheet.append(["Employment Rate", "Higher is better", "72.9%", "78.0%", "Improved", "74.0%"])
    path = tmp_path / "jobs-2022-23.xlsx"
    book.save(path)
    return path


def test_the_very_first_request_to_upload_on_a_fresh_server_shows_the_login(fresh_server, page):
    open_view(page, fresh_server + "/upload")
    assert page.get_by_role("heading", name="Officer login").is_visible()
    assert page.get_by_test_id("stFileUploader").count() == 0
    open_view(page, fresh_server + "/history?import=3")
    assert page.get_by_text("Officers can roll back an import after logging in").is_visible()
    assert page.get_by_role("button", name="Roll back import 3").count() == 0


def nav(page: Page, name: str) -> None:
    """Move within the app (a reload would start a new session, and a password login lasts for the session)."""
    page.get_by_test_id("stTopNavLinkContainer").get_by_text(name, exact=True).click()
    wait_for_app(page)


def log_in(page: Page) -> None:
    nav(page, "Upload")
    page.get_by_label("Officer name").fill("a.officer")
    page.get_by_role("textbox", name="Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    wait_for_app(page)


def roll_back(page: Page, import_id: int) -> None:
    """On the History page, confirm and roll back an import, and wait until it is done."""
    nav(page, "History")
    page.get_by_text(f"I want to restore the data exactly as they were before import {import_id}").click()
    page.get_by_role("button", name=f"Roll back import {import_id}").click()
    page.get_by_text(f"was rolled back as import {import_id + 1}").wait_for(timeout=60_000)
    wait_for_app(page)


def preview(page: Page, path: Path, refused: bool = False) -> None:
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
    ready = page.get_by_text("Validation report") if refused else page.get_by_role("button", name="Publish")
    ready.wait_for(timeout=60_000)
    wait_for_app(page)


def test_an_officer_uploads_publishes_and_rolls_back(fresh_server, page, tmp_path):
    open_view(page, fresh_server)
    assert page.get_by_text("✗ 12").is_visible()  # measures worse than London before the upload
    log_in(page)
    preview(page, report_workbook(tmp_path))
    assert page.get_by_text("Validation report").is_visible()
    assert page.get_by_text("What will change").is_visible()
    page.screenshot(path=str(ARTIFACTS / "upload-preview.png"), full_page=True)
    page.get_by_role("button", name="Publish").click()
    # The click starts a run that may not have begun when the page is next looked at: wait for its outcome.
    page.get_by_text("Published jobs-2022-23.xlsx as import 5").wait_for(timeout=60_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "upload-published.png"))

    nav(page, "Overview")
    assert page.get_by_text("✗ 11").is_visible()  # employment is now better than London (78.0% against 74.0%)

    roll_back(page, 5)
    nav(page, "Overview")
    assert page.get_by_text("✗ 12").is_visible()


def test_two_officers_publishing_together_one_gets_through_the_other_sees_a_fresh_preview(
    fresh_server, browser, tmp_path
):
    with browser_tab(browser, 900) as first, browser_tab(browser, 900) as second:
        for tab in (first, second):
            open_view(tab, fresh_server)
            log_in(tab)
        for round_ in range(3):
            for n, tab in enumerate((first, second)):
                path = tmp_path / f"round-{round_}-officer-{n}.csv"
                path.write_text(f"Measure,Period,Area,Value\nEmployment Rate,2022/23,Tower Hamlets,{70 + round_}.{n}\n")
                preview(tab, path)
            for tab in (first, second):  # both press Publish at once: neither waits for the other's outcome
                tab.get_by_role("button", name="Publish").click(no_wait_after=True)
            for tab in (first, second):
                tab.get_by_text("Published round-").or_(tab.get_by_text("Other data were published")).wait_for(
                    timeout=60_000
                )
                wait_for_app(tab)
            published = [tab for tab in (first, second) if tab.get_by_text("Published round-").count()]
            refreshed = [tab for tab in (first, second) if tab.get_by_text("Other data were published").count()]
            assert len(published) == 1 and len(refreshed) == 1, round_
            assert refreshed[0].get_by_text("What will change").is_visible()  # the fresh preview, ready to check
            assert published[0].get_by_text(f"as import {5 + round_}:").is_visible()


def test_a_command_line_import_while_the_dashboard_runs_shows_on_the_open_page(fresh_server, page, tmp_path, run_cli):
    db = tmp_path / "app.duckdb"  # the server's database (fresh_server's copy)
    open_view(page, fresh_server)
    assert page.get_by_text("✗ 12").is_visible()
    assert run_cli("measures", "--db", str(db)).returncode == 0  # reading while a page is open
    imported = run_cli("import", str(report_workbook(tmp_path)), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    assert run_cli("report", "--db", str(db), "--out", str(tmp_path / "report.xlsx")).returncode == 0
    nav(page, "Overview")  # the page's next rerun
    assert page.get_by_text("✗ 11").is_visible()  # employment now better than London: the command line's figure


def test_an_officer_renames_a_series_named_after_its_file_before_publishing(fresh_server, page, tmp_path, run_cli):
    path = tmp_path / "climate_important.csv"
    path.write_text("Year,%\n2020,87\n2021,89\n")
    open_view(page, fresh_server)
    log_in(page)
    preview(page, path)
    assert page.get_by_text("imported as 'Climate important', after the file's name").is_visible()
    box = page.get_by_label("Name of the measure the file calls 'Climate important'", exact=False)
    box.fill("Residents who say climate change is important to them (%)")
    box.press("Enter")
    page.get_by_text("New measure 'Residents who say climate change is important to them (%)'").wait_for(timeout=60_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "upload-rename.png"), full_page=True)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published climate_important.csv as import 5").wait_for(timeout=60_000)
    listed = run_cli("measures", "--db", str(tmp_path / "app.duckdb"), "--format", "json").stdout
    assert "Residents who say climate change is important to them (%)" in listed and "Climate important" not in listed


def test_an_officer_gives_the_period_of_a_table_that_names_none(fresh_server, page, tmp_path, run_cli):
    path = tmp_path / "ward_openings_2022-23.csv"
    path.write_text("Ward name,Opened,Closed\nOval,13,9\nHerne Hill,10,7\n")
    open_view(page, fresh_server)
    log_in(page)
    preview(page, path, refused=True)
    assert page.get_by_text("nothing says which period its values are for", exact=False).first.is_visible()
    assert page.get_by_text("The file's name says '2022-23'", exact=False).first.is_visible()  # a hint, not used
    page.screenshot(path=str(ARTIFACTS / "upload-period-hint.png"), full_page=True)
    assert not page.get_by_role("button", name="Publish").is_visible()
    box = page.get_by_role("textbox", name="Period of the figures", exact=False)
    box.fill("2022/23")
    box.press("Enter")
    page.get_by_text(
        "its values are read as 2022/23, the period given when the file was uploaded", exact=False
    ).first.wait_for(timeout=60_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "upload-given-period.png"), full_page=True)
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("Published ward_openings_2022-23.csv as import 5").wait_for(timeout=60_000)
    history = run_cli("history", "--measure", "opened", "--db", str(tmp_path / "app.duckdb")).stdout
    assert "Oval" in history and "2022/23" in history


def test_an_officer_writes_commentary_on_a_measure_and_rolls_it_back(fresh_server, page):
    open_view(page, fresh_server)
    log_in(page)
    nav(page, "Measure")
    page.get_by_text("No commentary yet.").wait_for(timeout=60_000)  # drawn below the chart, after it
    page.get_by_text("Write commentary").click()
    box = page.get_by_label("What is being done, and what the figures show")
    box.fill("Two jobs fairs in May. <b>Not bold</b> **not bold** [a link](http://evil.example)")
    page.get_by_role("button", name="Save the commentary").click()
    page.get_by_text("Recorded as import 5").wait_for(timeout=60_000)
    wait_for_app(page)
    shown = page.locator("p", has_text="Two jobs fairs in May.")
    assert shown.is_visible() and "<b>Not bold</b> **not bold** [a link](http" in shown.inner_text()
    assert page.locator("a[href='http://evil.example']").count() == 0  # a user's text is never markup
    shown.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "commentary-saved.png"))

    roll_back(page, 5)
    nav(page, "Measure")
    page.get_by_text("No commentary yet.").wait_for(timeout=60_000)  # the withdrawn text only under earlier commentary
    page.get_by_text("Earlier commentary (1), replaced or withdrawn").wait_for(timeout=60_000)
