"""Delivery trackers: the transcribed seed 004 tracker (counts per status, overdue logic, the link to its theme),
its import with checks and preview, and the Delivery page."""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from thplan.dataset import DATA_DIR
from thplan.delivery import DeliveryError, Status, parse_percent, parse_status, summarise

from .conftest import ROOT, SEEDS, do_import

TRACKER_FILE = DATA_DIR / "hwb_strategy_tracker_2017.xlsx"
sys.path.insert(0, str(ROOT / "tools"))
import reference_tracker  # noqa: E402


@pytest.fixture
def tracker(reference_store):
    [found] = reference_store.trackers()
    return found, reference_store.tracker_items(found.id)


def test_the_seed_tracker_is_browsable_by_priority_with_its_statuses(tracker):
    found, items = tracker
    assert (found.period_start, found.period_end, found.as_at, found.theme_id) == (
        date(2017, 4, 1), date(2017, 9, 30), date(2017, 9, 30), "health")  # fmt: skip
    summaries = summarise(found, items)
    assert [s.priority.title for s in summaries] == [
        "Priority One - Communities Driving Change", "Priority Two - Employment and Health",
        "Priority Three - Creating a Healthier Place", "Priority Four - Healthy Weight and Nutrition in Children",
        "Priority Five - Developing an Integrated System",
    ]  # fmt: skip
    assert [(len(s.activities), len(s.deliverables)) for s in summaries] == [(1, 3), (1, 4), (1, 2), (1, 4), (1, 2)]
    totals = {status: sum(s.counts[status] for s in summaries) for status in ("On Track", "Completed")}
    assert totals == {"On Track": 17, "Completed": 3}
    assert summaries[3].counts["Completed"] == 3 and summaries[3].progress == 100
    assert summaries[0].progress == 50 and all(s.overdue == 0 for s in summaries)


def test_overdue_means_past_the_deadline_on_the_as_at_date_and_not_completed(tracker):
    found, items = tracker
    later = replace(found, as_at=date(2018, 4, 30))
    summaries = summarise(later, items)
    overdue = [i.title for s in summaries for i in (*s.activities, *s.deliverables) if i.overdue(later.as_at)]
    on_track_with_deadline = [i for i in items if i.kind != "priority" and i.status is Status.ON_TRACK and i.deadline]
    assert len(overdue) == len(on_track_with_deadline) == 16  # the first activity has no deadline; 3 are completed
    assert "Provide better information to parents" not in " ".join(overdue)  # completed: never overdue
    assert sum(s.overdue for s in summaries) == 16


def test_every_transcribed_item_keeps_the_trackers_words():
    source = (SEEDS / "hwb_tracker_2017.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", " ", source.replace("*", ""))
    book = load_workbook(TRACKER_FILE)
    rows = list(book["Delivery"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(reference_tracker.ITEMS) == 20
    for row, item in zip(rows, reference_tracker.ITEMS, strict=True):
        assert row[2] == item["item"]
        words = item["item"].removeprefix("Develop an ").split()[:6]  # "Develop an" is supplied where it was lost
        assert " ".join(words) in flat, item["item"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("On Track", Status.ON_TRACK), ("on track", Status.ON_TRACK), ("Complete", Status.COMPLETED),
     ("Delayed", Status.DELAYED), ("At risk", Status.AT_RISK), ("Not started", Status.NOT_STARTED), ("", None)],
    ids=["on-track", "lower-case", "complete", "delayed", "at-risk", "not-started", "blank"],
)  # fmt: skip
def test_status_words_are_normalised(text, expected):
    assert parse_status(text) is expected


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [(45, False, 45), ("45%", False, 45), (0.45, True, 45), (None, False, None)],
    ids=["number", "text", "percent-formatted-cell", "none"],
)
def test_percentages(value, fmt, expected):
    assert parse_percent(value, fmt) == expected


@pytest.mark.parametrize("value", [120, "-5", "lots"], ids=["over-100", "negative", "word"])
def test_impossible_percentages_are_refused(value):
    with pytest.raises(DeliveryError):
        parse_percent(value)


def _edited(tmp_path: Path, **changes: object) -> Path:
    """The reference tracker with one cell changed, as an officer would edit it."""
    book = load_workbook(TRACKER_FILE)
    sheet = book["Delivery"]
    for cell, value in changes.items():
        sheet[cell] = value
    path = tmp_path / "tracker-update.xlsx"
    book.save(path)
    return path


