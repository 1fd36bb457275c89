"""The annual report's data tables, generated from the current data and laid out exactly as the 2021-22 review
laid them out (Measure | Polarity | Baseline: 2017/18 | each year | Overall Trend from 2017 | London), with the
legend, status fills and footnotes, as an Excel workbook (one sheet per theme) or a printable HTML page."""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from thplan.area import LONDON
from thplan.classification import Classification, TrendLabel
from thplan.display import HEX, TINT, colour, observation_text
from thplan.formula import neutralise
from thplan.framework import Framework
from thplan.measure import Kind
from thplan.narrative import theme_summary
from thplan.observation import Observation
from thplan.period import SINGLE_YEAR_KINDS, financial_or_academic, parse_period
from thplan.polarity import Polarity
from thplan.summary import by_theme

LEGEND = (TrendLabel.IMPROVED, TrendLabel.SAME, TrendLabel.WORSENED, TrendLabel.UNAVAILABLE)
REGIONS = (("Inner London", "Inner"), ("Outer London", "Outer"))


@dataclass(frozen=True)
class ReportRow:
    measure_id: str
    measure: str
    polarity: str
    cells: tuple[str, ...]
    trend: str
    london: str


@dataclass(frozen=True)
class ReportTable:
    theme_id: str
    title: str
    years: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    footnotes: tuple[str, ...] = ()
    summary: tuple[str, ...] = field(default=())

    @property
    def header(self) -> list[str]:
        first, *rest = self.years
        return ["Measure", "Polarity", f"Baseline: {first}", *rest, "Overall Trend from 2017", "London"]


def report_years(baseline: str, classifications: Sequence[Classification]) -> tuple[str, ...]:
    """The baseline year and every year after it up to the latest single year with a value."""
    start = parse_period(baseline)
    latest = start.start.year
    for c in classifications:
        for o in c.series:
            if o.available and o.period.kind in SINGLE_YEAR_KINDS and o.period.label.count("/") == 1:
                latest = max(latest, o.period.start.year)
    return tuple(financial_or_academic(year).label for year in range(start.start.year, latest + 1))


def _cell(o: Observation | None, c: Classification) -> str:
    if o is None:
        return ""
    text = observation_text(o, c.measure.unit)
    return f"{text}{o.footnote}" if o.available and o.footnote else text


def _london(c: Classification, series: Mapping[tuple[str, str], Sequence[Observation]], last_year: str) -> str:
    """London for the table's last year (its value, or why it is missing), with Inner and Outer London beside it
    when the data hold them; failing that, London's figure whose period its source does not state (as the
    review prints it); failing that, London's latest dated value, with its period."""
    london = list(series.get((c.measure.id, LONDON), ()))
    current = [o for o in london if o.period.label == last_year]
    if current and not current[-1].available:
        return current[-1].missing or ""
    if not current:
        current = [o for o in london if not o.dated and o.available]
    if not current:
        older = [o for o in london if o.available]
        if not older:
            return ""
        latest = max(older, key=lambda o: o.effective_period.sort_key)
        return f"{_cell(latest, c)} ({latest.effective_period.label})"
    latest = current[-1]
    parts = []
    for area, short in REGIONS:
        same = [o for o in series.get((c.measure.id, area), ()) if o.available and o.period == latest.period]
        if same:
            parts.append(f"{short}: {_cell(same[0], c)}")
    text = _cell(latest, c)
    return " ".join([*parts, f"Greater London: {text}"]) if parts else text


def annual_tables(
    framework: Framework,
    classifications: Sequence[Classification],
    series: Mapping[tuple[str, str], Sequence[Observation]],
) -> list[ReportTable]:
    """One table per theme of its outcome measures, from the current data."""
    outcome = [c for c in classifications if c.measure.kind is Kind.OUTCOME]
    years = report_years(framework.settings.baseline, outcome)
    tables = []
    for group in by_theme(framework, outcome):
        rows, notes = [], {}
        for c in group.classifications:
            by_period = {o.period.label: o for o in c.series}
            for o in c.series:
                if o.footnote and o.available and o.note:
                    notes[o.footnote] = f"{o.footnote}{o.note}"
            polarity = "" if c.measure.polarity is Polarity.NONE else c.measure.polarity.value
            cells = tuple(_cell(by_period.get(year), c) for year in years)
            rows.append(ReportRow(c.measure.id, c.measure.name, polarity, cells, c.overall.label.value,
                                  _london(c, series, years[-1])))  # fmt: skip
        tables.append(
            ReportTable(group.theme.id, f"Tower Hamlets data: {group.theme.name[0].lower()}{group.theme.name[1:]}",
                        years, tuple(rows), tuple(notes.values()),
                        tuple(theme_summary(group.theme.name, group.classifications)))
        )  # fmt: skip
    return tables


