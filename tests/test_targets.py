"""Targets and the status against them (thplan/classification.py R15), table-driven; and reading a Target,
Tolerance or RAG cell as performance reports write them. Each case id reads as the rule."""

from __future__ import annotations

import pytest

from thplan.classification import TargetLabel, status_against_target
from thplan.targets import (
    Direction,
    StatedRag,
    Target,
    TargetError,
    Tolerance,
    parse_rag,
    parse_target,
    parse_tolerance,
)

from .test_classification import H, L, N, measure, series

#: polarity, series, target (value or direction), tolerance: the status
STATUS_CASES = [
    ("higher-is-better-above-target-is-on-target", H, "2020/21=60 2021/22=76", "75", None, TargetLabel.ON_TARGET),
    ("equal-at-precision-is-on-target", H, "2021/22=75.0", "75", None, TargetLabel.ON_TARGET),
    ("below-without-tolerance-is-off-target", H, "2021/22=74.9", "75", None, TargetLabel.OFF_TARGET),
    ("below-within-an-absolute-tolerance", H, "2021/22=73.5", "75", "2", TargetLabel.WITHIN_TOLERANCE),
    ("at-the-edge-of-the-tolerance-is-within", H, "2021/22=73.0", "75", "2", TargetLabel.WITHIN_TOLERANCE),
    ("beyond-the-tolerance-is-off-target", H, "2021/22=72.9", "75", "2", TargetLabel.OFF_TARGET),
    ("a-relative-tolerance-is-a-share-of-the-target", H, "2021/22=190", "200", "5%", TargetLabel.WITHIN_TOLERANCE),
    ("beyond-a-relative-tolerance", H, "2021/22=189", "200", "5%", TargetLabel.OFF_TARGET),
    ("lower-is-better-below-target-is-on-target", L, "2021/22=12", "15", None, TargetLabel.ON_TARGET),
    ("lower-is-better-above-within-tolerance", L, "2021/22=16", "15", "1", TargetLabel.WITHIN_TOLERANCE),
    ("lower-is-better-above-is-off-target", L, "2021/22=17", "15", "1", TargetLabel.OFF_TARGET),
    ("no-polarity-equal-is-on-target", N, "2021/22=50", "50", "3", TargetLabel.ON_TARGET),
    ("no-polarity-either-side-within-tolerance", N, "2021/22=52", "50", "3", TargetLabel.WITHIN_TOLERANCE),
    ("no-polarity-far-off-is-off-target", N, "2021/22=40", "50", "3", TargetLabel.OFF_TARGET),
    ("maintain-the-same-is-on-target", H, "2020/21=60 2021/22=60", "Maintain", None, TargetLabel.ON_TARGET),
    ("maintain-better-is-on-target", H, "2020/21=60 2021/22=61", "Maintain", None, TargetLabel.ON_TARGET),
    ("maintain-slightly-worse-within-tolerance", H, "2020/21=60 2021/22=59", "Maintain", "2",
     TargetLabel.WITHIN_TOLERANCE),
    ("maintain-worse-is-off-target", H, "2020/21=60 2021/22=55", "Maintain", "2", TargetLabel.OFF_TARGET),
    ("improve-better-is-on-target", L, "2020/21=20 2021/22=18", "Improve", None, TargetLabel.ON_TARGET),
    ("improve-the-same-is-off-target", H, "2020/21=60 2021/22=60", "Improve", None, TargetLabel.OFF_TARGET),
    ("improve-the-same-is-within-a-tolerance", H, "2020/21=60 2021/22=60", "Improve", "1",
     TargetLabel.WITHIN_TOLERANCE),
    ("reduce-on-a-measure-where-higher-is-better", H, "2020/21=60 2021/22=58", "Reduce", None,
     TargetLabel.ON_TARGET),
    ("increase-not-met", N, "2020/21=60 2021/22=58", "Increase", None, TargetLabel.OFF_TARGET),
    ("improve-without-polarity-cannot-be-judged", N, "2020/21=60 2021/22=62", "Improve", None,
     TargetLabel.UNAVAILABLE),
    ("a-direction-without-an-earlier-value", H, "2021/22=60", "Maintain", None, TargetLabel.UNAVAILABLE),
    ("judged-against-the-previous-available-value", H, "2019/20=50 2020/21=- 2021/22=55", "Improve", None,
     TargetLabel.ON_TARGET),
    ("a-target-for-another-year-is-no-target", H, "2020/21=76", "75", None, TargetLabel.NO_TARGET),
    ("no-value-is-data-unavailable", H, "2021/22=-", "75", None, TargetLabel.UNAVAILABLE),
]  # fmt: skip


