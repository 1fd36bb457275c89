"""The annual report's data tables, generated from the current data and laid out exactly as the 2021-22 review
laid them out (Measure | Polarity | Baseline: 2017/18 | each year | Overall Trend from 2017 | London), with the
legend, status fills and footnotes, as an Excel workbook (one sheet per theme) or a printable HTML page."""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from thplan.area import LONDON
from thplan.classification import Classification, TrendLabel
from thplan.display import HEX, TINT, colour, observation_text, spreadsheet_number
from thplan.formula import neutralise
from thplan.framework import DEFAULT_BASELINE, Framework
from thplan.measure import Kind, Unit
from thplan.narrative import theme_summary
from thplan.observation import Observation
from thplan.period import SINGLE_YEAR_KINDS, financial_or_academic, parse_period
from thplan.polarity import Polarity
from thplan.summary import by_theme
from thplan.targets import Comment

LEGEND = (TrendLabel.IMPROVED, TrendLabel.SAME, TrendLabel.WORSENED, TrendLabel.UNAVAILABLE)
REGIONS = (("Inner London", "Inner"), ("Outer London", "Outer"))


@dataclass(frozen=True)
class ReportCell:
    """One figure of a table: the value (None where there is none) and how the report prints it."""

    value: Observation | None
    text: str


@dataclass(frozen=True)
class ReportRow:
    measure_id: str
    measure: str
    polarity: str
    cells: tuple[ReportCell, ...]
    trend: str
    london: ReportCell
    unit: Unit | None = None
    #: Inner and Outer London beside Greater London, where the data hold them (the review prints them in one cell).
    regions: tuple[tuple[str, ReportCell], ...] = ()
    #: What is being done (issue 21): the target of the latest value's period, the status against it, the latest
    #: commentary; blank where there is none.
    target: str = ""
    status: str = ""
    commentary: str = ""

    @property
    def accountable(self) -> tuple[str, str, str]:
        return (self.target, self.status, self.commentary)


ACCOUNTABLE = ("Target", "vs target", "Commentary")


@dataclass(frozen=True)
class ReportTable:
    theme_id: str
    title: str
    years: tuple[str, ...]
    rows: tuple[ReportRow, ...]
    footnotes: tuple[str, ...] = ()
    summary: tuple[str, ...] = field(default=())
    baseline: str = DEFAULT_BASELINE

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(name for row in self.rows for name, _ in row.regions))

    @property
    def with_targets(self) -> bool:
        """Whether any measure of the table has a target or a commentary (their columns are shown only then)."""
        return any(row.target or row.commentary for row in self.rows)

    @property
    def header(self) -> list[str]:
        first, *rest = self.years
        return ["Measure", "Polarity", f"Baseline: {first}", *rest, f"Overall Trend from {self.baseline[:4]}",
                "London", *(ACCOUNTABLE if self.with_targets else ())]  # fmt: skip


def report_years(baseline: str, classifications: Sequence[Classification]) -> tuple[str, ...]:
    """The baseline year and every year after it up to the latest single year with a value."""
    start = parse_period(baseline)
    latest = start.start.year
    for c in classifications:
        for o in c.series:
            if o.available and o.period.kind in SINGLE_YEAR_KINDS and o.period.label.count("/") == 1:
                latest = max(latest, o.period.start.year)
    return tuple(financial_or_academic(year).label for year in range(start.start.year, latest + 1))


def _cell(o: Observation | None, c: Classification) -> ReportCell:
    if o is None:
        return ReportCell(None, "")
    text = observation_text(o, c.measure.unit)
    return ReportCell(o if o.available else None, f"{text}{o.footnote}" if o.available and o.footnote else text)


