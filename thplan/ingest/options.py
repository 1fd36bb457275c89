"""What an officer chooses for an import (kept apart from the importer, which loads pandas and DuckDB, so the
command line can start reading files before loading them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

MODES = ("update", "replace")


@dataclass(frozen=True)
class ImportOptions:
    mode: str = "update"
    dry_run: bool = False
    user: str = "unknown"
    accept_matches: bool = False
    #: The officer's decision on each near match: the catalogued measure id it is, or None for "a new measure".
    matches: Mapping[str, str | None] = field(default_factory=dict)
    #: The officer's name for each measure the file names only by its file's or sheet's name (see `named_by_title`).
    names: Mapping[str, str] = field(default_factory=dict)
    #: The period the officer says the file's values are for, used only for a table that names none anywhere
    #: (not in its headings, rows, title or sheet name); each use is a warning in the preview and the import record.
    period: str = ""
    #: Publish only if the data are still at this version (the one the officer's preview was made from): checked
    #: inside the write's transaction, so of two officers publishing at once exactly one gets through.
    expected_version: tuple[int, int] | None = None
