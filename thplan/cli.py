"""The command line: python -m thplan import | measures | history | rollback | export | report.

pandas, DuckDB and the modules that load them are imported by the commands that use them, after an import's
files have started being read in their own processes: the reading and the loading then share the two cores.
"""

from __future__ import annotations

import argparse
import getpass
import io
import os
import sys
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from thplan.dataset import DB_ENV, open_store
from thplan.formula import CONTROL
from thplan.gcpause import paused_gc
from thplan.ingest.options import MODES, ImportOptions
from thplan.ingest.problems import Severity
from thplan.ingest.sandbox import Reading

if TYPE_CHECKING:
    from thplan.ingest.importer import ImportResult
    from thplan.store import Store

EXIT_OK, EXIT_REJECTED, EXIT_UNEXPECTED = 0, 1, 2
LIST_LIMIT = 50  # changes listed per kind before "... and N more"


def _user(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m thplan",
        description="Tower Hamlets Plan measures: import spreadsheets, list classified measures, see and undo imports.",
        epilog=f"Without --db the default database is used ({DB_ENV} or data/thplan.duckdb), created from the "
        "reference spreadsheets in data/ when it does not exist. A --db path that does not exist is created empty.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    def db(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", type=Path, help="database file (created empty if it does not exist)")

    p = commands.add_parser("import", help="import Excel (.xlsx) or CSV files")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    db(p)
    p.add_argument("--mode", choices=MODES, default="update",
                   help="update (default): add and revise the values in the file, blank cells never delete; "
                   "replace: each measure and area in the file gets exactly the file's series")  # fmt: skip
    p.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
    p.add_argument("--user", help="who is importing (default: your login name)")
    p.add_argument("--accept-matches", action="store_true",
                   help="treat measure names that nearly match a catalogued measure as that measure")  # fmt: skip
    p.add_argument("--period", default="",
                   help="the period of the values of a table that names none anywhere (2021, 2021/22, Mar 2022): "
                   "each table read with it is listed as a warning")  # fmt: skip
    p.add_argument("--verbose", "-v", action="store_true", help="also list unchanged values and notes")

    p = commands.add_parser("measures", help="list measures with their trends and comparisons")
    db(p)
    p.add_argument("--area", help="an area's name, or 'all' for every area with data (default: the home area)")
    p.add_argument("--format", choices=("csv", "json"), default="csv")

    p = commands.add_parser("summary", help="the overview's headline: the Plan's measures by trend and against London")
    db(p)
    p.add_argument("--area", help="an area's name (default: the home area)")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = commands.add_parser("history", help="list imports, or the revision history of one measure's values")
    db(p)
    p.add_argument("--measure", help="a measure id: show every version of its values")

    p = commands.add_parser("hash-password", help="make a password hash for an officer, to paste into secrets.toml")
    p.add_argument("officer", help="the officer's login name")

    p = commands.add_parser("export", help="write the current data in the upload template's layout")
    p.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    db(p)

    p = commands.add_parser("report", help="the annual report's data tables, one per theme, from the current data")
    p.add_argument("--out", type=Path, required=True, help="FILE.xlsx (one sheet per theme) or FILE.html (printable)")
    db(p)

    p = commands.add_parser("rollback", help="undo an import (restores exactly the state before it)")
    p.add_argument("import_id", type=int, metavar="IMPORT_ID")
    db(p)
    p.add_argument("--user", help="who is rolling back (default: your login name)")
    return parser


