"""The store: the only module that speaks SQL.

Every table of facts is versioned: a row is valid from the import that wrote it until the import that replaced
or removed it (`valid_from`, `valid_to`; the current state is `valid_to IS NULL`). Nothing is ever deleted, so
the revision history of every value is the table itself, and rolling back an import is two statements per table.
An import or rollback is one transaction: all of it is stored or none of it.

The interface is narrow (open, read the framework and observations, write a payload, roll back, read history) so
that a shared PostgreSQL server can replace the embedded DuckDB file when several app servers run.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from thplan.breakdown import PARTS, Breakdown, from_label
from thplan.delivery import Item, Status, Tracker
from thplan.framework import Framework, Settings
from thplan.gcpause import paused_gc
from thplan.measure import Kind, Measure, Unit
from thplan.observation import Observation, Source
from thplan.outcome import Outcome
from thplan.peers import PeerGroup
from thplan.period import NOT_STATED, Period, PeriodKind
from thplan.polarity import Polarity
from thplan.rowkeys import repeated_keys, row_keys
from thplan.targets import Comment, Direction, Lead, Target, Tolerance
from thplan.theme import Theme

#: 2: an observation's cell is stored as its row and column numbers, not as 'D4'.
#: 3: a figure whose source states no period is stored as 'period not stated' (schema 2 filed it under its table's
#: latest period, marked period_stated = FALSE); observations have breakdowns; measures a headline breakdown.
SCHEMA_VERSION = 3


class StoreError(Exception):
    """A problem with the database that the user can act on (message is user-facing)."""


class RollbackConflict(StoreError):
    """Later imports changed what the import to roll back wrote."""


@dataclass(frozen=True)
class Table:
    name: str
    keys: tuple[str, ...]
    data: tuple[tuple[str, str], ...]  # (column, SQL type)
    provenance: tuple[tuple[str, str], ...] = ()
    #: In replace mode, everything a file gives for these key columns replaces what is stored for them.
    scope: tuple[str, ...] = ()
    #: Columns whose previous value a diff reports beside the new one (old_<column>).
    compared: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        return [*self.keys, *(c for c, _ in self.data), *(c for c, _ in self.provenance)]


SETTINGS = Table("settings", ("key",), (("value", "VARCHAR"),))
THEMES = Table(
    "themes",
    ("id",),
    (("name", "VARCHAR"), ("short_name", "VARCHAR"), ("board", "VARCHAR"), ("priorities", "VARCHAR"),
     ("description", "VARCHAR"), ("position", "INTEGER")),
)  # fmt: skip
OUTCOMES = Table("outcomes", ("id",), (("theme_id", "VARCHAR"), ("name", "VARCHAR"), ("position", "INTEGER")))
MEASURES = Table(
    "measures",
    ("id",),
    (("name", "VARCHAR"), ("theme_id", "VARCHAR"), ("outcome_id", "VARCHAR"), ("kind", "VARCHAR"),
     ("polarity", "VARCHAR"), ("unit", "VARCHAR"), ("period_type", "VARCHAR"), ("aliases", "VARCHAR"),
     ("definition", "VARCHAR"), ("notes", "VARCHAR"), ("source", "VARCHAR"), ("tolerance", "DOUBLE"),
     ("comparison", "VARCHAR"), ("position", "INTEGER"), ("breakdown", "VARCHAR"), ("report_name", "VARCHAR")),
)  # fmt: skip
OBSERVATIONS = Table(
    "observations",
    ("measure_id", "area", "period", "breakdown"),
    (("period_kind", "VARCHAR"), ("period_start", "DATE"), ("period_end", "DATE"), ("value", "DOUBLE"),
     ("decimals", "INTEGER"), ("missing", "VARCHAR"), ("note", "VARCHAR"), ("footnote", "VARCHAR"),
     ("series_break", "BOOLEAN"), ("covers", "VARCHAR"), ("covers_kind", "VARCHAR"), ("covers_start", "DATE"),
     ("covers_end", "DATE"), ("lower_ci", "DOUBLE"), ("upper_ci", "DOUBLE"), ("count", "DOUBLE"),
     ("denominator", "DOUBLE"), ("flags", "VARCHAR")),
    # Where a value was read, and (for a figure whose source states no period) the latest period of its table:
    # not compared, so a later file repeating the same undated figure changes nothing.
    (("source_file", "VARCHAR"), ("source_sheet", "VARCHAR"), ("source_row", "INTEGER"), ("source_column", "INTEGER"),
     ("context_period", "VARCHAR")),
    scope=("measure_id", "area", "breakdown"),
    compared=("value", "missing", "decimals"),
)  # fmt: skip
TRACKERS = Table(
    "trackers",
    ("id",),
    (("title", "VARCHAR"), ("period_start", "DATE"), ("period_end", "DATE"), ("as_at", "DATE"),
     ("theme_id", "VARCHAR")),
)  # fmt: skip
TRACKER_ITEMS = Table(
    "tracker_items",
    ("tracker_id", "id"),
    (("kind", "VARCHAR"), ("title", "VARCHAR"), ("parent", "VARCHAR"), ("people", "VARCHAR"), ("deadline", "DATE"),
     ("item_status", "VARCHAR"), ("percent", "INTEGER"), ("comments", "VARCHAR"), ("position", "INTEGER")),
    (("source_file", "VARCHAR"), ("source_sheet", "VARCHAR"), ("source_cell", "VARCHAR")),
    scope=("tracker_id",),
    compared=("item_status", "percent"),
)  # fmt: skip
#: Peer groups an officer defines in the app (statistical neighbours...): their areas as a JSON list; a group
#: saved with no areas is deleted.
PEER_GROUPS = Table("peer_groups", ("id",), (("name", "VARCHAR"), ("description", "VARCHAR"), ("members", "VARCHAR")))
#: A measure's target for a period (the home area's): a value or a direction, with a tolerance (an amount, or a
#: share of the target when `tolerance_relative`).
TARGETS = Table(
    "targets",
    ("measure_id", "period"),
    (("value", "DOUBLE"), ("decimals", "INTEGER"), ("direction", "VARCHAR"), ("tolerance", "DOUBLE"),
     ("tolerance_relative", "BOOLEAN"), ("source", "VARCHAR")),
    compared=("value", "direction"),
)  # fmt: skip
#: What is being done about a measure, per period; earlier versions stay in the table (valid_to set) and are shown.
COMMENTARY = Table("commentary", ("measure_id", "period"),
                   (("text", "VARCHAR"), ("author", "VARCHAR"), ("written", "TIMESTAMP")))  # fmt: skip
LEADS = Table("leads", ("measure_id",), (("name", "VARCHAR"), ("organisation", "VARCHAR"), ("next_update", "DATE")))
TABLES = (SETTINGS, THEMES, OUTCOMES, MEASURES, OBSERVATIONS, TRACKERS, TRACKER_ITEMS, PEER_GROUPS, TARGETS,
          COMMENTARY, LEADS)  # fmt: skip
_BY_NAME = {t.name: t for t in TABLES}


@dataclass(frozen=True)
class ImportRecord:
    id: int
    at: datetime
    user: str
    file_name: str
    sha256: str
    mode: str
    kind: str
    rows: int
    measures_touched: int
    new_values: int
    revised_values: int
    removed_values: int
    unchanged_values: int
    rolls_back: int | None
    rolled_back_by: int | None
    summary: dict[str, Any]


@dataclass(frozen=True)
class Payload:
    """What an import writes: rows for each versioned table (DataFrames with that table's key columns and any of
    its other columns; a column left out is stored empty). An observation's cell is its `source_row` and
    `source_column`, numbered as Excel numbers them (D4 is row 4, column 4); it is read back as its reference."""

    settings: pd.DataFrame | None = None
    themes: pd.DataFrame | None = None
    outcomes: pd.DataFrame | None = None
    measures: pd.DataFrame | None = None
    observations: pd.DataFrame | None = None
    trackers: pd.DataFrame | None = None
    tracker_items: pd.DataFrame | None = None
    peer_groups: pd.DataFrame | None = None
    targets: pd.DataFrame | None = None
    commentary: pd.DataFrame | None = None
    leads: pd.DataFrame | None = None

    def frames(self) -> Iterator[tuple[Table, pd.DataFrame]]:
        for table in TABLES:
            frame = getattr(self, table.name)
            if frame is not None and len(frame):
                yield table, frame


#: A diff lists at most this many rows of each status (the counts are always complete).
DIFF_ROWS = 2000


@dataclass(frozen=True)
class Diff:
    """What a write changed, per table: counts of each status, and a frame of keys with status and old/new values
    holding at most DIFF_ROWS rows per status (every series break among them) so a million-row import stays cheap.
    `measures` lists every measure whose values changed."""

    observations: pd.DataFrame
    counts: dict[str, dict[str, int]]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    measures: tuple[str, ...] = ()

    def count(self, table: str, status: str) -> int:
        return self.counts.get(table, {}).get(status, 0)

    def listed_all(self, table: str = "observations") -> bool:
        """Whether the frame holds every row of the diff (false when a status had more than DIFF_ROWS)."""
        return all(n <= DIFF_ROWS for n in self.counts.get(table, {}).values())


def _ddl() -> list[str]:
    statements = [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE IF NOT EXISTS imports (
            id INTEGER PRIMARY KEY, imported_at TIMESTAMP NOT NULL, user_name VARCHAR NOT NULL,
            file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, mode VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            row_count INTEGER NOT NULL,
            measures_touched INTEGER NOT NULL, new_values INTEGER NOT NULL, revised_values INTEGER NOT NULL,
            removed_values INTEGER NOT NULL, unchanged_values INTEGER NOT NULL, rolls_back INTEGER,
            rolled_back_by INTEGER, summary VARCHAR NOT NULL)""",
        # A breakdown's parts, by the label its values are stored under: a few rows, where four columns of a
        # million values each cost the million-value workbook's import (docs/performance.md) a tenth of a second.
        f"CREATE TABLE IF NOT EXISTS breakdowns (label VARCHAR PRIMARY KEY, {' VARCHAR, '.join(PARTS)} VARCHAR)",
    ]
    for table in TABLES:
        cols = [f"{k} VARCHAR NOT NULL" for k in table.keys]
        cols += [f"{c} {t}" for c, t in (*table.data, *table.provenance)]
        cols += ["valid_from INTEGER NOT NULL", "valid_to INTEGER"]
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({', '.join(cols)})")
    return statements