def _london(c: Classification, series: Mapping[tuple[str, str], Sequence[Observation]], last_year: str
            ) -> tuple[ReportCell, tuple[tuple[str, ReportCell], ...]]:  # fmt: skip
    """London as the measure is compared with it (R7), so that the table agrees with the dashboard: its value for
    the table's last year, or its figure whose period its source does not state, or its latest value with that
    value's period; where there is none, why London's value for the last year is missing. Inner and Outer London
    beside it when the data hold them for the same period."""
    london = list(series.get((c.measure.id, LONDON), ()))
    compared = c.vs(LONDON).benchmark
    if compared is None or not compared.available:
        # why London's figure for the last year is missing (an older table's reason is not this year's)
        missing = [o for o in london if not o.available and last_year in (o.period.label, o.context_period)]
        return ReportCell(None, missing[-1].missing or "" if missing else ""), ()
    if compared.dated and compared.effective_period.label != last_year:
        return ReportCell(compared, f"{_cell(compared, c).text} ({compared.effective_period.label})"), ()
    regions = []
    for area, short in REGIONS:
        same = [o for o in series.get((c.measure.id, area), ()) if o.available and o.period == compared.period]
        if same:
            regions.append((short, _cell(same[0], c)))
    return _cell(compared, c), tuple(regions)


def annual_tables(
    framework: Framework,
    classifications: Sequence[Classification],
    series: Mapping[tuple[str, str], Sequence[Observation]],
    comments: Mapping[str, Comment] | None = None,
) -> list[ReportTable]:
    """One table per theme of its outcome measures (the Plan's), from the current data; each measure named as the
    annual report names it."""
    outcome = [c for c in classifications if c.measure.kind is Kind.OUTCOME and framework.in_plan(c.measure)]
    baseline = framework.settings.baseline
    years = report_years(baseline, outcome)
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
            london, regions = _london(c, series, years[-1])
            comment = (comments or {}).get(c.measure.id)
            target = c.target.target if c.target is not None else None
            rows.append(ReportRow(c.measure.id, c.measure.report_name or c.measure.name, polarity, cells,
                                  c.overall.label.value, london, c.measure.unit, regions,
                                  f"{target} ({target.period})" if target else "",
                                  c.target_label.value if target else "", comment.text if comment else ""))  # fmt: skip
        tables.append(
            ReportTable(group.theme.id, f"Tower Hamlets data: {group.theme.name[0].lower()}{group.theme.name[1:]}",
                        years, tuple(rows), tuple(notes.values()),
                        tuple(theme_summary(group.theme.name, group.classifications, baseline)), baseline)
        )  # fmt: skip
    return tables


def london_text(row: ReportRow) -> str:
    """The London cell as the review prints it ('Inner: 2.9% Outer: 0.1% Greater London: 1.9%')."""
    if not row.regions:
        return row.london.text
    return " ".join([*(f"{name}: {cell.text}" for name, cell in row.regions), f"Greater London: {row.london.text}"])


