"""Observations: one value (or the reason it is missing) of a measure, for an area, a period and a breakdown."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from thplan.breakdown import NONE, Breakdown
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
    """Slotted: a dashboard holds a hundred thousand of them (a third of the memory of a dict per instance).

    A figure whose source states no period has the period NOT_STATED (`dated` is False); `context_period` then
    holds the latest period of the table it was read from, for the reader (it is never used as its period).
    """

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
    lower_ci: float | None = None
    upper_ci: float | None = None
    count: float | None = None
    denominator: float | None = None
    flags: tuple[str, ...] = ()
    context_period: str | None = None
    breakdown: Breakdown = NONE
    source: Source = field(default_factory=Source, compare=False)

    @classmethod
    def of(
        cls, *, measure_id: str, area: str, period: Period, value: float | None, decimals: int, missing: str | None,
        note: str | None, footnote: str | None, series_break: bool, covers: Period | None, lower_ci: float | None,
        upper_ci: float | None, count: float | None, denominator: float | None, flags: tuple[str, ...],
        context_period: str | None, breakdown: Breakdown, source: Source,
    ) -> Observation:  # fmt: skip
        """An observation with every field given, made without the per-field checks of a frozen dataclass's
        __init__: the store builds the home view's 86,000 at once, and `__init__` would cost the cold start a
        tenth of its 1.3x target (docs/performance.md)."""
        made = object.__new__(cls)
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
        _LOWER_CI(made, lower_ci)
        _UPPER_CI(made, upper_ci)
        _COUNT(made, count)
        _DENOMINATOR(made, denominator)
        _FLAGS(made, flags)
        _CONTEXT_PERIOD(made, context_period)
        _BREAKDOWN(made, breakdown)
        _SOURCE(made, source)
        return made

    @property
    def available(self) -> bool:
        return self.value is not None

    @property
    def dated(self) -> bool:
        """False for a figure whose source states no period."""
        return self.period.dated

    @property
    def effective_period(self) -> Period:
        """The period the value really covers (a 2017/18 column may hold a 2015-17 value)."""
        return self.covers or self.period

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.measure_id, self.area, self.period.label, self.breakdown.label)


# Each field's slot setter (cheaper than object.__setattr__ by name); `test_store` checks every field is set.
_MEASURE_ID = Observation.measure_id.__set__  # type: ignore[attr-defined]
_AREA = Observation.area.__set__  # type: ignore[attr-defined]
_PERIOD = Observation.period.__set__  # type: ignore[attr-defined]
_VALUE = Observation.value.__set__  # type: ignore[attr-defined]
_DECIMALS = Observation.decimals.__set__  # type: ignore[attr-defined]
_MISSING = Observation.missing.__set__  # type: ignore[attr-defined]
_NOTE = Observation.note.__set__  # type: ignore[attr-defined]
_FOOTNOTE = Observation.footnote.__set__  # type: ignore[attr-defined]
_SERIES_BREAK = Observation.series_break.__set__  # type: ignore[attr-defined]
_COVERS = Observation.covers.__set__  # type: ignore[attr-defined]
_LOWER_CI = Observation.lower_ci.__set__  # type: ignore[attr-defined]
_UPPER_CI = Observation.upper_ci.__set__  # type: ignore[attr-defined]
_COUNT = Observation.count.__set__  # type: ignore[attr-defined]
_DENOMINATOR = Observation.denominator.__set__  # type: ignore[attr-defined]
_FLAGS = Observation.flags.__set__  # type: ignore[attr-defined]
_CONTEXT_PERIOD = Observation.context_period.__set__  # type: ignore[attr-defined]
_BREAKDOWN = Observation.breakdown.__set__  # type: ignore[attr-defined]
_SOURCE = Observation.source.__set__  # type: ignore[attr-defined]
_SET_FILE, _SET_SHEET, _SET_CELL = (getattr(Source, f.name).__set__ for f in fields(Source))
