"""One name per place, however a file spells it."""

from __future__ import annotations

import pytest

from thplan.area import canonical_area, is_known_area

SPELLINGS = [
    ("Tower Hamlets", "Tower Hamlets"),
    ("London Borough of Tower Hamlets", "Tower Hamlets"),
    ("TOWER HAMLETS COUNCIL", "Tower Hamlets"),
    ("gor:London", "London"),
    ("Greater London", "London"),
    ("E09000030", "Tower Hamlets"),
    ("ladu2021:Lambeth", "Lambeth"),
    ("England Total", "England"),
    ("London (total)", "London"),
    ("Kent Total", "Kent Total"),  # a place it does not know keeps its name
    ("Total", "Total"),
]


@pytest.mark.parametrize(("written", "area"), SPELLINGS, ids=[s for s, _ in SPELLINGS])
def test_a_spelling_of_a_place_is_that_place(written, area):
    assert canonical_area(written) == area


def test_a_total_of_a_place_it_does_not_know_is_not_a_known_area():
    assert is_known_area("England Total") and not is_known_area("Kent Total")
