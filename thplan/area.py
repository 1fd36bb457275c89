"""Areas: the home borough, its benchmarks (London, England) and other places, under one name each."""

from __future__ import annotations

import re

HOME_AREA = "Tower Hamlets"
LONDON = "London"
ENGLAND = "England"
#: The benchmarks every measure is compared with, in the order screens show them.
BENCHMARKS = (LONDON, ENGLAND)

#: Other spellings of an area, as files write them (keys are normalised).
_ALIASES = {
    "london region": LONDON,
    "greater london": LONDON,
    "london benchmark": LONDON,
    "gla": LONDON,
    "e12000007": LONDON,
    "england benchmark": ENGLAND,
    "national": ENGLAND,
    "e92000001": ENGLAND,
    "inner": "Inner London",
    "outer": "Outer London",
    "central": "Central London",
    "e09000030": HOME_AREA,
    "lbth": HOME_AREA,
    "london borough of tower hamlets": HOME_AREA,
    "tower hamlets borough": HOME_AREA,
}


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def canonical_area(name: object) -> str:
    """One name per place: 'London region' and 'Greater London' are London."""
    text = " ".join(str(name or "").split())
    return _ALIASES.get(_key(text), text)


def same_area(a: str, b: str) -> bool:
    return _key(canonical_area(a)) == _key(canonical_area(b))
