"""The Department for Education's open data files (Explore Education Statistics): one row per period, area and
combination of filters, one column per indicator.

Their columns follow the DfE's published standard: `time_period` with `time_identifier` (201819 and
"Academic year" is 2018/19), `geographic_level` with the code and name columns of each level (National:
country_name, Regional: region_name, Local authority: la_name ...), then filters (text: gender, characteristic,
category) and indicators (numbers, with the DfE's markers c, x, z, u, low).

How the columns become measures:
* each indicator column is a measure, named from its header ("children_in_need_per_10000_children" is "Children
  in need per 10000 children");
* a filter with a total (a row whose value is "Total", "All" or blank) breaks the measure down: its other values
  are breakdowns, and the total is the headline;
* a filter without one says what is counted ("Episodes of need starting in the year"): each of its values is a
  measure of its own, named after the indicator ("Number: Episodes of need starting in the year").
"""

from __future__ import annotations

import calendar
import re
from collections import Counter

import numpy as np

from thplan.area import canonical_area
from thplan.breakdown import NONE, PARTS, Breakdown
from thplan.ingest import cells
from thplan.ingest.grid import Grid
from thplan.ingest.headers import role_of
from thplan.ingest.parsed import Location, MeasureRef, Parsed, TableInfo
from thplan.ingest.problems import cell_ref, error, info, not_imported, warning
from thplan.measure import GENERIC_NAMES, unit_implied_by
from thplan.period import YEAR_KINDS, PeriodKind

HEADER_ROWS = 5
#: The column with the area's name at each geographic level (the DfE's standard); another level's is
#: `<level>_name`.
LEVEL_NAMES = {
    "national": "country_name", "regional": "region_name", "local authority": "la_name",
    "local authority district": "lad_name", "ward": "ward_name", "parliamentary constituency": "pcon_name",
    "opportunity area": "opportunity_area_name", "local enterprise partnership": "local_enterprise_partnership_name",
    "local skills improvement plan area": "lsip_name", "english devolved area": "english_devolved_area_name",
    "mayoral combined authority": "english_devolved_area_name", "school": "school_name", "provider": "provider_name",
    "institution": "institution_name", "planning area": "pa_name",
}  # fmt: skip
_GEOGRAPHY = re.compile(r"(^|_)(code|name|urn|ukprn|laestab)$|^geographic_level$")
TOTALS = frozenset({"", "total", "all"})
#: time_identifier -> the kind of its time_period: six digits (201819) for a year of two halves, else four.
YEARS = {"academic year": PeriodKind.ACADEMIC, "financial year": PeriodKind.FINANCIAL,
         "calendar year": PeriodKind.CALENDAR, "reporting year": PeriodKind.CALENDAR}  # fmt: skip
_QUARTER = re.compile(r"^(academic|financial|calendar) year q([1-4])$")
#: The months of the DfE's academic quarters (Q1 is August to October), {0} the year it starts, {1} the next.
_ACADEMIC_QUARTERS = ("Aug-Oct {0}", "Nov {0}-Jan {1}", "Feb-Apr {1}", "May-Jul {1}")
#: A time_identifier that names a month ('January'), as the label's month.
_MONTHS = {name.lower(): name[:3] for name in calendar.month_name if name}


def find_header(grid: Grid) -> tuple[int, dict[str, int]] | None:
    """The header row of a DfE file and each header's column (lower-cased), if the grid is one."""
    for row in range(min(grid.height, HEADER_ROWS)):
        headers = {grid.text(row, c).lower(): c for c in grid.filled(row)}
        if {"time_period", "geographic_level"} <= headers.keys():
            return row, headers
    return None


#: An indicator's confidence limit, as the DfE names one ('p8score_ci_low', 'rate_lower_ci').
_LIMIT = re.compile(r"^(?P<base>.+?)_(?:(?:95_?)?(?:ci|confidence_interval)_(?P<side>low|lower|upp|upper)|"
                    r"(?P<side2>lower|upper)_(?:95_?)?(?:ci|confidence_interval))$")  # fmt: skip
