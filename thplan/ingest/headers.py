"""The words officers put in header cells, and what each column of a table is."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime

from thplan.area import ENGLAND, LONDON, is_known_area
from thplan.period import PeriodError, day, parse_period


def norm(text: object) -> str:
    return _norm(text if isinstance(text, str) else str(text or ""))


_NOTE_REFERENCE = re.compile(r"\s*\[notes? [\w ,]+\]", re.IGNORECASE)


_TRAILING_NOTES = re.compile(r"(?:\s*\[notes? [\w ,]+\])+\s*$", re.IGNORECASE)


def without_notes(text: str) -> str:
    """A heading without its references to the file's notes ('Local Authority Name [note 5][note 6]')."""
    return _NOTE_REFERENCE.sub("", text)


def heading(text: object) -> str:
    """A heading as its words are compared: normalised, without references to the file's notes."""
    return norm(without_notes(text) if isinstance(text, str) else text)


@functools.lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    # words run together with capitals are words ('BoroughName', 'MajorText', 'TimePeriod')
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", _CAMEL.sub(" ", text).lower()).split())


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


#: The columns that say what is being done about a measure: read into targets, commentary and leads.
ACCOUNTABILITY = ("commentary", "target", "tolerance", "stated_rag", "lead", "next_update")
#: Tidy-table roles and the header words that name them (normalised).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "measure": ("measure", "indicator", "indicator name", "measure name", "metric", "kpi", "kpi name",
                "outcome measure", "output measure", "performance measure", "measure title", "indicator title"),
    "measure_id": ("measure id", "indicator id", "measure code", "kpi id", "measure ref"),
    "period": ("period", "year", "time period", "financial year", "academic year", "reporting period", "date",
               "quarter", "month", "fy", "time"),
    "area": ("area", "geography", "area name", "areaname", "local authority", "local authority name", "la name",
             "la", "borough", "place", "organisation", "geography name"),
    "area_code": ("area code", "geography code", "local authority code", "la code", "ons code", "gss code"),
    "value": ("value", "figure", "result", "actual", "data", "amount", "score", "outturn", "proportion", "percentage"),
    "polarity": ("polarity", "direction of improvement", "good is", "good performance is", "better is"),
    "theme": ("theme", "plan theme", "priority"),
    "outcome": ("outcome", "plan outcome"),
    "unit": ("unit", "units", "unit of measure", "measure unit", "value type"),
    "lower_ci": ("lower ci", "lower confidence limit", "lower ci 95 0 limit", "lower 95 ci", "lcl", "lower limit",
                 "lower ci 95", "lower 95 confidence limit", "lower confidence interval"),
    "upper_ci": ("upper ci", "upper confidence limit", "upper ci 95 0 limit", "upper 95 ci", "ucl", "upper limit",
                 "upper ci 95", "upper 95 confidence limit", "upper confidence interval"),
    "count": ("count", "numerator", "number", "n"),
    "denominator": ("denominator", "population", "base"),
    "note": ("note", "notes", "value note"),
    # What is being done about a measure (issue 21): read into targets, commentary and leads.
    "commentary": ("commentary", "comment", "comments", "narrative", "progress commentary", "update commentary"),
    "target": ("target", "targets", "annual target", "target value", "agreed target"),
    "tolerance": ("tolerance", "tolerances", "target tolerance", "threshold"),
    "stated_rag": ("rag", "rag status", "rag rating", "status", "rating", "status against target",
                   "performance status"),
    "lead": ("lead", "owner", "lead officer", "responsible officer", "accountable officer", "measure owner",
             "kpi owner", "indicator owner"),
    "next_update": ("next update", "next update due", "next data due", "date of next update", "next figure due"),
    "kind": ("kind", "measure type", "type of measure"),
    "definition": ("definition", "description"),
    "median": ("median", "median of authorities", "la median"),
    "missing": ("missing reason", "reason missing", "missing", "value missing reason"),
    "covers": ("covers period", "period covered", "covers"),
    "series_break": ("series break", "break in series", "not comparable"),
    "period_stated": ("period stated",),
    "flags": ("flags", "flag"),
    "decimals": ("decimals", "decimal places"),
    "footnote": ("footnote marker", "footnote"),
    "rank_order": ("rank order", "ranking order", "sort order"),
    "sex": ("sex", "gender"),
    "age": ("age", "age group", "age band"),
    "category_type": ("category type", "breakdown type"),
    "category": ("category", "breakdown category"),
    "breakdown": ("breakdown",),
    "source": ("source", "data source"),
}  # fmt: skip


