"""Peer groups: the areas a measure's value is ranked among (all London boroughs by default, Inner or Outer London,
England's regions, or every local area an extract holds)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from thplan.area import LONDON_BOROUGHS, REGIONS, is_benchmark


@dataclass(frozen=True)
class PeerGroup:
    name: str
    #: What its members are called in a sentence: "12th of 33 London boroughs".
    noun: str
    description: str
    #: None: every area in the data that is not a benchmark (England, a region, London or one of its parts).
    members: frozenset[str] | None = None
    #: An officer's group's key in the database ('' for the built-in groups).
    id: str = ""

    def among(self, areas: Iterable[str]) -> list[str]:
        """The group's areas among those given, in the order given."""
        if self.members is None:
            return [a for a in areas if not is_benchmark(a)]
        return [a for a in areas if a in self.members]


#: Inner London as ONS defines it for statistics (ITL Inner London West and East). The London Government Act
#: 1963's Inner London has Greenwich in place of Haringey and Newham; the description says which is used.
INNER = frozenset(
    {
        "Camden",
        "City of London",
        "Hackney",
        "Hammersmith and Fulham",
        "Haringey",
        "Islington",
        "Kensington and Chelsea",
        "Lambeth",
        "Lewisham",
        "Newham",
        "Southwark",
        "Tower Hamlets",
        "Wandsworth",
        "Westminster",
    }
)

LONDON_BOROUGHS_GROUP = PeerGroup(
    "London boroughs", "London boroughs", "The 32 London boroughs and the City of London.", frozenset(LONDON_BOROUGHS)
)
BUILT_IN = (
    LONDON_BOROUGHS_GROUP,
    PeerGroup(
        "Inner London",
        "Inner London boroughs",
        "Inner London as ONS defines it for statistics: 13 boroughs and the City of London (Haringey and "
        "Newham in, Greenwich out).",
        INNER,
    ),
    PeerGroup(
        "Outer London",
        "Outer London boroughs",
        "Outer London as ONS defines it for statistics: 19 boroughs.",
        frozenset(LONDON_BOROUGHS) - INNER,
    ),
    PeerGroup("English regions", "English regions", "England's nine regions, London among them.", frozenset(REGIONS)),
    PeerGroup(
        "All local areas",
        "local areas",
        "Every area the data hold for this measure except England, its regions and London's parts (for a "
        "county and unitary authority extract: every county and unitary authority).",
    ),
)


def groups_with_data(areas: Iterable[str], defined: Iterable[PeerGroup] = ()) -> list[PeerGroup]:
    """The built-in groups, then those officers defined, with at least two of the given areas."""
    found = list(areas)
    return [g for g in (*BUILT_IN, *defined) if len(g.among(found)) >= 2]