def test_an_updated_tracker_previews_exactly_what_changes(reference_store, tmp_path):
    path = _edited(tmp_path, F3="Delayed", G3=20)
    preview = do_import(reference_store, path, dry_run=True)
    assert not preview.rejected
    items = preview.diff.tables["tracker_items"]
    changed = items[items["status"] != "unchanged"]
    rows = changed[["title", "old_item_status", "item_status", "old_percent", "percent"]].astype(object)
    assert rows.where(rows.notna(), None).values.tolist() == [
        [reference_tracker.ITEMS[1]["item"], "On Track", "Delayed", None, 20]]  # fmt: skip
    published = do_import(reference_store, path)
    [found] = reference_store.trackers()
    assert any(i.status is Status.DELAYED for i in reference_store.tracker_items(found.id))
    with reference_store.transaction() as tx:
        tx.rollback(published.import_id, user="officer")
    assert not any(i.status is Status.DELAYED for i in reference_store.tracker_items(found.id))


@pytest.mark.parametrize(
    ("cell", "value", "message"),
    [("F3", "Going well", "row 3, column F ('Status'): 'Going well' is not a status we know"),
     ("G3", 140, "row 3, column G ('% complete'): 140% is not a percentage complete"),
     ("E3", "next spring", "row 3, column E ('Deadline'): 'next spring' is not a date"),
     ("B3", "Task", "row 3, column B ('Type'): 'Task' is not a row type")],
    ids=["unknown-status", "percent-over-100", "bad-deadline", "unknown-row-type"],
)  # fmt: skip
def test_a_bad_tracker_is_refused_naming_the_cell(reference_store, tmp_path, cell, value, message):
    before = reference_store.snapshot()
    result = do_import(reference_store, _edited(tmp_path, **{cell: value}))
    assert result.rejected and message in str(result.errors[0])
    assert reference_store.snapshot() == before


@pytest.fixture
def make_app(reference_db, tmp_path, monkeypatch):
    def make(page: str, **query: str) -> AppTest:
        db = tmp_path / "app.duckdb"
        shutil.copy(reference_db, db)
        monkeypatch.setenv("THPLAN_DB", str(db))
        st.cache_resource.clear()
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        return at.run()

    return make


def test_the_delivery_page_shows_priorities_statuses_and_filters(make_app):
    at = make_app("pages/delivery.py")
    assert not at.exception
    assert at.subheader[0].value.startswith("Tower Hamlets Together - Health and Wellbeing Strategy")
    assert len(at.table) == 5 and len(at.get("progress")) == 5  # every priority has an item with a % complete
    filtered = make_app("pages/delivery.py", status="Completed")
    tables = [t.value for t in filtered.table]
    assert len(tables) == 1 and set(tables[0]["Status"]) == {"✓ Completed"} and len(tables[0]) == 3


def test_a_priority_s_progress_averages_only_the_items_that_give_a_percent_and_says_how_many(reference_store):
    [tracker] = reference_store.trackers()
    summaries = summarise(tracker, reference_store.tracker_items(tracker.id))
    partial = [s for s in summaries if s.with_percent < len(s.activities) + len(s.deliverables)]
    assert partial, "the reference tracker has a priority whose items do not all give a %"
    for s in partial:
        given = [i.percent for i in (*s.activities, *s.deliverables) if i.percent is not None]
        assert s.progress == round(sum(given) / len(given)) and s.with_percent == len(given)
        assert (
            f"of the {len(given)} items that give a %" in s.progress_text or "of the item that gives" in s.progress_text
        )
        assert "give none)" in s.progress_text


def test_the_health_theme_page_shows_its_delivery_status(make_app):
    at = make_app("pages/theme.py", theme="health")
    assert any(e.label.startswith("Delivery: Tower Hamlets Together") for e in at.expander)
    jobs = make_app("pages/theme.py", theme="jobs")
    assert not any(e.label.startswith("Delivery:") for e in jobs.expander)


def test_an_officer_previews_an_updated_tracker_on_the_upload_page(make_app, tmp_path):
    from thplan.passwords import hash_password

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    make_app("pages/overview.py")  # a private database for the app
    at.secrets["thplan"] = {"officers": {"a.officer": hash_password("a long password here", iterations=1000)}}
    at.switch_page("pages/upload.py").run()
    at.text_input[0].input("a.officer")
    at.text_input[1].input("a long password here")
    at.button[0].click().run()
    data = _edited(tmp_path, F3="Delayed").read_bytes()
    at.get("file_uploader")[0].set_value(("tracker-update.xlsx", data, "application/octet-stream")).run()
    assert not at.exception
    changes = at.dataframe[-1].value
    assert changes[["Status before", "Status"]].values.tolist() == [["On Track", "Delayed"]]
    assert [b for b in at.button if b.label == "Publish"]
