"""Safety under load and faults: concurrent publishers, a killed process, and the database never left between
states."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from thplan.ingest.importer import ImportOptions, import_bytes
from thplan.store import Store

from .conftest import ROOT, do_import


def _csv(measure: str, value: float, periods: int = 20, areas: int = 30) -> bytes:
    lines = ["Measure,Period,Area,Value,Polarity"]
    for a in range(areas):
        for y in range(2000, 2000 + periods):
            lines.append(f"{measure},{y}/{(y + 1) % 100:02d},Area {a},{value + a + y % 7:.1f},Higher is better")
    return ("\n".join(lines) + "\n").encode()


def test_two_officers_publishing_at_once_are_served_one_after_the_other(reference_store):
    before = len(reference_store.imports())
    errors: list[BaseException] = []

    def publish(measure: str) -> None:
        try:
            result = import_bytes(reference_store, _csv(measure, 10), f"{measure}.csv", ImportOptions(user=measure))
            assert not result.rejected
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=publish, args=(f"Concurrent {n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    records = reference_store.imports()[before:]
    assert sorted(r.user for r in records) == [f"Concurrent {n}" for n in range(4)]
    assert [r.id for r in records] == list(range(before + 1, before + 5))
    assert all(r.new_values == 600 for r in records)
    for n in range(4):
        measure = reference_store.framework().find_measure(f"Concurrent {n}")
        assert measure is not None and len(reference_store.observations([measure.id])) == 600


HOLD_TRANSACTION = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {root!r})
    from thplan.ingest.importer import ImportOptions, import_path
    import thplan.ingest.importer as importer
    from thplan.store import Store

    def stall(*args, **kwargs):  # called inside the import's transaction, after every row is written
        print("written", flush=True)
        time.sleep(120)

    importer._check_stated = stall
    store = Store({db!r})
    import_path(store, {file!r}, ImportOptions(user="killed"))
    """
)


def test_a_process_killed_in_the_middle_of_a_publish_leaves_the_state_before_it(reference_db, tmp_path):
    db, upload = tmp_path / "kill.duckdb", tmp_path / "big.csv"
    shutil.copy(reference_db, db)
    upload.write_bytes(_csv("Killed measure", 5, periods=20, areas=200))
    with Store(db) as store:
        before, imports = store.snapshot(), store.imports()
    script = HOLD_TRANSACTION.format(root=str(ROOT), db=str(db), file=str(upload))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == "written"
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    with Store(db) as store:
        assert store.snapshot() == before and store.imports() == imports


@pytest.mark.parametrize("delay", [0.4, 0.8, 1.1, 1.3, 1.5, 1.7, 2.5])
def test_a_killed_command_line_import_leaves_the_state_before_or_after_it(reference_db, tmp_path, delay):
    db, upload = tmp_path / "kill.duckdb", tmp_path / "big.csv"
    shutil.copy(reference_db, db)
    upload.write_bytes(_csv("Killed measure", 5, periods=20, areas=150))
    with Store(db) as store:
        before, imports = store.snapshot(), store.imports()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "thplan", "import", str(upload), "--db", str(db)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    with Store(db) as store:
        after = store.imports()
        if after == imports:
            assert store.snapshot() == before  # killed before the commit: nothing of it is there
        else:
            assert len(after) == len(imports) + 1 and after[-1].new_values == 3000  # committed: all of it is there
            measure = store.framework().find_measure("Killed measure")
            assert measure is not None and len(store.observations([measure.id])) == 3000


def test_a_refused_file_during_concurrent_publishing_changes_nothing(reference_store, tmp_path):
    before = reference_store.snapshot()
    bad = tmp_path / "bad.csv"
    bad.write_text("Measure,Period,Value\nEmployment Rate,2021/22,lots\n")
    assert do_import(reference_store, bad).rejected
    assert reference_store.snapshot() == before
