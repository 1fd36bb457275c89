"""Imports, revision history and rollback on real files in a real DuckDB database."""

from __future__ import annotations

import contextlib
import gc
import re
import shutil
from dataclasses import replace
from datetime import UTC, date, datetime

import duckdb
import pandas as pd
import pytest

from thplan.analysis import classify_measures
from thplan.breakdown import Breakdown
from thplan.dataset import DATA_DIR
from thplan.observation import Observation, Source
from thplan.period import NOT_STATED, Period, PeriodKind
from thplan.store import SCHEMA_VERSION, Payload, RollbackConflict, Store, StoreError

from .conftest import do_import

PCT1 = "0.0%"


def tidy(rows: list[tuple[str, str, str, object]]) -> list[list[object]]:
    return [["Measure", "Period", "Area", "Value"], *[list(r) for r in rows]]


def values(store: Store, measure_id: str, area: str = "Tower Hamlets") -> dict[str, float | None]:
    return {o.period.label: o.value for o in store.observations([measure_id], [area])}


def test_a_new_database_has_a_versioned_schema_and_no_imports(make_store):
    store = make_store(framework=False)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.is_empty() and store.imports() == []


def test_an_import_is_recorded_with_who_what_and_a_checksum(make_store, make_xlsx):
    store = make_store()
    path = make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "Tower Hamlets", 64.7)])})
    result = do_import(store, path)
    record = store.import_record(result.import_id)
    assert record.user == "tests" and record.file_name == "upload.xlsx" and record.mode == "update"
    assert len(record.sha256) == 64 and record.rows == 1 and record.new_values == 1 and record.measures_touched == 1


def test_update_adds_and_revises_and_keeps_the_old_value_as_a_revision(make_store, make_xlsx):
    store = make_store()
    first = make_xlsx(
        {"Data": tidy([("Employment Rate", "2017/18", "", 64.7), ("Employment Rate", "2018/19", "", 73.0)])},
        "first.xlsx",
    )
    second = make_xlsx(
        {"Data": tidy([("Employment Rate", "2018/19", "", 73.5), ("Employment Rate", "2019/20", "", 71.8)])},
        "second.xlsx",
    )
    do_import(store, first)
    result = do_import(store, second)
    assert result.diff.count("observations", "revised") == 1 and result.diff.count("observations", "new") == 1
    assert values(store, "employment-rate") == {"2017/18": 64.7, "2018/19": 73.5, "2019/20": 71.8}
    history = store.value_history("employment-rate")
    versions = history[history["period"] == "2018/19"][["value", "valid_from", "valid_to"]].values.tolist()
    assert versions[0][:2] == [73.0, 1 + 1] and versions[0][2] == result.import_id
    assert versions[1][0] == 73.5 and versions[1][1] == result.import_id


def test_update_never_deletes_blank_cells_nor_lets_a_marker_overwrite_a_number(make_store, make_xlsx):
    store = make_store()
    do_import(
        store,
        make_xlsx(
            {"Data": tidy([("Employment Rate", "2017/18", "", 64.7), ("Employment Rate", "2018/19", "", 73.0)])},
            "a.xlsx",
        ),
    )
    result = do_import(
        store,
        make_xlsx(
            {
                "Data": tidy(
                    [("Employment Rate", "2017/18", "", "Data not published"), ("Employment Rate", "2019/20", "", None)]
                )
            },
            "b.xlsx",
        ),
    )
    assert result.diff.count("observations", "kept") == 1
    assert values(store, "employment-rate") == {"2017/18": 64.7, "2018/19": 73.0}


def test_replace_makes_the_series_the_files_and_keeps_what_it_removes_in_history(make_store, make_xlsx):
    store = make_store()
    do_import(
        store,
        make_xlsx(
            {
                "Data": tidy(
                    [
                        ("Employment Rate", "2017/18", "", 64.7),
                        ("Employment Rate", "2018/19", "", 73.0),
                        ("Employment Rate", "2018/19", "London", 75.0),
                    ]
                )
            },
            "a.xlsx",
        ),
    )
    result = do_import(
        store, make_xlsx({"Data": tidy([("Employment Rate", "2018/19", "", 73.1)])}, "b.xlsx"), mode="replace"
    )
    assert result.diff.count("observations", "removed") == 1
    assert values(store, "employment-rate") == {"2018/19": 73.1}
    assert values(store, "employment-rate", "London") == {"2018/19": 75.0}  # another area: untouched
    removed = store.value_history("employment-rate", "Tower Hamlets")
    assert removed[removed["period"] == "2017/18"]["valid_to"].tolist() == [result.import_id]


