"""Spreadsheet formula injection: text that could start a formula is made inert in every file we write, and
restored when such a file comes back."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet (it can no longer start a formula)."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def restore(text: str) -> str:
    """Undo `neutralise` when a file comes back."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS) else text