def workbook(tables: Sequence[ReportTable], as_at: datetime | None = None) -> bytes:
    """One sheet per theme: title, header, rows, footnotes, legend; a Notes sheet with the plain-English summary.
    Every figure is a number with the number format that prints it as published; text cells are neutralised."""
    from openpyxl import Workbook  # slow to import: only when a workbook is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    def fill(label: str) -> PatternFill:
        return PatternFill("solid", fgColor=TINT[colour(label)].lstrip("#"))

    def put(sheet: Any, row: int, column: int, cell: ReportCell, unit: Unit | None) -> None:
        if cell.value is not None and cell.value.value is not None:
            number, fmt = spreadsheet_number(cell.value.value, cell.value.decimals, unit, cell.value.footnote)
            target = sheet.cell(row=row, column=column, value=number)
            target.number_format = fmt
        elif cell.text:
            sheet.cell(row=row, column=column, value=neutralise(cell.text)).data_type = "s"

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin", color="BFBFBF")
    for table in tables:
        sheet = book.create_sheet(table.theme_id.title()[:31])
        sheet.append([neutralise(table.title)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
        plain = table.header[: len(table.header) - (len(ACCOUNTABLE) if table.with_targets else 0)]
        header = [*plain, *(f"{name} London" for name in table.regions),
                  *(ACCOUNTABLE if table.with_targets else ())]  # fmt: skip
        sheet.append(header)
        for cell in sheet[3]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for row in table.rows:
            line = sheet.max_row + 1
            sheet.cell(row=line, column=1, value=neutralise(row.measure)).data_type = "s"
            if row.polarity:
                sheet.cell(row=line, column=2, value=row.polarity)
            for column, cell in enumerate(row.cells, start=3):
                put(sheet, line, column, cell, row.unit)
            trend = sheet.cell(row=line, column=3 + len(row.cells), value=row.trend)
            trend.fill = fill(row.trend)
            put(sheet, line, 4 + len(row.cells), row.london, row.unit)
            regions = dict(row.regions)
            for offset, name in enumerate(table.regions):
                if name in regions:
                    put(sheet, line, 5 + len(row.cells) + offset, regions[name], row.unit)
            if table.with_targets:
                for offset, text in enumerate(row.accountable, start=5 + len(row.cells) + len(table.regions)):
                    if text:
                        sheet.cell(row=line, column=offset, value=neutralise(text)).data_type = "s"
                if row.status:
                    sheet.cell(row=line, column=6 + len(row.cells) + len(table.regions)).fill = fill(row.status)
        for line in sheet.iter_rows(min_row=3, max_row=sheet.max_row, max_col=len(header)):
            for cell in line:
                cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
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
        for column in range(2, len(header) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
    notes = book.create_sheet("Notes")
    notes.append(["Tower Hamlets Plan: annual report data tables"])
    notes.append([f"Generated from the dashboard's data{f' on {as_at:%d %B %Y}' if as_at else ''}."])
    baseline = tables[0].baseline if tables else ""
    notes.append([f"Overall Trend compares each measure's first value from the {baseline} baseline on with its latest "
                  "(see README)."])  # fmt: skip
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
  h1 { font-size: 16pt; margin: 0 0 0.2em; } h2 { font-size: 13pt; margin: 0.4em 0; }
  table { border-collapse: collapse; width: 100%; font-size: 9pt; page-break-inside: avoid; }
  th, td { border: 1px solid #bfbfbf; padding: 3px 5px; text-align: left; vertical-align: top; }
  th { background: #ddebf7; }
  td.num { text-align: right; white-space: nowrap; }
  .legend span { display: inline-block; padding: 2px 10px; margin-right: 8px; border: 1px solid #bfbfbf; }
  .summary { font-size: 8.5pt; column-count: 2; column-gap: 1cm; }
  .summary p { margin: 0 0 0.35em; break-inside: avoid; }
  .footnote { font-size: 8.5pt; }
  section { page-break-after: always; break-inside: avoid; }
  section:last-child { page-break-after: auto; }
  @page { size: A4 landscape; margin: 1cm; }
  @media print { body { margin: 0; } }
"""


def html_page(tables: Sequence[ReportTable], as_at: datetime | None = None) -> str:
    """A printable page (print to PDF from the browser gives one theme per page). All text is escaped."""
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Tower Hamlets Plan data tables"
             f"</title><style>{PRINT_CSS}</style></head><body>"]  # fmt: skip
    for number, table in enumerate(tables):
        parts.append("<section>")
        if number == 0:  # on the first theme's page: a title page of its own would hold one line
            generated = f"Generated from the dashboard's data on {as_at:%d %B %Y}." if as_at else ""
            parts.append(f"<h1>Tower Hamlets Plan data</h1><p class='footnote'>{generated}</p>")
        parts.append(f"<h2>{e(table.title)}</h2><table><thead><tr>")
        parts.extend(f"<th>{e(h)}</th>" for h in table.header)
        parts.append("</tr></thead><tbody>")
        for row in table.rows:
            cells = "".join(f"<td class='num'>{e(v.text)}</td>" for v in row.cells)
            style = f"background:{TINT[colour(row.trend)]}"
            extra = "".join(f"<td>{e(text)}</td>" for text in row.accountable) if table.with_targets else ""
            parts.append(f"<tr><td>{e(row.measure)}</td><td>{e(row.polarity)}</td>{cells}<td style='{style}'>"
                         f"{e(row.trend)}</td><td>{e(london_text(row))}</td>{extra}</tr>")  # fmt: skip
        parts.append("</tbody></table>")
        parts.extend(f"<p class='footnote'>{e(note)}</p>" for note in table.footnotes)
        legend = "".join(f"<span style='background:{TINT[colour(label)]};border-color:{HEX[colour(label)]}'>"
                         f"{e(label.value)}</span>" for label in LEGEND)  # fmt: skip
        parts.append(f"<p class='legend'>{legend}</p>")
        parts.append("<div class='summary'>" + "".join(f"<p>{e(s)}</p>" for s in table.summary) + "</div></section>")
    parts.append("</body></html>")
    return "".join(parts)
