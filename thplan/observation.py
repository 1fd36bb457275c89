"""Observations: one value (or the reason it is missing) of a measure, for an area, a period and a breakdown."""

from __future__ import annotations

from dataclasses import dataclass, field

from thplan.breakdown import NONE, Breakdown
from thplan.period import Period


@dataclass(slots=True)
class Source:
    """Where a value was read: file, sheet and cell (for example 'C7')."""

    file: str = ""
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.cell:
            parts.append(f"cell {self.cell}")
        return ", ".join(p for p in parts if p)


@dataclass(slots=True)
class Observation:
    """Slotted: a dashboard holds a hundred thousand of them (a third of the memory of a dict per instance). Not
    frozen, though never changed once made (views share them between sessions): a frozen dataclass's __init__
    sets each field through object.__setattr__, which would cost the cold start at 1,000,000 values a tenth of
    its 1.3x target (docs/performance.md).

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