#: A filter whose values are the kinds of another's ('breakdown_topic' of 'breakdown', 'cla_group' of
#: 'characteristic').
_TOPIC = re.compile(r"_(?:topic|group|type)$")
#: The DfE's time_identifiers of terms and weeks ('Autumn term', 'Autumn and spring term', 'Week 37').
_TERMS_AND_WEEKS = re.compile(r"^(?:(?:autumn|spring|summer)(?: and (?:autumn|spring|summer))? term|week \d+)$")
#: Columns of a DfE file that say how final or how often its figures are, not what they are of ('version':
#: Provisional, Revised): not a filter, whose values would name measures.
_ABOUT_THE_FIGURES = ("version", "data_version", "release", "time_frequency")
_FEW = 20  # a filter of numbers has no more values than this (grades 9 to 1 and U)


def read_ees(grid: Grid, parsed: Parsed) -> bool:
    found = find_header(grid)
    if found is None:
        return False
    header_row, headers = found
    if "time_identifier" not in headers:
        parsed.problems.append(error(
            "This looks like a DfE open data file (time_period, geographic_level) but has no time_identifier "
            "column, so its periods cannot be told apart (201819 is an academic or a financial year). Add the "
            "column as the DfE publishes it.",
            **grid.where(header_row, headers["time_period"], "time_period")))  # fmt: skip
        return True
    rows = grid.nonblank_rows(header_row + 1)
    _File(grid, header_row, headers, rows, parsed).read()
    return True


def _code_columns(name_column: str) -> tuple[str, ...]:
    """The columns that may give the code of the areas `name_column` names ('la_name': new_la_code)."""
    stem = name_column.removesuffix("_name")
    return (f"new_{stem}_code", f"{stem}_code")


def _humane(header: str) -> str:
    """'children_in_need_per_10000_children' -> 'Children in need per 10000 children'."""
    text = " ".join(header.replace("_", " ").split())
    return text[:1].upper() + text[1:]


def _unit(header: str) -> str:
    if m := re.search(r"\bper (\d+)\b", header.lower().replace("_", " ")):
        return f"per {m.group(1)}"
    return unit_implied_by(header)


