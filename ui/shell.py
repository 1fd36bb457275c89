"""What every page starts with: page settings, the shared store and cached data, the sidebar (area, meeting mode),
and links that keep the viewer's area and meeting mode."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import streamlit as st

from thplan import view as views
from thplan.changes import Since, since
from thplan.dataset import open_store
from thplan.delivery import Item, Tracker
from thplan.gcpause import paused_gc
from thplan.observation import Observation
from thplan.report import ReportTable
from thplan.report import annual_tables as annual_report_tables
from thplan.store import Store, StoreError
from thplan.view import View
from ui import auth, urlstate

_LOG = logging.getLogger(__name__)

PAGE_CSS = """
<style>
  .block-container { padding-top: 4.4rem; padding-bottom: 2rem; }
  h2 { padding-top: 0.2rem !important; }
</style>
"""
MEETING_CSS = """
<style>
  html, body, [data-testid="stAppViewContainer"] { font-size: 21px; }
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
  [data-testid="stSidebarCollapsedControl"] { display: none; }
  .block-container { padding-top: 1rem; max-width: 1240px; }
  h1 { font-size: 2.1rem !important; }
</style>
"""


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """One database connection per server process (the default database, built from data/ when missing). What
    opening it upgraded goes to the server's log; the History page lists the upgrade as an import."""
    opened = open_store()
    for note in opened.upgrade_notes:
        _LOG.warning("Database upgraded: %s", note)
    return opened


@st.cache_resource(max_entries=4, show_spinner=False)
def _areas(version: tuple[int, int]) -> tuple[str, tuple[str, ...]]:
    """The home area and the areas a viewer can choose."""
    return views.areas(store())


def view_of(version: tuple[int, int], area: str | None) -> View:
    """The view of an area (the home area when `area` is unknown or None): one cached view per area."""
    home, areas = _areas(version)
    return _view(version, area if area in areas else home)


@st.cache_resource(max_entries=4, show_spinner="Loading the measures…")
def _view(version: tuple[int, int], chosen: str) -> View:
    with paused_gc():
        return views.build(store(), version, chosen, _areas(version)[1], functools.partial(measure_series, version))


@st.cache_resource(max_entries=64, show_spinner=False)
def measure_series(version: tuple[int, int], measure_id: str) -> dict[str, tuple[Observation, ...]]:
    """Every area's series of one measure, all breakdowns (for the pages that compare areas and breakdowns).
    Shared, not copied: a page asks for each area in turn, and the series are immutable."""
    return views.series_by_area(store(), measure_id)


@st.cache_data(max_entries=16, show_spinner=False)
def trackers(version: tuple[int, int]) -> list[Tracker]:
    return store().trackers()


@st.cache_data(max_entries=32, show_spinner=False)
def tracker_items(version: tuple[int, int], tracker_id: str) -> list[Item]:
    return store().tracker_items(tracker_id)


def all_observations() -> list[Observation]:
    """Every current value of every area (read from the store: for downloads and comparisons, not for pages)."""
    return store().observations()


def changes_since(view: View, moment: datetime) -> Since:
    """What changed for the view's area and its benchmarks since a moment (cached per version, moment and area)."""
    return _changes_since(view.version, moment, view.area)


@st.cache_data(max_entries=16, show_spinner="Comparing with the data as they stood then…")
def _changes_since(version: tuple[int, int], moment: datetime, area: str | None) -> Since:
    view = view_of(version, area)
    now = [o for series in view.series.values() for o in series]
    return since(view.framework, store().observations_as_of(moment, view.loaded_areas), now, view.area)


def annual_tables(view: View) -> list[ReportTable]:
    """The annual report's tables for the view's area (built once per version and area)."""
    return _annual_tables(view, view.version, view.area)


@st.cache_data(max_entries=8, show_spinner=False)
def _annual_tables(_view: View, version: tuple[int, int], area: str) -> list[ReportTable]:
    return annual_report_tables(_view.framework, _view.classifications, _view.series)


def refresh() -> None:
    """After an import or rollback: every page shows the new figures at once."""
    _view.clear()
    _areas.clear()


def meeting() -> bool:
    return st.query_params.get("meeting") == "1"


def links(**extra: str) -> dict[str, str]:
    """Query parameters for a link that keeps the viewer's area and meeting mode."""
    params = {
        k: v for k, v in (("area", st.query_params.get("area")), ("meeting", st.query_params.get("meeting"))) if v
    }
    return {**params, **{k: v for k, v in extra.items() if v}}


_run = threading.local()


@contextmanager
def navigating() -> Iterator[None]:
    """Marks a script run that went through app.py's page registry; a database that cannot be opened or read is
    a message on the page (the details, with the file's path, go to the server's log)."""
    _run.inside = True
    try:
        yield
    except StoreError as exc:
        _LOG.error("A page could not read the database: %s", exc)
        st.error(DATABASE_UNREADABLE, icon=":material/database:")
    finally:
        _run.inside = False


DATABASE_UNREADABLE = (
    "The dashboard cannot read its database just now. Try again in a minute; if this message stays, tell the "
    "dashboard's administrator (the server's log says why)."
)


def configure(title: str) -> None:
    """Page settings, the app's own navigation, and the viewers' login when one is required."""
    if not getattr(_run, "inside", False):
        # A fresh server routes a first request for /<page> straight to pages/<page>.py (Streamlit's legacy
        # router) without app.py: run the registry instead, which then runs this page, and stop this copy.
        import app

        app.main()
        st.stop()
    st.set_page_config(page_title=f"{title} · Tower Hamlets Plan", page_icon="📊", layout="wide",
                       initial_sidebar_state="collapsed")  # fmt: skip
    auth.require_viewer()


def start(title: str) -> View:
    """Set up a page and return the data it shows."""
    configure(title)
    db = store()
    requested = st.query_params.get("area") or st.session_state.get("url:area")
    view = view_of(db.version(), requested)
    if meeting():
        st.html(MEETING_CSS)
        if title != "Measure":  # the measure page has its own previous/next bar
            bar = st.columns([1, 1, 1, 3, 1])
            targets = (
                ("pages/overview.py", "Overview"),
                ("pages/theme.py", "Themes"),
                ("pages/measure.py", "Measures"),
            )
            for column, (page, label) in zip(bar, targets, strict=False):
                column.page_link(page, label=label, query_params=links())
            with bar[4]:
                exit_meeting_button()
        return view
    st.html(PAGE_CSS)
    about, area, present = st.columns([6, 2, 1.4], vertical_alignment="center")
    if view.last_import is not None:
        at = view.last_import.at
        about.caption(f"Tower Hamlets Plan · data to {view.latest_period} · updated {at:%d %b %Y} "
                      f"(import {view.last_import.id})")  # fmt: skip
    home = view.framework.settings.home_area
    urlstate.select("Area", list(view.areas), "area", what="an area", container=area, label_visibility="collapsed",
                    default=home if home in view.areas else view.areas[0],
                    help="Whose figures to show. Other areas appear when the data hold them.")  # fmt: skip
    if present.button("Meeting mode", icon=":material/slideshow:", help="Large text and charts, no menus."):
        st.query_params["meeting"] = "1"
        st.rerun()
    return view


def exit_meeting_button() -> None:
    if st.button("Exit", icon=":material/close:", help="Leave meeting mode"):
        del st.query_params["meeting"]
        st.rerun()


def page_args(**kwargs: Any) -> dict[str, Any]:
    """Keyword arguments for st.page_link / st.switch_page that keep area and meeting mode."""
    return {"query_params": links(**kwargs)}
