"""Every cache of the dashboard, in one place: the database connection, each area's view, every area's series of a
measure, trackers, what changed since a date, the annual tables, chart specs, grid rows and revision histories.

Each is keyed by the data's version (`Store.version()`), so an import or rollback is seen at once: `refresh`
empties the views, and every other entry names a version no page asks for again.
"""

from __future__ import annotations

import functools
import logging
from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

from thplan import view as views
from thplan.changes import Since, Targets, since
from thplan.dataset import open_store
from thplan.delivery import Item, Tracker
from thplan.gcpause import paused_gc
from thplan.observation import Observation
from thplan.report import ReportTable
from thplan.report import annual_tables as annual_report_tables
from thplan.spine import SpineRow
from thplan.store import Store
from thplan.targets import Comment
from thplan.view import View

_LOG = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The database (the default one, built from data/ when missing), opened for each page drawn and each write,
    then let go: the command line and scheduled jobs use the same file in between. What opening it upgraded goes
    to the server's log; the History page lists the upgrade as an import."""
    opened = open_store(hold=False)
    for note in opened.upgrade_notes:
        _LOG.warning("Database upgraded: %s", note)
    return opened


@st.cache_resource(max_entries=4, show_spinner=False)
def _areas(version: tuple[int, int]) -> tuple[str, tuple[str, ...]]:
    """The home area and the areas a viewer can choose."""
    return views.areas(store())


def areas(version: tuple[int, int]) -> tuple[str, tuple[str, ...]]:
    return _areas(version)


def view_of(version: tuple[int, int], area: str | None) -> View:
    """The view of an area (the home area when `area` is unknown or None): one cached view per area."""
    home, offered = _areas(version)
    return _view(version, area if area in offered else home)


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
    """Every current value of every area (read from the store: for downloads, not for pages)."""
    return store().observations()


def changes_since(view: View, moment: datetime) -> Since:
    """What changed for the view's area and its benchmarks since a moment (cached per version, moment and area)."""
    return _changes_since(view.version, moment, view.area)


@st.cache_data(max_entries=16, show_spinner="Comparing with the data as they stood then…")
def _changes_since(version: tuple[int, int], moment: datetime, area: str | None) -> Since:
    view = view_of(version, area)
    now = [o for series in view.series.values() for o in series]
    home = view.area == view.framework.settings.home_area  # targets and commentary are the Plan's: the home area's
    targets = Targets(store().targets(moment), store().targets(), store().commentary(since=moment)) if home else None
    return since(view.framework, store().observations_as_of(moment, view.loaded_areas), now, view.area, targets)


def annual_tables(view: View) -> list[ReportTable]:
    """The annual report's tables for the view's area (built once per version and area)."""
    return _annual_tables(view, view.version, view.area)


@st.cache_data(max_entries=8, show_spinner=False)
def _annual_tables(_view: View, version: tuple[int, int], area: str) -> list[ReportTable]:
    return annual_report_tables(_view.framework, _view.classifications, _view.series, _view.comments)


def chart_spec(view: View, key: tuple[Any, ...], build: Any) -> dict[str, Any] | None:
    """A chart's Vega-Lite spec, built once per version, area and `key` (building and validating an Altair chart
    costs more than drawing it)."""
    return _chart_spec(build, view.version, view.area, key)


@st.cache_data(max_entries=2048, show_spinner=False)
def _chart_spec(_build: Any, version: tuple[int, int], area: str, key: tuple[Any, ...]) -> dict[str, Any] | None:
    return _build()


def spine_rows(view: View, key: tuple[Any, ...], build: Any) -> list[SpineRow]:
    """A spine's rows (a ranking of the group for each measure on the page), computed once per version, area and
    `key` and shared: a page of 25 measures ranks 875 areas, over the compare page's 150 ms rerun target."""
    return _spine_rows(build, view.version, view.area, key)


@st.cache_resource(max_entries=32, show_spinner=False)
def _spine_rows(_build: Any, version: tuple[int, int], area: str, key: tuple[Any, ...]) -> list[SpineRow]:
    return _build()


def commentary(view: View, measure_id: str) -> list[Comment]:
    """A measure's commentary, newest first, earlier versions included."""
    return _commentary(view.version, measure_id)


@st.cache_data(max_entries=64, show_spinner=False)
def _commentary(version: tuple[int, int], measure_id: str) -> list[Comment]:
    return store().commentary(measure_id)


def grid_rows(view: View, build: Any) -> pd.DataFrame:
    """The overview grid's rows (every Plan measure), built once per version and area."""
    return _grid_rows(build, view.version, view.area)


@st.cache_data(max_entries=8, show_spinner=False)
def _grid_rows(_build: Any, version: tuple[int, int], area: str) -> pd.DataFrame:
    return _build()


@st.cache_data(max_entries=64, show_spinner=False)
def value_history(version: tuple[int, int], measure_id: str) -> pd.DataFrame:
    return store().value_history(measure_id)


def refresh() -> None:
    """After an import or rollback: every page shows the new figures at once."""
    _view.clear()
    _areas.clear()
