"""Periods as officers write them parse to a kind, first and last day, and one canonical label."""

from datetime import date

import pytest

from thplan.period import PeriodError, PeriodKind, consecutive, parse_period

F, A, C, R, Q, M = (PeriodKind.FINANCIAL, PeriodKind.ACADEMIC, PeriodKind.CALENDAR, PeriodKind.ROLLING,
                    PeriodKind.QUARTER, PeriodKind.MONTH)  # fmt: skip

CASES = [
    ("2017/18", F, F, "2017/18", date(2017, 4, 1), date(2018, 3, 31)),
    ("2018/2019", F, F, "2018/19", date(2018, 4, 1), date(2019, 3, 31)),
    ("2017-18", F, F, "2017/18", date(2017, 4, 1), date(2018, 3, 31)),
    ("2016-17", F, F, "2016/17", date(2016, 4, 1), date(2017, 3, 31)),
    ("Baseline: 2017/18", F, F, "2017/18", date(2017, 4, 1), date(2018, 3, 31)),
    ("2017/18", A, A, "2017/18", date(2017, 9, 1), date(2018, 8, 31)),
    ("1999/00", F, F, "1999/00", date(1999, 4, 1), date(2000, 3, 31)),
    ("2016", F, C, "2016", date(2016, 1, 1), date(2016, 12, 31)),
    (2016, F, C, "2016", date(2016, 1, 1), date(2016, 12, 31)),
    ("2015-2017", F, R, "2015-17", date(2015, 1, 1), date(2017, 12, 31)),
    ("2016-18", F, R, "2016-18", date(2016, 1, 1), date(2018, 12, 31)),
    ("2009 - 11", F, R, "2009-11", date(2009, 1, 1), date(2011, 12, 31)),
    ("2016 - 17", F, R, "2016-17", date(2016, 1, 1), date(2017, 12, 31)),
    ("2010/11 Q1", F, Q, "2010/11 Q1", date(2010, 4, 1), date(2010, 6, 30)),
    ("2010/11 Q4", F, Q, "2010/11 Q4", date(2011, 1, 1), date(2011, 3, 31)),
    ("2019 Q2", F, Q, "2019 Q2", date(2019, 4, 1), date(2019, 6, 30)),
    ("Mar 2020", F, M, "Mar 2020", date(2020, 3, 1), date(2020, 3, 31)),
    ("2020-02", F, M, "Feb 2020", date(2020, 2, 1), date(2020, 2, 29)),
    ("Apr-22", F, M, "Apr 2022", date(2022, 4, 1), date(2022, 4, 30)),
    ("Q3 2022/23", F, Q, "2022/23 Q3", date(2022, 10, 1), date(2022, 12, 31)),
    ("Quarter 1 2022/23", F, Q, "2022/23 Q1", date(2022, 4, 1), date(2022, 6, 30)),
    ("2022/23 Quarter 2", F, Q, "2022/23 Q2", date(2022, 7, 1), date(2022, 9, 30)),
    ("Q3 22/23", F, Q, "2022/23 Q3", date(2022, 10, 1), date(2022, 12, 31)),
    ("2022-23 Q3", F, Q, "2022/23 Q3", date(2022, 10, 1), date(2022, 12, 31)),
    ("Q4 2022-23", F, Q, "2022/23 Q4", date(2023, 1, 1), date(2023, 3, 31)),
    ("Q1 2022", F, Q, "2022 Q1", date(2022, 1, 1), date(2022, 3, 31)),
    ("2022-Q1", F, Q, "2022 Q1", date(2022, 1, 1), date(2022, 3, 31)),
    ("Jan-Mar 2022", F, Q, "2022 Q1", date(2022, 1, 1), date(2022, 3, 31)),
    ("Oct-Dec 2021", F, Q, "2021 Q4", date(2021, 10, 1), date(2021, 12, 31)),
    ("Jan-Jun 2022", F, PeriodKind.MONTHS, "Jan 2022-Jun 2022", date(2022, 1, 1), date(2022, 6, 30)),
    ("Oct 2021-Sep 2022", F, PeriodKind.MONTHS, "Oct 2021-Sep 2022", date(2021, 10, 1), date(2022, 9, 30)),
    ("Jan 2004-Dec 2004", F, PeriodKind.MONTHS, "Jan 2004-Dec 2004", date(2004, 1, 1), date(2004, 12, 31)),
    ("Year ending Dec 1995", F, PeriodKind.MONTHS, "Jan 1995-Dec 1995", date(1995, 1, 1), date(1995, 12, 31)),
    ("Year ending Mar 1996", F, PeriodKind.MONTHS, "Apr 1995-Mar 1996", date(1995, 4, 1), date(1996, 3, 31)),
    ("12 months ending June 2022", F, PeriodKind.MONTHS, "Jul 2021-Jun 2022", date(2021, 7, 1), date(2022, 6, 30)),
    ("Year to 31 March 2022", F, PeriodKind.MONTHS, "Apr 2021-Mar 2022", date(2021, 4, 1), date(2022, 3, 31)),
    ("YE Sep 21", F, PeriodKind.MONTHS, "Oct 2020-Sep 2021", date(2020, 10, 1), date(2021, 9, 30)),
    ("Nov 15-16", F, PeriodKind.MONTHS, "Nov 2015-Oct 2016", date(2015, 11, 1), date(2016, 10, 31)),
    ("Apr 2021-22", F, PeriodKind.MONTHS, "Apr 2021-Mar 2022", date(2021, 4, 1), date(2022, 3, 31)),
    ("2015/16 - 19/20", F, PeriodKind.MONTHS, "2015/16 - 19/20", date(2015, 4, 1), date(2020, 3, 31)),
    ("2019/20 to 2021/22", F, PeriodKind.MONTHS, "2019/20 - 21/22", date(2019, 4, 1), date(2022, 3, 31)),
    ("2019/20 - 2021/22", A, PeriodKind.MONTHS, "2019/20 - 21/22", date(2019, 9, 1), date(2022, 8, 31)),
    ("21 May 2022", F, PeriodKind.DAY, "21 May 2022", date(2022, 5, 21), date(2022, 5, 21)),
    ("1 march 2020", F, PeriodKind.DAY, "1 Mar 2020", date(2020, 3, 1), date(2020, 3, 1)),
]