@pytest.mark.parametrize(("polarity", "data", "aim", "tolerance", "label"), [c[1:] for c in STATUS_CASES],
                         ids=[c[0] for c in STATUS_CASES])  # fmt: skip
def test_status_against_target(polarity, data, aim, tolerance, label):
    value, decimals, direction = parse_target(aim)
    target = Target("2021/22", value, decimals, direction, parse_tolerance(tolerance))
    result = status_against_target(measure(polarity), series(data), [target])
    assert result.label is label, result.method


def test_the_status_says_what_it_compared():
    target = Target("2021/22", None, 0, Direction.MAINTAIN, Tolerance(2))
    result = status_against_target(measure(), series("2020/21=60 2021/22=59"), [target])
    assert result.method == "2021/22 value against Maintain on 2020/21, tolerance 2"
    assert result.previous is not None and result.previous.period.label == "2020/21"


TARGET_CELLS = [
    ("a-percentage", "75%", (75.0, 0, None)),
    ("a-number-with-decimals", "75.50", (75.5, 2, None)),
    ("a-number-cell", 1200, (1200.0, 0, None)),
    ("thousands", "1,200", (1200.0, 0, None)),
    ("maintain", "Maintain", (None, 0, Direction.MAINTAIN)),
    ("maintain-or-improve", "Maintain or improve", (None, 0, Direction.MAINTAIN)),
    ("improve-with-words", "Improve on 2021/22", (None, 0, Direction.IMPROVE)),
    ("reduce", "reduce", (None, 0, Direction.REDUCE)),
]


@pytest.mark.parametrize(("cell", "read"), [c[1:] for c in TARGET_CELLS], ids=[c[0] for c in TARGET_CELLS])
def test_a_target_cell(cell, read):
    assert parse_target(cell) == read


@pytest.mark.parametrize("cell", ["tbc", "about the same as London"])
def test_a_target_cell_we_cannot_read_says_what_to_write(cell):
    with pytest.raises(TargetError, match="neither a number nor a direction"):
        parse_target(cell)


TOLERANCE_CELLS = [
    ("an-amount", "2", Tolerance(2.0)),
    ("points", "2 points", Tolerance(2.0)),
    ("plus-or-minus-pp", "±1.5pp", Tolerance(1.5)),
    ("a-number-cell", 0.5, Tolerance(0.5)),
    ("a-share-of-the-target", "5%", Tolerance(5.0, relative=True)),
    ("of-target-in-words", "10% of target", Tolerance(10.0, relative=True)),
    ("blank", "", None),
]


@pytest.mark.parametrize(("cell", "read"), [c[1:] for c in TOLERANCE_CELLS], ids=[c[0] for c in TOLERANCE_CELLS])
def test_a_tolerance_cell(cell, read):
    assert parse_tolerance(cell) == read


def test_a_relative_tolerance_is_a_share_of_the_target():
    assert Tolerance(5.0, relative=True).of(200.0) == 10.0 and Tolerance(2.0).of(200.0) == 2.0


RAG_CELLS = [("Green", StatedRag.GREEN), ("G", StatedRag.GREEN), ("amber", StatedRag.AMBER), ("R", StatedRag.RED),
             ("Off target", StatedRag.RED), ("On track", StatedRag.GREEN), ("n/a", None), ("", None)]  # fmt: skip


@pytest.mark.parametrize(("cell", "read"), RAG_CELLS, ids=[c or "blank" for c, _ in RAG_CELLS])
def test_a_stated_rag_cell(cell, read):
    assert parse_rag(cell) is read


def test_a_rag_cell_we_cannot_read_says_what_to_write():
    with pytest.raises(TargetError, match="Green, Amber or Red"):
        parse_rag("Blue")