_ROLES = {word: role for role, words in reversed(list(SYNONYMS.items())) for word in words}


def role_of(header: object) -> str | None:
    return _ROLES.get(norm(header))


_COMPARE_WORDS = re.compile(r"\b(compared|comparison|compare|vs|versus|against|performance)\b")
_AREA_WORDS = (("inner london", "Inner London"), ("outer london", "Outer London"), ("london", LONDON),
               ("england", ENGLAND), ("national", ENGLAND), ("region", LONDON))  # fmt: skip


def area_in(header: str) -> str | None:
    key = norm(header)
    for word, area in _AREA_WORDS:
        if re.search(rf"\b{word}\b", key):
            return area
    return None


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    role: str  # measure, polarity, period, benchmark, stated_vs, stated_direction, stated_overall, ... or ignored
    period: str = ""  # canonical label of a period column, or a benchmark column's own period
    area: str = ""  # benchmark or comparison area


def classify_report_header(index: int, header: str) -> Column:
    """What a column of a report-style table holds, from its header."""
    key = norm(header)
    role = role_of(header)
    if role in (
        "measure",
        "area",
        "polarity",
        "unit",
        "theme",
        "outcome",
        "note",
        "definition",
        "source",
        "kind",
        *ACCOUNTABILITY,
    ):
        return Column(index, header, role)
    period = _period_in(header)
    if ("direction" in key and "improvement" not in key) or key in ("dot", "d o t"):
        return Column(index, header, "stated_direction")
    if "recent trend" in key:
        return Column(index, header, "stated_recent")
    area = area_in(header)
    if area and _COMPARE_WORDS.search(key):
        return Column(index, header, "stated_vs", area=area)
    if "trend" in key:
        return Column(index, header, "stated_overall")
    if area:
        return Column(index, header, "benchmark", period=period or "", area=area)
    if _whole_period(header):
        return Column(index, header, "period", period=period or "")
    if worded := period_and_word(header):
        label, word = worded
        kinds = {"target": "target", "targets": "target", "tolerance": "tolerance"}  # else a forecast: not imported
        role = "period" if word not in TARGET_WORDS else kinds.get(word, "forecast")
        return Column(index, header, role, period=label)
    return Column(index, header, "ignored")


#: Words beside a period in a heading that say the column holds that period's values ('2021/22 Outturn',
#: 'Q3 2022/23 Actual') ...
VALUE_WORDS = frozenset({"outturn", "actual", "actuals", "result", "results", "final", "provisional", "performance",
                         "data", "value", "figure"})  # fmt: skip
#: ... and words that say it holds something else for the period: a target or a forecast, which is not a value.
TARGET_WORDS = frozenset({"target", "targets", "forecast", "projection", "projected", "plan", "budget", "profile",
                          "trajectory", "ambition", "tolerance"})  # fmt: skip
#: The word `period_and_word` gives for a dataset's edition named in capitals beside its year ('LAEI 2016', 'IMD
#: 2019'): that edition's values, for that period.
EDITION = "edition"
_EDITION = re.compile(r"[A-Z]{3,6}")
#: Places written in capitals beside a year, as an area's column is headed ('UK 2020', 'GLA 2016'): not editions.
_PLACES_IN_CAPITALS = frozenset({"UK", "GB", "EU", "EW", "NI", "US", "USA", "OECD", "EEA"})