class _File:
    def __init__(self, grid: Grid, header_row: int, headers: dict[str, int], rows: list[int], parsed: Parsed):
        self.grid, self.header_row, self.headers, self.rows, self.parsed = grid, header_row, headers, rows, parsed
        self.ok = [True] * len(rows)

    def texts(self, header: str) -> list[str]:
        return self.grid.texts(self.headers[header], self.rows)

    def problem(self, position: int, header: str, message: str) -> None:
        column = self.headers[header]
        self.parsed.problems.append(error(message, **self.grid.where(self.rows[position], column, header)))

    def read(self) -> None:
        periods, kinds = self._periods()
        areas = self._areas()
        indicators, filters = self._columns()
        first, last = self.header_row + 1, (self.rows[-1] + 1) if self.rows else self.header_row + 1
        width = max(self.headers.values()) + 1
        self.parsed.tables.append(TableInfo(self.grid.sheet, f"{cell_ref(first, 1)}:{cell_ref(last, width)}",
                                            "DfE open data", rows=len(self.rows)))  # fmt: skip
        self.parsed.rows += len(self.rows)
        if not indicators:
            self.parsed.problems.append(error(
                f"This DfE file has no indicator column (a column of numbers after its filters "
                f"{', '.join(filters)}), so it holds no values to import.",
                **self.grid.where(self.header_row)))  # fmt: skip
            return
        totals = {f: _totals({t.lower() for t in self.texts(f)}) for f in filters}
        naming = [f for f in filters if not totals[f]]
        breaking = {f: totals[f] for f in filters if totals[f]}
        suffixes = self._suffixes(naming)
        breakdowns = self._breakdowns(breaking)
        keep = [ok and bool(p) and bool(a) for ok, p, a in zip(self.ok, periods, areas, strict=True)]
        rows = [r for r, k in zip(self.rows, keep, strict=True) if k]
        picked = [p for p, k in enumerate(keep) if k]
        bounds = self._bounds(indicators)
        for header in indicators:
            if header not in bounds.values():
                self._indicator(header, rows, picked, periods, areas, suffixes, breakdowns, kinds, bounds)
        if "reporting year" in {t.lower() for t in self.texts("time_identifier")}:
            self.parsed.problems.append(info(
                "The file's 'Reporting year' periods are read as the years it names (2022 is 2022). A reporting "
                "year often ends on 31 March: the publication says which.", file=self.grid.file))  # fmt: skip

    def _periods(self) -> tuple[list[str], list[PeriodKind | None]]:
        read: dict[tuple[str, str], tuple[str, PeriodKind] | str] = {}
        labels, kinds = [], []
        pairs = zip(self.texts("time_period"), self.texts("time_identifier"), strict=True)
        unread: dict[str, int] = {}  # terms and weeks: periods this program does not hold, their rows set aside
        for position, pair in enumerate(pairs):
            if _TERMS_AND_WEEKS.match(pair[1].lower()):
                unread.setdefault(pair[1], position)
                self.ok[position] = False
                labels.append("")
                kinds.append(None)
                continue
            if pair not in read:
                read[pair] = _period(*pair)
                if isinstance(read[pair], str):  # said once, at the first row it is on
                    self.problem(position, "time_period", read[pair])  # type: ignore[arg-type]
            got = read[pair]
            if isinstance(got, str):
                self.ok[position] = False
                labels.append("")
                kinds.append(None)
            else:
                labels.append(got[0])
                kinds.append(got[1])
        if unread:
            where = self.grid.where(self.rows[min(unread.values())], self.headers["time_identifier"], "time_identifier")
            said = (
                f"The rows of the time_identifiers {', '.join(repr(t) for t in unread)} are not read: this "
                "program holds years, quarters and months, not terms or weeks."
            )
            if any(self.ok):
                self.parsed.problems.append(
                    warning(f"{said} The file's other rows are read.", code="not-read", **where)
                )
            else:
                self.parsed.problems.append(error(f"{said} The file has no other rows: it holds nothing to import.",
                                                  **where))  # fmt: skip
        return labels, kinds

    def _areas(self) -> list[str]:
        levels = self.texts("geographic_level")
        names: dict[str, list[str] | None] = {}
        codes: dict[str, list[str]] = {}
        for level in set(levels):
            column = LEVEL_NAMES.get(level.lower(), f"{level.lower().replace(' ', '_')}_name")
            names[level] = self.texts(column) if column in self.headers else None
            code = next((c for c in _code_columns(column) if c in self.headers), None)
            codes[level] = self.texts(code) if code is not None else [""] * len(self.rows)
        out = []
        reported: set[str] = set()
        for position, level in enumerate(levels):
            column = names[level]
            name = column[position] if column is not None else ""
            if not name and self.ok[position]:
                self.ok[position] = False
                if level not in reported:
                    reported.add(level)
                    expected = LEVEL_NAMES.get(level.lower(), f"{level.lower().replace(' ', '_')}_name")
                    self.problem(position, "geographic_level", (
                        f"The row's geographic level is '{level}', but its area's name ({expected}) is "
                        + ("blank." if column is not None else "not a column of the file.")
                        + " Give the name of each row's area as the DfE's files do."))  # fmt: skip
            # a code is surer than a name ('North East' is the region E12000001, as Fingertips names it)
            code = codes[level][position]
            out.append((by_code if (by_code := canonical_area(code)) != code else canonical_area(name)) if name else "")
        return out

    def _columns(self) -> tuple[list[str], list[str]]:
        """The indicator columns and the filter columns. An indicator is a column of numbers and missing-value
        markers; one with a few texts besides is still one (its texts are errors, not a filter's values: '~' in a
        column of percentages). A filter is text, or numbers that tell rows apart ('grade' 9 to 1 beside the
        subject): the DfE gives one row per period, area and combination of filters."""
        indicators, filters = [], []
        for header, column in sorted(self.headers.items(), key=lambda item: item[1]):
            if header in ("time_period", "time_identifier") or _GEOGRAPHY.search(header):
                continue
            if header in _ABOUT_THE_FIGURES:
                self.parsed.problems.append(not_imported([header], **self.grid.where(self.header_row, column)))
                continue
            if role_of(header) in ("sex", "age", "category", "category_type", "breakdown"):
                filters.append(header)
                continue
            parsed = cells.parse_column(self.grid.column(column, self.rows))
            given = sum(not cell.blank for cell in parsed.cells())  # numbers or markers (all suppressed is data)
            (indicators if given > len(parsed.errors) else filters).append(header)
        for header in list(indicators):  # numbers that tell apart rows alike in all else are a filter's values
            if not self._repeats(filters):
                break
            if self._few_values(header) and not self._repeats([*filters, header]):
                indicators.remove(header)
                filters.append(header)
        return indicators, filters

    def _repeats(self, filters: list[str]) -> bool:
        """Whether two rows share a period, an area and their filters' values."""
        keys = [h for h in self.headers if h in ("time_period", "time_identifier") or _GEOGRAPHY.search(h)]
        rows = list(zip(*(self.texts(h) for h in (*keys, *filters)), strict=True))
        return len(set(rows)) < len(rows)

    def _few_values(self, header: str) -> bool:
        """A filter's few values, each on several rows (a grade, a year group), not an indicator's figures."""
        counts = Counter(self.texts(header))
        return len(counts) <= _FEW and min(counts.values()) >= 2

    def _suffixes(self, naming: list[str]) -> list[str]:
        if not naming:
            return [""] * len(self.rows)
        columns = [self.texts(f) for f in naming]
        return [", ".join(v for v in values if v) for values in zip(*columns, strict=True)]

    def _breakdowns(self, breaking: dict[str, set[str]]) -> list[Breakdown]:
        """Each row's breakdown: its filters' values other than their totals (all totals: the headline)."""
        if not breaking:
            return [NONE] * len(self.rows)
        columns = [self.texts(f) for f in breaking]
        counts = {f: len(set(c)) for f, c in zip(breaking, columns, strict=True)}
        roles = [role_of(f) for f in breaking]
        read: dict[tuple[str, ...], Breakdown] = {}
        out = []
        for values in zip(*columns, strict=True):
            if values not in read:
                given = [(f, v, r) for (f, total), v, r in zip(breaking.items(), values, roles, strict=True)
                         if v.lower() not in total]  # fmt: skip
                sex = next((v for _, v, r in given if r == "sex"), "")
                age = next((v for _, v, r in given if r == "age"), "")
                rest = [(f, v) for f, v, r in given if r not in ("sex", "age")]
                if len(rest) == 2 and any(_TOPIC.search(f) for f, _ in rest):
                    # 'breakdown_topic' Disadvantage beside 'breakdown' Disadvantaged: the kind is the one of
                    # fewer values (whichever the file heads as the topic)
                    (_, kind), (_, category) = sorted(rest, key=lambda fv: counts[fv[0]])
                    read[values] = Breakdown(sex, age, "" if kind == category else kind, category)
                else:
                    kinds = ", ".join(_humane(self.grid.text(self.header_row, self.headers[f])) for f, _ in rest)
                    read[values] = Breakdown(sex, age, kinds, ", ".join(v for _, v in rest))
            out.append(read[values])
        return out

    def _bounds(self, indicators: list[str]) -> dict[tuple[str, str], str]:
        """The columns of an indicator's confidence limits ('p8score_ci_low' and 'p8score_ci_upp' of
        'avg_p8score'): (indicator, 'lower_ci' or 'upper_ci') -> column; said. A limit whose indicator is not
        one column alone stays an indicator of its own."""
        found: dict[tuple[str, str], str] = {}
        for header in indicators:
            if (m := _LIMIT.match(header)) is None:
                continue
            base = m.group("base")
            of = [i for i in indicators if i != header and _LIMIT.match(i) is None
                  and (i == base or i.endswith(f"_{base}") or i.startswith(f"{base}_"))]  # fmt: skip
            side = "lower_ci" if (m.group("side") or m.group("side2")).startswith("low") else "upper_ci"
            if len(of) == 1:
                found[(of[0], side)] = header
        for (indicator, side), header in found.items():
            column = self.headers[header]
            self.parsed.problems.append(info(
                f"The column '{self.grid.text(self.header_row, column)}' is read as the "
                f"{'lower' if side == 'lower_ci' else 'upper'} 95% confidence limit of '{indicator}'.",
                **self.grid.where(self.header_row, column, header)))  # fmt: skip
        return found

    def _indicator(self, header: str, rows: list[int], picked: list[int], periods: list[str], areas: list[str],
                   suffixes: list[str], breakdowns: list[Breakdown], kinds: list[PeriodKind | None],
                   bounds: dict[tuple[str, str], str]) -> None:  # fmt: skip
        column = self.headers[header]
        header = self.grid.text(self.header_row, column)  # as written: 'CIN_At31', not its lower-cased key
        base = _humane(header)
        if base.lower() in GENERIC_NAMES and not any(suffixes):
            base = f"{_humane(re.sub(r'[^A-Za-z0-9]+', '_', self.grid.file.rsplit('.', 1)[0]))}: {base.lower()}"
            self.parsed.problems.append(info(
                f"The column '{header}' names no measure of its own: it is imported as '{base}', after the file's "
                "name. Rename it before publishing if that is not what it measures.",
                **self.grid.where(self.header_row, column, header)))  # fmt: skip
        names = [f"{base}: {suffixes[p]}" if suffixes[p] else base for p in picked]
        values = cells.parse_column(self.grid.column(column, rows), self.grid.formats_of(column, rows))
        for position, exc in values.errors.items():
            where = self.grid.where(rows[position], column, header)
            self.parsed.problems.append(error(f"{exc} Fix the cell or leave it blank.", **where))
        kind = next((kinds[p] for p in picked if kinds[p] in YEAR_KINDS), None)
        for name in dict.fromkeys(names):
            self.parsed.add_measure(MeasureRef(name, Location(self.grid.sheet, self.header_row, column, header),
                                               unit=_unit(header), period_type=kind))  # fmt: skip
        chosen = [breakdowns[p] for p in picked]
        columns: dict[str, object] = {
            "measure": names, "area": [areas[p] for p in picked], "period": [periods[p] for p in picked],
            **cells.value_columns(values),
            "sheet": self.grid.sheet, "row": rows, "column": column, "header": header,
        }  # fmt: skip
        for side in ("lower_ci", "upper_ci"):
            if (limit := bounds.get((header, side))) is not None:
                read = cells.parse_column(self.grid.column(self.headers[limit], rows))
                columns[side] = read.take([np.nan if r.value is None else r.value for r in read.distinct], np.float64)
        if any(b.label for b in chosen):
            columns["breakdown"] = [b.label for b in chosen]
            columns.update({part: [getattr(b, part) or None for b in chosen] for part in PARTS})
        table = cells.frame(columns, len(rows))
        present = [not v.blank for v in values.cells()]
        self.parsed.frames.append(table[present].reset_index(drop=True))


