"""Peer groups officers define in the app: saved in the database as recorded changes, listed in History, rolled back
like an import; refused with a message that says what to change."""

from __future__ import annotations

import pytest

from thplan.groups import PEER_GROUP, GroupError, delete_group, save_group
from thplan.peers import groups_with_data

from .conftest import LONDON_CAMPYLOBACTER, do_import

NEIGHBOURS = ["Tower Hamlets", "Hackney", "Newham", "Southwark", "Lambeth"]


@pytest.fixture
def store(make_store):
    store = make_store(framework=False)
    assert not do_import(store, LONDON_CAMPYLOBACTER).rejected
    return store


def test_a_saved_group_is_stored_with_its_areas_and_recorded(store):
    record = save_group(store, "  Statistical   neighbours ", NEIGHBOURS, "CIPFA's nearest", user="officer")
    [group] = store.peer_groups()
    assert (group.name, group.description, group.members) == ("Statistical neighbours", "CIPFA's nearest",
                                                              frozenset(NEIGHBOURS))  # fmt: skip
    assert record.kind == PEER_GROUP and record.user == "officer"
    assert record.file_name == "defined the peer group 'Statistical neighbours' (5 areas)"
    assert store.imports()[-1].id == record.id  # History lists it


def test_saving_a_group_of_the_same_name_changes_it_and_rolling_back_restores_it(store):
    save_group(store, "Neighbours", NEIGHBOURS, "", user="a")
    changed = save_group(store, "neighbours", ["Tower Hamlets", "Hackney"], "", user="b")
    assert changed.file_name == "changed the peer group 'neighbours' (2 areas)"
    assert [g.members for g in store.peer_groups()] == [frozenset({"Tower Hamlets", "Hackney"})]
    with store.transaction() as tx:
        tx.rollback(changed.id, user="c")
    assert [g.members for g in store.peer_groups()] == [frozenset(NEIGHBOURS)]


def test_a_deleted_group_is_gone_and_its_deletion_can_be_rolled_back(store):
    save_group(store, "Neighbours", NEIGHBOURS, "", user="a")
    deleted = delete_group(store, "Neighbours", user="a")
    assert store.peer_groups() == []
    with store.transaction() as tx:
        tx.rollback(deleted.id, user="a")
    assert [g.name for g in store.peer_groups()] == ["Neighbours"]


def test_a_defined_group_is_offered_beside_the_built_in_ones(store):
    save_group(store, "Neighbours", NEIGHBOURS, "", user="a")
    names = [g.name for g in groups_with_data(store.area_counts(), store.peer_groups())]
    assert names[-1] == "Neighbours" and "London boroughs" in names


REFUSALS = [
    ("no-name", "  ", NEIGHBOURS, "Give the group a name"),
    ("a-built-in-name", "Inner london", NEIGHBOURS, "is a group the dashboard already has"),
    ("one-area", "Mine", ["Tower Hamlets"], "Choose at least two areas"),
    ("an-area-without-figures", "Mine", ["Tower Hamlets", "Atlantis"], "The data hold no figures for Atlantis"),
    ("a-long-name", "x" * 61, NEIGHBOURS, "60 characters or fewer"),
]


@pytest.mark.parametrize(("name", "areas", "message"), [c[1:] for c in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_a_group_that_cannot_be_saved_is_refused_and_nothing_is_written(store, name, areas, message):
    before = len(store.imports())
    with pytest.raises(GroupError, match=message):
        save_group(store, name, areas, "", user="a")
    assert len(store.imports()) == before and store.peer_groups() == []


def test_deleting_a_group_that_does_not_exist_is_refused(store):
    with pytest.raises(GroupError, match="There is no peer group 'Nope'"):
        delete_group(store, "Nope", user="a")
