"""The command line, run as an officer runs it: python -m thplan in a fresh process."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from thplan.listing import COLUMNS
from thplan.store import Store

from .conftest import SAMPLES, flip_bytes


def test_measures_on_a_fresh_clone_lists_the_37_classified_measures(run_cli, tmp_path):
    result = run_cli("measures")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0].keys()) == COLUMNS
    assert len(rows) == 37
    assert sum(r["kind"] == "outcome" for r in rows) == 23
    assert {r["area"] for r in rows} == {"Tower Hamlets"}
    employment = next(r for r in rows if r["measure"] == "Overall employment rate")
    assert (employment["baseline_period"], employment["baseline_value"]) == ("2017/18", "64.7")
    assert (employment["latest_period"], employment["latest_value"], employment["overall_trend"]) == (
        "2021/22",
        "72.9",
        "Improved",
    )
    assert (employment["london_value"], employment["vs_london"]) == ("74.9", "Worse")
    assert (tmp_path / "default.duckdb").exists()  # the default database was created from data/


def test_measures_as_json_and_for_every_area(run_cli):
    as_json = json.loads(run_cli("measures", "--format", "json").stdout)
    assert len(as_json) == 37 and list(as_json[0]) == list(COLUMNS)
    assert isinstance(as_json[0]["latest_value"], float) and isinstance(as_json[0]["needs_attention"], bool)
    rows = list(csv.DictReader(io.StringIO(run_cli("measures", "--area", "all").stdout)))
    assert {"Tower Hamlets", "London", "England", "Inner London"} <= {r["area"] for r in rows}
    assert len({r["measure"] for r in rows}) == 37


def test_a_db_path_that_does_not_exist_is_created_empty(run_cli, tmp_path):
    target = tmp_path / "new" / "empty.duckdb"
    target.parent.mkdir()
    result = run_cli("measures", "--db", str(target))
    assert result.returncode == 0 and result.stdout.strip() == ",".join(COLUMNS)
    with Store(target) as store:
        assert store.is_empty()


def test_import_a_report_style_workbook_into_an_empty_database(run_cli, tmp_path):
    db = tmp_path / "officer.duckdb"
    result = run_cli("import", str(SAMPLES.parent.parent.parent / "data" / "framework.xlsx"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    report = SAMPLES.parent.parent.parent / "data" / "2021_annual_report_appendix_a.xlsx"
    result = run_cli("import", str(report), "--db", str(db), "--user", "a.officer")
    assert result.returncode == 0, result.stderr
    assert "imported as import 2" in result.stdout and "185 new" in result.stdout
    assert "states '↑' for the comparison with London" in result.stdout  # the asthma inconsistency is a warning
    history = run_cli("history", "--db", str(db)).stdout
    assert "a.officer" in history and "2021_annual_report_appendix_a.xlsx" in history


def test_large_counts_are_written_with_thousands_separators(run_cli, tmp_path):
    lines = ["Measure,Area,Period,Value,Polarity"]
    lines += [f"Indicator {m},Borough {a},20{10 + p}/{11 + p},{m + a + p},Higher is better"
              for m in range(10) for a in range(12) for p in range(10)]  # fmt: skip
    upload = tmp_path / "many.csv"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("import", str(upload), "--db", str(tmp_path / "many.duckdb"))
    assert result.returncode == 0, result.stderr
    assert "table, 1,200 rows" in result.stdout and "Values: 1,200 new, 0 revised" in result.stdout


def test_a_rejected_import_exits_1_names_the_cell_and_writes_nothing(run_cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Measure,Period,Area,Value\nEmployment Rate,2017/18,Tower Hamlets,64.7\n"
        "Employment Rate,2018/19,Tower Hamlets,lots\n"
    )
    run_cli("measures")  # create the default database
    before = run_cli("history").stdout
    result = run_cli("import", str(bad))
    assert result.returncode == 1
    assert "bad.csv, row 3, column D ('Value'): 'lots' is neither a number" in result.stderr
    assert "Rejected: nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert run_cli("history").stdout == before


@pytest.mark.parametrize("second_is_bad", [False, True], ids=["both-good-both-imported", "one-bad-none-written"])
def test_several_files_are_all_checked_before_any_is_written(run_cli, tmp_path, second_is_bad):
    first = tmp_path / "first.csv"
    first.write_text("Measure,Period,Area,Value\nEmployment Rate,2022/23,Tower Hamlets,74.1\n")
    data = SAMPLES.parent.parent.parent / "data" / "2021_annual_report_appendix_a.xlsx"  # a workbook read twice
    second = tmp_path / "second.csv" if second_is_bad else data
    if second_is_bad:
        second.write_text("Measure,Period,Area,Value\nEmployment Rate,2023/24,Tower Hamlets,lots\n")
    run_cli("measures")  # create the default database
    before = run_cli("history").stdout
    result = run_cli("import", str(first), str(second))
    if second_is_bad:
        assert result.returncode == 1 and "second.csv, row 2, column D ('Value')" in result.stderr
        assert run_cli("history").stdout == before
    else:
        assert result.returncode == 0, result.stderr
        assert "first.csv (imported as import 5" in result.stdout
        assert "2021_annual_report_appendix_a.xlsx (imported as import 6" in result.stdout


def test_dry_run_prints_what_would_change_and_writes_nothing(run_cli, tmp_path):
    upload = tmp_path / "update.csv"
    upload.write_text(
        "Indicator,Year,Geography,Value\nEmployment Rate,2021/22,Tower Hamlets,73.4\n"
        "Employment Rate,2022/23,Tower Hamlets,74.0\nNew borough measure,2022/23,Tower Hamlets,5\n"
    )
    run_cli("measures")
    before = run_cli("history").stdout
    result = run_cli("import", str(upload), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "dry run, nothing written" in result.stdout
    assert "revised: employment-rate, Tower Hamlets, 2021/22: 72.9 -> 73.4" in result.stdout
    assert "new: employment-rate, Tower Hamlets, 2022/23: 74" in result.stdout
    assert "new measure: New borough measure (id new-borough-measure" in result.stdout
    assert run_cli("history").stdout == before


def test_replace_mode_lists_removals_and_rollback_restores(run_cli, tmp_path):
    upload = tmp_path / "replace.csv"
    upload.write_text("Measure,Period,Value\nEmployment Rate,2021/22,73.0\n")
    run_cli("measures")
    before = run_cli("measures").stdout
    result = run_cli("import", str(upload), "--mode", "replace")
    assert result.returncode == 0, result.stderr
    assert "removed: employment-rate, Tower Hamlets, 2017/18: 64.7 (kept in history)" in result.stdout
    assert run_cli("measures").stdout != before
    rollback = run_cli("rollback", "5")  # imports 1-4 built the default database from data/
    assert rollback.returncode == 0 and "Import 5 rolled back (recorded as import 6)" in rollback.stdout
    assert run_cli("measures").stdout == before


def test_rollback_of_an_unknown_import_is_a_clear_error(run_cli):
    result = run_cli("rollback", "42")
    assert result.returncode == 1 and "There is no import 42" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_is_a_clear_error(run_cli):
    result = run_cli("import", "no-such-file.xlsx")
    assert result.returncode == 1 and "no-such-file.xlsx: cannot read the file" in result.stderr


def test_a_database_held_by_another_process_gives_a_clear_message(run_cli, tmp_path, monkeypatch):
    db = tmp_path / "held.duckdb"
    monkeypatch.setenv("THPLAN_DB_WAIT", "0.5")  # it waits this long for the other program to let go first
    with Store(db):
        result = run_cli("measures", "--db", str(db))
    assert result.returncode == 1
    assert "is in use by another program" in result.stderr and "Traceback" not in result.stderr


def _cut_short(db: Path) -> None:
    with db.open("r+b") as file:
        file.truncate(db.stat().st_size // 2)


def _sqlite(db: Path) -> None:
    import sqlite3

    db.unlink()
    with contextlib.closing(sqlite3.connect(db)) as other:
        other.execute("CREATE TABLE t (a)")


DAMAGE = {"cut short": (_cut_short, "cannot be"), "bytes flipped": (flip_bytes, "is damaged (Corrupt database"),
          "a SQLite file": (_sqlite, "is a SQLite database, not this program's DuckDB database")}  # fmt: skip


@pytest.mark.parametrize("damage", DAMAGE, ids=DAMAGE.keys())
@pytest.mark.parametrize("command", [("history",), ("measures",), ("export", "--out", "x.xlsx")], ids=" ".join)
def test_a_damaged_database_gives_a_clear_message_and_no_partial_output(run_cli, reference_db, tmp_path, command,
                                                                        damage):  # fmt: skip
    db = tmp_path / "damaged.duckdb"
    shutil.copy(reference_db, db)
    make, message = DAMAGE[damage]
    make(db)
    result = run_cli(*command, "--db", str(db))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("Error: ") and message in result.stderr and "Traceback" not in result.stderr
    assert "Unexpected error" not in result.stderr


def test_history_of_a_measure_shows_every_version(run_cli):
    result = run_cli("history", "--measure", "ks2-progress-reading")
    lines = [line.split("\t") for line in result.stdout.splitlines()]
    th_2017 = [line for line in lines if line[0] == "Tower Hamlets" and line[1] == "2017/18"]
    assert [line[2] for line in th_2017] == ["0.8", "1.1"]
    assert th_2017[0][4] == "replaced by import 3" and th_2017[1][4] == "current"


def test_names_from_files_cannot_drive_the_terminal_or_a_spreadsheet(run_cli, tmp_path):
    """A terminal escape in a file's name or its measure's is printed escaped; a name that could start a formula is
    neutralised in the CSV listing, as in every export (numbers stay numbers)."""
    name = "jobs\x1b]0;owned\x07\x1b[31m.csv"
    path = tmp_path / name
    path.write_text('Measure,Period,Value,Polarity\n"=HYPERLINK(""http://evil"",""x"")",2021/22,5,Higher is better\n'
                    '"=HYPERLINK(""http://evil"",""x"")",2022/23,6,Higher is better\n')  # fmt: skip
    imported = run_cli("import", str(path))
    assert imported.returncode == 0, imported.stderr
    history = run_cli("history")
    for output in (imported.stdout + imported.stderr, history.stdout):
        assert "\x1b" not in output and "\x07" not in output
    assert "jobs\\x1b]0;owned\\x07\\x1b[31m.csv" in history.stdout
    listed = run_cli("measures", "--format", "csv").stdout
    assert "'=HYPERLINK" in listed and "\n=HYPERLINK" not in listed and ",=HYPERLINK" not in listed
    row = next(line for line in listed.splitlines() if "HYPERLINK" in line)
    assert ",2021/22,5,2021/22,5,2022/23,6,Improved," in row  # the values are still plain numbers


def test_a_file_over_the_limit_is_refused_before_it_is_read_into_memory(tmp_path, monkeypatch, capsys):
    from thplan import cli
    from thplan.ingest.opening import MAX_BYTES

    big = tmp_path / "big.csv"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: no disk used
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"{self} was read"))
    assert cli.main(["import", str(big), "--db", str(tmp_path / "x.duckdb")]) == 1
    assert "the file is larger than 256 MB" in capsys.readouterr().err