def workbook(tables: Sequence[ReportTable], as_at: datetime | None = None) -> bytes:
    """One sheet per theme: title, header, rows, footnotes, legend; a Notes sheet with the plain-English summary."""
    from openpyxl import Workbook  # slow to import: only when a workbook is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    def fill(label: str) -> PatternFill:
        return PatternFill("solid", fgColor=TINT[colour(label)].lstrip("#"))

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="BFBFBF")
    for table in tables:
        sheet = book.create_sheet(table.theme_id.title()[:31])
        sheet.append([neutralise(table.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
        sheet.append(table.header)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            sheet.append([neutralise(v) for v in (row.measure, row.polarity, *row.cells, row.trend, row.london)])
            trend_cell = sheet.cell(row=sheet.max_row, column=len(table.header) - 1)
            trend_cell.fill = fill(row.trend)
        for line in sheet.iter_rows(min_row=3, max_row=sheet.max_row):
            for cell in line:
                cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
                cell.data_type = "s" if isinstance(cell.value, str) else cell.data_type
        sheet.append([])
        for note in table.footnotes:
            sheet.append([neutralise(note)])
        sheet.append([])
        legend = sheet.max_row + 1
        for number, label in enumerate(LEGEND):
            cell = sheet.cell(row=legend, column=2 + 2 * number, value=label.value)
            cell.fill = fill(label)
        sheet.freeze_panes = "B4"
        sheet.column_dimensions["A"].width = 60
        for column in range(2, len(table.header) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
    notes = book.create_sheet("Notes")
    notes.append(["Tower Hamlets Plan: annual report data tables"])
    notes.append([f"Generated from the dashboard's data{f' on {as_at:%d %B %Y}' if as_at else ''}."])
    notes.append(["Overall Trend compares the first value from the 2017/18 baseline on with the latest (see README)."])
    for table in tables:
        notes.append([])
        notes.append([neutralise(table.title)])
        for sentence in table.summary:
            notes.append([neutralise(sentence)])
    notes.column_dimensions["A"].width = 140
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


PRINT_CSS = """
  body { font-family: Arial, Helvetica, sans-serif; color: #111; margin: 1.5cm; }
  h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 1.2em; }
  table { border-collapse: collapse; width: 100%; font-size: 9.5pt; page-break-inside: avoid; }
  th, td { border: 1px solid #bfbfbf; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #ddebf7; }
  td.num { text-align: right; white-space: nowrap; }
  .legend span { display: inline-block; padding: 2px 10px; margin-right: 8px; border: 1px solid #bfbfbf; }
  .summary { font-size: 10pt; }
  .footnote { font-size: 9pt; }
  section { page-break-after: always; }
  @page { size: A4 landscape; margin: 1cm; }
  @media print { body { margin: 0; } }
"""


def html_page(tables: Sequence[ReportTable], as_at: datetime | None = None) -> str:
    """A printable page (print to PDF from the browser gives one theme per page). All text is escaped."""
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Tower Hamlets Plan data tables"
             f"</title><style>{PRINT_CSS}</style></head><body><h1>Tower Hamlets Plan data</h1>"]  # fmt: skip
    if as_at:
        parts.append(f"<p>Generated from the dashboard's data on {as_at:%d %B %Y}.</p>")
    for table in tables:
        parts.append(f"<section><h2>{e(table.title)}</h2><table><thead><tr>")
        parts.extend(f"<th>{e(h)}</th>" for h in table.header)
        parts.append("</tr></thead><tbody>")
        for row in table.rows:
            cells = "".join(f"<td class='num'>{e(v)}</td>" for v in row.cells)
            style = f"background:{TINT[colour(row.trend)]}"
            parts.append(f"<tr><td>{e(row.measure)}</td><td>{e(row.polarity)}</td>{cells}"
                         f"<td style='{style}'>{e(row.trend)}</td><td>{e(row.london)}</td></tr>")  # fmt: skip
        parts.append("</tbody></table>")
        parts.extend(f"<p class='footnote'>{e(note)}</p>" for note in table.footnotes)
        legend = "".join(f"<span style='background:{TINT[colour(label)]};border-color:{HEX[colour(label)]}'>"
                         f"{e(label.value)}</span>" for label in LEGEND)  # fmt: skip
        parts.append(f"<p class='legend'>{legend}</p>")
        parts.append("<div class='summary'>" + "".join(f"<p>{e(s)}</p>" for s in table.summary) + "</div></section>")
    parts.append("</body></html>")
    return "".join(parts)
