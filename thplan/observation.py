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
        (measure_id, area, period, value, decimals, missing, note, footnote, series_break, covers, period_stated,
         lower_ci, upper_ci, count, denominator, flags, source) = values  # fmt: skip
        made = object.__new__(cls)
        # Unrolled: a loop over the setters cost a third more (the dashboard's first view builds 86,000).
        _MEASURE_ID(made, measure_id)
        _AREA(made, area)
        _PERIOD(made, period)
        _VALUE(made, value)
        _DECIMALS(made, decimals)
        _MISSING(made, missing)
        _NOTE(made, note)
        _FOOTNOTE(made, footnote)
        _SERIES_BREAK(made, series_break)
        _COVERS(made, covers)
        _PERIOD_STATED(made, period_stated)
        _LOWER_CI(made, lower_ci)
        _UPPER_CI(made, upper_ci)
        _COUNT(made, count)
        _DENOMINATOR(made, denominator)
        _FLAGS(made, flags)
        _SOURCE(made, source)
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
(_MEASURE_ID, _AREA, _PERIOD, _VALUE, _DECIMALS, _MISSING, _NOTE, _FOOTNOTE, _SERIES_BREAK, _COVERS, _PERIOD_STATED,
 _LOWER_CI, _UPPER_CI, _COUNT, _DENOMINATOR, _FLAGS, _SOURCE) = (getattr(Observation, f.name).__set__
                                                                 for f in fields(Observation))  # fmt: skip
_SET_FILE, _SET_SHEET, _SET_CELL = (getattr(Source, f.name).__set__ for f in fields(Source))
