"""Spreadsheet formula injection: text that could start a formula is made inert in every file we write, and
restored when such a file comes back."""

from __future__ import annotations

import re

#: Control characters a spreadsheet cannot hold (openpyxl refuses them, so one would stop a whole export).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A terminal's escape sequences (colours, cursor moves, window titles), removed whole: their ESC alone would leave
#: '[31m' in a name.
_TERMINAL = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?)")


def strip_control(text: str) -> str:
    """Text without control characters or terminal escape sequences (never meant in a name, a note or a cell)."""
    return CONTROL.sub("", _TERMINAL.sub("", text)) if CONTROL.search(text) else text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet: it can no longer start a formula, and holds no control character."""
    text = strip_control(text)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo `neutralise` when a file comes back."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS) else text
