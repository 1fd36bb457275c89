"""Sheets of a workbook that hold notes about its data, not data: a Notes, Metadata, Contents or Cover sheet. They
are never read as tables (a 'Note number | Note text' table is no indicator); their text is kept with the import
and shown in the preview."""

from __future__ import annotations

import re

from thplan.ingest.grid import Grid

_NOTES = re.compile(
    r"(?:notes?|metadata|meta data|about(?: (?:this|the) data)?|definitions?|read ?me|guidance|methodology|"
    r"background|information|info|cover(?: sheet| page)?|(?:table of )?contents|title|terms and conditions|"
    r"related publications|contacts?|glossary|sources?)(?:\b.*)?",
    re.IGNORECASE,
)
#: Enough of a sheet's text for the officer to read what it says; a longer sheet is cut, saying so.
MAX_CHARACTERS = 5_000


def is_notes_sheet(grid: Grid) -> bool:
    """Whether a sheet's name says it holds notes ('Notes', 'Metadata', 'Cover sheet', 'Notes and definitions')."""
    return bool(grid.sheet) and _NOTES.fullmatch(" ".join(grid.sheet.split())) is not None


def notes_text(grid: Grid) -> str:
    """The sheet's text, a line per row (its filled cells side by side), cut at MAX_CHARACTERS."""
    lines = [" ".join(grid.text(r, c) for c in grid.filled(r)) for r in range(grid.height)]
    text = "\n".join(line for line in lines if line.strip())
    return text if len(text) <= MAX_CHARACTERS else text[:MAX_CHARACTERS].rstrip() + " … (cut: see the file)"
