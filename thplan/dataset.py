"""Where the database lives, and the embedded default a new user gets: the reference spreadsheets in data/,
loaded in publication order (the framework, the 2021 report, then the 2021-22 review replacing the series of
the measures it covers, so the 2021 figures it revised stay in the revision history)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store loads DuckDB and pandas: only when a database is opened (a quicker command line)
    from thplan.store import Store

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DB_ENV = "THPLAN_DB"
REFERENCE_USER = "reference data (data/)"

#: The reference files, in the order they are loaded, and the import mode of each.
REFERENCE_FILES: tuple[tuple[str, str], ...] = (
    ("framework.xlsx", "update"),
    ("2021_annual_report_appendix_a.xlsx", "update"),
    ("2021-22_annual_review_data_tables.xlsx", "replace"),
    ("hwb_strategy_tracker_2017.xlsx", "update"),
)


def default_db_path() -> Path:
    """`THPLAN_DB` if set, else data/thplan.duckdb."""
    return Path(os.environ.get(DB_ENV) or DATA_DIR / "thplan.duckdb")


def load_reference(store: Store, data_dir: Path = DATA_DIR) -> None:
    """Import the reference spreadsheets into `store`; any problem in them is a bug, so it raises."""
    from thplan.ingest.importer import ImportOptions, import_path  # the importer only when building: quicker start
    from thplan.store import StoreError

    for name, mode in REFERENCE_FILES:
        result = import_path(store, data_dir / name, ImportOptions(mode=mode, user=REFERENCE_USER))
        if result.rejected:
            raise StoreError(f"The reference file {name} could not be loaded:\n" + "\n".join(map(str, result.errors)))


def build_default(path: Path) -> None:
    """Create the default database from data/ in a new file, then move it into place in one step, so that a
    reader never sees a half-built database and two processes starting at once do not clash."""
    from thplan.store import Store

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.building")
    temporary.unlink(missing_ok=True)
    try:
        with Store(temporary) as store:
            load_reference(store)
        if not path.exists():
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        Path(f"{temporary}.wal").unlink(missing_ok=True)


def open_store(path: str | Path | None = None, *, hold: bool = True) -> Store:
    """Open the database at `path`; without a path, the default one, created from data/ when missing.
    A path given explicitly that does not exist yet is created empty (schema only). `hold`: see `Store`."""
    from thplan.store import Store

    if path is None:
        target = default_db_path()
        if not target.exists():
            build_default(target)
        return Store(target, hold=hold)
    return Store(Path(path), hold=hold)
