"""One name per place, however a file spells it."""

from __future__ import annotations

import pytest

from thplan.area import canonical_area, is_known_area, place_named, read_as

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


#: A name read as another place's name is said in the preview; a spelling or a code of a place's own name is not.
READ_AS = [
    ("Inner", "Inner London"),
    ("GLA", "London"),
    ("Greater London", "London"),
    ("national", "England"),
    ("London Borough of Tower Hamlets", None),
    ("TOWER HAMLETS", None),
    ("E09000030", None),
    ("Kent", None),
]


@pytest.mark.parametrize(("written", "place"), READ_AS, ids=[s for s, _ in READ_AS])
def test_a_name_read_as_another_name_of_a_place_is_told(written, place):
    assert read_as(written) == place


PLACES_OF_TITLES = [("UK", "UK"), ("United Kingdom", "UK"), ("England and Wales", "England and Wales"),
                    ("London", "London"), ("Tower Hamlets", "Tower Hamlets"), ("2013 TO 2020", None),
                    ("BY AGE GROUP (YEARS) AND SEX", None), ("Tower Hamlets residents", "Tower Hamlets"),
                    ("London households aged 16 and over", "London"), ("Residents", None)]  # fmt: skip


@pytest.mark.parametrize(("clause", "place"), PLACES_OF_TITLES, ids=[c for c, _ in PLACES_OF_TITLES])
def test_a_clause_of_a_title_that_is_a_place(clause, place):
    assert place_named(clause) == place
