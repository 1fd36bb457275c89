"""What the importer understood from a file, before it is matched against the catalogue."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from thplan.breakdown import NONE, Breakdown
from thplan.framework import Framework
from thplan.ingest.problems import Problem, warning
from thplan.period import PeriodKind
from thplan.polarity import Polarity
from thplan.value import CellValue


@dataclass(frozen=True)
class Location:
    sheet: str
    row: int  # 0-based
    column: int  # 0-based
    header: str = ""

    @property
    def ref(self) -> str:
        from thplan.ingest.problems import cell_ref

        return cell_ref(self.row + 1, self.column + 1)

    def where(self, file: str) -> dict[str, object]:
        return {
            "file": file,
            "sheet": self.sheet,
            "row": self.row + 1,
            "column": self.column + 1,
            "header": self.header,
        }


@dataclass
class MeasureRef:
    """A measure as a file names it, with what the file says about it."""

    name: str
    location: Location
    theme: str = ""  # a theme (id or name) the file names for the measure in a theme column
    outcome: str = ""
    suggested_theme: str = ""  # a theme id the title of its table suggests (never a placement of its own)
    polarity: Polarity | None = None
    unit: str = ""
    kind: str = ""
    note: str = ""
    comparison: str = ""  # "interval": compared by confidence interval (Fingertips); "none": not compared at all
    breakdown: str | None = ""  # the label of the breakdown the file's headline is (None: the file cannot say)
    #: Named by its file's or sheet's name, not by the table (a single series): the officer may rename it.
    by_title: bool = False
    period_type: PeriodKind | None = None  # what its "2018/19" labels are, where the file says (a DfE file does)


@dataclass(frozen=True)
class RawObservation:
    measure: str  # the name as written in the file
    area: str
    period: str  # label as written (parsed against the measure's period kind later)
    value: CellValue
    location: Location
    series_break: bool = False
    note: str | None = None
    lower_ci: float | None = None
    upper_ci: float | None = None
    count: float | None = None
    denominator: float | None = None
    breakdown: Breakdown = NONE
    context_period: str | None = None  # the latest period of its table, when its own period is not stated


@dataclass(frozen=True)
class StatedLabel:
    """A trend, arrow or comparison a file states, to be checked against what the classifier computes."""

    measure: str
    area: str
    what: str  # "overall", "direction", "recent" or "vs"
    text: str
    location: Location
    benchmark: str = ""
    period: str = ""  # the period the label is about ("" when it is about the latest values)
    breakdown: Breakdown = NONE


@dataclass(frozen=True)
class RawTarget:
    """A target cell (and the tolerance beside it) for a measure and period, as written."""

    measure: str
    period: str
    target: object
    tolerance: object
    location: Location


@dataclass(frozen=True)
class RawComment:
    """A commentary cell: what is being done about a measure, for a period."""

    measure: str
    period: str
    text: str
    location: Location


@dataclass(frozen=True)
class RawLead:
    """A lead (or owner) cell, and the date of the next update beside it."""

    measure: str
    name: str
    next_update: object
    location: Location


@dataclass(frozen=True)
class TableInfo:
    sheet: str
    cell_range: str
    layout: str
    title: str = ""
    theme: str = ""
    rows: int = 0


@dataclass
class Parsed:
    file: str
    tables: list[TableInfo] = field(default_factory=list)
    measures: dict[str, MeasureRef] = field(default_factory=dict)
    observations: list[RawObservation] = field(default_factory=list)
    #: Observations read a column at a time (large tables), as frames with the columns of `cells.FIELDS`.
    frames: list[pd.DataFrame] = field(default_factory=list)
    stated: list[StatedLabel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    framework: Framework | None = None
    rows: int = 0
    #: Hidden worksheets, which are not read.
    hidden_sheets: list[str] = field(default_factory=list)
    #: The period the officer gave for tables that name none (`ImportOptions.period`), as a label; "" without one.
    given_period: str = ""
    #: The text of each sheet of notes (`filenotes`), by sheet.
    file_notes: dict[str, str] = field(default_factory=dict)
    #: Whether a table was refused for naming no period anywhere (a period given on upload would read it).
    period_needed: bool = False
    #: The title at the top of each sheet (`subjects.sheet_title`), by sheet.
    sheet_titles: dict[str, str] = field(default_factory=dict)
    #: The unit a sheet states above its tables ('Thousands', '%': `wide.sheet_unit`), by sheet; "" for none.
    sheet_units: dict[str, str] = field(default_factory=dict)
    #: What is being done about each measure: targets, commentary and leads (issue 21).
    targets: list[RawTarget] = field(default_factory=list)
    comments: list[RawComment] = field(default_factory=list)
    leads: list[RawLead] = field(default_factory=list)

    def period_for(self, where: dict[str, object]) -> str | None:
        """The officer's period for a table that names none, said as a warning; None (and the need noted) without
        one."""
        if not self.given_period:
            self.period_needed = True
            return None
        self.problems.append(warning(
            f"The table names no period: its values are read as {self.given_period}, the period given when the file "
            "was uploaded.", code="given-period", **where))  # fmt: skip
        return self.given_period

    def add_measure(self, ref: MeasureRef) -> None:
        known = self.measures.get(ref.name)
        if known is None:
            self.measures[ref.name] = ref
            return
        known.theme = known.theme or ref.theme
        known.suggested_theme = known.suggested_theme or ref.suggested_theme
        known.outcome = known.outcome or ref.outcome
        known.polarity = known.polarity if known.polarity is not None else ref.polarity
        known.unit = known.unit or ref.unit
        known.kind = known.kind or ref.kind
        known.comparison = known.comparison or ref.comparison
        known.breakdown = known.breakdown if known.breakdown != "" else ref.breakdown
        known.period_type = known.period_type or ref.period_type
