"""Write the reference spreadsheets in data/ from the transcriptions below (run: python tools/make_reference_data.py).

The tables are transcribed cell by cell from the seed reports (see data/README.md) and laid out as an officer would
have them after pasting the report tables into Excel: title rows above each table, the report's own header
wording, legend and footnote rows. In the 2021 report workbook numbers are typed as numbers with the report's
number formats (42% is 0.42 formatted 0%); in the 2021-22 review workbook percentages stay as typed text ("64.7%").
tests/test_reference_data.py checks every cell against the seed text.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_framework as fw
import reference_tracker as tracker

DATA = Path(__file__).resolve().parent.parent / "data"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")

AR2021_HEADER = [
    "Measure", "Polarity", "2017/18", "2018/2019", "2019/2020",
    "Direction of Travel (between latest available year and previous year)", "London Benchmark (latest)",
    "England Benchmark (latest)", "Performance compared to London Benchmark",
    "Performance compared to England Benchmark",
]  # fmt: skip

# Tower Hamlets Plan Annual Report 2021 (seed 003), Appendix A Performance Trends: (title, rows, notes after).
AR2021_TABLES = [
    ("Better health and wellbeing", [
        "Healthy life expectancy for men (at birth)\tHigher is better\t61.9 (2015-2017)\t60.5 (2016-2018)\tData not published\t↓\t64.2 (2016-18)\t63.4 (2016-18)\t↓\t↓",
        "Healthy life expectancy for women (at birth)\tHigher is better\t57.2 (2015-2017)\t56.6 (2016-18)\tData not published\t↓\t64.4 (2016-18)\t63.9 (2016-18)\t↓\t↓",
        "Year 6 prevalence of overweight or obese\tLower is better\t42%\t41.5%\t41.8%\t↓\t38.2%\t35.2%\t↓\t↓",
        "Percentage residents exposed to N02 levels that exceed the EU limit\tLower is better\t77% (2016)\tData not published\tData not published\tN/A\t2016 Data Central 100% Inner 48% Outer 3% Greater London 24%\tN/A\tN/A\tN/A",
        "Residents happiness rating compared to London and England (Respondents gave a score of 0 to 10)\tHigher is better\t7.3\t7.7\tData not published\t↑\t7.5\t7\t↑\t↑",
        "Children and young people accessing timely mental health support\tHigher is better\tN/A\tN/A\t45.5%\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Hospital admissions for asthma for young people aged 19 and under. London, (188.1), England, (186.4)\tLower is better\t192.9\t263.0\tData not published\t↓\t197.5\t178.4\t↑\t↑",
    ], []),
    ("Good jobs and employment", [
        "Employment Rate\tHigher is better\t64.7%\t73.0%\t71.8%\t↓\t75.1%\t75.9%\t↓\t↓",
        "Business survival rate (in one year)\tHigher is better\t88.1%\t86.5%\tData not published\t↓\t87.1%\t89.3%\t↓\t↑",
        "Residents supported into sustainable employment through support from the WorkPath partnership\tHigher is better\t994\t1113\t1180\t↑\tN/A\tN/A\tN/A\tN/A",
        "Residents with a Level 1 qualification (% with NVQ1 only - aged 16-64)\tHigher is better\t5.3%\t6.9%\t2.2%\t↓\t6.5%\t10.1%\t↓\t↓",
        "Job growth\tHigher is better\t2.8%\t2.3%\tData not published\t↓\t1.2%\t1.4%\t↑\t↑",
    ], []),
    ("A better deal for children and young people", [
        "Pupil progress in reading for KS2\tHigher is better\t0.8\t1.1\t1.3\t↑\t0.8\t0\t↑\t↑",
        "Pupil progress in writing for KS2\tHigher is better\t1.4\t1.5\t1.2\t↓\t0.8\t0\t↑\t↑",
        "Pupil progress in maths for KS2\tHigher is better\t1.2\t1.9\t1.9\t→\t1.2\t0\t↑\t↑",
        "Pupils have participated in positive activities in the past four weeks\tHigher is better\t83%\tN/A\tData not published\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Percentage of secondary school pupils who have enough information and support to help plan their future\tHigher is better\t37%\tN/A\tData not published\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Progress 8 score at the end of KS4\tHigher is better\t0.25\t0.15\t0.24\t↑\t0.22\t-0.03\t↑\t↑",
    ], []),
    ("Strong, resilient and safe community", [
        "Percentage of residents who feel safe during the day\tHigher is better\tN/A\t86%\tAnnual Resident Survey results will be available in May 2021\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Percentage of residents who feel that partners are dealing effectively with crime and anti-social behaviour\tHigher is better\t57%\t52%\t\t↓\tN/A\tN/A\tN/A\tN/A",
        "Percentage of residents satisfied with their area as a place to live\tHigher is better\t79%\t70%\t\t↓\tN/A\tN/A\tN/A\tN/A",
        "Percentage of residents who feel that people from different backgrounds get on well together\tHigher is better\t86%\t78%\t\t↓\t75%\t81%\t↑\t↓",
        "Population turnover rate (per 1,000 population)\tN/A\t235\t284\tData not published\tN/A\tN/A\tN/A\tN/A\tN/A",
    ], []),
    ("Output measures", [
        "Number of SMEs and new enterprises supported through the council's business programmes\tHigher is better\tN/A\tN/A\t124\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Percentage of 16-17 year olds in education, employment and training\tHigher is better\t93.2%\t92.9%\t94.6%\t↑\t95.5%\t92.6%\tLower\tHigher",
        "People who are more independent after being supported through reablement services\tHigher is better\t54.6\t60.2\t78.1\t↑\t79.3\t79.5\tLower\tLower",
        "Long term looked after children who are in stable placements\tHigher is better\t57.0%\t62.0%\t74.0%\t↑\t70.0%\t68.0%\tHigher\tHigher",
        "Young people engaging with the youth service who receive a recorded outcome\tHigher is better\t54.0%\t49.9%\t61.0%\t↑\tN/A\tN/A\tN/A\tN/A",
        "% of clients using social care who receive self-directed support (up to 2014/15 also included carers) - Snapshot\tHigher is better\t73%\t83.80%\t93%\t↑\t94.6%\t91.90%\tLower\tHigher",
        "Percentage of child protection reviews carried out within statutory timescales\tHigher is better\t91.1%\t98.9%\t98.2%\t↓\t95.8%\t91.5%\tHigher\tHigher",
        "Victims of violence against women and girls who feel safe after engaging with victim support\tHigher is better\tN/A\tN/A\t97%\tN/A\tN/A\tN/A\tN/A\tN/A",
        "Tower Hamlets Plan",
        "Number of opiate users starting treatment (new presentations)\tHigher is better\t432\t388\t404\t↑\t5,680\t40,512\tN/A\tN/A",
        "Percentage of all drug (opiate) users completing treatment and not re-presenting\tHigher is better\t4.5%\t5.5%\t6.5%\t↑\tN/A\t5.70%\tN/A\tBetter",
        "Number of homes built\tHigher is better\tN/A\t1031\t4098\t↑\tN/A\tN/A\tN/A\tN/A",
        "Number of affordable homes built ²\tHigher is better\tN/A\t132\t1005\t↑\tN/A\tN/A\tN/A\tN/A",
        "Average annual income increase for residents receiving benefits maximisation\tHigher is better\tN/A\t£559.87\t£773.34\t↑\tN/A\tN/A\tN/A\tN/A",
        "Lets to overcrowded households\tHigher is better\tN/A\t755\t1078\t↑\tN/A\tN/A\tN/A\tN/A",
    ], [
        "² Provisional figures based on building control completion certificates (the council's official reporting channel) are that 590 affordable homes were completed in 2020/21. We are aware that completions confirmation from approved inspectors is still outstanding for a number of developments, and we expect to be able to report final data at the end of July.",
        "Of the 590 affordable homes completed so far this year - 275 are intermediate housing and 315 are for rent. 142 are social rent and 173 are affordable rent. There is no mechanism to disaggregate rent types further.",
    ]),
]  # fmt: skip

AR2022_HEADER = ["Measure", "Polarity", "Baseline: 2017/18", "2018/2019", "2019/2020", "2020/21", "2021/22",
                 "Overall Trend from 2017", "London"]  # fmt: skip
LEGEND = ["", "Improved", "", "The same", "", "Worsened", "", "Data Unavailable"]

# Tower Hamlets Plan Annual Review 2021-22 (seed 001), Tower Hamlets Plan data: (sheet, title, header, rows, notes).
AR2022_TABLES = [
    ("Children and young people", "Tower Hamlets data: a better deal for children and young people", AR2022_HEADER, [
        "Pupil progress score in reading for KS2\tHigher is better\t1.1\t1.3\t\t\t\tImproved\t0.8",
        "Pupil progress score in writing for KS2\tHigher is better\t1.5\t1.2\t\t\t\tWorsened\t0.8",
        "Pupil progress score in maths for KS2\tHigher is better\t1.9\t1.9\t\t\t\tThe same\t1.2",
        "Percentage of pupils have participated in positive activities in the past four weeks\tHigher is better\t\t\t\t\t98%\tData Unavailable\t",
        "Percentage of secondary school pupils who have enough information and support to help plan their future\tHigher is better\t\t\t\t\t37.8%\tData Unavailable\t",
        "Progress 8 score at the end of KS4\tHigher is better\t0.15\t0.24\t\t\t\tImproved\t0.22",
    ], []),
    ("Jobs and employment", "Tower Hamlets data: good jobs and employment", AR2022_HEADER, [
        "Employment Rate\tHigher is better\t64.7%\t73%\t71.8%\t72.6%\t72.9%\tImproved\t74.9%",
        "Business survival rate (in one year)\tHigher is better\t88.1%\t86.5%\tData Unavailable\t81.8%\tData Unavailable\tWorsened\t84.1%",
        "Number of residents supported into sustainable employment through support from the WorkPath partnership\tHigher is better\t994\t1113\t1180\t692\t891\tWorsened\tData Unavailable",
        "Residents with a Level 1 qualification (% with NVQ1 only - aged 16-64)\tHigher is better\t5.3%\t6.9%\t2.2%\t5.1%\t6.1%\tImproved\t5.8%",
        "Job growth\tHigher is better\t2.8%\t2.3%\t-4.9%\tData Unavailable\tData Unavailable\tWorsened\t-2.5%",
    ], []),
    ("Safe communities", "Tower Hamlets data: strong, resilient and safe communities", AR2022_HEADER, [
        "Percentage of residents who feel safe during the day\tHigher is better\t\t86%\t\t89%*\t\tImproved\t94%",
        "Percentage of residents who feel that partners are dealing effectively with crime and anti-social behaviour\tHigher is better\t57%\t52%\t\t42%*\t\tWorsened\t",
        "Percentage of residents satisfied with their area as a place to live\tHigher is better\t79%\t70%\t\t74%*\t\tWorsened\t83%",
        "Percentage of residents who feel that people from different backgrounds get on well together\tHigher is better\t86%\t78%\t\t79%*\t\tWorsened\t",
        "Population turnover rate (per 1,000 population)\t\t235\t248\t227\t\t\tData Unavailable\t95",
    ], ["*N.B: Telephone survey, so not comparable to previous years Annual Residents Survey results (ARS)"]),
    ("Health and wellbeing", "Tower Hamlets data: better health and wellbeing",
     ["Measure", "Polarity", "2017/18", "2018/2019", "2019/2020", "2020/21", "2021/22", "Overall Trend from 2017",
      "London"], [
        "Healthy life expectancy years for men (at birth)\tHigher is better\t61.9\t60.5\t\t65.3\t\t\t63.8",
        "Healthy life expectancy years for women (at birth)\tHigher is better\t57.2\t56.6\t\t57.8\t\t\t65.0",
        "Year 6 prevalence of overweight or obese\tLower is better\t42%\t41.4%\t41.7%\t\t\t\t38.2%",
        "Percentage residents exposed to N02 levels that exceed the EU limit\tLower is better\t77%\t\t7.5%\t\t\t\tInner: 2.9% Outer: 0.1% Greater London: 1.9%",
        "Residents' happiness rating compared to London and England (score 0 to 10)\tHigher is better\t7.3\t7.7\t7.6\t7.1\t\t\t7.2",
        "Children and young people accessing timely mental health support\tHigher is better\t\t\t45.5%\t27.1%\t\t\t",
        "Hospital admissions for asthma for young people aged 19 and under (per 100.000 population)\tLower is better\t192.9\t263\t224.6\t51.6\t\t\t72.9",
    ], []),
]  # fmt: skip

_NUMBER = re.compile(r"^(?P<cur>£)?(?P<num>-?\d{1,3}(?:,\d{3})+|-?\d+)(?P<dec>\.\d+)?(?P<pct>%)?$")


def typed(text: str) -> tuple[object, str | None]:
    """A seed cell as an officer's workbook holds it: a number with the report's number format, or text."""
    m = _NUMBER.match(text)
    if not m:
        return (text or None), None
    decimals = len(m.group("dec") or ".") - 1
    number = float(m.group("num").replace(",", "") + (m.group("dec") or ""))
    places = "." + "0" * decimals if decimals else ""
    if m.group("pct"):
        return round(number / 100, decimals + 4), f"0{places}%"
    if m.group("cur"):
        return number, f'"£"#,##0{places}'
    if "," in m.group("num"):
        return int(number), "#,##0"
    if decimals:
        return number, f"0{places}"
    return int(number), None


def _plain_or_text(text: str) -> tuple[object, str | None]:
    """The review workbook: plain numbers are numbers, anything with % or a marker stays text."""
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        value, fmt = typed(text)
        return value, fmt
    return (text or None), None


def _write_row(ws, row: int, cells: list[str], convert, bold: bool = False) -> None:
    for column, text in enumerate(cells, start=1):
        value, fmt = convert(text)
        if value is None:
            continue
        cell = ws.cell(row=row, column=column, value=value)
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws, first: int = 60, rest: int = 16) -> None:
    ws.column_dimensions["A"].width = first
    for column in range(2, ws.max_column + 1):
        ws.column_dimensions[get_column_letter(column)].width = rest


def write_annual_report_2021(path: Path) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "Appendix A"
    ws.cell(row=1, column=1, value="Appendix A Performance Trends").font = Font(bold=True, size=14)
    row = 3
    for title, rows, notes in AR2021_TABLES:
        ws.cell(row=row, column=1, value=title).font = Font(bold=True, size=12)
        _write_row(ws, row + 1, AR2021_HEADER, lambda t: (t, None), bold=True)
        row += 2
        for line in rows:
            _write_row(ws, row, line.split("\t"), typed)
            row += 1
        for note in notes:
            ws.cell(row=row, column=1, value=note)
            row += 1
        row += 1
    _widths(ws)
    book.save(path)


def write_annual_review_2022(path: Path) -> None:
    book = Workbook()
    book.remove(book.active)
    for sheet, title, header, rows, notes in AR2022_TABLES:
        ws = book.create_sheet(sheet)
        ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=12)
        _write_row(ws, 3, header, lambda t: (t, None), bold=True)
        row = 4
        for line in rows:
            _write_row(ws, row, line.split("\t"), _plain_or_text)
            row += 1
        row += 1
        for note in notes:
            ws.cell(row=row, column=1, value=note)
            row += 1
        _write_row(ws, row + 1, LEGEND, lambda t: (t or None, None))
        _widths(ws)
    book.save(path)


def write_framework(path: Path) -> None:
    book = Workbook()
    plan = book.active
    plan.title = "Plan"
    _write_row(plan, 1, ["Setting", "Value"], lambda t: (t, None), bold=True)
    for number, (key, value) in enumerate(fw.PLAN, start=2):
        plan.cell(row=number, column=1, value=key)
        plan.cell(row=number, column=2, value=value)
    themes = book.create_sheet("Themes")
    _write_row(themes, 1, ["id", "name", "short name", "board", "priorities", "description"], lambda t: (t, None),
               bold=True)  # fmt: skip
    for number, t in enumerate(fw.THEMES, start=2):
        for column, value in enumerate(
            [t["id"], t["name"], t["short_name"], t["board"], "\n".join(t["priorities"]), t["description"]], start=1
        ):
            themes.cell(row=number, column=column, value=value).alignment = Alignment(wrap_text=True, vertical="top")
    outcomes = book.create_sheet("Outcomes")
    _write_row(outcomes, 1, ["id", "theme", "name"], lambda t: (t, None), bold=True)
    for number, outcome in enumerate(fw.OUTCOMES, start=2):
        for column, value in enumerate(outcome, start=1):
            outcomes.cell(row=number, column=column, value=value)
    measures = book.create_sheet("Measures")
    columns = ["id", "name", "aliases", "theme", "outcome", "kind", "polarity", "unit", "period type", "definition",
               "notes", "source", "tolerance", "report name"]  # fmt: skip
    # The name each measure's row has in the 2021-22 review's data tables (one of its aliases): the report keeps it.
    review_names = {row.split("\t")[0] for _, _, _, rows, _ in AR2022_TABLES for row in rows}
    _write_row(measures, 1, columns, lambda t: (t, None), bold=True)
    for number, m in enumerate(fw.MEASURES, start=2):
        values = [m["id"], m["name"], "\n".join(m.get("aliases", [])), m.get("theme", ""), m.get("outcome", ""),
                  m.get("kind", "outcome"), m["polarity"], m["unit"], m.get("period_type", "financial"),
                  m.get("definition", ""), m.get("notes", ""), m.get("source", ""), m.get("tolerance"),
                  next((a for a in m.get("aliases", []) if a in review_names), "")]  # fmt: skip
        for column, value in enumerate(values, start=1):
            if value not in (None, ""):
                measures.cell(row=number, column=column, value=value).alignment = Alignment(wrap_text=True)
    for ws, widths in ((themes, [14, 44, 28, 40, 60, 50]), (outcomes, [30, 14, 80]), (measures, [34, 60, 60, 14, 30])):
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
    book.save(path)


def write_tracker(path: Path) -> None:
    """Seed 004 as an officer's tracker workbook: a Tracker sheet and one Delivery row per activity or deliverable."""
    from datetime import date, datetime

    book = Workbook()
    about = book.active
    about.title = "Tracker"
    _write_row(about, 1, ["Setting", "Value"], lambda t: (t, None), bold=True)
    settings = [
        ("Title", tracker.TRACKER["title"]),
        ("Period start", date.fromisoformat(tracker.TRACKER["period_start"])),
        ("Period end", date.fromisoformat(tracker.TRACKER["period_end"])),
        ("As at", date.fromisoformat(tracker.TRACKER["as_at"])),
        ("Theme", tracker.TRACKER["theme"]),
    ]
    for number, (key, value) in enumerate(settings, start=2):
        about.cell(row=number, column=1, value=key)
        cell = about.cell(row=number, column=2, value=value)
        if isinstance(value, date):
            cell.number_format = "dd/mm/yyyy"
    sheet = book.create_sheet("Delivery")
    header = ["Priority", "Type", "Item", "Champions or lead officer", "Deadline", "Status", "% complete", "Comments"]
    _write_row(sheet, 1, header, lambda t: (t, None), bold=True)
    for number, item in enumerate(tracker.ITEMS, start=2):
        deadline = datetime.strptime(item["deadline"], "%d/%m/%y").date() if item["deadline"] else None
        values = [item["priority"], item["type"], item["item"], item["people"], deadline, item["status"],
                  item["percent"], item["comments"]]  # fmt: skip
        for column, value in enumerate(values, start=1):
            if value in (None, ""):
                continue
            cell = sheet.cell(row=number, column=column, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column == 5:
                cell.number_format = "dd/mm/yy"
    for column, width in enumerate([34, 16, 60, 34, 11, 12, 11, 100], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 100
    sheet.freeze_panes = "A2"
    book.save(path)


def main() -> None:
    DATA.mkdir(exist_ok=True)
    write_framework(DATA / "framework.xlsx")
    write_annual_report_2021(DATA / "2021_annual_report_appendix_a.xlsx")
    write_annual_review_2022(DATA / "2021-22_annual_review_data_tables.xlsx")
    write_tracker(DATA / "hwb_strategy_tracker_2017.xlsx")
    print(f"wrote reference spreadsheets to {DATA}")


if __name__ == "__main__":
    main()
