"""Shared fixtures: real DuckDB files, real spreadsheets, the real command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from thplan.dataset import DATA_DIR, load_reference
from thplan.ingest.importer import ImportOptions, ImportResult, import_path
from thplan.store import Store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = FIXTURES / "samples"
SEEDS = FIXTURES / "seeds"
MADE = FIXTURES / "made"
#: The London boroughs, London and England rows of the Fingertips county and unitary authority sample.
LONDON_CAMPYLOBACTER = MADE / "fingertips_london_boroughs_campylobacter_93356.data.csv"

Cell = object  # a value, or (value, number_format)


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default database built once from data/ (copy it before changing it: see `reference_store`)."""
    path = tmp_path_factory.mktemp("reference") / "reference.duckdb"
    with Store(path) as store:
        load_reference(store)
    return path


@pytest.fixture
def reference_store(reference_db: Path, tmp_path: Path) -> Store:
    """A private copy of the reference database."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(reference_db, copy)
    store = Store(copy)
    yield store
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium for a module of browser tests (those modules skip themselves when it is not installed)."""
    from .browser import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def make_store(tmp_path: Path) -> Callable[..., Store]:
    """Factory: an empty database, optionally with the Plan's framework (catalogue) loaded."""
    stores: list[Store] = []

    def make(framework: bool = True, name: str = "test.duckdb") -> Store:
        store = Store(tmp_path / name)
        stores.append(store)
        if framework:
            result = import_path(store, DATA_DIR / "framework.xlsx", ImportOptions(user="tests"))
            assert not result.rejected, result.errors
        return store

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def make_xlsx(tmp_path: Path) -> Callable[..., Path]:
    """Factory: write a workbook from {sheet: rows}; a cell is a value or (value, number_format)."""

    def make(sheets: dict[str, Sequence[Sequence[Cell]]], name: str = "upload.xlsx") -> Path:
        book = Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            ws = book.create_sheet(title)
            for r, line in enumerate(rows, start=1):
                for c, cell in enumerate(line, start=1):
                    value, fmt = cell if isinstance(cell, tuple) else (cell, None)
                    if value is None or value == "":
                        continue
                    target = ws.cell(row=r, column=c, value=value)
                    if fmt:
                        target.number_format = fmt
        path = tmp_path / name
        book.save(path)
        return path

    return make


@pytest.fixture
def make_xls(tmp_path: Path) -> Callable[..., Path]:
    """Factory: the same workbook as `make_xlsx` writes, as an old Excel .xls (written by xlwt)."""
    import xlwt

    def make(sheets: dict[str, Sequence[Sequence[Cell]]], name: str = "upload.xls") -> Path:
        book = xlwt.Workbook()
        for title, rows in sheets.items():
            ws = book.add_sheet(title)
            for r, line in enumerate(rows):
                for c, cell in enumerate(line):
                    value, fmt = cell if isinstance(cell, tuple) else (cell, None)
                    if value is None or value == "":
                        continue
                    if isinstance(value, datetime):
                        fmt = fmt or "dd/mm/yyyy"
                    ws.write(r, c, value, xlwt.easyxf(num_format_str=fmt) if fmt else xlwt.Style.default_style)
        path = tmp_path / name
        book.save(str(path))
        return path

    return make


@pytest.fixture
def make_csv(tmp_path: Path) -> Callable[..., Path]:
    def make(text: str, name: str = "upload.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return make


def do_import(store: Store, path: Path, **options: object) -> ImportResult:
    return import_path(store, path, ImportOptions(user="tests", **options))  # type: ignore[arg-type]


def stored_values(store: Store, result: ImportResult) -> dict[tuple[str, str, str, str], object]:
    """What an import stored: (measure as the file names it, area, period, breakdown) -> value or missing reason."""
    names = {measure_id: name for name, measure_id in result.matched.items()}
    return {
        (names[o.measure_id], o.area, o.period.label, o.breakdown.label): o.value if o.value is not None else o.missing
        for o in store.observations(list(names))
    }


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m thplan` in a subprocess, as an officer would, with its own default database path."""

    def run(*args: str, db_env: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "THPLAN_DB": str(db_env or tmp_path / "default.duckdb"), "PYTHONPATH": str(ROOT)}
        env.pop("THPLAN_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "thplan", *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )

    return run


def flip_bytes(path: Path) -> None:
    """Damage inside a database file, as a failing disk does: DuckDB's block checksums no longer match."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        for at in range(size // 3, 2 * size // 3, 7 * 4096):
            file.seek(at)
            file.write(bytes(range(64)))
