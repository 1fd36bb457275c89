"""Breakdowns: one indicator's values by sex, age and category (a deprivation decile, an ethnic group).

Fingertips publishes an indicator for "Persons, All ages" and again for other ages, each sex and each category of
a category type ("County & UA deprivation deciles in England (IMD2019, 4/21 geog.)"). They are one measure: its
headline series is one breakdown (the measure's default), the others are its breakdowns, not measures of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_SEXES = {"persons": "Persons", "person": "Persons", "all persons": "Persons", "male": "Male", "males": "Male",
          "men": "Male", "female": "Female", "females": "Female", "women": "Female"}  # fmt: skip
_AGE = re.compile(
    r"^(all ages|\d+\s*(?:-|–|to)\s*\d+\s*(?:yrs|years)?( old)?|\d+\s*\+\s*(?:yrs|years)?|<\s*\d+\s*(?:yrs|years)?|"
    r"\d+\s*(?:yrs|years)( old)?|under \d+( yrs| years)?|aged \d+.*)$",
    re.IGNORECASE,
)
PERSONS, ALL_AGES = "Persons", "All ages"
#: What a breakdown is made of (its label is made from them).
PARTS = ("sex", "age", "category_type", "category")


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A sex, an age band and a category of a category type; all blank for a value with no breakdown."""

    sex: str = ""
    age: str = ""
    category_type: str = ""
    category: str = ""
    #: 'Persons, 0-9 yrs' or 'Persons, All ages, County & UA deprivation deciles ...: Most deprived decile' (the key
    #: it is stored under; blank for no breakdown). Worked out once: the home view's filter reads it 86,000 times.
    label: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        category = f"{self.category_type}: {self.category}" if self.category_type else self.category
        object.__setattr__(self, "label", ", ".join(p for p in (self.sex, self.age, category) if p))

    @property
    def in_category(self) -> bool:
        return bool(self.category)

    def __str__(self) -> str:
        return self.label or "no breakdown"


NONE = Breakdown()


def sex_alone(text: str) -> str | None:
    """The sex a heading names and nothing else ('Males' is Male; 'All persons', the headline, is ''); None for any
    other text."""
    found = read_breakdown(text)
    if found is None or found.age or found.category or not found.sex:
        return None
    return "" if found.sex == PERSONS else found.sex


def is_age(text: str) -> bool:
    """Whether a text is an age band ('0-9 yrs', 'Aged 18-24', '65+', 'All ages')."""
    return bool(_AGE.match(text))


def read_breakdown(text: str) -> Breakdown | None:
    """A breakdown as a measure name's brackets write it ('Persons, 0-9 yrs', 'Female', 'Persons, All ages,
    Ethnic groups: Asian'); None when the text does not read as one (it is then part of the name)."""
    parts = [p.strip() for p in text.split(",")]
    sex = age = ""
    if parts and parts[0].lower() in _SEXES:
        sex = _SEXES[parts.pop(0).lower()]
    if parts and _AGE.match(parts[0]):
        age = parts.pop(0)
    if not sex and not age:
        return None
    rest = ", ".join(parts)
    if not rest:
        return Breakdown(sex, age)
    kind, colon, category = rest.rpartition(": ")
    return Breakdown(sex, age, kind.strip() if colon else "", category.strip())


_DEPTH = {")": 1, "(": -1}


def split_name(name: str) -> tuple[str, Breakdown | None]:
    """A measure name and the breakdown its last brackets name: 'Campylobacter rate (Persons, 0-9 yrs)' ->
    ('Campylobacter rate', Persons, 0-9 yrs); a name whose brackets say something else -> (name, None)."""
    text = name.rstrip()
    if not text.endswith(")"):
        return name, None
    position = text.rfind("(")  # the bracket that opens the last group, unless a group nests in it
    if ")" in text[position + 1 : -1]:
        depth = 0
        for position in range(len(text) - 1, -1, -1):
            depth += _DEPTH.get(text[position], 0)
            if depth == 0:
                break
        else:
            return name, None
    if position < 0:
        return name, None
    found = read_breakdown(text[position + 1 : -1])
    return (text[:position].rstrip(), found) if found is not None and text[:position].strip() else (name, None)


def headline(breakdowns: Iterable[Breakdown]) -> Breakdown | None:
    """The breakdown an indicator's headline uses, of those a file gives: no category, and Persons and All ages
    where there are such values; otherwise the only sex and age without a category. None when several remain
    (Male and Female only, say): then no breakdown is the headline until the catalogue names one."""
    plain = {b for b in breakdowns if not b.in_category}
    if len(plain) == 1:
        return next(iter(plain))
    for wanted in (Breakdown(PERSONS, ALL_AGES), Breakdown(PERSONS), Breakdown(age=ALL_AGES), NONE):
        if wanted in plain:
            return wanted
    persons = {b for b in plain if b.sex == PERSONS}
    return next(iter(persons)) if len(persons) == 1 else None


def from_label(label: str) -> Breakdown:
    """The breakdown a label names ("" is none): its sex and age where the label begins with them, else all of
    it as the category; its label is `label` again."""
    if not label:
        return NONE
    return read_breakdown(label) or Breakdown(category=label)
