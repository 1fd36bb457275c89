"""The datasets the benchmarks run on, built once into bench/.data (ignored by git) and reused while current.

Each size has a database for the dashboard and files to import:
- reference: the bundled reference data (data/*.xlsx, built as the app builds it); its files to import are the
  2021-22 review workbook (report-style) and the reference data exported as a tidy CSV;
- scale: the reference data plus 35 areas x 500 measures x 20 years (about 350,000 values); files: that tidy CSV
  (350,000 rows) and the same values as a report-style workbook (17,500 rows);
- million: the reference data plus 1,000,300 values; files: that tidy CSV and a 100,000-row report-style workbook
  of 1,000,300 values (2,858 measures x 35 areas x 10 years).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.scale import SCALES, Scale, write_csv, write_report_xlsx

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
SIZES = ("reference", "scale", "million")
#: Bump when the generator changes, so stale files are rebuilt (4: databases of schema 3, breakdowns and figures
#: whose period is not stated).
GENERATION = "5"


@dataclass(frozen=True)
class Dataset:
    size: str
    db: Path
    csv: Path
    csv_rows: int
    xlsx: Path
    xlsx_rows: int
    observations: int
    #: A report-style workbook whose every row is a measure new to the database (the million size only).
    many: Path | None = None
    many_rows: int = 0


def _thplan(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "thplan", *args], cwd=ROOT, check=True, capture_output=True)


def reference_db() -> Path:
    """The reference database, built from data/ exactly as the app builds its default database."""
    target = DATA / f"reference-{GENERATION}.duckdb"
    if not target.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        from thplan.dataset import load_reference
        from thplan.store import Store

        with Store(target) as store:
            load_reference(store)
    return target


def _count_rows(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle) - 1


def _generated(scale: Scale, kind: str) -> Path:
    path = DATA / f"{scale.name}-{GENERATION}.{kind}"
    if not path.exists():
        (write_csv if kind == "csv" else write_report_xlsx)(scale, path)
    return path


def dataset(size: str) -> Dataset:
    """The database and import files of one size (built on first use)."""
    reference = reference_db()
    if size == "reference":
        csv = DATA / f"reference-{GENERATION}.csv"
        if not csv.exists():
            _thplan("export", "--out", str(csv), "--db", str(reference))
        xlsx = ROOT / "data" / "2021-22_annual_review_data_tables.xlsx"
        return Dataset(size, reference, csv, _count_rows(csv), xlsx, _report_rows(xlsx), _values_in(reference))
    scale = SCALES[size]
    wide = SCALES["million-wide"] if size == "million" else scale
    csv, xlsx = _generated(scale, "csv"), _generated(wide, "xlsx")
    db = DATA / f"{size}-{GENERATION}.duckdb"
    if not db.exists():
        partial = db.with_suffix(".partial")
        shutil.copy(reference, partial)
        _thplan("import", str(csv), "--db", str(partial), "--user", "bench")
        partial.rename(db)
    many = SCALES["many-measures"]
    extra = {"many": _generated(many, "xlsx"), "many_rows": many.series_count} if size == "million" else {}
    return Dataset(size, db, csv, scale.observations, xlsx, wide.series_count, _values_in(db), **extra)


def _values_in(db: Path) -> int:
    from thplan.store import Store

    with Store(db) as store:
        return sum(store.area_counts().values())


def _report_rows(path: Path) -> int:
    """Measure rows of a report-style workbook (what the importer reports as rows read)."""
    from thplan.framework import Framework
    from thplan.ingest.parsed import Parsed
    from thplan.ingest.reader import read_grids
    from thplan.ingest.report import read_report_tables

    parsed = Parsed(path.name)
    for grid in read_grids(path.read_bytes(), path.name):
        read_report_tables(grid, parsed, Framework(), "Tower Hamlets")
    return parsed.rows
