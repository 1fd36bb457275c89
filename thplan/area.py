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


#: Areas that are benchmarks, not places a viewer would choose as their own: the country, London and its parts,
#: and the median of authorities an Oflog extract gives.
BENCHMARK_AREAS = frozenset({ENGLAND, LONDON, "Inner London", "Outer London", "Central London",
                             "Median of local authorities"})  # fmt: skip
_REGION = re.compile(r"\bregion$", re.IGNORECASE)  # Fingertips' regions: "North West region"


def is_benchmark(name: str) -> bool:
    """England, London and its parts, a region ('North West region'), a median of authorities."""
    return canonical_area(name) in BENCHMARK_AREAS or bool(_REGION.search(name.strip()))


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name.lower()).split())


def canonical_area(name: object) -> str:
    """One name per place: 'London region' and 'Greater London' are London."""
    text = " ".join(str(name or "").split())
    return _ALIASES.get(_key(text), text)


def same_area(a: str, b: str) -> bool:
    return _key(canonical_area(a)) == _key(canonical_area(b))
