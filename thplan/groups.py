"""Peer groups an officer defines and names in the app (statistical neighbours, a partnership's boroughs): saved,
changed and deleted as recorded imports, so History lists each change and can roll it back."""

from __future__ import annotations

import re
from collections.abc import Iterable

from thplan.area import canonical_area
from thplan.peers import BUILT_IN, PeerGroup
from thplan.store import ImportRecord, Payload, Store, StoreError, peer_groups_frame

PEER_GROUP = "peer group"
NAME_LIMIT = 60


class GroupError(StoreError):
    """A peer group that cannot be saved (the message says what to change)."""


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def save_group(store: Store, name: str, areas: Iterable[str], description: str, *, user: str) -> ImportRecord:
    """Create a group, or change the one of that name: at least two of the areas the data hold."""
    name = " ".join(name.split())
    members = sorted({canonical_area(a) for a in areas})
    known = set(store.area_counts())
    if not name:
        raise GroupError("Give the group a name (for example 'Statistical neighbours').")
    if len(name) > NAME_LIMIT:
        raise GroupError(f"Keep the group's name to {NAME_LIMIT} characters or fewer.")
    if any(_key(g.name) == _key(name) for g in BUILT_IN):
        raise GroupError(f"'{name}' is a group the dashboard already has. Choose another name.")
    unknown = [a for a in members if a not in known]
    if unknown:
        raise GroupError(f"The data hold no figures for {', '.join(unknown)}. Choose areas from the list.")
    if len(members) < 2:
        raise GroupError("Choose at least two areas: a ranking needs more than one.")
    existed = any(g.id == _key(name) for g in store.peer_groups())
    group = PeerGroup(name, name, " ".join(description.split()), frozenset(members), _key(name))
    what = f"{'changed' if existed else 'defined'} the peer group '{name}' ({len(members)} areas)"
    return _record(store, group, what, user)


def delete_group(store: Store, name: str, *, user: str) -> ImportRecord:
    found = next((g for g in store.peer_groups() if g.name == name), None)
    if found is None:
        raise GroupError(f"There is no peer group '{name}'.")
    return _record(
        store,
        PeerGroup(found.name, found.name, found.description, frozenset(), found.id),
        f"deleted the peer group '{name}'",
        user,
    )


def _record(store: Store, group: PeerGroup, what: str, user: str) -> ImportRecord:
    summary = {"peer_group": group.name, "areas": sorted(group.members or ())}
    return store.record(
        Payload(peer_groups=peer_groups_frame([group])), what, user=user, kind=PEER_GROUP, summary=summary
    )