#: DuckDB's memory ceiling (it spills to disk beyond it); its default, 80% of the machine, would let one large
#: import grow the dashboard's process by gigabytes. Below about 640 MB, DuckDB's insert of a million rows waits on
#: its buffers and takes twice as long (the million-value workbook's target in docs/performance.md needs this).
MEMORY_ENV, MEMORY_DEFAULT = "THPLAN_DB_MEMORY", "768MB"


#: How long to wait for a database that another process is using (an import from the command line, a dashboard's
#: page being drawn) before saying it is in use.
WAIT_ENV, WAIT_DEFAULT = "THPLAN_DB_WAIT", 60.0


def _not_duckdb(path: Path) -> str | None:
    """Why an existing file is not a DuckDB database (its header has no DUCK mark), or None."""
    try:
        with path.open("rb") as file:
            head = file.read(16)
    except OSError:
        return None  # missing (it will be created) or unreadable (DuckDB says why)
    if not head or head[8:12] == b"DUCK":
        return None
    kind = "a SQLite database" if head.startswith(b"SQLite format 3") else "not a database this program wrote"
    return f"The file {path} is {kind}, not this program's DuckDB database. Give the path of the .duckdb file."


def _damage(path: Path, exc: duckdb.Error) -> StoreError | None:
    """The user's message for what DuckDB raises on a damaged file or a full disk; None for anything else."""
    text = str(exc).lower()
    if "checksum" in text or "corrupt" in text:
        return StoreError(f"The database {path} is damaged ({str(exc).split(':')[0]}). Restore it from a backup.")
    if "no space left" in text or "disk is full" in text or "file too large" in text:
        return StoreError(f"The disk holding {path} is full (or the file too large): nothing was written. Free "
                          "some space and try again.")  # fmt: skip
    return None


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to the file; while another process has it open, tried again until THPLAN_DB_WAIT seconds pass
    (DuckDB lets one process at a time open a file for writing, and says so at once)."""
    if reason := _not_duckdb(path):
        raise StoreError(reason)
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False,
              "memory_limit": os.environ.get(MEMORY_ENV) or MEMORY_DEFAULT}  # fmt: skip
    deadline = time.monotonic() + float(os.environ.get(WAIT_ENV) or WAIT_DEFAULT)
    pause = 0.01
    while True:
        try:
            return duckdb.connect(str(path), config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(f"The database {path} cannot be opened: {exc}") from exc
            if time.monotonic() > deadline:
                raise StoreError(
                    f"The database {path} is in use by another program (a long import, or a program that keeps it "
                    "open). Try again when it has finished."
                ) from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.2)
        except duckdb.Error as exc:
            raise _damage(path, exc) or StoreError(f"The database {path} cannot be opened: {exc}") from exc


UPGRADE_USER = "schema upgrade"


class Store:
    """A DuckDB database of the Plan's framework, observations and import history."""

    def __init__(self, path: str | Path, *, hold: bool = True, _con: duckdb.DuckDBPyConnection | None = None) -> None:
        """`hold`: keep the file open until `close` (a command, a test). A dashboard passes False: it opens the file
        for each read, write or `session` and lets go, so that other processes can use it in between."""
        self.path = Path(path)
        #: What opening it upgraded (an older schema's data moved to the new layout), in words; else empty.
        self.upgrade_notes: list[str] = []
        self._con = _con if _con is not None else _connect(self.path) if hold else None
        self._tx: duckdb.DuckDBPyConnection | None = None
        self._write_lock = threading.Lock()
        self._local = threading.local()  # a session's connection, for the thread that opened it
        self._seen: tuple[tuple[int, ...], tuple[int, int]] | None = None  # version() at a stamp of the file
        if _con is None:
            self._migrate()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- plumbing -----------------------------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[None]:
        """Within the block (one page drawn), this thread's reads and writes share one opening of the file, made at
        the first of them (a page served from the caches opens nothing), and let go at the end."""
        if self._con is not None or getattr(self._local, "session", False):
            yield
            return
        self._local.session, self._local.con = True, None
        try:
            yield
        finally:
            con, self._local.con, self._local.session = self._local.con, None, False
            if con is not None:
                con.close()

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The held connection, this thread's session's (opened now if it is the first), or one for this
        operation alone."""
        if self._con is not None:
            yield self._con
            return
        if getattr(self._local, "session", False):
            if self._local.con is None:
                self._local.con = _connect(self.path)
            yield self._local.con
            return
        con = _connect(self.path)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        try:
            if self._tx is not None:
                yield self._tx
                return
            with self._connection() as con, con.cursor() as cur:
                yield cur
        except duckdb.Error as exc:  # a damaged or truncated file opens, then fails where it is read
            if damage := _damage(self.path, exc):
                raise damage from exc
            if isinstance(exc, duckdb.IOException):
                raise StoreError(f"The database {self.path} cannot be read ({exc}). It may be damaged: restore it "
                                 "from a backup.") from exc  # fmt: skip
            raise

    def _migrate(self) -> None:
        with self._cursor() as cur:
            _run(cur, "BEGIN")
            for statement in _ddl():
                _run(cur, statement)
            row = _first(cur, "SELECT value FROM meta WHERE key = 'schema_version'")
            if row is None:
                _run(cur, "INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            elif int(row[0]) > SCHEMA_VERSION:
                _run(cur, "ROLLBACK")
                raise StoreError(
                    f"The database {self.path} was written by a newer version of this program "
                    f"(schema {row[0]}; this version reads {SCHEMA_VERSION}). Upgrade the program."
                )
            else:
                if int(row[0]) == 1:
                    self._cells_as_numbers(cur)
                if int(row[0]) <= 2:
                    self.upgrade_notes = self._undated_and_breakdowns(cur)
                _run(cur, "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
            _run(cur, "COMMIT")

    def _cells_as_numbers(self, cur: duckdb.DuckDBPyConnection) -> None:
        """Schema 1 to 2: each observation's cell reference ('D4') becomes its row and column numbers (a
        million-row import writes numbers a fifth faster than unique texts), in the transaction of the schema check."""
        odd = _first(cur, f"SELECT source_cell FROM observations WHERE coalesce(source_cell, '') <> '' AND NOT "
                          f"regexp_full_match(source_cell, '{_A1}') LIMIT 1")  # fmt: skip
        if odd is not None:
            _run(cur, "ROLLBACK")
            raise StoreError(f"The database {self.path} holds the cell reference '{odd[0]}', which this version "
                             "cannot convert to its new layout; nothing was changed. Restore a backup.")  # fmt: skip
        letters = f"regexp_extract(source_cell, '{_A1}', 1)"
        digits = [f"(ascii(substr({letters}, {k}, 1)) - 64)" for k in (1, 2, 3)]
        number = (f"CASE length({letters}) WHEN 1 THEN {digits[0]} WHEN 2 THEN {digits[0]} * 26 + {digits[1]} "
                  f"WHEN 3 THEN ({digits[0]} * 26 + {digits[1]}) * 26 + {digits[2]} END")  # fmt: skip
        for statement in (
            "ALTER TABLE observations ADD COLUMN source_row INTEGER",
            "ALTER TABLE observations ADD COLUMN source_column INTEGER",
            f"UPDATE observations SET source_row = TRY_CAST(regexp_extract(source_cell, '{_A1}', 2) AS INTEGER), "
            f"source_column = {number}",
            "ALTER TABLE observations DROP COLUMN source_cell",
        ):
            _run(cur, statement)

    def _undated_and_breakdowns(self, cur: duckdb.DuckDBPyConnection) -> list[str]:
        """Schema 2 to 3: observations and measures get their breakdown columns, and every figure that schema 2
        filed under its table's latest period because its source stated none (period_stated = FALSE, which the
        readers set for exactly those) becomes 'period not stated', its guessed period kept as its context.
        Returns what was done, in words, for the command line and the server's log; recorded as an import."""
        for statement in (
            "ALTER TABLE observations ADD COLUMN breakdown VARCHAR DEFAULT ''",
            "ALTER TABLE observations ALTER COLUMN breakdown SET NOT NULL",
            "ALTER TABLE observations ADD COLUMN context_period VARCHAR",
            "ALTER TABLE measures ADD COLUMN breakdown VARCHAR DEFAULT ''",
            "ALTER TABLE measures ADD COLUMN report_name VARCHAR",
        ):  # fmt: skip
            _run(cur, statement)
        undated = "period_stated = FALSE"
        per_import = _run(cur, f"""SELECT o.valid_from, i.file_name, count(*) FROM observations o
                                  JOIN imports i ON i.id = o.valid_from WHERE {undated}
                                  GROUP BY ALL ORDER BY 1""")  # fmt: skip
        notes: list[str] = []
        # One import giving one area two different undated figures for a measure (two tables): which one is the
        # area's figure cannot be known, so both stay where they were filed, with a note saying so.
        clashes = _run(cur, f"""SELECT measure_id, area, valid_from, string_agg(coalesce(CAST(value AS VARCHAR),
                                missing) || ' under ' || period, ', ' ORDER BY period_end) FROM observations
                                WHERE {undated} GROUP BY measure_id, area, valid_from
                                HAVING count(DISTINCT (value, missing)) > 1""")  # fmt: skip
        for measure_id, area, import_id, figures in clashes:
            _run(cur, f"""UPDATE observations SET period_stated = TRUE, note = concat_ws('; ', note, ?)
                         WHERE {undated} AND measure_id = ? AND area = ? AND valid_from = ?""",
                 ["Its source states no period: an earlier version filed it under its table's latest period, and "
                  "the same import gave another figure with no period", measure_id, area, import_id])  # fmt: skip
            notes.append(
                f"{measure_id}, {area}: import {import_id} gave two different figures with no period "
                f"({figures}); they are left under those periods, each with a note. Check them."
            )
        # The same figure twice in one import (two tables): one copy is kept, the one of the latest table.
        repeats = _first(cur, f"""SELECT count(*) FROM (SELECT rowid, row_number() OVER (PARTITION BY measure_id,
                                  area, valid_from ORDER BY period_end DESC) AS n FROM observations WHERE {undated})
                                  WHERE n > 1""")  # fmt: skip
        _run(cur, f"""DELETE FROM observations WHERE rowid IN (SELECT rowid FROM (SELECT rowid, row_number() OVER
                     (PARTITION BY measure_id, area, valid_from ORDER BY period_end DESC) AS n FROM observations
                     WHERE {undated}) WHERE n > 1)""")  # fmt: skip
        if repeats and repeats[0]:
            notes.append(
                f"{repeats[0]} repeated copies of a figure with no period (the same import, the same "
                "figure in two tables) were merged into one."
            )
        # Figures filed under different guessed years could be current at once; now one slot, each ends where
        # the next began (the history keeps both).
        overlapping = _first(cur, f"""SELECT count(*) FROM (SELECT valid_to, lead(valid_from) OVER (PARTITION BY
                                     measure_id, area ORDER BY valid_from) AS next_from FROM observations
                                     WHERE {undated}) WHERE next_from IS NOT NULL AND (valid_to IS NULL OR
                                     valid_to > next_from)""")  # fmt: skip
        _run(cur, f"""UPDATE observations o SET valid_to = c.next_from FROM (SELECT rowid AS r, lead(valid_from)
                     OVER (PARTITION BY measure_id, area ORDER BY valid_from) AS next_from FROM observations
                     WHERE {undated}) c WHERE o.rowid = c.r AND c.next_from IS NOT NULL AND (o.valid_to IS NULL OR
                     o.valid_to > c.next_from)""")  # fmt: skip
        if overlapping and overlapping[0]:
            notes.append(
                f"{overlapping[0]} of them had been current at the same time as a later figure with no "
                "period for the same measure and area; each now ends where the later one began."
            )
        moved = _first(cur, f"SELECT count(*), count(DISTINCT measure_id) FROM observations WHERE {undated}")
        _run(cur, f"""UPDATE observations SET context_period = period, period = '{NOT_STATED.label}',
                     period_kind = '{NOT_STATED.kind.value}', period_start = ?, period_end = ? WHERE {undated}""",
             [NOT_STATED.start, NOT_STATED.end])  # fmt: skip
        _run(cur, "ALTER TABLE observations DROP COLUMN period_stated")
        if not per_import:
            return notes
        counts = "; ".join(f"{n} from import {i} ({name})" for i, name, n in per_import)
        notes.insert(
            0,
            f"{moved[0] if moved else 0} figures whose source gave no period, which an earlier version "
            f"had filed under their table's latest period, are now stored as '{NOT_STATED.label}' with "
            f"that period kept as context ({counts}). Figures with a stated period are unchanged.",
        )
        at = datetime.now(UTC).replace(tzinfo=None)
        _run(cur, "INSERT INTO imports VALUES (?, ?, ?, ?, '', 'upgrade', 'upgrade', 0, ?, 0, ?, ?, 0, NULL, NULL, ?)",
             [self._next_import_id(cur), at, UPGRADE_USER, f"database upgrade to schema {SCHEMA_VERSION}",
              moved[1] if moved else 0, moved[0] if moved else 0, repeats[0] if repeats else 0,
              json.dumps({"notes": notes})])  # fmt: skip
        return notes

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One unit of work: commits when the block ends, rolls back if it raises (or calls `Abort`)."""
        with self._write_lock, self._connection() as con, con.cursor() as cur:
            view = Store(self.path, _con=con)
            view._tx = cur
            _run(cur, "BEGIN TRANSACTION")
            try:
                yield view
            except Abort:
                _run(cur, "ROLLBACK")
                return
            except BaseException as exc:
                with suppress(duckdb.Error):  # a failed write may have ended the transaction already
                    _run(cur, "ROLLBACK")
                if isinstance(exc, duckdb.Error) and (damage := _damage(self.path, exc)):
                    raise damage from exc
                raise
            try:
                _run(cur, "COMMIT")
            except duckdb.Error as exc:
                failed = StoreError(f"The database {self.path} could not save the change ({exc}); nothing was written.")
                raise _damage(self.path, exc) or failed from exc

    # -- reads --------------------------------------------------------------------------------------------------

    def schema_version(self) -> int:
        with self._cursor() as cur:
            row = _first(cur, "SELECT value FROM meta WHERE key = 'schema_version'")
        return int(row[0]) if row else 0

    def version(self) -> tuple[int, int]:
        """Changes whenever an import or rollback commits: (latest import id, number of imports)."""
        # Every page's rerun asks. A store that lets go of the file reads it again only when the file or its
        # write-ahead log has changed (any process's commit changes one of them): opening the file costs more than
        # the rest of a rerun served from the caches (docs/performance.md).
        stamp = self._stamp() if self._con is None else None
        if stamp is not None and self._seen is not None and self._seen[0] == stamp:
            return self._seen[1]
        with self._cursor() as cur:
            row = _first(cur, "SELECT coalesce(max(id), 0), count(*) FROM imports")
        version = (int(row[0]), int(row[1])) if row else (0, 0)
        self._seen = (stamp, version) if stamp is not None else None
        return version

    def _stamp(self) -> tuple[int, ...]:
        """When the file and its write-ahead log were last changed, and their sizes."""
        stamp: tuple[int, ...] = ()
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                info = path.stat()
                stamp += (info.st_mtime_ns, info.st_size)
            except OSError:
                stamp += (0, 0)
        return stamp

    def is_empty(self) -> bool:
        with self._cursor() as cur:
            row = _first(cur, "SELECT count(*) FROM imports")
        return not row or row[0] == 0

    def _current(self, table: Table, order: str = "") -> pd.DataFrame:
        with self._cursor() as cur:
            cols = ", ".join(table.columns)
            sql = f"SELECT {cols} FROM {table.name} WHERE valid_to IS NULL {order}"
            return cur.execute(sql).df()

    def settings(self) -> Settings:
        stored = {r.key: r.value for r in self._current(SETTINGS).itertuples()}
        defaults = Settings()
        return Settings(
            objective=stored.get("objective", defaults.objective),
            baseline=stored.get("baseline", defaults.baseline),
            home_area=stored.get("home_area", defaults.home_area),
        )

    def framework(self) -> Framework:
        themes = tuple(
            Theme(r.id, r.name, r.board or "", r.short_name or "", tuple(json.loads(r.priorities or "[]")),
                  r.description or "", int(r.position or 0))
            for r in self._current(THEMES, "ORDER BY position, id").itertuples()
        )  # fmt: skip
        outcomes = tuple(
            Outcome(r.id, r.theme_id or "", r.name, int(r.position or 0))
            for r in self._current(OUTCOMES, "ORDER BY position, id").itertuples()
        )
        measures = tuple(_measure(r) for r in self._current(MEASURES, "ORDER BY position, id").to_dict("records"))
        return Framework(self.settings(), themes, outcomes, measures)

    def observations(
        self, measure_ids: Sequence[str] | None = None, areas: Sequence[str] | None = None
    ) -> list[Observation]:
        sql, params = self._observations_sql(measure_ids, areas)
        with self._cursor() as cur, paused_gc():
            return _observations_of(cur, cur.sql(sql, params=params))

    @staticmethod
    def _observations_sql(measure_ids: Sequence[str] | None, areas: Sequence[str] | None) -> tuple[str, list[Any]]:
        where, params = ["valid_to IS NULL"], []
        if measure_ids is not None:
            where.append("list_contains(?, measure_id)")
            params.append(list(measure_ids))
        if areas is not None:
            where.append("list_contains(?, area)")
            params.append(list(areas))
        where_sql = " AND ".join(where)
        sql = f"SELECT {_read_columns()} FROM observations WHERE {where_sql} ORDER BY measure_id, area, period_end"
        return sql, params

    def observations_as_of(self, moment: datetime, areas: Sequence[str] | None = None) -> list[Observation]:
        """The observations as they stood at a moment (UTC): what the dashboard showed then (optionally only for
        some areas)."""
        sql = f"""
            SELECT {_read_columns("o.")} FROM observations o
            JOIN imports f ON f.id = o.valid_from
            LEFT JOIN imports t ON t.id = o.valid_to
            WHERE f.imported_at <= ? AND (o.valid_to IS NULL OR t.imported_at > ?)
              AND (? IS NULL OR list_contains(?, o.area))
            ORDER BY o.measure_id, o.area, o.period_end"""
        chosen = list(areas) if areas is not None else None
        with self._cursor() as cur, paused_gc():
            return _observations_of(cur, cur.sql(sql, params=[moment, moment, chosen, chosen]))

    def area_counts(self) -> dict[str, int]:
        """Each area with current values, and how many, most first."""
        with self._cursor() as cur:
            rows = _run(cur, "SELECT area, count(*) n FROM observations WHERE valid_to IS NULL "
                        "GROUP BY area ORDER BY n DESC, area")  # fmt: skip
        return {str(area): int(n) for area, n in rows}

    def measure_areas(self) -> dict[str, tuple[str, ...]]:
        """Each measure's areas with current values."""
        with self._cursor() as cur:
            rows = _run(cur, "SELECT measure_id, list(DISTINCT area ORDER BY area) FROM observations "
                        "WHERE valid_to IS NULL GROUP BY measure_id")  # fmt: skip
        return {str(m): tuple(areas) for m, areas in rows}

    def trackers(self) -> list[Tracker]:
        frame = self._current(TRACKERS, "ORDER BY title")
        return [
            Tracker(r["id"], r["title"], _none(r["period_start"]) and _date(r["period_start"]),
                    _none(r["period_end"]) and _date(r["period_end"]), _date(r["as_at"]), _none(r["theme_id"]) or "")
            for r in frame.to_dict("records")
        ]  # fmt: skip

    def peer_groups(self) -> list[PeerGroup]:
        """The peer groups officers have defined (not the built-in ones), by name."""
        frame = self._current(PEER_GROUPS, "ORDER BY name")
        groups = [(r["id"], r["name"], r["description"] or "", json.loads(r["members"] or "[]"))
                  for r in frame.to_dict("records")]  # fmt: skip
        return [PeerGroup(name, name, text, frozenset(members), key) for key, name, text, members in groups if members]

    def targets(self, as_of: datetime | None = None) -> dict[str, tuple[Target, ...]]:
        """Every measure's targets, by period: as they stand, or as they stood at a moment (UTC)."""
        cols = ", ".join(f"x.{c}" for c in TARGETS.columns)
        sql = (f"SELECT {cols} FROM targets x WHERE x.valid_to IS NULL" if as_of is None else
               f"""SELECT {cols} FROM targets x JOIN imports f ON f.id = x.valid_from
                   LEFT JOIN imports t ON t.id = x.valid_to
                   WHERE f.imported_at <= ? AND (x.valid_to IS NULL OR t.imported_at > ?)""")  # fmt: skip
        with self._cursor() as cur:
            frame = cur.execute(f"{sql} ORDER BY x.measure_id, x.period", [] if as_of is None else [as_of, as_of]).df()
        found: dict[str, list[Target]] = {}
        for r in frame.to_dict("records"):
            tolerance = None if _none(r["tolerance"]) is None else Tolerance(float(r["tolerance"]),
                                                                             bool(r["tolerance_relative"]))  # fmt: skip
            direction = Direction(r["direction"]) if _none(r["direction"]) else None
            found.setdefault(r["measure_id"], []).append(Target(
                r["period"], _none(r["value"]), int(_none(r["decimals"]) or 0), direction, tolerance,
                _none(r["source"]) or ""))  # fmt: skip
        return {m: tuple(t) for m, t in found.items()}

    def leads(self) -> dict[str, Lead]:
        return {r["measure_id"]: Lead(r["measure_id"], _none(r["name"]) or "", _none(r["organisation"]) or "",
                                      _none(r["next_update"]) and _date(r["next_update"]))
                for r in self._current(LEADS).to_dict("records")}  # fmt: skip

    def commentary(self, measure_id: str | None = None, since: datetime | None = None) -> list[Comment]:
        """Commentary, newest first: the current text of each measure and period; for one measure, or since a
        moment (UTC), every earlier version too."""
        where, params = "valid_to IS NULL", []
        if measure_id is not None:
            where, params = "measure_id = ?", [measure_id]
        elif since is not None:
            where, params = "written >= ?", [since]
        with self._cursor() as cur:
            frame = cur.execute(f"SELECT measure_id, period, text, author, written, valid_to FROM commentary "
                                f"WHERE {where} ORDER BY written DESC, valid_from DESC", params).df()  # fmt: skip
        return [Comment(r["measure_id"], r["period"], r["text"] or "", r["author"] or "",
                        pd.Timestamp(r["written"]).to_pydatetime(), _none(r["valid_to"]) is None)
                for r in frame.to_dict("records")]  # fmt: skip

    def tracker_items(self, tracker_id: str) -> list[Item]:
        with self._cursor() as cur:
            cols = ", ".join(TRACKER_ITEMS.columns)
            frame = cur.execute(
                f"SELECT {cols} FROM tracker_items WHERE valid_to IS NULL AND tracker_id = ? ORDER BY position",
                [tracker_id],
            ).df()
        return [
            Item(r["tracker_id"], r["id"], r["kind"], r["title"], _none(r["parent"]) or "", _none(r["people"]) or "",
                 _date(r["deadline"]) if _none(r["deadline"]) is not None else None,
                 Status(r["item_status"]) if _none(r["item_status"]) else None,
                 int(r["percent"]) if _none(r["percent"]) is not None else None, _none(r["comments"]) or "",
                 int(r["position"]))
            for r in frame.to_dict("records")
        ]  # fmt: skip

    def imports(self) -> list[ImportRecord]:
        with self._cursor() as cur:
            rows = cur.execute("SELECT * FROM imports ORDER BY id").df().to_dict("records")
        return [_import_record(r) for r in rows]

    def import_record(self, import_id: int) -> ImportRecord | None:
        with self._cursor() as cur:
            rows = cur.execute("SELECT * FROM imports WHERE id = ?", [import_id]).df().to_dict("records")
        return _import_record(rows[0]) if rows else None

    def value_history(self, measure_id: str, area: str | None = None) -> pd.DataFrame:
        """Every version of a measure's values, oldest first, with the import that wrote and ended each."""
        sql = f"""
            SELECT o.area, o.period, o.breakdown, o.value, o.decimals, o.missing, o.note, o.context_period,
                   o.valid_from, o.valid_to,
                   i.imported_at AS written_at, i.user_name AS written_by, i.file_name AS written_from,
                   o.source_sheet, {_cell_reference("o.source_row", "o.source_column")} AS source_cell
            FROM observations o JOIN imports i ON i.id = o.valid_from
            WHERE o.measure_id = ? AND (? IS NULL OR o.area = ?)
            ORDER BY o.area, o.breakdown, o.period_end, o.period, o.valid_from"""
        with self._cursor() as cur:
            return cur.execute(sql, [measure_id, area, area]).df()

    def import_changes(self, import_id: int) -> pd.DataFrame:
        """What one import changed: each value it added, revised (old and new) or removed."""
        sql = """
            WITH n AS (SELECT * FROM observations WHERE valid_from = ?),
                 o AS (SELECT * FROM observations WHERE valid_to = ?)
            SELECT coalesce(n.measure_id, o.measure_id) AS measure_id, coalesce(n.area, o.area) AS area,
                   coalesce(n.period, o.period) AS period, coalesce(n.breakdown, o.breakdown) AS breakdown,
                   coalesce(n.period_end, o.period_end) AS period_end,
                   o.value AS old_value, o.missing AS old_missing, o.decimals AS old_decimals,
                   n.value AS value, n.missing AS missing, n.decimals AS decimals,
                   CASE WHEN o.measure_id IS NULL THEN 'new' WHEN n.measure_id IS NULL THEN 'removed'
                        ELSE 'revised' END AS status
            FROM n FULL OUTER JOIN o USING (measure_id, area, period, breakdown)
            ORDER BY measure_id, area, breakdown, period_end, period"""
        with self._cursor() as cur:
            return cur.execute(sql, [import_id, import_id]).df()

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """The current content of every versioned table, sorted (for comparing states)."""
        result = {}
        with self._cursor() as cur:
            for table in TABLES:
                cols = ", ".join(table.columns)
                rows = cur.execute(f"SELECT {cols} FROM {table.name} WHERE valid_to IS NULL").fetchall()
                result[table.name] = sorted(rows, key=repr)
        return result

    # -- writes -------------------------------------------------------------------------------------------------

    def _next_import_id(self, cur: duckdb.DuckDBPyConnection) -> int:
        row = _first(cur, "SELECT coalesce(max(id), 0) + 1 FROM imports")
        return int(row[0]) if row else 1

    def record(self, payload: Payload, what: str, *, user: str, kind: str, summary: dict[str, Any]) -> ImportRecord:
        """Write an officer's change made in the app (not from a file) as one import: `what` says what it did."""
        meta = {"user": user, "file_name": what, "sha256": hashlib.sha256(what.encode()).hexdigest(), "kind": kind,
                "summary": summary}  # fmt: skip
        with self.transaction() as tx:
            import_id, _ = tx.write(payload, mode="update", meta=meta)
            found = tx.import_record(import_id)
        assert found is not None
        return found

    def write(self, payload: Payload, *, mode: str, meta: dict[str, Any]) -> tuple[int, Diff]:
        """Write a payload as one import; call inside `transaction()`. Returns the import id and the diff."""
        if self._tx is None:
            raise RuntimeError("Store.write must run inside Store.transaction()")
        if mode not in ("update", "replace"):
            raise ValueError(f"unknown mode {mode!r}")
        cur = self._tx
        import_id = self._next_import_id(cur)
        counts: dict[str, dict[str, int]] = {}
        diffs: dict[str, pd.DataFrame] = {}
        touched: tuple[str, ...] = ()
        for table, frame in payload.frames():
            counts[table.name], diffs[table.name], changed = self._write_table(cur, table, frame, import_id, mode)
            if table is OBSERVATIONS:
                touched = changed
                _write_breakdowns(cur, frame)
        # A data file counts its values; a delivery tracker counts its items.
        obs_counts = counts.get("observations") or counts.get("tracker_items", {})
        _run(cur,
            "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
            [
                import_id, meta.get("at") or datetime.now(UTC).replace(tzinfo=None), meta["user"], meta["file_name"],
                meta["sha256"], mode, meta.get("kind", "import"), int(meta.get("rows", 0)), len(touched),
                obs_counts.get("new", 0), obs_counts.get("revised", 0) + obs_counts.get("changed", 0),
                obs_counts.get("removed", 0), obs_counts.get("unchanged", 0) + obs_counts.get("kept", 0),
                json.dumps(meta.get("summary", {}), default=str),
            ],
        )  # fmt: skip
        observations = diffs.get("observations", pd.DataFrame())
        return import_id, Diff(observations, counts, diffs, touched)

    def _write_table(
        self, cur: duckdb.DuckDBPyConnection, table: Table, frame: pd.DataFrame, import_id: int, mode: str
    ) -> tuple[dict[str, int], pd.DataFrame, tuple[str, ...]]:
        """Version one table's rows; returns the count of each status, the listed diff rows, the changed keys."""
        # Arrow hands DuckDB columns, not Python objects: several times faster for large imports.
        keys = list(table.keys)
        key_list = ", ".join(keys)
        scope_key = ", ".join(table.scope or keys)
        relation = "TABLE"
        sources, read = _sources(table, frame)
        rows = frame[read]
        try:
            numbered = row_keys(rows, keys)
            if repeated_keys(numbered) is not None:  # the last row of each key wins, as in a spreadsheet read top down
                rows = rows[~pd.Series(numbered).duplicated(keep="last").to_numpy()]
            cur.register("incoming", pa.Table.from_pandas(rows, preserve_index=False))
            join = " AND ".join(f"i.{k} = c.{k}" for k in keys)
            data_cols = [c for c, _ in table.data]
            differs = " OR ".join(f"{sources[c]} IS DISTINCT FROM c.{c}" for c in data_cols)
            value_change = (
                f"{sources['value']} IS DISTINCT FROM c.value OR {sources['missing']} IS DISTINCT FROM c.missing"
                if table is OBSERVATIONS
                else "TRUE"
            )
            # Update mode never lets a missing-value marker overwrite a stored number.
            keep = (
                f"WHEN {sources['value']} IS NULL AND c.value IS NOT NULL THEN 'kept'"
                if mode == "update" and table is OBSERVATIONS
                else ""
            )
            casts = ", ".join(f"CAST({sources[c]} AS {t}) AS {c}" for c, t in (*table.data, *table.provenance))
            key_cols = ", ".join(f"i.{k}" for k in keys)
            old_cols = "".join(f"c.{c} AS old_{c}, " for c in table.compared)
            # When nothing stored shares a scope (or key) with the rows, every row is new and nothing is removed:
            # the diff is then a view over the rows, not a copy of them (a third of writing a million new values).
            fresh = not _first(cur, f"""SELECT 1 FROM {table.name} WHERE valid_to IS NULL AND ({scope_key}) IN
                                        (SELECT DISTINCT {scope_key} FROM incoming) LIMIT 1""")  # fmt: skip
            current = f"SELECT * FROM {table.name} WHERE {'FALSE' if fresh else 'valid_to IS NULL'}"
            relation = "VIEW" if fresh else "TABLE"
            _run(
                cur,
                f"""
                CREATE OR REPLACE TEMP {relation} diff AS
                SELECT {key_cols}, {casts}, {old_cols}
                    CASE WHEN c.{keys[0]} IS NULL THEN 'new'
                         {keep}
                         WHEN {differs} THEN CASE WHEN {value_change} THEN 'revised' ELSE 'changed' END
                         ELSE 'unchanged' END AS status
                FROM incoming i
                LEFT JOIN ({current}) c ON {join}
            """,
            )
            if mode == "replace" and table.scope and not fresh:
                olds = "".join(f"c.{c} AS old_{c}, " for c in table.compared)
                scope = ", ".join(table.scope)
                scoped = ", ".join(f"c.{s}" for s in table.scope)
                _run(
                    cur,
                    f"""
                    INSERT INTO diff BY NAME
                    SELECT {", ".join(f"c.{k}" for k in keys)},
                           {", ".join(f"c.{c}" for c, _ in (*table.data, *table.provenance))},
                           {olds} 'removed' AS status
                    FROM (SELECT * FROM {table.name} WHERE valid_to IS NULL) c
                    WHERE ({scoped}) IN (SELECT DISTINCT {scope} FROM incoming)
                      AND NOT EXISTS (SELECT 1 FROM incoming i WHERE {join})
                """,
                )
            key_match = " AND ".join(f"t.{k} = d.{k}" for k in keys)
            if not fresh:
                _run(
                    cur,
                    f"""
                    UPDATE {table.name} t SET valid_to = {import_id}
                    FROM (SELECT * FROM diff WHERE status IN ('revised', 'changed', 'removed')) d
                    WHERE t.valid_to IS NULL AND {key_match}
                """,
                )
            cols = ", ".join(table.columns)
            # Fresh rows are all new: inserted straight from the rows, not through the diff's join.
            source = (
                f"SELECT {key_cols}, {casts}, {import_id}, NULL FROM incoming i" if fresh else
                f"SELECT {cols}, {import_id}, NULL FROM diff WHERE status IN ('new', 'revised', 'changed')"
            )  # fmt: skip
            _run(cur, f"INSERT INTO {table.name} ({cols}, valid_from, valid_to) {source}")
            counts = {str(s): int(n) for s, n in _run(cur, "SELECT status, count(*) FROM diff GROUP BY status")}
            first = "series_break DESC NULLS LAST, " if table is OBSERVATIONS else ""
            # One top-N per status (a heap, where ranking every row sorted a million of them).
            each = [f"(SELECT * FROM diff WHERE status = '{status}' ORDER BY {first}{key_list} LIMIT {DIFF_ROWS})"
                    for status in counts]  # fmt: skip
            listed = cur.execute(f"SELECT * FROM ({' UNION ALL '.join(each) or 'SELECT * FROM diff'}) "
                                 f"ORDER BY {key_list}").df()  # fmt: skip
            changed = _run(cur, f"SELECT DISTINCT {keys[0]} FROM diff WHERE status <> 'unchanged' ORDER BY 1")
            return counts, listed, tuple(str(r[0]) for r in changed)
        finally:
            _run(cur, f"DROP {relation} IF EXISTS diff")
            cur.unregister("incoming")

    def rollback(self, import_id: int, *, user: str) -> ImportRecord:
        """Undo one import (call inside `transaction()`): restores exactly what it replaced; recorded as an import."""
        if self._tx is None:
            raise RuntimeError("Store.rollback must run inside Store.transaction()")
        cur = self._tx
        target = self.import_record(import_id)
        if target is None:
            raise StoreError(f"There is no import {import_id}. `history` lists the imports.")
        if target.rolled_back_by is not None:
            raise StoreError(f"Import {import_id} was already rolled back by import {target.rolled_back_by}.")
        if target.kind == "upgrade":
            raise StoreError(f"Import {import_id} is the database's upgrade to a new layout; it cannot be rolled back.")
        later: set[int] = set()
        for table in TABLES:
            keys = " AND ".join(f"n.{k} = o.{k}" for k in table.keys)
            rows = cur.execute(
                f"""SELECT DISTINCT valid_to FROM {table.name} WHERE valid_from = ? AND valid_to IS NOT NULL
                    UNION
                    SELECT DISTINCT n.valid_from FROM {table.name} o JOIN {table.name} n ON {keys}
                    WHERE o.valid_to = ? AND n.valid_to IS NULL AND n.valid_from <> ?""",
                [import_id, import_id, import_id],
            ).fetchall()
            later.update(int(r[0]) for r in rows)
        if later:
            ids = ", ".join(str(i) for i in sorted(later))
            raise RollbackConflict(
                f"Import {import_id} cannot be rolled back on its own: later imports ({ids}) changed the same values. "
                f"Roll those back first, newest first."
            )
        rollback_id = self._next_import_id(cur)
        restored = removed = 0
        for table in TABLES:
            cols = ", ".join(table.columns)
            row = _first(
                cur, f"SELECT count(*) FROM {table.name} WHERE valid_from = ? AND valid_to IS NULL", [import_id]
            )
            removed += int(row[0]) if row and table is OBSERVATIONS else 0
            _run(
                cur,
                f"UPDATE {table.name} SET valid_to = ? WHERE valid_from = ? AND valid_to IS NULL",
                [rollback_id, import_id],
            )
            row = _first(cur, f"SELECT count(*) FROM {table.name} WHERE valid_to = ?", [import_id])
            restored += int(row[0]) if row and table is OBSERVATIONS else 0
            _run(
                cur,
                f"""INSERT INTO {table.name} ({cols}, valid_from, valid_to)
                    SELECT {cols}, ?, NULL FROM {table.name} WHERE valid_to = ?""",
                [rollback_id, import_id],
            )
        now = datetime.now(UTC).replace(tzinfo=None)
        _run(cur,
            "INSERT INTO imports VALUES (?, ?, ?, ?, '', 'rollback', 'rollback', 0, ?, 0, ?, ?, 0, ?, NULL, ?)",
            [
                rollback_id, now, user, f"rollback of import {import_id} ({target.file_name})",
                target.measures_touched, restored, removed, import_id,
                json.dumps({"restored_values": restored, "withdrawn_values": removed}),
            ],
        )  # fmt: skip
        _run(cur, "UPDATE imports SET rolled_back_by = ? WHERE id = ?", [rollback_id, import_id])
        record = self.import_record(rollback_id)
        assert record is not None
        return record


