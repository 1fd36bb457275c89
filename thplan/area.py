"""Areas: the home borough, its benchmarks (London, England) and other places, under one name each."""

from __future__ import annotations

import functools
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
    "england benchmark": ENGLAND,
    "national": ENGLAND,
    "inner": "Inner London",
    "outer": "Outer London",
    "central": "Central London",
    "lbth": HOME_AREA,
}


#: Areas that are benchmarks, not places a viewer would choose as their own: the country, London and its parts,
#: and the median of authorities an Oflog extract gives.
BENCHMARK_AREAS = frozenset({ENGLAND, LONDON, "Inner London", "Outer London", "Central London",
                             "Median of local authorities"})  # fmt: skip
_REGION = re.compile(r"^[a-z][a-z ]{1,40} region$", re.IGNORECASE)  # Fingertips' regions: "North West region"


@functools.lru_cache(maxsize=4096)  # asked of every area of every measure by the compare page (its 150 ms rerun target)
def is_benchmark(name: str) -> bool:
    """England, London and its parts, a region ('North West region'), a median of authorities."""
    return canonical_area(name) in BENCHMARK_AREAS or bool(_REGION.search(name.strip()))


#: London's boroughs by their ONS codes, and England's regions as Fingertips names them: a file may give either.
LONDON_BOROUGHS = (
    "City of London", "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing",
    "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey", "Harrow", "Havering", "Hillingdon",
    "Hounslow", "Islington", "Kensington and Chelsea", "Kingston upon Thames", "Lambeth", "Lewisham", "Merton",
    "Newham", "Redbridge", "Richmond upon Thames", "Southwark", "Sutton", HOME_AREA, "Waltham Forest", "Wandsworth",
    "Westminster",
)  # fmt: skip
REGIONS = (
    "North East region", "North West region", "Yorkshire and the Humber region", "East Midlands region",
    "West Midlands region", "East of England region", LONDON, "South East region", "South West region",
)  # fmt: skip
_CODES = {
    "e92000001": ENGLAND,
    **{f"e090000{n:02d}": name for n, name in enumerate(LONDON_BOROUGHS, start=1)},
    **{f"e1200000{n}": name for n, name in enumerate(REGIONS, start=1)},
    "e13000001": "Inner London",
    "e13000002": "Outer London",
}
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\x00-\x1f\x7f-\x9f]")
_PREFIX = re.compile(r"^(?:the )?(?:london borough of|royal borough of|lb of|lb|city of(?! london\b)) (?=\w)")
#: A known place's total row is that place ('England Total', 'London (total)'), as is a place with its kind of
#: area ('England (Nation)', 'Lambeth LA').
_SUFFIX = re.compile(r"(?<=\w) (?:lb|la|council|borough|borough council|london borough|total|nation)$")


def clean_name(name: object) -> str:
    """A name as a reader sees it: invisible and control characters removed, spaces collapsed."""
    return " ".join(_INVISIBLE.sub("", str(name or "")).split())


def _key(name: str) -> str:
    """What two spellings of one place share: case, spaces, punctuation, '&' for 'and' and 'London Borough of'
    do not count."""
    key = " ".join(re.sub(r"[^a-z0-9]+", " ", clean_name(name).lower().replace("&", " and ")).split())
    return _SUFFIX.sub("", _PREFIX.sub("", key))


_KNOWN = {
    **{_key(name): name for name in (*LONDON_BOROUGHS, *REGIONS, *BENCHMARK_AREAS)},
    **_CODES,
    **_ALIASES,
}


#: NOMIS writes an area with its geography ('ladu2021:Lambeth', 'gor:London'), a small one with its code as well
#: ('ward2021:E05000416 : Bishop's'). Only these administrative geographies: 'towncity:London' is London's
#: built-up area, not the region, and keeps its name.
_NOMIS = re.compile(r"^(?:(?:ladu|lad|ualad|la|ctyua|gor|rgn|region|country|ctry|ward|wd|msoa|lsoa|oa|pcon)\d*:\s*)?"
                    r"(?:[EWSN]\d{8}\s+:\s+)?(?=\S)")  # fmt: skip


def canonical_area(name: object) -> str:
    """One name per place: 'London region', 'Greater London', 'LONDON', 'gor:London' and E12000007 are London; a
    place this program does not know keeps its name, cleaned."""
    text = _NOMIS.sub("", clean_name(name))
    return _KNOWN.get(_key(text), text)


def read_as(name: str) -> str | None:
    """The place a name is read as where it is another name of it ('GLA', 'Greater London': London; 'Inner':
    Inner London), to be said; None for the place's own name, a spelling of it or its code."""
    text = _NOMIS.sub("", clean_name(name))
    place = _KNOWN.get(_key(text))
    return place if place is not None and _key(text) not in _CODES and _key(place) != _key(text) else None


def in_nomis_geography(name: str) -> bool:
    """Written as NOMIS writes an area of an administrative geography ('ladu2021:Lambeth')."""
    text = clean_name(name)
    return _NOMIS.sub("", text) != text


def is_known_area(name: str) -> bool:
    """A London borough, an English region, England or one of London's parts (by any of its spellings or codes)."""
    return _key(_NOMIS.sub("", clean_name(name))) in _KNOWN or bool(_REGION.search(name.strip()))


def area_key(name: str) -> str:
    """The key two spellings of one area share (for matching a file's areas with those already stored)."""
    return _key(canonical_area(name))


#: Whole names of places a file's name may carry (not aliases such as "national" or "inner": a word of a title).
_NAMED = {_key(n.removesuffix(" region")): n for n in (*LONDON_BOROUGHS, *REGIONS, ENGLAND)}


def area_named_in(title: str) -> str | None:
    """The London borough, English region or England a title names ('lambeth_claimant_count.csv': Lambeth), the
    longest name first; None when it names none."""
    words = re.sub(r"[^a-z0-9]+", " ", title.lower().replace("&", " and ")).split()
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            found = _NAMED.get(" ".join(words[start : start + size]))
            if found is not None:
                return found
    return None


#: Nations and unions a national table names, which are no area of England's ('UK' is kept as written).
_NATIONS = {"uk": "UK", "united kingdom": "UK", "great britain": "Great Britain", "gb": "Great Britain",
            "england and wales": "England and Wales", "wales": "Wales", "scotland": "Scotland",
            "northern ireland": "Northern Ireland"}  # fmt: skip


#: Words after a place that say who of it a table counts ('Tower Hamlets residents', 'London (all adults)').
_OF_A_PLACE = re.compile(r"\s+(?:residents?|population|households|adults|employees|workers)"
                         r"(?:\s+aged\s+\S+(?:\s+and over)?)?$", re.IGNORECASE)  # fmt: skip


def place_named(text: str) -> str | None:
    """The place a clause of a title is on its own ('UK', 'London', 'England and Wales'); None for any other text."""
    plain = _OF_A_PLACE.sub("", " ".join(clean_name(text).split()))  # 'Tower Hamlets residents': Tower Hamlets
    if plain.lower() in _NATIONS:
        return _NATIONS[plain.lower()]
    return canonical_area(plain) if is_known_area(plain) else None