def test_rollback_restores_exactly_the_state_before_the_import(reference_store):
    before = reference_store.snapshot()
    result = do_import(reference_store, DATA_DIR / "2021_annual_report_appendix_a.xlsx", mode="replace")
    assert not result.rejected and reference_store.snapshot() != before
    with reference_store.transaction() as tx:
        record = tx.rollback(result.import_id, user="officer")
    assert reference_store.snapshot() == before
    assert record.kind == "rollback" and record.rolls_back == result.import_id and record.user == "officer"
    assert reference_store.import_record(result.import_id).rolled_back_by == record.id


def test_rolling_back_a_rollback_redoes_the_import(reference_store):
    result = do_import(reference_store, DATA_DIR / "2021_annual_report_appendix_a.xlsx", mode="replace")
    after = reference_store.snapshot()
    with reference_store.transaction() as tx:
        undo = tx.rollback(result.import_id, user="officer")
    with reference_store.transaction() as tx:
        tx.rollback(undo.id, user="officer")
    assert reference_store.snapshot() == after


def test_the_reference_load_can_be_rolled_back_to_the_2021_report(reference_store):
    review = next(i.id for i in reference_store.imports() if i.file_name.startswith("2021-22_annual_review"))
    with reference_store.transaction() as tx:
        tx.rollback(review, user="officer")
    assert values(reference_store, "ks2-progress-reading") == {"2017/18": 0.8, "2018/19": 1.1, "2019/20": 1.3}


def test_rollback_refuses_when_a_later_import_changed_the_same_values(make_store, make_xlsx):
    store = make_store()
    first = do_import(store, make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "", 64.7)])}, "a.xlsx"))
    do_import(store, make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "", 65.0)])}, "b.xlsx"))
    before = store.snapshot()
    with pytest.raises(RollbackConflict, match="later imports"), store.transaction() as tx:
        tx.rollback(first.import_id, user="officer")
    assert store.snapshot() == before and len(store.imports()) == 3


def test_rollback_of_an_unknown_or_rolled_back_import_is_refused(make_store, make_xlsx):
    store = make_store()
    result = do_import(store, make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "", 64.7)])}))
    with pytest.raises(StoreError, match="no import 99"), store.transaction() as tx:
        tx.rollback(99, user="officer")
    with store.transaction() as tx:
        tx.rollback(result.import_id, user="officer")
    with pytest.raises(StoreError, match="already rolled back"), store.transaction() as tx:
        tx.rollback(result.import_id, user="officer")


def test_a_refused_import_writes_nothing(reference_store, make_xlsx):
    before, imports = reference_store.snapshot(), reference_store.imports()
    bad = make_xlsx(
        {"Data": tidy([("Employment Rate", "2017/18", "", 64.7), ("Employment Rate", "2018/19", "", "sixty")])}
    )
    result = do_import(reference_store, bad)
    assert result.rejected and result.import_id is None
    assert reference_store.snapshot() == before and reference_store.imports() == imports


def test_a_dry_run_reports_the_changes_and_writes_nothing(reference_store, make_xlsx):
    before, imports = reference_store.snapshot(), reference_store.imports()
    path = make_xlsx({"Data": tidy([("Employment Rate", "2021/22", "", 73.4), ("Employment Rate", "2022/23", "", 74)])})
    result = do_import(reference_store, path, dry_run=True)
    assert not result.rejected and result.import_id is None
    revised = result.changes("revised")
    assert revised[["period", "old_value", "value"]].values.tolist() == [["2021/22", 72.9, 73.4]]
    assert result.changes("new")["period"].tolist() == ["2022/23"]
    assert reference_store.snapshot() == before and reference_store.imports() == imports


