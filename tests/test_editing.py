"""An officer's edits on a measure's page: targets, leads and commentary, each recorded like an import, listed in
History, rolled back; refused with a message saying what to change; commentary history kept."""

from __future__ import annotations

from datetime import date

import pytest

from thplan.editing import EDIT, EditError, save_commentary, save_lead, save_target
from thplan.targets import Direction, Tolerance

HOSTILE = '<script>alert(1)</script> **bold** [link](http://evil.example) =HYPERLINK("x")'


def test_a_target_is_stored_for_its_period_and_recorded(reference_store):
    record = save_target(reference_store, "employment-rate", "2021-22", "75%", "1.5", "Plan refresh 2022",
                         user="officer")  # fmt: skip
    [target] = reference_store.targets()["employment-rate"]
    assert (target.period, target.value, target.direction, target.tolerance, target.source) == (
        "2021/22",
        75.0,
        None,
        Tolerance(1.5),
        "Plan refresh 2022",
    )
    assert record.kind == EDIT and record.file_name == "set the 2021/22 target of 'Overall employment rate' to 75%"


def test_a_direction_target_with_a_relative_tolerance(reference_store):
    save_target(reference_store, "employment-rate", "2021/22", "Maintain", "5%", "", user="officer")
    [target] = reference_store.targets()["employment-rate"]
    assert target.direction is Direction.MAINTAIN and target.tolerance == Tolerance(5.0, relative=True)


def test_commentary_keeps_its_earlier_versions_and_can_be_rolled_back(reference_store):
    save_commentary(reference_store, "employment-rate", "2021/22", "First draft.", user="a")
    second = save_commentary(reference_store, "employment-rate", "2021/22", "Jobs fair in May.\n\nMore in June.",
                             user="b")  # fmt: skip
    history = reference_store.commentary("employment-rate")
    assert [(c.text, c.author, c.current) for c in history] == [("Jobs fair in May.\n\nMore in June.", "b", True),
                                                                ("First draft.", "a", False)]  # fmt: skip
    assert [c.text for c in reference_store.commentary()] == ["Jobs fair in May.\n\nMore in June."]
    with reference_store.transaction() as tx:
        tx.rollback(second.id, user="c")
    assert [c.text for c in reference_store.commentary()] == ["First draft."]


def test_hostile_commentary_is_stored_as_written_never_changed(reference_store):
    save_commentary(reference_store, "employment-rate", "2021/22", HOSTILE + "\x1b[31m", user="a")
    assert reference_store.commentary()[0].text == HOSTILE  # control characters dropped, the rest as typed


def test_a_lead_is_stored(reference_store):
    save_lead(reference_store, "employment-rate", "A. Person", "WorkPath", date(2023, 3, 1), user="a")
    lead = reference_store.leads()["employment-rate"]
    assert (lead.name, lead.organisation, lead.next_update) == ("A. Person", "WorkPath", date(2023, 3, 1))


REFUSALS = [
    ("an-unknown-measure", lambda s: save_target(s, "nope", "2021/22", "75", "", "", user="a"), "no measure 'nope'"),
    ("an-unreadable-period", lambda s: save_target(s, "employment-rate", "soon", "75", "", "", user="a"),
     "period 'soon' cannot be read"),
    ("an-unreadable-target", lambda s: save_target(s, "employment-rate", "2021/22", "tbc", "", "", user="a"),
     "neither a number nor a direction"),
    ("an-unreadable-tolerance", lambda s: save_target(s, "employment-rate", "2021/22", "75", "some", "", user="a"),
     "is not a tolerance"),
    ("empty-commentary", lambda s: save_commentary(s, "employment-rate", "2021/22", "  ", user="a"),
     "Write the commentary first"),
    ("too-long-commentary", lambda s: save_commentary(s, "employment-rate", "2021/22", "x" * 5001, user="a"),
     "5,000 characters"),
]  # fmt: skip


@pytest.mark.parametrize(("edit", "message"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_an_edit_that_cannot_be_saved_is_refused_and_nothing_is_written(reference_store, edit, message):
    before = len(reference_store.imports())
    with pytest.raises(EditError, match=message):
        edit(reference_store)
    assert len(reference_store.imports()) == before


def test_what_changed_lists_new_commentary_and_a_change_of_status_against_target(reference_store):
    from datetime import UTC, datetime, timedelta

    from thplan.changes import Targets, since

    moment = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=1)
    save_target(reference_store, "employment-rate", "2021/22", "75%", "", "", user="a")
    save_commentary(reference_store, "employment-rate", "2021/22", "Jobs fairs.", user="a")
    store = reference_store
    framework = store.framework()
    targets = Targets(store.targets(moment), store.targets(), store.commentary(since=moment))
    found = since(framework, store.observations_as_of(moment), store.observations(), "Tower Hamlets", targets)
    assert [(r.measure, r.what, r.before, r.after) for r in found.reclassified] == [
        ("Overall employment rate", "vs target", "No target", "Off target")
    ]  # 72.9 against 75
    assert [(c.measure, c.period, c.text) for c in found.commentary] == [("Overall employment rate", "2021/22",
                                                                         "Jobs fairs.")]  # fmt: skip


def test_the_annual_report_carries_target_status_and_commentary_columns(reference_store):
    import io

    from openpyxl import load_workbook

    from thplan import report
    from thplan import view as views

    save_target(reference_store, "employment-rate", "2021/22", "75%", "", "", user="a")
    save_commentary(reference_store, "employment-rate", "2021/22", '=HYPERLINK("x") Jobs fairs.', user="a")
    home, offered = views.areas(reference_store)
    view = views.build(reference_store, reference_store.version(), home, offered, lambda m: {})
    tables = report.annual_tables(view.framework, view.classifications, view.series, view.comments)
    jobs = next(t for t in tables if t.theme_id == "jobs")
    row = next(r for r in jobs.rows if r.measure_id == "employment-rate")
    assert row.accountable == ("75 (2021/22)", "Off target", '=HYPERLINK("x") Jobs fairs.')
    assert jobs.header[-3:] == ["Target", "vs target", "Commentary"]
    assert not next(t for t in tables if t.theme_id == "health").with_targets  # no target there: no columns
    sheet = load_workbook(io.BytesIO(report.workbook(tables)))["Jobs"]
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    header = next(v for v in values if v and v[0] == "Measure")
    line = next(v for v in values if v and v[0] == row.measure)
    assert line[header.index("Commentary")] == '\'=HYPERLINK("x") Jobs fairs.'  # never a formula
    assert line[header.index("vs target")] == "Off target"
