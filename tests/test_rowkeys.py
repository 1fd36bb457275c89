"""Rows numbered by their key columns: equal keys, equal numbers; the rows that repeat a key are found whether
the keys are dense (counted) or sparse (hashed)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from thplan.rowkeys import repeated_keys, row_keys

FRAMES = {
    "no-repeat": ({"a": ["x", "y", "x"], "b": ["1", "1", "2"]}, None),
    "a-repeat": ({"a": ["x", "y", "x"], "b": ["1", "1", "1"]}, [True, False, True]),
    "blanks-are-equal": ({"a": [None, "y", None], "b": ["1", "1", "1"]}, [True, False, True]),
    "categories": ({"a": pd.Categorical(["x", "y", "x", "z"]), "b": pd.Categorical(["1", "2", "1", "1"])},
                   [True, False, True, False]),
    "sparse-keys-hashed": ({"a": [f"m{n}" for n in range(40)] + ["m0"], "b": [str(n) for n in range(40)] + ["0"]},
                           [True] + [False] * 39 + [True]),
}  # fmt: skip


@pytest.mark.parametrize(("columns", "repeated"), FRAMES.values(), ids=FRAMES.keys())
def test_rows_repeating_a_key(columns, repeated):
    keys = row_keys(pd.DataFrame(columns), ["a", "b"])
    found = repeated_keys(keys)
    assert (found if found is None else found.tolist()) == repeated


def test_row_keys_are_renumbered_before_they_could_overflow():
    size = 3_000_000  # three columns of this many categories: their product passes 2**63
    last = size - 1
    codes = {"a": [0, last, 0, last], "b": [0, 0, last, last], "c": [last, 0, 0, last]}
    frame = pd.DataFrame({c: pd.Categorical.from_codes(np.array(v), categories=range(size)) for c, v in codes.items()})
    keys = row_keys(frame, "abc")
    assert len(set(keys.tolist())) == 4 and (keys >= 0).all() and keys.max() < 2**40  # far from 2**63
    assert row_keys(pd.concat([frame, frame]), "abc").tolist()[4:] == keys.tolist()