def test_a_failure_inside_an_import_transaction_leaves_nothing_behind(reference_store, make_xlsx, monkeypatch):
    before, imports = reference_store.snapshot(), reference_store.imports()
    import thplan.ingest.importer as importer

    def explode(*args, **kwargs):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(importer, "_check_stated", explode)  # runs after the rows are written, before commit
    with pytest.raises(RuntimeError):
        do_import(reference_store, make_xlsx({"Data": tidy([("Employment Rate", "2021/22", "", 80.0)])}))
    assert reference_store.snapshot() == before and reference_store.imports() == imports


def test_a_full_disk_is_said_plainly_and_nothing_is_written(reference_store, make_xlsx, monkeypatch):
    """DuckDB reports a full disk on the write that failed, then 'Current transaction is aborted' on the next one:
    the officer is told the first, in words."""
    before, imports = reference_store.snapshot(), reference_store.imports()
    import thplan.ingest.importer as importer

    def disk_full(*args, **kwargs):
        raise duckdb.IOException('Could not write file "app.duckdb.wal": No space left on device')

    monkeypatch.setattr(importer, "_check_stated", disk_full)
    result = do_import(reference_store, make_xlsx({"Data": tidy([("Employment Rate", "2021/22", "", 80.0)])}))
    assert result.rejected and result.import_id is None
    assert "is full (or the file too large): nothing was written" in str(result.errors[0])
    assert reference_store.snapshot() == before and reference_store.imports() == imports


OUTCOMES = {"written": (64.7, None), "refused": ("sixty", None), "failed after writing": (64.7, RuntimeError)}


@pytest.mark.parametrize(("value", "raised"), OUTCOMES.values(), ids=OUTCOMES.keys())
def test_the_garbage_collector_is_paused_during_an_import_and_runs_again_after_it(
    make_store, make_xlsx, monkeypatch, value, raised
):
    import thplan.ingest.importer as importer

    store, paused = make_store(), []

    def check_stated(*args):  # runs after the rows are written, before commit
        paused.append(not gc.isenabled())
        if raised:
            raise raised("disk unplugged")

    monkeypatch.setattr(importer, "_check_stated", check_stated)
    with pytest.raises(raised) if raised else contextlib.nullcontext():
        result = do_import(store, make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "", value)])}))
        assert result.rejected == (value == "sixty")
    assert gc.isenabled()
    assert paused == ([] if value == "sixty" else [True])


def test_the_import_history_is_kept_across_reopening(tmp_path, make_xlsx):
    path = tmp_path / "reopen.duckdb"
    with Store(path) as store:
        do_import(store, DATA_DIR / "framework.xlsx")
        do_import(store, make_xlsx({"Data": tidy([("Employment Rate", "2017/18", "", 64.7)])}))
    with Store(path) as store:
        assert [i.file_name for i in store.imports()] == ["framework.xlsx", "upload.xlsx"]
        assert values(store, "employment-rate") == {"2017/18": 64.7}


def test_classification_reads_the_current_state(reference_store):
    [employment] = classify_measures(
        reference_store.framework(), reference_store.observations(), measure_ids=["employment-rate"]
    )
    assert (employment.overall.start.value, employment.overall.end.value) == (64.7, 72.9)


def test_a_large_diff_lists_a_bounded_sample_but_counts_everything(make_store, make_csv, monkeypatch):
    import thplan.store as store_module

    monkeypatch.setattr(store_module, "DIFF_ROWS", 5)
    lines = ["Measure,Area,Period,Value,Polarity"]
    lines += [f"Indicator {m},Borough {a},20{10 + p}/{11 + p},{m + a + p},Higher is better"
              for m in range(3) for a in range(4) for p in range(3)]  # fmt: skip
    store = make_store()
    result = do_import(store, make_csv("\n".join(lines) + "\n"))
    diff = result.diff
    assert not result.rejected and diff.counts["observations"] == {"new": 36}
    assert len(diff.observations) == 5 and not diff.listed_all()
    assert diff.measures == ("indicator-0", "indicator-1", "indicator-2")
    record = store.import_record(result.import_id)
    assert (record.new_values, record.measures_touched) == (36, 3)
    assert len(store.observations(["indicator-0", "indicator-1", "indicator-2"])) == 36


