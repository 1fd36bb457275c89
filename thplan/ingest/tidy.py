"""Tidy tables: one row per measure, period and area, with a value and optional details (polarity, theme,
outcome, unit, confidence limits, count, denominator, note).

Read a column at a time (see `cells`): a 350,000-row extract parses each distinct measure name, area, period and
value once, and every problem still names its cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pandas as pd

from thplan.area import canonical_area
from thplan.breakdown import PARTS, Breakdown, read_breakdown
from thplan.framework import Framework
from thplan.ingest import cells
from thplan.ingest.accountability import read_columns
from thplan.ingest.areacolumns import find_area_column
from thplan.ingest.grid import Grid
from thplan.ingest.headers import ACCOUNTABILITY, Column, role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, TableInfo
from thplan.ingest.problems import cell_ref, error, not_imported
from thplan.ingest.series import area_of_table
from thplan.period import NOT_STATED, PeriodError, parse_period
from thplan.polarity import Polarity, PolarityError, parse_polarity
from thplan.value import CellValue, decimals_of

HEADER_SEARCH_ROWS = 30
MEDIAN_AREA = "Median of local authorities"
#: A rank-order column (Oflog) says how authorities are ranked: descending means higher is better.
RANK_ORDER = {"desc": Polarity.HIGHER, "descending": Polarity.HIGHER, "asc": Polarity.LOWER,
              "ascending": Polarity.LOWER, "none": Polarity.NONE}  # fmt: skip
#: Columns of the upload template that say more about a value (see `template`).
DETAIL_ROLES = ("missing", "covers", "flags", "footnote", "decimals")
NUMBER_ROLES = ("lower_ci", "upper_ci", "count", "denominator")


def find_tidy_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row of a tidy table and the column of each role, if the grid has one."""
    for row in range(min(grid.height, HEADER_SEARCH_ROWS)):
        roles: dict[str, int] = {}
        for column in grid.filled(row):
            role = role_of(grid.value(row, column))
            if role and role not in roles:
                roles[role] = column
        if ("measure" in roles or "measure_id" in roles) and "period" in roles and "value" in roles:
            return row, roles
    return None


def read_tidy_table(grid: Grid, parsed: Parsed, framework: Framework, home_area: str) -> bool:
    found = find_tidy_header(grid)
    if found is None:
        return False
    header_row, roles = found
    if "area" not in roles and (column := find_area_column(grid, header_row)) not in (None, *roles.values()):
        roles["area"] = column  # a heading naming a kind of area ('Ward', 'LSOA name', 'WD22NM'): areas of their own
    rows = grid.nonblank_rows(header_row + 1)
    unused = [grid.text(header_row, c) for c in grid.filled(header_row) if c not in roles.values()]
    if unused:
        parsed.problems.append(not_imported(unused, **grid.where(header_row)))
    if "area" not in roles and "area_code" in roles:
        roles["area"] = roles["area_code"]  # codes alone name the areas (E09000030 is Tower Hamlets)
    if "area" not in roles:
        home_area = area_of_table(grid, parsed, header_row, home_area)
    _Table(grid, header_row, roles, rows, parsed).read(framework, home_area)
    width = max(roles.values()) + 1
    parsed.tables.append(
        TableInfo(grid.sheet, f"{cell_ref(header_row + 1, 1)}:{cell_ref(header_row + 1 + len(rows), width)}",
                  "tidy", rows=len(rows))
    )  # fmt: skip
    parsed.rows += len(rows)
    return True


