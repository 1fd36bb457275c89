"""Rows numbered by their values in some columns, to find the rows that repeat a key: done on category codes and
in place, because at a million rows every temporary array costs more than the arithmetic."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def row_keys(frame: pd.DataFrame, columns: Sequence[str]) -> np.ndarray:
    """One number per row for its values in `columns`: equal rows, equal numbers (renumbered before they could
    overflow)."""
    keys = np.zeros(len(frame), dtype=np.int64)
    for column in columns:
        codes = distinct(frame[column])[0] + 1  # a blank's code is -1
        width = int(codes.max(initial=0)) + 1
        if int(keys.max(initial=0)) >= np.iinfo(np.int64).max // width:
            keys = pd.factorize(keys)[0].astype(np.int64)
        keys *= width
        keys += codes
    return keys


def repeated_keys(keys: np.ndarray) -> np.ndarray | None:
    """Which rows share their key with another row; None when no key repeats (the usual file)."""
    size = int(keys.max(initial=-1)) + 1
    if size <= 4 * len(keys):  # keys as dense as a file's usually are: counted, not hashed (ten times faster)
        counts = np.bincount(keys, minlength=size)
        return counts[keys] > 1 if counts.max(initial=0) > 1 else None
    repeated = pd.Series(keys).duplicated(keep=False).to_numpy()
    return repeated if repeated.any() else None


def distinct(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """A code for each row (-1 where blank) and the distinct values they number (a Categorical's own, when it is)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(), column.cat.categories
    return pd.factorize(column)
