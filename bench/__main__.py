"""The benchmarks: `.venv/bin/python -m bench` (options: --runs N, --sizes reference,scale,million,
--parts import,browser,rerun).

Every figure is the median of several runs and is reported beside a baseline measured in the same session, as a
ratio (ours / baseline), so the figures mean the same on a slower or busier machine:
- import: `python -m thplan import FILE` (the whole process) against `python -c` reading the same file with
  pandas alone (`read_csv`; `read_excel(engine="calamine", sheet_name=None)`, every sheet, as the import reads);
- browser: `streamlit run app.py` until the overview is fully drawn in Chromium (cold start), then the time from a
  filter change to the updated view, and the server's peak memory, against a bare Streamlit app (bench/bare_app.py)
  that imports the same libraries and draws one Altair chart with one filter;
- rerun: the server time of a rerun of the overview, a theme page and a measure page in Streamlit's AppTest,
  against the bare app's rerun.
Results are printed and written to bench/results/latest.json; docs/performance.md explains them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import datasets
from bench.datasets import ROOT, SIZES, Dataset, dataset, reference_db

RESULTS = ROOT / "bench" / "results"
BARE_APP = "bench/bare_app.py"
SEARCHES = ("employment", "rate", "crime", "pupils", "smoking")


@dataclass
class Figure:
    part: str
    size: str
    what: str
    ours: float
    baseline: float | None
    unit: str
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline else None

    def line(self) -> str:
        base = f"  baseline {self.baseline:9.3f} {self.unit}  ratio {self.ratio:5.2f}" if self.baseline else ""
        verdict = f"  [{self.target}: {'met' if self.met else 'NOT met'}]" if self.target else ""
        note = f"  ({self.note})" if self.note else ""
        return f"{self.part:7} {self.size:9} {self.what:44} {self.ours:9.3f} {self.unit}{base}{verdict}{note}"


def _wall(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds a whole process takes, start to exit."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout.decode()[-2000:]}\n{done.stderr.decode()}")
    return elapsed


def bench_import(ds: Dataset, runs: int) -> list[Figure]:
    figures = []
    excel = "import pandas as pd; pd.read_excel(r'{}', engine='calamine', sheet_name=None)"
    readers = [("csv", ds.csv, ds.csv_rows, "import pandas as pd; pd.read_csv(r'{}')"),
               ("xlsx", ds.xlsx, ds.xlsx_rows, excel)]  # fmt: skip
    if ds.many is not None:
        readers.append(("xlsx, each row a new measure", ds.many, ds.many_rows, excel))
    with tempfile.TemporaryDirectory() as tmp:
        for kind, path, rows, code in readers:
            ours, base = [], []
            for _ in range(runs):  # alternated, so both see the same machine
                db = Path(tmp) / "import.duckdb"
                shutil.copy(reference_db(), db)
                ours.append(_wall([sys.executable, "-m", "thplan", "import", str(path), "--db", str(db), "--user",
                                   "bench"]))  # fmt: skip
                db.unlink()
                base.append(_wall([sys.executable, "-c", code.format(path)]))
            seconds, baseline = statistics.median(ours), statistics.median(base)
            what = f"import {kind}, {rows:,} rows ({rows / seconds:,.0f} rows/s)"
            figure = Figure("import", ds.size, what, seconds, baseline, "s")
            if ds.size != "reference" and kind == "csv":
                figure.target, figure.met = ">= 50,000 rows/s", rows / seconds >= 50_000
            if ds.size == "million" and kind.startswith("xlsx"):
                figure.target, figure.met = "<= 1.5x pandas+calamine", seconds <= 1.5 * baseline
            figures.append(figure)
    return figures


def _peak_memory_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _search(page: object, term: str) -> float:
    """Type a search and press Enter; seconds until the rerun it starts has finished and the view is drawn."""
    from tests.browser import wait_for_app

    box = page.get_by_role("textbox", name="Search")  # type: ignore[attr-defined]
    box.fill(term)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(f"new URL(location.href).searchParams.get('q') === {json.dumps(term)}", timeout=120_000)  # type: ignore[attr-defined]
    wait_for_app(page, settle=False)
    return time.perf_counter() - start


def _session(browser: object, ds: Dataset, script: str, log: Path) -> tuple[float, list[float], float]:
    """One server: cold start to the first page drawn, filter changes, then pages visited; peak memory last."""
    from tests.browser import browser_tab, streamlit_process, wait_for_app

    with browser_tab(browser, 900) as page:
        start = time.perf_counter()  # from the server's start: the page exists already, as a user's browser does
        with streamlit_process(ds.db, log, script=script) as (url, process):
            page.goto(url)
            wait_for_app(page, settle=False)
            drawn = (
                "[data-testid='stDataFrame']" if script == "app.py" else "[data-testid='stVegaLiteChart'], .vega-embed"
            )
            page.wait_for_selector(drawn, timeout=120_000)
            cold = time.perf_counter() - start
            if script == "app.py":
                page.get_by_text("Filter the measures").click()
                wait_for_app(page, settle=False)
            searches = [_search(page, term) for term in SEARCHES]
            if script == "app.py":
                for path in ("theme?theme=jobs", "measure?measure=employment-rate", "compare", "report"):
                    page.goto(f"{url}/{path}")
                    wait_for_app(page, settle=False)
            memory = _peak_memory_mb(process.pid)
    return cold, searches, memory


def bench_browser(ds: Dataset, runs: int) -> list[Figure]:
    from tests.browser import chromium

    results: dict[str, list[tuple[float, list[float], float]]] = {"app.py": [], BARE_APP: []}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        for run in range(runs):
            for script in list(results)[:: 1 if run % 2 == 0 else -1]:  # alternate which goes first
                results[script].append(_session(browser, ds, script, Path(tmp) / "server.log"))
    ours, bare = results["app.py"], results[BARE_APP]
    cold, cold_bare = statistics.median(r[0] for r in ours), statistics.median(r[0] for r in bare)
    search = statistics.median(s for r in ours for s in r[1])
    search_bare = statistics.median(s for r in bare for s in r[1])
    memory, memory_bare = max(r[2] for r in ours), max(r[2] for r in bare)
    big = ds.size != "reference"
    return [
        Figure("browser", ds.size, "cold start to the overview drawn", cold, cold_bare, "s",
               "<= 1.3x bare app" if big else "", cold <= 1.3 * cold_bare if big else None),
        Figure("browser", ds.size, "filter change to the updated view", search, search_bare, "s"),
        Figure("browser", ds.size, "server peak memory (VmHWM)", memory, memory_bare, "MB",
               "< 400 MB" if big else "", memory < 400 if big else None,
               "after the overview, 5 searches, theme, measure, compare and report pages"),
    ]  # fmt: skip


def _rerun_times(at: object, runs: int, change: Callable[[object, int], None] | None = None) -> float:
    at.run()  # type: ignore[attr-defined]
    times = []
    for number in range(max(runs, 5)):
        if change is not None:
            change(at, number)
        start = time.perf_counter()
        at.run()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - start)
        if at.exception:  # type: ignore[attr-defined]
            raise RuntimeError(f"{at.exception[0].message}")  # type: ignore[attr-defined]
    return statistics.median(times)


#: A generated measure of the scale and million datasets, with values for all 35 areas.
SCALE_MEASURE = "employment-rate-scale-indicator-0001"


def bench_reruns(ds: Dataset, runs: int) -> list[Figure]:
    import streamlit as st
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    set_log_level("error")  # AppTest outside a server warns about it on every run
    os.environ["THPLAN_DB"] = str(ds.db)
    st.cache_data.clear()
    st.cache_resource.clear()

    def app(page: str, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        if page != "pages/overview.py":
            at.switch_page(page)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    def search(at: object, number: int) -> None:
        at.text_input(key="url:q").set_value(SEARCHES[number % len(SEARCHES)])  # type: ignore[attr-defined]

    def bare_search(at: object, number: int) -> None:
        at.text_input[0].set_value(SEARCHES[number % len(SEARCHES)])  # type: ignore[attr-defined]

    bare = _rerun_times(AppTest.from_file(str(ROOT / BARE_APP), default_timeout=600), runs)
    bare_change = _rerun_times(AppTest.from_file(str(ROOT / BARE_APP), default_timeout=600), runs, bare_search)
    cases = (
        ("overview", app("pages/overview.py"), None, bare),
        ("overview, search changed", app("pages/overview.py"), search, bare_change),
        ("theme page (jobs)", app("pages/theme.py", theme="jobs"), None, bare),
        ("measure page (employment-rate)", app("pages/measure.py", measure="employment-rate"), None, bare),
        ("compare page (35 areas ranked)", app("pages/compare.py", measure=SCALE_MEASURE), None, bare),
        ("spine (25 measures of 500)", app("pages/compare.py", view="theme", theme="library"), None, bare),
    )
    figures = []
    for what, at, change, base in cases:
        seconds = _rerun_times(at, runs, change)
        figures.append(Figure("rerun", ds.size, what, seconds * 1000, base * 1000, "ms", "< 150 ms", seconds < 0.150))
    return figures


PARTS: dict[str, Callable[[Dataset, int], list[Figure]]] = {
    "import": bench_import,
    "browser": bench_browser,
    "rerun": bench_reruns,
}


def machine() -> dict[str, object]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(int(memory) / 1024**2, 1),
            "python": platform.python_version(), "platform": platform.platform()}  # fmt: skip


def compiled() -> None:
    """Compile the project's modules to bytecode once, as an installed package is: on a machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) Python would otherwise compile them again in every process, a cost
    the baselines' libraries (compiled when pip installed them) do not pay."""
    import compileall

    for folder in ("thplan", "ui", "pages"):
        compileall.compile_dir(ROOT / folder, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (the median is reported)")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"comma-separated: {', '.join(SIZES)}")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated: {', '.join(PARTS)}")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--data", type=Path, default=datasets.DATA, help="where the generated datasets are kept")
    args = parser.parse_args(argv)
    datasets.DATA = args.data
    from streamlit.logger import set_log_level

    set_log_level("error")  # AppTest and caches outside a server warn about it on every run
    sizes, parts = args.sizes.split(","), args.parts.split(",")
    compiled()
    figures: list[Figure] = []
    for size in sizes:
        ds = dataset(size)
        print(f"--- {size}: {ds.observations:,} values in the database", flush=True)
        for part in parts:
            for figure in PARTS[part](ds, args.runs):
                print(figure.line(), flush=True)
                figures.append(figure)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "runs": args.runs, "figures": [asdict(f) | {"ratio": f.ratio} for f in figures]}
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    missed = [f for f in figures if f.met is False]
    print(f"Targets: {sum(f.met is True for f in figures)} met, {len(missed)} not met. Written to {args.out}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