def _write_breakdowns(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> None:
    """Store the parts of each breakdown label the rows give that is not stored yet (a label's parts are those it
    was first stored with: the label is made from them, so another file's can differ only in how a label that reads
    two ways was split)."""
    if not set(PARTS) <= set(frame.columns):
        return  # values without breakdowns
    parts = frame[["breakdown", *PARTS]].astype(object).drop_duplicates("breakdown")
    parts = parts[parts["breakdown"] != ""]
    if len(parts):
        cur.register("labels", parts.where(parts.notna(), None))
        try:
            _run(cur, f"INSERT OR IGNORE INTO breakdowns SELECT breakdown, {', '.join(PARTS)} FROM labels")
        finally:
            cur.unregister("labels")


def _sources(table: Table, frame: pd.DataFrame) -> tuple[dict[str, str], list[str]]:
    """Each column's SQL over the incoming rows `i` (the column as given, or NULL for a column the payload leaves
    out: a million-row column of blanks costs more than saying so), and the payload's columns that it reads."""
    given = set(frame.columns)
    sources = {c: f"i.{c}" if c in given or c in table.keys else "NULL" for c in table.columns}
    return sources, [c for c in table.columns if sources[c] != "NULL"]


_CELL = ("source_row", "source_column")
_A1 = "^([A-Z]{1,3})([0-9]+)$"  # a cell reference as schema 1 stored it


def _read_columns(prefix: str = "") -> str:
    """The observation columns a read selects: the cell as its reference ('D4'), as `_batch` reads it."""
    plain = [f"{prefix}{c}" for c in (*OBSERVATIONS.columns, "valid_from") if c not in _CELL]
    return ", ".join([*plain, f"{_cell_reference(*(prefix + c for c in _CELL))} AS source_cell"])


def _cell_reference(row: str, column: str) -> str:
    """SQL for the reference of a cell ('D4', 'AA10', 'XFD1') from its 1-based row and column numbers."""
    n = f"CAST(({column}) - 1 AS INTEGER)"
    last = f"chr(65 + {n} % 26)"
    middle = f"chr(65 + ({n} // 26 - 1) % 26)"
    first = f"chr(64 + ({n} // 26 - 1) // 26)"
    letters = f"CASE WHEN {n} < 26 THEN {last} WHEN {n} < 702 THEN chr(64 + {n} // 26) || {last} " \
              f"ELSE {first} || {middle} || {last} END"  # fmt: skip
    return f"({letters} || CAST({row} AS VARCHAR))"


def _run(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    """Run a statement and fetch its whole result (DuckDB 2.0 results stream and block the cursor until read)."""
    return cur.execute(sql, params).fetchall() if params is not None else cur.execute(sql).fetchall()


def _first(cur: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | None = None) -> tuple[Any, ...] | None:
    rows = _run(cur, sql, params)
    return rows[0] if rows else None


class Abort(Exception):
    """Raise inside `Store.transaction()` to discard everything written in it (a dry run)."""


def _none(value: Any) -> Any:
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value


def _date(value: Any) -> date:
    if isinstance(value, pd.Timestamp | datetime):
        return value.date()
    return value


def _measure(r: dict[str, Any]) -> Measure:
    unit = _none(r["unit"])
    return Measure(
        id=r["id"],
        name=r["name"],
        theme_id=_none(r["theme_id"]) or "",
        outcome_id=_none(r["outcome_id"]) or "",
        kind=Kind(_none(r["kind"]) or "outcome"),
        polarity=Polarity(_none(r["polarity"]) or Polarity.NONE.value),
        unit=Unit(unit) if unit else None,
        period_type=PeriodKind(_none(r["period_type"]) or "financial"),
        aliases=tuple(json.loads(_none(r["aliases"]) or "[]")),
        definition=_none(r["definition"]) or "",
        notes=_none(r["notes"]) or "",
        source=_none(r["source"]) or "",
        tolerance=_none(r["tolerance"]),
        comparison=_none(r["comparison"]) or "direct",
        position=int(_none(r["position"]) or 0),
        breakdown=_none(r["breakdown"]),
        report_name=_none(r["report_name"]) or "",
    )


def _observations_of(cur: duckdb.DuckDBPyConnection, relation: duckdb.DuckDBPyRelation) -> list[Observation]:
    """Observations from a query of the observations table's columns, read as Arrow batches a column at a time:
    each distinct text and period becomes one Python object, not one per row (86,000 rows: 0.41 s to 0.26 s)."""
    periods: dict[str, Period] = {}  # each distinct period, made once across batches
    breakdowns = {str(label): Breakdown(*(p or "" for p in parts))
                  for label, *parts in _run(cur, f"SELECT label, {', '.join(PARTS)} FROM breakdowns")}  # fmt: skip
    out: list[Observation] = []
    reader = relation.to_arrow_reader(_BATCH_ROWS)
    for batch in reader:
        out.extend(_batch(batch, periods, breakdowns))
    return out


_BATCH_ROWS = 20_000  # rows of Arrow (and of Python lists) at a time: larger batches only cost memory


def _batch(
    batch: pa.RecordBatch, periods: dict[str, Period], breakdowns: dict[str, Breakdown]
) -> Iterator[Observation]:
    column = batch.column
    measure, area, missing, note, footnote, flags, context, file, sheet = (
        _texts(column(name)) for name in ("measure_id", "area", "missing", "note", "footnote", "flags",
                                          "context_period", "source_file", "source_sheet")
    )  # fmt: skip
    value, lower_ci, upper_ci, count, denominator = (
        column(name).to_pylist() for name in ("value", "lower_ci", "upper_ci", "count", "denominator")
    )
    for (measure_id, area_name, period, number, decimals, reason, remark, marker, series_break, covers, lower, upper,
         counted, out_of, written, table_period, breakdown, file_name, sheet_name, cell) in zip(
        measure, area, _periods(batch, "period", periods), value, column("decimals").fill_null(0).to_pylist(), missing,
        note, footnote, column("series_break").fill_null(False).to_pylist(), _periods(batch, "covers", periods),
        lower_ci, upper_ci, count, denominator, flags, context, _breakdowns(batch, breakdowns), file, sheet,
        column("source_cell").to_pylist(), strict=True,
    ):  # fmt: skip
        yield Observation(
            measure_id=measure_id, area=area_name, period=period, value=number, decimals=decimals, missing=reason,
            note=remark, footnote=marker, series_break=series_break, covers=covers, lower_ci=lower, upper_ci=upper,
            count=counted, denominator=out_of, flags=tuple(written.split("; ")) if written else (),
            context_period=table_period, breakdown=breakdown,
            source=Source(file_name or "", sheet_name or "", cell or ""),
        )  # fmt: skip


def _texts(column: pa.Array) -> list[str | None]:
    """A text column's values, each distinct text one Python string (None where empty)."""
    return _each_distinct(column, None)


def _periods(batch: pa.RecordBatch, prefix: str, made: dict[str, Period]) -> list[Period | None]:
    """The periods named by a label column and its kind, start and end columns ('period', 'period_kind', ...; or
    'covers', ...), each distinct period built once and kept in `made` across batches."""
    label, kind, start, end = (batch.column(prefix if part == "" else f"{prefix}_{part}")
                               for part in ("", "kind", "start", "end"))  # fmt: skip
    keys = pc.binary_join_element_wise(label, kind, start.cast(pa.string()), end.cast(pa.string()), _JOIN)
    if pc.any(broken := pc.and_(label.is_valid(), keys.is_null())).as_py():  # only a damaged file holds one
        raise StoreError(f"The database holds the period '{label.filter(broken)[0]}' without its kind or dates, so "
                         "its values cannot be read. Restore the database from a backup.")  # fmt: skip

    def period(key: str) -> Period:
        if key not in made:
            text, kind_name, first, last = key.rsplit(_JOIN, 3)  # the label may hold anything; the rest cannot
            made[key] = Period(text, PeriodKind(kind_name), date.fromisoformat(first), date.fromisoformat(last))
        return made[key]

    return _each_distinct(keys, period)


def _breakdowns(batch: pa.RecordBatch, stored: dict[str, Breakdown]) -> list[Breakdown]:
    """Each row's breakdown (most rows have none): the stored parts of its label, else what the label reads as."""
    labels = batch.column("breakdown").dictionary_encode()
    shared = [stored.get(label) or from_label(label) for label in labels.dictionary.to_pylist()]
    return list(map(shared.__getitem__, labels.indices.to_numpy().tolist()))


def _each_distinct(column: pa.Array, make: Callable[[Any], Any] | None) -> list[Any]:
    """A column's values, each distinct value turned into one Python object (by `make`, if given) and shared by
    its rows; None where empty."""
    encoded = column.dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    made = [*(distinct if make is None else map(make, distinct)), None]  # a null's code, -1 once filled: None
    return list(map(made.__getitem__, encoded.indices.fill_null(-1).to_numpy().tolist()))


_JOIN = "\x1f"  # joins a period's label, kind and days into one key (split from the right: a label may hold it)


def targets_frame(targets: Sequence[tuple[str, Target]]) -> pd.DataFrame:
    """Rows of the targets table from (measure id, target) pairs."""
    return pd.DataFrame([{"measure_id": measure_id, "period": t.period, "value": t.value, "decimals": t.decimals,
                          "direction": t.direction.value if t.direction else None,
                          "tolerance": t.tolerance.amount if t.tolerance else None,
                          "tolerance_relative": bool(t.tolerance and t.tolerance.relative), "source": t.source}
                         for measure_id, t in targets])  # fmt: skip


def peer_groups_frame(groups: Sequence[PeerGroup]) -> pd.DataFrame:
    return pd.DataFrame([{"id": g.id, "name": g.name, "description": g.description,
                          "members": json.dumps(sorted(g.members or ()))} for g in groups])  # fmt: skip


def measures_frame(measures: Sequence[Measure]) -> pd.DataFrame:
    columns = {
        "id": [m.id for m in measures], "name": [m.name for m in measures],
        "theme_id": [m.theme_id for m in measures], "outcome_id": [m.outcome_id for m in measures],
        "kind": [m.kind.value for m in measures], "polarity": [m.polarity.value for m in measures],
        "unit": [m.unit.value if m.unit else None for m in measures],
        "period_type": [m.period_type.value for m in measures],
        "aliases": [json.dumps(list(m.aliases)) if m.aliases else "[]" for m in measures],
        "definition": [m.definition for m in measures], "notes": [m.notes for m in measures],
        "source": [m.source for m in measures], "tolerance": [m.tolerance for m in measures],
        "comparison": [m.comparison for m in measures], "position": [m.position for m in measures],
        "breakdown": [m.breakdown for m in measures], "report_name": [m.report_name for m in measures],
    }  # fmt: skip
    return pd.DataFrame(columns, columns=MEASURES.columns).astype({"tolerance": "float64"})


def themes_frame(themes: Sequence[Theme]) -> pd.DataFrame:
    rows = [
        {"id": t.id, "name": t.name, "short_name": t.short_name, "board": t.board,
         "priorities": json.dumps(list(t.priorities)),
         "description": t.description, "position": t.position}
        for t in themes
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=THEMES.columns)


def outcomes_frame(outcomes: Sequence[Outcome]) -> pd.DataFrame:
    rows = [{"id": o.id, "theme_id": o.theme_id, "name": o.name, "position": o.position} for o in outcomes]
    return pd.DataFrame(rows, columns=OUTCOMES.columns)


def settings_frame(settings: Settings) -> pd.DataFrame:
    rows = [
        {"key": "objective", "value": settings.objective},
        {"key": "baseline", "value": settings.baseline},
        {"key": "home_area", "value": settings.home_area},
    ]
    return pd.DataFrame(rows, columns=SETTINGS.columns)


def _import_record(r: dict[str, Any]) -> ImportRecord:
    return ImportRecord(
        id=int(r["id"]),
        at=r["imported_at"].to_pydatetime() if isinstance(r["imported_at"], pd.Timestamp) else r["imported_at"],
        user=r["user_name"],
        file_name=r["file_name"],
        sha256=r["sha256"],
        mode=r["mode"],
        kind=r["kind"],
        rows=int(r["row_count"]),
        measures_touched=int(r["measures_touched"]),
        new_values=int(r["new_values"]),
        revised_values=int(r["revised_values"]),
        removed_values=int(r["removed_values"]),
        unchanged_values=int(r["unchanged_values"]),
        rolls_back=int(r["rolls_back"]) if _none(r["rolls_back"]) is not None else None,
        rolled_back_by=int(r["rolled_back_by"]) if _none(r["rolled_back_by"]) is not None else None,
        summary=json.loads(r["summary"] or "{}"),
    )