def test_a_payload_naming_one_key_twice_keeps_its_last_row(make_store):
    from thplan.store import Payload, themes_frame
    from thplan.theme import Theme

    store = make_store(framework=False)
    twice = themes_frame([Theme("jobs", "Jobs, first reading"), Theme("jobs", "Good jobs and employment")])
    with store.transaction() as tx:
        _, diff = tx.write(Payload(themes=twice), mode="update", meta={"user": "tests", "file_name": "x", "sha256": ""})
    assert diff.count("themes", "new") == 1
    assert [t.name for t in store.framework().themes] == ["Good jobs and employment"]


@pytest.mark.parametrize("mode", ["update", "replace"])
def test_new_values_are_written_and_listed_alike_whether_or_not_stored_values_share_their_series(
    make_store, make_csv, mode
):
    """Values no stored series shares are diffed as a view over the file's rows; sharing one takes the join."""
    lines = ["Measure,Area,Period,Value,Polarity"]
    lines += [f"Indicator {m},Borough {a},20{10 + p}/{11 + p},{m + a + p}.5,Higher is better"
              for m in range(2) for a in range(2) for p in range(2)]  # fmt: skip
    upload = make_csv("\n".join(lines) + "\n", "upload.csv")
    earlier = make_csv(
        "Measure,Area,Period,Value,Polarity\nIndicator 0,Borough 0,2009/10,1,Higher is better\n", "e.csv"
    )
    alone, shared = make_store(name="alone.duckdb"), make_store(name="shared.duckdb")
    do_import(shared, earlier)
    first, joined = do_import(alone, upload, mode=mode), do_import(shared, upload, mode=mode)
    assert first.diff.counts["observations"] == {"new": 8}
    assert joined.diff.counts["observations"] == {"new": 8, **({"removed": 1} if mode == "replace" else {})}
    new = joined.diff.observations[joined.diff.observations["status"] == "new"].reset_index(drop=True)
    pd.testing.assert_frame_equal(first.diff.observations, new)
    assert values(alone, "indicator-1", "Borough 1") == values(shared, "indicator-1", "Borough 1") == {
        "2010/11": 2.5, "2011/12": 3.5
    }  # fmt: skip


