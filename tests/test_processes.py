"""One database file, many processes: a dashboard opens it for each page drawn and each write and lets go, so the
command line and scheduled jobs read and write it meanwhile; writes from any process are serialised and kept."""

from __future__ import annotations

import shutil
import threading
import time

from thplan.store import Store

from .conftest import do_import

REVISED = "Measure,Period,Area,Value\nEmployment Rate,2022/23,Tower Hamlets,{value}\n"


def test_the_command_line_reads_and_writes_while_a_dashboard_has_the_database(reference_db, tmp_path, run_cli):
    db = tmp_path / "shared.duckdb"
    shutil.copy(reference_db, db)
    dashboard = Store(db, hold=False)
    before = dashboard.version()
    (tmp_path / "revised.csv").write_text(REVISED.format(value=80.5))
    assert run_cli("measures", "--db", str(db)).returncode == 0
    imported = run_cli("import", str(tmp_path / "revised.csv"), "--db", str(db))
    assert imported.returncode == 0, imported.stderr
    assert run_cli("report", "--db", str(db), "--out", str(tmp_path / "report.xlsx")).returncode == 0
    assert dashboard.version() != before  # the version every cache is keyed on: the next rerun reads afresh
    latest = [o for o in dashboard.observations(["employment-rate"], areas=["Tower Hamlets"])
              if o.period.label == "2022/23"]  # fmt: skip
    assert [o.value for o in latest] == [80.5]


def test_a_command_line_import_waits_while_a_page_is_being_drawn(reference_db, tmp_path, run_cli):
    db = tmp_path / "shared.duckdb"
    shutil.copy(reference_db, db)
    dashboard = Store(db, hold=False)
    (tmp_path / "revised.csv").write_text(REVISED.format(value=81.0))
    drawing = threading.Event()

    def draw_a_slow_page() -> None:
        with dashboard.session():
            dashboard.version()
            drawing.set()
            time.sleep(2)

    page = threading.Thread(target=draw_a_slow_page)
    page.start()
    drawing.wait()
    imported = run_cli("import", str(tmp_path / "revised.csv"), "--db", str(db))
    page.join()
    assert imported.returncode == 0, imported.stderr


def test_writes_from_two_processes_at_once_are_both_kept(reference_db, tmp_path, run_cli):
    db = tmp_path / "shared.duckdb"
    shutil.copy(reference_db, db)
    dashboard = Store(db, hold=False)
    (tmp_path / "cli.csv").write_text("Measure,Period,Area,Value\nJobs growth,2022/23,Tower Hamlets,3.1\n")
    (tmp_path / "app.csv").write_text(REVISED.format(value=79.9))
    results = {}
    command = threading.Thread(target=lambda: results.update(cli=run_cli("import", str(tmp_path / "cli.csv"),
                                                                         "--db", str(db))))  # fmt: skip
    command.start()
    app = do_import(dashboard, tmp_path / "app.csv")
    command.join()
    assert results["cli"].returncode == 0, results["cli"].stderr and not app.rejected
    files = [i.file_name for i in dashboard.imports()[-2:]]
    assert sorted(files) == ["app.csv", "cli.csv"]
    stored = dashboard.observations(["employment-rate", "jobs-growth"], areas=["Tower Hamlets"])
    values = {(o.measure_id, o.period.label): o.value for o in stored}
    assert values[("employment-rate", "2022/23")] == 79.9 and values[("jobs-growth", "2022/23")] == 3.1


def test_a_rerun_served_from_the_caches_does_not_open_the_file(reference_db, tmp_path, monkeypatch):
    import thplan.store as store_module

    db = tmp_path / "shared.duckdb"
    shutil.copy(reference_db, db)
    dashboard = Store(db, hold=False)
    opened = []
    connect = store_module._connect
    monkeypatch.setattr(store_module, "_connect", lambda path: opened.append(path) or connect(path))
    first = dashboard.version()
    with dashboard.session():  # a page drawn from the caches asks the version only
        assert dashboard.version() == first
    assert len(opened) == 1
    do_import(dashboard, _write(tmp_path / "revised.csv", REVISED.format(value=82.0)))
    assert dashboard.version() != first  # a commit changes the file or its log: read again


def _write(path, text):
    path.write_text(text)
    return path