@pytest.mark.parametrize(
    ("text", "year_kind", "kind", "label", "start", "end"), CASES, ids=[f"{c[0]!s}-{c[1]}" for c in CASES]
)
def test_period_parses(text, year_kind, kind, label, start, end):
    period = parse_period(text, year_kind)
    assert (period.kind, period.label, period.start, period.end) == (kind, label, start, end)


@pytest.mark.parametrize(
    "text",
    ["2017/19", "2018/17", "2017/18 Q5", "Spring", "", "1850", "FY", "2017/2020", "13/2020", None, 3.5, "03/04",
     "Jun 2022-Jan 2022", "Q3 22/24", "Year ending Spring 2022", "Nov 15-17",
     "Jan 15-16", "30 Feb 2022", "21 Spring 2022"],
    ids=["slash-spans-two-years", "ends-before-start", "quarter-5", "a-word", "blank", "year-out-of-range",
         "prefix-only", "slash-spans-three", "month-13", "none", "a-fraction", "a-date-is-no-year-pair",
         "months-ending-before-they-start", "a-quarter-of-no-financial-year",
         "a-year-ending-in-no-month", "a-month-and-years-that-do-not-follow",
         "twelve-months-from-january-span-no-two-years", "a-day-its-month-has-not", "a-day-of-no-month"],
)  # fmt: skip
def test_impossible_or_unknown_periods_are_errors(text):
    with pytest.raises(PeriodError):
        parse_period(text)


def test_periods_sort_by_their_last_day():
    labels = ["2018/19", "2015-17", "2016", "2017/18 Q1", "2017/18"]
    ordered = sorted(labels, key=lambda t: parse_period(t).sort_key)
    assert ordered == ["2016", "2017/18 Q1", "2015-17", "2017/18", "2018/19"]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["2016/17", "2017/18", "2018/19"], True),
        (["2016/17", "2018/19"], False),
        (["2016", "2017", "2018"], True),
        (["2016", "2017/18"], False),
        (["2009-11", "2010-12"], False),
    ],
    ids=["financial-years-in-a-row", "a-gap", "calendar-years", "mixed-kinds", "rolling-periods-are-not-single-years"],
)
def test_consecutive_single_years(labels, expected):
    assert consecutive([parse_period(label) for label in labels]) is expected