def test_a_database_file_cut_short_is_refused_with_a_message_naming_it(reference_db, tmp_path):
    db = tmp_path / "cut.duckdb"
    shutil.copy(reference_db, db)
    with db.open("r+b") as file:
        file.truncate(db.stat().st_size // 2)
    unreadable = rf"The database {re.escape(str(db))} cannot be (read|opened)"
    with pytest.raises(StoreError, match=unreadable), Store(db) as store:
        store.framework(), store.observations()


FY19 = Period("2019/20", PeriodKind.FINANCIAL, date(2019, 4, 1), date(2020, 3, 31))
ROLLING = Period("2017-19", PeriodKind.ROLLING, date(2017, 1, 1), date(2019, 12, 31))
EVERY_FIELD = Observation(
    measure_id="employment-rate", area="Tower Hamlets", period=FY19, value=64.25, decimals=2, missing=None,
    note="Provisional", footnote="a", series_break=True, covers=ROLLING, lower_ci=61.5, upper_ci=67.0, count=321.0,
    denominator=500.0, flags=("estimated", "small sample"), context_period="2021/22",
    breakdown=Breakdown("Persons", "0-9 yrs", "Deprivation deciles", "Most deprived decile"),
    source=Source("upload.xlsx", "Jobs", "D7"),
)  # fmt: skip
STORED_AS_READ = {
    "every-field-set": EVERY_FIELD,
    "a-missing-value-and-nothing-else": Observation(
        "employment-rate", "London", FY19, None, 0, "not available", source=Source("upload.csv", "", "")
    ),
    "a-label-holding-the-period-key-separator": replace(
        EVERY_FIELD, area="England", period=replace(FY19, label="2019/20\x1frevised"), covers=None
    ),
    "a-figure-whose-period-is-not-stated": Observation(
        "employment-rate",
        "London",
        NOT_STATED,
        74.9,
        1,
        context_period="2021/22",
        source=Source("review.xlsx", "Jobs", "I4"),
    ),
}


@pytest.mark.parametrize("batch_rows", [100_000, 1], ids=["one-batch", "a-batch-per-row"])
@pytest.mark.parametrize("name", STORED_AS_READ)
def test_every_field_of_an_observation_reads_back_as_written(make_store, monkeypatch, name, batch_rows):
    store = make_store(framework=False)
    monkeypatch.setattr("thplan.store._BATCH_ROWS", batch_rows)
    written = STORED_AS_READ[name]
    twin = replace(written, area=f"{written.area} (twin)")  # the same periods in the next row (and batch)
    write_observations(store, [written, twin])
    now = datetime.now(UTC).replace(tzinfo=None)
    for read in (store.observations(), store.observations_as_of(now)):
        assert read == sorted([written, twin], key=lambda o: o.area)  # compared field by field, source apart
        assert [o.source for o in read] == [written.source] * 2
        assert read[0].period is read[1].period  # each distinct period is built once, across batches too
        assert read[0].breakdown is read[1].breakdown  # and each breakdown


# A payload gives a value's cell by its row and column as Excel numbers them; it is read back as its reference.
CELL_REFERENCES = {
    "first-cell": (1, 1, "A1"), "last-single-letter": (10, 26, "Z10"), "first-two-letters": (100, 27, "AA100"),
    "AZ": (1, 52, "AZ1"), "last-two-letters": (1, 702, "ZZ1"), "first-three-letters": (1, 703, "AAA1"),
    "the-last-cell-of-a-sheet": (1_048_576, 16_384, "XFD1048576"),
}  # fmt: skip


@pytest.mark.parametrize(("row", "column", "reference"), CELL_REFERENCES.values(), ids=CELL_REFERENCES.keys())
def test_a_cell_s_row_and_column_read_back_as_its_reference(make_store, row, column, reference):
    store = make_store(framework=False)
    write_frame(store, observations_frame([EVERY_FIELD]).assign(source_row=row, source_column=column))
    assert [o.source for o in store.observations()] == [Source("upload.xlsx", "Jobs", reference)]


@pytest.mark.parametrize("column", ["period_kind", "period_end", "covers_start"])
def test_a_period_without_its_kind_or_dates_is_a_message_not_a_missing_period(make_store, column):
    store = make_store(framework=False)
    write_observations(store, [EVERY_FIELD])
    store.close()
    with duckdb.connect(str(store.path)) as con:  # as a damaged database would hold it
        con.execute(f"UPDATE observations SET {column} = NULL")
    label = "2017-19" if column.startswith("covers") else "2019/20"
    with Store(store.path) as reopened, pytest.raises(StoreError, match=f"the period '{label}' without its kind"):
        reopened.observations()


def test_columns_a_payload_leaves_out_are_stored_empty(make_store):
    store = make_store(framework=False)
    bare = Observation("employment-rate", "London", FY19, 70.5, 1, source=Source("upload.csv", "", ""))
    written = observations_frame([replace(EVERY_FIELD, area="England"), bare])
    left_out = ["missing", "note", "footnote", "covers", "covers_kind", "covers_start", "covers_end", "lower_ci",
                "upper_ci", "count", "denominator", "flags", "sex", "age", "category_type", "category",
                "context_period"]  # fmt: skip
    write_frame(store, written.iloc[:1])
    write_frame(store, written.iloc[1:].drop(columns=left_out))
    assert store.observations() == [replace(EVERY_FIELD, area="England"), bare]


BREAKDOWNS = {
    "sex-age-and-category": Breakdown("Persons", "0-9 yrs", "Deprivation deciles", "Most deprived decile"),
    "a-category-of-a-type-alone": Breakdown(category_type="Ethnic groups", category="Asian"),
    "a-category-named-like-a-sex": Breakdown(category="Male"),
    "none": Breakdown(),
}


@pytest.mark.parametrize("breakdown", BREAKDOWNS.values(), ids=BREAKDOWNS.keys())
def test_a_breakdown_reads_back_as_its_parts_not_as_its_label_reads(make_store, breakdown):
    store = make_store(framework=False)
    write_observations(store, [replace(EVERY_FIELD, breakdown=breakdown)])
    write_observations(store, [replace(EVERY_FIELD, area="London", breakdown=breakdown)])  # the label stored already
    assert [o.breakdown for o in store.observations()] == [breakdown, breakdown]


def as_schema_2(path) -> None:
    """Rewrite a database as schema 2 stored it: no breakdowns, and a figure whose period its source does not state
    filed under its table's latest period, marked period_stated = FALSE."""
    with duckdb.connect(str(path)) as con:
        con.execute("ALTER TABLE observations ADD COLUMN period_stated BOOLEAN DEFAULT TRUE")
        con.execute("""UPDATE observations SET period_stated = FALSE, period = context_period,
                       period_kind = 'financial',
                       period_start = make_date(CAST(left(context_period, 4) AS INTEGER), 4, 1),
                       period_end = make_date(CAST(left(context_period, 4) AS INTEGER) + 1, 3, 31)
                       WHERE period_kind = 'not stated'""")
        for column in ("breakdown", "context_period"):
            con.execute(f"ALTER TABLE observations DROP COLUMN {column}")
        con.execute("DROP TABLE breakdowns")
        con.execute("ALTER TABLE measures DROP COLUMN breakdown")
        con.execute("ALTER TABLE measures DROP COLUMN report_name")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def as_schema_1(path, cells: list[str]) -> None:
    """Rewrite a database as schema 1 stored it: schema 2, with each observation's cell as its reference text."""
    as_schema_2(path)
    with duckdb.connect(str(path)) as con:
        con.execute("ALTER TABLE observations ADD COLUMN source_cell VARCHAR")
        for rowid, cell in zip(
            con.execute("SELECT rowid FROM observations ORDER BY area").fetchall(), cells, strict=True
        ):
            con.execute("UPDATE observations SET source_cell = ? WHERE rowid = ?", [cell, rowid[0]])
        con.execute("ALTER TABLE observations DROP COLUMN source_row")
        con.execute("ALTER TABLE observations DROP COLUMN source_column")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")


SCHEMA_1_CELLS = {
    "references-become-numbers": ["D7", "XFD1048576", "AA10", ""],
    "an-unreadable-reference-refuses-and-changes-nothing": ["D7", "B2", "D4:E5", ""],
}


@pytest.mark.parametrize("cells", SCHEMA_1_CELLS.values(), ids=SCHEMA_1_CELLS.keys())
def test_a_schema_1_database_is_upgraded_keeping_every_cell(make_store, cells):
    store = make_store(framework=False)
    plain = replace(EVERY_FIELD, breakdown=Breakdown(), context_period=None)  # schema 1 had neither
    written = [replace(plain, area=f"Area {n}", source=Source("upload.xlsx", "Jobs", c)) for n, c in enumerate(cells)]
    write_observations(store, written)
    store.close()
    as_schema_1(store.path, cells)
    if "D4:E5" in cells:
        with pytest.raises(StoreError, match=r"holds the cell reference 'D4:E5'.*nothing was changed"):
            Store(store.path)
        with duckdb.connect(str(store.path)) as con:
            assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("1",)
            assert sorted(c or "" for (c,) in con.execute("SELECT source_cell FROM observations").fetchall()) == sorted(
                cells
            )
        return
    with Store(store.path) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        assert upgraded.observations() == written  # compared field by field, source apart
        assert [o.source.cell for o in upgraded.observations()] == cells


def write_observations(store: Store, observations: list[Observation]) -> None:
    """Observations written straight through the store's interface, as an import writes them."""
    write_frame(store, observations_frame(observations))


def observations_frame(observations: list[Observation]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"measure_id": o.measure_id, "area": o.area, "period": o.period.label, "period_kind": o.period.kind.value,
          "period_start": o.period.start, "period_end": o.period.end, "value": o.value, "decimals": o.decimals,
          "missing": o.missing, "note": o.note, "footnote": o.footnote, "series_break": o.series_break,
          "covers": o.covers and o.covers.label, "covers_kind": o.covers and o.covers.kind.value,
          "covers_start": o.covers and o.covers.start, "covers_end": o.covers and o.covers.end,
          "lower_ci": o.lower_ci, "upper_ci": o.upper_ci, "count": o.count, "denominator": o.denominator,
          "flags": "; ".join(o.flags) or None, "breakdown": o.breakdown.label, "sex": o.breakdown.sex or None,
          "age": o.breakdown.age or None, "category_type": o.breakdown.category_type or None,
          "category": o.breakdown.category or None, "context_period": o.context_period, "source_file": o.source.file,
          "source_sheet": o.source.sheet, **cell_numbers(o.source.cell)} for o in observations]
    )  # fmt: skip