def _totals(values: set[str]) -> set[str]:
    """A filter's values (lower-cased) that are its total: 'Total', 'All' or blank; else the one value that begins
    with 'All' and is not an 'All other' ('All Major Ethnicities'). None: the filter has no total."""
    exact = values & TOTALS
    if exact:
        return exact
    alls = {v for v in values if re.match(r"all\b", v) and not re.search(r"\bother\b", v)}
    return alls if len(alls) == 1 else set()


def _period(time_period: str, identifier: str) -> tuple[str, PeriodKind] | str:
    """A DfE period as a label of ours, or what is wrong with it."""
    key = identifier.lower()
    if key in _MONTHS and re.fullmatch(r"\d{4}", time_period):  # 2023 with 'January': a month
        return f"{_MONTHS[key]} {time_period}", PeriodKind.MONTH
    kind = YEARS.get(key)
    quarter = _QUARTER.match(key)
    if quarter:
        kind = PeriodKind.CALENDAR if quarter.group(1) == "calendar" else PeriodKind(quarter.group(1))
    if kind is None:
        return (f"The time_identifier '{identifier}' is not one this program reads yet (it reads academic, financial, "
                "calendar and reporting years and their quarters). Import a file with one of those.")  # fmt: skip
    halves = kind in (PeriodKind.ACADEMIC, PeriodKind.FINANCIAL)
    m = re.fullmatch(r"(\d{4})(\d{2})?", time_period)
    if m is None or bool(m.group(2)) != halves or (halves and int(m.group(2)) != (int(m.group(1)) + 1) % 100):
        shape = "six digits, such as 201819" if halves else "four digits, such as 2019"
        return f"'{time_period}' is not a time_period of a {identifier} (the DfE writes it as {shape})."
    label = f"{m.group(1)}/{m.group(2)}" if halves else m.group(1)
    if quarter and kind is PeriodKind.ACADEMIC:  # the DfE's academic quarters begin in August: their months said
        year, number = int(m.group(1)), int(quarter.group(2))
        return _ACADEMIC_QUARTERS[number - 1].format(year, year + 1), kind
    return (f"{label} Q{quarter.group(2)}" if quarter else label), kind