class _Escaped(io.TextIOBase):
    """A terminal stream that shows control characters as escapes (\\x1b): a file, sheet or measure name could
    otherwise move the cursor, recolour or retitle the officer's terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text))

    def flush(self) -> None:
        self._stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    sys.stdout, sys.stderr = _Escaped(sys.stdout), _Escaped(sys.stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = sys.stdout._stream, sys.stderr._stream  # type: ignore[attr-defined]


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "hash-password":
        return _hash_password(args)
    if args.command == "import" and not _start_reading(args):
        return EXIT_REJECTED
    # An import loads libraries and reads rows while the collector would walk them all, again and again.
    with paused_gc() if args.command == "import" else nullcontext():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from thplan.store import StoreError

    try:
        with open_store(args.db) as store:
            for note in store.upgrade_notes:  # what opening it upgraded: said once, where the officer sees it
                print(f"Database upgraded: {note}", file=sys.stderr)
            return COMMANDS[args.command](store, args)
    except StoreError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # the last line of defence: a message, never a traceback
        if os.environ.get("THPLAN_DEBUG"):
            raise
        print(f"Unexpected error ({type(exc).__name__}): {exc}. Set THPLAN_DEBUG=1 for details.", file=sys.stderr)
        return EXIT_UNEXPECTED


def _start_reading(args: argparse.Namespace) -> bool:
    """Read each file's bytes and start reading its cells (args.contents); False, with a message, when a file
    cannot be opened."""
    from thplan.ingest.opening import MAX_BYTES

    args.contents = []
    for path in args.files:
        try:
            if path.stat().st_size > MAX_BYTES:  # refused before its bytes are read into memory
                print(f"Error: {path}: the file is larger than {MAX_BYTES // (1024 * 1024)} MB. Split it into "
                      "smaller files.", file=sys.stderr)  # fmt: skip
                return False
            data = path.read_bytes()
        except OSError as exc:
            print(f"Error: {path}: cannot read the file ({exc.strerror}).", file=sys.stderr)
            return False
        args.contents.append((path.name, data, Reading(data, path.name)))
    args.contents[0][2].start()  # read while the libraries load; the other files when their turn comes
    return True


def _import(store: Store, args: argparse.Namespace) -> int:
    from thplan.ingest.importer import import_bytes

    options = ImportOptions(mode=args.mode, dry_run=True, user=_user(args.user), accept_matches=args.accept_matches,
                            period=args.period)  # fmt: skip
    contents = args.contents  # each file is read once, for its check and its import
    # Several files are all checked before any is written; one file is checked by the import itself (atomic).
    if len(contents) > 1 or args.dry_run:
        checks = [import_bytes(store, data, name, options, reading) for name, data, reading in contents]
        if any(r.rejected for r in checks) or args.dry_run:
            for result in checks:
                _report(result, args.verbose)
            if any(r.rejected for r in checks):
                print("Rejected: nothing was written.", file=sys.stderr)
                return EXIT_REJECTED
            return EXIT_OK
    for name, data, reading in contents:
        result = import_bytes(store, data, name, replace(options, dry_run=False), reading)
        _report(result, args.verbose)
        if result.rejected:
            which = " for this file" if len(contents) > 1 else ""
            print(f"Rejected: nothing was written{which}.", file=sys.stderr)
            return EXIT_REJECTED
    return EXIT_OK


def _describe_change(r: dict[str, object], old: bool) -> str:
    from thplan.display import stored_text

    prefix = "old_" if old else ""
    shown = stored_text(r.get(f"{prefix}value"), r.get(f"{prefix}decimals"), None)
    if shown:
        return shown.replace(",", "")
    missing = r.get(f"{prefix}missing")
    return f"({missing})" if isinstance(missing, str) and missing else "(blank)"


def _report(result: ImportResult, verbose: bool) -> None:
    out = sys.stdout
    if result.rejected:
        print(f"{result.file}: REJECTED", file=sys.stderr)
        for problem in result.errors:
            print(f"  error: {problem}", file=sys.stderr)
        return
    state = "dry run, nothing written" if result.options.dry_run else f"imported as import {result.import_id}"
    print(f"{result.file} ({state}, mode {result.options.mode})", file=out)
    print("  Tables found:", file=out)
    for t in result.tables:
        where = f"sheet '{t.sheet}', " if t.sheet else ""
        theme = f", theme '{t.theme}'" if t.theme else ""
        title = f", titled '{t.title}'" if t.title else ""
        print(f"    {where}{t.cell_range}: {t.layout} table, {t.rows:,} rows{title}{theme}", file=out)
    matched = len(set(result.matched.values())) - len(result.new_measures)
    print(f"  Measures: {matched} matched, {len(result.new_measures)} new", file=out)
    for m in result.new_measures[: None if verbose else LIST_LIMIT]:
        print(f"    new measure: {m.name} (id {m.id}, {m.polarity}, theme '{m.theme_id or 'none'}')", file=out)
    if len(result.new_measures) > LIST_LIMIT and not verbose:
        print(f"    ... and {len(result.new_measures) - LIST_LIMIT} more new measures (--verbose lists them all)")
    if result.diff is not None:
        _list_changes(result, verbose)
    if result.stated_checked:
        print(f"  Stated trends and comparisons checked: {result.stated_checked}", file=out)
    for problem in result.problems:
        if problem.severity is Severity.WARNING or (verbose and problem.severity is Severity.INFO):
            print(f"  {problem.severity.value}: {problem}", file=out)


def _list_changes(result: ImportResult, verbose: bool) -> None:
    assert result.diff is not None
    counts = result.diff.counts.get("observations", {})
    parts = [f"{counts.get(s, 0):,} {s}" for s in ("new", "revised", "changed", "unchanged", "kept", "removed")]
    print(f"  Values: {', '.join(parts)}")
    frame = result.diff.observations
    for status in ("new", "revised", "changed", "removed", "kept") + (("unchanged",) if verbose else ()):
        chosen = frame[frame["status"] == status] if len(frame) else frame
        # Only the rows printed become records (the diff lists up to 2,000 of each kind).
        rows = (chosen if verbose else chosen.head(LIST_LIMIT)).to_dict("records")
        for record in rows:
            of = f" ({record['breakdown']})" if record.get("breakdown") else ""
            key = f"{record['measure_id']}, {record['area']}, {record['period']}{of}"
            if status in ("revised", "changed"):
                change = f"{_describe_change(record, True)} -> {_describe_change(record, False)}"
            elif status == "removed":
                change = f"{_describe_change(record, False)} (kept in history)"
            elif status == "kept":
                change = f"{_describe_change(record, True)} kept (the file says {_describe_change(record, False)})"
            else:
                change = _describe_change(record, False)
            print(f"    {status}: {key}: {change}")
        more = counts.get(status, 0) - len(rows)
        if more > 0:
            how = "--verbose lists more" if not verbose else "`history --measure ID` shows any measure's values"
            print(f"    ... and {more} more {status} values ({how})")


def _measures(store: Store, args: argparse.Namespace) -> int:
    from thplan import listing
    from thplan.analysis import classify_all_areas, classify_measures

    framework = store.framework()
    observations = store.observations()
    if args.area == "all":
        classifications = classify_all_areas(framework, observations)
    else:
        classifications = classify_measures(framework, observations, args.area)
    table = listing.rows(framework, classifications)
    sys.stdout.write(listing.to_csv(table) if args.format == "csv" else listing.to_json(table) + "\n")
    return EXIT_OK


def _summary(store: Store, args: argparse.Namespace) -> int:
    import json

    from thplan.analysis import classify_measures
    from thplan.summary import plan_summary, summary_text

    framework = store.framework()
    summary = plan_summary(framework, classify_measures(framework, store.observations(), args.area))
    sys.stdout.write(json.dumps(summary, indent=2, ensure_ascii=False) + "\n" if args.format == "json" else
                     summary_text(summary))  # fmt: skip
    return EXIT_OK


def _history(store: Store, args: argparse.Namespace) -> int:
    if args.measure:
        frame = store.value_history(args.measure)
        if frame.empty:
            print(f"No values stored for measure '{args.measure}'.", file=sys.stderr)
            return EXIT_REJECTED
        for r in frame.to_dict("records"):
            ended = (
                "current"
                if r["valid_to"] != r["valid_to"] or r["valid_to"] is None
                else f"replaced by import {int(r['valid_to'])}"
            )
            value = _describe_change(r, False)
            context = r["context_period"] if isinstance(r["context_period"], str) else ""
            period = f"{r['period']} (its table's latest: {context})" if context else r["period"]
            of = f"\t{r['breakdown']}" if r["breakdown"] else ""
            print(f"{r['area']}{of}\t{period}\t{value}\timport {int(r['valid_from'])} ({r['written_from']}, "
                  f"{r['written_by']})\t{ended}")  # fmt: skip
        return EXIT_OK
    imports = store.imports()  # read before the header is printed: a database that cannot be read prints no table
    print("id\ttime (UTC)\tuser\tkind\tmode\tfile\trows\tmeasures\tnew\trevised\tremoved\tstatus")
    for i in imports:
        status = f"rolled back by {i.rolled_back_by}" if i.rolled_back_by else ""
        if i.rolls_back:
            status = f"rolls back {i.rolls_back}"
        print(f"{i.id}\t{i.at:%Y-%m-%d %H:%M:%S}\t{i.user}\t{i.kind}\t{i.mode}\t{i.file_name}\t{i.rows}\t"
              f"{i.measures_touched}\t{i.new_values}\t{i.revised_values}\t{i.removed_values}\t{status}")  # fmt: skip
    return EXIT_OK


def _rollback(store: Store, args: argparse.Namespace) -> int:
    with store.transaction() as tx:
        record = tx.rollback(args.import_id, user=_user(args.user))
    print(
        f"Import {args.import_id} rolled back (recorded as import {record.id}): "
        f"{record.revised_values} values restored, {record.removed_values} values withdrawn."
    )
    return EXIT_OK


def _hash_password(args: argparse.Namespace) -> int:
    from thplan.passwords import hash_password

    first = getpass.getpass(f"Password for {args.officer}: ")
    if len(first) < 12:
        print("Use at least 12 characters.", file=sys.stderr)
        return EXIT_REJECTED
    if getpass.getpass("Again: ") != first:
        print("The two passwords differ.", file=sys.stderr)
        return EXIT_REJECTED
    print("Add this line under [thplan.officers] in .streamlit/secrets.toml:")
    print(f'"{args.officer}" = "{hash_password(first)}"')
    return EXIT_OK


def _export(store: Store, args: argparse.Namespace) -> int:
    from thplan import template

    data = template.rows(store.framework(), store.observations())
    if args.out.suffix.lower() == ".csv":
        args.out.write_text(template.csv_text(data), encoding="utf-8")
    elif args.out.suffix.lower() == ".xlsx":
        args.out.write_bytes(template.workbook(data))
    else:
        print("Error: --out must end in .xlsx or .csv.", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Wrote {len(data)} values to {args.out}.")
    return EXIT_OK


def _annual_report(store: Store, args: argparse.Namespace) -> int:
    from thplan import report
    from thplan.analysis import classify_measures, group_series

    framework = store.framework()
    observations = store.observations()
    tables = report.annual_tables(framework, classify_measures(framework, observations), group_series(observations))
    now = datetime.now(UTC)
    if args.out.suffix.lower() == ".xlsx":
        args.out.write_bytes(report.workbook(tables, now))
    elif args.out.suffix.lower() in (".html", ".htm"):
        args.out.write_text(report.html_page(tables, now), encoding="utf-8")
    else:
        print("Error: --out must end in .xlsx or .html.", file=sys.stderr)
        return EXIT_REJECTED
    print(f"Wrote {len(tables)} tables ({sum(len(t.rows) for t in tables)} measures) to {args.out}.")
    return EXIT_OK


COMMANDS = {
    "import": _import, "measures": _measures, "summary": _summary, "history": _history, "rollback": _rollback,
    "export": _export, "report": _annual_report,
}  # fmt: skip
