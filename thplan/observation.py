"""Observations: one value (or the reason it is missing) of a measure, for an area and a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from thplan.period import Period


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value was read: file, sheet and cell (for example 'C7')."""

    file: str = ""
    sheet: str = ""
    cell: str = ""

    @classmethod
    def of(cls, file: str, sheet: str, cell: str) -> Source:
        """A source without the per-field checks of a frozen dataclass's __init__ (see `Observation.of`)."""
        made = object.__new__(cls)
        _SET_FILE(made, file)
        _SET_SHEET(made, sheet)
        _SET_CELL(made, cell)
        return made

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}")
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Observation:
    """Slotted: a dashboard holds a hundred thousand of them (a third of the memory of a dict per instance)."""

    measure_id: str
    area: str
    period: Period
    value: float | None = None
    decimals: int = 0
    missing: str | None = None
    note: str | None = None
    footnote: str | None = None
    series_break: bool = False
    covers: Period | None = None
    period_stated: bool = True
    lower_ci: float | None = None
    upper_ci: float | None = None
    count: float | None = None
    denominator: float | None = None
    flags: tuple[str, ...] = ()
    source: Source = field(default_factory=Source, compare=False)

    @classmethod
    def of(cls, values: Sequence[object]) -> Observation:
        """An observation from its field values in order, without the per-field checks of a frozen dataclass's
        __init__ (the store builds tens of thousands at once; the values come from its own typed columns)."""
        made = object.__new__(cls)
        for put, value in zip(_PUT, values, strict=True):
            put(made, value)
        return made

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def effective_period(self) -> Period:
        """The period the value really covers (a 2017/18 column may hold a 2015-17 value)."""
        return self.covers or self.period

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.measure_id, self.area, self.period.label)


#: Each field's slot setter, in order (cheaper than object.__setattr__ by name).
_PUT = tuple(getattr(Observation, f.name).__set__ for f in fields(Observation))
_SET_FILE, _SET_SHEET, _SET_CELL = (getattr(Source, f.name).__set__ for f in fields(Source))
