"""The benchmark harness runs end to end (at the reference size, one run each) and reports every figure beside its
baseline. Timings are not asserted here: they are measured by `python -m bench` and recorded in docs/performance.md."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .browser import chromium_available
from .conftest import ROOT


def test_the_benchmarks_run_and_report_each_figure_against_its_baseline(tmp_path):
    parts = "import,browser,rerun" if chromium_available() else "import,rerun"
    if not chromium_available() and os.environ.get("THPLAN_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required here (THPLAN_REQUIRE_BROWSER is set)")
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "reference", "--runs", "1", "--parts", parts, "--out", str(out),
         "--data", str(tmp_path / "data")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(out.read_text())
    figures = report["figures"]
    kinds = {(f["part"], f["what"].split(",")[0]) for f in figures}
    expected = {
        ("import", "import csv"),
        ("import", "import xlsx"),
        ("rerun", "overview"),
        ("rerun", "theme page (jobs)"),
    }
    if "browser" in parts:
        expected |= {("browser", "cold start to the overview drawn"), ("browser", "server peak memory (VmHWM)")}
    assert expected <= kinds
    assert all(f["ours"] > 0 and f["baseline"] > 0 and f["ratio"] > 0 for f in figures)
    assert report["machine"]["cores"] >= 1 and "Targets:" in done.stdout