def cell_numbers(reference: str) -> dict[str, int | None]:
    """'D7' -> row 7, column 4 (as a payload gives a cell); '' -> none."""
    found = re.fullmatch(r"([A-Z]+)([0-9]+)", reference)
    if found is None:
        return {"source_row": None, "source_column": None}
    column = 0
    for letter in found.group(1):
        column = column * 26 + ord(letter) - 64
    return {"source_row": int(found.group(2)), "source_column": column}


def write_frame(store: Store, frame: pd.DataFrame) -> None:
    with store.transaction() as tx:
        tx.write(Payload(observations=frame), mode="update", meta={"user": "tests", "file_name": "t", "sha256": ""})


def test_a_schema_2_database_files_its_guessed_benchmark_periods_as_not_stated(reference_db, tmp_path):
    db = tmp_path / "v2.duckdb"
    shutil.copy(reference_db, db)
    with Store(db) as store:
        fresh = store.observations()
    as_schema_2(db)  # as the earlier version stored it: each undated figure under its table's latest period
    with duckdb.connect(str(db)) as con:
        guessed = con.execute("SELECT count(*) FROM observations WHERE NOT period_stated").fetchone()[0]
    assert guessed > 60
    with Store(db) as upgraded:
        assert upgraded.schema_version() == SCHEMA_VERSION
        assert upgraded.observations() == fresh  # field by field: periods, context, values
        assert f"{guessed} figures whose source gave no period" in upgraded.upgrade_notes[0]
        record = upgraded.imports()[-1]
        assert record.kind == "upgrade" and record.revised_values == guessed
        with pytest.raises(StoreError, match="cannot be rolled back"), upgraded.transaction() as tx:
            tx.rollback(record.id, user="tests")
    with Store(db) as again:
        assert again.upgrade_notes == [] and again.observations() == fresh  # upgraded once


def test_an_upgrade_ends_a_guessed_figure_where_the_next_began(make_store, tmp_path):
    """Update mode could leave two undated figures of one area current, filed under different guessed years."""
    store = make_store(framework=False)
    first = replace(EVERY_FIELD, area="London", period=NOT_STATED, covers=None, context_period="2019/20", value=75.1,
                    breakdown=Breakdown())  # fmt: skip
    write_observations(store, [first])
    write_observations(store, [replace(first, value=74.9, context_period="2021/22")])
    store.close()
    # Schema 2 had them under 2019/20 and 2021/22: two current rows.
    with duckdb.connect(str(store.path)) as con:
        con.execute("UPDATE observations SET valid_to = NULL")
    as_schema_2(store.path)
    with Store(store.path) as upgraded:
        [current] = upgraded.observations()
        assert (current.value, current.context_period) == (74.9, "2021/22")
        history = upgraded.value_history("employment-rate", "London")
        versions = [[v, int(f), None if pd.isna(t) else int(t)] for v, f, t in
                    history[["value", "valid_from", "valid_to"]].values.tolist()]  # fmt: skip
        assert versions == [[75.1, 1, 2], [74.9, 2, None]]
        assert any("now ends where the later one began" in note for note in upgraded.upgrade_notes)