class _Table:
    """One tidy table's columns; `ok` marks the rows still readable after each check."""

    def __init__(self, grid: Grid, header_row: int, roles: dict[str, int], rows: list[int], parsed: Parsed) -> None:
        self.grid, self.header_row, self.roles, self.rows, self.parsed = grid, header_row, roles, rows, parsed
        self.headers = {role: grid.text(header_row, column) for role, column in roles.items()}
        self._texts: dict[str, list[str]] = {}
        self.ok = [True] * len(rows)

    def text(self, role: str) -> list[str]:
        if role not in self._texts:
            column = self.roles.get(role)
            self._texts[role] = self.grid.texts(column, self.rows) if column is not None else [""] * len(self.rows)
        return self._texts[role]

    def raw(self, role: str) -> list[object]:
        return self.grid.column(self.roles[role], self.rows)

    def problem(self, position: int, role: str, message: str) -> None:
        where = self.grid.where(self.rows[position], self.roles.get(role), self.headers.get(role, ""))
        self.parsed.problems.append(error(message, **where))

    def read(self, framework: Framework, home_area: str) -> None:
        names = self._names()
        periods = self._periods()
        values = self._values()
        self._measures(names, values, framework)
        areas = self._areas(home_area)
        self._observations(names, periods, values, areas)
        self._refuse_unread_divisions(names, periods, areas)
        accountable = [Column(c, self.headers[r], r) for r, c in self.roles.items() if r in ACCOUNTABILITY]
        read_columns(self.grid, self.header_row, accountable, self.rows, names, areas, periods, home_area,
                     self.parsed)  # fmt: skip

    def _refuse_unread_divisions(self, names: list[str], periods: list[str], areas: list[str]) -> None:
        """A column the table does not read whose text differs between rows of one measure, area, period and
        breakdown ('Ethnic group', 'Ward' under another heading) divides the figures in a way the table does not
        say: an error naming it, not values of different things stored as one."""
        keys = pd.DataFrame({"measure": names, "area": areas, "period": periods,
                             **{role: self.text(role) for role in (*PARTS, "breakdown")}})  # fmt: skip
        used = set(self.roles.values())
        for column in self.grid.filled(self.header_row):
            if column in used:
                continue
            texts = pd.Series(self.grid.texts(column, self.rows)).replace("", None)
            varies = texts.groupby([keys[k] for k in keys.columns]).transform("nunique").to_numpy() > 1
            if varies.any():
                first, second = (int(p) for p in varies.nonzero()[0][:2])
                heading = self.grid.text(self.header_row, column)
                self.parsed.problems.append(error(
                    f"The column '{heading}' is not read, but its rows {self.rows[first] + 1} and "
                    f"{self.rows[second] + 1} give '{texts[first]}' and '{texts[second]}' for the same measure, area "
                    "and period, so the figures are divided in a way the table does not say. Head the column "
                    "'Area' if it names areas, or 'Category' if it is a breakdown.",
                    **self.grid.where(self.header_row, column, heading)))  # fmt: skip

    def _areas(self, home: str) -> list[str]:
        """Each row's area (a blank cell is the home area's)."""
        places = {a: canonical_area(a) if a else home for a in set(self.text("area"))}
        return [places[a] for a in self.text("area")]

    def _names(self) -> list[str]:
        names = [i or m for i, m in zip(self.text("measure_id"), self.text("measure"), strict=True)]
        for position, name in enumerate(names):
            if not name:
                self.ok[position] = False
                self.problem(position, "measure", "The measure is blank. Name the measure on every row.")
        return names

    def _periods(self) -> list[str]:
        labels: dict[tuple[type, object], str | PeriodError] = {}
        out = []
        for position, raw in enumerate(self.raw("period")):
            key = (raw.__class__, raw)
            label = labels.get(key)
            if label is None:
                try:
                    label = labels[key] = parse_period(raw).label
                except PeriodError as exc:
                    label = labels[key] = exc
            if isinstance(label, PeriodError):
                if self.ok[position]:
                    self.ok[position] = False
                    self.problem(position, "period", str(label))
                out.append("")
            else:
                out.append(label)
        return out

    def _values(self) -> list[CellValue]:
        column = self.roles["value"]
        formats = self.grid.formats_of(column, self.rows)
        parsed, errors = cells.parse_values(self.grid.column(column, self.rows), formats)
        for position, exc in errors.items():
            if self.ok[position]:
                self.ok[position] = False
                self.problem(position, "value", f"{exc} Fix the cell or leave it blank.")
        if any(role in self.roles for role in DETAIL_ROLES):
            extras = list(zip(*(self.text(role) for role in DETAIL_ROLES), strict=True))
            memo: dict[tuple[int, tuple[str, ...]], CellValue] = {}
            for position, value in enumerate(parsed):
                key = (id(value), extras[position])
                if key not in memo:
                    memo[key] = _details(value, dict(zip(DETAIL_ROLES, extras[position], strict=True)).__getitem__)
                parsed[position] = memo[key]
        return parsed

    def _measures(self, names: list[str], values: list[CellValue], framework: Framework) -> None:
        """Each measure once, with what its rows say about it; rows that disagree on its polarity are errors."""
        polarities = self._polarities()
        units = [u or ("%" if v.percent else "") for u, v in zip(self.text("unit"), values, strict=True)]
        facts = zip(names, polarities, self.text("theme"), self.text("outcome"), units, self.text("kind"), strict=True)
        first: dict[tuple[str, Polarity | None, str, str, str, str], int] = {}
        for position, fact in enumerate(facts):
            if self.ok[position] and fact not in first:
                first[fact] = position
        themes = {t: framework.find_theme(t) for t in {fact[2] for fact in first} if t}
        for (name, polarity, theme_text, outcome, unit, kind), position in first.items():
            theme = themes.get(theme_text)
            ref = MeasureRef(name, Location(self.grid.sheet, self.rows[position], self._name_column()),
                             theme=theme.id if theme else theme_text, outcome=outcome, unit=unit, kind=kind,
                             polarity=polarity)  # fmt: skip
            known = self.parsed.measures.get(name)
            if known is not None and polarity is not None and known.polarity not in (None, polarity):
                more = sum(1 for n, p in zip(names, polarities, strict=True) if n == name and p is polarity) - 1
                also = f" ({more} more rows say the same)" if more > 0 else ""
                message = (f"The polarity of '{name}' is '{polarity}' here{also} but '{known.polarity}' on row "
                           f"{known.location.row + 1}. Give each measure one polarity.")  # fmt: skip
                self.problem(position, "polarity", message)
                continue
            self.parsed.add_measure(ref)

    def _name_column(self) -> int:
        return self.roles.get("measure", self.roles.get("measure_id", 0))

    def _polarities(self) -> list[Polarity | None]:
        if "polarity" not in self.roles:
            if "rank_order" in self.roles:
                return [RANK_ORDER.get(t.lower()) for t in self.text("rank_order")]
            return [None] * len(self.rows)
        raws = self.raw("polarity")
        read: dict[object, Polarity | PolarityError | None] = {}
        for raw in set(raws):
            try:
                read[raw] = parse_polarity(raw)
            except PolarityError as exc:
                read[raw] = exc
        out = [read[raw] for raw in raws]
        for position, polarity in enumerate(out):
            if isinstance(polarity, PolarityError):
                if self.ok[position]:
                    self.problem(position, "polarity", str(polarity))
                out[position] = None
        return out  # type: ignore[return-value]

    def _numbers(self, role: str, keep: list[bool]) -> list[float | None]:
        if role not in self.roles:
            return [None] * len(self.rows)
        parsed, errors = cells.parse_values(self.raw(role))
        for position, exc in errors.items():
            if keep[position]:
                self.problem(position, role, f"{exc}")
        return [v.value for v in parsed]

    def _observations(self, names: list[str], periods: list[str], values: list[CellValue], areas: list[str]) -> None:
        notes = self.text("note")
        keep = [ok and (not v.blank or bool(n)) for ok, v, n in zip(self.ok, values, notes, strict=True)]
        joined = [("; ".join(p for p in (v.note, n) if p) or None) for v, n in zip(values, notes, strict=True)]
        columns: dict[str, object] = {
            "measure": names, "area": areas, "note": joined,
            **cells.value_columns(cells.ParsedColumn.of_cells(values)),
            "series_break": [_yes(t) for t in self.text("series_break")],
            **self._undated(periods),
            **self._breakdowns(),
            **{role: self._numbers(role, keep) for role in NUMBER_ROLES},
            "sheet": self.grid.sheet, "row": self.rows, "column": self.roles["value"],
            "header": self.headers["value"],
        }  # fmt: skip
        table = cells.frame(columns, len(self.rows))
        if "median" in self.roles:
            self.parsed.frames.append(self._medians(table, keep))
        self.parsed.frames.append(table[keep].reset_index(drop=True))

    def _undated(self, periods: list[str]) -> dict[str, list[str | None]]:
        """Rows whose 'Period stated' column says no: their period is a guess (an older template export wrote the
        table's latest period), so they are figures whose period is not stated, with that guess as context."""
        if "period_stated" not in self.roles:
            return {"period": list(periods)}
        guessed = [t.strip().lower() in ("no", "false", "0", "n") for t in self.text("period_stated")]
        pairs = list(zip(periods, guessed, strict=True))
        return {"period": [NOT_STATED.label if g else p for p, g in pairs],
                "context_period": [p or None if g else None for p, g in pairs]}  # fmt: skip

    def _breakdowns(self) -> dict[str, list[str | None]]:
        """The rows' breakdowns from Sex, Age, Category type and Category columns, or a Breakdown column written as
        a name's brackets write it ('Persons, 0-9 yrs'; anything else is a category)."""
        if not any(role in self.roles for role in (*PARTS, "breakdown")):
            return {}
        read: dict[tuple[str, ...], Breakdown] = {}
        found = []
        for parts in zip(*(self.text(role) for role in (*PARTS, "breakdown")), strict=True):
            if parts not in read:
                *given, written = parts
                read[parts] = Breakdown(*given) if any(given) or not written else (
                    read_breakdown(written) or Breakdown(category=written))  # fmt: skip
            found.append(read[parts])
        return {"breakdown": [b.label for b in found],
                **{part: [getattr(b, part) or None for b in found] for part in PARTS}}  # fmt: skip

    def _medians(self, table: pd.DataFrame, keep: list[bool]) -> pd.DataFrame:
        """An Oflog-style MEDIAN column: the median of local authorities, as an area of its own."""
        medians = self._numbers("median", keep)
        present = [k and raw is not None for k, raw in zip(keep, self.raw("median"), strict=True)]
        median = cells.frame({"measure": table["measure"].tolist(), "area": MEDIAN_AREA,
                              "period": table["period"].tolist(), "value": medians,
                              "decimals": [decimals_of(m) if m is not None else 0 for m in medians],
                              "sheet": self.grid.sheet, "row": self.rows, "column": self.roles["median"],
                              "header": self.headers["median"]}, len(self.rows))  # fmt: skip
        return median[present].reset_index(drop=True)


def _yes(text: str) -> bool:
    return text.strip().lower() in ("yes", "y", "true", "1", "x")


def _details(value: CellValue, text: Callable[[str], str]) -> CellValue:
    """What the template's extra columns add to a value: its missing reason, the period it covers, flags."""
    if value.blank and text("missing"):
        value = CellValue(missing=text("missing"))
    changes: dict[str, object] = {}
    if text("covers"):
        changes["covers"] = text("covers")
    if text("flags"):
        changes["flags"] = tuple(f.strip() for f in text("flags").split(";") if f.strip())
    if text("footnote"):
        changes["footnote"] = text("footnote")
    if text("decimals").isdigit() and value.value is not None:
        changes["decimals"] = int(text("decimals"))
    return replace(value, **changes) if changes else value  # type: ignore[arg-type]