def dated_headings(cells: dict[int, object]) -> tuple[dict[int, str], str]:
    """Period labels for the date cells of a header row or of a column, all read one way, and how (said in the
    preview): dates on 31 March are the financial years they end (31/03/2022: 2021/22); dates on the first or the
    last day of a month are that month, a point in time; other dates are days, each a point in time. A column is
    read as a whole, so that a daily series' 1 May is a day like its 2 May, not the month. ({}, '') when there are
    no dates."""
    dates = {c: d for c, v in cells.items() if (d := as_date(v)) is not None}
    if not dates:
        return {}, ""
    if all((d.month, d.day) == (3, 31) for d in dates.values()):
        return {c: f"{d.year - 1}/{d.year % 100:02d}" for c, d in dates.items()}, "the financial years they end"
    if all(d.day == 1 or d.day == calendar.monthrange(d.year, d.month)[1] for d in dates.values()):
        return {c: f"{d:%b %Y}" for c, d in dates.items()}, "the months they fall in (each a point in time)"
    return {c: day(d).label for c, d in dates.items()}, "days (each a point in time)"


#: Text written as a day: ISO ('2022-05-21'), or day first as UK files write it ('21/05/2022').
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")
_UK_DAY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
#: A day with its month's name, as Excel writes dates to CSV ('31-Mar-22').
_NAMED_DAY = re.compile(r"^(\d{1,2})-([A-Za-z]{3,9})-(\d{2}|\d{4})$")
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}


def _four_digits(year: str) -> int:
    return int(year) + (2000 if len(year) == 2 else 0)


