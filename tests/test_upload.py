"""Officers upload, check, publish and undo data in the app; viewers cannot; downloads round-trip losslessly."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from thplan import template
from thplan.ingest.importer import ImportOptions, import_bytes
from thplan.passwords import hash_password, verify_password
from thplan.store import Store

from .conftest import LONDON_CAMPYLOBACTER, ROOT, SAMPLES, do_import

PASSWORD = "correct horse battery staple"
OFFICERS = {"officers": {"a.officer": hash_password(PASSWORD, iterations=1000)}}
UPDATE = b"Measure,Period,Area,Value\nEmployment Rate,2021/22,Tower Hamlets,73.4\nEmployment Rate,2022/23,,74.0\n"


@pytest.fixture
def app_db(reference_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "app.duckdb"
    shutil.copy(reference_db, db)
    monkeypatch.setenv("THPLAN_DB", str(db))
    st.cache_resource.clear()
    st.cache_data.clear()
    return db


@pytest.fixture
def make_app(app_db: Path) -> Callable[..., AppTest]:
    def make(page: str, *, secrets: dict | None = None, login: bool = False, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if secrets is not None:
            at.secrets["thplan"] = secrets
        at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if login:
            at.text_input[0].input("a.officer")
            at.text_input[1].input(PASSWORD)
            at.button[0].click().run()
        return at

    return make


def _uploaders(at: AppTest) -> int:
    return len(at.get("file_uploader"))


def test_a_viewer_gets_the_login_form_never_the_uploader(make_app):
    at = make_app("pages/upload.py", secrets=OFFICERS)
    assert at.header[0].value == "Officer login" and _uploaders(at) == 0
    assert [t.label for t in at.text_input] == ["Officer name", "Password"]


def test_without_any_login_configured_nobody_can_upload(make_app):
    at = make_app("pages/upload.py")
    assert _uploaders(at) == 0 and "No officer login is configured" in at.info[0].value


def test_a_wrong_password_is_refused(make_app):
    at = make_app("pages/upload.py", secrets=OFFICERS)
    at.text_input[0].input("a.officer")
    at.text_input[1].input("wrong password")
    at.button[0].click().run()
    assert _uploaders(at) == 0 and "do not match" in at.error[0].value


def test_a_reload_does_not_reset_the_login_throttle(make_app):
    """Each AppTest is a new browser session of the same server (its cache_resource is shared)."""
    st.cache_resource.clear()
    for _ in range(5):  # thplan.throttle.ACCOUNT_FAILURES
        at = make_app("pages/upload.py", secrets=OFFICERS)
        at.text_input[0].input("a.officer")
        at.text_input[1].input("wrong password")
        at.button[0].click().run()
        assert "do not match" in at.error[0].value
    at = make_app("pages/upload.py", secrets=OFFICERS)
    at.text_input[0].input("a.officer")
    at.text_input[1].input(PASSWORD)
    at.button[0].click().run()
    assert "Too many failed logins" in at.error[0].value and not at.get("file_uploader")


def test_an_officer_uploads_previews_and_publishes(make_app, app_db):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    assert _uploaders(at) == 1
    at.get("file_uploader")[0].set_value(("update.csv", UPDATE, "text/csv")).run()
    assert not at.exception
    changes = at.dataframe[-1].value
    revised = changes[changes["Change"] == "revised"]
    assert revised[["Period", "Before", "After"]].values.tolist() == [["2021/22", "72.9", "73.4"]]
    with Store(app_db) as store:
        assert [i.file_name for i in store.imports()][-1] != "update.csv"  # the preview wrote nothing
    st.cache_resource.clear()  # release the app's connection so the check above and below can open the file
    publish = next(b for b in at.button if b.label == "Publish")
    publish.click().run()
    assert "Published update.csv as import 5: 1 new values, 1 revised" in at.success[0].value
    # The published file is let go: no second preview of it (against the data it now is) below the message.
    assert "What will change" not in [h.value for h in at.subheader]
    assert any("Nothing is written until you press Publish" in c.value for c in at.caption)
    st.cache_resource.clear()
    with Store(app_db) as store:
        record = store.imports()[-1]
        assert (record.file_name, record.user, record.new_values, record.revised_values) == (
            "update.csv",
            "a.officer",
            1,
            1,
        )


def test_large_counts_are_shown_with_thousands_separators(make_app):
    lines = ["Measure,Area,Period,Value,Polarity"]
    lines += [f"Indicator {m},Borough {a},20{10 + p}/{11 + p},{m + a + p},Higher is better"
              for m in range(10) for a in range(12) for p in range(10)]  # fmt: skip
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    at.get("file_uploader")[0].set_value(("many.csv", "\n".join(lines).encode(), "text/csv")).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["New values"] == "1,200"
    assert any("1,200 rows" in c.value for c in at.caption)
    next(b for b in at.button if b.label == "Publish").click().run()
    assert "1,200 new values" in at.success[0].value


def test_the_preview_says_what_was_assumed_in_reading_the_file(make_app):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    fingertips = (SAMPLES / "fingertips_countyua_campylobacter_93356.data.csv").read_bytes()
    at.get("file_uploader")[0].set_value(("campylobacter.csv", fingertips, "text/csv")).run()
    assert not at.exception
    [notes] = [e for e in at.expander if e.label.startswith("What was read and assumed")]
    messages = " ".join(m.value for m in notes.markdown)
    assert "Polarity of 'Campylobacter incidence rate/100,000' inferred as 'Lower is better'" in messages
    assert "will be added to the indicator library" in messages


def test_every_warning_is_shown_whatever_its_kind(make_app):
    """A table that ends at a blank row, with rows below it: the 'not read' warning is listed, as every warning is
    (a kind the page has no heading for goes under Other)."""
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    table = b"Claimant count\nArea,2021,2022\nTower Hamlets,1,2\nHackney,3,4\n\nNotes,,\nRows below,5,6\n"
    at.get("file_uploader")[0].set_value(("blank.csv", table, "text/csv")).run()
    assert not at.exception
    count = int(next(w.value for w in at.warning if "warning(s) to read" in w.value).split()[0])
    listed = [m.value for e in at.expander if not e.label.startswith("What was read") for m in e.markdown]
    assert len([m for m in listed if m.startswith("- ")]) == count
    assert any("the rows from 6 on were not read" in m for m in listed)


def test_the_file_s_notes_are_shown_as_written_never_as_markup(make_app, make_xlsx):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    hostile = "<script>alert(1)</script> **not bold** [a link](http://x.example)"
    path = make_xlsx({"Notes": [[hostile]], "Data": [["Measure", "2021/22"], ["Claimant rate", 4.1]]})
    at.get("file_uploader")[0].set_value(("notes.xlsx", path.read_bytes(), "application/octet-stream")).run()
    assert not at.exception
    [notes] = [e for e in at.expander if e.label.startswith("The file's notes, not data")]
    assert [t.value for t in notes.text] == [hostile]


def test_a_bad_file_shows_its_problems_and_cannot_be_published(make_app):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    bad = b"Measure,Period,Value\nEmployment Rate,2021/22,lots\n"
    at.get("file_uploader")[0].set_value(("bad.csv", bad, "text/csv")).run()
    assert "must be fixed before this file can be published" in at.error[0].value
    problems = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert problems[0].startswith("- **C2, column 'Value'**: ") and "'lots' is neither a number" in problems[0]
    assert not [b for b in at.button if b.label == "Publish"]


def test_an_officer_decides_a_near_match_before_publishing(make_app):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    near = b"Measure,Period,Value\nPupil progress scores in reading for KS2,2019/20,1.2\n"
    at.get("file_uploader")[0].set_value(("near.csv", near, "text/csv")).run()
    assert not [b for b in at.button if b.label == "Publish"]
    choice = at.radio(key="match:Pupil progress scores in reading for KS2")
    choice.set_value("ks2-progress-reading").run()
    assert [b for b in at.button if b.label == "Publish"]


def test_publishing_refuses_a_stale_preview(make_app, app_db):
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    at.get("file_uploader")[0].set_value(("update.csv", UPDATE, "text/csv")).run()
    from ui import caches

    # another officer publishes through the same server (the app's one connection) before this one presses Publish
    do_import(caches.store(), SAMPLES / "fingertips_lambeth_mmr1_vaccination_30309.csv")
    next(b for b in at.button if b.label == "Publish").click().run()
    assert "Other data were published after your preview was made" in at.warning[0].value
    assert caches.store().imports()[-1].file_name == "fingertips_lambeth_mmr1_vaccination_30309.csv"
    assert at.session_state["seen_version"] == caches.store().version()  # the preview shown is of the data now
    next(b for b in at.button if b.label == "Publish").click().run()  # now checked against that preview: it goes
    assert caches.store().imports()[-1].file_name == "update.csv"


def test_of_two_officers_publishing_from_the_same_preview_exactly_one_gets_through(make_store):
    """The freshness check runs inside the write's transaction: checked before it, both would pass and the second
    would publish a revision its preview never showed."""
    import threading
    import time

    store = make_store()
    preview = import_bytes(store, UPDATE, "update.csv", ImportOptions(dry_run=True, user="a"))
    other = UPDATE.replace(b"73.4", b"73.9")
    results = {}

    def publish(name: str, data: bytes) -> None:
        options = ImportOptions(user=name, expected_version=preview.version)
        results[name] = import_bytes(store, data, f"{name}.csv", options)

    threads = [threading.Thread(target=publish, args=a) for a in (("a", UPDATE), ("b", other))]
    with store.transaction():  # another write in progress: both publishes read their files, then queue for the lock
        for thread in threads:
            thread.start()
        time.sleep(3)
    for thread in threads:
        thread.join()
    won = [r for r in results.values() if r.import_id is not None]
    lost = [r for r in results.values() if r.stale]
    assert len(won) == 1 and len(lost) == 1 and lost[0].import_id is None
    assert [i.file_name for i in store.imports()[-1:]] == [won[0].file]
    assert store.version() != preview.version


def test_history_shows_imports_to_everyone_but_rollback_only_to_officers(make_app):
    viewer = make_app("pages/history.py", secrets=OFFICERS)
    assert len(viewer.dataframe[0].value) == 4
    shown = json.loads(viewer.dataframe[0].proto.columns)  # counts read 1,000,300 in the browser's locale
    assert {c: shown[c]["type_config"]["format"] for c in ("Rows", "New", "Revised", "Removed")} == dict.fromkeys(
        ("Rows", "New", "Revised", "Removed"), "localized"
    )
    assert "Officers can roll back" in viewer.caption[-1].value and not viewer.get("form")
    officer = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    officer.switch_page("pages/history.py").run()
    assert officer.get("form")


def test_an_officer_rolls_back_with_confirmation(make_app):
    from ui import caches

    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    before = caches.store().snapshot()
    do_import(caches.store(), SAMPLES.parent.parent.parent / "data" / "2021_annual_report_appendix_a.xlsx",
              mode="replace")  # fmt: skip
    at.switch_page("pages/history.py").run()
    roll = next(b for b in at.button if b.label.startswith("Roll back import 5"))
    roll.click().run()
    assert "Tick the box to confirm" in at.warning[0].value and caches.store().imports()[-1].id == 5
    at.checkbox[0].check()  # inside the form: sent with the submit below
    next(b for b in at.button if b.label.startswith("Roll back import 5")).click().run()
    assert "was rolled back as import 6" in at.success[0].value
    assert caches.store().snapshot() == before


def test_require_login_puts_every_page_behind_the_login(make_app):
    at = make_app("pages/overview.py", secrets={**OFFICERS, "require_login": True})
    assert at.header[0].value == "Tower Hamlets Plan dashboard" and not at.dataframe


def test_passwords_are_salted_and_checked_in_constant_time():
    first, second = hash_password(PASSWORD, iterations=1000), hash_password(PASSWORD, iterations=1000)
    assert first != second and verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password("nope", first) and not verify_password(PASSWORD, "garbage")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("extra", [None, "fingertips_countyua_campylobacter_93356.data.csv",
                                   "oflog_adult_social_care_by_la_2015-16_to_2022-23.csv"],
                         ids=["reference", "with-fingertips", "with-oflog"])  # fmt: skip
def test_current_data_in_the_template_layout_round_trips_losslessly(reference_store, fmt, extra):
    if extra:
        assert not do_import(reference_store, SAMPLES / extra).rejected
    data = template.rows(reference_store.framework(), reference_store.observations())
    blob = template.workbook(data) if fmt == "xlsx" else template.csv_text(data).encode()
    before = reference_store.snapshot()
    result = import_bytes(reference_store, blob, f"current.{fmt}", ImportOptions(user="tests"))
    assert not result.rejected, result.errors[:3]
    assert result.diff.count("observations", "unchanged") == len(data)
    assert set(result.diff.counts["observations"]) == {"unchanged"} and not result.new_measures
    assert reference_store.snapshot()["observations"] == before["observations"]


def test_text_that_could_start_a_formula_is_neutralised_and_restored(make_store, make_csv):
    store = make_store()
    dangerous = '=HYPERLINK("http://evil","x")'
    do_import(
        store,
        make_csv(
            f'Measure,Period,Value,Note\nEmployment Rate,2022/23,74,"{dangerous.replace(chr(34), chr(34) * 2)}"\n'
        ),
    )
    data = template.rows(store.framework(), store.observations())
    assert "'=HYPERLINK" in template.csv_text(data)
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(template.workbook(data))).active
    column = [c.value for c in sheet[1]].index("Note") + 1
    noted = [c for c in (sheet.cell(row=r, column=column) for r in range(2, sheet.max_row + 1)) if c.value]
    assert noted[0].value.startswith("'=") and noted[0].data_type == "s"
    back = import_bytes(store, template.workbook(data), "back.xlsx", ImportOptions(user="tests", dry_run=True))
    assert set(back.diff.counts["observations"]) == {"unchanged"}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_of_names_and_notes_with_quotes_and_commas_imports_back_unchanged(make_store, make_csv, fmt):
    store = make_store()
    note = 'Revised ""final"" figure, see p. 12'
    text = f'Measure,Period,Value,Note,Polarity\n"The ""Good Jobs"" rate, %",2022/23,74.1,"{note}",Higher is better\n'
    assert not do_import(store, make_csv(text)).rejected
    data = template.rows(store.framework(), store.observations())
    assert [(row["Measure"], row["Note"]) for row in data] == [
        ('The "Good Jobs" rate, %', 'Revised "final" figure, see p. 12')
    ]
    blob = template.workbook(data) if fmt == "xlsx" else template.csv_text(data).encode()
    result = import_bytes(store, blob, f"current.{fmt}", ImportOptions(user="tests"))
    assert not result.rejected, result.errors[:3]
    assert set(result.diff.counts["observations"]) == {"unchanged"} and not result.new_measures


def test_an_officer_defines_a_peer_group_and_the_borough_is_ranked_among_it(make_app, app_db):
    with Store(app_db) as store:
        assert not do_import(store, LONDON_CAMPYLOBACTER).rejected
    at = make_app("pages/upload.py", secrets=OFFICERS, login=True)
    at.switch_page("pages/compare.py")
    at.query_params["measure"] = "campylobacter-incidence-rate-100-000"
    at.run()
    form = next(t for t in at.text_input if t.label.startswith("Name"))
    form.input("Statistical neighbours <b>")
    areas = next(m for m in at.multiselect if m.label == "Areas in the group")
    areas.set_value(["Tower Hamlets", "Hackney", "Newham", "Southwark"])
    next(b for b in at.button if b.label == "Save the group").click().run()
    assert not at.exception, at.exception
    assert any("Recorded as import" in s.value and "Statistical neighbours" in s.value for s in at.success)
    with Store(app_db) as store:
        [group] = store.peer_groups()
        assert group.name == "Statistical neighbours <b>" and store.imports()[-1].kind == "peer group"
    at.query_params["group"] = "Statistical neighbours <b>"
    at.run()
    sentence = at.markdown[0].value
    assert "of 4 Statistical neighbours \\<b\\>" in sentence  # escaped: a name an officer typed is not markup
