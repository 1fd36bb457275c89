"""Periods as officers write them: financial and academic years, calendar years, rolling years, quarters, months,
and days (a daily series' points in time, '21 May 2022').

Every label parses to a `Period` with a kind, a first and last day, and a canonical label, so that "2018/2019",
"2018/19" and "2018-19" are one period. "YYYY/YY" is a financial year unless the measure says its periods are
academic years. "YYYY - YY" written with spaces round the dash is Fingertips' notation for pooled calendar years.

A figure whose file gives it no period (a benchmark column headed just "London") has the period NOT_STATED: it is
never filed under a year, and it sorts before every dated period.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class PeriodKind(StrEnum):
    FINANCIAL = "financial"
    ACADEMIC = "academic"
    CALENDAR = "calendar"
    ROLLING = "rolling"
    #: Months from one to another, as NOMIS and the APS give them: "Jul 2021-Jun 2022" (twelve months to June).
    MONTHS = "months"
    QUARTER = "quarter"
    MONTH = "month"
    #: One day, a point in time: a daily series' dates ('21 May 2022').
    DAY = "day"
    NOT_STATED = "not stated"


#: Kinds a measure can declare for its "YYYY/YY" labels.
YEAR_KINDS = (PeriodKind.FINANCIAL, PeriodKind.ACADEMIC)
SINGLE_YEAR_KINDS = frozenset({PeriodKind.FINANCIAL, PeriodKind.ACADEMIC, PeriodKind.CALENDAR})


class PeriodError(ValueError):
    """A label that is not a period we can read."""


@dataclass(frozen=True, order=False, slots=True)
class Period:
    label: str
    kind: PeriodKind
    start: date
    end: date
    #: Periods sort by their last day, then their first (worked out once: a first view sorts 86,000 values by it).
    sort_key: tuple[int, int] = field(init=False, repr=False, compare=False)
    #: False for NOT_STATED: a figure whose source gives it no period (worked out once, as `sort_key`).
    dated: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sort_key", (self.end.toordinal(), self.start.toordinal()))
        object.__setattr__(self, "dated", self.kind is not PeriodKind.NOT_STATED)

    @property
    def years(self) -> int:
        return self.end.year - self.start.year + (1 if self.kind is PeriodKind.ROLLING else 0)

    def overlaps_or_follows(self, other: Period) -> bool:
        """True when this period ends on or after the first day of `other`."""
        return self.end >= other.start

    def __str__(self) -> str:
        return self.label


#: The period of a figure whose source states none (its days are placeholders: it sorts first, and overlaps nothing).
NOT_STATED = Period("period not stated", PeriodKind.NOT_STATED, date.min, date.min)
_NOT_STATED_WORDS = {"not stated", "period not stated", "no period"}

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_PREFIX = re.compile(r"^(?:baseline|base|year|period|fy|ay)\s*[:\-]?\s*", re.IGNORECASE)
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-", "\u00a0": " "})
_YEAR_PAIR = re.compile(r"^(\d{4})(\s*)([/\-])(\s*)(\d{2}|\d{4})$")
#: Financial or academic years pooled, as Fingertips writes them ('2015/16 - 19/20'; '2019/20 to 2021/22').
_POOLED = re.compile(r"^(\d{4})\s*/\s*(\d{2}|\d{4})\s*(?:-|to)\s*(\d{4}|\d{2})\s*/\s*(\d{2}|\d{4})$", re.IGNORECASE)
_QUARTER = re.compile(r"^(?:(\d{4})\s*[/-]\s*(\d{2}|\d{4})|(\d{4}))\s*[-,]?\s*q([1-4])$", re.IGNORECASE)
_QUARTER_FIRST = re.compile(r"^q([1-4])\s*[-,]?\s*(?:(\d{4})\s*[/-]\s*(\d{2}|\d{4})|(\d{4}))$", re.IGNORECASE)
_MONTH_NAME = re.compile(r"^([a-z]+)\.?\s*[-/ ]?\s*(\d{4}|\d{2})$", re.IGNORECASE)
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_WORD = re.compile(r"\bquarter\s*([1-4])\b", re.IGNORECASE)
#: A quarter of a financial year written with two-digit years ("Q3 22/23"): the Q says it is a year pair, not a date.
_QUARTER_SHORT = re.compile(r"^q([1-4])\s*[-,]?\s*(\d{2})\s*/\s*(\d{2})$|^(\d{2})\s*/\s*(\d{2})\s*[-,]?\s*q([1-4])$",
                            re.IGNORECASE)  # fmt: skip
#: Three months of one year ("Jan-Mar 2022", "Oct-Dec 2021"): a calendar quarter.
_MONTHS_OF_YEAR = re.compile(r"^([a-z]+)\.?\s*(?:-|to)\s*([a-z]+)\.?\s*(\d{4})$", re.IGNORECASE)
#: Twelve months named by their last month, as ONS and NOMIS write them ("Year ending Jun 2022", "12 months to
#: 31 March 2022", "YE Mar 22").
_YEAR_ENDING = re.compile(
    r"^(?:(?:the\s+)?(?:year|12\s*months?|twelve\s+months)\s+(?:ending|ended|to)|ye)\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s*(\d{4}|\d{2})$",
    re.IGNORECASE,
)
#: Twelve months from a month to the month before it a year later, written with the years only ("Nov 15-16",
#: as Sport England's Active Lives writes its survey years: Nov 2015-Oct 2016).
_MONTH_YEARS = re.compile(r"^([a-z]+)\.?\s*(\d{4}|\d{2})\s*-\s*(\d{4}|\d{2})$", re.IGNORECASE)
#: A day, as `day` labels it ("21 May 2022").
_DAY = re.compile(r"^(\d{1,2})\s+([a-z]+)\s+(\d{4})$", re.IGNORECASE)
_MONTH_SPAN = re.compile(r"^([a-z]+)\.?\s*(\d{4})\s*(?:-|to)\s*([a-z]+)\.?\s*(\d{4})$", re.IGNORECASE)


def _full_year(start: int, text: str) -> int:
    if len(text) == 4:
        return int(text)
    century = start - start % 100
    end = century + int(text)
    return end + 100 if end < start else end


def _written_year(text: str) -> int:
    """A year written with four digits or two ('22' is 2022)."""
    return int(text) + (2000 if len(text) == 2 else 0)


def _check_year(year: int, label: str) -> None:
    if not 1900 <= year <= 2100:
        raise PeriodError(f"'{label}' is not a period: the year {year} is out of range.")


def _year_start(kind: PeriodKind, year: int) -> tuple[date, date]:
    if kind is PeriodKind.ACADEMIC:
        return date(year, 9, 1), date(year + 1, 8, 31)
    return date(year, 4, 1), date(year + 1, 3, 31)


def financial_or_academic(start_year: int, kind: PeriodKind = PeriodKind.FINANCIAL) -> Period:
    first, last = _year_start(kind, start_year)
    return Period(f"{start_year}/{(start_year + 1) % 100:02d}", kind, first, last)


def parse_period(text: object, year_kind: PeriodKind = PeriodKind.FINANCIAL) -> Period:
    """Parse a period label; `year_kind` says whether "2017/18" is a financial or an academic year."""
    if isinstance(text, int | float) and not isinstance(text, bool) and float(text).is_integer():
        text = str(int(text))
    if text is None or (isinstance(text, str) and not text.strip()):
        raise PeriodError("The period is blank. Give every value its period (such as 2022/23).")
    if not isinstance(text, str):
        raise PeriodError(f"'{text}' is not a period.")
    return _parse(text.strip(), PeriodKind(year_kind))  # a plain "academic" would share the cache and leak out


@functools.lru_cache(maxsize=65536)
def _parse(original: str, year_kind: PeriodKind) -> Period:
    """Files repeat the same few labels thousands of times: parse each once (errors are not cached)."""
    if " ".join(original.lower().split()) in _NOT_STATED_WORDS:
        return NOT_STATED
    if (m := _YEAR_ENDING.match(" ".join(original.split()))) and m.group(1).lower() in _MONTHS:
        year, month = _written_year(m.group(2)), _MONTHS[m.group(1).lower()]
        first = _month(original, year, 1) if month == 12 else _month(original, year - 1, month + 1)
        return _months(original, first, _month(original, year, month))
    label = " ".join(_QUARTER_WORD.sub(r"q\1", _PREFIX.sub("", original.translate(_DASHES))).split())
    if re.fullmatch(r"\d{4}", label):
        year = int(label)
        _check_year(year, original)
        return Period(label, PeriodKind.CALENDAR, date(year, 1, 1), date(year, 12, 31))
    if m := _YEAR_PAIR.match(label):
        return _year_pair(original, m, year_kind)
    if m := _POOLED.match(label):
        return _pooled(original, m, year_kind)
    if (m := _QUARTER.match(label)) or (m2 := _QUARTER_FIRST.match(label)):
        if m:
            fy_start, fy_end, cal, q = m.group(1), m.group(2), m.group(3), int(m.group(4))
        else:
            q, fy_start, fy_end, cal = int(m2.group(1)), m2.group(2), m2.group(3), m2.group(4)
        return _quarter(original, fy_start, fy_end, cal, q)
    if m := _QUARTER_SHORT.match(label):
        q, start, end = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(4), m.group(5))
        return _quarter(original, f"20{start}", end, None, int(q))
    if (m := _MONTHS_OF_YEAR.match(label)) and m.group(1).lower() in _MONTHS and m.group(2).lower() in _MONTHS:
        first, last, year = _MONTHS[m.group(1).lower()], _MONTHS[m.group(2).lower()], int(m.group(3))
        if last - first == 2 and first % 3 == 1:
            return _quarter(original, None, None, str(year), (first + 2) // 3)
        return _months(original, _month(original, year, first), _month(original, year, last))
    if m := _MONTH_ISO.match(label):
        return _month(original, int(m.group(1)), int(m.group(2)))
    if (m := _MONTH_SPAN.match(label)) and m.group(1).lower() in _MONTHS and m.group(3).lower() in _MONTHS:
        return _months(original, _month(original, int(m.group(2)), _MONTHS[m.group(1).lower()]),
                       _month(original, int(m.group(4)), _MONTHS[m.group(3).lower()]))  # fmt: skip
    if (m := _MONTH_YEARS.match(label)) and m.group(1).lower() in _MONTHS:
        year, month = _written_year(m.group(2)), _MONTHS[m.group(1).lower()]
        if _full_year(year, m.group(3)) != year + 1 or month == 1:  # twelve months from January end that December
            raise PeriodError(f"'{original}' is not a period: a month and two years ('Nov 15-16') are the twelve "
                              "months from that month, so the years must follow each other and the month is not "
                              "January.")  # fmt: skip
        return _months(original, _month(original, year, month), _month(original, year + 1, month - 1))
    if (m := _DAY.match(label)) and m.group(2).lower() in _MONTHS:
        month = _month(original, int(m.group(3)), _MONTHS[m.group(2).lower()])
        if not 1 <= int(m.group(1)) <= month.end.day:
            raise PeriodError(f"'{original}' is not a period: {month.label} has no day {m.group(1)}.")
        return day(month.start.replace(day=int(m.group(1))))
    if (m := _MONTH_NAME.match(label)) and m.group(1).lower() in _MONTHS:
        year = _written_year(m.group(2))
        return _month(original, year, _MONTHS[m.group(1).lower()])
    raise PeriodError(
        f"'{original}' is not a period we can read. Write years as 2017/18 (financial or academic), "
        "2017 (calendar), 2015-17 (rolling years), 2017/18 Q1 (quarter), Mar 2018 (month), Jul 2021-Jun 2022 "
        "(months) or 21 May 2022 (a day)."
    )


def _year_pair(original: str, m: re.Match[str], year_kind: PeriodKind) -> Period:
    start = int(m.group(1))
    _check_year(start, original)
    end = _full_year(start, m.group(5))
    spaced = bool(m.group(2) or m.group(4))
    slash = m.group(3) == "/"
    short = m.group(5)
    if m.group(3) == "-" and not spaced and len(short) == 2 and int(short) < start % 100 and 1 <= int(short) <= 12:
        return _month(original, start, int(short))  # "2020-02": a month written the ISO way
    if end <= start:
        raise PeriodError(f"'{original}' is not a period: it ends before it starts.")
    if end - start == 1 and not (spaced and not slash):
        return financial_or_academic(start, year_kind)
    if slash:
        raise PeriodError(
            f"'{original}' is not a period: a financial or academic year runs over two consecutive years "
            f"(for example {start}/{(start + 1) % 100:02d})."
        )
    _check_year(end, original)
    return Period(f"{start}-{end % 100:02d}", PeriodKind.ROLLING, date(start, 1, 1), date(end, 12, 31))


def _pooled(original: str, m: re.Match[str], year_kind: PeriodKind) -> Period:
    """Financial or academic years from one to another, both included: the months they cover, labelled as
    Fingertips labels them ('2015/16 - 19/20')."""
    first = _year_pair(original, _YEAR_PAIR.match(f"{m.group(1)}/{m.group(2)}"), year_kind)  # type: ignore[arg-type]
    start = _full_year(first.start.year, m.group(3))
    last = _year_pair(original, _YEAR_PAIR.match(f"{start}/{m.group(4)}"), year_kind)  # type: ignore[arg-type]
    if last.start <= first.start:
        raise PeriodError(f"'{original}' is not a period: it ends before it starts.")
    label = f"{first.label} - {last.label[2:]}"
    return Period(label, PeriodKind.MONTHS, first.start, last.end)


def _quarter(original: str, fy_start: str | None, fy_end: str | None, cal: str | None, q: int) -> Period:
    if cal is not None:
        year = int(cal)
        _check_year(year, original)
        first_month = 3 * (q - 1) + 1
        start = date(year, first_month, 1)
        label = f"{year} Q{q}"
    else:
        year = int(fy_start or 0)
        _check_year(year, original)
        if _full_year(year, fy_end or "") != year + 1:
            raise PeriodError(f"'{original}' is not a period: the financial year must span two consecutive years.")
        month = 3 * (q - 1) + 4
        start = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        label = f"{year}/{(year + 1) % 100:02d} Q{q}"
    end_month = start.month + 2
    end = date(start.year, end_month, calendar.monthrange(start.year, end_month)[1])
    return Period(label, PeriodKind.QUARTER, start, end)


def _month(original: str, year: int, month: int) -> Period:
    _check_year(year, original)
    if not 1 <= month <= 12:
        raise PeriodError(f"'{original}' is not a period: there is no month {month}.")
    last = calendar.monthrange(year, month)[1]
    return Period(
        f"{calendar.month_abbr[month]} {year}",
        PeriodKind.MONTH,
        date(year, month, 1),
        date(year, month, last),
    )


def day(when: date) -> Period:
    """The day `when`, a point in time."""
    _check_year(when.year, f"{when:%d/%m/%Y}")
    return Period(f"{when.day} {calendar.month_abbr[when.month]} {when.year}", PeriodKind.DAY, when, when)


def _months(original: str, first: Period, last: Period) -> Period:
    """The months from `first` to `last`, both included ("Jul 2021-Jun 2022")."""
    if last.start <= first.start:
        raise PeriodError(f"'{original}' is not a period: it ends before it starts.")
    return Period(f"{first.label}-{last.label}", PeriodKind.MONTHS, first.start, last.end)


def is_period_label(text: object) -> bool:
    try:
        parse_period(text)
    except PeriodError:
        return False
    return True


def consecutive(periods: list[Period]) -> bool:
    """True when single-year periods of one kind follow each other with no gap."""
    if not periods or any(p.kind not in SINGLE_YEAR_KINDS for p in periods):
        return False
    if len({p.kind for p in periods}) != 1:
        return False
    return all(b.start.year - a.start.year == 1 for a, b in itertools.pairwise(periods))