def as_date(raw: object) -> date | None:
    """The day a cell holds: a date cell, or text written as a day (see `_ISO_DAY`, `_UK_DAY`); None otherwise."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        return None
    text = raw.strip()
    if m := _ISO_DAY.match(text):
        year, month, day_of = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := _UK_DAY.match(text):
        day_of, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _NAMED_DAY.match(text)) and m.group(2).lower()[:3] in _MONTH_NUMBERS:
        day_of, month, year = int(m.group(1)), _MONTH_NUMBERS[m.group(2).lower()[:3]], _four_digits(m.group(3))
    else:
        return None
    try:
        return date(year, month, day_of)
    except ValueError:
        return None


def column_periods(cells: dict[int, object]) -> tuple[dict[int, str], str]:
    """Period labels of a column's cells (row -> label), its dates read as one (`dated_headings`), its other cells
    each as `cell_period` reads it; a cell that is no period is left out. With how the dates were read ('' when
    there are none)."""
    labels, how = dated_headings(cells)
    months = {k: m for k, raw in cells.items() if isinstance(raw, str) and (m := _ISO_MONTH.fullmatch(raw.strip()))}
    if months and len(months) == len(cells) and any(int(m.group(2)) <= int(m.group(1)) % 100 for m in months.values()):
        # police.uk's '2011-12' among '2012-01', '2012-02': December 2011 as its neighbours are months, not 2011/12
        return {k: f"{calendar.month_abbr[int(m.group(2))]} {m.group(1)}" for k, m in months.items()}, how
    for key, raw in cells.items():
        if key not in labels and (label := cell_period(raw)) is not None:
            labels[key] = label
    return labels, how


#: A month written the ISO way ('2012-01'), which '2011-12' (a financial year, or December 2011?) may be too.
_ISO_MONTH = re.compile(r"((?:19|20)\d\d)-(0[1-9]|1[0-2])")


def period_and_word(header: object) -> tuple[str, str] | None:
    """The period and the word beside it of a heading such as '2021/22 Outturn', 'Target 2022/23' or
    'Q3 2022/23 Actual' (the word lower-cased), or EDITION for 'LAEI 2016'; None for any other heading."""
    if not isinstance(header, str):
        return None
    words = header.split()
    for cut in range(1, len(words)):
        for period, word in ((words[:cut], words[cut:]), (words[cut:], words[:cut])):
            written = " ".join(word).strip("()[]:- ")
            said = written.lower()
            if _EDITION.fullmatch(written) and written not in _PLACES_IN_CAPITALS and not is_known_area(written):
                said = EDITION
            if said in VALUE_WORDS or said in TARGET_WORDS or said == EDITION:
                try:
                    return parse_period(" ".join(period)).label, said
                except PeriodError:
                    continue
    return None


def _period_in(header: str) -> str | None:
    """The period a header names ('Baseline: 2017/18', '2018/2019', 'London 2019/20' -> '2019/20')."""
    text = header.strip()
    try:
        return parse_period(text).label
    except PeriodError:
        pass
    match = re.search(
        r"(\d{4}\s*[/\-–]\s*\d{2,4}(?:\s*Q[1-4])?|Q[1-4]\s*\d{4}(?:/\d{2})?|\b\d{4}\b)", text, re.IGNORECASE
    )
    if match:
        try:
            return parse_period(match.group(1)).label
        except PeriodError:
            return None
    return None


#: A year or a span of years in a file's name, not inside a longer number ('nndr1_2022-23.xlsx', 'survey2020').
_NAME_YEARS = re.compile(r"(?<!\d)(?:(?:19|20)\d\d\s*[-–]\s*\d{2,4}|(?:19|20)\d\d)(?!\d)")


def name_period(file_name: str) -> str | None:
    """The period a file's name gives as it writes it ('nndr1_2022-23.xlsx' -> '2022-23'), to suggest to an officer
    asked for the period of tables that name none: never used unasked (a name's year may be when the file was made).
    None where the name gives none, or more than one."""
    found = {m.group(0) for m in _NAME_YEARS.finditer(file_name.rsplit(".", 1)[0]) if _whole_period(m.group(0))}
    return found.pop() if len(found) == 1 else None


def _whole_period(header: object) -> bool:
    try:
        parse_period(header)
    except PeriodError:
        return False
    return True


def is_header_cell_period(value: object) -> bool:
    """A header cell that is a period on its own ('2017/18', 'Baseline: 2017/18', 2016)."""
    return header_period(value) is not None


def header_period(value: object) -> str | None:
    """The period label of a header cell that is a period on its own ('2017/18', 2016, '2021/22 Outturn', 'LAEI
    2016'); None for any other."""
    if isinstance(value, bool):
        return None
    if (month := _year_month(value)) is not None:
        return month
    if isinstance(value, str) and (plain := _HEADING_MARKS.sub("", without_notes(value)).strip()) != value.strip():
        return header_period(plain) if plain else None  # '2020 [note 2]', '2023 [p]': the year, marked
    if isinstance(value, int | float):
        return str(int(value)) if float(value).is_integer() and 1990 <= value <= 2100 else None
    try:
        return parse_period(value).label
    except PeriodError:
        pass
    worded = period_and_word(value)
    return worded[0] if worded is not None and (worded[1] in VALUE_WORDS or worded[1] == EDITION) else None


#: Marks after a period heading that say how final its figures are ('[p]' provisional, '(r)' revised, '[x]').
_HEADING_MARKS = re.compile(r"(?:\s*[\[(](?:p|r|e|x|provisional|revised|estimated?|final)[\])])+\s*$", re.IGNORECASE)


def _year_month(value: object) -> str | None:
    """A month written as six digits, year then month, as the MPS heads its months ('202301' is Jan 2023); never
    where the digits could be a financial or academic year (201011: 2010/11 or Nov 2010?)."""
    m = re.fullmatch(r"((?:19|20)\d\d)(0[1-9]|1[0-2])", _digits(value))
    if m is None or int(m.group(2)) == (int(m.group(1)) + 1) % 100:
        return None
    return f"{calendar.month_abbr[int(m.group(2))]} {m.group(1)}"


def year_months(cells: dict[int, object]) -> dict[int, str]:
    """A row of six-digit months read as one: where any of them can only be a month ('202301'), those that could
    be a financial year too ('201011' beside '201010' and '201012') are months as well."""
    shaped = {c: m for c, v in cells.items() if (m := re.fullmatch(r"((?:19|20)\d\d)(0[1-9]|1[0-2])", _digits(v)))}
    if not any(_year_month(cells[c]) for c in shaped):
        return {}
    return {c: f"{calendar.month_abbr[int(m.group(2))]} {m.group(1)}" for c, m in shaped.items()}


def _digits(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return str(int(value))
    return value.strip() if isinstance(value, str) else ""


_MONTH_WORDS = {m.lower() for m in (*calendar.month_name, *calendar.month_abbr) if m} | {"sept"}
#: Words that lead into a title's period ('... at Local Authority Level - as at end of 2015').
_LEAD_IN = re.compile(r"[\s,:;-]*(?:as at(?: the)? end of|as at|at end of|end of|in|for|during)?[\s,:;-]*$",
                      re.IGNORECASE)  # fmt: skip


def cell_period(raw: object) -> str | None:
    """A period label of a cell on its own; a date is read as `dated_headings` reads one."""
    if as_date(raw) is not None:
        return dated_headings({0: raw})[0][0]
    try:
        found = parse_period(raw)
    except PeriodError:
        return None
    return found.label if found.dated else None


_YEARS_SPAN = re.compile(
    r"(.+?)[\s,:(-]+((?:19|20)\d\d\s*/\s*\d\d(?:\d\d)?\s*(?:-|–|to)\s*\d\d(?:\d\d)?\s*/\s*\d\d(?:\d\d)?)\)?\s*"
)


#: 'mid-2022', 'mid 2015' before a year: the mid-year estimate of that year.
MID_YEAR = re.compile(r"\bmid[- ](?=(?:19|20)\d{2}\b)", re.IGNORECASE)


def _dated(text: str) -> str | None:
    try:
        found = parse_period(text)
    except PeriodError:
        return None
    return found.label if found.dated else None


def title_period(title: str) -> tuple[str, str | None]:
    """The period a title ends with, in brackets or after a space ('Total population (2020)', 'Claimants, 2022/23'),
    and the title without it; (title, None) otherwise ('Population projections, 2018-based' names no period).
    References to the file's notes after the period are no part of it ('..., 2020 [Notes 3 and 4]')."""
    title = MID_YEAR.sub("", _TRAILING_NOTES.sub("", title))  # 'mid-2022': the year's estimate, as headings read it
    clause = re.fullmatch(
        r"(.+?)\s*[,:;]\s*([^,:;]+?)\s*", title
    )  # 'Claimants, Mar 2022', 'Employment, Jul 2021-Jun 2022'
    if clause is not None and _whole_period(clause.group(2)):
        found = parse_period(clause.group(2))
        if found.dated:
            return clause.group(1).strip(), found.label
    span = _YEARS_SPAN.fullmatch(title)  # 'Obesity 2019/20 - 2021/22': years pooled, not the last alone
    if span is not None and (found := _dated(span.group(2))) is not None:
        return span.group(1).strip(" -–"), found
    m = re.fullmatch(r"(.+?)[\s,:-]*\(([^()]+)\)\s*|(.+?)[\s,:-]+(\S+)\s*", title)
    if m is None:
        return title, None
    name, period = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
    last = name.strip().rsplit(None, 1)[-1].rstrip(".,").lower()
    if last.endswith("-") or last in ("to", "from", "ending", "ended") or last.split("-")[-1] in _MONTH_WORDS:
        return title, None  # the year ends a longer period: 'year ending Jun 2022', 'Jul 2021-Jun 2022
    name = _LEAD_IN.sub("", name)
    try:
        found = parse_period(period)
    except PeriodError:
        return title, None
    return (name.strip(), found.label) if found.dated else (title, None)
